"""The quantity extractor's API: JSON view, invariants on any text, scripts and widths, data errors, speed."""

from __future__ import annotations

import time
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.datafiles import DataFileError, load_model, read_yaml
from checker.quantities import extract_quantities, quantity_json
from checker.quantities.data import CurrencyData, FilterData, NumeralData, UnitEntry
from checker.quantities.layers import load_layered
from checker.quantities.physical import physical_unit
from tests.test_quantities import assert_well_formed

ROOT = Path(__file__).resolve().parent.parent
NEWS_ALPHABET = "0123456789０１２３,.%％$￥ -~()（）亿億万萬千百十一二两兩三五八九多余几数上近约超过逾至到名位人岁年月日美元港币GWkmbillion AIGPT"


def test_quantity_json_has_the_contract_keys_and_floats() -> None:
    [approx] = extract_quantities("約700億美元")
    assert quantity_json(approx) == {
        "text": "約700億美元", "start": 0, "end": 7, "value": 70000000000.0, "unit": "USD",
        "qualifier": "approx", "low": 66500000000.0, "high": 73500000000.0, "kind": "money", "assumptions": [],
        "base_value": 70000000000.0, "base_unit": "USD", "base_low": 66500000000.0, "base_high": 73500000000.0,
    }
    [dollars] = extract_quantities("$5")
    assert quantity_json(dollars)["assumptions"] == ["bare $ read as USD"]
    [over] = extract_quantities("逾2亿美元")
    assert quantity_json(over)["high"] is None and isinstance(quantity_json(over)["low"], float)


@pytest.mark.parametrize(("text", "value", "unit", "base_value", "base_unit"), [
    ("九年八吨", 8.0, "tonne", 8000.0, "kilogram"), ("十斤", 10.0, "jin", 5.0, "kilogram"),
    ("30亩地", 30.0, "mu", 20000.0, "meter ** 2"), ("逾1GW(十亿瓦)", 1.0, "gigawatt", 1e9, "watt"),
    ("a 29km road", 29.0, "kilometer", 29000.0, "meter"),
])
def test_quantity_json_gives_a_physical_unit_as_written_and_in_base_units(
        text: str, value: float, unit: str, base_value: float, base_unit: str) -> None:
    found = quantity_json(extract_quantities(text)[-1])
    assert (found["value"], found["unit"], found["base_value"], found["base_unit"]) == (value, unit, base_value, base_unit)
    assert found["base_low"] == pytest.approx(found["low"] * base_value / value)


def test_values_are_exact_decimals() -> None:
    [quantity] = extract_quantities("16.4亿")
    assert quantity.value == Decimal("1640000000") and str(quantity.value) == "1640000000"
    [tiny] = extract_quantities("0.1%")
    assert str(tiny.value) == "0.1" and str(tiny.low) == "0.05"


def test_offsets_point_into_the_given_text() -> None:
    text = "前文……Meta在6月中旬向Scale AI投资143亿美元(约1,115亿港元)。"
    for quantity in extract_quantities(text):
        assert text[quantity.start:quantity.end] == quantity.text


@pytest.mark.parametrize(("hans", "hant"), [
    ("超过150亿美元", "超過150億美元"), ("约700亿美元", "約700億美元"), ("两亿美元", "兩億美元"),
    ("二十多名", "二十多名"), ("十余万", "十餘萬"), ("年仅28岁", "年僅28歲"), ("数十亿美元", "數十億美元"),
    ("将近一百人", "將近一百人"), ("7,460万港币", "7,460萬港幣"), ("六个百分点", "六個百分點"),
])
def test_both_scripts_read_alike(hans: str, hant: str) -> None:
    assert _meaning(hans) == _meaning(hant)


@pytest.mark.parametrize(("narrow", "wide"), [("49%", "４９％"), ("$1.5 billion", "＄１.５ billion"), ("1,115亿", "１,１１５亿")])
def test_full_width_reads_like_ascii(narrow: str, wide: str) -> None:
    assert _meaning(narrow) == _meaning(wide)


def _meaning(text: str) -> list[tuple]:
    """What the quantities in a text say, without their surface text."""
    return [(q.start, q.end, q.value, q.unit, q.kind, q.qualifier, q.low, q.high) for q in extract_quantities(text)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=NEWS_ALPHABET, max_size=40))
def test_any_text_gives_well_formed_quantities(text: str) -> None:
    found = extract_quantities(text)
    assert_well_formed(text, found)
    assert found == extract_quantities(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_arbitrary_unicode_never_crashes(text: str) -> None:
    assert_well_formed(text, extract_quantities(text))


def test_seed_articles_are_fast() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    extract_quantities(texts[0])  # data files load once
    started = time.perf_counter()
    found = [extract_quantities(text) for text in texts]
    assert time.perf_counter() - started < 1.0 and all(found)


def test_bad_currency_code_is_located(tmp_path: Path) -> None:
    path = tmp_path / "currencies.yaml"
    path.write_text("currencies:\n  - code: usd\n    after: [美元]\n", encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_model(path, CurrencyData)
    assert (err.value.line, err.value.col) == (2, 11) and "ISO 4217" in err.value.message


def test_bad_regex_in_filters_is_located(tmp_path: Path) -> None:
    path = tmp_path / "filters.yaml"
    path.write_text("years: {min: 1800, max: 2199}\npatterns: ['(unclosed']\nwords: []\n"
                    "latin_words_before_numbers: []\n", encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_model(path, FilterData)
    assert err.value.line == 2 and "regular expression" in err.value.message


def test_numeral_characters_must_be_single(tmp_path: Path) -> None:
    bundled = ROOT / "checker" / "data" / "quantities"
    (tmp_path / "numerals.yaml").write_text((bundled / "numerals.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "zh").mkdir()
    zh = (bundled / "zh" / "numerals.yaml").read_text(encoding="utf-8")
    (tmp_path / "zh" / "numerals.yaml").write_text(zh.replace("  万: 10000", "  一万: 10000"), encoding="utf-8")
    with pytest.raises(DataFileError, match="single characters") as err:
        load_layered(tmp_path, "numerals.yaml", NumeralData)
    assert err.value.path.endswith("zh/numerals.yaml") and err.value.line > 1


def test_language_files_merge_over_the_base(tmp_path: Path) -> None:
    bundled = ROOT / "checker" / "data" / "quantities"
    for path in bundled.glob("**/numerals.yaml"):
        copy = tmp_path / path.relative_to(bundled)
        copy.parent.mkdir(exist_ok=True)
        copy.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    merged, origins = load_layered(tmp_path, "numerals.yaml", NumeralData)
    assert merged.digits["两"] == 2 and merged.english.words["two"] == 2 \
        and "digits" not in read_yaml(tmp_path / "numerals.yaml")[0]
    assert set(merged.negative_words) >= {"负", "minus"} and len(origins["negative_words"]) == len(merged.negative_words)


def test_unit_entry_needs_pint_or_kind_and_unit() -> None:
    with pytest.raises(ValueError):
        UnitEntry(kind="count", after=("名",))
    assert UnitEntry(pint="gigawatt", after=("GW",)).pint == "gigawatt"


def test_pint_units_resolve_to_their_kind() -> None:
    kinds = {"power": "watt", "compute": "FLOPS"}
    assert physical_unit("gigawatt", kinds) == ("power", "watt", Decimal("1E+9"), "gigawatt")
    assert physical_unit("exaFLOPS", kinds).factor == Decimal(10) ** 18
    with pytest.raises(ValueError):
        physical_unit("kilogram", kinds)
    with pytest.raises(ValueError):
        physical_unit("no_such_unit", kinds)
