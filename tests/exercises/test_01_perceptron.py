"""Exercise 01 (the perceptron): the reference passes its own tests, wrong answers do not.

Each wrong implementation is a mistake students make; the test asserts that the public
and hidden cases catch it, so the hidden tests discriminate rather than only decorate.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from course.checker import run_check
from course.exercise import load_exercise
from nnlib.perceptron import Perceptron
from exercise_helpers import outcomes

EXERCISE = load_exercise("01_perceptron")
REFERENCE = EXERCISE.namespace


def results(question_id, answer):
    """Whether each test (public first, then hidden) passes for a function or a value."""
    public, hidden = outcomes(EXERCISE, question_id, answer)
    return public + hidden


def public_count(question_id):
    return len(EXERCISE.question(question_id).public)


def test_questions_and_points():
    assert [q.id for q in EXERCISE.questions] == ["q1", "q2", "q3", "q4", "q5"]
    assert EXERCISE.max_points == 9
    for question in EXERCISE.questions:
        if question.function is not None:
            assert question.public and question.hidden and question.hint


@pytest.mark.parametrize("question_id", ["q1", "q2", "q3", "q4", "q5"])
def test_reference_passes_every_case(question_id):
    question = EXERCISE.question(question_id)
    assert all(results(question_id, REFERENCE[question.name]))


def test_check_passes_on_the_reference_and_waits_for_a_stub():
    for question in EXERCISE.questions:
        assert run_check(EXERCISE, question.id, REFERENCE).status == "passed"

    def stub(*args):
        raise NotImplementedError("Not answered yet")

    assert run_check(EXERCISE, "q1", {"neuron_output": stub}).status == "not_answered"
    assert run_check(EXERCISE, "q4", {}).status == "not_answered"


def test_hand_worked_examples_of_the_lesson():
    neuron_output = REFERENCE["neuron_output"]
    # z = -0.1 + 0.8 - 0.3 - 0.3 = 0.1 >= 0
    assert neuron_output(np.array([-0.1, 0.4, 0.3, -0.6]), np.array([2.0, -1.0, 0.5])) == 1.0
    # z = -1 + 1 + 0 = 0 exactly: the step function gives 1
    assert neuron_output(np.array([-1.0, 1.0, 0.0]), np.array([1.0, 5.0])) == 1.0
    # step 4 of the lesson: (-1, 0.5, -0.5) + 0.5 * (1 - 0) * (1, 1, 1)
    new_w = REFERENCE["perceptron_update"](np.array([-1.0, 0.5, -0.5]), np.array([1.0, 1.0]), 1, 0.5)
    np.testing.assert_array_equal(new_w, [-0.5, 1.0, 0.0])
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    w = REFERENCE["train_perceptron"](X, np.array([0, 0, 0, 1]), np.array([-1.0, 0.5, -0.5]), 0.5, 100)
    np.testing.assert_array_equal(w, [-1.5, 1.0, 0.5])


def test_training_reference_agrees_with_nnlib_perceptron():
    # nnlib's Perceptron is an independent implementation of the same rule.
    question = EXERCISE.question("q3")
    for test in question.tests():
        X, y, w, learning_rate, max_epochs = test.case.args
        perceptron = Perceptron(X.shape[1], learning_rate=learning_rate)
        perceptron.w = w.copy()
        perceptron.fit(X, y, epochs=max_epochs)
        np.testing.assert_array_equal(EXERCISE.expected(test), perceptron.w)


def test_training_cases_are_separable_gates_trained_to_the_end():
    question = EXERCISE.question("q3")
    unfinished = 0
    for test in question.tests():
        X, y, _, _, max_epochs = test.case.args
        corners = np.array(list(itertools.product([0.0, 1.0], repeat=X.shape[1])))
        # The compare judges the corners of the cube, so every case must be a full truth table.
        assert sorted(map(tuple, X)) == sorted(map(tuple, corners))
        w = EXERCISE.expected(test)
        separates = np.array_equal((w[0] + X @ w[1:] >= 0).astype(int), y)
        unfinished += not separates
        assert separates or max_epochs == 1
    assert unfinished == 1


def test_hidden_cases_are_reproducible():
    again = load_exercise("01_perceptron")
    assert sum(len(q.hidden) for q in again.questions) > 0, "no hidden cases to compare"
    for first, second in zip(EXERCISE.questions, again.questions, strict=True):
        for a, b in zip(first.tests(), second.tests(), strict=True):
            if a.case is not None:
                assert a.call_text() == b.call_text()


def neuron_without_bias(w, x):
    return 1.0 if w[1:] @ x >= 0 else 0.0


def neuron_strict_step(w, x):
    return 1.0 if w[0] + w[1:] @ x > 0 else 0.0


def neuron_bias_last(w, x):
    return 1.0 if w[:-1] @ x + w[-1] >= 0 else 0.0


def neuron_as_bool(w, x):
    return bool(w[0] + w[1:] @ x >= 0)


@pytest.mark.parametrize("wrong", [neuron_without_bias, neuron_strict_step, neuron_bias_last, neuron_as_bool])
def test_wrong_neuron_outputs_fail(wrong):
    outcome = results("q1", wrong)
    assert not all(outcome[: public_count("q1")])
    assert not all(outcome[public_count("q1"):])


def test_neuron_output_may_return_an_int():
    def as_int(w, x):
        return int(w[0] + w[1:] @ x >= 0)

    assert all(results("q1", as_int))


def update_sign_error(w, x, y, learning_rate):
    y_hat = REFERENCE["neuron_output"](w, x)
    return w + learning_rate * (y_hat - y) * np.concatenate(([1.0], x))


def update_without_bias(w, x, y, learning_rate):
    y_hat = REFERENCE["neuron_output"](w, x)
    return np.concatenate(([w[0]], w[1:] + learning_rate * (y - y_hat) * x))


def update_without_learning_rate(w, x, y, learning_rate):
    y_hat = REFERENCE["neuron_output"](w, x)
    return w + (y - y_hat) * np.concatenate(([1.0], x))


@pytest.mark.parametrize("wrong", [update_sign_error, update_without_bias, update_without_learning_rate])
def test_wrong_updates_fail(wrong):
    outcome = results("q2", wrong)
    assert not all(outcome[: public_count("q2")])
    assert not all(outcome[public_count("q2"):])


def train_until_converged(X, y, w, learning_rate, max_epochs):
    return REFERENCE["train_perceptron"](X, y, w, learning_rate, 10_000)


def train_one_epoch(X, y, w, learning_rate, max_epochs):
    for x, target in zip(X, y):
        w = REFERENCE["perceptron_update"](w, x, target, learning_rate)
    return w


def train_with_sign_error(X, y, w, learning_rate, max_epochs):
    for _ in range(max_epochs):
        for x, target in zip(X, y):
            w = update_sign_error(w, x, target, learning_rate)
    return w


def train_returning_history(X, y, w, learning_rate, max_epochs):
    return REFERENCE["train_perceptron"](X, y, w, learning_rate, max_epochs), [1, 0]


def test_training_that_ignores_max_epochs_fails_only_that_case():
    outcome = results("q3", train_until_converged)
    assert outcome.count(False) == 1


@pytest.mark.parametrize("wrong", [train_one_epoch, train_with_sign_error, train_returning_history])
def test_wrong_training_loops_fail(wrong):
    outcome = results("q3", wrong)
    assert not all(outcome[: public_count("q3")])
    assert not all(outcome[public_count("q3"):])


def test_other_separating_weights_are_accepted():
    # Many weight vectors separate the same points: scaling by 3 changes no answer.
    def scaled(X, y, w, learning_rate, max_epochs):
        return 3 * REFERENCE["train_perceptron"](X, y, w, learning_rate, max_epochs)

    def with_nnlib(X, y, w, learning_rate, max_epochs):
        perceptron = Perceptron(X.shape[1], learning_rate=learning_rate)
        perceptron.w = np.asarray(w, dtype=float)
        perceptron.fit(X, y, epochs=max_epochs)
        return list(perceptron.w)

    assert all(results("q3", scaled))
    assert all(results("q3", with_nnlib))


def test_training_feedback_names_the_point_in_both_languages():
    question = EXERCISE.question("q3")
    test = question.tests()[0]
    message = question.judge(EXERCISE.expected(test), np.array([-0.5, 1.0, 1.0]))
    assert "x = (0, 1)" in message.render("en") and "correct training loop" in message.render("en")
    assert "x = (0, 1)" in message.render("sv") and "korrekt träningsloop" in message.render("sv")
    shape = question.judge(EXERCISE.expected(test), (np.zeros(3), [0]))
    assert "shape (3,)" in shape.render("en") and "formen (3,)" in shape.render("sv")
    assert "NaN" in question.judge(EXERCISE.expected(test), np.array([np.nan, 1.0, 1.0])).render("en")


@pytest.mark.parametrize("value", [np.array([1.5, -1.0, -1.0]), [3.0, -2.0, -2.0], (0.375, -0.25, -0.25)])
def test_any_nand_weights_are_accepted(value):
    assert results("q4", value) == [True]


@pytest.mark.parametrize("value", [np.array([-1.5, 1.0, 1.0]), np.array([1.5, -1.0]), np.array([0.5, -1.0, -1.0]),
                                   "nand"])
def test_wrong_nand_weights_fail(value):
    assert results("q4", value) == [False]


def test_nand_feedback():
    question = EXERCISE.question("q4")
    message = question.judge(EXERCISE.expected(question.tests()[0]), np.array([0.5, -1.0, -1.0]))
    assert "NAND(0, 1) = 1" in message.render("en") and "NAND(0, 1) = 1" in message.render("sv")


def test_xor_question():
    assert results("q5", False) == [True]
    assert results("q5", True) == [False]
    assert results("q5", "False") == [False]
