"""Chapter 07's playground data: five 2-D data sets with two classes (XOR, circles, two
moons, spiral, Gaussian blobs), scaled to lie inside ±1 apart from their noise, and the
split into training and validation points.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from nnlib import datasets


DATASETS = ("xor", "circles", "moons", "spiral", "blobs")


def check_choice(value, choices: Sequence[str], what: str, owner: str) -> str:
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
    check_choice(name, DATASETS, "the data set", "make_dataset")
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
