"""The period data file's own examples, and how a claim picks its period."""

from __future__ import annotations

import pytest

from checker.periods import PeriodMatch, find_periods, period_data, period_near

EXAMPLES = period_data().examples


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.text for e in EXAMPLES])
def test_period_example(example):
    found = [p for p in find_periods(example.text.lower(), example.date) if not p.baseline]
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


def test_compared_period_is_the_period_of_the_figure_right_after_it_only():
    import datetime as dt

    text = "meta今年资本支出预估约700亿美元，较去年的392亿美元大增。"
    periods = find_periods(text, dt.date(2025, 7, 15))
    clause = (text.index("较"), len(text))
    assert [p.baseline for p in periods] == [False, True]
    assert period_near(periods, clause, (), text.index("392"), 0, dt.date(2025, 7, 15)) == "2024"
    assert period_near(periods, (0, clause[0]), (), text.index("700"), 0, dt.date(2025, 7, 15)) == "2025"
    later = "薪资较2022年的水平上涨了约50%"
    assert period_near(find_periods(later, None), (0, len(later)), (), later.index("50"), 0, None) == ""


def test_quarter_speaks_for_its_own_clause_only():
    import datetime as dt

    text = "meta第二季度营收475亿美元，净利润183亿美元。"
    periods = find_periods(text, dt.date(2025, 7, 31))
    first, second = (0, text.index("，")), (text.index("，") + 1, len(text))
    assert period_near(periods, first, (), text.index("475"), 0, dt.date(2025, 7, 31)) == "2025-Q2"
    assert period_near(periods, second, (), text.index("183"), 0, dt.date(2025, 7, 31)) == "2025"


def test_same_period_is_the_period_named_before_it_even_a_quarter():
    import datetime as dt

    text = "meta第二季收入475亿美元。期内资本开支为170亿美元。"
    periods = find_periods(text, dt.date(2025, 7, 31))
    second = (text.index("期内"), len(text))
    assert period_near(periods, second, (), text.index("170"), 0, dt.date(2025, 7, 31)) == "2025-Q2"
    alone = "期内资本开支为170亿美元。"
    assert period_near(find_periods(alone, dt.date(2025, 7, 31)), (0, len(alone)), (), 7, 0, dt.date(2025, 7, 31)) == "2025"
