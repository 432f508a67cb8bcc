"""Pinyin glosses injected after CJK characters by some zh-Hant sites: 萬(wàn) reads as 萬."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from checker.cleaning.data import cleaning_data
from checker.cleaning.edits import Edit


@dataclass(frozen=True)
class GlossShape:
    """The compiled shape of a gloss: a candidate pattern, tone marks and the syllable test."""

    candidate: re.Pattern[str]
    tone_marks: frozenset[str]
    untone: dict[int, str]
    syllable: re.Pattern[str]

    def is_gloss(self, letters: str) -> bool:
        """A toned pinyin syllable."""
        return any(c in self.tone_marks for c in letters) and bool(self.syllable.fullmatch(letters.translate(self.untone)))


@cache
def gloss_shape() -> GlossShape:
    """Compile the glosses section of the cleaning data once."""
    data = cleaning_data().glosses
    marks = "".join(data.tone_marks.values())
    by_length = lambda parts: "|".join(sorted(parts, key=len, reverse=True))  # noqa: E731
    return GlossShape(
        candidate=re.compile(rf"(?<={data.after})[(（](?P<letters>[a-zü{marks}]{{1,7}}) ?[)）]"),
        tone_marks=frozenset(marks),
        untone=str.maketrans({mark: base for base, group in data.tone_marks.items() for mark in group}),
        syllable=re.compile(rf"(?:{by_length(data.initials)})?(?:{by_length(data.finals)})"),
    )


def gloss_edits(text: str) -> list[Edit]:
    """Edits that remove every pinyin gloss."""
    shape = gloss_shape()
    return [Edit(*m.span()) for m in shape.candidate.finditer(text) if shape.is_gloss(m.group("letters"))]
