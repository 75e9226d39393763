# %% [markdown] tags=["en"]
# # Exercise 08: softmax and multi-class classification
#
# A network that tells $K$ classes apart (the digits 0–9, say) ends in an output layer with $K$
# nodes. In this exercise you write everything that comes after that layer: **softmax**, which
# turns the $K$ scores into probabilities, the **cross-entropy** loss, its gradient, which starts
# the backward pass, and the **accuracy**. Softmax and the cross-entropy both contain an
# exponential function, and you will make them safe for scores as large as 1000.
#
# Everything you need is explained below. It builds on chapter 02 (softmax as an activation
# function), chapter 04 (cross-entropy) and chapter 07 (backpropagation, the meaning of `dZ`).
#
# There are five questions and 11 points in total.

# %% [markdown] tags=["sv"]
# # Övning 08: softmax och klassificering med flera klasser
#
# Ett nätverk som skiljer mellan $K$ klasser (till exempel siffrorna 0–9) slutar med ett
# utdatalager med $K$ noder. I den här övningen skriver du allt som kommer efter det lagret:
# **softmax**, som gör om de $K$ poängen till sannolikheter, förlustfunktionen **korsentropi**,
# dess gradient, som startar bakåtpasset, och **träffsäkerheten** (accuracy). Både softmax och
# korsentropin innehåller en exponentialfunktion, och du gör dem säkra för poäng så stora som 1000.
#
# Allt du behöver förklaras nedan. Övningen bygger på kapitel 02 (softmax som
# aktiveringsfunktion), kapitel 04 (korsentropi) och kapitel 07 (bakåtpropagering, vad `dZ`
# betyder).
#
# Det finns fem frågor och sammanlagt 11 poäng.

# %% [markdown] tags=["en"]
# ## How the exercises work
#
# Run the first code cell. Then, for every question, replace the two lines `# Your code here` and
# `raise NotImplementedError(...)` with your code, run the cell, and run the check cell under it,
# e.g. `check("q1")`. The check runs the *public tests*; your teacher's grader also runs *hidden
# tests* of the same kind (other shapes, random numbers, extreme scores). Keep the names of the
# functions and variables, return your answers instead of printing them, and run the whole
# notebook from the top before you hand it in (*Kernel → Restart Kernel and Run All Cells…*).

# %% [markdown] tags=["sv"]
# ## Så fungerar övningarna
#
# Kör den första kodcellen. Ersätt sedan, för varje fråga, de två raderna `# Din kod här` och
# `raise NotImplementedError(...)` med din kod, kör cellen och kör kontrollcellen under den, till
# exempel `check("q1")`. Kontrollen kör de *publika testerna*; lärarens rättningsprogram kör
# dessutom *dolda tester* av samma slag (andra former, slumpmässiga tal, extrema poäng). Behåll
# namnen på funktionerna och variablerna, returnera dina svar i stället för att skriva ut dem, och
# kör hela din notebook från början innan du lämnar in (*Kernel → Restart Kernel and Run All
# Cells…*).

# %%
from course import set_language
from course.checker import check_for
set_language("en")
check = check_for("08_softmax")

import numpy as np

# %% [markdown] tags=["en"]
# ## Notation: scores for a batch
#
# The last dense layer computes, as always, $Z = A W^\top + b$ for a batch of $N$ samples. With
# $K$ output nodes, `Z` has the shape `(N, K)`: row $n$ holds the $K$ **scores** (also called
# **logits**) $z_{n1}, \dots, z_{nK}$ of sample $n$, one per class. A large score means "this class
# is likely", but the scores are any real numbers, and they do not add up to anything in
# particular.
#
# The true classes are given as **integer labels**: `y` has the shape `(N,)`, and `y[n]` is the
# class of sample $n$, a number from $0$ to $K - 1$ (numpy counts from 0). The same information
# as a **one-hot encoding** is a matrix $Y$ of shape `(N, K)` with $Y_{nk} = 1$ if $k$ is the class
# of sample $n$ and $0$ otherwise. For example, with $K = 3$, the labels `y = [2, 0]` are
#
# $$Y = \begin{pmatrix} 0 & 0 & 1 \\ 1 & 0 & 0 \end{pmatrix}.$$

# %% [markdown] tags=["sv"]
# ## Notation: poäng för en batch
#
# Det sista fullt kopplade lagret räknar som vanligt ut $Z = A W^\top + b$ för en batch med $N$
# exempel. Med $K$ utdatanoder har `Z` formen `(N, K)`: rad $n$ innehåller de $K$ **poängen**
# (som också kallas **logits**) $z_{n1}, \dots, z_{nK}$ för exempel $n$, en per klass. En hög poäng
# betyder ”den här klassen är trolig”, men poängen kan vara vilka reella tal som helst, och deras
# summa betyder ingenting särskilt.
#
# De rätta klasserna ges som **etiketter i form av heltal**: `y` har formen `(N,)`, och `y[n]` är
# klassen för exempel $n$, ett tal från $0$ till $K - 1$ (numpy räknar från 0). Samma information
# som **one-hot-kodning** är en matris $Y$ med formen `(N, K)` där $Y_{nk} = 1$ om $k$ är klassen
# för exempel $n$ och $0$ annars. Med $K = 3$ blir till exempel etiketterna `y = [2, 0]`
#
# $$Y = \begin{pmatrix} 0 & 0 & 1 \\ 1 & 0 & 0 \end{pmatrix}.$$

# %% [markdown] tags=["en"]
# ## Question 1: a numerically stable softmax (3 points)
#
# **Softmax** turns the scores of one sample into probabilities:
#
# $$p_k = \frac{e^{z_k}}{\sum_{j=1}^{K} e^{z_j}}, \qquad k = 1, \dots, K .$$
#
# Every $p_k$ is positive, they add up to 1, and the largest score gets the largest probability.
# For example, $z = (2.0,\ 1.0,\ 0.1)$ gives $p \approx (0.659,\ 0.242,\ 0.099)$.
#
# **The problem.** A float64 cannot hold numbers above about $1.8 \cdot 10^{308}$, so $e^{z}$
# overflows to `inf` for $z > 709.78$: `np.exp(1000.0)` is `inf`, and $\infty / \infty$ is `nan`.
# For very negative scores, every $e^{z_j}$ underflows to 0, and $0/0$ is `nan` too.
#
# **The fix.** Subtract the largest score $m = \max_j z_j$ of the row before exponentiating:
#
# $$p_k = \frac{e^{z_k}}{\sum_j e^{z_j}} = \frac{e^{-m}\, e^{z_k}}{e^{-m} \sum_j e^{z_j}}
#       = \frac{e^{z_k - m}}{\sum_j e^{z_j - m}} .$$
#
# Mathematically nothing changes, but now every exponent is $\le 0$, so nothing overflows, and the
# largest term of the sum is $e^0 = 1$, so the denominator is at least 1 and never 0. Softmax of
# $(1000,\ 0)$ is then simply $(1,\ 0)$.
#
# Write `softmax(Z)` that returns the probabilities `P`, of the same shape `(N, K)` as `Z`, with
# softmax applied to **each row on its own**: each row needs its own maximum and its own sum.
# `Z.max(axis=1, keepdims=True)` gives the row maxima as a column of shape `(N, 1)`, which numpy
# subtracts from every entry of its row; `.sum(axis=1, keepdims=True)` works the same way.
# (`nnlib.activations.softmax` does this.)

