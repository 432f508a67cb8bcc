"""HTML left in scraped text: tags removed (block tags leave a line break), entities decoded."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache

from checker.cleaning.data import cleaning_data
from checker.cleaning.edits import Edit


@dataclass(frozen=True)
class HtmlPatterns:
    """The compiled patterns of the html section."""

    tag: re.Pattern[str]
    comment: re.Pattern[str]
    entity: re.Pattern[str]
    dropped: re.Pattern[str] | None
    drop_closer: re.Pattern[str]  # the closing tag of a dropped block ("</script >")
    names: frozenset[str]
    breaks: frozenset[str]
    soft: frozenset[str]
    stops: str  # characters that end a sentence (a soft break after one is a line break)


@cache
def html_patterns() -> HtmlPatterns:
    """Compile the html section of the cleaning data once."""
    data = cleaning_data().html
    names = "|".join(re.escape(n) for n in data.drop_content)
    dropped = re.compile(rf"<({names})\b[^<>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL) if names else None
    return HtmlPatterns(
        tag=re.compile(data.tag), comment=re.compile(data.comment, re.DOTALL), entity=re.compile(data.entity),
        dropped=dropped, drop_closer=re.compile(rf"</(?:{names or '(?!x)x'})\s*>", re.IGNORECASE), names=frozenset(n.lower() for n in data.tags),
        breaks=frozenset(n.lower() for n in data.break_tags),
        soft=frozenset(n.lower() for n in data.soft_break_tags),
        stops=cleaning_data().segmentation.sentence_ends + cleaning_data().segmentation.closers + ".:：;；",
    )


def html_edits(text: str) -> list[Edit]:
    """Edits that remove tags, comments and script blocks and decode entities."""
    if "<" not in text and "&" not in text:
        return []
    patterns = html_patterns()
    # an opening no closer follows cannot match: searching stops at the last closer (many unclosed "<!--" stay linear)
    edits = [Edit(*m.span()) for m in patterns.comment.finditer(text, 0, text.rfind("-->") + 3)]
    if patterns.dropped is not None:
        end = max((m.end() for m in patterns.drop_closer.finditer(text)), default=0)
        edits.extend(Edit(*m.span()) for m in patterns.dropped.finditer(text, 0, end))
    for match in patterns.tag.finditer(text):
        name = match.group("name").lower()
        if name in patterns.names:
            edits.append(Edit(match.start(), match.end(), _tag_text(patterns, name, text, match)))
    for match in patterns.entity.finditer(text):
        decoded = html.unescape(match.group())
        if decoded != match.group():
            edits.append(Edit(match.start(), match.end(), decoded))
    return edits


def _tag_text(patterns: HtmlPatterns, name: str, text: str, match: re.Match[str]) -> str:
    """What a tag leaves: a line break for a block tag, nothing for an inline one.

    A soft break (<br>) inside a sentence, between two words or figures, joins them: with nothing
    next to a CJK character, with a space between Latin ones.
    """
    if name not in patterns.breaks and name not in patterns.soft:
        return ""
    before, after = text[match.start() - 1:match.start()], text[match.end():match.end() + 1]
    if name in patterns.breaks or not (before.isalnum() or (before and before in ",，、")) or not after.isalnum():
        return "\n"
    return "" if not (before.isascii() and after.isascii()) else " "
