"""Key commercial terms and advisory findings."""

from __future__ import annotations

from extractor.document import Paragraph
from extractor.rules.engine import split_sentences
from extractor.rules.terms import advisories, extract_terms


def _terms(*texts: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for t in extract_terms(split_sentences([Paragraph(i, (i,), t) for i, t in enumerate(texts, 1)])):
        out.setdefault(t.id, []).append(t.value)
    return out


def test_key_terms_found_with_values() -> None:
    terms = _terms(
        "The Customer shall pay 28.50 per productive hour and 1.20 per handled call.",
        "Invoices are payable within thirty (30) days of receipt of invoice.",
        "This Agreement has an initial term of 3 years and shall automatically renew for successive one-year terms.",
        "Either party may terminate this Agreement for convenience on 90 days' notice.",
        "This Agreement is governed by the laws of England and Wales.",
        "Any dispute shall be finally resolved by arbitration under the LCIA Rules.",
        "The Supplier shall handle inbound calls, e-mail and web chat; average speed of answer shall be 20 seconds.",
    )
    assert terms["payment_model"] == ["per_hour", "per_contact"]
    assert {"payment_deadline", "contract_term", "renewal", "termination_for_convenience", "governing_law"} <= set(terms)
    assert "arbitration" in terms["dispute_mechanism"]
    assert {"voice", "email", "chat"} <= set(terms["channels"]) and terms["service_level_metrics"] == ["average_speed_of_answer"]


def test_advisories_name_their_evidence() -> None:
    found = extract_terms(split_sentences([Paragraph(1, (3,), "Fees are charged per agent hour.")]))
    flags = {f.id: f for f in advisories(found)}
    assert {"advisory:no_contract_duration", "advisory:no_termination_for_convenience"} <= set(flags)
    assert flags["advisory:hourly_pricing"].evidence[0].page == 3
