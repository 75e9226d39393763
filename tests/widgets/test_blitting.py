"""Redraws that draw only what changed show exactly what a full draw shows.

``render_png`` keeps a background and draws the changed artists on it. Every test here
compares that picture, pixel for pixel, with a fresh full draw of the same figure.
"""

from __future__ import annotations

from io import BytesIO

import ipywidgets as widgets
import numpy as np
import pytest
from PIL import Image

from course.plots import new_figure
from course.widgets.activations import ActivationExplorer, StackedLayersWidget
from course.widgets.architecture import ArchitectureBuilder
from course.widgets.descent import LearningRateDescent, SurfaceDescent, TwoMinimaDescent
from course.widgets.graph import GraphWidget
from course.widgets.losses import PredictionLossWidget, RegressionLossWidget
from course.widgets.render import RenderCache, mark_drawn, render_png
from nnlib.datasets import quadratic


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(BytesIO(png)).convert("RGB"))


def assert_same_picture(blitted: bytes, full: bytes) -> None:
    a, b = pixels(blitted), pixels(full)
    assert a.shape == b.shape
    assert_same_pixels(a, b)


def assert_same_pixels(a: np.ndarray, b: np.ndarray) -> None:
    differ = (a != b).any(axis=2)
    assert not differ.any(), f"{differ.sum()} pixels differ from a full draw, e.g. at {np.argwhere(differ)[0]}"


def line_data():
    rng = np.random.default_rng(1)
    x = rng.uniform(0, 4, size=40)
    return x, 1.5 * x + 2 + rng.normal(0, 0.5, size=40)


WIDGETS = {
    "LearningRateDescent": lambda: LearningRateDescent(*quadratic(20, a=2.0, noise=0.5, rng=np.random.default_rng(0))),
    "TwoMinimaDescent": lambda: TwoMinimaDescent(start=0.3),
    "SurfaceDescent": lambda: SurfaceDescent(*line_data()),
    "GraphWidget neuron": lambda: GraphWidget("neuron"),
    # A widget that names no dynamic artists: what changed is found from matplotlib's stale marks.
    "ActivationExplorer": lambda: ActivationExplorer(name="sigmoid", z_range=6.0, z=1.0),
    "StackedLayersWidget": lambda: StackedLayersWidget(n_layers=3, between="linear"),
    "ArchitectureBuilder": lambda: ArchitectureBuilder(n_in=1, n_hidden_layers=2, width=8, activation="relu"),
    "RegressionLossWidget": lambda: RegressionLossWidget(),
    "PredictionLossWidget": lambda: PredictionLossWidget(),
}


def step(control, index: int) -> None:
    """Move ``control`` to another value (sliders through their range, dropdowns to the next option)."""
    if isinstance(control, widgets.Checkbox):
        control.value = not control.value
    elif isinstance(control, widgets.Dropdown):
        values = [option[1] if isinstance(option, tuple) else option for option in control.options]
        control.value = values[(values.index(control.value) + 1) % len(values)]
    elif isinstance(control, (widgets.FloatSlider, widgets.IntSlider, widgets.FloatLogSlider)):
        fraction = (0.15 + 0.37 * index) % 1.0
        if isinstance(control, widgets.FloatLogSlider):
            control.value = control.base ** (control.min + fraction * (control.max - control.min))
        else:
            value = control.min + fraction * (control.max - control.min)
            control.value = int(round(value)) if isinstance(control, widgets.IntSlider) else value


