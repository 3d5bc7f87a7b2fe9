#!/usr/bin/env python3
"""Print the statistics tables of training_data/README.md (styles, industries, labels, trap cases)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from extractor.taxonomy import LABELS

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    docs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "training_data" / "contracts").glob("*.json"))]
    labels = Counter(p["label"] for d in docs for p in d["paragraphs"])
    prefixes = Counter(d["doc_id"].rsplit("_", 1)[0] for d in docs)
    cases = Counter((f, c) for d in docs for f, c in d.get("flag_cases", {}).items())
    missing = Counter(c for d in docs for c in d.get("missing_categories", []))
    headless = sum(1 for d in docs for p in d["paragraphs"] if not p.get("heading"))
    total = sum(labels.values())
    print(f"{len(docs)} contracts, {total} paragraphs ({headless} without a heading)\n")
    print("| label | paragraphs | share |\n| --- | --- | --- |")
    for lab in LABELS:
        print(f"| `{lab}` | {labels[lab]} | {labels[lab] / total:.0%} |")
    print("\n| set (file prefix) | contracts |\n| --- | --- |")
    for prefix, n in sorted(prefixes.items()):
        print(f"| `{prefix}_*` | {n} |")
    print("\n| trap flag | absent | undermined | protected |\n| --- | --- | --- | --- |")
    for flag in ("missing_penalties", "missing_data_transfer_consent", "missing_payment_change_terms"):
        print(f"| `{flag}` | {cases[(flag, 'absent')]} | {cases[(flag, 'undermined')]} | {cases[(flag, 'protected')]} |")
    print(f"\nContracts that lack a whole category on purpose: {dict(missing)}")


if __name__ == "__main__":
    main()
