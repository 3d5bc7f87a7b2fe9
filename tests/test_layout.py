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


def test_wrapped_table_cells_stay_in_their_row() -> None:
    header = [_word("Service", 50, 60), _word("level", 98, 60), _word("Target", 250, 60), _word("Credit", 400, 60)]
    row = [_word("Speed", 50, 74), _word("of", 86, 74), _word("answer", 101, 74),
           _word("80%", 250, 74), _word("within", 271, 74), _word("20", 310, 74),
           _word("5%", 400, 74), _word("of", 415, 74), _word("the", 430, 74)]
    wrapped = [_word("seconds", 250, 85), _word("monthly", 400, 85), _word("fee", 445, 85)]
    next_row = [_word("Abandonment", 50, 99), _word("3%", 250, 99), _word("2%", 400, 99)]
    prose = [_word("Credits", 50, 130), _word("are", 96, 130), _word("cumulative.", 117, 130)]
    intro = []
    for n, line in enumerate(["The service levels below apply to each and every channel that we run for you.",
                              "Each level is measured over a calendar month and reported within ten days.",
                              "A credit is due for every level missed in that month, as the table shows."]):
        x = 50.0
        for w in line.split():
            intro.append(_word(w, x, 10 + 10 * n))
            x += 6 * len(w) + 4
    lines = words_to_lines(intro + header + row + wrapped + next_row + prose, 1, 595)
    assert [(ln.text, ln.table) for ln in lines] == [
        ("The service levels below apply to each and every channel that we run for you.", False),
        ("Each level is measured over a calendar month and reported within ten days.", False),
        ("A credit is due for every level missed in that month, as the table shows.", False),
        ("Service level | Target | Credit", True),
        ("Speed of answer | 80% within 20 seconds | 5% of the monthly fee", True),
        ("Abandonment | 3% | 2%", True),
        ("Credits are cumulative.", False),
    ]


def test_a_short_line_under_a_table_is_not_taken_for_a_wrapped_cell() -> None:
    row = [_word("Email", 50, 60), _word("24", 250, 60), _word("hours", 268, 60)]
    under = [_word("Chat", 50, 71), _word("2", 250, 71), _word("minutes", 262, 71)]
    lines = words_to_lines(row + under, 1, 595)
    assert [ln.text for ln in lines] == ["Email | 24 hours", "Chat | 2 minutes"]


def test_hanging_indent_list_item_is_one_line_not_a_table() -> None:
    item = [_word("(a)", 50, 60), _word("the", 110, 60), _word("Supplier", 132, 60), _word("shall", 184, 60)]
    rest = [_word("answer", 110, 71), _word("calls.", 152, 71)]
    nxt = [_word("(b)", 50, 90), _word("e-mail.", 110, 90)]
    lines = words_to_lines(item + rest + nxt, 1, 595)
    assert [(ln.text, ln.table) for ln in lines] == [("(a) the Supplier shall answer calls.", False), ("(b) e-mail.", False)]
