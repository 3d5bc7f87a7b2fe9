#!/usr/bin/env python3
"""Throughput of ``batch`` against bare pdfplumber on the same PDFs, in one run.

1. bare: ``page.extract_text()`` on every page of every PDF, one process (pdfplumber import excluded);
2. ``clause-extractor batch DIR --jobs 1`` and 3. ``--jobs 2``: wall-clock of the whole command
   (start-up and model load included), into a fresh output folder each time.

Prints pages per second for each and the ratios jobs1/bare and jobs2/jobs1 (the targets are 0.8
and 1.6 on 2 cores). Absolute rates vary between machines; ratios taken in one run do not.
Without DIR, PDFs are generated with scripts/make_synthetic_pdfs.py into a temporary folder.

    python scripts/benchmark.py [DIR] [--n 24] [--repeat 1] [--trust-model]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BARE = """
import json, sys, time
import pdfplumber
pages, start = 0, time.perf_counter()
for path in sys.argv[1:]:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
            pages += 1
print(json.dumps({"pages": pages, "seconds": time.perf_counter() - start}))
"""


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def bare(pdfs: list[Path]) -> tuple[int, float, float]:
    """Pages, seconds and CPU seconds of bare extract_text over ``pdfs`` in a fresh process."""
    cpu = _child_cpu()
    out = subprocess.run([sys.executable, "-c", BARE, *map(str, pdfs)], check=True, capture_output=True, text=True)
    result = json.loads(out.stdout)
    return int(result["pages"]), float(result["seconds"]), _child_cpu() - cpu


def batch(folder: Path, jobs: int, trust_model: bool) -> tuple[float, float]:
    """Seconds and CPU seconds (workers included) of one ``clause-extractor batch`` run over ``folder``."""
    cpu = _child_cpu()
    with tempfile.TemporaryDirectory(prefix="bench-out-") as out:
        cmd = [sys.executable, "-m", "extractor", "batch", str(folder), "-o", out, "--jobs", str(jobs), "--quiet", "--force"]
        start = time.perf_counter()
        done = subprocess.run(cmd + (["--trust-model"] if trust_model else []), capture_output=True, text=True)
        seconds = time.perf_counter() - start
        if done.returncode not in (0, 7):
            raise SystemExit(f"batch failed with exit code {done.returncode}:\n{done.stderr}")
        if done.returncode == 7:
            print(f"note: some files failed (see {out}/summary.csv)", file=sys.stderr)
    return seconds, _child_cpu() - cpu


def measure(folder: Path, repeat: int, trust_model: bool) -> dict[str, float]:
    pdfs = sorted(folder.rglob("*.pdf"))
    if not pdfs:
        raise SystemExit(f"no PDFs under {folder}")
    runs: dict[str, list[float]] = {"bare": [], "jobs1": [], "jobs2": []}
    cpu: dict[str, list[float]] = {"bare": [], "jobs1": [], "jobs2": []}
    pages = 0
    for _ in range(repeat):
        pages, seconds, cpu_seconds = bare(pdfs)
        runs["bare"].append(seconds)
        cpu["bare"].append(cpu_seconds)
        for jobs in (1, 2):
            seconds, cpu_seconds = batch(folder, jobs, trust_model)
            runs[f"jobs{jobs}"].append(seconds)
            cpu[f"jobs{jobs}"].append(cpu_seconds)
    rates = {name: pages / statistics.median(times) for name, times in runs.items()}
    print(f"{len(pdfs)} PDFs, {pages} pages, median of {repeat} run(s); load average at the end: {os.getloadavg()[0]:.1f}")
    for name, rate in rates.items():
        print(f"  {name:6s} {rate:7.1f} pages/s  ({statistics.median(runs[name]):.1f} s wall, "
              f"{statistics.median(cpu[name]):.1f} s CPU)")
    ratios = {"jobs1/bare": rates["jobs1"] / rates["bare"], "jobs2/jobs1": rates["jobs2"] / rates["jobs1"]}
    print(f"  jobs1/bare  = {ratios['jobs1/bare']:.2f}  (target >= 0.80)")
    print(f"  jobs2/jobs1 = {ratios['jobs2/jobs1']:.2f}  (target >= 1.60 on 2 cores)")
    return ratios


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", type=Path, help="PDFs to read (default: generated synthetic contracts)")
    ap.add_argument("--n", type=int, default=24, help="how many PDFs to generate without FOLDER")
    ap.add_argument("--repeat", type=int, default=1, help="runs of each measurement (the median is shown)")
    ap.add_argument("--trust-model", action="store_true", help="pass --trust-model to batch")
    args = ap.parse_args(argv)
    if args.folder:
        measure(args.folder, args.repeat, args.trust_model)
        return
    with tempfile.TemporaryDirectory(prefix="bench-pdfs-") as tmp:
        subprocess.run([sys.executable, str(HERE / "make_synthetic_pdfs.py"), "--out", tmp, "--n", str(args.n)], check=True)
        measure(Path(tmp), args.repeat, args.trust_model)


if __name__ == "__main__":
    main()
