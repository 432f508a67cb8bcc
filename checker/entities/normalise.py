"""Name normalisation: folding to zh-Hans, match keys mapped back to the text, pinyin."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

import opencc
from pypinyin import Style, lazy_pinyin

from checker.entities.settings import Settings

_T2S = opencc.OpenCC("t2s.json")
_CJK = "[\u3400-\u9fff\uf900-\ufaff]"  # the ideographs of is_cjk


def fold(text: str) -> str:
    """Fold text to zh-Hans the way articles are folded for matching."""
    return _T2S.convert(text)


def is_cjk(char: str) -> bool:
    """True for a CJK ideograph."""
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def has_cjk(text: str) -> bool:
    """True when a text holds a CJK ideograph."""
    return any(is_cjk(c) for c in text)


def is_latin(char: str) -> bool:
    """True for an ASCII letter or digit."""
    return char.isascii() and char.isalnum()


def clash(left: str, right: str) -> bool:
    """True when two neighbouring characters belong to one word (letter-letter or digit-digit)."""
    left, right = narrow(left), narrow(right)
    return (left.isascii() and right.isascii()) and (
        (left.isalpha() and right.isalpha()) or (left.isdigit() and right.isdigit()))


@cache
def narrow(char: str) -> str:
    """A full-width character as its ASCII twin (one character in, one out)."""
    plain = unicodedata.normalize("NFKC", char)
    return plain if len(plain) == 1 else char


@cache
def syllable(char: str) -> str:
    """Toneless pinyin of one character (the character itself when it has none)."""
    return lazy_pinyin(char, style=Style.NORMAL)[0]


def pinyin_of(text: str) -> tuple[str, ...]:
    """Toneless pinyin, one syllable per character."""
    return tuple(syllable(char) for char in text)


@dataclass(frozen=True)
class KeyView:
    """Match keys of a text: `keys[i]` stands for `text[where[i]]`."""

    keys: str
    where: tuple[int, ...]


class Keyer:
    """Turns folded text into match keys: lower case, one dot, Latin joiners dropped."""

    def __init__(self, settings: Settings) -> None:
        self.dot = settings.name_dots[0]
        self.dots = frozenset(settings.name_dots)
        between = "[" + re.escape(settings.name_dots_between_cjk) + "]"
        self.cjk_dots = frozenset(settings.name_dots_between_cjk)
        self.cjk_dot = re.compile(f"(?<={_CJK}){between}(?={_CJK})")
        self.spaces = frozenset(" \t\u00a0\u3000")
        self.memo: dict[str, str] = {}  # char_key of each character seen
        self.joiners = frozenset(settings.latin_joiners)
        self.name_chars = frozenset(settings.latin_name_chars)

    def char_key(self, char: str) -> str:
        """The key of one character."""
        key = self.memo.get(char)
        if key is None:
            plain = narrow(char)
            key = self.memo[char] = self.dot if plain in self.dots else plain.lower()
        return key

    def latinish(self, key: str) -> bool:
        """True for a key character that belongs to a Latin name."""
        return is_latin(key) or key in self.name_chars

    def view(self, folded: str) -> KeyView:
        """Keys of a folded text with the position of each key character.

        Joiners between Latin letters are dropped ("Ruoming Pang"), and so are spaces beside a name
        dot between CJK parts ("亚历山大 · 王"); "．" between two CJK characters is a name dot.
        """
        memo = self.memo
        chars = [memo[c] if c in memo else self.char_key(c) for c in folded]
        for m in self.cjk_dot.finditer(folded):
            chars[m.start()] = self.dot
        following = [""] * (len(chars) + 1)  # next non-joiner key after each position
        for i in range(len(chars) - 1, -1, -1):
            following[i] = following[i + 1] if chars[i] in self.joiners else chars[i]
        keys, where = [], []
        for i, key in enumerate(chars):
            if key in self.joiners and keys:
                before, after = keys[-1], following[i + 1][:1]
                if (self.latinish(before) and self.latinish(after)) or (
                        self.dot in (before, after) and self._spaced_dot(before, after, key)):
                    continue
            keys.append(key)
            where.append(i)
        return KeyView("".join(keys), tuple(where))

    def _spaced_dot(self, before: str, after: str, joiner: str) -> bool:
        """True for a space beside a name dot between CJK parts."""
        return joiner in self.spaces and all(c == self.dot or is_cjk(c) for c in (before, after))

    def dot_before(self, text: str, start: int) -> bool:
        """True when a name dot (maybe after a space) stands right before `start` in a folded text."""
        i = start - 1 - (start > 1 and text[start - 1] in self.spaces)
        return i > 0 and (self.char_key(text[i]) == self.dot or (text[i] in self.cjk_dots and is_cjk(text[i - 1])))

    def key(self, form: str) -> str:
        """The match key of an alias form (folded first)."""
        return self.view(fold(form.strip())).keys
