"""The numeral scanner's fast search (tried only where a numeral may start) finds what a plain search finds."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from checker.quantities.numerals import scanner
from checker.quantities.words import Texts
from tests.test_quantities import CASES, PEER_INPUTS

ROOT = Path(__file__).resolve().parent.parent


def _sources() -> dict[str, list[str]]:
    """Case texts, the seed articles, and the Recognizers-Text spec inputs copied into tests/data/quantities."""
    sources = {"cases": [example.text for _, example in CASES],
               "seeds": [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]}
    sources.update(yaml.safe_load(PEER_INPUTS.read_text(encoding="utf-8"))["sources"])
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


def test_peer_inputs_are_all_there() -> None:
    peer = [name for name in SOURCES if name.endswith("Model.json")]
    assert len(peer) == 16 and sum(len(SOURCES[name]) for name in peer) == 1418
