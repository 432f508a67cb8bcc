"""Rule files: which facts to compare, the words that signal them and the roles around them."""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path
from typing import Literal

import opencc
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from checker.datafiles import DataFileError, load_model, locate, read_yaml, valid_regex

QUANTITY_KINDS = {"money", "percent", "count", "number", "age", "power", "compute", "data", "length", "mass", "area"}
ENTITY_KINDS = {"person", "company", "organization", "media", "product", "facility", "place", "topic"}
NAMED_VALUES = {"role": "person", "location": "place", "date": "date"}  # named rule value -> the kind it reads
_T2S = opencc.OpenCC("t2s.json")
Owner = tuple[str, str, bool, str | None]  # a trigger word's rule id, subject side, weakness and clause regex
_NOT_LATIN_BEFORE, _NOT_LATIN_AFTER = r"(?<![A-Za-z0-9_])", r"(?![A-Za-z0-9_])"  # Latin word edges, CJK allowed
_SCRIPT_SEAM = re.compile(r"[\u3400-\u9fff](?=[A-Za-z0-9])|[A-Za-z0-9](?=[\u3400-\u9fff])")  # in a trigger word
_SPACE_AT_SEAM = re.compile(r"(?<=[\u3400-\u9fff]) (?=[A-Za-z0-9])|(?<=[A-Za-z0-9]) (?=[\u3400-\u9fff])")  # in a match


class RuleModel(BaseModel):
    """Strict base for rule-file sections."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class RoleSpec(RuleModel):
    """How to find the entity that fills a role (subject or object) around a trigger."""

    kinds: tuple[str, ...]
    markers: tuple[str, ...] = ()  # words right before the entity that mark this role (对, 向, in, from)
    via_person: bool = False  # a person who speaks for an organisation stands for it
    fallback: Literal["context", "none"] = "none"  # look back in earlier sentences when absent
    required: bool = False  # without it the rule does not apply (another rule may)
    reach: Literal["clause", "sentence"] = "sentence"  # how far an unmarked entity may stand
    # a subject is read as the clause's topic (its first fitting entity) or as the one nearest the trigger
    # ("软银领投OpenAI,估值3000亿美元": the valued company is the nearest)
    prefer: Literal["topic", "nearest"] = "topic"
    not_after: tuple[str, ...] = ()  # words right before an unmarked entity that keep it out ("hired 11 for MSL")
    # common nouns that say the role without a name ("offered top researchers…", "为顶尖研究员开出"): with one in the
    # figure's clause (not pointing back: "the researcher", "这位研究员"), no name is taken from earlier sentences
    groups: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _known_kinds(self) -> RoleSpec:
        unknown = set(self.kinds) - ENTITY_KINDS
        if unknown:
            raise ValueError(f"unknown entity kind(s) {sorted(unknown)}; use {sorted(ENTITY_KINDS)}")
        return self


class TriggerSet(RuleModel):
    """Words that signal the attribute; `subject: after` when the subject follows the word."""

    words: tuple[str, ...] = Field(min_length=1)
    subject: Literal["before", "after"] = "before"
    weak: bool = False  # generic words (spend, 投入): bind only where no specific trigger is nearer
    qualifiers: tuple[str, ...] = ()  # named rules: qualifiers the word carries itself (co-founder: co)
    # a regex the figure's clause (folded, lower case; for a named rule, its clause and the rest of its sentence) must
    # match for these words to count: 薪酬 is a year's pay only
    # where a year is said ("库克去年总薪酬"), not in "庞若鸣获逾2亿美元薪酬"
    needs: str | None = None

    _check = field_validator("needs")(valid_regex)


class RuleExample(RuleModel):
    """A sentence and the claim the rule must (or must not) produce from it."""

    text: str
    date: str | None = None  # article date for relative periods, ISO
    claim: dict[str, str | float | int | None] | None = None  # None: the rule must produce no claim


class ClaimRule(RuleModel):
    """One comparable attribute: its quantity kinds, trigger words and roles."""

    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    attribute: str
    description: str = ""
    value: Literal["quantity", "role", "location", "date"] = "quantity"  # named rules read an entity or a date
    kinds: tuple[str, ...] = Field(min_length=1)
    unique: bool = False  # named rules: one value at a time (a CEO, a founding date), else many (founders)
    qualifiers: dict[str, tuple[str, ...]] = {}  # named rules: former/co/acting/current -> words before the trigger
    triggers: tuple[TriggerSet, ...] = ()
    trigger_optional: bool = False  # the quantity itself is enough (ages)
    unless: tuple[str, ...] = ()  # words that, anywhere in the clause, mean another rule's fact (收购…股份 is a stake)
    plans_apart: bool = False  # a planned figure (计划招聘50人) is another fact than a done one: "<plan_label> <attribute>"
    plan_label: str = "planned"  # "expected revenue", "planned people hired"
    rates_apart: bool = False  # a figure per year (每年价值300亿美元) is another fact than a total: "<rate_label> <attribute>"
    rate_label: str = "annual"
    totals_apart: bool = False  # a sum of several (合同总额, "contracts totalling") is another fact: "<total_label> <attribute>"
    total_label: str = "total"
    # a figure that changes within a year (a valuation, a user count): one stated for another month is another fact
    by_month: bool = False
    symmetric: bool = False  # the two parties play the same part (a contract between them): named in a fixed order
    subject: RoleSpec
    object: RoleSpec | None = None
    examples: tuple[RuleExample, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _known_quantity_kinds(self) -> ClaimRule:
        allowed = QUANTITY_KINDS if self.value == "quantity" else {NAMED_VALUES[self.value]}
        unknown = set(self.kinds) - allowed
        if unknown:
            raise ValueError(f"unknown {self.value} kind(s) {sorted(unknown)}; use {sorted(allowed)}")
        if not self.triggers and not self.trigger_optional:
            raise ValueError("a rule needs triggers unless trigger_optional is true")
        return self


class RuleFile(RuleModel):
    """A YAML file of claim rules; `not_triggers` are words that contain a trigger but are none (投资者)."""

    rules: tuple[ClaimRule, ...] = ()
    not_triggers: tuple[str, ...] = ()


class TriggerHit(BaseModel):
    """A trigger word found in a folded text."""

    model_config = ConfigDict(frozen=True)
    rule: str
    start: int
    end: int
    subject_side: Literal["before", "after"]
    weak: bool = False
    needs: str | None = None  # a regex the clause must match (TriggerSet.needs)


class RuleBook:
    """All rules of a run, with one compiled pattern for every trigger word."""

    def __init__(self, rules: list[ClaimRule], sources: dict[str, str], not_triggers: tuple[str, ...] = ()) -> None:
        self.rules = {rule.id: rule for rule in rules}
        self.sources = sources  # rule id -> file it came from
        self.not_triggers = not_triggers

    @cached_property
    def _pattern(self) -> tuple[re.Pattern[str], dict[str, list[Owner]]]:
        """Compile every trigger word into one alternation, longest words first (blockers own nothing)."""
        owners: dict[str, list[Owner]] = {fold_word(w): [] for w in self.not_triggers}
        for rule in self.rules.values():
            for trigger in rule.triggers if rule.value == "quantity" else ():  # named rules: checker.named
                for word in trigger.words:
                    entry = (rule.id, trigger.subject, trigger.weak, trigger.needs)
                    folded = owners.setdefault(fold_word(word), [])
                    if entry not in folded:
                        folded.append(entry)
        words = sorted(owners, key=lambda w: (-len(w), w))
        parts = [_word_regex(w) for w in words] or [r"(?!x)x"]
        return re.compile("|".join(parts), re.IGNORECASE), owners

    def triggers_in(self, folded: str) -> list[TriggerHit]:
        """Every trigger occurrence in a folded text (one hit per owning rule)."""
        pattern, owners = self._pattern
        hits = []
        for match in pattern.finditer(folded):
            for rule_id, side, weak, needs in _owners_of(match.group(), owners):
                hits.append(TriggerHit(rule=rule_id, start=match.start(), end=match.end(), subject_side=side, weak=weak,
                                       needs=needs))
        return hits

    def digest(self) -> str:
        """A stable digest of the rules' content (for baselines)."""
        import hashlib

        text = "\n".join(r.model_dump_json() for _, r in sorted(self.rules.items()))
        return hashlib.sha256(text.encode()).hexdigest()[:16]


