"""Chapter 07's training playground: data, training, every control, and what the student sees."""

import io
import re

import numpy as np
import pytest
from PIL import Image

from course import set_language
from course.widgets.playground import (
    ACTIVATIONS,
    DATASETS,
    RESOLUTION,
    Blitter,
    Playground,
    Trainer,
    build_network,
    dense_layers,
    grid_points,
    hidden_outputs,
    make_dataset,
    probability_grid,
    split_dataset,
)


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language("en")


def reference_train_step(X, Y, W1, b1, W2, b2, learning_rate):
    """Exercise 07's train_step, written independently of nnlib."""
    Z1 = X @ W1.T + b1
    A1 = np.maximum(Z1, 0.0)
    Y_hat = A1 @ W2.T + b2
    loss = float(np.mean((Y_hat - Y) ** 2))
    dZ2 = 2.0 * (Y_hat - Y) / Y_hat.size
    dW2, db2, dA1 = dZ2.T @ A1, dZ2.sum(axis=0), dZ2 @ W2
    dZ1 = dA1 * (Z1 > 0)
    dW1, db1 = dZ1.T @ X, dZ1.sum(axis=0)
    return W1 - learning_rate * dW1, b1 - learning_rate * db1, W2 - learning_rate * dW2, b2 - learning_rate * db2, loss


# ---------------------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", DATASETS)
def test_every_dataset_has_two_balanced_classes_inside_the_view(name):
    X, y = make_dataset(name, 200, 0.0, rng=0)
    assert X.shape == (200, 2) and y.shape == (200,)
    assert set(np.unique(y)) == {0, 1}
    assert 60 <= np.sum(y == 1) <= 140
    assert np.abs(X).max() < 1.6  # inside the plane the playground shows


def test_xor_labels_follow_the_quadrants_without_noise():
    X, y = make_dataset("xor", 100, 0.0, rng=3)
    np.testing.assert_array_equal(y, (X[:, 0] * X[:, 1] > 0).astype(int))


def test_noise_moves_the_points_and_the_seed_repeats_them():
    clean, _ = make_dataset("moons", 100, 0.0, rng=1)
    noisy, _ = make_dataset("moons", 100, 0.3, rng=1)
    again, _ = make_dataset("moons", 100, 0.3, rng=1)
    assert np.abs(noisy - clean).mean() > 0.1
    np.testing.assert_array_equal(noisy, again)


def test_bad_dataset_arguments_name_what_was_expected():
    with pytest.raises(ValueError, match="xor, circles, moons, spiral, blobs.*'square'"):
        make_dataset("square")
    with pytest.raises(ValueError, match="noise >= 0"):
        make_dataset("xor", noise=-0.1)
    with pytest.raises(ValueError, match="between 0 and 1.*1.5"):
        split_dataset(np.zeros((4, 2)), np.zeros(4), 1.5)


def test_split_keeps_every_point_once():
    X, y = make_dataset("circles", 200, 0.1, rng=0)
    X_train, y_train, X_val, y_val = split_dataset(X, y, 0.3, rng=1)
    assert len(X_train) == 60 and len(X_val) == 140
    together = np.concatenate([X_train, X_val])
    assert sorted(map(tuple, together)) == sorted(map(tuple, X))


# ---------------------------------------------------------------------------------------
# Network and training
# ---------------------------------------------------------------------------------------

def test_network_sizes_and_parameter_count():
    model = build_network([16, 16], "tanh", rng=0)
    # 2·16 + 16, 16·16 + 16, 16·1 + 1
    assert model.n_params() == 48 + 272 + 17
    assert [layer.params["W"].shape for layer in dense_layers(model)] == [(16, 2), (16, 16), (1, 16)]
    outputs = hidden_outputs(model, np.zeros((5, 2)))
    assert [a.shape for a in outputs] == [(5, 16), (5, 16)]
    assert build_network([], "relu", rng=0).n_params() == 3  # logistic regression


def test_probability_grid_is_sigmoid_of_the_score_on_the_grid():
    model = build_network([3], "tanh", rng=2)
    p = probability_grid(model)
    assert p.shape == (RESOLUTION, RESOLUTION)
    z = model.forward(grid_points())[:, 0]
    np.testing.assert_allclose(p.ravel(), 1 / (1 + np.exp(-z)))
    # Row 0 is the bottom of the plane (x2 = −extent), column 0 the left (x1 = −extent).
    assert grid_points()[0, 1] == grid_points()[RESOLUTION - 1, 1] < 0


