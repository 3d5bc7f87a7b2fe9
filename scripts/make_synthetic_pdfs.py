#!/usr/bin/env python3
"""Write contract-like PDFs for speed and memory tests (never for training or accuracy figures).

Each PDF is an invented outsourcing agreement: a title, a parties block, numbered articles with
bold headings and numbered sub-clauses, a running header and a "Page X of Y" footer on every page.
Articles cover this project's clause categories plus boilerplate; the text comes from a few
dozen invented sentence templates, so its vocabulary is tiny. Page size, font and font size vary.
The same ``--seed`` gives byte-identical files (fixed creation date, no randomness elsewhere).

    python scripts/make_synthetic_pdfs.py --out /tmp/contracts --n 24 --min-pages 8 --max-pages 24 --seed 1
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

from fpdf import FPDF

FIXED_DATE = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
PROVIDERS = ["Brightline Contact Services Ltd", "Harborview Support Centers Inc.", "Kalmar Voice Operations AB",
             "Northgate Customer Care GmbH", "Solvista Outsourcing S.A."]
CLIENTS = ["Fernhill Telecom plc", "Quillon Insurance Group", "Marlowe Energy Retail Ltd",
           "Tessaly Online Bank N.V.", "Orbitel Mobile Inc."]
# Invented sentences per article kind; {p} provider, {c} client, {n} a number, {d} a period.
SENTENCES: dict[str, list[str]] = {
    "SERVICES": [
        "The Provider shall staff and run an inbound contact centre answering calls, e-mails and chats for the Client.",
        "The Provider shall handle customer contacts in the languages listed in Schedule {n} during the service hours.",
        "The Provider shall train its agents on the Client's products before they take live contacts.",
        "Any change to the scope of the services shall follow the change procedure in Schedule {n}.",
    ],
    "SERVICE LEVELS": [
        "The Provider shall answer {n}0 per cent of calls within twenty seconds in each calendar month.",
        "If a service level is missed in two consecutive months, the Provider shall credit {n} per cent of the monthly fee.",
        "Service levels are measured from the Client's telephony reports and reviewed at the monthly governance meeting.",
    ],
    "FEES AND PAYMENT": [
        "The Client shall pay the Provider a fee per handled contact as set out in Schedule {n}.",
        "Invoices are payable within {d} of receipt; undisputed late amounts bear interest at {n} per cent a year.",
        "Prices may be adjusted once a year by no more than the change in the consumer price index.",
    ],
    "CONFIDENTIALITY": [
        "Each party shall keep the other party's confidential information secret and use it only for this Agreement.",
        "The Provider shall not pass customer data to any third party without the Client's prior written consent.",
        "These confidentiality duties survive the end of this Agreement for {d}.",
    ],
    "LIABILITY": [
        "Neither party is liable for indirect or consequential loss, including lost profit.",
        "Each party's total liability in a contract year is capped at the fees paid in the preceding {d}.",
        "The cap does not apply to breach of confidentiality, fraud or death and personal injury.",
    ],
    "DISPUTES": [
        "The parties shall first try to settle any dispute through their relationship managers within {d}.",
        "A dispute not settled in that time shall be decided by the courts of the Client's registered seat.",
        "This Agreement is governed by the law of the country in which the Client is registered.",
    ],
    "GENERAL": [
        "Notices must be in writing and sent to the addresses on the first page of this Agreement.",
        "Neither party may assign this Agreement without the other party's written consent.",
        "This Agreement is the whole agreement between the parties about its subject matter.",
        "A failure to enforce any right is not a waiver of that right.",
    ],
}
PERIODS = ["thirty days", "sixty days", "ninety days", "six months", "twelve months", "two years"]


def _paragraph(rng: random.Random, kind: str, provider: str, client: str) -> str:
    picks = rng.sample(SENTENCES[kind], k=min(len(SENTENCES[kind]), rng.randint(2, 4)))
    text = " ".join(picks).replace("the Provider", provider).replace("The Provider", provider)
    text = text.replace("the Client", client).replace("The Client", client)
    return text.replace("{n}", str(rng.randint(2, 9))).replace("{d}", rng.choice(PERIODS))


class _Contract(FPDF):
    title_text = ""
    reference = ""

    def header(self) -> None:
        self.set_font(self.font_family_name, "", 8)
        self.cell(0, 5, f"{self.title_text} - CONFIDENTIAL", new_x="LMARGIN", new_y="NEXT")
        self.ln(4)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font(self.font_family_name, "", 8)
        self.cell(0, 5, f"{self.reference}    Page {self.page_no()} of {{nb}}", align="C")


def make_pdf(path: Path, rng: random.Random, pages: int) -> int:
    """Write one contract of about ``pages`` pages to ``path``; return its real page count."""
    provider, client = rng.choice(PROVIDERS), rng.choice(CLIENTS)
    pdf = _Contract(format=rng.choice(["A4", "Letter"]))
    pdf.font_family_name = rng.choice(["Helvetica", "Times"])
    pdf.title_text, pdf.reference = "CONTACT CENTRE SERVICES AGREEMENT", f"Ref. CCS-{rng.randint(1000, 9999)}"
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_margins(22, 18, 22)
    pdf.set_auto_page_break(True, margin=22)
    size = rng.choice([10, 10.5, 11])
    pdf.add_page()
    pdf.set_font(pdf.font_family_name, "B", 14)
    pdf.multi_cell(0, 8, pdf.title_text, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(pdf.font_family_name, "", size)
    pdf.multi_cell(0, size * 0.5, f"between {client} (the Client) and {provider} (the Provider).", new_x="LMARGIN", new_y="NEXT")
    article = 0
    while pdf.page_no() < pages:
        article += 1
        kind = list(SENTENCES)[(article - 1) % len(SENTENCES)]
        pdf.ln(3)
        pdf.set_font(pdf.font_family_name, "B", size + 0.5)
        pdf.multi_cell(0, size * 0.55, f"{article}. {kind}", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(pdf.font_family_name, "", size)
        for sub in range(1, rng.randint(3, 6)):
            body = _paragraph(rng, kind, provider, client)
            pdf.multi_cell(0, size * 0.5, f"{article}.{sub} {body}", align="J", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
    pdf.output(str(path))
    return pdf.page_no()


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--n", type=int, default=24)
    ap.add_argument("--min-pages", type=int, default=8)
    ap.add_argument("--max-pages", type=int, default=24)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    total = sum(make_pdf(args.out / f"contract_{i:03d}.pdf", rng, rng.randint(args.min_pages, args.max_pages))
                for i in range(1, args.n + 1))
    print(f"{args.n} PDFs, {total} pages in {args.out}")


if __name__ == "__main__":
    main()
