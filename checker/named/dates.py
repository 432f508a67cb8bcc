"""Dates in text at the precision they are written (2025-06-30, 2025-06, --06-30), resolved against the article's date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from checker.datafiles import load_model
from checker.paths import DATA_DIR
from checker.periods import alternation, month_number

ISO = re.compile(r"(?:(\d{4})|-)(?:-(\d{2}))?(?:-(\d{2}))?")


class Strict(BaseModel):
    """Frozen, no unknown keys."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class DatePattern(Strict):
    """One date expression; `years`/`months`/`weeks` make it relative to the article's date."""

    regex: str
    years: int | None = None
    months: int | None = None
    weeks: int | None = None


class DateExample(Strict):
    """A text, an optional article date, and the first date expected in it (None: no date)."""

    text: str
    article: dt.date | None = None
    date: str | None
    span: str | None = None  # the date's text, when it is not the whole match ("in april" -> "april")


class DateData(Strict):
    """checker/data/named/dates.yaml."""

    patterns: tuple[DatePattern, ...]
    examples: tuple[DateExample, ...] = ()


@dataclass(frozen=True, order=True)
class DateValue:
    """A day, month or year; a part left out is unknown (a year may be unknown while its month is known)."""

    year: int | None
    month: int | None = None
    day: int | None = None

    @property
    def iso(self) -> str:
        """ISO 8601 at its precision: 2025-06-30, 2025-06, 2025, --06-30, --06."""
        head = f"{self.year:04d}" if self.year is not None else "-"
        parts = [head] + [f"{n:02d}" for n in (self.month, self.day) if n is not None]
        return "-".join(parts)

    def fits(self, other: DateValue) -> bool:
        """True when some day satisfies both (every part both know is the same)."""
        pairs = ((self.year, other.year), (self.month, other.month), (self.day, other.day))
        return all(a is None or b is None or a == b for a, b in pairs)

    def meet(self, other: DateValue) -> DateValue:
        """The parts both say, taken together (for dates that fit)."""
        return DateValue(self.year if self.year is not None else other.year,
                         self.month if self.month is not None else other.month,
                         self.day if self.day is not None else other.day)


class DateMatch(BaseModel):
    """A date expression found in a folded text."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)
    start: int
    end: int
    value: DateValue


def parse_iso(text: str) -> DateValue | None:
    """A DateValue from its ISO form ("2025-06", "--06-30"); None when it is no date."""
    match = ISO.fullmatch(text.strip())
    if not match or not any(match.groups()):
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    return DateValue(year, month, day)


@lru_cache(maxsize=1)
def date_data() -> DateData:
    """The bundled date expressions."""
    return load_model(DATA_DIR / "named" / "dates.yaml", DateData)


@lru_cache(maxsize=1)
def _compiled() -> re.Pattern[str]:
    """One alternation over the patterns, in order, each in group p<N> with its inner groups renamed."""
    return alternation(p.regex for p in date_data().patterns)


def find_dates(folded: str, article_date: dt.date | None) -> list[DateMatch]:
    """Every date expression in a folded text that resolves to at least a month or a year."""
    found = []
    for match in _compiled().finditer(folded):
        index = next(int(k[1:]) for k, v in match.groupdict().items() if v is not None and re.fullmatch(r"p\d+", k))
        groups = {k.rsplit("_", 1)[0]: v for k, v in match.groupdict().items() if k.endswith(f"_{index}") and v}
        value = resolve(groups, date_data().patterns[index], article_date)
        if value is not None:
            start, end = match.span(f"at_{index}") if groups.get("at") else match.span()
            found.append(DateMatch(start=start, end=end, value=value))
    return found


def resolve(groups: dict[str, str], pattern: DatePattern, article_date: dt.date | None) -> DateValue | None:
    """The date a match spells, with the year taken from the article where the text leaves it out."""
    month = month_number(groups.get("month", ""))
    day = int(groups["day"]) if "day" in groups else None
    if pattern.weeks is not None:
        return week_month(article_date, pattern.weeks) if article_date else None
    if pattern.months is not None:
        if article_date is None:
            return None
        index = article_date.year * 12 + article_date.month - 1 + pattern.months
        return DateValue(index // 12, index % 12 + 1)
    if "year" in groups:
        return _checked(DateValue(int(groups["year"]), month, day))
    if article_date is None:
        return _checked(DateValue(None, month, day)) if month else None
    if pattern.years is not None:
        return _checked(DateValue(article_date.year + pattern.years, month, day))
    later = month is not None and month > article_date.month + 1
    return _checked(DateValue(article_date.year - 1 if later else article_date.year, month, day))


def week_month(article_date: dt.date, weeks: int) -> DateValue | None:
    """The month of the ISO week `weeks` from the article's; None when that week spans two months.

    A week names no single day, so a month is the finest precision it can carry; a week that straddles two
    months is left unresolved rather than given a month that only part of it lies in (or a whole year).
    """
    day = article_date + dt.timedelta(weeks=weeks)
    monday = day - dt.timedelta(days=day.weekday())
    sunday = monday + dt.timedelta(days=6)
    return DateValue(monday.year, monday.month) if (monday.year, monday.month) == (sunday.year, sunday.month) else None


def _checked(value: DateValue) -> DateValue | None:
    """The value when it names a real day (or month), else None."""
    if value.day is not None and value.month is not None:
        try:
            dt.date(value.year or 2000, value.month, value.day)  # 2000: a leap year allows 29 February
        except ValueError:
            return None
    return value
