"""Scrape damage does not change what is claimed: clean articles (tests/data/scraped/) damaged on purpose.

Each damage keeps the article's lines (a line of the damaged file is the same line of the clean one),
so every claim must come out with the same rule, subject, value and unit, quote the damaged file's
characters at its span, and sit on the same line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pypinyin import Style, pinyin

from checker.clean import clean_article
from checker.load import line_of
from checker.models import Article, Claim
from checker.pipeline import claims_in_text, read_corpus
from tests.conftest import DATA

ARTICLES = sorted((DATA / "scraped").glob("*.txt"))
CJK = re.compile(r"[\u4e00-\u9fff]")
FIGURE = re.compile(r"(?<![#0-9A-Za-z.])\d+(?:\.\d+)?")
TONE_MARKS = set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ")
Damage = Callable[[str], str]


def _lines(damage: Callable[[str], str], which: Callable[[int, str], bool] = lambda i, line: True) -> Damage:
    """A damage applied to each line (line breaks kept) that `which` picks."""
    def damaged(text: str) -> str:
        lines = text.split("\n")
        return "\n".join(damage(line) if which(i, line) else line for i, line in enumerate(lines))
    return damaged


def _figure_lines(i: int, line: str) -> bool:
    """Lines that state a figure."""
    return bool(FIGURE.search(line))


def cp1252(line: str) -> str:
    """UTF-8 read as Windows-1252 (undefined bytes as their C1 control characters)."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in line.encode("utf-8"))


def gbk(line: str) -> str:
    """UTF-8 read as GB18030 (a byte cut off at the end becomes U+FFFD)."""
    return line.encode("utf-8").decode("gb18030", errors="replace")


def entities(line: str) -> str:
    """Spaces, signs and some CJK characters as HTML entities (named, decimal and hex)."""
    line = line.replace("&", "&amp;").replace(" ", "&nbsp;").replace("$", "&#36;").replace("%", "&#x25;")
    return re.sub(r"[亿億美]", lambda m: f"&#{ord(m.group())};" if m.group() != "美" else "&#x7f8e;", line)


def zero_width(line: str) -> str:
    """Zero-width spaces inside figures and between CJK characters, soft hyphens inside words."""
    line = FIGURE.sub(lambda m: m.group()[0] + "\u200b" + m.group()[1:], line)
    line = re.sub(r"(?<=[\u4e00-\u9fff])(?=[\u4e00-\u9fff])", "\u200b", line, count=3)
    return "\ufeff" + line.replace("billion", "bil\u00adlion")


def spaces(line: str) -> str:
    """Full-width indentation and no-break spaces."""
    return "\u3000\u3000" + line.replace(" ", "\u00a0")


def glosses(line: str) -> str:
    """A toned pinyin gloss after every CJK character that has one: 萬(wàn)."""
    def gloss(match: re.Match[str]) -> str:
        syllable = pinyin(match.group(), style=Style.TONE)[0][0]
        return match.group() + f"({syllable})" if TONE_MARKS & set(syllable) else match.group()
    return CJK.sub(gloss, line)


def html(text: str) -> str:
    """Each line a paragraph, the first a heading after style and script blocks, figures bold, a <br> inside a sentence."""
    lines = text.split("\n")
    head = "<html><head><style>p { margin: 0 }</style><script>var n = 1 < 2 && 3 > 2;</script></head><body>"
    out = [head + f"<h1>{lines[0]}</h1>"]
    for i, line in enumerate(lines[1:]):
        line = FIGURE.sub(lambda m: f"<b>{m.group()}</b>", line)
        out.append(f"<p class=\"body\">{line.replace('，', '，<br>', 1) if i == 0 else line}</p>" if line else line)
    return "\n".join(out) + "</body></html>"


def combined(text: str) -> str:
    """Glosses, zero-width characters, entities, HTML, one line read as Windows-1252, CRLF line ends."""
    text = _lines(glosses, _figure_lines)(text)
    text = _lines(zero_width, lambda i, line: i == 2)(text)
    text = html(_lines(entities, lambda i, line: i == 1)(text))
    text = _lines(cp1252, lambda i, line: i == 3)(text)
    return text.replace("\n", "\r\n")


DAMAGES: dict[str, Damage] = {
    "cp1252 line": _lines(cp1252, lambda i, line: i == 1),
    "cp1252 all": _lines(cp1252),
    "cp1252 twice": _lines(lambda line: cp1252(cp1252(line)), lambda i, line: i == 2),
    "gbk line": _lines(gbk, lambda i, line: i == 1),
    "gbk all": _lines(gbk),
    "entities": _lines(entities),
    "zero width": _lines(zero_width),
    "spaces": _lines(spaces),
    "crlf": lambda text: text.replace("\n", "\r\n"),
    "lone cr": lambda text: text.replace("\n", "\r"),
    "html": html,
    "glosses": _lines(glosses, _figure_lines),
    "combined": combined,
}
CASES = [(path, name) for path in ARTICLES for name in DAMAGES]


def _key(claim: Claim) -> tuple[str, str | None, str, str]:
    """What a claim says."""
    return claim.rule, claim.subject, str(claim.value), claim.unit


def _cleaned(text: str) -> str:
    """A quoted span as cleaning reads it."""
    return clean_article(Article(path="span", name="span", text=text, encoding="utf-8")).text.strip()


def _check(clean_claims: list[Claim], damaged_claims: list[Claim], damaged: str, gbk: bool = False) -> None:
    """Same claims, each quoting the damaged file at its span and line, a span that cleans to the clean quote.

    Read as GBK, the last byte of a figure's last character shares a damaged character with the next
    one, which the quote leaves out, so only the quote's start is compared; a qualifier cut off
    before the figure (约) may be lost.
    """
    assert sorted(map(_key, damaged_claims)) == sorted(map(_key, clean_claims))
    expected = {_key(c): (c.line, c.text) for c in clean_claims}
    for claim in damaged_claims:
        line, quote = expected[_key(claim)]
        assert claim.text == damaged[claim.start:claim.end]
        assert claim.line == line_of(damaged, claim.start) == line, claim
        cleaned = _cleaned(claim.text)
        assert cleaned == quote or (gbk and len(cleaned) > 1 and cleaned[:-1] in quote), claim


def test_the_clean_articles_make_claims(knowledge):
    for path in ARTICLES:
        assert len(claims_in_text(path.read_text(encoding="utf-8"), knowledge)) >= 4, path.name


@pytest.mark.parametrize("path,damage", CASES, ids=[f"{p.stem}:{d}" for p, d in CASES])
def test_damage_keeps_the_claims(path: Path, damage: str, knowledge):
    text = path.read_text(encoding="utf-8")
    damaged = DAMAGES[damage](text)
    _check(claims_in_text(text, knowledge), claims_in_text(damaged, knowledge), damaged, gbk=damage.startswith("gbk"))


@pytest.mark.parametrize("damage", ["cp1252 all", "crlf", "combined"])
def test_damaged_files_read_from_disk(damage: str, knowledge, tmp_path):
    for path in ARTICLES:
        (tmp_path / path.name).write_bytes(DAMAGES[damage](path.read_text(encoding="utf-8")).encode("utf-8"))
    corpus = read_corpus([str(tmp_path)], knowledge)
    assert [c.article.name for c in corpus.cleans] == [p.name for p in ARTICLES]
    for clean, path in zip(corpus.cleans, ARTICLES):
        clean_claims = claims_in_text(path.read_text(encoding="utf-8"), knowledge, name=path.name)
        _check(clean_claims, corpus.claims[path.name], clean.article.text)
