"""Named claims: dates at their precision, role and event-date claims on the seeds and on a made-up corpus."""

from __future__ import annotations

import pytest
import yaml

from checker.named.dates import date_data, find_dates, parse_iso
from checker.pipeline import Knowledge, build_report, read_corpus
from tests.conftest import DATA, ROOT, yaml_cases

NAMED = DATA / "named"
SEEDS = yaml.safe_load((NAMED / "seeds.yaml").read_text(encoding="utf-8"))
EXPECT = yaml.safe_load((NAMED / "expect.yaml").read_text(encoding="utf-8"))
DATE_EXAMPLES = date_data().examples


@pytest.mark.parametrize("example", DATE_EXAMPLES, ids=[e.text[:30] for e in DATE_EXAMPLES])
def test_date_examples(example):
    text = example.text.lower()
    found = find_dates(text, example.article)
    assert (found[0].value.iso if found else None) == example.date
    if example.span:
        assert text[found[0].start:found[0].end] == example.span


@pytest.mark.parametrize("case", yaml_cases("named/dates.yaml"), ids=lambda c: f"{c['a']}~{c['b']}")
def test_dates_fit_when_they_share_a_day(case):
    a, b = parse_iso(case["a"]), parse_iso(case["b"])
    assert a.iso == case["a"] and b.iso == case["b"]
    assert a.fits(b) is case["fits"] and b.fits(a) is case["fits"]


@pytest.fixture(scope="module")
def seeds(knowledge):
    """The seeds' corpus and report."""
    corpus = read_corpus([str(ROOT / "seeds")], knowledge)
    return corpus, build_report(corpus)


def _named(corpus) -> list:
    return [c for claims in corpus.claims.values() for c in claims if isinstance(c.value, str)]


def _described(claim) -> dict:
    return {"article": claim.article[:3], "line": claim.line, "rule": claim.rule, "subject": claim.subject,
            "value": claim.value, "text": claim.text, "modifiers": list(claim.modifiers), "object": claim.object}


@pytest.mark.parametrize("want", SEEDS["roles"] + SEEDS["dates"], ids=lambda w: f"{w['article']}:{w['line']} {w['rule']}")
def test_seed_named_claim_with_its_span(seeds, want):
    got = [_described(c) for c in _named(seeds[0])]
    expected = {"modifiers": [], "object": None, **want}
    assert expected in got, f"missing {expected}"


def test_seeds_hold_at_least_ten_role_claims(seeds):
    roles = [c for c in _named(seeds[0]) if c.unit == "entity" and c.kind == "person"]
    assert len(SEEDS["roles"]) >= 10 and len(roles) >= len(SEEDS["roles"])


def test_seed_agreements_and_no_named_conflict(seeds):
    report = seeds[1]
    agreed = {(g.rule, g.subject): sorted({c.article[:3] for c in g.claims}) for g in report.agreements}
    for want in SEEDS["agreements"]:
        assert agreed.get((want["rule"], want["subject"])) == want["articles"], want
    named_conflicts = [g for g in report.conflicts if isinstance(g.claims[0].value, str)]
    assert named_conflicts == []


def test_msl_dates_agree_at_the_day(seeds):
    group = next(g for g in seeds[1].agreements if (g.rule, g.subject) == ("announced-on", "Meta Superintelligence Labs"))
    assert {c.value for c in group.claims} == {"--06-30", "2025-06-30"} and set(group.sides) == {"a"}


@pytest.fixture(scope="module")
def made_up():
    """The made-up corpus, with its own aliases."""
    knowledge = Knowledge.load([NAMED / "rules"])
    return build_report(read_corpus([str(NAMED / "corpus")], knowledge))


@pytest.mark.parametrize("want", EXPECT["groups"], ids=lambda w: f"{w['rule']} {w['subject']}")
def test_made_up_corpus_is_judged_right(made_up, want):
    groups = [g for g in (*made_up.conflicts, *made_up.agreements) if (g.rule, g.subject) == (want["rule"], want["subject"])]
    found = [(g.severity, [sorted({str(c.value) for c, s in zip(g.claims, g.sides) if s == side})
                           for side in dict.fromkeys(g.sides)]) for g in groups]
    assert (want["severity"], want["sides"]) in found, f"{want['why']}: got {found}"


@pytest.mark.parametrize("want", EXPECT["absent"], ids=lambda w: f"{w['rule']} {w['subject']}")
def test_made_up_corpus_has_no_false_conflict(made_up, want):
    assert not [g for g in made_up.conflicts if (g.rule, g.subject) == (want["rule"], want["subject"])], want["why"]


def test_named_fingerprints_are_stable_when_articles_are_added():
    """A group's fingerprint depends on its fact and articles, not on other articles of the corpus."""
    knowledge = Knowledge.load([NAMED / "rules"])
    corpus = NAMED / "corpus"
    alone = build_report(read_corpus([str(corpus / "a1_acme_zh.txt"), str(corpus / "a2_acme_en.txt")], knowledge))
    every = build_report(read_corpus([str(corpus)], knowledge))
    key = ("chief-executive", "Acme Robotics")
    assert {g.fingerprint for g in alone.conflicts if (g.rule, g.subject) == key} == \
        {g.fingerprint for g in every.conflicts if (g.rule, g.subject) == key}
