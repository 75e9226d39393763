"""UI strings for chapter 07's training playground (course.widgets.playground)."""

STRINGS = {
    # Controls
    "playground.dataset": {"en": "data set", "sv": "datamängd"},
    "playground.data_xor": {"en": "XOR", "sv": "XOR"},
    "playground.data_circles": {"en": "circles", "sv": "cirklar"},
    "playground.data_moons": {"en": "two moons", "sv": "två månar"},
    "playground.data_spiral": {"en": "spiral", "sv": "spiral"},
    "playground.data_blobs": {"en": "Gaussian blobs", "sv": "gaussiska moln"},
    "playground.noise": {"en": "noise", "sv": "brus"},
    "playground.train_share": {"en": "training share", "sv": "andel träning"},
    "playground.layers": {"en": "hidden layers", "sv": "dolda lager"},
    "playground.units": {"en": "units per layer", "sv": "noder i varje lager"},
    "playground.activation": {"en": "activation", "sv": "aktivering"},
    "playground.act_tanh": {"en": "tanh", "sv": "tanh"},
    "playground.act_relu": {"en": "ReLU", "sv": "ReLU"},
    "playground.act_sigmoid": {"en": "sigmoid", "sv": "sigmoid"},
    "playground.act_linear": {"en": "linear (none)", "sv": "linjär (ingen)"},
    "playground.learning_rate": {"en": "learning rate η", "sv": "inlärningstakt η"},
    "playground.batch_size": {"en": "batch size", "sv": "batchstorlek"},
    "playground.l2": {"en": "L2 λ", "sv": "L2 λ"},
    "playground.l2_off": {"en": "off", "sv": "av"},
    "playground.epochs_per_step": {"en": "epochs per step", "sv": "epoker i varje steg"},
    "playground.show_units": {"en": "show the hidden units", "sv": "visa de dolda noderna"},
    "playground.step": {"en": "Step", "sv": "Steg"},
    "playground.reset": {"en": "Reset", "sv": "Börja om"},
    "playground.play": {"en": "play", "sv": "spela"},
    # Figure
    "playground.train_points": {"en": "training data", "sv": "träningsdata"},
    "playground.val_points": {"en": "validation data (black edge)", "sv": "valideringsdata (svart kant)"},
    "playground.boundary": {"en": "decision boundary p = ½", "sv": "beslutsgräns p = ½"},
    "playground.probability": {"en": "probability of class 1 (blue)", "sv": "sannolikhet för klass 1 (blå)"},
    "playground.train_loss": {"en": "training loss", "sv": "förlust på träningsdata"},
    "playground.val_loss": {"en": "validation loss", "sv": "förlust på valideringsdata"},
    "playground.epoch": {"en": "epoch", "sv": "epok"},
    "playground.loss": {"en": "loss", "sv": "förlust"},
    "playground.loss_title": {"en": "Loss per epoch", "sv": "Förlusten epok för epok"},
    "playground.epoch_text": {"en": "epoch {epoch}", "sv": "epok {epoch}"},
    "playground.map_title": {"en": "Network {sizes}: p(class 1)", "sv": "Nätverk {sizes}: p(klass 1)"},
    "playground.map_title_student": {
        "en": "Network {sizes}, your train_step: ŷ (kept in 0…1)",
        "sv": "Nätverk {sizes}, din train_step: ŷ (hålls inom 0…1)",
    },
    "playground.units_title": {
        "en": "Last hidden layer: each unit's output over the plane (title: its weight to the output)",
        "sv": "Sista dolda lagret: varje nods utdata över planet (rubrik: dess vikt till utdatanoden)",
    },
    "playground.unit_weight": {"en": "unit {j}: w = {w}", "sv": "nod {j}: w = {w}"},
    # Status
    "playground.status": {
        "en": "Epoch {epoch} ({iterations} iterations, {per_epoch} per epoch) · loss: training {train}, "
              "validation {val} · accuracy: training {train_acc}, validation {val_acc} · {params} parameters",
        "sv": "Epok {epoch} ({iterations} iterationer, {per_epoch} i varje epok) · förlust: träning {train}, "
              "validering {val} · träffsäkerhet: träning {train_acc}, validering {val_acc} · {params} parametrar",
    },
    "playground.diverged": {
        "en": "The loss became infinite: the learning rate η = {lr} is too large. Lower it and press Reset.",
        "sv": "Förlusten blev oändlig: inlärningstakten η = {lr} är för stor. Sänk den och tryck på Börja om.",
    },
    # The student's train_step (exercise 07)
    "playground.student_ready": {
        "en": "Training with your <code>{name}</code>: press Step or Play.",
        "sv": "Träningen använder din <code>{name}</code>: tryck på Steg eller spela.",
    },
    "playground.student_not_answered": {
        "en": "Your <code>{name}</code> is not answered yet, so nothing was trained.",
        "sv": "Du har inte besvarat <code>{name}</code> än, så inget har tränats.",
    },
    "playground.student_raised": {
        "en": "Your <code>{name}</code> raised an error, so training stopped: {error}",
        "sv": "Din <code>{name}</code> gav ett fel, så träningen stannade: {error}",
    },
    "playground.student_bad_return": {
        "en": "Your <code>{name}</code> must return (W1, b1, W2, b2, loss): {what}",
        "sv": "Din <code>{name}</code> ska returnera (W1, b1, W2, b2, loss): {what}",
    },
    "playground.student_tuple": {
        "en": "it returned a {type}, not a tuple of five",
        "sv": "den returnerade en {type}, inte en tupel med fem element",
    },
    "playground.student_shape": {
        "en": "expected shape {expected}; yours: {received}",
        "sv": "väntad form: {expected}; din: {received}",
    },
    "playground.student_nonfinite": {
        "en": "Your <code>{name}</code> returned NaN or infinite weights, so training stopped. Is the learning "
              "rate too large, or a sign wrong?",
        "sv": "Din <code>{name}</code> returnerade vikter som är NaN eller oändliga, så träningen stannade. Är "
              "inlärningstakten för stor, eller är ett tecken fel?",
    },
    "playground.student_agrees": {
        "en": "✔ Your <code>{name}</code> trains this network, and its last checked step agrees with nnlib's "
              "backpropagation (largest difference {diff}).",
        "sv": "✔ Din <code>{name}</code> tränar det här nätverket, och dess senast kontrollerade steg stämmer med "
              "bakåtpropageringen i nnlib (största skillnad {diff}).",
    },
    "playground.student_disagrees": {
        "en": "✘ Your <code>{name}</code> runs, but its last checked step differs from nnlib's backpropagation "
              "(largest difference {diff}): the network you see is trained by your gradients.",
        "sv": "✘ Din <code>{name}</code> körs, men dess senast kontrollerade steg skiljer sig från "
              "bakåtpropageringen i nnlib (största skillnad {diff}): nätverket du ser tränas med dina gradienter.",
    },
}
