"""Chapter 11: overfitting, validation, early stopping and checkpoints.

The chapter's running example is a small, noisy two-moons problem: 60 training points,
200 validation points and 200 test points from the same distribution
(:func:`moons_data`). Networks with one hidden layer of ``h`` tanh units and a sigmoid
output are trained on it with full-batch Adam (:func:`train_run`); a callback keeps a
copy of the weights every few epochs (:class:`SnapshotRecorder`), so a widget can show
the network of any epoch without training again.

- :class:`OverfittingExplorer`: two sliders, the hidden size ``h`` and the epoch; the
  training and validation loss curves of that run and the decision boundary of that
  epoch.
- :class:`CheckpointBrowser`: loads the checkpoints that :class:`nnlib.Checkpoint`
  wrote to disk, one slider position per saved epoch, and a button that restores the
  best one; the decision boundary and the validation errors change with the weights.

:class:`WithL2` adds an L2 penalty to any optimiser, for the regularisation section.
Everything that computes (training, snapshots, the probability map, the choice of
size) is a module-level function that the tests call directly.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

import ipywidgets as widgets
import numpy as np
from matplotlib.colors import LinearSegmentedColormap

from course.i18n import t
from course.numbers import fmt, fmt_percent
from course.plots import COLORS
from course.widgets.base import FigureWidget
from course.widgets.controls import int_slider
from nnlib.datasets import two_moons
from nnlib.losses import BinaryCrossEntropy
from nnlib.metrics import accuracy
from nnlib.model import MLP, Sequential, load
from nnlib.optim import Adam
from nnlib.training import Callback, Checkpoint, History, fit

#: Hidden sizes of the size sweep: from far too small to far too large for 60 points.
SIZES = (1, 2, 4, 8, 16, 32, 64, 128)

#: Region of the plane drawn by the boundary plots, ``(x_min, x_max, y_min, y_max)``.
EXTENT = (-1.8, 2.8, -1.4, 1.9)

#: Grid points per axis of the probability map.
RESOLUTION = 90

# Class 0 orange, class 1 blue, with white at p = 0.5 (Okabe–Ito colours).
PROBABILITY_CMAP = LinearSegmentedColormap.from_list("moons", [COLORS[1], "#ffffff", COLORS[0]])


# Data


@dataclass(frozen=True)
class MoonsData:
    """Training, validation and test points from one two-moons distribution.

    ``X_*`` have shape ``(N, 2)`` and ``y_*`` shape ``(N,)`` with labels 0 and 1.
    """

    X_train: np.ndarray
    y_train: np.ndarray
    X_val: np.ndarray
    y_val: np.ndarray
    X_test: np.ndarray
    y_test: np.ndarray


def moons_data(n_train: int = 60, n_val: int = 200, n_test: int = 200, *, noise: float = 0.3,
               seeds: tuple[int, int, int] = (11, 12, 13)) -> MoonsData:
    """Three independent samples of :func:`nnlib.datasets.two_moons` with the same noise.

    The three sets are drawn with their own seeds, so no point is in two of them, and all
    three come from the same distribution: what a network learns from the training
    points can be measured fairly on the other two.
    """
    if len(seeds) != 3:
        raise ValueError(f"moons_data: expected three seeds (training, validation, test), but received {seeds!r}")
    parts = [two_moons(n, noise=noise, rng=seed) for n, seed in zip((n_train, n_val, n_test), seeds)]
    return MoonsData(*parts[0], *parts[1], *parts[2])


# Training with snapshots


class SnapshotRecorder(Callback):
    """A :func:`nnlib.fit` callback that keeps a copy of the weights every ``every`` epochs.

    ``snapshots[e]`` holds the weights after epoch ``e`` (``snapshots[0]``: the initial
    weights) as returned by ``model.get_weights()``. Unlike :class:`nnlib.Checkpoint` it
    keeps them in memory, for widgets that jump between epochs.
    """

    def __init__(self, every: int = 5) -> None:
        if isinstance(every, bool) or not isinstance(every, (int, np.integer)) or every < 1:
            raise ValueError(f"SnapshotRecorder: expected every to be an integer >= 1, but received {every!r}")
        self.every = int(every)
        self.snapshots: dict[int, dict[str, np.ndarray]] = {}

    def on_train_begin(self, model, has_validation):
        self.snapshots = {0: model.get_weights()}

    def on_epoch_end(self, epoch, logs, model):
        if epoch % self.every == 0:
            self.snapshots[epoch] = model.get_weights()
        return False


class WithL2:
    """An optimiser that minimises the loss plus an L2 penalty on the weights.

    The cost becomes ``C + (λ/2) Σ w²`` over every weight ``w`` (the biases are left
    out: they shift a unit, they do not make it steeper). The penalty's gradient is
    ``λ w``, so before every step this adds ``λ W`` to the gradient of each weight
    matrix and then lets ``optimizer`` take its step. Large weights, which make sharp,
    wiggly boundaries, now cost something.

    >>> import nnlib
    >>> model = nnlib.MLP([2, 3, 1], rng=0)
    >>> optimizer = WithL2(nnlib.SGD(0.1), 0.01)
    """

    def __init__(self, optimizer, l2: float) -> None:
        l2 = float(l2)
        if not np.isfinite(l2) or l2 < 0:
            raise ValueError(f"WithL2: expected l2 >= 0, but received {l2!r}")
        if not hasattr(optimizer, "step"):
            raise TypeError(f"WithL2: expected an optimiser with step(model), but received {type(optimizer).__name__}")
        self.optimizer = optimizer
        self.l2 = l2
        self.learning_rate = getattr(optimizer, "learning_rate", None)

    def step(self, model) -> None:
        if self.l2:
            for name, param, grad in model.parameters():
                if name.endswith(".W"):
                    grad += self.l2 * param
        self.optimizer.step(model)

    def reset(self) -> None:
        self.optimizer.reset()

    def __repr__(self) -> str:
        return f"WithL2({self.optimizer!r}, l2={self.l2})"


def l2_penalty(model: Sequential, l2: float) -> float:
    """``(λ/2) Σ w²`` over the weight matrices of ``model`` (biases excluded)."""
    return 0.5 * float(l2) * sum(float(np.sum(p**2)) for name, p, _ in model.parameters() if name.endswith(".W"))


@dataclass
class Run:
    """One training run of a ``[2, hidden, 1]`` network, epoch by epoch.

    ``loss`` has one entry per epoch 1..E; ``snapshots`` maps epochs ``0, every,
    2·every, …`` to the weights at that epoch, and ``val_accuracy`` maps the same epochs
    to the validation accuracy of those weights. ``val_loss[i]`` is the validation loss
    after epoch ``validation_epochs[i]``: every epoch 1..E, unless the run was validated
    at its snapshot epochs only (``val_epochs``).
    """

    hidden: int
    seed: int
    l2: float
    loss: np.ndarray
    val_loss: np.ndarray
    val_accuracy: dict[int, float]
    snapshots: dict[int, dict[str, np.ndarray]] = field(repr=False)
    val_epochs: np.ndarray | None = None

    @property
    def epochs(self) -> int:
        return len(self.loss)

    @property
    def validation_epochs(self) -> np.ndarray:
        """The epochs at which ``val_loss`` was measured, shape ``(len(val_loss),)``."""
        return np.arange(1, len(self.val_loss) + 1) if self.val_epochs is None else self.val_epochs

    @property
    def best_epoch(self) -> int:
        """The epoch (from 1) with the lowest validation loss."""
        return int(self.validation_epochs[int(np.argmin(self.val_loss))])

    def val_loss_at(self, epoch: int) -> float:
        """The validation loss after ``epoch`` (an epoch at which it was measured)."""
        where = np.flatnonzero(self.validation_epochs == int(epoch))
        if not where.size:
            raise ValueError(f"Run.val_loss_at: expected an epoch at which the validation loss was measured "
                             f"({int(self.validation_epochs[0])}, {int(self.validation_epochs[1])}, …), "
                             f"but received {epoch}")
        return float(self.val_loss[where[0]])

    def model(self, epoch: int | None = None) -> Sequential:
        """The network as it was after ``epoch`` (a snapshot epoch; default: the last)."""
        epoch = self.epochs if epoch is None else int(epoch)
        if epoch not in self.snapshots:
            raise ValueError(
                f"Run.model: expected one of the snapshot epochs {sorted(self.snapshots)[:3]}…"
                f"{sorted(self.snapshots)[-1]}, but received {epoch}"
            )
        model = network(self.hidden, seed=self.seed)
        model.set_weights(self.snapshots[epoch])
        return model


def network(hidden: int, *, seed: int = 0) -> Sequential:
    """The chapter's network: 2 inputs, ``hidden`` tanh units, one sigmoid output."""
    return MLP([2, int(hidden), 1], activation="tanh", output="sigmoid", rng=seed)


