"""Chinese fractions: 三分之一, 负３分之负一百五十七, mixed 3又一千分之23, and per-X rates 千分之五, 百万分之五."""

from __future__ import annotations

from decimal import Decimal

from checker.quantities.combine import Item
from checker.quantities.intervals import exact_bounds, make_quantity, word_bounds
from checker.quantities.numerals import scanner
from checker.quantities.reader import Reading
from checker.quantities.tables import PERCENT, Tables
from checker.quantities.words import Texts, skip_spaces_back, unspaced

ONE, HUNDRED = Decimal(1), Decimal(100)
MAX_BETWEEN = 8  # characters from a denominator to its numerator: 分之, a sign and spaces (３ 分  之 负)


def fraction_items(texts: Texts, readings: list[Reading], tables: Tables) -> list[Item]:
    """Fractions written denominator first: a bare number, or a percentage when the denominator is a bare 千, 万, 百万."""
    items = []
    by_end = {r.numeral.end: r for r in readings}
    for below, above in zip(readings, readings[1:]):
        if not _fraction_pair(texts.lower, below, above, tables):
            continue
        value = above.numeral.value / below.numeral.value
        value = -value if below.negative != above.negative else value
        start, word, affix = below.start, below.qualifier, None
        whole = _whole_before(texts.lower, below, by_end, tables)
        if whole is not None:
            value = whole.numeral.value + value
            value = -value if whole.negative else value
            start, word = whole.start, whole.qualifier
        elif _per_word(texts.lower, below) and below.numeral.value >= HUNDRED:
            value, affix = value * HUNDRED, PERCENT
        bounds = word_bounds(word.qualifier, word.near, value, tables.tolerances) if word else \
            exact_bounds(value, tables.tolerances)
        items.append(Item(make_quantity(texts, start, above.end, affix, bounds), ONE))
    return items


def _fraction_pair(lower: str, below: Reading, above: Reading, tables: Tables) -> bool:
    """True when a fraction word alone (spaces and the numerator's sign aside) joins two bare numbers."""
    if below.affix is not None or below.numeral.value == 0:  # 分之 after it outweighs a blocked word (万万)
        return False
    sign_start = above.body_start if above.negative and above.affix is None else above.numeral.start
    if sign_start - below.numeral.end > MAX_BETWEEN:
        return False
    between = unspaced(lower[below.numeral.end:sign_start])
    word = tables.fraction_words.first_at(between, 0)
    return word is not None and word.word == between and above.body_end == above.numeral.end


def _whole_before(lower: str, below: Reading, by_end: dict[int, Reading], tables: Tables) -> Reading | None:
    """The whole number of a mixed number (3又一千分之23): a bare reading, then a joiner word."""
    start = below.body_start if below.negative else below.numeral.start
    joiner = tables.fraction_joiners.last_at(lower, skip_spaces_back(lower, start))
    if joiner is None:
        return None
    whole = by_end.get(skip_spaces_back(lower, joiner.start))
    return whole if whole is not None and whole.affix is None else None


def _per_word(lower: str, below: Reading) -> bool:
    """A denominator written with no digit, only units and magnitudes (千, 百万, 万万): "per thousand", a rate."""
    written = unspaced(lower[below.numeral.start:below.numeral.end])
    return all(scanner().chinese.is_unit_char(c) for c in written)
