"""Running headers, footers and page numbers: found by repetition and position, then removed."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from extractor.document import TextLine

_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–—(\[]?\s*\d{1,4}\s*[-–—)\]]?(?:\s*(?:of|/)\s*\d{1,4})?$|^[ivxlc]{1,6}$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
ZONE = 0.12  # top and bottom share of the page where furniture lives


def _key(text: str) -> str:
    return _DIGITS.sub("#", text.lower()).strip()


def is_page_number(text: str) -> bool:
    """True for "3", "- 3 -", "Page 3", "Page 3 of 12", "3/12", "iv"."""
    return bool(_PAGE_NUMBER.match(text.strip()))


def split_furniture(lines: list[TextLine], page_heights: dict[int, float]) -> tuple[list[TextLine], list[str]]:
    """Separate body lines from running headers, footers and page numbers.

    A line is furniture when it sits in the top or bottom zone of its page and either is a page
    number or its digit-blind text recurs in that zone on at least half the pages (two pages at
    least). Returns (body lines, distinct furniture texts in order of first appearance).
    """
    pages = sorted({ln.page for ln in lines})
    in_zone: dict[int, bool] = {}
    seen: defaultdict[str, set[int]] = defaultdict(set)
    for i, ln in enumerate(lines):
        height = page_heights.get(ln.page, 792.0)
        zone = ln.bbox[1] < height * ZONE or ln.bbox[3] > height * (1 - ZONE)
        in_zone[i] = zone
        if zone:
            seen[_key(ln.text)].add(ln.page)
    need = max(2, (len(pages) + 1) // 2)
    repeated = {k for k, p in seen.items() if len(p) >= need}
    body: list[TextLine] = []
    removed: Counter[str] = Counter()
    for i, ln in enumerate(lines):
        if in_zone[i] and (_key(ln.text) in repeated or is_page_number(ln.text)):
            removed[ln.text] += 1
        else:
            body.append(ln)
    return body, list(removed)
