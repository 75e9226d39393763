"""Chapter 07's playground drawing: the class colours and the probability map's colours,
the lesson's static decision-boundary plot, and :class:`Blitter`, which turns the
widget's figure into a picture fast enough for Play.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import LinearSegmentedColormap, to_rgb

from course.plots import COLORS
from course.widgets.playground_training import EXTENT, probability_grid
from course.widgets.render import COMPRESS_LEVEL
from nnlib.model import Sequential


# Class 0 orange, class 1 blue (the course palette), white at p = 0.5.
CLASS_COLORS = (COLORS[1], COLORS[0])


def _lighter(colour: str, amount: float = 0.5) -> tuple[float, float, float]:
    return tuple(c + (1.0 - c) * amount for c in to_rgb(colour))


# Lighter than the points' colours, so that the points stand out on the map.
PROBABILITY_CMAP = LinearSegmentedColormap.from_list(
    "playground", [_lighter(COLORS[1]), (1.0, 1.0, 1.0), _lighter(COLORS[0])]
)
UNIT_CMAP = "PuOr_r"


def draw_points(ax, X, y, *, validation: bool = False, label: str | None = None):
    """Scatter the points coloured by class; validation points with a black edge."""
    colours = np.array(CLASS_COLORS)[np.asarray(y, dtype=int)]
    edge = "black" if validation else "white"
    return ax.scatter(X[:, 0], X[:, 1], c=colours, s=26, edgecolors=edge, linewidths=0.9 if validation else 0.6,
                      zorder=3, label=label)


def plot_decision_boundary(model: Sequential, X, y, *, ax=None, title: str | None = None, output: str = "logit",
                           extent: float | None = None):
    """The probability map of ``model`` with the 0.5 contour and the points ``(X, y)``."""
    if ax is None:
        fig, ax = plt.subplots(figsize=(5.0, 4.6))
    extent = extent or max(EXTENT, float(np.abs(X).max()) * 1.1)
    p = probability_grid(model, extent, 120, output=output)
    ax.imshow(p, origin="lower", extent=(-extent, extent, -extent, extent), cmap=PROBABILITY_CMAP, vmin=0, vmax=1,
              interpolation="bilinear")
    axis = np.linspace(-extent, extent, 120)
    if p.min() < 0.5 < p.max():
        ax.contour(axis, axis, p, levels=[0.5], colors="0.2", linewidths=1.2)
    draw_points(ax, np.asarray(X, dtype=float), y)
    ax.set_xlim(-extent, extent)
    ax.set_ylim(-extent, extent)
    ax.set_aspect("equal")
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.grid(False)
    if title:
        ax.set_title(title)
    return ax


class Blitter:
    """Render a figure to JPEG bytes fast, by blitting in Agg.

    A Jupyter kernel can only send pictures, so every redraw is an image. The figure is
    drawn in full only when ``key`` changes (the figure's size, …); the background is then
    saved, and every other redraw restores it and draws only the ``dynamic`` artists on top.
    An artist in ``redrawn`` (an axes, a title; each with its own key: limits, text) is left
    out of that background and kept in a second one on top of it, drawn again alone when a
    key changes, so new limits of the loss plot cost a draw of that plot, not of the figure.
    JPEG at quality 90 encodes several times faster than PNG for pictures like these (smooth
    colour maps), which is what keeps Play above ten redraws per second.
    """

    def __init__(self, fig) -> None:
        self.fig = fig
        FigureCanvasAgg(fig)  # draw with Agg ourselves, whatever the notebook's backend
        self._base = None  # the figure without the redrawn axes and the dynamic artists
        self._background = None  # the base with the redrawn axes (without their dynamic artists)
        self._key = None
        self._axes_keys: tuple | None = None
        self.full_draws = 0
        self.axes_draws = 0  # redraws of the `redrawn` artists alone (on the first background)

    def render(self, dynamic: Sequence, key: tuple, image_format: str = "jpeg",
               redrawn: Sequence[tuple] = ()) -> bytes:
        """The figure as ``image_format`` ("jpeg" or "png") bytes, with ``dynamic`` drawn on top.

        ``redrawn`` holds pairs ``(artist, key)``: artists drawn again (alone) when a key changes.
        """
        from PIL import Image

        canvas = self.fig.canvas
        axes_keys = tuple(axes_key for _ax, axes_key in redrawn)
        if key != self._key or self._base is None:
            for artist in (*dynamic, *(artist for artist, _ in redrawn)):
                artist.set_animated(True)  # left out of the full draw, drawn on top below
            canvas.draw()
            self._base = canvas.copy_from_bbox(self.fig.bbox)
            self._background = None
            self._key = key
            self.full_draws += 1
        renderer = canvas.get_renderer()
        if self._background is None or axes_keys != self._axes_keys:
            if self._background is not None:
                canvas.restore_region(self._base)
                self.axes_draws += 1
            for artist, _ in redrawn:
                artist.draw(renderer)  # an axes' dynamic artists are animated: left out here too
            self._background = canvas.copy_from_bbox(self.fig.bbox)
            self._axes_keys = axes_keys
        else:
            canvas.restore_region(self._background)
        for artist in dynamic:
            if artist.get_visible():
                artist.draw(renderer)
        width, height = canvas.get_width_height(physical=True)
        image = Image.frombuffer("RGBA", (width, height), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
        buffer = io.BytesIO()
        if image_format == "png":
            image.save(buffer, format="png", compress_level=COMPRESS_LEVEL)  # the lesson widgets' level
        else:
            image.convert("RGB").save(buffer, format="jpeg", quality=90)
        return buffer.getvalue()
