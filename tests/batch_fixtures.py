"""Invented contracts in a folder tree for the batch tests (our own text, no corpus files)."""

from __future__ import annotations

from pathlib import Path

from tests.pdfgen import write_pdf

CONTRACT = [
    "#1. Services",
    "The Provider shall run an inbound contact centre for the Client and answer calls, e-mails and chats.",
    "#2. Fees",
    "The Client shall pay the fees in Schedule 2 within thirty days of each invoice.",
    "#3. Confidentiality",
    "Each party shall keep the other party's confidential information secret.",
    "#4. Liability",
    "Neither party is liable for indirect loss; each party's liability is capped at the annual fees.",
    "#5. Disputes",
    "The courts of Dublin decide any dispute, under the law of Ireland.",
]
NON_ASCII = "Vertrag – Müller & Søn 契約.txt"


def contract_text(tag: str) -> str:
    header = f"CONTACT CENTRE AGREEMENT {tag}\n\nbetween Harlow Bank plc (the Client) and Brightdesk Ltd (the Provider).\n\n"
    return header + "\n\n".join(line.lstrip("#") for line in CONTRACT) + "\n"


def make_tree(root: Path, pdf_pages: int = 1) -> Path:
    """a.txt, sub1/same.txt, sub2/same.txt (nested duplicate name), a non-ASCII name, a PDF, an empty PDF."""
    for rel in ["a.txt", "sub1/same.txt", "sub2/same.txt", NON_ASCII]:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(contract_text(rel), encoding="utf-8")
    write_pdf(root / "sub1" / "deck.pdf", [CONTRACT] * pdf_pages)
    (root / "empty.pdf").write_bytes(b"")
    (root / "notes.md").write_text("not an input\n", encoding="utf-8")
    return root


def make_pdfs(root: Path, count: int, pages: int) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        write_pdf(root / f"c{i:02d}.pdf", [CONTRACT] * pages, header=f"Agreement {i}")
    return root
