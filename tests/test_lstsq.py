import numpy as np
import pytest

from nnlib.datasets import quadratic
from nnlib.lstsq import (
    fit_linear_closed_form,
    fit_quadratic_closed_form,
    linear_loss,
    linear_loss_gradient,
    quadratic_loss,
    quadratic_loss_derivative,
)


def _central_difference(f, value, eps=1e-6):
    return (f(value + eps) - f(value - eps)) / (2 * eps)


def test_quadratic_by_hand():
    x = np.array([1.0, 2.0])
    y = np.array([3.0, 7.0])
    # a = Σ x² y / Σ x⁴ = (1·3 + 4·7) / (1 + 16) = 31 / 17
    assert fit_quadratic_closed_form(x, y) == pytest.approx(31 / 17)
    # L(1) = ((3 − 1)² + (7 − 4)²) / 2 = (4 + 9) / 2 = 6.5
    assert quadratic_loss(1.0, x, y) == 6.5
    # dL/da at a = 1: −(2/2) (1·(3 − 1) + 4·(7 − 4)) = −(2 + 12) = −14
    assert quadratic_loss_derivative(1.0, x, y) == -14.0


def test_quadratic_recovers_exact_a():
    x = np.linspace(-2, 2, 9)
    assert fit_quadratic_closed_form(x, 2.5 * x**2) == pytest.approx(2.5)


def test_quadratic_closed_form_agrees_with_grid_search_and_polyfit():
    x, y = quadratic(40, a=1.7, noise=0.8, rng=3)
    a = fit_quadratic_closed_form(x, y)
    grid = np.linspace(0.0, 4.0, 400_001)  # spacing 1e-5
    losses = quadratic_loss(grid, x, y)
    assert losses.shape == grid.shape
    assert abs(grid[np.argmin(losses)] - a) <= 1e-5
    assert quadratic_loss(a, x, y) <= losses.min() + 1e-12
    # Least squares on the single basis function x² is np.polyfit's degree-2 fit with the
    # linear and constant terms removed, i.e. lstsq on the column x².
    (a_lstsq,), *_ = np.linalg.lstsq((x**2)[:, None], y, rcond=None)
    assert a == pytest.approx(a_lstsq, rel=1e-12)
    # With y = a x² exactly, np.polyfit recovers (a, 0, 0) and the closed form the same a.
    coefficients = np.polyfit(x, 1.7 * x**2, deg=2)
    np.testing.assert_allclose(coefficients, [1.7, 0.0, 0.0], atol=1e-10)
    assert fit_quadratic_closed_form(x, 1.7 * x**2) == pytest.approx(coefficients[0])


def test_quadratic_derivative_matches_central_difference():
    x, y = quadratic(25, a=-0.8, noise=0.3, rng=1)
    for a in (-3.0, -0.8, 0.0, 0.4, 2.0):
        numeric = _central_difference(lambda v: quadratic_loss(v, x, y), a)
        assert quadratic_loss_derivative(a, x, y) == pytest.approx(numeric, rel=1e-6, abs=1e-8)


def test_quadratic_derivative_zero_at_closed_form():
    x, y = quadratic(30, rng=0)
    assert quadratic_loss_derivative(fit_quadratic_closed_form(x, y), x, y) == pytest.approx(0.0, abs=1e-10)


def test_gradient_descent_reaches_closed_form():
    x, y = quadratic(30, a=2.0, noise=0.5, rng=2)
    a = 0.0
    for _ in range(500):
        a -= 0.05 * quadratic_loss_derivative(a, x, y)
    assert a == pytest.approx(fit_quadratic_closed_form(x, y), rel=1e-8)


def test_vectorised_over_parameters():
    x, y = quadratic(10, rng=0)
    grid = np.array([[0.0, 1.0], [2.0, 3.0]])
    losses = quadratic_loss(grid, x, y)
    derivatives = quadratic_loss_derivative(grid, x, y)
    assert losses.shape == derivatives.shape == (2, 2)
    assert losses[1, 0] == pytest.approx(quadratic_loss(2.0, x, y))
    assert derivatives[0, 1] == pytest.approx(quadratic_loss_derivative(1.0, x, y))
    assert type(quadratic_loss(1.0, x, y)) is float


