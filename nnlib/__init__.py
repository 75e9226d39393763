"""nnlib: a small, readable numpy library for learning neural networks from scratch.

Conventions (the course's notation):

- batch first: ``X`` has shape ``(N, n_in)``, one row per sample;
- a Dense layer's ``W`` has shape ``(n_out, n_in)``, so ``W[j, k]`` is w_jk, the weight
  to node j from node k, and ``Z = X @ W.T + b``;
- convolutions use ``(N, C, H, W)`` and kernels ``(C_out, C_in, kH, kW)``;
- every layer has ``forward(X)``, ``backward(dY) -> dX`` and ``params``/``grads`` dicts,
  where ``dY`` always means ∂L/∂Y;
- randomness comes from a ``numpy.random.Generator`` (``rng=``), never global state.

>>> import nnlib
>>> X, y = nnlib.datasets.two_moons(200, noise=0.1, rng=0)
>>> model = nnlib.MLP([2, 16, 16, 1], activation="tanh", output="sigmoid", rng=0)
>>> history = nnlib.fit(model, nnlib.BinaryCrossEntropy(), nnlib.Adam(0.01), X, y,
...                     epochs=200, batch_size=32, rng=0, progress=False)
>>> nnlib.accuracy(model.predict(X), y) > 0.97
True
"""

from nnlib import activations, data, datasets, init, losses, lstsq, metrics
from nnlib.activations import LeakyReLU, ReLU, Sigmoid, Softmax, Step, Tanh, Identity, softmax
from nnlib.conv import Conv2D, MaxPool2D
from nnlib.data import Standardizer, one_hot, standardize, train_test_split
from nnlib.gradcheck import gradcheck, numerical_gradient
from nnlib.layers import Dense, Flatten, Layer
from nnlib.losses import MSE, BinaryCrossEntropy, CrossEntropy
from nnlib.metrics import accuracy, confusion_matrix
from nnlib.model import MLP, Sequential, load, save
from nnlib.optim import SGD, Adam
from nnlib.perceptron import Perceptron
from nnlib.training import Checkpoint, EarlyStopping, History, TrainingDiverged, fit

__all__ = [
    "activations", "data", "datasets", "init", "losses", "lstsq", "metrics",
    "Layer", "Dense", "Flatten", "Conv2D", "MaxPool2D",
    "Identity", "Step", "Sigmoid", "Tanh", "ReLU", "LeakyReLU", "Softmax", "softmax",
    "Sequential", "MLP", "save", "load",
    "MSE", "BinaryCrossEntropy", "CrossEntropy",
    "SGD", "Adam",
    "fit", "History", "EarlyStopping", "Checkpoint", "TrainingDiverged",
    "gradcheck", "numerical_gradient",
    "accuracy", "confusion_matrix", "train_test_split", "one_hot", "standardize", "Standardizer",
    "Perceptron",
]
