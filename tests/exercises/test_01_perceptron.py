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
        assert separates or max_epochs <= 3
    assert unfinished == sum(test.case.args[4] < 100 for test in question.tests()) == 5


def test_hidden_cases_are_reproducible():
    again = load_exercise("01_perceptron")
    assert sum(len(q.hidden) for q in again.questions) > 0, "no hidden cases to compare"
    for first, second in zip(EXERCISE.questions, again.questions, strict=True):
        for a, b in zip(first.tests(), second.tests(), strict=True):
            if a.case is not None:
                assert a.call_text() == b.call_text()


# The common wrong answers and the right answers in another style are listed in the spec
# (misconceptions= and alternatives=); tests/exercises/test_misconceptions.py checks what each
# costs and that it is named. Here: what this exercise promises on top of that.

@pytest.mark.parametrize("question_id", ["q1", "q2", "q3"])
def test_every_listed_mistake_fails_a_public_test(question_id):
    # z = 0, the bias, the sign of the update and max_epochs are all in the public tests, so
    # check() shows a student the mistake and its likely cause before grading.
    question = EXERCISE.question(question_id)
    for item in question.misconceptions:
        assert not all(results(question_id, item.answer)[: public_count(question_id)]), item.id


def test_neuron_output_may_return_an_int():
    def as_int(w, x):
        return int(w[0] + w[1:] @ x >= 0)

    assert all(results("q1", as_int))


def test_ignoring_max_epochs_costs_at_least_a_third_of_the_training_question():
    question = EXERCISE.question("q3")
    ignoring = REFERENCE["train_ignoring_max_epochs"]
    assert question.share(results("q3", ignoring)) <= 1 - 0.4
    # It fails exactly the cases that max_epochs stops before the points are separated.
    stopped_early = [test.case.args[4] < 100 for test in question.tests()]
    assert [not ok for ok in results("q3", ignoring)] == stopped_early


def test_a_loop_with_a_second_epoch_and_one_without_a_limit_are_told_apart_in_public():
    outcomes = {name: results("q3", REFERENCE[name])[: public_count("q3")]
                for name in ("train_ignoring_max_epochs", "train_one_epoch_too_many")}
    assert outcomes["train_ignoring_max_epochs"] == outcomes["train_one_epoch_too_many"] == [True, True, False, True]
    question = EXERCISE.question("q3")
    test = question.tests()[2]
    one, two, endless = (REFERENCE[name](*test.case.args) for name in
                         ("train_perceptron", "train_one_epoch_too_many", "train_ignoring_max_epochs"))
    assert question.judge(two, endless) is not None and question.judge(one, two) is not None


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


def test_a_tuple_is_recognised_whatever_else_it_holds():
    # The history a student returns beside w need not match the listed wrong answer's.
    question = EXERCISE.question("q3")
    test = question.tests()[0]
    w = REFERENCE["train_perceptron"](*test.case.args)
    listed = REFERENCE["train_returning_a_tuple"](*test.case.args)
    assert question.judge(listed, (w, [4, 3, 0])) is None
    assert question.judge(listed, (-w, [4, 3, 0])) is not None
    assert question.judge(listed, w) is not None


def test_training_feedback_names_the_point_in_both_languages():
    question = EXERCISE.question("q3")
    test = question.tests()[0]
    message = question.judge(EXERCISE.expected(test), np.array([-0.5, 1.0, 1.0]))
    assert "x = (0, 1)" in message.render("en") and "correct training loop" in message.render("en")
    assert "x = (0, 1)" in message.render("sv") and "korrekt träningsloop" in message.render("sv")
    shape = question.judge(EXERCISE.expected(test), (np.zeros(3), [0]))
    assert "shape (3,)" in shape.render("en") and "formen (3,)" in shape.render("sv")
    assert "NaN" in question.judge(EXERCISE.expected(test), np.array([np.nan, 1.0, 1.0])).render("en")


@pytest.mark.parametrize("value", [np.array([1.5, -1.0, -1.0]), [3.0, -2.0, -2.0], (0.375, -0.25, -0.25),
                                   [1.0, -0.5, -0.75]])
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
