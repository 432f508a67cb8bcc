"""The gate's output formats on a hand-made report: terminal, JSON, GitHub annotations and summary, SARIF."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from checker.gate.baseline import accept_all
from checker.gate.github import escape_data, escape_property, render_annotations, render_summary
from checker.gate.matching import judge
from checker.gate.sarif import artifact_uri, render_sarif
from checker.gate.text import render_json, render_terminal
from checker.models import Report
from checker.paths import BUNDLED_RULES_DIR
from checker.rules import load_rules
from tests.conftest import DATA

REPORTS = yaml.safe_load((DATA / "gate" / "reports.yaml").read_text(encoding="utf-8"))
TEXTS = REPORTS["texts"]
SARIF_SCHEMA = json.loads((DATA / "gate" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def result():
    """Everything new (no baseline), warnings included."""
    return judge(Report.model_validate(REPORTS["report"]), None, "warning", "d")


def test_terminal_prints_each_failing_contradiction_with_articles_lines_and_spans(result):
    text = render_terminal(result, TEXTS, None)
    assert "NEW conflict: Meta → Scale AI: investment amount (2025)  [investment-amount 1111aaaa2222bbbb]" in text
    assert "    a  corpus/a.txt:1:21  143亿美元" in text
    assert "    b  corpus/b.txt:2:12  148億美元" in text
    assert text.rstrip().endswith("FAILED: 2 new, 0 changed, 0 accepted (no baseline; failing on warning and worse)")


def test_terminal_on_a_pass_is_one_line():
    report = Report.model_validate(REPORTS["report"])
    passed = judge(report, accept_all(report, "d"), "conflict", "d")
    assert render_terminal(passed, TEXTS, "b.json").splitlines() == [
        "checker check passed: 0 new, 0 changed, 1 accepted (baseline b.json; failing on conflict and worse)"]


def test_json_lists_findings_with_spans(result):
    data = json.loads(render_json(result, TEXTS, None))
    assert data["passed"] is False and data["summary"]["new"] == 2
    claim = data["findings"][0]["claims"][1]
    assert (claim["path"], claim["line"], claim["column"], claim["end_column"], claim["text"]) == \
        ("corpus/b.txt", 2, 12, 18, "148億美元")
    assert claim["value"] == 14800000000 and data["findings"][0]["values"] == ["14300000000 USD", "14800000000 USD"]


@pytest.mark.parametrize("raw,data,prop", [("a%b", "a%25b", "a%25b"), ("x\ny\r", "x%0Ay%0D", "x%0Ay%0D"),
                                           ("Meta: a, b", "Meta: a, b", "Meta%3A a%2C b")])
def test_workflow_command_escaping(raw, data, prop):
    assert escape_data(raw) == data and escape_property(raw) == prop


def test_github_annotates_every_article_line(result):
    lines = render_annotations(result, TEXTS, None).splitlines()
    errors = [line for line in lines if line.startswith("::error ")]
    warnings = [line for line in lines if line.startswith("::warning ")]
    assert len(errors) == 2 and len(warnings) == 2
    assert errors[1].startswith("::error file=corpus/b.txt,line=2,col=12,endColumn=18,title=checker%3A new conflict%3A ")
    assert "::14.8 B USD (1 article) is outside" in errors[1] and "%0AAgainst: corpus/a.txt:1:21 143亿美元 (side a)" in errors[1]


def test_github_summary_is_a_markdown_table(result):
    summary = render_summary(result, TEXTS, None)
    assert summary.startswith("## checker check FAILED: 2 new")
    assert "| new conflict | Meta → Scale AI: investment amount (2025) |" in summary
    assert "b: `corpus/b.txt:2:12` 148億美元" in summary


def test_sarif_validates_and_points_at_the_odd_claim(result):
    rules = load_rules([BUNDLED_RULES_DIR])
    log = json.loads(render_sarif(result, rules, TEXTS, rules.digest()))
    jsonschema.Draft7Validator(SARIF_SCHEMA).validate(log)
    driver = log["runs"][0]["tool"]["driver"]
    assert [r["id"] for r in driver["rules"]] == sorted(rules.rules)
    first = log["runs"][0]["results"][0]
    assert driver["rules"][first["ruleIndex"]]["id"] == first["ruleId"] == "investment-amount"
    region = first["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"], region["snippet"]["text"]) == (2, 12, 18, "148億美元")
    related = first["relatedLocations"][0]
    assert related["physicalLocation"]["artifactLocation"]["uri"] == "corpus/a.txt" and related["id"] == 1
    assert first["partialFingerprints"] == {"checkerFingerprint/v1": "1111aaaa2222bbbb"}
    assert first["baselineState"] == "new" and first["message"]["text"].endswith("Against: [143亿美元](1)")


def test_sarif_uri_of_paths(tmp_path):
    assert artifact_uri("news/文章 1.txt") == "news/%E6%96%87%E7%AB%A0%201.txt"
    assert artifact_uri(str(tmp_path / "a.txt")).startswith("file:///")
