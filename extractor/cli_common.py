"""What the click commands share: the --debug switch, the error handler of the command group, output,
password and model options. The commands' modules import this, never ``extractor.cli``, so any of them
can be imported on its own."""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path
from typing import Any, NoReturn

import click

from extractor.errors import ExitCode, ExtractorError, UsageError

_DEBUG = {"on": False}


def set_debug(on: bool) -> None:
    """Record the --debug switch for this process (and the workers it starts)."""
    _DEBUG["on"] = on


def debug_on() -> bool:
    """True when the user passed --debug (tracebacks, also from worker processes)."""
    return _DEBUG["on"]


def fail(exc: ExtractorError) -> NoReturn:
    for line in exc.details:
        click.echo(line, err=True)
    click.echo(exc.line(), err=True)
    sys.exit(int(exc.exit_code))


class Group(click.Group):
    """A command group that turns every error into one line and its exit code."""

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
