"""Chapter 03: an architecture builder.

:class:`ArchitectureBuilder` lets the reader choose the input size, the number of hidden
layers, the neurons per layer, the hidden and output activations and the output size. It
builds the network with :func:`nnlib.model.MLP`, draws its diagram from the sizes of the
network's actual Dense layers (very wide layers are collapsed with "…"), shows the
parameter count, and plots the function that the randomly initialised network computes
over a 1-D or 2-D input. A button draws new random weights.

:func:`draw_diagram` draws the same diagram on any axes, for static figures in the lesson.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.lines import Line2D

from course.i18n import t
from course.numbers import fmt
from course.plots import COLORS
from course.widgets.base import FigureWidget
from course.widgets.controls import int_slider
from nnlib.layers import Dense
from nnlib.model import MLP, Sequential

HIDDEN_ACTIVATIONS = ("relu", "leaky_relu", "tanh", "sigmoid", "identity")
OUTPUT_ACTIVATIONS = ("identity", "sigmoid", "softmax", "relu")

#: Input range of the function plot (both axes for two inputs).
INPUT_RANGE = (-3.0, 3.0)

#: Columns (layers, input and output included) the builder draws at most: 6 hidden layers.
MAX_LAYERS = 8

#: Colours of input, hidden and output nodes.
ROLE_COLORS = (COLORS[0], COLORS[5], COLORS[2])


def architecture_sizes(n_in: int, n_hidden_layers: int, width: int, n_out: int) -> list[int]:
    """Layer sizes ``[n_in, width, …, width, n_out]`` with ``n_hidden_layers`` hidden layers.

    >>> architecture_sizes(2, 3, 8, 1)
    [2, 8, 8, 8, 1]
    """
    checks = ((n_in, "n_in", 1), (n_hidden_layers, "n_hidden_layers", 0), (width, "width", 1), (n_out, "n_out", 1))
    for value, name, minimum in checks:
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum:
            raise ValueError(
                f"architecture_sizes: expected {name} to be an integer >= {minimum}, but received {value!r}"
            )
    return [int(n_in)] + [int(width)] * int(n_hidden_layers) + [int(n_out)]


def dense_sizes(model: Sequential) -> list[int]:
    """The layer sizes of a network, read from its Dense layers: ``[n_in, n_1, …, n_out]``.

    Activation layers have no size of their own; they are skipped.
    """
    dense = [layer for layer in model.layers if isinstance(layer, Dense)]
    if not dense:
        raise ValueError(f"dense_sizes: expected a model with at least one Dense layer, but received {model!r}")
    return [dense[0].n_in] + [layer.n_out for layer in dense]


def parameter_counts(sizes: Sequence[int]) -> list[int]:
    """Parameters per layer: ``n_in·n_out`` weights plus ``n_out`` biases.

    >>> parameter_counts([2, 3, 1])
    [9, 4]
    """
    sizes = [int(n) for n in sizes]
    if len(sizes) < 2 or any(n < 1 for n in sizes):
        raise ValueError(f"parameter_counts: expected at least two layer sizes >= 1, but received {sizes}")
    return [n_in * n_out + n_out for n_in, n_out in zip(sizes[:-1], sizes[1:])]


def count_parameters(sizes: Sequence[int]) -> int:
    """All weights and biases of a fully connected network with these layer sizes."""
    return sum(parameter_counts(sizes))


@dataclass(frozen=True)
class Diagram:
    """What to draw for a network diagram.

    Attributes
    ----------
    nodes
        Node centres, shape ``(M, 2)``.
    roles
        0 for input, 1 for hidden, 2 for output nodes, shape ``(M,)``.
    edges
        Line segments between drawn nodes of neighbouring layers, shape ``(E, 2, 2)``.
    ellipses
        Where "…" stands for the nodes left out of a wide layer, shape ``(K, 2)``.
    sizes
        The true layer sizes the diagram stands for.
    max_nodes
        Most nodes drawn per layer.
    """

    nodes: np.ndarray
    roles: np.ndarray
    edges: np.ndarray
    ellipses: np.ndarray
    sizes: tuple[int, ...]
    max_nodes: int = 8

    @property
    def height(self) -> int:
        """Number of node slots in the tallest drawn layer."""
        return max(_slots(n, self.max_nodes) for n in self.sizes)


def _slots(size: int, max_nodes: int) -> int:
    return size if size <= max_nodes else 2 * (max_nodes // 2) + 1


def diagram_layout(sizes: Sequence[int], *, max_nodes: int = 8) -> Diagram:
    """Node positions, edges and "…" marks for a fully connected network.

    A layer with more than ``max_nodes`` nodes is drawn as its first ``max_nodes // 2``
    nodes, a "…", and its last ``max_nodes // 2`` nodes; edges join every drawn node to
    every drawn node of the next layer.

    Parameters
    ----------
    sizes
        Layer sizes, input first, e.g. ``[2, 64, 64, 1]``.
    max_nodes
        Most nodes drawn per layer (≥ 2).

    Returns
    -------
    Diagram
    """
    sizes = [int(n) for n in sizes]
    if len(sizes) < 2 or any(n < 1 for n in sizes):
        raise ValueError(f"diagram_layout: expected at least two layer sizes >= 1, but received {sizes}")
    if max_nodes < 2:
        raise ValueError(f"diagram_layout: expected max_nodes >= 2, but received {max_nodes}")
    columns, roles, ellipses = [], [], []
    last = len(sizes) - 1
    for layer, size in enumerate(sizes):
        slots = _slots(size, max_nodes)
        ys = (slots - 1) / 2 - np.arange(slots, dtype=float)
        if size > max_nodes:
            half = max_nodes // 2
            ellipses.append((float(layer), ys[half]))
            ys = np.concatenate([ys[:half], ys[half + 1 :]])
        columns.append(np.column_stack([np.full(ys.size, float(layer)), ys]))
        roles.append(np.full(ys.size, 0 if layer == 0 else 2 if layer == last else 1))
    edges = [
        np.array([start, end])
        for left, right in zip(columns[:-1], columns[1:])
        for start in left
        for end in right
    ]
    return Diagram(
        nodes=np.concatenate(columns),
        roles=np.concatenate(roles),
        edges=np.array(edges),
        ellipses=np.array(ellipses).reshape(-1, 2),
        sizes=tuple(sizes),
        max_nodes=max_nodes,
    )


class DiagramArtists:
    """The matplotlib artists of a network diagram on ``ax``, redrawn in place by :meth:`show`.

    The axes keeps the limits 0…1 in both directions and the diagram is scaled into them
    (what ``set_xlim``/``set_ylim`` around it would show), and the "⋮" and size labels are
    reused from one diagram to the next, so a new diagram changes only these artists'
    data: a redraw draws them, not the whole axes.
    """

    def __init__(self, ax: Axes) -> None:
        self.ax = ax
        self.edge_lines = LineCollection([], colors="grey", linewidths=0.6, alpha=0.5, zorder=1)
        ax.add_collection(self.edge_lines)
        self.node_marks = ax.scatter([], [], s=110, zorder=3, edgecolors="black", linewidths=0.6)
        self.texts: list = []  # the texts shown now: "⋮" marks, then the layer sizes
        # Texts for up to MAX_LAYERS columns, made now: a new artist would change the axes.
        self._ellipsis_pool = [ax.text(0, 0, "⋮", ha="center", va="center", fontsize=16, visible=False)
                               for _ in range(MAX_LAYERS)]
        self._size_pool = [ax.text(0, 0, "", ha="center", va="top", fontsize=11, visible=False)
                           for _ in range(MAX_LAYERS)]
        ax.axis("off")
        ax.set_xlim(0.0, 1.0)
        ax.set_ylim(0.0, 1.0)
        handles = [
            Line2D([], [], marker="o", linestyle="", markersize=9, markerfacecolor=color, markeredgecolor="black")
            for color in ROLE_COLORS
        ]
        names = [t("architecture.input_layer"), t("architecture.hidden_layer"), t("architecture.output_layer")]
        legend = ax.legend(handles, names, loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=3, fontsize=10,
                           frameon=False)
        # Under the diagram, where nothing overlaps it: drawn first, it stays in the background
        # while the diagram changes (the picture is the same in either order).
        legend.set_zorder(0.5)

    @staticmethod
    def _texts(pool: list, count: int, make) -> list:
        while len(pool) < count:  # a diagram with more layers than MAX_LAYERS
            pool.append(make())
        for index, text in enumerate(pool):
            text.set_visible(index < count)
        return pool[:count]

    def show(self, diagram: Diagram) -> None:
        ax = self.ax
        half = diagram.height / 2
        # The diagram's own coordinates (layer, slot) in the box x ∈ [-0.5, L - 0.5],
        # y ∈ [-half - 1.3, half + 0.3], scaled to the axes' 0…1.
        x0, x_span = -0.5, len(diagram.sizes)
        y0, y_span = -half - 1.3, 2 * half + 1.6

        def scaled(points: np.ndarray) -> np.ndarray:
            return (np.asarray(points, dtype=float).reshape(-1, 2) - (x0, y0)) / (x_span, y_span)

        self.edge_lines.set_segments(list(scaled(diagram.edges).reshape(-1, 2, 2)))
        self.node_marks.set_offsets(scaled(diagram.nodes))
        self.node_marks.set_facecolors([ROLE_COLORS[role] for role in diagram.roles])
        marks = self._texts(self._ellipsis_pool, len(diagram.ellipses),
                            lambda: ax.text(0, 0, "⋮", ha="center", va="center", fontsize=16))
        for text, position in zip(marks, scaled(diagram.ellipses)):
            text.set_position(position)
        sizes = self._texts(self._size_pool, len(diagram.sizes),
                            lambda: ax.text(0, 0, "", ha="center", va="top", fontsize=11))
        for layer, (text, size) in enumerate(zip(sizes, diagram.sizes)):
            text.set_position(scaled([layer, -half - 0.3])[0])
            text.set_text(f"{size}")
        self.texts = marks + sizes


def draw_diagram(ax: Axes, sizes: Sequence[int], *, max_nodes: int = 8) -> DiagramArtists:
    """Draw the diagram of a fully connected network with layer ``sizes`` on ``ax``.

    The number under each column is the layer's true size; wide layers are collapsed with "⋮".
    """
    artists = DiagramArtists(ax)
    artists.show(diagram_layout(sizes, max_nodes=max_nodes))
    return artists


def random_network(
    sizes: Sequence[int],
    activation: str = "relu",
    output: str | None = None,
    *,
    seed: int = 0,
    bias_scale: float = 1.0,
) -> Sequential:
    """A randomly initialised MLP with random biases too.

    :func:`nnlib.model.MLP` starts every bias at zero, as training does. A network of
    ReLUs with zero biases bends only at x = 0 for one input, so to show the variety of
    functions a network of this shape *can* compute, the biases are drawn from
    N(0, bias_scale²) as well. Everything comes from ``numpy.random.default_rng(seed)``.

    Returns
    -------
    nnlib.model.Sequential
    """
    if bias_scale < 0:
        raise ValueError(f"random_network: expected bias_scale >= 0, but received {bias_scale}")
    rng = np.random.default_rng(seed)
    model = MLP(list(sizes), activation=activation, output=output, rng=rng)
    for layer in model.layers:
        if isinstance(layer, Dense):
            layer.params["b"][...] = rng.normal(0.0, bias_scale, size=layer.n_out)
    return model


def function_grid(n_in: int, resolution: int) -> tuple[np.ndarray, tuple[np.ndarray, ...]]:
    """Inputs at which to plot a network's function.

    For one input: ``resolution`` points in :data:`INPUT_RANGE`. For two or more: a
    ``resolution × resolution`` grid over (x_1, x_2) with every other input 0 (a slice).

    Returns
    -------
    (numpy.ndarray, tuple of numpy.ndarray)
        ``X`` of shape ``(P, n_in)`` and the axes to plot against: ``(x,)`` of shape
        ``(resolution,)`` for one input, ``(g1, g2)`` of shape ``(resolution, resolution)``
        for more.
    """
    if n_in < 1 or resolution < 2:
        raise ValueError(f"function_grid: expected n_in >= 1 and resolution >= 2, but received {n_in}, {resolution}")
    line = np.linspace(*INPUT_RANGE, resolution)
    if n_in == 1:
        return line[:, None], (line,)
    g1, g2 = np.meshgrid(line, line)
    X = np.zeros((g1.size, n_in))
    X[:, 0], X[:, 1] = g1.ravel(), g2.ravel()
    return X, (g1, g2)


def _set_view(ax: Axes, xlim: tuple, ylim: tuple, xlabel: str, ylabel: str) -> None:
    """Set limits and axis labels, leaving alone those that stay the same.

    Setting a label or limits marks the axis as changed even when they are the same, and a
    changed axis is drawn again on every redraw (see :mod:`course.widgets.render`).
    """
    if tuple(ax.get_xlim()) != tuple(xlim):
        ax.set_xlim(*xlim)
    if tuple(ax.get_ylim()) != tuple(ylim):
        ax.set_ylim(*ylim)
    if ax.get_xlabel() != xlabel:
        ax.set_xlabel(xlabel)
    if ax.get_ylabel() != ylabel:
        ax.set_ylabel(ylabel)


class ArchitectureBuilder(FigureWidget):
    """Choose the architecture; see the diagram, the parameter count and a random network's function.

    Attributes used by tests: the controls ``n_in``, ``n_hidden_layers``, ``width``,
    ``activation``, ``output``, ``n_out``, ``new_weights``; ``model`` (the current
    :class:`nnlib.model.Sequential`), ``sizes``, ``n_params``, ``seed``, ``diagram``
    (:class:`DiagramArtists`), ``lines`` (one per output, 1-D input), ``image`` (2-D
    input), ``note`` (what the 2-D picture shows), ``status``.
    """

    def __init__(
        self,
        n_in: int = 1,
        n_hidden_layers: int = 2,
        width: int = 8,
        activation: str = "relu",
        output: str = "identity",
        n_out: int = 1,
        seed: int = 0,
    ) -> None:
        super().__init__(ncols=2, figsize=(12.0, 4.8))
        wide = {"description_width": "initial"}
        heavy = {"continuous_update": False, "style": wide}
        self.seed = seed
        self.n_in = int_slider(t("architecture.n_in"), value=n_in, min=1, max=6, **heavy)
        self.n_hidden_layers = int_slider(t("architecture.n_hidden_layers"), value=n_hidden_layers, min=0, max=6, **heavy)
        self.width = int_slider(t("architecture.width"), value=width, min=1, max=64, **heavy)
        self.activation = widgets.Dropdown(
            options=[(t(f"architecture.act.{name}"), name) for name in HIDDEN_ACTIVATIONS],
            value=activation,
            description=t("architecture.activation"),
            style=wide,
        )
        self.output = widgets.Dropdown(
            options=[(t(f"architecture.act.{name}"), name) for name in OUTPUT_ACTIVATIONS],
            value=output,
            description=t("architecture.output"),
            style=wide,
        )
        self.n_out = int_slider(t("architecture.n_out"), value=n_out, min=1, max=5, **heavy)
        # Wide enough for the whole label in both languages ("nya slumpade vikter").
        self.new_weights = widgets.Button(
            description=t("architecture.new_weights"), icon="refresh", layout=widgets.Layout(width="auto")
        )
        self.new_weights.on_click(self._next_seed)

        left, right = self.axes
        self.diagram = DiagramArtists(left)
        self.lines = [right.plot([], [], color=COLORS[i], label=f"$\\hat y_{i + 1}$")[0] for i in range(5)]
        self.image = right.imshow(
            np.zeros((2, 2)), origin="lower", extent=(*INPUT_RANGE, *INPUT_RANGE), cmap="viridis", aspect="auto"
        )
        self.colorbar = self.fig.colorbar(self.image, ax=right)
        self.note = right.text(
            0.02, 0.98, "", transform=right.transAxes, va="top", ha="left", fontsize=10,
            bbox=dict(boxstyle="round,pad=0.3", facecolor="white", edgecolor="none", alpha=0.85),
        )
        right.grid(False)
        # The ticks point outwards and there is no grid, so the axes' ticks and labels do not
        # touch the picture: drawn before it, they stay in the background while it changes.
        for axis in (right.xaxis, right.yaxis):
            axis.set_zorder(-0.5)
        self.model: Sequential | None = None
        self.sizes: list[int] = []
        self.n_params = 0
        self._legend_outputs: int | None = None  # how many outputs the curves' legend lists
        left.set_title(" ")
        right.set_title(" ")
        self.fig.tight_layout()
        self.watch(
            self.n_in, self.n_hidden_layers, self.width, self.activation, self.output, self.n_out, self.new_weights
        )

    def _next_seed(self, _button) -> None:
        # Registered before watch(), so the new seed is in place when refresh() runs.
        self.seed += 1

    def update(self) -> None:
        n_in, n_out = self.n_in.value, self.n_out.value
        sizes = architecture_sizes(n_in, self.n_hidden_layers.value, self.width.value, n_out)
        output = None if self.output.value == "identity" else self.output.value
        self.model = random_network(sizes, self.activation.value, output, seed=self.seed)
        self.sizes = dense_sizes(self.model)
        self.n_params = self.model.n_params()
        left, right = self.axes

        self.diagram.show(diagram_layout(self.sizes))
        hidden = len(self.sizes) - 2
        kind = "deep" if hidden >= 2 else "shallow" if hidden == 1 else "no_hidden"
        left.set_title(t("architecture.diagram_title", sizes=self.sizes, kind=t(f"architecture.{kind}")))

        X, axes = function_grid(n_in, 201 if n_in == 1 else 61)
        Y = self.model.forward(X)
        one_input = n_in == 1
        note = ""
        self.image.set_visible(not one_input)
        self.colorbar.ax.set_visible(not one_input)
        for index, line in enumerate(self.lines):
            line.set_visible(one_input and index < n_out)
        if one_input:
            (x,) = axes
            for index in range(n_out):
                self.lines[index].set_data(x, Y[:, index])
            low, high = float(Y.min()), float(Y.max())
            pad = max(high - low, 0.1) * 0.1
            _set_view(right, INPUT_RANGE, (low - pad, high + pad), t("architecture.x"), t("architecture.y"))
            if self._legend_outputs != n_out or right.get_legend() is None:
                # Made again only when it lists other outputs (a new legend is a new artist, so
                # the whole plot would be drawn again); loc="best" still places it at every draw.
                right.legend(handles=self.lines[:n_out], loc="best", fontsize=9)
                self._legend_outputs = n_out
            right.set_title(t("architecture.function_title", seed=self.seed))
        else:
            g1, _ = axes
            surface = Y[:, 0].reshape(g1.shape)
            self.image.set_data(surface)
            low, high = float(surface.min()), float(surface.max())
            self.image.set_clim(low, high if high > low else low + 1e-9)
            _set_view(right, INPUT_RANGE, INPUT_RANGE, "$x_1$", "$x_2$")
            legend = right.get_legend()
            if legend is not None:
                legend.remove()
            self._legend_outputs = None
            right.set_title(t("architecture.surface_title", seed=self.seed))
            notes = []
            if n_out > 1:
                notes.append(t("architecture.first_output", n_out=n_out))
            if n_in > 2:
                notes.append(t("architecture.slice", rest=", ".join(f"$x_{k}$" for k in range(3, n_in + 1))))
            note = "\n".join(notes)
        self.note.set_text(note)
        self.note.set_visible(bool(note))

        terms = " + ".join(f"({a}·{b} + {b})" for a, b in zip(self.sizes[:-1], self.sizes[1:]))
        self.status.value = t("architecture.status", n_params=fmt(self.n_params), terms=terms, sizes=self.sizes)
