"""Load concept patterns (shipped or user-given) and match them sentence by sentence."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from extractor.document import Paragraph
from extractor.errors import UsageError
from extractor.nlp import get_nlp
from extractor.parties import Parties

_MUTUAL = re.compile(r"\b(each|either|both|neither) (of the )?part(y|ies)\b|\bthe parties\b|\breceiving party\b|\brecipient\b", re.I)
_OBLIGATION = re.compile(r"\b(shall|will|must|agrees? to|undertakes? to|is obliged to|shall be obliged to|may|is liable|are liable|is responsible)\b", re.I)


@dataclass(frozen=True)
class Concept:
    id: str
    description: str
    patterns: tuple[re.Pattern[str], ...]
    unless: tuple[re.Pattern[str], ...]
    examples: dict[str, list[str]]

    def matches(self, sentence: str) -> bool:
        return any(p.search(sentence) for p in self.patterns) and not any(u.search(sentence) for u in self.unless)


@dataclass(frozen=True)
class Sentence:
    paragraph: Paragraph
    text: str


def _compile(cid: str, raw: dict[str, Any], source: str) -> Concept:
    try:
        return Concept(
            id=cid,
            description=str(raw.get("description", "")),
            patterns=tuple(re.compile(p, re.I) for p in raw["patterns"]),
            unless=tuple(re.compile(p, re.I) for p in raw.get("unless", [])),
            examples={k: list(v) for k, v in raw.get("examples", {}).items()},
        )
    except (KeyError, TypeError, re.error) as exc:
        raise UsageError(f"concept {cid!r} is invalid ({exc})", source) from None


def load_concepts(user_file: Path | None = None) -> dict[str, Concept]:
    """The shipped concepts, extended or overridden by ``user_file`` ("replace": true replaces all)."""
    shipped = json.loads(resources.files("extractor.rules").joinpath("concepts.json").read_text(encoding="utf-8"))
    raw = {k: v for k, v in shipped.items() if not k.startswith("_")}
    if user_file is not None:
        try:
            user = json.loads(user_file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise UsageError(f"rules file cannot be read ({type(exc).__name__})", str(user_file)) from None
        if not isinstance(user, dict):
            raise UsageError("rules file must hold a JSON object of concepts", str(user_file))
        if user.get("replace") is True:
            raw = {}
        raw.update({k: v for k, v in user.items() if not k.startswith("_") and k != "replace"})
    return {cid: _compile(cid, spec, str(user_file or "concepts.json")) for cid, spec in raw.items()}


def split_sentences(paragraphs: Sequence[Paragraph]) -> list[Sentence]:
    """Every sentence of every paragraph (spaCy sentencizer), keeping its paragraph."""
    nlp = get_nlp()
    out = []
    for para, doc in zip(paragraphs, nlp.pipe(p.text for p in paragraphs)):
        out.extend(Sentence(para, s.text.strip()) for s in doc.sents if s.text.strip())
    return out


def bound_party(sentence: str, parties: Parties) -> str | None:
    """Who the sentence's operative verb binds: "provider", "client", "mutual" or None."""
    m = _OBLIGATION.search(sentence)
    subject = sentence[: m.start()] if m else sentence[:120]
    subject = subject[-160:]
    if _MUTUAL.search(subject):
        return "mutual"
    hits = {}
    for role, party in (("provider", parties.provider), ("client", parties.client)):
        positions = [subject.rfind(n) for n in party.mentions() if n in subject]
        if positions:
            hits[role] = max(positions)
    if not hits:
        return None
    return max(hits, key=lambda r: hits[r])
