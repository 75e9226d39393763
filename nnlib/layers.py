"""The layer protocol, the fully connected layer and Flatten.

Every layer has

- ``forward(X) -> Y`` which keeps what ``backward`` needs,
- ``backward(dY) -> dX`` where ``dY`` is ∂L/∂Y; it *overwrites* ``grads``,
- ``params`` and ``grads``: dicts with the same keys (empty for layers without weights).

Notation follows the course: a Dense layer's ``W`` has shape ``(n_out, n_in)`` so that
``W[j, k]`` is :math:`w^{(l)}_{jk}`, the weight *to* node j in layer l *from* node k in
layer l-1. With the batch first, one row per sample, the layer computes ``Z = X @ W.T + b``.
"""

from __future__ import annotations

import math

import numpy as np

from nnlib import init as initializers
from nnlib._checks import as_float_array, check_int, make_rng
from nnlib._dtype import as_floats, float_dtype


# A layer this large (8 GB of float64) is a typo or a unit mix-up, not a course network; numpy
# would answer with "Unable to allocate 7.28 TiB".
MAX_WEIGHTS = 10**9


class Layer:
    """Base class: a layer without parameters that passes its input through."""

    def __init__(self) -> None:
        self.params: dict[str, np.ndarray] = {}
        self.grads: dict[str, np.ndarray] = {}
        self._cache = None

    @property
    def name(self) -> str:
        return type(self).__name__

    def forward(self, X: np.ndarray) -> np.ndarray:
        raise NotImplementedError(f"{self.name}.forward is not implemented")

    def backward(self, dY: np.ndarray) -> np.ndarray:
        raise NotImplementedError(f"{self.name}.backward is not implemented")

    def __call__(self, X: np.ndarray) -> np.ndarray:
        return self.forward(X)

    def _cached(self):
        """What forward stored, or a clear error when backward comes first."""
        if self._cache is None:
            raise RuntimeError(f"{self.name}: backward() was called before forward(); run forward(X) first")
        return self._cache

    def _check_dY(self, dY, expected_shape: tuple, dtype: np.dtype | None = None) -> np.ndarray:
        # float32 and float64 pass without a copy; a layer with weights asks for its own dtype.
        if not (type(dY) is np.ndarray and dY.dtype == dtype):
            dY = as_floats(dY, "dY", self.name, dtype)
        if dY.shape != expected_shape:
            raise ValueError(
                f"{self.name}: expected dY with the shape of the last output {expected_shape}, "
                f"but received shape {dY.shape}"
            )
        return dY

    def n_params(self) -> int:
        return int(sum(p.size for p in self.params.values()))

    def config(self) -> dict:
        """The constructor arguments, as JSON, so a model can be rebuilt by :func:`nnlib.load`."""
        return {}

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.config().items())
        return f"{self.name}({args})"


class WeightedLayer(Layer):
    """A layer with a weight array ``W`` and one bias per output unit or channel, ``b``."""

    def _init_params(self, shape: tuple, fan_in: int, fan_out: int, init, rng, dtype=np.float64) -> None:
        """Draw ``W`` of ``shape`` with the initialiser ``init``; ``b`` starts at zero.

        The initialiser draws in float64 (so a seed gives the same weights in any dtype,
        up to rounding); the weights are then stored in ``dtype``.
        """
        dtype = float_dtype(dtype, self.name)
        if math.prod(shape) > MAX_WEIGHTS:
            sizes = " x ".join(f"{n:,}" for n in shape)
            raise ValueError(
                f"{self.name}: expected at most {MAX_WEIGHTS:,} weights in one layer, but received sizes asking for "
                f"{sizes} = {math.prod(shape):,}"
            )
        self.init = init if isinstance(init, str) else getattr(init, "__name__", "custom")
        initializer = initializers.get(init, self.name)
        W = as_float_array(
            initializer(shape, fan_in, fan_out, make_rng(rng, owner=self.name)), "the weights from init", self.name,
            dtype=dtype,
        )
        if W.shape != shape:
            raise ValueError(
                f"{self.name}: expected init to return weights of shape {shape}, but received shape {W.shape}"
            )
        self.params = {"W": W, "b": np.zeros(shape[0], dtype=dtype)}
        self.grads = {k: np.zeros_like(v) for k, v in self.params.items()}

    @property
    def dtype(self) -> np.dtype:
        """The floating-point type of the weights, and of everything this layer computes."""
        return self.params["W"].dtype

    def astype(self, dtype) -> "WeightedLayer":
        """Convert the weights (and gradients) to ``dtype`` in place of the old arrays; returns self."""
        dtype = float_dtype(dtype, self.name)
        self.params = {k: v.astype(dtype, copy=False) for k, v in self.params.items()}
        self.grads = {k: v.astype(dtype, copy=False) for k, v in self.grads.items()}
        return self

    def _dtype_config(self) -> dict:
        """``{"dtype": "float32"}`` for a float32 layer; float64, the default, is not written."""
        return {} if self.dtype == np.float64 else {"dtype": self.dtype.name}

    @property
    def W(self) -> np.ndarray:
        return self.params["W"]

    @property
    def b(self) -> np.ndarray:
        return self.params["b"]


