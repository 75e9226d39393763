STRINGS = {
    "losses.prediction": {"en": "prediction ŷ", "sv": "prediktion ŷ"},
    "losses.predicted_probability": {
        "en": "predicted probability ŷ = P(y = 1)",
        "sv": "predikterad sannolikhet ŷ = P(y = 1)",
    },
    "losses.target": {"en": "target y", "sv": "målvärde y"},
    "losses.loss": {"en": "loss L(y, ŷ)", "sv": "förlust L(y, ŷ)"},
    "losses.mse": {"en": "squared error (y − ŷ)²", "sv": "kvadratfel (y − ŷ)²"},
    "losses.mae": {"en": "absolute error |y − ŷ|", "sv": "absolutfel |y − ŷ|"},
    "losses.bce": {"en": "binary cross-entropy", "sv": "binär korsentropi"},
    "losses.prediction_title": {
        "en": "One sample with target y = {y}",
        "sv": "Ett exempel med målvärde y = {y}",
    },
    "losses.prediction_status": {
        "en": "y = {y}, ŷ = {y_pred}: squared error {se} · absolute error {ae} · "
        "binary cross-entropy {bce}",
        "sv": "y = {y}, ŷ = {y_pred}: kvadratfel {se} · absolutfel {ae} · "
        "binär korsentropi {bce}",
    },
    "losses.point": {"en": "point i", "sv": "punkt i"},
    "losses.point_prediction": {"en": "ŷ of point i", "sv": "ŷ för punkt i"},
    "losses.data": {"en": "targets y_i (facit)", "sv": "målvärden y_i (facit)"},
    "losses.predictions": {"en": "predictions ŷ_i", "sv": "prediktioner ŷ_i"},
    "losses.squares": {"en": "squared error as an area", "sv": "kvadratfelet som en yta"},
    "losses.regression_title": {"en": "Data and predictions", "sv": "Data och prediktioner"},
    "losses.errors_title": {"en": "Loss per point and cost", "sv": "Förlust per punkt och kostnad"},
    "losses.point_axis": {"en": "point i", "sv": "punkt i"},
    "losses.error_axis": {"en": "loss of point i", "sv": "förlust för punkt i"},
    "losses.squared_bars": {"en": "squared error (y_i − ŷ_i)²", "sv": "kvadratfel (y_i − ŷ_i)²"},
    "losses.absolute_bars": {"en": "absolute error |y_i − ŷ_i|", "sv": "absolutfel |y_i − ŷ_i|"},
    "losses.mse_line": {"en": "cost: MSE = {value}", "sv": "kostnad: MSE = {value}"},
    "losses.mae_line": {"en": "cost: MAE = {value}", "sv": "kostnad: MAE = {value}"},
    "losses.regression_status": {
        "en": "point {i}: y = {y}, ŷ = {y_pred}, squared error {se} · "
        "cost over all {n} points: MSE = {mse}, MAE = {mae}",
        "sv": "punkt {i}: y = {y}, ŷ = {y_pred}, kvadratfel {se} · "
        "kostnad över alla {n} punkter: MSE = {mse}, MAE = {mae}",
    },
    "losses.x": {"en": "x", "sv": "x"},
    "losses.y": {"en": "y", "sv": "y"},
    "losses.error_size": {"en": "error y − ŷ", "sv": "fel y − ŷ"},
    "losses.growth_title": {
        "en": "How the loss grows with the error",
        "sv": "Hur förlusten växer med felet",
    },
    "losses.constant_prediction": {
        "en": "constant prediction c",
        "sv": "konstant prediktion c",
    },
    "losses.cost": {"en": "cost J", "sv": "kostnad J"},
    "losses.outlier_title": {
        "en": "Best constant prediction, with one outlier",
        "sv": "Bästa konstanta prediktion, med en avvikande punkt",
    },
    "losses.mean": {"en": "mean (minimises MSE)", "sv": "medelvärde (minimerar MSE)"},
    "losses.median": {"en": "median (minimises MAE)", "sv": "median (minimerar MAE)"},
    "losses.mse_cost": {"en": "MSE", "sv": "MSE"},
    "losses.mae_cost": {"en": "MAE", "sv": "MAE"},
    "losses.sigmoid_loss_title": {
        "en": "Loss for target y = 1",
        "sv": "Förlust för målvärde y = 1",
    },
    "losses.sigmoid_grad_title": {
        "en": "Gradient with respect to z (sigmoid output)",
        "sv": "Gradient med avseende på z (sigmoid i utdatalagret)",
    },
    "losses.grad_magnitude": {"en": "|∂L/∂z|", "sv": "|∂L/∂z|"},
    "losses.ce_classes_title": {
        "en": "Cross-entropy = −ln(probability of the correct class)",
        "sv": "Korsentropi = −ln(sannolikheten för rätt klass)",
    },
    "losses.correct_probability": {
        "en": "probability of the correct class p_c",
        "sv": "sannolikhet för rätt klass p_c",
    },
}
