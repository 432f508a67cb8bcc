"""Regenerate the committed reports on the seeds: `python reports/update.py` (from the repo root)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# (format, file): the same commands a user runs; tests/test_seeds_report.py fails when these are stale.
OUTPUTS = [("json", "seeds.json"), ("markdown", "seeds.md"), ("terminal", "seeds.txt")]


def main() -> int:
    """Write each report format of `checker report seeds` into reports/."""
    for fmt, name in OUTPUTS:
        command = [sys.executable, "-m", "checker", "report", "seeds", "--format", fmt, "--no-color",
                   "--output", f"reports/{name}"]
        done = subprocess.run(command, cwd=ROOT, check=False)
        if done.returncode != 0:
            return done.returncode
        print(f"wrote reports/{name}")
    entities = subprocess.run([sys.executable, "-m", "checker", "entities", "seeds", "--format", "json"],
                              cwd=ROOT, capture_output=True, text=True, check=True)
    (ROOT / "reports" / "seeds-entities.json").write_text(entities.stdout, encoding="utf-8")
    print("wrote reports/seeds-entities.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
