"""Compare named claims: one holder of a unique post at a time, one day for an event, agreements across articles."""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from checker.compare import SIDE_LABELS, fingerprint, split_by_period
from checker.models import Claim, ClaimGroup
from checker.named.dates import DateValue, parse_iso
from checker.rules import RuleBook

NOT_HOLDING = {"former", "co"}  # a former holder or a co-holder shares the post with nobody's exclusion
SEVERITY_ORDER = {"conflict": 0, "warning": 1, "agreement": 2}


def group_named(claims: Iterable[Claim], book: RuleBook | None) -> list[ClaimGroup]:
    """Judge every named claim (string value with a subject) by its rule's semantics."""
    unique = {r.id for r in book.rules.values() if r.value != "quantity" and r.unique} if book else set()
    buckets: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        if isinstance(claim.value, str) and claim.subject and claim.unit in ("entity", "date"):
            buckets[(claim.rule, claim.subject, claim.object or "")].append(claim)
    groups: list[ClaimGroup] = []
    buckets = join_unknown_objects(buckets)
    for key in sorted(buckets):
        members = sorted(buckets[key], key=lambda c: (c.article, c.start))
        if members[0].unit == "date":
            groups.extend(date_groups(members))
        elif key[0] in unique:
            groups.extend(post_groups(members))
        else:
            groups.extend(holder_agreements(members))
    return sorted(groups, key=lambda g: (SEVERITY_ORDER[g.severity], g.attribute, g.subject, g.object or "", g.period))


def join_unknown_objects(buckets: dict[tuple[str, str, str], list[Claim]]) -> dict[tuple[str, str, str], list[Claim]]:
    """Claims that name no object join the one object their rule and subject are known with, if just one."""
    joined = dict(buckets)
    for rule, subject, obj in list(buckets):
        if obj:
            continue
        known = [key for key in buckets if key[:2] == (rule, subject) and key[2]]
        if len(known) == 1:
            joined[known[0]] = joined[known[0]] + joined.pop((rule, subject, ""))
    return joined


def date_groups(claims: list[Claim]) -> list[ClaimGroup]:
    """One event, one day: dates that leave no common day stand on different sides."""
    sides: list[tuple[DateValue, list[Claim]]] = []
    for claim in sorted(claims, key=precision, reverse=True):
        value = parse_iso(str(claim.value))
        if value is None:
            continue
        home = next((n for n, (meet, _) in enumerate(sides) if meet.fits(value)), None)
        if home is None:
            sides.append((value, [claim]))
        else:
            sides[home] = (sides[home][0].meet(value), sides[home][1] + [claim])
    parts = [members for _, members in sides]
    return [judged(parts, "", "date")] if parts and (len(parts) > 1 or articles(parts[0]) > 1) else []


def post_groups(claims: list[Claim]) -> list[ClaimGroup]:
    """A unique post: different current holders at the same time conflict; the rest agree per holder."""
    holding = [c for c in claims if not NOT_HOLDING & set(c.modifiers)]
    groups, in_conflict = [], set()
    for period, members in sorted(split_by_period(holding).items()):
        if len({c.value for c in members}) > 1:
            groups.append(judged(by_value(members), period, "post"))
            in_conflict.update(id(c) for c in members)
    return groups + holder_agreements([c for c in claims if id(c) not in in_conflict])


def holder_agreements(claims: list[Claim]) -> list[ClaimGroup]:
    """The same holder (or place) named by two articles or more."""
    return [judged([members], common_period(members), "holder") for members in by_value(claims)
            if articles(members) > 1]


def by_value(claims: list[Claim]) -> list[list[Claim]]:
    """Claims per value, the value named by most articles first."""
    found: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        found[str(claim.value)].append(claim)
    return sorted(found.values(), key=lambda members: (-articles(members), str(members[0].value)))


def judged(sides: list[list[Claim]], period: str, how: str) -> ClaimGroup:
    """A group from its sides (most articles first): a conflict when there are two sides or more."""
    sides = sorted(sides, key=lambda members: (-articles(members), str(members[0].value)))
    ordered = [(n, c) for n, members in enumerate(sides) for c in sorted(members, key=lambda c: (c.article, c.start))]
    claims = [c for _, c in ordered]
    first = claims[0]
    severity = "conflict" if len(sides) > 1 else "agreement"
    extra = str(first.value) if how == "holder" else ""
    return ClaimGroup(
        fingerprint=fingerprint(first, period, claims, extra), rule=first.rule, attribute=first.attribute,
        subject=first.subject or "", object=first.object, period=period, severity=severity,
        explanation=explain(sides, how), claims=tuple(claims),
        sides=tuple(SIDE_LABELS[n] if n < len(SIDE_LABELS) else f"s{n}" for n, _ in ordered),
    )


def explain(sides: list[list[Claim]], how: str) -> str:
    """One line: the values of each side with article counts."""
    parts = [f"{' / '.join(sorted({str(c.value) for c in members}))} ({plural(articles(members))})" for members in sides]
    if len(parts) == 1:
        return f"{parts[0]} agree"
    if how == "post":
        return " vs ".join(parts) + ": one post, different holders at the same time"
    return f"{' and '.join(parts[1:])} is outside {parts[0]}" if len(parts) == 2 else " vs ".join(parts)


def precision(claim: Claim) -> tuple[int, str]:
    """How much of a date a claim gives (day > month > year), for building sides from the most precise."""
    value = parse_iso(str(claim.value))
    known = 0 if value is None else sum(p is not None for p in (value.year, value.month, value.day))
    return known, claim.article


def common_period(claims: list[Claim]) -> str:
    """The one period the claims name, else ""."""
    periods = {c.period for c in claims if c.period}
    return periods.pop() if len(periods) == 1 else ""


def articles(claims: list[Claim]) -> int:
    """How many articles the claims come from."""
    return len({c.article for c in claims})


def plural(count: int) -> str:
    """"1 article", "2 articles"."""
    return f"{count} article{'s' if count != 1 else ''}"
