"""Exercise 10 (convolution): the reference solution passes its own tests, agrees with
nnlib's convolution and pooling and the hand-worked numbers in the text, and typical wrong
answers (a flipped kernel, a missing bias, a float output size, ...) fail hidden tests."""

from __future__ import annotations


import numpy as np

from course.exercise import load_exercise
from course.grader.codec import roundtrip
from nnlib.conv import Conv2D, MaxPool2D, conv2d_naive, conv_output_size
from exercise_helpers import hidden_failures, outcomes

STEM = "10_convolution"


def accepts_kernel(exercise, kernel):
    question = exercise.question("q3")
    test = question.tests()[0]
    return question.judge(exercise.expected(test), roundtrip(kernel)) is None


def test_questions_points_and_names(exercise):
    assert [(q.id, q.name, q.points) for q in exercise.questions] == [
        ("q1", "conv_output_size", 1), ("q2", "conv2d_valid", 2), ("q3", "vertical_edge_kernel", 1),
        ("q4", "max_pool_2x2", 2), ("q5", "conv2d_layer", 2),
    ]
    for question in exercise.questions:
        assert set(question.hint) == {"en", "sv"}
        if question.function is not None:
            assert question.public and len(question.hidden) >= 5


def test_reference_kernel_passes(exercise):
    assert accepts_kernel(exercise, exercise.namespace["vertical_edge_kernel"])


def test_hand_worked_examples_from_the_text(exercise):
    ns = exercise.namespace
    assert [ns["conv_output_size"](8, 3, 1, 0), ns["conv_output_size"](8, 3, 1, 1),
            ns["conv_output_size"](28, 3, 2, 1)] == [6, 8, 14]
    X = np.arange(1.0, 10.0).reshape(3, 3)
    np.testing.assert_array_equal(ns["conv2d_valid"](X, np.array([[1.0, 2.0], [0.0, -1.0]])), [[0.0, 2.0], [6.0, 8.0]])
    pool_example = np.array([[1.0, 3.0, 2.0, 0.0, 5.0], [4.0, -1.0, 6.0, 1.0, 5.0],
                             [0.0, 2.0, -3.0, -2.0, 5.0], [1.0, 0.0, -4.0, -1.0, 5.0]])
    np.testing.assert_array_equal(ns["max_pool_2x2"](pool_example), [[4.0, 6.0], [2.0, -1.0]])


def test_reference_agrees_with_nnlib(exercise):
    ns = exercise.namespace
    for size in range(3, 12):
        for kernel_size in range(1, 5):
            for stride in (1, 2, 3):
                for padding in (0, 1, 2):
                    assert ns["conv_output_size"](size, kernel_size, stride, padding) == conv_output_size(
                        size, kernel_size, stride, padding)
    rng = np.random.default_rng(0)
    image, kernel = rng.normal(size=(6, 7)), rng.normal(size=(3, 2))
    np.testing.assert_allclose(ns["conv2d_valid"](image, kernel),
                               conv2d_naive(image[None, None], kernel[None, None], np.zeros(1))[0, 0])
    X = rng.normal(size=(2, 3, 7, 6))
    np.testing.assert_allclose(ns["max_pool_2x2"](X[0, 0]), MaxPool2D(2).forward(X)[0, 0])
    for stride, padding in [(1, 0), (2, 1), (1, 2)]:
        layer = Conv2D(3, 4, 3, stride=stride, padding=padding, rng=1)
        layer.params["b"][...] = rng.normal(size=4)
        np.testing.assert_allclose(ns["conv2d_layer"](X, layer.params["W"], layer.params["b"], stride, padding),
                                   layer.forward(X), rtol=1e-10, atol=1e-12)


def test_hidden_cases_are_reproducible(exercise):
    again = load_exercise(STEM)
    assert sum(len(q.hidden) for q in again.questions) > 0, "no hidden cases to compare"
    for question, other in zip(exercise.questions, again.questions, strict=True):
        for test, same in zip(question.tests(), other.tests(), strict=True):
            if test.case is not None:
                for a, b in zip(test.case.args, same.case.args, strict=True):
                    np.testing.assert_array_equal(a, b)


def test_wrong_output_sizes_fail(exercise):
    assert hidden_failures(exercise, "q1", lambda H, k, s, p: (H + 2 * p - k) / s + 1) >= 5
    assert hidden_failures(exercise, "q1", lambda H, k, s, p: (H + p - k) // s + 1) >= 5
    assert hidden_failures(exercise, "q1", lambda H, k, s, p: round((H + 2 * p - k) / s) + 1) >= 1
    assert hidden_failures(exercise, "q1", lambda H, k, s, p: (H + 2 * p - k) // s) >= 5


def _conv_flipped(image, kernel):
    return conv2d_naive(image[None, None], kernel[::-1, ::-1][None, None], np.zeros(1))[0, 0]


def _conv_too_small(image, kernel):
    H, W = image.shape
    kH, kW = kernel.shape
    Y = np.zeros((H - kH, W - kW))
    for i in range(H - kH):
        for j in range(W - kW):
            Y[i, j] = np.sum(image[i:i + kH, j:j + kW] * kernel)
    return Y


def test_wrong_convolutions_fail(exercise):
    assert hidden_failures(exercise, "q2", _conv_flipped) >= 5
    assert outcomes(exercise, "q2", _conv_flipped)[0] == [False, False]
    assert hidden_failures(exercise, "q2", _conv_too_small) >= 5


def test_edge_kernel_accepts_every_left_to_right_edge_detector(exercise):
    sobel = np.array([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]])
    assert accepts_kernel(exercise, sobel)
    assert accepts_kernel(exercise, sobel.tolist())
    assert accepts_kernel(exercise, np.array([[-1, 0, 1]] * 3))
    assert accepts_kernel(exercise, np.array([[0.0, -1.0, 1.0]] * 3))
    assert accepts_kernel(exercise, 0.5 * sobel)


def test_edge_kernel_rejects_wrong_kernels(exercise):
    sobel = np.array([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]])
    assert not accepts_kernel(exercise, -sobel)  # finds bright-to-dark edges: negative response
    assert not accepts_kernel(exercise, sobel.T)  # a horizontal-edge detector
    assert not accepts_kernel(exercise, np.zeros((3, 3)))
    assert not accepts_kernel(exercise, np.ones((3, 3)) / 9)  # a blur
    assert not accepts_kernel(exercise, np.array([[1.0, -2.0, 1.0]] * 3))  # second difference: both signs
    assert not accepts_kernel(exercise, np.array([[-1.0, 1.0], [-1.0, 1.0]]))
    assert not accepts_kernel(exercise, np.array([[-1.0, 0.0, 1.0]] * 3) + 0.1)
    assert not accepts_kernel(exercise, np.array([[-1.0, 0.0, np.nan]] * 3))
    assert not accepts_kernel(exercise, "sobel")