def fold_word(word: str) -> str:
    """Fold a trigger word the way article text is folded (zh-Hans, lower case)."""
    return _T2S.convert(word).lower()


def _word_regex(word: str) -> str:
    """A regex for one trigger word: Latin words stand apart from Latin letters and digits (a CJK neighbour is
    no obstacle: "20万张GPU"), plurals too (pay packages); a space may part Latin letters from CJK ("首席 AI 科学家")."""
    escaped = re.escape(word).replace(r"\ ", r"\s+")
    escaped = spaced_at_seams(escaped)
    if word[:1].isascii() and word[:1].isalnum():
        escaped = _NOT_LATIN_BEFORE + escaped
    if word[-1:].isascii() and word[-1:].isalpha():
        escaped += r"(?:e?s)?" + _NOT_LATIN_AFTER
    elif word[-1:].isascii() and word[-1:].isalnum():
        escaped += _NOT_LATIN_AFTER
    return escaped


def spaced_at_seams(escaped: str) -> str:
    """A word's regex with an optional space wherever CJK meets a Latin letter or digit ("首席 AI 科学家")."""
    return _SCRIPT_SEAM.sub(r"\g<0> ?", escaped)


def unspaced_at_seams(matched: str) -> str:
    """Matched text without the spaces where CJK meets Latin (the word's own form)."""
    return _SPACE_AT_SEAM.sub("", matched)


def _owners_of(matched: str, owners: dict[str, list[Owner]]) -> list[Owner]:
    """The rules a match in folded text stands for: its word's, and its singular's ("GPUs" is also "GPU")."""
    key = unspaced_at_seams(" ".join(matched.lower().split()))
    found: list[Owner] = []
    for ending in ("", "s", "es"):
        stem = key[: len(key) - len(ending)] if ending else key
        if key.endswith(ending) and stem in owners:
            found.extend(entry for entry in owners[stem] if entry not in found)
    return found


def rule_files(dirs: list[Path]) -> list[Path]:
    """Rule files in each rules folder's claims/ subfolder, in a stable order."""
    found: list[Path] = []
    for folder in dirs:
        found.extend(sorted(p for p in (folder / "claims").glob("*.yaml") if p.is_file()))
    return found


def load_rules(dirs: list[Path]) -> RuleBook:
    """Load and validate every rule file; a duplicate rule id is an error."""
    rules: list[ClaimRule] = []
    sources: dict[str, str] = {}
    blockers: list[str] = []
    for path in rule_files(dirs):
        data, node = read_yaml(path)
        parsed = load_model(path, RuleFile, data, node)
        blockers.extend(parsed.not_triggers)
        for index, rule in enumerate(parsed.rules):
            if rule.id in sources:
                line, col = locate(node, ("rules", index, "id"))
                raise DataFileError(path, line, col, f"rule id {rule.id!r} already defined in {sources[rule.id]}")
            sources[rule.id] = str(path)
            rules.append(rule)
    return RuleBook(rules, sources, tuple(blockers))
