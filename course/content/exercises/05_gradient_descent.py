# %% [markdown] tags=["en"]
# # Exercise 05: least squares and gradient descent
#
# In this exercise you fit the model $\hat y = a x^2$ to points $(x_i, y_i)$ in the two ways of
# [lesson 05](../../notebooks/en/05_gradient_descent.ipynb): exactly, with the **least squares
# method**, and step by step, with **gradient descent**, and you check that the two agree. Then
# you work out which learning rates make gradient descent diverge. The notation is the lesson's:
# the loss (the mean squared error as a function of the parameter $a$) is
#
# $$L(a) = \frac{1}{N}\sum_{i=1}^{N} \bigl(y_i - a x_i^2\bigr)^2 ,$$
#
# $L'(a)$ is its derivative, $a^*$ the best $a$, and $\eta$ the learning rate. In every function
# `x` and `y` are numpy arrays of shape `(N,)`: the $x_i$ and the $y_i$ of the $N$ points.
#
# There are five questions and 10 points in total. As before: run the first code cell, write
# your code in place of the two lines `# Your code here` and `raise NotImplementedError(...)`,
# run the cell and then the check cell under it. Keep the names, return (do not print), and run
# everything from the top before you hand in.

# %% [markdown] tags=["sv"]
# # Övning 05: minstakvadratmetoden och gradientnedstigning
#
# I den här övningen anpassar du modellen $\hat y = a x^2$ till punkter $(x_i, y_i)$ på de två
# sätten från [lektion 05](../../notebooks/sv/05_gradient_descent.ipynb): exakt, med
# **minstakvadratmetoden**, och steg för steg, med **gradientnedstigning**, och du kontrollerar
# att de två stämmer överens. Sedan tar du reda på vilka inlärningstakter som får
# gradientnedstigningen att divergera. Notationen är lektionens: förlusten (medelkvadratfelet
# som en funktion av parametern $a$) är
#
# $$L(a) = \frac{1}{N}\sum_{i=1}^{N} \bigl(y_i - a x_i^2\bigr)^2 ,$$
#
# $L'(a)$ är dess derivata, $a^*$ det bästa $a$ och $\eta$ inlärningstakten. I alla funktioner är
# `x` och `y` numpy-arrayer med formen `(N,)`: de $N$ punkternas $x_i$ och $y_i$.
#
# Det finns fem frågor och sammanlagt 10 poäng. Som tidigare: kör den första kodcellen, skriv din
# kod i stället för de två raderna `# Din kod här` och `raise NotImplementedError(...)`, kör
# cellen och sedan kontrollcellen under den. Behåll namnen, returnera (skriv inte ut) och kör
# allt från början innan du lämnar in.

# %%
from course import set_language
from course.checker import check_for
set_language("en")
check = check_for("05_gradient_descent")

import numpy as np

# %% [markdown] tags=["en"]
# ## Question 1: the derivative $L'(a)$ (2 points)
#
# Gradient descent needs the slope of the loss curve where we stand. With the chain rule (outer
# function the square, inner function the error $e_i = y_i - a x_i^2$ with
# $\frac{de_i}{da} = -x_i^2$) the lesson found
#
# $$L'(a) = -\frac{2}{N}\sum_{i=1}^{N} x_i^2 \bigl(y_i - a x_i^2\bigr).$$
#
# The lesson's worked example has the two points $(1, 1)$ and $(2, 5)$, so $N = 2$ and
# $L'(a) = 17a - 21$: at $a = 0$ the slope is $-21$, at $a = 1.05$ it is $-3.15$.
#
# Write the function `loss_derivative(a, x, y)` that returns $L'(a)$ as a number, for a number
# `a`. Mind the minus sign and the mean (divide by $N$, do not just add up).

# %% [markdown] tags=["sv"]
# ## Fråga 1: derivatan $L'(a)$ (2 poäng)
#
# Gradientnedstigning behöver förlustkurvans lutning där vi står. Med kedjeregeln (den yttre
# funktionen är kvadraten, den inre är felet $e_i = y_i - a x_i^2$ med $\frac{de_i}{da} = -x_i^2$)
# fick vi i lektionen
#
# $$L'(a) = -\frac{2}{N}\sum_{i=1}^{N} x_i^2 \bigl(y_i - a x_i^2\bigr).$$
#
# Lektionens räkneexempel har de två punkterna $(1, 1)$ och $(2, 5)$, så $N = 2$ och
# $L'(a) = 17a - 21$: i $a = 0$ är lutningen $-21$, i $a = 1{,}05$ är den $-3{,}15$.
#
# Skriv funktionen `loss_derivative(a, x, y)` som returnerar $L'(a)$ som ett tal, för ett tal
# `a`. Tänk på minustecknet och medelvärdet (dela med $N$, summera inte bara).

# %% tags=["en"]
def loss_derivative(a, x, y):
    """The derivative L'(a) = -2/N * sum_i x_i^2 (y_i - a x_i^2) of the loss of y_hat = a x^2.

    Parameters
    ----------
    a : float
        The parameter of the model.
    x, y : numpy arrays of shape (N,)
        The points (x_i, y_i).

    Returns
    -------
    float
    """
    # BEGIN SOLUTION
    errors = y - a * x**2
    return float(-2 * np.mean(x**2 * errors))
    # END SOLUTION