def test_edge_kernel_feedback_names_the_broken_property(exercise):
    question = exercise.question("q3")
    expected = exercise.expected(question.tests()[0])
    rows = question.judge(expected, np.ones((3, 3))).render("en")
    assert "top to bottom" in rows and "sums of your kernel's rows" in rows
    sign = question.judge(expected, -np.array([[-1.0, 0.0, 1.0]] * 3)).render("sv")
    assert "mörk (0) till vänster" in sign
    assert "(3, 3)" in question.judge(expected, np.zeros((2, 3))).render("en")


def _pool_from_zero(image):
    Y = np.zeros((image.shape[0] // 2, image.shape[1] // 2))
    for i in range(Y.shape[0]):
        for j in range(Y.shape[1]):
            for u in range(2):
                for v in range(2):
                    Y[i, j] = max(Y[i, j], image[2 * i + u, 2 * j + v])
    return Y


def _pool_mean(image):
    H, W = image.shape[0] // 2 * 2, image.shape[1] // 2 * 2
    return image[:H, :W].reshape(H // 2, 2, W // 2, 2).mean(axis=(1, 3))


def _pool_keep_odd_edge(image):
    H, W = -(-image.shape[0] // 2), -(-image.shape[1] // 2)
    return np.array([[np.max(image[2 * i:2 * i + 2, 2 * j:2 * j + 2]) for j in range(W)] for i in range(H)])


def test_wrong_max_pools_fail(exercise):
    assert hidden_failures(exercise, "q4", _pool_from_zero) >= 6
    assert hidden_failures(exercise, "q4", _pool_mean) >= 6
    assert hidden_failures(exercise, "q4", _pool_keep_odd_edge) >= 3


def _layer_without_bias(X, W, b, stride, padding):
    return conv2d_naive(X, W, np.zeros_like(b), stride, padding)


def _layer_without_padding(X, W, b, stride, padding):
    return conv2d_naive(X, W, b, stride, 0)


def _layer_first_channel_only(X, W, b, stride, padding):
    return conv2d_naive(X[:, :1], W[:, :1], b, stride, padding)


def _layer_stride_in_the_wrong_place(X, W, b, stride, padding):
    # Windows start at i + u instead of i*s + u: the first rows of a stride-1 map.
    full = conv2d_naive(X, W, b, 1, padding)
    H_out = (X.shape[2] + 2 * padding - W.shape[2]) // stride + 1
    W_out = (X.shape[3] + 2 * padding - W.shape[3]) // stride + 1
    return full[:, :, :H_out, :W_out]


def test_wrong_layers_fail(exercise):
    assert hidden_failures(exercise, "q5", _layer_without_bias) >= 5
    assert hidden_failures(exercise, "q5", _layer_without_padding) >= 4
    assert hidden_failures(exercise, "q5", _layer_first_channel_only) >= 2
    assert hidden_failures(exercise, "q5", _layer_stride_in_the_wrong_place) >= 3


def test_a_wrong_edge_kernel_is_recognised_by_the_way_it_is_wrong(exercise):
    from course.exercise import Behaviour, recognise
    question = exercise.question("q3")
    tests = question.tests()
    expected = [exercise.expected(test) for test in tests]
    sobel = np.array([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]])
    for kernel, cause in ((-0.5 * sobel, "reversed_sign"), (3 * sobel.T, "horizontal_edges"),
                          (np.ones((3, 3)) / 9, "rows_not_balanced"), (np.array([[2.0, -4.0, 2.0]] * 3), "second_difference")):
        named = recognise(exercise, question, tests, expected, [Behaviour(value=roundtrip(kernel))])
        assert [item.id for item in named] == [cause]
    assert recognise(exercise, question, tests, expected, [Behaviour(value=roundtrip(sobel))]) == ()
    assert recognise(exercise, question, tests, expected, [Behaviour(value=roundtrip(np.zeros((2, 3))))]) == ()


def test_the_public_layer_cases_use_padding_and_stride(exercise):
    # the hint is about padding only the image axes and about the stride: check() must exercise both
    public = exercise.question("q5").public
    assert any(c.args[4] > 0 for c in public) and any(c.args[3] > 1 for c in public)
    assert any(c.args[4] > 0 and c.args[0].shape[1] > 1 for c in public)
