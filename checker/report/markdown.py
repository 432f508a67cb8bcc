"""The report as Markdown (GitHub flavour): a summary, a table per conflict, agreements as a table."""

from __future__ import annotations

import re

from checker.models import ClaimGroup, Report
from checker.report.view import (
    article_count, claim_value, excerpt, modifiers_note, ordered_conflicts, period_of, sides, totals, values_summary,
    who,
)

SENTENCE_WIDTH = 120  # display columns of a sentence excerpt in a table cell
SPECIAL = re.compile(r"([\\`*_\[\]<>|~#&$])")
SEVERITY_LABELS = {"conflict": "Conflict", "warning": "Warning"}


def escaped(text: str) -> str:
    """Text with Markdown characters (and `|`) escaped and line breaks made spaces; edge spaces kept."""
    return SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", text))


def cell(text: str) -> str:
    """Text safe in a table cell: one trimmed line, Markdown characters escaped."""
    return escaped(text.strip())


def row(cells: list[str]) -> str:
    """One table row of already escaped cells."""
    return "| " + " | ".join(cells) + " |"


def table(head: list[str], aligns: str, rows: list[list[str]]) -> list[str]:
    """A table: header, alignment row (l/r per column), rows."""
    rule = ["---:" if a == "r" else "---" for a in aligns]
    return [row(head), row(rule), *(row(r) for r in rows), ""]


def render_markdown(report: Report) -> str:
    """The report as one Markdown document, ending in a newline."""
    lines = ["# Consistency report", "", *summary(report), *conflicts(report), *agreements(report),
             *articles(report), *warnings(report)]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


def summary(report: Report) -> list[str]:
    """The counts table."""
    total = totals(report)
    return table(["articles", "claims", "conflicts", "warnings", "agreements"], "rrrrr",
                 [[str(n) for n in (total.articles, total.claims, total.conflicts, total.warnings, total.agreements)]])


def conflicts(report: Report) -> list[str]:
    """A section per conflict, with a table of its claims by side."""
    groups = ordered_conflicts(report)
    lines = ["## Conflicts", ""]
    if not groups:
        return lines + ["None: the articles do not contradict each other.", ""]
    for number, group in enumerate(groups, 1):
        lines.extend(conflict(number, group))
    return lines


def conflict(number: int, group: ClaimGroup) -> list[str]:
    """One conflict: heading, severity and explanation, the claims table."""
    title = cell(f"{group.attribute} · {who(group)} · {period_of(group)}")
    label = SEVERITY_LABELS.get(group.severity, group.severity)
    rows = []
    for side, claims in sides(group):
        for claim in claims:
            cut = excerpt(claim.sentence, claim.text, SENTENCE_WIDTH)
            sentence = escaped(cut.before) + (f"<b>{escaped(cut.span)}</b>" if cut.span else "") + escaped(cut.after)
            rows.append([cell(side), cell(claim.article), str(claim.line), cell(claim.text),
                         cell(claim_value(claim) + modifiers_note(claim)), sentence])
    return [f"### {number}. {title}", "", f"**{cell(label)}**: {cell(group.explanation)}", "",
            f"Fingerprint: `{group.fingerprint}`", "",
            *table(["side", "article", "line", "span", "value", "sentence"], "llrlll", rows)]


def agreements(report: Report) -> list[str]:
    """The agreements as one table."""
    if not report.agreements:
        return []
    rows = [[cell(g.attribute), cell(who(g)), cell(period_of(g)), cell(values_summary(g.claims)),
             str(article_count(g.claims)), cell(", ".join(sorted({c.article for c in g.claims})))]
            for g in report.agreements]
    return ["## Agreements", "", *table(["attribute", "subject", "period", "value", "articles", "in"], "llllrl", rows)]


def articles(report: Report) -> list[str]:
    """The articles table."""
    if not report.articles:
        return []
    rows = [[cell(a.article), cell(a.language), str(a.claims), cell("; ".join(a.warnings))] for a in report.articles]
    return ["## Articles", "", *table(["article", "language", "claims", "warnings"], "llrl", rows)]


def warnings(report: Report) -> list[str]:
    """Paths that could not be read."""
    if not report.warnings:
        return []
    return ["## Warnings", "",
            *(f"- {cell(w)}" for w in report.warnings), ""]
