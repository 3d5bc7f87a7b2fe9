"""Every kind of broken or hostile PDF ends in success with clean text or one documented reason."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import badgen
import pytest
from click.testing import CliRunner

from extractor.cli import main
from extractor.errors import REASONS, ExtractorError
from extractor.reader import ReadOptions, read_document

CONTRACT_WORDS = " ".join(badgen.CONTRACT + badgen.CONTRACT_PAGE_2).split()


@pytest.fixture(scope="module")
def bad_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bad")
    badgen.build_all(folder)
    return folder


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _quotes_contract(message: str) -> bool:
    """True when ``message`` holds four consecutive words of the contract text."""
    return any(" ".join(CONTRACT_WORDS[i : i + 4]) in message for i in range(len(CONTRACT_WORDS) - 3))


def _run(*args: str, env: dict[str, str] | None = None, stdin: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, ["analyze", *args], env=env, input=stdin)


@pytest.mark.parametrize("name", sorted(badgen.CASES))
def test_each_case_reads_or_fails_with_its_reason(bad_dir: Path, name: str) -> None:
    path, expected = bad_dir / name, badgen.CASES[name][1]
    before = _sha(path) if path.stat().st_size else ""
    if expected is None:
        doc = read_document(path)
        assert badgen.MARKER_PHRASE in " ".join(p.text for p in doc.paragraphs)
    else:
        with pytest.raises(ExtractorError) as info:
            read_document(path)
        err = info.value
        assert (err.reason, err.path) == (expected, str(path))
        assert err.exit_code == REASONS[expected] != 0
        assert "\n" not in err.line() and not _quotes_contract(err.line())
    assert (_sha(path) if path.stat().st_size else "") == before  # inputs are never modified


def test_at_least_three_distinct_exit_codes() -> None:
    codes = {REASONS[r] for _, r in badgen.CASES.values() if r}
    assert len(codes) >= 5


def test_owner_only_encryption_is_read_with_a_warning(bad_dir: Path) -> None:
    doc = read_document(bad_dir / "encrypted_owner_only.pdf")
    assert any(w.startswith("encrypted_permissions:") for w in doc.warnings)


def test_user_password_opens_the_file(bad_dir: Path) -> None:
    doc = read_document(bad_dir / "encrypted_user.pdf", ReadOptions(password=badgen.USER_PASSWORD))
    assert badgen.MARKER_PHRASE in " ".join(p.text for p in doc.paragraphs)


def test_wrong_password_has_its_own_reason(bad_dir: Path) -> None:
    with pytest.raises(ExtractorError) as info:
        read_document(bad_dir / "encrypted_user.pdf", ReadOptions(password="guess-1234"))
    assert info.value.reason == "wrong_password"
    assert "guess-1234" not in info.value.line()


def test_page_limit(tmp_path: Path) -> None:
    path = badgen.many_pages(tmp_path / "long.pdf", pages=60)
    with pytest.raises(ExtractorError) as info:
        read_document(path, ReadOptions(max_pages=50))
    assert info.value.reason == "too_large"
    assert len(read_document(path).paragraphs) >= 60


def test_pages_that_each_hold_one_same_shaped_line_keep_their_text(tmp_path: Path) -> None:
    path = badgen.many_pages(tmp_path / "price_list.pdf", pages=200, same_shape=True)
    assert len(read_document(path).paragraphs) >= 200


@pytest.mark.parametrize(("name", "line", "code"), [
    ("empty.pdf", "error: {}: file is empty, 0 bytes [empty_file]", 9),
    ("plain_text.pdf", "error: {}: no %PDF- header; looks like plain text [not_a_pdf]", 8),
    ("zip_office.pdf", "error: {}: no %PDF- header; looks like a ZIP archive or Office document (.docx/.xlsx) [not_a_pdf]", 8),
    ("truncated.pdf", "error: {}: file is truncated or damaged (unexpected end of file) [corrupt_pdf]", 10),
    ("encrypted_user.pdf",
     "error: {}: encrypted, a password is required (pass --password-env VAR or --ask-password) [encrypted]", 11),
])
def test_cli_prints_one_line_and_the_documented_code(bad_dir: Path, name: str, line: str, code: int) -> None:
    path = bad_dir / name
    result = _run(str(path), "--trust-model")
    assert result.exit_code == code
    assert result.output.strip().splitlines() == [line.format(path)]
    assert "Traceback" not in result.output


def test_cli_password_from_environment_is_never_echoed(bad_dir: Path) -> None:
    result = _run(str(bad_dir / "encrypted_user.pdf"), "--trust-model", "--password-env", "PDF_PW",
                  "--format", "json", env={"PDF_PW": badgen.USER_PASSWORD})
    assert result.exit_code == 0, result.output
    assert badgen.USER_PASSWORD not in result.output
    wrong = _run(str(bad_dir / "encrypted_user.pdf"), "--trust-model", "--password-env", "PDF_PW",
                 env={"PDF_PW": "not-it-42"})
    assert wrong.exit_code == 11 and wrong.output.rstrip().endswith("[wrong_password]")
    assert "not-it-42" not in wrong.output


def test_cli_password_prompt_is_not_echoed(bad_dir: Path) -> None:
    result = _run(str(bad_dir / "encrypted_user.pdf"), "--trust-model", "--ask-password", "--format", "json",
                  stdin=badgen.USER_PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    assert badgen.USER_PASSWORD not in result.output and "PDF password" in result.output


def test_cli_flate_bomb_ends_with_memory_limit_quickly(tmp_path: Path) -> None:
    path = badgen.flate_bomb(tmp_path / "bomb.pdf", inflated_mib=256)
    started = time.monotonic()
    result = _run(str(path), "--trust-model", "--memory-mb", "120")
    assert time.monotonic() - started < 30
    assert result.exit_code == 16, result.output
    assert result.output.rstrip().endswith("[memory_limit]") and len(result.output.strip().splitlines()) == 1


@pytest.mark.parametrize("name", badgen.ODD_NAMES)
def test_odd_file_names_are_shown_exactly(tmp_path: Path, name: str) -> None:
    path = badgen.empty(tmp_path / name)
    result = _run("--", str(path))
    assert result.exit_code == 9
    assert result.output == f"error: {path}: file is empty, 0 bytes [empty_file]\n"


@pytest.mark.parametrize("name", badgen.ODD_NAMES[:3])
def test_odd_file_names_read_fine(tmp_path: Path, name: str) -> None:
    path = badgen.valid_contract(tmp_path / name)
    assert read_document(path).paragraphs


def test_directory_and_missing_file(tmp_path: Path) -> None:
    (tmp_path / "x.pdf").mkdir()
    assert _run(str(tmp_path / "x.pdf")).exit_code == 3
    result = _run(str(tmp_path / "gone.pdf"))
    assert (result.exit_code, result.output) == (3, f"error: {tmp_path / 'gone.pdf'}: file not found [file_not_found]\n")
