"""Plain frozen data passed between the stages."""

from __future__ import annotations

from dataclasses import dataclass, field

BBox = tuple[float, float, float, float]


@dataclass(frozen=True)
class TextLine:
    """One visual line of a page, in reading order."""

    page: int  # 1-based
    text: str
    bbox: BBox  # x0, top, x1, bottom in PDF points, top-left origin
    size: float = 0.0  # dominant font size
    bold: bool = False
    column: int = 0
    table: bool = False  # a table row: cells separated by wide gaps, joined with " | "
    after_page_number: bool = False  # a page number printed mid-page was removed right before it


@dataclass(frozen=True)
class Paragraph:
    """One numbered clause or sub-clause, or one block of running text."""

    id: int
    pages: tuple[int, ...]
    text: str
    heading: str | None = None
    section: str | None = None  # title of the enclosing top-level section
    bbox: BBox | None = None  # on the first page

    @property
    def page(self) -> int:
        return self.pages[0]


@dataclass(frozen=True)
class ExtractedDocument:
    """What the reading stage hands to the rest: paragraphs plus what was left out."""

    pages: int
    paragraphs: tuple[Paragraph, ...]
    furniture: tuple[str, ...] = ()  # repeated headers/footers/page numbers removed
    warnings: tuple[str, ...] = field(default_factory=tuple)
