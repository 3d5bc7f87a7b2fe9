"""Train the clause classifier: one Pipeline, cross-validated by contract, deterministic per seed."""

from __future__ import annotations

import os
import platform
import random
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from extractor.classifier import REVIEW_THRESHOLD, ClauseClassifier
from extractor.dataset import Example, checksum
from extractor.errors import TrainingDataError
from extractor.evaluation import metrics
from extractor.taxonomy import LABELS

MODEL_NAME = "clause_classifier"
HEADLESS_SHARE = 0.3  # share of examples also seen without their heading
WRONG_HEADING_SHARE = 0.25  # ... under another paragraph's heading (real headings are often noise)
UPPER_SHARE = 0.15  # ... in capitals (schedules and disclaimers are often set in capitals)


@dataclass(frozen=True)
class TrainResult:
    classifier: ClauseClassifier
    cv: dict[str, Any]


def _group_splits(groups: Sequence[str], folds: int, seed: int) -> list[tuple[list[int], list[int]]]:
    """K folds by contract: every paragraph of a contract falls in the same fold."""
    names = sorted(set(groups))
    random.Random(seed).shuffle(names)
    fold_of = {name: i % folds for i, name in enumerate(names)}
    return [
        ([i for i, g in enumerate(groups) if fold_of[g] != k], [i for i, g in enumerate(groups) if fold_of[g] == k])
        for k in range(folds)
    ]


MIN_PER_LABEL = 5  # fewer examples of a label than this cannot be trained and calibrated


def check_counts(examples: Sequence[Example]) -> None:
    """Refuse data that lacks a label or has too few of one: the model must know all six."""
    counts = Counter(e.label for e in examples)
    short = [f"{label} {counts[label]}" for label in LABELS if counts[label] < MIN_PER_LABEL]
    if short:
        raise TrainingDataError(
            f"too few examples of {len(short)} label(s) ({', '.join(short)}); each of the six needs at least {MIN_PER_LABEL}",
            hint="train on training_data/contracts plus your own files")


def _covers(splits: Sequence[tuple[list[int], list[int]]], labels: Sequence[str]) -> bool:
    """True when every split's training part holds at least two examples of every label."""
    wanted = set(labels)
    for train_idx, _ in splits:
        counts = Counter(labels[i] for i in train_idx)
        if any(counts[label] < 2 for label in wanted):
            return False
    return True


def _augment(examples: Sequence[Example], seed: int) -> list[Example]:
    """Add copies of some examples without a heading, under a wrong heading, or in capitals, so the
    model copes with what real extraction gives: missing and noisy headings, capitalised schedules."""
    rng = random.Random(seed)
    headings = sorted({e.heading for e in examples if e.heading})
    extra = [Example(e.text, e.label, None, e.doc_id) for e in examples if e.heading and rng.random() < HEADLESS_SHARE]
    if headings:
        extra += [Example(e.text, e.label, rng.choice(headings), e.doc_id) for e in examples if rng.random() < WRONG_HEADING_SHARE]
    extra += [Example(e.text.upper(), e.label, e.heading, e.doc_id) for e in examples if rng.random() < UPPER_SHARE]
    return list(examples) + extra


def build_pipeline(groups: Sequence[str], labels: Sequence[str], seed: int) -> Any:
    """Features -> NB-SVM, with probabilities calibrated (sigmoid) on contract-wise folds (stratified
    folds of paragraphs when too few contracts put every label in every fold's training part)."""
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.pipeline import Pipeline

    from extractor.features import build_features
    from extractor.nbsvm import NBSVMClassifier

    folds = min(5, len(set(groups)))
    splits: Any = _group_splits(groups, folds, seed) if folds >= 2 else 3
    if not isinstance(splits, int) and not _covers(splits, labels):
        splits = 3
    svm = NBSVMClassifier(C=0.1, alpha=0.5, class_weight="balanced", random_state=seed)
    return Pipeline([("features", build_features()),
                     ("clf", CalibratedClassifierCV(svm, method="sigmoid", cv=splits))])


def _fit(examples: Sequence[Example], seed: int) -> Any:
    data = _augment(examples, seed)
    pipeline = build_pipeline([e.doc_id for e in data], [e.label for e in data], seed)
    pipeline.fit([e.record() for e in data], [e.label for e in data])
    return pipeline


Step = Callable[[str], None]


def _quiet(message: str) -> None:
    return None


