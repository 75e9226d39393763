import numpy as np
import pytest

from nnlib import MSE, Dense, Flatten, MLP, ReLU, Sequential, Sigmoid, gradcheck
from nnlib.layers import Layer


def test_dense_by_hand():
    # Two inputs, two units. W[j, k] is the weight to unit j from input k.
    layer = Dense(2, 2, rng=0)
    layer.params["W"][...] = [[1.0, 2.0],   # unit 0: z0 = 1*x0 + 2*x1 + b0
                              [-1.0, 0.5]]  # unit 1: z1 = -1*x0 + 0.5*x1 + b1
    layer.params["b"][...] = [0.5, -1.0]
    X = np.array([[3.0, 4.0]])
    # z0 = 3 + 8 + 0.5 = 11.5 ; z1 = -3 + 2 - 1 = -2
    np.testing.assert_allclose(layer.forward(X), [[11.5, -2.0]])
    # With dZ = [1, 1]: dW = dZᵀ X = [[3, 4], [3, 4]], db = [1, 1], dX = dZ W = [0, 2.5]
    dX = layer.backward(np.array([[1.0, 1.0]]))
    np.testing.assert_allclose(layer.grads["W"], [[3, 4], [3, 4]])
    np.testing.assert_allclose(layer.grads["b"], [1, 1])
    np.testing.assert_allclose(dX, [[0.0, 2.5]])


def test_tiny_network_by_hand():
    # x = [1, 2] → Dense(2→1) with w = [0.5, -0.25], b = 0.1 → sigmoid → MSE against y = 1.
    model = Sequential([Dense(2, 1, rng=0), Sigmoid()])
    model.layers[0].params["W"][...] = [[0.5, -0.25]]
    model.layers[0].params["b"][...] = [0.1]
    X, y = np.array([[1.0, 2.0]]), np.array([[1.0]])
    # z = 0.5*1 - 0.25*2 + 0.1 = 0.1 ; ŷ = σ(0.1) = 0.52498
    y_hat = model.forward(X)
    np.testing.assert_allclose(y_hat, [[0.52497919]], rtol=1e-7)
    loss = MSE()
    # L = (ŷ - y)² = 0.225645 ; dL/dŷ = 2(ŷ - y) = -0.950042
    np.testing.assert_allclose(loss.forward(y_hat, y), 0.22564476, rtol=1e-7)
    model.backward(loss.backward())
    # dL/dz = dL/dŷ · σ'(z) = -0.950042 · 0.249376 = -0.236918 ; dL/dw = dL/dz · x
    np.testing.assert_allclose(model.layers[0].grads["b"], [-0.23691784], rtol=1e-6)
    np.testing.assert_allclose(model.layers[0].grads["W"], [[-0.23691784, -0.47383568]], rtol=1e-6)


def test_dense_gradcheck():
    rng = np.random.default_rng(0)
    assert gradcheck(Dense(5, 3, rng=rng), rng.normal(size=(7, 5))) < 1e-6


def test_flatten_round_trip_and_gradcheck():
    X = np.random.default_rng(0).normal(size=(2, 3, 2, 2))
    layer = Flatten()
    assert layer.forward(X).shape == (2, 12)
    assert layer.backward(np.ones((2, 12))).shape == X.shape
    assert gradcheck(layer, X) < 1e-6


def test_whole_model_gradcheck():
    rng = np.random.default_rng(3)
    model = MLP([3, 5, 4, 2], activation="tanh", rng=rng)
    assert gradcheck(model, rng.normal(size=(6, 3)), rng.normal(size=(6, 2)), loss=MSE()) < 1e-6


def test_dense_shape_errors_name_expected_and_received():
    layer = Dense(4, 2, rng=0)
    with pytest.raises(ValueError, match=r"Dense: expected X of shape \(N, 4\), but received shape \(3, 5\)"):
        layer.forward(np.ones((3, 5)))
    with pytest.raises(ValueError, match=r"received shape \(4,\); for a single sample use X.reshape\(1, -1\)"):
        layer.forward(np.ones(4))
    layer.forward(np.ones((3, 4)))
    with pytest.raises(ValueError, match=r"Dense: expected dY with the shape of the last output \(3, 2\), but received shape \(3, 3\)"):
        layer.backward(np.ones((3, 3)))
    with pytest.raises(TypeError, match="Dense: expected X to be an array of numbers, but received str"):
        layer.forward("hello")


