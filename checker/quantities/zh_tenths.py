"""Tenths as percentages: 七成 = 70 %, 三成半 = 35 %, 七成六 = 76 %, 九折 = 90 %, 五五折 / 75折 = 55 / 75 %, 对折."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from functools import lru_cache

from checker.datafiles import load_model
from checker.quantities.combine import Item
from checker.quantities.data import QUANTITY_DATA_DIR, Example, Strict, Words
from checker.quantities.intervals import exact_bounds, make_quantity
from checker.quantities.reader import Reading
from checker.quantities.tables import PERCENT, Tables, tables
from checker.quantities.words import Texts, fold_word, skip_spaces, unspaced

ONE, TEN, HUNDRED = Decimal(1), Decimal(10), Decimal(100)


class TenthsWord(Strict):
    """A word after a number of tenths (成, 折)."""

    word: str
    max_tenths: Decimal = TEN  # 十成 at most; 75折 is read as 75 %, not 750 %
    two_digits: bool = False  # 五五折, 7 2 折: two digits are a percentage
    digit_after: bool = False  # 七成六 = 76 %
    not_before: Words = ()  # 成本, 折合: a word, not tenths


class TenthsData(Strict):
    """zh/tenths.yaml."""

    words: tuple[TenthsWord, ...]
    halves: Words  # after the word: half a tenth more (三成半)
    whole_words: dict[str, Decimal]  # percentages written as one word (对折 = 50)
    whole_words_need_before: dict[str, Words] = {}  # 对折 only after 打
    examples: tuple[Example, ...] = ()


@lru_cache(maxsize=1)
def tenths_data() -> TenthsData:
    """The bundled zh/tenths.yaml."""
    return load_model(QUANTITY_DATA_DIR / "zh" / "tenths.yaml", TenthsData)


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, TenthsWord], list[tuple[str, Decimal, Words]], frozenset[str]]:
    """Tenths words by folded form, the whole words folded (with the words one needs before), the half words folded."""
    data = tenths_data()
    needs = {fold_word(w): tuple(fold_word(b) for b in before) for w, before in data.whole_words_need_before.items()}
    wholes = [(fold_word(w), v, needs.get(fold_word(w), ())) for w, v in data.whole_words.items()]
    return {fold_word(w.word): w for w in data.words}, wholes, frozenset(fold_word(w) for w in data.halves)


def tenths_readings(texts: Texts, readings: list[Reading], tables: Tables, digits: dict[str, Decimal]) -> list[Reading]:
    """The readings with their tenths words read as percentages, or dropped where they are none (100亿成本)."""
    words = _tables()[0]
    out: list[Reading] = []
    for reading in readings:
        word = _tenths_word(texts.lower, reading, words)
        if word is None:
            out.append(reading)
            continue
        adjusted = _adjust(texts.lower, reading, word, out, tables, digits)
        if adjusted is not None:
            if adjusted.start < reading.start and out and out[-1].numeral.end <= reading.numeral.start:
                out.pop()  # the first digit of 五五折 is part of it
            out.append(adjusted)
        else:
            out.append(replace(reading, affix=None, body_end=reading.numeral.end, end=reading.numeral.end))
    return out


def whole_word_items(texts: Texts) -> list[Item]:
    """Percentages written as one word (打对折, 半成)."""
    found = []
    words = _tables()[0]
    for form, value, needs in _tables()[1]:
        pos = texts.lower.find(form)
        while pos >= 0:
            if not _whole_word_stands(texts.lower, pos, form, needs, words):
                pos = texts.lower.find(form, pos + len(form))
                continue
            quantity = make_quantity(texts, pos, pos + len(form), PERCENT, exact_bounds(value, tables().tolerances))
            found.append(Item(quantity, ONE))
            pos = texts.lower.find(form, pos + len(form))
    return found


def _whole_word_stands(lower: str, pos: int, form: str, needs: Words, words: dict[str, TenthsWord]) -> bool:
    """A whole word with the word it needs before it, not followed by its tenths word's not_before (半成品)."""
    if needs and not any(lower.startswith(w, pos - len(w)) for w in needs if pos >= len(w)):
        return False
    word = words.get(form[-1])
    return word is None or not any(lower.startswith(w, pos + len(form)) for w in word.not_before)


def _tenths_word(lower: str, reading: Reading, words: dict[str, TenthsWord]) -> TenthsWord | None:
    """The tenths word a reading's unit was read from, if it was."""
    if reading.affix is None or reading.affix.kind != "percent" or reading.body_end <= reading.numeral.end:
        return None
    return words.get(unspaced(lower[reading.numeral.end:reading.body_end]))


def _adjust(lower: str, reading: Reading, word: TenthsWord, before: list[Reading], tables: Tables,
            digits: dict[str, Decimal]) -> Reading | None:
    """The reading as a percentage, or None when the word is no tenths word here."""
    numeral = reading.numeral
    if numeral.scale != ONE or numeral.lead or any(lower.startswith(w, reading.body_end) for w in word.not_before):
        return None
    value, start = numeral.value, reading.start
    previous = before[-1] if before else None
    if word.two_digits and previous is not None and _digit_pair(lower, previous, reading):
        value, start = previous.numeral.value * TEN + value, previous.start
    elif TEN <= value < HUNDRED and value == value.to_integral_value() and word.two_digits and not numeral.chinese:
        pass  # 75折
    elif value > word.max_tenths:
        return None
    else:
        value, end = _tail(lower, reading.body_end, value * TEN, word, tables, digits)
        reading = replace(reading, body_end=end, end=max(end, reading.end))
    numeral = replace(numeral, start=min(numeral.start, start), value=value)
    return replace(reading, numeral=numeral, affix=PERCENT, start=min(start, reading.start),
                   body_start=min(start, reading.body_start))


def _digit_pair(lower: str, first: Reading, second: Reading) -> bool:
    """Two single digits, the second right after the first (五五折, 7 2 折)."""
    a, b = first.numeral, second.numeral
    return first.affix is None and skip_spaces(lower, a.end) == b.start and \
        all(n.end - n.start == 1 and n.value < TEN and n.value == n.value.to_integral_value() for n in (a, b))


def _tail(lower: str, end: int, value: Decimal, word: TenthsWord, tables: Tables,
          digits: dict[str, Decimal]) -> tuple[Decimal, int]:
    """A half (三成半) or a digit (七成六) after the word: the value and the end with it."""
    pos = skip_spaces(lower, end)
    if pos < len(lower) and lower[pos] in _tables()[2]:
        return value + Decimal(5), pos + 1
    if word.digit_after and pos < len(lower) and (lower[pos] in digits or "1" <= lower[pos] <= "9"):
        after = pos + 1
        if after < len(lower) and (lower[after] in digits or lower[after].isdigit() or tables.suffixes.first_at(lower, skip_spaces(lower, after))):
            return value, end
        digit = digits[lower[pos]] if lower[pos] in digits else Decimal(lower[pos])
        return value + digit, after
    return value, end
