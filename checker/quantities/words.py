"""Same-length text normalisation (width, script, case) and longest-match word tables."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, Iterable, TypeVar

import opencc

T = TypeVar("T")
SPACES = " \t\u00a0\u3000"
_SPACE = re.compile(f"[{SPACES}]")
_KEEP_WIDE = {"，"}
# A full-width comma between full-width digits, before three of them, groups thousands (the comma is group 1); else it
# separates clauses. The match starts at the digit before it, so that the search skips text without full-width digits.
_WIDE_THOUSANDS = re.compile("[０-９](，)(?=[０-９]{3}(?![０-９]))")


@dataclass(frozen=True)
class Texts:
    """One input in three aligned forms (same length, same offsets)."""

    original: str
    folded: str  # full-width forms folded (１２３ -> 123, ％ -> %), zh-Hant folded to zh-Hans, case kept
    lower: str  # `folded` in lower case

    @classmethod
    def of(cls, text: str) -> Texts:
        """Normalise a text without changing its length."""
        folded = text.translate(_FOLDS if _beyond_bmp(text) else _bmp_folds())
        if "，" in text:
            folded = _wide_thousands(text, folded)
        lower = folded.lower()
        if len(lower) != len(folded):
            lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)
        return cls(text, folded, lower)


class _FoldTable(dict[int, int]):
    """Code point -> folded code point for str.translate, filled as characters are first seen."""

    def __missing__(self, code: int) -> int:
        folded = self[code] = ord(fold_char(chr(code)))
        return folded


_FOLDS = _FoldTable()
_SEPARATOR = "\n"  # folds to itself and joins with no character under NFKC or OpenCC


def _beyond_bmp(text: str) -> bool:
    """A character beyond the Basic Multilingual Plane in the text (two UTF-16 code units each), which the
    precomputed table does not hold; lone surrogates are in the table and fold to themselves either way."""
    return len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)


@lru_cache(maxsize=1)
def _bmp_folds() -> list[str]:
    """fold_char of every character of the Basic Multilingual Plane (surrogates kept), computed in two bulk calls,
    as a list indexed by code point: str.translate looks characters up in it faster than in a string or a dict."""
    codes = [c for c in range(0x80, 0x10000) if not 0xD800 <= c < 0xE000]
    table = {c: c for c in range(0x10000)}
    chars = [chr(c) for c in codes]
    wide = unicodedata.normalize("NFKC", _SEPARATOR.join(chars)).split(_SEPARATOR)
    if len(wide) != len(chars):  # never with Unicode as it is; one by one then
        wide = [unicodedata.normalize("NFKC", c) for c in chars]
    chars = [w if len(w) == 1 and c not in _KEEP_WIDE else c for c, w in zip(chars, wide)]
    cjk = [c for c in chars if is_cjk(c)]
    simple = _to_simplified().convert(_SEPARATOR.join(cjk)).split(_SEPARATOR)
    if len(simple) != len(cjk):
        simple = [_to_simplified().convert(c) for c in cjk]
    simplified = {c: s for c, s in zip(cjk, simple) if len(s) == 1}
    table.update((code, ord(simplified.get(c, c))) for code, c in zip(codes, chars))
    return list(map(chr, table.values()))


def _wide_thousands(text: str, folded: str) -> str:
    """A full-width comma between full-width digits, before three of them, groups thousands (４，５６５)."""
    spots = [m.start(1) for m in _WIDE_THOUSANDS.finditer(text)]
    if not spots:
        return folded
    chars = list(folded)
    for spot in spots:
        chars[spot] = ","
    return "".join(chars)


def is_latin(char: str) -> bool:
    """An ASCII letter."""
    return char.isascii() and char.isalpha()


def is_cjk(char: str) -> bool:
    """A CJK ideograph."""
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


@lru_cache(maxsize=1)
def _to_simplified() -> opencc.OpenCC:
    """OpenCC's zh-Hant to zh-Hans converter."""
    return opencc.OpenCC("t2s.json")


@lru_cache(maxsize=8192)
def fold_char(char: str) -> str:
    """One character with its width folded and, if it is a zh-Hant ideograph, in zh-Hans."""
    if ord(char) < 128:
        return char
    if char not in _KEEP_WIDE:
        wide = unicodedata.normalize("NFKC", char)
        char = wide if len(wide) == 1 else char
    if is_cjk(char):
        simple = _to_simplified().convert(char)
        char = simple if len(simple) == 1 else char
    return char


def fold_word(word: str) -> str:
    """A data word in the form texts are matched in (folded, lower case)."""
    return "".join(fold_char(c) for c in word).lower()


@dataclass(slots=True)
class WordMatch(Generic[T]):
    """A data word found in a text."""

    word: str
    payload: T
    start: int
    end: int


_Entry = tuple[str, T, bool, bool]  # (word, payload, may be written spaced, begins or ends with a Latin letter)


