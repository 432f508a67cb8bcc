"""Data-driven compare cases: grouping by period, sides, severity; fingerprints are stable."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checker.compare import group_claims
from checker.compare_conversions import conversion_data, conversions
from checker.models import Claim
from tests.conftest import yaml_cases

CASES = yaml_cases("compare/cases.yaml")


def _claim(spec: dict, n: int) -> Claim:
    """A money claim about one fact, from a case's short description."""
    number = lambda v: None if v is None else Decimal(str(v))  # noqa: E731
    return Claim(
        article=spec["article"], path=spec["article"], line=1, start=n, end=n + 1, text="x", sentence="x",
        rule="investment-amount", attribute="investment amount", subject="Meta", object="Scale AI",
        period=str(spec.get("period", "")), month=str(spec.get("month", "")), value=number(spec["value"]), unit="USD", kind="money",
        qualifier=spec.get("qualifier", "exact"), low=number(spec["low"]), high=number(spec["high"]),
        modifiers=("previous",) if spec.get("previous") else (),
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


CONVERSIONS = conversion_data().examples


@pytest.mark.parametrize("example", CONVERSIONS, ids=[e.sentence[:30] for e in CONVERSIONS])
def test_conversion_example(example):
    """A money figure right after one in another currency, behind a conversion word, is a conversion."""
    claims, at = [], 0
    for n, (text, unit) in enumerate(example.figures):
        at = example.sentence.index(text, at)
        claims.append(_claim({"article": "a", "value": n + 1, "low": n + 1, "high": n + 1}, at).model_copy(
            update={"text": text, "end": at + len(text), "sentence": example.sentence, "unit": unit}))
        at += len(text)
    assert sorted(claims[i].text for i in conversions(claims)) == sorted(example.conversions)


def test_a_conversion_is_not_compared():
    """Two papers converting one deal at different rates do not contradict each other."""
    sentence = CONVERSIONS[0].sentence
    claims = []
    for article, yuan in (("a", 1027), ("b", 1100)):
        dollars = _claim({"article": article, "value": 143, "low": 142, "high": 144}, 0)
        claims.append(dollars.model_copy(update={"text": "143亿美元", "sentence": sentence}))
        claims.append(dollars.model_copy(update={"text": "约合人民币1027亿元", "sentence": sentence, "unit": "CNY",
                                                 "value": Decimal(yuan), "low": Decimal(yuan - 1), "high": Decimal(yuan + 1)}))
    assert [(g.claims[0].unit, g.severity) for g in group_claims(claims)] == [("USD", "agreement")]
