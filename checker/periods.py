"""Periods: the year a claim speaks of, from explicit and relative time expressions."""

from __future__ import annotations

import re
import datetime as dt
from bisect import bisect_left, bisect_right
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
    days: int | None = None  # days from the article date ("yesterday": -1): its year and month
    weeks: int | None = None  # weeks from the article's ("上周": -1, the middle of the week before): its year and month
    per_count: int | None = None  # months per counted unit ("seven months earlier": -1, "3年前": -12), group `count`
    label: str | None = None  # a period that is not one year ("past years")
    fiscal: bool = False  # a fiscal quarter: "FY2025-Q4", the article's fiscal year unless one is named
    current_quarter: bool = False  # "本季度", "the current quarter": the article's own quarter


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
    quarters: dict[str, int] = {}
    halves: dict[str, int] = {}
    counts: dict[str, float] = {}  # number words of a relative period ("seven months earlier", "三个月前", "半年前")
    baselines: tuple[str, ...] = ()
    conjunctions: tuple[str, ...] = ()  # a period speaks first for its own conjunct ("… in 2024 and expects $2bn this year")
    reports: tuple[str, ...] = ()  # a quarter before one of these names a report ("在第二季度财报中，…全年…")
    baseline_fillers: tuple[str, ...] = ()  # words between a compared period and its figure ("比去年全年的37亿美元")
    patterns: tuple[PeriodPattern, ...]
    examples: tuple[PeriodExample, ...] = ()


class PeriodMatch(BaseModel):
    """A period expression found in text, with the year it resolves to ("" if unresolved)."""

    model_config = ConfigDict(frozen=True)
    start: int
    end: int
    year: str
    month: str = ""  # "2025-03" when the expression names a month ("去年3月", "in March", "last month")
    baseline: bool = False  # after "较"/"than": the period of a figure right after it only
    report: bool = False  # before "财报"/"results": a report's period, which the figures of other clauses need not share
    # the stretch between the conjunctions around it ("had $870m in 2024 | and expects $2bn this year"), if any
    segment: tuple[int, int] | None = None


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


# full-width digits and Latin letters read as ASCII (one character for one, so offsets hold)
_HALF_WIDTH = {code: code - 0xFEE0 for code in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]}


def find_periods(folded: str, article_date: dt.date | None) -> list[PeriodMatch]:
    """Every period expression in a folded text, resolved against the article date."""
    regex, patterns = _compiled()
    found = []
    baselines = period_data().baselines
    joints = [m.span() for m in _conjunctions().finditer(folded)]
    joint_starts, joint_ends = [s for s, _ in joints], sorted(e for _, e in joints)
    for match in regex.finditer(folded.translate(_HALF_WIDTH)):
        # "较2022年的水平": a point of comparison, the period of no figure but the one right after it
        baseline = folded[max(0, match.start() - 12):match.start()].rstrip().endswith(baselines)
        index = int(match.lastgroup[1:]) if match.lastgroup and match.lastgroup[0] == "p" else _which(match)
        year = _resolve(match, index, patterns[index], article_date)
        month = _month(match, index, patterns[index], year, article_date)
        before = bisect_right(joint_ends, match.start())  # the conjunctions around it, found by bisection
        after = bisect_left(joint_starts, match.end())
        segment = (joint_ends[before - 1] if before else 0,
                   joint_starts[after] if after < len(joint_starts) else len(folded))
        end = _fillers().match(folded, match.end()).end() if baseline else match.end()  # "比去年全年的37亿美元"
        report = folded[match.end():match.end() + 12].lstrip().startswith(period_data().reports)
        found.append(PeriodMatch(start=match.start(), end=end, year=year, month=month, baseline=baseline, report=report, segment=segment))
    return found


@lru_cache(maxsize=1)
def _fillers() -> re.Pattern[str]:
    """The words that may stand between a compared period and its figure, with spaces."""
    words = "|".join(re.escape(w) for w in sorted(period_data().baseline_fillers, key=len, reverse=True))
    return re.compile(rf"\s*(?:(?:{words})\s*)*" if words else r"\s*")


@lru_cache(maxsize=1)
def _conjunctions() -> re.Pattern[str]:
    """The conjunctions that part a clause's periods (Latin words on word boundaries)."""
    words = sorted(period_data().conjunctions, key=len, reverse=True)
    parts = [rf"(?<![a-z0-9]){re.escape(w)}(?![a-z0-9])" if w[:1].isascii() else re.escape(w) for w in words]
    return re.compile("|".join(parts) or r"(?!x)x", re.IGNORECASE)


