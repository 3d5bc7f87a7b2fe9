"""Fuzz: mutated contract PDFs end in success or a documented reason, never an uncaught exception.

A small in-suite run (150 examples, derandomized); ``scripts/fuzz_pdfs.py`` runs thousands.
"""

from __future__ import annotations

from pathlib import Path

import pdfmutate
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.errors import REASONS, ExtractorError
from extractor.reader import ReadOptions, read_document

STEPS = st.lists(st.tuples(st.sampled_from(pdfmutate.OPS), st.integers(0, 1 << 30), st.integers(0, 1 << 30)),
                 min_size=1, max_size=6)


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> list[bytes]:
    return [p.read_bytes() for p in pdfmutate.base_pdfs(tmp_path_factory.mktemp("seeds"))]


def test_seeds_read_cleanly(seeds: list[bytes], tmp_path: Path) -> None:
    for number, data in enumerate(seeds):
        path = tmp_path / f"seed{number}.pdf"
        path.write_bytes(data)
        assert read_document(path).paragraphs


@settings(max_examples=150, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(seed=st.integers(0, 2), steps=STEPS)
def test_mutated_pdfs_end_in_success_or_a_documented_reason(
        seeds: list[bytes], tmp_path: Path, seed: int, steps: list[tuple[str, int, int]]) -> None:
    path = tmp_path / "mutant.pdf"
    data = pdfmutate.mutate(seeds[seed % len(seeds)], steps)
    path.write_bytes(data)
    try:
        read_document(path, ReadOptions(max_pages=50))
    except ExtractorError as exc:
        assert exc.reason in REASONS and exc.reason != "unexpected"
        assert exc.line().count("\n") == 0
    assert path.read_bytes() == data
