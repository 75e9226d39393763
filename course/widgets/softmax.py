"""Chapter 08 widgets and plots: softmax, cross-entropy and multi-class decision regions.

- :class:`LogitExplorer`: one slider per score (logit) ``z_k``, a menu for the true class
  ``c``; it draws the softmax probabilities ``p`` and the gradient ``p − y`` of the
  cross-entropy, and says the loss ``−ln p_c`` and the predicted class.
- :class:`TemperatureExplorer`: a temperature slider ``T`` for ``softmax(z / T)`` with the
  probabilities as bars and as curves over ``T``.
- :func:`plot_decision_regions`, :func:`plot_history`, :func:`plot_softmax_vs_sigmoid`:
  the figures of the lesson, so its code cells show the idea and not matplotlib.

The mathematics lives in the pure functions below (one sample is a vector ``z`` of shape
``(K,)``; classes are numbered ``0 … K − 1`` as in numpy and in exercise 08), so the tests
and the lesson can call them directly. Softmax itself comes from
:func:`nnlib.activations.softmax`.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np
from matplotlib.colors import to_rgb

from course.i18n import t
from course.numbers import fmt
from course.plots import COLORS
from course.widgets.base import FigureWidget
from course.widgets.controls import slider
from nnlib.activations import sigmoid, softmax

# Float64 overflows in exp() above this argument (ln of the largest float, ≈ 709.78).
EXP_OVERFLOW = float(np.log(np.finfo(float).max))


def _scores(z, owner: str) -> np.ndarray:
    """``z`` as a finite 1-D float array with at least two classes, or a clear error."""
    try:
        array = np.asarray(z, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{owner}: expected the scores z as numbers, but received {z!r:.60}") from None
    if array.ndim != 1 or array.size < 2:
        raise ValueError(f"{owner}: expected the scores z of one sample, shape (K,) with K >= 2, "
                         f"but received shape {array.shape}")
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{owner}: expected finite scores, but received {array.tolist()}")
    return array


def _true_class(c, n_classes: int, owner: str) -> int:
    if isinstance(c, (bool, np.bool_)) or not isinstance(c, (int, np.integer)) or not 0 <= c < n_classes:
        raise ValueError(f"{owner}: expected the true class as a whole number 0 … {n_classes - 1}, but received {c!r}")
    return int(c)


def _temperature(temperature, owner: str) -> float:
    value = float(temperature)
    if not np.isfinite(value) or value <= 0:
        raise ValueError(f"{owner}: expected a temperature T > 0, but received {temperature!r}")
    return value


def softmax_with_temperature(z, temperature: float = 1.0) -> np.ndarray:
    """``softmax(z / T)`` for the scores ``z`` of one sample, shape ``(K,)`` → ``(K,)``.

    ``T = 1`` is plain softmax; small ``T`` sharpens the distribution towards the largest
    score, large ``T`` flattens it towards ``1/K`` for every class. The order of the
    probabilities never changes.
    """
    z = _scores(z, "softmax_with_temperature")
    return softmax(z / _temperature(temperature, "softmax_with_temperature"))


def log_softmax(z) -> np.ndarray:
    """``ln softmax(z)_k = (z_k − m) − ln Σ_j e^(z_j − m)`` with ``m = max z``, shape ``(K,)``.

    Finite for any finite scores, also where ``softmax(z)_k`` rounds to 0.
    """
    z = _scores(z, "log_softmax")
    shifted = z - z.max()
    return shifted - np.log(np.sum(np.exp(shifted)))


def cross_entropy_one(z, c: int) -> float:
    """The cross-entropy ``L = −ln p_c`` of one sample with scores ``z`` ``(K,)`` and true class ``c``."""
    z = _scores(z, "cross_entropy_one")
    return float(-log_softmax(z)[_true_class(c, z.size, "cross_entropy_one")])


def one_hot_vector(c: int, n_classes: int) -> np.ndarray:
    """The one-hot vector ``y`` of shape ``(K,)`` with ``y_c = 1``."""
    y = np.zeros(n_classes)
    y[_true_class(c, n_classes, "one_hot_vector")] = 1.0
    return y


def cross_entropy_gradient_one(z, c: int) -> np.ndarray:
    """``∂L/∂z = p − y`` for one sample, shape ``(K,)``, with ``p = softmax(z)`` and ``y`` one-hot."""
    z = _scores(z, "cross_entropy_gradient_one")
    return softmax(z) - one_hot_vector(c, z.size)


def softmax_jacobian(z) -> np.ndarray:
    """``∂p_i/∂z_j = p_i (δ_ij − p_j)``, shape ``(K, K)``: row ``i`` is the gradient of ``p_i``."""
    p = softmax(_scores(z, "softmax_jacobian"))
    return np.diag(p) - np.outer(p, p)


def entropy(p) -> float:
    """``H(p) = −Σ_k p_k ln p_k`` in nats (0 for a one-hot ``p``, ``ln K`` for the uniform one)."""
    p = np.asarray(p, dtype=float)
    positive = p[p > 0]
    return float(-np.sum(positive * np.log(positive)))


def decision_grid(forward, X, *, resolution: int = 150, margin: float = 0.25):
    """Class probabilities of a classifier on a grid covering the points ``X``.

    Parameters
    ----------
    forward
        Function from inputs ``(M, 2)`` to scores (logits) ``(M, K)``, e.g. ``model.forward``.
    X
        The data points, shape ``(N, 2)``; the grid covers them with ``margin`` on every side.
    resolution
        Grid points along each axis.

    Returns
    -------
    xx, yy : ndarray of shape (resolution, resolution)
        The grid coordinates.
    P : ndarray of shape (resolution, resolution, K)
        ``softmax`` of the scores at every grid point.
    """
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"decision_grid: expected points of shape (N, 2), but received shape {X.shape}")
    low, high = X.min(axis=0) - margin, X.max(axis=0) + margin
    xx, yy = np.meshgrid(np.linspace(low[0], high[0], resolution), np.linspace(low[1], high[1], resolution))
    scores = np.asarray(forward(np.column_stack([xx.ravel(), yy.ravel()])), dtype=float)
    if scores.ndim != 2 or scores.shape[0] != xx.size:
        raise ValueError(f"decision_grid: expected forward to return scores of shape ({xx.size}, K), "
                         f"but received shape {scores.shape}")
    P = softmax(scores, axis=1)
    return xx, yy, P.reshape(resolution, resolution, -1)


def class_colors(n_classes: int) -> np.ndarray:
    """RGB colours ``(K, 3)`` of the classes, from the course's colour-blind-safe palette."""
    return np.array([to_rgb(COLORS[k % len(COLORS)]) for k in range(n_classes)])