# %% [markdown] tags=["sv"]
# ## Fråga 1: en numeriskt stabil softmax (3 poäng)
#
# **Softmax** gör om poängen för ett exempel till sannolikheter:
#
# $$p_k = \frac{e^{z_k}}{\sum_{j=1}^{K} e^{z_j}}, \qquad k = 1, \dots, K .$$
#
# Varje $p_k$ är positiv, de summerar till 1, och den högsta poängen får den största
# sannolikheten. Till exempel ger $z = (2{,}0;\ 1{,}0;\ 0{,}1)$ att
# $p \approx (0{,}659;\ 0{,}242;\ 0{,}099)$.
#
# **Problemet.** Ett float64-tal kan inte vara större än ungefär $1{,}8 \cdot 10^{308}$, så $e^{z}$
# blir för stort och ersätts med `inf` för $z > 709{,}78$: `np.exp(1000.0)` är `inf`, och
# $\infty / \infty$ är `nan`. För mycket negativa poäng avrundas varje $e^{z_j}$ till 0, och $0/0$ är
# också `nan`.
#
# **Lösningen.** Dra bort radens största poäng $m = \max_j z_j$ innan exponentialfunktionen används:
#
# $$p_k = \frac{e^{z_k}}{\sum_j e^{z_j}} = \frac{e^{-m}\, e^{z_k}}{e^{-m} \sum_j e^{z_j}}
#       = \frac{e^{z_k - m}}{\sum_j e^{z_j - m}} .$$
#
# Matematiskt ändras ingenting, men nu är varje exponent $\le 0$, så inget blir för stort, och
# den största termen i summan är $e^0 = 1$, så nämnaren är minst 1 och aldrig 0. Softmax av
# $(1000;\ 0)$ blir då helt enkelt $(1;\ 0)$.
#
# Skriv `softmax(Z)` som returnerar sannolikheterna `P`, med samma form `(N, K)` som `Z`, där
# softmax används på **varje rad för sig**: varje rad behöver sitt eget maximum och sin egen
# summa. `Z.max(axis=1, keepdims=True)` ger radernas maximum som en kolumn med formen `(N, 1)`,
# som numpy drar bort från varje element i motsvarande rad; `.sum(axis=1, keepdims=True)` fungerar
# på samma sätt. (`nnlib.activations.softmax` gör detta.)

# %% tags=["en"]
def softmax(Z):
    """Softmax of every row of Z, computed without overflow.

    Parameters
    ----------
    Z : numpy array of shape (N, K)
        Scores (logits), one row per sample, one column per class.

    Returns
    -------
    numpy array of shape (N, K)
        P with P[n, k] = exp(Z[n, k]) / sum_j exp(Z[n, j]); every row sums to 1.
    """
    # BEGIN SOLUTION
    shifted = Z - Z.max(axis=1, keepdims=True)
    exponentials = np.exp(shifted)
    return exponentials / exponentials.sum(axis=1, keepdims=True)
    # END SOLUTION

# %% tags=["sv"]
def softmax(Z):
    """Softmax av varje rad i Z, beräknad utan överspill.

    Parametrar
    ----------
    Z : numpy-array med formen (N, K)
        Poäng (logits), en rad per datapunkt och en kolumn per klass.

    Returnerar
    ----------
    numpy-array med formen (N, K)
        P med P[n, k] = exp(Z[n, k]) / sum_j exp(Z[n, j]); varje rad har summan 1.
    """
    # BEGIN SOLUTION
    shifted = Z - Z.max(axis=1, keepdims=True)
    exponentials = np.exp(shifted)
    return exponentials / exponentials.sum(axis=1, keepdims=True)
    # END SOLUTION

# %% tags=["check"]
check("q1")

# %% [markdown] tags=["en"]
# ## Question 2: the cross-entropy, computed from the scores (3 points)
#
# The **cross-entropy** of one sample with the true class $c$ is minus the logarithm of the
# probability the model gives the true class (chapter 04):
#
# $$L_n = -\ln p_{n c_n}, \qquad L = \frac{1}{N} \sum_{n=1}^{N} L_n ,$$
#
# and the loss $L$ of the batch is the mean over the samples. A sure and right prediction
# ($p_{nc} \to 1$) costs almost nothing, a sure and wrong one ($p_{nc} \to 0$) costs a lot. For
# $z = (2.0,\ 1.0,\ 0.1)$ with the true class 0, $L = -\ln 0.659 \approx 0.417$.
#
# **The problem.** Even a stable softmax rounds a tiny probability to exactly 0: for the scores
# $(1000,\ 0)$ and the true class 1, $p_1 = e^{-1000}$ becomes `0.0`, and $-\ln 0 = \infty$. The true
# loss is 1000, a large but ordinary number.
#
# **The fix.** Take the logarithm *before* anything can round to 0. With the row maximum $m$ as
# in question 1,
#
# $$\ln p_k = \ln \frac{e^{z_k - m}}{\sum_j e^{z_j - m}} = (z_k - m) - \ln \sum_{j} e^{z_j - m} ,$$
#
# where the sum is at least 1, so its logarithm is finite. This is called **log-softmax** (and the
# trick the *log-sum-exp trick*). For $(1000,\ 0)$ and class 1: $(0 - 1000) - \ln(1 + e^{-1000}) = -1000$,
# so the loss is 1000, as it should be.
#
# Write `cross_entropy(Z, y)` that returns the mean cross-entropy $L$ of the batch as a float, from
# the scores `Z` of shape `(N, K)` and the integer labels `y` of shape `(N,)`. Compute the
# log-softmax of every row and pick the entry of the true class in each row: `A[np.arange(N), y]`
# picks `A[0, y[0]], A[1, y[1]], …` (`nnlib.losses.CrossEntropy` computes the same).

