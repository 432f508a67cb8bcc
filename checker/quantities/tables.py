"""Lookup tables compiled once from the quantity data files."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Iterable, Iterator

from checker.quantities.data import CurrencyEntry, Factors, QuantityData, Tolerances, YearSpan, data_origins, quantity_data
from checker.quantities.layers import origin_error
from checker.quantities.physical import physical_unit
from checker.quantities.stretches import covered
from checker.quantities.words import WordTable, fold_char, fold_word


@dataclass(frozen=True)
class Affix:
    """What a word before or after a number makes of it: kind, unit and factor to base units."""

    kind: str
    unit: str
    factor: Decimal = Decimal(1)
    assumption: str | None = None
    needs_before: tuple[str, ...] = ()  # folded words, one of which must stand before the number
    written: str = ""  # a physical unit as written (pint's name: "tonne"), reported beside the base unit
    per_written: Decimal = Decimal(1)  # base units in one written unit


PERCENT = Affix("percent", "percent")  # what a word read as a percentage gives (七成, 千分之五)


@dataclass(frozen=True)
class QualifierWord:
    """A qualifier word's meaning."""

    qualifier: str
    near: Decimal | None = None


@dataclass(frozen=True)
class Tables:
    """Everything the extractor looks words up in."""

    suffixes: WordTable[Affix]
    cased_suffixes: WordTable[Affix]  # matched on Texts.folded (case kept)
    prefixes: WordTable[Affix]
    qualifiers_before: WordTable[QualifierWord]
    qualifiers_after: WordTable[QualifierWord]
    not_qualifiers: WordTable[bool]
    negatives: WordTable[bool]
    fraction_words: WordTable[bool]
    fraction_joiners: WordTable[bool]  # 又 in 3又一千分之23
    connectors: WordTable[bool]
    pair_opens: WordTable[tuple[str, ...]]  # payload: the words that join the pair
    closers: WordTable[bool]
    not_after: WordTable[bool]
    blockers: tuple[re.Pattern[str], ...]
    splitters: tuple[re.Pattern[str], ...]  # spans whose digit runs are separate numbers (192.168.1.2)
    latin_function_words: frozenset[str]
    number_words: frozenset[str]  # English number words: one joined to another by a hyphen is no name (three-nought-four)
    indefinite_articles: frozenset[str]
    tolerances: Tolerances
    several: Factors
    years: YearSpan
    bare_single_chinese: bool
    isolating_marks: frozenset[str]
    lone_after: frozenset[str]  # a single numeral character after these (是, 前) may stand alone (这是五)
    lone_before: frozenset[str]  # ... before an end, a mark, a punctuation mark or one of these (的, 这, 不)


@lru_cache(maxsize=1)
def tables() -> Tables:
    """Compile the bundled data files (raises DataFileError)."""
    data = quantity_data()
    quals, ranges = data.qualifiers, data.qualifiers.ranges
    before = [(w, QualifierWord(q.qualifier, q.near)) for q in quals.qualifiers for w in q.before]
    after = [(w, QualifierWord(q.qualifier, q.near)) for q in quals.qualifiers for w in q.after]
    suffixes, cased, prefixes = _affix_entries(data)
    opens = [(w, tuple(fold_word(j) for j in pair.join)) for pair in ranges.pairs for w in pair.open]
    return Tables(
        suffixes=WordTable(suffixes),
        cased_suffixes=WordTable(((_fold_keep_case(w), a) for w, a in cased), fold=False),
        prefixes=WordTable(prefixes),
        qualifiers_before=WordTable(before),
        qualifiers_after=WordTable(after),
        not_qualifiers=WordTable((w, True) for w in quals.not_qualifiers),
        negatives=WordTable((w, True) for w in data.numerals.negative_words),
        fraction_words=WordTable((w, True) for w in data.numerals.fraction_words),
        fraction_joiners=WordTable((w, True) for w in data.numerals.fraction_joiners),
        connectors=WordTable((w, True) for w in ranges.connectors),
        pair_opens=WordTable(opens),
        closers=WordTable((w, True) for w in ranges.closers),
        not_after=WordTable((w, True) for w in ranges.not_after),
        blockers=_blockers(data),
        splitters=tuple(re.compile(p) for p in data.filters.split_patterns),
        latin_function_words=frozenset(w.lower() for w in data.filters.latin_words_before_numbers),
        number_words=frozenset(w.lower() for w in data.numerals.english.words),
        indefinite_articles=frozenset(fold_word(w) for w in data.filters.indefinite_articles),
        tolerances=quals.tolerances,
        several=data.numerals.several,
        years=data.filters.years,
        bare_single_chinese=data.numerals.bare_single_chinese,
        isolating_marks=frozenset(fold_word(w) for w in data.numerals.isolating_marks),
        lone_after=frozenset(fold_word(w) for w in data.numerals.lone_after),
        lone_before=frozenset(fold_word(w) for w in data.numerals.lone_before),
    )


def _fold_keep_case(word: str) -> str:
    """A case-sensitive data word, width- and script-folded."""
    return "".join(fold_char(c) for c in word)


AffixEntries = list[tuple[str, Affix]]


def _affix_entries(data: QuantityData) -> tuple[AffixEntries, AffixEntries, AffixEntries]:
    """(after-words, case-sensitive after-words, before-words) of units and currencies."""
    suffixes: AffixEntries = []
    cased: AffixEntries = []
    prefixes: AffixEntries = []
    for words_after, words_before, case_sensitive, affix in _affixes(data):
        (cased if case_sensitive else suffixes).extend((w, affix) for w in words_after)
        prefixes.extend((w, affix) for w in words_before)
    return suffixes, cased, prefixes


def currency_affix(entry: CurrencyEntry) -> Affix:
    """The affix a currency entry gives the number it stands by."""
    return Affix("money", entry.code, entry.factor, entry.assumption)


def _affixes(data: QuantityData) -> Iterator[tuple[tuple[str, ...], tuple[str, ...], bool, Affix]]:
    """Every unit and currency entry as (after-words, before-words, case-sensitive, affix)."""
    for entry in data.currencies.currencies:
        yield entry.after, entry.before, False, currency_affix(entry)
    for index, entry in enumerate(data.units.units):
        needs = tuple(fold_word(w) for w in entry.needs_before)
        if entry.pint is None:
            affix = Affix(entry.kind or "", entry.unit or "", entry.factor, entry.assumption, needs)
        else:
            try:
                unit = physical_unit(entry.pint, data.units.physical_kinds)
            except ValueError as err:
                raise origin_error(data_origins("units")["units"][index], ("units", "pint"), str(err)) from None
            affix = Affix(unit.kind, unit.unit, unit.factor * entry.factor, entry.assumption, needs, unit.written, unit.factor)
        yield entry.after, entry.before, entry.case_sensitive, affix


def _blockers(data: QuantityData) -> tuple[re.Pattern[str], ...]:
    """The not-a-quantity patterns, plus one pattern for the listed words."""
    patterns = [re.compile(p) for p in data.filters.patterns]
    words = sorted({fold_word(w) for w in data.filters.words}, key=lambda w: (-len(w), w))
    if words:
        patterns.append(re.compile("|".join(re.escape(w) for w in words)))
    return tuple(patterns)


def blocked_at(lower: str, positions: Iterable[int]) -> set[int]:
    """The positions, of those given, that a not-a-quantity span covers."""
    return covered(tables().blockers, lower, positions)