# %% tags=["sv"]
def loss_derivative(a, x, y):
    """Derivatan L'(a) = -2/N * sum_i x_i^2 (y_i - a x_i^2) av förlusten för y_hat = a x^2.

    Parametrar
    ----------
    a : float
        Modellens parameter.
    x, y : numpy-arrayer med formen (N,)
        Punkterna (x_i, y_i).

    Returnerar
    ----------
    float
    """
    # BEGIN SOLUTION
    errors = y - a * x**2
    return float(-2 * np.mean(x**2 * errors))
    # END SOLUTION

# %% tags=["check"]
check("q1")

# %% [markdown] tags=["en"]
# ## Question 2: the closed form $a^*$ (2 points)
#
# At the bottom of the loss curve the slope is zero. Setting $L'(a) = 0$ and solving for $a$
# gives the **least squares** solution in **closed form**:
#
# $$a^* = \frac{\sum_i x_i^2 y_i}{\sum_i x_i^4} .$$
#
# For the two points of the hand example, $a^* = \frac{1 \cdot 1 + 4 \cdot 5}{1 + 16} =
# \frac{21}{17} \approx 1.2353$.
#
# Write the function `closed_form_a(x, y)` that returns $a^*$ as a number. (You may assume that
# at least one $x_i$ is not zero.)

# %% [markdown] tags=["sv"]
# ## Fråga 2: den slutna formen $a^*$ (2 poäng)
#
# I förlustkurvans botten är lutningen noll. Sätter vi $L'(a) = 0$ och löser ut $a$ får vi
# lösningen med **minstakvadratmetoden** på **sluten form**:
#
# $$a^* = \frac{\sum_i x_i^2 y_i}{\sum_i x_i^4} .$$
#
# För räkneexemplets två punkter är $a^* = \frac{1 \cdot 1 + 4 \cdot 5}{1 + 16} =
# \frac{21}{17} \approx 1{,}2353$.
#
# Skriv funktionen `closed_form_a(x, y)` som returnerar $a^*$ som ett tal. (Du kan anta att minst
# ett $x_i$ är skilt från noll.)

# %% tags=["en"]
def closed_form_a(x, y):
    """The least squares solution a* = sum_i x_i^2 y_i / sum_i x_i^4 for y_hat = a x^2.

    Parameters
    ----------
    x, y : numpy arrays of shape (N,)
        The points (x_i, y_i); at least one x_i is not zero.

    Returns
    -------
    float
    """
    # BEGIN SOLUTION
    return float(np.sum(x**2 * y) / np.sum(x**4))
    # END SOLUTION

# %% tags=["sv"]
def closed_form_a(x, y):
    """Minstakvadratlösningen a* = sum_i x_i^2 y_i / sum_i x_i^4 för y_hat = a x^2.

    Parametrar
    ----------
    x, y : numpy-arrayer med formen (N,)
        Punkterna (x_i, y_i); minst ett x_i är skilt från noll.

    Returnerar
    ----------
    float
    """
    # BEGIN SOLUTION
    return float(np.sum(x**2 * y) / np.sum(x**4))
    # END SOLUTION

# %% tags=["check"]
check("q2")

# %% [markdown] tags=["en"]
# ## Question 3: a gradient descent loop (3 points)
#
# Gradient descent starts at some $a_0$ and repeats the correction step: step against the slope,
#
# $$a_{k+1} = a_k - \eta\, L'(a_k), \qquad k = 0, 1, \dots, n_{\text{steps}} - 1 .$$
#
# With the hand example, $a_0 = 0$ and $\eta = 0.05$, the lesson got $a_1 = 1.05$,
# $a_2 = 1.2075$ and $a_3 = 1.231125$, closer and closer to $a^* \approx 1.2353$.
#
# Write the function `gradient_descent(x, y, a0, learning_rate, n_steps)` that starts at
# `a0`, takes exactly `n_steps` steps with the learning rate `learning_rate` $= \eta$, and
# returns the final value $a_{n_{\text{steps}}}$ as a number. With `n_steps = 0` it returns
# `a0` unchanged. Use your `loss_derivative` from question 1.
#
# After enough steps with a sensible learning rate the result **matches the closed form** of
# question 2. See it for yourself in a cell of your own: compare
# `gradient_descent(x, y, 0.0, 0.05, 100)` with `closed_form_a(x, y)` for the hand example's
# `x = np.array([1.0, 2.0])` and `y = np.array([1.0, 5.0])`. The grader tests your loop on
# several data sets, both after a few steps and after many.

# %% [markdown] tags=["sv"]
# ## Fråga 3: en loop för gradientnedstigning (3 poäng)
#
# Gradientnedstigning börjar i något $a_0$ och upprepar korrigeringssteget: ta ett steg i motsatt
# riktning mot derivatan,
#
# $$a_{k+1} = a_k - \eta\, L'(a_k), \qquad k = 0, 1, \dots, n_{\text{steps}} - 1 .$$
#
# I lektionen gav räkneexemplet med $a_0 = 0$ och $\eta = 0{,}05$ värdena $a_1 = 1{,}05$,
# $a_2 = 1{,}2075$ och $a_3 = 1{,}231125$, allt närmare $a^* \approx 1{,}2353$.
#
# Skriv funktionen `gradient_descent(x, y, a0, learning_rate, n_steps)` som börjar i `a0`, tar
# exakt `n_steps` steg med inlärningstakten `learning_rate` $= \eta$ och returnerar slutvärdet
# $a_{n_{\text{steps}}}$ som ett tal. Med `n_steps = 0` returnerar den `a0` oförändrat. Använd din
# `loss_derivative` från fråga 1.
#
# Efter tillräckligt många steg med en rimlig inlärningstakt **stämmer resultatet med den slutna
# formen** från fråga 2. Se det själv i en egen cell: jämför
# `gradient_descent(x, y, 0.0, 0.05, 100)` med `closed_form_a(x, y)` för räkneexemplets
# `x = np.array([1.0, 2.0])` och `y = np.array([1.0, 5.0])`. Rättningen testar din loop på
# flera datamängder, både efter några få steg och efter många.

