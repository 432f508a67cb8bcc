"""The named rules' trigger words, compiled, and the words read around them (checker/data/named/words.yaml)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict

from checker.datafiles import load_model
from checker.paths import DATA_DIR
from checker.rules import ClaimRule, RuleBook, fold_word, spaced_at_seams, unspaced_at_seams


class NamedWords(BaseModel):
    """Words around a named trigger (see the data file for each list)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    joiners: tuple[str, ...]
    openers: tuple[str, ...]
    description_reach: int
    appositive: tuple[str, ...]
    possessives: tuple[str, ...]
    of_markers: tuple[str, ...]
    org_reach: int
    not_qualifiers: tuple[str, ...]
    units: tuple[str, ...] = ()
    event_clauses: int
    conjunctions: tuple[str, ...]
    boards: tuple[str, ...]
    board_gap: tuple[str, ...]
    object_first: tuple[str, ...]
    passive: tuple[str, ...]


@lru_cache(maxsize=1)
def named_words() -> NamedWords:
    """Load the bundled named-claim words."""
    return load_model(DATA_DIR / "named" / "words.yaml", NamedWords)


@dataclass(frozen=True)
class NamedHit:
    """A named rule's trigger word found in a folded text."""

    rule: ClaimRule
    start: int
    end: int
    subject_side: Literal["before", "after"]
    qualifiers: tuple[str, ...]
    needs: str | None = None  # a regex the trigger's clause must match (TriggerSet.needs)


def word_regex(word: str) -> str:
    """A regex for one word: a Latin word must not touch other Latin letters or digits (CJK may touch it)."""
    escaped = spaced_at_seams(re.escape(fold_word(word)).replace(r"\ ", r"\s+"))
    if word[:1].isascii() and word[:1].isalnum():
        escaped = r"(?<![a-z0-9])" + escaped
    if word[-1:].isascii() and word[-1:].isalnum():
        escaped += r"(?![a-z0-9])"
    return escaped


class NamedTriggers:
    """Every trigger word of the named rules in one pattern, longest words first."""

    def __init__(self, book: RuleBook) -> None:
        self.rules = [rule for rule in book.rules.values() if rule.value != "quantity"]
        self.owners: dict[str, list[tuple[ClaimRule, str, tuple[str, ...], str | None]]] = {}
        for rule in self.rules:
            for trigger in rule.triggers:
                for word in trigger.words:
                    self.owners.setdefault(fold_word(word), []).append((rule, trigger.subject, trigger.qualifiers,
                                                                        trigger.needs))
        words = sorted(self.owners, key=lambda w: (-len(w), w))
        self.pattern = re.compile("|".join(word_regex(w) for w in words) or r"(?!x)x", re.IGNORECASE)

    def find(self, folded: str) -> list[NamedHit]:
        """Every trigger occurrence (one hit per owning rule), in text order."""
        hits = []
        for match in self.pattern.finditer(folded):
            for rule, side, qualifiers, needs in self.owners.get(unspaced_at_seams(re.sub(r"\s+", " ", match.group().lower())), []):
                hits.append(NamedHit(rule, match.start(), match.end(), side, qualifiers, needs))
        return hits

    def strip(self, text: str) -> str:
        """Text without any trigger word in it (titles chained to a holder: "兼ceo")."""
        return self.pattern.sub("", text)
