import warnings

import numpy as np
import pytest

from nnlib import BinaryCrossEntropy, CrossEntropy, MSE, gradcheck
from nnlib.losses import binary_cross_entropy, cross_entropy, mse


def test_mse_by_hand():
    # errors 0 and 2 → mean of squares (0 + 4) / 2 = 2
    assert mse([1.0, 2.0], [1.0, 4.0]) == 2.0
    loss = MSE()
    loss.forward(np.array([[1.0], [2.0]]), np.array([1.0, 4.0]))
    np.testing.assert_allclose(loss.backward(), [[0.0], [-2.0]])  # 2(ŷ - y)/N


def test_binary_cross_entropy_by_hand_and_safe_at_edges():
    # −(log 0.8 + log(1 − 0.4)) / 2
    expected = -(np.log(0.8) + np.log(0.6)) / 2
    np.testing.assert_allclose(binary_cross_entropy([0.8, 0.4], [1, 0]), expected)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert np.isfinite(binary_cross_entropy([0.0, 1.0], [1, 0]))
        assert binary_cross_entropy([1.0, 0.0], [1, 0]) < 1e-10
        loss = BinaryCrossEntropy()
        loss.forward(np.array([0.0, 1.0]), np.array([1, 0]))
        assert np.isfinite(loss.backward()).all()


def test_binary_cross_entropy_from_logits_matches_probabilities():
    z = np.array([-3.0, 0.5, 2.0])
    y = np.array([0, 1, 1])
    p = 1 / (1 + np.exp(-z))
    np.testing.assert_allclose(BinaryCrossEntropy(from_logits=True).forward(z, y), binary_cross_entropy(p, y))
    assert np.isfinite(BinaryCrossEntropy(from_logits=True).forward(np.array([1000.0, -1000.0]), np.array([0, 1])))


def test_binary_cross_entropy_from_logits_is_exact_for_confident_answers_and_quiet_at_infinity():
    # A confident right answer: z = ±30 on the right side. Loss and gradient are e^−30-sized,
    # and σ(z) − y written directly would keep only 3 digits of them (1 − 1e-13 rounds).
    z = np.array([30.0, -30.0, 40.0, -745.0])
    y = np.array([1, 0, 1, 0])
    loss = BinaryCrossEntropy(from_logits=True)
    small = np.log1p(np.exp(-np.abs(z)))  # log(1 + e^−|z|), exact here
    np.testing.assert_allclose(loss.forward(z, y), small.mean(), rtol=1e-14)
    sigma_wrong_side = np.exp(-np.abs(z))  # σ(−|z|) to float precision
    np.testing.assert_allclose(loss.backward(), np.where(y == 1, -1, 1) * sigma_wrong_side / len(z), rtol=1e-13)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        # An infinite score on the right side has the limit: loss 0, gradient 0.
        assert loss.forward(np.array([np.inf, -np.inf]), np.array([1, 0])) == 0.0
        np.testing.assert_array_equal(loss.backward(), [0.0, 0.0])
        for bad in (np.inf, np.nan):  # on the wrong side, or no number: an error naming y_pred
            with pytest.raises(ValueError, match="BinaryCrossEntropy: expected finite values in y_pred"):
                loss.forward(np.array([bad]), np.array([0]))
            with pytest.raises(RuntimeError, match=r"backward\(\) was called before forward\(\), or after a forward\(\) that raised"):
                loss.backward()


def test_cross_entropy_by_hand_and_targets():
    logits = np.array([[0.0, np.log(3.0)]])  # softmax = [0.25, 0.75]
    np.testing.assert_allclose(cross_entropy(logits, [1]), -np.log(0.75))
    np.testing.assert_allclose(cross_entropy(logits, np.array([[0.0, 1.0]])), -np.log(0.75))
    loss = CrossEntropy()
    loss.forward(logits, [0])
    np.testing.assert_allclose(loss.backward(), [[0.25 - 1, 0.75]])  # p − y
    assert np.isfinite(cross_entropy(np.array([[1000.0, 0.0]]), [1]))


@pytest.mark.parametrize(
    "loss, y_pred, y_true",
    [
        (MSE(), np.random.default_rng(0).normal(size=(5, 3)), np.random.default_rng(1).normal(size=(5, 3))),
        (BinaryCrossEntropy(), np.random.default_rng(2).uniform(0.1, 0.9, size=(6, 1)), np.array([0, 1, 1, 0, 1, 0])),
        (BinaryCrossEntropy(from_logits=True), np.random.default_rng(3).normal(size=(6,)), np.array([0, 1, 1, 0, 1, 0])),
        (CrossEntropy(), np.random.default_rng(4).normal(size=(5, 4)), np.array([0, 3, 1, 2, 3])),
        (CrossEntropy(), np.random.default_rng(5).normal(size=(3, 2)), np.eye(2)[[0, 1, 1]]),
    ],
)
def test_loss_gradients(loss, y_pred, y_true):
    assert gradcheck(loss, y_pred, y_true) < 1e-6


def test_loss_errors():
    with pytest.raises(ValueError, match=r"MSE: expected y_true with the shape of y_pred \(3, 2\), but received shape \(3,\)"):
        mse(np.ones((3, 2)), np.ones(3))
    with pytest.raises(ValueError, match=r"BinaryCrossEntropy: expected labels 0 or 1, but received \[-1.0\]"):
        binary_cross_entropy([0.5, 0.5], [-1, 1])
    with pytest.raises(ValueError, match="expected probabilities in \\[0, 1\\] \\(did you mean from_logits=True\\?\\)"):
        binary_cross_entropy([2.0], [1])
    with pytest.raises(ValueError, match=r"CrossEntropy: expected class indices in 0..2, but received \[3\]"):
        cross_entropy(np.zeros((2, 3)), [0, 3])
    with pytest.raises(ValueError, match=r"expected y_true as class indices of shape \(2,\) or one-hot of shape \(2, 3\)"):
        cross_entropy(np.zeros((2, 3)), np.zeros((2, 2)))
    with pytest.raises(ValueError, match=r"CrossEntropy: expected logits of shape \(N, k\), but received shape \(3,\)"):
        cross_entropy(np.zeros(3), [0, 1, 2])
    with pytest.raises(RuntimeError, match=r"MSE: backward\(\) was called before forward\(\)"):
        MSE().backward()


@pytest.mark.parametrize(
    "loss, good, bad",
    [
        (MSE(), (np.array([1.0, 2.0]), np.array([1.0, 0.0])), (np.array([np.nan, 2.0]), np.array([1.0, 0.0]))),
        (BinaryCrossEntropy(), (np.array([0.3]), np.array([1])), (np.array([0.3]), np.array([2]))),
        (CrossEntropy(), (np.zeros((1, 2)), [1]), (np.array([[np.inf, 0.0]]), [1])),
    ],
)
def test_backward_refuses_after_a_forward_that_raised(loss, good, bad):
    loss.forward(*good)
    loss.backward()  # the good call's gradient is there
    with pytest.raises(ValueError):
        loss.forward(*bad)
    with pytest.raises(RuntimeError, match=r"after a forward\(\) that raised"):
        loss.backward()  # not the good call's gradient, silently
