"""Trap flags against the dev contracts' expected R/N/E: per-flag table, accuracy, recall of R.

    python scripts/eval_flags.py [--shared ../shared] [--rules FILE] [--contracts training_data/contracts]

Each dev contract is analysed from its PDF in corpus/real where it exists, else its .txt. With
--contracts, the team's fixture contracts (JSON) are rendered to text and scored the same way.
Prints one line per contract that misses, then the table. Never imported by the package.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from extractor.analyzer import Analyzer, Settings
from extractor.dataset import contract_text
from extractor.taxonomy import TRAP_FLAGS

ROOT = Path(__file__).resolve().parent.parent


def render_contract(contract: dict, path: Path) -> Path:
    """Write a team contract as plain text (extractor.dataset.contract_text)."""
    path.write_text(contract_text(contract), encoding="utf-8")
    return path


def dev_cases(shared: Path) -> Iterator[tuple[str, Path, dict[str, str]]]:
    data = json.loads((shared / "eval" / "dev_contracts.json").read_text(encoding="utf-8"))
    real = shared / "corpus" / "real"
    for doc_id, spec in data.items():
        if doc_id.startswith("_"):
            continue
        pdf = real / f"{doc_id}.pdf"
        yield doc_id, pdf if pdf.exists() else real / f"{doc_id}.txt", spec["expected"]


def fixture_cases(folder: Path, tmp: Path) -> Iterator[tuple[str, Path, dict[str, str]]]:
    for file in sorted(folder.glob("*.json")):
        contract = json.loads(file.read_text(encoding="utf-8"))
        if "expected_flags" in contract:
            yield contract["doc_id"], render_contract(contract, tmp / f"{file.stem}.txt"), contract["expected_flags"]


def score(cases: Iterator[tuple[str, Path, dict[str, str]]], analyzer: Analyzer) -> dict[str, dict[str, int]]:
    table = {f: {"R": 0, "R_hit": 0, "N": 0, "N_ok": 0, "E": 0} for f in TRAP_FLAGS}
    for doc_id, path, expected in cases:
        started = time.perf_counter()
        report = analyzer(path)
        raised = {f.id: f for f in report.flags}
        misses = []
        for flag_id in TRAP_FLAGS:
            want, got = expected.get(flag_id, "E"), flag_id in raised
            row = table[flag_id]
            row[want] += 1
            if want == "R":
                row["R_hit"] += got
            elif want == "N":
                row["N_ok"] += not got
            if want in "RN" and got != (want == "R"):
                reason = raised[flag_id].reason if got else "not raised"
                misses.append(f"{flag_id}={want} ({reason})")
        took = time.perf_counter() - started
        print(f"{doc_id:55} {took:5.1f}s {'; '.join(misses) or 'ok'}", flush=True)
    return table


def print_table(table: dict[str, dict[str, int]]) -> float:
    print(f"\n{'flag':32} {'R':>3} {'R found':>8} {'recall':>7} {'N':>3} {'N ok':>5} {'E':>3} {'accuracy':>9}")
    right = scored = 0
    for flag_id, row in table.items():
        n_scored = row["R"] + row["N"]
        n_right = row["R_hit"] + row["N_ok"]
        right, scored = right + n_right, scored + n_scored
        recall = row["R_hit"] / row["R"] if row["R"] else 1.0
        print(f"{flag_id:32} {row['R']:>3} {row['R_hit']:>8} {recall:>7.0%} {row['N']:>3} {row['N_ok']:>5} {row['E']:>3} "
              f"{n_right / max(1, n_scored):>9.0%}")
    overall = right / max(1, scored)
    print(f"{'all scored R/N decisions':32} {right}/{scored} right = {overall:.1%}")
    return overall


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--rules", type=Path)
    ap.add_argument("--contracts", type=Path, help="score the fixture contracts in this folder instead")
    args = ap.parse_args(argv)
    analyzer = Analyzer(Settings(trust_model=True, rules=args.rules))
    with tempfile.TemporaryDirectory() as tmp:
        cases = fixture_cases(args.contracts, Path(tmp)) if args.contracts else dev_cases(args.shared)
        print_table(score(cases, analyzer))
    return 0


if __name__ == "__main__":
    sys.exit(main())
