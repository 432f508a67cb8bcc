"""Where the bundled language data and rule packs live."""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"
PROJECT_DIR = PACKAGE_DIR.parent
BUNDLED_RULES_DIR = PROJECT_DIR / "rules"
