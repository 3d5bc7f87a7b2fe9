"""Text-quality gates: scans and garbage are refused, foreign text is flagged."""

from __future__ import annotations

import pytest

from extractor.errors import GarbledTextError, NoTextLayerError
from extractor.quality import check_text

ENGLISH = "The Provider shall answer every call within twenty seconds and the Client shall pay the fees. " * 5


def test_english_text_passes_without_warnings() -> None:
    assert check_text("a.pdf", ENGLISH, 1) == []


def test_no_text_is_refused_as_a_scan() -> None:
    with pytest.raises(NoTextLayerError) as err:
        check_text("scan.pdf", "  \n ", 3)
    assert err.value.line() == (
        "error: scan.pdf: no text layer (0 characters on 3 page(s)); it looks scanned (run OCR first, e.g. ocrmypdf) [no_text_layer]"
    )


def test_unmapped_glyphs_are_refused_as_garbled() -> None:
    with pytest.raises(GarbledTextError) as err:
        check_text("cid.pdf", " ".join(f"(cid:{n})" for n in range(200)) + " 15/2024", 1)
    assert err.value.reason == "garbled_text"


def test_cyrillic_text_is_read_but_flagged() -> None:
    text = "Поставщик обязуется передать Покупателю товар, а Покупатель обязуется принять и оплатить его. " * 4
    assert check_text("ru.pdf", text, 1) == ["unsupported_language: most words are not in the Latin alphabet; labels are unreliable"]
