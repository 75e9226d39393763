import numpy as np
import pytest

from nnlib.data import one_hot
from nnlib.metrics import accuracy, confusion_matrix


def test_accuracy_from_labels():
    # 3 of 4 equal.
    assert accuracy([0, 1, 1, 2], [0, 1, 0, 2]) == 0.75
    assert accuracy(np.array([1.0, 0.0]), [1, 0]) == 1.0


def test_accuracy_from_binary_probabilities():
    # 0.9 → 1, 0.2 → 0, 0.5 → 1 (threshold at 0.5 inclusive), 0.49 → 0
    y_true = [1, 0, 0, 0]
    assert accuracy([0.9, 0.2, 0.5, 0.49], y_true) == 0.75
    assert accuracy(np.array([[0.9], [0.2], [0.5], [0.49]]), np.array([[1], [0], [0], [0]])) == 0.75


def test_accuracy_from_score_matrix_and_one_hot_targets():
    scores = np.array([[2.0, -1.0, 0.5], [0.1, 0.2, 3.0], [-5.0, -4.0, -6.0]])
    # argmax per row: 0, 2, 1
    assert accuracy(scores, [0, 2, 0]) == pytest.approx(2 / 3)
    assert accuracy(scores, one_hot([0, 2, 1])) == 1.0


def test_accuracy_returns_python_float():
    assert type(accuracy([1], [1])) is float


@pytest.mark.parametrize(
    "y_pred, y_true, error, message",
    [
        ([0, 1, 1], [0, 1], ValueError, r"accuracy: expected y_pred and y_true for the same number of samples, but received y_pred with shape \(3,\) and y_true with shape \(2,\)"),
        (np.zeros((4, 3)), [0, 1], ValueError, r"received y_pred with shape \(4, 3\) and y_true with shape \(2,\)"),
        ([0.3, 1.7], [0, 1], ValueError, r"accuracy: expected y_pred to be class labels, probabilities in \[0, 1\] or a score matrix \(N, k\), but received a 1-D array with the non-integer value 1.7 outside \[0, 1\]"),
        ([-1, 1], [0, 1], ValueError, r"accuracy: expected class labels >= 0 in y_pred, but received -1"),
        (np.zeros((2, 2, 2)), [0, 1], ValueError, r"accuracy: expected y_pred of shape \(N,\), \(N, 1\) or \(N, k\), but received shape \(2, 2, 2\)"),
        ([0, 1], [0, 0.5], ValueError, r"accuracy: expected integer class labels >= 0 in y_true, but received 0.5 at index 1"),
        ([], [], ValueError, r"accuracy: expected at least one sample"),
        (["a"], [0], TypeError, r"accuracy: expected y_pred to be an array of numbers, but received strings"),
        ([np.nan], [0], ValueError, r"accuracy: expected finite values in y_pred, but received nan"),
    ],
)
def test_accuracy_errors(y_pred, y_true, error, message):
    with pytest.raises(error, match=message):
        accuracy(y_pred, y_true)


def test_confusion_matrix_by_hand():
    y_true = [0, 0, 1, 1, 2, 2, 2]
    y_pred = [0, 1, 1, 1, 2, 0, 2]
    # Row = true class: class 0 → predicted 0 once, 1 once; class 1 → 1 twice; class 2 → 0 once, 2 twice.
    expected = [[1, 1, 0], [0, 2, 0], [1, 0, 2]]
    C = confusion_matrix(y_true, y_pred)
    np.testing.assert_array_equal(C, expected)
    assert C.dtype.kind == "i"
    assert C.trace() / C.sum() == pytest.approx(accuracy(y_pred, y_true))


def test_confusion_matrix_n_classes_and_scores():
    C = confusion_matrix([0, 1], np.array([[0.9, 0.1, 0.0], [0.2, 0.7, 0.1]]), n_classes=4)
    assert C.shape == (4, 4)
    np.testing.assert_array_equal(np.diag(C), [1, 1, 0, 0])
    np.testing.assert_array_equal(confusion_matrix([1, 0], [0.8, 0.3]), [[1, 0], [0, 1]])


def test_confusion_matrix_rows_sum_to_class_counts():
    rng = np.random.default_rng(0)
    y_true = rng.integers(0, 4, size=100)
    y_pred = rng.integers(0, 4, size=100)
    C = confusion_matrix(y_true, y_pred)
    np.testing.assert_array_equal(C.sum(axis=1), np.bincount(y_true, minlength=4))
    np.testing.assert_array_equal(C.sum(axis=0), np.bincount(y_pred, minlength=4))


def test_confusion_matrix_errors():
    with pytest.raises(ValueError, match=r"confusion_matrix: expected labels below n_classes=2, but received the label 2"):
        confusion_matrix([0, 2], [0, 1], n_classes=2)
    with pytest.raises(ValueError, match=r"confusion_matrix: expected n_classes to be an integer >= 1, but received 0"):
        confusion_matrix([0], [0], n_classes=0)
    with pytest.raises(ValueError, match=r"confusion_matrix: expected y_pred and y_true for the same number of samples"):
        confusion_matrix([0, 1], [0])
