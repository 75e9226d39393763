"""UI strings for chapter 05 (least squares and gradient descent) and its widgets."""

STRINGS = {
    # Controls
    "descent.learning_rate": {"en": "learning rate η", "sv": "inlärningstakt η"},
    "descent.steps": {"en": "steps", "sv": "steg"},
    "descent.play": {"en": "play", "sv": "spela upp"},
    "descent.start_w": {"en": "start w₀", "sv": "startvärde w₀"},
    "descent.start_a": {"en": "start a₀", "sv": "startvärde a₀"},
    "descent.start_b": {"en": "start b₀", "sv": "startvärde b₀"},
    # Axis labels
    "descent.param_a": {"en": "parameter $a$", "sv": "parametern $a$"},
    "descent.param_b": {"en": "parameter $b$", "sv": "parametern $b$"},
    "descent.param_w": {"en": "parameter $w$", "sv": "parametern $w$"},
    "descent.x": {"en": "input $x$", "sv": "indata $x$"},
    "descent.y": {"en": "target $y$", "sv": "målvärde $y$"},
    "descent.step": {"en": "step $k$", "sv": "steg $k$"},
    "descent.loss_a": {"en": "loss $L(a)$", "sv": "förlust $L(a)$"},
    "descent.loss_w": {"en": "loss $L(w)$", "sv": "förlust $L(w)$"},
    "descent.loss_ab": {"en": "loss $L(a, b)$", "sv": "förlust $L(a, b)$"},
    "descent.angle": {"en": "direction $\\varphi$ of $u$ (degrees)", "sv": "riktning $\\varphi$ för $u$ (grader)"},
    "descent.directional": {"en": "slope along $u$", "sv": "lutning längs $u$"},
    "descent.learning_rate_axis": {"en": "learning rate $\\eta$", "sv": "inlärningstakt $\\eta$"},
    "descent.loss_ratio": {
        "en": "$L(a_{50}) \\,/\\, L(a_0)$ (log scale)",
        "sv": "$L(a_{50}) \\,/\\, L(a_0)$ (log. skala)",
    },
    # Legends
    "descent.data": {"en": "data points", "sv": "datapunkter"},
    "descent.errors": {"en": "errors $y_i - a x_i^2$", "sv": "fel $y_i - a x_i^2$"},
    "descent.loss_curve": {"en": "loss curve", "sv": "förlustkurva"},
    "descent.closed_form": {"en": "minimum (closed form)", "sv": "minimum (sluten form)"},
    "descent.path": {"en": "gradient descent path", "sv": "gradientnedstigningens väg"},
    "descent.min_loss": {"en": "smallest possible loss", "sv": "minsta möjliga förlust"},
    "descent.tangent": {"en": "tangent: slope $L'(a)$", "sv": "tangent: lutning $L'(a)$"},
    "descent.global_min": {"en": "global minimum", "sv": "globalt minimum"},
    "descent.local_min": {"en": "local minimum", "sv": "lokalt minimum"},
    "descent.local_max": {"en": "local maximum", "sv": "lokalt maximum"},
    "descent.gradient": {"en": "gradient $\\nabla L$ (uphill)", "sv": "gradienten $\\nabla L$ (uppför)"},
    "descent.minus_gradient": {"en": "$-\\nabla L$ (downhill)", "sv": "$-\\nabla L$ (nedför)"},
    "descent.threshold": {"en": "threshold $2 / L''$", "sv": "gräns $2 / L''$"},
    "descent.gradient_angle": {"en": "direction of $\\nabla L$", "sv": "riktningen för $\\nabla L$"},
    "descent.closed_form_fit": {"en": "closed form", "sv": "sluten form"},
    "descent.nnlib_fit": {"en": "nnlib Dense(1, 1) + SGD", "sv": "nnlib Dense(1, 1) + SGD"},
    # Titles
    "descent.title_data": {"en": "Which $a$ fits best?", "sv": "Vilket $a$ passar bäst?"},
    "descent.title_curve": {"en": "Gradient descent on $L(a)$", "sv": "Gradientnedstigning på $L(a)$"},
    "descent.title_slope": {"en": "The derivative is the slope where we stand",
                            "sv": "Derivatan är lutningen där vi står"},
    "descent.title_loss_per_step": {"en": "Loss per step", "sv": "Förlust per steg"},
    "descent.title_two_minima": {"en": "A curve with two minima", "sv": "En kurva med två minimipunkter"},
    "descent.title_surface": {"en": "Loss surface of $y = ax + b$", "sv": "Förlustyta för $y = ax + b$"},
    "descent.title_gradient": {"en": "The gradient points uphill", "sv": "Gradienten pekar uppför"},
    "descent.title_directional": {"en": "Slope in every direction $u$", "sv": "Lutningen i varje riktning $u$"},
    "descent.title_threshold": {"en": "Loss after 50 steps", "sv": "Förlust efter 50 steg"},
    "descent.title_fit_line": {"en": "The fitted line", "sv": "Den anpassade linjen"},
    "descent.regime_slow": {"en": "too small: $\\eta$ = {lr}", "sv": "för liten: $\\eta$ = {lr}"},
    "descent.regime_good": {"en": "good: $\\eta$ = {lr}", "sv": "lagom: $\\eta$ = {lr}"},
    "descent.regime_large": {"en": "too large: $\\eta$ = {lr}", "sv": "för stor: $\\eta$ = {lr}"},
    "descent.regime_divergent": {"en": "divergent: $\\eta$ = {lr}", "sv": "divergerar: $\\eta$ = {lr}"},
    # Status lines
    "descent.verdict_converged": {
        "en": "Converged: after {steps} steps the path sits at the minimum.",
        "sv": "Konvergerar: efter {steps} steg ligger vägen i minimipunkten.",
    },
    "descent.verdict_slow": {
        "en": "Too slow: after {steps} steps the path is still on its way to the minimum.",
        "sv": "För långsamt: efter {steps} steg är vägen fortfarande på väg mot minimipunkten.",
    },
    "descent.verdict_oscillating": {
        "en": "Oscillating: every step jumps across the minimum (still not there after {steps} steps).",
        "sv": "Oscillerar: varje steg hoppar över minimipunkten (inte framme ens efter {steps} steg).",
    },
    "descent.verdict_diverging": {
        "en": "Diverging: each step lands farther from the minimum (stopped after {steps} steps).",
        "sv": "Divergerar: varje steg hamnar längre från minimipunkten (avbröts efter {steps} steg).",
    },
    "descent.status_quadratic": {
        "en": "η = {lr}, threshold 2/L'' = {threshold}; a = {a} (closed form a* = {a_star}), "
        "L(a) = {loss}",
        "sv": "η = {lr}, gräns 2/L'' = {threshold}; a = {a} (sluten form a* = {a_star}), "
        "L(a) = {loss}",
    },
    "descent.status_linear": {
        "en": "η = {lr}, threshold 2/λ_max = {threshold}; (a, b) = {ab}, "
        "closed form {ab_star}, L(a, b) = {loss}",
        "sv": "η = {lr}, gräns 2/λ_max = {threshold}; (a; b) = {ab}, "
        "sluten form {ab_star}, L(a; b) = {loss}",
    },
    "descent.ended_global_min": {
        "en": "After {steps} steps w = {w}: the global minimum.",
        "sv": "Efter {steps} steg är w = {w}: det globala minimumet.",
    },
    "descent.ended_local_min": {
        "en": "After {steps} steps w = {w}: only the local minimum, the global one is lower.",
        "sv": "Efter {steps} steg är w = {w}: bara det lokala minimumet, det globala ligger lägre.",
    },
    "descent.ended_nowhere": {
        "en": "After {steps} steps w = {w}: not at a minimum yet; take more steps.",
        "sv": "Efter {steps} steg är w = {w}: inte framme vid något minimum än; ta fler steg.",
    },
    "descent.ended_oscillating": {
        "en": "After {steps} steps w = {w}: the steps are too long to settle in a valley; w jumps to and fro.",
        "sv": "Efter {steps} steg är w = {w}: stegen är för långa för att stanna i en dal; w hoppar fram och tillbaka.",
    },
    # The student's own L'(a) in LearningRateDescent (exercise 05)
    "descent.student_path": {"en": "path with your $L'(a)$", "sv": "vägen med din $L'(a)$"},
    "descent.student_not_answered": {
        "en": "Your {name} is not answered yet, so only the path with the library's L′(a) is drawn.",
        "sv": "Din {name} är inte besvarad än, så bara vägen med bibliotekets L′(a) ritas.",
    },
    "descent.student_raised": {
        "en": "Your {name} raised {error} at a = {a}.",
        "sv": "Din {name} gav felet {error} vid a = {a}.",
    },
    "descent.student_not_a_number": {
        "en": "Your {name} returned {what} at a = {a}; expected one number.",
        "sv": "Din {name} returnerade {what} vid a = {a} (väntat: ett tal).",
    },
    "descent.student_kind": {"en": "a value of type {type}", "sv": "ett värde av typen {type}"},
    "descent.student_shape": {"en": "an array of shape {shape}", "sv": "en array med formen {shape}"},
    "descent.student_nonfinite": {
        "en": "Your {name} returned {value} (not a finite number) at a = {a}.",
        "sv": "Din {name} returnerade {value} (inte ett ändligt tal) vid a = {a}.",
    },
    "descent.student_result": {
        "en": "Path with your L′(a) (dashed): a = {a} after {steps} steps.",
        "sv": "Vägen med din L′(a) (streckad): a = {a} efter {steps} steg.",
    },
    "descent.student_diverged": {
        "en": "Path with your L′(a) (dashed): diverging, stopped after {steps} steps at a = {a}.",
        "sv": "Vägen med din L′(a) (streckad): divergerar, avbröts efter {steps} steg vid a = {a}.",
    },
    "descent.student_disagrees": {
        "en": "<b>At a = {a} (step {k}) your L′(a) = {mine}, but the library's L′(a) = {library}</b>: "
        "check your formula.",
        "sv": "<b>I a = {a} (steg {k}) är din L′(a) = {mine}, men bibliotekets L′(a) = {library}</b>: "
        "kontrollera din formel.",
    },
    "descent.student_agrees": {
        "en": "Your L′(a) agrees with the library's at all {n} points of the path.",
        "sv": "Din L′(a) stämmer med bibliotekets i alla {n} punkter på vägen.",
    },
    "descent.student_warned": {"en": "numpy warned: {warning}.", "sv": "numpy varnade: {warning}."},
    "descent.ended_diverging": {
        "en": "Diverging: the steps are too large and w runs away (stopped after {steps} steps).",
        "sv": "Divergerar: stegen är för stora och w rusar i väg (avbröts efter {steps} steg).",
    },
}
