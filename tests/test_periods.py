"""The period data file's own examples, and how a claim picks its period."""

from __future__ import annotations

import pytest

from checker.periods import PeriodMatch, find_periods, period_data, period_near

EXAMPLES = period_data().examples


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.text for e in EXAMPLES])
def test_period_example(example):
    found = find_periods(example.text.lower(), example.date)
    assert (found[0].year if found else "") == example.period


def test_clause_period_wins_then_figure_free_clauses_then_paragraph_then_article_year():
    import datetime as dt

    periods = [PeriodMatch(start=0, end=5, year="2024"), PeriodMatch(start=30, end=35, year="2029")]
    assert period_near(periods, (28, 50), ((0, 10),), 40, 0, None) == "2029"
    assert period_near(periods, (10, 25), ((0, 10),), 20, 0, None) == "2024"
    assert period_near(periods, (60, 70), ((12, 20),), 65, 0, None) == "2029"
    assert period_near(periods, (60, 70), ((12, 20),), 65, 50, None) == ""
    assert period_near(periods, (60, 70), ((12, 20),), 65, 50, dt.date(2025, 7, 1)) == "2025"


def test_bare_month_after_article_month_is_last_year():
    import datetime as dt

    found = find_periods("12月", dt.date(2025, 2, 1))
    assert found[0].year == "2024"
