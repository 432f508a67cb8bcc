"""The extractor's shortcuts (gated pattern runs, the shared fold table, cached numeral readings) give what the plain computations give."""

from __future__ import annotations

import pytest

from checker.quantities.numerals import scanner
from checker.quantities.regex_gate import spans
from checker.quantities.tables import tables
from checker.quantities.words import Texts, fold_char
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
        for pattern in tables().blockers:
            assert spans(pattern, lower) == _plain_spans(pattern, lower), (pattern.pattern[:40], text[:60])


@pytest.mark.parametrize("source", sorted(SOURCES))
def test_folded_text_is_folded_characters(source: str) -> None:
    for text in SOURCES[source]:
        folded = Texts.of(text).folded
        expected = "".join(fold_char(c) for c in text)
        assert len(folded) == len(text)
        assert [i for i, (a, b) in enumerate(zip(folded, expected)) if a != b] == \
            [i for i, c in enumerate(folded) if c == "," and text[i] == "，"], text[:60]


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
