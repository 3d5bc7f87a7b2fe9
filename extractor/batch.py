"""Folders of contracts: find the files, skip what is done, analyse the rest in isolated workers, summarise.

Each file runs in a reusable forked worker under a time limit and a memory cap (``isolation.py``),
or as a task on a Dask cluster (``batch_dask.py``); either way a bad file becomes a failed row,
never a failed run. Reports and summaries are written atomically; a re-run skips every file whose
content (sha256), model version and settings (rules, party names, review threshold) already have a report.
"""

from __future__ import annotations

import importlib
import json
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from extractor.batch_output import (
    atomic_write,
    failed_row,
    inside,
    read_previous_rows,
    remove_stale_temporaries,
    report_path,
    row_from_report,
    write_summaries,
)
from extractor.errors import ExitCode, ExtractorError, InputMissingError, ModelError, OutsideInputError
from extractor.isolation import DEFAULT_MEMORY_MB, DEFAULT_TIME_LIMIT
from extractor.preflight import INPUT_SUFFIXES
from extractor.trust import file_sha256

if TYPE_CHECKING:
    from extractor.analyzer import Analyzer, Settings
    from extractor.isolation import Progress

#: Failures that may go away on another try (load, limits): a re-run retries them; others are kept.
RETRIED_REASONS = frozenset({"time_limit", "memory_limit", "worker_crashed", "unexpected", "file_not_found"})


@dataclass(frozen=True)
class BatchOptions:
    """How a batch runs. ``jobs=0`` means one worker per CPU."""

    jobs: int = 0
    time_limit: float = DEFAULT_TIME_LIMIT
    memory_mb: int = DEFAULT_MEMORY_MB
    force: bool = False
    backend: str = "local"  # local | dask
    scheduler: str | None = None
    debug: bool = False


@dataclass(frozen=True)
class Job:
    """One input file: where it is, its path relative to the input folder, where its report goes."""

    source: Path
    rel: str
    output: Path
    sha256: str
    size: int
    model_version: str
    settings: dict[str, Any] = field(default_factory=dict)  # the report's "settings" it must match to be reused


class BatchProgress(Protocol):
    def start(self, total: int, already_done: int, to_do: int) -> None: ...
    def page(self, name: str, done: int, total: int) -> None: ...
    def file_done(self, row: dict[str, Any]) -> None: ...


class _Silent:
    def start(self, total: int, already_done: int, to_do: int) -> None:
        pass

    def page(self, name: str, done: int, total: int) -> None:
        pass

    def file_done(self, row: dict[str, Any]) -> None:
        pass


@dataclass
class BatchResult:
    rows: list[dict[str, Any]] = field(default_factory=list)
    skipped: int = 0
    elapsed: float = 0.0

    @property
    def failed(self) -> int:
        return sum(1 for r in self.rows if r["status"] != "ok")

    @property
    def ok(self) -> int:
        return len(self.rows) - self.failed

    @property
    def exit_code(self) -> ExitCode:
        return ExitCode.BATCH_PARTIAL if self.failed else ExitCode.OK


def discover(root: Path, outdir: Path) -> tuple[list[tuple[Path, str]], list[tuple[str, ExtractorError]]]:
    """Input files under ``root`` (sorted, relative POSIX paths), and links refused for leaving it.

    Symbolic links to folders are never descended into; ``outdir`` is skipped when it is inside.
    """
    found: list[tuple[Path, str]] = []
    refused: list[tuple[str, ExtractorError]] = []
    real_out = os.path.realpath(outdir)
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if os.path.realpath(os.path.join(dirpath, d)) != real_out)
        for name in sorted(filenames):
            if not name.lower().endswith(INPUT_SUFFIXES):
                continue
            path = Path(dirpath, name)
            rel = path.relative_to(root).as_posix()
            if path.is_symlink() and not inside(root, path):
                refused.append((rel, OutsideInputError("symbolic link to outside the input folder; not followed", rel)))
            else:
                found.append((path, rel))
    return found, refused


class ResumeKey(NamedTuple):
    """What a finished report must show to be reused: the model version and the settings record."""

    version: str
    settings: dict[str, Any]


def resume_key(settings: Settings) -> ResumeKey:
    """The model version and settings record a finished report must show to be reused, read from the
    model's meta.json without unpickling it."""
    from extractor.analyzer import review_threshold, settings_record
    from extractor.classifier import META_FILE, default_model_dir

    meta_path = (settings.model_dir or default_model_dir()) / META_FILE
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        version = str(meta.get("version", "0"))
        threshold = review_threshold(settings, meta)
    except (OSError, ValueError, AttributeError, TypeError):
        raise ModelError(f"{META_FILE} is missing or unreadable", str(meta_path.parent), "pass --model DIR") from None
    return ResumeKey(version, settings_record(settings, threshold))


