"""Data-driven compare cases: grouping by period, sides, severity; fingerprints are stable."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checker.compare import group_claims
from checker.models import Claim
from tests.conftest import yaml_cases

CASES = yaml_cases("compare/cases.yaml")


def _claim(spec: dict, n: int) -> Claim:
    """A money claim about one fact, from a case's short description."""
    number = lambda v: None if v is None else Decimal(str(v))  # noqa: E731
    return Claim(
        article=spec["article"], path=spec["article"], line=1, start=n, end=n + 1, text="x", sentence="x",
        rule="investment-amount", attribute="investment amount", subject="Meta", object="Scale AI",
        period=str(spec.get("period", "")), value=number(spec["value"]), unit="USD", kind="money",
        qualifier=spec.get("qualifier", "exact"), low=number(spec["low"]), high=number(spec["high"]),
    )


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_compare_case(case):
    claims = [_claim(spec, n) for n, spec in enumerate(case["claims"])]
    groups = group_claims(claims)
    got = []
    for group in groups:
        sides: dict[str, list[str]] = {}
        for side, claim in zip(group.sides, group.claims):
            sides.setdefault(side, []).append(claim.article)
        got.append({"period": group.period, "severity": group.severity,
                    "sides": sorted(sorted(v) for v in sides.values())})
    want = [{**g, "sides": sorted(sorted(s) for s in g["sides"])} for g in case["groups"]]
    assert sorted(got, key=str) == sorted(want, key=str)


def test_fingerprint_ignores_lines_and_claim_order():
    claims = [_claim(spec, n) for n, spec in enumerate(CASES[0]["claims"])]
    moved = [c.model_copy(update={"line": c.line + 7, "start": c.start + 100, "end": c.end + 100}) for c in claims]
    assert group_claims(claims)[0].fingerprint == group_claims(list(reversed(moved)))[0].fingerprint


def test_claims_without_subject_are_not_compared():
    claims = [_claim(spec, n).model_copy(update={"subject": None}) for n, spec in enumerate(CASES[0]["claims"])]
    assert group_claims(claims) == []
