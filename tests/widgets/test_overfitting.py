import re

import numpy as np
import pytest

import nnlib
from course import set_language
from course.widgets.overfitting import (
    CheckpointBrowser,
    OverfittingExplorer,
    Run,
    SnapshotRecorder,
    WithL2,
    changed_predictions,
    evaluate,
    grid_points,
    l2_penalty,
    l2_study,
    l2_table,
    lagom_size,
    moons_data,
    network,
    probability_map,
    size_sweep,
    train_run,
)
from nnlib.gradcheck import numerical_gradient

from .artists import line_in


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language("en")


@pytest.fixture(scope="module")
def data():
    return moons_data()


@pytest.fixture(scope="module")
def runs(data):
    return size_sweep(data, sizes=(1, 32), epochs=120, learning_rate=0.05, snapshot_every=10)


def fake_run(hidden, loss, val_loss, l2=0.0, acc=None):
    loss, val_loss = np.array(loss, dtype=float), np.array(val_loss, dtype=float)
    acc = {len(loss): 0.5} if acc is None else {len(loss): acc}
    return Run(hidden=hidden, seed=0, l2=l2, loss=loss, val_loss=val_loss, val_accuracy=acc, snapshots={})


# Pure functions


def test_moons_data_are_three_disjoint_samples_of_one_distribution(data):
    assert data.X_train.shape == (60, 2) and data.X_val.shape == (200, 2) and data.X_test.shape == (200, 2)
    assert set(np.unique(data.y_train)) == {0, 1}
    train = {tuple(row) for row in data.X_train}
    assert not train & {tuple(row) for row in data.X_val}
    assert not train & {tuple(row) for row in data.X_test}
    again = moons_data()
    np.testing.assert_array_equal(again.X_val, data.X_val)
    with pytest.raises(ValueError, match=r"expected three seeds \(training, validation, test\), but received \(1, 2\)"):
        moons_data(seeds=(1, 2))


def test_l2_step_by_hand():
    # One Dense layer, zero data gradient: w ← w − η λ w = (1 − 0.1·0.01) w = 0.999 w; the bias is not penalised.
    model = nnlib.Sequential([nnlib.Dense(2, 1, rng=0)])
    model.layers[0].params["W"][...] = [[2.0, -1.0]]
    model.layers[0].params["b"][...] = [3.0]
    for grad in model.layers[0].grads.values():
        grad[...] = 0.0
    WithL2(nnlib.SGD(0.1), 0.01).step(model)
    np.testing.assert_allclose(model.layers[0].params["W"], [[1.998, -0.999]])
    np.testing.assert_allclose(model.layers[0].params["b"], [3.0])
    # (λ/2) Σ w² = 0.005 · (1.998² + 0.999²)
    assert l2_penalty(model, 0.01) == pytest.approx(0.005 * (1.998**2 + 0.999**2))


def test_l2_gradient_is_the_gradient_of_the_penalised_cost(data):
    model = network(3, seed=1)
    loss, l2 = nnlib.BinaryCrossEntropy(), 0.05
    X, y = data.X_train[:10], data.y_train[:10]
    model.backward(loss.forward(model.forward(X), y) and loss.backward())
    weights = model.layers[0].params["W"]
    analytic = model.layers[0].grads["W"] + l2 * weights

    def cost(flat):
        saved = weights.copy()
        weights[...] = flat.reshape(weights.shape)
        value = loss.forward(model.forward(X), y) + l2_penalty(model, l2)
        weights[...] = saved
        return value

    numeric = numerical_gradient(cost, weights.ravel().copy()).reshape(weights.shape)
    np.testing.assert_allclose(analytic, numeric, rtol=1e-5, atol=1e-8)


def test_with_l2_errors():
    with pytest.raises(ValueError, match="expected l2 >= 0, but received -0.1"):
        WithL2(nnlib.SGD(0.1), -0.1)
    with pytest.raises(TypeError, match="expected an optimiser with step\\(model\\), but received str"):
        WithL2("adam", 0.1)


