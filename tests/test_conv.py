"""Tests for nnlib.conv: Conv2D, MaxPool2D, im2col/col2im and the naive reference."""

from __future__ import annotations

import json

import numpy as np
import pytest

from nnlib.activations import ReLU
from nnlib.conv import (
    Conv2D,
    MaxPool2D,
    col2im,
    conv2d_naive,
    conv2d_naive_backward,
    conv_output_size,
    im2col,
)
from nnlib.gradcheck import gradcheck, numerical_gradient, relative_error
from nnlib.layers import Dense, Flatten
from nnlib.model import Sequential, load, save


def image_4x4() -> np.ndarray:
    """The numbers 1..16 row by row, as one grayscale image of shape (1, 1, 4, 4)."""
    return np.arange(1.0, 17.0).reshape(1, 1, 4, 4)


# --- hand-worked examples -------------------------------------------------------------


def test_output_size_formula():
    # (H + 2p - k) // s + 1
    assert conv_output_size(4, 3) == 2  # (4 - 3) // 1 + 1
    assert conv_output_size(4, 3, stride=2, padding=1) == 2  # (4 + 2 - 3) // 2 + 1 = 3 // 2 + 1
    assert conv_output_size(28, 3, padding=1) == 28  # "same" padding keeps the size
    assert conv_output_size(7, 3, stride=2) == 3  # (7 - 3) // 2 + 1


def test_conv_by_hand_4x4_image_3x3_kernels():
    # X = [[ 1,  2,  3,  4],
    #      [ 5,  6,  7,  8],
    #      [ 9, 10, 11, 12],
    #      [13, 14, 15, 16]]
    X = image_4x4()
    conv = Conv2D(1, 2, 3, init="zeros")
    # Filter 0 picks the main diagonal of each window; filter 1 is left column minus right column.
    conv.params["W"][0, 0] = np.eye(3)
    conv.params["W"][1, 0] = [[1, 0, -1], [1, 0, -1], [1, 0, -1]]
    conv.params["b"][:] = [0.5, 0.0]
    Y = conv.forward(X)
    assert Y.shape == (1, 2, 2, 2)  # (4 - 3) // 1 + 1 = 2
    # Diagonal of the window at (0, 0): 1 + 6 + 11 = 18, plus bias 0.5.
    # At (0, 1): 2 + 7 + 12 = 21; at (1, 0): 5 + 10 + 15 = 30; at (1, 1): 6 + 11 + 16 = 33.
    np.testing.assert_allclose(Y[0, 0], [[18.5, 21.5], [30.5, 33.5]])
    # Values grow by 1 per column, so every row gives x - (x + 2) = -2, three rows: -6.
    np.testing.assert_allclose(Y[0, 1], [[-6.0, -6.0], [-6.0, -6.0]])


def test_conv_by_hand_stride_2_padding_1():
    X = image_4x4()
    conv = Conv2D(1, 1, 3, stride=2, padding=1, init="zeros")
    conv.params["W"][0, 0] = np.eye(3)
    Y = conv.forward(X)
    # The padded image is 6x6 with a border of zeros; windows start at rows/columns 0 and 2.
    assert Y.shape == (1, 1, 2, 2)  # (4 + 2 - 3) // 2 + 1 = 2
    # Window (0, 0): pad 0 + X[0,0] 1 + X[1,1] 6 = 7;    window (0, 2): 0 + X[0,2] 3 + X[1,3] 8 = 11
    # Window (2, 0): 0 + X[2,0] 9 + X[3,1] 14 = 23;     window (2, 2): X[1,1] 6 + X[2,2] 11 + X[3,3] 16 = 33
    np.testing.assert_allclose(Y[0, 0], [[7.0, 11.0], [23.0, 33.0]])
    np.testing.assert_allclose(conv2d_naive(X, conv.W, conv.b, stride=2, padding=1), Y)