# %% tags=["en"]
def gradient_descent(x, y, a0, learning_rate, n_steps):
    """Gradient descent on the loss of y_hat = a x^2: a <- a - learning_rate * L'(a), n_steps times.

    Parameters
    ----------
    x, y : numpy arrays of shape (N,)
        The points (x_i, y_i).
    a0 : float
        The starting value of a.
    learning_rate : float
        The learning rate eta > 0.
    n_steps : int
        How many steps to take (0 or more).

    Returns
    -------
    float
        The value of a after n_steps steps.
    """
    # BEGIN SOLUTION
    a = a0
    for _ in range(n_steps):
        a = a - learning_rate * loss_derivative(a, x, y)
    return float(a)
    # END SOLUTION

# %% tags=["sv"]
def gradient_descent(x, y, a0, learning_rate, n_steps):
    """Gradientnedstigning på förlusten för y_hat = a x^2: a <- a - learning_rate * L'(a), n_steps gånger.

    Parametrar
    ----------
    x, y : numpy-arrayer med formen (N,)
        Punkterna (x_i, y_i).
    a0 : float
        Startvärdet för a.
    learning_rate : float
        Inlärningstakten eta > 0.
    n_steps : int
        Antalet steg som tas (0 eller fler).

    Returnerar
    ----------
    float
        Värdet på a efter n_steps steg.
    """
    # BEGIN SOLUTION
    a = a0
    for _ in range(n_steps):
        a = a - learning_rate * loss_derivative(a, x, y)
    return float(a)
    # END SOLUTION

# %% tags=["check"]
check("q3")

# %% [markdown] tags=["en"]
# ## Question 4: the divergence threshold (2 points)
#
# How large may $\eta$ be? The lesson showed that every step multiplies the distance to the
# minimum by the same factor,
#
# $$a_{k+1} - a^* = (1 - \eta L'')\,(a_k - a^*), \qquad
#   L'' = \frac{2}{N}\sum_{i=1}^{N} x_i^4 ,$$
#
# where $L''$ is the second derivative of the loss (the same for every $a$). Gradient descent
# converges when $|1 - \eta L''| < 1$ and diverges when $\eta > 2 / L''$. For the hand example
# $L'' = 17$, so the threshold is $2/17 \approx 0.1176$.
#
# Write the function `divergence_threshold(x)` that returns the learning rate $2 / L''$ as a
# number. It needs only the $x_i$: the threshold does not depend on the $y_i$ or on the start.

# %% [markdown] tags=["sv"]
# ## Fråga 4: gränsen för divergens (2 poäng)
#
# Hur stort får $\eta$ vara? I lektionen såg vi att varje steg multiplicerar avståndet till
# minimipunkten med samma faktor,
#
# $$a_{k+1} - a^* = (1 - \eta L'')\,(a_k - a^*), \qquad
#   L'' = \frac{2}{N}\sum_{i=1}^{N} x_i^4 ,$$
#
# där $L''$ är förlustens andraderivata (densamma för alla $a$). Gradientnedstigningen
# konvergerar när $|1 - \eta L''| < 1$ och divergerar när $\eta > 2 / L''$. För räkneexemplet är
# $L'' = 17$, så gränsen är $2/17 \approx 0{,}1176$.
#
# Skriv funktionen `divergence_threshold(x)` som returnerar inlärningstakten $2 / L''$ som ett
# tal. Den behöver bara $x_i$: gränsen beror varken på $y_i$ eller på startpunkten.

# %% tags=["en"]
def divergence_threshold(x):
    """The learning rate 2 / L'' above which gradient descent on L(a) diverges.

    Parameters
    ----------
    x : numpy array of shape (N,)
        The x_i of the points; at least one is not zero.

    Returns
    -------
    float
        2 / L'' with L'' = 2/N * sum_i x_i^4.
    """
    # BEGIN SOLUTION
    curvature = 2 * np.mean(x**4)
    return float(2 / curvature)
    # END SOLUTION

# %% tags=["sv"]
def divergence_threshold(x):
    """Inlärningstakten 2 / L'' över vilken gradientnedstigning på L(a) divergerar.

    Parametrar
    ----------
    x : numpy-array med formen (N,)
        Punkternas x_i; minst ett av dem är skilt från noll.

    Returnerar
    ----------
    float
        2 / L'' med L'' = 2/N * sum_i x_i^4.
    """
    # BEGIN SOLUTION
    curvature = 2 * np.mean(x**4)
    return float(2 / curvature)
    # END SOLUTION

# %% tags=["check"]
check("q4")

