"""The quantity extractor's data files (checker/data/quantities/*.yaml) as validated models."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from checker.quantities.layers import Origin, load_layered
from checker.paths import DATA_DIR

QUANTITY_DATA_DIR = DATA_DIR / "quantities"
Words = tuple[str, ...]


class Strict(BaseModel):
    """Base for data-file models: frozen, no unknown keys."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class ExpectedQuantity(Strict):
    """One quantity an example expects; only the fields given are checked."""

    text: str
    start: int | None = None
    value: Decimal | None = None
    unit: str | None = None
    kind: str | None = None
    qualifier: str | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    assumptions: Words | None = None


class Example(Strict):
    """A text and the quantities found in it (all of them, unless `partial`)."""

    text: str
    expect: tuple[ExpectedQuantity, ...]
    partial: bool = False
    source: str = ""  # the seed article the text comes from (seeds/<source>)
    note: str = ""


class Multiplier(Strict):
    """An abbreviated multiplier after digits (1.2bn, 10k, $3m)."""

    words: Words
    value: Decimal
    glued: bool = False  # only with no space before it
    hyphen: bool = False  # also after a hyphen (a $100-million package)
    money_only: bool = False  # only where a currency is named
    capitals_alone: bool = False  # ... unless written in capitals away from Chinese text (10M, 2.5 MM)


class EnglishNumerals(Strict):
    """English number words, scales and multipliers."""

    words: dict[str, int]
    scales: dict[str, Decimal]
    multipliers: tuple[Multiplier, ...]
    fractions: dict[str, Decimal] = {}
    compound_ordinals: dict[str, int] = {}  # denominators only after a tens word (twenty-first)
    fraction_articles: Words = ()
    bare_fractions: Words = ()  # fractions with no numerator (half, quarter million)
    lone_fractions: Words = ()  # bare fractions that stand with no scale after them (half)
    point_words: Words = ()  # two point five
    and_words: Words = ()  # one hundred and six
    of_words: Words = ()  # two thirds of a million (one word, an article after it)
    over_words: Words = ()  # one over three, one out of three
    several: Words
    plural_scales: dict[str, Decimal]


class Factors(Strict):
    """Low and high factors of a "several" range (数千 = 2 to 9.99 thousand)."""

    low: Decimal
    high: Decimal


class WholeNumber(Strict):
    """A number written as one word with no numeral of its own (半百 = 50, 半打 = 6)."""

    value: Decimal
    kind: str = "number"
    unit: str = ""
    not_before: Words = ()  # what makes it another word (过半百姓: 百姓, the people)


class NumeralData(Strict):
    """numerals.yaml."""

    digits: dict[str, int]
    units: dict[str, int]
    magnitudes: dict[str, Decimal]
    decimal_points: Words
    not_after_point: Words = ()
    fraction_words: Words = ()
    fraction_joiners: Words = ()  # between a whole number and a fraction: 3又一千分之23
    approximation_pairs: Words = ()  # two digits for a range: 两三个 = 2 to 3
    not_alone: Words = ()  # numeral characters that alone are a word (陆 in 登陆, 拾 in 拾起)
    plus_markers: Words
    several_markers: Words
    at_least_markers: Words
    negative_words: Words
    several: Factors
    bare_single_chinese: bool = False
    isolating_marks: Words = ()  # a single numeral character between these (or spaces, or text ends) is a number
    lone_after: Words = ()  # ... or right after one of these (这是五, 前三) before an end, a mark or a `lone_before` word
    lone_before: Words = ()
    whole_numbers: dict[str, WholeNumber] = {}
    english: EnglishNumerals
    examples: tuple[Example, ...] = ()

    @field_validator("digits", "units", "magnitudes", "decimal_points", "plus_markers")
    @classmethod
    def _single_chars(cls, words: dict[str, object] | Words) -> dict[str, object] | Words:
        """Numeral characters are single characters."""
        bad = [w for w in words if len(w) != 1]
        if bad:
            raise ValueError(f"numeral characters must be single characters: {bad}")
        return words


class CurrencyEntry(Strict):
    """Words and symbols naming one currency before or after a number."""

    code: str
    before: Words = ()
    after: Words = ()
    assumption: str | None = None
    factor: Decimal = Decimal(1)
    after_amount: Words = ()  # minor units only right after an amount in a larger one (五元三毛: 毛)

    @field_validator("code")
    @classmethod
    def _iso_code(cls, code: str) -> str:
        """Codes are ISO 4217: three capital letters."""
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise ValueError(f"not an ISO 4217 code: {code!r}")
        return code


class MeasureWord(Strict):
    """A currency word that is also a measure word (块): money only where no noun follows it."""

    word: str
    money_after: Words  # what may follow it as money (钱, 多, 买): anything else but a mark or a digit is a noun


