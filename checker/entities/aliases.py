"""Alias files (rules/aliases/*.yaml): their model, and loading many folders into one pack."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Iterable, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

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


Kind = Literal["person", "company", "organization", "media", "product", "place", "topic"]
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


class PackBuilder:
    """Merges alias files, refusing a form claimed by two entities."""

    def __init__(self, keyer: Keyer) -> None:
        self.keyer = keyer
        self.pack = AliasPack()
        self.owners: dict[str, tuple[str, str, str]] = {}  # key -> (canonical or "", role, where)
        self.speaks_for_at: dict[str, tuple[str, int, int]] = {}

    def add_file(self, path: Path) -> None:
        """Validate one alias file and merge it into the pack."""
        data, node = read_yaml(path)
        model = load_model(path, AliasFile, data, node)
        for i, entry in enumerate(model.entities):
            self._merge(entry, path, node, i)
        for i, phrase in enumerate(model.not_names):
            self._claim(phrase, "", "not_name", path, node, ("not_names", i))
            self.pack.blockers.add(self.keyer.key(phrase))
            self.pack.not_names.append(phrase)
        for i, example in enumerate(model.examples):
            line, col = locate(node, ("examples", i))
            self.pack.examples.append(PackExample(f"{path}:{line}:{col}", example.text, example.mentions))

    def _merge(self, entry: EntityEntry, path: Path, node: yaml.Node | None, index: int) -> None:
        """Add an entry, or extend the entity of the same canonical name."""
        record = self.pack.entities.setdefault(entry.canonical, EntityRecord(entry.canonical, entry.kind))
        here = ("entities", index)
        if record.kind != entry.kind:
            raise DataFileError(path, *locate(node, here + ("kind",)),
                                f"{entry.canonical} is a {record.kind} elsewhere, not a {entry.kind}")
        if entry.speaks_for:
            if record.speaks_for not in (None, entry.speaks_for):
                raise DataFileError(path, *locate(node, here + ("speaks_for",)),
                                    f"{entry.canonical} already speaks for {record.speaks_for}")
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
            raise DataFileError(path, line, col, f"{form!r} has nothing to match (no letters, digits or ideographs)")
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
        raise DataFileError(path, line, col, f"{form!r} is already {what} at {owner[2]}")

    def _note_case(self, key: str, form: str) -> None:
        """The case a key asks of the text: the loosest its forms allow ("Nvidia" and "NVIDIA": upper start)."""
        self.pack.case[key] = min(self.pack.case.get(key, ALL_UPPER), case_of(form))

    def finish(self) -> AliasPack:
        """Check cross-references and return the pack."""
        for canonical, (path, line, col) in self.speaks_for_at.items():
            target = self.pack.entities[canonical].speaks_for
            if target not in self.pack.entities:
                raise DataFileError(path, line, col, f"speaks_for names {target!r}, which no alias file defines")
        return self.pack
