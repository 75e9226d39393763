"""Gradient descent widgets for chapter 05 (least squares and gradient descent).

Three widgets, each re-running gradient descent whenever a control moves:

- :class:`LearningRateDescent`: the model ``y = a x²``, its loss curve ``L(a)`` and the
  path of ``a`` for a chosen learning rate and number of steps; given the student's own
  ``loss_derivative(a, x, y)`` it also draws the path that derivative takes
  (:func:`student_descent`) and says where it disagrees with the library's;
- :class:`TwoMinimaDescent`: a curve with a global and a local minimum where the start
  point (and the learning rate) decide which minimum is reached;
- :class:`SurfaceDescent`: the model ``y = a x + b``, the contours of ``L(a, b)`` and
  the descent path in the ``(a, b)`` plane.

The losses, their derivatives and the closed-form fits come from :mod:`nnlib.lstsq`;
what the widgets add (descent paths, the divergence threshold, the verdicts, the curve
with two minima) lives in the pure functions below, so the lesson and the tests can call
them directly. Losses are *means* over the ``N`` data points:
``L(a) = (1/N) Σ_i (y_i - a x_i²)²`` and ``L(a, b) = (1/N) Σ_i (y_i - a x_i - b)²``.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Callable

import ipywidgets as widgets
import numpy as np
from matplotlib.ticker import FuncFormatter

from course.i18n import t
from course.numbers import fmt
from course.plots import COLORS
from course.widgets.student import ATOL, RTOL, call_student
from course.widgets.base import FigureWidget
from course.widgets.controls import int_slider, slider
from nnlib._checks import check_int, check_positive
from nnlib.lstsq import (
    fit_linear_closed_form,
    fit_quadratic_closed_form,
    linear_loss,
    linear_loss_gradient,
    quadratic_loss,
    quadratic_loss_derivative,
)

# Beyond this size a diverging parameter only produces overflow, so descent stops there.
DIVERGENCE_LIMIT = 1e6


def _data(x, y, owner: str) -> tuple[np.ndarray, np.ndarray]:
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


# Gradient descent with the student's derivative


@dataclass(frozen=True)
class StudentDescent:
    """Gradient descent on ``L(a)`` with the student's ``L'(a)``, and where that went wrong.

    Attributes
    ----------
    path : numpy.ndarray
        The points ``a_0, a_1, …`` visited, shape ``(K,)``, ``K >= 1``.
    slopes : numpy.ndarray
        The student's ``L'(a)`` at ``path[:M]``, shape ``(M,)``: ``M = K`` when every call
        gave a number, else ``M = K - 1`` and the problem happened at ``path[-1]``.
    library_slopes : numpy.ndarray
        The library's ``L'(a)`` at every point of the path, shape ``(K,)``.
    outcome : str
        ``"ok"``; ``"not_answered"`` (``NotImplementedError``: an unanswered stub);
        ``"error"`` (it raised); ``"bad_value"`` (it returned something that is not one
        number) or ``"nonfinite"`` (it returned NaN or ±inf).
    message : str
        ``"TypeError: message"`` for "error", what it returned for "bad_value" and "nonfinite".
    diverged : bool
        Whether the path was cut off at ``DIVERGENCE_LIMIT``.
    warnings : tuple of str
        numpy's floating-point warnings while it ran.
    """

    path: np.ndarray
    slopes: np.ndarray
    library_slopes: np.ndarray
    outcome: str = "ok"
    message: str = ""
    diverged: bool = False
    warnings: tuple[str, ...] = ()

    @property
    def disagreements(self) -> np.ndarray:
        """Indices ``k`` where the student's ``L'(a_k)`` differs from the library's, shape ``(D,)``.

        The tolerances are those of ``check()``, with the absolute one scaled by the
        largest slope on the path so that rounding in a long sum does not count.
        """
        library = self.library_slopes[: len(self.slopes)]
        scale = max(1.0, float(np.max(np.abs(self.library_slopes))))
        return np.flatnonzero(~np.isclose(self.slopes, library, rtol=RTOL, atol=ATOL * scale))


def _one_number(value) -> tuple[float | None, str]:
    """``value`` as a float if it is one real number, else None and what it was."""
    if isinstance(value, (bool, np.bool_)) or np.iscomplexobj(value):
        return None, t("descent.student_kind", type=type(value).__name__)
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError, OverflowError):
        return None, t("descent.student_kind", type=type(value).__name__)
    if array.ndim != 0:
        return None, t("descent.student_shape", shape=array.shape)
    return float(array), ""


def student_descent(derivative: Callable, x, y, start: float, learning_rate: float, n_steps: int) -> StudentDescent:
    """Run ``a ← a - η L'(a)`` with the student's ``derivative(a, x, y)``, never raising.

    Parameters
    ----------
    derivative
        The student's ``loss_derivative(a, x, y)``; it gets a float ``a`` and fresh copies
        of ``x`` and ``y``, and should return one number.
    x, y
        The data points, shape ``(N,)``.
    start
        The starting value ``a_0``.
    learning_rate
        The step size ``η > 0``.
    n_steps
        Number of updates, ``>= 0``.

    Returns
    -------
    StudentDescent
        The path as far as the student's derivative allowed (stopping at the first call
        that did not give a finite number, or at ``DIVERGENCE_LIMIT`` like
        :func:`gradient_descent`), the student's and the library's slopes along it, and
        what went wrong.
    """
    x, y = _data(x, y, "student_descent")
    check_positive(learning_rate, "learning_rate", "student_descent")
    learning_rate = float(learning_rate)
    n_steps = check_int(n_steps, "n_steps", "student_descent", minimum=0)
    path, slopes = [float(start)], []
    outcome, message, diverged, seen = "ok", "", False, []
    while True:
        call = call_student(derivative, path[-1], x.copy(), y.copy())
        seen += [text for text in call.warnings if text not in seen]
        if call.outcome != "ok":
            outcome, message = call.outcome, call.error
            break
        slope, problem = _one_number(call.value)
        if slope is None:
            outcome, message = "bad_value", problem
            break
        if not np.isfinite(slope):
            outcome, message = "nonfinite", repr(slope)
            break
        slopes.append(slope)
        if len(path) == n_steps + 1:
            break
        a = path[-1] - learning_rate * slope
        if not np.isfinite(a) or abs(a) > DIVERGENCE_LIMIT:
            diverged = True
            break
        path.append(a)
    path_array = np.array(path)
    return StudentDescent(
        path=path_array,
        slopes=np.array(slopes),
        library_slopes=np.atleast_1d(quadratic_loss_derivative(path_array, x, y)),
        outcome=outcome,
        message=message,
        diverged=diverged,
        warnings=tuple(seen),
    )


def _function_name(function: Callable) -> str:
    name = getattr(function, "__name__", "")
    return name if isinstance(name, str) and name.isidentifier() else "L′(a)"


def student_report(run: StudentDescent, name: str) -> str:
    """The status line (HTML) about the student's run: what came out, and where it disagrees."""
    name = html.escape(name)
    a_here = fmt(float(run.path[-1]), digits=4)
    if run.outcome == "not_answered":
        return t("descent.student_not_answered", name=name)
    parts = []
    if run.outcome == "error":
        parts.append(t("descent.student_raised", name=name, error=html.escape(run.message), a=a_here))
    elif run.outcome == "bad_value":
        parts.append(t("descent.student_not_a_number", name=name, what=html.escape(run.message), a=a_here))
    elif run.outcome == "nonfinite":
        parts.append(t("descent.student_nonfinite", name=name, value=run.message, a=a_here))
    elif run.diverged:
        parts.append(t("descent.student_diverged", steps=len(run.path) - 1, a=a_here))
    else:
        parts.append(t("descent.student_result", steps=len(run.path) - 1, a=a_here))
    disagreements = run.disagreements
    if disagreements.size:
        # Prefer the point where the path stands now; else the first point where it went wrong.
        here = len(run.slopes) - 1
        k = here if here in disagreements else int(disagreements[0])
        parts.append(
            t(
                "descent.student_disagrees",
                a=fmt(float(run.path[k]), digits=4),
                k=k,
                mine=fmt(float(run.slopes[k]), digits=4),
                library=fmt(float(run.library_slopes[k]), digits=4),
            )
        )
    elif run.slopes.size:
        parts.append(t("descent.student_agrees", n=run.slopes.size))
    if run.warnings:
        parts.append(t("descent.student_warned", warning=html.escape("; ".join(run.warnings[:2]))))
    return " ".join(parts)


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


