"""Category and flag ids exactly as TAXONOMY.md spells them: the one source of those strings."""

from __future__ import annotations

SCOPE = "scope_of_services"
LIABILITY = "liability"
PAYMENT = "payment_and_term"
CONFIDENTIALITY = "confidentiality"
DISPUTE = "dispute_resolution"
OTHER = "other"

#: The five clause categories a sound contract settles, in report order.
CATEGORIES: tuple[str, ...] = (SCOPE, LIABILITY, PAYMENT, CONFIDENTIALITY, DISPUTE)
#: Every label the classifier may predict.
LABELS: tuple[str, ...] = (*CATEGORIES, OTHER)

FLAG_PENALTIES = "missing_penalties"
FLAG_DATA_CONSENT = "missing_data_transfer_consent"
FLAG_PAYMENT_CHANGE = "missing_payment_change_terms"
#: The three trap flags a client must never miss.
TRAP_FLAGS: tuple[str, ...] = (FLAG_PENALTIES, FLAG_DATA_CONSENT, FLAG_PAYMENT_CHANGE)
MISSING_CATEGORY_PREFIX = "missing_category:"


def missing_category_flag(category: str) -> str:
    """The flag id raised when no paragraph is classified as ``category``."""
    if category not in CATEGORIES:
        raise ValueError(f"not a clause category: {category!r}")
    return MISSING_CATEGORY_PREFIX + category

