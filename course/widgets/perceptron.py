"""Chapter 01: the decision line of one neuron and the perceptron learning rule, step by step.

Weights are kept as in :class:`nnlib.perceptron.Perceptron`: ``w = (w0, w1, w2)`` with
``w0 = b`` the bias, multiplied by the constant input ``x0 = 1``. A point x is classified as

    ŷ = step(w0·1 + w1·x1 + w2·x2),   step(z) = 1 if z >= 0 else 0,

and the Rosenblatt rule updates after each point: ``w ← w + η (y − ŷ) x̃`` with
``x̃ = (1, x1, x2)``.

- :class:`DecisionLineWidget`: sliders for w1, w2 and b draw the line w1·x1 + w2·x2 + b = 0
  over the AND/OR/NAND/XOR points, mark the misclassified ones and count them.
- :class:`PerceptronStepWidget`: a button applies the learning rule to one point at a
  time and shows the arithmetic, the old and the new line.
- :func:`draw_neuron`: the flow input → weights → Σ → z → f → ŷ with real numbers on it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import ListedColormap
from matplotlib.patches import Circle, FancyBboxPatch

from course.i18n import t
from course.numbers import fmt as fmt_number
from course.plots import COLORS
from course.widgets.base import FigureWidget
from course.widgets.controls import slider
from nnlib.activations import sigmoid, step
from nnlib.datasets import logic_gate

DATASETS = ("and", "or", "nand", "xor")
LIMITS = (-0.5, 1.5)
# Start of the step-by-step widget, (b, w1, w2): the line is visible from the first click.
START = (-1.0, 0.5, -0.5)
SHOWN_EPOCHS = 8  # the status lists the update counts of at most this many recent epochs
REGION_COLORS = ListedColormap(["#d6e6f2", "#f6dccb"])  # light versions of COLORS[0], COLORS[1]


def with_bias_input(X: np.ndarray) -> np.ndarray:
    """Prepend the constant input x0 = 1 to every sample.

    Parameters
    ----------
    X
        Samples, shape ``(N, m)`` (or ``(m,)`` for one sample).

    Returns
    -------
    numpy.ndarray
        X̃ of shape ``(N, m + 1)`` (or ``(m + 1,)``) with X̃[:, 0] = 1.
    """
    X = np.asarray(X, dtype=float)
    if X.ndim == 1:
        return np.concatenate([[1.0], X])
    return np.column_stack([np.ones(len(X)), X])


def predict(w: np.ndarray, X: np.ndarray) -> np.ndarray:
    """ŷ = step(X̃ w) for weights ``w = (b, w1, …, wm)`` of shape ``(m + 1,)`` and X ``(N, m)``.

    Returns an array of 0s and 1s of shape ``(N,)``.
    """
    w = np.asarray(w, dtype=float)
    return step(with_bias_input(X) @ w).astype(int)


def misclassified(w: np.ndarray, X: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Boolean mask of shape ``(N,)``: True where ``predict(w, X)`` differs from the target ``y``."""
    return predict(w, X) != np.asarray(y)


def line_in_view(w: np.ndarray, limits: tuple[float, float] = LIMITS) -> bool:
    """Whether the line b + w1·x1 + w2·x2 = 0 crosses the square ``limits``² that the plots show.

    True when z = b + w1·x1 + w2·x2 takes both signs (or 0) at the square's corners.
    """
    low, high = limits
    corners = np.array([[low, low], [low, high], [high, low], [high, high]])
    z = with_bias_input(corners) @ np.asarray(w, dtype=float)
    return bool(z.min() <= 0 <= z.max()) and bool(np.any(np.asarray(w, dtype=float)[1:] != 0))


def decision_line(w: np.ndarray, limits: tuple[float, float] = LIMITS) -> tuple[np.ndarray, np.ndarray]:
    """Two end points of the line b + w1·x1 + w2·x2 = 0 across the square ``limits``².

    Parameters
    ----------
    w
        ``(b, w1, w2)``, shape ``(3,)``.
    limits
        ``(low, high)`` of both axes.

    Returns
    -------
    x1, x2 : numpy.ndarray
        Shape ``(2,)`` each; a vertical line when w2 = 0, and empty arrays when
        w1 = w2 = 0 (then there is no line: every point gets the same class).
    """
    b, w1, w2 = (float(v) for v in w)
    low, high = limits
    if w2 != 0:
        x1 = np.array([low, high])
        return x1, -(b + w1 * x1) / w2
    if w1 != 0:
        return np.full(2, -b / w1), np.array([low, high])
    return np.array([]), np.array([])


