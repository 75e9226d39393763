"""Loss functions: how wrong a prediction is.

A *loss* L(y, ŷ) measures one sample; the *cost* is its mean over the data. Every loss
class here returns the cost of a batch from ``forward(y_pred, y_true)`` and its gradient
with respect to ``y_pred`` from ``backward()``, so training can call::

    cost = loss.forward(model.forward(X), y)
    model.backward(loss.backward())
"""

from __future__ import annotations

import math

import numpy as np

from nnlib._checks import as_float_array, check_bool, check_finite
from nnlib._dtype import as_floats

# Probabilities are clipped this far from 0 and 1 so log(0) never happens.
EPS = 1e-12


def _eps(dtype: np.dtype) -> float:
    """EPS, or float32's own resolution for float32 (there 1 - 1e-12 would round to 1)."""
    return EPS if dtype == np.float64 else float(np.finfo(dtype).eps)


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
            raise RuntimeError(
                f"{self.name}: backward() was called before forward(), or after a forward() that raised; "
                "compute the loss first"
            )
        return self._backward(*self._cache)

    def __repr__(self) -> str:
        return f"{self.name}()"


def _matching(y_pred, y_true, owner: str) -> tuple[np.ndarray, np.ndarray]:
    """Both arrays as floats of one shape; the only shape difference accepted is labels ``(N,)``
    for predictions ``(N, 1)`` (or the reverse), never a silent reshape of anything else."""
    y_pred = as_floats(y_pred, "y_pred", owner)
    # Targets take the predictions' float type, so a float32 model's loss stays float32.
    y_true = as_floats(y_true, "y_true", owner, y_pred.dtype)
    if y_true.shape != y_pred.shape:
        n = y_pred.shape[0] if y_pred.ndim else None
        if y_pred.shape == (n, 1) and y_true.shape == (n,):
            y_true = y_true.reshape(n, 1)  # labels (N,) for predictions (N, 1)
        elif y_true.shape == (y_true.shape[0], 1) and y_pred.shape == (y_true.shape[0],):
            y_true = y_true.reshape(-1)
        else:
            raise ValueError(
                f"{owner}: expected y_true with the shape of y_pred {y_pred.shape}, "
                f"but received shape {y_true.shape}"
            )
    if y_pred.size == 0:
        raise ValueError(f"{owner}: expected at least one value in y_pred, but received shape {y_pred.shape}")
    return y_pred, y_true


def _finite_cost(cost: float, owner: str, arrays: dict[str, np.ndarray]) -> float:
    """``cost`` if finite; if not, an error naming the input that is not finite.

    Only runs its checks when the cost is already inf or NaN, so a training step pays one
    ``isfinite`` on a float. With finite inputs an infinite cost is a true overflow (the loss
    of 1e308 against -1e308 does not fit in a float) and is returned as ``inf``.
    """
    if math.isfinite(cost):
        return cost
    for name, array in arrays.items():
        check_finite(array, name, owner)
    return cost


class MSE(Loss):
    """Mean squared error: mean over *all elements* of (ŷ − y)².

    Squaring makes one large error cost more than many small ones, which is what we
    want for regression when big mistakes matter most.
    """

    def forward(self, y_pred, y_true) -> float:
        self._cache = None  # so backward refuses to run after a forward that raised
        y_pred, y_true = _matching(y_pred, y_true, "MSE")
        with np.errstate(over="ignore", invalid="ignore"):
            error = y_pred - y_true
            # Array methods (.sum) rather than np.mean: on a small batch numpy's Python-level
            # wrappers cost more than the arithmetic.
            cost = float((error * error).sum()) / error.size
        cost = _finite_cost(cost, "MSE", {"y_pred": y_pred, "y_true": y_true})
        self._cache = (y_pred, y_true)  # only now: backward needs a forward that succeeded
        return cost

    @staticmethod
    def _backward(y_pred, y_true):
        return 2.0 * (y_pred - y_true) / y_pred.size


