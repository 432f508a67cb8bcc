"""The extractor's shortcuts (gated pattern runs, the shared fold table, cached numeral readings) give what the plain computations give."""

from __future__ import annotations

import re
from decimal import Context, Decimal

import pytest

from checker.quantities.intervals import plain
from checker.quantities.numerals import scanner
from checker.quantities.regex_gate import every_span, literal_prefixes, prefix_search, spans
from checker.quantities.stretches import alphabet, covered
from checker.quantities.tables import blocked_at, tables
from checker.quantities.words import Texts, _bmp_folds, fold_char
from tests.test_quantities_scan import SOURCES


def _plain_spans(pattern, text: str) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
    """Match spans of a pattern searched from each match's end (the reference)."""
    found, pos = [], 0
    while (match := pattern.search(text, pos)) is not None:
        found.append(match.span())
        pos = match.end() if match.end() > match.start() else match.start() + 1
    return found


@pytest.mark.parametrize("source", sorted(SOURCES))
def test_gated_spans_are_plain_spans(source: str) -> None:
    for text in SOURCES[source]:
        lower = Texts.of(text).lower
        plain = []
        for pattern in tables().blockers:
            assert spans(pattern, lower) == _plain_spans(pattern, lower), (pattern.pattern[:40], text[:60])
            plain += _plain_spans(pattern, lower)
        assert every_span(tables().blockers, lower) == plain, text[:60]
        for pattern in tables().splitters:
            assert spans(pattern, lower) == _plain_spans(pattern, lower), (pattern.pattern[:40], text[:60])


@pytest.mark.parametrize("source", sorted(SOURCES))
def test_blocked_positions_are_those_plain_spans_cover(source: str) -> None:
    for text in SOURCES[source]:
        lower = Texts.of(text).lower
        plain = {i for pattern in tables().blockers for start, end in _plain_spans(pattern, lower) for i in range(start, end)}
        assert blocked_at(lower, range(len(lower))) == plain, text[:60]
        starts = [numeral.start for numeral in scanner().scan(lower)]
        assert blocked_at(lower, starts) == plain.intersection(starts), text[:60]


@pytest.mark.parametrize("pattern, chars", [
    (r"(?<![0-9.])[0-9]{1,2}:[0-9]{2}(?![0-9])", set("0123456789.:")),
    (r"第 *[一二]", {"第", " ", "一", "二"}),
    (r"(?:ab|c)d+", set("abcd")),
    (r"[^0-9]+", None),  # a negated class: any character
    (r"a.c", None),
    (r"\bone\b", None),  # a position
    (r"(?i)one", None),
    (r"x?", None),  # may match nothing
])
def test_alphabet_names_every_character_a_pattern_tests(pattern: str, chars: set[str] | None) -> None:
    found = alphabet(re.compile(pattern))
    if chars is None:
        assert found is None
    else:
        assert found is not None and all(re.fullmatch(f"[{found}]", c) for c in chars)
        assert {c for c in map(chr, range(0x80)) if re.fullmatch(f"[{found}]", c)} == {c for c in chars if c < "\x80"}


@pytest.mark.parametrize("patterns, text", [
    ((r"aa",), "aaa aaaa xaaaaa"),  # matches chained in each stretch
    ((r"(?<![0-9])[0-9]{2}(?![0-9])", r"[0-9]+-[0-9]+"), "1 22 333 44-5 6-77 88"),
    ((r"[^ ]+", r"b+"), "abc bbb c"),  # a wide pattern with narrow ones
    ((r"(?:ab|cd)[^ ]*", r"b+"), "xab cdx ab bb"),  # a wide pattern whose matches start with a known string
    ((r"(?:ab|cd)[^ ]*", r"b+"), "xa bcx bb"),  # ... that does not stand in the text
])
def test_covered_positions_are_those_plain_spans_cover(patterns: tuple[str, ...], text: str) -> None:
    compiled = tuple(re.compile(p) for p in patterns)
    plain = {i for pattern in compiled for start, end in _plain_spans(pattern, text) for i in range(start, end)}
    for wanted in (range(len(text)), range(0, len(text), 3), [len(text) - 1]):
        assert covered(compiled, text, wanted) == plain.intersection(wanted), (patterns, list(wanted))


@pytest.mark.parametrize("source", sorted(SOURCES))
def test_folded_text_is_folded_characters(source: str) -> None:
    for text in SOURCES[source]:
        folded = Texts.of(text).folded
        expected = "".join(fold_char(c) for c in text)
        assert len(folded) == len(text)
        assert [i for i, (a, b) in enumerate(zip(folded, expected)) if a != b] == \
            [i for i, c in enumerate(folded) if c == "," and text[i] == "，"], text[:60]


def test_precomputed_fold_table_is_fold_char() -> None:
    table = _bmp_folds()
    assert len(table) == 0x10000
    assert [c for c in range(0x10000) if table[c] != (chr(c) if 0xD800 <= c < 0xE000 else fold_char(chr(c)))] == []


