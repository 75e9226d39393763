"""The activation functions of chapter 02 as curves: f(z) and f'(z) from :mod:`nnlib.activations`,
the value and slope at a point, the tangent there, and the axis limits and numbers the
explorer and the stacking demo show.
"""

from __future__ import annotations

import numpy as np

from course.numbers import fmt
from nnlib import activations


#: The element-wise activations the explorer offers, in the order of the lesson.
NAMES = ("step", "identity", "sigmoid", "tanh", "relu", "leaky_relu")


def check_activation_name(name: str, owner: str) -> str:
    """``name`` if it is one of :data:`NAMES`; otherwise a ValueError that names ``owner``."""
    if name not in NAMES:
        raise ValueError(f"{owner}: expected an activation name in {', '.join(NAMES)}, but received {name!r}")
    return name


def evaluate(name: str, z: np.ndarray | float, *, alpha: float = 0.01) -> tuple[np.ndarray, np.ndarray]:
    """f(z) and f'(z) of the activation ``name`` from :mod:`nnlib.activations`.

    Parameters
    ----------
    name
        One of :data:`NAMES`.
    z
        Pre-activation values, any shape.
    alpha
        Slope for z ≤ 0 of leaky ReLU (ignored by the other activations).

    Returns
    -------
    (numpy.ndarray, numpy.ndarray)
        f(z) and f'(z), both with the shape of ``z``.
    """
    check_activation_name(name, "evaluate")
    z = np.asarray(z, dtype=float)
    if name == "leaky_relu":
        return activations.leaky_relu(z, alpha), activations.leaky_relu_derivative(z, alpha)
    activation = activations.get(name)
    return activation.fn(z), activation.derivative(z)


def activation_curves(
    name: str, z_min: float, z_max: float, *, n_points: int = 401, alpha: float = 0.01
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The curves f and f' of an activation on ``n_points`` equally spaced z in [z_min, z_max].

    Returns
    -------
    (numpy.ndarray, numpy.ndarray, numpy.ndarray)
        z, f(z) and f'(z), each of shape ``(n_points,)``.
    """
    if not z_min < z_max:
        raise ValueError(f"activation_curves: expected z_min < z_max, but received z_min={z_min}, z_max={z_max}")
    if n_points < 2:
        raise ValueError(f"activation_curves: expected n_points >= 2, but received {n_points}")
    z = np.linspace(z_min, z_max, n_points)
    f, df = evaluate(name, z, alpha=alpha)
    return z, f, df


def value_and_slope(name: str, z: float, *, alpha: float = 0.01) -> tuple[float, float]:
    """f(z) and f'(z) at one point z, as Python floats."""
    f, df = evaluate(name, float(z), alpha=alpha)
    return float(f), float(df)


def tangent_segment(z0: float, value: float, slope: float, half_width: float) -> tuple[np.ndarray, np.ndarray]:
    """The tangent y = value + slope·(z − z0) drawn for z in [z0 − half_width, z0 + half_width].

    Returns
    -------
    (numpy.ndarray, numpy.ndarray)
        The z and y of the two end points, each of shape ``(2,)``.
    """
    zs = np.array([z0 - half_width, z0 + half_width], dtype=float)
    return zs, value + slope * (zs - z0)


def padded_limits(values: np.ndarray, margin: float = 0.1) -> tuple[float, float]:
    """Axis limits around ``values`` with ``margin`` of their span (at least 1) on each side."""
    low, high = float(np.min(values)), float(np.max(values))
    span = max(high - low, 1.0)
    return low - margin * span, high + margin * span


def limits_with_student(values: np.ndarray, student: np.ndarray | None) -> tuple[float, float]:
    """Limits for the library's ``values`` that also show the student's curve, within reason.

    A wildly wrong curve may leave the plot rather than squash the library's curve into a line.
    """
    if student is None or not np.isfinite(student).any():
        return padded_limits(values)
    low, high = float(np.min(values)), float(np.max(values))
    reach = 2.0 * max(high - low, 1.0)
    shown = np.clip(student[np.isfinite(student)], low - reach, high + reach)
    return padded_limits(np.concatenate([values, shown]))


def status_number(value: float) -> str:
    """A number for the status line in the notebook's language (4 significant digits)."""
    return fmt(float(value), digits=4)


def affine_text(slope: float, intercept: float) -> str:
    """``slope·x ± |intercept|`` for the status line, e.g. "2.332·x − 2.008"."""
    sign = "−" if intercept < 0 else "+"
    return f"{status_number(slope)}·x {sign} {status_number(abs(intercept))}"