class BinaryCrossEntropy(Loss):
    """Binary cross-entropy on probabilities p = ŷ ∈ [0, 1] with labels y ∈ {0, 1}:

    L = −[y log p + (1 − y) log(1 − p)], averaged over the batch.

    p is clipped to [ε, 1 − ε] so p = 0 or p = 1 give a large but finite loss. If the
    model's last layer is a sigmoid, ``from_logits=True`` on raw scores z is more stable:
    with p = σ(z) the loss is L = log(1 + e^z) − y z, computed without overflow and exact
    to float precision even for a confident answer (|z| = 40), and ∂L/∂z = σ(z) − y.
    """

    def __init__(self, *, from_logits: bool = False) -> None:
        super().__init__()
        self.from_logits = check_bool(from_logits, "from_logits", "BinaryCrossEntropy")

    def forward(self, y_pred, y_true) -> float:
        self._cache = None  # so backward refuses to run after a forward that raised
        y_pred, y_true = _matching(y_pred, y_true, "BinaryCrossEntropy")
        # Every label that is not 0 must be 1. (Counting is a C loop without numpy's Python
        # wrapper around .any(), which on a playground-sized batch costs more than the test.)
        if np.count_nonzero(y_true) != np.count_nonzero(y_true == 1):
            bad = np.unique(y_true[(y_true != 0) & (y_true != 1)])[:5]
            raise ValueError(f"BinaryCrossEntropy: expected labels 0 or 1, but received {bad.tolist()}")
        if not self.from_logits and ((y_pred < 0) | (y_pred > 1)).any():
            raise ValueError(
                "BinaryCrossEntropy: expected probabilities in [0, 1] (did you mean from_logits=True?), "
                f"but received values from {y_pred.min():.3g} to {y_pred.max():.3g}"
            )
        cost, cache = self._cost(y_pred, y_true)
        cost = _finite_cost(cost, "BinaryCrossEntropy", {"y_pred": y_pred})
        self._cache = cache  # only now: backward needs a forward that succeeded
        return cost

    # Extreme inputs give an infinite or NaN cost, which _finite_cost reports; numpy's
    # warnings on the way would only say it twice. (As a decorator np.errstate costs half
    # of what a ``with`` block does, noticeable at the playground's size.)
    @np.errstate(over="ignore", under="ignore", invalid="ignore")
    def _cost(self, y_pred: np.ndarray, y_true: np.ndarray) -> tuple[float, tuple]:
        """The mean loss over the batch, and what backward needs."""
        if self.from_logits:
            # On the score z, L = log(1 + e^z) − y z. For y = 0 that is log(1 + e^z) and for
            # y = 1 it is log(1 + e^−z): both are softplus(s) = log(1 + e^s) with s = ±z.
            # np.logaddexp(0, s) = log(e^0 + e^s) computes it without overflow.
            sign = 1.0 - 2.0 * y_true  # +1 where y = 0, −1 where y = 1
            s = sign * y_pred
            losses = np.logaddexp(0.0, s)
            cache = (s, losses, sign)
        else:
            eps = _eps(y_pred.dtype)
            p = np.clip(y_pred, eps, 1 - eps)
            losses = -(y_true * np.log(p) + (1 - y_true) * np.log(1 - p))
            cache = (y_pred, y_true)
        return float(losses.sum()) / losses.size, cache

    def _backward(self, *cache):
        if self.from_logits:
            # ∂L/∂z = sign · σ(s) (that is σ(z) − y), with σ(s) = e^s / (1 + e^s) written as
            # exp(s − softplus(s)) from the losses forward kept: one exp, accurate even
            # where σ(s) is tiny, which σ(z) − y for a confident right answer is not.
            s, losses, sign = cache
            grad = s - losses  # log σ(s) ≤ 0, so exp cannot overflow
            np.exp(grad, grad)  # in place (the second argument is the output array)
            grad *= sign
            grad /= s.size
            return grad
        y_pred, y_true = cache
        eps = _eps(y_pred.dtype)
        p = np.clip(y_pred, eps, 1 - eps)
        return (p - y_true) / (p * (1 - p)) / y_pred.size


