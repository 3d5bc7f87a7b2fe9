"""Character clean-up and line-break hyphenation."""

from __future__ import annotations

import pytest

from extractor.textnorm import join_hyphenated, normalize


def test_normalize_expands_ligatures_and_drops_invisible_marks() -> None:
    assert normalize("indemni\u00adfication of the \ufb01rm\u2019s \ufb02ow Con\u200bfidential") == (
        "indemnification of the firm\u2019s flow Confidential"
    )


def test_normalize_turns_odd_spaces_into_one_plain_space() -> None:
    assert normalize("EUR\u00a01\u202f000\t\u2009000  net") == "EUR 1 000 000 net"


def test_normalize_keeps_quotes_dashes_and_section_sign() -> None:
    assert normalize("\u201cAffiliate\u201d \u00a7 12 2024\u20132026") == "\u201cAffiliate\u201d \u00a7 12 2024\u20132026"


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("survive termi-", "nation of it", "survive termination of it"),
        ("any third-", "party claim", "any third-party claim"),
        ("the self-", "employed person", "the self-employed person"),
        ("see clause 4-", "5 below", "see clause 4-5 below"),
        ("the Services -", "Schedule 1", "the Services - Schedule 1"),
    ],
)
def test_join_hyphenated_drops_only_line_break_hyphens(left: str, right: str, joined: str) -> None:
    assert join_hyphenated(left, right) == joined


def test_join_hyphenated_asks_the_document_vocabulary() -> None:
    assert join_hyphenated("a co-", "operative", frozenset({"co-operative"})) == "a co-operative"
    assert join_hyphenated("the pay-", "ment", frozenset({"payment"})) == "the payment"
