import numpy as np
import pytest

from nnlib.data import Standardizer, one_hot, standardize, train_test_split


def _toy(n=50, n_classes=2):
    X = np.arange(n * 3, dtype=float).reshape(n, 3)
    y = np.arange(n) % n_classes
    return X, y


def test_split_sizes_and_partition():
    X, y = _toy(50)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, rng=0)
    assert X_train.shape == (40, 3) and X_test.shape == (10, 3)
    assert y_train.shape == (40,) and y_test.shape == (10,)
    # Every sample lands in exactly one set and keeps its label.
    rows = np.concatenate([X_train, X_test])[:, 0] / 3
    assert sorted(rows.astype(int).tolist()) == list(range(50))
    np.testing.assert_array_equal(np.concatenate([y_train, y_test]), rows.astype(int) % 2)


def test_split_rounds_test_size_up():
    X, y = _toy(10)
    _, X_test, _, _ = train_test_split(X, y, test_size=0.25, rng=0)
    assert len(X_test) == 3  # ceil(2.5)


def test_split_reproducible_and_seed_dependent():
    X, y = _toy(30)
    a = train_test_split(X, y, rng=1)
    b = train_test_split(X, y, rng=1)
    c = train_test_split(X, y, rng=2)
    for left, right in zip(a, b):
        np.testing.assert_array_equal(left, right)
    assert not np.array_equal(a[1], c[1])


def test_split_keeps_image_shape():
    X = np.zeros((20, 1, 8, 8))
    y = np.arange(20)
    X_train, X_test, _, _ = train_test_split(X, y, test_size=0.5, rng=0)
    assert X_train.shape == (10, 1, 8, 8) and X_test.shape == (10, 1, 8, 8)


def test_stratified_split_keeps_class_balance():
    y = np.array([0] * 80 + [1] * 20)
    X = np.arange(100.0)[:, None]
    _, _, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=True, rng=0)
    assert np.bincount(y_test).tolist() == [20, 5]
    assert np.bincount(y_train).tolist() == [60, 15]


def test_stratified_split_total_is_exact():
    y = np.array([0] * 7 + [1] * 7 + [2] * 7)
    X = np.zeros((21, 2))
    _, X_test, _, y_test = train_test_split(X, y, test_size=0.3, stratify=True, rng=0)
    assert len(X_test) == 7  # ceil(6.3)
    assert sorted(np.bincount(y_test).tolist()) == [2, 2, 3]


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"test_size": 0.0}, r"train_test_split: expected test_size between 0 and 1 \(exclusive\), but received 0.0"),
        ({"test_size": 1.5}, r"expected test_size between 0 and 1 \(exclusive\), but received 1.5"),
        ({"test_size": 1}, r"expected test_size between 0 and 1 \(exclusive\), but received 1"),
    ],
)
def test_split_test_size_errors(kwargs, message):
    X, y = _toy(10)
    with pytest.raises(ValueError, match=message):
        train_test_split(X, y, **kwargs)


def test_split_error_messages():
    X, y = _toy(10)
    with pytest.raises(
        ValueError,
        match=r"train_test_split: expected X and y to have the same number of samples \(first axis\), "
        r"but received X with 10 samples \(shape \(10, 3\)\) and y with 8 \(shape \(8,\)\)",
    ):
        train_test_split(X, y[:8])
    with pytest.raises(TypeError, match=r"expected test_size to be a fraction between 0 and 1, but received str"):
        train_test_split(X, y, test_size="20%")
    with pytest.raises(ValueError, match=r"expected at least 2 samples to split, but received 1"):
        train_test_split(X[:1], y[:1])
    with pytest.raises(ValueError, match=r"expected y of shape \(N,\) with class labels when stratify=True.*argmax"):
        train_test_split(X, one_hot(y), stratify=True)


def test_split_does_not_touch_global_random_state():
    np.random.seed(0)
    state = np.random.get_state()[1].copy()
    train_test_split(*_toy(10), rng=0)
    np.testing.assert_array_equal(np.random.get_state()[1], state)


def test_one_hot_by_hand():
    np.testing.assert_array_equal(one_hot([0, 2, 1]), [[1, 0, 0], [0, 0, 1], [0, 1, 0]])
    Y = one_hot(np.array([1.0, 0.0]), n_classes=4)
    np.testing.assert_array_equal(Y, [[0, 1, 0, 0], [1, 0, 0, 0]])
    assert Y.dtype == float


