"""The cleaning and date data files (checker/data/cleaning.yaml, dates.yaml) as validated models."""

from __future__ import annotations

import codecs
import datetime as dt
import re
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from checker.datafiles import load_model, valid_regex
from checker.paths import DATA_DIR


class Strict(BaseModel):
    """Base for data-file sections: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class TextExample(Strict):
    """A text and what cleaning makes of it."""

    text: str
    clean: str


class HtmlData(Strict):
    """Tags, comments and entities left in scraped text."""

    tag: str
    comment: str
    entity: str
    tags: frozenset[str]
    drop_content: tuple[str, ...] = ()
    break_tags: tuple[str, ...] = ()
    soft_break_tags: tuple[str, ...] = ()
    examples: tuple[TextExample, ...] = ()

    _check = field_validator("tag", "comment", "entity")(valid_regex)


class LineExamples(Strict):
    """Lines a rule must drop (or warn about) and lines it must keep."""

    drop: tuple[str, ...] = ()
    keep: tuple[str, ...] = ()


class MojibakeRule(Strict):
    """A damaged byte sequence and how to repair it: re-decode with a codec, or replace."""

    name: str
    regex: str
    codec: str | None = None
    decode: str | None = None  # the codec the bytes really are in: stretches that decode are repaired
    lost: str | None = None  # a character after a run cut off that stood for its lost bytes (joins the repair)
    accept: str | None = None  # decode rules: a character class every repaired character must match
    min_chars: int = 1  # decode rules: the fewest characters (besides U+FFFD) a repair may have
    lead: str = ""  # hex bytes lost in front of the run
    expect: str | None = None  # a repair is kept only if its text starts with a match of this
    replace: str | None = None
    examples: tuple[TextExample, ...] = ()

    _check = field_validator("regex", "expect", "lost", "accept")(valid_regex)

    @model_validator(mode="after")
    def _one_repair(self) -> MojibakeRule:
        """Exactly one of codec and replace; decode only with codec; codecs known; lead must be hex."""
        if (self.codec is None) == (self.replace is None):
            raise ValueError("give exactly one of codec and replace")
        if self.decode is not None and (self.lead or self.expect or self.accept is None):
            raise ValueError("a decode rule takes an accept class and no lead or expect")
        for codec in filter(None, (self.codec, self.decode)):
            try:
                codecs.lookup(codec)
            except LookupError:
                raise ValueError(f"unknown codec {codec!r}") from None
        bytes.fromhex(self.lead)
        return self


class CodeRange(Strict):
    """Two-byte codes of a legacy codec that hold its common characters: lead and trail byte ranges ("b0-d7")."""

    codec: str
    lead: str
    trail: tuple[str, ...]

    @field_validator("lead", "trail")
    @classmethod
    def _hex_ranges(cls, value: str | tuple[str, ...]) -> str | tuple[str, ...]:
        """Each range is two hex bytes joined by a dash, low first."""
        for item in (value,) if isinstance(value, str) else value:
            low, _, high = item.partition("-")
            if not all(re.fullmatch(r"[0-9a-fA-F]{2}", b) for b in (low, high)) or int(low, 16) > int(high, 16):
                raise ValueError(f"not a byte range: {item!r}")
        return value

    def codes(self) -> list[bytes]:
        """Every two-byte code of the ranges."""
        leads = _byte_range(self.lead)
        trails = [b for part in self.trail for b in _byte_range(part)]
        return [bytes((lead, trail)) for lead in leads for trail in trails]


def _byte_range(text: str) -> range:
    """The bytes of a range such as "b0-d7"."""
    low, _, high = text.partition("-")
    return range(int(low, 16), int(high, 16) + 1)


class RedecodeData(Strict):
    """How plausible a re-decoded stretch must be, and which characters count as common."""

    passes: int = 1
    common: tuple[CodeRange, ...]
    min_common: float  # share of common characters among the CJK ones of a repair
    min_gain: float  # by how much that share must exceed the damaged text's



class WarnExamples(Strict):
    """Lines a rule must warn about and lines it must not."""

    warn: tuple[str, ...] = ()
    keep: tuple[str, ...] = ()


class UnreadableRule(Strict):
    """Damage that cannot be undone (replacement characters, 锟斤拷): left as is, with a warning."""

    name: str
    regex: str
    examples: WarnExamples = WarnExamples()

    _check = field_validator("regex")(valid_regex)


class InvisibleData(Strict):
    """Characters that hide inside numbers and names (removed) and odd spaces (made plain spaces)."""

    remove: str
    space: str
    examples: tuple[TextExample, ...] = ()

    _check = field_validator("remove", "space")(valid_regex)


class GlossData(Strict):
    """What a pinyin gloss injected after a CJK character looks like."""

    after: str
    tone_marks: dict[str, str]
    initials: tuple[str, ...]
    finals: tuple[str, ...]
    examples: tuple[TextExample, ...] = ()

    _check = field_validator("after")(valid_regex)


class LineRule(Strict):
    """A kind of whole line to drop (menus, widgets, spam)."""

    name: str
    exact: tuple[str, ...] = ()
    regex: str | None = None
    words: tuple[str, ...] = ()
    min_hits: int = 1
    max_length: int | None = None
    drop_next: int = 0
    drop_headlines: int = 0  # up to this many following lines that read as headlines (a list of related links)
    headline_length: int = 60
    examples: LineExamples = LineExamples()

    _check = field_validator("regex")(valid_regex)

    @model_validator(mode="after")
    def _one_test(self) -> LineRule:
        """Exactly one of exact, regex and words."""
        if sum(map(bool, (self.exact, self.regex, self.words))) != 1:
            raise ValueError("give exactly one of exact, regex and words")
        return self


class InlineRule(Strict):
    """Spam inserted inside a sentence, removed where it stands."""

    name: str
    regex: str
    examples: tuple[TextExample, ...] = ()

    _check = field_validator("regex")(valid_regex)


class LanguageExample(Strict):
    """A text and the language it is detected as."""

    text: str
    language: str


class LanguageData(Strict):
    """Thresholds of the language detection."""

    cjk_share: float
    hant_share: float
    examples: tuple[LanguageExample, ...] = ()


class SegmentationData(Strict):
    """Where sentences and clauses end."""

    sentence_ends: str
    abbreviations: frozenset[str]
    closers: str
    clause_separators: str
    digit_separators: str
    brackets: tuple[str, ...]

    @field_validator("brackets")
    @classmethod
    def _pairs(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        """Each bracket entry is an opening and a closing character."""
        if any(len(pair) != 2 for pair in value):
            raise ValueError("each bracket pair is two characters")
        return value


class CleaningData(Strict):
    """The cleaning data file."""

    html: HtmlData
    mojibake: tuple[MojibakeRule, ...] = ()
    redecode: RedecodeData
    unreadable: tuple[UnreadableRule, ...] = ()
    invisible: InvisibleData
    glosses: GlossData
    lines: tuple[LineRule, ...] = ()
    inline: tuple[InlineRule, ...] = ()
    language: LanguageData
    segmentation: SegmentationData


class DatePattern(Strict):
    """A way of stating the publication date, looked for in the first `max_line` lines."""

    name: str
    regex: str
    max_line: int

    @field_validator("regex")
    @classmethod
    def _date_groups(cls, value: str) -> str:
        """The regex compiles and has groups year, month and day."""
        valid_regex(value)
        missing = {"year", "month", "day"} - set(re.compile(value).groupindex)
        if missing:
            raise ValueError(f"regex lacks group(s) {', '.join(sorted(missing))}")
        return value


class DateExample(Strict):
    """An article head and the date found in it."""

    text: str
    date: dt.date | None


class DateData(Strict):
    """The dates data file."""

    months: dict[str, int]
    patterns: tuple[DatePattern, ...]
    examples: tuple[DateExample, ...] = ()


@lru_cache(maxsize=1)
def cleaning_data() -> CleaningData:
    """Load the bundled cleaning data (raises DataFileError)."""
    return load_model(DATA_DIR / "cleaning.yaml", CleaningData)


@lru_cache(maxsize=1)
def date_data() -> DateData:
    """Load the bundled date patterns (raises DataFileError)."""
    return load_model(DATA_DIR / "dates.yaml", DateData)

