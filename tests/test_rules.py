"""Every rule's own examples run as tests, and invalid rule files are reported with their location."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from checker.datafiles import DataFileError
from checker.paths import BUNDLED_RULES_DIR
from checker.pipeline import claims_in_text
from checker.rules import load_rules

BOOK = load_rules([BUNDLED_RULES_DIR])
EXAMPLES = [(rule.id, n, ex) for rule in BOOK.rules.values() for n, ex in enumerate(rule.examples)]


def _matches(claim, expected: dict) -> bool:
    """True when a claim has every field the example names."""
    for field, want in expected.items():
        got = getattr(claim, field)
        if isinstance(got, tuple):  # modifiers of a named claim: "former", "co,acting"
            got = ",".join(got)
        if field == "value" and isinstance(got, str):  # a named claim: an entity or an ISO date
            if got != str(want):
                return False
        elif field == "value":
            if Decimal(str(want)) != got:
                return False
        elif (got or None) != (str(want) if want is not None else None):
            return False
    return True


@pytest.mark.parametrize("rule_id,index,example", EXAMPLES, ids=[f"{r}[{n}]" for r, n, _ in EXAMPLES])
def test_rule_example(knowledge, rule_id, index, example):
    claims = [c for c in claims_in_text(example.text, knowledge, example.date) if c.rule == rule_id]
    if example.claim is None:
        assert claims == [], f"{rule_id} must not claim anything in {example.text!r}"
        return
    described = [(c.subject, c.object, str(c.value), c.unit, c.qualifier, c.period, c.modifiers) for c in claims]
    assert any(_matches(c, example.claim) for c in claims), f"want {example.claim}, got {described}"


def test_every_rule_has_examples_and_triggers():
    for rule in BOOK.rules.values():
        assert rule.examples, rule.id
        assert rule.triggers or rule.trigger_optional, rule.id


@pytest.mark.parametrize("body,line,fragment", [
    ("rules:\n  - id: x\n    attribute: x\n    kinds: [money]\n    triggers: [{words: [a]}]\n    subject: {kinds: [alien]}\n    examples: [{text: t}]\n", 6, "unknown entity kind"),
    ("rules:\n  - id: Bad Id\n", 2, "id"),
    ("rules:\n  - id: x\n    attribute: [unclosed\n", 4, "invalid YAML"),
    ("rules:\n  - id: x\n    attribute: x\n    kinds: [money]\n    subject: {kinds: [company]}\n    examples: [{text: t}]\n", 2, "needs triggers"),
])
def test_invalid_rule_file_is_located(tmp_path: Path, body: str, line: int, fragment: str):
    (tmp_path / "claims").mkdir()
    path = tmp_path / "claims" / "broken.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_rules([tmp_path])
    assert caught.value.path == str(path)
    assert caught.value.line == line
    assert fragment in caught.value.message


def test_duplicate_rule_id_across_folders_is_an_error(tmp_path: Path):
    (tmp_path / "claims").mkdir()
    source = (BUNDLED_RULES_DIR / "claims" / "deals.yaml").read_text(encoding="utf-8")
    (tmp_path / "claims" / "copy.yaml").write_text(source, encoding="utf-8")
    with pytest.raises(DataFileError, match="already defined"):
        load_rules([BUNDLED_RULES_DIR, tmp_path])


TWO_RULES = """
rules:
  - id: chips
    attribute: chips
    kinds: [count]
    triggers: [{words: [GPUs]}]
    subject: {kinds: [company]}
    examples: [{text: "x", claim: null}]
  - id: gpu-orders
    attribute: gpu orders
    kinds: [count]
    triggers: [{words: [GPU, chip]}]
    subject: {kinds: [company]}
    examples: [{text: "x", claim: null}]
"""


def test_a_plural_trigger_also_stands_for_its_singular(tmp_path: Path):
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "two.yaml").write_text(TWO_RULES, encoding="utf-8")
    book = load_rules([tmp_path])
    assert {h.rule for h in book.triggers_in("bought 1000 gpus")} == {"chips", "gpu-orders"}
    assert {h.rule for h in book.triggers_in("ordered 20 chips")} == {"gpu-orders"}
    assert {h.rule for h in book.triggers_in("10万张gpu")} == {"gpu-orders"}
