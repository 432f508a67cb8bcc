"""Readings that are no quantity: dates, ordinals, idioms, years, and numbers that are part of a name."""

from __future__ import annotations

import re
import unicodedata

from checker.quantities.reader import Reading
from checker.quantities.tables import Tables
from checker.quantities.words import SPACES, Texts, is_latin

_WORD_CHARS = ".'"
_WORD = re.compile("[a-z]+")


def is_quantity(texts: Texts, reading: Reading, tables: Tables) -> bool:
    """False for a reading the filters other than the not-a-quantity patterns (tables.blocked_at) rule out."""
    numeral = reading.numeral
    if reading.affix is None:
        if numeral.year_like and not reading.negative and tables.years.min <= numeral.value <= tables.years.max:
            return False
        if numeral.chinese and numeral.end - numeral.start == 1 and not tables.bare_single_chinese \
                and not _isolated(texts.lower, numeral.start, tables):
            return False
        if reading.end == numeral.end and _glued_after(texts.lower, numeral.end, tables.number_words):
            return False  # a qualifier word after it (1,000-plus) is no name part
        if _name_before(texts, reading.start, tables):
            return False
    if _indefinite_article(texts.lower, reading, tables):
        return False
    return not _glued_before(texts.lower, reading.start, reading.affix is not None)


def _isolated(lower: str, start: int, tables: Tables) -> bool:
    """A single character standing alone: between quotes, spaces or the text's ends (“五”, a lone 二), or after
    是/前 before an end, a mark, a punctuation mark or 的/这/不 (这是五那是四, 前三的品牌)."""
    marks = tables.isolating_marks
    before = lower[start - 1] if start > 0 else " "
    after = lower[start + 1] if start + 1 < len(lower) else " "
    ends = after in marks or after in SPACES
    if ends and (before in marks or before in SPACES):
        return True
    return before in tables.lone_after and (ends or after in tables.lone_before or unicodedata.category(after)[0] == "P")


def _indefinite_article(lower: str, reading: Reading, tables: Tables) -> bool:
    """一 before a measure word with no qualifier: "a", not a count (一场竞赛)."""
    numeral = reading.numeral
    affix = reading.affix
    return affix is not None and affix.kind == "count" and affix.factor == 1 and reading.qualifier is None \
        and lower[numeral.start:numeral.end] in tables.indefinite_articles


def _glued_after(lower: str, end: int, number_words: frozenset[str]) -> bool:
    """A Latin letter right after the number, or a hyphen and a word that is no number (4o, 3D, one-time, 4-way)."""
    if end < len(lower) and is_latin(lower[end]):
        return True
    if end + 1 < len(lower) and lower[end] == "-" and is_latin(lower[end + 1]):
        return _WORD.match(lower, end + 1).group() not in number_words  # type: ignore[union-attr]
    return False


def _glued_before(lower: str, start: int, has_unit: bool) -> bool:
    """A Latin letter right before the number: a name (H100, o3, FY2025) unless a unit follows (AI49%)."""
    return start > 0 and is_latin(lower[start - 1]) and not has_unit


def _name_before(texts: Texts, start: int, tables: Tables) -> bool:
    """A Latin word joined to the number by a hyphen (GPT-4) or a space (Llama 4, Claude 3.5)."""
    if start < 2 or texts.lower[start - 1] not in "- ":
        return False
    word_end = start - 1
    word_start = word_end
    while word_start > 0 and (texts.lower[word_start - 1].isascii() and
                              (texts.lower[word_start - 1].isalnum() or texts.lower[word_start - 1] in _WORD_CHARS)):
        word_start -= 1
    word = texts.original[word_start:word_end]
    if not any(is_latin(c) for c in word):
        return False
    if texts.lower[start - 1] == "-":
        return word.lower() not in tables.number_words  # three-nought-four: three numbers
    if word.lower().strip(_WORD_CHARS) in tables.latin_function_words:
        return False
    return any(c.isupper() or c.isdigit() for c in word)
