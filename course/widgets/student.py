"""Calling a student's own function from a widget, safely.

Exercise notebooks hand the student's functions to lesson widgets (the activation
explorer, the descent widget). A widget redraws on every control change, so it must
never raise or warn into the notebook: a stub, an exception or a numpy warning becomes a
:class:`StudentCall` that the widget reports in its status line.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from course.i18n import t

# The tolerances of check() and the grader (course.exercise.RTOL/ATOL), so that "matches" here
# means what a ✔ means there. Not imported: the grader's sandbox may not read course/exercise.py,
# and these widgets run inside graded notebooks.
RTOL, ATOL = 1e-5, 1e-8


@dataclass(frozen=True)
class StudentCall:
    """What happened when a widget called one of the student's functions.

    ``outcome`` is ``"ok"`` (``value`` holds what it returned), ``"not_answered"`` (it
    raised ``NotImplementedError``, as an exercise stub does) or ``"error"`` (``error``
    holds ``"TypeError: message"``). ``warnings`` holds the messages of numpy's
    floating-point warnings (overflow, invalid value, division by zero) it caused.
    """

    outcome: str
    value: Any = None
    error: str = ""
    warnings: tuple[str, ...] = ()


def describe_error(error: BaseException, limit: int = 200) -> str:
    """``"TypeError: message"`` for a status line, the message cut to ``limit`` characters."""
    try:
        message = str(error)
    except Exception:  # a student's exception class may fail even at this
        message = ""
    message = " ".join(message.split())
    if len(message) > limit:
        message = message[: limit - 1] + "…"
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


_NUMPY_WARNING = re.compile(r"(overflow|invalid value|divide by zero|underflow) encountered in (\w+)")
_NUMPY_KEYS = {"overflow": "overflow", "invalid value": "invalid", "divide by zero": "divide", "underflow": "underflow"}


def _in_language(message: str) -> str:
    """numpy's floating-point warning in the notebook's language (English: numpy's own words)."""
    match = _NUMPY_WARNING.fullmatch(message.strip())
    if match is None:
        return message
    return t(f"common.numpy_{_NUMPY_KEYS[match.group(1)]}", where=match.group(2))


def call_student(function: Callable, *args: Any) -> StudentCall:
    """Call ``function(*args)`` without ever raising or warning into the notebook.

    A widget redraws on every slider move, so a traceback or a warning from the student's
    code would fill the notebook; instead the outcome is returned for the status line.
    Only ``Exception`` is caught: an interrupt from the keyboard still stops the kernel.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        # Underflow (e.g. exp(-800) = 0) is harmless and numpy ignores it by default.
        with np.errstate(over="warn", divide="warn", invalid="warn", under="ignore"):
            try:
                value = function(*args)
                outcome, error = "ok", ""
            except NotImplementedError:
                value, outcome, error = None, "not_answered", ""
            except Exception as raised:
                value, outcome, error = None, "error", describe_error(raised)
    seen = []
    for warning in caught:
        text = _in_language(str(warning.message))
        if issubclass(warning.category, RuntimeWarning) and text not in seen:
            seen.append(text)
    return StudentCall(outcome, value, error, tuple(seen))
