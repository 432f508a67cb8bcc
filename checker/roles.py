"""Find the entities that fill a rule's roles (subject, object) around a trigger."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from checker.models import Mention
from checker.rules import RoleSpec, fold_word

PUNCTUATION = set("，,。；;：:！!？?\n()（）「」“”\"")


@dataclass(frozen=True)
class SentenceView:
    """A sentence with its clauses and the mentions inside it."""

    start: int
    end: int
    clauses: tuple[tuple[int, int], ...]
    mentions: tuple[Mention, ...]
    figures: frozenset[tuple[int, str]] = frozenset()  # (clause start, quantity kind) of figures here

    def clause_of(self, offset: int) -> tuple[int, int]:
        """The clause holding an offset (the whole sentence if none does)."""
        return next(((s, e) for s, e in self.clauses if s <= offset < e), (self.start, self.end))


class RoleFinder:
    """Resolves role entities using entity kinds and who speaks for which organisation."""

    def __init__(self, speaks_for: Callable[[str], str | None], text: str, reach: int, separators: tuple[str, ...]):
        self.speaks_for = speaks_for
        self.text = text  # folded, lower-case article text
        self.reach = reach
        self.separators = separators

    def fill(self, mention: Mention, spec: RoleSpec) -> str | None:
        """The name a mention contributes to a role, or None if it does not fit."""
        name = mention.entity or (mention.text if mention.kind == "person" else None)
        if name is None:
            return None
        if mention.kind in spec.kinds:
            return name
        if spec.via_person and mention.kind == "person" and mention.entity:
            return self.speaks_for(mention.entity)
        return None

    def marked(self, sentence: SentenceView, spec: RoleSpec, blocked: Callable[[int], bool]) -> tuple[str, Mention] | None:
        """An entity right after one of the role's markers in the sentence, with any coordinated ones."""
        markers = [fold_word(m) for m in spec.markers]
        for index, mention in enumerate(sentence.mentions):
            if self.fill(mention, spec) is None or blocked(mention.start) or not self._after_marker(mention, markers):
                continue
            names = [self.fill(mention, spec)]
            for follower in sentence.mentions[index + 1:]:
                gap = self.text[mention.end:follower.start].strip()
                if gap not in self.separators or self.fill(follower, spec) is None:
                    break
                names.append(self.fill(follower, spec))
                mention = follower
            return " + ".join(sorted(set(names))), sentence.mentions[index]
        return None

    def _after_marker(self, mention: Mention, markers: list[str]) -> bool:
        """True when a marker stands shortly before the mention with no punctuation between."""
        window = self.text[max(0, mention.start - self.reach):mention.start]
        for marker in markers:
            at = window.rfind(marker)
            if at >= 0 and not (PUNCTUATION & set(window[at + len(marker):])):
                if marker.isascii() and at + len(marker) < len(window) and window[at + len(marker)] != " ":
                    continue
                return True
        return False

    def nearest(self, mentions: tuple[Mention, ...], spec: RoleSpec, skip: set[str]) -> str | None:
        """The first mention (in the given order) that fills the role and is not skipped."""
        for mention in mentions:
            name = self.fill(mention, spec)
            if name and name not in skip:
                return name
        return None
