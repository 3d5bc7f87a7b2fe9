"""File -> ExtractedDocument: pre-flight, text extraction, furniture removal, quality gate, paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from extractor import quality
from extractor.document import ExtractedDocument, TextLine
from extractor.errors import NotAPdfError, NoTextLayerError
from extractor.furniture import drop_inline_page_numbers, split_furniture
from extractor.paragraphs import build_paragraphs
from extractor.pdf import PageCallback, read_lines
from extractor.preflight import DEFAULT_MAX_MB, DEFAULT_MAX_PAGES, check_file
from extractor.textnorm import normalize

LINE_HEIGHT = 12.0
RUN_ON = 400  # characters: a longer text line holds several clauses run together
_INLINE_CLAUSE = re.compile(
    r"(?:(?<=[.;:])|(?<=[A-Z]{3}))\s+(?=(?:\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}\.|\([a-z]{1,3}\)|\([ivx]{1,5}\))\s+[A-Z(\"“])")


@dataclass(frozen=True)
class ReadOptions:
    """Limits and secrets for reading one file."""

    password: str | None = None
    max_bytes: int = DEFAULT_MAX_MB * 1_000_000
    max_pages: int = DEFAULT_MAX_PAGES


def _unrun(rows: list[str]) -> list[str]:
    """Split lines that run many clauses together ("... 4.1 The ... 4.2 The ...") at each clause
    number that follows a sentence end or a capitalised title, as text dumps of filings often do."""
    out: list[str] = []
    for row in rows:
        if len(row) <= RUN_ON:
            out.append(row)
            continue
        for part in _INLINE_CLAUSE.split(row):
            out += [part, ""]
    return out


def text_lines(text: str) -> list[TextLine]:
    """Lines of a plain-text contract as TextLines; a blank line is a vertical gap, \\f a new page."""
    raw = _unrun(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    long_lines = sum(1 for r in raw if len(r) > 150) > 0.5 * max(1, sum(1 for r in raw if r.strip()))
    lines: list[TextLine] = []
    page, y = 1, 0.0
    width = max((len(r) for r in raw), default=1) * 6.0
    for row in raw:
        page += row.count("\f")
        clean = normalize(row)
        y += LINE_HEIGHT * (3 if long_lines else 1)
        if clean:
            right = width if len(row.rstrip()) > 0.8 * len(row.rstrip()) + 1 and long_lines else len(row.rstrip()) * 6.0
            lines.append(TextLine(page=page, text=clean, bbox=(len(row) - len(row.lstrip()), y, right, y + 10.0)))
        else:
            y += LINE_HEIGHT
    return lines


def read_document(path: Path, options: ReadOptions = ReadOptions(), on_page: PageCallback | None = None) -> ExtractedDocument:
    """Read a PDF or text contract into paragraphs, refusing what cannot be read faithfully."""
    kind = check_file(path, options.max_bytes)
    name = str(path)
    if kind.kind == "text":
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise NotAPdfError("text file is not UTF-8", name) from None
        lines, furniture = drop_inline_page_numbers(text_lines(text))
        pages, warnings = text.count("\f") + 1, []
    else:
        pdf = read_lines(path, options.password, options.max_pages, on_page)
        lines, furniture = split_furniture(pdf.lines)
        pages, warnings = pdf.pages, pdf.warnings
    warnings = warnings + quality.check_text(name, "\n".join(ln.text for ln in lines), pages)
    paragraphs = build_paragraphs(lines)
    if not paragraphs:
        raise NoTextLayerError("no paragraphs could be read", name, "run OCR first")
    return ExtractedDocument(pages=pages, paragraphs=tuple(paragraphs), furniture=tuple(furniture), warnings=tuple(warnings))
