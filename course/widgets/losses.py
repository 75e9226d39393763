"""Chapter 04 widgets: watch MSE, MAE and cross-entropy respond to a prediction.

:class:`PredictionLossWidget` shows one sample: a slider moves the predicted probability
ŷ and a toggle sets the target y ∈ {0, 1}; the three losses are drawn as functions of ŷ
with a marker at the current ŷ. :class:`RegressionLossWidget` shows a small regression
data set: moving the prediction of one point updates the per-point losses and the cost
(their mean).

The mathematics is in pure functions (:func:`squared_error`, :func:`absolute_error`,
:func:`binary_cross_entropy`, :func:`regression_errors`) that the tests call directly.
Argument order follows :mod:`nnlib.losses`: prediction first, target second.
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np
from matplotlib.patches import Rectangle

from course.i18n import t
from course.numbers import fmt
from course.plots import COLORS
from course.widgets.base import FigureWidget
from course.widgets.controls import int_slider, slider

# ln(1e-12) ≈ -27.6: clipping keeps cross-entropy finite at ŷ = 0 or 1 without changing
# any value a student sees on the sliders.
PROBABILITY_EPS = 1e-12

# Default regression data: six points and the predictions of the line ŷ = 0.6 x + 0.8.
DEFAULT_X = np.array([0.5, 1.25, 2.0, 2.75, 3.5, 4.25])
DEFAULT_Y = np.array([1.3, 1.4, 2.3, 2.2, 3.2, 3.3])
DEFAULT_Y_PRED = 0.6 * DEFAULT_X + 0.8


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × a power of ten that is >= ``value`` (> 0).

    >>> nice_ceiling(2.1), nice_ceiling(0.8), nice_ceiling(13.0)
    (2.5, 0.8, 15.0)
    """
    if not np.isfinite(value) or value <= 0:
        raise ValueError(f"nice_ceiling: expected a positive finite number, but received {value!r}")
    power = 10.0 ** np.floor(np.log10(value))
    for factor in (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0):
        if factor * power >= value * (1 - 1e-12):
            return float(factor * power)
    return float(10.0 * power)


def _as_array(values, name: str, owner: str) -> np.ndarray:
    try:
        array = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(
            f"{owner}: expected {name} to be a number or an array of numbers, "
            f"but received {type(values).__name__}"
        ) from None
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{owner}: expected {name} to be finite, but received {values!r}")
    return array


def _same_shape(y_pred: np.ndarray, y_true: np.ndarray, owner: str) -> None:
    if y_pred.shape != y_true.shape:
        raise ValueError(
            f"{owner}: expected y_pred and y_true to have the same shape, "
            f"but received {y_pred.shape} and {y_true.shape}"
        )


def squared_error(y_pred, y_true) -> np.ndarray:
    """Per-sample squared error :math:`L(y, ŷ) = (y - ŷ)^2`.

    Parameters
    ----------
    y_pred, y_true
        Predictions ŷ and targets y, same shape ``(...)``; scalars are allowed.

    Returns
    -------
    ndarray of shape ``(...)``: one loss per sample (MSE is the mean of these).
    """
    y_pred = _as_array(y_pred, "y_pred", "squared_error")
    y_true = _as_array(y_true, "y_true", "squared_error")
    _same_shape(y_pred, y_true, "squared_error")
    return (y_true - y_pred) ** 2


def absolute_error(y_pred, y_true) -> np.ndarray:
    """Per-sample absolute error :math:`L(y, ŷ) = |y - ŷ|`, shape ``(...)`` like the inputs."""
    y_pred = _as_array(y_pred, "y_pred", "absolute_error")
    y_true = _as_array(y_true, "y_true", "absolute_error")
    _same_shape(y_pred, y_true, "absolute_error")
    return np.abs(y_true - y_pred)


