"""Chapter 09 widgets and plots: optimisers, initialisation and hyperparameters.

- :class:`OptimizerRace`: SGD, SGD with momentum and Adam from the same start on the same
  2-D loss surface (a bowl, a ravine or a Rosenbrock-like banana valley), paths drawn on the
  contours and the loss per step beside them; every optimiser has its own settings.
- :class:`InitHistograms`: the activations of every layer of a deep network right after
  initialisation, as histograms, for a chosen initialisation and activation function, with
  the share of dead (ReLU) or saturated (tanh) units.
- :class:`TrainingCurves`: a fresh network retrained for a chosen optimiser, learning rate and
  batch size, its training and validation loss per epoch beside the previous run's.
- :func:`training_curve`, :func:`plot_curves`, :func:`random_search`, :func:`plot_search`:
  the training curves and the hyperparameter search of the lesson.

The race uses the optimisers of :mod:`nnlib.optim` themselves: the point ``w = (w₁, w₂)`` is
wrapped as a one-parameter "model" (:class:`Point`), so ``SGD.step`` and ``Adam.step`` update
it exactly as they update a network's weights. The surfaces, their gradients, the layer
statistics and the search are pure functions, tested without Jupyter.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Callable

import ipywidgets as widgets
import numpy as np

from course.i18n import t
from course.numbers import fmt
from course.plots import COLORS
from course.widgets.base import FigureWidget
from course.widgets.controls import int_slider, slider
from nnlib import init as initializers
from nnlib.activations import relu, tanh
from nnlib.layers import Dense
from nnlib.optim import SGD, Adam, Optimizer
from nnlib.training import TrainingDiverged, fit

# A path that leaves this box has diverged; it stops there so nothing overflows.
DIVERGENCE_LIMIT = 1e6


# The loss surfaces


@dataclass(frozen=True)
class Surface:
    """A 2-D loss surface ``L(w₁, w₂)`` with its gradient, minimum, start and plot window."""

    name: str
    loss: Callable[[np.ndarray, np.ndarray], np.ndarray]
    gradient: Callable[[np.ndarray], np.ndarray]
    minimum: tuple[float, float]
    start: tuple[float, float]
    window: tuple[float, float, float, float]  # w₁ from, w₁ to, w₂ from, w₂ to
    formula: str


def _bowl(w1, w2):
    return 0.5 * (w1**2 + w2**2)


def _bowl_gradient(w):
    return np.array([w[0], w[1]])


def _ravine(w1, w2):
    return 0.05 * w1**2 + 5.0 * w2**2


def _ravine_gradient(w):
    return np.array([0.1 * w[0], 10.0 * w[1]])


def _banana(w1, w2):
    return (1 - w1) ** 2 + 10 * (w2 - w1**2) ** 2


def _banana_gradient(w):
    return np.array([-2 * (1 - w[0]) - 40 * w[0] * (w[1] - w[0] ** 2), 20 * (w[1] - w[0] ** 2)])


SURFACES: dict[str, Surface] = {
    "bowl": Surface("bowl", _bowl, _bowl_gradient, (0.0, 0.0), (-2.0, 1.5), (-2.5, 2.5, -2.0, 2.0),
                    "$L = \\frac{1}{2}(w_1^2 + w_2^2)$"),
    "ravine": Surface("ravine", _ravine, _ravine_gradient, (0.0, 0.0), (-4.5, 1.0), (-5.0, 5.0, -1.5, 1.5),
                      "$L = 0.05\\,w_1^2 + 5\\,w_2^2$"),
    "banana": Surface("banana", _banana, _banana_gradient, (1.0, 1.0), (-1.5, 2.0), (-2.0, 2.0, -1.0, 3.0),
                      "$L = (1 - w_1)^2 + 10\\,(w_2 - w_1^2)^2$"),
}


def surface(name: str) -> Surface:
    try:
        return SURFACES[name]
    except KeyError:
        raise ValueError(f"surface: expected one of {', '.join(SURFACES)}, but received {name!r}") from None


# The race


class Point:
    """The point ``w`` of shape ``(2,)`` as a "model" with one parameter, for ``nnlib.optim``.

    ``params``/``grads`` work like a layer's: an optimiser's ``step(point)`` reads
    ``grads["w"]`` and updates ``params["w"]`` in place.
    """

    def __init__(self, start) -> None:
        self.params = {"w": np.array(start, dtype=float)}
        self.grads = {"w": np.zeros(2)}

    def parameters(self):
        yield "w", self.params["w"], self.grads["w"]


def descend(grad: Callable[[np.ndarray], np.ndarray], start, optimizer: Optimizer, n_steps: int) -> np.ndarray:
    """Run ``n_steps`` steps of ``optimizer`` from ``start`` and return the path, shape ``(K, 2)``.

    ``K = n_steps + 1`` unless the path leaves ``|w| < DIVERGENCE_LIMIT`` (or becomes
    non-finite), where it stops: every point returned is finite.
    """
    if isinstance(n_steps, bool) or not isinstance(n_steps, (int, np.integer)) or n_steps < 0:
        raise ValueError(f"descend: expected n_steps to be a whole number >= 0, but received {n_steps!r}")
    point = Point(start)
    path = [point.params["w"].copy()]
    with np.errstate(over="ignore", invalid="ignore"):
        for _ in range(int(n_steps)):
            point.grads["w"] = np.asarray(grad(point.params["w"]), dtype=float)
            optimizer.step(point)
            w = point.params["w"]
            if not np.all(np.isfinite(w)) or np.max(np.abs(w)) > DIVERGENCE_LIMIT:
                break
            path.append(w.copy())
    return np.array(path)


OPTIMIZER_NAMES = ("sgd", "momentum", "adam")


def make_optimizers(*, lr_sgd: float, lr_momentum: float, momentum: float, lr_adam: float,
                    beta1: float = 0.9, beta2: float = 0.999) -> dict[str, Optimizer]:
    """The three racers as ``nnlib.optim`` objects, keyed ``"sgd"``, ``"momentum"``, ``"adam"``."""
    return {
        "sgd": SGD(learning_rate=lr_sgd),
        "momentum": SGD(learning_rate=lr_momentum, momentum=momentum),
        "adam": Adam(learning_rate=lr_adam, beta1=beta1, beta2=beta2),
    }


def race(surface_name: str, optimizers: dict[str, Optimizer], n_steps: int) -> dict[str, np.ndarray]:
    """The path of every optimiser from the surface's start point, ``{name: (K, 2)}``."""
    chosen = surface(surface_name)
    return {name: descend(chosen.gradient, chosen.start, optimizer, n_steps) for name, optimizer in optimizers.items()}


