"""Where to look for a role's entity (the clause, the sentence, then earlier sentences), and the roles a rule fills."""

from __future__ import annotations

from checker.models import Mention, Quantity
from checker.roles import RoleFinder, SentenceView
from checker.rules import ClaimRule, RoleSpec, TriggerHit


def search_order(view: SentenceView, anchor: TriggerHit | Quantity, finder: RoleFinder, role: str,
                 after_first: bool, reach: str = "sentence", kind: str = "", nearest: bool = False) -> list[Mention]:
    """Mentions in reading priority: the clause near the anchor, then the rest of the sentence.

    A subject is read as a topic (from the start of the clause, then of the sentence) unless `nearest`;
    in reported speech ("X said Meta offered…") only the reported part counts when it names someone. An
    object is the nearest entity not held by another figure of the same kind. Clauses that open a
    contrast are left out."""
    clause = view.clause_of(anchor.start)
    in_clause = [m for m in view.mentions if clause[0] <= m.start and m.end <= clause[1]]
    before = [m for m in in_clause if m.end <= anchor.start]
    after = [m for m in in_clause if m.start >= anchor.end]
    if role == "subject":
        before = reported_part(before, finder)
        before = sorted(before, key=finder.is_affiliation)  # stable: affiliations last, in their order
    if role == "object" or nearest:
        before.reverse()
    if reach == "clause":
        return after + before if after_first else before + after

    whole = finder.whole_of(view, clause)  # "其中软银出资300亿美元": the round's company is the investee

    def usable(m: Mention) -> bool:
        home = view.clause_of(m.start)
        held = role == "object" and (home[0], kind) in view.figures and home != whole
        return not held and not finder.opens_contrast(home) and not finder.opens_relative(home)

    outside_before = [m for m in view.mentions if m.end <= clause[0] and usable(m)]
    outside_after = [m for m in view.mentions if m.start >= clause[1] and usable(m)]
    if role == "object" or nearest:
        outside_before.reverse()
    if role == "subject":
        outside_before = reported_part(outside_before, finder)  # "FTC指控，Meta…，并于2014年以…收购WhatsApp"
        outside_before.sort(key=finder.is_affiliation)  # stable: affiliations last, in their order
    if after_first:
        return after + before + outside_after + outside_before
    return before + outside_before + after + outside_after


def reported_part(before: list[Mention], finder: RoleFinder) -> list[Mention]:
    """The mentions after the last speaker ("OpenAI CEO Altman said Meta…" -> Meta), if any; else all."""
    speakers = [i for i, m in enumerate(before) if finder.is_speaker(m)]
    if speakers and speakers[-1] + 1 < len(before):
        return before[speakers[-1] + 1:]
    return before


def find_subject(rule: ClaimRule, anchor: TriggerHit | Quantity, hit: TriggerHit | None, quantity: Quantity,
                 views: list[SentenceView], index: int, finder: RoleFinder, look_back: int,
                 skip: set[str], marked: tuple[set[int], set[int]]) -> str | None:
    """The subject: near the trigger (per the trigger's side), else earlier sentences. `marked` holds the starts of
    bystanders (never the subject) and of targets (in the sentence, tried after every other mention for a topic subject)."""
    spec, view = rule.subject, views[index]
    after_first = hit is not None and hit.subject_side == "after"
    order = search_order(view, anchor, finder, "subject", after_first, spec.reach, nearest=spec.prefer == "nearest")
    # a payer of a person is not the employer that titles a person ("Former Apple engineer Pang got a package")
    employers = rule.object is not None and "person" in rule.object.kinds
    never, targets = marked
    order = [m for m in order if m.start not in never and not (employers and finder.is_affiliation(m))]
    # a target is tried last when the subject is the sentence's topic (an entity after 对/向/with is no topic: "为了减少对
    # 微软的依赖,OpenAI…和CoreWeave签署…协议"), not when it is the nearest name ("a stake in Scale AI in a deal that valued
    # the company at…")
    if spec.prefer != "nearest":
        order.sort(key=lambda m: m.start in targets)  # stable
    name = finder.nearest(tuple(order), spec, skip)
    if name is None and spec.fallback == "context":
        name = from_context(spec, views, index, finder, look_back, skip, employers=employers)
    return name