def test_conv_backward_by_hand():
    X = image_4x4()
    conv = Conv2D(1, 1, 3, init="zeros")
    conv.params["W"][0, 0] = np.eye(3)
    conv.forward(X)
    dX = conv.backward(np.ones((1, 1, 2, 2)))
    # Each of the 4 windows passes its gradient 1 to the 3 pixels on its diagonal:
    # window (0,0) -> (0,0),(1,1),(2,2); (0,1) -> (0,1),(1,2),(2,3);
    # window (1,0) -> (1,0),(2,1),(3,2); (1,1) -> (1,1),(2,2),(3,3). Pixels hit twice get 2.
    np.testing.assert_allclose(
        dX[0, 0], [[1, 1, 0, 0], [1, 2, 1, 0], [0, 1, 2, 1], [0, 0, 1, 1]]
    )
    # dW[u, v] sums the pixel under (u, v) over the 4 windows: dW[0, 0] = 1 + 2 + 5 + 6 = 14,
    # and dW[2, 2] = 11 + 12 + 15 + 16 = 54.
    assert conv.grads["W"][0, 0, 0, 0] == pytest.approx(14.0)
    assert conv.grads["W"][0, 0, 2, 2] == pytest.approx(54.0)
    # db sums dY over the 4 output positions.
    np.testing.assert_allclose(conv.grads["b"], [4.0])


def test_conv_first_layer_in_training_skips_only_the_image_gradient():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(2, 3, 6, 6))
    full, training = (Sequential([Conv2D(3, 4, 3, padding=1, rng=1), ReLU(), Flatten(), Dense(144, 2, rng=2)]) for _ in range(2))
    dY = rng.normal(size=(2, 2))
    for model in (full, training):
        model.forward(X)
    assert full.backward(dY).shape == X.shape
    assert training.backward(dY, input_grad=False) is None
    for (name, _, expected), (_, _, got) in zip(full.parameters(), training.parameters()):
        np.testing.assert_array_equal(got, expected, err_msg=name)


def test_im2col_by_hand():
    cols = im2col(image_4x4(), 3)
    # One row per window (2x2 = 4 windows), one column per kernel position (3x3 = 9).
    assert cols.shape == (4, 9)
    np.testing.assert_allclose(cols[0], [1, 2, 3, 5, 6, 7, 9, 10, 11])  # top-left window
    np.testing.assert_allclose(cols[3], [6, 7, 8, 10, 11, 12, 14, 15, 16])  # bottom-right window


def test_maxpool_by_hand():
    X = image_4x4()
    pool = MaxPool2D(2)
    Y = pool.forward(X)
    # The 2x2 blocks are [[1,2],[5,6]], [[3,4],[7,8]], [[9,10],[13,14]], [[11,12],[15,16]].
    np.testing.assert_allclose(Y[0, 0], [[6, 8], [14, 16]])
    dX = pool.backward(np.array([[[[1.0, 2.0], [3.0, 4.0]]]]))
    # Each gradient goes to the bottom-right pixel of its block, where the maximum was.
    np.testing.assert_allclose(dX[0, 0], [[0, 0, 0, 0], [0, 1, 0, 2], [0, 0, 0, 0], [0, 3, 0, 4]])


def test_maxpool_tie_sends_gradient_to_first_position_only():
    pool = MaxPool2D(2)
    X = np.array([[[[7.0, 7.0], [7.0, 7.0]]]])
    assert pool.forward(X)[0, 0, 0, 0] == 7.0
    dX = pool.backward(np.array([[[[5.0]]]]))
    np.testing.assert_allclose(dX[0, 0], [[5.0, 0.0], [0.0, 0.0]])


def test_maxpool_overlapping_windows_add_up():
    # Kernel 2, stride 1: the 9 at the centre is the maximum of all four windows.
    X = np.array([[[[1.0, 2.0, 3.0], [4.0, 9.0, 5.0], [6.0, 7.0, 8.0]]]])
    pool = MaxPool2D(2, stride=1)
    np.testing.assert_allclose(pool.forward(X)[0, 0], [[9, 9], [9, 9]])
    dX = pool.backward(np.ones((1, 1, 2, 2)))
    np.testing.assert_allclose(dX[0, 0], [[0, 0, 0], [0, 4, 0], [0, 0, 0]])


def test_maxpool_drops_leftover_edge():
    pool = MaxPool2D(2)
    X = np.arange(25.0).reshape(1, 1, 5, 5)
    Y = pool.forward(X)
    assert Y.shape == (1, 1, 2, 2)  # (5 - 2) // 2 + 1 = 2: the last row and column are not pooled
    np.testing.assert_allclose(Y[0, 0], [[6, 8], [16, 18]])


# --- agreement with the naive reference --------------------------------------------------


