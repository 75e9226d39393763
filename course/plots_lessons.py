"""Figures of lessons 00–06, drawn here so that the lesson's code cell shows only the idea.

Each helper takes the numbers the lesson computed, draws them on a new pyplot figure in the
notebook's language (text through :func:`course.i18n.t`, numbers through
:func:`course.numbers.fmt`) and returns the figure; the lesson then calls ``plt.show()``.
Nothing here computes the mathematics a lesson teaches: that stays in the lesson.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure

from course.i18n import t
from course.numbers import fmt
from course.plots import COLORS, LocalizedScalarFormatter

# The square around the logic-gate points (0 or 1 in each coordinate), with a margin.
GATE_SQUARE = (-0.5, 1.5)
GATE_TICKS = [-0.5, 0, 0.5, 1, 1.5]


def _gate_points(ax, X: np.ndarray, y: np.ndarray, labels: tuple[str, str]) -> None:
    """Scatter the four logic-gate points: class 0 as blue circles, class 1 as orange squares."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y).ravel()
    for value, marker, color in ((0, "o", COLORS[0]), (1, "s", COLORS[1])):
        ax.scatter(*X[y == value].T, s=130, marker=marker, color=color, edgecolor="black", zorder=3,
                   label=labels[value])
    ax.set_xlim(*GATE_SQUARE)
    ax.set_ylim(*GATE_SQUARE)
    ax.set_xticks(GATE_TICKS)
    ax.set_yticks(GATE_TICKS)
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.set_aspect("equal")


def _plane_grid(n: int = 201) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    grid = np.linspace(*GATE_SQUARE, n)
    g1, g2 = np.meshgrid(grid, grid)
    return g1, g2, np.column_stack([g1.ravel(), g2.ravel()])


def hidden_layer_region(X: np.ndarray, y: np.ndarray, W1: np.ndarray, b1: np.ndarray,
                        network: Callable[[np.ndarray], np.ndarray]) -> Figure:
    """Lesson 01: the region where a two-layer step network answers 1, and its hidden lines.

    ``network`` maps points of shape ``(N, 2)`` to outputs 0 or 1; the line of hidden neuron
    ``k`` is ``W1[k] · x + b1[k] = 0``.
    """
    W1 = np.asarray(W1, dtype=float)
    b1 = np.asarray(b1, dtype=float)
    if W1.shape != (len(b1), 2):
        raise ValueError(f"hidden_layer_region: expected W1 of shape ({len(b1)}, 2) for {len(b1)} biases, "
                         f"but received shape {W1.shape}")
    for k, weights in enumerate(W1):
        if weights[1] == 0:
            raise ValueError(f"hidden_layer_region: expected hidden neuron {k + 1} to have a non-zero weight "
                             f"for x2 (a line that is not vertical), but received W1[{k}] = {weights}")
    g1, g2, points = _plane_grid()
    region = np.asarray(network(points), dtype=float).reshape(g1.shape)
    fig, ax = plt.subplots(figsize=(5.5, 5))
    ax.contourf(g1, g2, region, levels=[-0.5, 0.5, 1.5], colors=["#d6e6f2", "#f6dccb"])
    _gate_points(ax, X, y, (t("lesson_plots.class0"), t("lesson_plots.class1")))
    x1 = np.array(GATE_SQUARE)
    for k, ((w_a, w_b), b) in enumerate(zip(W1, b1)):
        ax.plot(x1, -(w_a * x1 + b) / w_b, color=COLORS[2 + k], linewidth=2,
                label=t("lesson_plots.hidden_neuron", k=k + 1))
    ax.set_title(t("lesson_plots.hidden_title"))
    ax.legend(loc="upper right", fontsize=8)
    return fig


