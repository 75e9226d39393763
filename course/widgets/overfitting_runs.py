"""Chapter 11's experiments: the noisy two-moons data, training runs that keep their weights
every few epochs, the size sweep, L2 regularisation and its study over several seeds.

A run is trained once (:func:`train_run`) with full-batch Adam; a callback keeps a copy of
the weights every few epochs (:class:`SnapshotRecorder`), so the widgets can show the
network of any epoch without training again. Everything here is computation that the
tests call directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from nnlib.datasets import two_moons
from nnlib.losses import BinaryCrossEntropy
from nnlib.metrics import accuracy
from nnlib.model import MLP, Sequential
from nnlib.optim import Adam
from nnlib.training import Callback, fit


#: Hidden sizes of the size sweep: from far too small to far too large for 60 points.
SIZES = (1, 2, 4, 8, 16, 32, 64, 128)


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


def changed_predictions(model_a: Sequential, model_b: Sequential, X: np.ndarray) -> int:
    """How many points of ``X`` the two networks put in different classes (threshold 0.5)."""
    return int(np.sum((model_a.predict(X)[:, 0] >= 0.5) != (model_b.predict(X)[:, 0] >= 0.5)))


def evaluate(model: Sequential, X: np.ndarray, y: np.ndarray) -> tuple[float, float, int]:
    """``(loss, accuracy, number wrong)`` of ``model`` on ``(X, y)`` with binary cross-entropy."""
    output = model.predict(X)
    wrong = int(np.sum((output[:, 0] >= 0.5) != (np.asarray(y) == 1)))
    return BinaryCrossEntropy().forward(output, y), accuracy(output, y), wrong


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
