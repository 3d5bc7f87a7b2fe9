"""Analyzer: wires the stages, top to bottom. No analysis of its own."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractor import parties as parties_mod
from extractor.classifier import REVIEW_THRESHOLD, ClauseClassifier
from extractor.document import Paragraph
from extractor.errors import ExtractorError
from extractor.pdf import PageCallback
from extractor.preflight import DEFAULT_MAX_MB, DEFAULT_MAX_PAGES
from extractor.reader import ReadOptions, read_document
from extractor.report import ClauseResult, ContractReport
from extractor.rules import engine, flags, terms
from extractor.rules.advisories import advisories
from extractor.trust import file_sha256


@dataclass(frozen=True)
class Settings:
    """Everything one analysis may be told; every field has a documented default."""

    model_dir: Path | None = None
    trust_model: bool = False
    rules: Path | None = None
    provider: str | None = None
    client: str | None = None
    password: str | None = field(default=None, repr=False)  # never shown in reprs or logs
    max_mb: int = DEFAULT_MAX_MB
    max_pages: int = DEFAULT_MAX_PAGES
    review_threshold: float | None = None  # None: the model's own threshold (meta.json), else 0.6


def review_threshold(settings: Settings, meta: Mapping[str, Any]) -> float:
    """The threshold under which a paragraph needs review: the user's, else the model's (meta.json), else 0.6."""
    if settings.review_threshold is not None:
        return settings.review_threshold
    return float(meta.get("review_threshold", REVIEW_THRESHOLD))


def settings_record(settings: Settings, review_threshold: float) -> dict[str, Any]:
    """What a report records of the settings that shaped it (batch resume redoes a file when they change):
    the rules file's sha256 (None: the built-in rules), the party names given, the review threshold."""
    return {"rules_sha256": engine.rules_sha256(settings.rules),
            "provider": settings.provider, "client": settings.client, "review_threshold": review_threshold}


def _classification_input(p: Paragraph) -> dict[str, str | None]:
    heading = p.heading if not p.section or p.section == p.heading else f"{p.section} {p.heading}"
    return {"text": p.text, "heading": heading}


class Analyzer:
    """Load the model and rules once; analyse any number of contracts."""

    def __init__(self, settings: Settings = Settings()) -> None:
        self.settings = settings
        self.classifier = ClauseClassifier.load(settings.model_dir, settings.trust_model)
        self.concepts = engine.load_concepts(settings.rules)
        self.review_threshold = review_threshold(settings, self.classifier.meta)
        self.record = settings_record(settings, self.review_threshold)

    def __call__(self, path: Path | str, on_page: PageCallback | None = None) -> ContractReport:
        path = Path(path)
        s = self.settings
        options = ReadOptions(password=s.password, max_bytes=s.max_mb * 1_000_000, max_pages=s.max_pages)
        doc = read_document(path, options, on_page)  # pre-flight first: a missing or huge file is refused unread
        sha256 = file_sha256(path)
        paragraphs = list(doc.paragraphs)
        predictions = self.classifier.predict([_classification_input(p) for p in paragraphs])
        results = [
            ClauseResult(p.id, p.page, p.pages, p.heading, p.section, p.text, pred.label, pred.confidence,
                         pred.scores, pred.confidence < self.review_threshold, p.bbox)
            for p, pred in zip(paragraphs, predictions, strict=True)
        ]
        parties = parties_mod.identify(paragraphs, s.provider, s.client)
        sentences = engine.split_sentences(paragraphs)
        trap = flags.trap_flags(sentences, self.concepts, parties, results)
        key_terms = terms.extract_terms(sentences)
        return ContractReport(
            file=str(path),
            sha256=sha256,
            pages=doc.pages,
            model={"name": self.classifier.name, "version": self.classifier.version},
            settings=self.record,
            parties={"provider": parties.provider.to_dict(), "client": parties.client.to_dict()},
            paragraphs=results,
            flags=trap + flags.category_flags(results) + advisories(key_terms),
            terms=key_terms,
            warnings=list(doc.warnings),
            furniture=list(doc.furniture),
        )

    def pipe(self, paths: Iterable[Path | str]) -> Iterator[ContractReport | ExtractorError]:
        """Analyse each path in turn; a bad file yields its error instead of stopping the run."""
        for path in paths:
            try:
                yield self(path)
            except ExtractorError as exc:
                yield exc


def analyze(path: Path | str, settings: Settings = Settings()) -> ContractReport:
    """Analyse one contract with the default model: the one-call Python API."""
    return Analyzer(settings)(path)
