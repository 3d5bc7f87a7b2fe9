"""CLI commands that read contracts: analyze and export."""

from __future__ import annotations

import csv
import io
import sys
from functools import partial
from pathlib import Path

import click

from extractor.cli_common import debug_on, model_option, password_from, trust_option, write_output
from extractor.isolation import DEFAULT_MEMORY_MB, DEFAULT_TIME_LIMIT
from extractor.preflight import DEFAULT_MAX_MB, DEFAULT_MAX_PAGES


def settings_from(model_dir: Path | None, trust_model: bool, rules: Path | None, provider: str | None,
                  client: str | None, password_env: str | None, ask_password: bool, max_mb: int,
                  max_pages: int):  # type: ignore[no-untyped-def]
    """The analysis Settings of the options every contract-reading command shares."""
    from extractor.analyzer import Settings

    return Settings(model_dir=model_dir, trust_model=trust_model, rules=rules, provider=provider, client=client,
                    password=password_from(password_env, ask_password), max_mb=max_mb, max_pages=max_pages)


def input_options(f):  # type: ignore[no-untyped-def]
    """Options shared by every command that reads contracts."""
    for opt in reversed([
        model_option, trust_option,
        click.option("--rules", type=click.Path(path_type=Path, dir_okay=False, exists=True),
                     help="JSON file of concepts that extends or replaces the shipped rules."),
        click.option("--provider", help="Name of the service provider, when the contract is unclear."),
        click.option("--client", help="Name of the client (the outsourcing company), when unclear."),
        click.option("--password-env", metavar="VAR", help="Read the PDF password from this environment variable."),
        click.option("--ask-password", is_flag=True, help="Prompt for the PDF password (not echoed)."),
        click.option("--max-mb", default=DEFAULT_MAX_MB, show_default=True, help="Refuse files larger than this (MB)."),
        click.option("--max-pages", default=DEFAULT_MAX_PAGES, show_default=True, help="Refuse PDFs with more pages."),
        click.option("--time-limit", default=DEFAULT_TIME_LIMIT, show_default=True,
                     help="Seconds one file may take (0: no limit)."),
        click.option("--memory-mb", default=DEFAULT_MEMORY_MB, show_default=True,
                     help="Memory one file may use on top of the loaded model (0: no cap)."),
    ]):
        f = opt(f)
    return f


def _progress(name: str):  # type: ignore[no-untyped-def]
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        click.echo(f"\r{name}: page {done}/{total}", err=True, nl=done == total)

    return show


@click.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=True))
@click.option("--format", "fmt", type=click.Choice(["table", "json", "md", "html"]), default="table", show_default=True,
              help="table: readable terminal report; json: the machine report; md: Markdown; html: one HTML page.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="Write the report here, not stdout.")
@click.option("--no-paragraphs", is_flag=True, help="Leave the paragraph list out of table/md reports.")
@input_options
def analyze(file: Path, fmt: str, output: Path | None, no_paragraphs: bool, model_dir: Path | None, trust_model: bool,
            rules: Path | None, provider: str | None, client: str | None, password_env: str | None,
            ask_password: bool, max_mb: int, max_pages: int, time_limit: float, memory_mb: int) -> None:
    """Analyse one contract (PDF or .txt): categories, trap flags with evidence, key terms."""
    from extractor.analyzer import Analyzer
    from extractor.isolation import run_isolated
    from extractor.preflight import check_file

    check_file(file, max_mb * 1_000_000)  # fail fast, before the model loads
    analyzer = Analyzer(settings_from(model_dir, trust_model, rules, provider, client, password_env, ask_password,
                                      max_mb, max_pages))
    report = run_isolated(lambda progress: analyzer(file, progress), str(file), time_limit, memory_mb, _progress(file.name),
                          debug=debug_on())
    if fmt == "json":
        write_output(report.to_json(), output)
    elif fmt == "html":
        from extractor.render_html import render_html

        write_output(render_html(report, show_paragraphs=not no_paragraphs), output)
    else:
        from extractor.render import render_text

        write_output(render_text(report, markdown=fmt == "md", show_paragraphs=not no_paragraphs), output)


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="CSV file (default: stdout).")
@input_options
def export(files: tuple[Path, ...], output: Path | None, model_dir: Path | None, trust_model: bool, rules: Path | None,
           provider: str | None, client: str | None, password_env: str | None, ask_password: bool, max_mb: int,
           max_pages: int, time_limit: float, memory_mb: int) -> None:
    """Export paragraphs of contracts as CSV for labelling, least confident first.

    Columns: doc_id, paragraph, page, heading, text, predicted, confidence, label (to fill in).
    """
    from extractor.analyzer import Analyzer
    from extractor.batch_output import spreadsheet_safe
    from extractor.isolation import run_isolated

    analyzer = Analyzer(settings_from(model_dir, trust_model, rules, provider, client, password_env, ask_password,
                                      max_mb, max_pages))
    rows: list[list[str | int]] = []
    for file in files:
        report = run_isolated(partial(analyzer, file), str(file), time_limit, memory_mb, debug=debug_on())
        for p in report.paragraphs:
            rows.append([spreadsheet_safe(file.stem), p.id, p.page, spreadsheet_safe(p.heading or ""),
                         spreadsheet_safe(p.text), p.label, f"{p.confidence:.3f}", p.label])
    rows.sort(key=lambda r: float(r[6]))  # least confident first
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["doc_id", "paragraph", "page", "heading", "text", "predicted", "confidence", "label"])
    writer.writerows(rows)
    write_output(buf.getvalue(), output)


def attach(group: click.Group) -> None:
    group.add_command(analyze)
    group.add_command(export)
