STRINGS = {
    "common.epoch": {"en": "epoch", "sv": "epok"},
    "common.loss": {"en": "loss", "sv": "förlust"},
    "common.training": {"en": "training", "sv": "träning"},
    "common.validation": {"en": "validation", "sv": "validering"},
    "common.learning_rate": {"en": "learning rate", "sv": "inlärningstakt"},
    "common.step": {"en": "Step", "sv": "Steg"},
    "common.reset": {"en": "Reset", "sv": "Börja om"},
    "common.run": {"en": "Run", "sv": "Kör"},
    "common.accuracy": {"en": "accuracy", "sv": "träffsäkerhet"},
}
