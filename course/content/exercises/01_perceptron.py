# %% [markdown] tags=["en"]
# # Exercise 01: the perceptron
#
# In this exercise you build Rosenblatt's perceptron from the ground up: first the output of one
# neuron, then one step of the learning rule, then the whole training loop that learns the logic
# gate AND. Two short questions at the end are about what one neuron can and cannot compute.
# Read [lesson 01](../../notebooks/en/01_perceptron.ipynb) first; this exercise uses its
# notation.
#
# The exercise works like [exercise 00](00_welcome.ipynb): run the first code cell, replace
# `# Your code here` and the `raise` line in each answer cell with your code, run the cell, then
# run the check cell under it. There are five questions and 9 points in total.

# %% [markdown] tags=["sv"]
# # Övning 01: perceptronen
#
# I den här övningen bygger du Rosenblatts perceptron från grunden: först utdata från en neuron,
# sedan ett steg av inlärningsregeln och sist hela träningsloopen som lär sig logikgrinden AND.
# Två korta frågor på slutet handlar om vad en enda neuron kan och inte kan räkna ut.
# Läs [lektion 01](../../notebooks/sv/01_perceptron.ipynb) först; övningen använder dess
# notation.
#
# Övningen fungerar som [övning 00](00_welcome.ipynb): kör den första kodcellen, ersätt
# `# Din kod här` och `raise`-raden i varje svarscell med din kod, kör cellen och kör sedan
# kontrollcellen under den. Det finns fem frågor och sammanlagt 9 poäng.

# %%
from course import set_language
from course.checker import check_for
set_language("en")
check = check_for("01_perceptron")

import numpy as np

# %% [markdown] tags=["en"]
# ## The notation
#
# A perceptron with $m$ inputs $x = (x_1, \dots, x_m)$ has $m + 1$ weights. As in the lesson, the
# bias is the weight $w_0$ of a constant extra input $x_0 = 1$:
#
# $$w = (w_0, w_1, \dots, w_m), \qquad \tilde x = (1, x_1, \dots, x_m), \qquad
#   \hat y = \operatorname{step}\Big(\sum_{i=0}^{m} w_i x_i\Big) = \operatorname{step}(w \cdot \tilde x),$$
#
# with the step function $\operatorname{step}(z) = 1$ if $z \ge 0$ and $0$ if $z < 0$.
#
# In numpy, `x` is an array of shape `(m,)` **without** the 1, and `w` is an array of shape
# `(m + 1,)` with the bias first, in `w[0]`. `np.concatenate(([1.0], x))` makes $\tilde x$.

# %% [markdown] tags=["sv"]
# ## Notationen
#
# En perceptron med $m$ indata $x = (x_1, \dots, x_m)$ har $m + 1$ vikter. Som i lektionen är
# biasen vikten $w_0$ för ett konstant extra indatavärde $x_0 = 1$:
#
# $$w = (w_0, w_1, \dots, w_m), \qquad \tilde x = (1, x_1, \dots, x_m), \qquad
#   \hat y = \operatorname{step}\Big(\sum_{i=0}^{m} w_i x_i\Big) = \operatorname{step}(w \cdot \tilde x),$$
#
# med stegfunktionen $\operatorname{step}(z) = 1$ om $z \ge 0$ och $0$ om $z < 0$.
#
# I numpy är `x` en array med formen `(m,)` **utan** ettan, och `w` en array med formen
# `(m + 1,)` med biasen först, i `w[0]`. `np.concatenate(([1.0], x))` ger $\tilde x$.

# %% [markdown] tags=["en"]
# ## Question 1: the output of a neuron (2 points)
#
# Write the function `neuron_output(w, x)` that returns the perceptron's output
# $\hat y = \operatorname{step}(w \cdot \tilde x)$ for one input `x`: the number `1.0` or `0.0`.
#
# The worked example of the lesson: the bias $b = -0.1$, the weights $(0.4, 0.3, -0.6)$ and the
# input $x = (2, -1, 0.5)$, so `w = [-0.1, 0.4, 0.3, -0.6]` and
#
# $$z = -0.1 \cdot 1 + 0.4 \cdot 2 + 0.3 \cdot (-1) + (-0.6) \cdot 0.5 = 0.1 \ge 0,
#   \qquad \hat y = 1.$$
#
# Mind the case $z = 0$ exactly: the step function gives 1 there.

# %% [markdown] tags=["sv"]
# ## Fråga 1: en neurons utdata (2 poäng)
#
# Skriv funktionen `neuron_output(w, x)` som returnerar perceptronens utdata
# $\hat y = \operatorname{step}(w \cdot \tilde x)$ för indatavektorn `x`: talet `1.0` eller `0.0`.
#
# Det genomräknade exemplet från lektionen: biasen $b = -0{,}1$, vikterna
# $(0{,}4;\ 0{,}3;\ -0{,}6)$ och indata $x = (2;\ -1;\ 0{,}5)$, alltså
# `w = [-0.1, 0.4, 0.3, -0.6]` och
#
# $$z = -0{,}1 \cdot 1 + 0{,}4 \cdot 2 + 0{,}3 \cdot (-1) + (-0{,}6) \cdot 0{,}5 = 0{,}1 \ge 0,
#   \qquad \hat y = 1.$$
#
# Se upp med fallet då $z = 0$ exakt: där ger stegfunktionen 1.

# %% tags=["en"]
def neuron_output(w, x):
    """The perceptron's output y_hat = step(w · x_tilde) with x_tilde = (1, x_1, ..., x_m).

    Parameters
    ----------
    w : numpy array of shape (m + 1,)
        The weights; w[0] is the bias w_0.
    x : numpy array of shape (m,)
        One input, without the constant x_0 = 1.

    Returns
    -------
    float
        1.0 if w · x_tilde >= 0, else 0.0.
    """
    # BEGIN SOLUTION
    x_tilde = np.concatenate(([1.0], x))
    z = w @ x_tilde
    return 1.0 if z >= 0 else 0.0
    # END SOLUTION

