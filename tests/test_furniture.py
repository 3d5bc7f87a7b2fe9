"""Running headers, footers and page numbers: repetition at the page edges, then removal."""

from __future__ import annotations

from extractor.document import TextLine
from extractor.furniture import is_page_number, split_furniture
from extractor.paragraphs import build_paragraphs


def _page(number: int, texts: list[str]) -> list[TextLine]:
    return [TextLine(page=number, text=t, bbox=(50.0, 100.0 + 12 * i, 500.0, 110.0 + 12 * i)) for i, t in enumerate(texts)]


WORDS = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima".split()


def _doc(pages: int, body: list[str], footer: list[str]) -> list[TextLine]:
    """Pages whose body lines differ by a word (not a digit) and whose furniture repeats."""
    lines: list[TextLine] = []
    for n in range(1, pages + 1):
        lines += _page(n, ["CONFIDENTIAL TREATMENT REQUESTED", *[f"{t} {WORDS[n]}" for t in body],
                           *[f.format(n=n, pages=pages) for f in footer]])
    return lines


def test_page_numbers_are_recognised() -> None:
    for text in ("3", "- 3 -", "Page 3", "Page 3 of 12", "3/12", "iv", "(7)"):
        assert is_page_number(text), text
    for text in ("3 days", "Section 3", "12.4"):
        assert not is_page_number(text), text


def test_repeated_header_footer_and_page_numbers_are_removed_and_recorded() -> None:
    lines = _doc(4, ["The Provider shall answer calls within", "twenty seconds on every working day"],
                 ["Source: ACME CORP, 8-K, 1/2/2009", "Page {n} of {pages}"])
    body, removed = split_furniture(lines)
    texts = [ln.text for ln in body]
    assert texts[:2] == ["The Provider shall answer calls within bravo", "twenty seconds on every working day bravo"]
    assert not any("CONFIDENTIAL" in t or "Source:" in t or "Page" in t for t in texts)
    assert removed == ["CONFIDENTIAL TREATMENT REQUESTED (x4)", "Source: ACME CORP, 8-K, 1/2/2009 (x4)", "Page 1 of 4 (x4)"]


def test_repeated_continuation_and_lead_in_lines_stay() -> None:
    lines = _doc(4, ["The Supplier warrants that", "perform the Services with care and"],
                 ["separately with the Commission.", "The Supplier shall:"])
    body, removed = split_furniture(lines)
    assert removed == ["CONFIDENTIAL TREATMENT REQUESTED (x4)"]
    assert sum(ln.text == "separately with the Commission." for ln in body) == 4


def test_footer_at_the_edge_of_many_pages_is_furniture_anywhere() -> None:
    lines: list[TextLine] = []
    for n in range(1, 9):
        footer = [f"Commercial in Confidence Page {n} May 2004", "Outsourcing Agreement"]
        body = [f"Body text {WORDS[n]} opens here", "middle words", "more middle words", "still more", "and more"]
        lines += _page(n, body + footer if n % 2 else body[:2] + footer + body[2:])
    body_lines, _ = split_furniture(lines)
    assert not any("Confidence" in ln.text or ln.text == "Outsourcing Agreement" for ln in body_lines)
    assert len(body_lines) == 8 * 5


def test_a_line_repeated_at_the_next_page_top_is_read_once() -> None:
    lines: list[TextLine] = []
    for n in range(1, 7):
        lines += _page(n, [f"text {WORDS[n]} of this page", "Other Disclaimers" if n == 1 else f"end {WORDS[n]}"])
    lines[2:2] = _page(2, ["Other Disclaimers"])
    body, removed = split_furniture(sorted(lines, key=lambda ln: ln.page))
    assert [ln.text for ln in body][:4] == ["text bravo of this page", "Other Disclaimers", "text charlie of this page", "end charlie"]
    assert removed == []


def test_single_page_keeps_everything_but_its_page_number() -> None:
    body, removed = split_furniture(_page(1, ["MASTER SERVICES AGREEMENT", "1. Scope", "1"]))
    assert [ln.text for ln in body] == ["MASTER SERVICES AGREEMENT", "1. Scope"]
    assert removed == ["page number 1"]


def test_page_number_printed_mid_page_is_removed_and_the_sentence_runs_on() -> None:
    prose = [f"The Supplier shall keep records of calls {w}." for w in WORDS[:4]]
    texts = [*prose, "4.2 Suspension. If an invoice stays unpaid for forty-five days after a reminder,",
             "the Provider, having warned the Client in writing", "7", "may pause outbound campaigns until it is paid.",
             "5. Reports. The Provider shall send a weekly dashboard covering queue times and", "8", "9",
             "Satisfaction Scores for every channel in the week before.", *prose]
    body, removed = split_furniture(_page(1, texts))
    assert [ln.text for ln in body] == [t for t in texts if not t.isdigit()]
    assert removed == ["page numbers (x3)"]
    paragraphs = [p.text for p in build_paragraphs(body)]
    assert paragraphs[1] == ("4.2 Suspension. If an invoice stays unpaid for forty-five days after a reminder, the Provider, "
                             "having warned the Client in writing may pause outbound campaigns until it is paid.")
    assert paragraphs[2].startswith("5. Reports. The Provider shall send a weekly dashboard covering queue times and "
                                    "Satisfaction Scores for every channel in the week before.")


def test_numbers_in_columns_and_clause_numbers_stay() -> None:
    prose = [f"The Supplier shall keep records of calls {w}" for w in WORDS[:4]]
    texts = [*prose, "The fees for each tier are set out below for the whole term", "1", "2", "3",
             "and they apply to every contact handled in the month.", "4.", *prose]
    body, _ = split_furniture(_page(1, texts))
    assert [ln.text for ln in body] == texts