def activation_catalogue(z: np.ndarray, curves: Mapping[str, tuple[np.ndarray, np.ndarray]],
                         alpha: float | None = None) -> Figure:
    """Lesson 02: one panel per activation function with ``f`` (solid) and ``f'`` (dashed).

    ``curves`` maps a name from ``nnlib.activations`` to its values ``(f(z), f'(z))``;
    ``alpha`` is the slope of leaky ReLU for negative ``z`` (shown in its title).
    """
    names = list(curves)
    cols = 3
    rows = -(-len(names) // cols)
    fig, axes = plt.subplots(rows, cols, figsize=(13, 3.5 * rows), sharex=True, squeeze=False)
    for ax, name in zip(axes.flat, names):
        f, df = curves[name]
        ax.axhline(0, color="grey", linewidth=0.8)
        ax.axvline(0, color="grey", linewidth=0.8)
        ax.plot(z, f, color=COLORS[0], label="$f(z)$")
        ax.plot(z, df, color=COLORS[2], linestyle="--", label="$f'(z)$")
        fields = {"alpha": fmt(alpha)} if name == "leaky_relu" else {}
        ax.set_title(t(f"lesson_plots.name.{name}", **fields))
    for ax in axes.flat[len(names):]:
        ax.set_visible(False)
    for ax in axes[-1]:
        ax.set_xlabel(t("lesson_plots.weighted_sum"))
    axes[0, 0].legend(loc="upper left")
    fig.tight_layout()
    return fig


def xor_surface(X: np.ndarray, y: np.ndarray, network: Callable[[np.ndarray], np.ndarray],
                level: float = 0.5) -> Figure:
    """Lesson 02: a network's output over the input plane, with the points and the level set."""
    g1, g2, points = _plane_grid()
    surface = np.asarray(network(points), dtype=float).reshape(g1.shape)
    fig, ax = plt.subplots(figsize=(6.5, 5.8))
    image = ax.contourf(g1, g2, surface, levels=20, cmap="viridis")
    ax.contour(g1, g2, surface, levels=[level], colors="black", linewidths=2, linestyles="--")
    _gate_points(ax, X, y, (t("lesson_plots.xor_value", value=0), t("lesson_plots.xor_value", value=1)))
    ax.plot([], [], color="black", linewidth=2, linestyle="--",
            label=t("lesson_plots.output_level", level=fmt(level)))
    fig.colorbar(image, ax=ax, format=LocalizedScalarFormatter())
    ax.set_title(t("lesson_plots.xor_title"), fontsize=11)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.13), ncol=3, fontsize=10)
    ax.grid(False)
    fig.tight_layout()
    return fig


def directional_slopes(angles: np.ndarray, slopes: np.ndarray, gradient: np.ndarray) -> Figure:
    """Lesson 05: the slope along every unit direction, with the gradient's direction marked.

    ``angles`` in radians, ``slopes`` the measured slope along each; ``gradient`` a 2-vector.
    """
    angles = np.asarray(angles, dtype=float)
    gradient = np.asarray(gradient, dtype=float)
    angle = np.degrees(np.arctan2(gradient[1], gradient[0])) % 360
    fig, ax = plt.subplots(figsize=(8, 3.8))
    ax.plot(np.degrees(angles), slopes, color=COLORS[0])
    ax.axvline(angle, color=COLORS[1], linestyle="--",
               label=t("lesson_plots.gradient_direction", angle=fmt(angle, decimals=1),
                       slope=fmt(np.linalg.norm(gradient), decimals=2)))
    ax.axhline(0, color="0.5", linewidth=1)
    ax.set_xlabel(t("lesson_plots.direction_angle"))
    ax.set_ylabel(t("lesson_plots.slope_along"))
    ax.set_title(t("lesson_plots.directional_title"))
    ax.legend()
    return fig


