"""Exercise 07 (backpropagation): the reference solution passes its own tests, agrees with
nnlib's layers and with central differences, and typical wrong answers fail hidden tests."""

from __future__ import annotations

import copy

import numpy as np
import pytest

from nnlib.activations import ReLU
from nnlib.gradcheck import numerical_gradient, relative_error
from nnlib.layers import Dense
from nnlib.losses import MSE
from nnlib.model import Sequential
from exercise_helpers import hidden_failures, outcomes, variable_verdict

STEM = "07_backpropagation"


def test_questions_points_and_names(exercise):
    assert [(q.id, q.name, q.points) for q in exercise.questions] == [
        ("q1", "dense_backward", 3), ("q2", "relu_backward", 2), ("q3", "train_step", 4),
        ("q4", "n_forward_passes", 1), ("q5", "xor_losses", 2),
    ]
    for question in exercise.questions:
        assert set(question.hint) == {"en", "sv"}
        if question.function:
            assert question.public and len(question.hidden) >= 5


def test_hand_worked_example(exercise):
    dense_backward = exercise.namespace["dense_backward"]
    X = np.array([[1.0, 2.0], [0.0, -1.0]])
    W = np.array([[1.0, 0.0], [-1.0, 3.0], [2.0, 1.0]])
    dZ = np.array([[1.0, 0.0, -1.0], [2.0, 1.0, 0.0]])
    dX, dW, db = dense_backward(dZ, X, W)
    # dW[2, 1] = dZ[0, 2] * X[0, 1] + dZ[1, 2] * X[1, 1] = -1 * 2 + 0 * -1
    np.testing.assert_array_equal(dW, [[1.0, 0.0], [0.0, -1.0], [-1.0, -2.0]])
    np.testing.assert_array_equal(db, [3.0, 1.0, -1.0])
    # dX[1, 1] = 2 * 0 + 1 * 3 + 0 * 1
    np.testing.assert_array_equal(dX, [[-1.0, -1.0], [1.0, 3.0]])
    np.testing.assert_array_equal(exercise.namespace["relu_backward"](np.array([[5.0, 6.0, 7.0]]),
                                                                      np.array([[-2.0, 0.0, 3.0]])), [[0.0, 0.0, 7.0]])


def test_backward_passes_agree_with_nnlib(exercise):
    ns = exercise.namespace
    rng = np.random.default_rng(0)
    X, dZ = rng.normal(size=(5, 3)), rng.normal(size=(5, 4))
    layer = Dense(3, 4, rng=1)
    layer.forward(X)
    dX_nnlib = layer.backward(dZ)
    dX, dW, db = ns["dense_backward"](dZ, X, layer.W)
    np.testing.assert_allclose(dX, dX_nnlib)
    np.testing.assert_allclose(dW, layer.grads["W"])
    np.testing.assert_allclose(db, layer.grads["b"])
    relu, Z = ReLU(), rng.normal(size=(5, 4))
    relu.forward(Z)
    np.testing.assert_allclose(ns["relu_backward"](dZ, Z), relu.backward(dZ))


def test_train_step_matches_nnlib_and_central_differences(exercise):
    train_step = exercise.namespace["train_step"]
    rng = np.random.default_rng(2)
    X, Y = rng.normal(size=(6, 3)), rng.normal(size=(6, 2))
    first, second = Dense(3, 4, rng=3), Dense(4, 2, rng=4)
    second.params["b"][...] = rng.normal(size=2)
    model = Sequential([first, ReLU(), second])
    params = (first.W.copy(), first.b.copy(), second.W.copy(), second.b.copy())
    loss = MSE()
    expected_loss = loss.forward(model.forward(X), Y)
    model.backward(loss.backward())
    eta = 0.05
    *updated, step_loss = train_step(X, Y, *params, eta)
    assert step_loss == pytest.approx(expected_loss)
    for new, old, grad in zip(updated, params, (first.grads["W"], first.grads["b"], second.grads["W"], second.grads["b"])):
        np.testing.assert_allclose(new, old - eta * grad, rtol=1e-10, atol=1e-12)
    # The gradient check suggested in the notebook: the loss returned is a function of W1.
    numeric = numerical_gradient(lambda W: train_step(X, Y, W, *params[1:], eta)[4], params[0].copy())
    assert relative_error((params[0] - updated[0]) / eta, numeric) < 1e-7


