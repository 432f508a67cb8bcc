"""Gate settings from `[tool.checker]` in pyproject.toml or a checker.toml, overridden by the command line."""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from checker.datafiles import DataFileError

DEFAULT_SOURCE = "default"
COMMAND_LINE = "command line"
PYPROJECT = ("pyproject.toml", ("tool", "checker"))
CHECKER_TOML = ("checker.toml", ())
LAYERS = (PYPROJECT, CHECKER_TOML)  # later layers win; the command line wins over both
PRECEDENCE = "command line > checker.toml > pyproject.toml [tool.checker] > defaults"


class GateSettings(BaseModel):
    """What the gate reads, checks against and fails on."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    paths: tuple[str, ...] = ()  # files or folders of articles
    rules: tuple[str, ...] = ()  # extra rules folders (claims/, aliases/), added to the bundled ones
    baseline: str | None = None  # the accepted-contradictions file
    min_severity: Literal["conflict", "warning"] = "conflict"

    @field_validator("paths", "rules", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        """A single string stands for a list of one."""
        return [value] if isinstance(value, str) else value


@dataclass(frozen=True)
class MergedSettings:
    """The settings of a run with the source of each value."""

    settings: GateSettings
    sources: dict[str, str]  # field name -> "default", "pyproject.toml [tool.checker]", ..., "command line"


def layer_label(name: str, table: tuple[str, ...]) -> str:
    """How a configuration layer is named in messages: "pyproject.toml [tool.checker]"."""
    return f"{name} [{'.'.join(table)}]" if table else name


def read_layer(path: Path, table: tuple[str, ...]) -> dict[str, Any]:
    """The settings table of one TOML file ({} when the file or table is absent)."""
    if not path.is_file():
        return {}
    text = path.read_text(encoding="utf-8")
    try:
        data: Any = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        line, col = _error_position(str(err))
        raise DataFileError(path, line, col, f"invalid TOML: {err}") from None
    for key in table:
        data = data.get(key, {}) if isinstance(data, dict) else {}
    if not isinstance(data, dict):
        raise DataFileError(path, 1, 1, f"[{'.'.join(table)}] must be a table")
    _validate(path, text, table, data)
    return data


def _validate(path: Path, text: str, table: tuple[str, ...], data: dict[str, Any]) -> None:
    """Check one layer on its own, so that an error names the file and line it comes from."""
    try:
        GateSettings.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        key = str(first["loc"][0]) if first["loc"] else ""
        line = _key_line(text, table, key)
        where = ".".join(str(p) for p in first["loc"]) or "(top)"
        raise DataFileError(path, line, 1, f"{where}: {first['msg']}") from None


def _error_position(message: str) -> tuple[int, int]:
    """Line and column from a tomllib error message ("... (at line 3, column 7)")."""
    found = re.search(r"line (\d+), column (\d+)", message)
    return (int(found.group(1)), int(found.group(2))) if found else (1, 1)


def _key_line(text: str, table: tuple[str, ...], key: str) -> int:
    """The 1-based line where a key is set (after its table's header), else the header's line, else 1."""
    start = 0
    if table:
        header = re.search(rf"^[ \t]*\[[ \t]*{re.escape('.'.join(table))}[ \t]*\]", text, re.MULTILINE)
        start = header.start() if header else 0
    found = re.compile(rf"^[ \t]*{re.escape(key)}[ \t]*=", re.MULTILINE).search(text, start) if key else None
    return text.count("\n", 0, found.start() if found else start) + 1


def merge_settings(folder: Path, overrides: dict[str, Any]) -> MergedSettings:
    """Defaults, then pyproject.toml [tool.checker], then checker.toml, then command-line values (not None)."""
    values: dict[str, Any] = {}
    sources = {name: DEFAULT_SOURCE for name in GateSettings.model_fields}
    for name, table in LAYERS:
        for key, value in read_layer(folder / name, table).items():
            values[key], sources[key] = value, layer_label(name, table)
    for key, value in overrides.items():
        if value is not None:
            values[key], sources[key] = value, COMMAND_LINE
    return MergedSettings(GateSettings.model_validate(values), sources)


def render_settings(merged: MergedSettings, fmt: str) -> str:
    """The merged settings with the source of each value, as commented TOML or as JSON."""
    values = merged.settings.model_dump(mode="json")
    if fmt == "json":
        rows = {name: {"value": value, "source": merged.sources[name]} for name, value in values.items()}
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    lines = [f"# checker settings, merged: {PRECEDENCE}"]
    for name, value in values.items():
        setting = f"# {name} = (not set)" if value is None else f"{name} = {json.dumps(value, ensure_ascii=False)}"
        lines.append(f"{setting}  # {merged.sources[name]}")
    return "\n".join(lines) + "\n"
