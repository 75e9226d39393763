import matplotlib.pyplot as plt
import numpy as np
import pytest

from course import set_language
from course.widgets.architecture import (
    ArchitectureBuilder,
    architecture_sizes,
    count_parameters,
    dense_sizes,
    diagram_layout,
    draw_diagram,
    function_grid,
    parameter_counts,
    random_network,
)
from nnlib.activations import ReLU, Sigmoid
from nnlib.layers import Dense
from nnlib.model import MLP, Sequential


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language("en")


def test_parameter_count_by_hand():
    # 2 → 3 → 1: (2·3 + 3) + (3·1 + 1) = 9 + 4 = 13
    assert parameter_counts([2, 3, 1]) == [9, 4]
    assert count_parameters([2, 3, 1]) == 13
    # 784 → 128 → 64 → 10: 100 480 + 8 256 + 650
    assert count_parameters([784, 128, 64, 10]) == 109_386


@pytest.mark.parametrize("sizes", [[1, 1], [2, 8, 1], [3, 5, 5, 2], [6, 64, 64, 64, 5]])
def test_parameter_count_matches_nnlib(sizes):
    assert count_parameters(sizes) == MLP(sizes, rng=0).n_params()


def test_sizes_are_read_from_the_dense_layers():
    assert architecture_sizes(2, 3, 8, 1) == [2, 8, 8, 8, 1]
    assert architecture_sizes(4, 0, 8, 3) == [4, 3]
    model = Sequential([Dense(3, 5, rng=0), ReLU(), Dense(5, 2, rng=1), Sigmoid()])
    assert dense_sizes(model) == [3, 5, 2]


def test_diagram_layout_small_network_by_hand():
    diagram = diagram_layout([2, 3, 1])
    # 2 + 3 + 1 nodes; 2·3 + 3·1 edges; nothing collapsed
    assert diagram.nodes.shape == (6, 2)
    assert diagram.edges.shape == (9, 2, 2)
    assert diagram.ellipses.shape == (0, 2)
    np.testing.assert_array_equal(diagram.roles, [0, 0, 1, 1, 1, 2])
    # the input layer is centred: y = +0.5 and −0.5 in column x = 0
    np.testing.assert_allclose(diagram.nodes[:2], [[0.0, 0.5], [0.0, -0.5]])


def test_diagram_collapses_wide_layers():
    diagram = diagram_layout([3, 100, 2], max_nodes=8)
    # the wide layer shows 4 + 4 nodes around one "⋮"
    assert diagram.nodes.shape == (3 + 8 + 2, 2)
    assert diagram.edges.shape == (3 * 8 + 8 * 2, 2, 2)
    np.testing.assert_allclose(diagram.ellipses, [[1.0, 0.0]])
    assert diagram.sizes == (3, 100, 2)
    assert diagram.height == 9


def test_draw_diagram_labels_true_sizes():
    fig, ax = plt.subplots()
    try:
        artists = draw_diagram(ax, [2, 64, 1])
        labels = [text.get_text() for text in artists.texts]
        assert "64" in labels and "⋮" in labels
        assert len(artists.edge_lines.get_segments()) == 2 * 8 + 8 * 1
    finally:
        plt.close(fig)


def test_function_grid_shapes():
    X, (x,) = function_grid(1, 11)
    assert X.shape == (11, 1) and x.shape == (11,)
    X, (g1, g2) = function_grid(4, 5)
    assert X.shape == (25, 4) and g1.shape == (5, 5)
    np.testing.assert_array_equal(X[:, 2:], 0.0)
    np.testing.assert_array_equal(X[:, 0], g1.ravel())


def test_random_network_reproducible_with_random_biases():
    first = random_network([2, 8, 1], "tanh", None, seed=5)
    again = random_network([2, 8, 1], "tanh", None, seed=5)
    other = random_network([2, 8, 1], "tanh", None, seed=6)
    X = np.random.default_rng(0).normal(size=(10, 2))
    np.testing.assert_array_equal(first.forward(X), again.forward(X))
    assert not np.allclose(first.forward(X), other.forward(X))
    assert np.any(first.layers[0].params["b"] != 0)
    assert np.all(random_network([2, 8, 1], seed=5, bias_scale=0.0).layers[0].params["b"] == 0)


def test_error_messages():
    with pytest.raises(ValueError, match="expected n_hidden_layers to be an integer >= 0, but received -1"):
        architecture_sizes(2, -1, 8, 1)
    with pytest.raises(ValueError, match=r"expected at least two layer sizes >= 1, but received \[3\]"):
        parameter_counts([3])
    with pytest.raises(ValueError, match="diagram_layout: expected max_nodes >= 2, but received 1"):
        diagram_layout([2, 2], max_nodes=1)
    with pytest.raises(ValueError, match="expected a model with at least one Dense layer"):
        dense_sizes(Sequential([ReLU()]))
    with pytest.raises(ValueError, match="random_network: expected bias_scale >= 0, but received -1"):
        random_network([1, 1], bias_scale=-1)


