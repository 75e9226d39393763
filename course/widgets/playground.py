"""Chapter 07: the training playground, a small network trained live on 2-D data.

The course's answer to TensorFlow Playground, built on ``nnlib``. The reader picks a data
set (XOR, circles, two moons, spiral, Gaussian blobs) with its noise and training share,
the hidden layers and units per layer, the activation, the learning rate, the batch size
and an optional L2 penalty, and trains with Play/Pause, Step and Reset. Every redraw shows

- the network's probability ``p(x) = σ(z^(L))`` of class 1 as a coloured map over the
  plane, with the 0.5 contour (the decision boundary) and the training and validation
  points on top;
- the training and validation loss per epoch;
- optionally the outputs of the units of the last hidden layer, each as a small map, with
  the weight that carries it into the output unit.

The mathematics is in pure functions and in :class:`Trainer`, which tests and the lesson
call directly (lesson 07 imports them from here): :func:`make_dataset` and
:func:`split_dataset` in :mod:`course.widgets.playground_data`; :func:`build_network`,
:func:`hidden_outputs`, :func:`probability_grid` and :class:`Trainer` in
:mod:`course.widgets.playground_training`; the colours, the lesson's
:func:`plot_decision_boundary` and the fast :class:`Blitter` in
:mod:`course.widgets.playground_drawing`. Training is the loop of the lesson:
one iteration is one forward pass, one backward pass (``Sequential.backward``) and one
update of every weight together; one epoch is one pass over the training set in
mini-batches.

With ``student_train_step=train_step`` (exercise 07) the network is the exercise's
``2 → n_hidden (ReLU) → 1`` with the mean squared error, and every iteration calls the
student's own ``train_step``; the status line says whether it agrees with nnlib's
backpropagation on the same batch.

Play uses an ``ipywidgets.Play`` widget: the browser ticks its value, and every tick runs
a few epochs and redraws, so no thread is needed and tests simply call :meth:`Playground.step`.
"""

from __future__ import annotations

import html
import math
import os
import time
from binascii import b2a_base64
from collections.abc import Callable, Sequence

import ipywidgets as widgets
import numpy as np
from IPython.display import display
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from course.i18n import t
from course.numbers import fmt, fmt_percent
from course.plots import COLORS
from course.widgets.base import STATIC_WIDGETS, FigureWidget
from course.widgets.controls import int_slider, slider, with_readout
from course.widgets.playground_data import (  # noqa: F401 (re-exported)
    DATASETS,
    check_choice,
    make_dataset,
    split_dataset,
)
from course.widgets.playground_drawing import (  # noqa: F401 (re-exported)
    Blitter,
    CLASS_COLORS,
    PROBABILITY_CMAP,
    UNIT_CMAP,
    draw_points,
    plot_decision_boundary,
)
from course.widgets.playground_training import (  # noqa: F401 (re-exported)
    ACTIVATIONS,
    EXTENT,
    RESOLUTION,
    Trainer,
    build_network,
    dense_layers,
    grid_points,
    hidden_outputs,
    probability_grid,
)


L2_CHOICES = (0.0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1)
MAX_UNITS_SHOWN = 16  # the most hidden units whose maps are shown
UNIT_COLUMNS = 8  # the hidden units' maps per row
UNIT_CELL = (1.3, 1.55)  # inches per unit: its map and its title
UNIT_MAP = 1.2  # inches, the side of a unit's map
UNIT_TITLE_WIDTH = 6.6  # inches: the units figure's title at 10 points, in either language


def _nice_epochs(epochs: int) -> int:
    """The x-limit of the loss plot: 10, 20, 40, 80, … (the first that holds ``epochs``)."""
    limit = 10
    while limit < epochs:
        limit *= 2
    return limit


def _nice_ceiling(value: float) -> float:
    """``value`` rounded up to 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × a power of ten (the y-limit)."""
    if not math.isfinite(value) or value <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(value))
    for factor in (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0):
        if factor * power >= value * 1.02:
            return factor * power
    return 10.0 * power


