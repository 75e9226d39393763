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
    ax.legend(loc="upper right", fontsize=10)  # readable from the back of a lecture hall
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


def outlier_costs(c: np.ndarray, y: np.ndarray, cost_mse: np.ndarray, cost_mae: np.ndarray) -> Figure:
    """Lesson 04: MSE and MAE of a constant prediction ``c``, with the mean and the median of ``y``."""
    y = np.asarray(y, dtype=float)
    mean, median = y.mean(), np.median(y)
    fig, axes = plt.subplots(1, 2, figsize=(11, 4))
    for ax, cost, name in zip(axes, (cost_mse, cost_mae), ("MSE", "MAE")):
        ax.plot(c, cost, color=COLORS[2], label=name)
        ax.axvline(mean, color=COLORS[0], linestyle="--", label=t("lesson_plots.mean", value=fmt(mean, decimals=2)))
        ax.axvline(median, color=COLORS[1], linestyle=":",
                   label=t("lesson_plots.median", value=fmt(median, decimals=2)))
        ax.plot(y, np.zeros_like(y), "|", color="black", markersize=15)
        ax.set_xlabel(t("lesson_plots.constant_prediction"))
        ax.set_ylabel(t("lesson_plots.cost"))
        ax.legend()
    fig.suptitle(t("lesson_plots.outlier_title"))
    fig.tight_layout()
    return fig


def losses_after_sigmoid(p: np.ndarray, loss_squared: np.ndarray, loss_cross_entropy: np.ndarray,
                         grad_squared: np.ndarray, grad_cross_entropy: np.ndarray) -> Figure:
    """Lesson 04: for target y = 1, both losses (left) and the size of ∂L/∂z (right) against ŷ."""
    fig, (ax_loss, ax_grad) = plt.subplots(1, 2, figsize=(11, 4))
    for ax, squared, cross_entropy in ((ax_loss, loss_squared, loss_cross_entropy),
                                       (ax_grad, np.abs(grad_squared), np.abs(grad_cross_entropy))):
        ax.plot(p, squared, color=COLORS[0], label=t("lesson_plots.squared_error"))
        ax.plot(p, cross_entropy, color=COLORS[2], label=t("lesson_plots.cross_entropy"))
        ax.set_xlabel(t("lesson_plots.predicted_probability"))
        ax.legend()
    ax_loss.set_ylim(0, 5)
    ax_loss.set_title(t("lesson_plots.loss_title"))
    ax_loss.set_ylabel(t("lesson_plots.loss"))
    ax_grad.set_title(t("lesson_plots.gradient_z_title"))
    ax_grad.set_ylabel("|∂L/∂z|")
    fig.tight_layout()
    return fig


def slope_arrows(a_grid: np.ndarray, curve: np.ndarray, loss: Callable[[float], float],
                 derivative: Callable[[float], float], points: list[float], learning_rate: float) -> Figure:
    """Lesson 05: the loss curve with the tangent at each point and the step −η·L′(a) as an arrow."""
    fig, ax = plt.subplots(figsize=(7, 4.2))
    ax.plot(a_grid, curve, color=COLORS[0], label=t("lesson_plots.loss_curve"))
    for i, a in enumerate(points):
        slope = derivative(a)
        nearby = np.array([a - 0.9, a + 0.9])
        ax.plot(nearby, loss(a) + slope * (nearby - a), "--", color=COLORS[1],
                label=t("lesson_plots.tangent_slope") if i == 0 else None)
        ax.annotate("", xy=(a - learning_rate * slope, loss(a)), xytext=(a, loss(a)),
                    arrowprops={"arrowstyle": "->", "color": COLORS[2], "lw": 2.5})
        ax.plot([a], [loss(a)], "o", color=COLORS[1])
    ax.set_ylim(0, np.max(curve))
    ax.set_xlabel(t("lesson_plots.param_a"))
    ax.set_ylabel(t("lesson_plots.loss_a"))
    ax.set_title(t("lesson_plots.slope_title", lr=fmt(learning_rate)))
    ax.legend()
    return fig


