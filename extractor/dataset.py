"""Read and validate labelled paragraphs (JSONL or CSV); split by contract, never by paragraph."""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extractor.errors import TrainingDataError
from extractor.taxonomy import LABELS

MAX_REPORTED = 20


@dataclass(frozen=True)
class Example:
    """One labelled paragraph."""

    text: str
    label: str
    heading: str | None
    doc_id: str

    def record(self) -> dict[str, str | None]:
        return {"text": self.text, "heading": self.heading}


def _files(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix.lower() in (".jsonl", ".csv", ".json"))
        else:
            yield path


def _contract_rows(path: Path) -> Iterator[tuple[int, object]]:
    """A whole contract file (training_data/contracts/*.json): its paragraphs, numbered from 1."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise TrainingDataError(f"not valid JSON ({exc.msg})", str(path)) from None
    if not isinstance(doc, dict) or not isinstance(doc.get("paragraphs"), list):
        raise TrainingDataError("a .json file must be a contract with a 'paragraphs' list", str(path))
    doc_id = doc.get("doc_id") or path.stem
    for number, para in enumerate(doc["paragraphs"], start=1):
        yield number, {**para, "doc_id": doc_id} if isinstance(para, dict) else para


def _unquote(value: object) -> object:
    """Undo the quote that CSV exports put before a cell a spreadsheet would run ("'=...")."""
    if isinstance(value, str) and value[:1] == "'" and value[1:2] in ("=", "+", "-", "@"):
        return value[1:]
    return value


def _rows(path: Path) -> Iterator[tuple[int, object]]:
    if path.suffix.lower() == ".json":
        yield from _contract_rows(path)
        return
    with path.open(encoding="utf-8", newline="") as fh:
        if path.suffix.lower() == ".csv":
            reader = csv.DictReader(fh)
            if not reader.fieldnames or not {"text", "label"} <= set(reader.fieldnames):
                raise TrainingDataError("CSV needs a header with at least text,label", str(path))
            for row in reader:
                yield reader.line_num, {k: _unquote(v) for k, v in row.items()}
            return
        for number, line in enumerate(fh, start=1):
            if line.strip():
                try:
                    yield number, json.loads(line)
                except json.JSONDecodeError as exc:
                    yield number, f"not valid JSON ({exc.msg})"


def _validate(row: object, default_doc: str) -> Example | str:
    if isinstance(row, str):
        return row
    if not isinstance(row, dict):
        return "a row must be a JSON object"
    text, label = row.get("text"), row.get("label")
    if not isinstance(text, str) or not text.strip():
        return "missing or empty 'text'"
    if label not in LABELS:
        shown = repr(label) if not isinstance(label, str) or len(label) <= 30 else f"({len(label)} characters)"
        return f"label {shown} is not one of {', '.join(LABELS)}"
    heading = row.get("heading") or None
    if heading is not None and not isinstance(heading, str):
        return "'heading' must be a string or null"
    return Example(text.strip(), str(label), heading, str(row.get("doc_id") or default_doc))


def load_examples(paths: Iterable[Path]) -> list[Example]:
    """Every valid example from ``paths`` (files or folders); raise listing every bad row."""
    examples: list[Example] = []
    problems: list[str] = []
    for path in _files(paths):
        if not path.is_file():
            raise TrainingDataError("file not found", str(path))
        try:
            rows = list(_rows(path))
        except UnicodeDecodeError:
            raise TrainingDataError("not UTF-8 text", str(path), "save the file as UTF-8") from None
        for number, row in rows:
            result = _validate(row, default_doc=path.stem)
            if isinstance(result, Example):
                examples.append(result)
            else:
                problems.append(f"{path}:{number}: {result}")
    if problems:
        err = TrainingDataError(f"{len(problems)} bad row(s) in the training data; first: {problems[0]}")
        err.details = problems[:MAX_REPORTED]
        raise err
    if not examples:
        raise TrainingDataError("no labelled paragraphs found")
    return examples


def checksum(examples: Iterable[Example]) -> str:
    """sha256 over the examples' content, independent of file layout."""
    digest = hashlib.sha256()
    for ex in examples:
        digest.update(json.dumps([ex.doc_id, ex.heading, ex.text, ex.label]).encode())
    return digest.hexdigest()


def contract_text(contract: dict[str, Any]) -> str:
    """A team contract (training_data/contracts/*.json) as plain text: each heading on its own line
    where it changes, blank lines between paragraphs. Used to render fixtures and samples."""
    chunks: list[str] = []
    last = None
    for para in contract["paragraphs"]:
        heading = para.get("heading")
        if heading and heading != last:
            chunks.append(heading)
        last = heading
        chunks.append(para["text"])
    return "\n\n".join(chunks) + "\n"
