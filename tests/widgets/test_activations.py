import re
import warnings

import numpy as np
import pytest

from course import set_language
from course.widgets.activations import (
    NAMES,
    ActivationExplorer,
    StackedLayersWidget,
    activation_curves,
    collapse_linear,
    compare_curve,
    evaluate,
    find_kinks,
    random_stack,
    stack_forward,
    tangent_segment,
    value_and_slope,
)
from course.widgets.student import call_student, describe_error
from course.widgets.controls import readout
from nnlib import activations

from .artists import line_in


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language("en")


def test_hand_worked_values_and_slopes():
    # σ(0) = 1/2, σ'(0) = σ(0)(1 − σ(0)) = 1/4
    assert value_and_slope("sigmoid", 0.0) == pytest.approx((0.5, 0.25))
    # σ(1.5) = 1 / (1 + e^−1.5) = 0.81757…, σ' = 0.81757 · 0.18243 = 0.14915…
    assert value_and_slope("sigmoid", 1.5) == pytest.approx((0.8175745, 0.1491465), abs=1e-6)
    # tanh(0) = 0, tanh'(0) = 1 − 0² = 1
    assert value_and_slope("tanh", 0.0) == pytest.approx((0.0, 1.0))
    assert value_and_slope("relu", -2.0) == (0.0, 0.0)
    assert value_and_slope("relu", 3.0) == (3.0, 1.0)
    # leaky ReLU with α = 0.1 at z = −2: α·z = −0.2, slope α
    assert value_and_slope("leaky_relu", -2.0, alpha=0.1) == pytest.approx((-0.2, 0.1))
    assert value_and_slope("step", 0.5) == (1.0, 0.0)
    assert value_and_slope("identity", -4.0) == (-4.0, 1.0)


def test_tangent_segment_by_hand():
    # y = 2 + 3(z − 1) at z = 0.5 and 1.5
    zs, ys = tangent_segment(1.0, 2.0, 3.0, 0.5)
    np.testing.assert_allclose(zs, [0.5, 1.5])
    np.testing.assert_allclose(ys, [0.5, 3.5])


@pytest.mark.parametrize("name", NAMES)
def test_derivative_matches_central_difference(name):
    # Away from the kink at 0, where step, ReLU and leaky ReLU have no derivative.
    z, f, df = activation_curves(name, 0.05, 4.0, n_points=50, alpha=0.2)
    z_neg, f_neg, df_neg = activation_curves(name, -4.0, -0.05, n_points=50, alpha=0.2)
    eps = 1e-6
    for zs, slopes in ((z, df), (z_neg, df_neg)):
        plus, _ = evaluate(name, zs + eps, alpha=0.2)
        minus, _ = evaluate(name, zs - eps, alpha=0.2)
        np.testing.assert_allclose(slopes, (plus - minus) / (2 * eps), atol=1e-6)


def test_curves_are_safe_for_huge_z():
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        z, f, df = activation_curves("sigmoid", -1000.0, 1000.0, n_points=5)
    assert f[0] == 0.0 and f[-1] == 1.0
    assert np.all(np.isfinite(df))


def test_collapse_linear_by_hand():
    # Layer 1: 1 → 2 with W1 = [[1], [2]], b1 = [0, 1]; layer 2: 2 → 1 with W2 = [[3, −1]], b2 = [0.5].
    # W = W2 W1 = 3·1 − 1·2 = 1; b = W2 b1 + b2 = 3·0 − 1·1 + 0.5 = −0.5
    layers = [(np.array([[1.0], [2.0]]), np.array([0.0, 1.0])), (np.array([[3.0, -1.0]]), np.array([0.5]))]
    W, b = collapse_linear(layers)
    np.testing.assert_allclose(W, [[1.0]])
    np.testing.assert_allclose(b, [-0.5])
    x = np.array([[-2.0], [0.0], [4.0]])
    np.testing.assert_allclose(stack_forward(x, layers), [[-2.5], [-0.5], [3.5]])


