"""Exercise 04 (loss functions): the reference solution passes its own tests, agrees with
nnlib and the lesson's hand-worked numbers, and typical wrong answers fail hidden tests."""

from __future__ import annotations


import numpy as np
import pytest

from course.exercise import load_exercise
from nnlib.losses import MSE, binary_cross_entropy as nnlib_bce, mse as nnlib_mse
from exercise_helpers import hidden_failures, outcomes

STEM = "04_loss_functions"


def test_questions_points_and_names(exercise):
    assert [(q.id, q.name, q.points) for q in exercise.questions] == [
        ("q1", "mse", 2), ("q2", "mse_gradient", 2), ("q3", "binary_cross_entropy", 3), ("q4", "neuron_cost", 2),
    ]
    for question in exercise.questions:
        assert question.public and len(question.hidden) >= 5
        assert set(question.hint) == {"en", "sv"}


def test_hand_worked_examples_from_the_lesson(exercise):
    ns = exercise.namespace
    y_hat, y = np.array([2.5, 0.0, 2.0]), np.array([3.0, -0.5, 2.0])
    assert ns["mse"](y_hat, y) == pytest.approx(0.5 / 3)
    np.testing.assert_allclose(ns["mse_gradient"](y_hat, y), [-1 / 3, 1 / 3, 0.0])
    # -ln 0.9, -ln 0.8, -ln 0.6
    np.testing.assert_allclose(ns["binary_cross_entropy"](np.array([0.9, 0.2, 0.6]), np.array([1.0, 0.0, 1.0])),
                               [0.1053605, 0.2231436, 0.5108256], rtol=1e-6)
    # certain and right costs ~0, certain and wrong costs -ln(1e-12) = 27.631
    np.testing.assert_allclose(ns["binary_cross_entropy"](np.array([1.0, 0.0]), np.array([1.0, 1.0])),
                               [0.0, 27.631021], atol=1e-6)
    # w = 0, b = 0: every prediction is 0.5, so the cost is ln 2 whatever the labels
    X = np.array([[1.0, 2.0], [0.0, -1.0], [2.0, 0.5]])
    assert ns["neuron_cost"](X, np.zeros(2), 0.0, np.array([1.0, 0.0, 1.0])) == pytest.approx(np.log(2))


def test_reference_agrees_with_nnlib(exercise):
    ns = exercise.namespace
    rng = np.random.default_rng(0)
    y_hat, y = rng.normal(size=(6, 3)), rng.normal(size=(6, 3))
    assert ns["mse"](y_hat, y) == pytest.approx(nnlib_mse(y_hat, y))
    loss = MSE()
    loss.forward(y_hat, y)
    np.testing.assert_allclose(ns["mse_gradient"](y_hat, y), loss.backward())
    p = np.concatenate([[0.0, 1.0], rng.uniform(0.01, 0.99, size=6)])
    labels = rng.integers(0, 2, size=8).astype(float)
    assert np.mean(ns["binary_cross_entropy"](p, labels)) == pytest.approx(nnlib_bce(p, labels))


def test_mse_gradient_matches_central_differences(exercise):
    ns = exercise.namespace
    rng = np.random.default_rng(1)
    y_hat, y = rng.normal(size=(3, 2)), rng.normal(size=(3, 2))
    numeric = np.zeros_like(y_hat)
    for index in np.ndindex(y_hat.shape):
        step = np.zeros_like(y_hat)
        step[index] = 1e-6
        numeric[index] = (ns["mse"](y_hat + step, y) - ns["mse"](y_hat - step, y)) / 2e-6
    np.testing.assert_allclose(ns["mse_gradient"](y_hat, y), numeric, rtol=1e-6, atol=1e-9)


def test_wrong_mse_answers_fail(exercise):
    assert hidden_failures(exercise, "q1", lambda y_hat, y: float(np.sum((y - y_hat) ** 2) / len(y))) >= 2
    assert hidden_failures(exercise, "q1", lambda y_hat, y: float(np.sum((y - y_hat) ** 2))) >= 5
    assert hidden_failures(exercise, "q1", lambda y_hat, y: float(np.mean(np.abs(y - y_hat)))) >= 5


def test_wrong_mse_gradients_fail(exercise):
    assert hidden_failures(exercise, "q2", lambda y_hat, y: 2 * (y - y_hat) / y.size) >= 5
    assert hidden_failures(exercise, "q2", lambda y_hat, y: (y_hat - y) / y.size) >= 5
    assert hidden_failures(exercise, "q2", lambda y_hat, y: 2 * (y_hat - y) / len(y_hat)) >= 2


def test_unsafe_or_careless_cross_entropy_fails_the_hidden_edge_cases(exercise):
    def naive(p, y, eps=1e-12):
        return -(y * np.log(p) + (1 - y) * np.log(1 - p))

    def fixed_eps(p, y, eps=1e-12):
        p = np.clip(p, 1e-12, 1 - 1e-12)
        return -(y * np.log(p) + (1 - y) * np.log(1 - p))

    def mean_instead(p, y, eps=1e-12):
        p = np.clip(p, eps, 1 - eps)
        return float(np.mean(-(y * np.log(p) + (1 - y) * np.log(1 - p))))

    def clip_after_log(p, y, eps=1e-12):
        losses = -(y * np.log(p) + (1 - y) * np.log(1 - p))
        return np.clip(losses, 0, -np.log(eps))

    public, hidden = outcomes(exercise, "q3", naive)
    assert public == [True, False] and hidden.count(False) == 4
    public, hidden = outcomes(exercise, "q3", fixed_eps)
    assert all(public) and hidden.count(False) == 1
    assert hidden_failures(exercise, "q3", mean_instead) == len(exercise.question("q3").hidden)
    assert hidden_failures(exercise, "q3", clip_after_log) >= 2  # 0 * log(0) is still nan


def test_a_safe_variant_with_maximum_instead_of_clip_also_passes(exercise):
    def with_maximum(p, y, eps=1e-12):
        return -(y * np.log(np.maximum(p, eps)) + (1 - y) * np.log(np.maximum(1 - p, eps)))

    public, hidden = outcomes(exercise, "q3", with_maximum)
    assert all(public) and all(hidden)


def test_wrong_neuron_costs_fail(exercise):
    bce = exercise.namespace["binary_cross_entropy"]

    def sigmoid(z):
        return 1 / (1 + np.exp(-z))

    def no_bias(X, w, b, y):
        return float(np.mean(bce(sigmoid(X @ w), y)))

    def summed(X, w, b, y):
        return float(np.sum(bce(sigmoid(X @ w + b), y)))

    def squared_error(X, w, b, y):
        return float(np.mean((sigmoid(X @ w + b) - y) ** 2))

    for wrong in (no_bias, summed, squared_error):
        assert hidden_failures(exercise, "q4", wrong) >= 5, wrong.__name__


def test_random_cases_are_reproducible(exercise):
    again = load_exercise(STEM)
    for first, second in zip(exercise.questions, again.questions):
        for a, b in zip(first.hidden, second.hidden):
            assert len(a.args) == len(b.args)
            for x, y in zip(a.args, b.args):
                np.testing.assert_array_equal(x, y)
