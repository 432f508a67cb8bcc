"""AI-infrastructure sentences with the complete list of claims they yield (tests/data/infrastructure/sentences.yaml),
and the places and facilities packs: every entry named in Chinese and in Latin letters, no one-character form."""

from __future__ import annotations

from decimal import Decimal

import pytest

from checker.entities import load_aliases
from checker.entities.normalise import is_cjk
from checker.paths import BUNDLED_RULES_DIR
from checker.pipeline import claims_in_text
from tests.conftest import yaml_cases

CASES = yaml_cases("infrastructure/sentences.yaml")
FIELDS = ("subject", "object", "period", "attribute")
PACK = load_aliases([BUNDLED_RULES_DIR])
ENTRIES = [r for r in PACK.entities.values() if r.kind in ("place", "facility")]


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:30] for c in CASES])
def test_sentence_yields_exactly_these_claims(case, knowledge):
    claims = [c for c in claims_in_text(case["text"], knowledge, case.get("date")) if c.unit not in ("entity", "date")]
    assert sorted((c.rule, c.value) for c in claims) == sorted((e["rule"], Decimal(str(e["value"]))) for e in case["claims"])
    for want in case["claims"]:
        claim = next(c for c in claims if (c.rule, c.value) == (want["rule"], Decimal(str(want["value"]))))
        for field in FIELDS:
            if field in want:
                assert getattr(claim, field) == want[field], (field, claim)


def test_packs_are_large_enough():
    """The places pack covers the news' countries, states and cities; facilities its AI sites."""
    kinds = [r.kind for r in ENTRIES]
    assert kinds.count("place") >= 120 and kinds.count("facility") >= 10


@pytest.mark.parametrize("record", ENTRIES, ids=lambda r: r.canonical)
def test_entry_has_chinese_and_latin_names(record):
    """Each place and facility is named in Chinese and in Latin letters."""
    names = record.forms + record.short
    assert any(any(is_cjk(c) for c in n) for n in names), record.canonical
    assert any(n.isascii() for n in names), record.canonical


@pytest.mark.parametrize("record", ENTRIES, ids=lambda r: r.canonical)
def test_no_one_character_full_form(record):
    """One-character abbreviations (美, 中, 港, 台) are common words: never a full form."""
    assert all(len(form) > 1 for form in record.forms), record.canonical
