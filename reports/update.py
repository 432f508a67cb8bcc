"""Regenerate the committed reports on the seeds: `python reports/update.py` (from the repo root)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# (format, file): the same commands a user runs; tests/test_seeds_report.py fails when these are stale.
OUTPUTS = [("json", "seeds.json"), ("markdown", "seeds.md"), ("terminal", "seeds.txt")]
README_LINES = 23  # how much of the terminal report the README shows
README_BLOCK = re.compile(r"(<!-- OUTPUT[^>]*-->\n```text\n)(.*?)(```)", re.S)


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
    update_readme()
    return 0


def update_readme() -> None:
    """Copy the start of the terminal report into the README's OUTPUT block."""
    readme = ROOT / "README.md"
    head = "".join((ROOT / "reports" / "seeds.txt").read_text(encoding="utf-8").splitlines(True)[:README_LINES])
    text = readme.read_text(encoding="utf-8")
    updated = README_BLOCK.sub(lambda m: m.group(1) + head + m.group(3), text, count=1)
    if updated != text:
        readme.write_text(updated, encoding="utf-8")
        print("updated the README's output block")


if __name__ == "__main__":
    sys.exit(main())
