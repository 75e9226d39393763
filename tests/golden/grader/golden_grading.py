# %% [markdown] tags=["en"]
# # Golden grading exercise
#
# The exercise behind the grader's golden files (feedback, class report, gradebooks).

# %% [markdown] tags=["sv"]
# # Gyllene rättningsövning
#
# Övningen bakom rättningens gyllene filer (återkoppling, klassrapport, betygslistor).

# %%
from course import set_language
from course.checker import check_for
set_language("en")
check = check_for(__file__)
import numpy as np

# %%
def dense_forward(X, W, b):
    # BEGIN SOLUTION
    return X @ W.T + b
    # END SOLUTION

# %% tags=["check"]
check("q1")

# %%
def relu(z):
    # BEGIN SOLUTION
    return np.maximum(z, 0.0)
    # END SOLUTION

# %% tags=["check"]
check("q2")

# %%
# BEGIN SOLUTION
n_params = 8
# END SOLUTION

# %% tags=["hidden"]
from course.exercise import Misconception, Question, case

_X = np.array([[1.0, 2.0, 3.0], [0.0, -1.0, 0.5]])
_W = np.array([[0.5, -1.0, 2.0], [1.0, 0.0, -0.5]])
_B = np.array([0.1, -0.2])


def dense_without_bias(X, W, b):
    return X @ W.T


def relu_as_abs(z):
    return np.abs(z)


QUESTIONS = [
    Question("q1", function="dense_forward", points=2,
             hint={"en": "Each row of X is one example; W has one row per output node.",
                   "sv": "Varje rad i X är ett exempel; W har en rad per utdatanod."},
             public=[case(_X, _W, _B)],
             hidden=[case(_X[:1], _W, _B), case(2 * _X, _W, -_B), case(_X, -_W, _B)],
             misconceptions=[
                 Misconception("no_bias", dense_without_bias, costs=1,
                               message={"en": "You leave out the bias b: add it to every row.",
                                        "sv": "Du utelämnar biasvärdena b: lägg till dem på varje rad."}),
             ]),
    Question("q2", function="relu", points=1,
             public=[case(np.array([-1.0, 0.0, 2.0]))],
             hidden=[case(np.array([-3.0, 4.0])), case(np.array([[0.5, -0.5]]))],
             misconceptions=[
                 Misconception("abs_instead", relu_as_abs, costs=0.5,
                               message={"en": "Negative inputs become their size, not 0: ReLU keeps only the "
                                              "positive part.",
                                        "sv": "Negativa indata blir sitt belopp i stället för 0: ReLU behåller "
                                              "bara den positiva delen."}),
             ]),
    Question("q3", variable="n_params", points=1,
             hint={"en": "Count the weights and the biases.", "sv": "Räkna vikterna och biasvärdena."}),
]
