# %% [markdown] tags=["en"]
# # Exercise 03: forward pass and architecture
#
# In this exercise you write the forward pass of a fully connected layer, first for one sample
# and then for a whole batch, chain layers into the forward pass of a whole network, and count a
# network's parameters. Read [lesson 03](../../notebooks/en/03_forward_pass.ipynb) first; this
# exercise uses its notation and its example network.
#
# The exercise works like [exercise 00](00_welcome.ipynb): run the first code cell, replace
# `# Your code here` and the `raise` line in each answer cell with your code, run the cell, then
# run the check cell under it. There are five questions and 8 points in total.

# %% [markdown] tags=["sv"]
# # Övning 03: framåtpass och arkitektur
#
# I den här övningen skriver du framåtpasset för ett fullt kopplat lager, först för ett exempel
# och sedan för en hel batch, kedjar ihop lager till framåtpasset för ett helt nätverk och räknar
# ett nätverks parametrar. Läs [lektion 03](../../notebooks/sv/03_forward_pass.ipynb) först;
# övningen använder dess notation och dess exempelnätverk.
#
# Övningen fungerar som [övning 00](00_welcome.ipynb): kör den första kodcellen, ersätt
# `# Din kod här` och `raise`-raden i varje svarscell med din kod, kör cellen och kör sedan
# kontrollcellen under den. Det finns fem frågor och sammanlagt 8 poäng.

# %%
from course import set_language
from course.checker import check_for
set_language("en")
check = check_for("03_forward_pass")

import numpy as np

# %% [markdown] tags=["en"]
# ## Activation functions by name
#
# The functions of this exercise receive the activation function by its **name**, a string:
# `"identity"` (the linear activation $f(z) = z$), `"relu"`, `"sigmoid"` or `"tanh"`. You wrote
# these functions yourself in exercise 02; here we take them from `nnlib`. The next cell imports
# `nnlib.activations`, and then `activations.get(name).fn` is the function with that name, which
# works element-wise on arrays of any shape. For example `activations.get("relu").fn(z)` is
# $\operatorname{ReLU}(z)$.

# %% [markdown] tags=["sv"]
# ## Aktiveringsfunktioner efter namn
#
# Funktionerna i den här övningen får aktiveringsfunktionen angiven med sitt **namn**, en sträng:
# `"identity"` (den linjära aktiveringsfunktionen $f(z) = z$), `"relu"`, `"sigmoid"` eller
# `"tanh"`. Du skrev de här funktionerna själv i övning 02; här tar vi dem från `nnlib`. Nästa
# cell importerar `nnlib.activations`, och sedan är `activations.get(name).fn` funktionen med det
# namnet, som verkar elementvis på arrayer av vilken form som helst. Till exempel är
# `activations.get("relu").fn(z)` lika med $\operatorname{ReLU}(z)$.

# %%
from nnlib import activations

# %% [markdown] tags=["en"]
# ## Question 1: one layer, one sample (2 points)
#
# A fully connected layer with $n_\text{in}$ inputs and $n_\text{out}$ nodes has the weight
# matrix $W$ of shape $(n_\text{out}, n_\text{in})$, with $w_{jk}$ (to node $j$, from input $k$)
# in row $j$, column $k$, and the bias vector $b$ of shape $(n_\text{out},)$. For one sample $x$
# it computes, with the activation function $\varphi$,
#
# $$z_j = \sum_{k=1}^{n_\text{in}} w_{jk}\, x_k + b_j, \qquad a = \varphi(W x + b).$$
#
# Write the function `dense_forward(x, W, b, activation)` that returns $a$, an array of shape
# `(n_out,)`. The hidden layer of the lesson's example network is
#
# $$W^{(1)} = \begin{bmatrix} 1 & -1 \\ 0.5 & 0.5 \\ -1 & 2 \end{bmatrix}, \quad
#   b^{(1)} = \begin{bmatrix} 0 \\ 1 \\ -2 \end{bmatrix}, \quad
#   x = \begin{bmatrix} 1 \\ 2 \end{bmatrix}: \qquad
#   z^{(1)} = \begin{bmatrix} -1 \\ 2.5 \\ 1 \end{bmatrix}, \quad
#   a^{(1)} = \operatorname{ReLU}\bigl(z^{(1)}\bigr) = \begin{bmatrix} 0 \\ 2.5 \\ 1 \end{bmatrix}.$$

# %% [markdown] tags=["sv"]
# ## Fråga 1: ett lager, ett exempel (2 poäng)
#
# Ett fullt kopplat lager med $n_\text{in}$ indata och $n_\text{out}$ noder har viktmatrisen $W$
# med formen $(n_\text{out}, n_\text{in})$, med $w_{jk}$ (till nod $j$, från indata $k$) i rad $j$,
# kolumn $k$, och biasvektorn $b$ med formen $(n_\text{out},)$. För ett exempel $x$ räknar det ut,
# med aktiveringsfunktionen $\varphi$,
#
# $$z_j = \sum_{k=1}^{n_\text{in}} w_{jk}\, x_k + b_j, \qquad a = \varphi(W x + b).$$
#
# Skriv funktionen `dense_forward(x, W, b, activation)` som returnerar $a$, en array med formen
# `(n_out,)`. Det dolda lagret i lektionens exempelnätverk är
#
# $$W^{(1)} = \begin{bmatrix} 1 & -1 \\ 0{,}5 & 0{,}5 \\ -1 & 2 \end{bmatrix}, \quad
#   b^{(1)} = \begin{bmatrix} 0 \\ 1 \\ -2 \end{bmatrix}, \quad
#   x = \begin{bmatrix} 1 \\ 2 \end{bmatrix}: \qquad
#   z^{(1)} = \begin{bmatrix} -1 \\ 2{,}5 \\ 1 \end{bmatrix}, \quad
#   a^{(1)} = \operatorname{ReLU}\bigl(z^{(1)}\bigr) = \begin{bmatrix} 0 \\ 2{,}5 \\ 1 \end{bmatrix}.$$

