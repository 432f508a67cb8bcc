"""Alias files (rules/aliases/*.yaml): their model, and loading many folders into one pack."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Iterable, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator

from checker.datafiles import DataFileError, load_model, locate, read_yaml
from checker.entities.normalise import Keyer
from checker.entities.settings import load_settings

ANY_CASE, UPPER_START, ALL_UPPER = 0, 1, 2  # what a Latin form asks of the case of the text


def case_of(form: str) -> int:
    """The case a form asks of the text it matches.

    ALL_UPPER for an acronym ("FAIR" is not "Fair"), UPPER_START for a capitalised name ("Apple" is
    not "apple"), ANY_CASE for a form written in lower case ("xAI", "alexandr_wang") or in CJK.
    """
    letters = [c for c in form if c.isascii() and c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return ALL_UPPER
    first = form.strip()[:1]
    return UPPER_START if first.isascii() and first.isupper() else ANY_CASE


Kind = Literal["person", "company", "organization", "media", "product", "facility", "place", "topic"]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class EntityEntry(BaseModel):
    """One entity: its canonical name, full forms, context-bound short forms."""

    model_config = ConfigDict(extra="forbid")

    canonical: Name
    kind: Kind
    forms: list[Name] = Field(default_factory=list)
    short: list[Name] = Field(default_factory=list)
    speaks_for: Name | None = None
    context: list[Name] = Field(default_factory=list)

    @model_validator(mode="after")
    def _speaks_for_people_only(self) -> EntityEntry:
        """Only a person speaks for an organisation."""
        if self.speaks_for and self.kind != "person":
            raise ValueError(f"speaks_for is for people; {self.canonical} is a {self.kind}")
        return self


class AliasExample(BaseModel):
    """A text and the entity each listed surface form must resolve to (null: to none)."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1)
    mentions: dict[str, str | None]


class AliasFile(BaseModel):
    """An alias file: entities, phrases that are never names, and examples."""

    model_config = ConfigDict(extra="forbid")

    entities: list[EntityEntry] = Field(default_factory=list)
    not_names: list[Name] = Field(default_factory=list)
    examples: list[AliasExample] = Field(default_factory=list)


@dataclass
class EntityRecord:
    """An entity merged from every alias file that names it."""

    canonical: str
    kind: str
    forms: list[str] = field(default_factory=list)
    short: list[str] = field(default_factory=list)
    speaks_for: str | None = None
    context: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class PackExample:
    """An alias-file example with where it stands."""

    where: str
    text: str
    mentions: dict[str, str | None]


@dataclass
class AliasPack:
    """Every alias file of a run merged: entities and form keys."""

    entities: dict[str, EntityRecord] = field(default_factory=dict)
    full: dict[str, str] = field(default_factory=dict)  # key -> canonical
    short: dict[str, tuple[str, ...]] = field(default_factory=dict)  # key -> canonicals
    case: dict[str, int] = field(default_factory=dict)  # key -> ANY_CASE, UPPER_START or ALL_UPPER
    blockers: set[str] = field(default_factory=set)  # keys of phrases that are never names
    not_names: list[str] = field(default_factory=list)  # those phrases as written
    examples: list[PackExample] = field(default_factory=list)


def alias_files(dirs: Iterable[Path]) -> list[Path]:
    """Alias files under each folder: aliases/*.yaml and */aliases/*.yaml (or the folder itself)."""
    found: list[Path] = []
    for folder in map(Path, dirs):
        if folder.is_file():
            found.append(folder)
        if folder.name == "aliases":
            found += sorted(folder.glob("*.yaml"))
        found += sorted(folder.glob("aliases/*.yaml")) + sorted(folder.glob("*/aliases/*.yaml"))
    return list(dict.fromkeys(found))


def load_aliases(dirs: Iterable[Path]) -> AliasPack:
    """Load and merge the alias files of the folders, in order (raises DataFileError)."""
    builder = PackBuilder(Keyer(load_settings()))
    for path in alias_files(dirs):
        builder.add_file(path)
    return builder.finish()


def check_aliases(paths: Iterable[Path]) -> tuple[AliasPack, list[DataFileError]]:
    """Load alias files as a run would, collecting every error instead of stopping at the first."""
    errors: list[DataFileError] = []
    builder = PackBuilder(Keyer(load_settings()), errors)
    for path in paths:
        builder.add_file(path)
    return builder.finish(), errors


def _validation_errors(path: Path, node: yaml.Node | None, err: ValidationError, at: tuple) -> list[DataFileError]:
    """Every error of a pydantic validation, located in the file."""
    found = []
    for item in err.errors():
        loc = at + tuple(item["loc"])
        found.append(DataFileError(path, *locate(node, loc), f"{'.'.join(map(str, loc))}: {item['msg']}"))
    return found


