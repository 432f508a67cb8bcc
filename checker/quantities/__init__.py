"""Quantities in text: numbers with their units, currencies and qualifiers, as exact intervals."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from checker.models import Quantity
from checker.quantities.extract import extract_quantities

__all__ = ["extract_quantities", "quantity_json"]
ONE = Decimal(1)


def quantity_json(q: Quantity) -> dict[str, Any]:
    """A quantity as JSON-ready values (contracts.md §2): in the unit as written (八吨: 8 tonne), and in base units."""
    per = q.written_factor
    return {
        "text": q.text,
        "start": q.start,
        "end": q.end,
        "value": float(q.value / per),
        "unit": q.written_unit or q.unit,
        "qualifier": q.qualifier,
        "low": _number(q.low, per),
        "high": _number(q.high, per),
        "kind": q.kind,
        "assumptions": list(q.assumptions),  # e.g. "bare $ read as USD": the unit was assumed
        "base_value": float(q.value),  # in base units, as claims compare them (8000 kilogram)
        "base_unit": q.unit,
        "base_low": _number(q.low, ONE),
        "base_high": _number(q.high, ONE),
    }


def _number(value: Decimal | None, per: Decimal) -> float | None:
    """A bound in written units as a float, or None for an open end."""
    return None if value is None else float(value / per)
