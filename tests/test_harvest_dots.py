"""Alias suggestions: a parenthetical's sound evidence counts whichever name dot joins the CJK name."""

from __future__ import annotations

import pytest

from checker.clean import clean_article
from checker.entities.resolver import Resolver
from checker.entities.suggest import Suggester
from checker.models import Article

DOTS = ["·", "・", "•", "．", " · "]


@pytest.mark.parametrize("dot", DOTS)
def test_parenthetical_sounds_alike_with_any_dot(dot):
    text = f"分析师吉尔{dot}卢里亚（Gil Luria）表示，产品将推迟。"
    suggester = Suggester(Resolver.load([]))
    suggester.add(clean_article(Article(name="a.txt", path="a.txt", encoding="utf-8", text=text)))
    hows = {e.how for s in suggester.suggestions(0.0) for e in s.evidence}
    assert "parenthetical; sounds alike 1.00" in hows
