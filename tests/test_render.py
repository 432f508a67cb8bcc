"""Renderers: amounts, sentence excerpts, the JSON contract, and golden terminal/Markdown/HTML reports.

Goldens live in tests/data/render/; `UPDATE_GOLDEN=1 pytest tests/test_render.py` rewrites them
(read the diff before committing)."""

from __future__ import annotations

import json
import os
import re
from decimal import Decimal

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel

from checker.datafiles import load_model
from checker.models import Report
from checker.report import FORMATS, render
from checker.report.numbers import AmountExample, format_amount, number_style
from checker.report.terminal import SENTENCE_INDENT, WIDTH
from checker.report.view import ELLIPSIS, display_width, excerpt, one_line
from tests.conftest import DATA, yaml_cases

RENDER = DATA / "render"
UPDATE_GOLDEN = os.environ.get("UPDATE_GOLDEN") == "1"
GOLDENS = [("terminal", "report.txt"), ("markdown", "report.md"), ("html", "report.html")]
CONTRACT = yaml.safe_load((RENDER / "contract.yaml").read_text(encoding="utf-8"))
ANSI = re.compile(r"\x1b\[[0-9;]*m")


class AmountCases(BaseModel):
    """tests/data/render/amounts.yaml."""

    cases: tuple[AmountExample, ...]


AMOUNTS = load_model(RENDER / "amounts.yaml", AmountCases).cases + number_style().examples
EXCERPTS = yaml_cases("render/excerpts.yaml")


@pytest.fixture(scope="module")
def report() -> Report:
    """The hand-made report every renderer is tested on."""
    return Report.model_validate(yaml.safe_load((RENDER / "report.yaml").read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def document(report) -> dict:
    """The JSON report, parsed."""
    return json.loads(render(report, "json"))


@pytest.mark.parametrize("case", AMOUNTS, ids=[f"{c.value} {c.unit} {c.qualifier}" for c in AMOUNTS])
def test_format_amount(case):
    assert format_amount(case.value, case.unit, case.qualifier, case.low, case.high) == case.expect


@pytest.mark.parametrize("case", EXCERPTS, ids=[c["name"] for c in EXCERPTS])
def test_excerpt(case):
    cut = excerpt(case["sentence"], case["span"], case["width"])
    assert list(cut) == case["expect"]
    assert display_width("".join(cut)) <= case["width"]


@given(st.text(alphabet="ab 中文，$.億", max_size=60), st.integers(0, 60), st.integers(1, 8), st.integers(10, 80))
def test_excerpt_fits_and_quotes_the_sentence(sentence, at, size, width):
    span = one_line(sentence)[at:at + size].strip()
    cut = excerpt(sentence, span, width)
    shown = "".join(cut)
    assert display_width(shown) <= width
    if span and display_width(span) <= width:
        assert cut.span == span
        assert (cut.before + cut.span + cut.after).strip(ELLIPSIS) in one_line(sentence)


def test_json_has_every_contract_field_in_order(document):
    assert list(document) == CONTRACT["top"] and document["schema"] == 1
    assert all(list(a) == CONTRACT["article"] for a in document["articles"])
    groups = document["conflicts"] + document["agreements"]
    assert groups and all(list(g) == CONTRACT["group"] for g in groups)
    assert all(list(c) == CONTRACT["claim"] for g in groups for c in g["claims"])


def test_json_claims_carry_their_sides_and_values(report, document):
    for group, written in zip(report.conflicts + report.agreements, document["conflicts"] + document["agreements"]):
        assert [c["side"] for c in written["claims"]] == list(group.sides)
        for claim, out in zip(group.claims, written["claims"]):
            assert (out["text"], out["line"], out["article"]) == (claim.text, claim.line, claim.article)
            if isinstance(claim.value, Decimal):
                assert isinstance(out["value"], float) and Decimal(str(out["value"])) == claim.value
                assert out["low"] == (None if claim.low is None else float(claim.low))
            else:
                assert out["value"] == claim.value


def test_json_named_values_stay_strings_and_dates_get_their_days(document):
    named = {c["unit"]: c for g in document["conflicts"] for c in g["claims"] if isinstance(c["value"], str)}
    assert (named["entity"]["low"], named["entity"]["high"]) == (None, None)
    dates = {c["value"]: (c["low"], c["high"]) for g in document["conflicts"] for c in g["claims"] if c["unit"] == "date"}
    assert dates == {"2025-06": ("2025-06-01", "2025-06-30"), "2025-07-01": ("2025-07-01", "2025-07-01")}


def test_json_keeps_text_as_written_and_ends_in_one_newline(report):
    text = render(report, "json")
    assert "143亿美元" in text and "148億美元" in text and text.endswith("}\n")


@pytest.mark.parametrize("fmt,name", GOLDENS)
def test_golden(report, fmt, name):
    path = RENDER / name
    output = render(report, fmt)
    if UPDATE_GOLDEN:
        path.write_text(output, encoding="utf-8")
    assert output == path.read_text(encoding="utf-8"), f"{name} differs: UPDATE_GOLDEN=1 rewrites it"


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_is_deterministic(report, fmt):
    copy = Report.model_validate(report.model_dump())
    assert render(report, fmt) == render(copy, fmt)


def test_colour_only_adds_styles(report, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    coloured = render(report, "terminal", color=True)
    assert ANSI.search(coloured)
    assert ANSI.sub("", coloured) == render(report, "terminal")


def test_terminal_sentences_fit_on_one_line(report):
    lines = render(report, "terminal").splitlines()
    sentences = [line for line in lines if line.startswith(SENTENCE_INDENT) and not line.strip().startswith("assuming")]
    assert len(sentences) == sum(len(g.claims) for g in report.conflicts)
    assert max(display_width(line) for line in sentences) <= WIDTH


def test_terminal_puts_conflicts_before_rounding_warnings(report):
    titles = [line for line in render(report, "terminal").splitlines() if re.match(r"\d+\. ", line)]
    assert [t.split()[1] for t in titles] == ["CONFLICT"] * 3 + ["WARNING"]


def test_markdown_tables_keep_their_columns(report):
    text = render(report, "markdown")
    assert "\\|" in text  # the fixture quotes a sentence holding a |
    blocks = [[line for line in block.splitlines() if line.startswith("| ")] for block in re.split(r"\n\n+", text)]
    tables = [rows for rows in blocks if rows]
    assert len(tables) == 7  # summary, 4 conflicts, agreements, articles
    for rows in tables:
        assert len({len(re.findall(r"(?<!\\)\|", line)) for line in rows}) == 1, rows


def test_html_escapes_everything_from_articles(report):
    group = report.conflicts[0]
    hostile = group.claims[0].model_copy(update={"sentence": "<script>alert(1)</script> 143亿美元 & more",
                                                 "article": "<b>x</b>.txt"})
    tainted = report.model_copy(update={"conflicts": (group.model_copy(update={"claims": (hostile, *group.claims[1:])}),)})
    page = render(tainted, "html")
    assert "<script>" not in page and "<b>x</b>" not in page and "&lt;script&gt;" in page


def test_empty_report_renders_in_every_format():
    empty = Report(articles=(), conflicts=(), agreements=())
    assert "none" in render(empty, "terminal") and "None" in render(empty, "markdown")
    assert json.loads(render(empty, "json")) == {"schema": 1, "articles": [], "conflicts": [], "agreements": [],
                                                 "warnings": []}
    assert render(empty, "html").endswith("</html>\n")


def test_unknown_format_is_an_error(report):
    with pytest.raises(ValueError, match="pdf"):
        render(report, "pdf")
