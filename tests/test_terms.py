"""Key commercial terms (with values and evidence) and advisory findings."""

from __future__ import annotations

import pytest

from extractor.document import Paragraph
from extractor.report import Term
from extractor.rules.advisories import advisories
from extractor.rules.engine import split_sentences
from extractor.rules.periods import days, period
from extractor.rules.terms import extract_terms

CONTRACT = (
    "The Customer shall pay 28.50 per productive hour and 1.20 per handled call.",
    "Invoices are payable within thirty (30) days of receipt of invoice.",
    "This Agreement has an initial term of 3 years and shall automatically renew for successive one-year terms unless "
    "either party gives at least ninety (90) days' written notice of non-renewal before the end of the then-current term.",
    "Either party may terminate this Agreement for convenience on sixty (60) days' written notice.",
    "This Agreement is governed by the laws of England and Wales, without regard to conflict of laws rules.",
    "The courts of London shall have exclusive jurisdiction over any claim.",
    "Any dispute shall first be escalated to senior managers for negotiation and then resolved by arbitration.",
    "The Supplier shall handle inbound calls, e-mail and web chat; average speed of answer shall be 20 seconds.",
)


def _found(*texts: str) -> list[Term]:
    return extract_terms(split_sentences([Paragraph(i, (i,), t) for i, t in enumerate(texts, 1)]))


def _values(*texts: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for t in _found(*texts):
        out.setdefault(t.id, []).append(t.value)
    return out


def test_key_terms_found_with_values() -> None:
    terms = _values(*CONTRACT)
    assert terms["payment_model"] == ["per_hour", "per_contact"]
    assert terms["payment_deadline"] == ["30 days"] and terms["contract_term"] == ["3 years"]
    assert terms["renewal_notice"] == ["90 days"] and terms["termination_for_convenience"] == ["on 60 days' notice"]
    assert terms["governing_law"] == ["England and Wales"] and terms["forum"] == ["London"]
    assert {"negotiation", "arbitration"} <= set(terms["dispute_mechanism"])
    assert {"voice", "email", "chat"} <= set(terms["channels"]) and terms["service_level_metrics"] == ["average_speed_of_answer"]


def test_terms_cite_paragraph_and_page() -> None:
    law = next(t for t in _found(*CONTRACT) if t.id == "governing_law")
    assert law.evidence[0].paragraph == 5 and law.evidence[0].page == 5 and "England" in law.evidence[0].quote


@pytest.mark.parametrize(("text", "value", "in_days"), [
    ("thirty (30) days", "30 days", 30), ("ninety days", "90 days", 90), ("3 months", "3 months", 90),
    ("one hundred eighty (180) calendar days", "180 calendar days", 180), ("several days", "several days", None),
])
def test_periods(text: str, value: str, in_days: int | None) -> None:
    assert period(text) == value and days(period(text)) == in_days


def test_other_payment_models() -> None:
    terms = _values("Parts are charged at the Supplier's cost plus 12%.", "The Supplier shall be paid a fixed monthly fee of EUR 9,000.",
                    "The parties shall share the net revenue equally.")
    assert terms["payment_model"] == ["fixed_fee", "cost_plus", "revenue_share"]


def _advice(*texts: str) -> dict:
    return {f.id: f for f in advisories(_found(*texts))}


def test_long_renewal_window_and_uncapped_hours_are_advised_with_evidence() -> None:
    flags = _advice(*CONTRACT)
    long = flags["advisory:automatic_renewal_long_notice"]
    assert "90 days" in long.message and [e.paragraph for e in long.evidence] == [3]
    assert flags["advisory:hourly_pricing_no_cap"].evidence[0].paragraph == 1
    assert "advisory:no_contract_duration" not in flags and "advisory:no_termination_conditions" not in flags


def test_short_renewal_window_and_capped_hours() -> None:
    flags = _advice("The term renews automatically for successive one-year periods unless notice is given "
                    "thirty (30) days before expiry.", "Hourly fees shall not exceed USD 40,000 in any year.",
                    "The Supplier is billed per agent hour.")
    assert "advisory:automatic_renewal" in flags and "advisory:automatic_renewal_long_notice" not in flags
    assert "advisory:hourly_pricing_no_cap" not in flags


def test_absences_say_what_was_searched() -> None:
    flags = _advice("Fees are charged per agent hour.")
    assert flags["advisory:no_contract_duration"].searched == {"terms": ["contract_term"]}
    assert flags["advisory:no_termination_conditions"].severity == "medium"
    assert flags["advisory:no_data_breach_liability"].searched == {"terms": ["data_breach_liability"]}
    assert "advisory:no_termination_for_convenience" not in flags  # implied by no termination conditions


def test_breach_termination_without_convenience_and_data_breach_liability() -> None:
    flags = _advice("Either party may terminate this Agreement if the other commits a material breach.",
                    "The Supplier shall indemnify the Customer for any loss arising from a breach of its data protection "
                    "obligations or any unauthorised disclosure of Customer Data.")
    assert "advisory:no_termination_conditions" not in flags and "advisory:no_termination_for_convenience" in flags
    assert "advisory:no_data_breach_liability" not in flags


@pytest.mark.parametrize(("text", "value"), [
    ("5.1 This MSA begins on the date above and continues until the later of two (2) years or the last SOW ends.", "2 years"),
    ("Term of this SOW: eighteen (18) months from the Start Date.", "18 months"),
    ("Duration. Services start on 1 March 2025; the term ends on February 28, 2027 unless the Client extends it.",
     "until February 28, 2027"),
    ("This SOW's Term runs from signature and will expire on 30 June 2029.", "until 30 June 2029"),
])
def test_contract_term_in_other_wordings(text: str, value: str) -> None:
    term = next(t for t in _found(text) if t.id == "contract_term")
    assert value in term.value


def test_notice_not_to_extend_is_a_renewal_notice() -> None:
    terms = {t.id: t.value for t in _found(
        "The contract is automatically extended for a further year unless either side sends sixty (60) days' written "
        "notice that it wishes not to extend it.")}
    assert terms["renewal_notice"] == "60 days" and terms["renewal"]
