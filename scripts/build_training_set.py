#!/usr/bin/env python3
"""Flatten training_data/contracts/*.json into training_data/paragraphs.jsonl and write the MANIFEST.

Usage: python scripts/build_training_set.py [--root training_data]
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import Counter
from pathlib import Path

LABELS = ("scope_of_services", "liability", "payment_and_term", "confidentiality", "dispute_resolution", "other")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent / "training_data")
    args = parser.parse_args()
    contracts = sorted((args.root / "contracts").glob("*.json"))
    rows, manifest, totals = [], [], Counter()
    for path in contracts:
        doc = json.loads(path.read_text(encoding="utf-8"))
        counts = Counter()
        for para in doc["paragraphs"]:
            if para["label"] not in LABELS:
                raise SystemExit(f"{path}: bad label {para['label']!r}")
            rows.append({"doc_id": doc["doc_id"], "heading": para.get("heading"), "text": para["text"], "label": para["label"]})
            counts[para["label"]] += 1
        totals.update(counts)
        sha = hashlib.sha256(path.read_bytes()).hexdigest()
        manifest.append(f"{sha}  contracts/{path.name}  {sum(counts.values())} paragraphs  {doc.get('style', '')}")
    out = args.root / "paragraphs.jsonl"
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    lines = [f"# {len(contracts)} contracts, {len(rows)} paragraphs",
             "# " + ", ".join(f"{lab}={totals[lab]}" for lab in LABELS),
             f"{hashlib.sha256(out.read_bytes()).hexdigest()}  paragraphs.jsonl", *manifest]
    (args.root / "MANIFEST").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines[:2]))


if __name__ == "__main__":
    main()
