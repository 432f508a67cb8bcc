"""Quantities in text: numbers with their units, currencies and qualifiers, as exact intervals."""

from __future__ import annotations

from typing import Any

from checker.models import Quantity
from checker.quantities.extract import extract_quantities

__all__ = ["extract_quantities", "quantity_json"]


def quantity_json(q: Quantity) -> dict[str, Any]:
    """A quantity as JSON-ready values (contracts.md §2): floats for value, low and high."""
    return {
        "text": q.text,
        "start": q.start,
        "end": q.end,
        "value": float(q.value),
        "unit": q.unit,
        "qualifier": q.qualifier,
        "low": None if q.low is None else float(q.low),
        "high": None if q.high is None else float(q.high),
        "kind": q.kind,
        "assumptions": list(q.assumptions),  # e.g. "bare $ read as USD": the unit was assumed
    }
