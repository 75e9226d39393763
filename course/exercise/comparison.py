"""The comparison engine: is the student's value the expected one, and if not, what is wrong.

:func:`compare` is what ``check()`` and the grader both use, so a public test gives the
same verdict in both. It returns None for a right answer, else a :class:`Message` saying
what is wrong, with both values.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from course.exercise.messages import Message, describe, shorten

# Default tolerances for floats, the same as numpy.allclose: |received - expected| <= atol + rtol * |expected|.
RTOL = 1e-5
ATOL = 1e-8

# Which kinds of numbers may stand in for which (numpy dtype kinds).
_COMPATIBLE_KINDS = {"f": "fiu", "c": "cfiu", "i": "iu", "u": "iu", "b": "b", "U": "US", "S": "US"}


def _category(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, (bool, np.bool_)):
        return "bool"
    if isinstance(value, (int, np.integer)):
        return "int"
    if isinstance(value, (float, np.floating)):
        return "float"
    if isinstance(value, (complex, np.complexfloating)):
        return "complex"
    if isinstance(value, (str, np.str_)):
        return "str"
    if isinstance(value, np.ndarray):
        return "array"
    if isinstance(value, tuple):
        return "tuple"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "dict"
    return "other"


def _type_message(category: str, value: Any = None) -> Message:
    if category == "array" and isinstance(value, np.ndarray):
        return Message.of("checker.type_array_of", kind=_kind_message(value.dtype.kind))
    if category == "other":
        return Message.of("checker.type_other", name=type(value).__name__)
    return Message.of(f"checker.type_{category}")


def _kind_message(kind: str) -> Message:
    known = {"f": "float", "c": "complex", "i": "int", "u": "int", "b": "bool", "U": "str", "S": "str"}
    return Message.of(f"checker.kind_{known.get(kind, 'other')}")


def _scalar(value: Any) -> Any:
    """A 0-d array as its scalar; everything else unchanged."""
    if isinstance(value, np.ndarray) and value.ndim == 0:
        return value[()]
    return value


def compare(expected: Any, received: Any, *, rtol: float = RTOL, atol: float = ATOL,
            check_dtype: bool = True) -> Message | None:
    """Compare the student's value with the expected one.

    Integers, strings, booleans and None must be equal; floats (and arrays of them) equal
    within ``rtol``/``atol`` as in ``numpy.allclose``; arrays must have the expected shape
    and kind of numbers; lists, tuples and dicts are compared element by element (a list
    may stand in for a tuple and the other way round, and a list of numbers for an
    array). A NaN in ``received`` where ``expected`` has none is always wrong.

    Returns
    -------
    Message or None
        None when ``received`` is right, else what is wrong, with both values.
    """
    try:
        problem = _compare(expected, received, rtol, atol, check_dtype, depth=0)
    except RecursionError:
        return Message.of("checker.too_deep")
    if problem is not None and problem.key in ("checker.at", "checker.wrong_keys"):
        # Inside a list, tuple or dict: say where, then show both whole values.
        return _mismatch(problem, expected, received)
    return problem


def _located(where: str, problem: Message) -> Message:
    """``problem`` found at ``where`` inside a container, without the inner values."""
    fields = dict(problem.fields)
    if problem.key == "checker.mismatch":
        problem = fields["problem"]
        fields = dict(problem.fields)
    if problem.key == "checker.at":
        return Message.of("checker.at", where=where + fields["where"], problem=fields["problem"])
    return Message.of("checker.at", where=where, problem=problem)


def _mismatch(problem: Message, expected: Any, received: Any) -> Message:
    return Message.of("checker.mismatch", problem=problem, expected=describe(expected), received=describe(received))


def _wrong_type(want: str, expected: Any, got: str, received: Any) -> Message:
    """``received`` is of category ``got`` where a value of category ``want`` was expected."""
    problem = Message.of("checker.wrong_type", expected=_type_message(want, expected),
                         received=_type_message(got, received))
    return _mismatch(problem, expected, received)


def _compare(expected: Any, received: Any, rtol: float, atol: float, check_dtype: bool, depth: int) -> Message | None:
    if depth > 50:
        return Message.of("checker.too_deep")
    expected, received = _scalar(expected), _scalar(received)
    want, got = _category(expected), _category(received)

    if want == "none":
        return None if got == "none" else _wrong_type(want, expected, got, received)

    if want in ("bool", "int", "str"):
        if got != want:
            return _wrong_type(want, expected, got, received)
        return None if expected == received else _mismatch(Message.of("checker.wrong_value"), expected, received)

    if want in ("float", "complex"):
        allowed = ("int", "float") if want == "float" else ("int", "float", "complex")
        if got not in allowed:
            return _wrong_type(want, expected, got, received)
        if _isnan(received) and not _isnan(expected):
            return _mismatch(Message.of("checker.nan_scalar"), expected, received)
        if bool(np.isclose(received, expected, rtol=rtol, atol=atol, equal_nan=True)):
            return None
        return _mismatch(Message.of("checker.wrong_value"), expected, received)

    if want == "array":
        return _compare_arrays(expected, received, got, rtol, atol, check_dtype)

    if want in ("list", "tuple"):
        if got not in ("list", "tuple"):
            return _wrong_type(want, expected, got, received)
        if len(expected) != len(received):
            return _mismatch(Message.of("checker.wrong_length", expected=len(expected), received=len(received)), expected, received)
        for position, (e, r) in enumerate(zip(expected, received)):
            problem = _compare(e, r, rtol, atol, check_dtype, depth + 1)
            if problem is not None:
                return _located(f"[{position}]", problem)
        return None

    if want == "dict":
        if got != "dict":
            return _wrong_type(want, expected, got, received)
        if set(expected) != set(received):
            return Message.of("checker.wrong_keys", expected=shorten(", ".join(sorted(map(repr, expected))), 200),
                              received=shorten(", ".join(sorted(map(repr, received))), 200))
        for key in expected:
            problem = _compare(expected[key], received[key], rtol, atol, check_dtype, depth + 1)
            if problem is not None:
                return _located(f"[{key!r}]", problem)
        return None

    try:
        same = bool(expected == received)
    except Exception:
        same = False
    return None if same else _mismatch(Message.of("checker.wrong_value"), expected, received)


def _isnan(value: Any) -> bool:
    try:
        return bool(np.isnan(value))
    except (TypeError, ValueError):
        return False


def _compare_arrays(expected: np.ndarray, received: Any, got: str, rtol: float, atol: float,
                    check_dtype: bool) -> Message | None:
    if got in ("list", "tuple", "int", "float", "complex", "bool"):
        try:
            converted = np.asarray(received)
        except (ValueError, TypeError):
            converted = None
        if converted is None or converted.dtype.kind not in "biufcUS":
            return _wrong_type("array", expected, got, received)
        received = converted
    elif got != "array":
        return _wrong_type("array", expected, got, received)

    if received.shape != expected.shape:
        return _mismatch(Message.of("checker.wrong_shape", expected=str(expected.shape), received=str(received.shape)),
                         expected, received)
    want_kind, got_kind = expected.dtype.kind, received.dtype.kind
    numeric = "biufc"
    if want_kind in "US" or got_kind in "US" or not check_dtype:
        kinds_ok = (want_kind in "US") == (got_kind in "US") and (want_kind in numeric) == (got_kind in numeric)
    else:
        kinds_ok = got_kind in _COMPATIBLE_KINDS.get(want_kind, want_kind)
    if not kinds_ok:
        return _mismatch(Message.of("checker.wrong_kind", expected=_kind_message(want_kind), received=_kind_message(got_kind)),
                         expected, received)

    if want_kind in "US" or got_kind == "b" or (want_kind in "iub" and got_kind in "iu"):
        if np.array_equal(expected, received):
            return None
        wrong = expected != received
        return _mismatch(_where_wrong(wrong, None, expected.size), expected, received)

    expected_f = expected.astype(complex if "c" in (want_kind, got_kind) else float)
    received_f = received.astype(expected_f.dtype)
    nan_got = np.isnan(received_f)
    bad_nan = nan_got & ~np.isnan(expected_f)
    if bad_nan.any():
        index = _first_index(bad_nan)
        return _mismatch(Message.of("checker.nan_array", index=index), expected, received)
    close = np.isclose(received_f, expected_f, rtol=rtol, atol=atol, equal_nan=True)
    if close.all():
        return None
    with np.errstate(invalid="ignore", over="ignore"):
        diff = np.abs(received_f - expected_f)
    diff = np.where(close, 0.0, np.nan_to_num(diff, nan=np.inf))
    return _mismatch(_where_wrong(~close, diff, expected.size), expected, received)


def _first_index(mask: np.ndarray) -> str:
    position = np.argwhere(mask)[0]
    return str(tuple(int(i) for i in position)) if mask.ndim != 1 else str(int(position[0]))


def _where_wrong(wrong: np.ndarray, diff: np.ndarray | None, size: int) -> Message:
    count = int(np.count_nonzero(wrong))
    if wrong.ndim == 0:
        return Message.of("checker.wrong_value")
    if diff is None:
        return Message.of("checker.wrong_entries", count=count, size=size, index=_first_index(wrong))
    flat = int(np.argmax(diff))
    worst = np.unravel_index(flat, diff.shape)
    index = str(tuple(int(i) for i in worst)) if diff.ndim != 1 else str(int(worst[0]))
    return Message.of("checker.wrong_entries_diff", count=count, size=size, index=index,
                      diff=f"{float(diff[worst]):.3g}")