def one_sample_trainer(engine):
    """The lesson's hand-worked example: 2-2-1, ReLU, sigmoid output with cross-entropy."""
    trainer = Trainer(np.array([[1.0, 2.0]]), np.array([1]), np.array([[0.0, 0.0]]), np.array([0]),
                      hidden=[2], activation="relu", learning_rate=1.0, batch_size=1, engine=engine)
    first, second = dense_layers(trainer.model)
    first.params["W"][...] = [[1.0, -1.0], [0.5, 0.5]]
    first.params["b"][...] = 0.0
    second.params["W"][...] = [[1.0, 2.0]]
    second.params["b"][...] = -2.0
    return trainer, first, second


@pytest.mark.parametrize("engine", ["fused", "nnlib"])
def test_one_iteration_matches_the_hand_worked_example(engine):
    trainer, first, second = one_sample_trainer(engine)
    trainer.train(1)  # one sample, batch size 1: one iteration with η = 1
    delta2 = 1 / (1 + np.exp(-1.0)) - 1.0  # σ(1) − 1 ≈ −0.2689
    # dW2 = δ2 a1ᵀ with a1 = (0, 1.5); δ1 = (W2ᵀ δ2) ⊙ ReLU′(z1) with z1 = (−1, 1.5)
    np.testing.assert_allclose(second.params["W"], [[1.0, 2.0 - 1.5 * delta2]])
    np.testing.assert_allclose(second.params["b"], [-2.0 - delta2])
    delta1 = np.array([0.0, 2.0 * delta2])
    np.testing.assert_allclose(first.params["W"], [[1.0, -1.0], [0.5 - delta1[1], 0.5 - 2 * delta1[1]]])
    np.testing.assert_allclose(first.params["b"], -delta1)
    assert round(delta2, 4) == -0.2689


