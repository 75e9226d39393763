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
# formula first and see what the check says.

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
# den vanliga formeln först och se vad kontrollen säger.

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
from course.exercise import Question, case, random_cases


def _pair(rng):
    if rng.random() < 0.5:
        shape = (int(rng.integers(1, 9)),)
    else:
        shape = tuple(int(n) for n in rng.integers(1, 5, size=2))
    y = rng.normal(size=shape)
    return y + rng.normal(scale=0.7, size=shape), y


def _probabilities(rng):
    n = int(rng.integers(2, 9))
    return rng.uniform(0.01, 0.99, size=n), rng.integers(0, 2, size=n).astype(float)


def _batch(rng):
    n_samples, n_features = int(rng.integers(2, 9)), int(rng.integers(1, 5))
    X = rng.normal(size=(n_samples, n_features))
    return X, rng.normal(size=n_features), float(rng.normal()), rng.integers(0, 2, size=n_samples).astype(float)


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
            case(np.array([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]), np.zeros((2, 3))),
            *random_cases(_pair, 5, seed=41),
        ],
    ),
    Question(
        "q2", function="mse_gradient", points=2,
        hint={
            "en": "Only the i-th term of J depends on y_hat_i. Check the sign (y_hat - y, not y - y_hat), "
                  "the factor 2, and that N is the number of elements, y_hat.size. The result has the shape "
                  "of y_hat.",
            "sv": "Bara den i:te termen i J beror på y_hat_i. Kontrollera tecknet (y_hat - y, inte y - y_hat), "
                  "faktorn 2 och att N är antalet element, y_hat.size. Resultatet har samma form som y_hat.",
        },
        public=[case(np.array([2.5, 0.0, 2.0]), np.array([3.0, -0.5, 2.0]))],
        hidden=[
            case(np.array([3.0]), np.array([1.0])),
            case(np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[1.0, 1.0], [1.0, 1.0]])),
            case(np.array([[0.5], [-0.5], [2.0], [0.0]]), np.array([[0.0], [0.0], [0.0], [1.0]])),
            *random_cases(_pair, 5, seed=42),
        ],
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
        ],
        hidden=[
            case(np.array([1.0, 0.0, 1.0, 0.0]), np.array([1.0, 1.0, 0.0, 0.0])),
            case(np.array([0.0]), np.array([0.0])),
            case(np.array([1.0]), np.array([0.0])),
            case(np.array([0.5, 0.5]), np.array([0.0, 1.0])),
            case(np.array([0.0, 1.0, 0.3]), np.array([1.0, 0.0, 1.0]), eps=1e-3),
            case(np.array([0.999, 0.001]), np.array([1, 0])),
            *random_cases(_probabilities, 4, seed=43),
        ],
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
    ),
]
