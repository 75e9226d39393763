import warnings

import numpy as np
import pytest

from course import set_language
from course.widgets.descent import (
    DIVERGENCE_LIMIT,
    LearningRateDescent,
    SurfaceDescent,
    TwoMinimaDescent,
    classify_descent,
    divergence_threshold,
    double_well,
    double_well_critical_points,
    double_well_derivative,
    gradient_descent,
    linear_gradient,
    linear_hessian,
    quadratic_curvature,
    which_minimum,
)
from nnlib.datasets import quadratic
from nnlib.gradcheck import numerical_gradient
from nnlib.lstsq import (
    fit_linear_closed_form,
    fit_quadratic_closed_form,
    linear_loss,
    quadratic_loss,
    quadratic_loss_derivative,
)

# The hand-worked example of the lesson: points (1, 1) and (2, 5).
X_HAND = np.array([1.0, 2.0])
Y_HAND = np.array([1.0, 5.0])


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language("en")


@pytest.fixture
def parabola_data():
    return quadratic(20, a=2.0, noise=0.5, rng=0)


@pytest.fixture
def line_data():
    rng = np.random.default_rng(1)
    x = rng.uniform(0, 4, size=40)
    return x, 1.5 * x + 2 + rng.normal(0, 0.5, size=40)


def derivative_of(x, y):
    return lambda a: quadratic_loss_derivative(a, x, y)


# Pure functions


def test_hand_worked_descent_and_closed_form():
    # L(a) = ½[(1 - a)² + (5 - 4a)²], L'(a) = 17a - 21, L'' = 17, a* = 21/17
    assert quadratic_curvature(X_HAND) == pytest.approx(17.0)
    assert divergence_threshold(17.0) == pytest.approx(2 / 17)
    assert fit_quadratic_closed_form(X_HAND, Y_HAND) == pytest.approx(21 / 17)
    # a_1 = 0 - 0.05·(-21) = 1.05; a_2 = 1.05 - 0.05·(17·1.05 - 21) = 1.2075; a_3 = 1.231125
    path = gradient_descent(derivative_of(X_HAND, Y_HAND), 0.0, 0.05, 3)
    np.testing.assert_allclose(path, [0.0, 1.05, 1.2075, 1.231125])


def test_distance_to_minimum_shrinks_by_one_minus_eta_curvature(parabola_data):
    x, y = parabola_data
    a_star = fit_quadratic_closed_form(x, y)
    eta = 0.1
    path = gradient_descent(derivative_of(x, y), -1.0, eta, 8)
    ratios = (path[1:] - a_star) / (path[:-1] - a_star)
    np.testing.assert_allclose(ratios, 1 - eta * quadratic_curvature(x), rtol=1e-6)


def test_descent_reaches_the_closed_form(parabola_data, line_data):
    x, y = parabola_data
    path = gradient_descent(derivative_of(x, y), 0.0, 0.1, 60)
    assert path[-1] == pytest.approx(fit_quadratic_closed_form(x, y), abs=1e-10)

    x, y = line_data
    path = gradient_descent(lambda theta: linear_gradient(theta, x, y), (0.0, 0.0), 0.1, 2000)
    assert path.shape == (2001, 2)
    np.testing.assert_allclose(path[-1], fit_linear_closed_form(x, y), atol=1e-8)


def test_divergence_threshold_is_where_descent_stops_working(parabola_data):
    x, y = parabola_data
    a_star = fit_quadratic_closed_form(x, y)
    threshold = divergence_threshold(quadratic_curvature(x))
    below = gradient_descent(derivative_of(x, y), 0.0, 0.99 * threshold, 50)
    above = gradient_descent(derivative_of(x, y), 0.0, 1.01 * threshold, 50)
    assert abs(below[-1] - a_star) < abs(below[0] - a_star)
    assert abs(above[-1] - a_star) > abs(above[0] - a_star)
    assert quadratic_loss(above[-1], x, y) > quadratic_loss(above[0], x, y)


def test_curvature_and_hessian_match_numerical_second_derivatives(parabola_data, line_data):
    x, y = parabola_data
    numeric = numerical_gradient(lambda a: quadratic_loss_derivative(a[0], x, y), np.array([0.7]))
    assert numeric[0] == pytest.approx(quadratic_curvature(x), rel=1e-6)

    x, y = line_data
    theta = np.array([0.3, -1.2])
    numeric_gradient = numerical_gradient(lambda t: linear_loss(t[0], t[1], x, y), theta.copy())
    np.testing.assert_allclose(linear_gradient(theta, x, y), numeric_gradient, rtol=1e-6)
    rows = [numerical_gradient(lambda t, i=i: linear_gradient(t, x, y)[i], theta.copy()) for i in range(2)]
    np.testing.assert_allclose(linear_hessian(x), np.array(rows), rtol=1e-6)


