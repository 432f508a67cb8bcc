"""Alias files: format, validation errors located as path:line:col, folders that add up, match keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel, ConfigDict, Field

from checker.datafiles import DataFileError, load_model
from checker.entities import Resolver, alias_files, load_aliases
from checker.entities.normalise import Keyer
from checker.entities.settings import load_settings
from checker.paths import BUNDLED_RULES_DIR
from tests.test_resolver import DATA, check, naive_clean


class ExpectedError(BaseModel):
    """Where a DataFileError must point and a fragment of its message."""

    at: str
    message: str


class FolderCase(BaseModel):
    """Alias files to write, the folders to load, and what must come of it."""

    model_config = ConfigDict(extra="forbid")

    name: str
    files: dict[str, str]
    dirs: list[str]
    bundled: bool = False
    error: ExpectedError | None = None
    text: str = ""
    mentions: dict[str, str | None] = Field(default_factory=dict)
    sequence: list[tuple[str, str | None]] = Field(default_factory=list)


class KeyCases(BaseModel):
    """Forms that share a match key, and pairs that must not."""

    same: list[list[str]]
    distinct: list[list[str]]


class FolderFile(BaseModel):
    """tests/data/aliases/files.yaml."""

    cases: list[FolderCase]
    keys: KeyCases


CASES = load_model(DATA / "files.yaml", FolderFile)


def _load(case: FolderCase, root: Path) -> Resolver:
    """Write the case's files under root and load its folders."""
    for relative, text in case.files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")
    return Resolver.load([BUNDLED_RULES_DIR] * case.bundled + [root / d for d in case.dirs])


@pytest.mark.parametrize("case", [c for c in CASES.cases if c.error], ids=lambda c: c.name)
def test_invalid_alias_files_are_located(tmp_path, case):
    """An invalid alias file raises DataFileError naming path:line:col."""
    with pytest.raises(DataFileError) as caught:
        _load(case, tmp_path)
    assert str(caught.value).startswith(f"{tmp_path}/{case.error.at}: "), str(caught.value)
    assert case.error.message in caught.value.message


@pytest.mark.parametrize("case", [c for c in CASES.cases if not c.error], ids=lambda c: c.name)
def test_alias_folders_resolve(tmp_path, case):
    """Valid folders load, add up, and resolve their forms."""
    resolver = _load(case, tmp_path)
    mentions = resolver.mentions(naive_clean(case.text))
    check(mentions, case.text, case.mentions, {})
    if case.sequence:
        assert [(m.text, m.entity) for m in mentions] == [tuple(pair) for pair in case.sequence]


@pytest.fixture(scope="module")
def keyer() -> Keyer:
    """Match keys as the resolver makes them."""
    return Keyer(load_settings())


@pytest.mark.parametrize("forms", CASES.keys.same, ids=lambda f: f[0])
def test_forms_that_share_a_key(keyer, forms):
    """Scripts, case, spacing, underscores, hyphens, full-width letters and dot variants fold away."""
    assert len({keyer.key(form) for form in forms}) == 1


@pytest.mark.parametrize("forms", CASES.keys.distinct, ids=lambda f: f[0])
def test_forms_that_keep_apart(keyer, forms):
    """Different names keep different keys."""
    assert len({keyer.key(form) for form in forms}) == len(forms)


def test_bundled_pack_is_general_and_complete():
    """The bundled pack loads, every person's speaks_for is a company it defines, and every entity has a form."""
    pack = load_aliases([BUNDLED_RULES_DIR])
    assert len(alias_files([BUNDLED_RULES_DIR])) >= 3 and len(pack.entities) >= 100
    for record in pack.entities.values():
        assert record.forms, record.canonical
        if record.speaks_for:
            assert pack.entities[record.speaks_for].kind == "company", record.canonical
