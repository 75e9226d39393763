import numpy as np
import pytest

from nnlib import Dense, MSE, gradcheck, numerical_gradient
from nnlib.gradcheck import relative_error


def test_numerical_gradient_of_a_known_function():
    x = np.array([1.0, -2.0, 0.5])
    # f = Σ x³ → ∂f/∂x = 3x²
    np.testing.assert_allclose(numerical_gradient(lambda v: float(np.sum(v**3)), x), 3 * x**2, rtol=1e-8)
    np.testing.assert_array_equal(x, [1.0, -2.0, 0.5])  # restored


def test_gradcheck_catches_a_wrong_gradient():
    f = lambda v: float(np.sum(np.sin(v)))
    x = np.array([0.3, 1.2])
    assert gradcheck(f, x, df=np.cos) < 1e-8
    assert gradcheck(f, x, df=lambda v: -np.cos(v)) > 0.5


def test_gradcheck_catches_a_broken_layer():
    class BrokenDense(Dense):
        def backward(self, dZ):
            dX = super().backward(dZ)
            self.grads["W"] = self.grads["W"] * 1.01  # a 1 % error
            return dX

    X = np.random.default_rng(0).normal(size=(4, 3))
    errors = gradcheck(BrokenDense(3, 2, rng=0), X, details=True)
    assert errors["X"] < 1e-6 and errors["b"] < 1e-6 and errors["W"] > 1e-3


def test_relative_error_edge_cases():
    assert relative_error(np.zeros(3), np.zeros(3)) == 0.0
    with pytest.raises(ValueError, match="shapes differ"):
        relative_error(np.zeros(3), np.zeros(2))


def test_gradcheck_usage_errors():
    with pytest.raises(ValueError, match="checking a model needs loss="):
        from nnlib import MLP
        gradcheck(MLP([2, 1], rng=0), np.zeros((1, 2)), np.zeros((1, 1)))
    with pytest.raises(ValueError, match=r"for a plain function call gradcheck\(f, x, df=gradient_of_f\)"):
        gradcheck(np.sin, np.zeros(2))
    with pytest.raises(TypeError, match="numerical_gradient: expected x as a float64 ndarray, but received list"):
        numerical_gradient(np.sum, [1.0, 2.0])
