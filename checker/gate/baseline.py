"""The baseline: the contradictions a project has accepted, as a sorted JSON file that does not churn."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from checker.datafiles import DataFileError
from checker.models import Claim, ClaimGroup, Report

SCHEMA_VERSION = 1
ABOUT = (
    "Contradictions accepted by `checker check`, matched by fingerprint (rule, subject, object, attribute, "
    "unit, period and article ids). An accepted entry fails again when its values change. Write a reviewer's "
    "`note` on any entry: rewrites and prunes keep it. Rewrite with `checker baseline PATH... --output FILE`; "
    "drop entries that no longer occur with `checker baseline PATH... --prune --output FILE`."
)


class BaselineError(Exception):
    """A baseline that cannot be read or used."""


class BaselineEntry(BaseModel):
    """One accepted contradiction: what it is about and the values it stood on when accepted."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    fingerprint: str = Field(min_length=1)
    rule: str
    subject: str
    object: str | None = None
    attribute: str
    period: str = ""
    severity: Literal["conflict", "warning"]
    articles: tuple[str, ...]  # sorted article ids
    values: tuple[str, ...]  # sorted distinct values of the claims (see value_key)
    note: str = ""  # a reviewer's reason for accepting it


class Baseline(BaseModel):
    """The accepted set, with the digest of the rules it was judged under."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    version: Literal[1] = Field(SCHEMA_VERSION, alias="schema")
    about: str = ABOUT
    rules_digest: str
    entries: tuple[BaselineEntry, ...] = ()

    def by_fingerprint(self) -> dict[str, BaselineEntry]:
        """Entries keyed by fingerprint."""
        return {entry.fingerprint: entry for entry in self.entries}


def plain(number: Decimal | None) -> str:
    """A decimal without exponent or trailing zeros ("14300000000", "0.5"); "" for an open end."""
    if number is None:
        return ""
    text = format(number.normalize(), "f")
    return "0" if text in ("-0", "") else text


def value_key(claim: Claim) -> str:
    """A claim's value as a stable string: qualifier (unless exact), value or interval, unit."""
    if isinstance(claim.value, str):
        return f"{claim.value} {claim.unit}".strip()
    number = f"{plain(claim.low)}..{plain(claim.high)}" if claim.qualifier == "range" else plain(claim.value)
    prefix = "" if claim.qualifier == "exact" else f"{claim.qualifier} "
    return f"{prefix}{number} {claim.unit}".strip()


def group_values(group: ClaimGroup) -> tuple[str, ...]:
    """The sorted distinct values a group's claims state."""
    return tuple(sorted({value_key(claim) for claim in group.claims}))


def group_articles(group: ClaimGroup) -> tuple[str, ...]:
    """The sorted ids of the articles a group's claims come from."""
    return tuple(sorted({claim.article for claim in group.claims}))


def entry_for(group: ClaimGroup, note: str = "") -> BaselineEntry:
    """The baseline entry that accepts a contradiction as it stands now."""
    return BaselineEntry(
        fingerprint=group.fingerprint, rule=group.rule, subject=group.subject, object=group.object,
        attribute=group.attribute, period=group.period, severity=group.severity,
        articles=group_articles(group), values=group_values(group), note=note,
    )


def accept_all(report: Report, rules_digest: str, previous: Baseline | None = None) -> Baseline:
    """A baseline accepting every contradiction of a report, keeping notes of entries it had before."""
    notes = {e.fingerprint: e.note for e in previous.entries} if previous else {}
    entries = [entry_for(group, notes.get(group.fingerprint, "")) for group in report.conflicts]
    return Baseline(rules_digest=rules_digest, entries=_sorted(entries))


def prune(previous: Baseline, report: Report) -> Baseline:
    """The previous baseline without the entries that no longer occur (nothing new is accepted)."""
    occurring = {group.fingerprint for group in report.conflicts}
    kept = [entry for entry in previous.entries if entry.fingerprint in occurring]
    return previous.model_copy(update={"entries": _sorted(kept)})


def _sorted(entries: list[BaselineEntry]) -> tuple[BaselineEntry, ...]:
    """Entries in fingerprint order, one per fingerprint."""
    unique = {entry.fingerprint: entry for entry in entries}
    return tuple(unique[key] for key in sorted(unique))


def dump_baseline(baseline: Baseline) -> str:
    """The baseline as JSON: keys and entries sorted, one trailing newline."""
    data = baseline.model_dump(mode="json", by_alias=True)
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def read_baseline(path: str | Path) -> Baseline:
    """Read and validate a baseline file (BaselineError or DataFileError when it cannot be used)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise BaselineError(f"cannot read baseline {path}: {err}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise DataFileError(path, err.lineno, err.colno, f"invalid JSON in baseline: {err.msg}") from None
    if isinstance(data, dict) and data.get("schema", SCHEMA_VERSION) != SCHEMA_VERSION:
        raise BaselineError(f"{path}: baseline schema {data.get('schema')!r} is not supported (this checker "
                            f"reads schema {SCHEMA_VERSION})")
    try:
        return Baseline.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "(top)"
        raise BaselineError(f"{path}: invalid baseline: {where}: {first['msg']}") from None
