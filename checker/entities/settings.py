"""The resolver's language settings (checker/data/entities.yaml), validated once."""

from __future__ import annotations

from functools import cache

from pydantic import BaseModel, ConfigDict, Field, field_validator

from checker.datafiles import load_model
from checker.paths import DATA_DIR

SETTINGS_FILE = DATA_DIR / "entities.yaml"


class PinyinSettings(BaseModel):
    """Thresholds for matching transliterated names by pinyin."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    given_name_min_ratio: int = Field(ge=0, le=100)
    homophone_min_length: int = Field(ge=2)


class Settings(BaseModel):
    """Characters and word lists that drive name matching."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    sentence_ends: str
    sentence_ends_before_space: str
    name_dots: str = Field(min_length=1)
    latin_joiners: str
    latin_name_chars: str
    parens: tuple[str, ...]
    paren_cut: str
    paren_max: int = Field(ge=1)
    paren_not_names: frozenset[str]
    transliteration_chars: str
    name_part_max: int = Field(ge=1)
    name_enders: tuple[str, ...]
    single_char_short_next: str
    pinyin: PinyinSettings
    latin_not_name_words: frozenset[str]

    @field_validator("parens")
    @classmethod
    def _pairs(cls, parens: tuple[str, ...]) -> tuple[str, ...]:
        """Each entry is an opening and a closing character."""
        if any(len(p) != 2 for p in parens):
            raise ValueError("each entry must be two characters: opening and closing")
        return parens

    @field_validator("transliteration_chars")
    @classmethod
    def _no_spaces(cls, chars: str) -> str:
        """The folded YAML block may hold spaces and line breaks; drop them."""
        return "".join(sorted(set(chars) - set(" \n\t")))


@cache
def load_settings() -> Settings:
    """The bundled settings (raises DataFileError when invalid)."""
    return load_model(SETTINGS_FILE, Settings)
