"""Numbers in a blocked span that stand apart: the parts of an IP address or a dotted code (192.168.1.2)."""

from __future__ import annotations

import re
from decimal import Decimal

from checker.quantities.combine import Item
from checker.quantities.filters import _name_before
from checker.quantities.intervals import exact_bounds, make_quantity
from checker.quantities.regex_gate import spans
from checker.quantities.tables import Tables
from checker.quantities.words import Texts

ONE = Decimal(1)
_DIGITS = re.compile(r"[0-9]+")


def split_items(texts: Texts, tables: Tables) -> list[Item]:
    """A bare whole number for each run of digits in a span a split pattern matches (not after a name)."""
    items = []
    for pattern in tables.splitters:
        for start, end in spans(pattern, texts.lower):
            if _name_before(texts, start, tables):  # iOS 17.2.1: a version of a name
                continue
            for run in _DIGITS.finditer(texts.lower, start, end):
                bounds = exact_bounds(Decimal(run.group()), tables.tolerances)
                items.append(Item(make_quantity(texts, run.start(), run.end(), None, bounds), ONE))
    return items
