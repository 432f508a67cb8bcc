"""One index of every alias form: a trie over match keys, scanned once along a text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from checker.entities.aliases import ALL_UPPER, ANY_CASE, UPPER_START, AliasPack
from checker.entities.normalise import KeyView, clash, narrow

_HIT = ""  # trie slot for the hit of a node (keys are single characters, never "")


@dataclass(frozen=True)
class FormHit:
    """What a key names: an entity, the entities a short form may stand for, or nothing (not_names)."""

    entity: str | None = None
    shorts: tuple[str, ...] = ()
    blocker: bool = False
    case: int = ANY_CASE  # ANY_CASE, UPPER_START ("Apple", not "apple") or ALL_UPPER ("FAIR", not "Fair")


@dataclass(frozen=True)
class Match:
    """A key found in a text: [start, end) in text offsets."""

    start: int
    end: int
    hit: FormHit


class FormIndex:
    """A trie of match keys; a scan finds the longest fitting form at each start."""

    def __init__(self, hits: Mapping[str, FormHit]) -> None:
        self.root: dict = {}
        for key, hit in hits.items():
            node = self.root
            for char in key:
                node = node.setdefault(char, {})
            node[_HIT] = hit

    @classmethod
    def from_pack(cls, pack: AliasPack, shorts: Mapping[str, tuple[str, ...]] | None = None) -> FormIndex:
        """The index of every full form, short form (the pack's, or these) and not-name of a pack."""
        hits = {key: FormHit(entity=canonical, case=pack.case[key]) for key, canonical in pack.full.items()}
        hits.update({key: FormHit(shorts=names, case=pack.case.get(key, ANY_CASE))
                     for key, names in (pack.short if shorts is None else shorts).items()})
        hits.update({key: FormHit(blocker=True, case=pack.case[key]) for key in pack.blockers})
        return cls(hits)

    def scan(self, view: KeyView, text: str) -> list[Match]:
        """Longest fitting match at every start, in text order (linear in the text for bounded keys)."""
        keys, where, found = view.keys, view.where, []
        for i in range(len(keys)):
            node = self.root.get(keys[i])
            start = where[i]
            if node is None or (start and clash(text[start - 1], text[start])):
                continue
            best, j = None, i
            while node is not None:
                hit = node.get(_HIT)
                if hit is not None and self._fits(hit, text, start, where[j] + 1):
                    best = Match(start, where[j] + 1, hit)
                j += 1
                node = node.get(keys[j]) if j < len(keys) else None
            if best:
                found.append(best)
        return found

    @staticmethod
    def _fits(hit: FormHit, text: str, start: int, end: int) -> bool:
        """Word boundary at the end, and the case the form asks for."""
        if end < len(text) and clash(text[end - 1], text[end]):
            return False
        if hit.case == UPPER_START:
            return narrow(text[start]).isupper()
        return hit.case != ALL_UPPER or not any(narrow(c).islower() for c in text[start:end])
