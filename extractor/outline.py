"""The heading outline of a contract: which heading and which top-level section each paragraph is under.

Numbering styles nest the way contracts nest them (ARTICLE 5 → 5.2 → (a) → (iii)): a
decimal number sits under any shorter decimal, a letter or roman style under whatever came
before its first use, and meeting a style again closes everything opened below it.
Unnumbered headings are placed by type size: under a larger heading, else under the current
top-level section when that one is numbered, else as a new top-level section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_NUMBER = re.compile(
    r"^(?P<num>(?:(?:section|clause|article|art\.)\s+)?(?:\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}\.|\d{1,3}\)|"
    r"\([a-z]{1,2}\)|[a-z]\)|\([ivxl]{1,5}\)|[ivxl]{1,5}\)|\(\d{1,3}\)|[A-Z]\.)(?=\s|$)|\d{1,3}\.(?=(?-i:[A-Z])))",
    re.IGNORECASE,
)
_ROMAN = re.compile(r"^[ivxl]{1,5}$")
_LABEL = re.compile(r"^(article|part|chapter)\b", re.I)
_ANNEX = re.compile(r"^(schedule|exhibit|annex|appendix|attachment|addendum)\b", re.I)
_SMALL = frozenset("a an and as at by for from in of on or the to with under upon into its their".split())
_INLINE_TITLE = re.compile(r"^(?P<title>[A-Z][^.:;]{0,80}?)(?:\.|:|\s[-–—])\s+(?=\S)")


def clause_number(text: str) -> str | None:
    """The clause number a paragraph starts with ("12.3", "(b)", "Section 4.02"), or None."""
    m = _NUMBER.match(text)
    return m.group("num") if m else None


@dataclass(frozen=True)
class Style:
    """How a clause number is written: its kind, decimal depth and leading value."""

    kind: str  # article, dec, upper, lower, roman, uroman, pdig, list, title
    depth: int = 0
    value: int | None = None
    parts: tuple[int, ...] = ()  # decimal components, "5.2" -> (5, 2)


def style_of(number: str | None) -> Style:
    """The numbering style of a clause number as printed ("ARTICLE V", "5.2", "(a)", "(iii)")."""
    if not number:
        return Style("title")
    raw = number.strip()
    if _LABEL.match(raw):
        return Style("article")
    core = re.sub(r"^(section|clause|art\.)\s+", "", raw, flags=re.I).strip("().")
    core = core.rstrip(")")
    if re.fullmatch(r"\d{1,3}(?:\.\d{1,3})*", core):
        parts = core.split(".")
        while len(parts) > 1 and int(parts[-1]) == 0:
            parts.pop()
        kind = "pdig" if raw.startswith("(") or (raw.endswith(")") and len(parts) == 1) else "dec"
        return Style(kind, len(parts), int(parts[0]), tuple(int(p) for p in parts))
    if _ROMAN.match(core) and core != "l" and (len(core) > 1 or core == "i"):
        return Style("roman")
    if re.fullmatch(r"[IVX]{2,5}", core):
        return Style("uroman")
    return Style("upper" if core.isupper() else "lower")


def inline_title(text: str) -> str | None:
    """The short title a clause opens with, after its number: "Fees" in "5.1 Fees. The Customer shall..."."""
    m = _INLINE_TITLE.match(text)
    if not m:
        return None
    words = m.group("title").split()
    if len(words) > 8:
        return None
    capital = [w for w in words if w.lower() not in _SMALL]
    return m.group("title").strip() if capital and all(w[:1].isupper() or not w[:1].isalpha() for w in capital) else None


@dataclass
class _Entry:
    style: Style
    title: str | None
    size: float = 0.0  # type size, for heading lines


@dataclass
class Outline:
    """Walk the document top to bottom; ask where each heading or paragraph stands."""

    stack: list[_Entry] = field(default_factory=list)

    def _pop_to(self, keep: int) -> None:
        del self.stack[keep:]

    def _place_numbered(self, entry: _Entry) -> None:
        s = entry.style
        if s.kind == "article" or (s.kind == "uroman" and not self.stack):
            self.stack[:] = [entry]
            return
        if s.kind == "dec" and s.depth == 1 and self._nested_list(s):
            entry.style = s = Style("list")
        if s.kind == "dec":
            while self.stack and not self._holds(self.stack[-1], entry):
                self.stack.pop()
        else:
            same = [i for i, e in enumerate(self.stack) if e.style.kind == s.kind]
            if same:
                self._pop_to(same[0])
        self.stack.append(entry)

    @staticmethod
    def _holds(parent: _Entry, entry: _Entry) -> bool:
        """True when ``parent`` encloses the decimal clause ``entry``."""
        kind = parent.style.kind
        if kind == "title":
            return not entry.size  # a clause in running text sits under an unnumbered heading line
        if kind != "dec":
            return kind in ("article", "uroman")
        outer, inner = parent.style.parts, entry.style.parts
        return len(outer) < len(inner) and inner[: len(outer)] == outer

    def _nested_list(self, s: Style) -> bool:
        """A "1." that restarts inside a clause is a list item, not a new top-level clause."""
        tops = [e.style.value for e in self.stack if e.style.kind == "dec"]
        if len(self.stack) < 2 or s.value is None:
            return False
        if not tops or tops[0] is None:
            return self.stack[0].style.kind == "article"
        return not tops[0] < s.value <= tops[0] + 3

    def _place_title(self, entry: _Entry, text: str) -> None:
        if _ANNEX.match(text) or not self.stack:
            self.stack[:] = [entry]
            return
        bigger = [i for i, e in enumerate(self.stack) if e.size and e.size > entry.size + 0.4]
        if bigger:
            self._pop_to(bigger[-1] + 1)
        elif self.stack[0].style.kind != "title":
            self._pop_to(1)
        else:
            self._pop_to(0)
        self.stack.append(entry)

    def heading(self, text: str, number: str | None, size: float) -> None:
        """Enter a heading line (its full text, its clause number if any, its type size)."""
        entry = _Entry(style_of(number), text, size)
        if number:
            self._place_numbered(entry)
        else:
            self._place_title(entry, text)

    def paragraph(self, text: str, number: str | None) -> None:
        """Enter a body paragraph; a numbered one opens a level (titled when it opens with a title)."""
        if number:
            title = inline_title(text[len(number) :].lstrip())
            self._place_numbered(_Entry(style_of(number), f"{number} {title}" if title else None))

    def position(self) -> tuple[str | None, str | None]:
        """(nearest heading, top-level section title) at the current point."""
        titles = [e.title for e in self.stack if e.title]
        return (titles[-1], titles[0]) if titles else (None, None)
