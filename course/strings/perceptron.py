STRINGS = {
    "perceptron.dataset": {"en": "data", "sv": "datamängd"},
    "perceptron.class0": {"en": "class 0 (y = 0)", "sv": "klass 0 (y = 0)"},
    "perceptron.class1": {"en": "class 1 (y = 1)", "sv": "klass 1 (y = 1)"},
    "perceptron.misclassified": {"en": "misclassified", "sv": "felklassificerad"},
    "perceptron.line": {"en": "decision boundary", "sv": "beslutsgräns"},
    "perceptron.old_line": {"en": "boundary before the step", "sv": "beslutsgräns före steget"},
    "perceptron.used_point": {"en": "point used in the step", "sv": "punkt som steget använde"},
    "perceptron.count": {
        "en": "{wrong} of {total} points misclassified",
        "sv": "{wrong} av {total} punkter felklassificerade",
    },
    "perceptron.run_epoch": {"en": "Rest of epoch", "sv": "Resten av epoken"},
    "perceptron.weights_now": {
        "en": "Weights now: w = (b, w₁, w₂) = <b>{w}</b>, learning rate η = {eta}",
        "sv": "Vikterna nu: w = (b, w₁, w₂) = <b>{w}</b>, inlärningstakt η = {eta}",
    },
    "perceptron.no_line": {
        "en": "w₁ = w₂ = 0: there is no line, every point gets the same class.",
        "sv": "w₁ = w₂ = 0: det finns ingen linje, alla punkter får samma klass.",
    },
    "perceptron.line_outside": {
        "en": "The line lies outside the picture, so all four points get the same class.",
        "sv": "Linjen ligger utanför bilden, så alla fyra punkterna får samma klass.",
    },
    "perceptron.press_step": {
        "en": "Press Step to apply the learning rule to the first point.",
        "sv": "Tryck på Steg för att tillämpa inlärningsregeln på den första punkten.",
    },
    "perceptron.step_header": {
        "en": "Step {step} (epoch {epoch}): point {index}, x = {x}, target y = {y}",
        "sv": "Steg {step} (epok {epoch}): punkt {index}, x = {x}, målvärde y = {y}",
    },
    "perceptron.no_change": {
        "en": "Correct, so y − ŷ = 0 and the weights do not change.",
        "sv": "Rätt, alltså är y − ŷ = 0 och vikterna ändras inte.",
    },
    "perceptron.converged": {
        "en": "Converged: epoch {epoch} went through every point without a single update.",
        "sv": "Konvergerat: epok {epoch} gick igenom alla punkter utan en enda uppdatering.",
    },
    "perceptron.pass_summary": {
        "en": "Updates per epoch so far ({epochs} finished): {updates}",
        "sv": "Uppdateringar per epok hittills ({epochs} avslutade): {updates}",
    },
    "perceptron.flow_inputs": {"en": "inputs", "sv": "indata"},
    "perceptron.flow_weights": {"en": "weights", "sv": "vikter"},
    "perceptron.flow_sum": {"en": "weighted sum", "sv": "viktad summa"},
    "perceptron.flow_activation": {"en": "activation", "sv": "aktivering"},
    "perceptron.flow_output": {"en": "output", "sv": "utdata"},
    "perceptron.activation_title": {"en": "Step function and sigmoid", "sv": "Stegfunktion och sigmoid"},
    "perceptron.z_label": {"en": "weighted sum z", "sv": "viktad summa z"},
    "perceptron.output_label": {"en": "output ŷ", "sv": "utdata ŷ"},
    "perceptron.weight_vector": {"en": "weight vector (w₁, w₂)", "sv": "viktvektorn (w₁, w₂)"},
    "perceptron.and_title": {
        "en": "AND: the line x₁ + x₂ − 1.5 = 0",
        "sv": "AND: linjen x₁ + x₂ − 1,5 = 0",
    },
    "perceptron.random_starts_title": {
        "en": "OR: {n} perceptrons from random starts",
        "sv": "OR: {n} perceptroner från slumpade startvikter",
    },
    "perceptron.xor_title": {
        "en": "XOR: which line separates the classes?",
        "sv": "XOR: vilken linje skiljer klasserna åt?",
    },
    "perceptron.mistakes_label": {"en": "updates (mistakes) in the epoch", "sv": "uppdateringar (fel) under epoken"},
    "perceptron.mistakes_title": {
        "en": "Perceptron learning rule on AND and XOR",
        "sv": "Perceptronens inlärningsregel på AND och XOR",
    },
    "perceptron.hidden_title": {
        "en": "XOR with a hidden layer: two lines",
        "sv": "XOR med ett dolt lager: två linjer",
    },
    "perceptron.or_neuron": {"en": "hidden neuron 1 (OR)", "sv": "dold neuron 1 (OR)"},
    "perceptron.nand_neuron": {"en": "hidden neuron 2 (NAND)", "sv": "dold neuron 2 (NAND)"},
}