def _which(match: re.Match[str]) -> int:
    """Index of the top-level pattern group that matched."""
    for name, value in match.groupdict().items():
        if value is not None and name.startswith("p") and name[1:].isdigit():
            return int(name[1:])
    raise ValueError("no period pattern matched")


def _resolve(match: re.Match[str], index: int, pattern: PeriodPattern, article_date: dt.date | None) -> str:
    """The period a matched expression speaks of (a year, or "2025-Q2"), or "" when it needs an absent date."""
    groups = {k.rsplit("_", 1)[0]: v for k, v in match.groupdict().items() if k.endswith(f"_{index}") and v}
    if pattern.label:
        return pattern.label
    half = period_data().halves.get(groups.get("half", "").lower())
    if half:
        year = _year(groups, pattern, article_date)
        return f"{year}-H{half}" if year else ""
    quarter = period_data().quarters.get(groups.get("quarter", groups.get("first", "")).lower())
    if pattern.current_quarter:
        return f"{article_date.year}-Q{(article_date.month - 1) // 3 + 1}" if article_date else ""
    if quarter and pattern.fiscal:
        year = groups.get("year") or (str(article_date.year) if article_date else "")
        return f"FY{year}-Q{quarter}" if year else ""
    if quarter:
        groups.setdefault("month", str(3 * quarter - 2))
        year = _year(groups, pattern, article_date)
        return f"{year}-Q{quarter}" if year else ""
    return _year(groups, pattern, article_date)


def _month(match: re.Match[str], index: int, pattern: PeriodPattern, year: str, article_date: dt.date | None) -> str:
    """The month ("2025-03") a matched expression names, if it names one and its year is known, else ""."""
    if not year.isdigit():
        return ""
    if (pattern.days is not None or pattern.weeks is not None) and article_date is not None:
        return shifted(article_date, pattern).strftime("%Y-%m")
    if pattern.months is not None and pattern.per_count is None:
        if article_date is None:
            return ""
        index_of_month = article_date.year * 12 + article_date.month - 1 + pattern.months
        return f"{index_of_month // 12}-{index_of_month % 12 + 1:02d}"
    month = month_number(match.group(f"month_{index}") or "") if f"month_{index}" in match.re.groupindex else None
    return f"{year}-{month:02d}" if month and 1 <= month <= 12 else ""


def shifted(article_date: dt.date, pattern: PeriodPattern) -> dt.date:
    """The day a pattern in days or weeks points at: the article date moved, a past week taken at its middle."""
    if pattern.weeks:
        monday = article_date - dt.timedelta(days=article_date.weekday())
        return monday + dt.timedelta(weeks=pattern.weeks, days=3)
    return article_date + dt.timedelta(days=pattern.days or 0)


