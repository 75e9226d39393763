import re

import matplotlib.pyplot as plt
import numpy as np
import pytest

from course import set_language
from course.widgets.perceptron import (
    START,
    DecisionLineWidget,
    PerceptronStepWidget,
    decision_line,
    draw_neuron,
    fmt,
    fmt_factor,
    fmt_vector,
    line_in_view,
    misclassified,
    perceptron_update,
    plot_points,
    predict,
    with_bias_input,
)
from course.widgets.controls import readout
from nnlib.datasets import logic_gate
from nnlib.perceptron import Perceptron

X_GATE = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language("en")


def test_with_bias_input_prepends_a_one():
    np.testing.assert_array_equal(with_bias_input([2.0, -1.0]), [1.0, 2.0, -1.0])
    np.testing.assert_array_equal(with_bias_input(X_GATE)[:, 0], np.ones(4))
    assert with_bias_input(X_GATE).shape == (4, 3)


def test_predict_by_hand():
    # AND with b = −1.5, w1 = w2 = 1: z = −1.5, −0.5, −0.5, 0.5
    np.testing.assert_array_equal(predict([-1.5, 1.0, 1.0], X_GATE), [0, 0, 0, 1])
    # z = 0 counts as class 1, as in nnlib: b = −1, w1 = 1, w2 = 0 gives z = 0 at (1, 0)
    np.testing.assert_array_equal(predict([-1.0, 1.0, 0.0], X_GATE), [0, 0, 1, 1])
    # the chapter-01 line of the widget's start, w = (1, 1, −0.5) on AND: two mistakes
    np.testing.assert_array_equal(misclassified([-0.5, 1.0, 1.0], *logic_gate("and")), [False, True, True, False])


def test_decision_line_end_points():
    x1, x2 = decision_line([-1.5, 1.0, 1.0])  # x2 = 1.5 − x1
    np.testing.assert_allclose(x1, [-0.5, 1.5])
    np.testing.assert_allclose(x2, [2.0, 0.0])
    x1, x2 = decision_line([-1.0, 2.0, 0.0])  # vertical: x1 = 0.5
    np.testing.assert_allclose(x1, [0.5, 0.5])
    np.testing.assert_allclose(x2, [-0.5, 1.5])
    x1, x2 = decision_line([1.0, 0.0, 0.0])
    assert x1.size == 0 and x2.size == 0


def test_line_in_view():
    assert line_in_view([-1.5, 1.0, 1.0])
    assert not line_in_view([-1.0, 0.5, 0.0])  # x1 = 2, right of the picture
    assert not line_in_view([0.0, 0.0, 0.0])


def test_one_update_by_hand():
    # Step 4 of the lesson: w = (−1, 0.5, −0.5), point (1, 1), y = 1, η = 0.5.
    # z = −1 + 0.5 − 0.5 = −1 → ŷ = 0, error 1, w ← w + 0.5 · 1 · (1, 1, 1) = (−0.5, 1, 0)
    update = perceptron_update([-1.0, 0.5, -0.5], [1.0, 1.0], 1, 0.5, index=3)
    assert update.z == pytest.approx(-1.0)
    assert (update.prediction, update.error, update.index) == (0, 1, 3)
    assert update.changed
    np.testing.assert_allclose(update.w_after, [-0.5, 1.0, 0.0])
    # Step 7: w = (−0.5, 1, 0), point (1, 0), y = 0: z = 0.5 → ŷ = 1, error −1 → (−1, 0.5, 0)
    update = perceptron_update([-0.5, 1.0, 0.0], [1.0, 0.0], 0, 0.5)
    assert update.error == -1
    np.testing.assert_allclose(update.w_after, [-1.0, 0.5, 0.0])
    # A correct point changes nothing.
    update = perceptron_update([-0.5, 1.0, 0.0], [0.0, 1.0], 0, 0.5)
    assert not update.changed
    np.testing.assert_array_equal(update.w_after, update.w_before)


def test_update_does_not_modify_its_input():
    w = np.array([-1.0, 0.5, -0.5])
    perceptron_update(w, [1.0, 1.0], 1, 0.5)
    np.testing.assert_array_equal(w, [-1.0, 0.5, -0.5])


def test_update_agrees_with_nnlib_perceptron():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(30, 2))
    y = (X[:, 0] - 0.5 * X[:, 1] > 0.2).astype(int)
    reference = Perceptron(2, learning_rate=0.3, init="random", rng=1)
    w = reference.w.copy()
    for i in rng.integers(0, len(y), size=60):
        update = perceptron_update(w, X[i], y[i], 0.3)
        error = reference.update(X[i], y[i])
        assert update.error == error
        w = update.w_after
        np.testing.assert_allclose(w, reference.w)


