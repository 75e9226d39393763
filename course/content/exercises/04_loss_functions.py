# %% [markdown] tags=["en"]
# # Exercise 04: loss functions
#
# A network learns by making one number smaller: the cost. In this exercise you write the
# functions that compute it. You implement the **mean squared error** and its gradient for
# regression, a **binary cross-entropy** that stays finite when a probability is exactly 0 or 1,
# and the **cost** of a sigmoid neuron over a whole batch. Read
# [lesson 04](../../notebooks/en/04_loss_functions.ipynb) first; this exercise uses its notation:
# $y$ is the ground truth, $\hat y$ the prediction, $L(y_i, \hat y_i)$ the loss of one sample and
# $J = \frac{1}{N}\sum_{i=1}^{N} L(y_i, \hat y_i)$ the cost.
#
# There are four questions and 9 points in total. As in exercise 00: run the first code cell,
# replace the two lines `# Your code here` and `raise NotImplementedError(...)` in each answer
# cell with your code, run the cell, then run the check cell under it. Keep the function names,
# return your answers (do not print them), and run everything from the top before you hand in.
#
# **Order of the arguments.** Like `nnlib`, every function here takes the **prediction first and
# the ground truth second**: `mse(y_hat, y)`, not `mse(y, y_hat)`.

# %% [markdown] tags=["sv"]
# # Övning 04: förlustfunktioner
#
# Ett nätverk lär sig genom att göra ett enda tal mindre: kostnaden. I den här övningen skriver
# du funktionerna som beräknar det talet. Du implementerar **medelkvadratfelet** och dess
# gradient för regression, en **binär korsentropi** som förblir ändlig när en sannolikhet är
# exakt 0 eller 1, och **kostnaden** för en sigmoidneuron över en hel batch. Läs
# [lektion 04](../../notebooks/sv/04_loss_functions.ipynb) först; övningen använder dess
# notation: $y$ är facit, $\hat y$ prediktionen, $L(y_i, \hat y_i)$ förlusten för ett exempel och
# $J = \frac{1}{N}\sum_{i=1}^{N} L(y_i, \hat y_i)$ kostnaden.
#
# Det finns fyra frågor och sammanlagt 9 poäng. Precis som i övning 00 kör du den första
# kodcellen, ersätter de två raderna `# Din kod här` och `raise NotImplementedError(...)` i varje
# svarscell med din kod, kör cellen och kör sedan kontrollcellen under den. Behåll
# funktionsnamnen, returnera dina svar (skriv inte ut dem) och kör allt från början innan du
# lämnar in.
#
# **Argumentens ordning.** Precis som i `nnlib` tar alla funktioner här **prediktionen först och
# facit sedan**: `mse(y_hat, y)`, inte `mse(y, y_hat)`.

# %%
from course import set_language
from course.checker import check_for
set_language("en")
check = check_for("04_loss_functions")

import numpy as np

# %% [markdown] tags=["en"]
# ## Question 1: the mean squared error (2 points)
#
# For regression the loss of one sample is the squared error $(y_i - \hat y_i)^2$, and the cost
# is its mean, the **mean squared error**
#
# $$\text{MSE} = \frac{1}{N} \sum_{i=1}^{N} (y_i - \hat y_i)^2 .$$
#
# In the lesson's worked example, $y = (3,\ -0.5,\ 2)$ and $\hat y = (2.5,\ 0,\ 2)$ give the
# squared errors $(0.25,\ 0.25,\ 0)$ and $\text{MSE} = 0.5 / 3 \approx 0.1667$.
#
# Write the function `mse(y_hat, y)` that returns the MSE as a number. The two arrays have the
# same shape: `(N,)` for one output per sample, or `(N, k)` for $k$ outputs per sample. Take the
# mean over **all elements** (as `nnlib.mse` does), so for an `(N, k)` array you divide by
# $N \cdot k$. `np.mean` does exactly that when you give it no `axis`.

# %% [markdown] tags=["sv"]
# ## Fråga 1: medelkvadratfelet (2 poäng)
#
# Vid regression är förlusten för ett exempel kvadratfelet $(y_i - \hat y_i)^2$, och kostnaden är
# dess medelvärde, **medelkvadratfelet** (MSE)
#
# $$\text{MSE} = \frac{1}{N} \sum_{i=1}^{N} (y_i - \hat y_i)^2 .$$
#
# I lektionens räkneexempel ger $y = (3,\ -0{,}5,\ 2)$ och $\hat y = (2{,}5,\ 0,\ 2)$
# kvadratfelen $(0{,}25,\ 0{,}25,\ 0)$ och $\text{MSE} = 0{,}5 / 3 \approx 0{,}1667$.
#
# Skriv funktionen `mse(y_hat, y)` som returnerar MSE som ett tal. De två arrayerna har samma
# form: `(N,)` för ett utdatavärde per exempel eller `(N, k)` för $k$ utdatavärden per exempel. Ta
# medelvärdet över **alla element** (som `nnlib.mse` gör), så för en array med formen `(N, k)`
# delar du med $N \cdot k$. `np.mean` gör precis det när du inte anger någon `axis`.

