"""Chapter 06 widget: a small computational graph, read forward (values) and backward (gradients).

A :class:`Graph` is a list of :class:`Node` s in topological order: input nodes first
(or anywhere before they are used), every other node one elementary operation of
earlier nodes, the last node the output L. The pure functions

- :func:`forward` computes every node's value,
- :func:`local_derivatives` gives each edge its local derivative ∂child/∂parent,
- :func:`backward` computes ∂L/∂node for every node by the chain rule, walking the graph
  backwards, multiplying local derivatives along each edge and *adding* where several
  paths meet (a node used twice),
- :func:`path_products` lists every path from a node to L with its product, so the sum
  of the products can be compared with :func:`backward`,
- :func:`numerical_gradient` checks the result with central differences.

:class:`GraphWidget` draws :data:`NEURON` (L = (σ(w·x + b) − y)²) or :data:`PENALTY`
(the same loss plus λ·w², so w is used twice) with sliders for the inputs.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Callable, Mapping

import ipywidgets as widgets
import numpy as np
from matplotlib.patches import FancyArrowPatch

from course.i18n import t
from course.numbers import fmt
from course.plots import COLORS
from course.widgets.base import FigureWidget
from course.widgets.controls import slider


def _sigmoid(a: float) -> float:
    # tanh form: no overflow for large |a|, unlike 1 / (1 + exp(-a)).
    return 0.5 * (1.0 + np.tanh(0.5 * a))


@dataclass(frozen=True)
class Operation:
    """An elementary operation: its arity, value and local derivatives.

    ``local(*inputs, output)`` returns ∂output/∂input for each input, in order.
    """

    arity: int
    value: Callable[..., float]
    local: Callable[..., tuple]


OPERATIONS: dict[str, Operation] = {
    "add": Operation(2, lambda a, b: a + b, lambda a, b, out: (1.0, 1.0)),
    "sub": Operation(2, lambda a, b: a - b, lambda a, b, out: (1.0, -1.0)),
    "mul": Operation(2, lambda a, b: a * b, lambda a, b, out: (b, a)),
    "square": Operation(1, lambda a: a * a, lambda a, out: (2.0 * a,)),
    "sigmoid": Operation(1, _sigmoid, lambda a, out: (out * (1.0 - out),)),
}


@dataclass(frozen=True)
class Node:
    """One node of a computational graph.

    Parameters
    ----------
    name
        Identifier used in ``inputs`` of later nodes and as the key of value/gradient dicts.
    op
        ``"input"`` for a variable set from outside, otherwise a key of :data:`OPERATIONS`.
    inputs
        Names of the earlier nodes the operation is applied to (a name may appear twice).
    label
        What the drawn box shows, e.g. ``"z = u + b"``; defaults to ``name``.
    position
        ``(column, row)`` of the box in the drawing.
    """

    name: str
    op: str = "input"
    inputs: tuple[str, ...] = ()
    label: str = ""
    position: tuple[float, float] = (0.0, 0.0)
    symbol: str = ""

    @property
    def shown(self) -> str:
        """The name as printed in formulas (e.g. ``λ`` for ``lam``)."""
        return self.symbol or self.name


@dataclass(frozen=True)
class Graph:
    """Nodes in topological order; the last node is the output.

    ``ranges`` maps each input name to ``(low, high, start)`` for its slider.
    """

    nodes: tuple[Node, ...]
    ranges: Mapping[str, tuple[float, float, float]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        seen: set[str] = set()
        for node in self.nodes:
            if node.name in seen:
                raise ValueError(f"Graph: expected unique node names, but {node.name!r} appears twice")
            if node.op == "input":
                if node.inputs:
                    raise ValueError(f"Graph: expected input node {node.name!r} to have no inputs, but received {node.inputs}")
            elif node.op not in OPERATIONS:
                raise ValueError(
                    f"Graph: expected node {node.name!r} to have op 'input' or one of "
                    f"{', '.join(OPERATIONS)}, but received {node.op!r}"
                )
            elif len(node.inputs) != OPERATIONS[node.op].arity:
                raise ValueError(
                    f"Graph: expected node {node.name!r} ({node.op}) to have "
                    f"{OPERATIONS[node.op].arity} input(s), but received {len(node.inputs)}"
                )
            for parent in node.inputs:
                if parent not in seen:
                    raise ValueError(
                        f"Graph: expected the inputs of node {node.name!r} to be defined earlier "
                        f"(topological order), but {parent!r} is not"
                    )
            seen.add(node.name)
        if not self.nodes or self.nodes[-1].op == "input":
            raise ValueError("Graph: expected the last node to be an operation (the output L), but it is an input")

    @property
    def output(self) -> str:
        return self.nodes[-1].name

    @property
    def input_names(self) -> tuple[str, ...]:
        return tuple(node.name for node in self.nodes if node.op == "input")

    def node(self, name: str) -> Node:
        for node in self.nodes:
            if node.name == name:
                return node
        raise KeyError(f"Graph: no node named {name!r}")


@dataclass(frozen=True)
class Edge:
    """An edge ``parent → child`` carrying the local derivative ∂child/∂parent."""

    parent: str
    child: str
    local: float


def forward(graph: Graph, inputs: Mapping[str, float]) -> dict[str, float]:
    """Every node's value, computed in order from the input values (the forward pass)."""
    expected = set(graph.input_names)
    received = set(inputs)
    if received != expected:
        missing = ", ".join(sorted(expected - received)) or "none"
        unknown = ", ".join(sorted(received - expected)) or "none"
        raise ValueError(
            f"forward: expected values for the inputs {', '.join(graph.input_names)}, "
            f"but received {', '.join(sorted(received)) or 'none'} (missing: {missing}; unknown: {unknown})"
        )
    values: dict[str, float] = {}
    for node in graph.nodes:
        if node.op == "input":
            value = inputs[node.name]
            if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
                raise TypeError(f"forward: expected input {node.name!r} to be a number, but received {type(value).__name__}")
            if not np.isfinite(value):
                raise ValueError(f"forward: expected input {node.name!r} to be finite, but received {value!r}")
            values[node.name] = float(value)
        else:
            values[node.name] = float(OPERATIONS[node.op].value(*(values[p] for p in node.inputs)))
    return values