# %% tags=["en"]
def dense_forward(x, W, b, activation):
    """The forward pass of a fully connected layer for one sample: a = phi(W x + b).

    Parameters
    ----------
    x : numpy array of shape (n_in,)
        One sample (or the activations of the previous layer).
    W : numpy array of shape (n_out, n_in)
        The weights; W[j, k] is w_jk, to node j from input k.
    b : numpy array of shape (n_out,)
        The biases.
    activation : str
        "identity", "relu", "sigmoid" or "tanh".

    Returns
    -------
    numpy array of shape (n_out,)
        The activations a of the layer.
    """
    # BEGIN SOLUTION
    z = W @ x + b
    return activations.get(activation).fn(z)
    # END SOLUTION

# %% tags=["sv"]
def dense_forward(x, W, b, activation):
    """Framåtpasset genom ett fullt kopplat lager för en datapunkt: a = phi(W x + b).

    Parametrar
    ----------
    x : numpy-array med formen (n_in,)
        En datapunkt (eller aktiveringarna från föregående lager).
    W : numpy-array med formen (n_out, n_in)
        Vikterna; W[j, k] är w_jk, till nod j från indatavärde k.
    b : numpy-array med formen (n_out,)
        Biasvärdena.
    activation : str
        "identity", "relu", "sigmoid" eller "tanh".

    Returnerar
    ----------
    numpy-array med formen (n_out,)
        Lagrets aktiveringar a.
    """
    # BEGIN SOLUTION
    z = W @ x + b
    return activations.get(activation).fn(z)
    # END SOLUTION

# %% tags=["check"]
check("q1")

# %% [markdown] tags=["en"]
# ## Question 2: one layer, a whole batch (2 points)
#
# A batch of $N$ samples is stored as the rows of a matrix $X$ of shape $(N, n_\text{in})$.
# Stacking the transposed column form $z_i^\top = x_i^\top W^\top + b^\top$ for every sample
# gives the batch form of the lesson:
#
# $$Z = X W^\top + b, \qquad A = \varphi(Z),$$
#
# where $b$ is added to every row (broadcasting). $Z$ and $A$ have shape $(N, n_\text{out})$, and
# row $i$ of $A$ is the layer's output for sample $i$. The weights $W$ are the same matrix as in
# question 1, of shape $(n_\text{out}, n_\text{in})$.
#
# Write the function `dense_forward_batch(X, W, b, activation)` that returns $A$. Use one matrix
# product for the whole batch (in numpy, $W^\top$ is `W.T`). For the lesson's batch
#
# $$X = \begin{bmatrix} 1 & 2 \\ 0 & 0 \\ -1 & 1 \\ 2 & -1 \end{bmatrix}$$
#
# and the layer of question 1, the first row of $A$ is $(0, 2.5, 1)$ and the second is
# $\operatorname{ReLU}(b^{(1)}) = (0, 1, 0)$.

# %% [markdown] tags=["sv"]
# ## Fråga 2: ett lager, en hel batch (2 poäng)
#
# En batch med $N$ exempel lagras som raderna i en matris $X$ med formen $(N, n_\text{in})$. Om man
# staplar den transponerade kolonnformen $z_i^\top = x_i^\top W^\top + b^\top$ för varje exempel
# får man lektionens batchform:
#
# $$Z = X W^\top + b, \qquad A = \varphi(Z),$$
#
# där $b$ adderas till varje rad (broadcasting). $Z$ och $A$ har formen $(N, n_\text{out})$, och
# rad $i$ i $A$ är lagrets utdata för exempel $i$. Vikterna $W$ är samma matris som i fråga 1, med
# formen $(n_\text{out}, n_\text{in})$.
#
# Skriv funktionen `dense_forward_batch(X, W, b, activation)` som returnerar $A$. Använd en enda
# matrisprodukt för hela batchen (i numpy är $W^\top$ lika med `W.T`). För lektionens batch
#
# $$X = \begin{bmatrix} 1 & 2 \\ 0 & 0 \\ -1 & 1 \\ 2 & -1 \end{bmatrix}$$
#
# och lagret från fråga 1 är den första raden i $A$ lika med $(0;\ 2{,}5;\ 1)$ och den andra
# $\operatorname{ReLU}(b^{(1)}) = (0;\ 1;\ 0)$.

# %% tags=["en"]
def dense_forward_batch(X, W, b, activation):
    """The forward pass of a fully connected layer for a batch: A = phi(X W^T + b).

    Parameters
    ----------
    X : numpy array of shape (N, n_in)
        One sample per row.
    W : numpy array of shape (n_out, n_in)
        The weights; W[j, k] is w_jk, to node j from input k.
    b : numpy array of shape (n_out,)
        The biases, added to every row.
    activation : str
        "identity", "relu", "sigmoid" or "tanh".

    Returns
    -------
    numpy array of shape (N, n_out)
        Row i holds the layer's activations for sample i.
    """
    # BEGIN SOLUTION
    Z = X @ W.T + b
    return activations.get(activation).fn(Z)
    # END SOLUTION

