"""What the human report formats share: totals, titles, sides, values and sentence excerpts."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import NamedTuple

from checker.models import Claim, ClaimGroup, Report
from checker.report.numbers import format_amount, format_bounds

ELLIPSIS = "…"
SEVERITY_ORDER = {"conflict": 0, "warning": 1, "agreement": 2}
UNKNOWN_PERIOD = "period unknown"


class Totals(NamedTuple):
    """The counts in a report's header."""

    articles: int
    claims: int
    conflicts: int
    warnings: int
    agreements: int


class Excerpt(NamedTuple):
    """A sentence cut around a span: text before it (with … when cut), the span, text after it."""

    before: str
    span: str
    after: str


def totals(report: Report) -> Totals:
    """Articles, claims, conflicts (severity conflict), warnings (rounding edges, revisions) and agreements."""
    near = sum(1 for g in report.conflicts if g.severity == "warning")
    return Totals(len(report.articles), sum(a.claims for a in report.articles),
                  len(report.conflicts) - near, near, len(report.agreements))


def plural(count: int, word: str, words: str | None = None) -> str:
    """"1 article", "3 articles"."""
    return f"{count} {word if count == 1 else (words or word + 's')}"


def ordered_conflicts(report: Report) -> list[ClaimGroup]:
    """Conflicts before warnings, otherwise in the report's own order."""
    return sorted(report.conflicts, key=lambda g: SEVERITY_ORDER.get(g.severity, len(SEVERITY_ORDER)))


def who(group: ClaimGroup) -> str:
    """"Meta → Scale AI", or the subject alone."""
    return f"{group.subject} → {group.object}" if group.object else group.subject


def period_of(group: ClaimGroup) -> str:
    """The group's period, or a note that it is unknown."""
    return group.period or UNKNOWN_PERIOD


def side_of(group: ClaimGroup, index: int) -> str:
    """The side label of the group's claim at an index ("" when the group gives none)."""
    return group.sides[index] if index < len(group.sides) else ""


def sides(group: ClaimGroup) -> list[tuple[str, list[Claim]]]:
    """The group's claims by side label, sides in order of first appearance."""
    by_side: dict[str, list[Claim]] = {}
    for index, claim in enumerate(group.claims):
        by_side.setdefault(side_of(group, index), []).append(claim)
    return list(by_side.items())


def article_count(claims: list[Claim] | tuple[Claim, ...]) -> int:
    """How many distinct articles the claims come from."""
    return len({c.article for c in claims})


def claim_value(claim: Claim) -> str:
    """A claim's value as people read it ("14.3 B USD", "≥ 10 B USD", "Alexandr Wang")."""
    return format_amount(claim.value, claim.unit, claim.qualifier, claim.low, claim.high)


def modifiers_note(claim: Claim) -> str:
    """A named claim's qualifiers as a note after its value (" (former)"), "" when it has none."""
    return f" ({', '.join(claim.modifiers)})" if claim.modifiers else ""


def values_summary(claims: list[Claim] | tuple[Claim, ...]) -> str:
    """The distinct values of claims, most frequent first: "14.3 B USD / ≥ 10 B USD"."""
    counts = Counter(claim_value(c) for c in claims)
    return " / ".join(v for v, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def reading(claim: Claim) -> str:
    """How the claim was read: "exact, 14.25 B–14.35 B USD", "over" (when its value says it all), "entity, former"."""
    if isinstance(claim.value, str):  # a named claim: "entity", "entity, former", "date"
        return ", ".join([claim.unit or "text", *claim.modifiers])
    allowed = format_bounds(claim.low, claim.high, claim.unit)
    qualifier = claim.qualifier.replace("_", " ")
    return f"{qualifier}, {allowed}" if allowed and allowed != claim_value(claim) else qualifier


def one_line(text: str) -> str:
    """Text with every run of whitespace (newlines too) made one space, trimmed."""
    return re.sub(r"\s+", " ", text).strip()


def char_width(char: str) -> int:
    """Display columns of a character: 2 for wide (CJK), 0 for combining and format marks."""
    if unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def display_width(text: str) -> int:
    """Display columns of a string in a terminal."""
    return sum(char_width(c) for c in text)


def clip(text: str, width: int) -> str:
    """Text cut to a display width, ending with … when cut."""
    if display_width(text) <= width:
        return text
    kept, used = [], char_width(ELLIPSIS)
    for char in text:
        used += char_width(char)
        if used > width:
            break
        kept.append(char)
    return "".join(kept) + ELLIPSIS


def excerpt(sentence: str, span: str, width: int) -> Excerpt:
    """The sentence on one line, cut to a display width around the span's first occurrence."""
    sentence, span = one_line(sentence), one_line(span)
    at = sentence.find(span) if span else -1
    if at < 0:
        return Excerpt(clip(sentence, width), "", "")
    if display_width(span) > width:
        return Excerpt("", clip(span, width), "")
    return grow(sentence[:at], span, sentence[at + len(span):], width - display_width(span))


def grow(left: str, span: str, right: str, room: int) -> Excerpt:
    """Context around a span, taken a character at a time from each side in turn."""
    if display_width(left) + display_width(right) <= room:
        return Excerpt(left, span, right)
    start, end = len(left), 0
    budget = room - (char_width(ELLIPSIS) if left else 0) - (char_width(ELLIPSIS) if right else 0)
    if budget < 0:
        return Excerpt("", span, "")
    turn = 0
    while budget > 0 and (start > 0 or end < len(right)):
        take_left = start > 0 and (turn % 2 == 0 or end >= len(right))
        char = left[start - 1] if take_left else right[end]
        if char_width(char) > budget:
            break
        budget -= char_width(char)
        start, end = (start - 1, end) if take_left else (start, end + 1)
        turn += 1
    before = (ELLIPSIS if start > 0 else "") + left[start:]
    after = right[:end] + (ELLIPSIS if end < len(right) else "")
    return Excerpt(before, span, after)
