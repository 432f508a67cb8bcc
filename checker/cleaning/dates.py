"""The publication date an article states in its header ("发表时间: 2025-07-21", "Published July 1, 2025")."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from checker.cleaning.data import DatePattern, date_data
from checker.cleaning.edits import line_spans


@cache
def date_patterns() -> tuple[tuple[DatePattern, re.Pattern[str]], ...]:
    """The date patterns, compiled, in the order they are tried."""
    return tuple((p, re.compile(p.regex)) for p in date_data().patterns)


def find_date(folded: str) -> dt.date | None:
    """The first real date a pattern finds in the head of a folded text (None if none)."""
    patterns = date_patterns()
    deepest = max((p.max_line for p, _ in patterns), default=0)
    lines = [folded[s:e].lower() for s, e in line_spans(folded)[:deepest]]
    for pattern, regex in patterns:
        for line in lines[:pattern.max_line]:
            for match in regex.finditer(line):
                found = _as_date(match)
                if found is not None:
                    return found
    return None


def _as_date(match: re.Match[str]) -> dt.date | None:
    """The date the year/month/day groups of a match spell, if it is a real date."""
    month_text = match.group("month")
    month = int(month_text) if month_text.isdigit() else date_data().months.get(month_text.rstrip("."))
    if month is None:
        return None
    try:
        return dt.date(int(match.group("year")), month, int(match.group("day")))
    except ValueError:
        return None
