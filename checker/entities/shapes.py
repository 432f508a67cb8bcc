"""Where names stand in a text by their shape: sentences, "·"-joined names, Latin name pairs, parentheticals."""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.entities.normalise import is_cjk, is_latin, pinyin_of
from checker.entities.settings import Settings

MASK = "\0"  # stands for a character already claimed by a known form
_WORD = r"[A-Z][a-z]+(?:[A-Z][a-z]+)*"
_LATIN_NAME = re.compile(rf"(?<![A-Za-z0-9\x00])(?<!\x00 ){_WORD}(?: {_WORD})*(?![A-Za-z0-9\x00])(?! \x00)")
_CAPITALISED_RUN = re.compile(r"(?:[A-Z][A-Za-z0-9.&'\-]*(?: |$)){1,4}$")
_LATIN_TEXT = re.compile(r"[A-Za-z][A-Za-z .&'_\-]*")


def _initial(text: str, i: int) -> bool:
    """True for the dot of an initial ("D.A. Davidson"), which ends no sentence."""
    return text[i] == "." and i > 0 and text[i - 1].isascii() and text[i - 1].isupper()


@dataclass(frozen=True)
class Paren:
    """A parenthetical: the text before it ends at `outer_end`; its name part is [inner_start, inner_end)."""

    outer_end: int
    inner_start: int
    inner_end: int


class NameShapes:
    """Finds name-shaped spans in folded text."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        chars = re.escape(settings.transliteration_chars)
        dots = re.escape(settings.name_dots + settings.name_dots_between_cjk)
        most = settings.name_part_max
        enders = "|".join(map(re.escape, settings.name_enders))
        part = rf"(?:(?!{enders})[{chars}]){{1,{most}}}" if enders else rf"[{chars}]{{1,{most}}}"
        self.dotted = re.compile(rf"{part}(?:[ \u3000]?[{dots}][ \u3000]?{part})+")
        self.translit_tail = re.compile(rf"[{chars}]{{2,{most}}}$")
        self.parens = [re.compile(rf"{re.escape(o)}([^{re.escape(o + c)}\n]{{1,{settings.paren_max}}}){re.escape(c)}")
                       for o, c in settings.parens]
        self.cut = re.compile(f"[{re.escape(settings.paren_cut)}]")

    def sentence_ids(self, text: str) -> list[int]:
        """The sentence number of every character."""
        ids, current = [], 0
        ends, before_space = self.settings.sentence_ends, self.settings.sentence_ends_before_space
        for i, char in enumerate(text):
            ids.append(current)
            if char in ends or (char in before_space and text[i + 1:i + 2].isspace() and not _initial(text, i)):
                current += 1
        return ids

    def dotted_names(self, masked: str) -> list[tuple[int, int]]:
        """Spans of "·"-joined transliterated names outside known forms."""
        return [m.span() for m in self.dotted.finditer(masked)]

    def latin_pairs(self, masked: str) -> list[tuple[int, int]]:
        """Spans of "Firstname Lastname" pairs that stand alone (not part of a longer capitalised run)."""
        spans = []
        for m in _LATIN_NAME.finditer(masked):
            words = m.group().split(" ")
            if len(words) == 2 and not set(words) & self.settings.latin_not_name_words:
                spans.append(m.span())
        return spans

    def parentheticals(self, text: str) -> list[Paren]:
        """Every parenthetical, its name part cut at the first separator."""
        found = []
        for pattern in self.parens:
            for m in pattern.finditer(text):
                inner, *rest = self.cut.split(m.group(1), maxsplit=1)
                if rest and m.group(1)[len(inner)] in self.settings.paren_label_ends:
                    continue  # "(美股代号：META)": a label and its value, not a name
                start = m.start(1) + len(inner) - len(inner.lstrip())
                end = m.start(1) + len(inner.rstrip())
                outer_end = len(text[:m.start()].rstrip())
                if end > start:
                    found.append(Paren(outer_end, start, end))
        return sorted(found, key=lambda p: p.outer_end)

    def is_name(self, span: str) -> bool:
        """True when a parenthetical may be a name: Latin words, or CJK with "·", not a caption."""
        if span in self.settings.paren_not_names:
            return False
        if _LATIN_TEXT.fullmatch(span):
            return len(span.split()) <= 5
        dots = self.settings.name_dots
        return 2 <= len(span) <= 12 and all(is_cjk(c) or c in dots for c in span)

    def latin_run_before(self, masked: str, end: int) -> tuple[int, int] | None:
        """A run of up to four capitalised Latin words ending at `end`."""
        head = masked[max(0, end - 60):end]
        m = _CAPITALISED_RUN.search(head)
        if not m or (m.start() and is_latin(head[m.start() - 1])):
            return None
        return end - len(head) + m.start(), end

    def translit_before(self, masked: str, end: int) -> tuple[int, int] | None:
        """A run of transliteration characters ending at `end`."""
        m = self.translit_tail.search(masked[max(0, end - self.settings.name_part_max):end])
        return (end - len(m.group()), end) if m else None

    @staticmethod
    def pinyin_spelled_before(masked: str, end: int, latin_key: str) -> tuple[int, int] | None:
        """Two to four CJK characters ending at `end` whose pinyin spells a Latin name (either name order)."""
        for length in (4, 3, 2):
            span = masked[max(0, end - length):end]
            if len(span) < length or not all(is_cjk(c) for c in span):
                continue
            syllables = pinyin_of(span)
            if latin_key in ("".join(syllables), "".join(syllables[1:] + syllables[:1])):
                return end - length, end
        return None