# %% tags=["sv"]
def dense_forward_batch(X, W, b, activation):
    """Framåtpasset genom ett fullt kopplat lager för en batch: A = phi(X W^T + b).

    Parametrar
    ----------
    X : numpy-array med formen (N, n_in)
        En datapunkt per rad.
    W : numpy-array med formen (n_out, n_in)
        Vikterna; W[j, k] är w_jk, till nod j från indatavärde k.
    b : numpy-array med formen (n_out,)
        Biasvärdena, som adderas till varje rad.
    activation : str
        "identity", "relu", "sigmoid" eller "tanh".

    Returnerar
    ----------
    numpy-array med formen (N, n_out)
        Rad i innehåller lagrets aktiveringar för datapunkt i.
    """
    # BEGIN SOLUTION
    Z = X @ W.T + b
    return activations.get(activation).fn(Z)
    # END SOLUTION

# %% tags=["check"]
check("q2")

# %% [markdown] tags=["en"]
# ## Question 3: counting parameters (1 point)
#
# A network is described by its list of layer sizes `sizes` $= [n_0, n_1, \dots, n_L]$: $n_0$
# inputs, then the number of nodes of every layer up to the output layer. Layer $l$ has the
# weight matrix $W^{(l)}$ of shape $(n_l, n_{l-1})$ and the bias vector $b^{(l)}$ of shape
# $(n_l,)$; the input layer has no parameters. So the network has
#
# $$\sum_{l=1}^{L} \bigl(n_{l-1} \cdot n_l + n_l\bigr)$$
#
# parameters. Write the function `count_parameters(sizes)` that returns this number as an
# integer. For $[2, 3, 1]$ it is $(2 \cdot 3 + 3) + (3 \cdot 1 + 1) = 13$.

# %% [markdown] tags=["sv"]
# ## Fråga 3: att räkna parametrar (1 poäng)
#
# Ett nätverk beskrivs av sin lista med lagerstorlekar `sizes` $= [n_0, n_1, \dots, n_L]$: $n_0$
# indata och sedan antalet noder i varje lager till och med utdatalagret. Lager $l$ har
# viktmatrisen $W^{(l)}$ med formen $(n_l, n_{l-1})$ och biasvektorn $b^{(l)}$ med formen
# $(n_l,)$; indatalagret har inga parametrar. Nätverket har alltså
#
# $$\sum_{l=1}^{L} \bigl(n_{l-1} \cdot n_l + n_l\bigr)$$
#
# parametrar. Skriv funktionen `count_parameters(sizes)` som returnerar det talet som ett heltal.
# För $[2, 3, 1]$ är det $(2 \cdot 3 + 3) + (3 \cdot 1 + 1) = 13$.

# %% tags=["en"]
def count_parameters(sizes):
    """The number of weights and biases of a fully connected network with these layer sizes.

    Parameters
    ----------
    sizes : list of int
        [n_0, n_1, ..., n_L]: the number of inputs, then the number of nodes of each layer.

    Returns
    -------
    int
        The sum over l = 1, ..., L of n_(l-1) * n_l + n_l.
    """
    # BEGIN SOLUTION
    total = 0
    for l in range(1, len(sizes)):
        total += sizes[l - 1] * sizes[l] + sizes[l]
    return total
    # END SOLUTION

# %% tags=["sv"]
def count_parameters(sizes):
    """Antalet vikter och biasvärden i ett fullt kopplat nätverk med de här lagerstorlekarna.

    Parametrar
    ----------
    sizes : lista med int
        [n_0, n_1, ..., n_L]: antalet indatavärden och sedan antalet noder i varje lager.

    Returnerar
    ----------
    int
        Summan över l = 1, ..., L av n_(l-1) * n_l + n_l.
    """
    # BEGIN SOLUTION
    total = 0
    for l in range(1, len(sizes)):
        total += sizes[l - 1] * sizes[l] + sizes[l]
    return total
    # END SOLUTION

# %% tags=["check"]
check("q3")

# %% [markdown] tags=["en"]
# ## Question 4: the forward pass of a whole network (2 points)
#
# A network with $L$ layers computes, layer after layer, with $A^{(0)} = X$,
#
# $$A^{(l)} = f_l\bigl(A^{(l-1)} W^{(l)\top} + b^{(l)}\bigr), \qquad l = 1, \dots, L,
#   \qquad \hat Y = A^{(L)}.$$
#
# Every hidden layer ($l = 1, \dots, L - 1$) uses the same activation function, and the output
# layer ($l = L$) uses its own, usually a different one (lesson 02, section 7).
#
# Write the function `forward_pass(X, weights, biases, activation, output)` that returns
# $\hat Y$ for a batch `X`. `weights` is the list $[W^{(1)}, \dots, W^{(L)}]$ and `biases` the
# list $[b^{(1)}, \dots, b^{(L)}]$; `activation` names the activation function of the hidden
# layers and `output` that of the output layer. Use your `dense_forward_batch` from question 2.
# A network with only one layer ($L = 1$) has no hidden layer, so only `output` is used.
#
# The lesson's network $[2, 3, 1]$ with ReLU in the hidden layer and sigmoid at the output
# gives $\hat y \approx 0.6225$ for the first row $(1, 2)$ of the batch of question 2.

