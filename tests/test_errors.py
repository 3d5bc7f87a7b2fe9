"""Exit codes and reason codes are a stable, documented interface."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor import errors
from extractor.errors import REASONS, ExitCode, ExtractorError, error_for_reason

ROOT = Path(__file__).resolve().parent.parent

#: pinned: changing any of these breaks users' scripts
PINNED_CODES = {
    "OK": 0, "UNEXPECTED": 1, "USAGE": 2, "INPUT_MISSING": 3, "NO_TEXT_LAYER": 4, "MODEL": 5,
    "TRAINING_DATA": 6, "BATCH_PARTIAL": 7, "NOT_A_PDF": 8, "EMPTY_FILE": 9, "CORRUPT_PDF": 10,
    "ENCRYPTED": 11, "STRUCTURE_TOO_DEEP": 12, "TOO_LARGE": 13, "GARBLED_TEXT": 14, "TIME_LIMIT": 15,
    "MEMORY_LIMIT": 16, "MODEL_UNTRUSTED": 17, "WORSE_MODEL": 18, "INTERRUPTED": 130,
}
PINNED_REASONS = {
    "file_not_found": 3, "outside_input": 3, "not_a_pdf": 8, "empty_file": 9, "corrupt_pdf": 10, "encrypted": 11,
    "wrong_password": 11, "structure_too_deep": 12, "too_large": 13, "no_text_layer": 4, "garbled_text": 14,
    "time_limit": 15, "memory_limit": 16, "worker_crashed": 1, "model_invalid": 5, "model_tampered": 5,
    "model_incompatible": 5, "model_untrusted": 17, "worse_model": 18, "bad_training_data": 6, "usage": 2,
    "unexpected": 1,
}


def test_exit_codes_are_stable() -> None:
    assert {c.name: int(c) for c in ExitCode} == PINNED_CODES


def test_reason_codes_are_stable() -> None:
    assert {r: int(c) for r, c in REASONS.items()} == PINNED_REASONS


@pytest.mark.parametrize("reason", sorted(REASONS))
def test_error_for_reason_round_trips(reason: str) -> None:
    err = error_for_reason(reason, "a message", "some file.pdf")
    assert (err.reason, int(err.exit_code), err.path) == (reason, PINNED_REASONS[reason], "some file.pdf")
    assert err.line() == f"error: some file.pdf: a message [{reason}]"


def test_sub_reasons_are_caught_by_their_family() -> None:
    assert isinstance(error_for_reason("wrong_password", "m"), errors.EncryptedError)
    assert isinstance(error_for_reason("model_tampered", "m"), errors.ModelError)
    assert isinstance(error_for_reason("model_incompatible", "m"), errors.ModelError)


def test_unknown_reason_is_a_plain_unexpected_error() -> None:
    err = error_for_reason("no_such_reason", "m")
    assert type(err) is ExtractorError and err.exit_code == ExitCode.UNEXPECTED


def test_line_forms() -> None:
    assert errors.EmptyFileError("file is empty, 0 bytes", "a.pdf").line() == "error: a.pdf: file is empty, 0 bytes [empty_file]"
    assert errors.UsageError("bad value").line() == "error: bad value [usage]"
    hinted = errors.EncryptedError("encrypted, a password is required", "b.pdf", "pass --password-env VAR")
    assert hinted.line() == "error: b.pdf: encrypted, a password is required (pass --password-env VAR) [encrypted]"


def test_every_reason_and_code_is_documented() -> None:
    docs = [p for p in (ROOT / "README.md", ROOT / "docs_errors.md") if p.is_file()]
    if not docs:
        pytest.skip("no README.md or docs_errors.md")
    text = "\n".join(p.read_text(encoding="utf-8") for p in docs)
    missing = [r for r in REASONS if f"`{r}`" not in text]
    assert not missing, f"reasons not documented: {missing}"


def _wrapped(inner: BaseException) -> Exception:
    from pdfplumber.utils.exceptions import PdfminerException

    return PdfminerException(inner)


def _pdfminer_cases() -> list[tuple[BaseException, str]]:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFNoValidXRef, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psexceptions import PSEOF

    return [
        (PDFPasswordIncorrect(), "encrypted"), (PDFEncryptionError("Unknown algorithm"), "encrypted"),
        (PSEOF("Unexpected EOF"), "corrupt_pdf"), (PDFSyntaxError("No /Root object!"), "corrupt_pdf"),
        (PDFNoValidXRef("x"), "corrupt_pdf"), (RecursionError("depth"), "structure_too_deep"),
        (MemoryError("Unable to allocate output buffer."), "memory_limit"), (KeyError("Kids"), "corrupt_pdf"),
        (TypeError("unsupported"), "corrupt_pdf"), (PermissionError(13, "Permission denied"), "file_not_found"),
    ]


@pytest.mark.parametrize("case", range(10))
def test_parser_exceptions_become_typed_errors(case: int) -> None:
    from extractor.pdf import _translate

    inner, reason = _pdfminer_cases()[case]
    for exc in (inner, _wrapped(inner)):
        err = _translate(exc, "x.pdf", password_given=False)
        assert (err.reason, err.path) == (reason, "x.pdf")
        if not isinstance(inner, OSError):  # parser messages may quote file content: never shown
            assert not str(inner) or str(inner) not in err.message


def test_wrong_password_when_one_was_given() -> None:
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    from extractor.pdf import _translate

    assert _translate(_wrapped(PDFPasswordIncorrect()), "x.pdf", password_given=True).reason == "wrong_password"
