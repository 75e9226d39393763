"""Chapter 02's "stack N layers" demo: N random fully connected layers, with nothing or
ReLU between them.

With nothing between them the output stays a straight line (a plane for two inputs) and
equals one collapsed layer W = W_N ⋯ W_1 (:func:`collapse_linear`); with ReLU it bends
into linear pieces (:func:`find_kinks` counts them).
"""

from __future__ import annotations

import contourpy
import ipywidgets as widgets
import numpy as np
from matplotlib.collections import LineCollection

from course.i18n import t
from course.numbers import fmt
from course.plots import COLORS
from course.widgets.activation_curves import affine_text, padded_limits
from course.widgets.base import FigureWidget
from course.widgets.controls import int_slider
from nnlib import activations


#: Input range of the stacking demo (both axes for the 2-D input).
STACK_RANGE = (-3.0, 3.0)

Layers = list[tuple[np.ndarray, np.ndarray]]


def random_stack(
    n_layers: int, width: int, n_in: int, *, rng: np.random.Generator | int | None = None
) -> Layers:
    """Random weights for ``n_layers`` fully connected layers n_in → width → … → width → 1.

    Weights are drawn from N(0, 2/n_in) (He scale) and biases from N(0, 1), so that with
    ReLU between the layers the kinks fall inside the plotted range.

    Parameters
    ----------
    n_layers
        Number of layers with weights, ≥ 1 (one layer maps n_in straight to 1 output).
    width
        Number of units in every layer but the last.
    n_in
        Number of inputs.
    rng
        A ``numpy.random.Generator`` or an int seed.

    Returns
    -------
    list of (W, b)
        Layer l has ``W`` of shape ``(n_out, n_in)`` and ``b`` of shape ``(n_out,)``.
    """
    for value, label in ((n_layers, "n_layers"), (width, "width"), (n_in, "n_in")):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
            raise ValueError(f"random_stack: expected {label} to be an integer >= 1, but received {value!r}")
    rng = np.random.default_rng(rng) if not isinstance(rng, np.random.Generator) else rng
    sizes = [n_in] + [width] * (n_layers - 1) + [1]
    return [
        (rng.normal(0.0, np.sqrt(2.0 / fan_in), size=(fan_out, fan_in)), rng.normal(0.0, 1.0, size=fan_out))
        for fan_in, fan_out in zip(sizes[:-1], sizes[1:])
    ]


def stack_forward(X: np.ndarray, layers: Layers, between: str = "linear") -> np.ndarray:
    """Push a batch through the layers, with ``between`` ("linear" or "relu") after every layer but the last.

    Parameters
    ----------
    X
        Inputs of shape ``(N, n_in)``.
    layers
        ``[(W, b), …]`` as returned by :func:`random_stack`.
    between
        "linear" (nothing between the layers) or "relu".

    Returns
    -------
    numpy.ndarray
        The outputs, shape ``(N, n_out)`` of the last layer.
    """
    if between not in ("linear", "relu"):
        raise ValueError(f"stack_forward: expected between to be 'linear' or 'relu', but received {between!r}")
    A = np.asarray(X, dtype=float)
    for index, (W, b) in enumerate(layers):
        A = A @ W.T + b
        if between == "relu" and index < len(layers) - 1:
            A = activations.relu(A)
    return A


def collapse_linear(layers: Layers) -> tuple[np.ndarray, np.ndarray]:
    """The single layer that equals the linear stack: W = W_N ⋯ W_2 W_1 and the combined bias.

    Layer by layer, W_l (W x + b) + b_l = (W_l W) x + (W_l b + b_l).

    Returns
    -------
    (numpy.ndarray, numpy.ndarray)
        ``W`` of shape ``(n_out, n_in)`` and ``b`` of shape ``(n_out,)``.
    """
    if not layers:
        raise ValueError("collapse_linear: expected at least one layer, but received none")
    W, b = layers[0]
    W, b = W.copy(), b.copy()
    for W_next, b_next in layers[1:]:
        W, b = W_next @ W, W_next @ b + b_next
    return W, b


def find_kinks(x: np.ndarray, y: np.ndarray, *, tol: float = 1e-3) -> np.ndarray:
    """Where a sampled piecewise-linear curve y(x) bends, found from the slopes between samples.

    A kink between two samples changes the slope of one or two neighbouring intervals, so
    each run of consecutive slope changes counts as one kink, placed at its middle.
    Slope changes smaller than ``tol·(1 + max |slope|)`` are rounding, not kinks.

    Parameters
    ----------
    x
        Increasing sample positions, shape ``(N,)``.
    y
        Curve values, shape ``(N,)``.
    tol
        Relative size of the smallest slope change that counts.

    Returns
    -------
    numpy.ndarray
        The x of each kink, shape ``(K,)``; the curve has K + 1 linear pieces.
    """
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if x.ndim != 1 or x.shape != y.shape or x.size < 3:
        raise ValueError(
            f"find_kinks: expected x and y of the same shape (N,) with N >= 3, but received {x.shape} and {y.shape}"
        )
    slopes = np.diff(y) / np.diff(x)
    changed = np.abs(np.diff(slopes)) > tol * (1.0 + np.max(np.abs(slopes)))
    kinks = []
    index = 0
    while index < changed.size:
        if changed[index]:
            start = index
            while index + 1 < changed.size and changed[index + 1]:
                index += 1
            # changed[i] compares the slopes on both sides of sample i + 1.
            kinks.append(0.5 * (x[start + 1] + x[index + 1]))
        index += 1
    return np.array(kinks)


