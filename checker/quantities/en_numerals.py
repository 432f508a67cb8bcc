"""English written numbers (twenty-one, one hundred and six, two million) and "several hundred million"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from checker.quantities.data import EnglishNumerals

HUNDRED = Decimal(100)
MAX_WORDS = 16  # bounds the work on long runs of number words


@dataclass(frozen=True)
class EnValue:
    """An English written number read in full."""

    value: Decimal
    end: int
    scale: Decimal


class EnglishNumberWords:
    """Reads runs of English number words."""

    def __init__(self, data: EnglishNumerals) -> None:
        self.words = {w.lower(): Decimal(v) for w, v in data.words.items()}
        self.scales = {w.lower(): v for w, v in data.scales.items()}
        self.several = tuple(w.lower() for w in data.several)
        self.plural = {w.lower(): v for w, v in data.plural_scales.items()}
        self.fractions = {w.lower(): Decimal(v) for w, v in data.fractions.items()}
        self.articles = tuple(w.lower() for w in data.fraction_articles)

    def patterns(self) -> tuple[str, str, str, str]:
        """Regexes for written numbers, fractions, "several <scale>" and plural scales ("hundreds of millions")."""
        word = alternation([*self.words, *self.scales])
        written = f"(?<![a-z]){word}(?:(?:[ \\t]+|[ \\t]*-[ \\t]*)(?:and[ \\t]+)?{word}){{0,{MAX_WORDS}}}(?![a-z])"
        small = alternation([w for w, v in self.words.items() if 0 < v < 20] + list(self.articles))
        fraction = f"(?<![a-z]){small}(?:[ \\t]+|[ \\t]*-[ \\t]*){alternation(self.fractions)}(?![a-z])"
        scale = alternation(self.scales)
        several = f"(?<![a-z])(?:{alternation(self.several)})[ \\t]+{scale}(?:[ \\t]+{scale})*(?![a-z])"
        plural = alternation(self.plural)
        plurals = f"(?<![a-z]){plural}(?:[ \\t]+of[ \\t]+{plural})*(?![a-z])"
        return written, fraction, several, plurals

    def read(self, text: str, start: int, end: int) -> EnValue | None:
        """The longest whole written number at the start of text[start:end]."""
        total, current, best = Decimal(0), Decimal(0), None
        last_value, last_scale, big = None, Decimal(1), None
        for match in re.finditer(r"[a-z]+", text[start:end]):
            word, pos = match.group(), start + match.end()
            if word == "and":
                if last_value is not None:  # "and" joins only after a scale: one hundred and six
                    break
                continue
            if word in self.words:
                value = self.words[word]
                if last_value is not None and not (last_value >= 20 and last_value % 10 == 0 and value < 10):
                    break
                current += value
                last_value, last_scale = value, Decimal(1)
            elif word in self.scales:
                scale = self.scales[word]
                if last_value is None and current == 0 or (big is not None and scale >= big):
                    break
                if scale == HUNDRED:
                    current, last_value = current * HUNDRED, None
                else:
                    total, current, big, last_value = total + current * scale, Decimal(0), scale, None
                last_scale = scale
            else:
                break
            best = EnValue(total + current, pos, last_scale)
        return best

    def read_fraction(self, text: str, start: int, end: int) -> EnValue:
        """A written fraction (two-thirds -> 2/3, a quarter -> 1/4)."""
        count, denominator = re.findall(r"[a-z]+", text[start:end])
        return EnValue(self.words.get(count, Decimal(1)) / self.fractions[denominator], end, Decimal(1))

    def read_several(self, text: str, start: int, end: int) -> EnValue:
        """The scales after "several" multiplied (several hundred million -> 10^8)."""
        value = Decimal(1)
        for word in re.findall(r"[a-z]+", text[start:end]):
            value *= self.scales.get(word, Decimal(1))
        return EnValue(value, end, value)

    def read_plural(self, text: str, start: int, end: int) -> EnValue:
        """The plural scales multiplied (hundreds of millions -> 10^8)."""
        value = Decimal(1)
        for word in re.findall(r"[a-z]+", text[start:end]):
            value *= self.plural.get(word, Decimal(1))
        return EnValue(value, end, value)


def alternation(words: object) -> str:
    """A non-capturing alternation of words, longest first."""
    ordered = sorted(words, key=lambda w: (-len(w), w))  # type: ignore[arg-type]
    return "(?:" + "|".join(re.escape(w) for w in ordered) + ")"
