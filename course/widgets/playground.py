"""Chapter 07: the training playground, a small network trained live on 2-D data.

The course's answer to TensorFlow Playground, built on ``nnlib``. The reader picks a data
set (XOR, circles, two moons, spiral, Gaussian blobs) with its noise and training share,
the hidden layers and units per layer, the activation, the learning rate, the batch size
and an optional L2 penalty, and trains with Play/Pause, Step and Reset. Every redraw shows

- the network's probability ``p(x) = σ(z^(L))`` of class 1 as a coloured map over the
  plane, with the 0.5 contour (the decision boundary) and the training and validation
  points on top;
- the training and validation loss per epoch;
- optionally the outputs of the units of the last hidden layer, each as a small map, with
  the weight that carries it into the output unit.

The mathematics is in pure functions and in :class:`Trainer`, which tests and the lesson
call directly: :func:`make_dataset`, :func:`split_dataset`, :func:`build_network`,
:func:`hidden_outputs`, :func:`probability_grid`. Training is the loop of the lesson:
one iteration is one forward pass, one backward pass (``Sequential.backward``) and one
update of every weight together; one epoch is one pass over the training set in
mini-batches.

With ``student_train_step=train_step`` (exercise 07) the network is the exercise's
``2 → n_hidden (ReLU) → 1`` with the mean squared error, and every iteration calls the
student's own ``train_step``; the status line says whether it agrees with nnlib's
backpropagation on the same batch.

Play uses an ``ipywidgets.Play`` widget: the browser ticks its value, and every tick runs
a few epochs and redraws, so no thread is needed and tests simply call :meth:`Playground.step`.
"""

from __future__ import annotations

import html
import io
import math
import os
import time
from binascii import b2a_base64
from collections.abc import Callable, Sequence

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
from IPython.display import display
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import LinearSegmentedColormap, to_rgb
from matplotlib.lines import Line2D

from course.i18n import t
from course.numbers import fmt, fmt_percent
from course.plots import COLORS
from course.widgets.base import STATIC_WIDGETS, FigureWidget
from course.widgets.controls import int_slider, slider, with_readout
from course.widgets.student import ATOL, RTOL, call_student
from nnlib import datasets
from nnlib.activations import sigmoid
from nnlib.layers import Dense
from nnlib.losses import MSE, BinaryCrossEntropy
from nnlib.model import MLP, Sequential
from nnlib.optim import SGD

DATASETS = ("xor", "circles", "moons", "spiral", "blobs")
ACTIVATIONS = ("tanh", "relu", "sigmoid", "linear")
# The plane shown: every data set is scaled to lie (apart from its noise) inside ±1.
EXTENT = 1.6
RESOLUTION = 50
L2_CHOICES = (0.0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1)
MAX_UNITS_SHOWN = 16

# Class 0 orange, class 1 blue (the course palette), white at p = 0.5.
CLASS_COLORS = (COLORS[1], COLORS[0])
def _lighter(colour: str, amount: float = 0.5) -> tuple[float, float, float]:
    return tuple(c + (1.0 - c) * amount for c in to_rgb(colour))


# Lighter than the points' colours, so that the points stand out on the map.
PROBABILITY_CMAP = LinearSegmentedColormap.from_list(
    "playground", [_lighter(COLORS[1]), (1.0, 1.0, 1.0), _lighter(COLORS[0])]
)
UNIT_CMAP = "PuOr_r"


# ---------------------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------------------

def _check_choice(value, choices: Sequence[str], what: str, owner: str) -> str:
    if value not in choices:
        raise ValueError(f"{owner}: expected {what} to be one of {', '.join(choices)}, but received {value!r}")
    return value


