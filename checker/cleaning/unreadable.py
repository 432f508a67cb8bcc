"""Damage that cannot be undone (U+FFFD, 锟斤拷): the text stays, each line it is on gets a warning."""

from __future__ import annotations

import re
from functools import cache

from checker.cleaning.data import cleaning_data


@cache
def unreadable_patterns() -> tuple[re.Pattern[str], ...]:
    """The compiled patterns of the unreadable rules."""
    return tuple(re.compile(rule.regex) for rule in cleaning_data().unreadable)


def unreadable_spans(text: str) -> list[tuple[int, int]]:
    """Spans of unreadable text, in order."""
    if text.isascii():
        return []
    return sorted(m.span() for pattern in unreadable_patterns() for m in pattern.finditer(text))
