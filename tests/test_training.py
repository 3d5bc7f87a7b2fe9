"""Training: validation of data, folds by contract, determinism, atomic save, trust store, --dev guard."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractor import trust
from extractor.classifier import ClauseClassifier
from extractor.cli import main
from extractor.dataset import Example, load_examples
from extractor.errors import ExitCode
from extractor.taxonomy import LABELS
from extractor.training import _group_splits, train

PHRASES = {
    "scope_of_services": "The Provider shall answer inbound calls and e-mails from {x} customers during business hours.",
    "liability": "The Provider shall indemnify {x} against losses caused by its negligence and pay service credits.",
    "payment_and_term": "{x} shall pay each invoice within thirty days; this Agreement runs for an initial term of two years.",
    "confidentiality": "The Provider shall keep {x} data confidential and shall not disclose it to any third party.",
    "dispute_resolution": "Any dispute with {x} shall be settled by arbitration; the laws of New York govern.",
    "other": "Notices to {x} shall be sent to the address set out above; this Agreement is the entire agreement.",
}


def tiny_examples(contracts: int = 6) -> list[Example]:
    names = ["Acme", "Beta", "Corvid", "Delta", "Ember", "Fjord", "Gala", "Helix"]
    return [Example(PHRASES[label].format(x=names[c]), label, f"{i}. {label.upper()}", f"doc{c}")
            for c in range(contracts) for i, label in enumerate(LABELS)]


def test_folds_never_split_a_contract() -> None:
    groups = [f"doc{i % 7}" for i in range(70)]
    for train_idx, test_idx in _group_splits(groups, 5, seed=3):
        assert not {groups[i] for i in train_idx} & {groups[i] for i in test_idx}
        assert sorted(train_idx + test_idx) == list(range(70))


def test_same_seed_same_model_predictions() -> None:
    data = tiny_examples()
    probe = [{"text": "Fees are invoiced monthly.", "heading": None}, {"text": "Calls are answered in 20 seconds."}]
    first = train(data, seed=5, folds=0).classifier.predict(probe)
    second = train(data, seed=5, folds=0).classifier.predict(probe)
    assert first == second


def test_parallel_fits_give_the_same_model_and_scores() -> None:
    data = tiny_examples()
    probe = [{"text": "Fees are invoiced monthly.", "heading": None}, {"text": "Disputes go to arbitration."}]
    one, two = train(data, seed=5, folds=3, jobs=1), train(data, seed=5, folds=3, jobs=2)
    assert one.classifier.predict(probe) == two.classifier.predict(probe)
    assert one.cv == two.cv and one.classifier.version == two.classifier.version


def test_cross_validation_reports_every_label() -> None:
    cv = train(tiny_examples(), seed=1, folds=3).cv
    assert cv["folds"] == 3 and set(cv["per_label"]) == set(LABELS)
    assert sum(sum(row.values()) for row in cv["confusion"].values()) == len(tiny_examples())


def test_train_command_writes_trusted_model_and_refuses_worse(tmp_path: Path) -> None:
    data = tmp_path / "data.jsonl"
    data.write_text("".join(json.dumps({"text": e.text, "label": e.label, "heading": e.heading, "doc_id": e.doc_id}) + "\n"
                            for e in tiny_examples()))
    model = tmp_path / "model"
    result = CliRunner().invoke(main, ["train", str(data), "-o", str(model), "--folds", "2"])
    assert result.exit_code == 0, result.stderr
    assert "cross-validation by contract (2 folds)" in result.stderr
    assert "cross-validation: fold 2/2 done" in result.stderr and "final model fitted" in result.stderr
    meta = json.loads((model / "meta.json").read_text())
    assert meta["seed"] == 13 and meta["n_contracts"] == 6 and sorted(meta["labels"]) == sorted(LABELS)
    assert trust.is_trusted(meta["model_sha256"])
    assert ClauseClassifier.load(model).predict([{"text": "Arbitration in London."}])[0].label in LABELS
    # a dev file on which the new model cannot beat the old one: a retrain on worse data is refused
    dev = tmp_path / "dev.jsonl"
    dev.write_text(data.read_text())
    worse = tmp_path / "worse.csv"
    worse.write_text("text,label,doc_id\n" + "".join(f"clause {i},{LABELS[(i + 1) % 6]},d{i % 3}\n" for i in range(36)))
    result = CliRunner().invoke(main, ["train", str(worse), "-o", str(model), "--dev", str(dev), "--folds", "0"])
    assert result.exit_code == ExitCode.WORSE_MODEL
    assert "pass --force to replace it anyway" in result.stderr
    assert json.loads((model / "meta.json").read_text())["model_sha256"] == meta["model_sha256"]


def test_csv_and_jsonl_load_alike(tmp_path: Path) -> None:
    csv_file = tmp_path / "a.csv"
    csv_file.write_text('text,label,heading,doc_id\n"Fees are due monthly.",payment_and_term,5. FEES,x1\n')
    jsonl = tmp_path / "b.jsonl"
    jsonl.write_text('{"text": "Fees are due monthly.", "label": "payment_and_term", "heading": "5. FEES", "doc_id": "x1"}\n')
    assert load_examples([csv_file]) == load_examples([jsonl])


@pytest.mark.parametrize("line,problem", [
    ('{"text": "x"}', "label None is not one of"),
    ('["not", "an", "object"]', "a row must be a JSON object"),
    ('{"text": "x", "label": "other", "heading": 5}', "'heading' must be a string or null"),
])
def test_bad_rows_are_named(tmp_path: Path, line: str, problem: str) -> None:
    from extractor.errors import TrainingDataError

    path = tmp_path / "d.jsonl"
    path.write_text('{"text": "fine", "label": "other"}\n' + line + "\n")
    with pytest.raises(TrainingDataError) as info:
        load_examples([path])
    assert info.value.details == [f"{path}:2: {problem}" + ("" if "not one of" not in problem else info.value.details[0].split(problem)[1])]


def test_contract_json_files_load_with_their_doc_id(tmp_path: Path) -> None:
    contract = {"doc_id": "k1", "paragraphs": [{"heading": "1. FEES", "text": "Fees are due monthly.", "label": "payment_and_term"},
                                               {"heading": None, "text": "Notices go by e-mail.", "label": "other"}]}
    (tmp_path / "k1.json").write_text(json.dumps(contract))
    examples = load_examples([tmp_path])
    assert [(e.doc_id, e.label, e.heading) for e in examples] == [("k1", "payment_and_term", "1. FEES"), ("k1", "other", None)]


def test_every_team_contract_is_valid_training_data() -> None:
    contracts = Path(__file__).resolve().parent.parent / "training_data" / "contracts"
    examples = load_examples([contracts])
    assert len({e.doc_id for e in examples}) >= 50 and len(examples) >= 3000
    assert {e.label for e in examples} == set(LABELS)


def test_version_names_data_and_design() -> None:
    data = tiny_examples()
    a = train(data, seed=5, folds=0).classifier.version
    b = train(data, seed=6, folds=0).classifier.version
    data_part = a.split("+")[1].split(".")[0]
    assert b.split("+")[1].split(".")[0] == data_part and a != b


def test_bad_label_cell_is_not_echoed_and_non_utf8_is_typed(tmp_path: Path) -> None:
    from extractor.errors import TrainingDataError

    shifted = tmp_path / "shifted.csv"
    shifted.write_text("label,text\nThe Supplier shall keep the Customer's data secret for ten years.,other\n")
    with pytest.raises(TrainingDataError) as info:
        load_examples([shifted])
    assert "Supplier" not in info.value.details[0] and "label (65 characters) is not one of" in info.value.details[0]
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes(b"text,label\nCaf\xe9 services,other\n")
    with pytest.raises(TrainingDataError) as info:
        load_examples([latin1])
    assert info.value.line() == f"error: {latin1}: not UTF-8 text (save the file as UTF-8) [bad_training_data]"


def test_csv_export_quote_is_undone(tmp_path: Path) -> None:
    data = tmp_path / "x.csv"
    data.write_text("text,label\n'- The fees are due monthly.,payment_and_term\n")
    assert load_examples([data])[0].text == "- The fees are due monthly."


def test_too_few_examples_of_a_label_is_bad_training_data(tmp_path: Path) -> None:
    data = tmp_path / "mine.csv"
    rows = [e for e in tiny_examples() if e.label != "liability"] + [e for e in tiny_examples(2) if e.label == "liability"]
    data.write_text("text,label,doc_id\n" + "".join(f"{e.text.replace(',', ' ')},{e.label},{e.doc_id}\n" for e in rows))
    result = CliRunner().invoke(main, ["train", str(data), "-o", str(tmp_path / "m")])
    assert result.exit_code == ExitCode.TRAINING_DATA
    assert result.stderr.strip().splitlines()[-1] == (
        "error: too few examples of 1 label(s) (liability 2); each of the six needs at least 5 "
        "(train on training_data/contracts plus your own files) [bad_training_data]")
    assert not (tmp_path / "m").exists()


def test_few_contracts_skip_cross_validation_but_still_train(tmp_path: Path) -> None:
    rows = [Example(e.text, e.label, e.heading, f"doc{i % 2}") for i, e in enumerate(tiny_examples(8))]
    rows = [e for e in rows if not (e.label == "dispute_resolution" and e.doc_id == "doc1")]  # one contract lacks a label
    data = tmp_path / "mine.jsonl"
    data.write_text("".join(json.dumps({"text": e.text, "label": e.label, "doc_id": e.doc_id}) + "\n" for e in rows))
    result = CliRunner().invoke(main, ["train", str(data), "-o", str(tmp_path / "m"), "--folds", "2"])
    assert result.exit_code == 0, result.stderr
    assert "cross-validation skipped: with 2 contracts some fold would train without a label" in result.stderr
    assert ClauseClassifier.load(tmp_path / "m").predict([{"text": "Disputes go to arbitration."}])[0].label in LABELS
