"""The gate on real runs: acceptance scenarios on copies of the seeds, exit codes and output, golden files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from tests.cli_runs import assert_golden as assert_golden_file
from tests.cli_runs import run_in_process as run
from tests.cli_runs import run_module
from tests.conftest import DATA, ROOT

SEEDS = ROOT / "seeds"
GOLDEN = DATA / "gate" / "golden"
SCALE_004 = "004_efe9b4bb1dba981f.txt"
NEW_SCALE_ARTICLE = "上個月Meta宣布投資159億美元，獲得Scale AI49%的股份。\n"
NEW_VALUATION_ARTICLE = "OpenAI现估值5000亿美元，较年初翻了一番。\n"
SARIF_SCHEMA = json.loads((DATA / "gate" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def copy_seeds(target: Path) -> Path:
    """A copy of the seed articles in a folder of its own."""
    shutil.copytree(SEEDS, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    """Replace one string in an article (it must be there)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def accepted(tmp_path_factory) -> Path:
    """A folder with `corpus/` (copies of the seeds) and `baseline.json` accepting their contradictions."""
    folder = tmp_path_factory.mktemp("accepted")
    copy_seeds(folder / "corpus")
    done = run(folder, "baseline", "corpus", "--output", "baseline.json")
    assert done.code == 0, done.err
    assert json.loads((folder / "baseline.json").read_text(encoding="utf-8"))["entries"], "the seeds have conflicts"
    return folder


@pytest.fixture
def workspace(accepted, tmp_path) -> Path:
    """A fresh copy of the accepted folder, free to edit."""
    shutil.copytree(accepted, tmp_path / "ws")
    return tmp_path / "ws"


def test_accepted_conflicts_pass(workspace):
    done = run(workspace, "check", "corpus", "--baseline", "baseline.json")
    assert done.code == 0, done.out + done.err
    assert done.out.startswith("checker check passed: 0 new, 0 changed, ")


def test_blank_line_at_the_top_of_an_article_still_passes(workspace):
    article = workspace / "corpus" / SCALE_004
    article.write_text("\n" + article.read_text(encoding="utf-8"), encoding="utf-8")
    done = run(workspace, "check", "corpus", "--baseline", "baseline.json")
    assert done.code == 0, done.out + done.err
    assert "0 new, 0 changed" in done.out


def test_new_article_joining_the_scale_ai_conflict_fails_naming_it(workspace):
    (workspace / "corpus" / "005_new.txt").write_text(NEW_SCALE_ARTICLE, encoding="utf-8")
    done = run(workspace, "check", "corpus", "--baseline", "baseline.json")
    assert done.code == 1, done.out + done.err
    block = next(b for b in done.out.split("\n\n") if "Scale AI" in b.splitlines()[0])
    assert block.startswith("NEW conflict: Meta → Scale AI: investment amount")
    assert "corpus/005_new.txt:1:" in block and "159億美元" in block and "148億美元" in block
    assert "no longer occur" in done.out


def test_changed_value_of_an_accepted_conflict_fails_as_changed(workspace):
    edit(workspace / "corpus" / SCALE_004, "148億美元", "146億美元")
    done = run(workspace, "check", "corpus", "--baseline", "baseline.json")
    assert done.code == 1, done.out + done.err
    assert done.out.startswith("CHANGED conflict: Meta → Scale AI: investment amount")
    assert "accepted values: 14300000000 USD, 14800000000 USD" in done.out
    assert f"corpus/{SCALE_004}:" in done.out and "146億美元" in done.out
    assert "1 changed" in done.out


def test_broken_rule_file_exits_two_with_its_path_and_line(workspace):
    broken = workspace / "my-rules" / "claims" / "mine.yaml"
    broken.parent.mkdir(parents=True)
    broken.write_text("rules:\n  - id: mine\n    attribute: [oops\n", encoding="utf-8")
    done = run(workspace, "check", "corpus", "--baseline", "baseline.json", "--rules", "my-rules")
    assert done.code == 2
    assert f"{Path('my-rules') / 'claims' / 'mine.yaml'}:4:" in done.err and done.out == ""


def test_baseline_matches_after_the_corpus_moves_and_files_come_in_another_order(workspace):
    moved = workspace / "elsewhere"
    for n, article in enumerate(sorted((workspace / "corpus").iterdir(), reverse=True)):
        (moved / f"part{n}").mkdir(parents=True)
        article.rename(moved / f"part{n}" / article.name)
    listed = sorted(str(p.relative_to(workspace)) for p in moved.rglob("*.txt"))[::-1]
    done = run(workspace, "check", *listed, "--baseline", "baseline.json")
    assert done.code == 0, done.out + done.err
    assert "0 new, 0 changed" in done.out


def test_console_script_exit_code_is_one_when_something_is_new(workspace):
    done = run_module("check", "corpus", cwd=workspace)
    assert done.returncode == 1, done.stderr
    assert "FAILED" in done.stdout and "no baseline" in done.stdout


