"""Quantity extraction speed: `python bench/quantities.py [--repeats N] [--rt-python PATH] [--rt-repeats N]`.

Times `checker.quantities.extract_quantities` on one core over the peer-spec inputs (the Number, Percent
and Currency specs of ../shared/peer-specs/recognizers-text, one input at a time, as `checker quantities`
reads them) and over the seed articles (seeds/*.txt, one whole article at a time, as the pipeline reads
them). Each input set: one warm-up pass (not counted), then the best of N passes; prints characters and
UTF-8 megabytes per second, and a total line (all characters over the sum of the best passes). "cold" is
one pass with the caches of what was read before (Chinese numeral runs, folded characters outside the fold
table computed for the whole BMP) emptied: the speed on text never seen. Where Recognizers-Text's Python package is installed in a separate virtual
environment (default /tmp/rt-venv: `python -m venv /tmp/rt-venv && /tmp/rt-venv/bin/pip install
recognizers-text-suite "emoji<2"`), the same inputs go through its Number, Percentage and Currency models
(bench/rt_worker.py, in a subprocess, models built and one warm-up pass made before timing) in the same
run, and the ratio of its time to ours is printed. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.quantities import extract_quantities  # noqa: E402
from checker.quantities import words  # noqa: E402
from checker.quantities.numerals import scanner  # noqa: E402

SPECS = ROOT.parent / "shared" / "peer-specs" / "recognizers-text"
SPEC_FILES = ["Number/{lang}/NumberModel.json", "Number/{lang}/PercentModel.json",
              "NumberWithUnit/{lang}/CurrencyModel.json"]
CULTURES = {"Chinese": "zh-cn", "English": "en-us"}
DEFAULT_RT = Path("/tmp/rt-venv/bin/python")


def runs() -> list[dict[str, object]]:
    """The input sets: peer-spec inputs per language, and the seed articles per language."""
    found = []
    for lang, culture in CULTURES.items():
        texts = []
        for name in SPEC_FILES:
            path = SPECS / name.format(lang=lang)
            if path.is_file():
                texts += [c["Input"].replace("\n", " ") for c in json.loads(path.read_text(encoding="utf-8-sig"))]
        if texts:
            found.append({"name": f"peer specs, {lang}", "culture": culture, "texts": texts})
    seeds: dict[str, list[str]] = {"zh-cn": [], "en-us": []}
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        seeds["zh-cn" if _chinese_share(text) > 0.2 else "en-us"].append(text)
    found += [{"name": f"seeds ({culture[:2]})", "culture": culture, "texts": texts}
              for culture, texts in seeds.items() if texts]
    return found


def _chinese_share(text: str) -> float:
    """The share of CJK ideographs among a text's characters."""
    return sum("\u4e00" <= c <= "\u9fff" for c in text) / max(len(text), 1)


def one_pass(texts: list[str]) -> float:
    """Seconds for one pass of extract_quantities over the texts."""
    started = time.perf_counter()
    for text in texts:
        extract_quantities(text)
    return time.perf_counter() - started


def time_checker(texts: list[str], repeats: int) -> tuple[float, float]:
    """(best seconds per pass of `repeats` after a warm-up pass, seconds of one pass with the caches emptied)."""
    extract_quantities("1")  # data files, tables, compiled expressions
    scanner().chinese._cache.clear()
    words._FOLDS.clear()
    cold = one_pass(texts)
    return min(one_pass(texts) for _ in range(repeats)), cold


def time_recognizers(rt_python: Path, jobs: list[dict[str, object]], repeats: int) -> dict[str, dict]:
    """Seconds per pass of Recognizers-Text over each input set, or {} when it is not installed."""
    if not rt_python.exists():
        return {}
    job = json.dumps({"runs": jobs, "repeats": repeats})
    done = subprocess.run([str(rt_python), str(ROOT / "bench" / "rt_worker.py")], input=job, text=True,
                          capture_output=True, encoding="utf-8")
    if done.returncode != 0:
        print(f"Recognizers-Text failed: {done.stderr.strip()[-400:]}", file=sys.stderr)
        return {}
    return json.loads(done.stdout)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rt-python", type=Path, default=DEFAULT_RT, help="python of the Recognizers-Text venv")
    parser.add_argument("--repeats", type=int, default=10, help="timed passes per input set (the best counts)")
    parser.add_argument("--rt-repeats", type=int, default=2, help="timed passes per input set for Recognizers-Text")
    args = parser.parse_args(argv)
    jobs = runs()
    ours = {str(j["name"]): time_checker(list(j["texts"]), args.repeats) for j in jobs}  # type: ignore[arg-type]
    theirs = time_recognizers(args.rt_python, jobs, args.rt_repeats)
    print(f"{'inputs':<20}{'texts':>6}{'chars':>8}{'MB':>7}{'chars/s':>11}{'MB/s':>6}{'cold chars/s':>13}{'MB/s':>6}"
          f"{'R-T chars/s':>12}{'MB/s':>7}{'ratio':>7}")
    rows = [(str(j["name"]), list(j["texts"])) for j in jobs]  # type: ignore[arg-type]
    total = ("total", [t for _, texts in rows for t in texts])
    for name, texts in [*rows, total]:
        names = [n for n, _ in rows] if name == "total" else [name]
        best, cold = (sum(ours[n][i] for n in names) for i in (0, 1))
        print(_row(name, texts, best, cold, sum(theirs[n]["seconds"] for n in names) if theirs else None))
    if not theirs:
        print(f"(Recognizers-Text not run: no {args.rt_python}; see this script's docstring)")
    return 0


def _row(name: str, texts: list[str], best: float, cold: float, rt: float | None) -> str:
    """One line of the table: sizes, our speed (best and cold), Recognizers-Text's and the ratio."""
    chars, megabytes = sum(map(len, texts)), sum(len(t.encode("utf-8")) for t in texts) / 1e6
    line = f"{name:<20}{len(texts):>6}{chars:>8}{megabytes:>7.3f}{chars / best:>11,.0f}{megabytes / best:>6.2f}" \
           f"{chars / cold:>13,.0f}{megabytes / cold:>6.2f}"
    if rt is not None:
        line += f"{chars / rt:>12,.0f}{megabytes / rt:>7.3f}{rt / best:>6.0f}×"
    return line


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
