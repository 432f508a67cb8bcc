"""Shared fixtures: the bundled knowledge, loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def knowledge():
    """Bundled rules and aliases."""
    from checker.pipeline import Knowledge

    return Knowledge.load()


def yaml_cases(relative: str) -> list:
    """Cases from a YAML file under tests/data."""
    return yaml.safe_load((DATA / relative).read_text(encoding="utf-8"))["cases"]
