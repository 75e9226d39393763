"""Networks made of layers: :class:`Sequential`, the :func:`MLP` shortcut, save and load.

A saved model is one ``.npz`` file holding every parameter array and, under the key
``__nnlib_config__``, the JSON description of the layers. Loading never unpickles
anything, so opening a model file from someone else cannot run their code.
"""

from __future__ import annotations

import inspect
import json
import math
import os
import re
import struct
import tempfile
import time
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Mapping
from itertools import accumulate
from pathlib import Path

import numpy as np

from nnlib import activations
from nnlib._checks import as_float_array, check_int, describe, make_rng
from nnlib._dtype import float_dtype
from nnlib.layers import Dense, Flatten, Layer, WeightedLayer

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

    ``dtype`` (``np.float32`` or ``np.float64``) converts every layer's weights to that
    type; without it the layers keep theirs, which must then agree. The model computes in
    its dtype throughout: ``Sequential([...], dtype=np.float32).forward(X)`` is float32
    even for float64 ``X``.
    """

    def __init__(self, layers: Iterable[Layer], *, dtype=None) -> None:
        if isinstance(layers, Layer):
            raise TypeError(
                f"Sequential: expected layers to be a list of layers, but received one {layers.name}; "
                f"write Sequential([{layers.name}(...)])"
            )
        try:
            self.layers = list(layers)
        except TypeError:
            raise TypeError(
                f"Sequential: expected layers to be a list of layers (Dense, ReLU, …), but received {describe(layers)}"
            ) from None
        if not self.layers:
            raise ValueError("Sequential: expected at least one layer, but received none")
        for i, layer in enumerate(self.layers):
            if not isinstance(layer, Layer):
                raise TypeError(
                    f"Sequential: expected layer {i} to be an nnlib Layer (Dense, ReLU, …), "
                    f"but received {type(layer).__name__}"
                )
        weighted = [(i, layer) for i, layer in enumerate(self.layers) if isinstance(layer, WeightedLayer)]
        if dtype is not None:
            dtype = float_dtype(dtype, "Sequential")
            for _, layer in weighted:
                layer.astype(dtype)
        elif len({layer.dtype for _, layer in weighted}) > 1:
            found = ", ".join(f"layer {i} {layer.dtype}" for i, layer in weighted)
            raise ValueError(
                f"Sequential: expected every layer's weights in one dtype, but received {found}; "
                f"pass dtype=np.float32 or dtype=np.float64 to convert them all"
            )

    @property
    def dtype(self) -> np.dtype:
        """The float type of the weights (float64 for a model without weights)."""
        for layer in self.layers:
            if isinstance(layer, WeightedLayer):
                return layer.dtype
        return np.dtype(np.float64)

    def forward(self, X: np.ndarray) -> np.ndarray:
        """Push a batch ``X`` (N, …) through every layer; returns the last layer's output."""
        for layer in self.layers:
            X = layer.forward(X)
        return X

    __call__ = forward

    def backward(self, dY: np.ndarray, *, input_grad: bool = True) -> np.ndarray | None:
        """Given ∂L/∂(output), fill every layer's ``grads`` and return ∂L/∂X.

        Training passes ``input_grad=False`` (``fit`` does): X is then the data, which is not
        trained, so the backward pass stops at the first layer with parameters, that layer
        skips ∂L/∂(its input), and None is returned. For a Dense or Conv2D first layer that is
        a third of its arithmetic; PyTorch skips it the same way for data.
        """
        if input_grad:
            for layer in reversed(self.layers):
                dY = layer.backward(dY)
            return dY
        layers = self.layers
        first = 0  # the first layer with parameters
        while first < len(layers) and not layers[first].params:
            first += 1
        if first == len(layers):
            return None  # nothing to learn
        for layer in reversed(layers[first + 1 :]):
            dY = layer.backward(dY)
        if isinstance(layers[first], WeightedLayer):
            layers[first].backward(dY, input_grad=False)
        else:  # a layer of your own with parameters: it computes ∂L/∂X anyway
            layers[first].backward(dY)
        return None

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
        """Copy ``weights`` (from :meth:`get_weights`) into the parameters, in place.

        Every array is checked (names, shapes, real numbers) before any parameter changes, so
        a refused call leaves the model as it was.
        """
        if not isinstance(weights, Mapping):
            raise TypeError(
                f"Sequential.set_weights: expected weights to be a dict like model.get_weights() returns, "
                f"but received {describe(weights)}"
            )
        own = self.params
        if set(weights) != set(own):
            missing, extra = sorted(set(own) - set(weights)), sorted(set(weights) - set(own), key=str)
            raise ValueError(
                f"Sequential.set_weights: expected parameters {sorted(own)}, but received {sorted(weights, key=str)}"
                + (f" (missing {missing})" if missing else "") + (f" (unexpected {extra})" if extra else "")
            )
        checked = {}
        for name, value in weights.items():
            value = as_float_array(value, name, "Sequential.set_weights", dtype=own[name].dtype)
            if own[name].shape != value.shape:
                raise ValueError(
                    f"Sequential.set_weights: expected {name} of shape {own[name].shape}, "
                    f"but received shape {value.shape}"
                )
            checked[name] = value
        for name, value in checked.items():
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
    dtype=np.float64,
) -> Sequential:
    """A fully connected network with layer sizes ``sizes = [n_in, n_hidden…, n_out]``.

    ``activation`` goes after every hidden layer, ``output`` (``None``/"identity" for
    regression or logits, "sigmoid", "softmax", …) after the last. Weights start with He
    initialisation for ReLU-like activations and Xavier/Glorot otherwise, unless ``init``
    says which. ``dtype`` is ``np.float64`` (the default, exact for gradient checks) or
    ``np.float32`` (about twice as fast for large layers); the same seed gives the same
    weights in either, up to rounding.

    >>> MLP([2, 8, 1], activation="tanh", output="sigmoid", rng=0).n_params()
    33
    """
    sizes = _check_sizes(sizes)
    dtype = float_dtype(dtype, "MLP")
    activations.layer(activation, "activation")  # fail early, with the list of valid names
    if output is not None:
        activations.layer(output, "output")
    init = init or _DEFAULT_INIT.get(activation, "xavier")
    rng = make_rng(rng, owner="MLP")
    layers: list[Layer] = []
    for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        layers.append(Dense(n_in, n_out, init=init, rng=rng, dtype=dtype))
        if i < len(sizes) - 2:
            layers.append(activations.layer(activation))
    if output not in (None, "identity", "linear"):
        layers.append(activations.layer(output))
    return Sequential(layers)