def test_one_hot_round_trip():
    y = np.random.default_rng(0).integers(0, 5, size=40)
    np.testing.assert_array_equal(one_hot(y).argmax(axis=1), y)
    np.testing.assert_array_equal(one_hot(y).sum(axis=1), np.ones(40))


@pytest.mark.parametrize(
    "y, n_classes, error, message",
    [
        ([0, 1, -1], None, ValueError, r"one_hot: expected integer class labels >= 0 in y, but received -1 at index 2"),
        ([0, 1.5], None, ValueError, r"one_hot: expected integer class labels >= 0 in y, but received 1.5 at index 1"),
        ([0, 3], 3, ValueError, r"one_hot: expected labels below n_classes=3, but received 3 at index 1"),
        ([0, 1], 0, ValueError, r"one_hot: expected n_classes to be an integer >= 1, but received 0"),
        ([[0, 1]], None, ValueError, r"one_hot: expected y of shape \(N,\) with one label per sample, but received shape \(1, 2\)"),
        (["cat", "dog"], None, TypeError, r"one_hot: expected y to be integer class labels, but received strings \(dtype <U3, e.g. 'cat'\)"),
    ],
)
def test_one_hot_errors(y, n_classes, error, message):
    with pytest.raises(error, match=message):
        one_hot(y, n_classes)


def test_standardizer_by_hand():
    # Column 0: values 0 and 2, mean 1, std 1. Column 1: 10 and 30, mean 20, std 10.
    scaler = Standardizer().fit([[0.0, 10.0], [2.0, 30.0]])
    np.testing.assert_array_equal(scaler.mean_, [1.0, 20.0])
    np.testing.assert_array_equal(scaler.std_, [1.0, 10.0])
    np.testing.assert_array_equal(scaler.transform([[1.0, 20.0], [3.0, 0.0]]), [[0.0, 0.0], [2.0, -2.0]])


def test_standardizer_round_trip_and_statistics():
    X = np.random.default_rng(0).normal([5.0, -3.0, 100.0], [2.0, 0.1, 30.0], size=(200, 3))
    scaler = Standardizer()
    Z = scaler.fit_transform(X)
    np.testing.assert_allclose(Z.mean(axis=0), 0.0, atol=1e-12)
    np.testing.assert_allclose(Z.std(axis=0), 1.0)
    np.testing.assert_allclose(scaler.inverse_transform(Z), X)
    np.testing.assert_allclose(standardize(X), Z)


def test_standardizer_constant_feature_becomes_zero():
    X = np.column_stack([np.full(5, 0.1), np.arange(5.0)])
    scaler = Standardizer().fit(X)
    assert scaler.std_[0] == 1.0
    Z = scaler.transform(X)
    np.testing.assert_allclose(Z[:, 0], 0.0, atol=1e-12)
    assert np.all(np.isfinite(Z))
    np.testing.assert_allclose(scaler.inverse_transform(Z), X)


def test_standardizer_images_per_pixel():
    X = np.random.default_rng(1).uniform(0, 16, size=(30, 1, 8, 8))
    scaler = Standardizer().fit(X)
    assert scaler.mean_.shape == (1, 8, 8)
    np.testing.assert_allclose(scaler.transform(X).mean(axis=0), 0.0, atol=1e-12)


def test_standardizer_errors():
    with pytest.raises(RuntimeError, match=r"Standardizer: transform\(\) was called before fit\(\); run fit\(X_train\) first"):
        Standardizer().transform([[1.0]])
    scaler = Standardizer().fit(np.ones((4, 2)))
    with pytest.raises(ValueError, match=r"Standardizer.transform: expected X of shape \(N, 2\) like the data passed to fit, but received shape \(5, 3\)"):
        scaler.transform(np.ones((5, 3)))
    with pytest.raises(ValueError, match=r"Standardizer.fit: expected X of shape \(N, ...\) with at least one sample, but received shape \(0, 2\)"):
        Standardizer().fit(np.ones((0, 2)))
    with pytest.raises(TypeError, match=r"Standardizer.fit: expected X to be an array of numbers, but received strings"):
        Standardizer().fit([["a", "b"]])
    one_d = Standardizer().fit(np.arange(4.0))
    with pytest.raises(ValueError, match=r"expected X of shape \(N,\) like the data"):
        one_d.transform(np.ones((2, 2)))
