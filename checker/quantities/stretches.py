"""Patterns run only where their matches are consulted: over the stretches of text around given positions (numeral
starts) made of the characters the patterns can test, joined into one short text.

A pattern that consumes at least one character and tests only literal characters and classes of them (lookarounds
included) never matches across a character none of them tests: its matches in a text are its matches in each such
stretch, and the stretch reads the same whether that character or another one none of them tests (the joining
separator) bounds it. Any other pattern (a negated class, `.`, an anchor) runs over the whole text."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable

from checker.quantities.regex_gate import literal_prefixes, needed, spans

try:  # the parser behind `re`; without it every pattern runs over the whole text
    from re import _constants as _codes, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python < 3.11
    _parser = _codes = None

ANCHOR_SPACING = 30  # fewer anchors than one per this many characters: run around them, else over the whole text
MAX_PREFIXES = 16  # a wide pattern whose matches start with one of at most this many strings: run where one stands
SEPARATORS = "\x00\x01\x02\x03\x04"  # the first that no pattern tests joins the stretches
_CATEGORIES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_SPACE": r"\s", "CATEGORY_WORD": r"\w"}
Patterns = tuple[re.Pattern[str], ...]
Span = tuple[int, int]


@dataclass(frozen=True)
class Narrow:
    """A pattern whose characters are known: a run of them, and where a match may stand."""

    pattern: re.Pattern[str]
    stretch: re.Pattern[str]
    anchor: re.Pattern[str] | None  # the characters of the smallest set a match needs one of


@dataclass(frozen=True)
class Split:
    """Patterns run over the stretches (narrow) and over the whole text (wide)."""

    narrow: tuple[Narrow, ...]
    wide: tuple[tuple[re.Pattern[str], frozenset[str] | None], ...]  # with the strings every match starts with one of
    stretch: re.Pattern[str] | None  # a run of characters some narrow pattern tests
    separator: str


def covered(patterns: Patterns, text: str, positions: Iterable[int]) -> set[int]:
    """The positions that a span of one of the patterns covers (each pattern's matches as `finditer` finds them)."""
    wanted = sorted(set(positions))
    if not wanted:
        return set()
    split = _split(patterns)
    marks = bytearray(len(text))
    for pattern, prefixes in split.wide:
        if prefixes is None or any(prefix in text for prefix in prefixes):  # else no match can start anywhere
            for start, end in spans(pattern, text):
                marks[start:end] = b"\x01" * (end - start)
    if split.stretch is not None:
        _mark_stretches(split, text, wanted, marks)
    return {p for p in wanted if marks[p]}


def _mark_stretches(split: Split, text: str, wanted: list[int], marks: bytearray) -> None:
    """Mark the narrow patterns' spans, found in the stretches that hold a wanted position joined into one text."""
    stretches = _stretches(split.stretch, text, wanted, "")  # type: ignore[arg-type]
    if not stretches:
        return
    parts, starts, shifts, length = [], [], [], 0
    for start, end in stretches:
        if start > 0 or parts:
            parts.append(split.separator)
            length += 1
        parts.append(text[start:end])
        starts.append(length)
        shifts.append(start - length)
        length += end - start
    if stretches[-1][1] < len(text):
        parts.append(split.separator)
    joined = "".join(parts)
    reverse = joined[::-1]
    for narrow in split.narrow:
        for start, end in _narrow_spans(narrow, joined, reverse):
            shift = shifts[bisect_right(starts, start) - 1]
            marks[start + shift:end + shift] = b"\x01" * (end - start)


def _narrow_spans(narrow: Narrow, text: str, reverse: str) -> list[Span]:
    """A narrow pattern's spans: in the stretches of its own characters around its anchors, or over the whole text."""
    anchors = _anchors(narrow.anchor, text)
    if anchors is None:
        return _chain(narrow.pattern, text, 0, len(text))
    found: list[Span] = []
    for start, end in _stretches(narrow.stretch, text, anchors, reverse) if anchors else ():
        found += _chain(narrow.pattern, text, start, end)
    return found


def _anchors(anchor: re.Pattern[str] | None, text: str) -> list[int] | None:
    """Where the characters of the pattern's smallest needed set stand in the text (None: no set needed, or so many
    that running over the whole text is faster)."""
    if anchor is None:
        return None
    if anchor.search(text) is None:
        return []
    found = [m.start() for m in anchor.finditer(text)]
    return None if len(found) * ANCHOR_SPACING > len(text) else found


def _chain(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[Span]:
    """The spans `finditer` finds in text[start:end] (the pattern matches at least one character)."""
    found = []
    while (match := pattern.search(text, start, end)) is not None:
        found.append(match.span())
        start = match.end()
    return found


def _stretches(stretch: re.Pattern[str], text: str, wanted: list[int], reverse: str) -> list[Span]:
    """The maximal runs of `stretch` characters that hold a wanted position (sorted), in text order."""
    found: list[Span] = []
    for pos in wanted:
        if found and pos < found[-1][1]:
            continue
        ahead = stretch.match(text, pos)
        if ahead is None:  # no narrow pattern tests this character: no narrow match covers it
            continue
        reverse = reverse or text[::-1]
        back = stretch.match(reverse, len(text) - pos)
        found.append((pos - (back.end() - back.start() if back else 0), ahead.end()))
    return found


@lru_cache(maxsize=None)
def _split(patterns: Patterns) -> Split:
    """The patterns split by whether their characters are known, with the run and separator of the narrow ones."""
    classes = {p: alphabet(p) for p in patterns}
    known = [p for p in patterns if classes[p] is not None]
    if not known:
        return Split((), _wide(patterns), None, "")
    chars = re.compile("[" + "".join(sorted({classes[p] for p in known})) + "]")  # type: ignore[misc]
    separator = next((s for s in SEPARATORS if chars.match(s) is None), None)
    if separator is None:  # pragma: no cover - the separators are control characters no pattern names
        return Split((), _wide(patterns), None, "")
    narrow = tuple(Narrow(p, re.compile(f"[{classes[p]}]+"), _anchor(p)) for p in known)
    wide = _wide(tuple(p for p in patterns if classes[p] is None))
    return Split(narrow, wide, re.compile(chars.pattern + "+"), separator)


def _wide(patterns: Patterns) -> tuple[tuple[re.Pattern[str], frozenset[str] | None], ...]:
    """Each pattern with the literal strings every match of it starts with one of (None: unknown, or too many)."""
    found = [(p, literal_prefixes(p)) for p in patterns]
    return tuple((p, None if prefixes is None or len(prefixes) > MAX_PREFIXES else prefixes) for p, prefixes in found)


def _anchor(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A class of the characters of the smallest set a match of the pattern needs one of, a set with no ASCII letter
    or digit first (as regex_gate prefers them: rarer), or None when none is known."""
    needs = needed(pattern)
    smallest = min(needs, key=lambda need: (any(c.isascii() and c.isalnum() for c in need), len(need), sorted(need))) \
        if needs else None
    return None if smallest is None else re.compile("[" + "".join(re.escape(c) for c in sorted(smallest)) + "]")


def alphabet(pattern: re.Pattern[str]) -> str | None:
    """A character class body of every character the pattern can test, or None (unknown, or a pattern that may
    match nothing, ignore case, or test a negated class, `.` or a position such as `$` and `\\b`)."""
    if _parser is None or pattern.flags & re.IGNORECASE:
        return None
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # an expression the parser reads differently: unknown
        return None
    if parsed.getwidth()[0] == 0:
        return None
    pieces = _pieces(list(parsed.data))
    return None if pieces is None else "".join(sorted(set(pieces)))


def _pieces(items: list[Any]) -> list[str] | None:
    """The class pieces of a parsed sequence, or None when it tests anything else."""
    found: list[str] = []
    for op, arg in items:
        if op is _codes.LITERAL:
            piece: list[str] | None = [re.escape(chr(arg))]
        elif op is _codes.IN:
            piece = _class_pieces(arg)
        elif op is _codes.SUBPATTERN:
            piece = _pieces(list(arg[-1])) if not arg[1] and not arg[2] else None  # no inline flags
        elif op in (_codes.MAX_REPEAT, _codes.MIN_REPEAT, _codes.POSSESSIVE_REPEAT):
            piece = _pieces(list(arg[2]))
        elif op in (_codes.ASSERT, _codes.ASSERT_NOT):
            piece = _pieces(list(arg[1]))
        elif op is _codes.BRANCH:
            options = [_pieces(list(option)) for option in arg[1]]
            piece = None if any(o is None for o in options) else [p for o in options for p in o]  # type: ignore[union-attr]
        else:
            piece = None
        if piece is None:
            return None
        found += piece
    return found


def _class_pieces(items: list[Any]) -> list[str] | None:
    """The pieces of a class of literals, ranges and the digit, space and word categories; None for any other."""
    found = []
    for op, arg in items:
        if op is _codes.LITERAL:
            found.append(re.escape(chr(arg)))
        elif op is _codes.RANGE:
            found.append(f"{re.escape(chr(arg[0]))}-{re.escape(chr(arg[1]))}")
        elif op is _codes.CATEGORY and str(arg) in _CATEGORIES:
            found.append(_CATEGORIES[str(arg)])
        else:
            return None
    return found