# %% [markdown] tags=["sv"]
# ## Fråga 4: framåtpasset genom ett helt nätverk (2 poäng)
#
# Ett nätverk med $L$ lager räknar ut, lager för lager och med $A^{(0)} = X$,
#
# $$A^{(l)} = f_l\bigl(A^{(l-1)} W^{(l)\top} + b^{(l)}\bigr), \qquad l = 1, \dots, L,
#   \qquad \hat Y = A^{(L)}.$$
#
# Alla dolda lager ($l = 1, \dots, L - 1$) använder samma aktiveringsfunktion, och utdatalagret
# ($l = L$) använder en egen, oftast en annan (lektion 02, avsnitt 7).
#
# Skriv funktionen `forward_pass(X, weights, biases, activation, output)` som returnerar $\hat Y$
# för en batch `X`. `weights` är listan $[W^{(1)}, \dots, W^{(L)}]$ och `biases` listan
# $[b^{(1)}, \dots, b^{(L)}]$; `activation` anger de dolda lagrens aktiveringsfunktion och
# `output` utdatalagrets. Använd din `dense_forward_batch` från fråga 2. Ett nätverk med bara ett
# lager ($L = 1$) har inget dolt lager, så där används bara `output`.
#
# Lektionens nätverk $[2, 3, 1]$ med ReLU i det dolda lagret och sigmoid i utdatalagret ger
# $\hat y \approx 0{,}6225$ för den första raden $(1, 2)$ i batchen från fråga 2.

# %% tags=["en"]
def forward_pass(X, weights, biases, activation, output):
    """The forward pass of a fully connected network for a batch X.

    Parameters
    ----------
    X : numpy array of shape (N, n_0)
        One sample per row.
    weights : list of numpy arrays
        [W^(1), ..., W^(L)], W^(l) of shape (n_l, n_(l-1)).
    biases : list of numpy arrays
        [b^(1), ..., b^(L)], b^(l) of shape (n_l,).
    activation : str
        The activation function of the hidden layers 1, ..., L - 1.
    output : str
        The activation function of the output layer L.

    Returns
    -------
    numpy array of shape (N, n_L)
        The network's output Y_hat = A^(L), one row per sample.
    """
    # BEGIN SOLUTION
    A = X
    L = len(weights)
    for l in range(L):
        name = output if l == L - 1 else activation
        A = dense_forward_batch(A, weights[l], biases[l], name)
    return A
    # END SOLUTION

# %% tags=["sv"]
def forward_pass(X, weights, biases, activation, output):
    """Framåtpasset genom ett fullt kopplat nätverk för en batch X.

    Parametrar
    ----------
    X : numpy-array med formen (N, n_0)
        En datapunkt per rad.
    weights : lista med numpy-arrayer
        [W^(1), ..., W^(L)], W^(l) med formen (n_l, n_(l-1)).
    biases : lista med numpy-arrayer
        [b^(1), ..., b^(L)], b^(l) med formen (n_l,).
    activation : str
        Aktiveringsfunktionen i de dolda lagren 1, ..., L - 1.
    output : str
        Aktiveringsfunktionen i utdatalagret L.

    Returnerar
    ----------
    numpy-array med formen (N, n_L)
        Nätverkets utdata Y_hat = A^(L), en rad per datapunkt.
    """
    # BEGIN SOLUTION
    A = X
    L = len(weights)
    for l in range(L):
        name = output if l == L - 1 else activation
        A = dense_forward_batch(A, weights[l], biases[l], name)
    return A
    # END SOLUTION

# %% tags=["check"]
check("q4")

# %% [markdown] tags=["en"]
# ## Question 5: the sizes of a digit classifier (1 point)
#
# A network gets an $8 \times 8$ greyscale image of a handwritten digit, each pixel one number,
# and answers which of the digits 0–9 it shows, with one softmax output per digit. Between the
# input and the output it has one hidden layer of 32 neurons. Set the variable `sizes_digits` to
# its list of layer sizes $[n_0, n_1, \dots, n_L]$, as in question 3. (Chapter 12 trains a
# network like this.)

# %% [markdown] tags=["sv"]
# ## Fråga 5: storlekarna för en sifferklassificerare (1 poäng)
#
# Ett nätverk får en gråskalebild med $8 \times 8$ pixlar av en handskriven siffra, där varje
# pixel är ett tal, och svarar vilken av siffrorna 0–9 den visar, med en utdatanod per siffra
# och softmax. Mellan indata och utdata har det ett dolt lager med 32 neuroner. Sätt variabeln
# `sizes_digits` till dess lista med lagerstorlekar $[n_0, n_1, \dots, n_L]$, som i fråga 3.
# (Kapitel 12 tränar ett sådant nätverk.)

# %%
# BEGIN SOLUTION
sizes_digits = [64, 32, 10]
# END SOLUTION

# %% tags=["check"]
check("q5")

# %% [markdown] tags=["en"]
# ## Done?
#
# When all five checks show ✔, restart the kernel and run all cells once more (*Kernel →
# Restart Kernel and Run All Cells…*) to make sure that the notebook works from the top, then
# save it and hand it in the way your teacher asks. Next: [chapter 04, loss
# functions](../../notebooks/en/04_loss_functions.ipynb), which measures how wrong the output of
# your forward pass is.

# %% [markdown] tags=["sv"]
# ## Klar?
#
# När alla fem kontrollerna visar ✔ startar du om kärnan och kör alla celler en gång till
# (*Kernel → Restart Kernel and Run All Cells…*) för att se att din notebook fungerar från
# början. Spara den sedan och lämna in den på det sätt som din lärare har bestämt. Nästa steg:
# [kapitel 04, förlustfunktioner](../../notebooks/sv/04_loss_functions.ipynb), som mäter hur fel
# utdata från ditt framåtpass är.

# %% tags=["hidden"]
# The grading specification: never in the student notebooks. Expected values come from the
# solutions above, run on the same inputs.
from course.exercise import Misconception, Question, case, random_cases, value_repr

