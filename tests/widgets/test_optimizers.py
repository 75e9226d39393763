import numpy as np
import pytest

from course import set_language
from course.plots import new_figure
from course.widgets.controls import readout
from course.widgets.optimizers import (
    DIVERGENCE_LIMIT,
    RACE_DEFAULTS,
    REACHED,
    SURFACES,
    Curve,
    InitHistograms,
    LayerStats,
    OptimizerRace,
    Point,
    Trial,
    best_trial,
    descend,
    diagnose,
    initializer,
    layer_activations,
    layer_stats,
    make_optimizers,
    plot_curves,
    plot_search,
    race,
    random_search,
    steps_to_reach,
    training_curve,
)
from nnlib.gradcheck import numerical_gradient
from nnlib.losses import CrossEntropy
from nnlib.model import MLP
from nnlib.optim import SGD, Adam

from .artists import line_in


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language("en")


# Surfaces and optimisers


@pytest.mark.parametrize("name", list(SURFACES))
def test_surface_gradients_match_central_differences_and_vanish_at_the_minimum(name):
    chosen = SURFACES[name]
    for w in (np.array(chosen.start), np.array([0.3, -0.7])):
        numeric = numerical_gradient(lambda v: float(chosen.loss(v[0], v[1])), w.copy())
        np.testing.assert_allclose(chosen.gradient(w), numeric, atol=1e-6)
    np.testing.assert_allclose(chosen.gradient(np.array(chosen.minimum)), 0.0, atol=1e-12)
    assert chosen.loss(*chosen.minimum) == pytest.approx(0.0)


def test_momentum_by_hand_through_nnlib():
    # g = (1, ±1), mu = 0.9, eta = 0.1: v = (1, 1), (1.9, -0.1), (2.71, 0.91)
    point, optimizer = Point([0.0, 0.0]), SGD(learning_rate=0.1, momentum=0.9)
    velocities = []
    for step in range(1, 4):
        point.grads["w"] = np.array([1.0, 1.0 if step % 2 else -1.0])
        optimizer.step(point)
        velocities.append(optimizer.velocity["w"].copy())
    np.testing.assert_allclose(velocities, [[1, 1], [1.9, -0.1], [2.71, 0.91]])
    np.testing.assert_allclose(point.params["w"], [-0.561, -0.181])


def test_adam_first_step_is_eta_whatever_the_gradient_scale():
    point, adam = Point([0.0, 0.0]), Adam(learning_rate=0.1)
    point.grads["w"] = np.array([4.0, 0.004])
    adam.step(point)
    np.testing.assert_allclose(point.params["w"], [-0.1, -0.1], rtol=1e-5)


def test_descend_on_the_bowl_by_hand():
    # L = ½|w|², g = w: plain gradient descent multiplies w by (1 - eta) every step
    path = descend(SURFACES["bowl"].gradient, (-2.0, 1.5), SGD(learning_rate=0.1), 3)
    np.testing.assert_allclose(path, [[-2.0, 1.5], [-1.8, 1.35], [-1.62, 1.215], [-1.458, 1.0935]])
    one_step = descend(SURFACES["bowl"].gradient, (-2.0, 1.5), SGD(learning_rate=1.0), 1)
    np.testing.assert_allclose(one_step[-1], [0.0, 0.0])


def test_descend_stops_a_diverging_path_with_finite_values():
    # Ravine: plain SGD diverges for eta > 2/10
    path = descend(SURFACES["ravine"].gradient, SURFACES["ravine"].start, SGD(learning_rate=0.25), 500)
    assert len(path) < 501 and np.all(np.isfinite(path))
    assert np.max(np.abs(path)) <= DIVERGENCE_LIMIT
    stable = descend(SURFACES["ravine"].gradient, SURFACES["ravine"].start, SGD(learning_rate=0.19), 500)
    assert len(stable) == 501
    with pytest.raises(ValueError, match="whole number >= 0"):
        descend(SURFACES["bowl"].gradient, (0, 0), SGD(0.1), -1)


