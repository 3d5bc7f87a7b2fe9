"""Structured mutations of valid contract PDFs, for the fuzz test and scripts/fuzz_pdfs.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

import badgen
from fpdf import FPDF

OPS = ("flip", "overwrite", "truncate", "delete", "duplicate", "insert", "number", "keyword")
_NUMBER = re.compile(rb"\d+")
_KEYWORDS = [b"obj", b"endobj", b"stream", b"endstream", b"R", b"/Kids", b"/Pages", b"/Length", b"/Filter",
             b"/FlateDecode", b"xref", b"trailer", b"startxref", b"<<", b">>", b"[", b"]", b"(", b")", b"Tj", b"TJ",
             b"BT", b"ET", b"Tf", b"/Font", b"/ToUnicode", b"/Encrypt", b"null", b"-1", b"%%EOF"]
_NUMBERS = [b"0", b"-1", b"1", b"7", b"255", b"65535", b"4294967296", b"99999999999999999999", b"3.5e308", b"-0.0"]


def base_pdfs(folder: Path) -> list[Path]:
    """The seeds: the valid contract compressed and uncompressed, and with a Unicode font."""
    folder.mkdir(parents=True, exist_ok=True)
    plain = FPDF()
    plain.set_compression(False)
    badgen._fpdf_contract(plain).output(str(folder / "plain.pdf"))
    seeds = [badgen.valid_contract(folder / "compressed.pdf"), folder / "plain.pdf"]
    if badgen.DEJAVU.is_file():
        uni = FPDF()
        uni.set_compression(False)
        uni.add_font("DejaVu", fname=str(badgen.DEJAVU))
        badgen._fpdf_contract(uni, "DejaVu").output(str(folder / "unicode.pdf"))
        seeds.append(folder / "unicode.pdf")
    return seeds


def mutate_once(data: bytes, op: str, pos: int, value: int) -> bytes:
    """Apply one mutation; ``pos`` and ``value`` are any non-negative ints (taken modulo what fits)."""
    n = max(1, len(data))
    at = pos % n
    if op == "flip":
        return data[:at] + bytes([data[at] ^ (1 << value % 8)]) + data[at + 1 :] if data else data
    if op == "overwrite":
        return data[:at] + bytes([value % 256]) + data[at + 1 :]
    if op == "truncate":
        return data[:at]
    if op == "delete":
        return data[:at] + data[at + 1 + value % 64 :]
    if op == "duplicate":
        return data[:at] + data[at : at + 1 + value % 256] + data[at:]
    if op == "insert":
        return data[:at] + bytes((value >> i) % 256 for i in range(value % 7 + 1)) + data[at:]
    matches = list((_NUMBER if op == "number" else re.compile(rb"[A-Za-z/<>\[\]()%]+")).finditer(data))
    if not matches:
        return data
    m = matches[pos % len(matches)]
    new = _NUMBERS[value % len(_NUMBERS)] if op == "number" else _KEYWORDS[value % len(_KEYWORDS)]
    return data[: m.start()] + new + data[m.end() :]


def mutate(data: bytes, steps: list[tuple[str, int, int]]) -> bytes:
    for op, pos, value in steps:
        data = mutate_once(data, op, pos, value)
    return data


def random_steps(rng: random.Random, most: int = 6) -> list[tuple[str, int, int]]:
    return [(rng.choice(OPS), rng.randrange(1 << 30), rng.randrange(1 << 30)) for _ in range(rng.randint(1, most))]