def test_builder_sliders_change_diagram_and_parameter_count():
    widget = ArchitectureBuilder(n_in=1, n_hidden_layers=2, width=8, n_out=1)
    widget.refresh()
    assert widget.sizes == [1, 8, 8, 1]
    assert widget.n_params == 97  # (1·8+8) + (8·8+8) + (8·1+1)
    assert "<b>97 parameters</b>" in widget.status.value
    assert len(widget.diagram.node_marks.get_offsets()) == 18

    widget.n_hidden_layers.value = 3
    assert widget.sizes == [1, 8, 8, 8, 1]
    assert widget.n_params == 97 + 72
    assert len(widget.diagram.node_marks.get_offsets()) == 26

    widget.width.value = 50
    assert widget.n_params == count_parameters([1, 50, 50, 50, 1])
    assert sum(text.get_text() == "⋮" for text in widget.diagram.texts) == 3
    assert "50" in [text.get_text() for text in widget.diagram.texts]

    widget.n_in.value = 3
    widget.n_out.value = 2
    assert widget.sizes == [3, 50, 50, 50, 2]
    assert widget.n_params == widget.model.n_params() == count_parameters(widget.sizes)
    assert "deep network" in widget.axes[0].get_title()


def test_builder_plots_the_network_function():
    widget = ArchitectureBuilder(n_in=1, n_hidden_layers=1, width=6, n_out=1, seed=0)
    widget.refresh()
    x = np.array(widget.lines[0].get_xdata())
    y = np.array(widget.lines[0].get_ydata())
    np.testing.assert_allclose(y, widget.model.forward(x[:, None])[:, 0])
    assert widget.lines[0].get_visible() and not widget.lines[1].get_visible()
    assert not widget.image.get_visible()

    widget.output.value = "sigmoid"
    y = np.array(widget.lines[0].get_ydata())
    assert np.all((y > 0) & (y < 1))

    widget.n_out.value = 3
    widget.output.value = "softmax"
    outputs = np.array([line.get_ydata() for line in widget.lines[:3]])
    np.testing.assert_allclose(outputs.sum(axis=0), 1.0)
    assert widget.lines[2].get_visible() and not widget.lines[3].get_visible()

    widget.n_in.value = 2
    assert widget.image.get_visible() and not widget.lines[0].get_visible()
    surface = widget.image.get_array()
    assert surface.shape == (61, 61)
    assert "output 1 of 3" in widget.note.get_text()
    widget.n_in.value = 4
    assert "$x_3$, $x_4$ = 0" in widget.note.get_text()


def test_activation_dropdown_changes_the_function():
    widget = ArchitectureBuilder(n_in=1, activation="relu", seed=2)
    widget.refresh()
    relu_curve = np.array(widget.lines[0].get_ydata())
    widget.activation.value = "identity"
    linear_curve = np.array(widget.lines[0].get_ydata())
    assert not np.allclose(relu_curve, linear_curve)
    # a network with linear activations computes a straight line
    second_differences = np.diff(linear_curve, 2)
    assert np.max(np.abs(second_differences)) < 1e-9


def test_new_weights_button():
    widget = ArchitectureBuilder(n_in=2, seed=0)
    widget.refresh()
    before = np.array(widget.image.get_array())
    widget.new_weights.click()
    assert widget.seed == 1
    assert not np.allclose(before, widget.image.get_array())
    assert "seed 1" in widget.axes[1].get_title()
    # same seed, same picture
    again = ArchitectureBuilder(n_in=2, seed=1)
    again.refresh()
    np.testing.assert_allclose(again.image.get_array(), widget.image.get_array())


def test_swedish_labels():
    set_language("sv")
    widget = ArchitectureBuilder(n_hidden_layers=1)
    widget.refresh()
    assert widget.n_hidden_layers.description == "dolda lager"
    assert "parametrar" in widget.status.value
    assert widget.axes[0].get_title().endswith("ett dolt lager")
    legend_texts = [text.get_text() for text in widget.axes[0].get_legend().get_texts()]
    assert legend_texts == ["indatalager", "dolt lager", "utdatalager"]


def test_the_diagram_fills_its_fixed_axes_as_its_own_limits_would():
    # The diagram axes keeps the limits 0…1; the diagram is scaled into them as set_xlim and
    # set_ylim around it would show it: columns at (layer + 0.5) / L, the tallest column
    # centred, the size labels under the columns, the texts of a former diagram hidden.
    widget = ArchitectureBuilder(n_in=2, n_hidden_layers=3, width=20, n_out=1)
    widget.width.value = 30
    ax = widget.axes[0]
    assert ax.get_xlim() == (0.0, 1.0) and ax.get_ylim() == (0.0, 1.0)
    nodes = np.asarray(widget.diagram.node_marks.get_offsets())
    columns = np.unique(np.round(nodes[:, 0], 9))
    np.testing.assert_allclose(columns, (np.arange(5) + 0.5) / 5)
    height = 9  # a layer of 30 is drawn as 8 nodes and "⋮"
    y_span = height + 1.6
    np.testing.assert_allclose(nodes[:, 1].max(), ((height - 1) / 2 + height / 2 + 1.3) / y_span)
    labels = [(text.get_text(), text.get_position()) for text in widget.diagram.texts if text.get_text() != "⋮"]
    assert [label for label, _ in labels] == ["2", "30", "30", "30", "1"]
    for (_, (x, y)), column in zip(labels, columns):
        assert x == pytest.approx(column) and y == pytest.approx(1.0 / y_span)
    widget.n_hidden_layers.value = 1
    shown = [text for text in ax.texts if text.get_visible()]
    assert sorted(text.get_text() for text in shown) == ["1", "2", "30", "⋮"]
