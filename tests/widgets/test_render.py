"""The widgets' one-pass PNG: the picture the inline backend would show, drawn once."""

from __future__ import annotations

import base64
import functools
from io import BytesIO
from types import SimpleNamespace

import ipywidgets as widgets
import numpy as np
import pytest
from IPython.core.pylabtools import print_figure
from matplotlib.figure import Figure
from PIL import Image

from course.plots import new_figure
from course.widgets import base
from course.widgets.base import FigureWidget, render_png

from .artists import status_text


def decoded(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(BytesIO(png)).convert("RGB"))


def small_figure():
    fig, ax = new_figure(figsize=(4.0, 3.0))
    ax.plot([0, 1, 2], [0, 1, 4], label="line")
    ax.set_title("a title")
    ax.set_xlabel("x")
    ax.legend()
    return fig


def test_same_picture_as_the_inline_backend():
    fig = small_figure()
    ours = decoded(render_png(fig))
    theirs = decoded(print_figure(fig, "png", bbox_inches="tight"))
    # The tight bounding box comes from the artists' boxes, ours from the drawn pixels:
    # the same picture, give or take a pixel or two of white margin.
    assert abs(ours.shape[0] - theirs.shape[0]) <= 4
    assert abs(ours.shape[1] - theirs.shape[1]) <= 4
    # The same ink: the share of non-white pixels agrees closely.
    ink_ours = (ours < 250).any(axis=2).sum()
    ink_theirs = (theirs < 250).any(axis=2).sum()
    assert ink_ours == pytest.approx(ink_theirs, rel=0.02)
    # A 0.1 inch margin (10 pixels at 100 dpi) of white all round, as bbox_inches="tight" leaves.
    assert (ours[:8] == 255).all() and (ours[-8:] == 255).all()
    assert (ours[:, :8] == 255).all() and (ours[:, -8:] == 255).all()


def test_follows_changes_to_the_figure():
    fig = small_figure()
    before = render_png(fig)
    fig.axes[0].lines[0].set_ydata([4, 1, 0])
    after = render_png(fig)
    assert before != after
    assert render_png(fig) == after  # drawing twice gives the same bytes


def test_labels_outside_the_figure_are_kept_as_the_tight_box_keeps_them():
    fig = small_figure()
    fig.axes[0].text(1.05, 0.5, "outside", transform=fig.axes[0].transAxes)
    ours = decoded(render_png(fig))
    theirs = decoded(print_figure(fig, "png", bbox_inches="tight"))
    assert ours.shape[1] > 400  # wider than the 4-inch figure, like the tight box
    assert abs(ours.shape[1] - theirs.shape[1]) <= 4


def test_falls_back_when_something_is_far_outside_or_the_figure_is_see_through():
    fig = small_figure()
    fig.axes[0].text(0.0, -0.5, "far below", transform=fig.axes[0].transAxes, fontsize=60)
    assert render_png(fig) is None  # reaches the edge of the larger canvas
    clear = small_figure()
    clear.patch.set_alpha(0.0)
    assert render_png(clear) is None


class Counter(FigureWidget):
    def __init__(self):
        super().__init__()
        self.slider = widgets.IntSlider(value=0, min=0, max=10)
        (self.line,) = self.ax.plot([0, 1], [0, 0])
        self.ax.set_ylim(-1, 11)
        self.watch(self.slider)

    def update(self):
        self.line.set_ydata([0, self.slider.value // 2])
        self.status.value = f"value {self.slider.value}"  # beside the picture, not in it


@pytest.fixture
def inline_kernel(monkeypatch):
    """A stand-in for a kernel whose inline backend shows figures as tight PNGs."""
    printer = functools.partial(print_figure, fmt="png", base64=True, bbox_inches="tight")
    formatter = SimpleNamespace(enabled=True, type_printers={Figure: printer})
    shell = SimpleNamespace(display_formatter=SimpleNamespace(formatters={"image/png": formatter}))
    monkeypatch.setattr("IPython.get_ipython", lambda: shell)
    shown = []
    monkeypatch.setattr(base, "display", lambda data, raw=False: shown.append((data, raw)))
    monkeypatch.setattr(base, "clear_output", lambda wait=False: None)
    return shown


def test_widget_sends_a_png_only_when_the_picture_changed(inline_kernel):
    widget = Counter()
    widget.slider.value = 2
    assert len(inline_kernel) == 1
    data, raw = inline_kernel[0]
    assert raw and data["text/plain"].startswith("<Figure")
    assert decoded(base64.b64decode(data["image/png"])).shape[2] == 3
    widget.slider.value = 3  # 3 // 2 == 2 // 2: the same picture, nothing new to send
    assert len(inline_kernel) == 1
    assert status_text(widget) == "value 3"  # but the change was seen: the status line follows it
    widget.slider.value = 4
    assert len(inline_kernel) == 2


def test_without_a_kernel_the_figure_goes_to_ipython_as_before(monkeypatch):
    shown = []
    monkeypatch.setattr("IPython.get_ipython", lambda: None)
    monkeypatch.setattr(base, "display", lambda obj, **kwargs: shown.append(obj))
    widget = Counter()
    widget.slider.value = 5
    assert shown == [widget.fig]
