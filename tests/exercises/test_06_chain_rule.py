"""Exercise 06 (chain rule and computational graphs): the reference solution passes its own
tests, agrees with central differences and nnlib, and typical wrong answers fail hidden tests."""

from __future__ import annotations


import numpy as np
import pytest

from course.exercise import load_exercise, recognise, run_answer
from nnlib.gradcheck import numerical_gradient as nnlib_numerical_gradient
from exercise_helpers import hidden_failures, outcomes

STEM = "06_chain_rule"


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def test_questions_points_and_names(exercise):
    assert [(q.id, q.name, q.points) for q in exercise.questions] == [
        ("q1", "derivative_F", 2), ("q2", "central_difference", 2),
        ("q3", "neuron_forward_backward", 3), ("q4", "numerical_gradient", 3),
    ]
    for question in exercise.questions:
        assert question.public and len(question.hidden) >= 5
        assert set(question.hint) == {"en", "sv"}


def test_arguments_are_not_changed_by_the_reference(exercise):
    theta = np.array([0.3, -0.2, 0.1])
    exercise.namespace["numerical_gradient"](theta, np.array([1.0, 2.0]), 0.0, 0.1)
    np.testing.assert_array_equal(theta, [0.3, -0.2, 0.1])


def test_hand_worked_example_from_the_lesson(exercise):
    ns = exercise.namespace
    # x = 2, w = 0.5, b = -1, y = 1: z = 0, a = 0.5, L = 0.25, dL/dz = -0.25
    assert ns["neuron_forward_backward"](2.0, 0.5, -1.0, 1.0) == pytest.approx((0.25, -0.5, -0.25))
    np.testing.assert_allclose(ns["numerical_gradient"](np.array([0.5, -1.0]), np.array([2.0]), 1.0),
                               [-0.5, -0.25], atol=1e-9)
    # F'(x) = e^{sin x^2} cos(x^2) 2x: 0 at x = 0, 2 e^{sin 1} cos 1 at x = 1
    np.testing.assert_allclose(ns["derivative_F"](np.array([0.0, 1.0])), [0.0, 2 * np.exp(np.sin(1)) * np.cos(1)])


def test_derivative_agrees_with_the_central_difference(exercise):
    ns = exercise.namespace
    x = np.linspace(-2.5, 2.5, 41)
    np.testing.assert_allclose(ns["central_difference"](x, 1e-5), ns["derivative_F"](x), atol=1e-8)
    # error O(h^2): ten times smaller h, about a hundred times smaller error
    error_big = np.max(np.abs(ns["central_difference"](x, 1e-2) - ns["derivative_F"](x)))
    error_small = np.max(np.abs(ns["central_difference"](x, 1e-3) - ns["derivative_F"](x)))
    assert 50 < error_big / error_small < 200


def test_forward_backward_agrees_with_central_differences_and_nnlib(exercise):
    ns = exercise.namespace
    rng = np.random.default_rng(6)
    for _ in range(5):
        x, w, b = rng.normal(size=3)
        y = float(rng.integers(0, 2))
        loss, dL_dw, dL_db = ns["neuron_forward_backward"](x, w, b, y)
        assert loss == pytest.approx((_sigmoid(w * x + b) - y) ** 2)
        numeric = nnlib_numerical_gradient(lambda theta: ns["neuron_loss"](theta, np.array([x]), y), np.array([w, b]))
        np.testing.assert_allclose([dL_dw, dL_db], numeric, rtol=1e-6, atol=1e-10)


def test_numerical_gradient_agrees_with_nnlib(exercise):
    ns = exercise.namespace
    rng = np.random.default_rng(7)
    theta, x = rng.normal(size=4), rng.normal(size=3)
    ours = ns["numerical_gradient"](theta, x, 1.0, 1e-6)
    theirs = nnlib_numerical_gradient(lambda t: ns["neuron_loss"](t, x, 1.0), theta.copy(), eps=1e-6)
    np.testing.assert_allclose(ours, theirs, rtol=1e-6, atol=1e-10)


def test_each_question_lists_the_mistakes_of_the_mutation_test(exercise):
    # The wrong answers of the earlier mutation test now live in the spec, with their messages;
    # tests/exercises/test_misconceptions.py checks what each one costs and that it is named.
    assert {q.id: [m.id for m in q.misconceptions] for q in exercise.questions} == {
        "q1": ["without_middle_link", "without_inner_derivative", "middle_at_x", "outer_at_x", "without_outer_link"],
        "q2": ["forward_difference", "divided_by_h", "times_h", "ignores_h", "backward_difference"],
        "q3": ["without_sigmoid_derivative", "wrong_sign", "without_input_factor", "swapped",
               "weight_instead_of_input", "without_factor_2"],
        "q4": ["forward_difference", "without_copy", "never_restored", "all_entries_at_once", "without_bias"],
    }


def _named(exercise, qid, answer, public_only=False):
    question = exercise.question(qid)
    tests = [t for t in question.tests() if t.public or not public_only]
    behaviours = [run_answer(question, test, answer) for test in tests]
    found = recognise(exercise, question, tests, [exercise.expected(t) for t in tests], behaviours)
    return [item.id for item in found]


def test_a_fixed_step_is_named_like_the_exact_derivative(exercise):
    # Both ignore h, and a step of 1e-5 gives F'(x) to within the tolerance: one misconception, one message.
    F = exercise.namespace["F"]

    def fixed_step(x, h=1e-5):
        return (F(x + 1e-5) - F(x - 1e-5)) / 2e-5

    assert _named(exercise, "q2", fixed_step) == ["ignores_h"]
    assert _named(exercise, "q2", fixed_step, public_only=True) == ["ignores_h"]


def test_the_check_shows_the_mistake_the_q4_hint_names(exercise):
    # changing theta itself without undoing it: the public case with three entries shows it
    never_restored = next(m.answer for m in exercise.question("q4").misconceptions if m.id == "never_restored")
    public, _ = outcomes(exercise, "q4", never_restored)
    assert not all(public)
    assert _named(exercise, "q4", never_restored, public_only=True) == ["never_restored"]


def test_other_wrong_answers_fail(exercise):
    loss = exercise.namespace["neuron_loss"]

    def all_links_at_x(x):
        return np.exp(np.sin(x)) * np.cos(x) * 2 * x

    def sigmoid_derivative_at_a(x, w, b, y):
        a = _sigmoid(w * x + b)
        slope = _sigmoid(a) * (1 - _sigmoid(a))
        return (a - y) ** 2, 2 * (a - y) * slope * x, 2 * (a - y) * slope

    def divides_by_h(theta, x, y, h=1e-5):
        gradient = np.zeros(len(theta))
        for j in range(len(theta)):
            plus, minus = theta.copy(), theta.copy()
            plus[j] += h
            minus[j] -= h
            gradient[j] = (loss(plus, x, y) - loss(minus, x, y)) / h
        return gradient

    assert hidden_failures(exercise, "q1", all_links_at_x) >= 6
    assert hidden_failures(exercise, "q3", sigmoid_derivative_at_a) >= 6
    assert hidden_failures(exercise, "q4", divides_by_h) == len(exercise.question("q4").hidden)


def test_random_cases_are_reproducible(exercise):
    again = load_exercise(STEM)
    assert sum(len(q.hidden) for q in again.questions) > 0, "no hidden cases to compare"
    for first, second in zip(exercise.questions, again.questions, strict=True):
        for a, b in zip(first.hidden, second.hidden, strict=True):
            assert len(a.args) == len(b.args)
            for x, y in zip(a.args, b.args, strict=True):
                np.testing.assert_array_equal(x, y)
