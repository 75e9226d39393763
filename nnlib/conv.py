r"""Convolutional and max-pooling layers for images in ``(N, C, H, W)`` layout.

What deep learning calls a *convolution* is, strictly, a cross-correlation: the kernel
is slid over the image as it is, not flipped. Every deep-learning library does the same,
and so does this module. For one sample, output channel ``k`` and output pixel ``(i, j)``

.. math::

    Y_{k,i,j} = b_k + \sum_{c} \sum_{u} \sum_{v} W_{k,c,u,v} \, X_{c,\, i s + u,\, j s + v}

with stride ``s`` and ``X`` already padded with zeros. The output size along one axis is

.. math::

    H_{out} = \left\lfloor \frac{H + 2 p - k_H}{s} \right\rfloor + 1.

Two implementations live here on purpose:

- :func:`conv2d_naive` and :func:`conv2d_naive_backward` loop over every output pixel.
  They read like the formula and are the reference the tests and the benchmark use,
  but they are slow.
- :class:`Conv2D` uses :func:`im2col`: every receptive field (window) becomes one row of
  a matrix, so the whole convolution is a single matrix product, exactly like a Dense
  layer applied to every window. :func:`col2im` adds the window gradients back into
  image shape.

How the fast version stays fast, in numpy alone:

- The windows are never cut out one by one. ``sliding_window_view`` gives all of them
  as a *view* (new strides over the same memory, no copy), and one ``copyto`` lays them
  out as the matrix: besides the zero padding, the only copy the forward pass makes of X.
- Conv2D keeps that matrix *transposed*, one column per window: ``cols`` has shape
  ``(C_in·kH·kW, N·H_out·W_out)``. Then ``W_rows @ cols`` is one large matrix product
  whose rows are already the output channels, and the gradients ``dY_rows @ colsᵀ`` and
  ``W_rowsᵀ @ dY_rows`` are one product each too.
- col2im adds the window gradients back with one strided ``+=`` per kernel position
  (9 for a 3×3 kernel), each covering every image, channel and window at once, into
  one array allocated for the purpose.
- Max pooling compares the kH·kW shifted slices of the image (4 for 2×2) instead of
  reshaping every window into a row.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from nnlib._checks import as_float_array, check_int
from nnlib._dtype import as_floats
from nnlib.layers import Layer, WeightedLayer


def _pair(value, name: str, owner: str) -> tuple[int, int]:
    """``value`` as ``(height, width)``: an int means a square, a pair is taken as is."""
    if isinstance(value, (tuple, list)):
        if len(value) != 2:
            raise ValueError(
                f"{owner}: expected {name} to be an int or a pair (height, width), but received {value!r}"
            )
        return check_int(value[0], name, owner), check_int(value[1], name, owner)
    size = check_int(value, name, owner)
    return size, size


def conv_output_size(size: int, kernel_size: int, stride: int = 1, padding: int = 0) -> int:
    """Output length along one axis: ``(size + 2*padding - kernel_size) // stride + 1``.

    The formula itself: a result below 1 means the kernel does not fit in the padded input
    (the layers refuse such an input with a message saying so).

    Examples
    --------
    >>> conv_output_size(28, 3)
    26
    >>> conv_output_size(28, 3, stride=2, padding=1)
    14
    """
    try:
        out = (size + 2 * padding - kernel_size) // stride + 1
    except (TypeError, ZeroDivisionError):
        out = None
    # One comparison chain on the way every layer takes; the checks by name only on the way out.
    if (isinstance(out, bool) or not isinstance(out, (int, np.integer))
            or size < 1 or kernel_size < 1 or stride < 1 or padding < 0):
        _check_output_size_arguments(size, kernel_size, stride, padding)
    return out


def _check_output_size_arguments(size, kernel_size, stride, padding) -> None:
    owner = "conv_output_size"
    check_int(size, "size", owner)
    check_int(kernel_size, "kernel_size", owner)
    check_int(stride, "stride", owner)
    check_int(padding, "padding", owner, minimum=0)


def _image_shape(X_shape, owner: str) -> tuple[int, int, int, int]:
    """``X_shape`` as four ints ``(N, C, H, W)``, or an error naming it."""
    if not isinstance(X_shape, (tuple, list)) or len(X_shape) != 4:
        shown = repr(X_shape) if isinstance(X_shape, (tuple, list)) else type(X_shape).__name__
        raise TypeError(f"{owner}: expected X_shape to be (N, C, H, W), four ints, but received {shown}")
    N = check_int(X_shape[0], "X_shape[0] (N)", owner, minimum=0)
    C, H, W = (check_int(d, f"X_shape[{i}] ({name})", owner) for i, (d, name) in enumerate(zip(X_shape[1:], "CHW"), 1))
    return N, C, H, W


def _check_image(
    X, owner: str, in_channels: int | None, kernel: tuple[int, int], padding: int, dtype=None
) -> np.ndarray:
    """``X`` as a float ``(N, C, H, W)`` array large enough for ``kernel``, or a clear error.

    With ``dtype`` X is converted to it; without, float32 and float64 pass unchanged.
    """
    X = as_floats(X, "X", owner, dtype)
    channels = "C" if in_channels is None else str(in_channels)
    if X.ndim != 4:
        hint = ""
        if X.ndim == 2:
            hint = "; for a single grayscale image use X.reshape(1, 1, H, W)"
        elif X.ndim == 3:
            hint = "; for a single image with channels use X[np.newaxis]"
        raise ValueError(
            f"{owner}: expected X of shape (N, {channels}, H, W) (batch, channels, height, width), "
            f"but received shape {X.shape}{hint}"
        )
    if in_channels is not None and X.shape[1] != in_channels:
        raise ValueError(
            f"{owner}: expected X with {in_channels} channel(s) on axis 1, (N, {in_channels}, H, W), "
            f"but received shape {X.shape} with {X.shape[1]} channel(s)"
        )
    kH, kW = kernel
    H, W = X.shape[2] + 2 * padding, X.shape[3] + 2 * padding
    if H < kH or W < kW:
        padded = f" ({H}x{W} after padding {padding})" if padding else ""
        raise ValueError(
            f"{owner}: expected an input at least as large as the {kH}x{kW} kernel, but received "
            f"shape {X.shape}: a {X.shape[2]}x{X.shape[3]} image{padded} is smaller than the kernel"
        )
    return X


def _pad(X: np.ndarray, padding: int) -> np.ndarray:
    if padding == 0:
        return X
    return np.pad(X, ((0, 0), (0, 0), (padding, padding), (padding, padding)))


def _windows(X: np.ndarray, kH: int, kW: int, stride: int) -> np.ndarray:
    """A read-only view of every window: ``(N, C, H_out, W_out, kH, kW)``, no copy."""
    return sliding_window_view(X, (kH, kW), axis=(2, 3))[:, :, ::stride, ::stride]


def _unfold(Xp: np.ndarray, kH: int, kW: int, stride: int) -> np.ndarray:
    """The windows of padded images as columns: ``(C·kH·kW, N·H_out·W_out)``.

    Entry ``[(c, u, v), (n, i, j)]`` is ``Xp[n, c, i·stride + u, j·stride + v]``: row
    ``(c, u, v)`` holds what kernel position ``(c, u, v)`` sees in every window, and
    column ``(n, i, j)`` is the window of output pixel ``(i, j)`` of image ``n``.
    """
    windows = _windows(Xp, kH, kW, stride)  # (N, C, H_out, W_out, kH, kW), a view
    N, C, H_out, W_out = windows.shape[:4]
    cols = np.empty((C, kH, kW, N, H_out, W_out), dtype=Xp.dtype)
    # The transpose is a view too; copyto reads it once, in the order cols is stored.
    np.copyto(cols, windows.transpose(1, 4, 5, 0, 2, 3))
    return cols.reshape(C * kH * kW, N * H_out * W_out)


def _fold(cols: np.ndarray, X_shape: tuple, kH: int, kW: int, stride: int, padding: int) -> np.ndarray:
    """The adjoint of :func:`_unfold`: add column ``(n, i, j)`` back onto its window's pixels.

    ``cols`` has shape ``(C·kH·kW, N·H_out·W_out)``; the result has ``X_shape``, without
    the padding. One strided ``+=`` per kernel position ``(u, v)`` adds, for all images,
    channels and windows at once, what position ``(u, v)`` of every window contributes.
    """
    N, C, H, W = X_shape
    H_out = conv_output_size(H, kH, stride, padding)
    W_out = conv_output_size(W, kW, stride, padding)
    patches = cols.reshape(C, kH, kW, N, H_out, W_out)  # a view when cols is contiguous
    Xp = np.zeros((N, C, H + 2 * padding, W + 2 * padding), dtype=cols.dtype)
    Xp_by_channel = Xp.transpose(1, 0, 2, 3)  # (C, N, H, W): the same memory, in patches' order
    h_end, w_end = stride * (H_out - 1) + 1, stride * (W_out - 1) + 1
    for u in range(kH):
        for v in range(kW):
            # Position (u, v) of window (i, j) lies on pixel (i·stride + u, j·stride + v).
            Xp_by_channel[:, :, u : u + h_end : stride, v : v + w_end : stride] += patches[:, u, v]
    if padding:
        return Xp[:, :, padding:-padding, padding:-padding]
    return Xp


def im2col(X: np.ndarray, kernel_size, stride: int = 1, padding: int = 0) -> np.ndarray:
    """Unfold every receptive field of ``X`` into one row of a matrix.

    After this, a convolution is one matrix product: ``cols @ W.reshape(C_out, -1).T``.

    Parameters
    ----------
    X
        Images, shape ``(N, C, H, W)``.
    kernel_size
        ``k`` for a ``k x k`` kernel, or ``(kH, kW)``.
    stride, padding
        Step between windows, and zeros added on every side.

    Returns
    -------
    cols : ndarray, shape ``(N * H_out * W_out, C * kH * kW)``
        Row ``(n * H_out + i) * W_out + j`` is the window of sample ``n`` whose top-left
        corner is at ``(i * stride, j * stride)`` of the padded image, flattened in the
        order ``(c, u, v)``, the same order as ``W[k].ravel()``.
        ``H_out = (H + 2*padding - kH) // stride + 1``, and likewise ``W_out``.

    Examples
    --------
    >>> X = np.arange(16.0).reshape(1, 1, 4, 4)
    >>> im2col(X, 3).shape
    (4, 9)
    >>> im2col(X, 3)[0]
    array([ 0.,  1.,  2.,  4.,  5.,  6.,  8.,  9., 10.])
    """
    kH, kW = _pair(kernel_size, "kernel_size", "im2col")
    stride = check_int(stride, "stride", "im2col")
    padding = check_int(padding, "padding", "im2col", minimum=0)
    X = _check_image(X, "im2col", None, (kH, kW), padding)
    return _im2col(X, kH, kW, stride, padding)


def _im2col(X: np.ndarray, kH: int, kW: int, stride: int, padding: int) -> np.ndarray:
    # One row per window: the transpose of the column layout Conv2D works with.
    return np.ascontiguousarray(_unfold(_pad(X, padding), kH, kW, stride).T)


def col2im(cols: np.ndarray, X_shape: tuple, kernel_size, stride: int = 1, padding: int = 0) -> np.ndarray:
    """The adjoint of :func:`im2col`: add every row back onto the pixels its window covers.

    Where windows overlap (stride smaller than the kernel) a pixel receives the sum of
    the contributions of all windows that contain it, which is exactly what the chain
    rule needs for ∂L/∂X. The loop runs over the ``kH * kW`` kernel offsets only; each
    step adds one strided slice for all samples, channels and windows at once.

    Parameters
    ----------
    cols
        Shape ``(N * H_out * W_out, C * kH * kW)``, laid out as :func:`im2col` returns.
    X_shape
        ``(N, C, H, W)``, the shape of the original (unpadded) images.
    kernel_size, stride, padding
        The same values that were given to :func:`im2col`.

    Returns
    -------
    X : ndarray, shape ``(N, C, H, W)``
        Padding is cut off again, so gradients that fell on padded zeros are dropped.
    """
    kH, kW = _pair(kernel_size, "kernel_size", "col2im")
    stride = check_int(stride, "stride", "col2im")
    padding = check_int(padding, "padding", "col2im", minimum=0)
    N, C, H, W = _image_shape(X_shape, "col2im")
    H_out = conv_output_size(H, kH, stride, padding)
    W_out = conv_output_size(W, kW, stride, padding)
    cols = as_floats(cols, "cols", "col2im")
    expected = (N * H_out * W_out, C * kH * kW)
    if cols.shape != expected:
        raise ValueError(
            f"col2im: expected cols of shape {expected} for images {tuple(X_shape)} with a {kH}x{kW} "
            f"kernel, stride {stride} and padding {padding}, but received shape {cols.shape}"
        )
    return _col2im(cols, (N, C, H, W), kH, kW, stride, padding)


def _col2im(cols: np.ndarray, X_shape: tuple, kH: int, kW: int, stride: int, padding: int) -> np.ndarray:
    return _fold(cols.T, X_shape, kH, kW, stride, padding)


def conv2d_naive(X: np.ndarray, W: np.ndarray, b: np.ndarray, stride: int = 1, padding: int = 0) -> np.ndarray:
    """Readable but slow reference convolution: one loop iteration per output value.

    Used by the tests and the benchmark as the oracle for :class:`Conv2D`. Each output
    value is the element-wise product of one window with one filter, summed, plus the bias.

    Parameters
    ----------
    X
        Images, shape ``(N, C_in, H, W)``.
    W
        Filters, shape ``(C_out, C_in, kH, kW)``.
    b
        Biases, shape ``(C_out,)``.
    stride, padding
        Step between windows, and zeros added on every side.

    Returns
    -------
    Y : ndarray, shape ``(N, C_out, H_out, W_out)``
        ``H_out = (H + 2*padding - kH) // stride + 1``, and likewise ``W_out``.
    """
    W = as_float_array(W, "W", "conv2d_naive")
    b = as_float_array(b, "b", "conv2d_naive")
    if W.ndim != 4:
        raise ValueError(f"conv2d_naive: expected W of shape (C_out, C_in, kH, kW), but received shape {W.shape}")
    C_out, C_in, kH, kW = W.shape
    if b.shape != (C_out,):
        raise ValueError(f"conv2d_naive: expected b of shape ({C_out},), but received shape {b.shape}")
    stride = check_int(stride, "stride", "conv2d_naive")
    padding = check_int(padding, "padding", "conv2d_naive", minimum=0)
    X = _pad(_check_image(X, "conv2d_naive", C_in, (kH, kW), padding), padding)
    N = X.shape[0]
    H_out = (X.shape[2] - kH) // stride + 1
    W_out = (X.shape[3] - kW) // stride + 1
    Y = np.zeros((N, C_out, H_out, W_out))
    for n in range(N):
        for k in range(C_out):
            for i in range(H_out):
                for j in range(W_out):
                    window = X[n, :, i * stride : i * stride + kH, j * stride : j * stride + kW]
                    Y[n, k, i, j] = np.sum(window * W[k]) + b[k]
    return Y


def conv2d_naive_backward(
    dY: np.ndarray, X: np.ndarray, W: np.ndarray, stride: int = 1, padding: int = 0
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Readable but slow reference gradients of :func:`conv2d_naive`.

    Each output value ``Y[n, k, i, j]`` came from one window and one filter, so its
    gradient ``dY[n, k, i, j]`` flows back to both: ``dY * W[k]`` onto the window's pixels
    and ``dY * window`` onto the filter.

    Parameters
    ----------
    dY
        ∂L/∂Y, shape ``(N, C_out, H_out, W_out)``.
    X, W, stride, padding
        As given to :func:`conv2d_naive`.

    Returns
    -------
    dX : ndarray, shape ``(N, C_in, H, W)``
    dW : ndarray, shape ``(C_out, C_in, kH, kW)``
    db : ndarray, shape ``(C_out,)``
    """
    W = as_float_array(W, "W", "conv2d_naive_backward")
    if W.ndim != 4:
        raise ValueError(
            f"conv2d_naive_backward: expected W of shape (C_out, C_in, kH, kW), but received shape {W.shape}"
        )
    C_out, C_in, kH, kW = W.shape
    stride = check_int(stride, "stride", "conv2d_naive_backward")
    padding = check_int(padding, "padding", "conv2d_naive_backward", minimum=0)
    X = _check_image(X, "conv2d_naive_backward", C_in, (kH, kW), padding)
    N, _, H, W_in = X.shape
    H_out = conv_output_size(H, kH, stride, padding)
    W_out = conv_output_size(W_in, kW, stride, padding)
    dY = as_float_array(dY, "dY", "conv2d_naive_backward")
    if dY.shape != (N, C_out, H_out, W_out):
        raise ValueError(
            f"conv2d_naive_backward: expected dY of shape {(N, C_out, H_out, W_out)}, but received shape {dY.shape}"
        )
    Xp = _pad(X, padding)
    dXp = np.zeros_like(Xp)
    dW = np.zeros_like(W)
    for n in range(N):
        for k in range(C_out):
            for i in range(H_out):
                for j in range(W_out):
                    rows = slice(i * stride, i * stride + kH)
                    cols = slice(j * stride, j * stride + kW)
                    dXp[n, :, rows, cols] += dY[n, k, i, j] * W[k]
                    dW[k] += dY[n, k, i, j] * Xp[n, :, rows, cols]
    db = dY.sum(axis=(0, 2, 3))
    dX = dXp[:, :, padding : padding + H, padding : padding + W_in]
    return dX, dW, db


