"""Per-language data files over a shared base: quantities/<name>.yaml, then quantities/<lang>/<name>.yaml."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Optional, TypeVar

from pydantic import BaseModel, create_model

from checker.datafiles import DataFileError, load_model, locate, read_yaml

ModelT = TypeVar("ModelT", bound=BaseModel)
Origin = tuple[Path, int]  # the file an item of a merged list comes from, and its index there


def layer_paths(folder: Path, name: str) -> list[Path]:
    """The base file, then each language folder's file of the same name (alphabetical: en, zh)."""
    overlays = sorted(p / name for p in folder.iterdir() if p.is_dir() and (p / name).is_file())
    return [folder / name, *overlays]


@lru_cache(maxsize=None)
def _partial(model: type[ModelT]) -> type[ModelT]:
    """The model with every top-level field optional: what one layer may give."""
    fields: dict[str, Any] = {name: (Optional[field.annotation], None) for name, field in model.model_fields.items()}
    return create_model(f"Partial{model.__name__}", __base__=model, **fields)  # type: ignore[call-overload]


def load_layered(folder: Path, name: str, model: type[ModelT]) -> tuple[ModelT, dict[str, list[Origin]]]:
    """Validate every layer on its own, then merge: mappings united, lists joined, other values overridden."""
    paths = layer_paths(folder, name)
    merged: dict[str, Any] = {}
    origins: dict[str, list[Origin]] = {}
    for path in paths:
        layer = load_model(path, _partial(model))
        for field in layer.model_fields_set:
            value = getattr(layer, field)
            merged[field] = _merged(merged.get(field), value)
            if isinstance(value, tuple):
                origins.setdefault(field, []).extend((path, i) for i in range(len(value)))
    try:
        return model.model_validate(merged), origins
    except Exception as err:  # a required field no layer gives: report it against the base file
        raise DataFileError(paths[0], 1, 1, f"{name} and its language files together: {err}") from None


def _merged(base: Any, value: Any) -> Any:
    """A layer's value over the base's: mappings united, lists joined, models merged field by field."""
    if base is None:
        return value
    if isinstance(value, dict):
        return {**base, **value}
    if isinstance(value, tuple):
        return (*base, *value)
    if isinstance(value, BaseModel) and type(value) is type(base):  # ranges: {connectors: [至, 到]}
        fields = {name: _merged(getattr(base, name), getattr(value, name)) for name in value.model_fields_set}
        return base.model_copy(update=fields)
    return value


def origin_error(origin: Origin, loc: tuple[Any, ...], message: str) -> DataFileError:
    """A DataFileError located at an item of a merged list, in the file it came from."""
    path, index = origin
    node = read_yaml(path)[1]
    return DataFileError(path, *locate(node, (*loc[:1], index, *loc[1:])), message)
