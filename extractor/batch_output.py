"""What a batch writes: report paths inside OUTDIR, atomic files, summary rows, summary.csv / .jsonl."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from extractor.errors import ExtractorError
from extractor.taxonomy import CATEGORIES

SUMMARY_CSV = "summary.csv"
SUMMARY_JSONL = "summary.jsonl"
REPORT_SUFFIX = ".json"
TMP_PREFIX = ".tmp-batch-"
NAME_MAX = 255
#: Summary columns, in order: one row per input file.
COLUMNS: tuple[str, ...] = ("path", "status", "reason", "message", "pages", "paragraphs", *CATEGORIES,
                            "flags", "provider", "client", "sha256", "model_version")


def report_path(outdir: Path, rel: str) -> Path:
    """Where the report of input ``rel`` (a relative POSIX path) goes: the input tree mirrored.

    The whole file name is kept (``a.pdf`` -> ``a.pdf.json``), so ``a.pdf`` and ``a.txt`` never
    collide; a name too long for the file system is shortened with a hash to keep it unique.
    """
    parts = [p for p in rel.split("/") if p not in ("", ".", "..")]
    if not parts:
        raise ValueError(f"not a relative file path: {rel!r}")
    name = parts[-1] + REPORT_SUFFIX
    if len(name.encode("utf-8")) > NAME_MAX:
        digest = hashlib.sha256(parts[-1].encode("utf-8")).hexdigest()[:16]
        stem = parts[-1].encode("utf-8")[: NAME_MAX - 40].decode("utf-8", "ignore")
        name = f"{stem}~{digest}{REPORT_SUFFIX}"
    return outdir.joinpath(*parts[:-1], name)


def inside(root: Path, path: Path) -> bool:
    """True when ``path`` (resolved through any symlinks) lies inside ``root``."""
    real_root = os.path.realpath(root)
    return os.path.commonpath([real_root, os.path.realpath(path)]) == real_root


def atomic_write(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename: never half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=TMP_PREFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def remove_stale_temporaries(outdir: Path) -> int:
    """Delete temporary files an interrupted or killed batch left behind; return how many."""
    count = 0
    for tmp in outdir.rglob(TMP_PREFIX + "*") if outdir.is_dir() else ():
        if tmp.is_file() and not tmp.is_symlink():
            tmp.unlink(missing_ok=True)
            count += 1
    return count


def _blank(rel: str, status: str, sha256: str, model_version: str) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(COLUMNS)
    row.update(path=rel, status=status, sha256=sha256, model_version=model_version, flags=[])
    return row


def _party_name(party: dict[str, Any] | None) -> str | None:
    return str(party["name"]) if party and party.get("name") else None


def row_from_report(rel: str, report: dict[str, Any]) -> dict[str, Any]:
    """The summary row of a finished report (a ``ContractReport.to_dict()``)."""
    row = _blank(rel, "ok", report["sha256"], str(report["model"]["version"]))
    row.update(pages=report["pages"], paragraphs=len(report["paragraphs"]),
               flags=[f["id"] for f in report["flags"]],
               provider=_party_name(report["parties"].get("provider")),
               client=_party_name(report["parties"].get("client")))
    for cat in CATEGORIES:
        row[cat] = bool(report["categories"].get(cat, {}).get("present"))
    return row


def failed_row(rel: str, error: ExtractorError, sha256: str, model_version: str) -> dict[str, Any]:
    """The summary row of a file that failed, with its reason code and one-line message."""
    row = _blank(rel, "failed", sha256, model_version)
    hint = f" ({error.hint})" if error.hint else ""
    row.update(reason=error.reason, message=error.message.splitlines()[0] + hint)
    return row


def spreadsheet_safe(text: str) -> str:
    """Neutralise a cell a spreadsheet would run as a formula (=, +, -, @): prefix a quote."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _csv_cell(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, list):
        return spreadsheet_safe(";".join(value))
    if isinstance(value, str):
        return spreadsheet_safe(value)
    return "" if value is None else value


def summary_texts(rows: Iterable[dict[str, Any]]) -> tuple[str, str]:
    """summary.csv and summary.jsonl contents, rows sorted by path."""
    ordered = sorted(rows, key=lambda r: r["path"])
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows([[_csv_cell(r[c]) for c in COLUMNS] for r in ordered])
    jsonl = "".join(json.dumps({c: r[c] for c in COLUMNS}, ensure_ascii=False) + "\n" for r in ordered)
    return buf.getvalue(), jsonl


def write_summaries(outdir: Path, rows: Iterable[dict[str, Any]]) -> None:
    """Write summary.csv and summary.jsonl atomically."""
    csv_text, jsonl_text = summary_texts(rows)
    atomic_write(outdir / SUMMARY_CSV, csv_text)
    atomic_write(outdir / SUMMARY_JSONL, jsonl_text)


def read_previous_rows(outdir: Path) -> dict[str, dict[str, Any]]:
    """The rows of the last summary.jsonl, by path (empty when there is none or it is unreadable)."""
    rows: dict[str, dict[str, Any]] = {}
    try:
        lines = (outdir / SUMMARY_JSONL).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return rows
    for line in lines:
        try:
            row = json.loads(line)
        except ValueError:
            continue
        if isinstance(row, dict) and isinstance(row.get("path"), str):
            rows[row["path"]] = {c: row.get(c) for c in COLUMNS}
    return rows
