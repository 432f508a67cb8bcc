"""Load YAML data files into pydantic models, reporting errors as path:line:col."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

ModelT = TypeVar("ModelT", bound=BaseModel)


class DataFileError(Exception):
    """An invalid data, rule or alias file, located as path:line:col."""

    def __init__(self, path: str | Path, line: int, col: int, message: str) -> None:
        self.path, self.line, self.col, self.message = str(path), line, col, message
        super().__init__(f"{self.path}:{line}:{col}: {message}")


def _node_at(root: yaml.Node, loc: tuple[Any, ...]) -> yaml.Node:
    """Walk a composed YAML node tree along a pydantic error location."""
    node = root
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if k.value == key), None)
            if match is None:
                match = next((k for k, _ in node.value if k.value == key), None)
            if match is None:
                break
            node = match
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            break
    return node


def read_yaml(path: str | Path) -> tuple[Any, yaml.Node | None]:
    """Parse a YAML file; return its data and its node tree (for error locations)."""
    text = Path(path).read_text(encoding="utf-8")
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise DataFileError(path, line, col, f"invalid YAML: {err.problem or err}") from None
    return data, node


def load_model(path: str | Path, model: type[ModelT], data: Any = None, node: yaml.Node | None = None) -> ModelT:
    """Validate a YAML file (or its already-read data) against a model."""
    if data is None and node is None:
        data, node = read_yaml(path)
    try:
        return model.model_validate(data if data is not None else {})
    except ValidationError as err:
        first = err.errors()[0]
        where = _node_at(node, tuple(first["loc"])) if node is not None else None
        line, col = (where.start_mark.line + 1, where.start_mark.column + 1) if where is not None else (1, 1)
        loc = ".".join(str(p) for p in first["loc"]) or "(top)"
        raise DataFileError(path, line, col, f"{loc}: {first['msg']}") from None


def locate(node: yaml.Node | None, loc: tuple[Any, ...]) -> tuple[int, int]:
    """Line and column (1-based) of the node at a location, for semantic errors."""
    if node is None:
        return 1, 1
    where = _node_at(node, loc)
    return where.start_mark.line + 1, where.start_mark.column + 1


def valid_regex(pattern: str | None) -> str | None:
    """Reject a regex that does not compile, with the reason (a pydantic field validator for data files)."""
    if pattern is not None:
        try:
            re.compile(pattern)
        except re.error as err:
            raise ValueError(f"invalid regex: {err}") from None
    return pattern
