"""The JSON report of contracts.md §1: outside checks parse it, so fields are only ever added."""

from __future__ import annotations

import calendar
import json
import re
from decimal import Decimal
from typing import Any

from checker.models import ArticleSummary, Claim, ClaimGroup, Report
from checker.report.view import side_of

SCHEMA_VERSION = 1
ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def render_json(report: Report) -> str:
    """The report as JSON: indented, non-ASCII kept as is, ending in a newline."""
    document = {
        "schema": SCHEMA_VERSION,
        "articles": [article_json(a) for a in report.articles],
        "conflicts": [group_json(g) for g in report.conflicts],
        "agreements": [group_json(g) for g in report.agreements],
        "warnings": list(report.warnings),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def article_json(article: ArticleSummary) -> dict[str, Any]:
    """One article's line: id, path, language, claim count, warnings."""
    return {"article": article.article, "path": article.path, "language": article.language,
            "claims": article.claims, "warnings": list(article.warnings)}


def group_json(group: ClaimGroup) -> dict[str, Any]:
    """One claim group with every claim, each carrying its side label."""
    return {
        "fingerprint": group.fingerprint, "rule": group.rule, "subject": group.subject, "object": group.object,
        "attribute": group.attribute, "period": group.period, "severity": group.severity,
        "explanation": group.explanation,
        "claims": [claim_json(c, side_of(group, i)) for i, c in enumerate(group.claims)],
    }


def claim_json(claim: Claim, side: str) -> dict[str, Any]:
    """One claim: where it is, what it says (numbers as JSON numbers), and how it was read."""
    low, high = claim_bounds(claim)
    return {
        "article": claim.article, "path": claim.path, "line": claim.line, "text": claim.text,
        "value": json_number(claim.value), "unit": claim.unit, "qualifier": claim.qualifier,
        "low": low, "high": high, "sentence": claim.sentence, "side": side,
        "start": claim.start, "end": claim.end, "subject": claim.subject, "object": claim.object,
        "period": claim.period, "rule": claim.rule, "kind": claim.kind, "assumptions": list(claim.assumptions),
        "modifiers": list(claim.modifiers),
    }


def json_number(value: Decimal | str | None) -> float | str | None:
    """A Decimal as a JSON number; strings (entities, dates) and null as they are."""
    return float(value) if isinstance(value, Decimal) else value


def claim_bounds(claim: Claim) -> tuple[float | str | None, float | str | None]:
    """low/high: numbers for amounts, first/last day for a date value, null for entities."""
    if claim.unit == "date" and isinstance(claim.value, str) and claim.low is None and claim.high is None:
        return date_bounds(claim.value)
    return json_number(claim.low), json_number(claim.high)


def date_bounds(iso: str) -> tuple[str | None, str | None]:
    """First and last day of an ISO 8601 date at its precision ("2025-06" -> 2025-06-01, 2025-06-30)."""
    match = ISO_DATE.fullmatch(iso.strip())
    if not match:
        return None, None
    year, month, day = match.group(1), match.group(2), match.group(3)
    if day:
        return iso.strip(), iso.strip()
    if month and 1 <= int(month) <= 12:
        last = calendar.monthrange(int(year), int(month))[1]
        return f"{year}-{month}-01", f"{year}-{month}-{last:02d}"
    if month:
        return None, None
    return f"{year}-01-01", f"{year}-12-31"
