"""Key commercial terms for the reviewer, each with its evidence.

A term's value is, in order: the pattern's named group ``v`` (normalised: "thirty (30) days" ->
"30 days"), the fixed value given with the pattern, or the matched text. Advisory findings built
on these terms live in extractor.rules.advisories.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractor.report import Evidence, Term
from extractor.rules.engine import Sentence
from extractor.rules.periods import PERIOD as _PERIOD
from extractor.rules.periods import period

_I = re.I
_DATE = r"(?:[A-Z][a-z]{2,8} \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{1,2}(?:st|nd|rd|th)? (?:day of )?[A-Z][a-z]{2,8},? \d{4})"
TERM_PATTERNS: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    "payment_model": (
        ("per_hour", re.compile(r"\b(per|an|each) (agent |productive |billable |man[- ])?(hour|man-hour)\b|"
            r"\bhourly (rate|fee|charge)s?\b|\btime and materials?\b", _I)),
        ("per_contact", re.compile(r"\bper (handled |inbound |outbound |answered |completed |delivered )?(call|contact|"
            r"e-?mail|chat|transaction|minute|interaction|ticket|photo|item|unit|document)\b", _I)),
        ("per_fte", re.compile(r"\bper (fte|full[- ]time equivalent|seat|agent)\b", _I)),
        ("fixed_fee", re.compile(r"\bfixed (monthly |annual )?(fee|charge|price|sum)\b|\bmonthly (service |hosting )?fee of\b",
            _I)),
        ("cost_plus", re.compile(r"\bcosts?\b[^.]{0,40}\bplus (a |an )?\d+(\.\d+)? ?(%|percent)|\bcost[- ]plus\b", _I)),
        ("revenue_share", re.compile(r"\brevenue[- ]shar\w*|\bshare (any |the |all )?(net |gross )?revenues?\b|"
            r"\b\d+(\.\d+)? ?(%|percent) of "
            r"(the )?(net |gross )?(revenue|sales|collections)\b|\bgain[- ]shar\w*", _I)),
    ),
    "payment_deadline": (("", re.compile(rf"\bwithin (?P<v>{_PERIOD})\b[^.]{{0,80}}\b(invoice|receipt)\b|"
        rf"\b(?:net|payable within) (?P<v2>\d+ days)\b", _I)),),
    "contract_term": (("", re.compile(rf"\b(initial )?(term|period) of (?P<v>{_PERIOD})\b|"
        rf"\bterm\b[^.]{{0,160}}\b(?:end|expire|terminate)s? on (?P<until>{_DATE})|"
        rf"\b(remain|continue) in (full )?(force|effect) for (a period of )?(?P<v2>{_PERIOD})|"
        r"\bshall (remain|continue) in (full )?(force|effect) (for|until)\b|"
        rf"\b(begins|commences|starts|runs)\b[^.]{{0,80}}\b(continues|runs|ends|expires)\b[^.]{{0,60}}?(?P<v3>{_PERIOD})|"
        rf"\bterm of this (agreement|contract|sow|statement of work|msa)\b\W{{0,3}}(?P<v4>{_PERIOD})", _I)),),
    "renewal": (("", re.compile(r"\b(automatically|tacitly) (be )?(renew|extend)\w*|"
        r"\b(renew|extend)\w* (automatically|tacitly)\b|\bsuccessive (renewal )?(terms|"
        r"periods)\b|\brenew\w* for (an )?additional\b", _I)),),
    "renewal_notice": (("", re.compile(rf"\b(?P<v>{_PERIOD})['’]?s?\)? (prior |advance )?(written )?notice[^.]{{0,120}}"
        rf"\b(renew\w*|non-renewal|not to extend|expir\w*|end of the (then[- ]current |initial |renewal )?(term|period))|"
        rf"\b(renew\w*|non-renewal)\b[^.]{{0,120}}\b(at least |not less than |no later than )?(?P<v2>{_PERIOD})['’]?s?\)? "
        r"(prior to|before|in advance)", _I)),),
    "termination_for_convenience": (("", re.compile(r"\bterminat\w*[^.]{0,80}\b(for convenience|without cause|"
        r"for any reason|at any time)\b[^.]{0,160}", _I)),),
    "termination_for_cause": (("", re.compile(r"\bterminat\w*\b[^.]{0,160}\b(material(ly)? breach|breach\w*|"
        r"insolven\w*|bankrupt\w*|for cause|fails? to (perform|remedy|cure))\b", _I)),),
    "governing_law": (("", re.compile(r"\b(?i:governed by|construed (in accordance with|under)|subject to)[^.]{0,40}"
        r"\b(?i:laws? of) (?P<v>(the |THE )?[A-Z][^.,;()]{2,60}?)(?= without\b| WITHOUT\b| excluding\b|[.,;(]|$)")),),
    "forum": (("", re.compile(r"\b(?i:(courts?|tribunals?) (of|in|located in|sitting in)) (?P<v>(the |THE )?[A-Z][^.,;()]{2,60}?)"
        r"(?= shall\b| will\b| for\b| and\b| with\b|[.,;(]|$)|\b(?i:exclusive jurisdiction)\b")),),
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
    "fee_cap": (("", re.compile(r"\b(fees?|charges?|hours|amounts?|costs?|price)\b[^.]{0,80}\b(not (to )?exceed|"
        r"capped at|cap of|maximum of|ceiling of|shall not be more than)\b|\b(not[- ]to[- ]exceed|budget cap)\b", _I)),),
    "data_breach_liability": (("", re.compile(r"\b(indemnif\w*|liab\w*|compensat\w*|damages|responsible)\b[^.]{0,160}"
        r"\b(breach of (its |the |this )?(confidentiality|data protection|security)|(data|security) breach|"
        r"unauthori[sz]ed (disclosure|access|use)|personal data|customer data|loss of data)\b|"
        r"\b(data|security) breach\w*\b[^.]{0,160}\b(indemnif\w*|liab\w*|compensat\w*|damages)", _I)),),
}
#: Cheap gates: a term's patterns are only tried on sentences holding one of these substrings.
GATES: dict[str, tuple[str, ...]] = {
    "payment_model": ("per ", "hour", "fixed", "monthly", "revenue", "percent", "%", "gain", "material", "cost"),
    "payment_deadline": ("days", "net "),
    "contract_term": ("term", "period", "force", "effect", "year", "month"),
    "renewal": ("renew", "extend", "successive"),
    "renewal_notice": ("renew", "expir", "not to extend"),
    "termination_for_convenience": ("terminat",),
    "termination_for_cause": ("terminat",),
    "governing_law": ("law",),
    "forum": ("court", "tribunal", "jurisdiction"),
    "dispute_mechanism": ("negotiat", "escalat", "mediat", "arbitrat", "court", "jurisdiction", "venue"),
    "channels": ("call", "telephon", "voice", "mail", "chat", "social", "facebook", "twitter", "instagram", "sms", "text messag"),
    "service_level_metrics": ("answer", "ASA", "abandon", "resolution", "availab", "uptime", "response time", "quality",
                              "satisfaction", "csat", "nps"),
    "fee_cap": ("exceed", "cap", "maximum", "ceiling", "more than"),
    "data_breach_liability": ("breach", "unauthori", "personal data", "customer data", "loss of data"),
}
MULTI = ("payment_model", "dispute_mechanism", "channels", "service_level_metrics")
#: Terms whose value is the notice period stated in the same sentence.
NOTICE_VALUE = ("termination_for_convenience",)
_NOTICE = re.compile(rf"\b(?P<v>{_PERIOD})['’]?s?\)? (prior |advance )?(written )?notice\b|"
                     rf"\bnotice (period )?of (at least )?(?P<v2>{_PERIOD})", _I)


def _value(term_id: str, value: str, match: re.Match[str], sentence: str) -> str:
    if term_id in NOTICE_VALUE:
        notice = _NOTICE.search(sentence)
        return f"on {period(notice.group('v') or notice.group('v2'))}' notice" if notice else "notice not stated"
    if match.groupdict().get("until"):
        return f"until {match.group('until')}"
    group = next((g for k, g in match.groupdict().items() if k.startswith("v") and g), None)
    if group:
        return period(group) if term_id not in ("governing_law", "forum") else group.strip()
    return value or match.group(0).strip()


def extract_terms(sentences: Sequence[Sentence]) -> list[Term]:
    """Each key term once (several values for the multi-valued ones), with up to three quotes."""
    terms: list[Term] = []
    lowered = [s.text.lower() for s in sentences]
    for term_id, patterns in TERM_PATTERNS.items():
        gates = tuple(g.lower() for g in GATES.get(term_id, ()))
        pool = [s for s, low in zip(sentences, lowered, strict=True) if not gates or any(g in low for g in gates)]
        for value, pattern in patterns:
            hits = [(s, m) for s in pool if (m := pattern.search(s.text))]
            if not hits:
                continue
            first, match = hits[0]
            ev = tuple(Evidence.of(s.paragraph.id, s.paragraph.page, s.text) for s, _ in hits[:3])
            terms.append(Term(term_id, _value(term_id, value, match, first.text), ev))
            if term_id not in MULTI:
                break
    return terms
