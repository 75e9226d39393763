"""Preparing data: train/test splits, one-hot encoding and standardisation.

All randomness comes from ``rng`` (a ``numpy.random.Generator`` or an int seed), never from
numpy's global random state.
"""

from __future__ import annotations

import numpy as np

from nnlib._checks import as_float_array, check_bool, check_finite, check_int, make_rng

# More classes than this is a mistake (labels that are really values or ids), and a one-hot
# or confusion matrix of that width would not fit in memory.
MAX_CLASSES = 10_000


def train_test_split(
    X, y, *, test_size: float = 0.2, stratify: bool = False, rng=None
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Shuffle the samples and split them into a training set and a test set.

    Parameters
    ----------
    X : array of shape (N, ...)
        Samples along the first axis (e.g. ``(N, d)`` features or ``(N, C, H, W)`` images).
    y : array of shape (N, ...)
        Targets for the same samples: labels ``(N,)``, one-hot ``(N, k)`` or values.
    test_size
        Fraction of the samples that goes to the test set, 0 < test_size < 1. The test set
        gets ``ceil(test_size · N)`` samples; both sets get at least one.
    stratify
        If True, ``y`` must hold class labels ``(N,)`` and every class is split in the same
        proportion, so both sets have (as nearly as possible) the class balance of ``y``.
    rng
        A ``numpy.random.Generator`` or an int seed for the shuffle.

    Returns
    -------
    X_train, X_test, y_train, y_test
        ``X_train`` has shape ``(N - n_test, ...)`` and ``X_test`` ``(n_test, ...)``; ``y``
        likewise. Rows are in shuffled order.

    Examples
    --------
    >>> X, y = np.arange(20).reshape(10, 2), np.arange(10) % 2
    >>> X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, rng=0)
    >>> X_train.shape, X_test.shape
    ((7, 2), (3, 2))
    """
    X = np.asarray(X)
    y = np.asarray(y)
    if X.ndim == 0 or y.ndim == 0:
        raise ValueError(
            f"train_test_split: expected X and y with the samples along the first axis, but received "
            f"X with shape {X.shape} and y with shape {y.shape}"
        )
    n = X.shape[0]
    if y.shape[0] != n:
        raise ValueError(
            f"train_test_split: expected X and y to have the same number of samples (first axis), but "
            f"received X with {n} samples (shape {X.shape}) and y with {y.shape[0]} (shape {y.shape})"
        )
    if isinstance(test_size, bool) or not isinstance(test_size, (int, float, np.integer, np.floating)):
        raise TypeError(
            f"train_test_split: expected test_size to be a fraction between 0 and 1, but received "
            f"{type(test_size).__name__}"
        )
    if not 0.0 < test_size < 1.0:
        raise ValueError(
            f"train_test_split: expected test_size between 0 and 1 (exclusive), but received {test_size!r}"
        )
    if n < 2:
        raise ValueError(f"train_test_split: expected at least 2 samples to split, but received {n}")
    stratify = check_bool(stratify, "stratify", "train_test_split")
    rng = make_rng(rng, owner="train_test_split")
    n_test = min(max(int(np.ceil(test_size * n)), 1), n - 1)
    if stratify:
        test_index = _stratified_test_index(y, n_test, rng)
    else:
        test_index = rng.permutation(n)[:n_test]
    is_test = np.zeros(n, dtype=bool)
    is_test[test_index] = True
    train_index = rng.permutation(np.flatnonzero(~is_test))
    test_index = rng.permutation(np.flatnonzero(is_test))
    return X[train_index], X[test_index], y[train_index], y[test_index]


def _stratified_test_index(y: np.ndarray, n_test: int, rng: np.random.Generator) -> np.ndarray:
    if y.ndim != 1:
        raise ValueError(
            f"train_test_split: expected y of shape (N,) with class labels when stratify=True, but "
            f"received shape {y.shape}; for one-hot targets pass y.argmax(axis=1)"
        )
    classes, inverse, counts = np.unique(y, return_inverse=True, return_counts=True)
    # Largest remainder: each class gets floor(its share) and the leftover test places go to the
    # classes with the largest fractional parts, so the total is exactly n_test.
    share = counts * n_test / len(y)
    per_class = np.floor(share).astype(int)
    leftover = n_test - per_class.sum()
    per_class[np.argsort(-(share - per_class), kind="stable")[:leftover]] += 1
    chosen = [rng.permutation(np.flatnonzero(inverse == c))[:k] for c, k in enumerate(per_class)]
    return np.concatenate(chosen)


def one_hot(y, n_classes: int | None = None) -> np.ndarray:
    """Turn class labels into one-hot rows: label j becomes a row with a 1 in column j.

    Parameters
    ----------
    y : array of shape (N,)
        Integer class labels ``0, 1, …`` (floats such as ``2.0`` are accepted).
    n_classes
        Number of columns k; by default ``max(y) + 1``.

    Returns
    -------
    ndarray of shape (N, k), float
        ``Y[i, j] = 1`` if ``y[i] == j`` else 0.

    Examples
    --------
    >>> one_hot([0, 2, 1])
    array([[1., 0., 0.],
           [0., 0., 1.],
           [0., 1., 0.]])
    """
    labels = _as_labels(y, "y", "one_hot")
    if n_classes is None:
        k = int(labels.max()) + 1 if labels.size else 0
    else:
        k = check_int(n_classes, "n_classes", "one_hot", maximum=MAX_CLASSES)
        too_big = np.flatnonzero(labels >= k)
        if too_big.size:
            i = too_big[0]
            raise ValueError(
                f"one_hot: expected labels below n_classes={k}, but received {labels[i]} at index {i}"
            )
    Y = np.zeros((labels.size, k))
    Y[np.arange(labels.size), labels] = 1.0
    return Y


def _as_labels(y, name: str, owner: str) -> np.ndarray:
    """``y`` as a 1-D int array of labels in ``0 … MAX_CLASSES - 1``, or an error naming the first bad value."""
    array = np.asarray(y) if isinstance(y, np.ndarray) else None
    if array is None or array.dtype.kind not in "iu":
        try:
            array = as_float_array(y, name, owner)
        except TypeError as error:
            received = str(error).split("but received ", 1)[-1].split(";")[0]
            raise TypeError(f"{owner}: expected {name} to be integer class labels, but received {received}") from None
    if array.ndim != 1:
        raise ValueError(f"{owner}: expected {name} of shape (N,) with one label per sample, but received shape {array.shape}")
    values = array.astype(float)
    bad = np.flatnonzero(~np.isfinite(values) | (values != np.round(values)) | (values < 0) | (values >= MAX_CLASSES))
    if bad.size:
        i = bad[0]
        value = array[i].item()
        if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
            value = int(value)
        if np.isfinite(values[i]) and values[i] == np.round(values[i]) and values[i] >= MAX_CLASSES:
            raise ValueError(
                f"{owner}: expected class labels below {MAX_CLASSES:,} in {name}, but received {value!r} at index {i}"
            )
        raise ValueError(f"{owner}: expected integer class labels >= 0 in {name}, but received {value!r} at index {i}")
    return values.astype(int)


class Standardizer:
    """Rescale every feature to mean 0 and standard deviation 1: ``X' = (X - mean_) / std_``.

    Fit on the training data only and reuse the same ``mean_`` and ``std_`` for validation and
    test data, so no information about them leaks into training.

    A feature that is (numerically) constant gets ``std_ = 1``, so it becomes 0 instead of a
    division by zero.

    Attributes
    ----------
    mean_ : ndarray of shape X.shape[1:]
        Mean of each feature over the samples of the data passed to :meth:`fit`.
    std_ : ndarray of shape X.shape[1:]
        Standard deviation of each feature (1 where it was zero).

    Examples
    --------
    >>> scaler = Standardizer().fit([[0.0, 10.0], [2.0, 30.0]])
    >>> scaler.transform([[1.0, 20.0]])
    array([[0., 0.]])
    """

    def __init__(self) -> None:
        self.mean_: np.ndarray | None = None
        self.std_: np.ndarray | None = None

    def fit(self, X) -> "Standardizer":
        """Learn ``mean_`` and ``std_`` from ``X`` of shape ``(N, ...)``, N >= 1; returns self."""
        X = _as_samples(X, "fit")
        mean = _mean(X)
        std = _std(X, mean)
        # Rounding leaves a constant column with a tiny non-zero std; dividing by it would blow
        # rounding noise up to order 1, so treat anything at rounding level as zero.
        constant = std <= 1e-12 * np.maximum(1.0, np.abs(mean))
        self.mean_ = mean
        self.std_ = np.where(constant, 1.0, std)
        return self

    def transform(self, X) -> np.ndarray:
        """``(X - mean_) / std_`` for ``X`` of shape ``(M, ...)`` with the feature shape seen in fit."""
        X = self._check(X, "transform")
        return (X - self.mean_) / self.std_

    def fit_transform(self, X) -> np.ndarray:
        """``fit(X)`` then ``transform(X)``."""
        return self.fit(X).transform(X)

    def inverse_transform(self, X_standardized) -> np.ndarray:
        """Undo :meth:`transform`: ``X_standardized * std_ + mean_``."""
        X = self._check(X_standardized, "inverse_transform")
        return X * self.std_ + self.mean_

    def _check(self, X, method: str) -> np.ndarray:
        if self.mean_ is None:
            raise RuntimeError(f"Standardizer: {method}() was called before fit(); run fit(X_train) first")
        X = _as_samples(X, method)
        if X.shape[1:] != self.mean_.shape:
            raise ValueError(
                f"Standardizer.{method}: expected X of shape {_shape_text(self.mean_.shape)} like the "
                f"data passed to fit, but received shape {X.shape}"
            )
        return X

    def __repr__(self) -> str:
        state = "unfitted" if self.mean_ is None else f"features={self.mean_.shape}"
        return f"Standardizer({state})"


def _mean(X: np.ndarray) -> np.ndarray:
    """Mean over the samples, without overflow: the sum of values near 1e308 would be inf."""
    with np.errstate(over="ignore", invalid="ignore"):
        mean = X.mean(axis=0)
        if not np.isfinite(mean).all():
            mean = (X / X.shape[0]).sum(axis=0)
    return mean


def _std(X: np.ndarray, mean: np.ndarray) -> np.ndarray:
    """Standard deviation over the samples, scaled by the largest deviation so that squaring
    values of 1e200 does not overflow (std = s · std(dev / s))."""
    with np.errstate(over="ignore", invalid="ignore"):
        deviation = X - mean
        scale = np.max(np.abs(deviation), axis=0)
    if not np.isfinite(scale).all():
        raise ValueError(
            "Standardizer.fit: expected values whose spread fits in a float (below about 1.8e308), "
            f"but received values from {X.min():.3g} to {X.max():.3g}"
        )
    scale = np.where(scale > 0, scale, 1.0)
    return scale * np.sqrt(np.mean((deviation / scale) ** 2, axis=0))


def _shape_text(feature_shape: tuple) -> str:
    """``(N, 2)`` for feature shape ``(2,)``, ``(N,)`` for scalar features."""
    return "(" + ", ".join(["N", *map(str, feature_shape)]) + (",)" if not feature_shape else ")")


def _as_samples(X, method: str) -> np.ndarray:
    X = as_float_array(X, "X", f"Standardizer.{method}")
    check_finite(X, "X", f"Standardizer.{method}")
    if X.ndim == 0 or X.shape[0] == 0:
        raise ValueError(
            f"Standardizer.{method}: expected X of shape (N, ...) with at least one sample, "
            f"but received shape {X.shape}"
        )
    return X


def standardize(X) -> np.ndarray:
    """Rescale every feature of ``X`` (shape ``(N, ...)``) to mean 0 and standard deviation 1.

    A shortcut for ``Standardizer().fit_transform(X)``. To treat test data the same way as
    the training data, use a :class:`Standardizer` fitted on the training data instead.
    """
    return Standardizer().fit_transform(X)
