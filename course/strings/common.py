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
    # numpy's floating-point warnings, as a widget's status line quotes them (English: numpy's own words)
    "common.numpy_overflow": {"en": "overflow encountered in {where}", "sv": "överspill (talet blev för stort) i {where}"},
    "common.numpy_invalid": {"en": "invalid value encountered in {where}", "sv": "ogiltigt värde (NaN) i {where}"},
    "common.numpy_divide": {"en": "divide by zero encountered in {where}", "sv": "division med noll i {where}"},
    "common.numpy_underflow": {"en": "underflow encountered in {where}", "sv": "underflow (talet blev för litet) i {where}"},
}
