"""Alias suggestions: pairs of names found alike across a corpus, grouped without merging strangers."""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from typing import Iterable

from rapidfuzz import fuzz

from checker.entities.harvest import Harvest, Name, Pair, latin_words, pinyin_key
from checker.entities.normalise import fold
from checker.entities.resolver import Resolver
from checker.entities.sound import Sounds, load_sounds
from checker.models import CleanArticle, Frozen


class Evidence(Frozen):
    """One piece of evidence for a suggestion: where, the span as written, and what it shows."""

    article: str
    line: int
    span: str
    how: str


class Suggestion(Frozen):
    """An alias entry to add: a new entity, or new forms of a known one (`known`)."""

    canonical: str
    kind: str
    known: bool
    forms: tuple[str, ...]
    confidence: float
    evidence: tuple[Evidence, ...]


class Grouper:
    """Union-find over name keys that refuses to join two known entities or two different Latin names."""

    def __init__(self, names: dict[str, Name]) -> None:
        self.names = names
        self.parent = {key: key for key in names}
        self.entities = {k: {n.entity} - {None} for k, n in names.items()}
        self.latin = {k: set() if n.cjk else {k} for k, n in names.items()}

    def find(self, key: str) -> str:
        """The group a key belongs to."""
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, pair: Pair) -> bool:
        """Join the groups of a pair unless that would merge strangers; True when joined (or already one)."""
        a, b = self.find(pair.a), self.find(pair.b)
        if a == b:
            return True
        entities, latin = self.entities[a] | self.entities[b], self.latin[a] | self.latin[b]
        if len(entities) > 1 or (len(latin) > 1 and pair.how != "spelling"):
            return False
        self.parent[b] = a
        self.entities[a], self.latin[a] = entities, latin
        return True


