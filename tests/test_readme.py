"""The README shows what the tool really prints and documents what really exists."""

from __future__ import annotations

import re

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_output_is_the_start_of_the_committed_seeds_report():
    block = re.search(r"<!-- OUTPUT[^>]*-->\n```text\n(.*?)```", README, re.S)
    assert block, "README lacks its OUTPUT block"
    report = (ROOT / "reports" / "seeds.txt").read_text(encoding="utf-8")
    assert block.group(1).count("\n") >= 10
    assert report.startswith(block.group(1)), "README output is stale: run python reports/update.py"


def test_readme_opens_with_the_two_setup_commands():
    first = re.search(r"```sh\n(.*?)```", README, re.S)
    assert first and first.group(1).splitlines() == [
        "pip install -e . && checker report seeds/",
        "pip install -e '.[test]' && python -m pytest",
    ]


def test_ci_script_runs_the_readme_test_command():
    assert "pip install -q -e '.[test]' && python -m pytest" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_pre_commit_hook_reads_the_whole_corpus_once():
    import yaml

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["entry"] == "checker check"
    assert hook["pass_filenames"] is False and hook["require_serial"] is True


def test_readme_documents_every_command():
    from checker.cli import cli

    for name in cli.commands:
        assert f"`checker {name}" in README, f"README does not mention `checker {name}`"
