"""Text edited in steps while every character keeps the offset it had in the original."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from checker.load import LINE_BREAK


@dataclass(frozen=True)
class Edit:
    """Replace text[start:end] by `text`.

    `sources[i]` is the index (in the text being edited) that character i comes from; by default
    the replaced characters in order.
    """

    start: int
    end: int
    text: str = ""
    sources: tuple[int, ...] = ()

    def source_indexes(self) -> list[int]:
        """Where each replacement character comes from in the text being edited."""
        if self.sources:
            return list(self.sources)
        last = max(self.start, self.end - 1)
        return [min(self.start + i, last) for i in range(len(self.text))]


@dataclass(frozen=True)
class MappedText:
    """A text and, per character, its offset in the original; one final entry past the end."""

    text: str
    offsets: tuple[int, ...]

    @classmethod
    def of(cls, original: str) -> MappedText:
        """The original itself: every character at its own offset."""
        return cls(original, tuple(range(len(original) + 1)))

    def apply(self, edits: Iterable[Edit]) -> MappedText:
        """The text with the edits made; an edit overlapping an earlier (or longer) one is skipped."""
        ordered = non_overlapping(edits)
        if not ordered:
            return self
        text, offsets = self.text, self.offsets
        pieces: list[str] = []
        mapped: list[int] = []
        position = 0
        for edit in ordered:
            pieces.append(text[position:edit.start])
            mapped.extend(offsets[position:edit.start])
            pieces.append(edit.text)
            mapped.extend(offsets[i] for i in edit.source_indexes())
            position = edit.end
        pieces.append(text[position:])
        mapped.extend(offsets[position:])
        return MappedText("".join(pieces), tuple(mapped))


def non_overlapping(edits: Iterable[Edit]) -> list[Edit]:
    """The edits in order of position; one overlapping an earlier (or longer) one is left out."""
    kept: list[Edit] = []
    for edit in sorted(edits, key=lambda e: (e.start, -e.end)):
        if not kept or edit.start >= kept[-1].end:
            kept.append(edit)
    return kept


def line_spans(text: str) -> list[tuple[int, int]]:
    """Start and end of every line, without its line break ("\\n", "\\r\\n" or "\\r")."""
    spans, start = [], 0
    for match in LINE_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans
