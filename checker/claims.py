"""Extract claims: bind each quantity to the nearest rule trigger in its clause and fill the roles."""

from __future__ import annotations

import re
from typing import Callable

from checker.claim_words import ClaimWords, claim_words
from checker.compare_revisions import PREVIOUS
from checker.clean import original_span
from checker.figures import (as_bound, as_order, elliptical_names, heading_trigger, is_restatement, of_earlier_time,
                             superseded)
from checker.load import line_of
from checker.models import Claim, CleanArticle, Mention, Quantity
from checker.periods import PeriodMatch, find_periods, period_and_month_near
from checker.role_search import fill_roles
from checker.roles import RoleFinder, SentenceView
from checker.rules import ClaimRule, RuleBook, TriggerHit, fold_word
from checker.segment import clauses, sentences
from checker.spans import SpanIndex

Span = tuple[int, int]
COLONS = (":", "：")


def match_text(text: str) -> str:
    """Lower-case a text without changing its length (for offset-stable matching)."""
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


class ClaimExtractor:
    """Turns an article's quantities and mentions into claims, following the rule book."""

    def __init__(self, book: RuleBook, speaks_for: Callable[[str], str | None]) -> None:
        self.book = book
        self.speaks_for = speaks_for
        self.words = claim_words()
        self.unless = {rule_id: tuple(fold_word(w) for w in rule.unless) for rule_id, rule in book.rules.items()}

    def extract(self, clean: CleanArticle, quantities: list[Quantity], mentions: list[Mention]) -> list[Claim]:
        """All claims in one cleaned article."""
        text = match_text(clean.folded)
        quantities = apposed_ages(text, quantities, mentions, self.words.apposed_age)
        views = sentence_views(clean.text, mentions, quantities)
        hits = self.book.triggers_in(text)
        periods = SpanIndex(find_periods(text, clean.date))
        spokespeople = {m.entity: org for m in mentions if m.entity and m.kind == "person"
                        for org in [self.speaks_for(m.entity)] if org}
        finder = RoleFinder(self.speaks_for, text, self.words, spokespeople, mentions)
        claims = []
        figures, triggers, takers_of = SpanIndex(quantities), SpanIndex(hits), self._takers(hits)
        for index, view in enumerate(views):
            inside = figures.within(view.start, view.end)
            hits_here = triggers.within(view.start, view.end)
            plain = [q for q in inside if not is_restatement(q, inside, text)]
            said = periods.within(view.start, view.end)
            before = [q for q in plain if superseded(q, inside, text, view, said, self.words)]
            kept = [as_bound(as_order(q, text, self.words), text, view.clause_of(q.start), self.words) for q in plain
                    if q not in before]
            made: list[tuple[Quantity, Claim]] = []
            elliptic = elliptical_names(view, kept, text, self.words.list_separators)
            last: dict[str, tuple[TriggerHit, Span]] = {}  # quantity kind -> trigger and clause of the latest claim
            facts: dict[int, set[tuple[str, str | None]]] = {}  # clause start -> (rule, subject) of its claims
            parts: set[tuple[int, str, str | None]] = set()  # (clause start, rule, subject) of figures read as parts
            for quantity, hit in self._bind(view, kept, hits_here, text):
                takers = takers_of(quantity.kind)
                named = elliptic.get(quantity.start)
                hit = (hit or carried_trigger(view, quantity, last, takers.within(view.start, view.end), text, self.words,
                                              named is not None)
                       or heading_trigger(views, index, quantity.kind, takers.items, finder))
                claim = self._claim(clean, text, quantity, hit, views, index, finder, periods, named)
                if claim is not None and not self._part_of_whole(claim, quantity, view, text, facts, parts):
                    claims.append(claim)
                    made.append((quantity, claim))
                    facts.setdefault(view.clause_of(quantity.start)[0], set()).add((claim.rule, claim.subject))
                    if hit is not None:
                        last[quantity.kind] = (hit, view.clause_of(quantity.start))
            claims += self._previous_values(clean, view, before, made)
        return claims

    def _previous_values(self, clean: CleanArticle, view: SentenceView, before: list[Quantity],
                         made: list[tuple[Quantity, Claim]]) -> list[Claim]:
        """The value before a change ("从750亿美元上调至850亿美元", "up from $75 billion") as a claim of the fact the
        nearest claim of its sentence states, marked previous: no figure of the present, evidence of a revision."""
        found = []
        for quantity in before:
            here = [(q, c) for q, c in made if q.unit == quantity.unit and q.kind == quantity.kind]
            if here:
                fact = min(here, key=lambda pair: abs(pair[0].start - quantity.start))[1]
                claim = build_claim(clean, quantity, self.book.rules[fact.rule], fact.subject, fact.object, fact.period, view)
                found.append(claim.model_copy(update={"attribute": fact.attribute, "month": fact.month,
                                                      "modifiers": (PREVIOUS,)}))
        return found

    def _takers(self, hits: list[TriggerHit]) -> Callable[[str], SpanIndex[TriggerHit]]:
        """Per kind of figure, the triggers of the rules that read it (built once per kind)."""
        cache: dict[str, SpanIndex[TriggerHit]] = {}

        def of_kind(kind: str) -> SpanIndex[TriggerHit]:
            if kind not in cache:
                cache[kind] = SpanIndex([h for h in hits if kind in self.book.rules[h.rule].kinds])
            return cache[kind]
        return of_kind

    def _part_of_whole(self, claim: Claim, quantity: Quantity, view: SentenceView, text: str,
                       facts: dict[int, set[tuple[str, str | None]]], parts: set[tuple[int, str, str | None]]) -> bool:
        """True for a part of the figure the clause before claimed, of the same fact ("投资5000亿美元，首期1000亿美元将
        立即投入"), or for the next part of a list of parts ("其中260亿美元为债务融资，30亿美元为股权融资"): the part is no
        other value of that fact. Parts found are added to `parts`."""
        clause = view.clause_of(quantity.start)
        index = view.clauses.index(clause) if clause in view.clauses else 0
        if index == 0:
            return False
        previous = view.clauses[index - 1][0]
        subset = any(word in text[clause[0]:quantity.start] for word in self.words.subsets)
        if not (subset and (claim.rule, claim.subject) in facts.get(previous, set())
                or (previous, claim.rule, claim.subject) in parts):
            return False
        parts.add((clause[0], claim.rule, claim.subject))
        return True

    def _bind(self, view: SentenceView, quantities: list[Quantity], hits: list[TriggerHit],
              text: str) -> list[tuple[Quantity, TriggerHit | None]]:
        """Pair quantities with trigger positions in their clause, nearest pairs first, each once per kind."""
        pairs = []
        strong = {(h.start, h.end) for h in hits if not h.weak}  # a span is weak when all its rules' words are
        for quantity in quantities:
            clause = view.clause_of(quantity.start)
            for hit in hits:
                if clause[0] <= hit.start and hit.end <= clause[1] and self._fits(hit, quantity, text[clause[0]:clause[1]]):
                    gap = max(0, hit.start - quantity.end, quantity.start - hit.end)  # 0: inside the span
                    weak = (hit.start, hit.end) not in strong
                    pairs.append(((weak, gap), hit.start, quantity.start, quantity, hit))
        bound: dict[int, TriggerHit | None] = {}
        used: set[tuple[int, int, str]] = set()  # "a 49% stake … for $14.3 billion": one percent, one amount
        for _, _, _, quantity, hit in sorted(pairs, key=lambda p: p[:3]):
            if quantity.start not in bound and (hit.start, hit.end, quantity.kind) not in used:
                bound[quantity.start] = hit
                used.add((hit.start, hit.end, quantity.kind))
        return [(q, bound.get(q.start)) for q in quantities]

    def _fits(self, hit: TriggerHit, quantity: Quantity, clause_text: str) -> bool:
        """True when the hit's rule takes quantities of this kind, none of its `unless` words is in the clause and the
        clause says what the trigger needs."""
        return quantity.kind in self.book.rules[hit.rule].kinds and not self._excluded(hit, clause_text)

    def _excluded(self, hit: TriggerHit, clause_text: str) -> bool:
        """True when one of the rule's `unless` words is in the clause (收购…股份 is no acquisition) or the clause lacks
        what the trigger word needs (薪酬 is a salary only where a year is said)."""
        if hit.needs is not None and not re.search(hit.needs, clause_text):
            return True
        return any(word in clause_text for word in self.unless[hit.rule])

    def _candidate_rules(self, quantity: Quantity, hit: TriggerHit | None, hits_here: list[TriggerHit],
                         clause: str) -> list[tuple[ClaimRule, TriggerHit | None]]:
        """Rules that may read this quantity: strong owners of the trigger first, then rule-book order (none whose
        `unless` words are in the clause)."""
        if hit is None:
            return [(r, None) for r in self.book.rules.values() if r.trigger_optional and quantity.kind in r.kinds]
        owners = {h.rule: h for h in hits_here if (h.start, h.end) == (hit.start, hit.end)}
        fitting = [(r, owners[r.id]) for r in self.book.rules.values() if r.id in owners and quantity.kind in r.kinds
                   and not self._excluded(owners[r.id], clause)]
        return sorted(fitting, key=lambda pair: pair[1].weak)  # a rule's own word before another's generic one

    def _claim(self, clean: CleanArticle, text: str, quantity: Quantity, hit: TriggerHit | None,
               views: list[SentenceView], index: int, finder: RoleFinder, periods: SpanIndex[PeriodMatch],
               named: Mention | None = None) -> Claim | None:
        """The claim a bound quantity makes, or None when no rule's roles are satisfied (`named`: the name right before
        a figure of an elliptical list, its subject)."""
        view = views[index]
        clause = view.clause_of(quantity.start)
        if self._denied(text, clause, quantity):
            return None
        hits_here = self.book.triggers_in(text[hit.start:hit.end]) if hit else []
        hits_here = [h.model_copy(update={"start": h.start + hit.start, "end": h.end + hit.start}) for h in hits_here]
        for rule, rule_hit in self._candidate_rules(quantity, hit, hits_here, text[clause[0]:clause[1]]):
            roles = fill_roles(rule, rule_hit, quantity, views, index, finder, self.words.context_sentences)
            if roles is None:
                continue
            subject, obj = roles
            if rule.by_month and of_earlier_time(quantity, text, view, self.words):
                return None  # "在此之前，微软持有约32.5%": an earlier state of a figure that changes
            if named is not None and hit is not None and hit.start < view.clause_of(quantity.start)[0]:
                subject = finder.fill(named, rule.subject) or subject
            paragraph_start = clean.text.rfind("\n", 0, view.start) + 1
            near = periods.within(paragraph_start, view.end)  # all a claim's period may come from
            period, month = period_and_month_near(near, clause, view.clauses_without_figures(), quantity.start,
                                                  paragraph_start, clean.date)
            if rule.symmetric and subject and obj:
                subject, obj = sorted((subject, obj))  # "OpenAI与CoreWeave的合同" and "CoreWeave's contract with OpenAI"
            claim = build_claim(clean, quantity, rule, subject, obj, period, view)
            return claim.model_copy(update={"attribute": self._attribute(rule, text, clause, quantity),
                                            "month": month if rule.by_month else ""})
        return None

    def _attribute(self, rule: ClaimRule, text: str, clause: tuple[int, int], quantity: Quantity) -> str:
        """The rule's attribute, told apart for a planned figure, a yearly rate or a sum of several where the rule says so."""
        if rule.plans_apart and self._planned(text, clause, quantity):
            return f"{rule.plan_label} {rule.attribute}"
        if rule.rates_apart and any(word in f" {text[clause[0]:clause[1]]} " for word in self.words.per_year):
            return f"{rule.rate_label} {rule.attribute}"
        if rule.totals_apart and any(word in f" {text[clause[0]:quantity.end]} " for word in self.words.totals):
            return f"{rule.total_label} {rule.attribute}"
        return rule.attribute

    def _planned(self, text: str, clause: tuple[int, int], quantity: Quantity) -> bool:
        """True when the figure's clause states an intention before it or in the figure's qualifier (计划, plans to,
        上看 20 億美元)."""
        before = text[clause[0]:quantity.end]  # already lower-case (match_text)
        return any(word in before for word in self.words.plans)

    def _denied(self, text: str, clause: tuple[int, int], quantity: Quantity) -> bool:
        """True when the clause negates the figure, the figure is a change, not a level, or an age at a past time
        ("在19岁时辍学", "dropped out at 19")."""
        clause_text = f" {text[clause[0]:clause[1]]} "
        if any(word in clause_text for word in self.words.negations):
            return True
        if quantity.kind == "age" and (text.startswith(self.words.past_age_after, quantity.end) or
                                       text[max(clause[0], quantity.start - 6):quantity.start].endswith(self.words.past_age_before)):
            return True
        lead = text[max(clause[0], quantity.start - 2):quantity.start]
        wider = text[max(clause[0], quantity.start - 3):quantity.start]
        if any(lead.endswith(word) for word in self.words.references) and not any(
                wider.endswith(word) for word in self.words.not_references):
            return True
        # a delta word ends at most two characters before the figure ("涨了 5%", "rose 1.2%")
        return any(word in text[max(clause[0], quantity.start - len(word) - 2):quantity.start] for word in self.words.deltas)


