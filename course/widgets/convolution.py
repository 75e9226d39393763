"""Convolution widgets and plots for chapter 10 (convolutional layers).

Two widgets, each recomputing with the pure functions below whenever a control moves:

- :class:`ConvolutionStepper`: a small grid of numbers and a 3×3 kernel; a step slider
  (and Previous/Next buttons) moves the window one position at a time, the status line
  writes out the nine products and their sum, and the feature map fills cell by cell.
  Padding and stride can be changed, and the output size follows the formula
  ``H_out = ⌊(H + 2p − k)/s⌋ + 1``;
- :class:`KernelExplorer`: a real 8×8 digit from ``nnlib.datasets.load_digits``, a 3×3
  kernel whose nine weights are typed into boxes (or chosen from presets: identity, blur,
  sharpen, edge, outline), and the feature map the kernel makes of the digit.

The course's convolution is the one every deep-learning library computes: a
*cross-correlation*, the kernel laid on the image as it is, not flipped,

    Y[i, j] = Σ_u Σ_v K[u, v] · X_pad[i·s + u, j·s + v].

The plotting helpers at the end draw the lesson's static figures (grids with numbers,
learned filters, feature maps, pooling), so the lesson's code cells show only the idea.
"""

from __future__ import annotations

import html
import re
from fractions import Fraction

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle

from course.i18n import t
from course.numbers import MINUS, fmt
from course.plots import COLORS, new_figure
from course.widgets.base import FigureWidget
from course.widgets.controls import int_slider, with_readout

# The worked example of the lesson: a bright bar in a dark 6×6 image, and a kernel that
# responds where bright lies above dark (a horizontal edge).
EXAMPLE_IMAGE = np.array(
    [
        [0, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 0],
        [0, 1, 2, 2, 1, 0],
        [0, 1, 2, 2, 1, 0],
        [0, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 0],
    ],
    dtype=float,
)
EXAMPLE_KERNEL = np.array([[1, 2, 1], [0, 0, 0], [-1, -2, -1]], dtype=float)

# Kernels for the explorer: each as (integer weights, common denominator), so the boxes can
# show exact fractions such as 1/9 and the weights are exact.
PRESETS: dict[str, tuple[tuple[tuple[int, ...], ...], int]] = {
    "identity": (((0, 0, 0), (0, 1, 0), (0, 0, 0)), 1),
    "box_blur": (((1, 1, 1), (1, 1, 1), (1, 1, 1)), 9),
    "gaussian_blur": (((1, 2, 1), (2, 4, 2), (1, 2, 1)), 16),
    "sharpen": (((0, -1, 0), (-1, 5, -1), (0, -1, 0)), 1),
    "horizontal_edge": (((1, 2, 1), (0, 0, 0), (-1, -2, -1)), 1),
    "outline": (((-1, -1, -1), (-1, 8, -1), (-1, -1, -1)), 1),
}
CUSTOM = "custom"


# Pure functions


def _as_image(image, owner: str) -> np.ndarray:
    try:
        array = np.asarray(image, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{owner}: expected an image, a 2-D array of numbers, but received {image!r:.60}") from None
    if array.ndim != 2 or array.size == 0:
        raise ValueError(f"{owner}: expected an image of shape (H, W), but received shape {array.shape}")
    return array


def _check_int(value, name: str, owner: str, minimum: int) -> int:
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)) or value < minimum:
        raise ValueError(f"{owner}: expected {name} to be an integer >= {minimum}, but received {value!r}")
    return int(value)


def output_size(size: int, kernel_size: int, stride: int = 1, padding: int = 0) -> int:
    """Rows (or columns) of the feature map: ``⌊(size + 2·padding − kernel_size) / stride⌋ + 1``.

    Raises ValueError when the kernel does not fit in the padded image.
    """
    size = _check_int(size, "size", "output_size", 1)
    kernel_size = _check_int(kernel_size, "kernel_size", "output_size", 1)
    stride = _check_int(stride, "stride", "output_size", 1)
    padding = _check_int(padding, "padding", "output_size", 0)
    if kernel_size > size + 2 * padding:
        raise ValueError(
            f"output_size: expected kernel_size <= size + 2*padding = {size + 2 * padding}, "
            f"but received kernel_size {kernel_size}"
        )
    return (size + 2 * padding - kernel_size) // stride + 1


