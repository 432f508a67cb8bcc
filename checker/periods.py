"""Periods: the year a claim speaks of, from explicit and relative time expressions."""

from __future__ import annotations

import re
import datetime as dt
from functools import lru_cache
from typing import Iterable

from pydantic import BaseModel, ConfigDict

from checker.datafiles import load_model
from checker.paths import DATA_DIR

_CN_MONTHS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12}


class PeriodPattern(BaseModel):
    """One period expression; `years`/`months` make it relative to the article date."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    regex: str
    years: int | None = None
    months: int | None = None
    label: str | None = None  # a period that is not one year ("past years")


class PeriodExample(BaseModel):
    """A text, an optional article date, and the period expected."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    text: str
    date: dt.date | None = None
    period: str


class PeriodData(BaseModel):
    """The periods data file."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    months: dict[str, int]
    baselines: tuple[str, ...] = ()
    patterns: tuple[PeriodPattern, ...]
    examples: tuple[PeriodExample, ...] = ()


class PeriodMatch(BaseModel):
    """A period expression found in text, with the year it resolves to ("" if unresolved)."""

    model_config = ConfigDict(frozen=True)
    start: int
    end: int
    year: str


@lru_cache(maxsize=1)
def period_data() -> PeriodData:
    """Load the bundled period expressions."""
    return load_model(DATA_DIR / "periods.yaml", PeriodData)


@lru_cache(maxsize=1)
def _compiled() -> tuple[re.Pattern[str], tuple[PeriodPattern, ...]]:
    """One alternation over all period patterns, each in a named group."""
    patterns = period_data().patterns
    return alternation(p.regex for p in patterns), patterns


def alternation(regexes: Iterable[str]) -> re.Pattern[str]:
    """One alternation over regexes, each in group p<N> with its inner groups renamed <name>_<N>."""
    parts = []
    for index, regex in enumerate(regexes):
        body = re.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<{m.group(1)}_{index}>", regex)
        parts.append(f"(?P<p{index}>{body})")
    return re.compile("|".join(parts), re.IGNORECASE)


def find_periods(folded: str, article_date: dt.date | None) -> list[PeriodMatch]:
    """Every period expression in a folded text, resolved against the article date."""
    regex, patterns = _compiled()
    found = []
    baselines = period_data().baselines
    for match in regex.finditer(folded):
        if folded[max(0, match.start() - 12):match.start()].rstrip().endswith(baselines):
            continue  # "较2022年的水平": a point of comparison, not the claim's period
        index = int(match.lastgroup[1:]) if match.lastgroup and match.lastgroup[0] == "p" else _which(match)
        year = _resolve(match, index, patterns[index], article_date)
        found.append(PeriodMatch(start=match.start(), end=match.end(), year=year))
    return found


def _which(match: re.Match[str]) -> int:
    """Index of the top-level pattern group that matched."""
    for name, value in match.groupdict().items():
        if value is not None and name.startswith("p") and name[1:].isdigit():
            return int(name[1:])
    raise ValueError("no period pattern matched")


def _resolve(match: re.Match[str], index: int, pattern: PeriodPattern, article_date: dt.date | None) -> str:
    """The year a matched expression speaks of, or "" when it needs an absent article date."""
    groups = {k.rsplit("_", 1)[0]: v for k, v in match.groupdict().items() if k.endswith(f"_{index}") and v}
    if pattern.label:
        return pattern.label
    if "year" in groups:
        return groups["year"]
    if "yy" in groups:
        return "20" + groups["yy"]
    if article_date is None:
        return ""
    if pattern.years is not None:
        return str(article_date.year + pattern.years)
    if pattern.months is not None:
        month_index = article_date.year * 12 + article_date.month - 1 + pattern.months
        return str(month_index // 12)
    month = month_number(groups.get("month", ""))
    # a bare month later than the article's own month most likely means last year
    return str(article_date.year - 1 if month and month > article_date.month + 1 else article_date.year)


def month_number(text: str) -> int | None:
    """A month number from digits, Chinese numerals or an English name."""
    if text.isdigit():
        return int(text)
    return _CN_MONTHS.get(text) or period_data().months.get(text.lower())


def period_near(periods: list[PeriodMatch], clause: tuple[int, int], free_clauses: tuple[tuple[int, int], ...],
                at: int, paragraph_start: int, article_date: dt.date | None) -> str:
    """The period for a claim at `at`: the nearest in its clause, else in a figure-free clause of its sentence, else the
    latest one earlier in its paragraph, else the article's own year (news speaks of its present)."""
    inside = [p for p in periods if clause[0] <= p.start and p.end <= clause[1]]
    if not inside:
        inside = [p for p in periods if any(s <= p.start and p.end <= e for s, e in free_clauses)]
    if inside:
        return min(inside, key=lambda p: (at - p.end if p.end <= at else p.start - at, p.start > at)).year
    earlier = [p for p in periods if paragraph_start <= p.start and p.end <= min(clause[0], at)]
    if earlier:
        return earlier[-1].year
    return str(article_date.year) if article_date else ""