def local_derivatives(graph: Graph, values: Mapping[str, float]) -> list[Edge]:
    """One :class:`Edge` per (parent, child) use, in graph order, with ∂child/∂parent at ``values``.

    A node that uses the same parent twice (``x · x``) gets two edges.
    """
    edges = []
    for node in graph.nodes:
        if node.op == "input":
            continue
        args = [values[p] for p in node.inputs]
        locals_ = OPERATIONS[node.op].local(*args, values[node.name])
        edges.extend(Edge(parent, node.name, float(d)) for parent, d in zip(node.inputs, locals_))
    return edges


def backward(graph: Graph, values: Mapping[str, float]) -> dict[str, float]:
    """∂L/∂node for every node, L being the output (the backward pass).

    Walk the nodes from the output backwards; each node passes its gradient times the
    local derivative to every parent, and a parent reached along several edges *adds*
    the contributions (the multivariable chain rule).
    """
    grads = {node.name: 0.0 for node in graph.nodes}
    grads[graph.output] = 1.0
    edges = local_derivatives(graph, values)
    for edge in reversed(edges):
        grads[edge.parent] += grads[edge.child] * edge.local
    return grads


def forward_backward(graph: Graph, inputs: Mapping[str, float]) -> tuple[dict[str, float], dict[str, float]]:
    """Values and gradients of every node for the given input values."""
    values = forward(graph, inputs)
    return values, backward(graph, values)


def path_products(graph: Graph, values: Mapping[str, float], source: str) -> list[tuple[list[Edge], float]]:
    """Every path from ``source`` to the output, with the product of its local derivatives.

    The sum of the products is ∂L/∂source (what :func:`backward` computes more cheaply by
    sharing the common tails of the paths).
    """
    graph.node(source)
    children: dict[str, list[Edge]] = {}
    for edge in local_derivatives(graph, values):
        children.setdefault(edge.parent, []).append(edge)

    paths: list[tuple[list[Edge], float]] = []

    def walk(name: str, path: list[Edge]) -> None:
        if name == graph.output:
            paths.append((path, float(np.prod([e.local for e in path])) if path else 1.0))
            return
        for edge in children.get(name, []):
            walk(edge.child, [*path, edge])

    walk(source, [])
    return paths


def numerical_gradient(graph: Graph, inputs: Mapping[str, float], h: float = 1e-5) -> dict[str, float]:
    """∂L/∂input for every input by central differences (L(v + h) − L(v − h)) / 2h."""
    if not h > 0:
        raise ValueError(f"numerical_gradient: expected a step h > 0, but received {h!r}")
    grads = {}
    for name in graph.input_names:
        plus = {**inputs, name: float(inputs[name]) + h}
        minus = {**inputs, name: float(inputs[name]) - h}
        grads[name] = (forward(graph, plus)[graph.output] - forward(graph, minus)[graph.output]) / (2 * h)
    return grads


