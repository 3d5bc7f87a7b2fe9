"""Words -> lines: rows, columns and reading order."""

from __future__ import annotations

from extractor.layout import find_gutter, words_to_lines


def _word(text: str, x0: float, top: float) -> dict[str, object]:
    return {"text": text, "x0": x0, "x1": x0 + 6 * len(text), "top": top, "bottom": top + 9, "fontname": "Helvetica", "size": 9}


def _two_columns() -> list[dict[str, object]]:
    words = []
    for row in range(12):
        words += [_word(f"left{row}", 50, 60 + 12 * row), _word("words", 86, 60 + 12 * row)]
        words += [_word(f"right{row}", 320, 60 + 12 * row), _word("words", 356, 60 + 12 * row)]
    return words


def test_gutter_found_between_columns_and_not_on_one_column() -> None:
    gutter = find_gutter(_two_columns(), 595)
    assert gutter is not None and 150 < gutter < 320
    one = [_word(f"word{i:03d}", 50 + 45 * (i % 10) + 13 * (i // 10) % 40, 60 + 12 * (i // 10)) for i in range(60)]
    assert find_gutter(one, 595) is None


def test_left_column_is_read_before_the_right_one() -> None:
    lines = words_to_lines(_two_columns(), 1, 595)
    texts = [ln.text for ln in lines]
    assert texts[:12] == [f"left{r} words" for r in range(12)]
    assert texts[12:] == [f"right{r} words" for r in range(12)]
    assert {ln.column for ln in lines[:12]} == {1} and {ln.column for ln in lines[12:]} == {2}


def test_table_rows_keep_their_cells_apart() -> None:
    row = [_word("Tier", 50, 60), _word("2", 77, 60), _word("support", 86, 60), _word("$500", 300, 60), _word("monthly", 430, 60)]
    prose = [_word("The", 50, 80), _word("Supplier", 72, 80), _word("shall", 123, 80)]
    lines = words_to_lines(row + prose, 1, 595)
    assert [(ln.text, ln.table) for ln in lines] == [("Tier 2 support | $500 | monthly", True), ("The Supplier shall", False)]
