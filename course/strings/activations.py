STRINGS = {
    "activations.name.step": {"en": "step function", "sv": "stegfunktion"},
    "activations.name.identity": {"en": "linear (identity)", "sv": "linjär (identitet)"},
    "activations.name.sigmoid": {"en": "sigmoid", "sv": "sigmoid"},
    "activations.name.tanh": {"en": "tanh", "sv": "tanh"},
    "activations.name.relu": {"en": "ReLU", "sv": "ReLU"},
    "activations.name.leaky_relu": {"en": "leaky ReLU", "sv": "leaky ReLU"},
    "activations.function": {"en": "activation function", "sv": "aktiveringsfunktion"},
    "activations.z_range": {"en": "z range ±", "sv": "z-intervall ±"},
    "activations.point": {"en": "point z", "sv": "punkt z"},
    "activations.alpha": {"en": "α (leaky ReLU)", "sv": "α (leaky ReLU)"},
    "activations.tangent": {"en": "tangent (slope f'(z))", "sv": "tangent (lutning f'(z))"},
    "activations.f_title": {"en": "{name}: $f(z)$", "sv": "{name}: $f(z)$"},
    "activations.df_title": {"en": "derivative of {name}: $f'(z)$", "sv": "derivatan av {name}: $f'(z)$"},
    "activations.status": {
        "en": "at z = {z}: value f(z) = <b>{value}</b>, slope f′(z) = <b>{slope}</b>",
        "sv": "i z = {z}: värdet f(z) = <b>{value}</b>, lutningen f′(z) = <b>{slope}</b>",
    },
    "activations.n_layers": {"en": "number of layers N", "sv": "antal lager N"},
    "activations.width": {"en": "neurons per layer", "sv": "neuroner per lager"},
    "activations.between": {"en": "between the layers", "sv": "mellan lagren"},
    "activations.linear": {"en": "nothing (linear)", "sv": "ingenting (linjärt)"},
    "activations.new_weights": {"en": "new random weights", "sv": "nya slumpade vikter"},
    "activations.x": {"en": "input x", "sv": "indata x"},
    "activations.output": {"en": "output g(x)", "sv": "utdata g(x)"},
    "activations.collapsed": {"en": "one layer $W = W_N \\cdots W_1$", "sv": "ett lager $W = W_N \\cdots W_1$"},
    "activations.stack_title_1d": {"en": "{n} layers, one input", "sv": "{n} lager, ett indatavärde"},
    "activations.stack_title_2d": {
        "en": "two inputs: output as colour",
        "sv": "två indatavärden: utdata som färg",
    },
    "activations.status_linear": {
        "en": "{n} linear layers are <b>one</b> linear layer: g(x) = {formula} "
        "(largest difference from the stack: {gap})",
        "sv": "{n} linjära lager är <b>ett</b> linjärt lager: g(x) = {formula} "
        "(största skillnaden mot de staplade lagren: {gap})",
    },
    "activations.status_relu": {
        "en": "{n} layers with ReLU between them: <b>{pieces}</b> straight pieces over the plotted x",
        "sv": "{n} lager med ReLU emellan: <b>{pieces}</b> raka delar över det ritade x-intervallet",
    },
    "activations.z": {"en": "weighted sum z", "sv": "viktad summa z"},
    "activations.logits": {"en": "scores z", "sv": "poäng z"},
    "activations.probabilities": {"en": "softmax probabilities", "sv": "softmax-sannolikheter"},
    "activations.class": {"en": "class", "sv": "klass"},
    "activations.depth": {"en": "number of layers L", "sv": "antal lager L"},
    "activations.factor": {"en": "largest possible factor", "sv": "största möjliga faktor"},
    "activations.factor_title": {
        "en": "At most this much of a gradient survives L layers",
        "sv": "Högst så här mycket av en gradient överlever L lager",
    },
    "activations.xor_title": {
        "en": "ReLU network for XOR: output over the input plane",
        "sv": "ReLU-nätverk för XOR: utdata över indataplanet",
    },
    "activations.class_0": {"en": "XOR = 0", "sv": "XOR = 0"},
    "activations.class_1": {"en": "XOR = 1", "sv": "XOR = 1"},
    "activations.boundary": {"en": "output = 0.5", "sv": "utdata = 0,5"},
    "activations.kinks": {"en": "kinks", "sv": "brytpunkter"},
    # The student's own functions drawn over the library's (exercise 02)
    "activations.yours_f": {"en": "your function", "sv": "din funktion"},
    "activations.yours_df": {"en": "your derivative", "sv": "din derivata"},
    "activations.student_status": {
        "en": "Your functions for {name} (dashed) against the library's:<br>"
        "&emsp;<b>your f(z)</b>: {f}<br>&emsp;<b>your f′(z)</b>: {df}",
        "sv": "Dina funktioner för {name} (streckade) jämförda med bibliotekets:<br>"
        "&emsp;<b>din f(z)</b>: {f}<br>&emsp;<b>din f′(z)</b>: {df}",
    },
    "activations.student_elsewhere": {
        "en": "Your own functions are drawn for: {names}. Choose one of them in the menu.",
        "sv": "Dina egna funktioner ritas för: {names}. Välj en av dem i menyn.",
    },
    "activations.not_answered": {"en": "not answered yet", "sv": "inte besvarad än"},
    "activations.student_missing": {"en": "not given", "sv": "inte angiven"},
    "activations.student_raised": {"en": "raised {error}", "sv": "gav felet {error}"},
    "activations.student_shape": {
        "en": "returned shape {shape} for z of shape {expected}; it must work element-wise on a whole array",
        "sv": "returnerade formen {shape} för z med formen {expected}; den ska verka elementvis på en hel array",
    },
    "activations.student_complex": {
        "en": "returned complex numbers",
        "sv": "returnerade komplexa tal",
    },
    "activations.student_not_numbers": {
        "en": "returned {type}, not numbers",
        "sv": "returnerade {type}, inte tal",
    },
    "activations.student_matches": {
        "en": "<b>matches</b> (largest difference {diff})",
        "sv": "<b>stämmer</b> (största skillnad {diff})",
    },
    "activations.student_differs": {
        "en": "largest difference <b>{diff}</b>, at z = {z}",
        "sv": "största skillnad <b>{diff}</b>, vid z = {z}",
    },
    "activations.student_all_bad": {
        "en": "no finite value anywhere in the plotted range",
        "sv": "inget ändligt värde någonstans i det ritade intervallet",
    },
    "activations.student_nan": {
        "en": "NaN (not a number) at {n} of the plotted z, the first at z = {z}",
        "sv": "NaN (inte ett tal) vid {n} av de ritade z, det första vid z = {z}",
    },
    "activations.student_inf": {
        "en": "±inf (infinite) at {n} of the plotted z, the first at z = {z}",
        "sv": "±inf (oändligt) vid {n} av de ritade z, det första vid z = {z}",
    },
    "activations.student_warned": {
        "en": "numpy warned: {warning}",
        "sv": "numpy varnade: {warning}",
    },
}
