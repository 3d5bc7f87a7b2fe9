"""End to end: the team's trap fixture contracts (absent / undermined / protected for each trap flag)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.analyzer import Analyzer, Settings
from extractor.dataset import contract_text
from extractor.taxonomy import TRAP_FLAGS

CONTRACTS = Path(__file__).resolve().parent.parent / "training_data" / "contracts"
TRAPS = sorted(CONTRACTS.glob("trap_*.json"))


def render_contract(contract: dict, path: Path) -> Path:
    """Write a team contract as plain text (extractor.dataset.contract_text)."""
    path.write_text(contract_text(contract), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(Settings(trust_model=True))


def test_every_trap_case_is_covered() -> None:
    cases = {(f, json.loads(p.read_text())["flag_cases"][f]) for p in TRAPS for f in TRAP_FLAGS}
    assert {(f, c) for f in TRAP_FLAGS for c in ("absent", "undermined", "protected")} <= cases


@pytest.mark.parametrize("path", TRAPS, ids=lambda p: p.stem)
def test_trap_fixture_end_to_end(path: Path, analyzer: Analyzer, tmp_path: Path) -> None:
    contract = json.loads(path.read_text(encoding="utf-8"))
    report = analyzer(render_contract(contract, tmp_path / f"{path.stem}.txt"))
    raised = {f.id: f for f in report.flags}
    for flag_id in TRAP_FLAGS:
        case = contract["flag_cases"][flag_id]
        if case == "protected":
            assert flag_id not in raised, (flag_id, raised.get(flag_id))
            continue
        assert flag_id in raised, flag_id
        flag = raised[flag_id]
        assert flag.reason == case
        if case == "undermined":
            assert flag.evidence and all(e.quote for e in flag.evidence)
        else:
            assert flag.searched and flag.searched["paragraphs"] == len(report.paragraphs)
    provider = report.parties["provider"]
    assert provider and (provider["name"] == contract["provider"] or set(provider["terms"]) & set(contract["provider_terms"]))


def test_all_fixture_contracts_mostly_right(analyzer: Analyzer, tmp_path: Path) -> None:
    right = scored = 0
    for path in sorted(CONTRACTS.glob("*.json")):
        contract = json.loads(path.read_text(encoding="utf-8"))
        if "expected_flags" not in contract:
            continue
        raised = {f.id for f in analyzer(render_contract(contract, tmp_path / f"{path.stem}.txt")).flags}
        for flag_id, want in contract["expected_flags"].items():
            if want in ("R", "N"):
                scored += 1
                right += (flag_id in raised) == (want == "R")
    assert scored and right / scored >= 0.85


def test_cli_rules_file_changes_the_flags(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from extractor.cli import main

    contract = json.loads((CONTRACTS / "trap_09.json").read_text(encoding="utf-8"))
    txt = render_contract(contract, tmp_path / "trap_09.txt")
    rules = tmp_path / "rules.json"
    rules.write_text(json.dumps({"price_change_unilateral": {"patterns": ["\\bCouncil\\b"], "examples": {}}}))
    args = ["analyze", str(txt), "--trust-model", "--format", "json", "--time-limit", "0", "--memory-mb", "0"]
    plain = CliRunner().invoke(main, args)
    custom = CliRunner().invoke(main, [*args, "--rules", str(rules), "--provider", "Meridian", "--client", "Council"])
    assert plain.exit_code == 0 and custom.exit_code == 0, custom.output
    flags = {f["id"]: f for f in json.loads(custom.output)["flags"]}
    assert "missing_payment_change_terms" not in {f["id"] for f in json.loads(plain.output)["flags"]}
    assert flags["missing_payment_change_terms"]["reason"] == "undermined"
    assert json.loads(custom.output)["parties"]["client"]["terms"][0] == "Council"
