"""Exercise 05 (least squares and gradient descent): the reference solution passes its own
tests, agrees with nnlib.lstsq and the lesson's hand example, gradient descent ends at the
closed form, and typical wrong answers fail hidden tests."""

from __future__ import annotations


import numpy as np
import pytest

from course.exercise import load_exercise
from nnlib import lstsq
from exercise_helpers import hidden_failures, outcomes

STEM = "05_gradient_descent"
X_HAND = np.array([1.0, 2.0])
Y_HAND = np.array([1.0, 5.0])


def test_questions_points_and_names(exercise):
    assert [(q.id, q.name, q.kind, q.points) for q in exercise.questions] == [
        ("q1", "loss_derivative", "function", 2), ("q2", "closed_form_a", "function", 2),
        ("q3", "gradient_descent", "function", 3), ("q4", "divergence_threshold", "function", 2),
        ("q5", "eta_one_step", "variable", 1),
    ]
    for question in exercise.questions:
        assert set(question.hint) == {"en", "sv"}
        if question.kind == "function":
            assert question.public and len(question.hidden) >= 5


def test_hand_worked_example_from_the_lesson(exercise):
    ns = exercise.namespace
    # L'(a) = 17a - 21, a* = 21/17, L'' = 17
    assert ns["loss_derivative"](0.0, X_HAND, Y_HAND) == pytest.approx(-21.0)
    assert ns["loss_derivative"](2.0, X_HAND, Y_HAND) == pytest.approx(13.0)
    assert ns["closed_form_a"](X_HAND, Y_HAND) == pytest.approx(21 / 17)
    assert ns["divergence_threshold"](X_HAND) == pytest.approx(2 / 17)
    for n_steps, a in [(0, 0.0), (1, 1.05), (2, 1.2075), (3, 1.231125)]:
        assert ns["gradient_descent"](X_HAND, Y_HAND, 0.0, 0.05, n_steps) == pytest.approx(a, abs=1e-12)


def test_reference_agrees_with_nnlib_lstsq(exercise):
    ns = exercise.namespace
    rng = np.random.default_rng(3)
    x = rng.uniform(-2, 2, size=15)
    y = 1.7 * x**2 + rng.normal(scale=0.4, size=15)
    assert ns["closed_form_a"](x, y) == pytest.approx(lstsq.fit_quadratic_closed_form(x, y))
    for a in (-1.0, 0.3, 2.5):
        assert ns["loss_derivative"](a, x, y) == pytest.approx(lstsq.quadratic_loss_derivative(a, x, y))


def test_derivative_matches_central_differences(exercise):
    ns = exercise.namespace
    rng = np.random.default_rng(4)
    x, y = rng.normal(size=8), rng.normal(size=8)

    def loss(a):
        return np.mean((y - a * x**2) ** 2)

    for a in (-2.0, 0.0, 0.7):
        numeric = (loss(a + 1e-6) - loss(a - 1e-6)) / 2e-6
        assert ns["loss_derivative"](a, x, y) == pytest.approx(numeric, rel=1e-6)


def test_gradient_descent_ends_at_the_closed_form_on_the_converging_hidden_runs(exercise):
    ns = exercise.namespace
    converging = [test for test in exercise.question("q3").tests() if test.case.args[-1] >= 60]
    assert len(converging) >= 6
    for test in converging:
        x, y = test.case.args[:2]
        assert exercise.expected(test) == pytest.approx(ns["closed_form_a"](x, y), rel=1e-9, abs=1e-12)


def test_one_step_learning_rate_lands_on_the_closed_form(exercise):
    ns = exercise.namespace
    x, y = ns["x_data"], ns["y_data"]
    assert ns["eta_one_step"] == pytest.approx(ns["divergence_threshold"](x) / 2)
    for start in (-3.0, 0.0, 5.0):
        assert ns["gradient_descent"](x, y, start, ns["eta_one_step"], 1) == pytest.approx(ns["closed_form_a"](x, y))


