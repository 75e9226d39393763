"""The pure functions behind the gradient descent widgets of chapter 05.

Descent paths and what they did (:func:`gradient_descent`, :func:`classify_descent`,
:func:`divergence_threshold`), the model ``y = a x²`` (:func:`quadratic_curvature`), a
curve with two minima (:func:`double_well` and its critical points) and the model
``y = a x + b`` (:func:`linear_gradient`, :func:`linear_hessian`). The losses, their
derivatives and the closed-form fits come from :mod:`nnlib.lstsq`. Losses are *means*
over the ``N`` data points: ``L(a) = (1/N) Σ_i (y_i - a x_i²)²`` and
``L(a, b) = (1/N) Σ_i (y_i - a x_i - b)²``.

The widgets (:mod:`course.widgets.descent`) re-export all of these, so lessons and tests
import them from there.
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from nnlib._checks import check_int, check_positive
from nnlib.lstsq import linear_loss_gradient

# Beyond this size a diverging parameter only produces overflow, so descent stops there.
DIVERGENCE_LIMIT = 1e6


def as_xy(x, y, owner: str) -> tuple[np.ndarray, np.ndarray]:
    """``x`` and ``y`` as 1-D float arrays of the same length, or a clear error."""
    try:
        x_array = np.asarray(x, dtype=float)
        y_array = np.asarray(y, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(
            f"{owner}: expected x and y to be arrays of numbers, but received {x!r:.60} and {y!r:.60}"
        ) from None
    x, y = x_array, y_array
    if x.ndim != 1 or y.ndim != 1 or x.shape != y.shape or x.size == 0:
        raise ValueError(
            f"{owner}: expected x and y as 1-D arrays of the same non-zero length (N,), "
            f"but received shapes {x.shape} and {y.shape}"
        )
    return x, y


# The model y = a x² (loss, derivative and closed form come from nnlib.lstsq)


def quadratic_curvature(x) -> float:
    """``L''(a) = (2/N) Σ x_i⁴``, the same for every ``a`` because ``L`` is a parabola in ``a``.

    ``x`` has shape ``(N,)``.
    """
    x = np.asarray(x, dtype=float)
    return float(2.0 * np.mean(x**4))


def divergence_threshold(curvature: float) -> float:
    """The learning rate ``2 / L''`` above which gradient descent on a parabola diverges."""
    curvature = float(curvature)
    if not np.isfinite(curvature) or curvature <= 0:
        raise ValueError(f"divergence_threshold: expected a curvature L'' > 0, but received {curvature!r}")
    return 2.0 / curvature


# Gradient descent


def gradient_descent(
    gradient: Callable[[np.ndarray], np.ndarray],
    start,
    learning_rate: float,
    n_steps: int,
) -> np.ndarray:
    """Run ``θ ← θ - η ∇L(θ)`` for ``n_steps`` steps and return every point visited.

    Parameters
    ----------
    gradient
        Function from the parameters, shape ``(P,)`` (or a number for one parameter),
        to ``∇L`` of the same shape. For one parameter this is the derivative ``L'``.
    start
        The starting point ``θ_0``, a number or shape ``(P,)``.
    learning_rate
        The step size ``η > 0``.
    n_steps
        Number of updates, ``>= 0``.

    Returns
    -------
    ndarray
        The path ``θ_0, θ_1, …``: shape ``(n_steps + 1,)`` for a number ``start``, else
        ``(n_steps + 1, P)``. When a diverging path passes ``DIVERGENCE_LIMIT`` it stops
        there, so the path can be shorter; every value in it is finite.
    """
    check_positive(learning_rate, "learning_rate", "gradient_descent")
    learning_rate = float(learning_rate)
    n_steps = check_int(n_steps, "n_steps", "gradient_descent", minimum=0)
    theta = np.array(start, dtype=float)
    path = [theta.copy()]
    for _ in range(n_steps):
        theta = theta - learning_rate * np.asarray(gradient(theta), dtype=float)
        if not np.all(np.isfinite(theta)) or np.max(np.abs(theta)) > DIVERGENCE_LIMIT:
            break
        path.append(theta.copy())
    return np.array(path)


def classify_descent(path, minimum, *, tol: float = 1e-3, expected_steps: int | None = None) -> str:
    """Describe a descent path as ``"converged"``, ``"slow"``, ``"oscillating"`` or ``"diverging"``.

    Parameters
    ----------
    path
        The points visited, shape ``(K,)`` or ``(K, P)``, as from :func:`gradient_descent`.
    minimum
        The true minimum, a number or shape ``(P,)``.
    tol
        Converged means the final distance to the minimum is at most
        ``tol · max(distance at the start, 1)``.
    expected_steps
        The number of steps asked for; a path shorter than ``expected_steps + 1`` was cut
        off by :func:`gradient_descent` because it diverged.

    Returns
    -------
    str
        ``"diverging"`` if the path ends farther from the minimum than it started (or was
        cut off), ``"converged"`` if it ends within the tolerance, ``"oscillating"`` if the
        last step jumped across the minimum (the error changed direction), else ``"slow"``.
    """
    path = np.asarray(path, dtype=float)
    errors = (path - np.asarray(minimum, dtype=float)).reshape(len(path), -1)
    distances = np.linalg.norm(errors, axis=1)
    if expected_steps is not None and len(path) < expected_steps + 1:
        return "diverging"
    if distances[-1] > distances[0] * (1 + 1e-9):
        return "diverging"
    if distances[-1] <= tol * max(distances[0], 1.0):
        return "converged"
    if len(path) >= 2 and float(errors[-1] @ errors[-2]) < 0:
        return "oscillating"
    return "slow"



# A curve with two minima


def double_well(w):
    """``L(w) = w⁴ - 3w² + w``: a global minimum near -1.30, a local one near 1.13."""
    w = np.asarray(w, dtype=float)
    value = w**4 - 3 * w**2 + w
    return float(value) if value.ndim == 0 else value


def double_well_derivative(w):
    """``L'(w) = 4w³ - 6w + 1``."""
    w = np.asarray(w, dtype=float)
    value = 4 * w**3 - 6 * w + 1
    return float(value) if value.ndim == 0 else value