@pytest.mark.parametrize(
    "kernel_size, stride, padding",
    [(3, 1, 0), (3, 1, 1), (3, 2, 0), (3, 2, 1), (5, 3, 2), (1, 1, 0), ((2, 3), 2, 1), (4, 1, 3)],
)
def test_conv_matches_naive(kernel_size, stride, padding):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(3, 2, 9, 8))
    conv = Conv2D(2, 4, kernel_size, stride=stride, padding=padding, rng=1)
    conv.params["b"] = rng.normal(size=4)
    Y = conv.forward(X)
    np.testing.assert_allclose(Y, conv2d_naive(X, conv.W, conv.b, stride, padding), atol=1e-12)
    dY = rng.normal(size=Y.shape)
    dX = conv.backward(dY)
    dX_ref, dW_ref, db_ref = conv2d_naive_backward(dY, X, conv.W, stride, padding)
    np.testing.assert_allclose(dX, dX_ref, atol=1e-12)
    np.testing.assert_allclose(conv.grads["W"], dW_ref, atol=1e-12)
    np.testing.assert_allclose(conv.grads["b"], db_ref, atol=1e-12)


@pytest.mark.parametrize("stride, padding", [(1, 0), (2, 1), (3, 2)])
def test_col2im_is_the_adjoint_of_im2col(stride, padding):
    # <im2col(X), C> = <X, col2im(C)> for all X and C: the property backward relies on.
    rng = np.random.default_rng(2)
    X = rng.normal(size=(2, 3, 7, 6))
    cols = im2col(X, 3, stride, padding)
    C = rng.normal(size=cols.shape)
    assert np.sum(cols * C) == pytest.approx(np.sum(X * col2im(C, X.shape, 3, stride, padding)), rel=1e-12)


def test_conv_same_padding_keeps_size_and_batch_axis_is_independent():
    rng = np.random.default_rng(3)
    X = rng.normal(size=(5, 1, 28, 28))
    conv = Conv2D(1, 16, 3, padding=1, rng=0)
    Y = conv.forward(X)
    assert Y.shape == (5, 16, 28, 28)
    np.testing.assert_allclose(conv.forward(X[2:3]), Y[2:3], atol=1e-12)


# --- gradient checks (float64) ---------------------------------------------------------


@pytest.mark.parametrize(
    "in_channels, out_channels, kernel_size, stride, padding",
    [(1, 1, 3, 1, 0), (3, 2, 3, 2, 1), (2, 3, (2, 3), 1, 2), (2, 2, 3, 3, 0)],
)
def test_conv_gradcheck(in_channels, out_channels, kernel_size, stride, padding):
    rng = np.random.default_rng(4)
    X = rng.normal(size=(2, in_channels, 6, 7))
    conv = Conv2D(in_channels, out_channels, kernel_size, stride=stride, padding=padding, rng=5)
    conv.params["b"] = rng.normal(size=out_channels)
    # Loss sum(Y * R) for a fixed random R; errors for ∂/∂X, ∂/∂W and ∂/∂b.
    errors = gradcheck(conv, X, rng=6, details=True)
    assert set(errors) == {"X", "W", "b"}
    assert max(errors.values()) < 1e-6, errors


@pytest.mark.parametrize("kernel_size, stride", [(2, None), (3, 2), (2, 1), ((2, 3), None)])
def test_maxpool_gradcheck(kernel_size, stride):
    rng = np.random.default_rng(6)
    # A shuffled grid has no ties, and any two values differ by at least 0.01 >> eps, so
    # no perturbation can change which element is the maximum.
    n = 2 * 3 * 7 * 7
    X = (rng.permutation(n).reshape(2, 3, 7, 7) - n / 2) * 0.01
    assert gradcheck(MaxPool2D(kernel_size, stride), X, rng=7) < 1e-6


def test_conv_then_maxpool_gradcheck():
    rng = np.random.default_rng(7)
    X = rng.normal(size=(2, 2, 8, 8))
    conv, pool = Conv2D(2, 3, 3, padding=1, rng=8), MaxPool2D(2)
    R = rng.normal(size=(2, 3, 4, 4))

    def loss(_=None) -> float:
        return float(np.sum(pool.forward(conv.forward(X)) * R))

    loss()
    dX = conv.backward(pool.backward(R))
    assert relative_error(dX, numerical_gradient(loss, X)) < 1e-6


# --- error messages --------------------------------------------------------------------


def test_conv_wrong_ndim():
    conv = Conv2D(1, 4, 3)
    with pytest.raises(ValueError, match=r"expected X of shape \(N, 1, H, W\).*received shape \(28, 28\).*reshape\(1, 1, H, W\)"):
        conv.forward(np.zeros((28, 28)))
    with pytest.raises(ValueError, match=r"Conv2D: expected X of shape \(N, 1, H, W\).*received shape \(2, 1, 28, 28, 1\)"):
        conv.forward(np.zeros((2, 1, 28, 28, 1)))


