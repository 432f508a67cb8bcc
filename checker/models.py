"""Frozen pydantic models that the pipeline stages exchange."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict

Qualifier = Literal["exact", "approx", "over", "under", "at_least", "at_most", "range"]


class Frozen(BaseModel):
    """Base for immutable stage outputs."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Article(Frozen):
    """One input file as read from disk: its decoded text, exactly as written."""

    path: str  # as given on the command line (or found under a given folder)
    name: str  # base name; the article id in reports
    text: str  # decoded original text; every offset in a report points into this
    encoding: str
    warnings: tuple[str, ...] = ()


class CleanArticle(Frozen):
    """An article after cleaning: text for matching plus a map back to the original."""

    article: Article
    text: str  # cleaned text in the article's own script (HTML, glosses, spam removed)
    folded: str  # `text` folded to zh-Hans for matching only; same length as `text`
    offsets: tuple[int, ...]  # offsets[i] = original index of text[i]; len(text) + 1 entries
    language: str  # "zh-Hans", "zh-Hant" or "en"
    date: dt.date | None = None  # publication date the article states, if any
    warnings: tuple[str, ...] = ()


class Quantity(Frozen):
    """A number with its unit and the interval it allows, found in a piece of text."""

    text: str
    start: int  # offsets into the text given to the extractor (end exclusive)
    end: int
    value: Decimal  # in base units: an amount of money, 49 for 49 %, 28 for an age
    unit: str  # ISO 4217 code, "percent", "count", "year", a pint unit name, or "" for a bare number
    kind: str  # "money", "percent", "count", "age", "number", or a physical dimension ("power", ...)
    qualifier: Qualifier = "exact"
    low: Decimal | None = None  # interval the claim allows; None is an open end
    high: Decimal | None = None
    assumptions: tuple[str, ...] = ()  # e.g. "bare $ read as USD"
    written_unit: str = ""  # a physical unit as written, as pint names it ("tonne" for 八吨); "" when `unit` is it
    written_factor: Decimal = Decimal(1)  # base units in one written unit (1000 for tonne)


class Mention(Frozen):
    """A name found in a cleaned article, resolved to an entity when possible."""

    text: str  # as it stands in the cleaned text (display script)
    start: int  # offsets into CleanArticle.text
    end: int
    entity: str | None  # canonical name, or None when unresolved
    kind: str  # "person", "company", "product", "place", ... ("unknown" when unresolved)
    why: str = ""  # how it was resolved, or why it was left unresolved


class Entity(Frozen):
    """A resolved entity with every surface form seen in the corpus."""

    canonical: str
    kind: str
    forms: tuple[str, ...]
    articles: tuple[str, ...]


class Claim(Frozen):
    """A statement that an attribute of a subject has a value, with its evidence span."""

    article: str  # article id (file base name)
    path: str
    line: int  # 1-based line in the original file
    start: int  # offsets into Article.text (the original), end exclusive
    end: int
    text: str  # the span exactly as written in the original
    sentence: str  # the sentence around it, as written in the original
    rule: str
    attribute: str
    subject: str | None
    object: str | None = None
    period: str = ""  # "" when unknown
    month: str = ""  # "2025-03": the month a figure that changes within a year is stated for, "" when none is
    value: Decimal | str
    unit: str
    kind: str
    qualifier: Qualifier = "exact"
    low: Decimal | None = None
    high: Decimal | None = None
    assumptions: tuple[str, ...] = ()
    modifiers: tuple[str, ...] = ()  # named claims: "former", "co", "acting", "current"


class ClaimGroup(Frozen):
    """Claims about one fact; a conflict when some of them cannot all be true."""

    fingerprint: str
    rule: str
    attribute: str
    subject: str
    object: str | None
    period: str
    severity: Literal["conflict", "warning", "agreement"]
    explanation: str
    claims: tuple[Claim, ...]
    sides: tuple[str, ...]  # side label of each claim, parallel to `claims`


class ArticleSummary(Frozen):
    """Per-article line of the report."""

    article: str
    path: str
    language: str
    claims: int
    warnings: tuple[str, ...] = ()


class Report(Frozen):
    """The consistency report on a corpus."""

    articles: tuple[ArticleSummary, ...]
    conflicts: tuple[ClaimGroup, ...]
    agreements: tuple[ClaimGroup, ...]
    warnings: tuple[str, ...] = ()  # corpus-level: paths that could not be read
