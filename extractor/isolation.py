"""Per-file isolation: forked workers under a time limit and an address-space cap.

A decompression bomb, a hang or a crash then costs one file, never the caller or the batch.
Workers are forked after the model is loaded (copy-on-write, no start-up cost) and reused file
after file; a worker that ran out of time or memory, crashed, or did its share of files is
replaced by a fresh fork. ``run_isolated`` (the ``analyze`` command) is a one-worker pool.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
import resource
import signal
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection, wait
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
Task = Callable[[Any, Progress], Any]  # task(item, progress) -> a picklable result
PageHook = Callable[[str, int, int], None]  # (name, pages done, pages in the file)
DEFAULT_TIME_LIMIT = 120.0  # seconds one file may take (analyze and batch)
DEFAULT_MEMORY_MB = 1500  # address space one file may use on top of the loaded model
MAX_TASKS_PER_WORKER = 200  # re-fork now and then so heap growth never eats the memory cap


def _vm_bytes() -> int:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return 0


_FROZEN = {"done": False}


def _freeze_once() -> None:
    """gc.freeze() once per process, before the first fork: the loaded model and libraries stay shared
    and out of every collector's way (freezing again per pool would pin each file's garbage)."""
    if not _FROZEN["done"]:
        gc.collect()
        gc.freeze()
        _FROZEN["done"] = True


def limit_memory(memory_mb: int) -> None:
    """Cap this process's address space at its current size plus ``memory_mb``."""
    if memory_mb <= 0:
        return
    cap = _vm_bytes() + memory_mb * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


def _attempt(conn: Connection, task: Task, item: Any, memory_mb: int, debug: bool) -> tuple[Any, ...]:
    try:
        return ("ok", task(item, lambda done, total: conn.send(("page", done, total))))
    except ExtractorError as exc:
        return ("err", exc.reason, exc.message, exc.path, exc.hint)
    except MemoryError:
        return ("err", MemoryLimitError.reason, f"over the {memory_mb} MB memory cap", None, "raise --memory-mb")
    except BaseException as exc:  # anything else is a bug or an unexpected parser failure
        return ("bug", type(exc).__name__, traceback.format_exc() if debug else "")


def _serve(conn: Connection, task: Task, memory_mb: int, debug: bool) -> None:
    """A worker's life: take items until told to stop; leave after anything that may have hurt it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides about interrupts
    gc.freeze()  # the inherited model and libraries are never garbage: stop the collector walking them
    limit_memory(memory_mb)
    while True:
        try:
            command, item = conn.recv()
        except (EOFError, OSError):
            return
        if command != "run":
            return
        msg = _attempt(conn, task, item, memory_mb, debug)
        try:
            conn.send(msg)
        except Exception as exc:  # an unpicklable result is a bug of the task, reported as one
            conn.send(("bug", type(exc).__name__, ""))
        if msg[0] == "bug" or (msg[0] == "err" and msg[1] == MemoryLimitError.reason):
            return


class _Worker:
    """One forked child and the file it is working on.

    A plain ``os.fork`` rather than ``multiprocessing.Process``: it also works inside daemonic
    processes such as Dask workers, which multiprocessing forbids to have children.
    """

    def __init__(self, task: Task, memory_mb: int, debug: bool) -> None:
        self.conn, child = mp.Pipe(duplex=True)
        self.pid = os.fork()
        if self.pid == 0:  # the child: serve, then leave without running the parent's clean-up code
            code = 1
            try:
                self.conn.close()
                _serve(child, task, memory_mb, debug)
                code = 0
            finally:
                os._exit(code)
        child.close()
        self.exitcode: int | None = None
        self.name = ""
        self.item: Any = None
        self.deadline = float("inf")
        self.tasks = 0

    def submit(self, name: str, item: Any, time_limit: float) -> None:
        self.name, self.item, self.tasks = name, item, self.tasks + 1
        self.deadline = time.monotonic() + time_limit if time_limit > 0 else float("inf")
        self.conn.send(("run", item))

    def alive(self) -> bool:
        if self.exitcode is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.exitcode = os.waitstatus_to_exitcode(status)
        return self.exitcode is None

    def join(self, timeout: float) -> bool:
        end = time.monotonic() + timeout
        while self.alive() and time.monotonic() < end:
            time.sleep(0.01)
        return not self.alive()

    def crash_message(self) -> str:
        self.join(1)
        code = self.exitcode
        if code is not None and code < 0:
            try:
                return f"the worker died (killed by {signal.Signals(-code).name})"
            except ValueError:
                pass
        return f"the worker died (exit code {code})"

    def stop(self, kill: bool) -> None:
        if self.alive() and not kill:
            try:
                self.conn.send(("stop", None))
            except OSError:
                kill = True
        if self.alive() and (kill or not self.join(5)):
            os.kill(self.pid, signal.SIGKILL)
            self.join(5)
        self.conn.close()


def _outcome(msg: tuple[Any, ...], name: str) -> Any:
    """A worker's answer as a result, or as the typed error to report for its file."""
    if msg[0] == "ok":
        return msg[1]
    if msg[0] == "err":
        err = error_for_reason(msg[1], msg[2], msg[3] or name)
        err.hint = msg[4]
        return err
    detail = f"\n{msg[2]}" if msg[2] else ""
    return ExtractorError(f"internal error ({msg[1]}); rerun with --debug for details{detail}", name)