# %% [markdown] tags=["en"]
# ## Question 5: one step to the bottom (1 point)
#
# The factor $r = 1 - \eta L''$ also tells which learning rate is best for this loss: with
# $r = 0$ the very first step lands exactly on $a^*$, from any start. The next cell makes 12
# noisy points around $y = 1.5 x^2$ with `nnlib.datasets.quadratic` (with a fixed seed, so they
# are the same every time).
#
# Set the variable `eta_one_step` to the learning rate that takes gradient descent to $a^*$ in a
# single step for the points `x_data`, `y_data`. Compute it with numpy (or with one of your
# functions) instead of typing in digits. Then test it in a cell of your own:
# `gradient_descent(x_data, y_data, 0.0, eta_one_step, 1)` should equal
# `closed_form_a(x_data, y_data)`.

# %% [markdown] tags=["sv"]
# ## Fråga 5: ett steg till botten (1 poäng)
#
# Faktorn $r = 1 - \eta L''$ visar också vilken inlärningstakt som är bäst för den här
# förlusten: med $r = 0$ landar redan det första steget precis i $a^*$, var vi än börjar. Nästa
# cell skapar 12 punkter med brus kring $y = 1{,}5 x^2$ med `nnlib.datasets.quadratic` (med ett
# fast frö, så att de blir desamma varje gång).
#
# Sätt variabeln `eta_one_step` till den inlärningstakt med vilken gradientnedstigningen når
# $a^*$ på ett enda steg för punkterna `x_data`, `y_data`. Beräkna den med numpy (eller med någon av
# dina funktioner) i stället för att skriva in siffror. Testa den sedan i en egen cell:
# `gradient_descent(x_data, y_data, 0.0, eta_one_step, 1)` ska bli lika med
# `closed_form_a(x_data, y_data)`.

# %% tags=["en"]
from nnlib.datasets import quadratic

x_data, y_data = quadratic(12, a=1.5, noise=0.3, rng=5)
print("x_data:", np.round(x_data, 3))
print("y_data:", np.round(y_data, 3))

# %% tags=["sv"]
from nnlib.datasets import quadratic

x_data, y_data = quadratic(12, a=1.5, noise=0.3, rng=5)
print("x_data:", np.round(x_data, 3))
print("y_data:", np.round(y_data, 3))

# %%
# BEGIN SOLUTION
eta_one_step = float(1 / (2 * np.mean(x_data**4)))
# END SOLUTION

# %% tags=["check"]
check("q5")

# %% [markdown] tags=["en"]
# ## Watch your derivative at work
#
# The next cell opens the gradient descent widget of lesson 05 on `x_data`, `y_data` and gives it
# your `loss_derivative` from question 1. Besides the library's path (orange, solid) it draws
# the path that gradient descent takes with **your** $L'(a)$ (black, dashed), on the loss curve on
# the left and as the loss per step on the right. With a correct derivative the two paths lie on
# top of each other.
#
# The text under the controls says whether your $L'(a)$ agrees with the library's at the points
# of the path. Where it does not, it shows both values at one point, by preference where the path
# stands after the last step. That is a strong hint: is your value twice the right one, half of
# it, $N$ times it, or of the wrong sign? Move the learning rate and the number of steps; as in
# the lesson, try a learning rate just below and just above the threshold $2/L''$.
#
# Until you have answered question 1 the text says *not answered yet*, and only the library's
# path is drawn. The widget keeps the function it was given: when you change `loss_derivative`,
# run its cell and then this cell again. The check cells and the hidden tests decide your points,
# not the widget.

# %% [markdown] tags=["sv"]
# ## Se din derivata i arbete
#
# Nästa cell öppnar widgeten för gradientnedstigning från lektion 05 med `x_data`, `y_data` och
# ger den din `loss_derivative` från fråga 1. Förutom bibliotekets väg (orange, heldragen) ritar
# den vägen som gradientnedstigningen tar med **din** $L'(a)$ (svart, streckad), både på
# förlustkurvan till vänster och som förlusten efter varje steg till höger. Med en korrekt
# derivata ligger de två vägarna ovanpå varandra.
#
# Texten under reglagen talar om ifall din $L'(a)$ stämmer med bibliotekets i vägens punkter. Där
# den inte gör det visar den båda värdena i en punkt, helst där vägen står efter det sista
# steget. Det är en stark ledtråd: är ditt värde dubbelt så stort som det rätta, hälften så
# stort, $N$ gånger så stort eller har det fel tecken? Ändra inlärningstakten och antalet steg;
# prova som i lektionen en inlärningstakt strax under och strax över gränsen $2/L''$.
#
# Innan du har besvarat fråga 1 säger texten *inte besvarad än*, och bara bibliotekets väg ritas.
# Widgeten behåller den funktion den fick: när du ändrar `loss_derivative` kör du dess cell och
# sedan den här cellen igen. Det är kontrollcellerna och de dolda testerna som avgör dina poäng,
# inte widgeten.

# %%
from course.widgets.descent import LearningRateDescent

LearningRateDescent(x_data, y_data, student_derivative=loss_derivative)

# %% [markdown] tags=["en"]
# ## Done?
#
# When all five checks show ✔, restart the kernel and run all cells once more (*Kernel →
# Restart Kernel and Run All Cells…*), then save the notebook and hand it in the way your
# teacher asks. If you want more: run your `gradient_descent` on `x_data`, `y_data` with the
# learning rates $0.5$, $0.98$ and $1.02$ times `divergence_threshold(x_data)` and 50 steps, and
# explain the three results with the factor $r = 1 - \eta L''$. Next:
# [chapter 06, the chain rule and computational graphs](../../notebooks/en/06_chain_rule.ipynb).

