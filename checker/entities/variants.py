"""Name variants derived from the alias pack: surname-plus-title short forms, and given names that fit a person."""

from __future__ import annotations

from collections import defaultdict

from rapidfuzz import fuzz

from checker.entities.aliases import AliasPack, EntityRecord
from checker.entities.normalise import Keyer, is_cjk, pinyin_of, syllable
from checker.entities.settings import Settings
from checker.entities.sound import Sounds


def _surnames(record: EntityRecord, keyer: Keyer, settings: Settings) -> set[str]:
    """A person's Chinese surname characters: one-character CJK short forms, and the first character of a
    two- or three-character Chinese name whose pinyin is a word of the Latin name (汪滔, Alexandr Wang)."""
    words = {w.lower() for w in record.canonical.replace("-", " ").split()}
    found = {key for key in map(keyer.key, record.short) if len(key) == 1 and is_cjk(key)}
    for key in map(keyer.key, record.forms):
        chinese = 2 <= len(key) <= 3 and all(is_cjk(c) for c in key) and key[0] in settings.surnames
        if chinese and syllable(key[0]) in words:
            found.add(key[0])
    return found


def title_shorts(pack: AliasPack, keyer: Keyer, settings: Settings) -> dict[str, tuple[str, ...]]:
    """Short forms made of a person's Chinese surname and a title (汪氏, 黄先生), added to the pack's own.

    Like any short form they name the person only after the full name or with context in the sentence;
    a key the alias files already give another role (a full form, a not-name) is left as it is.
    """
    derived: dict[str, set[str]] = defaultdict(set)
    for record in (r for r in pack.entities.values() if r.kind == "person"):
        for surname in _surnames(record, keyer, settings):
            for title in settings.surname_titles:
                derived[keyer.key(surname + title)].add(record.canonical)
    shorts = dict(pack.short)
    for key, names in derived.items():
        if key not in pack.full and key not in pack.blockers:
            shorts[key] = tuple(sorted(names | set(shorts.get(key, ()))))
    return shorts


class GivenNames:
    """Whether given names before a known surname form fit the person (山姆·奥特曼; not 伊万卡·特朗普)."""

    def __init__(self, pack: AliasPack, keyer: Keyer, settings: Settings, sounds: Sounds) -> None:
        self.pack, self.keyer, self.sounds = pack, keyer, sounds
        self.min_ratio, self.min_sound = settings.pinyin.given_name_min_ratio, settings.pinyin.given_name_min_sound
        self.given: dict[str, set[str]] = defaultdict(set)  # canonical -> pinyin of its dotted forms' given parts
        for record in pack.entities.values():
            for parts in (keyer.key(f).split(keyer.dot) for f in record.forms):
                if len(parts) > 1 and all(is_cjk(c) for p in parts for c in p):
                    self.given[record.canonical].update("".join(pinyin_of(p)) for p in parts[:-1])

    def fit(self, parts: list[str], canonical: str) -> bool:
        """True when every given part is the person's short form, spelled like a known given name, or sounds
        like a word of the Latin name before the surname."""
        latin = canonical.split()[:-1]
        return bool(parts) and all(self._part_fits(part, canonical, latin) for part in parts)

    def _part_fits(self, part: str, canonical: str, latin: list[str]) -> bool:
        """One given part against the person."""
        if canonical in self.pack.short.get(part, ()):
            return True
        spelled = "".join(pinyin_of(part))
        if any(fuzz.ratio(spelled, known, processor=None) >= self.min_ratio for known in self.given[canonical]):
            return True
        return any(self.sounds.part(part, word) >= self.min_sound for word in latin if word.isascii())