# %% tags=["sv"]
def neuron_output(w, x):
    """Perceptronens utdata y_hat = step(w · x_tilde) med x_tilde = (1, x_1, ..., x_m).

    Parametrar
    ----------
    w : numpy-array med formen (m + 1,)
        Vikterna; w[0] är biasen w_0.
    x : numpy-array med formen (m,)
        En datapunkt, utan konstanten x_0 = 1.

    Returnerar
    ----------
    float
        1.0 om w · x_tilde >= 0, annars 0.0.
    """
    # BEGIN SOLUTION
    x_tilde = np.concatenate(([1.0], x))
    z = w @ x_tilde
    return 1.0 if z >= 0 else 0.0
    # END SOLUTION

# %% tags=["check"]
check("q1")

# %% [markdown] tags=["en"]
# ## Question 2: one step of the learning rule (2 points)
#
# Rosenblatt's learning rule looks at one point $(x, y)$ with the target $y \in \{0, 1\}$,
# computes the prediction $\hat y = \operatorname{step}(w \cdot \tilde x)$ with the current
# weights and then updates **every** weight, the bias $w_0$ too (its input is $x_0 = 1$):
#
# $$w_i \leftarrow w_i + \eta\,(y - \hat y)\,x_i \quad (i = 0, \dots, m), \qquad\text{i.e.}\qquad
#   w \leftarrow w + \eta\,(y - \hat y)\,\tilde x .$$
#
# $\eta$ is the learning rate. A correctly classified point ($y = \hat y$) changes nothing.
#
# Write the function `perceptron_update(w, x, y, learning_rate)` that returns the **new** weight
# vector, an array of shape `(m + 1,)`. You may use your `neuron_output` from question 1.
#
# Step 4 of the lesson's hand calculation: $w = (-1, 0.5, -0.5)$, $x = (1, 1)$, $y = 1$,
# $\eta = 0.5$. Then $z = -1 \Rightarrow \hat y = 0$, and the new weights are
# $(-1, 0.5, -0.5) + 0.5 \cdot (1 - 0) \cdot (1, 1, 1) = (-0.5, 1, 0)$.

# %% [markdown] tags=["sv"]
# ## Fråga 2: ett steg av inlärningsregeln (2 poäng)
#
# Rosenblatts inlärningsregel tittar på en punkt $(x, y)$ med målvärdet $y \in \{0, 1\}$, räknar
# ut prediktionen $\hat y = \operatorname{step}(w \cdot \tilde x)$ med de nuvarande vikterna och
# uppdaterar sedan **varje** vikt, även biasen $w_0$ (dess indatavärde är $x_0 = 1$):
#
# $$w_i \leftarrow w_i + \eta\,(y - \hat y)\,x_i \quad (i = 0, \dots, m), \qquad\text{alltså}\qquad
#   w \leftarrow w + \eta\,(y - \hat y)\,\tilde x .$$
#
# $\eta$ är inlärningstakten. En punkt som klassificeras rätt ($y = \hat y$) ändrar ingenting.
#
# Skriv funktionen `perceptron_update(w, x, y, learning_rate)` som returnerar den **nya**
# viktvektorn, en array med formen `(m + 1,)`. Du får använda din `neuron_output` från fråga 1.
#
# Steg 4 i lektionens handräkning: $w = (-1;\ 0{,}5;\ -0{,}5)$, $x = (1, 1)$, $y = 1$,
# $\eta = 0{,}5$. Då är $z = -1 \Rightarrow \hat y = 0$, och de nya vikterna är
# $(-1;\ 0{,}5;\ -0{,}5) + 0{,}5 \cdot (1 - 0) \cdot (1;\ 1;\ 1) = (-0{,}5;\ 1;\ 0)$.

# %% tags=["en"]
def perceptron_update(w, x, y, learning_rate):
    """One step of the perceptron learning rule: w <- w + eta (y - y_hat) x_tilde.

    Parameters
    ----------
    w : numpy array of shape (m + 1,)
        The current weights; w[0] is the bias.
    x : numpy array of shape (m,)
        One input, without the constant x_0 = 1.
    y : int
        Its target, 0 or 1.
    learning_rate : float
        The learning rate eta > 0.

    Returns
    -------
    numpy array of shape (m + 1,)
        The weights after the update.
    """
    # BEGIN SOLUTION
    x_tilde = np.concatenate(([1.0], x))
    y_hat = neuron_output(w, x)
    return w + learning_rate * (y - y_hat) * x_tilde
    # END SOLUTION

# %% tags=["sv"]
def perceptron_update(w, x, y, learning_rate):
    """Ett steg med perceptronens inlärningsregel: w <- w + eta (y - y_hat) x_tilde.

    Parametrar
    ----------
    w : numpy-array med formen (m + 1,)
        De nuvarande vikterna; w[0] är biasen.
    x : numpy-array med formen (m,)
        En datapunkt, utan konstanten x_0 = 1.
    y : int
        Dess målvärde, 0 eller 1.
    learning_rate : float
        Inlärningstakten eta > 0.

    Returnerar
    ----------
    numpy-array med formen (m + 1,)
        Vikterna efter uppdateringen.
    """
    # BEGIN SOLUTION
    x_tilde = np.concatenate(([1.0], x))
    y_hat = neuron_output(w, x)
    return w + learning_rate * (y - y_hat) * x_tilde
    # END SOLUTION

# %% tags=["check"]
check("q2")

