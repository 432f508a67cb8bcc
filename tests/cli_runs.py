"""Running checker's command line from tests, and comparing its output with golden files."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest

from checker.cli import main
from tests.conftest import ROOT


@dataclass(frozen=True)
class Done:
    """A finished in-process CLI run."""

    code: int
    out: str
    err: str


def run_in_process(cwd: Path, *args: str) -> Done:
    """Run `checker ARGS...` in-process from a folder, as the console script does (main() and its exit code)."""
    out, err, here, argv = io.StringIO(), io.StringIO(), Path.cwd(), sys.argv
    os.chdir(cwd)
    sys.argv = ["checker", *args]
    try:
        with redirect_stdout(out), redirect_stderr(err), pytest.raises(SystemExit) as exited:
            main()
    finally:
        os.chdir(here)
        sys.argv = argv
    return Done(exited.value.code, out.getvalue(), err.getvalue())


def run_module(*args: str, stdin: str | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run `python -m checker ARGS...` in a subprocess (the repository root by default)."""
    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=cwd, input=stdin, capture_output=True,
                          text=True, encoding="utf-8", check=False)


def assert_golden(path: Path, text: str) -> None:
    """Compare an output with its golden file (UPDATE_GOLDEN=1 rewrites the file)."""
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"stale {path}: rerun with UPDATE_GOLDEN=1"
