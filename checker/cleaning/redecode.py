"""Runs of text that are bytes decoded with the wrong codec (UTF-8 read as Windows-1252 or GBK), decoded again.

A candidate run is encoded back with the codec it was wrongly read with; every stretch of the bytes
that is valid text in the real codec is a repair, kept only when it is plausible: every repaired
character is of a kind news text has, and its CJK characters are common ones while the damaged
run's are not. Each repaired character maps to the damaged character its first byte came from.
"""

from __future__ import annotations

import codecs
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache

from checker.cleaning.data import MojibakeRule, RedecodeData, cleaning_data
from checker.cleaning.edits import Edit

C1_ERRORS = "checker-c1"  # U+0080-U+009F encode as their own byte (the bytes Windows-1252 leaves undefined)
REPLACEMENT = "\ufffd"  # stands for a character whose bytes were lost at the end of a run
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
# One UTF-8 character of two to four bytes (RFC 3629); a stretch may hold ASCII a two-byte codec swallowed.
_UTF8_WIDE = (rb"(?:[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
              rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
              rb"|\xf4[\x80-\x8f][\x80-\xbf]{2})")
_STRETCHES = {"utf-8": re.compile(rb"(?:%s|[\x40-\x7e](?=%s))+%s?" % (_UTF8_WIDE, _UTF8_WIDE, rb"[\x40-\x7e]"))}


def _c1_bytes(error: UnicodeError) -> tuple[bytes, int]:
    """Encode error handler: C1 control characters stand for their own byte."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    chunk = error.object[error.start:error.end]
    if all("\x80" <= char <= "\x9f" for char in chunk):
        return chunk.encode("latin-1"), error.end
    raise error


codecs.register_error(C1_ERRORS, _c1_bytes)


@dataclass(frozen=True)
class Plausibility:
    """The redecode settings, compiled."""

    data: RedecodeData
    common: frozenset[str]

    def share(self, text: str) -> float | None:
        """The share of common characters among the CJK characters of a text (None if it has none)."""
        cjk = _CJK.findall(text)
        return sum(char in self.common for char in cjk) / len(cjk) if cjk else None

    def holds(self, rule: MojibakeRule, damaged: str, repaired: str) -> bool:
        """Whether a repair is of a kind news text has and more common than what it replaces."""
        if not _accepted(rule.accept or "").fullmatch(repaired.replace(REPLACEMENT, "")):
            return False
        after, before = self.share(repaired), self.share(damaged) or 0.0
        after = 1.0 if after is None else after
        return after >= self.data.min_common and after - before >= self.data.min_gain


@cache
def plausibility() -> Plausibility:
    """The redecode section of the cleaning data, compiled; common characters decoded from the code ranges."""
    data = cleaning_data().redecode
    common = set()
    for code_range in data.common:
        for code in code_range.codes():
            try:
                common.add(code.decode(code_range.codec))
            except UnicodeDecodeError:
                continue
    return Plausibility(data, frozenset(common))


@cache
def _accepted(accept: str) -> re.Pattern[str]:
    """A run of characters of a rule's accept class."""
    return re.compile(f"{accept}*")


def redecode_edits(rule: MojibakeRule, pattern: re.Pattern[str], text: str) -> list[Edit]:
    """Edits that repair every plausible stretch of the runs a decode rule's pattern finds."""
    assert rule.codec is not None and rule.decode is not None
    stretches = _STRETCHES.get(codecs.lookup(rule.decode).name)
    if stretches is None:
        raise ValueError(f"no stretch pattern for {rule.decode}")
    lost = re.compile(rule.lost) if rule.lost else None
    lost_at_end = re.compile(f"(?:{rule.lost})$") if rule.lost else None
    edits = []
    for match in pattern.finditer(text):
        marks = lost_at_end.search(match.group()) if lost_at_end else None
        run = match.group()[:marks.start()] if marks else match.group()
        try:
            data = run.encode(rule.codec, C1_ERRORS)
        except UnicodeEncodeError:
            continue
        bounds: list[int] | None = None
        lost_follows = bool(lost and lost.match(text, match.start() + len(run)))
        for found in stretches.finditer(data):
            bounds = bounds or _char_bounds(run, rule.codec)
            edit = _stretch_edit(rule, (match.start(), run), bounds, data, found.span(), lost_follows)
            if edit is not None:
                edits.append(_with_lost(edit, text, lost))
    return edits


