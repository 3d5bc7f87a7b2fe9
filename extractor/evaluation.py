"""Per-label precision/recall/F1, confusion matrix and calibration table."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from extractor.taxonomy import LABELS

BINS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001)


def metrics(truth: Sequence[str], predicted: Sequence[str], confidence: Sequence[float] | None = None) -> dict[str, Any]:
    """Everything an evaluation reports, as plain data."""
    per_label: dict[str, dict[str, float]] = {}
    for label in LABELS:
        tp = sum(1 for t, p in zip(truth, predicted) if t == p == label)
        fp = sum(1 for t, p in zip(truth, predicted) if p == label != t)
        fn = sum(1 for t, p in zip(truth, predicted) if t == label != p)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_label[label] = {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4), "support": tp + fn}
    present = [lab for lab in LABELS if per_label[lab]["support"]]
    result: dict[str, Any] = {
        "n": len(truth),
        "accuracy": round(sum(t == p for t, p in zip(truth, predicted)) / max(1, len(truth)), 4),
        "macro_f1": round(sum(per_label[lab]["f1"] for lab in present) / max(1, len(present)), 4),
        "per_label": per_label,
        "confusion": {t: {p: sum(1 for a, b in zip(truth, predicted) if a == t and b == p) for p in LABELS} for t in LABELS},
    }
    if confidence is not None:
        result["calibration"] = calibration(truth, predicted, confidence)
    return result


def calibration(truth: Sequence[str], predicted: Sequence[str], confidence: Sequence[float]) -> list[dict[str, Any]]:
    """Accuracy per confidence bin, and the row for confidence >= 0.8 that the model card quotes."""
    rows = []
    for lo, hi in zip(BINS, BINS[1:]):
        idx = [i for i, c in enumerate(confidence) if lo <= c < hi]
        right = sum(1 for i in idx if truth[i] == predicted[i])
        rows.append({"bin": f"{lo:.1f}-{min(hi, 1.0):.1f}", "n": len(idx), "accuracy": round(right / len(idx), 4) if idx else None})
    high = [i for i, c in enumerate(confidence) if c >= 0.8]
    rows.append({"bin": ">=0.8", "n": len(high),
                 "accuracy": round(sum(truth[i] == predicted[i] for i in high) / len(high), 4) if high else None})
    return rows


def format_metrics(result: dict[str, Any]) -> str:
    """Human-readable table of a metrics() result."""
    out = [f"n={result['n']}  accuracy={result['accuracy']:.3f}  macro-F1={result['macro_f1']:.3f}", "",
           f"{'label':<20}{'prec':>7}{'recall':>8}{'f1':>7}{'support':>9}"]
    for label, m in result["per_label"].items():
        out.append(f"{label:<20}{m['precision']:>7.3f}{m['recall']:>8.3f}{m['f1']:>7.3f}{m['support']:>9}")
    short = {lab: lab[:5] for lab in LABELS}
    out += ["", "confusion (rows: truth, columns: predicted)", " " * 20 + "".join(f"{short[p]:>7}" for p in LABELS)]
    for t, row in result["confusion"].items():
        out.append(f"{t:<20}" + "".join(f"{row[p]:>7}" for p in LABELS))
    if "calibration" in result:
        out += ["", "calibration (confidence bin: n, accuracy)"]
        out += [f"  {r['bin']:<9} n={r['n']:<6} acc={'-' if r['accuracy'] is None else format(r['accuracy'], '.3f')}"
                for r in result["calibration"]]
    return "\n".join(out)