class Conv2D(WeightedLayer):
    """2-D convolutional layer (a cross-correlation, as in every deep-learning library).

    Each of the ``out_channels`` filters is slid over the input with the given stride;
    at every position the filter and the window are multiplied element-wise and summed,
    and the filter's bias is added. Computed with :func:`im2col` as one matrix product::

        cols = im2col(X, (kH, kW), stride, padding)       # (N*H_out*W_out, C_in*kH*kW)
        Y    = cols @ W.reshape(C_out, -1).T + b          # like Dense, once per window

    (The layer itself keeps ``cols`` transposed, one *column* per window, so that the
    product comes out with the channels first, as NCHW wants: see the module notes.)

    Parameters
    ----------
    in_channels, out_channels
        Channels of the input (1 for grayscale, 3 for RGB) and number of filters.
    kernel_size
        ``k`` for ``k x k`` filters, or a pair ``(kH, kW)``.
    stride
        Step between neighbouring windows, an int >= 1.
    padding
        Rows and columns of zeros added on every side of the image, an int >= 0.
    init
        Weight initialiser name (``"he"``, ``"xavier"``, ``"normal"`` …) or callable, with
        ``fan_in = in_channels * kH * kW``; biases start at zero.
    rng
        A ``numpy.random.Generator`` or an int seed for the initial weights.
    dtype
        ``np.float64`` (the default) or ``np.float32`` (about twice as fast).

    Shape
    -----
    - ``X``: ``(N, C_in, H, W)``, ``Y``: ``(N, C_out, H_out, W_out)``
    - ``H_out = (H + 2*padding - kH) // stride + 1``, ``W_out = (W + 2*padding - kW) // stride + 1``
    - ``W``: ``(C_out, C_in, kH, kW)``, ``b``: ``(C_out,)``

    Examples
    --------
    >>> conv = Conv2D(1, 16, 3, padding=1, rng=0)
    >>> conv.forward(np.zeros((8, 1, 28, 28))).shape
    (8, 16, 28, 28)
    """

    def __init__(
        self, in_channels: int, out_channels: int, kernel_size, *, stride: int = 1, padding: int = 0, init="he",
        rng=None, dtype=np.float64,
    ) -> None:
        super().__init__()
        self.in_channels = check_int(in_channels, "in_channels", "Conv2D")
        self.out_channels = check_int(out_channels, "out_channels", "Conv2D")
        self.kernel_size = _pair(kernel_size, "kernel_size", "Conv2D")
        self.stride = check_int(stride, "stride", "Conv2D")
        self.padding = check_int(padding, "padding", "Conv2D", minimum=0)
        kH, kW = self.kernel_size
        shape = (self.out_channels, self.in_channels, kH, kW)
        self._init_params(shape, self.in_channels * kH * kW, self.out_channels * kH * kW, init, rng, dtype)

    def output_shape(self, X_shape: tuple) -> tuple[int, int, int, int]:
        """``(N, C_out, H_out, W_out)`` for an input of shape ``(N, C_in, H, W)``."""
        N, _, H, W = X_shape
        kH, kW = self.kernel_size
        return (
            N,
            self.out_channels,
            conv_output_size(H, kH, self.stride, self.padding),
            conv_output_size(W, kW, self.stride, self.padding),
        )

    def forward(self, X: np.ndarray) -> np.ndarray:
        """Images ``X`` of shape ``(N, C_in, H, W)`` to feature maps ``(N, C_out, H_out, W_out)``."""
        X = _check_image(X, "Conv2D", self.in_channels, self.kernel_size, self.padding, self.dtype)
        N, C_out, H_out, W_out = self.output_shape(X.shape)
        cols = _unfold(_pad(X, self.padding), *self.kernel_size, self.stride)  # (C_in·kH·kW, N·H_out·W_out)
        W_rows = self.params["W"].reshape(C_out, -1)  # (C_out, C_in·kH·kW): one filter per row
        Y = W_rows @ cols  # (C_out, N·H_out·W_out): every filter on every window, one product
        Y += self.params["b"][:, np.newaxis]
        self._cache = (X.shape, cols)
        # (C_out, N, H_out, W_out) to (N, C_out, H_out, W_out): one copy of the (small) output
        return np.ascontiguousarray(Y.reshape(C_out, N, H_out, W_out).transpose(1, 0, 2, 3))

    def backward(self, dY: np.ndarray, input_grad: bool = True) -> np.ndarray | None:
        """Given ``dY`` = ∂L/∂Y, shape ``(N, C_out, H_out, W_out)``, store ∂L/∂W, ∂L/∂b; return ∂L/∂X.

        With ``input_grad=False`` ∂L/∂X (the product and the fold below) is skipped and None
        is returned, as for the first layer of a network, whose input is the data.
        """
        X_shape, cols = self._cached()
        dY = self._check_dY(dY, self.output_shape(X_shape), cols.dtype)
        # One row per filter, columns in the same (n, i, j) order as cols.
        dY_rows = dY.transpose(1, 0, 2, 3).reshape(self.out_channels, -1)  # (C_out, N·H_out·W_out)
        W_rows = self.params["W"].reshape(self.out_channels, -1)
        self.grads["W"] = (dY_rows @ cols.T).reshape(self.params["W"].shape)  # sums over batch and positions
        self.grads["b"] = dY_rows.sum(axis=1)
        if not input_grad:
            return None
        dcols = W_rows.T @ dY_rows  # (C_in·kH·kW, N·H_out·W_out): the gradient of every window
        return _fold(dcols, X_shape, *self.kernel_size, self.stride, self.padding)

    def config(self) -> dict:
        kH, kW = self.kernel_size
        return {
            "in_channels": self.in_channels,
            "out_channels": self.out_channels,
            "kernel_size": kH if kH == kW else [kH, kW],
            "stride": self.stride,
            "padding": self.padding,
            "init": self.init,
            **self._dtype_config(),
        }