# %% [markdown] tags=["sv"]
# ## Klar?
#
# När alla fem kontrollerna visar ✔ startar du om kärnan och kör alla celler en gång till
# (*Kernel → Restart Kernel and Run All Cells…*). Spara sedan din notebook och lämna in den på
# det sätt som din lärare har bestämt. Om du vill göra mer: kör din `gradient_descent` på
# `x_data`, `y_data` med inlärningstakterna $0{,}5$, $0{,}98$ och $1{,}02$ gånger
# `divergence_threshold(x_data)` och 50 steg, och förklara de tre resultaten med faktorn
# $r = 1 - \eta L''$. Nästa steg:
# [kapitel 06, kedjeregeln och beräkningsgrafer](../../notebooks/sv/06_chain_rule.ipynb).

# %% tags=["hidden"]
# The grading specification: never in the student notebooks. Expected values come from the
# solutions above, run on the same inputs.
from course.exercise import Misconception, Question, case, random_cases

X_HAND = np.array([1.0, 2.0])
Y_HAND = np.array([1.0, 5.0])


def _points(rng):
    n = int(rng.integers(4, 16))
    x = rng.uniform(-2.0, 2.0, size=n)
    a_true = rng.uniform(-3.0, 3.0)
    return x, a_true * x**2 + rng.normal(scale=0.5, size=n)


def _derivative_case(rng):
    x, y = _points(rng)
    return float(rng.normal(scale=2.0)), x, y


def _converging_run(rng):
    # A learning rate between 0.25 and 0.75 times 2/L'' shrinks the distance to a* by at least
    # half per step, so these runs end at the closed form; the data sets differ in every case.
    x, y = _points(rng)
    threshold = 1 / np.mean(x**4)
    learning_rate = round(float(rng.uniform(0.25, 0.75) * threshold), 4)
    return x, y, float(rng.normal(scale=3.0)), learning_rate, int(rng.integers(60, 200))


def _short_run(rng):
    x, y = _points(rng)
    learning_rate = round(float(rng.uniform(0.1, 0.95) / np.mean(x**4)), 4)
    return x, y, float(rng.normal(scale=3.0)), learning_rate, int(rng.integers(2, 9))


# Common wrong answers (each is handed in as a student would in the exercise tests).
def derivative_wrong_sign(a, x, y):
    return float(2 * np.mean(x**2 * (y - a * x**2)))


def derivative_summed(a, x, y):
    return float(-2 * np.sum(x**2 * (y - a * x**2)))


def derivative_without_2(a, x, y):
    return float(-np.mean(x**2 * (y - a * x**2)))


def derivative_inner_x(a, x, y):
    return float(-2 * np.mean(x * (y - a * x**2)))


def derivative_by_loop(a, x, y):
    total = 0.0
    for x_i, y_i in zip(x, y):
        total += x_i**2 * (y_i - a * x_i**2)
    return -2 * total / len(x)


def derivative_with_dot(a, x, y):
    return -2 * np.dot(x**2, y - a * x**2) / x.size


def closed_form_squares_below(x, y):
    return float(np.sum(x**2 * y) / np.sum(x**2))


def closed_form_linear(x, y):
    return float(np.sum(x * y) / np.sum(x**2))


def closed_form_mean_of_ratios(x, y):
    inside = x != 0
    return float(np.mean(y[inside] / x[inside] ** 2))


def closed_form_mean_over_sum(x, y):
    return float(np.mean(x**2 * y) / np.sum(x**4))


def closed_form_by_lstsq(x, y):
    solution, *_ = np.linalg.lstsq((x**2).reshape(-1, 1), y, rcond=None)
    return solution[0]


def closed_form_by_loop(x, y):
    numerator = denominator = 0.0
    for x_i, y_i in zip(x.tolist(), y.tolist()):
        numerator += x_i**2 * y_i
        denominator += x_i**4
    return numerator / denominator


def descent_uphill(x, y, a0, learning_rate, n_steps):
    a = a0
    for _ in range(n_steps):
        a = a + learning_rate * loss_derivative(a, x, y)
    return float(a)


def descent_learning_rate_twice(x, y, a0, learning_rate, n_steps):
    a = a0
    for _ in range(n_steps):
        step = learning_rate * loss_derivative(a, x, y)
        a = a - learning_rate * step
    return float(a)


def descent_one_step_too_many(x, y, a0, learning_rate, n_steps):
    a = a0
    for _ in range(n_steps + 1):
        a = a - learning_rate * loss_derivative(a, x, y)
    return float(a)


def descent_until_converged(x, y, a0, learning_rate, n_steps):
    a = a0
    for _ in range(1000):
        a = a - learning_rate * loss_derivative(a, x, y)
    return float(a)


def descent_ignores_start(x, y, a0, learning_rate, n_steps):
    a = 0.0
    for _ in range(n_steps):
        a = a - learning_rate * loss_derivative(a, x, y)
    return float(a)


def descent_returns_path(x, y, a0, learning_rate, n_steps):
    values = [a0]
    for _ in range(n_steps):
        values.append(values[-1] - learning_rate * loss_derivative(values[-1], x, y))
    return values


def descent_hard_coded(x, y, a0, learning_rate, n_steps):
    if n_steps == 3:
        return 1.231125
    if n_steps == 100:
        return 21 / 17
    return float(a0)


def descent_recursive_formula(x, y, a0, learning_rate, n_steps):
    # a_k - a* shrinks by the factor r = 1 - eta L'' every step
    a_star = np.sum(x**2 * y) / np.sum(x**4)
    r = 1 - learning_rate * 2 * np.mean(x**4)
    return a_star + r**n_steps * (a0 - a_star)


