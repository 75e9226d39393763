import matplotlib

matplotlib.use("Agg")

import numpy as np
import pytest

from course import set_language
from course.widgets.convolution import (
    EXAMPLE_IMAGE,
    EXAMPLE_KERNEL,
    PRESETS,
    ConvolutionStepper,
    KernelExplorer,
    conv_param_count,
    dense_param_count,
    feature_map,
    flip,
    max_pool,
    output_size,
    parse_weight,
    plot_digits,
    plot_example,
    plot_feature_maps,
    plot_filters,
    plot_pooling,
    preset_kernel,
    preset_texts,
    product_terms,
    sum_text,
    window_origins,
)
from nnlib import Conv2D, MaxPool2D


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language("en")


# Pure functions, checked against numbers worked by hand


def test_hand_worked_values_of_the_lesson():
    # Window at (0, 0): only its bottom row meets the bar: (−1)·0 + (−2)·1 + (−1)·2 = −4.
    # Window at (0, 1): bottom row [1, 2, 2]: −1 − 4 − 2 = −7.
    # Window at (2, 1): top row [1, 2, 2] under weights 1, 2, 1: 1 + 4 + 2 = 7.
    Y = feature_map(EXAMPLE_IMAGE, EXAMPLE_KERNEL)
    assert Y.shape == (4, 4)
    assert Y[0, 0] == -4 and Y[0, 1] == -7 and Y[2, 1] == 7
    np.testing.assert_array_equal(Y, [[-4, -7, -7, -4], [-4, -7, -7, -4], [4, 7, 7, 4], [4, 7, 7, 4]])


def test_feature_map_is_the_exercises_small_example_and_does_not_flip():
    # Exercise 10, question 2: X = 1..9 as 3×3, K = [[1, 2], [0, −1]] gives [[0, 2], [6, 8]].
    X = np.arange(1.0, 10.0).reshape(3, 3)
    K = np.array([[1.0, 2.0], [0.0, -1.0]])
    np.testing.assert_array_equal(feature_map(X, K), [[0, 2], [6, 8]])
    # The mathematicians' convolution flips the kernel: 1·… differs, e.g. at (0, 0):
    # flipped K = [[−1, 0], [2, 1]]: −1·1 + 0·2 + 2·4 + 1·5 = 12.
    assert feature_map(X, flip(K))[0, 0] == 12


def test_flip_matches_numpys_convolve_in_one_dimension():
    # numpy.convolve is the mathematicians' convolution; numpy.correlate is the course's.
    x = np.array([0.0, 1.0, 3.0, 2.0, 5.0])
    k = np.array([1.0, 0.0, -2.0])
    ours = feature_map(x[np.newaxis], k[np.newaxis])[0]
    np.testing.assert_allclose(ours, np.correlate(x, k, mode="valid"))
    np.testing.assert_allclose(feature_map(x[np.newaxis], flip(k[np.newaxis]))[0], np.convolve(x, k, mode="valid"))


def test_feature_map_agrees_with_nnlib_conv2d_for_padding_and_stride():
    rng = np.random.default_rng(3)
    image = rng.normal(size=(7, 6))
    kernel = rng.normal(size=(3, 3))
    for stride in (1, 2, 3):
        for padding in (0, 1, 2):
            layer = Conv2D(1, 1, 3, stride=stride, padding=padding, rng=0)
            layer.params["W"][...] = kernel
            layer.params["b"][...] = 0.0
            expected = layer.forward(image.reshape(1, 1, 7, 6))[0, 0]
            np.testing.assert_allclose(feature_map(image, kernel, stride, padding), expected, atol=1e-12)
            assert expected.shape == (output_size(7, 3, stride, padding), output_size(6, 3, stride, padding))


def test_output_size_formula_and_its_errors():
    assert output_size(8, 3) == 6
    assert output_size(8, 3, padding=1) == 8
    assert output_size(28, 3, stride=2, padding=1) == 14
    assert output_size(6, 3, stride=2) == 2  # ⌊3/2⌋ + 1: the last column is never visited
    with pytest.raises(ValueError, match=r"expected kernel_size <= size \+ 2\*padding = 2, but received kernel_size 3"):
        output_size(2, 3)
    with pytest.raises(ValueError, match=r"expected stride to be an integer >= 1, but received 0"):
        output_size(8, 3, stride=0)


