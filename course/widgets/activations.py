"""Chapter 02: an activation-function explorer and a "stack N layers" demo.

:class:`ActivationExplorer` plots an activation f and its derivative f' (chosen in a
dropdown) over a z-range, and marks the value and the slope (tangent) at a chosen z.
Given the student's own functions (``student=``), it draws them dashed over the
library's curves and reports the largest difference; :func:`call_student` and
:func:`compare_curve` are the parts that keep a stub or a broken answer from breaking it.

:class:`StackedLayersWidget` pushes a 1-D and a 2-D input through N random fully connected
layers, with either nothing (linear) or ReLU between them. With nothing between them the
output stays a straight line (a plane for two inputs) and equals one collapsed layer
W = W_N ⋯ W_1; with ReLU it bends into linear pieces.
"""

from __future__ import annotations

import html
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import ipywidgets as widgets
import numpy as np

from course.i18n import t
from course.numbers import fmt
from course.plots import COLORS
from course.widgets.base import FigureWidget
from course.widgets.controls import int_slider, slider
from course.widgets.student import ATOL, RTOL, call_student
from nnlib import activations

#: The element-wise activations the explorer offers, in the order of the lesson.
NAMES = ("step", "identity", "sigmoid", "tanh", "relu", "leaky_relu")

#: Input range of the stacking demo (both axes for the 2-D input).
STACK_RANGE = (-3.0, 3.0)

Layers = list[tuple[np.ndarray, np.ndarray]]

#: The student's functions for the explorer: activation name -> (f, f'); either may be None.
StudentFunctions = Mapping[str, tuple[Callable | None, Callable | None]]



def _check_name(name: str, owner: str) -> str:
    if name not in NAMES:
        raise ValueError(f"{owner}: expected an activation name in {', '.join(NAMES)}, but received {name!r}")
    return name


def evaluate(name: str, z: np.ndarray | float, *, alpha: float = 0.01) -> tuple[np.ndarray, np.ndarray]:
    """f(z) and f'(z) of the activation ``name`` from :mod:`nnlib.activations`.

    Parameters
    ----------
    name
        One of :data:`NAMES`.
    z
        Pre-activation values, any shape.
    alpha
        Slope for z ≤ 0 of leaky ReLU (ignored by the other activations).

    Returns
    -------
    (numpy.ndarray, numpy.ndarray)
        f(z) and f'(z), both with the shape of ``z``.
    """
    _check_name(name, "evaluate")
    z = np.asarray(z, dtype=float)
    if name == "leaky_relu":
        return activations.leaky_relu(z, alpha), activations.leaky_relu_derivative(z, alpha)
    activation = activations.get(name)
    return activation.fn(z), activation.derivative(z)


