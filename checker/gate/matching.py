"""Match a report's contradictions against the baseline: accepted, changed or new."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from checker.gate.baseline import Baseline, BaselineEntry, group_values
from checker.models import Claim, ClaimGroup, Report

Status = Literal["new", "changed", "accepted"]
STATUS_ORDER: dict[str, int] = {"new": 0, "changed": 1, "accepted": 2}
SEVERITY_RANK = {"warning": 0, "conflict": 1}
SEVERITIES = ("conflict", "warning")  # as offered on the command line


@dataclass(frozen=True)
class Finding:
    """One contradiction of the run with its standing against the baseline."""

    status: Status
    group: ClaimGroup
    accepted: BaselineEntry | None = None  # the baseline entry it matched, if any

    @property
    def fails(self) -> bool:
        """True when this contradiction fails the gate."""
        return self.status != "accepted"


@dataclass(frozen=True)
class GateResult:
    """What the gate found: the contradictions it judged and the baseline entries no longer seen."""

    findings: tuple[Finding, ...]
    gone: tuple[BaselineEntry, ...]
    min_severity: str
    baseline_used: bool
    rules_changed: bool  # the baseline was written under other rules

    @property
    def failing(self) -> tuple[Finding, ...]:
        """The new and changed contradictions."""
        return tuple(f for f in self.findings if f.fails)

    def counts(self) -> dict[str, int]:
        """How many contradictions are new, changed and accepted, and how many entries are gone."""
        counts = {status: 0 for status in STATUS_ORDER}
        for finding in self.findings:
            counts[finding.status] += 1
        counts["gone"] = len(self.gone)
        return counts


def gated(severity: str, min_severity: str) -> bool:
    """True when a contradiction of this severity can fail the gate."""
    return SEVERITY_RANK.get(severity, -1) >= SEVERITY_RANK[min_severity]


def classify(group: ClaimGroup, entry: BaselineEntry | None) -> Finding:
    """New when the baseline does not know it, changed when its values moved, else accepted."""
    if entry is None:
        return Finding("new", group)
    status: Status = "accepted" if entry.values == group_values(group) else "changed"
    return Finding(status, group, entry)


def judge(report: Report, baseline: Baseline | None, min_severity: str, rules_digest: str) -> GateResult:
    """Judge every contradiction of at least `min_severity` against the baseline (None: nothing accepted)."""
    entries = baseline.by_fingerprint() if baseline else {}
    findings = [classify(g, entries.get(g.fingerprint)) for g in report.conflicts if gated(g.severity, min_severity)]
    order = {id(f): n for n, f in enumerate(findings)}
    findings.sort(key=lambda f: (STATUS_ORDER[f.status], order[id(f)]))
    occurring = {group.fingerprint for group in report.conflicts}
    gone = tuple(e for e in baseline.entries if e.fingerprint not in occurring) if baseline else ()
    return GateResult(
        findings=tuple(findings), gone=gone, min_severity=min_severity, baseline_used=baseline is not None,
        rules_changed=baseline is not None and baseline.rules_digest != rules_digest,
    )


def primary_claim(group: ClaimGroup) -> Claim:
    """The claim a finding points at: the first of the last, smallest side (the odd one out)."""
    last_side = group.sides[-1]  # claims are ordered by side
    return next(claim for claim, side in zip(group.claims, group.sides) if side == last_side)


def claims_by_article(group: ClaimGroup) -> dict[str, list[tuple[str, Claim]]]:
    """A group's (side, claim) pairs per article path, in the group's order."""
    found: dict[str, list[tuple[str, Claim]]] = {}
    for claim, side in zip(group.claims, group.sides):
        found.setdefault(claim.path, []).append((side, claim))
    return found


def title(group: ClaimGroup) -> str:
    """What a contradiction is about, in one line: "Meta → Scale AI: investment amount (2025)"."""
    who = f"{group.subject} → {group.object}" if group.object else group.subject
    period = f" ({group.period})" if group.period else ""
    return f"{who}: {group.attribute}{period}"
