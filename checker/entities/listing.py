"""The corpus-wide list of entities with every surface form as written in the originals."""

from __future__ import annotations

from collections import defaultdict

from checker.entities.normalise import fold
from checker.models import CleanArticle, Entity, Mention


def original_span(clean: CleanArticle, mention: Mention) -> str:
    """A mention's text as written in the original article."""
    offsets = clean.offsets
    return clean.article.text[offsets[mention.start]:offsets[mention.end - 1] + 1]


UNRESOLVED = "unresolved"  # the kind listed for a person-like name that no alias file defines


def list_entities(cleans: list[CleanArticle], mentions: dict[str, list[Mention]]) -> list[Entity]:
    """One entity per resolved canonical, sorted; then the unresolved person-like names under their own form."""
    kinds: dict[str, str] = {}
    forms: dict[str, set[str]] = defaultdict(set)
    articles: dict[str, set[str]] = defaultdict(set)
    for clean in cleans:
        name = clean.article.name
        for mention in mentions.get(name, []):
            if mention.entity is None and mention.kind != "person":
                continue
            written = original_span(clean, mention)
            group = mention.entity or "\0" + fold(mention.text)
            kinds[group] = mention.kind if mention.entity else UNRESOLVED
            forms[group].add(written)
            articles[group].add(name)
    entities = []
    for group, kind in kinds.items():
        canonical = group if not group.startswith("\0") else min(forms[group])
        entities.append(Entity(canonical=canonical, kind=kind, forms=tuple(sorted(forms[group])),
                               articles=tuple(sorted(articles[group]))))
    return sorted(entities, key=lambda e: (e.kind == UNRESOLVED, e.canonical, e.kind))
