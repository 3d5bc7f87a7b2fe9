"""CLI commands about the classifier: classify, train, evaluate."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from extractor.cli_common import model_option, trust_option, write_output
from extractor.errors import TrainingDataError, UsageError, WorseModelError


def _read_jsonl(source: str) -> list[dict[str, object]]:
    fh = sys.stdin if source == "-" else None
    try:
        lines = (fh.read() if fh else Path(source).read_text(encoding="utf-8")).splitlines()
    except OSError:
        from extractor.errors import InputMissingError

        raise InputMissingError("file not found or unreadable", source) from None
    except UnicodeDecodeError:
        raise UsageError("not UTF-8 text", source) from None
    rows = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise UsageError(f"line {number}: not valid JSON ({exc.msg})", source) from None
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            raise UsageError(f"line {number}: needs an object with a string 'text'", source)
        rows.append(row)
    return rows


@click.command()
@click.argument("source", metavar="FILE.jsonl|-")
@model_option
@trust_option
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="Write here, not stdout.")
def classify(source: str, model_dir: Path | None, trust_model: bool, output: Path | None) -> None:
    """Label paragraphs given as JSON lines ({"text": ..., "heading": ...}); other keys pass through."""
    from extractor.classifier import ClauseClassifier

    rows = _read_jsonl(source)
    clf = ClauseClassifier.load(model_dir, trust_model)
    preds = clf.predict([{"text": r["text"], "heading": r.get("heading")} for r in rows])
    out = [json.dumps({**r, "label": p.label, "confidence": p.confidence, "scores": p.scores}, ensure_ascii=False)
           for r, p in zip(rows, preds)]
    write_output("".join(line + "\n" for line in out), output)


@click.command()
@click.argument("data", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "model_out", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="Model directory to write (model.joblib + meta.json).")
@click.option("--seed", default=13, show_default=True, help="Random seed: the same seed and data give the same model.")
@click.option("--folds", default=5, show_default=True, help="Cross-validation folds by contract (0: skip).")
@click.option("--dev", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="Held-out labelled data; refuse to replace a model that scores better on it.")
@click.option("--force", is_flag=True, help="Replace the existing model even if it scores better on --dev.")
@click.option("--jobs", default=0, show_default=True, type=click.IntRange(min=0),
              help="Fits run at a time (cross-validation folds and the final model); 0: one per CPU.")
@trust_option
def train(data: tuple[Path, ...], model_out: Path, seed: int, folds: int, dev: Path | None, force: bool, jobs: int,
          trust_model: bool) -> None:
    """Train a classifier on labelled JSONL/CSV (text,label[,heading][,doc_id]) files or folders."""
    from extractor import trust
    from extractor.dataset import load_examples
    from extractor.evaluation import format_metrics
    from extractor.training import train as run_training

    examples = load_examples(data)
    dev_scorer = _DevScorer(dev, model_out, force, trust_model) if dev is not None else None  # fail before training
    click.echo(f"training on {len(examples)} paragraphs from {len({e.doc_id for e in examples})} contracts", err=True)
    result = run_training(examples, seed=seed, folds=folds, on_step=lambda msg: click.echo(msg, err=True), jobs=jobs)
    if result.cv:
        click.echo(f"cross-validation by contract ({result.cv['folds']} folds):\n{format_metrics(result.cv)}\n", err=True)
    if dev_scorer is not None:
        dev_scorer.check(result.classifier)
    result.classifier.save(model_out)
    trust.add_trusted(result.classifier.meta["model_sha256"], f"trained {model_out}")
    click.echo(f"wrote {model_out} ({result.classifier.version})", err=True)


class _DevScorer:
    """Scores models on held-out data; the existing model is scored before training starts."""

    def __init__(self, dev: Path, model_out: Path, force: bool, trust_model: bool) -> None:
        from extractor.classifier import ClauseClassifier
        from extractor.dataset import load_examples

        self.dev, self.model_out = dev, model_out
        self.examples = load_examples([dev])
        exists = (model_out / "model.joblib").is_file() and not force
        self.old = self.score(ClauseClassifier.load(model_out, trust_model)) if exists else None

    def score(self, clf: Any) -> float:
        from extractor.evaluation import metrics

        predicted = [p.label for p in clf.predict([e.record() for e in self.examples])]
        return float(metrics([e.label for e in self.examples], predicted)["macro_f1"])

    def check(self, new_model: Any) -> None:
        new = self.score(new_model)
        new_model.meta["dev"] = {"file": self.dev.name, "macro_f1": new}
        click.echo(f"dev macro-F1 of the new model: {new:.4f}", err=True)
        if self.old is not None and self.old > new:
            raise WorseModelError(f"the existing model scores {self.old:.4f} on {self.dev.name}, the new one {new:.4f}",
                                  str(self.model_out), "pass --force to replace it anyway")


@click.command()
@click.argument("model_dir", type=click.Path(path_type=Path, file_okay=False))
@click.argument("data", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="table: readable metrics; json: for machines.")
@trust_option
def evaluate(model_dir: Path, data: tuple[Path, ...], fmt: str, trust_model: bool) -> None:
    """Score a model on labelled data: per-label P/R/F1, macro-F1, confusion, calibration."""
    from extractor.classifier import ClauseClassifier
    from extractor.dataset import load_examples
    from extractor.evaluation import format_metrics, metrics

    examples = load_examples(data)
    clf = ClauseClassifier.load(model_dir, trust_model)
    preds = clf.predict([e.record() for e in examples])
    result = metrics([e.label for e in examples], [p.label for p in preds], [p.confidence for p in preds])
    result["model"] = {"name": clf.name, "version": clf.version}
    write_output(json.dumps(result, indent=2) + "\n" if fmt == "json" else format_metrics(result) + "\n", None)


def attach(group: click.Group) -> None:
    group.add_command(classify)
    group.add_command(train)
    group.add_command(evaluate)


__all__ = ["attach", "TrainingDataError"]
