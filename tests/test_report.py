"""The report structure and its renderings: what users and other tools read."""

from __future__ import annotations

import json

from extractor.render import render_text
from extractor.render_html import render_html
from extractor.report import QUOTE_CHARS, ClauseResult, ContractReport, Evidence, Flag, Term
from extractor.taxonomy import CATEGORIES, LABELS


def _report() -> ContractReport:
    scores = {lab: 0.0 for lab in LABELS}
    paras = [
        ClauseResult(1, 1, (1,), "1. SERVICES", "1. SERVICES", "The Supplier shall answer calls.", "scope_of_services",
                     0.91, {**scores, "scope_of_services": 0.91}, False, (72.0, 90.0, 500.0, 110.0)),
        ClauseResult(2, 2, (2, 3), None, None, "Fees are payable monthly.", "payment_and_term", 0.55,
                     {**scores, "payment_and_term": 0.55}, True),
    ]
    flag = Flag("missing_penalties", "high", "no financial consequence", "absent", (),
                {"categories": ["liability"], "paragraphs": 2, "in_categories": []})
    term = Term("payment_deadline", "30 days", (Evidence.of(2, 2, "Fees are payable monthly."),))
    return ContractReport("c.pdf", "ab" * 32, 3, {"name": "clause_classifier", "version": "9"},
                          {"provider": {"name": "Acme Contact Ltd", "terms": ["Supplier"]}, "client": None},
                          paras, [flag], [term], ["rotated_text: page 2"], ["Page 1 of 3"],
                          {"rules_sha256": None, "provider": "Acme Contact Ltd", "client": None, "review_threshold": 0.6})


def test_json_schema_fields() -> None:
    data = json.loads(_report().to_json())
    assert list(data)[:7] == ["schema_version", "file", "sha256", "pages", "model", "settings", "parties"]
    assert data["settings"]["provider"] == "Acme Contact Ltd" and data["settings"]["rules_sha256"] is None
    assert data["schema_version"] == "1.1" and data["parties"]["client"] is None
    assert set(data["categories"]) == set(CATEGORIES)
    assert data["categories"]["scope_of_services"] == {"present": True, "paragraphs": [1]}
    assert data["categories"]["liability"] == {"present": False, "paragraphs": []}
    para = data["paragraphs"][1]
    assert para["pages"] == [2, 3] and para["page"] == 2 and para["needs_review"] is True and para["heading"] is None
    flag = data["flags"][0]
    assert flag["reason"] == "absent" and flag["evidence"] == [] and flag["searched"]["categories"] == ["liability"]
    assert data["removed_furniture"] == ["Page 1 of 3"] and data["warnings"] == ["rotated_text: page 2"]


def test_long_quotes_are_cut_with_an_ellipsis() -> None:
    ev = Evidence.of(4, 2, "word " * 200)
    assert len(ev.quote) == QUOTE_CHARS and ev.quote.endswith("…")


def test_text_and_markdown_renderings() -> None:
    text = render_text(_report())
    assert "provider: Acme Contact Ltd (Supplier)" in text and "client:   unknown (set it with --client)" in text
    assert "  liability            MISSING" in text
    assert "! missing_penalties (high) [absent]: no financial consequence" in text
    assert "needs review" in text
    md = render_text(_report(), markdown=True, show_paragraphs=False)
    assert md.startswith("# c.pdf") and "- **missing_penalties** (high) [absent]" in md and "## Paragraphs" not in md


def test_html_rendering_is_escaped_and_complete() -> None:
    report = _report()
    report.paragraphs[0] = report.paragraphs[0].__class__(**{**report.paragraphs[0].__dict__, "text": "<b>bold</b> & co"})
    html = render_html(report)
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; co" in html and "<b>bold</b>" not in html
    assert 'class="missing">MISSING' in html and "class=review" in html
