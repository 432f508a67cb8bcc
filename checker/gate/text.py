"""The gate's terminal and JSON outputs: every failing contradiction with its articles, lines and spans."""

from __future__ import annotations

import json
from typing import Any, Mapping

from checker.gate.baseline import group_values
from checker.gate.locations import span_of, where
from checker.gate.matching import Finding, GateResult, title
from checker.models import Claim

JSON_SCHEMA_VERSION = 1


def summary_line(result: GateResult, baseline_path: str | None) -> str:
    """One line: how many contradictions are new, changed and accepted, against which baseline."""
    counts = result.counts()
    against = f"baseline {baseline_path}" if baseline_path else "no baseline"
    verdict = "FAILED" if result.failing else "passed"
    return (f"checker check {verdict}: {counts['new']} new, {counts['changed']} changed, {counts['accepted']} "
            f"accepted ({against}; failing on {result.min_severity} and worse)")


def notes(result: GateResult) -> list[str]:
    """Advice lines: baseline entries no longer seen, rules changed since the baseline."""
    lines = []
    if result.gone:
        lines.append(f"{len(result.gone)} accepted contradiction(s) no longer occur: "
                     "`checker baseline PATH... --prune` drops them from the baseline")
    if result.rules_changed:
        lines.append("the rules changed since the baseline was written")
    return lines


def claim_line(side: str, claim: Claim, texts: Mapping[str, str]) -> str:
    """One claim as evidence: its side, place and the span exactly as written."""
    return f"    {side}  {where(claim, texts)}  {claim.text}"


def finding_block(finding: Finding, texts: Mapping[str, str]) -> list[str]:
    """A failing contradiction: what it is, why, what changed, and every claim of it."""
    group = finding.group
    lines = [f"{finding.status.upper()} {group.severity}: {title(group)}  [{group.rule} {group.fingerprint}]",
             f"    {group.explanation}"]
    if finding.status == "changed" and finding.accepted is not None:
        lines.append(f"    accepted values: {', '.join(finding.accepted.values)}")
        lines.append(f"    values now:      {', '.join(group_values(group))}")
    lines.extend(claim_line(side, claim, texts) for claim, side in zip(group.claims, group.sides))
    return lines


def render_terminal(result: GateResult, texts: Mapping[str, str], baseline_path: str | None) -> str:
    """The failing contradictions as plain text, then a summary line and advice."""
    lines: list[str] = []
    for finding in result.failing:
        lines.extend(finding_block(finding, texts))
        lines.append("")
    lines.append(summary_line(result, baseline_path))
    lines.extend(f"note: {note}" for note in notes(result))
    return "\n".join(lines) + "\n"


def claim_json(side: str, claim: Claim, texts: Mapping[str, str]) -> dict[str, Any]:
    """A claim as evidence in JSON (value as in the report: a number in base units, or a name)."""
    span = span_of(claim, texts)
    value = claim.value if isinstance(claim.value, str) else float(claim.value)
    return {"side": side, "article": claim.article, "path": claim.path, "line": claim.line,
            "column": span.column, "end_line": span.end_line, "end_column": span.end_column, "text": claim.text,
            "value": value, "unit": claim.unit, "qualifier": claim.qualifier, "sentence": claim.sentence}


def finding_json(finding: Finding, texts: Mapping[str, str]) -> dict[str, Any]:
    """One judged contradiction in JSON, with the values it was accepted with (if any)."""
    group = finding.group
    return {
        "status": finding.status, "fingerprint": group.fingerprint, "rule": group.rule, "subject": group.subject,
        "object": group.object, "attribute": group.attribute, "period": group.period, "severity": group.severity,
        "explanation": group.explanation, "values": list(group_values(group)),
        "accepted_values": list(finding.accepted.values) if finding.accepted else None,
        "note": finding.accepted.note if finding.accepted else "",
        "claims": [claim_json(side, claim, texts) for claim, side in zip(group.claims, group.sides)],
    }


def render_json(result: GateResult, texts: Mapping[str, str], baseline_path: str | None) -> str:
    """Every judged contradiction (accepted ones too) and the baseline entries no longer seen, as JSON."""
    data = {
        "schema": JSON_SCHEMA_VERSION, "passed": not result.failing, "baseline": baseline_path,
        "min_severity": result.min_severity, "rules_changed": result.rules_changed, "summary": result.counts(),
        "findings": [finding_json(finding, texts) for finding in result.findings],
        "gone": [entry.model_dump(mode="json") for entry in result.gone],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
