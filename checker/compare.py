"""Compare claims: group them by fact and find the groups whose values cannot all be true."""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from decimal import Decimal

from checker.compare_conversions import conversions
from checker.compare_revisions import as_revision, is_previous
from checker.models import Claim, ClaimGroup
from checker.numbers import describe_side

OPEN_ENDED = {"exact", "approx", "under"}  # rounded figures: their interval ends are not claimed values
VAGUE_RATIO = Decimal(3)  # a range wider than this factor ("数千亿", "several hundred million") proves nothing
SIDE_LABELS = "abcdefghijklmnopqrstuvwxyz"
INFINITY = Decimal("Infinity")
NUDGE = Decimal("1e-9")  # how far a rounded figure's interval ends move inwards, relative to the figure


def fact_key(claim: Claim) -> tuple[str, str, str, str, str]:
    """What makes two claims about the same fact, before periods are considered."""
    return (claim.rule, claim.attribute, claim.subject or "", claim.object or "", claim.unit)


def group_claims(claims: list[Claim]) -> list[ClaimGroup]:
    """Group comparable claims (numeric, with a subject, no conversion) and judge each group."""
    buckets: dict[tuple[str, str, str, str, str], list[Claim]] = defaultdict(list)
    previous: dict[tuple[str, str, str, str, str], list[Claim]] = defaultdict(list)
    converted = conversions(claims)
    for index, claim in enumerate(claims):
        if index in converted:
            continue  # another currency's restatement of the figure before it
        if claim.subject and not isinstance(claim.value, str) and not is_vague(claim):
            (previous if is_previous(claim) else buckets)[fact_key(claim)].append(claim)
    groups = []
    for key in sorted(buckets):
        for period, members in split_by_period(buckets[key]).items():
            earlier = [c for c in previous[key] if c.period in (period, "") or period.startswith(c.period + "-")]
            group = as_revision(judge(members, period), earlier) if len(members) > 1 else None
            if group and (group.severity != "agreement" or len({c.article for c in members}) > 1):
                groups.append(group)
    return sorted(groups, key=lambda g: (g.severity, g.attribute, g.subject, g.object or "", g.period))


def is_vague(claim: Claim) -> bool:
    """True for a range so wide that it can neither confirm nor contradict another figure."""
    low, high = claim.low, claim.high
    return claim.qualifier == "range" and low is not None and high is not None and low > 0 and high / low > VAGUE_RATIO


def split_by_period(claims: list[Claim]) -> dict[str, list[Claim]]:
    """Claims per period; claims of unknown period join the one known period, if there is just one."""
    by_period: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_period[claim.period].append(claim)
    known = [p for p in by_period if p]
    if "" in by_period and len(known) == 1:
        by_period[known[0]].extend(by_period.pop(""))
    split: dict[str, list[Claim]] = {}
    for period, members in by_period.items():
        split.update(split_by_month(period, members))
    return split


def split_by_month(period: str, claims: list[Claim]) -> dict[str, list[Claim]]:
    """Claims of one period per stated month ("2025-03": a user count in March is not October's); claims stating no
    month join the one stated month, if there is just one, else stay together under the period."""
    by_month: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_month[claim.month].append(claim)
    months = [m for m in by_month if m]
    if len(months) == 1 and "" in by_month:
        by_month[months[0]].extend(by_month.pop(""))
    if len(by_month) == 1:
        return {period: claims}
    return {month or period: members for month, members in by_month.items()}


def bounds(claim: Claim) -> tuple[Decimal | None, Decimal | None]:
    """The interval a claim allows, with the ends of rounded figures made exclusive."""
    low, high = claim.low, claim.high
    if claim.qualifier in OPEN_ENDED:
        cap = None if low is None or high is None else (high - low) / 4  # a nudge never turns an interval inside out

        def nudge(end: Decimal) -> Decimal:
            return abs(end) * NUDGE if cap is None else min(abs(end) * NUDGE, cap)
        low = None if low is None else low + nudge(low)
        high = None if high is None else high - nudge(high)
    return low, high