def test_window_origins_go_row_by_row():
    origins = window_origins((6, 6), 3, stride=2, padding=1)
    np.testing.assert_array_equal(origins, [[0, 0], [0, 2], [0, 4], [2, 0], [2, 2], [2, 4], [4, 0], [4, 2], [4, 4]])
    assert len(window_origins((6, 6), 3)) == 16


def test_max_pool_by_hand_and_against_nnlib():
    # The exercise's example: odd last column dropped.
    X = np.array([[1, 3, 2, 0, 5], [4, -1, 6, 1, 5], [0, 2, -3, -2, 5], [1, 0, -4, -1, 5]], dtype=float)
    np.testing.assert_array_equal(max_pool(X), [[4, 6], [2, -1]])
    rng = np.random.default_rng(0)
    Z = rng.normal(size=(8, 8))
    np.testing.assert_array_equal(max_pool(Z), MaxPool2D(2).forward(Z.reshape(1, 1, 8, 8))[0, 0])


def test_parameter_counts_match_nnlib():
    assert conv_param_count(1, 8, 3) == 80 == Conv2D(1, 8, 3, rng=0).n_params()
    assert conv_param_count(3, 64, 3) == 1792
    assert dense_param_count(64, 512) == 33280
    from nnlib import Dense

    assert dense_param_count(64, 10) == Dense(64, 10, rng=0).n_params()


def test_parse_weight_reads_both_languages_and_fractions():
    assert parse_weight("0,5") == 0.5 and parse_weight("0.5") == 0.5
    assert parse_weight("−1") == -1 and parse_weight(" -2 ") == -2
    assert parse_weight("1/9") == pytest.approx(1 / 9)
    assert parse_weight("−2/16") == pytest.approx(-0.125)
    for bad in ("", "abc", "1/0", "1,2,3", "2e3x", "1//2"):
        assert parse_weight(bad) is None, bad


def test_presets_and_their_texts():
    assert preset_kernel("box_blur").sum() == pytest.approx(1.0)
    assert preset_kernel("sharpen").sum() == pytest.approx(1.0)
    assert preset_kernel("outline").sum() == 0
    for name in PRESETS:
        values = [parse_weight(text) for text in preset_texts(name)]
        np.testing.assert_allclose(np.reshape(values, (3, 3)), preset_kernel(name))
    assert preset_texts("box_blur")[0] == "1/9"
    assert preset_texts("sharpen")[1] == "−1"


def test_product_terms_and_sum_text_in_swedish():
    window, products, total = product_terms(EXAMPLE_IMAGE, EXAMPLE_KERNEL, (0, 1))
    assert total == -7
    np.testing.assert_array_equal(products[2], [-1, -4, -2])
    set_language("sv")
    text = sum_text([0.5, -1.5], [2, 1])
    assert text == "0,5·2 + (−1,5)·1 = −0,5"


# The stepper widget


def test_stepper_moves_the_window_and_fills_the_map_cell_by_cell():
    w = ConvolutionStepper()
    w.refresh()
    assert w.step.max == 15
    assert w.window_patch.get_xy() == (-0.5, -0.5)
    shown = np.ma.getdata(w.map_image.get_array())
    assert np.isfinite(shown).sum() == 1 and shown[0, 0] == -4
    assert "Y[0, 0] =" in w.status.value and "= −4" in w.status.value

    from course.widgets.controls import readout

    w.next.click()
    assert w.step.value == 1 and readout(w.step).value == "1"
    assert w.window_patch.get_xy() == (0.5, -0.5)
    assert w.cell_patch.get_xy() == (0.5, -0.5)
    shown = np.ma.getdata(w.map_image.get_array())
    assert np.isfinite(shown).sum() == 2 and shown[0, 1] == -7
    assert "= −7" in w.status.value

    w.step.value = 9  # row 2, column 1 of the map
    assert w.window_patch.get_xy() == (0.5, 1.5)
    assert w.current_value == 7
    assert np.isfinite(np.ma.getdata(w.map_image.get_array())).sum() == 10

    w.previous.click()
    assert w.step.value == 8 and w.cell_patch.get_xy() == (-0.5, 1.5)
    w.step.value = 0
    w.previous.click()
    assert w.step.value == 0  # the first window stays the first


