"""Exercise 11 (overfitting): the reference solution passes its own tests, its early stopping
agrees with nnlib.EarlyStopping, its checkpoints are plain .npz files, the loss table in the text
is what nnlib really gives, and typical wrong answers fail hidden tests."""

from __future__ import annotations

import copy
import tempfile

import numpy as np
import pytest

import nnlib
from course.grader.codec import roundtrip
from exercise_helpers import hidden_failures

STEM = "11_overfitting"


def accepts_value(exercise, question_id, value):
    question = exercise.question(question_id)
    return question.judge(exercise.expected(question.tests()[0]), roundtrip(value)) is None


def test_questions_points_and_names(exercise):
    assert [(q.id, q.name, q.points) for q in exercise.questions] == [
        ("q1", "split_indices", 1), ("q2", "early_stopping", 2), ("q3", "checkpoint_roundtrip", 2),
        ("q4", "chosen_size", 1),
    ]
    for question in exercise.questions:
        assert set(question.hint) == {"en", "sv"}
        if question.function is not None:
            assert question.public and len(question.hidden) >= 5


def test_split_follows_the_stated_algorithm_and_example(exercise):
    split = exercise.namespace["split_indices"]
    train, val = split(10, 3, 0)
    np.testing.assert_array_equal(train, [7, 3, 5, 9, 0, 8, 1])
    np.testing.assert_array_equal(val, [4, 6, 2])
    for n, n_val, seed in [(2, 1, 0), (50, 10, 3), (7, 6, 99)]:
        train, val = split(n, n_val, seed)
        assert train.shape == (n - n_val,) and val.shape == (n_val,)
        np.testing.assert_array_equal(np.sort(np.concatenate([train, val])), np.arange(n))
        np.testing.assert_array_equal(np.concatenate([val, train]), np.random.default_rng(seed).permutation(n))


def test_wrong_splits_fail(exercise):
    def swapped(n, n_val, seed):
        perm = np.random.default_rng(seed).permutation(n)
        return perm[:n_val], perm[n_val:]

    def validation_at_the_end(n, n_val, seed):
        perm = np.random.default_rng(seed).permutation(n)
        return perm[:n - n_val], perm[n - n_val:]

    def sorted_indices(n, n_val, seed):
        perm = np.random.default_rng(seed).permutation(n)
        return np.sort(perm[n_val:]), np.sort(perm[:n_val])

    def legacy_generator(n, n_val, seed):
        perm = np.random.RandomState(seed).permutation(n)
        return perm[n_val:], perm[:n_val]

    assert hidden_failures(exercise, "q1", swapped) >= 6
    assert hidden_failures(exercise, "q1", validation_at_the_end) >= 6
    assert hidden_failures(exercise, "q1", sorted_indices) >= 5
    assert hidden_failures(exercise, "q1", legacy_generator) >= 5


def nnlib_early_stopping(val_losses, patience, min_delta):
    """best and stop epoch as nnlib.EarlyStopping sees them, fed the losses one epoch at a time."""
    callback = nnlib.EarlyStopping(patience, min_delta, restore_best=False)
    callback.on_train_begin(None, True)
    for epoch, loss in enumerate(val_losses, start=1):
        if callback.on_epoch_end(epoch, {"loss": 0.0, "val_loss": loss}, None):
            return callback.best_epoch, epoch
    return callback.best_epoch, len(val_losses)


def test_early_stopping_agrees_with_nnlib_on_every_case(exercise):
    question = exercise.question("q2")
    reference = exercise.namespace["early_stopping"]
    stopped_early = ran_to_the_end = 0
    for test in question.tests():
        losses, patience, min_delta = test.case.args
        result = reference(losses, patience, min_delta)
        assert result == nnlib_early_stopping(losses, patience, min_delta), test.call_text()
        assert all(isinstance(epoch, int) for epoch in result)
        stopped_early += result[1] < len(losses)
        ran_to_the_end += result[1] == len(losses)
    assert stopped_early >= 4 and ran_to_the_end >= 3


def test_early_stopping_example_from_the_text(exercise):
    early_stopping = exercise.namespace["early_stopping"]
    assert early_stopping([0.90, 0.70, 0.62, 0.65, 0.61, 0.64, 0.66, 0.67, 0.60], 2, 0.0) == (5, 8)


def _stopping_rule(strict=True, stop_at_patience=False, from_zero=False, use_delta=True):
    def early_stopping(val_losses, patience, min_delta):
        best, best_epoch, wait = np.inf, 0, 0
        delta = min_delta if use_delta else 0.0
        for epoch, loss in enumerate(val_losses, start=0 if from_zero else 1):
            better = loss < best - delta if strict else loss <= best - delta
            if better:
                best, best_epoch, wait = loss, epoch, 0
            else:
                wait += 1
                if wait >= patience + (0 if stop_at_patience else 1):
                    return best_epoch, epoch
        return best_epoch, len(val_losses) - (1 if from_zero else 0)
    return early_stopping


