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


def sigmoid_overflowing_at_plus_1000(z):
    return np.exp(z) / (1 + np.exp(z))


def sigmoid_for_numbers_only(z):
    return 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))


def sigmoid_wrong_sign(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, e / (1 + e), 1 / (1 + e))


@pytest.mark.parametrize("wrong", [sigmoid_overflowing_at_plus_1000, sigmoid_for_numbers_only, sigmoid_wrong_sign])
def test_wrong_sigmoids_fail(wrong):
    assert_caught("sigmoid", wrong)


def sigmoid_derivative_from_exponentials(z):
    return np.exp(-z) / (1 + np.exp(-z)) ** 2


def sigmoid_derivative_without_square(z):
    return REFERENCE["sigmoid"](z) * (1 - z)


@pytest.mark.parametrize("wrong", [sigmoid_derivative_from_exponentials, sigmoid_derivative_without_square])
def test_wrong_sigmoid_derivatives_fail(wrong):
    assert_caught("sigmoid_derivative", wrong)


def tanh_from_the_definition(z):
    return (np.exp(z) - np.exp(-z)) / (np.exp(z) + np.exp(-z))


def tanh_without_abs(z):
    e = np.exp(-2 * np.asarray(z, dtype=float))
    return (1 - e) / (1 + e)


def tanh_without_sign(z):
    e = np.exp(-2 * np.abs(np.asarray(z, dtype=float)))
    return (1 - e) / (1 + e)


def tanh_with_wrong_factor(z):
    e = np.exp(-np.abs(np.asarray(z, dtype=float)))
    return np.sign(z) * (1 - e) / (1 + e)


@pytest.mark.parametrize("wrong", [tanh_from_the_definition, tanh_without_abs, tanh_without_sign, tanh_with_wrong_factor])
def test_wrong_tanhs_fail(wrong):
    assert_caught("tanh", wrong)


def test_tanh_through_a_safe_sigmoid_is_accepted():
    def via_sigmoid(z):
        return 2 * REFERENCE["sigmoid"](2 * np.asarray(z, dtype=float)) - 1

    assert all(results("tanh", via_sigmoid))
    assert all(results("tanh", np.tanh))


def tanh_derivative_of_z(z):
    return 1 - np.asarray(z, dtype=float) ** 2


def tanh_derivative_through_the_definition(z):
    return 1 - tanh_from_the_definition(z) ** 2


@pytest.mark.parametrize("wrong", [tanh_derivative_of_z, tanh_derivative_through_the_definition])
def test_wrong_tanh_derivatives_fail(wrong):
    assert_caught("tanh_derivative", wrong)


def relu_absolute(z):
    return np.abs(z)


def relu_of_numbers_only(z):
    return max(z, 0.0)


@pytest.mark.parametrize("wrong", [relu_absolute, relu_of_numbers_only])
def test_wrong_relus_fail(wrong):
    assert_caught("relu", wrong)


def relu_derivative_one_at_zero(z):
    return np.where(np.asarray(z) >= 0, 1.0, 0.0)


def relu_derivative_as_bools(z):
    return np.asarray(z) > 0


def relu_derivative_is_relu(z):
    return np.maximum(z, 0.0)


def test_relu_derivative_at_zero_is_tested_in_public():
    assert_caught("relu_derivative", relu_derivative_one_at_zero)


@pytest.mark.parametrize("wrong", [relu_derivative_as_bools, relu_derivative_is_relu])
def test_wrong_relu_derivatives_fail(wrong):
    assert_caught("relu_derivative", wrong)


def test_feedback_names_the_nan():
    question = question_of("sigmoid")
    test = question.tests()[2]  # public test 3: z = [-1000, 1000]
    with np.errstate(all="ignore"):
        received = sigmoid_overflowing_at_plus_1000(test.case.args[0])
    message = question.judge(EXERCISE.expected(test), received)
    assert "NaN" in message.render("en") and "NaN" in message.render("sv")
