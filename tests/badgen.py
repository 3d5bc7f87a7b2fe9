"""Our own equivalents of every file in the shared bad-input corpus, built at test time.

Nothing here is copied from ../shared: the contract text is invented for these tests and every
file is generated with fpdf2, zipfile, Pillow or a tiny raw PDF writer below.
``build_all(folder)`` writes the whole set; each ``make_*`` function writes one file.
"""

from __future__ import annotations

import io
import random
import re
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import AccessPermission, EncryptionMethod
from pdfgen import write_pdf

USER_PASSWORD = "open-Sesame-77"
OWNER_PASSWORD = "owner-Lock-77"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

CONTRACT = [
    "# 1. Scope of Services",
    "The Provider shall operate the regional parcel depot for the Client and shall staff it on all "
    "working days between six in the morning and ten in the evening.",
    "# 2. Fees and Payment",
    "The Client shall pay the monthly fee stated in Schedule 2 within thirty days of receiving a "
    "correct invoice. Late payments carry interest at four percent above the base rate.",
    "# 3. Confidentiality",
    "Each party shall keep the other party's business information confidential and shall use it only "
    "for the purpose of this Agreement, during its term and for three years after it ends.",
]
CONTRACT_PAGE_2 = [
    "# 4. Liability",
    "Neither party shall be liable for indirect or consequential loss. The total liability of the "
    "Provider in any contract year is limited to the fees paid in that year.",
    "# 5. Governing Law",
    "This Agreement is governed by the laws of England and the courts of London have exclusive "
    "jurisdiction over any dispute arising from it.",
]
#: a phrase every readable generated file must yield; never a phrase from ../shared
MARKER_PHRASE = "regional parcel depot"


def valid_contract(path: Path) -> Path:
    """A normal two-page contract (Helvetica)."""
    return write_pdf(path, [CONTRACT, CONTRACT_PAGE_2])


def _fpdf_contract(pdf: FPDF, font: str = "Helvetica") -> FPDF:
    pdf.set_margins(20, 25, 20)
    for page in (CONTRACT, CONTRACT_PAGE_2):
        pdf.add_page()
        pdf.set_font(font, size=10)
        for para in page:
            pdf.multi_cell(0, 5, para.lstrip("# "))
            pdf.ln(4)
    return pdf


