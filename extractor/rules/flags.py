"""The three trap flags and missing_category:<id>, read from the client's side."""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractor.parties import Parties
from extractor.report import ClauseResult, Evidence, Flag
from extractor.rules.engine import Concept, Sentence, acting_party, bound_party
from extractor.taxonomy import (
    CATEGORIES,
    CONFIDENTIALITY,
    FLAG_DATA_CONSENT,
    FLAG_PAYMENT_CHANGE,
    FLAG_PENALTIES,
    LIABILITY,
    PAYMENT,
    missing_category_flag,
)

MAX_EVIDENCE = 5


def _evidence(sentences: Sequence[Sentence]) -> tuple[Evidence, ...]:
    seen, out = set(), []
    for s in sentences:
        if s.paragraph.id not in seen:
            seen.add(s.paragraph.id)
            out.append(Evidence.of(s.paragraph.id, s.paragraph.page, s.text))
    return tuple(out[:MAX_EVIDENCE])


def _hits(sentences: Sequence[Sentence], concept: Concept | None) -> list[Sentence]:
    return [s for s in sentences if concept is not None and concept.matches(s.text)]


_CONSENT = r"(?:prior )?(?:written )?(?:consent|approval|authori[sz]ation)"


def _client_consent(text: str, parties: Parties) -> bool:
    """The sentence makes something depend on the client's consent ("without the prior written consent
    of Prime", "with the Customer's approval"), whoever its grammatical subject is."""
    names = "|".join(re.escape(n) for n in parties.client.mentions())
    if not names:
        return False
    return bool(re.search(rf"\b{_CONSENT}\s+(?:of|from)\s+(?:the\s+)?(?:{names})(?!\w)|(?<!\w)(?:{names})(?:'s|’s)\s+{_CONSENT}",
                          text, re.I))


def _searched(results: Sequence[ClauseResult], categories: tuple[str, ...]) -> dict[str, object]:
    return {"categories": list(categories), "paragraphs": len(results),
            "in_categories": [r.id for r in results if r.label in categories][:50]}


def _trap(flag_id: str, protect: list[Sentence], undo: list[Sentence], absent_msg: str, undone_msg: str,
          results: Sequence[ClauseResult], cats: tuple[str, ...]) -> Flag | None:
    if undo:
        return Flag(flag_id, "high", undone_msg, "undermined", _evidence(undo))
    if not protect:
        return Flag(flag_id, "high", absent_msg, "absent", (), _searched(results, cats))
    return None


def trap_flags(sentences: Sequence[Sentence], concepts: dict[str, Concept], parties: Parties,
               results: Sequence[ClauseResult]) -> list[Flag]:
    """Raise each trap flag when the protection is absent or a paragraph undoes it.

    Every paragraph is searched, not only those of the expected category.
    """
    c = concepts.get
    client_only = {"client"}
    penalties = _hits(sentences, c("provider_penalty"))
    penalties += [s for s in _hits(sentences, c("indemnity_or_compensation")) if bound_party(s.text, parties) not in client_only]
    restrict = [s for s in _hits(sentences, c("disclosure_restricted"))
                if bound_party(s.text, parties) not in client_only or _client_consent(s.text, parties)]
    permit = [s for s in _hits(sentences, c("disclosure_permitted")) if bound_party(s.text, parties) != "client"
              or "consent" in s.text.lower()]
    price_ok = _hits(sentences, c("price_change_controlled"))
    price_bad = [s for s in _hits(sentences, c("price_change_unilateral")) if acting_party(s.text, parties) != "client"]
    price_bad += _hits(sentences, c("cost_pass_through"))
    flags: list[Flag] = []
    specs = (
        (FLAG_PENALTIES, penalties, _hits(sentences, c("liability_disclaimer_for_service_levels")),
         "no financial consequence for the provider's non-performance (no service credits, damages, penalties or indemnity)",
         "a paragraph undoes the provider's financial consequences for non-performance", (LIABILITY,)),
        (FLAG_DATA_CONSENT, restrict, permit,
         "nothing stops the provider passing the client's data to third parties without the client's consent",
         "a paragraph lets the provider pass the client's data to third parties without case-by-case consent",
         (CONFIDENTIALITY,)),
        (FLAG_PAYMENT_CHANGE, price_ok, price_bad,
         "nothing says how prices or payment terms may change",
         "a paragraph lets the provider change prices or add charges at its own discretion", (PAYMENT,)),
    )
    for flag_id, protect, undo, absent_msg, undone_msg, cats in specs:
        flag = _trap(flag_id, protect, undo, absent_msg, undone_msg, results, cats)
        if flag:
            flags.append(flag)
    return flags


def category_flags(results: Sequence[ClauseResult]) -> list[Flag]:
    """missing_category:<id> for each of the five categories no paragraph was classified as; the
    message names the paragraph the classifier found likeliest for it, for the reviewer to check."""
    present = {r.label for r in results}
    return [
        Flag(missing_category_flag(cat), "medium", f"no paragraph is classified as {cat}{_closest(results, cat)}", None,
             (), {"categories": [cat], "paragraphs": len(results)})
        for cat in CATEGORIES if cat not in present
    ]


def _closest(results: Sequence[ClauseResult], category: str) -> str:
    best = max(results, key=lambda r: r.scores.get(category, 0.0), default=None)
    if best is None or best.scores.get(category, 0.0) < 0.05:
        return ""
    return f" (likeliest: p.{best.page} ¶{best.id}, {best.scores[category]:.0%})"