def test_snapshots_and_train_run_match_a_plain_fit(data):
    run = train_run(data, 8, epochs=30, snapshot_every=10, seed=2)
    assert sorted(run.snapshots) == [0, 10, 20, 30]
    model = network(8, seed=2)
    initial = model.get_weights()
    history = nnlib.fit(model, nnlib.BinaryCrossEntropy(), nnlib.Adam(0.05), data.X_train, data.y_train,
                        epochs=30, validation_data=(data.X_val, data.y_val), rng=2, progress=False)
    for name, value in initial.items():
        np.testing.assert_array_equal(run.snapshots[0][name], value)
    for name, value in model.get_weights().items():
        np.testing.assert_allclose(run.snapshots[30][name], value)
    np.testing.assert_allclose(run.val_loss, history.val_loss)
    assert sorted(run.val_accuracy) == [0, 10, 20, 30]
    assert run.val_accuracy[30] == nnlib.accuracy(model.predict(data.X_val), data.y_val)
    assert run.val_accuracy[0] == nnlib.accuracy(network(8, seed=2).predict(data.X_val), data.y_val)
    np.testing.assert_allclose(run.model(30).predict(data.X_val), model.predict(data.X_val))
    assert run.best_epoch == int(np.argmin(history.val_loss)) + 1
    with pytest.raises(ValueError, match="expected one of the snapshot epochs .* but received 15"):
        run.model(15)
    with pytest.raises(ValueError, match="expected every to be an integer >= 1, but received 0"):
        SnapshotRecorder(0)


def test_validation_at_snapshots_only_matches_every_epoch_validation(data):
    exact = train_run(data, 8, epochs=30, snapshot_every=10, seed=3)
    sparse = train_run(data, 8, epochs=30, snapshot_every=10, seed=3, validate_each_epoch=False)
    np.testing.assert_array_equal(sparse.validation_epochs, [10, 20, 30])
    np.testing.assert_allclose(sparse.val_loss, exact.val_loss[[9, 19, 29]])
    np.testing.assert_allclose(sparse.loss, exact.loss)
    np.testing.assert_array_equal(exact.validation_epochs, np.arange(1, 31))
    assert sparse.best_epoch in (10, 20, 30)
    assert sparse.val_accuracy == exact.val_accuracy
    with pytest.raises(ValueError, match="expected every to divide epochs=30, but received every=7"):
        l2_study(data, [0.0], seeds=(0,), epochs=30, every=7)


def test_l2_run_logs_the_data_loss_and_shrinks_the_weights(data):
    plain = train_run(data, 16, epochs=40, snapshot_every=40)
    penalised = train_run(data, 16, epochs=40, snapshot_every=40, l2=0.01)
    norm = lambda run: sum(float(np.sum(w**2)) for k, w in run.snapshots[40].items() if k.endswith(".W"))
    assert norm(penalised) < norm(plain)
    model = penalised.model()
    assert penalised.loss[-1] == pytest.approx(
        nnlib.BinaryCrossEntropy().forward(model.predict(data.X_train), data.y_train), rel=0.2)


def test_lagom_size_chooses_by_validation_loss_not_training_loss():
    runs = {
        1: fake_run(1, [0.5, 0.40], [0.5, 0.41]),
        4: fake_run(4, [0.4, 0.20], [0.4, 0.25]),
        64: fake_run(64, [0.3, 0.01], [0.2, 0.60]),
    }
    assert lagom_size(runs) == 4
    assert lagom_size(runs, at="best") == 64  # its epoch 1 had validation loss 0.2
    tie = {2: fake_run(2, [0.1], [0.3]), 8: fake_run(8, [0.1], [0.3])}
    assert lagom_size(tie) == 2
    with pytest.raises(ValueError, match="expected at='last' or at='best', but received 'first'"):
        lagom_size(runs, at="first")
    with pytest.raises(ValueError, match="expected at least one run, but received none"):
        lagom_size({})


def test_l2_table_by_hand():
    study = {
        0.0: [fake_run(8, [0.1, 0.05], [0.3, 0.35], acc=0.9), fake_run(8, [0.1, 0.07], [0.3, 0.45], acc=0.8)],
        0.01: [fake_run(8, [0.2, 0.15], [0.3, 0.20], 0.01, 0.95)],
    }
    (l2_a, train_a, val_a, lo_a, hi_a, acc_a), (l2_b, *rest_b) = l2_table(study)
    assert (l2_a, l2_b) == (0.0, 0.01)
    assert train_a == pytest.approx(0.06) and val_a == pytest.approx(0.40)
    assert (lo_a, hi_a) == (0.35, 0.45) and acc_a == pytest.approx(0.85)
    assert rest_b == pytest.approx([0.15, 0.20, 0.20, 0.20, 0.95])


