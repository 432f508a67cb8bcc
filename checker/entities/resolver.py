"""The entity resolver: alias forms, parenthetical evidence, pinyin variants, short forms, unknown names."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from checker.entities.aliases import AliasPack, load_aliases
from checker.entities.article import ArticlePass
from checker.entities.context import ContextIndex
from checker.entities.index import FormIndex
from checker.entities.normalise import Keyer
from checker.entities.pinyin import PinyinIndex
from checker.entities.settings import Settings, load_settings
from checker.entities.shapes import NameShapes
from checker.entities.sound import load_sounds
from checker.entities.variants import GivenNames, title_shorts
from checker.models import CleanArticle, Mention


@dataclass(frozen=True)
class EntityInfo:
    """What the alias files say about an entity."""

    canonical: str
    kind: str
    speaks_for: str | None


class Resolver:
    """Finds names in cleaned articles and resolves them to canonical entities."""

    def __init__(self, pack: AliasPack, settings: Settings) -> None:
        self.pack = pack
        self.settings = settings
        self.keyer = Keyer(settings)
        self.shorts = title_shorts(pack, self.keyer, settings)  # the pack's short forms and 汪氏, 黄先生 ...
        self.index = FormIndex.from_pack(pack, self.shorts)
        self.given = GivenNames(pack, self.keyer, settings, load_sounds())
        self.pinyin = PinyinIndex(pack, self.keyer, settings)
        self.shapes = NameShapes(settings)
        self.context = ContextIndex(pack, self.keyer)
        self.infos = {r.canonical: EntityInfo(r.canonical, r.kind, r.speaks_for) for r in pack.entities.values()}

    @classmethod
    def load(cls, dirs: Iterable[str | Path]) -> Resolver:
        """Read aliases/*.yaml and */aliases/*.yaml under each folder, later ones adding to earlier ones."""
        return cls(load_aliases(map(Path, dirs)), load_settings())

    def info(self, canonical: str) -> EntityInfo | None:
        """Kind and speaks_for of a canonical name (None for a name no alias file defines)."""
        return self.infos.get(canonical)

    def mentions(self, clean: CleanArticle) -> list[Mention]:
        """Every name in the article, sorted and non-overlapping (the longest match wins)."""
        return ArticlePass(self, clean).mentions()