def pad(image, padding: int) -> np.ndarray:
    """``image`` of shape ``(H, W)`` with ``padding`` rows and columns of zeros on every side."""
    image = _as_image(image, "pad")
    padding = _check_int(padding, "padding", "pad", 0)
    return np.pad(image, padding)


def window_origins(shape: tuple[int, int], kernel_size: int = 3, stride: int = 1, padding: int = 0) -> np.ndarray:
    """Top-left corners of every window in the padded image, in the order the kernel visits them.

    Row by row: one step of ``stride`` to the right, and at the end of a row back to the left
    edge and ``stride`` rows down. Returns shape ``(H_out · W_out, 2)``, each row ``(row, column)``.
    """
    rows = output_size(shape[0], kernel_size, stride, padding)
    cols = output_size(shape[1], kernel_size, stride, padding)
    i, j = np.meshgrid(np.arange(rows) * stride, np.arange(cols) * stride, indexing="ij")
    return np.column_stack([i.ravel(), j.ravel()])


def feature_map(image, kernel, stride: int = 1, padding: int = 0) -> np.ndarray:
    """The course's convolution (a cross-correlation, the kernel not flipped).

    ``Y[i, j] = Σ_u Σ_v kernel[u, v] · X_pad[i·stride + u, j·stride + v]`` for an ``image`` of
    shape ``(H, W)`` and a ``kernel`` of shape ``(k_H, k_W)``; returns shape ``(H_out, W_out)``.
    """
    image = _as_image(image, "feature_map")
    kernel = _as_image(kernel, "feature_map")
    stride = _check_int(stride, "stride", "feature_map", 1)
    padded = pad(image, padding)
    kH, kW = kernel.shape
    if kH > padded.shape[0] or kW > padded.shape[1]:
        raise ValueError(
            f"feature_map: expected a kernel no larger than the padded image {padded.shape}, "
            f"but received a kernel of shape {kernel.shape}"
        )
    windows = np.lib.stride_tricks.sliding_window_view(padded, (kH, kW))[::stride, ::stride]
    return np.einsum("ijuv,uv->ij", windows, kernel)


def flip(kernel) -> np.ndarray:
    """The kernel turned half a turn (upside down and left to right): ``K[::-1, ::-1]``.

    The mathematicians' convolution is the course's convolution with the flipped kernel.
    """
    return _as_image(kernel, "flip")[::-1, ::-1].copy()


def max_pool(image, size: int = 2) -> np.ndarray:
    """The largest value of every ``size × size`` block (stride ``size``, leftover edge dropped)."""
    image = _as_image(image, "max_pool")
    size = _check_int(size, "size", "max_pool", 1)
    rows, cols = image.shape[0] // size, image.shape[1] // size
    if rows == 0 or cols == 0:
        raise ValueError(f"max_pool: expected an image at least {size}×{size}, but received shape {image.shape}")
    blocks = image[: rows * size, : cols * size].reshape(rows, size, cols, size)
    return blocks.max(axis=(1, 3))


def conv_param_count(in_channels: int, out_channels: int, kernel_size: int = 3) -> int:
    """Weights and biases of a convolutional layer: ``C_out · (C_in · k · k + 1)``."""
    return out_channels * (in_channels * kernel_size * kernel_size + 1)


def dense_param_count(n_in: int, n_out: int) -> int:
    """Weights and biases of a fully connected layer: ``n_out · (n_in + 1)``."""
    return n_out * (n_in + 1)


def preset_kernel(name: str) -> np.ndarray:
    """The 3×3 preset kernel ``name`` (a key of :data:`PRESETS`) as floats."""
    if name not in PRESETS:
        raise ValueError(f"preset_kernel: expected one of {', '.join(PRESETS)}, but received {name!r}")
    weights, denominator = PRESETS[name]
    return np.array(weights, dtype=float) / denominator


