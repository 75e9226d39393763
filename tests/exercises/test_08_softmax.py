"""Exercise 08 (softmax): the reference solution passes its own tests, agrees with nnlib and
with central differences, and naive or careless answers fail the hidden tests."""

from __future__ import annotations


import numpy as np
import pytest

from nnlib.activations import softmax as nnlib_softmax
from nnlib.gradcheck import numerical_gradient, relative_error
from nnlib.losses import CrossEntropy
from nnlib.metrics import accuracy as nnlib_accuracy
from exercise_helpers import hidden_failures, variable_verdict

STEM = "08_softmax"


def test_questions_points_and_names(exercise):
    assert [(q.id, q.name, q.points) for q in exercise.questions] == [
        ("q1", "softmax", 3), ("q2", "cross_entropy", 3), ("q3", "cross_entropy_gradient", 2),
        ("q4", "accuracy", 2), ("q5", "output_activation", 1),
    ]
    for question in exercise.questions:
        assert set(question.hint) == {"en", "sv"}
        if question.function:
            assert question.public and len(question.hidden) >= 5


def test_the_hidden_cases_include_extreme_scores(exercise):
    for question_id in ("q1", "q2", "q3"):
        largest = max(np.abs(test.case.args[0]).max() for test in exercise.question(question_id).tests())
        assert largest >= 1000


def test_hand_worked_examples(exercise):
    ns = exercise.namespace
    z = np.array([[2.0, 1.0, 0.1]])
    np.testing.assert_allclose(ns["softmax"](z), [[0.659, 0.242, 0.099]], atol=5e-4)
    assert ns["cross_entropy"](z, np.array([0])) == pytest.approx(0.417, abs=5e-4)
    np.testing.assert_allclose(ns["cross_entropy_gradient"](z, np.array([0])), [[-0.341, 0.242, 0.099]], atol=5e-4)
    scores = np.array([[2.0, 1.0, 0.1], [0.5, 2.5, 1.0], [3.0, 0.0, 4.0]])
    assert ns["accuracy"](scores, np.array([0, 2, 2])) == pytest.approx(2 / 3)
    # (1000, 0) with the true class 1: p_1 = e^-1000, so the loss is exactly 1000
    assert ns["cross_entropy"](np.array([[1000.0, 0.0]]), np.array([1])) == pytest.approx(1000.0)
    np.testing.assert_array_equal(ns["softmax"](np.array([[1000.0, 0.0]])), [[1.0, 0.0]])


def test_reference_agrees_with_nnlib(exercise):
    ns = exercise.namespace
    rng = np.random.default_rng(0)
    Z = rng.normal(scale=4.0, size=(7, 5))
    y = rng.integers(0, 5, size=7)
    np.testing.assert_allclose(ns["softmax"](Z), nnlib_softmax(Z, axis=1))
    loss = CrossEntropy()
    assert ns["cross_entropy"](Z, y) == pytest.approx(loss.forward(Z, y))
    np.testing.assert_allclose(ns["cross_entropy_gradient"](Z, y), loss.backward())
    assert ns["accuracy"](Z, y) == pytest.approx(nnlib_accuracy(Z, y))


def test_gradient_matches_central_differences(exercise):
    ns = exercise.namespace
    rng = np.random.default_rng(1)
    Z, y = rng.normal(size=(4, 3)), np.array([0, 2, 2, 1])
    numeric = numerical_gradient(lambda V: ns["cross_entropy"](V, y), Z.copy())
    assert relative_error(ns["cross_entropy_gradient"](Z, y), numeric) < 1e-7


def naive_softmax(Z):
    return np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True)


def global_max_softmax(Z):
    e = np.exp(Z - Z.max())
    return e / e.sum(axis=1, keepdims=True)


def test_unstable_or_wrong_softmax_fails(exercise):
    assert hidden_failures(exercise, "q1", naive_softmax) >= 4
    assert hidden_failures(exercise, "q1", global_max_softmax) >= 1
    assert hidden_failures(exercise, "q1", lambda Z: np.exp(Z) / np.exp(Z).sum()) >= 6
    assert hidden_failures(exercise, "q1", lambda Z: np.exp(Z - Z.max(axis=0)) / np.exp(Z - Z.max(axis=0)).sum(axis=0)) >= 6


