"""Networks made of layers: :class:`Sequential`, the :func:`MLP` shortcut, save and load.

A saved model is one ``.npz`` file holding every parameter array and, under the key
``__nnlib_config__``, the JSON description of the layers. Loading never unpickles
anything, so opening a model file from someone else cannot run their code.
"""

from __future__ import annotations

import json
import os
import tempfile
import zipfile
from pathlib import Path
from typing import Iterable, Iterator

import numpy as np

from nnlib import activations
from nnlib.layers import Dense, Flatten, Layer

FORMAT = "nnlib-model"
FORMAT_VERSION = 1
CONFIG_KEY = "__nnlib_config__"


class Sequential:
    """Layers applied one after the other: ``g(x) = f_L(… f_2(f_1(x)) …)``.

    ``backward(dY)`` runs the layers in reverse order; afterwards every layer's ``grads``
    hold ∂L/∂(its parameters) for the batch of the last ``forward``.

    Examples
    --------
    >>> from nnlib.layers import Dense
    >>> from nnlib.activations import ReLU
    >>> model = Sequential([Dense(2, 4, rng=0), ReLU(), Dense(4, 1, rng=1)])
    >>> model.forward(np.zeros((3, 2))).shape
    (3, 1)
    """

    def __init__(self, layers: Iterable[Layer]) -> None:
        self.layers = list(layers)
        if not self.layers:
            raise ValueError("Sequential: expected at least one layer, but received none")
        for i, layer in enumerate(self.layers):
            if not isinstance(layer, Layer):
                raise TypeError(
                    f"Sequential: expected layer {i} to be an nnlib Layer (Dense, ReLU, …), "
                    f"but received {type(layer).__name__}"
                )

    def forward(self, X: np.ndarray) -> np.ndarray:
        """Push a batch ``X`` (N, …) through every layer; returns the last layer's output."""
        for layer in self.layers:
            X = layer.forward(X)
        return X

    __call__ = forward

    def backward(self, dY: np.ndarray) -> np.ndarray:
        """Given ∂L/∂(output), fill every layer's ``grads`` and return ∂L/∂X."""
        for layer in reversed(self.layers):
            dY = layer.backward(dY)
        return dY

    def predict(self, X: np.ndarray) -> np.ndarray:
        """The network's output for ``X`` (same as :meth:`forward`)."""
        return self.forward(X)

    def parameters(self) -> Iterator[tuple[str, np.ndarray, np.ndarray]]:
        """``(name, parameter, gradient)`` for every parameter, e.g. ``("0.W", W, dW)``."""
        for i, layer in enumerate(self.layers):
            for key, value in layer.params.items():
                yield f"{i}.{key}", value, layer.grads[key]

    @property
    def params(self) -> dict[str, np.ndarray]:
        return {name: value for name, value, _ in self.parameters()}

    def n_params(self) -> int:
        """Number of learned numbers (weights and biases) in the network."""
        return sum(layer.n_params() for layer in self.layers)

    def get_weights(self) -> dict[str, np.ndarray]:
        """A copy of every parameter, for checkpoints and early stopping."""
        return {name: value.copy() for name, value, _ in self.parameters()}

    def set_weights(self, weights: dict[str, np.ndarray]) -> None:
        """Copy ``weights`` (from :meth:`get_weights`) into the parameters, in place."""
        own = self.params
        if set(weights) != set(own):
            raise ValueError(
                f"Sequential.set_weights: expected parameters {sorted(own)}, but received {sorted(weights)}"
            )
        for name, value in weights.items():
            if own[name].shape != np.shape(value):
                raise ValueError(
                    f"Sequential.set_weights: expected {name} of shape {own[name].shape}, "
                    f"but received shape {np.shape(value)}"
                )
            own[name][...] = value

    def config(self) -> dict:
        return {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "layers": [{"class": type(layer).__name__, "config": layer.config()} for layer in self.layers],
        }

    def summary(self) -> str:
        """One line per layer with its parameter count, and the total."""
        lines = [f"{'layer':<40} {'parameters':>10}"]
        for i, layer in enumerate(self.layers):
            lines.append(f"{f'{i}: {layer!r}':<40} {layer.n_params():>10,}")
        lines.append(f"{'total':<40} {self.n_params():>10,}")
        return "\n".join(lines)

    def __repr__(self) -> str:
        inner = "".join(f"\n  ({i}): {layer!r}" for i, layer in enumerate(self.layers))
        return f"{type(self).__name__}({inner}\n)  # {self.n_params():,} parameters"

    def save(self, path: str | os.PathLike) -> Path:
        return save(self, path)