# %% tags=["en"]
def mse(y_hat, y):
    """The mean squared error of the predictions y_hat against the ground truth y.

    MSE = mean over all elements of (y - y_hat)^2.

    Parameters
    ----------
    y_hat : numpy array of shape (N,) or (N, k)
        The predictions.
    y : numpy array of the same shape as y_hat
        The ground truth.

    Returns
    -------
    float
    """
    # BEGIN SOLUTION
    return float(np.mean((y - y_hat) ** 2))
    # END SOLUTION

# %% tags=["sv"]
def mse(y_hat, y):
    """Medelkvadratfelet för prediktionerna y_hat mot facit y.

    MSE = medelvärdet över alla element av (y - y_hat)^2.

    Parametrar
    ----------
    y_hat : numpy-array med formen (N,) eller (N, k)
        Prediktionerna.
    y : numpy-array med samma form som y_hat
        Facit.

    Returnerar
    ----------
    float
    """
    # BEGIN SOLUTION
    return float(np.mean((y - y_hat) ** 2))
    # END SOLUTION

# %% tags=["check"]
check("q1")

# %% [markdown] tags=["en"]
# ## Question 2: the gradient of the MSE (2 points)
#
# Training needs to know how the cost changes when each prediction changes. With $N$ the number
# of elements, $J = \frac{1}{N}\sum_i (\hat y_i - y_i)^2$, and only the $i$-th term depends on
# $\hat y_i$, so
#
# $$\frac{\partial J}{\partial \hat y_i} = \frac{2}{N}\,(\hat y_i - y_i) .$$
#
# Each prediction is pushed towards its own ground truth, harder the further away it is. For
# the worked example, $N = 3$ and $\hat y - y = (-0.5,\ 0.5,\ 0)$, so the gradient is
# $\frac{2}{3}(-0.5,\ 0.5,\ 0) \approx (-0.333,\ 0.333,\ 0)$.
#
# Write the function `mse_gradient(y_hat, y)` that returns the array of all
# $\partial J / \partial \hat y_i$, with the same shape as `y_hat`. As in question 1, $N$ is the
# number of **elements** (`y_hat.size`), also when the arrays have the shape `(N, k)`. Watch the
# sign: the gradient is positive where the prediction is too large.

# %% [markdown] tags=["sv"]
# ## Fråga 2: gradienten för MSE (2 poäng)
#
# Träningen behöver veta hur kostnaden ändras när varje prediktion ändras. Med $N$ som antalet
# element är $J = \frac{1}{N}\sum_i (\hat y_i - y_i)^2$, och bara den $i$:te termen beror på
# $\hat y_i$, så
#
# $$\frac{\partial J}{\partial \hat y_i} = \frac{2}{N}\,(\hat y_i - y_i) .$$
#
# Varje prediktion knuffas mot sitt eget facit, hårdare ju längre bort den är. I
# räkneexemplet är $N = 3$ och $\hat y - y = (-0{,}5,\ 0{,}5,\ 0)$, så gradienten är
# $\frac{2}{3}(-0{,}5,\ 0{,}5,\ 0) \approx (-0{,}333,\ 0{,}333,\ 0)$.
#
# Skriv funktionen `mse_gradient(y_hat, y)` som returnerar arrayen med alla
# $\partial J / \partial \hat y_i$, med samma form som `y_hat`. Precis som i fråga 1 är $N$ antalet
# **element** (`y_hat.size`), även när arrayerna har formen `(N, k)`. Se upp med tecknet:
# gradienten är positiv där prediktionen är för stor.

# %% tags=["en"]
def mse_gradient(y_hat, y):
    """The gradient of the MSE with respect to every prediction: 2 / N * (y_hat - y).

    Parameters
    ----------
    y_hat : numpy array of shape (N,) or (N, k)
        The predictions.
    y : numpy array of the same shape as y_hat
        The ground truth.

    Returns
    -------
    numpy array of the same shape as y_hat
        N is the number of elements of y_hat.
    """
    # BEGIN SOLUTION
    return 2.0 * (y_hat - y) / y_hat.size
    # END SOLUTION

# %% tags=["sv"]
def mse_gradient(y_hat, y):
    """Gradienten av MSE med avseende på varje prediktion: 2 / N * (y_hat - y).

    Parametrar
    ----------
    y_hat : numpy-array med formen (N,) eller (N, k)
        Prediktionerna.
    y : numpy-array med samma form som y_hat
        Facit.

    Returnerar
    ----------
    numpy-array med samma form som y_hat
        N är antalet element i y_hat.
    """
    # BEGIN SOLUTION
    return 2.0 * (y_hat - y) / y_hat.size
    # END SOLUTION

# %% tags=["check"]
check("q2")