@pytest.mark.parametrize("n_layers", [1, 2, 3, 6])
def test_collapsed_layer_equals_linear_stack(n_layers):
    layers = random_stack(n_layers, 5, 3, rng=np.random.default_rng(1))
    X = np.random.default_rng(2).normal(size=(20, 3))
    W, b = collapse_linear(layers)
    assert W.shape == (1, 3) and b.shape == (1,)
    np.testing.assert_allclose(stack_forward(X, layers, "linear"), X @ W.T + b, atol=1e-12)


def test_relu_stack_by_hand_is_absolute_value():
    # ReLU(x) + ReLU(−x) = |x|
    layers = [(np.array([[1.0], [-1.0]]), np.zeros(2)), (np.array([[1.0, 1.0]]), np.zeros(1))]
    x = np.linspace(-2, 2, 9)[:, None]
    np.testing.assert_allclose(stack_forward(x, layers, "relu"), np.abs(x))
    np.testing.assert_allclose(stack_forward(x, layers, "linear"), np.zeros_like(x))


def test_find_kinks_by_hand():
    x = np.linspace(-3, 3, 601)
    assert find_kinks(x, 2 * x - 1).size == 0
    np.testing.assert_allclose(find_kinks(x, np.abs(x)), [0.0], atol=0.01)
    # kinks at −1 and 1.505 (between samples: still one kink each)
    y = np.maximum(x - 1.505, 0) + np.maximum(-1 - x, 0)
    np.testing.assert_allclose(find_kinks(x, y), [-1.0, 1.505], atol=0.01)


def test_random_stack_shapes_and_seed():
    layers = random_stack(3, 4, 2, rng=7)
    assert [W.shape for W, _ in layers] == [(4, 2), (4, 4), (1, 4)]
    assert [b.shape for _, b in layers] == [(4,), (4,), (1,)]
    again = random_stack(3, 4, 2, rng=7)
    other = random_stack(3, 4, 2, rng=8)
    for (W, b), (W2, b2) in zip(layers, again):
        np.testing.assert_array_equal(W, W2)
        np.testing.assert_array_equal(b, b2)
    assert not np.allclose(layers[0][0], other[0][0])


def test_error_messages():
    with pytest.raises(ValueError, match="expected an activation name in .* but received 'softmax'"):
        evaluate("softmax", 1.0)
    with pytest.raises(ValueError, match="expected z_min < z_max, but received z_min=2, z_max=1"):
        activation_curves("relu", 2, 1)
    with pytest.raises(ValueError, match="expected n_layers to be an integer >= 1, but received 0"):
        random_stack(0, 4, 1)
    with pytest.raises(ValueError, match="expected between to be 'linear' or 'relu', but received 'tanh'"):
        stack_forward(np.zeros((2, 1)), random_stack(2, 3, 1, rng=0), "tanh")
    with pytest.raises(ValueError, match="collapse_linear: expected at least one layer"):
        collapse_linear([])
    with pytest.raises(ValueError, match=r"find_kinks: expected x and y of the same shape .* \(5,\) and \(4,\)"):
        find_kinks(np.zeros(5), np.zeros(4))
    with pytest.raises(ValueError, match="ActivationExplorer: expected an activation name"):
        ActivationExplorer(name="swish")


def test_explorer_point_moves_value_and_slope():
    widget = ActivationExplorer(name="sigmoid", z=1.0)
    widget.refresh()
    widget.point.value = 0.0
    assert widget.df_point.get_ydata()[0] == pytest.approx(0.25)
    assert widget.f_point.get_ydata()[0] == pytest.approx(0.5)
    assert "0.25" in widget.status.value and "0.5" in widget.status.value
    zs, ys = widget.tangent.get_data()
    assert (ys[1] - ys[0]) / (zs[1] - zs[0]) == pytest.approx(0.25)


