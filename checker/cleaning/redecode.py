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
    accept: re.Pattern[str]

    def share(self, text: str) -> float | None:
        """The share of common characters among the CJK characters of a text (None if it has none)."""
        cjk = _CJK.findall(text)
        return sum(char in self.common for char in cjk) / len(cjk) if cjk else None

    def holds(self, damaged: str, repaired: str) -> bool:
        """Whether a repair is of a kind news text has and more common than what it replaces."""
        if not self.accept.fullmatch(repaired.replace(REPLACEMENT, "")):
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
    return Plausibility(data, frozenset(common), re.compile(f"{data.accept}*"))


def redecode_edits(rule: MojibakeRule, pattern: re.Pattern[str], text: str) -> list[Edit]:
    """Edits that repair every plausible stretch of the runs a decode rule's pattern finds."""
    assert rule.codec is not None and rule.decode is not None
    stretches = _STRETCHES.get(codecs.lookup(rule.decode).name)
    if stretches is None:
        raise ValueError(f"no stretch pattern for {rule.decode}")
    edits = []
    lost = re.compile(rule.lost) if rule.lost else None
    for match in pattern.finditer(text):
        try:
            data = match.group().encode(rule.codec, C1_ERRORS)
        except UnicodeEncodeError:
            continue
        bounds: list[int] | None = None
        for found in stretches.finditer(data):
            bounds = bounds or _char_bounds(match.group(), rule.codec)
            edit = _stretch_edit(match, bounds, data, found.span(), rule.decode)
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


def _stretch_edit(match: re.Match[str], bounds: list[int], data: bytes, span: tuple[int, int], decode: str) -> Edit | None:
    """The repair of one decodable stretch, cut to whole damaged characters, if plausible.

    A stretch that starts inside a character starts at the next one; one that ends inside a
    character, or a run that ends in a character cut off, ends with a replacement character.
    """
    first, last = bisect_left(bounds, span[0]), bisect_left(bounds, span[1])
    if bounds[last] == span[1] and _incomplete(data[span[1]:], decode):
        last = len(bounds) - 1
    repaired = _decoded(data[bounds[first]:bounds[last]], decode)
    if repaired is None and bounds[last] > span[1]:
        last -= 1
        repaired = _decoded(data[bounds[first]:bounds[last]], decode)
    damaged = match.group()[first:last]
    if not (repaired or "").strip(REPLACEMENT) or repaired == damaged or not plausibility().holds(damaged, repaired):
        return None
    sources = _sources(repaired, bounds, bounds[first], decode)
    return Edit(match.start() + first, match.start() + last, repaired, tuple(match.start() + s for s in sources))


def _decoded(data: bytes, decode: str) -> str | None:
    """The bytes decoded, a cut-off last character as a replacement character; None if they do not decode."""
    decoder = codecs.getincrementaldecoder(decode)()
    try:
        text = decoder.decode(data, final=False)
    except UnicodeDecodeError:
        return None
    return text + REPLACEMENT if decoder.getstate()[0] else text


def _incomplete(tail: bytes, decode: str) -> bool:
    """Whether bytes (at most three) are the beginning of a character cut off."""
    return 0 < len(tail) <= 3 and _decoded(tail, decode) == REPLACEMENT


def _sources(repaired: str, bounds: list[int], start: int, decode: str) -> list[int]:
    """For each repaired character, the index in the run of the damaged character its first byte is in."""
    sources, position = [], start
    for char in repaired:
        sources.append(bisect_right(bounds, position) - 1)
        position += len(char.encode(decode)) if char != REPLACEMENT else 0
    return sources
