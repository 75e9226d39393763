"""Gradient descent with the student's own derivative, for :class:`~course.widgets.descent.LearningRateDescent`.

:func:`student_descent` runs ``a ← a - η L'(a)`` with the student's ``loss_derivative``
and never raises: whatever the function does (raise, return a list, NaN, nothing yet) is
recorded in a :class:`StudentDescent`, and :func:`student_report` says it in the
notebook's language, with the first point where the student's slope and the library's
disagree.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Callable

import numpy as np

from course.i18n import t
from course.numbers import fmt
from course.widgets.descent_paths import DIVERGENCE_LIMIT, as_xy
from course.widgets.student import ATOL, RTOL, call_student
from nnlib._checks import check_int, check_positive
from nnlib.lstsq import quadratic_loss_derivative


@dataclass(frozen=True)
class StudentDescent:
    """Gradient descent on ``L(a)`` with the student's ``L'(a)``, and where that went wrong.

    Attributes
    ----------
    path : numpy.ndarray
        The points ``a_0, a_1, …`` visited, shape ``(K,)``, ``K >= 1``.
    slopes : numpy.ndarray
        The student's ``L'(a)`` at ``path[:M]``, shape ``(M,)``: ``M = K`` when every call
        gave a number, else ``M = K - 1`` and the problem happened at ``path[-1]``.
    library_slopes : numpy.ndarray
        The library's ``L'(a)`` at every point of the path, shape ``(K,)``.
    outcome : str
        ``"ok"``; ``"not_answered"`` (``NotImplementedError``: an unanswered stub);
        ``"error"`` (it raised); ``"bad_value"`` (it returned something that is not one
        number) or ``"nonfinite"`` (it returned NaN or ±inf).
    message : str
        ``"TypeError: message"`` for "error", what it returned for "bad_value" and "nonfinite".
    diverged : bool
        Whether the path was cut off at ``DIVERGENCE_LIMIT``.
    warnings : tuple of str
        numpy's floating-point warnings while it ran.
    """

    path: np.ndarray
    slopes: np.ndarray
    library_slopes: np.ndarray
    outcome: str = "ok"
    message: str = ""
    diverged: bool = False
    warnings: tuple[str, ...] = ()

    @property
    def disagreements(self) -> np.ndarray:
        """Indices ``k`` where the student's ``L'(a_k)`` differs from the library's, shape ``(D,)``.

        The tolerances are those of ``check()``, with the absolute one scaled by the
        largest slope on the path so that rounding in a long sum does not count.
        """
        library = self.library_slopes[: len(self.slopes)]
        scale = max(1.0, float(np.max(np.abs(self.library_slopes))))
        return np.flatnonzero(~np.isclose(self.slopes, library, rtol=RTOL, atol=ATOL * scale))


def _one_number(value) -> tuple[float | None, str]:
    """``value`` as a float if it is one real number, else None and what it was."""
    if isinstance(value, (bool, np.bool_)) or np.iscomplexobj(value):
        return None, t("descent.student_kind", type=type(value).__name__)
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError, OverflowError):
        return None, t("descent.student_kind", type=type(value).__name__)
    if array.ndim != 0:
        return None, t("descent.student_shape", shape=array.shape)
    return float(array), ""


def student_descent(derivative: Callable, x, y, start: float, learning_rate: float, n_steps: int) -> StudentDescent:
    """Run ``a ← a - η L'(a)`` with the student's ``derivative(a, x, y)``, never raising.

    Parameters
    ----------
    derivative
        The student's ``loss_derivative(a, x, y)``; it gets a float ``a`` and fresh copies
        of ``x`` and ``y``, and should return one number.
    x, y
        The data points, shape ``(N,)``.
    start
        The starting value ``a_0``.
    learning_rate
        The step size ``η > 0``.
    n_steps
        Number of updates, ``>= 0``.

    Returns
    -------
    StudentDescent
        The path as far as the student's derivative allowed (stopping at the first call
        that did not give a finite number, or at ``DIVERGENCE_LIMIT`` like
        :func:`gradient_descent`), the student's and the library's slopes along it, and
        what went wrong.
    """
    x, y = as_xy(x, y, "student_descent")
    check_positive(learning_rate, "learning_rate", "student_descent")
    learning_rate = float(learning_rate)
    n_steps = check_int(n_steps, "n_steps", "student_descent", minimum=0)
    path, slopes = [float(start)], []
    outcome, message, diverged, seen = "ok", "", False, []
    while True:
        call = call_student(derivative, path[-1], x.copy(), y.copy())
        seen += [text for text in call.warnings if text not in seen]
        if call.outcome != "ok":
            outcome, message = call.outcome, call.error
            break
        slope, problem = _one_number(call.value)
        if slope is None:
            outcome, message = "bad_value", problem
            break
        if not np.isfinite(slope):
            outcome, message = "nonfinite", repr(slope)
            break
        slopes.append(slope)
        if len(path) == n_steps + 1:
            break
        a = path[-1] - learning_rate * slope
        if not np.isfinite(a) or abs(a) > DIVERGENCE_LIMIT:
            diverged = True
            break
        path.append(a)
    path_array = np.array(path)
    return StudentDescent(
        path=path_array,
        slopes=np.array(slopes),
        library_slopes=np.atleast_1d(quadratic_loss_derivative(path_array, x, y)),
        outcome=outcome,
        message=message,
        diverged=diverged,
        warnings=tuple(seen),
    )


def function_name(function: Callable) -> str:
    name = getattr(function, "__name__", "")
    return name if isinstance(name, str) and name.isidentifier() else "L′(a)"


def student_report(run: StudentDescent, name: str) -> str:
    """The status line (HTML) about the student's run: what came out, and where it disagrees."""
    name = html.escape(name)
    a_here = fmt(float(run.path[-1]), digits=4)
    if run.outcome == "not_answered":
        return t("descent.student_not_answered", name=name)
    parts = []
    if run.outcome == "error":
        parts.append(t("descent.student_raised", name=name, error=html.escape(run.message), a=a_here))
    elif run.outcome == "bad_value":
        parts.append(t("descent.student_not_a_number", name=name, what=html.escape(run.message), a=a_here))
    elif run.outcome == "nonfinite":
        parts.append(t("descent.student_nonfinite", name=name, value=run.message, a=a_here))
    elif run.diverged:
        parts.append(t("descent.student_diverged", steps=len(run.path) - 1, a=a_here))
    else:
        parts.append(t("descent.student_result", steps=len(run.path) - 1, a=a_here))
    disagreements = run.disagreements
    if disagreements.size:
        # Prefer the point where the path stands now; else the first point where it went wrong.
        here = len(run.slopes) - 1
        k = here if here in disagreements else int(disagreements[0])
        parts.append(
            t(
                "descent.student_disagrees",
                a=fmt(float(run.path[k]), digits=4),
                k=k,
                mine=fmt(float(run.slopes[k]), digits=4),
                library=fmt(float(run.library_slopes[k]), digits=4),
            )
        )
    elif run.slopes.size:
        parts.append(t("descent.student_agrees", n=run.slopes.size))
    if run.warnings:
        parts.append(t("descent.student_warned", warning=html.escape("; ".join(run.warnings[:2]))))
    return " ".join(parts)


