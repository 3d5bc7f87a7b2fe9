"""Every example in concepts.json is a test case: 'match' must match, 'no_match' must not."""

from __future__ import annotations

import pytest

from extractor.rules.engine import load_concepts

CONCEPTS = load_concepts()
CASES = [(cid, kind, text) for cid, c in CONCEPTS.items() for kind in ("match", "no_match") for text in c.examples.get(kind, [])]


def test_every_concept_has_both_kinds_of_example() -> None:
    for concept in CONCEPTS.values():
        assert concept.examples.get("match") and concept.examples.get("no_match"), concept.id


@pytest.mark.parametrize(("cid", "kind", "text"), CASES, ids=[f"{c}:{k}:{i}" for i, (c, k, _) in enumerate(CASES)])
def test_example(cid: str, kind: str, text: str) -> None:
    assert CONCEPTS[cid].matches(text) is (kind == "match")
