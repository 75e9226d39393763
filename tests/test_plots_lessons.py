"""The figures of lessons 00–06 (course.plots_lessons): what each helper draws, in both languages."""

import re

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from course import set_language  # noqa: E402
from course import plots_lessons as pl  # noqa: E402
from course.i18n import strings  # noqa: E402

XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = np.array([0, 1, 1, 0])


@pytest.fixture(params=["en", "sv"])
def lang(request):
    set_language(request.param)
    yield request.param
    set_language("en")
    plt.close("all")


def texts(fig) -> list[str]:
    """Every visible text of a figure: titles, labels, legend entries, suptitle."""
    found = [fig._suptitle.get_text()] if fig._suptitle is not None else []
    for ax in fig.axes:
        found += [ax.get_title(), ax.get_xlabel(), ax.get_ylabel()]
        legend = ax.get_legend()
        if legend is not None:
            found += [text.get_text() for text in legend.get_texts()]
    return [text for text in found if text]


def legend_labels(ax) -> list[str]:
    return [text.get_text() for text in ax.get_legend().get_texts()]


def assert_in_language(fig, lang: str) -> None:
    """No text is the other language's string, and Swedish numbers have no decimal point."""
    shown = texts(fig)
    other = "en" if lang == "sv" else "sv"
    ours = {entry[lang] for key, entry in strings().items() if key.startswith("lesson_plots.")}
    theirs = {entry[other] for key, entry in strings().items() if key.startswith("lesson_plots.")} - ours
    assert not set(shown) & theirs, f"texts in the other language: {set(shown) & theirs}"
    if lang == "sv":
        for text in shown:
            outside_math = re.sub(r"\$[^$]*\$", "", text)
            assert not re.search(r"\d\.\d", outside_math), f"decimal point in a Swedish text: {text!r}"


def step(z):
    return (np.asarray(z) >= 0).astype(float)


def test_hidden_layer_region_draws_the_hidden_lines_and_the_band(lang):
    W1 = np.array([[1.0, 1.0], [-1.0, -1.0]])
    b1 = np.array([-0.5, 1.5])

    def network(points):
        return step(step(points @ W1.T + b1) @ np.array([1.0, 1.0]) - 1.5)

    fig = pl.hidden_layer_region(XOR_X, XOR_Y, W1, b1, network)
    ax = fig.axes[0]
    lines = ax.get_lines()
    assert len(lines) == 2
    # line k is W1[k]·x + b1[k] = 0: x2 = 0.5 − x1 and x2 = 1.5 − x1
    np.testing.assert_allclose(lines[0].get_ydata(), 0.5 - lines[0].get_xdata())
    np.testing.assert_allclose(lines[1].get_ydata(), 1.5 - lines[1].get_xdata())
    title = {"en": "XOR with a hidden layer: two lines", "sv": "XOR med ett dolt lager: två linjer"}[lang]
    assert ax.get_title() == title
    word = {"en": "hidden neuron", "sv": "dold neuron"}[lang]
    assert legend_labels(ax)[2:] == [f"{word} 1", f"{word} 2"]
    # the four points: class 0 at (0,0) and (1,1), class 1 at (0,1) and (1,0)
    class0, class1 = ax.collections[-2:]
    assert sorted(map(tuple, class0.get_offsets().tolist())) == [(0.0, 0.0), (1.0, 1.0)]
    assert sorted(map(tuple, class1.get_offsets().tolist())) == [(0.0, 1.0), (1.0, 0.0)]
    assert_in_language(fig, lang)


def test_hidden_layer_region_names_a_vertical_line():
    with pytest.raises(ValueError, match=r"non-zero weight for x2.*W1\[0\]"):
        pl.hidden_layer_region(XOR_X, XOR_Y, np.array([[1.0, 0.0], [1.0, 1.0]]), np.zeros(2), step)
    with pytest.raises(ValueError, match=r"expected W1 of shape \(2, 2\).*received shape \(3, 2\)"):
        pl.hidden_layer_region(XOR_X, XOR_Y, np.ones((3, 2)), np.zeros(2), step)


def test_activation_catalogue_one_panel_per_function_with_f_and_derivative(lang):
    z = np.linspace(-5, 5, 11)
    curves = {"sigmoid": (1 / (1 + np.exp(-z)), np.full(11, 0.2)), "relu": (np.maximum(z, 0), (z > 0) * 1.0),
              "leaky_relu": (np.where(z > 0, z, 0.1 * z), np.where(z > 0, 1.0, 0.1))}
    fig = pl.activation_catalogue(z, curves, alpha=0.1)
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert len(visible) == 3
    for ax, (f, df) in zip(visible, curves.values()):
        lines = [line for line in ax.get_lines() if len(line.get_xdata()) == z.size]
        np.testing.assert_allclose(lines[0].get_ydata(), f)
        np.testing.assert_allclose(lines[1].get_ydata(), df)
    assert visible[2].get_title() == {"en": "leaky ReLU, α = 0.1", "sv": "leaky ReLU, α = 0,1"}[lang]
    assert visible[0].get_xlabel() == {"en": "weighted sum z", "sv": "viktad summa z"}[lang]
    assert_in_language(fig, lang)


