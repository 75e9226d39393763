import numpy as np
import pytest

from course import set_language
from course.widgets.controls import readout
from course.widgets.softmax import (
    EXP_OVERFLOW,
    LogitExplorer,
    TemperatureExplorer,
    cross_entropy_gradient_one,
    cross_entropy_one,
    decision_grid,
    entropy,
    log_softmax,
    plot_decision_regions,
    plot_history,
    plot_softmax_vs_sigmoid,
    probability_image,
    softmax_jacobian,
    softmax_with_temperature,
)
from course.plots import new_figure
from nnlib.gradcheck import numerical_gradient
from nnlib.losses import CrossEntropy

# The lesson's hand-worked example: z = (1, 3, 0), e^z = (2.718, 20.086, 1), sum 23.804.
Z_HAND = np.array([1.0, 3.0, 0.0])
P_HAND = np.array([2.718282, 20.085537, 1.0]) / 23.803819


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language("en")


# Pure functions


def test_hand_worked_softmax_loss_and_gradient():
    np.testing.assert_allclose(softmax_with_temperature(Z_HAND), P_HAND, rtol=1e-6)
    # L = -ln 0.1142 = 2.1698 for class 0; -ln 0.8438 = 0.1698 for class 1
    assert cross_entropy_one(Z_HAND, 0) == pytest.approx(2.16984, abs=1e-5)
    assert cross_entropy_one(Z_HAND, 1) == pytest.approx(0.16984, abs=1e-5)
    np.testing.assert_allclose(cross_entropy_gradient_one(Z_HAND, 0), P_HAND - [1, 0, 0], rtol=1e-6)
    # four equal scores: p = 1/4 each, L = ln 4
    assert cross_entropy_one(np.zeros(4), 3) == pytest.approx(np.log(4))
    np.testing.assert_allclose(cross_entropy_gradient_one(np.zeros(4), 3), [0.25, 0.25, 0.25, -0.75])


def test_gradient_matches_central_differences_and_nnlib():
    rng = np.random.default_rng(3)
    for _ in range(5):
        z = rng.normal(scale=3.0, size=6)
        c = int(rng.integers(0, 6))
        numeric = numerical_gradient(lambda v: cross_entropy_one(v, c), z.copy())
        np.testing.assert_allclose(cross_entropy_gradient_one(z, c), numeric, atol=1e-6)
        loss = CrossEntropy()
        assert loss.forward(z[None, :], np.array([c])) == pytest.approx(cross_entropy_one(z, c))
        np.testing.assert_allclose(loss.backward()[0], cross_entropy_gradient_one(z, c))


def test_stable_for_huge_and_tiny_scores_without_warnings():
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        np.testing.assert_allclose(softmax_with_temperature(Z_HAND + 999), P_HAND, rtol=1e-6)
        np.testing.assert_allclose(softmax_with_temperature(Z_HAND - 1001), P_HAND, rtol=1e-6)
        # p_1 = e^-1000 rounds to 0, but the loss is computed from the scores: exactly 1000
        assert cross_entropy_one([1000.0, 0.0], 1) == pytest.approx(1000.0)
        assert np.all(np.isfinite(log_softmax([1000.0, 0.0, -1000.0])))
    assert EXP_OVERFLOW == pytest.approx(709.78, abs=0.01)


def test_temperature_sharpens_flattens_and_keeps_the_order():
    z = np.array([2.0, 1.0, 0.1])
    np.testing.assert_allclose(softmax_with_temperature(z, 0.5), softmax_with_temperature(2 * z, 1.0))
    cold, hot = softmax_with_temperature(z, 0.05), softmax_with_temperature(z, 1000.0)
    assert cold[0] > 0.999
    np.testing.assert_allclose(hot, 1 / 3, atol=1e-3)
    for T in (0.1, 1.0, 10.0):
        p = softmax_with_temperature(z, T)
        assert list(np.argsort(p)) == [2, 1, 0]
    assert entropy([1.0, 0.0, 0.0]) == 0.0
    assert entropy(np.full(4, 0.25)) == pytest.approx(np.log(4))


def test_jacobian_by_hand_and_numerically():
    # two equal scores: p = (1/2, 1/2), J = [[1/4, -1/4], [-1/4, 1/4]]
    np.testing.assert_allclose(softmax_jacobian([0.0, 0.0]), [[0.25, -0.25], [-0.25, 0.25]])
    J = softmax_jacobian(Z_HAND)
    columns = [numerical_gradient(lambda v, i=i: softmax_with_temperature(v)[i], Z_HAND.copy()) for i in range(3)]
    np.testing.assert_allclose(J, np.array(columns), atol=1e-6)
    np.testing.assert_allclose(J.sum(axis=0), 0.0, atol=1e-12)
    # chain rule through the Jacobian gives p - y
    y = np.array([1.0, 0.0, 0.0])
    np.testing.assert_allclose(J.T @ (-y / P_HAND), P_HAND - y, rtol=1e-5)


def test_decision_grid_and_image():
    X = np.array([[-1.0, 0.0], [1.0, 0.0]])

    def forward(points):  # class 0 on the left, class 1 on the right
        return np.column_stack([-points[:, 0], points[:, 0]]) * 5

    xx, yy, P = decision_grid(forward, X, resolution=11, margin=0.0)
    assert xx.shape == yy.shape == (11, 11) and P.shape == (11, 11, 2)
    np.testing.assert_allclose(P.sum(axis=-1), 1.0)
    assert P[5, 0, 0] > 0.99 and P[5, -1, 1] > 0.99
    np.testing.assert_allclose(P[:, 5], 0.5)
    image = probability_image(P)
    assert image.shape == (11, 11, 3) and image.min() >= 0.55 - 1e-12 and image.max() <= 1.0