# %% [markdown] tags=["en"]
# ## Question 3: training a perceptron (3 points)
#
# Now the whole training loop. One **epoch** goes through the points of `X` once, in the order of
# the rows, and applies the learning rule to each point. Training stops after the first epoch in
# which every point was already classified correctly (so nothing changed), or after `max_epochs`
# epochs, whichever comes first.
#
# Write the function `train_perceptron(X, y, w, learning_rate, max_epochs)` that starts from the
# weights `w`, trains, and returns **only** the final weight vector, an array of shape `(m + 1,)`.
# (The lesson's version also returned the number of updates per epoch; here return just `w`.)
# Use your functions from questions 1 and 2.
#
# The truth table of AND, with the points as the rows of `X`:
#
# | $x_1$ | $x_2$ | $y$ |
# |---|---|---|
# | 0 | 0 | 0 |
# | 0 | 1 | 0 |
# | 1 | 0 | 0 |
# | 1 | 1 | 1 |
#
# From the lesson's start $w = (-1, 0.5, -0.5)$ with $\eta = 0.5$, training ends after six epochs
# at $w = (-1.5, 1, 0.5)$. **How it is graded:** many weight vectors separate the same points, so
# the check does not ask for particular numbers. It tests that your weights classify the corners
# of the square the same way as the weights of a correct training loop: when training on AND has
# run to the end, that means all four points classified correctly. (The same holds for the other logic gates
# and for gates with three inputs, which the hidden tests use.)

# %% [markdown] tags=["sv"]
# ## Fråga 3: att träna en perceptron (3 poäng)
#
# Nu hela träningsloopen. En **epok** går igenom punkterna i `X` en gång, i radernas ordning, och
# tillämpar inlärningsregeln på varje punkt. Träningen slutar efter den första epok där alla
# punkter redan klassificerades rätt (så att ingenting ändrades), eller efter `max_epochs` epoker,
# det som inträffar först.
#
# Skriv funktionen `train_perceptron(X, y, w, learning_rate, max_epochs)` som börjar med vikterna
# `w`, tränar och returnerar **bara** den slutliga viktvektorn, en array med formen `(m + 1,)`.
# (Lektionens version returnerade också antalet uppdateringar per epok; här returnerar du bara
# `w`.) Använd dina funktioner från fråga 1 och 2.
#
# Sanningstabellen för AND, med punkterna som rader i `X`:
#
# | $x_1$ | $x_2$ | $y$ |
# |---|---|---|
# | 0 | 0 | 0 |
# | 0 | 1 | 0 |
# | 1 | 0 | 0 |
# | 1 | 1 | 1 |
#
# Från lektionens start $w = (-1;\ 0{,}5;\ -0{,}5)$ med $\eta = 0{,}5$ slutar träningen efter sex
# epoker i $w = (-1{,}5;\ 1;\ 0{,}5)$. **Så rättas frågan:** många viktvektorer separerar samma punkter, så
# kontrollen frågar inte efter bestämda tal. Den testar att dina vikter klassificerar kvadratens
# hörn på samma sätt som vikterna från en korrekt träningsloop: när träningen på AND har körts till
# slut betyder det att alla fyra punkterna klassificeras rätt. (Detsamma gäller för de andra logikgrindarna och för
# grindar med tre indata, som de dolda testerna använder.)

# %% tags=["en"]
def train_perceptron(X, y, w, learning_rate, max_epochs):
    """Train a perceptron with Rosenblatt's rule, epoch by epoch, and return its final weights.

    Parameters
    ----------
    X : numpy array of shape (N, m)
        The inputs, one point per row.
    y : numpy array of shape (N,)
        The targets, 0 or 1.
    w : numpy array of shape (m + 1,)
        The starting weights; w[0] is the bias.
    learning_rate : float
        The learning rate eta > 0.
    max_epochs : int
        The largest number of epochs to run.

    Returns
    -------
    numpy array of shape (m + 1,)
        The weights after the first epoch without a mistake, or after max_epochs epochs.
    """
    # BEGIN SOLUTION
    for epoch in range(max_epochs):
        mistakes = 0
        for x, target in zip(X, y):
            if neuron_output(w, x) != target:
                mistakes += 1
            w = perceptron_update(w, x, target, learning_rate)
        if mistakes == 0:
            break
    return w
    # END SOLUTION

# %% tags=["sv"]
def train_perceptron(X, y, w, learning_rate, max_epochs):
    """Träna en perceptron med Rosenblatts regel, epok för epok, och returnera de slutliga vikterna.

    Parametrar
    ----------
    X : numpy-array med formen (N, m)
        Indata, en punkt per rad.
    y : numpy-array med formen (N,)
        Målvärdena, 0 eller 1.
    w : numpy-array med formen (m + 1,)
        Startvikterna; w[0] är biasen.
    learning_rate : float
        Inlärningstakten eta > 0.
    max_epochs : int
        Det största antalet epoker som körs.

    Returnerar
    ----------
    numpy-array med formen (m + 1,)
        Vikterna efter den första epoken utan fel, eller efter max_epochs epoker.
    """
    # BEGIN SOLUTION
    for epoch in range(max_epochs):
        mistakes = 0
        for x, target in zip(X, y):
            if neuron_output(w, x) != target:
                mistakes += 1
            w = perceptron_update(w, x, target, learning_rate)
        if mistakes == 0:
            break
    return w
    # END SOLUTION

# %% tags=["check"]
check("q3")

# %% [markdown] tags=["en"]
# ## Question 4: weights for NAND (1 point)
#
# NAND ("not and") is 1 unless both inputs are 1: its targets for the points
# $(0, 0), (0, 1), (1, 0), (1, 1)$ are $1, 1, 1, 0$. Find weights by hand (the lesson's
# decision-line widget helps) and set the variable `w_nand` to a numpy array
# $(w_0, w_1, w_2)$ of shape `(3,)`, with the bias first, such that the perceptron of question 1
# computes NAND on all four points. Any weights that do this are right.

