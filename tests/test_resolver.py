"""The entity resolver on data-driven cases, on every entry of the bundled alias pack, and on the seeds."""

from __future__ import annotations

import re
from pathlib import Path

import opencc
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ConfigDict, Field

from checker.datafiles import load_model
from checker.entities import NO_ALIAS, Resolver, list_entities, load_aliases
from checker.entities.normalise import Keyer, fold, is_cjk
from checker.entities.settings import load_settings
from checker.entities.variants import title_shorts
from checker.models import Article, CleanArticle, Mention
from checker.paths import BUNDLED_RULES_DIR, PROJECT_DIR

DATA = Path(__file__).resolve().parent / "data" / "aliases"
SEEDS = PROJECT_DIR / "seeds"
PACK = load_aliases([BUNDLED_RULES_DIR])
_T2S = opencc.OpenCC("t2s.json")


class MentionCase(BaseModel):
    """One text with the entities its surface forms must (mentions) or must not (not) resolve to."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    text: str
    lang: str = ""
    why: str = ""
    mentions: dict[str, str | None] = Field(default_factory=dict)
    not_: dict[str, str] = Field(default_factory=dict, alias="not")


class CaseFile(BaseModel):
    """A file of mention cases."""

    cases: list[MentionCase]


class SeedGroup(BaseModel):
    """Forms that must share one entity on the seeds, and forms that must stay out of it."""

    canonical: str
    forms: list[str]
    not_: list[str] = Field(default_factory=list, alias="not")


class SeedGroups(BaseModel):
    """The seed alias groups."""

    groups: list[SeedGroup]


def naive_clean(text: str, name: str = "case.txt", original: str | None = None) -> CleanArticle:
    """A CleanArticle made by hand: folded per character when whole-text folding changes the length."""
    folded = _T2S.convert(text)
    if len(folded) != len(text):
        folded = "".join(f if len(f := _T2S.convert(c)) == 1 else c for c in text)
    article = Article(path=name, name=name, text=original if original is not None else text, encoding="utf-8")
    return CleanArticle(article=article, text=text, folded=folded, offsets=tuple(range(len(text) + 1)),
                        language="zh-Hans")


def spans_of(text: str, surface: str) -> list[tuple[int, int]]:
    """Every occurrence of a surface form."""
    spans = [(m.start(), m.end()) for m in re.finditer(re.escape(surface), text)]
    assert spans, f"{surface!r} does not occur in {text!r}"
    return spans


def inside(mention: Mention, spans: list[tuple[int, int]]) -> bool:
    """True when a mention lies within one of the spans."""
    return any(start <= mention.start and mention.end <= end for start, end in spans)


def check(mentions: list[Mention], text: str, expected: dict[str, str | None], forbidden: dict[str, str]) -> None:
    """Assert the expected resolutions and the forbidden ones."""
    for surface, canonical in expected.items():
        spans = spans_of(text, surface)
        if canonical is None:
            wrong = [m for m in mentions if m.entity and inside(m, spans)]
            assert not wrong, f"{surface!r} should resolve to nothing, got {wrong}"
            continue
        same = [m for m in mentions if m.text == surface]
        assert same, f"{surface!r} is not a mention in {text!r}: {mentions}"
        assert all(m.entity == canonical for m in same), f"{surface!r} should be {canonical}: {same}"
    for surface, canonical in forbidden.items():
        wrong = [m for m in mentions if m.entity == canonical and inside(m, spans_of(text, surface))]
        assert not wrong, f"{surface!r} must not join {canonical}: {wrong}"


def load_cases(name: str) -> list[MentionCase]:
    """Cases from a YAML file under tests/data/aliases."""
    return load_model(DATA / name, CaseFile).cases


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    """The bundled aliases."""
    return Resolver.load([BUNDLED_RULES_DIR])


def test_case_tables_are_big_enough():
    """At least 60 mention cases across the three scripts and 15 must-not-merge cases."""
    cases = load_cases("cases.yaml")
    assert sum(len(c.mentions) for c in cases) >= 60
    assert {c.lang for c in cases} == {"zh-Hans", "zh-Hant", "en"}
    assert len(load_cases("not_merge.yaml")) >= 15


def test_variant_table_covers_the_three_scripts():
    """Other writers' variants: at least 100 forms, in zh-Hans, zh-Hant and English."""
    cases = load_cases("variants.yaml")
    assert sum(len(c.mentions) for c in cases) >= 100
    assert {c.lang for c in cases} == {"zh-Hans", "zh-Hant", "en"}


@pytest.mark.parametrize("case", load_cases("cases.yaml") + load_cases("not_merge.yaml") + load_cases("variants.yaml"),
                         ids=lambda c: c.text[:30])