def test_grid_and_probability_map_orientation():
    points = grid_points((0.0, 1.0, 10.0, 12.0), 3)
    np.testing.assert_allclose(points[:3], [[0.0, 10.0], [0.5, 10.0], [1.0, 10.0]])
    np.testing.assert_allclose(points[3], [0.0, 11.0])
    # A network computing σ(x₁): p grows along each row (with x₁), not down the columns.
    model = nnlib.Sequential([nnlib.Dense(2, 1, rng=0), nnlib.Sigmoid()])
    model.layers[0].params["W"][...] = [[5.0, 0.0]]
    model.layers[0].params["b"][...] = [0.0]
    p = probability_map(model, (-1.0, 1.0, -1.0, 1.0), 5)
    assert p.shape == (5, 5)
    assert np.all(np.diff(p, axis=1) > 0) and np.allclose(np.diff(p, axis=0), 0)


def test_evaluate_and_changed_predictions_by_hand():
    model = nnlib.Sequential([nnlib.Dense(2, 1, rng=0), nnlib.Sigmoid()])
    model.layers[0].params["W"][...] = [[1.0, 0.0]]
    model.layers[0].params["b"][...] = [0.0]
    X = np.array([[2.0, 0.0], [-2.0, 0.0], [0.5, 0.0]])
    y = np.array([1, 1, 0])
    loss, acc, wrong = evaluate(model, X, y)
    p = 1 / (1 + np.exp(-X[:, 0]))
    assert loss == pytest.approx(-np.mean([np.log(p[0]), np.log(p[1]), np.log(1 - p[2])]))
    assert acc == pytest.approx(1 / 3) and wrong == 2
    flipped = nnlib.Sequential([nnlib.Dense(2, 1, rng=0), nnlib.Sigmoid()])
    flipped.layers[0].params["W"][...] = [[-1.0, 0.0]]
    flipped.layers[0].params["b"][...] = [0.0]
    assert changed_predictions(model, flipped, X) == 3
    assert changed_predictions(model, model, X) == 0


# Widgets


def test_explorer_sliders_move_curves_line_and_boundary(runs, data, screen):
    widget = OverfittingExplorer(runs, data, hidden=32, epoch=120)
    widget.refresh()
    run = runs[32]
    np.testing.assert_allclose(widget.val_line.get_ydata(), run.val_loss)
    np.testing.assert_allclose(widget.best_marker.get_xdata(), [run.best_epoch])
    assert widget.epoch_line.get_xdata()[0] == 120
    late = widget.boundary.probabilities.copy()
    assert f"{run.val_loss[-1]:.3f}" in widget.status.value

    pictures = screen.watch(widget)
    widget.epoch.value = 10
    [picture] = pictures  # one new picture, with the epoch line at 10
    assert line_in(picture, widget.epoch_line).x.tolist() == [10, 10]
    assert "After epoch 10:" in picture.status
    assert widget.epoch_line.get_xdata()[0] == 10
    assert not np.allclose(widget.boundary.probabilities, late)
    np.testing.assert_allclose(widget.boundary.probabilities, probability_map(run.model(10)))
    assert "After epoch 10:" in widget.status.value
    assert f"{run.val_loss[9]:.3f}" in widget.status.value

    widget.size.value = 1
    np.testing.assert_allclose(widget.train_line.get_ydata(), runs[1].loss)
    assert widget.axes[0].get_title() == "Loss per epoch, h = 1"
    assert widget.axes[1].get_title() == "h = 1 after epoch 10"

    widget.epoch.value = 0
    assert "random initial weights" in widget.status.value


def test_explorer_with_a_run_validated_at_its_snapshots_only(data):
    mixed = size_sweep(data, sizes=(2, 16), epochs=40, learning_rate=0.05, snapshot_every=10, every_epoch=[16])
    np.testing.assert_array_equal(mixed[2].validation_epochs, [10, 20, 30, 40])
    np.testing.assert_array_equal(mixed[16].validation_epochs, np.arange(1, 41))
    assert mixed[2].val_loss_at(20) == mixed[2].val_loss[1]
    assert mixed[16].val_loss_at(20) == mixed[16].val_loss[19]
    with pytest.raises(ValueError, match="measured .* but received 15"):
        mixed[2].val_loss_at(15)

    widget = OverfittingExplorer(mixed, data, hidden=16, epoch=40)
    widget.refresh()
    assert len(widget.val_line.get_xdata()) == 40
    widget.size.value = 2
    np.testing.assert_array_equal(widget.val_line.get_xdata(), [10, 20, 30, 40])
    np.testing.assert_allclose(widget.val_line.get_ydata(), mixed[2].val_loss)
    np.testing.assert_allclose(widget.best_marker.get_xdata(), [mixed[2].best_epoch])
    np.testing.assert_allclose(widget.best_marker.get_ydata(), [mixed[2].val_loss.min()])
    widget.epoch.value = 20
    assert f"{mixed[2].val_loss[1]:.3f}" in widget.status.value


