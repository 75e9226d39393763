"""Chapter 09: what initialisation does to a deep network before any training.

:func:`layer_activations` pushes random inputs through a deep stack of fresh layers,
:func:`layer_stats` and :func:`diagnose` say whether the signal dies out, explodes, saturates
or stays symmetric, and :class:`InitHistograms` draws the activations of every layer as
histograms for a chosen initialisation and activation function.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np

from course.i18n import t
from course.numbers import fmt
from course.plots import COLORS
from course.widgets.base import FigureWidget
from nnlib import init as initializers
from nnlib.activations import relu, tanh
from nnlib.layers import Dense


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
