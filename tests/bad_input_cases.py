"""Bad and edge inputs for nnlib's public API, and how to judge what nnlib does with them.

Each :class:`Case` is one call. An *error case* must raise ValueError or TypeError whose
message says what was expected (the house form "expected …, but received …") and names the
argument (every string in ``must``), with no warning on the way. An *ok case* is an edge
input with a well-defined answer: it must return a value that ``check`` accepts, with no
warning and no NaN.

:func:`classify` sorts one case into ``good``, ``unclear`` (the right exception, but the
message does not say what was expected or which argument) or ``bad`` (another exception,
a warning, or a silent result). Run this file to count them, for example against an older
nnlib on ``PYTHONPATH``::

    .venv/bin/python tests/bad_input_cases.py          # counts and every case that is not good
    .venv/bin/python tests/bad_input_cases.py -v       # every case

``tests/test_bad_input.py`` asserts that every case is good.
"""

from __future__ import annotations

import atexit
import json
import math
import shutil
import sys
import tempfile
import time
import warnings
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable

import numpy as np

import nnlib
from nnlib import (
    MLP, MSE, SGD, Adam, BinaryCrossEntropy, Checkpoint, Conv2D, CrossEntropy, Dense, EarlyStopping,
    Flatten, LeakyReLU, MaxPool2D, Perceptron, ReLU, Sequential, Sigmoid, Softmax, Standardizer, accuracy,
    confusion_matrix, fit, gradcheck, load, numerical_gradient, one_hot, save, softmax, standardize,
    train_test_split,
)
from nnlib import activations, datasets, lstsq
from nnlib.conv import col2im, conv_output_size


@dataclass
class Case:
    id: str
    call: Callable[[], object]
    must: tuple[str, ...] = ()  # substrings of the message (the argument's name …)
    ok: Callable[[object], bool] | None = None  # set for edge inputs that have an answer
    forbid: tuple[str, ...] = ()  # substrings the message must not contain
    expected_word: bool = True  # the message must contain "expected"
    seconds: float = 10.0  # longer than this is bad (a refusal should be fast)
    prepare: Callable[[], object] | None = None  # untimed set-up, e.g. writing a big file


def classify(case: Case) -> tuple[str, str]:
    """``("good" | "unclear" | "bad", what happened)`` for one case."""
    if case.prepare is not None:
        case.prepare()
    start = time.perf_counter()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            with np.errstate(all="warn"):
                result = case.call()
        except (ValueError, TypeError) as error:
            outcome, detail = _judge_error(case, error)
        except BaseException as error:  # noqa: BLE001 - anything else is what we are looking for
            if isinstance(error, KeyboardInterrupt):
                raise
            outcome, detail = "bad", f"{type(error).__name__}: {str(error)[:200]}"
        else:
            outcome, detail = _judge_result(case, result)
    elapsed = time.perf_counter() - start
    if caught:
        w = caught[0]
        return "bad", f"warning {w.category.__name__}: {str(w.message)[:120]} (then: {outcome}: {detail})"
    if elapsed > case.seconds:
        return "bad", f"took {elapsed:.1f} s (then: {outcome}: {detail})"
    return outcome, detail


def _judge_error(case: Case, error: BaseException) -> tuple[str, str]:
    message = str(error)
    text = f"{type(error).__name__}: {message[:300]}"
    if case.ok is not None:
        return "bad", f"raised for an input with an answer: {text}"
    missing = [s for s in case.must if s.lower() not in message.lower()]
    if case.expected_word and "expected" not in message:
        missing.append("expected")
    present = [s for s in case.forbid if s.lower() in message.lower()]
    if missing or present:
        why = (f"missing {missing}" if missing else "") + (f" contains {present}" if present else "")
        return "unclear", f"{why.strip()}: {text}"
    return "good", text


def _judge_result(case: Case, result) -> tuple[str, str]:
    shown = repr(result)[:160]
    if case.ok is None:
        return "bad", f"returned instead of raising: {shown}"
    if _has_nan(result):
        return "bad", f"NaN in the result: {shown}"
    try:
        accepted = case.ok(result)
    except Exception as error:  # noqa: BLE001
        return "bad", f"check failed with {type(error).__name__}: {error}; result {shown}"
    return ("good", shown) if accepted else ("bad", f"wrong result: {shown}")


def _has_nan(value) -> bool:
    if isinstance(value, (float, np.floating)):
        return math.isnan(value)
    if isinstance(value, np.ndarray) and value.dtype.kind == "f":
        return bool(np.isnan(value).any())
    if isinstance(value, (tuple, list)):
        return any(_has_nan(v) for v in value)
    return False


@lru_cache(maxsize=None)
def _workdir() -> Path:
    path = Path(tempfile.mkdtemp(prefix="nnlib-bad-input-"))
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


def _close(expected):
    return lambda result: np.allclose(result, expected, rtol=1e-12, atol=0)


def _equal(expected):
    return lambda result: result == expected


def _is_inf(result) -> bool:
    return float(result) == math.inf


X2 = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
Y1 = np.array([[0.0], [1.0], [1.0], [0.0]])


def _model():
    return MLP([2, 3, 1], activation="tanh", rng=0)


def _fit(*, model=None, loss=None, optimizer=None, X=X2, y=Y1, **kwargs):
    kwargs.setdefault("epochs", 1)
    kwargs.setdefault("progress", False)
    kwargs.setdefault("rng", 0)
    return fit(
        _model() if model is None else model,
        MSE() if loss is None else loss,
        SGD(0.1) if optimizer is None else optimizer,
        X, y, **kwargs,
    )