# Widgets


def _shown(xs: np.ndarray, ys: np.ndarray, ax) -> int:
    """How many points of a path to draw: up to and including the first one outside the view.

    A diverging path would otherwise criss-cross the whole plot with lines to far-away points.
    """
    (x0, x1), (y0, y1) = sorted(ax.get_xlim()), sorted(ax.get_ylim())
    outside = np.flatnonzero((xs < x0) | (xs > x1) | (ys < y0) | (ys > y1))
    return len(xs) if outside.size == 0 else int(outside[0]) + 1


def _still_bouncing(path: np.ndarray) -> bool:
    """Whether the last two steps went in opposite directions (the path jumps to and fro)."""
    steps = np.diff(path)
    return len(steps) >= 2 and steps[-1] * steps[-2] < 0


def _status_html(verdict: str, text: str) -> str:
    colour = {"converged": COLORS[2], "slow": COLORS[4], "local": COLORS[4], "oscillating": COLORS[3], "diverging": COLORS[1]}
    return f"<b style='color:{colour.get(verdict, '#000')}'>{text}</b>"


def _learning_rate_slider(value: float, threshold: float) -> widgets.FloatLogSlider:
    """A log slider from about threshold/1000 to 1.5·threshold, so all four regimes fit."""
    top = 1.5 * threshold
    return slider(
        t("descent.learning_rate"),
        value=value,
        min=top / 10**3.2,
        max=top,
        step=0.01,
        log=True,
        continuous_update=False,
        style={"description_width": "initial"},
    )