def apposed_ages(text: str, quantities: list[Quantity], mentions: list[Mention],
                 bounds: tuple[int, int]) -> list[Quantity]:
    """A bare whole number set off by commas right after a person's name is the person's age ("Wang, 28, said")."""
    people_ends = {m.end for m in mentions if m.kind == "person"}
    ages = []
    for q in quantities:
        apposed = (q.kind == "number" and q.value == q.value.to_integral_value() and bounds[0] <= q.value <= bounds[1]
                   and text[q.start - 2:q.start] == ", " and q.start - 2 in people_ends and text[q.end:q.end + 1] == ",")
        ages.append(q.model_copy(update={"kind": "age", "unit": "year"}) if apposed else q)
    return ages


def carried_trigger(view: SentenceView, quantity: Quantity, last: dict[str, tuple[TriggerHit, Span]],
                    hits: list[TriggerHit], text: str, words: ClaimWords, elliptical: bool = False) -> TriggerHit | None:
    """The previous clause's trigger for a figure that continues it ("资本支出为390亿美元，今年预计为640亿美元"), even
    when that clause continued another ("…，上限维持720亿美元，即全年介乎660亿至720亿美元").

    Only a clause with no trigger (of a rule for this kind of figure), no name and no subset word ("其中更有五名")
    continues the one right before it, or an elliptical list of names and figures ("…, Alphabet $75bn and Amazon
    roughly $100bn"), whose figures all continue it; so does a clause that points back at the figure ("这一数字升至5亿").
    A clause after a colon takes the trigger before the colon."""
    previous, claimed_in = last.get(quantity.kind, (None, None))
    clause = view.clause_of(quantity.start)
    if any(clause[0] <= h.start < clause[1] for h in hits) or any(w in text[clause[0]:quantity.start] for w in words.subsets):
        return None
    introduced = colon_trigger(view, clause, quantity.kind, hits, text)
    if introduced is not None or previous is None:
        return introduced
    if not elliptical and any(clause[0] <= m.start < clause[1] for m in view.mentions):
        return None
    index = view.clauses.index(clause) if clause in view.clauses else 0
    continued = index > 0 and claimed_in == view.clauses[index - 1]
    pointed = claimed_in is not None and any(w in text[clause[0]:quantity.start] for w in words.figure_references)
    return previous if continued or pointed or elliptical and claimed_in == clause else None