# %% [markdown] tags=["sv"]
# ## Fråga 4: vikter för NAND (1 poäng)
#
# NAND (”icke och”) är 1 utom när båda indatavärdena är 1: målvärdena för punkterna
# $(0, 0), (0, 1), (1, 0), (1, 1)$ är $1, 1, 1, 0$. Hitta vikter för hand (lektionens widget med
# beslutsgränsen hjälper) och sätt variabeln `w_nand` till en numpy-array $(w_0, w_1, w_2)$ med
# formen `(3,)`, med biasen först, så att perceptronen från fråga 1 räknar ut NAND för alla fyra
# punkterna. Alla vikter som gör det är rätt.

# %%
# BEGIN SOLUTION
w_nand = np.array([1.5, -1.0, -1.0])
# END SOLUTION

# %% tags=["check"]
check("q4")

# %% [markdown] tags=["en"]
# ## Question 5: XOR (1 point)
#
# XOR is 1 when exactly one of the two inputs is 1: its targets for
# $(0, 0), (0, 1), (1, 0), (1, 1)$ are $0, 1, 1, 0$. Is XOR **linearly separable**, that is, is
# there a straight line with both points of class 1 on one side and both points of class 0 on
# the other? Set the variable `xor_separable` to `True` or `False`.
#
# Think about what your `train_perceptron` would do on XOR before you answer: it is allowed to
# try, in a cell of your own.

# %% [markdown] tags=["sv"]
# ## Fråga 5: XOR (1 poäng)
#
# XOR är 1 när exakt ett av de två indatavärdena är 1: målvärdena för $(0, 0), (0, 1), (1, 0), (1, 1)$ är
# $0, 1, 1, 0$. Är XOR **linjärt separerbar**, det vill säga finns det en rät linje med båda
# punkterna i klass 1 på ena sidan och båda punkterna i klass 0 på den andra? Sätt variabeln
# `xor_separable` till `True` eller `False`.
#
# Fundera på vad din `train_perceptron` skulle göra med XOR innan du svarar: du får gärna prova,
# i en egen cell.

# %%
# BEGIN SOLUTION
xor_separable = False
# END SOLUTION

# %% tags=["check"]
check("q5")

# %% [markdown] tags=["en"]
# ## Done?
#
# When all five checks show ✔, restart the kernel and run all cells once more (*Kernel →
# Restart Kernel and Run All Cells…*) to make sure that the notebook works from the top, then
# save it and hand it in the way your teacher asks. Next: [chapter 02, activation
# functions](../../notebooks/en/02_activations.ipynb), which replaces the step function by
# functions that gradient descent can work with.

# %% [markdown] tags=["sv"]
# ## Klar?
#
# När alla fem kontrollerna visar ✔ startar du om kärnan och kör alla celler en gång till
# (*Kernel → Restart Kernel and Run All Cells…*) för att se att din notebook fungerar från
# början. Spara den sedan och lämna in den på det sätt som din lärare har bestämt. Nästa steg:
# [kapitel 02, aktiveringsfunktioner](../../notebooks/sv/02_activations.ipynb), som byter ut
# stegfunktionen mot funktioner som gradientnedstigning kan arbeta med.

# %% tags=["hidden"]
# The grading specification: never in the student notebooks. Expected values come from the
# solutions above, run on the same inputs.
import itertools

from course.exercise import Misconception, Question, case, random_cases, value_repr


def _gate(name, n_inputs=2):
    X = np.array(list(itertools.product([0.0, 1.0], repeat=n_inputs)))
    ones = X.sum(axis=1)
    targets = {
        "and": ones == n_inputs,
        "or": ones >= 1,
        "nand": ones < n_inputs,
        "nor": ones == 0,
        "majority": 2 * ones > n_inputs,
    }[name]
    return X, targets.astype(int)


def _answers(w, n_inputs):
    corners = np.array(list(itertools.product([0.0, 1.0], repeat=n_inputs)))
    return corners, (w[0] + corners @ w[1:] >= 0).astype(int)


def _as_weights(received, size):
    """The received weights as a float array of the expected size, or an error text."""
    shape_text = {
        "en": f"expected the weights (w_0, ..., w_m) as an array of shape ({size},), "
              f"but received {value_repr(received, 120)}",
        "sv": f"väntat: vikterna (w_0, ..., w_m) som en array med formen ({size},); "
              f"ditt svar: {value_repr(received, 120)}",
    }
    try:
        weights = np.asarray(received, dtype=float)
    except (TypeError, ValueError):
        return None, shape_text
    if weights.shape != (size,):
        return None, shape_text
    if not np.all(np.isfinite(weights)):
        return None, {"en": f"the weights contain NaN or inf: {value_repr(weights)}",
                      "sv": f"vikterna innehåller NaN eller inf: {value_repr(weights)}"}
    return weights, None


def _point_text(point):
    return "(" + ", ".join(str(int(v)) for v in point) + ")"


def _same_answers(expected, received):
    """Right when the received weights classify every corner like the reference's weights."""
    if isinstance(expected, (tuple, list)) and len(expected) and not np.isscalar(expected[0]):
        # Only a wrong answer returns this (the weights and more, e.g. a history): two such answers are
        # alike when they have as many items and their first items classify every corner alike.
        alike = isinstance(received, (tuple, list)) and len(received) == len(expected)
        return (_same_answers(expected[0], received[0])[0], None) if alike else (False, None)
    expected = np.asarray(expected, dtype=float)
    weights, problem = _as_weights(received, expected.size)
    if problem is not None:
        return False, problem
    n_inputs = expected.size - 1
    corners, want = _answers(expected, n_inputs)
    _, got = _answers(weights, n_inputs)
    wrong = np.flatnonzero(want != got)
    if wrong.size == 0:
        return True, None
    i = wrong[0]
    point = _point_text(corners[i])
    return False, {
        "en": f"with your weights w = {value_repr(weights)} the perceptron answers ŷ = {got[i]} for "
              f"x = {point}, but a correct training loop ends with weights that answer {want[i]} there "
              f"({wrong.size} of {len(corners)} points differ). Check the update, when the loop stops, and "
              f"that it runs at most max_epochs epochs",
        "sv": f"med dina vikter w = {value_repr(weights)} svarar perceptronen ŷ = {got[i]} för "
              f"x = {point}, men en korrekt träningsloop slutar med vikter som svarar {want[i]} där "
              f"({wrong.size} av {len(corners)} punkter skiljer sig). Kontrollera uppdateringen, när loopen "
              f"slutar och att den kör högst max_epochs epoker",
    }


