import numpy as np
import pytest

import nnlib
from nnlib import (MLP, SGD, Adam, BinaryCrossEntropy, Checkpoint, Conv2D, CrossEntropy, Dense, EarlyStopping,
                   Flatten, MaxPool2D, MSE, ReLU, Sequential, TrainingDiverged, accuracy, fit, load,
                   train_test_split)


def test_history_records_every_epoch_with_validation_and_metrics():
    X, y = nnlib.datasets.blobs(60, rng=0)
    model = MLP([2, 4, 1], output="sigmoid", rng=0)
    history = fit(model, BinaryCrossEntropy(), SGD(0.1), X, y, epochs=5, batch_size=16,
                  validation_data=(X[:10], y[:10]), metrics=["accuracy"], rng=0, progress=False)
    assert history.epochs == [1, 2, 3, 4, 5]
    assert len(history.loss) == len(history.val_loss) == 5
    assert set(history.metrics) == {"accuracy", "val_accuracy"}


def test_training_is_reproducible_under_a_seed():
    X, y = nnlib.datasets.two_moons(100, rng=0)

    def run(seed):
        model = MLP([2, 8, 1], activation="tanh", output="sigmoid", rng=seed)
        return fit(model, BinaryCrossEntropy(), Adam(0.01), X, y, epochs=5, batch_size=10, rng=seed, progress=False).loss

    assert run(1) == run(1)
    assert run(1) != run(2)


def test_progress_line_can_be_turned_off(capsys):
    X, y = nnlib.datasets.blobs(20, rng=0)
    fit(MLP([2, 1], rng=0), MSE(), SGD(0.01), X, y.reshape(-1, 1), epochs=3, rng=0, progress=True)
    assert "epoch 3/3" in capsys.readouterr().out
    fit(MLP([2, 1], rng=0), MSE(), SGD(0.01), X, y.reshape(-1, 1), epochs=3, rng=0, progress=False)
    assert capsys.readouterr().out == ""


def test_divergence_stops_with_a_clear_error():
    X = np.linspace(-10, 10, 50).reshape(-1, 1)
    with pytest.raises(TrainingDiverged, match=r"the loss became (inf|nan) at epoch \d+ .* learning rate \(10.0\) is probably too large"):
        fit(MLP([1, 1], rng=0), MSE(), SGD(10.0), X, 3 * X, epochs=200, rng=0, progress=False)


def test_fit_argument_errors():
    X, y = np.zeros((4, 2)), np.zeros(3)
    with pytest.raises(ValueError, match=r"fit: expected as many targets as samples \(4\), but received 3 targets"):
        fit(MLP([2, 1], rng=0), MSE(), SGD(0.1), X, y, epochs=1, progress=False)
    with pytest.raises(ValueError, match="fit: expected epochs to be an integer >= 1, but received 0"):
        fit(MLP([2, 1], rng=0), MSE(), SGD(0.1), X, np.zeros(4), epochs=0, progress=False)
    with pytest.raises(ValueError, match="fit: unknown metric 'precision'"):
        fit(MLP([2, 1], rng=0), MSE(), SGD(0.1), X, np.zeros(4), epochs=1, metrics=["precision"], progress=False)
    with pytest.raises(ValueError, match="EarlyStopping: monitor='val_loss' needs validation_data"):
        fit(MLP([2, 1], rng=0), MSE(), SGD(0.1), X, np.zeros(4), epochs=1,
            callbacks=[EarlyStopping(monitor="val_loss")], progress=False)


def overfitting_setup():
    # Few noisy points and a big network: validation loss turns up while training loss falls.
    rng = np.random.default_rng(0)
    X = rng.uniform(-1, 1, size=(20, 1))
    y = np.sin(3 * X) + rng.normal(0, 0.3, size=X.shape)
    X_val = rng.uniform(-1, 1, size=(200, 1))
    y_val = np.sin(3 * X_val)
    return X, y, X_val, y_val


def test_early_stopping_restores_best_weights():
    X, y, X_val, y_val = overfitting_setup()
    model = MLP([1, 64, 64, 1], activation="tanh", rng=0)
    stopper = EarlyStopping(patience=20)
    history = fit(model, MSE(), Adam(0.01), X, y, epochs=2000, validation_data=(X_val, y_val),
                  callbacks=[stopper], rng=0, progress=False)
    assert history.stopped_early and len(history.epochs) < 2000
    assert history.best_epoch == stopper.best_epoch == int(np.argmin(history.val_loss)) + 1
    assert MSE().forward(model.predict(X_val), y_val) == pytest.approx(min(history.val_loss))