class Playground(FigureWidget):
    """Train a small network on 2-D data, live: controls above, map and loss curves below.

    Controls (all settable from Python): ``dataset``, ``noise``, ``train_share`` (new data,
    new network), ``layers``, ``units``, ``activation`` (new network), ``learning_rate``,
    ``batch_size``, ``l2``, ``epochs_per_step`` (training continues), ``show_units``; the
    buttons ``step_button`` and ``reset_button``; ``play`` (an ``ipywidgets.Play``: every
    tick of its value runs :meth:`step`).

    Attributes used by tests: ``trainer`` (a :class:`Trainer`), ``image`` (the probability
    map, an ``AxesImage``), ``points`` (training points with white edges, validation points
    with black), ``boundary_line``, ``train_line``, ``val_line`` (loss curves),
    ``epoch_text``, ``unit_images``, ``status``, ``picture`` and ``units_picture`` (the
    ``ipywidgets.Image`` s the notebook shows), ``redraws``, ``full_draws``;
    ``min_tick_gap`` and ``skipped_ticks`` (Play ticks that waited behind a slow step).

    Parameters
    ----------
    dataset, hidden, activation, learning_rate, batch_size, noise, train_share, l2
        Initial settings; ``hidden`` is a list of units per layer (all layers get the same
        number of units, the first entry's).
    n_points
        Number of points in the data set (training + validation).
    seed
        Seed of the data; Reset draws new initial weights from a seed counted up from it.
    student_train_step
        The student's ``train_step`` from exercise 07 (see :class:`Trainer`).
    """

    def __init__(self, dataset: str = "xor", *, hidden: Sequence[int] = (4, 4), activation: str = "tanh",
                 learning_rate: float = 0.03, batch_size: int = 10, noise: float = 0.0, train_share: float = 0.5,
                 l2: float = 0.0, n_points: int = 200, epochs_per_step: int = 5, seed: int = 0,
                 student_train_step: Callable | None = None) -> None:
        super().__init__(ncols=2, figsize=(10.5, 4.4))
        check_choice(dataset, DATASETS, "the data set", "Playground")
        check_choice(activation, ACTIVATIONS, "the activation", "Playground")
        if student_train_step is not None and not callable(student_train_step):
            raise TypeError("Playground: expected student_train_step to be a function train_step(X, Y, W1, b1, W2, "
                            f"b2, learning_rate), but received {type(student_train_step).__name__}")
        self.student_train_step = student_train_step
        student = student_train_step is not None
        self.n_points = int(n_points)
        self.data_seed = int(seed)
        self.model_seed = int(seed)
        hidden = list(hidden)

        self.dataset = widgets.Dropdown(options=[(t(f"playground.data_{name}"), name) for name in DATASETS],
                                        value=dataset, description=t("playground.dataset"))
        self.noise = slider(t("playground.noise"), min=0.0, max=0.5, step=0.05, value=noise, decimals=2,
                            continuous_update=False)
        self.train_share = slider(t("playground.train_share"), min=0.1, max=0.9, step=0.1, value=train_share,
                                  decimals=1, continuous_update=False)
        # With the student's train_step the network has exactly one hidden layer (disabled below).
        self.layers = int_slider(t("playground.layers"), min=0, max=4, value=1 if student else len(hidden),
                                 continuous_update=False)
        self.units = int_slider(t("playground.units"), min=1, max=16, value=hidden[0] if hidden else 4,
                                continuous_update=False)
        self.activation = widgets.Dropdown(options=[(t(f"playground.act_{name}"), name) for name in ACTIVATIONS],
                                           value="relu" if student else activation,
                                           description=t("playground.activation"))
        self.learning_rate = slider(t("playground.learning_rate"), min=0.001, max=3.0, step=0.1,
                                    value=learning_rate, log=True, continuous_update=False)
        self.batch_size = int_slider(t("playground.batch_size"), min=1, max=100, value=batch_size,
                                     continuous_update=False)
        self.l2 = widgets.Dropdown(options=[(t("playground.l2_off") if v == 0 else fmt(v), v) for v in L2_CHOICES],
                                   value=0.0 if student else min(L2_CHOICES, key=lambda v: abs(v - l2)),
                                   description=t("playground.l2"))
        self.epochs_per_step = int_slider(t("playground.epochs_per_step"), min=1, max=50, value=epochs_per_step,
                                          continuous_update=False)
        self.show_units = widgets.Checkbox(value=False, description=t("playground.show_units"), indent=False)
        self.step_button = widgets.Button(description=t("playground.step"), icon="step-forward")
        self.reset_button = widgets.Button(description=t("playground.reset"), icon="refresh")
        # The browser ticks the value every `interval` ms while playing; each tick is one step.
        self.play = widgets.Play(value=0, min=0, max=10**7, step=1, interval=100, description=t("playground.play"),
                                 show_repeat=False)
        for control in (self.layers, self.activation, self.l2):
            control.disabled = student
        # Room for the longest label ("learning rate η", "inlärningstakt η") without cutting it.
        for control in (self.dataset, self.noise, self.train_share, self.layers, self.units, self.activation,
                        self.learning_rate, self.batch_size, self.l2, self.epochs_per_step):
            control.style.description_width = "9em"

        self._blitter = Blitter(self.fig)
        self._build_artists()
        self.picture = widgets.Image(format="jpeg", layout=widgets.Layout(max_width="100%"))
        self.units_picture = widgets.Image(format="jpeg", layout=widgets.Layout(max_width="100%", display="none"))
        self.redraws = 0
        self.min_tick_gap = 0.03  # seconds; see _tick
        self.skipped_ticks = 0
        self._last_step_end = -math.inf
        self._new_data()

        # These observers run before the redraw that watch() attaches, so the redraw sees the new state.
        for control in (self.dataset, self.noise, self.train_share):
            control.observe(lambda _change: self._new_data(), names="value")
        for control in (self.layers, self.units, self.activation):
            control.observe(lambda _change: self._new_model(), names="value")
        self.learning_rate.observe(lambda change: setattr(self.trainer, "learning_rate", change["new"]), names="value")
        self.batch_size.observe(lambda change: setattr(self.trainer, "batch_size", change["new"]), names="value")
        self.l2.observe(lambda change: setattr(self.trainer, "l2", change["new"]), names="value")
        self.step_button.on_click(lambda _button: self.step())
        self.reset_button.on_click(lambda _button: self.reset())
        self.play.observe(self._tick, names="value")
        self.watch(self.dataset, self.noise, self.train_share, self.layers, self.units, self.activation,
                   self.learning_rate, self.batch_size, self.l2, self.epochs_per_step, self.show_units)
        # Buttons and Play redraw through step()/reset(), so they are laid out but not watched.
        self.controls = [self.play, self.step_button, self.reset_button, *self.controls]

    # Figure -------------------------------------------------------------------------
    def _build_artists(self) -> None:
        ax, ax_loss = self.axes
        self.image = ax.imshow(np.full((RESOLUTION, RESOLUTION), 0.5), origin="lower",
                               extent=(-EXTENT, EXTENT, -EXTENT, EXTENT), cmap=PROBABILITY_CMAP, vmin=0.0, vmax=1.0,
                               interpolation="bilinear")
        # Training and validation points in one collection (one draw call): white or black edges.
        self.points = ax.scatter(np.zeros(1), np.zeros(1), s=24, linewidths=0.8, zorder=3)
        (self.boundary_line,) = ax.plot([], [], color="0.15", linewidth=1.3)
        ax.set_xlim(-EXTENT, EXTENT)
        ax.set_ylim(-EXTENT, EXTENT)
        ax.set_aspect("equal")
        ax.grid(False)
        ax.set_xlabel("$x_1$")
        ax.set_ylabel("$x_2$")
        # The legend sits under the map, in the static background, so that nothing covers it.
        proxies = [
            Line2D([], [], marker="o", linestyle="none", markerfacecolor="0.55", markeredgecolor="white",
                   markersize=6, label=t("playground.train_points")),
            Line2D([], [], marker="o", linestyle="none", markerfacecolor="0.55", markeredgecolor="black",
                   markersize=6, label=t("playground.val_points")),
            Line2D([], [], color="0.15", linewidth=1.3, label=t("playground.boundary")),
        ]
        ax.legend(handles=proxies, loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2, fontsize=8,
                  frameon=False)
        colorbar = self.fig.colorbar(self.image, ax=ax, fraction=0.046, pad=0.03)
        colorbar.set_label(t("playground.probability"))
        (self.train_line,) = ax_loss.plot([], [], color=COLORS[0], label=t("playground.train_loss"))
        (self.val_line,) = ax_loss.plot([], [], color=COLORS[1], linestyle="--", label=t("playground.val_loss"))
        self.epoch_text = ax_loss.text(0.03, 0.05, "", transform=ax_loss.transAxes, fontsize=10)
        ax_loss.set_title(t("playground.loss_title"), fontsize=11)
        ax_loss.set_xlabel(t("playground.epoch"))
        ax_loss.set_ylabel(t("playground.loss"))
        ax_loss.legend(loc="upper right", fontsize=9)
        self.fig.tight_layout()
        self.units_fig = None
        self.unit_images: list = []

    def _boundary_points(self, p: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The 0.5 level line of ``p`` as one polyline with NaN breaks (marching squares by matplotlib)."""
        if not p.min() < 0.5 < p.max():
            return np.empty(0), np.empty(0)
        axis = np.linspace(-EXTENT, EXTENT, RESOLUTION)
        contour = self._contour_generator(axis, p)
        xs, ys = [], []
        for segment in contour:
            xs.extend([*segment[:, 0], np.nan])
            ys.extend([*segment[:, 1], np.nan])
        return np.array(xs), np.array(ys)

    @staticmethod
    def _contour_generator(axis: np.ndarray, p: np.ndarray) -> list[np.ndarray]:
        import contourpy

        generator = contourpy.contour_generator(axis, axis, p)
        return generator.lines(0.5)

    def _units_figure(self, n_units: int):
        """The figure of the hidden units' maps, laid out for ``n_units`` of them, and their images.

        The figure and its small axes are made once (more axes only when more units are
        shown than ever before); a new number of units only resizes the figure and moves
        the axes (a grid of at most 8 columns), a fraction of the cost of a new figure.
        """
        if self.units_fig is None:
            fig = Figure()
            self._unit_axes, self._unit_image_pool = [], []
            self._units_title = fig.suptitle(t("playground.units_title"), fontsize=10)
        else:
            fig = self.units_fig
        while len(self._unit_axes) < n_units:
            ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
            ax.set_xticks([])
            ax.set_yticks([])
            ax.grid(False)
            self._unit_axes.append(ax)
            self._unit_image_pool.append(ax.imshow(
                np.zeros((RESOLUTION, RESOLUTION)), origin="lower", cmap=UNIT_CMAP,
                extent=(-EXTENT, EXTENT, -EXTENT, EXTENT), vmin=-1, vmax=1, interpolation="bilinear"))
        columns = min(n_units, UNIT_COLUMNS)
        rows = math.ceil(n_units / columns)
        # In inches: each unit a cell of 1.3 × 1.55, its map 1.2 square with the title above it,
        # and 0.45 above all for the figure's title, which needs UNIT_TITLE_WIDTH (the grid is
        # centred under it when fewer units would cut it off).
        grid_width = UNIT_CELL[0] * columns
        width, height = max(grid_width, UNIT_TITLE_WIDTH), UNIT_CELL[1] * rows + 0.45
        fig.set_size_inches(width, height)
        self._units_title.set_y(1.0 - 0.08 / height)
        for index, ax in enumerate(self._unit_axes):
            row, column = divmod(index, columns)
            left = (width - grid_width) / 2 + column * UNIT_CELL[0] + (UNIT_CELL[0] - UNIT_MAP) / 2
            bottom = height - 0.45 - (row + 1) * UNIT_CELL[1] + 0.1
            ax.set_position((left / width, bottom / height, UNIT_MAP / width, UNIT_MAP / height))
            ax.set_visible(index < n_units)
        return fig, self._unit_image_pool[:n_units]

    # State ---------------------------------------------------------------------------
    def _new_data(self) -> None:
        X, y = make_dataset(self.dataset.value, self.n_points, self.noise.value, rng=self.data_seed)
        self.X_train, self.y_train, self.X_val, self.y_val = split_dataset(
            X, y, self.train_share.value, rng=self.data_seed + 1
        )
        self._new_model()

    def _new_model(self) -> None:
        hidden = [int(self.units.value)] * int(self.layers.value)
        self.trainer = Trainer(self.X_train, self.y_train, self.X_val, self.y_val, hidden=hidden,
                               activation=self.activation.value, learning_rate=self.learning_rate.value,
                               batch_size=int(self.batch_size.value), l2=self.l2.value, seed=self.model_seed,
                               student_train_step=self.student_train_step)

    def reset(self) -> None:
        """New random initial weights (same data and settings), then redraw."""
        self.model_seed += 1
        self._new_model()
        self.refresh()

    def step(self) -> None:
        """Train ``epochs_per_step`` epochs and redraw."""
        self.trainer.train(int(self.epochs_per_step.value))
        self.refresh()

    def _tick(self, change) -> None:
        # Stop sets the value back to its minimum: that is no step.
        if change["new"] <= change["old"]:
            return
        # When a step takes longer than the Play interval, the browser's ticks queue up in the
        # kernel and would keep training after Pause. A tick that arrives right after the
        # previous step ended was waiting in that queue: skip it.
        if time.perf_counter() - self._last_step_end < self.min_tick_gap:
            self.skipped_ticks += 1
            return
        self.step()
        self._last_step_end = time.perf_counter()

    # Drawing -------------------------------------------------------------------------
    def update(self) -> None:
        trainer = self.trainer
        ax, ax_loss = self.axes
        p = trainer.probabilities()
        self.image.set_data(p)
        xs, ys = self._boundary_points(p)
        self.boundary_line.set_data(xs, ys)
        self.points.set_offsets(np.concatenate([self.X_train, self.X_val]))
        self.points.set_facecolors(np.array(CLASS_COLORS)[np.concatenate([self.y_train, self.y_val])])
        self.points.set_edgecolors(["white"] * len(self.X_train) + ["black"] * len(self.X_val))
        epochs = np.arange(len(trainer.train_losses))
        self.train_line.set_data(epochs, trainer.train_losses)
        self.val_line.set_data(epochs, trainer.val_losses)
        finite = [v for v in (*trainer.train_losses, *trainer.val_losses) if math.isfinite(v)]
        # Limits change in steps (doubling epochs, a rounded-up loss), so most redraws can blit.
        ax_loss.set_xlim(0, _nice_epochs(len(epochs) - 1))
        ax_loss.set_ylim(0, _nice_ceiling(1.3 * max(finite)) if finite else 1.0)  # room for the legend
        self.epoch_text.set_text(t("playground.epoch_text", epoch=fmt(trainer.epoch)))
        title = "playground.map_title_student" if self.student_train_step is not None else "playground.map_title"
        ax.set_title(t(title, sizes=self._sizes_text()), fontsize=11)
        if self.show_units.value:
            self._update_units()
        self.status.value = self._status()
        self.redraws += 1

    def _sizes_text(self) -> str:
        return "–".join(str(size) for size in [2, *self.trainer.hidden, 1])

    def _update_units(self) -> None:
        trainer = self.trainer
        if not trainer.hidden:
            self.unit_images = []
            return
        n_units = min(trainer.hidden[-1], MAX_UNITS_SHOWN)
        if self.units_fig is None or len(self.unit_images) != n_units:
            new = self.units_fig is None
            self.units_fig, self.unit_images = self._units_figure(n_units)
            if new:
                self._units_blitter = Blitter(self.units_fig)
        with np.errstate(over="ignore", invalid="ignore"):
            outputs = hidden_outputs(trainer.model, grid_points())[-1]
        weights = dense_layers(trainer.model)[-1].params["W"][0]
        # White where the unit's output is 0 (tanh, ReLU, linear) or ½ (sigmoid): the colours
        # show the sign, or the side of ½, and the strength.
        for j, image in enumerate(self.unit_images):
            values = outputs[:, j].reshape(RESOLUTION, RESOLUTION)
            if trainer.activation == "sigmoid":
                bottom, top = 0.0, 1.0
            elif trainer.activation == "tanh":
                bottom, top = -1.0, 1.0
            else:  # ReLU and linear outputs have no fixed range
                top = max(float(np.nanmax(np.abs(values))), 1e-6)
                bottom = -top
            image.set_data(values)
            image.set_clim(bottom, top)
            image.axes.set_title(t("playground.unit_weight", j=j + 1, w=fmt(float(weights[j]), decimals=2)),
                                 fontsize=8)

    def _status(self) -> str:
        trainer = self.trainer
        parts = []
        if trainer.diverged:
            parts.append("<b>" + t("playground.diverged", lr=fmt(trainer.learning_rate)) + "</b>")
        parts.append(t(
            "playground.status",
            epoch=fmt(trainer.epoch),
            iterations=fmt(trainer.epoch * trainer.iterations_per_epoch),
            per_epoch=fmt(trainer.iterations_per_epoch),
            train=fmt(trainer.train_losses[-1], decimals=3) if math.isfinite(trainer.train_losses[-1]) else "∞",
            val=fmt(trainer.val_losses[-1], decimals=3) if math.isfinite(trainer.val_losses[-1]) else "∞",
            train_acc=fmt_percent(trainer.accuracy(self.X_train, trainer.Y_train), decimals=0),
            val_acc=fmt_percent(trainer.accuracy(self.X_val, trainer.Y_val), decimals=0),
            params=fmt(trainer.model.n_params()),
        ))
        if self.student_train_step is not None:
            parts.append(self._student_status())
        return "<br>".join(parts)

    def _student_status(self) -> str:
        trainer = self.trainer
        name = getattr(self.student_train_step, "__name__", "train_step")
        outcome = trainer.student_outcome
        if outcome == "not_answered":
            return t("playground.student_not_answered", name=name)
        if outcome == "error":
            return t("playground.student_raised", name=name, error=html.escape(trainer.student_message))
        if outcome == "shape":
            return t("playground.student_bad_return", name=name, what=html.escape(trainer.student_message))
        if outcome == "nonfinite":
            return t("playground.student_nonfinite", name=name)
        if outcome == "ok":
            if getattr(trainer, "student_agrees", False):
                return t("playground.student_agrees", name=name, diff=fmt(trainer.student_difference))
            return t("playground.student_disagrees", name=name, diff=fmt(trainer.student_difference))
        return t("playground.student_ready", name=name)

    # Display -------------------------------------------------------------------------
    # Redraws go through a Blitter: the moving artists (map, boundary, points, loss curves,
    # epoch text) are drawn on a saved background until the layout changes; new limits of
    # the loss plot redraw that plot alone, and a new title over the map that title alone.
    def _dynamic_artists(self) -> list:
        return [self.image, self.boundary_line, self.points, self.train_line, self.val_line, self.epoch_text]

    def _layout_key(self) -> tuple:
        return (self.fig.get_size_inches().tobytes(),)

    def _redrawn(self) -> list[tuple]:
        ax, ax_loss = self.axes
        return [(ax_loss, (ax_loss.get_xlim(), ax_loss.get_ylim())), (ax.title, ax.get_title())]

    def render(self, image_format: str = "jpeg") -> bytes:
        """The main figure as JPEG bytes (drawn in full only when its layout changed)."""
        return self._blitter.render(self._dynamic_artists(), self._layout_key(), image_format,
                                    self._redrawn())

    @property
    def full_draws(self) -> int:
        return self._blitter.full_draws

    def _render_units(self) -> bytes:
        dynamic = [artist for image in self.unit_images for artist in (image, image.axes.title)]
        return self._units_blitter.render(dynamic, (len(self.unit_images),))

    def refresh(self) -> None:
        self.update()
        self.picture.value = self.render()
        if self.show_units.value and self.unit_images:
            self.units_picture.value = self._render_units()
            self.units_picture.layout.display = None
        else:
            self.units_picture.layout.display = "none"

    @property
    def widget(self) -> widgets.Widget:
        rows = [widgets.HBox([self.play, self.step_button, self.reset_button]),
                *[widgets.HBox([with_readout(c) for c in self.controls[i:i + 3]])
                  for i in range(3, len(self.controls), 3)]]
        return widgets.VBox([*rows, self.status, self.picture, self.units_picture])

    def _ipython_display_(self) -> None:
        if os.environ.get(STATIC_WIDGETS):
            # Executed for a slide deck (course.slides): the picture alone, no controls.
            self.update()
            png = self.render(image_format="png")
            display({"image/png": b2a_base64(png, newline=False).decode("ascii"), "text/plain": repr(self.fig)},
                    raw=True)
            return
        self.refresh()
        display(self.widget)