def learning_rate_regimes(a_grid: np.ndarray, curve: np.ndarray, loss: Callable[[float], float],
                          runs: Mapping[str, tuple[float, float, np.ndarray]], a_closed: float) -> Figure:
    """Lesson 05: one panel per learning rate with the path of gradient descent on the loss curve.

    ``runs`` maps a regime (``slow``, ``good``, ``large``, ``divergent``) to
    ``(eta, fraction of 2/L'', the visited values of a)``.
    """
    rows = -(-len(runs) // 2)
    fig, axes = plt.subplots(rows, 2, figsize=(11, 3.75 * rows), sharex=True, sharey=True, squeeze=False)
    for ax, (regime, (eta, fraction, steps)) in zip(axes.flat, runs.items()):
        ax.plot(a_grid, curve, color=COLORS[0])
        ax.plot(steps, [loss(a) for a in steps], "o-", color=COLORS[1], markersize=5, linewidth=1.2)
        ax.axvline(a_closed, color="0.5", linestyle="--", linewidth=1)
        ax.set_title(t(f"lesson_plots.regime_{regime}", lr=fmt(eta), fraction=fmt(fraction)))
        ax.set_xlim(a_grid[0], a_grid[-1])
        ax.set_ylim(0, np.max(curve))
    for ax in axes[-1]:
        ax.set_xlabel(t("lesson_plots.param_a"))
    for ax in axes[:, 0]:
        ax.set_ylabel(t("lesson_plots.loss_a"))
    fig.tight_layout()
    return fig


def fitted_line(x: np.ndarray, y: np.ndarray, closed_form: tuple[float, float],
                predict: Callable[[np.ndarray], np.ndarray], epochs: np.ndarray, losses: np.ndarray,
                smallest_loss: float) -> Figure:
    """Lesson 05: the data with the closed-form line and a trained model's line (left), the loss
    per epoch against the smallest possible loss (right)."""
    a, b = closed_form
    line_x = np.array([np.min(x), np.max(x)])
    fig, (ax_fit, ax_loss) = plt.subplots(1, 2, figsize=(12, 4.2))
    ax_fit.plot(x, y, "o", color="black", markersize=4, label=t("lesson_plots.data"))
    ax_fit.plot(line_x, a * line_x + b, color=COLORS[2], linewidth=5, alpha=0.5,
                label=t("lesson_plots.closed_form_line", a=fmt(a, decimals=3), b=fmt(b, decimals=3)))
    ax_fit.plot(line_x, np.ravel(predict(line_x.reshape(-1, 1))), "--", color=COLORS[1],
                label=t("lesson_plots.trained_line"))
    ax_fit.set_xlabel(t("lesson_plots.input_x"))
    ax_fit.set_ylabel(t("lesson_plots.target_y"))
    ax_fit.set_title(t("lesson_plots.fit_title"))
    ax_fit.legend()
    ax_loss.semilogy(epochs, losses, color=COLORS[0])
    ax_loss.axhline(smallest_loss, color="0.5", linestyle="--",
                    label=t("lesson_plots.smallest_loss", value=fmt(smallest_loss, decimals=4)))
    ax_loss.set_xlabel(t("lesson_plots.epoch"))
    ax_loss.set_ylabel(t("lesson_plots.loss_ab"))
    ax_loss.set_title(t("lesson_plots.loss_per_epoch"))
    ax_loss.legend()
    fig.tight_layout()
    return fig


def _no_ticks(ax) -> None:
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)


def digit_and_pixels(image: np.ndarray, label: int, max_value: float = 16) -> Figure:
    """Lesson 00: a digit as the eye sees it (left) and as the 64 numbers the network gets (right)."""
    image = np.asarray(image, dtype=float)
    fig, (ax_image, ax_numbers) = plt.subplots(1, 2, figsize=(10, 4.8))
    ax_image.imshow(image, cmap="gray_r", vmin=0, vmax=max_value)
    ax_image.set_title(t("lesson_plots.digit_title", label=label))
    ax_numbers.imshow(image, cmap="gray_r", vmin=0, vmax=2.5 * max_value)
    for (row, col), value in np.ndenumerate(image):
        ax_numbers.text(col, row, fmt(value, decimals=0), ha="center", va="center", fontsize=10)
    ax_numbers.set_title(t("lesson_plots.pixels_title", n=image.size))
    for ax in (ax_image, ax_numbers):
        _no_ticks(ax)
    return fig


def digit_answers(images: np.ndarray, labels: np.ndarray, probabilities: np.ndarray,
                  indices: list[int]) -> Figure:
    """Lesson 00: for each chosen test digit, the image with its ground truth (top) and the
    network's ten probabilities with its answer highlighted (bottom)."""
    probabilities = np.asarray(probabilities, dtype=float)
    fig, axes = plt.subplots(2, len(indices), figsize=(4 * len(indices), 6), height_ratios=[1, 1.1],
                             squeeze=False)
    for column, index in enumerate(indices):
        side = int(round(np.sqrt(images[index].size)))
        axes[0, column].imshow(np.reshape(images[index], (side, side)), cmap="gray_r")
        axes[0, column].set_title(t("lesson_plots.truth_title", label=labels[index]))
        axes[0, column].axis("off")
        answer = int(np.argmax(probabilities[index]))
        classes = np.arange(probabilities.shape[1])
        axes[1, column].bar(classes, probabilities[index], color=COLORS[0])
        axes[1, column].bar(answer, probabilities[index, answer], color=COLORS[1])
        axes[1, column].set_xticks(classes)
        axes[1, column].set_ylim(0, 1.05)
        axes[1, column].set_xlabel(t("lesson_plots.digit_axis"))
        axes[1, column].set_title(t("lesson_plots.answer_title", label=answer,
                                    percent=fmt(100 * probabilities[index, answer], decimals=0)))
    axes[1, 0].set_ylabel(t("lesson_plots.probability"))
    fig.tight_layout()
    return fig


def network_shapes(x: np.ndarray, outputs: Mapping[tuple[int, ...], list[np.ndarray]],
                   n_params: Callable[[list[int]], int]) -> Figure:
    """Lesson 03: one panel per architecture with the outputs of a few random networks.

    Each output curve is standardised (mean 0, standard deviation 1) so that only its *shape*
    shows; ``n_params(sizes)`` gives the parameter count shown in the title.
    """
    fig, axes = plt.subplots(1, len(outputs), figsize=(13, 3.8), squeeze=False)
    for ax, (sizes, curves) in zip(axes[0], outputs.items()):
        for k, curve in enumerate(curves):
            curve = np.asarray(curve, dtype=float)
            ax.plot(x, (curve - curve.mean()) / (curve.std() + 1e-12), color=COLORS[k % len(COLORS)])
        ax.set_title(t("lesson_plots.sizes_title", sizes=" → ".join(str(n) for n in sizes),
                       n_params=fmt(n_params(list(sizes)))))
        ax.set_xlabel(t("lesson_plots.input_x_plain"))
    axes[0, 0].set_ylabel(t("lesson_plots.output_standardised"))
    fig.tight_layout()
    return fig