@dataclass(frozen=True)
class Update:
    """One application of the perceptron learning rule to one point.

    ``x_tilde`` is (1, x1, …, xm); ``z = w_before · x_tilde``; ``prediction = step(z)``;
    ``error = target − prediction``; ``w_after = w_before + learning_rate · error · x_tilde``.
    """

    index: int
    x_tilde: np.ndarray
    target: int
    z: float
    prediction: int
    error: int
    learning_rate: float
    w_before: np.ndarray
    w_after: np.ndarray

    @property
    def changed(self) -> bool:
        return self.error != 0


def perceptron_update(w: np.ndarray, x: np.ndarray, y: int, learning_rate: float, index: int = 0) -> Update:
    """Apply the Rosenblatt rule ``w ← w + η (y − ŷ) x̃`` for one sample.

    Parameters
    ----------
    w
        Current weights ``(b, w1, …, wm)``, shape ``(m + 1,)``; not modified.
    x
        One sample, shape ``(m,)``.
    y
        Its target, 0 or 1.
    learning_rate
        η > 0.
    index
        Position of the sample in its data set (only recorded, for display).

    Returns
    -------
    Update
        Everything needed to show the arithmetic, including the new weights.
    """
    if not learning_rate > 0:
        raise ValueError(f"perceptron_update: expected learning_rate > 0, but received {learning_rate!r}")
    w_before = np.asarray(w, dtype=float).copy()
    x_tilde = with_bias_input(x)
    if x_tilde.shape != w_before.shape:
        raise ValueError(
            f"perceptron_update: expected x with {w_before.size - 1} values to match w of shape "
            f"{w_before.shape}, but received x of shape {np.shape(x)}"
        )
    z = float(w_before @ x_tilde)
    prediction = int(step(z))
    error = int(y) - prediction
    w_after = w_before + learning_rate * error * x_tilde
    return Update(index, x_tilde, int(y), z, prediction, error, float(learning_rate), w_before, w_after)


def fmt(value: float) -> str:
    """A number as it would be written by hand, in the notebook's language: 0.5 / 0,5, −1, 2."""
    value = round(float(value), 6) + 0.0  # + 0.0 turns −0.0 into 0.0
    return fmt_number(value, digits=6)


def fmt_factor(value: float) -> str:
    """A number as a factor in a product or sum: negative numbers in brackets, (−0.5) / (−0,5)."""
    return f"({fmt(value)})" if round(float(value), 6) < 0 else fmt(value)


def fmt_vector(values: Sequence[float]) -> str:
    """A vector in the notebook's language: (1, −0.5) / (1; −0,5)."""
    return fmt_number([round(float(v), 6) + 0.0 for v in values], digits=6)


def plot_points(ax: Axes, X: np.ndarray, y: np.ndarray) -> None:
    """Scatter two-class points in the course colours on the square of the logic gates.

    Parameters
    ----------
    ax
        Axes to draw on; its limits are set to ``LIMITS`` on both axes.
    X
        Points, shape ``(N, 2)``.
    y
        Classes 0 or 1, shape ``(N,)``.
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    ax.scatter(*X[y == 0].T, s=140, color=COLORS[0], marker="o", edgecolor="black", zorder=3,
               label=t("perceptron.class0"))
    ax.scatter(*X[y == 1].T, s=140, color=COLORS[1], marker="s", edgecolor="black", zorder=3,
               label=t("perceptron.class1"))
    _setup_square(ax)


def _setup_square(ax: Axes) -> None:
    ax.set_xlim(*LIMITS)
    ax.set_ylim(*LIMITS)
    ax.set_aspect("equal")
    ax.set_xticks([0, 1])
    ax.set_yticks([0, 1])
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")


class _GatePlot:
    """The shared picture: shaded regions, the four points, the misclassified rings, a line."""

    def __init__(self, ax: Axes) -> None:
        self.ax = ax
        grid = np.linspace(*LIMITS, 201)
        self.grid = np.array(np.meshgrid(grid, grid)).reshape(2, -1).T
        self.region = ax.imshow(
            np.zeros((201, 201)), extent=(*LIMITS, *LIMITS), origin="lower",
            cmap=REGION_COLORS, vmin=0, vmax=1, interpolation="nearest", zorder=0,
        )
        empty = np.empty((0, 2))
        self.class0 = ax.scatter(empty[:, 0], empty[:, 1], s=140, color=COLORS[0], marker="o",
                                 edgecolor="black", zorder=3, label=t("perceptron.class0"))
        self.class1 = ax.scatter(empty[:, 0], empty[:, 1], s=140, color=COLORS[1], marker="s",
                                 edgecolor="black", zorder=3, label=t("perceptron.class1"))
        self.wrong = ax.scatter(empty[:, 0], empty[:, 1], s=600, facecolors="none", edgecolors="#c00000",
                                linewidths=2.5, zorder=4, label=t("perceptron.misclassified"))
        (self.line,) = ax.plot([], [], color="black", linewidth=2.5, zorder=2, label=t("perceptron.line"))
        _setup_square(ax)

    def draw(self, w: np.ndarray, X: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Move every artist to weights ``w`` on data ``(X, y)``; return the misclassified mask."""
        self.region.set_data(predict(w, self.grid).reshape(201, 201))
        self.class0.set_offsets(X[y == 0])
        self.class1.set_offsets(X[y == 1])
        wrong = misclassified(w, X, y)
        self.wrong.set_offsets(X[wrong] if wrong.any() else np.empty((0, 2)))
        self.line.set_data(*decision_line(w))
        return wrong