def preset_texts(name: str) -> list[str]:
    """The nine weights of a preset as people type them, row by row: ``"1/9"``, ``"−1"``, ``"5"``."""
    weights, denominator = PRESETS[name]
    texts = []
    for row in weights:
        for weight in row:
            if weight == 0:
                texts.append("0")
            elif denominator == 1:
                texts.append(fmt(weight))
            else:
                fraction = Fraction(weight, denominator)
                sign = MINUS if fraction < 0 else ""
                texts.append(f"{sign}{abs(fraction.numerator)}/{fraction.denominator}")
    return texts


_NUMBER_RE = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")


def parse_weight(text: str) -> float | None:
    """A kernel weight typed by a person, or None if it is not a number.

    Accepts a decimal point or a decimal comma (``0.5``, ``0,5``), the minus sign − as well
    as ``-``, and a fraction ``a/b`` (``1/9``, ``−2/16``).
    """
    if not isinstance(text, str):
        return None
    cleaned = text.strip().replace(MINUS, "-").replace("\u2013", "-").replace(" ", "").replace("\u00a0", "")
    parts = cleaned.split("/")
    if len(parts) > 2 or not all(_NUMBER_RE.match(part) for part in parts):
        return None
    numbers = [float(part.replace(",", ".")) for part in parts]
    if len(numbers) == 2:
        if numbers[1] == 0:
            return None
        return numbers[0] / numbers[1]
    return numbers[0]


def product_terms(image, kernel, origin: tuple[int, int], padding: int = 0) -> tuple[np.ndarray, np.ndarray, float]:
    """The window at ``origin`` (top-left corner in the padded image), its products with the kernel, and their sum.

    Returns ``(window, products, total)``: two arrays of the kernel's shape and one number.
    """
    padded = pad(image, padding)
    kernel = _as_image(kernel, "product_terms")
    i, j = origin
    kH, kW = kernel.shape
    window = padded[i : i + kH, j : j + kW]
    if window.shape != kernel.shape:
        raise ValueError(
            f"product_terms: expected a window of shape {kernel.shape} at {origin}, but the padded image "
            f"{padded.shape} only has room for {window.shape}"
        )
    products = window * kernel
    return window, products, float(products.sum())


def sum_text(kernel, window) -> str:
    """``"1·0 + 2·0 + … + (−1)·2 = −4"``: the products written out in the notebook's language."""
    kernel = np.asarray(kernel, dtype=float).ravel()
    window = np.asarray(window, dtype=float).ravel()

    def number(value: float) -> str:
        text = fmt(float(value))
        return f"({text})" if value < 0 else text

    terms = " + ".join(f"{number(k)}·{number(x)}" for k, x in zip(kernel, window))
    return f"{terms} = {fmt(float(np.dot(kernel, window)))}"


# Drawing helpers


def draw_grid(ax, values, *, cmap="Greys", vmin=None, vmax=None, numbers: bool = True, decimals: int | None = None,
              fontsize: int = 12, mask=None, indices: bool = True):
    """Draw a 2-D array as coloured cells with its numbers written in them; returns the image.

    ``mask`` (boolean, same shape) hides cells (drawn empty, no number), for a feature map
    that is still being filled. ``indices`` labels the rows and columns 0, 1, 2, …
    """
    values = np.asarray(values, dtype=float)
    shown = np.where(mask, np.nan, values) if mask is not None else values
    finite = values[np.isfinite(values)] if mask is None else values[~np.asarray(mask) & np.isfinite(values)]
    if vmin is None:
        vmin = float(finite.min()) if finite.size else 0.0
    if vmax is None:
        vmax = float(finite.max()) if finite.size else 1.0
    if vmax <= vmin:
        vmax = vmin + 1.0
    image = ax.imshow(shown, cmap=cmap, vmin=vmin, vmax=vmax)
    rows, cols = values.shape
    ax.grid(False)
    # Cell borders as two line collections: far cheaper to lay out than minor ticks.
    ax.hlines(np.arange(-0.5, rows), -0.5, cols - 0.5, color="#999999", linewidth=0.6)
    ax.vlines(np.arange(-0.5, cols), -0.5, rows - 0.5, color="#999999", linewidth=0.6)
    if indices:
        ax.set_xticks(np.arange(cols))
        ax.set_yticks(np.arange(rows))
        ax.tick_params(length=0, labelsize=9)
    else:
        ax.set_xticks([])
        ax.set_yticks([])
    if numbers:
        cmap_object = plt.get_cmap(cmap)
        for (r, c), value in np.ndenumerate(values):
            if mask is not None and mask[r, c]:
                continue
            shade = cmap_object((value - vmin) / (vmax - vmin)) if np.isfinite(value) else (1, 1, 1, 1)
            dark = 0.299 * shade[0] + 0.587 * shade[1] + 0.114 * shade[2] < 0.5
            ax.text(c, r, fmt(float(value), decimals=decimals), ha="center", va="center", fontsize=fontsize,
                    color="white" if dark else "black")
    return image


