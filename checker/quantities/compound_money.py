"""Amounts written in two units of one currency: 3 dollars 50 cents, thirteen dollars forty five."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from checker.quantities.combine import Item
from checker.quantities.data import quantity_data
from checker.quantities.intervals import exact_bounds, make_quantity
from checker.quantities.reader import Reading
from checker.quantities.tables import Tables, WordTable
from checker.quantities.words import Texts, skip_spaces

ONE, HUNDREDTH = Decimal(1), Decimal("0.01")
MAX_PARTS = 3


@lru_cache(maxsize=1)
def _factors() -> dict[str, tuple[Decimal, ...]]:
    """Each currency's unit factors, largest first (USD: 1, 0.01)."""
    found: dict[str, set[Decimal]] = {}
    for entry in quantity_data().currencies.currencies:
        found.setdefault(entry.code, set()).add(entry.factor)
    return {code: tuple(sorted(factors, reverse=True)) for code, factors in found.items()}


@lru_cache(maxsize=1)
def _joiners() -> WordTable[bool]:
    """The words that may join the parts of an amount."""
    return WordTable((w, True) for w in quantity_data().currencies.compound_joiners)


def compound_items(texts: Texts, readings: list[Reading], tables: Tables) -> list[Item]:
    """One item per amount written in a main unit followed by smaller units of the same currency."""
    by_start = {r.start: r for r in readings}
    items = []
    for first in readings:
        affix = first.affix
        if affix is None or affix.kind != "money" or affix.factor != ONE or not _whole(first):
            continue
        total, factor, end, parts = first.numeral.value, ONE, first.end, 1
        while parts < MAX_PARTS:
            following = by_start.get(_next_start(texts.lower, end))
            step = _part(following, affix.unit, factor) if following is not None else None
            if step is None:
                break
            total, factor, end, parts = total + following.numeral.value * step, step, following.end, parts + 1
            if following.affix is None:
                break
        if parts > 1 and following is not None and following.affix is None and not _clause_ends(texts.lower, end):
            continue
        if parts > 1:
            quantity = make_quantity(texts, first.start, end, affix, exact_bounds(total, tables.tolerances))
            items.append(Item(quantity, ONE))
    return items


def _next_start(lower: str, end: int) -> int:
    """Where the next part may start: after spaces and a joining word."""
    pos = skip_spaces(lower, end)
    joiner = _joiners().first_at(lower, pos)
    return skip_spaces(lower, joiner.end) if joiner is not None else pos


def _part(reading: Reading, code: str, factor: Decimal) -> Decimal | None:
    """The factor of a following part: a smaller unit of the same currency, or a bare number in the next one."""
    if not _whole(reading) or reading.negative or reading.body_start != reading.numeral.start:
        return None
    if reading.affix is None:
        smaller = [f for f in _factors().get(code, ()) if f < factor]
        step = smaller[0] if smaller else factor * HUNDREDTH
        return step if 0 < reading.numeral.value * step < factor else None
    if reading.affix.kind == "money" and reading.affix.unit == code and reading.affix.factor < factor:
        return reading.affix.factor if reading.numeral.value * reading.affix.factor < factor else None
    return None


def _clause_ends(lower: str, end: int) -> bool:
    """Punctuation, a joining word or the end of the text after `end` ("$5 and 20 analysts": 20 counts analysts)."""
    pos = skip_spaces(lower, end)
    return pos >= len(lower) or not lower[pos].isalnum() or _joiners().first_at(lower, pos) is not None


def _whole(reading: Reading) -> bool:
    """A whole number with no qualifier, lead or magnitude (3, thirteen; not 1.5 or 3 million)."""
    numeral = reading.numeral
    return reading.qualifier is None and not numeral.lead and numeral.scale == ONE and not numeral.plus \
        and numeral.value == numeral.value.to_integral_value() and not numeral.fraction
