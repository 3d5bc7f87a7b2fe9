"""Per-file isolation: time limit, memory cap, crashes cost one item; workers are reused."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from extractor.errors import EmptyFileError, ExtractorError, MemoryLimitError, TimeLimitError, WorkerCrashError
from extractor.isolation import WorkerPool, run_isolated


def _task(item: str, progress: Any) -> tuple[str, int]:
    if item == "hang":
        time.sleep(60)
    if item == "self-kill":
        os.kill(os.getpid(), signal.SIGKILL)
    if item == "bomb":
        bytearray(2000 * 1024 * 1024)
    if item == "bug":
        raise ValueError("not a typed error")
    if item == "empty":
        raise EmptyFileError("file is empty, 0 bytes", None, "pick another file")
    progress(1, 1)
    return item, os.getpid()


def _run(items: list[str], jobs: int = 2, time_limit: float = 2.0) -> dict[str, Any]:
    with WorkerPool(_task, jobs, time_limit, memory_mb=300) as pool:
        return {name: outcome for name, _, outcome in pool.imap_unordered((i, i) for i in items)}


def test_each_failure_costs_only_its_item() -> None:
    out = _run(["a", "hang", "b", "self-kill", "c", "bomb", "bug", "empty", "d"])
    assert {k: v[0] for k, v in out.items() if isinstance(v, tuple)} == {"a": "a", "b": "b", "c": "c", "d": "d"}
    assert isinstance(out["hang"], TimeLimitError) and out["hang"].line() == (
        "error: hang: over the 2 s time limit (raise --time-limit) [time_limit]")
    assert isinstance(out["self-kill"], WorkerCrashError)
    assert out["self-kill"].line() == "error: self-kill: the worker died (killed by SIGKILL) [worker_crashed]"
    assert isinstance(out["bomb"], MemoryLimitError)
    assert out["bug"].reason == "unexpected" and "ValueError" in out["bug"].message
    assert out["empty"].line() == "error: empty: file is empty, 0 bytes (pick another file) [empty_file]"


def test_workers_are_reused_between_items() -> None:
    out = _run([f"f{i}" for i in range(6)], jobs=1)
    assert len({pid for _, pid in out.values()}) == 1


def test_sigkill_from_outside_mid_item_fails_that_item_only(tmp_path: Path) -> None:
    marker = tmp_path / "pid"

    def slow(item: str, progress: Any) -> str:
        if item == "victim":
            marker.write_text(str(os.getpid()))
            time.sleep(30)
        return item

    def killer() -> None:
        deadline = time.monotonic() + 20
        while not marker.exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(0.1)
        os.kill(int(marker.read_text()), signal.SIGKILL)

    thread = threading.Thread(target=killer)
    thread.start()
    with WorkerPool(slow, 2, 30, 0) as pool:
        out = {name: outcome for name, _, outcome in pool.imap_unordered((i, i) for i in ["x", "victim", "y", "z"])}
    thread.join()
    assert {k: v for k, v in out.items() if not isinstance(v, ExtractorError)} == {"x": "x", "y": "y", "z": "z"}
    assert out["victim"].reason == "worker_crashed"


def test_run_isolated_returns_the_result_and_reports_pages() -> None:
    pages: list[tuple[int, int]] = []
    result = run_isolated(lambda progress: (progress(1, 2), progress(2, 2), 42)[-1], "f", 5, 200,
                          lambda done, total: pages.append((done, total)))
    assert result == 42
    assert pages == [(1, 2), (2, 2)]


def test_run_isolated_raises_the_typed_error() -> None:
    with pytest.raises(TimeLimitError):
        run_isolated(lambda progress: time.sleep(10), "slow.pdf", 0.5, 0)
    with pytest.raises(EmptyFileError) as err:
        run_isolated(lambda progress: _task("empty", progress), "e.pdf", 5, 0)
    assert err.value.line() == "error: e.pdf: file is empty, 0 bytes (pick another file) [empty_file]"