@pytest.mark.parametrize("name", list(WIDGETS))
def test_every_redraw_is_the_full_picture(name):
    widget = WIDGETS[name]()
    widget.refresh = lambda: None  # redraw below, by hand, both ways
    widget.update()
    cache = RenderCache()
    render_png(widget.fig, widget.dynamic_artists(), cache)
    # Every control several times, as a student would: enough redraws to tell blits from full draws.
    rounds = 2 if len(widget.controls) >= 4 else 3
    for index, control in enumerate(widget.controls * rounds):
        if isinstance(control, (widgets.Button, widgets.Play)):
            continue
        step(control, index)
        widget.update()
        png = render_png(widget.fig, widget.dynamic_artists(), cache)
        assert png is not None
        # The whole figure, as it is now (drawn with room around it if labels stick out).
        assert_same_picture(png, render_png(widget.fig))
    if widget.dynamic_artists():
        assert cache.full_draws == 1  # it names what changes: only the first picture was drawn whole
    else:
        assert cache.blits > cache.full_draws  # found what changes: most redraws drew only that


def small_figure():
    fig, ax = new_figure(figsize=(4.0, 3.0))
    # Drawn in this order: the still line is under the moving one, so in the background.
    (still,) = ax.plot([0, 1, 2], [4, 2, 0], label="still")
    (moving,) = ax.plot([0, 1, 2], [0, 1, 4], label="moving")
    ax.set_title("a title")
    ax.legend(loc="upper left")
    fig.tight_layout()
    return fig, ax, moving, still


def test_changes_to_artists_not_named_dynamic_are_drawn():
    fig, ax, moving, still = small_figure()
    cache = RenderCache()
    render_png(fig, [moving], cache)
    moving.set_ydata([1, 2, 3])
    render_png(fig, [moving], cache)
    assert cache.full_draws == 1
    still.set_ydata([3, 3, 3])  # not named: found stale, drawn, and on top from now on
    assert_same_picture(render_png(fig, [moving], cache), render_png(fig))
    still.set_color("red")
    assert_same_picture(render_png(fig, [moving], cache), render_png(fig))
    assert cache.full_draws == 2


def test_new_limits_a_removed_line_and_a_new_one_are_drawn():
    fig, ax, moving, still = small_figure()
    cache = RenderCache()
    render_png(fig, [moving], cache)
    ax.set_ylim(-5, 10)
    assert_same_picture(render_png(fig, [moving], cache), render_png(fig))
    still.remove()
    assert_same_picture(render_png(fig, [moving], cache), render_png(fig))
    ax.plot([0, 2], [5, 5], color="green")
    assert_same_picture(render_png(fig, [moving], cache), render_png(fig))
    moving.set_visible(False)
    assert_same_picture(render_png(fig, [moving], cache), render_png(fig))


def test_a_line_under_the_legend_stays_under_it():
    # The legend is drawn after the lines: a blitted line must not end up on top of it.
    fig, ax, moving, still = small_figure()
    cache = RenderCache()
    render_png(fig, [moving], cache)
    moving.set_data([0, 0.3, 0.6], [3.5, 3.6, 3.7])  # through the legend box in the upper left
    assert_same_picture(render_png(fig, [moving], cache), render_png(fig))


def test_a_new_title_is_drawn_alone_where_a_full_draw_puts_it():
    fig, ax, moving, still = small_figure()
    cache = RenderCache()
    render_png(fig, (), cache)  # nothing named: the title is in the background
    for title in ("a longer title", "short", "gjpqy"):
        ax.set_title(title)
        assert_same_picture(render_png(fig, (), cache), render_png(fig))
    assert cache.full_draws == 2  # the first new title joined what is drawn on top; the others were blitted
    assert ax not in cache.dynamic and ax.title in cache.dynamic  # the axes itself was not drawn again
    ax.set_title("")  # no title at all: the axes is laid out anew
    assert_same_picture(render_png(fig, (), cache), render_png(fig))


def test_a_title_over_an_offset_text_is_placed_as_a_full_draw_places_it():
    fig, ax, moving, still = small_figure()
    moving.set_ydata([0, 1e6, 4e6])  # the y axis shows "1e6" at its top, under the title
    ax.relim()
    ax.autoscale_view()
    cache = RenderCache()
    render_png(fig, [moving], cache)
    ax.set_title("a title over 1e6")
    assert_same_picture(render_png(fig, [moving], cache), render_png(fig))
