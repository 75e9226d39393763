"""UI strings for chapter 11 (overfitting, validation and checkpoints) and its widgets."""

STRINGS = {
    # Controls
    "overfitting.hidden_size_short": {"en": "hidden units h", "sv": "dolda neuroner h"},
    "overfitting.epoch": {"en": "epoch", "sv": "epok"},
    "overfitting.checkpoint_epoch": {"en": "checkpoint from epoch", "sv": "kontrollpunkt från epok"},
    "overfitting.restore_best": {"en": "restore best checkpoint", "sv": "återställ bästa kontrollpunkten"},
    # Axes and legends
    "overfitting.loss_axis": {"en": "loss (binary cross-entropy)", "sv": "förlust (binär korsentropi)"},
    "overfitting.hidden_size": {"en": "hidden units h (log scale)", "sv": "dolda neuroner h (log. skala)"},
    "overfitting.training_loss": {"en": "training loss", "sv": "träningsförlust"},
    "overfitting.validation_loss": {"en": "validation loss", "sv": "valideringsförlust"},
    "overfitting.lowest_validation": {"en": "lowest validation loss", "sv": "lägsta valideringsförlust"},
    "overfitting.training_loss_last": {"en": "training loss, last epoch", "sv": "träningsförlust, sista epoken"},
    "overfitting.validation_loss_last": {"en": "validation loss, last epoch", "sv": "valideringsförlust, sista epoken"},
    "overfitting.validation_loss_best": {
        "en": "validation loss, best epoch", "sv": "valideringsförlust, bästa epoken",
    },
    "overfitting.lagom_label": {"en": "lagom: h = {h}", "sv": "lagom: h = {h}"},
    "overfitting.training_points": {"en": "training points", "sv": "träningspunkter"},
    "overfitting.validation_points": {"en": "validation points", "sv": "valideringspunkter"},
    "overfitting.wrong_validation": {"en": "validation point wrong", "sv": "felklassad valideringspunkt"},
    "overfitting.loaded": {"en": "loaded weights", "sv": "inlästa vikter"},
    "overfitting.without_l2": {"en": "without L2", "sv": "utan L2"},
    "overfitting.with_l2": {"en": "with L2, λ = {l2}", "sv": "med L2, λ = {l2}"},
    "overfitting.mean_over_seeds": {"en": "mean over {n} starts", "sv": "medelvärde över {n} starter"},
    # Titles
    "overfitting.curves_title": {"en": "Loss per epoch, h = {h}", "sv": "Förlust per epok, h = {h}"},
    "overfitting.boundary_title": {"en": "h = {h} after epoch {epoch}", "sv": "h = {h} efter epok {epoch}"},
    "overfitting.checkpoint_title": {"en": "Weights from epoch {epoch}", "sv": "Vikter från epok {epoch}"},
    "overfitting.sweep_title": {"en": "Choosing the size by validation", "sv": "Storleken väljs med valideringsdata"},
    "overfitting.early_title": {
        "en": "Early stopping: stopped after epoch {stop}, best epoch {best}",
        "sv": "Tidigt stopp: stoppade efter epok {stop}, bästa epok {best}",
    },
    "overfitting.l2_title": {"en": "Validation loss with L2", "sv": "Valideringsförlust med L2"},
    # Status lines
    "overfitting.status_start": {
        "en": "Epoch 0: the random initial weights, before any training.",
        "sv": "Epok 0: de slumpade startvikterna, före all träning.",
    },
    "overfitting.status_epoch": {
        "en": "After epoch {epoch}: training loss <b>{train}</b>, validation loss <b>{val}</b> "
              "(validation accuracy {acc}).",
        "sv": "Efter epok {epoch}: träningsförlust <b>{train}</b>, valideringsförlust <b>{val}</b> "
              "(träffsäkerhet på valideringsdata {acc}).",
    },
    "overfitting.status_best": {
        "en": "Lowest validation loss {val} after epoch {epoch}; after the last epoch it is {last}.",
        "sv": "Lägsta valideringsförlust {val} efter epok {epoch}; efter sista epoken är den {last}.",
    },
    "overfitting.source_training": {
        "en": "Shown: the network as training left it, after epoch {epoch}.",
        "sv": "Visas: nätverket som träningen lämnade det, efter epok {epoch}.",
    },
    "overfitting.source_file": {
        "en": "Shown: the weights of epoch {epoch}, loaded from <code>{path}</code>.",
        "sv": "Visas: vikterna från epok {epoch}, inlästa från <code>{path}</code>.",
    },
    "overfitting.status_checkpoint": {
        "en": "Validation loss <b>{val}</b>, accuracy {acc}, {wrong} validation points wrong.",
        "sv": "Valideringsförlust <b>{val}</b>, träffsäkerhet {acc}, {wrong} valideringspunkter fel.",
    },
    "overfitting.status_changed": {
        "en": "{n} validation points changed class compared with the network shown before.",
        "sv": "{n} valideringspunkter bytte klass jämfört med nätverket som visades förut.",
    },
}