def test_xor_surface_draws_the_level_and_the_points(lang):
    def network(X):
        hidden = np.maximum(X @ np.ones((2, 2)) + np.array([0.0, -1.0]), 0)
        return hidden @ np.array([[1.0], [-2.0]])

    fig = pl.xor_surface(XOR_X, XOR_Y, network, level=0.5)
    ax = fig.axes[0]
    labels = legend_labels(ax)
    assert labels == ["XOR = 0", "XOR = 1", {"en": "output = 0.5", "sv": "utdata = 0,5"}[lang]]
    assert ax.get_title() == {"en": "ReLU network for XOR: output over the input plane",
                              "sv": "ReLU-nätverk för XOR: utdata över indataplanet"}[lang]
    # the dashed level set is drawn at exactly the requested level
    level_sets = [c for c in ax.collections if hasattr(c, "levels") and list(c.levels) == [0.5]]
    assert len(level_sets) == 1
    # the colour bar's numbers are in the language too
    fig.canvas.draw()
    colorbar_ticks = [text.get_text() for text in fig.axes[1].get_yticklabels() if text.get_text()]
    assert colorbar_ticks
    point = any("." in text for text in colorbar_ticks)
    assert point == (lang == "en"), colorbar_ticks
    assert_in_language(fig, lang)


def test_directional_slopes_marks_the_gradient_direction(lang):
    gradient = np.array([3.0, 4.0])
    angles = np.radians(np.arange(360))
    slopes = np.cos(angles) * 3 + np.sin(angles) * 4
    fig = pl.directional_slopes(angles, slopes, gradient)
    ax = fig.axes[0]
    curve, marker = ax.get_lines()[0], ax.get_lines()[1]
    np.testing.assert_allclose(curve.get_xdata(), np.arange(360))
    np.testing.assert_allclose(curve.get_ydata(), slopes)
    angle = np.degrees(np.arctan2(4, 3))  # 53.13°
    np.testing.assert_allclose(marker.get_xdata(), [angle, angle])
    expected = {"en": "direction of $\\nabla L$ (53.1°), steepest slope 5.00",
                "sv": "riktningen för $\\nabla L$ (53,1°), brantaste lutning 5,00"}[lang]
    assert legend_labels(ax) == [expected]
    assert_in_language(fig, lang)


def test_gradient_field_arrows_have_equal_length_and_point_up_and_down(lang):
    def loss(theta):
        return theta[0] ** 2 + 10 * theta[1] ** 2

    def gradient(theta):
        return np.array([2 * theta[0], 20 * theta[1]])

    points = np.array([[1.0, 1.0], [-2.0, 0.5]])
    fig = pl.gradient_field(loss, gradient, (0.0, 0.0), points, span=3.0, arrow_length=0.6)
    ax = fig.axes[0]
    up, down = [c for c in ax.collections if c.__class__.__name__ == "Quiver"]
    np.testing.assert_allclose(np.hypot(up.U, up.V), 0.6)
    np.testing.assert_allclose(up.U, -down.U)
    np.testing.assert_allclose(up.V, -down.V)
    # at (1, 1) the gradient (2, 20) points mostly along b
    direction = np.array([2.0, 20.0]) / np.hypot(2, 20)
    np.testing.assert_allclose([up.U[0], up.V[0]], 0.6 * direction)
    star = ax.get_lines()[0]
    assert (star.get_xdata()[0], star.get_ydata()[0]) == (0.0, 0.0)
    assert legend_labels(ax)[2] == {"en": "minimum (0.00, 0.00)", "sv": "minimum (0,00; 0,00)"}[lang]
    assert ax.get_title() == {"en": "The gradient points uphill", "sv": "Gradienten pekar uppför"}[lang]
    assert_in_language(fig, lang)


def test_function_and_derivative_tangent_has_the_given_slope(lang):
    x = np.linspace(-2.5, 2.5, 101)
    x0 = 1.6
    slope = np.cos(x0**2) * 2 * x0
    fig = pl.function_and_derivative(x, np.sin(x**2), np.cos(x**2) * 2 * x, np.cos(x**2), x0, np.sin(x0**2), slope)
    ax_f, ax_df = fig.axes
    tangent = ax_f.get_lines()[1]
    xs, ys = tangent.get_xdata(), tangent.get_ydata()
    assert (ys[1] - ys[0]) / (xs[1] - xs[0]) == pytest.approx(slope)
    assert legend_labels(ax_f)[1] == {"en": "tangent at x₀ = 1.6, slope −2.67",
                                      "sv": "tangent i x₀ = 1,6, lutning −2,67"}[lang]
    np.testing.assert_allclose(ax_df.get_lines()[1].get_ydata(), np.cos(x**2))
    assert fig._suptitle.get_text() == {"en": "F(x) = sin(x²) and its derivative",
                                        "sv": "F(x) = sin(x²) och dess derivata"}[lang]
    assert_in_language(fig, lang)


