"""Chapter 07's playground network and its training, in pure functions and :class:`Trainer`.

Training is the loop of the lesson: one iteration is one forward pass, one backward pass
(``Sequential.backward``) and one update of every weight together; one epoch is one pass
over the training set in mini-batches. With a student's ``train_step`` (exercise 07) every
iteration calls it instead and compares it with nnlib's backpropagation on the same batch.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np

from course.i18n import t
from course.widgets.playground_data import check_choice
from course.widgets.student import ATOL, RTOL, call_student
from nnlib.activations import sigmoid
from nnlib.layers import Dense
from nnlib.losses import MSE, BinaryCrossEntropy
from nnlib.model import MLP, Sequential
from nnlib.optim import SGD


ACTIVATIONS = ("tanh", "relu", "sigmoid", "linear")
# The plane shown: every data set is scaled to lie (apart from its noise) inside ±1.
EXTENT = 1.6
RESOLUTION = 50


def build_network(hidden: Sequence[int], activation: str = "tanh", rng=0) -> Sequential:
    """``2 → hidden… → 1`` with ``activation`` in the hidden layers and no output activation.

    The output is the score ``z^(L)``; the probability of class 1 is ``σ(z^(L))``, and the
    loss is :class:`~nnlib.losses.BinaryCrossEntropy` with ``from_logits=True``, whose
    ``δ^(L) = (σ(z^(L)) − y) / N`` is the gradient of chapter 04.
    """
    check_choice(activation, ACTIVATIONS, "the activation", "build_network")
    sizes = [2, *(int(h) for h in hidden), 1]
    if any(size < 1 for size in sizes):
        raise ValueError(f"build_network: expected every hidden layer to have >= 1 unit, but received {list(hidden)}")
    return MLP(sizes, activation=activation, output=None, rng=rng)


def dense_layers(model: Sequential) -> list[Dense]:
    return [layer for layer in model.layers if isinstance(layer, Dense)]


def hidden_outputs(model: Sequential, X: np.ndarray) -> list[np.ndarray]:
    """The outputs ``a^(l)`` of every hidden layer for the points ``X`` (N, 2), each (N, n_l)."""
    outputs = []
    A = np.asarray(X, dtype=float)
    layers = model.layers
    for i, layer in enumerate(layers):
        A = layer.forward(A)
        if not isinstance(layer, Dense) and i < len(layers) - 1:
            outputs.append(A)
    return outputs


def grid_points(extent: float = EXTENT, resolution: int = RESOLUTION) -> np.ndarray:
    """The centres of a ``resolution × resolution`` grid over ``[−extent, extent]²``, shape (R², 2).

    Row ``r`` of the image is ``x₂`` (from −extent upwards), column ``c`` is ``x₁``.
    """
    axis = np.linspace(-extent, extent, resolution)
    x1, x2 = np.meshgrid(axis, axis)
    return np.column_stack([x1.ravel(), x2.ravel()])


def probability_grid(model: Sequential, extent: float = EXTENT, resolution: int = RESOLUTION, *,
                     output: str = "logit") -> np.ndarray:
    """``p(x)`` of class 1 on the grid of :func:`grid_points`, shape ``(resolution, resolution)``.

    ``output="logit"``: the network gives the score z and p = σ(z). ``output="value"``: the
    network gives a prediction ŷ trained with the squared error (exercise 07), shown as
    p = clip(ŷ, 0, 1).
    """
    with np.errstate(over="ignore", invalid="ignore"):
        out = model.forward(grid_points(extent, resolution))[:, 0]
    p = sigmoid(out) if output == "logit" else np.clip(out, 0.0, 1.0)
    return np.nan_to_num(p, nan=0.5).reshape(resolution, resolution)


# f(Z) and f′ written with the output A = f(Z), which the backward pass already has.
def _fast_sigmoid(Z: np.ndarray) -> np.ndarray:
    """σ(z) = (1 + tanh(z/2)) / 2: the same function, without overflow and without checks."""
    return 0.5 + 0.5 * np.tanh(0.5 * Z)


_ACTIVATION = {"tanh": np.tanh, "relu": lambda Z: np.maximum(Z, 0.0), "sigmoid": _fast_sigmoid,
               "linear": lambda Z: Z}
_DERIVATIVE_FROM_OUTPUT = {
    "tanh": lambda A: 1.0 - A * A,
    "relu": lambda A: (A > 0).astype(float),
    "sigmoid": lambda A: A * (1.0 - A),
    "linear": lambda A: 1.0,
}

class Trainer:
    """A network, its data and mini-batch gradient descent, epoch by epoch.

    One **iteration**: forward pass on a mini-batch, loss, backward pass
    (``model.backward``), then every weight and bias updated together,
    ``θ ← θ − η (∂L/∂θ + λ W)`` (the L2 term only for weights). One **epoch**: one pass
    over the shuffled training set, ``ceil(N_train / batch_size)`` iterations. After each
    epoch the loss on the whole training set and on the validation set is recorded (the
    data loss, without the L2 term).

    Parameters
    ----------
    X_train, y_train, X_val, y_val
        Points (N, 2) and labels 0/1 (N,).
    hidden
        Units per hidden layer, e.g. ``[16, 16]``; ``[]`` is logistic regression.
    activation, learning_rate, batch_size, l2
        As the playground's controls; ``l2`` is λ in the penalty ``(λ/2) Σ w²``.
    seed
        Seed of the initial weights and of the shuffling.
    engine
        ``"fused"`` (default, fast: :meth:`_fused_iteration`) or ``"nnlib"`` (every call
        through nnlib's layers, loss and optimizer); both compute the same numbers.
    student_train_step
        The student's ``train_step(X, Y, W1, b1, W2, b2, learning_rate)`` from exercise 07;
        then the network is ``2 → hidden[0] (ReLU) → 1`` with the squared error, ``l2`` must
        be 0, and every iteration calls it.
    """

    def __init__(self, X_train, y_train, X_val, y_val, *, hidden: Sequence[int] = (16, 16),
                 activation: str = "tanh", learning_rate: float = 0.03, batch_size: int = 10, l2: float = 0.0,
                 seed: int = 0, student_train_step: Callable | None = None, engine: str = "fused") -> None:
        self.engine = check_choice(engine, ("fused", "nnlib"), "the engine", "Trainer")
        self.X_train, self.X_val = np.asarray(X_train, dtype=float), np.asarray(X_val, dtype=float)
        self.Y_train = np.asarray(y_train, dtype=float).reshape(-1, 1)
        self.Y_val = np.asarray(y_val, dtype=float).reshape(-1, 1)
        self.student_train_step = student_train_step
        if student_train_step is not None:
            if not callable(student_train_step):
                raise TypeError("Trainer: expected student_train_step to be a function train_step(X, Y, W1, b1, W2, "
                                f"b2, learning_rate), but received {type(student_train_step).__name__}")
            hidden, activation = [int(hidden[0]) if len(hidden) else 4], "relu"
            self.loss = MSE()
            self.output = "value"
        else:
            self.loss = BinaryCrossEntropy(from_logits=True)
            self.output = "logit"
        self.hidden = [int(h) for h in hidden]
        self.activation = activation
        self.learning_rate = learning_rate
        self.batch_size = batch_size
        self.l2 = l2
        self.rng = np.random.default_rng(seed)
        self.model = build_network(self.hidden, activation, rng=self.rng)
        self._dense = dense_layers(self.model)
        self._weights = [layer.params["W"] for layer in self._dense]  # the model's own arrays
        self._biases = [layer.params["b"] for layer in self._dense]
        self.optimizer = SGD(self.learning_rate)
        self.epoch = 0
        self.train_losses: list[float] = []
        self.val_losses: list[float] = []
        self.student_outcome = ""  # "", "ok", "not_answered", "error", "shape", "nonfinite"
        self.student_message = ""
        self.student_difference = float("nan")
        self.student_agrees = False
        self.diverged = False
        self.record()

    # The settings a student may change while training continues.
    @property
    def learning_rate(self) -> float:
        return self._learning_rate

    @learning_rate.setter
    def learning_rate(self, value: float) -> None:
        value = float(value)
        if not math.isfinite(value) or value <= 0:
            raise ValueError(f"Trainer: expected a learning rate > 0, but received {value!r}")
        self._learning_rate = value
        if hasattr(self, "optimizer"):
            self.optimizer.learning_rate = value

    @property
    def batch_size(self) -> int:
        return self._batch_size

    @batch_size.setter
    def batch_size(self, value: int) -> None:
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
            raise ValueError(f"Trainer: expected a batch size >= 1, but received {value!r}")
        self._batch_size = int(value)

    @property
    def l2(self) -> float:
        return self._l2

    @l2.setter
    def l2(self, value: float) -> None:
        value = float(value)
        if not math.isfinite(value) or value < 0:
            raise ValueError(f"Trainer: expected an L2 strength λ >= 0, but received {value!r}")
        if value > 0 and self.student_train_step is not None:
            raise ValueError("Trainer: your train_step has no L2 term, so λ must be 0 with student_train_step")
        self._l2 = value

    @property
    def iterations_per_epoch(self) -> int:
        return math.ceil(len(self.X_train) / self.batch_size)

    def evaluate(self, X: np.ndarray, Y: np.ndarray) -> float:
        """The data loss of the network on ``(X, Y)``: the value nnlib's loss gives."""
        with np.errstate(over="ignore", invalid="ignore"):
            if self.engine == "nnlib" or self.student_train_step is not None:
                return float(self.loss.forward(self.model.forward(X), Y))
            A = X
            layers = self._dense
            activation = _ACTIVATION[self.activation]
            for i, layer in enumerate(layers):
                Z = A @ layer.params["W"].T + layer.params["b"]
                A = activation(Z) if i < len(layers) - 1 else Z
            # Binary cross-entropy from the score z, as BinaryCrossEntropy(from_logits=True).
            return float(np.mean(np.maximum(Z, 0) - Z * Y + np.log1p(np.exp(-np.abs(Z)))))

    def record(self) -> None:
        self.train_losses.append(self.evaluate(self.X_train, self.Y_train))
        self.val_losses.append(self.evaluate(self.X_val, self.Y_val))
        if not (math.isfinite(self.train_losses[-1]) and math.isfinite(self.val_losses[-1])):
            self.diverged = True

    def _library_iteration(self, Xb: np.ndarray, Yb: np.ndarray) -> None:
        """One iteration with nnlib's own calls: loss, ``Sequential.backward``, ``SGD.step``."""
        model, loss = self.model, self.loss
        with np.errstate(over="ignore", invalid="ignore"):
            loss.forward(model.forward(Xb), Yb)       # forward pass
            model.backward(loss.backward(), input_grad=False)  # backward pass: every gradient at once
            if self._l2 > 0:
                for layer in dense_layers(model):
                    layer.grads["W"] = layer.grads["W"] + self._l2 * layer.params["W"]
            self.optimizer.step(model)                # every weight updated together

    def _fused_iteration(self, Xb: np.ndarray, Yb: np.ndarray) -> None:
        """The same iteration as :meth:`_library_iteration`, in one function for speed.

        It works on the nnlib model's own weight arrays, with the lesson's formulas:
        ``δ^(L) = (σ(z^(L)) − y) / N``, ``dW^(l) = Δ^(l)ᵀ A^(l−1)``, ``db^(l) = Σ_n Δ^(l)``,
        ``Δ^(l−1) = (Δ^(l) W^(l)) ⊙ f′(Z^(l−1))``. It skips the per-layer checks and caches of
        ``Sequential.backward``, which cost more than the arithmetic on batches this small;
        ``tests/widgets/test_playground.py`` checks that both give the same weights.
        """
        weights, biases = self._weights, self._biases
        derivative = _DERIVATIVE_FROM_OUTPUT[self.activation]
        activation = _ACTIVATION[self.activation]
        outputs = [Xb]
        A = Xb
        last = len(weights) - 1
        for i in range(last + 1):
            Z = A @ weights[i].T
            Z += biases[i]
            if i < last:
                A = activation(Z)
                outputs.append(A)
        # δ^(L) = (σ(z) − y)/N with σ(z) = (1 + tanh(z/2))/2, so δ^(L) = (tanh(z/2) + 1 − 2y)/(2N);
        # here already multiplied by η: the backward pass is linear in δ, so every gradient
        # below comes out as η·gradient, which saves one product per array.
        Z *= 0.5
        dZ = np.tanh(Z, out=Z)
        dZ += 1.0 - 2.0 * Yb
        dZ *= self._learning_rate / (2 * len(Yb))
        decay = self._learning_rate * self._l2
        for i in range(last, -1, -1):
            W = weights[i]
            A_before = outputs[i]
            step_W = dZ.T @ A_before
            step_b = dZ.sum(axis=0)
            if i > 0:
                dZ = (dZ @ W) * derivative(A_before)  # with the weights before the update
            if decay > 0:
                step_W += decay * W
            W -= step_W
            biases[i] -= step_b

    def _student_iteration(self, Xb: np.ndarray, Yb: np.ndarray, compare: bool) -> bool:
        first, second = dense_layers(self.model)
        before = (first.params["W"].copy(), first.params["b"].copy(), second.params["W"].copy(),
                  second.params["b"].copy())
        call = call_student(self.student_train_step, Xb.copy(), Yb.copy(), *(p.copy() for p in before),
                            self._learning_rate)
        if call.outcome != "ok":
            self.student_outcome, self.student_message = call.outcome, call.error
            return False
        value = call.value
        if not isinstance(value, tuple) or len(value) != 5:
            self.student_outcome = "shape"
            self.student_message = t("playground.student_tuple", type=type(value).__name__)
            return False
        try:
            new = [np.asarray(v, dtype=float) for v in value[:4]]
        except (TypeError, ValueError):
            self.student_outcome, self.student_message = "shape", t("playground.student_tuple", type="?")
            return False
        for got, old in zip(new, before):
            if got.shape != old.shape:
                self.student_outcome = "shape"
                self.student_message = t("playground.student_shape", expected=str(old.shape), received=str(got.shape))
                return False
        if not all(np.all(np.isfinite(p)) for p in new):
            self.student_outcome, self.student_message = "nonfinite", ""
            return False
        if compare:
            # The library's step from the same weights on the same batch.
            self._library_iteration(Xb, Yb)
            reference = [first.params["W"], first.params["b"], second.params["W"], second.params["b"]]
            self.student_difference = max(float(np.max(np.abs(a - b))) for a, b in zip(new, reference))
            self.student_agrees = all(np.allclose(a, b, rtol=RTOL, atol=ATOL) for a, b in zip(new, reference))
        for layer, W, b in ((first, new[0], new[1]), (second, new[2], new[3])):
            layer.params["W"][...] = W
            layer.params["b"][...] = b
        self.student_outcome, self.student_message = "ok", ""
        return True

    def train(self, epochs: int = 1) -> None:
        """Run ``epochs`` epochs of mini-batch gradient descent and record the losses."""
        if isinstance(epochs, bool) or not isinstance(epochs, (int, np.integer)) or epochs < 0:
            raise ValueError(f"Trainer.train: expected a whole number of epochs >= 0, but received {epochs!r}")
        n = len(self.X_train)
        iteration = self._fused_iteration if self.engine == "fused" else self._library_iteration
        with np.errstate(over="ignore", invalid="ignore"):
            self._train(int(epochs), n, iteration)

    def _train(self, epochs: int, n: int, iteration: Callable) -> None:
        for _ in range(epochs):
            if self.diverged:
                return
            order = self.rng.permutation(n)
            # Shuffle once per epoch; the batches are then slices (views), not copies.
            X_epoch, Y_epoch = self.X_train[order], self.Y_train[order]
            for start in range(0, n, self._batch_size):
                Xb, Yb = X_epoch[start:start + self._batch_size], Y_epoch[start:start + self._batch_size]
                if self.student_train_step is None:
                    iteration(Xb, Yb)
                elif not self._student_iteration(Xb, Yb, compare=start == 0):
                    return
            self.epoch += 1
            self.record()

    def probabilities(self, extent: float = EXTENT, resolution: int = RESOLUTION) -> np.ndarray:
        return probability_grid(self.model, extent, resolution, output=self.output)

    def predict(self, X: np.ndarray) -> np.ndarray:
        """Predicted class 0/1 of each point (N,)."""
        with np.errstate(over="ignore", invalid="ignore"):
            out = self.model.forward(np.asarray(X, dtype=float))[:, 0]
        return (out > 0).astype(int) if self.output == "logit" else (out > 0.5).astype(int)

    def accuracy(self, X: np.ndarray, Y: np.ndarray) -> float:
        return float(np.mean(self.predict(X) == Y[:, 0]))