def activation_curves(
    name: str, z_min: float, z_max: float, *, n_points: int = 401, alpha: float = 0.01
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The curves f and f' of an activation on ``n_points`` equally spaced z in [z_min, z_max].

    Returns
    -------
    (numpy.ndarray, numpy.ndarray, numpy.ndarray)
        z, f(z) and f'(z), each of shape ``(n_points,)``.
    """
    if not z_min < z_max:
        raise ValueError(f"activation_curves: expected z_min < z_max, but received z_min={z_min}, z_max={z_max}")
    if n_points < 2:
        raise ValueError(f"activation_curves: expected n_points >= 2, but received {n_points}")
    z = np.linspace(z_min, z_max, n_points)
    f, df = evaluate(name, z, alpha=alpha)
    return z, f, df


def value_and_slope(name: str, z: float, *, alpha: float = 0.01) -> tuple[float, float]:
    """f(z) and f'(z) at one point z, as Python floats."""
    f, df = evaluate(name, float(z), alpha=alpha)
    return float(f), float(df)


def tangent_segment(z0: float, value: float, slope: float, half_width: float) -> tuple[np.ndarray, np.ndarray]:
    """The tangent y = value + slope·(z − z0) drawn for z in [z0 − half_width, z0 + half_width].

    Returns
    -------
    (numpy.ndarray, numpy.ndarray)
        The z and y of the two end points, each of shape ``(2,)``.
    """
    zs = np.array([z0 - half_width, z0 + half_width], dtype=float)
    return zs, value + slope * (zs - z0)


@dataclass(frozen=True)
class StudentCurve:
    """The student's version of one curve, compared with the library's on the same z.

    Attributes
    ----------
    outcome : str
        ``"ok"``, ``"not_answered"``, ``"error"`` (it raised) or ``"bad_value"`` (it
        returned something that is not numbers of the shape of z).
    values : numpy.ndarray or None
        What to draw, shape ``(n,)``, with NaN where the student's value is not finite;
        None unless ``outcome == "ok"``.
    message : str
        For "error", ``"TypeError: message"``; for "bad_value", what was returned.
    max_difference : float
        ``max |f_student(z) - f(z)|`` over the z where the student's value is finite
        (NaN when there is none), and ``at``, the z where it is largest.
    matches : bool
        Whether every value is finite and within the tolerances of ``check()``.
    n_nan, n_inf : int
        How many values are NaN and ±inf; ``first_nan`` and ``first_inf`` are the first z
        where each happens (None if nowhere).
    warnings : tuple of str
        numpy's floating-point warnings while the function ran.
    """

    outcome: str
    values: np.ndarray | None = None
    message: str = ""
    max_difference: float = float("nan")
    at: float = float("nan")
    matches: bool = False
    n_nan: int = 0
    n_inf: int = 0
    first_nan: float | None = None
    first_inf: float | None = None
    warnings: tuple[str, ...] = ()


def _as_float_array(value: Any, shape: tuple[int, ...]) -> tuple[np.ndarray | None, str]:
    """``value`` as a float array of ``shape``, or None and what was wrong with it."""
    if np.iscomplexobj(value):
        return None, "complex"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            array = np.asarray(value, dtype=float)
    except (TypeError, ValueError, OverflowError):
        return None, "not_numbers"
    if array.shape != shape:
        return None, "shape"
    return array, ""


def compare_curve(function: Callable, z: np.ndarray, reference: np.ndarray, *extra: Any) -> StudentCurve:
    """Call the student's ``function(z, *extra)`` once on the whole array and compare.

    Parameters
    ----------
    function
        The student's activation or derivative; it gets a copy of ``z``.
    z
        The plotted inputs, shape ``(n,)``.
    reference
        The library's values at ``z``, shape ``(n,)``.
    extra
        Further arguments (α for leaky ReLU).

    Returns
    -------
    StudentCurve
    """
    z = np.asarray(z, dtype=float)
    reference = np.asarray(reference, dtype=float)
    call = call_student(function, z.copy(), *extra)
    if call.outcome != "ok":
        return StudentCurve(call.outcome, message=call.error, warnings=call.warnings)
    values, problem = _as_float_array(call.value, z.shape)
    if values is None:
        if problem == "shape":
            message = t("activations.student_shape", shape=np.shape(call.value), expected=z.shape)
        elif problem == "complex":
            message = t("activations.student_complex")
        else:
            message = t("activations.student_not_numbers", type=type(call.value).__name__)
        return StudentCurve("bad_value", message=message, warnings=call.warnings)
    finite, nan, inf = np.isfinite(values), np.isnan(values), np.isinf(values)
    difference = np.abs(values - reference)
    if finite.any():
        index = int(np.argmax(np.where(finite, difference, -1.0)))
        max_difference, at = float(difference[index]), float(z[index])
    else:
        max_difference, at = float("nan"), float("nan")
    matches = bool(finite.all() and np.allclose(values, reference, rtol=RTOL, atol=ATOL))
    return StudentCurve(
        "ok",
        values=np.where(finite, values, np.nan),
        max_difference=max_difference,
        at=at,
        matches=matches,
        n_nan=int(nan.sum()),
        n_inf=int(inf.sum()),
        first_nan=float(z[np.argmax(nan)]) if nan.any() else None,
        first_inf=float(z[np.argmax(inf)]) if inf.any() else None,
        warnings=call.warnings,
    )


def curve_report(curve: StudentCurve | None) -> str:
    """One line of HTML for the status: how the student's curve compares (or why there is none)."""
    if curve is None:
        return t("activations.student_missing")
    if curve.outcome == "not_answered":
        return t("activations.not_answered")
    if curve.outcome == "error":
        return t("activations.student_raised", error=html.escape(curve.message))
    if curve.outcome == "bad_value":
        return html.escape(curve.message)
    parts = []
    if np.isnan(curve.max_difference):
        parts.append(t("activations.student_all_bad"))
    elif curve.matches:
        parts.append(t("activations.student_matches", diff=_number(curve.max_difference)))
    else:
        parts.append(t("activations.student_differs", diff=_number(curve.max_difference), z=_number(curve.at)))
    if curve.n_nan:
        parts.append(t("activations.student_nan", n=curve.n_nan, z=_number(curve.first_nan)))
    if curve.n_inf:
        parts.append(t("activations.student_inf", n=curve.n_inf, z=_number(curve.first_inf)))
    if curve.warnings:
        parts.append(t("activations.student_warned", warning=html.escape("; ".join(curve.warnings[:2]))))
    return "; ".join(parts)


def _check_student(student: Any, owner: str) -> dict[str, tuple[Callable | None, Callable | None]]:
    if student is None:
        return {}
    example = "{'sigmoid': (sigmoid, sigmoid_derivative)}"
    if not isinstance(student, Mapping):
        raise TypeError(
            f"{owner}: expected student to be a dict like {example}, but received {type(student).__name__}"
        )
    checked = {}
    for name, pair in student.items():
        if name not in NAMES:
            raise ValueError(
                f"{owner}: expected the keys of student to be activation names in {', '.join(NAMES)}, "
                f"but received {name!r}"
            )
        if not isinstance(pair, (tuple, list)) or len(pair) != 2:
            raise TypeError(
                f"{owner}: expected student[{name!r}] to be a pair (f, f_derivative) of functions, "
                f"but received {pair!r:.80}"
            )
        for function in pair:
            if function is not None and not callable(function):
                raise TypeError(
                    f"{owner}: expected student[{name!r}] to hold functions (or None), "
                    f"but received {type(function).__name__}"
                )
        checked[name] = (pair[0], pair[1])
    return checked


def _limits(values: np.ndarray, margin: float = 0.1) -> tuple[float, float]:
    low, high = float(np.min(values)), float(np.max(values))
    span = max(high - low, 1.0)
    return low - margin * span, high + margin * span


def _limits_with(values: np.ndarray, student: np.ndarray | None) -> tuple[float, float]:
    """Limits for the library's ``values`` that also show the student's curve, within reason.

    A wildly wrong curve may leave the plot rather than squash the library's curve into a line.
    """
    if student is None or not np.isfinite(student).any():
        return _limits(values)
    low, high = float(np.min(values)), float(np.max(values))
    reach = 2.0 * max(high - low, 1.0)
    shown = np.clip(student[np.isfinite(student)], low - reach, high + reach)
    return _limits(np.concatenate([values, shown]))


def _number(value: float) -> str:
    """A number for the status line in the notebook's language (4 significant digits)."""
    return fmt(float(value), digits=4)


def _affine(slope: float, intercept: float) -> str:
    """``slope·x ± |intercept|`` for the status line, e.g. "2.332·x − 2.008"."""
    sign = "−" if intercept < 0 else "+"
    return f"{_number(slope)}·x {sign} {_number(abs(intercept))}"


class ActivationExplorer(FigureWidget):
    """A dropdown of activations; f on the left, f' on the right, value and slope at a point.

    Parameters
    ----------
    name
        The activation shown first, one of :data:`NAMES`.
    z_range
        The curves are drawn for z in [-z_range, z_range].
    z
        The point whose value and slope are marked.
    alpha
        Slope for z ≤ 0 of leaky ReLU.
    student
        The student's own functions, drawn dashed over the library's, e.g.
        ``{"sigmoid": (sigmoid, sigmoid_derivative), "relu": (relu, None)}``: for each
        activation name a pair (f, f'), either of which may be None. Each is called once
        per redraw on the whole array of plotted z (for "leaky_relu" as ``f(z, alpha)``).
        An unanswered stub reads "not answered yet"; errors, wrong shapes and NaN/inf
        are reported in the status line, never raised.

    Attributes used by tests: ``name``, ``z_range``, ``point``, ``alpha`` (controls),
    ``f_line``, ``df_line``, ``f_point``, ``df_point``, ``tangent``, ``student_f_line``,
    ``student_df_line`` (artists), ``student_curves`` (the last two :class:`StudentCurve`,
    or None), ``status``.
    """

    def __init__(
        self,
        name: str = "sigmoid",
        z_range: float = 6.0,
        z: float = 1.0,
        alpha: float = 0.1,
        *,
        student: StudentFunctions | None = None,
    ) -> None:
        super().__init__(ncols=2, figsize=(11.0, 4.0))
        _check_name(name, "ActivationExplorer")
        self.student = _check_student(student, "ActivationExplorer")
        self.student_curves: tuple[StudentCurve | None, StudentCurve | None] | None = None
        wide = {"description_width": "initial"}
        self.name = widgets.Dropdown(
            options=[(t(f"activations.name.{n}"), n) for n in NAMES],
            value=name,
            description=t("activations.function"),
            style=wide,
            # Room before the next control's label ("z-intervall ±").
            layout=widgets.Layout(margin="2px 28px 2px 2px"),
        )
        self.z_range = slider(
            t("activations.z_range"), value=z_range, min=1.0, max=50.0, step=0.5, decimals=1, style=wide
        )
        self.point = slider(t("activations.point"), value=z, min=-z_range, max=z_range, step=0.1, decimals=1, style=wide)
        self.alpha = slider(t("activations.alpha"), value=alpha, min=0.0, max=0.5, step=0.01, decimals=2, style=wide)
        # The point must stay inside the plotted range; adjust its bounds before the redraw.
        self.z_range.observe(self._follow_range, names="value")

        left, right = self.axes
        (self.f_line,) = left.plot([], [], color=COLORS[0], label="$f(z)$")
        (self.tangent,) = left.plot(
            [], [], color=COLORS[1], linestyle="--", linewidth=1.5, label=t("activations.tangent")
        )
        (self.f_point,) = left.plot([], [], "o", color=COLORS[1], markersize=9)
        (self.df_line,) = right.plot([], [], color=COLORS[2], label="$f'(z)$")
        (self.df_point,) = right.plot([], [], "o", color=COLORS[1], markersize=9)
        # Dashed and drawn on top, so a correct answer shows the library's curve through the gaps.
        student_style = {"color": COLORS[7], "linestyle": (0, (5, 3)), "linewidth": 1.8, "zorder": 3}
        (self.student_f_line,) = left.plot([], [], label=t("activations.yours_f"), **student_style)
        (self.student_df_line,) = right.plot([], [], label=t("activations.yours_df"), **student_style)
        for ax in self.axes:
            ax.axhline(0.0, color="grey", linewidth=0.8)
            ax.axvline(0.0, color="grey", linewidth=0.8)
            ax.set_xlabel("$z$")
        left.set_ylabel("$f(z)$")
        right.set_ylabel("$f'(z)$")
        handles = [self.f_line, self.tangent] + ([self.student_f_line] if self.student else [])
        left.legend(handles=handles, loc="upper left", fontsize=10)
        if self.student:
            right.legend(handles=[self.df_line, self.student_df_line], loc="upper left", fontsize=10)
        left.set_title(" ")
        self.fig.tight_layout()
        self.watch(self.name, self.z_range, self.point, self.alpha)

    def _follow_range(self, change) -> None:
        limit = float(change["new"])
        self.point.min, self.point.max = -limit, limit

    def _student_curves(
        self, name: str, z: np.ndarray, f: np.ndarray, df: np.ndarray, alpha: float
    ) -> tuple[StudentCurve | None, StudentCurve | None] | None:
        if name not in self.student:
            return None
        extra = (alpha,) if name == "leaky_relu" else ()
        return tuple(
            None if function is None else compare_curve(function, z, reference, *extra)
            for function, reference in zip(self.student[name], (f, df))
        )

    def update(self) -> None:
        name, limit, alpha = self.name.value, self.z_range.value, self.alpha.value
        self.alpha.disabled = name != "leaky_relu"
        z, f, df = activation_curves(name, -limit, limit, alpha=alpha)
        z0 = float(np.clip(self.point.value, -limit, limit))
        value, slope = value_and_slope(name, z0, alpha=alpha)
        left, right = self.axes
        self.f_line.set_data(z, f)
        self.df_line.set_data(z, df)
        self.f_point.set_data([z0], [value])
        self.df_point.set_data([z0], [slope])
        self.tangent.set_data(*tangent_segment(z0, value, slope, 0.15 * limit))
        self.student_curves = self._student_curves(name, z, f, df, alpha)
        curves = self.student_curves or (None, None)
        for ax, values, line, curve in (
            (left, f, self.student_f_line, curves[0]),
            (right, df, self.student_df_line, curves[1]),
        ):
            # An empty line rather than an invisible one: the legend keeps showing its style.
            drawn = curve is not None and curve.values is not None
            if drawn:
                line.set_data(z, curve.values)
            else:
                line.set_data([], [])
            ax.set_xlim(-limit, limit)
            ax.set_ylim(*_limits_with(values, curve.values if drawn else None))
        label = t(f"activations.name.{name}")
        left.set_title(t("activations.f_title", name=label))
        right.set_title(t("activations.df_title", name=label))
        status = t("activations.status", z=_number(z0), value=_number(value), slope=_number(slope))
        if self.student_curves is not None:
            status += "<br>" + t(
                "activations.student_status",
                name=label,
                f=curve_report(curves[0]),
                df=curve_report(curves[1]),
            )
        elif self.student:
            names = ", ".join(t(f"activations.name.{n}") for n in NAMES if n in self.student)
            status += "<br>" + t("activations.student_elsewhere", names=names)
        self.status.value = status


def random_stack(
    n_layers: int, width: int, n_in: int, *, rng: np.random.Generator | int | None = None
) -> Layers:
    """Random weights for ``n_layers`` fully connected layers n_in → width → … → width → 1.

    Weights are drawn from N(0, 2/n_in) (He scale) and biases from N(0, 1), so that with
    ReLU between the layers the kinks fall inside the plotted range.

    Parameters
    ----------
    n_layers
        Number of layers with weights, ≥ 1 (one layer maps n_in straight to 1 output).
    width
        Number of units in every layer but the last.
    n_in
        Number of inputs.
    rng
        A ``numpy.random.Generator`` or an int seed.

    Returns
    -------
    list of (W, b)
        Layer l has ``W`` of shape ``(n_out, n_in)`` and ``b`` of shape ``(n_out,)``.
    """
    for value, label in ((n_layers, "n_layers"), (width, "width"), (n_in, "n_in")):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
            raise ValueError(f"random_stack: expected {label} to be an integer >= 1, but received {value!r}")
    rng = np.random.default_rng(rng) if not isinstance(rng, np.random.Generator) else rng
    sizes = [n_in] + [width] * (n_layers - 1) + [1]
    return [
        (rng.normal(0.0, np.sqrt(2.0 / fan_in), size=(fan_out, fan_in)), rng.normal(0.0, 1.0, size=fan_out))
        for fan_in, fan_out in zip(sizes[:-1], sizes[1:])
    ]


def stack_forward(X: np.ndarray, layers: Layers, between: str = "linear") -> np.ndarray:
    """Push a batch through the layers, with ``between`` ("linear" or "relu") after every layer but the last.

    Parameters
    ----------
    X
        Inputs of shape ``(N, n_in)``.
    layers
        ``[(W, b), …]`` as returned by :func:`random_stack`.
    between
        "linear" (nothing between the layers) or "relu".

    Returns
    -------
    numpy.ndarray
        The outputs, shape ``(N, n_out)`` of the last layer.
    """
    if between not in ("linear", "relu"):
        raise ValueError(f"stack_forward: expected between to be 'linear' or 'relu', but received {between!r}")
    A = np.asarray(X, dtype=float)
    for index, (W, b) in enumerate(layers):
        A = A @ W.T + b
        if between == "relu" and index < len(layers) - 1:
            A = activations.relu(A)
    return A


def collapse_linear(layers: Layers) -> tuple[np.ndarray, np.ndarray]:
    """The single layer that equals the linear stack: W = W_N ⋯ W_2 W_1 and the combined bias.

    Layer by layer, W_l (W x + b) + b_l = (W_l W) x + (W_l b + b_l).

    Returns
    -------
    (numpy.ndarray, numpy.ndarray)
        ``W`` of shape ``(n_out, n_in)`` and ``b`` of shape ``(n_out,)``.
    """
    if not layers:
        raise ValueError("collapse_linear: expected at least one layer, but received none")
    W, b = layers[0]
    W, b = W.copy(), b.copy()
    for W_next, b_next in layers[1:]:
        W, b = W_next @ W, W_next @ b + b_next
    return W, b


def find_kinks(x: np.ndarray, y: np.ndarray, *, tol: float = 1e-3) -> np.ndarray:
    """Where a sampled piecewise-linear curve y(x) bends, found from the slopes between samples.

    A kink between two samples changes the slope of one or two neighbouring intervals, so
    each run of consecutive slope changes counts as one kink, placed at its middle.
    Slope changes smaller than ``tol·(1 + max |slope|)`` are rounding, not kinks.

    Parameters
    ----------
    x
        Increasing sample positions, shape ``(N,)``.
    y
        Curve values, shape ``(N,)``.
    tol
        Relative size of the smallest slope change that counts.

    Returns
    -------
    numpy.ndarray
        The x of each kink, shape ``(K,)``; the curve has K + 1 linear pieces.
    """
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if x.ndim != 1 or x.shape != y.shape or x.size < 3:
        raise ValueError(
            f"find_kinks: expected x and y of the same shape (N,) with N >= 3, but received {x.shape} and {y.shape}"
        )
    slopes = np.diff(y) / np.diff(x)
    changed = np.abs(np.diff(slopes)) > tol * (1.0 + np.max(np.abs(slopes)))
    kinks = []
    index = 0
    while index < changed.size:
        if changed[index]:
            start = index
            while index + 1 < changed.size and changed[index + 1]:
                index += 1
            # changed[i] compares the slopes on both sides of sample i + 1.
            kinks.append(0.5 * (x[start + 1] + x[index + 1]))
        index += 1
    return np.array(kinks)


class StackedLayersWidget(FigureWidget):
    """Slider for the number of layers N, linear vs ReLU between them, new random weights.

    Left: the output g(x) of one input x, with the collapsed single layer dashed when the
    stack is linear. Right: the output for two inputs as colour with contour lines
    (parallel straight lines for a linear stack).

    Attributes used by tests: ``n_layers``, ``between``, ``width``, ``new_weights``
    (controls), ``curve``, ``collapsed``, ``kinks``, ``image`` (artists), ``contours``
    (the current contour set), ``pieces`` (linear pieces of g along x), ``seed``, ``status``.
    """

    def __init__(self, n_layers: int = 3, between: str = "linear", width: int = 8, seed: int = 0) -> None:
        super().__init__(ncols=2, figsize=(11.0, 4.3))
        wide = {"description_width": "initial"}
        self.seed = seed
        self.n_layers = int_slider(t("activations.n_layers"), value=n_layers, min=1, max=8, style=wide)
        self.width = int_slider(t("activations.width"), value=width, min=2, max=16, style=wide)
        self.between = widgets.ToggleButtons(
            options=[(t("activations.linear"), "linear"), ("ReLU", "relu")],
            value=between,
            description=t("activations.between"),
            style=wide,
        )
        # Wide enough for the whole label in both languages ("nya slumpade vikter").
        self.new_weights = widgets.Button(
            description=t("activations.new_weights"), icon="refresh", layout=widgets.Layout(width="auto")
        )
        self.new_weights.on_click(self._next_seed)

        self.x = np.linspace(*STACK_RANGE, 601)
        grid = np.linspace(*STACK_RANGE, 81)
        self.g1, self.g2 = np.meshgrid(grid, grid)
        self.grid_points = np.column_stack([self.g1.ravel(), self.g2.ravel()])

        left, right = self.axes
        (self.curve,) = left.plot([], [], color=COLORS[0], label="$g(x)$")
        (self.collapsed,) = left.plot([], [], color=COLORS[1], linestyle="--", label=t("activations.collapsed"))
        (self.kinks,) = left.plot([], [], "o", color=COLORS[3], markersize=6, label=t("activations.kinks"))
        left.set_xlim(*STACK_RANGE)
        left.set_xlabel(t("activations.x"))
        left.set_ylabel(t("activations.output"))
        self.image = right.imshow(
            np.zeros_like(self.g1), origin="lower", extent=(*STACK_RANGE, *STACK_RANGE), cmap="viridis", aspect="auto"
        )
        self.contours = None
        right.set_xlabel("$x_1$")
        right.set_ylabel("$x_2$")
        right.set_title(t("activations.stack_title_2d"))
        right.grid(False)
        self.pieces = 1
        left.set_title(" ")
        self.fig.tight_layout()
        self.watch(self.n_layers, self.width, self.between, self.new_weights)

    def _next_seed(self, _button) -> None:
        # Registered before watch(), so the new seed is in place when refresh() runs.
        self.seed += 1

    def update(self) -> None:
        n_layers, width, between = self.n_layers.value, self.width.value, self.between.value
        rng = np.random.default_rng(self.seed)
        layers_1d = random_stack(n_layers, width, 1, rng=rng)
        layers_2d = random_stack(n_layers, width, 2, rng=rng)
        left, right = self.axes

        y = stack_forward(self.x[:, None], layers_1d, between)[:, 0]
        self.curve.set_data(self.x, y)
        kinks = find_kinks(self.x, y)
        self.pieces = len(kinks) + 1
        self.kinks.set_data(kinks, np.interp(kinks, self.x, y))
        if between == "linear":
            W, b = collapse_linear(layers_1d)
            collapsed = self.x * W[0, 0] + b[0]
            self.collapsed.set_data(self.x, collapsed)
            self.collapsed.set_visible(True)
            gap = float(np.max(np.abs(collapsed - y)))
            self.status.value = t(
                "activations.status_linear", n=n_layers, formula=_affine(W[0, 0], b[0]), gap=fmt(gap, digits=2)
            )
        else:
            self.collapsed.set_visible(False)
            self.status.value = t("activations.status_relu", n=n_layers, pieces=self.pieces)
        left.set_ylim(*_limits(y))
        shown = [self.curve, self.collapsed if between == "linear" else self.kinks]
        left.legend(handles=shown, loc="upper left", fontsize=10)
        left.set_title(t("activations.stack_title_1d", n=n_layers))

        surface = stack_forward(self.grid_points, layers_2d, between)[:, 0].reshape(self.g1.shape)
        self.image.set_data(surface)
        low, high = float(surface.min()), float(surface.max())
        if high - low < 1e-12:
            high = low + 1e-12
        self.image.set_clim(low, high)
        if self.contours is not None:
            self.contours.remove()
        levels = np.linspace(low, high, 12)[1:-1]
        self.contours = right.contour(
            self.g1, self.g2, surface, levels=levels, colors="white", linewidths=1.0, linestyles="solid"
        )
