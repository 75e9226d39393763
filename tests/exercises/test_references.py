"""Every exercise's reference solution, checked the same way for all of them.

The reference answers are what every student is compared with, so for each exercise:
every reference function passes all of its own public and hidden tests as the grader
would judge them, and every expected value is computed without numpy overflow, division
by zero or invalid values and survives the grader's codec unchanged (plain data, no
pickle), as do the test inputs.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from exercise_helpers import outcomes

from course.exercise import EXERCISES_DIR, load_exercise
from course.grader.codec import roundtrip

STEMS = sorted(path.stem for path in EXERCISES_DIR.glob("[0-9][0-9]_*.py"))


@pytest.fixture(scope="module", params=STEMS)
def exercise(request):
    return load_exercise(request.param)


def test_every_reference_function_passes_all_its_tests(exercise):
    for question in exercise.questions:
        if question.function is None:
            continue
        public, hidden = outcomes(exercise, question.id, exercise.namespace[question.function])
        assert all(public) and all(hidden), f"{question.id}: public {public}, hidden {hidden}"


def test_expected_values_are_warning_free_plain_data(exercise):
    # Underflow (exp(-2000) == 0) is harmless; overflow, 0/0 and log(0) are not.
    with warnings.catch_warnings(), np.errstate(over="raise", divide="raise", invalid="raise"):
        warnings.simplefilter("error")
        for question in exercise.questions:
            for test in question.tests():
                expected = exercise.expected(test)
                assert question.judge(expected, roundtrip(expected)) is None, test.call_text()
                if test.case is not None:
                    roundtrip((test.case.args, dict(test.case.kwargs)))