class CrossEntropy(Loss):
    """Cross-entropy for k classes, on *logits* (raw scores) with softmax fused in.

    L = −log softmax(z)_y for the true class y, averaged over the batch. Fusing softmax
    and the logarithm gives the famous simple gradient ∂L/∂z = (p − y_onehot) / N.

    Targets are class indices ``(N,)`` or one-hot rows ``(N, k)``. With class indices no
    one-hot matrix is ever built: the loss picks each row's true-class log-probability
    and the gradient subtracts 1 at the same places. The exponentials computed for the
    loss are kept as the probabilities p, so backward does not compute softmax again.
    """

    def forward(self, logits, y_true) -> float:
        self._cache = None  # so backward refuses to run after a forward that raised
        Z = as_floats(logits, "logits", "CrossEntropy")
        if Z.ndim != 2:
            raise ValueError(f"CrossEntropy: expected logits of shape (N, k), but received shape {Z.shape}")
        if Z.size == 0:
            raise ValueError(
                f"CrossEntropy: expected logits with at least one sample and one class, but received shape {Z.shape}"
            )
        labels, Y = _targets(y_true, Z.shape, Z.dtype)
        n = Z.shape[0]
        # Logits of ±1e308 make Z - max overflow to -inf: its probability is exactly 0.
        with np.errstate(over="ignore", under="ignore", invalid="ignore"):
            shifted = Z - Z.max(axis=1, keepdims=True)
            P = np.exp(shifted)
            total = P.sum(axis=1, keepdims=True)
            log_total = np.log(total)
            if labels is not None:
                # log p_y = shifted_y − log Σ_j e^shifted_j, for the true class y of each row only
                cost = float((log_total[:, 0] - shifted[np.arange(n), labels]).sum()) / n
            else:
                log_p = shifted - log_total
                cost = float(-np.sum(Y * log_p) / n)
                if math.isnan(cost) and np.isfinite(Z).all():
                    # 0 · log 0 = 0: a class with target 0 and probability 0 adds nothing.
                    cost = float(-np.sum(np.where(Y > 0, Y * log_p, 0.0)) / n)
            P /= total  # the exponentials become the probabilities, in place
        cost = _finite_cost(cost, "CrossEntropy", {"logits": Z})
        self._cache = (P, labels, Y)  # only now: backward needs a forward that succeeded
        return cost

    @staticmethod
    def _backward(P, labels, Y):
        dZ = P.copy()  # backward may run twice; the cached p must stay as it is
        n = P.shape[0]
        if labels is not None:
            dZ[np.arange(n), labels] -= 1.0  # p − y_onehot without the one-hot matrix
        else:
            dZ -= Y
        dZ /= n
        return dZ


def _targets(y_true, shape: tuple[int, int], dtype: np.dtype) -> tuple[np.ndarray | None, np.ndarray | None]:
    """``(labels, None)`` for class indices ``(N,)`` or ``(None, Y)`` for one-hot rows ``(N, k)``."""
    n, k = shape
    y = np.asarray(y_true) if isinstance(y_true, np.ndarray) else y_true
    if not (isinstance(y, np.ndarray) and y.dtype.kind in "iu"):
        y = as_float_array(y_true, "y_true", "CrossEntropy")
    if y.shape == (n, k):
        y = as_float_array(y, "y_true", "CrossEntropy", dtype=dtype)
        bad_rows = ~np.isfinite(y).all(axis=1) | (y < 0).any(axis=1) | ~np.isclose(y.sum(axis=1), 1.0)
        if bad_rows.any():
            i = int(np.flatnonzero(bad_rows)[0])
            raise ValueError(
                "CrossEntropy: expected one-hot (or probability) rows in y_true, >= 0 and summing to 1, "
                f"but received row {i} = {y[i][:10].tolist()}"
            )
        return None, y
    if y.shape != (n,):
        raise ValueError(
            f"CrossEntropy: expected y_true as class indices of shape ({n},) or one-hot of shape "
            f"({n}, {k}), but received shape {y.shape}"
        )
    if y.dtype.kind == "f":
        # Checked before the cast to int: nan or 1e20 would become garbage integers.
        finite = np.isfinite(y)
        bad = ~finite | (np.mod(np.where(finite, y, 0.0), 1) != 0)
        if bad.any():
            raise ValueError(
                f"CrossEntropy: expected integer class indices in y_true, but received {y[bad][:5].tolist()}"
            )
    if ((y < 0) | (y >= k)).any():
        bad = [int(v) if abs(v) < 1e15 else float(v) for v in np.unique(y[(y < 0) | (y >= k)])[:5]]
        raise ValueError(
            f"CrossEntropy: expected class indices in 0..{k - 1}, but received {bad} in y_true"
        )
    return y.astype(np.intp, copy=False), None


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
