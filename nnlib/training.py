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

from nnlib._checks import as_float_array, check_bool, check_finite, check_int, check_number, describe, make_rng
from nnlib.losses import LOSSES, Loss
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

    def check_log_names(self, names: list[str], has_validation: bool) -> None:
        """Called by :func:`fit` before the first epoch with the names every epoch will log,
        so a callback can refuse a bad setting (a ``monitor`` name) before training starts."""

    def on_epoch_end(self, epoch: int, logs: dict[str, float], model: Sequential) -> bool:
        return False

    def on_train_end(self, model: Sequential, history: History) -> None:
        pass


def _monitored(monitor: str | None, has_validation: bool) -> str:
    return monitor or ("val_loss" if has_validation else "loss")


def _check_monitor(monitor, owner: str) -> str | None:
    if monitor is not None and not isinstance(monitor, str):
        raise TypeError(
            f"{owner}: expected monitor to be a log name such as 'val_loss' or None, but received {describe(monitor)}"
        )
    return monitor


def _check_monitored(callback, owner: str, names: list[str], has_validation: bool) -> None:
    key = _monitored(callback.monitor, has_validation)
    if key.startswith("val_") and not has_validation:
        raise ValueError(
            f"{owner}: monitor={key!r} needs validation_data in fit(): expected validation_data=(X_val, y_val), "
            "but received none"
        )
    if key not in names:
        raise ValueError(f"{owner}: expected monitor to be one of {names}, but received {key!r}")


class EarlyStopping(Callback):
    """Stop when the monitored loss has not improved by ``min_delta`` for ``patience`` epochs.

    With ``restore_best=True`` the model ends with the weights of its best epoch, not
    its last one: that is the model that generalised best.
    """

    def __init__(self, patience: int = 5, min_delta: float = 0.0, *, monitor: str | None = None,
                 restore_best: bool = True) -> None:
        self.patience = check_int(patience, "patience", "EarlyStopping", minimum=0)
        if check_number(min_delta, "min_delta", "EarlyStopping") < 0:
            raise ValueError(f"EarlyStopping: expected min_delta >= 0, but received {min_delta!r}")
        self.min_delta = float(min_delta)
        self.monitor = _check_monitor(monitor, "EarlyStopping")
        self.restore_best = check_bool(restore_best, "restore_best", "EarlyStopping")

    def check_log_names(self, names, has_validation):
        _check_monitored(self, "EarlyStopping", names, has_validation)

    def on_train_begin(self, model, has_validation):
        self._key = _monitored(self.monitor, has_validation)
        if self._key.startswith("val_") and not has_validation:
            _check_monitored(self, "EarlyStopping", [self._key], has_validation)
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
        if not isinstance(directory, (str, Path)) and not hasattr(directory, "__fspath__"):
            raise TypeError(
                f"Checkpoint: expected directory to be a folder name (str or pathlib.Path), but received {describe(directory)}"
            )
        self.directory = Path(directory)
        self.every = check_int(every, "every", "Checkpoint")
        self.monitor = _check_monitor(monitor, "Checkpoint")
        self.paths: dict[int, Path] = {}
        self.best_epoch: int | None = None

    @property
    def best_path(self) -> Path:
        return self.directory / "best.npz"

    def check_log_names(self, names, has_validation):
        _check_monitored(self, "Checkpoint", names, has_validation)

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
    with np.errstate(over="ignore", invalid="ignore"):
        out = model.forward(X)
        logs = {"loss": _cost(loss, out, y)}
    for name, fn in metric_fns.items():
        logs[name] = float(fn(out, y))
    return logs


def _cost(loss: Loss, out: np.ndarray, y: np.ndarray) -> float:
    """The loss, or NaN when the model's output is not finite (the loss refuses that input)."""
    try:
        return loss.forward(out, y)
    except ValueError:
        if np.isfinite(out).all():
            raise
        return math.nan