def _dataset_dropdown(value: str) -> widgets.Dropdown:
    if value not in DATASETS:
        raise ValueError(f"expected dataset to be one of {', '.join(DATASETS)}, but received {value!r}")
    return widgets.Dropdown(options=[(name.upper(), name) for name in DATASETS], value=value,
                            description=t("perceptron.dataset"))


class DecisionLineWidget(FigureWidget):
    """Sliders for w1, w2 and b; the line w1·x1 + w2·x2 + b = 0 over AND/OR/NAND/XOR points.

    The region where the neuron answers 1 is shaded orange, the region where it answers
    0 blue; misclassified points get a red ring and are counted in the title and status.
    """

    def __init__(self, dataset: str = "and", w1: float = 1.0, w2: float = 1.0, b: float = -0.5) -> None:
        super().__init__(figsize=(8.0, 4.8))
        self.dataset = _dataset_dropdown(dataset)
        limits = dict(min=-3.0, max=3.0, step=0.1, decimals=1)
        self.w1 = slider("w₁", value=w1, **limits)
        self.w2 = slider("w₂", value=w2, **limits)
        self.b = slider("b", value=b, **limits)
        self.plot = _GatePlot(self.ax)
        self.ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), fontsize=10, markerscale=0.6)
        self.ax.set_title(" ")  # update() writes the title; tight_layout must leave room for it
        self.fig.tight_layout()
        self.n_wrong = 0
        self.watch(self.dataset, self.w1, self.w2, self.b)

    @property
    def w(self) -> np.ndarray:
        return np.array([self.b.value, self.w1.value, self.w2.value])

    def update(self) -> None:
        X, y = logic_gate(self.dataset.value)
        wrong = self.plot.draw(self.w, X, y)
        self.n_wrong = int(wrong.sum())
        count = t("perceptron.count", wrong=self.n_wrong, total=len(y))
        self.ax.set_title(f"{self.dataset.value.upper()}: {count}")
        b, w1, w2 = self.w
        status = f"z = {fmt_factor(w1)}·x₁ + {fmt_factor(w2)}·x₂ + {fmt_factor(b)} &nbsp;&nbsp; <b>{count}</b>"
        if not line_in_view(self.w):
            status += "<br>" + t("perceptron.no_line" if w1 == w2 == 0 else "perceptron.line_outside")
        self.status.value = status