def test_explorer_dropdown_switches_function():
    widget = ActivationExplorer(name="sigmoid", z=-2.0)
    widget.refresh()
    before = np.array(widget.f_line.get_ydata())
    widget.name.value = "relu"
    after = np.array(widget.f_line.get_ydata())
    z = np.array(widget.f_line.get_xdata())
    np.testing.assert_allclose(after, np.maximum(z, 0))
    assert not np.allclose(before, after)
    # ReLU at z = −2: value 0, slope 0; the tangent is flat
    assert widget.f_point.get_ydata()[0] == 0.0
    assert widget.df_point.get_ydata()[0] == 0.0
    assert widget.axes[1].get_title() == "derivative of ReLU: $f'(z)$"


def test_explorer_range_slider_moves_curves_and_keeps_point_inside():
    widget = ActivationExplorer(name="tanh", z_range=6.0, z=5.0)
    widget.refresh()
    widget.z_range.value = 3.0
    assert max(widget.f_line.get_xdata()) == pytest.approx(3.0)
    assert widget.axes[0].get_xlim() == pytest.approx((-3.0, 3.0))
    assert widget.point.max == 3.0 and widget.point.value == 3.0
    assert widget.f_point.get_xdata()[0] == 3.0
    widget.z_range.value = 40.0
    assert widget.point.min == -40.0
    # far out, tanh is flat: the slope shown is tiny
    widget.point.value = -30.0
    assert abs(widget.df_point.get_ydata()[0]) < 1e-20


def test_explorer_alpha_only_for_leaky_relu():
    widget = ActivationExplorer(name="relu")
    widget.refresh()
    assert widget.alpha.disabled
    widget.name.value = "leaky_relu"
    assert not widget.alpha.disabled
    widget.alpha.value = 0.3
    z = np.array(widget.f_line.get_xdata())
    f = np.array(widget.f_line.get_ydata())
    np.testing.assert_allclose(f[z < 0], 0.3 * z[z < 0])


def _contour_segments(contours):
    for path in contours.get_paths():
        for polygon in path.to_polygons(closed_only=False):
            if len(polygon) >= 3:
                yield polygon


def _straightness(points):
    """Largest distance of the points from the line through the first and last point."""
    start, end = points[0], points[-1]
    direction = (end - start) / np.linalg.norm(end - start)
    offsets = points - start
    return float(np.max(np.abs(offsets[:, 0] * direction[1] - offsets[:, 1] * direction[0])))


def test_stack_linear_stays_straight_and_relu_bends():
    widget = StackedLayersWidget(n_layers=4, between="linear", seed=0)
    widget.refresh()
    assert widget.pieces == 1
    assert widget.collapsed.get_visible()
    np.testing.assert_allclose(widget.collapsed.get_ydata(), widget.curve.get_ydata(), atol=1e-9)
    assert "are <b>one</b> linear layer" in widget.status.value
    segments = list(_contour_segments(widget.contours))
    assert segments and max(_straightness(s) for s in segments) < 1e-6

    widget.between.value = "relu"
    assert widget.pieces > 1
    assert not widget.collapsed.get_visible()
    assert len(widget.kinks.get_xdata()) == widget.pieces - 1
    assert f"<b>{widget.pieces}</b> straight pieces" in widget.status.value
    assert max(_straightness(s) for s in _contour_segments(widget.contours)) > 0.05


def test_stack_with_one_layer_is_linear_even_with_relu():
    widget = StackedLayersWidget(n_layers=1, between="relu")
    widget.refresh()
    assert widget.pieces == 1
    widget.n_layers.value = 5
    assert widget.pieces > 1
    assert widget.axes[0].get_title() == "5 layers, one input"


def test_new_weights_button_draws_a_new_network(screen):
    widget = StackedLayersWidget(seed=3)
    widget.refresh()
    before = np.array(widget.curve.get_ydata())
    pictures = screen.watch(widget)
    widget.new_weights.click()
    assert widget.seed == 4
    [picture] = pictures  # one click, one new picture, with another network's curve
    assert not np.allclose(before, line_in(picture, widget.curve).y)
    # the same seed gives the same network again
    again = StackedLayersWidget(seed=4)
    again.refresh()
    np.testing.assert_allclose(again.curve.get_ydata(), widget.curve.get_ydata())


