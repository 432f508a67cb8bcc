"""The quantity extractor against the cases in tests/data/quantities/*.yaml and the data files' own examples."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from checker.models import Quantity
from checker.quantities import extract_quantities
from checker.quantities.data import Example, all_examples

CASE_DIR = Path(__file__).resolve().parent / "data" / "quantities"
PEER_INPUTS = CASE_DIR / "peer_inputs.yaml"  # texts only, no cases: read by test_quantities_scan.py
CHECKED_FIELDS = ("start", "value", "unit", "kind", "qualifier", "low", "high", "assumptions")


def _load_cases() -> list[tuple[str, Example]]:
    """Every case file's cases, validated, with an id."""
    cases = []
    for path in sorted(p for p in CASE_DIR.glob("*.yaml") if p != PEER_INPUTS):
        for index, raw in enumerate(yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]):
            cases.append((f"{path.stem}[{index}] {raw['text'][:40]}", Example.model_validate(raw)))
    return cases


CASES = _load_cases()
EXAMPLES = [(f"{name}: {example.text[:40]}", example) for name, example in all_examples()]


def check_example(example: Example) -> None:
    """The quantities found in the example's text are the ones it expects."""
    found = extract_quantities(example.text)
    assert_well_formed(example.text, found)
    texts = [q.text for q in found]
    if not example.partial:
        assert texts == [e.text for e in example.expect], f"found {texts}"
    for expected in example.expect:
        matches = [q for q in found if q.text == expected.text and expected.start in (None, q.start)]
        assert matches, f"{expected.text!r} not among {texts}"
        quantity = matches[0]
        for name in CHECKED_FIELDS:
            if name in expected.model_fields_set:
                want, got = getattr(expected, name), getattr(quantity, name)
                want = tuple(want) if isinstance(want, list) else want
                assert got == want, f"{expected.text!r}: {name} is {got!r}, expected {want!r}"


def assert_well_formed(text: str, found: list[Quantity]) -> None:
    """Spans point into the text, in order, without overlaps; intervals hold their values."""
    previous_end = 0
    for q in found:
        assert q.text == text[q.start:q.end] and q.start >= previous_end
        previous_end = q.end
        assert q.low is None or q.low <= q.value or q.qualifier == "range" and q.low == q.value
        assert q.high is None or q.value <= q.high


@pytest.mark.parametrize("example", [c for _, c in CASES], ids=[i for i, _ in CASES])
def test_case(example: Example) -> None:
    check_example(example)


@pytest.mark.parametrize("example", [e for _, e in EXAMPLES], ids=[i for i, _ in EXAMPLES])
def test_data_file_example(example: Example) -> None:
    check_example(example)


def test_enough_cases_in_both_languages() -> None:
    chinese = [c for _, c in CASES if any("\u4e00" <= ch <= "\u9fff" for ch in c.text)]
    negatives = [c for _, c in CASES if not c.expect]
    assert len(CASES) >= 150 and len(chinese) >= 60 and len(CASES) - len(chinese) >= 40 and len(negatives) >= 25