# %% [markdown] tags=["en"]
# ## Question 3: binary cross-entropy that never breaks (3 points)
#
# For two classes the ground truth is $y_i \in \{0, 1\}$ and the network predicts a probability
# $\hat y_i = p_i$. The loss of one sample is the **binary cross-entropy**
#
# $$L(y_i, p_i) = -\bigl[\, y_i \ln p_i + (1 - y_i) \ln(1 - p_i) \,\bigr].$$
#
# In the lesson's worked example, $y = (1, 0, 1)$ and $p = (0.9, 0.2, 0.6)$ give the losses
# $(0.105,\ 0.223,\ 0.511)$.
#
# A computer rounds, so $p_i$ can be **exactly** $0$ or $1$ (for example $\sigma(40)$ is `1.0` in
# floating point). Then the formula gives $\ln 0 = -\infty$ and $0 \cdot (-\infty) =$ `nan`. Make
# your function safe the way the lesson does: first **clip** every probability to the interval
# $[\varepsilon, 1 - \varepsilon]$ with `np.clip(p, eps, 1 - eps)`, then use the formula. With the
# default $\varepsilon = 10^{-12}$, a prediction that is certain and wrong costs
# $-\ln 10^{-12} \approx 27.63$ instead of $\infty$.
#
# Write the function `binary_cross_entropy(p, y, eps=1e-12)` that returns the **loss of every
# sample**, an array of shape `(N,)`, not their mean. It must give finite numbers (no `nan`, no
# `inf`) also when some $p_i$ are exactly 0 or 1, and it must use the `eps` it receives. The
# second public test is the lesson's example with $p = (1, 0)$ and $y = (1, 1)$: try the plain
# formula first and see what the check says. The third public test passes its own `eps=0.01`.

# %% [markdown] tags=["sv"]
# ## Fråga 3: binär korsentropi som aldrig går sönder (3 poäng)
#
# Med två klasser är facit $y_i \in \{0, 1\}$, och nätverket förutsäger en sannolikhet
# $\hat y_i = p_i$. Förlusten för ett exempel är den **binära korsentropin**
#
# $$L(y_i, p_i) = -\bigl[\, y_i \ln p_i + (1 - y_i) \ln(1 - p_i) \,\bigr].$$
#
# I lektionens räkneexempel ger $y = (1, 0, 1)$ och $p = (0{,}9,\ 0{,}2,\ 0{,}6)$ förlusterna
# $(0{,}105,\ 0{,}223,\ 0{,}511)$.
#
# En dator avrundar, så $p_i$ kan bli **exakt** $0$ eller $1$ (till exempel är $\sigma(40)$ lika med
# `1.0` i flyttal). Då ger formeln $\ln 0 = -\infty$ och $0 \cdot (-\infty) =$ `nan`. Gör din
# funktion numeriskt stabil på samma sätt som i lektionen: **klipp** först varje sannolikhet till intervallet
# $[\varepsilon, 1 - \varepsilon]$ med `np.clip(p, eps, 1 - eps)` och använd sedan formeln. Med
# standardvärdet $\varepsilon = 10^{-12}$ kostar en säker men felaktig prediktion
# $-\ln 10^{-12} \approx 27{,}63$ i stället för $\infty$.
#
# Skriv funktionen `binary_cross_entropy(p, y, eps=1e-12)` som returnerar **förlusten för varje
# exempel**, en array med formen `(N,)`, inte deras medelvärde. Den ska ge ändliga tal (inga
# `nan`, inga `inf`) även när några $p_i$ är exakt 0 eller 1, och den ska använda det `eps` som den
# får. Det andra publika testet är lektionens exempel med $p = (1, 0)$ och $y = (1, 1)$: prova
# den vanliga formeln först och se vad kontrollen säger. Det tredje publika testet anger ett eget
# värde, `eps=0.01`.

# %% tags=["en"]
def binary_cross_entropy(p, y, eps=1e-12):
    """The binary cross-entropy of every sample, safe when p is exactly 0 or 1.

    L_i = -[y_i ln p_i + (1 - y_i) ln(1 - p_i)], with p clipped to [eps, 1 - eps] first.

    Parameters
    ----------
    p : numpy array of shape (N,)
        Predicted probabilities of class 1, in [0, 1].
    y : numpy array of shape (N,)
        The ground truth, 0 or 1.
    eps : float
        How far from 0 and 1 the probabilities are clipped.

    Returns
    -------
    numpy array of shape (N,)
        The loss of each sample.
    """
    # BEGIN SOLUTION
    p = np.clip(p, eps, 1 - eps)
    return -(y * np.log(p) + (1 - y) * np.log(1 - p))
    # END SOLUTION

# %% tags=["sv"]
def binary_cross_entropy(p, y, eps=1e-12):
    """Den binära korsentropin för varje datapunkt, numeriskt stabil även när p är exakt 0 eller 1.

    L_i = -[y_i ln p_i + (1 - y_i) ln(1 - p_i)], där p först klipps till [eps, 1 - eps].

    Parametrar
    ----------
    p : numpy-array med formen (N,)
        Predikterade sannolikheter för klass 1, i [0, 1].
    y : numpy-array med formen (N,)
        Facit, 0 eller 1.
    eps : float
        Hur långt från 0 och 1 sannolikheterna klipps.

    Returnerar
    ----------
    numpy-array med formen (N,)
        Förlusten för varje datapunkt.
    """
    # BEGIN SOLUTION
    p = np.clip(p, eps, 1 - eps)
    return -(y * np.log(p) + (1 - y) * np.log(1 - p))
    # END SOLUTION

