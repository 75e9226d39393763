STRINGS = {
    "convolution.image": {"en": "image", "sv": "bild"},
    "convolution.kernel": {"en": "kernel", "sv": "kärna"},
    "convolution.feature_map": {"en": "feature map", "sv": "feature map"},
    "convolution.position": {"en": "window", "sv": "fönster"},
    "convolution.padding": {"en": "padding p", "sv": "padding p"},
    "convolution.stride": {"en": "stride s", "sv": "stride s"},
    "convolution.previous": {"en": "Previous", "sv": "Föregående"},
    "convolution.next": {"en": "Next", "sv": "Nästa"},
    "convolution.stepper_input": {
        "en": "input with padding: {rows}×{cols}",
        "sv": "indata med padding: {rows}×{cols}",
    },
    "convolution.stepper_output": {
        "en": "feature map {rows}×{cols}: {formula}",
        "sv": "feature map {rows}×{cols}: {formula}",
    },
    "convolution.stepper_status": {
        "en": "Window {step} of {total}: rows {rows} and columns {cols} of the padded input give "
              "Y[{i}, {j}], the weight times the pixel under it, summed:",
        "sv": "Fönster {step} av {total}: raderna {rows} och kolumnerna {cols} i den utfyllda bilden ger "
              "Y[{i}, {j}], vikten gånger pixeln under den, summerat:",
    },
    "convolution.digit": {"en": "digit", "sv": "siffra"},
    "convolution.preset": {"en": "kernel", "sv": "kärna"},
    "convolution.preset.identity": {"en": "identity (changes nothing)", "sv": "identitet (ändrar ingenting)"},
    "convolution.preset.box_blur": {"en": "blur (mean of 9)", "sv": "oskärpa (medelvärde av 9)"},
    "convolution.preset.gaussian_blur": {"en": "soft blur (weighted)", "sv": "mjuk oskärpa (viktad)"},
    "convolution.preset.sharpen": {"en": "sharpen", "sv": "skärpa"},
    "convolution.preset.horizontal_edge": {
        "en": "horizontal edge (ink above, none below)",
        "sv": "vågrät kant (bläck ovanför, inget under)",
    },
    "convolution.preset.outline": {"en": "outline (edges in every direction)", "sv": "kontur (kanter åt alla håll)"},
    "convolution.preset.custom": {"en": "your own (edit the boxes)", "sv": "din egen (ändra i rutorna)"},
    "convolution.same_padding": {"en": "padding p = 1 (same size)", "sv": "padding p = 1 (samma storlek)"},
    "convolution.relu": {"en": "ReLU after the filter", "sv": "ReLU efter filtret"},
    "convolution.kernel_boxes": {
        "en": "the nine weights (e.g. 0.5, −1 or 1/9):",
        "sv": "de nio vikterna (t.ex. 0,5, −1 eller 1/9):",
    },
    "convolution.digit_title": {"en": "digit (8×8 pixels)", "sv": "siffra (8×8 pixlar)"},
    "convolution.map_title": {"en": "feature map ({rows}×{cols})", "sv": "feature map ({rows}×{cols})"},
    "convolution.explorer_status": {
        "en": "Sum of the kernel's weights: {total}. Feature map from {low} to {high} "
              "(blue positive, red negative).",
        "sv": "Summan av kärnans vikter: {total}. Feature map från {low} till {high} "
              "(blått positivt, rött negativt).",
    },
    "convolution.bad_weight": {
        "en": "Row {row}, column {col}: ”{text}” is not a number; the last number there, {value}, is used.",
        "sv": "Rad {row}, kolumn {col}: ”{text}” är inget tal; det senaste talet där, {value}, används.",
    },
    "convolution.pool_in": {
        "en": "feature map {rows}×{cols}, in 2×2 blocks",
        "sv": "feature map {rows}×{cols}, i 2×2-block",
    },
    "convolution.pool_out": {"en": "after max pooling: {rows}×{cols}", "sv": "efter maxpooling: {rows}×{cols}"},
    "convolution.filter_number": {"en": "filter {k}", "sv": "filter {k}"},
    "convolution.map_number": {"en": "map {k}", "sv": "karta {k}"},
    "convolution.short.box_blur": {"en": "blur", "sv": "oskärpa"},
    "convolution.short.sharpen": {"en": "sharpen", "sv": "skärpa"},
    "convolution.short.horizontal_edge": {"en": "horizontal edge", "sv": "vågrät kant"},
    "convolution.short.outline": {"en": "outline", "sv": "kontur"},
    "convolution.true_predicted": {
        "en": "a test digit {true}, predicted as {predicted}: the 8 feature maps after ReLU",
        "sv": "en testsiffra {true}, predikterad som {predicted}: de 8 feature maps efter ReLU",
    },
}
