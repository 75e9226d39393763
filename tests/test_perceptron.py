import numpy as np
import pytest

from nnlib.datasets import blobs, logic_gate
from nnlib.perceptron import FitResult, Perceptron


def test_weights_include_bias_first():
    p = Perceptron(3)
    assert p.w.shape == (4,)
    np.testing.assert_array_equal(p.w, 0.0)


def test_net_input_and_predict_by_hand():
    p = Perceptron(2)
    p.w = np.array([-1.5, 1.0, 1.0])  # AND: z = -1.5 + x1 + x2
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
    np.testing.assert_array_equal(p.net_input(X), [-1.5, -0.5, -0.5, 0.5])
    np.testing.assert_array_equal(p.predict(X), [0, 0, 0, 1])
    assert p.net_input([1, 1]) == 0.5 and p.predict([1, 1]) == 1
    p.w = np.array([-1.0, 1.0, 0.0])
    assert p.predict([1.0, 5.0]) == 1  # z = 0 exactly: step(0) = 1


def test_one_update_by_hand():
    p = Perceptron(2, learning_rate=0.5)
    p.w = np.array([0.5, -1.0, 2.0])
    # x = (1, 0.5), y = 0: z = 0.5 + (-1)(1) + 2(0.5) = 0.5 >= 0, so ŷ = 1 and y − ŷ = −1.
    # w ← w + η (y − ŷ) (1, x1, x2) = (0.5, -1, 2) − 0.5 (1, 1, 0.5) = (0, -1.5, 1.75)
    error = p.update([1.0, 0.5], 0)
    assert error == -1
    np.testing.assert_allclose(p.w, [0.0, -1.5, 1.75])
    # Now z = 0 − 1.5 + 0.875 = −0.625 < 0, so ŷ = 0 = y and nothing changes.
    assert p.update([1.0, 0.5], 0) == 0
    np.testing.assert_allclose(p.w, [0.0, -1.5, 1.75])
    assert len(p.weights_history) == 3


def test_first_epoch_on_and_by_hand():
    X, y = logic_gate("and")
    p = Perceptron(2)
    # w = (0,0,0). (0,0), y=0: z = 0, ŷ = 1, error −1 → w = (−1, 0, 0).
    # (0,1) and (1,0), y=0: z = −1, ŷ = 0, correct. (1,1), y=1: z = −1, ŷ = 0, error +1 → w = (0, 1, 1).
    errors = [p.update(x, t) for x, t in zip(X, y)]
    assert errors == [-1, 0, 0, 1]
    np.testing.assert_array_equal(p.weights_history[1], [-1, 0, 0])
    np.testing.assert_array_equal(p.w, [0, 1, 1])


@pytest.mark.parametrize("gate", ["and", "or", "nand"])
def test_fit_separates_linearly_separable_gates(gate):
    X, y = logic_gate(gate)
    p = Perceptron(2)
    result = p.fit(X, y)
    assert isinstance(result, FitResult)
    assert result.converged
    assert result.errors_per_epoch[-1] == 0 and all(e > 0 for e in result.errors_per_epoch[:-1])
    assert result.epochs_run == len(result.errors_per_epoch) < 100
    np.testing.assert_array_equal(p.predict(X), y)
    # One history entry per sample visited, plus the start.
    assert len(p.weights_history) == 4 * result.epochs_run + 1


def test_fit_and_converges_in_six_epochs():
    X, y = logic_gate("and")
    p = Perceptron(2)
    result = p.fit(X, y)
    assert result == FitResult(converged=True, epochs_run=6, errors_per_epoch=[2, 3, 3, 2, 1, 0])
    np.testing.assert_array_equal(p.w, [-3, 2, 1])


def test_fit_reports_failure_on_xor():
    X, y = logic_gate("xor")
    p = Perceptron(2)
    result = p.fit(X, y, epochs=50)
    assert not result.converged
    assert result.epochs_run == 50 and len(result.errors_per_epoch) == 50
    assert min(result.errors_per_epoch) > 0
    assert not np.array_equal(p.predict(X), y)


def test_fit_stops_immediately_when_already_correct():
    X, y = logic_gate("or")
    p = Perceptron(2)
    p.w = np.array([-0.5, 1.0, 1.0])
    result = p.fit(X, y)
    assert result == FitResult(converged=True, epochs_run=1, errors_per_epoch=[0])


def test_fit_separates_blobs_with_shuffle_reproducibly():
    X, y = blobs(60, centers=2, std=0.5, rng=0)
    results = []
    for _ in range(2):
        p = Perceptron(2, init="random", rng=7)
        results.append((p.fit(X, y, shuffle=True), p.w.copy()))
        np.testing.assert_array_equal(p.predict(X), y)
    assert results[0][0].converged
    assert results[0][0] == results[1][0]
    np.testing.assert_array_equal(results[0][1], results[1][1])


