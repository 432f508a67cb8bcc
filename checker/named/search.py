"""Where a named claim's parts stand around its trigger: the holder, the organisation, an event's subject."""

from __future__ import annotations

import re
from functools import cached_property, lru_cache

from checker.models import Mention
from checker.named.words import NamedHit, NamedTriggers, NamedWords, word_regex
from checker.roles import PUNCTUATION, RoleFinder, SentenceView
from checker.role_search import from_context
from checker.rules import RoleSpec

PERSON = RoleSpec(kinds=("person",))
PLACE = RoleSpec(kinds=("place",))
STOPS = set("。；;：:!?！？()（）")
QUOTES = " \t\"'“”「」『』《》"


def any_of(words: tuple[str, ...] | list[str]) -> re.Pattern[str]:
    """One pattern for a list of words, longest first, Latin words on word boundaries."""
    return _any_of(tuple(words))


@lru_cache(maxsize=256)
def _any_of(words: tuple[str, ...]) -> re.Pattern[str]:
    """any_of, compiled once per word list."""
    ordered = sorted({w.lower() for w in words if w}, key=lambda w: (-len(w), w))
    return re.compile("|".join(word_regex(w) for w in ordered) or r"(?!x)x", re.IGNORECASE)


_OF_NAME = re.compile(r"\s+of\s+([A-Z][A-Za-z-]+)")  # "CEO of Applications"


