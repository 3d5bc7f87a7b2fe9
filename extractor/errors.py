"""Exit codes and the typed error family. Errors become exit codes only in ``cli.py``."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """The documented, stable exit codes of the ``clause-extractor`` command."""

    OK = 0
    UNEXPECTED = 1
    USAGE = 2
    INPUT_MISSING = 3
    NO_TEXT_LAYER = 4
    MODEL = 5
    TRAINING_DATA = 6
    BATCH_PARTIAL = 7
    NOT_A_PDF = 8
    EMPTY_FILE = 9
    CORRUPT_PDF = 10
    ENCRYPTED = 11
    STRUCTURE_TOO_DEEP = 12
    TOO_LARGE = 13
    GARBLED_TEXT = 14
    TIME_LIMIT = 15
    MEMORY_LIMIT = 16
    MODEL_UNTRUSTED = 17
    WORSE_MODEL = 18
    INTERRUPTED = 130


class ExtractorError(Exception):
    """Base of every error the tool reports to users.

    ``reason`` is a stable machine-readable code, ``message`` a one-line human explanation
    that never quotes contract text; ``path`` names the file concerned, when there is one.
    """

    reason = "unexpected"
    exit_code = ExitCode.UNEXPECTED

    def __init__(self, message: str, path: str | None = None, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.hint = hint
        self.details: list[str] = []  # further lines shown before the error line (e.g. every bad row)

    def line(self) -> str:
        """The one-line form shown on stderr: ``error: FILE: message [reason]``."""
        where = f"{self.path}: " if self.path else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"error: {where}{self.message}{hint} [{self.reason}]"


def _kind(name: str, reason: str, code: ExitCode, doc: str, base: type[ExtractorError] = ExtractorError) -> type[ExtractorError]:
    return type(name, (base,), {"reason": reason, "exit_code": code, "__doc__": doc})


InputMissingError = _kind("InputMissingError", "file_not_found", ExitCode.INPUT_MISSING, "Missing or unreadable input.")
NotAPdfError = _kind("NotAPdfError", "not_a_pdf", ExitCode.NOT_A_PDF, "The file is not a PDF (or a supported text file).")
EmptyFileError = _kind("EmptyFileError", "empty_file", ExitCode.EMPTY_FILE, "The file has 0 bytes.")
CorruptPdfError = _kind("CorruptPdfError", "corrupt_pdf", ExitCode.CORRUPT_PDF, "Truncated or damaged PDF.")
EncryptedError = _kind("EncryptedError", "encrypted", ExitCode.ENCRYPTED, "A password is needed to open the PDF.")
WrongPasswordError = _kind("WrongPasswordError", "wrong_password", ExitCode.ENCRYPTED,
                           "The password given does not open the PDF.", EncryptedError)
TooDeepError = _kind("TooDeepError", "structure_too_deep", ExitCode.STRUCTURE_TOO_DEEP, "Nested structure too deep.")
OutsideInputError = _kind("OutsideInputError", "outside_input", ExitCode.INPUT_MISSING,
                          "A link leading out of the input folder (not followed), or a report path that would.")
TooLargeError = _kind("TooLargeError", "too_large", ExitCode.TOO_LARGE, "Over the size or page limit.")
NoTextLayerError = _kind("NoTextLayerError", "no_text_layer", ExitCode.NO_TEXT_LAYER, "No extractable text (a scan).")
GarbledTextError = _kind("GarbledTextError", "garbled_text", ExitCode.GARBLED_TEXT, "Text layer is garbage.")
TimeLimitError = _kind("TimeLimitError", "time_limit", ExitCode.TIME_LIMIT, "The per-file time limit ran out.")
MemoryLimitError = _kind("MemoryLimitError", "memory_limit", ExitCode.MEMORY_LIMIT, "The per-file memory cap was hit.")
WorkerCrashError = _kind("WorkerCrashError", "worker_crashed", ExitCode.UNEXPECTED, "The worker died on this file.")
ModelError = _kind("ModelError", "model_invalid", ExitCode.MODEL, "Model missing, corrupt or incompatible.")
ModelTamperedError = _kind("ModelTamperedError", "model_tampered", ExitCode.MODEL,
                           "model.joblib does not match the checksum in meta.json.", ModelError)
ModelIncompatibleError = _kind("ModelIncompatibleError", "model_incompatible", ExitCode.MODEL,
                               "Model made by an incompatible library or taxonomy version.", ModelError)
ModelUntrustedError = _kind("ModelUntrustedError", "model_untrusted", ExitCode.MODEL_UNTRUSTED, "Model not trusted.")
WorseModelError = _kind("WorseModelError", "worse_model", ExitCode.WORSE_MODEL, "Retrained model scores worse.")
TrainingDataError = _kind("TrainingDataError", "bad_training_data", ExitCode.TRAINING_DATA, "Bad labelled data.")
UsageError = _kind("UsageError", "usage", ExitCode.USAGE, "Invalid option values.")

#: reason code -> exit code, for batch summaries and the README table.
REASONS: dict[str, ExitCode] = {
    cls.reason: cls.exit_code
    for cls in (
        InputMissingError, OutsideInputError, NotAPdfError, EmptyFileError, CorruptPdfError, EncryptedError,
        WrongPasswordError, TooDeepError, TooLargeError, NoTextLayerError, GarbledTextError,
        TimeLimitError, MemoryLimitError, WorkerCrashError, ModelError, ModelTamperedError,
        ModelIncompatibleError, ModelUntrustedError, WorseModelError, TrainingDataError, UsageError,
    )
}
REASONS["unexpected"] = ExitCode.UNEXPECTED


def _all_kinds(base: type[ExtractorError] = ExtractorError) -> list[type[ExtractorError]]:
    kinds = []
    for cls in base.__subclasses__():
        kinds += [cls, *_all_kinds(cls)]
    return kinds


def error_for_reason(reason: str, message: str, path: str | None = None) -> ExtractorError:
    """Rebuild a typed error from its reason code (used across process boundaries)."""
    for cls in _all_kinds():
        if cls.reason == reason:
            return cls(message, path)
    return ExtractorError(message, path)
