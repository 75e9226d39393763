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

BINARY_THRESHOLD = 0.5


def _predicted_labels(y_pred, owner: str) -> np.ndarray:
    """Labels ``(N,)`` from labels, binary probabilities or a score matrix."""
    try:
        scores = np.asarray(y_pred, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(
            f"{owner}: expected y_pred to be an array of numbers, but received {type(y_pred).__name__}"
        ) from None
    if scores.ndim == 2 and scores.shape[1] >= 2:
        return scores.argmax(axis=1)
    if scores.ndim == 2 and scores.shape[1] == 1:
        scores = scores[:, 0]
    if scores.ndim != 1:
        raise ValueError(
            f"{owner}: expected y_pred of shape (N,), (N, 1) or (N, k), but received shape {scores.shape}"
        )
    if not np.all(np.isfinite(scores)):
        raise ValueError(f"{owner}: expected finite values in y_pred, but received {scores[~np.isfinite(scores)][0]}")
    integral = scores == np.round(scores)
    if np.all(integral):
        if np.any(scores < 0):
            raise ValueError(f"{owner}: expected class labels >= 0 in y_pred, but received {scores[scores < 0][0]:g}")
        return scores.astype(int)
    if np.all((scores >= 0.0) & (scores <= 1.0)):
        return (scores >= BINARY_THRESHOLD).astype(int)
    example = scores[~integral & ((scores < 0.0) | (scores > 1.0))][0]
    raise ValueError(
        f"{owner}: expected y_pred to be class labels, probabilities in [0, 1] or a score matrix (N, k), "
        f"but received a 1-D array with the non-integer value {example:g} outside [0, 1]"
    )


def _true_labels(y_true, owner: str) -> np.ndarray:
    """Labels ``(N,)`` from labels or one-hot rows."""
    try:
        values = np.asarray(y_true, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(
            f"{owner}: expected y_true to be an array of class labels, but received {type(y_true).__name__}"
        ) from None
    if values.ndim == 2 and values.shape[1] >= 2:
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
    return values.astype(int)


def _paired_labels(y_pred, y_true, owner: str) -> tuple[np.ndarray, np.ndarray]:
    shape_pred, shape_true = np.shape(y_pred), np.shape(y_true)
    pred = _predicted_labels(y_pred, owner)
    true = _true_labels(y_true, owner)
    if pred.shape != true.shape:
        raise ValueError(
            f"{owner}: expected y_pred and y_true for the same number of samples, but received y_pred "
            f"with shape {shape_pred} and y_true with shape {shape_true}"
        )
    if pred.size == 0:
        raise ValueError(f"{owner}: expected at least one sample, but received empty arrays")
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
        if isinstance(n_classes, bool) or not isinstance(n_classes, (int, np.integer)) or n_classes < 1:
            raise ValueError(
                f"confusion_matrix: expected n_classes to be an integer >= 1, but received {n_classes!r}"
            )
        k = int(n_classes)
        if largest >= k:
            raise ValueError(
                f"confusion_matrix: expected labels below n_classes={k}, but received the label {largest}"
            )
    C = np.zeros((k, k), dtype=int)
    np.add.at(C, (true, pred), 1)
    return C