def test_update_errors_name_what_was_expected():
    with pytest.raises(ValueError, match=r"expected learning_rate > 0, but received 0"):
        perceptron_update([0.0, 0.0, 0.0], [1.0, 1.0], 1, 0)
    with pytest.raises(ValueError, match=r"expected x with 2 values .* but received x of shape \(3,\)"):
        perceptron_update([0.0, 0.0, 0.0], [1.0, 1.0, 1.0], 1, 0.5)


def test_numbers_are_written_as_by_hand():
    assert fmt(-0.5) == "−0.5"
    assert fmt(2.0) == "2"
    assert fmt(-0.0) == "0"
    assert fmt(0.1 + 0.2) == "0.3"
    assert fmt_factor(-1) == "(−1)" and fmt_factor(0.5) == "0.5"
    assert fmt_vector([-1.0, 0.5, 0.0]) == "(−1, 0.5, 0)"


def test_decision_line_widget_moves_the_line_and_counts_mistakes():
    widget = DecisionLineWidget(dataset="and", w1=1.0, w2=1.0, b=-0.5)
    widget.refresh()
    assert widget.n_wrong == 2
    assert "2 of 4 points misclassified" in widget.ax.get_title()
    np.testing.assert_allclose(widget.plot.wrong.get_offsets(), [[0, 1], [1, 0]])
    region_before = widget.plot.region.get_array().copy()

    widget.b.value = -1.5
    assert widget.n_wrong == 0
    assert len(widget.plot.wrong.get_offsets()) == 0
    assert "0 of 4" in widget.ax.get_title() and "0 of 4" in widget.status.value
    np.testing.assert_allclose(widget.plot.line.get_ydata(), [2.0, 0.0])
    assert widget.plot.region.get_array().sum() < region_before.sum()  # the orange side shrank

    widget.dataset.value = "xor"
    assert widget.n_wrong == 3
    assert widget.ax.get_title().startswith("XOR")
    np.testing.assert_allclose(widget.plot.class1.get_offsets(), [[0, 1], [1, 0]])

    widget.w1.value = 0.0
    widget.w2.value = 0.0
    assert len(widget.plot.line.get_xdata()) == 0
    assert "no line" in widget.status.value
    widget.w1.value = 1.0
    widget.b.value = 3.0
    assert "outside the picture" in widget.status.value


def test_step_widget_reproduces_the_hand_calculation():
    widget = PerceptronStepWidget(dataset="and", learning_rate=0.5, start=(-1.0, 0.5, -0.5))
    widget.refresh()
    assert "Press Step" in widget.status.value
    for _ in range(3):
        widget.step_button.click()
    np.testing.assert_array_equal(widget.w, [-1.0, 0.5, -0.5])  # three correct points
    assert "do not change" in widget.status.value
    assert len(widget.old_line.get_xdata()) == 0

    widget.step_button.click()  # step 4: the first update
    np.testing.assert_allclose(widget.w, [-0.5, 1.0, 0.0])
    assert "Step 4 (epoch 1): point 4, x = (1, 1), target y = 1" in widget.status.value
    assert "(−1, 0.5, −0.5) + 0.5·1·(1, 1, 1) = <b>(−0.5, 1, 0)</b>" in widget.status.value
    np.testing.assert_allclose(widget.used.get_offsets(), [[1.0, 1.0]])
    np.testing.assert_allclose(widget.old_line.get_data(), decision_line([-1.0, 0.5, -0.5]))
    np.testing.assert_allclose(widget.plot.line.get_data(), decision_line([-0.5, 1.0, 0.0]))

    for _ in range(4):
        widget.step_button.click()
    np.testing.assert_allclose(widget.w, [-0.5, 1.0, 0.5])  # after step 8, as by hand
    assert widget.finished_passes == [1, 2]
    assert "(−1, 0.5, 0) + 0.5·1·(1, 1, 1) = <b>(−0.5, 1, 0.5)</b>" in widget.status.value
    assert "Updates per epoch so far (2 finished): 1, 2" in widget.status.value


def test_step_widget_converges_on_and_like_nnlib():
    widget = PerceptronStepWidget(dataset="and", learning_rate=0.5, start=(-1.0, 0.5, -0.5))
    for _ in range(10):
        widget.epoch_button.click()
    reference = Perceptron(2, learning_rate=0.5)
    reference.w = np.array([-1.0, 0.5, -0.5])
    result = reference.fit(*logic_gate("and"), epochs=100)
    assert widget.converged_at == result.epochs_run == 6
    assert widget.finished_passes[:6] == result.errors_per_epoch
    np.testing.assert_allclose(widget.w, reference.w)
    assert "Converged: epoch 6" in widget.status.value
    assert "0 of 4" in widget.ax.get_title()


