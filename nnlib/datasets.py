"""Small data sets for the lessons: logic gates, 2-D toy problems, noisy parabolas, digits.

Every generator returns ``(X, y)`` with ``X`` a float array of shape ``(N, 2)`` (one row per
point, batch first) and ``y`` an int array of class labels ``0, 1, …`` of shape ``(N,)``;
:func:`quadratic` returns two 1-D arrays ``(x, y)`` for curve fitting instead.

Randomness comes only from ``rng``: a ``numpy.random.Generator`` or an int seed. Pass an int
(``rng=0``) for the same data every time; with ``rng=None`` each call draws fresh data from
a new, unseeded Generator (never numpy's global random state).

Classes are balanced: with ``n`` points and ``k`` classes every class gets ``n // k`` points
and the first ``n % k`` classes one more. The rows are shuffled, so the labels are not sorted.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources

import numpy as np

from nnlib._checks import as_float_array, check_finite, check_int, check_positive, make_rng

LOGIC_GATES: dict[str, tuple[int, int, int, int]] = {
    # Outputs for the inputs (0, 0), (0, 1), (1, 0), (1, 1), in that order.
    "and": (0, 0, 0, 1),
    "or": (0, 1, 1, 1),
    "xor": (0, 1, 1, 0),
    "nand": (1, 1, 1, 0),
}

# Generated data sets are for lessons: more points than this is a typo, not a data set.
MAX_POINTS = 10_000_000

DIGITS_N_SAMPLES = 1797
DIGITS_N_CLASSES = 10


def logic_gate(name: str) -> tuple[np.ndarray, np.ndarray]:
    """The truth table of a two-input logic gate as a tiny classification problem.

    Parameters
    ----------
    name
        ``"and"``, ``"or"``, ``"xor"`` or ``"nand"`` (any letter case).

    Returns
    -------
    X : ndarray of shape (4, 2), float
        The inputs ``(0, 0), (0, 1), (1, 0), (1, 1)``.
    y : ndarray of shape (4,), int
        The gate's output 0 or 1 for each row of ``X``.

    Examples
    --------
    >>> X, y = logic_gate("and")
    >>> y
    array([0, 0, 0, 1])
    """
    if not isinstance(name, str) or name.lower() not in LOGIC_GATES:
        valid = ", ".join(repr(g) for g in LOGIC_GATES)
        raise ValueError(f"logic_gate: expected name to be one of {valid}, but received {name!r}")
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    y = np.array(LOGIC_GATES[name.lower()], dtype=int)
    return X, y


def _class_sizes(n: int, n_classes: int, owner: str) -> list[int]:
    if n < n_classes:
        raise ValueError(
            f"{owner}: expected n >= {n_classes} so that each of the {n_classes} classes gets a point, "
            f"but received n={n}"
        )
    return [n // n_classes + (1 if j < n % n_classes else 0) for j in range(n_classes)]


def _check_noise(noise, owner: str) -> float:
    noise = _check_number(noise, "noise", owner)
    check_positive(noise, "noise", owner, allow_zero=True)
    return noise


def _check_number(value, name: str, owner: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{owner}: expected {name} to be a number, but received {type(value).__name__}")
    return float(value)


def _shuffled(X: np.ndarray, y: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    order = rng.permutation(len(y))
    return X[order], y[order]


def blobs(n: int = 100, centers=2, std: float = 1.0, rng=None) -> tuple[np.ndarray, np.ndarray]:
    """Gaussian clouds of points, one per class.

    Class j is drawn from a normal distribution around ``centers[j]`` with standard deviation
    ``std`` in every direction.

    Parameters
    ----------
    n
        Total number of points.
    centers
        Either the number of classes k, whose centres are then spread evenly on a circle of
        radius 3 around the origin (for k = 2: about (2.1, 2.1) and (-2.1, -2.1)), or an array
        of shape ``(k, d)`` with one centre per row.
    std
        Standard deviation of each cloud (>= 0).
    rng
        A ``numpy.random.Generator`` or an int seed.

    Returns
    -------
    X : ndarray of shape (n, d), float
        The points; ``d = 2`` unless ``centers`` is an array with another number of columns.
    y : ndarray of shape (n,), int
        The class 0 … k-1 of each point.
    """
    n = check_int(n, "n", "blobs", maximum=MAX_POINTS)
    std = _check_number(std, "std", "blobs")
    check_positive(std, "std", "blobs", allow_zero=True)
    if isinstance(centers, (int, np.integer)) and not isinstance(centers, bool):
        k = check_int(centers, "centers", "blobs")
        angles = np.pi / 4 + 2 * np.pi * np.arange(k) / k
        means = 3.0 * np.column_stack([np.cos(angles), np.sin(angles)]) if k > 1 else np.zeros((1, 2))
    else:
        means = check_finite(as_float_array(centers, "centers", "blobs"), "centers", "blobs")
        if means.ndim != 2 or means.shape[0] < 1 or means.shape[1] < 1:
            raise ValueError(
                f"blobs: expected centers to be a number of classes or an array of shape (k, d), "
                f"but received shape {means.shape}"
            )
    rng = make_rng(rng, owner="blobs")
    sizes = _class_sizes(n, len(means), "blobs")
    X = np.concatenate([rng.normal(mean, std, size=(size, means.shape[1])) for mean, size in zip(means, sizes)])
    y = np.repeat(np.arange(len(means)), sizes)
    return _shuffled(X, y, rng)


def two_moons(n: int = 100, noise: float = 0.1, rng=None) -> tuple[np.ndarray, np.ndarray]:
    """Two interleaving half circles: not linearly separable, easy for a small MLP.

    Class 0 lies on the upper half circle ``(cos t, sin t)``, class 1 on the lower one
    ``(1 - cos t, 0.5 - sin t)``, for t evenly spaced in [0, π]; then Gaussian noise with
    standard deviation ``noise`` is added to both coordinates.

    Parameters
    ----------
    n
        Total number of points (n = 100 gives 50 per class).
    noise
        Standard deviation of the noise (>= 0).
    rng
        A ``numpy.random.Generator`` or an int seed.

    Returns
    -------
    X : ndarray of shape (n, 2), float
    y : ndarray of shape (n,), int, labels 0 and 1
    """
    n = check_int(n, "n", "two_moons", maximum=MAX_POINTS)
    noise = _check_noise(noise, "two_moons")
    n_upper, n_lower = _class_sizes(n, 2, "two_moons")
    t_upper = np.linspace(0.0, np.pi, n_upper)
    t_lower = np.linspace(0.0, np.pi, n_lower)
    X = np.concatenate(
        [
            np.column_stack([np.cos(t_upper), np.sin(t_upper)]),
            np.column_stack([1.0 - np.cos(t_lower), 0.5 - np.sin(t_lower)]),
        ]
    )
    y = np.repeat([0, 1], [n_upper, n_lower])
    rng = make_rng(rng, owner="two_moons")
    X = X + rng.normal(0.0, noise, size=X.shape)
    return _shuffled(X, y, rng)


def circles(n: int = 100, noise: float = 0.05, factor: float = 0.5, rng=None) -> tuple[np.ndarray, np.ndarray]:
    """A small circle inside a large one: class 1 is surrounded by class 0.

    Class 0 lies on the unit circle, class 1 on the circle of radius ``factor``, at evenly
    spaced angles; Gaussian noise with standard deviation ``noise`` is added to both
    coordinates. No straight line separates them; a hidden layer can.

    Parameters
    ----------
    n
        Total number of points.
    noise
        Standard deviation of the noise (>= 0).
    factor
        Radius of the inner circle relative to the outer one, 0 < factor < 1.
    rng
        A ``numpy.random.Generator`` or an int seed.

    Returns
    -------
    X : ndarray of shape (n, 2), float
    y : ndarray of shape (n,), int, 0 = outer circle, 1 = inner circle
    """
    n = check_int(n, "n", "circles", maximum=MAX_POINTS)
    noise = _check_noise(noise, "circles")
    factor = _check_number(factor, "factor", "circles")
    if not 0.0 < factor < 1.0:
        raise ValueError(f"circles: expected factor between 0 and 1 (exclusive), but received {factor!r}")
    sizes = _class_sizes(n, 2, "circles")
    parts = []
    for radius, size in zip((1.0, factor), sizes):
        angle = np.linspace(0.0, 2 * np.pi, size, endpoint=False)
        parts.append(radius * np.column_stack([np.cos(angle), np.sin(angle)]))
    X = np.concatenate(parts)
    y = np.repeat([0, 1], sizes)
    rng = make_rng(rng, owner="circles")
    X = X + rng.normal(0.0, noise, size=X.shape)
    return _shuffled(X, y, rng)


def spirals(
    n: int = 300, n_classes: int = 3, noise: float = 0.05, rng=None, *, turns: float = 1.0
) -> tuple[np.ndarray, np.ndarray]:
    """A k-armed spiral: one arm per class, winding out from the origin.

    Point i of arm j (of k arms with n_j points each) sits at radius ``r = i / (n_j - 1)``
    and angle ``θ = 2π j / k + 2π · turns · r``, i.e. at ``(r cos θ, r sin θ)``; Gaussian
    noise with standard deviation ``noise`` is added to both coordinates. The arms are
    1/k apart along a ray, so the problem gets harder as k, ``turns`` or ``noise`` grow.

    Parameters
    ----------
    n
        Total number of points.
    n_classes
        Number of arms (classes), >= 1.
    noise
        Standard deviation of the noise (>= 0).
    rng
        A ``numpy.random.Generator`` or an int seed.
    turns
        How many full turns each arm makes (> 0).

    Returns
    -------
    X : ndarray of shape (n, 2), float, roughly within [-1, 1] × [-1, 1]
    y : ndarray of shape (n,), int, labels 0 … n_classes-1
    """
    n = check_int(n, "n", "spirals", maximum=MAX_POINTS)
    n_classes = check_int(n_classes, "n_classes", "spirals")
    noise = _check_noise(noise, "spirals")
    turns = _check_number(turns, "turns", "spirals")
    check_positive(turns, "turns", "spirals")
    sizes = _class_sizes(n, n_classes, "spirals")
    parts = []
    for j, size in enumerate(sizes):
        r = np.linspace(0.0, 1.0, size) if size > 1 else np.ones(1)
        theta = 2 * np.pi * j / n_classes + 2 * np.pi * turns * r
        parts.append(r[:, None] * np.column_stack([np.cos(theta), np.sin(theta)]))
    X = np.concatenate(parts)
    y = np.repeat(np.arange(n_classes), sizes)
    rng = make_rng(rng, owner="spirals")
    X = X + rng.normal(0.0, noise, size=X.shape)
    return _shuffled(X, y, rng)


def quadratic(
    n: int = 20, a: float = 2.0, noise: float = 0.5, x_range: tuple[float, float] = (-2.0, 2.0), rng=None
) -> tuple[np.ndarray, np.ndarray]:
    """Noisy points around the parabola y = a·x², for fitting ``a`` by least squares.

    The x values are drawn uniformly from ``x_range`` and sorted, so ``plt.plot(x, y)`` draws
    from left to right; each ``y_i = a·x_i² + ε_i`` with ε_i normal, standard deviation ``noise``.

    Parameters
    ----------
    n
        Number of points.
    a
        The true coefficient.
    noise
        Standard deviation of the noise on y (>= 0).
    x_range
        ``(low, high)`` with low < high.
    rng
        A ``numpy.random.Generator`` or an int seed.

    Returns
    -------
    x : ndarray of shape (n,), float, sorted ascending
    y : ndarray of shape (n,), float
    """
    n = check_int(n, "n", "quadratic", maximum=MAX_POINTS)
    a = _check_number(a, "a", "quadratic")
    noise = _check_noise(noise, "quadratic")
    bounds = as_float_array(x_range, "x_range", "quadratic")
    if bounds.shape != (2,) or not np.all(np.isfinite(bounds)) or not bounds[0] < bounds[1]:
        raise ValueError(
            f"quadratic: expected x_range to be (low, high) with low < high, but received {x_range!r}"
        )
    rng = make_rng(rng, owner="quadratic")
    x = np.sort(rng.uniform(bounds[0], bounds[1], size=n))
    y = a * x**2 + rng.normal(0.0, noise, size=n)
    return x, y


@lru_cache(maxsize=1)
def _digits_table() -> np.ndarray:
    source = resources.files("nnlib").joinpath("_data", "digits.csv.gz")
    with source.open("rb") as raw, gzip.open(raw, "rt") as text:
        table = np.loadtxt(text, delimiter=",", dtype=np.int64)
    table.setflags(write=False)
    return table


def load_digits(*, as_images: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """The UCI 8×8 handwritten digits: 1,797 images of the digits 0–9.

    Each image is an 8×8 grid of integers 0..16: the creators divided a 32×32 bitmap into
    4×4 blocks and counted the set pixels in each. The file ships with nnlib, so nothing is
    downloaded; it is read once per session and cached.

    Data: E. Alpaydin and C. Kaynak, *Optical Recognition of Handwritten Digits*, UCI Machine
    Learning Repository, 1998, https://doi.org/10.24432/C50P49. Licence: Creative Commons
    Attribution 4.0 International (CC BY 4.0). See ``nnlib/_data/README.md``.

    Parameters
    ----------
    as_images
        ``False``: one flat row of 64 pixels per image. ``True``: NCHW images with one channel,
        ready for ``Conv2D``.

    Returns
    -------
    X : ndarray, float, values 0..16
        Shape ``(1797, 64)``, or ``(1797, 1, 8, 8)`` when ``as_images=True``; row-major pixels,
        so ``X[i].reshape(8, 8)`` is image i. A fresh copy on every call.
    y : ndarray of shape (1797,), int
        The digit 0–9 shown in each image.
    """
    if not isinstance(as_images, (bool, np.bool_)):
        raise TypeError(f"load_digits: expected as_images to be True or False, but received {as_images!r}")
    table = _digits_table()
    X = table[:, :64].astype(float)
    y = table[:, 64].astype(int)
    if as_images:
        X = X.reshape(-1, 1, 8, 8)
    return X, y
