"""The click command line: parse, call the library, render. The one place errors become exit codes.

Heavy libraries (spaCy, scikit-learn, pdfplumber) are imported inside the commands only,
so ``--help`` stays instant.
"""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path
from typing import Any, NoReturn

import click

from extractor import __version__
from extractor.errors import ExitCode, ExtractorError, UsageError

_DEBUG = {"on": False}


def debug_on() -> bool:
    """True when the user passed --debug (tracebacks, also from worker processes)."""
    return _DEBUG["on"]


def fail(exc: ExtractorError) -> NoReturn:
    for line in exc.details:
        click.echo(line, err=True)
    click.echo(exc.line(), err=True)
    sys.exit(int(exc.exit_code))


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ExtractorError as exc:
            if _DEBUG["on"]:
                traceback.print_exc()
            fail(exc)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(int(ExitCode.INTERRUPTED))
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except Exception as exc:  # the last line of defence: one line, no traceback unless --debug
            if _DEBUG["on"]:
                traceback.print_exc()
            click.echo(f"error: unexpected {type(exc).__name__}; rerun with --debug for details [unexpected]", err=True)
            sys.exit(int(ExitCode.UNEXPECTED))


def write_output(text: str, out: Path | None) -> None:
    """Write to ``out`` atomically (temporary file, then rename), or to stdout."""
    if out is None:
        click.echo(text, nl=False)
        return
    from extractor.batch_output import atomic_write

    atomic_write(out, text)


def password_from(env_var: str | None, ask: bool) -> str | None:
    """A PDF password from an environment variable or a hidden prompt, never from the command line."""
    if env_var:
        value = os.environ.get(env_var)
        if value is None:
            raise UsageError(f"environment variable {env_var} is not set")
        return value
    if ask:
        return str(click.prompt("PDF password", hide_input=True, err=True))
    return None


model_option = click.option("--model", "model_dir", type=click.Path(path_type=Path, file_okay=False),
                            help="Model directory (default: the shipped model in models/clause_classifier).")
trust_option = click.option("--trust-model", is_flag=True,
                            help="Load a model that is neither shipped nor trained here (it is code: trust its source).")


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="clause-extractor")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors (they may quote file names).")
def main(debug: bool) -> None:
    """Read outsourcing contracts: what they settle, what they leave open, where the traps are."""
    _DEBUG["on"] = debug


def register() -> None:
    from extractor import cli_analyze, cli_batch, cli_model

    cli_analyze.attach(main)
    cli_batch.attach(main)
    cli_model.attach(main)


register()