def _symmetric_limit(values) -> float:
    values = np.asarray(values, dtype=float)
    limit = float(np.max(np.abs(values))) if values.size else 1.0
    return limit if limit > 0 else 1.0


def plot_example(image=EXAMPLE_IMAGE, kernel=EXAMPLE_KERNEL, result=None, *, titles=None):
    """The hand-worked example side by side: image, kernel and (if given) the feature map."""
    panels = [image, kernel] + ([result] if result is not None else [])
    titles = titles or [t("convolution.image"), t("convolution.kernel"), t("convolution.feature_map")]
    fig, axes = plt.subplots(1, len(panels), figsize=(3.6 * len(panels), 3.6),
                             gridspec_kw={"width_ratios": [np.asarray(p).shape[1] for p in panels]})
    for ax, panel, title, cmap in zip(axes, panels, titles, ("Greys", "RdBu", "RdBu")):
        limit = _symmetric_limit(panel)
        if cmap == "Greys":
            draw_grid(ax, panel, cmap=cmap, vmin=0, vmax=max(limit, 1.0))
        else:
            draw_grid(ax, panel, cmap=cmap, vmin=-limit, vmax=limit)
        ax.set_title(title)
    fig.tight_layout()
    return fig


def plot_digits(images, *, vmax: float = 16):
    """Grey-scale digits side by side, without ticks; ``images`` a sequence of ``(H, W)`` arrays."""
    images = [_as_image(image, "plot_digits") for image in images]
    fig, axes = plt.subplots(1, len(images), figsize=(2.5 * len(images), 2.6), squeeze=False)
    for ax, image in zip(axes[0], images):
        ax.imshow(image, cmap="gray_r", vmin=0, vmax=vmax)
        ax.set_xticks([])
        ax.set_yticks([])
    return fig


def plot_pooling(feature, size: int = 2):
    """A feature map with its ``size × size`` blocks outlined, and the max-pooled result."""
    feature = np.asarray(feature, dtype=float)
    pooled = max_pool(feature, size)
    limit = _symmetric_limit(feature)
    fig, (ax_in, ax_out) = plt.subplots(1, 2, figsize=(8.5, 4.0), gridspec_kw={"width_ratios": [feature.shape[1], pooled.shape[1] + 0.6]})
    draw_grid(ax_in, feature, cmap="RdBu", vmin=-limit, vmax=limit, fontsize=10)
    for r in range(pooled.shape[0]):
        for c in range(pooled.shape[1]):
            block = feature[r * size : (r + 1) * size, c * size : (c + 1) * size]
            u, v = np.unravel_index(np.argmax(block), block.shape)
            ax_in.add_patch(Rectangle((c * size - 0.5, r * size - 0.5), size, size, fill=False,
                                      edgecolor="black", linewidth=2.5))
            ax_in.add_patch(Rectangle((c * size + v - 0.45, r * size + u - 0.45), 0.9, 0.9, fill=False,
                                      edgecolor=COLORS[1], linewidth=1.5))
    draw_grid(ax_out, pooled, cmap="RdBu", vmin=-limit, vmax=limit, fontsize=11)
    rows, cols = feature.shape
    ax_in.set_title(t("convolution.pool_in", rows=rows, cols=cols))
    ax_out.set_title(t("convolution.pool_out", rows=pooled.shape[0], cols=pooled.shape[1]))
    fig.tight_layout()
    return fig