# %% [markdown] tags=["sv"]
# ## Fråga 2: korsentropin, beräknad från poängen (3 poäng)
#
# **Korsentropin** för ett exempel med den rätta klassen $c$ är minus logaritmen av den
# sannolikhet som modellen ger den rätta klassen (kapitel 04):
#
# $$L_n = -\ln p_{n c_n}, \qquad L = \frac{1}{N} \sum_{n=1}^{N} L_n ,$$
#
# och förlusten $L$ för batchen är medelvärdet över exemplen. En säker och korrekt prediktion
# ($p_{nc} \to 1$) kostar nästan ingenting, en säker men felaktig ($p_{nc} \to 0$) kostar mycket. För
# $z = (2{,}0;\ 1{,}0;\ 0{,}1)$ med den rätta klassen 0 är $L = -\ln 0{,}659 \approx 0{,}417$.
#
# **Problemet.** Även en stabil softmax avrundar en mycket liten sannolikhet till exakt 0: för
# poängen $(1000;\ 0)$ och den rätta klassen 1 blir $p_1 = e^{-1000}$ lika med `0.0`, och
# $-\ln 0 = \infty$. Den sanna förlusten är 1000, ett stort men helt vanligt tal.
#
# **Lösningen.** Ta logaritmen *innan* något kan avrundas till 0. Med radens maximum $m$ som i
# fråga 1 är
#
# $$\ln p_k = \ln \frac{e^{z_k - m}}{\sum_j e^{z_j - m}} = (z_k - m) - \ln \sum_{j} e^{z_j - m} ,$$
#
# där summan är minst 1, så att dess logaritm är ändlig. Detta kallas **log-softmax** (och knepet
# kallas *log-sum-exp-knepet*). För $(1000;\ 0)$ och klass 1 blir det
# $(0 - 1000) - \ln(1 + e^{-1000}) = -1000$, så förlusten är 1000, precis som den ska vara.
#
# Skriv `cross_entropy(Z, y)` som returnerar batchens genomsnittliga korsentropi $L$ som ett
# flyttal, från poängen `Z` med formen `(N, K)` och heltalsetiketterna `y` med formen `(N,)`.
# Räkna ut log-softmax för varje rad och välj elementet för den rätta klassen på varje rad:
# `A[np.arange(N), y]` väljer `A[0, y[0]], A[1, y[1]], …` (`nnlib.losses.CrossEntropy` räknar ut
# samma sak).

# %% tags=["en"]
def cross_entropy(Z, y):
    """Mean cross-entropy of softmax(Z) against the integer labels y, via log-softmax.

    Parameters
    ----------
    Z : numpy array of shape (N, K)
        Scores (logits).
    y : numpy array of int, shape (N,)
        The true class of every sample, from 0 to K - 1.

    Returns
    -------
    float
        L = -(1/N) sum_n ln softmax(Z)[n, y[n]].
    """
    # BEGIN SOLUTION
    shifted = Z - Z.max(axis=1, keepdims=True)
    log_sums = np.log(np.exp(shifted).sum(axis=1))
    return float(np.mean(log_sums - shifted[np.arange(len(y)), y]))
    # END SOLUTION

# %% tags=["sv"]
def cross_entropy(Z, y):
    """Medelvärdet av korsentropin för softmax(Z) mot heltalsetiketterna y, via log-softmax.

    Parametrar
    ----------
    Z : numpy-array med formen (N, K)
        Poäng (logits).
    y : numpy-array med heltal, formen (N,)
        Den rätta klassen för varje datapunkt, från 0 till K - 1.

    Returnerar
    ----------
    float
        L = -(1/N) sum_n ln softmax(Z)[n, y[n]].
    """
    # BEGIN SOLUTION
    shifted = Z - Z.max(axis=1, keepdims=True)
    log_sums = np.log(np.exp(shifted).sum(axis=1))
    return float(np.mean(log_sums - shifted[np.arange(len(y)), y]))
    # END SOLUTION

# %% tags=["check"]
check("q2")

# %% [markdown] tags=["en"]
# ## Question 3: the gradient of the cross-entropy, $P - Y$ (2 points)
#
# The backward pass of the network starts with `dZ` $= \partial L / \partial Z$, of shape `(N, K)`.
# For softmax followed by the cross-entropy it is remarkably simple. For one sample with true
# class $c$, the log-softmax of question 2 gives $L_n = -z_c + \ln \sum_j e^{z_j}$, so
#
# $$\frac{\partial L_n}{\partial z_k} = -[k = c] + \frac{e^{z_k}}{\sum_j e^{z_j}} = p_k - y_k ,$$
#
# where $[k = c]$ is 1 if $k = c$ and 0 otherwise, which is exactly the one-hot $y_k$. Since $L$ is
# the *mean* over the $N$ samples, every row is divided by $N$:
#
# $$dZ = \frac{P - Y}{N}, \qquad P = \operatorname{softmax}(Z),\quad Y = \text{one-hot}(y).$$
#
# The gradient pushes the score of the true class up (its entry is negative) and all the others
# down, each in proportion to the probability it wrongly received. For one sample with
# $z = (2.0,\ 1.0,\ 0.1)$ and true class 0, $dZ \approx (-0.341,\ 0.242,\ 0.099)$.
#
# Write `cross_entropy_gradient(Z, y)` that returns `dZ` of shape `(N, K)`. Your `softmax` from
# question 1 helps; to subtract the one-hot $Y$ you can either build it
# (`np.eye(K)[y]` is one-hot) or subtract 1 at the entries `[np.arange(N), y]` of a copy of `P`.
# (This is `nnlib.losses.CrossEntropy.backward`; the gradient check of chapter 06,
# `nnlib.gradcheck.numerical_gradient(lambda Z: cross_entropy(Z, y), Z.copy())`, gives the same
# numbers.)

# %% [markdown] tags=["sv"]
# ## Fråga 3: korsentropins gradient, $P - Y$ (2 poäng)
#
# Nätverkets bakåtpass börjar med `dZ` $= \partial L / \partial Z$, med formen `(N, K)`. För
# softmax följd av korsentropi är den anmärkningsvärt enkel. För ett exempel med den rätta klassen
# $c$ ger log-softmax från fråga 2 att $L_n = -z_c + \ln \sum_j e^{z_j}$, så
#
# $$\frac{\partial L_n}{\partial z_k} = -[k = c] + \frac{e^{z_k}}{\sum_j e^{z_j}} = p_k - y_k ,$$
#
# där $[k = c]$ är 1 om $k = c$ och 0 annars, vilket är precis den one-hot-kodade $y_k$. Eftersom
# $L$ är *medelvärdet* över de $N$ exemplen delas varje rad med $N$:
#
# $$dZ = \frac{P - Y}{N}, \qquad P = \operatorname{softmax}(Z),\quad Y = \text{one-hot}(y).$$
#
# Gradienten trycker upp poängen för den rätta klassen (dess element är negativt) och trycker ned
# alla andra, var och en i proportion till den sannolikhet som den felaktigt fick. För ett exempel
# med $z = (2{,}0;\ 1{,}0;\ 0{,}1)$ och den rätta klassen 0 är
# $dZ \approx (-0{,}341;\ 0{,}242;\ 0{,}099)$.
#
# Skriv `cross_entropy_gradient(Z, y)` som returnerar `dZ` med formen `(N, K)`. Din `softmax` från
# fråga 1 hjälper till; för att dra bort den one-hot-kodade $Y$ kan du antingen bygga den
# (`np.eye(K)[y]` är one-hot-kodad) eller dra bort 1 från elementen `[np.arange(N), y]` i en kopia
# av `P`. (Detta är `nnlib.losses.CrossEntropy.backward`; gradientkontrollen från kapitel 06,
# `nnlib.gradcheck.numerical_gradient(lambda Z: cross_entropy(Z, y), Z.copy())`, ger samma tal.)

