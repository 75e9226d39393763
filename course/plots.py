"""Plot helpers shared by the lessons: one look, readable on a lecture-hall projector.

Importing this module also makes every linear axis write its tick labels in the
notebook's language (decimal comma in Swedish): see :class:`LocalizedScalarFormatter`.
``course.set_language`` imports it, so a lesson needs nothing more than matplotlib as usual.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib import scale, ticker

from course.i18n import get_language

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


class LocalizedScalarFormatter(ticker.ScalarFormatter):
    """matplotlib's default tick formatter, writing numbers in the notebook's language.

    It asks for the language each time it formats, so a figure drawn after
    ``set_language("sv")`` has ``0,5`` on its axes and one drawn in English ``0.5``.
    """

    def __call__(self, x, pos=None) -> str:
        return self._localized(super().__call__(x, pos))

    def get_offset(self) -> str:
        return self._localized(super().get_offset())

    def format_data_short(self, value) -> str:
        return self._localized(super().format_data_short(value))

    @staticmethod
    def _localized(text: str) -> str:
        # Only the decimal point changes; matplotlib already writes the minus sign as −.
        return text.replace(".", ",") if get_language() == "sv" else text


class LocalizedLinearScale(scale.LinearScale):
    """The "linear" scale with :class:`LocalizedScalarFormatter` as its tick formatter."""

    name = "linear"

    def __init__(self, *args) -> None:
        # matplotlib < 3.11 passes the axis, later versions do not (and warn about scales
        # that still name the parameter), so take it without naming it.
        super().__init__(*args)

    def set_default_locators_and_formatters(self, axis) -> None:
        super().set_default_locators_and_formatters(axis)
        axis.set_major_formatter(LocalizedScalarFormatter())


# Every linear axis made from now on (plt.subplots, colour bars, widgets) uses it.
scale.register_scale(LocalizedLinearScale)
