"""Page furniture and spam: whole lines (menus, widgets, ads) and spam inserted inside sentences."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from checker.cleaning.data import LineRule, cleaning_data
from checker.cleaning.edits import Edit, line_spans

# Stripped from a line before it is compared with a rule's `exact` entries.
_LABEL_DECORATION = "[]【】()（）<>《》「」:：·•|/"
_SENTENCE_STOPS = tuple("。！？.!?…;；")


@dataclass(frozen=True)
class LineTest:
    """A line rule, compiled."""

    rule: LineRule
    regex: re.Pattern[str] | None
    exact: frozenset[str]
    words: tuple[str, ...]

    def matches(self, key: str) -> re.Match[str] | bool:
        """True (or the regex match) when the rule drops this stripped, lower-cased line."""
        if self.rule.max_length is not None and len(key) > self.rule.max_length:
            return False
        if self.regex is not None:
            return self.regex.search(key) or False
        if self.exact:
            return key.strip(_LABEL_DECORATION).strip() in self.exact
        return sum(1 for word in self.words if word in key) >= self.rule.min_hits


@cache
def line_tests() -> tuple[LineTest, ...]:
    """The line rules of the cleaning data, compiled."""
    return tuple(
        LineTest(rule, re.compile(rule.regex) if rule.regex else None,
                 frozenset(e.lower() for e in rule.exact), tuple(w.lower() for w in rule.words))
        for rule in cleaning_data().lines
    )


@cache
def inline_patterns() -> tuple[re.Pattern[str], ...]:
    """The inline spam patterns of the cleaning data, compiled (case-insensitive)."""
    return tuple(re.compile(rule.regex, re.IGNORECASE) for rule in cleaning_data().inline)


def line_verdict(key: str) -> tuple[LineTest | None, str | None]:
    """The first rule that drops a stripped, lower-cased line, and the byline name it captured."""
    for test in line_tests():
        found = test.matches(key)
        if found:
            named = found.groupdict().get("name") if isinstance(found, re.Match) else None
            return test, named
    return None, None


def furniture_lines(folded: str) -> list[tuple[int, int]]:
    """Spans of the lines to drop, judged on the folded text."""
    lines = [(span, folded[span[0]:span[1]].strip().lower()) for span in line_spans(folded)]
    spans = [span for span, key in lines if key]
    keys = [key for _, key in lines if key]
    verdicts = [line_verdict(key) for key in keys]
    names = {name.lower() for _, name in verdicts if name}
    dropped, pending, links, length = [], 0, 0, 0
    for span, key, (test, _) in zip(spans, keys, verdicts):
        linked = links > 0 and is_headline(key, length)
        if test is not None or pending or key in names or linked:
            dropped.append(span)
            pending = test.rule.drop_next if test is not None else max(pending - 1, 0)
        if test is not None:
            links, length = test.rule.drop_headlines, test.rule.headline_length
        else:
            links = links - 1 if linked else 0
    return dropped


def is_headline(key: str, length: int) -> bool:
    """A line that reads as a headline: short, with no sentence stop at its end."""
    return len(key) <= length and not key.endswith(_SENTENCE_STOPS)


def furniture_edits(folded: str) -> list[Edit]:
    """Edits that remove furniture lines (their line breaks stay) and inline spam."""
    edits = [Edit(start, end) for start, end in furniture_lines(folded)]
    for pattern in inline_patterns():
        edits.extend(Edit(*m.span()) for m in pattern.finditer(folded) if m.end() > m.start())
    return edits