def train_run(data: MoonsData, hidden: int, *, epochs: int = 300, learning_rate: float = 0.05, seed: int = 0,
              l2: float = 0.0, snapshot_every: int = 5, validate_each_epoch: bool = True) -> Run:
    """Train :func:`network` on ``data`` with full-batch Adam and keep snapshots.

    Every epoch is one full-batch step, so the run is the same on every machine for the
    same ``seed``. The logged ``loss`` is the data loss only, without the L2 penalty, so
    runs with and without L2 can be compared. The validation accuracy is computed for the
    snapshot epochs only, after training: asking ``fit`` for it every epoch would cost a
    third of the training time. With ``validate_each_epoch=False`` the validation loss,
    too, is measured at the snapshot epochs only (``val_epochs``), which nearly halves the
    time of a run whose curve is only drawn.
    """
    model = network(hidden, seed=seed)
    recorder = SnapshotRecorder(snapshot_every)
    validation = (data.X_val, data.y_val) if validate_each_epoch else None
    history = fit(model, BinaryCrossEntropy(), WithL2(Adam(learning_rate), l2), data.X_train, data.y_train,
                  epochs=epochs, validation_data=validation, callbacks=[recorder], rng=seed, progress=False)
    final = model.get_weights()
    val_accuracy, snapshot_losses = {}, {}
    loss = BinaryCrossEntropy()
    for epoch, weights in recorder.snapshots.items():
        model.set_weights(weights)
        output = model.predict(data.X_val)
        val_accuracy[epoch] = accuracy(output, data.y_val)
        snapshot_losses[epoch] = loss.forward(output, data.y_val)
    model.set_weights(final)
    if validate_each_epoch:
        val_loss, val_epochs = np.array(history.val_loss), None
    else:
        val_epochs = np.array(sorted(e for e in snapshot_losses if e > 0))
        val_loss = np.array([snapshot_losses[e] for e in val_epochs])
    return Run(hidden=int(hidden), seed=seed, l2=float(l2), loss=np.array(history.loss), val_loss=val_loss,
               val_accuracy=val_accuracy, snapshots=recorder.snapshots, val_epochs=val_epochs)


