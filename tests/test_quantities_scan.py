"""The numeral scanner's fast search (tried only where a numeral may start) finds what a plain search finds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.quantities.numerals import scanner
from checker.quantities.words import Texts
from tests.test_quantities import CASES

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT.parent / "shared" / "peer-specs" / "recognizers-text"


def _sources() -> dict[str, list[str]]:
    """Case texts, the seed articles, and the peer-spec inputs where they are present."""
    sources = {"cases": [example.text for _, example in CASES],
               "seeds": [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]}
    for path in sorted(SPECS.glob("Number*/*/*Model.json")) if SPECS.is_dir() else []:
        sources[str(path.relative_to(SPECS))] = [c["Input"] for c in json.loads(path.read_text(encoding="utf-8-sig"))]
    return sources


SOURCES = _sources()


def _plain_starts(lower: str) -> list[int]:
    """Match starts of the scanner's expression searched at every position (the reference)."""
    regex, starts, pos = scanner().regex, [], 0
    while (match := regex.search(lower, pos)) is not None:
        starts.append(match.start())
        pos = match.start() + 1
    return starts


@pytest.mark.parametrize("source", sorted(SOURCES))
def test_fast_search_finds_every_match(source: str) -> None:
    for text in SOURCES[source]:
        lower = Texts.of(text).lower
        fast, pos = [], 0
        while (match := scanner()._search(lower, pos)) is not None:
            fast.append(match.start())
            pos = match.start() + 1
        assert fast == _plain_starts(lower), text[:60]
