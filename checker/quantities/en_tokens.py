"""Tokens of an English written number: number words, scales, ordinals, "and", "point", digits and slashes."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation, localcontext

_IMPROPER_BELOW = 100  # an improper fraction has a small denominator (3/2, 16/5); 2222/2222 is two numbers
_SEPARATORS = str.maketrans("", "", ", \u00a0\u202f")
_GAP = re.compile(r"[ \t]{0,3}(?:(-)[ \t]{0,2})?")
_WORD = re.compile(r"[a-z]+(?![0-9])")
_SLASH = re.compile(r"([0-9]{1,6})[ \t]?/[ \t]?([0-9]{1,6})(?![0-9/]|[.,][0-9])")  # 3/4, not 1/2,000
_DIGITS = re.compile(r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+(?![0-9])|[0-9]+)"
                     r"(?:\.[0-9]+)?"
                     r"(?:e([+-]?[0-9]{1,3})|\^([+-]{0,2})([0-9]{1,3}))?(?![0-9a-z])")


def _vulgar_fractions() -> dict[str, Decimal]:
    """Unicode's vulgar fraction characters (½, ¾, ⅓, ⅞) and their values, from their decompositions."""
    found = {}
    for code in (*range(0xBC, 0xBF), *range(0x2150, 0x2190)):
        kind, *parts = unicodedata.decomposition(chr(code)).split() or [""]
        numerator, _, denominator = "".join(chr(int(h, 16)) for h in parts).partition("\u2044")
        if kind == "<fraction>" and numerator.isdigit() and denominator.isdigit() and int(numerator) > 0:
            found[chr(code)] = Decimal(numerator) / Decimal(denominator)
    return found


VULGAR_FRACTIONS = _vulgar_fractions()


@dataclass(frozen=True)
class EnValue:
    """An English written number read in full."""

    value: Decimal
    end: int  # offset in the text
    scale: Decimal  # the last scale word's value (10^6 in "two million"), 1 when none
    fraction: bool = False  # a proper fraction written as one (two thirds, 3/4, half)


@dataclass(frozen=True)
class EnToken:
    """One word or digit run of a written number."""

    kind: str  # num, scale, frac, comp, article, and, point, of, slash
    word: str
    value: Decimal
    start: int
    end: int
    joined: bool = False  # a hyphen before it (twenty-one, hundred-fifths)
    digits: bool = False  # Arabic digits
    decimal: bool = False  # digits with a decimal point or an exponent


Kinds = dict[str, tuple[str, Decimal]]  # word -> (token kind, value)


def tokenize(text: str, start: int, kinds: Kinds, limit: int) -> list[EnToken]:
    """The tokens of the run of number words and digits starting at `start`."""
    tokens: list[EnToken] = []
    pos, joined = start, False
    while len(tokens) < limit and pos < len(text):
        token = _token(text, pos, kinds, joined)
        if token is None:
            break
        tokens.append(token)
        gap = _GAP.match(text, token.end)
        assert gap is not None
        pos, joined = gap.end(), gap.group(1) is not None
    return tokens


def _token(text: str, pos: int, kinds: Kinds, joined: bool) -> EnToken | None:
    """The token at `pos`, or None."""
    char = text[pos]
    if "a" <= char <= "z":
        match = _WORD.match(text, pos)
        if match is None or match.group() not in kinds:
            return None
        word = match.group()
        kind, value = kinds[word]
        return EnToken(kind, word, value, pos, match.end(), joined)
    if char in VULGAR_FRACTIONS:  # read as a slash fraction: ½ alone, 2½ = 2 1/2
        return EnToken("slash", char, VULGAR_FRACTIONS[char], pos, pos + 1, joined, True, True)
    if "0" <= char <= "9":
        slash = _SLASH.match(text, pos)
        if slash is not None:
            numerator, denominator = Decimal(slash.group(1)), Decimal(slash.group(2))
            if 0 < numerator < denominator or (numerator > 0 and 0 < denominator < _IMPROPER_BELOW):  # 3/4, 16/5
                return EnToken("slash", slash.group(), numerator / denominator, pos, slash.end(), joined, True, True)
        match = _DIGITS.match(text, pos)
        if match is not None:
            return _digits(match, joined)
    return None


def _digits(match: re.Match[str], joined: bool) -> EnToken | None:
    """Digits, with thousands separators, a decimal part and an exponent (1.3e6, 1.1^23)."""
    body = match.group()
    mantissa = re.split(r"[e^]", body)[0].translate(_SEPARATORS)
    value = Decimal(mantissa)
    try:
        if match.group(1) is not None:
            value = value.scaleb(int(match.group(1)))
        elif match.group(3) is not None:
            exponent = int(match.group(3)) * (-1 if match.group(2).count("-") % 2 else 1)
            with localcontext() as context:
                context.prec = 40
                value = value ** exponent
    except (InvalidOperation, ZeroDivisionError, OverflowError):
        return None
    if not value.is_finite():
        return None  # "0^-1": Decimal gives Infinity without raising
    decimal = "." in mantissa or match.group(1) is not None or match.group(3) is not None
    return EnToken("num", body, value, match.start(), match.end(), joined, True, decimal)
