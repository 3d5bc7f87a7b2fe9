"""Cheap checks on a file before any parser touches it: existence, size, type, encryption."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from extractor.errors import EmptyFileError, InputMissingError, NotAPdfError, TooLargeError

TEXT_SUFFIXES = (".txt", ".text")
#: What batch picks up from a folder (a single-file analyze also sniffs other names for %PDF-).
INPUT_SUFFIXES = (".pdf", *TEXT_SUFFIXES)
_SNIFF = 2048
DEFAULT_MAX_MB = 200  # files larger than this are refused unread (--max-mb)
DEFAULT_MAX_PAGES = 5000  # PDFs with more pages are refused (--max-pages)


@dataclass(frozen=True)
class FileKind:
    """What pre-flight found: ``kind`` is "pdf" or "text"; ``size`` in bytes."""

    kind: str
    size: int


def _looks_like(head: bytes) -> str:
    if head.startswith(b"PK\x03\x04"):
        return "a ZIP archive or Office document (.docx/.xlsx)"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "an old Office document (.doc/.xls)"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*")):
        return "an image"
    if head.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html")):
        return "an HTML page"
    if head.startswith(b"{\\rtf"):
        return "an RTF document"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)  # a character may straddle the end
    except UnicodeDecodeError:
        return "binary data"
    return "plain text"


def check_file(path: Path, max_bytes: int) -> FileKind:
    """Raise a typed error unless ``path`` is a readable, non-empty PDF or text contract."""
    name = str(path)
    if not path.exists():
        raise InputMissingError("file not found", name)
    if path.is_dir():
        raise InputMissingError("is a directory, not a file", name)
    if not path.is_file():  # a FIFO or device would block or never end
        raise InputMissingError("not a regular file", name)
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(_SNIFF)
    except OSError as exc:
        raise InputMissingError(f"cannot read the file ({exc.strerror or 'I/O error'})", name) from None
    if size == 0:
        raise EmptyFileError("file is empty, 0 bytes", name)
    if size > max_bytes:
        raise TooLargeError(f"file is {size / 1e6:.0f} MB, over the {max_bytes / 1e6:.0f} MB limit", name, "raise --max-mb")
    if b"%PDF-" in head[:1024]:
        return FileKind("pdf", size)
    if path.suffix.lower() in TEXT_SUFFIXES:
        looks = _looks_like(head)
        if looks != "plain text":
            raise NotAPdfError(f"not a text file; looks like {looks}", name)
        return FileKind("text", size)
    raise NotAPdfError(f"no %PDF- header; looks like {_looks_like(head)}", name)
