"""The JSON report of the shipped sample PDF, pinned byte for byte with the shipped model.

After a deliberate change (a retrained model, a new rule), regenerate it with
UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractor.cli import main

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden" / "sample_contract.json"
SAMPLE = Path("training_data") / "samples" / "sample_contract.pdf"


def test_sample_pdf_report_matches_golden(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, ["analyze", str(SAMPLE), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == GOLDEN.read_text(encoding="utf-8")
