"""Human-readable values of claims (shared by explanations and reports)."""

from __future__ import annotations

from checker.models import Claim


def format_value(claim: Claim) -> str:
    """A claim's value as people read it: "14.3 B USD", "≥ 10 B USD", "49 %"."""
    from checker.report.numbers import format_amount

    if isinstance(claim.value, str):
        return claim.value
    return format_amount(claim.value, claim.unit, claim.qualifier, claim.low, claim.high)
