"""Chinese-only quantity data files' own examples (zh/tenths.yaml)."""

from __future__ import annotations

import pytest

from checker.quantities.data import Example
from checker.quantities.zh_tenths import tenths_data
from tests.test_quantities import check_example

TENTHS = [(f"zh/tenths.yaml: {e.text[:30]}", e) for e in tenths_data().examples]


@pytest.mark.parametrize("example", [e for _, e in TENTHS], ids=[i for i, _ in TENTHS])
def test_tenths_example(example: Example) -> None:
    check_example(example)
