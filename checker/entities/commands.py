"""The alias commands: `checker aliases suggest`, `checker aliases check` and `checker aliases explain`."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import click

from checker import exitcodes
from checker.paths import BUNDLED_RULES_DIR


def alias_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--rules (repeatable) and --no-bundled-aliases: which alias folders a command reads."""
    options = [
        click.option("--rules", "rule_dirs", multiple=True, type=click.Path(exists=True),
                     help="A rules folder (aliases/ inside) or an aliases folder; adds to the bundled pack. Repeatable."),
        click.option("--no-bundled-aliases", "no_bundled", is_flag=True,
                     help="Read only the folders given with --rules, not the bundled pack."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def alias_dirs(rule_dirs: tuple[str, ...], no_bundled: bool) -> list[Path]:
    """The alias folders of a command, bundled first unless left out."""
    return ([] if no_bundled else [BUNDLED_RULES_DIR]) + [Path(d) for d in rule_dirs]


def _articles(paths: tuple[str, ...]) -> list:
    """Cleaned articles under the paths; load warnings go to standard error."""
    from checker.clean import clean_article
    from checker.load import load_articles

    articles, warnings = load_articles(paths)
    for message in warnings:
        click.echo(f"warning: {message}", err=True)
    return [clean_article(a) for a in articles]


def _emit(text: str, output: str | None) -> None:
    """Write text to a file or standard output."""
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)


@click.group()
def aliases() -> None:
    """Suggest, check and explain the alias files that tie names to entities."""


@aliases.command()
@click.argument("paths", nargs=-1, required=True)
@alias_options
@click.option("--format", "fmt", type=click.Choice(["yaml", "json"]), default="yaml", show_default=True)
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
              help="Leave out suggestions below this confidence (default: checker/data/entities.yaml).")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the suggestions to FILE.")
def suggest(paths: tuple[str, ...], rule_dirs: tuple[str, ...], no_bundled: bool, fmt: str,
            min_confidence: float | None, output: str | None) -> None:
    """Propose alias entries for the names found under PATHS, with evidence and a confidence."""
    from checker.entities.resolver import Resolver
    from checker.entities.suggest import Suggester
    from checker.entities.suggest_render import render_json, render_yaml

    suggester = Suggester(Resolver.load(alias_dirs(rule_dirs, no_bundled)))
    cleans = _articles(paths)
    for clean in cleans:
        suggester.add(clean)
    floor = suggester.w.min_confidence if min_confidence is None else min_confidence
    found = suggester.suggestions(floor)
    render = render_json if fmt == "json" else render_yaml
    _emit(render(found, len(cleans), floor), output)


@aliases.command()
@click.argument("dirs", nargs=-1, type=click.Path(exists=True))
@click.option("--no-bundled-aliases", "no_bundled", is_flag=True,
              help="Check only the folders given, not them together with the bundled pack.")
def check(dirs: tuple[str, ...], no_bundled: bool) -> int:
    """Validate alias files (the bundled pack, plus DIRS): every error as path:line:col, exit 2."""
    from checker.entities.aliases import alias_files, check_aliases

    folders = alias_dirs(dirs, no_bundled)
    files = alias_files(folders)
    if not files:
        click.echo(f"error: no alias files under {', '.join(map(str, folders)) or 'the given folders'}", err=True)
        return exitcodes.ERROR
    pack, errors = check_aliases(files)
    for error in sorted(errors, key=lambda e: (e.path, e.line, e.col, e.message)):
        click.echo(f"{error}", err=True)
    if errors:
        click.echo(f"aliases: {len(errors)} error(s) in {len(files)} file(s)", err=True)
        return exitcodes.ERROR
    forms = sum(len(r.forms) + len(r.short) for r in pack.entities.values())
    click.echo(f"aliases: ok, {len(files)} file(s), {len(pack.entities)} entities, {forms} forms, "
               f"{len(pack.not_names)} not-names")
    return exitcodes.OK


@aliases.command()
@click.argument("paths", nargs=-1, required=True)
@alias_options
@click.option("--unresolved", is_flag=True, help="Show only the names left unresolved.")
def explain(paths: tuple[str, ...], rule_dirs: tuple[str, ...], no_bundled: bool, unresolved: bool) -> None:
    """Every name found under PATHS: line, span, the entity it resolved to, and why (or why not)."""
    from checker.entities.listing import original_span
    from checker.entities.resolver import Resolver
    from checker.load import line_of

    resolver = Resolver.load(alias_dirs(rule_dirs, no_bundled))
    for clean in _articles(paths):
        for m in resolver.mentions(clean):
            if unresolved and m.entity:
                continue
            line = line_of(clean.article.text, clean.offsets[m.start])
            entity = m.entity or "(unresolved)"
            click.echo(f"{clean.article.name}:{line}\t{original_span(clean, m)}\t{entity}\t{m.why}")


def register(cli: click.Group) -> None:
    """Add the `aliases` command group to the CLI."""
    cli.add_command(aliases)
