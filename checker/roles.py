"""Find the entities that fill a rule's roles (subject, object) around a trigger."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Callable

from checker.models import Mention
from checker.rules import RoleSpec, fold_word

if TYPE_CHECKING:
    from checker.claim_words import ClaimWords

RELATIVE_GAP = re.compile(r"\b(?P<marker>in|into|of|from|to|for)\s+(?:which|whom)\b")  # "in which Meta invested"
AFTER_RELATIVE = re.compile(r"\b(?:which|whom)\s*$")
LIST_ITEM = re.compile(r"[ \t]*(?:\d{1,3}\s*[.、)）]|[(（]\d{1,3}[)）]|[•·▪●◆*-])")  # "1.", "2、", "(3)", "•"
GROUP_REACH = 6  # how far before a group noun a demonstrative makes it point back ("这位顶尖研究员")
GLOSS_GAPS = ("", "(", "（", " (")  # between a name and the next that qualifies or glosses it ("日本软银集团（SoftBank）")
PUNCTUATION = set("，,。；;：:！!？?\n()（）「」“”\"")


@dataclass(frozen=True)
class SentenceView:
    """A sentence with its clauses and the mentions inside it."""

    start: int
    end: int
    clauses: tuple[tuple[int, int], ...]
    mentions: tuple[Mention, ...]
    figures: frozenset[tuple[int, str]] = frozenset()  # (clause start, quantity kind) of figures here

    def clauses_without_figures(self) -> tuple[tuple[int, int], ...]:
        """The clauses that hold no figure (their periods may speak for the whole sentence)."""
        busy = {start for start, _ in self.figures}
        return tuple(c for c in self.clauses if c[0] not in busy)

    def clause_of(self, offset: int) -> tuple[int, int]:
        """The clause holding an offset (the whole sentence if none does)."""
        return next(((s, e) for s, e in self.clauses if s <= offset < e), (self.start, self.end))


@lru_cache(maxsize=None)
def folded(words: tuple[str, ...]) -> tuple[str, ...]:
    """Rule words in the form texts are matched in, folded once per tuple (roles are looked up per mention)."""
    return tuple(fold_word(w) for w in words)


class RoleFinder:
    """Resolves role entities using entity kinds and who speaks for which organisation."""

    def __init__(self, speaks_for: Callable[[str], str | None], text: str, words: ClaimWords,
                 spokespeople: dict[str, str] | None = None, mentions: list[Mention] | None = None):
        self.by_start = {m.start: m for m in mentions or []}
        self.person_starts = sorted(m.start for m in mentions or [] if m.kind == "person")
        self.starts = sorted(self.by_start)
        self.speaks_for = speaks_for
        self.spokespeople = spokespeople or {}  # person -> organisation they speak for
        self.text = text  # folded, lower-case article text
        self.words = words
        self.reach = words.marker_reach
        self.separators = {s.strip() or s for s in words.list_separators}  # compared with stripped gaps
        self.possessive_links = {p.strip() for p in words.possessives}

    def fill(self, mention: Mention, spec: RoleSpec) -> str | None:
        """The name a mention contributes to a role, or None if it does not fit."""
        name = mention.entity or (mention.text if mention.kind == "person" else None)
        if name is None:
            return None
        if spec.via_person and mention.kind == "person" and mention.entity:
            organisation = self.speaks_for(mention.entity)
            if organisation or "person" not in spec.kinds:
                return organisation  # "扎克伯格收购…" is Meta's act; a person who speaks for none acts as himself
        return name if mention.kind in spec.kinds else None

    def represented_by(self, subject: str | None) -> set[str]:
        """Names that stand for the subject: itself and the people who speak for it."""
        if subject is None:
            return set()
        return {subject} | {p for p, org in self.spokespeople.items() if org == subject}

    def targets_in(self, sentence: SentenceView, spec: RoleSpec | None) -> set[int]:
        """Start offsets of mentions right after an object marker ("向Scale AI", "a deal with Scale AI"): targets of
        an act, subjects only for want of another."""
        markers = list(folded(spec.markers if spec else ())) + list(self.words.not_subject_markers)
        return {m.start for m in sentence.mentions if self._after_marker(m, markers, slack=1) and not self._owner(m)}

    def _owner(self, mention: Mention) -> bool:
        """True for an entity between an owner marker and a possessive ("在Meta的薪酬包", "at Meta's")."""
        return (self.text.startswith(self.words.possessives, mention.end)
                and self._after_marker(mention, list(self.words.owner_markers), slack=1))

    def never_subjects(self, sentence: SentenceView) -> set[int]:
        """Start offsets of mentions right after a never-subject marker ("a round led by SoftBank", "比库克…还高"), or
        right after one that is ("由日本软银集团（SoftBank）领投"), or right before a leader suffix ("软银领投的"), unless the name heads a group that acts ("由马斯克牵头的财团")."""
        markers = list(self.words.never_subject_markers)
        never: set[int] = set()
        for index, mention in enumerate(sentence.mentions):
            earlier = sentence.mentions[index - 1] if index else None
            if self._after_marker(mention, markers, slack=1) or (
                    earlier is not None and earlier.start in never and self.text[earlier.end:mention.start] in GLOSS_GAPS):
                never.add(mention.start)
            elif self.text.startswith(self.words.leader_suffixes, mention.end) or self._in_named_group(mention):
                never.add(mention.start)  # "軟銀領投的400億美元融資", "向Thrive Capital、软银…等投资者出售"
        return {start for start in never if not self._heads_group(self.by_start[start])}

    def _in_named_group(self, mention: Mention) -> bool:
        """True for a name in a list that a group noun closes ("向Thrive Capital、软银、Dragoneer等投资者出售股份"):
        one of several counterparties, nobody's subject."""
        return self._group_closer.match(self.text, mention.end) is not None

    @cached_property
    def _group_closer(self) -> re.Pattern[str]:
        """What closes a list of counterparties after one of its names."""
        groups = "|".join(re.escape(g) for g in self.words.listed_groups)
        return re.compile(f"[^。，,；;！？!?]{{0,40}}?等(?:{groups})")

    def _heads_group(self, mention: Mention) -> bool:
        """True for a name followed by a verb, 的 and a group noun ("马斯克牵头的投资者财团"): the group's leader."""
        after = self.text[mention.end:mention.end + 12]
        link = after.find("的")
        return 0 < link <= 4 and not PUNCTUATION & set(after[:link]) and after[link + 1:].startswith(self.words.led_groups)

    def passive_agent(self, sentence: SentenceView, start: int, end: int) -> Mention | None:
        """The agent of a passive act at a trigger spanning start-end ("被Meta收购", "获Meta投资", "acquired by Meta")."""
        clause = sentence.clause_of(start)
        for mention in sentence.mentions:
            if not clause[0] <= mention.start < clause[1]:
                continue
            if mention.end <= start and (self._after_marker(mention, list(self.words.passive_markers), slack=1) or (
                    not self.text[mention.end:start].strip()
                    and self._after_marker(mention, list(self.words.receipt_markers), slack=1))):
                return mention
            if mention.start >= end and self.text[end:mention.start] in self.words.agent_links:
                return mention
        return None

    def agents_before(self, sentence: SentenceView, before: int) -> set[int]:
        """Start offsets of people acting on another person before a position ("祖克柏延攬28歲執行長")."""
        clause = sentence.clause_of(before)
        return {m.start for m in sentence.mentions if m.kind == "person" and clause[0] <= m.start and m.end <= before
                and self.text[m.end:before].lstrip().startswith(self.words.agent_verbs)}

    def is_speaker(self, mention: Mention) -> bool:
        """True when a speech verb follows the mention closely ("奥特曼吐槽说")."""
        after = self.text[mention.end:mention.end + 40]
        after = re.sub(r"^\s*[(（][^()（）]*[)）]|^[)）]", "", after).lstrip()
        return any(after.startswith(v.strip()) for v in self.words.speech_verbs)

    def is_affiliation(self, mention: Mention) -> bool:
        """True for an organisation that only titles the person right after it ("OpenAI CEO Sam Altman"), with no
        other name between."""
        if mention.kind == "person":
            return False
        after = bisect_left(self.person_starts, mention.end)
        gap_end = self.person_starts[after] if after < len(self.person_starts) else None
        if gap_end is None or gap_end - mention.end > self.words.title_reach:
            return False
        gap = self.text[mention.end:gap_end]
        if bisect_left(self.starts, gap_end) > bisect_left(self.starts, mention.end):
            return False  # another name between: "Meta挖角苹果AI主管庞若鸣" titles him with Apple, not Meta
        if gap.strip() in self.possessive_links:
            return True  # "苹果的庞若鸣", "Apple's Ruoming Pang": his employer
        return not (PUNCTUATION & set(gap)) and any(title in gap for title in self.words.titles)

    def list_item(self, sentence: SentenceView) -> int | None:
        """The start of the line of a list item ("1. …", "2、…", "• …") holding the sentence, or None."""
        line = self.text.rfind("\n", 0, sentence.start) + 1
        return line if LIST_ITEM.match(self.text, line) else None

    def right_after(self, mention: Mention, words: tuple[str, ...]) -> bool:
        """True when one of the (unfolded) words ends right before the mention ("for MSL", "为MSL")."""
        return bool(words) and self._after_marker(mention, list(folded(words)), slack=1)

    def names_group(self, clause: tuple[int, int], groups: tuple[str, ...]) -> bool:
        """True when the clause names holders of a role by a common noun that does not point back ("top researchers",
        "顶尖研究员", not "the researcher" or "这位研究员")."""
        for word in folded(groups):
            at = self.text.find(word, clause[0], clause[1])
            if at >= 0 and not any(r in self.text[max(clause[0], at - GROUP_REACH):at] for r in self.words.references):
                return True
        return False

    def opens_relative(self, clause: tuple[int, int]) -> bool:
        """True for a relative clause (", in which Meta invested…,"): its names are not the sentence's subject."""
        head = self.text[clause[0]:clause[1]].lstrip()
        return any(head.startswith(word) for word in self.words.relatives)

    def whole_of(self, sentence: SentenceView, clause: tuple[int, int]) -> tuple[int, int] | None:
        """The clause before one that opens with a subset word ("融资400亿美元，其中软银出资300亿美元"): its figure is
        the whole this one is part of."""
        head = self.text[clause[0]:clause[1]].lstrip()
        index = sentence.clauses.index(clause) if clause in sentence.clauses else 0
        if index > 0 and any(head.startswith(word) for word in self.words.subsets):
            return sentence.clauses[index - 1]
        return None

    def points_back(self, sentence: SentenceView, clause: tuple[int, int], before: int) -> bool:
        """True when a figure counts part of what the sentence before counted: the sentence opens with a subset word
        ("其中，软银出资300亿美元") or the clause names that whole ("软银此轮出资300亿美元", "$30 billion of that sum")."""
        head = self.text[sentence.start:before].lstrip()
        return any(head.startswith(word) for word in self.words.subsets) or \
            any(word in self.text[clause[0]:clause[1]] for word in self.words.back_references)

    def opens_contrast(self, clause: tuple[int, int]) -> bool:
        """True when a clause turns to another party ("而亚马逊…")."""
        head = self.text[clause[0]:clause[1]].lstrip()
        return any(head.startswith(word) for word in self.words.contrasts)

    def marked(self, sentence: SentenceView, spec: RoleSpec, blocked: Callable[[int], bool],
               clause: tuple[int, int] = (0, 0), near: int = 0) -> tuple[str, Mention] | None:
        """An entity right after one of the role's markers in the sentence (in `clause` first, nearest to `near` first:
        "2012年以10亿美元收购Instagram、2014年以190亿美元收购WhatsApp"), with any coordinated ones."""
        markers = list(folded(spec.markers))
        antecedent = self._relative_antecedent(sentence, markers, spec)
        if antecedent is not None and not blocked(antecedent.start):
            return self.fill(antecedent, spec), antecedent
        order = sorted(range(len(sentence.mentions)), key=lambda i: (not clause[0] <= sentence.mentions[i].start < clause[1],
                                                                     abs(sentence.mentions[i].start - near)))
        for index in order:
            mention = sentence.mentions[index]
            if self.fill(mention, spec) is None or blocked(mention.start) or not self._after_marker(mention, markers):
                continue
            if AFTER_RELATIVE.search(self.text, max(0, mention.start - 16), mention.start):
                continue  # "in which Meta": the marker is the entity's before it
            if index > 0 and self._joined(sentence.mentions[index - 1], mention):
                continue  # "从OpenAI、Anthropic和谷歌": a name inside a list is read with the list's first
            names = [self.fill(mention, spec)]
            for follower in sentence.mentions[index + 1:]:
                if not self._joined(mention, follower) or self.fill(follower, spec) is None:
                    break
                names.append(self.fill(follower, spec))
                mention = follower
            return " + ".join(sorted(set(names))), sentence.mentions[index]
        return None

    def _joined(self, first: Mention, second: Mention) -> bool:
        """True when only a list separator stands between two mentions ("OpenAI、Anthropic", "Google and Meta")."""
        gap = self.text[first.end:second.start]
        return (gap.strip() or gap) in self.separators

    def _relative_antecedent(self, sentence: SentenceView, markers: list[str], spec: RoleSpec) -> Mention | None:
        """"Scale AI, in which Meta invested": the entity a marker + which/whom points back to."""
        for found in RELATIVE_GAP.finditer(self.text, sentence.start, sentence.end):
            if found.group("marker") not in markers:
                continue
            before = [m for m in sentence.mentions if m.end <= found.start()]
            if before and len(self.text[before[-1].end:found.start()].strip(" ,，")) == 0:
                if self.fill(before[-1], spec) is not None:
                    return before[-1]
        return None

    def _after_marker(self, mention: Mention, markers: list[str], slack: int | None = None) -> bool:
        """True when a marker stands shortly before the mention with no punctuation between: within the marker reach,
        or (with `slack`) ending at most that many characters before it ("向Scale AI", "deal with Scale AI")."""
        for marker in markers:
            reach = self.reach if slack is None else len(marker) + slack
            at = self.text.rfind(marker, max(0, mention.start - reach), mention.start)
            end = at + len(marker)
            if at < 0 or PUNCTUATION & set(self.text[end:mention.start]) or self._inside_word(marker, at, mention.start):
                continue
            return True
        return False

    def _inside_word(self, marker: str, at: int, limit: int) -> bool:
        """True for a Latin marker that is part of a longer word there ("in" in "join", "to" in "into")."""
        if not marker.isascii():
            return False
        end = at + len(marker)
        before = self.text[at - 1:at] if at > 0 else ""
        after = self.text[end:end + 1] if end < limit else ""
        return (marker[:1].isalpha() and before.isascii() and before.isalnum()) or \
            (marker[-1:].isalpha() and after not in ("", " "))

    def nearest(self, mentions: tuple[Mention, ...], spec: RoleSpec, skip: set[str]) -> str | None:
        """The first mention (in the given order) that fills the role and is not skipped."""
        for mention in mentions:
            name = self.fill(mention, spec)
            if name and name not in skip and not self._owner_of_next(mention, spec):
                return name
        return None

    def _owner_of_next(self, mention: Mention, spec: RoleSpec) -> bool:
        """True for "OpenAI的ChatGPT" / "OpenAI's ChatGPT" when the owned entity fits the role too."""
        for link in self.words.possessives:
            if self.text.startswith(link, mention.end):
                owned = self.by_start.get(mention.end + len(link))
                return owned is not None and self.fill(owned, spec) is not None
        return False
