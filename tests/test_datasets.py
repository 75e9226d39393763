import numpy as np
import pytest

from nnlib import datasets
from nnlib.datasets import blobs, circles, load_digits, logic_gate, quadratic, spirals, two_moons

GENERATORS = {
    "blobs": lambda **kw: blobs(**kw),
    "two_moons": lambda **kw: two_moons(**kw),
    "circles": lambda **kw: circles(**kw),
    "spirals": lambda **kw: spirals(**kw),
}


@pytest.mark.parametrize(
    "name, expected",
    [("and", [0, 0, 0, 1]), ("or", [0, 1, 1, 1]), ("xor", [0, 1, 1, 0]), ("nand", [1, 1, 1, 0]), ("AND", [0, 0, 0, 1])],
)
def test_logic_gate_truth_tables(name, expected):
    X, y = logic_gate(name)
    np.testing.assert_array_equal(X, [[0, 0], [0, 1], [1, 0], [1, 1]])
    assert X.dtype == float and y.dtype.kind == "i"
    np.testing.assert_array_equal(y, expected)


def test_logic_gate_matches_python_operators():
    X, y = logic_gate("xor")
    assert [int(a) ^ int(b) for a, b in X] == list(y)


def test_logic_gate_unknown_name_lists_valid_names():
    with pytest.raises(ValueError, match=r"logic_gate: expected name to be one of 'and', 'or', 'xor', 'nand', but received 'nor'"):
        logic_gate("nor")
    with pytest.raises(ValueError, match=r"but received 3"):
        logic_gate(3)


@pytest.mark.parametrize("name", GENERATORS)
def test_generators_shapes_and_types(name):
    X, y = GENERATORS[name](n=60, rng=0)
    assert X.shape == (60, 2) and X.dtype == float
    assert y.shape == (60,) and y.dtype.kind == "i"
    assert np.all(np.isfinite(X))


@pytest.mark.parametrize("name", GENERATORS)
def test_generators_reproducible_under_seed_and_differ_across_seeds(name):
    X1, y1 = GENERATORS[name](n=50, rng=3)
    X2, y2 = GENERATORS[name](n=50, rng=3)
    X3, _ = GENERATORS[name](n=50, rng=4)
    np.testing.assert_array_equal(X1, X2)
    np.testing.assert_array_equal(y1, y2)
    assert not np.allclose(X1, X3)


def test_generator_accepts_a_generator_and_advances_it():
    rng = np.random.default_rng(0)
    X1, _ = two_moons(20, rng=rng)
    X2, _ = two_moons(20, rng=rng)
    assert not np.allclose(X1, X2)


def test_no_global_random_state_used():
    np.random.seed(0)
    before = np.random.get_state()[1].copy()
    two_moons(30, rng=1)
    spirals(30, rng=1)
    np.testing.assert_array_equal(np.random.get_state()[1], before)


def test_two_moons_balanced_and_geometry():
    X, y = two_moons(100, noise=0.0, rng=0)
    assert np.bincount(y).tolist() == [50, 50]
    upper, lower = X[y == 0], X[y == 1]
    # Without noise the upper moon is the unit half circle, the lower one shifted by (1, -0.5).
    np.testing.assert_allclose(np.hypot(upper[:, 0], upper[:, 1]), 1.0)
    np.testing.assert_allclose(np.hypot(lower[:, 0] - 1.0, lower[:, 1] - 0.5), 1.0)
    assert upper[:, 1].min() >= -1e-12 and lower[:, 1].max() <= 0.5 + 1e-12


def test_odd_n_differs_by_at_most_one():
    _, y = two_moons(101, rng=0)
    assert sorted(np.bincount(y).tolist()) == [50, 51]
    _, y = spirals(100, n_classes=3, rng=0)
    assert np.bincount(y).tolist() == [34, 33, 33]


def test_rows_are_shuffled():
    _, y = two_moons(100, rng=0)
    assert not np.all(np.diff(y) >= 0)


def test_circles_radii():
    X, y = circles(200, noise=0.0, factor=0.3, rng=0)
    radius = np.hypot(X[:, 0], X[:, 1])
    np.testing.assert_allclose(radius[y == 0], 1.0)
    np.testing.assert_allclose(radius[y == 1], 0.3)
    assert np.bincount(y).tolist() == [100, 100]


