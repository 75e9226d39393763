"""Exercise 09 (optimisers): the reference solution passes its own tests, agrees with nnlib's
optimisers, initialisers and Dense layer, and typical wrong answers fail hidden tests."""

from __future__ import annotations


import numpy as np
import pytest

from nnlib.layers import Dense
from nnlib.optim import SGD, Adam
from exercise_helpers import hidden_failures, outcomes, variable_verdict

STEM = "09_optimizers"


def test_questions_points_and_names(exercise):
    assert [(q.id, q.name, q.points) for q in exercise.questions] == [
        ("q1", "momentum_step", 2), ("q2", "adam_step", 4), ("q3", "init_std", 2),
        ("q4", "init_weights", 2), ("q5", "distinct_hidden_nodes", 2),
    ]
    for question in exercise.questions:
        assert set(question.hint) == {"en", "sv"}
        if question.function:
            assert question.public and len(question.hidden) >= 5


def test_hand_worked_examples(exercise):
    ns = exercise.namespace
    w, v = ns["momentum_step"](np.array([1.0]), np.array([2.0]), np.array([0.5]), 0.1, 0.9)
    np.testing.assert_allclose(v, [2.45])  # 0.9 * 0.5 + 2
    np.testing.assert_allclose(w, [0.755])  # 1 - 0.1 * 2.45
    w, m, v = ns["adam_step"](np.array([1.0]), np.array([0.5]), np.zeros(1), np.zeros(1), 1)
    np.testing.assert_allclose(m, [0.05])  # 0.1 * 0.5
    np.testing.assert_allclose(v, [0.00025])  # 0.001 * 0.25
    np.testing.assert_allclose(w, [1 - 0.001 * 0.5 / (0.5 + 1e-8)])
    assert ns["init_std"]("he", 64, 32) == pytest.approx(0.1767767, rel=1e-6)
    assert ns["init_std"]("xavier", 64, 32) == pytest.approx(0.1443376, rel=1e-6)


def test_optimiser_steps_agree_with_nnlib_over_several_steps(exercise):
    ns = exercise.namespace
    rng = np.random.default_rng(0)
    gradients = [rng.normal(size=(3, 2)) for _ in range(5)]
    for make in (lambda: SGD(learning_rate=0.05, momentum=0.8),
                 lambda: Adam(learning_rate=0.01, beta1=0.8, beta2=0.99, eps=1e-7)):
        layer, optimizer = Dense(2, 3, rng=1), make()
        w, m, v = layer.W.copy(), np.zeros((3, 2)), np.zeros((3, 2))
        for t, g in enumerate(gradients, start=1):
            layer.grads["W"][...] = g
            layer.grads["b"][...] = 0.0
            optimizer.step(layer)
            if isinstance(optimizer, SGD):
                w, v = ns["momentum_step"](w, g, v, 0.05, 0.8)
            else:
                w, m, v = ns["adam_step"](w, g, m, v, t, 0.01, 0.8, 0.99, 1e-7)
            np.testing.assert_allclose(w, layer.W, rtol=1e-12, atol=1e-14)


def test_initial_weights_agree_with_nnlib(exercise):
    init_weights, init_std = exercise.namespace["init_weights"], exercise.namespace["init_std"]
    for n_in, n_out, method, seed in ((3, 2, "he", 0), (2, 4, "xavier", 1), (64, 32, "he", 2024)):
        np.testing.assert_array_equal(init_weights(n_in, n_out, method, seed),
                                      Dense(n_in, n_out, init=method, rng=seed).W)
    W = init_weights(400, 300, "xavier", 5)
    assert W.shape == (300, 400)
    assert W.std() == pytest.approx(init_std("xavier", 400, 300), rel=0.02)


def test_zero_initialisation_answer(exercise):
    ns = exercise.namespace
    assert ns["distinct_hidden_nodes"] == {"zeros": 1, "xavier": 4}
    np.testing.assert_array_equal(ns["W1_zeros"], np.zeros((4, 2)))
    assert variable_verdict(exercise, "q5", {"zeros": 1, "xavier": 4}) is None
    assert variable_verdict(exercise, "q5", {"xavier": np.int64(4), "zeros": np.int64(1)}) is None
    for wrong in ({"zeros": 4, "xavier": 4}, {"zeros": 1, "xavier": 1}, {"zeros": 1}, {"zeros": 1.0, "xavier": 4.0},
                  {"zeros": True, "xavier": 4}, (1, 4), None):
        message = variable_verdict(exercise, "q5", wrong)
        assert message is not None
        for lang in ("en", "sv"):
            assert message.render(lang)


