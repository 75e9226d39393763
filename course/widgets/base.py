"""The pattern every lesson widget follows.

A widget is a small class that

1. builds its controls (sliders, dropdowns, buttons),
2. on every change calls :meth:`FigureWidget.update`, which recomputes with pure
   functions and moves the artists of one persistent matplotlib figure, and
3. redraws that figure into an ``Output`` widget.

Tests set ``control.value`` (or call ``button.click()``) from Python and assert on the
state that :meth:`update` left behind (artist data, numbers shown), so nothing here
needs a running kernel or a browser.
"""

from __future__ import annotations

import ipywidgets as widgets
from IPython.display import clear_output, display

from course.plots import new_figure


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
        self.fig.canvas.draw_idle()
        with self.out:
            clear_output(wait=True)
            display(self.fig)

    @property
    def widget(self) -> widgets.Widget:
        rows = [widgets.HBox(self.controls[i : i + 3]) for i in range(0, len(self.controls), 3)]
        return widgets.VBox([*rows, self.status, self.out])

    def _ipython_display_(self) -> None:
        self.refresh()
        display(self.widget)