def test_threshold_separates_convergence_from_divergence(exercise):
    ns = exercise.namespace
    x, y = ns["x_data"], ns["y_data"]
    a_star, threshold = ns["closed_form_a"](x, y), ns["divergence_threshold"](x)
    assert abs(ns["gradient_descent"](x, y, 0.0, 0.98 * threshold, 300) - a_star) < 1e-3
    assert abs(ns["gradient_descent"](x, y, 0.0, 1.02 * threshold, 300) - a_star) > 1e2


def test_each_question_lists_the_mistakes_of_the_mutation_test(exercise):
    # The wrong answers of the earlier mutation test now live in the spec, with their messages;
    # tests/exercises/test_misconceptions.py checks what each one costs and that it is named.
    assert {q.id: [m.id for m in q.misconceptions] for q in exercise.questions} == {
        "q1": ["wrong_sign", "summed", "without_factor_2", "inner_derivative_x"],
        "q2": ["squares_below", "straight_line", "mean_of_ratios", "mean_over_sum"],
        "q3": ["uphill", "learning_rate_twice", "one_step_too_many", "until_converged", "ignores_start",
               "returns_path", "hard_coded"],
        "q4": ["one_over_curvature", "summed", "squares", "curvature_itself"],
        "q5": ["at_the_threshold", "curvature", "summed", "hand_example", "typed_digits"],
    }


def test_the_check_shows_the_edge_cases_the_hints_name(exercise):
    by_id = {q.id: {m.id: m.answer for m in q.misconceptions} for q in exercise.questions}
    # n_steps = 0 from a start that is not 0 (q3), and an N other than 2, where a sum and a mean differ (q4)
    for qid, mid in [("q3", "ignores_start"), ("q3", "one_step_too_many"), ("q4", "summed"),
                     ("q4", "one_over_curvature")]:
        public, _ = outcomes(exercise, qid, by_id[qid][mid])
        assert not all(public), (qid, mid)


def test_the_wrong_values_of_eta_one_step_are_computed_from_x_data(exercise):
    ns = exercise.namespace
    wrong = {m.id: m.answer for m in exercise.question("q5").misconceptions}
    assert wrong["at_the_threshold"] == pytest.approx(ns["divergence_threshold"](ns["x_data"]))
    assert wrong["at_the_threshold"] == pytest.approx(2 * ns["eta_one_step"])
    assert wrong["typed_digits"] != ns["eta_one_step"]
    assert wrong["typed_digits"] == pytest.approx(ns["eta_one_step"], abs=5e-4)


def test_skipping_the_loop_costs_more_than_half_of_q3(exercise):
    closed_form = exercise.namespace["closed_form_a"]
    question = exercise.question("q3")
    public, hidden = outcomes(exercise, "q3", lambda x, y, a0, learning_rate, n_steps: closed_form(x, y))
    assert not all(public)
    assert 1 - question.share(public + hidden) > 0.5


def test_other_wrong_answers_fail(exercise):
    assert hidden_failures(exercise, "q1", lambda a, x, y: -2 * np.mean(x**2 * (y - a * x))) >= 4
    assert hidden_failures(exercise, "q4", lambda x: 2 / np.mean(x**4)) >= 5


def test_the_variable_question_rejects_the_divergence_threshold(exercise):
    question = exercise.question("q5")
    test = question.tests()[0]
    expected = exercise.expected(test)
    assert question.judge(expected, expected) is None
    assert question.judge(expected, 2 * expected) is not None


def test_random_cases_are_reproducible(exercise):
    again = load_exercise(STEM)
    for first, second in zip(exercise.questions, again.questions):
        for a, b in zip(first.hidden, second.hidden):
            assert len(a.args) == len(b.args)
            for x, y in zip(a.args, b.args):
                np.testing.assert_array_equal(x, y)
