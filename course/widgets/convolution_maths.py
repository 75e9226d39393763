"""The arithmetic of chapter 10's convolution, in pure functions: output sizes, padding,
the feature map (a cross-correlation, as every deep-learning library computes it), max
pooling, parameter counts, and the explorer's preset kernels and typed weights.

    Y[i, j] = Σ_u Σ_v K[u, v] · X_pad[i·s + u, j·s + v].

The widgets (:mod:`course.widgets.convolution`) and the lesson's figures
(:mod:`course.widgets.convolution_plots`) draw what these return.
"""

from __future__ import annotations

import re
from fractions import Fraction

import numpy as np

from course.numbers import MINUS, fmt


# The worked example of the lesson: a bright bar in a dark 6×6 image, and a kernel that
# responds where bright lies above dark (a horizontal edge).
EXAMPLE_IMAGE = np.array(
    [
        [0, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 0],
        [0, 1, 2, 2, 1, 0],
        [0, 1, 2, 2, 1, 0],
        [0, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 0],
    ],
    dtype=float,
)
EXAMPLE_KERNEL = np.array([[1, 2, 1], [0, 0, 0], [-1, -2, -1]], dtype=float)

# Kernels for the explorer: each as (integer weights, common denominator), so the boxes can
# show exact fractions such as 1/9 and the weights are exact.
PRESETS: dict[str, tuple[tuple[tuple[int, ...], ...], int]] = {
    "identity": (((0, 0, 0), (0, 1, 0), (0, 0, 0)), 1),
    "box_blur": (((1, 1, 1), (1, 1, 1), (1, 1, 1)), 9),
    "gaussian_blur": (((1, 2, 1), (2, 4, 2), (1, 2, 1)), 16),
    "sharpen": (((0, -1, 0), (-1, 5, -1), (0, -1, 0)), 1),
    "horizontal_edge": (((1, 2, 1), (0, 0, 0), (-1, -2, -1)), 1),
    "outline": (((-1, -1, -1), (-1, 8, -1), (-1, -1, -1)), 1),
}
CUSTOM = "custom"


def as_image(image, owner: str) -> np.ndarray:
    try:
        array = np.asarray(image, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{owner}: expected an image, a 2-D array of numbers, but received {image!r:.60}") from None
    if array.ndim != 2 or array.size == 0:
        raise ValueError(f"{owner}: expected an image of shape (H, W), but received shape {array.shape}")
    return array


def _check_int(value, name: str, owner: str, minimum: int) -> int:
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)) or value < minimum:
        raise ValueError(f"{owner}: expected {name} to be an integer >= {minimum}, but received {value!r}")
    return int(value)


def output_size(size: int, kernel_size: int, stride: int = 1, padding: int = 0) -> int:
    """Rows (or columns) of the feature map: ``⌊(size + 2·padding − kernel_size) / stride⌋ + 1``.

    Raises ValueError when the kernel does not fit in the padded image.
    """
    size = _check_int(size, "size", "output_size", 1)
    kernel_size = _check_int(kernel_size, "kernel_size", "output_size", 1)
    stride = _check_int(stride, "stride", "output_size", 1)
    padding = _check_int(padding, "padding", "output_size", 0)
    if kernel_size > size + 2 * padding:
        raise ValueError(
            f"output_size: expected kernel_size <= size + 2*padding = {size + 2 * padding}, "
            f"but received kernel_size {kernel_size}"
        )
    return (size + 2 * padding - kernel_size) // stride + 1


def pad(image, padding: int) -> np.ndarray:
    """``image`` of shape ``(H, W)`` with ``padding`` rows and columns of zeros on every side."""
    image = as_image(image, "pad")
    padding = _check_int(padding, "padding", "pad", 0)
    return np.pad(image, padding)


def window_origins(shape: tuple[int, int], kernel_size: int = 3, stride: int = 1, padding: int = 0) -> np.ndarray:
    """Top-left corners of every window in the padded image, in the order the kernel visits them.

    Row by row: one step of ``stride`` to the right, and at the end of a row back to the left
    edge and ``stride`` rows down. Returns shape ``(H_out · W_out, 2)``, each row ``(row, column)``.
    """
    rows = output_size(shape[0], kernel_size, stride, padding)
    cols = output_size(shape[1], kernel_size, stride, padding)
    i, j = np.meshgrid(np.arange(rows) * stride, np.arange(cols) * stride, indexing="ij")
    return np.column_stack([i.ravel(), j.ravel()])


def feature_map(image, kernel, stride: int = 1, padding: int = 0) -> np.ndarray:
    """The course's convolution (a cross-correlation, the kernel not flipped).

    ``Y[i, j] = Σ_u Σ_v kernel[u, v] · X_pad[i·stride + u, j·stride + v]`` for an ``image`` of
    shape ``(H, W)`` and a ``kernel`` of shape ``(k_H, k_W)``; returns shape ``(H_out, W_out)``.
    """
    image = as_image(image, "feature_map")
    kernel = as_image(kernel, "feature_map")
    stride = _check_int(stride, "stride", "feature_map", 1)
    padded = pad(image, padding)
    kH, kW = kernel.shape
    if kH > padded.shape[0] or kW > padded.shape[1]:
        raise ValueError(
            f"feature_map: expected a kernel no larger than the padded image {padded.shape}, "
            f"but received a kernel of shape {kernel.shape}"
        )
    windows = np.lib.stride_tricks.sliding_window_view(padded, (kH, kW))[::stride, ::stride]
    return np.einsum("ijuv,uv->ij", windows, kernel)


