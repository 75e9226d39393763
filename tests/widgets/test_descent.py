import re
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
    student_descent,
    student_report,
    which_minimum,
)
from course.widgets.controls import readout
from nnlib.datasets import quadratic
from nnlib.gradcheck import numerical_gradient
from nnlib.lstsq import (
    fit_linear_closed_form,
    fit_quadratic_closed_form,
    linear_loss,
    quadratic_loss,
    quadratic_loss_derivative,
)

from .artists import line_in

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


def test_learning_rate_widget_steps_slider_and_artists(parabola_data, screen):
    x, y = parabola_data
    widget = LearningRateDescent(x, y, learning_rate=0.05, n_steps=5)
    widget.refresh()
    pictures = screen.watch(widget)
    widget.n_steps.value = 12
    [picture] = pictures  # one new picture: a loss curve over steps 0 … 12
    assert line_in(picture, widget.loss_line).x.tolist() == list(range(13))
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


def test_swedish_labels_and_status(parabola_data, line_data):
    x, y = parabola_data
    set_language("sv")
    widget = LearningRateDescent(x, y)
    widget.refresh()
    assert widget.axes[0].get_xlabel() == "parametern $a$"
    assert widget.learning_rate.description == "inlärningstakt η"
    widget.learning_rate.value = 1.2 * widget.threshold
    assert "Divergerar" in widget.status.value
    # Swedish numbers: decimal comma in the status line and in the slider's readout
    assert f"gräns 2/L'' = {widget.threshold:.4g}".replace(".", ",") in widget.status.value
    assert not re.search(r"\d\.\d", widget.status.value)
    assert readout(widget.learning_rate).value == f"{widget.learning_rate.value:.3g}".replace(".", ",")
    surface = SurfaceDescent(*line_data)
    surface.refresh()
    assert "(a; b) = (" in surface.status.value and not re.search(r"\d\.\d", surface.status.value)
    two = TwoMinimaDescent()
    assert two.ax.get_title() == "En kurva med två minimipunkter"


# The student's own derivative (exercise 05)


def correct_derivative(a, x, y):
    return float(-2 * np.mean(x**2 * (y - a * x**2)))


def summed_derivative(a, x, y):
    # A typical slip: the sum instead of the mean, N times too large.
    return float(-2 * np.sum(x**2 * (y - a * x**2)))


def halved_derivative(a, x, y):
    # Another: the factor 2 of the chain rule forgotten.
    return float(-np.mean(x**2 * (y - a * x**2)))


def stub_derivative(a, x, y):
    raise NotImplementedError("Not answered yet: write your solution here.")


def test_student_descent_by_hand():
    # Correct: L'(a) = 17a − 21, the lesson's path 0 → 1.05 → 1.2075
    run = student_descent(correct_derivative, X_HAND, Y_HAND, 0.0, 0.05, 2)
    np.testing.assert_allclose(run.path, [0.0, 1.05, 1.2075])
    np.testing.assert_allclose(run.slopes, [-21.0, -3.15, 17 * 1.2075 - 21])
    assert run.outcome == "ok" and run.disagreements.size == 0
    # The sum instead of the mean: L'(a) = 34a − 42, so a_1 = 0 + 0.05·42 = 2.1 and
    # a_2 = 2.1 − 0.05·(34·2.1 − 42) = 0.63; it disagrees with 17a − 21 at every point.
    run = student_descent(summed_derivative, X_HAND, Y_HAND, 0.0, 0.05, 2)
    np.testing.assert_allclose(run.path, [0.0, 2.1, 0.63])
    np.testing.assert_allclose(run.slopes, [-42.0, 29.4, 34 * 0.63 - 42])
    np.testing.assert_allclose(run.library_slopes, [-21.0, 14.7, 17 * 0.63 - 21])
    np.testing.assert_array_equal(run.disagreements, [0, 1, 2])
    report = student_report(run, "loss_derivative")
    assert "At a = 0.63 (step 2) your L′(a) = −20.58, but the library's L′(a) = −10.29" in report


def test_student_descent_matches_the_library_path(parabola_data):
    x, y = parabola_data
    run = student_descent(correct_derivative, x, y, 0.0, 0.05, 30)
    np.testing.assert_allclose(run.path, gradient_descent(derivative_of(x, y), 0.0, 0.05, 30))
    assert run.disagreements.size == 0
    assert "agrees with the library's at all 31 points" in student_report(run, "loss_derivative")


def test_student_descent_gets_fresh_copies_of_the_data():
    def vandal(a, x, y):
        x[:] = 0.0
        return correct_derivative(a, X_HAND, Y_HAND)

    x = X_HAND.copy()
    run = student_descent(vandal, x, Y_HAND, 0.0, 0.05, 3)
    np.testing.assert_array_equal(x, X_HAND)
    assert run.disagreements.size == 0


def test_student_descent_problems_never_raise():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        stub = student_descent(stub_derivative, X_HAND, Y_HAND, 0.0, 0.05, 5)
        raising = student_descent(lambda a, x, y: 1 / 0, X_HAND, Y_HAND, 0.0, 0.05, 5)
        array = student_descent(lambda a, x, y: -2 * x**2 * (y - a * x**2), X_HAND, Y_HAND, 0.0, 0.05, 5)
        later_nan = student_descent(
            lambda a, x, y: np.log(1.5 - a) - 21.0, X_HAND, Y_HAND, 0.0, 0.05, 5
        )
    assert stub.outcome == "not_answered" and stub.path.tolist() == [0.0] and stub.slopes.size == 0
    assert raising.outcome == "error" and raising.message == "ZeroDivisionError: division by zero"
    assert array.outcome == "bad_value" and array.message == "an array of shape (2,)"
    # a_1 = 0 − 0.05·(ln 1.5 − 21) ≈ 1.03; a_2 ≈ 2.13 > 1.5, where the log is NaN (with a warning)
    assert later_nan.outcome == "nonfinite" and later_nan.message == "nan"
    assert len(later_nan.path) == 3 and len(later_nan.slopes) == 2
    assert later_nan.warnings == ("invalid value encountered in log",)