def test_checkpoints_keep_every_epoch_and_the_best(tmp_path):
    X, y, X_val, y_val = overfitting_setup()
    model = MLP([1, 32, 1], activation="tanh", rng=0)
    checkpoint = Checkpoint(tmp_path / "ckpt", every=5)
    history = fit(model, MSE(), Adam(0.02), X, y, epochs=60, validation_data=(X_val, y_val),
                  callbacks=[checkpoint], rng=0, progress=False)
    assert sorted(checkpoint.paths) == list(range(5, 61, 5))
    assert all(p.exists() for p in checkpoint.paths.values())
    best = checkpoint.load_best()
    assert checkpoint.best_epoch == int(np.argmin(history.val_loss)) + 1
    assert MSE().forward(best.predict(X_val), y_val) == pytest.approx(min(history.val_loss))
    epoch_10 = load(checkpoint.paths[10])
    assert not np.array_equal(epoch_10.predict(X_val), model.predict(X_val))


def test_mlp_learns_xor():
    X, y = nnlib.datasets.logic_gate("xor")
    model = MLP([2, 4, 1], activation="tanh", output="sigmoid", rng=0)
    fit(model, BinaryCrossEntropy(), Adam(0.05), X, y, epochs=500, rng=0, progress=False)
    assert accuracy(model.predict(X), y) == 1.0


def test_mlp_learns_two_moons():
    X, y = nnlib.datasets.two_moons(300, noise=0.1, rng=0)
    model = MLP([2, 16, 16, 1], activation="relu", output="sigmoid", rng=0)
    fit(model, BinaryCrossEntropy(), Adam(0.01), X, y, epochs=150, batch_size=32, rng=0, progress=False)
    assert accuracy(model.predict(X), y) > 0.97


def digits(as_images):
    X, y = nnlib.datasets.load_digits(as_images=as_images)
    return train_test_split(X / 16.0, y, test_size=0.25, stratify=True, rng=0)


def test_mlp_on_digits_reaches_95_percent():
    X_train, X_test, y_train, y_test = digits(as_images=False)
    model = MLP([64, 64, 10], rng=0)
    fit(model, CrossEntropy(), Adam(0.003), X_train, y_train, epochs=30, batch_size=32, rng=0, progress=False)
    assert accuracy(model.predict(X_test), y_test) >= 0.95


def test_small_cnn_on_digits_reaches_97_percent():
    X_train, X_test, y_train, y_test = digits(as_images=True)
    model = Sequential([
        Conv2D(1, 16, 3, padding=1, rng=0), ReLU(), MaxPool2D(2), Flatten(),
        Dense(16 * 4 * 4, 64, rng=1), ReLU(), Dense(64, 10, rng=2),
    ])
    fit(model, CrossEntropy(), Adam(0.003), X_train, y_train, epochs=20, batch_size=32, rng=0, progress=False)
    assert accuracy(model.predict(X_test), y_test) >= 0.97


# The bookkeeping of fit(), worked by hand. Checked to catch the three planted bugs of issue 17,
# each put one at a time into nnlib/training.py of a scratch worktree (git worktree add
# --detach /tmp/mut HEAD) and run with PYTHONPATH=/tmp/mut: `wait >= patience` (3 tests fail),
# `total += cost * batch_size` (2 fail), training metrics from `*validation_data` (1 fails).
# A Dense(1, 1) layer with W = [[2]], b = [0]
# gives ŷ = 2x, so every cost below is arithmetic on the data.


def line_model(W=2.0, b=0.0):
    layer = Dense(1, 1, rng=0)
    layer.params["W"][...] = W
    layer.params["b"][...] = b
    return Sequential([layer])


class Frozen:
    """An optimiser that leaves every weight as it is, so each epoch sees the same model."""

    learning_rate = 0.0

    def step(self, model):
        pass


class Scripted:
    """An optimiser that sets the bias to the next value of a script at each step."""

    learning_rate = 0.0

    def __init__(self, biases):
        self.biases = iter(biases)

    def step(self, model):
        model.layers[0].params["b"][...] = next(self.biases)


def test_epoch_loss_is_the_sample_weighted_mean_over_batches_with_a_partial_last_one():
    X = np.array([[1.0], [2.0], [3.0], [4.0], [5.0]])
    y = np.zeros((5, 1))
    # Squared errors (2x)²: 4, 16, 36, 64, 100. Batches of 2 without shuffling: [1, 2], [3, 4], [5]
    # with MSE 10, 50 and 100. Weighted by their real sizes: (2·10 + 2·50 + 1·100) / 5 = 44,
    # the mean over all samples; weighting the last batch by batch_size would give 64.
    history = fit(line_model(), MSE(), Frozen(), X, y, epochs=2, batch_size=2, shuffle=False, progress=False)
    assert history.loss == [pytest.approx(44.0), pytest.approx(44.0)]
    # Shuffled, the batches differ but the weighted mean of a frozen model does not.
    history = fit(line_model(), MSE(), Frozen(), X, y, epochs=3, batch_size=2, rng=0, progress=False)
    assert history.loss == [pytest.approx(44.0)] * 3
    # One batch of 4 and a batch of 1: (4·30 + 1·100) / 5 = 44 again.
    history = fit(line_model(), MSE(), Frozen(), X, y, epochs=1, batch_size=4, shuffle=False, progress=False)
    assert history.loss == [pytest.approx(44.0)]