def test_spirals_classes_and_range():
    X, y = spirals(300, n_classes=4, noise=0.0, rng=0)
    assert np.bincount(y).tolist() == [75, 75, 75, 75]
    assert np.all(np.hypot(X[:, 0], X[:, 1]) <= 1.0 + 1e-12)
    # Arm j's outermost point (r = 1) sits at angle 2πj/k + 2π·turns, i.e. 2πj/k for one turn.
    for j in range(4):
        arm = X[y == j]
        outer = arm[np.argmax(np.hypot(arm[:, 0], arm[:, 1]))]
        np.testing.assert_allclose(outer, [np.cos(2 * np.pi * j / 4), np.sin(2 * np.pi * j / 4)], atol=1e-12)


def test_blobs_centres_std_and_explicit_centres():
    X, y = blobs(4000, centers=2, std=0.5, rng=0)
    assert np.bincount(y).tolist() == [2000, 2000]
    c = 3 / np.sqrt(2)
    np.testing.assert_allclose(X[y == 0].mean(axis=0), [c, c], atol=0.05)
    np.testing.assert_allclose(X[y == 1].mean(axis=0), [-c, -c], atol=0.05)
    np.testing.assert_allclose(X[y == 0].std(axis=0), [0.5, 0.5], atol=0.05)
    X, y = blobs(9, centers=[[0, 0, 0], [5, 5, 5], [10, 0, -10]], std=0.0, rng=0)
    assert X.shape == (9, 3)
    np.testing.assert_array_equal(X[y == 2], np.tile([10.0, 0.0, -10.0], (3, 1)))


def test_quadratic_points_follow_parabola():
    x, y = quadratic(50, a=3.0, noise=0.0, x_range=(-1.0, 2.0), rng=0)
    assert x.shape == y.shape == (50,)
    assert np.all(np.diff(x) >= 0)
    assert x.min() >= -1.0 and x.max() <= 2.0
    np.testing.assert_allclose(y, 3.0 * x**2)
    x1, y1 = quadratic(10, rng=5)
    x2, y2 = quadratic(10, rng=5)
    np.testing.assert_array_equal(y1, y2)
    assert not np.allclose(quadratic(10, rng=6)[1], y1)


def test_quadratic_noise_level():
    x, y = quadratic(20000, a=1.0, noise=0.3, rng=0)
    assert abs(np.std(y - x**2) - 0.3) < 0.01


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: two_moons(100, noise=-0.1), ValueError, r"two_moons: expected noise >= 0, but received -0.1"),
        (lambda: two_moons(1), ValueError, r"two_moons: expected n >= 2 so that each of the 2 classes gets a point, but received n=1"),
        (lambda: two_moons(10.5), ValueError, r"two_moons: expected n to be an integer >= 1, but received 10.5"),
        (lambda: circles(10, factor=1.0), ValueError, r"circles: expected factor between 0 and 1 \(exclusive\), but received 1.0"),
        (lambda: spirals(10, n_classes=0), ValueError, r"spirals: expected n_classes to be an integer >= 1, but received 0"),
        (lambda: spirals(10, turns=0), ValueError, r"spirals: expected turns > 0, but received 0.0"),
        (lambda: blobs(10, centers=[1, 2]), ValueError, r"blobs: expected centers .* array of shape \(k, d\), but received shape \(2,\)"),
        (lambda: blobs(10, std="wide"), TypeError, r"blobs: expected std to be a number, but received str"),
        (lambda: quadratic(10, x_range=(2, 1)), ValueError, r"quadratic: expected x_range to be \(low, high\) with low < high, but received \(2, 1\)"),
        (lambda: two_moons(10, rng="seed"), TypeError, r"expected rng to be a numpy.random.Generator or an int seed >= 0, but received str 'seed'"),
        (lambda: load_digits(as_images="yes"), TypeError, r"load_digits: expected as_images to be True or False, but received 'yes'"),
    ],
)
def test_error_messages(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_load_digits():
    X, y = load_digits()
    assert X.shape == (1797, 64) and X.dtype == float
    assert y.shape == (1797,) and y.dtype.kind == "i"
    assert X.min() == 0.0 and X.max() == 16.0
    np.testing.assert_array_equal(X, np.round(X))
    assert sorted(np.unique(y).tolist()) == list(range(10))
    assert y[0] == 0
    # First row of the UCI test set: the top row of the first "0" image.
    np.testing.assert_array_equal(X[0, :8], [0, 0, 5, 13, 9, 1, 0, 0])
    assert np.all(np.bincount(y) >= 170)


def test_load_digits_as_images_and_copies():
    X_flat, _ = load_digits()
    X_img, y = load_digits(as_images=True)
    assert X_img.shape == (1797, 1, 8, 8)
    np.testing.assert_array_equal(X_img[5, 0], X_flat[5].reshape(8, 8))
    X_img[:] = -1
    X_again, _ = load_digits()
    assert X_again.min() == 0.0
    assert datasets._digits_table.cache_info().currsize == 1
