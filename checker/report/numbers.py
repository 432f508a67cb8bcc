"""Amounts as people read them: "14.3 B USD", "≥ 10 B USD", "3 M–7 M USD", "49 %", "28 years"."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from checker.datafiles import load_model
from checker.models import Qualifier

NUMBER_STYLE_FILE = Path(__file__).resolve().parent / "numbers.yaml"


class Strict(BaseModel):
    """Base for data-file models: frozen, no unknown keys."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Step(Strict):
    """A bigger magnitude or symbol used from a threshold up (1e9 -> "B", 1e3 meter -> "km")."""

    at: Decimal
    suffix: str


class UnitStyle(Strict):
    """How one reported unit is written after its number."""

    symbol: str = ""
    plural: str | None = None
    scale: Literal["none", "magnitudes", "si"] = "none"
    steps: tuple[Step, ...] = ()
    glued: bool = False


class AmountExample(Strict):
    """An amount and how it must read; a value that is no number (an entity, a date) stays text."""

    value: Annotated[Decimal | str, Field(union_mode="left_to_right")]
    unit: str
    qualifier: Qualifier = "exact"
    low: Decimal | None = None
    high: Decimal | None = None
    expect: str
    note: str = ""


class NumberStyle(Strict):
    """The whole number-writing style (checker/report/numbers.yaml)."""

    magnitudes: tuple[Step, ...]
    si_prefixes: tuple[Step, ...]
    group_digits_from: Decimal
    currency_pattern: str
    qualifier_signs: dict[str, str]
    range_dash: str
    units: dict[str, UnitStyle]
    examples: tuple[AmountExample, ...] = ()


@lru_cache(maxsize=1)
def number_style() -> NumberStyle:
    """The bundled number style, loaded once."""
    return load_model(NUMBER_STYLE_FILE, NumberStyle)


def unit_style(unit: str) -> UnitStyle:
    """The style of a unit: listed, a currency code, or the unit name as it stands."""
    style = number_style()
    if unit in style.units:
        return style.units[unit]
    if re.fullmatch(style.currency_pattern, unit):
        return UnitStyle(symbol=unit, scale="magnitudes")
    return UnitStyle(symbol=unit)


def plain_number(number: Decimal) -> str:
    """Digits without exponent or trailing zeros, grouped in thousands when large."""
    number = number.normalize()
    if number == 0:
        return "0"
    grouped = abs(number) >= number_style().group_digits_from
    return format(number, ",f" if grouped else "f")


def pick_step(number: Decimal, steps: tuple[Step, ...]) -> Step | None:
    """The largest step the number reaches, if any."""
    reached = [s for s in steps if abs(number) >= s.at]
    return max(reached, key=lambda s: s.at) if reached else None


def scaled(number: Decimal, style: UnitStyle) -> tuple[str, str]:
    """A number split into its written head ("14.3 B") and the symbol after it ("USD")."""
    word = style.plural if style.plural and number.normalize() != 1 else style.symbol
    if style.scale == "magnitudes":
        step = pick_step(number, number_style().magnitudes)
        return (f"{plain_number(number / step.at)} {step.suffix}" if step else plain_number(number)), word
    steps = number_style().si_prefixes if style.scale == "si" else style.steps
    step = pick_step(number, steps)
    if step is None:
        return plain_number(number), word
    symbol = step.suffix + word if style.scale == "si" else step.suffix
    return plain_number(number / step.at), symbol


def join(head: str, symbol: str, style: UnitStyle) -> str:
    """A head and its symbol, spaced unless the unit is glued."""
    if not symbol:
        return head
    return f"{head}{symbol}" if style.glued else f"{head} {symbol}"


def format_interval(low: Decimal, high: Decimal, style: UnitStyle) -> str:
    """Both ends of an interval, sharing the symbol when they can ("3 M–7 M USD", "500 MW–1 GW")."""
    dash = number_style().range_dash
    low_head, low_symbol = scaled(low, style)
    high_head, high_symbol = scaled(high, style)
    if low_symbol == high_symbol or {low_symbol, high_symbol} == {style.symbol, style.plural}:
        return join(f"{low_head}{dash}{high_head}", high_symbol, style)
    return f"{join(low_head, low_symbol, style)}{dash}{join(high_head, high_symbol, style)}"


def format_amount(value: Decimal | str, unit: str, qualifier: str = "exact",
                  low: Decimal | None = None, high: Decimal | None = None) -> str:
    """An amount as people read it, with its qualifier as a sign or as an interval."""
    if isinstance(value, str):
        return value
    style = unit_style(unit)
    if qualifier == "range" and low is not None and high is not None:
        return format_interval(low, high, style)
    if qualifier == "range":
        qualifier, value = ("at_least", low) if low is not None else ("at_most", high if high is not None else value)
    sign = number_style().qualifier_signs.get(qualifier, "")
    return sign + join(*scaled(value, style), style)


def format_bounds(low: Decimal | None, high: Decimal | None, unit: str) -> str:
    """The interval a claim allows: "14.25 B–14.35 B USD", "≥ 10 B USD", "" when unbounded."""
    if low is not None and high is not None:
        return format_interval(low, high, unit_style(unit)) if low != high else format_amount(low, unit)
    if low is not None:
        return format_amount(low, unit, "at_least")
    if high is not None:
        return format_amount(high, unit, "at_most")
    return ""
