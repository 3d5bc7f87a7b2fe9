#!/usr/bin/env python3
"""Render one of our training contracts (training_data/contracts/*.json) to .txt and .pdf.

Usage: python scripts/render_contract.py training_data/contracts/trap_08.json -o training_data/samples/sample_contract
Needs fpdf2 (pip install fpdf2; it is in the [test] extra). The PDF uses the core Helvetica font, so
characters outside Latin-1 are replaced by close equivalents.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from extractor.dataset import contract_text

_PLAIN = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": "...", "•": "-", "€": "EUR ",
                        "≥": ">=", "≤": "<=", "→": "->", "×": "x", "\u00a0": " "})


def blocks(doc: dict) -> list[tuple[str, str]]:
    """(kind, text) in reading order: a heading line whenever the heading changes, then paragraphs."""
    out, current = [], None
    for para in doc["paragraphs"]:
        heading = para.get("heading")
        if heading and heading != current:
            out.append(("heading", heading))
        current = heading
        out.append(("body", para["text"]))
    return out


def to_pdf(doc: dict, path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="Letter")
    pdf.set_margins(25, 22, 25)
    pdf.set_auto_page_break(True, margin=22)
    pdf.alias_nb_pages()
    title = doc.get("title", "Agreement")

    def footer() -> None:
        pdf.set_y(-15)
        pdf.set_font("Helvetica", size=8)
        pdf.cell(0, 5, f"{title} - Page {pdf.page_no()} of {{nb}}", align="C")

    pdf.footer = footer  # type: ignore[method-assign]
    pdf.add_page()
    for kind, text in blocks(doc):
        safe = text.translate(_PLAIN).encode("latin-1", "replace").decode("latin-1")
        pdf.set_font("Helvetica", "B" if kind == "heading" else "", 10)
        pdf.multi_cell(0, 5, safe)
        pdf.ln(2.5)
    pdf.output(str(path))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("contract", type=Path)
    parser.add_argument("-o", "--output", type=Path, required=True, help="output path without suffix")
    args = parser.parse_args()
    doc = json.loads(args.contract.read_text(encoding="utf-8"))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.with_suffix(".txt").write_text(contract_text(doc), encoding="utf-8")
    to_pdf(doc, args.output.with_suffix(".pdf"))
    print(f"wrote {args.output.with_suffix('.txt')} and {args.output.with_suffix('.pdf')}")


if __name__ == "__main__":
    main()