class WorkerPool:
    """``jobs`` reusable forked workers, each running ``task(item, progress)`` on one item at a time.

    Results come back as they finish; a file whose worker ran out of time, hit the memory cap or
    died comes back as its typed error, and the pool carries on with a fresh worker.
    """

    def __init__(self, task: Task, jobs: int, time_limit: float, memory_mb: int, debug: bool = False,
                 max_tasks: int = MAX_TASKS_PER_WORKER) -> None:
        self._task, self._jobs, self._debug = task, max(1, jobs), debug
        self.time_limit, self.memory_mb, self.max_tasks = time_limit, memory_mb, max_tasks
        self._idle: list[_Worker] = []
        self._busy: dict[Connection, _Worker] = {}
        _freeze_once()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close(kill=exc[0] is not None)

    def close(self, kill: bool = False) -> None:
        for worker in [*self._idle, *self._busy.values()]:
            worker.stop(kill=kill or worker in self._busy.values())
        self._idle.clear()
        self._busy.clear()

    def imap_unordered(self, items: Iterable[tuple[str, Any]],
                       on_page: PageHook | None = None) -> Iterator[tuple[str, Any, Any]]:
        """Yield ``(name, item, result or ExtractorError)`` for each ``(name, item)`` as it finishes."""
        todo = iter(items)
        try:
            while True:
                self._fill(todo)
                if not self._busy:
                    return
                yield from self._collect(on_page)
        except BaseException:
            self.close(kill=True)
            raise

    def _fill(self, todo: Iterator[tuple[str, Any]]) -> None:
        while len(self._busy) < self._jobs:
            nxt = next(todo, None)
            if nxt is None:
                return
            worker = self._idle.pop() if self._idle else _Worker(self._task, self.memory_mb, self._debug)
            worker.submit(nxt[0], nxt[1], self.time_limit)
            self._busy[worker.conn] = worker

    def _collect(self, on_page: PageHook | None) -> Iterator[tuple[str, Any, Any]]:
        timeout = max(0.0, min(w.deadline for w in self._busy.values()) - time.monotonic())
        for conn in wait(list(self._busy), timeout=min(timeout, 1.0)):
            worker = self._busy[conn]  # type: ignore[index]
            try:
                msg = worker.conn.recv()
            except (EOFError, OSError):
                yield self._retire(worker, WorkerCrashError(worker.crash_message(), worker.name), kill=True)
                continue
            if msg[0] == "page":
                if on_page:
                    on_page(worker.name, msg[1], msg[2])
                continue
            alive = msg[0] == "ok" or (msg[0] == "err" and msg[1] != MemoryLimitError.reason)
            yield self._retire(worker, _outcome(msg, worker.name), kill=not alive)
        now = time.monotonic()
        for worker in [w for w in self._busy.values() if w.deadline <= now]:
            err = TimeLimitError(f"over the {self.time_limit:g} s time limit", worker.name, "raise --time-limit")
            yield self._retire(worker, err, kill=True)

    def _retire(self, worker: _Worker, outcome: Any, kill: bool) -> tuple[str, Any, Any]:
        """Free ``worker`` after its item: back to idle, or stopped when it may be unwell or worn."""
        del self._busy[worker.conn]
        if kill or worker.tasks >= self.max_tasks:
            worker.stop(kill=kill)
        else:
            self._idle.append(worker)
        return worker.name, worker.item, outcome


def run_isolated(fn: Callable[[Progress], T], name: str, time_limit: float, memory_mb: int,
                 on_page: Progress | None = None, debug: bool = False) -> T:
    """Run ``fn(progress)`` in a forked child; return its result or raise the typed error it met."""
    if "fork" not in mp.get_all_start_methods():
        return fn(on_page or (lambda d, t: None))
    hook: PageHook | None = (lambda _n, done, total: on_page(done, total)) if on_page else None
    with WorkerPool(lambda _item, progress: fn(progress), 1, time_limit, memory_mb, debug, max_tasks=1) as pool:
        for _, _, outcome in pool.imap_unordered([(name, None)], hook):
            if isinstance(outcome, ExtractorError):
                raise outcome
            return outcome  # type: ignore[no-any-return]
    raise WorkerCrashError("the worker returned nothing", name)
