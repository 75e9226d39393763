"""The student's own activation functions next to the library's, in chapter 02's explorer.

:func:`compare_curve` calls a student's function (through :func:`course.widgets.student.call_student`,
so a stub or a crash does not break the widget), compares what it returns with the
library's curve and keeps what went wrong; :func:`curve_report` says it in a sentence.
"""

from __future__ import annotations

import html
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from course.i18n import t
from course.widgets.activation_curves import NAMES, status_number
from course.widgets.student import ATOL, RTOL, call_student


#: The student's functions for the explorer: activation name -> (f, f'); either may be None.
StudentFunctions = Mapping[str, tuple[Callable | None, Callable | None]]


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
        parts.append(t("activations.student_matches", diff=status_number(curve.max_difference)))
    else:
        parts.append(t("activations.student_differs", diff=status_number(curve.max_difference), z=status_number(curve.at)))
    if curve.n_nan:
        parts.append(t("activations.student_nan", n=curve.n_nan, z=status_number(curve.first_nan)))
    if curve.n_inf:
        parts.append(t("activations.student_inf", n=curve.n_inf, z=status_number(curve.first_inf)))
    if curve.warnings:
        parts.append(t("activations.student_warned", warning=html.escape("; ".join(curve.warnings[:2]))))
    return "; ".join(parts)


def check_student_functions(student: Any, owner: str) -> dict[str, tuple[Callable | None, Callable | None]]:
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
