"""Entity resolution cost against the number of mentions: `python bench/resolve.py [--max 100]`.

Resolves k copies of the seed articles (k up to 100) with one resolver (one alias index built per
run), in two shapes: k × 5 separate articles, and 5 articles each made of k copies of one seed run
together (long texts). Prints mentions, seconds and microseconds per mention for each k; a cost that is
linear in the mentions keeps the last column flat. Cleaning is done before timing.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.clean import clean_article  # noqa: E402
from checker.entities import Resolver  # noqa: E402
from checker.load import load_articles  # noqa: E402
from checker.models import Article, CleanArticle  # noqa: E402
from checker.paths import BUNDLED_RULES_DIR  # noqa: E402


def copies(articles: list[Article], k: int) -> list[CleanArticle]:
    """k × the articles, each cleaned once and renamed."""
    cleans = [clean_article(a) for a in articles]
    return [c.model_copy(update={"article": c.article.model_copy(update={"name": f"{i}_{c.article.name}"})})
            for i in range(k) for c in cleans]


def long_texts(articles: list[Article], k: int) -> list[CleanArticle]:
    """One article per seed holding k copies of its text."""
    return [clean_article(a.model_copy(update={"text": "\n".join([a.text] * k)})) for a in articles]


def timed(resolver: Resolver, cleans: list[CleanArticle]) -> tuple[int, float]:
    """Mentions found and seconds taken to resolve every article."""
    start = time.perf_counter()
    found = sum(len(resolver.mentions(c)) for c in cleans)
    return found, time.perf_counter() - start


def main() -> int:
    """Print the cost table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max", type=int, default=100, help="largest number of copies (default 100)")
    args = parser.parse_args()
    articles, _ = load_articles([str(ROOT / "seeds")])
    start = time.perf_counter()
    resolver = Resolver.load([BUNDLED_RULES_DIR])
    print(f"alias index: {len(resolver.pack.full) + len(resolver.pack.short)} keys, "
          f"built in {time.perf_counter() - start:.3f} s (once per run)")
    sizes = [k for k in (1, 10, 25, 50, 100, 200, 500) if k <= args.max]
    for shape, make in (("articles", copies), ("long texts", long_texts)):
        print(f"\n{shape}: k × seeds   mentions   seconds   µs/mention")
        timed(resolver, make(articles, 1))  # warm caches (pinyin, OpenCC)
        for k in sizes:
            found, seconds = timed(resolver, make(articles, k))
            print(f"{k:>18}   {found:>8}   {seconds:>7.3f}   {seconds / max(found, 1) * 1e6:>10.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
