"""Clean stage: HTML, mojibake, pinyin glosses and page furniture out, a map back to every original offset."""

from __future__ import annotations

from checker.cleaning.dates import find_date
from checker.cleaning.edits import MappedText
from checker.cleaning.fold import detect_language, fold_to_hans
from checker.cleaning.furniture import furniture_edits
from checker.cleaning.glosses import gloss_edits
from checker.cleaning.html import html_edits, html_patterns
from checker.cleaning.invisible import invisible_edits
from checker.cleaning.mojibake import repair_mojibake
from checker.cleaning.unreadable import unreadable_spans
from checker.load import LINE_BREAK, line_of
from checker.models import Article, CleanArticle


def clean_article(article: Article) -> CleanArticle:
    """The article cleaned (in its own script), folded to zh-Hans, with its language and date."""
    unmarked = MappedText.of(article.text).apply(html_edits(article.text))
    mapped, repaired = repair_mojibake(unmarked)
    mapped = mapped.apply(invisible_edits(mapped.text))
    mapped = mapped.apply(gloss_edits(mapped.text))
    folded = fold_to_hans(mapped.text)
    date = find_date(folded)
    mapped = mapped.apply(furniture_edits(folded))
    folded = fold_to_hans(mapped.text)
    return CleanArticle(
        article=article, text=mapped.text, folded=folded, offsets=mapped.offsets,
        language=detect_language(mapped.text, folded), date=date,
        warnings=_warnings(article, repaired, [mapped.offsets[s] for s, _ in unreadable_spans(mapped.text)]),
    )


def original_span(clean: CleanArticle, start: int, end: int) -> tuple[int, int]:
    """The span of the original that a span of the cleaned text stands for.

    Text removed inside the span is included: "1000萬美元" quotes as "1000萬(wàn)美元".
    """
    if end <= start:
        return clean.offsets[start], clean.offsets[start]
    return clean.offsets[start], _source_end(clean, end - 1)


def original_text(clean: CleanArticle, start: int, end: int) -> str:
    """The original text a span of the cleaned text stands for."""
    first, last = original_span(clean, start, end)
    return clean.article.text[first:last]


def _source_end(clean: CleanArticle, index: int) -> int:
    """Where the source of one cleaned character ends in the original.

    A kept character ends at the next one; an entity at its ";"; a replaced stretch (repaired
    bytes, a tag's line break) at the next kept character or line break.
    """
    original, offset = clean.article.text, clean.offsets[index]
    following = clean.offsets[index + 1]
    if original[offset:offset + 1] == clean.text[index]:
        entity = html_patterns().entity.match(original, offset) if clean.text[index] == "&" else None
        return entity.end() if entity and following >= entity.end() else offset + 1
    line_break = LINE_BREAK.search(original, offset)
    limit = line_break.start() if line_break else len(original)
    return max(offset + 1, min(following, limit))


def _warnings(article: Article, repaired: list[int], unreadable: list[int]) -> tuple[str, ...]:
    """One warning per line where mojibake was repaired, and per line with unreadable text (offsets into the original)."""
    found = {(line_of(article.text, offset), "repaired mojibake") for offset in repaired}
    found |= {(line_of(article.text, offset), "unreadable text left as is") for offset in unreadable}
    return tuple(f"line {line}: {what}" for line, what in sorted(found))
