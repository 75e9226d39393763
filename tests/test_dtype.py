"""float64 by default, float32 on request, and no silent float64 on the way.

numpy turns float32 into float64 as soon as one float64 array (or numpy float64 scalar)
takes part in an operation, so each test follows a float32 model through a whole step
and looks at the dtype of every array it meets.
"""

from __future__ import annotations

import numpy as np
import pytest

import nnlib
from nnlib import (
    MSE, SGD, Adam, BinaryCrossEntropy, Checkpoint, Conv2D, CrossEntropy, Dense, EarlyStopping, Flatten,
    Identity, LeakyReLU, MaxPool2D, ReLU, Sequential, Sigmoid, Softmax, Step, Tanh, fit, gradcheck, load, save,
)
from nnlib.conv import conv2d_naive, conv2d_naive_backward

F32, F64 = np.dtype(np.float32), np.dtype(np.float64)


@pytest.fixture
def rng():
    return np.random.default_rng(0)


def test_float64_is_the_default_everywhere():
    model = nnlib.MLP([3, 4, 2], rng=0)
    assert model.dtype == F64
    assert all(p.dtype == F64 for _, p, _ in model.parameters())
    assert Dense(2, 2, rng=0).dtype == F64 and Conv2D(1, 2, 3, rng=0).dtype == F64
    assert model.forward(np.ones((2, 3))).dtype == F64
    # Integer input becomes float64, as before.
    assert model.forward(np.ones((2, 3), dtype=int)).dtype == F64


def test_float32_mlp_step_never_turns_float64(rng):
    model = nnlib.MLP([5, 8, 8, 3], activation="tanh", rng=0, dtype=np.float32)
    assert model.dtype == F32
    X = rng.normal(size=(6, 5))  # float64 data: cast once, at the first layer
    y = np.array([0, 1, 2, 2, 1, 0])
    A = X
    for layer in model.layers:
        A = layer.forward(A)
        assert A.dtype == F32, layer
    loss = CrossEntropy()
    cost = loss.forward(A, y)
    assert isinstance(cost, float) and np.isfinite(cost)
    dY = loss.backward()
    assert dY.dtype == F32
    for layer in reversed(model.layers):
        dY = layer.backward(dY)
        assert dY.dtype == F32, layer
        assert all(g.dtype == F32 for g in layer.grads.values()), layer
    for optimizer in (SGD(0.1), SGD(0.1, momentum=0.9), Adam(0.01)):
        optimizer.step(model)
        optimizer.step(model)
        assert all(p.dtype == F32 for _, p, _ in model.parameters()), optimizer
    assert all(v.dtype == F32 for v in optimizer.m.values()) and all(v.dtype == F32 for v in optimizer.v.values())


@pytest.mark.parametrize(
    "layer",
    [Identity(), Step(), Sigmoid(), Tanh(), ReLU(), LeakyReLU(0.1), Softmax(), Flatten()],
    ids=lambda layer: layer.name,
)
def test_layers_without_weights_keep_their_input_type(layer, rng):
    for dtype in (F32, F64):
        X = rng.normal(size=(4, 3)).astype(dtype)
        Y = layer.forward(X)
        assert Y.dtype == dtype
        assert layer.backward(np.ones_like(Y)).dtype == dtype


def test_activation_functions_keep_float32():
    z = np.linspace(-3, 3, 7, dtype=np.float32)
    for name, activation in nnlib.activations.ACTIVATIONS.items():
        assert activation.fn(z).dtype == F32, name
        assert activation.derivative(z).dtype == F32, name
    assert nnlib.softmax(z).dtype == F32