class Suggester:
    """Builds alias suggestions from the names of a corpus."""

    def __init__(self, resolver: Resolver, sounds: Sounds | None = None) -> None:
        self.r = resolver
        self.w = resolver.settings.suggest
        self.sounds = sounds or load_sounds()
        self.harvest = Harvest(resolver, self.sounds)

    def add(self, clean: CleanArticle) -> None:
        """Harvest one cleaned article."""
        self.harvest.add(clean)

    def suggestions(self, min_confidence: float | None = None) -> list[Suggestion]:
        """Every suggestion at or above the minimum confidence, most confident first."""
        floor = self.w.min_confidence if min_confidence is None else min_confidence
        names = self.harvest.names
        pairs = self._merged([*self.harvest.pairs, *self._homophones(), *self._spellings(), *self._sounds()])
        grouper = Grouper(names)
        joined = [p for p in sorted(pairs, key=lambda p: (-p.score, p.a, p.b, p.how)) if grouper.join(p)]
        accepted: dict[str, list[Pair]] = defaultdict(list)
        for pair in joined:
            accepted[grouper.find(pair.a)].append(pair)
        members: dict[str, list[Name]] = defaultdict(list)
        for key, name in names.items():
            members[grouper.find(key)].append(name)
        found = []
        for root, group in members.items():
            suggestion = self._suggestion(group, accepted[root])
            if suggestion and suggestion.confidence >= floor:
                found.append(suggestion)
        return sorted(found, key=lambda s: (-s.confidence, s.canonical))

    @staticmethod
    def _merged(pairs: Iterable[Pair]) -> list[Pair]:
        """One pair per (names, how): the best score, all its evidence."""
        best: dict[tuple[str, str, str], Pair] = {}
        for p in pairs:
            a, b = sorted((p.a, p.b))
            key = (a, b, p.how)
            old = best.get(key)
            evidence = tuple(dict.fromkeys((*(old.evidence if old else ()), *p.evidence)))
            best[key] = Pair(a, b, p.how, max(p.score, old.score if old else 0.0), evidence)
        return list(best.values())

    def _homophones(self) -> list[Pair]:
        """CJK names that read the same in pinyin (庞若鸣, 龐若名)."""
        by_sound: dict[tuple[str, ...], list[Name]] = defaultdict(list)
        for name in self.harvest.names.values():
            if name.cjk and name.person and len(pinyin_key(name.key)) >= 2:
                by_sound[pinyin_key(name.key)].append(name)
        pairs = []
        for group in by_sound.values():
            for a, b in combinations(sorted(group, key=lambda n: n.key), 2):
                if not (a.entity and b.entity):
                    score = self.w.homophone if a.key[0] == b.key[0] else self.w.homophone_other
                    pairs.append(Pair(a.key, b.key, f"same pinyin ({' '.join(pinyin_key(a.key))})", score,
                                      (a.sightings[0], b.sightings[0])))
        return pairs

    def _spellings(self) -> list[Pair]:
        """Latin names spelled nearly alike, compared within the same surname's first letter."""
        blocks: dict[str, list[Name]] = defaultdict(list)
        for name in self.harvest.names.values():
            if not name.cjk and name.person and name.sightings:
                blocks[name.key[-1:]].append(name)
        pairs = []
        for group in blocks.values():
            for a, b in combinations(sorted(group, key=lambda n: n.key), 2):
                if not (a.entity and b.entity) and fuzz.ratio(a.key, b.key, processor=None) >= self.w.spelling_min:
                    pairs.append(Pair(a.key, b.key, "spelling", self.w.spelling, (a.sightings[0], b.sightings[0])))
        return pairs

    def _sounds(self) -> list[Pair]:
        """Transliterations and Latin names that sound alike, compared within the same surname sound."""
        latin: dict[str, list[Name]] = defaultdict(list)
        for name in self.harvest.names.values():
            if not name.cjk and name.person:
                words = latin_words(name.form)
                latin[self.sounds.spell(words[-1])[:1]].append(name)
        pairs = []
        for name in sorted(self.harvest.names.values(), key=lambda n: n.key):
            if not (name.cjk and name.person and name.sightings):
                continue
            parts = name.key.split(self.r.keyer.dot)
            heads = {r[:1] for r in self.sounds.renderings(parts[-1][:1])}
            for other in (o for head in sorted(heads) for o in latin.get(head, ())):
                pair = self._sound_pair(name, parts, other)
                if pair:
                    pairs.append(pair)
        return pairs

    def _sound_pair(self, name: Name, parts: list[str], other: Name) -> Pair | None:
        """A transliteration pair when the two sound alike enough."""
        if name.entity and other.entity:
            return None
        sound = self.sounds.name(parts, latin_words(other.form))
        if sound < self.w.sound_pair_min:
            return None
        together = {s.article for s in name.sightings} & {s.article for s in other.sightings}
        shared = (name.context & other.context) - {name.entity, other.entity, None}
        score = self.w.transliteration * sound + self.w.same_article * bool(together)
        score += self.w.shared_context * bool(shared)
        how = f"sounds alike {sound:.2f}" + (", same article" if together else "")
        how += f", both named with {', '.join(sorted(shared))}" if shared else ""
        evidence = (name.sightings[0], other.sightings[0]) if other.sightings else (name.sightings[0],)
        return Pair(name.key, other.key, how, min(score, 0.99), evidence)

    def _suggestion(self, group: list[Name], pairs: list[Pair]) -> Suggestion | None:
        """The suggestion of one group, or None when it adds nothing to the alias files."""
        known = next((n.entity for n in group if n.entity), None)
        new = [n for n in group if not n.entity and n.key not in self.r.shorts and n.sightings]
        if not new or not pairs:
            return None
        if known:
            canonical, kind = known, self.r.infos[known].kind
        else:
            canonical = self._canonical(new)
            kind = "person" if any(n.person for n in new) else self._kind(new)
        forms = tuple(sorted(n.form for n in new if n.form != canonical))
        chance = 1.0
        for p in pairs:
            chance *= 1 - p.score
        evidence = {Evidence(article=s.article, line=s.line, span=s.span, how=p.how) for p in pairs for s in p.evidence}
        return Suggestion(canonical=canonical, kind=kind, known=bool(known), forms=forms,
                          confidence=round(min(1 - chance, 0.99), 2),
                          evidence=tuple(sorted(evidence, key=lambda e: (e.article, e.line, e.span, e.how))))

    @staticmethod
    def _canonical(names: list[Name]) -> str:
        """The Latin name seen most often (then the longest), else the CJK name seen most often."""
        def rank(n: Name) -> tuple:
            return (n.cjk, -len(n.sightings), -len(n.form.split()), -len(n.form), n.form)
        return min(names, key=rank).form

    def _kind(self, names: list[Name]) -> str:
        """The kind that a name's last word tells (公司, Labs, 日报, ...), else topic."""
        for kind, words in sorted(self.r.settings.kind_words.items()):
            for name in names:
                text = fold(name.form)
                if any(text.endswith(w) and (w.isascii() is False or text[:-len(w)].endswith(" ") or text == w)
                       for w in words):
                    return kind
        return "topic"