def test_race_on_the_ravine_momentum_and_adam_beat_sgd():
    chosen = SURFACES["ravine"]
    paths = race("ravine", make_optimizers(**RACE_DEFAULTS["ravine"]), 150)
    reached = {name: steps_to_reach(chosen.loss(p[:, 0], p[:, 1]), REACHED) for name, p in paths.items()}
    assert reached["sgd"] is None
    assert reached["momentum"] < 100 and reached["adam"] < 100
    assert steps_to_reach([3.0, 2.0, 0.5, 0.1], 1.0) == 2


def test_unknown_names_are_reported():
    with pytest.raises(ValueError, match="bowl, ravine, banana"):
        race("saddle", make_optimizers(**RACE_DEFAULTS["bowl"]), 5)
    with pytest.raises(ValueError, match="zeros, small, large, xavier, he"):
        initializer("uniformish")
    with pytest.raises(ValueError, match="'tanh' or 'relu'"):
        layer_activations("he", "sigmoid")


# Initialisation


def test_layer_statistics_match_the_variance_rule():
    # Var(z) = n_in Var(w) E[a²]: with std 0.01 and n_in = 100 the spread shrinks ×0.1 per tanh layer
    small = [layer_stats(A).std for A in layer_activations("small", "tanh")]
    np.testing.assert_allclose(np.array(small[1:]) / np.array(small[:-1]), 0.1, rtol=0.1)
    he = [layer_stats(A).std for A in layer_activations("he", "relu")]
    assert max(he) / min(he) < 1.3
    large = [layer_stats(A) for A in layer_activations("large", "tanh")]
    assert all(layer.saturated > 0.7 for layer in large)
    zeros = [layer_stats(A) for A in layer_activations("zeros", "relu")]
    assert all(layer.identical and layer.dead == 1.0 for layer in zeros)
    stats = layer_stats(np.array([[0.0, 1.0, 0.995], [0.0, -0.5, 0.2]]))
    assert stats.dead == pytest.approx(1 / 3) and stats.saturated == pytest.approx(2 / 6) and not stats.identical


@pytest.mark.parametrize(("init", "activation", "verdict"), [
    ("zeros", "tanh", "identical"), ("small", "tanh", "vanishing"), ("small", "relu", "vanishing"),
    ("large", "tanh", "saturated"), ("large", "relu", "exploding"), ("xavier", "tanh", "healthy"),
    ("he", "relu", "healthy"),
])
def test_diagnose(init, activation, verdict):
    assert diagnose([layer_stats(A) for A in layer_activations(init, activation)], activation) == verdict


def test_init_widget_histograms_titles_and_status_follow_the_menus():
    widget = InitHistograms(init="xavier", activation="tanh")
    widget.refresh()
    assert widget.verdict == "healthy"
    heights = [sum(patch.get_height() for patch in ax.patches) for ax in widget.axes]
    np.testing.assert_allclose(heights, 1.0)  # each histogram shows shares that add up to 1
    assert widget.axes[0].get_xlim() == pytest.approx((-1.05, 1.05))
    title = widget.axes[2].get_title()

    widget.init.value = "large"
    assert widget.verdict == "saturated"
    edge_share = sum(patch.get_height() for patch in widget.axes[4].patches
                     if abs(patch.get_x()) > 0.95 or abs(patch.get_x() + patch.get_width()) > 0.95)
    assert edge_share > 0.7
    assert widget.axes[2].get_title() != title
    assert "Saturated values" in widget.status.value and "79 ·" in widget.status.value

    widget.activation.value = "relu"
    assert widget.verdict == "exploding"
    assert widget.axes[4].get_xlim()[1] > 1000  # the spread explodes: read it off the axis
    widget.init.value = "small"
    assert widget.verdict == "vanishing"
    assert widget.axes[4].patches[0].get_height() == pytest.approx(1.0)  # everything in the bar at 0
    widget.init.value = "zeros"
    assert "symmetry is never broken" in widget.status.value and "100 · 100" in widget.status.value


