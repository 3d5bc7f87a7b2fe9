"""Path -> text lines with pdfplumber. The only module that imports pdfplumber.

Pages are read one at a time and closed after use, so memory stays flat on long files.
Rotated pages and sideways text are de-rotated; two-column pages are read column by column.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractor import layout
from extractor.document import TextLine
from extractor.errors import (
    CorruptPdfError,
    EncryptedError,
    ExtractorError,
    InputMissingError,
    MemoryLimitError,
    TooDeepError,
    TooLargeError,
    WrongPasswordError,
)
from extractor.preflight import DEFAULT_MAX_PAGES

PageCallback = Callable[[int, int], None]
# pdfminer and pdfplumber log parser complaints that can quote bytes of the file; without a handler
# Python would print them on stderr. They stay available to a root logger set up for debugging.
for _logger in ("pdfminer", "pdfplumber"):
    logging.getLogger(_logger).addHandler(logging.NullHandler())
_WORDLIKE = re.compile(r"^[A-Za-z][a-z]+$")


_CORRUPT_KINDS = ("PDFSyntaxError", "PDFNoValidXRef", "PSSyntaxError", "PDFTypeError", "PDFValueError",
                  "PDFNoOutlines", "PDFObjectNotFound", "PDFNotImplementedError")


def _translate(exc: BaseException, name: str, password_given: bool) -> ExtractorError:
    """Map what pdfminer raised (often wrapped, often with an empty message) to a typed error.

    Branches on exception types only; messages never quote the parser's text (it can hold
    contract text), only the exception class name.
    """
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
    kind = type(inner).__name__
    if isinstance(inner, RecursionError):
        return TooDeepError("PDF structure is too deeply nested (page tree or objects)", name)
    if isinstance(inner, MemoryError):
        return MemoryLimitError("ran out of memory while decoding the PDF (decompression bomb?)", name, "raise --memory-mb")
    if kind == "PDFPasswordIncorrect":
        if password_given:
            return WrongPasswordError("encrypted, the password given does not open it", name)
        return EncryptedError("encrypted, a password is required", name, "pass --password-env VAR or --ask-password")
    if kind in ("PDFEncryptionError", "PDFEncryptionWarning"):
        return EncryptedError("encrypted with a method this tool cannot open", name, "save an unencrypted copy")
    if isinstance(inner, (FileNotFoundError, PermissionError, IsADirectoryError)):
        return InputMissingError(f"cannot read the file ({inner.strerror or kind})", name)
    if kind == "PSEOF":
        return CorruptPdfError("file is truncated or damaged (unexpected end of file)", name)
    if kind in _CORRUPT_KINDS:
        return CorruptPdfError(f"file is damaged, no readable PDF structure ({kind})", name)
    return CorruptPdfError(f"file is damaged; the PDF parser failed ({kind})", name)


def _upright_share(chars: list[dict[str, Any]]) -> float:
    if not chars:
        return 1.0
    return sum(1 for c in chars if c.get("upright", True)) / len(chars)


def _wordlike_share(text: str) -> float:
    words = text.split()
    return sum(1 for w in words if _WORDLIKE.match(w)) / len(words) if words else 0.0


def _derotated(pdf: Any, page: Any) -> tuple[Any, int]:
    """Return (page, degrees) with the text turned upright, trying each /Rotate value."""
    from pdfplumber.page import Page

    best, best_score, best_rot = page, -1.0, page.rotation
    original = page.page_obj.attrs.get("Rotate", 0)
    for rot in (0, 90, 270, 180):
        page.page_obj.attrs["Rotate"] = rot
        page.page_obj.rotate = rot
        candidate = Page(pdf, page.page_obj, page_number=page.page_number, initial_doctop=0)
        chars = candidate.chars
        score = _upright_share(chars) + _wordlike_share(candidate.extract_text() or "")
        if score > best_score:
            if best is not page:
                best.close()
            best, best_score, best_rot = candidate, score, rot
        else:
            candidate.close()
    page.page_obj.attrs["Rotate"] = original
    page.page_obj.rotate = original
    return best, best_rot


def _page_lines(pdf: Any, page: Any, number: int, warnings: list[str]) -> list[TextLine]:
    if _upright_share(page.chars) < 0.5:
        original = page.page_obj.attrs.get("Rotate", 0)
        fixed, rot = _derotated(pdf, page)
        if rot == original:
            fixed.close()  # the page as it stands reads best: no warning
        else:
            warnings.append(f"rotated_text: page {number} holds sideways text; it was read turned upright (/Rotate {rot})")
            page.close()
            page = fixed
    words = page.extract_words(extra_attrs=["fontname", "size"], keep_blank_chars=False, x_tolerance=1.5)
    lines = layout.words_to_lines(words, number, float(page.width))
    page.close()
    return lines


@dataclass
class PdfText:
    """Lines of every page in reading order, with reading warnings."""

    pages: int = 0
    lines: list[TextLine] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def read_lines(
    path: Path,
    password: str | None = None,
    max_pages: int = DEFAULT_MAX_PAGES,
    on_page: PageCallback | None = None,
) -> PdfText:
    """Read every page of ``path`` with typed errors for every way a PDF can be bad."""
    import pdfplumber

    name = str(path)
    out = PdfText()
    try:
        with path.open("rb") as stream, pdfplumber.open(stream, password=password or "") as pdf:
            if getattr(pdf.doc, "encryption", None) and not getattr(pdf.doc, "is_extractable", True):
                out.warnings.append("encrypted_permissions: the owner restricts text extraction; read anyway")
            pages = pdf.pages
            out.pages = len(pages)
            if out.pages > max_pages:
                raise TooLargeError(f"{out.pages} pages, over the {max_pages}-page limit", name, "raise --max-pages")
            for index, page in enumerate(pages, start=1):
                out.lines.extend(_page_lines(pdf, page, index, out.warnings))
                pages[index - 1] = None  # type: ignore[call-overload]  # let the page and its cache go
                if on_page:
                    on_page(index, out.pages)
    except ExtractorError:
        raise
    except Exception as exc:  # pdfminer raises many types; every one becomes a typed error
        raise _translate(exc, name, bool(password)) from None
    return out


def iter_page_texts(path: Path) -> Iterator[str]:
    """Bare ``extract_text`` per page: the baseline that benchmarks and quality checks compare to."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            yield page.extract_text() or ""
            page.close()
