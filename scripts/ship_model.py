#!/usr/bin/env python3
"""Record the sha256 of models/clause_classifier/model.joblib in extractor/shipped_models.txt.

Run after retraining the default model, so that the shipped model loads without --trust-model.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    model = ROOT / "models" / "clause_classifier"
    sha = hashlib.sha256((model / "model.joblib").read_bytes()).hexdigest()
    meta = json.loads((model / "meta.json").read_text(encoding="utf-8"))
    if meta.get("model_sha256") != sha:
        raise SystemExit("model.joblib does not match meta.json")
    target = ROOT / "extractor" / "shipped_models.txt"
    target.write_text("# sha256 of the model.joblib shipped as the default model (scripts/ship_model.py).\n"
                      f"{sha}  {meta['version']}\n", encoding="utf-8")
    print(f"{sha}  {meta['version']}")


if __name__ == "__main__":
    main()