def test_race_widget_paths_status_and_surface_switch(screen):
    widget = OptimizerRace("ravine", n_steps=150)
    widget.refresh()
    for name, line in widget.path_lines.items():
        np.testing.assert_allclose(np.column_stack(line.get_data()), widget.paths[name])
        assert line.get_xdata()[0] == pytest.approx(SURFACES["ravine"].start[0])
    assert "SGD</span>: not there yet" in widget.status.value
    assert "Adam</span>: at the minimum after" in widget.status.value
    assert widget.axes[0].get_xlim() == pytest.approx((-5.0, 5.0))

    widget.lr_sgd.value = 0.25
    assert "SGD</span>: diverged" in widget.status.value
    widget.momentum.value = 0.0
    np.testing.assert_allclose(widget.paths["momentum"],
                               descend(SURFACES["ravine"].gradient, SURFACES["ravine"].start,
                                       SGD(widget.lr_momentum.value), 150))

    pictures = screen.watch(widget)
    widget.surface.value = "banana"
    # One new picture for the surface and its default settings, not one per setting, and it
    # already shows the new surface: its window, title and minimum at (1, 1).
    [picture] = pictures
    race_view = picture.plots[0]
    assert race_view.ylim == pytest.approx((-1.0, 3.0))
    assert race_view.title.startswith("Rosenbrock-like valley")
    assert line_in(picture, widget.minimum_marker).points.tolist() == [[1.0, 1.0]]
    for name, line in widget.path_lines.items():
        np.testing.assert_allclose(line_in(picture, line).points[0], SURFACES["banana"].start)
    assert widget.lr_adam.value == pytest.approx(RACE_DEFAULTS["banana"]["lr_adam"])
    assert widget.momentum.value == pytest.approx(RACE_DEFAULTS["banana"]["momentum"])
    assert widget.minimum_marker.get_xdata()[0] == pytest.approx(1.0)
    assert widget.axes[0].get_ylim() == pytest.approx((-1.0, 3.0))
    assert widget.axes[0].get_title().startswith("Rosenbrock-like valley")

    widget.n_steps.value = 20
    assert all(len(path) == 21 for path in widget.paths.values())
    assert widget.loss_lines["adam"].get_xdata()[-1] == 20
    assert widget.axes[1].get_xlim() == pytest.approx((0, 20))


def test_swedish_race_and_init_widgets():
    set_language("sv")
    widget = OptimizerRace("ravine")
    widget.refresh()
    assert widget.axes[0].get_title() == "ravin: $L = 0{,}05\\,w_1^2 + 5\\,w_2^2$"
    assert "vid minimum efter" in widget.status.value and "inte framme än, L = 0,0" in widget.status.value
    assert readout(widget.lr_sgd).value == "0,190"
    assert [label for label, _ in widget.surface.options] == ["skål", "ravin", "Rosenbrocklik dal"]

    histograms = InitHistograms(init="small", activation="tanh")
    histograms.refresh()
    assert histograms.axes[0].get_title().startswith("lager 1: std.av. 0,09")
    assert "Signalen dör ut" in histograms.status.value and "(|a| > 0,99)" in histograms.status.value


# Training curves and the search


@pytest.fixture(scope="module")
def blobs_data():
    from nnlib.datasets import blobs

    X, y = blobs(120, centers=3, std=0.6, rng=0)
    return X, y


def test_training_curve_counts_updates_and_reports_divergence(blobs_data):
    X, y = blobs_data
    curve = training_curve(lambda: MLP([2, 8, 3], rng=0), CrossEntropy(), SGD(0.1), X, y, epochs=5, batch_size=32)
    assert curve.updates_per_epoch == 4 and len(curve.loss) == 5 and not curve.diverged
    assert curve.loss[-1] < curve.loss[0]
    exploded = training_curve(lambda: MLP([2, 8, 3], rng=0), CrossEntropy(), SGD(1e6), X * 1e3, y, epochs=40)
    assert exploded.diverged and exploded.updates_per_epoch == 1