def _check_sizes(sizes) -> list[int]:
    """``sizes`` as a list of ints >= 1 (2.7, "3" and True are refused, never rounded)."""
    expected = "MLP: expected sizes like [n_in, n_hidden, n_out] with every size an integer >= 1"
    if isinstance(sizes, (str, bytes)) or not isinstance(sizes, Iterable):
        raise TypeError(f"{expected}, but received {describe(sizes)}")
    sizes = list(sizes)
    for size in sizes:
        if isinstance(size, bool) or not isinstance(size, (int, np.integer)):
            error = ValueError if isinstance(size, (float, np.floating)) else TypeError
            raise error(f"{expected}, but received {sizes!r} with {describe(size)}")
    if len(sizes) < 2 or any(size < 1 for size in sizes):
        raise ValueError(f"{expected}, but received {sizes}")
    return [int(size) for size in sizes]


def _layer_classes() -> dict[str, type[Layer]]:
    from nnlib import conv

    classes: dict[str, type[Layer]] = {"Dense": Dense, "Flatten": Flatten}
    classes.update({cls.__name__: cls for cls in activations.LAYERS.values()})
    classes.update({"Conv2D": conv.Conv2D, "MaxPool2D": conv.MaxPool2D})
    return classes


# Limits that a model file must respect before anything is allocated for it.
MAX_LOAD_BYTES = 1 << 30  # 1 GiB of weights; load(..., max_bytes=...) raises it for a trusted file
MAX_CONFIG_BYTES = 1 << 20  # the JSON description; a 1000-layer model needs about 100 KB
MAX_CONFIG_DEPTH = 16  # a real description nests 5 deep
MAX_LAYERS = 10_000
MAX_HEADER_BYTES = 10_000  # numpy's own default for .npy headers
STALE_SECONDS = 3600  # a temporary this old is left over, whatever wrote it


