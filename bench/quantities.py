"""Quantity extraction speed: `python bench/quantities.py [--rt-python PATH] [--seconds S]`.

Times `checker.quantities.extract_quantities` on one core over the peer-spec inputs (the Number, Percent
and Currency specs of ../shared/peer-specs/recognizers-text, one input at a time, as `checker quantities`
reads them) and over the seed articles (seeds/*.txt, one whole article at a time, as the pipeline reads
them). Prints characters and UTF-8 megabytes per second. Where Recognizers-Text's Python package is
installed in a separate virtual environment (default /tmp/rt-venv:
`python -m venv /tmp/rt-venv && /tmp/rt-venv/bin/pip install recognizers-text-suite "emoji<2"`), the
same inputs go through its Number, Percentage and Currency models (bench/rt_worker.py, in a subprocess,
models built before timing) in the same run, and the ratio is printed. A benchmark, not a test.
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


def time_checker(texts: list[str], min_seconds: float) -> float:
    """Seconds per pass of extract_quantities over the texts (best of passes filling `min_seconds`)."""
    for text in texts[:3]:
        extract_quantities(text)  # warm-up: data files, tables, compiled expressions
    best, spent = float("inf"), 0.0
    while spent < min_seconds:
        started = time.perf_counter()
        for text in texts:
            extract_quantities(text)
        elapsed = time.perf_counter() - started
        best, spent = min(best, elapsed), spent + elapsed
    return best


def time_recognizers(rt_python: Path, jobs: list[dict[str, object]], min_seconds: float) -> dict[str, dict]:
    """Seconds per pass of Recognizers-Text over each input set, or {} when it is not installed."""
    if not rt_python.exists():
        return {}
    job = json.dumps({"runs": jobs, "min_seconds": min_seconds})
    done = subprocess.run([str(rt_python), str(ROOT / "bench" / "rt_worker.py")], input=job, text=True,
                          capture_output=True, encoding="utf-8")
    if done.returncode != 0:
        print(f"Recognizers-Text failed: {done.stderr.strip()[-400:]}", file=sys.stderr)
        return {}
    return json.loads(done.stdout)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rt-python", type=Path, default=DEFAULT_RT, help="python of the Recognizers-Text venv")
    parser.add_argument("--seconds", type=float, default=1.0, help="minimum timing per input set")
    args = parser.parse_args(argv)
    jobs = runs()
    ours = {str(j["name"]): time_checker(list(j["texts"]), args.seconds) for j in jobs}  # type: ignore[arg-type]
    theirs = time_recognizers(args.rt_python, jobs, args.seconds)
    print(f"{'inputs':<20}{'chars':>9}{'MB':>8}{'checker chars/s':>17}{'MB/s':>8}{'R-T chars/s':>13}{'MB/s':>8}{'ratio':>8}")
    for job in jobs:
        name, texts = str(job["name"]), list(job["texts"])  # type: ignore[arg-type]
        chars, size = sum(map(len, texts)), sum(len(t.encode("utf-8")) for t in texts)
        line = f"{name:<20}{chars:>9}{size / 1e6:>8.3f}{chars / ours[name]:>17,.0f}{size / 1e6 / ours[name]:>8.2f}"
        if name in theirs:
            seconds = theirs[name]["seconds"]
            line += f"{chars / seconds:>13,.0f}{size / 1e6 / seconds:>8.3f}{seconds / ours[name]:>7.0f}×"
        print(line)
    if not theirs:
        print(f"(Recognizers-Text not run: no {args.rt_python}; see this script's docstring)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
