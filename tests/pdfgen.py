"""Small PDF writers for test fixtures: the project's own files, with invented contract text.

``write_pdf`` lays out paragraphs with fpdf2 (a test-only dependency), optionally with a running
header and footer and in two columns. ``write_raw_pdf`` writes a PDF by hand for what fpdf2
cannot do: a page turned with /Rotate, and ligature glyphs (ﬁ, ﬂ), soft hyphens and
no-break spaces in a standard font.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from fpdf import FPDF


def _furniture(pdf: FPDF, text: str | None, y: float, number: int, pages: int) -> None:
    if text:
        pdf.set_font("Helvetica", size=8)
        pdf.set_xy(20, y)
        pdf.cell(0, 5, text.replace("{page}", str(number)).replace("{pages}", str(pages)))


def _column(pdf: FPDF, paragraphs: list[str], x: float, width: float, font_size: float, bold_headings: bool) -> None:
    pdf.set_xy(x, 25)
    for para in paragraphs:
        heading = para.startswith("#")
        pdf.set_font("Helvetica", "B" if heading and bold_headings else "", font_size)
        pdf.set_x(x)
        pdf.multi_cell(width, font_size * 0.5, para.lstrip("# "))
        pdf.ln(font_size * 0.4)


def write_pdf(path: Path, pages: list[list[str]], font_size: float = 10, header: str | None = None,
              footer: str | None = None, bold_headings: bool = True, columns: int = 1) -> Path:
    """One page per list of paragraphs; lines starting with '#' are bold headings.

    ``header`` and ``footer`` are printed on every page ("{page}" and "{pages}" are filled in).
    With ``columns=2`` the first half of a page's paragraphs fills the left column, the rest
    the right one.
    """
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(20, 25, 20)
    for number, paragraphs in enumerate(pages, start=1):
        pdf.add_page()
        _furniture(pdf, header, 10, number, len(pages))
        if columns == 2:
            half = (len(paragraphs) + 1) // 2
            _column(pdf, paragraphs[:half], 20, 80, font_size, bold_headings)
            _column(pdf, paragraphs[half:], 110, 80, font_size, bold_headings)
        else:
            _column(pdf, paragraphs, 20, 170, font_size, bold_headings)
        _furniture(pdf, footer, 285, number, len(pages))
    pdf.output(str(path))
    return path


_GLYPHS = {"\ufb01": b"\x80", "\ufb02": b"\x81", "\u00ad": b"\x82", "\u00a0": b"\x83"}


def _pdf_string(text: str) -> bytes:
    out = b""
    for ch in text:
        out += _GLYPHS.get(ch) or ch.encode("cp1252")
    return b"(" + out.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _content(paragraphs: list[str], width: int) -> bytes:
    ops, y = [b"BT /F1 10 Tf"], 800
    for para in paragraphs:
        for line in textwrap.wrap(para, width, break_on_hyphens=False):
            ops.append(b"1 0 0 1 56 %d Tm %s Tj" % (y, _pdf_string(line)))
            y -= 13
        y -= 9
    ops.append(b"ET")
    return b"\n".join(ops)


def write_raw_pdf(path: Path, pages: list[list[str]], rotate: int = 0, width: int = 90) -> Path:
    """A hand-written PDF: Helvetica with ﬁ/ﬂ glyphs, soft hyphens and NBSP kept as such,
    each page turned by ``rotate`` degrees through /Rotate (the text stays upright in user space)."""
    font = (b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding "
            b"/BaseEncoding /WinAnsiEncoding /Differences [128 /fi /fl /softhyphen /nbspace] >> >>")
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(len(pages))).encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(pages)), font]
    for i, paragraphs in enumerate(pages):
        stream = _content(paragraphs, width)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Rotate %d "
                       b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (rotate, 5 + 2 * i))
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    body, offsets = b"%PDF-1.4\n", []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n%s\nendobj\n" % (number, obj)
    xref = b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    xref += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    trailer = b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, len(body))
    path.write_bytes(body + xref + trailer)
    return path