def save(model: Sequential, path: str | os.PathLike) -> Path:
    """Save ``model`` to ``path`` (``.npz`` is added if missing) atomically.

    The file is written to a temporary name in the same folder, flushed to disk and renamed
    into place, and the folder is flushed too, so an interrupted save (even a killed process
    or a power cut) leaves the previous file intact and never a half-written one. Temporaries
    left behind by saves that were killed earlier are removed by the next save of that file.
    """
    if not isinstance(model, Sequential):
        raise TypeError(f"save: expected model to be a Sequential (for example from MLP), but received {describe(model)}")
    path = _check_path(path, "save")
    if path.is_dir():
        raise ValueError(
            f"save: expected path to be a file name, but received {str(path)!r}, which is a folder; "
            f"write save(model, {str(path / 'model.npz')!r})"
        )
    if path.suffix != ".npz":
        path = path.with_name(path.name + ".npz")
    arrays = {name: value for name, value, _ in model.parameters()}
    arrays[CONFIG_KEY] = np.frombuffer(json.dumps(model.config()).encode("utf-8"), dtype=np.uint8)
    path.parent.mkdir(parents=True, exist_ok=True)
    # The process id in the name tells a later save whether the writer is still running.
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f"{_temporary_prefix(path)}{os.getpid()}.", suffix=".tmp")
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
    _fsync_directory(path.parent)
    _remove_stale_temporaries(path)
    return path


def _check_path(path, owner: str) -> Path:
    if not isinstance(path, (str, os.PathLike)) or isinstance(path, bytes):
        raise TypeError(f"{owner}: expected path to be a file name (str or pathlib.Path), but received {describe(path)}")
    return Path(path)


def _temporary_prefix(path: Path) -> str:
    return f".{path.name}."


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # Windows, or a folder we may not open
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove_stale_temporaries(path: Path) -> None:
    """Delete ``.NAME.PID.xxxx.tmp`` files whose writer is gone (or that are over an hour old)."""
    prefix = _temporary_prefix(path)
    now = time.time()
    try:
        candidates = [p for p in path.parent.iterdir() if p.name.startswith(prefix) and p.name.endswith(".tmp")]
    except OSError:
        return
    for candidate in candidates:
        writer = candidate.name[len(prefix):].split(".", 1)[0]
        try:
            old = now - candidate.stat().st_mtime > STALE_SECONDS
            if old or (writer.isdigit() and int(writer) != os.getpid() and not _process_alive(int(writer))):
                candidate.unlink()
        except OSError:
            pass  # removed by someone else meanwhile, or not ours to remove


def _process_alive(pid: int) -> bool:
    if os.name != "posix":
        return True  # os.kill(pid, 0) would end the process on Windows: rely on the age instead
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


class _Refused(Exception):
    """A model file that is readable but not acceptable; the message says why."""


def load(path: str | os.PathLike, *, max_bytes: int = MAX_LOAD_BYTES) -> Sequential:
    """Rebuild a model saved with :func:`save`; a wrong, damaged or hostile file gives a ValueError.

    Nothing in the file is trusted: the JSON description is checked (types, nesting depth,
    layer sizes) and every array's header (dtype and shape) is read and compared with the
    description *before* the array's data, so a small file cannot make ``load`` allocate
    gigabytes. Weights of more than ``max_bytes`` bytes in total (1 GiB by default) are
    refused; pass a larger ``max_bytes`` for a big model you trust. Nothing is unpickled.
    """
    path = _check_path(path, "load")
    max_bytes = check_int(max_bytes, "max_bytes", "load")
    if not path.exists():
        raise FileNotFoundError(f"load: no model file at {str(path)!r}")
    if not path.is_file():
        raise ValueError(f"load: expected path to be a model file, but received {str(path)!r}, which is a folder")
    damaged = (
        f"load: expected an nnlib model file (.npz written by save), but {str(path)!r} is damaged or of another kind"
    )
    try:
        with open(path, "rb") as f:
            magic = f.read(6)
        if magic == b"\x93NUMPY":
            raise _Refused(
                f"load: expected an nnlib model file (.npz written by save), but {str(path)!r} holds a single .npy "
                "array (written by np.save), not a model"
            )
        with zipfile.ZipFile(path) as archive:
            return _load_archive(archive, str(path), max_bytes)
    except _Refused as refusal:
        raise ValueError(str(refusal)) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, EOFError, OSError,
            ValueError, KeyError, OverflowError, zlib.error, struct.error) as error:
        raise ValueError(f"{damaged} ({type(error).__name__}: {error})") from None


