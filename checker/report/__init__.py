"""Report renderers: pure functions from a Report to the text of one output format."""

from __future__ import annotations

from typing import Callable

from checker.models import Report
from checker.report.html import render_html
from checker.report.json_report import render_json
from checker.report.markdown import render_markdown
from checker.report.terminal import render_terminal

RENDERERS: dict[str, Callable[[Report, bool], str]] = {
    "terminal": lambda report, color: render_terminal(report, color=color),
    "json": lambda report, color: render_json(report),
    "markdown": lambda report, color: render_markdown(report),
    "html": lambda report, color: render_html(report),
}
FORMATS = tuple(RENDERERS)


def render(report: Report, fmt: str, color: bool = False) -> str:
    """The report in a format ("terminal", "json", "markdown", "html"); colour applies to terminal only."""
    if fmt not in RENDERERS:
        raise ValueError(f"unknown report format {fmt!r}; expected one of {', '.join(FORMATS)}")
    return RENDERERS[fmt](report, color)
