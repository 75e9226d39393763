"""Input checks whose error messages name what was expected and what was received."""

from __future__ import annotations

import numpy as np


def as_float_array(x, name: str, owner: str) -> np.ndarray:
    """``x`` as a float ndarray, or a TypeError naming ``owner`` and ``name``."""
    try:
        array = np.asarray(x, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(
            f"{owner}: expected {name} to be an array of numbers, but received {type(x).__name__}"
        ) from None
    return array


def check_ndim(x: np.ndarray, ndim: int, name: str, owner: str, layout: str) -> None:
    if x.ndim != ndim:
        raise ValueError(
            f"{owner}: expected {name} with {ndim} dimensions {layout}, but received shape {x.shape}"
        )


def check_positive(value, name: str, owner: str, *, allow_zero: bool = False) -> None:
    ok = value >= 0 if allow_zero else value > 0
    if not np.isfinite(value) or not ok:
        bound = ">= 0" if allow_zero else "> 0"
        raise ValueError(f"{owner}: expected {name} {bound}, but received {value!r}")


def check_int(value, name: str, owner: str, *, minimum: int = 1) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum:
        raise ValueError(f"{owner}: expected {name} to be an integer >= {minimum}, but received {value!r}")
    return int(value)


def make_rng(rng=None, seed: int | None = None) -> np.random.Generator:
    """A Generator from ``rng`` (a Generator or an int seed) or ``seed``; never the global state."""
    if rng is not None and seed is not None:
        raise ValueError("give either rng or seed, not both")
    if isinstance(rng, np.random.Generator):
        return rng
    if rng is None:
        return np.random.default_rng(seed)
    if isinstance(rng, (int, np.integer)) and not isinstance(rng, bool):
        return np.random.default_rng(int(rng))
    raise TypeError(f"expected rng to be a numpy.random.Generator or an int seed, but received {type(rng).__name__}")