def _load_archive(archive: zipfile.ZipFile, where: str, max_bytes: int) -> Sequential:
    members: dict[str, zipfile.ZipInfo] = {}
    for info in archive.infolist():
        if not info.filename.endswith(".npy") or info.filename[:-4] in members:
            raise _Refused(f"load: expected only .npy arrays in {where!r}, but received the member {info.filename!r}")
        members[info.filename[:-4]] = info
    if CONFIG_KEY not in members:
        raise _Refused(f"load: {where!r} is an .npz file but not an nnlib model (it has no model description)")
    with archive.open(members.pop(CONFIG_KEY)) as f:
        shape, dtype = _array_header(f, CONFIG_KEY, where)
        if dtype != np.uint8 or len(shape) != 1 or shape[0] > MAX_CONFIG_BYTES:
            raise _Refused(
                f"load: {where!r} has an invalid model description: expected at most {MAX_CONFIG_BYTES:,} bytes "
                f"of JSON text, but received an array of dtype {dtype} with shape {shape}"
            )
        raw = _read_exactly(f, shape[0], CONFIG_KEY, where)
    try:
        model = _build(_parse_config(raw), max_bytes)
    except (ValueError, TypeError) as error:
        raise _Refused(f"load: {where!r} has an invalid model description: {error}") from None
    own = model.params
    missing, extra = sorted(set(own) - set(members)), sorted(set(members) - set(own))
    if missing or extra:
        raise _Refused(
            f"load: {where!r} does not match its own description: expected the arrays {sorted(own)}, but received "
            f"{sorted(members)}" + (f" (missing {missing})" if missing else "") + (f" (unexpected {extra})" if extra else "")
        )
    arrays = {}
    for name, target in own.items():
        with archive.open(members[name]) as f:
            shape, dtype = _array_header(f, name, where)
            if dtype.kind != "f":
                raise _Refused(
                    f"load: {where!r} does not match its own description: expected {name} to hold real numbers "
                    f"(float), but received dtype {dtype}" + (" (complex)" if dtype.kind == "c" else "")
                )
            if shape != target.shape:
                raise _Refused(
                    f"load: {where!r} does not match its own description: expected {name} of shape "
                    f"{target.shape}, but received shape {shape}"
                )
            data = _read_exactly(f, math.prod(shape) * dtype.itemsize, name, where)
        arrays[name] = np.frombuffer(data, dtype=dtype).reshape(shape)
    model.set_weights(arrays)
    return model


def _array_header(f, name: str, where: str) -> tuple[tuple[int, ...], np.dtype]:
    """The shape and dtype from an .npy header, read without touching the data after it."""
    try:
        version = np.lib.format.read_magic(f)
        if version == (1, 0):
            shape, fortran_order, dtype = np.lib.format.read_array_header_1_0(f, max_header_size=MAX_HEADER_BYTES)
        elif version == (2, 0):
            shape, fortran_order, dtype = np.lib.format.read_array_header_2_0(f, max_header_size=MAX_HEADER_BYTES)
        else:
            raise ValueError(f"unsupported .npy format version {version}")
    except (ValueError, SyntaxError, TypeError) as error:
        raise _Refused(f"load: expected a valid array header for {name} in {where!r}, but received: {error}") from None
    if dtype.hasobject or dtype.byteorder not in ("=", "<", "|") or fortran_order:
        raise _Refused(
            f"load: expected {name} in {where!r} to be a plain little-endian C-ordered array as save writes, "
            f"but received dtype {dtype}{', Fortran order' if fortran_order else ''}"
        )
    return tuple(int(n) for n in shape), dtype


def _read_exactly(f, n_bytes: int, name: str, where: str) -> bytes:
    data = f.read(n_bytes)
    if len(data) != n_bytes or f.read(1):  # reading to the end also makes zipfile check the CRC
        raise _Refused(
            f"load: expected {n_bytes:,} bytes of data for {name} in {where!r}, but received "
            f"{'fewer' if len(data) != n_bytes else 'more'}; the file is damaged"
        )
    return data


