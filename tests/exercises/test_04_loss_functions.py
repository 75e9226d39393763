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


def test_each_question_lists_the_mistakes_of_the_mutation_test(exercise):
    # The wrong answers of the earlier mutation test now live in the spec, with their messages;
    # tests/exercises/test_misconceptions.py checks what each one costs and that it is named.
    assert {q.id: [m.id for m in q.misconceptions] for q in exercise.questions} == {
        "q1": ["divided_by_rows", "summed", "absolute_error", "root_of_mean", "not_squared"],
        "q2": ["wrong_sign", "without_factor_2", "divided_by_rows", "not_divided"],
        "q3": ["not_clipped", "fixed_eps", "log_of_p_plus_eps", "mean_instead", "without_minus"],
        "q4": ["without_bias", "summed", "squared_error", "without_sigmoid"],
    }


def test_the_check_shows_every_edge_case_the_hints_name(exercise):
    by_id = {q.id: {m.id: m.answer for m in q.misconceptions} for q in exercise.questions}
    # a 2-D array (q1, q2), p exactly 0 or 1 and an eps of its own (q3), a bias that is not 0 (q4)
    for qid, mid in [("q1", "divided_by_rows"), ("q2", "divided_by_rows"), ("q3", "not_clipped"),
                     ("q3", "fixed_eps"), ("q3", "log_of_p_plus_eps"), ("q4", "without_bias")]:
        public, _ = outcomes(exercise, qid, by_id[qid][mid])
        assert not all(public), (qid, mid)


def test_the_log_of_p_plus_eps_costs_more_than_one_test(exercise):
    # issue 14: one hidden test used to catch it (0.25 of 3 points); now at least a third of q3
    question = exercise.question("q3")
    wrong = next(m for m in question.misconceptions if m.id == "log_of_p_plus_eps")
    public, hidden = outcomes(exercise, "q3", wrong.answer)
    assert 1 - question.share(public + hidden) >= 0.34
    assert hidden.count(False) >= 3


def test_clipping_the_losses_after_the_logarithm_fails_too(exercise):
    def clip_after_log(p, y, eps=1e-12):
        losses = -(y * np.log(p) + (1 - y) * np.log(1 - p))
        return np.clip(losses, 0, -np.log(eps))

    # log(0) raises in grading (float_errors), so this behaves like the unclipped formula
    public, hidden = outcomes(exercise, "q3", clip_after_log)
    assert public[1] is False and hidden.count(False) >= 5


def test_wrong_order_of_the_arguments_fails(exercise):
    def swapped(p, y, eps=1e-12):
        y = np.clip(y, eps, 1 - eps)
        return -(p * np.log(y) + (1 - p) * np.log(1 - y))

    assert hidden_failures(exercise, "q3", swapped) >= 8


def test_random_cases_are_reproducible(exercise):
    again = load_exercise(STEM)
    for first, second in zip(exercise.questions, again.questions):
        for a, b in zip(first.hidden, second.hidden):
            assert len(a.args) == len(b.args)
            for x, y in zip(a.args, b.args):
                np.testing.assert_array_equal(x, y)