def make_dataset(name: str, n: int = 200, noise: float = 0.1, rng=0) -> tuple[np.ndarray, np.ndarray]:
    """A two-class data set in the plane, scaled to lie (before noise) inside ±1.

    Parameters
    ----------
    name
        ``"xor"`` (class 1 where x₁·x₂ > 0, points uniform in the square), ``"circles"``,
        ``"moons"`` (two moons), ``"spiral"`` (two arms) or ``"blobs"`` (two Gaussian clouds).
    n
        Number of points (>= 4).
    noise
        Standard deviation of the Gaussian noise added to the points, in the units of the
        plane; >= 0. For the blobs it sets the spread of each cloud instead: a standard
        deviation of ``2 · noise``, at least 0.1.
    rng
        A ``numpy.random.Generator`` or an int seed.

    Returns
    -------
    X : ndarray of shape (n, 2)
    y : ndarray of shape (n,), int, labels 0 and 1
    """
    _check_choice(name, DATASETS, "the data set", "make_dataset")
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 4:
        raise ValueError(f"make_dataset: expected n to be a whole number >= 4, but received {n!r}")
    noise = float(noise)
    if not math.isfinite(noise) or noise < 0:
        raise ValueError(f"make_dataset: expected noise >= 0, but received {noise!r}")
    rng = np.random.default_rng(rng) if not isinstance(rng, np.random.Generator) else rng
    n = int(n)
    if name == "xor":
        # Keep a small gap around the axes so that the four quadrants are clear without noise.
        X = rng.uniform(0.05, 1.0, size=(n, 2)) * rng.choice([-1.0, 1.0], size=(n, 2))
        y = (X[:, 0] * X[:, 1] > 0).astype(int)
        X = X + rng.normal(scale=noise, size=X.shape)
    elif name == "circles":
        X, y = datasets.circles(n, noise=0.0, factor=0.45, rng=rng)
        X = X + rng.normal(scale=noise, size=X.shape)
    elif name == "moons":
        X, y = datasets.two_moons(n, noise=0.0, rng=rng)
        X = (X - np.array([0.5, 0.25])) * np.array([0.65, 1.3])
        X = X + rng.normal(scale=noise, size=X.shape)
    elif name == "spiral":
        X, y = datasets.spirals(n, n_classes=2, noise=0.0, rng=rng, turns=1.25)
        X = X + rng.normal(scale=noise, size=X.shape)
    else:
        spread = max(noise, 0.05) * 2.0
        X, y = datasets.blobs(n, centers=np.array([[-0.5, -0.5], [0.5, 0.5]]), std=spread, rng=rng)
    return np.asarray(X, dtype=float), np.asarray(y, dtype=int)


def split_dataset(X: np.ndarray, y: np.ndarray, train_share: float, rng=0):
    """Shuffle and split into ``(X_train, y_train, X_val, y_val)``.

    ``train_share`` (0 < share < 1) of the points go to training, the rest to validation;
    each part gets at least one point.
    """
    share = float(train_share)
    if not 0.0 < share < 1.0:
        raise ValueError(f"split_dataset: expected a training share between 0 and 1, but received {train_share!r}")
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    if len(X) != len(y) or len(X) < 2:
        raise ValueError(f"split_dataset: expected as many labels as points (at least 2), but received "
                         f"{len(X)} points and {len(y)} labels")
    rng = np.random.default_rng(rng) if not isinstance(rng, np.random.Generator) else rng
    order = rng.permutation(len(X))
    n_train = min(max(int(round(share * len(X))), 1), len(X) - 1)
    train, val = order[:n_train], order[n_train:]
    return X[train], y[train], X[val], y[val]


# ---------------------------------------------------------------------------------------
# Network
# ---------------------------------------------------------------------------------------

def build_network(hidden: Sequence[int], activation: str = "tanh", rng=0) -> Sequential:
    """``2 → hidden… → 1`` with ``activation`` in the hidden layers and no output activation.

    The output is the score ``z^(L)``; the probability of class 1 is ``σ(z^(L))``, and the
    loss is :class:`~nnlib.losses.BinaryCrossEntropy` with ``from_logits=True``, whose
    ``δ^(L) = (σ(z^(L)) − y) / N`` is the gradient of chapter 04.
    """
    _check_choice(activation, ACTIVATIONS, "the activation", "build_network")
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