def test_diverging_descent_stops_with_finite_values_and_no_warnings(parabola_data):
    x, y = parabola_data
    threshold = divergence_threshold(quadratic_curvature(x))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        path = gradient_descent(derivative_of(x, y), 0.0, 1.5 * threshold, 10_000)
    assert len(path) < 10_001
    assert np.all(np.isfinite(path))
    assert np.max(np.abs(path)) <= DIVERGENCE_LIMIT
    assert classify_descent(path, fit_quadratic_closed_form(x, y), expected_steps=10_000) == "diverging"


def test_zero_steps_returns_only_the_start():
    path = gradient_descent(double_well_derivative, 0.5, 0.1, 0)
    np.testing.assert_array_equal(path, [0.5])


@pytest.mark.parametrize(
    ("path", "verdict"),
    [
        ([1.0, 0.5, 0.25], "slow"),
        ([1.0, -0.5, 0.25, -0.125], "oscillating"),
        ([1.0, -1.5, 2.25], "diverging"),
        ([1.0, 0.1, 1e-4], "converged"),
        ([[1.0, 1.0], [-0.5, 0.2], [0.0, 0.0]], "converged"),
    ],
)
def test_classify_descent(path, verdict):
    assert classify_descent(path, np.zeros(np.shape(path)[1:])) == verdict


def test_classify_descent_calls_a_cut_off_path_diverging():
    assert classify_descent([1.0, 0.5], 0.0, expected_steps=5) == "diverging"


def test_double_well_critical_points():
    points = double_well_critical_points()
    assert points["global_min"] < points["local_max"] < points["local_min"]
    for w in points.values():
        assert double_well_derivative(w) == pytest.approx(0.0, abs=1e-9)
    assert double_well(points["global_min"]) < double_well(points["local_min"]) < double_well(points["local_max"])
    assert 12 * points["local_max"] ** 2 - 6 < 0 < 12 * points["local_min"] ** 2 - 6
    assert which_minimum(points["global_min"] + 1e-3) == "global_min"
    assert which_minimum(points["local_max"]) is None


def test_error_messages():
    with pytest.raises(ValueError, match="expected learning_rate > 0, but received 0.0"):
        gradient_descent(double_well_derivative, 0.0, 0.0, 3)
    with pytest.raises(ValueError, match="expected n_steps to be an integer >= 0, but received -1"):
        gradient_descent(double_well_derivative, 0.0, 0.1, -1)
    with pytest.raises(ValueError, match="expected n_steps to be an integer >= 0, but received 2.5"):
        gradient_descent(double_well_derivative, 0.0, 0.1, 2.5)
    with pytest.raises(ValueError, match="expected a curvature L'' > 0, but received 0.0"):
        divergence_threshold(0.0)
    with pytest.raises(ValueError, match=r"LearningRateDescent: expected x and y .* shapes \(3,\) and \(2,\)"):
        LearningRateDescent([1.0, 2.0, 3.0], [1.0, 2.0])
    with pytest.raises(TypeError, match="SurfaceDescent: expected x and y to be arrays of numbers"):
        SurfaceDescent(["a", "b"], [1.0, 2.0])


# Widgets


def test_learning_rate_widget_shows_the_four_regimes(parabola_data):
    x, y = parabola_data
    widget = LearningRateDescent(x, y, n_steps=30)
    widget.refresh()
    start_loss = quadratic_loss(0.0, x, y)
    assert widget.threshold == pytest.approx(2 / quadratic_curvature(x))

    widget.learning_rate.value = 0.9 * widget.threshold
    assert widget.losses[-1] < start_loss
    assert widget.verdict == "oscillating"
    assert "Oscillating" in widget.status.value
    oscillating_path = widget.path_line.get_xdata().copy()

    widget.learning_rate.value = 1.1 * widget.threshold
    assert widget.losses[-1] > start_loss
    assert widget.verdict == "diverging"
    assert "Diverging" in widget.status.value
    assert not np.array_equal(widget.path_line.get_xdata(), oscillating_path)

    widget.learning_rate.value = 0.01 * widget.threshold
    assert widget.losses[-1] < start_loss
    assert widget.verdict == "slow"

    widget.learning_rate.value = 0.5 * widget.threshold  # η = 1/L'': one step to a*
    assert widget.path[1] == pytest.approx(widget.a_star)
    assert widget.verdict == "converged"
    assert f"{widget.a_star:.4g}" in widget.status.value


