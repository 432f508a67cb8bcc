"""Context that lets a short form resolve: entities or words in the same sentence."""

from __future__ import annotations

import re

from checker.entities.aliases import AliasPack
from checker.entities.normalise import Keyer, fold, is_latin


def _word_pattern(word: str) -> str:
    """A regex for a context word in folded lower-case text (Latin words on word boundaries)."""
    escaped = re.escape(fold(word).lower())
    if is_latin(word[:1]):
        escaped = r"(?<![a-z0-9])" + escaped
    if is_latin(word[-1:]):
        escaped += r"(?![a-z0-9])"
    return escaped


class ContextIndex:
    """Per entity: the entities and the words whose presence in a sentence make its short forms resolve."""

    def __init__(self, pack: AliasPack, keyer: Keyer) -> None:
        self.entities: dict[str, frozenset[str]] = {}
        self.words: dict[str, re.Pattern[str]] = {}
        for record in pack.entities.values():
            named, words = set(), []
            for term in record.context:
                owner = term if term in pack.entities else pack.full.get(keyer.key(term))
                if owner:
                    named.add(owner)
                else:
                    words.append(_word_pattern(term))
            self.entities[record.canonical] = frozenset(named)
            if words:
                self.words[record.canonical] = re.compile("|".join(words))

    def found(self, canonical: str, named_here: set[str], sentence: str) -> bool:
        """True when the sentence (folded, lower case) names a context entity or holds a context word."""
        if self.entities.get(canonical, frozenset()) & named_here:
            return True
        pattern = self.words.get(canonical)
        return bool(pattern and pattern.search(sentence))
