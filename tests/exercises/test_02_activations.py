"""Exercise 02 (activation functions): the reference passes its own tests, wrong answers do not.

The reference is checked against an independent oracle (``nnlib.activations`` and
``np.tanh``), its derivatives against central differences, and every test input for
overflow. Each wrong implementation is a mistake students make, numerically unsafe
formulas in particular; the hidden cases must catch it.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from course.checker import run_check
from course.exercise import load_exercise
from nnlib import activations
from exercise_helpers import assert_caught as shared_assert_caught, results_by_name

EXERCISE = load_exercise("02_activations")
REFERENCE = EXERCISE.namespace
FUNCTIONS = ["sigmoid", "sigmoid_derivative", "tanh", "tanh_derivative", "relu", "relu_derivative"]
ORACLES = {
    "sigmoid": activations.sigmoid,
    "sigmoid_derivative": activations.sigmoid_derivative,
    "tanh": np.tanh,
    "tanh_derivative": lambda z: 1.0 - np.tanh(z) ** 2,
    "relu": activations.relu,
    "relu_derivative": activations.relu_derivative,
}


def question_of(name):
    return next(q for q in EXERCISE.questions if q.name == name)


def results(name, answer):
    return results_by_name(EXERCISE, name, answer)


def assert_caught(name, wrong, public=True):
    shared_assert_caught(EXERCISE, name, wrong, public)


def all_inputs(name):
    return [test.case.args[0] for test in question_of(name).tests()]


def test_questions_and_points():
    assert [q.name for q in EXERCISE.questions] == FUNCTIONS
    assert EXERCISE.max_points == 8
    for question in EXERCISE.questions:
        assert question.public and question.hidden and question.hint


@pytest.mark.parametrize("name", FUNCTIONS)
def test_reference_passes_every_case(name):
    assert all(results(name, REFERENCE[name]))


def test_check_passes_on_the_reference_and_waits_for_a_stub():
    for question in EXERCISE.questions:
        assert run_check(EXERCISE, question.id, REFERENCE).status == "passed"

    def stub(z):
        raise NotImplementedError("Not answered yet")

    assert run_check(EXERCISE, "q1", {"sigmoid": stub}).status == "not_answered"


@pytest.mark.parametrize("name", FUNCTIONS)
def test_reference_matches_an_independent_oracle_without_overflow(name):
    for z in all_inputs(name):
        with np.errstate(over="raise", invalid="raise", divide="raise"):
            value = REFERENCE[name](z)
        assert np.shape(value) == np.shape(z)
        np.testing.assert_allclose(value, ORACLES[name](np.asarray(z, dtype=float)), rtol=1e-12, atol=1e-15)


def test_hidden_cases_cover_large_inputs_and_many_shapes():
    for name in ("sigmoid", "sigmoid_derivative", "tanh", "tanh_derivative"):
        inputs = all_inputs(name)
        assert any(np.isin([-1000.0, 1000.0], np.asarray(z)).all() for z in inputs)
        assert {np.ndim(z) for z in inputs} >= {0, 1, 2, 3}


def test_hand_worked_values_of_the_lesson():
    z = np.array([-2.0, 0.0, 1.5])
    np.testing.assert_allclose(REFERENCE["sigmoid"](z), [0.1192, 0.5, 0.8176], atol=1e-4)
    np.testing.assert_allclose(REFERENCE["sigmoid_derivative"](z), [0.1050, 0.25, 0.1491], atol=1e-4)
    np.testing.assert_allclose(REFERENCE["tanh"](z), [-0.9640, 0.0, 0.9051], atol=1e-4)
    np.testing.assert_allclose(REFERENCE["tanh_derivative"](z), [0.0707, 1.0, 0.1807], atol=1e-4)
    np.testing.assert_array_equal(REFERENCE["relu"](z), [0.0, 0.0, 1.5])
    np.testing.assert_array_equal(REFERENCE["relu_derivative"](z), [0.0, 0.0, 1.0])
    np.testing.assert_array_equal(REFERENCE["sigmoid"](np.array([-1000.0, 1000.0])), [0.0, 1.0])
    np.testing.assert_array_equal(REFERENCE["tanh"](np.array([-1000.0, 1000.0])), [-1.0, 1.0])


@pytest.mark.parametrize("function, derivative", [("sigmoid", "sigmoid_derivative"), ("tanh", "tanh_derivative"),
                                                  ("relu", "relu_derivative")])
def test_derivatives_agree_with_central_differences(function, derivative):
    z = np.random.default_rng(0).normal(scale=3.0, size=50)
    z = z[np.abs(z) > 1e-3]  # ReLU has no derivative at 0
    h = 1e-6
    numeric = (REFERENCE[function](z + h) - REFERENCE[function](z - h)) / (2 * h)
    np.testing.assert_allclose(REFERENCE[derivative](z), numeric, atol=1e-8)


# The common wrong answers and the right answers in another style are listed in the spec
# (misconceptions= and alternatives=); tests/exercises/test_misconceptions.py checks what each
# costs and that it is named. Here: what this exercise promises on top of that.

@pytest.mark.parametrize("question", [q for q in EXERCISE.questions], ids=[q.id for q in EXERCISE.questions])
def test_every_listed_mistake_fails_a_public_test(question):
    # The edge cases the hints talk about (z = -1000 and 1000, the kink of ReLU, arrays) are
    # public, so check() shows a student the mistake and its likely cause before grading.
    n_public = len(question.public)
    for item in question.misconceptions:
        assert not all(results(question.name, item.answer)[:n_public]), item.id


def test_the_naive_sigmoid_costs_half_the_points_and_the_safe_forms_keep_them():
    question = question_of("sigmoid")
    mistakes = {item.id: item for item in question.misconceptions}
    for name in ("naive_formula", "exp_over_one_plus_exp", "where_with_unsafe_branches"):
        assert question.share(results("sigmoid", mistakes[name].answer)) <= 0.5, name
    assert all(results("sigmoid", REFERENCE["sigmoid_through_tanh"]))


def sigmoid_with_math(z):
    return 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))


def sigmoid_clipped_then_naive(z):
    # Clipping is right to the tolerance (sigma(-500) is about 7e-218) and cannot overflow.
    return 1.0 / (1.0 + np.exp(-np.clip(np.asarray(z, dtype=float), -500.0, 500.0)))


def test_sigmoid_with_math_fails_on_arrays():
    assert_caught("sigmoid", sigmoid_with_math)


def test_a_clipped_sigmoid_is_accepted():
    assert all(results("sigmoid", sigmoid_clipped_then_naive))


def test_np_tanh_is_accepted():
    # The text asks for the formula, but the grader judges values: np.tanh is right everywhere.
    assert all(results("tanh", np.tanh))


def test_feedback_names_the_nan():
    question = question_of("sigmoid")
    test = next(t for t in question.tests() if t.public and np.ndim(t.case.args[0]) == 0 and t.case.args[0] == 1000.0)
    with np.errstate(all="ignore"):
        received = REFERENCE["sigmoid_exp_over_one_plus_exp"](test.case.args[0])
    message = question.judge(EXERCISE.expected(test), received)
    assert "NaN" in message.render("en") and "NaN" in message.render("sv")


def test_check_names_the_unsafe_np_where_and_explains_overflow():
    namespace = dict(REFERENCE)
    namespace["sigmoid"] = REFERENCE["sigmoid_where_naive_branches"]
    result = run_check(EXERCISE, "q1", namespace)
    assert not result.passed
    english, swedish = result.text("en"), result.text("sv")
    assert "FloatingPointError" in english and "np.where computes both" in english
    assert "Likely cause" in english and "Trolig orsak" in swedish
    mistake = next(item for item in question_of("sigmoid").misconceptions if item.id == "where_with_unsafe_branches")
    assert mistake.message["en"] in english and mistake.message["sv"] in swedish