class LearningRateDescent(FigureWidget):
    """Gradient descent on ``L(a)`` for ``y = a x²`` with learning-rate and step sliders.

    Left: the loss curve with the path of ``a``; right: the loss at every step.
    The status line says whether descent converged, is too slow, oscillates or diverges,
    and shows the divergence threshold ``2 / L''``.

    Parameters
    ----------
    x, y
        The data points, shape ``(N,)``.
    learning_rate
        Initial learning rate; default a fifth of the divergence threshold, which converges
        visibly step by step.
    n_steps
        Initial number of steps.
    start
        The starting value ``a_0``.
    student_derivative
        The student's own ``loss_derivative(a, x, y)``. The widget then also runs gradient
        descent with it and draws that path dashed, and the status line says where the
        student's ``L'(a)`` disagrees with the library's. An unanswered stub reads "not
        answered yet"; errors, non-numbers and NaN/inf are reported, never raised.

    Attributes used by tests: ``learning_rate``, ``n_steps`` (controls), ``path_line``,
    ``end_marker``, ``loss_line``, ``student_path_line``, ``student_loss_line`` (artists),
    ``path``, ``losses``, ``verdict``, ``student_run`` (a :class:`StudentDescent` or None),
    ``status``.
    """

    def __init__(self, x, y, *, learning_rate: float | None = None, n_steps: int = 15, start: float = 0.0,
                 student_derivative: Callable | None = None) -> None:
        super().__init__(ncols=2, figsize=(11.0, 4.2))
        self.x, self.y = _data(x, y, "LearningRateDescent")
        if student_derivative is not None and not callable(student_derivative):
            raise TypeError(
                "LearningRateDescent: expected student_derivative to be a function loss_derivative(a, x, y), "
                f"but received {type(student_derivative).__name__}"
            )
        self.student_derivative = student_derivative
        self.student_run: StudentDescent | None = None
        self.start = float(start)
        self.a_star = fit_quadratic_closed_form(self.x, self.y)
        self.curvature = quadratic_curvature(self.x)
        self.threshold = divergence_threshold(self.curvature)

        self.learning_rate = _learning_rate_slider(
            self.threshold / 5 if learning_rate is None else learning_rate, self.threshold
        )
        self.n_steps = int_slider(t("descent.steps"), value=n_steps, min=1, max=100, continuous_update=False)
        self.play = widgets.Play(value=n_steps, min=1, max=100, interval=400, description=t("descent.play"))
        widgets.jslink((self.play, "value"), (self.n_steps, "value"))

        half_width = 1.6 * max(abs(self.start - self.a_star), 0.5 * abs(self.a_star), 0.1)
        grid = np.linspace(self.a_star - half_width, self.a_star + half_width, 300)
        curve = quadratic_loss(grid, self.x, self.y)
        ax, ax_loss = self.axes
        ax.plot(grid, curve, color=COLORS[0], label=t("descent.loss_curve"))
        ax.axvline(self.a_star, color="0.5", linestyle="--", linewidth=1.2, label=t("descent.closed_form"))
        (self.path_line,) = ax.plot([], [], "o-", color=COLORS[1], markersize=5, linewidth=1.2, label=t("descent.path"))
        (self.end_marker,) = ax.plot([], [], "o", color=COLORS[1], markersize=11, markerfacecolor="none", markeredgewidth=2)
        # Dashed on top of the library's path, so with a correct derivative both stay visible.
        student_style = {"color": COLORS[7], "linestyle": (0, (5, 3)), "marker": "x", "linewidth": 1.4, "zorder": 3,
                         "label": t("descent.student_path") if student_derivative else "_nolegend_"}
        (self.student_path_line,) = ax.plot([], [], markersize=6, **student_style)
        # With a student's path on the right too, the library's needs a name in the legend.
        (self.loss_line,) = ax_loss.plot([], [], "o-", color=COLORS[1], markersize=4, linewidth=1.2,
                                         label=t("descent.path") if student_derivative else "_nolegend_")
        (self.student_loss_line,) = ax_loss.plot([], [], markersize=5, **student_style)
        ax.set_xlim(grid[0], grid[-1])
        ax.set_ylim(0, 1.05 * curve.max())
        ax.set_xlabel(t("descent.param_a"))
        ax.set_ylabel(t("descent.loss_a"))
        ax.set_title(t("descent.title_curve"))
        ax.legend(loc="upper center", fontsize=9)
        ax_loss.axhline(quadratic_loss(self.a_star, self.x, self.y), color="0.5", linestyle="--", linewidth=1.2,
                        label=t("descent.min_loss"))
        ax_loss.set_yscale("log")
        ax_loss.set_xlabel(t("descent.step"))
        ax_loss.set_ylabel(t("descent.loss_a"))
        ax_loss.set_title(t("descent.title_loss_per_step"))
        ax_loss.legend(loc="upper right", fontsize=9)
        self.fig.tight_layout()

        self.path = np.array([self.start])
        self.losses = np.array([quadratic_loss(self.start, self.x, self.y)])
        self.verdict = "slow"
        self.watch(self.learning_rate, self.n_steps)
        self.controls.append(self.play)  # linked in the browser to n_steps, so not watched itself

    def _update_student(self, n_steps: int) -> np.ndarray:
        """Run and draw the student's descent; return its losses (empty when there is no path)."""
        if self.student_derivative is None:
            self.student_run = None
            return np.empty(0)
        self.student_run = student_descent(
            self.student_derivative, self.x, self.y, self.start, self.learning_rate.value, n_steps
        )
        path = self.student_run.path
        losses = quadratic_loss(path, self.x, self.y) if self.student_run.outcome != "not_answered" else np.empty(0)
        shown = _shown(path, losses, self.axes[0]) if losses.size else 0
        self.student_path_line.set_data(path[:shown], losses[:shown])
        self.student_loss_line.set_data(np.arange(losses.size), losses)
        return losses

    def update(self) -> None:
        n_steps = int(self.n_steps.value)
        self.path = gradient_descent(
            lambda a: quadratic_loss_derivative(a, self.x, self.y), self.start, self.learning_rate.value, n_steps
        )
        self.losses = quadratic_loss(self.path, self.x, self.y)
        self.verdict = classify_descent(self.path, self.a_star, expected_steps=n_steps)
        shown = _shown(self.path, self.losses, self.axes[0])
        self.path_line.set_data(self.path[:shown], self.losses[:shown])
        self.end_marker.set_data(self.path[shown - 1 : shown], self.losses[shown - 1 : shown])
        student_losses = self._update_student(n_steps)
        ax_loss = self.axes[1]
        self.loss_line.set_data(np.arange(len(self.losses)), self.losses)
        ax_loss.set_xlim(-0.5, max(n_steps, 1) + 0.5)
        every_loss = np.concatenate([self.losses, student_losses])
        positive = every_loss[every_loss > 0]
        floor = quadratic_loss(self.a_star, self.x, self.y)
        low = min(positive.min(), floor) if positive.size else 1e-12
        high = max(positive.max(), floor) if positive.size else 1.0
        ax_loss.set_ylim(max(low, 1e-12) / 2, high * 2)
        status = _status_html(
            self.verdict,
            t(
                f"descent.verdict_{self.verdict}",
                steps=len(self.path) - 1,
            )
            + " "
            + t(
                "descent.status_quadratic",
                lr=fmt(float(self.learning_rate.value), digits=4),
                threshold=fmt(float(self.threshold), digits=4),
                a=fmt(float(self.path[-1]), digits=4),
                a_star=fmt(float(self.a_star), digits=4),
                loss=fmt(float(self.losses[-1]), digits=4),
            ),
        )
        if self.student_run is not None:
            status += "<br>" + student_report(self.student_run, _function_name(self.student_derivative))
        self.status.value = status


