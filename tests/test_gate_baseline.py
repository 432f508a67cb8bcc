"""The baseline file: stable values, notes that survive rewrites, pruning, and errors that name the file."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
import yaml

from checker.datafiles import DataFileError
from checker.gate.baseline import (Baseline, BaselineError, accept_all, dump_baseline, entry_for, prune,
                                   read_baseline, value_key)
from checker.models import Claim, Report
from tests.conftest import DATA, yaml_cases

REPORTS = yaml.safe_load((DATA / "gate" / "reports.yaml").read_text(encoding="utf-8"))


def report() -> Report:
    """The hand-made report: one conflict (Meta → Scale AI) and one warning (OpenAI valuation)."""
    return Report.model_validate(REPORTS["report"])


@pytest.mark.parametrize("case", yaml_cases("gate/value_keys.yaml"), ids=lambda c: c["expected"])
def test_value_key(case):
    fields = {k: v for k, v in case.items() if k != "expected"}
    if fields["unit"] != "entity":
        fields["value"] = Decimal(fields["value"])
    claim = Claim(article="a.txt", path="a.txt", line=1, start=0, end=1, text="x", sentence="", rule="r",
                  attribute="a", subject="S", kind="money", **fields)
    assert value_key(claim) == case["expected"]


def test_entry_holds_what_the_conflict_is_about_and_nothing_that_churns():
    entry = entry_for(report().conflicts[0])
    assert entry.model_dump() == {
        "fingerprint": "1111aaaa2222bbbb", "rule": "investment-amount", "subject": "Meta", "object": "Scale AI",
        "attribute": "investment amount", "period": "2025", "severity": "conflict",
        "articles": ("a.txt", "b.txt"), "values": ("14300000000 USD", "14800000000 USD"), "note": "",
    }


def test_dump_is_sorted_self_describing_and_stable():
    baseline = accept_all(report(), "digest1")
    text = dump_baseline(baseline)
    data = json.loads(text)
    assert data["schema"] == 1 and data["rules_digest"] == "digest1" and "checker check" in data["about"]
    assert [e["fingerprint"] for e in data["entries"]] == ["1111aaaa2222bbbb", "3333cccc4444dddd"]
    assert list(data) == sorted(data) and text.endswith("}\n")
    assert not {"line", "start", "count", "version", "time"} & {k for e in data["entries"] for k in e}
    assert dump_baseline(Baseline.model_validate(data)) == text


def test_rewrite_keeps_reviewer_notes(tmp_path):
    first = accept_all(report(), "digest1")
    noted = first.model_copy(update={"entries": (first.entries[0].model_copy(update={"note": "reviewed: 148 is a typo"}),
                                                 first.entries[1])})
    path = tmp_path / "baseline.json"
    path.write_text(dump_baseline(noted), encoding="utf-8")
    again = accept_all(report(), "digest2", read_baseline(path))
    assert [e.note for e in again.entries] == ["reviewed: 148 is a typo", ""]
    assert again.rules_digest == "digest2"


def test_prune_drops_only_entries_that_no_longer_occur_and_keeps_notes():
    full = accept_all(report(), "digest1")
    noted = full.model_copy(update={"entries": tuple(e.model_copy(update={"note": f"n{i}"}) for i, e in enumerate(full.entries))})
    smaller = report().model_copy(update={"conflicts": report().conflicts[1:]})
    pruned = prune(noted, smaller)
    assert [(e.fingerprint, e.note) for e in pruned.entries] == [("3333cccc4444dddd", "n1")]
    assert pruned.rules_digest == "digest1"


def test_prune_accepts_nothing_new():
    only_warning = Baseline(rules_digest="d", entries=(entry_for(report().conflicts[1]),))
    assert [e.fingerprint for e in prune(only_warning, report()).entries] == ["3333cccc4444dddd"]


def test_invalid_json_is_named_with_line_and_column(tmp_path):
    path = tmp_path / "baseline.json"
    path.write_text('{\n  "schema": 1,\n  "entries": [,]\n}\n', encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        read_baseline(path)
    assert (err.value.path, err.value.line) == (str(path), 3)


@pytest.mark.parametrize("content,message", [
    ('{"schema": 2, "rules_digest": "x", "entries": []}', "schema 2"),
    ('{"schema": 1, "entries": []}', "rules_digest"),
    ('{"schema": 1, "rules_digest": "x", "entries": [{"fingerprint": "f"}]}', "entries.0"),
    ('{"schema": 1, "rules_digest": "x", "entries": [], "extra": 1}', "extra"),
    ('[]', "invalid baseline"),
])
def test_invalid_baseline_is_refused_naming_the_problem(tmp_path, content, message):
    path = tmp_path / "baseline.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(BaselineError, match=message) as err:
        read_baseline(path)
    assert str(path) in str(err.value)


def test_missing_baseline_is_an_error(tmp_path):
    with pytest.raises(BaselineError, match="cannot read baseline"):
        read_baseline(tmp_path / "nope.json")