def flip(kernel) -> np.ndarray:
    """The kernel turned half a turn (upside down and left to right): ``K[::-1, ::-1]``.

    The mathematicians' convolution is the course's convolution with the flipped kernel.
    """
    return as_image(kernel, "flip")[::-1, ::-1].copy()


def max_pool(image, size: int = 2) -> np.ndarray:
    """The largest value of every ``size × size`` block (stride ``size``, leftover edge dropped)."""
    image = as_image(image, "max_pool")
    size = _check_int(size, "size", "max_pool", 1)
    rows, cols = image.shape[0] // size, image.shape[1] // size
    if rows == 0 or cols == 0:
        raise ValueError(f"max_pool: expected an image at least {size}×{size}, but received shape {image.shape}")
    blocks = image[: rows * size, : cols * size].reshape(rows, size, cols, size)
    return blocks.max(axis=(1, 3))


def conv_param_count(in_channels: int, out_channels: int, kernel_size: int = 3) -> int:
    """Weights and biases of a convolutional layer: ``C_out · (C_in · k · k + 1)``."""
    return out_channels * (in_channels * kernel_size * kernel_size + 1)


def dense_param_count(n_in: int, n_out: int) -> int:
    """Weights and biases of a fully connected layer: ``n_out · (n_in + 1)``."""
    return n_out * (n_in + 1)


def preset_kernel(name: str) -> np.ndarray:
    """The 3×3 preset kernel ``name`` (a key of :data:`PRESETS`) as floats."""
    if name not in PRESETS:
        raise ValueError(f"preset_kernel: expected one of {', '.join(PRESETS)}, but received {name!r}")
    weights, denominator = PRESETS[name]
    return np.array(weights, dtype=float) / denominator


def preset_texts(name: str) -> list[str]:
    """The nine weights of a preset as people type them, row by row: ``"1/9"``, ``"−1"``, ``"5"``."""
    weights, denominator = PRESETS[name]
    texts = []
    for row in weights:
        for weight in row:
            if weight == 0:
                texts.append("0")
            elif denominator == 1:
                texts.append(fmt(weight))
            else:
                fraction = Fraction(weight, denominator)
                sign = MINUS if fraction < 0 else ""
                texts.append(f"{sign}{abs(fraction.numerator)}/{fraction.denominator}")
    return texts


_NUMBER_RE = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")


def parse_weight(text: str) -> float | None:
    """A kernel weight typed by a person, or None if it is not a number.

    Accepts a decimal point or a decimal comma (``0.5``, ``0,5``), the minus sign − as well
    as ``-``, and a fraction ``a/b`` (``1/9``, ``−2/16``).
    """
    if not isinstance(text, str):
        return None
    cleaned = text.strip().replace(MINUS, "-").replace("\u2013", "-").replace(" ", "").replace("\u00a0", "")
    parts = cleaned.split("/")
    if len(parts) > 2 or not all(_NUMBER_RE.match(part) for part in parts):
        return None
    numbers = [float(part.replace(",", ".")) for part in parts]
    if len(numbers) == 2:
        if numbers[1] == 0:
            return None
        return numbers[0] / numbers[1]
    return numbers[0]


def product_terms(image, kernel, origin: tuple[int, int], padding: int = 0) -> tuple[np.ndarray, np.ndarray, float]:
    """The window at ``origin`` (top-left corner in the padded image), its products with the kernel, and their sum.

    Returns ``(window, products, total)``: two arrays of the kernel's shape and one number.
    """
    padded = pad(image, padding)
    kernel = as_image(kernel, "product_terms")
    i, j = origin
    kH, kW = kernel.shape
    window = padded[i : i + kH, j : j + kW]
    if window.shape != kernel.shape:
        raise ValueError(
            f"product_terms: expected a window of shape {kernel.shape} at {origin}, but the padded image "
            f"{padded.shape} only has room for {window.shape}"
        )
    products = window * kernel
    return window, products, float(products.sum())


def sum_text(kernel, window) -> str:
    """``"1·0 + 2·0 + … + (−1)·2 = −4"``: the products written out in the notebook's language."""
    kernel = np.asarray(kernel, dtype=float).ravel()
    window = np.asarray(window, dtype=float).ravel()

    def number(value: float) -> str:
        text = fmt(float(value))
        return f"({text})" if value < 0 else text

    terms = " + ".join(f"{number(k)}·{number(x)}" for k, x in zip(kernel, window))
    return f"{terms} = {fmt(float(np.dot(kernel, window)))}"