def test_mention_cases(resolver, case):
    """Each case's forms resolve as listed and never as forbidden."""
    check(resolver.mentions(naive_clean(case.text)), case.text, case.mentions, case.not_)


@pytest.mark.parametrize("example", PACK.examples, ids=lambda e: e.where.rsplit("/", 1)[-1])
def test_alias_file_examples(resolver, example):
    """The examples written in the alias files hold."""
    check(resolver.mentions(naive_clean(example.text)), example.text, example.mentions, {})


def _sentence(form: str, cjk: str, latin: str) -> str:
    """A neutral sentence around a form, in the form's script."""
    return cjk.format(form) if any(is_cjk(c) for c in form) else latin.format(form)


FULL_FORMS = [(r.canonical, f) for r in PACK.entities.values() for f in r.forms]
SHORT_FORMS = [(r.canonical, f) for r in PACK.entities.values() for f in r.short]
CONTEXTS = [(r.canonical, f, r.context[0]) for r in PACK.entities.values() for f in r.short if r.context]


@pytest.mark.parametrize(("canonical", "form"), FULL_FORMS, ids=[f"{c}:{f}" for c, f in FULL_FORMS])
def test_every_full_form_resolves(resolver, canonical, form):
    """Every full form of the pack names its entity on its own."""
    text = _sentence(form, "据报道，{}周二发言。", "Reports say {} spoke on Tuesday.")
    mentions = resolver.mentions(naive_clean(text))
    assert [m.entity for m in mentions if m.text == form] == [canonical], mentions


@pytest.mark.parametrize(("canonical", "form"), SHORT_FORMS, ids=[f"{c}:{f}" for c, f in SHORT_FORMS])
def test_every_short_form_needs_a_full_name(resolver, canonical, form):
    """A short form alone stays unresolved; after the full name it resolves."""
    alone = _sentence(form, "{}表示，情况良好。", "{} said it was fine.")
    assert all(m.entity is None for m in resolver.mentions(naive_clean(alone)) if m.text == form)
    text = f"{canonical} spoke on Tuesday. {alone}"
    mentions = resolver.mentions(naive_clean(text))
    assert [m.entity for m in mentions if m.text == form] == [canonical], mentions


@pytest.mark.parametrize(("canonical", "form", "context"), CONTEXTS, ids=[f"{c}:{f}" for c, f, _ in CONTEXTS])
def test_every_short_form_resolves_with_context(resolver, canonical, form, context):
    """A context word of the entry in the same sentence resolves the short form."""
    text = _sentence(form, context + "：{}表示，情况良好。", context + ": {} said it was fine.")
    mentions = resolver.mentions(naive_clean(text))
    assert [m.entity for m in mentions if m.text == form] == [canonical], mentions


DERIVED = title_shorts(PACK, Keyer(load_settings()), load_settings())


def _related(phrase: str) -> list[str]:
    """Entities with a form, short form or surname-plus-title short form inside a not-name phrase."""
    key = fold(phrase).lower()
    named = [r.canonical for r in PACK.entities.values() if any(fold(f).lower() in key for f in r.forms + r.short)]
    return sorted(set(named).union(*(names for short, names in DERIVED.items() if short in key)))


NOT_NAMES = sorted(set(PACK.not_names))


@pytest.mark.parametrize("phrase", NOT_NAMES)
def test_not_names_never_resolve(resolver, phrase):
    """A not-name phrase resolves to nothing, even right after the entities it resembles are named."""
    related = _related(phrase)
    assert related, f"{phrase!r} contains no form of any entity"
    text = "".join(f"{c} spoke. " for c in related) + _sentence(phrase, "{}。", "{}.")
    check(resolver.mentions(naive_clean(text)), text, {phrase: None}, {})


def test_unknown_person_names_are_kept_unresolved(resolver):
    """"·"-joined and Firstname-Lastname names not in the pack come back as unresolved people."""
    text = "Meta的AI研究负责人朱莉·皮诺(Joelle Pineau)离职,分析师安吉洛·齐诺表示担忧。"
    unknown = {m.text: m for m in resolver.mentions(naive_clean(text)) if m.entity is None}
    assert set(unknown) == {"朱莉·皮诺", "Joelle Pineau", "安吉洛·齐诺"}
    assert {(m.kind, m.why) for m in unknown.values()} == {("person", NO_ALIAS)}


NOT_NAMES = yaml.safe_load((DATA / "not_names.yaml").read_text(encoding="utf-8"))["texts"]


