"""Key commercial terms for the reviewer, and advisory findings, each with its evidence."""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractor.report import Evidence, Flag, Term
from extractor.rules.engine import Sentence

_I = re.I
TERM_PATTERNS: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    "payment_model": (
        ("per_hour", re.compile(r"\b(per|an|each) (agent |productive |billable )?(hour|man-hour)\b|\bhourly (rate|fee)s?\b", _I)),
        ("per_contact", re.compile(r"\bper (handled |inbound |outbound |answered )?(call|contact|e-?mail|chat|"
            r"transaction|minute|interaction|ticket)\b", _I)),
        ("per_fte", re.compile(r"\bper (fte|full[- ]time equivalent|seat|agent)\b", _I)),
        ("fixed_fee", re.compile(r"\bfixed (monthly |annual )?(fee|charge|price|sum)\b|\bmonthly (service )?fee of\b", _I)),
        ("revenue_share", re.compile(r"\brevenue[- ]shar\w*|\b\d+(\.\d+)? ?(%|percent) of (the )?(net |"
            r"gross )?(revenue|sales|collections)\b|\bgain[- ]shar\w*", _I)),
    ),
    "payment_deadline": (("", re.compile(r"\bwithin ([a-z-]+ )?\(?\d+\)? (calendar |business |working |"
        r"banking )?days\b[^.]{0,80}\b(invoice|receipt)\b|\b(net|payable within) \d+ days\b", _I)),),
    "contract_term": (("", re.compile(r"\b(initial )?(term|period) of ([a-z-]+ )?\(?\d+\)? (years?|months?)\b|"
        r"\bshall (remain|continue) in (full )?(force|effect) (for|until)\b", _I)),),
    "renewal": (("", re.compile(r"\b(automatically|tacitly) (be )?(renew|extend)\w*|\bsuccessive (renewal )?(terms|"
        r"periods)\b|\brenew\w* for (an )?additional\b", _I)),),
    "termination_for_convenience": (("", re.compile(r"\bterminat\w*[^.]{0,80}\b(for convenience|without cause|"
        r"for any reason|at any time)\b[^.]{0,120}", _I)),),
    "governing_law": (("", re.compile(r"\b(governed by|construed in accordance with|"
        r"subject to)[^.]{0,40}\blaws? of ([^.,;]{3,60})", _I)),),
    "forum": (("", re.compile(r"\b(courts?|tribunals?) (of|in|located in|sitting in) ([^.,;]{3,60})|"
        r"\bexclusive jurisdiction\b", _I)),),
    "dispute_mechanism": (
        ("negotiation", re.compile(r"\b(negotiat\w*|escalat\w*)\b[^.]{0,80}\bdisputes?\b|"
            r"\bdisputes?\b[^.]{0,80}\b(negotiat\w*|escalat\w*)", _I)),
        ("mediation", re.compile(r"\bmediat(ion|or)\b", _I)),
        ("arbitration", re.compile(r"\barbitrat(ion|or|ors)\b", _I)),
        ("courts", re.compile(r"\b(courts?|jurisdiction|venue)\b", _I)),
    ),
    "channels": (
        ("voice", re.compile(r"\b(inbound|outbound) (calls?|telephone)|\btelephon\w*|\bvoice\b|\bcalls?\b", _I)),
        ("email", re.compile(r"\be-?mails?\b", _I)),
        ("chat", re.compile(r"\b(web |live )?chat\b", _I)),
        ("social_media", re.compile(r"\bsocial[- ]media\b|\b(facebook|twitter|instagram)\b", _I)),
        ("sms", re.compile(r"\bsms\b|\btext messag", _I)),
    ),
    "service_level_metrics": (
        ("average_speed_of_answer", re.compile(r"\baverage speed (of|to) answer\b|\bASA\b")),
        ("abandonment_rate", re.compile(r"\babandon\w* (rate|calls?)\b", _I)),
        ("first_contact_resolution", re.compile(r"\bfirst[- ](contact|call) resolution\b", _I)),
        ("availability", re.compile(r"\b(availability|uptime)\b[^.]{0,40}\d+(\.\d+)? ?%", _I)),
        ("response_time", re.compile(r"\bresponse times?\b", _I)),
        ("quality_score", re.compile(r"\bquality (score|monitoring|assurance)\b", _I)),
        ("customer_satisfaction", re.compile(r"\b(customer satisfaction|csat|nps)\b", _I)),
    ),
}
#: Cheap gates: a term's patterns are only tried on sentences holding one of these substrings.
GATES: dict[str, tuple[str, ...]] = {
    "payment_model": ("per ", "hour", "fixed", "monthly fee", "revenue", "percent", "%", "gain"),
    "payment_deadline": ("days", "net "),
    "contract_term": ("term", "period", "force", "effect"),
    "renewal": ("renew", "extend", "successive"),
    "termination_for_convenience": ("terminat",),
    "governing_law": ("law",),
    "forum": ("court", "tribunal", "jurisdiction"),
    "dispute_mechanism": ("negotiat", "escalat", "mediat", "arbitrat", "court", "jurisdiction", "venue"),
    "channels": ("call", "telephon", "voice", "mail", "chat", "social", "facebook", "twitter", "instagram", "sms", "text messag"),
    "service_level_metrics": ("answer", "ASA", "abandon", "resolution", "availab", "uptime", "response time", "quality",
                              "satisfaction", "csat", "nps"),
}
MULTI = ("payment_model", "dispute_mechanism", "channels", "service_level_metrics")


def extract_terms(sentences: Sequence[Sentence]) -> list[Term]:
    """Each key term once (several values for the multi-valued ones), with up to three quotes."""
    terms: list[Term] = []
    lowered = [s.text.lower() for s in sentences]
    for term_id, patterns in TERM_PATTERNS.items():
        gates = tuple(g.lower() for g in GATES.get(term_id, ()))
        pool = [s for s, low in zip(sentences, lowered, strict=True) if not gates or any(g in low for g in gates)]
        for value, pattern in patterns:
            hits = [s for s in pool if pattern.search(s.text)]
            if not hits:
                continue
            shown = value or pattern.search(hits[0].text).group(0).strip()  # type: ignore[union-attr]
            ev = tuple(Evidence.of(s.paragraph.id, s.paragraph.page, s.text) for s in hits[:3])
            terms.append(Term(term_id, shown, ev))
            if term_id not in MULTI:
                break
    return terms


def advisories(terms: Sequence[Term]) -> list[Flag]:
    """Findings that help a reviewer beyond the trap flags."""
    have = {t.id for t in terms}
    values = {(t.id, t.value) for t in terms}
    out = []
    if "contract_term" not in have:
        out.append(Flag("advisory:no_contract_duration", "medium", "no contract term or duration was found"))
    if "termination_for_convenience" not in have:
        out.append(Flag("advisory:no_termination_for_convenience", "low", "no right to terminate for convenience was found"))
    if ("payment_model", "per_hour") in values and not any(t.id == "payment_model" and t.value == "fixed_fee" for t in terms):
        ev = next(t.evidence for t in terms if (t.id, t.value) == ("payment_model", "per_hour"))
        out.append(Flag("advisory:hourly_pricing", "low", "hourly pricing: check for a cap on billable hours", None, ev))
    renewal = next((t for t in terms if t.id == "renewal"), None)
    if renewal:
        out.append(Flag("advisory:automatic_renewal", "low", "the contract renews itself: note the notice window", None,
                        renewal.evidence))
    return out
