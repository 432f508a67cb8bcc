"""Folding zh-Hant to zh-Hans character for character (same length), and telling the language."""

from __future__ import annotations

import operator
import re
from functools import cache

import opencc

from checker.cleaning.data import cleaning_data

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")


@cache
def _t2s() -> opencc.OpenCC:
    """The OpenCC traditional-to-simplified converter."""
    return opencc.OpenCC("t2s.json")


@cache
def _fold_char(char: str) -> str:
    """One character folded on its own (itself if OpenCC would not give one character)."""
    folded = _t2s().convert(char)
    return folded if len(folded) == 1 else char


def fold_to_hans(text: str) -> str:
    """The text folded to zh-Hans, same length as the text.

    OpenCC phrase conversion, except on lines whose length it would change: those are folded
    character by character.
    """
    whole = _t2s().convert(text)
    if whole == text:
        return text
    lines, folded = text.split("\n"), whole.split("\n")
    if len(folded) != len(lines):
        folded = [_t2s().convert(line) for line in lines]
    return "\n".join(f if len(f) == len(line) else _fold_chars(line) for line, f in zip(lines, folded))


def _fold_chars(text: str) -> str:
    """The text folded one character at a time."""
    return "".join(map(_fold_char, text))


def detect_language(text: str, folded: str) -> str:
    """ "zh-Hans", "zh-Hant" or "en", by the share of CJK characters and how many t2s changes."""
    settings = cleaning_data().language
    cjk = len(_CJK.findall(text))
    latin = len(_LATIN_LETTER.findall(text))
    if cjk == 0 or cjk / (cjk + latin) < settings.cjk_share:
        return "en"
    changed = sum(map(operator.ne, text, folded))  # t2s changes only CJK characters
    return "zh-Hant" if changed / cjk >= settings.hant_share else "zh-Hans"