def contains(claim: Claim, point: Decimal) -> bool:
    """True when a claim allows a value."""
    low, high = bounds(claim)
    return (low is None or low <= point) and (high is None or point <= high)


def assign_sides(claims: list[Claim]) -> list[int]:
    """Side index per claim: greedy interval stabbing, so each side's claims share a common value."""
    def right_end(i: int) -> tuple[int, Decimal]:
        low, high = bounds(claims[i])
        return (1, low or Decimal(0)) if high is None else (0, high)

    points: list[Decimal] = []
    side = [-1] * len(claims)
    for i in sorted(range(len(claims)), key=right_end):
        if not any(contains(claims[i], p) for p in points):
            low, high = bounds(claims[i])
            points.append(high if high is not None else INFINITY)  # open above: every such claim holds a large value
    for i, claim in enumerate(claims):
        side[i] = next(n for n, p in enumerate(points) if contains(claim, p))
    return relabel(side, claims)


def relabel(side: list[int], claims: list[Claim]) -> list[int]:
    """Number sides by size (most articles first), so labels are stable and meaningful."""
    weight = Counter()
    for s, claim in zip(side, claims):
        weight[s] += 1
    order = sorted(set(side), key=lambda s: (-weight[s], min(claims[i].value for i in range(len(claims)) if side[i] == s)))
    rank = {s: n for n, s in enumerate(order)}
    return [rank[s] for s in side]


def judge(claims: list[Claim], period: str) -> ClaimGroup:
    """A claim group with its sides, severity and explanation."""
    ordered = sorted(claims, key=lambda c: (c.article, c.start))
    sides = assign_sides(ordered)
    paired = sorted(zip(sides, ordered), key=lambda p: (p[0], p[1].article, p[1].start))
    sides, ordered = [s for s, _ in paired], [c for _, c in paired]
    first = ordered[0]
    severity = "conflict" if max(sides) > 0 else ("warning" if edge_only(ordered) else "agreement")
    return ClaimGroup(
        fingerprint=fingerprint(first, period, ordered), rule=first.rule, attribute=first.attribute,
        subject=first.subject or "", object=first.object, period=period, severity=severity,
        explanation=explain(ordered, sides, severity), claims=tuple(ordered),
        sides=tuple(SIDE_LABELS[s] if s < len(SIDE_LABELS) else f"s{s}" for s in sides),
    )


def edge_only(claims: list[Claim]) -> bool:
    """True when the claims agree only at the edge of their rounding: two exact figures each lie outside the other's
    interval (1.45 and 1.5). A figure inside another's interval is that figure rounded (392.3亿 and 392亿, $94.04
    billion and 940亿): an agreement."""
    exact = list({(c.value, c.low, c.high): c for c in claims if c.qualifier == "exact"}.values())  # each figure once
    return any(not contains(a, b.value) and not contains(b, a.value) for a in exact for b in exact)


def explain(claims: list[Claim], sides: list[int], severity: str) -> str:
    """One line saying which values stand against which, with article counts."""
    parts = []
    for side in sorted(set(sides)):
        parts.append(describe_side([c for c, s in zip(claims, sides) if s == side]))
    if severity == "conflict":
        return f"{parts[1]} is outside {parts[0]}" if len(parts) == 2 else " vs ".join(parts)
    if severity == "warning":
        return f"{parts[0]} agree only within rounding"
    return f"{parts[0]} agree"


def fingerprint(first: Claim, period: str, claims: list[Claim], extra: str = "") -> str:
    """A stable id of a group: rule, subject, object, attribute, unit, period, sorted article ids (and `extra`)."""
    articles = ",".join(sorted({c.article for c in claims}))
    key = "|".join([first.rule, first.subject or "", first.object or "", first.attribute, first.unit, period, articles])
    return hashlib.sha256((key + (f"|{extra}" if extra else "")).encode("utf-8")).hexdigest()[:16]
