"""The training loop: epochs of mini-batches, validation, early stopping, checkpoints.

One *iteration* is one forward and one backward pass over a mini-batch followed by one
optimiser step; one *epoch* is one pass over all training samples.
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import numpy as np

from nnlib._checks import check_int, make_rng
from nnlib.losses import Loss
from nnlib.metrics import accuracy
from nnlib.model import Sequential, load, save

METRICS: dict[str, Callable[[np.ndarray, np.ndarray], float]] = {"accuracy": accuracy}


class TrainingDiverged(ValueError):
    """The loss became NaN or infinite: the learning rate is usually too large."""


@dataclass
class History:
    """What happened in :func:`fit`, one entry per finished epoch.

    ``loss`` and ``val_loss`` are the mean training and validation cost; ``metrics``
    maps names like ``"accuracy"`` and ``"val_accuracy"`` to lists.
    """

    epochs: list[int] = field(default_factory=list)
    loss: list[float] = field(default_factory=list)
    val_loss: list[float] = field(default_factory=list)
    metrics: dict[str, list[float]] = field(default_factory=dict)
    stopped_early: bool = False
    best_epoch: int | None = None

    def record(self, logs: dict[str, float]) -> None:
        self.epochs.append(int(logs["epoch"]))
        self.loss.append(logs["loss"])
        if "val_loss" in logs:
            self.val_loss.append(logs["val_loss"])
        for key, value in logs.items():
            if key not in ("epoch", "loss", "val_loss"):
                self.metrics.setdefault(key, []).append(value)


class Callback:
    """Hooks called by :func:`fit`; ``on_epoch_end`` returns True to stop training."""

    def on_train_begin(self, model: Sequential, has_validation: bool) -> None:
        pass

    def on_epoch_end(self, epoch: int, logs: dict[str, float], model: Sequential) -> bool:
        return False

    def on_train_end(self, model: Sequential, history: History) -> None:
        pass


def _monitored(monitor: str | None, has_validation: bool) -> str:
    return monitor or ("val_loss" if has_validation else "loss")


class EarlyStopping(Callback):
    """Stop when the monitored loss has not improved by ``min_delta`` for ``patience`` epochs.

    With ``restore_best=True`` the model ends with the weights of its best epoch, not
    its last one: that is the model that generalised best.
    """

    def __init__(self, patience: int = 5, min_delta: float = 0.0, *, monitor: str | None = None,
                 restore_best: bool = True) -> None:
        self.patience = check_int(patience, "patience", "EarlyStopping", minimum=0)
        if min_delta < 0:
            raise ValueError(f"EarlyStopping: expected min_delta >= 0, but received {min_delta!r}")
        self.min_delta = float(min_delta)
        self.monitor = monitor
        self.restore_best = restore_best

    def on_train_begin(self, model, has_validation):
        self._key = _monitored(self.monitor, has_validation)
        if self._key.startswith("val_") and not has_validation:
            raise ValueError(f"EarlyStopping: monitor={self._key!r} needs validation_data in fit()")
        self.best = math.inf
        self.best_epoch: int | None = None
        self.best_weights = None
        self.wait = 0
        self.stopped_epoch: int | None = None

    def on_epoch_end(self, epoch, logs, model):
        value = logs[self._key]
        if value < self.best - self.min_delta:
            self.best, self.best_epoch, self.wait = value, epoch, 0
            if self.restore_best:
                self.best_weights = model.get_weights()
            return False
        self.wait += 1
        if self.wait > self.patience:
            self.stopped_epoch = epoch
            return True
        return False

    def on_train_end(self, model, history):
        history.best_epoch = self.best_epoch
        if self.restore_best and self.best_weights is not None:
            model.set_weights(self.best_weights)


class Checkpoint(Callback):
    """Save the weights every ``every`` epochs as ``epoch_NNNN.npz`` and the best as ``best.npz``.

    If a later epoch makes the model worse, :meth:`load_best` (or :func:`nnlib.load`
    on ``best_path``) brings back the best one.
    """

    def __init__(self, directory: str | Path, every: int = 1, *, monitor: str | None = None) -> None:
        self.directory = Path(directory)
        self.every = check_int(every, "every", "Checkpoint")
        self.monitor = monitor
        self.paths: dict[int, Path] = {}
        self.best_epoch: int | None = None

    @property
    def best_path(self) -> Path:
        return self.directory / "best.npz"

    def on_train_begin(self, model, has_validation):
        self._key = _monitored(self.monitor, has_validation)
        self.best = math.inf
        self.directory.mkdir(parents=True, exist_ok=True)

    def on_epoch_end(self, epoch, logs, model):
        if epoch % self.every == 0:
            self.paths[epoch] = save(model, self.directory / f"epoch_{epoch:04d}.npz")
        if logs[self._key] < self.best:
            self.best, self.best_epoch = logs[self._key], epoch
            save(model, self.best_path)
        return False

    def load_best(self) -> Sequential:
        return load(self.best_path)


def _evaluate(model, loss, X, y, metric_fns) -> dict[str, float]:
    out = model.forward(X)
    logs = {"loss": loss.forward(out, y)}
    for name, fn in metric_fns.items():
        logs[name] = float(fn(out, y))
    return logs


def fit(
    model: Sequential,
    loss: Loss,
    optimizer,
    X: np.ndarray,
    y: np.ndarray,
    *,
    epochs: int,
    batch_size: int | None = None,
    validation_data: tuple[np.ndarray, np.ndarray] | None = None,
    callbacks: Iterable[Callback] = (),
    metrics: Iterable[str | Callable] = (),
    shuffle: bool = True,
    rng=None,
    progress: bool = True,
) -> History:
    """Train ``model`` on ``(X, y)`` with mini-batch gradient descent.

    Parameters
    ----------
    X, y
        Training inputs ``(N, …)`` and targets ``(N, …)``.
    epochs
        Passes over the training data.
    batch_size
        Samples per iteration; ``None`` uses the whole set (full-batch gradient descent).
    validation_data
        ``(X_val, y_val)`` evaluated after every epoch, never trained on.
    callbacks
        e.g. :class:`EarlyStopping`, :class:`Checkpoint`.
    metrics
        Names (``"accuracy"``) or functions ``f(output, y) -> float``, logged per epoch.
    rng
        Generator or seed for shuffling; pass one for reproducible training.
    progress
        Show one updating line per epoch.

    Returns
    -------
    History
        Loss (and metrics) per epoch for training and validation.

    Raises
    ------
    TrainingDiverged
        When the loss becomes NaN or infinite.
    """
    epochs = check_int(epochs, "epochs", "fit")
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    if len(X) != len(y):
        raise ValueError(f"fit: expected as many targets as samples ({len(X)}), but received {len(y)} targets")
    n = len(X)
    batch_size = n if batch_size is None else check_int(batch_size, "batch_size", "fit")
    metric_fns = {}
    for metric in metrics:
        if callable(metric):
            metric_fns[getattr(metric, "__name__", "metric")] = metric
        elif metric in METRICS:
            metric_fns[metric] = METRICS[metric]
        else:
            raise ValueError(f"fit: unknown metric {metric!r}; expected one of {sorted(METRICS)} or a function")
    callbacks = list(callbacks)
    has_validation = validation_data is not None
    rng = make_rng(rng)
    history = History()
    for callback in callbacks:
        callback.on_train_begin(model, has_validation)

    for epoch in range(1, epochs + 1):
        order = rng.permutation(n) if shuffle else np.arange(n)
        total = 0.0
        for start in range(0, n, batch_size):
            batch = order[start : start + batch_size]
            # Overflow shows up as a non-finite cost just below, with a clearer message
            # than numpy's warnings.
            with np.errstate(over="ignore", invalid="ignore"):
                cost = loss.forward(model.forward(X[batch]), y[batch])
            if not math.isfinite(cost):
                if progress:
                    print(file=sys.stdout)
                raise TrainingDiverged(
                    f"fit: the loss became {cost} at epoch {epoch} (batch starting at sample {start}); "
                    f"the learning rate ({getattr(optimizer, 'learning_rate', '?')}) is probably too large"
                )
            with np.errstate(over="ignore", invalid="ignore"):
                model.backward(loss.backward())
                optimizer.step(model)
            total += cost * len(batch)
        logs = {"epoch": epoch, "loss": total / n}
        if metric_fns:
            logs.update({k: v for k, v in _evaluate(model, loss, X, y, metric_fns).items() if k != "loss"})
        if has_validation:
            val = _evaluate(model, loss, *validation_data, metric_fns)
            logs.update({f"val_{k}": v for k, v in val.items()})
        history.record(logs)
        if progress:
            shown = "  ".join(f"{k} {v:.4f}" for k, v in logs.items() if k != "epoch")
            print(f"\repoch {epoch}/{epochs}  {shown}", end="", file=sys.stdout, flush=True)
        stop = [callback.on_epoch_end(epoch, logs, model) for callback in callbacks]
        if any(stop):
            history.stopped_early = True
            break
    if progress:
        print(file=sys.stdout)
    for callback in callbacks:
        callback.on_train_end(model, history)
    return history
