"""Load stage: folders read recursively, every supported encoding, warnings instead of crashes."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.load import decode_bytes, line_of, load_articles
from tests.conftest import ROOT, yaml_cases

CASES = yaml_cases("cleaning/load.yaml")


def _write(root: Path, spec: dict) -> None:
    """Write one file of a case: text in an encoding, or raw hex bytes."""
    path = root / spec["path"]
    path.parent.mkdir(parents=True, exist_ok=True)
    data = bytes.fromhex(spec["hex"]) if "hex" in spec else spec["text"].encode(spec["encoding"])
    path.write_bytes(data)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_load_case(case, tmp_path, monkeypatch):
    for spec in case["files"]:
        _write(tmp_path, spec)
    monkeypatch.chdir(tmp_path)
    articles, warnings = load_articles(case["paths"])
    got = [{"name": a.name, "path": a.path, "encoding": a.encoding} for a in articles]
    assert got == case["articles"]
    texts = {spec["path"]: spec.get("text", "") for spec in case["files"]}
    for article in articles:
        assert article.text == texts[article.path]
    assert len(warnings) == len(case["warnings"])
    for warning, expected in zip(warnings, case["warnings"]):
        assert expected in warning


def test_line_endings_are_kept_and_lines_counted():
    text = "one\ntwo\r\nthree\rfour"
    assert decode_bytes(text.encode("utf-8")) == (text, "utf-8")
    assert [line_of(text, text.index(word)) for word in ("one", "two", "three", "four")] == [1, 2, 3, 4]
    assert line_of(text, len(text)) == 4


def test_seed_line_numbers_point_at_the_written_lines():
    articles, warnings = load_articles([str(ROOT / "seeds")])
    assert warnings == [] and len(articles) == 5
    text = next(a for a in articles if a.name.startswith("004")).text
    assert line_of(text, text.index("148億美元")) == 46


def test_pipes_devices_and_links_to_files_read_already_are_skipped(tmp_path):
    import os

    (tmp_path / "a.txt").write_text("Meta投资143亿美元。", encoding="utf-8")
    os.symlink(tmp_path / "a.txt", tmp_path / "b.txt")  # the same article again
    os.mkfifo(tmp_path / "c.txt")  # reading it would wait for ever
    os.symlink("/dev/zero", tmp_path / "d.txt")  # reading it would never end
    articles, warnings = load_articles([str(tmp_path)])
    assert [a.name for a in articles] == ["a.txt"]
    assert sorted(w.split(": ")[0].rsplit("/", 1)[-1] for w in warnings) == ["c.txt", "d.txt"]
    assert all("not a regular file" in w for w in warnings)
