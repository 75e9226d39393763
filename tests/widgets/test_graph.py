import numpy as np
import pytest

from course import set_language
from course.widgets.graph import (
    NEURON,
    PENALTY,
    Graph,
    GraphWidget,
    Node,
    backward,
    forward,
    forward_backward,
    local_derivatives,
    numerical_gradient,
    path_products,
)


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language("en")


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def test_hand_worked_neuron():
    # x = 2, w = 0.5, b = -1, y = 1: z = 0, a = 0.5, d = -0.5, L = 0.25
    values, grads = forward_backward(NEURON, {"x": 2.0, "w": 0.5, "b": -1.0, "y": 1.0})
    assert values["u"] == 1.0 and values["z"] == 0.0 and values["a"] == 0.5
    assert values["d"] == -0.5 and values["L"] == 0.25
    # ∂L/∂d = 2d = -1, σ'(0) = 1/4, so ∂L/∂z = -1/4, ∂L/∂w = -1/4 · x, ∂L/∂x = -1/4 · w
    assert grads["L"] == 1.0 and grads["d"] == -1.0 and grads["a"] == -1.0 and grads["y"] == 1.0
    assert grads["z"] == -0.25 and grads["b"] == -0.25 and grads["u"] == -0.25
    assert grads["w"] == -0.5 and grads["x"] == -0.125


def test_neuron_matches_closed_form():
    rng = np.random.default_rng(1)
    for _ in range(20):
        x, w, b = rng.normal(size=3)
        y = rng.uniform()
        values, grads = forward_backward(NEURON, {"x": x, "w": w, "b": b, "y": y})
        a = sigmoid(w * x + b)
        assert values["L"] == pytest.approx((a - y) ** 2)
        dz = 2 * (a - y) * a * (1 - a)
        assert grads["w"] == pytest.approx(dz * x)
        assert grads["b"] == pytest.approx(dz)
        assert grads["x"] == pytest.approx(dz * w)


@pytest.mark.parametrize("graph", [NEURON, PENALTY], ids=["neuron", "penalty"])
def test_backward_matches_numerical_differentiation(graph):
    rng = np.random.default_rng(0)
    for _ in range(25):
        inputs = {name: float(rng.uniform(low, high)) for name, (low, high, _) in graph.ranges.items()}
        _, grads = forward_backward(graph, inputs)
        numeric = numerical_gradient(graph, inputs, h=1e-5)
        for name in graph.input_names:
            assert grads[name] == pytest.approx(numeric[name], rel=1e-6, abs=1e-9), name


def test_backward_matches_nnlib_numerical_gradient():
    from nnlib.gradcheck import numerical_gradient as nn_numerical_gradient

    inputs = {"x": 1.3, "w": -0.7, "b": 0.4, "y": 1.0, "lam": 0.3}
    _, grads = forward_backward(PENALTY, inputs)
    names = ("x", "w", "b")
    point = np.array([inputs[n] for n in names])

    def loss(v):
        return forward(PENALTY, {**inputs, **dict(zip(names, map(float, v)))})["L"]

    np.testing.assert_allclose(nn_numerical_gradient(loss, point), [grads[n] for n in names], rtol=1e-7)


def test_variable_used_twice_adds_its_paths():
    _, grads = forward_backward(PENALTY, {"x": 2.0, "w": 0.5, "b": -1.0, "y": 1.0, "lam": 0.1})
    # through the neuron: -0.5 (as in the hand-worked example); through λ·w²: 0.1 · 2 · 0.5 = 0.1
    assert grads["w"] == pytest.approx(-0.5 + 0.1)
    values = forward(PENALTY, {"x": 2.0, "w": 0.5, "b": -1.0, "y": 1.0, "lam": 0.1})
    paths = path_products(PENALTY, values, "w")
    assert len(paths) == 2
    assert sorted(product for _, product in paths) == pytest.approx([-0.5, 0.1])
    assert sum(product for _, product in paths) == pytest.approx(grads["w"])


def test_same_input_twice_in_one_operation():
    square_by_mul = Graph(nodes=(Node("x"), Node("L", "mul", ("x", "x"))))
    values, grads = forward_backward(square_by_mul, {"x": 3.0})
    assert values["L"] == 9.0 and grads["x"] == 6.0
    assert backward(square_by_mul, values) == grads  # a pure function: same answer again
    assert len(local_derivatives(square_by_mul, values)) == 2
    assert len(path_products(square_by_mul, values, "x")) == 2


def test_path_products_sum_to_backward_on_every_input():
    inputs = {"x": -1.2, "w": 2.1, "b": 0.3, "y": 0.0, "lam": 0.7}
    values, grads = forward_backward(PENALTY, inputs)
    for name in PENALTY.input_names:
        assert sum(p for _, p in path_products(PENALTY, values, name)) == pytest.approx(grads[name])


def test_sigmoid_node_is_stable_for_large_inputs():
    values, grads = forward_backward(NEURON, {"x": 3.0, "w": 300.0, "b": 0.0, "y": 0.0})
    assert values["a"] == 1.0 and np.isfinite(grads["w"])
    values, _ = forward_backward(NEURON, {"x": 3.0, "w": -300.0, "b": 0.0, "y": 0.0})
    assert values["a"] == 0.0


