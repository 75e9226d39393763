"""Chapter 00: a first slider that changes a plot, and the network diagram of the notation.

:class:`NeuronCurveWidget` shows one neuron with one input, ŷ = σ(w·x + b), as a curve
over x; sliders move w, b and the input x, and the curve and the marked point are
recomputed on every change. :func:`draw_network` draws a fully connected network from
its layer sizes with the course notation (x, a^(l)_j, w^(l)_jk, ŷ) written on it.
"""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as widgets
import numpy as np
from matplotlib.axes import Axes
from matplotlib.patches import Circle

from course.i18n import t
from course.numbers import fmt
from course.plots import COLORS
from course.widgets.base import FigureWidget
from course.widgets.controls import slider
from nnlib.activations import sigmoid

X_RANGE = (-6.0, 6.0)
# Horizontal distance between layers in the diagram, in units of the vertical node spacing.
LAYER_GAP = 2.2


def neuron_output(x: np.ndarray | float, w: float, b: float) -> np.ndarray:
    """The output of one neuron with one input and a sigmoid, ŷ = σ(w·x + b).

    Parameters
    ----------
    x
        Input value(s), any shape.
    w, b
        Weight and bias.

    Returns
    -------
    numpy.ndarray
        ŷ with the shape of ``x``; every value lies in (0, 1).
    """
    return sigmoid(w * np.asarray(x, dtype=float) + b)


def midpoint(w: float, b: float) -> float | None:
    """The input where ŷ = 0.5, i.e. where w·x + b = 0: x = −b / w (None when w = 0)."""
    if w == 0:
        return None
    return -b / w


def _signed(value: float) -> str:
    """``value`` with one decimal in the notebook's language, in brackets when negative."""
    text = fmt(float(value), decimals=1)
    return f"({text})" if text.startswith("−") else text


class NeuronCurveWidget(FigureWidget):
    """Sliders for w, b and x of ŷ = σ(w·x + b); the curve and the point ŷ(x) follow.

    Attributes shown to tests: ``curve`` (the Line2D of ŷ over x), ``point`` (the
    marker at the chosen x), ``middle`` (the vertical line at ŷ = 0.5), ``status``.
    """

    def __init__(self, w: float = 1.0, b: float = 0.0, x: float = 2.0) -> None:
        super().__init__(figsize=(7.0, 4.0))
        limits = dict(min=-5.0, max=5.0, step=0.1, decimals=1)
        self.w = slider(t("welcome.weight_w"), value=w, **limits)
        self.b = slider(t("welcome.bias_b"), value=b, **limits)
        self.x = slider(t("welcome.input_x"), value=x, **limits)

        self.xs = np.linspace(*X_RANGE, 301)
        ax = self.ax
        (self.curve,) = ax.plot(self.xs, neuron_output(self.xs, w, b), color=COLORS[0], label="ŷ = σ(w·x + b)")
        self.middle = ax.axvline(0.0, color="grey", linestyle=":", linewidth=1.5, label=t("welcome.half_line"))
        (self.point,) = ax.plot([x], [0.5], "o", color=COLORS[1], markersize=10, label=t("welcome.your_input"))
        ax.axhline(0.5, color="grey", linewidth=0.8, alpha=0.5)
        ax.set_xlim(*X_RANGE)
        ax.set_ylim(-0.05, 1.05)
        ax.set_xlabel(t("welcome.x_label"))
        ax.set_ylabel(t("welcome.y_label"))
        ax.set_title(t("welcome.curve_title"))
        ax.legend(loc="upper left", fontsize=10)
        self.fig.tight_layout()
        self.watch(self.w, self.b, self.x)

    def update(self) -> None:
        w, b, x = self.w.value, self.b.value, self.x.value
        self.curve.set_ydata(neuron_output(self.xs, w, b))
        y_hat = float(neuron_output(x, w, b))
        self.point.set_data([x], [y_hat])
        middle = midpoint(w, b)
        visible = middle is not None and X_RANGE[0] <= middle <= X_RANGE[1]
        self.middle.set_visible(visible)
        if visible:
            self.middle.set_xdata([middle, middle])
        z = w * x + b
        self.status.value = (
            f"ŷ = σ({_signed(w)}·{_signed(x)} + {_signed(b)}) = σ({fmt(float(z), decimals=2)}) = "
            f"<b>{fmt(y_hat, decimals=3)}</b>"
        )