def steps_to_reach(losses, threshold: float) -> int | None:
    """The first step at which the loss is below ``threshold``, or None if it never gets there."""
    below = np.flatnonzero(np.asarray(losses) < threshold)
    return int(below[0]) if below.size else None


# Default settings per surface: each optimiser at a learning rate that works there.
RACE_DEFAULTS = {
    "bowl": {"lr_sgd": 0.1, "lr_momentum": 0.05, "momentum": 0.8, "lr_adam": 0.1},
    "ravine": {"lr_sgd": 0.19, "lr_momentum": 0.05, "momentum": 0.9, "lr_adam": 0.3},
    "banana": {"lr_sgd": 0.012, "lr_momentum": 0.002, "momentum": 0.95, "lr_adam": 0.1},
}
REACHED = 1e-3  # "at the minimum": the loss is below this


class OptimizerRace(FigureWidget):
    """SGD, momentum and Adam on one 2-D loss surface, every optimiser with its own settings."""

    def __init__(self, surface_name: str = "ravine", n_steps: int = 150) -> None:
        super().__init__(ncols=2, figsize=(11.5, 4.6))
        defaults = RACE_DEFAULTS[surface(surface_name).name]
        self.surface = widgets.Dropdown(
            options=[(t(f"optimizers.surface_{name}"), name) for name in SURFACES],
            value=surface_name, description=t("optimizers.surface"), style={"description_width": "initial"},
        )
        self.n_steps = int_slider(t("optimizers.steps"), min=5, max=300, value=n_steps)
        self.lr_sgd = slider(t("optimizers.lr_sgd"), min=0.001, max=1.0, step=0.05, value=defaults["lr_sgd"],
                             decimals=3, log=True, style={"description_width": "initial"})
        self.lr_momentum = slider(t("optimizers.lr_momentum"), min=0.001, max=1.0, step=0.05,
                                  value=defaults["lr_momentum"], decimals=3, log=True,
                                  style={"description_width": "initial"})
        self.momentum = slider(t("optimizers.mu"), min=0.0, max=0.99, step=0.01, value=defaults["momentum"],
                               decimals=2)
        self.lr_adam = slider(t("optimizers.lr_adam"), min=0.001, max=1.0, step=0.05, value=defaults["lr_adam"],
                              decimals=3, log=True, style={"description_width": "initial"})
        self.beta1 = slider(t("optimizers.beta1"), min=0.0, max=0.99, step=0.01, value=0.9, decimals=2)

        ax, ax_loss = self.axes
        self.contours = None
        (self.minimum_marker,) = ax.plot([], [], "*", color="black", markersize=14, zorder=5,
                                         label=t("optimizers.minimum"))
        (self.start_marker,) = ax.plot([], [], "o", color="black", markerfacecolor="none", markersize=10,
                                       markeredgewidth=2, zorder=5)
        self.path_lines, self.loss_lines = {}, {}
        for colour, name in zip((COLORS[1], COLORS[0], COLORS[2]), OPTIMIZER_NAMES):
            (self.path_lines[name],) = ax.plot([], [], "o-", color=colour, markersize=2.5, linewidth=1.4,
                                               label=t(f"optimizers.{name}"), zorder=4)
            (self.loss_lines[name],) = ax_loss.plot([], [], color=colour, label=t(f"optimizers.{name}"))
        ax.set_xlabel("$w_1$")
        ax.set_ylabel("$w_2$")
        ax.legend(loc="lower right", fontsize=9, framealpha=0.9)
        ax_loss.axhline(REACHED, color="0.5", linestyle=":", linewidth=1.2)
        ax_loss.set_yscale("log")
        ax_loss.set_xlabel(t("optimizers.step"))
        ax_loss.set_ylabel(t("optimizers.loss_log"))
        ax_loss.set_title(t("optimizers.loss_title"))
        ax_loss.legend(loc="upper right", fontsize=9)

        self.paths: dict[str, np.ndarray] = {}
        self.losses: dict[str, np.ndarray] = {}
        self._drawn_surface: str | None = None
        self._draw_surface()
        self.fig.tight_layout()
        self.surface.observe(self._new_surface, names="value")
        self.watch(self.surface, self.n_steps, self.lr_sgd, self.lr_momentum, self.momentum, self.lr_adam, self.beta1)

    def _new_surface(self, change) -> None:
        """Put every optimiser's settings at the new surface's defaults (one redraw)."""
        defaults = RACE_DEFAULTS[change["new"]]
        self._hold = True
        try:
            for name, value in defaults.items():
                getattr(self, name).value = value
        finally:
            self._hold = False

    _hold = False

    def refresh(self) -> None:
        if not self._hold:
            super().refresh()

    def _draw_surface(self) -> None:
        chosen = surface(self.surface.value)
        ax = self.axes[0]
        if self.contours is not None:
            self.contours.remove()
        w1_lo, w1_hi, w2_lo, w2_hi = chosen.window
        w1, w2 = np.meshgrid(np.linspace(w1_lo, w1_hi, 200), np.linspace(w2_lo, w2_hi, 200))
        values = chosen.loss(w1, w2)
        levels = np.geomspace(max(values.min(), 1e-3), values.max(), 14)
        self.contours = ax.contour(w1, w2, values, levels=levels, cmap="viridis", linewidths=0.9, zorder=1)
        self.minimum_marker.set_data([chosen.minimum[0]], [chosen.minimum[1]])
        self.start_marker.set_data([chosen.start[0]], [chosen.start[1]])
        ax.set_xlim(w1_lo, w1_hi)
        ax.set_ylim(w2_lo, w2_hi)
        ax.set_title(t(f"optimizers.surface_{chosen.name}") + ": " + chosen.formula.replace(".", _point()))
        self._drawn_surface = chosen.name

    def update(self) -> None:
        if self._drawn_surface != self.surface.value:
            self._draw_surface()
        chosen = surface(self.surface.value)
        n_steps = int(self.n_steps.value)
        optimizers = make_optimizers(lr_sgd=self.lr_sgd.value, lr_momentum=self.lr_momentum.value,
                                     momentum=self.momentum.value, lr_adam=self.lr_adam.value, beta1=self.beta1.value)
        self.paths = race(chosen.name, optimizers, n_steps)
        parts = []
        top = 0.0
        for name, path in self.paths.items():
            losses = chosen.loss(path[:, 0], path[:, 1])
            self.losses[name] = losses
            self.path_lines[name].set_data(path[:, 0], path[:, 1])
            self.loss_lines[name].set_data(np.arange(len(losses)), np.maximum(losses, 1e-12))
            top = max(top, float(losses.max()))
            diverged = len(path) < n_steps + 1 or not _inside(path[-1], chosen.window, slack=10.0)
            reached = steps_to_reach(losses, REACHED)
            if diverged:
                verdict = t("optimizers.diverged")
            elif reached is None:
                verdict = t("optimizers.final_loss", loss=fmt(float(losses[-1])))
            else:
                verdict = t("optimizers.reached", steps=reached)
            parts.append(f"<span style='color:{self.path_lines[name].get_color()}'>{t(f'optimizers.{name}')}</span>: "
                         f"{verdict}")
        ax_loss = self.axes[1]
        ax_loss.set_xlim(0, n_steps)
        bottom = min(float(np.min(np.maximum(losses, 1e-12))) for losses in self.losses.values())
        ax_loss.set_ylim(max(min(bottom, REACHED) / 3, 1e-12), max(top, 1.0) * 3)
        self.status.value = "<b>" + " · ".join(parts) + "</b>"


