"""The static figures of chapter 10: grids with their numbers written in, the hand-worked
example, digits, pooling, learned filters and feature maps, so the lesson's code cells
show only the idea. :func:`draw_grid` is also what the widgets draw with.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle

from course.i18n import t
from course.numbers import fmt
from course.plots import COLORS
from course.widgets.convolution_maths import EXAMPLE_IMAGE, EXAMPLE_KERNEL, as_image, feature_map, max_pool


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


def symmetric_limit(values) -> float:
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
        limit = symmetric_limit(panel)
        if cmap == "Greys":
            draw_grid(ax, panel, cmap=cmap, vmin=0, vmax=max(limit, 1.0))
        else:
            draw_grid(ax, panel, cmap=cmap, vmin=-limit, vmax=limit)
        ax.set_title(title)
    fig.tight_layout()
    return fig


def plot_digits(images, *, vmax: float = 16):
    """Grey-scale digits side by side, without ticks; ``images`` a sequence of ``(H, W)`` arrays."""
    images = [as_image(image, "plot_digits") for image in images]
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
    limit = symmetric_limit(feature)
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
        limit = symmetric_limit(kernel)
        draw_grid(ax, kernel, cmap="RdBu", vmin=-limit, vmax=limit, numbers=numbers, decimals=1, fontsize=8,
                  indices=False)
        ax.set_title(t("convolution.filter_number", k=k + 1), fontsize=10)
    if title:
        fig.suptitle(title)
    fig.subplots_adjust(left=0.01, right=0.99, bottom=0.02, top=0.8 if title else 0.86, wspace=0.12)
    return fig


def plot_feature_maps(image, maps, *, title: str | None = None):
    """One input image (8×8) and the feature maps one layer makes of it, ``maps`` of shape ``(C, H, W)``."""
    image = as_image(image, "plot_feature_maps")
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
    image = as_image(image, "plot_filtered_digits")
    fig, axes = plt.subplots(1, len(kernels) + 1, figsize=(2.3 * (len(kernels) + 1), 2.8))
    axes[0].imshow(image, cmap="gray_r")
    axes[0].set_title(t("convolution.image"), fontsize=10)
    for ax, (name, kernel) in zip(axes[1:], kernels.items()):
        result = feature_map(image, kernel, padding=padding)
        limit = symmetric_limit(result)
        ax.imshow(result, cmap="RdBu", vmin=-limit, vmax=limit)
        ax.set_title(name, fontsize=10)
    for ax in axes:
        ax.set_xticks([])
        ax.set_yticks([])
        ax.grid(False)
    fig.subplots_adjust(left=0.01, right=0.99, bottom=0.02, top=0.88, wspace=0.12)
    return fig
