"""Resolution of one article: candidates from every step, the longest kept, short forms decided in order."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.entities.index import FormHit, FormIndex, Match
from checker.entities.normalise import has_cjk, is_cjk
from checker.entities.shapes import MASK, Paren
from checker.models import CleanArticle, Mention

if TYPE_CHECKING:
    from checker.entities.resolver import Resolver

NO_ALIAS = "no alias"
SOURCES = ("not_name", "alias", "parenthetical", "pinyin", "short", "unknown")  # tie-break order
KNOWN = frozenset(SOURCES[:3])  # candidates that hide the text from the shape-based steps


@dataclass(frozen=True)
class Candidate:
    """A span that may be a name, with the step that found it."""

    start: int
    end: int
    source: str
    entity: str | None = None
    shorts: tuple[str, ...] = ()
    why: str = ""
    wide: bool = False  # a short candidate whose context counts anywhere in the article (a homophone)


class ArticlePass:
    """The resolver's work on one cleaned article."""

    def __init__(self, resolver: Resolver, clean: CleanArticle) -> None:
        self.r = resolver
        self.text, self.folded = clean.text, clean.folded
        self.view = resolver.keyer.view(clean.folded)

    def mentions(self) -> list[Mention]:
        """Alias forms, then parenthetical evidence, pinyin variants and unknown names; then short forms."""
        found = [self._from_match(m) for m in self.r.index.scan(self.view, self.folded) if self._stands_alone(m)]
        found += self._local_forms(self._evidence(found, self._mask(found)))
        masked = self._mask(found)
        found += self._transliterations(masked) + self._given_names(found)
        found += [Candidate(s, e, "unknown", why=NO_ALIAS) for s, e in self.r.shapes.latin_pairs(masked)]
        return self._resolve(self._select(found))

    def _stands_alone(self, match: Match) -> bool:
        """False for a one-character CJK short form that runs on into other words ("王牌", "王传福")."""
        if match.hit.entity or match.hit.blocker or match.end - match.start > 1 or not is_cjk(self.folded[match.start]):
            return True
        after = self.folded[match.end:match.end + 1]
        return not after or not is_cjk(after) or after in self.r.settings.single_char_short_next

    @staticmethod
    def _from_match(match: Match) -> Candidate:
        """A candidate from an alias-index match."""
        hit = match.hit
        if hit.blocker:
            return Candidate(match.start, match.end, "not_name")
        if hit.entity:
            return Candidate(match.start, match.end, "alias", hit.entity, why="alias")
        return Candidate(match.start, match.end, "short", shorts=hit.shorts)

    def _mask(self, found: list[Candidate]) -> str:
        """The folded text with every known span blotted out."""
        chars = list(self.folded)
        for c in found:
            if c.source in KNOWN:
                chars[c.start:c.end] = MASK * (c.end - c.start)
        return "".join(chars)

    def _evidence(self, found: list[Candidate], masked: str) -> dict[str, str]:
        """Forms this article pairs with a known one in parentheses: key -> canonical."""
        known = {(c.start, c.end): c for c in found if c.source == "alias"}
        ending = {c.end: c for c in found if c.source == "alias"}
        dotted = {end: (start, end) for start, end in self.r.shapes.dotted_names(masked)}
        local: dict[str, str] = {}
        for paren in self.r.shapes.parentheticals(self.folded):
            inner, outer = known.get((paren.inner_start, paren.inner_end)), ending.get(paren.outer_end)
            if inner and outer:
                continue
            if outer:
                span = self._inner_name(paren, outer)
            elif inner:
                span = self._outer_name(paren, masked, dotted, inner.entity)
            else:
                continue
            if span:
                self._adopt(local, span, (inner or outer).entity)
        return local

    def _inner_name(self, paren: Paren, outer: Candidate) -> tuple[int, int] | None:
        """The parenthetical as a name for a known name before it, when it is name-shaped in the other script."""
        inner = self.folded[paren.inner_start:paren.inner_end]
        if not self.r.shapes.is_name(inner) or has_cjk(inner) == has_cjk(self.folded[outer.start:outer.end]):
            return None
        return paren.inner_start, paren.inner_end

    def _outer_name(self, paren: Paren, masked: str, dotted: dict, entity: str) -> tuple[int, int] | None:
        """The name before a known parenthetical: Latin words, or (for a person) a CJK name."""
        inner = self.folded[paren.inner_start:paren.inner_end]
        shapes, end = self.r.shapes, paren.outer_end
        if has_cjk(inner):
            return shapes.latin_run_before(masked, end)
        if self.r.infos[entity].kind != "person":
            return None
        return (dotted.get(end) or shapes.pinyin_spelled_before(masked, end, self.r.keyer.key(inner))
                or shapes.translit_before(masked, end))

    def _adopt(self, local: dict[str, str], span: tuple[int, int], entity: str) -> None:
        """Take a span as this article's form of an entity unless the alias files say otherwise."""
        key = self.r.keyer.view(self.folded[span[0]:span[1]]).keys
        pack = self.r.pack
        if key and key not in pack.blockers and key not in self.r.shorts and pack.full.get(key, entity) == entity:
            local.setdefault(key, entity)

    def _local_forms(self, local: dict[str, str]) -> list[Candidate]:
        """Every occurrence of the article's own forms."""
        if not local:
            return []
        index = FormIndex({key: FormHit(entity=entity) for key, entity in local.items()})
        why = "named in parentheses with {}".format
        return [Candidate(m.start, m.end, "parenthetical", m.hit.entity, why=why(m.hit.entity))
                for m in index.scan(self.view, self.folded)]

    def _transliterations(self, masked: str) -> list[Candidate]:
        """"·"-joined names (a known person's variant by pinyin, or unknown) and homophones of known names."""
        found = []
        for start, end in self.r.shapes.dotted_names(masked):
            match = self.r.pinyin.dotted_match(start, self.r.keyer.view(self.folded[start:end]).keys)
            if match and match.canonical:
                found.append(Candidate(start, end, "pinyin", match.canonical, why=match.why))
            else:
                found.append(Candidate(start, end, "unknown", why=match.why if match else NO_ALIAS))
        for m in self.r.pinyin.homophones_in(masked):
            if m.weak:
                found.append(Candidate(m.start, m.end, "short", shorts=m.weak, why=m.why, wide=True))
            elif m.canonical:
                found.append(Candidate(m.start, m.end, "pinyin", m.canonical, why=m.why))
        return found

    def _given_names(self, found: list[Candidate]) -> list[Candidate]:
        """A known person's form after "·"-joined given names (萨姆·奥特曼): the person's when the given names
        fit, else an unknown person (伊万卡·特朗普 is not Donald Trump)."""
        people = {c.start: c for c in found if c.source == "alias" and self.r.keyer.dot_before(self.folded, c.start)
                  and self.r.infos[c.entity].kind == "person"}
        if not people:
            return []
        masked, dot = self._mask([c for c in found if people.get(c.start) is not c]), self.r.keyer.dot
        candidates = []
        for start, end in self.r.shapes.dotted_names(masked):
            key = self.r.keyer.view(self.folded[start:end]).keys
            person = people.get(end - len(key.rsplit(dot, 1)[-1]))
            if person is None or person.end != end or person.start == start:
                continue
            match = self.r.pinyin.dotted_match(start, key)
            if match and match.canonical:
                candidates.append(Candidate(start, end, "pinyin", match.canonical, why=match.why))
            elif self.r.given.fit(key.split(dot)[:-1], person.entity):
                why = f"given name fits {person.entity}"
                candidates.append(Candidate(start, end, "pinyin", person.entity, why=why))
            else:
                candidates.append(Candidate(start, end, "unknown", why=f"given name does not fit {person.entity}"))
        return candidates

    def _select(self, found: list[Candidate]) -> list[Candidate]:
        """Non-overlapping candidates: longest first, then by step, then leftmost; not-names dropped."""
        order = {source: i for i, source in enumerate(SOURCES)}
        taken = bytearray(len(self.folded))
        chosen = []
        for c in sorted(found, key=lambda c: (c.start - c.end, order[c.source], c.start)):
            if any(taken[c.start:c.end]):
                continue
            taken[c.start:c.end] = b"\x01" * (c.end - c.start)
            if c.source != "not_name":
                chosen.append(c)
        return sorted(chosen, key=lambda c: c.start)

    def _resolve(self, chosen: list[Candidate]) -> list[Mention]:
        """Mentions in text order; a short form resolves from what came before or its sentence."""
        ids = self.r.shapes.sentence_ids(self.folded)
        bounds: dict[int, list[int]] = {}
        for i, sid in enumerate(ids):
            bounds.setdefault(sid, [i, i])[1] = i + 1
        named: dict[int, set[str]] = defaultdict(set)
        for c in chosen:
            if c.entity:
                named[ids[c.start]].add(c.entity)
        wide = any(c.wide for c in chosen)
        everywhere, article = (set().union(*named.values()), self.folded.lower()) if wide else (set(), "")
        seen: set[str] = set()
        mentions = []
        for c in chosen:
            entity, why = c.entity, c.why
            if c.wide:
                entity, why = self._short(c, seen, everywhere, article, "article")
            elif c.source == "short":
                start, end = bounds[ids[c.start]]
                entity, why = self._short(c, seen, named[ids[c.start]], self.folded[start:end].lower(), "sentence")
            seen.update([entity] if entity else [])
            mentions.append(self._mention(c, entity, why))
        return mentions

    def _short(self, c: Candidate, seen: set[str], named_here: set[str], text: str,
               scope: str) -> tuple[str | None, str]:
        """The entity a short form stands for (named before, or named or with context in its scope), or None and why."""
        before = {e for e in c.shorts if e in seen}
        around = {e for e in c.shorts if e in named_here or self.r.context.found(e, named_here, text)}
        fits = sorted(before | around)
        if len(fits) == 1:
            how = "named in full earlier" if fits[0] in before else f"context in the {scope}"
            return fits[0], f"{c.why or 'short form'}; {how}"
        if fits:
            return None, f"ambiguous short form: {', '.join(fits)}"
        return None, f"{c.why or 'short form of ' + ', '.join(c.shorts)}; no full name earlier and no context"

    def _mention(self, c: Candidate, entity: str | None, why: str) -> Mention:
        """The mention of a chosen candidate."""
        kind = self.r.infos[entity].kind if entity else ("person" if c.source == "unknown" else "unknown")
        return Mention(text=self.text[c.start:c.end], start=c.start, end=c.end, entity=entity, kind=kind, why=why)
