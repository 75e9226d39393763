"""UI strings for chapter 12 (the handwritten-digits project) and its widget."""

STRINGS = {
    # Controls
    "digits.pen": {"en": "pen", "sv": "penna"},
    "digits.ink_full": {"en": "full ink", "sv": "helt svart"},
    "digits.ink_half": {"en": "half ink", "sv": "halvsvart"},
    "digits.eraser": {"en": "eraser", "sv": "sudd"},
    "digits.clear": {"en": "clear", "sv": "töm"},
    "digits.shift": {"en": "move the drawing one pixel", "sv": "flytta teckningen en pixel"},
    "digits.image_index": {"en": "validation image", "sv": "valideringsbild"},
    # Axes, legends, titles
    "digits.training": {"en": "training data", "sv": "träningsdata"},
    "digits.validation": {"en": "validation data", "sv": "valideringsdata"},
    "digits.best_epoch": {"en": "best epoch", "sv": "bästa epok"},
    "digits.epoch": {"en": "epoch", "sv": "epok"},
    "digits.loss_axis": {"en": "loss (cross-entropy, log scale)", "sv": "förlust (korsentropi, log. skala)"},
    "digits.accuracy_axis": {"en": "accuracy", "sv": "träffsäkerhet"},
    "digits.predicted": {"en": "predicted digit", "sv": "predikterad siffra"},
    "digits.true": {"en": "true digit", "sv": "sann siffra"},
    "digits.digit": {"en": "digit", "sv": "siffra"},
    "digits.probability": {"en": "probability", "sv": "sannolikhet"},
    "digits.unit": {"en": "unit {j}", "sv": "neuron {j}"},
    "digits.none_wrong": {"en": "No image is misclassified.", "sv": "Ingen bild är felklassad."},
    "digits.wrong_title": {"en": "true {true}, read {answer} ({p})", "sv": "sann {true}, läst {answer} ({p})"},
    "digits.confusion_validation": {
        "en": "Confusion matrix, validation data", "sv": "Förväxlingsmatris, valideringsdata",
    },
    "digits.confusion_test": {
        "en": "Confusion matrix, test data (accuracy {acc})", "sv": "Förväxlingsmatris, testdata (träffsäkerhet {acc})",
    },
    "digits.curves_title": {"en": "Training with early stopping", "sv": "Träning med tidigt stopp"},
    "digits.answer_title": {"en": "The network reads {answer} ({p})", "sv": "Nätverket läser {answer} ({p})"},
    "digits.drawn_title": {"en": "Your drawing", "sv": "Din teckning"},
    "digits.image_title": {"en": "Validation image {index}, label {label}", "sv": "Valideringsbild {index}, etikett {label}"},
    "digits.hidden_title": {
        "en": "Hidden layer: {active} of {n} units active", "sv": "Dolt lager: {active} av {n} neuroner aktiva",
    },
    "digits.hidden_unit": {"en": "hidden unit", "sv": "dold neuron"},
    "digits.activation": {"en": "activation $a^{(1)}_j$", "sv": "aktivering $a^{(1)}_j$"},
    # Status lines
    "digits.status_drawn": {"en": "Your own drawing.", "sv": "Din egen teckning."},
    "digits.status_loaded": {
        "en": "Validation image {index}, label {label}.", "sv": "Valideringsbild {index}, etikett {label}.",
    },
    "digits.status_empty": {
        "en": "The pad is empty, yet the network still answers with a digit: it knows nothing else.",
        "sv": "Rutan är tom, men nätverket svarar ändå med en siffra: det känner inte till något annat.",
    },
    "digits.status_answer": {
        "en": "The network reads <b>{answer}</b> with probability {p}; second guess {second} ({q}).",
        "sv": "Nätverket läser <b>{answer}</b> med sannolikheten {p}; näst mest troligt {second} ({q}).",
    },
}
