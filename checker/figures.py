"""How a figure reads in its sentence: a restatement, a value before a change, one end of a range, an order of
magnitude."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from checker.models import Mention, Quantity
from checker.periods import PeriodMatch
from checker.roles import RoleFinder, SentenceView

if TYPE_CHECKING:
    from checker.claim_words import ClaimWords
    from checker.rules import TriggerHit

OPEN_PARENS, CLOSE_PARENS = "(（", ")）"
ELLIPSIS_GAP = 10  # characters between a name and its figure in an elliptical list ("Amazon roughly $100bn")
ORDER_TIMES = 999  # hundredths: "数以千亿" spans 1,000亿 to just under ten times it ("hundreds of billions")


def superseded(quantity: Quantity, others: list[Quantity], text: str, view: SentenceView,
               periods: list[PeriodMatch], words: ClaimWords) -> bool:
    """True for the value before a change ("up from $75 billion", "由640亿美元上调至660亿美元"; both ends of "from $64
    billion to $72 billion"; "高於先前的750億美元"), unless a period is said with it ("up from $39.2 billion in 2024", "从去年的400亿美元增至…")."""
    clause = view.clause_of(quantity.start)
    earlier = [q for q in others if clause[0] <= q.start and q.end <= quantity.start]
    if earlier and text[earlier[-1].end:quantity.start].strip() in ("to", "至", "到", "-", "–"):
        quantity = earlier[-1]  # the upper end of a range before a change goes with its lower end
    before = text[clause[0]:quantity.start].rstrip()
    after = text[quantity.end:min(clause[1], quantity.end + 8)]
    english = any(re.search(rf"\b{re.escape(w)}$", before) for w in words.previous_values)
    chinese = (before.endswith(words.previous_values_zh) and any(w in after for w in words.changes)
               or before.endswith(words.earlier_values_zh))
    if not (english or chinese):
        return False
    said = [p for p in periods if clause[0] <= p.start and p.end <= clause[1] and not p.baseline]
    return not any(quantity.start - 8 <= p.start < quantity.start or quantity.end <= p.start < quantity.end + 20
                   for p in said)


def of_earlier_time(quantity: Quantity, text: str, view: SentenceView, words: ClaimWords) -> bool:
    """True for a figure of the time before the news ("在此之前，微软持有…32.5%", "Microsoft previously held about
    32.5%"): for a figure that changes over time, an earlier state, no claim of the present."""
    clause = view.clause_of(quantity.start)
    return text[view.start:view.end].lstrip().startswith(words.earlier_openers) or \
        any(phrase in text[clause[0]:quantity.start] for phrase in words.earlier_phrases)


def as_bound(quantity: Quantity, text: str, clause: tuple[int, int], words: ClaimWords) -> Quantity:
    """A figure given as the low or high end of a range ("下限上调至660亿美元", "the high end of $72 billion") bounds it."""
    before = text[clause[0]:quantity.start]
    if quantity.qualifier not in ("exact", "approx") or quantity.low is None:
        return quantity
    if any(word in before for word in words.lower_bounds):
        return quantity.model_copy(update={"qualifier": "at_least", "high": None})
    if any(word in before for word in words.upper_bounds):
        return quantity.model_copy(update={"qualifier": "at_most", "low": None})
    return quantity


def as_order(quantity: Quantity, text: str, words: ClaimWords) -> Quantity:
    """A figure said as an order of magnitude ("数以千亿美元": hundreds of billions) is a range up to ten times it."""
    if quantity.low is None or not text.endswith(words.orders, 0, quantity.start):
        return quantity
    high = quantity.value * ORDER_TIMES / 100
    return quantity.model_copy(update={"qualifier": "range", "low": quantity.value, "high": high})


def is_restatement(quantity: Quantity, others: list[Quantity], text: str) -> bool:
    """True for a figure in parentheses that restates the one before it ("143亿美元(约1,115亿港元)")."""
    opening = max(text.rfind(p, 0, quantity.start) for p in OPEN_PARENS)
    if opening < 0 or any(c in text[opening:quantity.start] for c in CLOSE_PARENS):
        return False
    before_paren = text[:opening].rstrip()
    for other in others:
        if other is quantity or other.kind != quantity.kind:
            continue
        if opening < other.start < quantity.start or other.end == len(before_paren):
            return True
    return False


def elliptical_names(view: SentenceView, quantities: list[Quantity], text: str, separators: tuple[str, ...]) -> dict[int, Mention]:
    """The name before each figure of an elliptical list clause ("…, Alphabet $75bn and Amazon roughly $100bn"), by
    the figure's start: a clause of two or more name-figure pairs joined by list separators, nothing else."""
    joins = {s.strip() for s in separators}
    found: dict[int, Mention] = {}
    for clause in view.clauses:
        names = [m for m in view.mentions if clause[0] <= m.start < clause[1]]
        figures = [q for q in quantities if clause[0] <= q.start < clause[1]]
        if len(names) < 2 or len(names) != len(figures):
            continue
        pairs = list(zip(names, figures))
        gaps_ok = all(_lead_gap(text[name.end:figure.start]) for name, figure in pairs)
        joined = all(text[a[1].end:b[0].start].strip() in joins for a, b in zip(pairs, pairs[1:]))
        edges = not text[clause[0]:names[0].start].strip() and not text[figures[-1].end:clause[1]].strip(". 。")
        if gaps_ok and joined and edges and all(n.end <= f.start for n, f in pairs):
            found.update({figure.start: name for name, figure in pairs})
    return found


def _lead_gap(gap: str) -> bool:
    """True for what may stand between a name and its figure in an elliptical list: space or a qualifier word."""
    return len(gap) <= ELLIPSIS_GAP and not any(c.isdigit() or c in ",，、;；:：()（）" for c in gap)


def heading_trigger(views: list[SentenceView], index: int, kind: str, hits: list[TriggerHit],
                    finder: RoleFinder) -> TriggerHit | None:
    """For a figure in a list item, the trigger of the heading line right above the list when the heading holds no
    figure of its kind ("【今年资本开支排行】\\n1. 亚马逊：约1000亿美元")."""
    if finder.list_item(views[index]) is None:
        return None
    earlier = index - 1
    while earlier >= 0 and finder.list_item(views[earlier]) is not None:
        earlier -= 1
    if earlier < 0:
        return None
    heading, first_item = views[earlier], finder.list_item(views[earlier + 1])
    text = finder.text
    line_start = text.rfind("\n", 0, heading.start) + 1
    if text[line_start:heading.start].strip() or text[heading.end:first_item].strip():
        return None  # not a heading line right above the list
    if any(k == kind for _, k in heading.figures):
        return None
    return next((h for h in hits if heading.start <= h.start and h.end <= heading.end), None)
