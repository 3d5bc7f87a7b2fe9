"""clause-extractor: what a contact-centre outsourcing contract settles, leaves open, and hides."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["__version__", "analyze", "Analyzer", "ClauseClassifier", "ExtractorError", "ExitCode"]

if TYPE_CHECKING:
    from extractor.analyzer import Analyzer, analyze
    from extractor.classifier import ClauseClassifier
    from extractor.errors import ExitCode, ExtractorError


def __getattr__(name: str) -> Any:
    """Import the heavy parts only when they are used, so the CLI's --help stays instant."""
    if name in ("analyze", "Analyzer"):
        from extractor import analyzer

        return getattr(analyzer, name)
    if name == "ClauseClassifier":
        from extractor.classifier import ClauseClassifier

        return ClauseClassifier
    if name in ("ExtractorError", "ExitCode"):
        from extractor import errors

        return getattr(errors, name)
    raise AttributeError(name)
