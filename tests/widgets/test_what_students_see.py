"""What a student must see after moving a control, read from the drawn figure.

Each test moves a control as a student would (``control.value = ...``) and states, with
numbers worked out here by hand, what the figure and the status line then show: where a
marker sits, which points a line draws and in what order, the axis limits, what is visible
and which language the verdict is in. The widgets' own attributes (``path``, ``losses``)
are not trusted: the expected values come from the formulas in the comments.

How these tests were checked to catch real bugs (issue 17): each widget bug below was
planted, one at a time, in a scratch copy of the repository, and this module was run
against the copy (``course.__file__`` under /tmp/mut); the clean copy passed (17 tests) and
every plant made tests here fail (failures in brackets). The commands, from /work/main::

    git worktree add --detach /tmp/mut HEAD
    cp tests/widgets/artists.py tests/widgets/test_what_students_see.py /tmp/mut/tests/widgets/
    cd /tmp/mut && sed -i '<the plant>' course/widgets/descent.py
    PYTHONPATH=/tmp/mut /work/main/.venv/bin/python -m pytest -q -p no:xdist -p no:cacheprovider \
        tests/widgets/test_what_students_see.py
    git checkout -- course    # then the next plant; at the end: git worktree remove --force /tmp/mut

The plants (course/widgets/descent.py unless named):
1. LearningRateDescent's end marker at the start: ``self.end_marker.set_data(self.path[:1], self.losses[:1])`` [4];
2. diverging paths not clipped: ``_shown`` returns ``len(xs)`` [1];
3. SurfaceDescent's loss line reversed: ``self.loss_line.set_data(np.arange(len(self.losses)), self.losses[::-1])`` [2];
4. TwoMinimaDescent's start marker at the end: ``self.start_marker.set_data(self.path[-1:], double_well(self.path[-1:]))`` [3];
5. the loss axis limits removed: the ``ax_loss.set_ylim(...)`` line of LearningRateDescent [3]
   and, separately, of SurfaceDescent [2] deleted;
6. course/widgets/architecture.py: the colour bar always shown (``self.colorbar.ax.set_visible(True)``) [1];
7. course/strings/descent.py: the Swedish ``descent.verdict_converged`` replaced by its English text [1].
"""

from __future__ import annotations

import numpy as np
import pytest

from course import set_language
from course.i18n import t
from course.widgets.architecture import ArchitectureBuilder
from course.widgets.descent import LearningRateDescent, SurfaceDescent, TwoMinimaDescent

from .artists import line_at, snapshot

# The lesson's hand-worked data, points (1, 1) and (2, 5), for y = a·x²:
# L(a) = ½[(1 − a)² + (5 − 4a)²], L'(a) = 17a − 21, a* = 21/17, divergence above η = 2/17.
X_HAND = np.array([1.0, 2.0])
Y_HAND = np.array([1.0, 5.0])


def hand_loss(a):
    a = np.asarray(a, dtype=float)
    return 0.5 * ((1 - a) ** 2 + (5 - 4 * a) ** 2)


def hand_path(learning_rate: float, n_steps: int, start: float = 0.0) -> np.ndarray:
    path = [start]
    for _ in range(n_steps):
        path.append(path[-1] - learning_rate * (17 * path[-1] - 21))
    return np.array(path)


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language("en")


def test_hand_path_is_the_lessons_example():
    # a_1 = 0 − 0.05·(−21) = 1.05; a_2 = 1.05 − 0.05·(17·1.05 − 21) = 1.2075
    np.testing.assert_allclose(hand_path(0.05, 2), [0.0, 1.05, 1.2075])
    assert hand_loss(0.0) == pytest.approx(13.0)


# LearningRateDescent


