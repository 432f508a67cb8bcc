"""The words around a quantity that change what it claims (checker/data/claims.yaml), as one validated model."""

from __future__ import annotations

from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from checker.datafiles import load_model
from checker.paths import DATA_DIR


class ClaimWords(BaseModel):
    """Words around a quantity that change what it claims (claims.yaml)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    negations: tuple[str, ...]
    deltas: tuple[str, ...]
    references: tuple[str, ...]
    not_references: tuple[str, ...]
    not_subject_markers: tuple[str, ...]
    owner_markers: tuple[str, ...]
    contrasts: tuple[str, ...]
    speech_verbs: tuple[str, ...]
    possessives: tuple[str, ...]
    list_separators: tuple[str, ...]
    titles: tuple[str, ...]
    title_reach: int
    subsets: tuple[str, ...]
    back_references: tuple[str, ...]
    relatives: tuple[str, ...]
    subject_relatives: tuple[str, ...] = ()
    leader_suffixes: tuple[str, ...] = ()
    totals: tuple[str, ...] = ()
    figure_references: tuple[str, ...] = ()
    listed_groups: tuple[str, ...] = ()
    past_age_after: tuple[str, ...] = ()
    past_age_before: tuple[str, ...] = ()
    apposed_age: tuple[int, int]
    plans: tuple[str, ...]
    marker_reach: int
    context_sentences: int
    previous_values: tuple[str, ...]
    previous_values_zh: tuple[str, ...]
    earlier_values_zh: tuple[str, ...]
    earlier_openers: tuple[str, ...] = ()
    earlier_phrases: tuple[str, ...] = ()
    changes: tuple[str, ...]
    never_subject_markers: tuple[str, ...]
    agent_verbs: tuple[str, ...]
    led_groups: tuple[str, ...]
    passive_markers: tuple[str, ...]
    receipt_markers: tuple[str, ...]
    agent_links: tuple[str, ...]
    lower_bounds: tuple[str, ...]
    upper_bounds: tuple[str, ...]
    orders: tuple[str, ...]
    per_year: tuple[str, ...]


@lru_cache(maxsize=1)
def claim_words() -> ClaimWords:
    """Load the bundled claim words."""
    return load_model(DATA_DIR / "claims.yaml", ClaimWords)