def test_cross_entropy_without_log_softmax_fails(exercise):
    stable = exercise.namespace["softmax"]

    def log_of_softmax(Z, y):
        return float(-np.mean(np.log(stable(Z)[np.arange(len(y)), y])))

    def clipped(Z, y):
        return float(-np.mean(np.log(np.clip(stable(Z)[np.arange(len(y)), y], 1e-12, 1.0))))

    def summed_not_mean(Z, y):
        return float(-np.sum(np.log(stable(Z)[np.arange(len(y)), y])))

    def naive(Z, y):
        return float(-np.mean(np.log(naive_softmax(Z)[np.arange(len(y)), y])))

    assert hidden_failures(exercise, "q2", log_of_softmax) >= 2
    assert hidden_failures(exercise, "q2", clipped) >= 2
    assert hidden_failures(exercise, "q2", naive) >= 3
    assert hidden_failures(exercise, "q2", summed_not_mean) >= 5


def test_wrong_gradients_fail(exercise):
    stable = exercise.namespace["softmax"]

    def one_hot(y, k):
        return np.eye(k)[y]

    assert hidden_failures(exercise, "q3", lambda Z, y: stable(Z) - one_hot(y, Z.shape[1])) >= 5
    assert hidden_failures(exercise, "q3", lambda Z, y: (one_hot(y, Z.shape[1]) - stable(Z)) / len(Z)) >= 8
    assert hidden_failures(exercise, "q3", lambda Z, y: (stable(Z) - one_hot(y, Z.shape[1])) / Z.size) >= 8
    assert hidden_failures(exercise, "q3", lambda Z, y: (naive_softmax(Z) - one_hot(y, Z.shape[1])) / len(Z)) >= 2


def test_wrong_accuracies_fail(exercise):
    assert hidden_failures(exercise, "q4", lambda Z, y: float(np.mean(np.argmax(Z) == y))) >= 4
    assert hidden_failures(exercise, "q4", lambda Z, y: int(np.sum(np.argmax(Z, axis=1) == y))) >= 4
    assert hidden_failures(exercise, "q4", lambda Z, y: float(np.mean(np.argmax(Z, axis=0)[: len(y)] == y))) >= 3
    assert hidden_failures(exercise, "q4", lambda Z, y: float(np.mean(np.argmin(Z, axis=1) == y))) >= 6


def test_output_activation_choices(exercise):
    right = {"digit": "softmax", "tags": "sigmoid", "weather": "softmax"}
    assert exercise.namespace["output_activation"] == right
    assert variable_verdict(exercise, "q5", right) is None
    assert variable_verdict(exercise, "q5", {"digit": " Softmax", "tags": "SIGMOID", "weather": "softmax "}) is None
    for wrong in ({**right, "tags": "softmax"}, {**right, "digit": "sigmoid"}, {**right, "weather": "sigmoid"},
                  {"digit": "softmax", "tags": "sigmoid"}, {**right, "weather": "relu"}, "softmax", None):
        message = variable_verdict(exercise, "q5", wrong)
        assert message is not None
        for lang in ("en", "sv"):
            text = message.render(lang)
            assert text and "'tags': 'sigmoid'" not in text


def test_the_public_cases_contain_the_extreme_scores_the_hints_talk_about(exercise):
    # q1-q3's hints warn about scores like 1000: a student must meet them in check(), not first in grading
    for question_id in ("q1", "q2", "q3"):
        question = exercise.question(question_id)
        assert max(np.abs(c.args[0]).max() for c in question.public) >= 1000, question_id


def test_the_mistake_each_question_is_about_costs_at_least_half(exercise):
    costs = {(q.id, m.id): m.costs for q in exercise.questions for m in q.misconceptions}
    for key in (("q1", "no_max_shift"), ("q2", "log_of_softmax"), ("q2", "clipped_probability"),
                ("q3", "not_divided_by_n"), ("q4", "flat_argmax")):
        assert costs[key] >= 0.5, key
