"""Sentences and clauses of a text, as (start, end) spans with end exclusive, separators left out."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from checker.cleaning.data import SegmentationData, cleaning_data

_INITIALS = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]")
# a word starts after no letter, dot or apostrophe: the "s" of a possessive (Microsoft's.) is no initial
_LATIN_WORD_BEFORE = re.compile(r"(?<![A-Za-z.'’])[A-Za-z][A-Za-z.]*$")
_URLISH = frozenset("=&/#%")
# a space between two Han characters separates clauses, as in headlines ("估值达3000亿美元　软银领投400亿美元")
_HAN_GAP = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")


@dataclass(frozen=True)
class Segmenter:
    """The segmentation data, compiled."""

    data: SegmentationData
    ends: re.Pattern[str]  # candidate sentence ends: stops, full stops, line breaks
    separators: re.Pattern[str]  # candidate clause separators
    openers: dict[str, str]  # opening bracket -> its closing bracket
    brackets: re.Pattern[str]


@cache
def segmenter() -> Segmenter:
    """Compile the segmentation section of the cleaning data once."""
    data = cleaning_data().segmentation
    dashes = "".join(c for c in data.clause_separators if c in "—―")
    others = "".join(c for c in data.clause_separators if c not in dashes)
    separators = "|".join(filter(None, [f"[{re.escape(dashes)}]+" if dashes else "", f"[{re.escape(others)}]"]))
    pairs = "".join(data.brackets)
    return Segmenter(
        data=data,
        ends=re.compile(rf"[{re.escape(data.sentence_ends)}]+|\.+|\r\n|\r|\n"),
        separators=re.compile(separators),
        openers={pair[0]: pair[1] for pair in data.brackets},
        brackets=re.compile(f"[{re.escape(pairs)}]"),
    )


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: ends at 。！？!?, line breaks and an English full stop before a space."""
    seg = segmenter()
    spans, start = [], 0
    for match in seg.ends.finditer(text):
        if match.group()[0] in "\r\n":
            spans.append((start, match.start()))
            start = match.end()
        elif _ends_sentence(seg, text, match):
            end = _after_closers(seg, text, match.end())
            spans.append((start, end))
            start = end
    spans.append((start, len(text)))
    return [span for span in (_trimmed(text, s, e) for s, e in spans) if span[1] > span[0]]


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clause spans of text[start:end]: split at ，,；;：:, dashes and spaces between Han characters, not inside
    brackets or numbers.

    A separator between two digits belongs to a number (1,115亿, 10:45).
    """
    seg = segmenter()
    inside = _bracketed(seg, text, start, end)
    digit_separators = seg.data.digit_separators
    spans, current = [], start
    found = [*seg.separators.finditer(text, start, end), *_HAN_GAP.finditer(text, start, end)]
    for match in sorted(found, key=lambda m: m.start()):
        at = match.start()
        if any(low < at < high for low, high in inside):
            continue
        if match.group() in digit_separators and _between_digits(text, at, start, end):
            continue
        spans.append((current, at))
        current = match.end()
    spans.append((current, end))
    return [span for span in (_trimmed(text, s, e) for s, e in spans) if span[1] > span[0]]


def _ends_sentence(seg: Segmenter, text: str, match: re.Match[str]) -> bool:
    """Whether a run of stops ends a sentence where it stands."""
    following = text[match.end():match.end() + 1]
    if match.group()[0] == ".":
        return _full_stop_ends(seg, text, match.start(), _after_closers(seg, text, match.end()))
    if match.group()[-1] in "?!":
        return not (following.isascii() and (following.isalnum() or following in _URLISH))
    return True


def _full_stop_ends(seg: Segmenter, text: str, stop: int, after: int) -> bool:
    """Whether an English full stop ends a sentence: before whitespace or the end, after no abbreviation.

    Abbreviations are the listed words and initials ("Mr.", "U.S.", "D.A."); case plays no part
    (the claim extractor segments lower-cased text).
    """
    if after < len(text) and not text[after].isspace():
        return False
    word = _LATIN_WORD_BEFORE.search(text, max(0, stop - 40), stop)
    return not (word and (word.group().lower() in seg.data.abbreviations or _INITIALS.fullmatch(word.group())))


def _after_closers(seg: Segmenter, text: str, position: int) -> int:
    """The position after the quotes and brackets that close right after a stop."""
    closers = seg.data.closers
    while position < len(text) and text[position] in closers:
        following = text[position + 1:position + 2]
        if text[position] in "\"'" and following.isascii() and following.isalnum():
            break
        position += 1
    return position


def _bracketed(seg: Segmenter, text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(open, close) positions of the matched bracket pairs in text[start:end]."""
    stack: list[tuple[str, int]] = []
    pairs = []
    for match in seg.brackets.finditer(text, start, end):
        char = match.group()
        if char in seg.openers:
            stack.append((seg.openers[char], match.start()))
        elif stack and stack[-1][0] == char:
            pairs.append((stack.pop()[1], match.start()))
    return pairs


def _between_digits(text: str, at: int, start: int, end: int) -> bool:
    """A separator with a digit on both sides (inside the span)."""
    return start < at < end - 1 and text[at - 1].isdigit() and text[at + 1].isdigit()


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without whitespace at either end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
