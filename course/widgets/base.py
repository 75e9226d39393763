"""The pattern every lesson widget follows.

A widget is a small class that

1. builds its controls (sliders, dropdowns, buttons),
2. on every change calls :meth:`FigureWidget.update`, which recomputes with pure
   functions and moves the artists of one persistent matplotlib figure, and
3. redraws that figure into an ``Output`` widget.

The redraw is what a student waits for after moving a slider, so :func:`render_png`
does it once and lightly: the inline backend's own path (``display(fig)``) draws the
whole figure twice (once only to measure its tight bounding box) and then compresses
the PNG hard, which took most of the 150–350 ms between a slider move and the new image.
The picture is the same: same size and resolution, cropped to the drawing plus the
same 0.1 inch margin.

Tests set ``control.value`` (or call ``button.click()``) from Python and assert on the
state that :meth:`update` left behind (artist data, numbers shown), so nothing here
needs a running kernel or a browser.
"""

from __future__ import annotations

import functools
import os
from binascii import b2a_base64
from io import BytesIO

import ipywidgets as widgets
import numpy as np
from IPython.display import clear_output, display
from matplotlib import _tight_bbox
from matplotlib.backend_bases import FigureCanvasBase
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.transforms import Bbox
from PIL import Image

from course.plots import new_figure
from course.widgets import STATIC_WIDGETS
from course.widgets.controls import with_readout



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
        self.updates = 0  # how often update() ran; tests use it to see that a control fired
        self._last_png: bytes | None = None

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

    def refresh(self) -> None:
        self.update()
        self.updates += 1
        png = render_png(self.fig) if _inline_png_kernel() else None
        if png is None:
            # Another backend (ipympl draws on its own canvas) or no kernel at all (tests):
            # hand the figure to IPython as before.
            self._last_png = None
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
            return
        self._last_png = None  # shown anew: send the picture even if it did not change
        self.refresh()
        display(self.widget)


# The margin the inline backend leaves around a figure's content (bbox_inches="tight").
_PAD_INCHES = 0.1
# How far outside the figure render_png looks for labels that stick out.
_MARGIN_INCHES = 1.0


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


def render_png(fig: Figure) -> bytes | None:
    """``fig`` as the PNG the inline backend would show, drawn once; None if it cannot be.

    The figure is drawn once with Agg (the inline backend's renderer, at the figure's
    own dpi) on a canvas one inch larger on every side, so labels that stick out of the
    figure are drawn too, as ``bbox_inches="tight"`` would include them. The image is
    then cropped to the pixels that differ from the background plus a 0.1 inch margin,
    as ``bbox_inches="tight"`` does, and compressed at zlib level 1: a little larger
    than matplotlib's level, several times faster, and lossless all the same.

    Returns None, so the caller falls back to matplotlib's own path, when the figure
    lives on an interactive canvas (ipympl), has a see-through background, or draws
    more than half an inch outside the figure.
    """
    canvas = fig.canvas
    if type(canvas) is FigureCanvasBase:  # a closed pyplot figure: give it an Agg canvas
        canvas = FigureCanvasAgg(fig)
    elif type(canvas) is not FigureCanvasAgg:
        return None
    background = to_rgba(fig.get_facecolor())
    if background[3] < 1:
        return None
    margin = _MARGIN_INCHES
    width_in, height_in = fig.get_size_inches()
    area = Bbox.from_extents(-margin, -margin, width_in + margin, height_in + margin)
    # The canvas keeps its renderer between draws while the size stays the same, and
    # with it matplotlib's cache of text sizes: half of a redraw is laying out text.
    renderer = getattr(canvas, "renderer", None) or canvas.get_renderer()
    try:
        # What savefig(bbox_inches=area) does, without a new canvas and renderer each time.
        restore = _tight_bbox.adjust_bbox(fig, area, renderer, fig.dpi)
    except (AttributeError, TypeError):  # another matplotlib's private API
        return None
    try:
        canvas.draw()
        rgba = np.asarray(canvas.buffer_rgba())  # (height, width, 4), a view of the canvas
    finally:
        restore()
    height, width = rgba.shape[:2]
    # One 32-bit number per pixel, so "differs from the background" is one comparison.
    pixels = rgba.view(np.uint32)[..., 0]
    paper = np.array([round(c * 255) for c in background], dtype=np.uint8).view(np.uint32)[0]
    content = pixels != paper
    rows = np.flatnonzero(content.any(axis=1))
    cols = np.flatnonzero(content.any(axis=0))
    if rows.size == 0:
        return None  # nothing drawn: let IPython decide what an empty figure shows
    # Ink near the edge of the larger canvas may be cut off there (text is cut glyph by
    # glyph, so the last ink need not touch the edge): leave such a figure to matplotlib.
    band = round(_MARGIN_INCHES / 2 * fig.dpi)
    if min(rows[0], cols[0], height - 1 - rows[-1], width - 1 - cols[-1]) < band:
        return None
    pad = round(_PAD_INCHES * fig.dpi)
    top, bottom = max(rows[0] - pad, 0), min(rows[-1] + 1 + pad, height)
    left, right = max(cols[0] - pad, 0), min(cols[-1] + 1 + pad, width)
    # The background is opaque, so every pixel is: RGB carries the whole picture.
    image = Image.fromarray(np.ascontiguousarray(rgba[top:bottom, left:right, :3]), "RGB")
    out = BytesIO()
    image.save(out, format="png", compress_level=1)
    return out.getvalue()