# ---------------------------------------------------------------------------------------
# Training
# ---------------------------------------------------------------------------------------

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
        self.engine = _check_choice(engine, ("fused", "nnlib"), "the engine", "Trainer")
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
            model.backward(loss.backward())           # backward pass: every gradient at once
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


# ---------------------------------------------------------------------------------------
# Plots for the lesson
# ---------------------------------------------------------------------------------------

def draw_points(ax, X, y, *, validation: bool = False, label: str | None = None):
    """Scatter the points coloured by class; validation points with a black edge."""
    colours = np.array(CLASS_COLORS)[np.asarray(y, dtype=int)]
    edge = "black" if validation else "white"
    return ax.scatter(X[:, 0], X[:, 1], c=colours, s=26, edgecolors=edge, linewidths=0.9 if validation else 0.6,
                      zorder=3, label=label)


def plot_decision_boundary(model: Sequential, X, y, *, ax=None, title: str | None = None, output: str = "logit",
                           extent: float | None = None):
    """The probability map of ``model`` with the 0.5 contour and the points ``(X, y)``."""
    if ax is None:
        fig, ax = plt.subplots(figsize=(5.0, 4.6))
    extent = extent or max(EXTENT, float(np.abs(X).max()) * 1.1)
    p = probability_grid(model, extent, 120, output=output)
    ax.imshow(p, origin="lower", extent=(-extent, extent, -extent, extent), cmap=PROBABILITY_CMAP, vmin=0, vmax=1,
              interpolation="bilinear")
    axis = np.linspace(-extent, extent, 120)
    if p.min() < 0.5 < p.max():
        ax.contour(axis, axis, p, levels=[0.5], colors="0.2", linewidths=1.2)
    draw_points(ax, np.asarray(X, dtype=float), y)
    ax.set_xlim(-extent, extent)
    ax.set_ylim(-extent, extent)
    ax.set_aspect("equal")
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.grid(False)
    if title:
        ax.set_title(title)
    return ax


# ---------------------------------------------------------------------------------------
# The widget
# ---------------------------------------------------------------------------------------

class Blitter:
    """Render a figure to JPEG bytes fast, by blitting in Agg.

    A Jupyter kernel can only send pictures, so every redraw is an image. The figure is
    drawn in full only when ``key`` changes (axis limits, titles, …); the background is then
    saved, and every other redraw restores it and draws only the ``dynamic`` artists on top.
    JPEG at quality 90 encodes several times faster than PNG for pictures like these (smooth
    colour maps), which is what keeps Play above ten redraws per second.
    """

    def __init__(self, fig) -> None:
        self.fig = fig
        FigureCanvasAgg(fig)  # draw with Agg ourselves, whatever the notebook's backend
        self._background = None
        self._key = None
        self.full_draws = 0

    def render(self, dynamic: Sequence, key: tuple, image_format: str = "jpeg") -> bytes:
        """The figure as ``image_format`` ("jpeg" or "png") bytes, with ``dynamic`` drawn on top."""
        from PIL import Image

        canvas = self.fig.canvas
        if key != self._key or self._background is None:
            for artist in dynamic:
                artist.set_animated(True)  # left out of the full draw, drawn on top below
            canvas.draw()
            self._background = canvas.copy_from_bbox(self.fig.bbox)
            self._key = key
            self.full_draws += 1
        else:
            canvas.restore_region(self._background)
        renderer = canvas.get_renderer()
        for artist in dynamic:
            if artist.get_visible():
                artist.draw(renderer)
        width, height = canvas.get_width_height(physical=True)
        image = Image.frombuffer("RGBA", (width, height), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
        buffer = io.BytesIO()
        if image_format == "png":
            image.save(buffer, format="png")
        else:
            image.convert("RGB").save(buffer, format="jpeg", quality=90)
        return buffer.getvalue()


def _nice_epochs(epochs: int) -> int:
    """The x-limit of the loss plot: 10, 20, 40, 80, … (the first that holds ``epochs``)."""
    limit = 10
    while limit < epochs:
        limit *= 2
    return limit


def _nice_ceiling(value: float) -> float:
    """``value`` rounded up to 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × a power of ten (the y-limit)."""
    if not math.isfinite(value) or value <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(value))
    for factor in (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0):
        if factor * power >= value * 1.02:
            return factor * power
    return 10.0 * power

