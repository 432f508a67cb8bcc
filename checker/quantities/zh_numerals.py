"""Chinese numerals, Arabic digits and magnitudes mixed (一百四十三亿, 1,115亿, 4.78万亿, 200多亿, 数千亿)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterator

from checker.quantities.data import NumeralData
from checker.quantities.words import SPACES, fold_word

# Digits as written, at most 30 before and 20 after the point (longer strings are codes, not quantities).
ARABIC = r"[0-9]{1,3}(?:,[0-9]{3}){1,9}(?![0-9])(?:\.[0-9]{1,20}(?![0-9]))?|[0-9]{1,30}(?![0-9])(?:\.[0-9]{1,20}(?![0-9]))?"
MAX_TOKENS = 24  # no numeral in real text has more pieces; bounds the work on long runs of numeral characters
_ARABIC = re.compile(ARABIC)
ZERO, TEN = Decimal(0), Decimal(10)


@dataclass(frozen=True)
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


class ChineseNumerals:
    """Reads runs of Chinese numeral characters and Arabic digits."""

    def __init__(self, data: NumeralData) -> None:
        self.digits = {fold_word(k): Decimal(v) for k, v in data.digits.items()}
        self.units = {fold_word(k): Decimal(v) for k, v in data.units.items()}
        self.magnitudes = {fold_word(k): v for k, v in data.magnitudes.items()}
        self.points = {fold_word(k) for k in data.decimal_points}
        self.not_after_point = {fold_word(k) for k in data.not_after_point}
        self.plus = {fold_word(k) for k in data.plus_markers}
        leads = [(fold_word(w), "several") for w in data.several_markers]
        leads += [(fold_word(w), "at_least") for w in data.at_least_markers]
        self.leads = sorted(leads, key=lambda item: -len(item[0]))

    def pattern(self) -> str:
        """A regular expression for a run of numeral characters (validated by `read`)."""
        digits, units, mags = (_char_class(m) for m in (self.digits, self.units, self.magnitudes))
        points, plus = _char_class(self.points), _char_class(self.plus)
        leads = "|".join(re.escape(w) for w, _ in self.leads)
        head = f"(?:{ARABIC}|{digits}|{units}|(?:{leads})(?={units}|{mags}))"
        tail = f"(?:[ \\t]{{0,2}}(?:{ARABIC}|{digits}|{units}|{mags}|{plus})|{points}(?=[0-9]|{digits}))"
        return f"(?<![0-9.]){head}{tail}{{0,{MAX_TOKENS}}}"

    def is_unit_char(self, char: str) -> bool:
        """A unit or magnitude character, which a unit word may begin with (千瓦, 兆瓦)."""
        return char in self.units or char in self.magnitudes

    def read(self, text: str, start: int, end: int) -> ZhValue | None:
        """The longest whole numeral at the start of text[start:end], or None."""
        state, tokens, good = _State(), [], 0
        for token in self.tokens(text, start, end):
            if not state.feed(token):
                break
            tokens.append(token)
            if state.complete():
                good = len(tokens)
        return self._value(tokens[:good]) if good else None

    def _value(self, tokens: list[Token]) -> ZhValue:
        """Evaluate tokens known to form a whole numeral."""
        state = _State()
        for token in tokens:
            state.feed(token)
        arabic = [t for t in tokens if t.arabic]
        year_like = len(tokens) == 1 and bool(arabic) and re.fullmatch(r"[0-9]{4}", arabic[0].text) is not None
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
            return Token(kind, self.digits[char], pos, pos + 1)
        if char in self.units:
            return Token("unit", self.units[char], pos, pos + 1)
        if char in self.magnitudes:
            return Token("mag", self.magnitudes[char], pos, pos + 1)
        if char in self.points:
            return self._fraction(text, pos, end)
        if char in self.plus:
            return Token("plus", ZERO, pos, pos + 1)
        return None

    def _fraction(self, text: str, pos: int, end: int) -> Token | None:
        """A decimal point and the digits after it (点五 -> 0.5)."""
        digits, cur = "", pos + 1
        while cur < end and ("0" <= text[cur] <= "9" or text[cur] in self.digits) and text[cur] not in self.not_after_point:
            digits += text[cur] if text[cur] <= "9" else str(self.digits[text[cur]])
            cur += 1
        return Token("point", Decimal("0." + digits), pos, cur) if digits else None


def _char_class(chars: object) -> str:
    """A regex character class of the given single characters."""
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"  # type: ignore[arg-type]


@dataclass
class _State:
    """The running state of a Chinese numeral being read token by token."""

    parts: list[list[Decimal]] = field(default_factory=list)  # closed groups: [value, magnitude]
    section: Decimal = ZERO
    pending: Decimal | None = None
    pending_digit: bool = False  # the pending number is one Chinese digit (may abbreviate: 一万三)
    last_unit: Decimal | None = None
    min_unit: Decimal | None = None
    zero_gap: bool = False
    decimal: bool = False
    extra: Decimal = ZERO
    plus: bool = False
    lead: str | None = None
    last: str | None = None

    def feed(self, token: Token) -> bool:
        """Take the next token; False when it cannot continue the numeral."""
        if self.plus and token.kind != "mag":
            return False
        handler = getattr(self, f"_{token.kind}")
        if not handler(token):
            return False
        self.last = token.kind
        return True

    def complete(self) -> bool:
        """True when the tokens so far form a whole numeral."""
        return self.last not in (None, "lead", "zero") or (self.last == "zero" and self.pending is not None)

    def _lead(self, token: Token) -> bool:
        """A "several" or "at least" marker, only first."""
        if self.last is not None:
            return False
        self.lead = token.text
        return True

    def _num(self, token: Token) -> bool:
        """A digit or an Arabic number."""
        if self.pending is not None or self.decimal:
            return False
        self.pending = token.value
        self.pending_digit = not token.arabic or len(token.text) == 1  # 一万三, 7万5
        return True

    def _zero(self, token: Token) -> bool:
        """零: a gap inside the numeral."""
        if self.pending is not None or self.decimal:
            return False
        self.zero_gap, self.last_unit = True, None
        return True

    def _unit(self, token: Token) -> bool:
        """十, 百, 千: multiply the pending digit (or an implied 1)."""
        if self.decimal or (self.pending is None and self.last not in (None, "lead", "zero")):
            return False
        if self.min_unit is not None and token.value >= self.min_unit:
            return False
        self.section += (self.pending if self.pending is not None else 1) * token.value
        self.pending, self.pending_digit = None, False
        self.last_unit = self.min_unit = token.value
        self.zero_gap = False
        return True

    def _mag(self, token: Token) -> bool:
        """万, 亿, 兆: close a group, or multiply the last one (万亿)."""
        current = self.section + (self.pending or ZERO)
        if current == 0 and self.pending is None:
            if self.last == "mag" and self.parts:
                self.parts[-1] = [self.parts[-1][0] * token.value, self.parts[-1][1] * token.value]
                self.last_unit = self.parts[-1][1]
                return True
            if self.last != "lead":
                return False
            current = Decimal(1)
        while self.parts and self.parts[-1][1] < token.value:
            current += self.parts.pop()[0]
        self.parts.append([current * token.value, token.value])
        self.section, self.pending, self.pending_digit = ZERO, None, False
        self.min_unit, self.last_unit, self.zero_gap, self.decimal = None, token.value, False, False
        return True

    def _point(self, token: Token) -> bool:
        """A decimal point and its digits."""
        if self.decimal:
            return False
        if self.pending is not None and self._abbreviates():
            self.section, self.pending, self.extra = self.section + self._abbreviated(), None, token.value
        elif self.pending is not None:
            self.pending, self.pending_digit = self.pending + token.value, False
        elif self.section or self.parts:
            self.extra = token.value
        else:
            return False
        self.decimal = True
        return True

    def _plus(self, token: Token) -> bool:
        """多, 余, 几 after a round numeral."""
        round_arabic = self.last == "num" and not self.pending_digit and self.pending is not None \
            and self.pending > 0 and self.pending % 10 == 0
        if self.last not in ("unit", "mag") and not round_arabic:
            return False
        self.plus = True
        return True

    def _abbreviates(self) -> bool:
        """A lone digit right after a unit stands for the next lower place (一万三 = 13000)."""
        return self.pending_digit and self.last == "num" and bool(self.last_unit) and not self.zero_gap

    def _abbreviated(self) -> Decimal:
        """The pending digit's value, abbreviation applied (两千四百五: 5 -> 50)."""
        pending = self.pending or ZERO
        return pending * self.last_unit / TEN if self._abbreviates() and self.last_unit else pending

    def total(self) -> Decimal:
        """The value read."""
        return sum((p[0] for p in self.parts), ZERO) + self.section + self._abbreviated() + self.extra

    def scale(self) -> Decimal:
        """The magnitude the numeral ends in (1 when none)."""
        ends_in_magnitude = self.parts and self.section == 0 and self.pending is None and not self.extra
        return self.parts[-1][1] if ends_in_magnitude else Decimal(1)
