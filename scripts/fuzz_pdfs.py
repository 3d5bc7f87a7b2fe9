"""Fuzz the whole `analyze` path with thousands of mutated contract PDFs and print figures.

Each mutant runs as `batch` runs a file: in a reusable forked worker (extractor.isolation) under
a time limit and an address-space cap, with the model loaded once in the parent. A run passes
when every mutant ends in a report or a documented reason code; `unexpected` (an uncaught
exception) or `worker_crashed` fails it. Mutants that fail are kept in --keep for a regression test.

    python scripts/fuzz_pdfs.py -n 2000 --seed 1 [--keep DIR] [--read-only]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import pdfmutate  # noqa: E402

from extractor.analyzer import Analyzer, Settings  # noqa: E402
from extractor.errors import ExtractorError  # noqa: E402
from extractor.isolation import WorkerPool  # noqa: E402
from extractor.reader import ReadOptions, read_document  # noqa: E402

BAD = ("unexpected", "worker_crashed")


def _task(work: Path, analyzer: Analyzer | None):  # type: ignore[no-untyped-def]
    """What each worker does with one (number, bytes) item: write it privately, then read it."""
    def task(item: tuple[int, bytes], progress) -> int:  # type: ignore[no-untyped-def]
        path = work / f"mutant-{os.getpid()}.pdf"
        path.write_bytes(item[1])
        if analyzer is None:
            return len(read_document(path, ReadOptions(max_pages=200), progress).paragraphs)
        return len(analyzer(path, progress).paragraphs)
    return task


def _mutants(count: int, seed: int, seeds: list[bytes]) -> Iterator[tuple[str, tuple[int, bytes]]]:
    rng = random.Random(seed)
    for number in range(count):
        yield f"mutant {number}", (number, pdfmutate.mutate(rng.choice(seeds), pdfmutate.random_steps(rng)))


def run(count: int, seed: int, keep: Path | None, read_only: bool, time_limit: float, memory_mb: int,
        jobs: int) -> int:
    work = Path(tempfile.mkdtemp(prefix="fuzz-"))
    seeds = [p.read_bytes() for p in pdfmutate.base_pdfs(work / "seeds")]
    analyzer = None if read_only else Analyzer(Settings(trust_model=True))
    outcomes: Counter[str] = Counter()
    failures: list[tuple[str, str]] = []
    started = time.monotonic()
    with WorkerPool(_task(work, analyzer), jobs, time_limit, memory_mb) as pool:
        for name, (number, data), result in pool.imap_unordered(_mutants(count, seed, seeds)):
            outcome = result.reason if isinstance(result, ExtractorError) else "ok"
            outcomes[outcome] += 1
            if outcome in BAD:
                failures.append((name, result.message.splitlines()[0]))
                if keep:
                    keep.mkdir(parents=True, exist_ok=True)
                    (keep / f"mutant_{seed}_{number}.pdf").write_bytes(data)
    total = time.monotonic() - started
    shutil.rmtree(work, ignore_errors=True)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"mutants: {count}  seed: {seed}  path: {'read_document' if read_only else 'full analyze'}  jobs: {jobs}")
    print(f"wall: {total:.1f} s  mean: {total / max(1, count) * 1000:.0f} ms per mutant  "
          f"peak worker RSS: {peak:.0f} MB  limits: {time_limit:g} s, {memory_mb} MB")
    for outcome, n in outcomes.most_common():
        print(f"  {outcome:<20} {n:>6}  {100 * n / count:5.1f} %")
    print(f"uncaught exceptions / crashes: {len(failures)}")
    for name, message in failures[:20]:
        print(f"  {name}: {message}")
    return 1 if failures else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", "--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="Save mutants that failed here.")
    parser.add_argument("--read-only", action="store_true", help="Fuzz read_document only (no model).")
    parser.add_argument("--time-limit", type=float, default=30.0)
    parser.add_argument("--memory-mb", type=int, default=1500)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    return run(args.count, args.seed, args.keep, args.read_only, args.time_limit, args.memory_mb, args.jobs)


if __name__ == "__main__":
    sys.exit(main())
