"""The five seed articles, cleaned by the clean stage: every quantity in them is a reviewed case in seeds.yaml."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from checker.clean import clean_article
from checker.load import load_articles
from checker.models import CleanArticle
from checker.quantities import extract_quantities
from checker.quantities.data import ExpectedQuantity
from tests.test_quantities import CASES

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
EXPECTED: dict[str, list[ExpectedQuantity]] = defaultdict(list)
for _, case in CASES:
    if case.source:
        EXPECTED[case.source].extend(case.expect)
FIELDS = ("value", "unit", "kind", "qualifier", "low", "high")


@pytest.fixture(scope="module")
def cleaned() -> dict[str, CleanArticle]:
    """The seed articles after the clean stage."""
    articles, warnings = load_articles([str(SEEDS)])
    return {article.name: clean_article(article) for article in articles}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_seed_quantity_is_a_reviewed_case(cleaned: dict[str, CleanArticle], name: str) -> None:
    found = extract_quantities(cleaned[name].text)
    reviewed = {e.text: e for e in EXPECTED[name]}
    unreviewed = [q.text for q in found if q.text not in reviewed]
    assert not unreviewed, f"{name}: quantities with no case in seeds.yaml: {unreviewed}"
    for quantity in found:
        expected = reviewed[quantity.text]
        for field in FIELDS:
            if field in expected.model_fields_set:
                assert getattr(quantity, field) == getattr(expected, field), f"{quantity.text}: {field}"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_reviewed_case_occurs_in_its_seed(cleaned: dict[str, CleanArticle], name: str) -> None:
    found = {q.text for q in extract_quantities(cleaned[name].text)}
    missing = [e.text for e in EXPECTED[name] if e.text not in found]
    assert not missing, f"{name}: cases not found in the cleaned article: {missing}"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_folded_text_reads_like_the_article_script(cleaned: dict[str, CleanArticle], name: str) -> None:
    clean = cleaned[name]
    as_written = [(q.start, q.end, q.value, q.unit, q.qualifier, q.low, q.high) for q in extract_quantities(clean.text)]
    folded = [(q.start, q.end, q.value, q.unit, q.qualifier, q.low, q.high) for q in extract_quantities(clean.folded)]
    assert folded == as_written
