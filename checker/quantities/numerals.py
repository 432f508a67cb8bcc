"""Find the numbers in a text: Chinese numerals, Arabic digits, magnitudes and English number words."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

from checker.quantities.data import Multiplier, quantity_data
from checker.quantities.en_numerals import EnglishNumberWords, alternation
from checker.quantities.en_tokens import VULGAR_FRACTIONS
from checker.quantities.regex_gate import literal_prefixes, prefix_search
from checker.quantities.zh_numerals import ChineseNumerals, ZhValue

ONE = Decimal(1)
DOT_DECIMAL = r"(?<![0-9a-z.,])\.[0-9]{1,20}(?![0-9.])"  # .08
DIGITS_GO_ON = " \t/^e" + "".join(VULGAR_FRACTIONS)  # after digits, what may continue them as an English number (2½)
_ARABIC_ONLY = re.compile(r"[0-9.,]+")


@dataclass(slots=True)
class Numeral:
    """A number as written: its span in the text and its value before any unit."""

    start: int
    end: int
    value: Decimal
    scale: Decimal = ONE  # the magnitude it ends in (亿 in 143亿, 10^9 in 14.3 billion), shared by ranges
    lead: str | None = None  # "several" (数千亿, several hundred) or "at_least" (上亿)
    plus: bool = False  # a plus marker after a round numeral (200多亿)
    chinese: bool = False  # Chinese numeral characters only
    year_like: bool = False  # one bare four-digit integer
    money_only: bool = False  # its multiplier reads so only where a currency is named ($3m)
    plural: bool = False  # "hundreds of millions": a unit after it may follow "of"
    english: bool = False  # English number words
    high: Decimal | None = None  # the upper end of a two-digit approximation (两三个: 2, high 3)
    fraction: bool = False  # a proper fraction written as one (two thirds, 3/4, half): no count of anything


class NumeralScanner:
    """Finds numerals with one compiled expression built from numerals.yaml."""

    def __init__(self) -> None:
        data = quantity_data().numerals
        self.chinese = ChineseNumerals(data)
        self.english = EnglishNumberWords(data.english)
        self.multipliers = {w.lower(): m for m in data.english.multipliers for w in m.words}
        written, several, plurals = self.english.patterns()
        run = f"(?P<zh>{self.chinese.pattern()})(?P<mult>{self._multiplier_pattern()})?"
        english = f"(?P<en>{written}|[{''.join(VULGAR_FRACTIONS)}])|(?P<several>{several})|(?P<plural>{plurals})" \
                  f"|(?P<dot>{DOT_DECIMAL})"
        self.regex = re.compile(f"{run}|{english}")
        self.starts = self._starts()

    def _multiplier_pattern(self) -> str:
        """Multipliers after digits: spaced words (14.3 billion) and glued letters (1.2bn, 10k)."""
        spaced = [w for w, m in self.multipliers.items() if not m.glued]
        glued = [w for w, m in self.multipliers.items() if m.glued]
        hyphen = [w for w, m in self.multipliers.items() if m.hyphen]
        return f"[ \\t]*{alternation(spaced)}(?![a-z])|-{alternation(hyphen)}(?![a-z])|{alternation(glued)}(?![a-z])"

    def _starts(self) -> re.Pattern[str]:
        """Where a numeral may start: one of the expression's literal prefixes (else a digit, a point, a Chinese numeral
        character or lead, a word's first letter)."""
        prefixes = literal_prefixes(self.regex)
        if prefixes is not None:
            return prefix_search(prefixes)
        chinese = self.chinese
        chars = set("0123456789.") | set(chinese.digits) | set(chinese.units) | set(chinese.magnitudes) \
            | set(chinese.plus) | {word[0] for word, _ in chinese.leads}
        return re.compile(f"(?<![a-z])[a-z]|[{''.join(re.escape(c) for c in sorted(chars))}]")

    def scan(self, lower: str) -> list[Numeral]:
        """Every numeral in a normalised (lower-case) text, in order."""
        found: list[Numeral] = []
        pos = 0
        while (match := self._search(lower, pos)) is not None:
            numeral = self._numeral(lower, match)
            if numeral is not None:
                found.append(numeral)
            pos = max(numeral.end if numeral else match.start() + 1, match.start() + 1)
        return found

    def _search(self, lower: str, pos: int) -> re.Match[str] | None:
        """`self.regex.search(lower, pos)`, trying the expression only where a numeral may start (faster)."""
        while (start := self.starts.search(lower, pos)) is not None:
            match = self.regex.match(lower, start.start())
            if match is not None:
                return match
            pos = start.start() + 1
        return None

    def _numeral(self, lower: str, match: re.Match[str]) -> Numeral | None:
        """The numeral a match stands for, or None if it is not a whole one."""
        if match.group("zh") is not None:
            return self._chinese(lower, match)
        if match.group("en") is not None:
            value = self.english.read(lower, match.start())
            return value and Numeral(match.start(), value.end, value.value, value.scale, english=True,
                                     fraction=value.fraction)
        if match.group("dot") is not None:
            return Numeral(match.start(), match.end(), Decimal("0" + match.group("dot")))
        reader = self.english.read_several if match.group("several") is not None else self.english.read_plural
        value = reader(lower, match.start(), match.end())
        return Numeral(match.start(), value.end, value.value, value.scale, lead="several", english=True,
                       plural=match.group("plural") is not None)

    def _chinese(self, lower: str, match: re.Match[str]) -> Numeral | None:
        """A Chinese/Arabic run, with an English multiplier or written continuation after it when the run is whole."""
        value = self.chinese.read_from(lower, match.start("zh"), match.end("zh"))
        if value is None:
            return None
        numeral = _from_zh(match.start(), value)
        if match.group("mult") is not None and numeral.end == match.end("zh"):
            multiplier: Multiplier = self.multipliers[match.group("mult").strip(" \t-")]
            numeral = replace(numeral, end=match.end("mult"), value=numeral.value * multiplier.value,
                              scale=numeral.scale * multiplier.value, money_only=multiplier.money_only,
                              year_like=False)
        end = match.start() + value.end
        if end < len(lower) and lower[end] in DIGITS_GO_ON and _ARABIC_ONLY.fullmatch(lower, numeral.start, end):
            english = self.english.read(lower, numeral.start)
            if english is not None and english.end > numeral.end:  # 3 hundred and 21, 2 1/4, 1e10, 1 234 567
                numeral = Numeral(numeral.start, english.end, english.value, english.scale, english=True,
                                  fraction=english.fraction)
        return numeral

    def shortened(self, lower: str, numeral: Numeral, end: int) -> Numeral | None:
        """The numeral cut to end at `end` (to free a unit that begins with a numeral character: 数千|兆瓦)."""
        if numeral.english or not self.chinese.is_unit_char(lower[end]):
            return None
        value = self.chinese.read_from(lower, numeral.start, end)
        return _from_zh(numeral.start, value) if value is not None and numeral.start + value.end == end else None


def _from_zh(start: int, value: ZhValue) -> Numeral:
    """A numeral from a Chinese reading of the run from `start` (its end counted from there)."""
    return Numeral(start, start + value.end, value.value, value.scale, value.lead, value.plus, value.chinese,
                   value.year_like, high=value.high)


@lru_cache(maxsize=1)
def scanner() -> NumeralScanner:
    """The numeral scanner for the bundled data."""
    return NumeralScanner()
