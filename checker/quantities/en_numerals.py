"""English written numbers: words and digits with scales (one hundred and six, 4 thousand 3 hundred and 21)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from checker.quantities.data import EnglishNumerals
from checker.quantities.en_fractions import best_reading
from checker.quantities.en_tokens import EnToken, EnValue, Kinds, tokenize

ZERO, ONE, TEN, HUNDRED = Decimal(0), Decimal(1), Decimal(10), Decimal(100)
MAX_WORDS = 48  # bounds the work on long runs of number words (a 12-digit number with decimals takes ~40)


@dataclass(frozen=True)
class Cardinal:
    """A whole number read from tokens: its value, the index after its last token and its last scale."""

    value: Decimal
    stop: int
    scale: Decimal
    digits: bool  # Arabic digits in it


class EnglishNumberWords:
    """Reads runs of English number words, digits with scales, decimals with "point" and fractions."""

    def __init__(self, data: EnglishNumerals) -> None:
        self.words = {w.lower(): Decimal(v) for w, v in data.words.items()}
        self.scales = {w.lower(): v for w, v in data.scales.items()}
        self.several = tuple(w.lower() for w in data.several)
        self.plural = {w.lower(): v for w, v in data.plural_scales.items()}
        self.fractions = {w.lower(): Decimal(v) for w, v in data.fractions.items()}
        self.articles = frozenset(w.lower() for w in data.fraction_articles)
        self.bare = frozenset(w.lower() for w in data.bare_fractions)
        self.lone = frozenset(w.lower() for w in data.lone_fractions)
        self.kinds = _word_kinds(data)

    def patterns(self) -> tuple[str, str, str]:
        """Regexes for where a written number starts, for "several <scale>" and plural scales."""
        word = alternation([*self.words, *self.bare])
        follow = alternation([*self.scales, *self.fractions, *self.bare, *self.words])
        article = f"{alternation(self.articles)}[ \\t]+(?={follow}(?![a-z]))"
        start = f"(?<![a-z])(?:{word}(?![a-z])|{article})"
        scale = alternation(self.scales)
        several = f"(?<![a-z])(?:{alternation(self.several)})[ \\t]+{scale}(?:[ \\t]+{scale})*(?![a-z])"
        plural = alternation(self.plural)
        plurals = f"(?<![a-z]){plural}(?:[ \\t]+of[ \\t]+{plural})*(?![a-z])"
        return start, several, plurals

    def read(self, text: str, start: int) -> EnValue | None:
        """The longest written number (whole, decimal or fraction) starting at `start`."""
        tokens = tokenize(text, start, self.kinds, MAX_WORDS)
        if not tokens:
            return None
        return best_reading(self, tokens)

    def cardinal(self, tokens: list[EnToken], i: int, limit: int | None = None) -> Cardinal | None:
        """The longest whole number in tokens[i:limit] (a trailing "and" left out)."""
        reader = _CardinalReader(self.scales)
        best = None
        for k in range(i, len(tokens) if limit is None else limit):
            if not reader.feed(tokens[k], tokens[k + 1] if k + 1 < len(tokens) else None):
                break
            if tokens[k].kind != "and":
                best = Cardinal(reader.total + reader.current, k + 1, reader.last_scale, reader.digits)
        return best

    def read_several(self, text: str, start: int, end: int) -> EnValue:
        """The scales after "several" multiplied (several hundred million -> 10^8)."""
        value = ONE
        for word in re.findall(r"[a-z]+", text[start:end]):
            value *= self.scales.get(word, ONE)
        return EnValue(value, end, value)

    def read_plural(self, text: str, start: int, end: int) -> EnValue:
        """The plural scales multiplied (hundreds of millions -> 10^8)."""
        value = ONE
        for word in re.findall(r"[a-z]+", text[start:end]):
            value *= self.plural.get(word, ONE)
        return EnValue(value, end, value)


def _word_kinds(data: EnglishNumerals) -> Kinds:
    """Each English word's token kind and value: num, scale, frac, comp, article, and, point, of."""
    kinds: Kinds = {}
    groups = [(data.words, "num"), (data.scales, "scale"), (data.fractions, "frac"), (data.compound_ordinals, "comp"),
              (data.fraction_articles, "article"), (data.and_words, "and"), (data.point_words, "point"),
              (data.of_words, "of")]
    for words, kind in groups:
        for word in words:
            value = Decimal(words[word]) if isinstance(words, dict) else ZERO
            kinds.setdefault(word.lower(), (kind, value))
    return kinds


