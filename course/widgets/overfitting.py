"""Chapter 11: overfitting, validation, early stopping and checkpoints, the widgets.

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

The computation (data, training, snapshots, :class:`WithL2`, the choice of size, the L2
study) lives in :mod:`course.widgets.overfitting_runs` and the drawing (probability map,
boundary, loss curves) in :mod:`course.widgets.overfitting_plots`; lesson 11 imports all of
it from here.
"""

from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as widgets
import numpy as np

from course.i18n import t
from course.numbers import fmt, fmt_percent
from course.plots import COLORS
from course.widgets.base import FigureWidget
from course.widgets.controls import int_slider
from course.widgets.overfitting_plots import (  # noqa: F401 (re-exported)
    BoundaryArtists,
    EXTENT,
    PROBABILITY_CMAP,
    RESOLUTION,
    boundary_plot,
    draw_points,
    grid_points,
    loss_curves,
    plot_l2,
    plot_size_sweep,
    probability_map,
)
from course.widgets.overfitting_runs import (  # noqa: F401 (re-exported)
    MoonsData,
    Run,
    SIZES,
    SnapshotRecorder,
    WithL2,
    changed_predictions,
    evaluate,
    l2_penalty,
    l2_study,
    l2_table,
    lagom_size,
    moons_data,
    network,
    size_sweep,
    train_run,
)
from nnlib.model import Sequential, load
from nnlib.training import Checkpoint, History


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