def _inside(w, window, slack: float = 1.0) -> bool:
    w1_lo, w1_hi, w2_lo, w2_hi = window
    width, height = (w1_hi - w1_lo) * slack, (w2_hi - w2_lo) * slack
    return abs(w[0]) <= width and abs(w[1]) <= height


def _point() -> str:
    """The decimal separator inside a mathtext formula: ``{,}`` in Swedish."""
    return "{,}" if fmt(0.5) == "0,5" else "."


# Initialisation


INIT_NAMES = ("zeros", "small", "large", "xavier", "he")


def initializer(name: str):
    """The initialiser ``name`` as an ``nnlib.init`` callable ``(shape, fan_in, fan_out, rng)``.

    ``"small"`` is N(0, 0.01²), ``"large"`` N(0, 1) whatever the layer's size; ``"xavier"``
    has Var(w) = 2/(fan_in + fan_out) and ``"he"`` Var(w) = 2/fan_in.
    """
    table = {
        "zeros": initializers.zeros,
        "small": functools.partial(initializers.normal, scale=0.01),
        "large": functools.partial(initializers.normal, scale=1.0),
        "xavier": initializers.xavier_normal,
        "he": initializers.he_normal,
    }
    try:
        return table[name]
    except KeyError:
        raise ValueError(f"initializer: expected one of {', '.join(table)}, but received {name!r}") from None


