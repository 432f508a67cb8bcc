"""bench/resolve.py runs (a smoke test; the figures themselves are not asserted)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_resolve_bench_prints_its_table():
    """One size of each shape: a row with mentions, seconds and microseconds per mention."""
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "resolve.py"), "--max", "1"],
                          capture_output=True, text=True, check=False, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    rows = [line.split() for line in done.stdout.splitlines() if line.strip().startswith("1 ")]
    assert len(rows) == 2 and all(int(row[1]) > 100 for row in rows)