# %% tags=["check"]
check("q3")

# %% [markdown] tags=["en"]
# ## Question 4: the cost of a sigmoid neuron over a batch (2 points)
#
# Now put a model in front of the loss. A single neuron with a sigmoid output (chapters 01
# and 02) has the weights $w = (w_1, \dots, w_n)$ and the bias $b$. For a batch of $N$ samples,
# the rows $x_i$ of the matrix $X$, it computes the weighted sums and the probabilities
#
# $$z_i = w \cdot x_i + b, \qquad \hat y_i = \sigma(z_i) = \frac{1}{1 + e^{-z_i}},$$
#
# and the **cost** is the mean of the per-sample losses:
#
# $$J = \frac{1}{N} \sum_{i=1}^{N} L(y_i, \hat y_i).$$
#
# In numpy all weighted sums at once are `X @ w + b`, an array of shape `(N,)`. For example,
# with $w = (0, 0)$ and $b = 0$ every $z_i = 0$ and every $\hat y_i = 0.5$, so whatever the ground
# truth is, $J = -\ln 0.5 = \ln 2 \approx 0.6931$: a neuron that knows nothing pays $\ln 2$ per
# sample.
#
# Write the function `neuron_cost(X, w, b, y)` that returns $J$ as a number. Use your
# `binary_cross_entropy` from question 3 (with its default `eps`) for the losses.

# %% [markdown] tags=["sv"]
# ## Fråga 4: kostnaden för en sigmoidneuron över en batch (2 poäng)
#
# Nu sätter vi en modell framför förlusten. En enda neuron med sigmoid som aktiveringsfunktion
# (kapitel 01 och 02) har vikterna $w = (w_1, \dots, w_n)$ och biasen $b$. För en batch med $N$
# exempel, raderna $x_i$ i matrisen $X$, beräknar den de viktade summorna och sannolikheterna
#
# $$z_i = w \cdot x_i + b, \qquad \hat y_i = \sigma(z_i) = \frac{1}{1 + e^{-z_i}},$$
#
# och **kostnaden** är medelvärdet av förlusterna för de enskilda exemplen:
#
# $$J = \frac{1}{N} \sum_{i=1}^{N} L(y_i, \hat y_i).$$
#
# I numpy får du alla viktade summor på en gång med `X @ w + b`, en array med formen `(N,)`.
# Till exempel är varje $z_i = 0$ och varje $\hat y_i = 0{,}5$ när $w = (0, 0)$ och $b = 0$, så
# oavsett facit blir $J = -\ln 0{,}5 = \ln 2 \approx 0{,}6931$: en neuron som ingenting vet
# betalar $\ln 2$ per exempel.
#
# Skriv funktionen `neuron_cost(X, w, b, y)` som returnerar $J$ som ett tal. Använd din
# `binary_cross_entropy` från fråga 3 (med dess standardvärde för `eps`) för förlusterna.

# %% tags=["en"]
def neuron_cost(X, w, b, y):
    """The binary cross-entropy cost J of the neuron y_hat = sigmoid(X @ w + b) on a batch.

    Parameters
    ----------
    X : numpy array of shape (N, n)
        One sample per row.
    w : numpy array of shape (n,)
        The weights.
    b : float
        The bias.
    y : numpy array of shape (N,)
        The ground truth, 0 or 1.

    Returns
    -------
    float
        The mean of the N per-sample losses.
    """
    # BEGIN SOLUTION
    z = X @ w + b
    y_hat = 1 / (1 + np.exp(-z))
    return float(np.mean(binary_cross_entropy(y_hat, y)))
    # END SOLUTION

# %% tags=["sv"]
def neuron_cost(X, w, b, y):
    """Kostnaden J med binär korsentropi för neuronen y_hat = sigmoid(X @ w + b) på en batch.

    Parametrar
    ----------
    X : numpy-array med formen (N, n)
        En datapunkt per rad.
    w : numpy-array med formen (n,)
        Vikterna.
    b : float
        Biasen.
    y : numpy-array med formen (N,)
        Facit, 0 eller 1.

    Returnerar
    ----------
    float
        Medelvärdet av de N förlusterna, en per datapunkt.
    """
    # BEGIN SOLUTION
    z = X @ w + b
    y_hat = 1 / (1 + np.exp(-z))
    return float(np.mean(binary_cross_entropy(y_hat, y)))
    # END SOLUTION

# %% tags=["check"]
check("q4")

# %% [markdown] tags=["en"]
# ## Done?
#
# When all four checks show ✔, restart the kernel and run all cells once more (*Kernel →
# Restart Kernel and Run All Cells…*), then save the notebook and hand it in the way your
# teacher asks. If you want more: compare your functions with `nnlib.losses.mse` and
# `nnlib.losses.binary_cross_entropy` (which return the mean, not one loss per sample). Then
# compute the loss of $z = 40$ with ground truth $y = 0$ twice: with your `binary_cross_entropy`
# on $p = \sigma(40)$, and with the lesson's formula on the logit,
# $\max(z, 0) - y z + \ln(1 + e^{-|z|})$. Which of the two numbers is the true loss, and why does
# the other one stop at $27.63$? Next:
# [chapter 05, least squares and gradient descent](../../notebooks/en/05_gradient_descent.ipynb).