NEURON = Graph(
    nodes=(
        Node("x", position=(0, 2.2)),
        Node("w", position=(0, 0.8)),
        Node("u", "mul", ("w", "x"), "u = w·x", (1, 1.5)),
        Node("b", position=(1, 0.0)),
        Node("z", "add", ("u", "b"), "z = u + b", (2, 1.5)),
        Node("a", "sigmoid", ("z",), "a = σ(z)", (3, 1.5)),
        Node("y", position=(3, 0.0)),
        Node("d", "sub", ("a", "y"), "d = a − y", (4, 1.5)),
        Node("L", "square", ("d",), "L = d²", (5, 1.5)),
    ),
    ranges={"x": (-3.0, 3.0, 2.0), "w": (-3.0, 3.0, 0.5), "b": (-3.0, 3.0, -1.0), "y": (0.0, 1.0, 1.0)},
)

PENALTY = Graph(
    nodes=(
        Node("x", position=(0, 2.2)),
        Node("w", position=(0, 0.8)),
        Node("u", "mul", ("w", "x"), "u = w·x", (1, 1.5)),
        Node("b", position=(1, 0.2)),
        Node("z", "add", ("u", "b"), "z = u + b", (2, 1.5)),
        Node("a", "sigmoid", ("z",), "a = σ(z)", (3, 1.5)),
        Node("y", position=(3, 0.2)),
        Node("d", "sub", ("a", "y"), "d = a − y", (4, 1.5)),
        Node("e", "square", ("d",), "e = d²", (5, 1.5)),
        Node("q", "square", ("w",), "q = w²", (1, -1.0)),
        Node("lam", position=(2, -1.9), symbol="λ"),
        Node("p", "mul", ("lam", "q"), "p = λ·q", (3, -1.0)),
        Node("L", "add", ("e", "p"), "L = e + p", (6, 0.25)),
    ),
    ranges={
        "x": (-3.0, 3.0, 2.0), "w": (-3.0, 3.0, 0.5), "b": (-3.0, 3.0, -1.0),
        "y": (0.0, 1.0, 1.0), "lam": (0.0, 1.0, 0.1),
    },
)

GRAPHS = {"neuron": NEURON, "penalty": PENALTY}


def _factor(value: float) -> str:
    text = fmt(float(value), digits=3)
    return f"({text})" if value < 0 else text


def _number(value: float) -> str:
    """Three decimals, but tiny non-zero numbers with two significant digits so they do not read as 0.

    In the notebook's language: ``0.250`` / ``0,250``, ``2.5·10⁻⁵`` / ``2,5·10⁻⁵``.
    """
    value = float(value)
    return fmt(value, digits=2) if 0 < abs(value) < 5e-4 else fmt(value, decimals=3)