def test_plot_curves_and_search_draw_what_they_are_given():
    set_language("sv")
    fig, ax = new_figure()
    good = Curve(np.array([1.0, 0.5, 0.25]), np.array([]), 9, False)
    bad = Curve(np.array([np.inf]), np.array([]), 9, True)
    plot_curves(ax, {0.3: good, 30.0: bad}, kind="lr")
    np.testing.assert_allclose(ax.lines[0].get_ydata(), [1.0, 0.5, 0.25])
    assert [text.get_text() for text in ax.get_legend().get_texts()] == ["η = 0,3", "η = 30 (divergerade)"]
    fig, ax = new_figure()
    plot_curves(ax, {8: good, None: good}, kind="batch", per_update=True, n_samples=270)
    np.testing.assert_allclose(ax.lines[0].get_xdata(), [9, 18, 27])
    assert ax.get_legend().get_texts()[1].get_text() == "hela mängden (270)"

    trials = [Trial(0.01, 8, 0.8, 0.9), Trial(0.1, 16, 0.95, 0.97), Trial(1.0, 8, float("nan"), float("nan"))]
    best = best_trial(trials)
    assert best.learning_rate == 0.1
    fig, ax = new_figure()
    plot_search(ax, trials, best)
    assert ax.get_title() == "slumpmässig sökning: 3 försök"
    np.testing.assert_allclose(ax.collections[-1].get_offsets(), [[0.1, 0.95]])
    with pytest.raises(ValueError, match="every trial diverged"):
        best_trial([Trial(1.0, 8, float("nan"), float("nan"))])


def test_random_search_is_reproducible_and_uses_only_the_validation_set(blobs_data):
    X, y = blobs_data
    first = random_search((X[:80], y[:80]), (X[80:], y[80:]), n_trials=3, epochs=3, rng=5)
    again = random_search((X[:80], y[:80]), (X[80:], y[80:]), n_trials=3, epochs=3, rng=5)
    assert first == again
    assert all(1e-3 <= trial.learning_rate <= 1.0 for trial in first)
    assert all(trial.hidden in (2, 4, 8, 16, 32) for trial in first)
    assert isinstance(first[0], Trial) and isinstance(LayerStats(0.0, 0.0, 0.0, False), LayerStats)


def test_training_curves_widget_retrains_on_every_control(blobs_data):
    from course.widgets.optimizers import TrainingCurves

    X, y = blobs_data
    widget = TrainingCurves(lambda: MLP([2, 8, 3], rng=0), (X[:90], y[:90]), (X[90:], y[90:]), epochs=6,
                            learning_rate=0.05, batch_size=32)
    widget.refresh()
    first = widget.train_line.get_ydata().copy()
    assert len(first) == 6 and len(widget.val_line.get_ydata()) == 6
    assert "18 weight updates" in widget.status.value  # ceil(90/32) = 3 updates × 6 epochs
    assert len(widget.previous_train.get_ydata()) == 0

    widget.optimizer.value = "adam"
    np.testing.assert_allclose(widget.previous_train.get_ydata(), first)  # the last run, faded
    assert not np.allclose(widget.train_line.get_ydata(), first)
    widget.batch_size.value = None
    assert "6 weight updates" in widget.status.value
    widget.batch_size.value = 8
    assert "72 weight updates" in widget.status.value
    assert widget.ax.get_ylim()[1] >= widget.train_line.get_ydata().max()


def test_training_curves_widget_reports_divergence_in_swedish(blobs_data):
    from course.widgets.optimizers import TrainingCurves

    set_language("sv")
    X, y = blobs_data
    widget = TrainingCurves(lambda: MLP([2, 8, 3], rng=0), (X[:90] * 1e3, y[:90]), (X[90:], y[90:]), epochs=40,
                            learning_rate=10.0, batch_size=None)
    widget.refresh()
    assert widget.curve.diverged
    assert "inlärningstakten är för stor" in widget.status.value
    assert len(widget.train_line.get_xdata()) == 0
    assert widget.batch_size.options[-1][0] == "hela mängden (90)"
    assert readout(widget.learning_rate).value == "10"
    with pytest.raises(ValueError, match="batch_size one of"):
        TrainingCurves(lambda: MLP([2, 8, 3], rng=0), (X, y), (X, y), batch_size=7)