def finished_row(job: Job, previous: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    """The row of a file already done for this content and model, or None when it must be (re)done."""
    try:
        report = json.loads(job.output.read_text(encoding="utf-8"))
        if (report.get("sha256") == job.sha256 and str(report["model"]["version"]) == job.model_version
                and report.get("settings") == job.settings):
            return row_from_report(job.rel, report)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    old = previous.get(job.rel)
    if (old and old["status"] == "failed" and old["sha256"] == job.sha256
            and old["model_version"] == job.model_version and old["reason"] not in RETRIED_REASONS):
        return old
    return None


def plan(found: list[tuple[Path, str]], outdir: Path, key: ResumeKey, force: bool,
         rows: dict[str, dict[str, Any]]) -> tuple[list[Job], int]:
    """Jobs still to do (largest first) and how many files were done already.

    Rows of files already done, or unreadable, go into ``rows``.
    """
    version = key.version
    previous = {} if force else read_previous_rows(outdir)
    jobs, skipped = [], 0
    for source, rel in found:
        output = report_path(outdir, rel)
        try:
            if not inside(outdir, output.parent):
                raise OutsideInputError("its report would be written outside the output folder", rel)
            job = Job(source, rel, output, file_sha256(source), source.stat().st_size, version, key.settings)
        except OSError as exc:
            rows[rel] = failed_row(rel, InputMissingError(f"cannot read the file ({exc.strerror})", rel), "", version)
            continue
        except ExtractorError as exc:
            rows[rel] = failed_row(rel, exc, "", version)
            continue
        done = None if force else finished_row(job, previous)
        if done is not None:
            rows[rel], skipped = done, skipped + 1
        else:
            jobs.append(job)
    return sorted(jobs, key=lambda j: (-j.size, j.rel)), skipped


def process_one(analyzer: Analyzer, job: Job, progress: Progress | None = None) -> dict[str, Any]:
    """Analyse one file, write its report atomically, return its summary row (runs in a worker)."""
    report = analyzer(job.source, progress)
    report.file = job.rel  # relative to the input folder: the same on every machine and every run
    atomic_write(job.output, report.to_json())
    return row_from_report(job.rel, report.to_dict())


def failure(job: Job, error: ExtractorError) -> dict[str, Any]:
    """The row of a failed job; a stale report from older content or another model is removed."""
    job.output.unlink(missing_ok=True)
    error.path = job.rel
    return failed_row(job.rel, error, job.sha256, job.model_version)


def warm_up(analyzer: Analyzer) -> None:
    """Load what every file needs once in the parent, so forked workers start with it."""
    from extractor.nlp import get_nlp

    get_nlp()
    importlib.import_module("pdfplumber")  # imported for use by extractor.pdf, in each worker's memory already
    analyzer.classifier.predict([{"text": "The Supplier shall provide the Services.", "heading": None}])


def _run_local(jobs: list[Job], settings: Settings, options: BatchOptions, progress: BatchProgress) -> Iterator[dict[str, Any]]:
    from extractor.analyzer import Analyzer
    from extractor.isolation import WorkerPool

    analyzer = Analyzer(settings)
    warm_up(analyzer)
    workers = min(options.jobs or os.cpu_count() or 1, len(jobs))
    with WorkerPool(lambda job, prog: process_one(analyzer, job, prog), workers, options.time_limit,
                    options.memory_mb, options.debug) as pool:
        for _, job, outcome in pool.imap_unordered(((j.rel, j) for j in jobs), progress.page):
            yield failure(job, outcome) if isinstance(outcome, ExtractorError) else outcome


def run_batch(root: Path, outdir: Path, settings: Settings, options: BatchOptions = BatchOptions(),
              progress: BatchProgress | None = None) -> BatchResult:
    """Analyse every PDF and .txt under ``root`` into ``outdir``; KeyboardInterrupt keeps finished work."""
    started = time.monotonic()
    progress = progress or _Silent()
    outdir.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(outdir)
    key = resume_key(settings)
    found, refused = discover(root, outdir)
    rows = {rel: failed_row(rel, err, "", key.version) for rel, err in refused}
    jobs, skipped = plan(found, outdir, key, options.force, rows)
    progress.start(len(found) + len(refused), skipped, len(jobs))
    try:
        if jobs:
            if options.backend == "dask":
                from extractor.batch_dask import run_dask

                outcomes = run_dask(jobs, settings, options)
            else:
                outcomes = _run_local(jobs, settings, options, progress)
            for row in outcomes:
                rows[row["path"]] = row
                progress.file_done(row)
    finally:
        write_summaries(outdir, rows.values())
    return BatchResult(sorted(rows.values(), key=lambda r: r["path"]), skipped, time.monotonic() - started)
