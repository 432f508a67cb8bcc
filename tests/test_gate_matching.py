"""Matching a report against the baseline: accepted, changed, new, gone; and the severity threshold."""

from __future__ import annotations

from decimal import Decimal

import pytest
import yaml

from checker.gate.baseline import accept_all
from checker.gate.matching import judge, primary_claim, title
from checker.models import ClaimGroup, Report
from tests.conftest import DATA

REPORTS = yaml.safe_load((DATA / "gate" / "reports.yaml").read_text(encoding="utf-8"))


def report() -> Report:
    """The hand-made report: one conflict (Meta → Scale AI) and one warning (OpenAI valuation)."""
    return Report.model_validate(REPORTS["report"])


def with_conflicts(*groups: ClaimGroup) -> Report:
    """The hand-made report with other contradictions."""
    return report().model_copy(update={"conflicts": groups})


def revalued(group: ClaimGroup, index: int, value: str) -> ClaimGroup:
    """A group whose claim at `index` states another value (same fingerprint: same fact, same articles)."""
    claims = list(group.claims)
    claims[index] = claims[index].model_copy(update={"value": Decimal(value)})
    return group.model_copy(update={"claims": tuple(claims)})


def statuses(result) -> list[tuple[str, str]]:
    return [(f.status, f.group.fingerprint) for f in result.findings]


def test_unchanged_report_passes_against_its_own_baseline():
    result = judge(report(), accept_all(report(), "d"), "conflict", "d")
    assert statuses(result) == [("accepted", "1111aaaa2222bbbb")]
    assert not result.failing and not result.gone and not result.rules_changed


def test_no_baseline_makes_every_conflict_new():
    result = judge(report(), None, "conflict", "d")
    assert statuses(result) == [("new", "1111aaaa2222bbbb")]
    assert result.counts() == {"new": 1, "changed": 0, "accepted": 0, "gone": 0}


def test_changed_values_fail_as_changed():
    scale, valuation = report().conflicts
    result = judge(with_conflicts(revalued(scale, 1, "14600000000"), valuation), accept_all(report(), "d"), "conflict", "d")
    assert statuses(result) == [("changed", "1111aaaa2222bbbb")]
    assert result.findings[0].accepted.values == ("14300000000 USD", "14800000000 USD")


def test_new_fingerprint_fails_as_new_and_old_entry_is_gone():
    scale, valuation = report().conflicts
    grown = scale.model_copy(update={"fingerprint": "5555eeee6666ffff"})
    result = judge(with_conflicts(grown, valuation), accept_all(report(), "d"), "conflict", "d")
    assert statuses(result) == [("new", "5555eeee6666ffff")]
    assert [e.fingerprint for e in result.gone] == ["1111aaaa2222bbbb"]


@pytest.mark.parametrize("min_severity,judged", [("conflict", ["1111aaaa2222bbbb"]),
                                                  ("warning", ["1111aaaa2222bbbb", "3333cccc4444dddd"])])
def test_warnings_are_judged_only_from_min_severity_warning(min_severity, judged):
    result = judge(report(), None, min_severity, "d")
    assert sorted(f.group.fingerprint for f in result.failing) == judged


def test_accepted_warning_is_not_gone_when_not_judged():
    result = judge(report(), accept_all(report(), "d"), "conflict", "d")
    assert result.gone == ()


def test_failing_findings_come_first():
    scale, valuation = report().conflicts
    result = judge(report(), accept_all(with_conflicts(valuation), "d"), "warning", "d")
    assert statuses(result) == [("new", "1111aaaa2222bbbb"), ("accepted", "3333cccc4444dddd")]


def test_rules_digest_change_is_noticed():
    assert judge(report(), accept_all(report(), "old"), "conflict", "new").rules_changed


def test_primary_claim_is_the_odd_one_out_and_title_names_the_fact():
    scale = report().conflicts[0]
    assert primary_claim(scale).text == "148億美元"
    assert title(scale) == "Meta → Scale AI: investment amount (2025)"
    assert title(report().conflicts[1]) == "OpenAI: valuation"
