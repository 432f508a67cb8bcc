"""Transliterations against Latin names by sound (checker/data/transliteration.yaml), data-driven."""

from __future__ import annotations

import pytest
import yaml

from checker.datafiles import DataFileError, load_model
from checker.entities.harvest import latin_words
from checker.entities.normalise import fold
from checker.entities.sound import TranslitTable, load_sounds
from tests.test_resolver import DATA

CASES = yaml.safe_load((DATA / "sounds.yaml").read_text(encoding="utf-8"))
SOUNDS = load_sounds()
BAR = 0.85


def score(cjk: str, latin: str) -> float:
    """How alike a CJK name and a Latin name sound."""
    return SOUNDS.name(fold(cjk).split("·"), latin_words(latin))


@pytest.mark.parametrize(("cjk", "latin"), CASES["alike"], ids=lambda v: v)
def test_alike(cjk, latin):
    """Transliterations of a name sound like it."""
    assert score(cjk, latin) >= BAR


@pytest.mark.parametrize(("cjk", "latin"), CASES["apart"], ids=lambda v: v)
def test_apart(cjk, latin):
    """Transliterations of other names (or a Chinese name) do not."""
    assert score(cjk, latin) < BAR


@pytest.mark.parametrize(("cjk", "latin", "same"), CASES["surname"], ids=lambda v: str(v))
def test_surname(cjk, latin, same):
    """A Chinese name's first character against the Latin surname."""
    assert SOUNDS.surname(fold(cjk), latin_words(latin)) is same


def test_spelling_rewrites_meet():
    """Spellings of one sound meet after the rewrites."""
    assert SOUNDS.spell("Cook") == SOUNDS.spell("kuk") and SOUNDS.spell("Philip") == SOUNDS.spell("filip")


def test_run_together_names_split_at_capitals():
    """"RuomingPang" is two words; a single word or an acronym stays whole."""
    assert latin_words("RuomingPang") == ["Ruoming", "Pang"]
    assert latin_words("Hyperion") == ["Hyperion"] and latin_words("MSL") == ["MSL"]


@pytest.mark.parametrize(("text", "where"), [
    ("normalise: []\nchars: {ab: \"x\"}\n", "2:8"),
    ("normalise: []\nchars: {阿: \"X1\"}\n", "2:8"),
    ("normalise: [[\"(\", \"\"]]\nchars: {}\n", "1:12"),
])
def test_invalid_table_is_located(tmp_path, text, where):
    """An invalid transliteration table is a DataFileError at path:line:col."""
    path = tmp_path / "t.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_model(path, TranslitTable)
    assert str(caught.value).startswith(f"{path}:{where}:"), str(caught.value)
