"""Chapter 11's drawing: the decision boundary as a probability map with its 0.5 contour,
the training and validation points, loss curves with the lowest validation loss marked,
the size sweep and the L2 study.
"""

from __future__ import annotations

import numpy as np
from matplotlib.colors import LinearSegmentedColormap

from course.i18n import t
from course.numbers import fmt
from course.plots import COLORS
from course.widgets.overfitting_runs import MoonsData, Run, lagom_size
from nnlib.model import Sequential


#: Region of the plane drawn by the boundary plots, ``(x_min, x_max, y_min, y_max)``.
EXTENT = (-1.8, 2.8, -1.4, 1.9)

#: Grid points per axis of the probability map.
RESOLUTION = 90

# Class 0 orange, class 1 blue, with white at p = 0.5 (Okabe–Ito colours).
PROBABILITY_CMAP = LinearSegmentedColormap.from_list("moons", [COLORS[1], "#ffffff", COLORS[0]])


def grid_points(extent=EXTENT, resolution: int = RESOLUTION) -> np.ndarray:
    """The ``resolution²`` points of a regular grid over ``extent``, shape ``(resolution², 2)``.

    Row ``i·resolution + j`` is the point in grid row ``i`` (``y`` grows with ``i``) and
    column ``j`` (``x`` grows with ``j``), the order ``imshow(origin="lower")`` expects.
    """
    x0, x1, y0, y1 = extent
    xs, ys = np.linspace(x0, x1, resolution), np.linspace(y0, y1, resolution)
    gx, gy = np.meshgrid(xs, ys)
    return np.column_stack([gx.ravel(), gy.ravel()])


def probability_map(model: Sequential, extent=EXTENT, resolution: int = RESOLUTION) -> np.ndarray:
    """The network's probability of class 1 over the grid, shape ``(resolution, resolution)``."""
    return model.predict(grid_points(extent, resolution)).reshape(resolution, resolution)


def draw_points(ax, data: MoonsData, *, validation: bool = True) -> None:
    """Training points large with a dark edge; validation points small and pale."""
    if validation:
        for label in (0, 1):
            chosen = data.y_val == label
            ax.scatter(*data.X_val[chosen].T, s=10, color=COLORS[1 - label], alpha=0.35, linewidths=0,
                       label=t("overfitting.validation_points") if label == 0 else None)
    for label in (0, 1):
        chosen = data.y_train == label
        ax.scatter(*data.X_train[chosen].T, s=38, color=COLORS[1 - label], edgecolors="black", linewidths=0.8,
                   label=t("overfitting.training_points") if label == 0 else None)
    ax.set_xlim(EXTENT[0], EXTENT[1])
    ax.set_ylim(EXTENT[2], EXTENT[3])
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.grid(False)


class BoundaryArtists:
    """A probability map and its 0.5 contour on one axes, redrawn for a new network."""

    def __init__(self, ax) -> None:
        self.ax = ax
        self.image = ax.imshow(np.full((RESOLUTION, RESOLUTION), 0.5), extent=EXTENT, origin="lower",
                               cmap=PROBABILITY_CMAP, vmin=0, vmax=1, alpha=0.55, aspect="auto",
                               interpolation="bilinear")
        self.contour = None
        self.probabilities = self.image.get_array()

    def show(self, model: Sequential) -> None:
        self.probabilities = probability_map(model)
        self.image.set_data(self.probabilities)
        if self.contour is not None:
            self.contour.remove()
        self.contour = None
        if self.probabilities.min() < 0.5 < self.probabilities.max():
            x0, x1, y0, y1 = EXTENT
            self.contour = self.ax.contour(np.linspace(x0, x1, RESOLUTION), np.linspace(y0, y1, RESOLUTION),
                                           self.probabilities, levels=[0.5], colors="black", linewidths=1.5)


def boundary_plot(ax, model: Sequential, data: MoonsData, title: str = "", *, validation: bool = False) -> BoundaryArtists:
    """A static decision-boundary figure: probability map, 0.5 contour, the points."""
    artists = BoundaryArtists(ax)
    artists.show(model)
    draw_points(ax, data, validation=validation)
    if title:
        ax.set_title(title)
    return artists


def loss_curves(ax, loss, val_loss, *, best: bool = True, val_epochs=None) -> tuple:
    """Training and validation loss per epoch, with the lowest validation loss marked.

    ``val_epochs``: the epochs at which ``val_loss`` was measured (default: every epoch).
    """
    epochs = np.arange(1, len(loss) + 1)
    val_epochs = np.arange(1, len(val_loss) + 1) if val_epochs is None else np.asarray(val_epochs)
    (train_line,) = ax.plot(epochs, loss, color=COLORS[0], label=t("overfitting.training_loss"))
    (val_line,) = ax.plot(val_epochs, val_loss, color=COLORS[1], label=t("overfitting.validation_loss"))
    best_marker = None
    if best:
        k = int(np.argmin(val_loss))
        (best_marker,) = ax.plot([val_epochs[k]], [val_loss[k]], "*", color=COLORS[1], markersize=14,
                                 markeredgecolor="black", label=t("overfitting.lowest_validation"))
    ax.set_xlabel(t("overfitting.epoch"))
    ax.set_ylabel(t("overfitting.loss_axis"))
    return train_line, val_line, best_marker


def plot_size_sweep(ax, runs: dict[int, Run]) -> None:
    """Last-epoch training and validation loss against the hidden size (log₂ axis),
    and each run's lowest validation loss."""
    sizes = np.array(sorted(runs))
    ax.plot(sizes, [runs[h].loss[-1] for h in sizes], "o-", color=COLORS[0], label=t("overfitting.training_loss_last"))
    ax.plot(sizes, [runs[h].val_loss[-1] for h in sizes], "s-", color=COLORS[1],
            label=t("overfitting.validation_loss_last"))
    ax.plot(sizes, [runs[h].val_loss.min() for h in sizes], "^--", color=COLORS[2],
            label=t("overfitting.validation_loss_best"))
    chosen = lagom_size(runs)
    ax.axvline(chosen, color="black", linewidth=1, linestyle=":")
    ax.annotate(t("overfitting.lagom_label", h=fmt(chosen)), (chosen, ax.get_ylim()[1]), xytext=(4, -14),
                textcoords="offset points", fontsize=11)
    ax.set_xscale("log", base=2)
    ax.set_xticks(sizes)
    ax.set_xticklabels([fmt(int(h)) for h in sizes])
    ax.set_xlabel(t("overfitting.hidden_size"))
    ax.set_ylabel(t("overfitting.loss_axis"))
    ax.legend(fontsize=10)


def plot_l2(ax, study: dict[float, list[Run]]) -> None:
    """Validation loss per epoch for every λ: the mean over seeds as a line, the spread shaded."""
    for colour, (l2, runs) in zip(COLORS, study.items()):
        curves = np.array([run.val_loss for run in runs])
        epochs = runs[0].validation_epochs
        label = t("overfitting.without_l2") if l2 == 0 else t("overfitting.with_l2", l2=fmt(l2))
        ax.plot(epochs, curves.mean(axis=0), color=colour, label=label)
        ax.fill_between(epochs, curves.min(axis=0), curves.max(axis=0), color=colour, alpha=0.2, linewidth=0)
    ax.set_xlabel(t("overfitting.epoch"))
    ax.set_ylabel(t("overfitting.validation_loss"))
    ax.set_title(t("overfitting.l2_title") + " (" + t("overfitting.mean_over_seeds", n=fmt(len(runs))) + ")")
    ax.legend(fontsize=10)
