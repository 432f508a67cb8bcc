"""Alias suggestions as YAML ready to paste into an alias file, or as JSON."""

from __future__ import annotations

import json

import yaml

from checker.entities.suggest import Suggestion

HEADER = """\
# Alias suggestions from {articles} article(s), confidence {floor:.2f} or more, most confident first.
# Check each entry against its evidence, then paste it under `entities:` in an alias file
# (rules/aliases/*.yaml, or a folder of yours given with --rules). An entry whose canonical is
# already in the alias files lists only the forms they lack; a later folder adds them to it.
"""


def _entry(suggestion: Suggestion) -> str:
    """One entity entry, indented under `entities:`."""
    body = {"canonical": suggestion.canonical, "kind": suggestion.kind, "forms": list(suggestion.forms)}
    text = yaml.safe_dump([body], allow_unicode=True, sort_keys=False, default_flow_style=None, width=1000)
    return "".join(f"  {line}\n" for line in text.splitlines())


def _comments(suggestion: Suggestion) -> str:
    """The confidence and the evidence as comment lines."""
    known = "; adds forms to an entity the alias files define" if suggestion.known else ""
    lines = [f"  # confidence {suggestion.confidence:.2f}{known}"]
    for e in suggestion.evidence:
        span = " ".join(e.span.split())
        lines.append(f"  #   {e.article}:{e.line}  {span}  -- {e.how}")
    return "\n".join(lines) + "\n"


def render_yaml(suggestions: list[Suggestion], articles: int, floor: float) -> str:
    """The suggestions as an alias file whose comments give the evidence."""
    if not suggestions:
        return HEADER.format(articles=articles, floor=floor) + "entities: []\n"
    parts = [HEADER.format(articles=articles, floor=floor), "entities:\n"]
    for s in suggestions:
        parts += [_comments(s), _entry(s)]
    return "".join(parts)


def render_json(suggestions: list[Suggestion], articles: int, floor: float) -> str:
    """The suggestions with their evidence as JSON."""
    data = {"articles": articles, "min_confidence": floor, "suggestions": [s.model_dump(mode="json") for s in suggestions]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
