"""Words of one page -> visual lines in reading order (columns detected). Pure functions."""

from __future__ import annotations

from collections import Counter
from typing import Any

from extractor.document import TextLine
from extractor.outline import clause_number
from extractor.textnorm import normalize

Word = dict[str, Any]


def _group_rows(words: list[Word], tolerance: float = 3.0) -> list[list[Word]]:
    """Cluster words whose tops lie within ``tolerance`` points into rows, top to bottom."""
    rows: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(rows[-1][0]["top"] - word["top"]) <= tolerance:
            rows[-1].append(word)
        else:
            rows.append([word])
    return [sorted(row, key=lambda w: w["x0"]) for row in rows]


def find_gutter(words: list[Word], page_width: float) -> float | None:
    """x of a vertical gap that splits the page into two columns, or None for one column.

    A gutter is a band in the middle third of the page that no word crosses, with words on
    both sides of it in at least a third of the rows.
    """
    if len(words) < 20:
        return None
    rows = _group_rows(words)
    lo, hi = page_width / 3, page_width * 2 / 3
    step = 2.0
    best: float | None = None
    best_both = 0
    x = lo
    while x <= hi:
        if not any(w["x0"] < x < w["x1"] for w in words):
            both = sum(1 for r in rows if any(w["x1"] <= x for w in r) and any(w["x0"] >= x for w in r))
            if both > best_both:
                best, best_both = x, both
        x += step
    if best is None or best_both < max(3, len(rows) // 3):
        return None
    return best


def _is_bold(row: list[Word]) -> bool:
    names = [str(w.get("fontname", "")).lower() for w in row]
    return bool(names) and sum(("bold" in n or "black" in n or "heavy" in n) for n in names) > len(names) / 2


CELL_GAP_EMS = 2.5  # a gap between words wider than this many font sizes separates table cells
WRAP_GAP_EMS = 0.8  # a row this close under a table row may be the wrapped rest of its cells

Cells = list[list[Word]]


def _size(words: list[Word]) -> float:
    return Counter(round(float(w.get("size", 0.0)), 1) for w in words).most_common(1)[0][0]


def _cells(row: list[Word]) -> Cells:
    """The row's words split where a gap is far wider than word spacing (a table or tab stop)."""
    size = _size(row)
    cells: Cells = [[]]
    for before, word in zip([None, *row[:-1]], row, strict=True):
        if before is not None and word["x0"] - before["x1"] > CELL_GAP_EMS * max(size, 4.0):
            cells.append([])
        cells[-1].append(word)
    return cells


def _wraps_into(above: Cells, cells: Cells) -> list[int] | None:
    """Which cell of the table row ``above`` each cell of ``cells`` continues, when ``cells`` is the
    wrapped rest of that row: close under it, its first column empty, every piece starting inside
    one of its cells. None when ``cells`` is a row (or a line) of its own."""
    if len(above) < 2:
        return None
    size = _size([w for c in above for w in c])
    gap = min(w["top"] for c in cells for w in c) - max(w["bottom"] for c in above for w in c)
    if gap > WRAP_GAP_EMS * max(size, 4.0) or min(w["x0"] for c in cells for w in c) < above[0][-1]["x1"]:
        return None
    spans = [(min(w["x0"] for w in c) - 3, max(w["x1"] for w in c)) for c in above]
    targets = [next((i for i, (x0, x1) in enumerate(spans) if x0 <= cell[0]["x0"] <= x1), -1) for cell in cells]
    if -1 in targets or targets[0] == 0 or len(set(targets)) != len(targets):
        return None
    return targets


def _table_rows(rows: list[list[Word]]) -> list[Cells]:
    """Rows as cells, a table row's wrapped continuation lines folded into its cells."""
    out: list[Cells] = []
    for row in rows:
        cells = _cells(row)
        targets = _wraps_into(out[-1], cells) if out else None
        if targets is None:
            out.append(cells)
            continue
        for cell, target in zip(cells, targets, strict=True):
            out[-1][target].extend(cell)
    return out


_BULLETS = frozenset("•·▪◦‣-–—*o")


def _is_marker(cell: list[Word]) -> bool:
    """A cell holding only a list or clause marker ("(a)", "2.1", "•"): a hanging indent, not a column."""
    text = " ".join(w["text"] for w in cell)
    return text in _BULLETS or clause_number(text) == text


def _row_line(cells: Cells, page: int, column: int) -> TextLine:
    words = [w for c in cells for w in c]
    if len(cells) == 2 and _is_marker(cells[0]):
        cells = [words]  # "(a)   text ..." is a list item set with a hanging indent
    text = normalize(" | ".join(" ".join(w["text"] for w in c) for c in cells))
    bbox = (min(w["x0"] for w in words), min(w["top"] for w in words), max(w["x1"] for w in words), max(w["bottom"] for w in words))
    return TextLine(page=page, text=text, bbox=bbox, size=_size(words), bold=_is_bold(words), column=column,
                    table=len(cells) > 1)


def words_to_lines(words: list[Word], page: int, page_width: float) -> list[TextLine]:
    """Turn one page's words into lines, left column before right column on two-column pages."""
    gutter = find_gutter(words, page_width)
    if gutter is None:
        return [line for cells in _table_rows(_group_rows(words)) if (line := _row_line(cells, page, 0)).text]
    # Split into bands: rows crossing the gutter (titles) interrupt the two-column flow.
    out: list[TextLine] = []
    left: list[Word] = []
    right: list[Word] = []

    def flush() -> None:
        for col, part in ((1, left), (2, right)):
            out.extend(ln for cells in _table_rows(_group_rows(part)) if (ln := _row_line(cells, page, col)).text)
        left.clear()
        right.clear()

    for row in _group_rows(words):
        if any(w["x0"] < gutter < w["x1"] for w in row):
            flush()
            out.append(_row_line(_cells(row), page, 0))
            continue
        left.extend(w for w in row if w["x1"] <= gutter)
        right.extend(w for w in row if w["x0"] >= gutter)
    flush()
    return [ln for ln in out if ln.text]
