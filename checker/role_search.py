"""Where to look for a role's entity: the clause, the sentence, then earlier sentences."""

from __future__ import annotations

from checker.models import Quantity
from checker.roles import RoleFinder, SentenceView
from checker.rules import ClaimRule, RoleSpec, TriggerHit


def find_subject(rule: ClaimRule, anchor: TriggerHit | Quantity, hit: TriggerHit | None, views: list[SentenceView],
                 index: int, finder: RoleFinder, look_back: int, skip: set[str]) -> str | None:
    """The subject: in the clause (per the trigger's side), else the sentence, else earlier sentences."""
    spec, view = rule.subject, views[index]
    clause = view.clause_of(anchor.start)
    in_clause = [m for m in view.mentions if clause[0] <= m.start and m.end <= clause[1]]
    before = [m for m in reversed(in_clause) if m.end <= anchor.start]
    after = [m for m in in_clause if m.start >= anchor.end]
    order = after + before if hit is not None and hit.subject_side == "after" else before + after
    name = finder.nearest(tuple(order), spec, skip)
    if name is None:
        outside = [m for m in view.mentions if m.end <= clause[0]] + [m for m in view.mentions if m.start >= clause[1]]
        name = finder.nearest(tuple(outside), spec, skip)
    if name is None and spec.fallback == "context":
        name = from_context(spec, views, index, finder, look_back, skip)
    return name


def find_object(rule: ClaimRule, anchor: TriggerHit | Quantity, quantity: Quantity, views: list[SentenceView],
                index: int, finder: RoleFinder, look_back: int, subject: str | None, unmarked: bool = False) -> str | None:
    """The object: marked by a role word in the sentence, or (unmarked) the first other entity in the clause."""
    spec, view = rule.object, views[index]
    if spec is None:
        return None
    clause = view.clause_of(anchor.start)
    if not unmarked:
        found = finder.marked(view, spec, blocked=lambda at: _claimed_elsewhere(at, clause, quantity, view))
        return found[0] if found else None
    in_clause = [m for m in view.mentions if clause[0] <= m.start and m.end <= clause[1]]
    order = [m for m in in_clause if m.start >= anchor.end] + [m for m in reversed(in_clause) if m.end <= anchor.start]
    name = finder.nearest(tuple(order), spec, {subject} if subject else set())
    if name is None and spec.fallback == "context":
        name = from_context(spec, views, index, finder, look_back, {subject} if subject else set())
    return name


def from_context(spec: RoleSpec, views: list[SentenceView], index: int, finder: RoleFinder, look_back: int,
                 skip: set[str]) -> str | None:
    """The first fitting entity of each earlier sentence, nearest sentence first."""
    for earlier in range(index - 1, max(-1, index - 1 - look_back), -1):
        name = finder.nearest(views[earlier].mentions, spec, skip)
        if name is not None:
            return name
    return None


def _claimed_elsewhere(at: int, clause: tuple[int, int], quantity: Quantity, view: SentenceView) -> bool:
    """True when an entity sits in another clause that has a figure of its own (the entity is that figure's)."""
    if clause[0] <= at < clause[1]:
        return False
    return (view.clause_of(at)[0], quantity.kind) in view.figures