# %% [markdown] tags=["sv"]
# ## Klar?
#
# När alla fyra kontrollerna visar ✔ startar du om kärnan och kör alla celler en gång till
# (*Kernel → Restart Kernel and Run All Cells…*). Spara sedan din notebook och lämna in den på
# det sätt som din lärare har bestämt. Om du vill göra mer: jämför dina funktioner med
# `nnlib.losses.mse` och `nnlib.losses.binary_cross_entropy` (som returnerar medelvärdet, inte en
# förlust per exempel). Beräkna sedan förlusten för $z = 40$ med facit $y = 0$ på två sätt: med
# din `binary_cross_entropy` på $p = \sigma(40)$ och med lektionens formel på logiten,
# $\max(z, 0) - y z + \ln(1 + e^{-|z|})$. Vilket av de två talen är den verkliga förlusten, och
# varför stannar det andra vid $27{,}63$? Nästa steg:
# [kapitel 05, minstakvadratmetoden och gradientnedstigning](../../notebooks/sv/05_gradient_descent.ipynb).

# %% tags=["hidden"]
# The grading specification: never in the student notebooks. Expected values come from the
# solutions above, run on the same inputs.
from course.exercise import Misconception, Question, case, random_cases


def _pair(rng):
    if rng.random() < 0.5:
        shape = (int(rng.integers(1, 9)),)
    else:
        shape = tuple(int(n) for n in rng.integers(1, 5, size=2))
    y = rng.normal(size=shape)
    return y + rng.normal(scale=0.7, size=shape), y


def _pair_2d(rng):
    shape = (int(rng.integers(2, 6)), int(rng.integers(2, 5)))
    y = rng.normal(size=shape)
    return y + rng.normal(scale=0.7, size=shape), y


def _probabilities(rng):
    n = int(rng.integers(2, 9))
    return rng.uniform(0.01, 0.99, size=n), rng.integers(0, 2, size=n).astype(float)


def _probabilities_with_eps(rng):
    # A large eps, with one probability exactly 0 or 1 and one inside (0, eps): clipping changes both.
    eps = float(rng.choice([0.02, 0.05, 0.1]))
    p, y = _probabilities(rng)
    p[0], p[1] = float(rng.integers(0, 2)), eps * float(rng.uniform(0.1, 0.9))
    return case(p, y, eps=eps).weighted(2)


def _batch(rng):
    n_samples, n_features = int(rng.integers(2, 9)), int(rng.integers(1, 5))
    X = rng.normal(size=(n_samples, n_features))
    return X, rng.normal(size=n_features), float(rng.normal()), rng.integers(0, 2, size=n_samples).astype(float)


# Common wrong answers (each is handed in as a student would in the exercise tests).
def mse_divided_by_rows(y_hat, y):
    return float(np.sum((y - y_hat) ** 2) / len(y))


def mse_summed(y_hat, y):
    return float(np.sum((y - y_hat) ** 2))


def mse_absolute(y_hat, y):
    return float(np.mean(np.abs(y - y_hat)))


def mse_root(y_hat, y):
    return float(np.sqrt(np.mean((y - y_hat) ** 2)))


def mse_not_squared(y_hat, y):
    return float(np.mean(y - y_hat))


def mse_by_loop(y_hat, y):
    total = 0.0
    for prediction, truth in zip(np.ravel(y_hat), np.ravel(y)):
        total += (truth - prediction) ** 2
    return total / np.size(y)


def mse_float32(y_hat, y):
    return np.square(np.float32(y_hat) - np.float32(y)).mean()


def mse_gradient_wrong_sign(y_hat, y):
    return 2.0 * (y - y_hat) / y_hat.size


def mse_gradient_without_2(y_hat, y):
    return (y_hat - y) / y_hat.size


def mse_gradient_by_rows(y_hat, y):
    return 2.0 * (y_hat - y) / len(y_hat)


def mse_gradient_not_divided(y_hat, y):
    return 2.0 * (y_hat - y)


def mse_gradient_by_loop(y_hat, y):
    gradient = np.zeros(np.shape(y_hat))
    for index in np.ndindex(gradient.shape):
        gradient[index] = 2 * (y_hat[index] - y[index]) / gradient.size
    return gradient


def bce_naive(p, y, eps=1e-12):
    return -(y * np.log(p) + (1 - y) * np.log(1 - p))


def bce_fixed_eps(p, y, eps=1e-12):
    p = np.clip(p, 1e-12, 1 - 1e-12)
    return -(y * np.log(p) + (1 - y) * np.log(1 - p))


def bce_log_of_p_plus_eps(p, y, eps=1e-12):
    return -(y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps))


