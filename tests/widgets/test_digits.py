import re

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.colors import to_hex

import nnlib
from course import set_language
from course.numbers import fmt
from course.plots import COLORS
from course.widgets.digits import (
    plot_hidden_activations,
    DigitPad,
    digit_probabilities,
    misclassified,
    most_confused,
    plot_confusion,
    plot_first_layer,
    plot_misclassified,
    shift_image,
)


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language("en")
    plt.close("all")


def preprocess(images):
    return np.asarray(images, dtype=float) / 16


@pytest.fixture(scope="module")
def digits():
    X, y = nnlib.datasets.load_digits()
    X_train, X_val, y_train, y_val = nnlib.train_test_split(X, y, test_size=0.2, stratify=True, rng=0)
    model = nnlib.MLP([64, 32, 10], rng=0)
    nnlib.fit(model, nnlib.CrossEntropy(), nnlib.Adam(0.01), preprocess(X_train), y_train, epochs=8,
              batch_size=64, rng=0, progress=False)
    return model, X_val[:40], y_val[:40]


# Pure functions


def test_shift_image_by_hand():
    image = np.zeros((8, 8))
    image[2, 3] = 16
    image[7, 7] = 8
    right = shift_image(image, 0, 1)
    assert right[2, 4] == 16 and right.sum() == 16  # the pixel in the last column falls off
    down = shift_image(image.ravel(), 1, 0)  # 64 flat pixels work too
    assert down[3, 3] == 16 and down.shape == (8, 8) and down.sum() == 16
    back = shift_image(shift_image(image, -1, -2), 1, 2)
    np.testing.assert_array_equal(back, image)
    assert shift_image(image, 8, 0).sum() == 0
    with pytest.raises(ValueError, match=r"expected an 8×8 image \(64 pixels\), but received shape \(3, 3\)"):
        shift_image(np.zeros((3, 3)), 0, 1)


def test_misclassified_and_most_confused_by_hand():
    np.testing.assert_array_equal(misclassified([1, 2, 3, 4], [1, 0, 3, 0]), [1, 3])
    C = [[50, 0, 2], [1, 45, 4], [0, 9, 39]]
    assert most_confused(C) == (2, 1, 9)
    assert C[2][2] == 39  # the caller's matrix is not changed
    with pytest.raises(ValueError, match=r"same shape, but received \(2,\) and \(3,\)"):
        misclassified([1, 2], [1, 2, 3])


def test_digit_probabilities_use_the_given_preprocessing(digits):
    model, X, _ = digits
    p = digit_probabilities(model, X, preprocess)
    assert p.shape == (40, 10)
    np.testing.assert_allclose(p.sum(axis=1), 1.0)
    scores = model.predict(X / 16)
    expected = np.exp(scores - scores.max(axis=1, keepdims=True))
    np.testing.assert_allclose(p, expected / expected.sum(axis=1, keepdims=True))
    one = digit_probabilities(model, X[3].reshape(8, 8), preprocess)
    np.testing.assert_allclose(one, p[3:4])
    raw = digit_probabilities(model, X, lambda images: images)  # forgetting to scale changes the answers
    assert not np.allclose(raw, p)


def test_plots_show_counts_wrong_images_and_weights(digits):
    model, X, y = digits
    fig, ax = plt.subplots()
    plot_confusion(ax, [[3, 1], [0, 2]], "title")
    assert sorted(text.get_text() for text in ax.texts) == ["1", "2", "3"]
    assert ax.get_xlabel() == "predicted digit" and ax.get_ylabel() == "true digit"

    p = np.full((3, 10), 0.01)
    p[0, 4], p[1, 7], p[2, 2] = 0.91, 0.91, 0.91
    fig = plt.figure()
    drawn = plot_misclassified(fig, X[:3], np.array([4, 1, 2]), p)
    assert drawn == [1]
    assert fig.axes[0].get_title() == "true 1, read 7 (91\u00a0%)"
    heights = [bar.get_height() for bar in fig.axes[1].patches]
    np.testing.assert_allclose(heights, p[1])
    assert to_hex(fig.axes[1].patches[7].get_facecolor()) == COLORS[1].lower()
    assert to_hex(fig.axes[1].patches[1].get_facecolor()) == COLORS[2].lower()

    fig = plt.figure()
    images = plot_first_layer(fig, model, count=5)
    np.testing.assert_allclose(images[2], model.layers[0].params["W"][2].reshape(8, 8))
    assert len(fig.axes) == 5 and fig.axes[4].get_title() == "unit 4"


# The drawing pad


