"""The spaCy pipeline: a blank English tokenizer, built once per process.

Nothing is downloaded: no trained spaCy model is needed.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

_NUM = re.compile(r"\d")


@lru_cache(maxsize=1)
def get_nlp() -> Any:
    """The shared blank English pipeline (its tokenizer is what the classifier's features use)."""
    import spacy

    nlp = spacy.blank("en")
    nlp.max_length = 5_000_000
    return nlp


def stem(word: str) -> str:
    """A light, deterministic suffix stripper standing in for lemmas (no lookup tables needed)."""
    for suffix in ("ations", "ation", "ities", "ity", "ings", "ing", "ies", "ied", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + ("y" if suffix in ("ies", "ied", "ities", "ity") else "")
    return word


def tokens(text: str) -> list[str]:
    """Lower-cased, digit-blind, stemmed word tokens of ``text`` (spaCy's tokenizer)."""
    nlp = get_nlp()
    out = []
    for tok in nlp.tokenizer(text):
        if tok.is_space or tok.is_punct:
            continue
        low = _NUM.sub("0", tok.lower_)
        out.append(stem(low) if tok.is_alpha else low)
    return out
