"""Names gathered from a corpus for alias suggestions: every name-shaped span, and parenthetical pairs."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from checker.clean import original_text
from checker.entities.normalise import has_cjk, is_cjk, pinyin_of
from checker.entities.resolver import Resolver
from checker.entities.sound import Sounds
from checker.entities.shapes import Paren
from checker.load import line_of
from checker.models import CleanArticle, Mention

_LATIN_NAME = re.compile(r"[A-Z][A-Za-z0-9.&'\-]*(?: [A-Z][A-Za-z0-9.&'\-]*){0,4}")
_WORD = r"[A-Z][a-z]*(?:['\-]?[A-Z][a-z]+)*"
_WORDS = re.compile(rf"{_WORD}(?: {_WORD})*")


def person_shaped(latin: str) -> bool:
    """True for two or three capitalised words ("Tim Cook", "Yann LeCun", "RuomingPang")."""
    return bool(_WORDS.fullmatch(latin)) and 2 <= len(latin_words(latin)) <= 3


def latin_words(name: str) -> list[str]:
    """The words of a Latin name; a run-together "RuomingPang" split at its capitals."""
    words = name.split()
    if len(words) == 1:
        words = re.findall(r"[A-Z][a-z]+|[^A-Z]+", name) if re.fullmatch(r"(?:[A-Z][a-z]+){2,3}", name) else words
    return words


@dataclass(frozen=True)
class Sighting:
    """Where a name stands: article, 1-based line, the span as written, and its sentence."""

    article: str
    line: int
    span: str
    start: int
    sentence: int


@dataclass
class Name:
    """A name of the corpus under its match key."""

    key: str
    form: str
    person: bool
    entity: str | None
    sightings: list[Sighting] = field(default_factory=list)
    context: set[str] = field(default_factory=set)

    @property
    def cjk(self) -> bool:
        """True for a name written in CJK."""
        return has_cjk(self.form)


@dataclass(frozen=True)
class Pair:
    """Evidence that two names (by key) are one entity."""

    a: str
    b: str
    how: str
    score: float
    evidence: tuple[Sighting, ...]


@dataclass(frozen=True)
class Side:
    """One side of a parenthetical: its span in the cleaned text and whether it looks like a person."""

    start: int
    end: int
    person: bool
    quoted: bool = False
    chinese: bool = False  # a Chinese name (surname + given name) rather than a transliteration


class Harvest:
    """Collects the names of each article and the parenthetical pairs between them."""

    def __init__(self, resolver: Resolver, sounds: Sounds) -> None:
        self.r, self.sounds = resolver, sounds
        self.settings = resolver.settings
        self.w = resolver.settings.suggest
        self.names: dict[str, Name] = {}
        self.pairs: list[Pair] = []
        self.surnames = frozenset(self.settings.surnames)
        self.closers = {q[1]: q[0] for q in self.settings.quotes}

    def add(self, clean: CleanArticle) -> None:
        """Harvest one article."""
        mentions = self.r.mentions(clean)
        sentences = self.r.shapes.sentence_ids(clean.folded)
        named: dict[int, set[str]] = defaultdict(set)
        for m in mentions:
            if m.entity:
                named[sentences[m.start]].add(m.entity)
        seen: list[tuple[Name, int]] = []
        for m in mentions:
            name = self._from_mention(clean, m, sentences)
            if name:
                seen.append((name, sentences[m.start]))
        ends = {m.end: m for m in mentions}
        for paren in self.r.shapes.parentheticals(clean.folded):
            pair = self._paren_pair(clean, paren, ends, sentences)
            if pair:
                seen += [(self.names[pair.a], pair.evidence[0].sentence), (self.names[pair.b], pair.evidence[0].sentence)]
        for name, sentence in seen:
            name.context |= named[sentence]

    def name_at(self, clean: CleanArticle, start: int, end: int, person: bool, sentences: list[int]) -> tuple[Name, Sighting]:
        """The corpus name of a span, recording where it stands."""
        key = self.r.keyer.view(clean.folded[start:end]).keys
        name = self.names.get(key)
        if name is None:
            name = self.names[key] = Name(key, clean.text[start:end], person, self.r.pack.full.get(key))
        name.person |= person
        offset = clean.offsets[start]
        sighting = Sighting(clean.article.name, line_of(clean.article.text, offset),
                            original_text(clean, start, end), start, sentences[start])
        if sighting not in name.sightings:
            name.sightings.append(sighting)
        return name, sighting

    def _from_mention(self, clean: CleanArticle, m: Mention, sentences: list[int]) -> Name | None:
        """A full-form, unlisted or unknown mention as a corpus name (short forms are not names)."""
        key = self.r.keyer.view(clean.folded[m.start:m.end]).keys
        listed = key in self.r.pack.full
        if m.entity is None and m.kind != "person" or (m.entity and not listed and key in self.r.shorts):
            return None
        person = m.kind == "person"
        name, sighting = self.name_at(clean, m.start, m.end, person, sentences)
        if m.entity and not listed:  # tied to a known entity by pinyin or parenthetical evidence
            anchor = self._anchor(m.entity)
            self.pairs.append(Pair(key, anchor.key, f"resolver: {m.why}", self.w.resolver, (sighting,)))
        return name

    def _anchor(self, canonical: str) -> Name:
        """The corpus name standing for a known entity (its canonical form)."""
        key = self.r.keyer.key(canonical)
        if key not in self.names:
            info = self.r.infos[canonical]
            self.names[key] = Name(key, canonical, info.kind == "person", canonical)
        return self.names[key]

    def _paren_pair(self, clean: CleanArticle, paren: Paren, ends: dict[int, Mention],
                    sentences: list[int]) -> Pair | None:
        """The pair a parenthetical makes between a CJK and a Latin name, scored."""
        folded, inner = clean.folded, clean.folded[paren.inner_start:paren.inner_end]
        if has_cjk(inner):
            if not self.r.shapes.is_name(inner):
                return None
            latin = self.r.shapes.latin_run_before(folded, paren.outer_end)
            if not latin:
                return None
            words = latin_words(folded[latin[0]:latin[1]].strip())
            cjk = Side(paren.inner_start, paren.inner_end, self._dotted(inner))
            other = Side(latin[0], latin[0] + len(folded[latin[0]:latin[1]].rstrip()), person_shaped(" ".join(words)))
        else:
            if not _LATIN_NAME.fullmatch(inner):
                return None
            words = latin_words(inner)
            cjk = self._cjk_before(folded, paren.outer_end, words, ends)
            other = Side(paren.inner_start, paren.inner_end, person_shaped(inner))
            if cjk is None:
                return None
        return self._score_paren(clean, paren, cjk, other, words, sentences)

    def _score_paren(self, clean: CleanArticle, paren: Paren, cjk: Side, latin: Side, words: list[str],
                     sentences: list[int]) -> Pair | None:
        """Score a parenthetical pair by shape, quotation and sound."""
        text = clean.folded[cjk.start:cjk.end]
        sound = self.sounds.name(self.r.keyer.view(text).keys.split(self.r.keyer.dot), words)  # any name dot
        if cjk.chinese and self.sounds.surname(text, words):
            sound = max(sound, self.w.surname_sound)
        person = latin.person and (cjk.person or sound >= self.w.sound_pair_min)
        if not person and sound < self.w.sound_min and not cjk.quoted:
            return None  # a gloss or a translation, not a second name
        score = self.w.parenthetical if person else self.w.parenthetical_other
        score += self.w.quoted * cjk.quoted + (self.w.sound * sound if sound >= self.w.sound_min else 0.0)
        a, _ = self.name_at(clean, cjk.start, cjk.end, person, sentences)
        b, _ = self.name_at(clean, latin.start, latin.end, person, sentences)
        if a.key == b.key or (a.entity and a.entity == b.entity):
            return None
        first = min(cjk.start - cjk.quoted, latin.start)
        closers = "".join(p[1] for p in self.settings.parens)
        close = next((i for i in range(paren.inner_end, len(clean.folded)) if clean.folded[i] in closers), paren.inner_end - 1)
        where = Sighting(clean.article.name, line_of(clean.article.text, clean.offsets[first]),
                         original_text(clean, first, close + 1), first, sentences[first])
        how = f"parenthetical; sounds alike {sound:.2f}" if sound >= self.w.sound_min else "parenthetical"
        pair = Pair(a.key, b.key, how, min(score, 0.99), (where,))
        self.pairs.append(pair)
        return pair

    def _dotted(self, text: str) -> bool:
        """True for a "·"-joined name (any name dot, "．" between CJK parts too)."""
        return self.r.keyer.dot in self.r.keyer.view(text).keys

    def _cjk_before(self, folded: str, end: int, words: list[str], ends: dict[int, Mention]) -> Side | None:
        """The CJK name right before a bracket: a mention, a quoted name, a dotted name, a Chinese name."""
        mention = ends.get(end)
        if mention and has_cjk(mention.text):
            return Side(mention.start, end, mention.kind == "person" or self._dotted(mention.text))
        opener = self.closers.get(folded[end - 1:end])
        if opener:
            start = folded.rfind(opener, max(0, end - 30), end - 1)
            inner = folded[start + 1:end - 1] if start >= 0 else ""
            return Side(start + 1, end - 1, False, quoted=True) if inner.strip() and has_cjk(inner) else None
        dotted = [m for m in self.r.shapes.dotted.finditer(folded, max(0, end - 30), end) if m.end() == end]
        if dotted:
            return Side(dotted[0].start(), end, True)
        return self._chinese_name(folded, end, words) or self._transliteration(folded, end)

    def _chinese_name(self, folded: str, end: int, words: list[str]) -> Side | None:
        """Two or three characters from a common surname to the bracket (the one whose surname sounds right)."""
        fits = [n for n in (3, 2) if end - n >= 0 and all(is_cjk(c) for c in folded[end - n:end])
                and folded[end - n] in self.surnames]
        spelled = self.r.shapes.pinyin_spelled_before(folded, end, self.r.keyer.key(" ".join(words)))
        if spelled:
            return Side(spelled[0], end, True, chinese=True)
        sounding = [n for n in fits if self.sounds.surname(folded[end - n:end], words)]
        n = (sounding or fits or [0])[0]
        return Side(end - n, end, True, chinese=True) if n else None

    def _transliteration(self, folded: str, end: int) -> Side | None:
        """A run of transliteration characters ending at the bracket."""
        span = self.r.shapes.translit_before(folded, end)
        return Side(span[0], span[1], False) if span else None


def pinyin_key(key: str) -> tuple[str, ...]:
    """Toneless pinyin of a CJK key, dots dropped."""
    return pinyin_of("".join(c for c in key if is_cjk(c)))