class TwoMinimaDescent(FigureWidget):
    """Gradient descent on ``L(w) = w⁴ - 3w² + w`` from a chosen start point.

    Left of the local maximum the descent rolls into the global minimum, right of it
    into the local one, unless the learning rate is so large that the steps jump over the
    hill, bounce to and fro without settling, or diverge.
    """

    def __init__(self, *, start: float = 1.5, learning_rate: float = 0.02, n_steps: int = 60) -> None:
        super().__init__(figsize=(7.0, 4.5))
        self.points = double_well_critical_points()
        self.start = slider(
            t("descent.start_w"), value=start, min=-2.0, max=2.0, step=0.01, decimals=2, continuous_update=False
        )
        self.learning_rate = slider(
            t("descent.learning_rate"), value=learning_rate, min=0.001, max=0.25, step=0.001, decimals=3,
            continuous_update=False, style={"description_width": "initial"},
        )
        self.n_steps = int_slider(t("descent.steps"), value=n_steps, min=1, max=200, continuous_update=False)

        grid = np.linspace(-2.2, 2.2, 400)
        ax = self.ax
        ax.plot(grid, double_well(grid), color=COLORS[0], label="$L(w) = w^4 - 3w^2 + w$")
        for name, colour, marker in (("global_min", COLORS[2], "*"), ("local_min", COLORS[4], "s"),
                                     ("local_max", "0.4", "^")):
            w = self.points[name]
            ax.plot([w], [double_well(w)], marker, color=colour, markersize=14 if marker == "*" else 9,
                    linestyle="none", label=t(f"descent.{name}"), zorder=4)
        (self.path_line,) = ax.plot([], [], "o-", color=COLORS[1], markersize=4, linewidth=1.0, label=t("descent.path"))
        (self.start_marker,) = ax.plot([], [], "o", color=COLORS[1], markersize=10, markerfacecolor="none",
                                       markeredgewidth=2)
        ax.set_xlim(grid[0], grid[-1])
        ax.set_ylim(-4.5, 7.5)
        ax.set_xlabel(t("descent.param_w"))
        ax.set_ylabel(t("descent.loss_w"))
        ax.set_title(t("descent.title_two_minima"))
        ax.legend(loc="upper center", fontsize=9, ncol=2)
        self.fig.tight_layout()

        self.path = np.array([float(start)])
        self.reached: str | None = None
        self.verdict = "slow"
        self.watch(self.start, self.learning_rate, self.n_steps)

    def update(self) -> None:
        n_steps = int(self.n_steps.value)
        self.path = gradient_descent(double_well_derivative, self.start.value, self.learning_rate.value, n_steps)
        diverged = len(self.path) < n_steps + 1 or np.max(np.abs(self.path)) > 10
        self.reached = None if diverged else which_minimum(float(self.path[-1]))
        losses = double_well(self.path)
        shown = _shown(self.path, losses, self.ax)
        self.path_line.set_data(self.path[:shown], losses[:shown])
        self.start_marker.set_data(self.path[:1], double_well(self.path[:1]))
        if diverged:
            self.verdict, key = "diverging", "descent.ended_diverging"
        elif self.reached is None and _still_bouncing(self.path):
            self.verdict, key = "oscillating", "descent.ended_oscillating"
        elif self.reached is None:
            self.verdict, key = "slow", "descent.ended_nowhere"
        elif self.reached == "local_min":
            self.verdict, key = "local", "descent.ended_local_min"
        else:
            self.verdict, key = "converged", "descent.ended_global_min"
        self.status.value = _status_html(self.verdict, t(key, w=fmt(float(self.path[-1]), decimals=3), steps=len(self.path) - 1))