def plot_filters(weights, *, title: str | None = None, numbers: bool = True):
    """The 3×3 kernels of a Conv2D layer with one input channel, ``weights`` of shape ``(C_out, 1, k, k)``."""
    weights = np.asarray(weights, dtype=float)
    if weights.ndim != 4 or weights.shape[1] != 1:
        raise ValueError(
            f"plot_filters: expected weights of shape (C_out, 1, k, k), but received shape {weights.shape}"
        )
    count = weights.shape[0]
    fig, axes = plt.subplots(1, count, figsize=(1.7 * count, 2.2), squeeze=False)
    for k, ax in enumerate(axes[0]):
        kernel = weights[k, 0]
        limit = _symmetric_limit(kernel)
        draw_grid(ax, kernel, cmap="RdBu", vmin=-limit, vmax=limit, numbers=numbers, decimals=1, fontsize=8,
                  indices=False)
        ax.set_title(t("convolution.filter_number", k=k + 1), fontsize=10)
    if title:
        fig.suptitle(title)
    fig.subplots_adjust(left=0.01, right=0.99, bottom=0.02, top=0.8 if title else 0.86, wspace=0.12)
    return fig


def plot_feature_maps(image, maps, *, title: str | None = None):
    """One input image (8×8) and the feature maps one layer makes of it, ``maps`` of shape ``(C, H, W)``."""
    image = _as_image(image, "plot_feature_maps")
    maps = np.asarray(maps, dtype=float)
    count = maps.shape[0]
    fig, axes = plt.subplots(1, count + 1, figsize=(1.7 * (count + 1), 2.3))
    axes[0].imshow(image, cmap="gray_r")
    axes[0].set_title(t("convolution.image"), fontsize=10)
    top = float(maps.max()) if maps.size and maps.max() > 0 else 1.0
    for k, ax in enumerate(axes[1:]):
        ax.imshow(maps[k], cmap="magma", vmin=0, vmax=top)
        ax.set_title(t("convolution.map_number", k=k + 1), fontsize=10)
    for ax in axes:
        ax.set_xticks([])
        ax.set_yticks([])
        ax.grid(False)
    if title:
        fig.suptitle(title)
    fig.subplots_adjust(left=0.01, right=0.99, bottom=0.02, top=0.78 if title else 0.86, wspace=0.12)
    return fig


def plot_filtered_digits(image, kernels: dict[str, np.ndarray], padding: int = 1):
    """A digit and what each named kernel makes of it (the lesson's gallery of filters)."""
    image = _as_image(image, "plot_filtered_digits")
    fig, axes = plt.subplots(1, len(kernels) + 1, figsize=(2.3 * (len(kernels) + 1), 2.8))
    axes[0].imshow(image, cmap="gray_r")
    axes[0].set_title(t("convolution.image"), fontsize=10)
    for ax, (name, kernel) in zip(axes[1:], kernels.items()):
        result = feature_map(image, kernel, padding=padding)
        limit = _symmetric_limit(result)
        ax.imshow(result, cmap="RdBu", vmin=-limit, vmax=limit)
        ax.set_title(name, fontsize=10)
    for ax in axes:
        ax.set_xticks([])
        ax.set_yticks([])
        ax.grid(False)
    fig.subplots_adjust(left=0.01, right=0.99, bottom=0.02, top=0.88, wspace=0.12)
    return fig


# Widgets


