"""English numbers beyond whole ones: decimals with "point", written fractions, mixed numbers, 2 1/4."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from checker.quantities.en_tokens import EnToken, EnValue

if TYPE_CHECKING:
    from checker.quantities.en_numerals import EnglishNumberWords

ONE, TEN, HUNDRED, THOUSAND = Decimal(1), Decimal(10), Decimal(100), Decimal(1000)
DOZEN = Decimal(12)


@dataclass(frozen=True)
class _Fraction:
    """A written fraction: its value, the token index after it, its numerator's token count, its scale."""

    value: Decimal
    stop: int
    numerator_tokens: int
    scale: Decimal | None  # the scale it multiplies (half a million), None when it has none


def best_reading(words: EnglishNumberWords, tokens: list[EnToken]) -> EnValue | None:
    """The reading that reaches furthest: a whole or decimal number, a mixed number or a fraction."""
    found: list[EnValue] = []
    whole = _whole(words, tokens)
    if whole is not None:
        found.append(whole)
    mixed = _mixed(words, tokens)
    if mixed is not None:
        found.append(mixed)
    fraction = fraction_at(words, tokens, 0)
    if fraction is not None:
        end = tokens[fraction.stop - 1].end
        found.append(EnValue(fraction.value, end, fraction.scale or ONE, fraction.scale is None and fraction.value < 1))
    return max(found, key=lambda v: v.end) if found else None


def _whole(words: EnglishNumberWords, tokens: list[EnToken]) -> EnValue | None:
    """A whole number, a decimal with "point" (two point five million) or digits with a slash fraction."""
    first = tokens[0]
    if first.kind == "slash":
        return EnValue(first.value, first.end, ONE, first.value < ONE)  # 3/2 is a number, not a share
    card = words.cardinal(tokens, 0)
    if card is None:
        return None
    stop = card.stop
    if stop == 1 and first.digits and not first.decimal and len(tokens) > 1 and tokens[1].kind == "slash" \
            and not tokens[1].joined:
        return _scaled(card.value + tokens[1].value, tokens, 2)  # 2 1/4, 1¾ million
    if not card.digits and stop < len(tokens) and tokens[stop].kind == "point":
        decimal = _point_digits(tokens, stop + 1)
        if decimal is not None:
            digits, after = decimal
            return _scaled(card.value + Decimal("0." + digits), tokens, after)
    return EnValue(card.value, tokens[stop - 1].end, card.scale)


def _scaled(value: Decimal, tokens: list[EnToken], after: int) -> EnValue:
    """A number read up to tokens[after], times a scale of a thousand or more there (two point five million)."""
    if after < len(tokens) and tokens[after].kind == "scale" and tokens[after].value >= THOUSAND:
        return EnValue(value * tokens[after].value, tokens[after].end, tokens[after].value)
    return EnValue(value, tokens[after - 1].end, ONE)


def _point_digits(tokens: list[EnToken], i: int) -> tuple[str, int] | None:
    """The digits after "point": digit words one by one (zero three), or one number below 100 (seventy-one)."""
    digits, k = "", i
    while k < len(tokens) and _word_number(tokens[k]) and tokens[k].value < TEN:
        digits += str(int(tokens[k].value))
        k += 1
    if digits:
        return digits, k
    if i < len(tokens) and _word_number(tokens[i]) and tokens[i].value < HUNDRED:
        value, k = int(tokens[i].value), i + 1
        if value % 10 == 0 and value >= 20 and k < len(tokens) and _word_number(tokens[k]) and 0 < tokens[k].value < TEN:
            value, k = value + int(tokens[k].value), k + 1
        return str(value), k
    return None


def _mixed(words: EnglishNumberWords, tokens: list[EnToken]) -> EnValue | None:
    """A whole number "and" a small fraction: one and a half, two million and three fifths."""
    best = None
    for index, token in enumerate(tokens):
        if token.kind != "and" or index == 0:
            continue
        fraction = fraction_at(words, tokens, index + 1)
        if fraction is None or not _small_numerator(tokens[index + 1], fraction):
            continue
        card = words.cardinal(tokens, 0, index)
        if card is None or card.stop != index:
            continue
        if fraction.scale is not None and fraction.scale > card.scale:  # two and a half billion: 2.5 × 10^9
            found = EnValue(card.value * fraction.scale + fraction.value, tokens[fraction.stop - 1].end, fraction.scale)
        else:
            per = card.scale if fraction.scale is None and card.scale >= THOUSAND else ONE
            found = EnValue(card.value + fraction.value * per, tokens[fraction.stop - 1].end, card.scale)
        if best is None or found.end > best.end:
            best = found
    return best


