"""Numbers written as one word with no numeral of their own: 半百 = 50, 半打 = 6 (zh/numerals.yaml whole_numbers)."""

from __future__ import annotations

from decimal import Decimal

from checker.quantities.combine import Item
from checker.quantities.data import quantity_data
from checker.quantities.intervals import exact_bounds, make_quantity
from checker.quantities.tables import Affix, tables
from checker.quantities.words import Texts, fold_word

ONE = Decimal(1)


def whole_number_items(texts: Texts) -> list[Item]:
    """Every whole-number word in the text that is not part of a longer word (过半百姓)."""
    found = []
    for word, entry in quantity_data().numerals.whole_numbers.items():
        form, not_before = fold_word(word), tuple(fold_word(w) for w in entry.not_before)
        pos = texts.lower.find(form)
        while pos >= 0:
            end = pos + len(form)
            if not texts.lower.startswith(not_before, end):
                affix = Affix(entry.kind, entry.unit) if entry.unit else None
                bounds = exact_bounds(entry.value, tables().tolerances)
                found.append(Item(make_quantity(texts, pos, end, affix, bounds), ONE))
            pos = texts.lower.find(form, end)
    return found
