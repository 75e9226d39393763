"""The floating-point types nnlib computes in: float64 by default, float32 on request.

float64 is the default because the lessons check gradients numerically, and a finite
difference with step 1e-5 needs the 16 digits of float64 to agree to 1e-7. float32
halves the memory and roughly doubles the speed of every matrix product, which is what
a larger network wants. A model has one dtype: its layers' weights are made in it, and
every array on the way (activations, gradients, optimiser state) keeps it, because numpy
turns float32 into float64 as soon as one float64 array takes part in an operation.
"""

from __future__ import annotations

import numpy as np

from nnlib._checks import as_float_array

FLOAT_DTYPES = (np.dtype(np.float32), np.dtype(np.float64))


def float_dtype(dtype, owner: str) -> np.dtype:
    """``dtype`` (``np.float32``, ``"float32"``, ``float`` …) as float32 or float64, or a clear error."""
    try:
        wanted = np.dtype(dtype)
    except TypeError:
        wanted = None
    if wanted not in FLOAT_DTYPES or isinstance(dtype, bool):
        raise TypeError(f"{owner}: expected dtype to be numpy.float32 or numpy.float64, but received {dtype!r}")
    return wanted


def as_floats(x, name: str, owner: str, dtype: np.dtype | None = None) -> np.ndarray:
    """``x`` as a float32 or float64 array, without a copy when it already is one.

    With ``dtype`` the array is converted to it (float64 data for a float32 layer is cast
    down once, at the layer's door). Without, float32 and float64 arrays pass unchanged
    and anything else (ints, lists) becomes float64; refusals (complex, strings, None)
    come from :func:`nnlib._checks.as_float_array`.
    """
    if type(x) is np.ndarray and (x.dtype == dtype if dtype is not None else x.dtype in FLOAT_DTYPES):
        return x
    if dtype is None and isinstance(x, np.ndarray) and x.dtype in FLOAT_DTYPES:
        dtype = x.dtype  # a subclass such as a memmap: keep its precision
    return as_float_array(x, name, owner, dtype=dtype)