class Around:
    """Searches one article's sentences around named triggers (text: folded, lower-case)."""

    def __init__(self, text: str, views: list[SentenceView], finder: RoleFinder, triggers: NamedTriggers,
                 words: NamedWords, look_back: int) -> None:
        self.text, self.views, self.finder, self.triggers = text, views, finder, triggers
        self.words, self.look_back = words, look_back

    @cached_property
    def _glue(self) -> re.Pattern[str]:
        """Words that may stand between a holder and the title after it."""
        return any_of([*self.words.appositive, *self.words.possessives])

    @cached_property
    def _passive(self) -> re.Pattern[str]:
        """A passive auxiliary right before a trigger: the subject stands before it ("MSL was founded")."""
        return re.compile(f"(?:{any_of(self.words.passive).pattern})\\s*$")

    @cached_property
    def _conjunctions(self) -> re.Pattern[str]:
        return any_of(self.words.conjunctions)

    def conjunct_of(self, view: SentenceView, hit: NamedHit) -> tuple[int, int]:
        """The part of the trigger's clause between the conjunctions around it ("left its board in 2018" in
        "who co-founded OpenAI in 2015 and left its board in 2018")."""
        start, end = view.clause_of(hit.start)
        for match in self._conjunctions.finditer(self.text, start, end):
            if match.end() <= hit.start:
                start = match.end()
            elif match.start() >= hit.end:
                return start, match.start()
        return start, end

    @cached_property
    def _not_qualifiers(self) -> re.Pattern[str]:
        return any_of(self.words.not_qualifiers)

    def holder(self, view: SentenceView, hit: NamedHit) -> Mention | None:
        """The person a title names: right after it ("CEO Sam Altman"), else right before it ("Altman, the CEO")."""
        return self.holder_after(view, hit) or self._holder_before(view, hit)

    def holder_after(self, view: SentenceView, hit: NamedHit, adjacent: bool = False) -> Mention | None:
        """The person right after a title (with `adjacent`, with nothing but chained titles or quotes between)."""
        after = [m for m in view.mentions if m.start >= hit.end]
        start = hit.end
        if len(after) > 1 and self.text[hit.end:after[0].start].strip() in self.words.of_markers:
            start, after = after[0].end, after[1:]  # "the CEO of OpenAI, Sam Altman"
        if not after or not self.finder.fill(after[0], PERSON):
            return None
        gap = self.text[start:after[0].start]
        fits = not self.triggers.strip(gap).strip(QUOTES) if adjacent else self._holder_gap(gap)
        return after[0] if fits else None

    def _holder_gap(self, gap: str) -> bool:
        """True when only chained titles, a joiner or an opener with a short description stand in between."""
        rest = self.triggers.strip(gap).strip(QUOTES)
        if not rest:
            return True
        for lead in sorted([*self.words.openers, *self.words.joiners], key=len, reverse=True):
            if rest.startswith(lead):
                described = rest[len(lead):].strip(QUOTES)
                return len(described) <= self.words.description_reach and not STOPS & set(described)
        return False

    def _holder_before(self, view: SentenceView, hit: NamedHit) -> Mention | None:
        """A person right before the title, with only an organisation, qualifiers and glue words between."""
        before = [m for m in view.mentions if m.end <= hit.start]
        people = [m for m in before if m.kind == "person" and self.finder.fill(m, PERSON)]
        if not people or hit.start - people[-1].end > self.words.org_reach + 10:
            return None
        person = people[-1]
        between = list(self.text[person.end:hit.start])
        for other in before:
            if other.start >= person.end:
                between[other.start - person.end:other.end - person.end] = " " * (other.end - other.start)
        rest = self._glue.sub(" ", self.qualifier_words(hit).sub(" ", "".join(between)))
        return person if not rest.strip(QUOTES + ",，、()（）") else None

    def qualifier_words(self, hit: NamedHit) -> re.Pattern[str]:
        """Every qualifier word of the hit's rule."""
        return any_of([w for words in hit.rule.qualifiers.values() for w in words])

    def organisation(self, view: SentenceView, index: int, hit: NamedHit, spec: RoleSpec,
                     holder: Mention) -> tuple[str | None, Mention | None]:
        """The organisation of a post: after "of", else the nearest before the title in the sentence, else the one the
        holder speaks for, else earlier."""
        after = [m for m in view.mentions if m.start >= hit.end and m is not holder]
        between = self.text[hit.end:after[0].start].strip() if after else ""
        if after and (between in self.words.of_markers or  # "CEO of OpenAI"; "head of MSL" holds its "of"
                      not between and self.text[hit.start:hit.end].split()[-1] in self.words.of_markers):
            name = self.finder.fill(after[0], spec)
            if name:
                return name, after[0]
        former = set()  # the holder's company under another title is not this post's, wherever named
        own = self.finder.fill(holder, spec) if holder.kind == "person" else None
        for mention in reversed([m for m in view.mentions if m.end <= hit.start and m is not holder]):
            name = self.finder.fill(mention, spec)
            if name and self._titles_otherwise(mention, holder, hit):
                former.add(name)
            elif name and name not in former:
                if own and own != name and not self._next_to_title(mention, hit):
                    return own, None  # "…a former OpenAI researcher…, Chief Executive Mark Zuckerberg said": Meta's
                return name, mention
        if own:  # a bare title: the holder's own organisation ("Chief Executive Sundar Pichai" is Google's)
            return own, None
        if spec.fallback == "context":
            return from_context(spec, self.views, index, self.finder, self.look_back, set()), None
        return None, None

    def _next_to_title(self, org: Mention, hit: NamedHit) -> bool:
        """True for an organisation that stands close before its title, no punctuation between ("OpenAI CEO",
        "Scale的年轻亿万富翁创始人")."""
        gap = self.text[org.end:hit.start]
        return len(gap) <= self.words.org_reach and not PUNCTUATION & set(gap)

    def _titles_otherwise(self, org: Mention, holder: Mention, hit: NamedHit) -> bool:
        """True when the organisation titles the holder with another post before he takes this one
        ("由前Scale AI执行长亚历山大·王出任首席AI官": Scale AI is his former company, not the AI chief's)."""
        if not org.end <= holder.start < holder.end <= hit.start:
            return False
        gap = self.text[org.end:holder.start]
        return (len(gap) <= self.finder.words.title_reach and not PUNCTUATION & set(gap)
                and self.triggers.pattern.search(gap) is not None)

    def unit_post(self, view: SentenceView, hit: NamedHit, cased: str) -> bool:
        """True for a unit's title ("OpenAI应用业务首席执行官", "CEO of Applications"): no post of the organisation
        (`cased`: the folded text with its letter case)."""
        before = self.text[max(view.clause_of(hit.start)[0], hit.start - 12):hit.start].rstrip()
        if any(before.endswith(word) for word in self.words.units):
            return True
        of = _OF_NAME.match(cased, hit.end)
        return of is not None and not any(m.start == of.start(1) for m in view.mentions)

    def qualifiers(self, view: SentenceView, hit: NamedHit, org: Mention | None) -> tuple[str, ...]:
        """Qualifiers of a title: the trigger's own, and words between its organisation (or clause start) and it."""
        clause = view.clause_of(hit.start)
        adjacent = org is not None and clause[0] <= org.start < hit.start
        start = max(clause[0], (org.start if adjacent else hit.start) - 8)  # "former OpenAI CTO", "Scale AI前执行长"
        window = self.text[start:hit.start]
        if adjacent:
            window = window[:org.start - start] + "\0" * (org.end - org.start) + window[org.end - start:]
        for blocker in (self.triggers.pattern, self._not_qualifiers):  # another title's words are not this one's
            window = blocker.sub(lambda m: "\0" * len(m.group()), window)
        found = set(hit.qualifiers)
        for name, words in hit.rule.qualifiers.items():
            if any_of(words).search(window):
                found.add(name)
        return tuple(sorted(found))

    def event_subject(self, view: SentenceView, hit: NamedHit, spec: RoleSpec,
                      skip: Mention | None = None) -> Mention | None:
        """The entity an event is about: after the trigger (a few clauses on) or before it, per the trigger's side."""
        clause_index = next((n for n, c in enumerate(view.clauses) if c[0] <= hit.start < c[1]), 0)
        reach_end = view.clauses[min(len(view.clauses) - 1, clause_index + self.words.event_clauses)][1] \
            if view.clauses else view.end
        after = [m for m in view.mentions if hit.end <= m.start and m.end <= reach_end]
        before = [m for m in reversed(view.mentions) if m.end <= hit.start]
        passive = self._passive.search(self.text[max(view.start, hit.start - 8):hit.start])
        order = after + before if hit.subject_side == "after" and not passive else before + after
        return next((m for m in order if m is not skip and self.finder.fill(m, spec)), None)

    def nearest_in_clause(self, view: SentenceView, hit: NamedHit, spec: RoleSpec, skip: Mention | None) -> Mention | None:
        """The first fitting entity after the trigger in its clause, else the nearest before it there."""
        clause = view.clause_of(hit.start)
        after = [m for m in view.mentions if hit.end <= m.start and m.end <= clause[1]]
        before = [m for m in reversed(view.mentions) if m.end <= hit.start and m.start >= clause[0]]
        return next((m for m in after + before if m is not skip and self.finder.fill(m, spec)), None)

    @cached_property
    def _board(self) -> re.Pattern[str]:
        """A board right after a trigger, maybe after gap words ("离开董事会", "left its board")."""
        gap = any_of(self.words.board_gap).pattern
        return re.compile(f"\\s*(?:(?:{gap})\\s*)*(?:{any_of(self.words.boards).pattern})", re.IGNORECASE)

    def event_object(self, view: SentenceView, hit: NamedHit, spec: RoleSpec, skip: Mention | None) -> Mention | None:
        """An event's object: the nearest in the trigger's clause; for a board, the organisation named before in
        the sentence ("马斯克是OpenAI联合创始人之一，2018年离开董事会")."""
        found = self.nearest_in_clause(view, hit, spec, skip)
        if found is None and self._board.match(self.text, hit.end):
            found = next((m for m in reversed(view.mentions) if m.end <= hit.start and m is not skip
                          and self.finder.fill(m, spec)), None)
        return found

    def object_follows(self, view: SentenceView, hit: NamedHit, spec: RoleSpec) -> bool:
        """True unless the trigger is one that needs its object right after it (退出) and has none there."""
        word = re.sub(r"\s+", " ", self.text[hit.start:hit.end])
        if word not in self.words.object_first or self._board.match(self.text, hit.end):
            return True
        after = [m for m in view.mentions if m.start >= hit.end]
        if not after or not self.finder.fill(after[0], spec):
            return False
        gap = any_of(self.words.board_gap).sub("", self.text[hit.end:after[0].start])
        return not gap.strip()

    def described_by(self, view: SentenceView, place: Mention, spec: RoleSpec) -> Mention | None:
        """The entity a "位于X的" phrase describes: the one right after the place and 的."""
        after = [m for m in view.mentions if m.start >= place.end]
        if after and self.text[place.end:after[0].start].strip() == "的" and self.finder.fill(after[0], spec):
            return after[0]
        return None

    def place_after(self, view: SentenceView, hit: NamedHit) -> Mention | None:
        """The place named right after a location trigger, in its clause."""
        clause = view.clause_of(hit.start)
        after = [m for m in view.mentions if hit.end <= m.start and m.end <= clause[1]]
        if after and self.finder.fill(after[0], PLACE) and len(self.text[hit.end:after[0].start].strip()) <= 2:
            return after[0]
        return None
