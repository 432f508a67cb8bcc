"""Faster runs of regular expressions: characters a pattern cannot match without (`:` in 10:45), and a leading
negative lookbehind checked apart, so that the search can skip ahead to the pattern's first character."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterator

try:  # the parser and compiler behind `re`; without them every pattern is simply run
    from re import _compiler, _constants as _codes, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python < 3.11
    _parser = _codes = _compiler = None

MAX_SET = 12  # a larger set of alternatives is no useful gate
MAX_SPELT = 64  # a pattern's start spelt out as more options than this is left as it is
Gate = tuple[frozenset[str], ...]  # every set must have a member in the text
SHORT_TEXT = 256  # up to this length, a text's set of characters is made to check gates in
_PREPARED: dict[int, tuple[tuple[re.Pattern[str], ...], list[Any]]] = {}  # id of a tuple of patterns -> prepared


@lru_cache(maxsize=None)
def gate_of(pattern: re.Pattern[str]) -> Gate:
    """The sets of characters a match must contain one of each, sets with an ASCII letter left out (empty: no gate)."""
    return tuple(s for s in needed(pattern) if not any(c.isascii() and c.isalpha() for c in s))


@lru_cache(maxsize=None)
def needed(pattern: re.Pattern[str]) -> Gate:
    """The sets of characters a match must contain one of each (empty: none known)."""
    if _parser is None:
        return ()
    try:
        items = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # an expression the parser reads differently: none known
        return ()
    if pattern.flags & re.IGNORECASE:
        return ()
    return tuple(s for s in (_required(item) for item in items) if s)


def spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """The spans `pattern.finditer(text)` gives, found faster."""
    behind, rest, gates = _prepared(pattern)
    for gate in gates:
        if gate.search(text) is None:
            return []
    return _run(behind, rest, text)


def every_span(patterns: tuple[re.Pattern[str], ...], text: str) -> list[tuple[int, int]]:
    """The spans of each pattern in turn (as `spans` finds them), prepared once per tuple; in a short text the
    characters a pattern needs are looked up in the set of its characters, in a long one with `in`."""
    entry = _PREPARED.get(id(patterns))
    if entry is None or entry[0] is not patterns:
        entry = _PREPARED[id(patterns)] = (patterns, [(*_prepared(p), gate_of(p)) for p in patterns])
    chars = set(text) if len(text) <= SHORT_TEXT else None
    found = []
    for behind, rest, _, needs in entry[1]:
        if any(map(chars.isdisjoint, needs)) if chars is not None else \
                not all(any(c in text for c in need) for need in needs):  # `in` finds one character fastest
            continue
        found += _run(behind, rest, text)
    return found


def _run(behind: re.Pattern[str] | None, rest: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """The spans of a pattern split into its lookbehind and the rest."""
    found, pos = [], 0
    while (match := rest.search(text, pos)) is not None:
        start, end = match.span()
        if behind is not None and behind.match(text, start) is None:
            pos = start + 1
            continue
        found.append((start, end))
        pos = end if end > start else start + 1
    return found


@lru_cache(maxsize=None)
def _prepared(pattern: re.Pattern[str]) -> tuple[re.Pattern[str] | None, re.Pattern[str], tuple[re.Pattern[str], ...]]:
    """The lookbehind, the rest, and one character class per set of needed characters."""
    gates = tuple(re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]") for chars in gate_of(pattern))
    behind, rest = _split_lookbehind(pattern)
    return behind, _first_char_apart(rest), gates


def _first_char_apart(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern rewritten to start with one character (class) or a choice of options that each start with a
    literal character, the same matches in the same order: a leading repeat of one character split (X{m,n} ->
    X X{m-1,n-1}), a leading choice spelt out ((?:[一二]|十)月 -> 一月|二月|十月, 二?十 -> 二十|十). Such a pattern is
    searched by skipping to where its first character stands, in C."""
    if _parser is None or pattern.groups:
        return pattern
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
        options = _spelt(list(parsed.data), spell_class=False)
        if options is None or options == [list(parsed.data)]:
            return pattern
        parsed.data = options[0] if len(options) == 1 else \
            [(_codes.BRANCH, (None, [_parser.SubPattern(parsed.state, option) for option in options]))]
        return _compiler.compile(parsed, pattern.flags)  # type: ignore[no-any-return]
    except Exception:  # an expression the parser reads differently: the pattern as it is
        return pattern


