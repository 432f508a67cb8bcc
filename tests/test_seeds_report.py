"""Golden files: the committed reports on the seeds are exactly what the CLI prints now."""

from __future__ import annotations

import json

import pytest

from tests.cli_runs import run_module
from tests.conftest import ROOT

REPORTS = ROOT / "reports"
HOW_TO_UPDATE = "reports/ is stale: run `python reports/update.py` and review the diff"


@pytest.fixture(scope="module")
def seeds_json() -> str:
    done = run_module("report", "seeds", "--format", "json")
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize("fmt,name", [("markdown", "seeds.md"), ("terminal", "seeds.txt")])
def test_committed_report_is_current(fmt, name):
    done = run_module("report", "seeds", "--format", fmt, "--no-color")
    assert done.returncode == 0, done.stderr
    assert done.stdout == (REPORTS / name).read_text(encoding="utf-8"), HOW_TO_UPDATE


def test_committed_json_report_is_current(seeds_json):
    assert seeds_json == (REPORTS / "seeds.json").read_text(encoding="utf-8"), HOW_TO_UPDATE


def test_committed_entities_are_current():
    done = run_module("entities", "seeds", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert done.stdout == (REPORTS / "seeds-entities.json").read_text(encoding="utf-8"), HOW_TO_UPDATE


def test_report_is_independent_of_file_order(tmp_path, seeds_json):
    reordered = tmp_path / "corpus"
    for n, path in enumerate(sorted((ROOT / "seeds").iterdir(), reverse=True)):
        (reordered / f"dir{n}").mkdir(parents=True)
        (reordered / f"dir{n}" / path.name).write_bytes(path.read_bytes())
    done = run_module("report", str(reordered), "--format", "json")
    strip = lambda text: [(g["fingerprint"], g["explanation"]) for g in json.loads(text)["conflicts"]]  # noqa: E731
    assert strip(done.stdout) == strip(seeds_json)


def test_scale_ai_conflict_quotes_the_spans_as_written(seeds_json):
    report = json.loads(seeds_json)
    quoted = {(c["article"][:3], c["text"], c["line"]) for g in report["conflicts"] for c in g["claims"]
              if g["object"] == "Scale AI" and g["severity"] == "conflict"}
    assert {("004", "148億美元", 46), ("000", "143亿美元", 1), ("001", "143億美元", 5), ("002", "143亿美元", 23),
            ("000", "$14.3 billion", 2)} <= quoted


@pytest.mark.parametrize("name,start,row", [
    ("seeds.txt", "1. CONFLICT", "{article}:{line} "),
    ("seeds.md", "### 1.", "| {escaped} | {line} |"),
])
def test_scale_ai_conflict_in_human_formats(name, start, row):
    text = (REPORTS / name).read_text(encoding="utf-8")
    conflict = text[text.index(start):]
    conflict = conflict[:conflict.index("\n2. " if name.endswith(".txt") else "### 2.")]
    assert "Scale AI" in conflict.splitlines()[0]
    expected = [("004_efe9b4bb1dba981f.txt", 46, "148億美元"), ("000_8ab75db6c1c9b55a.txt", 1, "143亿美元"),
                ("001_f4bf0316c1063e75.txt", 5, "143億美元"), ("002_4e229149453365d7.txt", 23, "143亿美元"),
                ("000_8ab75db6c1c9b55a.txt", 2, "$14.3 billion")]
    for article, line, span in expected:
        assert row.format(article=article, escaped=article.replace("_", "\\_"), line=line) in conflict
        assert span in conflict.replace("\\$", "$")