def bce_mean(p, y, eps=1e-12):
    p = np.clip(p, eps, 1 - eps)
    return float(np.mean(-(y * np.log(p) + (1 - y) * np.log(1 - p))))


def bce_without_minus(p, y, eps=1e-12):
    p = np.clip(p, eps, 1 - eps)
    return y * np.log(p) + (1 - y) * np.log(1 - p)


def bce_with_maximum_and_minimum(p, y, eps=1e-12):
    p = np.minimum(np.maximum(p, eps), 1 - eps)
    return -(y * np.log(p) + (1 - y) * np.log(1 - p))


def bce_by_cases(p, y, eps=1e-12):
    losses = np.zeros(len(p))
    for i in range(len(p)):
        probability = min(max(float(p[i]), eps), 1 - eps)
        losses[i] = -np.log(probability) if y[i] == 1 else -np.log(1 - probability)
    return losses


def neuron_cost_without_bias(X, w, b, y):
    y_hat = 1 / (1 + np.exp(-(X @ w)))
    return float(np.mean(binary_cross_entropy(y_hat, y)))


def neuron_cost_summed(X, w, b, y):
    y_hat = 1 / (1 + np.exp(-(X @ w + b)))
    return float(np.sum(binary_cross_entropy(y_hat, y)))


def neuron_cost_squared_error(X, w, b, y):
    y_hat = 1 / (1 + np.exp(-(X @ w + b)))
    return float(np.mean((y_hat - y) ** 2))


def neuron_cost_without_sigmoid(X, w, b, y):
    return float(np.mean(binary_cross_entropy(X @ w + b, y)))


def neuron_cost_by_loop(X, w, b, y):
    total = 0.0
    for x_i, y_i in zip(X, y):
        z = float(np.dot(w, x_i)) + b
        total += binary_cross_entropy(np.array([1 / (1 + np.exp(-z))]), np.array([y_i]))[0]
    return total / len(y)


