"""The report as one self-contained HTML page (inline style, no scripts, every text escaped)."""

from __future__ import annotations

from html import escape

from checker.models import ClaimGroup, Report
from checker.report.view import (
    article_count, claim_value, excerpt, ordered_conflicts, period_of, reading, sides, totals, values_summary, who,
)

SENTENCE_WIDTH = 140
STYLE = """body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","PingFang SC",sans-serif;
margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1d1d1f;line-height:1.45}
h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #ddd}h3{font-size:1.1rem;margin-bottom:.3rem}
table{border-collapse:collapse;margin:.5rem 0 1rem;width:100%}th,td{border:1px solid #ddd;padding:.3rem .5rem;
text-align:left;vertical-align:top}th{background:#f5f5f7}td.n{text-align:right}
.conflict{color:#b00020}.warning{color:#9a6700}.muted{color:#666;font-size:.9em}
mark{background:#fff3a3;padding:0 .1em}code{font-size:.85em}"""


def text(value: object) -> str:
    """Any value as escaped HTML text."""
    return escape(str(value), quote=True)


def tr(cells: list[str | tuple[str, str]], tag: str = "td") -> str:
    """One table row of already escaped cells; numeric cells keep a class="n" marker."""
    return "<tr>" + "".join(f"<{tag}{c[0]}>{c[1]}</{tag}>" if isinstance(c, tuple) else f"<{tag}>{c}</{tag}>"
                            for c in cells) + "</tr>"


def table(head: list[str], rows: list[list[str | tuple[str, str]]]) -> str:
    """A table with a header row."""
    return "<table>\n" + "\n".join([tr([text(h) for h in head], "th"), *(tr(r) for r in rows)]) + "\n</table>"


def number(value: int) -> tuple[str, str]:
    """A right-aligned numeric cell."""
    return (' class="n"', text(value))


def render_html(report: Report) -> str:
    """The report as a complete HTML document, ending in a newline."""
    body = [summary(report), conflicts(report), agreements(report), articles(report), warnings(report)]
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>Consistency report</title>\n<style>\n{STYLE}\n</style>\n</head>\n<body>\n"
            "<h1>Consistency report</h1>\n" + "\n".join(part for part in body if part) + "\n</body>\n</html>\n")


def summary(report: Report) -> str:
    """The counts table."""
    total = totals(report)
    return table(["articles", "claims", "conflicts", "warnings", "agreements"],
                 [[number(n) for n in (total.articles, total.claims, total.conflicts, total.warnings, total.agreements)]])


def conflicts(report: Report) -> str:
    """A section per conflict."""
    groups = ordered_conflicts(report)
    if not groups:
        return "<h2>Conflicts</h2>\n<p>None: the articles do not contradict each other.</p>"
    return "<h2>Conflicts</h2>\n" + "\n".join(conflict(n, g) for n, g in enumerate(groups, 1))


def conflict(number_: int, group: ClaimGroup) -> str:
    """One conflict: heading, explanation, and its claims by side with the span marked."""
    rows = []
    for side, claims in sides(group):
        for claim in claims:
            cut = excerpt(claim.sentence, claim.text, SENTENCE_WIDTH)
            sentence = text(cut.before) + (f"<mark>{text(cut.span)}</mark>" if cut.span else "") + text(cut.after)
            rows.append([text(side), text(claim.article), number(claim.line), f"<mark>{text(claim.text)}</mark>",
                         f"{text(claim_value(claim))}<br><span class=\"muted\">{text(reading(claim))}</span>",
                         sentence])
    severity = text(group.severity)
    return (f"<section>\n<h3>{number_}. <span class=\"{severity}\">{severity.upper()}</span> "
            f"{text(group.attribute)} · {text(who(group))} · {text(period_of(group))}</h3>\n"
            f"<p>{text(group.explanation)} <code class=\"muted\">{text(group.fingerprint)}</code></p>\n"
            + table(["side", "article", "line", "span", "value", "sentence"], rows) + "\n</section>")


def agreements(report: Report) -> str:
    """The agreements as one table."""
    if not report.agreements:
        return ""
    rows = [[text(g.attribute), text(who(g)), text(period_of(g)), text(values_summary(g.claims)),
             number(article_count(g.claims))] for g in report.agreements]
    return "<h2>Agreements</h2>\n" + table(["attribute", "subject", "period", "value", "articles"], rows)


def articles(report: Report) -> str:
    """The articles table."""
    if not report.articles:
        return ""
    rows = [[text(a.article), text(a.language), number(a.claims), text("; ".join(a.warnings))] for a in report.articles]
    return "<h2>Articles</h2>\n" + table(["article", "language", "claims", "warnings"], rows)


def warnings(report: Report) -> str:
    """Paths that could not be read."""
    if not report.warnings:
        return ""
    return "<h2>Warnings</h2>\n<ul>\n" + "\n".join(f"<li>{text(w)}</li>" for w in report.warnings) + "\n</ul>"
