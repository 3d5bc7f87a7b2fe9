"""The report: ClauseResult, Flag, Evidence, ContractReport; to_dict / to_json with a schema_version."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from extractor.taxonomy import CATEGORIES

SCHEMA_VERSION = "1.1"
QUOTE_CHARS = 300


@dataclass(frozen=True)
class Evidence:
    paragraph: int
    page: int
    quote: str

    @classmethod
    def of(cls, paragraph_id: int, page: int, text: str) -> Evidence:
        quote = text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1].rstrip() + "…"
        return cls(paragraph_id, page, quote)


@dataclass(frozen=True)
class Flag:
    id: str
    severity: str  # high | medium | low | info
    message: str
    reason: str | None = None  # absent | undermined, for the trap flags
    evidence: tuple[Evidence, ...] = ()
    searched: dict[str, Any] | None = None


@dataclass(frozen=True)
class Term:
    id: str
    value: str
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class ClauseResult:
    id: int
    page: int
    pages: tuple[int, ...]
    heading: str | None
    section: str | None
    text: str
    label: str
    confidence: float
    scores: dict[str, float]
    needs_review: bool
    bbox: tuple[float, float, float, float] | None = None


@dataclass
class ContractReport:
    file: str
    sha256: str
    pages: int
    model: dict[str, str]
    parties: dict[str, Any]
    paragraphs: list[ClauseResult]
    flags: list[Flag]
    terms: list[Term] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    furniture: list[str] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)  # rules, party names, threshold the report was made with

    def categories(self) -> dict[str, dict[str, Any]]:
        out = {}
        for cat in CATEGORIES:
            ids = [p.id for p in self.paragraphs if p.label == cat]
            out[cat] = {"present": bool(ids), "paragraphs": ids}
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "file": self.file,
            "sha256": self.sha256,
            "pages": self.pages,
            "model": self.model,
            "settings": self.settings,
            "parties": self.parties,
            "categories": self.categories(),
            "flags": [_clean(asdict(f)) for f in self.flags],
            "terms": [asdict(t) for t in self.terms],
            "warnings": self.warnings,
            "removed_furniture": self.furniture,
            "paragraphs": [asdict(p) for p in self.paragraphs],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"


def _clean(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None}
