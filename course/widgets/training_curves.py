"""Chapter 09: training curves and the hyperparameter search.

:func:`training_curve` trains a fresh network and keeps its losses per epoch (also when it
diverges), :func:`plot_curves` draws several runs, :func:`random_search` tries learning rates
and widths on the validation set only, and :class:`TrainingCurves` retrains for a chosen
optimiser, learning rate and batch size, beside the previous run.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import ipywidgets as widgets
import numpy as np

from course.i18n import t
from course.numbers import fmt
from course.plots import COLORS
from course.widgets.base import FigureWidget
from course.widgets.controls import slider
from course.widgets.optimizer_race import OPTIMIZER_NAMES
from nnlib.optim import SGD, Adam, Optimizer
from nnlib.training import TrainingDiverged, fit


@dataclass(frozen=True)
class Curve:
    """Losses per epoch of one training run; ``diverged`` when the loss became NaN or infinite."""

    loss: np.ndarray
    val_loss: np.ndarray
    updates_per_epoch: int
    diverged: bool
    seconds: float = 0.0


def training_curve(make_model: Callable[[], object], loss, optimizer: Optimizer, X, y, *, epochs: int,
                   batch_size: int | None = None, validation_data=None, rng=0) -> Curve:
    """Train a fresh model from ``make_model()`` and return its curve, also when it diverges.

    Wraps :func:`nnlib.training.fit`; a run whose loss becomes NaN or infinite stops there and
    is returned with ``diverged=True`` instead of raising.
    """
    import time

    model = make_model()
    n = len(X)
    batch = n if batch_size is None else int(batch_size)
    start = time.perf_counter()
    try:
        history = fit(model, loss, optimizer, X, y, epochs=epochs, batch_size=batch_size,
                      validation_data=validation_data, rng=rng, progress=False)
        train, val, diverged = history.loss, history.val_loss, False
    except TrainingDiverged:
        train, val, diverged = [np.inf], [np.inf], True
    return Curve(np.asarray(train, dtype=float), np.asarray(val if val else [], dtype=float),
                 -(-n // batch), diverged, time.perf_counter() - start)


def curve_label(kind: str, key, n_samples: int | None = None) -> str:
    """The legend entry of a run: ``kind`` is ``"batch"`` (key: batch size or None) or ``"lr"``."""
    if kind == "batch":
        return t("optimizers.full_batch", n=n_samples) if key is None else t("optimizers.batch_n", n=key)
    if kind == "lr":
        return t("optimizers.eta_n", eta=fmt(key))
    raise ValueError(f"curve_label: expected kind 'batch' or 'lr', but received {kind!r}")


def plot_curves(ax, curves: dict, *, kind: str, per_update: bool = False, n_samples: int | None = None) -> None:
    """Training loss per epoch (or per weight update, log scale) of several runs.

    ``curves`` maps a batch size (``None``: the whole set of ``n_samples``) or a learning rate
    to its :class:`Curve`; a run that diverged is listed in the legend as such.
    """
    for colour, (key, curve) in zip(COLORS, curves.items()):
        label = curve_label(kind, key, n_samples)
        if curve.diverged:
            ax.plot([], [], color=colour, label=label + " " + t("optimizers.diverged_short"))
            continue
        x = np.arange(1, len(curve.loss) + 1) * (curve.updates_per_epoch if per_update else 1)
        ax.plot(x, curve.loss, color=colour, label=label)
    if per_update:
        ax.set_xscale("log")
    ax.set_xlabel(t("optimizers.updates" if per_update else "optimizers.epoch"))
    ax.set_ylabel(t("optimizers.train_loss"))
    title = {"batch": "optimizers.batch_updates_title" if per_update else "optimizers.batch_title",
             "lr": "optimizers.lr_title"}[kind]
    ax.set_title(t(title))
    ax.legend(fontsize=9)


@dataclass(frozen=True)
class Trial:
    learning_rate: float
    hidden: int
    val_accuracy: float
    train_accuracy: float


def random_search(train, validation, *, n_trials: int, epochs: int, rng=0,
                  lr_range=(1e-3, 1.0), hidden_choices=(2, 4, 8, 16, 32)) -> list[Trial]:
    """A random search over the learning rate (log-uniform) and the hidden width.

    Every trial trains ``MLP([n_in, hidden, hidden, K], relu)`` with SGD (momentum 0.9,
    batch 32) on ``train = (X, y)`` and scores it on ``validation`` only; the test set is
    never looked at. Returns the trials in the order they were drawn.
    """
    from nnlib.losses import CrossEntropy
    from nnlib.metrics import accuracy
    from nnlib.model import MLP

    generator = np.random.default_rng(rng)
    (X, y), (X_val, y_val) = train, validation
    n_classes = int(max(y.max(), y_val.max())) + 1
    low, high = np.log10(lr_range[0]), np.log10(lr_range[1])
    trials = []
    for _ in range(n_trials):
        learning_rate = float(10 ** generator.uniform(low, high))
        hidden = int(generator.choice(hidden_choices))
        model = MLP([X.shape[1], hidden, hidden, n_classes], activation="relu", rng=generator)
        try:
            fit(model, CrossEntropy(), SGD(learning_rate, momentum=0.9), X, y, epochs=epochs, batch_size=32,
                rng=generator, progress=False)
            with np.errstate(over="ignore", invalid="ignore"):
                val_acc, train_acc = accuracy(model.forward(X_val), y_val), accuracy(model.forward(X), y)
        except TrainingDiverged:
            val_acc = train_acc = float("nan")
        trials.append(Trial(learning_rate, hidden, float(val_acc), float(train_acc)))
    return trials


def best_trial(trials: list[Trial]) -> Trial:
    """The trial with the highest validation accuracy (diverged trials never win)."""
    finite = [trial for trial in trials if np.isfinite(trial.val_accuracy)]
    if not finite:
        raise ValueError("best_trial: expected at least one trial that did not diverge, but every trial diverged")
    return max(finite, key=lambda trial: trial.val_accuracy)


def plot_search(ax, trials: list[Trial], best: Trial) -> None:
    """Validation accuracy against the learning rate, one colour per hidden width; the best ringed."""
    widths = sorted({trial.hidden for trial in trials})
    for colour, width in zip(COLORS, widths):
        chosen = [trial for trial in trials if trial.hidden == width]
        ax.scatter([trial.learning_rate for trial in chosen],
                   [trial.val_accuracy if np.isfinite(trial.val_accuracy) else 0.0 for trial in chosen],
                   color=colour, s=45, label=t("optimizers.width_n", n=width), zorder=3)
    ax.scatter([best.learning_rate], [best.val_accuracy], s=260, facecolor="none", edgecolor="black",
               linewidth=2, zorder=4, label=t("optimizers.chosen"))
    ax.set_xscale("log")
    ax.set_ylim(0, 1.05)
    ax.set_xlabel(t("optimizers.lr_axis"))
    ax.set_ylabel(t("optimizers.val_accuracy"))
    ax.set_title(t("optimizers.search_title", n=len(trials)))
    ax.legend(fontsize=9, loc="center left", bbox_to_anchor=(1.02, 0.5))


class TrainingCurves(FigureWidget):
    """Train a fresh network with the chosen optimiser, learning rate and batch size, and draw its curves.

    Every change retrains ``make_model()`` on ``train`` for ``epochs`` epochs (a fraction of a
    second for the lesson's spiral network) and draws the training and validation loss per
    epoch; the previous run stays visible, faded, so the effect of the change can be seen.

    Parameters
    ----------
    make_model
        Function returning a fresh, untrained model (the same starting weights every time).
    train, validation
        ``(X, y)`` pairs; the loss is :class:`nnlib.losses.CrossEntropy`.
    epochs
        Epochs per run.
    """

    BATCH_SIZES = (8, 32, 128, None)

    def __init__(self, make_model: Callable[[], object], train, validation, *, epochs: int = 40,
                 optimizer: str = "sgd", learning_rate: float = 0.05, batch_size: int | None = 32) -> None:
        from nnlib.losses import CrossEntropy

        super().__init__(figsize=(8.0, 4.2))
        if optimizer not in OPTIMIZER_NAMES:
            raise ValueError(f"TrainingCurves: expected optimizer one of {', '.join(OPTIMIZER_NAMES)}, "
                             f"but received {optimizer!r}")
        if batch_size not in self.BATCH_SIZES:
            raise ValueError(f"TrainingCurves: expected batch_size one of {self.BATCH_SIZES}, but received {batch_size!r}")
        self.make_model, self.epochs = make_model, int(epochs)
        (self.X, self.y), self.validation = train, validation
        self.loss = CrossEntropy()
        self.optimizer = widgets.Dropdown(options=[(t(f"optimizers.{name}"), name) for name in OPTIMIZER_NAMES],
                                          value=optimizer, description=t("optimizers.optimizer"),
                                          style={"description_width": "initial"})
        self.learning_rate = slider(t("optimizers.learning_rate"), min=0.001, max=10.0, step=0.1,
                                    value=learning_rate, log=True, continuous_update=False,
                                    style={"description_width": "initial"})
        n = len(self.X)
        self.batch_size = widgets.Dropdown(
            options=[(t("optimizers.full_batch", n=n) if size is None else str(size), size) for size in self.BATCH_SIZES],
            value=batch_size, description=t("optimizers.batch_size"), style={"description_width": "initial"},
        )
        ax = self.ax
        (self.previous_train,) = ax.plot([], [], color=COLORS[0], alpha=0.25, linewidth=1.5)
        (self.previous_val,) = ax.plot([], [], color=COLORS[1], alpha=0.25, linewidth=1.5, linestyle="--")
        (self.train_line,) = ax.plot([], [], color=COLORS[0], label=t("optimizers.training"))
        (self.val_line,) = ax.plot([], [], color=COLORS[1], linestyle="--", label=t("optimizers.validation"))
        ax.plot([], [], color="0.6", alpha=0.5, label=t("optimizers.previous_run"))
        ax.axhline(float(np.log(int(max(self.y.max(), self.validation[1].max())) + 1)), color="0.5", linestyle=":",
                   linewidth=1.2, label=t("optimizers.guessing"))
        ax.set_xlim(0, self.epochs + 1)
        ax.set_xlabel(t("optimizers.epoch"))
        ax.set_ylabel(t("optimizers.cross_entropy"))
        ax.set_title(t("optimizers.curves_title", epochs=self.epochs))
        ax.legend(fontsize=9, loc="center right")
        self.fig.tight_layout()
        self.curve: Curve | None = None
        self.watch(self.optimizer, self.learning_rate, self.batch_size)

    def make_optimizer(self) -> Optimizer:
        eta = float(self.learning_rate.value)
        return {"sgd": lambda: SGD(eta), "momentum": lambda: SGD(eta, momentum=0.9),
                "adam": lambda: Adam(eta)}[self.optimizer.value]()

    def update(self) -> None:
        if self.curve is not None and not self.curve.diverged:
            self.previous_train.set_data(self.train_line.get_data())
            self.previous_val.set_data(self.val_line.get_data())
        self.curve = training_curve(self.make_model, self.loss, self.make_optimizer(), self.X, self.y,
                                    epochs=self.epochs, batch_size=self.batch_size.value,
                                    validation_data=self.validation)
        epochs = np.arange(1, len(self.curve.loss) + 1)
        if self.curve.diverged:
            self.train_line.set_data([], [])
            self.val_line.set_data([], [])
            text = t("optimizers.run_diverged")
        else:
            self.train_line.set_data(epochs, self.curve.loss)
            self.val_line.set_data(epochs, self.curve.val_loss)
            text = t("optimizers.run_status", updates=self.curve.updates_per_epoch * self.epochs,
                     loss=fmt(float(self.curve.loss[-1]), decimals=3),
                     val=fmt(float(self.curve.val_loss[-1]), decimals=3),
                     seconds=fmt(self.curve.seconds, decimals=2))
        shown = [line.get_ydata() for line in (self.train_line, self.val_line, self.previous_train, self.previous_val)]
        values = np.concatenate([np.asarray(v, dtype=float) for v in shown if len(v)] or [np.array([1.0])])
        values = values[np.isfinite(values)]
        top = float(values.max()) if values.size else 1.0
        self.ax.set_ylim(0, max(top, float(np.log(3))) * 1.08)
        self.status.value = "<b>" + text + "</b>"
