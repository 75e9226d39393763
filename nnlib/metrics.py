"""Classification metrics: accuracy and the confusion matrix.

Predictions may be given in whichever form a model produces them:

- class labels, shape ``(N,)`` (or ``(N, 1)``), integers ``0, 1, …``;
- probabilities of class 1 for binary classification, shape ``(N,)`` or ``(N, 1)``, floats in
  [0, 1], e.g. a sigmoid output; ``p >= 0.5`` counts as class 1;
- a score matrix, shape ``(N, k)`` with k >= 2 (softmax probabilities or logits); the
  predicted class is the column with the largest score (argmax).

True labels may be labels ``(N,)`` / ``(N, 1)`` or one-hot rows ``(N, k)``.
"""

from __future__ import annotations

import numpy as np

from nnlib._checks import as_float_array, check_int
from nnlib.data import MAX_CLASSES

BINARY_THRESHOLD = 0.5


def _plain(value: float):
    return int(value) if float(value).is_integer() and abs(value) < 1e15 else float(value)


def _check_label_range(labels: np.ndarray, name: str, owner: str) -> None:
    too_big = labels >= MAX_CLASSES
    if too_big.any():
        raise ValueError(
            f"{owner}: expected class labels below {MAX_CLASSES:,} in {name}, but received {_plain(labels[too_big][0])}"
        )


def _check_finite_scores(scores: np.ndarray, name: str, owner: str) -> None:
    if not np.isfinite(scores).all():
        bad = scores[~np.isfinite(scores)][0]
        raise ValueError(f"{owner}: expected finite values in {name}, but received {bad}")


def _predicted_labels(y_pred, owner: str) -> np.ndarray:
    """Labels ``(N,)`` from labels, binary probabilities or a score matrix."""
    scores = as_float_array(y_pred, "y_pred", owner)
    if scores.ndim == 2 and scores.shape[1] >= 2:
        _check_finite_scores(scores, "y_pred", owner)  # argmax of a NaN row would pick the NaN
        return scores.argmax(axis=1)
    if scores.ndim == 2 and scores.shape[1] == 1:
        scores = scores[:, 0]
    if scores.ndim != 1:
        raise ValueError(
            f"{owner}: expected y_pred of shape (N,), (N, 1) or (N, k), but received shape {scores.shape}"
        )
    _check_finite_scores(scores, "y_pred", owner)
    integral = scores == np.round(scores)
    if np.all(integral):
        if np.any(scores < 0):
            raise ValueError(f"{owner}: expected class labels >= 0 in y_pred, but received {scores[scores < 0][0]:g}")
        _check_label_range(scores, "y_pred", owner)
        return scores.astype(int)
    if np.all((scores >= 0.0) & (scores <= 1.0)):
        return (scores >= BINARY_THRESHOLD).astype(int)
    outside = (scores < 0.0) | (scores > 1.0)
    expected = f"{owner}: expected y_pred to be class labels, probabilities in [0, 1] or a score matrix (N, k)"
    if np.any(~integral & outside):
        raise ValueError(
            f"{expected}, but received a 1-D array with the non-integer value {scores[~integral & outside][0]:g} "
            "outside [0, 1]"
        )
    raise ValueError(
        f"{expected}, but received a 1-D array mixing the fraction {scores[~integral][0]:g} with the value "
        f"{scores[outside][0]:g} outside [0, 1]"
    )


def _true_labels(y_true, owner: str) -> np.ndarray:
    """Labels ``(N,)`` from labels or one-hot rows."""
    values = as_float_array(y_true, "y_true", owner)
    if values.ndim == 2 and values.shape[1] >= 2:
        _check_finite_scores(values, "y_true", owner)
        return values.argmax(axis=1)
    if values.ndim == 2 and values.shape[1] == 1:
        values = values[:, 0]
    if values.ndim != 1:
        raise ValueError(
            f"{owner}: expected y_true of shape (N,) with labels or (N, k) one-hot, but received shape {values.shape}"
        )
    bad = np.flatnonzero(~np.isfinite(values) | (values != np.round(values)) | (values < 0))
    if bad.size:
        raise ValueError(
            f"{owner}: expected integer class labels >= 0 in y_true, but received {values[bad[0]]:g} at index {bad[0]}"
        )
    _check_label_range(values, "y_true", owner)
    return values.astype(int)


