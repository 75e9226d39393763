"""Optimisers: how a gradient becomes a parameter update.

Each optimiser has ``step(model)``, which updates every parameter *in place* from the
gradients the last ``backward`` left in the layers, and ``reset()``, which forgets its
running state (velocities, moments). ``model`` is a :class:`~nnlib.model.Sequential`
or a single layer.
"""

from __future__ import annotations

import math

import numpy as np

from nnlib._checks import check_number, check_positive
from nnlib.layers import Layer


def _parameters(model):
    if isinstance(model, Layer):
        return ((key, model.params[key], model.grads[key]) for key in model.params)
    if hasattr(model, "parameters"):
        return model.parameters()
    raise TypeError(f"step: expected a model (Sequential) or a layer, but received {type(model).__name__} as model")


class Optimizer:
    """Base class. Updates happen in place, in the parameters' own float type.

    Numbers like the learning rate are Python floats, which never turn a float32 array
    into float64. Optimisers with several temporaries per update (Adam) write them into
    one scratch array per parameter, made on the first step and reused.
    """

    def __init__(self, learning_rate: float) -> None:
        check_positive(learning_rate, "learning_rate", type(self).__name__)
        self.learning_rate = float(learning_rate)
        self.t = 0  # number of steps taken
        self._scratch: dict[str, np.ndarray] = {}

    def reset(self) -> None:
        self.t = 0
        self._scratch.clear()

    def _state(self, store: dict[str, np.ndarray], name: str, param: np.ndarray) -> np.ndarray:
        """``store[name]``, created as zeros shaped like ``param`` the first time (or if the shape changed)."""
        state = store.get(name)
        if state is None or state.shape != param.shape or state.dtype != param.dtype:
            state = store[name] = np.zeros_like(param)
        return state

    def step(self, model) -> None:
        self.t += 1
        for name, param, grad in _parameters(model):
            if grad.shape != param.shape:
                raise ValueError(
                    f"{type(self).__name__}: expected the gradient of {name} to have shape {param.shape}, "
                    f"but received shape {grad.shape}"
                )
            self._update(name, param, grad)

    def _update(self, name: str, param: np.ndarray, grad: np.ndarray) -> None:
        raise NotImplementedError


class SGD(Optimizer):
    """Gradient descent, optionally with momentum μ:

    v ← μ v + g,  w ← w − η v      (μ = 0 gives plain w ← w − η g)

    The velocity v remembers past gradients, so steps grow along directions where the
    gradient keeps its sign and cancel where it flips.
    """

    def __init__(self, learning_rate: float = 0.01, momentum: float = 0.0) -> None:
        super().__init__(learning_rate)
        if not 0.0 <= check_number(momentum, "momentum", "SGD") < 1.0:
            raise ValueError(f"SGD: expected momentum in [0, 1), but received {momentum!r}")
        self.momentum = float(momentum)
        self.velocity: dict[str, np.ndarray] = {}

    def reset(self) -> None:
        super().reset()
        self.velocity.clear()

    def _update(self, name, param, grad):
        if self.momentum:
            v = self._state(self.velocity, name, param)
            v *= self.momentum
            v += grad
            grad = v
        param -= self.learning_rate * grad

    def __repr__(self) -> str:
        return f"SGD(learning_rate={self.learning_rate}, momentum={self.momentum})"


class Adam(Optimizer):
    """Adam, adaptive moment estimation (Kingma & Ba, 2015):

    m ← β1 m + (1 − β1) g          (mean of recent gradients)
    v ← β2 v + (1 − β2) g²         (mean of recent squared gradients)
    m̂ = m / (1 − β1^t),  v̂ = v / (1 − β2^t)     (bias correction: m, v start at 0)
    w ← w − η m̂ / (√v̂ + ε)

    Dividing by √v̂ gives every parameter its own step size, about η in magnitude.
    """

    def __init__(self, learning_rate: float = 1e-3, beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-8):
        super().__init__(learning_rate)
        for name, value in (("beta1", beta1), ("beta2", beta2)):
            if not 0.0 <= check_number(value, name, "Adam") < 1.0:
                raise ValueError(f"Adam: expected {name} in [0, 1), but received {value!r}")
        check_positive(eps, "eps", "Adam")
        self.beta1, self.beta2, self.eps = float(beta1), float(beta2), float(eps)
        self.m: dict[str, np.ndarray] = {}
        self.v: dict[str, np.ndarray] = {}

    def reset(self) -> None:
        super().reset()
        self.m.clear()
        self.v.clear()

    def _update(self, name, param, grad):
        m = self._state(self.m, name, param)
        v = self._state(self.v, name, param)
        s = self._state(self._scratch, name, param)  # one reused array for every temporary
        # (The third argument of np.multiply, np.sqrt's second, is ``out``: the result's array.)
        m *= self.beta1
        np.multiply(grad, 1 - self.beta1, s)
        m += s  # m ← β1 m + (1 − β1) g
        v *= self.beta2
        np.multiply(grad, grad, s)
        s *= 1 - self.beta2
        v += s  # v ← β2 v + (1 − β2) g²
        # w ← w − η m̂ / (√v̂ + ε) with m̂ = m / c1 and √v̂ = √v / √c2, without making m̂ and v̂:
        c1, c2 = 1 - self.beta1**self.t, 1 - self.beta2**self.t
        np.sqrt(v, s)
        s /= math.sqrt(c2)  # a Python float: keeps float32 float32
        s += self.eps  # s = √v̂ + ε
        np.divide(m, s, s)
        s *= self.learning_rate / c1
        param -= s

    def __repr__(self) -> str:
        return f"Adam(learning_rate={self.learning_rate}, beta1={self.beta1}, beta2={self.beta2}, eps={self.eps})"