def test_validation_loss_and_metrics_come_from_the_validation_data_and_training_metrics_from_the_training_data():
    X, y = np.array([[1.0], [2.0], [3.0]]), np.array([[2.0], [4.0], [7.0]])
    X_val, y_val = np.array([[10.0]]), np.array([[1.0]])

    def mean_output(output, target):
        return float(output.mean())

    history = fit(line_model(), MSE(), Frozen(), X, y, epochs=2, batch_size=2, shuffle=False,
                  validation_data=(X_val, y_val), metrics=[mean_output], progress=False)
    # training: ŷ = 2, 4, 6; errors 0, 0, −1; MSE 1/3; mean output 4
    assert history.loss == [pytest.approx(1 / 3)] * 2
    assert history.metrics["mean_output"] == [pytest.approx(4.0)] * 2
    # validation: ŷ = 20 for y = 1; MSE 19² = 361; mean output 20
    assert history.val_loss == [pytest.approx(361.0)] * 2
    assert history.metrics["val_mean_output"] == [pytest.approx(20.0)] * 2


def test_metrics_are_measured_after_the_epochs_last_step():
    # The loss is the mean over the batches as they were trained; metrics and the validation
    # loss see the model after the epoch. With the bias set to 1 by the only step of epoch 1:
    X, y = np.array([[1.0]]), np.array([[0.0]])

    def mean_output(output, target):
        return float(output.mean())

    history = fit(line_model(), MSE(), Scripted([1.0]), X, y, epochs=1, validation_data=(X, y),
                  metrics=[mean_output], progress=False)
    assert history.loss == [pytest.approx(4.0)]  # ŷ = 2 before the step
    assert history.metrics["mean_output"] == [pytest.approx(3.0)]  # ŷ = 2·1 + 1 after it
    assert history.val_loss == [pytest.approx(9.0)]


# Validation losses b² for the scripted biases below (W = 0, y = 0): epochs 1 … 9 give
# 9, 1, 4, 0.25, 0.49, 0.64, 0.81, 0.36, 0.01.
SCRIPT = [3.0, 1.0, 2.0, 0.5, 0.7, 0.8, 0.9, 0.6, 0.1]


@pytest.mark.parametrize("patience, stopped_epoch, best_epoch, best_bias", [
    # best 0.25 at epoch 4; epochs 5, 6, 7 do not improve (wait 1, 2, 3 = patience); epoch 8 is one too many
    (3, 8, 4, 0.5),
    # best 1 at epoch 2; epoch 3 is worse and no waiting is allowed
    (0, 3, 2, 1.0),
    # best 0.25 at epoch 4; epoch 5 waits, epoch 6 stops
    (1, 6, 4, 0.5),
])
def test_early_stopping_stops_after_exactly_patience_epochs_without_improvement(
        patience, stopped_epoch, best_epoch, best_bias):
    X, y = np.array([[1.0], [2.0]]), np.zeros((2, 1))
    model = line_model(W=0.0, b=0.0)
    stopper = EarlyStopping(patience=patience)
    history = fit(model, MSE(), Scripted(SCRIPT), X, y, epochs=len(SCRIPT), validation_data=(X, y),
                  callbacks=[stopper], progress=False)
    assert history.val_loss == pytest.approx([b * b for b in SCRIPT[:stopped_epoch]])
    assert history.epochs == list(range(1, stopped_epoch + 1))
    assert history.stopped_early and stopper.stopped_epoch == stopped_epoch
    assert history.best_epoch == stopper.best_epoch == best_epoch
    # the model ends with the best epoch's weights, not the last epoch's
    assert model.layers[0].params["b"] == pytest.approx([best_bias])
    np.testing.assert_array_equal(model.layers[0].params["W"], [[0.0]])


def test_early_stopping_without_restore_keeps_the_last_weights_and_min_delta_counts():
    X, y = np.array([[1.0], [2.0]]), np.zeros((2, 1))
    model = line_model(W=0.0, b=0.0)
    history = fit(model, MSE(), Scripted(SCRIPT), X, y, epochs=len(SCRIPT), validation_data=(X, y),
                  callbacks=[EarlyStopping(patience=1, restore_best=False)], progress=False)
    assert len(history.epochs) == 6 and model.layers[0].params["b"] == pytest.approx([0.8])
    # min_delta = 0.8: 9 → 1 improves by 8, 1 → 0.25 by only 0.75, so epoch 2 stays best and
    # epochs 3 and 4 exhaust a patience of 1
    model = line_model(W=0.0, b=0.0)
    history = fit(model, MSE(), Scripted(SCRIPT), X, y, epochs=len(SCRIPT), validation_data=(X, y),
                  callbacks=[EarlyStopping(patience=1, min_delta=0.8)], progress=False)
    assert history.epochs == [1, 2, 3, 4] and history.best_epoch == 2
    assert model.layers[0].params["b"] == pytest.approx([1.0])