def _check_model(model) -> None:
    if not all(callable(getattr(model, hook, None)) for hook in ("forward", "backward", "parameters")):
        raise TypeError(
            f"fit: expected model to be a Sequential (for example nnlib.MLP([2, 8, 1])), but received {describe(model)}"
        )


def _check_loss(loss) -> None:
    if isinstance(loss, Loss):
        return
    if isinstance(loss, type) and issubclass(loss, Loss):
        raise TypeError(f"fit: expected loss to be a Loss object such as {loss.__name__}(), but received the class "
                        f"{loss.__name__} itself; add ()")
    hint = ""
    if isinstance(loss, str) and loss.lower() in LOSSES:
        hint = f"; write nnlib.{LOSSES[loss.lower()].__name__}()"
    raise TypeError(f"fit: expected loss to be a Loss object such as nnlib.MSE() or nnlib.CrossEntropy(), "
                    f"but received {describe(loss)}{hint}")


def _check_optimizer(optimizer) -> None:
    if isinstance(optimizer, type):
        raise TypeError(f"fit: expected optimizer to be an optimiser object such as {optimizer.__name__}(0.01), "
                        f"but received the class {optimizer.__name__} itself")
    if not callable(getattr(optimizer, "step", None)):
        raise TypeError(f"fit: expected optimizer to be an optimiser object such as nnlib.SGD(0.01) or nnlib.Adam(), "
                        f"but received {describe(optimizer)}")


def _samples(X, y, x_name: str, y_name: str, dtype=None) -> tuple[np.ndarray, np.ndarray]:
    """``X`` and ``y`` checked once: real, finite, non-empty, one target per sample.

    Float data is converted once, here, to the model's ``dtype``, not batch by batch in
    the first layer; integer labels stay integers.
    """
    X = as_float_array(X, x_name, "fit", dtype=dtype)
    if X.ndim == 0 or X.shape[0] == 0:
        raise ValueError(f"fit: expected {x_name} of shape (N, ...) with at least one sample, but received shape {X.shape}")
    check_finite(X, x_name, "fit")
    y_array = np.asarray(y) if isinstance(y, np.ndarray) else None
    y = y_array if y_array is not None and y_array.dtype.kind in "iu" else as_float_array(y, y_name, "fit", dtype=dtype)
    check_finite(y, y_name, "fit")
    if y.ndim == 0 or len(y) != len(X):
        received = "a single number" if y.ndim == 0 else f"{len(y)} targets"
        raise ValueError(f"fit: expected as many targets as samples ({len(X)}), but received {received} in {y_name}")
    return X, y


def _check_fits(model, loss: Loss, X: np.ndarray, y: np.ndarray, x_name: str, y_name: str) -> None:
    """One sample through the model and the loss, so a mismatch is named before training starts.

    The layer's or loss's own message follows in brackets; it speaks of that one sample.
    """
    try:
        out = model.forward(X[:1])
    except (ValueError, TypeError) as error:
        raise type(error)(
            f"fit: {x_name} of shape {X.shape} does not fit the model (its first sample was refused: {error})"
        ) from None
    try:
        with np.errstate(over="ignore", invalid="ignore"):
            _cost(loss, out, y[:1])
    except (ValueError, TypeError) as error:
        output = "(N" + "".join(f", {n}" for n in out.shape[1:]) + (",)" if out.ndim == 1 else ")")
        raise type(error)(
            f"fit: expected {y_name} to match the model's output {output} for {loss!r}, but received {y_name} of "
            f"shape {y.shape} (for the first sample: {error})"
        ) from None


def _metric_functions(metrics) -> dict[str, Callable]:
    if isinstance(metrics, str) or callable(metrics):
        metrics = [metrics]  # "accuracy" is one metric, not eight letters
    try:
        metrics = list(metrics)
    except TypeError:
        raise TypeError(f"fit: expected metrics to be a list of names or functions, but received {describe(metrics)}") from None
    metric_fns = {}
    for metric in metrics:
        if callable(metric):
            metric_fns[getattr(metric, "__name__", "metric")] = metric
        elif isinstance(metric, str) and metric in METRICS:
            metric_fns[metric] = METRICS[metric]
        else:
            raise ValueError(f"fit: unknown metric {metric!r}; expected one of {sorted(METRICS)} or a function")
    return metric_fns