def _computes_nand(expected, received):
    """Right when the received weights classify the four corners like the reference's NAND weights.

    Comparing with ``expected`` (not with NAND directly) lets a wrong answer be recognised: two
    weight vectors behave alike when they classify every corner the same way.
    """
    weights, problem = _as_weights(received, 3)
    if problem is not None:
        return False, problem
    corners, got = _answers(weights, 2)
    _, want = _answers(np.asarray(expected, dtype=float), 2)
    wrong = np.flatnonzero(want != got)
    if wrong.size == 0:
        return True, None
    i = wrong[0]
    point = _point_text(corners[i])
    return False, {
        "en": f"with w_nand = {value_repr(weights)} the perceptron answers ŷ = {got[i]} for x = {point}, "
              f"but NAND{point} = {want[i]} ({wrong.size} of 4 points are wrong)",
        "sv": f"med w_nand = {value_repr(weights)} svarar perceptronen ŷ = {got[i]} för x = {point}, "
              f"men NAND{point} = {want[i]} ({wrong.size} av 4 punkter är fel)",
    }


def _neuron(rng):
    m = int(rng.integers(1, 7))
    while True:
        w, x = rng.normal(size=m + 1), rng.normal(size=m)
        # Far enough from z = 0 that the order of the additions cannot change the answer.
        if abs(w[0] + w[1:] @ x) > 1e-6:
            return w, x


def _bias_decides(rng):
    """A neuron whose bias flips the answer: without w[0] (or with the bias taken from the end) it is wrong."""
    m = int(rng.integers(2, 6))
    while True:
        w, x = rng.normal(size=m + 1), rng.normal(size=m)
        s = w[1:] @ x
        w[0] = -s - np.sign(s) * rng.uniform(0.2, 1.0)
        if abs(s) > 0.1 and (w[:-1] @ x + w[-1] >= 0) != (w[0] + s >= 0):
            return w, x


def _update(rng):
    w, x = _neuron(rng)
    return w, x, int(rng.integers(0, 2)), float(rng.choice([0.1, 0.5, 1.0, 2.0]))


def _training(rng):
    name = str(rng.choice(["and", "or", "nand", "nor"]))
    X, y = _gate(name)
    order = rng.permutation(len(y))
    # Multiples of 1/4 and learning rates that are powers of 2 keep the arithmetic exact, so no
    # point ever lands a rounding error away from the decision boundary.
    w = rng.integers(-4, 5, size=3) * 0.25
    return X[order], y[order], w, float(rng.choice([0.25, 0.5, 1.0])), 100


def _gate_case(name, w, learning_rate, max_epochs, n_inputs=2):
    return case(*_gate(name, n_inputs), np.array(w, dtype=float), learning_rate, max_epochs)


# Common wrong answers and right answers in another style, as students write them (each is
# handed in as a notebook cell in the exercise tests). They use only numpy and the notebook's
# own functions.
def neuron_without_bias(w, x):
    return 1.0 if w[1:] @ x >= 0 else 0.0


def neuron_strict_step(w, x):
    x_tilde = np.concatenate(([1.0], x))
    return 1.0 if w @ x_tilde > 0 else 0.0


def neuron_bias_last(w, x):
    x_tilde = np.concatenate((x, [1.0]))
    return 1.0 if w @ x_tilde >= 0 else 0.0


def neuron_weighted_sum(w, x):
    return w @ np.concatenate(([1.0], x))


def neuron_as_bool(w, x):
    return w @ np.concatenate(([1.0], x)) >= 0


def neuron_with_a_loop(w, x):
    z = w[0]
    for i in range(len(x)):
        z = z + w[i + 1] * x[i]
    return int(z >= 0)


def neuron_heaviside(w, x):
    return float(np.heaviside(w[0] + np.dot(w[1:], x), 1.0))


def update_sign_flipped(w, x, y, learning_rate):
    y_hat = neuron_output(w, x)
    return w + learning_rate * (y_hat - y) * np.concatenate(([1.0], x))


def update_without_bias(w, x, y, learning_rate):
    y_hat = neuron_output(w, x)
    return np.concatenate(([w[0]], w[1:] + learning_rate * (y - y_hat) * x))


def update_without_learning_rate(w, x, y, learning_rate):
    y_hat = neuron_output(w, x)
    return w + (y - y_hat) * np.concatenate(([1.0], x))


def update_times_x(w, x, y, learning_rate):
    y_hat = neuron_output(w, x)
    return w + learning_rate * (y - y_hat) * x


def update_each_weight(w, x, y, learning_rate):
    error = y - neuron_output(w, x)
    new_w = w.copy()
    new_w[0] = w[0] + learning_rate * error
    for i in range(len(x)):
        new_w[i + 1] = w[i + 1] + learning_rate * error * x[i]
    return new_w


def update_as_list(w, x, y, learning_rate):
    step = learning_rate * (y - neuron_output(w, x))
    return [w[0] + step] + [w_i + step * x_i for w_i, x_i in zip(w[1:], x)]


def train_ignoring_max_epochs(X, y, w, learning_rate, max_epochs):
    while True:
        mistakes = 0
        for x, target in zip(X, y):
            if neuron_output(w, x) != target:
                mistakes += 1
            w = perceptron_update(w, x, target, learning_rate)
        if mistakes == 0:
            return w


