"""Trap flags on invented sentences: absent, undermined, protected; who is bound matters."""

from __future__ import annotations

from extractor.document import Paragraph
from extractor.parties import Parties, Party
from extractor.report import ClauseResult
from extractor.rules.engine import load_concepts, split_sentences
from extractor.rules.flags import category_flags, trap_flags
from extractor.taxonomy import FLAG_DATA_CONSENT, FLAG_PAYMENT_CHANGE, FLAG_PENALTIES

PARTIES = Parties(Party("Northgate LLC", ["Northgate", "Supplier"]), Party("Harbor Inc.", ["Harbor", "Customer"]))
CONCEPTS = load_concepts()


def _flags(*texts: str) -> dict:
    paras = [Paragraph(i, (i,), t) for i, t in enumerate(texts, 1)]
    results = [ClauseResult(p.id, p.page, p.pages, None, None, p.text, "other", 0.9, {}, False) for p in paras]
    flags = trap_flags(split_sentences(paras), CONCEPTS, PARTIES, results)
    return {f.id: f for f in flags}


PROTECTED = (
    "If the Supplier misses a Service Level, the Customer shall receive a service credit of 5% of the monthly charges.",
    "The Supplier shall not disclose Customer Data to any third party without the Customer's prior written consent.",
    "The rates shall remain fixed for the first two years of the Term.",
)


def test_all_protected_raises_nothing() -> None:
    assert _flags(*PROTECTED) == {}


def test_all_absent_says_what_was_searched() -> None:
    flags = _flags("The Supplier shall answer calls.", "Harbor shall pay invoices within 30 days.")
    assert set(flags) == {FLAG_PENALTIES, FLAG_DATA_CONSENT, FLAG_PAYMENT_CHANGE}
    assert all(f.reason == "absent" and f.searched["paragraphs"] == 2 and not f.evidence for f in flags.values())


def test_client_only_indemnity_and_late_interest_do_not_count() -> None:
    flags = _flags("The Customer shall indemnify the Supplier against third-party claims.",
                   "Late payments bear interest at 1.5% per month.", *PROTECTED[1:])
    assert flags[FLAG_PENALTIES].reason == "absent"


def test_mutual_indemnity_counts() -> None:
    assert FLAG_PENALTIES not in _flags("Each party shall indemnify the other against losses caused by its negligence.",
                                        *PROTECTED[1:])


def test_blanket_sharing_undermines_consent_and_cites_it() -> None:
    flags = _flags(*PROTECTED, "The Supplier may share Customer Data with its affiliates and subcontractors worldwide.")
    flag = flags[FLAG_DATA_CONSENT]
    assert flag.reason == "undermined" and flag.evidence[0].paragraph == 4 and flag.evidence[0].page == 4
    assert "affiliates" in flag.evidence[0].quote


def test_rates_on_notice_undermine_payment_terms() -> None:
    flags = _flags(*PROTECTED, "The Supplier may revise its rates on thirty days' written notice.")
    assert flags[FLAG_PAYMENT_CHANGE].reason == "undermined"


def test_credits_disclaimed_undermine_penalties() -> None:
    flags = _flags(*PROTECTED, "The Supplier shall have no liability whatsoever for any failure to meet the Service Levels.")
    assert flags[FLAG_PENALTIES].reason == "undermined"


def test_general_amendment_clause_is_not_a_payment_term() -> None:
    flags = _flags(*PROTECTED[:2], "No amendment to this Agreement is effective unless in writing and signed by both parties.")
    assert flags[FLAG_PAYMENT_CHANGE].reason == "absent"


def test_missing_category() -> None:
    results = [ClauseResult(1, 1, (1,), None, None, "x", "liability", 0.9, {}, False)]
    assert [f.id for f in category_flags(results)][0] == "missing_category:scope_of_services"


def test_missing_category_names_the_likeliest_paragraph() -> None:
    results = [ClauseResult(1, 1, (1,), None, None, "x", "liability", 0.9,
                            {"liability": 0.9, "dispute_resolution": 0.02, "other": 0.08}, False),
               ClauseResult(2, 3, (3,), None, None, "y", "other", 0.55,
                            {"other": 0.55, "dispute_resolution": 0.42, "liability": 0.03}, False)]
    flags = {f.id: f for f in category_flags(results)}
    assert flags["missing_category:dispute_resolution"].message == (
        "no paragraph is classified as dispute_resolution (likeliest: p.3 ¶2, 42%)")
    assert flags["missing_category:scope_of_services"].message == "no paragraph is classified as scope_of_services"


def test_data_owned_by_the_client_and_gated_on_its_consent_protects_whoever_the_subject_names() -> None:
    protected = _flags(PROTECTED[0], PROTECTED[2],
                       "All Harbor customer information obtained under this Agreement shall not be disclosed to any third "
                       "party without the prior written consent of Harbor.")
    assert FLAG_DATA_CONSENT not in protected
    client_bound = _flags(PROTECTED[0], PROTECTED[2],
                          "Harbor shall not disclose the Supplier's pricing to any third party.")
    assert client_bound[FLAG_DATA_CONSENT].reason == "absent"