def test_error_messages():
    with pytest.raises(ValueError, match=r"shape \(K,\) with K >= 2"):
        softmax_with_temperature([1.0])
    with pytest.raises(ValueError, match="temperature T > 0"):
        softmax_with_temperature([1.0, 2.0], 0.0)
    with pytest.raises(ValueError, match="0 … 2, but received 3"):
        cross_entropy_one([1.0, 2.0, 3.0], 3)
    with pytest.raises(ValueError, match="finite scores"):
        cross_entropy_gradient_one([1.0, np.inf], 0)
    with pytest.raises(ValueError, match=r"\(N, 2\)"):
        decision_grid(lambda P: P, np.zeros((3, 3)))
    with pytest.raises(ValueError, match="2 to 6 classes"):
        LogitExplorer(logits=np.zeros(7))


# Widgets


def test_logit_explorer_bars_gradient_and_status_follow_the_controls():
    widget = LogitExplorer(logits=(1.0, 3.0, 0.0), true_class=0)
    widget.refresh()
    heights = [bar.get_height() for bar in widget.p_bars]
    np.testing.assert_allclose(heights, P_HAND, rtol=1e-6)
    np.testing.assert_allclose([bar.get_height() for bar in widget.g_bars], P_HAND - [1, 0, 0], rtol=1e-6)
    assert [label.get_text() for label in widget.p_labels] == ["0.114", "0.844", "0.042"]
    assert "2.170" in widget.status.value and "predicted class 1 (wrong)" in widget.status.value
    green = widget.p_bars[0].get_facecolor()

    widget.logit_sliders[0].value = 5.0
    assert widget.predicted == 0
    assert widget.p_bars[0].get_height() > 0.8
    assert widget.p_labels[0].get_position()[1] == pytest.approx(widget.p_bars[0].get_height())
    assert "predicted class 0 (right)" in widget.status.value
    assert widget.loss == pytest.approx(cross_entropy_one([5.0, 3.0, 0.0], 0))

    widget.true_class.value = 2
    assert widget.g_bars[2].get_height() < 0 and widget.g_bars[0].get_height() > 0
    assert widget.p_bars[2].get_facecolor() == green and widget.p_bars[0].get_facecolor() != green
    assert "ln p<sub>2</sub>" in widget.status.value and "(wrong)" in widget.status.value
    assert sum(bar.get_height() for bar in widget.g_bars) == pytest.approx(0.0, abs=1e-12)


def test_temperature_explorer_moves_bars_line_and_status():
    widget = TemperatureExplorer(logits=(2.0, 1.0, 0.1))
    widget.refresh()
    np.testing.assert_allclose([bar.get_height() for bar in widget.bars], [0.659, 0.242, 0.099], atol=1e-3)
    widget.temperature.value = 0.1
    assert widget.bars[0].get_height() > 0.999
    assert widget.marker.get_xdata()[0] == pytest.approx(0.1)
    assert "T = 0.10" in widget.status.value and "most likely class 0" in widget.status.value
    assert widget.axes[0].get_title().endswith("0.10")
    widget.temperature.value = 20.0
    np.testing.assert_allclose([bar.get_height() for bar in widget.bars], 1 / 3, atol=0.02)
    assert widget.labels[2].get_position()[1] == pytest.approx(widget.bars[2].get_height())


def test_swedish_labels_status_and_readouts():
    set_language("sv")
    widget = LogitExplorer(logits=(1.0, 3.0, 0.0), true_class=0)
    widget.refresh()
    assert [label.get_text() for label in widget.p_labels] == ["0,114", "0,844", "0,042"]
    assert "förlust −ln p<sub>0</sub> = 2,170" in widget.status.value
    assert "(0,114; 0,844; 0,042)" in widget.status.value and "predikterad klass 1 (fel)" in widget.status.value
    assert widget.true_class.description == "rätt klass c"
    assert readout(widget.logit_sliders[1]).value == "3,0"

    temperature = TemperatureExplorer()
    temperature.temperature.value = 0.5
    assert "T = 0,50" in temperature.status.value and "mest sannolik klass 0" in temperature.status.value
    assert readout(temperature.temperature).value == "0,50"
    assert temperature.axes[1].get_xlabel() == "temperatur $T$ (log. skala)"


def test_lesson_plots_draw_in_the_notebook_language():
    set_language("sv")
    fig, axes = new_figure(ncols=2)
    plot_softmax_vs_sigmoid(axes, [2.0, 0.5, -1.0, 1.5], ["a", "b", "c", "d"])
    assert axes[0].get_title() == "softmax: summan är 1,00"
    assert axes[1].get_title() == "en sigmoid per etikett: summan är 2,59"
    assert [text.get_text() for text in axes[1].texts] == ["0,88", "0,62", "0,27", "0,82"]

    class History:
        loss, val_loss = [1.0, 0.5], [1.1, 0.6]
        metrics = {"accuracy": [0.4, 0.9], "val_accuracy": [0.35, 0.85]}

    fig, axes = new_figure(ncols=2)
    plot_history(axes, History())
    assert axes[0].get_legend().get_texts()[1].get_text() == "valideringsdata"
    assert axes[1].get_legend().get_texts()[2].get_text() == "gissning (1/3)"

    fig, ax = new_figure()
    X = np.array([[-1.0, 0.0], [1.0, 0.0], [0.0, 1.0]])
    image = plot_decision_regions(ax, lambda P: np.column_stack([-P[:, 0], P[:, 0], P[:, 1]]), X,
                                  np.array([0, 1, 2]), trained=False, resolution=20)
    assert image.get_array().shape == (20, 20, 3)
    assert ax.get_title() == "beslutsområden före träningen"
    assert [text.get_text() for text in ax.get_legend().get_texts()] == ["klass 0", "klass 1", "klass 2"]
