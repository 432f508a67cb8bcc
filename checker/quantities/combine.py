"""Combine readings: ranges (300萬至700萬美元), overlaps, and restatements in parentheses (1GW(十亿瓦))."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from checker.models import Quantity
from checker.quantities.intervals import make_quantity, reading_quantity
from checker.quantities.reader import Reading
from checker.quantities.tables import Affix, Tables
from checker.quantities.words import Texts, skip_spaces, skip_spaces_back

ONE = Decimal(1)


@dataclass(slots=True)
class Item:
    """A candidate quantity and the base units in one of its written unit (1 GW -> 10^9)."""

    quantity: Quantity
    factor: Decimal


def reading_items(texts: Texts, readings: list[Reading], tables: Tables) -> list[Item]:
    """One item per reading, plus one per range two readings form."""
    items = [Item(reading_quantity(texts, r, tables), r.affix.factor if r.affix else ONE) for r in readings]
    by_body_start = {r.body_start: r for r in readings}
    for first in readings:
        found = _range_from(texts, first, by_body_start, tables)
        if found is not None:
            items.append(found)
    return items


def _range_from(texts: Texts, first: Reading, by_body_start: dict[int, Reading], tables: Tables) -> Item | None:
    """The range that starts with this reading ("3 to 7 million"), if one does."""
    lower = texts.lower
    opener = tables.pair_opens.last_at(lower, skip_spaces_back(lower, first.start))
    pos = skip_spaces(lower, first.body_end)
    connector = tables.connectors.first_at(lower, pos)
    joined = connector.end if connector else (_join(lower, pos, opener.payload) if opener else None)
    if joined is None or tables.not_after.last_at(lower, skip_spaces_back(lower, first.start)) is not None:
        return None
    second = by_body_start.get(skip_spaces(lower, joined))
    if second is None or first.numeral.lead or second.numeral.lead or _chained(lower, first, second, by_body_start):
        return None
    agree, affix = _range_unit(first.affix, second.affix)
    if not agree:
        return None
    low, high = _ends(first, second)
    if not low < high:
        return None
    end = second.body_end
    closer = tables.closers.first_at(lower, skip_spaces(lower, end))
    start, end = (opener.start if opener else first.start), (closer.end if closer else end)
    quantity = make_quantity(texts, start, end, affix, ("range", low, low, high))
    return Item(quantity, affix.factor if affix else ONE)


def _chained(lower: str, first: Reading, second: Reading, by_body_start: dict[int, Reading]) -> bool:
    """Three or more numbers joined by hyphens are a sequence, not a range (three-nought-four, 1-2-3)."""
    if first.start > 1 and lower[first.start - 1] == "-" and not lower[first.start - 2].isspace():
        return True
    return lower.startswith("-", second.end) and second.end + 1 in by_body_start


def _join(lower: str, pos: int, words: tuple[str, ...]) -> int | None:
    """The end of a join word of an opened pair at `pos` ("between 3 and 7": and)."""
    return next((pos + len(w) for w in sorted(words, key=len, reverse=True) if lower.startswith(w, pos)), None)


def _range_unit(first: Affix | None, second: Affix | None) -> tuple[bool, Affix | None]:
    """Whether the two ends agree on a unit, and the range's unit (the last number's applies to both)."""
    if first is not None and second is not None and (first.kind, first.unit) != (second.kind, second.unit):
        return False, None
    return True, second or first


def _ends(first: Reading, second: Reading) -> tuple[Decimal, Decimal]:
    """Both ends in base units; the first borrows the second's magnitude and unit (300-700万, $3-5 billion)."""
    a, b = first.numeral.value, second.numeral.value
    if first.numeral.scale == ONE and second.numeral.scale > ONE and (first.affix is None or first.affix.kind == "money"):
        a *= second.numeral.scale
    a *= (first.affix or second.affix).factor if (first.affix or second.affix) else ONE
    b *= (second.affix or first.affix).factor if (second.affix or first.affix) else ONE
    return (-a if first.negative else a), (-b if second.negative else b)


def choose(items: list[Item], length: int) -> list[Item]:
    """Non-overlapping items, longest first, in text order."""
    taken = bytearray(length)
    chosen = []
    for item in sorted(items, key=lambda i: (i.quantity.start - i.quantity.end, i.quantity.start)):
        start, end = item.quantity.start, item.quantity.end
        if not any(taken[start:end]):
            taken[start:end] = b"\x01" * (end - start)
            chosen.append(item)
    return sorted(chosen, key=lambda i: i.quantity.start)


def merge_restatements(texts: Texts, items: list[Item]) -> list[Item]:
    """Fold a parenthesis that restates the figure before it in the same unit into its span."""
    merged: list[Item] = []
    for item in items:
        close = _restatement_end(texts.lower, merged[-1], item) if merged else None
        if close is None:
            merged.append(item)
            continue
        first = merged[-1].quantity
        update = {"end": close, "text": texts.original[first.start:close]}
        merged[-1] = Item(first.model_copy(update=update), merged[-1].factor)
    return merged


def _restatement_end(lower: str, first: Item, second: Item) -> int | None:
    """The end of ")" when `second` restates `first` in parentheses: same unit, same value or one unit."""
    a, b = first.quantity, second.quantity
    if lower[a.end:b.start].strip() != "(" or not a.unit or (a.unit, a.kind) != (b.unit, b.kind):
        return None
    if b.value not in (a.value, first.factor):
        return None
    close = skip_spaces(lower, b.end)
    return close + 1 if close < len(lower) and lower[close] == ")" else None
