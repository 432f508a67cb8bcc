"""Small corpora written for the tests: each folder's report has exactly the conflicts its expected.yaml lists."""

from __future__ import annotations

from decimal import Decimal

import pytest
import yaml

from checker.pipeline import build_report, read_corpus
from tests.conftest import DATA

CORPORA = sorted(p.parent for p in (DATA / "corpora").glob("*/expected.yaml"))


def _key(group: dict) -> tuple:
    """What identifies a fact in an expected.yaml entry."""
    return (group["attribute"], group["subject"], group.get("object"), group.get("period"))


@pytest.fixture(scope="module", params=CORPORA, ids=[p.name for p in CORPORA])
def judged(request, knowledge):
    """The report on one corpus folder, with what it should say."""
    expected = yaml.safe_load((request.param / "expected.yaml").read_text(encoding="utf-8"))
    return build_report(read_corpus([str(request.param)], knowledge)), expected


def test_conflicts_are_exactly_the_expected_ones(judged):
    report, expected = judged
    found = {(g.attribute, g.subject, g.object, g.period): g for g in report.conflicts}
    wanted = {_key(g): g for g in expected["conflicts"]}
    assert {(a, s, o) for a, s, o, _ in found} == {(a, s, o) for a, s, o, _ in wanted}
    for (attribute, subject, obj, period), group in wanted.items():
        got = next(g for k, g in found.items() if k[:3] == (attribute, subject, obj))
        assert period is None or got.period == period
        assert group.get("severity") is None or got.severity == group["severity"]  # "warning": a revision, say
        values = {c.value for c in got.claims}
        assert {Decimal(str(v)) for v in group["values"]} <= values


def test_expected_agreements_are_found(judged):
    report, expected = judged
    found = {(g.attribute, g.subject, g.object, g.period) for g in report.agreements}
    for group in expected["agreements"]:
        attribute, subject, obj, period = _key(group)
        assert any(f[:3] == (attribute, subject, obj) and (period is None or f[3] == period) for f in found), group