_W1 = np.array([[1.0, -1.0], [0.5, 0.5], [-1.0, 2.0]])
_B1 = np.array([0.0, 1.0, -2.0])
_W2 = np.array([[1.0, -1.0, 2.0]])
_B2 = np.array([1.0])
_X = np.array([[1.0, 2.0], [0.0, 0.0], [-1.0, 1.0], [2.0, -1.0]])
_NAMES = ["identity", "relu", "sigmoid", "tanh"]


def _layer(rng):
    n_out, n_in = (int(n) for n in rng.integers(1, 6, size=2))
    return rng.normal(size=(n_out, n_in)), rng.normal(size=n_out), str(rng.choice(_NAMES))


def _one_sample(rng):
    W, b, name = _layer(rng)
    return rng.normal(size=W.shape[1]), W, b, name


def _batch(rng):
    W, b, name = _layer(rng)
    return rng.normal(size=(int(rng.integers(1, 6)), W.shape[1])), W, b, name


def _sizes(rng):
    return ([int(n) for n in rng.integers(1, 65, size=int(rng.integers(2, 6)))],)


def _network(rng):
    sizes = [int(n) for n in rng.integers(1, 6, size=int(rng.integers(2, 5)))]
    weights = [rng.normal(size=(n_out, n_in)) for n_in, n_out in zip(sizes[:-1], sizes[1:])]
    biases = [rng.normal(size=n_out) for n_out in sizes[1:]]
    X = rng.normal(size=(int(rng.integers(1, 6)), sizes[0]))
    return X, weights, biases, str(rng.choice(["relu", "tanh", "sigmoid"])), str(rng.choice(["identity", "sigmoid"]))


def _digit_sizes(expected, received):
    try:
        sizes = [int(n) for n in received]
        exact = all(float(n) == int(n) for n in received)
    except (TypeError, ValueError):
        return False, {"en": f"expected a list of integers, but received {value_repr(received)}",
                       "sv": f"väntat: en lista med heltal; ditt svar: {value_repr(received)}"}
    if not exact:
        return False, {"en": f"layer sizes are whole numbers, but received {value_repr(received)}",
                       "sv": f"lagerstorlekar är heltal (ditt svar: {value_repr(received)})"}
    if sizes == list(expected):
        return True, None
    if len(sizes) != len(expected):
        return False, {
            "en": f"{value_repr(received)} describes {max(len(sizes) - 2, 0)} hidden layers, but the network has "
                  f"one: the list holds the input size, the hidden layer's size and the output size",
            "sv": f"{value_repr(received)} beskriver {max(len(sizes) - 2, 0)} dolda lager, men nätverket har ett: "
                  f"listan innehåller antalet indata, det dolda lagrets storlek och antalet utdata",
        }
    if sizes[0] != expected[0]:
        return False, {"en": f"the input layer has {sizes[0]} nodes, but it needs one per number of the input",
                       "sv": f"indatalagret har {sizes[0]} noder, men det behöver en per tal i indata"}
    if sizes[-1] != expected[-1]:
        return False, {"en": f"the output layer has {sizes[-1]} nodes, but it needs one per class",
                       "sv": f"utdatalagret har {sizes[-1]} noder, men det behöver en per klass"}
    return False, {"en": f"the hidden layer has {sizes[1]} neurons, but the text says how many it has",
                   "sv": f"det dolda lagret har {sizes[1]} neuroner, men texten säger hur många det har"}


# Common wrong answers and right answers in another style, as students write them (each is
# handed in as a notebook cell in the exercise tests). They use only numpy and the notebook's
# own names (activations, dense_forward, dense_forward_batch).
def dense_transposed(x, W, b, activation):
    return activations.get(activation).fn(W.T @ x + b)


def dense_without_bias(x, W, b, activation):
    return activations.get(activation).fn(W @ x)


def dense_without_activation(x, W, b, activation):
    return W @ x + b


def dense_activation_before_bias(x, W, b, activation):
    return activations.get(activation).fn(W @ x) + b


def dense_always_relu(x, W, b, activation):
    return np.maximum(W @ x + b, 0.0)


def dense_with_loops(x, W, b, activation):
    z = np.zeros(W.shape[0])
    for j in range(W.shape[0]):
        z[j] = b[j]
        for k in range(W.shape[1]):
            z[j] += W[j, k] * x[k]
    return activations.get(activation).fn(z)


def dense_own_activations(x, W, b, activation):
    functions = {
        "identity": lambda z: z,
        "relu": lambda z: np.maximum(z, 0.0),
        "sigmoid": lambda z: 1.0 / (1.0 + np.exp(-z)),
        "tanh": np.tanh,
    }
    return functions[activation](np.dot(W, x) + b)


def batch_without_transpose(X, W, b, activation):
    return activations.get(activation).fn(X @ W + b)


def batch_output_transposed(X, W, b, activation):
    return activations.get(activation).fn(W @ X.T + b[:, None])


def batch_without_bias(X, W, b, activation):
    return activations.get(activation).fn(X @ W.T)


def batch_single_sample_formula(X, W, b, activation):
    return activations.get(activation).fn(W @ X + b)


def batch_row_by_row(X, W, b, activation):
    return np.array([dense_forward(x, W, b, activation) for x in X])


def batch_transpose_of_the_column_form(X, W, b, activation):
    return activations.get(activation).fn((W @ X.T).T + b)


def count_with_input_biases(sizes):
    return sum(a * b for a, b in zip(sizes[:-1], sizes[1:])) + sum(sizes)


def count_without_biases(sizes):
    return sum(a * b for a, b in zip(sizes[:-1], sizes[1:]))


def count_biases_of_the_previous_layer(sizes):
    total = 0
    for l in range(1, len(sizes)):
        total += sizes[l - 1] * sizes[l] + sizes[l - 1]
    return total


