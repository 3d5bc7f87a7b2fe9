"""Running headers, footers and page numbers: found by repetition and position, then removed.

Position means the first or last few lines of a page, not a fixed band of the page: EDGAR
exhibits printed from HTML put their footers anywhere from the middle to the bottom of the
sheet, depending on how much text the page holds.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace

from extractor.document import TextLine

_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–—(\[]?\s*\d{1,4}\s*[-–—)\]]?(?:\s*(?:of|/)\s*\d{1,4})?$|^[-–—]?\s*[ivxlc]{1,6}\s*[-–—]?$",
    re.IGNORECASE,
)
_PAGE_OF = re.compile(r"\bpage\s+\d{1,4}\s+of\s+\d{1,4}\b", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_CLAUSE = re.compile(r"^(?:(?:article|section|clause|schedule|exhibit|annex|part)\s+\w+|\d{1,3}\.\d{0,3}\s)", re.I)
_SPACE = re.compile(r"\s+")
_BARE_NUMBER = re.compile(r"^(?:\d{1,3}|[-–—]\s*\d{1,3}\s*[-–—])$")  # "7", "- 7 -"; never "7." or "(7)" (clause numbers)
EDGE = 3  # lines at the top and at the bottom of a page where furniture lives
MAX_WORDS = 20  # a running header or footer is short (words with letters)


def _key(text: str) -> str:
    """Digit-blind, case-blind, space-blind form: "Page 3 of 9" and "PAGE 4 of 9" match."""
    return _SPACE.sub("", _DIGITS.sub("#", text.lower()))


def is_page_number(text: str) -> bool:
    """True for "3", "- 3 -", "Page 3", "Page 3 of 12", "3/12", "iv"."""
    return bool(_PAGE_NUMBER.match(text.strip()))


def _edges(lines: list[TextLine]) -> list[TextLine]:
    """The top and bottom lines of one page, by position (columns do not matter)."""
    ordered = sorted(lines, key=lambda ln: ln.bbox[1])
    return ordered[:EDGE] + ordered[EDGE:][-EDGE:]


def _candidate(line: TextLine) -> bool:
    words = [w for w in line.text.split() if any(c.isalpha() for c in w)]
    text = line.text
    if _CLAUSE.match(text) or text[:1].islower() or text.endswith(":"):
        return False  # a clause heading, a continued sentence or a lead-in is body text
    return any(c.isalnum() for c in text) and len(words) <= MAX_WORDS


def _counts_pages(seen: list[tuple[int, str]]) -> bool:
    """True when the texts are identical, or differ only by a number that counts the pages.

    "Page 7 May 2004" on page 7 and "Page 8 May 2004" on page 8 are one footer; "ARTICLE 3"
    and "ARTICLE 5" opening two pages are two headings.
    """
    if len({text for _, text in seen}) == 1:
        return True
    numbers = [(page, [int(d) for d in _DIGITS.findall(text)]) for page, text in seen]
    for i in range(min(len(nums) for _, nums in numbers)):
        offsets = Counter(nums[i] - page for page, nums in numbers)
        if offsets.most_common(1)[0][1] >= 0.6 * len(numbers):
            return True
    return False


def _repeated(by_page: dict[int, list[TextLine]]) -> tuple[set[str], set[str]]:
    """(keys repeated at page edges, keys repeated so often that they are furniture anywhere)."""
    seen: defaultdict[str, dict[int, str]] = defaultdict(dict)
    for page, lines in by_page.items():
        for ln in _edges(lines):
            if _candidate(ln):
                seen[_key(ln.text)].setdefault(page, ln.text)
    pages = len(by_page)
    need = 2 if pages <= 5 else 3
    strong = max(need, round(pages * 0.25))
    counts = {k: len(v) for k, v in seen.items() if len(v) >= need and _counts_pages(sorted(v.items()))}
    return set(counts), {k for k, n in counts.items() if n >= strong}


def _is_furniture(line: TextLine, edge: bool, repeated: set[str], anywhere: set[str]) -> bool:
    key = _key(line.text)
    if key in anywhere or (_PAGE_OF.search(line.text) and len(line.text.split()) <= MAX_WORDS):
        return True
    return edge and (key in repeated or is_page_number(line.text))


def _prose(line: TextLine) -> bool:
    return not line.table and sum(1 for w in line.text.split() if any(c.isalpha() for c in w)) >= 3


def _inline_page_numbers(lines: list[TextLine], flags: list[bool]) -> set[int]:
    """Bare page numbers printed inside a page, between lines of prose: EDGAR exhibits keep the
    pagination of the original document, so a sentence such as "... the Provider, having warned" / "2" /
    "the Client, may pause ..." runs on in mid-page. One or two such lines (a footer and the next header) with prose
    on both sides are furniture; runs of numbers (tables, contents pages) are not touched. Returns the
    indexes of the lines that resume the text after such a number."""
    resumed: set[int] = set()
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and j - i < 3 and not lines[j].table and _BARE_NUMBER.match(lines[j].text.strip()):
            j += 1
        if 0 < j - i <= 2 and 0 < i and j < len(lines) and _prose(lines[i - 1]) and _prose(lines[j]) \
                and lines[i - 1].page == lines[j].page:
            for k in range(i, j):
                flags[k] = True
            resumed.add(j)
        i = max(j, i + 1)
    return resumed


def _extend_clusters(lines: list[TextLine], flags: list[bool], repeated: set[str]) -> None:
    """A repeated line right next to furniture is furniture too (a header printed mid-page)."""
    for i, ln in enumerate(lines):
        if flags[i] or _key(ln.text) not in repeated:
            continue
        near = [j for j in (i - 1, i + 1) if 0 <= j < len(lines) and lines[j].page == ln.page]
        flags[i] = any(flags[j] for j in near)


def _keep_some_text(lines: list[TextLine], flags: list[bool]) -> None:
    """A page is never left empty by repetition alone: its only text lines are body, not furniture."""
    pages: defaultdict[int, list[int]] = defaultdict(list)
    for i, ln in enumerate(lines):
        pages[ln.page].append(i)
    for index in pages.values():
        if all(flags[i] for i in index):
            for i in index:
                flags[i] = bool(is_page_number(lines[i].text) or _PAGE_OF.search(lines[i].text))


def split_furniture(lines: list[TextLine]) -> tuple[list[TextLine], list[str]]:
    """Separate body lines from running headers, footers and page numbers.

    A line is furniture when it is among the top or bottom lines of its page and either is a
    page number or its digit-blind text recurs there on other pages (2 pages in short files,
    3 in longer ones); a line that recurs at the edges of a quarter of the pages or more, or a
    "Page i of n" line, is furniture wherever it stands. Returns (body lines, what was removed:
    one entry per distinct furniture text, with how many times it was seen).
    """
    by_page: defaultdict[int, list[TextLine]] = defaultdict(list)
    for ln in lines:
        by_page[ln.page].append(ln)
    repeated, anywhere = _repeated(by_page) if len(by_page) > 1 else (set(), set())
    edge_ids = {id(ln) for page_lines in by_page.values() for ln in _edges(page_lines)}
    flags = [_is_furniture(ln, id(ln) in edge_ids, repeated, anywhere) for ln in lines]
    _extend_clusters(lines, flags, repeated)
    resumed = _inline_page_numbers(lines, flags)
    _keep_some_text(lines, flags)
    body, removed = _separate(lines, flags, resumed)
    return _drop_carried(body), removed


def drop_inline_page_numbers(lines: list[TextLine]) -> tuple[list[TextLine], list[str]]:
    """For plain-text contracts: only the page numbers printed between lines of prose (see
    ``_inline_page_numbers``) go; the sentence they interrupted is joined again."""
    flags = [False] * len(lines)
    resumed = _inline_page_numbers(lines, flags)
    return _separate(lines, flags, resumed)


def _separate(lines: list[TextLine], flags: list[bool], resumed: set[int]) -> tuple[list[TextLine], list[str]]:
    """(body lines, one entry per distinct removed text with its count)."""
    body: list[TextLine] = []
    removed: Counter[str] = Counter()
    first: dict[str, str] = {}
    for i, (ln, flag) in enumerate(zip(lines, flags, strict=True)):
        if flag:
            key = "#" if is_page_number(ln.text) else _key(ln.text)
            first.setdefault(key, ln.text)
            removed[key] += 1
        else:
            body.append(replace(ln, after_page_number=True) if i in resumed else ln)
    return body, [_removed_entry(first[k], n) for k, n in removed.items()]


def _removed_entry(text: str, count: int) -> str:
    """"Page 1 of 4 (x4)"; bare numbers are named: "page number 7", "page numbers (x12)"."""
    if not any(c.isalpha() for c in text) or re.fullmatch(r"\W*[ivxlc]{1,6}\W*", text, re.I):
        return f"page number {text.strip()}" if count == 1 else f"page numbers (x{count})"
    return text if count == 1 else f"{text} (x{count})"


def _drop_carried(body: list[TextLine]) -> list[TextLine]:
    """Drop a page's last line when the next page opens with the very same line.

    Some converters repeat the first line of the next page under the footer; read twice, it
    would split a paragraph and duplicate its words.
    """
    drop = {
        i for i in range(len(body) - 1)
        if body[i].page != body[i + 1].page and body[i].text == body[i + 1].text
    }
    return [ln for i, ln in enumerate(body) if i not in drop]