def gradient_field(loss: Callable[[np.ndarray], float], gradient: Callable[[np.ndarray], np.ndarray],
                   minimum: tuple[float, float], points: np.ndarray, span: float = 3.0,
                   arrow_length: float = 0.6) -> Figure:
    """Lesson 05: contour lines of ``loss(a, b)`` with ∇L and −∇L drawn at ``points``.

    All arrows get the same length ``arrow_length``, so they show directions only.
    """
    a0, b0 = minimum
    A, B = np.meshgrid(np.linspace(a0 - span, a0 + span, 120), np.linspace(b0 - span, b0 + span, 120))
    surface = np.array([[loss(np.array([a, b])) for a, b in zip(row_a, row_b)] for row_a, row_b in zip(A, B)])
    points = np.asarray(points, dtype=float)
    arrows = np.array([gradient(p) for p in points])
    arrows = arrow_length * arrows / np.linalg.norm(arrows, axis=1, keepdims=True)

    fig, ax = plt.subplots(figsize=(6.5, 6))
    ax.contour(A, B, surface, levels=np.geomspace(surface.min() * 1.05, surface.max(), 15), cmap="viridis",
               linewidths=1)
    for sign, color, key in ((1, COLORS[1], "lesson_plots.uphill"), (-1, COLORS[0], "lesson_plots.downhill")):
        ax.quiver(points[:, 0], points[:, 1], sign * arrows[:, 0], sign * arrows[:, 1], color=color,
                  angles="xy", scale_units="xy", scale=1, width=0.006, label=t(key))
    ax.plot([a0], [b0], "*", color=COLORS[2], markersize=16,
            label=t("lesson_plots.minimum_at", a=fmt(a0, decimals=2), b=fmt(b0, decimals=2)))
    ax.set_aspect("equal")
    ax.set_xlabel(t("lesson_plots.param_a"))
    ax.set_ylabel(t("lesson_plots.param_b"))
    ax.set_title(t("lesson_plots.gradient_title"))
    ax.legend(loc="lower left", fontsize=9)
    return fig


def function_and_derivative(x: np.ndarray, F: np.ndarray, dF: np.ndarray, wrong: np.ndarray,
                            x0: float, F0: float, slope: float) -> Figure:
    """Lesson 06: F(x) = sin(x²) with its tangent at ``x0`` (left); F′ and the wrong cos(x²) (right)."""
    near = np.array([x0 - 0.3, x0 + 0.3])
    fig, (ax_f, ax_df) = plt.subplots(1, 2, figsize=(11, 4))
    ax_f.plot(x, F, color=COLORS[0], label=t("lesson_plots.function"))
    ax_f.plot(near, F0 + slope * (near - x0), color=COLORS[1], linewidth=2.5,
              label=t("lesson_plots.tangent", x0=fmt(x0), slope=fmt(slope, decimals=2)))
    ax_f.plot([x0], [F0], "o", color=COLORS[1])
    ax_df.plot(x, dF, color=COLORS[0], label=t("lesson_plots.derivative"))
    ax_df.plot(x, wrong, "--", color=COLORS[3], label=t("lesson_plots.wrong_derivative"))
    ax_df.plot([x0], [slope], "o", color=COLORS[1])
    for ax in (ax_f, ax_df):
        ax.set_xlabel("x")
        ax.legend(loc="lower center", fontsize=10)
    fig.suptitle(t("lesson_plots.chain_title"))
    fig.tight_layout()
    return fig


def difference_errors(steps: np.ndarray, error_forward: np.ndarray, error_central: np.ndarray) -> Figure:
    """Lesson 06: error of the forward and central differences against the step h (log–log).

    Errors that are exactly 0 (the two values agreed to the last digit) are left out, since a
    logarithmic axis cannot show them. Dashed guides show slopes 1 and 2.
    """
    def positive(errors: np.ndarray) -> np.ndarray:
        errors = np.asarray(errors, dtype=float)
        return np.where(errors > 0, errors, np.nan)

    fig, ax = plt.subplots(figsize=(7.5, 4.8))
    ax.loglog(steps, positive(error_forward), "o-", markersize=3, color=COLORS[1],
              label=t("lesson_plots.forward_difference"))
    ax.loglog(steps, positive(error_central), "s-", markersize=3, color=COLORS[0],
              label=t("lesson_plots.central_difference"))
    guide = np.logspace(-6, -1, 2)
    ax.loglog(guide, 0.02 * guide, "--", color=COLORS[1], linewidth=1, label=t("lesson_plots.slope1"))
    ax.loglog(guide, 0.01 * guide**2, "--", color=COLORS[0], linewidth=1, label=t("lesson_plots.slope2"))
    ax.set_xlabel(t("lesson_plots.step_size"))
    ax.set_ylabel(t("lesson_plots.abs_error"))
    ax.set_title(t("lesson_plots.difference_title"))
    ax.legend(fontsize=10)
    return fig