_DEFAULT_INIT = {"relu": "he", "leaky_relu": "he"}


def MLP(
    sizes: Iterable[int],
    *,
    activation: str = "relu",
    output: str | None = None,
    init: str | None = None,
    rng=None,
) -> Sequential:
    """A fully connected network with layer sizes ``sizes = [n_in, n_hidden…, n_out]``.

    ``activation`` goes after every hidden layer, ``output`` (``None``/"identity" for
    regression or logits, "sigmoid", "softmax", …) after the last. Weights start with He
    initialisation for ReLU-like activations and Xavier/Glorot otherwise, unless ``init``
    says which.

    >>> MLP([2, 8, 1], activation="tanh", output="sigmoid", rng=0).n_params()
    33
    """
    from nnlib._checks import make_rng

    sizes = [int(s) for s in sizes]
    if len(sizes) < 2 or any(s < 1 for s in sizes):
        raise ValueError(f"MLP: expected sizes like [n_in, n_hidden, n_out] with every size >= 1, but received {sizes}")
    activations.layer(activation)  # fail early, with the list of valid names
    if output is not None:
        activations.layer(output)
    init = init or _DEFAULT_INIT.get(activation, "xavier")
    rng = make_rng(rng)
    layers: list[Layer] = []
    for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        layers.append(Dense(n_in, n_out, init=init, rng=rng))
        if i < len(sizes) - 2:
            layers.append(activations.layer(activation))
    if output not in (None, "identity", "linear"):
        layers.append(activations.layer(output))
    return Sequential(layers)


def _layer_classes() -> dict[str, type[Layer]]:
    from nnlib import conv

    classes: dict[str, type[Layer]] = {"Dense": Dense, "Flatten": Flatten}
    classes.update({cls.__name__: cls for cls in activations.LAYERS.values()})
    classes.update({name: getattr(conv, name) for name in ("Conv2D", "MaxPool2D") if hasattr(conv, name)})
    return classes


def save(model: Sequential, path: str | os.PathLike) -> Path:
    """Save ``model`` to ``path`` (``.npz`` is added if missing) atomically.

    The file is written to a temporary name in the same folder and renamed into place,
    so an interrupted save leaves the previous file intact and never a half-written one.
    """
    path = Path(path)
    if path.suffix != ".npz":
        path = path.with_name(path.name + ".npz")
    arrays = {name: value for name, value, _ in model.parameters()}
    arrays[CONFIG_KEY] = np.frombuffer(json.dumps(model.config()).encode("utf-8"), dtype=np.uint8)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            np.savez(f, **arrays)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes the file private; a saved model is an ordinary file
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def load(path: str | os.PathLike) -> Sequential:
    """Rebuild a model saved with :func:`save`; a wrong or damaged file gives a ValueError."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"load: no model file at {str(path)!r}")
    try:
        with np.load(path, allow_pickle=False) as data:
            arrays = {key: data[key] for key in data.files}
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as error:
        raise ValueError(
            f"load: expected an nnlib model file (.npz written by save), but {str(path)!r} "
            f"is damaged or of another kind ({type(error).__name__}: {error})"
        ) from None
    if CONFIG_KEY not in arrays:
        raise ValueError(f"load: {str(path)!r} is an .npz file but not an nnlib model (it has no model description)")
    try:
        config = json.loads(arrays.pop(CONFIG_KEY).tobytes().decode("utf-8"))
        if config.get("format") != FORMAT:
            raise ValueError(f"format {config.get('format')!r}")
        if config.get("version") != FORMAT_VERSION:
            raise ValueError(f"version {config.get('version')!r}, this nnlib reads version {FORMAT_VERSION}")
        classes = _layer_classes()
        layers = []
        for spec in config["layers"]:
            if spec["class"] not in classes:
                raise ValueError(f"unknown layer class {spec['class']!r}")
            # Built with fresh initial weights, which set_weights overwrites below.
            layers.append(classes[spec["class"]](**spec["config"]))
        model = Sequential(layers)
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError(f"load: {str(path)!r} has an invalid model description: {error}") from None
    try:
        model.set_weights(arrays)
    except ValueError as error:
        raise ValueError(f"load: {str(path)!r} does not match its own description: {error}") from None
    return model
