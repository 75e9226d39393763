import numpy as np
import pytest

from nnlib import SGD, Adam, Dense


def layer_with_grad(w, g):
    layer = Dense(1, 1, init="zeros", rng=0)
    layer.params["W"][...] = w
    layer.grads["W"] = np.array([[g]])
    layer.grads["b"] = np.zeros(1)
    return layer


def test_sgd_step_by_hand():
    layer = layer_with_grad(1.0, 0.5)
    SGD(learning_rate=0.1).step(layer)
    assert layer.W[0, 0] == pytest.approx(1.0 - 0.1 * 0.5)


def test_momentum_by_hand():
    # v1 = g = 1, w = 1 - 0.1 = 0.9 ; v2 = 0.9*1 + 1 = 1.9, w = 0.9 - 0.19 = 0.71
    layer = layer_with_grad(1.0, 1.0)
    opt = SGD(learning_rate=0.1, momentum=0.9)
    opt.step(layer)
    assert layer.W[0, 0] == pytest.approx(0.9)
    opt.step(layer)
    assert layer.W[0, 0] == pytest.approx(0.71)


def test_adam_first_step_is_learning_rate_sized():
    # With bias correction m̂ = g and v̂ = g², so the first step is η·g/|g| = η (for ε ≪ |g|).
    for g in (1e-4, 3.0, -50.0):
        layer = layer_with_grad(0.0, g)
        Adam(learning_rate=0.01).step(layer)
        assert layer.W[0, 0] == pytest.approx(-0.01 * np.sign(g), rel=1e-3)


def test_adam_matches_reference_formula_over_steps():
    layer = layer_with_grad(0.5, 0.0)
    opt = Adam(learning_rate=0.1, beta1=0.8, beta2=0.9, eps=1e-8)
    w, m, v = 0.5, 0.0, 0.0
    for t, g in enumerate([0.3, -0.1, 0.2], start=1):
        layer.grads["W"] = np.array([[g]])
        opt.step(layer)
        m = 0.8 * m + 0.2 * g
        v = 0.9 * v + 0.1 * g * g
        w -= 0.1 * (m / (1 - 0.8**t)) / (np.sqrt(v / (1 - 0.9**t)) + 1e-8)
        assert layer.W[0, 0] == pytest.approx(w)


def test_reset_forgets_state():
    layer = layer_with_grad(0.0, 1.0)
    opt = SGD(0.1, momentum=0.5)
    opt.step(layer)
    opt.reset()
    assert opt.velocity == {} and opt.t == 0


def test_hyperparameters_validated():
    with pytest.raises(ValueError, match=r"SGD: expected learning_rate > 0, but received -0.1"):
        SGD(-0.1)
    with pytest.raises(ValueError, match=r"SGD: expected momentum in \[0, 1\), but received 1.5"):
        SGD(0.1, momentum=1.5)
    with pytest.raises(ValueError, match=r"Adam: expected beta2 in \[0, 1\), but received 1.0"):
        Adam(beta2=1.0)
    with pytest.raises(TypeError, match="expected a model \\(Sequential\\) or a layer, but received list"):
        SGD(0.1).step([1, 2])