def test_dense_backward_before_forward():
    with pytest.raises(RuntimeError, match=r"Dense: backward\(\) was called before forward\(\)"):
        Dense(2, 2, rng=0).backward(np.ones((1, 2)))


def test_dense_bad_sizes_and_init():
    with pytest.raises(ValueError, match="Dense: expected n_out to be an integer >= 1, but received 0"):
        Dense(3, 0)
    with pytest.raises(ValueError, match="Dense: unknown initializer 'gaussian'; expected one of"):
        Dense(3, 2, init="gaussian")


def test_seeded_weights_are_reproducible():
    np.testing.assert_array_equal(Dense(3, 4, rng=7).W, Dense(3, 4, rng=7).W)
    assert not np.array_equal(Dense(3, 4, rng=7).W, Dense(3, 4, rng=8).W)


def test_sequential_rejects_non_layers():
    with pytest.raises(TypeError, match="Sequential: expected layer 1 to be an nnlib Layer .* but received ufunc"):
        Sequential([Dense(2, 2, rng=0), np.tanh])
    with pytest.raises(ValueError, match="Sequential: expected at least one layer"):
        Sequential([])


def test_mlp_structure_and_parameter_count():
    model = MLP([2, 8, 1], activation="tanh", output="sigmoid", rng=0)
    assert [type(layer).__name__ for layer in model.layers] == ["Dense", "Tanh", "Dense", "Sigmoid"]
    assert model.n_params() == (2 * 8 + 8) + (8 * 1 + 1)
    assert "33 parameters" in repr(model)
    assert "total" in model.summary()
    with pytest.raises(ValueError, match="MLP: expected sizes like"):
        MLP([3])
    with pytest.raises(ValueError, match="unknown activation 'relu6'"):
        MLP([2, 2], activation="relu6")


def test_mlp_with_relu_uses_he_init():
    model = MLP([100, 200, 1], rng=0)
    W = model.layers[0].W
    assert isinstance(model.layers[1], ReLU)
    assert abs(W.std() - np.sqrt(2 / 100)) < 0.01


class _Scale(Layer):  # a layer of one's own with a parameter
    def __init__(self):
        super().__init__()
        self.params = {"s": np.array([2.0])}
        self.grads = {"s": np.zeros(1)}

    def forward(self, X):
        self._cache = X
        return self.params["s"] * X

    def backward(self, dY):
        self.grads["s"] = np.array([np.sum(dY * self._cache)])
        return dY * self.params["s"]


@pytest.mark.parametrize(
    "layers",
    [
        lambda: [Dense(3, 4, rng=0), ReLU(), Dense(4, 2, rng=1)],
        lambda: [Flatten(), Dense(3, 4, rng=0), Sigmoid(), Dense(4, 2, rng=1)],  # nothing to learn in Flatten
        lambda: [_Scale(), Dense(3, 2, rng=0)],  # a first layer of one's own still gets its gradient
    ],
)
def test_training_backward_skips_only_the_data_gradient(layers):
    X = np.random.default_rng(2).normal(size=(5, 3))
    full, training = Sequential(layers()), Sequential(layers())
    for model in (full, training):
        model.forward(X)
    dY = np.random.default_rng(3).normal(size=(5, 2))
    dX = full.backward(dY)
    assert dX.shape == X.shape
    assert training.backward(dY, input_grad=False) is None
    for (name, _, expected), (_, _, got) in zip(full.parameters(), training.parameters()):
        np.testing.assert_array_equal(got, expected, err_msg=name)


def test_flatten_before_the_first_weights_is_not_run_backward_in_training():
    model = Sequential([Flatten(), Dense(6, 1, rng=0)])
    model.forward(np.ones((2, 2, 3)))
    model.layers[0]._cache = None  # would raise if Flatten.backward ran
    model.backward(np.ones((2, 1)), input_grad=False)
    with pytest.raises(RuntimeError, match="backward\\(\\) was called before forward\\(\\)"):
        model.backward(np.ones((2, 1)))
