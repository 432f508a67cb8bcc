"""Turn readings into quantities: value in base units, qualifier and the interval it allows."""

from __future__ import annotations

from decimal import Context, Decimal

from checker.models import Quantity
from checker.quantities.reader import Reading
from checker.quantities.tables import Affix, Tables, Tolerances
from checker.quantities.words import Texts

ONE, TWO = Decimal(1), Decimal(2)
_PLAIN = Context(prec=60)  # enough digits for any figure in text; a longer one gets a context of its own
Bounds = tuple[str, Decimal, Decimal | None, Decimal | None]  # qualifier, value, low, high


def plain(value: Decimal | None) -> Decimal | None:
    """A value without exponent or trailing zeros (1.43E+10 -> 14300000000, 2.50 -> 2.5)."""
    if value is None or value.same_quantum(ONE):  # exponent 0, an integer as written: normalising gives it back
        return value
    context = _PLAIN if value.adjusted() + 2 <= _PLAIN.prec else Context(prec=value.adjusted() + 2)
    value = value.normalize(context)
    return value.quantize(ONE, context=context) if value == value.to_integral_value(context=context) else value


def step_of(value: Decimal) -> Decimal:
    """The place value of a figure's last non-zero digit (143亿 -> 1亿, 150 -> 10, 2.1 -> 0.1)."""
    if value == 0:
        return Decimal(0)
    return ONE.scaleb(value.normalize().as_tuple().exponent)


def exact_half_width(value: Decimal, tolerances: Tolerances) -> Decimal:
    """Half a unit of the last non-zero digit, at most exact_cap of the value for round figures."""
    step = step_of(value)
    half = step / TWO
    if step > tolerances.round_step:
        half = min(half, tolerances.exact_cap * abs(value))
    return half


def exact_bounds(value: Decimal, tolerances: Tolerances) -> Bounds:
    """An exact value's bounds: half a unit of its last non-zero digit either side (see exact_half_width)."""
    half = exact_half_width(value, tolerances)
    return "exact", value, value - half, value + half


def reading_bounds(reading: Reading, value: Decimal, tables: Tables) -> Bounds:
    """Qualifier, value and interval of a reading whose number is `value` in base units."""
    numeral, word = reading.numeral, reading.qualifier
    if numeral.high is not None:  # 两三个, 三四百万: the same unit and factor at both ends
        low, high = sorted((value, value * numeral.high / numeral.value))
        return "range", low, low, high
    if numeral.lead == "several":
        low, high = sorted((value * tables.several.low, value * tables.several.high))
        return "range", low, low, high
    if word is not None:
        return word_bounds(word.qualifier, word.near, value, tables.tolerances)
    if numeral.lead == "at_least":
        return "at_least", value, value, None
    if numeral.plus:
        return "over", value, value, value + step_of(value)
    return exact_bounds(value, tables.tolerances)


def word_bounds(qualifier: str, near: Decimal | None, value: Decimal, tolerances: Tolerances) -> Bounds:
    """The interval a qualifier word gives a value."""
    if qualifier == "approx":
        half = max(tolerances.approx * abs(value), exact_half_width(value, tolerances))
        return "approx", value, value - half, value + half
    if qualifier in ("over", "at_least"):
        return qualifier, value, value, None
    if qualifier == "at_most":
        return qualifier, value, None, value
    low = value - abs(value) * near if near is not None else None
    return "under", value, low, value


def reading_quantity(texts: Texts, reading: Reading, tables: Tables) -> Quantity:
    """The quantity a reading states."""
    value = reading.numeral.value * (reading.affix.factor if reading.affix else ONE)
    bounds = reading_bounds(reading, -value if reading.negative else value, tables)
    return make_quantity(texts, reading.start, reading.end, reading.affix, bounds)


def make_quantity(texts: Texts, start: int, end: int, affix: Affix | None, bounds: Bounds) -> Quantity:
    """A Quantity for a span, its affix and its bounds."""
    qualifier, value, low, high = bounds
    return Quantity(
        text=texts.original[start:end], start=start, end=end, value=plain(value),
        unit=affix.unit if affix else "", kind=affix.kind if affix else "number",
        qualifier=qualifier, low=plain(low), high=plain(high),
        assumptions=(affix.assumption,) if affix and affix.assumption else (),
        written_unit=affix.written if affix else "", written_factor=affix.per_written if affix else ONE,
    )