def test_difference_errors_leaves_out_exact_zeros_and_draws_the_guides(lang):
    steps = np.array([1e-8, 1e-4, 1e-2])
    forward = np.array([1e-8, 1e-4, 0.0])
    central = np.array([1e-7, 1e-9, 1e-5])
    fig = pl.difference_errors(steps, forward, central)
    ax = fig.axes[0]
    assert ax.get_xscale() == "log" and ax.get_yscale() == "log"
    drawn_forward = ax.get_lines()[0].get_ydata()
    assert np.isnan(drawn_forward[2]) and drawn_forward[1] == 1e-4
    np.testing.assert_allclose(ax.get_lines()[1].get_ydata(), central)
    assert len(ax.get_lines()) == 4
    assert ax.get_xlabel() == {"en": "step size h", "sv": "differenssteg h"}[lang]
    assert_in_language(fig, lang)


def test_outlier_costs_marks_mean_and_median_in_the_language(lang):
    y = np.array([2.0, 2.5, 3.0, 3.5, 12.0])
    c = np.linspace(0, 13, 131)
    mse = ((y[:, None] - c) ** 2).mean(axis=0)
    mae = np.abs(y[:, None] - c).mean(axis=0)
    fig = pl.outlier_costs(c, y, mse, mae)
    ax_mse, ax_mae = fig.axes
    np.testing.assert_allclose(ax_mse.get_lines()[0].get_ydata(), mse)
    np.testing.assert_allclose(ax_mae.get_lines()[0].get_ydata(), mae)
    mean_line, median_line = ax_mse.get_lines()[1:3]
    assert mean_line.get_xdata()[0] == pytest.approx(4.6) and median_line.get_xdata()[0] == 3.0
    expected = {"en": ["MSE", "mean 4.60 (minimises MSE)", "median 3.00 (minimises MAE)"],
                "sv": ["MSE", "medelvärde 4,60 (minimerar MSE)", "median 3,00 (minimerar MAE)"]}[lang]
    assert legend_labels(ax_mse) == expected
    assert_in_language(fig, lang)


def test_losses_after_sigmoid_draws_sizes_of_the_gradients(lang):
    p = np.linspace(0.01, 0.99, 50)
    grad_squared = 2 * (p - 1) * p * (1 - p)
    fig = pl.losses_after_sigmoid(p, (1 - p) ** 2, -np.log(p), grad_squared, p - 1)
    ax_loss, ax_grad = fig.axes
    np.testing.assert_allclose(ax_loss.get_lines()[1].get_ydata(), -np.log(p))
    np.testing.assert_allclose(ax_grad.get_lines()[0].get_ydata(), np.abs(grad_squared))
    np.testing.assert_allclose(ax_grad.get_lines()[1].get_ydata(), 1 - p)
    assert ax_loss.get_ylim() == (0, 5)
    assert ax_loss.get_title() == {"en": "Loss for ground truth y = 1", "sv": "Förlust när facit är y = 1"}[lang]
    assert_in_language(fig, lang)


def test_slope_arrows_tangents_and_steps(lang):
    a_grid = np.linspace(0, 4, 41)

    def loss(a):
        return (a - 2.0) ** 2

    def derivative(a):
        return 2 * (a - 2.0)

    fig = pl.slope_arrows(a_grid, loss(a_grid), loss, derivative, points=[0.5, 3.5], learning_rate=0.05)
    ax = fig.axes[0]
    tangents = [line for line in ax.get_lines() if line.get_linestyle() == "--"]
    for line, a in zip(tangents, [0.5, 3.5]):
        xs, ys = line.get_xdata(), line.get_ydata()
        assert (ys[1] - ys[0]) / (xs[1] - xs[0]) == pytest.approx(derivative(a))
    # the arrows end at a − η·L′(a): 0.5 + 0.15 and 3.5 − 0.15
    ends = sorted(arrow.xy[0] for arrow in ax.texts)
    assert ends == pytest.approx([0.65, 3.35])
    assert ax.get_title().endswith({"en": "η = 0.05)", "sv": "η = 0,05)"}[lang])
    assert_in_language(fig, lang)