def colon_trigger(view: SentenceView, clause: Span, kind: str, hits: list[TriggerHit], text: str) -> TriggerHit | None:
    """The trigger of a clause with no figure of this kind that a colon ends right before this clause ("Meta's capex
    guidance: $64bn-$72bn")."""
    index = view.clauses.index(clause) if clause in view.clauses else 0
    if index == 0:
        return None
    before = view.clauses[index - 1]
    if text[before[1]:clause[0]].strip() not in COLONS or (before[0], kind) in view.figures:
        return None
    return next((h for h in reversed(hits) if before[0] <= h.start and h.end <= before[1]), None)


def sentence_views(text: str, mentions: list[Mention], quantities: list[Quantity]) -> list[SentenceView]:
    """Sentences of a text with their clauses, mentions and the kinds of figure in each clause."""
    views = []
    named, figured = SpanIndex(mentions), SpanIndex(quantities)
    for start, end in sentences(text):
        inside = tuple(named.within(start, end))
        view = SentenceView(start, end, tuple(clauses(text, start, end)), inside)
        figures = {(view.clause_of(q.start)[0], q.kind) for q in figured.starting(start, end)}
        views.append(SentenceView(start, end, view.clauses, inside, frozenset(figures)))
    return views


def build_claim(clean: CleanArticle, quantity: Quantity, rule: ClaimRule, subject: str | None, obj: str | None,
                period: str, view: SentenceView) -> Claim:
    """A claim with its evidence quoted from the original text."""
    original = clean.article.text
    start, end = original_span(clean, quantity.start, quantity.end)
    s_start, s_end = original_span(clean, view.start, view.end)
    return Claim(
        article=clean.article.name, path=clean.article.path, line=line_of(original, start), start=start, end=end,
        text=original[start:end], sentence=" ".join(original[s_start:s_end].split()), rule=rule.id,
        attribute=rule.attribute, subject=subject, object=obj, period=period, value=quantity.value,
        unit=quantity.unit or ("count" if "count" in rule.kinds else ""),
        kind="count" if quantity.kind == "number" and "count" in rule.kinds else quantity.kind, qualifier=quantity.qualifier, low=quantity.low, high=quantity.high,
        assumptions=quantity.assumptions,
    )
