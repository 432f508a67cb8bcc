"""English fractions written across two numbers: one over three, 2000 over 3, one out of three."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from checker.quantities.combine import Item
from checker.quantities.data import quantity_data
from checker.quantities.intervals import exact_bounds, make_quantity
from checker.quantities.reader import FRACTION, Reading
from checker.quantities.tables import Tables
from checker.quantities.words import Texts

ONE = Decimal(1)


@lru_cache(maxsize=1)
def _over_words() -> frozenset[str]:
    """The words between a numerator and a denominator, spaces normalised."""
    return frozenset(" ".join(w.lower().split()) for w in quantity_data().numerals.english.over_words)


def over_items(texts: Texts, readings: list[Reading], tables: Tables) -> list[Item]:
    """A bare number, an over word and a bare number: numerator / denominator."""
    items = []
    words = _over_words()
    for above, below in zip(readings, readings[1:]):
        if not _bare(above) or not _bare(below) or below.numeral.value == 0:
            continue
        if " ".join(texts.lower[above.numeral.end:below.numeral.start].split()) not in words:
            continue
        if below.negative or above.end != above.numeral.end:
            continue
        value = above.numeral.value / below.numeral.value
        value = -value if above.negative else value
        affix = FRACTION if abs(value) < ONE else None
        quantity = make_quantity(texts, above.start, below.body_end, affix, exact_bounds(value, tables.tolerances))
        items.append(Item(quantity, ONE))
    return items


def _bare(reading: Reading) -> bool:
    """A number with no unit, no lead word and no Chinese numeral."""
    numeral = reading.numeral
    return (reading.affix is None or reading.affix is FRACTION) and not numeral.lead and not numeral.chinese \
        and reading.body_end == numeral.end and not numeral.plus
