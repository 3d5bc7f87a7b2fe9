"""Text lines -> paragraphs: join wrapped lines and page breaks, undo hyphenation,
split on clause numbers, recognise headings and carry them to the paragraphs under them."""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from extractor.document import BBox, Paragraph, TextLine
from extractor.outline import Outline, clause_number
from extractor.textnorm import join_hyphenated

_HEADING_WORD = re.compile(r"^(article|section|schedule|exhibit|annex|appendix|attachment|part|chapter)\b", re.I)
_REFERENCE_END = re.compile(r"\b(section|sections|clause|clauses|article|paragraph|of|in|under|to|and|or|see)$", re.I)
_SENTENCE_END = re.compile(r"[.:;!?]['\"”’)]?$")
_RUN_IN = re.compile(r"^(.*?\b(?!(?:inc|ltd|corp|nos)\.)[A-Za-z]{3,})\.\s+\S", re.I)  # "TITLE. Text" ("No. 7" is no title)
_JOINERS = frozenset("and or of the to for by with in a an".split())
MAX_WORDS = 350


def _caps_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum(c.isupper() for c in letters) / len(letters) if letters else 0.0


def is_heading(line: TextLine, body_size: float) -> bool:
    """A short stand-alone title line: capitals, bold, larger type or an ARTICLE/Schedule word."""
    text = line.text
    words = text.split()
    if not words or len(words) > 12 or len(text) > 90 or text.endswith((",", ";")) or words[-1].lower() in _JOINERS:
        return False
    rest = text[len(clause_number(text) or "") :].strip()
    if not any(c.isalpha() for c in rest) and not _HEADING_WORD.match(text):
        return False
    if rest.endswith(".") and len(rest.split()) > (6 if rest != text else 3):
        return False
    run_in = _RUN_IN.search(rest)
    if run_in and not _is_label(run_in.group(1)):
        return False  # "1.1 HELP DESK COVER. THE PROVIDER" (wrapping on): a run-in title, then its text
    styled = _caps_share(text) > 0.8 or line.bold or (body_size and line.size > body_size + 1.0)
    numbered_title = bool(clause_number(text)) and rest[:1].isupper() and len(rest.split()) <= 6
    return bool(styled or _HEADING_WORD.match(text) or numbered_title)


def _is_label(text: str) -> bool:
    """A heading that is only a label: "ARTICLE 5", "SCHEDULE A", "5.", "Section 12"."""
    return bool(re.fullmatch(r"(?:(?:article|section|schedule|exhibit|annex|appendix|attachment|part)\s+)?"
                             r"[\dIVXivxA-Z]{1,6}(?:\.\d{1,3})*\.?", text.strip(), re.I))


@dataclass
class _Block:
    lines: list[TextLine] = field(default_factory=list)
    title: bool = False  # a heading, carried by the paragraphs under it

    @property
    def size(self) -> float:
        return max(ln.size for ln in self.lines)


def _gap_breaks(prev: TextLine, line: TextLine, spacing: float, width: float) -> bool:
    if prev.table or line.table:  # each table row stands alone, as a readable row of cells
        return True
    if prev.page != line.page or prev.column != line.column or line.after_page_number:
        return bool(_SENTENCE_END.search(prev.text)) and not line.text[:1].islower()
    gap = line.bbox[1] - prev.bbox[3]
    if gap > spacing * 1.6 + 2:
        return True
    short = (prev.bbox[2] - prev.bbox[0]) < width * 0.7
    return short and bool(_SENTENCE_END.search(prev.text)) and line.text[:1].isupper()


def _number_breaks(prev: TextLine, line: TextLine) -> bool:
    num = clause_number(line.text)
    if not num:
        return False
    if _SENTENCE_END.search(prev.text) or prev.text.endswith(("—", "-")):
        return True
    return "." in num.strip(".") and not _REFERENCE_END.search(prev.text)


def _spacing(lines: list[TextLine]) -> float:
    gaps = [
        b.bbox[1] - a.bbox[3]
        for a, b in zip(lines, lines[1:], strict=False)
        if a.page == b.page and a.column == b.column and 0 <= b.bbox[1] - a.bbox[3] < 40
    ]
    return statistics.median(gaps) if gaps else 4.0


def _width(lines: list[TextLine]) -> float:
    widths = sorted(ln.bbox[2] - ln.bbox[0] for ln in lines)
    return widths[int(len(widths) * 0.9)] if widths else 1.0


def _style_break(prev: TextLine, line: TextLine) -> bool:
    """A bold or larger line after plain text that ended a sentence: a run-in heading."""
    louder = (line.bold and not prev.bold) or line.size > prev.size + 0.5
    return louder and bool(_SENTENCE_END.search(prev.text))