def test_learning_rate_widget_draws_the_path_of_a_wrong_student_derivative(parabola_data):
    x, y = parabola_data
    widget = LearningRateDescent(x, y, learning_rate=0.05, n_steps=5, student_derivative=halved_derivative)
    widget.refresh()
    mine = np.array(widget.student_path_line.get_xdata())
    np.testing.assert_allclose(mine, widget.student_run.path[: len(mine)])
    np.testing.assert_allclose(widget.student_run.path, gradient_descent(
        lambda a: halved_derivative(a, x, y), 0.0, 0.05, 5))
    assert len(mine) == 6
    # half the slope: shorter steps, so a different path from the library's
    assert not np.allclose(mine, widget.path_line.get_xdata())
    np.testing.assert_allclose(widget.student_loss_line.get_ydata(), quadratic_loss(widget.student_run.path, x, y))
    status = widget.status.value
    a5 = widget.student_run.path[-1]
    assert f"At a = {a5:.4g} (step 5) your L′(a) = {halved_derivative(a5, x, y):.4g}".replace("-", "−") in status
    assert f"the library's L′(a) = {quadratic_loss_derivative(a5, x, y):.4g}".replace("-", "−") in status
    assert "check your formula" in status

    widget.n_steps.value = 8  # the current point moves, and with it the numbers shown
    a8 = widget.student_run.path[-1]
    assert a8 != a5 and len(widget.student_path_line.get_xdata()) == 9
    assert f"At a = {a8:.4g} (step 8)" in widget.status.value
    assert f"At a = {a5:.4g}" not in widget.status.value


def test_learning_rate_widget_with_a_correct_student_derivative(parabola_data):
    x, y = parabola_data
    widget = LearningRateDescent(x, y, student_derivative=correct_derivative)
    widget.refresh()
    np.testing.assert_allclose(widget.student_path_line.get_xdata(), widget.path_line.get_xdata())
    assert "agrees with the library's at all 16 points of the path" in widget.status.value
    labels = [text.get_text() for text in widget.axes[0].get_legend().get_texts()]
    assert labels[-1] == "path with your $L'(a)$"


def test_learning_rate_widget_reports_a_diverging_student_path(parabola_data):
    x, y = parabola_data
    widget = LearningRateDescent(x, y, n_steps=40, student_derivative=summed_derivative)
    widget.refresh()
    assert widget.verdict == "converged"  # the library's path is fine
    assert widget.student_run.diverged
    assert "diverging, stopped after" in widget.status.value
    assert np.all(np.abs(widget.student_path_line.get_xdata()) <= DIVERGENCE_LIMIT)


def test_learning_rate_widget_with_a_stub_draws_the_library_path(parabola_data):
    x, y = parabola_data
    widget = LearningRateDescent(x, y, n_steps=12, student_derivative=stub_derivative)
    widget.refresh()
    np.testing.assert_allclose(widget.path, gradient_descent(derivative_of(x, y), 0.0, widget.learning_rate.value, 12))
    assert len(widget.path_line.get_xdata()) == 13
    assert len(widget.student_path_line.get_xdata()) == 0 and len(widget.student_loss_line.get_xdata()) == 0
    assert "Your stub_derivative is not answered yet" in widget.status.value
    assert widget.verdict == "slow" and "Too slow" in widget.status.value  # the library's verdict as before

    set_language("sv")
    swedish = LearningRateDescent(x, y, student_derivative=stub_derivative)
    swedish.refresh()
    assert "Din stub_derivative är inte besvarad än" in swedish.status.value


def test_learning_rate_widget_shows_errors_non_numbers_and_nan(parabola_data):
    x, y = parabola_data

    def loss_derivative(a, x, y):
        raise IndexError("index 12 is out of bounds for axis 0 with size 12")

    widget = LearningRateDescent(x, y, student_derivative=loss_derivative)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        widget.refresh()
        assert ("Your loss_derivative raised IndexError: index 12 is out of bounds for axis 0 with size 12 "
                "at a = 0.") in widget.status.value
        assert len(widget.student_path_line.get_xdata()) == 1  # only the start

        widget = LearningRateDescent(x, y, student_derivative=lambda a, x, y: x * a)
        widget.refresh()
        assert "Your L′(a) returned an array of shape (20,) at a = 0; expected one number." in widget.status.value

        widget = LearningRateDescent(x, y, student_derivative=lambda a, x, y: np.mean(x) / (a * 0.0))
        widget.refresh()
        assert "returned inf (not a finite number) at a = 0" in widget.status.value
        assert "numpy warned: divide by zero encountered" in widget.status.value


def test_learning_rate_widget_student_argument_error():
    with pytest.raises(TypeError, match="expected student_derivative to be a function loss_derivative"
                       r"\(a, x, y\), but received float"):
        LearningRateDescent(X_HAND, Y_HAND, student_derivative=1.5)


def test_learning_rate_widget_without_student_is_unchanged(parabola_data):
    x, y = parabola_data
    widget = LearningRateDescent(x, y)
    widget.refresh()
    assert widget.student_run is None
    assert "<br>" not in widget.status.value
    labels = [text.get_text() for text in widget.axes[0].get_legend().get_texts()]
    assert "path with your $L'(a)$" not in labels
