"""Read what stands around a numeral: its unit or currency, a qualifier word and a sign."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Iterator

from checker.quantities.numerals import Numeral, NumeralScanner
from checker.quantities.tables import Affix, QualifierWord, Tables
from checker.quantities.words import Texts, WordMatch, is_cjk, is_latin, skip_spaces, skip_spaces_back

AffixMatch = WordMatch[Affix]
FRACTION = Affix("fraction", "")
_TRAILING_LETTERS = re.compile("[A-Za-z]+$")
_NAME_WORDS = re.compile(r"(?:[A-Z][A-Za-z0-9&'.-]*[ \t]+){1,3}")  # up to three capitalised words (OpenAI, Google DeepMind)
UNIT_GAP = 4  # spaces at most between a number and its unit word (一百五十    个百分点)


@dataclass(slots=True)
class Reading:
    """A numeral with its unit, qualifier and sign, and the span they cover."""

    start: int  # span, qualifier words included
    end: int
    body_start: int  # span without qualifier words (a currency or unit word included)
    body_end: int
    numeral: Numeral
    affix: Affix | None = None
    qualifier: QualifierWord | None = None
    negative: bool = False


@dataclass(slots=True)
class _Suffix:
    """A unit word after a numeral (the numeral possibly cut short to free it)."""

    numeral: Numeral
    match: AffixMatch
    start: int  # where the span starts: the numeral, or a word the unit needs before it (每秒)


class Reader:
    """Builds readings around numerals."""

    def __init__(self, tables: Tables, scanner: NumeralScanner) -> None:
        self.tables = tables
        self.scanner = scanner
        chinese = scanner.chinese
        self._numeral_ends = frozenset(c for word in (*chinese.units, *chinese.magnitudes) for c in word[-1:])

    def read(self, texts: Texts, numeral: Numeral) -> Reading | None:
        """The reading of one numeral, or None when it cannot stand (a $-only multiplier with no $)."""
        suffix = self._suffix(texts, numeral)
        if suffix is not None:
            numeral = suffix.numeral
        prefix = self._prefix(texts.lower, numeral.start)
        affix, body_start, body_end = _reconcile(numeral, prefix, suffix)
        if affix is None and numeral.fraction:
            affix = FRACTION  # two thirds, 3/4: a share of something, not a count
        if numeral.money_only and (affix is None or affix.kind != "money"):
            return self._without_currency(texts, numeral)
        negative, body_start = self._sign(texts.lower, body_start)
        start, before = self._qualifier_before(texts.lower, body_start)
        end, after = self._qualifier_after(texts.lower, body_end)
        return Reading(start, end, body_start, body_end, numeral, affix, before or after, negative)

    def _without_currency(self, texts: Texts, numeral: Numeral) -> Reading | None:
        """A $-only multiplier with no currency: millions if written in capitals away from Chinese (10M), else the
        number without it (2.5 m, 5 mm); None when nothing is left."""
        letters = _TRAILING_LETTERS.search(texts.folded, numeral.start, numeral.end)
        if letters is None:
            return None
        multiplier = self.scanner.multipliers[letters.group().lower()]
        before = texts.lower[numeral.start - 1] if numeral.start else " "
        after = texts.lower[numeral.end] if numeral.end < len(texts.lower) else " "
        if multiplier.capitals_alone and letters.group().isupper() and not is_cjk(before) and not is_cjk(after):
            return self.read(texts, replace(numeral, money_only=False))
        end = skip_spaces_back(texts.lower, letters.start(), limit=8)
        if end <= numeral.start:
            return None
        value, scale = numeral.value / multiplier.value, numeral.scale / multiplier.value
        return self.read(texts, replace(numeral, end=end, value=value, scale=scale, money_only=False))

    def _suffix(self, texts: Texts, numeral: Numeral) -> _Suffix | None:
        """The unit word after the numeral that reaches furthest (then the longest one)."""
        best: _Suffix | None = None
        for candidate in self._cuts(texts, numeral):
            for match in self._suffixes_at(texts, candidate, cut=candidate is not numeral):
                start = self._needed_before(texts.lower, candidate.start, match.payload)
                if start is None or (candidate is not numeral and match.end <= numeral.end):
                    continue
                found = _Suffix(candidate, match, start)
                if best is None or (match.end, match.end - match.start) > (best.match.end, best.match.end - best.match.start):
                    best = found
        return best

    def _cuts(self, texts: Texts, numeral: Numeral) -> Iterator[Numeral]:
        """The numeral, then its shortened forms where a unit word may start (数千兆瓦: 数千 + 兆瓦)."""
        yield numeral
        for cut in (1, 2):
            end = numeral.end - cut
            if end > numeral.start and (self.tables.suffixes.may_start(texts.lower[end])
                                        or self.tables.cased_suffixes.may_start(texts.folded[end])):
                shorter = self.scanner.shortened(texts.lower, numeral, end)
                if shorter is not None:
                    yield shorter

    def _suffixes_at(self, texts: Texts, numeral: Numeral, cut: bool) -> list[AffixMatch]:
        """Unit words right after a numeral (a cut numeral's unit must follow with no space)."""
        pos = numeral.end if cut else skip_spaces(texts.lower, numeral.end, UNIT_GAP)
        if numeral.plural and texts.lower.startswith("of ", pos):
            pos += 3
        found = self._unit_words_at(texts, pos)
        if pos == numeral.end and texts.lower.startswith("-", pos):
            found += self._hyphenated(texts, pos + 1)
        if not found and pos > numeral.end and not numeral.year_like:
            found = self._counted_after_name(texts, pos)  # never a year's (in 2025 Meta employees…)
        return found

    def _counted_after_name(self, texts: Texts, pos: int) -> list[AffixMatch]:
        """Count nouns after a name that says whose they are (seven OpenAI researchers, 11 Google DeepMind staff)."""
        name = _NAME_WORDS.match(texts.folded, pos)
        if name is None:
            return []
        return [m for m in self._unit_words_at(texts, name.end()) if m.payload.kind == "count"]

    def _hyphenated(self, texts: Texts, pos: int) -> list[AffixMatch]:
        """English unit words after a hyphen, as in an adjective (a 1-gigawatt campus, a 5-GW site), unless a hyphen
        and a digit follow them (2-in-1)."""
        lower = texts.lower
        if pos >= len(lower) or not is_latin(lower[pos]):
            return []
        return [m for m in self._unit_words_at(texts, pos)
                if not (lower.startswith("-", m.end) and lower[m.end + 1:m.end + 2].isdigit())]

    def _unit_words_at(self, texts: Texts, pos: int) -> list[AffixMatch]:
        """Unit words starting at `pos`: case-blind ones in the lower-case text, then case-sensitive ones."""
        return self.tables.suffixes.starting_at(texts.lower, pos) + self.tables.cased_suffixes.starting_at(texts.folded, pos)

    def _needed_before(self, lower: str, start: int, affix: Affix) -> int | None:
        """Where a word the unit needs before the number starts (每秒); `start` if it needs none."""
        if not affix.needs_before:
            return start
        pos = skip_spaces_back(lower, start)
        return next((pos - len(w) for w in affix.needs_before if lower.startswith(w, pos - len(w))), None)

    def _prefix(self, lower: str, start: int) -> AffixMatch | None:
        """A currency or unit word right before the numeral ($, US$, 人民币, 百分之, aged)."""
        return self.tables.prefixes.last_at(lower, skip_spaces_back(lower, start))

    def _sign(self, lower: str, start: int) -> tuple[bool, int]:
        """A minus sign or word right before the number: (negative, new start)."""
        word = self.tables.negatives.last_at(lower, skip_spaces_back(lower, start))
        if word is not None:
            return True, word.start
        if start > 0 and lower[start - 1] in "-−":
            before = lower[start - 2] if start > 1 else " "
            spaced = skip_spaces_back(lower, start - 1)
            previous = lower[spaced - 1] if spaced > 0 else " "
            if not (before.isascii() and before.isalnum()) and not previous.isdigit() and previous not in "-−" \
                    and previous not in self._numeral_ends:
                return True, start - 1  # not after 660亿 (660亿-720亿美元: a range)
        return False, start

    def _qualifier_before(self, lower: str, start: int) -> tuple[int, QualifierWord | None]:
        """A qualifier word before the span (超过, about), unless a longer non-qualifier ends there (最近)."""
        pos = skip_spaces_back(lower, start)
        word = self.tables.qualifiers_before.last_at(lower, pos)
        if word is None:
            return start, None
        other = self.tables.not_qualifiers.last_at(lower, pos)
        if other is not None and len(other.word) > len(word.word):
            return start, None
        return word.start, word.payload

    def _qualifier_after(self, lower: str, end: int) -> tuple[int, QualifierWord | None]:
        """A qualifier word after the span (以上, 左右, or more)."""
        word = self.tables.qualifiers_after.first_at(lower, skip_spaces(lower, end))
        return (word.end, word.payload) if word is not None else (end, None)


def _reconcile(numeral: Numeral, prefix: AffixMatch | None, suffix: _Suffix | None) -> tuple[Affix | None, int, int]:
    """One affix from the words before and after: (affix, body start, body end)."""
    if suffix is None:
        return (prefix.payload, prefix.start, numeral.end) if prefix else (None, numeral.start, numeral.end)
    after = suffix.match.payload
    if prefix is None:
        return after, suffix.start, suffix.match.end
    before = prefix.payload
    if (before.kind, before.unit) == (after.kind, after.unit):
        affix = before if before.assumption is None else after  # 人民币300亿元: no assumption about 元
        return affix, prefix.start, suffix.match.end
    if before.kind == after.kind == "money" and after.assumption and not before.assumption:
        return before, prefix.start, suffix.match.end  # 新台币2.89兆元: TWD, not the bare 元
    if before.kind in ("money", "percent") and after.kind != "money":
        return before, prefix.start, numeral.end  # "$5 people": the currency; "4人民币 5美元": 5's own
    if before.kind == "age" and after.unit == before.unit:
        return before, prefix.start, suffix.match.end  # aged 28 years
    return after, suffix.start, suffix.match.end
