"""The click command line: parse, call the library, render. The one place errors become exit codes
(the handler is ``cli_common.Group``).

Heavy libraries (spaCy, scikit-learn, pdfplumber) are imported inside the commands only,
so ``--help`` stays instant.
"""

from __future__ import annotations

import click

from extractor import __version__, cli_analyze, cli_batch, cli_model
from extractor.cli_common import Group, set_debug


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="clause-extractor")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors (they may quote file names).")
def main(debug: bool) -> None:
    """Read outsourcing contracts: what they settle, what they leave open, where the traps are."""
    set_debug(debug)


cli_analyze.attach(main)
cli_batch.attach(main)
cli_model.attach(main)
