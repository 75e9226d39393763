"""UI strings of the figures that lessons 00–06 draw through ``course.plots_lessons``."""

STRINGS = {
    # 01: a hidden layer solves XOR
    "lesson_plots.class0": {"en": "class 0 (y = 0)", "sv": "klass 0 (y = 0)"},
    "lesson_plots.class1": {"en": "class 1 (y = 1)", "sv": "klass 1 (y = 1)"},
    "lesson_plots.hidden_neuron": {"en": "hidden neuron {k}", "sv": "dold neuron {k}"},
    "lesson_plots.hidden_title": {
        "en": "XOR with a hidden layer: two lines",
        "sv": "XOR med ett dolt lager: två linjer",
    },
    # 02: the catalogue and the ReLU network for XOR
    "lesson_plots.name.step": {"en": "step function", "sv": "stegfunktion"},
    "lesson_plots.name.identity": {"en": "linear (identity)", "sv": "linjär (identitet)"},
    "lesson_plots.name.sigmoid": {"en": "sigmoid", "sv": "sigmoid"},
    "lesson_plots.name.tanh": {"en": "tanh", "sv": "tanh"},
    "lesson_plots.name.relu": {"en": "ReLU", "sv": "ReLU"},
    "lesson_plots.name.leaky_relu": {"en": "leaky ReLU, α = {alpha}", "sv": "leaky ReLU, α = {alpha}"},
    "lesson_plots.weighted_sum": {"en": "weighted sum z", "sv": "viktad summa z"},
    "lesson_plots.xor_value": {"en": "XOR = {value}", "sv": "XOR = {value}"},
    "lesson_plots.output_level": {"en": "output = {level}", "sv": "utdata = {level}"},
    "lesson_plots.xor_title": {
        "en": "ReLU network for XOR: output over the input plane",
        "sv": "ReLU-nätverk för XOR: utdata över indataplanet",
    },
    # 05: the gradient
    "lesson_plots.direction_angle": {"en": "direction $\\varphi$ of $u$ (degrees)", "sv": "riktning $\\varphi$ för $u$ (grader)"},
    "lesson_plots.slope_along": {"en": "slope along $u$", "sv": "lutning längs $u$"},
    "lesson_plots.gradient_direction": {
        "en": "direction of $\\nabla L$ ({angle}°), steepest slope {slope}",
        "sv": "riktningen för $\\nabla L$ ({angle}°), brantaste lutning {slope}",
    },
    "lesson_plots.directional_title": {"en": "Slope in every direction $u$", "sv": "Lutningen i varje riktning $u$"},
    "lesson_plots.uphill": {"en": "gradient $\\nabla L$ (uphill)", "sv": "gradienten $\\nabla L$ (uppför)"},
    "lesson_plots.downhill": {"en": "$-\\nabla L$ (downhill)", "sv": "$-\\nabla L$ (nedför)"},
    "lesson_plots.minimum_at": {"en": "minimum ({a}, {b})", "sv": "minimum ({a}; {b})"},
    "lesson_plots.param_a": {"en": "parameter $a$", "sv": "parametern $a$"},
    "lesson_plots.param_b": {"en": "parameter $b$", "sv": "parametern $b$"},
    "lesson_plots.gradient_title": {"en": "The gradient points uphill", "sv": "Gradienten pekar uppför"},
    # 06: the chain rule and numerical derivatives
    "lesson_plots.function": {"en": "F(x)", "sv": "F(x)"},
    "lesson_plots.tangent": {"en": "tangent at x₀ = {x0}, slope {slope}", "sv": "tangent i x₀ = {x0}, lutning {slope}"},
    "lesson_plots.derivative": {"en": "F′(x) from the chain rule", "sv": "F′(x) enligt kedjeregeln"},
    "lesson_plots.wrong_derivative": {
        "en": "cos(x²) (inner derivative forgotten)",
        "sv": "cos(x²) (inre derivatan bortglömd)",
    },
    "lesson_plots.chain_title": {"en": "F(x) = sin(x²) and its derivative", "sv": "F(x) = sin(x²) och dess derivata"},
    "lesson_plots.forward_difference": {"en": "forward difference", "sv": "framåtdifferens"},
    "lesson_plots.central_difference": {"en": "central difference", "sv": "central differens"},
    "lesson_plots.slope1": {"en": "slope 1 (error ∝ h)", "sv": "lutning 1 (fel ∝ h)"},
    "lesson_plots.slope2": {"en": "slope 2 (error ∝ h²)", "sv": "lutning 2 (fel ∝ h²)"},
    "lesson_plots.step_size": {"en": "step size h", "sv": "differenssteg h"},
    "lesson_plots.abs_error": {"en": "absolute error of the derivative", "sv": "absolut fel i derivatan"},
    "lesson_plots.difference_title": {
        "en": "Numerical derivative: truncation vs round-off error",
        "sv": "Numerisk derivata: trunkeringsfel mot avrundningsfel",
    },
}