def _paired_labels(y_pred, y_true, owner: str) -> tuple[np.ndarray, np.ndarray]:
    pred = _predicted_labels(y_pred, owner)
    true = _true_labels(y_true, owner)
    shape_pred, shape_true = np.shape(y_pred), np.shape(y_true)
    if len(shape_pred) == 2 and len(shape_true) == 2 and min(shape_pred[1], shape_true[1]) >= 2 \
            and shape_pred[1] != shape_true[1]:
        raise ValueError(
            f"{owner}: expected y_pred scores for as many classes as y_true's one-hot rows ({shape_true[1]}), "
            f"but received y_pred with shape {shape_pred} and y_true with shape {shape_true}"
        )
    if pred.shape != true.shape:
        raise ValueError(
            f"{owner}: expected y_pred and y_true for the same number of samples, but received y_pred "
            f"with shape {shape_pred} and y_true with shape {shape_true}"
        )
    if pred.size == 0:
        raise ValueError(f"{owner}: expected at least one sample in y_pred and y_true, but received empty arrays")
    return pred, true


def accuracy(y_pred, y_true) -> float:
    """Fraction of samples whose predicted class equals the true class.

    ``accuracy = (1/N) Σ_i [ŷ_i = y_i]``, a number in [0, 1].

    Parameters
    ----------
    y_pred : array of shape (N,), (N, 1) or (N, k)
        Predicted labels, probabilities of class 1 (threshold 0.5) or class scores (argmax);
        see the module docstring.
    y_true : array of shape (N,), (N, 1) or (N, k)
        True labels, or one-hot rows.

    Returns
    -------
    float

    Examples
    --------
    >>> accuracy([0.9, 0.2, 0.6], [1, 0, 0])
    0.6666666666666666
    >>> accuracy([[2.0, 0.1], [0.3, 1.5]], [0, 1])
    1.0
    """
    pred, true = _paired_labels(y_pred, y_true, "accuracy")
    return float(np.mean(pred == true))


def confusion_matrix(y_true, y_pred, n_classes: int | None = None) -> np.ndarray:
    """Count how often each true class was predicted as each class.

    ``C[i, j]`` = number of samples of true class i predicted as class j, so the diagonal
    holds the correct predictions, each row sums to the number of samples of that class, and
    ``C.trace() / C.sum()`` is the accuracy.

    Parameters
    ----------
    y_true : array of shape (N,), (N, 1) or (N, k)
        True labels, or one-hot rows.
    y_pred : array of shape (N,), (N, 1) or (N, k)
        Predicted labels, probabilities of class 1 or class scores, as for :func:`accuracy`.
    n_classes
        Size k of the matrix; by default one more than the largest label seen.

    Returns
    -------
    ndarray of shape (k, k), int
        Rows are true classes, columns predicted classes.

    Examples
    --------
    >>> confusion_matrix([0, 0, 1, 1], [0, 1, 1, 1])
    array([[1, 1],
           [0, 2]])
    """
    pred, true = _paired_labels(y_pred, y_true, "confusion_matrix")
    largest = int(max(pred.max(), true.max()))
    if n_classes is None:
        k = largest + 1
    else:
        k = check_int(n_classes, "n_classes", "confusion_matrix", maximum=MAX_CLASSES)
        if largest >= k:
            raise ValueError(
                f"confusion_matrix: expected labels below n_classes={k}, but received the label {largest}"
            )
    C = np.zeros((k, k), dtype=int)
    np.add.at(C, (true, pred), 1)
    return C
