"""Human-readable values of claims (shared by explanations and reports)."""

from __future__ import annotations

from collections import Counter

from checker.models import Claim


def describe_side(claims: list[Claim]) -> str:
    """Claims' distinct values, most frequent first, with their article count: "14.3 B USD / > 10 B USD (4 articles)"."""
    values = Counter(format_value(c) for c in claims)
    articles = len({c.article for c in claims})
    label = " / ".join(v for v, _ in sorted(values.items(), key=lambda kv: (-kv[1], kv[0])))
    return f"{label} ({articles} article{'s' if articles != 1 else ''})"


def format_value(claim: Claim) -> str:
    """A claim's value as people read it: "14.3 B USD", "≥ 10 B USD", "49 %"."""
    from checker.report.numbers import format_amount

    if isinstance(claim.value, str):
        return claim.value
    return format_amount(claim.value, claim.unit, claim.qualifier, claim.low, claim.high)