def test_error_messages():
    with pytest.raises(ValueError, match="missing: y; unknown: none"):
        forward(NEURON, {"x": 1.0, "w": 1.0, "b": 0.0})
    with pytest.raises(ValueError, match="unknown: v"):
        forward(NEURON, {"x": 1.0, "w": 1.0, "b": 0.0, "y": 1.0, "v": 2.0})
    with pytest.raises(TypeError, match="input 'x' to be a number, but received str"):
        forward(NEURON, {"x": "1", "w": 1.0, "b": 0.0, "y": 1.0})
    with pytest.raises(ValueError, match="input 'w' to be finite"):
        forward(NEURON, {"x": 1.0, "w": np.inf, "b": 0.0, "y": 1.0})
    with pytest.raises(ValueError, match="'tan'"):
        Graph(nodes=(Node("x"), Node("L", "tan", ("x",))))
    with pytest.raises(ValueError, match="2 input\\(s\\), but received 1"):
        Graph(nodes=(Node("x"), Node("L", "mul", ("x",))))
    with pytest.raises(ValueError, match="topological order.*'z' is not"):
        Graph(nodes=(Node("x"), Node("L", "add", ("x", "z")), Node("z")))
    with pytest.raises(ValueError, match="unique node names.*'x'"):
        Graph(nodes=(Node("x"), Node("x"), Node("L", "square", ("x",))))
    with pytest.raises(ValueError, match="step h > 0"):
        numerical_gradient(NEURON, {"x": 1.0, "w": 1.0, "b": 0.0, "y": 1.0}, h=0.0)
    with pytest.raises(ValueError, match="one of neuron, penalty, but received 'big'"):
        GraphWidget("big")
    with pytest.raises(ValueError, match="slider range for every input, but none for x"):
        GraphWidget(Graph(nodes=(Node("x"), Node("L", "square", ("x",)))))


def test_widget_shows_values_above_and_gradients_below():
    widget = GraphWidget("neuron")
    assert widget.value_texts["L"].get_text() == "0.250"
    assert widget.grad_texts["w"].get_text() == "∂L/∂w = −0.500"
    for name, box in widget.boxes.items():
        assert widget.value_texts[name].get_position()[1] > box.get_position()[1]
        assert widget.grad_texts[name].get_position()[1] < box.get_position()[1]
    assert widget.value_texts["L"].get_color() != widget.grad_texts["L"].get_color()
    assert "(−1)·1·0.25·1·2" in widget.status.value
    assert widget.check_error < 1e-8


def test_widget_recomputes_when_a_slider_moves(screen):
    widget = GraphWidget("neuron")
    pictures = screen.watch(widget)
    widget.sliders["w"].value = -1.0
    [picture] = pictures  # one new picture, showing z = w·x + b = −1·2 − 1 = −3 in its box
    assert "−3.000" in picture.plots[0].texts
    inputs = {"x": 2.0, "w": -1.0, "b": -1.0, "y": 1.0}
    values, grads = forward_backward(NEURON, inputs)
    assert widget.value_texts["z"].get_text() == f"{values['z']:.3f}".replace("-", "−") == "−3.000"
    assert widget.grad_texts["b"].get_text() == f"∂L/∂b = {grads['b']:.3f}".replace("-", "−")
    assert widget.check_error < 1e-8

    widget.sliders["y"].value = 0.0
    assert widget.grad_texts["y"].get_text() == f"∂L/∂y = {-2 * sigmoid(-3.0):.3f}".replace("-", "−")


def test_widget_shows_tiny_gradients_as_tiny_not_zero():
    widget = GraphWidget("neuron")
    widget.sliders["w"].value = 3.0
    widget.sliders["b"].value = 3.0
    widget.sliders["y"].value = 0.0
    # z = 9: the sigmoid is flat, σ'(9) ≈ 1.2e-4, so ∂L/∂b ≈ 2 · 1.2e-4
    a = sigmoid(9.0)
    expected = 2 * a * a * (1 - a)
    assert widget.grad_texts["b"].get_text() == f"∂L/∂b = {expected:.2g}" == "∂L/∂b = 0.00025"
    assert widget.grad_texts["b"].get_text() != "∂L/∂b = 0.000"
    set_language("sv")
    try:
        widget = GraphWidget("neuron")
        widget.sliders["w"].value = 3.0
        widget.sliders["b"].value = 3.0
        widget.sliders["y"].value = 0.0
        assert widget.grad_texts["b"].get_text() == "∂L/∂b = 0,00025"
        assert widget.value_texts["a"].get_text() == "1,000"
    finally:
        set_language("en")


def test_widget_local_derivatives_toggle_and_path_choice():
    widget = GraphWidget("penalty")
    assert not any(text.get_visible() for text in widget.edge_texts)
    widget.show_local.value = True
    assert all(text.get_visible() for text in widget.edge_texts)
    assert any(text.get_text() == "∂p/∂q = 0.100" for text in widget.edge_texts)
    assert "2 path(s)" in widget.status.value

    widget.explain.value = "b"
    assert "∂L/∂b" in widget.status.value and "1 path(s)" in widget.status.value


def test_swedish_labels():
    set_language("sv")
    try:
        widget = GraphWidget("neuron")
        assert widget.ax.get_title().startswith("Framåt: värden")
        assert widget.show_local.description == "visa lokala derivator"
        assert "Gradientkontroll" in widget.status.value
    finally:
        set_language("en")
