"""The pattern every lesson widget follows.

A widget is a small class that

1. builds its controls (sliders, dropdowns, buttons),
2. on every change calls :meth:`FigureWidget.update`, which recomputes with pure
   functions and moves the artists of one persistent matplotlib figure, and
3. redraws that figure into an ``Output`` widget.

The redraw is what a student waits for after moving a slider, so
:func:`course.widgets.render.render_png` does it once and lightly instead of the inline
backend's ``display(fig)`` (two full draws and a hard-compressed PNG): one draw, then
only the artists that changed, drawn on a saved background of the rest. The picture is
the same: same size and resolution, cropped to the drawing plus the same 0.1 inch margin.

Tests set ``control.value`` (or call ``button.click()``) from Python and assert on the
state that :meth:`update` left behind (artist data, numbers shown), so nothing here
needs a running kernel or a browser.
"""

from __future__ import annotations

import functools
import os
from binascii import b2a_base64
from collections.abc import Sequence

import ipywidgets as widgets
from IPython.display import clear_output, display
from matplotlib.artist import Artist
from matplotlib.backend_bases import FigureCanvasBase
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from course.plots import new_figure
from course.widgets import STATIC_WIDGETS
from course.widgets.controls import with_readout
from course.widgets.render import RenderCache, render_png


class FigureWidget:
    """Controls above one matplotlib figure that is recomputed when a control changes.

    Subclasses build their controls and artists in ``__init__`` (after calling
    ``super().__init__``), then call :meth:`watch` with the controls, and implement
    :meth:`update`.
    """

    def __init__(self, *, ncols: int = 1, figsize: tuple[float, float] | None = None) -> None:
        self.fig, axes = new_figure(ncols=ncols, figsize=figsize)
        self.axes = list(axes) if ncols > 1 else [axes]
        self.ax = self.axes[0]
        self.out = widgets.Output()
        self.controls: list[widgets.Widget] = []
        self.status = widgets.HTML()
        self._last_png: bytes | None = None
        self.render_cache = RenderCache()  # the background kept between redraws (see dynamic_artists)

    def watch(self, *controls: widgets.Widget) -> None:
        """Recompute and redraw whenever one of ``controls`` changes value."""
        for control in controls:
            self.controls.append(control)
            if isinstance(control, widgets.Button):
                control.on_click(lambda _button: self.refresh())
            else:
                control.observe(lambda _change: self.refresh(), names="value")

    def update(self) -> None:  # pragma: no cover - every subclass overrides it
        raise NotImplementedError(f"{type(self).__name__} must implement update()")

    def dynamic_artists(self) -> Sequence[Artist]:
        """The artists :meth:`update` changes: lines, texts, or whole axes (whose limits move).

        A hint for :func:`course.widgets.render.render_png`, which draws everything else
        once as a background and then only these on it. Artists not named here that
        change are found all the same (matplotlib marks them stale) and drawn on top from
        then on, at the cost of one full draw; naming them saves that first full draw.
        """
        return ()

    def refresh(self) -> None:
        self.update()
        png = render_png(self.fig, self.dynamic_artists(), self.render_cache) if _inline_png_kernel() else None
        if png is None:
            # Another backend (ipympl draws on its own canvas) or no kernel at all (tests):
            # hand the figure to IPython as before.
            self._last_png = None
            self.render_cache = RenderCache()  # drawn elsewhere: a kept background may be out of date
            if type(self.fig.canvas) not in (FigureCanvasBase, FigureCanvasAgg):
                self.fig.canvas.draw_idle()  # an interactive canvas redraws itself; Agg only on display
            with self.out:
                clear_output(wait=True)
                display(self.fig)
            return
        if png == self._last_png:
            return  # the picture did not change: the browser already shows it
        self._last_png = png
        with self.out:
            clear_output(wait=True)
            # What IPython's own PNG formatter sends for a figure: base64 text in the message.
            data = b2a_base64(png, newline=False).decode("ascii")
            display({"image/png": data, "text/plain": repr(self.fig)}, raw=True)

    @property
    def widget(self) -> widgets.Widget:
        shown = [with_readout(control) for control in self.controls]
        rows = [widgets.HBox(shown[i : i + 3]) for i in range(0, len(shown), 3)]
        return widgets.VBox([*rows, self.status, self.out])

    def _ipython_display_(self) -> None:
        if os.environ.get(STATIC_WIDGETS):
            # Executed for a slide deck (course.slides): the figure as a picture, no controls.
            self.update()
            display(self.fig)
            self.render_cache = RenderCache()
            return
        self._last_png = None  # shown anew: send the picture even if it did not change
        self.refresh()
        display(self.widget)


def _inline_png_kernel() -> bool:
    """True when the kernel shows figures as plain PNGs with a tight bounding box.

    That is the inline backend's default (``InlineBackend.figure_formats = {"png"}``);
    with "retina", SVG or extra savefig options the figure goes through IPython as before.
    """
    from IPython import get_ipython

    shell = get_ipython()
    if shell is None:
        return False
    formatter = shell.display_formatter.formatters.get("image/png")
    if formatter is None or not formatter.enabled:
        return False
    printer = formatter.type_printers.get(Figure)
    return (
        isinstance(printer, functools.partial)
        and printer.keywords.get("fmt") == "png"
        and set(printer.keywords) <= {"fmt", "bbox_inches", "base64"}
        and printer.keywords.get("bbox_inches", "tight") == "tight"
    )