def find_object(rule: ClaimRule, anchor: TriggerHit | Quantity, quantity: Quantity, views: list[SentenceView],
                index: int, finder: RoleFinder, look_back: int, subject: str | None,
                unmarked: bool = False) -> tuple[str | None, Mention | None]:
    """The object: marked by a role word in the sentence, or (unmarked) the nearest other fitting entity."""
    spec, view = rule.object, views[index]
    if spec is None:
        return None, None
    clause = view.clause_of(anchor.start)
    if not unmarked:
        found = finder.marked(view, spec, lambda at: _claimed_elsewhere(at, clause, quantity, view), clause, anchor.start)
        return found if found else (None, None)
    skip = finder.represented_by(subject)
    order = search_order(view, anchor, finder, "object", True, spec.reach, quantity.kind)
    order = [m for m in order if not finder.is_speaker(m) and not finder.right_after(m, spec.not_after)]
    name = finder.nearest(tuple(order), spec, skip)
    if name is None and spec.fallback == "context" and not finder.names_group(clause, spec.groups):
        name = from_context(spec, views, index, finder, look_back, skip, same_paragraph=True)
    if name is None and finder.points_back(view, clause, anchor.start):
        name = from_context(spec, views, index, finder, 1, skip)  # "其中，软银出资300亿美元": the whole's company
    return name, None


def from_context(spec: RoleSpec, views: list[SentenceView], index: int, finder: RoleFinder, look_back: int,
                 skip: set[str], same_paragraph: bool = False, employers: bool = False) -> str | None:
    """The first fitting entity of each earlier sentence, nearest sentence first (with `employers`, none that only
    titles a person). From a list item, the other items are passed over (the list's topic is said before it)."""
    item = finder.list_item(views[index])
    looked = 0
    for earlier in range(index - 1, -1, -1):
        if looked == look_back or same_paragraph and "\n" in finder.text[views[earlier].end:views[earlier + 1].start]:
            return None
        if item is not None and finder.list_item(views[earlier]) not in (None, item):
            continue
        looked += 1
        mentions = tuple(m for m in views[earlier].mentions
                         if not finder.is_speaker(m) and not (employers and finder.is_affiliation(m)))
        name = finder.nearest(mentions, spec, skip)
        if name is not None:
            return name
    return None


def _claimed_elsewhere(at: int, clause: tuple[int, int], quantity: Quantity, view: SentenceView) -> bool:
    """True when an entity sits in another clause that has a figure of its own (the entity is that figure's)."""
    if clause[0] <= at < clause[1]:
        return False
    return (view.clause_of(at)[0], quantity.kind) in view.figures


def fill_roles(rule: ClaimRule, hit: TriggerHit | None, quantity: Quantity, views: list[SentenceView],
               index: int, finder: RoleFinder, look_back: int) -> tuple[str | None, str | None] | None:
    """Subject and object for a rule at a trigger; None when a required role is missing."""
    anchor = hit if hit is not None else quantity
    obj, _ = find_object(rule, anchor, quantity, views, index, finder, look_back, subject=None)
    # a target of an act is a company's subject only for want of another, an agent never; a person's own figure
    # ("给庞若鸣开出…年薪") and an agent named after its act ("investment from Meta") may follow a marker
    subject = passive_subject(rule, hit, views[index], finder) or relative_subject(rule, hit, views[index], finder)
    if subject is not None:
        obj = None if obj == subject else obj  # "Scale AI获得Meta投资": the agent after the marker is no object
    else:
        after = hit is not None and hit.subject_side == "after"
        free = after or set(rule.subject.kinds) == {"person"}
        never = finder.agents_before(views[index], quantity.start) if free else finder.never_subjects(views[index])
        targets = set() if free else finder.targets_in(views[index], rule.object)
        subject = find_subject(rule, anchor, hit, quantity, views, index, finder, look_back,
                               skip={obj} if obj else set(), marked=(never, targets))
    if obj is None and rule.object is not None:
        obj, _ = find_object(rule, anchor, quantity, views, index, finder, look_back, subject=subject, unmarked=True)
    if obj is not None and obj in finder.represented_by(subject):
        obj = None
    if rule.object is not None and rule.object.required and obj is None:
        return None
    if rule.subject.required and subject is None:
        return None
    return subject, obj


def relative_subject(rule: ClaimRule, hit: TriggerHit | None, view: SentenceView, finder: RoleFinder) -> str | None:
    """The name a subject relative clause describes, as its act's subject ("Microsoft, which has invested $13 billion
    in the startup"): only for "which"/"who" opening the clause, with no fitting name in it before the trigger."""
    if hit is None or hit.subject_side == "after":
        return None
    clause = view.clause_of(hit.start)
    head = finder.text[clause[0]:hit.start].lstrip()
    if not head.startswith(finder.words.subject_relatives):
        return None
    if any(clause[0] <= m.start and m.end <= hit.start and finder.fill(m, rule.subject) for m in view.mentions):
        return None
    before = [m for m in view.mentions if view.start <= m.start and m.end <= clause[0]]
    return finder.fill(before[-1], rule.subject) if before else None


def passive_subject(rule: ClaimRule, hit: TriggerHit | None, view: SentenceView, finder: RoleFinder) -> str | None:
    """The agent of a passive act as the subject of a rule with two parties ("Scale AI被Meta收购" is Meta's), or None."""
    if hit is None or rule.object is None:
        return None
    agent = finder.passive_agent(view, hit.start, hit.end)
    return finder.fill(agent, rule.subject) if agent is not None else None
