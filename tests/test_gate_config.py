"""Gate settings: layers, precedence, sources, and errors that name the file and line."""

from __future__ import annotations

import json

import pytest
import yaml

from checker.datafiles import DataFileError
from checker.gate.config import merge_settings, render_settings
from tests.conftest import DATA

CASES = yaml.safe_load((DATA / "gate" / "config_cases.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES["cases"], ids=lambda c: c["name"])
def test_merged_settings_and_sources(tmp_path, case):
    for name, text in case["files"].items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    merged = merge_settings(tmp_path, case["overrides"])
    assert merged.settings.model_dump(mode="json") == case["settings"]
    assert merged.sources == case["sources"]


@pytest.mark.parametrize("case", CASES["errors"], ids=lambda c: c["name"])
def test_invalid_configuration_names_file_and_line(tmp_path, case):
    (tmp_path / case["file"]).write_text(case["text"], encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        merge_settings(tmp_path, {})
    assert f"{tmp_path / case['file']}{case['where']}" in str(err.value)
    assert case["message"] in str(err.value)


def test_render_shows_each_value_with_its_source(tmp_path):
    (tmp_path / "checker.toml").write_text('paths = ["news"]\n', encoding="utf-8")
    merged = merge_settings(tmp_path, {"min_severity": "warning"})
    lines = render_settings(merged, "toml").splitlines()
    assert lines[1:] == ['paths = ["news"]  # checker.toml', "rules = []  # default",
                         "# baseline = (not set)  # default", 'min_severity = "warning"  # command line']
    rows = json.loads(render_settings(merged, "json"))
    assert rows["paths"] == {"value": ["news"], "source": "checker.toml"}