class StackedLayersWidget(FigureWidget):
    """Slider for the number of layers N, linear vs ReLU between them, new random weights.

    Left: the output g(x) of one input x, with the collapsed single layer dashed when the
    stack is linear. Right: the output for two inputs as colour with contour lines
    (parallel straight lines for a linear stack).

    Attributes used by tests: ``n_layers``, ``between``, ``width``, ``new_weights``
    (controls), ``curve``, ``collapsed``, ``kinks``, ``image``, ``contours`` (a
    ``LineCollection`` of the contour lines) (artists), ``pieces`` (linear pieces of g along x), ``seed``, ``status``.
    """

    def __init__(self, n_layers: int = 3, between: str = "linear", width: int = 8, seed: int = 0) -> None:
        super().__init__(ncols=2, figsize=(11.0, 4.3))
        wide = {"description_width": "initial"}
        self.seed = seed
        self.n_layers = int_slider(t("activations.n_layers"), value=n_layers, min=1, max=8, style=wide)
        self.width = int_slider(t("activations.width"), value=width, min=2, max=16, style=wide)
        self.between = widgets.ToggleButtons(
            options=[(t("activations.linear"), "linear"), ("ReLU", "relu")],
            value=between,
            description=t("activations.between"),
            style=wide,
        )
        # Wide enough for the whole label in both languages ("nya slumpade vikter").
        self.new_weights = widgets.Button(
            description=t("activations.new_weights"), icon="refresh", layout=widgets.Layout(width="auto")
        )
        self.new_weights.on_click(self._next_seed)

        self.x = np.linspace(*STACK_RANGE, 601)
        grid = np.linspace(*STACK_RANGE, 81)
        self.g1, self.g2 = np.meshgrid(grid, grid)
        self.grid_points = np.column_stack([self.g1.ravel(), self.g2.ravel()])

        left, right = self.axes
        (self.curve,) = left.plot([], [], color=COLORS[0], label="$g(x)$")
        (self.collapsed,) = left.plot([], [], color=COLORS[1], linestyle="--", label=t("activations.collapsed"))
        (self.kinks,) = left.plot([], [], "o", color=COLORS[3], markersize=6, label=t("activations.kinks"))
        left.set_xlim(*STACK_RANGE)
        left.set_xlabel(t("activations.x"))
        left.set_ylabel(t("activations.output"))
        self.image = right.imshow(
            np.zeros_like(self.g1), origin="lower", extent=(*STACK_RANGE, *STACK_RANGE), cmap="viridis", aspect="auto"
        )
        # The contour lines as one collection whose segments are replaced on every change
        # (traced by contourpy, as matplotlib's contour does): the plot keeps its artists.
        self.contours = LineCollection([], colors="white", linewidths=1.0, linestyles="solid", zorder=2)
        right.add_collection(self.contours, autolim=False)
        self._legend_between: str | None = None  # which curves the left legend lists
        right.set_xlabel("$x_1$")
        right.set_ylabel("$x_2$")
        right.set_title(t("activations.stack_title_2d"))
        right.grid(False)
        self.pieces = 1
        left.set_title(" ")
        self.fig.tight_layout()
        self.watch(self.n_layers, self.width, self.between, self.new_weights)

    def _next_seed(self, _button) -> None:
        # Registered before watch(), so the new seed is in place when refresh() runs.
        self.seed += 1

    def update(self) -> None:
        n_layers, width, between = self.n_layers.value, self.width.value, self.between.value
        rng = np.random.default_rng(self.seed)
        layers_1d = random_stack(n_layers, width, 1, rng=rng)
        layers_2d = random_stack(n_layers, width, 2, rng=rng)
        left, right = self.axes

        y = stack_forward(self.x[:, None], layers_1d, between)[:, 0]
        self.curve.set_data(self.x, y)
        kinks = find_kinks(self.x, y)
        self.pieces = len(kinks) + 1
        self.kinks.set_data(kinks, np.interp(kinks, self.x, y))
        if between == "linear":
            W, b = collapse_linear(layers_1d)
            collapsed = self.x * W[0, 0] + b[0]
            self.collapsed.set_data(self.x, collapsed)
            self.collapsed.set_visible(True)
            gap = float(np.max(np.abs(collapsed - y)))
            self.status.value = t(
                "activations.status_linear", n=n_layers, formula=affine_text(W[0, 0], b[0]), gap=fmt(gap, digits=2)
            )
        else:
            self.collapsed.set_visible(False)
            self.status.value = t("activations.status_relu", n=n_layers, pieces=self.pieces)
        left.set_ylim(*padded_limits(y))
        if self._legend_between != between:  # a new legend is a new artist: only when it lists others
            shown = [self.curve, self.collapsed if between == "linear" else self.kinks]
            left.legend(handles=shown, loc="upper left", fontsize=10)
            self._legend_between = between
        left.set_title(t("activations.stack_title_1d", n=n_layers))

        surface = stack_forward(self.grid_points, layers_2d, between)[:, 0].reshape(self.g1.shape)
        self.image.set_data(surface)
        low, high = float(surface.min()), float(surface.max())
        if high - low < 1e-12:
            high = low + 1e-12
        self.image.set_clim(low, high)
        levels = np.linspace(low, high, 12)[1:-1]
        tracer = contourpy.contour_generator(self.g1, self.g2, surface, name="mpl2014", line_type="SeparateCode")
        # A closed line ends on its first point, so its points alone draw it whole.
        self.contours.set_segments(
            [line for level in levels for line in tracer.lines(level)[0] if len(line) >= 2]
        )
