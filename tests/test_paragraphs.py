"""Lines -> paragraphs: joins, clause splits, headings and the outline they build."""

from __future__ import annotations

from extractor.document import TextLine
from extractor.outline import Outline, clause_number, inline_title, style_of
from extractor.paragraphs import build_paragraphs


def _lines(texts: list[str], page: int = 1, top: float = 100.0, bold: frozenset[int] = frozenset()) -> list[TextLine]:
    out, y = [], top
    for i, text in enumerate(texts):
        if text == "":
            y += 12
            continue
        out.append(TextLine(page=page, text=text, bbox=(50.0, y, 50.0 + 5.5 * len(text), y + 9), size=9.0, bold=i in bold))
        y += 12
    return out


def test_clause_numbers() -> None:
    assert clause_number("12.3 Fees are due") == "12.3"
    assert clause_number("(b) the Client") == "(b)"
    assert clause_number("Section 4.02 Payment") == "Section 4.02"
    assert clause_number("The Client") is None
    assert clause_number("3.Corvid returns the proofs") == "3."  # no space after the number
    assert clause_number("1.5 million photos") == "1.5" and clause_number("No.5 applies") is None


def test_styles_nest_like_contracts() -> None:
    assert style_of("ARTICLE V").kind == "article"
    assert (style_of("5.2").kind, style_of("5.2").depth) == ("dec", 2)
    assert (style_of("5.0").kind, style_of("5.0").depth) == ("dec", 1)
    assert style_of("(a)").kind == "lower" and style_of("(iii)").kind == "roman" and style_of("A.").kind == "upper"


def test_inline_titles() -> None:
    assert inline_title("Fees. The Client shall pay") == "Fees"
    assert inline_title("Scope of License: The Licensed Software is") == "Scope of License"
    assert inline_title("The Client shall pay. Then") is None


def test_outline_keeps_the_section_of_a_nested_subclause() -> None:
    outline = Outline()
    outline.heading("12. CONFIDENTIALITY", "12.", 9.0)
    outline.paragraph("12.1 Duty. Each party shall keep secrets.", "12.1")
    outline.paragraph("(b) any disclosure required by law;", "(b)")
    assert outline.position() == ("12.1 Duty", "12. CONFIDENTIALITY")
    outline.paragraph("13.1 Term. This Agreement lasts one year.", "13.1")
    assert outline.position() == ("13.1 Term", "13.1 Term")


def test_wrapped_lines_join_and_line_break_hyphens_go() -> None:
    paras = build_paragraphs(_lines(["1. The Provider shall answer every call within", "twenty seconds and keep the termi-",
                                     "nation log up to date.", "", "2. The Client pays monthly."]))
    assert [p.text for p in paras] == [
        "1. The Provider shall answer every call within twenty seconds and keep the termination log up to date.",
        "2. The Client pays monthly.",
    ]


def test_headings_are_carried_with_their_section() -> None:
    texts = ["12. CONFIDENTIALITY", "12.1 Each party shall keep the other party's information secret.",
             "(a) except as required by law;", "(b) except with consent.", "13. TERM", "13.1 This Agreement lasts one year from signature."]
    paras = build_paragraphs(_lines(texts, bold=frozenset({0, 4})))
    by_text = {p.text: p for p in paras}
    assert by_text["(b) except with consent."].section == "12. CONFIDENTIALITY"
    assert by_text["13.1 This Agreement lasts one year from signature."].heading == "13. TERM"
    assert not any(p.text in ("12. CONFIDENTIALITY", "13. TERM") for p in paras)


def test_a_sentence_broken_by_a_page_break_is_joined() -> None:
    lines = _lines(["4. The Supplier shall not disclose the Client's"], page=1, top=700) + _lines(
        ["information to any third party.", "", "5. Liability is capped."], page=2, top=60)
    paras = build_paragraphs(lines)
    assert paras[0].text == "4. The Supplier shall not disclose the Client's information to any third party."
    assert paras[0].pages == (1, 2)


def test_a_run_in_bold_heading_starts_a_new_block() -> None:
    texts = ["Security", "Customer acknowledges the options offered.", "Exclusivity of Warranties",
             "THE WARRANTIES ABOVE ARE EXCLUSIVE."]
    paras = build_paragraphs(_lines(texts, bold=frozenset({0, 2})))
    assert [(p.heading, p.text) for p in paras] == [
        ("Security", "Customer acknowledges the options offered."),
        ("Exclusivity of Warranties", "THE WARRANTIES ABOVE ARE EXCLUSIVE."),
    ]


def test_a_heading_nobody_carries_becomes_a_paragraph() -> None:
    paras = build_paragraphs(_lines(["4.1 Implementation", "4.2 Fees", "The Client pays monthly."], bold=frozenset({0, 1})))
    assert [p.text for p in paras] == ["4.1 Implementation", "The Client pays monthly."]
    assert paras[1].heading == "4.2 Fees"


def test_a_one_word_run_in_title_that_wraps_into_its_text_is_not_a_heading() -> None:
    paras = build_paragraphs(_lines(["9. Suspension. The Provider may stop",
                                     "(a) outbound dialling while the Client's scripts await approval."]))
    assert paras[0].text == "9. Suspension. The Provider may stop (a) outbound dialling while the Client's scripts await approval."
    assert paras[0].heading == "9. Suspension"


def test_a_capitals_run_in_title_that_wraps_into_its_text_is_not_a_heading() -> None:
    lines = _lines(["1. SERVICES", "1.1 HELP DESK COVER. THE PROVIDER",
                    "staffs the help desk from 8 a.m. to 6 p.m. on working days.",
                    "2. FEES AND CHARGES", "Fees are due monthly. See ACME CONTRACT No. 7 for rates."])
    paras = build_paragraphs(lines)
    assert paras[0].text == "1.1 HELP DESK COVER. THE PROVIDER staffs the help desk from 8 a.m. to 6 p.m. on working days."
    assert paras[0].heading == "1.1 HELP DESK COVER"
    assert [p.heading for p in paras[1:]] == ["2. FEES AND CHARGES"]


def test_clauses_numbered_without_a_space_and_a_bold_party_name_after_between() -> None:
    lines = _lines(["PRINT FINISHING AGREEMENT", "Between:", "Lumen Studio Corp.", "12 Harbour Road, Vancouver", "",
                    "The parties agree as follows:", "1.Lumen shall send the print files each Monday;",
                    "2.Corvid shall return the finished proofs within five working days;"], bold=frozenset({0, 2}))
    texts = [p.text for p in build_paragraphs(lines)]
    assert texts[:2] == ["Between:", "Lumen Studio Corp. 12 Harbour Road, Vancouver"]
    assert texts[-2:] == ["1.Lumen shall send the print files each Monday;",
                          "2.Corvid shall return the finished proofs within five working days;"]

