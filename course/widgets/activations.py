"""Chapter 02: an activation-function explorer (and, imported from here, the "stack N layers" demo).

:class:`ActivationExplorer` plots an activation f and its derivative f' (chosen in a
dropdown) over a z-range, and marks the value and the slope (tangent) at a chosen z.
Given the student's own functions (``student=``), it draws them dashed over the
library's curves and reports the largest difference; :func:`course.widgets.student.call_student`
and :func:`compare_curve` are the parts that keep a stub or a broken answer from breaking it.

The pieces live in their own modules, and lesson 02 imports them all from here:

- :mod:`course.widgets.activation_curves`: f(z), f'(z), value, slope and tangent as numbers;
- :mod:`course.widgets.activation_student`: the student's functions compared with the library's;
- :mod:`course.widgets.stacked_layers`: :class:`StackedLayersWidget`, N random fully
  connected layers with nothing (linear) or ReLU between them. With nothing between them
  the output stays a straight line (a plane for two inputs) and equals one collapsed layer
  W = W_N ⋯ W_1; with ReLU it bends into linear pieces.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from course.i18n import t
from course.plots import COLORS
from course.widgets.activation_curves import (  # noqa: F401 (re-exported)
    NAMES,
    activation_curves,
    affine_text,
    check_activation_name,
    evaluate,
    limits_with_student,
    padded_limits,
    status_number,
    tangent_segment,
    value_and_slope,
)
from course.widgets.activation_student import (  # noqa: F401 (re-exported)
    StudentCurve,
    StudentFunctions,
    check_student_functions,
    compare_curve,
    curve_report,
)
from course.widgets.base import FigureWidget
from course.widgets.controls import slider
from course.widgets.stacked_layers import (  # noqa: F401 (re-exported)
    Layers,
    STACK_RANGE,
    StackedLayersWidget,
    collapse_linear,
    find_kinks,
    random_stack,
    stack_forward,
)


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
        check_activation_name(name, "ActivationExplorer")
        self.student = check_student_functions(student, "ActivationExplorer")
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
            ax.set_ylim(*limits_with_student(values, curve.values if drawn else None))
        label = t(f"activations.name.{name}")
        left.set_title(t("activations.f_title", name=label))
        right.set_title(t("activations.df_title", name=label))
        status = t("activations.status", z=status_number(z0), value=status_number(value), slope=status_number(slope))
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