class WordTable(Generic[T]):
    """Words with payloads, found by longest match forwards from or backwards to a position."""

    def __init__(self, entries: Iterable[tuple[str, T]], fold: bool = True) -> None:
        self._by_first: dict[str, list[_Entry[T]]] = {}
        self._by_last: dict[str, list[_Entry[T]]] = {}
        seen: set[str] = set()
        for word, payload in entries:
            form = fold_word(word) if fold else word
            if form and form not in seen:
                seen.add(form)
                latin = is_latin(form[0]) or is_latin(form[-1])
                self._by_first.setdefault(form[0], []).append((form, payload, len(form) > 1 and is_cjk(form[0]), latin))
                self._by_last.setdefault(form[-1], []).append((form, payload, len(form) > 1 and is_cjk(form[-1]), latin))
        for table in (self._by_first, self._by_last):
            for key in table:
                table[key].sort(key=lambda item: -len(item[0]))

    def may_start(self, char: str) -> bool:
        """True when some word begins with this character."""
        return char in self._by_first

    def starting_at(self, text: str, pos: int, first: bool = False) -> list[WordMatch[T]]:
        """Every word that starts at `pos`, longest first (only the longest if `first`)."""
        entries = self._by_first.get(text[pos], ()) if pos < len(text) else ()
        if not entries:
            return []
        spaced = None  # a space among the characters the longest word would cover: else no spaced form can match
        found = []
        for w, p, spaceable, latin in entries:
            if text.startswith(w, pos):
                end: int | None = pos + len(w)
            elif spaceable:  # else _spaced_end gives None
                if spaced is None:
                    spaced = _SPACE.search(text, pos + 1, pos + len(entries[0][0])) is not None
                end = _spaced_end(text, pos, w) if spaced else None
            else:
                continue
            if end is not None and (not latin or _bounded(text, pos, end)):
                found.append(WordMatch(w, p, pos, end))
                if first:
                    break
        return found

    def ending_at(self, text: str, pos: int, first: bool = False) -> list[WordMatch[T]]:
        """Every word that ends at `pos`, longest first (only the longest if `first`)."""
        entries = self._by_last.get(text[pos - 1], ()) if pos > 0 else ()
        if not entries:
            return []
        spaced = None
        found = []
        for w, p, spaceable, latin in entries:
            if pos >= len(w) and text.startswith(w, pos - len(w)):
                start: int | None = pos - len(w)
            elif spaceable:  # else _spaced_start gives None
                if spaced is None:
                    spaced = _SPACE.search(text, max(pos - len(entries[0][0]), 0), pos - 1) is not None
                start = _spaced_start(text, pos, w) if spaced else None
            else:
                continue
            if start is not None and (not latin or _bounded(text, start, pos)):
                found.append(WordMatch(w, p, start, pos))
                if first:
                    break
        return found

    def first_at(self, text: str, pos: int) -> WordMatch[T] | None:
        """The longest word starting at `pos`."""
        if pos >= len(text) or text[pos] not in self._by_first:  # no word starts with this character
            return None
        found = self.starting_at(text, pos, first=True)
        return found[0] if found else None

    def last_at(self, text: str, pos: int) -> WordMatch[T] | None:
        """The longest word ending at `pos`."""
        if pos <= 0 or text[pos - 1] not in self._by_last:  # no word ends with this character
            return None
        found = self.ending_at(text, pos, first=True)
        return found[0] if found else None


def _spaced_end(text: str, pos: int, word: str) -> int | None:
    """Where a Chinese word written with spaces between its characters (百 分 之) ends, from `pos`; or None."""
    if len(word) < 2 or not is_cjk(word[0]) or _SPACE.search(text, pos + 1, pos + len(word)) is None:
        return None
    cur = pos
    for i, char in enumerate(word):
        if i and is_cjk(char) and is_cjk(word[i - 1]):
            cur = skip_spaces(text, cur)
        if cur >= len(text) or text[cur] != char:
            return None
        cur += 1
    return cur


def _spaced_start(text: str, pos: int, word: str) -> int | None:
    """Where a Chinese word written with spaces between its characters ends at `pos` starts; or None."""
    if len(word) < 2 or not is_cjk(word[-1]) or _SPACE.search(text, max(pos - len(word), 0), pos - 1) is None:
        return None
    cur = pos
    for i in range(len(word) - 1, -1, -1):
        if i < len(word) - 1 and is_cjk(word[i]) and is_cjk(word[i + 1]):
            cur = skip_spaces_back(text, cur)
        if cur <= 0 or text[cur - 1] != word[i]:
            return None
        cur -= 1
    return cur


def _bounded(text: str, start: int, end: int) -> bool:
    """A word that begins or ends with a Latin letter must not run on into another Latin letter."""
    if is_latin(text[start]) and start > 0 and is_latin(text[start - 1]):
        return False
    return not (is_latin(text[end - 1]) and end < len(text) and is_latin(text[end]))


def skip_spaces(text: str, pos: int, limit: int = 2) -> int:
    """The position after at most `limit` spaces from `pos`."""
    end = pos
    while end < len(text) and end - pos < limit and text[end] in SPACES:
        end += 1
    return end


def skip_spaces_back(text: str, pos: int, limit: int = 2) -> int:
    """The position before at most `limit` spaces ending at `pos`."""
    start = pos
    while start > 0 and pos - start < limit and text[start - 1] in SPACES:
        start -= 1
    return start


def unspaced(text: str) -> str:
    """The text without spaces (百 分 之 -> 百分之)."""
    return "".join(c for c in text if c not in SPACES)
