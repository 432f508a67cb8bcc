"""Run inside a virtual environment with recognizers-text-suite: time its Number, Percent and Currency models.

Reads {"runs": [{"name": ..., "culture": "zh-cn" | "en-us", "texts": [...]}], "repeats": n} on standard
input; prints {"name": {"seconds": best_pass, "passes": n, "found": k}} as JSON. Models are built and one
warm-up pass is made before timing; the best of n passes counts.
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
        found = one_pass(chosen, run["texts"])  # warm-up: lazy regex compilation
        best = float("inf")
        for _ in range(job["repeats"]):
            started = time.perf_counter()
            one_pass(chosen, run["texts"])
            best = min(best, time.perf_counter() - started)
        out[run["name"]] = {"seconds": best, "passes": job["repeats"], "found": found}
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