def test_conv_and_pool_in_float32_agree_with_the_float64_reference(rng):
    X = rng.normal(size=(2, 3, 7, 6))
    conv = Conv2D(3, 4, 3, stride=2, padding=1, rng=1, dtype=np.float32)
    assert conv.W.dtype == F32 and conv.b.dtype == F32
    Y = conv.forward(X)
    assert Y.dtype == F32
    W64 = conv.W.astype(np.float64)
    np.testing.assert_allclose(Y, conv2d_naive(X, W64, conv.b.astype(np.float64), 2, 1), rtol=1e-4, atol=1e-5)
    dY = rng.normal(size=Y.shape)
    dX = conv.backward(dY)  # float64 dY is cast to the layer's float32
    dX_ref, dW_ref, db_ref = conv2d_naive_backward(dY, X, W64, 2, 1)
    assert dX.dtype == F32 and conv.grads["W"].dtype == F32 and conv.grads["b"].dtype == F32
    np.testing.assert_allclose(dX, dX_ref, rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(conv.grads["W"], dW_ref, rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(conv.grads["b"], db_ref, rtol=1e-4, atol=1e-4)
    pool = MaxPool2D(2)
    P = pool.forward(Y)
    assert P.dtype == F32 and pool.backward(np.ones_like(P)).dtype == F32


@pytest.mark.parametrize(
    "loss, y",
    [
        (MSE(), np.array([[0.5], [1.0], [-2.0]])),
        (BinaryCrossEntropy(from_logits=True), np.array([1, 0, 1])),
        (CrossEntropy(), np.array([0, 2, 1])),
        (CrossEntropy(), np.eye(3)[[0, 2, 1]]),
    ],
    ids=["mse", "bce-logits", "ce-indices", "ce-one-hot"],
)
def test_losses_keep_float32_gradients(loss, y, rng):
    width = 1 if not isinstance(loss, CrossEntropy) else 3
    z = rng.normal(size=(3, width)).astype(np.float32)
    cost = loss.forward(z, y)
    assert isinstance(cost, float) and np.isfinite(cost)
    assert loss.backward().dtype == F32
    # The same cost as in float64, to float32 precision.
    assert cost == pytest.approx(loss.forward(z.astype(np.float64), y), rel=1e-5)


def test_float32_binary_cross_entropy_of_certain_probabilities_is_finite():
    # 1 - 1e-12 rounds to 1 in float32; the clip uses float32's own resolution instead.
    p = np.array([[1.0], [0.0]], dtype=np.float32)
    loss = BinaryCrossEntropy()
    assert np.isfinite(loss.forward(p, np.array([0, 1])))
    assert np.isfinite(loss.backward()).all() and loss.backward().dtype == F32


def test_cross_entropy_on_indices_equals_one_hot_and_gradchecks(rng):
    # Hand-worked: logits [0, ln 3] give p = [1/4, 3/4]; label 1 costs -ln(3/4) and the
    # gradient is p - onehot = [1/4, -1/4], divided by N = 1.
    loss = CrossEntropy()
    assert loss.forward(np.array([[0.0, np.log(3.0)]]), np.array([1])) == pytest.approx(-np.log(0.75))
    np.testing.assert_allclose(loss.backward(), [[0.25, -0.25]])
    Z = rng.normal(size=(5, 4))
    labels = np.array([3, 0, 1, 1, 2])
    by_index, by_one_hot = CrossEntropy(), CrossEntropy()
    assert by_index.forward(Z, labels) == pytest.approx(by_one_hot.forward(Z, np.eye(4)[labels]), rel=1e-14)
    np.testing.assert_allclose(by_index.backward(), by_one_hot.backward(), rtol=1e-14)
    # Backward twice gives the same gradient (the cached probabilities are not overwritten).
    np.testing.assert_array_equal(by_index.backward(), by_index.backward())
    assert gradcheck(CrossEntropy(), Z, labels) < 1e-7


def test_adam_in_place_update_is_the_textbook_formula(rng):
    layer = Dense(3, 2, rng=0)
    start = layer.W.copy()
    grads = [rng.normal(size=layer.W.shape) for _ in range(3)]
    adam = Adam(0.01)
    m = np.zeros_like(start)
    v = np.zeros_like(start)
    expected = start.copy()
    for t, g in enumerate(grads, start=1):
        layer.grads = {"W": g, "b": np.zeros(2)}
        adam.step(layer)
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g**2
        expected -= 0.01 * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    np.testing.assert_allclose(layer.W, expected, rtol=1e-12, atol=1e-15)


def test_sequential_dtype_converts_and_mixed_dtypes_are_refused():
    layers = [Dense(2, 3, rng=0), ReLU(), Dense(3, 1, rng=1)]
    model = Sequential(layers, dtype=np.float32)
    assert model.dtype == F32 and all(p.dtype == F32 for _, p, _ in model.parameters())
    assert model.forward(np.ones((4, 2))).dtype == F32
    with pytest.raises(ValueError, match=r"Sequential: expected every layer's weights in one dtype, but received "
                                         r"layer 0 float64, layer 1 float32"):
        Sequential([Dense(2, 3, rng=0), Dense(3, 1, rng=1, dtype=np.float32)])
    with pytest.raises(TypeError, match=r"MLP: expected dtype to be numpy.float32 or numpy.float64, but received "
                                        r"<class 'numpy.float16'>"):
        nnlib.MLP([2, 1], dtype=np.float16)
    with pytest.raises(TypeError, match=r"Dense: expected dtype to be numpy.float32 or numpy.float64, but received 'int'"):
        Dense(2, 1, dtype="int")


def test_same_seed_same_weights_in_either_dtype():
    a = nnlib.MLP([4, 6, 2], rng=3)
    b = nnlib.MLP([4, 6, 2], rng=3, dtype="float32")
    for (_, wa, _), (_, wb, _) in zip(a.parameters(), b.parameters()):
        np.testing.assert_allclose(wb, wa, rtol=1e-6)


def test_save_and_load_keep_the_dtype(tmp_path):
    for dtype in (F32, F64):
        model = Sequential(
            [Conv2D(1, 2, 3, padding=1, rng=0, dtype=dtype), MaxPool2D(2), Flatten(), Dense(8, 3, rng=1, dtype=dtype)]
        )
        path = save(model, tmp_path / f"model_{dtype.name}.npz")
        again = load(path)
        assert again.dtype == dtype
        for (_, w, _), (_, w_again, _) in zip(model.parameters(), again.parameters()):
            assert w_again.dtype == dtype
            np.testing.assert_array_equal(w_again, w)
        X = np.random.default_rng(2).normal(size=(2, 1, 4, 4))
        np.testing.assert_array_equal(again.forward(X), model.forward(X))
    # A float64 model's description is unchanged from before dtypes existed.
    assert "dtype" not in nnlib.MLP([2, 1], rng=0).config()["layers"][0]["config"]


def test_fit_and_checkpoints_keep_float32(tmp_path):
    X, y = nnlib.datasets.two_moons(120, noise=0.1, rng=0)
    model = nnlib.MLP([2, 16, 1], activation="tanh", output="sigmoid", rng=0, dtype=np.float32)
    checkpoint = Checkpoint(tmp_path / "checkpoints", every=5)
    history = fit(model, BinaryCrossEntropy(), Adam(0.05), X, y, epochs=30, batch_size=16,
                  validation_data=(X[:40], y[:40]), callbacks=[checkpoint, EarlyStopping(patience=50)],
                  metrics=["accuracy"], rng=0, progress=False)
    assert history.loss[-1] < history.loss[0]
    assert all(p.dtype == F32 for _, p, _ in model.parameters())
    best = checkpoint.load_best()
    assert best.dtype == F32
    assert all(p.dtype == F32 for _, p, _ in best.parameters())


def test_float32_trains_like_float64():
    X, y = nnlib.datasets.two_moons(200, noise=0.1, rng=0)
    results = {}
    for dtype in (np.float64, np.float32):
        model = nnlib.MLP([2, 16, 16, 1], activation="tanh", output="sigmoid", rng=0, dtype=dtype)
        fit(model, BinaryCrossEntropy(), Adam(0.01), X, y, epochs=60, batch_size=32, rng=0, progress=False)
        results[dtype] = nnlib.accuracy(model.predict(X), y)
    assert results[np.float32] == pytest.approx(results[np.float64], abs=0.02)


def test_gradients_still_check_exactly_in_float64(rng):
    X = rng.normal(size=(2, 2, 6, 6))
    assert gradcheck(Conv2D(2, 3, 3, stride=2, padding=1, rng=0), X) < 1e-6
    assert gradcheck(MaxPool2D(2, stride=1), X) < 1e-6
    assert gradcheck(Tanh(), rng.normal(size=(3, 4))) < 1e-7
    assert gradcheck(Sigmoid(), rng.normal(size=(3, 4))) < 1e-7
    assert gradcheck(BinaryCrossEntropy(from_logits=True), rng.normal(size=(4, 1)), np.array([1, 0, 0, 1])) < 1e-7
