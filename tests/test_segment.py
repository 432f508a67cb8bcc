"""Sentences and clauses on real seed forms."""

from __future__ import annotations

import pytest
import yaml

from checker.segment import clauses, sentences
from tests.conftest import DATA, ROOT

SEGMENTS = yaml.safe_load((DATA / "cleaning/segments.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", SEGMENTS["sentences"], ids=[c["text"][:30] for c in SEGMENTS["sentences"]])
def test_sentences(case):
    text = case["text"]
    assert [text[s:e] for s, e in sentences(text)] == case["sentences"]
    assert sentences(text.lower()) == sentences(text)


@pytest.mark.parametrize("case", SEGMENTS["clauses"], ids=[c["text"][:30] for c in SEGMENTS["clauses"]])
def test_clauses(case):
    text = case["text"]
    assert [text[s:e] for s, e in clauses(text, 0, len(text))] == case["clauses"]
    assert clauses(text.lower(), 0, len(text)) == clauses(text, 0, len(text))


def test_clauses_stay_inside_the_span_given():
    text = "前言。Meta向Scale AI投资143亿美元,取得49%股权。后记"
    start = text.index("Meta")
    end = text.index("后记")
    spans = clauses(text, start, end)
    assert [text[s:e] for s, e in spans] == ["Meta向Scale AI投资143亿美元", "取得49%股权。"]
    assert all(start <= s < e <= end for s, e in spans)


def test_seed_sentences_cover_every_figure():
    text = (ROOT / "seeds/000_8ab75db6c1c9b55a.txt").read_text(encoding="utf-8")
    spans = sentences(text)
    assert all(text[s:e].strip() == text[s:e] and e > s for s, e in spans)
    assert all(e1 <= s2 for (_, e1), (s2, _) in zip(spans, spans[1:]))
    covered = {i for s, e in spans for i in range(s, e)}
    assert all(i in covered for i, char in enumerate(text) if char.isdigit())
