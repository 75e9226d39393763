import warnings

import numpy as np
import pytest

from nnlib import activations as act
from nnlib.gradcheck import gradcheck

FUNCTIONS = ["identity", "sigmoid", "tanh", "relu", "leaky_relu"]


def test_values_by_hand():
    z = np.array([-2.0, 0.0, 3.0])
    np.testing.assert_allclose(act.step(z), [0, 1, 1])
    np.testing.assert_allclose(act.relu(z), [0, 0, 3])
    np.testing.assert_allclose(act.leaky_relu(z, 0.1), [-0.2, 0, 3])
    np.testing.assert_allclose(act.sigmoid(0.0), 0.5)
    np.testing.assert_allclose(act.sigmoid(np.log(3.0)), 0.75)  # 1 / (1 + 1/3)
    np.testing.assert_allclose(act.tanh(0.0), 0.0)
    np.testing.assert_allclose(act.softmax([0.0, np.log(3.0)]), [0.25, 0.75])


def test_large_inputs_are_finite_and_silent():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        np.testing.assert_array_equal(act.sigmoid(np.array([-1000.0, 1000.0])), [0.0, 1.0])
        np.testing.assert_array_equal(act.softmax(np.array([1000.0, 0.0])), [1.0, 0.0])
        np.testing.assert_allclose(act.softmax(np.array([[1000.0, 1000.0]])), [[0.5, 0.5]])
        assert np.isfinite(act.sigmoid_derivative(np.array([-800.0, 800.0]))).all()


def test_softmax_rows_sum_to_one_and_shift_invariant():
    z = np.random.default_rng(0).normal(size=(5, 4))
    p = act.softmax(z)
    np.testing.assert_allclose(p.sum(axis=1), 1.0)
    np.testing.assert_allclose(act.softmax(z + 100.0), p)


@pytest.mark.parametrize("name", FUNCTIONS)
def test_derivatives_match_finite_differences(name):
    a = act.get(name)
    z = np.array([-2.3, -0.7, 0.4, 1.9])  # away from the kink of ReLU at 0
    for i, zi in enumerate(z):
        assert gradcheck(lambda v: float(a.fn(v)[0]), [zi], df=lambda v: a.derivative(v)) < 1e-7, (name, i)


@pytest.mark.parametrize("layer", [act.Identity(), act.Sigmoid(), act.Tanh(), act.ReLU(), act.LeakyReLU(0.2), act.Softmax()])
def test_activation_layers_gradcheck(layer):
    X = np.random.default_rng(1).normal(size=(4, 3))
    X[np.abs(X) < 0.05] = 0.3  # keep ReLU away from its kink
    assert gradcheck(layer, X) < 1e-6


def test_step_layer_has_zero_gradient():
    layer = act.Step()
    layer.forward(np.array([[1.0, -1.0]]))
    np.testing.assert_array_equal(layer.backward(np.ones((1, 2))), 0.0)


def test_unknown_activation_lists_valid_names():
    with pytest.raises(ValueError, match=r"unknown activation 'rleu'; expected one of: .*relu"):
        act.get("rleu")
    with pytest.raises(ValueError, match="unknown activation 'softplus'"):
        act.layer("softplus")


def test_leaky_relu_alpha_validated():
    with pytest.raises(ValueError, match=r"LeakyReLU: expected alpha in \[0, 1\), but received 2"):
        act.LeakyReLU(2)


def test_backward_before_forward_is_clear():
    with pytest.raises(RuntimeError, match="ReLU: backward\\(\\) was called before forward\\(\\)"):
        act.ReLU().backward(np.ones((1, 1)))
