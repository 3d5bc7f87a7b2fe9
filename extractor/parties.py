"""Who is the provider and who is the client: read from the preamble and the defined terms."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from extractor.document import Paragraph

PROVIDER_ROLES = ("service provider", "provider", "supplier", "vendor", "contractor", "agent", "executor",
                  "consultant", "outsourcer", "processor", "party b", "servicer", "operator", "licensor", "seller")
CLIENT_ROLES = ("client", "customer", "company", "bank", "principal", "purchaser", "buyer", "owner",
                "controller", "party a", "licensee", "employer", "contracting party", "fund", "issuer")
_DEFINED = re.compile(r"[(\[]\s*(?:hereinafter\s+(?:referred\s+to\s+as\s+|called\s+)?)?(?:the\s+)?[\"“”']+([^\"“”']{2,40})[\"“”']+", re.I)
_NAME = re.compile(r"([A-Z][\w&.,'\- ]{2,80}?(?:Inc\.?|LLC|L\.L\.C\.|Ltd\.?|Limited|plc|PLC|GmbH|S\.A\.|N\.V\.|B\.V\.|Corp\.?|Corporation|Company|LLP|LP|L\.P\.|AG|SE|S\.p\.A\.|Pty|OOO|LLC)\b)")


@dataclass
class Party:
    name: str | None = None
    terms: list[str] = field(default_factory=list)

    def mentions(self) -> list[str]:
        """Every word the contract uses for this party, longest first."""
        names = [t for t in self.terms if t]
        if self.name:
            names.append(self.name)
            names.append(self.name.split(",")[0].split(" ")[0])
        return sorted({n for n in names if len(n) > 1}, key=len, reverse=True)

    def to_dict(self) -> dict[str, object] | None:
        if not self.name and not self.terms:
            return None
        return {"name": self.name or (self.terms[0] if self.terms else None), "terms": self.terms}


@dataclass
class Parties:
    provider: Party = field(default_factory=Party)
    client: Party = field(default_factory=Party)


def _role(term: str) -> str | None:
    low = term.lower().strip()
    if any(low == r or low.endswith(" " + r) for r in PROVIDER_ROLES):
        return "provider"
    if any(low == r or low.endswith(" " + r) for r in CLIENT_ROLES):
        return "client"
    return None


def _declarations(text: str) -> list[tuple[str | None, str]]:
    """(company name or None, defined term) pairs in the order the preamble declares them."""
    out = []
    for m in _DEFINED.finditer(text):
        before = text[max(0, m.start() - 220) : m.start()]
        names = _NAME.findall(before)
        out.append((names[-1].strip(" ,") if names else None, m.group(1).strip()))
    return out


def identify(paragraphs: Sequence[Paragraph], provider: str | None = None, client: str | None = None) -> Parties:
    """Find the parties in the first paragraphs; names given by the user win."""
    parties = Parties()
    head = " ".join(p.text for p in paragraphs[:8])
    unknown: list[tuple[str | None, str]] = []
    for name, term in _declarations(head):
        role = _role(term)
        target = parties.provider if role == "provider" else parties.client if role == "client" else None
        if target is None:
            if name and term.lower() not in ("agreement", "effective date", "services", "parties", "party"):
                unknown.append((name, term))
            continue
        if term not in target.terms:
            target.terms.append(term)
        target.name = target.name or name
    for name, term in unknown:  # a company defined by its short name: place it by its partner's role
        for mine, other in ((parties.provider, parties.client), (parties.client, parties.provider)):
            if mine.name == name and term not in mine.terms:
                mine.terms.append(term)
                break
    for given, target in ((provider, parties.provider), (client, parties.client)):
        if given:
            target.name = given
            if given not in target.terms:
                target.terms.insert(0, given)
    return parties