def _cv_splits(examples: Sequence[Example], folds: int, seed: int, on_step: Step) -> list[tuple[list[int], list[int]]]:
    """Contract-wise folds for cross-validation, or none when too few contracts allow it."""
    groups = [e.doc_id for e in examples]
    folds = min(folds, len(set(groups)))
    if folds < 2:
        return []
    splits = _group_splits(groups, folds, seed)
    if not _covers(splits, [e.label for e in examples]):
        on_step(f"cross-validation skipped: with {len(set(groups))} contracts some fold would train without a label")
        return []
    return splits


def _task(examples: Sequence[Example], train_idx: list[int], test_idx: list[int] | None, seed: int) -> Any:
    """One fit: a held-out fold's (index, label, confidence) predictions, or (test_idx None) the final model."""
    model = _fit([examples[i] for i in train_idx], seed)
    if test_idx is None:
        return model
    preds = ClauseClassifier(model, {}).predict([examples[i].record() for i in test_idx])
    return [(i, p.label, p.confidence) for i, p in zip(test_idx, preds)]


def _fits(examples: Sequence[Example], splits: list[tuple[list[int], list[int]]], seed: int, jobs: int,
          on_step: Step) -> tuple[Any, list[list[tuple[int, str, float]]]]:
    """The final model and every fold's predictions, fitted ``jobs`` at a time (each fit is deterministic,
    so the result is the same for any ``jobs``)."""
    from joblib import Parallel, delayed

    everything = list(range(len(examples)))
    tasks: list[tuple[list[int], list[int] | None]] = [(everything, None), *splits]
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(tasks)))
    on_step(f"fitting {len(splits)} cross-validation fold(s) and the final model, {jobs} at a time")
    results = []
    for done, result in enumerate(Parallel(n_jobs=jobs, return_as="generator")(
            delayed(_task)(examples, train_idx, test_idx, seed) for train_idx, test_idx in tasks), start=1):
        results.append(result)
        on_step("final model fitted" if done == 1 else f"cross-validation: fold {done - 1}/{len(splits)} done")
    return results[0], results[1:]


def _cv_metrics(examples: Sequence[Example], folds: list[list[tuple[int, str, float]]]) -> dict[str, Any]:
    truth: list[str] = [""] * len(examples)
    pred: list[str] = [""] * len(examples)
    conf: list[float] = [0.0] * len(examples)
    for fold in folds:
        for i, label, confidence in fold:
            truth[i], pred[i], conf[i] = examples[i].label, label, confidence
    return {"folds": len(folds), **metrics(truth, pred, conf)}


def _canon(value: Any) -> str:
    """A stable text for a parameter value: estimators and functions by name, containers recursively."""
    from sklearn.base import BaseEstimator

    if isinstance(value, BaseEstimator):
        return type(value).__name__
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(_canon(v) for v in value) + "]"
    if callable(value):
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', type(value).__name__)}"
    return repr(value)


def _design_id(pipeline: Any, seed: int) -> str:
    """Six hex digits naming the model's design (every estimator parameter, the folds left out) and the
    seed: a model trained differently on the same data gets another version (batch resume compares
    versions), and retraining the same way gives the same version."""
    import hashlib

    params = sorted((k, _canon(v)) for k, v in pipeline.get_params(deep=True).items() if not k.endswith("__cv"))
    return hashlib.sha256(f"{params}|{seed}".encode()).hexdigest()[:6]


def train(examples: Sequence[Example], seed: int = 13, folds: int = 5, on_step: Step = _quiet, jobs: int = 0) -> TrainResult:
    """Cross-validate by contract and fit on everything (``jobs`` fits at a time, 0: one per CPU);
    return the model with its meta."""
    import sklearn
    import spacy

    from extractor import __version__

    check_counts(examples)
    splits = _cv_splits(examples, folds, seed, on_step) if folds >= 2 else []
    pipeline, fold_predictions = _fits(examples, splits, seed, jobs, on_step)
    cv = _cv_metrics(examples, fold_predictions) if fold_predictions else {}
    data_sha = checksum(examples)
    meta: dict[str, Any] = {
        "name": MODEL_NAME,
        "version": f"{__version__}+{data_sha[:8]}.{_design_id(pipeline, seed)}",
        "labels": [str(c) for c in pipeline.classes_],
        "versions": {"python": platform.python_version(), "scikit-learn": sklearn.__version__,
                     "spacy": spacy.__version__, "clause-extractor": __version__},
        "training_data_sha256": data_sha,
        "n_examples": len(examples),
        "n_contracts": len({e.doc_id for e in examples}),
        "seed": seed,
        "review_threshold": REVIEW_THRESHOLD,
        "cv": {k: cv[k] for k in ("folds", "accuracy", "macro_f1", "per_label") if k in cv},
    }
    return TrainResult(ClauseClassifier(pipeline, meta), cv)
