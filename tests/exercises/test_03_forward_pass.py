"""Exercise 03 (forward pass and architecture): the reference passes its own tests, wrong answers do not.

The reference is checked against ``nnlib`` (``Dense``, activation layers, ``Sequential``,
``MLP.n_params``) as an independent oracle and against the lesson's hand-worked network;
each wrong implementation is a mistake students make with shapes, biases and activations.
"""

from __future__ import annotations


import numpy as np
import pytest

from course.checker import run_check
from course.exercise import load_exercise
from nnlib import activations
from nnlib.layers import Dense
from nnlib.model import MLP, Sequential
from exercise_helpers import assert_caught as shared_assert_caught, results_by_name

EXERCISE = load_exercise("03_forward_pass")
REFERENCE = EXERCISE.namespace


def question_of(name):
    return next(q for q in EXERCISE.questions if q.name == name)


def results(name, answer):
    return results_by_name(EXERCISE, name, answer)


def assert_caught(name, wrong, public=True):
    shared_assert_caught(EXERCISE, name, wrong, public)


def dense_layer(W, b):
    layer = Dense(W.shape[1], W.shape[0], rng=0)
    layer.params["W"][...] = W
    layer.params["b"][...] = b
    return layer


def test_questions_and_points():
    assert [q.name for q in EXERCISE.questions] == [
        "dense_forward", "dense_forward_batch", "count_parameters", "forward_pass", "sizes_digits"]
    assert EXERCISE.max_points == 8
    for question in EXERCISE.questions:
        if question.function is not None:
            assert question.public and question.hidden and question.hint


@pytest.mark.parametrize("name", ["dense_forward", "dense_forward_batch", "count_parameters", "forward_pass",
                                  "sizes_digits"])
def test_reference_passes_every_case(name):
    assert all(results(name, REFERENCE[name]))


def test_check_passes_on_the_reference_and_waits_for_a_stub():
    for question in EXERCISE.questions:
        assert run_check(EXERCISE, question.id, REFERENCE).status == "passed"

    def stub(*args):
        raise NotImplementedError("Not answered yet")

    assert run_check(EXERCISE, "q4", {"forward_pass": stub}).status == "not_answered"
    assert run_check(EXERCISE, "q5", {}).status == "not_answered"


def test_hand_worked_network_of_the_lesson():
    W1 = np.array([[1.0, -1.0], [0.5, 0.5], [-1.0, 2.0]])
    b1 = np.array([0.0, 1.0, -2.0])
    W2, b2 = np.array([[1.0, -1.0, 2.0]]), np.array([1.0])
    a1 = REFERENCE["dense_forward"](np.array([1.0, 2.0]), W1, b1, "relu")
    np.testing.assert_array_equal(a1, [0.0, 2.5, 1.0])
    y_hat = REFERENCE["dense_forward"](a1, W2, b2, "sigmoid")
    np.testing.assert_allclose(y_hat, [1 / (1 + np.exp(-0.5))])  # z2 = 0 - 2.5 + 2 + 1 = 0.5
    X = np.array([[1.0, 2.0], [0.0, 0.0]])
    np.testing.assert_array_equal(REFERENCE["dense_forward_batch"](X, W1, b1, "relu"), [[0.0, 2.5, 1.0], [0.0, 1.0, 0.0]])
    np.testing.assert_allclose(REFERENCE["forward_pass"](X, [W1, W2], [b1, b2], "relu", "sigmoid")[0], [0.6225],
                               atol=1e-4)
    assert REFERENCE["count_parameters"]([2, 3, 1]) == 13
    assert REFERENCE["count_parameters"]([784, 128, 64, 10]) == 109_386
    assert REFERENCE["count_parameters"]([3, 5, 5, 2]) == 62


def test_layer_references_agree_with_nnlib_dense():
    for test in question_of("dense_forward_batch").tests():
        X, W, b, name = test.case.args
        expected = activations.layer(name).forward(dense_layer(W, b).forward(X)) if name != "identity" else \
            dense_layer(W, b).forward(X)
        np.testing.assert_allclose(EXERCISE.expected(test), expected, rtol=1e-12, atol=1e-12)
    for test in question_of("dense_forward").tests():
        x, W, b, name = test.case.args
        batch = REFERENCE["dense_forward_batch"](x.reshape(1, -1), W, b, name)
        np.testing.assert_allclose(EXERCISE.expected(test), batch[0], rtol=1e-12, atol=1e-12)


