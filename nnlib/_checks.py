"""Input checks whose error messages name what was expected and what was received.

These run at the boundary (constructors, ``fit``, ``load``, the public functions), once per
call, never inside an inner training step. :func:`as_float_array` has a fast path: an array
that already has the wanted dtype is returned as it is, so a layer's ``forward`` pays almost
nothing for it.
"""

from __future__ import annotations

import math
import numbers

import numpy as np

FLOAT = np.dtype(np.float64)


def describe(x) -> str:
    """A short description of a received value for an error message: its type and a glimpse."""
    if isinstance(x, np.ndarray):
        return f"an array of dtype {x.dtype} with shape {x.shape}"
    if isinstance(x, dict):
        keys = sorted(map(str, x))
        return f"a dict with keys {keys[:8]}{' …' if len(keys) > 8 else ''}" if keys else "an empty dict"
    if x is None or isinstance(x, (bool, numbers.Number)):
        return f"{type(x).__name__} {x!r}"
    if isinstance(x, str):
        shown = x if len(x) <= 40 else x[:37] + "..."
        return f"str {shown!r}"
    return type(x).__name__


def _position(index, shape: tuple) -> str:
    """`` at index (i, j)`` for a flat ``index`` into an array of ``shape``; nothing for a scalar."""
    if not shape:
        return ""
    where = tuple(int(i) for i in np.unravel_index(index, shape))
    return f" at index {where[0] if len(where) == 1 else where}"


def as_float_array(x, name: str, owner: str, *, dtype=None) -> np.ndarray:
    """``x`` as a real floating-point ndarray, or a TypeError naming ``owner`` and ``name``.

    Accepts ints, floats and bools (and lists of them). Refuses complex numbers (numpy would
    drop the imaginary part with only a warning), strings (numpy would parse ``"1.5"``),
    ``None`` and other objects, and ragged nested lists. ``dtype`` is the float type wanted
    (float64 by default); an array that already has it is returned without a copy.
    """
    want = FLOAT if dtype is None else np.dtype(dtype)
    if type(x) is np.ndarray and x.dtype == want:
        return x  # the fast path every training step takes
    try:
        array = np.asarray(x)
    except (TypeError, ValueError):  # ragged lists and the like
        raise TypeError(
            f"{owner}: expected {name} to be an array of numbers, but received {describe(x)} that is not "
            "a regular array (rows of different lengths?)"
        ) from None
    kind = array.dtype.kind
    if kind in "fiub":
        return array.astype(want, copy=False)
    if kind == "c":
        raise TypeError(
            f"{owner}: expected {name} to hold real numbers, but received complex values "
            f"(dtype {array.dtype}); pass z.real or abs(z) if that is what you mean"
        )
    if kind in "US":
        raise TypeError(
            f"{owner}: expected {name} to be an array of numbers, but received strings (dtype {array.dtype}"
            f"{', e.g. ' + repr(str(array.reshape(-1)[0])) if array.size else ''}); convert them with float() first"
        )
    if kind == "O":
        flat = array.reshape(-1)
        for i, item in enumerate(flat):
            if isinstance(item, bool) or not isinstance(item, numbers.Real):
                raise TypeError(
                    f"{owner}: expected {name} to be an array of real numbers, but received "
                    f"{describe(item)}{_position(i, array.shape)}"
                )
        return array.astype(want)
    raise TypeError(f"{owner}: expected {name} to be an array of numbers, but received dtype {array.dtype}")


def check_finite(x: np.ndarray, name: str, owner: str) -> np.ndarray:
    """``x`` unchanged if every value is finite, else a ValueError naming the first bad one."""
    if not np.isfinite(x).all():
        i = int(np.argmin(np.isfinite(x).reshape(-1)))  # the first value that is not finite
        raise ValueError(
            f"{owner}: expected finite values in {name}, but received {float(x.reshape(-1)[i])}{_position(i, x.shape)}"
        )
    return x


def check_not_empty(x: np.ndarray, name: str, owner: str, what: str = "sample") -> None:
    if x.size == 0:
        raise ValueError(f"{owner}: expected at least one {what} in {name}, but received an empty array of shape {x.shape}")


def check_number(value, name: str, owner: str) -> float:
    """``value`` as a finite real number (not a bool, string or complex), or a clear error."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{owner}: expected {name} to be a real number, but received {describe(value)}")
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"{owner}: expected {name} to be a finite number, but received {value!r}")
    return value


def check_positive(value, name: str, owner: str, *, allow_zero: bool = False) -> None:
    number = check_number(value, name, owner)
    ok = number >= 0 if allow_zero else number > 0
    if not ok:
        bound = ">= 0" if allow_zero else "> 0"
        raise ValueError(f"{owner}: expected {name} {bound}, but received {value!r}")


def check_int(value, name: str, owner: str, *, minimum: int = 1, maximum: int | None = None) -> int:
    """``value`` as an int in ``[minimum, maximum]``.

    A number of the wrong kind (``2.7``, ``True``) is a ValueError, something that is not a
    number at all (``"3"``, ``None``) a TypeError; both name the argument.
    """
    if isinstance(value, bool) or not isinstance(value, (numbers.Integral, np.integer)) or value < minimum:
        error = ValueError if isinstance(value, (numbers.Number, np.number)) else TypeError
        shown = repr(value) if error is ValueError else describe(value)
        raise error(f"{owner}: expected {name} to be an integer >= {minimum}, but received {shown}")
    if maximum is not None and value > maximum:
        raise ValueError(f"{owner}: expected {name} to be an integer <= {maximum:,}, but received {value:,}")
    return int(value)


def check_bool(value, name: str, owner: str) -> bool:
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{owner}: expected {name} to be True or False, but received {describe(value)}")
    return bool(value)


def make_rng(rng=None, seed: int | None = None, *, owner: str | None = None) -> np.random.Generator:
    """A Generator from ``rng`` (a Generator or an int seed >= 0) or ``seed``; never the global state."""
    prefix = f"{owner}: " if owner else ""
    if rng is not None and seed is not None:
        raise ValueError(f"{prefix}expected either rng or seed, but received both")
    if isinstance(rng, np.random.Generator):
        return rng
    if rng is None:
        if seed is None:
            return np.random.default_rng()
        rng, label = seed, "seed"
    else:
        label = "rng"
    if isinstance(rng, (int, np.integer)) and not isinstance(rng, bool):
        if rng < 0:
            raise ValueError(f"{prefix}expected {label} to be an int seed >= 0 or a numpy.random.Generator, "
                             f"but received {int(rng)}")
        return np.random.default_rng(int(rng))
    raise TypeError(
        f"{prefix}expected {label} to be a numpy.random.Generator or an int seed >= 0, but received {describe(rng)}"
    )
