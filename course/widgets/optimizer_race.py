"""Chapter 09's optimiser race: SGD, SGD with momentum and Adam from the same start on the
same 2-D loss surface (a bowl, a ravine or a Rosenbrock-like banana valley).

The race uses the optimisers of :mod:`nnlib.optim` themselves: the point ``w = (w₁, w₂)`` is
wrapped as a one-parameter "model" (:class:`Point`), so ``SGD.step`` and ``Adam.step`` update
it exactly as they update a network's weights. :class:`OptimizerRace` draws the paths on the
contours and the loss per step beside them; every optimiser has its own settings.
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
from course.widgets.controls import int_slider, slider
from nnlib.optim import SGD, Adam, Optimizer


# A path that leaves this box has diverged; it stops there so nothing overflows.
DIVERGENCE_LIMIT = 1e6


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