def _parse_config(raw: bytes) -> dict:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValueError(f"expected UTF-8 JSON text, but received bytes that are not UTF-8 ({error})") from None
    # Nesting depth, counted before json.loads can recurse 200 000 levels deep.
    brackets = _BRACKETS.findall(_JSON_STRINGS.sub("", text))
    depth = max(accumulate(1 if b in "[{" else -1 for b in brackets), default=0)
    if depth > MAX_CONFIG_DEPTH:
        raise ValueError(f"expected JSON nested at most {MAX_CONFIG_DEPTH} levels deep, but received {depth} levels")
    config = json.loads(text)
    if not isinstance(config, dict):
        raise TypeError(f"expected a JSON object {{'format': ..., 'layers': [...]}}, but received {describe(config)}")
    if config.get("format") != FORMAT:
        raise ValueError(f"expected format {FORMAT!r}, but received {describe(config.get('format'))}")
    if config.get("version") != FORMAT_VERSION:
        raise ValueError(
            f"expected version {FORMAT_VERSION} (the one this nnlib reads), but received {describe(config.get('version'))}"
        )
    layers = config.get("layers")
    if not isinstance(layers, list) or not 1 <= len(layers) <= MAX_LAYERS:
        shown = f"{len(layers)} layers" if isinstance(layers, list) else describe(layers)
        raise ValueError(f"expected layers to be a list of 1 to {MAX_LAYERS:,} layers, but received {shown}")
    return config


_JSON_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"')
_BRACKETS = re.compile(r"[\[\]{}]")


def _build(config: dict, max_bytes: int) -> Sequential:
    """The layers of a checked description, after their sizes passed the limits."""
    classes = _layer_classes()
    specs = []
    total = 0
    for i, spec in enumerate(config["layers"]):
        if not isinstance(spec, dict) or not isinstance(spec.get("class"), str):
            raise TypeError(
                f"expected layer {i} to be an object {{'class': name, 'config': {{...}}}}, but received {describe(spec)}"
            )
        name, kwargs = spec["class"], spec.get("config", {})
        if name not in classes:
            raise ValueError(f"expected layer {i} to be one of {', '.join(sorted(classes))}, but received class {name!r}")
        if not isinstance(kwargs, dict):
            raise TypeError(f"expected the config of layer {i} ({name}) to be an object, but received {describe(kwargs)}")
        for key, value in kwargs.items():
            if not _plain_json(value):
                raise TypeError(f"expected layer {i} ({name}) argument {key!r} to be a number, string or pair, "
                                f"but received {describe(value)}")
        total += _parameter_count(name, kwargs) * 8
        if total > max_bytes:
            raise ValueError(
                f"expected at most max_bytes={max_bytes:,} bytes of weights, but layer {i} ({name}) brings the total "
                f"to {total:,} bytes; pass load(path, max_bytes=...) for a big model you trust"
            )
        specs.append((i, name, kwargs))
    layers = []
    for i, name, kwargs in specs:
        accepted = [p for p in inspect.signature(classes[name]).parameters if p not in ("self", "rng")]
        unknown = sorted(set(kwargs) - set(accepted))
        if unknown:
            raise TypeError(
                f"expected the arguments of layer {i} ({name}) among {accepted}, but received {unknown[0]!r}"
            )
        try:
            # Built with fresh initial weights, which set_weights overwrites.
            layers.append(classes[name](**kwargs))
        except TypeError as error:
            raise TypeError(f"layer {i} ({name}): {error}") from None
        except ValueError as error:
            raise ValueError(f"layer {i} ({name}): {error}") from None
    return Sequential(layers)


def _plain_json(value) -> bool:
    if value is None or isinstance(value, (bool, int, float)):
        return True
    if isinstance(value, str):
        return len(value) <= 100
    if isinstance(value, list):
        return len(value) <= 4 and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)
    return False


def _parameter_count(name: str, kwargs: dict) -> int:
    """The number of weights the layer's config asks for, from its sizes alone (0 if unknown)."""

    def size(key, default=1):
        value = kwargs.get(key, default)
        return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 1

    if name == "Dense":
        return size("n_out") * (size("n_in") + 1)
    if name == "Conv2D":
        kernel = kwargs.get("kernel_size", 1)
        kH, kW = (kernel, kernel) if not isinstance(kernel, list) else (kernel + [1, 1])[:2]
        kH = kH if isinstance(kH, int) and kH > 0 else 1
        kW = kW if isinstance(kW, int) and kW > 0 else 1
        return size("out_channels") * (size("in_channels") * kH * kW + 1)
    return 0
