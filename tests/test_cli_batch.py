"""What users see from `clause-extractor batch`: exit codes, error lines, progress, Ctrl-C and resume."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractor.cli import main
from extractor.cli_batch import StderrProgress
from extractor.errors import ExitCode
from tests.batch_fixtures import make_pdfs, make_tree

HEAVY = ("spacy", "sklearn", "pdfplumber", "distributed")


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "extractor", *args]


def _reports(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*.json"))}


def test_help_imports_no_heavy_library() -> None:
    code = ("import sys\nfrom click.testing import CliRunner\nfrom extractor.cli import main\n"
            "for args in (['--help'], ['batch', '--help']):\n"
            "    assert CliRunner().invoke(main, args).exit_code == 0\n"
            f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_exit_codes_and_error_lines(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "in")
    result = CliRunner().invoke(main, ["batch", str(root), "-o", str(tmp_path / "out"), "--jobs", "2", "--trust-model"])
    assert result.exit_code == ExitCode.BATCH_PARTIAL == 7
    lines = result.stderr.splitlines()
    assert lines[0] == "batch: 6 files, 6 to analyse"
    assert "error: empty.pdf: file is empty, 0 bytes [empty_file]" in lines
    assert lines[-1].startswith("batch: 6 files: 5 ok, 1 failed in ")
    (root / "empty.pdf").unlink()
    again = CliRunner().invoke(main, ["batch", str(root), "-o", str(tmp_path / "out"), "--quiet", "--trust-model"])
    assert (again.exit_code, again.stderr) == (0, "")


@pytest.mark.parametrize("args, message", [
    (["--backend", "dask"], "error: --backend dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786) [usage]"),
    (["--scheduler", "tcp://127.0.0.1:1"], "error: --scheduler is for --backend dask [usage]"),
])
def test_backend_usage_errors(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("The Provider shall answer calls.\n")
    result = CliRunner().invoke(main, ["batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"), *args, "--trust-model"])
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.splitlines()[-1] == message


def test_progress_line_counts_files_failures_and_pages(capsys: pytest.CaptureFixture[str]) -> None:
    progress = StderrProgress(quiet=False, tty=True)
    progress.start(total=4, already_done=0, to_do=4)
    progress.file_done({"path": "a.pdf", "status": "ok", "pages": 10})
    progress.file_done({"path": "b.pdf", "status": "failed", "pages": None, "message": "file is empty, 0 bytes",
                        "reason": "empty_file"})
    line = progress.line()
    assert line.startswith("[############------------] 2/4 files, 1 failed, ") and " pages/s, " in line
    assert line.endswith(" left")
    assert "error: b.pdf: file is empty, 0 bytes [empty_file]" in capsys.readouterr().err


def test_interrupted_batch_resumes_to_identical_reports(tmp_path: Path) -> None:
    root = make_pdfs(tmp_path / "in", count=8, pages=4)
    whole, resumed = tmp_path / "whole", tmp_path / "resumed"
    assert subprocess.run(_cli("batch", str(root), "-o", str(whole), "--jobs", "2", "--quiet", "--trust-model")).returncode == 0

    proc = subprocess.Popen(_cli("batch", str(root), "-o", str(resumed), "--jobs", "1", "--trust-model"),
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not list(resumed.rglob("*.pdf.json")) and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == ExitCode.INTERRUPTED == 130
    assert err.splitlines()[-1].startswith("interrupted: finished reports are kept in ")
    done_before = _reports(resumed)
    assert 1 <= len([k for k in done_before if k != "summary.json"]) < 8
    assert not [p for p in resumed.rglob("*") if p.name.startswith(".tmp-")]

    rerun = subprocess.run(_cli("batch", str(root), "-o", str(resumed), "--jobs", "2", "--trust-model"),
                           capture_output=True, text=True)
    assert rerun.returncode == 0
    assert f"{len(done_before)} already done" in rerun.stderr
    assert _reports(resumed) == _reports(whole)
    assert (resumed / "summary.csv").read_bytes() == (whole / "summary.csv").read_bytes()


def test_dask_backend_without_distributed_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "distributed", None)  # as on an install without the [distributed] extra
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("The Provider shall answer calls.\n")
    result = CliRunner().invoke(main, ["batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--backend", "dask",
                                       "--scheduler", "tcp://127.0.0.1:1", "--trust-model"])
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.splitlines()[-1] == (
        "error: the dask backend needs dask.distributed (pip install 'clause-extractor[distributed]') [usage]")