def test_linear_by_hand():
    x = np.array([0.0, 1.0, 2.0])
    y = np.array([1.0, 2.0, 6.0])
    # x̄ = 1, ȳ = 3; a = Σ(x−x̄)(y−ȳ) / Σ(x−x̄)² = ((−1)(−2) + 0 + (1)(3)) / 2 = 5/2; b = 3 − 5/2 = 1/2
    a, b = fit_linear_closed_form(x, y)
    assert (a, b) == (pytest.approx(2.5), pytest.approx(0.5))
    # At (a, b) = (1, 1): residuals y − (x + 1) = (0, 0, 3); L = 9/3 = 3
    assert linear_loss(1.0, 1.0, x, y) == 3.0
    # ∂L/∂a = −(2/3)(0·0 + 1·0 + 2·3) = −4, ∂L/∂b = −(2/3)(0 + 0 + 3) = −2
    dL_da, dL_db = linear_loss_gradient(1.0, 1.0, x, y)
    assert (dL_da, dL_db) == (pytest.approx(-4.0), pytest.approx(-2.0))


def test_linear_closed_form_agrees_with_polyfit_and_grid():
    rng = np.random.default_rng(0)
    x = rng.uniform(-3, 3, size=50)
    y = 1.3 * x - 0.7 + rng.normal(0, 0.4, size=50)
    a, b = fit_linear_closed_form(x, y)
    np.testing.assert_allclose([a, b], np.polyfit(x, y, deg=1), rtol=1e-10)
    A, B = np.meshgrid(np.linspace(a - 0.01, a + 0.01, 201), np.linspace(b - 0.01, b + 0.01, 201))
    surface = linear_loss(A, B, x, y)
    assert surface.shape == (201, 201)
    i, j = np.unravel_index(np.argmin(surface), surface.shape)
    assert abs(A[i, j] - a) <= 1e-4 and abs(B[i, j] - b) <= 1e-4
    dL_da, dL_db = linear_loss_gradient(a, b, x, y)
    assert abs(dL_da) < 1e-10 and abs(dL_db) < 1e-10


def test_linear_gradient_matches_central_difference():
    rng = np.random.default_rng(5)
    x = rng.normal(size=20)
    y = rng.normal(size=20)
    for a, b in [(0.0, 0.0), (1.5, -2.0), (-0.3, 0.7)]:
        dL_da, dL_db = linear_loss_gradient(a, b, x, y)
        assert dL_da == pytest.approx(_central_difference(lambda v: linear_loss(v, b, x, y), a), rel=1e-6)
        assert dL_db == pytest.approx(_central_difference(lambda v: linear_loss(a, v, x, y), b), rel=1e-6)


def test_linear_gradient_vectorised():
    x = np.array([0.0, 1.0, 2.0])
    y = np.array([1.0, 2.0, 6.0])
    dA, dB = linear_loss_gradient(np.array([1.0, 0.0]), 1.0, x, y)
    assert dA.shape == dB.shape == (2,)
    assert (dA[0], dB[0]) == (pytest.approx(-4.0), pytest.approx(-2.0))


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: fit_quadratic_closed_form([0.0, 0.0], [1.0, 2.0]), ValueError, r"fit_quadratic_closed_form: expected at least one x != 0 .*, but received only x = 0"),
        (lambda: fit_quadratic_closed_form([1.0, 2.0], [1.0]), ValueError, r"fit_quadratic_closed_form: expected x and y as 1-D arrays of the same length \(N,\), but received x with shape \(2,\) and y with shape \(1,\)"),
        (lambda: quadratic_loss(1.0, [], []), ValueError, r"quadratic_loss: expected at least one point, but received empty arrays"),
        (lambda: quadratic_loss_derivative(1.0, [1.0, np.nan], [1.0, 2.0]), ValueError, r"quadratic_loss_derivative: expected finite values in x and y, but received inf or nan"),
        (lambda: quadratic_loss("a", [1.0], [1.0]), TypeError, r"quadratic_loss: expected a to be an array of numbers, but received str"),
        (lambda: fit_linear_closed_form([2.0, 2.0, 2.0], [1.0, 2.0, 3.0]), ValueError, r"fit_linear_closed_form: expected at least two different x values to fix a line, but received only x = 2"),
        (lambda: linear_loss(np.zeros(2), np.zeros(3), [1.0], [1.0]), ValueError, r"linear_loss: expected a and b of the same \(or broadcastable\) shape, but received a with shape \(2,\) and b with shape \(3,\)"),
        (lambda: linear_loss_gradient(0.0, 0.0, [[1.0]], [[1.0]]), ValueError, r"linear_loss_gradient: expected x and y as 1-D arrays"),
    ],
)
def test_error_messages(call, error, message):
    with pytest.raises(error, match=message):
        call()
