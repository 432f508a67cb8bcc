"""SARIF 2.1.0 output: the rule book as tool rules, each failing contradiction as a result."""

from __future__ import annotations

import json
from importlib import metadata
from pathlib import Path, PurePosixPath
from typing import Any, Mapping
from urllib.parse import quote

from checker.gate.baseline import group_values
from checker.gate.locations import span_of
from checker.gate.matching import Finding, GateResult, primary_claim, title
from checker.models import Claim
from checker.rules import RuleBook

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"conflict": "error", "warning": "warning"}
BASELINE_STATES = {"new": "new", "changed": "updated", "accepted": "unchanged"}
FINGERPRINT_KEY = "checkerFingerprint/v1"


def tool_version() -> str:
    """The installed checker's version ("0" when it is not installed)."""
    try:
        return metadata.version("checker")
    except metadata.PackageNotFoundError:
        return "0"


def artifact_uri(path: str) -> str:
    """A path as given on the command line, as a URI reference (relative paths stay relative)."""
    if Path(path).is_absolute():
        return Path(path).as_uri()
    return quote(str(PurePosixPath(Path(path).as_posix())), safe="/")


def plain_message(text: str) -> str:
    """Text for a SARIF message that has embedded links: literal brackets escaped."""
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def rule_descriptors(rules: RuleBook) -> list[dict[str, Any]]:
    """Every rule of the run as a SARIF reportingDescriptor, in id order."""
    return [
        {"id": rule.id, "name": rule.attribute,
         "shortDescription": {"text": f"Articles disagree on {rule.attribute}"},
         "fullDescription": {"text": rule.description or f"Claims about {rule.attribute} that cannot all be true."},
         "defaultConfiguration": {"level": "error"},
         "properties": {"source": Path(rules.sources.get(rule.id, "")).name, "tags": ["consistency", "news"]}}
        for _, rule in sorted(rules.rules.items())
    ]


def location(claim: Claim, texts: Mapping[str, str], message: str | None = None, ident: int | None = None) -> dict:
    """A claim's physical location: file, line, columns and the span as snippet."""
    span = span_of(claim, texts)
    region: dict[str, Any] = {"startLine": span.line, "snippet": {"text": claim.text}}
    if span.column is not None and span.end_column is not None:
        region.update(startColumn=span.column, endLine=span.end_line, endColumn=span.end_column)
    found: dict[str, Any] = {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(claim.path)}, "region": region}}
    if ident is not None:
        found["id"] = ident
    if message:
        found["message"] = {"text": message}
    return found


def result(finding: Finding, rule_index: Mapping[str, int], texts: Mapping[str, str]) -> dict[str, Any]:
    """One failing contradiction: its odd-one-out claim as location, the other claims as related locations."""
    group = finding.group
    primary = primary_claim(group)
    others = [(claim, side) for claim, side in zip(group.claims, group.sides) if claim is not primary]
    related = [location(claim, texts, f"side {side}: {claim.text} ({claim.article})", n)
               for n, (claim, side) in enumerate(others, start=1)]
    links = ", ".join(f"[{plain_message(claim.text)}]({n})" for n, (claim, _) in enumerate(others, start=1))
    text = plain_message(f"{finding.status} {group.severity}: {title(group)}: {group.explanation}.") + f" Against: {links}"
    found: dict[str, Any] = {
        "ruleId": group.rule, "level": LEVELS.get(group.severity, "warning"), "kind": "fail",
        "message": {"text": text}, "locations": [location(primary, texts)], "relatedLocations": related,
        "partialFingerprints": {FINGERPRINT_KEY: group.fingerprint},
        "baselineState": BASELINE_STATES[finding.status],
        "properties": _result_properties(finding),
    }
    if group.rule in rule_index:
        found["ruleIndex"] = rule_index[group.rule]
    return found


def _result_properties(finding: Finding) -> dict[str, Any]:
    """What the contradiction is about and the values now and when accepted."""
    group = finding.group
    return {"status": finding.status, "fingerprint": group.fingerprint, "subject": group.subject,
            "object": group.object, "attribute": group.attribute, "period": group.period,
            "values": list(group_values(group)),
            "acceptedValues": list(finding.accepted.values) if finding.accepted else None}


def render_sarif(result_set: GateResult, rules: RuleBook, texts: Mapping[str, str], rules_digest: str) -> str:
    """A SARIF 2.1.0 log of one run: every rule, and a result per failing contradiction."""
    descriptors = rule_descriptors(rules)
    rule_index = {descriptor["id"]: n for n, descriptor in enumerate(descriptors)}
    run = {
        "tool": {"driver": {"name": "checker", "version": tool_version(), "rules": descriptors}},
        "columnKind": "unicodeCodePoints",
        "results": [result(finding, rule_index, texts) for finding in result_set.failing],
        "properties": {"rulesDigest": rules_digest, "minSeverity": result_set.min_severity,
                       "summary": result_set.counts()},
    }
    log = {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
