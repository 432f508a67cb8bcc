"""Command-line interface: the only place that writes output files and exits."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from checker import exitcodes
from checker.datafiles import DataFileError

FORMATS = ["terminal", "json", "markdown", "html"]


def _write(text: str, output: str | None, color: bool | None = None) -> None:
    """Write a rendered report to a file or standard output."""
    if output:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as err:
            raise click.ClickException(f"{output}: cannot be written ({err.strerror or err})") from None
    else:
        click.echo(text, nl=not text.endswith("\n"), color=color)


def _warn(messages: tuple[str, ...] | list[str]) -> None:
    """Print warnings to standard error."""
    for message in messages:
        click.echo(f"warning: {message}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="checker")
def cli() -> None:
    """Find where news articles contradict each other (Chinese and English)."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="terminal", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to FILE.")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False, exists=True),
              help="A rules folder (claims/, aliases/) that adds to the bundled one. Repeatable.")
@click.option("--color/--no-color", default=None, help="Colour the terminal report (default: when a TTY).")
def report(paths: tuple[str, ...], fmt: str, output: str | None, rule_dirs: tuple[str, ...], color: bool | None) -> None:
    """Report the contradictions between the articles under PATHS."""
    from checker.pipeline import Knowledge, build_report, read_corpus
    from checker.report import render

    corpus = read_corpus(paths, Knowledge.load(rule_dirs))
    _warn(corpus.warnings)
    result = build_report(corpus)
    use_color = (sys.stdout.isatty() and not output) if color is None else color
    _write(render(result, fmt, color=use_color), output, use_color)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["terminal", "json"]), default="terminal", show_default=True)
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(file_okay=False, exists=True))
def entities(paths: tuple[str, ...], fmt: str, rule_dirs: tuple[str, ...]) -> None:
    """List the people and organisations named under PATHS, with every form of their names."""
    from checker.pipeline import Knowledge, corpus_entities, read_corpus

    corpus = read_corpus(paths, Knowledge.load(rule_dirs))
    _warn(corpus.warnings)
    found = corpus_entities(corpus)
    if fmt == "json":
        rows = [e.model_dump(mode="json") for e in found]
        _write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n", None)
        return
    for entity in found:
        click.echo(f"{entity.canonical} [{entity.kind}] {len(entity.articles)} article(s): {', '.join(entity.forms)}")


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True)
def quantities(fmt: str) -> None:
    """Read lines from standard input; print the quantities found in each (one JSON array per line)."""
    from checker.quantities import extract_quantities, quantity_json

    for line in sys.stdin:
        found = [quantity_json(q) for q in extract_quantities(line.rstrip("\n"))]
        if fmt == "json":
            click.echo(json.dumps(found, ensure_ascii=False))
        else:
            click.echo("\t".join(f"{q['text']}={q['value']:g} {q['unit']} ({q['qualifier']})" for q in found))


from checker.gate.commands import register
register(cli)
from checker.entities.commands import register as register_aliases; register_aliases(cli)  # noqa: E702


def main() -> None:
    """Run the CLI, mapping every failure to an exit code from checker.exitcodes."""
    try:
        code = cli.main(standalone_mode=False)
    except DataFileError as err:
        click.echo(f"error: {err}", err=True)
        code = exitcodes.ERROR
    except click.exceptions.Abort:
        code = exitcodes.ERROR
    except click.ClickException as err:
        err.show()
        code = exitcodes.ERROR
    except Exception as err:  # an internal error must not look like "contradictions found"
        click.echo(f"error: {type(err).__name__}: {err}", err=True)
        code = exitcodes.ERROR
    sys.exit(code if isinstance(code, int) else exitcodes.OK)