def test_conv_wrong_channel_count():
    conv = Conv2D(3, 4, 3)
    with pytest.raises(ValueError, match=r"Conv2D: expected X with 3 channel\(s\).*received shape \(2, 1, 8, 8\) with 1 channel"):
        conv.forward(np.zeros((2, 1, 8, 8)))


def test_conv_input_smaller_than_kernel():
    with pytest.raises(ValueError, match=r"Conv2D: expected an input at least as large as the 5x5 kernel.*\(1, 1, 3, 3\)"):
        Conv2D(1, 1, 5).forward(np.zeros((1, 1, 3, 3)))
    with pytest.raises(ValueError, match=r"2x2 image \(4x4 after padding 1\) is smaller than the kernel"):
        Conv2D(1, 1, 5, padding=1).forward(np.zeros((1, 1, 2, 2)))
    # With enough padding the same input is fine.
    assert Conv2D(1, 1, 5, padding=2).forward(np.zeros((1, 1, 3, 3))).shape == (1, 1, 3, 3)


@pytest.mark.parametrize("stride", [0, -1, 1.5, True])
def test_conv_bad_stride(stride):
    with pytest.raises(ValueError, match=rf"Conv2D: expected stride to be an integer >= 1, but received {stride!r}"):
        Conv2D(1, 1, 3, stride=stride)


def test_conv_negative_padding():
    with pytest.raises(ValueError, match=r"Conv2D: expected padding to be an integer >= 0, but received -1"):
        Conv2D(1, 1, 3, padding=-1)


def test_conv_bad_sizes_and_init():
    with pytest.raises(ValueError, match=r"Conv2D: expected kernel_size to be an integer >= 1, but received 0"):
        Conv2D(1, 1, 0)
    with pytest.raises(ValueError, match=r"Conv2D: expected kernel_size to be an int or a pair \(height, width\), but received \(3, 3, 3\)"):
        Conv2D(1, 1, (3, 3, 3))
    with pytest.raises(ValueError, match=r"Conv2D: expected in_channels to be an integer >= 1, but received 0"):
        Conv2D(0, 1, 3)
    with pytest.raises(ValueError, match=r"Conv2D: expected out_channels to be an integer >= 1"):
        Conv2D(1, 2.0, 3)
    with pytest.raises(ValueError, match=r"Conv2D: unknown initializer 'gauss'"):
        Conv2D(1, 1, 3, init="gauss")


def test_conv_not_numbers():
    with pytest.raises(TypeError, match=r"Conv2D: expected X to be an array of numbers, but received str"):
        Conv2D(1, 1, 3).forward("image")


def test_conv_backward_errors():
    conv = Conv2D(1, 2, 3)
    with pytest.raises(RuntimeError, match=r"Conv2D: backward\(\) was called before forward\(\)"):
        conv.backward(np.zeros((1, 2, 2, 2)))
    conv.forward(np.zeros((1, 1, 4, 4)))
    with pytest.raises(ValueError, match=r"Conv2D: expected dY with the shape of the last output \(1, 2, 2, 2\), but received shape \(1, 2, 4, 4\)"):
        conv.backward(np.zeros((1, 2, 4, 4)))


def test_maxpool_errors():
    with pytest.raises(ValueError, match=r"MaxPool2D: expected stride to be an integer >= 1, but received 0"):
        MaxPool2D(2, stride=0)
    with pytest.raises(ValueError, match=r"MaxPool2D: expected kernel_size to be an integer >= 1, but received -2"):
        MaxPool2D(-2)
    pool = MaxPool2D(2)
    with pytest.raises(ValueError, match=r"MaxPool2D: expected X of shape \(N, C, H, W\).*received shape \(4, 4\)"):
        pool.forward(np.zeros((4, 4)))
    with pytest.raises(ValueError, match=r"MaxPool2D: expected an input at least as large as the 3x3 kernel.*\(1, 2, 2, 5\)"):
        MaxPool2D(3).forward(np.zeros((1, 2, 2, 5)))
    with pytest.raises(RuntimeError, match=r"MaxPool2D: backward\(\) was called before forward\(\)"):
        MaxPool2D(2).backward(np.zeros((1, 1, 2, 2)))
    pool.forward(np.zeros((1, 1, 4, 4)))
    with pytest.raises(ValueError, match=r"MaxPool2D: expected dY with the shape of the last output \(1, 1, 2, 2\)"):
        pool.backward(np.zeros((1, 1, 4, 4)))