def double_well_critical_points() -> dict[str, float]:
    """Where ``L'(w) = 0``: ``{"global_min": …, "local_max": …, "local_min": …}``.

    The three real roots of ``4w³ - 6w + 1`` in increasing order; ``L''(w) = 12w² - 6``
    is positive at the outer two (minima) and negative at the middle one (maximum).
    """
    roots = np.sort(np.roots([4.0, 0.0, -6.0, 1.0]).real)
    return {"global_min": float(roots[0]), "local_max": float(roots[1]), "local_min": float(roots[2])}


def which_minimum(w_end: float, *, tol: float = 1e-2) -> str | None:
    """``"global_min"`` or ``"local_min"`` if ``w_end`` is within ``tol`` of it, else ``None``."""
    points = double_well_critical_points()
    for name in ("global_min", "local_min"):
        if abs(w_end - points[name]) <= tol:
            return name
    return None


# The model y = a x + b (loss, gradient and closed form come from nnlib.lstsq)


def linear_gradient(theta, x, y) -> np.ndarray:
    """``∇L(a, b) = (∂L/∂a, ∂L/∂b)`` as one vector, for :func:`gradient_descent`.

    ``theta`` is ``(a, b)``, shape ``(2,)``; ``x``, ``y`` have shape ``(N,)``. Returns shape ``(2,)``.
    """
    a, b = np.asarray(theta, dtype=float)
    return np.array(linear_loss_gradient(a, b, x, y))


def linear_hessian(x) -> np.ndarray:
    """The second derivatives of ``L(a, b)``, the same everywhere: ``2 [[mean x², mean x], [mean x, 1]]``.

    ``x`` has shape ``(N,)``; returns shape ``(2, 2)``.
    """
    x = np.asarray(x, dtype=float)
    return 2.0 * np.array([[np.mean(x**2), np.mean(x)], [np.mean(x), 1.0]])