def count_without_the_last_layer(sizes):
    total = 0
    for l in range(1, len(sizes) - 1):
        total += sizes[l - 1] * sizes[l] + sizes[l]
    return total


def count_as_float(sizes):
    total = 0.0
    for l in range(1, len(sizes)):
        total += sizes[l - 1] * sizes[l] + sizes[l]
    return total


def count_with_zip(sizes):
    return sum(n_in * n_out + n_out for n_in, n_out in zip(sizes[:-1], sizes[1:]))


def count_with_numpy(sizes):
    n = np.array(sizes)
    return int(np.sum(n[:-1] * n[1:] + n[1:]))


def forward_hidden_activation_everywhere(X, weights, biases, activation, output):
    A = X
    for W, b in zip(weights, biases):
        A = dense_forward_batch(A, W, b, activation)
    return A


def forward_output_on_top(X, weights, biases, activation, output):
    A = X
    for W, b in zip(weights, biases):
        A = dense_forward_batch(A, W, b, activation)
    return activations.get(output).fn(A)


def forward_first_layer_only(X, weights, biases, activation, output):
    return dense_forward_batch(X, weights[0], biases[0], output)


def forward_input_to_every_layer(X, weights, biases, activation, output):
    L = len(weights)
    for l in range(L):
        name = output if l == L - 1 else activation
        A = dense_forward_batch(X, weights[l], biases[l], name)
    return A


def forward_hidden_then_output(X, weights, biases, activation, output):
    A = X
    for W, b in zip(weights[:-1], biases[:-1]):
        A = dense_forward_batch(A, W, b, activation)
    return dense_forward_batch(A, weights[-1], biases[-1], output)


def forward_without_dense_forward_batch(X, weights, biases, activation, output):
    A = np.array(X, dtype=float)
    for l, (W, b) in enumerate(zip(weights, biases)):
        name = output if l == len(weights) - 1 else activation
        A = activations.get(name).fn(A @ W.T + b)
    return A