def _with_lost(edit: Edit, text: str, lost: re.Pattern[str] | None) -> Edit:
    """A repair ending in a character cut off, extended over the mark that stood for its lost bytes."""
    if lost is None or not edit.text.endswith(REPLACEMENT) or not lost.match(text, edit.end):
        return edit
    return Edit(edit.start, lost.match(text, edit.end).end(), edit.text, edit.sources)


def _char_bounds(run: str, codec: str) -> list[int]:
    """Where each character of the run starts in its encoding, and where the encoding ends."""
    bounds = [0]
    for char in run:
        bounds.append(bounds[-1] + len(char.encode(codec, C1_ERRORS)))
    return bounds


def _stretch_edit(rule: MojibakeRule, where: tuple[int, str], bounds: list[int], data: bytes, span: tuple[int, int],
                  lost_follows: bool) -> Edit | None:
    """The repair of one decodable stretch, cut to whole damaged characters, if plausible.

    A stretch that starts or ends inside a damaged character leaves that character out, except a
    run that ends in a character cut off (its lost bytes marked after the run): that character is
    repaired as U+FFFD.
    """
    decode = rule.decode or ""
    starts = _sequence_starts(data, span, decode)
    inside = [i for i in range(bisect_left(bounds, span[0]), bisect_right(bounds, span[1])) if bounds[i] in starts]
    if not inside:
        return None
    first, last, end, tail = inside[0], inside[-1], bounds[inside[-1]], ""
    if lost_follows and _incomplete(data[span[1]:], decode):
        last, end, tail = len(bounds) - 1, span[1], REPLACEMENT
    body = _decoded(data[bounds[first]:end], decode)
    if body is None:
        return None
    (start, run), repaired = where, body + tail
    damaged = run[first:last]
    if len(repaired) < rule.min_chars or not body.strip(REPLACEMENT) or repaired == damaged:
        return None
    if not plausibility().holds(rule, damaged, repaired):
        return None
    sources = _sources(repaired, bounds, bounds[first], decode)
    return Edit(start + first, start + last, repaired, tuple(start + s for s in sources))


def _sequence_starts(data: bytes, span: tuple[int, int], decode: str) -> set[int]:
    """Where the characters of a decodable stretch start in the bytes, and where it ends."""
    starts, position = {span[0]}, span[0]
    for char in data[span[0]:span[1]].decode(decode):
        position += len(char.encode(decode))
        starts.add(position)
    return starts


def _decoded(data: bytes, decode: str) -> str | None:
    """The bytes decoded, or None if they do not decode."""
    try:
        return data.decode(decode)
    except UnicodeDecodeError:
        return None


def _incomplete(tail: bytes, decode: str) -> bool:
    """Whether bytes (at most three) are the beginning of a character cut off."""
    if not 0 < len(tail) <= 3:
        return False
    decoder = codecs.getincrementaldecoder(decode)()
    try:
        return decoder.decode(tail, final=False) == "" and bool(decoder.getstate()[0])
    except UnicodeDecodeError:
        return False


def _sources(repaired: str, bounds: list[int], start: int, decode: str) -> list[int]:
    """For each repaired character, the index in the run of the damaged character its first byte is in."""
    sources, position = [], start
    for char in repaired:
        sources.append(bisect_right(bounds, position) - 1)
        position += len(char.encode(decode)) if char != REPLACEMENT else 0
    return sources
