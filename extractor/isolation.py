"""Run one file's work in a forked child under a time limit and an address-space cap.

A decompression bomb, a hang or a crash then costs one file, never the caller. The child
inherits the loaded model (fork), so no start-up cost is paid again.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import resource
import signal
import time
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

from extractor.errors import (
    ExtractorError,
    MemoryLimitError,
    TimeLimitError,
    WorkerCrashError,
    error_for_reason,
)

T = TypeVar("T")
Progress = Callable[[int, int], None]


def _vm_bytes() -> int:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return 0


def limit_memory(memory_mb: int) -> None:
    """Cap this process's address space at its current size plus ``memory_mb``."""
    if memory_mb <= 0:
        return
    cap = _vm_bytes() + memory_mb * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


def _child(conn: Any, fn: Callable[[Progress], Any], memory_mb: int, debug: bool) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides about interrupts
    try:
        limit_memory(memory_mb)
        result = fn(lambda done, total: conn.send(("page", done, total)))
        conn.send(("ok", result))
    except ExtractorError as exc:
        conn.send(("err", exc.reason, exc.message, exc.path, exc.hint))
    except MemoryError:
        conn.send(("err", MemoryLimitError.reason, f"over the {memory_mb} MB memory cap", None, "raise --memory-mb"))
    except BaseException as exc:  # anything else is a bug or an unexpected parser failure
        detail = traceback.format_exc() if debug else ""
        conn.send(("bug", type(exc).__name__, detail))
    finally:
        conn.close()


def run_isolated(fn: Callable[[Progress], T], name: str, time_limit: float, memory_mb: int,
                 on_page: Progress | None = None, debug: bool = False) -> T:
    """Run ``fn(progress)`` in a child; return its result or raise the typed error it met."""
    if "fork" not in mp.get_all_start_methods():
        return fn(on_page or (lambda d, t: None))
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, fn, memory_mb, debug), daemon=True)
    proc.start()
    child.close()
    deadline = time.monotonic() + time_limit if time_limit > 0 else float("inf")
    try:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeLimitError(f"over the {time_limit:g} s time limit", name, "raise --time-limit")
            if not parent.poll(min(remaining, 0.5)):
                if not proc.is_alive() and not parent.poll(0):
                    raise WorkerCrashError(f"the worker died (exit code {proc.exitcode})", name)
                continue
            try:
                msg = parent.recv()
            except EOFError:
                proc.join(1)
                raise WorkerCrashError(f"the worker died (exit code {proc.exitcode})", name) from None
            if msg[0] == "page":
                if on_page:
                    on_page(msg[1], msg[2])
                continue
            if msg[0] == "ok":
                return msg[1]  # type: ignore[no-any-return]
            if msg[0] == "err":
                err = error_for_reason(msg[1], msg[2], msg[3] or name)
                err.hint = msg[4]
                raise err
            raise ExtractorError(f"internal error ({msg[1]}); rerun with --debug for details" + (f"\n{msg[2]}" if msg[2] else ""), name)
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(5)
        parent.close()