def binary_cross_entropy(p, y_true, eps: float = PROBABILITY_EPS) -> np.ndarray:
    """Per-sample binary cross-entropy :math:`L(y, ŷ) = -[y \\ln ŷ + (1-y) \\ln(1-ŷ)]`.

    Parameters
    ----------
    p
        Predicted probabilities ŷ = P(y = 1) in [0, 1], shape ``(...)``.
    y_true
        Targets in [0, 1] (usually 0 or 1), same shape as ``p``.
    eps
        ``p`` is clipped to ``[eps, 1 - eps]`` so that ŷ = 0 or 1 gives a large finite
        loss instead of ``inf`` (and ``0 · ln 0`` never becomes ``nan``).

    Returns
    -------
    ndarray of shape ``(...)``: one loss per sample.
    """
    p = _as_array(p, "p", "binary_cross_entropy")
    y_true = _as_array(y_true, "y_true", "binary_cross_entropy")
    _same_shape(p, y_true, "binary_cross_entropy")
    if np.any((p < 0) | (p > 1)):
        raise ValueError(
            f"binary_cross_entropy: expected probabilities p in [0, 1], but received values from "
            f"{p.min():g} to {p.max():g}; apply a sigmoid to scores first"
        )
    if np.any((y_true < 0) | (y_true > 1)):
        raise ValueError(
            f"binary_cross_entropy: expected targets y_true in [0, 1], but received values from "
            f"{y_true.min():g} to {y_true.max():g}"
        )
    p = np.clip(p, eps, 1.0 - eps)
    return -(y_true * np.log(p) + (1.0 - y_true) * np.log(1.0 - p))


def loss_curves(y_true: float, p_grid: np.ndarray) -> dict[str, np.ndarray]:
    """The three losses of one sample with target ``y_true`` for every ŷ in ``p_grid`` ``(G,)``.

    Returns a dict with keys ``"mse"``, ``"mae"``, ``"bce"``, each an array of shape ``(G,)``.
    """
    p_grid = _as_array(p_grid, "p_grid", "loss_curves")
    y = np.full_like(p_grid, float(y_true))
    return {
        "mse": squared_error(p_grid, y),
        "mae": absolute_error(p_grid, y),
        "bce": binary_cross_entropy(p_grid, y),
    }


@dataclass(frozen=True)
class RegressionErrors:
    """Per-point losses of a regression data set and the costs (means over the points).

    ``residuals``, ``squared`` and ``absolute`` have shape ``(N,)``; ``mse`` and ``mae``
    are the costs :math:`J = \\frac{1}{N}\\sum_i L(y_i, ŷ_i)`.
    """

    residuals: np.ndarray
    squared: np.ndarray
    absolute: np.ndarray
    mse: float
    mae: float


def regression_errors(y_pred, y_true) -> RegressionErrors:
    """Residuals y_i − ŷ_i, squared and absolute errors ``(N,)``, and their means."""
    y_pred = _as_array(y_pred, "y_pred", "regression_errors")
    y_true = _as_array(y_true, "y_true", "regression_errors")
    _same_shape(y_pred, y_true, "regression_errors")
    if y_true.ndim != 1 or y_true.size == 0:
        raise ValueError(
            f"regression_errors: expected y_pred and y_true of shape (N,) with N >= 1, "
            f"but received shape {y_true.shape}"
        )
    squared = squared_error(y_pred, y_true)
    absolute = absolute_error(y_pred, y_true)
    return RegressionErrors(y_true - y_pred, squared, absolute, float(squared.mean()), float(absolute.mean()))


class PredictionLossWidget(FigureWidget):
    """One sample: slide the predicted probability ŷ, toggle the target y, compare three losses.

    Parameters
    ----------
    y_pred
        Starting prediction ŷ in [0.01, 0.99].
    y_true
        Starting target, 0 or 1.
    """

    GRID = np.linspace(0.001, 0.999, 400)
    Y_MAX = 5.0

    def __init__(self, y_pred: float = 0.7, y_true: int = 1) -> None:
        if y_true not in (0, 1):
            raise ValueError(f"PredictionLossWidget: expected y_true to be 0 or 1, but received {y_true!r}")
        if not 0.01 <= y_pred <= 0.99:
            raise ValueError(f"PredictionLossWidget: expected y_pred in [0.01, 0.99], but received {y_pred!r}")
        super().__init__(figsize=(7.5, 4.5))
        self.y_pred = slider("ŷ", value=y_pred, min=0.01, max=0.99, step=0.01, decimals=2)
        self.y_true = widgets.ToggleButtons(options=[0, 1], value=y_true, description="y")
        self.y_true.style.button_width = "3em"

        ax = self.ax
        self.curves = {}
        self.markers = {}
        for key, color in zip(("mse", "mae", "bce"), COLORS):
            (self.curves[key],) = ax.plot(self.GRID, np.zeros_like(self.GRID), color=color, label=t(f"losses.{key}"))
            (self.markers[key],) = ax.plot([], [], "o", color=color, markersize=9)
        self.cursor = ax.axvline(y_pred, color="0.4", linestyle="--", linewidth=1)
        ax.set_xlim(0, 1)
        ax.set_ylim(0, self.Y_MAX)
        ax.set_xlabel(t("losses.predicted_probability"))
        ax.set_ylabel(t("losses.loss"))
        ax.legend(loc="upper center")
        self.fig.tight_layout()
        self.watch(self.y_pred, self.y_true)
        self.update()

    def values(self) -> dict[str, float]:
        """The three losses at the current ŷ and y."""
        y, p = float(self.y_true.value), float(self.y_pred.value)
        return {
            "mse": float(squared_error(p, y)),
            "mae": float(absolute_error(p, y)),
            "bce": float(binary_cross_entropy(p, y)),
        }

    def update(self) -> None:
        y, p = self.y_true.value, self.y_pred.value
        curves = loss_curves(y, self.GRID)
        values = self.values()
        for key, line in self.curves.items():
            line.set_ydata(curves[key])
            self.markers[key].set_data([p], [values[key]])
        self.cursor.set_xdata([p, p])
        self.ax.set_title(t("losses.prediction_title", y=y))
        self.status.value = t(
            "losses.prediction_status", y=y, y_pred=fmt(float(p), decimals=2), se=fmt(values["mse"], decimals=3),
            ae=fmt(values["mae"], decimals=3), bce=fmt(values["bce"], decimals=3),
        )