def size_sweep(data: MoonsData, sizes=SIZES, *, every_epoch=None, **kwargs) -> dict[int, Run]:
    """One :func:`train_run` per hidden size, with the same data, seed and settings.

    ``every_epoch`` lists the sizes whose validation loss is measured after every epoch
    (default: all); the others are validated at their snapshot epochs only, which is all
    that :class:`OverfittingExplorer` and :func:`plot_size_sweep` need and saves about a
    quarter of the sweep's time. Training itself is the same either way.
    """
    every_epoch = {int(h) for h in sizes} if every_epoch is None else {int(h) for h in every_epoch}
    return {int(h): train_run(data, h, validate_each_epoch=int(h) in every_epoch, **kwargs) for h in sizes}


def lagom_size(runs: dict[int, Run], *, at: str = "last") -> int:
    """The hidden size whose validation loss is lowest.

    ``at="last"`` compares the validation loss after the last epoch (every network
    trained equally long); ``at="best"`` compares each run's lowest validation loss
    (as if each had been stopped early at its best epoch). Ties go to the smaller network.
    """
    if at not in ("last", "best"):
        raise ValueError(f"lagom_size: expected at='last' or at='best', but received {at!r}")
    if not runs:
        raise ValueError("lagom_size: expected at least one run, but received none")
    score = {h: (run.val_loss[-1] if at == "last" else run.val_loss.min()) for h, run in runs.items()}
    return min(sorted(score), key=lambda h: score[h])


def grid_points(extent=EXTENT, resolution: int = RESOLUTION) -> np.ndarray:
    """The ``resolution²`` points of a regular grid over ``extent``, shape ``(resolution², 2)``.

    Row ``i·resolution + j`` is the point in grid row ``i`` (``y`` grows with ``i``) and
    column ``j`` (``x`` grows with ``j``), the order ``imshow(origin="lower")`` expects.
    """
    x0, x1, y0, y1 = extent
    xs, ys = np.linspace(x0, x1, resolution), np.linspace(y0, y1, resolution)
    gx, gy = np.meshgrid(xs, ys)
    return np.column_stack([gx.ravel(), gy.ravel()])


