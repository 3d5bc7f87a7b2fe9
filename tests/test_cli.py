"""What users see from the CLI: help, exit codes, exact error lines, the report, classify."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractor.cli import main
from extractor.errors import ExitCode
from extractor.taxonomy import CATEGORIES, LABELS

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_TXT = ROOT / "training_data" / "samples" / "sample_contract.txt"
COMMANDS = ["analyze", "classify", "train", "evaluate", "export"]


def run(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), input=input)


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_describes_every_option(command: str | None) -> None:
    result = run(*([command] if command else []), "--help")
    assert result.exit_code == 0
    assert "Usage:" in result.output
    cmd = main if command is None else main.commands[command]
    for param in cmd.params:
        if param.param_type_name == "option" and not param.hidden:
            assert param.help, f"{command} {param.name} has no help"


@pytest.mark.parametrize("module", ["cli_analyze", "cli_batch", "cli_model", "cli"])
def test_each_command_module_imports_on_its_own(module: str) -> None:
    # a fresh interpreter: the modules already imported by this test session would hide a cycle
    done = subprocess.run([sys.executable, "-c", f"import extractor.{module}"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_missing_file_is_one_line_with_its_code(tmp_path: Path) -> None:
    missing = tmp_path / "nope.pdf"
    result = run("analyze", str(missing))
    assert result.exit_code == ExitCode.INPUT_MISSING == 3
    assert result.stderr == f"error: {missing}: file not found [file_not_found]\n"


def test_non_pdf_is_one_line_with_another_code(tmp_path: Path) -> None:
    fake = tmp_path / "letter.pdf"
    fake.write_text("Dear supplier, please find our comments below.\n")
    result = run("analyze", str(fake))
    assert result.exit_code == ExitCode.NOT_A_PDF == 8
    assert result.stderr == f"error: {fake}: no %PDF- header; looks like plain text [not_a_pdf]\n"
    assert "Traceback" not in result.output


def test_analyze_text_contract_json_shape() -> None:
    result = run("analyze", str(SAMPLE_TXT), "--format", "json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["schema_version"] == "1.1"
    assert report["pages"] == 1 and len(report["paragraphs"]) >= 10
    assert set(report["categories"]) == set(CATEGORIES)
    for para in report["paragraphs"]:
        assert para["label"] in LABELS and 0.0 <= para["confidence"] <= 1.0 and para["page"] >= 1
        assert abs(sum(para["scores"].values()) - 1.0) < 0.01
    assert report["parties"]["provider"]["name"].startswith("Northwind")


def test_analyze_writes_output_file(tmp_path: Path) -> None:
    out = tmp_path / "sub" / "report.md"
    result = run("analyze", str(SAMPLE_TXT), "--format", "md", "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert out.read_text(encoding="utf-8").startswith(f"# {SAMPLE_TXT}")


def test_classify_round_trip_keeps_order_and_keys(tmp_path: Path) -> None:
    rows = [
        {"id": 1, "text": "The Supplier shall answer 80% of calls within 20 seconds.", "heading": "Service Levels"},
        {"id": 2, "text": "This Agreement is governed by the laws of England.", "extra": [1, 2]},
        {"id": 3, "text": "Each party shall keep the other's Confidential Information secret."},
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in rows))
    for args, stdin in (([str(source)], None), (["-"], source.read_text())):
        result = run("classify", *args, input=stdin)
        assert result.exit_code == 0, result.stderr
        out = [json.loads(line) for line in result.stdout.splitlines()]
        assert [o["id"] for o in out] == [1, 2, 3]
        assert out[1]["extra"] == [1, 2] and "heading" not in out[1]
        assert all(o["label"] in LABELS and set(o["scores"]) == set(LABELS) for o in out)


def test_classify_bad_line_names_the_line(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"text": "ok"}\n{not json}\n')
    result = run("classify", str(source))
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.startswith(f"error: {source}: line 2: not valid JSON")


def test_train_reports_every_bad_row(tmp_path: Path) -> None:
    data = tmp_path / "bad.csv"
    data.write_text("text,label\nThe fees are payable monthly.,payment_and_term\n,other\nFoo bar.,pricing\n")
    result = run("train", str(data), "-o", str(tmp_path / "m"))
    assert result.exit_code == ExitCode.TRAINING_DATA == 6
    assert f"{data}:3: missing or empty 'text'" in result.stderr
    assert f"{data}:4: label 'pricing' is not one of" in result.stderr
    assert not (tmp_path / "m").exists()


def test_export_lists_least_confident_first(tmp_path: Path) -> None:
    import csv

    out = tmp_path / "label_me.csv"
    result = run("export", str(SAMPLE_TXT), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    assert list(rows[0]) == ["doc_id", "paragraph", "page", "heading", "text", "predicted", "confidence", "label"]
    confidences = [float(r["confidence"]) for r in rows]
    assert confidences == sorted(confidences) and len(rows) >= 10
    assert all(r["label"] == r["predicted"] and r["doc_id"] == "sample_contract" for r in rows)


def test_html_report_escapes_contract_text(tmp_path: Path) -> None:
    contract = tmp_path / "c.txt"
    contract.write_text(SAMPLE_TXT.read_text(encoding="utf-8") + "\n\n99. Notices <script>alert(1)</script> go by e-mail.\n",
                        encoding="utf-8")
    result = run("analyze", str(contract), "--format", "html")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("<!doctype html>") and "<h2>Flags (" in result.stdout
    assert "<script>" not in result.stdout and "&lt;script&gt;" in result.stdout