@pytest.mark.parametrize("activation", ACTIVATIONS)
@pytest.mark.parametrize("l2", [0.0, 0.01])
def test_fused_engine_computes_what_nnlib_computes(activation, l2):
    X, y = make_dataset("moons", 60, 0.1, rng=0)
    parts = split_dataset(X, y, 0.5, rng=1)
    runs = []
    for engine in ("fused", "nnlib"):
        trainer = Trainer(*parts, hidden=[5, 4], activation=activation, learning_rate=0.3, batch_size=7, l2=l2,
                          seed=3, engine=engine)
        trainer.train(6)
        runs.append(trainer)
    fused, library = runs
    for a, b in zip(dense_layers(fused.model), dense_layers(library.model)):
        np.testing.assert_allclose(a.params["W"], b.params["W"], rtol=1e-10, atol=1e-12)
        np.testing.assert_allclose(a.params["b"], b.params["b"], rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(fused.train_losses, library.train_losses, rtol=1e-10)
    assert fused.train_losses[-1] != fused.train_losses[0]  # it did train


def test_l2_pulls_the_weights_towards_zero():
    X, y = make_dataset("blobs", 100, 0.1, rng=0)
    parts = split_dataset(X, y, 0.5, rng=1)
    norms = []
    for l2 in (0.0, 0.1):
        trainer = Trainer(*parts, hidden=[8], learning_rate=0.3, l2=l2, seed=0)
        trainer.train(100)
        norms.append(sum(np.sum(layer.params["W"] ** 2) for layer in dense_layers(trainer.model)))
    assert norms[1] < 0.5 * norms[0]


def test_iterations_per_epoch_is_the_number_of_batches():
    X, y = make_dataset("xor", 200, 0.0, rng=0)
    trainer = Trainer(*split_dataset(X, y, 0.5, rng=1), hidden=[4], batch_size=30)
    assert trainer.iterations_per_epoch == 4  # ceil(100 / 30)
    trainer.batch_size = 100
    assert trainer.iterations_per_epoch == 1


def test_xor_needs_a_hidden_layer():
    X, y = make_dataset("xor", 200, 0.0, rng=0)
    parts = split_dataset(X, y, 0.5, rng=1)
    linear = Trainer(*parts, hidden=[], learning_rate=0.3, seed=0)
    deep = Trainer(*parts, hidden=[8, 8], learning_rate=0.3, seed=0)
    linear.train(150)
    deep.train(150)
    assert linear.accuracy(linear.X_val, linear.Y_val) < 0.75
    assert deep.accuracy(deep.X_val, deep.Y_val) > 0.9
    assert deep.val_losses[-1] < 0.5 * deep.val_losses[0]


def test_a_huge_learning_rate_is_reported_as_diverged():
    X, y = make_dataset("spiral", 100, 0.0, rng=0)
    trainer = Trainer(*split_dataset(X, y, 0.5, rng=1), hidden=[16, 16], activation="relu",
                      learning_rate=1e200, seed=0)
    trainer.train(20)
    assert trainer.diverged
    assert trainer.epoch < 20


def test_trainer_rejects_bad_settings():
    X, y = make_dataset("xor", 20, 0.0, rng=0)
    trainer = Trainer(*split_dataset(X, y, 0.5), hidden=[2])
    with pytest.raises(ValueError, match="learning rate > 0.*-1"):
        trainer.learning_rate = -1
    with pytest.raises(ValueError, match="batch size >= 1.*0"):
        trainer.batch_size = 0
    with pytest.raises(ValueError, match="λ >= 0"):
        trainer.l2 = -0.5


# ---------------------------------------------------------------------------------------
# The widget
# ---------------------------------------------------------------------------------------

def black_edged(playground):
    edges = playground.points.get_edgecolors()
    return int(np.sum(np.all(np.isclose(edges[:, :3], 0.0), axis=1)))


def test_step_trains_the_loss_falls_and_the_map_changes():
    playground = Playground("moons", hidden=[8, 8], learning_rate=0.3, epochs_per_step=10, seed=0)
    playground.refresh()
    before = playground.image.get_array().copy()
    first_loss = playground.trainer.train_losses[-1]
    for _ in range(3):
        playground.step_button.click()
    assert playground.trainer.epoch == 30
    assert playground.trainer.train_losses[-1] < 0.6 * first_loss
    assert playground.trainer.val_losses[-1] < playground.trainer.val_losses[0]
    assert np.abs(playground.image.get_array() - before).max() > 0.2
    assert len(playground.train_line.get_xdata()) == 31
    assert playground.epoch_text.get_text() == "epoch 30"
    assert len(playground.boundary_line.get_xdata()) > 0
    assert "Epoch 30 (300 iterations, 10 per epoch)" in playground.status.value
    assert playground.picture.value[:2] == b"\xff\xd8"  # a JPEG the notebook shows


def test_play_ticks_step_and_stop_does_not():
    playground = Playground("xor", epochs_per_step=3, seed=0)
    playground.min_tick_gap = 0.0  # every tick arrives after the previous step (a patient browser)
    playground.refresh()
    playground.play.value = 1
    playground.play.value = 2
    assert playground.trainer.epoch == 6
    playground.play.value = 0  # the stop button
    assert playground.trainer.epoch == 6


def test_ticks_queued_behind_a_slow_step_are_skipped():
    playground = Playground("xor", epochs_per_step=2, seed=0)
    playground.min_tick_gap = 60.0  # any tick within a minute of the last step counts as queued
    playground.play.value = 1
    playground.play.value = 2
    playground.play.value = 3
    assert playground.trainer.epoch == 2
    assert playground.skipped_ticks == 2


def test_reset_draws_new_weights_and_starts_over():
    playground = Playground("xor", epochs_per_step=5, seed=0)
    playground.step()
    weights = dense_layers(playground.trainer.model)[0].params["W"].copy()
    playground.reset_button.click()
    assert playground.trainer.epoch == 0
    assert len(playground.train_line.get_xdata()) == 1
    assert not np.allclose(dense_layers(playground.trainer.model)[0].params["W"], weights)


def test_data_controls_make_new_data_and_a_new_network():
    playground = Playground("xor", n_points=200, seed=0)
    playground.step()
    offsets = playground.points.get_offsets().copy()
    playground.dataset.value = "circles"
    assert playground.trainer.epoch == 0
    assert not np.allclose(playground.points.get_offsets(), offsets)
    clean = playground.points.get_offsets().copy()
    playground.noise.value = 0.3
    assert np.abs(playground.points.get_offsets() - clean).mean() > 0.1
    assert black_edged(playground) == 100
    playground.train_share.value = 0.8
    assert black_edged(playground) == 40
    assert len(playground.trainer.X_train) == 160


def test_architecture_controls_rebuild_the_network():
    playground = Playground("spiral", hidden=[4, 4], seed=0)
    playground.layers.value = 3
    playground.units.value = 7
    assert playground.trainer.hidden == [7, 7, 7]
    assert "2–7–7–7–1" in playground.axes[0].get_title()
    assert "141 parameters" in playground.status.value  # 21 + 56 + 56 + 8
    assert playground.trainer.model.n_params() == (2 * 7 + 7) + 2 * (7 * 7 + 7) + (7 + 1)
    playground.activation.value = "relu"
    assert playground.trainer.activation == "relu"
    playground.layers.value = 0
    assert "2–1" in playground.axes[0].get_title()


def test_training_controls_change_the_running_trainer():
    playground = Playground("xor", seed=0)
    trainer = playground.trainer
    playground.learning_rate.value = 0.5
    playground.batch_size.value = 25
    playground.l2.value = 0.01
    assert playground.trainer is trainer  # training continues with the new settings
    assert trainer.learning_rate == pytest.approx(0.5)
    assert trainer.optimizer.learning_rate == pytest.approx(0.5)
    assert trainer.batch_size == 25 and trainer.l2 == 0.01
    assert "4 per epoch" in playground.status.value
    playground.epochs_per_step.value = 7
    playground.step()
    assert trainer.epoch == 7


def test_hidden_units_are_drawn_with_their_outgoing_weights():
    playground = Playground("circles", hidden=[5, 5], seed=0)
    assert playground.units_picture.layout.display == "none"
    playground.show_units.value = True
    assert len(playground.unit_images) == 5
    assert playground.units_picture.layout.display != "none" and playground.units_picture.value
    last = hidden_outputs(playground.trainer.model, grid_points())[-1]
    np.testing.assert_allclose(playground.unit_images[2].get_array(), last[:, 2].reshape(RESOLUTION, RESOLUTION))
    weight = dense_layers(playground.trainer.model)[-1].params["W"][0, 2]
    assert playground.unit_images[2].axes.get_title() == f"unit 3: w = {weight:.2f}".replace("-", "−")
    playground.units.value = 3
    assert len(playground.unit_images) == 3


def test_redraws_blit_until_the_layout_changes():
    playground = Playground("xor", hidden=[4], epochs_per_step=1, seed=0)
    playground.refresh()
    full = playground.full_draws
    for _ in range(3):
        playground.step()  # epochs 1–3: the loss axis keeps its limits
    assert playground.full_draws == full
    playground.layers.value = 2  # a new title: drawn on the background, not in full
    assert playground.full_draws == full
    assert playground.axes[0].get_title().startswith("Network 2–4–4–1")


def _drawn_afresh(playground) -> np.ndarray:
    """The playground's figure as a new Blitter draws it: in full, with nothing kept."""
    fresh = Blitter(playground.fig)
    png = fresh.render(playground._dynamic_artists(), playground._layout_key(), "png", playground._redrawn())
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def test_new_titles_and_loss_limits_are_drawn_as_a_full_draw_shows_them():
    playground = Playground("xor", hidden=[4], epochs_per_step=1, seed=0)
    playground.refresh()
    changes = [
        lambda: setattr(playground.layers, "value", 3),  # a new title over the map
        lambda: setattr(playground.epochs_per_step, "value", 30),
        playground.step,  # 30 epochs: new limits of the loss plot
        lambda: setattr(playground.units, "value", 7),
    ]
    for change in changes:
        change()
        blitted = np.asarray(Image.open(io.BytesIO(playground.render("png"))).convert("RGB"))
        assert playground.full_draws == 1
        np.testing.assert_array_equal(blitted, _drawn_afresh(playground))
        if change is playground.step:
            assert playground.axes[1].get_xlim() == (0.0, 40.0)
    # Drawn again alone: the titles of the new networks, the loss plot after 30 epochs.
    assert playground._blitter.axes_draws == 3
    assert playground.axes[1].get_xlim() == (0.0, 10.0)


def test_the_units_figure_is_reused_and_laid_out_for_the_units_shown():
    playground = Playground("xor", hidden=[12, 12], epochs_per_step=1, seed=0)
    playground.show_units.value = True
    figure = playground.units_fig
    assert [image.axes.get_visible() for image in playground.unit_images] == [True] * 12
    assert tuple(figure.get_size_inches()) == pytest.approx((8 * 1.3, 2 * 1.55 + 0.45))
    rows = sorted({round(image.axes.get_position().y0, 6) for image in playground.unit_images})
    assert len(rows) == 2  # 8 maps in the first row, 4 in the second
    playground.units.value = 3
    assert playground.units_fig is figure and len(playground.unit_images) == 3
    hidden = [ax for ax in figure.axes if not ax.get_visible()]
    assert len(hidden) == 9
    # Three maps side by side, centred under the figure's title, which is not cut off.
    boxes = [image.axes.get_position() for image in playground.unit_images]
    assert len({round(box.y0, 6) for box in boxes}) == 1
    assert boxes[0].x0 == pytest.approx(1 - boxes[-1].x1)
    assert figure.get_size_inches()[0] >= 6.6
    picture = Image.open(io.BytesIO(playground.units_picture.value))
    assert picture.format == playground.units_picture.format.upper()
    assert picture.size == tuple(round(v * figure.dpi) for v in figure.get_size_inches())


def test_swedish_playground_speaks_swedish_with_decimal_commas():
    set_language("sv")
    playground = Playground("moons", learning_rate=0.3, epochs_per_step=4, seed=0)
    playground.step()
    status = playground.status.value
    assert "Epok 4" in status and "förlust: träning" in status and "träffsäkerhet" in status
    assert re.search(r"\d,\d{3}", status)
    assert not re.search(r"\d\.\d", status)
    assert playground.axes[1].get_xlabel() == "epok"
    assert playground.epoch_text.get_text() == "epok 4"
    assert dict(playground.dataset.options)["två månar"] == "moons"
    assert playground.reset_button.description == "Börja om"
    assert [label for label, _ in playground.l2.options][:3] == ["av", "0,0001", "0,001"]
    playground.show_units.value = True
    assert re.fullmatch(r"nod 1: w = −?\d,\d\d", playground.unit_images[0].axes.get_title())


# ---------------------------------------------------------------------------------------
# The student's train_step (exercise 07)
# ---------------------------------------------------------------------------------------

def test_the_students_correct_train_step_trains_and_agrees():
    playground = Playground("xor", hidden=[8], learning_rate=0.1, epochs_per_step=20, seed=0,
                            student_train_step=reference_train_step)
    assert playground.activation.disabled and playground.l2.disabled and playground.layers.disabled
    assert playground.trainer.activation == "relu" and playground.trainer.hidden == [8]
    playground.refresh()
    before = playground.image.get_array().copy()
    playground.step()
    playground.step()
    trainer = playground.trainer
    assert trainer.train_losses[-1] < 0.8 * trainer.train_losses[0]
    assert np.abs(playground.image.get_array() - before).max() > 0.1
    assert "✔" in playground.status.value and "reference_train_step" in playground.status.value
    assert playground.axes[0].get_title() == "Network 2–8–1, your train_step: ŷ (kept in 0…1)"
    assert trainer.student_difference < 1e-12


def test_a_wrong_train_step_is_named_but_still_drives_the_network():
    def sign_error(X, Y, W1, b1, W2, b2, learning_rate):
        W1n, b1n, W2n, b2n, loss = reference_train_step(X, Y, W1, b1, W2, b2, learning_rate)
        return W1 + (W1 - W1n), b1n, W2n, b2n, loss  # the step of W1 goes uphill

    playground = Playground("xor", hidden=[4], seed=0, student_train_step=sign_error)
    playground.step()
    assert "✘" in playground.status.value
    assert playground.trainer.epoch == 5


@pytest.mark.parametrize(
    "body, expected",
    [
        ("raise NotImplementedError('Replace this')", "not answered yet"),
        ("raise ValueError('shapes do not fit')", "ValueError: shapes do not fit"),
        ("return W1, b1", "must return (W1, b1, W2, b2, loss)"),
        ("return W1[:1], b1, W2, b2, 0.0", "expected shape (4, 2); yours: (1, 2)"),
        ("return W1 * np.inf, b1, W2, b2, 0.0", "NaN or infinite"),
    ],
)
def test_the_students_mistakes_are_reported_not_raised(body, expected):
    namespace = {"np": np}
    exec(f"def train_step(X, Y, W1, b1, W2, b2, learning_rate):\n    {body}\n", namespace)
    playground = Playground("xor", hidden=[4], seed=0, student_train_step=namespace["train_step"])
    playground.step()
    assert expected in playground.status.value
    assert playground.trainer.epoch == 0


def test_a_student_function_that_is_not_callable_is_refused():
    with pytest.raises(TypeError, match="train_step.*received int"):
        Playground("xor", student_train_step=3)


def test_a_slide_deck_gets_the_picture_without_controls(monkeypatch):
    from course.widgets.base import STATIC_WIDGETS

    shown = []
    monkeypatch.setenv(STATIC_WIDGETS, "1")
    monkeypatch.setattr("course.widgets.playground.display", lambda obj, raw=False: shown.append(obj))
    Playground("moons", seed=0)._ipython_display_()
    assert len(shown) == 1 and set(shown[0]) == {"image/png", "text/plain"}
    assert shown[0]["image/png"].startswith("iVBORw0KGgo")  # base64 of the PNG signature