def _year(groups: dict[str, str], pattern: PeriodPattern, article_date: dt.date | None) -> str:
    """The year of a matched expression's groups, or "" when it needs an absent article date."""
    if "year" in groups:
        return groups["year"]
    if "yy" in groups:
        return "20" + groups["yy"]
    if article_date is None:
        return ""
    if pattern.years is not None:
        return str(article_date.year + pattern.years)
    if pattern.days is not None or pattern.weeks is not None:
        return str(shifted(article_date, pattern).year)
    if pattern.months is not None or pattern.per_count is not None:
        months = pattern.months if pattern.per_count is None else _count(groups.get("count", ""), pattern.per_count)
        if months is None:
            return ""
        month_index = article_date.year * 12 + article_date.month - 1 + months
        return str(month_index // 12)
    month = month_number(groups.get("month", ""))
    # a bare month later than the article's own month most likely means last year
    return str(article_date.year - 1 if month and month > article_date.month + 1 else article_date.year)


def _count(text: str, per_count: int) -> int | None:
    """Months in "seven months", "3年", "半年" (a count in digits or a number word), None when it is no number."""
    number = float(text) if text.isdigit() else period_data().counts.get(text.lower())
    return None if number is None else round(number * per_count)


def month_number(text: str) -> int | None:
    """A month number from digits, Chinese numerals or an English name."""
    if text.isdigit():
        return int(text)
    return _CN_MONTHS.get(text) or period_data().months.get(text.lower())


SAME_PERIOD = "same period"  # the label of "期内", "during the quarter": the period named before it
SAME_QUARTER = "same quarter"  # "当季", "in the quarter": the quarter named before it, else the last one ended
SAME_HALF = "same half"  # "for the six months": the half-year named before it, else unknown
THEN = "then"  # the label of "当时", "at the time": the period named before it, else unknown (never the article's year)
# labels that point back at a period named earlier in the paragraph, with the part of a year it must be ("" any)
BACK_REFERENCES = {SAME_PERIOD: "", THEN: "", SAME_QUARTER: "-Q", SAME_HALF: "-H"}
BASELINE_REACH = 2  # "较去年的392亿美元": a compared period is the period of a figure this close after it


def _unreferenced(label: str, article_date: dt.date | None) -> str:
    """The period of a back-reference with nothing named before it: the article's year for "期内", the last quarter
    ended for "in the quarter", unknown for "at the time" and "for the six months"."""
    if label == SAME_PERIOD:
        return str(article_date.year) if article_date else ""
    return last_quarter(article_date) if label == SAME_QUARTER else ""


def last_quarter(article_date: dt.date | None) -> str:
    """The last calendar quarter ended by a date ("2025-Q2" on 2025-07-31), "" without a date."""
    if article_date is None:
        return ""
    index = article_date.year * 4 + (article_date.month - 1) // 3 - 1
    return f"{index // 4}-Q{index % 4 + 1}"


def period_near(periods: list[PeriodMatch], clause: tuple[int, int], free_clauses: tuple[tuple[int, int], ...],
                at: int, paragraph_start: int, article_date: dt.date | None) -> str:
    """The period for a claim at `at` (see period_and_month_near)."""
    return period_and_month_near(periods, clause, free_clauses, at, paragraph_start, article_date)[0]


def period_and_month_near(periods: list[PeriodMatch], clause: tuple[int, int], free_clauses: tuple[tuple[int, int], ...],
                          at: int, paragraph_start: int, article_date: dt.date | None) -> tuple[str, str]:
    """The period for a claim at `at`: the nearest in its clause (in its own conjunct first), else in a figure-free clause of its sentence, else the
    latest one earlier in its paragraph, else the article's own year (news speaks of its present). A compared period
    ("较去年的…") is only the period of the figure right after it; a quarter only that of its own clause, or of a
    figure said to be of the same period ("期内") later in its paragraph. With it, the month it names ("2025-03"), if any."""
    every = [p for p in periods if not p.baseline or 0 <= at - p.end <= BASELINE_REACH]
    inside = [p for p in every if clause[0] <= p.start and p.end <= clause[1]]
    own = [p for p in inside if p.segment is not None and p.segment[0] <= at < p.segment[1]]
    inside = own or inside  # "had $870m in 2024 and expects $2bn this year": this year's for $2bn
    # a quarter or half speaks for its own clause and for a sentence it opens alone ("今年上半年，…"), no further
    periods = [p for p in every if "-Q" not in p.year and "-H" not in p.year]
    earlier = [p for p in periods if paragraph_start <= p.start and p.end <= min(clause[0], at)]
    if not inside:
        inside = [p for p in every if any(s <= p.start and p.end <= e for s, e in free_clauses)
                  and not (p.report and ("-Q" in p.year or "-H" in p.year))]
        before = [p.end for p in inside if p.end <= at]
        if before and earlier and max(before) <= earlier[-1].start:
            inside = [earlier[-1]]  # "本月初售股，估值5000亿，今年3月融资时，估值3000亿": March's, not this month's
    own_clause = bool(inside) and all(clause[0] <= p.start and p.end <= clause[1] for p in inside)
    if inside and not own_clause:  # another clause's period: one said before the figure first ("今年2月，…4亿；3月底…")
        found = min(inside, key=lambda p: (p.start > at, at - p.end if p.end <= at else p.start - at))
    else:
        found = min(inside, key=lambda p: (at - p.end if p.end <= at else p.start - at, p.start > at)) if inside else \
            (earlier[-1] if earlier else None)
    if found is not None and found.year in BACK_REFERENCES:  # the period named before, of the kind the label asks for
        part = BACK_REFERENCES[found.year]
        before = [p for p in every if paragraph_start <= p.start and p.end <= found.start
                  and p.year not in BACK_REFERENCES and part in p.year]
        return (before[-1].year, before[-1].month) if before else (_unreferenced(found.year, article_date), "")
    if found is not None:
        return found.year, found.month
    return (str(article_date.year) if article_date else ""), ""
