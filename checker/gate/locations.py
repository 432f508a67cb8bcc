"""Where a claim stands in its file: line and column span, for annotations and SARIF regions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from checker.models import Claim


@dataclass(frozen=True)
class Span:
    """A claim's place in its original file; columns are 1-based code points, end exclusive."""

    path: str
    line: int
    column: int | None
    end_line: int
    end_column: int | None


def column_at(text: str, offset: int) -> int:
    """The 1-based column of an offset in a text."""
    return offset - (text.rfind("\n", 0, offset) + 1) + 1


def span_of(claim: Claim, texts: Mapping[str, str]) -> Span:
    """A claim's span; columns only when the original text is at hand and holds the claim's span."""
    text = texts.get(claim.path)
    if text is None or text[claim.start:claim.end] != claim.text:
        return Span(claim.path, claim.line, None, claim.line, None)
    end_line = claim.line + text.count("\n", claim.start, claim.end)
    return Span(claim.path, claim.line, column_at(text, claim.start), end_line, column_at(text, claim.end))


def where(claim: Claim, texts: Mapping[str, str]) -> str:
    """A claim's place as `path:line:column` (column left out when unknown)."""
    span = span_of(claim, texts)
    return f"{span.path}:{span.line}" + (f":{span.column}" if span.column else "")
