"""SpanIndex and containing: position look-ups that keep long articles linear (checker/spans.py)."""

from __future__ import annotations

from dataclasses import dataclass

from checker.spans import SpanIndex, containing


@dataclass(frozen=True)
class Item:
    start: int
    end: int


def test_within_keeps_items_inside_the_stretch_in_order():
    index = SpanIndex([Item(10, 12), Item(0, 3), Item(5, 20), Item(5, 8), Item(20, 22)])
    assert index.within(5, 20) == [Item(5, 20), Item(5, 8), Item(10, 12)]
    assert index.within(0, 4) == [Item(0, 3)]
    assert index.within(23, 30) == []


def test_starting_ignores_where_items_end():
    index = SpanIndex([Item(0, 3), Item(5, 50), Item(9, 10)])
    assert index.starting(4, 10) == [Item(5, 50), Item(9, 10)]


def test_containing_finds_the_stretch_of_an_offset():
    starts, ends = [0, 10, 30], [8, 25, 40]
    assert [containing(starts, ends, at) for at in (0, 7, 8, 10, 24, 25, 29, 30, 39, 40)] == \
        [0, 0, None, 1, 1, None, None, 2, 2, None]