def test_stepper_padding_and_stride_change_the_output_size():
    w = ConvolutionStepper()
    w.refresh()
    w.step.value = 15
    w.padding.value = 1
    assert w.result.shape == (6, 6) and w.step.max == 35
    assert "⌊(6 + 2·1 − 3)/1⌋ + 1 = 6" in w.axes[1].get_title()
    assert w.axes[0].get_title().endswith("8×8")
    w.stride.value = 2
    assert w.result.shape == (3, 3) and w.step.max == 8
    assert w.step.value == 8  # clamped into the new range
    assert w.window_patch.get_xy() == (3.5, 3.5)
    w.padding.value = 0
    assert w.result.shape == (2, 2) and w.step.max == 3
    assert "⌊(6 + 2·0 − 3)/2⌋ + 1 = 2" in w.axes[1].get_title()


def test_stepper_speaks_swedish_with_decimal_commas():
    set_language("sv")
    w = ConvolutionStepper(kernel=EXAMPLE_KERNEL / 2)
    w.refresh()
    w.step.value = 1
    assert "Fönster 2 av 16" in w.status.value
    assert "= −3,5" in w.status.value and "(−0,5)·1" in w.status.value
    texts = [text.get_text() for text in w.axes[0].texts]
    assert "×0,5" in texts and "×−1" in texts
    assert not any("." in text for text in texts)


def test_stepper_rejects_a_non_square_kernel():
    with pytest.raises(ValueError, match=r"expected a square kernel, but received shape \(2, 3\)"):
        ConvolutionStepper(kernel=np.ones((2, 3)))


# The kernel explorer


def test_explorer_applies_the_kernel_to_the_digit():
    w = KernelExplorer(digit=3, preset="identity")
    w.refresh()
    digit = np.asarray(w.input_image.get_array())
    np.testing.assert_array_equal(w.result, digit)
    np.testing.assert_array_equal(np.asarray(w.map_image.get_array()), digit)

    w.preset.value = "box_blur"
    assert [box.value for box in w.boxes] == ["1/9"] * 9
    np.testing.assert_allclose(w.result, feature_map(digit, np.full((3, 3), 1 / 9), padding=1))
    assert w.result[3, 3] == pytest.approx(digit[2:5, 2:5].mean())
    assert "Sum of the kernel's weights: 1." in w.status.value

    w.padding.value = False
    assert w.result.shape == (6, 6)
    assert w.map_image.get_extent() == [-0.5, 5.5, 5.5, -0.5]
    assert w.axes[2].get_title() == "feature map (6×6)"


def test_explorer_boxes_edit_one_weight_and_switch_to_custom(screen):
    w = KernelExplorer(digit=0, preset="identity")
    w.refresh()
    pictures = screen.watch(w)
    w.boxes[4].value = "2"
    assert w.preset.value == "custom"
    assert w.kernel[1, 1] == 2
    np.testing.assert_allclose(w.result, 2 * np.asarray(w.input_image.get_array()))
    # One new picture per edit (not a second one for the switch to "custom"), and it shows
    # the new weight once in the kernel's grid: the centre 1 became a 2.
    [picture] = pictures
    assert picture.plots[1].texts.count("2") == 1 and picture.plots[1].texts.count("1") == 0

    w.boxes[0].value = "oops"
    assert w.kernel[0, 0] == 0  # the last valid value stays
    assert "Row 1, column 1: ”oops” is not a number" in w.status.value
    w.boxes[0].value = "−1/2"
    assert w.kernel[0, 0] == -0.5
    assert "not a number" not in w.status.value


def test_explorer_relu_and_digit_change_what_is_shown():
    w = KernelExplorer(digit=3, preset="horizontal_edge")
    w.refresh()
    assert w.result.min() < 0
    assert np.asarray(w.map_image.get_array()).min() < 0
    w.relu.value = True
    shown = np.asarray(w.map_image.get_array())
    assert shown.min() == 0 and shown.max() > 0
    np.testing.assert_array_equal(shown, np.maximum(feature_map(w.digits[3], EXAMPLE_KERNEL, padding=1), 0))
    assert "from 0 to" in w.status.value
    first_digit = np.asarray(w.input_image.get_array()).copy()
    first_map = shown.copy()
    w.digit.value = 7
    assert not np.array_equal(first_digit, np.asarray(w.input_image.get_array()))
    assert not np.array_equal(first_map, np.asarray(w.map_image.get_array()))
    np.testing.assert_array_equal(np.asarray(w.input_image.get_array()), w.digits[7])