class MaxPool2D(Layer):
    """Max pooling: the largest value of every window, for each channel separately.

    Parameters
    ----------
    kernel_size
        ``k`` for ``k x k`` windows, or a pair ``(kH, kW)``.
    stride
        Step between windows, an int >= 1; ``None`` (the default) means windows side by
        side without overlap (``stride = kH``, and ``kW`` across for a non-square window).

    Shape
    -----
    - ``X``: ``(N, C, H, W)``, ``Y``: ``(N, C, H_out, W_out)``
    - ``H_out = (H - kH) // stride + 1``, ``W_out = (W - kW) // stride + 1``; rows and
      columns left over at the edge are dropped.

    Notes
    -----
    The gradient of a maximum flows only to the input that was the maximum. When several
    values in a window tie, it goes to the first of them (in row-major order), so the
    gradient of each window is never counted twice.

    Examples
    --------
    >>> pool = MaxPool2D(2)
    >>> pool.forward(np.arange(16.0).reshape(1, 1, 4, 4))
    array([[[[ 5.,  7.],
             [13., 15.]]]])
    """

    def __init__(self, kernel_size, stride: int | None = None) -> None:
        super().__init__()
        self.kernel_size = _pair(kernel_size, "kernel_size", "MaxPool2D")
        self._default_stride = stride is None
        if stride is None:
            self.strides = self.kernel_size
        else:
            stride = check_int(stride, "stride", "MaxPool2D")
            self.strides = (stride, stride)

    @property
    def stride(self) -> int:
        return self.strides[0]

    def output_shape(self, X_shape: tuple) -> tuple[int, int, int, int]:
        """``(N, C, H_out, W_out)`` for an input of shape ``(N, C, H, W)``."""
        N, C, H, W = X_shape
        (kH, kW), (sH, sW) = self.kernel_size, self.strides
        return N, C, (H - kH) // sH + 1, (W - kW) // sW + 1

    def _slices(self, X_shape: tuple):
        """For every kernel position ``(u, v)``, the slices of X that hold it in every window.

        ``X[:, :, rows, cols]`` for the slices of ``(u, v)`` is an ``(N, C, H_out, W_out)``
        view whose entry ``[n, c, i, j]`` is element ``(u, v)`` of window ``(i, j)``.
        """
        _, _, H_out, W_out = self.output_shape(X_shape)
        (kH, kW), (sH, sW) = self.kernel_size, self.strides
        h_end, w_end = sH * (H_out - 1) + 1, sW * (W_out - 1) + 1
        for u in range(kH):  # row-major order, which decides ties (see Notes)
            for v in range(kW):
                yield (slice(None), slice(None), slice(u, u + h_end, sH), slice(v, v + w_end, sW))

    def forward(self, X: np.ndarray) -> np.ndarray:
        """``X`` of shape ``(N, C, H, W)`` to the window maxima ``(N, C, H_out, W_out)``."""
        X = _check_image(X, "MaxPool2D", None, self.kernel_size, 0)
        # The maximum of every window is the element-wise maximum of kH·kW shifted views of
        # X (4 for a 2x2 window), so no window is ever copied out on its own.
        first, *rest = self._slices(X.shape)
        Y = X[first].copy()
        for where in rest:
            np.maximum(Y, X[where], out=Y)
        self._cache = (X, Y)
        return Y

    def backward(self, dY: np.ndarray) -> np.ndarray:
        """Given ``dY`` of shape ``(N, C, H_out, W_out)``, return ∂L/∂X of shape ``(N, C, H, W)``."""
        X, Y = self._cached()
        dY = self._check_dY(dY, Y.shape, Y.dtype)
        (kH, kW), (sH, sW) = self.kernel_size, self.strides
        overlapping = sH < kH or sW < kW
        _, _, H, W = X.shape
        tiled = not overlapping and H % kH == 0 and W % kW == 0  # every pixel in exactly one window
        # A tiled image has every pixel written below, so dX needs no zeros first.
        dX = np.empty_like(X) if tiled else np.zeros_like(X)
        open_windows = None  # windows whose gradient is not yet given out (None: all of them)
        for where in self._slices(X.shape):
            # The first position (row-major) that holds the window's maximum takes the gradient.
            winner = X[where] == Y
            if open_windows is not None:
                winner &= open_windows
            if overlapping:
                # Windows share pixels: a pixel adds up the gradients of every window it wins.
                dX[where] += dY * winner
            else:
                np.multiply(dY, winner, out=dX[where])  # dX = dY where the pixel won, else 0
            open_windows = ~winner if open_windows is None else np.logical_and(open_windows, ~winner, out=open_windows)
        return dX

    def config(self) -> dict:
        kH, kW = self.kernel_size
        return {"kernel_size": kH if kH == kW else [kH, kW], "stride": None if self._default_stride else self.stride}
