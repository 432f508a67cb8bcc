"""The resolver's language settings (checker/data/entities.yaml), validated once."""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from checker.datafiles import load_model
from checker.paths import DATA_DIR

SETTINGS_FILE = DATA_DIR / "entities.yaml"


class PinyinSettings(BaseModel):
    """Thresholds for matching transliterated names by pinyin."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    given_name_min_ratio: int = Field(ge=0, le=100)
    given_name_min_sound: float = Field(ge=0, le=1)
    surname_min_ratio: int = Field(ge=0, le=100)
    homophone_min_length: int = Field(ge=2)
    context_homophone_length: int = Field(ge=0)


class SuggestWeights(BaseModel):
    """How much each kind of evidence for an alias suggestion counts."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    parenthetical: float = Field(ge=0, le=1)
    parenthetical_other: float = Field(ge=0, le=1)
    quoted: float = Field(ge=0, le=1)
    sound: float = Field(ge=0, le=1)
    surname_sound: float = Field(ge=0, le=1)
    sound_min: float = Field(ge=0, le=1)
    transliteration: float = Field(ge=0, le=1)
    sound_pair_min: float = Field(ge=0, le=1)
    same_article: float = Field(ge=0, le=1)
    shared_context: float = Field(ge=0, le=1)
    homophone: float = Field(ge=0, le=1)
    homophone_other: float = Field(ge=0, le=1)
    spelling: float = Field(ge=0, le=1)
    spelling_min: int = Field(ge=0, le=100)
    resolver: float = Field(ge=0, le=1)
    min_confidence: float = Field(ge=0, le=1)


class Settings(BaseModel):
    """Characters and word lists that drive name matching."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    sentence_ends: str
    sentence_ends_before_space: str
    name_dots: str = Field(min_length=1)
    name_dots_between_cjk: str
    latin_joiners: str
    latin_name_chars: str
    parens: tuple[str, ...]
    paren_cut: str
    paren_label_ends: str
    paren_max: int = Field(ge=1)
    paren_not_names: frozenset[str]
    transliteration_chars: str
    name_part_max: int = Field(ge=1)
    name_enders: tuple[str, ...]
    single_char_short_next: str
    pinyin: PinyinSettings
    latin_not_name_words: frozenset[str]
    surnames: str
    surname_titles: tuple[str, ...]
    quotes: tuple[str, ...]
    kind_words: dict[Literal["company", "media", "organization", "place", "product", "topic"], tuple[str, ...]]
    suggest: SuggestWeights

    @field_validator("parens", "quotes")
    @classmethod
    def _pairs(cls, parens: tuple[str, ...]) -> tuple[str, ...]:
        """Each entry is an opening and a closing character."""
        if any(len(p) != 2 for p in parens):
            raise ValueError("each entry must be two characters: opening and closing")
        return parens

    @field_validator("transliteration_chars", "surnames")
    @classmethod
    def _no_spaces(cls, chars: str) -> str:
        """The folded YAML block may hold spaces and line breaks; drop them."""
        return "".join(sorted(set(chars) - set(" \n\t")))


@cache
def load_settings() -> Settings:
    """The bundled settings (raises DataFileError when invalid)."""
    return load_model(SETTINGS_FILE, Settings)
