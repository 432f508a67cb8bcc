"""`checker aliases suggest|check|explain`: acceptance on the seeds with a reduced pack, golden files, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from checker import exitcodes
from checker.entities.aliases import AliasFile, alias_files
from checker.paths import BUNDLED_RULES_DIR, PROJECT_DIR
from tests.cli_runs import Done, run_in_process
from tests.cli_runs import assert_golden as assert_golden_file
from tests.test_resolver import DATA

GOLDEN = DATA / "golden"
CASES = yaml.safe_load((DATA / "suggest.yaml").read_text(encoding="utf-8"))


def run(*args: str) -> Done:
    """Run `checker ARGS...` in-process from the project folder."""
    return run_in_process(PROJECT_DIR, *args)


def assert_golden(name: str, text: str) -> None:
    """Compare an output with its golden file under tests/data/aliases/golden."""
    assert_golden_file(GOLDEN / name, text)


@pytest.fixture(scope="module")
def reduced_pack(tmp_path_factory) -> Path:
    """A copy of the bundled alias pack without the entities the acceptance pairs name."""
    removed = set(CASES["removed"])
    root = tmp_path_factory.mktemp("reduced")
    (root / "aliases").mkdir()
    for path in sorted((BUNDLED_RULES_DIR / "aliases").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["entities"] = [e for e in data.get("entities", []) if e["canonical"] not in removed]
        for entry in data["entities"]:
            entry["context"] = [c for c in entry.get("context", []) if c not in removed]
        data["examples"] = [x for x in data.get("examples", []) if not removed & set(x["mentions"].values())]
        (root / "aliases" / path.name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def reduced_suggestions(reduced_pack) -> list[dict]:
    """`checker aliases suggest seeds` (JSON) with the reduced pack only."""
    done = run("aliases", "suggest", "seeds", "--no-bundled-aliases", "--rules", str(reduced_pack), "--format", "json")
    assert done.code == exitcodes.OK, done.err
    return json.loads(done.out)["suggestions"]


def test_reduced_pack_lacks_the_pairs(reduced_pack):
    """None of the acceptance names is in the reduced pack."""
    text = "".join(p.read_text(encoding="utf-8") for p in (reduced_pack / "aliases").glob("*.yaml"))
    assert not [name for group in CASES["expected"] for name in group if name in text]


def _names(suggestion: dict) -> set[str]:
    """The canonical and the forms of a suggestion."""
    return {suggestion["canonical"], *suggestion["forms"]}


@pytest.mark.parametrize("group", CASES["expected"], ids=lambda g: " ~ ".join(g))
def test_suggest_finds_the_pairs_without_aliases(reduced_suggestions, group):
    """Each acceptance group is one suggestion, with evidence in the article lines that show it."""
    found = [s for s in reduced_suggestions if set(group) <= _names(s)]
    assert len(found) == 1, [s for s in reduced_suggestions if set(group) & _names(s)]
    suggestion = found[0]
    assert suggestion["kind"] == "person" and not suggestion["known"] and suggestion["confidence"] >= 0.6
    spans = " ".join(e["span"] for e in suggestion["evidence"])
    assert all(e["article"] and e["line"] > 0 for e in suggestion["evidence"])
    assert [name for name in group if name not in spans and name.replace(" ", "") not in spans] == []


@pytest.mark.parametrize("pair", CASES["apart"], ids=lambda p: " / ".join(p))
def test_suggest_never_merges_strangers(reduced_suggestions, pair):
    """No suggestion holds two names of different people."""
    assert not [s for s in reduced_suggestions if set(pair) <= _names(s)]


def test_suggestions_are_sorted_and_pasteable():
    """The YAML output is a valid alias file, most confident first; JSON is sorted the same way."""
    done = run("aliases", "suggest", "seeds", "--no-bundled-aliases")
    model = AliasFile.model_validate(yaml.safe_load(done.out))
    assert done.code == exitcodes.OK and len(model.entities) >= 10
    data = json.loads(run("aliases", "suggest", "seeds", "--no-bundled-aliases", "--format", "json").out)
    keys = [(-s["confidence"], s["canonical"]) for s in data["suggestions"]]
    assert keys == sorted(keys) and [s["canonical"] for s in data["suggestions"]] == [e.canonical for e in model.entities]


@pytest.mark.parametrize(("name", "args"), [
    ("suggest-seeds.yaml", ("aliases", "suggest", "seeds")),
    ("suggest-seeds-bare.yaml", ("aliases", "suggest", "seeds", "--no-bundled-aliases")),
])
def test_golden_suggest(name, args):
    """The suggestions on the seeds, with and without the bundled pack."""
    done = run(*args)
    assert done.code == exitcodes.OK, done.err
    assert_golden(name, done.out)


def test_golden_check_errors():
    """Every error of a broken alias folder as path:line:col, then a count; exit 2."""
    done = run("aliases", "check", "--no-bundled-aliases", "tests/data/aliases/broken")
    assert done.code == exitcodes.ERROR and done.out == ""
    assert_golden("check-broken.txt", done.err)


def test_check_against_the_bundled_pack(tmp_path):
    """A user folder whose form the bundled pack already gives another entity fails, naming both places."""
    (tmp_path / "aliases").mkdir()
    (tmp_path / "aliases" / "mine.yaml").write_text(
        "entities:\n  - canonical: Zuck Fan Club\n    kind: organization\n    forms: [小扎]\n", encoding="utf-8")
    done = run("aliases", "check", str(tmp_path))
    assert done.code == exitcodes.ERROR
    assert f"{tmp_path}/aliases/mine.yaml:4:13: '小扎' is already a form of Mark Zuckerberg at " in done.err


def test_check_clean_pack_says_so_in_one_line():
    """The bundled pack is clean: exit 0 and one summary line."""
    done = run("aliases", "check")
    assert done.code == exitcodes.OK and done.err == ""
    assert len(done.out.splitlines()) == 1 and done.out.startswith(f"aliases: ok, {len(alias_files([BUNDLED_RULES_DIR]))} file(s), ")


def test_check_without_alias_files(tmp_path):
    """A folder with no alias file cannot be judged."""
    done = run("aliases", "check", "--no-bundled-aliases", str(tmp_path))
    assert done.code == exitcodes.ERROR and "no alias files" in done.err


def test_explain_says_why_names_stay_unresolved(tmp_path):
    """`aliases explain --unresolved` lists each unresolved name with the reason."""
    (tmp_path / "a.txt").write_text("Mark Zuckerberg and Mark Chen met. Mark said nothing.\n", encoding="utf-8")
    done = run("aliases", "explain", "--unresolved", str(tmp_path / "a.txt"))
    assert done.code == exitcodes.OK
    assert done.out == "a.txt:1\tMark\t(unresolved)\tambiguous short form: Mark Chen, Mark Zuckerberg\n"


def test_entities_list_unresolved_names_last():
    """`checker entities` keeps the contract fields and lists unresolved person-like names after the entities."""
    rows = json.loads(run("entities", "seeds", "--format", "json").out)
    assert all(set(row) == {"canonical", "kind", "forms", "articles"} for row in rows)
    kinds = [row["kind"] == "unresolved" for row in rows]
    assert kinds == sorted(kinds) and any(kinds)
    unresolved = {row["canonical"] for row in rows if row["kind"] == "unresolved"}
    assert {"Joelle Pineau", "朱莉·皮諾"} <= unresolved and "Mark Chen" not in unresolved
