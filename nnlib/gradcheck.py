"""Gradient checking: compare an analytic gradient with central finite differences.

The central difference (f(x + h) − f(x − h)) / 2h has an error of order h², far smaller
than the one-sided (f(x + h) − f(x)) / h with its error of order h. Comparisons use the
relative error ‖a − n‖ / (‖a‖ + ‖n‖) of each gradient array; in float64 a correct
gradient gives about 1e-9 or less, a wrong one 1e-2 or more.
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from nnlib._checks import as_float_array, check_finite, check_positive, describe, make_rng
from nnlib.layers import Layer
from nnlib.losses import Loss


def numerical_gradient(f: Callable[[np.ndarray], float], x: np.ndarray, eps: float = 1e-6) -> np.ndarray:
    """∂f/∂x by central differences; ``x`` is changed during the call and restored after.

    ``x`` must be a float64 array that ``f`` reads (for example a layer's weights).
    """
    if not callable(f):
        raise TypeError(f"numerical_gradient: expected f to be a function f(x) -> float, but received {describe(f)}")
    if not isinstance(x, np.ndarray) or x.dtype != np.float64:
        raise TypeError(f"numerical_gradient: expected x as a float64 ndarray, but received {type(x).__name__}"
                        f"{'' if not isinstance(x, np.ndarray) else ' of dtype ' + str(x.dtype)}")
    check_positive(eps, "eps", "numerical_gradient")
    if not x.flags.writeable:
        raise ValueError("numerical_gradient: expected x to be writeable (it is nudged in place), but received a read-only array")
    grad = np.zeros_like(x)
    flat, gflat = x.reshape(-1), grad.reshape(-1)
    if not np.may_share_memory(flat, x):
        raise ValueError("numerical_gradient: expected x to be a contiguous array that f reads, but received a strided view")
    for i in range(flat.size):
        original = flat[i]
        try:
            flat[i] = original + eps
            f_plus = _scalar(f(x))
            flat[i] = original - eps
            f_minus = _scalar(f(x))
        finally:
            flat[i] = original
        gflat[i] = (f_plus - f_minus) / (2 * eps)
    return grad


def _scalar(value) -> float:
    """``f(x)`` as a float, or a TypeError saying that f must return one number."""
    if isinstance(value, (bool, np.bool_)) or np.ndim(value) != 0:
        shape = f"an array of shape {np.shape(value)}" if np.ndim(value) else describe(value)
        raise TypeError(f"numerical_gradient: expected f to return one number (a scalar such as the loss), but received "
                        f"{shape}; sum it or pick one element")
    if np.iscomplexobj(value):
        raise TypeError(f"numerical_gradient: expected f to return a real number, but received {value!r}")
    try:
        return float(value)
    except (TypeError, ValueError):
        raise TypeError(f"numerical_gradient: expected f to return a number, but received {describe(value)}") from None


def relative_error(analytic: np.ndarray, numeric: np.ndarray) -> float:
    """‖a − n‖ / (‖a‖ + ‖n‖); 0 when both are exactly zero."""
    analytic, numeric = np.asarray(analytic, dtype=float), np.asarray(numeric, dtype=float)
    if analytic.shape != numeric.shape:
        raise ValueError(f"relative_error: shapes differ: analytic {analytic.shape}, numeric {numeric.shape}")
    denominator = np.linalg.norm(analytic) + np.linalg.norm(numeric)
    return 0.0 if denominator == 0 else float(np.linalg.norm(analytic - numeric) / denominator)


def gradcheck(obj, *args, df: Callable | None = None, loss: Loss | None = None, eps: float = 1e-6,
              rng=None, details: bool = False):
    """Maximum relative error between analytic and numerical gradients.

    Four ways to call it:

    - a plain function: ``gradcheck(f, x, df=grad_f)`` with ``f(x) -> float``;
    - a layer: ``gradcheck(layer, X)`` checks ∂/∂X and every parameter gradient of the
      scalar ``sum(layer.forward(X) * R)`` for a fixed random ``R``;
    - a loss: ``gradcheck(loss, y_pred, y_true)`` checks ``loss.backward()``;
    - a model: ``gradcheck(model, X, y, loss=MSE())`` checks every parameter and ∂/∂X.

    With ``details=True`` it returns ``{name: error}`` for every checked array instead.
    """
    check_positive(eps, "eps", "gradcheck")
    if isinstance(obj, Loss):
        errors = _check_loss(obj, *args, eps=eps)
    elif isinstance(obj, Layer):
        errors = _check_layer(obj, *args, eps=eps, rng=rng)
    elif hasattr(obj, "layers") and hasattr(obj, "parameters"):
        if loss is None:
            raise ValueError("gradcheck: checking a model needs loss=...: expected e.g. loss=MSE(), but received none")
        if not isinstance(loss, Loss):
            raise TypeError(f"gradcheck: expected loss to be a Loss object such as MSE(), but received {describe(loss)}")
        errors = _check_model(obj, *args, loss=loss, eps=eps)
    elif callable(obj):
        if df is None or len(args) != 1:
            raise ValueError("gradcheck: for a plain function call gradcheck(f, x, df=gradient_of_f)")
        x = check_finite(np.array(as_float_array(args[0], "x", "gradcheck"), dtype=float), "x", "gradcheck")
        if not callable(df):
            raise TypeError(f"gradcheck: expected df to be the gradient function df(x), but received {describe(df)}")
        analytic = as_float_array(df(x.copy()), "the result of df(x)", "gradcheck")
        if analytic.shape != x.shape:
            raise ValueError(
                f"gradcheck: expected df(x) to return the gradient with the shape of x {x.shape}, "
                f"but received shape {analytic.shape}"
            )
        errors = {"x": relative_error(analytic, numerical_gradient(obj, x, eps))}
    else:
        raise TypeError(f"gradcheck: expected a function, layer, loss or model, but received {type(obj).__name__}")
    return errors if details else max(errors.values())


def _check_loss(loss: Loss, y_pred, y_true, *, eps: float) -> dict[str, float]:
    y_pred = check_finite(np.array(as_float_array(y_pred, "y_pred", "gradcheck"), dtype=float), "y_pred", "gradcheck")
    loss.forward(y_pred, y_true)
    analytic = loss.backward()
    numeric = numerical_gradient(lambda p: loss.forward(p, y_true), y_pred, eps)
    return {"y_pred": relative_error(analytic, numeric)}


def _check_layer(layer: Layer, X, *, eps: float, rng) -> dict[str, float]:
    X = check_finite(np.array(as_float_array(X, "X", "gradcheck"), dtype=float), "X", "gradcheck")
    R = make_rng(rng if rng is not None else 0).normal(size=layer.forward(X).shape)

    def objective(_=None) -> float:
        return float(np.sum(layer.forward(X) * R))

    layer.forward(X)
    errors = {"X": relative_error(layer.backward(R), numerical_gradient(objective, X, eps))}
    analytic = {key: grad.copy() for key, grad in layer.grads.items()}
    for key, param in layer.params.items():
        errors[key] = relative_error(analytic[key], numerical_gradient(objective, param, eps))
    return errors


def _check_model(model, X, y, *, loss: Loss, eps: float) -> dict[str, float]:
    X = check_finite(np.array(as_float_array(X, "X", "gradcheck"), dtype=float), "X", "gradcheck")

    def objective(_=None) -> float:
        return loss.forward(model.forward(X), y)

    objective()
    dX = model.backward(loss.backward())
    analytic = {name: grad.copy() for name, _, grad in model.parameters()}
    errors = {"X": relative_error(dX, numerical_gradient(objective, X, eps))}
    for name, param, _ in model.parameters():
        errors[name] = relative_error(analytic[name], numerical_gradient(objective, param, eps))
    return errors
