"""Paragraph -> feature text: the scikit-learn transformers the classifier Pipeline is built from."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion, Pipeline

from extractor.nlp import tokens

Record = Mapping[str, Any]
_INLINE_TITLE = re.compile(r"^\s*(?:(?:section|clause|article)\s+)?[\d.()a-z]{0,8}\s*([A-Z][A-Za-z,;&/' -]{2,60}?)\.\s", re.I)
_CLAUSE_NUM = re.compile(r"^\s*(?:(section|clause|article)\s+)?(\d+(?:\.\d+)*|\([a-z]+\)|\([ivx]+\))", re.I)


def _structure(text: str) -> list[str]:
    m = _CLAUSE_NUM.match(text)
    marks = []
    if m:
        num = m.group(2)
        marks.append(f"__num_depth_{num.count('.') + 1 if num[0].isdigit() else 'sub'}")
    return marks


def inline_title(text: str) -> str:
    """The run-in title of a clause ("4.2 Service Credits. If ..." -> "Service Credits"), or ""."""
    m = _INLINE_TITLE.match(text)
    return m.group(1) if m and len(m.group(1).split()) <= 6 else ""


class ParagraphText(BaseEstimator, TransformerMixin):  # type: ignore[misc]
    """Turn records (``text``, optional ``heading``) into one token string per record.

    part="body": stemmed body tokens plus structure marks; part="heading": heading tokens,
    prefixed so they never mix with body words; part="raw": lower-cased body text for
    character n-grams.
    """

    def __init__(self, part: str = "body") -> None:
        self.part = part

    def fit(self, records: Iterable[Record], y: Any = None) -> ParagraphText:
        return self

    def transform(self, records: Iterable[Record]) -> list[str]:
        return [self._one(r) for r in records]

    def _one(self, record: Record) -> str:
        text = str(record.get("text") or "")
        if self.part == "heading":
            heading = str(record.get("heading") or "")
            toks = tokens(heading) + tokens(inline_title(text))
            return " ".join(["h_" + t for t in toks] or ["h__none"])
        if self.part == "raw":
            return re.sub(r"\d", "0", text.lower())[:1500]
        return " ".join(tokens(text) + _structure(text))


def _split(doc: str) -> list[str]:
    return doc.split()


def build_features() -> FeatureUnion:
    """Word 1-2-grams of the body, heading words, and character 3-5-grams of the body."""
    body = Pipeline([("prep", ParagraphText("body")), ("tfidf", TfidfVectorizer(
        tokenizer=_split, token_pattern=None, lowercase=False, ngram_range=(1, 2), min_df=2, sublinear_tf=True))])
    heading = Pipeline([("prep", ParagraphText("heading")), ("tfidf", TfidfVectorizer(
        tokenizer=_split, token_pattern=None, lowercase=False, ngram_range=(1, 2), min_df=1, sublinear_tf=True))])
    chars = Pipeline([("prep", ParagraphText("raw")), ("tfidf", TfidfVectorizer(
        analyzer="char_wb", ngram_range=(3, 5), min_df=3, sublinear_tf=True, max_features=60000))])
    return FeatureUnion([("body", body), ("heading", heading), ("chars", chars)],
                        transformer_weights={"body": 1.0, "heading": 0.8, "chars": 0.7})