def test_wrong_early_stopping_rules_fail(exercise):
    assert hidden_failures(exercise, "q2", _stopping_rule(stop_at_patience=True)) >= 5
    assert hidden_failures(exercise, "q2", _stopping_rule(strict=False)) >= 2
    assert hidden_failures(exercise, "q2", _stopping_rule(from_zero=True)) >= 10
    assert hidden_failures(exercise, "q2", _stopping_rule(use_delta=False)) >= 2
    assert hidden_failures(exercise, "q2", lambda losses, patience, min_delta: (int(np.argmin(losses)) + 1,
                                                                               len(losses))) >= 5


def test_checkpoint_is_a_plain_npz_file(exercise, tmp_path):
    ns = exercise.namespace
    weights = {"0.W": np.arange(6.0).reshape(2, 3), "0.b": np.array([0.5, -0.5])}
    path = tmp_path / "model.npz"
    ns["save_checkpoint"](weights, 12, str(path))
    with np.load(path, allow_pickle=False) as data:
        assert sorted(data.files) == ["0.W", "0.b", "epoch"]
        assert int(data["epoch"]) == 12
        np.testing.assert_array_equal(data["0.W"], weights["0.W"])
    loaded, epoch = ns["load_checkpoint"](str(path))
    assert epoch == 12 and type(epoch) is int and sorted(loaded) == ["0.W", "0.b"]


def test_checkpoint_round_trips_an_nnlib_model(exercise, tmp_path):
    ns = exercise.namespace
    model = nnlib.MLP([3, 4, 2], rng=0)
    ns["save_checkpoint"](model.get_weights(), 5, str(tmp_path / "best.npz"))
    weights, epoch = ns["load_checkpoint"](str(tmp_path / "best.npz"))
    other = nnlib.MLP([3, 4, 2], rng=1)
    other.set_weights(weights)
    X = np.random.default_rng(2).normal(size=(5, 3))
    np.testing.assert_array_equal(other.predict(X), model.predict(X))
    assert epoch == 5


def test_roundtrip_leaves_no_file_behind(exercise, tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    weights, epoch = exercise.namespace["checkpoint_roundtrip"]({"0.W": np.eye(2)}, 3)
    np.testing.assert_array_equal(weights["0.W"], np.eye(2))
    assert epoch == 3 and list(tmp_path.iterdir()) == []


def _roundtrip_with(load_transform):
    def checkpoint_roundtrip(weights, epoch):
        return load_transform(copy.deepcopy(weights), epoch)
    return checkpoint_roundtrip


def test_wrong_checkpoints_fail(exercise):
    keeps_epoch_in_weights = _roundtrip_with(lambda w, e: ({**w, "epoch": np.array(e)}, e))
    float_epoch = _roundtrip_with(lambda w, e: (w, float(e)))
    forgot_epoch = _roundtrip_with(lambda w, e: (w, 0))
    swapped = _roundtrip_with(lambda w, e: (e, w))
    lost_a_weight = _roundtrip_with(lambda w, e: ({k: v for k, v in list(w.items())[:-1]}, e))
    assert hidden_failures(exercise, "q3", keeps_epoch_in_weights) == 7
    assert hidden_failures(exercise, "q3", float_epoch) == 7
    assert hidden_failures(exercise, "q3", forgot_epoch) >= 6
    assert hidden_failures(exercise, "q3", swapped) == 7
    assert hidden_failures(exercise, "q3", lost_a_weight) == 7


def test_loss_table_is_what_nnlib_gives(exercise):
    ns = exercise.namespace
    X, y = nnlib.datasets.two_moons(60, noise=0.3, rng=1)
    X_val, y_val = nnlib.datasets.two_moons(500, noise=0.3, rng=2)
    for h, training, validation in zip(ns["hidden_sizes"], ns["final_training_loss"], ns["final_validation_loss"]):
        model = nnlib.MLP([2, h, h, 1], activation="tanh", output="sigmoid", rng=0)
        history = nnlib.fit(model, nnlib.BinaryCrossEntropy(), nnlib.Adam(0.01), X, y, epochs=200,
                            validation_data=(X_val, y_val), rng=0, progress=False)
        assert history.loss[-1] == pytest.approx(training, abs=0.0015)
        assert history.val_loss[-1] == pytest.approx(validation, abs=0.0015)


def test_chosen_size(exercise):
    assert exercise.namespace["chosen_size"] == 8
    assert accepts_value(exercise, "q4", 8)
    for wrong in (1, 4, 32, 128, 8.5, "8"):
        assert not accepts_value(exercise, "q4", wrong)