def test_pad_loads_an_image_and_shows_its_probabilities(digits):
    model, X, y = digits
    pad = DigitPad(model, preprocess, X, y, index=3)
    pad.refresh()
    np.testing.assert_array_equal(pad.image, X[3].reshape(8, 8))
    p = digit_probabilities(model, X[3], preprocess)[0]
    np.testing.assert_allclose([bar.get_height() for bar in pad.bars], p)
    answer = int(p.argmax())
    assert to_hex(pad.bars[answer].get_facecolor()) == COLORS[1].lower()
    assert f"Validation image 3, label {y[3]}." in pad.status.value
    assert f"reads <b>{answer}</b>" in pad.status.value
    np.testing.assert_array_equal(pad.picture.get_array(), X[3].reshape(8, 8))

    pad.index.value = 7
    np.testing.assert_array_equal(pad.image, X[7].reshape(8, 8))
    assert pad.axes[0].get_title() == f"Validation image 7, label {y[7]}"
    with pytest.raises(ValueError, match="expected an index from 0 to 39, but received 40"):
        pad.load(40)


def test_drawing_with_the_mouse_changes_pixels_buttons_and_answer(digits):
    model, X, y = digits
    pad = DigitPad(model, preprocess, X, y)
    pad.refresh()
    pad.clear.click()
    assert not pad.image.any()
    assert "empty" in pad.status.value
    assert all(button.style.button_color == "#ffffff" for button in pad.pixels)

    pad.ink.value = 16
    before = [bar.get_height() for bar in pad.bars]
    for k in (3, 11, 19, 27, 35, 43, 51, 59):  # a vertical stroke in column 3
        pad.pixels[k].click()
    assert pad.image[:, 3].tolist() == [16.0] * 8 and pad.image.sum() == 128
    assert pad.pixels[27].style.button_color == "#000000"
    assert pad.label is None and "Your own drawing." in pad.status.value
    assert pad.axes[0].get_title() == "Your drawing"
    after = [bar.get_height() for bar in pad.bars]
    assert not np.allclose(before, after)
    np.testing.assert_allclose(after, digit_probabilities(model, pad.image, preprocess)[0])

    pad.ink.value = 8
    pad.pixels[0].click()
    assert pad.image[0, 0] == 8 and pad.pixels[0].style.button_color == "#808080"
    pad.ink.value = 0
    pad.pixels[0].click()
    assert pad.image[0, 0] == 0

    up, down, left, right = pad.shifts
    right.click()
    assert pad.image[:, 4].tolist() == [16.0] * 8 and not pad.image[:, 3].any()
    left.click()
    left.click()
    assert pad.image[:, 2].tolist() == [16.0] * 8
    down.click()
    assert pad.image[0, 2] == 0 and pad.image[1:, 2].tolist() == [16.0] * 7
    np.testing.assert_array_equal(pad.picture.get_array(), pad.image)


def test_pad_errors(digits):
    model, X, y = digits
    with pytest.raises(ValueError, match="expected as many labels as images .* 40 images and 3 labels"):
        DigitPad(model, preprocess, X, y[:3])
    pad = DigitPad(model, preprocess, X, y)
    with pytest.raises(ValueError, match=r"DigitPad.set_image: expected an 8×8 image"):
        pad.set_image(np.zeros(10))


def test_swedish_pad(digits):
    set_language("sv")
    model, X, y = digits
    pad = DigitPad(model, preprocess, X, y, index=1)
    pad.refresh()
    assert pad.ink.options == (("helt svart", 16), ("halvsvart", 8), ("sudd", 0))
    assert pad.clear.description == "töm"
    assert f"Valideringsbild 1, etikett {y[1]}." in pad.status.value
    assert "Nätverket läser" in pad.status.value
    assert re.search(r"\d,\d\u00a0%", pad.status.value) and not re.search(r"\d\.\d", pad.status.value)
    assert pad.axes[1].get_ylabel() == "sannolikhet"
    assert re.search(r"\d,\d\u00a0%", pad.axes[1].get_title())


def test_plot_hidden_activations_draws_one_bar_per_unit_and_counts_the_active_ones():
    fig, ax = plt.subplots()
    active = plot_hidden_activations(ax, np.array([0.0, 1.5, 0.0, 0.25]))
    assert active == 2
    assert [bar.get_height() for bar in ax.patches] == [0.0, 1.5, 0.0, 0.25]
    assert ax.get_title() == "Hidden layer: 2 of 4 units active"
    with pytest.raises(ValueError, match=r"expected activations of shape \(n_hidden,\), but received shape \(1, 4\)"):
        plot_hidden_activations(ax, np.zeros((1, 4)))
    set_language("sv")
    fig, ax = plt.subplots()
    plot_hidden_activations(ax, np.linspace(-1, 1, 2000))
    assert ax.get_title() == f"Dolt lager: {fmt(1000)} av {fmt(2000)} neuroner aktiva"
    assert fmt(1000) != "1000"
    assert ax.get_xlabel() == "dold neuron"
    plt.close("all")
