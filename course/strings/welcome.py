STRINGS = {
    "welcome.weight_w": {"en": "weight w", "sv": "vikt w"},
    "welcome.bias_b": {"en": "bias b", "sv": "bias b"},
    "welcome.input_x": {"en": "input x", "sv": "indata x"},
    "welcome.x_label": {"en": "input x", "sv": "indata x"},
    "welcome.y_label": {"en": "output ŷ", "sv": "utdata ŷ"},
    "welcome.curve_title": {"en": "One neuron: ŷ = σ(w·x + b)", "sv": "En neuron: ŷ = σ(w·x + b)"},
    "welcome.half_line": {"en": "where ŷ = 0.5", "sv": "där ŷ = 0,5"},
    "welcome.your_input": {"en": "your input x", "sv": "ditt indatavärde x"},
    "welcome.input_layer": {"en": "input layer", "sv": "indatalager"},
    "welcome.hidden_layer": {"en": "hidden layer", "sv": "dolt lager"},
    "welcome.output_layer": {"en": "output layer", "sv": "utdatalager"},
    "welcome.network_title": {
        "en": "A fully connected network with layer sizes {sizes}",
        "sv": "Ett fullt kopplat nätverk med lagerstorlekarna {sizes}",
    },
    "welcome.digit_title": {"en": "What we see: the digit {label}", "sv": "Det vi ser: siffran {label}"},
    "welcome.pixels_title": {
        "en": "What the network gets: 64 numbers",
        "sv": "Det nätverket får: 64 tal",
    },
    "welcome.digit_axis": {"en": "digit", "sv": "siffra"},
    "welcome.probability": {"en": "probability", "sv": "sannolikhet"},
    "welcome.target_title": {"en": "target y = {label}", "sv": "facit y = {label}"},
    "welcome.answer_title": {
        "en": "answer: {label} ({percent:.0f}%)",
        "sv": "svar: {label} ({percent:.0f} %)",
    },
}