def _spelt(items: list[Any], spell_class: bool) -> list[list[Any]] | None:
    """Sequences of parsed items, each starting with a literal character (or a class, unless `spell_class`), that
    match what `items` match, tried in the same order; None when there is no such short list."""
    if not items:
        return None
    (op, arg), rest = items[0], items[1:]
    if op is _codes.LITERAL or op is _codes.IN and not spell_class:
        return [items]
    if op is _codes.IN:
        chars = _class_chars(arg, MAX_SPELT)
        return None if chars is None else [[(_codes.LITERAL, ord(c)), *rest] for c in sorted(chars)]
    found: list[list[Any]] | None = None
    if op is _codes.BRANCH:
        found = []
        for option in arg[1]:
            spelt = _spelt([*option.data, *rest], spell_class=True)
            if spelt is None:
                return None
            found += spelt
    elif op in (_codes.MAX_REPEAT, _codes.MIN_REPEAT) and len(arg[2].data) == 1:
        low, high, item = arg
        if low >= 1:
            high = high if high == _codes.MAXREPEAT else high - 1
            found = _spelt([item.data[0], (op, (low - 1, high, item)), *rest], spell_class)
        elif op is _codes.MAX_REPEAT and high == 1:  # X? tries X first, then nothing
            taken, skipped = _spelt([item.data[0], *rest], True), _spelt(rest, True)
            found = None if taken is None or skipped is None else taken + skipped
    return found if found is not None and len(found) <= MAX_SPELT else None


def _split_lookbehind(pattern: re.Pattern[str]) -> tuple[re.Pattern[str] | None, re.Pattern[str]]:
    """The leading lookbehinds and lookaheads (checked apart where the rest matches: they take no characters) and the
    rest of the pattern, compiled apart ((None, pattern) if none)."""
    source, end = pattern.pattern, 0
    if pattern.flags & re.VERBOSE or pattern.groups:
        return None, pattern
    while source.startswith(("(?<!", "(?<=", "(?!", "(?="), end) and (group := _group_end(source[end:])) is not None:
        end += group
    if not end or "|" in _top_level(source[end:]):
        return None, pattern
    try:
        return re.compile(source[:end], pattern.flags), re.compile(source[end:], pattern.flags)
    except re.error:  # pragma: no cover - the rest alone is no expression
        return None, pattern


def _outside_classes(source: str) -> Iterator[tuple[int, str, int]]:
    """Each character of a source outside escapes and classes, with the group depth after it: (index, char, depth)."""
    depth, i = 0, 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = source.index("]", i + 2) + 1 if "]" in source[i + 2:] else len(source)
            continue
        depth += {"(": 1, ")": -1}.get(char, 0)
        yield i, char, depth
        i += 1


def _group_end(source: str) -> int | None:
    """The index after the group that opens the source, or None."""
    return next((i + 1 for i, _, depth in _outside_classes(source) if depth == 0), None)


def _top_level(source: str) -> str:
    """The characters of a source outside any group or class (to find a top-level "|")."""
    return "".join(char for _, char, depth in _outside_classes(source) if depth == 0 and char not in "()")


def _required(item: tuple[Any, Any]) -> frozenset[str] | None:
    """The characters one item of a parsed sequence needs, one of them at least (None: none known)."""
    op, arg = item
    if op is _codes.LITERAL:
        return frozenset(chr(arg))
    if op is _codes.IN:
        return _class_chars(arg)
    if op is _codes.SUBPATTERN:
        return _sequence(arg[-1])
    if op in (_codes.MAX_REPEAT, _codes.MIN_REPEAT) and arg[0] >= 1:
        return _sequence(arg[2])
    if op is _codes.BRANCH:
        options = [_sequence(branch) for branch in arg[1]]
        if all(options):
            union = frozenset().union(*options)  # type: ignore[arg-type]
            return union if len(union) <= MAX_SET else None
    return None