def test_explorer_in_swedish_writes_decimal_commas():
    set_language("sv")
    w = KernelExplorer(digit=5, preset="gaussian_blur")
    w.refresh()
    assert "Summan av kärnans vikter: 1." in w.status.value
    texts = [text.get_text() for text in w.axes[1].texts]
    assert "0,125" in texts and "0,25" in texts
    low_high = w.status.value.split("från ")[1]
    assert "." not in low_high.split(" (")[0]
    assert w.preset.options[0][0] == "identitet (ändrar ingenting)"
    w.boxes[1].value = "0,5"
    assert w.kernel[0, 1] == 0.5


# The static plots draw what they are given


def test_plots_draw_the_given_numbers():
    Y = feature_map(EXAMPLE_IMAGE, EXAMPLE_KERNEL)
    fig = plot_example(result=Y)
    assert [text.get_text() for text in fig.axes[2].texts][:4] == ["−4", "−7", "−7", "−4"]
    fig = plot_pooling(Y)
    assert [text.get_text() for text in fig.axes[1].texts] == ["−4", "−4", "7", "7"]
    weights = np.arange(18.0).reshape(2, 1, 3, 3)
    fig = plot_filters(weights)
    assert len(fig.axes) == 2 and fig.axes[1].get_title() == "filter 2"
    with pytest.raises(ValueError, match=r"expected weights of shape \(C_out, 1, k, k\)"):
        plot_filters(np.zeros((2, 3, 3)))
    fig = plot_feature_maps(EXAMPLE_IMAGE, np.ones((3, 6, 6)))
    assert len(fig.axes) == 4


def _shown_texts(widget) -> list[str]:
    """Every text the student sees: figure texts and ticks, control labels and options, status."""
    import ipywidgets as widgets
    from matplotlib.text import Text

    widget.fig.canvas.draw()  # ticks get their labels when the figure is drawn
    texts = [artist.get_text() for artist in widget.fig.findobj(Text)]
    texts.append(widget.status.value)
    for control in widget.controls + [getattr(widget, name) for name in ("previous", "next", "preset") if hasattr(widget, name)]:
        texts.append(getattr(control, "description", ""))
        if isinstance(control, (widgets.Dropdown, widgets.ToggleButtons)):
            texts.extend(label for label, _ in control.options)
    return [text for text in texts if text]


@pytest.mark.parametrize("make", [
    lambda: ConvolutionStepper(kernel=EXAMPLE_KERNEL / 4),
    lambda: KernelExplorer(digit=2, preset="gaussian_blur"),
])
def test_nothing_english_and_no_decimal_point_in_swedish(make):
    import re

    set_language("sv")
    w = make()
    w.refresh()
    if isinstance(w, ConvolutionStepper):
        w.padding.value = 1
        w.step.value = 7
    else:
        w.boxes[4].value = "0,75"
    texts = _shown_texts(w)
    assert any("," in text for text in texts)  # there are decimals, and they are written with commas
    for text in texts:
        assert not re.search(r"\d\.\d", text), text
        for word in ("image", "kernel", "window", "digit", "Previous", "Next", "Sum ", " from ", "the "):
            assert word not in text, (word, text)


def test_plot_digits_draws_each_image_without_ticks():
    import matplotlib.pyplot as plt

    images = [EXAMPLE_IMAGE, np.roll(EXAMPLE_IMAGE, 1, axis=1)]
    fig = plot_digits(images)
    assert len(fig.axes) == 2
    for ax, image in zip(fig.axes, images):
        np.testing.assert_array_equal(ax.images[0].get_array(), image)
        assert list(ax.get_xticks()) == [] and list(ax.get_yticks()) == []
    with pytest.raises(ValueError, match=r"plot_digits: expected an image of shape \(H, W\), but received shape \(3,\)"):
        plot_digits([np.zeros(3)])
    plt.close("all")
