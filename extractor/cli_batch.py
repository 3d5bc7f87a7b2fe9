"""CLI command ``batch``: a folder tree of contracts into one report per file plus summary tables."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

import click

from extractor.cli_analyze import input_options, settings_from
from extractor.cli_common import debug_on
from extractor.errors import ExitCode, UsageError

BAR_WIDTH = 24
REDRAW_SECONDS = 0.2


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    return f"{minutes // 60}:{minutes % 60:02d}:{secs:02d}" if minutes >= 60 else f"{minutes}:{secs:02d}"


class StderrProgress:
    """Files done and failed, pages per second and time left, redrawn on one stderr line (terminals only).

    Every failed file also gets its ``error: FILE: message [reason]`` line, unless ``quiet``.
    """

    def __init__(self, quiet: bool, tty: bool | None = None) -> None:
        self.quiet = quiet
        self.tty = sys.stderr.isatty() if tty is None else tty
        self.started = time.monotonic()
        self.to_do = self.finished = self.failed = self.pages = 0
        self.partial: dict[str, int] = {}
        self._drawn = 0.0

    def start(self, total: int, already_done: int, to_do: int) -> None:
        self.started, self.to_do = time.monotonic(), to_do
        if not self.quiet:
            done = f", {already_done} already done" if already_done else ""
            click.echo(f"batch: {total} files{done}, {to_do} to analyse", err=True)

    def page(self, name: str, done: int, total: int) -> None:
        self.partial[name] = done
        self._draw()

    def file_done(self, row: dict[str, Any]) -> None:
        self.finished += 1
        self.pages += int(row.get("pages") or 0)
        self.partial.pop(row["path"], None)
        if row["status"] != "ok":
            self.failed += 1
            if not self.quiet:
                self._clear()
                click.echo(f"error: {row['path']}: {row['message']} [{row['reason']}]", err=True)
        self._draw(force=True)

    def line(self) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-6)
        rate = (self.pages + sum(self.partial.values())) / elapsed
        left = elapsed / self.finished * (self.to_do - self.finished) if self.finished else None
        filled = BAR_WIDTH * self.finished // max(self.to_do, 1)
        return (f"[{'#' * filled}{'-' * (BAR_WIDTH - filled)}] {self.finished}/{self.to_do} files, "
                f"{self.failed} failed, {rate:.1f} pages/s, {_clock(left) + ' left' if left is not None else '…'}")

    def _draw(self, force: bool = False) -> None:
        now = time.monotonic()
        if self.quiet or not self.tty or (not force and now - self._drawn < REDRAW_SECONDS):
            return
        self._drawn = now
        click.echo("\r\033[K" + self.line(), err=True, nl=False)

    def _clear(self) -> None:
        if self.tty and self._drawn:
            click.echo("\r\033[K", err=True, nl=False)

    def finish(self) -> None:
        if self.tty and self._drawn and not self.quiet:
            click.echo("", err=True)


@click.command()
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False, exists=True))
@click.option("-o", "--output", "outdir", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="Folder for the reports (mirroring DIRECTORY) and summary.csv / summary.jsonl.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes.  [default: the CPU count]")
@click.option("--force", is_flag=True, help="Redo every file, even those with a report for this content and model.")
@click.option("-q", "--quiet", is_flag=True, help="No progress and no per-file error lines (exit code only).")
@click.option("--backend", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: forked workers on this machine; dask: tasks on a Dask cluster (shared file system).")
@click.option("--scheduler", metavar="ADDRESS", help="Dask scheduler address for --backend dask, e.g. tcp://host:8786.")
@input_options
def batch(directory: Path, outdir: Path, jobs: int | None, force: bool, quiet: bool, backend: str, scheduler: str | None,
          model_dir: Path | None, trust_model: bool, rules: Path | None, provider: str | None, client: str | None,
          password_env: str | None, ask_password: bool, max_mb: int, max_pages: int, time_limit: float,
          memory_mb: int) -> None:
    """Analyse every PDF and .txt under DIRECTORY: one JSON report per file, plus summary tables.

    Each file runs in its own worker under --time-limit and --memory-mb: a file that hangs,
    blows up or crashes fails alone. A re-run skips files whose content and model already have
    a report (--force redoes them). Exit codes: 0 every file ok, 7 some failed, 130 interrupted
    (finished reports are kept; run the same command again to resume).
    """
    from extractor.batch import BatchOptions, run_batch

    if scheduler and backend != "dask":
        raise UsageError("--scheduler is for --backend dask")

    settings = settings_from(model_dir, trust_model, rules, provider, client, password_env, ask_password, max_mb, max_pages)
    options = BatchOptions(jobs=jobs or 0, time_limit=time_limit, memory_mb=memory_mb, force=force,
                           backend=backend, scheduler=scheduler, debug=debug_on())
    progress = StderrProgress(quiet)
    try:
        result = run_batch(directory, outdir, settings, options, progress)
    except KeyboardInterrupt:
        progress.finish()
        click.echo(f"interrupted: finished reports are kept in {outdir}; run the same command again to resume", err=True)
        sys.exit(int(ExitCode.INTERRUPTED))
    progress.finish()
    if not quiet:
        done = f" ({result.skipped} already done)" if result.skipped else ""
        click.echo(f"batch: {len(result.rows)} files: {result.ok} ok, {result.failed} failed{done} in {result.elapsed:.1f} s; "
                   f"summary in {outdir / 'summary.csv'}", err=True)
    if result.exit_code:
        sys.exit(int(result.exit_code))


def attach(group: click.Group) -> None:
    group.add_command(batch)