class _CardinalReader:
    """The running state of a whole number read token by token."""

    def __init__(self, scales: dict[str, Decimal]) -> None:
        self.scales = scales
        self.total, self.current, self.group = ZERO, ZERO, ZERO
        self.last: str | None = None  # None, "a", "unit", "teen", "tens", "digits", "hundred", "scale", "and"
        self.before_and: str | None = None
        self.big: Decimal | None = None
        self.last_scale, self.last_number = ONE, ZERO
        self.digits = False

    def feed(self, token: EnToken, following: EnToken | None) -> bool:
        """Take the next token; False when it cannot continue the number."""
        if token.kind == "and":
            if self.last in ("hundred", "scale") and following is not None:
                self.before_and, self.last = self.last, "and"
                return True
            return False
        if token.kind == "article":
            if self.last is None and following is not None and following.kind == "scale":
                self.current, self.last, self.last_number = ONE, "a", ONE
                return True
            return False
        if token.kind == "num":
            return self._number(token)
        if token.kind == "scale":
            return self._scale(token)
        return False

    def _number(self, token: EnToken) -> bool:
        """A number word or Arabic digits."""
        value, last = token.value, self.last
        after = self.before_and if last == "and" else last
        if token.digits:
            bound = self.big if after == "scale" else HUNDRED
            ok = last is None or (self.digits and after in ("hundred", "scale") and not token.decimal
                                  and bound is not None and value < bound)
            self.digits = True
            kind = "digits"
        else:
            kind = "unit" if value < TEN else "teen" if value < 20 else "tens"
            ok = last is None or after in ("hundred", "scale") or (last == "tens" and 0 < value < TEN)
            # "$11.9 billion five-year deal": no words right after digits and a scale ("6 crore and two hundred" is one)
            ok = ok and not (self.digits and last == "scale")
            if token.joined and after not in ("tens",):
                ok = ok and last is None
        if not ok:
            return False
        self.current += value
        self.last, self.last_number = kind, value
        return True

    def _scale(self, token: EnToken) -> bool:
        """hundred, dozen, thousand, million, lakh, crore."""
        scale = token.value
        if self.last in (None, "and"):
            return False
        if scale < HUNDRED:  # dozen: multiplies the last number only (three hundred and two dozens)
            if self.last not in ("unit", "teen", "tens", "digits", "a"):
                return False
            self.current += self.last_number * (scale - 1)
            self.last, self.last_scale = "dozen", scale
            return True
        elif scale == HUNDRED:
            if self.last not in ("unit", "teen", "tens", "digits", "a") or self.current <= 0 or \
                    (self.last != "digits" and self.current >= HUNDRED):
                return False
            self.current *= HUNDRED
            self.last, self.last_scale = "hundred", scale
            return True
        elif self.last == "scale" and self.big is not None and scale > self.big:  # three lakh crore
            self.total += self.group * (scale - 1)
            self.group *= scale
            self.big = scale
        else:
            if self.current <= 0 or (self.big is not None and scale >= self.big):
                return False
            self.group = self.current * scale
            self.total, self.current, self.big = self.total + self.group, ZERO, scale
        self.last, self.last_scale = "scale", scale
        return True


def alternation(words: object) -> str:
    """A non-capturing alternation of words, longest first."""
    ordered = sorted(words, key=lambda w: (-len(w), w))  # type: ignore[arg-type]
    return "(?:" + "|".join(re.escape(w) for w in ordered) + ")"
