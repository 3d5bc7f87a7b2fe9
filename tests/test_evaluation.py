"""Metrics: precision/recall/F1, macro-F1 over present labels, confusion matrix, calibration table."""

from __future__ import annotations

import pytest

from extractor.evaluation import calibration, format_metrics, metrics


def test_metrics_by_hand() -> None:
    truth = ["liability", "liability", "other", "other", "other", "confidentiality"]
    pred = ["liability", "other", "other", "other", "liability", "confidentiality"]
    m = metrics(truth, pred)
    assert m["n"] == 6 and m["accuracy"] == pytest.approx(4 / 6, abs=1e-4)
    assert m["per_label"]["liability"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 2}
    assert m["per_label"]["other"]["precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert m["per_label"]["other"]["recall"] == pytest.approx(2 / 3, abs=1e-4)
    # macro-F1 averages the labels that occur in the truth only (3 here)
    assert m["macro_f1"] == pytest.approx((0.5 + 2 / 3 + 1.0) / 3, abs=1e-3)
    assert m["confusion"]["liability"]["other"] == 1 and m["confusion"]["other"]["liability"] == 1


def test_calibration_bins_and_high_confidence_row() -> None:
    truth = ["other"] * 4
    pred = ["other", "other", "liability", "other"]
    rows = {r["bin"]: r for r in calibration(truth, pred, [0.95, 0.85, 0.82, 0.3])}
    assert rows["0.9-1.0"] == {"bin": "0.9-1.0", "n": 1, "accuracy": 1.0}
    assert rows["0.8-0.9"]["n"] == 2 and rows["0.8-0.9"]["accuracy"] == 0.5
    assert rows[">=0.8"] == {"bin": ">=0.8", "n": 3, "accuracy": pytest.approx(2 / 3, abs=1e-4)}
    assert rows["0.5-0.6"]["accuracy"] is None


def test_format_metrics_shows_every_part() -> None:
    text = format_metrics(metrics(["other", "liability"], ["other", "other"], [0.9, 0.4]))
    assert text.startswith("n=2  accuracy=0.500  macro-F1=")
    assert "confusion (rows: truth, columns: predicted)" in text and "calibration" in text
