"""Chinese numerals, Arabic digits and magnitudes mixed (一百四十三亿, 1,115亿, 4.78万亿, 200多亿, 数千亿)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Iterator

from checker.quantities.data import NumeralData
from checker.quantities.words import SPACES, fold_word, skip_spaces
from checker.quantities.zh_state import ZhState

# Digits as written, at most 30 before and 20 after the point (longer strings are codes, not quantities).
ARABIC = r"[0-9]{1,3}(?:,[0-9]{3}){1,9}(?![0-9])(?:\.[0-9]{1,20}(?![0-9]))?|[0-9]{1,30}(?![0-9])(?:\.[0-9]{1,20}(?![0-9]))?"
MAX_TOKENS = 48  # no numeral in real text has more pieces; bounds the work on long runs of numeral characters
_ARABIC = re.compile(ARABIC)
_YEAR = re.compile("[0-9]{4}")
CACHE_SIZE = 4096  # distinct runs read before the cache of readings starts afresh
ZERO, ONE = Decimal(0), Decimal(1)


@dataclass(slots=True)
class Token:
    """One piece of a Chinese numeral: num, zero, unit, mag, point, plus or lead."""

    kind: str
    value: Decimal
    start: int
    end: int
    arabic: bool = False
    text: str = ""


@dataclass(frozen=True)
class ZhValue:
    """A Chinese numeral read in full."""

    value: Decimal
    end: int
    scale: Decimal  # trailing magnitude (10^8 for 143亿), 1 when it ends in no magnitude
    plus: bool
    lead: str | None  # "several" or "at_least"
    chinese: bool  # no Arabic digits in it
    year_like: bool  # one bare four-digit Arabic integer
    high: Decimal | None = None  # the upper end of an approximation by two digits (两三个 = 2 to 3)


class ChineseNumerals:
    """Reads runs of Chinese numeral characters and Arabic digits."""

    def __init__(self, data: NumeralData) -> None:
        self.digits = {fold_word(k): Decimal(v) for k, v in data.digits.items()}
        self.units = {fold_word(k): Decimal(v) for k, v in data.units.items()}
        self.magnitudes = {fold_word(k): v for k, v in data.magnitudes.items()}
        self.points = {fold_word(k) for k in data.decimal_points}
        self.not_after_point = {fold_word(k) for k in data.not_after_point}
        self.plus = {fold_word(k) for k in data.plus_markers}
        self.pairs = {fold_word(w) for w in data.approximation_pairs}
        self.not_alone = {fold_word(w) for w in data.not_alone}
        leads = [(fold_word(w), "several") for w in data.several_markers]
        leads += [(fold_word(w), "at_least") for w in data.at_least_markers]
        self.leads = sorted(leads, key=lambda item: -len(item[0]))
        self._lead_reach = max((len(w) - 1 for w, _ in self.leads), default=0)
        self._lead_firsts = frozenset(w[0] for w, _ in self.leads)
        self._cache: dict[tuple[str, int], ZhValue | None] = {}

    def pattern(self) -> str:
        """A regular expression for a run of numeral characters (validated by `read`)."""
        digits, units, mags = (_char_class(m) for m in (self.digits, self.units, self.magnitudes))
        points, plus = _char_class(self.points), _char_class(self.plus)
        leads = "|".join(re.escape(w) for w, _ in self.leads)
        head = f"(?:{ARABIC}|{digits}|{units}|(?:{leads})(?={units}|{mags}))"
        tail = f"(?:[ \\t]{{0,2}}(?:{ARABIC}|{digits}|{units}|{mags}|{plus}|{points}[ \\t]{{0,2}}(?=[0-9]|{digits})))"
        return f"(?<![0-9])(?<![0-9]\\.){head}{tail}{{0,{MAX_TOKENS}}}"  # not inside 1.5; after ... yes

    def is_unit_char(self, char: str) -> bool:
        """A unit or magnitude character, which a unit word may begin with (千瓦, 兆瓦)."""
        return char in self.units or char in self.magnitudes

    def read(self, text: str, start: int, end: int) -> ZhValue | None:
        """The longest whole numeral at the start of text[start:end], or None."""
        value = self.read_from(text, start, end)
        if value is None or not start:
            return value
        return ZhValue(value.value, value.end + start, value.scale, value.plus, value.lead, value.chinese,
                       value.year_like, value.high)

    def read_from(self, text: str, start: int, end: int) -> ZhValue | None:
        """`read` with its end counted from `start` (each distinct run read once)."""
        lead = start < len(text) and text[start] in self._lead_firsts  # a lead word (好几) may run past `end`
        run = text[start:end + self._lead_reach] if lead else text[start:end]  # all `_read` looks at
        key = (run, end - start)
        if key not in self._cache:
            if len(self._cache) >= CACHE_SIZE:
                self._cache.clear()
            self._cache[key] = self._read(run, 0, end - start)
        return self._cache[key]

    def _read(self, text: str, start: int, end: int) -> ZhValue | None:
        """`read` computed: it depends on text[start:end] only, and on a lead word starting there."""
        quick = self._quick(text, start, end)
        return self.read_tokens(text, start, end) if quick is None else quick or None

    def read_tokens(self, text: str, start: int, end: int) -> ZhValue | None:
        """`_read` token by token (the plain computation `_quick` shortcuts)."""
        tokens = list(self.tokens(text, start, end))
        pair = self._pair(tokens)
        if pair is not None:
            low, low_count = self._longest(tokens[:pair + 1] + tokens[pair + 2:])
            high, high_count = self._longest(tokens[:pair] + tokens[pair + 1:])
            if low is not None and high is not None and low_count == high_count >= pair + 1:
                return replace(low, end=high.end, high=high.value, chinese=True)
        value, count = self._longest(tokens)
        alone = [t for t in tokens[:count] if t.kind != "lead"]
        return None if len(alone) == 1 and alone[0].text in self.not_alone else value

    def _quick(self, text: str, start: int, end: int) -> ZhValue | bool | None:
        """`_read` of the commonest runs without tokens: Arabic digits with at most one magnitude after them (2024,
        1,200亿), one Chinese digit (一, 两); False for None, None for any other run."""
        char = text[start]
        if "0" <= char <= "9":
            match = _ARABIC.match(text, start, end)
            assert match is not None
            mag = self.magnitudes.get(text[match.end()]) if match.end() == end - 1 else None
            if match.end() != end and mag is None:
                return None
            digits = match.group()
            value = ZERO + (Decimal(digits.replace(",", "")) or ZERO)  # as ZhState sums it
            if mag is not None:
                return ZhValue(ZERO + value * mag, end, mag, False, None, False, False)
            if digits in self.not_alone:
                return False
            return ZhValue(value, end, ONE, False, None, False, _YEAR.fullmatch(digits) is not None)
        if end - start != 1 or char not in self.digits or \
                char in self._lead_firsts and any(text.startswith(w, start) for w, _ in self.leads):
            return None
        if char in self.not_alone:
            return False
        return ZhValue(ZERO + (self.digits[char] or ZERO), end, ONE, False, None, True, False)

    def _longest(self, tokens: list[Token]) -> tuple[ZhValue | None, int]:
        """The value of the longest run of tokens from the first that forms a whole numeral, and its length."""
        state, good = ZhState(), 0
        for count, token in enumerate(tokens, 1):
            if not state.feed(token):
                break
            if state.complete():
                good = count
        if not good:
            return None, 0
        return self._value(tokens[:good], state if good == len(tokens) else None), good  # all fed: the state is final

    def _pair(self, tokens: list[Token]) -> int | None:
        """Where two adjacent Chinese digits give a range (两三, 十七八, 三四百万), if they do."""
        for i in range(len(tokens) - 1):
            first, second = tokens[i], tokens[i + 1]
            if first.kind == second.kind == "num" and first.end == second.start and first.text + second.text in self.pairs:
                return i
        return None

    def _value(self, tokens: list[Token], state: ZhState | None = None) -> ZhValue:
        """Evaluate tokens known to form a whole numeral (`state`: theirs, already fed)."""
        if state is None:
            state = ZhState()
            for token in tokens:
                state.feed(token)
        arabic = [t for t in tokens if t.arabic]
        year_like = len(tokens) == 1 and bool(arabic) and _YEAR.fullmatch(arabic[0].text) is not None
        return ZhValue(state.total(), tokens[-1].end, state.scale(), state.plus, state.lead, not arabic, year_like)

    def tokens(self, text: str, start: int, end: int) -> Iterator[Token]:
        """The tokens of a run, one by one, up to the first character that is none."""
        pos, first = start, True
        while pos < end:
            token = self._token(text, pos, end, first)
            if token is None:
                if text[pos] not in SPACES:
                    return
                pos += 1
                continue
            yield token
            pos, first = token.end, False

    def _token(self, text: str, pos: int, end: int, first: bool) -> Token | None:
        """The token at `pos`, or None."""
        char = text[pos]
        if "0" <= char <= "9":
            match = _ARABIC.match(text, pos, end)
            assert match is not None
            digits = match.group().replace(",", "")
            return Token("num", Decimal(digits), pos, match.end(), arabic=True, text=match.group())
        if first:
            for word, lead in self.leads:
                if text.startswith(word, pos):
                    return Token("lead", ZERO, pos, pos + len(word), text=lead)
        if char in self.digits:
            kind = "zero" if self.digits[char] == 0 and not first else "num"
            return Token(kind, self.digits[char], pos, pos + 1, text=char)
        if char in self.units:
            return Token("unit", self.units[char], pos, pos + 1, text=char)
        if char in self.magnitudes:
            return Token("mag", self.magnitudes[char], pos, pos + 1)
        if char in self.points:
            return self._fraction(text, pos, end)
        if char in self.plus:
            return Token("plus", ZERO, pos, pos + 1)
        return None

    def _fraction(self, text: str, pos: int, end: int) -> Token | None:
        """A decimal point and the digits after it (点五 -> 0.5)."""
        digits, cur = "", skip_spaces(text, pos + 1)
        while cur < end and ("0" <= text[cur] <= "9" or text[cur] in self.digits) and text[cur] not in self.not_after_point:
            digits += text[cur] if text[cur] <= "9" else str(self.digits[text[cur]])
            cur += 1
        return Token("point", Decimal("0." + digits), pos, cur) if digits else None


def _char_class(chars: object) -> str:
    """A regex character class of the given single characters."""
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"  # type: ignore[arg-type]