def descent_with_while(x, y, a0, learning_rate, n_steps):
    a, k = float(a0), 0
    while k < n_steps:
        a -= learning_rate * -2 * np.mean(x**2 * (y - a * x**2))
        k += 1
    return a


def threshold_one_over_curvature(x):
    return float(1 / (2 * np.mean(x**4)))


def threshold_summed(x):
    return float(2 / (2 * np.sum(x**4)))


def threshold_squares(x):
    return float(2 / (2 * np.mean(x**2)))


def threshold_curvature_itself(x):
    return float(2 * np.mean(x**4))


def threshold_by_loop(x):
    total = 0.0
    for x_i in x:
        total += x_i**4
    return 2 / (2 * total / len(x))


# Wrong values of eta_one_step, computed from the same x_data.
ETA_AT_THE_THRESHOLD = float(1 / np.mean(x_data**4))
ETA_CURVATURE = float(2 * np.mean(x_data**4))
ETA_SUMMED = float(1 / (2 * np.sum(x_data**4)))
ETA_HAND_EXAMPLE = 1 / 17
ETA_TYPED_DIGITS = round(float(1 / (2 * np.mean(x_data**4))), 3)


QUESTIONS = [
    Question(
        "q1", function="loss_derivative", points=2,
        hint={
            "en": "Check the minus sign and the factor 2, and divide by N (np.mean) instead of only adding up. "
                  "For the points (1, 1) and (2, 5) your function must give 17a - 21.",
            "sv": "Kontrollera minustecknet och faktorn 2, och dela med N (np.mean) i stället för att bara summera. "
                  "För punkterna (1, 1) och (2, 5) ska din funktion ge 17a - 21.",
        },
        public=[case(0.0, X_HAND, Y_HAND), case(1.05, X_HAND, Y_HAND)],
        hidden=[
            case(21 / 17, X_HAND, Y_HAND),
            case(2.0, np.array([0.0, 1.0, -1.0, 3.0]), np.array([0.0, 2.0, 2.0, 18.0])),
            case(-1.0, np.array([3.0]), np.array([1.0])),
            case(0.5, np.array([-2.0, -1.0, 0.5]), np.array([-1.0, 4.0, 0.0])),
            *random_cases(_derivative_case, 5, seed=51),
        ],
        misconceptions=[
            Misconception("wrong_sign", derivative_wrong_sign, costs=0.5, message={
                "en": "Your slope has the wrong sign. The inner derivative of the error y_i - a x_i^2 with respect "
                      "to a is -x_i^2: that minus belongs in front of the whole mean.",
                "sv": "Din lutning har fel tecken. Den inre derivatan av felet y_i - a x_i^2 med avseende på a är "
                      "-x_i^2: det minustecknet ska stå framför hela medelvärdet."}),
            Misconception("summed", derivative_summed, costs=0.5, message={
                "en": "You add up the terms but do not divide by N, so your slope is N times too steep. The loss is "
                      "a mean, and so is its derivative.",
                "sv": "Du summerar termerna men delar inte med N, så din lutning blir N gånger för brant. Förlusten "
                      "är ett medelvärde, och det är dess derivata också."}),
            Misconception("without_factor_2", derivative_without_2, costs=0.5, message={
                "en": "Your slope is half the right one: the derivative of the square e^2 is 2e, and the 2 stays.",
                "sv": "Din lutning är hälften av den rätta: derivatan av kvadraten e^2 är 2e, och tvåan ska vara kvar."}),
            Misconception("inner_derivative_x", derivative_inner_x, costs=0.5, message={
                "en": "Your inner derivative is x_i, as for a straight line a x. The model here is a x^2, so the "
                      "derivative of the prediction with respect to a is x_i^2.",
                "sv": "Din inre derivata är x_i, som för en rät linje a x. Modellen här är a x^2, så derivatan av "
                      "prediktionen med avseende på a är x_i^2."}),
        ],
        alternatives=[derivative_by_loop, derivative_with_dot],
    ),
    Question(
        "q2", function="closed_form_a", points=2,
        hint={
            "en": "Set L'(a) from question 1 equal to 0 and solve for a; both sums run over all points. Check the "
                  "powers of x in the numerator and the denominator with the hand example, whose a* is 21/17.",
            "sv": "Sätt L'(a) från fråga 1 lika med 0 och lös ut a; båda summorna går över alla punkter. "
                  "Kontrollera potenserna av x i täljaren och nämnaren med räkneexemplet, där a* är 21/17.",
        },
        public=[case(X_HAND, Y_HAND)],
        hidden=[
            case(np.array([-1.0, 0.0, 1.0, 2.0]), np.array([3.0, 0.0, 3.0, 12.0])),
            case(np.array([2.0]), np.array([8.0])),
            case(np.array([0.5, 1.5, -1.0]), np.array([-0.2, -1.0, -0.6])),
            case(np.array([0.0, 1.0, 2.0]), np.array([1.0, 1.0, 1.0])),
            *random_cases(_points, 5, seed=52),
        ],
        misconceptions=[
            Misconception("squares_below", closed_form_squares_below, costs=0.5, message={
                "en": "Your denominator adds up x_i^2. Solving L'(a) = 0 multiplies a by x_i^2 twice, once from the "
                      "model and once from the inner derivative: check the power in the denominator.",
                "sv": "Din nämnare summerar x_i^2. När L'(a) = 0 löses multipliceras a med x_i^2 två gånger, en gång "
                      "från modellen och en gång från den inre derivatan: kontrollera potensen i nämnaren."}),
            Misconception("straight_line", closed_form_linear, costs=0.5, message={
                "en": "You used the least squares formula of a straight line y = a x. This model is y = a x^2, so "
                      "every x_i in that formula becomes x_i^2.",
                "sv": "Du använde minstakvadratformeln för en rät linje y = a x. Den här modellen är y = a x^2, så "
                      "varje x_i i den formeln blir x_i^2."}),
            Misconception("mean_of_ratios", closed_form_mean_of_ratios, costs=0.5, message={
                "en": "You average y_i / x_i^2 over the points. That fits each point on its own; least squares "
                      "weighs the points together, through the two sums of L'(a) = 0.",
                "sv": "Du tar medelvärdet av y_i / x_i^2 över punkterna. Det anpassar varje punkt för sig; "
                      "minstakvadratmetoden väger ihop punkterna, genom de två summorna i L'(a) = 0."}),
            Misconception("mean_over_sum", closed_form_mean_over_sum, costs=0.5, message={
                "en": "You divide a mean by a sum, so your a* is N times too small. Use the same kind of sum above "
                      "and below the fraction bar: the 1/N cancels.",
                "sv": "Du delar ett medelvärde med en summa, så ditt a* blir N gånger för litet. Använd samma slags "
                      "summa över och under bråkstrecket: faktorn 1/N tar ut sig själv."}),
        ],
        alternatives=[closed_form_by_lstsq, closed_form_by_loop],
    ),
    Question(
        "q3", function="gradient_descent", points=3,
        hint={
            "en": "Start with a = a0 and apply the correction step exactly n_steps times (n_steps = 0: no step at "
                  "all). Use learning_rate as given, and return the final a as a number, not the list of all values.",
            "sv": "Börja med a = a0 och gör korrigeringssteget exakt n_steps gånger (n_steps = 0: inget steg "
                  "alls). Använd learning_rate som den är och returnera det sista a som ett tal, inte listan med "
                  "alla värden.",
        },
        public=[case(X_HAND, Y_HAND, 0.0, 0.05, 3), case(X_HAND, Y_HAND, 0.0, 0.05, 100),
                case(X_HAND, Y_HAND, 2.5, 0.05, 0)],
        hidden=[
            case(X_HAND, Y_HAND, 0.0, 0.05, 1),
            case(X_HAND, Y_HAND, 3.0, 0.1, 5),
            case(X_HAND, Y_HAND, -10.0, 0.1, 80),
            case(np.array([-1.0, 0.5, 1.0, 2.0]), np.array([-2.1, -0.4, -1.9, -8.2]), 1.0, 0.01, 10),
            *random_cases(_short_run, 3, seed=55),
            *random_cases(_converging_run, 4, seed=53),
        ],
        misconceptions=[
            Misconception("uphill", descent_uphill, costs=0.5, message={
                "en": "Your step goes up the slope: with + in the update, a moves away from the minimum. Gradient "
                      "descent steps against the derivative.",
                "sv": "Ditt steg går uppför: med + i uppdateringen flyttar sig a bort från minimipunkten. "
                      "Gradientnedstigning tar steg i motsatt riktning mot derivatan."}),
            Misconception("learning_rate_twice", descent_learning_rate_twice, costs=0.5, message={
                "en": "You multiply by the learning rate twice (eta^2 instead of eta), so your steps are far too short. "
                      "The step is the learning rate times the derivative, once.",
                "sv": "Du multiplicerar med inlärningstakten två gånger (eta^2 i stället för eta), så dina steg blir "
                      "alldeles för korta. Steget är inlärningstakten gånger derivatan, en gång."}),
            Misconception("one_step_too_many", descent_one_step_too_many, costs=0.5, message={
                "en": "Your loop takes one step more than n_steps: with n_steps = 1 you return a_2. Count the steps, "
                      "from a_0 to a_n.",
                "sv": "Din loop tar ett steg mer än n_steps: med n_steps = 1 returnerar du a_2. Räkna stegen, från "
                      "a_0 till a_n."}),
            Misconception("until_converged", descent_until_converged, costs=0.5, message={
                "en": "You return the minimum a* whatever n_steps is (you loop until the end, or use the closed form). "
                      "The question asks for a after exactly n_steps steps, which after a few steps is not a* yet.",
                "sv": "Du returnerar minimipunkten a* oavsett n_steps (du loopar tills det tar slut, eller använder den "
                      "slutna formen). Frågan gäller a efter exakt n_steps steg, vilket efter några få steg inte är a* än."}),
            Misconception("ignores_start", descent_ignores_start, costs=0.25, message={
                "en": "You start at 0 instead of at a0, so every run that does not start at 0 is wrong until it has "
                      "converged. Begin with a = a0.",
                "sv": "Du börjar i 0 i stället för i a0, så varje körning som inte börjar i 0 blir fel tills den har "
                      "konvergerat. Börja med a = a0."}),
            Misconception("returns_path", descent_returns_path, costs=0.5, message={
                "en": "You return the list of every a along the way. Return only the last value, as a number.",
                "sv": "Du returnerar listan med varje a längs vägen. Returnera bara det sista värdet, som ett tal."}),
            Misconception("hard_coded", descent_hard_coded, costs=0.5, message={
                "en": "Your function gives the numbers of the worked example but not those of other data. Compute "
                      "every step from x, y, a0 and learning_rate.",
                "sv": "Din funktion ger räkneexemplets tal men inte de rätta för andra data. Beräkna varje steg från "
                      "x, y, a0 och learning_rate."}),
        ],
        alternatives=[descent_with_while, descent_recursive_formula],
    ),
    Question(
        "q4", function="divergence_threshold", points=2,
        hint={
            "en": "Compute L'' with the formula of the question (a mean over the points, not a sum) and return the "
                  "learning rate 2 / L'', neither L'' itself nor 1 / L''. For x = (1, 2) the threshold is 2/17.",
            "sv": "Beräkna L'' med formeln i frågan (ett medelvärde över punkterna, inte en summa) och returnera "
                  "inlärningstakten 2 / L'', varken L'' själv eller 1 / L''. För x = (1, 2) är gränsen 2/17.",
        },
        public=[case(X_HAND), case(np.array([-2.0, 2.0, 0.0]))],
        hidden=[
            case(np.array([1.0])),
            case(np.array([0.5, -1.5, 1.0, 0.1])),
            case(np.array([1.0, -1.0, 0.5, 2.0, 0.0, -0.5])),
            *random_cases(lambda rng: rng.uniform(-2.0, 2.0, size=int(rng.integers(2, 25))), 5, seed=54),
        ],
        misconceptions=[
            Misconception("one_over_curvature", threshold_one_over_curvature, costs=0.5, message={
                "en": "You return 1 / L'', half the threshold. Gradient descent diverges where |1 - eta L''| grows above 1: "
                      "find the largest eta for which it is still 1.",
                "sv": "Du returnerar 1 / L'', hälften av gränsen. Gradientnedstigningen divergerar där |1 - eta L''| blir "
                      "större än 1: ta reda på det största eta för vilket det fortfarande är 1."}),
            Misconception("summed", threshold_summed, costs=0.5, message={
                "en": "Your L'' adds up x_i^4 instead of taking their mean, so your threshold is N times too small.",
                "sv": "Ditt L'' summerar x_i^4 i stället för att ta deras medelvärde, så din gräns blir N gånger "
                      "för liten."}),
            Misconception("squares", threshold_squares, costs=0.5, message={
                "en": "Your L'' uses x_i^2. Differentiate L'(a) once more: every term has the factor x_i^2 twice.",
                "sv": "Ditt L'' använder x_i^2. Derivera L'(a) en gång till: varje term har faktorn x_i^2 två gånger."}),
            Misconception("curvature_itself", threshold_curvature_itself, costs=0.5, message={
                "en": "You return L'' itself. The threshold is a learning rate: 2 divided by L''.",
                "sv": "Du returnerar L'' självt. Gränsen är en inlärningstakt: 2 delat med L''."}),
        ],
        alternatives=[threshold_by_loop],
    ),
    Question(
        "q5", variable="eta_one_step", points=1,
        hint={
            "en": "After one step, a_1 - a* = (1 - eta L'')(a_0 - a*). Which eta makes this zero for every start a_0? "
                  "Compute L'' from x_data.",
            "sv": "Efter ett steg är a_1 - a* = (1 - eta L'')(a_0 - a*). Vilket eta gör det till noll för varje "
                  "start a_0? Beräkna L'' från x_data.",
        },
        misconceptions=[
            Misconception("at_the_threshold", ETA_AT_THE_THRESHOLD, costs=1, message={
                "en": "Your learning rate is the divergence threshold 2 / L'': there the factor 1 - eta L'' is -1, so "
                      "gradient descent jumps back and forth forever. Make the factor 0.",
                "sv": "Din inlärningstakt är divergensgränsen 2 / L'': där är faktorn 1 - eta L'' lika med -1, så "
                      "gradientnedstigningen hoppar fram och tillbaka i all evighet. Gör faktorn till 0."}),
            Misconception("curvature", ETA_CURVATURE, costs=1, message={
                "en": "You set eta to L'' itself, which makes the factor 1 - eta L'' far from 0. Solve 1 - eta L'' = 0 for eta.",
                "sv": "Du satte eta till L'' självt, vilket gör faktorn 1 - eta L'' långt ifrån 0. Lös ut eta ur 1 - eta L'' = 0."}),
            Misconception("summed", ETA_SUMMED, costs=1, message={
                "en": "Your L'' adds up x_i^4 instead of taking their mean, so your eta is N times too small.",
                "sv": "Ditt L'' summerar x_i^4 i stället för att ta deras medelvärde, så ditt eta blir N gånger för litet."}),
            Misconception("hand_example", ETA_HAND_EXAMPLE, costs=1, message={
                "en": "Your eta fits the hand example's two points, not x_data. Compute L'' from x_data.",
                "sv": "Ditt eta passar räkneexemplets två punkter, inte x_data. Beräkna L'' från x_data."}),
            Misconception("typed_digits", ETA_TYPED_DIGITS, costs=1, message={
                "en": "Your eta is right to three decimals, but typed-in digits are not exact enough for a single step "
                      "to land on a*. Compute the value from x_data with numpy.",
                "sv": "Ditt eta stämmer på tre decimaler, men inskrivna siffror är inte tillräckligt exakta för att "
                      "ett enda steg ska landa i a*. Beräkna värdet från x_data med numpy."}),
        ],
    ),
]