def probability_image(P) -> np.ndarray:
    """An RGB image ``(R, R, 3)`` of class probabilities ``P`` ``(R, R, K)``.

    Each pixel mixes the class colours in proportion to the probabilities and is then
    lightened, so a sure region shows its class colour and an unsure one a pale mix.
    """
    P = np.asarray(P, dtype=float)
    mixed = P @ class_colors(P.shape[-1])
    return 0.45 * mixed + 0.55


def plot_decision_regions(ax, forward, X, y, *, trained: bool = True, resolution: int = 150):
    """Draw the probability map, the class boundaries and the points of a classifier on ``ax``.

    ``forward`` maps ``(M, 2)`` to scores ``(M, K)``; ``X`` ``(N, 2)``, ``y`` ``(N,)``;
    ``trained`` chooses the title ("after training" or "before training").
    Returns the image artist (its array is the drawn RGB image).
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    xx, yy, P = decision_grid(forward, X, resolution=resolution)
    n_classes = P.shape[-1]
    image = ax.imshow(probability_image(P), origin="lower", extent=(xx.min(), xx.max(), yy.min(), yy.max()),
                      aspect="auto", interpolation="bilinear")
    predicted = P.argmax(axis=-1)
    ax.contour(xx, yy, predicted, levels=np.arange(n_classes) + 0.5, colors="0.2", linewidths=1.0)
    colours = class_colors(n_classes)
    for k in range(n_classes):
        ax.scatter(X[y == k, 0], X[y == k, 1], s=18, color=colours[k], edgecolor="white", linewidth=0.6,
                   label=t("softmax.class_n", k=k))
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.legend(loc="upper right", fontsize=9, framealpha=0.9)
    ax.set_title(t("softmax.regions_title" if trained else "softmax.untrained_title"))
    ax.grid(False)
    return image


def plot_history(axes, history, *, n_classes: int = 3) -> None:
    """Loss (left) and accuracy (right) per epoch, for training and validation data.

    ``history`` is an :class:`nnlib.training.History` trained with ``metrics=["accuracy"]``
    and ``validation_data``; ``n_classes`` places the line of uniform guessing, ``1/K``.
    """
    ax_loss, ax_acc = axes
    epochs = np.arange(1, len(history.loss) + 1)
    ax_loss.plot(epochs, history.loss, color=COLORS[0], label=t("softmax.training"))
    ax_loss.plot(epochs, history.val_loss, color=COLORS[1], linestyle="--", label=t("softmax.validation"))
    ax_loss.set_xlabel(t("softmax.epoch"))
    ax_loss.set_ylabel(t("softmax.cross_entropy"))
    ax_loss.set_title(t("softmax.loss_title"))
    ax_loss.legend(fontsize=10)
    ax_acc.plot(epochs, history.metrics["accuracy"], color=COLORS[0], label=t("softmax.training"))
    ax_acc.plot(epochs, history.metrics["val_accuracy"], color=COLORS[1], linestyle="--",
                label=t("softmax.validation"))
    ax_acc.axhline(1 / n_classes, color="0.5", linestyle=":", linewidth=1.2, label=t("softmax.chance", K=n_classes))
    ax_acc.set_ylim(0, 1.02)
    ax_acc.set_xlabel(t("softmax.epoch"))
    ax_acc.set_ylabel(t("softmax.accuracy"))
    ax_acc.set_title(t("softmax.accuracy_title"))
    ax_acc.legend(fontsize=10, loc="lower right")


def plot_softmax_vs_sigmoid(axes, z, labels) -> None:
    """The same scores ``z`` ``(K,)`` through softmax (left) and through K sigmoids (right)."""
    z = _scores(z, "plot_softmax_vs_sigmoid")
    p_softmax, p_sigmoid = softmax(z), sigmoid(z)
    for ax, p, key, colour in ((axes[0], p_softmax, "softmax.softmax_title", COLORS[0]),
                               (axes[1], p_sigmoid, "softmax.sigmoid_title", COLORS[2])):
        bars = ax.bar(labels, p, color=colour)
        for bar, value in zip(bars, p):
            ax.annotate(fmt(value, decimals=2), (bar.get_x() + bar.get_width() / 2, value),
                        ha="center", va="bottom", fontsize=10)
        ax.set_ylim(0, 1.1)
        ax.set_title(t(key, total=fmt(float(p.sum()), decimals=2)))
        ax.set_ylabel(t("softmax.probability"))


class LogitExplorer(FigureWidget):
    """Scores in, softmax probabilities and the cross-entropy's gradient out.

    Parameters
    ----------
    logits
        The starting scores ``z``, one per class (2 to 6 classes).
    true_class
        The starting true class ``c``.
    """

    def __init__(self, logits=(1.0, 3.0, 0.0), true_class: int = 0) -> None:
        z = _scores(logits, "LogitExplorer")
        if z.size > 6:
            raise ValueError(f"LogitExplorer: expected 2 to 6 classes, but received {z.size} scores")
        super().__init__(ncols=2, figsize=(10.5, 3.9))
        n_classes = z.size
        self.logit_sliders = [
            slider(f"z{_subscript(k)}", min=-8.0, max=8.0, step=0.1, value=float(v), decimals=1)
            for k, v in enumerate(z)
        ]
        self.true_class = widgets.Dropdown(
            options=[(t("softmax.class_n", k=k), k) for k in range(n_classes)],
            value=_true_class(true_class, n_classes, "LogitExplorer"),
            description=t("softmax.true_class"),
            style={"description_width": "initial"},
        )
        names = [str(k) for k in range(n_classes)]
        ax_p, ax_g = self.axes
        self.p_bars = ax_p.bar(names, np.zeros(n_classes), color=COLORS[0])
        self.p_labels = [ax_p.text(k, 0, "", ha="center", va="bottom", fontsize=10) for k in range(n_classes)]
        ax_p.set_ylim(0, 1.12)
        ax_p.set_xlabel(t("softmax.class"))
        ax_p.set_ylabel(t("softmax.probability"))
        ax_p.set_title(t("softmax.p_title"))
        self.g_bars = ax_g.bar(names, np.zeros(n_classes), color=COLORS[1])
        ax_g.axhline(0, color="0.3", linewidth=1)
        ax_g.set_ylim(-1.05, 1.05)
        ax_g.set_xlabel(t("softmax.class"))
        ax_g.set_ylabel(t("softmax.gradient_axis"))
        ax_g.set_title(t("softmax.gradient_title"))
        self.fig.tight_layout()

        self.p = softmax(z)
        self.loss = cross_entropy_one(z, int(self.true_class.value))
        self.gradient = cross_entropy_gradient_one(z, int(self.true_class.value))
        self.predicted = int(np.argmax(z))
        self.watch(*self.logit_sliders, self.true_class)

    @property
    def logits(self) -> np.ndarray:
        return np.array([s.value for s in self.logit_sliders], dtype=float)

    def update(self) -> None:
        z, c = self.logits, int(self.true_class.value)
        self.p = softmax(z)
        self.loss = cross_entropy_one(z, c)
        self.gradient = cross_entropy_gradient_one(z, c)
        self.predicted = int(np.argmax(z))
        for k, (bar, label, value) in enumerate(zip(self.p_bars, self.p_labels, self.p)):
            bar.set_height(value)
            bar.set_color(COLORS[2] if k == c else COLORS[0])
            label.set_text(fmt(value, decimals=3))
            label.set_position((k, value))
        for k, (bar, value) in enumerate(zip(self.g_bars, self.gradient)):
            bar.set_height(value)
            bar.set_color(COLORS[2] if k == c else COLORS[1])
        verdict = t("softmax.right" if self.predicted == c else "softmax.wrong")
        self.status.value = "<b>" + t(
            "softmax.status_logits",
            p=fmt(self.p, decimals=3),
            c=c,
            loss=fmt(self.loss, decimals=3),
            k=self.predicted,
            verdict=verdict,
        ) + "</b>"


class TemperatureExplorer(FigureWidget):
    """``softmax(z / T)`` for fixed scores ``z`` as the temperature ``T`` moves.

    Left: the probabilities at the chosen ``T`` as bars (outlined: ``T = 1``). Right: every
    probability as a curve over ``T`` (log scale) with a line at the chosen ``T``.
    """

    T_MIN, T_MAX = 0.05, 20.0

    def __init__(self, logits=(2.0, 1.0, 0.1), temperature: float = 1.0) -> None:
        z = _scores(logits, "TemperatureExplorer")
        super().__init__(ncols=2, figsize=(10.5, 3.9))
        self.z = z
        self.temperature = slider(t("softmax.temperature"), min=self.T_MIN, max=self.T_MAX, step=0.01,
                                  value=_temperature(temperature, "TemperatureExplorer"), decimals=2, log=True)
        n_classes = z.size
        names = [str(k) for k in range(n_classes)]
        ax_bars, ax_curves = self.axes
        colours = class_colors(n_classes)
        ax_bars.bar(names, softmax(z), facecolor="none", edgecolor="0.3", linestyle="--", linewidth=1.2,
                    label=t("softmax.at_t1"))
        self.bars = ax_bars.bar(names, np.zeros(n_classes), color=colours, alpha=0.85)
        self.labels = [ax_bars.text(k, 0, "", ha="center", va="bottom", fontsize=10) for k in range(n_classes)]
        ax_bars.set_ylim(0, 1.12)
        ax_bars.set_xlabel(t("softmax.class"))
        ax_bars.set_ylabel(t("softmax.probability"))
        ax_bars.legend(loc="upper right", fontsize=9)
        temperatures = np.geomspace(self.T_MIN, self.T_MAX, 200)
        curves = np.array([softmax(z / T) for T in temperatures])
        for k in range(n_classes):
            ax_curves.plot(temperatures, curves[:, k], color=colours[k], label=f"$p_{k}$")
        ax_curves.axhline(1 / n_classes, color="0.5", linestyle=":", linewidth=1.2,
                          label=t("softmax.uniform", K=n_classes))
        self.marker = ax_curves.axvline(1.0, color="0.2", linewidth=1.5)
        ax_curves.set_xscale("log")
        ax_curves.set_ylim(0, 1.05)
        ax_curves.set_xlabel(t("softmax.temperature_axis"))
        ax_curves.set_ylabel(t("softmax.probability"))
        ax_curves.legend(fontsize=9, loc="center right")
        ax_bars.set_title(t("softmax.temperature_title", T=fmt(float(temperature), decimals=2)))
        self.fig.tight_layout()

        self.p = softmax(z)
        self.watch(self.temperature)

    def update(self) -> None:
        T = float(self.temperature.value)
        self.p = softmax_with_temperature(self.z, T)
        for k, (bar, label, value) in enumerate(zip(self.bars, self.labels, self.p)):
            bar.set_height(value)
            label.set_text(fmt(value, decimals=3))
            label.set_position((k, value))
        self.marker.set_xdata([T, T])
        self.axes[0].set_title(t("softmax.temperature_title", T=fmt(T, decimals=2)))
        self.status.value = "<b>" + t(
            "softmax.status_temperature",
            T=fmt(T, decimals=2),
            p=fmt(self.p, decimals=3),
            k=int(np.argmax(self.p)),
            H=fmt(entropy(self.p), decimals=3),
            Hmax=fmt(float(np.log(self.z.size)), decimals=3),
        ) + "</b>"


def _subscript(k: int) -> str:
    return str(k).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))
