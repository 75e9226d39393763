import numpy as np
import pytest

from course import set_language
from course.widgets.losses import (
    DEFAULT_Y,
    DEFAULT_Y_PRED,
    PredictionLossWidget,
    RegressionLossWidget,
    absolute_error,
    binary_cross_entropy,
    loss_curves,
    regression_errors,
    squared_error,
)
from course.widgets.controls import readout

from .artists import line_in


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language("en")


def test_hand_worked_losses():
    # y = [3, -0.5, 2], ŷ = [2.5, 0, 2]: errors 0.5, -0.5, 0 -> squares 0.25, 0.25, 0
    errors = regression_errors([2.5, 0.0, 2.0], [3.0, -0.5, 2.0])
    np.testing.assert_allclose(errors.residuals, [0.5, -0.5, 0.0])
    np.testing.assert_allclose(errors.squared, [0.25, 0.25, 0.0])
    np.testing.assert_allclose(errors.absolute, [0.5, 0.5, 0.0])
    assert errors.mse == pytest.approx(0.5 / 3)
    assert errors.mae == pytest.approx(1.0 / 3)
    # y = 1, ŷ = 0.9: -ln 0.9; y = 0, ŷ = 0.2: -ln 0.8
    np.testing.assert_allclose(binary_cross_entropy([0.9, 0.2], [1.0, 0.0]), [-np.log(0.9), -np.log(0.8)])


def test_losses_match_nnlib():
    from nnlib.losses import binary_cross_entropy as nn_bce
    from nnlib.losses import mse

    rng = np.random.default_rng(0)
    p = rng.uniform(0.01, 0.99, size=20)
    y = rng.integers(0, 2, size=20).astype(float)
    assert squared_error(p, y).mean() == pytest.approx(mse(p, y))
    assert binary_cross_entropy(p, y).mean() == pytest.approx(nn_bce(p, y))


def test_cross_entropy_is_finite_at_zero_and_one():
    values = binary_cross_entropy([0.0, 1.0, 1.0, 0.0], [1.0, 0.0, 1.0, 0.0])
    assert np.all(np.isfinite(values))
    assert values[0] > 20 and values[1] > 20
    np.testing.assert_allclose(values[2:], 0.0, atol=1e-9)


def test_loss_curves_have_their_minimum_at_the_target():
    grid = np.linspace(0.001, 0.999, 999)
    for y in (0, 1):
        curves = loss_curves(y, grid)
        for key in ("mse", "mae", "bce"):
            assert abs(grid[np.argmin(curves[key])] - y) < 0.002, key
    # cross-entropy grows without bound, squared error stays below 1 on probabilities
    curves = loss_curves(1, grid)
    assert curves["bce"][0] > 6 > 1 >= curves["mse"].max()


def test_squared_error_punishes_large_errors_more_than_absolute():
    small, large = squared_error([0.5, 3.0], [0.0, 0.0])
    assert small < absolute_error(0.5, 0.0) and large > absolute_error(3.0, 0.0)
    assert large / small == pytest.approx(36.0)  # six times the error, 36 times the loss


def test_error_messages():
    with pytest.raises(ValueError, match="same shape.*\\(2,\\) and \\(3,\\)"):
        squared_error([1, 2], [1, 2, 3])
    with pytest.raises(ValueError, match="probabilities p in \\[0, 1\\].*1.5"):
        binary_cross_entropy([0.5, 1.5], [1, 0])
    with pytest.raises(ValueError, match="targets y_true in \\[0, 1\\].*received values from -1"):
        binary_cross_entropy([0.5], [-1.0])
    with pytest.raises(TypeError, match="y_pred to be a number or an array of numbers, but received str"):
        absolute_error("high", 1.0)
    with pytest.raises(ValueError, match="expected y_pred and y_true of shape \\(N,\\)"):
        regression_errors(1.0, 2.0)
    with pytest.raises(ValueError, match="y_true to be 0 or 1, but received 2"):
        PredictionLossWidget(y_true=2)
    with pytest.raises(ValueError, match="same shape \\(N,\\).*received \\(3,\\), \\(2,\\)"):
        RegressionLossWidget(x=[1, 2, 3], y_true=[1, 2], y_pred=[1, 2])


def test_prediction_widget_follows_the_slider(screen):
    widget = PredictionLossWidget(y_pred=0.7, y_true=1)
    bce_marker = widget.markers["bce"]
    assert bce_marker.get_ydata()[0] == pytest.approx(-np.log(0.7))
    pictures = screen.watch(widget)

    widget.y_pred.value = 0.1
    [picture] = pictures  # the slider sends one new picture, with the marker at ŷ = 0.1
    np.testing.assert_allclose(line_in(picture, bce_marker).points, [[0.1, -np.log(0.1)]])
    assert widget.markers["bce"].get_xdata()[0] == pytest.approx(0.1)
    assert widget.markers["bce"].get_ydata()[0] == pytest.approx(-np.log(0.1))
    assert widget.markers["mse"].get_ydata()[0] == pytest.approx(0.81)
    assert widget.markers["mae"].get_ydata()[0] == pytest.approx(0.9)
    assert "2.303" in widget.status.value and "0.810" in widget.status.value
    assert list(widget.cursor.get_xdata()) == pytest.approx([0.1, 0.1])


