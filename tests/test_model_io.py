import json
import os
from pathlib import Path

import numpy as np
import pytest

from nnlib import MLP, Conv2D, Flatten, MaxPool2D, ReLU, Sequential, Dense, load, save


def test_save_load_round_trip(tmp_path):
    model = MLP([3, 6, 2], activation="tanh", output="softmax", rng=0)
    path = save(model, tmp_path / "model")
    assert path.name == "model.npz"
    assert path.stat().st_mode & 0o777 == 0o644
    again = load(path)
    X = np.random.default_rng(1).normal(size=(4, 3))
    np.testing.assert_array_equal(again.forward(X), model.forward(X))
    assert repr(again) == repr(model)


def test_cnn_round_trip(tmp_path):
    model = Sequential([Conv2D(1, 2, 3, padding=1, rng=0), ReLU(), MaxPool2D(2), Flatten(), Dense(2 * 4 * 4, 3, rng=1)])
    X = np.random.default_rng(2).normal(size=(2, 1, 8, 8))
    np.testing.assert_array_equal(load(save(model, tmp_path / "cnn.npz")).forward(X), model.forward(X))


def test_file_is_plain_npz_without_pickle(tmp_path):
    path = save(MLP([2, 2], rng=0), tmp_path / "m.npz")
    with np.load(path, allow_pickle=False) as data:
        config = json.loads(data["__nnlib_config__"].tobytes())
    assert config["format"] == "nnlib-model" and config["layers"][0]["class"] == "Dense"


def test_truncated_file_gives_clear_error(tmp_path):
    path = save(MLP([4, 8, 2], rng=0), tmp_path / "m.npz")
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.raises(ValueError, match="load: expected an nnlib model file .* is damaged or of another kind"):
        load(path)


def test_foreign_files_give_clear_errors(tmp_path):
    text = tmp_path / "notes.npz"
    text.write_text("not a model")
    with pytest.raises(ValueError, match="is damaged or of another kind"):
        load(text)
    other = tmp_path / "other.npz"
    np.savez(other, a=np.ones(3))
    with pytest.raises(ValueError, match="is an .npz file but not an nnlib model"):
        load(other)
    with pytest.raises(FileNotFoundError, match="load: no model file at"):
        load(tmp_path / "missing.npz")


def test_mismatched_weights_are_refused(tmp_path):
    path = save(MLP([2, 3], rng=0), tmp_path / "m.npz")
    with np.load(path) as data:
        arrays = dict(data)
    arrays["0.W"] = np.ones((5, 5))
    np.savez(path, **arrays)
    with pytest.raises(ValueError, match=r"does not match its own description: .*expected 0.W of shape \(3, 2\)"):
        load(path)


def test_interrupted_save_keeps_previous_file(tmp_path, monkeypatch):
    path = save(MLP([2, 3], rng=0), tmp_path / "m.npz")
    before = path.read_bytes()

    def crash(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        save(MLP([2, 3], rng=1), path)
    assert path.read_bytes() == before
    assert [p.name for p in Path(tmp_path).iterdir()] == ["m.npz"]  # no temporary file left