def train_one_epoch_too_many(X, y, w, learning_rate, max_epochs):
    epoch = 0
    while epoch <= max_epochs:
        mistakes = 0
        for x, target in zip(X, y):
            if neuron_output(w, x) != target:
                mistakes += 1
            w = perceptron_update(w, x, target, learning_rate)
        if mistakes == 0:
            break
        epoch += 1
    return w


def train_one_epoch_only(X, y, w, learning_rate, max_epochs):
    for x, target in zip(X, y):
        w = perceptron_update(w, x, target, learning_rate)
    return w


def train_counting_after_the_update(X, y, w, learning_rate, max_epochs):
    for epoch in range(max_epochs):
        mistakes = 0
        for x, target in zip(X, y):
            w = perceptron_update(w, x, target, learning_rate)
            if neuron_output(w, x) != target:
                mistakes += 1
        if mistakes == 0:
            break
    return w


def train_returning_a_tuple(X, y, w, learning_rate, max_epochs):
    history = []
    for epoch in range(max_epochs):
        mistakes = 0
        for x, target in zip(X, y):
            if neuron_output(w, x) != target:
                mistakes += 1
            w = perceptron_update(w, x, target, learning_rate)
        history.append(mistakes)
        if mistakes == 0:
            break
    return w, history


def train_until_nothing_changes(X, y, w, learning_rate, max_epochs):
    for epoch in range(max_epochs):
        before = w.copy()
        for i in range(len(X)):
            w = perceptron_update(w, X[i], y[i], learning_rate)
        if np.array_equal(w, before):
            break
    return w


def train_all_epochs_as_a_list(X, y, w, learning_rate, max_epochs):
    # Running every epoch is right too: once no point is wrong, the rule changes nothing.
    w = list(w)
    for epoch in range(max_epochs):
        for x, target in zip(X, y):
            w = list(perceptron_update(np.array(w), x, target, learning_rate))
    return w


