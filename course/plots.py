"""Plot helpers shared by the lessons: one look, readable on a lecture-hall projector."""

from __future__ import annotations

import matplotlib.pyplot as plt

STYLE = {
    "figure.dpi": 100,
    "font.size": 12,
    "axes.titlesize": 13,
    "axes.labelsize": 12,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "lines.linewidth": 2.0,
}

# Colour-blind-safe palette (Okabe & Ito) for classes and curves.
COLORS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000")


plt.rcParams.update(STYLE)


def new_figure(ncols: int = 1, nrows: int = 1, figsize: tuple[float, float] | None = None):
    """A figure that is *not* shown automatically (widgets decide when to show it)."""
    fig, axes = plt.subplots(nrows, ncols, figsize=figsize or (5.5 * ncols, 4.0 * nrows), squeeze=True)
    plt.close(fig)  # keep the inline backend from drawing it once more at cell end
    return fig, axes
