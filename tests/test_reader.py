"""PDF -> paragraphs end to end, on PDFs that tests/pdfgen.py writes (no ../shared needed)."""

from __future__ import annotations

import re
import tracemalloc
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.document import ExtractedDocument
from extractor.errors import GarbledTextError, NoTextLayerError
from extractor.pdf import read_lines
from extractor.reader import read_document
from tests.pdfgen import write_pdf, write_raw_pdf

LEFT = ["# 1. Definitions", "In this Agreement the words mean what the parties say they mean and nothing more at all.",
        "# 2. Term", "This Agreement lasts for three years from the start date unless ended earlier by notice.",
        "# 3. Fees", "The Client pays the fees monthly in arrears within thirty days of each invoice."]
RIGHT = ["# 4. Confidentiality", "Each party keeps the other party's secrets and tells no one without consent first.",
         "# 5. Liability", "Neither party is liable for indirect loss of any kind arising under this Agreement.",
         "# 6. Law", "English law governs this Agreement and the courts of London decide every dispute."]


def _texts(doc: ExtractedDocument) -> str:
    return "\n".join(p.text for p in doc.paragraphs)


def test_two_columns_read_left_column_first(tmp_path: Path) -> None:
    doc = read_document(write_pdf(tmp_path / "two.pdf", [LEFT + RIGHT], columns=2))
    headings = [p.heading for p in doc.paragraphs]
    assert headings == ["1. Definitions", "2. Term", "3. Fees", "4. Confidentiality", "5. Liability", "6. Law"]


def test_headers_footers_and_page_numbers_stay_out_of_paragraphs(tmp_path: Path) -> None:
    days = ["Monday", "Tuesday", "Wednesday", "Thursday"]
    pages = [[f"# {n}. Clause {day}", f"The Provider shall staff the depot each {day} and report to the Client."]
             for n, day in enumerate(days, start=1)]
    path = write_pdf(tmp_path / "hf.pdf", pages, header="CONFIDENTIAL - Depot Services Agreement - Draft 3",
                     footer="Page {page} of {pages}")
    doc = read_document(path)
    assert "Page 1 of 4" not in _texts(doc) and "CONFIDENTIAL" not in _texts(doc)
    assert "CONFIDENTIAL - Depot Services Agreement - Draft 3 (x4)" in doc.furniture
    assert "Page 1 of 4 (x4)" in doc.furniture


def test_a_clause_split_by_a_page_break_is_rejoined(tmp_path: Path) -> None:
    pages = [["# 7. Liability", "The total liability of the Provider under this Agreement shall not"],
             ["exceed the fees paid in the twelve months before the claim arose.", "# 8. Law", "English law governs."]]
    doc = read_document(write_pdf(tmp_path / "split.pdf", pages, footer="Depot Agreement - page {page}"))
    first = doc.paragraphs[0]
    assert first.text.endswith("shall not exceed the fees paid in the twelve months before the claim arose.")
    assert first.pages == (1, 2) and first.heading == "7. Liability"


def test_nested_numbering_keeps_its_section(tmp_path: Path) -> None:
    page = ["# ARTICLE 5 CONFIDENTIALITY", "5.1 Duty. Each party shall keep the other party's information secret.",
            "(a) The duty does not cover information that is already public.",
            "(i) The burden of proof rests on the party claiming the exception.",
            "# ARTICLE 6 TERM", "6.1 Duration. This Agreement lasts three years from signature."]
    paras = {p.text[:4]: p for p in read_document(write_pdf(tmp_path / "nest.pdf", [page])).paragraphs}
    assert paras["(i) "].section == "ARTICLE 5 CONFIDENTIALITY" and paras["(i) "].heading == "5.1 Duty"
    assert paras["6.1 "].section == "ARTICLE 6 TERM"


def test_a_page_turned_with_rotate_reads_in_order(tmp_path: Path) -> None:
    page = ["MASTER SERVICES AGREEMENT", "1. Scope. The Provider runs the parcel depot for the Client on working days.",
            "2. Fees. The Client pays the monthly fee within thirty days of each invoice."]
    doc = read_document(write_raw_pdf(tmp_path / "rot.pdf", [page], rotate=90))
    assert doc.paragraphs[0].section == "MASTER SERVICES AGREEMENT"
    assert [p.text[:2] for p in doc.paragraphs] == ["1.", "2."]
    assert any(w.startswith("rotated_text: page 1") for w in doc.warnings)