class ConvolutionStepper(FigureWidget):
    """The kernel moved over a small grid one window at a time, filling the feature map.

    Left: the (padded) image with the current window outlined and the kernel's weight
    written small in each of its cells. Right: the feature map, filled up to the current
    window, whose cell is outlined. The status line writes out the nine products and their
    sum, and the output size from the formula.

    Parameters
    ----------
    image, kernel
        The grid (shape ``(H, W)``) and the kernel (shape ``(k, k)``); default: the lesson's example.

    Attributes used by tests: ``step``, ``padding``, ``stride`` (controls), ``previous``,
    ``next`` (buttons), ``window_patch``, ``cell_patch`` (outlines), ``map_image`` (the
    feature map's image; unfilled cells are NaN), ``origins``, ``result``, ``status``.
    """

    def __init__(self, image=EXAMPLE_IMAGE, kernel=EXAMPLE_KERNEL) -> None:
        super().__init__(ncols=2, figsize=(10.5, 4.6))
        self.image = _as_image(image, "ConvolutionStepper")
        self.kernel = _as_image(kernel, "ConvolutionStepper")
        if self.kernel.shape[0] != self.kernel.shape[1]:
            raise ValueError(f"ConvolutionStepper: expected a square kernel, but received shape {self.kernel.shape}")
        self.step = int_slider(t("convolution.position"), min=0, max=1, value=0)
        self.padding = widgets.ToggleButtons(options=[("0", 0), ("1", 1)], value=0,
                                             description=t("convolution.padding"),
                                             style={"button_width": "3em"})
        self.stride = widgets.ToggleButtons(options=[("1", 1), ("2", 2)], value=1,
                                            description=t("convolution.stride"),
                                            style={"button_width": "3em"})
        self.previous = widgets.Button(description=t("convolution.previous"), icon="arrow-left")
        self.next = widgets.Button(description=t("convolution.next"), icon="arrow-right")
        self.previous.on_click(lambda _button: self._move(-1))
        self.next.on_click(lambda _button: self._move(+1))
        self._layout_key = None
        self.padding.observe(lambda _change: self._relayout(), names="value")
        self.stride.observe(lambda _change: self._relayout(), names="value")
        self._relayout(refresh=False)
        self.watch(self.step, self.padding, self.stride)

    def _relayout(self, refresh: bool = True) -> None:
        """New padding or stride: new window positions, and the slider's range follows them."""
        k = self.kernel.shape[0]
        self.origins = window_origins(self.image.shape, k, self.stride.value, self.padding.value)
        self.result = feature_map(self.image, self.kernel, self.stride.value, self.padding.value)
        last = len(self.origins) - 1
        # Moving the range may move the value, which refreshes once through watch(); avoid a
        # second refresh by setting max before clamping.
        self.step.max = max(last, 1)
        if self.step.value > last:
            self.step.value = last

    def _move(self, delta: int) -> None:
        self.step.value = int(np.clip(self.step.value + delta, 0, len(self.origins) - 1))

    @property
    def widget(self) -> widgets.Widget:
        buttons = widgets.HBox([self.previous, self.next, with_readout(self.step)])
        settings = widgets.HBox([self.padding, self.stride])
        return widgets.VBox([buttons, settings, self.status, self.out])

    def update(self) -> None:
        k = self.kernel.shape[0]
        p, s = self.padding.value, self.stride.value
        position = min(self.step.value, len(self.origins) - 1)
        padded = pad(self.image, p)
        row, col = (int(v) for v in self.origins[position])
        window, _products, total = product_terms(self.image, self.kernel, (row, col), p)
        out_rows, out_cols = self.result.shape
        out_r, out_c = divmod(position, out_cols)

        ax_in, ax_out = self.axes
        ax_in.clear()
        ax_out.clear()
        top = max(float(np.max(np.abs(self.image))), 1.0)
        draw_grid(ax_in, padded, cmap="Greys", vmin=0, vmax=top * 1.6, fontsize=13)
        if p:
            for r in range(padded.shape[0]):
                for c in range(padded.shape[1]):
                    if r < p or c < p or r >= padded.shape[0] - p or c >= padded.shape[1] - p:
                        ax_in.add_patch(Rectangle((c - 0.5, r - 0.5), 1, 1, facecolor=COLORS[5], alpha=0.25,
                                                  edgecolor="none"))
        self.window_patch = Rectangle((col - 0.5, row - 0.5), k, k, fill=False, edgecolor=COLORS[1], linewidth=3)
        ax_in.add_patch(self.window_patch)
        for (u, v), weight in np.ndenumerate(self.kernel):
            ax_in.text(col + v + 0.42, row + u - 0.42, "×" + fmt(float(weight)), ha="right", va="top",
                       fontsize=8, color=COLORS[1])
        ax_in.set_title(t("convolution.stepper_input", rows=padded.shape[0], cols=padded.shape[1]))

        filled = np.zeros(self.result.shape, dtype=bool).ravel()
        filled[: position + 1] = True
        mask = ~filled.reshape(self.result.shape)
        limit = _symmetric_limit(self.result)
        self.map_image = draw_grid(ax_out, self.result, cmap="RdBu", vmin=-limit, vmax=limit, mask=mask, fontsize=13)
        self.cell_patch = Rectangle((out_c - 0.5, out_r - 0.5), 1, 1, fill=False, edgecolor=COLORS[1], linewidth=3)
        ax_out.add_patch(self.cell_patch)
        size = self.image.shape[0]
        formula = f"⌊({size} + 2·{p} − {k})/{s}⌋ + 1 = {out_rows}"
        ax_out.set_title(t("convolution.stepper_output", rows=out_rows, cols=out_cols, formula=formula))

        self.status.value = (
            t("convolution.stepper_status", step=position + 1, total=len(self.origins), i=out_r, j=out_c,
              rows=f"{row}–{row + k - 1}", cols=f"{col}–{col + k - 1}")
            + "<br>" + html.escape(f"Y[{out_r}, {out_c}] = " + sum_text(self.kernel, window))
        )
        self.current_value = total


