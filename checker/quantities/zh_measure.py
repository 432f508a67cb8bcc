"""Currency words that are also measure words (块): money where no noun follows them, else a count of things."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from checker.quantities.data import quantity_data
from checker.quantities.reader import Reading
from checker.quantities.tables import Affix, currency_affix
from checker.quantities.words import Texts, WordTable, fold_word, skip_spaces

COUNT = Affix("count", "count")
_Measure = tuple[str, Affix, WordTable[bool]]  # the word, the money it names, what may follow it as money


@lru_cache(maxsize=1)
def _measure_words() -> tuple[_Measure, ...]:
    """Each measure word with the currency affix it has in currencies.yaml and its money_after words."""
    data = quantity_data().currencies
    found = []
    for measure in data.measure_words:
        entry = next(e for e in data.currencies if measure.word in e.after)
        found.append((fold_word(measure.word), currency_affix(entry), WordTable((w, True) for w in measure.money_after)))
    return tuple(found)


def measure_word_readings(texts: Texts, readings: list[Reading]) -> list[Reading]:
    """The readings, those that end in a measure word before a noun (10万块GPU) as counts, not money."""
    measures = _measure_words()
    return [_resolved(texts.lower, r, measures) for r in readings] if measures else readings


def _resolved(lower: str, reading: Reading, measures: tuple[_Measure, ...]) -> Reading:
    """One reading, as a count if it ends in a measure word a noun follows."""
    if reading.affix is None or reading.affix.kind != "money" or reading.end > reading.body_end:
        return reading  # no money, or a qualifier after it (100块左右)
    for word, affix, money_after in measures:
        if reading.affix == affix and lower.endswith(word, 0, reading.body_end):
            pos = skip_spaces(lower, reading.body_end)
            if pos < len(lower) and lower[pos].isalpha() and money_after.first_at(lower, pos) is None:
                return replace(reading, affix=COUNT)
    return reading
