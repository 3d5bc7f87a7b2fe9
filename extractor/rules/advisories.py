"""Advisory findings: what a reviewer should look at beyond the trap flags, each with its own id and evidence.

Built on the key terms (extractor.rules.terms): a finding about something present cites the
term's evidence; a finding about something absent says which terms were searched for.
"""

from __future__ import annotations

from collections.abc import Sequence

from extractor.report import Evidence, Flag, Term
from extractor.rules.periods import days

#: A notice window for stopping an automatic renewal at least this long is "long".
LONG_RENEWAL_NOTICE_DAYS = 90


def _absent(flag_id: str, severity: str, message: str, have: set[str], *term_ids: str) -> list[Flag]:
    if any(t in have for t in term_ids):
        return []
    return [Flag(flag_id, severity, message, None, (), {"terms": list(term_ids)})]


def _unique(evidence: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
    return tuple(dict.fromkeys(evidence))


def _renewal(by_id: dict[str, Term]) -> list[Flag]:
    renewal, notice = by_id.get("renewal"), by_id.get("renewal_notice")
    if renewal is None:
        return []
    window = days(notice.value) if notice else None
    if notice and window is not None and window >= LONG_RENEWAL_NOTICE_DAYS:
        return [Flag("advisory:automatic_renewal_long_notice", "medium",
                     f"the contract renews itself unless notice is given {notice.value} ahead: a long window to miss",
                     None, _unique(renewal.evidence[:2] + notice.evidence[:1]))]
    return [Flag("advisory:automatic_renewal", "low", "the contract renews itself: note the notice window", None,
                 _unique(renewal.evidence + (notice.evidence[:1] if notice else ())))]


def advisories(terms: Sequence[Term]) -> list[Flag]:
    """Findings that help a reviewer beyond the trap flags."""
    by_id: dict[str, Term] = {}
    for t in terms:
        by_id.setdefault(t.id, t)
    have = set(by_id)
    models = {t.value: t for t in terms if t.id == "payment_model"}
    out = _absent("advisory:no_contract_duration", "medium", "no contract term or duration was found", have,
                  "contract_term")
    out += _absent("advisory:no_termination_conditions", "medium",
                   "no termination right was found (neither for breach or insolvency nor for convenience)", have,
                   "termination_for_cause", "termination_for_convenience")
    if "termination_for_cause" in have:
        out += _absent("advisory:no_termination_for_convenience", "low", "no right to terminate for convenience was found",
                       have, "termination_for_convenience")
    out += _absent("advisory:no_data_breach_liability", "medium",
                   "no liability or indemnity for breaches of confidentiality or data protection was found", have,
                   "data_breach_liability")
    if "per_hour" in models and "fixed_fee" not in models and "fee_cap" not in have:
        out.append(Flag("advisory:hourly_pricing_no_cap", "medium",
                        "hourly pricing with no cap on billable hours or fees", None, models["per_hour"].evidence))
    return out + _renewal(by_id)