def test_step_widget_never_converges_on_xor():
    widget = PerceptronStepWidget(dataset="xor")
    for _ in range(30):
        widget.epoch_button.click()
    assert widget.converged_at is None
    assert len(widget.finished_passes) == 30 and min(widget.finished_passes) > 0
    assert "Converged" not in widget.status.value
    assert "…" in widget.status.value  # only the recent epochs are listed


def test_rest_of_epoch_stops_at_the_end_of_the_epoch():
    widget = PerceptronStepWidget()
    widget.step_button.click()
    widget.epoch_button.click()
    assert widget.steps == 4 and len(widget.finished_passes) == 1
    widget.epoch_button.click()
    assert widget.steps == 8


def test_learning_rate_scales_the_next_update():
    widget = PerceptronStepWidget(dataset="and", learning_rate=0.5, start=(-1.0, 0.5, -0.5))
    widget.learning_rate.value = 2.0
    for _ in range(4):
        widget.step_button.click()
    np.testing.assert_allclose(widget.w, [1.0, 2.5, 1.5])  # (−1, 0.5, −0.5) + 2 · (1, 1, 1)
    assert "η = 2" in widget.status.value


def test_reset_and_dataset_change_start_again():
    widget = PerceptronStepWidget(dataset="or")
    for _ in range(5):
        widget.step_button.click()
    assert widget.steps == 5
    widget.reset_button.click()
    assert widget.steps == 0 and widget.last is None and widget.finished_passes == []
    np.testing.assert_array_equal(widget.w, START)
    assert "Press Step" in widget.status.value
    widget.step_button.click()
    widget.dataset.value = "nand"
    assert widget.steps == 0
    np.testing.assert_array_equal(widget.w, START)
    assert widget.ax.get_title().startswith("NAND")


def test_widget_errors_name_what_was_expected():
    with pytest.raises(ValueError, match=r"expected dataset to be one of and, or, nand, xor, but received 'nor'"):
        DecisionLineWidget(dataset="nor")
    with pytest.raises(ValueError, match=r"expected start = \(b, w1, w2\), but received \(1.0, 2.0\)"):
        PerceptronStepWidget(start=(1.0, 2.0))


def test_labels_follow_the_language():
    set_language("sv")
    widget = PerceptronStepWidget()
    widget.refresh()
    assert widget.step_button.description == "Steg"
    assert widget.reset_button.description == "Börja om"
    assert "Tryck på Steg" in widget.status.value
    assert "felklassificerade" in widget.ax.get_title()
    legend = [text.get_text() for text in widget.ax.get_legend().get_texts()]
    assert "beslutsgräns" in legend
    widget.step_button.click()
    assert "; " in widget.status.value and not re.search(r"\d\.\d", widget.status.value)
    line = DecisionLineWidget(b=-0.5)
    assert readout(line.b).value == "−0,5"
    assert fmt_vector([1.0, -0.5]) == "(1; −0,5)"
    set_language("en")
    assert fmt_vector([1.0, -0.5]) == "(1, −0.5)"
    assert DecisionLineWidget().dataset.description == "data"


def test_draw_neuron_shows_the_worked_example():
    fig, ax = plt.subplots()
    # z = 0.4·2 + 0.3·(−1) − 0.6·0.5 − 0.1 = 0.1
    assert draw_neuron(ax, [2.0, -1.0, 0.5], [0.4, 0.3, -0.6], -0.1, "step") == 1.0
    texts = [text.get_text() for text in ax.texts]
    assert "z = 0.1" in texts and "ŷ = 1" in texts and "$w_{0}$ = −0.1" not in texts
    assert "$w_0$ = −0.1" in texts
    ax.clear()
    # σ(0.1) = 1 / (1 + e^−0.1) = 0.52498
    assert draw_neuron(ax, [2.0, -1.0, 0.5], [0.4, 0.3, -0.6], -0.1, "sigmoid") == pytest.approx(0.5249792)
    assert "ŷ = 0.525" in [text.get_text() for text in ax.texts]
    with pytest.raises(ValueError, match=r"expected x and w of the same shape \(m,\), but received \(2,\) and \(3,\)"):
        draw_neuron(ax, [1.0, 2.0], [1.0, 2.0, 3.0], 0.0)
    with pytest.raises(ValueError, match=r"expected activation 'step' or 'sigmoid', but received 'relu'"):
        draw_neuron(ax, [1.0], [1.0], 0.0, "relu")
    plt.close(fig)


def test_plot_points_colours_the_two_classes():
    fig, ax = plt.subplots()
    plot_points(ax, *logic_gate("xor"))
    class0, class1 = ax.collections
    np.testing.assert_allclose(class0.get_offsets(), [[0, 0], [1, 1]])
    np.testing.assert_allclose(class1.get_offsets(), [[0, 1], [1, 0]])
    assert ax.get_xlim() == (-0.5, 1.5)
    plt.close(fig)