def test_prediction_widget_target_toggle_flips_the_curves():
    widget = PredictionLossWidget(y_pred=0.1, y_true=1)
    high = widget.markers["bce"].get_ydata()[0]
    curve_for_one = widget.curves["bce"].get_ydata().copy()

    widget.y_true.value = 0
    assert widget.markers["bce"].get_ydata()[0] == pytest.approx(-np.log(0.9))
    assert widget.markers["bce"].get_ydata()[0] < high
    np.testing.assert_allclose(widget.curves["bce"].get_ydata(), curve_for_one[::-1])
    assert "y = 0" in widget.ax.get_title()


def test_regression_widget_moving_one_prediction_updates_loss_and_cost():
    widget = RegressionLossWidget()
    i = widget.point.value
    assert widget.prediction.value == pytest.approx(DEFAULT_Y_PRED[i])
    old_cost = widget.errors().mse

    widget.prediction.value = 4.5
    expected = (DEFAULT_Y[i] - 4.5) ** 2
    assert widget.squared_bars[i].get_height() == pytest.approx(expected)
    assert widget.absolute_bars[i].get_height() == pytest.approx(abs(DEFAULT_Y[i] - 4.5))
    new_cost = np.mean((DEFAULT_Y - np.r_[DEFAULT_Y_PRED[:i], 4.5, DEFAULT_Y_PRED[i + 1:]]) ** 2)
    assert widget.mse_line.get_ydata()[0] == pytest.approx(new_cost)
    assert new_cost > old_cost
    assert f"{new_cost:.3f}" in widget.status.value
    assert widget.squares[i].get_height() == pytest.approx(abs(DEFAULT_Y[i] - 4.5))
    assert widget.prediction_points.get_ydata()[i] == pytest.approx(4.5)


def test_regression_widget_switching_point_keeps_each_prediction():
    widget = RegressionLossWidget()
    widget.prediction.value = 4.5  # last point
    widget.point.value = 0
    assert widget.prediction.value == pytest.approx(DEFAULT_Y_PRED[0])
    assert widget.y_pred[0] == pytest.approx(DEFAULT_Y_PRED[0])
    assert widget.y_pred[-1] == pytest.approx(4.5)
    assert widget.selected.get_xdata()[0] == pytest.approx(widget.x[0])

    widget.prediction.value = 0.0
    assert widget.y_pred[0] == 0.0 and widget.y_pred[-1] == pytest.approx(4.5)

    widget.reset.click()
    np.testing.assert_allclose(widget.y_pred, DEFAULT_Y_PRED)
    assert widget.prediction.value == pytest.approx(DEFAULT_Y_PRED[0])
    np.testing.assert_allclose([b.get_height() for b in widget.squared_bars], (DEFAULT_Y - DEFAULT_Y_PRED) ** 2)


def test_widgets_are_reproducible_and_independent():
    first = RegressionLossWidget()
    first.prediction.value = 1.0
    second = RegressionLossWidget()  # must not see the first widget's moved point
    np.testing.assert_allclose(second.y_pred, DEFAULT_Y_PRED)
    second.prediction.value = 1.0
    assert first.status.value == second.status.value
    np.testing.assert_allclose(DEFAULT_Y_PRED, 0.6 * np.array([0.5, 1.25, 2.0, 2.75, 3.5, 4.25]) + 0.8)


def test_swedish_labels():
    set_language("sv")
    try:
        widget = PredictionLossWidget()
        labels = [text.get_text() for text in widget.ax.get_legend().get_texts()]
        assert "binär korsentropi" in labels
        assert widget.ax.get_xlabel().startswith("predikterad sannolikhet")
        assert "kvadratfel" in widget.status.value
        assert "ŷ = 0,70: kvadratfel 0,090" in widget.status.value
        assert readout(widget.y_pred).value == "0,70"
        regression = RegressionLossWidget()
        assert regression.axes[1].get_title() == "Förlust per punkt och kostnad"
        assert regression.reset.description == "Börja om"
    finally:
        set_language("en")


def test_cost_plot_keeps_room_for_its_legend_in_round_steps_and_reads_the_costs():
    widget = RegressionLossWidget()
    right = widget.axes[1]
    for value in (4.9, 0.2, 2.0, 3.35, 5.0):
        widget.prediction.value = value
        errors = widget.errors()
        top = max(errors.squared.max(), errors.absolute.max(), 0.25)
        low, high = right.get_ylim()
        assert low == 0 and 1.6 * top <= high < 1.6 * top * 4 / 3 + 1e-9  # every bar shown, room above it
        mantissa = high / 10 ** np.floor(np.log10(high))
        assert round(mantissa, 9) in (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0)
        labels = [text.get_text() for text in right.get_legend().get_texts()]
        assert labels[0].endswith(f"{errors.mse:.3f}") and labels[1].endswith(f"{errors.mae:.3f}")
    assert len([child for child in right.get_children() if child is right.get_legend()]) == 1
