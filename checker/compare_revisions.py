"""Revisions: a conflict whose one side is a value that an article says was changed ("从750亿美元上调至850亿美元")."""

from __future__ import annotations

from checker.models import Claim, ClaimGroup
from checker.numbers import describe_side

PREVIOUS = "previous"  # the modifier of a value before a change (checker/claims.py previous_values)


def is_previous(claim: Claim) -> bool:
    """True for a value before a change: evidence of a revision, no figure of the present."""
    return PREVIOUS in claim.modifiers


def as_revision(group: ClaimGroup, previous: list[Claim]) -> ClaimGroup:
    """A two-sided conflict as a revision warning when every claim of one side is a value some article says was changed
    and no claim of the other side is: the articles differ in date, not in fact. Else the group unchanged."""
    sides = sorted(set(group.sides))
    if group.severity != "conflict" or len(sides) != 2 or not previous:
        return group
    members = {side: [c for c, s in zip(group.claims, group.sides) if s == side] for side in sides}
    old = [side for side in sides if all(_was_changed(c, previous) for c in members[side])]
    if len(old) != 1 or any(_was_changed(c, previous) for c in members[_other(sides, old[0])]):
        return group
    new = _other(sides, old[0])
    witness = min(previous, key=lambda c: (c.article, c.line))
    explanation = f"{describe_side(members[old[0]])} was revised to {describe_side(members[new])} " \
                  f"({witness.article} line {witness.line}: \"{witness.text}\" before the change)"
    return group.model_copy(update={"severity": "warning", "explanation": explanation})


def _was_changed(claim: Claim, previous: list[Claim]) -> bool:
    """True when a claim's figure is one an article gives as the value before a change."""
    return any(_overlap(claim, p) for p in previous)


def _overlap(a: Claim, b: Claim) -> bool:
    """True when two claims' intervals share a value."""
    lows = [x for x in (a.low, b.low) if x is not None]
    highs = [x for x in (a.high, b.high) if x is not None]
    return not lows or not highs or max(lows) <= min(highs)


def _other(sides: list[str], side: str) -> str:
    """The other of two sides."""
    return sides[1] if side == sides[0] else sides[0]

