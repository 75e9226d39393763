"""Least squares for chapter 05: fit y = a·x² and y = a·x + b, in closed form and by gradients.

For points ``(x_i, y_i)``, i = 1 … N, the loss is the mean squared error (MSE) of the model:

    L(a)    = (1/N) Σ_i (y_i − a x_i²)²            for the parabola y = a x²,
    L(a, b) = (1/N) Σ_i (y_i − (a x_i + b))²       for the line y = a x + b.

The closed forms set the derivative(s) to zero; the derivative functions are what gradient
descent follows (in the *opposite* direction). The loss and derivative functions accept
arrays of parameter values as well as single numbers, so a whole loss curve or loss surface
can be computed in one call.
"""

from __future__ import annotations

import numpy as np

from nnlib._checks import as_float_array, check_finite


def _points(x, y, owner: str) -> tuple[np.ndarray, np.ndarray]:
    x = as_float_array(x, "x", owner)
    y = as_float_array(y, "y", owner)
    if x.ndim != 1 or y.ndim != 1 or x.shape != y.shape:
        raise ValueError(
            f"{owner}: expected x and y as 1-D arrays of the same length (N,), but received x with shape "
            f"{x.shape} and y with shape {y.shape}"
        )
    if x.size == 0:
        raise ValueError(f"{owner}: expected at least one point, but received empty arrays")
    if not (np.all(np.isfinite(x)) and np.all(np.isfinite(y))):
        raise ValueError(f"{owner}: expected finite values in x and y, but received inf or nan")
    return x, y


def _parameter(value, name: str, owner: str) -> np.ndarray:
    return check_finite(as_float_array(value, name, owner), name, owner)


def _overflow_checked(value: np.ndarray, owner: str) -> np.ndarray:
    """``value`` where a true overflow may be ±inf, but NaN (inf − inf) is refused with a reason."""
    if np.isnan(value).any():
        raise ValueError(
            f"{owner}: expected x, y and the parameters small enough for the result to fit in a float, "
            "but received values so large that positive and negative overflows cancel (inf - inf)"
        )
    return value


def _line_parameters(a, b, owner: str) -> tuple[np.ndarray, np.ndarray]:
    a, b = _parameter(a, "a", owner), _parameter(b, "b", owner)
    try:
        return tuple(np.broadcast_arrays(a, b))
    except ValueError:
        raise ValueError(
            f"{owner}: expected a and b of the same (or broadcastable) shape, but received a with shape "
            f"{a.shape} and b with shape {b.shape}"
        ) from None


def _as_result(value: np.ndarray) -> np.ndarray | float:
    return float(value) if np.ndim(value) == 0 else value


def fit_quadratic_closed_form(x, y) -> float:
    """The ``a`` that minimises the squared error of y = a·x².

    Setting ``dL/da = −(2/N) Σ x_i² (y_i − a x_i²) = 0`` gives

        a = Σ x_i² y_i / Σ x_i⁴.

    Parameters
    ----------
    x, y : arrays of shape (N,)
        The points; at least one x must be non-zero.

    Returns
    -------
    float

    Examples
    --------
    >>> fit_quadratic_closed_form([1.0, 2.0], [2.0, 8.0])
    2.0
    """
    x, y = _points(x, y, "fit_quadratic_closed_form")
    s, t = np.max(np.abs(x)), np.max(np.abs(y))
    if s == 0.0:
        raise ValueError(
            "fit_quadratic_closed_form: expected at least one x != 0 (otherwise a·x² = 0 for every a), "
            "but received only x = 0"
        )
    if t == 0.0:
        return 0.0
    # With u = x/s and v = y/t in [-1, 1], a = (t/s²) Σ u²v / Σ u⁴: the same number, but x⁴ of
    # x = 1e200 never has to exist as a float.
    u_squared, v = (x / s) ** 2, y / t
    with np.errstate(under="ignore"):
        return float((t / s) / s * (np.sum(u_squared * v) / np.sum(u_squared**2)))


def quadratic_loss(a, x, y) -> np.ndarray | float:
    """Mean squared error of y = a·x²: ``L(a) = (1/N) Σ_i (y_i − a x_i²)²``.

    Parameters
    ----------
    a : float or array of any shape
        One value of a, or many (e.g. a grid to draw the loss curve).
    x, y : arrays of shape (N,)

    Returns
    -------
    float, or ndarray with the shape of ``a``
    """
    x, y = _points(x, y, "quadratic_loss")
    a = _parameter(a, "a", "quadratic_loss")
    with np.errstate(over="ignore", under="ignore", invalid="ignore"):
        residual = y - (a[..., None] * x) * x  # (a·x)·x: a = 0 at x = 1e200 gives 0, not 0 · inf
        loss = np.mean(residual**2, axis=-1)
    return _as_result(_overflow_checked(loss, "quadratic_loss"))


