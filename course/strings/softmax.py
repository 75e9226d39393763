"""UI strings for chapter 08 (softmax and multi-class classification) and its widgets."""

STRINGS = {
    # Controls
    "softmax.true_class": {"en": "true class c", "sv": "rätt klass c"},
    "softmax.temperature": {"en": "temperature T", "sv": "temperatur T"},
    # Axes, titles, legends
    "softmax.class": {"en": "class $k$", "sv": "klass $k$"},
    "softmax.class_n": {"en": "class {k}", "sv": "klass {k}"},
    "softmax.probability": {"en": "probability $p_k$", "sv": "sannolikhet $p_k$"},
    "softmax.p_title": {"en": "softmax: $p = \\mathrm{softmax}(z)$", "sv": "softmax: $p = \\mathrm{softmax}(z)$"},
    "softmax.gradient_axis": {"en": "$\\partial L / \\partial z_k$", "sv": "$\\partial L / \\partial z_k$"},
    "softmax.gradient_title": {
        "en": "gradient $p - y$ (negative: push up)",
        "sv": "gradienten $p - y$ (negativ: trycks upp)",
    },
    "softmax.at_t1": {"en": "at $T = 1$", "sv": "vid $T = 1$"},
    "softmax.uniform": {"en": "uniform $1/{K}$", "sv": "likformig $1/{K}$"},
    "softmax.temperature_axis": {"en": "temperature $T$ (log scale)", "sv": "temperatur $T$ (log. skala)"},
    "softmax.temperature_title": {"en": "$\\mathrm{{softmax}}(z / T)$ at $T$ = {T}",
                                  "sv": "$\\mathrm{{softmax}}(z / T)$ vid $T$ = {T}"},
    "softmax.training": {"en": "training", "sv": "träningsdata"},
    "softmax.validation": {"en": "validation", "sv": "valideringsdata"},
    "softmax.epoch": {"en": "epoch", "sv": "epok"},
    "softmax.cross_entropy": {"en": "cross-entropy", "sv": "korsentropi"},
    "softmax.loss_title": {"en": "loss per epoch", "sv": "förlust per epok"},
    "softmax.accuracy": {"en": "accuracy", "sv": "träffsäkerhet"},
    "softmax.accuracy_title": {"en": "accuracy per epoch", "sv": "träffsäkerhet per epok"},
    "softmax.chance": {"en": "guessing (1/{K})", "sv": "gissning (1/{K})"},
    "softmax.softmax_title": {"en": "softmax: the sum is {total}", "sv": "softmax: summan är {total}"},
    "softmax.sigmoid_title": {"en": "one sigmoid per label: the sum is {total}",
                              "sv": "en sigmoid per etikett: summan är {total}"},
    "softmax.spiral_title": {"en": "three-armed spiral: the data", "sv": "spiral med tre armar: data"},
    "softmax.regions_title": {"en": "decision regions after training", "sv": "beslutsområden efter träningen"},
    "softmax.untrained_title": {"en": "decision regions before training", "sv": "beslutsområden före träningen"},
    "softmax.overflow_title": {"en": "$e^z$ in float64", "sv": "$e^z$ i float64"},
    "softmax.overflow_limit": {"en": "largest float ≈ 1.8·10³⁰⁸", "sv": "största flyttal ≈ 1,8·10³⁰⁸"},
    "softmax.log_axis": {"en": "$e^z$ (log scale)", "sv": "$e^z$ (log. skala)"},
    # Status lines
    "softmax.right": {"en": "right", "sv": "rätt"},
    "softmax.wrong": {"en": "wrong", "sv": "fel"},
    "softmax.status_logits": {
        "en": "p = {p} · loss −ln p<sub>{c}</sub> = {loss} · predicted class {k} ({verdict})",
        "sv": "p = {p} · förlust −ln p<sub>{c}</sub> = {loss} · predikterad klass {k} ({verdict})",
    },
    "softmax.status_temperature": {
        "en": "T = {T}: p = {p} · most likely class {k} · spread (entropy) {H} of at most {Hmax}",
        "sv": "T = {T}: p = {p} · mest sannolik klass {k} · spridning (entropi) {H} av högst {Hmax}",
    },
}