def probability_map(model: Sequential, extent=EXTENT, resolution: int = RESOLUTION) -> np.ndarray:
    """The network's probability of class 1 over the grid, shape ``(resolution, resolution)``."""
    return model.predict(grid_points(extent, resolution)).reshape(resolution, resolution)


def changed_predictions(model_a: Sequential, model_b: Sequential, X: np.ndarray) -> int:
    """How many points of ``X`` the two networks put in different classes (threshold 0.5)."""
    return int(np.sum((model_a.predict(X)[:, 0] >= 0.5) != (model_b.predict(X)[:, 0] >= 0.5)))


def evaluate(model: Sequential, X: np.ndarray, y: np.ndarray) -> tuple[float, float, int]:
    """``(loss, accuracy, number wrong)`` of ``model`` on ``(X, y)`` with binary cross-entropy."""
    output = model.predict(X)
    wrong = int(np.sum((output[:, 0] >= 0.5) != (np.asarray(y) == 1)))
    return BinaryCrossEntropy().forward(output, y), accuracy(output, y), wrong


# Drawing


def draw_points(ax, data: MoonsData, *, validation: bool = True) -> None:
    """Training points large with a dark edge; validation points small and pale."""
    if validation:
        for label in (0, 1):
            chosen = data.y_val == label
            ax.scatter(*data.X_val[chosen].T, s=10, color=COLORS[1 - label], alpha=0.35, linewidths=0,
                       label=t("overfitting.validation_points") if label == 0 else None)
    for label in (0, 1):
        chosen = data.y_train == label
        ax.scatter(*data.X_train[chosen].T, s=38, color=COLORS[1 - label], edgecolors="black", linewidths=0.8,
                   label=t("overfitting.training_points") if label == 0 else None)
    ax.set_xlim(EXTENT[0], EXTENT[1])
    ax.set_ylim(EXTENT[2], EXTENT[3])
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.grid(False)


class BoundaryArtists:
    """A probability map and its 0.5 contour on one axes, redrawn for a new network."""

    def __init__(self, ax) -> None:
        self.ax = ax
        self.image = ax.imshow(np.full((RESOLUTION, RESOLUTION), 0.5), extent=EXTENT, origin="lower",
                               cmap=PROBABILITY_CMAP, vmin=0, vmax=1, alpha=0.55, aspect="auto",
                               interpolation="bilinear")
        self.contour = None
        self.probabilities = self.image.get_array()

    def show(self, model: Sequential) -> None:
        self.probabilities = probability_map(model)
        self.image.set_data(self.probabilities)
        if self.contour is not None:
            self.contour.remove()
        self.contour = None
        if self.probabilities.min() < 0.5 < self.probabilities.max():
            x0, x1, y0, y1 = EXTENT
            self.contour = self.ax.contour(np.linspace(x0, x1, RESOLUTION), np.linspace(y0, y1, RESOLUTION),
                                           self.probabilities, levels=[0.5], colors="black", linewidths=1.5)


def boundary_plot(ax, model: Sequential, data: MoonsData, title: str = "", *, validation: bool = False) -> BoundaryArtists:
    """A static decision-boundary figure: probability map, 0.5 contour, the points."""
    artists = BoundaryArtists(ax)
    artists.show(model)
    draw_points(ax, data, validation=validation)
    if title:
        ax.set_title(title)
    return artists


def loss_curves(ax, loss, val_loss, *, best: bool = True, val_epochs=None) -> tuple:
    """Training and validation loss per epoch, with the lowest validation loss marked.

    ``val_epochs``: the epochs at which ``val_loss`` was measured (default: every epoch).
    """
    epochs = np.arange(1, len(loss) + 1)
    val_epochs = np.arange(1, len(val_loss) + 1) if val_epochs is None else np.asarray(val_epochs)
    (train_line,) = ax.plot(epochs, loss, color=COLORS[0], label=t("overfitting.training_loss"))
    (val_line,) = ax.plot(val_epochs, val_loss, color=COLORS[1], label=t("overfitting.validation_loss"))
    best_marker = None
    if best:
        k = int(np.argmin(val_loss))
        (best_marker,) = ax.plot([val_epochs[k]], [val_loss[k]], "*", color=COLORS[1], markersize=14,
                                 markeredgecolor="black", label=t("overfitting.lowest_validation"))
    ax.set_xlabel(t("overfitting.epoch"))
    ax.set_ylabel(t("overfitting.loss_axis"))
    return train_line, val_line, best_marker


