"""Sentences with the complete list of numeric claims they yield (tests/data/claims/sentences.yaml)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checker.compare_revisions import is_previous
from checker.pipeline import claims_in_text
from tests.conftest import yaml_cases

CASES = yaml_cases("claims/sentences.yaml")


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:30] for c in CASES])
def test_sentence_yields_exactly_these_claims(case, knowledge):
    every = [c for c in claims_in_text(case["text"], knowledge, case.get("date")) if c.unit not in ("entity", "date")]
    claims = [c for c in every if not is_previous(c)]
    # values before a change ("从750亿美元上调至850亿美元"): evidence of a revision, listed apart
    previous = sorted((c.rule, c.value) for c in every if is_previous(c))
    assert previous == sorted((e["rule"], Decimal(str(e["value"]))) for e in case.get("previous", []))
    got = sorted((c.rule, c.value) for c in claims)
    assert got == sorted((e["rule"], Decimal(str(e["value"]))) for e in case["claims"])
    for want in case["claims"]:
        same = [c for c in claims if (c.rule, c.value) == (want["rule"], Decimal(str(want["value"])))]
        assert any(_has_fields(c, want) for c in same), (want, same)


def _has_fields(claim, want: dict) -> bool:
    """True when a claim has every field the expected claim gives (two claims may share a rule and a value)."""
    for field in ("period", "month", "attribute", "subject", "object", "qualifier"):
        if field in want and getattr(claim, field) != want[field]:
            return False
    for field in ("low", "high"):
        if field in want and getattr(claim, field) != (None if want[field] is None else Decimal(str(want[field]))):
            return False
    return True
