"""Who is the provider and who is the client: read from the preamble, the defined terms and the body.

1. The preamble declares each party with a name and defined terms in brackets or after
   "hereinafter" ("Bluecrest Teleservices, Inc. ... ("Bluecrest" or "Provider")").
2. A role word among the terms or in the name ("Supplier", "Customer", "Agent", "Bank") settles
   the role; otherwise the body decides: who "shall provide the Services" against who "shall pay".
3. Names given by the user (--provider / --client) win.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from extractor.document import Paragraph

PROVIDER_ROLES = ("service provider", "provider", "supplier", "vendor", "contractor", "agent", "executor", "consultant",
                  "outsourcer", "processor", "party b", "servicer", "operator", "licensor", "seller", "administrator",
                  "asp", "contact centre", "contact center", "business associate", "contracted party", "entrusted party",
                  "we", "us")
CLIENT_ROLES = ("client", "customer", "company", "bank", "principal", "purchaser", "buyer", "owner", "controller", "party a",
                "licensee", "employer", "contracting party", "ordering party", "fund", "funds", "trust", "issuer",
                "subscriber", "sponsor", "retailer", "council", "authority", "society", "airline", "utility", "health system",
                "covered entity", "partner", "you", "recipient", "reseller", "distributor")
_GENERIC = re.compile(r"^(the )?(this )?(agreement|contract|effective date|services?|part(y|ies)|software|sow|schedule|"
                      r"exhibit|order form|term|fees?|charges?|confidential information|affiliates?|territory|documentation|"
                      r"base terms|attachments?|[\d.]+)$", re.I)
_QUOTED = re.compile(r"[\"“”']\s*([^\"“”']{1,40}?)\s*[\"“”']")
_GROUP = re.compile(r"\(([^()]{1,160})\)|\b(?:hereinafter|hereafter|denominated|referred to as)\b[^\"“]{0,30}"
                    r"((?:[\"“][^\"”]{1,40}[\"”][\s,orOR]*)+)", re.I)
_BARE = re.compile(r"^\s*(?:hereinafter\s+)?the\s+([A-Z][\w ]{1,30}?)\s*(?:,|$|\balso\b|\bor\b)")
_LABEL = re.compile(r"(?:^|\n|\s{2,})(Party [AB]|Service Provider|Provider|Supplier|Customer|Client)\s*(?:\([^)]{0,40}\))?\s*:\s*"
                    r"([A-Z][^:;\n]{2,80}?(?:Ltd\.?|Limited|Inc\.?|LLC|GmbH|Co\.|S\.A\.|Corp\.?|Corporation|plc))")
_INFORMATION = re.compile(r"\binformation$", re.I)  # ("SAP's Proprietary Information") defines data, not a party
_SUFFIX = (r"Inc\.?|LLC|L\.L\.C\.|Ltd\.?|Limited|plc|PLC|GmbH|S\.A\.(?: de C\.V\.)?|N\.V\.|N\.A\.|B\.V\.|Corp\.?|Corporation|Company|"
           r"Co\.|LLP|LP|L\.P\.|AG|SE|S\.p\.A\.|S\.L\.|ApS|Pty Ltd|Pty|a\.s\.|Association|Bank|Trust|Council|Society")
_NAME = re.compile(rf"((?:[A-Z0-9(][\w&.'\-)]*[ ,]+(?:of |and |& |de |del |the |OF |AND |DE )?){{1,7}}"
                   rf"(?:{_SUFFIX}|{_SUFFIX.upper()})(?!\w))")
_AS = re.compile(r"\b([A-Z][A-Z0-9&.,' ]{3,80}?),? as (?:the )?([A-Z][\w ]{1,30}?)\b(?=,| and\b|\s*$)")
_CAPS = re.compile(r"((?:[A-Z][\w&.'\-]*\s+){0,5}[A-Z][\w&.'\-]*)\s*,?\s*$")
_ACTS = {
    "provider": r"(?:shall|will|agrees? to|must)\s+(?:\w+\s+){0,2}"
                r"(?:provide|perform|render|deliver|supply|operate|host|maintain|handle)",
    "client": r"(?:shall|will|agrees? to|must)\s+(?:\w+\s+){0,2}(?:pay|reimburse|compensate)\b",
}


@dataclass
class Party:
    name: str | None = None
    terms: list[str] = field(default_factory=list)

    def mentions(self) -> list[str]:
        """Every word the contract uses for this party, longest first."""
        names = [t for t in self.terms if t]
        if self.name:
            names.append(self.name)
            first = self.name.split(",")[0].split(" ")[0]
            if len(first) > 2 and first.lower() not in ("the", "first", "new", "national", "general", "united"):
                names.append(first)
        return sorted({n for n in names if len(n) > 1}, key=len, reverse=True)

    def to_dict(self) -> dict[str, object] | None:
        if not self.name and not self.terms:
            return None
        return {"name": self.name or (self.terms[0] if self.terms else None), "terms": self.terms}


@dataclass
class Parties:
    provider: Party = field(default_factory=Party)
    client: Party = field(default_factory=Party)


def _role(term: str) -> tuple[str, int] | None:
    """("provider" | "client", rank) when ``term`` is (or ends with) a role word; a lower rank is a surer word."""
    low = term.lower().strip().removeprefix("the ")
    for role, words in (("provider", PROVIDER_ROLES), ("client", CLIENT_ROLES)):
        for rank, w in enumerate(words):
            if low == w or low.endswith(" " + w):
                return role, rank
    return None


def role_of(term: str) -> str | None:
    """"provider" or "client" when ``term`` is (or ends with) a role word."""
    found = _role(term)
    return found[0] if found else None


_SEP = re.compile(r"\b(?:between|among|and|by)\s+|[;:]", re.I)
#: Where a party's description starts after its name: its address, seat or incorporation.
_DESCRIBED = re.compile(r",?\s*\b(?:whose|with (?:its )?(?:registered |principal |head )?(?:offices?|place)|having|located|"
                        r"residing|incorporated|organi[sz]ed|a (?:company|corporation)|an? [A-Z][a-z]+ (?:corporation|company|"
                        r"limited|not-for-profit|statutory trust|business trust|partnership|banking association)|"
                        r"a national banking association|company no)\b", re.I)
_ADDRESS_WORD = re.compile(r"^(?:suite|room|unit|floor|building|p\.?\s?o\.?\s?box)\b", re.I)
_LEADING = re.compile(r"^(?:and|between|by|among)\s+", re.I)


def _clean(name: str) -> str | None:
    """Drop a leading conjunction and any address; None when only an address is left."""
    name = _LEADING.sub("", _DESCRIBED.split(name)[0].strip(" ,"))
    if not _NAME.search(name) and re.search(r"\d", name):
        head = re.split(r"\s+(?=\S*\d)", name)[0].strip(" ,-")
        name = head if head != name and len(head.split()) >= 2 and head.isupper() else ""
    return name if len(name) > 2 and not _ADDRESS_WORD.match(name) else None


_REPRESENTED = re.compile(r",?\s*(?:(?:legally|duly|validly)\s+(?:and\s+(?:duly|validly)\s+)?)?(?:represented|acting)\s+"
                          r"(?:herein\s+)?(?:by|through)\b", re.I)


def _without_representative(window: str) -> str:
    """Cut a closing "represented by its director, Jan Smit," so the person is not taken for the party
    (kept when a company is named after it: that is the next party)."""
    cuts = list(_REPRESENTED.finditer(window))
    if cuts and not _NAME.search(window[cuts[-1].end():]):
        return window[: cuts[-1].start()]
    return window


def _name_before(window: str) -> str | None:
    window = _without_representative(window)
    last = _SEP.split(window)[-1]
    seg = _DESCRIBED.split(last)[0]
    names = [n.strip(" ,") for n in _NAME.findall(seg)]
    opener = (_SEP.findall(window) or [""])[-1].strip().lower()
    caps = _CAPS.search(seg.strip()) if not re.search(r"\d", seg) else None
    caps_name = caps.group(1).strip() if caps and " " in caps.group(1).strip() else None
    if not names and opener in ("between", "among", ":") and caps_name:
        return _clean(caps_name)  # "is between Clear Capital (the "Company")": the name right before
    names = names or [n.strip(" ,") for n in _NAME.findall(window)]
    if names:
        return _clean(re.split(r"\d{4,}\S*,?\s+|,?\s+(?:and|AND|between|BETWEEN)\s+", names[-1])[-1])
    if opener == "and" and seg != last and caps_name:
        return _clean(caps_name)  # "and ACME STRATEGIES, a Nevada corporation, ...": the name before its description
    tail = re.split(r"\b(?:between|among|and|by|of)\b|[;:]", window)[-1]
    head = re.split(r"\s+(?=\S*\d)", tail.strip())[0]
    tail = re.split(r"[.!?]\s+", head)[-1] if len(head) > 2 else tail
    m = _CAPS.search(tail.strip())
    return _clean(m.group(1).strip()) if m and len(m.group(1)) > 2 else None


def _group_terms(m: re.Match[str]) -> list[str]:
    inner = m.group(1) or m.group(2) or ""
    if _INFORMATION.search(inner.strip(" \"“”'")):
        return []
    terms = [t.strip() for t in _QUOTED.findall(inner)]
    bare = _BARE.match(inner) if m.group(1) else None
    if bare and role_of(bare.group(1)):
        terms.insert(0, bare.group(1))
    return [t for t in terms if t and not _GENERIC.match(t) and not _INFORMATION.search(t)]


def declarations(text: str) -> list[Party]:
    """Parties the preamble declares: a name (when one precedes) and the defined terms in one bracket."""
    out = [Party(m.group(2).strip(), [m.group(1)]) for m in _LABEL.finditer(text)]
    last_end = 0
    for m in _GROUP.finditer(text):
        terms = _group_terms(m)
        if not terms or not any(t[:1].isupper() or role_of(t) for t in terms):
            continue
        name = _name_before(text[max(last_end, m.start() - 480) : m.start()])
        last_end = m.end()
        out.append(Party(name, terms))
    return out


_HEREINAFTER = re.compile(r"\b(?:hereinafter|hereafter|referred to as)\b", re.I)
_PROPER = re.compile(r"^[A-Z][\w&.\-]*(?: [A-Z][\w&.\-]*){0,2}$")


PREAMBLE_SCAN = 40  # paragraphs read for the preamble ...
OPENING_SCAN = 300  # ... and, after a long cover or table of contents, how far to look for its opening words
_OPENING = re.compile(r"\b(?:by and between|entered into|is made|made and entered|concluded between|between\s*:)", re.I)
_REGISTERED = re.compile(r"^[\s,]*(?:\([^)]{0,40}\)\s*)?(?:whose registered office|incorporated|registered in|"
                         r"a company (?:incorporated|registered|organi[sz]ed))", re.I)


def _openings(paragraphs: Sequence[Paragraph]) -> list[Paragraph]:
    """The first paragraphs, then any later ones (up to OPENING_SCAN) that open like a preamble."""
    later = [p for p in paragraphs[PREAMBLE_SCAN:OPENING_SCAN] if _OPENING.search(p.text[:300])]
    return list(paragraphs[:PREAMBLE_SCAN]) + later[:3]


def _tail_name(name: str) -> str:
    """The company name at the end of a match that ran on through an address ("... Slovakia and Sicap Ltd")."""
    if re.search(r"\d", name):
        tail = re.split(r"\S*\d\S*[\s,]*", name)[-1].rsplit(" and ", 1)[-1].strip(" ,")
        if _NAME.fullmatch(tail):
            return tail
    head, sep, tail = name.rpartition(" and ")
    tail = tail.strip(" ,")
    return tail if sep and "," in head and _NAME.fullmatch(tail) else name


def _named_only(paragraphs: Sequence[Paragraph]) -> list[Party]:
    """Parties named without a defined term: "concluded between: A a.s., address, and B Ltd, address",
    or a UK-style parties block ("ACME LIMITED (company no 123) whose registered office is at ...")."""
    for k, para in enumerate(paragraphs):
        m = re.search(r"\bbetween\b\s*:?", para.text, re.I)
        if m:
            # the parties may follow on lines of their own ("entered into by and between" / "X LIMITED" / "and" / ...)
            after = " ".join([para.text[m.end():], *(p.text for p in paragraphs[k + 1 : k + 8])])[:600]
            names = [_clean(_tail_name(n.strip(" ,"))) for n in _NAME.findall(after)]
            unique = list(dict.fromkeys(n for n in names if n))
            if len(unique) >= 2:
                return [Party(n, []) for n in unique[:2]]
    found = []
    for para in paragraphs:
        text = para.text.lstrip("(0123456789). ")
        m = _NAME.match(text)
        if m and _REGISTERED.match(text[m.end():]):
            found.append(Party(m.group(1).strip(" ,"), []))
    return found[:2] if len(found) >= 2 else []


def _preamble(paragraphs: Sequence[Paragraph]) -> list[Party]:
    """Declarations of the first paragraphs that declare a named party or a role, until both are found;
    failing that, the two parties the opening names without defined terms."""
    openings = _openings(paragraphs)
    found = _declared(openings)
    if len(found) < 2:
        names = {p.name for p in found}
        found += [p for p in _named_only(openings) if p.name not in names][:2 - len(found)]
    return found


def _declared(paragraphs: Sequence[Paragraph]) -> list[Party]:
    found: list[Party] = []
    for para in paragraphs:
        decls = [d for d in declarations(para.text) if any(role_of(t) for t in d.terms) or (d.name and _NAME.search(d.name))
                 or (_HEREINAFTER.search(para.text) and any(_PROPER.match(t) for t in d.terms))]
        decls += [Party(m.group(1).strip(" ,"), [m.group(2)]) for m in _AS.finditer(para.text) if role_of(m.group(2))]
        known = {t for d in found for t in d.terms}
        decls = [d for d in decls if not known.intersection(d.terms)]
        if decls:
            found.extend(decls)
        elif len(found) >= 2:
            break
    return found


def _act_score(party: Party, body: str) -> int:
    """Positive when the body has the party providing services, negative when it pays."""
    if not party.mentions():
        return 0
    word = "(?:" + "|".join(re.escape(m) for m in party.mentions()) + ")"
    score = 2 * len(re.findall(rf"\b{word}\s+{_ACTS['provider']}", body))
    score -= 2 * len(re.findall(rf"\b{word}\s+{_ACTS['client']}", body))
    score += len(re.findall(rf"\bpay\s+(?:to\s+)?(?:the\s+)?{word}\b", body))
    score -= len(re.findall(rf"\b(?:services|support)\s+to\s+(?:the\s+)?{word}\b|\bon behalf of\s+(?:the\s+)?{word}\b", body))
    return score


def _roles(found: list[Party]) -> dict[int, str | None]:
    """Role per declared party from its role words; of two parties claiming one role, the surer word keeps it."""
    ranked = {id(p): min((r for t in p.terms if (r := _role(t))), key=lambda r: r[1], default=None)
              for p in found}
    roles = {k: (v[0] if v else None) for k, v in ranked.items()}
    for role in ("provider", "client"):
        claim = [p for p in found if roles[id(p)] == role]
        if len(claim) == 2 and not any(roles[id(p)] == ("client" if role == "provider" else "provider") for p in found):
            weaker = max(claim, key=lambda p: ranked[id(p)][1])  # type: ignore[index]
            roles[id(weaker)] = "client" if role == "provider" else "provider"
    return roles


def _assign(found: list[Party], body: str) -> Parties:
    roles = _roles(found)
    provider = next((p for p in found if roles[id(p)] == "provider"), None)
    client = next((p for p in found if roles[id(p)] == "client" and p is not provider), None)
    rest = [p for p in found if p is not provider and p is not client and roles[id(p)] is None]
    if rest and (provider is None or client is None):
        rest.sort(key=lambda p: _act_score(p, body), reverse=True)
        lone_provider = len(rest) == 1 and client is None and _act_score(rest[0], body) > 0
        if provider is None and (client is not None or len(rest) > 1 or lone_provider):
            provider = rest.pop(0)
        if client is None and rest:
            client = rest.pop(-1)
    return Parties(provider or Party(), client or Party())


def identify(paragraphs: Sequence[Paragraph], provider: str | None = None, client: str | None = None) -> Parties:
    """Find the parties in the preamble and place them by role; names given by the user win."""
    body = " ".join(p.text for p in paragraphs)[:200_000]
    parties = _assign(_preamble(paragraphs), body)
    for given, target in ((provider, parties.provider), (client, parties.client)):
        if given:
            target.name = given
            if given not in target.terms:
                target.terms.insert(0, given)
    return parties
