"""Chapter 07 plots: the figures of the backpropagation lesson, so its cells show the idea.

- :func:`plot_one_weight`: the loss as a function of one weight with every other weight
  frozen, and the slope there (the numerical derivative);
- :func:`plot_losses`: loss curves per iteration or epoch, several runs in one plot;
- :func:`plot_weight_paths`: how the incoming weights of each hidden unit move during
  training (identical units stay identical: the symmetry of a constant start).

Every number a figure shows goes through :func:`course.numbers.fmt`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np

from course.i18n import t
from course.numbers import fmt
from course.plots import COLORS


def plot_one_weight(weights: np.ndarray, losses: np.ndarray, w0: float, loss0: float, slope: float, *,
                    name: str = "w", ax=None):
    """The loss ``L(w)`` over ``weights`` (K,) with the others frozen, the point ``(w0, loss0)``
    and the tangent of slope ``slope`` there."""
    if ax is None:
        _, ax = plt.subplots(figsize=(6.5, 4.2))
    weights, losses = np.asarray(weights, dtype=float), np.asarray(losses, dtype=float)
    if weights.shape != losses.shape or weights.ndim != 1:
        raise ValueError(f"plot_one_weight: expected weights and losses of the same shape (K,), but received "
                         f"{weights.shape} and {losses.shape}")
    ax.plot(weights, losses, color=COLORS[0], label=t("backprop.loss_one_weight", name=name))
    near = np.array([w0 - 0.6, w0 + 0.6])
    ax.plot(near, loss0 + slope * (near - w0), color=COLORS[1], linestyle="--",
            label=t("backprop.tangent", slope=fmt(slope, digits=3)))
    ax.plot([w0], [loss0], "o", color=COLORS[1], markersize=8, zorder=3)
    ax.set_xlabel(t("backprop.weight_axis", name=name))
    ax.set_ylabel(t("backprop.loss"))
    ax.set_title(t("backprop.one_weight_title"))
    ax.legend(fontsize=10)
    return ax


def plot_losses(curves: Mapping[str, Sequence[float]], *, xlabel: str | None = None, title: str | None = None,
                log: bool = False, ax=None):
    """One line per run: ``curves`` maps a label to its losses (one per iteration or epoch)."""
    if ax is None:
        _, ax = plt.subplots(figsize=(6.5, 4.0))
    for index, (label, losses) in enumerate(curves.items()):
        ax.plot(np.arange(len(losses)), losses, color=COLORS[index % len(COLORS)], label=label,
                linestyle="-" if index % 2 == 0 else "--")
    if log:
        ax.set_yscale("log")
    ax.set_xlabel(xlabel or t("backprop.iteration"))
    ax.set_ylabel(t("backprop.loss"))
    if title:
        ax.set_title(title)
    ax.legend(fontsize=10)
    return ax


def plot_weight_paths(history: np.ndarray, *, title: str | None = None, ax=None):
    """``history`` of shape (T, n_hidden, n_in): the weights into each hidden unit over T steps.

    One colour per hidden unit, one line style per input; lines of units that stay identical
    lie on top of each other.
    """
    history = np.asarray(history, dtype=float)
    if history.ndim != 3:
        raise ValueError(f"plot_weight_paths: expected history of shape (T, n_hidden, n_in), but received "
                         f"shape {history.shape}")
    if ax is None:
        _, ax = plt.subplots(figsize=(6.5, 4.0))
    styles = ("-", "--", ":", "-.")
    for j in range(history.shape[1]):
        for k in range(history.shape[2]):
            ax.plot(history[:, j, k], color=COLORS[j % len(COLORS)], linestyle=styles[k % len(styles)],
                    linewidth=2.4 - 0.5 * j, label=f"$w^{{(1)}}_{{{j + 1}{k + 1}}}$")
    ax.set_xlabel(t("backprop.iteration"))
    ax.set_ylabel(t("backprop.weight_value"))
    if title:
        ax.set_title(title)
    ax.legend(fontsize=9, ncol=2)
    return ax