def test_ligatures_soft_hyphens_and_line_end_hyphens_are_undone(tmp_path: Path) -> None:
    page = ["1. The indemni\u00adfication duty of the \ufb01rm and its cash \ufb02ow survive the termi-",
            "nation of this Agreement for EUR\u00a0100."]
    text = _texts(read_document(write_raw_pdf(tmp_path / "lig.pdf", [page])))
    for word in ("indemnification", "firm", "flow", "termination", "EUR 100"):
        assert word in text


def test_a_page_without_text_is_refused(tmp_path: Path) -> None:
    with pytest.raises(NoTextLayerError):
        read_document(write_pdf(tmp_path / "blank.pdf", [[]]))


def test_garbage_text_is_refused(tmp_path: Path) -> None:
    page = [" ".join(f"(cid:{n})" for n in range(i, i + 12)) for i in range(0, 120, 12)]
    with pytest.raises(GarbledTextError):
        read_document(write_raw_pdf(tmp_path / "cid.pdf", [page]))


def test_pages_are_streamed_so_memory_stays_flat(tmp_path: Path) -> None:
    page = ["# 1. Clause", "The Provider shall staff the depot on every working day of the year and report weekly."]

    def peak(pages: int) -> int:
        path = write_pdf(tmp_path / f"p{pages}.pdf", [page] * pages)
        tracemalloc.start()
        read_lines(path)
        result = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return result

    per_page = (peak(120) - peak(20)) / 100
    assert per_page < 16_000  # bytes: a 2,000-page file stays within tens of MB


WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=10)
PARAGRAPH = st.lists(WORD, min_size=3, max_size=60).map(" ".join)


@settings(max_examples=8, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pages=st.lists(st.lists(PARAGRAPH, min_size=1, max_size=5), min_size=2, max_size=3), data=st.data())
def test_every_body_word_lands_in_exactly_one_paragraph(tmp_path: Path, pages: list[list[str]], data: st.DataObject) -> None:
    numbered = [[f"# {i + 1}.{j + 1} Title {chr(97 + j)}" if data.draw(st.booleans()) else f"mark{chr(97 + i)}{chr(97 + j)} {p}"
                 for j, p in enumerate(page)] for i, page in enumerate(pages)]
    path = write_pdf(tmp_path / "prop.pdf", numbered, header="Running Header Text", footer="Page {page}")
    doc = read_document(path)
    expected = Counter(w for page in numbered for p in page for w in re.findall(r"[\w.]+", p.lstrip("# ")))
    got: Counter[str] = Counter()
    seen_headings: set[str] = set()
    for p in doc.paragraphs:
        got.update(re.findall(r"[\w.]+", p.text))
        for title in (p.section, p.heading):
            if title and title not in seen_headings and title not in p.text:
                seen_headings.add(title)
                got.update(re.findall(r"[\w.]+", title))
    assert got == expected


def test_run_on_text_lines_split_at_clause_numbers(tmp_path: Path) -> None:
    clauses = [f"{n}.{k} The Supplier shall keep record number {n}{k} for the Customer for seven years." for n in (3, 4) for k in (1, 2, 3)]
    line = "3. RECORDS " + " ".join(clauses) + " See also section 4.2 above, which applies."
    path = tmp_path / "dump.txt"
    path.write_text("MASTER SERVICES AGREEMENT\n\n" + line + "\n", encoding="utf-8")
    paragraphs = read_document(path).paragraphs
    texts = [p.text for p in paragraphs]
    assert any(t.startswith("3.1 The Supplier") for t in texts) and any(t.startswith("4.3 The Supplier") for t in texts)
    assert not any(t.startswith("4.2 above") for t in texts)  # a reference inside a sentence is not a clause start


def test_text_contract_page_numbers_between_prose_are_dropped(tmp_path: Path) -> None:
    path = tmp_path / "exhibit.txt"
    path.write_text("2. FEES\n\nOnce a quarter, and no later than twenty days after the close of the\n\n                3\n\n"
                    "quarter concerned, the Provider shall give the Client a reconciliation of call volumes.\n\n"
                    "13)\n\nThe Client shall settle each invoice by bank transfer.\n", encoding="utf-8")
    doc = read_document(path)
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == ("Once a quarter, and no later than twenty days after the close of the quarter concerned, the "
                        "Provider shall give the Client a reconciliation of call volumes.")
    assert texts[1] == "13) The Client shall settle each invoice by bank transfer."  # a clause number stays
    assert doc.furniture == ("page number 3",)
