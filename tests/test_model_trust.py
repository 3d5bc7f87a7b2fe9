"""Model files are pickles: nothing is unpickled unless it is trusted, intact and compatible."""

from __future__ import annotations

import json
import shutil
import stat
from pathlib import Path

import joblib
import pytest
import sklearn
from click.testing import CliRunner

from extractor import trust
from extractor.classifier import META_FILE, MODEL_FILE, ClauseClassifier, default_model_dir
from extractor.cli import main
from extractor.errors import ExtractorError
from extractor.taxonomy import LABELS


class Hostile:
    """Unpickling this creates ``marker``: the payload a hostile model would carry."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (open, (str(self.marker), "w"))


def _meta(model: Path, **changes: object) -> dict[str, object]:
    meta: dict[str, object] = {
        "labels": sorted(LABELS), "model_sha256": trust.file_sha256(model), "name": "evil", "version": "9",
        "versions": {"scikit-learn": sklearn.__version__},
    }
    meta.update(changes)
    return meta


def _hostile_dir(tmp_path: Path, name: str = "evil_model", **meta_changes: object) -> tuple[Path, Path]:
    folder, marker = tmp_path / name, tmp_path / f"PAYLOAD_RAN_{name}"
    folder.mkdir()
    joblib.dump(Hostile(marker), folder / MODEL_FILE)
    (folder / META_FILE).write_text(json.dumps(_meta(folder / MODEL_FILE, **meta_changes)))
    return folder, marker


def _reason(folder: Path, trust_model: bool = False) -> str:
    with pytest.raises(ExtractorError) as info:
        ClauseClassifier.load(folder, trust_model=trust_model)
    return info.value.reason


def test_hostile_pickle_is_refused_and_never_runs(tmp_path: Path) -> None:
    folder, marker = _hostile_dir(tmp_path)
    assert _reason(folder) == "model_untrusted"
    assert not marker.exists()


def test_hostile_pickle_with_wrong_checksum_is_refused_even_when_trusted(tmp_path: Path) -> None:
    folder, marker = _hostile_dir(tmp_path, model_sha256="0" * 64)
    assert _reason(folder, trust_model=True) == "model_tampered"
    assert not marker.exists()


def test_hostile_pickle_with_incompatible_meta_is_refused_even_when_trusted(tmp_path: Path) -> None:
    folder, marker = _hostile_dir(tmp_path, versions={"scikit-learn": "0.24.2"})
    assert _reason(folder, trust_model=True) == "model_incompatible"
    folder2, marker2 = _hostile_dir(tmp_path, "other_labels", labels=["a", "b"])
    assert _reason(folder2, trust_model=True) == "model_incompatible"
    assert not marker.exists() and not marker2.exists()


def test_cli_refuses_hostile_model_with_one_line(tmp_path: Path) -> None:
    folder, marker = _hostile_dir(tmp_path)
    contract = tmp_path / "c.txt"
    contract.write_text("1. Scope\nThe Provider shall run the depot for the Client.\n")
    result = CliRunner().invoke(main, ["analyze", str(contract), "--model", str(folder)])
    assert result.exit_code == 17
    assert result.output == (f"error: {folder}: model is neither the shipped one nor trained here; loading it would "
                             "run its code (pass --trust-model only if you trust its source) [model_untrusted]\n")
    assert not marker.exists()


@pytest.fixture
def model_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "model"
    shutil.copytree(default_model_dir(), folder)
    return folder


def test_tampered_model_fails_with_its_own_reason(model_copy: Path) -> None:
    data = bytearray((model_copy / MODEL_FILE).read_bytes())
    data[len(data) // 2] ^= 0xFF
    (model_copy / MODEL_FILE).write_bytes(bytes(data))
    assert _reason(model_copy, trust_model=True) == "model_tampered"


def test_version_incompatible_model_fails_with_its_own_reason(model_copy: Path) -> None:
    meta = json.loads((model_copy / META_FILE).read_text())
    meta["versions"]["scikit-learn"] = "0.24.2"
    (model_copy / META_FILE).write_text(json.dumps(meta))
    assert _reason(model_copy, trust_model=True) == "model_incompatible"


@pytest.mark.parametrize("meta_text", ["[1, 2]", "{not json", ""])
def test_broken_meta_is_model_invalid(model_copy: Path, meta_text: str) -> None:
    (model_copy / META_FILE).write_text(meta_text)
    assert _reason(model_copy, trust_model=True) == "model_invalid"


def test_a_model_trained_here_loads_without_the_flag(model_copy: Path) -> None:
    sha = trust.file_sha256(model_copy / MODEL_FILE)
    if sha not in trust.shipped_hashes():
        assert _reason(model_copy) == "model_untrusted"
    trust.add_trusted(sha, "trained in a test")
    assert ClauseClassifier.load(model_copy).labels == sorted(LABELS)
    assert stat.S_IMODE(trust.store_path().stat().st_mode) == 0o600