def test_train_step_leaves_its_arguments_unchanged(exercise):
    rng = np.random.default_rng(5)
    args = (rng.normal(size=(3, 2)), rng.normal(size=(3, 1)), rng.normal(size=(4, 2)), rng.normal(size=4),
            rng.normal(size=(1, 4)), rng.normal(size=1))
    before = copy.deepcopy(args)
    exercise.namespace["train_step"](*args, 0.1)
    for a, b in zip(args, before):
        np.testing.assert_array_equal(a, b)


def test_xor_is_learned_and_the_variable_answers_are_right(exercise):
    ns = exercise.namespace
    losses = ns["xor_losses"]
    assert losses.shape == (500,)
    assert losses[0] == pytest.approx(1.121875)  # starting weights, worked out by hand: 4.4875 / 4
    assert losses[-1] < 1e-6
    assert ns["n_forward_passes"] == 2 * (64 * 32 + 32 + 32 * 10 + 10) == 2 * 2410
    assert variable_accepted(exercise, "q4", 4820) and variable_accepted(exercise, "q4", 4820.0)
    for wrong in (2410, 4800, 4840, "4820", True, None):
        assert not variable_accepted(exercise, "q4", wrong)
    assert not variable_accepted(exercise, "q5", losses[:-1])
    assert not variable_accepted(exercise, "q5", losses[1:])
    assert not variable_accepted(exercise, "q5", np.append(losses[1:], 0.0))


def test_q4_feedback_does_not_reveal_the_answer(exercise):
    question = exercise.question("q4")
    message = question.judge(exercise.expected(question.tests()[0]), 100)
    for lang in ("en", "sv"):
        assert message is not None and "4820" not in message.render(lang)


def test_each_question_lists_the_mistakes_of_the_mutation_test(exercise):
    # The wrong answers of the earlier mutation test now live in the spec, with their messages;
    # tests/exercises/test_misconceptions.py checks what each one costs and that it is named.
    assert {q.id: [m.id for m in q.misconceptions] for q in exercise.questions} == {
        "q1": ["dW_transposed", "db_mean", "db_keepdims", "dX_with_W_transposed", "first_sample_only", "other_order"],
        "q2": ["at_zero_too", "times_output", "mask_from_dA", "mask_only", "matrix_product"],
        "q3": ["plus_sign", "loss_after_update", "without_relu_derivative", "divided_by_N", "biases_unchanged",
               "new_W2_in_backward", "output_layer_gets_X"],
        "q4": ["one_pass_per_parameter", "without_biases", "nodes_instead_of_weights"],
        "q5": ["losses_after_update", "not_continued", "last_loss_only", "one_step_short"],
    }


def test_the_check_shows_the_edge_cases_the_hints_name(exercise):
    by_id = {q.id: {m.id: m.answer for m in q.misconceptions} for q in exercise.questions}
    # z exactly 0 (q2), and more than one output node, where N and N * n_out differ (q3)
    for qid, mid in [("q2", "at_zero_too"), ("q3", "divided_by_N")]:
        public, _ = outcomes(exercise, qid, by_id[qid][mid])
        assert not all(public), (qid, mid)


def test_relu_backward_of_A1_instead_of_Z1_is_right(exercise):
    # A1 > 0 exactly where Z1 > 0, so this is no slip (the old hint called it one); the spec lists
    # it among the right alternatives of q3 (train_step_on_copies).
    relu_backward = exercise.namespace["relu_backward"]
    Z = np.array([[-1.0, 0.0, 2.0], [3.0, -0.5, 0.0]])
    dA = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    np.testing.assert_array_equal(relu_backward(dA, np.maximum(Z, 0.0)), relu_backward(dA, Z))
    names = [getattr(answer, "__name__", "") for answer in exercise.question("q3").alternatives]
    assert "train_step_on_copies" in names


def test_the_wrong_xor_losses_come_from_the_reference_run(exercise):
    ns = exercise.namespace
    wrong = {m.id: m.answer for m in exercise.question("q5").misconceptions}
    np.testing.assert_array_equal(wrong["losses_after_update"][:-1], ns["xor_losses"][1:])
    np.testing.assert_array_equal(wrong["one_step_short"], ns["xor_losses"][:-1])
    assert wrong["last_loss_only"] == ns["xor_losses"][-1]


def test_other_wrong_answers_fail(exercise):
    def sum_over_the_wrong_axis(dZ, X, W):
        return dZ @ W, dZ.T @ X, dZ.sum(axis=1)

    def relu_derivative_of_dA(dA, Z):
        return (dA > 0) * 1.0

    assert hidden_failures(exercise, "q1", sum_over_the_wrong_axis) >= 5
    assert hidden_failures(exercise, "q2", relu_derivative_of_dA) >= 6


def variable_accepted(exercise, question_id, value):
    return variable_verdict(exercise, question_id, value) is None
