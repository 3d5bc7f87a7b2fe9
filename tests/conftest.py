"""Shared fixtures. Tests that need ../shared skip cleanly when it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CLAUSE_EXTRACTOR_SHARED", ROOT.parent / "shared"))
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def shared_dir() -> Path:
    """../shared (the team's corpus and dev set), or skip."""
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(autouse=True)
def _private_trust_store(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test gets its own empty trust store, so no test trusts a model by accident."""
    monkeypatch.setenv("CLAUSE_EXTRACTOR_TRUST", str(tmp_path_factory.mktemp("trust") / "trusted.txt"))