def _class_chars(items: Any, most: int = MAX_SET) -> frozenset[str] | None:
    """The characters of a class of literals and short ranges ([0-9], [-/.]); None for any other class."""
    chars: set[str] = set()
    for op, arg in items:
        if op is _codes.LITERAL:
            chars.add(chr(arg))
        elif op is _codes.RANGE and arg[1] - arg[0] < most:
            chars.update(map(chr, range(arg[0], arg[1] + 1)))
        else:
            return None
    return frozenset(chars) if len(chars) <= most else None


def _sequence(items: Any) -> frozenset[str] | None:
    """The most selective requirement of a sequence: its first with no ASCII letter or digit, else its first."""
    found = [r for r in (_required(item) for item in items) if r]
    rare = [r for r in found if not any(c.isalnum() and c.isascii() for c in r)]
    return (rare or found or [None])[0]


MAX_PREFIXES = 2000  # more literal prefixes than this: no useful search pattern
MAX_CLASS = 128  # a larger character class ends what is known of the prefixes
Prefixes = tuple[set[str], set[str]]  # (prefixes a match may go on after, prefixes that end what is known)


def literal_prefixes(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Non-empty strings one of which every match of the pattern starts with (None: none known, or too many)."""
    if _parser is None or pattern.flags & re.IGNORECASE:
        return None
    try:
        found = _prefixes(list(_parser.parse(pattern.pattern, pattern.flags)))
    except Exception:  # an expression the parser reads differently: none known
        return None
    every = found[0] | found[1] if found else {""}
    return frozenset(every) if "" not in every and len(every) <= MAX_PREFIXES else None


def _prefixes(items: Any) -> Prefixes | None:
    """The literal prefixes of a sequence of parsed items (zero-width assertions skipped), or None."""
    open_, closed = {""}, set()
    for op, arg in items:
        if op in (_codes.ASSERT, _codes.ASSERT_NOT):
            continue
        if op is _codes.LITERAL:
            open_ = {p + chr(arg) for p in open_}
        elif op is _codes.IN and (chars := _class_chars(arg, MAX_CLASS)) is not None:
            open_ = {p + c for p in open_ for c in chars}
        elif op in (_codes.SUBPATTERN, _codes.BRANCH):
            found = [_prefixes(sub) for sub in ([arg[-1]] if op is _codes.SUBPATTERN else arg[1])]
            if any(f is None for f in found):
                return None
            closed |= {p + s for p in open_ for f in found for s in f[1]}  # type: ignore[index]
            open_ = {p + s for p in open_ for f in found for s in f[0]}  # type: ignore[index]
        elif op in (_codes.MAX_REPEAT, _codes.MIN_REPEAT) and arg[0] >= 1 and (once := _prefixes(arg[2])) is not None:
            return set(), closed | {p + s for p in open_ for s in once[0] | once[1]}
        else:
            return set(), closed | open_
        if len(open_) + len(closed) > MAX_PREFIXES:
            return None
    return open_, closed


def prefix_search(prefixes: frozenset[str], word_start: str = "a-z") -> re.Pattern[str]:
    """A pattern found where one of the prefixes stands (a prefix that begins with a `word_start` letter: only where
    no such letter stands before it), searched by skipping to the prefixes' first characters."""
    by_first: dict[str, set[str]] = {}
    for prefix in prefixes:
        by_first.setdefault(prefix[0], set()).add(prefix[1:])
    letters = re.compile(f"[{word_start}]")
    options = []
    for first, rests in sorted(by_first.items()):
        guard = f"(?<![{word_start}].)" if letters.fullmatch(first) else ""
        rest = "" if "" in rests else "(?:" + "|".join(re.escape(r) for r in sorted(rests, key=lambda r: (-len(r), r))) + ")"
        options.append(re.escape(first) + guard + rest)
    return re.compile("|".join(options))
