"""Posts stated through a verb: "赵晟佳将出任Meta超级智能实验室首席科学家", "Meta named Wang its chief AI officer"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from pydantic import BaseModel, ConfigDict

from checker.claim_words import claim_words
from checker.datafiles import load_model
from checker.models import Mention
from checker.named.search import PERSON, QUOTES, STOPS, any_of
from checker.named.words import NamedHit
from checker.paths import DATA_DIR
from checker.roles import RoleFinder, SentenceView


class RoleVerbs(BaseModel):
    """checker/data/named/verbs.yaml (see the data file for each list)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    subject: tuple[str, ...]
    object: tuple[str, ...]
    object_gap: tuple[str, ...]
    leaving: tuple[str, ...]
    gap: tuple[str, ...]
    pronouns: tuple[str, ...]
    adverbs: tuple[str, ...]
    subject_reach: int
    unit_reach: int
    by_markers: tuple[str, ...] = ()
    by_reach: int = 0


@lru_cache(maxsize=1)
def role_verbs() -> RoleVerbs:
    """Load the bundled role verbs."""
    return load_model(DATA_DIR / "named" / "verbs.yaml", RoleVerbs)


@dataclass(frozen=True)
class VerbHolder:
    """The holder a verb names for a title, and whether the verb says the post was left."""

    holder: Mention
    leaving: bool


class VerbRoles:
    """Finds the verb that governs a title and the holder it names (text: folded, lower-case)."""

    def __init__(self, text: str, views: list[SentenceView], finder: RoleFinder) -> None:
        self.text, self.views, self.finder, self.verbs = text, views, finder, role_verbs()

    @cached_property
    def _verbs(self) -> re.Pattern[str]:
        return any_of([*self.verbs.subject, *self.verbs.object, *self.verbs.leaving])

    @cached_property
    def _by_markers(self) -> tuple[str, ...]:
        return tuple(sorted(self.verbs.by_markers, key=len, reverse=True))  # "一职由" before "由"

    @cached_property
    def _speech(self) -> re.Pattern[str]:
        return any_of(claim_words().speech_verbs)

    def holder(self, view: SentenceView, index: int, hit: NamedHit, qualifiers: re.Pattern[str]) -> VerbHolder | None:
        """The holder named by the nearest verb before the title that governs it, or by a verb after it ("…首席科学家由
        赵晟佳出任"), if any."""
        after = self._holder_after_by(view, hit)
        if after is not None:
            return VerbHolder(after, False)
        clause = view.clause_of(hit.start)
        verbs = list(self._verbs.finditer(self.text, clause[0], hit.start))
        for verb in reversed(verbs):
            word = re.sub(r"\s+", " ", verb.group())
            if word in self.verbs.object:
                found = self._object_holder(view, verb.end(), hit, qualifiers)
            elif self._governs(view, verb.end(), hit.start, qualifiers, self.verbs.gap,
                               0 if hit.rule.unique else self.verbs.unit_reach):
                found = self._subject_holder(view, index, verb.start())
            else:
                found = None
            if found is not None:
                return VerbHolder(found, word in self.verbs.leaving)
        return None

    def _holder_after_by(self, view: SentenceView, hit: NamedHit) -> Mention | None:
        """The person a title names after it with 由 and a subject verb ("MSL首席科学家由赵晟佳出任")."""
        rest = self.text[hit.end:view.end].lstrip()
        marker = next((m for m in self._by_markers if rest.startswith(m)), None)
        if marker is None:
            return None
        at = view.end - len(rest) + len(marker)
        people = [m for m in view.mentions if at <= m.start <= at + self.verbs.by_reach and self._person(m)]
        if not people or STOPS & set(self.text[at:people[0].start]):
            return None
        verb = self._verbs.search(self.text, people[0].end, min(view.end, people[0].end + self.verbs.by_reach + 8))
        return people[0] if verb and re.sub(r"\s+", " ", verb.group()) in self.verbs.subject else None

    def _governs(self, view: SentenceView, start: int, end: int, qualifiers: re.Pattern[str],
                 words: tuple[str, ...], reach: int = 0) -> bool:
        """True when only organisations, qualifiers and gap words (and a unit's description) stand before a title."""
        gap = list(self.text[start:end])
        for m in view.mentions:
            if start <= m.start and m.end <= end and m.kind != "person":
                gap[m.start - start:m.end - start] = " " * (m.end - m.start)
        rest = any_of(words).sub(" ", qualifiers.sub(" ", "".join(gap))).strip(QUOTES)
        return not rest or (len(rest) <= reach and not STOPS & set(rest))

    def _object_holder(self, view: SentenceView, start: int, hit: NamedHit,
                       qualifiers: re.Pattern[str]) -> Mention | None:
        """The person right after an object verb, with only gap words between it and the title."""
        after = [m for m in view.mentions if start <= m.start and m.end <= hit.start]
        if not after or self.text[start:after[0].start].strip(QUOTES) or not self._person(after[0]):
            return None
        words = (*self.verbs.object_gap, *self.verbs.gap)
        return after[0] if self._governs(view, after[0].end, hit.start, qualifiers, words) else None

    def _subject_holder(self, view: SentenceView, index: int, at: int) -> Mention | None:
        """The verb's subject: the nearest person before it, or a pronoun's antecedent."""
        head = self.text[view.start:at]
        pronoun = re.search(f"(?:{any_of(self.verbs.pronouns).pattern})(?:\\s*(?:{any_of(self.verbs.adverbs).pattern}))*\\s*$",
                            head)
        if pronoun:
            return self._antecedent(view, index, view.start + pronoun.start())
        people = [m for m in view.mentions if m.end <= at and self._person(m)]
        if not people or not self._subject_gap(people[-1].end, at):
            return None
        return people[-1]

    def _antecedent(self, view: SentenceView, index: int, at: int) -> Mention | None:
        """The last person named before a pronoun in its sentence, else in the sentence before."""
        people = [m for m in view.mentions if m.end <= at and self._person(m)]
        if not people and index > 0:
            people = [m for m in self.views[index - 1].mentions if self._person(m)]
        return people[-1] if people else None

    def _subject_gap(self, start: int, end: int) -> bool:
        """True when a person may be the subject of a verb this far on (no stop, no speech verb between)."""
        gap = self.text[start:end].lstrip(")）")  # "亚历山大·王(Alexandr Wang)将…"
        return len(gap) <= self.verbs.subject_reach and not STOPS & set(gap) and not self._speech.search(gap)

    def _person(self, mention: Mention) -> bool:
        return mention.kind == "person" and bool(self.finder.fill(mention, PERSON))
