"""Load stage: every file under the given paths, decoded, with a warning for whatever cannot be read."""

from __future__ import annotations

import codecs
import os
import re
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from charset_normalizer import from_bytes

from checker.models import Article

LINE_BREAK = re.compile(r"\r\n|\r|\n")
# The only legacy encodings considered when a file is not UTF-8 or UTF-16.
LEGACY_ENCODINGS = ("gb18030", "big5")
# Lead bytes of the common characters of each: GB2312 level 1 (B0-D7), Big5 frequent characters (A4-C6).
_COMMON_LEADS = {"gb18030": range(0xB0, 0xD8), "big5": range(0xA4, 0xC7)}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Control characters that do not occur in text files (tab, line breaks, form feed and escape do).
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")  # C1 controls are mojibake (cleaning repairs them)
_MAX_CONTROL_SHARE = 0.01
# Files found in a folder that are data or code, not articles (a corpus's expected.yaml, a baseline .json): skipped with a
# warning. Named on the command line, they are read.
NOT_ARTICLES = frozenset({".yaml", ".yml", ".json", ".jsonl", ".csv", ".tsv", ".toml", ".ini", ".cfg", ".py", ".sarif",
                          ".lock", ".log"})


class UndecodableError(ValueError):
    """A file's bytes are not text in any encoding checker reads."""


def line_of(text: str, offset: int) -> int:
    """The 1-based line of an offset in a text (line breaks \\n, \\r\\n or \\r)."""
    return bisect_right(_line_starts(text), max(0, offset))


@lru_cache(maxsize=8)
def _line_starts(text: str) -> tuple[int, ...]:
    """The offsets where the lines of a text start (computed once per text: long articles stay linear)."""
    return (0, *(match.end() for match in LINE_BREAK.finditer(text)))


def load_articles(paths: Sequence[str]) -> tuple[list[Article], list[str]]:
    """Every file under the paths as an Article, sorted by (name, path), and the warnings."""
    warnings: list[str] = []
    seen: dict[str, str] = {}
    for given in paths:
        if not os.path.exists(given):
            warnings.append(f"{given}: no such file or directory")
            continue
        for path in _files_under(given, warnings):
            seen.setdefault(os.path.realpath(path), path)  # a link to a file read already is that file
    articles = []
    for path in seen.values():
        article = read_article(path, warnings)
        if article is not None:
            articles.append(article)
    articles.sort(key=lambda a: (a.name, a.path))
    warnings.extend(_duplicate_names(articles))
    return articles, warnings


def read_article(path: str, warnings: list[str]) -> Article | None:
    """One file as an Article, or None with a warning when it cannot be read or decoded."""
    if not os.path.isfile(path):
        warnings.append(f"{path}: skipped, not a regular file (a pipe, a device or a broken link)")
        return None
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        warnings.append(f"{path}: cannot be read ({err.strerror or err})")
        return None
    try:
        text, encoding = decode_bytes(data)
    except UndecodableError as err:
        warnings.append(f"{path}: skipped, {err}")
        return None
    return Article(path=path, name=os.path.basename(path), text=text, encoding=encoding)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode UTF-8 (BOM allowed), UTF-16 (BOM or NUL pattern), GB18030 or Big5; raise if none fits."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(_strict(data, encoding), encoding)
    if b"\x00" in data:
        encoding = _utf16_by_nuls(data)
        if encoding is None:
            raise UndecodableError("binary file (NUL bytes)")
        return _checked(_strict(data, encoding), encoding)
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    decoded = {}
    for encoding in LEGACY_ENCODINGS:
        try:
            decoded[encoding] = data.decode(encoding)
        except UnicodeDecodeError:
            continue
    if decoded:  # the strict decoding whose characters are the most common ones of its own standard
        encoding = max(decoded, key=lambda e: (_common_share(decoded[e], e), e == LEGACY_ENCODINGS[0]))
        return _checked(decoded[encoding], encoding)
    best = from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)).best()
    if best is None:
        raise UndecodableError("not UTF-8, UTF-16, GB18030 or Big5 text")
    return _checked(str(best), best.encoding)


def _common_share(text: str, encoding: str) -> float:
    """The share of a decoded text's non-ASCII characters that are its standard's common ones (GB2312 level 1, Big5
    frequent characters): a wrong decoding of CJK bytes lands on rare ones."""
    lead_bytes = _COMMON_LEADS[encoding]
    wide = [c for c in text if ord(c) > 0x7F]
    if not wide:
        return 0.0
    common = 0
    for char in wide:
        try:
            common += char.encode(encoding)[0] in lead_bytes
        except UnicodeEncodeError:
            continue
    return common / len(wide)


def _strict(data: bytes, encoding: str) -> str:
    """Decode strictly, turning a failure into UndecodableError."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise UndecodableError(f"invalid {encoding} at byte {err.start}") from None


def _utf16_by_nuls(data: bytes) -> str | None:
    """UTF-16 LE or BE when NUL bytes fall on one side of the byte pairs, as in mostly-ASCII text."""
    head = data[:4096]
    pairs = len(head) // 2
    if len(data) % 2 or pairs == 0:
        return None
    even = head[0::2].count(0) / pairs
    odd = head[1::2].count(0) / pairs
    if odd >= 0.3 and even <= 0.05:
        return "utf-16-le"
    if even >= 0.3 and odd <= 0.05:
        return "utf-16-be"
    return None


def _checked(text: str, encoding: str) -> tuple[str, str]:
    """Refuse decoded text that is mostly control characters (a binary file that happened to decode)."""
    if text:
        controls = len(_CONTROLS.findall(text))
        if "\x00" in text or controls / len(text) > _MAX_CONTROL_SHARE:
            raise UndecodableError("binary file (control characters)")
    return text, encoding


def _files_under(given: str, warnings: list[str]) -> list[str]:
    """The given file, or every non-hidden file under the given folder (sorted) but data and code files (warned)."""
    if not os.path.isdir(given):
        return [given]
    found = []

    def report(err: OSError) -> None:
        warnings.append(f"{err.filename}: cannot be listed ({err.strerror})")

    for folder, dirs, files in os.walk(given, onerror=report):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(f for f in files if not f.startswith(".")):
            path = os.path.join(folder, name)
            if os.path.splitext(name)[1].lower() in NOT_ARTICLES:
                warnings.append(f"{path}: skipped, a {os.path.splitext(name)[1].lower()} file is no article "
                                "(name it on the command line to read it)")
            else:
                found.append(path)
    return found


def _duplicate_names(articles: list[Article]) -> list[str]:
    """A warning for each base name shared by several files (articles are named by base name)."""
    paths: dict[str, list[str]] = {}
    for article in articles:
        paths.setdefault(article.name, []).append(article.path)
    return [f"{name}: several files share this name ({', '.join(found)})"
            for name, found in paths.items() if len(found) > 1]
