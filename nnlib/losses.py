"""Loss functions: how wrong a prediction is.

A *loss* L(y, ŷ) measures one sample; the *cost* is its mean over the data. Every loss
class here returns the cost of a batch from ``forward(y_pred, y_true)`` and its gradient
with respect to ``y_pred`` from ``backward()``, so training can call::

    cost = loss.forward(model.forward(X), y)
    model.backward(loss.backward())
"""

from __future__ import annotations

import numpy as np

from nnlib._checks import as_float_array
from nnlib.activations import sigmoid, softmax

# Probabilities are clipped this far from 0 and 1 so log(0) never happens.
EPS = 1e-12


class Loss:
    """Base class: subclasses implement ``_forward`` and ``_backward``."""

    def __init__(self) -> None:
        self._cache = None

    @property
    def name(self) -> str:
        return type(self).__name__

    def __call__(self, y_pred, y_true) -> float:
        return self.forward(y_pred, y_true)

    def backward(self) -> np.ndarray:
        """∂cost/∂y_pred for the last :meth:`forward` call, same shape as ``y_pred``."""
        if self._cache is None:
            raise RuntimeError(f"{self.name}: backward() was called before forward(); compute the loss first")
        return self._backward(*self._cache)

    def __repr__(self) -> str:
        return f"{self.name}()"


def _matching(y_pred, y_true, owner: str) -> tuple[np.ndarray, np.ndarray]:
    y_pred = as_float_array(y_pred, "y_pred", owner)
    y_true = as_float_array(y_true, "y_true", owner)
    if y_true.shape != y_pred.shape:
        if y_true.size == y_pred.size and y_true.ndim <= 1 and y_pred.ndim == 2:
            y_true = y_true.reshape(y_pred.shape)  # labels (N,) for predictions (N, 1)
        else:
            raise ValueError(
                f"{owner}: expected y_true with the shape of y_pred {y_pred.shape}, "
                f"but received shape {y_true.shape}"
            )
    return y_pred, y_true


class MSE(Loss):
    """Mean squared error: mean over *all elements* of (ŷ − y)².

    Squaring makes one large error cost more than many small ones, which is what we
    want for regression when big mistakes matter most.
    """

    def forward(self, y_pred, y_true) -> float:
        y_pred, y_true = _matching(y_pred, y_true, "MSE")
        self._cache = (y_pred, y_true)
        return float(np.mean((y_pred - y_true) ** 2))

    @staticmethod
    def _backward(y_pred, y_true):
        return 2.0 * (y_pred - y_true) / y_pred.size


class BinaryCrossEntropy(Loss):
    """Binary cross-entropy on probabilities p = ŷ ∈ [0, 1] with labels y ∈ {0, 1}:

    L = −[y log p + (1 − y) log(1 − p)], averaged over the batch.

    p is clipped to [ε, 1 − ε] so p = 0 or p = 1 give a large but finite loss. If the
    model's last layer is a sigmoid, ``from_logits=True`` on raw scores is more stable.
    """

    def __init__(self, *, from_logits: bool = False) -> None:
        super().__init__()
        self.from_logits = from_logits

    def forward(self, y_pred, y_true) -> float:
        y_pred, y_true = _matching(y_pred, y_true, "BinaryCrossEntropy")
        if np.any((y_true != 0) & (y_true != 1)):
            bad = np.unique(y_true[(y_true != 0) & (y_true != 1)])[:5]
            raise ValueError(f"BinaryCrossEntropy: expected labels 0 or 1, but received {bad.tolist()}")
        if not self.from_logits and np.any((y_pred < 0) | (y_pred > 1)):
            raise ValueError(
                "BinaryCrossEntropy: expected probabilities in [0, 1] (did you mean from_logits=True?), "
                f"but received values from {y_pred.min():.3g} to {y_pred.max():.3g}"
            )
        self._cache = (y_pred, y_true)
        if self.from_logits:
            # log(1 + e^z) − y z, written so exp only sees non-positive numbers
            z = y_pred
            return float(np.mean(np.maximum(z, 0) - z * y_true + np.log1p(np.exp(-np.abs(z)))))
        p = np.clip(y_pred, EPS, 1 - EPS)
        return float(np.mean(-(y_true * np.log(p) + (1 - y_true) * np.log(1 - p))))

    def _backward(self, y_pred, y_true):
        n = y_pred.size
        if self.from_logits:
            return (sigmoid(y_pred) - y_true) / n
        p = np.clip(y_pred, EPS, 1 - EPS)
        return (p - y_true) / (p * (1 - p)) / n


class CrossEntropy(Loss):
    """Cross-entropy for k classes, on *logits* (raw scores) with softmax fused in.

    L = −log softmax(z)_y for the true class y, averaged over the batch. Fusing softmax
    and the logarithm gives the famous simple gradient ∂L/∂z = (p − y_onehot) / N.

    Targets are class indices ``(N,)`` or one-hot rows ``(N, k)``.
    """

    def forward(self, logits, y_true) -> float:
        Z = as_float_array(logits, "logits", "CrossEntropy")
        if Z.ndim != 2:
            raise ValueError(f"CrossEntropy: expected logits of shape (N, k), but received shape {Z.shape}")
        Y = _targets_one_hot(y_true, Z.shape)
        shifted = Z - Z.max(axis=1, keepdims=True)
        log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        self._cache = (Z, Y)
        return float(-np.sum(Y * log_p) / Z.shape[0])

    @staticmethod
    def _backward(Z, Y):
        return (softmax(Z, axis=1) - Y) / Z.shape[0]


def _targets_one_hot(y_true, shape: tuple[int, int]) -> np.ndarray:
    n, k = shape
    y = np.asarray(y_true)
    if y.shape == (n, k):
        y = as_float_array(y, "y_true", "CrossEntropy")
        if not np.allclose(y.sum(axis=1), 1.0) or np.any(y < 0):
            raise ValueError("CrossEntropy: expected one-hot (or probability) rows that sum to 1 in y_true")
        return y
    if y.shape != (n,):
        raise ValueError(
            f"CrossEntropy: expected y_true as class indices of shape ({n},) or one-hot of shape "
            f"({n}, {k}), but received shape {y.shape}"
        )
    if not np.issubdtype(y.dtype, np.integer):
        if not np.all(np.mod(y, 1) == 0):
            raise ValueError(f"CrossEntropy: expected integer class indices, but received {y[:5].tolist()}")
        y = y.astype(int)
    if np.any((y < 0) | (y >= k)):
        bad = np.unique(y[(y < 0) | (y >= k)])[:5]
        raise ValueError(f"CrossEntropy: expected class indices in 0..{k - 1}, but received {bad.tolist()}")
    Y = np.zeros((n, k))
    Y[np.arange(n), y] = 1.0
    return Y


def mse(y_pred, y_true) -> float:
    """Mean squared error of a batch; see :class:`MSE`."""
    return MSE().forward(y_pred, y_true)


def binary_cross_entropy(p, y) -> float:
    """Binary cross-entropy of probabilities ``p`` against labels ``y``; see :class:`BinaryCrossEntropy`."""
    return BinaryCrossEntropy().forward(p, y)


def cross_entropy(logits, y) -> float:
    """Cross-entropy of logits against class indices or one-hot rows; see :class:`CrossEntropy`."""
    return CrossEntropy().forward(logits, y)


LOSSES = {"mse": MSE, "binary_cross_entropy": BinaryCrossEntropy, "cross_entropy": CrossEntropy}
