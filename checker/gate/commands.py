"""The gate's commands: `checker check`, `checker baseline` and `checker config`."""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

import click

from checker import exitcodes
from checker.gate.baseline import Baseline, BaselineError, accept_all, dump_baseline, read_baseline
from checker.gate.baseline import prune as prune_baseline
from checker.gate.config import COMMAND_LINE, MergedSettings, merge_settings, render_settings
from checker.gate.matching import SEVERITIES, GateResult, judge

if TYPE_CHECKING:
    from checker.models import Report
    from checker.pipeline import Knowledge

CHECK_FORMATS = ["terminal", "json", "github", "sarif"]


@dataclass(frozen=True)
class Analysis:
    """A pipeline run: the knowledge it used, its report and the original texts by path."""

    knowledge: Knowledge
    report: Report
    texts: dict[str, str]


def setting_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """PATHS, --rules and --baseline: the settings the command line can override."""
    options = [
        click.argument("paths", nargs=-1),
        click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False),
                     help="A rules folder (claims/, aliases/) that adds to the bundled one. Repeatable."),
        click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False),
                     help="The file of accepted contradictions."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def judged(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn a baseline that cannot be used into a usage failure (exit code 2)."""
    @functools.wraps(func)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except BaselineError as err:
            raise click.ClickException(str(err)) from None
    return run


def merged(paths: tuple[str, ...], rule_dirs: tuple[str, ...], baseline: str | None,
           min_severity: str | None = None) -> MergedSettings:
    """The configuration files of the current folder overridden by what the command line gives."""
    overrides = {"paths": paths or None, "rules": rule_dirs or None, "baseline": baseline, "min_severity": min_severity}
    return merge_settings(Path.cwd(), overrides)


def require_inputs(found: MergedSettings) -> None:
    """Fail (exit code 2) unless there are paths to read and every path and rules folder exists."""
    settings = found.settings
    if not settings.paths:
        raise click.UsageError("no PATH given (on the command line or as `paths` in the configuration)")
    missing = [path for path in settings.paths if not Path(path).exists()]
    missing += [folder for folder in settings.rules if not Path(folder).is_dir()]
    if missing:
        raise click.UsageError(f"not found: {', '.join(missing)}")


def analyse(found: MergedSettings) -> Analysis:
    """Run the pipeline on the configured paths with the configured rules."""
    from checker.pipeline import Knowledge, build_report, read_corpus

    knowledge = Knowledge.load(found.settings.rules)
    corpus = read_corpus(list(found.settings.paths), knowledge)
    for warning in corpus.warnings:
        click.echo(f"warning: {warning}", err=True)
    if not corpus.cleans:
        raise click.ClickException(f"no readable article under {', '.join(found.settings.paths)}")
    texts = {clean.article.path: clean.article.text for clean in corpus.cleans}
    return Analysis(knowledge, build_report(corpus), texts)


def emit(text: str, output: str | None) -> None:
    """Write an output to a file or to standard output."""
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)


def render(fmt: str, result: GateResult, run: Analysis, baseline_path: str | None) -> str:
    """The gate's verdict in one of the output formats."""
    from checker.gate import github, sarif, text

    if fmt == "sarif":
        return sarif.render_sarif(result, run.knowledge.rules, run.texts, run.knowledge.rules.digest())
    if fmt == "github":
        return github.render_annotations(result, run.texts, baseline_path)
    if fmt == "json":
        return text.render_json(result, run.texts, baseline_path)
    return text.render_terminal(result, run.texts, baseline_path)


def append_step_summary(markdown: str) -> None:
    """Append the Markdown summary to the file named by $GITHUB_STEP_SUMMARY, when it is set."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    try:
        with open(target, "a", encoding="utf-8") as handle:
            handle.write(markdown)
    except OSError as err:
        click.echo(f"warning: cannot write the job summary to {target}: {err}", err=True)


@click.command("check")
@setting_options
@click.option("--format", "fmt", type=click.Choice(CHECK_FORMATS), default="terminal", show_default=True)
@click.option("--min-severity", type=click.Choice(SEVERITIES), help="Fail on warnings too (default: conflicts).")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the output to FILE.")
@judged
def check(paths: tuple[str, ...], rule_dirs: tuple[str, ...], baseline_path: str | None, fmt: str,
          min_severity: str | None, output: str | None) -> int:
    """Fail (exit 1) when the articles under PATHS contradict each other outside the baseline."""
    from checker.gate.github import render_summary

    found = merged(paths, rule_dirs, baseline_path, min_severity)
    require_inputs(found)
    baseline_file = found.settings.baseline
    accepted = read_baseline(baseline_file) if baseline_file else None
    run = analyse(found)
    result = judge(run.report, accepted, found.settings.min_severity, run.knowledge.rules.digest())
    emit(render(fmt, result, run, baseline_file), output)
    if fmt == "github":
        append_step_summary(render_summary(result, run.texts, baseline_file))
    return exitcodes.FOUND if result.failing else exitcodes.OK


@click.command("baseline")
@setting_options
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the baseline to FILE.")
@click.option("--prune", is_flag=True, help="Only drop the entries that no longer occur; accept nothing new.")
@judged
def baseline(paths: tuple[str, ...], rule_dirs: tuple[str, ...], baseline_path: str | None, output: str | None,
             prune: bool) -> int:
    """Write the contradictions under PATHS as the accepted set (reviewers' notes are kept)."""
    found = merged(paths, rule_dirs, baseline_path)
    source, target = found.settings.baseline or output, output or found.settings.baseline
    if target is None:
        raise click.UsageError("name the baseline file: --output FILE, --baseline FILE or `baseline` in the configuration")
    require_inputs(found)
    must_exist = prune or found.sources["baseline"] == COMMAND_LINE
    previous = read_baseline(source) if source and (must_exist or Path(source).exists()) else None
    run = analyse(found)
    digest = run.knowledge.rules.digest()
    written = pruned(previous, run.report, digest, source) if prune else accept_all(run.report, digest, previous)
    Path(target).write_text(dump_baseline(written), encoding="utf-8")
    click.echo(baseline_message(target, written, previous, prune))
    return exitcodes.OK


def pruned(previous: Baseline | None, report: Report, digest: str, source: str | None) -> Baseline:
    """The previous baseline without entries that no longer occur; refused when the rules changed."""
    if previous is None:
        raise click.UsageError("--prune needs an existing baseline (--baseline FILE or --output FILE)")
    if previous.rules_digest != digest:
        raise click.ClickException(
            f"refusing to prune {source}: the rules changed since it was written (rules digest "
            f"{previous.rules_digest}, now {digest}), so entries may be missing because of the rules, not the "
            f"articles. Rewrite it with `checker baseline PATH... --output {source}` and review the diff.")
    return prune_baseline(previous, report)


def baseline_message(target: str, written: Baseline, previous: Baseline | None, pruning: bool) -> str:
    """What `checker baseline` did, in one line."""
    if pruning and previous is not None:
        dropped = len(previous.entries) - len(written.entries)
        return f"pruned {target}: {dropped} entr{'y' if dropped == 1 else 'ies'} no longer found, {len(written.entries)} kept"
    notes = sum(1 for entry in written.entries if entry.note)
    return f"wrote {target}: {len(written.entries)} accepted contradiction(s), {notes} with a reviewer's note"


@click.command("config")
@setting_options
@click.option("--min-severity", type=click.Choice(SEVERITIES))
@click.option("--format", "fmt", type=click.Choice(["toml", "json"]), default="toml", show_default=True)
def config(paths: tuple[str, ...], rule_dirs: tuple[str, ...], baseline_path: str | None, min_severity: str | None,
           fmt: str) -> int:
    """Print the merged gate settings and where each value comes from."""
    emit(render_settings(merged(paths, rule_dirs, baseline_path, min_severity), fmt), None)
    return exitcodes.OK


def register(cli: click.Group) -> None:
    """Add the gate's commands to the command-line group."""
    for command in (check, baseline, config):
        cli.add_command(command)
