"""The report for people at a terminal: conflicts first with their evidence, then agreements."""

from __future__ import annotations

import io

from checker.models import Claim, ClaimGroup, Report
from checker.report.view import (
    article_count, claim_value, display_width, excerpt, ordered_conflicts, period_of, plural, reading,
    sides, totals, values_summary, who,
)

Segment = tuple[str, str]  # text and its rich style ("" for none)
Line = list[Segment]

WIDTH = 100  # display columns a sentence line may take
CLAIM_INDENT = "     "
SENTENCE_INDENT = "         "
STYLES = {
    "title": "bold", "section": "bold underline", "conflict": "bold red", "warning": "bold yellow",
    "agreement": "green", "place": "cyan", "span": "bold", "value": "bold", "muted": "dim", "side": "magenta",
}
SEVERITY_LABELS = {"conflict": "CONFLICT", "warning": "WARNING"}


def render_terminal(report: Report, color: bool = False) -> str:
    """The report as text lines; with colour, as ANSI-styled text (through rich)."""
    lines = [*header(report), *conflict_section(report), *agreement_section(report),
             *article_section(report), *warning_section(report)]
    while lines and not lines[-1]:
        lines.pop()
    return styled(lines) if color else "".join("".join(text for text, _ in line) + "\n" for line in lines)


def styled(lines: list[Line]) -> str:
    """Lines rendered with ANSI colours by rich, never wrapped."""
    from rich.console import Console
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, color_system="standard", width=10_000, soft_wrap=True,
                      highlight=False, emoji=False, markup=False, legacy_windows=False)
    for line in lines:
        console.print(Text.assemble(*((text, STYLES.get(style, "")) for text, style in line)))
    return buffer.getvalue()


def header(report: Report) -> list[Line]:
    """The title line with the report's counts."""
    total = totals(report)
    parts = [plural(total.articles, "article"), plural(total.claims, "claim"), plural(total.conflicts, "conflict")]
    if total.warnings:
        parts.append(plural(total.warnings, "warning"))
    parts.append(plural(total.agreements, "agreement"))
    return [[("Consistency report", "title"), (" · " + " · ".join(parts), "")], []]


def conflict_section(report: Report) -> list[Line]:
    """Every conflict with its claims, side by side."""
    groups = ordered_conflicts(report)
    if not groups:
        return [[("CONFLICTS", "section"), (": none — the articles do not contradict each other", "")], []]
    total = totals(report)
    title = f"CONFLICTS ({total.conflicts})" + (f" · WARNINGS ({total.warnings})" if total.warnings else "")
    lines: list[Line] = [[(title, "section")], []]
    for number, group in enumerate(groups, 1):
        lines.extend(conflict_block(number, group))
    return lines


def conflict_block(number: int, group: ClaimGroup) -> list[Line]:
    """One conflict: title, explanation, then each side's claims with their sentences."""
    label = SEVERITY_LABELS.get(group.severity, group.severity.upper())
    lines: list[Line] = [
        [(f"{number}. ", "title"), (label, group.severity), ("  ", ""),
         (f"{group.attribute} · {who(group)} · {period_of(group)}", "title")],
        [("   " + group.explanation, "")],
    ]
    place_width = max(display_width(place(c)) for c in group.claims)
    span_width = max(display_width(c.text) for c in group.claims) + 2
    for side, claims in sides(group):
        lines.append([(f"   side {side or '?'}: ", "side"), (values_summary(claims), "value"),
                      (f" · {plural(article_count(claims), 'article')}", "muted")])
        for claim in claims:
            lines.extend(claim_lines(claim, place_width, span_width))
    lines.append([])
    return lines


def place(claim: Claim) -> str:
    """Where a claim stands: "article:line"."""
    return f"{claim.article}:{claim.line}"


def pad(text: str, width: int) -> str:
    """Text padded with spaces to a display width."""
    return text + " " * max(0, width - display_width(text))


def claim_lines(claim: Claim, place_width: int, span_width: int) -> list[Line]:
    """A claim's evidence line, its sentence cut around the span, and its assumptions."""
    cut = excerpt(claim.sentence, claim.text, WIDTH - len(SENTENCE_INDENT) - 2)
    lines: list[Line] = [
        [(CLAIM_INDENT, ""), (pad(place(claim), place_width), "place"), ("  ", ""),
         (pad(f"«{one_line_span(claim)}»", span_width), "span"), ("  = ", ""), (claim_value(claim), "value"),
         (f"  ({reading(claim)})", "muted")],
        [(SENTENCE_INDENT + cut.before, "muted"), (f"«{cut.span}»" if cut.span else "", "span"), (cut.after, "muted")],
    ]
    if claim.assumptions:
        lines.append([(SENTENCE_INDENT + "assuming " + "; ".join(claim.assumptions), "muted")])
    return lines


def one_line_span(claim: Claim) -> str:
    """The span as written, with line breaks shown as spaces."""
    return " ".join(claim.text.split())


def agreement_section(report: Report) -> list[Line]:
    """One aligned line per agreement: attribute, who, period, value, articles."""
    if not report.agreements:
        return []
    rows = [[g.attribute, who(g), period_of(g), values_summary(g.claims), plural(article_count(g.claims), "article")]
            for g in report.agreements]
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    lines: list[Line] = [[(f"AGREEMENTS ({len(rows)})", "section")], []]
    for row in rows:
        cells = [pad(cell, width) for cell, width in zip(row, widths)]
        lines.append([("  ✓ ", "agreement"), ("  ".join(cells[:3]) + "  ", ""), (cells[3], "value"),
                      ("  " + row[4], "muted")])
    return lines + [[]]


def article_section(report: Report) -> list[Line]:
    """One aligned line per article: id, language, claim count."""
    if not report.articles:
        return []
    width = max(display_width(a.article) for a in report.articles)
    lines: list[Line] = [[(f"ARTICLES ({len(report.articles)})", "section")], []]
    for article in report.articles:
        lines.append([("  ", ""), (pad(article.article, width), "place"),
                      (f"  {article.language:<7}  {plural(article.claims, 'claim')}", "")])
    return lines + [[]]


def warning_section(report: Report) -> list[Line]:
    """Warnings about articles (cleaning, decoding) and about paths that could not be read."""
    found = [(a.article, w) for a in report.articles for w in a.warnings]
    found += [("", w) for w in report.warnings]
    if not found:
        return []
    lines: list[Line] = [[(f"WARNINGS ({len(found)})", "section")], []]
    for article, warning in found:
        lines.append([("  ! ", "warning"), (f"{article}: " if article else "", "place"), (warning, "")])
    return lines
