"""The dask backend: the same per-file work as tasks on a Dask distributed cluster.

Every worker must see the input and output folders at the same paths (a shared file system):
tasks read the input and write the report themselves, and send back only the summary row.
Each Dask worker process loads the model once; each file then runs in a forked child of it under
the time limit and the memory cap, exactly as with the local backend.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from extractor.batch import BatchOptions, Job, failure, process_one, warm_up
from extractor.errors import ExtractorError, UsageError, WorkerCrashError

if TYPE_CHECKING:
    from extractor.analyzer import Analyzer, Settings

CONNECT_TIMEOUT = "20s"
_ANALYZERS: dict[Any, Analyzer] = {}


def _analyzer(settings: Settings) -> Analyzer:
    """This worker process's analyzer for ``settings``, loaded on first use."""
    if settings not in _ANALYZERS:
        from extractor.analyzer import Analyzer

        _ANALYZERS.clear()
        analyzer = Analyzer(settings)
        warm_up(analyzer)
        _ANALYZERS[settings] = analyzer
    return _ANALYZERS[settings]


def dask_task(job: Job, settings: Settings, time_limit: float, memory_mb: int, debug: bool) -> dict[str, Any]:
    """One file on a Dask worker: its summary row, ``failed`` with a reason when anything went wrong."""
    from extractor.isolation import run_isolated

    try:
        analyzer = _analyzer(settings)
        return run_isolated(lambda progress: process_one(analyzer, job, progress), job.rel, time_limit, memory_mb,
                            debug=debug)
    except ExtractorError as exc:
        return failure(job, exc)


def _client(address: str | None) -> Any:
    if not address:
        raise UsageError("--backend dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
    try:
        from distributed import Client
    except ImportError:
        raise UsageError("the dask backend needs dask.distributed", None,
                         "pip install 'clause-extractor[distributed]'") from None
    try:
        return Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as exc:
        raise UsageError(f"cannot reach the Dask scheduler at {address} ({type(exc).__name__})") from None


def run_dask(jobs: list[Job], settings: Settings, options: BatchOptions) -> Iterator[dict[str, Any]]:
    """Submit every job to the scheduler at ``options.scheduler``; yield rows as they finish."""
    client = _client(options.scheduler)
    from distributed import as_completed  # importable: _client checked it
    futures: dict[Any, Job] = {}
    try:
        for job in jobs:
            future = client.submit(dask_task, job, settings, options.time_limit, options.memory_mb, options.debug,
                                   key=f"clause-extractor-{job.sha256[:16]}-{len(futures)}", pure=False)
            futures[future] = job
        for future in as_completed(list(futures)):
            job = futures[future]
            try:
                yield future.result()
            except Exception as exc:  # a task the cluster lost (worker gone, cancelled): that file fails alone
                yield failure(job, WorkerCrashError(f"the Dask task failed ({type(exc).__name__})", job.rel))
    finally:
        client.cancel(list(futures))
        client.close()
