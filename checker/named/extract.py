"""Extract named claims: who holds a post, where something is, when an event happened."""

from __future__ import annotations

import datetime as dt
import re
from typing import Callable

from checker.claim_words import claim_words
from checker.claims import match_text, sentence_views
from checker.spans import containing
from checker.clean import original_span
from checker.load import line_of
from checker.models import Claim, CleanArticle, Mention
from checker.named.dates import DateMatch, find_dates
from checker.named.search import PERSON, PLACE, Around
from checker.named.verbs import VerbRoles
from checker.named.words import NamedHit, NamedTriggers, named_words
from checker.roles import RoleFinder, SentenceView
from checker.rules import NAMED_VALUES, RuleBook


class NamedExtractor:
    """Turns an article's named triggers and mentions into role, location and date claims."""

    def __init__(self, book: RuleBook, speaks_for: Callable[[str], str | None]) -> None:
        self.triggers = NamedTriggers(book)
        self.speaks_for = speaks_for
        self.words = named_words()

    def extract(self, clean: CleanArticle, mentions: list[Mention]) -> list[Claim]:
        """All named claims in one cleaned article, each once."""
        if not self.triggers.rules:
            return []
        text = match_text(clean.folded)
        views = sentence_views(clean.text, mentions, [])
        spokespeople = {m.entity: org for m in mentions if m.entity and m.kind == "person"
                        for org in [self.speaks_for(m.entity)] if org}
        finder = RoleFinder(self.speaks_for, text, claim_words(), spokespeople, mentions)
        around = Around(text, views, finder, self.triggers, self.words, claim_words().context_sentences)
        dates = find_dates(text, clean.date)
        self.verb_roles = VerbRoles(text, views, finder)
        claims: dict[tuple, Claim] = {}
        starts, ends = [v.start for v in views], [v.end for v in views]
        for hit in self.triggers.find(text):
            index = containing(starts, ends, hit.start)
            if index is None:
                continue
            clause = views[index].clause_of(hit.start)  # its clause and the rest of its sentence ("宣布，已与…")
            if hit.needs is not None and not re.search(hit.needs, text[clause[0]:views[index].end]):
                continue  # "OpenAI宣布与甲骨文达成协议": the announcement is of a deal, not of what follows
            claim = self._claim(clean, around, views, index, hit, dates)
            if claim is not None:
                claims.setdefault((claim.rule, claim.subject, claim.object, claim.start, claim.value), claim)
        return sorted(claims.values(), key=lambda c: (c.start, c.rule))

    def _claim(self, clean: CleanArticle, around: Around, views: list[SentenceView], index: int, hit: NamedHit,
               dates: list[DateMatch]) -> Claim | None:
        """The claim one trigger makes, or None when its parts are not all there."""
        view = views[index]
        if hit.rule.value == "role":
            return self._role(clean, around, view, index, hit)
        if hit.rule.value == "location":
            place = around.place_after(view, hit)
            subject = (around.described_by(view, place, hit.rule.subject) or
                       around.event_subject(view, hit, hit.rule.subject, skip=place)) if place else None
            if place is None or subject is None:
                return None
            return self._build(clean, view, hit, around.finder.fill(subject, hit.rule.subject), None,
                               around.finder.fill(place, PLACE), (place.start, place.end), "")
        return self._event(clean, around, view, hit, dates)

    def _role(self, clean: CleanArticle, around: Around, view: SentenceView, index: int, hit: NamedHit) -> Claim | None:
        """Person - post - organisation, with its qualifiers; current posts hold in the article's month."""
        named = around.holder_after(view, hit, adjacent=True)  # "担任Meta首席执行官扎克伯格的顾问": the CEO is named
        by_verb = None if named else self.verb_roles.holder(view, index, hit, around.qualifier_words(hit))
        holder = named or (by_verb.holder if by_verb else around.holder(view, hit))
        if holder is None or around.unit_post(view, hit, clean.folded):
            return None
        org, org_mention = around.organisation(view, index, hit, hit.rule.subject, holder)
        name = around.finder.fill(holder, PERSON)
        if org is None or org == name:
            return None
        modifiers = around.qualifiers(view, hit, org_mention)
        if by_verb and by_verb.leaving:
            modifiers = tuple(sorted({*modifiers, "former"}))
        period = "" if "former" in modifiers else article_month(clean.date)
        return self._build(clean, view, hit, org, None, name, (holder.start, holder.end), period, modifiers)

    def _event(self, clean: CleanArticle, around: Around, view: SentenceView, hit: NamedHit,
               dates: list[DateMatch]) -> Claim | None:
        """Event - date: the date nearest the trigger in its sentence, about the entity the rule names."""
        inside = [d for d in dates if view.start <= d.start and d.end <= view.end]
        if not inside:
            return None
        clause, conjunct = view.clause_of(hit.start), around.conjunct_of(view, hit)
        date = min(inside, key=lambda d: (not conjunct[0] <= d.start < conjunct[1],
                                          not clause[0] <= d.start < clause[1], distance(d, hit)))
        subject = around.event_subject(view, hit, hit.rule.subject)
        if subject is None:
            return None
        obj = None
        if hit.rule.object is not None:
            if not around.object_follows(view, hit, hit.rule.object):
                return None
            found = around.event_object(view, hit, hit.rule.object, skip=subject)
            obj = around.finder.fill(found, hit.rule.object) if found else None
        return self._build(clean, view, hit, around.finder.fill(subject, hit.rule.subject), obj, date.value.iso,
                           (date.start, date.end), "")

    def _build(self, clean: CleanArticle, view: SentenceView, hit: NamedHit, subject: str | None, obj: str | None,
               value: str | None, span: tuple[int, int], period: str, modifiers: tuple[str, ...] = ()) -> Claim | None:
        """A named claim with its evidence quoted from the original text."""
        if not subject or not value:
            return None
        original = clean.article.text
        start, end = original_span(clean, *span)
        s_start, s_end = original_span(clean, view.start, view.end)
        kind = NAMED_VALUES[hit.rule.value]
        return Claim(
            article=clean.article.name, path=clean.article.path, line=line_of(original, start), start=start, end=end,
            text=original[start:end], sentence=" ".join(original[s_start:s_end].split()), rule=hit.rule.id,
            attribute=hit.rule.attribute, subject=subject, object=obj, period=period, value=value,
            unit="date" if kind == "date" else "entity", kind=kind, modifiers=modifiers,
        )


def distance(date: DateMatch, hit: NamedHit) -> int:
    """Characters between a date and a trigger."""
    return max(0, hit.start - date.end, date.start - hit.end)


def article_month(date: dt.date | None) -> str:
    """The article's month as an ISO period ("" when the article gives no date)."""
    return f"{date:%Y-%m}" if date else ""
