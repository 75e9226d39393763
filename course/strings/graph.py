STRINGS = {
    "graph.title": {
        "en": "Forward: values (blue, above each node) · Backward: gradients (red, below)",
        "sv": "Framåt: värden (blått, ovanför varje nod) · Bakåt: gradienter (rött, under)",
    },
    "graph.show_local": {"en": "show local derivatives", "sv": "visa lokala derivator"},
    "graph.explain": {"en": "paths for", "sv": "vägar för"},
    "graph.paths": {
        "en": "{gradient} = sum over {n} path(s) of the product of local derivatives: {terms} = {total}",
        "sv": "{gradient} = summan över {n} väg(ar) av produkten av lokala derivator: {terms} = {total}",
    },
    "graph.check": {
        "en": "Gradient check (central differences, h = {h}): largest |backward − numerical| = {error}",
        "sv": "Gradientkontroll (centrala differenser, h = {h}): största |bakåt − numerisk| = {error}",
    },
    "graph.step_size": {"en": "step size h", "sv": "differenssteg h"},
    "graph.abs_error": {"en": "absolute error of the derivative", "sv": "absolut fel i derivatan"},
    "graph.forward_difference": {"en": "forward difference", "sv": "framåtdifferens"},
    "graph.central_difference": {"en": "central difference", "sv": "central differens"},
    "graph.difference_title": {
        "en": "Numerical derivative: truncation vs round-off error",
        "sv": "Numerisk derivata: trunkeringsfel mot avrundningsfel",
    },
    "graph.slope1": {"en": "slope 1 (error ∝ h)", "sv": "lutning 1 (fel ∝ h)"},
    "graph.slope2": {"en": "slope 2 (error ∝ h²)", "sv": "lutning 2 (fel ∝ h²)"},
    "graph.function": {"en": "F(x)", "sv": "F(x)"},
    "graph.derivative": {"en": "F′(x) from the chain rule", "sv": "F′(x) enligt kedjeregeln"},
    "graph.tangent": {"en": "tangent at x₀", "sv": "tangent i x₀"},
    "graph.chain_title": {"en": "F(x) = sin(x²) and its derivative", "sv": "F(x) = sin(x²) och dess derivata"},
    "graph.wrong_derivative": {
        "en": "cos(x²) (inner derivative forgotten)",
        "sv": "cos(x²) (inre derivatan bortglömd)",
    },
}
