"""Items with a start and an end, looked up by position in logarithmic time (long articles stay linear)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Generic, Protocol, Sequence, TypeVar


class Spanned(Protocol):
    """Anything with start and end offsets."""

    start: int
    end: int


T = TypeVar("T", bound=Spanned)


class SpanIndex(Generic[T]):
    """Items sorted by start, for the ones that lie within a stretch."""

    def __init__(self, items: Sequence[T]) -> None:
        self.items = sorted(items, key=lambda item: item.start)
        self.starts = [item.start for item in self.items]

    def within(self, start: int, end: int) -> list[T]:
        """The items that start at or after `start` and end by `end`, in order of start."""
        low, high = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [item for item in self.items[low:high] if item.end <= end]

    def starting(self, start: int, end: int) -> list[T]:
        """The items that start in [start, end), whatever their end."""
        return self.items[bisect_left(self.starts, start):bisect_left(self.starts, end)]


def containing(starts: Sequence[int], ends: Sequence[int], offset: int) -> int | None:
    """The index of the stretch (sorted, not overlapping: starts and ends) that holds an offset, or None."""
    index = bisect_right(starts, offset) - 1
    return index if index >= 0 and offset < ends[index] else None