class Playground(FigureWidget):
    """Train a small network on 2-D data, live: controls above, map and loss curves below.

    Controls (all settable from Python): ``dataset``, ``noise``, ``train_share`` (new data,
    new network), ``layers``, ``units``, ``activation`` (new network), ``learning_rate``,
    ``batch_size``, ``l2``, ``epochs_per_step`` (training continues), ``show_units``; the
    buttons ``step_button`` and ``reset_button``; ``play`` (an ``ipywidgets.Play``: every
    tick of its value runs :meth:`step`).

    Attributes used by tests: ``trainer`` (a :class:`Trainer`), ``image`` (the probability
    map, an ``AxesImage``), ``points`` (training points with white edges, validation points
    with black), ``boundary_line``, ``train_line``, ``val_line`` (loss curves),
    ``epoch_text``, ``unit_images``, ``status``, ``picture`` and ``units_picture`` (the
    ``ipywidgets.Image`` s the notebook shows), ``redraws``, ``full_draws``;
    ``min_tick_gap`` and ``skipped_ticks`` (Play ticks that waited behind a slow step).

    Parameters
    ----------
    dataset, hidden, activation, learning_rate, batch_size, noise, train_share, l2
        Initial settings; ``hidden`` is a list of units per layer (all layers get the same
        number of units, the first entry's).
    n_points
        Number of points in the data set (training + validation).
    seed
        Seed of the data; Reset draws new initial weights from a seed counted up from it.
    student_train_step
        The student's ``train_step`` from exercise 07 (see :class:`Trainer`).
    """

    def __init__(self, dataset: str = "xor", *, hidden: Sequence[int] = (4, 4), activation: str = "tanh",
                 learning_rate: float = 0.03, batch_size: int = 10, noise: float = 0.0, train_share: float = 0.5,
                 l2: float = 0.0, n_points: int = 200, epochs_per_step: int = 5, seed: int = 0,
                 student_train_step: Callable | None = None) -> None:
        super().__init__(ncols=2, figsize=(10.5, 4.4))
        _check_choice(dataset, DATASETS, "the data set", "Playground")
        _check_choice(activation, ACTIVATIONS, "the activation", "Playground")
        if student_train_step is not None and not callable(student_train_step):
            raise TypeError("Playground: expected student_train_step to be a function train_step(X, Y, W1, b1, W2, "
                            f"b2, learning_rate), but received {type(student_train_step).__name__}")
        self.student_train_step = student_train_step
        student = student_train_step is not None
        self.n_points = int(n_points)
        self.data_seed = int(seed)
        self.model_seed = int(seed)
        hidden = list(hidden)

        self.dataset = widgets.Dropdown(options=[(t(f"playground.data_{name}"), name) for name in DATASETS],
                                        value=dataset, description=t("playground.dataset"))
        self.noise = slider(t("playground.noise"), min=0.0, max=0.5, step=0.05, value=noise, decimals=2,
                            continuous_update=False)
        self.train_share = slider(t("playground.train_share"), min=0.1, max=0.9, step=0.1, value=train_share,
                                  decimals=1, continuous_update=False)
        # With the student's train_step the network has exactly one hidden layer (disabled below).
        self.layers = int_slider(t("playground.layers"), min=0, max=4, value=1 if student else len(hidden),
                                 continuous_update=False)
        self.units = int_slider(t("playground.units"), min=1, max=16, value=hidden[0] if hidden else 4,
                                continuous_update=False)
        self.activation = widgets.Dropdown(options=[(t(f"playground.act_{name}"), name) for name in ACTIVATIONS],
                                           value="relu" if student else activation,
                                           description=t("playground.activation"))
        self.learning_rate = slider(t("playground.learning_rate"), min=0.001, max=3.0, step=0.1,
                                    value=learning_rate, log=True, continuous_update=False)
        self.batch_size = int_slider(t("playground.batch_size"), min=1, max=100, value=batch_size,
                                     continuous_update=False)
        self.l2 = widgets.Dropdown(options=[(t("playground.l2_off") if v == 0 else fmt(v), v) for v in L2_CHOICES],
                                   value=0.0 if student else min(L2_CHOICES, key=lambda v: abs(v - l2)),
                                   description=t("playground.l2"))
        self.epochs_per_step = int_slider(t("playground.epochs_per_step"), min=1, max=50, value=epochs_per_step,
                                          continuous_update=False)
        self.show_units = widgets.Checkbox(value=False, description=t("playground.show_units"), indent=False)
        self.step_button = widgets.Button(description=t("playground.step"), icon="step-forward")
        self.reset_button = widgets.Button(description=t("playground.reset"), icon="refresh")
        # The browser ticks the value every `interval` ms while playing; each tick is one step.
        self.play = widgets.Play(value=0, min=0, max=10**7, step=1, interval=100, description=t("playground.play"),
                                 show_repeat=False)
        for control in (self.layers, self.activation, self.l2):
            control.disabled = student
        # Room for the longest label ("learning rate η", "inlärningstakt η") without cutting it.
        for control in (self.dataset, self.noise, self.train_share, self.layers, self.units, self.activation,
                        self.learning_rate, self.batch_size, self.l2, self.epochs_per_step):
            control.style.description_width = "9em"

        self._blitter = Blitter(self.fig)
        self._build_artists()
        self.picture = widgets.Image(format="jpeg", layout=widgets.Layout(max_width="100%"))
        self.units_picture = widgets.Image(format="png", layout=widgets.Layout(max_width="100%", display="none"))
        self.redraws = 0
        self.min_tick_gap = 0.03  # seconds; see _tick
        self.skipped_ticks = 0
        self._last_step_end = -math.inf
        self._new_data()

        # These observers run before the redraw that watch() attaches, so the redraw sees the new state.
        for control in (self.dataset, self.noise, self.train_share):
            control.observe(lambda _change: self._new_data(), names="value")
        for control in (self.layers, self.units, self.activation):
            control.observe(lambda _change: self._new_model(), names="value")
        self.learning_rate.observe(lambda change: setattr(self.trainer, "learning_rate", change["new"]), names="value")
        self.batch_size.observe(lambda change: setattr(self.trainer, "batch_size", change["new"]), names="value")
        self.l2.observe(lambda change: setattr(self.trainer, "l2", change["new"]), names="value")
        self.step_button.on_click(lambda _button: self.step())
        self.reset_button.on_click(lambda _button: self.reset())
        self.play.observe(self._tick, names="value")
        self.watch(self.dataset, self.noise, self.train_share, self.layers, self.units, self.activation,
                   self.learning_rate, self.batch_size, self.l2, self.epochs_per_step, self.show_units)
        # Buttons and Play redraw through step()/reset(), so they are laid out but not watched.
        self.controls = [self.play, self.step_button, self.reset_button, *self.controls]

    # Figure -------------------------------------------------------------------------
    def _build_artists(self) -> None:
        ax, ax_loss = self.axes
        self.image = ax.imshow(np.full((RESOLUTION, RESOLUTION), 0.5), origin="lower",
                               extent=(-EXTENT, EXTENT, -EXTENT, EXTENT), cmap=PROBABILITY_CMAP, vmin=0.0, vmax=1.0,
                               interpolation="bilinear")
        # Training and validation points in one collection (one draw call): white or black edges.
        self.points = ax.scatter(np.zeros(1), np.zeros(1), s=24, linewidths=0.8, zorder=3)
        (self.boundary_line,) = ax.plot([], [], color="0.15", linewidth=1.3)
        ax.set_xlim(-EXTENT, EXTENT)
        ax.set_ylim(-EXTENT, EXTENT)
        ax.set_aspect("equal")
        ax.grid(False)
        ax.set_xlabel("$x_1$")
        ax.set_ylabel("$x_2$")
        # The legend sits under the map, in the static background, so that nothing covers it.
        proxies = [
            Line2D([], [], marker="o", linestyle="none", markerfacecolor="0.55", markeredgecolor="white",
                   markersize=6, label=t("playground.train_points")),
            Line2D([], [], marker="o", linestyle="none", markerfacecolor="0.55", markeredgecolor="black",
                   markersize=6, label=t("playground.val_points")),
            Line2D([], [], color="0.15", linewidth=1.3, label=t("playground.boundary")),
        ]
        ax.legend(handles=proxies, loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2, fontsize=8,
                  frameon=False)
        colorbar = self.fig.colorbar(self.image, ax=ax, fraction=0.046, pad=0.03)
        colorbar.set_label(t("playground.probability"))
        (self.train_line,) = ax_loss.plot([], [], color=COLORS[0], label=t("playground.train_loss"))
        (self.val_line,) = ax_loss.plot([], [], color=COLORS[1], linestyle="--", label=t("playground.val_loss"))
        self.epoch_text = ax_loss.text(0.03, 0.05, "", transform=ax_loss.transAxes, fontsize=10)
        ax_loss.set_title(t("playground.loss_title"), fontsize=11)
        ax_loss.set_xlabel(t("playground.epoch"))
        ax_loss.set_ylabel(t("playground.loss"))
        ax_loss.legend(loc="upper right", fontsize=9)
        self.fig.tight_layout()
        self.units_fig = None
        self.unit_images: list = []

    def _boundary_points(self, p: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The 0.5 level line of ``p`` as one polyline with NaN breaks (marching squares by matplotlib)."""
        if not p.min() < 0.5 < p.max():
            return np.empty(0), np.empty(0)
        axis = np.linspace(-EXTENT, EXTENT, RESOLUTION)
        contour = self._contour_generator(axis, p)
        xs, ys = [], []
        for segment in contour:
            xs.extend([*segment[:, 0], np.nan])
            ys.extend([*segment[:, 1], np.nan])
        return np.array(xs), np.array(ys)

    @staticmethod
    def _contour_generator(axis: np.ndarray, p: np.ndarray) -> list[np.ndarray]:
        import contourpy

        generator = contourpy.contour_generator(axis, axis, p)
        return generator.lines(0.5)

    def _units_figure(self, n_units: int):
        columns = min(n_units, 8)
        rows = math.ceil(n_units / columns)
        fig, axes = plt.subplots(rows, columns, figsize=(1.3 * columns, 1.55 * rows + 0.45), squeeze=False)
        plt.close(fig)
        images = []
        for index, ax in enumerate(axes.ravel()):
            ax.set_xticks([])
            ax.set_yticks([])
            ax.grid(False)
            if index >= n_units:
                ax.set_visible(False)
                continue
            images.append(ax.imshow(np.zeros((RESOLUTION, RESOLUTION)), origin="lower", cmap=UNIT_CMAP,
                                    extent=(-EXTENT, EXTENT, -EXTENT, EXTENT), vmin=-1, vmax=1,
                                    interpolation="bilinear"))
            # A title as long as the real ones, so that the layout leaves room for them.
            ax.set_title(t("playground.unit_weight", j=index + 1, w=fmt(-0.5, decimals=2)), fontsize=8)
        fig.suptitle(t("playground.units_title"), fontsize=10)
        fig.tight_layout(rect=(0, 0, 1, 0.93), h_pad=1.2)
        return fig, images

    # State ---------------------------------------------------------------------------
    def _new_data(self) -> None:
        X, y = make_dataset(self.dataset.value, self.n_points, self.noise.value, rng=self.data_seed)
        self.X_train, self.y_train, self.X_val, self.y_val = split_dataset(
            X, y, self.train_share.value, rng=self.data_seed + 1
        )
        self._new_model()

    def _new_model(self) -> None:
        hidden = [int(self.units.value)] * int(self.layers.value)
        self.trainer = Trainer(self.X_train, self.y_train, self.X_val, self.y_val, hidden=hidden,
                               activation=self.activation.value, learning_rate=self.learning_rate.value,
                               batch_size=int(self.batch_size.value), l2=self.l2.value, seed=self.model_seed,
                               student_train_step=self.student_train_step)

    def reset(self) -> None:
        """New random initial weights (same data and settings), then redraw."""
        self.model_seed += 1
        self._new_model()
        self.refresh()

    def step(self) -> None:
        """Train ``epochs_per_step`` epochs and redraw."""
        self.trainer.train(int(self.epochs_per_step.value))
        self.refresh()

    def _tick(self, change) -> None:
        # Stop sets the value back to its minimum: that is no step.
        if change["new"] <= change["old"]:
            return
        # When a step takes longer than the Play interval, the browser's ticks queue up in the
        # kernel and would keep training after Pause. A tick that arrives right after the
        # previous step ended was waiting in that queue: skip it.
        if time.perf_counter() - self._last_step_end < self.min_tick_gap:
            self.skipped_ticks += 1
            return
        self.step()
        self._last_step_end = time.perf_counter()

    # Drawing -------------------------------------------------------------------------
    def update(self) -> None:
        trainer = self.trainer
        ax, ax_loss = self.axes
        p = trainer.probabilities()
        self.image.set_data(p)
        xs, ys = self._boundary_points(p)
        self.boundary_line.set_data(xs, ys)
        self.points.set_offsets(np.concatenate([self.X_train, self.X_val]))
        self.points.set_facecolors(np.array(CLASS_COLORS)[np.concatenate([self.y_train, self.y_val])])
        self.points.set_edgecolors(["white"] * len(self.X_train) + ["black"] * len(self.X_val))
        epochs = np.arange(len(trainer.train_losses))
        self.train_line.set_data(epochs, trainer.train_losses)
        self.val_line.set_data(epochs, trainer.val_losses)
        finite = [v for v in (*trainer.train_losses, *trainer.val_losses) if math.isfinite(v)]
        # Limits change in steps (doubling epochs, a rounded-up loss), so most redraws can blit.
        ax_loss.set_xlim(0, _nice_epochs(len(epochs) - 1))
        ax_loss.set_ylim(0, _nice_ceiling(1.3 * max(finite)) if finite else 1.0)  # room for the legend
        self.epoch_text.set_text(t("playground.epoch_text", epoch=fmt(trainer.epoch)))
        title = "playground.map_title_student" if self.student_train_step is not None else "playground.map_title"
        ax.set_title(t(title, sizes=self._sizes_text()), fontsize=11)
        if self.show_units.value:
            self._update_units()
        self.status.value = self._status()
        self.redraws += 1

    def _sizes_text(self) -> str:
        return "–".join(str(size) for size in [2, *self.trainer.hidden, 1])

    def _update_units(self) -> None:
        trainer = self.trainer
        if not trainer.hidden:
            self.unit_images = []
            return
        n_units = min(trainer.hidden[-1], MAX_UNITS_SHOWN)
        if self.units_fig is None or len(self.unit_images) != n_units:
            self.units_fig, self.unit_images = self._units_figure(n_units)
            self._units_blitter = Blitter(self.units_fig)
        with np.errstate(over="ignore", invalid="ignore"):
            outputs = hidden_outputs(trainer.model, grid_points())[-1]
        weights = dense_layers(trainer.model)[-1].params["W"][0]
        # White where the unit's output is 0 (tanh, ReLU, linear) or ½ (sigmoid): the colours
        # show the sign, or the side of ½, and the strength.
        for j, image in enumerate(self.unit_images):
            values = outputs[:, j].reshape(RESOLUTION, RESOLUTION)
            if trainer.activation == "sigmoid":
                bottom, top = 0.0, 1.0
            elif trainer.activation == "tanh":
                bottom, top = -1.0, 1.0
            else:  # ReLU and linear outputs have no fixed range
                top = max(float(np.nanmax(np.abs(values))), 1e-6)
                bottom = -top
            image.set_data(values)
            image.set_clim(bottom, top)
            image.axes.set_title(t("playground.unit_weight", j=j + 1, w=fmt(float(weights[j]), decimals=2)),
                                 fontsize=8)

    def _status(self) -> str:
        trainer = self.trainer
        parts = []
        if trainer.diverged:
            parts.append("<b>" + t("playground.diverged", lr=fmt(trainer.learning_rate)) + "</b>")
        parts.append(t(
            "playground.status",
            epoch=fmt(trainer.epoch),
            iterations=fmt(trainer.epoch * trainer.iterations_per_epoch),
            per_epoch=fmt(trainer.iterations_per_epoch),
            train=fmt(trainer.train_losses[-1], decimals=3) if math.isfinite(trainer.train_losses[-1]) else "∞",
            val=fmt(trainer.val_losses[-1], decimals=3) if math.isfinite(trainer.val_losses[-1]) else "∞",
            train_acc=fmt_percent(trainer.accuracy(self.X_train, trainer.Y_train), decimals=0),
            val_acc=fmt_percent(trainer.accuracy(self.X_val, trainer.Y_val), decimals=0),
            params=fmt(trainer.model.n_params()),
        ))
        if self.student_train_step is not None:
            parts.append(self._student_status())
        return "<br>".join(parts)

    def _student_status(self) -> str:
        trainer = self.trainer
        name = getattr(self.student_train_step, "__name__", "train_step")
        outcome = trainer.student_outcome
        if outcome == "not_answered":
            return t("playground.student_not_answered", name=name)
        if outcome == "error":
            return t("playground.student_raised", name=name, error=html.escape(trainer.student_message))
        if outcome == "shape":
            return t("playground.student_bad_return", name=name, what=html.escape(trainer.student_message))
        if outcome == "nonfinite":
            return t("playground.student_nonfinite", name=name)
        if outcome == "ok":
            if getattr(trainer, "student_agrees", False):
                return t("playground.student_agrees", name=name, diff=fmt(trainer.student_difference))
            return t("playground.student_disagrees", name=name, diff=fmt(trainer.student_difference))
        return t("playground.student_ready", name=name)

    # Display -------------------------------------------------------------------------
    # Redraws go through a Blitter: the moving artists (map, boundary, points, loss curves,
    # epoch text) are drawn on a saved background until the layout changes.
    def _dynamic_artists(self) -> list:
        ax, ax_loss = self.axes
        return [self.image, self.boundary_line, self.points, self.train_line, self.val_line, self.epoch_text]

    def _layout_key(self) -> tuple:
        ax, ax_loss = self.axes
        return (ax.get_title(), ax_loss.get_xlim(), ax_loss.get_ylim(), self.fig.get_size_inches().tobytes())

    def render(self) -> bytes:
        """The main figure as JPEG bytes (drawn in full only when its layout changed)."""
        return self._blitter.render(self._dynamic_artists(), self._layout_key())

    @property
    def full_draws(self) -> int:
        return self._blitter.full_draws

    def _render_units(self) -> bytes:
        dynamic = [artist for image in self.unit_images for artist in (image, image.axes.title)]
        return self._units_blitter.render(dynamic, (id(self.units_fig),))

    def refresh(self) -> None:
        self.update()
        self.updates += 1
        self.picture.value = self.render()
        if self.show_units.value and self.unit_images:
            self.units_picture.value = self._render_units()
            self.units_picture.layout.display = None
        else:
            self.units_picture.layout.display = "none"

    @property
    def widget(self) -> widgets.Widget:
        rows = [widgets.HBox([self.play, self.step_button, self.reset_button]),
                *[widgets.HBox([with_readout(c) for c in self.controls[i:i + 3]])
                  for i in range(3, len(self.controls), 3)]]
        return widgets.VBox([*rows, self.status, self.picture, self.units_picture])

    def _ipython_display_(self) -> None:
        if os.environ.get(STATIC_WIDGETS):
            # Executed for a slide deck (course.slides): the picture alone, no controls.
            self.update()
            png = self._blitter.render(self._dynamic_artists(), self._layout_key(), image_format="png")
            display({"image/png": b2a_base64(png, newline=False).decode("ascii"), "text/plain": repr(self.fig)},
                    raw=True)
            return
        self.refresh()
        display(self.widget)