def plot_size_sweep(ax, runs: dict[int, Run]) -> None:
    """Last-epoch training and validation loss against the hidden size (log₂ axis),
    and each run's lowest validation loss."""
    sizes = np.array(sorted(runs))
    ax.plot(sizes, [runs[h].loss[-1] for h in sizes], "o-", color=COLORS[0], label=t("overfitting.training_loss_last"))
    ax.plot(sizes, [runs[h].val_loss[-1] for h in sizes], "s-", color=COLORS[1],
            label=t("overfitting.validation_loss_last"))
    ax.plot(sizes, [runs[h].val_loss.min() for h in sizes], "^--", color=COLORS[2],
            label=t("overfitting.validation_loss_best"))
    chosen = lagom_size(runs)
    ax.axvline(chosen, color="black", linewidth=1, linestyle=":")
    ax.annotate(t("overfitting.lagom_label", h=fmt(chosen)), (chosen, ax.get_ylim()[1]), xytext=(4, -14),
                textcoords="offset points", fontsize=11)
    ax.set_xscale("log", base=2)
    ax.set_xticks(sizes)
    ax.set_xticklabels([fmt(int(h)) for h in sizes])
    ax.set_xlabel(t("overfitting.hidden_size"))
    ax.set_ylabel(t("overfitting.loss_axis"))
    ax.legend(fontsize=10)


# Widgets


def _html_status(*parts: str) -> str:
    return "<br>".join(parts)


class OverfittingExplorer(FigureWidget):
    """Training against validation loss as the network grows and trains longer.

    Two sliders: the hidden size ``h`` (over the sizes in ``runs``) and the epoch (over
    the snapshot epochs). Left: the loss curves of the chosen run, with a vertical line
    at the chosen epoch and the lowest validation loss marked by a star. Right: the
    decision boundary of that network at that epoch, over the training points (large)
    and the validation points (small).

    Attributes used by tests: ``size``, ``epoch`` (controls); ``train_line``,
    ``val_line``, ``best_marker``, ``epoch_line``, ``boundary`` (artists); ``status``.
    """

    def __init__(self, runs: dict[int, Run], data: MoonsData, *, hidden: int | None = None,
                 epoch: int | None = None) -> None:
        super().__init__(ncols=2, figsize=(11.5, 4.4))
        if not runs:
            raise ValueError("OverfittingExplorer: expected at least one run, but received none")
        self.runs, self.data = runs, data
        sizes = sorted(runs)
        first = runs[sizes[0]]
        snapshot_epochs = sorted(first.snapshots)
        every = snapshot_epochs[1] - snapshot_epochs[0] if len(snapshot_epochs) > 1 else 1
        hidden = sizes[-1] if hidden is None else hidden
        if hidden not in runs:
            raise ValueError(f"OverfittingExplorer: expected hidden to be one of {sizes}, but received {hidden!r}")
        self.size = widgets.SelectionSlider(
            options=[(fmt(h), h) for h in sizes], value=hidden, description=t("overfitting.hidden_size_short"),
            continuous_update=False, style={"description_width": "initial"},
        )
        self.epoch = int_slider(
            t("overfitting.epoch"), min=0, max=first.epochs, step=every,
            value=first.epochs if epoch is None else int(epoch), continuous_update=False,
            style={"description_width": "initial"},
        )
        ax_loss, ax_map = self.axes
        self.train_line, self.val_line, self.best_marker = loss_curves(ax_loss, first.loss, first.val_loss,
                                                                       val_epochs=first.validation_epochs)
        self.epoch_line = ax_loss.axvline(self.epoch.value, color="black", linewidth=1, linestyle="--")
        ax_loss.legend(fontsize=10, loc="upper right")
        self.boundary = BoundaryArtists(ax_map)
        draw_points(ax_map, data)
        ax_map.legend(fontsize=9, loc="lower left")
        self.watch(self.size, self.epoch)

    @property
    def run(self) -> Run:
        return self.runs[self.size.value]

    def update(self) -> None:
        run, epoch = self.run, self.epoch.value
        ax_loss, ax_map = self.axes
        epochs = np.arange(1, run.epochs + 1)
        self.train_line.set_data(epochs, run.loss)
        self.val_line.set_data(run.validation_epochs, run.val_loss)
        best = run.best_epoch
        self.best_marker.set_data([best], [run.val_loss_at(best)])
        self.epoch_line.set_xdata([epoch, epoch])
        top = max(float(np.max(run.val_loss[: max(run.epochs, 1)])), float(run.loss[0]))
        ax_loss.set_xlim(0, run.epochs)
        ax_loss.set_ylim(0, min(1.05 * top, 1.0))
        ax_loss.set_title(t("overfitting.curves_title", h=fmt(run.hidden)))
        self.boundary.show(run.model(epoch))
        ax_map.set_title(t("overfitting.boundary_title", h=fmt(run.hidden), epoch=fmt(epoch)))
        if epoch == 0:
            now = t("overfitting.status_start")
        else:
            now = t("overfitting.status_epoch", epoch=fmt(epoch), train=fmt(run.loss[epoch - 1], decimals=3),
                    val=fmt(run.val_loss_at(epoch), decimals=3),
                    acc=fmt_percent(run.val_accuracy[epoch]))
        self.status.value = _html_status(
            now,
            t("overfitting.status_best", epoch=fmt(best), val=fmt(run.val_loss_at(best), decimals=3),
              last=fmt(run.val_loss[-1], decimals=3)),
        )