# %% tags=["en"]
def cross_entropy_gradient(Z, y):
    """dL/dZ of the mean cross-entropy of softmax(Z) against the integer labels y.

    Parameters
    ----------
    Z : numpy array of shape (N, K)
        Scores (logits).
    y : numpy array of int, shape (N,)
        The true class of every sample, from 0 to K - 1.

    Returns
    -------
    numpy array of shape (N, K)
        dZ = (softmax(Z) - one_hot(y)) / N.
    """
    # BEGIN SOLUTION
    N, K = Z.shape
    return (softmax(Z) - np.eye(K)[y]) / N
    # END SOLUTION

# %% tags=["sv"]
def cross_entropy_gradient(Z, y):
    """dL/dZ för medelvärdet av korsentropin för softmax(Z) mot heltalsetiketterna y.

    Parametrar
    ----------
    Z : numpy-array med formen (N, K)
        Poäng (logits).
    y : numpy-array med heltal, formen (N,)
        Den rätta klassen för varje datapunkt, från 0 till K - 1.

    Returnerar
    ----------
    numpy-array med formen (N, K)
        dZ = (softmax(Z) - one_hot(y)) / N.
    """
    # BEGIN SOLUTION
    N, K = Z.shape
    return (softmax(Z) - np.eye(K)[y]) / N
    # END SOLUTION

# %% tags=["check"]
check("q3")

# %% [markdown] tags=["en"]
# ## Question 4: accuracy (2 points)
#
# To **predict** a class, take the most likely one: the class with the largest probability. Since
# softmax keeps the order of the scores (a larger $z_k$ always gives a larger $p_k$), this is also
# the class with the largest score, so no softmax is needed: $\hat y_n = \arg\max_k z_{nk}$.
# The **accuracy** is the fraction of the samples whose predicted class is the true one:
#
# $$\text{accuracy} = \frac{1}{N} \sum_{n=1}^{N} [\hat y_n = y_n] .$$
#
# For example, the scores $\begin{pmatrix} 2 & 1 & 0.1 \\ 0.5 & 2.5 & 1 \\ 3 & 0 & 4 \end{pmatrix}$
# predict the classes $(0,\ 1,\ 2)$; with the true labels $y = (0,\ 2,\ 2)$ two of three are right,
# so the accuracy is $2/3$.
#
# Write `accuracy(Z, y)` that returns the accuracy as a float between 0 and 1. `np.argmax(Z, axis=1)`
# gives the index of the largest entry of every row, and the mean of an array of booleans is the
# fraction of `True`. (`nnlib.metrics.accuracy` does the same.)

# %% [markdown] tags=["sv"]
# ## Fråga 4: träffsäkerhet (2 poäng)
#
# För att **prediktera** en klass tar vi den mest troliga: klassen med den största sannolikheten.
# Eftersom softmax behåller poängens ordning (ett större $z_k$ ger alltid ett större $p_k$) är det
# också klassen med den högsta poängen, så ingen softmax behövs: $\hat y_n = \arg\max_k z_{nk}$.
# **Träffsäkerheten** (accuracy) är andelen exempel vars predikterade klass är den rätta:
#
# $$\text{träffsäkerhet} = \frac{1}{N} \sum_{n=1}^{N} [\hat y_n = y_n] .$$
#
# Till exempel predikterar poängen $\begin{pmatrix} 2 & 1 & 0{,}1 \\ 0{,}5 & 2{,}5 & 1 \\ 3 & 0 & 4 \end{pmatrix}$
# klasserna $(0;\ 1;\ 2)$; med de rätta etiketterna $y = (0;\ 2;\ 2)$ är två av tre rätt, så
# träffsäkerheten är $2/3$.
#
# Skriv `accuracy(Z, y)` som returnerar träffsäkerheten som ett flyttal mellan 0 och 1.
# `np.argmax(Z, axis=1)` ger index för det största elementet på varje rad, och medelvärdet av en
# array med sanningsvärden är andelen `True`. (`nnlib.metrics.accuracy` gör samma sak.)

# %% tags=["en"]
def accuracy(Z, y):
    """The fraction of samples whose highest score is at the true class.

    Parameters
    ----------
    Z : numpy array of shape (N, K)
        Scores (logits) or probabilities.
    y : numpy array of int, shape (N,)
        The true class of every sample, from 0 to K - 1.

    Returns
    -------
    float
        A number between 0 and 1.
    """
    # BEGIN SOLUTION
    return float(np.mean(np.argmax(Z, axis=1) == y))
    # END SOLUTION

# %% tags=["sv"]
def accuracy(Z, y):
    """Andelen datapunkter vars högsta poäng hör till den rätta klassen.

    Parametrar
    ----------
    Z : numpy-array med formen (N, K)
        Poäng (logits) eller sannolikheter.
    y : numpy-array med heltal, formen (N,)
        Den rätta klassen för varje datapunkt, från 0 till K - 1.

    Returnerar
    ----------
    float
        Ett tal mellan 0 och 1.
    """
    # BEGIN SOLUTION
    return float(np.mean(np.argmax(Z, axis=1) == y))
    # END SOLUTION

# %% tags=["check"]
check("q4")

# %% [markdown] tags=["en"]
# ## Question 5: one class, or several labels at once? (1 point)
#
# Softmax makes the classes **compete**: the probabilities add up to 1, so a higher probability for
# one class means lower ones for the others. That is right when every sample belongs to **exactly
# one** class (*multi-class classification*). When a sample can have **any number** of labels at
# the same time (*multi-label classification*), each label is a separate yes-or-no question: the
# output layer then has one node per label, each with its own **sigmoid** (chapter 02) and its own
# binary cross-entropy (chapter 04), and the outputs do not need to add up to 1.
#
# For each of the three tasks below, choose the output activation, `"softmax"` or `"sigmoid"`, and
# set `output_activation` to a dict with the keys `"digit"`, `"tags"` and `"weather"`:
#
# - `"digit"`: which digit, 0–9, is written in an 8×8 image of one handwritten digit?
# - `"tags"`: which of the labels *beach*, *people*, *sunset* and *dog* fit a holiday photo? A photo
#   can have none, some or all of them.
# - `"weather"`: will tomorrow's weather at noon be *sunny*, *cloudy* or *rainy*, counting each
#   noon as exactly one of the three?