class RegressionLossWidget(FigureWidget):
    """A small regression data set: move one point's prediction and watch the cost.

    The left panel shows targets y_i, predictions ŷ_i, the residuals and each squared
    error drawn as a square of side |y_i − ŷ_i|. The right panel shows the squared and
    absolute error of every point as bars and the two costs (MSE, MAE) as lines.

    Parameters
    ----------
    x, y_true, y_pred
        Inputs, targets and starting predictions, each of shape ``(N,)``; the defaults are
        six points and the predictions of the line ŷ = 0.6 x + 0.8.
    """

    LIMITS = (0.0, 5.0)

    def __init__(self, x=None, y_true=None, y_pred=None) -> None:
        x = DEFAULT_X if x is None else _as_array(x, "x", "RegressionLossWidget")
        y_true = DEFAULT_Y if y_true is None else _as_array(y_true, "y_true", "RegressionLossWidget")
        y_pred = DEFAULT_Y_PRED if y_pred is None else _as_array(y_pred, "y_pred", "RegressionLossWidget")
        if not (x.ndim == 1 and x.shape == y_true.shape == y_pred.shape and x.size >= 2):
            raise ValueError(
                "RegressionLossWidget: expected x, y_true and y_pred of the same shape (N,) with N >= 2, "
                f"but received {x.shape}, {y_true.shape} and {y_pred.shape}"
            )
        low, high = self.LIMITS
        if np.any((y_pred < low) | (y_pred > high)):
            raise ValueError(
                f"RegressionLossWidget: expected y_pred in [{low}, {high}] (the slider range), "
                f"but received values from {y_pred.min():g} to {y_pred.max():g}"
            )
        super().__init__(ncols=2, figsize=(11.0, 4.8))
        self.x = x.copy()
        self.y_true = y_true.copy()
        self.initial = y_pred.copy()
        self.y_pred = y_pred.copy()
        n = x.size

        self.point = int_slider(t("losses.point"), value=n - 1, min=0, max=n - 1)
        self.prediction = slider(
            t("losses.point_prediction"), value=float(y_pred[n - 1]), min=low, max=high, step=0.05, decimals=2,
            # Two panels take about 0.15 s to draw: redraw when the slider is released.
            continuous_update=False,
        )
        self.reset = widgets.Button(description=t("common.reset"))
        self.prediction.style.description_width = "initial"
        # These observers run before the ones watch() adds, so update() never writes the
        # previous point's slider value into the newly chosen point.
        self.point.observe(self._select_point, names="value")
        self.reset.on_click(self._reset)

        left, right = self.axes
        self.squares = [
            left.add_patch(Rectangle((0, 0), 0, 0, color=COLORS[1], alpha=0.2, linewidth=0)) for _ in range(n)
        ]
        self.residual_lines = [left.plot([], [], color=COLORS[1], linewidth=1.5)[0] for _ in range(n)]
        left.plot(self.x, self.y_true, "o", color=COLORS[0], markersize=8, label=t("losses.data"), zorder=3)
        (self.prediction_points,) = left.plot([], [], "s", color=COLORS[1], markersize=7, label=t("losses.predictions"), zorder=3)
        (self.selected,) = left.plot([], [], "s", markersize=14, markerfacecolor="none", markeredgecolor="black", markeredgewidth=1.5)
        left.add_patch(Rectangle((0, 0), 0, 0, color=COLORS[1], alpha=0.2, linewidth=0, label=t("losses.squares")))
        left.set_xlim(*self.LIMITS)
        left.set_ylim(*self.LIMITS)
        left.set_aspect("equal")
        left.set_xlabel(t("losses.x"))
        left.set_ylabel(t("losses.y"))
        left.set_title(t("losses.regression_title"))
        left.legend(loc="upper left", fontsize=9)

        idx = np.arange(n)
        self.squared_bars = right.bar(idx - 0.2, np.zeros(n), width=0.4, color=COLORS[1], label=t("losses.squared_bars"))
        self.absolute_bars = right.bar(idx + 0.2, np.zeros(n), width=0.4, color=COLORS[2], label=t("losses.absolute_bars"))
        self.mse_line = right.axhline(0, color=COLORS[1], linestyle="--", label=" ")
        self.mae_line = right.axhline(0, color=COLORS[2], linestyle=":", label=" ")
        right.set_xticks(idx)
        # Made once and relabelled (a new legend is a new artist: the plot would be drawn whole).
        self.legend = right.legend(handles=[self.mse_line, self.mae_line, self.squared_bars, self.absolute_bars],
                                   loc="upper left", fontsize=9)
        right.set_xlabel(t("losses.point_axis"))
        right.set_ylabel(t("losses.error_axis"))
        right.set_title(t("losses.errors_title"))
        self.fig.tight_layout()

        self.watch(self.point, self.prediction, self.reset)
        self.update()

    def _select_point(self, change: dict) -> None:
        self.prediction.value = float(self.y_pred[change["new"]])

    def _reset(self, _button: widgets.Button) -> None:
        self.y_pred = self.initial.copy()
        self.prediction.value = float(self.y_pred[self.point.value])

    def errors(self) -> RegressionErrors:
        return regression_errors(self.y_pred, self.y_true)

    def update(self) -> None:
        i = self.point.value
        self.y_pred[i] = self.prediction.value
        errors = self.errors()
        for j, (square, line) in enumerate(zip(self.squares, self.residual_lines)):
            side = abs(errors.residuals[j])
            # Squares go to the right of the point unless they would leave the plot.
            left_edge = self.x[j] if self.x[j] + side <= self.LIMITS[1] else self.x[j] - side
            square.set_xy((left_edge, min(self.y_true[j], self.y_pred[j])))
            square.set_width(side)
            square.set_height(side)
            line.set_data([self.x[j], self.x[j]], [self.y_true[j], self.y_pred[j]])
        self.prediction_points.set_data(self.x, self.y_pred)
        self.selected.set_data([self.x[i]], [self.y_pred[i]])

        right = self.axes[1]
        for bar, height in zip(self.squared_bars, errors.squared):
            bar.set_height(height)
        for bar, height in zip(self.absolute_bars, errors.absolute):
            bar.set_height(height)
        self.mse_line.set_ydata([errors.mse, errors.mse])
        self.mae_line.set_ydata([errors.mae, errors.mae])
        for line, text, key, cost in ((self.mse_line, self.legend.get_texts()[0], "losses.mse_line", errors.mse),
                                      (self.mae_line, self.legend.get_texts()[1], "losses.mae_line", errors.mae)):
            line.set_label(t(key, value=fmt(float(cost), decimals=3)))
            text.set_text(line.get_label())
        top = max(errors.squared.max(), errors.absolute.max(), 0.25)
        # Headroom for the legend above the tallest bar (at least 1.6 times it), in steps of a
        # round number, so that most moves of a point keep the axis and its ticks.
        right.set_ylim(0, nice_ceiling(1.6 * top))
        self.status.value = t(
            "losses.regression_status", i=i, y=fmt(float(self.y_true[i]), decimals=2),
            y_pred=fmt(float(self.y_pred[i]), decimals=2), se=fmt(float(errors.squared[i]), decimals=3), n=self.x.size,
            mse=fmt(float(errors.mse), decimals=3), mae=fmt(float(errors.mae), decimals=3),
        )
