"""Batch library: discovery, mirrored output, resume by content and model, isolation, summaries, dask."""

from __future__ import annotations

import csv
import json
import os
import signal
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from extractor.analyzer import Analyzer, Settings
from extractor.batch import BatchOptions, discover, run_batch
from extractor.batch_output import COLUMNS, NAME_MAX, SUMMARY_CSV, SUMMARY_JSONL, report_path
from extractor.errors import ExitCode
from extractor.taxonomy import CATEGORIES
from extractor.trust import file_sha256
from tests.batch_fixtures import NON_ASCII, make_tree

SETTINGS = Settings(trust_model=True)
FAST = BatchOptions(jobs=2, time_limit=60, memory_mb=1500)


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_report_paths_mirror_the_tree_and_never_collide(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert report_path(out, "sub1/same.txt") == out / "sub1" / "same.txt.json"
    assert report_path(out, "sub1/same.txt") != report_path(out, "sub2/same.txt")
    assert report_path(out, "a.pdf") != report_path(out, "a.txt")
    assert report_path(out, "../../etc/x.pdf") == out / "etc" / "x.pdf.json"
    long_a, long_b = "a" * 250 + "1.pdf", "a" * 250 + "2.pdf"
    assert len(report_path(out, long_a).name.encode()) <= NAME_MAX
    assert report_path(out, long_a) != report_path(out, long_b)


def test_discover_skips_links_leaving_the_folder_and_the_output_folder(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "in")
    (tmp_path / "outside.txt").write_text("secret\n")
    (tmp_path / "outside_dir").mkdir()
    (tmp_path / "outside_dir" / "x.txt").write_text("secret\n")
    (root / "link.txt").symlink_to(tmp_path / "outside.txt")
    (root / "inner_link.txt").symlink_to(root / "a.txt")
    (root / "linked_dir").symlink_to(tmp_path / "outside_dir")
    (root / "out").mkdir()
    (root / "out" / "old.txt").write_text("a report folder inside the input\n")
    found, refused = discover(root, root / "out")
    assert sorted(rel for _, rel in found) == sorted(["a.txt", "empty.pdf", "inner_link.txt", "sub1/deck.pdf",
                                                       "sub1/same.txt", "sub2/same.txt", NON_ASCII])
    assert [(rel, err.reason) for rel, err in refused] == [("link.txt", "outside_input")]


def test_batch_writes_reports_and_summaries_then_resumes(tmp_path: Path) -> None:
    root, out = make_tree(tmp_path / "in"), tmp_path / "out"
    result = run_batch(root, out, SETTINGS, FAST)
    assert result.exit_code == ExitCode.BATCH_PARTIAL and (result.ok, result.failed, result.skipped) == (5, 1, 0)
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert [p for p in written if not p.startswith("in/")] == sorted(
        ["out/a.txt.json", "out/sub1/deck.pdf.json", "out/sub1/same.txt.json", "out/sub2/same.txt.json",
         f"out/{NON_ASCII}.json", "out/summary.csv", "out/summary.jsonl"])
    report = json.loads((out / "sub2" / "same.txt.json").read_text(encoding="utf-8"))
    assert report["file"] == "sub2/same.txt"
    with (out / SUMMARY_CSV).open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert tuple(rows[0]) == COLUMNS and [r["path"] for r in rows] == sorted(r["path"] for r in rows)
    by_path = {r["path"]: r for r in rows}
    assert by_path["empty.pdf"]["status"] == "failed" and by_path["empty.pdf"]["reason"] == "empty_file"
    assert by_path["empty.pdf"]["message"] == "file is empty, 0 bytes"
    assert by_path[NON_ASCII]["status"] == "ok" and by_path[NON_ASCII]["client"] == "Harlow Bank plc"
    assert {by_path["a.txt"][c] for c in CATEGORIES} <= {"0", "1"}
    jsonl = [json.loads(line) for line in (out / SUMMARY_JSONL).read_text(encoding="utf-8").splitlines()]
    assert [r["path"] for r in jsonl] == [r["path"] for r in rows] and isinstance(jsonl[0]["flags"], list)

    before = _files(out)
    again = run_batch(root, out, SETTINGS, FAST)
    assert (again.skipped, again.ok, again.failed) == (6, 5, 1) and _files(out) == before
    (root / "a.txt").write_text((root / "a.txt").read_text() + "\nExtra clause.\n", encoding="utf-8")
    assert run_batch(root, out, SETTINGS, FAST).skipped == 5  # changed content is analysed again


def test_changed_settings_redo_finished_reports(tmp_path: Path) -> None:
    root, out = make_tree(tmp_path / "in"), tmp_path / "out"
    run_batch(root, out, SETTINGS, FAST)
    named = replace(SETTINGS, provider="Acme Contact Ltd")
    again = run_batch(root, out, named, FAST)
    assert (again.skipped, again.ok) == (1, 5)  # only the empty file's failure is kept: it is the file's own
    report = json.loads((out / "a.txt.json").read_text(encoding="utf-8"))
    assert report["settings"]["provider"] == "Acme Contact Ltd"
    assert run_batch(root, out, named, FAST).skipped == 6
    rules = tmp_path / "rules.json"
    rules.write_text("{}", encoding="utf-8")
    with_rules = run_batch(root, out, replace(named, rules=rules), FAST)
    assert with_rules.skipped == 1
    assert json.loads((out / "a.txt.json").read_text(encoding="utf-8"))["settings"]["rules_sha256"] == file_sha256(rules)


def test_a_worker_killed_mid_file_fails_that_file_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root, out = make_tree(tmp_path / "in"), tmp_path / "out"
    real_call = Analyzer.__call__

    def call(self: Analyzer, path: Any, on_page: Any = None) -> Any:
        if Path(path).name == "same.txt" and Path(path).parent.name == "sub1":
            os.kill(os.getpid(), signal.SIGKILL)  # as the OOM killer would
        return real_call(self, path, on_page)

    monkeypatch.setattr(Analyzer, "__call__", call)  # the forked workers inherit the patch
    result = run_batch(root, out, SETTINGS, FAST)
    status = {r["path"]: (r["status"], r["reason"]) for r in result.rows}
    assert status["sub1/same.txt"] == ("failed", "worker_crashed")
    assert status["empty.pdf"] == ("failed", "empty_file")
    assert sum(1 for s, _ in status.values() if s == "ok") == 4
    assert not (out / "sub1" / "same.txt.json").exists() and (out / "sub2" / "same.txt.json").exists()


def test_dask_backend_on_a_local_cluster(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    root, out = make_tree(tmp_path / "in"), tmp_path / "out"
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        options = BatchOptions(backend="dask", scheduler=cluster.scheduler_address, time_limit=60, memory_mb=1500)
        result = run_batch(root, out, SETTINGS, options)
    local = run_batch(root, tmp_path / "local", SETTINGS, FAST)
    assert [(r["path"], r["status"], r["reason"]) for r in result.rows] == [
        (r["path"], r["status"], r["reason"]) for r in local.rows]
    assert _files(out) == _files(tmp_path / "local")
