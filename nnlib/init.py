"""Weight initialisers.

Each initialiser has the signature ``init(shape, fan_in, fan_out, rng) -> ndarray``.
``fan_in`` is the number of inputs to one output unit (``n_in`` for Dense,
``C_in * kH * kW`` for Conv2D) and ``fan_out`` the number of outputs it feeds.

Why not all zeros? Every unit in a layer then computes the same value and receives the
same gradient, so the units never become different: the layer behaves like one unit.
:func:`zeros` exists so the lessons can show exactly that.
"""

from __future__ import annotations

from typing import Callable

import numpy as np

Initializer = Callable[[tuple, int, int, np.random.Generator], np.ndarray]


def zeros(shape, fan_in, fan_out, rng):
    """All zeros: symmetric units that never learn different features."""
    return np.zeros(shape)


def normal(shape, fan_in, fan_out, rng, *, scale: float = 0.01):
    """Normal with a small fixed standard deviation ``scale`` (the classic 0.01)."""
    return rng.normal(0.0, scale, size=shape)


def uniform(shape, fan_in, fan_out, rng, *, scale: float = 0.05):
    """Uniform on ``[-scale, scale]``."""
    return rng.uniform(-scale, scale, size=shape)


def xavier_normal(shape, fan_in, fan_out, rng):
    """Glorot & Bengio (2010): Var(w) = 2 / (fan_in + fan_out), for tanh and sigmoid."""
    return rng.normal(0.0, np.sqrt(2.0 / (fan_in + fan_out)), size=shape)


def xavier_uniform(shape, fan_in, fan_out, rng):
    """Glorot uniform: U(-a, a) with a = sqrt(6 / (fan_in + fan_out))."""
    limit = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, size=shape)


def he_normal(shape, fan_in, fan_out, rng):
    """He et al. (2015): Var(w) = 2 / fan_in, which keeps the variance of ReLU layers steady."""
    return rng.normal(0.0, np.sqrt(2.0 / fan_in), size=shape)


def he_uniform(shape, fan_in, fan_out, rng):
    """He uniform: U(-a, a) with a = sqrt(6 / fan_in)."""
    limit = np.sqrt(6.0 / fan_in)
    return rng.uniform(-limit, limit, size=shape)


INITIALIZERS: dict[str, Initializer] = {
    "zeros": zeros,
    "normal": normal,
    "uniform": uniform,
    "xavier": xavier_normal,
    "glorot": xavier_normal,
    "xavier_normal": xavier_normal,
    "xavier_uniform": xavier_uniform,
    "he": he_normal,
    "he_normal": he_normal,
    "he_uniform": he_uniform,
}


def get(init: str | Initializer, owner: str = "init") -> Initializer:
    """Look up an initialiser by name, or pass a callable through."""
    if callable(init):
        return init
    try:
        return INITIALIZERS[init]
    except (KeyError, TypeError):
        raise ValueError(
            f"{owner}: unknown initializer {init!r}; expected one of {', '.join(sorted(INITIALIZERS))}"
        ) from None
