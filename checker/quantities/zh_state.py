"""The running state of a Chinese numeral read token by token (一万三, 两千四百五, 一百零几万, 3万4000)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Protocol

ZERO, TEN = Decimal(0), Decimal(10)


class Token(Protocol):
    """What the state needs of a token."""

    kind: str
    value: Decimal
    arabic: bool
    text: str


@dataclass
class ZhState:
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
        implied = self.pending is None or self.pending == 0  # 零十 = 10
        self.section += (1 if implied else self.pending) * token.value
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
        after_gap = self.last == "zero" and bool(self.section)  # 一百零几万
        if self.last not in ("unit", "mag") and not round_arabic and not after_gap:
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