def test_random_init_depends_on_seed_and_reset():
    a, b, c = Perceptron(2, init="random", rng=1), Perceptron(2, init="random", rng=1), Perceptron(2, init="random", rng=2)
    np.testing.assert_array_equal(a.w, b.w)
    assert not np.array_equal(a.w, c.w)
    assert np.all(np.abs(a.w) <= 1.0)
    a.update([1.0, 1.0], 0 if a.predict([1.0, 1.0]) else 1)
    a.reset()
    assert len(a.weights_history) == 1


def test_learning_rate_scales_steps():
    X, y = logic_gate("and")
    slow, fast = Perceptron(2, learning_rate=0.25), Perceptron(2, learning_rate=1.0)
    slow_result, fast_result = slow.fit(X, y), fast.fit(X, y)
    # From zero weights every update is ±η·(1, x), so the runs are the same up to the scale η.
    # (η = 0.25 is exact in binary; with 0.1, rounding would break the ties at z = 0 differently.)
    assert slow_result == fast_result
    np.testing.assert_array_equal(slow.w * 4, fast.w)


def test_decision_boundary():
    p = Perceptron(2)
    p.w = np.array([-1.5, 1.0, 2.0])  # -1.5 + x1 + 2 x2 = 0 → x2 = (1.5 − x1) / 2
    np.testing.assert_allclose(p.decision_boundary(np.array([0.0, 1.5, 3.0])), [0.75, 0.0, -0.75])
    assert p.decision_boundary(0.5) == 0.5
    x1 = np.linspace(-2, 2, 5)
    np.testing.assert_allclose(p.net_input(np.column_stack([x1, p.decision_boundary(x1)])), 0.0, atol=1e-12)


def test_decision_boundary_errors():
    p = Perceptron(2)
    with pytest.raises(ValueError, match=r"expected w1 or w2 to be non-zero, but received w1 = w2 = 0"):
        p.decision_boundary(0.0)
    p.w = np.array([1.0, 2.0, 0.0])
    with pytest.raises(ValueError, match=r"expected w2 != 0 to solve for x2, but received w2 = 0; the boundary is the vertical line x1 = -w0/w1 = -0.5"):
        p.decision_boundary(0.0)
    with pytest.raises(ValueError, match=r"expected a perceptron with 2 inputs .*, but this one has n_inputs=3"):
        Perceptron(3).decision_boundary(0.0)


@pytest.mark.parametrize(
    "y, message",
    [
        ([-1, 1, 1, -1], r"expected labels 0 or 1, but received \[-1, 1\]; .* map \{-1, 1\} labels first with y = \(y \+ 1\) // 2"),
        ([0, 1, 2, 0], r"Perceptron.fit: expected labels 0 or 1, but received \[0, 1, 2\]$"),
        ([0, 0.5, 1, 1], r"expected labels 0 or 1, but received \[0, 0.5, 1\]"),
    ],
)
def test_label_errors(y, message):
    X, _ = logic_gate("and")
    with pytest.raises(ValueError, match=message):
        Perceptron(2).fit(X, y)


def test_update_label_error():
    with pytest.raises(ValueError, match=r"Perceptron.update: expected labels 0 or 1, but received \[-1\]; .*map \{-1, 1\}"):
        Perceptron(2).update([0.0, 1.0], -1)


@pytest.mark.parametrize(
    "make, error, message",
    [
        (lambda: Perceptron(0), ValueError, r"Perceptron: expected n_inputs to be an integer >= 1, but received 0"),
        (lambda: Perceptron(2, learning_rate=0), ValueError, r"Perceptron: expected learning_rate > 0, but received 0"),
        (lambda: Perceptron(2, learning_rate=-0.1), ValueError, r"expected learning_rate > 0, but received -0.1"),
        (lambda: Perceptron(2, learning_rate="fast"), TypeError, r"expected learning_rate to be a number > 0, but received str"),
        (lambda: Perceptron(2, init="he"), ValueError, r"Perceptron: expected init to be one of 'zeros', 'random', but received 'he'"),
    ],
)
def test_constructor_errors(make, error, message):
    with pytest.raises(error, match=message):
        make()


def test_shape_errors():
    p = Perceptron(2)
    with pytest.raises(ValueError, match=r"Perceptron.predict: expected X of shape \(N, 2\) or one sample of shape \(2,\), but received shape \(4, 3\)"):
        p.predict(np.zeros((4, 3)))
    with pytest.raises(ValueError, match=r"Perceptron.update: expected one sample x of shape \(2,\), but received shape \(1, 2\)"):
        p.update(np.zeros((1, 2)), 1)
    with pytest.raises(ValueError, match=r"Perceptron.fit: expected X of shape \(N, 2\), but received shape \(2,\)"):
        p.fit(np.zeros(2), [1])
    with pytest.raises(ValueError, match=r"Perceptron.fit: expected y of shape \(4,\), one label per row of X, but received shape \(3,\)"):
        p.fit(np.zeros((4, 2)), [0, 1, 1])
    with pytest.raises(ValueError, match=r"Perceptron.fit: expected epochs to be an integer >= 1, but received 0"):
        p.fit(*logic_gate("and"), epochs=0)


def test_repr():
    assert repr(Perceptron(2, learning_rate=0.5)) == "Perceptron(n_inputs=2, learning_rate=0.5, init='zeros')"
