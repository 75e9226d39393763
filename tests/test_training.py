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
