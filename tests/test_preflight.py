"""Pre-flight: cheap checks that name what a file is before any parser touches it."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from extractor.errors import ExtractorError
from extractor.preflight import check_file

MB = 1_000_000


def _reason(path: Path, max_bytes: int = 200 * MB) -> str:
    with pytest.raises(ExtractorError) as info:
        check_file(path, max_bytes)
    assert info.value.path == str(path)
    return f"{info.value.reason}: {info.value.message}"


def _file(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("data", "looks"), [
    (b"Dear supplier,\nplease sign the attached terms.\n", "plain text"),
    (b"PK\x03\x04" + bytes(40), "a ZIP archive or Office document (.docx/.xlsx)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(40), "an old Office document (.doc/.xls)"),
    (b"\x89PNG\r\n\x1a\n" + bytes(40), "an image"),
    (b"\xff\xd8\xff\xe0" + bytes(40), "an image"),
    (b"  <!DOCTYPE html><html><body>login</body></html>", "an HTML page"),
    (b"{\\rtf1\\ansi contract}", "an RTF document"),
    (b"\x00\xff\xfe\x80" * 20, "binary data"),
])
def test_not_a_pdf_says_what_it_looks_like(tmp_path: Path, data: bytes, looks: str) -> None:
    assert _reason(_file(tmp_path, "x.pdf", data)) == f"not_a_pdf: no %PDF- header; looks like {looks}"


def test_real_zip_renamed_pdf(tmp_path: Path) -> None:
    path = tmp_path / "offer.pdf"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("word/document.xml", "<w:document/>")
    assert _reason(path).startswith("not_a_pdf: no %PDF- header; looks like a ZIP")


def test_empty_missing_directory(tmp_path: Path) -> None:
    assert _reason(_file(tmp_path, "e.pdf", b"")) == "empty_file: file is empty, 0 bytes"
    assert _reason(tmp_path / "nope.pdf") == "file_not_found: file not found"
    (tmp_path / "d.pdf").mkdir()
    assert _reason(tmp_path / "d.pdf") == "file_not_found: is a directory, not a file"


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.pdf")
    assert _reason(tmp_path / "pipe.pdf") == "file_not_found: not a regular file"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = _file(tmp_path, "locked.pdf", b"%PDF-1.7\n")
    path.chmod(0)
    assert _reason(path) == "file_not_found: cannot read the file (Permission denied)"


def test_size_limit(tmp_path: Path) -> None:
    path = _file(tmp_path, "big.pdf", b"%PDF-1.7\n" + bytes(3 * MB))
    assert _reason(path, 1 * MB) == "too_large: file is 3 MB, over the 1 MB limit"


@pytest.mark.parametrize("data", [b"%PDF-1.4\n", b"\xef\xbb\xbf junk before %PDF-1.7\n" + b"x" * 50])
def test_pdf_header_near_the_start_is_a_pdf(tmp_path: Path, data: bytes) -> None:
    assert check_file(_file(tmp_path, "ok.PDF", data), MB).kind == "pdf"


def test_text_contract_and_binary_txt(tmp_path: Path) -> None:
    assert check_file(_file(tmp_path, "c.txt", "1. Scope – Müller\n".encode()), MB).kind == "text"
    assert _reason(_file(tmp_path, "b.txt", b"PK\x03\x04" + bytes(10))).startswith("not_a_pdf: not a text file")


def test_symlink_to_a_pdf_is_followed_and_not_modified(tmp_path: Path) -> None:
    target = _file(tmp_path, "t.pdf", b"%PDF-1.7\n")
    (tmp_path / "link.pdf").symlink_to(target)
    assert check_file(tmp_path / "link.pdf", MB).kind == "pdf"
    assert target.read_bytes() == b"%PDF-1.7\n"


def test_utf8_character_across_the_sniff_boundary_is_still_text(tmp_path: Path) -> None:
    from extractor.preflight import check_file

    path = tmp_path / "contract.txt"
    path.write_bytes(b"a" * 2047 + "é and the rest of the contract".encode())
    assert check_file(path, 10_000_000).kind == "text"