def _diverging_fit():
    # A learning rate this large sends the weights to ±inf in the only step there is: the loss
    # of that step was computed before the update, so only a check after the step sees it.
    return _fit(model=MLP([2, 1], rng=0), optimizer=SGD(1e308), X=X2 * 1e3, epochs=1)


def _square(v):
    return float(np.sum(v**2))


def _double(v):
    return 2 * v


def _models_file(name: str, config, arrays: dict | None = None, *, config_bytes: bytes | None = None) -> Path:
    """An .npz file in nnlib's format, with any config and arrays (to build broken ones)."""
    path = _workdir() / name
    raw = config_bytes if config_bytes is not None else json.dumps(config).encode()
    np.savez(path, **(arrays or {}), __nnlib_config__=np.frombuffer(raw, dtype=np.uint8))
    return path


def _config(*layers):
    return {"format": "nnlib-model", "version": 1, "layers": list(layers)}


DENSE_2_3 = {"class": "Dense", "config": {"n_in": 2, "n_out": 3, "init": "he"}}


def _load_config(name, config, arrays=None):
    return lambda: load(_models_file(name, config, arrays))


def _good_file(name: str) -> Path:
    return save(MLP([2, 3, 1], rng=0), _workdir() / name)


def _deep_config():
    depth = 200_000
    raw = ("[" * depth + "]" * depth).encode()
    return load(_models_file("deep.npz", None, config_bytes=raw))


def _huge_header():
    """A 2 KB file whose 0.W header claims 10^10 doubles (80 GB); the config says (3, 2)."""
    path = _workdir() / "huge-header.npz"
    raw_config = np.frombuffer(json.dumps(_config(DENSE_2_3)).encode(), dtype=np.uint8)
    with zipfile.ZipFile(path, "w") as archive:
        with archive.open("__nnlib_config__.npy", "w") as member:
            np.lib.format.write_array(member, raw_config)
        with archive.open("0.W.npy", "w") as member:
            np.lib.format.write_array_header_1_0(member, {"descr": "<f8", "fortran_order": False, "shape": (10**10,)})
            member.write(bytes(1024))
        with archive.open("0.b.npy", "w") as member:
            np.lib.format.write_array(member, np.zeros(3))
    return load(path)


def _unsupported_compression():
    path = _good_file("method.npz")
    data = bytearray(path.read_bytes())
    # Compression method 99 (AES) in the first local header and its central directory entry.
    data[8:10] = (99).to_bytes(2, "little")
    central = data.rfind(b"PK\x01\x02", 0, len(data))
    first = data.find(b"PK\x01\x02")
    data[first + 10 : first + 12] = (99).to_bytes(2, "little")
    assert central >= first
    path.write_bytes(bytes(data))
    return load(path)


def _npy_renamed():
    path = _workdir() / "weights.npz"
    with open(path, "wb") as f:
        np.save(f, np.ones(3))
    return load(path)


def _complex_weights():
    model = MLP([2, 3], rng=0)
    arrays = {name: value.astype(complex) for name, value in model.params.items()}
    return load(_models_file("complex.npz", model.config(), arrays))


def _object_weights():
    path = _workdir() / "object.npz"
    np.savez(path, **{"0.W": np.array([None, 1], dtype=object), "0.b": np.zeros(3)},
             __nnlib_config__=np.frombuffer(json.dumps(_config(DENSE_2_3)).encode(), dtype=np.uint8))
    return load(path)


def _huge_dense():
    config = _config({"class": "Dense", "config": {"n_in": 10**9, "n_out": 10**9, "init": "he"}})
    return load(_models_file("huge.npz", config, {"0.W": np.zeros((1, 1)), "0.b": np.zeros(1)}))


def _set_weights(weights):
    return _model().set_weights(weights)


def _checkpoint_dir() -> Path:
    return _workdir() / "checkpoints"