# %% [markdown] tags=["sv"]
# ## Fråga 5: en klass, eller flera etiketter på en gång? (1 poäng)
#
# Softmax låter klasserna **tävla**: sannolikheterna summerar till 1, så en högre sannolikhet för
# en klass betyder lägre för de andra. Det är rätt när varje exempel tillhör **exakt en** klass
# (*klassificering med flera klasser*). När ett exempel kan ha **hur många** etiketter som helst
# på en gång (*klassificering med flera etiketter*) är varje etikett en egen ja-eller-nej-fråga:
# utdatalagret har då en nod per etikett, var och en med sin egen **sigmoid** (kapitel 02) och sin
# egen binära korsentropi (kapitel 04), och utdata behöver inte summera till 1.
#
# Välj för var och en av de tre uppgifterna nedan aktiveringsfunktionen i utdatalagret,
# `"softmax"` eller `"sigmoid"`, och sätt `output_activation` till en dict med nycklarna `"digit"`,
# `"tags"` och `"weather"`:
#
# - `"digit"`: vilken siffra, 0–9, är skriven i en bild med 8×8 pixlar av en handskriven siffra?
# - `"tags"`: vilka av etiketterna *strand*, *människor*, *solnedgång* och *hund* passar in på ett
#   semesterfoto? Ett foto kan ha ingen, några eller alla av dem.
# - `"weather"`: blir vädret i morgon vid lunch *soligt*, *molnigt* eller *regnigt*, där varje
#   lunchtid räknas som exakt ett av de tre?

# %%
# BEGIN SOLUTION
output_activation = {"digit": "softmax", "tags": "sigmoid", "weather": "softmax"}
# END SOLUTION

# %% tags=["check"]
check("q5")

# %% [markdown] tags=["en"]
# ## Done?
#
# When all five checks show ✔, restart the kernel and run all cells once more (*Kernel → Restart
# Kernel and Run All Cells…*), then save the notebook and hand it in the way your teacher asks.
#
# If you want to go further: with your functions, the last layer of a classifier is complete.
# `cross_entropy_gradient(Z, y)` is the `dZ` that starts the backward pass of chapter 07, for
# example `dense_backward(cross_entropy_gradient(Z, y), A, W)` from exercise 07 for an output layer
# with input `A`. Try also `softmax(Z / T)` for a *temperature* $T$: what happens to the
# probabilities for $T = 0.1$ and for $T = 10$?
# Next: [exercise 09, optimisers](09_optimizers.ipynb).

# %% [markdown] tags=["sv"]
# ## Klar?
#
# När alla fem kontrollerna visar ✔ startar du om kärnan och kör alla celler en gång till
# (*Kernel → Restart Kernel and Run All Cells…*). Spara sedan din notebook och lämna in den på
# det sätt som din lärare har bestämt.
#
# Om du vill gå vidare: med dina funktioner är det sista lagret i en klassificerare komplett.
# `cross_entropy_gradient(Z, y)` är den `dZ` som startar bakåtpasset i kapitel 07, till exempel
# `dense_backward(cross_entropy_gradient(Z, y), A, W)` från övning 07 för ett utdatalager med
# indata `A`. Prova också `softmax(Z / T)` för en *temperatur* $T$: vad händer med sannolikheterna
# för $T = 0{,}1$ och för $T = 10$?
# Nästa steg: [övning 09, optimerare](09_optimizers.ipynb).

# %% tags=["hidden"]
# The grading specification: never in the student notebooks. Expected values come from the
# solutions above, run on the same inputs.
from course.exercise import Misconception, Question, case, random_cases


def _scores(rng):
    n, k = int(rng.integers(1, 7)), int(rng.integers(2, 11))
    return rng.normal(scale=3.0, size=(n, k))


def _scores_and_labels(rng):
    Z = _scores(rng)
    return Z, rng.integers(0, Z.shape[1], size=Z.shape[0])


def _choices(expected, received):
    if not isinstance(received, dict):
        return False, {"en": f"Expected a dict, like {{'digit': ..., 'tags': ..., 'weather': ...}}, but received "
                             f"{type(received).__name__}.",
                       "sv": f"väntat: en dict som {{'digit': ..., 'tags': ..., 'weather': ...}}; ditt svar: "
                             f"{type(received).__name__}."}
    if set(received) != set(expected):
        return False, {"en": f"Expected the keys 'digit', 'tags' and 'weather', but received {sorted(map(str, received))}.",
                       "sv": f"väntat: nycklarna 'digit', 'tags' och 'weather'; ditt svar: {sorted(map(str, received))}."}
    answers = {key: str(value).strip().strip("'\"").lower() for key, value in received.items()}
    unknown = sorted(key for key, value in answers.items() if value not in ("softmax", "sigmoid"))
    if unknown:
        return False, {"en": f"Every value must be \"softmax\" or \"sigmoid\"; check {', '.join(unknown)}.",
                       "sv": f"Varje värde ska vara \"softmax\" eller \"sigmoid\"; kontrollera {', '.join(unknown)}."}
    if answers != expected:
        return False, {"en": "At least one of the three choices is not right.",
                       "sv": "Minst ett av de tre valen är inte rätt."}
    return True, None


# Common wrong answers (each is handed in as a student would in the exercise tests).
def softmax_without_shift(Z):
    exponentials = np.exp(Z)
    return exponentials / exponentials.sum(axis=1, keepdims=True)


def softmax_global_max(Z):
    exponentials = np.exp(Z - Z.max())
    return exponentials / exponentials.sum(axis=1, keepdims=True)


def softmax_over_columns(Z):
    exponentials = np.exp(Z - Z.max(axis=0, keepdims=True))
    return exponentials / exponentials.sum(axis=0, keepdims=True)


def softmax_without_keepdims(Z):
    exponentials = np.exp(Z - Z.max(axis=1))
    return exponentials / exponentials.sum(axis=1)


def softmax_rows_by_loop(Z):
    P = np.empty(Z.shape)
    for n in range(Z.shape[0]):
        row = np.exp(Z[n] - max(Z[n]))
        P[n] = row / sum(row)
    return P


def softmax_float32(Z):
    shifted = (Z - Z.max(axis=1, keepdims=True)).astype(np.float32)
    return np.exp(shifted) / np.exp(shifted).sum(axis=1, keepdims=True)


def cross_entropy_log_of_softmax(Z, y):
    return float(-np.mean(np.log(softmax(Z)[np.arange(len(y)), y])))


def cross_entropy_clipped(Z, y):
    return float(-np.mean(np.log(np.clip(softmax(Z)[np.arange(len(y)), y], 1e-12, 1.0))))


def cross_entropy_without_shift(Z, y):
    log_sums = np.log(np.exp(Z).sum(axis=1))
    return float(np.mean(log_sums - Z[np.arange(len(y)), y]))