def test_learning_rate_regimes_one_panel_per_rate_with_its_path(lang):
    a_grid = np.linspace(0, 4, 41)

    def loss(a):
        return (np.asarray(a) - 2.0) ** 2

    runs = {"slow": (0.05, 0.05, np.array([0.0, 0.2, 0.38])), "divergent": (1.05, 1.05, np.array([0.0, 4.2, -0.4]))}
    fig = pl.learning_rate_regimes(a_grid, loss(a_grid), loss, runs, a_closed=2.0)
    assert len(fig.axes) == 2
    path = fig.axes[1].get_lines()[1]
    np.testing.assert_allclose(path.get_xdata(), [0.0, 4.2, -0.4])
    np.testing.assert_allclose(path.get_ydata(), loss(np.array([0.0, 4.2, -0.4])))
    assert fig.axes[0].get_title() == {"en": "too small: η = 0.05 (= 0.05 · 2/L″)",
                                       "sv": "för liten: η = 0,05 (= 0,05 · 2/L″)"}[lang]
    assert_in_language(fig, lang)


def test_fitted_line_draws_both_lines_and_the_loss_floor(lang):
    x = np.array([0.0, 1.0, 2.0, 4.0])
    y = 1.5 * x + 2
    fig = pl.fitted_line(x, y, (1.5, 2.0), lambda X: 1.4 * X + 2.1, np.arange(1, 4), np.array([3.0, 1.0, 0.5]), 0.25)
    ax_fit, ax_loss = fig.axes
    closed, trained = ax_fit.get_lines()[1:3]
    np.testing.assert_allclose(closed.get_ydata(), [2.0, 8.0])
    np.testing.assert_allclose(trained.get_ydata(), [2.1, 7.7])
    assert legend_labels(ax_fit)[1] == {"en": "closed form: ŷ = 1.500 x + 2.000",
                                        "sv": "sluten form: ŷ = 1,500 x + 2,000"}[lang]
    assert ax_loss.get_yscale() == "log"
    assert ax_loss.get_lines()[1].get_ydata()[0] == 0.25
    assert ax_loss.get_xlabel() == {"en": "epoch", "sv": "epok"}[lang]
    assert_in_language(fig, lang)


def test_digit_and_pixels_writes_the_64_numbers(lang):
    image = np.arange(64, dtype=float).reshape(8, 8) / 4
    fig = pl.digit_and_pixels(image, label=7)
    ax_image, ax_numbers = fig.axes
    numbers = [text.get_text() for text in ax_numbers.texts]
    assert len(numbers) == 64 and numbers[:3] == ["0", "0", "0"] and numbers[-1] == "16"
    assert ax_image.get_title() == {"en": "What we see: the digit 7", "sv": "Det vi ser: siffran 7"}[lang]
    assert ax_numbers.get_title() == {"en": "What the network gets: 64 numbers",
                                      "sv": "Det nätverket får: 64 tal"}[lang]
    np.testing.assert_allclose(ax_image.get_images()[0].get_array(), image)


def test_digit_answers_highlights_the_most_probable_digit(lang):
    rng = np.random.default_rng(0)
    images = rng.uniform(size=(3, 64))
    probabilities = np.full((3, 10), 0.02)
    probabilities[0, 7], probabilities[1, 3], probabilities[2, 1] = 0.82, 0.82, 0.82
    fig = pl.digit_answers(images, np.array([7, 3, 8]), probabilities, [0, 2])
    assert len(fig.axes) == 4
    bars = fig.axes[2].patches  # row 2, column 1: ten bars, then the highlighted answer
    assert len(bars) == 11 and bars[-1].get_x() + bars[-1].get_width() / 2 == pytest.approx(7)
    assert fig.axes[1].get_title() == {"en": "ground truth y = 8", "sv": "facit y = 8"}[lang]
    assert fig.axes[3].get_title() == {"en": "answer: 1 (82%)", "sv": "svar: 1 (82 %)"}[lang]


def test_network_shapes_standardises_each_curve_and_counts_parameters(lang):
    x = np.linspace(-3, 3, 7)
    outputs = {(1, 4, 1): [2 * x + 5, np.abs(x)], (1, 1000, 1): [x]}
    fig = pl.network_shapes(x, outputs, lambda sizes: 3001 if sizes == [1, 1000, 1] else 13)
    first = fig.axes[0].get_lines()[0].get_ydata()
    assert first.mean() == pytest.approx(0) and first.std() == pytest.approx(1)
    np.testing.assert_allclose(first, (x - x.mean()) / x.std())
    titles = [ax.get_title() for ax in fig.axes]
    # thousands grouped by fmt: a comma in English, a no-break space in Swedish
    assert titles == {"en": ["sizes 1 → 4 → 1: 13 parameters", "sizes 1 → 1000 → 1: 3,001 parameters"],
                      "sv": ["storlekar 1 → 4 → 1: 13 parametrar",
                             "storlekar 1 → 1000 → 1: 3\u00a0001 parametrar"]}[lang]
    assert_in_language(fig, lang)