def test_swedish_labels():
    set_language("sv")
    widget = ActivationExplorer(name="step")
    widget.refresh()
    assert ("stegfunktion", "step") in widget.name.options
    assert widget.axes[1].get_title() == "derivatan av stegfunktion: $f'(z)$"
    assert widget.status.value.startswith("i z = ")
    assert readout(widget.alpha).value == "0,10"
    widget.name.value = "sigmoid"
    assert "värdet f(z) = <b>0,7311</b>" in widget.status.value
    stack = StackedLayersWidget()
    stack.refresh()
    assert stack.axes[0].get_xlabel() == "indata x"
    assert "linjära lager är" in stack.status.value
    assert not re.search(r"\d\.\d", stack.status.value)


# The student's own functions (exercise 02)


def _stub(z):
    raise NotImplementedError("Not answered yet: write your solution here.")


def _sigmoid_twice_as_steep(z):
    # A typical slip: e^(-2z) instead of e^(-z).
    return 1.0 / (1.0 + np.exp(-2.0 * np.asarray(z, dtype=float)))


def _correct():
    return {name: (activations.get(name).fn, activations.get(name).derivative) for name in ("sigmoid", "tanh", "relu")}


def test_compare_curve_by_hand():
    z = np.array([-1.0, 0.0, 2.0])
    # |z - 0| is largest at z = 2
    curve = compare_curve(lambda v: v, z, np.zeros(3))
    assert curve.outcome == "ok" and not curve.matches
    assert curve.max_difference == 2.0 and curve.at == 2.0
    np.testing.assert_array_equal(curve.values, z)
    same = compare_curve(lambda v: v * 1.0, z, z)
    assert same.matches and same.max_difference == 0.0
    # within check()'s tolerances (rtol 1e-5) still matches, just outside does not
    assert compare_curve(lambda v: v * (1 + 1e-7), z, z).matches
    assert not compare_curve(lambda v: v + 1e-3, z, z).matches


def test_compare_curve_counts_nan_and_inf():
    z = np.array([-2.0, -1.0, 0.0, 1.0, 2.0])
    curve = compare_curve(lambda v: np.array([np.inf, 1.0, np.nan, np.nan, 3.0]), z, np.ones(5))
    assert curve.outcome == "ok" and not curve.matches
    assert (curve.n_nan, curve.first_nan) == (2, 0.0)
    assert (curve.n_inf, curve.first_inf) == (1, -2.0)
    # largest difference over the finite values only: |3 − 1| at z = 2
    assert (curve.max_difference, curve.at) == (2.0, 2.0)
    np.testing.assert_array_equal(np.isnan(curve.values), [True, False, True, True, False])


def test_call_student_outcomes_and_no_warning_escapes():
    assert call_student(_stub, 1.0).outcome == "not_answered"
    raised = call_student(lambda z: {}["w"], 1.0)
    assert raised.outcome == "error" and raised.error == "KeyError: 'w'"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        overflowing = call_student(lambda z: np.exp(z), np.array([1000.0]))
    assert overflowing.outcome == "ok" and overflowing.value[0] == np.inf
    assert overflowing.warnings == ("overflow encountered in exp",)
    assert describe_error(ValueError("x" * 300)).endswith("…")
    assert len(describe_error(ValueError("x" * 300))) == len("ValueError: ") + 200


def test_explorer_draws_a_correct_student_function_on_the_library_curve():
    widget = ActivationExplorer(name="sigmoid", student=_correct())
    widget.refresh()
    np.testing.assert_allclose(widget.student_f_line.get_ydata(), widget.f_line.get_ydata())
    np.testing.assert_allclose(widget.student_df_line.get_ydata(), widget.df_line.get_ydata())
    assert widget.student_curves[0].matches and widget.student_curves[1].matches
    assert widget.status.value.count("<b>matches</b>") == 2
    assert widget.student_f_line.get_linestyle() == "--"
    assert widget.axes[0].get_legend().get_texts()[-1].get_text() == "your function"
    assert widget.axes[1].get_legend().get_texts()[-1].get_text() == "your derivative"


