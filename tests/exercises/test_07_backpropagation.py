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


def test_wrong_dense_backward_fails(exercise):
    def transposed_dW(dZ, X, W):
        return dZ @ W, X.T @ dZ, dZ.sum(axis=0)

    def mean_db(dZ, X, W):
        return dZ @ W, dZ.T @ X, dZ.mean(axis=0)

    def db_with_batch_axis(dZ, X, W):
        return dZ @ W, dZ.T @ X, dZ.sum(axis=0, keepdims=True)

    def dX_with_transpose(dZ, X, W):
        return dZ @ W.T, dZ.T @ X, dZ.sum(axis=0)

    def gradients_of_the_first_sample(dZ, X, W):
        return dZ @ W, np.outer(dZ[0], X[0]), dZ[0]

    assert hidden_failures(exercise, "q1", transposed_dW) >= 5
    assert hidden_failures(exercise, "q1", mean_db) >= 5
    assert hidden_failures(exercise, "q1", db_with_batch_axis) >= 8
    assert hidden_failures(exercise, "q1", dX_with_transpose) >= 5
    assert hidden_failures(exercise, "q1", gradients_of_the_first_sample) >= 5


def test_wrong_relu_backward_fails(exercise):
    assert hidden_failures(exercise, "q2", lambda dA, Z: dA * (Z >= 0)) >= 2
    assert hidden_failures(exercise, "q2", lambda dA, Z: dA * np.maximum(Z, 0)) >= 6
    assert hidden_failures(exercise, "q2", lambda dA, Z: dA * (dA > 0)) >= 6
    assert hidden_failures(exercise, "q2", lambda dA, Z: (Z > 0)) >= 6


def _train_step(X, Y, W1, b1, W2, b2, eta, *, divide_by_n=False, relu_derivative=True, sign=-1.0,
                loss_after=False, update_biases=True):
    """The reference step with one deliberate slip switched on."""
    Z1 = X @ W1.T + b1
    A1 = np.maximum(Z1, 0.0)
    Y_hat = A1 @ W2.T + b2
    loss = float(np.mean((Y_hat - Y) ** 2))
    dZ2 = 2 * (Y_hat - Y) / (len(Y_hat) if divide_by_n else Y_hat.size)
    dW2, db2, dA1 = dZ2.T @ A1, dZ2.sum(axis=0), dZ2 @ W2
    dZ1 = dA1 * (Z1 > 0) if relu_derivative else dA1
    dW1, db1 = dZ1.T @ X, dZ1.sum(axis=0)
    if not update_biases:
        db1, db2 = np.zeros_like(b1), np.zeros_like(b2)
    new = (W1 + sign * eta * dW1, b1 + sign * eta * db1, W2 + sign * eta * dW2, b2 + sign * eta * db2)
    if loss_after:
        loss = float(np.mean((np.maximum(X @ new[0].T + new[1], 0) @ new[2].T + new[3] - Y) ** 2))
    return (*new, loss)


def test_slip_free_copy_of_the_step_passes(exercise):
    public, hidden = outcomes(exercise, "q3", _train_step)
    assert all(public) and all(hidden)


@pytest.mark.parametrize("slip, at_least", [
    ({"divide_by_n": True}, 3),
    ({"relu_derivative": False}, 5),
    ({"sign": 1.0}, 8),
    ({"loss_after": True}, 8),
    ({"update_biases": False}, 8),
])
def test_wrong_train_steps_fail(exercise, slip, at_least):
    assert hidden_failures(exercise, "q3", lambda *args: _train_step(*args, **slip)) >= at_least


def variable_accepted(exercise, question_id, value):
    return variable_verdict(exercise, question_id, value) is None