def layer_activations(init: str, activation: str, *, n_layers: int = 5, width: int = 100, n_samples: int = 500,
                      rng=0) -> list[np.ndarray]:
    """The activations of every hidden layer of a fresh network, one array ``(n_samples, width)`` per layer.

    The inputs are standard normal, shape ``(n_samples, width)``; every layer is
    ``Dense(width, width)`` with the chosen initialisation followed by ``activation``
    (``"tanh"`` or ``"relu"``). Biases start at 0.
    """
    functions = {"tanh": tanh, "relu": relu}
    if activation not in functions:
        raise ValueError(f"layer_activations: expected activation 'tanh' or 'relu', but received {activation!r}")
    generator = np.random.default_rng(rng)
    A = generator.normal(size=(n_samples, width))
    activations = []
    for _ in range(n_layers):
        layer = Dense(width, width, init=initializer(init), rng=generator)
        A = functions[activation](layer.forward(A))
        activations.append(A)
    return activations


@dataclass(frozen=True)
class LayerStats:
    """What one layer's activations ``(N, n)`` look like: spread, dead and saturated units."""

    std: float
    dead: float  # share of units that output 0 for every sample (ReLU never fires)
    saturated: float  # share of activations with |a| > 0.99 (tanh flat, derivative < 0.02)
    identical: bool  # every unit gives the same output for every sample (symmetry never broken)


