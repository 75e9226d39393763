"""Activation functions, their derivatives, and the same as layers.

Every function works element-wise on arrays of any shape (softmax along ``axis``) and is
numerically safe: ``sigmoid(±1000)`` and ``softmax([1000, 0])`` are finite, exact to
float precision, and raise no warnings. Each returns its input's float type (float32
stays float32; ints and lists become float64) and refuses complex numbers, strings and
None with a TypeError.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from nnlib._checks import check_number, describe
from nnlib._dtype import as_floats
from nnlib.layers import Layer


def step(z):
    """Heaviside step: 1 where z ≥ 0, else 0 (the perceptron's activation)."""
    z = as_floats(z, "z", "step")
    return (z >= 0).astype(z.dtype)


def step_derivative(z):
    """0 everywhere (undefined at 0): why a step cannot be trained by gradient descent."""
    return np.zeros_like(as_floats(z, "z", "step_derivative"))


def identity(z):
    """Linear activation f(z) = z, for regression outputs."""
    return as_floats(z, "z", "identity").copy()


def identity_derivative(z):
    return np.ones_like(as_floats(z, "z", "identity_derivative"))


def sigmoid(z):
    """σ(z) = 1 / (1 + e^(−z)), computed without overflow for large |z|.

    For z < 0 the algebraically equal form e^z / (1 + e^z) is used, so ``exp`` only ever
    sees non-positive arguments.
    """
    z = as_floats(z, "z", "sigmoid")
    with np.errstate(under="ignore"):  # e^(-1000) is 0 to float precision, as it should be
        e = np.exp(-np.abs(z))  # in (0, 1]: never overflows
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def sigmoid_derivative(z):
    """σ'(z) = σ(z)(1 − σ(z)); at most 1/4, at z = 0."""
    s = sigmoid(z)
    return s * (1.0 - s)


def tanh(z):
    """Hyperbolic tangent, values in (−1, 1)."""
    return np.tanh(as_floats(z, "z", "tanh"))


def tanh_derivative(z):
    """tanh'(z) = 1 − tanh²(z)."""
    return 1.0 - np.tanh(as_floats(z, "z", "tanh_derivative")) ** 2


def relu(z):
    """ReLU(z) = max(0, z)."""
    return np.maximum(as_floats(z, "z", "relu"), 0.0)


def relu_derivative(z):
    """1 for z > 0, else 0 (we take 0 at z = 0, as most libraries do)."""
    z = as_floats(z, "z", "relu_derivative")
    return (z > 0).astype(z.dtype)


def leaky_relu(z, alpha: float = 0.01):
    """z for z > 0, αz otherwise: a small slope keeps 'dead' units trainable."""
    z = as_floats(z, "z", "leaky_relu")
    return np.where(z > 0, z, alpha * z)


def leaky_relu_derivative(z, alpha: float = 0.01):
    z = as_floats(z, "z", "leaky_relu_derivative")
    one, slope = z.dtype.type(1), z.dtype.type(alpha)  # numbers of z's type: float32 stays float32
    return np.where(z > 0, one, slope)


def softmax(z, axis: int = -1):
    """softmax(z)_i = e^(z_i) / Σ_j e^(z_j) along ``axis``.

    Subtracting the maximum first changes nothing mathematically (it cancels) but keeps
    every exponent ≤ 0, so nothing overflows. Infinite scores get the limit: ``[inf, 0]``
    gives ``[1, 0]``, and equal infinite scores share the probability equally.
    """
    z = as_floats(z, "z", "softmax")
    axis = _check_axis(axis, z, "softmax")
    if z.shape[axis] == 0:
        raise ValueError(
            f"softmax: expected at least one value along axis {axis} of z, but received an empty axis "
            f"(shape {z.shape})"
        )
    return _softmax(z, axis)


def _softmax(z: np.ndarray, axis: int) -> np.ndarray:
    """softmax of a checked float array; no warnings, even for ±inf and ±1e308."""
    m = np.max(z, axis=axis, keepdims=True)
    # z - m can overflow to -inf (1e308 - (-1e308)), whose exponential is the right 0.
    with np.errstate(over="ignore", under="ignore", invalid="ignore"):
        shifted = z - m
        if not np.isfinite(m).all():
            # Rows whose maximum is ±inf: inf - inf is NaN, but the limit is clear. The +inf
            # entries share the probability; a row of -inf only has equal scores.
            infinite = np.isinf(m)
            shifted = np.where(infinite & (z == m), 0.0, np.where(infinite, -np.inf, shifted))
        e = np.exp(shifted)
    return e / np.sum(e, axis=axis, keepdims=True)


def _check_axis(axis, z: np.ndarray, owner: str) -> int:
    if isinstance(axis, bool) or not isinstance(axis, (int, np.integer)):
        raise TypeError(f"{owner}: expected axis to be an int, but received {type(axis).__name__} {axis!r}")
    if z.ndim == 0:
        raise ValueError(f"{owner}: expected z with at least one axis of scores, but received a single number {float(z)}")
    if not -z.ndim <= axis < z.ndim:
        raise ValueError(
            f"{owner}: expected axis between {-z.ndim} and {z.ndim - 1} for z of shape {z.shape}, "
            f"but received axis={axis}"
        )
    return int(axis)


@dataclass(frozen=True)
class Activation:
    """An activation function with its derivative, looked up by :func:`get`."""

    name: str
    fn: Callable[[np.ndarray], np.ndarray]
    derivative: Callable[[np.ndarray], np.ndarray]

    def __call__(self, z):
        return self.fn(z)


ACTIVATIONS: dict[str, Activation] = {
    a.name: a
    for a in (
        Activation("step", step, step_derivative),
        Activation("identity", identity, identity_derivative),
        Activation("sigmoid", sigmoid, sigmoid_derivative),
        Activation("tanh", tanh, tanh_derivative),
        Activation("relu", relu, relu_derivative),
        Activation("leaky_relu", leaky_relu, leaky_relu_derivative),
    )
}
ALIASES = {"linear": "identity"}


def get(name: str) -> Activation:
    """The activation called ``name`` (softmax is a layer/function, see :class:`Softmax`)."""
    if not isinstance(name, str):
        valid = ", ".join(sorted([*ACTIVATIONS, *ALIASES]))
        raise TypeError(f"expected an activation name (one of: {valid}), but received {describe(name)}")
    key = ALIASES.get(name, name)
    if key not in ACTIVATIONS:
        valid = ", ".join(sorted([*ACTIVATIONS, *ALIASES]))
        raise ValueError(f"unknown activation {name!r}; expected one of: {valid}")
    return ACTIVATIONS[key]


class ElementwiseActivation(Layer):
    """A layer applying ``fn`` element-wise; backward multiplies by ``derivative``."""

    fn: Callable = staticmethod(identity)
    derivative: Callable = staticmethod(identity_derivative)

    def forward(self, Z: np.ndarray) -> np.ndarray:
        Z = as_floats(Z, "Z", self.name)
        self._cache = Z
        return self.fn(Z)

    def backward(self, dA: np.ndarray) -> np.ndarray:
        """dZ = dA ⊙ f'(Z)."""
        Z = self._cached()
        dA = self._check_dY(dA, Z.shape, Z.dtype)
        return dA * self.derivative(Z)


class _FromOutput(ElementwiseActivation):
    """An activation whose derivative is a function of its output A = f(Z).

    For sigmoid σ' = A(1 − A) and for tanh tanh' = 1 − A²: backward reuses the A that
    forward computed instead of evaluating f(Z) a second time.
    """

    @staticmethod
    def derivative_from_output(A: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def forward(self, Z: np.ndarray) -> np.ndarray:
        Z = as_floats(Z, "Z", self.name)
        A = self.fn(Z)
        self._cache = A
        return A

    def backward(self, dA: np.ndarray) -> np.ndarray:
        """dZ = dA ⊙ f'(Z), with f'(Z) written in terms of the cached output A."""
        A = self._cached()
        dA = self._check_dY(dA, A.shape, A.dtype)
        return dA * self.derivative_from_output(A)


class Identity(ElementwiseActivation):
    fn = staticmethod(identity)
    derivative = staticmethod(identity_derivative)


class Step(ElementwiseActivation):
    fn = staticmethod(step)
    derivative = staticmethod(step_derivative)


class Sigmoid(_FromOutput):
    fn = staticmethod(sigmoid)
    derivative = staticmethod(sigmoid_derivative)

    @staticmethod
    def derivative_from_output(A):
        return A * (1.0 - A)  # σ'(z) = σ(z)(1 − σ(z))


class Tanh(_FromOutput):
    fn = staticmethod(np.tanh)  # numpy's own: forward has checked Z, and np.tanh never overflows
    derivative = staticmethod(tanh_derivative)

    @staticmethod
    def derivative_from_output(A):
        return 1.0 - A * A  # tanh'(z) = 1 − tanh²(z)


class ReLU(ElementwiseActivation):
    fn = staticmethod(relu)
    derivative = staticmethod(relu_derivative)

    def backward(self, dA: np.ndarray) -> np.ndarray:
        """dZ = dA where Z > 0, else 0 (the same as dA ⊙ relu'(Z), without the float mask)."""
        Z = self._cached()
        dA = self._check_dY(dA, Z.shape, Z.dtype)
        return np.where(Z > 0, dA, 0.0)  # a Python 0.0 takes dA's float type


class LeakyReLU(ElementwiseActivation):
    def __init__(self, alpha: float = 0.01) -> None:
        super().__init__()
        alpha = check_number(alpha, "alpha", "LeakyReLU")
        if not 0 <= alpha < 1:
            raise ValueError(f"LeakyReLU: expected alpha in [0, 1), but received {alpha!r}")
        self.alpha = float(alpha)

    def fn(self, Z):
        return leaky_relu(Z, self.alpha)

    def derivative(self, Z):
        return leaky_relu_derivative(Z, self.alpha)

    def config(self) -> dict:
        return {"alpha": self.alpha}


class Softmax(Layer):
    """Softmax over the last axis: ``(N, k)`` scores to ``(N, k)`` probabilities.

    For training a classifier use :class:`nnlib.losses.CrossEntropy` on the *logits*
    instead: it fuses softmax and the loss, which is both faster and more stable.
    """

    def forward(self, Z: np.ndarray) -> np.ndarray:
        Z = as_floats(Z, "Z", "Softmax")
        if Z.ndim == 0 or Z.shape[-1] == 0:
            raise ValueError(f"Softmax: expected Z of shape (N, k) with k >= 1 scores, but received shape {Z.shape}")
        P = _softmax(Z, -1)
        self._cache = P
        return P

    def backward(self, dP: np.ndarray) -> np.ndarray:
        """Jacobian-vector product: dZ_i = P_i (dP_i − Σ_j dP_j P_j)."""
        P = self._cached()
        dP = self._check_dY(dP, P.shape, P.dtype)
        return P * (dP - np.sum(dP * P, axis=-1, keepdims=True))


LAYERS: dict[str, type[Layer]] = {
    "identity": Identity,
    "linear": Identity,
    "step": Step,
    "sigmoid": Sigmoid,
    "tanh": Tanh,
    "relu": ReLU,
    "leaky_relu": LeakyReLU,
    "softmax": Softmax,
}


def layer(name: str, what: str = "activation") -> Layer:
    """A new activation layer by name, e.g. ``layer("relu")``; ``what`` names the argument in errors."""
    if not isinstance(name, str):
        raise TypeError(
            f"expected {what} to be an activation name (one of: {', '.join(sorted(LAYERS))}), "
            f"but received {describe(name)}"
        )
    if name not in LAYERS:
        raise ValueError(f"unknown activation {name!r} for {what}; expected one of: {', '.join(sorted(LAYERS))}")
    return LAYERS[name]()
