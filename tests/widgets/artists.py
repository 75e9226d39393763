"""What a widget's figure shows, read from its artists, for tests that state what a student sees.

A widget test moves a control and then asserts on :func:`snapshot` of the widget: the data
of every line (markers are lines too), the texts, the axis limits, what is visible, the
colour bars and the status line as plain text. Everything is read from the figure itself,
so a test needs no handle the widget does not already draw, and a bug that draws the right
numbers in the wrong place (a marker at the start instead of the end, a reversed curve, a
path not clipped to the view) shows up here even though the widget's attributes are right.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D


@dataclass(frozen=True)
class LineView:
    """One line or marker as drawn: its points, label and whether it is visible."""

    label: str
    x: np.ndarray
    y: np.ndarray
    visible: bool

    @property
    def points(self) -> np.ndarray:
        """The drawn points as an array of shape ``(n, 2)``."""
        return np.column_stack([self.x, self.y])


@dataclass(frozen=True)
class AxesView:
    """One axes as drawn: limits, lines, texts, images and whether a student sees it."""

    title: str
    xlim: tuple[float, float]
    ylim: tuple[float, float]
    lines: tuple[LineView, ...]
    texts: tuple[str, ...]
    images_visible: tuple[bool, ...]
    visible: bool
    is_colorbar: bool

    def contains(self, x, y) -> np.ndarray:
        """Which of the points ``(x[i], y[i])`` lie inside the axis limits."""
        (x0, x1), (y0, y1) = sorted(self.xlim), sorted(self.ylim)
        x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
        return (x >= x0) & (x <= x1) & (y >= y0) & (y <= y1)


@dataclass(frozen=True)
class FigureView:
    """The whole figure of a widget plus its status line."""

    axes: tuple[AxesView, ...]
    status: str

    @property
    def plots(self) -> tuple[AxesView, ...]:
        """The axes that are not colour bars, in the order the widget made them."""
        return tuple(ax for ax in self.axes if not ax.is_colorbar)

    @property
    def visible_colorbars(self) -> int:
        return sum(ax.visible for ax in self.axes if ax.is_colorbar)


def line_view(line: Line2D) -> LineView:
    x = np.asarray(line.get_xdata(), dtype=float).ravel()
    y = np.asarray(line.get_ydata(), dtype=float).ravel()
    return LineView(str(line.get_label()), x, y, bool(line.get_visible()))


def axes_view(ax: Axes) -> AxesView:
    texts = tuple(text.get_text() for text in ax.texts if text.get_visible() and text.get_text())
    return AxesView(
        title=ax.get_title(),
        xlim=tuple(float(v) for v in ax.get_xlim()),
        ylim=tuple(float(v) for v in ax.get_ylim()),
        lines=tuple(line_view(line) for line in ax.get_lines()),
        texts=texts,
        images_visible=tuple(bool(image.get_visible()) for image in ax.get_images()),
        visible=bool(ax.get_visible()),
        is_colorbar=getattr(ax, "_colorbar", None) is not None,
    )


def status_text(widget) -> str:
    """The widget's status line as a student reads it: tags dropped, entities decoded."""
    text = re.sub(r"<br\s*/?>", "\n", widget.status.value)
    return html.unescape(re.sub(r"<[^>]+>", "", text)).strip()


def figure_view(fig: Figure, status: str = "") -> FigureView:
    return FigureView(tuple(axes_view(ax) for ax in fig.axes), status)


def snapshot(widget) -> FigureView:
    """What the widget shows now: every axes of its figure and its status line."""
    return figure_view(widget.fig, status_text(widget))


def line_at(view: AxesView, line: Line2D) -> LineView:
    """The view of one of the widget's own line handles (found by identity in its axes)."""
    lines = line.axes.get_lines()
    for position, candidate in enumerate(lines):
        if candidate is line:
            return view.lines[position]
    raise LookupError(f"expected the line {line.get_label()!r} in the axes, but it is not drawn there")


def line_in(view: FigureView, line: Line2D) -> LineView:
    """The view of one of the widget's own line handles, wherever in the figure it is drawn."""
    index = line.figure.axes.index(line.axes)
    return line_at(view.axes[index], line)


class Screen:
    """Stands in for the notebook: a snapshot of every picture a watched widget sends to it.

    A widget without a kernel hands its figure to IPython's ``display`` after every change of
    a control; the ``screen`` fixture routes that call here, so a test can state how many new
    pictures a student gets from one change (one, not one per setting the change touches) and
    what each of them shows, status line included.
    """

    def __init__(self) -> None:
        self._watched: dict[int, tuple[object, list[FigureView]]] = {}

    def watch(self, widget) -> list[FigureView]:
        """A list that from now on receives a snapshot each time ``widget`` shows its figure."""
        pictures: list[FigureView] = []
        self._watched[id(widget.fig)] = (widget, pictures)
        return pictures

    def display(self, obj, *args, **kwargs) -> None:
        watched = self._watched.get(id(obj))
        if watched is not None:
            widget, pictures = watched
            pictures.append(snapshot(widget))
