"""Rosenblatt's perceptron: one neuron with a step output and the perceptron learning rule.

Notation as in the course. With the inputs ``x_1 … x_m`` and an extra constant input
``x_0 = 1``, the perceptron computes the weighted sum and its step

    z = Σ_{i=0}^m w_i x_i = w_0 + w_1 x_1 + … + w_m x_m,        ŷ = step(z),

where ``step(z) = 1`` if ``z >= 0`` and 0 otherwise. So ``w_0`` is the bias: the weight on the
constant input ``x_0 = 1``. In code the weights are one vector ``w`` of length ``m + 1`` with
``w[0]`` the bias and ``w[i]`` the weight on input ``x_i``; ``X`` holds only ``x_1 … x_m``
(``x_0`` is added inside).

Learning rule, for one sample ``(x, y)`` with label y ∈ {0, 1}:

    w_i ← w_i + η (y − ŷ) x_i        for i = 0 … m (with x_0 = 1),

i.e. nothing changes when the prediction is right, and the weights move towards ``x`` (error
+1) or away from it (error −1) when it is wrong. If the classes are linearly separable the rule
finds a separating line after finitely many mistakes (Novikoff's convergence theorem); if they
are not, as for XOR, it never stops making mistakes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from nnlib._checks import as_float_array, check_bool, check_finite, check_int, check_positive, describe, make_rng

INITS = ("zeros", "random")


@dataclass
class FitResult:
    """What :meth:`Perceptron.fit` did.

    Attributes
    ----------
    converged
        True if an epoch made no mistakes, i.e. every training point is classified correctly.
    epochs_run
        Number of epochs (passes over the data) run, including the final mistake-free one.
    errors_per_epoch
        Number of misclassified samples (updates that changed the weights) in each epoch.
    """

    converged: bool
    epochs_run: int
    errors_per_epoch: list[int] = field(default_factory=list)


class Perceptron:
    """A single neuron with a step output, trained with the perceptron learning rule.

    Parameters
    ----------
    n_inputs
        Number of inputs m (not counting the constant ``x_0 = 1``).
    learning_rate
        η > 0, the step size of the learning rule.
    init
        ``"zeros"`` (all weights 0, the classic start) or ``"random"`` (uniform in [-1, 1],
        drawn from ``rng``).
    rng
        A ``numpy.random.Generator`` or an int seed, used for ``init="random"`` and for
        shuffling in :meth:`fit`.

    Attributes
    ----------
    w : ndarray of shape (n_inputs + 1,)
        The weights; ``w[0]`` is the bias (weight on ``x_0 = 1``), ``w[i]`` the weight on x_i.
    weights_history : list of ndarray of shape (n_inputs + 1,)
        ``weights_history[k]`` is ``w`` after k calls of :meth:`update` (entry 0 is the start),
        so a lesson can replay training one sample at a time.

    Shape
    -----
    - ``X``: ``(N, n_inputs)``, or ``(n_inputs,)`` for one sample
    - ``z`` and ``ŷ``: ``(N,)``, or a scalar for one sample

    Examples
    --------
    >>> from nnlib.datasets import logic_gate
    >>> X, y = logic_gate("and")
    >>> p = Perceptron(2)
    >>> p.fit(X, y).converged
    True
    >>> p.predict(X)
    array([0, 0, 0, 1])
    """

    def __init__(self, n_inputs: int, *, learning_rate: float = 1.0, init: str = "zeros", rng=None) -> None:
        self.n_inputs = check_int(n_inputs, "n_inputs", "Perceptron")
        if isinstance(learning_rate, bool) or not isinstance(learning_rate, (int, float, np.integer, np.floating)):
            raise TypeError(
                f"Perceptron: expected learning_rate to be a number > 0, but received {type(learning_rate).__name__}"
            )
        check_positive(learning_rate, "learning_rate", "Perceptron")
        self.learning_rate = float(learning_rate)
        if not isinstance(init, str) or init not in INITS:
            raise ValueError(f"Perceptron: expected init to be one of {', '.join(map(repr, INITS))}, but received {init!r}")
        self.init = init
        self._rng = make_rng(rng, owner="Perceptron")
        self.reset()

    def reset(self) -> None:
        """Start again: fresh initial weights (as chosen by ``init``) and an empty history."""
        if self.init == "zeros":
            self.w = np.zeros(self.n_inputs + 1)
        else:
            self.w = self._rng.uniform(-1.0, 1.0, size=self.n_inputs + 1)
        self.weights_history: list[np.ndarray] = [self.w.copy()]

    @property
    def bias(self) -> float:
        """``w[0]``, the weight on the constant input ``x_0 = 1``."""
        return float(self.w[0])

    def _inputs(self, X, owner: str) -> tuple[np.ndarray, bool]:
        """``X`` as ``(N, n_inputs)`` and whether it was a single sample."""
        X = check_finite(as_float_array(X, "X", owner), "X", owner)
        if X.ndim == 1 and X.shape[0] == self.n_inputs:
            return X[None, :], True
        if X.ndim != 2 or X.shape[1] != self.n_inputs:
            raise ValueError(
                f"{owner}: expected X of shape (N, {self.n_inputs}) or one sample of shape ({self.n_inputs},), "
                f"but received shape {X.shape}"
            )
        return X, False

    def net_input(self, X) -> np.ndarray | float:
        """The weighted sum ``z = w_0 + Σ_{i=1}^m w_i x_i`` for each sample.

        Parameters
        ----------
        X : array of shape (N, n_inputs) or (n_inputs,)

        Returns
        -------
        ndarray of shape (N,), or a float for a single sample
        """
        X, single = self._inputs(X, "Perceptron.net_input")
        z = self.w[0] + X @ self.w[1:]
        return float(z[0]) if single else z

    def predict(self, X) -> np.ndarray | int:
        """The output ``ŷ = step(z)``: 1 where ``z >= 0``, else 0.

        Parameters
        ----------
        X : array of shape (N, n_inputs) or (n_inputs,)

        Returns
        -------
        ndarray of shape (N,) of ints 0/1, or an int for a single sample
        """
        X, single = self._inputs(X, "Perceptron.predict")
        y_hat = (self.w[0] + X @ self.w[1:] >= 0.0).astype(int)
        return int(y_hat[0]) if single else y_hat

    def update(self, x, y) -> int:
        """Apply the learning rule to one sample and return its error ``y − ŷ``.

        ``w_i ← w_i + η (y − ŷ) x_i`` for i = 0 … m, with ``x_0 = 1``; ŷ is the prediction
        *before* the update. Appends the new weights to ``weights_history``.

        Parameters
        ----------
        x : array of shape (n_inputs,)
            One sample.
        y : 0 or 1
            Its label.

        Returns
        -------
        int
            ``y − ŷ``: 0 if the sample was classified correctly (no change), +1 or −1 otherwise.
        """
        x = check_finite(as_float_array(x, "x", "Perceptron.update"), "x", "Perceptron.update")
        if x.shape != (self.n_inputs,):
            raise ValueError(
                f"Perceptron.update: expected one sample x of shape ({self.n_inputs},), but received shape {x.shape}"
            )
        label = int(_check_labels(np.asarray([y]), "Perceptron.update")[0])
        error = label - self.predict(x)
        self.w = self.w + self.learning_rate * error * np.concatenate(([1.0], x))
        self.weights_history.append(self.w.copy())
        return int(error)

    def fit(self, X, y, *, epochs: int = 100, shuffle: bool = False, rng=None) -> FitResult:
        """Run the learning rule over the data, epoch by epoch, until an epoch has no mistakes.

        Training continues from the current weights. Each epoch visits every sample once (in
        order, or in a fresh random order when ``shuffle=True``) and calls :meth:`update`.

        Parameters
        ----------
        X : array of shape (N, n_inputs)
        y : array of shape (N,) with labels 0 or 1
        epochs
            Largest number of epochs to run (>= 1).
        shuffle
            Visit the samples in a new random order each epoch.
        rng
            A ``numpy.random.Generator`` or an int seed for the shuffling; by default the
            perceptron's own ``rng``.

        Returns
        -------
        FitResult
            ``converged`` is False when ``epochs`` ran out with mistakes left, which always
            happens when the classes are not linearly separable (e.g. XOR).
        """
        X = check_finite(as_float_array(X, "X", "Perceptron.fit"), "X", "Perceptron.fit")
        if X.ndim != 2 or X.shape[1] != self.n_inputs:
            raise ValueError(f"Perceptron.fit: expected X of shape (N, {self.n_inputs}), but received shape {X.shape}")
        if X.shape[0] == 0:
            raise ValueError("Perceptron.fit: expected at least one sample, but received X with shape (0, ...)")
        labels = np.asarray(y)
        if labels.shape != (X.shape[0],):
            raise ValueError(
                f"Perceptron.fit: expected y of shape ({X.shape[0]},), one label per row of X, but received "
                f"shape {labels.shape}"
            )
        labels = _check_labels(labels, "Perceptron.fit")
        epochs = check_int(epochs, "epochs", "Perceptron.fit")
        shuffle = check_bool(shuffle, "shuffle", "Perceptron.fit")
        order_rng = self._rng if rng is None else make_rng(rng, owner="Perceptron.fit")
        errors_per_epoch: list[int] = []
        for _ in range(epochs):
            order = order_rng.permutation(len(labels)) if shuffle else range(len(labels))
            mistakes = sum(self.update(X[i], labels[i]) != 0 for i in order)
            errors_per_epoch.append(int(mistakes))
            if mistakes == 0:
                return FitResult(converged=True, epochs_run=len(errors_per_epoch), errors_per_epoch=errors_per_epoch)
        return FitResult(converged=False, epochs_run=len(errors_per_epoch), errors_per_epoch=errors_per_epoch)

    def decision_boundary(self, x1) -> np.ndarray | float:
        """The decision boundary as a line: x2 for given x1 on ``w_0 + w_1 x_1 + w_2 x_2 = 0``.

        ``x_2 = −(w_0 + w_1 x_1) / w_2``. Points above or below the line get different
        predictions. Only for a perceptron with two inputs.

        Parameters
        ----------
        x1 : float or array of any shape

        Returns
        -------
        float or ndarray with the shape of ``x1``
        """
        if self.n_inputs != 2:
            raise ValueError(
                f"Perceptron.decision_boundary: expected a perceptron with 2 inputs (a line in the plane), "
                f"but this one has n_inputs={self.n_inputs}"
            )
        w0, w1, w2 = self.w
        if w2 == 0.0:
            if w1 == 0.0:
                raise ValueError(
                    "Perceptron.decision_boundary: expected w1 or w2 to be non-zero, but received w1 = w2 = 0; "
                    "there is no line and every point gets the same prediction"
                )
            raise ValueError(
                f"Perceptron.decision_boundary: expected w2 != 0 to solve for x2, but received w2 = 0; "
                f"the boundary is the vertical line x1 = -w0/w1 = {-w0 / w1:g}"
            )
        x1_array = as_float_array(x1, "x1", "Perceptron.decision_boundary")
        x2 = -(w0 + w1 * x1_array) / w2
        return float(x2) if x2.ndim == 0 else x2

    def __repr__(self) -> str:
        return f"Perceptron(n_inputs={self.n_inputs}, learning_rate={self.learning_rate!r}, init={self.init!r})"


def _check_labels(y: np.ndarray, owner: str) -> np.ndarray:
    """``y`` as ints 0/1, or an error listing the labels received."""
    try:
        values = as_float_array(y, "y", owner)
    except TypeError as error:
        received = str(error).split("but received ", 1)[-1].split(";")[0]
        raise TypeError(f"{owner}: expected labels 0 or 1 in y, but received {received}") from None
    if not np.all((values == 0) | (values == 1)):
        received = sorted({_plain(v) for v in np.unique(values)})
        hint = ""
        if -1 in received:
            hint = "; the perceptron here uses labels {0, 1}, so map {-1, 1} labels first with y = (y + 1) // 2"
        raise ValueError(f"{owner}: expected labels 0 or 1, but received {received}{hint}")
    return values.astype(int)


def _plain(value: float) -> int | float:
    return int(value) if float(value).is_integer() else float(value)
