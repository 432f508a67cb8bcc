"""Extract the quantities in a text: numerals, read with their units and qualifiers, filtered and combined."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from checker.models import Quantity
from checker.quantities.combine import choose, merge_restatements, reading_items
from checker.quantities.compound_money import compound_items
from checker.quantities.en_combine import over_items
from checker.quantities.filters import is_quantity
from checker.quantities.numerals import scanner
from checker.quantities.reader import Reader
from checker.quantities.split import split_items
from checker.quantities.tables import blocked_at, tables
from checker.quantities.words import Texts
from checker.quantities.zh_fractions import fraction_items
from checker.quantities.zh_measure import measure_word_readings
from checker.quantities.zh_money import minor_unit_readings
from checker.quantities.zh_tenths import tenths_readings, whole_word_items
from checker.quantities.zh_whole import whole_number_items


LARGEST = Decimal("1e100")  # far above any amount in the news, far below a float's limit


@lru_cache(maxsize=1)
def _reader() -> Reader:
    """The reader over the bundled data (built once)."""
    return Reader(tables(), scanner())


def extract_quantities(text: str) -> list[Quantity]:
    """Every quantity in a text (zh-Hans, zh-Hant, English or mixed), sorted by start, non-overlapping."""
    if not text:
        return []
    texts = Texts.of(text)
    reader, data = _reader(), tables()
    readings = [r for r in (reader.read(texts, n) for n in scanner().scan(texts.lower)) if r is not None]
    readings = tenths_readings(texts, measure_word_readings(texts, readings), data, scanner().chinese.digits)
    readings = minor_unit_readings(texts, readings)
    fractions = fraction_items(texts, readings, data) + over_items(texts, readings, data)
    fractions += compound_items(texts, readings, data) + split_items(texts, data)
    kept = [r for r in readings if is_quantity(texts, r, data)]
    blocked = blocked_at(texts.lower, [r.numeral.start for r in kept])
    kept = [r for r in kept if r.numeral.start not in blocked]
    wholes = whole_word_items(texts) + whole_number_items(texts)
    chosen = choose(reading_items(texts, kept, data) + fractions + wholes, len(text))
    return [item.quantity for item in merge_restatements(texts, chosen) if _plausible(item.quantity)]


def _plausible(quantity: Quantity) -> bool:
    """False for a figure no text means (1e999 dollars, 一万亿亿亿亿…): beyond what a float holds, JSON cannot say it."""
    return all(v is None or (v.is_finite() and abs(v) < LARGEST) for v in (quantity.value, quantity.low, quantity.high))