def test_wrong_momentum_steps_fail(exercise):
    def old_velocity(w, g, v, eta, mu):
        return w - eta * v, mu * v + g

    def learning_rate_in_velocity(w, g, v, eta, mu):
        v = mu * v - eta * g
        return w + v, v

    def velocity_not_updated(w, g, v, eta, mu):
        return w - eta * (mu * v + g), v

    def plain_gradient_descent(w, g, v, eta, mu):
        return w - eta * g, mu * v + g

    for wrong in (old_velocity, learning_rate_in_velocity, velocity_not_updated):
        assert hidden_failures(exercise, "q1", wrong) >= 8
    assert hidden_failures(exercise, "q1", plain_gradient_descent) >= 7


def _adam(w, g, m, v, t, learning_rate=0.001, beta1=0.9, beta2=0.999, eps=1e-8, *, correct=True,
          eps_inside=False, return_hats=False, defaults_only=False, step=0):
    """The reference Adam step with one deliberate slip switched on."""
    if defaults_only:
        learning_rate, beta1, beta2, eps = 0.001, 0.9, 0.999, 1e-8
    t = t + step
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g**2
    m_hat, v_hat = (m / (1 - beta1**t), v / (1 - beta2**t)) if correct else (m, v)
    denominator = np.sqrt(v_hat + eps) if eps_inside else np.sqrt(v_hat) + eps
    w = w - learning_rate * m_hat / denominator
    return (w, m_hat, v_hat) if return_hats else (w, m, v)


def test_slip_free_copy_of_adam_passes(exercise):
    public, hidden = outcomes(exercise, "q2", _adam)
    assert all(public) and all(hidden)


@pytest.mark.parametrize("slip, at_least", [
    ({"correct": False}, 12),
    ({"eps_inside": True}, 2),
    ({"return_hats": True}, 12),
    ({"defaults_only": True}, 8),
    ({"step": -1}, 11),
    ({"step": 1}, 11),
])
def test_wrong_adam_steps_fail(exercise, slip, at_least):
    assert hidden_failures(exercise, "q2", lambda *args: _adam(*args, **slip)) >= at_least


def test_wrong_initialisation_scales_fail(exercise):
    wrong_scales = {
        "variance instead of std": lambda method, fan_in, fan_out: 2 / fan_in if method == "he" else 2 / (fan_in + fan_out),
        "LeCun for both": lambda method, fan_in, fan_out: float(np.sqrt(1 / fan_in)),
        "uniform limits": lambda method, fan_in, fan_out: float(np.sqrt(6 / fan_in if method == "he" else 6 / (fan_in + fan_out))),
        "He with fan_out": lambda method, fan_in, fan_out: float(np.sqrt(2 / (fan_out if method == "he" else fan_in + fan_out))),
        "Xavier as a mean": lambda method, fan_in, fan_out: float(np.sqrt(2 / fan_in if method == "he" else 1 / (fan_in + fan_out))),
    }
    for name, wrong in wrong_scales.items():
        assert hidden_failures(exercise, "q3", wrong) >= 3, name


def test_wrong_initial_weights_fail(exercise):
    init_std = exercise.namespace["init_std"]

    def transposed(n_in, n_out, method, seed):
        return np.random.default_rng(seed).normal(0.0, init_std(method, n_in, n_out), size=(n_in, n_out))

    def unscaled(n_in, n_out, method, seed):
        return np.random.default_rng(seed).normal(0.0, 1.0, size=(n_out, n_in))

    def fan_in_and_out_swapped(n_in, n_out, method, seed):
        return np.random.default_rng(seed).normal(0.0, init_std(method, n_out, n_in), size=(n_out, n_in))

    def uniform(n_in, n_out, method, seed):
        limit = np.sqrt(3) * init_std(method, n_in, n_out)
        return np.random.default_rng(seed).uniform(-limit, limit, size=(n_out, n_in))

    assert hidden_failures(exercise, "q4", transposed) >= 6
    assert hidden_failures(exercise, "q4", unscaled) >= 8
    assert hidden_failures(exercise, "q4", fan_in_and_out_swapped) >= 4
    assert hidden_failures(exercise, "q4", uniform) >= 8


def test_the_public_adam_cases_show_eps_inside_the_square_root(exercise):
    # the hint warns about eps inside the root for gradients like 1e-6: check() must show it
    public, _ = outcomes(exercise, "q2", lambda *args: _adam(*args, eps_inside=True))
    assert not all(public)
    question = exercise.question("q2")
    assert min(np.abs(c.args[1]).min() for c in question.public) <= 1e-5

