"""Chapter 09 widgets and plots: optimisers, initialisation and hyperparameters.

Lesson 09 imports everything from here; each idea lives in a module of its own:

- :mod:`course.widgets.optimizer_race`: :class:`OptimizerRace`, SGD, SGD with momentum and
  Adam from the same start on the same 2-D loss surface (a bowl, a ravine or a
  Rosenbrock-like banana valley), paths drawn on the contours and the loss per step beside
  them; every optimiser has its own settings. The race uses the optimisers of
  :mod:`nnlib.optim` themselves, on a point wrapped as a one-parameter model (:class:`Point`).
- :mod:`course.widgets.init_histograms`: :class:`InitHistograms`, the activations of every
  layer of a deep network right after initialisation, as histograms, for a chosen
  initialisation and activation function, with the share of dead (ReLU) or saturated (tanh)
  units.
- :mod:`course.widgets.training_curves`: :class:`TrainingCurves`, a fresh network retrained
  for a chosen optimiser, learning rate and batch size, its training and validation loss per
  epoch beside the previous run's; and :func:`training_curve`, :func:`plot_curves`,
  :func:`random_search`, :func:`plot_search`, the training curves and the hyperparameter
  search of the lesson.

The surfaces, their gradients, the layer statistics and the search are pure functions,
tested without Jupyter.
"""

from __future__ import annotations

from course.widgets.init_histograms import (  # noqa: F401 (re-exported)
    INIT_NAMES,
    InitHistograms,
    LayerStats,
    diagnose,
    initializer,
    layer_activations,
    layer_stats,
)
from course.widgets.optimizer_race import (  # noqa: F401 (re-exported)
    DIVERGENCE_LIMIT,
    OPTIMIZER_NAMES,
    OptimizerRace,
    Point,
    RACE_DEFAULTS,
    REACHED,
    SURFACES,
    Surface,
    descend,
    make_optimizers,
    race,
    steps_to_reach,
    surface,
)
from course.widgets.training_curves import (  # noqa: F401 (re-exported)
    Curve,
    TrainingCurves,
    Trial,
    best_trial,
    curve_label,
    plot_curves,
    plot_search,
    random_search,
    training_curve,
)