class GraphWidget(FigureWidget):
    """A computational graph whose values and gradients follow the input sliders.

    Values are written above each node (blue), gradients ∂L/∂node below it (red). The
    status line lists the paths from the chosen input to L with the products of their
    local derivatives, and a central-difference gradient check of the backward pass.

    Parameters
    ----------
    graph
        ``"neuron"`` (L = (σ(w·x + b) − y)²), ``"penalty"`` (that loss plus λ·w²) or a
        :class:`Graph` with ``ranges`` for every input.
    check_step
        Step h of the central differences in the gradient check.
    """

    VALUE_COLOR = COLORS[0]
    GRAD_COLOR = "#C0392B"

    def __init__(self, graph: str | Graph = "neuron", *, check_step: float = 1e-5) -> None:
        if isinstance(graph, str):
            if graph not in GRAPHS:
                raise ValueError(f"GraphWidget: expected graph to be one of {', '.join(GRAPHS)}, but received {graph!r}")
            graph = GRAPHS[graph]
        elif not isinstance(graph, Graph):
            raise TypeError(f"GraphWidget: expected graph to be a name or a Graph, but received {type(graph).__name__}")
        missing = [name for name in graph.input_names if name not in graph.ranges]
        if missing:
            raise ValueError(f"GraphWidget: expected a slider range for every input, but none for {', '.join(missing)}")
        columns = max(node.position[0] for node in graph.nodes)
        rows = [node.position[1] for node in graph.nodes]
        super().__init__(figsize=(1.9 * columns + 2.2, 1.25 * (max(rows) - min(rows)) + 2.2))
        self.graph = graph
        self.check_step = check_step

        self.sliders = {}
        for name in graph.input_names:
            low, high, start = graph.ranges[name]
            self.sliders[name] = slider(
                graph.node(name).shown, value=start, min=low, max=high, step=0.05, decimals=2,
                continuous_update=False,
            )
        self.explain = widgets.Dropdown(
            options=[(graph.node(n).shown, n) for n in graph.input_names],
            value="w" if "w" in graph.input_names else graph.input_names[0],
            description=t("graph.explain"),
        )
        self.show_local = widgets.Checkbox(value=False, description=t("graph.show_local"))

        self._draw_static()
        self.watch(*self.sliders.values(), self.explain, self.show_local)
        self.update()

    def inputs(self) -> dict[str, float]:
        return {name: float(slider.value) for name, slider in self.sliders.items()}

    def _draw_static(self) -> None:
        ax = self.ax
        ax.axis("off")
        ax.grid(False)
        self.boxes = {}
        self.value_texts = {}
        self.grad_texts = {}
        for node in self.graph.nodes:
            x, y = node.position
            if node.op == "input":
                face = "#EEEEEE"
            elif node.name == self.graph.output:
                face = "#FFF2CC"
            else:
                face = "white"
            self.boxes[node.name] = ax.text(
                x, y, node.label or node.shown, ha="center", va="center", fontsize=12, zorder=3,
                bbox=dict(boxstyle="round,pad=0.4", facecolor=face, edgecolor="0.3"),
            )
            self.value_texts[node.name] = ax.text(
                x, y + 0.36, "", ha="center", va="bottom", color=self.VALUE_COLOR, fontsize=11, zorder=4
            )
            self.grad_texts[node.name] = ax.text(
                x, y - 0.36, "", ha="center", va="top", color=self.GRAD_COLOR, fontsize=10, zorder=4
            )
        self.arrows = []
        self.edge_texts = []
        for node in self.graph.nodes:
            for parent in node.inputs:
                start = self.graph.node(parent).position
                arrow = FancyArrowPatch(
                    start, node.position, arrowstyle="-|>", mutation_scale=14, color="0.35", linewidth=1.3,
                    patchA=self.boxes[parent].get_bbox_patch(), patchB=self.boxes[node.name].get_bbox_patch(),
                    zorder=2,
                )
                ax.add_patch(arrow)
                self.arrows.append(arrow)
                mid = (0.5 * (start[0] + node.position[0]), 0.5 * (start[1] + node.position[1]))
                self.edge_texts.append(
                    ax.text(mid[0], mid[1] + 0.08, "", ha="center", va="bottom", fontsize=8, color="0.25",
                            zorder=5, bbox=dict(boxstyle="round,pad=0.15", facecolor="white", edgecolor="none", alpha=0.85))
                )
        xs = [node.position[0] for node in self.graph.nodes]
        ys = [node.position[1] for node in self.graph.nodes]
        ax.set_xlim(min(xs) - 0.7, max(xs) + 0.7)
        ax.set_ylim(min(ys) - 0.75, max(ys) + 0.75)
        ax.set_title(t("graph.title"), fontsize=11)
        self.fig.tight_layout()
        # The boxes get their size when drawn, and the arrows stop at the boxes' edges: lay
        # them out once now, so that even the first picture has arrowheads at the boxes.
        self.fig.draw_without_rendering()

    def dynamic_artists(self) -> list:
        # Boxes, arrows and the title stay; the numbers above, below and beside them change.
        return [*self.value_texts.values(), *self.grad_texts.values(), *self.edge_texts]

    def update(self) -> None:
        inputs = self.inputs()
        values, grads = forward_backward(self.graph, inputs)
        self.values, self.grads = values, grads
        out = self.graph.node(self.graph.output).shown
        for node in self.graph.nodes:
            self.value_texts[node.name].set_text(_number(values[node.name]))
            self.grad_texts[node.name].set_text(f"∂{out}/∂{node.shown} = {_number(grads[node.name])}")
        for edge, text in zip(local_derivatives(self.graph, values), self.edge_texts):
            child, parent = self.graph.node(edge.child).shown, self.graph.node(edge.parent).shown
            text.set_text(f"∂{child}/∂{parent} = {_number(edge.local)}")
            text.set_visible(self.show_local.value)

        source = self.explain.value
        paths = path_products(self.graph, values, source)
        terms = " + ".join(
            "·".join(_factor(e.local) for e in reversed(path)) for path, _ in paths
        ) or "0"
        explained = t(
            "graph.paths", gradient=f"∂{out}/∂{self.graph.node(source).shown}", n=len(paths),
            terms=terms, total=fmt(float(sum(p for _, p in paths)), digits=4),
        )
        numeric = numerical_gradient(self.graph, inputs, self.check_step)
        error = max(abs(numeric[name] - grads[name]) for name in self.graph.input_names)
        self.check_error = error
        checked = t("graph.check", h=fmt(self.check_step), error=fmt(float(error), digits=2))
        self.status.value = f"{html.escape(explained)}<br>{html.escape(checked)}"
