"""NB-SVM: a linear model with the naive-Bayes ratios folded into its weights."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from extractor.nbsvm import NBSVMClassifier


def _data() -> tuple[sp.csr_matrix, np.ndarray]:
    rng = np.random.default_rng(0)
    dense = (rng.random((60, 8)) > 0.6).astype(float)
    y = np.array(["a", "b", "c"] * 20)
    for column, label in enumerate("abc"):
        dense[y == label, column] = 3.0
    return sp.csr_matrix(dense), y


def test_learns_separable_labels_and_folds_ratios_into_weights() -> None:
    X, y = _data()
    clf = NBSVMClassifier(random_state=1).fit(X, y)
    assert list(clf.classes_) == ["a", "b", "c"] and clf.coef_.shape == (3, 8)
    assert (clf.predict(X) == y).mean() == 1.0
    assert clf.decision_function(X).shape == (60, 3)


def test_two_labels_give_one_score_column_like_sklearn() -> None:
    X, y = _data()
    keep = y != "c"
    clf = NBSVMClassifier(random_state=1).fit(X[keep], y[keep])
    scores = clf.decision_function(X[keep])
    assert scores.shape == (40,)
    assert list(np.where(scores > 0, "b", "a")) == list(clf.predict(X[keep]))