def test_explorer_shows_how_far_a_wrong_student_function_is_off():
    student = {"sigmoid": (_sigmoid_twice_as_steep, activations.sigmoid_derivative)}
    widget = ActivationExplorer(name="sigmoid", z_range=6.0, student=student)
    widget.refresh()
    z = np.array(widget.student_f_line.get_xdata())
    mine = np.array(widget.student_f_line.get_ydata())
    np.testing.assert_allclose(mine, _sigmoid_twice_as_steep(z))
    assert np.max(np.abs(mine - widget.f_line.get_ydata())) > 0.1
    wide = widget.student_curves[0].max_difference
    # σ(2z) − σ(z) is largest near |z| ≈ 1.06, about 0.150
    assert wide == pytest.approx(0.150, abs=1e-3)
    assert f"largest difference <b>{wide:.4g}</b>" in widget.status.value
    assert "<b>matches</b>" in widget.status.value  # the derivative is right

    widget.z_range.value = 1.0  # the largest gap now lies at the edge, z = ±1
    narrow = widget.student_curves[0].max_difference
    assert narrow < wide
    assert narrow == pytest.approx(abs(_sigmoid_twice_as_steep(1.0) - activations.sigmoid(1.0)))
    assert f"largest difference <b>{narrow:.4g}</b>" in widget.status.value
    assert f"{wide:.4g}" not in widget.status.value


def test_explorer_with_stubs_still_draws_the_library_and_says_not_answered():
    student = {"sigmoid": (_stub, _stub), "relu": (_stub, _stub)}
    widget = ActivationExplorer(name="sigmoid", student=student)
    widget.refresh()
    z = np.array(widget.f_line.get_xdata())
    np.testing.assert_allclose(widget.f_line.get_ydata(), activations.sigmoid(z))
    np.testing.assert_allclose(widget.df_line.get_ydata(), activations.sigmoid_derivative(z))
    assert len(widget.student_f_line.get_xdata()) == 0 and len(widget.student_df_line.get_xdata()) == 0
    assert widget.status.value.count("not answered yet") == 2
    widget.name.value = "relu"
    np.testing.assert_allclose(widget.f_line.get_ydata(), np.maximum(z, 0))
    assert widget.status.value.count("not answered yet") == 2

    set_language("sv")
    swedish = ActivationExplorer(name="relu", student=student)
    swedish.refresh()
    assert swedish.status.value.count("inte besvarad än") == 2


def test_explorer_shows_the_error_of_a_raising_function_without_a_traceback():
    def broken(z):
        raise ValueError("z must be <positive>")

    widget = ActivationExplorer(name="tanh", student={"tanh": (broken, lambda z: 1 / 0)})
    widget.refresh()  # does not raise
    assert "raised ValueError: z must be &lt;positive&gt;" in widget.status.value
    assert "raised ZeroDivisionError: division by zero" in widget.status.value
    assert "Traceback" not in widget.status.value
    assert len(widget.student_f_line.get_xdata()) == 0
    assert len(widget.f_line.get_xdata()) > 0


