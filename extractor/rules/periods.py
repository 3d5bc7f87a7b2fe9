"""Periods as contracts write them ("thirty (30) days", "ninety days", "3 months"), normalised and in days."""

from __future__ import annotations

import re

#: A number as contracts write it: "30", "thirty (30)", "thirty", "one-hundred eighty (180)".
NUM = r"(?:[a-z]+(?:[- ][a-z]+){0,2} \(\d+\)|\d+|[a-z]+(?:-[a-z]+)?)"
PERIOD = rf"{NUM} (?:calendar |business |working |banking )?(?:days?|months?|years?|weeks?)"
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
          "eleven": 11, "twelve": 12, "fifteen": 15, "eighteen": 18, "twenty": 20, "twenty-four": 24, "thirty": 30,
          "forty-five": 45, "sixty": 60, "ninety": 90, "one hundred twenty": 120, "one hundred eighty": 180}
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}


def period(text: str) -> str:
    """"thirty (30) days" -> "30 days"; "ninety days" -> "90 days"; otherwise the text, trimmed."""
    m = re.match(r"(?:([a-z]+(?:[- ][a-z]+){0,2}) \((\d+)\)|(\d+)|([a-z]+(?:[- ][a-z]+)?))\s+(.*)$", text.strip(), re.I)
    if not m:
        return text.strip()
    number = m.group(2) or m.group(3) or _WORDS.get((m.group(4) or "").lower())
    return f"{number} {m.group(5)}" if number else text.strip()


def days(value: str) -> int | None:
    """A normalised period ("90 days", "3 months") in days, or None."""
    m = re.match(r"(\d+) (?:calendar |business |working |banking )?(day|week|month|year)s?\b", value)
    return int(m.group(1)) * _UNIT_DAYS[m.group(2)] if m else None
