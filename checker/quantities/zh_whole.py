"""Numbers written as one word with no numeral of their own: 半百 = 50, 半打 = 6 (zh/numerals.yaml whole_numbers)."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from checker.quantities.combine import Item
from checker.quantities.data import WholeNumber, quantity_data
from checker.quantities.intervals import exact_bounds, make_quantity
from checker.quantities.tables import Affix, tables
from checker.quantities.words import Texts, fold_word

ONE = Decimal(1)


def whole_number_items(texts: Texts) -> list[Item]:
    """Every whole-number word in the text that is not part of a longer word (过半百姓)."""
    found = []
    for form, not_before, entry in _forms():
        pos = texts.lower.find(form)
        while pos >= 0:
            end = pos + len(form)
            if not texts.lower.startswith(not_before, end):
                affix = Affix(entry.kind, entry.unit) if entry.unit else None
                bounds = exact_bounds(entry.value, tables().tolerances)
                found.append(Item(make_quantity(texts, pos, end, affix, bounds), ONE))
            pos = texts.lower.find(form, end)
    return found


@lru_cache(maxsize=1)
def _forms() -> tuple[tuple[str, tuple[str, ...], WholeNumber], ...]:
    """Each whole-number word folded, with the words that may not follow it folded, and its entry."""
    words = quantity_data().numerals.whole_numbers
    return tuple((fold_word(w), tuple(fold_word(n) for n in e.not_before), e) for w, e in words.items())
