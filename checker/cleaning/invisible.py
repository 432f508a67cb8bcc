"""Characters that hide inside numbers and names (zero-width, soft hyphens) removed; odd spaces made plain."""

from __future__ import annotations

import re
from functools import cache

from checker.cleaning.data import cleaning_data
from checker.cleaning.edits import Edit


@cache
def invisible_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The compiled `remove` and `space` patterns of the invisible section."""
    data = cleaning_data().invisible
    return re.compile(data.remove), re.compile(data.space)


def invisible_edits(text: str) -> list[Edit]:
    """Edits that remove invisible characters and turn other spaces into plain ones."""
    if text.isascii():
        return []
    remove, space = invisible_patterns()
    edits = [Edit(*m.span()) for m in remove.finditer(text)]
    edits.extend(Edit(m.start(), m.end(), " ") for m in space.finditer(text))
    return edits
