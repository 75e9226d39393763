"""Convolution widgets for chapter 10 (convolutional layers).

Two widgets, each recomputing with the pure functions of
:mod:`course.widgets.convolution_maths` whenever a control moves:

- :class:`ConvolutionStepper`: a small grid of numbers and a 3×3 kernel; a step slider
  (and Previous/Next buttons) moves the window one position at a time, the status line
  writes out the nine products and their sum, and the feature map fills cell by cell.
  Padding and stride can be changed, and the output size follows the formula
  ``H_out = ⌊(H + 2p − k)/s⌋ + 1``;
- :class:`KernelExplorer`: a real 8×8 digit from ``nnlib.datasets.load_digits``, a 3×3
  kernel whose nine weights are typed into boxes (or chosen from presets: identity, blur,
  sharpen, edge, outline), and the feature map the kernel makes of the digit.

The course's convolution is the one every deep-learning library computes: a
*cross-correlation*, the kernel laid on the image as it is, not flipped,

    Y[i, j] = Σ_u Σ_v K[u, v] · X_pad[i·s + u, j·s + v].

The lesson's static figures (grids with numbers, learned filters, feature maps, pooling)
are drawn by :mod:`course.widgets.convolution_plots`. Lesson 10 imports all of it from
here, so the maths and the plots are imported into this module as well.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import numpy as np
from matplotlib.patches import Rectangle

from course.i18n import t
from course.numbers import fmt
from course.plots import COLORS
from course.widgets.base import FigureWidget
from course.widgets.controls import int_slider, with_readout
from course.widgets.convolution_maths import (  # noqa: F401 (re-exported)
    CUSTOM,
    EXAMPLE_IMAGE,
    EXAMPLE_KERNEL,
    PRESETS,
    as_image,
    conv_param_count,
    dense_param_count,
    feature_map,
    flip,
    max_pool,
    output_size,
    pad,
    parse_weight,
    preset_kernel,
    preset_texts,
    product_terms,
    sum_text,
    window_origins,
)
from course.widgets.convolution_plots import (  # noqa: F401 (re-exported)
    draw_grid,
    plot_digits,
    plot_example,
    plot_feature_maps,
    plot_filtered_digits,
    plot_filters,
    plot_pooling,
    symmetric_limit,
)


class ConvolutionStepper(FigureWidget):
    """The kernel moved over a small grid one window at a time, filling the feature map.

    Left: the (padded) image with the current window outlined and the kernel's weight
    written small in each of its cells. Right: the feature map, filled up to the current
    window, whose cell is outlined. The status line writes out the nine products and their
    sum, and the output size from the formula.

    Parameters
    ----------
    image, kernel
        The grid (shape ``(H, W)``) and the kernel (shape ``(k, k)``); default: the lesson's example.

    Attributes used by tests: ``step``, ``padding``, ``stride`` (controls), ``previous``,
    ``next`` (buttons), ``window_patch``, ``cell_patch`` (outlines), ``map_image`` (the
    feature map's image; unfilled cells are NaN), ``origins``, ``result``, ``status``.
    """

    def __init__(self, image=EXAMPLE_IMAGE, kernel=EXAMPLE_KERNEL) -> None:
        super().__init__(ncols=2, figsize=(10.5, 4.6))
        self.image = as_image(image, "ConvolutionStepper")
        self.kernel = as_image(kernel, "ConvolutionStepper")
        if self.kernel.shape[0] != self.kernel.shape[1]:
            raise ValueError(f"ConvolutionStepper: expected a square kernel, but received shape {self.kernel.shape}")
        self.step = int_slider(t("convolution.position"), min=0, max=1, value=0)
        self.padding = widgets.ToggleButtons(options=[("0", 0), ("1", 1)], value=0,
                                             description=t("convolution.padding"),
                                             style={"button_width": "3em"})
        self.stride = widgets.ToggleButtons(options=[("1", 1), ("2", 2)], value=1,
                                            description=t("convolution.stride"),
                                            style={"button_width": "3em"})
        self.previous = widgets.Button(description=t("convolution.previous"), icon="arrow-left")
        self.next = widgets.Button(description=t("convolution.next"), icon="arrow-right")
        self.previous.on_click(lambda _button: self._move(-1))
        self.next.on_click(lambda _button: self._move(+1))
        self._layout_key = None
        self.padding.observe(lambda _change: self._relayout(), names="value")
        self.stride.observe(lambda _change: self._relayout(), names="value")
        self._relayout(refresh=False)
        self.watch(self.step, self.padding, self.stride)

    def _relayout(self, refresh: bool = True) -> None:
        """New padding or stride: new window positions, and the slider's range follows them."""
        k = self.kernel.shape[0]
        self.origins = window_origins(self.image.shape, k, self.stride.value, self.padding.value)
        self.result = feature_map(self.image, self.kernel, self.stride.value, self.padding.value)
        last = len(self.origins) - 1
        # Moving the range may move the value, which refreshes once through watch(); avoid a
        # second refresh by setting max before clamping.
        self.step.max = max(last, 1)
        if self.step.value > last:
            self.step.value = last

    def _move(self, delta: int) -> None:
        self.step.value = int(np.clip(self.step.value + delta, 0, len(self.origins) - 1))

    @property
    def widget(self) -> widgets.Widget:
        buttons = widgets.HBox([self.previous, self.next, with_readout(self.step)])
        settings = widgets.HBox([self.padding, self.stride])
        return widgets.VBox([buttons, settings, self.status, self.out])

    def update(self) -> None:
        k = self.kernel.shape[0]
        p, s = self.padding.value, self.stride.value
        position = min(self.step.value, len(self.origins) - 1)
        padded = pad(self.image, p)
        row, col = (int(v) for v in self.origins[position])
        window, _products, total = product_terms(self.image, self.kernel, (row, col), p)
        out_rows, out_cols = self.result.shape
        out_r, out_c = divmod(position, out_cols)

        ax_in, ax_out = self.axes
        ax_in.clear()
        ax_out.clear()
        top = max(float(np.max(np.abs(self.image))), 1.0)
        draw_grid(ax_in, padded, cmap="Greys", vmin=0, vmax=top * 1.6, fontsize=13)
        if p:
            for r in range(padded.shape[0]):
                for c in range(padded.shape[1]):
                    if r < p or c < p or r >= padded.shape[0] - p or c >= padded.shape[1] - p:
                        ax_in.add_patch(Rectangle((c - 0.5, r - 0.5), 1, 1, facecolor=COLORS[5], alpha=0.25,
                                                  edgecolor="none"))
        self.window_patch = Rectangle((col - 0.5, row - 0.5), k, k, fill=False, edgecolor=COLORS[1], linewidth=3)
        ax_in.add_patch(self.window_patch)
        for (u, v), weight in np.ndenumerate(self.kernel):
            ax_in.text(col + v + 0.42, row + u - 0.42, "×" + fmt(float(weight)), ha="right", va="top",
                       fontsize=8, color=COLORS[1])
        ax_in.set_title(t("convolution.stepper_input", rows=padded.shape[0], cols=padded.shape[1]))

        filled = np.zeros(self.result.shape, dtype=bool).ravel()
        filled[: position + 1] = True
        mask = ~filled.reshape(self.result.shape)
        limit = symmetric_limit(self.result)
        self.map_image = draw_grid(ax_out, self.result, cmap="RdBu", vmin=-limit, vmax=limit, mask=mask, fontsize=13)
        self.cell_patch = Rectangle((out_c - 0.5, out_r - 0.5), 1, 1, fill=False, edgecolor=COLORS[1], linewidth=3)
        ax_out.add_patch(self.cell_patch)
        size = self.image.shape[0]
        formula = f"⌊({size} + 2·{p} − {k})/{s}⌋ + 1 = {out_rows}"
        ax_out.set_title(t("convolution.stepper_output", rows=out_rows, cols=out_cols, formula=formula))

        self.status.value = (
            t("convolution.stepper_status", step=position + 1, total=len(self.origins), i=out_r, j=out_c,
              rows=f"{row}–{row + k - 1}", cols=f"{col}–{col + k - 1}")
            + "<br>" + html.escape(f"Y[{out_r}, {out_c}] = " + sum_text(self.kernel, window))
        )
        self.current_value = total


class KernelExplorer(FigureWidget):
    """A 3×3 kernel typed into nine boxes, applied to a real 8×8 digit.

    Left: the digit; middle: the kernel with its weights; right: the feature map (red
    negative, blue positive), optionally through ReLU. Choosing a preset fills the boxes;
    editing a box switches the preset to "custom". The status line gives the sum of the
    kernel's weights and the range of the feature map, or names a box that holds no number.

    Parameters
    ----------
    digit
        Which digit 0–9 to show first.
    preset
        A key of :data:`PRESETS` to start with.

    Attributes used by tests: ``digit``, ``preset``, ``boxes`` (nine Text controls, row by
    row), ``padding``, ``relu`` (controls), ``kernel`` (the weights in use),
    ``input_image``, ``kernel_image``, ``map_image`` (artists), ``result``, ``status``.
    """

    def __init__(self, digit: int = 3, preset: str = "horizontal_edge") -> None:
        super().__init__(ncols=3, figsize=(12.0, 4.0))
        from nnlib.datasets import load_digits

        X, y = load_digits(as_images=True)
        # The first image of every digit, always the same.
        self.digits = {d: X[int(np.flatnonzero(y == d)[0]), 0] for d in range(10)}
        if preset not in PRESETS:
            raise ValueError(f"KernelExplorer: expected preset to be one of {', '.join(PRESETS)}, but received {preset!r}")
        self.digit = widgets.Dropdown(options=[(str(d), d) for d in range(10)], value=int(digit),
                                      description=t("convolution.digit"), layout=widgets.Layout(width="11em"))
        self.preset = widgets.Dropdown(
            options=[(t(f"convolution.preset.{name}"), name) for name in PRESETS] + [(t("convolution.preset.custom"), CUSTOM)],
            value=preset, description=t("convolution.preset"), style={"description_width": "initial"},
            layout=widgets.Layout(width="25em"),
        )
        self.padding = widgets.Checkbox(value=True, description=t("convolution.same_padding"), indent=False)
        self.relu = widgets.Checkbox(value=False, description=t("convolution.relu"), indent=False)
        self.boxes = [widgets.Text(layout=widgets.Layout(width="5.5em")) for _ in range(9)]
        self.kernel = preset_kernel(preset)
        self._syncing = False
        self._fill_boxes(preset)
        self.preset.observe(self._preset_changed, names="value")
        for index, box in enumerate(self.boxes):
            box.observe(lambda change, index=index: self._box_changed(index, change), names="value")

        ax_in, ax_kernel, ax_out = self.axes
        self.input_image = ax_in.imshow(self.digits[self.digit.value], cmap="gray_r", vmin=0, vmax=16)
        ax_in.set_title(t("convolution.digit_title"))
        self.kernel_image = None
        self.map_image = ax_out.imshow(np.zeros((8, 8)), cmap="RdBu", vmin=-1, vmax=1)
        self.fig.colorbar(self.map_image, ax=ax_out, fraction=0.046, pad=0.04)
        for ax in self.axes:
            ax.grid(False)
            ax.set_xticks([])
            ax.set_yticks([])
        self.bad_boxes: list[int] = []
        self.watch(self.digit, self.padding, self.relu)

    def _fill_boxes(self, name: str) -> None:
        self._syncing = True
        try:
            for box, text in zip(self.boxes, preset_texts(name)):
                box.value = text
        finally:
            self._syncing = False

    def _preset_changed(self, change) -> None:
        if change["new"] == CUSTOM:
            return
        self.kernel = preset_kernel(change["new"])
        self._fill_boxes(change["new"])
        self.refresh()

    def _box_changed(self, index: int, change) -> None:
        if self._syncing:
            return
        value = parse_weight(change["new"])
        if value is not None:
            self.kernel = self.kernel.copy()
            self.kernel.flat[index] = value
        if self.preset.value != CUSTOM:
            self._syncing = True
            try:
                self.preset.value = CUSTOM
            finally:
                self._syncing = False
        self.refresh()

    @property
    def widget(self) -> widgets.Widget:
        grid = widgets.GridBox(self.boxes, layout=widgets.Layout(grid_template_columns="repeat(3, 5.8em)"))
        kernel_box = widgets.VBox([widgets.Label(t("convolution.kernel_boxes")), grid])
        settings = widgets.VBox([self.digit, self.preset, self.padding, self.relu])
        return widgets.VBox([widgets.HBox([settings, kernel_box]), self.status, self.out])

    def update(self) -> None:
        self.bad_boxes = [i for i, box in enumerate(self.boxes) if parse_weight(box.value) is None]
        image = self.digits[self.digit.value]
        padding = 1 if self.padding.value else 0
        result = feature_map(image, self.kernel, padding=padding)
        if self.relu.value:
            result = np.maximum(result, 0.0)
        self.result = result

        ax_in, ax_kernel, ax_out = self.axes
        self.input_image.set_data(image)
        ax_kernel.clear()
        limit = symmetric_limit(self.kernel)
        self.kernel_image = draw_grid(ax_kernel, self.kernel, cmap="RdBu", vmin=-limit, vmax=limit, fontsize=12,
                                      indices=False)
        ax_kernel.set_title(t("convolution.kernel"))
        self.map_image.set_data(result)
        self.map_image.set_extent((-0.5, result.shape[1] - 0.5, result.shape[0] - 0.5, -0.5))
        ax_out.set_xlim(-0.5, result.shape[1] - 0.5)
        ax_out.set_ylim(result.shape[0] - 0.5, -0.5)
        map_limit = symmetric_limit(result)
        self.map_image.set_clim(-map_limit, map_limit)
        ax_out.set_title(t("convolution.map_title", rows=result.shape[0], cols=result.shape[1]))

        parts = [t("convolution.explorer_status", total=fmt(float(self.kernel.sum()), digits=4),
                   low=fmt(float(result.min())), high=fmt(float(result.max())))]
        for index in self.bad_boxes:
            row, col = divmod(index, 3)
            parts.append(t("convolution.bad_weight", row=row + 1, col=col + 1,
                           text=html.escape(self.boxes[index].value), value=fmt(float(self.kernel.flat[index]))))
        self.status.value = "<br>".join(parts)
