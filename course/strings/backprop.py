"""UI strings for chapter 07's lesson figures (course.widgets.backprop)."""

STRINGS = {
    "backprop.loss": {"en": "loss $L$", "sv": "förlust $L$"},
    "backprop.iteration": {"en": "iteration", "sv": "iteration"},
    "backprop.epoch": {"en": "epoch", "sv": "epok"},
    "backprop.weight_value": {"en": "value of the weight", "sv": "viktens värde"},
    "backprop.loss_one_weight": {
        "en": "$L$ as a function of ${name}$ alone",
        "sv": "$L$ som funktion av enbart ${name}$",
    },
    "backprop.weight_axis": {
        "en": "weight ${name}$ (every other weight frozen)",
        "sv": "vikten ${name}$ (alla andra vikter låsta)",
    },
    "backprop.tangent": {"en": "slope {slope} (central difference)", "sv": "lutning {slope} (central differens)"},
    "backprop.one_weight_title": {
        "en": "Change one weight, keep the others fixed",
        "sv": "Ändra en vikt, håll de andra fasta",
    },
    "backprop.xor_title": {"en": "Our numpy network learns XOR", "sv": "Vårt numpy-nätverk lär sig XOR"},
    "backprop.symmetry_title": {
        "en": "Weights into the hidden units, constant start",
        "sv": "Vikterna in till de dolda noderna, konstant start",
    },
    "backprop.random_start": {"en": "random start", "sv": "slumpmässig start"},
    "backprop.constant_start": {"en": "every weight 0.5", "sv": "alla vikter 0,5"},
    "backprop.zero_start": {"en": "every weight 0", "sv": "alla vikter 0"},
    "backprop.start_title": {"en": "XOR from three starts", "sv": "XOR från tre starter"},
    "backprop.moons_title": {
        "en": "Two moons, 2–16–16–1, validation accuracy {acc}",
        "sv": "Två månar, 2–16–16–1, träffsäkerhet på valideringsdata {acc}",
    },
    "backprop.train_loss": {"en": "training loss", "sv": "förlust på träningsdata"},
    "backprop.val_loss": {"en": "validation loss", "sv": "förlust på valideringsdata"},
}
