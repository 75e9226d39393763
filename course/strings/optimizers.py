"""UI strings for chapter 09 (optimisers, initialisation and hyperparameters) and its widgets."""

STRINGS = {
    # Controls
    "optimizers.surface": {"en": "loss surface", "sv": "förlustyta"},
    "optimizers.steps": {"en": "steps", "sv": "steg"},
    "optimizers.lr_sgd": {"en": "SGD: η", "sv": "SGD: η"},
    "optimizers.lr_momentum": {"en": "momentum: η", "sv": "momentum: η"},
    "optimizers.mu": {"en": "momentum: μ", "sv": "momentum: μ"},
    "optimizers.lr_adam": {"en": "Adam: η", "sv": "Adam: η"},
    "optimizers.beta1": {"en": "Adam: β₁", "sv": "Adam: β₁"},
    "optimizers.init": {"en": "initialisation", "sv": "initiering"},
    "optimizers.activation": {"en": "activation", "sv": "aktivering"},
    # Surfaces and initialisations (menu entries and titles)
    "optimizers.surface_bowl": {"en": "bowl", "sv": "skål"},
    "optimizers.surface_ravine": {"en": "ravine", "sv": "ravin"},
    "optimizers.surface_banana": {"en": "Rosenbrock-like valley", "sv": "Rosenbrocklik dal"},
    "optimizers.init_zeros": {"en": "zeros", "sv": "nollor"},
    "optimizers.init_small": {"en": "too small: N(0, 0.01²)", "sv": "för liten: N(0; 0,01²)"},
    "optimizers.init_large": {"en": "too large: N(0, 1)", "sv": "för stor: N(0; 1)"},
    "optimizers.init_xavier": {"en": "Xavier: Var = 2/(n_in + n_out)", "sv": "Xavier: Var = 2/(n_in + n_out)"},
    "optimizers.init_he": {"en": "He: Var = 2/n_in", "sv": "He: Var = 2/n_in"},
    # Racers
    "optimizers.sgd": {"en": "SGD", "sv": "SGD"},
    "optimizers.momentum": {"en": "momentum", "sv": "momentum"},
    "optimizers.adam": {"en": "Adam", "sv": "Adam"},
    # Axes, titles, legends
    "optimizers.minimum": {"en": "minimum", "sv": "minimum"},
    "optimizers.step": {"en": "step", "sv": "steg"},
    "optimizers.epoch": {"en": "epoch", "sv": "epok"},
    "optimizers.updates": {"en": "weight updates (log scale)", "sv": "viktuppdateringar (log. skala)"},
    "optimizers.loss_log": {"en": "loss $L$ (log scale)", "sv": "förlust $L$ (log. skala)"},
    "optimizers.loss_title": {"en": "loss per step", "sv": "förlust per steg"},
    "optimizers.train_loss": {"en": "training loss", "sv": "förlust på träningsdata"},
    "optimizers.activation_value": {"en": "activation", "sv": "aktivering"},
    "optimizers.share": {"en": "share of values", "sv": "andel av värdena"},
    "optimizers.layer_title": {"en": "layer {k}: std {std}", "sv": "lager {k}: std.av. {std}"},
    "optimizers.layer_n": {"en": "layer {k}", "sv": "lager {k}"},
    "optimizers.width_n": {"en": "{n} nodes per layer", "sv": "{n} noder per lager"},
    "optimizers.chosen": {"en": "chosen on validation", "sv": "vald på valideringsdata"},
    "optimizers.lr_axis": {"en": "learning rate η (log scale)", "sv": "inlärningstakt η (log. skala)"},
    "optimizers.val_accuracy": {"en": "validation accuracy", "sv": "träffsäkerhet på valideringsdata"},
    "optimizers.search_title": {"en": "random search: {n} trials", "sv": "slumpmässig sökning: {n} försök"},
    "optimizers.batch_title": {"en": "batch size (same η)", "sv": "batchstorlek (samma η)"},
    "optimizers.batch_updates_title": {"en": "the same runs per weight update",
                                       "sv": "samma körningar per viktuppdatering"},
    "optimizers.lr_title": {"en": "learning rate (batch 32)", "sv": "inlärningstakt (batch 32)"},
    "optimizers.batch_n": {"en": "batch {n}", "sv": "batch {n}"},
    "optimizers.full_batch": {"en": "whole set ({n})", "sv": "hela mängden ({n})"},
    "optimizers.eta_n": {"en": "η = {eta}", "sv": "η = {eta}"},
    # Status lines
    "optimizers.diverged": {"en": "diverged", "sv": "divergerade"},
    "optimizers.diverged_short": {"en": "(diverged)", "sv": "(divergerade)"},
    "optimizers.reached": {"en": "at the minimum after {steps} steps", "sv": "vid minimum efter {steps} steg"},
    "optimizers.final_loss": {"en": "not there yet, L = {loss}", "sv": "inte framme än, L = {loss}"},
    "optimizers.dead": {
        "en": "Dead units (zero for every sample), layer 1 to 5: {shares} %.",
        "sv": "Döda noder (noll för varje exempel), lager 1 till 5: {shares} %.",
    },
    "optimizers.saturated": {
        "en": "Saturated values (|a| > 0.99), layer 1 to 5: {shares} %.",
        "sv": "Mättade värden (|a| > 0,99), lager 1 till 5: {shares} %.",
    },
    "optimizers.verdict_identical": {
        "en": "Every unit computes the same thing: the symmetry is never broken.",
        "sv": "Varje nod beräknar samma sak: symmetrin bryts aldrig.",
    },
    "optimizers.verdict_saturated": {
        "en": "Saturated: most tanh values sit at ±1, where the derivative is almost 0.",
        "sv": "Mättat: de flesta tanh-värden ligger vid ±1, där derivatan är nästan 0.",
    },
    "optimizers.verdict_vanishing": {
        "en": "The signal dies out from layer to layer (and so will the gradients).",
        "sv": "Signalen dör ut från lager till lager (och det gör gradienterna också).",
    },
    "optimizers.verdict_exploding": {
        "en": "The signal explodes from layer to layer.",
        "sv": "Signalen exploderar från lager till lager.",
    },
    "optimizers.verdict_healthy": {
        "en": "Healthy: the spread stays in the same range through the layers.",
        "sv": "Sunt: spridningen håller sig i samma storleksordning genom lagren.",
    },
}