def cross_entropy_summed(Z, y):
    shifted = Z - Z.max(axis=1, keepdims=True)
    log_sums = np.log(np.exp(shifted).sum(axis=1))
    return float(np.sum(log_sums - shifted[np.arange(len(y)), y]))


def cross_entropy_mean_over_all_entries(Z, y):
    shifted = Z - Z.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return float(np.mean(-np.eye(Z.shape[1])[y] * log_p))


def cross_entropy_by_logaddexp(Z, y):
    return float(np.mean(np.logaddexp.reduce(Z, axis=1) - Z[np.arange(len(y)), y]))


def cross_entropy_by_loop(Z, y):
    total = 0.0
    for n in range(len(y)):
        m = max(Z[n])
        total += m + np.log(sum(np.exp(Z[n] - m))) - Z[n][y[n]]
    return total / len(y)


def gradient_not_divided(Z, y):
    return softmax(Z) - np.eye(Z.shape[1])[y]


def gradient_divided_by_size(Z, y):
    return (softmax(Z) - np.eye(Z.shape[1])[y]) / Z.size


def gradient_sign_flipped(Z, y):
    return (np.eye(Z.shape[1])[y] - softmax(Z)) / len(y)


def gradient_columns_indexed(Z, y):
    dZ = softmax(Z)
    dZ[:, y] -= 1
    return dZ / len(y)


def gradient_without_shift(Z, y):
    exponentials = np.exp(Z)
    P = exponentials / exponentials.sum(axis=1, keepdims=True)
    return (P - np.eye(Z.shape[1])[y]) / len(y)


def gradient_by_loop(Z, y):
    dZ = softmax(Z).tolist()
    for n, label in enumerate(y):
        dZ[n][label] -= 1.0
    return (np.array(dZ) / len(y)).astype(np.float32)


def accuracy_flat_argmax(Z, y):
    return float(np.mean(np.argmax(Z) == y))


def accuracy_count(Z, y):
    return int(np.sum(np.argmax(Z, axis=1) == y))


def accuracy_over_columns(Z, y):
    return float(np.mean(np.argmax(Z, axis=0)[:len(y)] == y))


def accuracy_probability_above_half(Z, y):
    return float(np.mean(softmax(Z)[np.arange(len(y)), y] > 0.5))


def accuracy_by_loop(Z, y):
    right = 0
    for row, label in zip(Z.tolist(), y.tolist()):
        if row.index(max(row)) == label:
            right += 1
    return right / len(y)


