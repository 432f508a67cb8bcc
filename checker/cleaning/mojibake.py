"""Mojibake repair: runs of characters that are bytes read with the wrong alignment or codec."""

from __future__ import annotations

import re
from functools import cache

from checker.cleaning.data import MojibakeRule, cleaning_data
from checker.cleaning.edits import Edit, MappedText, non_overlapping
from checker.cleaning.redecode import redecode_edits


@cache
def mojibake_rules() -> tuple[tuple[MojibakeRule, re.Pattern[str]], ...]:
    """The repair rules of the cleaning data with their compiled patterns."""
    return tuple((rule, re.compile(rule.regex)) for rule in cleaning_data().mojibake)


def repair_mojibake(mapped: MappedText) -> tuple[MappedText, list[int]]:
    """The text with mojibake repaired (again, for mojibake of mojibake), and the original offsets of the repairs."""
    repaired: list[int] = []
    for _ in range(cleaning_data().redecode.passes):
        edits = non_overlapping(mojibake_edits(mapped.text))
        if not edits:
            break
        repaired.extend(mapped.offsets[edit.start] for edit in edits)
        mapped = mapped.apply(edits)
    return mapped, repaired


def mojibake_edits(text: str) -> list[Edit]:
    """Edits that repair every damaged run a rule recognises (a run that does not decode stays)."""
    edits = []
    for rule, pattern in mojibake_rules():
        if rule.decode is not None:
            edits.extend(redecode_edits(rule, pattern, text))
            continue
        for match in pattern.finditer(text):
            edit = _repair(rule, match)
            if edit is not None:
                edits.append(edit)
    return edits


def _repair(rule: MojibakeRule, match: re.Match[str]) -> Edit | None:
    """The edit for one match: fixed text, or the run re-encoded, re-aligned and decoded again."""
    if rule.replace is not None:
        return Edit(match.start(), match.end(), rule.replace)
    assert rule.codec is not None
    run_start = match.start("run") if "run" in match.re.groupindex else match.start()
    lead = bytes.fromhex(rule.lead)
    try:
        run = match.string[run_start:match.end()].encode(rule.codec)
        repaired = (lead + run).decode(rule.codec)
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    if rule.expect and not re.match(rule.expect, repaired):
        return None
    owners = _byte_owners(match, run_start, len(lead), rule.codec)
    sources, position = [], 0
    for char in repaired:
        sources.append(owners[min(position, len(owners) - 1)])
        position += len(char.encode(rule.codec))
    return Edit(match.start(), match.end(), repaired, tuple(sources))


def _byte_owners(match: re.Match[str], run_start: int, lead: int, codec: str) -> list[int]:
    """For each byte of lead + run, the index of the damaged character it was read from."""
    before = list(range(match.start(), run_start)) or [match.start()]
    owners = [before[min(i * len(before) // max(lead, 1), len(before) - 1)] for i in range(lead)]
    for index in range(run_start, match.end()):
        owners.extend([index] * len(match.string[index].encode(codec)))
    return owners
