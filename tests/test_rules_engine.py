"""Concept loading (shipped and --rules), sentence splitting, who-binds-whom."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.document import Paragraph
from extractor.errors import UsageError
from extractor.parties import Parties, Party
from extractor.rules.engine import acting_party, bound_party, load_concepts, split_sentences

PARTIES = Parties(Party("Northgate Contact Ltd", ["Northgate", "Supplier"]), Party("Harbor Mutual", ["Harbor", "Customer"]))


def test_user_rules_extend_and_override(tmp_path: Path) -> None:
    user = tmp_path / "rules.json"
    user.write_text(json.dumps({"my_concept": {"patterns": ["\\bwidget\\b"], "examples": {"match": ["a widget"]}}}))
    concepts = load_concepts(user)
    assert "provider_penalty" in concepts and concepts["my_concept"].matches("One Widget.")


def test_user_rules_replace(tmp_path: Path) -> None:
    user = tmp_path / "rules.json"
    user.write_text(json.dumps({"replace": True, "only": {"patterns": ["x"]}}))
    assert list(load_concepts(user)) == ["only"]


@pytest.mark.parametrize("content", ["not json", "[1, 2]", json.dumps({"bad": {"patterns": ["("]}})])
def test_bad_user_rules_are_a_usage_error(tmp_path: Path, content: str) -> None:
    user = tmp_path / "rules.json"
    user.write_text(content)
    with pytest.raises(UsageError):
        load_concepts(user)


def test_keywords_and_requires_gate_a_concept(tmp_path: Path) -> None:
    user = tmp_path / "rules.json"
    user.write_text(json.dumps({"c": {"patterns": ["share"], "keywords": ["share"], "requires": ["data"]}}))
    concept = load_concepts(user)["c"]
    assert concept.matches("They share data.") and not concept.matches("They share offices.")


def test_sentences_keep_abbreviations_together() -> None:
    para = Paragraph(1, (2,), "Northgate Contact Ltd. shall answer calls. The Customer No. 5 shall pay; Harbor Inc. agrees.")
    texts = [s.text for s in split_sentences([para])]
    assert texts == ["Northgate Contact Ltd. shall answer calls.", "The Customer No. 5 shall pay;", "Harbor Inc. agrees."]


@pytest.mark.parametrize(("sentence", "bound"), [
    ("The Supplier shall indemnify the Customer against all losses.", "provider"),
    ("The Customer shall indemnify the Supplier against third-party claims.", "client"),
    ("Each party shall indemnify the other against losses caused by its negligence.", "mutual"),
    ("Neither party shall disclose Confidential Information to any third party.", "mutual"),
    ("Losses caused by improper performance shall be compensated by Northgate.", "provider"),
    ("Harbor will pay all invoices within 30 days.", "client"),
    ("Time is of the essence.", None),
    ("Northgate and Harbor each agree to hold the other's information in strict confidence.", "mutual"),
    ("(g) not to divulge to any person any information about the affairs of Harbor.", None),
])
def test_bound_party(sentence: str, bound: str | None) -> None:
    assert bound_party(sentence, PARTIES) == bound


def test_acting_party_is_the_agent_of_a_change() -> None:
    sentence = "Harbor is to be billed at an hourly rate of USD 80 unless notified otherwise by Northgate."
    assert acting_party(sentence, PARTIES) == "provider"
    assert acting_party("The Customer may change its delivery address.", PARTIES) == "client"