def diagnose(stats: list[LayerStats], activation: str) -> str:
    """One word for what the layers' statistics show, from the first layer to the last.

    ``"identical"`` (every unit the same: zero initialisation), ``"saturated"`` (tanh with
    more than 30 % of the values at ±1 in some layer), ``"vanishing"`` (the spread falls to
    under a tenth, or under 0.001), ``"exploding"`` (it grows more than tenfold), else
    ``"healthy"``.
    """
    if any(layer.identical for layer in stats):
        return "identical"
    if activation == "tanh" and max(layer.saturated for layer in stats) > 0.3:
        return "saturated"
    first, last = stats[0].std, stats[-1].std
    if last < 1e-3 or last < 0.1 * first:
        return "vanishing"
    if last > 10 * first:
        return "exploding"
    return "healthy"


def layer_stats(A) -> LayerStats:
    A = np.asarray(A, dtype=float)
    dead = float(np.mean(np.all(A == 0, axis=0)))
    saturated = float(np.mean(np.abs(A) > 0.99))
    identical = bool(np.allclose(A, A[:, :1]))
    return LayerStats(std=float(A.std()), dead=dead, saturated=saturated, identical=identical)


class InitHistograms(FigureWidget):
    """Histograms of the activations of 5 hidden layers right after initialisation."""

    N_LAYERS = 5

    def __init__(self, init: str = "xavier", activation: str = "tanh") -> None:
        super().__init__(ncols=self.N_LAYERS, figsize=(14.0, 3.2))
        initializer(init)  # fail early with the list of names
        self.init = widgets.Dropdown(options=[(t(f"optimizers.init_{name}"), name) for name in INIT_NAMES],
                                     value=init, description=t("optimizers.init"),
                                     style={"description_width": "initial"})
        self.activation = widgets.Dropdown(options=[("tanh", "tanh"), ("ReLU", "relu")], value=activation,
                                           description=t("optimizers.activation"),
                                           style={"description_width": "initial"})
        for k, ax in enumerate(self.axes, start=1):
            ax.set_xlabel(t("optimizers.activation_value"))
            ax.set_yticks([])
            ax.set_title(t("optimizers.layer_title", k=k, std=fmt(0.5)), fontsize=11)
        self.axes[0].set_ylabel(t("optimizers.share"))
        self.activations: list[np.ndarray] = []
        self.stats: list[LayerStats] = []
        self.verdict = "healthy"
        self.fig.tight_layout()
        self.watch(self.init, self.activation)

    def update(self) -> None:
        self.activations = layer_activations(self.init.value, self.activation.value, n_layers=self.N_LAYERS)
        self.stats = [layer_stats(A) for A in self.activations]
        limit = 1.05 if self.activation.value == "tanh" else None
        for k, (ax, A, stats) in enumerate(zip(self.axes, self.activations, self.stats), start=1):
            for patch in list(ax.patches):
                patch.remove()
            values = A.ravel()
            if limit is not None:
                bins = np.linspace(-limit, limit, 41)
            else:
                # at least 0 to 3, so a signal that died out shows as one bar at 0
                bins = np.linspace(0.0, max(float(values.max()), 3.0) * 1.02, 41)
            ax.hist(values, bins=bins, weights=np.full(values.size, 1.0 / values.size), color=COLORS[0])
            ax.set_xlim(bins[0], bins[-1])
            ax.relim()
            ax.autoscale_view(scalex=False)
            ax.set_title(t("optimizers.layer_title", k=k, std=fmt(stats.std)), fontsize=11)
        self.verdict = diagnose(self.stats, self.activation.value)
        key = "optimizers.dead" if self.activation.value == "relu" else "optimizers.saturated"
        shares = [fmt(100 * (stats.dead if self.activation.value == "relu" else stats.saturated), decimals=0)
                  for stats in self.stats]
        self.status.value = ("<b>" + t(f"optimizers.verdict_{self.verdict}") + "</b> "
                             + t(key, shares=" · ".join(shares)))


# Training curves and the hyperparameter search


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