@pytest.mark.parametrize("learning_rate, n_steps", [(0.05, 3), (0.05, 12), (0.02, 7)])
def test_end_marker_sits_on_the_last_iterate(learning_rate, n_steps):
    widget = LearningRateDescent(X_HAND, Y_HAND)
    widget.learning_rate.value = learning_rate
    widget.n_steps.value = n_steps
    view = snapshot(widget)
    curve = view.plots[0]
    expected = hand_path(learning_rate, n_steps)
    end = line_at(curve, widget.end_marker)
    np.testing.assert_allclose(end.points, [[expected[-1], hand_loss(expected[-1])]], rtol=1e-9)
    assert end.visible
    # and the path line runs from the start a_0 = 0 to that same point, every iterate drawn
    path = line_at(curve, widget.path_line)
    np.testing.assert_allclose(path.x, expected, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(path.y, hand_loss(expected), rtol=1e-9)


def test_a_diverging_path_is_drawn_up_to_its_first_point_outside_the_view():
    # η = 0.15 > 2/17: a_k − a* = (1 − 17η)^k (a_0 − a*) = (−1.55)^k · (−21/17), growing and alternating
    widget = LearningRateDescent(X_HAND, Y_HAND)
    widget.learning_rate.value = 0.15
    widget.n_steps.value = 30
    view = snapshot(widget)
    curve = view.plots[0]
    expected = hand_path(0.15, 30)
    inside = curve.contains(expected, hand_loss(expected))
    first_outside = int(np.flatnonzero(~inside)[0])
    assert 1 <= first_outside < 10, "the example should leave the view within a few steps"
    path = line_at(curve, widget.path_line)
    np.testing.assert_allclose(path.x, expected[: first_outside + 1], rtol=1e-9)
    assert curve.contains(path.x[:-1], path.y[:-1]).all()
    # the end marker shows where the path leaves the view, not a point far outside it
    end = line_at(curve, widget.end_marker)
    np.testing.assert_allclose(end.x, expected[first_outside : first_outside + 1], rtol=1e-9)
    assert "Diverg" in view.status


@pytest.mark.parametrize("learning_rate, n_steps", [(0.05, 10), (0.002, 40), (0.13, 25)])
def test_loss_axes_show_every_loss_and_every_step(learning_rate, n_steps):
    widget = LearningRateDescent(X_HAND, Y_HAND)
    widget.learning_rate.value = learning_rate
    widget.n_steps.value = n_steps
    loss_axes = snapshot(widget).plots[1]
    drawn = line_at(loss_axes, widget.loss_line)
    np.testing.assert_array_equal(drawn.x, np.arange(len(drawn.x)))
    expected = hand_loss(hand_path(learning_rate, n_steps))[: len(drawn.y)]
    np.testing.assert_allclose(drawn.y, expected, rtol=1e-9)
    assert loss_axes.contains(drawn.x, drawn.y).all(), (loss_axes.xlim, loss_axes.ylim, drawn.y.min(), drawn.y.max())
    assert loss_axes.xlim[0] <= 0 and loss_axes.xlim[1] >= n_steps
    # the minimum loss L(a*) is on the axes too, so a student sees how far from it the path is
    assert loss_axes.contains([0], [hand_loss(21 / 17)]).all()


def test_swedish_verdict_is_swedish():
    set_language("sv")
    widget = LearningRateDescent(X_HAND, Y_HAND)
    widget.learning_rate.value = 0.05
    widget.n_steps.value = 40
    status = snapshot(widget).status
    assert widget.verdict == "converged"
    assert status.startswith("Konvergerar"), status
    assert t("descent.verdict_converged", "en", steps=40) not in status
    assert "40 steg" in status


def test_english_verdict_is_english():
    widget = LearningRateDescent(X_HAND, Y_HAND)
    widget.learning_rate.value = 0.05
    widget.n_steps.value = 40
    assert snapshot(widget).status.startswith("Converged")


# TwoMinimaDescent: L(w) = w⁴ − 3w² + w, L'(w) = 4w³ − 6w + 1


def double_well(w):
    w = np.asarray(w, dtype=float)
    return w**4 - 3 * w**2 + w


@pytest.mark.parametrize("start", [-1.0, 0.5, 1.8])
def test_start_marker_sits_on_the_chosen_start(start):
    widget = TwoMinimaDescent(n_steps=40)
    widget.start.value = start
    view = snapshot(widget)
    marker = line_at(view.plots[0], widget.start_marker)
    np.testing.assert_allclose(marker.points, [[start, double_well(start)]], rtol=1e-9, atol=1e-12)
    path = line_at(view.plots[0], widget.path_line)
    assert path.x[0] == pytest.approx(start)
    # w_1 = w_0 − η L'(w_0), η = 0.02 (the default)
    assert path.x[1] == pytest.approx(start - 0.02 * (4 * start**3 - 6 * start + 1))
    assert abs(path.x[-1] - start) > 0.1, "the path moved, so start and end differ"


# SurfaceDescent: L(a, b) = (1/N) Σ (y − a x − b)², ∇L = (−2/N) Σ (y − a x − b)·(x, 1)


def line_data():
    x = np.array([0.0, 1.0, 2.0, 3.0])
    return x, 2.0 * x + 1.0 + np.array([0.1, -0.2, 0.2, -0.1])


def hand_surface_path(x, y, start, learning_rate, n_steps):
    theta = np.array(start, dtype=float)
    path = [theta.copy()]
    for _ in range(n_steps):
        r = y - (theta[0] * x + theta[1])
        theta = theta - learning_rate * np.array([np.mean(-2 * r * x), np.mean(-2 * r)])
        path.append(theta.copy())
    return np.array(path)


def hand_surface_loss(x, y, path):
    return np.array([np.mean((y - a * x - b) ** 2) for a, b in path])


def test_surface_loss_line_runs_in_step_order():
    x, y = line_data()
    widget = SurfaceDescent(x, y, learning_rate=0.05, start=(-1.0, 4.0))
    widget.n_steps.value = 25
    view = snapshot(widget)
    loss_axes = view.plots[1]
    drawn = line_at(loss_axes, widget.loss_line)
    path = hand_surface_path(x, y, (-1.0, 4.0), 0.05, 25)
    expected = hand_surface_loss(x, y, path)
    np.testing.assert_array_equal(drawn.x, np.arange(26))
    np.testing.assert_allclose(drawn.y, expected, rtol=1e-9)
    assert drawn.y[0] > drawn.y[-1], "a converging descent starts high and ends low"
    # the loss axes show every loss
    assert loss_axes.contains(drawn.x, drawn.y).all(), (loss_axes.ylim, drawn.y.min(), drawn.y.max())
    assert loss_axes.xlim[0] <= 0 and loss_axes.xlim[1] >= 25
    # the surface shows the same path, starting at (a_0, b_0) with its start marker there
    surface = view.plots[0]
    drawn_path = line_at(surface, widget.path_line)
    np.testing.assert_allclose(drawn_path.points, path[: len(drawn_path.x)], rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(line_at(surface, widget.start_marker).points, [[-1.0, 4.0]])


def test_surface_loss_axes_follow_a_new_start():
    x, y = line_data()
    widget = SurfaceDescent(x, y, learning_rate=0.05, start=(-1.0, 4.0), n_steps=10)
    widget.a0.value = 5.0
    widget.b0.value = -3.0
    loss_axes = snapshot(widget).plots[1]
    drawn = line_at(loss_axes, widget.loss_line)
    expected = hand_surface_loss(x, y, hand_surface_path(x, y, (5.0, -3.0), 0.05, 10))
    np.testing.assert_allclose(drawn.y, expected, rtol=1e-9)
    assert loss_axes.contains(drawn.x, drawn.y).all(), (loss_axes.ylim, drawn.y.min(), drawn.y.max())


# ArchitectureBuilder


def test_colour_bar_only_with_a_two_dimensional_picture():
    widget = ArchitectureBuilder(n_in=2)
    widget.width.value = 4  # any change draws the picture of the 2-input network
    view = snapshot(widget)
    assert view.visible_colorbars == 1
    assert view.plots[1].images_visible == (True,)
    assert not any(line.visible for line in view.plots[1].lines)

    widget.n_in.value = 1
    view = snapshot(widget)
    assert view.visible_colorbars == 0, "one input draws curves, which have no colour scale"
    assert view.plots[1].images_visible == (False,)
    assert [line.visible for line in view.plots[1].lines] == [True, False, False, False, False]

    widget.n_out.value = 3
    view = snapshot(widget)
    assert view.visible_colorbars == 0
    assert [line.visible for line in view.plots[1].lines] == [True, True, True, False, False]

    widget.n_in.value = 3
    assert snapshot(widget).visible_colorbars == 1


def test_one_input_curves_are_inside_the_view():
    widget = ArchitectureBuilder(n_in=1, n_out=2)
    widget.width.value = 5
    right = snapshot(widget).plots[1]
    shown = [line for line in right.lines if line.visible]
    assert len(shown) == 2
    for line in shown:
        assert line.x.size == 201
        assert right.contains(line.x, line.y).all()