def test_learning_rate_widget_steps_slider_and_artists(parabola_data):
    x, y = parabola_data
    widget = LearningRateDescent(x, y, learning_rate=0.05, n_steps=5)
    widget.refresh()
    updates = widget.updates
    widget.n_steps.value = 12
    assert widget.updates == updates + 1
    assert len(widget.path) == 13
    np.testing.assert_allclose(widget.path, gradient_descent(derivative_of(x, y), 0.0, 0.05, 12))
    np.testing.assert_allclose(widget.path_line.get_ydata(), quadratic_loss(widget.path, x, y))
    np.testing.assert_allclose(widget.loss_line.get_xdata(), np.arange(13))
    np.testing.assert_allclose(widget.loss_line.get_ydata(), widget.losses)


def test_two_minima_widget_end_moves_when_start_crosses_the_maximum():
    points = double_well_critical_points()
    widget = TwoMinimaDescent(start=points["local_max"] - 0.05, learning_rate=0.02, n_steps=200)
    widget.refresh()
    assert widget.reached == "global_min"
    assert widget.path_line.get_xdata()[-1] == pytest.approx(points["global_min"], abs=1e-2)
    assert "global minimum" in widget.status.value

    widget.start.value = points["local_max"] + 0.05
    assert widget.reached == "local_min"
    assert widget.path_line.get_xdata()[-1] == pytest.approx(points["local_min"], abs=1e-2)
    assert "local minimum" in widget.status.value


def test_two_minima_widget_large_learning_rate():
    # From w0 = 2: L'(2) = 21, so η = 0.1 jumps over the hill; L''(global min) ≈ 14.3, so
    # above 2/14.3 ≈ 0.14 it cannot settle there; around 0.2 it runs away.
    widget = TwoMinimaDescent(start=2.0, learning_rate=0.02, n_steps=200)
    widget.refresh()
    assert widget.reached == "local_min"
    widget.learning_rate.value = 0.1
    assert widget.reached == "global_min"
    widget.learning_rate.value = 0.16
    assert widget.reached is None
    assert widget.verdict == "oscillating"
    assert "to and fro" in widget.status.value
    widget.learning_rate.value = 0.22
    assert widget.verdict == "diverging"
    assert widget.reached is None
    assert "Diverging" in widget.status.value


def test_surface_widget_path_follows_the_sliders(line_data):
    x, y = line_data
    widget = SurfaceDescent(x, y, n_steps=40)
    widget.refresh()
    first = np.column_stack(widget.path_line.get_data()).copy()

    widget.a0.value = widget.a0.min
    widget.b0.value = widget.b0.min
    np.testing.assert_allclose(widget.start_marker.get_xdata(), [widget.a0.min])
    np.testing.assert_allclose(widget.start_marker.get_ydata(), [widget.b0.min])
    assert not np.array_equal(np.column_stack(widget.path_line.get_data()), first)
    expected = gradient_descent(
        lambda theta: linear_gradient(theta, x, y), (widget.a0.min, widget.b0.min), widget.learning_rate.value, 40
    )
    np.testing.assert_allclose(widget.path, expected)


def test_surface_widget_threshold(line_data):
    x, y = line_data
    widget = SurfaceDescent(x, y, n_steps=300)
    widget.refresh()
    start_loss = linear_loss(widget.a0.value, widget.b0.value, x, y)
    assert widget.threshold == pytest.approx(2 / np.linalg.eigvalsh(linear_hessian(x)).max())

    widget.learning_rate.value = 0.95 * widget.threshold
    assert widget.losses[-1] < start_loss
    assert widget.verdict == "converged"
    np.testing.assert_allclose(widget.path[-1], fit_linear_closed_form(x, y), atol=1e-2)

    widget.learning_rate.value = 1.05 * widget.threshold
    assert widget.losses[-1] > start_loss
    assert widget.verdict == "diverging"


def test_widgets_are_reproducible_under_a_seed():
    statuses = []
    for _ in range(2):
        x, y = quadratic(20, rng=np.random.default_rng(3))
        widget = LearningRateDescent(x, y)
        widget.refresh()
        statuses.append(widget.status.value)
    assert statuses[0] == statuses[1]


def test_swedish_labels_and_status(parabola_data):
    x, y = parabola_data
    set_language("sv")
    widget = LearningRateDescent(x, y)
    widget.refresh()
    assert widget.axes[0].get_xlabel() == "parametern $a$"
    assert widget.learning_rate.description == "inlärningstakt η"
    widget.learning_rate.value = 1.2 * widget.threshold
    assert "Divergerar" in widget.status.value
    two = TwoMinimaDescent()
    assert two.ax.get_title() == "En kurva med två minimipunkter"
