"""A period speaks first for the figures of its own conjunct (tests/data/periods/conjuncts.yaml)."""

from __future__ import annotations

import pytest

from checker.periods import find_periods, period_near
from tests.conftest import yaml_cases


@pytest.mark.parametrize("case", yaml_cases("periods/conjuncts.yaml"), ids=lambda c: f"{c['figure']}@{c['text'][:30]}")
def test_figure_takes_the_period_of_its_own_conjunct(case):
    text = case["text"]
    at = text.index(case["figure"])
    periods = find_periods(text, case["date"])
    assert period_near(periods, (0, len(text)), (), at, 0, case["date"]) == case["period"]
