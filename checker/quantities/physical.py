"""Physical units through pint: a unit expression's kind, base unit and exact factor."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from checker.paths import DATA_DIR

UNIT_DEFINITIONS = DATA_DIR / "units.txt"


class PhysicalUnit(NamedTuple):
    """What one written unit means in base units."""

    kind: str  # "power", "compute", ...
    unit: str  # the kind's base unit as pint writes it ("watt", "FLOPS")
    factor: Decimal  # base units in one written unit (1 GW = 10^9 watt)
    written: str  # the written unit as pint names it ("gigawatt")


@lru_cache(maxsize=1)
def unit_registry():  # -> pint.UnitRegistry (pint is imported lazily: it is slow to import)
    """The unit registry defined by checker/data/units.txt, with exact Decimal magnitudes."""
    import pint

    return pint.UnitRegistry(str(UNIT_DEFINITIONS), non_int_type=Decimal)


def physical_unit(expression: str, kinds: dict[str, str]) -> PhysicalUnit:
    """Resolve a pint unit expression against the kinds' base units (ValueError if none fits)."""
    registry = unit_registry()
    try:
        one = registry.Quantity(Decimal(1), expression)
    except Exception as err:  # pint raises several error types for unknown or malformed units
        raise ValueError(f"unknown unit {expression!r}: {err}") from None
    for kind, base in kinds.items():
        base_unit = registry.Unit(base)
        if one.dimensionality == base_unit.dimensionality:
            return PhysicalUnit(kind, str(base_unit), Decimal(one.to(base_unit).magnitude), str(one.units))
    raise ValueError(f"unit {expression!r} is of no kind in physical_kinds")