def empty(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def plain_text(path: Path) -> Path:
    path.write_text("From: purchasing@example.test\nSubject: the depot contract\n\nPlease find the terms below.\n")
    return path


def zip_office(path: Path) -> Path:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")
    path.write_bytes(buf.getvalue())
    return path


def truncated(path: Path) -> Path:
    data = valid_contract(path).read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def broken_xref(path: Path) -> Path:
    """Every xref offset wrong and ``startxref`` pointing into the middle of the file."""
    data = valid_contract(path).read_bytes()
    data = re.sub(rb"(?m)^(\d{10}) 00000 n", lambda m: b"%010d 00000 n" % (int(m.group(1)) + 7), data)
    data = re.sub(rb"startxref\s+\d+", b"startxref\n%d" % (len(data) // 2), data)
    path.write_bytes(data)
    return path


def no_trailer(path: Path) -> Path:
    """Xref table, trailer and ``startxref`` cut off."""
    data = valid_contract(path).read_bytes()
    path.write_bytes(data[: data.rindex(b"xref")])
    return path


def encrypted_user(path: Path) -> Path:
    """AES-256, opens only with ``USER_PASSWORD``."""
    pdf = FPDF()
    pdf.set_encryption(OWNER_PASSWORD, USER_PASSWORD, EncryptionMethod.AES_256)
    _fpdf_contract(pdf).output(str(path))
    return path


def encrypted_owner_only(path: Path) -> Path:
    """AES-128, empty user password, copying text not permitted."""
    pdf = FPDF()
    pdf.set_encryption(OWNER_PASSWORD, "", EncryptionMethod.AES_128, permissions=AccessPermission.PRINT_LOW_RES)
    _fpdf_contract(pdf).output(str(path))
    return path


def scan_like(path: Path) -> Path:
    """One page holding only a skewed grey image of 'text lines': no text layer."""
    from PIL import Image, ImageDraw

    img = Image.new("L", (620, 877), 235)
    draw = ImageDraw.Draw(img)
    rng = random.Random(7)
    for row in range(60, 820, 18):
        draw.rectangle((60, row, 60 + rng.randint(300, 500), row + 7), fill=40)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(img.rotate(1.5, fillcolor=235), x=0, y=0, w=210)
    pdf.output(str(path))
    return path


def no_tounicode(path: Path) -> Path:
    """An embedded TrueType (Type0/Identity-H) font whose /ToUnicode map is blanked out."""
    pdf = FPDF()
    pdf.set_compression(False)
    pdf.add_font("DejaVu", fname=str(DEJAVU))
    data = bytes(_fpdf_contract(pdf, "DejaVu").output())
    # same-length blanks keep every xref offset valid
    path.write_bytes(re.sub(rb"/ToUnicode \d+ 0 R", lambda m: b" " * len(m.group(0)), data))
    return path


def raw_pdf(objects: list[bytes]) -> bytes:
    """A minimal PDF with a correct xref; object 1 must be the catalog."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _stream(data: bytes, filters: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), filters) + data + b"\nendstream"


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def _text_ops(lines: list[str]) -> bytes:
    ops = [b"BT /F1 11 Tf 72 760 Td 14 TL"] + [b"(%s) '" % ln.encode("latin-1") for ln in lines] + [b"ET"]
    return b"\n".join(ops)


def deep_page_tree(path: Path, depth: int = 3000) -> Path:
    """One page under ``depth`` nested /Pages nodes."""
    leaf = depth + 2  # objects: 1 catalog, 2..depth+1 page-tree nodes, then page, content, font
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for n in range(2, depth + 2):
        kid = n + 1 if n < depth + 1 else leaf
        parent = b" /Parent %d 0 R" % (n - 1) if n > 2 else b""
        objs.append(b"<< /Type /Pages /Kids [%d 0 R] /Count 1%s >>" % (kid, parent))
    objs.append(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (depth + 1, leaf + 1, leaf + 2))
    objs += [_stream(_text_ops(["A page deep in the tree."])), _FONT]
    path.write_bytes(raw_pdf(objs))
    return path


def _deflate_spaces(size: int) -> bytes:
    comp = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    parts = [comp.compress(chunk) for _ in range(size >> 20)]
    return b"".join(parts) + comp.flush()


def flate_bomb(path: Path, inflated_mib: int = 256) -> Path:
    """Page 1 is text; page 2's content stream is doubly deflated and inflates to ``inflated_mib`` MiB."""
    bomb = zlib.compress(_deflate_spaces(inflated_mib << 20), 9)
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R /Resources << /Font << /F1 7 0 R >> >> >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 6 0 R /Resources << /Font << /F1 7 0 R >> >> >>",
        _stream(_text_ops([p.lstrip("# ") for p in CONTRACT])),
        _stream(bomb, b"/Filter [/FlateDecode /FlateDecode] "),
        _FONT,
    ]
    path.write_bytes(raw_pdf(objs))
    return path


_GOODS = ("pallets", "cartons", "drums", "crates", "reels", "sacks", "barrels", "rolls", "cases", "bales")


def many_pages(path: Path, pages: int = 2000, same_shape: bool = False) -> Path:
    """``pages`` short pages of one clause each; ``same_shape`` makes every page's line equal but for digits
    (like a price list: a layout that a repetition-based header/footer filter can mistake for furniture)."""
    pdf = FPDF()
    pdf.set_font("Helvetica", size=10)
    for n in range(1, pages + 1):
        pdf.add_page()
        pdf.set_xy(20, 60)
        goods = "goods" if same_shape else f"{_GOODS[n % 10]} of the {_GOODS[n // 10 % 10]} line"
        pdf.multi_cell(0, 5, f"{n}. The Provider shall store the {goods} of lot {n} in zone {n % 7} and report "
                             f"their condition to the Client each week of the term.")
    pdf.output(str(path))
    return path


#: file names that break naive CLIs, loggers and output naming (all valid on Linux)
ODD_NAMES = [
    "Vertrag – Müller & Søn (final) 契約.pdf",
    "-rf.pdf",
    "line\nbreak.pdf",
    "trailing space.pdf ",
    "UPPER.PDF",
    "CON.pdf",
    "x" * 251 + ".pdf",
]

#: file name -> (maker, expected reason, or None when the file must read fine)
CASES: dict[str, tuple[Callable[[Path], Path], str | None]] = {
    "valid_contract.pdf": (valid_contract, None),
    "empty.pdf": (empty, "empty_file"),
    "plain_text.pdf": (plain_text, "not_a_pdf"),
    "zip_office.pdf": (zip_office, "not_a_pdf"),
    "truncated.pdf": (truncated, "corrupt_pdf"),
    "broken_xref.pdf": (broken_xref, None),
    "no_trailer.pdf": (no_trailer, "corrupt_pdf"),
    "encrypted_user.pdf": (encrypted_user, "encrypted"),
    "encrypted_owner_only.pdf": (encrypted_owner_only, None),
    "scan_like.pdf": (scan_like, "no_text_layer"),
    "no_tounicode.pdf": (no_tounicode, "garbled_text"),
    "deep_page_tree.pdf": (deep_page_tree, "structure_too_deep"),
}


def build_all(folder: Path) -> dict[Path, str | None]:
    """Write every case (not the bomb or the long file: see their makers) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    return {maker(folder / name): reason for name, (maker, reason) in CASES.items()}
