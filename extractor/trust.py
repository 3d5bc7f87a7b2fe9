"""Which model files may be unpickled: the shipped default and models this installation trained.

A model file is a pickle, and unpickling runs code. So a model is loaded only when the sha256 of
its ``model.joblib`` is listed in the package's ``shipped_models.txt`` or in the user's trust
store (``$CLAUSE_EXTRACTOR_TRUST``, default ``~/.config/clause-extractor/trusted_models.txt``),
which ``train`` appends to, or when the user passes ``--trust-model`` for that one run.
"""

from __future__ import annotations

import hashlib
import os
from importlib import resources
from pathlib import Path


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def store_path() -> Path:
    """The user's trust store file."""
    env = os.environ.get("CLAUSE_EXTRACTOR_TRUST")
    if env:
        return Path(env)
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "clause-extractor" / "trusted_models.txt"


def _hashes(text: str) -> set[str]:
    return {line.split()[0] for line in text.splitlines() if line.strip() and not line.startswith("#")}


def shipped_hashes() -> set[str]:
    return _hashes(resources.files("extractor").joinpath("shipped_models.txt").read_text(encoding="utf-8"))


def is_trusted(sha256: str) -> bool:
    """True when the model with this hash is the shipped default or was trained here."""
    if sha256 in shipped_hashes():
        return True
    store = store_path()
    return store.is_file() and sha256 in _hashes(store.read_text(encoding="utf-8"))


def add_trusted(sha256: str, note: str) -> None:
    """Record a model this installation trained (appends; the file is private to the user)."""
    store = store_path()
    store.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(store, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    with os.fdopen(fd, "a", encoding="utf-8") as fh:
        fh.write(f"{sha256}  {note}\n")
