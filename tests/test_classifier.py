"""The shipped classifier: loads without --trust-model, predicts calibrated scores over the six labels."""

from __future__ import annotations

import json
from pathlib import Path

from extractor import trust
from extractor.classifier import ClauseClassifier, default_model_dir
from extractor.taxonomy import LABELS


def test_shipped_model_is_trusted_and_consistent() -> None:
    directory = default_model_dir()
    meta = json.loads((directory / "meta.json").read_text())
    assert trust.file_sha256(directory / "model.joblib") == meta["model_sha256"]
    assert meta["model_sha256"] in trust.shipped_hashes()
    assert sorted(meta["labels"]) == sorted(LABELS) and meta["seed"] == 13


def test_predictions_are_probabilities_over_the_taxonomy() -> None:
    clf = ClauseClassifier.load()  # no --trust-model: the shipped model must be trusted by itself
    records = [
        {"text": "Any dispute shall be finally settled by arbitration in London under the LCIA Rules.", "heading": "20. DISPUTES"},
        {"text": "The Supplier shall not disclose Customer Data to any third party without prior written consent."},
        {"text": "Invoices are payable within thirty (30) days of receipt.", "heading": None},
    ]
    preds = clf.predict(records)
    assert [p.label for p in preds] == ["dispute_resolution", "confidentiality", "payment_and_term"]
    for p in preds:
        assert set(p.scores) == set(LABELS) and abs(sum(p.scores.values()) - 1) < 0.01
        assert p.confidence == max(p.scores.values()) and 0 <= p.confidence <= 1
    assert clf.predict([]) == []


def test_default_model_dir_can_be_overridden(monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CLAUSE_EXTRACTOR_MODEL", str(tmp_path))
    assert default_model_dir() == tmp_path
