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


def test_lifted_wrong_answers_are_in_the_spec(exercise):
    """The wrong answers a previous mutation test wrote here are misconceptions of the spec now
    (tests/exercises/test_misconceptions.py checks what each costs and that it is named)."""
    listed = {q.id: {m.id: m.costs for m in q.misconceptions} for q in exercise.questions}
    assert {"validation_first", "validation_at_the_end", "sorted_indices", "legacy_generator"} <= set(listed["q1"])
    assert {"stops_at_patience", "equal_is_improvement", "epochs_from_zero", "ignores_min_delta",
            "never_stops", "best_is_last_epoch"} <= set(listed["q2"])
    # issue 14: `<=` instead of `<` cost 0.25 of 2 points; the plateau cases now make it cost at least 0.4
    assert listed["q2"]["equal_is_improvement"] >= 0.4
    assert {"epoch_as_array", "epoch_in_weights"} <= set(listed["q3"])
    assert listed["q4"]["by_training_loss"] == 1


def test_public_tests_show_what_the_hint_names(exercise):
    """The hint of q2 names strict improvement and min_delta: a public case shows each."""
    public = [test.case.args for test in exercise.question("q2").tests() if test.public]
    assert any(len(set(losses)) < len(losses) and min_delta == 0 for losses, _, min_delta in public)
    assert any(min_delta > 0 for _, _, min_delta in public)


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
    float_epoch = _roundtrip_with(lambda w, e: (w, float(e)))
    forgot_epoch = _roundtrip_with(lambda w, e: (w, 0))
    swapped = _roundtrip_with(lambda w, e: (e, w))
    lost_a_weight = _roundtrip_with(lambda w, e: ({k: v for k, v in list(w.items())[:-1]}, e))
    assert hidden_failures(exercise, "q3", float_epoch) == 7
    assert hidden_failures(exercise, "q3", forgot_epoch) >= 6
    assert hidden_failures(exercise, "q3", swapped) == 7
    assert hidden_failures(exercise, "q3", lost_a_weight) == 7


def test_an_epoch_as_a_numpy_array_fails_with_a_message(exercise):
    """issue 14: load_checkpoint returning data["epoch"] (a 0-d array) got full marks; the docstring asks for an int."""
    question = exercise.question("q3")
    weights = {"0.W": np.eye(2)}
    expected = (weights, 7)
    message = question.judge(expected, roundtrip((weights, np.array(7))))
    assert message is not None
    assert "numpy array of shape ()" in message.render("en") and "int" in message.render("en")
    assert "numpy-array med formen ()" in message.render("sv")
    assert hidden_failures(exercise, "q3", _roundtrip_with(lambda w, e: (w, np.array(e)))) == 7
    # an int, or a numpy integer scalar (an integer everywhere), is right
    assert question.judge(expected, roundtrip((weights, 7))) is None
    assert question.judge(expected, roundtrip((weights, np.int64(7)))) is None
    # still the usual comparison for everything else
    assert question.judge(expected, roundtrip((weights, 8))) is not None
    assert question.judge(expected, roundtrip(({"0.W": np.eye(2), "epoch": np.array(7)}, 7))) is not None
    # two answers that both return an array are alike (a misconception is recognised by it)
    assert question.judge((weights, np.array(7)), roundtrip((weights, np.array(7)))) is None


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
    assert accepts_value(exercise, "q4", np.int64(8))
    for wrong in (1, 3, 4, 32, 128, 8.5, "8", 0.259):
        assert not accepts_value(exercise, "q4", wrong)
