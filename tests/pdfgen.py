"""Small PDF writer for test fixtures (fpdf2, a test-only dependency): the project's own files."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF


def write_pdf(path: Path, pages: list[list[str]], font_size: float = 10, header: str | None = None,
              footer: str | None = None, bold_headings: bool = True) -> Path:
    """One page per list of paragraphs; lines starting with '#' are bold headings."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(20, 25, 20)
    for number, paragraphs in enumerate(pages, start=1):
        pdf.add_page()
        if header:
            pdf.set_font("Helvetica", size=8)
            pdf.set_xy(20, 10)
            pdf.cell(0, 5, header)
        pdf.set_xy(20, 25)
        for para in paragraphs:
            heading = para.startswith("#")
            pdf.set_font("Helvetica", "B" if heading and bold_headings else "", font_size)
            pdf.multi_cell(0, font_size * 0.5, para.lstrip("# "))
            pdf.ln(font_size * 0.4)
        if footer:
            pdf.set_font("Helvetica", size=8)
            pdf.set_xy(20, 285)
            pdf.cell(0, 5, footer.replace("{page}", str(number)).replace("{pages}", str(len(pages))))
    pdf.output(str(path))
    return path