@pytest.mark.parametrize("text", ["𝟏𝟐 tonnes", "\U0002f800 12 億", "\ud800 ５０％", "ａｂ 𝐀", "\ud835\udfcf ５０％"])
def test_text_beyond_the_table_is_folded_character_by_character(text: str) -> None:
    assert Texts.of(text).folded == "".join(fold_char(c) for c in text)


@pytest.mark.parametrize("source", sorted(SOURCES))
def test_cached_chinese_readings_are_fresh_readings(source: str) -> None:
    chinese = scanner().chinese
    for text in SOURCES[source]:
        lower = Texts.of(text).lower
        for match in scanner().regex.finditer(lower):
            if match.group("zh") is None:
                continue
            start, end = match.span("zh")
            for stop in range(max(end - 2, start + 1), end + 1):  # the run, and as `shortened` cuts it
                assert chinese.read(lower, start, stop) == chinese._read(lower, start, stop), lower[start:stop]


QUICK_RUNS = ["2024", "2024年", "1,115亿港", "15.6亿", "0.0亿", "0.0", "00", "7,460万美", "1.5万亿", "3亿多", "21 10",
              "1" * 30, "12345678901234567890123456789.5", "两", "零", "一些", "几", "数十", "陆", "伍", "十", "5e", "3兆"]


@pytest.mark.parametrize("source", ["runs", *sorted(SOURCES)])
def test_quick_chinese_readings_are_token_readings(source: str) -> None:
    chinese = scanner().chinese
    quick = 0
    for text in QUICK_RUNS if source == "runs" else SOURCES[source]:
        lower = Texts.of(text).lower
        for match in scanner().regex.finditer(lower):
            start, end = match.span("zh") if match.group("zh") is not None else (match.start(), match.start() + 1)
            for stop in range(start + 1, end + 1):
                fast = chinese._quick(lower, start, stop)
                if fast is not None:
                    quick += 1
                    assert repr(fast or None) == repr(chinese.read_tokens(lower, start, stop)), lower[start:stop]
    assert quick


@pytest.mark.parametrize("texts, stop", [
    (["一个", "一次", "一"], 1), (["2024年", "2024-"], 4), (["数百万", "数百"], 2), (["好几百", "好几"], 1),
    (["几百", "几十"], 1), (["上亿", "上百"], 1), (["两三个", "两三"], 2),
])
def test_cached_readings_after_the_run_are_fresh_readings(texts: list[str], stop: int) -> None:
    chinese = scanner().chinese
    for text in texts:
        assert repr(chinese.read(text, 0, stop)) == repr(chinese._read(text, 0, stop)), text


@pytest.mark.parametrize("pattern, prefixes", [
    (r"(?<![a-z])(?:ab|c[de]f+)g", {"abg", "cdf", "cef"}),
    (r"[0-9]{1,3}(?:,[0-9]{3})*", set("0123456789")),
    (r"一|两(?=[千百])", {"一", "两"}),
    (r"x?y", None),  # an optional first character ends what is known before anything is
    (r"(?i)one", None),
    (r"[^0-9]a", None),
])
def test_literal_prefixes(pattern: str, prefixes: set[str] | None) -> None:
    found = literal_prefixes(re.compile(pattern))
    assert (None if found is None else set(found)) == prefixes


def test_prefix_search_finds_word_starts_only() -> None:
    search = prefix_search(frozenset({"one", "1"}))
    assert [m.start() for m in search.finditer("one someone 1 x1 phone-one")] == [0, 12, 15, 23]


@pytest.mark.parametrize("pattern", [
    r"(?:二?十[一二三四五六七八九]?|三十一?|[一二三四五六七八九])[日号](?![活])",
    r"(?:24/7|[1-9]0/[1-9]0)(?![0-9/])",
    r"[0-9]{1,2}:[0-9]{2}",
    r"(?:[ab]x|ay)z?",
    r"(?<![0-9.])(?![0-9]{4}\.[0-9]{1,2}\.[0-9]{1,2}(?![0-9.]))[0-9]+(?:\.[0-9]+){2,}(?![0-9])",  # lookarounds apart
])
def test_spelt_patterns_match_as_written(pattern: str) -> None:
    compiled = re.compile(pattern)
    text = "十日 二十一日 三十一号 三十日活 1日 24/7 10/20 30/405 12:30 ax ay bx az axz ayz b 1.2.3 2024.06.30 9.8.7.6"
    assert spans(compiled, text) == _plain_spans(compiled, text)


@pytest.mark.parametrize("value", ["0", "-0", "150", "14300000000", "1" * 70, "-" + "9" * 65, "1E+3", "1.50", "0.0",
                                   "-2.5", "100.00", "7", "1560000000.0", "2E-3"])
def test_plain_integers_as_written_are_normalised_integers(value: str) -> None:
    number = Decimal(value)
    context = Context(prec=max(60, number.adjusted() + 2))
    normal = number.normalize(context)
    expected = normal.quantize(Decimal(1), context=context) if normal == normal.to_integral_value(context=context) \
        else normal
    assert repr(plain(number)) == repr(expected)