def test_forward_pass_reference_agrees_with_nnlib_sequential():
    for test in question_of("forward_pass").tests():
        X, weights, biases, hidden, output = test.case.args
        layers = []
        for l, (W, b) in enumerate(zip(weights, biases)):
            layers += [dense_layer(W, b), activations.layer(output if l == len(weights) - 1 else hidden)]
        np.testing.assert_allclose(EXERCISE.expected(test), Sequential(layers).forward(X), rtol=1e-12, atol=1e-12)


def test_count_parameters_agrees_with_nnlib_mlp():
    for test in question_of("count_parameters").tests():
        (sizes,) = test.case.args
        assert EXERCISE.expected(test) == MLP(sizes, rng=0).n_params()


def test_hidden_cases_are_reproducible():
    again = load_exercise("03_forward_pass")
    assert sum(len(q.hidden) for q in again.questions) > 0, "no hidden cases to compare"
    for first, second in zip(EXERCISE.questions, again.questions, strict=True):
        for a, b in zip(first.tests(), second.tests(), strict=True):
            if a.case is not None:
                assert a.call_text() == b.call_text()


# The common wrong answers and the right answers in another style are listed in the spec
# (misconceptions= and alternatives=); tests/exercises/test_misconceptions.py checks what each
# costs and that it is named. Here: what this exercise promises on top of that.

@pytest.mark.parametrize("question", EXERCISE.questions, ids=[q.id for q in EXERCISE.questions])
def test_every_listed_mistake_fails_a_public_test(question):
    # The shapes, the bias, the activation by name and the network with one layer are all in the
    # public tests, so check() shows a student the mistake and its likely cause before grading.
    n_public = sum(test.public for test in question.tests())  # a variable's one test is public
    for item in question.misconceptions:
        assert not all(results(question.name, item.answer)[:n_public]), item.id


def test_the_square_public_batch_gives_numbers_not_a_shape_error_for_the_wrong_orders():
    question = question_of("dense_forward_batch")
    X, W, b, name = question.public[2].args
    assert X.shape[0] == X.shape[1] == W.shape[0] == W.shape[1]
    for wrong in ("batch_without_transpose", "batch_output_transposed", "batch_single_sample_formula"):
        value = REFERENCE[wrong](X, W, b, name)
        assert value.shape == (2, 2) and not np.allclose(value, REFERENCE["dense_forward_batch"](X, W, b, name))


def count_nodes_squared(sizes):
    return sum(n * n + n for n in sizes[1:])


def test_a_square_weight_count_fails():
    assert_caught("count_parameters", count_nodes_squared)


@pytest.mark.parametrize("value", [[64, 32, 10], (64, 32, 10), np.array([64, 32, 10]), [64.0, 32.0, 10.0]])
def test_digit_sizes_in_any_sequence_are_accepted(value):
    assert results("sizes_digits", value) == [True]


@pytest.mark.parametrize("value, english, swedish", [
    ([8, 32, 10], "input layer has 8 nodes", "indatalagret har 8 noder"),
    ([64, 32, 1], "output layer has 1 nodes", "utdatalagret har 1 noder"),
    ([64, 16, 10], "hidden layer has 16 neurons", "dolda lagret har 16 neuroner"),
    ([64, 10], "describes 0 hidden layers", "beskriver 0 dolda lager"),
    ([64.5, 32, 10], "whole numbers", "heltal"),
    ("64, 32, 10", "list of integers", "lista med heltal"),
    (64, "list of integers", "lista med heltal"),
])
def test_wrong_digit_sizes_fail_with_a_reason(value, english, swedish):
    question = question_of("sizes_digits")
    message = question.judge([64, 32, 10], value)
    assert message is not None
    assert english in message.render("en") and swedish in message.render("sv")