def quadratic_loss_derivative(a, x, y) -> np.ndarray | float:
    """Derivative of the MSE of y = a·x² with respect to a.

    By the chain rule, ``dL/da = (1/N) Σ_i 2 (y_i − a x_i²) · (−x_i²) = −(2/N) Σ_i x_i² (y_i − a x_i²)``.
    Positive means the loss grows with a, so gradient descent decreases a.

    Parameters
    ----------
    a : float or array of any shape
    x, y : arrays of shape (N,)

    Returns
    -------
    float, or ndarray with the shape of ``a``
    """
    x, y = _points(x, y, "quadratic_loss_derivative")
    a = _parameter(a, "a", "quadratic_loss_derivative")
    with np.errstate(over="ignore", under="ignore", invalid="ignore"):
        residual = y - (a[..., None] * x) * x
        derivative = -2.0 * np.mean(x * (x * residual), axis=-1)
    return _as_result(_overflow_checked(derivative, "quadratic_loss_derivative"))


def fit_linear_closed_form(x, y) -> tuple[float, float]:
    """The line y = a·x + b with the least squared error.

    Setting both partial derivatives to zero gives the normal equations
    ``Aᵀ A [a, b]ᵀ = Aᵀ y`` with ``A = [x, 1]`` of shape (N, 2), solved here with
    ``np.linalg.lstsq``. Equivalently ``a = Σ (x_i − x̄)(y_i − ȳ) / Σ (x_i − x̄)²`` and
    ``b = ȳ − a x̄``.

    Parameters
    ----------
    x, y : arrays of shape (N,)
        The points; at least two different x values.

    Returns
    -------
    (a, b) : tuple of floats
        Slope and intercept.

    Examples
    --------
    >>> a, b = fit_linear_closed_form([0.0, 1.0, 2.0], [1.0, 3.0, 5.0])
    >>> round(a, 10), round(b, 10)
    (2.0, 1.0)
    """
    x, y = _points(x, y, "fit_linear_closed_form")
    if np.all(x == x[0]):
        raise ValueError(
            f"fit_linear_closed_form: expected at least two different x values to fix a line, but received "
            f"only x = {x[0]:g}"
        )
    # Solved for u = x/s and v = y/t (both in [-1, 1]) so values like 1e200 do not overflow
    # inside lstsq; then a = a'·t/s and b = b'·t.
    s, t = np.max(np.abs(x)), np.max(np.abs(y))
    t = t if t > 0 else 1.0
    A = np.column_stack([x / s, np.ones_like(x)])
    (a, b), *_ = np.linalg.lstsq(A, y / t, rcond=None)
    return float(a * t / s), float(b * t)


def linear_loss(a, b, x, y) -> np.ndarray | float:
    """Mean squared error of y = a·x + b: ``L(a, b) = (1/N) Σ_i (y_i − (a x_i + b))²``.

    Parameters
    ----------
    a, b : floats or arrays of the same (or broadcastable) shape
        E.g. ``np.meshgrid`` grids to draw the loss surface.
    x, y : arrays of shape (N,)

    Returns
    -------
    float, or ndarray with the broadcast shape of ``a`` and ``b``
    """
    x, y = _points(x, y, "linear_loss")
    a, b = _line_parameters(a, b, "linear_loss")
    with np.errstate(over="ignore", under="ignore", invalid="ignore"):
        residual = y - (a[..., None] * x + b[..., None])
        loss = np.mean(residual**2, axis=-1)
    return _as_result(_overflow_checked(loss, "linear_loss"))


def linear_loss_gradient(a, b, x, y) -> tuple[np.ndarray | float, np.ndarray | float]:
    """Gradient of the MSE of y = a·x + b: the partial derivatives ``(∂L/∂a, ∂L/∂b)``.

    With the residuals ``r_i = y_i − (a x_i + b)``:

        ∂L/∂a = −(2/N) Σ_i x_i r_i,        ∂L/∂b = −(2/N) Σ_i r_i.

    Parameters
    ----------
    a, b : floats or arrays of the same (or broadcastable) shape
    x, y : arrays of shape (N,)

    Returns
    -------
    (dL_da, dL_db)
        Floats, or arrays with the broadcast shape of ``a`` and ``b``.
    """
    x, y = _points(x, y, "linear_loss_gradient")
    a, b = _line_parameters(a, b, "linear_loss_gradient")
    with np.errstate(over="ignore", under="ignore", invalid="ignore"):
        residual = y - (a[..., None] * x + b[..., None])
        dL_da = -2.0 * np.mean(x * residual, axis=-1)
        dL_db = -2.0 * np.mean(residual, axis=-1)
    owner = "linear_loss_gradient"
    return _as_result(_overflow_checked(dL_da, owner)), _as_result(_overflow_checked(dL_db, owner))
