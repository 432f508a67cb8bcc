"""Minor money units that count only after an amount in the main unit: 五元三毛, 5元3角2分, 10日元5日本銭."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from checker.quantities.data import quantity_data
from checker.quantities.reader import Reading
from checker.quantities.tables import Affix, currency_affix
from checker.quantities.words import Texts, WordMatch, WordTable, fold_word, skip_spaces


@lru_cache(maxsize=1)
def _minor_words() -> WordTable[Affix]:
    """The words a currency's minor units go by right after an amount (毛, 角, 分)."""
    entries = quantity_data().currencies.currencies
    return WordTable((w, currency_affix(e)) for e in entries for w in e.after_amount)


def minor_unit_readings(texts: Texts, readings: list[Reading]) -> list[Reading]:
    """Bare numbers followed by a minor unit word of the currency of the amount just before them, with that unit."""
    out: list[Reading] = []
    for reading in readings:
        affix = _minor_after(texts.lower, out[-1], reading) if out and reading.affix is None else None
        if affix is not None:
            end = affix.end
            reading = replace(reading, affix=affix.payload, body_end=end, end=max(reading.end, end))
        out.append(reading)
    return out


def _minor_after(lower: str, previous: Reading, reading: Reading) -> WordMatch[Affix] | None:
    """The minor unit word after `reading` when `previous`, right before it, is an amount in a larger unit."""
    major = previous.affix
    if major is None or major.kind != "money" or lower[previous.end:reading.start].strip() not in _joiners():
        return None
    word = _minor_words().first_at(lower, skip_spaces(lower, reading.numeral.end))
    if word is None or word.payload.unit != major.unit or word.payload.factor >= major.factor:
        return None
    return word


@lru_cache(maxsize=1)
def _joiners() -> frozenset[str]:
    """What may stand between the parts of one amount: nothing, or a joining word (又)."""
    return frozenset(("", *(fold_word(w) for w in quantity_data().currencies.compound_joiners)))
