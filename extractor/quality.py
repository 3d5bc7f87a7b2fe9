"""Text-quality gates: refuse scans and garbage text layers instead of classifying them."""

from __future__ import annotations

import re

from extractor.errors import GarbledTextError, NoTextLayerError

_CID = re.compile(r"\(cid:\d+\)")
_WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)
_COMMON = frozenset(
    "the and of to in or by for any shall be this with such as on its is not that all which may will "
    "agreement party parties services service provider client customer contract days notice written "
    "payment fees terms date under other from each at an are has have no".split()
)
MIN_CHARS_PER_PAGE = 20


def check_text(name: str, text: str, pages: int) -> list[str]:
    """Raise when the text layer is missing or garbled; return warnings for weaker doubts."""
    stripped = text.strip()
    if len(stripped) < MIN_CHARS_PER_PAGE * max(1, pages) * 0.25 and len(stripped.split()) < 30:
        raise NoTextLayerError(
            f"no text layer ({len(stripped)} characters on {pages} page(s)); it looks scanned",
            name,
            "run OCR first, e.g. ocrmypdf",
        )
    cid = len(_CID.findall(text))
    tokens = text.split()
    if tokens and cid / len(tokens) > 0.05:
        raise GarbledTextError(f"garbled text: {cid} unmapped glyph codes (cid:N) in {len(tokens)} tokens", name, "run OCR first")
    words = _WORD.findall(text)
    if len(words) < 0.3 * len(tokens):
        raise GarbledTextError("garbled text: too few letter words in the text layer", name, "run OCR first")
    latin = [w for w in words if w.isascii()]
    if len(latin) < 0.5 * len(words):
        return ["unsupported_language: most words are not in the Latin alphabet; labels are unreliable"]
    common = sum(1 for w in latin if w.lower() in _COMMON)
    if latin and common / len(latin) < 0.08:
        return ["unsupported_language: few English function words; labels are unreliable"]
    return []
