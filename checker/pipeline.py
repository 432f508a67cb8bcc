"""The pipeline: load -> clean -> extract -> resolve -> compare, for a set of paths."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from checker.claims import ClaimExtractor
from checker.clean import clean_article
from checker.compare import group_claims
from checker.compare_revisions import is_previous
from checker.entities import Resolver, list_entities
from checker.load import load_articles
from checker.models import ArticleSummary, Claim, CleanArticle, Entity, Mention, Report
from checker.named.compare import group_named
from checker.named.extract import NamedExtractor
from checker.paths import BUNDLED_RULES_DIR
from checker.quantities import extract_quantities
from checker.rules import RuleBook, load_rules


@dataclass(frozen=True)
class Knowledge:
    """The rules and aliases of a run."""

    rules: RuleBook
    resolver: Resolver

    @classmethod
    def load(cls, extra_dirs: Sequence[str | Path] = ()) -> Knowledge:
        """Bundled rules/ plus user folders that add to them (raises DataFileError)."""
        dirs = [BUNDLED_RULES_DIR, *(Path(d) for d in extra_dirs)]
        return cls(rules=load_rules(dirs), resolver=Resolver.load(dirs))

    def speaks_for(self, canonical: str) -> str | None:
        """The organisation a person's acts stand for, if the aliases say so."""
        info = self.resolver.info(canonical)
        return getattr(info, "speaks_for", None) if info else None


@dataclass(frozen=True)
class Corpus:
    """Cleaned articles with their mentions and claims, plus load warnings."""

    cleans: tuple[CleanArticle, ...]
    mentions: dict[str, list[Mention]]
    claims: dict[str, list[Claim]]
    warnings: tuple[str, ...]
    rules: RuleBook | None = None  # the run's rules (named claims are judged by their rule's semantics)


def read_corpus(paths: Sequence[str], knowledge: Knowledge) -> Corpus:
    """Load, clean, resolve names and extract claims from every article under the paths."""
    articles, warnings = load_articles(paths)
    extractor = ClaimExtractor(knowledge.rules, knowledge.speaks_for)
    named = NamedExtractor(knowledge.rules, knowledge.speaks_for)
    cleans, mentions, claims = [], {}, {}
    for article in articles:
        clean = clean_article(article)
        found = knowledge.resolver.mentions(clean)
        cleans.append(clean)
        mentions[article.name] = found
        claims[article.name] = extractor.extract(clean, extract_quantities(clean.folded), found) + named.extract(clean, found)
    return Corpus(tuple(cleans), mentions, claims, tuple(warnings), knowledge.rules)


def build_report(corpus: Corpus) -> Report:
    """Compare every claim of the corpus and summarise it as a report."""
    every_claim = [c for clean in corpus.cleans for c in corpus.claims[clean.article.name]]
    groups = group_claims(every_claim) + group_named(every_claim, corpus.rules)
    summaries = tuple(
        ArticleSummary(article=c.article.name, path=c.article.path, language=c.language,
                       claims=sum(not is_previous(x) for x in corpus.claims[c.article.name]), warnings=c.article.warnings + c.warnings)
        for c in corpus.cleans
    )
    return Report(
        articles=summaries,
        conflicts=tuple(g for g in groups if g.severity != "agreement"),
        agreements=tuple(g for g in groups if g.severity == "agreement"),
        warnings=corpus.warnings,
    )


def corpus_entities(corpus: Corpus) -> list[Entity]:
    """Every entity named in the corpus with its surface forms."""
    return list_entities(list(corpus.cleans), corpus.mentions)


def claims_in_text(text: str, knowledge: Knowledge, article_date: str | None = None, name: str = "example.txt") -> list[Claim]:
    """Claims in one in-memory text (rule examples, tests), as if it were an article file."""
    import datetime as dt

    from checker.models import Article

    clean = clean_article(Article(path=name, name=name, text=text, encoding="utf-8"))
    if article_date:
        clean = clean.model_copy(update={"date": dt.date.fromisoformat(article_date)})
    found = knowledge.resolver.mentions(clean)
    numeric = ClaimExtractor(knowledge.rules, knowledge.speaks_for).extract(clean, extract_quantities(clean.folded), found)
    return numeric + NamedExtractor(knowledge.rules, knowledge.speaks_for).extract(clean, found)