class CheckpointBrowser(FigureWidget):
    """Load the checkpoints :class:`nnlib.Checkpoint` saved, and restore the best one.

    Parameters
    ----------
    checkpoint
        The callback after training: its ``paths`` (epoch → file) and ``best_path``.
    history
        What :func:`nnlib.fit` returned for that training, for the loss curves.
    data
        The points; the validation points are drawn and the status line evaluates on them.
    model
        The network as training left it (the last epoch); the widget starts there.

    The slider chooses a saved epoch and loads its file from disk with
    :func:`nnlib.load`; the button loads ``best.npz``. Left: the loss curves with a
    marker at the loaded epoch. Right: the loaded network's decision boundary, with
    every validation point it gets wrong crossed out. ``self.model`` is always the
    network that is shown, so after "restore" it is the best one.

    Attributes used by tests: ``epoch`` (slider), ``restore`` (button), ``model``,
    ``loaded_from``, ``boundary``, ``wrong_marks``, ``epoch_marker``, ``status``.
    """

    def __init__(self, checkpoint: Checkpoint, history: History, data: MoonsData, model: Sequential) -> None:
        super().__init__(ncols=2, figsize=(11.5, 4.4))
        if not checkpoint.paths:
            raise ValueError(
                "CheckpointBrowser: expected a Checkpoint that has saved files (train with it first), "
                "but its paths are empty"
            )
        self.checkpoint, self.history, self.data = checkpoint, history, data
        self.model = model
        self.loaded_from: Path | None = None  # None: the model training left behind
        self.loaded_epoch = len(history.loss)
        self.changed = 0
        epochs = sorted(checkpoint.paths)
        every = epochs[1] - epochs[0] if len(epochs) > 1 else 1
        self.epoch = int_slider(t("overfitting.checkpoint_epoch"), min=epochs[0], max=epochs[-1], step=every,
                                value=epochs[-1], continuous_update=False, style={"description_width": "initial"})
        self.restore = widgets.Button(description=t("overfitting.restore_best"), icon="undo",
                                      layout=widgets.Layout(width="auto"))
        ax_loss, ax_map = self.axes
        loss_curves(ax_loss, history.loss, history.val_loss)
        (self.epoch_marker,) = ax_loss.plot([self.loaded_epoch], [history.val_loss[-1]], "o", color="black",
                                            markersize=8, label=t("overfitting.loaded"))
        ax_loss.legend(fontsize=10, loc="upper right")
        self.boundary = BoundaryArtists(ax_map)
        draw_points(ax_map, data, validation=False)
        for label in (0, 1):
            chosen = data.y_val == label
            ax_map.scatter(*data.X_val[chosen].T, s=12, color=COLORS[1 - label], alpha=0.6, linewidths=0)
        (self.wrong_marks,) = ax_map.plot([], [], "x", color="black", markersize=7, mew=1.5,
                                          label=t("overfitting.wrong_validation"))
        ax_map.legend(fontsize=9, loc="lower left")
        self.epoch.observe(lambda _change: self._load_epoch(), names="value")
        self.restore.on_click(lambda _button: self._load_best())
        self.controls.extend([self.epoch, self.restore])

    def _switch(self, model: Sequential, path: Path, epoch: int) -> None:
        self.changed = changed_predictions(self.model, model, self.data.X_val)
        self.model, self.loaded_from, self.loaded_epoch = model, path, epoch
        self.refresh()

    def _load_epoch(self) -> None:
        epoch = int(self.epoch.value)
        path = self.checkpoint.paths.get(epoch)
        if path is None:  # between saved epochs the slider cannot stop, but be safe
            return
        self._switch(load(path), path, epoch)

    def _load_best(self) -> None:
        self._switch(load(self.checkpoint.best_path), self.checkpoint.best_path, int(self.checkpoint.best_epoch))

    def update(self) -> None:
        ax_map = self.axes[1]
        epoch = self.loaded_epoch
        self.epoch_marker.set_data([epoch], [self.history.val_loss[epoch - 1]])
        self.boundary.show(self.model)
        output = self.model.predict(self.data.X_val)[:, 0]
        wrong = (output >= 0.5) != (self.data.y_val == 1)
        self.wrong_marks.set_data(self.data.X_val[wrong, 0], self.data.X_val[wrong, 1])
        loss, acc, n_wrong = evaluate(self.model, self.data.X_val, self.data.y_val)
        if self.loaded_from is None:
            source = t("overfitting.source_training", epoch=fmt(epoch))
        else:
            source = t("overfitting.source_file", epoch=fmt(epoch), path=html.escape(str(self.loaded_from)))
        ax_map.set_title(t("overfitting.checkpoint_title", epoch=fmt(epoch)))
        parts = [source, t("overfitting.status_checkpoint", val=fmt(loss, decimals=3), acc=fmt_percent(acc),
                           wrong=fmt(n_wrong))]
        if self.loaded_from is not None:
            parts.append(t("overfitting.status_changed", n=fmt(self.changed)))
        self.status.value = _html_status(*parts)


