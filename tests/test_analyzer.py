"""The Python API: extractor.analyze / Analyzer, on our own sample contract."""

from __future__ import annotations

from pathlib import Path

import pytest

import extractor
from extractor.analyzer import Analyzer, Settings
from extractor.errors import NotAPdfError
from extractor.taxonomy import LABELS

SAMPLE = Path(__file__).resolve().parent.parent / "training_data" / "samples" / "sample_contract.txt"


def test_analyze_api_returns_a_report() -> None:
    report = extractor.analyze(SAMPLE)
    assert report.file == str(SAMPLE) and report.pages == 1 and len(report.paragraphs) >= 40
    assert {p.label for p in report.paragraphs} <= set(LABELS)
    assert [p.id for p in report.paragraphs] == list(range(1, len(report.paragraphs) + 1))
    assert report.model["name"] == "clause_classifier"
    assert any(f.id == "missing_payment_change_terms" and f.reason == "undermined" for f in report.flags)


def test_user_named_parties_win() -> None:
    report = Analyzer(Settings(provider="Someone Else Ltd", client="Another Co"))(SAMPLE)
    assert report.parties["provider"]["name"] == "Someone Else Ltd"
    assert report.parties["client"]["name"] == "Another Co"


def test_pipe_yields_errors_in_place(tmp_path: Path) -> None:
    bad = tmp_path / "x.pdf"
    bad.write_text("not a pdf")
    results = list(Analyzer().pipe([SAMPLE, bad]))
    assert results[0].file == str(SAMPLE)
    assert isinstance(results[1], NotAPdfError) and results[1].path == str(bad)


def test_public_api_names() -> None:
    assert set(extractor.__all__) >= {"analyze", "Analyzer", "ClauseClassifier", "ExtractorError", "ExitCode"}
    with pytest.raises(AttributeError):
        extractor.not_there  # noqa: B018