class PerceptronStepWidget(FigureWidget):
    """A Step button that applies the perceptron learning rule to one point at a time.

    The points are visited in order, pass after pass (one pass = one epoch). After each
    step the status shows the point used, z, ŷ, the error and the update
    ``w ← w + η (y − ŷ) x̃`` with numbers; the figure shows the old line (dashed) and
    the new one. A full pass without any update means the perceptron has converged.
    """

    def __init__(self, dataset: str = "and", learning_rate: float = 0.5,
                 start: Sequence[float] = START) -> None:
        super().__init__(figsize=(8.0, 4.8))
        self.start = np.asarray(start, dtype=float)
        if self.start.shape != (3,):
            raise ValueError(f"PerceptronStepWidget: expected start = (b, w1, w2), but received {tuple(start)}")
        self.dataset = _dataset_dropdown(dataset)
        self.learning_rate = slider("η", value=learning_rate, min=0.1, max=2.0, step=0.1, decimals=1)
        self.step_button = widgets.Button(description=t("common.step"), icon="step-forward")
        self.epoch_button = widgets.Button(description=t("perceptron.run_epoch"), icon="forward")
        self.reset_button = widgets.Button(description=t("common.reset"), icon="undo")
        self.step_button.on_click(lambda _button: self._advance(1))
        self.epoch_button.on_click(lambda _button: self._advance(self._steps_to_end_of_pass()))
        self.reset_button.on_click(lambda _button: self._restart())
        self.dataset.observe(lambda _change: self._restart(), names="value")
        self.learning_rate.observe(lambda _change: self.refresh(), names="value")
        self.controls.extend([self.dataset, self.learning_rate, widgets.HTML(),
                              self.step_button, self.epoch_button, self.reset_button])

        self.plot = _GatePlot(self.ax)
        (self.old_line,) = self.ax.plot([], [], color="grey", linestyle="--", linewidth=2, zorder=2,
                                        label=t("perceptron.old_line"))
        self.used = self.ax.scatter([], [], s=900, facecolors="none", edgecolors=COLORS[2], linewidths=3,
                                    zorder=4, label=t("perceptron.used_point"))
        self.ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), fontsize=10, markerscale=0.6)
        self.ax.set_title(" ")  # update() writes the title; tight_layout must leave room for it
        self.fig.tight_layout()
        self._reset_state()

    def _reset_state(self) -> None:
        self.w = self.start.copy()
        self.steps = 0
        self.last: Update | None = None
        self.updates_this_pass = 0
        self.finished_passes: list[int] = []  # number of updates in each completed pass

    @property
    def converged_at(self) -> int | None:
        """The first epoch without a single update (1-based), or None while there is none."""
        for epoch, updates in enumerate(self.finished_passes, start=1):
            if updates == 0:
                return epoch
        return None

    def _steps_to_end_of_pass(self) -> int:
        n = len(logic_gate(self.dataset.value)[1])
        return n - self.steps % n

    def _restart(self) -> None:
        self._reset_state()
        self.refresh()

    def _advance(self, n_steps: int) -> None:
        X, y = logic_gate(self.dataset.value)
        for _ in range(n_steps):
            index = self.steps % len(y)
            self.last = perceptron_update(self.w, X[index], y[index], self.learning_rate.value, index)
            self.w = self.last.w_after
            self.updates_this_pass += int(self.last.changed)
            self.steps += 1
            if self.steps % len(y) == 0:
                self.finished_passes.append(self.updates_this_pass)
                self.updates_this_pass = 0
        self.refresh()

    def update(self) -> None:
        X, y = logic_gate(self.dataset.value)
        wrong = self.plot.draw(self.w, X, y)
        last = self.last
        if last is None:
            self.old_line.set_data([], [])
            self.used.set_offsets(np.empty((0, 2)))
        else:
            self.old_line.set_data(*decision_line(last.w_before) if last.changed else ([], []))
            self.used.set_offsets(X[last.index : last.index + 1])
        count = t("perceptron.count", wrong=int(wrong.sum()), total=len(y))
        self.ax.set_title(f"{self.dataset.value.upper()}: {count}")
        self.status.value = "<br>".join(self._status_lines(len(y)))

    def _status_lines(self, n_points: int) -> list[str]:
        lines = [t("perceptron.weights_now", w=fmt_vector(self.w), eta=fmt(self.learning_rate.value))]
        if not decision_line(self.w)[0].size:
            lines.append(t("perceptron.no_line"))
        elif not line_in_view(self.w):
            lines.append(t("perceptron.line_outside"))
        last = self.last
        if last is None:
            lines.append(t("perceptron.press_step"))
            return lines
        epoch = (self.steps - 1) // n_points + 1
        lines.append(t("perceptron.step_header", step=self.steps, epoch=epoch, index=last.index + 1,
                       x=fmt_vector(last.x_tilde[1:]), y=last.target))
        lines.append(
            f"z = w·x̃ = {fmt_vector(last.w_before)}·{fmt_vector(last.x_tilde)} = {fmt(last.z)}, "
            f"ŷ = step({fmt(last.z)}) = {last.prediction}, y − ŷ = {last.target} − {last.prediction} = "
            f"{fmt(last.error)}"
        )
        if last.changed:
            lines.append(
                f"w ← w + η(y − ŷ)x̃ = {fmt_vector(last.w_before)} + {fmt(last.learning_rate)}·{fmt_factor(last.error)}·"
                f"{fmt_vector(last.x_tilde)} = <b>{fmt_vector(last.w_after)}</b>"
            )
        else:
            lines.append(t("perceptron.no_change"))
        if self.converged_at is not None:
            lines.append("<b>" + t("perceptron.converged", epoch=self.converged_at) + "</b>")
        elif self.finished_passes:
            recent = self.finished_passes[-SHOWN_EPOCHS:]
            updates = ", ".join(str(n) for n in recent)
            if len(self.finished_passes) > SHOWN_EPOCHS:
                updates = "…, " + updates
            lines.append(t("perceptron.pass_summary", epochs=len(self.finished_passes), updates=updates))
        return lines


