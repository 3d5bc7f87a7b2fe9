#!/usr/bin/env python3
"""Check every training contract (training_data/contracts/*.json) and write training_data/MANIFEST:
per file its sha256, paragraph count and style, and the label counts of the whole set.

Usage: python scripts/make_manifest.py [--root training_data]
`clause-extractor train training_data/contracts` reads the contract files directly.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import Counter
from pathlib import Path

from extractor.taxonomy import LABELS


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent / "training_data")
    args = parser.parse_args()
    contracts = sorted((args.root / "contracts").glob("*.json"))
    n_rows, manifest, totals = 0, [], Counter()
    for path in contracts:
        doc = json.loads(path.read_text(encoding="utf-8"))
        counts = Counter()
        for para in doc["paragraphs"]:
            if para["label"] not in LABELS:
                raise SystemExit(f"{path}: bad label {para['label']!r}")
            n_rows += 1
            counts[para["label"]] += 1
        totals.update(counts)
        sha = hashlib.sha256(path.read_bytes()).hexdigest()
        manifest.append(f"{sha}  contracts/{path.name}  {sum(counts.values())} paragraphs  {doc.get('style', '')}")
    lines = [f"# {len(contracts)} contracts, {n_rows} paragraphs",
             "# " + ", ".join(f"{lab}={totals[lab]}" for lab in LABELS), *manifest]
    (args.root / "MANIFEST").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines[:2]))


if __name__ == "__main__":
    main()