QUESTIONS = [
    Question(
        "q1", function="dense_forward", points=2,
        hint={
            "en": "All weighted sums at once are the matrix-vector product of W, shape (n_out, n_in), and x, "
                  "shape (n_in,): in that order, so that the result has n_out entries. Add b, then apply "
                  "activations.get(activation).fn.",
            "sv": "Alla viktade summor på en gång är matris-vektorprodukten av W, med formen (n_out, n_in), och "
                  "x, med formen (n_in,): i den ordningen, så att resultatet får n_out element. Addera b och "
                  "tillämpa sedan activations.get(activation).fn.",
        },
        public=[
            case(np.array([1.0, 2.0]), _W1, _B1, "relu"),
            case(np.array([0.0, 2.5, 1.0]), _W2, _B2, "sigmoid"),
            case(np.array([1.0, 2.0]), _W1, _B1, "identity"),
        ],
        hidden=[
            case(np.array([-1.0, 1.0]), _W1, _B1, "tanh"),
            case(np.array([3.0]), np.array([[2.0], [-1.0]]), np.array([0.5, 0.5]), "relu"),
            case(np.array([1.0, -2.0, 0.5]), np.array([[1.0, 0.0, 2.0], [0.0, 1.0, 1.0], [1.0, 1.0, 1.0]]),
                 np.array([0.1, -0.2, 0.3]), "identity"),
            case(np.zeros(4), np.ones((2, 4)), np.array([-3.0, 3.0]), "sigmoid"),
            *random_cases(_one_sample, 6, seed=31),
        ],
        misconceptions=[
            Misconception("transposed", dense_transposed, costs=0.5, message={
                "en": "You multiply x with the transpose of W (W.T @ x or x @ W): row j of W holds the weights "
                      "into node j, so z = W x. With (n_out, n_in) times (n_in,) the result has n_out entries.",
                "sv": "Du multiplicerar x med transponatet av W (W.T @ x eller x @ W): rad j i W innehåller "
                      "vikterna in till nod j, så z = W x. Med (n_out, n_in) gånger (n_in,) får resultatet n_out "
                      "element."}),
            Misconception("bias_left_out", dense_without_bias, costs=0.5, message={
                "en": "Your layer leaves out the bias: add b to the weighted sums before the activation function.",
                "sv": "Ditt lager utelämnar biasen: addera b till de viktade summorna före aktiveringsfunktionen."}),
            Misconception("no_activation", dense_without_activation, costs=0.5, message={
                "en": "You return the weighted sums z. The layer's output is a = phi(z): apply the activation "
                      "function named by activation.",
                "sv": "Du returnerar de viktade summorna z. Lagrets utdata är a = phi(z): tillämpa den "
                      "aktiveringsfunktion som activation anger."}),
            Misconception("bias_after_activation", dense_activation_before_bias, costs=0.5, message={
                "en": "You add b after the activation function. The bias belongs to the weighted sum: "
                      "a = phi(W x + b).",
                "sv": "Du adderar b efter aktiveringsfunktionen. Biasen hör till den viktade summan: "
                      "a = phi(W x + b)."}),
            Misconception("always_relu", dense_always_relu, costs=0.5, message={
                "en": "Your layer always uses ReLU. Take the function named by the argument activation, "
                      "with activations.get(activation).fn.",
                "sv": "Ditt lager använder alltid ReLU. Ta den funktion som argumentet activation anger, med "
                      "activations.get(activation).fn."}),
        ],
        alternatives=[dense_with_loops, dense_own_activations],
    ),
    Question(
        "q2", function="dense_forward_batch", points=2,
        hint={
            "en": "With the samples as rows you need X times the transpose of W: (N, n_in) times (n_in, n_out) "
                  "gives (N, n_out). numpy adds b to every row by itself. Then apply the activation function to "
                  "the whole matrix.",
            "sv": "Med exemplen som rader behöver du X gånger transponatet av W: (N, n_in) gånger (n_in, n_out) "
                  "ger (N, n_out). numpy adderar b till varje rad av sig själv. Tillämpa sedan "
                  "aktiveringsfunktionen på hela matrisen.",
        },
        public=[
            case(_X, _W1, _B1, "relu"), case(_X, _W1, _B1, "identity"),
            # A square W and as many samples as inputs: the wrong orders give numbers instead of a shape error.
            case(np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[1.0, 2.0], [0.0, -1.0]]), np.array([0.0, 1.0]),
                 "identity"),
        ],
        hidden=[
            case(_X[:1], _W1, _B1, "sigmoid"),
            case(np.array([[2.0, -1.0], [0.5, 1.0]]), np.array([[1.0, 3.0], [-2.0, 0.5]]), np.array([1.0, -1.0]),
                 "tanh"),
            case(np.array([[1.0], [-1.0], [2.0]]), np.array([[2.0], [-1.0], [0.5]]), np.array([0.0, 1.0, -1.0]),
                 "relu"),
            case(np.array([[0.5, -0.5, 1.0]]), np.array([[1.0, 1.0, 1.0]]), np.array([-1.0]), "tanh"),
            *random_cases(_batch, 6, seed=32),
        ],
        misconceptions=[
            Misconception("transpose_missing", batch_without_transpose, costs=0.5, message={
                "en": "X @ W multiplies the inputs with the columns of W, but the weights into node j are in row j. "
                      "(N, n_in) must meet (n_in, n_out): use the transpose of W.",
                "sv": "X @ W multiplicerar indata med kolumnerna i W, men vikterna in till nod j står i rad j. "
                      "(N, n_in) ska mötas av (n_in, n_out): använd transponatet av W."}),
            Misconception("output_transposed", batch_output_transposed, costs=0.5, message={
                "en": "Your result has one column per sample, shape (n_out, N). The batch form keeps the samples "
                      "as rows: A has the shape (N, n_out).",
                "sv": "Ditt resultat har en kolumn per exempel, formen (n_out, N). Batchformen behåller exemplen "
                      "som rader: A har formen (N, n_out)."}),
            Misconception("bias_left_out", batch_without_bias, costs=0.5, message={
                "en": "Your layer leaves out the bias: add b, which numpy adds to every row, before the "
                      "activation function.",
                "sv": "Ditt lager utelämnar biasen: addera b, som numpy lägger till på varje rad, före "
                      "aktiveringsfunktionen."}),
            Misconception("one_sample_formula", batch_single_sample_formula, costs=0.5, message={
                "en": "W @ X is the formula for one sample as a column. Here every sample is a row of X, so the "
                      "batch form multiplies from the other side: Z = X W^T + b.",
                "sv": "W @ X är formeln för ett exempel som en kolumn. Här är varje exempel en rad i X, så "
                      "batchformen multiplicerar från andra hållet: Z = X W^T + b."}),
        ],
        alternatives=[batch_row_by_row, batch_transpose_of_the_column_form],
    ),
    Question(
        "q3", function="count_parameters", points=1,
        hint={
            "en": "Each layer l = 1, ..., L has n_(l-1) * n_l weights and n_l biases, and the input layer has "
                  "none. In Python, sizes[l - 1] and sizes[l] are the sizes of two neighbouring layers.",
            "sv": "Varje lager l = 1, ..., L har n_(l-1) * n_l vikter och n_l biaser, och indatalagret har "
                  "inga. I Python är sizes[l - 1] och sizes[l] storlekarna på två grannlager.",
        },
        public=[case([2, 3, 1]), case([784, 128, 64, 10])],
        hidden=[
            case([3, 5, 5, 2]), case([1, 1]), case([10, 32, 32, 1]), case([64, 32, 10]), case([4, 1, 4]),
            *random_cases(_sizes, 5, seed=33),
        ],
        misconceptions=[
            Misconception("input_layer_biases", count_with_input_biases, costs=0.5, message={
                "en": "You count biases for the input layer too. The inputs are numbers, not neurons: only layers "
                      "1, ..., L have biases, n_l each.",
                "sv": "Du räknar biasvärden även för indatalagret. Indata är tal, inte neuroner: bara lager "
                      "1, ..., L har biasvärden, n_l vardera."}),
            Misconception("biases_left_out", count_without_biases, costs=0.5, message={
                "en": "You count only the weights. Every node of layers 1, ..., L also has a bias, which is a "
                      "parameter too.",
                "sv": "Du räknar bara vikterna. Varje nod i lager 1, ..., L har också en bias, som också är en "
                      "parameter."}),
            Misconception("biases_of_the_previous_layer", count_biases_of_the_previous_layer, costs=0.5, message={
                "en": "You count n_(l-1) biases for layer l. There is one bias per node of the layer itself, so "
                      "layer l has n_l of them.",
                "sv": "Du räknar n_(l-1) biasvärden för lager l. Det finns en bias per nod i lagret självt, så "
                      "lager l har n_l stycken."}),
            Misconception("last_layer_left_out", count_without_the_last_layer, costs=0.5, message={
                "en": "You leave out the output layer: the layers with parameters are l = 1, ..., L, where L = "
                      "len(sizes) - 1, and range stops before its end value.",
                "sv": "Du utelämnar utdatalagret: lagren med parametrar är l = 1, ..., L, där L = len(sizes) - 1, "
                      "och range slutar före sitt slutvärde."}),
            Misconception("float_not_int", count_as_float, costs=0.25, message={
                "en": "Your count is a float. A number of parameters is a whole number: start the sum at 0, not "
                      "0.0, and keep it an int.",
                "sv": "Ditt antal är ett flyttal. Ett antal parametrar är ett heltal: börja summan på 0, inte 0.0, "
                      "och låt den förbli en int."}),
        ],
        alternatives=[count_with_zip, count_with_numpy],
    ),
    Question(
        "q4", function="forward_pass", points=2,
        hint={
            "en": "Start with A = X and call dense_forward_batch once per layer, with weights[l] and biases[l]. "
                  "Only the last layer uses output; every other layer uses activation. Return the last A.",
            "sv": "Börja med A = X och anropa dense_forward_batch en gång per lager, med weights[l] och "
                  "biases[l]. Bara det sista lagret använder output; alla andra lager använder activation. "
                  "Returnera det sista A.",
        },
        public=[
            case(_X, [_W1, _W2], [_B1, _B2], "relu", "sigmoid"),
            case(np.array([[1.0, 2.0], [2.0, 2.0]]), [_W1, _W2], [_B1, _B2], "relu", "identity"),
            # One layer only: no hidden layer, so only output is used.
            case(_X, [_W1], [_B1], "sigmoid", "relu"),
        ],
        hidden=[
            case(_X, [_W1, _W2], [_B1, _B2], "identity", "identity"),
            case(_X, [_W1, np.array([[1.0, -1.0, 0.5], [0.0, 2.0, -1.0]]), np.array([[1.0, -2.0]])],
                 [_B1, np.array([0.5, -0.5]), np.array([0.0])], "relu", "sigmoid"),
            *random_cases(_network, 6, seed=34),
        ],
        misconceptions=[
            Misconception("hidden_activation_at_the_output", forward_hidden_activation_everywhere, costs=0.5,
                          message={
                "en": "Your output layer uses the hidden layers' activation function. The last layer uses output "
                      "instead, e.g. sigmoid for a probability.",
                "sv": "Ditt utdatalager använder de dolda lagrens aktiveringsfunktion. Det sista lagret använder "
                      "i stället output, till exempel sigmoid för en sannolikhet."}),
            Misconception("output_on_top", forward_output_on_top, costs=0.5, message={
                "en": "You apply output on top of the last layer's activation, so the last weighted sums go through "
                      "two functions. The last layer uses output instead of activation, not after it.",
                "sv": "Du tillämpar output ovanpå det sista lagrets aktivering, så de sista viktade summorna går "
                      "genom två funktioner. Det sista lagret använder output i stället för activation, inte "
                      "efter den."}),
            Misconception("first_layer_only", forward_first_layer_only, costs=0.5, message={
                "en": "Only the first layer is computed. Loop over all the layers, l = 1, ..., L = len(weights), "
                      "each taking the previous layer's output as its input.",
                "sv": "Bara det första lagret räknas ut. Gå igenom alla lager, l = 1, ..., L = len(weights), i en "
                      "loop, där varje lager tar föregående lagers utdata som indata."}),
            Misconception("input_to_every_layer", forward_input_to_every_layer, costs=0.5, message={
                "en": "Every layer gets X, so the layers are not chained: layer l must get A^(l-1), the output of "
                      "the layer before it. Keep the current A and pass it on.",
                "sv": "Varje lager får X, så lagren kopplas inte ihop: lager l ska få A^(l-1), utdata från lagret "
                      "före. Behåll det aktuella A och skicka det vidare."}),
        ],
        alternatives=[forward_hidden_then_output, forward_without_dense_forward_batch],
    ),
    Question(
        "q5", variable="sizes_digits", points=1, compare=_digit_sizes,
        hint={
            "en": "n_0 is how many numbers make up one input, n_L how many outputs the task needs, and in "
                  "between comes one number per hidden layer: the number of its neurons.",
            "sv": "n_0 är antalet tal i en datapunkt, n_L antalet utdatavärden som uppgiften behöver, och "
                  "däremellan kommer ett tal per dolt lager: antalet neuroner i det.",
        },
        misconceptions=[
            Misconception("image_side", [8, 32, 10], message={
                "en": "An 8 × 8 image has 8 · 8 = 64 pixels, and each pixel is one input number, so n_0 = 64.",
                "sv": "En bild med 8 × 8 pixlar har 8 · 8 = 64 pixlar, och varje pixel är ett indatavärde, så "
                      "n_0 = 64."}),
            Misconception("one_output", [64, 32, 1], message={
                "en": "One output node can only say yes or no. The network gives one softmax probability per "
                      "digit, so the output layer has one node per class.",
                "sv": "En enda utdatanod kan bara svara ja eller nej. Nätverket ger en sannolikhet per siffra med "
                      "softmax, så utdatalagret har en nod per klass."}),
            Misconception("input_size_left_out", [32, 10], message={
                "en": "Your list starts with the hidden layer, but it must start with n_0, the number of inputs, "
                      "although the input layer has no parameters.",
                "sv": "Din lista börjar med det dolda lagret, men den ska börja med n_0, antalet indatavärden, fast "
                      "indatalagret inte har några parametrar."}),
            Misconception("hidden_layer_left_out", [64, 10], message={
                "en": "The hidden layer of 32 neurons is missing between the input size and the output size.",
                "sv": "Det dolda lagret med 32 neuroner saknas mellan antalet indatavärden och antalet "
                      "utdatanoder."}),
        ],
    ),
]