def _cases() -> list[Case]:
    finite_row = np.array([[0.5, 0.5]])
    c = []
    add = c.append

    # 1. complex input
    add(Case("complex Dense.forward", lambda: Dense(2, 3, rng=0).forward(X2 + 1j), ("X", "complex")))
    add(Case("complex Sigmoid.forward", lambda: Sigmoid().forward(np.array([1j])), ("Z", "complex")))
    add(Case("complex Softmax.forward", lambda: Softmax().forward(np.array([[1j, 0]])), ("Z", "complex")))
    add(Case("complex Flatten.forward", lambda: Flatten().forward(np.ones((2, 2)) * 1j), ("X", "complex")))
    add(Case("complex Conv2D.forward", lambda: Conv2D(1, 1, 2, rng=0).forward(np.ones((1, 1, 3, 3)) * 1j), ("X", "complex")))
    add(Case("complex MaxPool2D.forward", lambda: MaxPool2D(2).forward(np.ones((1, 1, 2, 2)) * 1j), ("X", "complex")))
    for cls in (nnlib.Identity, nnlib.Step, nnlib.Tanh, nnlib.ReLU, nnlib.LeakyReLU):
        add(Case(f"complex {cls.__name__}.forward", lambda cls=cls: cls().forward(np.array([[1j]])), ("Z", "complex")))
    for name in ("sigmoid", "tanh", "relu", "step", "identity", "leaky_relu", "softmax"):
        fn = getattr(activations, name)
        add(Case(f"complex activations.{name}", lambda fn=fn: fn(np.array([1j, 2.0])), ("z", "complex")))
    add(Case("complex MSE y_pred", lambda: MSE()(np.array([1j]), np.array([0.0])), ("y_pred", "complex")))
    add(Case("complex MSE y_true", lambda: MSE()(np.array([0.0]), np.array([1j])), ("y_true", "complex")))
    add(Case("complex BCE", lambda: BinaryCrossEntropy()(np.array([0.5j]), np.array([1])), ("y_pred", "complex")))
    add(Case("complex CrossEntropy", lambda: CrossEntropy()(np.array([[1j, 0]]), [0]), ("logits", "complex")))
    add(Case("complex fit X", lambda: _fit(X=X2 * 1j), ("X", "complex")))
    add(Case("complex fit y", lambda: _fit(y=Y1 * 1j), ("y", "complex")))
    add(Case("complex standardize", lambda: standardize(np.array([[1j], [2.0]])), ("X", "complex")))
    add(Case("complex one_hot", lambda: one_hot(np.array([1j])), ("y", "complex")))
    add(Case("complex accuracy", lambda: accuracy(np.array([1j, 0]), [1, 0]), ("y_pred", "complex")))
    add(Case("complex Perceptron.fit", lambda: Perceptron(2).fit(X2 * 1j, [0, 0, 0, 1]), ("X", "complex")))
    add(Case("complex fit_linear_closed_form", lambda: lstsq.fit_linear_closed_form([1j, 2], [1, 2]), ("x", "complex")))
    add(Case("complex quadratic_loss a", lambda: lstsq.quadratic_loss(1j, [1.0], [1.0]), ("a", "complex")))
    add(Case("complex numerical_gradient", lambda: numerical_gradient(_square, np.array([1j])), ("x",)))
    add(Case("complex gradcheck", lambda: gradcheck(_square, [1j], df=_double), ("x", "complex")))
    add(Case("complex set_weights", lambda: _set_weights({k: v + 1j for k, v in _model().params.items()}), ("0.W", "complex")))
    add(Case("complex load", _complex_weights, ("0.W", "complex")))
    add(Case("complex learning_rate", lambda: SGD(1j), ("learning_rate",)))
    add(Case("complex noise", lambda: datasets.two_moons(10, noise=1j, rng=0), ("noise",)))

    # 2. empty input
    add(Case("empty Flatten N=0", lambda: Flatten().forward(np.zeros((0, 2, 3))), ok=lambda r: r.shape == (0, 6)))
    add(Case("empty Dense N=0", lambda: Dense(2, 3, rng=0).forward(np.zeros((0, 2))), ok=lambda r: r.shape == (0, 3)))
    add(Case("empty softmax", lambda: softmax(np.array([])), ("z", "empty")))
    add(Case("empty softmax axis", lambda: softmax(np.zeros((2, 0))), ("z",)))
    add(Case("empty Softmax layer", lambda: Softmax().forward(np.zeros((2, 0))), ("Z",)))
    add(Case("empty MSE", lambda: MSE()(np.zeros(0), np.zeros(0)), ("y_pred",)))
    add(Case("empty BCE", lambda: BinaryCrossEntropy()(np.zeros(0), np.zeros(0)), ("y_pred",)))
    add(Case("empty CrossEntropy", lambda: CrossEntropy()(np.zeros((0, 3)), np.zeros(0, dtype=int)), ("logits",)))
    add(Case("empty fit", lambda: _fit(X=np.zeros((0, 2)), y=np.zeros((0, 1))), ("X",)))
    add(Case("empty validation_data", lambda: _fit(validation_data=(np.zeros((0, 2)), np.zeros((0, 1)))), ("validation_data",)))
    add(Case("empty standardize", lambda: standardize(np.zeros((0, 2))), ("X",)))
    add(Case("empty accuracy", lambda: accuracy([], []), ("y_pred",)))
    add(Case("empty confusion_matrix", lambda: confusion_matrix([], []), ("y_true",)))
    add(Case("empty Perceptron.fit", lambda: Perceptron(2).fit(np.zeros((0, 2)), []), ("X",)))
    add(Case("empty train_test_split", lambda: train_test_split(np.zeros((0, 2)), np.zeros(0)), ("samples",)))
    add(Case("empty Sequential", lambda: Sequential([]), ("layer",)))
    add(Case("empty MLP sizes", lambda: MLP([]), ("sizes",)))
    add(Case("empty one_hot with n_classes", lambda: one_hot([], n_classes=3), ok=lambda r: r.shape == (0, 3)))
    add(Case("empty fit_linear_closed_form", lambda: lstsq.fit_linear_closed_form([], []), ("x",)))

    # 3. extreme values
    add(Case("softmax [1e308, -1e308]", lambda: softmax(np.array([1e308, -1e308])), ok=_close([1.0, 0.0])))
    add(Case("softmax [inf, 0]", lambda: softmax(np.array([np.inf, 0.0])), ok=_close([1.0, 0.0])))
    add(Case("softmax [-inf, 0]", lambda: softmax(np.array([-np.inf, 0.0])), ok=_close([0.0, 1.0])))
    add(Case("softmax [inf, inf]", lambda: softmax(np.array([np.inf, np.inf])), ok=_close([0.5, 0.5])))
    add(Case("softmax [-inf, -inf]", lambda: softmax(np.array([-np.inf, -np.inf])), ok=_close([0.5, 0.5])))
    add(Case("Softmax layer [1e308, -1e308]", lambda: Softmax().forward(np.array([[1e308, -1e308]])), ok=_close([[1.0, 0.0]])))
    add(Case("sigmoid extremes", lambda: activations.sigmoid(np.array([1e308, -1e308, np.inf, -np.inf])), ok=_close([1, 0, 1, 0])))
    add(Case("MSE at 1e308", lambda: MSE()(np.array([1e308]), np.array([-1e308])), ok=_is_inf))
    add(Case("MSE at 1e200", lambda: MSE()(np.array([1e200, 1e200]), np.array([0.0, 0.0])), ok=_is_inf))
    add(Case("MSE nan y_pred", lambda: MSE()(np.array([np.nan]), np.array([0.0])), ("y_pred", "nan")))
    add(Case("MSE inf - inf", lambda: MSE()(np.array([np.inf]), np.array([np.inf])), ("y_pred", "inf")))
    add(Case("CrossEntropy at 1e308, true class low", lambda: CrossEntropy()(np.array([[1e308, -1e308]]), [1]), ok=_is_inf))
    add(Case("CrossEntropy at 1e308, true class high", lambda: CrossEntropy()(np.array([[1e308, -1e308]]), [0]), ok=_equal(0.0)))
    add(Case("CrossEntropy backward at 1e308", lambda: _ce_backward_extreme(), ok=_close([[0.0, 0.0]])))
    add(Case("CrossEntropy nan logits", lambda: CrossEntropy()(np.array([[np.nan, 0.0]]), [0]), ("logits", "nan")))
    add(Case("BCE logits at 1e308", lambda: BinaryCrossEntropy(from_logits=True)(np.array([1e308]), np.array([0])), ok=lambda r: r == 1e308))
    add(Case("BCE nan probability", lambda: BinaryCrossEntropy()(np.array([np.nan]), np.array([1])), ("y_pred", "nan")))
    add(Case("standardize nan column", lambda: standardize(np.array([[np.nan, 1.0], [1.0, 2.0]])), ("X", "nan")))
    add(Case("standardize 1e200", lambda: standardize(np.array([[1e200], [-1e200]])), ok=_close([[1.0], [-1.0]])))
    add(Case("standardize 1e308", lambda: standardize(np.array([[1e308], [-1e308]])), ok=_close([[1.0], [-1.0]])))
    add(Case("fit_quadratic_closed_form 1e200", lambda: lstsq.fit_quadratic_closed_form([1e200, -1e200], [3e200, 3e200]), ok=lambda r: np.isclose(r, 3e-200, rtol=1e-12, atol=0)))
    add(Case("fit_linear_closed_form 1e200", lambda: lstsq.fit_linear_closed_form([1e200, 2e200], [1e200, 2e200]), ok=lambda r: abs(r[0] - 1) < 1e-12 and abs(r[1]) < 1e-12 * 2e200))  # b to float precision of y
    add(Case("quadratic_loss 1e200", lambda: lstsq.quadratic_loss(1.0, [1e200], [0.0]), ok=_is_inf))
    add(Case("quadratic_loss a=0 at 1e200", lambda: lstsq.quadratic_loss(0.0, [1e200], [1.0]), ok=_equal(1.0)))
    add(Case("quadratic_loss_derivative a=0 at 1e200", lambda: lstsq.quadratic_loss_derivative(0.0, [1e200], [0.0]), ok=_equal(0.0)))
    add(Case("linear_loss 1e200", lambda: lstsq.linear_loss(1.0, 0.0, [1e200], [-1e200]), ok=_is_inf))
    add(Case("linear_loss nan a", lambda: lstsq.linear_loss(np.nan, 0.0, [1.0], [1.0]), ("a", "finite")))
    add(Case("accuracy nan scores", lambda: accuracy(np.array([[np.nan, np.nan], [1.0, 0.0]]), [0, 0]), ("y_pred", "nan")))
    add(Case("accuracy inf labels", lambda: accuracy(np.array([np.inf, 0.0]), [1, 0]), ("y_pred",)))

    # 4. losses never reshape targets silently
    add(Case("MSE (2, 3) vs (6,)", lambda: MSE()(np.zeros((2, 3)), np.arange(6.0)), ("y_true", "(2, 3)", "(6,)")))
    add(Case("BCE (2, 3) vs (6,)", lambda: BinaryCrossEntropy()(np.full((2, 3), 0.5), np.zeros(6)), ("y_true", "(2, 3)", "(6,)")))
    add(Case("MSE (1, 3) vs (3,)", lambda: MSE()(np.zeros((1, 3)), np.zeros(3)), ("y_true", "(1, 3)")))
    add(Case("MSE (4,) vs (2, 2)", lambda: MSE()(np.zeros(4), np.zeros((2, 2))), ("y_true",)))
    add(Case("MSE (N, 1) vs labels (N,)", lambda: MSE()(np.zeros((3, 1)), np.zeros(3)), ok=_equal(0.0)))
    add(Case("CrossEntropy one-hot of wrong N", lambda: CrossEntropy()(np.zeros((2, 3)), [[0, 1, 0]]), ("y_true",)))
    add(Case("CrossEntropy nan one-hot", lambda: CrossEntropy()(np.zeros((1, 2)), [[np.nan, 1.0]]), ("y_true",)))

    # 5. fit's own arguments
    add(Case("fit loss 'mse'", lambda: _fit(loss="mse"), ("loss", "str")))
    add(Case("fit loss None", lambda: fit(_model(), None, SGD(0.1), X2, Y1, epochs=1, progress=False), ("loss", "None")))
    add(Case("fit loss class", lambda: _fit(loss=MSE), ("loss",)))
    add(Case("fit optimizer 'adam'", lambda: _fit(optimizer="adam"), ("optimizer", "str")))
    add(Case("fit optimizer None", lambda: fit(_model(), MSE(), None, X2, Y1, epochs=1, progress=False), ("optimizer",)))
    add(Case("fit optimizer class", lambda: _fit(optimizer=Adam), ("optimizer",)))
    add(Case("fit model None", lambda: fit(None, MSE(), SGD(0.1), X2, Y1, epochs=1, progress=False), ("model",)))
    add(Case("fit model is a layer list", lambda: _fit(model=[Dense(2, 1)]), ("model",)))
    add(Case("fit callbacks [object()]", lambda: _fit(callbacks=[object()]), ("callbacks",)))
    add(Case("fit callbacks None entry", lambda: _fit(callbacks=[None]), ("callbacks",)))
    add(Case("fit one callback, not a list", lambda: _fit(callbacks=EarlyStopping(), epochs=2), ok=lambda h: h.epochs == [1, 2]))
    add(Case("EarlyStopping monitor bogus", lambda: _fit(callbacks=[EarlyStopping(monitor="bogus")]), ("monitor", "bogus")))
    add(Case("EarlyStopping monitor val_ without validation", lambda: _fit(callbacks=[EarlyStopping(monitor="val_loss")]), ("validation_data",)))
    add(Case("EarlyStopping monitor int", lambda: EarlyStopping(monitor=5), ("monitor",)))
    add(Case("EarlyStopping patience str", lambda: EarlyStopping(patience="3"), ("patience",)))
    add(Case("EarlyStopping min_delta nan", lambda: EarlyStopping(min_delta=np.nan), ("min_delta",)))
    add(Case("EarlyStopping min_delta str", lambda: EarlyStopping(min_delta="0.1"), ("min_delta",)))
    add(Case("Checkpoint monitor bogus", lambda: _fit(callbacks=[Checkpoint(_checkpoint_dir(), monitor="bogus")]), ("monitor", "bogus")))
    add(Case("Checkpoint directory None", lambda: Checkpoint(None), ("directory",)))
    add(Case("fit metrics 'accuracy'", lambda: _fit(metrics="accuracy", epochs=2), ok=lambda h: list(h.metrics) == ["accuracy"]))
    add(Case("fit metrics 'bogus'", lambda: _fit(metrics="bogus"), ("metric", "bogus")))
    add(Case("fit metrics [5]", lambda: _fit(metrics=[5]), ("metric",)))
    add(Case("fit validation_data=X", lambda: _fit(validation_data=X2), ("validation_data", "(X_val, y_val)")))
    add(Case("fit validation_data=(X,)", lambda: _fit(validation_data=(X2,)), ("validation_data",)))
    add(Case("fit validation_data lengths", lambda: _fit(validation_data=(X2, Y1[:2])), ("validation_data",)))
    add(Case("fit validation_data features", lambda: _fit(validation_data=(X2[:, :1], Y1)), ("validation_data",)))
    add(Case("fit validation_data nan", lambda: _fit(validation_data=(X2 * np.nan, Y1)), ("validation_data", "nan")))
    add(Case("fit epochs 0", lambda: _fit(epochs=0), ("epochs",)))
    add(Case("fit epochs 2.5", lambda: _fit(epochs=2.5), ("epochs",)))
    add(Case("fit epochs '3'", lambda: _fit(epochs="3"), ("epochs",)))
    add(Case("fit batch_size 0", lambda: _fit(batch_size=0), ("batch_size",)))
    add(Case("fit batch_size 1.5", lambda: _fit(batch_size=1.5), ("batch_size",)))
    add(Case("fit X/y lengths", lambda: _fit(y=Y1[:3]), ("y",)))
    add(Case("fit X features", lambda: _fit(X=X2[:, :1]), ("X",)))
    add(Case("fit y shape vs output", lambda: _fit(y=np.zeros((4, 3))), ("y",)))
    add(Case("fit shuffle 'yes'", lambda: _fit(shuffle="yes"), ("shuffle",)))
    add(Case("fit rng 'seed'", lambda: _fit(rng="seed"), ("rng",)))
    add(Case("save model None", lambda: save(None, _workdir() / "none.npz"), ("model",)))
    add(Case("save path None", lambda: save(_model(), None), ("path",)))
    add(Case("Sequential.set_weights None", lambda: _set_weights(None), ("weights",)))
    add(Case("Sequential.set_weights str", lambda: _set_weights({k: "a" for k in _model().params}), ("0.W",)))

    # 6. divergence
    add(Case("fit last step to inf weights", _diverging_fit, ("weights",), expected_word=False))
    add(Case("fit val_loss inf", lambda: _fit(validation_data=(X2 * 1e300, Y1 * 1e300)), ("val_loss",), expected_word=False))
    add(Case("fit nan in X", lambda: _fit(X=np.where(X2 == 1, np.nan, X2)), ("X", "nan"), forbid=("learning rate",)))
    add(Case("fit inf in y", lambda: _fit(y=np.where(Y1 == 1, np.inf, Y1)), ("y", "inf"), forbid=("learning rate",)))

    # 7. conversion
    add(Case("Dense rng -1", lambda: Dense(2, 3, rng=-1), ("rng", "-1")))
    add(Case("MLP rng -5", lambda: MLP([2, 2, 1], rng=-5), ("rng", "-5")))
    add(Case("train_test_split rng -1", lambda: train_test_split(X2, Y1, rng=-1), ("rng",)))
    add(Case("two_moons rng -1", lambda: datasets.two_moons(10, rng=-1), ("rng",)))
    add(Case("Perceptron rng -1", lambda: Perceptron(2, init="random", rng=-1), ("rng",)))
    add(Case("fit rng -1", lambda: _fit(rng=-1), ("rng",)))
    add(Case("MLP sizes 2.7", lambda: MLP([2, 2.7, 1]), ("sizes", "2.7")))
    add(Case("MLP sizes '3'", lambda: MLP([2, "3", 1]), ("sizes",)))
    add(Case("MLP sizes True", lambda: MLP([2, True, 1]), ("sizes",)))
    add(Case("MLP sizes 5", lambda: MLP(5), ("sizes",)))
    add(Case("MLP activation None", lambda: MLP([2, 1], activation=None), ("activation",)))
    add(Case("MLP activation list", lambda: MLP([2, 1], activation=["relu"]), ("activation",)))
    add(Case("MLP output bogus", lambda: MLP([2, 1], output="bogus"), ("output",)))
    add(Case("Dense n_in 2.7", lambda: Dense(2.7, 3), ("n_in", "2.7")))
    add(Case("Dense n_in '2'", lambda: Dense("2", 3), ("n_in",)))
    add(Case("Dense init 5", lambda: Dense(2, 3, init=5), ("init",)))
    add(Case("Dense init wrong shape", lambda: Dense(2, 3, init=lambda shape, fi, fo, rng: np.ones((1, 1))), ("init", "(3, 2)")))
    add(Case("Dense strings", lambda: Dense(2, 3, rng=0).forward([["1", "2"]]), ("X", "str")))
    add(Case("Dense None", lambda: Dense(2, 3, rng=0).forward([[None, 1.0]]), ("X",)))
    add(Case("Dense ragged", lambda: Dense(2, 3, rng=0).forward([[1.0], [1.0, 2.0]]), ("X",)))
    add(Case("MSE strings", lambda: MSE()(np.array(["1"]), np.array([1.0])), ("y_pred", "str")))
    add(Case("CrossEntropy string labels", lambda: CrossEntropy()(np.zeros((2, 2)), ["a", "b"]), ("y_true",)))
    add(Case("CrossEntropy None label", lambda: CrossEntropy()(np.zeros((2, 2)), [0, None]), ("y_true",)))
    add(Case("CrossEntropy 0.5 label", lambda: CrossEntropy()(np.zeros((2, 2)), [0.5, 1]), ("y_true", "0.5")))
    add(Case("CrossEntropy 1e20 label", lambda: CrossEntropy()(np.zeros((2, 2)), [0, 1e20]), ("y_true",)))
    add(Case("CrossEntropy nan label", lambda: CrossEntropy()(np.zeros((2, 2)), [0, np.nan]), ("y_true", "nan")))
    add(Case("BCE from_logits 'yes'", lambda: BinaryCrossEntropy(from_logits="yes"), ("from_logits",)))
    add(Case("one_hot 1e20", lambda: one_hot([1e20]), ("y",)))
    add(Case("one_hot 10**9", lambda: one_hot([0, 10**9]), ("y",)))
    add(Case("one_hot strings", lambda: one_hot(["a"]), ("y", "str")))
    add(Case("one_hot None", lambda: one_hot([0, None]), ("y",)))
    add(Case("one_hot n_classes 2.5", lambda: one_hot([0, 1], n_classes=2.5), ("n_classes",)))
    add(Case("one_hot n_classes huge", lambda: one_hot([0, 1], n_classes=10**12), ("n_classes",)))
    add(Case("accuracy label beyond one-hot", lambda: accuracy(np.array([[0.0], [7.0]]), np.eye(2)), ok=_equal(0.5)))
    add(Case("accuracy scores of wrong width", lambda: accuracy(np.zeros((2, 3)), np.eye(2)), ("y_pred", "y_true")))
    add(Case("accuracy fractions and labels mixed", lambda: accuracy([0.5, 2.0], [0, 1]), ("y_pred", "2")))
    add(Case("accuracy strings", lambda: accuracy(["a", "b"], [0, 1]), ("y_pred",)))
    add(Case("accuracy 1e20 label", lambda: accuracy([0, 1e20], [0, 1]), ("y_pred",)))
    add(Case("confusion_matrix 10**7", lambda: confusion_matrix([0, 1], [0, 10**7]), ("y_pred", "10000000")))
    add(Case("confusion_matrix n_classes 10**6", lambda: confusion_matrix([0, 1], [0, 1], n_classes=10**6), ("n_classes",)))
    add(Case("Perceptron.fit nan", lambda: Perceptron(2).fit(np.array([[np.nan, 0.0], [0.0, 1.0]]), [0, 1]), ("X", "nan")))
    add(Case("Perceptron.fit string labels", lambda: Perceptron(2).fit(X2, ["a", "b", "a", "b"]), ("y",)))
    add(Case("Perceptron.predict nan", lambda: Perceptron(2).predict(np.array([np.nan, 0.0])), ("X", "nan")))
    add(Case("Perceptron n_inputs 2.7", lambda: Perceptron(2.7), ("n_inputs",)))
    add(Case("Perceptron learning_rate nan", lambda: Perceptron(2, learning_rate=np.nan), ("learning_rate",)))
    add(Case("SGD learning_rate '0.1'", lambda: SGD("0.1"), ("learning_rate", "str")))
    add(Case("SGD learning_rate nan", lambda: SGD(np.nan), ("learning_rate",)))
    add(Case("SGD learning_rate None", lambda: SGD(None), ("learning_rate",)))
    add(Case("SGD momentum 'a'", lambda: SGD(0.1, momentum="a"), ("momentum",)))
    add(Case("SGD momentum nan", lambda: SGD(0.1, momentum=np.nan), ("momentum",)))
    add(Case("Adam beta1 nan", lambda: Adam(beta1=np.nan), ("beta1",)))
    add(Case("Adam eps -1", lambda: Adam(eps=-1), ("eps",)))
    add(Case("Adam beta2 None", lambda: Adam(beta2=None), ("beta2",)))
    add(Case("SGD.step None", lambda: SGD(0.1).step(None), ("model",)))
    add(Case("LeakyReLU alpha 'a'", lambda: LeakyReLU("a"), ("alpha",)))
    add(Case("LeakyReLU alpha nan", lambda: LeakyReLU(np.nan), ("alpha",)))
    add(Case("activations.get None", lambda: activations.get(None), ("activation",)))
    add(Case("activations.get list", lambda: activations.get(["relu"]), ("activation",)))
    add(Case("Sequential 5", lambda: Sequential(5), ("layers",)))
    add(Case("Sequential with a string", lambda: Sequential([Dense(2, 2, rng=0), "relu"]), ("layer 1",)))
    add(Case("softmax of one number", lambda: softmax(np.float64(3.0)), ("z", "single number")))
    add(Case("relu_derivative None", lambda: activations.relu_derivative(None), ("z", "None")))
    add(Case("softmax axis 3", lambda: softmax(np.zeros((2, 2)), axis=3), ("axis",)))
    add(Case("softmax axis 'a'", lambda: softmax(np.zeros((2, 2)), axis="a"), ("axis",)))
    add(Case("Standardizer strings", lambda: Standardizer().fit([["1", "2"]]), ("X", "str")))
    add(Case("standardize None", lambda: standardize([[None, 1.0]]), ("X",)))
    add(Case("train_test_split test_size nan", lambda: train_test_split(X2, Y1, test_size=np.nan), ("test_size",)))
    add(Case("train_test_split stratify 'yes'", lambda: train_test_split(X2, np.array([0, 1, 0, 1]), stratify="yes"), ("stratify",)))
    add(Case("Standardizer.transform nan", lambda: Standardizer().fit(X2).transform(X2 * np.nan), ("X", "nan")))
    add(Case("EarlyStopping restore_best 'yes'", lambda: EarlyStopping(restore_best="yes"), ("restore_best",)))
    add(Case("Dense rng RandomState", lambda: Dense(2, 3, rng=np.random.RandomState(0)), ("rng", "RandomState")))
    add(Case("Conv2D N=0", lambda: Conv2D(1, 1, 3, rng=0).forward(np.zeros((0, 1, 5, 5))), ok=lambda r: r.shape == (0, 1, 3, 3)))
    add(Case("MaxPool2D N=0", lambda: MaxPool2D(2).forward(np.zeros((0, 1, 4, 4))), ok=lambda r: r.shape == (0, 1, 2, 2)))
    add(Case("Dense backward complex dY", _dense_backward_complex, ("dY", "complex")))
    add(Case("fit batch_size larger than N", lambda: _fit(batch_size=100).epochs, ok=_equal([1])))
    add(Case("Dense 10**6 x 10**6", lambda: Dense(10**6, 10**6), ("Dense", "weights", "1,000,000 x 1,000,000")))
    add(Case("MLP 10**6 x 10**6", lambda: MLP([10**6, 10**6]), ("Dense", "weights")))
    add(Case("Conv2D 10**5 channels", lambda: Conv2D(10**5, 10**5, 100), ("Conv2D", "weights")))
    add(Case("blobs n 10**12", lambda: datasets.blobs(10**12, rng=0), ("n",)))
    add(Case("two_moons n 10**11", lambda: datasets.two_moons(10**11, rng=0), ("n",)))
    add(Case("blobs nan centers", lambda: datasets.blobs(10, centers=np.array([[np.nan, 0.0], [1.0, 1.0]]), rng=0), ("centers", "nan")))
    add(Case("col2im X_shape str", lambda: col2im(np.zeros((4, 9)), "abc", 3), ("X_shape",)))
    add(Case("col2im X_shape of 3", lambda: col2im(np.zeros((4, 9)), (1, 4, 4), 3), ("X_shape", "(N, C, H, W)")))
    add(Case("col2im X_shape 4.5", lambda: col2im(np.zeros((4, 9)), (1, 1, 4.5, 4), 3), ("X_shape[2]", "4.5")))
    add(Case("conv_output_size '28'", lambda: conv_output_size("28", 3), ("size",)))
    add(Case("conv_output_size kernel too big", lambda: conv_output_size(3, 4), ok=_equal(0)))  # the formula's 0
    add(Case("conv_output_size size 2.5", lambda: conv_output_size(2.5, 2), ("size", "2.5")))
    add(Case("conv_output_size padding -1", lambda: conv_output_size(4, 2, padding=-1), ("padding",)))
    add(Case("conv_output_size stride 0", lambda: conv_output_size(28, 3, stride=0), ("stride",)))
    add(Case("train_test_split y short", lambda: train_test_split(X2, Y1[:3]), ("y",)))
    add(Case("two_moons n 2.5", lambda: datasets.two_moons(2.5, rng=0), ("n",)))
    add(Case("two_moons n '10'", lambda: datasets.two_moons("10", rng=0), ("n",)))
    add(Case("two_moons noise nan", lambda: datasets.two_moons(10, noise=np.nan, rng=0), ("noise",)))
    add(Case("blobs std -1", lambda: datasets.blobs(10, std=-1.0, rng=0), ("std",)))
    add(Case("fit_quadratic_closed_form strings", lambda: lstsq.fit_quadratic_closed_form(["1"], [1.0]), ("x", "str")))
    add(Case("fit_quadratic_closed_form None", lambda: lstsq.fit_quadratic_closed_form([None], [1.0]), ("x",)))

    # 8. gradient checks
    add(Case("numerical_gradient eps 0", lambda: numerical_gradient(_square, np.ones(2), eps=0), ("eps", "0")))
    add(Case("numerical_gradient eps -1", lambda: numerical_gradient(_square, np.ones(2), eps=-1.0), ("eps",)))
    add(Case("numerical_gradient eps nan", lambda: numerical_gradient(_square, np.ones(2), eps=np.nan), ("eps",)))
    add(Case("numerical_gradient eps str", lambda: numerical_gradient(_square, np.ones(2), eps="a"), ("eps",)))
    add(Case("numerical_gradient f returns array", lambda: numerical_gradient(_double, np.ones(2)), ("f", "shape (2,)")))
    add(Case("numerical_gradient f not callable", lambda: numerical_gradient(5, np.ones(2)), ("f",)))
    add(Case("gradcheck eps 0", lambda: gradcheck(_square, [1.0, 2.0], df=_double, eps=0), ("eps",)))
    add(Case("gradcheck f returns array", lambda: gradcheck(_double, [1.0, 2.0], df=_double), ("f",)))
    add(Case("gradcheck df wrong shape", lambda: gradcheck(_square, [1.0, 2.0], df=lambda v: np.ones(5)), ("df", "(5,)")))
    add(Case("gradcheck x nan", lambda: gradcheck(_square, [np.nan], df=_double), ("x", "nan")))
    add(Case("gradcheck layer eps 0", lambda: gradcheck(Dense(2, 1, rng=0), finite_row, eps=0), ("eps",)))
    add(Case("gradcheck layer nan X", lambda: gradcheck(Dense(2, 1, rng=0), np.array([[np.nan, 1.0]])), ("X", "nan")))
    add(Case("gradcheck loss nan y_pred", lambda: gradcheck(MSE(), np.array([[np.nan]]), np.zeros(1)), ("y_pred", "nan")))
    add(Case("gradcheck model without loss", lambda: gradcheck(_model(), X2, Y1), ("loss",)))
    add(Case("gradcheck loss 'mse'", lambda: gradcheck(_model(), X2, Y1, loss="mse"), ("loss",)))

    # 9. load
    add(Case("load config list", _load_config("list.npz", [1, 2]), ("description", "list")))
    add(Case("load config string", _load_config("string.npz", "model"), ("description", "str")))
    add(Case("load config nested 200000", _deep_config, ("description",), seconds=2.0))
    add(Case("load layers not a list", _load_config("layers.npz", {"format": "nnlib-model", "version": 1, "layers": 5}), ("layers",)))
    add(Case("load layer spec a string", _load_config("spec.npz", _config("Dense")), ("layer 0",)))
    add(Case("load layer class missing", _load_config("noclass.npz", _config({"config": {}})), ("class",)))
    add(Case("load layer class unknown", _load_config("unknown.npz", _config({"class": "os.system", "config": {}})), ("os.system",)))
    add(Case("load layer config list", _load_config("cfglist.npz", _config({"class": "Dense", "config": [2, 3]})), ("config",)))
    add(Case("load layer unknown argument", _load_config("arg.npz", _config({"class": "Dense", "config": {"n_in": 2, "n_out": 3, "evil": 1}})), ("evil",)))
    add(Case("load bool size", _load_config("bool.npz", _config({"class": "Dense", "config": {"n_in": True, "n_out": 3}})), ("n_in",)))
    add(Case("load Dense 10**9 x 10**9", _huge_dense, ("Dense",), seconds=2.0))
    add(Case("load Conv2D huge kernel", _load_config("conv.npz", _config({"class": "Conv2D", "config": {"in_channels": 10**6, "out_channels": 10**6, "kernel_size": 1000}})), ("Conv2D",), seconds=2.0))
    add(Case("load format wrong", _load_config("format.npz", {"format": "keras", "version": 1, "layers": []}), ("format",)))
    add(Case("load version wrong", _load_config("version.npz", {"format": "nnlib-model", "version": 99, "layers": [DENSE_2_3]}), ("version",)))
    add(Case("load missing weights", _load_config("missing.npz", _config(DENSE_2_3), {"0.W": np.zeros((3, 2))}), ("0.b",)))
    add(Case("load extra weights", _load_config("extra.npz", _config(DENSE_2_3), {"0.W": np.zeros((3, 2)), "0.b": np.zeros(3), "x": np.zeros(2)}), ("x",)))
    add(Case("load huge array header", _huge_header, ("0.W", "(3, 2)"), seconds=1.0))
    add(Case("load unsupported compression", _unsupported_compression, ("damaged",), expected_word=True))
    add(Case("load .npy renamed .npz", _npy_renamed, ("npy",)))
    add(Case("load object array", _object_weights, ("0.W",)))
    add(Case("load path None", lambda: load(None), ("path",)))
    add(Case("load a directory", lambda: load(_workdir()), ("path",)))
    add(Case("load config not utf-8", lambda: load(_models_file("latin.npz", None, config_bytes=b"\xff\xfe")), ("description",)))
    add(Case("save to a folder", lambda: save(_model(), _workdir()), ("path", "folder")))
    add(Case("load round trip", lambda: load(_good_file("good.npz")).n_params(), ok=_equal(13)))
    return c


def _dense_backward_complex():
    layer = Dense(2, 1, rng=0)
    layer.forward(X2)
    return layer.backward(np.zeros((4, 1)) * 1j)


def _ce_backward_extreme():
    loss = CrossEntropy()
    loss.forward(np.array([[1e308, -1e308]]), [0])
    return loss.backward()


CASES = _cases()


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    counts = {"good": 0, "unclear": 0, "bad": 0}
    for case in CASES:
        outcome, detail = classify(case)
        counts[outcome] += 1
        if verbose or outcome != "good":
            print(f"{outcome:8} {case.id}: {detail}")
    print(f"{len(CASES)} cases: {counts['good']} good, {counts['unclear']} unclear, {counts['bad']} bad")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