def fraction_at(words: EnglishNumberWords, tokens: list[EnToken], i: int) -> _Fraction | None:
    """A written fraction starting at token i (two thirds, a twenty-first, one hundred thirty-fifths, half)."""
    k = i
    while k < len(tokens) and (_word_number(tokens[k]) or tokens[k].kind in ("scale", "and", "article")):
        k += 1
    if k >= len(tokens) or tokens[k].kind not in ("frac", "comp"):
        return None
    ordinal = tokens[k]
    plural = ordinal.word.endswith("s")
    for split, denominator in _denominators(tokens, i, k):
        numerator = _numerator(words, tokens, i, split)
        if numerator is None or (not plural and numerator != ONE) or denominator == 0:
            continue
        if split == i and ordinal.word not in words.bare:
            continue
        value = numerator / denominator
        scale, stop = _scale_after(tokens, k + 1)
        if scale is None and split == i and ordinal.word not in words.lone:
            return None
        return _Fraction(value * (scale or ONE), stop, split - i, scale)
    return None


def _denominators(tokens: list[EnToken], i: int, k: int) -> list[tuple[int, Decimal]]:
    """Where the numerator may end and the denominator it leaves: a compound one first (thirty-fifths)."""
    ordinal = tokens[k]
    options = []
    p = k - 1
    if p - 1 >= i and tokens[p].kind == "and" and tokens[p - 1].kind == "scale":
        p -= 1  # one hundred and fifth
    if p >= i and ordinal.value < TEN and _is_tens(tokens[p]):
        options.append((p, tokens[p].value + ordinal.value))
    elif p - 1 >= i and tokens[p].kind == "scale" and tokens[p].value in (HUNDRED, THOUSAND) \
            and ordinal.value < tokens[p].value and _word_number(tokens[p - 1]) and tokens[p - 1].value < TEN \
            and not tokens[p - 1].joined and not tokens[p].joined:
        options.append((p - 1, tokens[p - 1].value * tokens[p].value + ordinal.value))
    if ordinal.kind == "frac":
        options.append((k, ordinal.value))
    return options


def _numerator(words: EnglishNumberWords, tokens: list[EnToken], i: int, split: int) -> Decimal | None:
    """The written whole number in tokens[i:split] (one for "a"/"an" or nothing), or None."""
    if split == i:
        return ONE
    if split == i + 1 and tokens[i].kind == "article":
        return ONE
    card = words.cardinal(tokens, i, split)
    if card is None or card.stop != split or card.digits:
        return None
    return card.value


def _scale_after(tokens: list[EnToken], k: int) -> tuple[Decimal | None, int]:
    """A scale a fraction takes (half million, half a dozen, two thirds of a million) and the index after it."""
    j = k
    if j < len(tokens) and tokens[j].kind == "of":
        j += 1
        if j >= len(tokens) or tokens[j].kind != "article":
            return None, k
    if j < len(tokens) and tokens[j].kind == "article":
        j += 1
    if j < len(tokens) and tokens[j].kind == "scale" and tokens[j].value >= DOZEN:
        return tokens[j].value, j + 1
    return None, k


def _small_numerator(first: EnToken, fraction: _Fraction) -> bool:
    """A fraction whose numerator is one word below ten (and a half, and three fifths; not "and thirty fifths")."""
    return fraction.numerator_tokens == 1 and (first.kind == "article" or _word_number(first) and first.value < TEN)


def _word_number(token: EnToken) -> bool:
    """A number written as a word."""
    return token.kind == "num" and not token.digits


def _is_tens(token: EnToken) -> bool:
    """twenty, thirty, ... ninety."""
    return _word_number(token) and TEN * 2 <= token.value < HUNDRED and token.value % TEN == 0