class CurrencyData(Strict):
    """currencies.yaml."""

    currencies: tuple[CurrencyEntry, ...]
    compound_joiners: Words = ()  # between the parts of one amount: 3 dollars and 50 cents
    measure_words: tuple[MeasureWord, ...] = ()
    examples: tuple[Example, ...] = ()

    @model_validator(mode="after")
    def _measure_words_name_money(self) -> CurrencyData:
        """Every measure word is some currency's word after a number (checked once the layers are merged)."""
        if self.measure_words is None or self.currencies is None:  # one layer, not the merged file
            return self
        bad = [m.word for m in self.measure_words if not any(m.word in e.after for e in self.currencies)]
        if bad:
            raise ValueError(f"measure words no currency has after a number: {bad}")
        return self


class UnitEntry(Strict):
    """Words before or after a number that give it a kind and unit."""

    kind: str | None = None
    unit: str | None = None
    pint: str | None = None
    factor: Decimal = Decimal(1)
    before: Words = ()
    after: Words = ()
    needs_before: Words = ()
    assumption: str | None = None
    case_sensitive: bool = False

    @model_validator(mode="after")
    def _kind_or_pint(self) -> UnitEntry:
        """Either a pint unit or an explicit kind and unit."""
        if (self.pint is None) == (self.kind is None or self.unit is None):
            raise ValueError("give either `pint` or both `kind` and `unit`")
        return self


class UnitData(Strict):
    """units.yaml."""

    physical_kinds: dict[str, str]
    units: tuple[UnitEntry, ...]
    examples: tuple[Example, ...] = ()


class Tolerances(Strict):
    """How wide an exact or approximate figure's interval is."""

    exact_cap: Decimal
    round_step: Decimal
    approx: Decimal


class QualifierEntry(Strict):
    """Words that give a number one qualifier."""

    qualifier: Literal["approx", "over", "under", "at_least", "at_most"]
    before: Words = ()
    after: Words = ()
    near: Decimal | None = None  # under: low = value × (1 − near); None leaves low open


class RangePair(Strict):
    """Words that wrap a range: "between A and B"."""

    open: Words
    join: Words


class RangeWords(Strict):
    """Words that join two numbers into a range."""

    connectors: Words
    pairs: tuple[RangePair, ...] = ()
    closers: Words = ()
    not_after: Words = ()


class QualifierData(Strict):
    """qualifiers.yaml."""

    tolerances: Tolerances
    qualifiers: tuple[QualifierEntry, ...]
    not_qualifiers: Words = ()
    ranges: RangeWords
    examples: tuple[Example, ...] = ()


class YearSpan(Strict):
    """Bare four-digit integers read as years."""

    min: int
    max: int


class FilterData(Strict):
    """filters.yaml."""

    years: YearSpan
    patterns: Words
    split_patterns: Words = ()  # spans whose digit runs are separate bare numbers (192.168.1.2)
    words: Words
    indefinite_articles: Words = ()
    latin_words_before_numbers: Words
    examples: tuple[Example, ...] = ()

    @field_validator("patterns", "split_patterns")
    @classmethod
    def _compiles(cls, patterns: Words) -> Words:
        """Every pattern is a valid regular expression."""
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as err:
                raise ValueError(f"bad regular expression {pattern!r}: {err}") from None
        return patterns


class QuantityData(NamedTuple):
    """All quantity data files."""

    numerals: NumeralData
    currencies: CurrencyData
    units: UnitData
    qualifiers: QualifierData
    filters: FilterData


MODELS = dict(zip(QuantityData._fields, (NumeralData, CurrencyData, UnitData, QualifierData, FilterData)))


@lru_cache(maxsize=1)
def _layered() -> tuple[QuantityData, dict[str, dict[str, list[Origin]]]]:
    """Every data file merged over its per-language files (quantities/<lang>/<name>.yaml)."""
    loaded = {name: load_layered(QUANTITY_DATA_DIR, f"{name}.yaml", model) for name, model in MODELS.items()}
    return QuantityData(**{n: m for n, (m, _) in loaded.items()}), {n: o for n, (_, o) in loaded.items()}


def quantity_data() -> QuantityData:
    """Load and validate the bundled quantity data files (raises DataFileError)."""
    return _layered()[0]


def data_origins(name: str) -> dict[str, list[Origin]]:
    """For one data file (numerals, units, ...): the file and index each item of its merged lists comes from."""
    return _layered()[1][name]


def all_examples() -> list[tuple[str, Example]]:
    """Every example the data files carry, with the file it comes from (zh/numerals.yaml)."""
    found = []
    for name, part in zip(QuantityData._fields, quantity_data()):
        origins = data_origins(name).get("examples", [])
        for example, (path, _) in zip(part.examples, origins):
            found.append((str(path.relative_to(QUANTITY_DATA_DIR)), example))
    return found
