"""Transliteration variants: unknown CJK names matched to known ones by their pinyin."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz

from checker.entities.aliases import AliasPack
from checker.entities.normalise import Keyer, fold, is_cjk, pinyin_of
from checker.entities.settings import Settings
from checker.entities.shapes import MASK


@dataclass(frozen=True)
class DottedForm:
    """A known "·"-joined form: the pinyin of each part before the surname."""

    given: tuple[str, ...]
    canonical: str
    form: str
    surname_chars: int


@dataclass(frozen=True)
class PinyinMatch:
    """A span matched by pinyin: the entity, or None with why when ambiguous."""

    start: int
    end: int
    canonical: str | None
    why: str
    weak: tuple[str, ...] = ()  # a short homophone: the people it may name, decided as a short form


class PinyinIndex:
    """Known people's CJK forms keyed by pinyin: dotted forms by surname, others by surname character."""

    def __init__(self, pack: AliasPack, keyer: Keyer, settings: Settings) -> None:
        self.dot = keyer.dot
        self.min_ratio = settings.pinyin.given_name_min_ratio
        self.surname_ratio = settings.pinyin.surname_min_ratio
        self.dotted: dict[tuple[int, str], list[DottedForm]] = defaultdict(list)
        self.homophones: dict[tuple[str, tuple[str, ...]], set[str]] = defaultdict(set)
        shortest, self.weak = settings.pinyin.homophone_min_length, settings.pinyin.context_homophone_length
        for record in (r for r in pack.entities.values() if r.kind == "person"):
            for form in record.forms:
                key = keyer.key(form)
                parts = key.split(self.dot)
                if not all(part and all(is_cjk(c) for c in part) for part in parts):
                    continue
                if len(parts) > 1:
                    surname = "".join(pinyin_of(parts[-1]))
                    given = tuple("".join(pinyin_of(p)) for p in parts[:-1])
                    known = DottedForm(given, record.canonical, fold(form), len(parts[-1]))
                    self.dotted[(len(parts), surname)].append(known)
                elif len(key) >= min(shortest, self.weak or shortest):
                    self.homophones[(key[0], pinyin_of(key[1:]))].add(record.canonical)
        self.lengths = sorted({len(rest) + 1 for _, rest in self.homophones})
        self.surnames = {first for first, _ in self.homophones}
        self.shortest = shortest

    def dotted_match(self, start: int, name: str) -> PinyinMatch | None:
        """The known person a "·"-joined name is a variant of: same (long: similar) surname, similar other parts."""
        parts = name.split(self.dot) if self.dot in name else None
        if not parts:
            return None
        surname = "".join(pinyin_of(parts[-1]))
        given = ["".join(pinyin_of(p)) for p in parts[:-1]]
        scored: dict[str, tuple[float, str]] = {}
        for known in self._same_surname(len(parts), surname, len(parts[-1])):
            score = min(fuzz.ratio(a, b, processor=None) for a, b in zip(given, known.given))
            if score >= self.min_ratio and score > scored.get(known.canonical, (-1.0, ""))[0]:
                scored[known.canonical] = (score, known.form)
        if not scored:
            return None
        best = max(score for score, _ in scored.values())
        winners = sorted(c for c, (score, _) in scored.items() if score == best)
        if len(winners) > 1:
            return PinyinMatch(start, start + len(name), None, f"pinyin fits {', '.join(winners)}")
        score, form = scored[winners[0]]
        return PinyinMatch(start, start + len(name), winners[0], f"pinyin ≈ {form} ({score:.0f})")

    def _same_surname(self, parts: int, surname: str, chars: int) -> list[DottedForm]:
        """Known dotted forms with this surname; failing that, with a surname of 3+ characters spelled nearly alike."""
        exact = self.dotted.get((parts, surname))
        if exact or chars < 3:
            return exact or []
        return [form for (n, known), forms in self.dotted.items() if n == parts
                and fuzz.ratio(surname, known, processor=None) >= self.surname_ratio
                for form in forms if form.surname_chars >= 3]

    def homophones_in(self, masked: str) -> list[PinyinMatch]:
        """Unclaimed CJK spans that sound like a known person's name and share its surname character.

        A span shorter than homophone_min_length comes back weak: it names the person only as a short
        form does (named earlier in the article, or context in the sentence).
        """
        found = []
        for i, first in enumerate(masked):
            if first not in self.surnames:
                continue
            for length in self.lengths:
                span = masked[i:i + length]
                if len(span) < length or MASK in span or not all(is_cjk(c) for c in span):
                    continue
                names = self.homophones.get((first, pinyin_of(span[1:])))
                if names:
                    found.append(self._homophone(i, span, names, length < self.shortest))
        return found

    @staticmethod
    def _homophone(start: int, span: str, names: set[str], weak: bool) -> PinyinMatch:
        """A homophone match, left unresolved when two people sound alike (a weak one lists them all)."""
        if len(names) > 1 and not weak:
            return PinyinMatch(start, start + len(span), None, f"pinyin fits {', '.join(sorted(names))}")
        return PinyinMatch(start, start + len(span), next(iter(sorted(names))),
                           f"pinyin homophone of {', '.join(sorted(names))}", tuple(sorted(names)) if weak else ())