QUESTIONS = [
    Question(
        "q1", function="mse", points=2,
        hint={
            "en": "Square the differences element by element and take the mean over all elements: np.mean with "
                  "no axis divides by the number of elements, while len(y) counts only the rows of a 2-D array.",
            "sv": "Kvadrera skillnaderna element för element och ta medelvärdet över alla element: np.mean utan "
                  "axis delar med antalet element, medan len(y) bara räknar raderna i en 2-D-array.",
        },
        public=[
            case(np.array([2.5, 0.0, 2.0]), np.array([3.0, -0.5, 2.0])),
            case(np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[1.0, 1.0], [1.0, 1.0]])),
        ],
        hidden=[
            case(np.array([4.0]), np.array([1.0])),
            case(np.array([1.5, -2.0, 0.0]), np.array([1.5, -2.0, 0.0])),
            case(np.array([[2.0], [0.0], [-1.0]]), np.array([[1.0], [0.0], [1.0]])),
            case(np.array([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]), np.zeros((2, 3))).weighted(2),
            *random_cases(_pair, 5, seed=41),
            *random_cases(_pair_2d, 2, seed=45),
        ],
        misconceptions=[
            Misconception("divided_by_rows", mse_divided_by_rows, costs=0.25, message={
                "en": "You divide by len(y), the number of rows, so a 2-D array with k columns gets a cost k times "
                      "too large. Divide by the number of elements instead, which is what a mean over all elements does.",
                "sv": "Du delar med len(y), antalet rader, så en 2-D-array med k kolumner får en kostnad som är k "
                      "gånger för stor. Dela i stället med antalet element, vilket ett medelvärde över alla element gör."}),
            Misconception("summed", mse_summed, costs=0.5, message={
                "en": "You add up the squared errors but never divide, so the cost grows with the number of samples. "
                      "The MSE is the mean of the squared errors.",
                "sv": "Du summerar kvadratfelen men delar aldrig, så kostnaden växer med antalet exempel. MSE är "
                      "medelvärdet av kvadratfelen."}),
            Misconception("absolute_error", mse_absolute, costs=0.5, message={
                "en": "You take the mean of the absolute errors |y - y_hat| (the MAE). The MSE squares each "
                      "difference instead, so a large error counts much more than a small one.",
                "sv": "Du tar medelvärdet av absolutbeloppen |y - y_hat| (medelabsolutfelet). MSE kvadrerar i stället "
                      "varje skillnad, så att ett stort fel väger mycket tyngre än ett litet."}),
            Misconception("root_of_mean", mse_root, costs=0.5, message={
                "en": "You take the square root of the mean (the RMSE). The MSE is the mean of the squared errors "
                      "itself, without a root.",
                "sv": "Du drar roten ur medelvärdet (RMSE). MSE är själva medelvärdet av kvadratfelen, utan rot."}),
            Misconception("not_squared", mse_not_squared, costs=0.5, message={
                "en": "You average the differences without squaring them, so errors of opposite sign cancel and a bad "
                      "prediction can cost 0. Square every difference before taking the mean.",
                "sv": "Du tar medelvärdet av skillnaderna utan att kvadrera dem, så fel med olika tecken tar ut "
                      "varandra och en dålig prediktion kan kosta 0. Kvadrera varje skillnad innan du tar medelvärdet."}),
        ],
        alternatives=[mse_by_loop, mse_float32],
    ),
    Question(
        "q2", function="mse_gradient", points=2,
        hint={
            "en": "Differentiate one term of J with respect to its own y_hat_i: mind the sign, the factor that "
                  "comes from the square, and that N counts every element of y_hat, also for a 2-D array. The "
                  "result has the shape of y_hat.",
            "sv": "Derivera en term i J med avseende på dess eget y_hat_i: tänk på tecknet, faktorn som kommer från "
                  "kvadraten och att N räknar varje element i y_hat, även för en 2-D-array. Resultatet har samma "
                  "form som y_hat.",
        },
        public=[
            case(np.array([2.5, 0.0, 2.0]), np.array([3.0, -0.5, 2.0])),
            case(np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[1.0, 1.0], [1.0, 1.0]])),
        ],
        hidden=[
            case(np.array([3.0]), np.array([1.0])),
            case(np.array([[0.5], [-0.5], [2.0], [0.0]]), np.array([[0.0], [0.0], [0.0], [1.0]])),
            case(np.array([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]), np.zeros((2, 3))).weighted(2),
            *random_cases(_pair, 5, seed=42),
            *random_cases(_pair_2d, 2, seed=46),
        ],
        misconceptions=[
            Misconception("wrong_sign", mse_gradient_wrong_sign, costs=0.5, message={
                "en": "Your gradient has the wrong sign: it is negative where the prediction is too large. "
                      "Differentiate with respect to y_hat, not y: the inner derivative of (y_hat - y) is +1.",
                "sv": "Din gradient har fel tecken: den är negativ där prediktionen är för stor. Derivera med "
                      "avseende på y_hat, inte y: den inre derivatan av (y_hat - y) är +1."}),
            Misconception("without_factor_2", mse_gradient_without_2, costs=0.5, message={
                "en": "Your gradient is half the right one: the derivative of a square u^2 is 2u, and the 2 stays.",
                "sv": "Din gradient är hälften av den rätta: derivatan av en kvadrat u^2 är 2u, och tvåan ska vara kvar."}),
            Misconception("divided_by_rows", mse_gradient_by_rows, costs=0.25, message={
                "en": "You divide by len(y_hat), the number of rows, so for an array of shape (N, k) the gradient is "
                      "k times too large. N in the formula is the number of elements.",
                "sv": "Du delar med len(y_hat), antalet rader, så för en array med formen (N, k) blir gradienten k "
                      "gånger för stor. N i formeln är antalet element."}),
            Misconception("not_divided", mse_gradient_not_divided, costs=0.5, message={
                "en": "You forgot the 1/N of the mean: J is a mean, so every derivative is divided by the number of "
                      "elements.",
                "sv": "Du har glömt medelvärdets 1/N: J är ett medelvärde, så varje derivata delas med antalet element."}),
        ],
        alternatives=[mse_gradient_by_loop],
    ),
    Question(
        "q3", function="binary_cross_entropy", points=3, float_errors=True,
        hint={
            "en": "Clip p into [eps, 1 - eps] before you take any logarithm, and use the eps you receive, not a fixed "
                  "number. Return one loss per sample, not their mean.",
            "sv": "Klipp p till [eps, 1 - eps] innan du tar någon logaritm, och använd det eps som funktionen "
                  "får, inte ett fast tal. Returnera en förlust per exempel, inte deras medelvärde.",
        },
        public=[
            case(np.array([0.9, 0.2, 0.6]), np.array([1.0, 0.0, 1.0])),
            case(np.array([1.0, 0.0]), np.array([1.0, 1.0])),
            case(np.array([0.0, 0.3, 0.995]), np.array([1.0, 1.0, 0.0]), eps=0.01),
        ],
        hidden=[
            case(np.array([1.0, 0.0, 1.0, 0.0]), np.array([1.0, 1.0, 0.0, 0.0])).weighted(2),
            case(np.array([0.0]), np.array([0.0])).weighted(2),
            case(np.array([1.0]), np.array([0.0])).weighted(2),
            case(np.array([0.5, 0.5]), np.array([0.0, 1.0])),
            case(np.array([0.0, 1.0, 0.3]), np.array([1.0, 0.0, 1.0]), eps=1e-3).weighted(2),
            case(np.array([0.05, 0.7, 0.97, 0.4]), np.array([0.0, 1.0, 0.0, 1.0]), eps=0.1).weighted(2),
            case(np.array([0.999, 0.001]), np.array([1, 0])),
            *random_cases(_probabilities, 3, seed=43),
            *random_cases(_probabilities_with_eps, 2, seed=47),
        ],
        misconceptions=[
            Misconception("not_clipped", bce_naive, costs=0.5, message={
                "en": "Your loss breaks when a probability is exactly 0 or 1: np.log(0) is -inf (in grading, an "
                      "error) and 0 * -inf is nan. Clip p into [eps, 1 - eps] before taking any logarithm.",
                "sv": "Din förlust går sönder när en sannolikhet är exakt 0 eller 1: np.log(0) är -inf (ett fel vid "
                      "rättningen) och 0 * -inf är nan. Klipp p till [eps, 1 - eps] innan du tar någon logaritm."}),
            Misconception("fixed_eps", bce_fixed_eps, costs=0.34, message={
                "en": "You clip with a fixed number instead of the eps argument, so a call with another eps, such as "
                      "eps=0.01, gives the wrong losses. Use the eps your function receives.",
                "sv": "Du klipper med ett fast tal i stället för argumentet eps, så ett anrop med ett annat eps, till "
                      "exempel eps=0.01, ger fel förluster. Använd det eps som funktionen får."}),
            Misconception("log_of_p_plus_eps", bce_log_of_p_plus_eps, costs=0.34, message={
                "en": "You add eps inside the logarithm instead of clipping p. That changes every loss, not only those "
                      "of probabilities beyond eps, which shows for a larger eps. Clip p into [eps, 1 - eps] first, then "
                      "use the formula unchanged.",
                "sv": "Du lägger till eps inuti logaritmen i stället för att klippa p. Det ändrar varje förlust, inte "
                      "bara de för sannolikheter utanför eps, vilket syns för ett större eps. Klipp först p till "
                      "[eps, 1 - eps] och använd sedan formeln oförändrad."}),
            Misconception("mean_instead", bce_mean, costs=0.5, message={
                "en": "You return the mean of the losses, one number. This function returns the loss of every "
                      "sample, an array of shape (N,); the mean comes later, in the cost.",
                "sv": "Du returnerar medelvärdet av förlusterna, ett enda tal. Den här funktionen ska returnera "
                      "förlusten för varje exempel, en array med formen (N,); medelvärdet kommer senare, i kostnaden."}),
            Misconception("without_minus", bce_without_minus, costs=0.5, message={
                "en": "Your losses are negative: the logarithm of a probability is at most 0, and the cross-entropy "
                      "has a minus sign in front so that every loss is 0 or more.",
                "sv": "Dina förluster är negativa: logaritmen av en sannolikhet är högst 0, och korsentropin har ett "
                      "minustecken framför så att varje förlust blir 0 eller större."}),
        ],
        alternatives=[bce_with_maximum_and_minimum, bce_by_cases],
    ),
    Question(
        "q4", function="neuron_cost", points=2,
        hint={
            "en": "Compute all N weighted sums at once (do not forget b), turn them into probabilities with the "
                  "sigmoid, then take the mean of the per-sample losses from question 3.",
            "sv": "Beräkna alla N viktade summor på en gång (glöm inte b), gör om dem till sannolikheter med "
                  "sigmoiden och ta sedan medelvärdet av förlusterna per exempel från fråga 3.",
        },
        public=[
            case(np.array([[1.0, 2.0], [0.0, -1.0], [2.0, 0.5]]), np.array([0.0, 0.0]), 0.0,
                 np.array([1.0, 0.0, 1.0])),
            case(np.array([[1.0, 0.0], [0.0, 1.0], [2.0, 2.0]]), np.array([1.0, -1.0]), 0.5,
                 np.array([1.0, 0.0, 1.0])),
        ],
        hidden=[
            case(np.array([[3.0]]), np.array([2.0]), -1.0, np.array([0.0])),
            case(np.array([[1.0], [-1.0]]), np.array([0.0]), 2.0, np.array([1.0, 1.0])),
            case(np.array([[1.0, 1.0], [-1.0, -1.0]]), np.array([5.0, 5.0]), 0.0, np.array([1.0, 0.0])),
            *random_cases(_batch, 5, seed=44),
        ],
        misconceptions=[
            Misconception("without_bias", neuron_cost_without_bias, costs=0.5, message={
                "en": "Your weighted sums leave out the bias b: every z_i is w · x_i + b.",
                "sv": "Dina viktade summor saknar biasen b: varje z_i är w · x_i + b."}),
            Misconception("summed", neuron_cost_summed, costs=0.5, message={
                "en": "You add up the losses instead of averaging them: the cost J is their mean, so divide by N.",
                "sv": "Du summerar förlusterna i stället för att ta medelvärdet: kostnaden J är deras medelvärde, så "
                      "dela med N."}),
            Misconception("squared_error", neuron_cost_squared_error, costs=0.5, message={
                "en": "You compute the mean squared error of the probabilities. This cost uses the binary "
                      "cross-entropy of question 3 for every sample.",
                "sv": "Du beräknar medelkvadratfelet för sannolikheterna. Den här kostnaden använder den binära "
                      "korsentropin från fråga 3 för varje exempel."}),
            Misconception("without_sigmoid", neuron_cost_without_sigmoid, costs=0.5, message={
                "en": "You give the weighted sums z straight to the cross-entropy. They are not probabilities (they "
                      "can be negative or above 1): apply the sigmoid first.",
                "sv": "Du skickar de viktade summorna z direkt till korsentropin. De är inga sannolikheter (de kan "
                      "vara negativa eller större än 1): använd sigmoiden först."}),
        ],
        alternatives=[neuron_cost_by_loop],
    ),
]