@pytest.mark.parametrize("text", NOT_NAMES, ids=[t.split("\n")[0][:30] for t in NOT_NAMES])
def test_headline_words_are_no_unresolved_person(resolver, text):
    """Title Case headline words ("Gigawatts Are", "New Benchmark") are no person's name."""
    assert [m.text for m in resolver.mentions(naive_clean(text)) if m.entity is None] == []


def test_ambiguous_short_form_says_why(resolver):
    """A short form that fits two named entities is left unresolved with both names in `why`."""
    text = "Mark Zuckerberg and Mark Chen met. Mark said nothing."
    mark = [m for m in resolver.mentions(naive_clean(text)) if m.text == "Mark"]
    assert len(mark) == 1 and mark[0].entity is None and "Mark Chen, Mark Zuckerberg" in mark[0].why


def test_info(resolver):
    """Kind and speaks_for of a canonical; None for a name no alias file defines."""
    assert (resolver.info("Tim Cook").kind, resolver.info("Tim Cook").speaks_for) == ("person", "Apple")
    assert resolver.info("Meta").speaks_for is None
    assert resolver.info("Nobody Inc") is None


def test_list_entities_takes_forms_from_the_original(resolver):
    """Forms are the original spans (via offsets), merged across articles, sorted; unresolved people kept, last."""
    text = "的CEO扎克伯格说,朱莉·皮诺离职。王表示。"
    first = naive_clean("Meta" + text, "b.txt", original="Ｍｅｔａ" + text)
    second = naive_clean("Meta執行長祖克柏(Mark Zuckerberg)宣佈。", "a.txt")
    cleans = [first, second]
    entities = list_entities(cleans, {c.article.name: resolver.mentions(c) for c in cleans})
    by_name = {e.canonical: e for e in entities}
    assert [e.canonical for e in entities] == sorted(by_name)
    assert by_name["Meta"].forms == ("Meta", "Ｍｅｔａ") and by_name["Meta"].articles == ("a.txt", "b.txt")
    assert by_name["Mark Zuckerberg"].forms == ("Mark Zuckerberg", "扎克伯格", "祖克柏")
    assert by_name["朱莉·皮诺"].kind == "unresolved" and "王" not in by_name
    assert [e.kind == "unresolved" for e in entities] == sorted(e.kind == "unresolved" for e in entities)


def _seed_entities(resolver: Resolver) -> list:
    """Entities of the five seeds, cleaned naively."""
    cleans = [naive_clean(p.read_text(encoding="utf-8"), p.name) for p in sorted(SEEDS.glob("*.txt"))]
    return list_entities(cleans, {c.article.name: resolver.mentions(c) for c in cleans})


@pytest.fixture(scope="module")
def seed_owner(resolver) -> dict[str, set[int]]:
    """Which listed entities hold each surface form on the seeds."""
    owner: dict[str, set[int]] = {}
    for n, entity in enumerate(_seed_entities(resolver)):
        for form in entity.forms:
            owner.setdefault(form, set()).add(n)
    return owner


@pytest.mark.parametrize("group", load_model(DATA / "seeds.yaml", SeedGroups).groups, ids=lambda g: g.canonical)
def test_seed_alias_groups(seed_owner, group):
    """On the seeds each group's forms share one entity, which none of its `not` forms joins."""
    homes = [seed_owner.get(form, set()) for form in group.forms]
    shared = set.intersection(*homes)
    assert shared, {f: sorted(h) for f, h in zip(group.forms, homes)}
    assert not [f for f in group.not_ if seed_owner.get(f, set()) & shared]


def test_seed_mentions_are_sorted_and_disjoint(resolver):
    """Mentions come sorted, never overlap, and carry the text they cover."""
    for path in sorted(SEEDS.glob("*.txt")):
        clean = naive_clean(path.read_text(encoding="utf-8"), path.name)
        _assert_well_formed(clean, resolver.mentions(clean))


def _assert_well_formed(clean: CleanArticle, mentions: list[Mention]) -> None:
    """Sorted, disjoint, text as in clean.text, unresolved ones explained."""
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))
    assert all(m.text == clean.text[m.start:m.end] and m.end > m.start for m in mentions)
    assert all(m.why for m in mentions if m.entity is None)


PIECES = [f for _, f in FULL_FORMS[::7]] + [f for _, f in SHORT_FORMS]
PIECES += ["的", "表示", "。", " ", "(", ")", "·", "said", "Tuesday"]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_any_text_gives_well_formed_mentions(resolver, pieces):
    """Whatever the text, mentions are sorted, disjoint and faithful to it."""
    clean = naive_clean("".join(pieces))
    _assert_well_formed(clean, resolver.mentions(clean))
