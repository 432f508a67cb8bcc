"""Run inside a virtual environment with recognizers-text-suite: time its Number, Percent and Currency models.

Reads {"runs": [{"name": ..., "culture": "zh-cn" | "en-us", "texts": [...]}], "min_seconds": s} on standard
input; prints {"name": {"seconds": per_pass, "passes": n, "found": k}} as JSON. Models are built before timing.
"""

import json
import sys
import time

from recognizers_number import NumberRecognizer
from recognizers_number_with_unit import NumberWithUnitRecognizer


def models(culture):
    """The models that do what checker.quantities does: numbers, percentages, currencies."""
    numbers, units = NumberRecognizer(culture), NumberWithUnitRecognizer(culture)
    return [numbers.get_number_model(), numbers.get_percentage_model(), units.get_currency_model()]


def one_pass(chosen, texts):
    """Every model over every text once; the number of results."""
    found = 0
    for text in texts:
        for model in chosen:
            found += len(model.parse(text))
    return found


def main():
    job = json.load(sys.stdin)
    out = {}
    for run in job["runs"]:
        chosen = models(run["culture"])
        one_pass(chosen, run["texts"][:3])  # warm-up: lazy regex compilation
        passes, started, found = 0, time.perf_counter(), 0
        while True:
            found = one_pass(chosen, run["texts"])
            passes += 1
            elapsed = time.perf_counter() - started
            if elapsed >= job["min_seconds"]:
                break
        out[run["name"]] = {"seconds": elapsed / passes, "passes": passes, "found": found}
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
