"""Load concept patterns (shipped or user-given) and match them sentence by sentence."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from extractor.document import Paragraph
from extractor.errors import UsageError
from extractor.parties import Parties

_MUTUAL = re.compile(r"\b(each|either|both|neither) (of the )?part(y|ies)\b|\bthe parties\b|\breceiving party\b|"
    r"\brecipient\b", re.I)
_OBLIGATION = re.compile(r"\b(shall|will|must|agrees? to|undertakes? to|is obliged to|shall be obliged to|may|"
    r"is liable|are liable|is responsible)\b", re.I)


@dataclass(frozen=True)
class Concept:
    id: str
    description: str
    patterns: tuple[re.Pattern[str], ...]
    unless: tuple[re.Pattern[str], ...]
    examples: dict[str, list[str]]
    requires: tuple[re.Pattern[str], ...] = ()
    keywords: tuple[str, ...] = ()

    def matches(self, sentence: str) -> bool:
        """A keyword occurs, any pattern matches, every 'requires' pattern matches, and no 'unless' pattern does."""
        if self.keywords:
            low = sentence.lower()
            if not any(k in low for k in self.keywords):
                return False
        return (any(p.search(sentence) for p in self.patterns) and all(r.search(sentence) for r in self.requires)
                and not any(u.search(sentence) for u in self.unless))


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
            requires=tuple(re.compile(p, re.I) for p in raw.get("requires", [])),
            keywords=tuple(str(k).lower() for k in raw.get("keywords", [])),
        )
    except (KeyError, TypeError, re.error) as exc:
        raise UsageError(f"concept {cid!r} is invalid ({exc})", source) from None


def _read_rules(user_file: Path) -> bytes:
    try:
        return user_file.read_bytes()
    except OSError as exc:
        raise UsageError(f"rules file cannot be read ({type(exc).__name__})", str(user_file)) from None


def rules_sha256(user_file: Path | None) -> str | None:
    """sha256 of the user's rules file (None for the built-in rules), for the report's settings."""
    return hashlib.sha256(_read_rules(user_file)).hexdigest() if user_file is not None else None


def load_concepts(user_file: Path | None = None) -> dict[str, Concept]:
    """The shipped concepts, extended or overridden by ``user_file`` ("replace": true replaces all)."""
    shipped = json.loads(resources.files("extractor.rules").joinpath("concepts.json").read_text(encoding="utf-8"))
    raw = {k: v for k, v in shipped.items() if not k.startswith("_")}
    if user_file is not None:
        try:
            user = json.loads(_read_rules(user_file).decode("utf-8"))
        except ValueError as exc:
            raise UsageError(f"rules file cannot be read ({type(exc).__name__})", str(user_file)) from None
        if not isinstance(user, dict):
            raise UsageError("rules file must hold a JSON object of concepts", str(user_file))
        if user.get("replace") is True:
            raw = {}
        raw.update({k: v for k, v in user.items() if not k.startswith("_") and k != "replace"})
    return {cid: _compile(cid, spec, str(user_file or "concepts.json")) for cid, spec in raw.items()}


_SENT_END = re.compile(r"(?<=[.!?;])[\"”')\]]?\s+(?=[\"“(\[]?[A-Z0-9])")
_ABBREV = re.compile(r"(?:\b[A-Z]|\b(?:No|no|Co|Inc|Ltd|Corp|Mr|Ms|Dr|St|vs|cf|al|Art|Sec|para|pp|e\.g|i\.e|U\.S))\.$")


def _split(text: str) -> list[str]:
    out: list[str] = []
    for piece in _SENT_END.split(text):
        if out and _ABBREV.search(out[-1]):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return [t.strip() for t in out if t.strip()]


def split_sentences(paragraphs: Sequence[Paragraph]) -> list[Sentence]:
    """Every sentence of every paragraph, keeping its paragraph.

    A regex splitter (end punctuation or semicolon, then a capital), about ten times the speed
    of spaCy's sentencizer; abbreviations such as "Inc." and "No." do not end a sentence.
    """
    out: list[Sentence] = []
    for para in paragraphs:
        out.extend(Sentence(para, t) for t in _split(para.text))
    return out


_PASSIVE = re.compile(r"\b(?:shall|will|must|is|are) be \w+ed by (?:the )?(.{2,60})", re.I)
#: A list item whose verb has no subject of its own ("(g) not to divulge ..."): the lead-in names the party.
_BARE_ITEM = re.compile(r"^\W*(?:\(?[a-z0-9]{1,4}[.)]\s*(?:not )?to|not to) (?!the\b)\w+", re.I)
_EACH = re.compile(r"\beach (?:agrees?|shall|will|undertakes?|covenants?)\b", re.I)


def _latest(text: str, parties: Parties) -> str | None:
    """The role of the party mentioned last in ``text`` (whole words, as written)."""
    hits = {}
    for role, party in (("provider", parties.provider), ("client", parties.client)):
        positions = [m.start() for n in party.mentions() for m in re.finditer(rf"(?<!\w){re.escape(n)}(?!\w)", text)]
        if positions:
            hits[role] = max(positions)
    return max(hits, key=lambda r: hits[r]) if hits else None


_AGENT = re.compile(r"\b(?:notified|changed|revised|increased|adjusted|amended|modified|determined|set|updated)"
                    r" (?:otherwise |solely |unilaterally |from time to time )?by (?:the )?(.{2,40})", re.I)


def acting_party(sentence: str, parties: Parties) -> str | None:
    """Who holds the power a sentence describes: the agent of "changed / notified by X", else the bound party."""
    agent = _AGENT.search(sentence)
    role = _latest(agent.group(1), parties) if agent else None
    return role or bound_party(sentence, parties)


def bound_party(sentence: str, parties: Parties) -> str | None:
    """Who the sentence's operative verb binds: "provider", "client", "mutual" or None.

    The subject is the text before the first modal; "each party", "neither party", "the parties"
    and both parties named ("A and B each agree") make it mutual; a passive "shall be paid by X"
    binds X; a bare list item ("(g) not to divulge ...") binds whoever its lead-in names: None.
    """
    passive = _PASSIVE.search(sentence)
    if passive:
        agent = _latest(passive.group(1)[:40], parties)
        if agent:
            return agent
    if _BARE_ITEM.match(sentence):
        return None
    m = _OBLIGATION.search(sentence)
    subject = (sentence[: m.start()] if m else sentence[:120])[-160:]
    if _MUTUAL.search(subject) or _EACH.search(sentence[: (m.end() if m else 120)]) or _both_named(subject, parties):
        return "mutual"
    return _latest(subject, parties)


def _both_named(subject: str, parties: Parties) -> bool:
    """The subject joins both parties' names ("A and B each agree")."""
    names = [party.mentions() for party in (parties.provider, parties.client)]
    if not all(names):
        return False
    alts = ["(?:" + "|".join(re.escape(n) for n in group) + ")" for group in names]
    joined = rf"(?<!\w)(?:{alts[0]}\s+(?:and|&)\s+(?:the\s+)?{alts[1]}|{alts[1]}\s+(?:and|&)\s+(?:the\s+)?{alts[0]})(?!\w)"
    return re.search(joined, subject) is not None
