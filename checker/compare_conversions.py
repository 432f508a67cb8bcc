"""Money figures that restate the one before them in another currency (143亿美元，约合人民币1027亿元): not compared."""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from checker.datafiles import load_model
from checker.models import Claim
from checker.paths import DATA_DIR


class ConversionExample(BaseModel):
    """A sentence, its money figures in order, and those that are conversions."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    sentence: str
    figures: tuple[tuple[str, str], ...]  # (text, currency)
    conversions: tuple[str, ...]


class ConversionData(BaseModel):
    """The words that mark a conversion and how close it stands to the figure it converts."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    conversion_words: tuple[str, ...]
    markers: tuple[str, ...]
    punctuation: str
    max_gap: int
    examples: tuple[ConversionExample, ...] = ()


@lru_cache(maxsize=1)
def conversion_data() -> ConversionData:
    """Load the bundled conversion markers."""
    return load_model(DATA_DIR / "conversions.yaml", ConversionData)


def is_conversion(gap: str, figure: str, data: ConversionData) -> bool:
    """True when the text between two figures in different currencies, and the second figure's opening, mark it a
    restatement of the first (约合人民币1027亿元 anywhere after it; (約新台幣4,290億元), or about HK$112 billion)."""
    gap, opening = gap.lower(), figure.lower()
    if any(opening.startswith(w) or gap.rstrip().endswith(w) for w in data.conversion_words):
        return True
    if len(gap) > data.max_gap:
        return False
    rest = gap.strip(data.punctuation)
    if not rest:
        return any(opening.startswith(m) for m in data.markers)
    return any(rest.endswith(m) and not rest[:-len(m)].strip(data.punctuation) for m in data.markers)


def conversions(claims: list[Claim]) -> set[int]:
    """Indexes of the money claims that convert the money figure before them in their sentence."""
    data = conversion_data()
    by_sentence: dict[tuple[str, str], list[tuple[int, int, Claim]]] = defaultdict(list)
    for index, claim in enumerate(claims):
        at = claim.sentence.find(" ".join(claim.text.split())) if claim.kind == "money" else -1
        if at >= 0:
            by_sentence[(claim.article, claim.sentence)].append((at, index, claim))
    found = set()
    for (_, sentence), figures in by_sentence.items():
        figures.sort(key=lambda f: (f[0], f[1]))
        for (at, _, before), (next_at, index, claim) in zip(figures, figures[1:]):
            end = at + len(" ".join(before.text.split()))
            if claim.unit != before.unit and next_at >= end and is_conversion(sentence[end:next_at], claim.text, data):
                found.add(index)
    return found