def _callbacks(callbacks) -> list[Callback]:
    if isinstance(callbacks, Callback):
        return [callbacks]
    try:
        callbacks = list(callbacks)
    except TypeError:
        raise TypeError(
            f"fit: expected callbacks to be a list of callbacks (EarlyStopping, Checkpoint, …), but received "
            f"{describe(callbacks)}"
        ) from None
    for i, callback in enumerate(callbacks):
        if not isinstance(callback, Callback):
            raise TypeError(
                f"fit: expected callbacks to hold Callback objects (EarlyStopping(...), Checkpoint(...)), but received "
                f"{describe(callback)} at position {i}"
            )
    return callbacks


def _diverged(model) -> str | None:
    """The name of the first parameter holding inf or NaN, if any (one pass per epoch)."""
    for name, value, _ in model.parameters():
        if not np.isfinite(value).all():
            return name
    return None


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
    TypeError, ValueError
        Before the first epoch, for an argument that cannot work (the message names it):
        a loss or optimiser that is not an object, non-finite or empty data, targets that
        do not match the model's output, an unknown metric or ``monitor`` name.
    TrainingDiverged
        When the loss, the validation loss or the weights become NaN or infinite while
        the data is finite.
    """
    run = _prepare(model, loss, optimizer, X, y, epochs, batch_size, validation_data, callbacks, metrics,
                   shuffle, rng, progress)
    history = History()
    for callback in run.callbacks:
        callback.on_train_begin(model, run.validation is not None)
    for epoch in range(1, run.epochs + 1):
        order = run.rng.permutation(len(run.X)) if run.shuffle else np.arange(len(run.X))
        logs = {"epoch": epoch, "loss": _train_epoch(model, loss, optimizer, run, order, epoch)}
        logs.update(_measure(model, loss, run, epoch, logs["loss"]))
        history.record(logs)
        if run.progress:
            _show_progress(epoch, run.epochs, logs)
        stop = [callback.on_epoch_end(epoch, logs, model) for callback in run.callbacks]
        if any(stop):
            history.stopped_early = True
            break
    if run.progress:
        print(file=sys.stdout)
    for callback in run.callbacks:
        callback.on_train_end(model, history)
    return history


@dataclass
class _Run:
    """The checked arguments of one call of :func:`fit`."""

    X: np.ndarray
    y: np.ndarray
    epochs: int
    batch_size: int
    validation: tuple[np.ndarray, np.ndarray] | None
    metric_fns: dict[str, Callable]
    callbacks: list[Callback]
    shuffle: bool
    rng: np.random.Generator
    progress: bool
    learning_rate: object  # shown in divergence messages; "?" for an optimiser without one


def _prepare(model, loss, optimizer, X, y, epochs, batch_size, validation_data, callbacks, metrics, shuffle, rng,
             progress) -> _Run:
    """Check every argument of :func:`fit` before the first epoch (the order decides which error comes first)."""
    _check_model(model)
    _check_loss(loss)
    _check_optimizer(optimizer)
    epochs = check_int(epochs, "epochs", "fit")
    dtype = getattr(model, "dtype", None)  # the model's float type: float64 unless asked otherwise
    X, y = _samples(X, y, "X", "y", dtype)
    batch_size = len(X) if batch_size is None else check_int(batch_size, "batch_size", "fit")
    shuffle = check_bool(shuffle, "shuffle", "fit")
    progress = check_bool(progress, "progress", "fit")
    metric_fns = _metric_functions(metrics)
    callbacks = _callbacks(callbacks)
    has_validation = validation_data is not None
    if has_validation:
        if not isinstance(validation_data, (tuple, list)) or len(validation_data) != 2:
            raise TypeError(
                "fit: expected validation_data as a pair (X_val, y_val), but received "
                + (f"a {type(validation_data).__name__} of length {len(validation_data)}"
                   if isinstance(validation_data, (tuple, list)) else describe(validation_data))
            )
        validation_data = _samples(*validation_data, "validation_data[0] (X_val)", "validation_data[1] (y_val)", dtype)
    rng = make_rng(rng, owner="fit")
    names = ["loss", *metric_fns]
    names += [f"val_{name}" for name in names] if has_validation else []
    for callback in callbacks:
        callback.check_log_names(names, has_validation)
    _check_fits(model, loss, X, y, "X", "y")
    if has_validation:
        _check_fits(model, loss, *validation_data, "validation_data[0] (X_val)", "validation_data[1] (y_val)")
    return _Run(X, y, epochs, batch_size, validation_data, metric_fns, callbacks, shuffle, rng, progress,
                getattr(optimizer, "learning_rate", "?"))


def _diverging(run: _Run, message: str) -> TrainingDiverged:
    """The error to raise, after ending the progress line so the traceback starts on its own line."""
    if run.progress:
        print(file=sys.stdout)
    return TrainingDiverged(message)


def _backward(model, dY: np.ndarray) -> None:
    """The backward pass of training: a Sequential skips the gradient of the data, which is not trained."""
    if isinstance(model, Sequential):
        model.backward(dY, input_grad=False)
    else:  # a model of your own with forward, backward and parameters
        model.backward(dY)


def _train_epoch(model, loss, optimizer, run: _Run, order: np.ndarray, epoch: int) -> float:
    """One pass over the training data in mini-batches; the epoch loss, weighted by each batch's real size."""
    total = 0.0
    for start in range(0, len(order), run.batch_size):
        batch = order[start : start + run.batch_size]
        # Overflow shows up as a non-finite cost just below, with a clearer message
        # than numpy's warnings.
        with np.errstate(over="ignore", invalid="ignore"):
            cost = _cost(loss, model.forward(run.X[batch]), run.y[batch])
        if not math.isfinite(cost):
            # X and y were checked to be finite, so the model itself blew up.
            raise _diverging(
                run,
                f"fit: the loss became {cost} at epoch {epoch} (batch starting at sample {start}) although "
                f"the data is finite; the learning rate ({run.learning_rate}) is probably too large"
            )
        with np.errstate(over="ignore", invalid="ignore"):
            _backward(model, loss.backward())
            optimizer.step(model)
        total += cost * len(batch)
    broken = _diverged(model)  # the last step of an epoch is checked by no later loss
    if broken is not None:
        raise _diverging(
            run,
            f"fit: the weights became inf or nan ({broken}) in epoch {epoch} although the data is finite; "
            f"the learning rate ({run.learning_rate}) is probably too large"
        )
    return total / len(order)


def _measure(model, loss, run: _Run, epoch: int, train_loss: float) -> dict[str, float]:
    """The epoch's metrics on the training data and loss and metrics on the validation data, after its last step."""
    logs: dict[str, float] = {}
    if run.metric_fns:
        logs.update({k: v for k, v in _evaluate(model, loss, run.X, run.y, run.metric_fns).items() if k != "loss"})
    if run.validation is not None:
        val = _evaluate(model, loss, *run.validation, run.metric_fns)
        if not math.isfinite(val["loss"]):
            raise _diverging(
                run,
                f"fit: val_loss became {val['loss']} at epoch {epoch} while the training loss is "
                f"{train_loss:.4g}: the model's outputs for validation_data overflow; check the scale of "
                f"validation_data, or the learning rate ({run.learning_rate}) if the training loss is growing"
            )
        logs.update({f"val_{k}": v for k, v in val.items()})
    return logs


def _show_progress(epoch: int, epochs: int, logs: dict[str, float]) -> None:
    shown = "  ".join(f"{k} {v:.4f}" for k, v in logs.items() if k != "epoch")
    print(f"\repoch {epoch}/{epochs}  {shown}", end="", file=sys.stdout, flush=True)
