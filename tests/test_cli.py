"""The command line: exit codes, error messages, warnings, and the quantities/entities contracts."""

from __future__ import annotations

import json

from tests.cli_runs import run_module


def test_help_exits_zero():
    done = run_module("--help")
    assert done.returncode == 0
    assert "report" in done.stdout and "quantities" in done.stdout


def test_bad_option_exits_two():
    done = run_module("report", "seeds", "--format", "pdf")
    assert done.returncode == 2
    assert "pdf" in done.stderr


def test_missing_path_is_a_warning_not_a_crash(tmp_path):
    (tmp_path / "a.txt").write_text("Meta在6月中旬向Scale AI投资143亿美元。", encoding="utf-8")
    done = run_module("report", str(tmp_path), str(tmp_path / "missing.txt"), "--format", "json")
    assert done.returncode == 0, done.stderr
    assert "missing.txt" in done.stderr
    assert [a["article"] for a in json.loads(done.stdout)["articles"]] == ["a.txt"]


def test_binary_file_is_a_warning_naming_it(tmp_path):
    (tmp_path / "a.txt").write_text("OpenAI现估值3000亿美元。", encoding="utf-8")
    (tmp_path / "b.bin").write_bytes(bytes(range(256)) * 8)
    done = run_module("report", str(tmp_path), "--format", "json")
    assert done.returncode == 0, done.stderr
    assert "b.bin" in done.stderr + done.stdout


def test_invalid_rule_file_exits_two_with_location(tmp_path):
    (tmp_path / "claims").mkdir()
    broken = tmp_path / "claims" / "mine.yaml"
    broken.write_text("rules:\n  - id: mine\n    attribute: [oops\n", encoding="utf-8")
    done = run_module("report", "seeds", "--rules", str(tmp_path))
    assert done.returncode == 2
    assert f"{broken}:4:" in done.stderr


def test_quantities_prints_one_json_array_per_line():
    done = run_module("quantities", "--format", "json", stdin="Meta投资143亿美元\nno numbers here\n49%\n")
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(rows) == 3 and rows[1] == []
    assert rows[0][0]["text"] == "143亿美元" and rows[0][0]["unit"] == "USD" and rows[0][0]["value"] == 14.3e9
    assert (rows[0][0]["start"], rows[0][0]["end"]) == (6, 12)
    assert rows[2][0]["unit"] == "percent" and rows[2][0]["value"] == 49


def test_report_writes_output_file(tmp_path):
    target = tmp_path / "out.md"
    done = run_module("report", "seeds", "--format", "markdown", "--output", str(target))
    assert done.returncode == 0, done.stderr
    assert "148億美元" in target.read_text(encoding="utf-8")


def test_an_output_file_that_cannot_be_written_is_a_clear_error(tmp_path):
    target = tmp_path / "missing-folder" / "out.json"
    done = run_module("report", "seeds", "--format", "json", "--output", str(target))
    assert done.returncode == 2
    assert f"{target}: cannot be written" in done.stderr and "Traceback" not in done.stderr