class PackBuilder:
    """Merges alias files, refusing a form claimed by two entities and an entity defined twice in one folder."""

    def __init__(self, keyer: Keyer, errors: list[DataFileError] | None = None) -> None:
        self.keyer = keyer
        self.errors = errors  # None: raise the first error; a list: collect them all
        self.pack = AliasPack()
        self.owners: dict[str, tuple[str, str, str]] = {}  # key -> (canonical or "", role, where)
        self.speaks_for_at: dict[str, tuple[str, int, int]] = {}
        self.defined: dict[str, tuple[Path, str]] = {}  # canonical -> (folder, where)

    def _fail(self, error: DataFileError) -> None:
        """Raise an error, or record it when collecting."""
        if self.errors is None:
            raise error
        self.errors.append(error)

    def _read(self, path: Path) -> tuple[AliasFile | None, list[int], yaml.Node | None]:
        """The validated file and the index of each of its entries in the file.

        When collecting, invalid entries are left out and every error in them is recorded.
        """
        try:
            data, node = read_yaml(path)
            if self.errors is None or not isinstance(data, dict):
                model = load_model(path, AliasFile, data, node)
                return model, list(range(len(model.entities))), node
        except DataFileError as err:
            self._fail(err)
            return None, [], None
        entries = data.get("entities") or []
        valid, where = [], []
        for i, entry in enumerate(entries if isinstance(entries, list) else []):
            try:
                valid.append(EntityEntry.model_validate(entry))
                where.append(i)
            except ValidationError as err:
                self.errors += _validation_errors(path, node, err, ("entities", i))
        try:
            rest = AliasFile.model_validate({k: v for k, v in data.items() if k != "entities"})
        except ValidationError as err:
            self.errors += _validation_errors(path, node, err, ())
            rest = AliasFile()
        return rest.model_copy(update={"entities": valid}), where, node

    def add_file(self, path: Path) -> None:
        """Validate one alias file and merge it into the pack."""
        model, where, node = self._read(path)
        if model is None:
            return
        for i, entry in zip(where, model.entities):
            self._merge(entry, path, node, i)
        for i, phrase in enumerate(model.not_names):
            self._claim(phrase, "", "not_name", path, node, ("not_names", i))
            self.pack.blockers.add(self.keyer.key(phrase))
            self.pack.not_names.append(phrase)
        for i, example in enumerate(model.examples):
            line, col = locate(node, ("examples", i))
            self.pack.examples.append(PackExample(f"{path}:{line}:{col}", example.text, example.mentions))

    def _merge(self, entry: EntityEntry, path: Path, node: yaml.Node | None, index: int) -> None:
        """Add an entry, or extend the entity of the same canonical name (defined in an earlier folder)."""
        here = ("entities", index)
        where = "{}:{}:{}".format(path, *locate(node, here + ("canonical",)))
        folder, earlier = self.defined.setdefault(entry.canonical, (path.parent, where))
        if earlier != where and folder == path.parent:
            return self._fail(DataFileError(path, *locate(node, here + ("canonical",)),
                                            f"{entry.canonical} is already defined at {earlier}; merge the two entries"))
        record = self.pack.entities.setdefault(entry.canonical, EntityRecord(entry.canonical, entry.kind))
        if record.kind != entry.kind:
            return self._fail(DataFileError(path, *locate(node, here + ("kind",)),
                                            f"{entry.canonical} is a {record.kind} elsewhere, not a {entry.kind}"))
        if entry.speaks_for:
            if record.speaks_for not in (None, entry.speaks_for):
                return self._fail(DataFileError(path, *locate(node, here + ("speaks_for",)),
                                                f"{entry.canonical} already speaks for {record.speaks_for}"))
            record.speaks_for = entry.speaks_for
            self.speaks_for_at[entry.canonical] = (str(path), *locate(node, here + ("speaks_for",)))
        for j, form in enumerate([entry.canonical, *entry.forms]):
            loc = here + (("forms", j - 1) if j else ("canonical",))
            if self._claim(form, entry.canonical, "form", path, node, loc):
                self.pack.full[self.keyer.key(form)] = entry.canonical
                record.forms.append(form)
        for j, form in enumerate(entry.short):
            claimed = self._claim(form, entry.canonical, "short", path, node, here + ("short", j))
            if claimed and form not in record.short:
                key = self.keyer.key(form)
                self.pack.short[key] = tuple(sorted({*self.pack.short.get(key, ()), entry.canonical}))
                record.short.append(form)
        record.context += [c for c in entry.context if c not in record.context]

    def _claim(self, form: str, canonical: str, role: str, path: Path, node: yaml.Node | None, loc: tuple) -> bool:
        """Record who owns a form's key; False when the same entity already has it the same way."""
        key = self.keyer.key(form)
        line, col = locate(node, loc)
        if not any(c.isalnum() for c in key):
            self._fail(DataFileError(path, line, col, f"{form!r} has nothing to match (no letters, digits or ideographs)"))
            return False
        owner = self.owners.get(key)
        if owner is None:
            self.owners[key] = (canonical, role, f"{path}:{line}:{col}")
            self._note_case(key, form)
            return True
        if owner[:2] == (canonical, role):
            self._note_case(key, form)
            return False
        if role == owner[1] == "short":
            self._note_case(key, form)
            return True  # one short form may fit several entities; context decides
        what = f"a {owner[1].replace('_', ' ')} of {owner[0]}" if owner[0] else f"listed as {owner[1]}"
        self._fail(DataFileError(path, line, col, f"{form!r} is already {what} at {owner[2]}"))
        return False

    def _note_case(self, key: str, form: str) -> None:
        """The case a key asks of the text: the loosest its forms allow ("Nvidia" and "NVIDIA": upper start)."""
        self.pack.case[key] = min(self.pack.case.get(key, ALL_UPPER), case_of(form))

    def finish(self) -> AliasPack:
        """Check cross-references and return the pack."""
        for canonical, (path, line, col) in self.speaks_for_at.items():
            target = self.pack.entities[canonical].speaks_for
            if target not in self.pack.entities:
                self._fail(DataFileError(path, line, col, f"speaks_for names {target!r}, which no alias file defines"))
        return self.pack