def test_explorer_errors(runs, data):
    with pytest.raises(ValueError, match=r"expected hidden to be one of \[1, 32\], but received 5"):
        OverfittingExplorer(runs, data, hidden=5)
    with pytest.raises(ValueError, match="expected at least one run"):
        OverfittingExplorer({}, data)


@pytest.fixture
def trained(tmp_path, data):
    checkpoint = nnlib.Checkpoint(tmp_path / "checkpoints", every=10)
    model = network(64, seed=0)
    history = nnlib.fit(model, nnlib.BinaryCrossEntropy(), nnlib.Adam(0.05), data.X_train, data.y_train,
                        epochs=200, validation_data=(data.X_val, data.y_val), callbacks=[checkpoint],
                        rng=0, progress=False)
    return checkpoint, history, model


def test_restore_button_loads_best_and_changes_predictions(trained, data):
    checkpoint, history, model = trained
    assert checkpoint.best_epoch < 150  # the run overfits: its best epoch is well before the last
    widget = CheckpointBrowser(checkpoint, history, data, model)
    widget.refresh()
    last_map = widget.boundary.probabilities.copy()
    last_wrong = widget.wrong_marks.get_xdata().copy()
    assert "as training left it, after epoch 200" in widget.status.value

    widget.restore.click()
    best = nnlib.load(checkpoint.best_path)
    for name, value in best.get_weights().items():
        np.testing.assert_array_equal(widget.model.get_weights()[name], value)
    assert widget.loaded_from == checkpoint.best_path
    assert not np.allclose(widget.boundary.probabilities, last_map)
    assert widget.changed == changed_predictions(model, best, data.X_val) > 0
    assert len(widget.wrong_marks.get_xdata()) != len(last_wrong) or not np.array_equal(
        widget.wrong_marks.get_xdata(), last_wrong)
    np.testing.assert_allclose(widget.epoch_marker.get_xdata(), [checkpoint.best_epoch])
    val_loss = evaluate(best, data.X_val, data.y_val)[0]
    assert val_loss < history.val_loss[-1]
    assert f"weights of epoch {checkpoint.best_epoch}, loaded from" in widget.status.value
    assert f"{val_loss:.3f}" in widget.status.value
    assert f"{widget.changed} validation points changed class" in widget.status.value


def test_checkpoint_slider_loads_that_epochs_file(trained, data):
    checkpoint, history, model = trained
    widget = CheckpointBrowser(checkpoint, history, data, model)
    widget.refresh()
    widget.epoch.value = 10
    assert widget.loaded_from == checkpoint.paths[10]
    np.testing.assert_allclose(widget.model.predict(data.X_val), nnlib.load(checkpoint.paths[10]).predict(data.X_val))
    np.testing.assert_allclose(widget.boundary.probabilities, probability_map(nnlib.load(checkpoint.paths[10])))
    assert widget.axes[1].get_title() == "Weights from epoch 10"


def test_browser_needs_saved_files(data):
    with pytest.raises(ValueError, match="expected a Checkpoint that has saved files"):
        CheckpointBrowser(nnlib.Checkpoint("unused"), nnlib.History(), data, network(2))


def test_swedish_widgets(runs, data, trained):
    set_language("sv")
    widget = OverfittingExplorer(runs, data, hidden=32, epoch=50)
    widget.refresh()
    assert widget.size.description == "dolda neuroner h"
    assert widget.axes[0].get_xlabel() == "epok"
    assert "Efter epok 50:" in widget.status.value
    value = f"{runs[32].val_loss[49]:.3f}".replace(".", ",")
    assert value in widget.status.value
    assert not re.search(r"\d\.\d", widget.status.value)
    browser = CheckpointBrowser(*trained[:2], data, trained[2])
    assert browser.restore.description == "återställ bästa kontrollpunkten"
    browser.restore.click()
    assert "valideringspunkter bytte klass" in browser.status.value
    assert re.search(r"\d,\d\u00a0%", browser.status.value)