QUESTIONS = [
    Question(
        "q1", function="softmax", points=3, float_errors=True,
        hint={
            "en": "Subtract the maximum of each row (Z.max(axis=1, keepdims=True)) before np.exp, then divide by the "
                  "sum of each row (keepdims=True again). Every row of your answer must add up to 1, also for scores "
                  "like 1000 or -1000, and each row needs its own maximum.",
            "sv": "Dra bort varje rads maximum (Z.max(axis=1, keepdims=True)) före np.exp och dela sedan med varje "
                  "rads summa (keepdims=True igen). Varje rad i ditt svar ska summera till 1, även för poäng som 1000 "
                  "eller -1000, och varje rad behöver sitt eget maximum.",
        },
        public=[
            case(np.array([[2.0, 1.0, 0.1]])),
            case(np.array([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]])),
            case(np.array([[1000.0, 0.0]])),
        ],
        hidden=[
            case(np.array([[1000.0, 1000.0]])).weighted(2),
            case(np.array([[-1000.0, -1000.0, -1000.0]])).weighted(2),
            case(np.array([[1000.0, -1000.0], [0.0, 0.0]])).weighted(2),
            case(np.array([[0.0, 0.0, 0.0, 0.0], [1001.0, 1000.0, 999.0, 998.0]])).weighted(2),
            case(np.array([[1000.0, 999.0, 998.0], [0.0, -1.0, -2.0]])).weighted(2),
            case(np.array([[5.0]])),
            *random_cases(_scores, 5, seed=81),
        ],
        misconceptions=[
            Misconception("no_max_shift", softmax_without_shift, costs=0.5, message={
                "en": "np.exp of a raw score overflows for scores like 1000 (inf / inf is nan), and for scores like "
                      "-1000 every term rounds to 0 (0 / 0). Subtract the row's largest score before np.exp: the "
                      "probabilities stay the same.",
                "sv": "np.exp av en obehandlad poäng ger överspill för poäng som 1000 (inf / inf är nan), och för "
                      "poäng som -1000 avrundas varje term till 0 (0 / 0). Dra bort radens största poäng före np.exp: "
                      "sannolikheterna blir desamma."}),
            Misconception("global_max", softmax_global_max, costs=0.25, message={
                "en": "You subtract the largest score of the whole array, so a row whose scores all lie far below it "
                      "still rounds to 0 / 0. Each row needs its own maximum: Z.max(axis=1, keepdims=True).",
                "sv": "Du drar bort den största poängen i hela arrayen, så en rad vars poäng alla ligger långt under "
                      "den avrundas ändå till 0 / 0. Varje rad behöver sitt eget maximum: Z.max(axis=1, keepdims=True)."}),
            Misconception("over_columns", softmax_over_columns, costs=0.5, message={
                "en": "Your probabilities add up to 1 down each column, not along each row. A row is one sample: "
                      "take the maximum and the sum with axis=1.",
                "sv": "Dina sannolikheter summerar till 1 i varje kolumn, inte längs varje rad. En rad är ett "
                      "exempel: ta maximum och summa med axis=1."}),
            Misconception("no_keepdims", softmax_without_keepdims, costs=0.5, message={
                "en": "Without keepdims=True, the row maxima and row sums have the shape (N,), and numpy lines them "
                      "up with the columns, not the rows: the result is wrong, or an error when N differs from K.",
                "sv": "Utan keepdims=True får radernas maximum och summor formen (N,), och numpy matchar dem mot "
                      "kolumnerna, inte raderna: resultatet blir fel, eller ett fel när N skiljer sig från K."}),
        ],
        alternatives=[softmax_rows_by_loop, softmax_float32],
    ),
    Question(
        "q2", function="cross_entropy", points=3, float_errors=True,
        hint={
            "en": "Stay with logarithms the whole way: subtract each row's largest score; the logarithm of a "
                  "probability is then the shifted score minus the logarithm of the row's sum of exponentials. Pick "
                  "the true class in every row, change the sign and average over the samples. np.log of a softmax "
                  "gives inf as soon as a probability rounds to 0, as for the scores (1000, 0) and class 1.",
            "sv": "Håll dig till logaritmer hela vägen: dra bort varje rads största poäng; logaritmen av en "
                  "sannolikhet är då den förskjutna poängen minus logaritmen av radens summa av exponentialer. Välj "
                  "den rätta klassen på varje rad, byt tecken och ta medelvärdet över exemplen. np.log av en softmax "
                  "ger inf så fort en sannolikhet avrundas till 0, som för poängen (1000; 0) och klass 1.",
        },
        public=[
            case(np.array([[2.0, 1.0, 0.1]]), np.array([0])),
            case(np.array([[2.0, 1.0, 0.1], [0.5, 2.5, 1.0]]), np.array([1, 2])),
            case(np.array([[1000.0, 0.0]]), np.array([1])).weighted(3),
            case(np.array([[1000.0, 0.0]]), np.array([0])),
        ],
        hidden=[
            case(np.array([[-1000.0, 1000.0, 0.0], [0.0, 0.0, 0.0]]), np.array([0, 2])).weighted(3),
            case(np.array([[0.0, 800.0, -40.0], [3.0, -1.0, 2.0]]), np.array([0, 2])).weighted(3),
            case(np.array([[800.0, -10.0], [-750.0, 10.0]]), np.array([1, 0])).weighted(3),
            case(np.array([[0.0, 0.0, 0.0, 0.0]]), np.array([3])),
            case(np.array([[3.0, -1.0], [3.0, -1.0], [3.0, -1.0]]), np.array([0, 0, 1])),
            *random_cases(_scores_and_labels, 5, seed=82),
        ],
        misconceptions=[
            Misconception("log_of_softmax", cross_entropy_log_of_softmax, costs=0.5, message={
                "en": "You take np.log of a softmax probability, which is exactly 0 when it is smaller than about "
                      "1e-308, and ln 0 is -inf. Compute the logarithm of the probability from the shifted scores "
                      "(log-softmax), so that nothing is rounded to 0 before the logarithm.",
                "sv": "Du tar np.log av en sannolikhet från softmax, som blir exakt 0 när den är mindre än ungefär "
                      "1e-308, och ln 0 är −inf. Räkna ut sannolikhetens logaritm direkt från de förskjutna poängen "
                      "(log-softmax), så att inget avrundas till 0 före logaritmen."}),
            Misconception("clipped_probability", cross_entropy_clipped, costs=0.5, message={
                "en": "Clipping the probability (or adding a small eps) before np.log avoids inf, but it caps the "
                      "loss of a sure and wrong prediction near 28 when the true loss is 1000. Compute the logarithm "
                      "from the shifted scores (log-softmax) instead: then no clipping is needed.",
                "sv": "Att klippa sannolikheten (eller lägga till ett litet eps) före np.log undviker inf, men då blir "
                      "förlusten för en säker och felaktig prediktion högst ungefär 28 när den sanna förlusten är "
                      "1000. Räkna i stället ut logaritmen från de förskjutna poängen (log-softmax): då behövs "
                      "ingen klippning."}),
            Misconception("no_max_shift", cross_entropy_without_shift, costs=0.5, message={
                "en": "np.exp of a raw score overflows for scores like 1000, so the sum of exponentials is inf. "
                      "Subtract each row's largest score before np.exp and add it back after the logarithm, as in "
                      "question 1.",
                "sv": "np.exp av en obehandlad poäng ger överspill för poäng som 1000, så summan av exponentialerna "
                      "blir inf. Dra bort varje rads största poäng före np.exp och lägg tillbaka den efter "
                      "logaritmen, som i fråga 1."}),
            Misconception("sum_not_mean", cross_entropy_summed, costs=0.5, message={
                "en": "You add up the losses of the samples; L is their mean. Divide by the number of samples N, "
                      "so that the loss does not grow with the size of the batch.",
                "sv": "Du summerar förlusterna för exemplen; L är deras medelvärde. Dela med antalet exempel N, så "
                      "att förlusten inte växer med batchens storlek."}),
            Misconception("mean_over_all_entries", cross_entropy_mean_over_all_entries, costs=0.5, message={
                "en": "You average over all N × K entries of the one-hot matrix times the log-probabilities, so the "
                      "loss comes out K times too small. Only the true class of each sample counts: average over "
                      "the N samples.",
                "sv": "Du tar medelvärdet över alla N × K element av den one-hot-kodade matrisen gånger "
                      "logaritmerna av sannolikheterna, så förlusten blir K gånger för liten. Bara den rätta klassen "
                      "för varje exempel räknas: ta medelvärdet över de N exemplen."}),
        ],
        alternatives=[cross_entropy_by_logaddexp, cross_entropy_by_loop],
    ),
    Question(
        "q3", function="cross_entropy_gradient", points=2,
        hint={
            "en": "Start from the probabilities of your stable softmax and subtract 1 at the true class of every "
                  "row (row n, column y[n]), nowhere else. Then divide by the number of samples N, not by K or "
                  "N * K. Scores like 1000 must still give finite numbers.",
            "sv": "Börja med sannolikheterna från din stabila softmax och dra bort 1 vid den rätta klassen på varje "
                  "rad (rad n, kolumn y[n]), ingen annanstans. Dela sedan med antalet exempel N, inte med K eller "
                  "N * K. Poäng som 1000 ska fortfarande ge ändliga tal.",
        },
        public=[
            case(np.array([[2.0, 1.0, 0.1]]), np.array([0])),
            case(np.array([[2.0, 1.0, 0.1], [0.5, 2.5, 1.0]]), np.array([1, 2])),
            case(np.array([[1000.0, 0.0]]), np.array([1])).weighted(2),
        ],
        hidden=[
            case(np.array([[1000.0, -1000.0, 0.0], [0.0, 0.0, 0.0]]), np.array([0, 1])).weighted(2),
            case(np.array([[800.0, 790.0], [-750.0, -760.0]]), np.array([0, 1])).weighted(2),
            case(np.array([[0.0, 0.0, 0.0, 0.0]]), np.array([3])),
            case(np.array([[3.0, -1.0], [3.0, -1.0], [3.0, -1.0], [0.0, 1.0]]), np.array([0, 0, 1, 1])),
            *random_cases(_scores_and_labels, 5, seed=83),
        ],
        misconceptions=[
            Misconception("not_divided_by_n", gradient_not_divided, costs=0.5, message={
                "en": "Your gradient is N times too large: L is the mean over the N samples, so every row of P - Y "
                      "is divided by N.",
                "sv": "Din gradient är N gånger för stor: L är medelvärdet över de N exemplen, så varje rad i "
                      "P − Y delas med N."}),
            Misconception("divided_by_size", gradient_divided_by_size, costs=0.5, message={
                "en": "You divide by N · K, the number of entries. The mean in L runs over the N samples only, so "
                      "divide by N, the number of rows.",
                "sv": "Du delar med N · K, antalet element. Medelvärdet i L tas bara över de N exemplen, så dela "
                      "med N, antalet rader."}),
            Misconception("sign_flipped", gradient_sign_flipped, costs=0.5, message={
                "en": "Your gradient has the wrong sign: it computes Y - P. dL/dz is p minus the one-hot entry, so "
                      "the true class gets a negative entry and the other classes positive ones.",
                "sv": "Din gradient har fel tecken: den räknar ut Y − P. dL/dz är p minus det one-hot-kodade "
                      "elementet, så den rätta klassen får ett negativt element och de andra klasserna positiva."}),
            Misconception("whole_columns", gradient_columns_indexed, costs=0.5, message={
                "en": "Indexing with [:, y] selects whole columns, so 1 is subtracted in every row at every label "
                      "of the batch. Subtract 1 only at one entry per row: row n, column y[n].",
                "sv": "Indexering med [:, y] väljer hela kolumner, så 1 dras bort på varje rad vid varje etikett i "
                      "batchen. Dra bara bort 1 vid ett element per rad: rad n, kolumn y[n]."}),
            Misconception("no_max_shift", gradient_without_shift, costs=0.25, message={
                "en": "Your softmax overflows for scores like 1000 and gives nan. Use the stable softmax of "
                      "question 1, which subtracts each row's largest score first.",
                "sv": "Din softmax ger överspill för poäng som 1000 och ger nan. Använd den stabila softmax från "
                      "fråga 1, som först drar bort varje rads största poäng."}),
        ],
        alternatives=[gradient_by_loop],
    ),
    Question(
        "q4", function="accuracy", points=2,
        hint={
            "en": "Predict one class per sample: the position of the largest score in its row, not in the whole "
                  "array or in a column. Compare the predictions with y and return the fraction that is right, "
                  "as a float between 0 and 1.",
            "sv": "Prediktera en klass per exempel: positionen för den högsta poängen på dess rad, inte i hela "
                  "arrayen eller i en kolumn. Jämför prediktionerna med y och returnera andelen som är rätt, som "
                  "ett flyttal mellan 0 och 1.",
        },
        public=[
            case(np.array([[2.0, 1.0, 0.1], [0.5, 2.5, 1.0], [3.0, 0.0, 4.0]]), np.array([0, 2, 2])),
            case(np.array([[0.4, 0.35, 0.25], [3.0, -1.0, 2.0]]), np.array([0, 0])),
        ],
        hidden=[
            case(np.array([[1.0, 2.0], [3.0, -1.0]]), np.array([1, 0])),
            case(np.array([[1.0, 2.0], [3.0, -1.0]]), np.array([0, 1])),
            case(np.array([[-5.0, -1.0, -3.0]]), np.array([1])),
            case(np.array([[1000.0, 0.0, 0.0], [0.0, 1000.0, 0.0], [0.0, 0.0, 1000.0], [1000.0, 0.0, 0.0]]),
                 np.array([0, 1, 1, 2])),
            case(np.array([[0.2, 0.5, 0.1, 0.3], [1.0, 0.8, 0.9, 0.0], [0.0, 0.1, 0.2, 0.3]]),
                 np.array([1, 0, 3])).weighted(3),
            *random_cases(_scores_and_labels, 5, seed=84),
        ],
        misconceptions=[
            Misconception("flat_argmax", accuracy_flat_argmax, costs=0.5, message={
                "en": "np.argmax without an axis gives one position in the whole flattened array, not one class "
                      "per sample. Take the largest score of each row.",
                "sv": "np.argmax utan axel ger en enda position i hela den tillplattade arrayen, inte en klass per "
                      "exempel. Ta den högsta poängen på varje rad."}),
            Misconception("count_not_fraction", accuracy_count, costs=0.5, message={
                "en": "You return how many samples are right; the accuracy is the fraction, a float between 0 "
                      "and 1. Divide by the number of samples.",
                "sv": "Du returnerar hur många exempel som är rätt; träffsäkerheten är andelen, ett flyttal mellan "
                      "0 och 1. Dela med antalet exempel."}),
            Misconception("over_columns", accuracy_over_columns, costs=0.5, message={
                "en": "You take the largest entry of each column, that is, the most likely sample for every class. "
                      "A row is one sample: take the largest score along axis=1.",
                "sv": "Du tar det största elementet i varje kolumn, alltså det mest troliga exemplet för varje "
                      "klass. En rad är ett exempel: ta den högsta poängen längs axis=1."}),
            Misconception("probability_above_half", accuracy_probability_above_half, costs=0.25, message={
                "en": "You count a sample as right when its true class gets a probability above 0.5, as for one "
                      "yes-or-no output. With several classes the prediction is the most likely class, even when "
                      "its probability is only 0.4.",
                "sv": "Du räknar ett exempel som rätt när dess rätta klass får en sannolikhet över 0,5, som för en "
                      "enda ja-eller-nej-utdata. Med flera klasser är prediktionen den mest troliga klassen, även när "
                      "dess sannolikhet bara är 0,4."}),
        ],
        alternatives=[accuracy_by_loop],
    ),
    Question(
        "q5", variable="output_activation", points=1, compare=_choices,
        hint={
            "en": "Ask for each task: must every sample belong to exactly one class (softmax), or can several labels "
                  "be true at once (one sigmoid per label)?",
            "sv": "Fråga för varje uppgift: måste varje exempel tillhöra exakt en klass (softmax), eller kan flera "
                  "etiketter gälla på en gång (en sigmoid per etikett)?",
        },
        misconceptions=[
            Misconception("softmax_for_labels", {"digit": "softmax", "tags": "softmax", "weather": "softmax"},
                          costs=1, message={
                "en": "Softmax makes the outputs add up to 1, so one label can only gain at the others' expense. When "
                      "a sample can have several labels at once, or none, each label needs its own yes-or-no output.",
                "sv": "Softmax gör att utdata summerar till 1, så en etikett kan bara vinna på de andras bekostnad. "
                      "När ett exempel kan ha flera etiketter på en gång, eller ingen, behöver varje etikett en egen "
                      "ja-eller-nej-utdata."}),
            Misconception("sigmoid_for_outcomes", {"digit": "softmax", "tags": "sigmoid", "weather": "sigmoid"},
                          costs=1, message={
                "en": "Three possible outcomes are not three independent questions: when exactly one of them "
                      "happens, their probabilities must add up to 1, and the classes compete.",
                "sv": "Tre möjliga utfall är inte tre oberoende frågor: när exakt ett av dem inträffar måste "
                      "sannolikheterna summera till 1, och klasserna tävlar."}),
            Misconception("sigmoid_everywhere", {"digit": "sigmoid", "tags": "sigmoid", "weather": "sigmoid"},
                          costs=1, message={
                "en": "Independent sigmoids suit labels that can be true together. When every sample belongs to "
                      "exactly one class, the probabilities should add up to 1 over the classes.",
                "sv": "Oberoende sigmoider passar etiketter som kan gälla samtidigt. När varje exempel tillhör exakt "
                      "en klass ska sannolikheterna summera till 1 över klasserna."}),
        ],
    ),
]