class SurfaceDescent(FigureWidget):
    """Gradient descent on the loss surface ``L(a, b)`` of ``y = a x + b``.

    Left: contours of ``L(a, b)`` with the descent path from ``(a_0, b_0)``; right: the
    loss at every step. Sliders: learning rate, number of steps, ``a_0`` and ``b_0``.

    Parameters
    ----------
    x, y
        The data points, shape ``(N,)``.
    learning_rate
        Initial learning rate; default 0.8 of the divergence threshold ``2 / λ_max``.
    n_steps
        Initial number of steps.
    start
        Initial ``(a_0, b_0)``.
    """

    def __init__(self, x, y, *, learning_rate: float | None = None, n_steps: int = 40,
                 start: tuple[float, float] | None = None) -> None:
        super().__init__(ncols=2, figsize=(11.0, 4.6))
        self.x, self.y = _data(x, y, "SurfaceDescent")
        self.optimum = np.array(fit_linear_closed_form(self.x, self.y))
        self.hessian = linear_hessian(self.x)
        self.threshold = divergence_threshold(np.linalg.eigvalsh(self.hessian).max())
        a_star, b_star = self.optimum
        span = np.full(2, 3.0 + 0.5 * np.abs(self.optimum).max())
        if start is None:
            start = (a_star - 0.8 * span[0], b_star + 0.8 * span[1])

        self.learning_rate = _learning_rate_slider(
            0.8 * self.threshold if learning_rate is None else learning_rate, self.threshold
        )
        self.n_steps = int_slider(t("descent.steps"), value=n_steps, min=1, max=300, continuous_update=False)
        self.a0 = slider(
            t("descent.start_a"), value=start[0], min=round(a_star - span[0], 1), max=round(a_star + span[0], 1),
            step=0.1, decimals=1, continuous_update=False,
        )
        self.b0 = slider(
            t("descent.start_b"), value=start[1], min=round(b_star - span[1], 1), max=round(b_star + span[1], 1),
            step=0.1, decimals=1, continuous_update=False,
        )

        ax, ax_loss = self.axes
        a_grid, b_grid = np.meshgrid(
            np.linspace(a_star - 1.1 * span[0], a_star + 1.1 * span[0], 160),
            np.linspace(b_star - 1.1 * span[1], b_star + 1.1 * span[1], 160),
        )
        surface = linear_loss(a_grid, b_grid, self.x, self.y)
        levels = np.geomspace(surface.min() * 1.05 + 1e-12, surface.max(), 18)
        contours = ax.contour(a_grid, b_grid, surface, levels=levels, cmap="viridis", linewidths=1.0)
        # A contour set's colour bar keeps a tick formatter of its own: its numbers go through fmt.
        self.fig.colorbar(
            contours, ax=ax, label=t("descent.loss_ab"), format=FuncFormatter(lambda value, _: fmt(float(value)))
        )
        ax.plot([a_star], [b_star], "*", color=COLORS[2], markersize=15, label=t("descent.closed_form"), zorder=4)
        (self.path_line,) = ax.plot([], [], "o-", color=COLORS[1], markersize=3, linewidth=1.2, label=t("descent.path"))
        (self.start_marker,) = ax.plot([], [], "o", color=COLORS[1], markersize=10, markerfacecolor="none",
                                       markeredgewidth=2)
        ax.set_xlim(a_grid.min(), a_grid.max())
        ax.set_ylim(b_grid.min(), b_grid.max())
        ax.set_aspect("equal")  # so the gradient looks perpendicular to the contours, as it is
        ax.set_xlabel(t("descent.param_a"))
        ax.set_ylabel(t("descent.param_b"))
        ax.set_title(t("descent.title_surface"))
        ax.legend(loc="lower left", fontsize=9)
        (self.loss_line,) = ax_loss.plot([], [], "-", color=COLORS[1], linewidth=1.5)
        self.min_loss = linear_loss(a_star, b_star, self.x, self.y)
        ax_loss.axhline(self.min_loss, color="0.5", linestyle="--", linewidth=1.2, label=t("descent.min_loss"))
        ax_loss.set_yscale("log")
        ax_loss.set_xlabel(t("descent.step"))
        ax_loss.set_ylabel(t("descent.loss_ab"))
        ax_loss.set_title(t("descent.title_loss_per_step"))
        ax_loss.legend(loc="upper right", fontsize=9)
        self.fig.tight_layout()

        self.path = np.array([start], dtype=float)
        self.losses = np.array([linear_loss(start[0], start[1], self.x, self.y)])
        self.verdict = "slow"
        self.watch(self.learning_rate, self.n_steps, self.a0, self.b0)

    def update(self) -> None:
        n_steps = int(self.n_steps.value)
        self.path = gradient_descent(
            lambda theta: linear_gradient(theta, self.x, self.y),
            (self.a0.value, self.b0.value),
            self.learning_rate.value,
            n_steps,
        )
        self.losses = linear_loss(self.path[:, 0], self.path[:, 1], self.x, self.y)
        self.verdict = classify_descent(self.path, self.optimum, expected_steps=n_steps)
        shown = _shown(self.path[:, 0], self.path[:, 1], self.axes[0])
        self.path_line.set_data(self.path[:shown, 0], self.path[:shown, 1])
        self.start_marker.set_data(self.path[:1, 0], self.path[:1, 1])
        ax_loss = self.axes[1]
        self.loss_line.set_data(np.arange(len(self.losses)), self.losses)
        ax_loss.set_xlim(0, max(n_steps, 1))
        low = max(min(self.losses.min(), self.min_loss), 1e-12)
        ax_loss.set_ylim(low / 2, max(self.losses.max(), self.min_loss) * 2)
        self.status.value = _status_html(
            self.verdict,
            t(f"descent.verdict_{self.verdict}", steps=len(self.path) - 1)
            + " "
            + t(
                "descent.status_linear",
                lr=fmt(float(self.learning_rate.value), digits=4),
                threshold=fmt(float(self.threshold), digits=4),
                ab=fmt([float(v) for v in self.path[-1]]),
                ab_star=fmt([float(v) for v in self.optimum]),
                loss=fmt(float(self.losses[-1]), digits=4),
            ),
        )