class KernelExplorer(FigureWidget):
    """A 3×3 kernel typed into nine boxes, applied to a real 8×8 digit.

    Left: the digit; middle: the kernel with its weights; right: the feature map (red
    negative, blue positive), optionally through ReLU. Choosing a preset fills the boxes;
    editing a box switches the preset to "custom". The status line gives the sum of the
    kernel's weights and the range of the feature map, or names a box that holds no number.

    Parameters
    ----------
    digit
        Which digit 0–9 to show first.
    preset
        A key of :data:`PRESETS` to start with.

    Attributes used by tests: ``digit``, ``preset``, ``boxes`` (nine Text controls, row by
    row), ``padding``, ``relu`` (controls), ``kernel`` (the weights in use),
    ``input_image``, ``kernel_image``, ``map_image`` (artists), ``result``, ``status``.
    """

    def __init__(self, digit: int = 3, preset: str = "horizontal_edge") -> None:
        super().__init__(ncols=3, figsize=(12.0, 4.0))
        from nnlib.datasets import load_digits

        X, y = load_digits(as_images=True)
        # The first image of every digit, always the same.
        self.digits = {d: X[int(np.flatnonzero(y == d)[0]), 0] for d in range(10)}
        if preset not in PRESETS:
            raise ValueError(f"KernelExplorer: expected preset to be one of {', '.join(PRESETS)}, but received {preset!r}")
        self.digit = widgets.Dropdown(options=[(str(d), d) for d in range(10)], value=int(digit),
                                      description=t("convolution.digit"), layout=widgets.Layout(width="11em"))
        self.preset = widgets.Dropdown(
            options=[(t(f"convolution.preset.{name}"), name) for name in PRESETS] + [(t("convolution.preset.custom"), CUSTOM)],
            value=preset, description=t("convolution.preset"), style={"description_width": "initial"},
            layout=widgets.Layout(width="25em"),
        )
        self.padding = widgets.Checkbox(value=True, description=t("convolution.same_padding"), indent=False)
        self.relu = widgets.Checkbox(value=False, description=t("convolution.relu"), indent=False)
        self.boxes = [widgets.Text(layout=widgets.Layout(width="5.5em")) for _ in range(9)]
        self.kernel = preset_kernel(preset)
        self._syncing = False
        self._fill_boxes(preset)
        self.preset.observe(self._preset_changed, names="value")
        for index, box in enumerate(self.boxes):
            box.observe(lambda change, index=index: self._box_changed(index, change), names="value")

        ax_in, ax_kernel, ax_out = self.axes
        self.input_image = ax_in.imshow(self.digits[self.digit.value], cmap="gray_r", vmin=0, vmax=16)
        ax_in.set_title(t("convolution.digit_title"))
        self.kernel_image = None
        self.map_image = ax_out.imshow(np.zeros((8, 8)), cmap="RdBu", vmin=-1, vmax=1)
        self.fig.colorbar(self.map_image, ax=ax_out, fraction=0.046, pad=0.04)
        for ax in self.axes:
            ax.grid(False)
            ax.set_xticks([])
            ax.set_yticks([])
        self.bad_boxes: list[int] = []
        self.watch(self.digit, self.padding, self.relu)

    def _fill_boxes(self, name: str) -> None:
        self._syncing = True
        try:
            for box, text in zip(self.boxes, preset_texts(name)):
                box.value = text
        finally:
            self._syncing = False

    def _preset_changed(self, change) -> None:
        if change["new"] == CUSTOM:
            return
        self.kernel = preset_kernel(change["new"])
        self._fill_boxes(change["new"])
        self.refresh()

    def _box_changed(self, index: int, change) -> None:
        if self._syncing:
            return
        value = parse_weight(change["new"])
        if value is not None:
            self.kernel = self.kernel.copy()
            self.kernel.flat[index] = value
        if self.preset.value != CUSTOM:
            self._syncing = True
            try:
                self.preset.value = CUSTOM
            finally:
                self._syncing = False
        self.refresh()

    @property
    def widget(self) -> widgets.Widget:
        grid = widgets.GridBox(self.boxes, layout=widgets.Layout(grid_template_columns="repeat(3, 5.8em)"))
        kernel_box = widgets.VBox([widgets.Label(t("convolution.kernel_boxes")), grid])
        settings = widgets.VBox([self.digit, self.preset, self.padding, self.relu])
        return widgets.VBox([widgets.HBox([settings, kernel_box]), self.status, self.out])

    def update(self) -> None:
        self.bad_boxes = [i for i, box in enumerate(self.boxes) if parse_weight(box.value) is None]
        image = self.digits[self.digit.value]
        padding = 1 if self.padding.value else 0
        result = feature_map(image, self.kernel, padding=padding)
        if self.relu.value:
            result = np.maximum(result, 0.0)
        self.result = result

        ax_in, ax_kernel, ax_out = self.axes
        self.input_image.set_data(image)
        ax_kernel.clear()
        limit = _symmetric_limit(self.kernel)
        self.kernel_image = draw_grid(ax_kernel, self.kernel, cmap="RdBu", vmin=-limit, vmax=limit, fontsize=12,
                                      indices=False)
        ax_kernel.set_title(t("convolution.kernel"))
        self.map_image.set_data(result)
        self.map_image.set_extent((-0.5, result.shape[1] - 0.5, result.shape[0] - 0.5, -0.5))
        ax_out.set_xlim(-0.5, result.shape[1] - 0.5)
        ax_out.set_ylim(result.shape[0] - 0.5, -0.5)
        map_limit = _symmetric_limit(result)
        self.map_image.set_clim(-map_limit, map_limit)
        ax_out.set_title(t("convolution.map_title", rows=result.shape[0], cols=result.shape[1]))

        parts = [t("convolution.explorer_status", total=fmt(float(self.kernel.sum()), digits=4),
                   low=fmt(float(result.min())), high=fmt(float(result.max())))]
        for index in self.bad_boxes:
            row, col = divmod(index, 3)
            parts.append(t("convolution.bad_weight", row=row + 1, col=col + 1,
                           text=html.escape(self.boxes[index].value), value=fmt(float(self.kernel.flat[index]))))
        self.status.value = "<br>".join(parts)
