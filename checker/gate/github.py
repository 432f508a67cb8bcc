"""GitHub Actions output: workflow-command annotations on the article lines and a Markdown job summary."""

from __future__ import annotations

from typing import Mapping

from checker.gate.locations import span_of, where
from checker.gate.matching import Finding, GateResult, claims_by_article, title
from checker.gate.text import notes, summary_line
from checker.models import Claim

LEVELS = {"conflict": "error", "warning": "warning"}


def escape_data(text: str) -> str:
    """Escape a workflow command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command's property value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **properties: str | int | None) -> str:
    """One workflow command line: `::error file=…,line=…,title=…::message`."""
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items() if value is not None)
    return f"::{level} {props}::{escape_data(message)}" if props else f"::{level}::{escape_data(message)}"


def annotation(finding: Finding, claims: list[tuple[str, Claim]], texts: Mapping[str, str]) -> str:
    """The annotation of one article of a failing contradiction, on the line of its first claim."""
    group = finding.group
    first = span_of(claims[0][1], texts)
    here = "; ".join(f"{claim.text} (line {claim.line}, side {side})" for side, claim in claims)
    others = [f"{where(c, texts)} {c.text} (side {s})" for c, s in zip(group.claims, group.sides)
              if c.path != first.path]
    message = "\n".join([group.explanation, f"This article: {here}", *(f"Against: {o}" for o in others),
                         f"fingerprint {group.fingerprint}; accept it with `checker baseline`"])
    end_column = first.end_column if first.end_line == first.line else None
    return command(LEVELS.get(group.severity, "warning"), message, file=first.path, line=first.line,
                   col=first.column, endColumn=end_column,
                   title=f"checker: {finding.status} {group.severity}: {title(group)}")


def render_annotations(result: GateResult, texts: Mapping[str, str], baseline_path: str | None) -> str:
    """One annotation per article of every failing contradiction, then the summary line as a notice."""
    lines = []
    for finding in result.failing:
        for claims in claims_by_article(finding.group).values():
            lines.append(annotation(finding, claims, texts))
    for note in notes(result):
        lines.append(command("notice", note, title="checker baseline"))
    lines.append(summary_line(result, baseline_path))
    return "\n".join(lines) + "\n"


def cell(text: str) -> str:
    """Text made safe for a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def finding_row(finding: Finding, texts: Mapping[str, str]) -> str:
    """A Markdown table row for one failing contradiction."""
    group = finding.group
    evidence = "<br>".join(f"{side}: `{cell(where(c, texts))}` {cell(c.text)}" for c, side in zip(group.claims, group.sides))
    return f"| {finding.status} {group.severity} | {cell(title(group))} | {cell(group.explanation)} | {evidence} |"


def render_summary(result: GateResult, texts: Mapping[str, str], baseline_path: str | None) -> str:
    """The job summary in Markdown: the verdict, a table of failing contradictions, advice."""
    lines = [f"## {summary_line(result, baseline_path)}", ""]
    if result.failing:
        lines += ["| status | fact | why | evidence |", "|---|---|---|---|"]
        lines += [finding_row(finding, texts) for finding in result.failing]
        lines.append("")
    lines += [f"- {note}" for note in notes(result)]
    return "\n".join(lines).rstrip("\n") + "\n\n"