def _continues_title(title: _Block, line: TextLine, spacing: float) -> bool:
    """True when ``line`` is the second line of the heading ``title`` (a wrapped or label+name title)."""
    last = title.lines[-1]
    if last.page != line.page or line.bbox[1] - last.bbox[3] > spacing * 2.5 + 4 or clause_number(line.text):
        return False
    if _is_label(" ".join(ln.text for ln in title.lines)):
        return True
    same_look = last.bold == line.bold and abs(last.size - line.size) < 0.3
    return same_look and (_caps_share(last.text) > 0.8) == (_caps_share(line.text) > 0.8)


_PARTY_LABEL = re.compile(r"^(?:(?:by )?and(?: between)?|between|among|party [a-z0-9]{1,2}|(?:the )?(?:client|customer|"
                          r"supplier|service provider|provider|contractor|company|vendor))\s*:$", re.I)


def _after_label(prev: TextLine | None) -> bool:
    """True after a preamble label line such as "Between:", "And:" or "Party A:": what follows is a
    party's name (often in bold or capitals), not a heading."""
    return prev is not None and bool(_PARTY_LABEL.match(prev.text.strip()))


def _blocks(lines: list[TextLine]) -> list[_Block]:
    """Group lines into blocks: headings (title blocks) and the body blocks between them."""
    body_size = statistics.median([ln.size for ln in lines]) if lines else 0.0
    spacing, width = _spacing(lines), _width(lines)
    blocks: list[_Block] = []
    prev: TextLine | None = None
    for line in lines:
        after_title = bool(blocks) and blocks[-1].title
        starts = prev is None or after_title or _gap_breaks(prev, line, spacing, width) or _number_breaks(prev, line)
        starts = starts or _style_break(prev, line)  # type: ignore[arg-type]
        if starts and is_heading(line, body_size) and not _after_label(prev):
            if after_title and _continues_title(blocks[-1], line, spacing):
                blocks[-1].lines.append(line)
            else:
                blocks.append(_Block([line], title=True))
        elif starts or not blocks:
            blocks.append(_Block([line]))
        else:
            blocks[-1].lines.append(line)
        prev = line
    return blocks


def _join(lines: list[TextLine], vocabulary: frozenset[str]) -> str:
    text = ""
    for line in lines:
        if not text:
            text = line.text
        elif text.endswith("-") and len(text) > 1 and text[-2].isalpha():
            text = join_hyphenated(text, line.text, vocabulary)
        else:
            text = f"{text} {line.text}"
    return text


def _split_long(text: str) -> list[str]:
    words = text.split()
    if len(words) <= MAX_WORDS:
        return [text]
    parts: list[str] = []
    current: list[str] = []
    for sentence in re.split(r"(?<=[.;])\s+(?=[A-Z(])", text):
        if current and len(" ".join(current).split()) + len(sentence.split()) > MAX_WORDS:
            parts.append(" ".join(current))
            current = []
        current.append(sentence)
    parts.append(" ".join(current))
    return parts


def _bbox(lines: list[TextLine]) -> BBox:
    first = [ln for ln in lines if ln.page == lines[0].page]
    return (min(ln.bbox[0] for ln in first), min(ln.bbox[1] for ln in first),
            max(ln.bbox[2] for ln in first), max(ln.bbox[3] for ln in first))


Position = tuple[str | None, str | None]


def _paragraph(pid: int, block: _Block, text: str, position: Position) -> Paragraph:
    return Paragraph(id=pid, pages=tuple(sorted({ln.page for ln in block.lines})), text=text, heading=position[0],
                     section=position[1], bbox=_bbox(block.lines))


def build_paragraphs(lines: list[TextLine]) -> list[Paragraph]:
    """Rebuild the paragraphs of a document from its body lines in reading order.

    Headings are not paragraphs of their own: each paragraph carries the nearest heading and
    the top-level section title. A heading that no paragraph carries (one followed straight by
    a heading of the same or a higher level) becomes a paragraph, so that no word is lost.
    """
    vocabulary = frozenset(w.strip(".,;:()\"'").lower() for ln in lines for w in ln.text.split())
    outline = Outline()
    out: list[Paragraph] = []
    pending: list[tuple[_Block, str, Position]] = []
    for block in _blocks(lines):
        text = _join(block.lines, vocabulary)
        if block.title:
            outline.heading(text, clause_number(text), block.size)
            pending.append((block, text, outline.position()))
            continue
        outline.paragraph(text, clause_number(text))
        here = outline.position()
        for title_block, title, there in pending:
            if title not in (here[0] or "") and title not in (here[1] or ""):
                out.append(_paragraph(len(out) + 1, title_block, title, there))
        pending = []
        out.extend(_paragraph(len(out) + 1, block, part, here) for part in _split_long(text))
    out.extend(_paragraph(len(out) + 1, b, t, there) for b, t, there in pending)
    return out
