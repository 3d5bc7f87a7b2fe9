"""Character-level clean-up of extracted text: ligatures, odd spaces, invisible marks."""

from __future__ import annotations

import re
import unicodedata

_LIGATURES = {
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
    "\ufb05": "st", "\ufb06": "st",
}
_SPACES = {"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u2002": " ", "\u2003": " ", "\t": " "}
_INVISIBLE = {"\u00ad": "", "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": ""}
_TABLE = str.maketrans({**_LIGATURES, **_SPACES, **_INVISIBLE})
_MULTI_SPACE = re.compile(r"[ ]{2,}")


def normalize(text: str) -> str:
    """Expand ligatures, turn odd spaces into plain ones, drop soft hyphens and zero-width marks.

    Smart quotes, dashes and the section sign are kept: they are readable and carry meaning.
    """
    text = unicodedata.normalize("NFC", text).translate(_TABLE)
    return _MULTI_SPACE.sub(" ", text).strip()


_PREFIXES = frozenset(
    "self non co anti multi pre post cross well long short third first second sub inter intra "
    "re de full part half semi out over under ex vice pan e".split()
)


def join_hyphenated(left: str, right: str, vocabulary: frozenset[str] = frozenset()) -> str:
    """Join ``left`` (ending in '-') with ``right`` across a line break.

    The hyphen is dropped when it is a line-break hyphen ("termi-" + "nation"), kept when the
    word is really hyphenated ("third-" + "party"). ``vocabulary`` holds the lower-cased words
    seen elsewhere in the document and settles the doubtful cases.
    """
    head = left[:-1]
    last = head.rsplit(" ", 1)[-1]
    first = right.split(" ", 1)[0]
    if not last or not last[-1].isalpha() or not first or not first[0].islower():
        return f"{left}{right}" if left.endswith("-") and right[:1].isdigit() else f"{left} {right}"
    joined = (last + first).strip(".,;:()").lower()
    hyphened = f"{last}-{first}".strip(".,;:()").lower()
    if hyphened in vocabulary and joined not in vocabulary:
        return f"{left}{right}"
    if joined in vocabulary or last.lower() not in _PREFIXES:
        return f"{head}{right}"
    return f"{left}{right}"