def test_helper_errors():
    with pytest.raises(ValueError, match=r"col2im: expected cols of shape \(4, 9\).*but received shape \(9, 4\)"):
        col2im(np.zeros((9, 4)), (1, 1, 4, 4), 3)
    with pytest.raises(ValueError, match=r"conv2d_naive: expected X with 2 channel\(s\)"):
        conv2d_naive(np.zeros((1, 1, 4, 4)), np.zeros((1, 2, 3, 3)), np.zeros(1))
    with pytest.raises(ValueError, match=r"conv2d_naive: expected b of shape \(1,\), but received shape \(2,\)"):
        conv2d_naive(np.zeros((1, 2, 4, 4)), np.zeros((1, 2, 3, 3)), np.zeros(2))
    with pytest.raises(ValueError, match=r"im2col: expected stride to be an integer >= 1, but received 0"):
        im2col(np.zeros((1, 1, 4, 4)), 3, stride=0)


# --- reproducibility, initialisation, config -------------------------------------------


def test_conv_reproducible_under_seed():
    a, b = Conv2D(3, 8, 3, rng=42), Conv2D(3, 8, 3, rng=42)
    np.testing.assert_array_equal(a.W, b.W)
    assert not np.array_equal(a.W, Conv2D(3, 8, 3, rng=43).W)
    # A shared Generator advances, so two layers built from it differ, reproducibly.
    g1, g2 = np.random.default_rng(0), np.random.default_rng(0)
    first, second = Conv2D(1, 4, 3, rng=g1), Conv2D(1, 4, 3, rng=g1)
    assert not np.array_equal(first.W, second.W)
    np.testing.assert_array_equal(Conv2D(1, 4, 3, rng=g2).W, first.W)
    X = np.random.default_rng(1).normal(size=(2, 3, 6, 6))
    np.testing.assert_array_equal(a.forward(X), b.forward(X))


def test_conv_he_init_uses_fan_in_of_the_window():
    conv = Conv2D(8, 64, 5, rng=0)
    # He: std = sqrt(2 / fan_in) with fan_in = C_in * kH * kW = 8 * 5 * 5 = 200, so 0.1.
    assert conv.W.std() == pytest.approx(0.1, rel=0.05)
    np.testing.assert_array_equal(conv.b, np.zeros(64))
    assert conv.n_params() == 64 * 8 * 5 * 5 + 64
    assert set(conv.grads) == set(conv.params) == {"W", "b"}


def test_config_round_trip_through_json():
    conv = Conv2D(3, 6, (3, 5), stride=2, padding=1, init="xavier", rng=0)
    config = json.loads(json.dumps(conv.config()))
    assert config == {"in_channels": 3, "out_channels": 6, "kernel_size": [3, 5], "stride": 2, "padding": 1, "init": "xavier"}
    rebuilt = Conv2D(**config)
    assert rebuilt.config() == conv.config() and rebuilt.W.shape == (6, 3, 3, 5)
    assert Conv2D(1, 2, 3).config()["kernel_size"] == 3
    assert repr(Conv2D(1, 2, 3)) == "Conv2D(in_channels=1, out_channels=2, kernel_size=3, stride=1, padding=0, init='he')"
    for pool in (MaxPool2D(2), MaxPool2D(3, stride=1), MaxPool2D((2, 3))):
        config = json.loads(json.dumps(pool.config()))
        assert MaxPool2D(**config).config() == pool.config()
    assert MaxPool2D(3, stride=1).config() == {"kernel_size": 3, "stride": 1}
    assert MaxPool2D(2).params == {} and MaxPool2D(2).grads == {}


def test_small_cnn_saves_and_loads(tmp_path):
    model = Sequential(
        [Conv2D(1, 4, (3, 2), padding=1, rng=0), ReLU(), MaxPool2D(2), Flatten(), Dense(4 * 4 * 4, 3, rng=1)]
    )
    X = np.random.default_rng(2).normal(size=(5, 1, 8, 7))
    loaded = load(save(model, tmp_path / "cnn"))
    assert [repr(layer) for layer in loaded.layers] == [repr(layer) for layer in model.layers]
    np.testing.assert_array_equal(loaded.forward(X), model.forward(X))