@pytest.mark.parametrize("args,message", [
    (["check", "corpus", "--format", "pdf"], "pdf"),
    (["check", "corpus", "--min-severity", "error"], "error"),
    (["check"], "no PATH given"),
    (["check", "corpus", "missing-folder"], "missing-folder"),
    (["check", "corpus", "--baseline", "missing.json"], "missing.json"),
    (["check", "corpus", "--nope"], "--nope"),
    (["baseline", "corpus"], "--output"),
    (["baseline", "corpus", "--prune", "--baseline", "missing.json"], "missing.json"),
])
def test_runs_that_cannot_be_judged_exit_two(workspace, args, message):
    done = run(workspace, *args)
    assert done.code == 2, done.out + done.err
    assert message in done.err


def test_invalid_baseline_exits_two_naming_it(workspace):
    (workspace / "baseline.json").write_text('{"schema": 1,\n "entries": [}', encoding="utf-8")
    done = run(workspace, "check", "corpus", "--baseline", "baseline.json")
    assert done.code == 2 and "baseline.json:2:" in done.err


def test_reviewer_notes_survive_rewrite_and_prune(workspace):
    path = workspace / "baseline.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["entries"][0]["note"] = "reviewed"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert run(workspace, "baseline", "corpus", "--output", "baseline.json").code == 0
    assert json.loads(path.read_text(encoding="utf-8"))["entries"][0]["note"] == "reviewed"
    done = run(workspace, "baseline", "corpus", "--baseline", "baseline.json", "--prune")
    assert done.code == 0 and done.out.startswith("pruned baseline.json: 0 entries no longer found")
    assert json.loads(path.read_text(encoding="utf-8"))["entries"][0]["note"] == "reviewed"


def test_prune_drops_entries_of_a_removed_article(workspace):
    before = json.loads((workspace / "baseline.json").read_text(encoding="utf-8"))["entries"]
    (workspace / "corpus" / SCALE_004).unlink()
    done = run(workspace, "baseline", "corpus", "--prune", "--output", "baseline.json")
    after = json.loads((workspace / "baseline.json").read_text(encoding="utf-8"))["entries"]
    assert done.code == 0, done.err
    assert {e["fingerprint"] for e in after} == {e["fingerprint"] for e in before if SCALE_004 not in e["articles"]}


def test_prune_refuses_when_the_rules_changed(workspace):
    extra = workspace / "more-rules" / "claims" / "extra.yaml"
    extra.parent.mkdir(parents=True)
    extra.write_text((DATA / "gate" / "extra_rule.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    before = (workspace / "baseline.json").read_text(encoding="utf-8")
    done = run(workspace, "baseline", "corpus", "--baseline", "baseline.json", "--prune", "--rules", "more-rules")
    assert done.code == 2
    assert "refusing to prune baseline.json: the rules changed" in done.err
    assert (workspace / "baseline.json").read_text(encoding="utf-8") == before


def test_configuration_supplies_paths_and_baseline(workspace):
    (workspace / "pyproject.toml").write_text('[tool.checker]\npaths = ["corpus"]\nbaseline = "other.json"\n',
                                             encoding="utf-8")
    (workspace / "checker.toml").write_text('baseline = "baseline.json"\n', encoding="utf-8")
    done = run(workspace, "check")
    assert done.code == 0, done.out + done.err
    shown = run(workspace, "config").out
    assert 'paths = ["corpus"]  # pyproject.toml [tool.checker]' in shown
    assert 'baseline = "baseline.json"  # checker.toml' in shown


def test_github_format_appends_the_job_summary(workspace, monkeypatch):
    edit(workspace / "corpus" / SCALE_004, "148億美元", "146億美元")
    summary = workspace / "summary.md"
    summary.write_text("# earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    done = run(workspace, "check", "corpus", "--baseline", "baseline.json", "--format", "github")
    assert done.code == 1
    assert f"::error file=corpus/{SCALE_004},line=" in done.out
    written = summary.read_text(encoding="utf-8")
    assert written.startswith("# earlier step\n## checker check FAILED: 0 new, 1 changed")
    assert "| changed conflict | Meta → Scale AI: investment amount" in written


def golden_corpus(folder: Path) -> None:
    """The accepted seeds with one accepted conflict changed and one new conflict."""
    edit(folder / "corpus" / SCALE_004, "148億美元", "146億美元")
    (folder / "corpus" / "005_new.txt").write_text(NEW_VALUATION_ARTICLE, encoding="utf-8")


@pytest.mark.parametrize("fmt,name", [("terminal", "check.txt"), ("json", "check.json"), ("github", "check.github.txt"),
                                      ("sarif", "check.sarif")])
def test_golden_check_output(workspace, monkeypatch, fmt, name):
    golden_corpus(workspace)
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(workspace / "summary.md"))
    done = run(workspace, "check", "corpus", "--baseline", "baseline.json", "--format", fmt)
    assert done.code == 1, done.out + done.err
    if fmt == "sarif":
        jsonschema.Draft7Validator(SARIF_SCHEMA).validate(json.loads(done.out))
    assert_golden(name, done.out)
    if fmt == "github":
        assert_golden("check.summary.md", (workspace / "summary.md").read_text(encoding="utf-8"))


def test_golden_baseline(accepted):
    assert_golden("baseline.json", (accepted / "baseline.json").read_text(encoding="utf-8"))


def assert_golden(name: str, text: str) -> None:
    """Compare an output with its golden file under tests/data/gate/golden."""
    assert_golden_file(GOLDEN / name, text)
