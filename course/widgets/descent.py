"""Gradient descent widgets for chapter 05 (least squares and gradient descent).

Three widgets, each re-running gradient descent whenever a control moves:

- :class:`LearningRateDescent`: the model ``y = a x²``, its loss curve ``L(a)`` and the
  path of ``a`` for a chosen learning rate and number of steps; given the student's own
  ``loss_derivative(a, x, y)`` it also draws the path that derivative takes
  (:func:`~course.widgets.descent_student.student_descent`) and says where it disagrees
  with the library's;
- :class:`TwoMinimaDescent`: a curve with a global and a local minimum where the start
  point (and the learning rate) decide which minimum is reached;
- :class:`SurfaceDescent`: the model ``y = a x + b``, the contours of ``L(a, b)`` and
  the descent path in the ``(a, b)`` plane.

What they compute lives in pure functions that the lesson and the tests call directly:
descent paths, verdicts and the curves in :mod:`course.widgets.descent_paths`, the run of
the student's derivative in :mod:`course.widgets.descent_student`. Both are re-exported
here. Losses are *means* over the ``N`` data points.

Each widget draws its axes, contours and legends once; a redraw draws only the paths,
markers and the loss-per-step axes on that background (see ``dynamic_artists``).
"""

from __future__ import annotations

from typing import Callable

import ipywidgets as widgets
import numpy as np
from matplotlib.ticker import FuncFormatter

from course.i18n import t
from course.numbers import fmt
from course.plots import COLORS
from course.widgets.base import FigureWidget
from course.widgets.controls import int_slider, slider
from course.widgets.descent_paths import (
    DIVERGENCE_LIMIT,
    as_xy,
    classify_descent,
    divergence_threshold,
    double_well,
    double_well_critical_points,
    double_well_derivative,
    gradient_descent,
    linear_gradient,
    linear_hessian,
    quadratic_curvature,
    which_minimum,
)
from course.widgets.descent_student import StudentDescent, function_name, student_descent, student_report
from nnlib.lstsq import fit_linear_closed_form, fit_quadratic_closed_form, linear_loss, quadratic_loss, quadratic_loss_derivative

__all__ = [
    "DIVERGENCE_LIMIT",
    "LearningRateDescent",
    "StudentDescent",
    "SurfaceDescent",
    "TwoMinimaDescent",
    "classify_descent",
    "divergence_threshold",
    "double_well",
    "double_well_critical_points",
    "double_well_derivative",
    "gradient_descent",
    "linear_gradient",
    "linear_hessian",
    "quadratic_curvature",
    "student_descent",
    "student_report",
    "which_minimum",
]


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
        self.x, self.y = as_xy(x, y, "LearningRateDescent")
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

    def dynamic_artists(self) -> list:
        # The loss-per-step axes rescale with every path, so they are drawn whole.
        return [self.path_line, self.end_marker, self.student_path_line, self.axes[1]]

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
            status += "<br>" + student_report(self.student_run, function_name(self.student_derivative))
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

    def dynamic_artists(self) -> list:
        return [self.path_line, self.start_marker]

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
        self.x, self.y = as_xy(x, y, "SurfaceDescent")
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

    def dynamic_artists(self) -> list:
        # The contours, the colour bar and the axes stay; the loss-per-step axes rescale.
        return [self.path_line, self.start_marker, self.axes[1]]

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
