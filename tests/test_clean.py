"""Clean stage: the data files' own examples, whole-article cases, the seeds, and the offset map."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.clean import clean_article, original_span, original_text
from checker.cleaning.data import cleaning_data, date_data
from checker.cleaning.dates import find_date
from checker.cleaning.edits import MappedText
from checker.cleaning.fold import detect_language, fold_to_hans
from checker.cleaning.furniture import furniture_lines, inline_patterns, line_tests
from checker.cleaning.glosses import gloss_edits
from checker.cleaning.html import html_edits
from checker.cleaning.invisible import invisible_edits
from checker.cleaning.mojibake import mojibake_edits, repair_mojibake
from checker.cleaning.unreadable import unreadable_patterns
from checker.load import load_articles
from checker.models import Article
from tests.conftest import ROOT, yaml_cases

DATA = cleaning_data()
STEPS = {"html": html_edits, "invisible": invisible_edits, "glosses": gloss_edits}
STEP_EXAMPLES = [(step, e) for step in ("html", "invisible", "glosses") for e in getattr(DATA, step).examples]
MOJIBAKE_EXAMPLES = [(rule.name, e) for rule in DATA.mojibake for e in rule.examples]
UNREADABLE_EXAMPLES = [(pattern, line, verdict) for pattern, rule in zip(unreadable_patterns(), DATA.unreadable)
                       for verdict, lines in (("warn", rule.examples.warn), ("keep", rule.examples.keep))
                       for line in lines]
LINE_EXAMPLES = [(test, line, verdict) for test in line_tests()
                 for verdict, lines in (("drop", test.rule.examples.drop), ("keep", test.rule.examples.keep))
                 for line in lines]
INLINE_EXAMPLES = [(pattern, e) for pattern, rule in zip(inline_patterns(), DATA.inline) for e in rule.examples]
CASES = yaml_cases("cleaning/cases.yaml")
SEEDS = yaml_cases("cleaning/seeds.yaml")
NORMAL = yaml_cases("cleaning/normal.yaml")


def fold_to_hant(text: str) -> str:
    """The text in traditional characters (OpenCC s2t)."""
    import opencc

    return opencc.OpenCC("s2t.json").convert(text)


def _article(text: str, name: str = "case.txt") -> Article:
    """An in-memory article."""
    return Article(path=name, name=name, text=text, encoding="utf-8")


def _key(line: str) -> str:
    """A line as line rules see it."""
    return fold_to_hans(line).strip().lower()


@pytest.mark.parametrize("step,example", STEP_EXAMPLES, ids=[f"{s}:{e.text[:30]}" for s, e in STEP_EXAMPLES])
def test_step_example(step, example):
    edits = STEPS[step](example.text)
    assert MappedText.of(example.text).apply(edits).text == example.clean


@pytest.mark.parametrize("rule,example", MOJIBAKE_EXAMPLES, ids=[f"{r[:20]}:{e.text[:30]}" for r, e in MOJIBAKE_EXAMPLES])
def test_mojibake_example(rule, example):
    repaired, _ = repair_mojibake(MappedText.of(example.text))
    assert repaired.text == example.clean


@pytest.mark.parametrize("text", NORMAL, ids=[t[:30] for t in NORMAL])
def test_normal_text_is_no_mojibake(text):
    repaired, at = repair_mojibake(MappedText.of(text))
    assert (repaired.text, at) == (text, [])


def test_no_phrase_of_a_dictionary_is_mojibake():
    """47,000 Chinese phrases (pypinyin's dictionary) in both scripts, run together as text: nothing to repair."""
    import json
    from pathlib import Path

    import pypinyin

    phrases = sorted(json.loads((Path(pypinyin.__file__).parent / "phrases_dict.json").read_text(encoding="utf-8")))
    hans = "\n".join("".join(phrases[i:i + 8]) for i in range(0, len(phrases), 8))
    hant = fold_to_hant(hans)
    for text in (hans, hant, hans.replace("\n", ""), hant.replace("\n", " ")):
        assert [(e.start, text[e.start:e.end], e.text) for e in mojibake_edits(text)] == []


@pytest.mark.parametrize("pattern,line,verdict", UNREADABLE_EXAMPLES, ids=[f"{v}:{x[:20]}" for _, x, v in UNREADABLE_EXAMPLES])
def test_unreadable_example(pattern, line, verdict):
    assert bool(pattern.search(line)) == (verdict == "warn")


@pytest.mark.parametrize("test,line,verdict", LINE_EXAMPLES, ids=[f"{t.rule.name}:{v}:{x[:20]}" for t, x, v in LINE_EXAMPLES])
def test_line_rule_example(test, line, verdict):
    if verdict == "drop":
        assert test.matches(_key(line)), f"{test.rule.name} should drop {line!r}"
    else:
        assert furniture_lines(fold_to_hans(line)) == [], f"no rule should drop {line!r}"


@pytest.mark.parametrize("pattern,example", INLINE_EXAMPLES, ids=[e.text[:30] for _, e in INLINE_EXAMPLES])
def test_inline_example(pattern, example):
    cleaned = pattern.sub("", fold_to_hans(example.text))
    assert cleaned == fold_to_hans(example.clean)
    assert clean_article(_article(example.text)).text == example.clean


@pytest.mark.parametrize("example", DATA.language.examples, ids=[e.text[:30] for e in DATA.language.examples])
def test_language_example(example):
    assert detect_language(example.text, fold_to_hans(example.text)) == example.language


@pytest.mark.parametrize("example", date_data().examples, ids=[e.text[:30] for e in date_data().examples])
def test_date_example(example):
    assert find_date(fold_to_hans(example.text)) == example.date


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_clean_case(case):
    clean = clean_article(_article(case["text"]))
    assert clean.text == case["clean"]
    assert clean.language == case["language"]
    assert clean.date == case["date"]
    assert list(clean.warnings) == case.get("warnings", [])
    for quote in case["quotes"]:
        start = clean.text.index(quote["clean"])
        assert original_text(clean, start, start + len(quote["clean"])) == quote["original"]


@pytest.fixture(scope="module")
def seed_cleans():
    """The seed articles, cleaned, by file name."""
    articles, _ = load_articles([str(ROOT / "seeds")])
    return {a.name: clean_article(a) for a in articles}


def _kept_share(clean, line_number: int) -> float:
    """The share of a line's non-blank original characters that survive cleaning."""
    original = clean.article.text
    lines = original.split("\n")
    start = sum(len(line) + 1 for line in lines[:line_number - 1])
    wanted = [start + i for i, char in enumerate(lines[line_number - 1]) if not char.isspace()]
    kept = set(clean.offsets[:-1])
    return sum(i in kept for i in wanted) / len(wanted)


@pytest.mark.parametrize("case", SEEDS, ids=[c["file"] for c in SEEDS])
def test_seed(case, seed_cleans):
    clean = seed_cleans[case["file"]]
    assert (clean.language, clean.date, list(clean.warnings)) == (case["language"], case["date"], case["warnings"])
    assert [n for n in case["dropped"] if _kept_share(clean, n) > 0] == []
    assert [n for n in case["kept"] if _kept_share(clean, n) < 0.5] == []
    assert [s for s in case["present"] if s not in clean.text] == []
    assert [s for s in case["absent"] if s in clean.text] == []
    for quote in case["quotes"]:
        start = clean.text.index(quote["clean"])
        assert original_text(clean, start, start + len(quote["clean"])) == quote["original"]


def test_seed_map_and_fold_line_up(seed_cleans):
    for clean in seed_cleans.values():
        assert len(clean.offsets) == len(clean.text) + 1 == len(clean.folded) + 1
        assert clean.offsets[-1] == len(clean.article.text)
        assert all(a <= b for a, b in zip(clean.offsets, clean.offsets[1:]))
        assert "萬" not in clean.folded and "億" not in clean.folded


def test_original_span_of_an_empty_span():
    clean = clean_article(_article("甲乙丙"))
    assert original_span(clean, 1, 1) == (1, 1)


def test_a_data_file_error_names_the_place(tmp_path):
    from checker.cleaning.data import CleaningData
    from checker.datafiles import DataFileError, load_model

    broken = tmp_path / "cleaning.yaml"
    text = (ROOT / "checker/data/cleaning.yaml").read_text(encoding="utf-8")
    broken.write_text(text.replace("regex: '^(?:作者介绍", "regex: '^(?:作者介绍("), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"cleaning\.yaml:\d+:\d+: lines\.\d+\.regex"):
        load_model(broken, CleaningData)


PIECES = list("萬億美元投资了。,\n Ab1(wàn)長分享:") + ["(wàn)", "分享:\n", "\r\n", "(MSL)"]
PLAIN = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@settings(max_examples=150, deadline=None)
@given(PLAIN)
def test_every_kept_character_keeps_its_offset(text):
    clean = clean_article(_article(text))
    assert len(clean.offsets) == len(clean.text) + 1 and len(clean.folded) == len(clean.text)
    assert all(text[o] == c for o, c in zip(clean.offsets, clean.text))
    assert all(a < b for a, b in zip(clean.offsets, clean.offsets[1:]))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=80))
def test_any_text_cleans_without_error(text):
    clean = clean_article(_article(text))
    assert len(clean.offsets) == len(clean.text) + 1 and len(clean.folded) == len(clean.text)
    assert clean.language in {"zh-Hans", "zh-Hant", "en"}
    assert isinstance(clean.date, dt.date) or clean.date is None
