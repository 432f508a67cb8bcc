"""How alike a Chinese transliteration and a Latin name sound (checker/data/transliteration.yaml)."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from pydantic import BaseModel, ConfigDict, field_validator
from rapidfuzz.distance import Levenshtein

from checker.datafiles import load_model
from checker.entities.normalise import is_cjk, syllable
from checker.paths import DATA_DIR

TABLE_FILE = DATA_DIR / "transliteration.yaml"
BEAM = 8  # partial spellings kept per character
_INITIAL = re.compile(r"^(zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])")


class TranslitTable(BaseModel):
    """Spelling rewrites and the Latin renderings of transliteration characters."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    normalise: list[tuple[str, str]]
    chars: dict[str, str]

    @field_validator("normalise")
    @classmethod
    def _compiles(cls, rules: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """Every rewrite is a valid regular expression."""
        for pattern, _ in rules:
            try:
                re.compile(pattern)
            except re.error as err:
                raise ValueError(f"{pattern!r} is not a regular expression: {err}") from None
        return rules

    @field_validator("chars")
    @classmethod
    def _one_ideograph(cls, chars: dict[str, str]) -> dict[str, str]:
        """Keys are single CJK ideographs; renderings are lower-case Latin words."""
        for char, renderings in chars.items():
            if len(char) != 1 or not is_cjk(char):
                raise ValueError(f"{char!r} is not one CJK ideograph")
            if not re.fullmatch("[a-z]+( [a-z]+)*", renderings):
                raise ValueError(f"{char}: renderings must be lower-case Latin letters")
        return chars


def similarity(a: str, b: str) -> float:
    """Normalised Levenshtein similarity of two spellings, 0..1."""
    return Levenshtein.normalized_similarity(a, b)


def _join(prefix: str, rendering: str) -> str:
    """Two spellings run together, a letter they share at the seam written once ("dan" + "ni")."""
    return prefix + rendering[1:] if prefix and prefix[-1] == rendering[0] else prefix + rendering


class Sounds:
    """Compares transliterated CJK names with Latin names by sound."""

    def __init__(self, table: TranslitTable) -> None:
        self.rules = [(re.compile(p), r) for p, r in table.normalise]
        self.table = {c: tuple(self.spell(r) for r in rs.split()) for c, rs in table.chars.items()}

    def spell(self, latin: str) -> str:
        """A Latin spelling reduced to its sound (lower case, rewrites applied)."""
        text = latin.lower()
        for pattern, replacement in self.rules:
            text = pattern.sub(replacement, text)
        return text

    @lru_cache(maxsize=4096)
    def renderings(self, char: str) -> tuple[str, ...]:
        """The Latin spellings a character may stand for: the table's, its pinyin, its initial."""
        pinyin = syllable(char)
        if not pinyin.isascii() or not pinyin.isalpha():
            return ()
        initial = _INITIAL.match(pinyin)
        found = [*self.table.get(char, ()), self.spell(pinyin)]
        if initial and initial.group() != pinyin:
            found.append(self.spell(initial.group()))
        return tuple(dict.fromkeys(r for r in found if r))

    @lru_cache(maxsize=65536)
    def part(self, cjk: str, latin: str) -> float:
        """How alike one CJK name part and one Latin word sound, 0..1 (beam search over renderings)."""
        target = self.spell(latin)
        if not target or not cjk:
            return 0.0
        beam = [""]
        for char in cjk:
            options = self.renderings(char)
            if not options:
                return 0.0
            grown = {_join(prefix, r) for prefix in beam for r in options}
            beam = sorted(grown, key=lambda s: (-similarity(s, target[:len(s)]), s))[:BEAM]
        return max(similarity(s, target) for s in beam)

    def name(self, cjk_parts: list[str], words: list[str]) -> float:
        """How alike a CJK name (split at its dots) and a Latin name (its words) sound, 0..1.

        Dotted names compare part by part (given names first, surname last, as in both scripts);
        an undotted name compares whole with the Latin words run together, in either order, or with
        the surname alone (扎克伯格, Mark Zuckerberg).
        """
        if not cjk_parts or not words:
            return 0.0
        if len(cjk_parts) > 1:
            if len(cjk_parts) != len(words):
                if len(cjk_parts) != 2 or len(words) < 2:
                    return 0.0
                words = [words[0], words[-1]]  # a middle name or initial the CJK form leaves out
            return min(self.part(c, w) for c, w in zip(cjk_parts, words))
        whole = cjk_parts[0]
        orders = {"".join(words), "".join(words[-1:] + words[:-1]), words[-1]}
        return max(self.part(whole, order) for order in sorted(orders))

    def surname(self, cjk: str, words: list[str]) -> bool:
        """True when a Chinese-style name's first character sounds as the Latin name's surname (汪滔, Wang)."""
        if not cjk or not words:
            return False
        candidates = {words[-1], words[0]} if len(words) > 1 else {words[0]}
        return any(self.spell(syllable(cjk[0])) == self.spell(w) for w in candidates)


@cache
def load_sounds() -> Sounds:
    """The bundled transliteration table (raises DataFileError when invalid)."""
    return Sounds(load_model(TABLE_FILE, TranslitTable))
