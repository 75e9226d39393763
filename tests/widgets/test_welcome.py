import re

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.patches import Circle

from course import set_language
from course.build import REPO_ROOT
from course.chapters import CHAPTERS
from course.source import parse_source
from course.widgets.welcome import NeuronCurveWidget, draw_network, layer_positions, midpoint, neuron_output
from course.widgets.controls import readout

from .artists import line_in

WELCOME_SOURCE = REPO_ROOT / "course" / "content" / "lessons" / "00_welcome.py"
# Chapters whose lessons the start page must link even before their sources land.
FIRST_LESSONS = 7


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language("en")


def test_neuron_output_by_hand():
    # z = 2 · 1.5 − 1 = 2, σ(2) = 1 / (1 + e^−2) = 1 / 1.135335 = 0.880797
    assert float(neuron_output(1.5, 2.0, -1.0)) == pytest.approx(0.8807970779778823)
    # w = 3, b = −3: z = −3 at x = 0, σ(−3) = 1 / (1 + e³) = 0.047426; z = 0 at x = 1, σ(0) = 1/2
    np.testing.assert_allclose(neuron_output([0.0, 1.0], 3.0, -3.0), [0.0474258731775668, 0.5])


def test_neuron_output_saturates_without_overflow():
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        y = neuron_output(np.array([-1000.0, 1000.0]), 5.0, 0.0)
    np.testing.assert_allclose(y, [0.0, 1.0])


def test_midpoint_is_where_the_output_is_one_half():
    assert midpoint(2.0, -1.0) == pytest.approx(0.5)
    assert float(neuron_output(midpoint(-4.0, 3.0), -4.0, 3.0)) == pytest.approx(0.5)
    assert midpoint(0.0, 1.0) is None


def test_sliders_move_the_curve_the_point_and_the_numbers(screen):
    widget = NeuronCurveWidget(w=2.0, b=-1.0, x=1.5)
    widget.refresh()
    pictures = screen.watch(widget)
    assert "0.881" in widget.status.value
    np.testing.assert_allclose(widget.point.get_data(), ([1.5], [neuron_output(1.5, 2.0, -1.0)]))
    np.testing.assert_allclose(widget.middle.get_xdata(), [0.5, 0.5])
    before = widget.curve.get_ydata().copy()

    widget.w.value = -2.0
    after = widget.curve.get_ydata()
    np.testing.assert_allclose(after, neuron_output(widget.xs, -2.0, -1.0))
    assert after[0] > after[-1]  # a negative weight turns the curve around
    assert not np.allclose(before, after)
    # σ(−2 · 1.5 − 1) = σ(−4) = 0.018
    assert "0.018" in widget.status.value
    np.testing.assert_allclose(widget.middle.get_xdata(), [-0.5, -0.5])

    widget.x.value = -0.5
    np.testing.assert_allclose(widget.point.get_data(), ([-0.5], [0.5]))
    assert "0.500" in widget.status.value
    # Each slider move sent its own picture: the point at x = 1.5, then at x = -0.5.
    assert [line_in(picture, widget.point).x.tolist() for picture in pictures] == [[1.5], [-0.5]]


def test_the_half_line_hides_when_there_is_none():
    widget = NeuronCurveWidget(w=1.0, b=0.0)
    widget.w.value = 0.0
    assert not widget.middle.get_visible()
    np.testing.assert_allclose(widget.curve.get_ydata(), 0.5)
    widget.w.value = 0.1  # midpoint at 0 again
    assert widget.middle.get_visible()
    widget.b.value = 1.0  # midpoint at −10, outside the plot
    assert not widget.middle.get_visible()


def test_labels_follow_the_language():
    set_language("sv")
    widget = NeuronCurveWidget()
    assert widget.w.description == "vikt w"
    assert widget.ax.get_xlabel() == "indata x"
    assert widget.ax.get_ylabel() == "utdata ŷ"
    widget.refresh()
    assert widget.status.value == "ŷ = σ(1,0·2,0 + 0,0) = σ(2,00) = <b>0,881</b>"
    widget.w.value = -1.5
    assert widget.status.value.startswith("ŷ = σ((−1,5)·2,0")
    assert readout(widget.w).value == "−1,5"
    set_language("en")
    assert NeuronCurveWidget().ax.get_xlabel() == "input x"


def test_layer_positions():
    positions = layer_positions([3, 4, 2])
    assert [p.shape for p in positions] == [(3, 2), (4, 2), (2, 2)]
    np.testing.assert_allclose(positions[0][:, 1], [1.0, 0.0, -1.0])  # node 1 on top, centred
    assert positions[2][0, 0] > positions[1][0, 0] > positions[0][0, 0]


def test_draw_network_draws_every_node_and_names_the_weight():
    fig, ax = plt.subplots()
    draw_network(ax, [3, 4, 4, 2], highlight=(2, 3, 1))
    circles = [patch for patch in ax.patches if isinstance(patch, Circle)]
    assert len(circles) == 3 + 4 + 4 + 2
    texts = [text.get_text() for text in ax.texts]
    assert "$w^{(2)}_{31}$" in texts
    assert {"$x_{1}$", "$x_{3}$", "$a^{(1)}_{4}$", "$a^{(2)}_{1}$", "$\\hat y_{2}$"} <= set(texts)
    # 3·4 + 4·4 + 4·2 = 36 connections plus the highlighted one drawn on top
    assert len(ax.lines) == 36 + 1
    plt.close(fig)


def test_draw_network_errors_name_what_was_expected():
    fig, ax = plt.subplots()
    with pytest.raises(ValueError, match=r"expected at least two layer sizes >= 1, but received \[3\]"):
        draw_network(ax, [3])
    with pytest.raises(ValueError, match=r"expected highlight .* but received \(2, 5, 1\)"):
        draw_network(ax, [3, 4, 4, 2], highlight=(2, 5, 1))
    plt.close(fig)


def _contents_cell(lang: str) -> str:
    source = parse_source(WELCOME_SOURCE)
    cells = [cell.source for cell in source.cells if cell.language == lang and "| 00 |" in cell.source]
    assert len(cells) == 1, f"expected one table of contents in the {lang} cells, found {len(cells)}"
    return cells[0]


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_start_page_lists_every_chapter_with_relative_links(lang):
    contents = _contents_cell(lang)
    rows = {int(match.group(1)): match.group(0) for match in re.finditer(r"^\| (\d\d) \|.*$", contents, re.M)}
    assert sorted(rows) == [chapter.number for chapter in CHAPTERS]
    later = {"en": "coming later", "sv": "kommer senare"}[lang]
    for chapter in CHAPTERS:
        row = rows[chapter.number]
        assert chapter.title(lang) in row
        assert f"](../../exercises/{lang}/{chapter.stem}.ipynb)" in row
        lesson_exists = (REPO_ROOT / "course" / "content" / "lessons" / f"{chapter.stem}.py").exists()
        if chapter.number < FIRST_LESSONS or lesson_exists:
            assert f"[{chapter.title(lang)}]({chapter.stem}.ipynb)" in row, row
            assert later not in row
        else:
            assert f"]({chapter.stem}.ipynb)" not in row and later in row, row
    other = {"en": "sv", "sv": "en"}[lang]
    assert f"exercises/{other}/" not in contents