def layer_positions(sizes: Sequence[int]) -> list[np.ndarray]:
    """Node centres of a layered diagram: one column per layer, nodes centred vertically.

    Parameters
    ----------
    sizes
        Number of nodes per layer, input layer first, e.g. ``[3, 4, 2]``.

    Returns
    -------
    list of numpy.ndarray
        For layer l an array of shape ``(sizes[l], 2)`` with the (x, y) of each node,
        node 1 at the top.
    """
    if len(sizes) < 2 or any(int(n) < 1 for n in sizes):
        raise ValueError(f"draw_network: expected at least two layer sizes >= 1, but received {list(sizes)}")
    positions = []
    for layer, n in enumerate(sizes):
        ys = (n - 1) / 2 - np.arange(n, dtype=float)
        positions.append(np.column_stack([np.full(n, LAYER_GAP * layer), ys]))
    return positions


def draw_network(ax: Axes, sizes: Sequence[int], *, highlight: tuple[int, int, int] | None = (1, 2, 1)) -> None:
    """Draw a fully connected network with the course notation on ``ax``.

    Inputs are labelled x_k, hidden nodes a^(l)_j and outputs ŷ_j; one weight
    w^(l)_jk, to node j in layer l from node k in layer l−1, is highlighted and named.

    Parameters
    ----------
    ax
        The axes to draw on (its ticks and grid are switched off).
    sizes
        Number of nodes per layer, input layer first, e.g. ``[3, 4, 2]``; layer l has
        ``sizes[l]`` nodes, so the network has ``L = len(sizes) - 1`` layers with weights.
    highlight
        ``(l, j, k)`` of the weight to mark (1-based j and k as in the text), or None.
    """
    positions = layer_positions(sizes)
    n_layers = len(sizes) - 1
    for layer in range(1, n_layers + 1):
        for start in positions[layer - 1]:
            for end in positions[layer]:
                ax.plot(*zip(start, end), color="grey", linewidth=0.8, alpha=0.6, zorder=1)
    if highlight is not None:
        layer, j, k = highlight
        if not (1 <= layer <= n_layers and 1 <= j <= sizes[layer] and 1 <= k <= sizes[layer - 1]):
            raise ValueError(
                f"draw_network: expected highlight (l, j, k) with 1 <= l <= {n_layers}, j and k inside "
                f"the layers, but received {highlight}"
            )
        start, end = positions[layer - 1][k - 1], positions[layer][j - 1]
        ax.plot(*zip(start, end), color=COLORS[1], linewidth=3.0, zorder=2)
        label_at = start + 0.5 * (end - start)
        ax.text(
            *label_at, f"$w^{{({layer})}}_{{{j}{k}}}$", ha="center", va="center", fontsize=15,
            color=COLORS[1], zorder=5,
            bbox=dict(boxstyle="round,pad=0.2", facecolor="white", edgecolor=COLORS[1]),
        )
    for layer, nodes in enumerate(positions):
        color = COLORS[0] if layer == 0 else COLORS[5] if layer < n_layers else COLORS[2]
        for index, (x, y) in enumerate(nodes, start=1):
            ax.add_patch(Circle((x, y), 0.3, facecolor="white", edgecolor=color, linewidth=2.0, zorder=3))
            if layer == 0:
                text = f"$x_{{{index}}}$"
            elif layer == n_layers:
                text = f"$\\hat y_{{{index}}}$"
            else:
                text = f"$a^{{({layer})}}_{{{index}}}$"
            ax.text(x, y, text, ha="center", va="center", fontsize=11, zorder=4)
    bottom = min(float(nodes[:, 1].min()) for nodes in positions) - 0.5
    for layer in range(len(sizes)):
        if layer == 0:
            name = t("welcome.input_layer")
        elif layer == n_layers:
            name = t("welcome.output_layer")
        else:
            name = t("welcome.hidden_layer")
        ax.text(LAYER_GAP * layer, bottom, f"{name}\n$l = {layer}$", ha="center", va="top", fontsize=11)
    ax.set_xlim(-0.8, LAYER_GAP * n_layers + 0.8)
    top = max(float(nodes[:, 1].max()) for nodes in positions) + 0.6
    ax.set_ylim(bottom - 1.0, top)
    ax.set_aspect("equal")
    ax.axis("off")