def draw_neuron(ax: Axes, x: Sequence[float], w: Sequence[float], b: float, activation: str = "step") -> float:
    """Draw one neuron with its numbers: inputs → weights → Σ → z → f → ŷ.

    Parameters
    ----------
    ax
        Axes to draw on (ticks and grid are switched off).
    x
        Inputs x1 … xm, shape ``(m,)``.
    w
        Weights w1 … wm, shape ``(m,)``.
    b
        Bias, drawn as the weight w0 of the constant input x0 = 1.
    activation
        ``"step"`` or ``"sigmoid"``.

    Returns
    -------
    float
        The output ŷ that the picture shows.
    """
    x = np.asarray(x, dtype=float)
    w = np.asarray(w, dtype=float)
    if x.ndim != 1 or x.shape != w.shape:
        raise ValueError(f"draw_neuron: expected x and w of the same shape (m,), but received {x.shape} and {w.shape}")
    functions = {"step": step, "sigmoid": sigmoid}
    if activation not in functions:
        raise ValueError(f"draw_neuron: expected activation 'step' or 'sigmoid', but received {activation!r}")
    z = float(w @ x + b)
    y_hat = float(functions[activation](z))

    values = np.concatenate([[1.0], x])
    weights = np.concatenate([[b], w])
    m = len(x)
    ys = np.linspace(m / 2, -m / 2, m + 1) * 1.1
    label_x, sum_x, f_x, out_x = 2.0, 4.6, 7.2, 9.0
    for i, (value, weight, y) in enumerate(zip(values, weights, ys)):
        ax.plot([0.35, sum_x - 0.5], [y, 0.0], color="grey", linewidth=1.2, zorder=1)
        color = "grey" if i == 0 else COLORS[0]
        ax.add_patch(Circle((0.0, y), 0.35, facecolor="white", edgecolor=color, linewidth=2, zorder=3))
        ax.text(0.0, y, f"$x_{i}$", ha="center", va="center", fontsize=12, zorder=4)
        ax.text(-0.5, y, fmt(value), ha="right", va="center", fontsize=12)
        label_y = y + (0.0 - y) * (label_x - 0.35) / (sum_x - 0.85)
        ax.text(label_x, label_y, f"$w_{i}$ = {fmt(weight)}", ha="center", va="center", fontsize=11,
                color=COLORS[1], zorder=2,
                bbox=dict(boxstyle="round,pad=0.15", facecolor="white", edgecolor="none"))
    ax.add_patch(Circle((sum_x, 0.0), 0.5, facecolor="#f2f2f2", edgecolor="black", linewidth=2, zorder=3))
    ax.text(sum_x, 0.0, "Σ", ha="center", va="center", fontsize=18, zorder=4)
    ax.annotate("", xy=(f_x - 0.8, 0), xytext=(sum_x + 0.5, 0), arrowprops=dict(arrowstyle="->", linewidth=1.5))
    ax.text((sum_x + f_x - 0.3) / 2, 0.15, f"z = {fmt(round(z, 3))}", ha="center", va="bottom", fontsize=12)
    ax.add_patch(FancyBboxPatch((f_x - 0.8, -0.4), 1.6, 0.8, boxstyle="round,pad=0.05",
                                facecolor="#f2f2f2", edgecolor="black", linewidth=2, zorder=3))
    ax.text(f_x, 0.0, f"f = {activation}", ha="center", va="center", fontsize=11, zorder=4)
    ax.annotate("", xy=(out_x, 0), xytext=(f_x + 0.85, 0), arrowprops=dict(arrowstyle="->", linewidth=1.5))
    ax.text(out_x + 0.1, 0, f"ŷ = {fmt(round(y_hat, 3))}", ha="left", va="center", fontsize=13)
    top = ys[0] + 0.8
    for x_at, key in ((-0.2, "perceptron.flow_inputs"), (label_x, "perceptron.flow_weights"),
                      (sum_x, "perceptron.flow_sum"), (f_x, "perceptron.flow_activation"),
                      (out_x + 0.8, "perceptron.flow_output")):
        ax.text(x_at, top, t(key), ha="center", va="bottom", fontsize=11, fontweight="bold")
    ax.set_xlim(-1.4, out_x + 2.0)
    ax.set_ylim(ys[-1] - 0.6, top + 0.7)
    ax.set_aspect("equal")
    ax.axis("off")
    return y_hat
