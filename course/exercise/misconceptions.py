"""Recognising a known mistake from how an answer behaves on a question's tests.

A question lists its common wrong answers as code (:class:`~course.exercise.spec.Misconception`).
Each one is run on the same tests as the student's answer, here, outside the student's
process. A student's answer *behaves like* a misconception when, on every test, both
returned values the question's comparison finds equal or both raised the same kind of
error; the misconception must be wrong somewhere, and the student too. Then the
misconception's message names the likely cause. When no misconception behaves exactly
alike, one that fails exactly the same tests in the same way (the same errors where it
raises) is named, if it is the only one.

``check()`` compares on the public tests only, the grader on all of them, so the grader
can recognise a mistake that only a hidden test reveals.
"""

from __future__ import annotations

import contextlib
import copy
import io
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from course.exercise.loader import float_guard
from course.grader.codec import EncodeError, roundtrip
from course.exercise.spec import Misconception, Question, Test

if TYPE_CHECKING:
    from course.exercise.loader import Exercise


@dataclass(frozen=True)
class Behaviour:
    """What an answer did on one test: returned ``value``, or raised an error of type ``error``."""

    value: Any = None
    error: str | None = None


def run_answer(question: Question, test: Test, answer: Any) -> Behaviour:
    """Run a trusted answer (the reference's kind of code) on one test, as the grader would receive it."""
    try:
        if test.case is None:
            return Behaviour(value=roundtrip(answer))
        args, kwargs = copy.deepcopy((test.case.args, dict(test.case.kwargs)))
        numerics = float_guard(True) if question.float_errors else np.errstate(all="ignore")
        with numerics, warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
            warnings.simplefilter("ignore")
            result = answer(*args, **kwargs)
        return Behaviour(value=roundtrip(result))
    except EncodeError:
        return Behaviour(error="EncodeError")
    except Exception as error:  # the misconception's own failure is its behaviour
        return Behaviour(error=type(error).__name__)


def misconception_outcome(exercise: Exercise, question: Question, item: Misconception, test: Test) -> Behaviour:
    """A misconception's outcome on one test, worked out once per loaded exercise, when first asked for.

    ``check()`` asks only about the public tests, so a misconception that trains a network
    never runs on the hidden tests in a student's kernel.
    """
    key = ("misconception_outcome", question.id, item.id, test.index)
    if key not in exercise.cache:
        exercise.cache[key] = run_answer(question, test, item.answer)
    return exercise.cache[key]


def misconception_outcomes(exercise: Exercise, question: Question) -> dict[str, tuple[Behaviour, ...]]:
    """Each misconception's outcome on every test of ``question`` (see :func:`misconception_outcome`)."""
    tests = question.tests()
    return {item.id: tuple(misconception_outcome(exercise, question, item, test) for test in tests)
            for item in question.misconceptions}


def _wrong(question: Question, expected: Any, outcome: Behaviour) -> bool:
    return outcome.error is not None or not _same(question, expected, outcome.value)


def _same(question: Question, reference: Any, value: Any) -> bool:
    try:
        return question.judge(reference, value) is None
    except Exception:  # a comparison that cannot decide does not recognise anything
        return False


def _alike(question: Question, theirs: Behaviour, they_are_wrong: bool, received: Behaviour | None,
           student_is_wrong: bool) -> bool:
    """Whether the student's outcome is the misconception's on one test (both right counts as alike)."""
    if received is None:
        return False
    if not they_are_wrong:
        return not student_is_wrong
    if theirs.error is not None or received.error is not None:
        return theirs.error == received.error
    if question.alike is None:
        return _same(question, theirs.value, received.value)
    try:
        return bool(question.alike(theirs.value, received.value))
    except Exception:  # a comparison that cannot decide does not recognise anything
        return False


def recognise(exercise: Exercise, question: Question, tests: Sequence[Test], expected: Sequence[Any],
              received: Sequence[Behaviour | None]) -> tuple[Misconception, ...]:
    """The misconceptions ``received`` behaves like on ``tests`` (a subset of the question's, in order).

    ``expected[i]`` is the reference's value and ``received[i]`` the student's outcome on
    ``tests[i]``, or None when the test gave no value or error to compare (a timeout).
    """
    if not question.misconceptions or not len(received) == len(tests) == len(expected):
        return ()
    student_wrong = [r is None or _wrong(question, e, r) for e, r in zip(expected, received)]
    if not any(student_wrong):
        return ()
    exact, loose = [], []
    for item in question.misconceptions:
        theirs = [misconception_outcome(exercise, question, item, test) for test in tests]
        wrong = [_wrong(question, e, o) for e, o in zip(expected, theirs)]
        if not any(wrong):
            continue  # right on these tests: nothing here to recognise it by
        if all(_alike(question, o, w, r, sw) for o, w, r, sw in zip(theirs, wrong, received, student_wrong)):
            exact.append(item)
        elif None not in received and wrong == student_wrong and all(
                o.error == r.error for o, r, bad in zip(theirs, received, wrong) if bad and o.error is not None):
            loose.append(item)
    # The same values (or errors) name every misconception they match. Failing exactly the same
    # tests in the same way (say log(p + 1e-9) where the listed mistake adds 1e-12) names one
    # only when it is the only such misconception, so a coincidence does not mislead.
    return tuple(exact) if exact else tuple(loose) if len(loose) == 1 else ()