# Regularisation, measured


def l2_study(data: MoonsData, l2_values, seeds=(0, 1, 2), *, hidden: int = 128, epochs: int = 300,
             learning_rate: float = 0.05, every: int = 10) -> dict[float, list[Run]]:
    """Train the ``hidden``-unit network once per L2 strength and starting seed.

    Returns ``{λ: [run for each seed]}``; the runs keep their weights and their
    validation loss every ``every`` epochs (``every`` must divide ``epochs``). Several
    seeds, because one run can be lucky or unlucky: an effect counts only if it is larger
    than the spread between starts.
    """
    if epochs % every:
        raise ValueError(f"l2_study: expected every to divide epochs={epochs}, but received every={every}")
    return {float(l2): [train_run(data, hidden, epochs=epochs, learning_rate=learning_rate, seed=seed, l2=l2,
                                  snapshot_every=every, validate_each_epoch=False) for seed in seeds]
            for l2 in l2_values}


def l2_table(study: dict[float, list[Run]]) -> list[tuple[float, float, float, float, float]]:
    """Per λ: ``(λ, mean training loss, mean validation loss, smallest and largest
    validation loss over the seeds, mean validation accuracy)`` after the last epoch.

    Returned as ``(λ, train, val, val_min, val_max, acc)``.
    """
    rows = []
    for l2, runs in study.items():
        last_val = np.array([run.val_loss[-1] for run in runs])
        rows.append((l2, float(np.mean([run.loss[-1] for run in runs])), float(last_val.mean()),
                     float(last_val.min()), float(last_val.max()),
                     float(np.mean([run.val_accuracy[run.epochs] for run in runs]))))
    return rows


def plot_l2(ax, study: dict[float, list[Run]]) -> None:
    """Validation loss per epoch for every λ: the mean over seeds as a line, the spread shaded."""
    for colour, (l2, runs) in zip(COLORS, study.items()):
        curves = np.array([run.val_loss for run in runs])
        epochs = runs[0].validation_epochs
        label = t("overfitting.without_l2") if l2 == 0 else t("overfitting.with_l2", l2=fmt(l2))
        ax.plot(epochs, curves.mean(axis=0), color=colour, label=label)
        ax.fill_between(epochs, curves.min(axis=0), curves.max(axis=0), color=colour, alpha=0.2, linewidth=0)
    ax.set_xlabel(t("overfitting.epoch"))
    ax.set_ylabel(t("overfitting.validation_loss"))
    ax.set_title(t("overfitting.l2_title") + " (" + t("overfitting.mean_over_seeds", n=fmt(len(runs))) + ")")
    ax.legend(fontsize=10)