def test_explorer_reports_nan_inf_wrong_shapes_and_warnings():
    def naive_sigmoid(z):  # overflows for z < −709; the range ±50 does not reach that
        return 1.0 / (1.0 + np.exp(-100.0 * np.asarray(z)))

    def nan_for_negative(z):
        return np.sqrt(np.asarray(z))  # invalid value for z < 0: NaN

    student = {
        "sigmoid": (naive_sigmoid, nan_for_negative),
        "relu": (lambda z: max(z, 0), lambda z: np.ones(3)),
    }
    widget = ActivationExplorer(name="sigmoid", z_range=10.0, student=student)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        widget.refresh()
        assert "numpy warned: overflow encountered in exp" in widget.status.value
        assert "numpy warned: invalid value encountered in sqrt" in widget.status.value
        # NaN at every z < 0: 200 of the 401 plotted points, the first at −10
        assert "NaN (not a number) at 200 of the plotted z, the first at z = −10" in widget.status.value
        widget.name.value = "relu"
    assert "raised ValueError: The truth value of an array" in widget.status.value
    assert "returned shape (3,) for z of shape (401,)" in widget.status.value
    set_language("sv")
    try:
        swedish = ActivationExplorer(name="sigmoid", z_range=10.0, student=student)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            swedish.refresh()
        assert "numpy varnade: överspill (talet blev för stort) i exp" in swedish.status.value
        assert "ogiltigt värde (NaN) i sqrt" in swedish.status.value
        assert "encountered" not in swedish.status.value
    finally:
        set_language("en")


def test_explorer_says_which_activations_have_student_functions():
    widget = ActivationExplorer(name="step", student={"tanh": (np.tanh, None), "relu": (activations.relu, None)})
    widget.refresh()
    assert "Your own functions are drawn for: tanh, ReLU." in widget.status.value
    assert len(widget.student_f_line.get_xdata()) == 0
    widget.name.value = "tanh"
    assert "<b>matches</b>" in widget.status.value and "not given" in widget.status.value
    assert len(widget.student_df_line.get_xdata()) == 0


def test_explorer_passes_alpha_to_a_student_leaky_relu():
    def leaky(z, alpha):
        return np.where(z > 0, z, alpha * z)

    widget = ActivationExplorer(name="leaky_relu", alpha=0.2, student={"leaky_relu": (leaky, None)})
    widget.refresh()
    assert widget.student_curves[0].matches
    widget.alpha.value = 0.3
    z = np.array(widget.student_f_line.get_xdata())
    np.testing.assert_allclose(widget.student_f_line.get_ydata(), leaky(z, 0.3))
    assert widget.student_curves[0].matches


def test_explorer_without_student_has_no_student_legend():
    widget = ActivationExplorer()
    widget.refresh()
    assert [text.get_text() for text in widget.axes[0].get_legend().get_texts()] == ["$f(z)$", "tangent (slope f'(z))"]
    assert widget.axes[1].get_legend() is None
    assert "<br>" not in widget.status.value


def test_student_argument_error_messages():
    with pytest.raises(TypeError, match=r"ActivationExplorer: expected student to be a dict like .* but received list"):
        ActivationExplorer(student=[np.tanh])
    with pytest.raises(ValueError, match="expected the keys of student to be activation names in .* received 'swish'"):
        ActivationExplorer(student={"swish": (np.tanh, None)})
    with pytest.raises(TypeError, match=r"expected student\['tanh'\] to be a pair \(f, f_derivative\)"):
        ActivationExplorer(student={"tanh": np.tanh})
    with pytest.raises(TypeError, match=r"expected student\['tanh'\] to hold functions \(or None\), but received str"):
        ActivationExplorer(student={"tanh": (np.tanh, "derivative")})


def test_swedish_student_labels():
    set_language("sv")
    student = {"sigmoid": (_sigmoid_twice_as_steep, activations.sigmoid_derivative)}
    widget = ActivationExplorer(student=student)
    widget.refresh()
    assert widget.axes[0].get_legend().get_texts()[-1].get_text() == "din funktion"
    assert "Dina funktioner för sigmoid (streckade)" in widget.status.value
    assert "största skillnad <b>0,15" in widget.status.value and "<b>stämmer</b>" in widget.status.value


def test_student_tolerances_are_those_of_check():
    # Kept as copies because graded notebooks may not import course.exercise.
    from course.exercise import ATOL as CHECK_ATOL
    from course.exercise import RTOL as CHECK_RTOL
    from course.widgets.student import ATOL, RTOL

    assert (RTOL, ATOL) == (CHECK_RTOL, CHECK_ATOL)