QUESTIONS = [
    Question(
        "q1", function="neuron_output", points=2,
        hint={
            "en": "Did you use the bias? Put x_0 = 1 in front of x (np.concatenate) so that w[0] is multiplied "
                  "by 1, and remember that step(0) = 1.",
            "sv": "Använde du biasen? Sätt x_0 = 1 före x (np.concatenate) så att w[0] multipliceras med 1, och "
                  "kom ihåg att step(0) = 1.",
        },
        public=[
            case(np.array([-0.1, 0.4, 0.3, -0.6]), np.array([2.0, -1.0, 0.5])),
            case(np.array([-1.5, 1.0, 1.0]), np.array([1.0, 0.0])),
            case(np.array([-1.0, 1.0, 0.0]), np.array([1.0, 5.0])).weighted(2),
        ],
        hidden=[
            case(np.array([-1.5, 1.0, 1.0]), np.array([1.0, 1.0])),
            case(np.array([2.0, -1.0]), np.array([3.0])),
            case(np.array([0.0, 0.0, 0.0]), np.array([-4.0, 7.0])).weighted(2),
            case(np.array([-2.0, 1.0, 1.0]), np.array([1.0, 1.0])).weighted(2),
            case(np.array([0.5, -1.0, 2.0]), np.array([0.0, 0.0])),
            case(np.array([-0.5, 2.0, -3.0, 1.0]), np.array([1.0, 0.5, -1.0])),
            *random_cases(_neuron, 3, seed=11),
            *(c.weighted(2) for c in random_cases(_bias_decides, 4, seed=14)),
        ],
        misconceptions=[
            Misconception("bias_left_out", neuron_without_bias, costs=0.4, message={
                "en": "Your output does not depend on the bias w[0]. The bias is the weight of the constant input "
                      "x_0 = 1: put the 1 in front of x so that w[0] is added to the weighted sum.",
                "sv": "Ditt svar beror inte på biasen w[0]. Biasen är vikten för det konstanta indatavärdet "
                      "x_0 = 1: sätt ettan före x så att w[0] läggs till den viktade summan."}),
            Misconception("strict_step", neuron_strict_step, costs=0.25, message={
                "en": "Your neuron answers 0 where the weighted sum is exactly 0. The step function of the course "
                      "gives 1 there (step(z) = 1 for z >= 0).",
                "sv": "Din neuron svarar 0 där den viktade summan är exakt 0. Kursens stegfunktion ger 1 där "
                      "(step(z) = 1 för z >= 0)."}),
            Misconception("bias_last", neuron_bias_last, costs=0.4, message={
                "en": "You use the last weight as the bias. In this course the bias is the first weight, w[0], so "
                      "the constant 1 goes in front of x, not after it.",
                "sv": "Du använder den sista vikten som bias. I kursen är biasen den första vikten, w[0], så "
                      "konstanten 1 ska stå före x, inte efter."}),
            Misconception("no_step", neuron_weighted_sum, costs=0.5, message={
                "en": "You return the weighted sum z itself. The perceptron's output is step(z): 1.0 when z >= 0 "
                      "and 0.0 otherwise.",
                "sv": "Du returnerar den viktade summan z själv. Perceptronens utdata är step(z): 1.0 när z >= 0 "
                      "och annars 0.0."}),
            Misconception("boolean_output", neuron_as_bool, costs=0.5, message={
                "en": "You return True or False. The output is a number, 1.0 or 0.0, because the learning rule "
                      "computes y - y_hat with it.",
                "sv": "Du returnerar True eller False. Utdata ska vara ett tal, 1.0 eller 0.0, eftersom "
                      "inlärningsregeln räknar ut y - y_hat med det."}),
        ],
        alternatives=[neuron_with_a_loop, neuron_heaviside],
    ),
    Question(
        "q2", function="perceptron_update", points=2,
        hint={
            "en": "The bias must change too, so multiply by x_tilde = (1, x_1, ..., x_m), not by x. The sign is "
                  "(y - y_hat), target minus prediction, with y_hat computed from the weights before the "
                  "update.",
            "sv": "Även biasen ska ändras, så multiplicera med x_tilde = (1, x_1, ..., x_m), inte med x. "
                  "Tecknet är (y - y_hat), målvärde minus prediktion, med y_hat uträknat med vikterna före "
                  "uppdateringen.",
        },
        public=[
            case(np.array([-1.0, 0.5, -0.5]), np.array([1.0, 1.0]), 1, 0.5),
            case(np.array([-0.5, 1.0, 0.0]), np.array([1.0, 0.0]), 0, 0.5),
            case(np.array([-1.0, 0.5, -0.5]), np.array([0.0, 0.0]), 0, 0.5),
        ],
        hidden=[
            case(np.array([-1.0, 0.5, 0.0]), np.array([1.0, 1.0]), 1, 0.5),
            case(np.array([0.0, 0.0, 0.0]), np.array([0.0, 1.0]), 0, 1.0),
            case(np.array([-2.0, 0.5]), np.array([3.0]), 1, 0.1),
            case(np.array([1.0, -1.0, 2.0, 0.5]), np.array([2.0, 1.0, -1.0]), 1, 0.25),
            case(np.array([1.0, 2.0, -1.0]), np.array([-3.0, -1.0]), 1, 2.0),
            *random_cases(_update, 6, seed=12),
        ],
        misconceptions=[
            Misconception("sign_flipped", update_sign_flipped, costs=0.5, message={
                "en": "Your update moves the weights the wrong way: the factor is y - y_hat, the target minus the "
                      "prediction, so a point that should give 1 pushes the weighted sum up.",
                "sv": "Din uppdatering flyttar vikterna åt fel håll: faktorn är y - y_hat, målvärdet minus "
                      "prediktionen, så en punkt som ska ge 1 skjuter upp den viktade summan."}),
            Misconception("bias_not_updated", update_without_bias, costs=0.5, message={
                "en": "Your bias w[0] never changes. It is a weight like the others, with the input x_0 = 1, so it "
                      "changes by learning_rate (y - y_hat) times 1.",
                "sv": "Din bias w[0] ändras aldrig. Den är en vikt som de andra, med indatavärdet x_0 = 1, så den "
                      "ändras med learning_rate (y - y_hat) gånger 1."}),
            Misconception("learning_rate_left_out", update_without_learning_rate, costs=0.5, message={
                "en": "Your step does not depend on learning_rate: every change must be multiplied by it.",
                "sv": "Ditt steg beror inte på learning_rate: varje ändring ska multipliceras med den."}),
            Misconception("times_x_not_x_tilde", update_times_x, costs=0.5, message={
                "en": "You multiply by x, which has one number fewer than w: numpy then stops with a shape error, "
                      "or, for one input, adds the same change to the bias as to w[1]. Use x_tilde = (1, x_1, ..., "
                      "x_m).",
                "sv": "Du multiplicerar med x, som har ett tal färre än w: numpy stannar då med ett formfel, eller "
                      "lägger, för ett enda indatavärde, till samma ändring på biasen som på w[1]. Använd "
                      "x_tilde = (1, x_1, ..., x_m)."}),
        ],
        alternatives=[update_each_weight, update_as_list],
    ),
    Question(
        "q3", function="train_perceptron", points=3, compare=_same_answers,
        hint={
            "en": "One epoch is one loop over zip(X, y) that calls perceptron_update for every point. Count the "
                  "points that neuron_output gets wrong with the weights before their update, and stop after an "
                  "epoch with no mistakes, but never run more than max_epochs epochs (a for loop over "
                  "range(max_epochs) runs exactly that many). Return w alone, not a tuple.",
            "sv": "En epok är en loop över zip(X, y) som anropar perceptron_update för varje punkt. Räkna "
                  "punkterna som neuron_output får fel med vikterna före deras uppdatering, och sluta efter en "
                  "epok utan fel, men kör aldrig fler än max_epochs epoker (en for-loop över range(max_epochs) "
                  "kör exakt så många). Returnera bara w, inte en tupel.",
        },
        public=[
            _gate_case("and", [-1.0, 0.5, -0.5], 0.5, 100),
            _gate_case("and", [0.0, 0.0, 0.0], 1.0, 100),
            # One epoch is not enough here: a loop that ignores max_epochs trains on to a different line,
            # and one that runs a second epoch to another one again.
            _gate_case("and", [0.0, 0.0, 0.0], 1.0, 1).weighted(2),
            _gate_case("nand", [-1.0, 0.5, 0.75], 0.25, 100),
        ],
        hidden=[
            _gate_case("or", [0.0, 0.0, 0.0], 1.0, 100),
            _gate_case("nor", [0.5, 0.5, 0.5], 0.5, 100),
            case(*(a[::-1] for a in _gate("and")), np.array([0.0, 0.0, 0.0]), 0.5, 100),
            _gate_case("and", [0.0, 0.0, 0.0, 0.0], 1.0, 100, n_inputs=3),
            _gate_case("majority", [0.5, -0.5, 0.25, 0.0], 0.5, 100, n_inputs=3),
            # Stopped by max_epochs before the points are separated: each gives another line after one more
            # epoch and after training to the end.
            _gate_case("nand", [0.0, 0.0, 0.0], 0.5, 1).weighted(2),
            _gate_case("nand", [0.0, 0.0, 0.0], 0.25, 2).weighted(2),
            _gate_case("and", [0.0, 0.0, 0.0, 0.0], 0.5, 2, n_inputs=3).weighted(2),
            _gate_case("and", [0.5, 0.5, 0.5, 0.5], 1.0, 3, n_inputs=3).weighted(2),
            *random_cases(_training, 4, seed=13),
        ],
        misconceptions=[
            Misconception("ignores_max_epochs", train_ignoring_max_epochs, costs=0.4, message={
                "en": "Your loop trains until no point is wrong, however many epochs that takes: it must stop after "
                      "max_epochs epochs even when some points are still wrong (on XOR it would never end).",
                "sv": "Din loop tränar tills ingen punkt är fel, hur många epoker det än tar: den ska sluta efter "
                      "max_epochs epoker även om några punkter fortfarande är fel (på XOR skulle den aldrig sluta)."}),
            Misconception("one_epoch_too_many", train_one_epoch_too_many, costs=0.25, message={
                "en": "Your loop runs max_epochs + 1 epochs when the points are not separated in time: count the "
                      "epochs so that max_epochs = 1 means exactly one pass over the points.",
                "sv": "Din loop kör max_epochs + 1 epoker när punkterna inte hinner separeras: räkna epokerna så "
                      "att max_epochs = 1 betyder exakt en genomgång av punkterna."}),
            Misconception("one_epoch_only", train_one_epoch_only, costs=0.5, message={
                "en": "Your loop goes through the points only once. Repeat whole epochs until an epoch has no "
                      "mistakes (or max_epochs is reached): one pass is rarely enough.",
                "sv": "Din loop går igenom punkterna bara en gång. Upprepa hela epoker tills en epok är utan fel "
                      "(eller max_epochs är nådd): en genomgång räcker sällan."}),
            Misconception("counts_after_the_update", train_counting_after_the_update, costs=0.5, message={
                "en": "You check each point after its own update, when it is usually right, so training stops "
                      "too early. Check the point with the weights before its update.",
                "sv": "Du kontrollerar varje punkt efter dess egen uppdatering, då den oftast är rätt, så "
                      "träningen slutar för tidigt. Kontrollera punkten med vikterna före dess uppdatering."}),
            Misconception("returns_a_tuple", train_returning_a_tuple, costs=0.5, message={
                "en": "You return more than the weights. The lesson's version also returned the mistakes per epoch; "
                      "here return only w.",
                "sv": "Du returnerar mer än vikterna. Lektionens version returnerade också antalet fel per epok; "
                      "här returnerar du bara w."}),
        ],
        alternatives=[train_until_nothing_changes, train_all_epochs_as_a_list],
    ),
    Question(
        "q4", variable="w_nand", points=1, compare=_computes_nand,
        hint={
            "en": "Start from weights for AND, for example (-1.5, 1, 1), and think about what flipping every "
                  "sign does to z and to the answer.",
            "sv": "Utgå från vikter för AND, till exempel (-1.5, 1, 1), och fundera på vad det gör med z och "
                  "med svaret om du byter tecken på alla vikterna.",
        },
        misconceptions=[
            Misconception("computes_and", np.array([-1.5, 1.0, 1.0]), message={
                "en": "Your weights compute AND, the opposite of NAND on every point. Flipping the sign of every "
                      "weight flips the sign of z, and so every answer (as long as z is never exactly 0).",
                "sv": "Dina vikter räknar ut AND, motsatsen till NAND i varje punkt. Om du byter tecken på alla "
                      "vikter byter z tecken, och då också varje svar (så länge z aldrig är exakt 0)."}),
            Misconception("zero_at_one_one", np.array([2.0, -1.0, -1.0]), message={
                "en": "Your perceptron answers 1 at (1, 1) too. There the weighted sum must be negative, and "
                      "remember that z = 0 gives 1, since step(0) = 1.",
                "sv": "Din perceptron svarar 1 även i (1, 1). Där måste den viktade summan vara negativ, och kom "
                      "ihåg att z = 0 ger 1, eftersom step(0) = 1."}),
            Misconception("computes_nor", np.array([0.5, -1.0, -1.0]), message={
                "en": "Your weights compute NOR: only (0, 0) gives 1. At (0, 1) and (1, 0) the weighted sum must "
                      "not be negative: make the bias larger.",
                "sv": "Dina vikter räknar ut NOR: bara (0, 0) ger 1. I (0, 1) och (1, 0) får den viktade summan "
                      "inte vara negativ: gör biasen större."}),
            Misconception("bias_last", np.array([-1.0, -1.0, 1.5]), message={
                "en": "The bias must come first: w_nand = (w_0, w_1, w_2) with w_0 the bias, as in question 1.",
                "sv": "Biasen ska stå först: w_nand = (w_0, w_1, w_2) med biasen w_0, som i fråga 1."}),
        ],
    ),
    Question(
        "q5", variable="xor_separable", points=1,
        hint={
            "en": "The two points of class 1 lie on one diagonal of the square and the two points of class 0 "
                  "on the other. Lesson 01 ends with a proof.",
            "sv": "De två punkterna i klass 1 ligger på den ena diagonalen i kvadraten och de två punkterna i "
                  "klass 0 på den andra. Lektion 01 slutar med ett bevis.",
        },
        misconceptions=[
            Misconception("separable", True, message={
                "en": "Try to draw the line: each of the two diagonals of the square joins two points of the same "
                      "class, and a line with both class-1 points on one side has a class-0 point there too.",
                "sv": "Försök rita linjen: var och en av kvadratens två diagonaler förbinder två punkter i samma "
                      "klass, och en linje med båda punkterna i klass 1 på ena sidan har en punkt i klass 0 där "
                      "också."}),
            Misconception("text_not_bool", "False", message={
                "en": "You wrote the word in quotation marks, a string. Python's truth values are True and False "
                      "without quotation marks.",
                "sv": "Du skrev ordet inom citattecken, en sträng. Pythons sanningsvärden är True och False utan "
                      "citattecken."}),
            Misconception("number_not_bool", 0, message={
                "en": "You answered with a number. The question asks for a truth value, True or False.",
                "sv": "Du svarade med ett tal. Frågan vill ha ett sanningsvärde, True eller False."}),
        ],
    ),
]
