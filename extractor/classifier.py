"""ClauseClassifier: the fitted Pipeline plus its meta.json; predict with calibrated scores.
The only module that touches joblib."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from extractor import trust
from extractor.errors import ModelError, ModelIncompatibleError, ModelTamperedError, ModelUntrustedError
from extractor.taxonomy import LABELS

MODEL_FILE = "model.joblib"
META_FILE = "meta.json"
REVIEW_THRESHOLD = 0.6  # below this confidence a paragraph is marked needs_review


@dataclass(frozen=True)
class Prediction:
    label: str
    confidence: float
    scores: dict[str, float]


def default_model_dir() -> Path:
    """The shipped model: ``$CLAUSE_EXTRACTOR_MODEL``, the packaged copy, or the repo's models/."""
    env = os.environ.get("CLAUSE_EXTRACTOR_MODEL")
    if env:
        return Path(env)
    packaged = Path(str(resources.files("extractor").joinpath("default_model")))
    if (packaged / MODEL_FILE).is_file():
        return packaged
    return Path(__file__).resolve().parent.parent / "models" / "clause_classifier"


class ClauseClassifier:
    """A trained paragraph classifier and what is known about it."""

    def __init__(self, pipeline: Any, meta: dict[str, Any]) -> None:
        self.pipeline = pipeline
        self.meta = meta
        self.labels: list[str] = [str(c) for c in pipeline.classes_]

    @property
    def name(self) -> str:
        return str(self.meta.get("name", "clause_classifier"))

    @property
    def version(self) -> str:
        return str(self.meta.get("version", "0"))

    def predict(self, records: Sequence[Mapping[str, Any]]) -> list[Prediction]:
        """Label each record (``text`` and optional ``heading``) with calibrated scores."""
        if not records:
            return []
        probs = self.pipeline.predict_proba(list(records))
        out = []
        for row in probs:
            scores = {lab: round(float(p), 4) for lab, p in zip(self.labels, row, strict=True)}
            best = max(scores, key=lambda k: scores[k])
            out.append(Prediction(best, scores[best], scores))
        return out

    @classmethod
    def load(cls, model_dir: Path | None = None, trust_model: bool = False) -> ClauseClassifier:
        """Load and check a model directory; refuse untrusted, tampered or incompatible files.

        Every check runs before a single byte is unpickled, and the bytes that are hashed are the
        very bytes that are unpickled (no window to swap the file between check and load).
        """
        directory = model_dir or default_model_dir()
        model_path, meta_path = directory / MODEL_FILE, directory / META_FILE
        where = str(directory)
        if not model_path.is_file() or not meta_path.is_file():
            raise ModelError(f"no {MODEL_FILE} and {META_FILE} here", where, "train one or pass --model DIR")
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            blob = model_path.read_bytes()
        except (OSError, ValueError):
            raise ModelError(f"{META_FILE} or {MODEL_FILE} is unreadable", where) from None
        if not isinstance(meta, dict):
            raise ModelError(f"{META_FILE} is not a JSON object", where)
        sha = hashlib.sha256(blob).hexdigest()
        if meta.get("model_sha256") != sha:
            raise ModelTamperedError(
                f"{MODEL_FILE} does not match the checksum in {META_FILE} (tampered or corrupt)", where,
                "restore the model or retrain it")
        if not (trust_model or trust.is_trusted(sha)):
            raise ModelUntrustedError(
                "model is neither the shipped one nor trained here; loading it would run its code",
                where, "pass --trust-model only if you trust its source")
        _check_compatible(meta, where)
        return cls(_unpickle(blob, where), meta)

    def save(self, directory: Path) -> None:
        """Write model.joblib and meta.json atomically (a temporary folder, then a rename)."""
        import joblib

        directory.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".tmp-model-", dir=directory.parent))
        try:
            joblib.dump(self.pipeline, tmp / MODEL_FILE, compress=3)
            self.meta["model_sha256"] = trust.file_sha256(tmp / MODEL_FILE)
            (tmp / META_FILE).write_text(json.dumps(self.meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")
            old = directory.with_name(directory.name + ".old")
            had_old = directory.exists()
            if had_old:
                shutil.rmtree(old, ignore_errors=True)
                directory.rename(old)
            try:
                tmp.rename(directory)
            except OSError:
                if had_old:
                    old.rename(directory)  # the previous model stays in place
                raise
            shutil.rmtree(old, ignore_errors=True)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


def _check_compatible(meta: Mapping[str, Any], where: str) -> None:
    """Refuse a model whose labels or scikit-learn version this installation cannot use."""
    import sklearn

    if sorted(meta.get("labels") or []) != sorted(LABELS):
        raise ModelIncompatibleError("model labels do not match this version's taxonomy", where,
                                     "retrain it with 'clause-extractor train'")
    versions = meta.get("versions")
    trained_with = str(versions.get("scikit-learn", "")) if isinstance(versions, dict) else ""
    if not trained_with or trained_with.split(".")[:2] != sklearn.__version__.split(".")[:2]:
        raise ModelIncompatibleError(
            f"model was trained with scikit-learn {trained_with or '(unknown)'}, this is {sklearn.__version__}",
            where, "retrain it with 'clause-extractor train'")


def _unpickle(blob: bytes, where: str) -> Any:
    """Unpickle checked bytes; only ever called after the trust and compatibility checks."""
    import joblib

    try:
        pipeline = joblib.load(io.BytesIO(blob))
    except Exception as exc:  # any unpickling failure means a broken file
        raise ModelError(f"model file cannot be loaded ({type(exc).__name__})", where) from None
    if not hasattr(pipeline, "predict_proba") or not hasattr(pipeline, "classes_"):
        raise ModelError("model file does not hold a classifier pipeline", where)
    return pipeline