class Dense(WeightedLayer):
    """Fully connected layer: ``Z = X @ W.T + b``.

    Parameters
    ----------
    n_in, n_out
        Number of inputs per sample and number of output units.
    init
        Weight initialiser name (``"he"``, ``"xavier"``, ``"normal"``, ``"zeros"`` …) or
        callable; biases start at zero.
    rng
        A ``numpy.random.Generator`` or an int seed for the initial weights.
    dtype
        ``np.float64`` (the default, exact enough for gradient checks) or ``np.float32``
        (about twice as fast); inputs of another float type are converted on the way in.

    Shape
    -----
    - ``X``: ``(N, n_in)``, ``Z``: ``(N, n_out)``
    - ``W``: ``(n_out, n_in)``, ``W[j, k]`` = w_jk, to unit j from input k
    - ``b``: ``(n_out,)``

    Examples
    --------
    >>> layer = Dense(3, 2, rng=0)
    >>> layer.forward(np.ones((5, 3))).shape
    (5, 2)
    """

    def __init__(self, n_in: int, n_out: int, *, init="he", rng=None, dtype=np.float64) -> None:
        super().__init__()
        self.n_in = check_int(n_in, "n_in", "Dense")
        self.n_out = check_int(n_out, "n_out", "Dense")
        self._init_params((self.n_out, self.n_in), self.n_in, self.n_out, init, rng, dtype)

    def forward(self, X: np.ndarray) -> np.ndarray:
        X = as_floats(X, "X", "Dense", self.params["W"].dtype)
        if X.ndim == 1 and X.shape[0] == self.n_in:
            raise ValueError(
                f"Dense: expected X of shape (N, {self.n_in}) with one row per sample, but received "
                f"shape {X.shape}; for a single sample use X.reshape(1, -1)"
            )
        if X.ndim != 2 or X.shape[1] != self.n_in:
            raise ValueError(f"Dense: expected X of shape (N, {self.n_in}), but received shape {X.shape}")
        self._cache = X
        Z = X @ self.params["W"].T
        Z += self.params["b"]  # in place: one array less per step
        return Z

    def backward(self, dZ: np.ndarray, input_grad: bool = True) -> np.ndarray | None:
        """Given ``dZ`` = ∂L/∂Z of shape ``(N, n_out)``, store ∂L/∂W and ∂L/∂b and return ∂L/∂X.

        With ``input_grad=False`` ∂L/∂X is not computed and None is returned: for the first
        layer of a network X is the data, which is not trained (see ``Sequential.backward``).
        """
        X = self._cached()
        dZ = self._check_dY(dZ, (X.shape[0], self.n_out), X.dtype)
        self.grads["W"] = dZ.T @ X  # (n_out, n_in): sums over the batch
        self.grads["b"] = dZ.sum(axis=0)
        return dZ @ self.params["W"] if input_grad else None

    def config(self) -> dict:
        return {"n_in": self.n_in, "n_out": self.n_out, "init": self.init, **self._dtype_config()}


class Flatten(Layer):
    """Reshape ``(N, d1, d2, …)`` to ``(N, d1·d2·…)``, e.g. after convolutions before Dense."""

    def forward(self, X: np.ndarray) -> np.ndarray:
        X = as_floats(X, "X", "Flatten")
        if X.ndim < 2:
            raise ValueError(f"Flatten: expected X with a batch axis first, (N, ...), but received shape {X.shape}")
        self._cache = X.shape
        # An explicit width, so an empty batch (N = 0) still flattens to (0, d1·d2·…).
        return X.reshape(X.shape[0], int(np.prod(X.shape[1:])))

    def backward(self, dY: np.ndarray) -> np.ndarray:
        shape = self._cached()
        dY = self._check_dY(dY, (shape[0], int(np.prod(shape[1:]))))
        return dY.reshape(shape)
