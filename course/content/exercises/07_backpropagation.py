# %% [markdown] tags=["en"]
# # Exercise 07: backpropagation
#
# In this exercise you write the backward pass of a neural network yourself: first for one fully
# connected layer, then for ReLU, and then you put them together into one complete training
# step of a network with a hidden layer. At the end your own code learns XOR, the function that
# a single perceptron cannot learn (chapter 01).
#
# Everything you need is explained below. It builds on the forward pass (chapter 03), the mean
# squared error (chapter 04), gradient descent (chapter 05) and the chain rule with the gradient
# check (chapter 06).
#
# There are five questions and 12 points in total.

# %% [markdown] tags=["sv"]
# # Övning 07: bakåtpropagering
#
# I den här övningen skriver du själv bakåtpasset i ett neuralt nätverk: först för ett fullt
# kopplat lager, sedan för ReLU, och sedan sätter du ihop dem till ett helt träningssteg för ett
# nätverk med ett dolt lager. På slutet lär sig din egen kod XOR, funktionen som en ensam
# perceptron inte kan lära sig (kapitel 01).
#
# Allt du behöver förklaras nedan. Övningen bygger på framåtpasset (kapitel 03),
# medelkvadratfelet (kapitel 04), gradientnedstigning (kapitel 05) och kedjeregeln med
# gradientkontrollen (kapitel 06).
#
# Det finns fem frågor och sammanlagt 12 poäng.

# %% [markdown] tags=["en"]
# ## How the exercises work
#
# Run the first code cell. Then, for every question, replace the two lines `# Your code here` and
# `raise NotImplementedError(...)` with your code, run the cell, and run the check cell under it,
# e.g. `check("q1")`. The check runs the *public tests*; your teacher's grader also runs *hidden
# tests* of the same kind (other shapes, random numbers). Keep the names of the functions and
# variables, return your answers instead of printing them, and run the whole notebook from the top
# before you hand it in (*Kernel → Restart Kernel and Run All Cells…*).

# %% [markdown] tags=["sv"]
# ## Så fungerar övningarna
#
# Kör den första kodcellen. Ersätt sedan, för varje fråga, de två raderna `# Din kod här` och
# `raise NotImplementedError(...)` med din kod, kör cellen och kör kontrollcellen under den, till
# exempel `check("q1")`. Kontrollen kör de *publika testerna*; lärarens rättningsprogram kör
# dessutom *dolda tester* av samma slag (andra former, slumpmässiga tal). Behåll namnen på
# funktionerna och variablerna, returnera dina svar i stället för att skriva ut dem, och kör hela
# din notebook från början innan du lämnar in (*Kernel → Restart Kernel and Run All Cells…*).

# %%
from course import set_language
from course.checker import check_for
set_language("en")
check = check_for("07_backpropagation")

import numpy as np

# %% [markdown] tags=["en"]
# ## Notation: a layer on a batch, and what `dX` means
#
# A fully connected layer receives a **batch** of $N$ samples at once, one sample per row of
# `X`, and computes all the weighted sums of all the samples with one matrix product:
#
# $$Z = X W^\top + b, \qquad z_{nj} = \sum_{k=1}^{n_{in}} x_{nk}\, w_{jk} + b_j ,$$
#
# | array | shape | entry |
# |---|---|---|
# | `X`, the input | `(N, n_in)` | $x_{nk}$: input $k$ of sample $n$ |
# | `W`, the weights | `(n_out, n_in)` | $w_{jk}$: to node $j$ from input $k$ |
# | `b`, the biases | `(n_out,)` | $b_j$: bias of node $j$ (added to every row) |
# | `Z`, the weighted sums | `(N, n_out)` | $z_{nj}$: node $j$ for sample $n$ |
#
# Training needs the derivatives of the loss $L$ (one number: the cost of the whole batch) with
# respect to everything. We write them with a `d` in front: **`dZ` means $\partial L / \partial Z$**,
# the array of the same shape as `Z` whose entry $(n, j)$ is $\partial L / \partial z_{nj}$. In the
# same way `dW` $= \partial L / \partial W$ has the shape of `W`, `db` the shape of `b` and `dX`
# the shape of `X`. A derivative array always has the shape of the thing it is the derivative
# with respect to; this is a cheap check of every formula below.
#
# **Backpropagation** computes these arrays from the loss backwards, layer by layer: each layer
# receives the derivative with respect to its output from the layer after it, and passes the
# derivative with respect to its input on to the layer before it. It is the chain rule of
# chapter 06, applied to the whole network at once.

# %% [markdown] tags=["sv"]
# ## Notation: ett lager på en batch, och vad `dX` betyder
#
# Ett fullt kopplat lager tar emot en **batch** med $N$ exempel på en gång, ett exempel per rad i
# `X`, och räknar ut alla viktade summor för alla exempel med en enda matrisprodukt:
#
# $$Z = X W^\top + b, \qquad z_{nj} = \sum_{k=1}^{n_{in}} x_{nk}\, w_{jk} + b_j ,$$
#
# | array | form | element |
# |---|---|---|
# | `X`, indata | `(N, n_in)` | $x_{nk}$: indata $k$ för exempel $n$ |
# | `W`, vikterna | `(n_out, n_in)` | $w_{jk}$: till nod $j$ från indata $k$ |
# | `b`, biasen | `(n_out,)` | $b_j$: bias för nod $j$ (läggs till på varje rad) |
# | `Z`, de viktade summorna | `(N, n_out)` | $z_{nj}$: nod $j$ för exempel $n$ |
#
# Träningen behöver derivatorna av förlusten $L$ (ett tal: kostnaden för hela batchen) med
# avseende på allt. Vi skriver dem med ett `d` framför: **`dZ` betyder $\partial L / \partial Z$**,
# arrayen med samma form som `Z` vars element $(n, j)$ är $\partial L / \partial z_{nj}$. På samma
# sätt har `dW` $= \partial L / \partial W$ samma form som `W`, `db` samma form som `b` och `dX`
# samma form som `X`. En derivata-array har alltid formen av det som man deriverar med avseende
# på; det är en enkel kontroll av varje formel nedan.
#
# **Bakåtpropagering** (backpropagation) räknar ut de här arrayerna bakifrån, från förlusten,
# lager för lager: varje lager får derivatan med avseende på sin utdata från lagret efter, och
# skickar derivatan med avseende på sin indata vidare till lagret före. Det är kedjeregeln från
# kapitel 06, använd på hela nätverket på en gång.

# %% [markdown] tags=["en"]
# ## Question 1: the backward pass of a dense layer (3 points)
#
# Suppose the layer after ours has already given us `dZ`. Three formulas follow from
# $z_{nj} = \sum_k x_{nk} w_{jk} + b_j$ and the rule of chapter 06, *where a value is used
# several times, the gradients of all its uses add up*:
#
# - The weight $w_{jk}$ is used in $z_{nj}$ of **every** sample $n$, each time with
#   $\partial z_{nj} / \partial w_{jk} = x_{nk}$. So
#   $\dfrac{\partial L}{\partial w_{jk}} = \sum_{n} \dfrac{\partial L}{\partial z_{nj}}\, x_{nk}$,
#   which for all $j, k$ at once is the matrix product
#   $$dW = dZ^\top X \qquad \text{shape } (n_{out}, N)\,(N, n_{in}) = (n_{out}, n_{in}).$$
# - The bias $b_j$ is also used by every sample, with $\partial z_{nj} / \partial b_j = 1$. So
#   $db_j = \sum_n dZ_{nj}$: **sum `dZ` over the samples** (over axis 0), giving shape `(n_out,)`.
# - The input $x_{nk}$ is used by **every node** $j$ of the layer, with
#   $\partial z_{nj} / \partial x_{nk} = w_{jk}$. So
#   $\dfrac{\partial L}{\partial x_{nk}} = \sum_{j} \dfrac{\partial L}{\partial z_{nj}}\, w_{jk}$, that is
#   $$dX = dZ\, W \qquad \text{shape } (N, n_{out})\,(n_{out}, n_{in}) = (N, n_{in}).$$
#
# Notice that the sums over the batch are part of the formulas: `dW` and `db` already contain
# the contributions of all $N$ samples.
#
# **Example.** With $N = 2$ samples, 2 inputs and 3 nodes,
#
# $$X = \begin{pmatrix} 1 & 2 \\ 0 & -1 \end{pmatrix},\quad
#   W = \begin{pmatrix} 1 & 0 \\ -1 & 3 \\ 2 & 1 \end{pmatrix},\quad
#   dZ = \begin{pmatrix} 1 & 0 & -1 \\ 2 & 1 & 0 \end{pmatrix}:\qquad
#   dW = \begin{pmatrix} 1 & 0 \\ 0 & -1 \\ -1 & -2 \end{pmatrix},\quad
#   db = (3,\ 1,\ -1),\quad
#   dX = \begin{pmatrix} -1 & -1 \\ 1 & 3 \end{pmatrix}.$$
#
# Write `dense_backward(dZ, X, W)` that returns the tuple `(dX, dW, db)`. In numpy, `A.T` is the
# transpose, `A @ B` the matrix product and `A.sum(axis=0)` the sum over the rows. (This is what
# `nnlib.layers.Dense.backward` does; have a look after you have answered.)

# %% [markdown] tags=["sv"]
# ## Fråga 1: bakåtpasset för ett fullt kopplat lager (3 poäng)
#
# Anta att lagret efter vårt redan har gett oss `dZ`. Tre formler följer av
# $z_{nj} = \sum_k x_{nk} w_{jk} + b_j$ och regeln från kapitel 06, *när ett värde används flera
# gånger adderas gradienterna från alla användningarna*:
#
# - Vikten $w_{jk}$ används i $z_{nj}$ för **varje** exempel $n$, varje gång med
#   $\partial z_{nj} / \partial w_{jk} = x_{nk}$. Alltså är
#   $\dfrac{\partial L}{\partial w_{jk}} = \sum_{n} \dfrac{\partial L}{\partial z_{nj}}\, x_{nk}$,
#   vilket för alla $j, k$ på en gång är matrisprodukten
#   $$dW = dZ^\top X \qquad \text{form } (n_{out}, N)\,(N, n_{in}) = (n_{out}, n_{in}).$$
# - Biasen $b_j$ används också av varje exempel, med $\partial z_{nj} / \partial b_j = 1$. Alltså
#   är $db_j = \sum_n dZ_{nj}$: **summera `dZ` över exemplen** (över axel 0), vilket ger formen
#   `(n_out,)`.
# - Indata $x_{nk}$ används av **varje nod** $j$ i lagret, med
#   $\partial z_{nj} / \partial x_{nk} = w_{jk}$. Alltså är
#   $\dfrac{\partial L}{\partial x_{nk}} = \sum_{j} \dfrac{\partial L}{\partial z_{nj}}\, w_{jk}$, det vill säga
#   $$dX = dZ\, W \qquad \text{form } (N, n_{out})\,(n_{out}, n_{in}) = (N, n_{in}).$$
#
# Lägg märke till att summorna över batchen ingår i formlerna: `dW` och `db` innehåller redan
# bidragen från alla $N$ exempel.
#
# **Exempel.** Med $N = 2$ exempel, 2 indatavärden och 3 noder är
#
# $$X = \begin{pmatrix} 1 & 2 \\ 0 & -1 \end{pmatrix},\quad
#   W = \begin{pmatrix} 1 & 0 \\ -1 & 3 \\ 2 & 1 \end{pmatrix},\quad
#   dZ = \begin{pmatrix} 1 & 0 & -1 \\ 2 & 1 & 0 \end{pmatrix}:\qquad
#   dW = \begin{pmatrix} 1 & 0 \\ 0 & -1 \\ -1 & -2 \end{pmatrix},\quad
#   db = (3,\ 1,\ -1),\quad
#   dX = \begin{pmatrix} -1 & -1 \\ 1 & 3 \end{pmatrix}.$$
#
# Skriv `dense_backward(dZ, X, W)` som returnerar tupeln `(dX, dW, db)`. I numpy är `A.T`
# transponatet, `A @ B` matrisprodukten och `A.sum(axis=0)` summan över raderna. (Det är precis
# vad `nnlib.layers.Dense.backward` gör; titta gärna på den när du har svarat.)

# %% tags=["en"]
def dense_backward(dZ, X, W):
    """The backward pass of a fully connected layer Z = X W^T + b.

    Parameters
    ----------
    dZ : numpy array of shape (N, n_out)
        dL/dZ, from the layer after this one.
    X : numpy array of shape (N, n_in)
        The input the layer received in the forward pass.
    W : numpy array of shape (n_out, n_in)
        The layer's weights.

    Returns
    -------
    tuple (dX, dW, db)
        dX of shape (N, n_in), dW of shape (n_out, n_in), db of shape (n_out,).
    """
    # BEGIN SOLUTION
    dW = dZ.T @ X
    db = dZ.sum(axis=0)
    dX = dZ @ W
    return dX, dW, db
    # END SOLUTION

# %% tags=["sv"]
def dense_backward(dZ, X, W):
    """Bakåtpasset genom ett fullt kopplat lager Z = X W^T + b.

    Parametrar
    ----------
    dZ : numpy-array med formen (N, n_out)
        dL/dZ, från lagret efter det här.
    X : numpy-array med formen (N, n_in)
        Indata som lagret fick i framåtpasset.
    W : numpy-array med formen (n_out, n_in)
        Lagrets vikter.

    Returnerar
    ----------
    tupel (dX, dW, db)
        dX med formen (N, n_in), dW med formen (n_out, n_in), db med formen (n_out,).
    """
    # BEGIN SOLUTION
    dW = dZ.T @ X
    db = dZ.sum(axis=0)
    dX = dZ @ W
    return dX, dW, db
    # END SOLUTION

# %% tags=["check"]
check("q1")

# %% [markdown] tags=["en"]
# ## Question 2: the backward pass of ReLU (2 points)
#
# An activation layer computes $A = \operatorname{ReLU}(Z)$ element by element,
# $a_{nj} = \max(0, z_{nj})$, so `A` and `Z` have the same shape `(N, n)`. Its derivative is
#
# $$\operatorname{ReLU}'(z) = \begin{cases} 1 & z > 0 \\ 0 & z \le 0 \end{cases}$$
#
# (at exactly $z = 0$ the derivative does not exist; like `nnlib` and most libraries we take 0).
# Each $a_{nj}$ depends only on its own $z_{nj}$, so the chain rule has just one term per entry:
#
# $$dZ_{nj} = dA_{nj} \cdot \operatorname{ReLU}'(z_{nj}), \qquad dZ = dA \odot \operatorname{ReLU}'(Z),$$
#
# where $\odot$ is the **element-wise** product (`*` in numpy, not the matrix product `@`). In words:
# the gradient flows through unchanged where the node was active ($z > 0$) and is stopped where it
# was not. For example, $Z = (-2,\ 0,\ 3)$ and $dA = (5,\ 6,\ 7)$ give $dZ = (0,\ 0,\ 7)$.
#
# Write `relu_backward(dA, Z)` that returns `dZ`, an array of the shape of `Z` with floats. Note
# that it needs `Z`, the input of ReLU from the forward pass, not its output. (`(Z > 0)` is an
# array of booleans; multiplying it by numbers turns `True` into 1 and `False` into 0. This is
# `nnlib.activations.ReLU.backward`.)

# %% [markdown] tags=["sv"]
# ## Fråga 2: bakåtpasset för ReLU (2 poäng)
#
# Ett aktiveringslager räknar ut $A = \operatorname{ReLU}(Z)$ element för element,
# $a_{nj} = \max(0, z_{nj})$, så `A` och `Z` har samma form `(N, n)`. Derivatan är
#
# $$\operatorname{ReLU}'(z) = \begin{cases} 1 & z > 0 \\ 0 & z \le 0 \end{cases}$$
#
# (precis i $z = 0$ finns ingen derivata; liksom `nnlib` och de flesta bibliotek använder vi 0).
# Varje $a_{nj}$ beror bara på sitt eget $z_{nj}$, så kedjeregeln har bara en term per element:
#
# $$dZ_{nj} = dA_{nj} \cdot \operatorname{ReLU}'(z_{nj}), \qquad dZ = dA \odot \operatorname{ReLU}'(Z),$$
#
# där $\odot$ är produkten **element för element** (`*` i numpy, inte matrisprodukten `@`). Med
# ord: gradienten passerar oförändrad där noden var aktiv ($z > 0$) och stoppas där den inte var
# det. Till exempel ger $Z = (-2,\ 0,\ 3)$ och $dA = (5,\ 6,\ 7)$ att $dZ = (0,\ 0,\ 7)$.
#
# Skriv `relu_backward(dA, Z)` som returnerar `dZ`, en array med flyttal och samma form som `Z`.
# Lägg märke till att den behöver `Z`, indata till ReLU från framåtpasset, inte dess utdata.
# (`(Z > 0)` är en array av sanningsvärden; när den multipliceras med tal blir `True` 1 och
# `False` 0. Detta är `nnlib.activations.ReLU.backward`.)

# %% tags=["en"]
def relu_backward(dA, Z):
    """The backward pass of A = ReLU(Z), with ReLU'(0) = 0.

    Parameters
    ----------
    dA : numpy array of shape (N, n)
        dL/dA, from the layer after this one.
    Z : numpy array of shape (N, n)
        The input of ReLU in the forward pass.

    Returns
    -------
    numpy array of shape (N, n)
        dZ = dL/dZ.
    """
    # BEGIN SOLUTION
    return dA * (Z > 0)
    # END SOLUTION

# %% tags=["sv"]
def relu_backward(dA, Z):
    """Bakåtpasset genom A = ReLU(Z), med ReLU'(0) = 0.

    Parametrar
    ----------
    dA : numpy-array med formen (N, n)
        dL/dA, från lagret efter det här.
    Z : numpy-array med formen (N, n)
        Indata till ReLU i framåtpasset.

    Returnerar
    ----------
    numpy-array med formen (N, n)
        dZ = dL/dZ.
    """
    # BEGIN SOLUTION
    return dA * (Z > 0)
    # END SOLUTION

# %% tags=["check"]
check("q2")

# %% [markdown] tags=["en"]
# ## Question 3: one training step of a two-layer network (4 points)
#
# Now the whole network: a dense layer with ReLU (the hidden layer), then a dense layer without
# activation (the output layer, as for regression):
#
# $$Z_1 = X W_1^\top + b_1, \qquad A_1 = \operatorname{ReLU}(Z_1), \qquad \hat Y = A_1 W_2^\top + b_2 ,$$
#
# with `X` of shape `(N, n_in)`, `W1` `(n_hidden, n_in)`, `b1` `(n_hidden,)`, `W2`
# `(n_out, n_hidden)`, `b2` `(n_out,)` and the prediction $\hat Y$ and the targets `Y` of shape
# `(N, n_out)`. The loss is the mean squared error over **all** $N \cdot n_{out}$ entries (as
# `nnlib.losses.MSE`), and its derivative with respect to the prediction is
#
# $$L = \frac{1}{N\, n_{out}} \sum_{n, j} (\hat y_{nj} - y_{nj})^2, \qquad
#   d\hat Y = \frac{2\,(\hat Y - Y)}{N\, n_{out}} .$$
#
# **One training step** (one *iteration*) is one forward pass, one backward pass and one update:
#
# 1. Forward: compute $Z_1$, $A_1$, $\hat Y$ and the loss $L$, keeping $Z_1$ and $A_1$.
# 2. Backward, from the loss to the input: the output layer has no activation, so its $dZ_2$ is
#    $d\hat Y$. Then `dense_backward(dZ2, A1, W2)` gives `dA1`, `dW2`, `db2` (the input of the output
#    layer is $A_1$); `relu_backward(dA1, Z1)` gives `dZ1`; and `dense_backward(dZ1, X, W1)` gives
#    `dW1`, `db1` (its `dX` is not needed).
# 3. Update **all** parameters together with gradient descent and the learning rate $\eta$:
#    $W_1 \leftarrow W_1 - \eta\, dW_1$, and the same for $b_1$, $W_2$, $b_2$.
#
# All gradients come from the same backward pass, computed with the weights *before* the update;
# we do not update one weight at a time.
#
# Write `train_step(X, Y, W1, b1, W2, b2, learning_rate)` that returns the tuple
# `(W1, b1, W2, b2, loss)`: the four **updated** parameter arrays and the loss $L$ computed in
# step 1, *before* the update, as a float. Use your `dense_backward` and `relu_backward`. Return
# new arrays (`W1 - learning_rate * dW1`) rather than changing the arguments in place (`-=`), so
# that the gradient check below works.

# %% [markdown] tags=["sv"]
# ## Fråga 3: ett träningssteg för ett nätverk med två lager (4 poäng)
#
# Nu hela nätverket: ett fullt kopplat lager med ReLU (det dolda lagret) och sedan ett fullt
# kopplat lager utan aktiveringsfunktion (utdatalagret, som vid regression):
#
# $$Z_1 = X W_1^\top + b_1, \qquad A_1 = \operatorname{ReLU}(Z_1), \qquad \hat Y = A_1 W_2^\top + b_2 ,$$
#
# med `X` av formen `(N, n_in)`, `W1` `(n_hidden, n_in)`, `b1` `(n_hidden,)`, `W2`
# `(n_out, n_hidden)`, `b2` `(n_out,)` och prediktionen $\hat Y$ och målvärdena `Y` av formen
# `(N, n_out)`. Förlusten är medelkvadratfelet över **alla** $N \cdot n_{out}$ element (som
# `nnlib.losses.MSE`), och dess derivata med avseende på prediktionen är
#
# $$L = \frac{1}{N\, n_{out}} \sum_{n, j} (\hat y_{nj} - y_{nj})^2, \qquad
#   d\hat Y = \frac{2\,(\hat Y - Y)}{N\, n_{out}} .$$
#
# **Ett träningssteg** (en *iteration*) är ett framåtpass, ett bakåtpass och en uppdatering:
#
# 1. Framåt: räkna ut $Z_1$, $A_1$, $\hat Y$ och förlusten $L$, och spara $Z_1$ och $A_1$.
# 2. Bakåt, från förlusten mot indata: utdatalagret har ingen aktiveringsfunktion, så dess $dZ_2$
#    är $d\hat Y$. Sedan ger `dense_backward(dZ2, A1, W2)` `dA1`, `dW2` och `db2` (indata till
#    utdatalagret är $A_1$); `relu_backward(dA1, Z1)` ger `dZ1`; och `dense_backward(dZ1, X, W1)`
#    ger `dW1` och `db1` (dess `dX` behövs inte).
# 3. Uppdatera **alla** parametrar samtidigt med gradientnedstigning och inlärningstakten $\eta$:
#    $W_1 \leftarrow W_1 - \eta\, dW_1$, och likadant för $b_1$, $W_2$ och $b_2$.
#
# Alla gradienter kommer från samma bakåtpass, beräknade med vikterna *före* uppdateringen; vi
# uppdaterar inte en vikt i taget.
#
# Skriv `train_step(X, Y, W1, b1, W2, b2, learning_rate)` som returnerar tupeln
# `(W1, b1, W2, b2, loss)`: de fyra **uppdaterade** parameterarrayerna och förlusten $L$ från
# steg 1, *före* uppdateringen, som ett flyttal. Använd dina `dense_backward` och
# `relu_backward`. Returnera nya arrayer (`W1 - learning_rate * dW1`) i stället för att ändra
# argumenten på plats (`-=`), så att gradientkontrollen nedan fungerar.

# %% tags=["en"]
def train_step(X, Y, W1, b1, W2, b2, learning_rate):
    """One gradient descent step of Y_hat = ReLU(X W1^T + b1) W2^T + b2 with the MSE loss.

    Parameters
    ----------
    X : numpy array of shape (N, n_in)
    Y : numpy array of shape (N, n_out)
    W1 : numpy array of shape (n_hidden, n_in)
    b1 : numpy array of shape (n_hidden,)
    W2 : numpy array of shape (n_out, n_hidden)
    b2 : numpy array of shape (n_out,)
    learning_rate : float

    Returns
    -------
    tuple (W1, b1, W2, b2, loss)
        The updated parameters, with the shapes above, and the loss before the update (float).
    """
    # BEGIN SOLUTION
    Z1 = X @ W1.T + b1
    A1 = np.maximum(Z1, 0.0)
    Y_hat = A1 @ W2.T + b2
    loss = float(np.mean((Y_hat - Y) ** 2))
    dZ2 = 2.0 * (Y_hat - Y) / Y_hat.size
    dA1, dW2, db2 = dense_backward(dZ2, A1, W2)
    dZ1 = relu_backward(dA1, Z1)
    _, dW1, db1 = dense_backward(dZ1, X, W1)
    return (W1 - learning_rate * dW1, b1 - learning_rate * db1,
            W2 - learning_rate * dW2, b2 - learning_rate * db2, loss)
    # END SOLUTION

# %% tags=["sv"]
def train_step(X, Y, W1, b1, W2, b2, learning_rate):
    """Ett steg med gradientnedstigning för Y_hat = ReLU(X W1^T + b1) W2^T + b2 med förlusten MSE.

    Parametrar
    ----------
    X : numpy-array med formen (N, n_in)
    Y : numpy-array med formen (N, n_out)
    W1 : numpy-array med formen (n_hidden, n_in)
    b1 : numpy-array med formen (n_hidden,)
    W2 : numpy-array med formen (n_out, n_hidden)
    b2 : numpy-array med formen (n_out,)
    learning_rate : float

    Returnerar
    ----------
    tupel (W1, b1, W2, b2, loss)
        De uppdaterade parametrarna, med formerna ovan, och förlusten före uppdateringen (float).
    """
    # BEGIN SOLUTION
    Z1 = X @ W1.T + b1
    A1 = np.maximum(Z1, 0.0)
    Y_hat = A1 @ W2.T + b2
    loss = float(np.mean((Y_hat - Y) ** 2))
    dZ2 = 2.0 * (Y_hat - Y) / Y_hat.size
    dA1, dW2, db2 = dense_backward(dZ2, A1, W2)
    dZ1 = relu_backward(dA1, Z1)
    _, dW1, db1 = dense_backward(dZ1, X, W1)
    return (W1 - learning_rate * dW1, b1 - learning_rate * db1,
            W2 - learning_rate * dW2, b2 - learning_rate * db2, loss)
    # END SOLUTION

# %% tags=["check"]
check("q3")

# %% [markdown] tags=["en"]
# ### Is it right? Ask the gradient check
#
# The checks above compare with the reference solution, but you can convince yourself without it,
# exactly as in chapter 06: the analytic gradient of a backward pass must agree with central
# differences of the loss, which need only forward passes. Your `train_step` contains both: the
# loss it returns is a function of `W1`, and $(W_1 - W_1^{new}) / \eta$ is the analytic $dW_1$.
# Paste this into a new cell once your `train_step` passes the check (a relative error around
# $10^{-9}$ or smaller means the backward pass is right; change a sign in your code and see it
# jump to $10^{-1}$ or so):
#
# ```python
# from nnlib.gradcheck import numerical_gradient, relative_error
#
# rng = np.random.default_rng(0)
# X, Y = rng.normal(size=(5, 3)), rng.normal(size=(5, 2))
# W1, b1 = rng.normal(size=(4, 3)), rng.normal(size=4)
# W2, b2 = rng.normal(size=(2, 4)), rng.normal(size=2)
# eta = 0.1
#
# W1_new, b1_new, W2_new, b2_new, loss = train_step(X, Y, W1, b1, W2, b2, eta)
# dW1 = (W1 - W1_new) / eta
# numeric = numerical_gradient(lambda W: train_step(X, Y, W, b1, W2, b2, eta)[4], W1.copy())
# print(relative_error(dW1, numeric))
# ```
#
# `nnlib` checks its own layers the same way: `gradcheck(model, X, Y, loss=MSE())` compares every
# weight and bias of a whole network.

# %% [markdown] tags=["sv"]
# ### Stämmer det? Fråga gradientkontrollen
#
# Kontrollerna ovan jämför med referenslösningen, men du kan övertyga dig själv utan den, precis
# som i kapitel 06: den analytiska gradienten från ett bakåtpass måste stämma med centrala
# differenser av förlusten, som bara kräver framåtpass. Din `train_step` innehåller båda:
# förlusten som den returnerar är en funktion av `W1`, och $(W_1 - W_1^{ny}) / \eta$ är den
# analytiska $dW_1$. Klistra in detta i en ny cell när din `train_step` klarar kontrollen (ett
# relativt fel kring $10^{-9}$ eller mindre betyder att bakåtpasset är rätt; byt ett tecken i din
# kod och se felet hoppa till ungefär $10^{-1}$):
#
# ```python
# from nnlib.gradcheck import numerical_gradient, relative_error
#
# rng = np.random.default_rng(0)
# X, Y = rng.normal(size=(5, 3)), rng.normal(size=(5, 2))
# W1, b1 = rng.normal(size=(4, 3)), rng.normal(size=4)
# W2, b2 = rng.normal(size=(2, 4)), rng.normal(size=2)
# eta = 0.1
#
# W1_new, b1_new, W2_new, b2_new, loss = train_step(X, Y, W1, b1, W2, b2, eta)
# dW1 = (W1 - W1_new) / eta
# numeric = numerical_gradient(lambda W: train_step(X, Y, W, b1, W2, b2, eta)[4], W1.copy())
# print(relative_error(dW1, numeric))
# ```
#
# `nnlib` kontrollerar sina egna lager på samma sätt: `gradcheck(model, X, Y, loss=MSE())`
# jämför varje vikt och bias i ett helt nätverk.

# %% [markdown] tags=["en"]
# ## Question 4: why not always use the numerical gradient? (1 point)
#
# The gradient check needs **two forward passes per parameter** (one with $+h$, one with $-h$),
# while backpropagation gets the gradients of *all* parameters from one forward and one backward
# pass. The network of chapter 12 for the 8×8 digit images has the layer sizes `[64, 32, 10]`:
# 64 inputs, a hidden layer of 32 nodes and 10 outputs, each layer with a weight matrix and a bias
# vector.
#
# Set the variable `n_forward_passes` to the number of forward passes (an integer) that one
# central-difference gradient check of every weight and bias of this network needs.

# %% [markdown] tags=["sv"]
# ## Fråga 4: varför inte alltid använda den numeriska gradienten? (1 poäng)
#
# Gradientkontrollen behöver **två framåtpass per parameter** (ett med $+h$ och ett med $-h$),
# medan bakåtpropageringen får gradienterna för *alla* parametrar från ett framåtpass och ett
# bakåtpass. Nätverket i kapitel 12 för bilderna av siffror med 8×8 pixlar har
# lagerstorlekarna `[64, 32, 10]`: 64 indatavärden, ett dolt lager med 32 noder och 10 utdatanoder, och varje
# lager har en viktmatris och en biasvektor.
#
# Sätt variabeln `n_forward_passes` till antalet framåtpass (ett heltal) som en gradientkontroll
# med centrala differenser av varje vikt och bias i det här nätverket behöver.

# %%
# BEGIN SOLUTION
n_forward_passes = 2 * ((64 * 32 + 32) + (32 * 10 + 10))
# END SOLUTION

# %% tags=["check"]
check("q4")

# %% [markdown] tags=["en"]
# ## Question 5: your network learns XOR (2 points)
#
# Time to train. The next cell defines the four XOR points with their targets and the starting
# weights of a network with 2 inputs, 4 hidden ReLU nodes and 1 output.
#
# Starting from these weights, call your `train_step` **500 times** with the learning rate
# $\eta = 0.1$ on the whole batch `X_xor`, `Y_xor`, each time continuing from the parameters the
# previous step returned. Collect the loss of every step (the one `train_step` returns) and set
# `xor_losses` to a numpy array of shape `(500,)` with the losses in order: the first entry is the
# loss of the starting weights. `np.array(a_list)` turns a list of floats into an array.
#
# Afterwards, look at what the trained network predicts for the four points,
# `np.maximum(X_xor @ W1.T + b1, 0) @ W2.T + b2`, and at how the loss fell (for instance with
# `import matplotlib.pyplot as plt; plt.semilogy(xor_losses)`).

# %% [markdown] tags=["sv"]
# ## Fråga 5: ditt nätverk lär sig XOR (2 poäng)
#
# Nu är det dags att träna. Nästa cell definierar de fyra XOR-punkterna med sina målvärden och
# startvikterna för ett nätverk med 2 indatavärden, 4 dolda noder med ReLU och en utdatanod.
#
# Börja med de här vikterna och anropa din `train_step` **500 gånger** med inlärningstakten
# $\eta = 0{,}1$ på hela batchen `X_xor`, `Y_xor`, och fortsätt varje gång från de parametrar som
# föregående steg returnerade. Samla förlusten från varje steg (den som `train_step` returnerar)
# och sätt `xor_losses` till en numpy-array med formen `(500,)` med förlusterna i ordning: det
# första elementet är förlusten för startvikterna. `np.array(en_lista)` gör om en lista av
# flyttal till en array.
#
# Titta sedan på vad det tränade nätverket förutsäger för de fyra punkterna,
# `np.maximum(X_xor @ W1.T + b1, 0) @ W2.T + b2`, och på hur förlusten sjönk (till exempel med
# `import matplotlib.pyplot as plt; plt.semilogy(xor_losses)`).

# %%
X_xor = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
Y_xor = np.array([[0.0], [1.0], [1.0], [0.0]])
W1_start = np.array([[0.1, -0.1], [0.6, 0.1], [-0.5, 0.4], [1.3, 0.9]])
b1_start = np.zeros(4)
W2_start = np.array([[-0.5, -0.9, -0.4, 0.0]])
b2_start = np.zeros(1)

# %%
# BEGIN SOLUTION
W1, b1, W2, b2 = W1_start, b1_start, W2_start, b2_start
losses = []
for step in range(500):
    W1, b1, W2, b2, loss = train_step(X_xor, Y_xor, W1, b1, W2, b2, 0.1)
    losses.append(loss)
xor_losses = np.array(losses)
# END SOLUTION

# %% tags=["check"]
check("q5")

# %% [markdown] tags=["en"]
# ## Optional: watch your backpropagation train a network
#
# The next cell opens the training playground of lesson 07 and gives it your `train_step`. The
# network is the one of question 3: two inputs, one hidden layer of ReLU nodes (the slider sets
# how many), one output node without activation, and the mean squared error. Every iteration of
# the playground calls **your** `train_step` on a batch of points and continues from the weights it
# returns; the map shows the output $\hat y(x)$ over the plane (below 0 drawn as 0, above 1 as 1).
# Press Play, or Step, and try XOR, circles and two moons.
#
# The status line says whether the last step it checked agrees with nnlib's backpropagation from
# the same weights on the same batch, and names what went wrong when your function raises an
# error or returns something else than `(W1, b1, W2, b2, loss)`. Until you have answered question
# 3, nothing trains. The playground keeps the function it was given: after changing `train_step`,
# run its cell and then this cell again. This part gives no points.

# %% [markdown] tags=["sv"]
# ## Frivilligt: se din bakåtpropagering träna ett nätverk
#
# Nästa cell öppnar träningslekplatsen från lektion 07 och ger den din `train_step`. Nätverket är
# det från fråga 3: två indata, ett dolt lager med ReLU-noder (reglaget bestämmer hur många), en
# utdatanod utan aktiveringsfunktion och medelkvadratfelet. Varje iteration i lekplatsen anropar
# **din** `train_step` på en batch med punkter och fortsätter från de vikter som den returnerar;
# kartan visar utdata $\hat y(x)$ över planet (värden under 0 ritas som 0, över 1 som 1). Tryck på
# spela eller på Steg, och pröva XOR, cirklar och två månar.
#
# Statusraden säger om det senaste steget som den kontrollerade stämmer med bakåtpropageringen i
# nnlib från samma vikter på samma batch, och talar om vad som gick fel när din funktion ger ett
# fel eller returnerar något annat än `(W1, b1, W2, b2, loss)`. Innan du har besvarat fråga 3
# tränas ingenting. Lekplatsen behåller den funktion den fick: när du ändrar `train_step` kör du
# dess cell och sedan den här cellen igen. Den här delen ger inga poäng.

# %%
from course.widgets.playground import Playground

Playground("xor", hidden=[8], learning_rate=0.1, epochs_per_step=5, student_train_step=train_step)

# %% [markdown] tags=["en"]
# ## Done?
#
# When all five checks show ✔, restart the kernel and run all cells once more (*Kernel → Restart
# Kernel and Run All Cells…*), then save the notebook and hand it in the way your teacher asks.
#
# If you want to go further: with the loss falling from about $1.1$ to below $10^{-7}$, your
# network computes XOR almost exactly. Starting weights matter, though. Try
# `W1_start = np.array([[2.0, -2.6], [0.4, -0.6], [-0.5, -0.2], [-2.0, -0.2]])` and
# `W2_start = np.array([[-0.6, 2.3, 0.2, -0.2]])`: the loss gets stuck at $1/6$. Two of the four
# hidden nodes have $z \le 0$ for all four points already at the start, so ReLU passes no
# gradient to them and they never come alive, and the two others end in a local minimum. This is
# one reason why chapter 09 looks closely at how to start the weights.
# Next: [exercise 08, softmax](08_softmax.ipynb).

# %% [markdown] tags=["sv"]
# ## Klar?
#
# När alla fem kontrollerna visar ✔ startar du om kärnan och kör alla celler en gång till
# (*Kernel → Restart Kernel and Run All Cells…*). Spara sedan din notebook och lämna in den på
# det sätt som din lärare har bestämt.
#
# Om du vill gå vidare: när förlusten sjunker från ungefär $1{,}1$ till under $10^{-7}$ räknar
# ditt nätverk ut XOR nästan exakt. Startvikterna spelar dock roll. Prova
# `W1_start = np.array([[2.0, -2.6], [0.4, -0.6], [-0.5, -0.2], [-2.0, -0.2]])` och
# `W2_start = np.array([[-0.6, 2.3, 0.2, -0.2]])`: förlusten fastnar på $1/6$. Två av de fyra
# dolda noderna har $z \le 0$ för alla fyra punkterna redan från början, så ReLU släpper inte
# igenom någon gradient till dem och de blir aldrig aktiva, och de två andra hamnar i ett lokalt
# minimum. Det är ett av skälen till att kapitel 09 tittar noga på hur vikterna ska starta. Nästa steg: [övning 08, softmax](08_softmax.ipynb).

# %% tags=["hidden"]
# The grading specification: never in the student notebooks. Expected values come from the
# solutions above, run on the same inputs.
from course.exercise import Misconception, Question, case, random_cases


def _dense_case(rng):
    n, n_in, n_out = (int(k) for k in rng.integers(1, 6, size=3))
    return rng.normal(size=(n, n_out)), rng.normal(size=(n, n_in)), rng.normal(size=(n_out, n_in))


def _relu_case(rng):
    shape = tuple(int(k) for k in rng.integers(1, 6, size=2))
    return rng.normal(size=shape), rng.normal(size=shape)


def _network_case(rng):
    n, n_in, n_hidden, n_out = (int(k) for k in rng.integers(1, 6, size=4))
    return (rng.normal(size=(n, n_in)), rng.normal(size=(n, n_out)),
            rng.normal(size=(n_hidden, n_in)), rng.normal(size=n_hidden),
            rng.normal(size=(n_out, n_hidden)), rng.normal(size=n_out),
            float(rng.uniform(0.01, 0.5)))


def _same_integer(expected, received):
    if isinstance(received, (bool, np.bool_)) or not isinstance(received, (int, float, np.integer, np.floating)):
        return False, {"en": f"Expected a whole number, but received {type(received).__name__}.",
                       "sv": f"väntat: ett heltal; ditt svar: {type(received).__name__}."}
    if received == expected:
        return True, None
    return False, {"en": f"{received} is not the right number of forward passes.",
                   "sv": f"{received} är inte rätt antal framåtpass."}


# Common wrong answers (each is handed in as a student would in the exercise tests).
def dense_backward_dW_transposed(dZ, X, W):
    return dZ @ W, X.T @ dZ, dZ.sum(axis=0)


def dense_backward_mean_db(dZ, X, W):
    return dZ @ W, dZ.T @ X, dZ.mean(axis=0)


def dense_backward_db_keepdims(dZ, X, W):
    return dZ @ W, dZ.T @ X, dZ.sum(axis=0, keepdims=True)


def dense_backward_dX_with_W_transposed(dZ, X, W):
    return dZ @ W.T, dZ.T @ X, dZ.sum(axis=0)


def dense_backward_first_sample(dZ, X, W):
    return dZ @ W, np.outer(dZ[0], X[0]), dZ[0]


def dense_backward_other_order(dZ, X, W):
    return dZ.T @ X, dZ.sum(axis=0), dZ @ W


def dense_backward_by_loops(dZ, X, W):
    N, n_out = dZ.shape
    dX, dW, db = np.zeros(X.shape), np.zeros(W.shape), np.zeros(n_out)
    for n in range(N):
        for j in range(n_out):
            dW[j] += dZ[n, j] * X[n]
            db[j] += dZ[n, j]
            dX[n] += dZ[n, j] * W[j]
    return dX, dW, db


def dense_backward_einsum(dZ, X, W):
    return np.einsum("nj,jk->nk", dZ, W), np.einsum("nj,nk->jk", dZ, X), np.einsum("nj->j", dZ)


def relu_backward_at_zero_too(dA, Z):
    return dA * (Z >= 0)


def relu_backward_times_output(dA, Z):
    return dA * np.maximum(Z, 0)


def relu_backward_mask_from_dA(dA, Z):
    return dA * (dA > 0)


def relu_backward_mask_only(dA, Z):
    return (Z > 0) * 1.0


def relu_backward_matrix_product(dA, Z):
    return dA @ (Z > 0).T


def relu_backward_where(dA, Z):
    return np.where(Z > 0, dA, 0.0)


def relu_backward_by_loop(dA, Z):
    dZ = np.zeros(Z.shape)
    for index in np.ndindex(Z.shape):
        if Z[index] > 0:
            dZ[index] = dA[index]
    return dZ


def train_step_plus_sign(X, Y, W1, b1, W2, b2, learning_rate):
    Z1 = X @ W1.T + b1
    A1 = np.maximum(Z1, 0.0)
    Y_hat = A1 @ W2.T + b2
    loss = float(np.mean((Y_hat - Y) ** 2))
    dZ2 = 2 * (Y_hat - Y) / Y_hat.size
    dZ1 = (dZ2 @ W2) * (Z1 > 0)
    return (W1 + learning_rate * dZ1.T @ X, b1 + learning_rate * dZ1.sum(axis=0),
            W2 + learning_rate * dZ2.T @ A1, b2 + learning_rate * dZ2.sum(axis=0), loss)

def train_step_loss_after_update(X, Y, W1, b1, W2, b2, learning_rate):
    Z1 = X @ W1.T + b1
    A1 = np.maximum(Z1, 0.0)
    Y_hat = A1 @ W2.T + b2
    loss = float(np.mean((Y_hat - Y) ** 2))
    dZ2 = 2 * (Y_hat - Y) / Y_hat.size
    dZ1 = (dZ2 @ W2) * (Z1 > 0)
    W1, b1 = W1 - learning_rate * dZ1.T @ X, b1 - learning_rate * dZ1.sum(axis=0)
    W2, b2 = W2 - learning_rate * dZ2.T @ A1, b2 - learning_rate * dZ2.sum(axis=0)
    loss = float(np.mean((np.maximum(X @ W1.T + b1, 0.0) @ W2.T + b2 - Y) ** 2))
    return W1, b1, W2, b2, loss

def train_step_without_relu_derivative(X, Y, W1, b1, W2, b2, learning_rate):
    Z1 = X @ W1.T + b1
    A1 = np.maximum(Z1, 0.0)
    Y_hat = A1 @ W2.T + b2
    loss = float(np.mean((Y_hat - Y) ** 2))
    dZ2 = 2 * (Y_hat - Y) / Y_hat.size
    dZ1 = dZ2 @ W2
    return (W1 - learning_rate * dZ1.T @ X, b1 - learning_rate * dZ1.sum(axis=0),
            W2 - learning_rate * dZ2.T @ A1, b2 - learning_rate * dZ2.sum(axis=0), loss)

def train_step_divided_by_N(X, Y, W1, b1, W2, b2, learning_rate):
    Z1 = X @ W1.T + b1
    A1 = np.maximum(Z1, 0.0)
    Y_hat = A1 @ W2.T + b2
    loss = float(np.mean((Y_hat - Y) ** 2))
    dZ2 = 2 * (Y_hat - Y) / len(Y_hat)
    dZ1 = (dZ2 @ W2) * (Z1 > 0)
    return (W1 - learning_rate * dZ1.T @ X, b1 - learning_rate * dZ1.sum(axis=0),
            W2 - learning_rate * dZ2.T @ A1, b2 - learning_rate * dZ2.sum(axis=0), loss)

def train_step_biases_unchanged(X, Y, W1, b1, W2, b2, learning_rate):
    Z1 = X @ W1.T + b1
    A1 = np.maximum(Z1, 0.0)
    Y_hat = A1 @ W2.T + b2
    loss = float(np.mean((Y_hat - Y) ** 2))
    dZ2 = 2 * (Y_hat - Y) / Y_hat.size
    dZ1 = (dZ2 @ W2) * (Z1 > 0)
    return W1 - learning_rate * dZ1.T @ X, b1, W2 - learning_rate * dZ2.T @ A1, b2, loss

def train_step_new_W2_in_backward(X, Y, W1, b1, W2, b2, learning_rate):
    Z1 = X @ W1.T + b1
    A1 = np.maximum(Z1, 0.0)
    Y_hat = A1 @ W2.T + b2
    loss = float(np.mean((Y_hat - Y) ** 2))
    dZ2 = 2 * (Y_hat - Y) / Y_hat.size
    W2 = W2 - learning_rate * dZ2.T @ A1
    b2 = b2 - learning_rate * dZ2.sum(axis=0)
    dZ1 = (dZ2 @ W2) * (Z1 > 0)
    return W1 - learning_rate * dZ1.T @ X, b1 - learning_rate * dZ1.sum(axis=0), W2, b2, loss

def train_step_output_layer_gets_X(X, Y, W1, b1, W2, b2, learning_rate):
    Z1 = X @ W1.T + b1
    A1 = np.maximum(Z1, 0.0)
    Y_hat = A1 @ W2.T + b2
    loss = float(np.mean((Y_hat - Y) ** 2))
    dZ2 = 2 * (Y_hat - Y) / Y_hat.size
    dZ1 = (dZ2 @ W2) * (Z1 > 0)
    return (W1 - learning_rate * dZ1.T @ X, b1 - learning_rate * dZ1.sum(axis=0),
            W2 - learning_rate * dZ2.T @ X, b2 - learning_rate * dZ2.sum(axis=0), loss)

def train_step_on_copies(X, Y, W1, b1, W2, b2, learning_rate):
    W1, b1, W2, b2 = W1.copy(), b1.copy(), W2.copy(), b2.copy()
    Z1 = X @ W1.T + b1
    A1 = Z1 * (Z1 > 0)
    Y_hat = A1 @ W2.T + b2
    dZ2 = 2 * (Y_hat - Y) / (Y.shape[0] * Y.shape[1])
    dA1, dW2, db2 = dense_backward(dZ2, A1, W2)
    _, dW1, db1 = dense_backward(relu_backward(dA1, A1), X, W1)
    W1 -= learning_rate * dW1
    b1 -= learning_rate * db1
    W2 -= learning_rate * dW2
    b2 -= learning_rate * db2
    return W1, b1, W2, b2, float(np.sum((Y_hat - Y) ** 2) / Y.size)


def _xor_run(n_steps):
    W1, b1, W2, b2 = W1_start, b1_start, W2_start, b2_start
    losses = []
    for _ in range(n_steps):
        W1, b1, W2, b2, loss = train_step(X_xor, Y_xor, W1, b1, W2, b2, 0.1)
        losses.append(loss)
    return np.array(losses)


# Wrong values of the two variables, computed with the reference's own functions.
_XOR_501 = _xor_run(501)
XOR_LOSSES_AFTER_UPDATE = _XOR_501[1:]
XOR_LOSSES_NOT_CONTINUED = np.full(500, _XOR_501[0])
XOR_LAST_LOSS_ONLY = float(_XOR_501[499])
XOR_LOSSES_499 = _XOR_501[:499]
XOR_LOSSES_AS_LIST = _XOR_501[:500].tolist()


QUESTIONS = [
    Question(
        "q1", function="dense_backward", points=3,
        hint={
            "en": "Check the shapes: dW must have the shape (n_out, n_in) of W, db the shape (n_out,) of b (a sum "
                  "over the samples, not a mean) and dX the shape (N, n_in) of X. Return them in the order "
                  "(dX, dW, db).",
            "sv": "Kontrollera formerna: dW ska ha formen (n_out, n_in) som W, db formen (n_out,) som b (en summa "
                  "över exemplen, inte ett medelvärde) och dX formen (N, n_in) som X. Returnera dem i ordningen "
                  "(dX, dW, db).",
        },
        public=[
            case(np.array([[1.0, 0.0, -1.0], [2.0, 1.0, 0.0]]), np.array([[1.0, 2.0], [0.0, -1.0]]),
                 np.array([[1.0, 0.0], [-1.0, 3.0], [2.0, 1.0]])),
            case(np.array([[0.5]]), np.array([[2.0, -1.0, 4.0]]), np.array([[1.0, 2.0, 3.0]])),
        ],
        hidden=[
            case(np.array([[1.0, -1.0], [1.0, -1.0], [1.0, -1.0]]), np.array([[1.0], [2.0], [3.0]]),
                 np.array([[2.0], [-3.0]])),
            case(np.zeros((2, 2)), np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[1.0, 2.0], [3.0, 4.0]])),
            case(np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[1.0, 0.0], [0.0, 1.0]]),
                 np.array([[0.0, 1.0], [-1.0, 0.0]])),
            *random_cases(_dense_case, 6, seed=71),
        ],
        misconceptions=[
            Misconception("dW_transposed", dense_backward_dW_transposed, costs=0.5, message={
                "en": "Your dW has the shape (n_in, n_out), the transpose of W's. Each dW[j, k] pairs node j with "
                      "input k: put dZ transposed first in the product.",
                "sv": "Ditt dW har formen (n_in, n_out), transponatet av W:s form. Varje dW[j, k] hör ihop med nod j "
                      "och indata k: sätt dZ transponerad först i produkten."}),
            Misconception("db_mean", dense_backward_mean_db, costs=0.5, message={
                "en": "Your db is a mean over the samples. Every sample's use of the bias adds its own gradient, so "
                      "db is their sum.",
                "sv": "Ditt db är ett medelvärde över exemplen. Varje exempels användning av biasen bidrar med sin "
                      "egen gradient, så db är deras summa."}),
            Misconception("db_keepdims", dense_backward_db_keepdims, costs=0.5, message={
                "en": "Your db has the shape (1, n_out). b has the shape (n_out,), and so must db: sum over axis 0 "
                      "without keepdims.",
                "sv": "Ditt db har formen (1, n_out). b har formen (n_out,), och det ska db också ha: summera över "
                      "axel 0 utan keepdims."}),
            Misconception("dX_with_W_transposed", dense_backward_dX_with_W_transposed, costs=0.5, message={
                "en": "You multiply dZ by W transposed. dZ has the shape (N, n_out) and W (n_out, n_in), so dZ times W "
                      "itself gives dX its shape (N, n_in).",
                "sv": "Du multiplicerar dZ med W transponerad. dZ har formen (N, n_out) och W formen (n_out, n_in), så "
                      "dZ gånger W självt ger dX dess form (N, n_in)."}),
            Misconception("first_sample_only", dense_backward_first_sample, costs=0.5, message={
                "en": "Your dW and db use only the first sample. The weights and biases are used by every sample of "
                      "the batch, so their gradients add up the contributions of all N samples.",
                "sv": "Ditt dW och db använder bara det första exemplet. Vikterna och biasvärdena används av varje "
                      "exempel i batchen, så deras gradienter summerar bidragen från alla N exempel."}),
            Misconception("other_order", dense_backward_other_order, costs=0.5, message={
                "en": "Your gradients are right but in another order. Return the tuple (dX, dW, db).",
                "sv": "Dina gradienter är rätt men i en annan ordning. Returnera tupeln (dX, dW, db)."}),
        ],
        alternatives=[dense_backward_by_loops, dense_backward_einsum],
    ),
    Question(
        "q2", function="relu_backward", points=2,
        hint={
            "en": "The derivative of ReLU depends on Z, not on dA or on ReLU(Z): it is 1 where z > 0 and 0 where "
                  "z <= 0, also at exactly z = 0. Multiply it by dA element by element (*, not @).",
            "sv": "Derivatan av ReLU beror på Z, inte på dA eller ReLU(Z): den är 1 där z > 0 och 0 där z <= 0, "
                  "även precis i z = 0. Multiplicera den med dA element för element (*, inte @).",
        },
        public=[
            case(np.array([[5.0, 6.0, 7.0]]), np.array([[-2.0, 0.0, 3.0]])),
            case(np.array([[1.0, -1.0], [2.0, -2.0]]), np.array([[0.5, 0.5], [-0.5, 0.5]])),
        ],
        hidden=[
            case(np.array([[-3.0, 4.0, -5.0, 6.0]]), np.array([[1.0, 2.0, -1.0, -2.0]])),
            case(np.array([[1.0, 2.0], [3.0, 4.0]]), np.zeros((2, 2))).weighted(2),
            case(np.array([[-1.0, -2.0], [-3.0, -4.0]]), np.array([[1e-9, -1e-9], [0.0, 1000.0]])).weighted(2),
            case(np.array([[2.0, 2.0, 2.0]]), np.array([[-4.0, -1.0, -0.5]])),
            *random_cases(_relu_case, 5, seed=72),
        ],
        misconceptions=[
            Misconception("at_zero_too", relu_backward_at_zero_too, costs=0.25, message={
                "en": "You let the gradient through where z = 0 as well. Like nnlib, this course takes ReLU'(0) = 0: "
                      "only z > 0 counts as active.",
                "sv": "Du släpper igenom gradienten även där z = 0. Precis som nnlib använder den här kursen "
                      "ReLU'(0) = 0: bara z > 0 räknas som aktiv."}),
            Misconception("times_output", relu_backward_times_output, costs=0.5, message={
                "en": "You multiply dA by ReLU(Z), the output of the forward pass. The local derivative is 1 where "
                      "z > 0 and 0 elsewhere, whatever the size of z.",
                "sv": "Du multiplicerar dA med ReLU(Z), framåtpassets utdata. Den lokala derivatan är 1 där z > 0 och "
                      "0 annars, oavsett hur stort z är."}),
            Misconception("mask_from_dA", relu_backward_mask_from_dA, costs=0.5, message={
                "en": "You decide where the gradient flows from the sign of dA. It depends on whether the node was "
                      "active in the forward pass, that is on Z.",
                "sv": "Du avgör var gradienten flödar utifrån tecknet på dA. Det beror på om noden var aktiv i "
                      "framåtpasset, alltså på Z."}),
            Misconception("mask_only", relu_backward_mask_only, costs=0.5, message={
                "en": "You return only ReLU'(Z). The chain rule multiplies it by the gradient dA that arrives from the "
                      "layer after.",
                "sv": "Du returnerar bara ReLU'(Z). Kedjeregeln multiplicerar den med gradienten dA som kommer från "
                      "lagret efter."}),
            Misconception("matrix_product", relu_backward_matrix_product, costs=0.5, message={
                "en": "You use a matrix product. Each a_nj depends only on its own z_nj, so multiply element by "
                      "element: dZ has the shape of Z.",
                "sv": "Du använder en matrisprodukt. Varje a_nj beror bara på sitt eget z_nj, så multiplicera element "
                      "för element: dZ har samma form som Z."}),
        ],
        alternatives=[relu_backward_where, relu_backward_by_loop],
    ),
    Question(
        "q3", function="train_step", points=4,
        hint={
            "en": "Follow the three steps in order and check every shape. dY_hat divides by the number of entries "
                  "of Y_hat; the output layer's input is A1; all four updates use the gradients of one backward pass, "
                  "with a minus sign; the loss you return is the one of step 1.",
            "sv": "Följ de tre stegen i tur och ordning och kontrollera varje form. dY_hat delas med antalet element i "
                  "Y_hat; utdatalagrets indata är A1; alla fyra uppdateringarna använder gradienterna från ett och "
                  "samma bakåtpass, med minustecken; förlusten du returnerar är den från steg 1.",
        },
        public=[
            case(np.array([[1.0, 2.0], [-1.0, 0.5]]), np.array([[1.0], [0.0]]),
                 np.array([[0.5, -0.5], [1.0, 0.5], [-1.0, 1.0]]), np.array([0.1, 0.0, -0.1]),
                 np.array([[1.0, -1.0, 0.5]]), np.array([0.2]), 0.1),
            case(np.array([[1.0, 0.0, 2.0]]), np.array([[3.0, -1.0]]),
                 np.array([[1.0, 1.0, 1.0], [-1.0, 2.0, 0.5]]), np.array([0.5, -0.5]),
                 np.array([[1.0, 0.0], [0.5, -2.0]]), np.array([0.0, 1.0]), 0.05),
        ],
        hidden=[
            case(np.array([[0.5, -1.0], [1.5, 2.0], [-2.0, 0.3], [0.1, 0.1]]), np.array([[1.0], [2.0], [0.0], [1.0]]),
                 np.array([[-1.0, -1.0], [-2.0, -3.0]]), np.array([-5.0, -5.0]),
                 np.array([[1.0, 1.0]]), np.array([0.5]), 0.2),
            case(np.array([[1.0, -1.0], [0.5, 2.0], [-1.5, 0.0]]), np.array([[1.0, 0.0, -1.0], [0.5, 0.5, 0.5],
                                                                           [0.0, 2.0, 1.0]]),
                 np.array([[1.0, 0.5], [-0.5, 1.0]]), np.array([0.2, 0.1]),
                 np.array([[1.0, -1.0], [0.5, 0.5], [-1.0, 2.0]]), np.array([0.0, 0.1, -0.1]), 0.1),
            *random_cases(_network_case, 6, seed=73),
        ],
        misconceptions=[
            Misconception("plus_sign", train_step_plus_sign, costs=0.5, message={
                "en": "Your update adds the gradient, so the loss grows. Gradient descent subtracts the learning rate "
                      "times the gradient.",
                "sv": "Din uppdatering adderar gradienten, så förlusten växer. Gradientnedstigning drar bort "
                      "inlärningstakten gånger gradienten."}),
            Misconception("loss_after_update", train_step_loss_after_update, costs=0.5, message={
                "en": "You return the loss of the updated parameters. Return the loss of step 1, computed in the same "
                      "forward pass as the gradients, before the update.",
                "sv": "Du returnerar förlusten för de uppdaterade parametrarna. Returnera förlusten från steg 1, "
                      "beräknad i samma framåtpass som gradienterna, före uppdateringen."}),
            Misconception("without_relu_derivative", train_step_without_relu_derivative, costs=0.5, message={
                "en": "Your backward pass skips the ReLU: the gradient also flows to hidden nodes with z <= 0. Pass "
                      "dA1 through relu_backward before the first layer.",
                "sv": "Ditt bakåtpass hoppar över ReLU: gradienten flödar även till dolda noder med z <= 0. Skicka dA1 "
                      "genom relu_backward före det första lagret."}),
            Misconception("divided_by_N", train_step_divided_by_N, costs=0.5, message={
                "en": "Your dY_hat divides by N, the number of samples. The MSE is a mean over all N * n_out entries, "
                      "so with more than one output your gradients are n_out times too large.",
                "sv": "Ditt dY_hat delas med N, antalet exempel. MSE är ett medelvärde över alla N * n_out element, så "
                      "med mer än en utdatanod blir dina gradienter n_out gånger för stora."}),
            Misconception("biases_unchanged", train_step_biases_unchanged, costs=0.5, message={
                "en": "Your step leaves the biases as they were. Update all four parameters with their own gradients.",
                "sv": "Ditt steg lämnar biasvärdena som de var. Uppdatera alla fyra parametrarna med sina egna "
                      "gradienter."}),
            Misconception("new_W2_in_backward", train_step_new_W2_in_backward, costs=0.5, message={
                "en": "You update W2 before you pass the gradient back through it, so dA1 uses the new weights. Compute "
                      "every gradient with the weights before the update, then update them all.",
                "sv": "Du uppdaterar W2 innan du skickar gradienten bakåt genom det, så dA1 använder de nya vikterna. "
                      "Beräkna varje gradient med vikterna före uppdateringen och uppdatera sedan alla."}),
            Misconception("output_layer_gets_X", train_step_output_layer_gets_X, costs=0.5, message={
                "en": "Your dW2 uses X as the input of the output layer. The output layer receives A1, the output of "
                      "the hidden layer.",
                "sv": "Ditt dW2 använder X som utdatalagrets indata. Utdatalagret får A1, det dolda lagrets utdata."}),
        ],
        alternatives=[train_step_on_copies],
    ),
    Question(
        "q4", variable="n_forward_passes", points=1, compare=_same_integer,
        hint={
            "en": "A layer with n_in inputs and n_out nodes has n_out * n_in weights and n_out biases. Add up the "
                  "parameters of both layers, then multiply by the two forward passes per parameter.",
            "sv": "Ett lager med n_in indata och n_out noder har n_out * n_in vikter och n_out bias. Summera "
                  "parametrarna i båda lagren och multiplicera sedan med de två framåtpassen per parameter.",
        },
        misconceptions=[
            Misconception("one_pass_per_parameter", 2410, costs=1, message={
                "en": "You counted the parameters. A central difference needs two forward passes for each of them, "
                      "one with +h and one with -h.",
                "sv": "Du räknade parametrarna. En central differens behöver två framåtpass för var och en av dem, ett "
                      "med +h och ett med -h."}),
            Misconception("without_biases", 4800, costs=1, message={
                "en": "You left out the biases: each layer also has one bias per node, and each of them needs its "
                      "two forward passes too.",
                "sv": "Du har utelämnat biasvärdena: varje lager har också en bias per nod, och vart och ett av dem "
                      "behöver också sina två framåtpass."}),
            Misconception("nodes_instead_of_weights", 212, costs=1, message={
                "en": "You counted nodes, not parameters. A layer has a weight for every pair of an input and a node, "
                      "n_out * n_in of them, plus one bias per node.",
                "sv": "Du räknade noder, inte parametrar. Ett lager har en vikt för varje par av indata och nod, "
                      "n_out * n_in stycken, plus en bias per nod."}),
        ],
        alternatives=[4820.0],
    ),
    Question(
        "q5", variable="xor_losses", points=2, rtol=1e-6, atol=1e-12,
        hint={
            "en": "Start from W1_start, b1_start, W2_start, b2_start; in a loop of 500 steps write "
                  "W1, b1, W2, b2, loss = train_step(X_xor, Y_xor, W1, b1, W2, b2, 0.1) and append loss to a list. "
                  "If q3 does not pass yet, fix it first.",
            "sv": "Börja från W1_start, b1_start, W2_start, b2_start; skriv i en loop med 500 steg "
                  "W1, b1, W2, b2, loss = train_step(X_xor, Y_xor, W1, b1, W2, b2, 0.1) och lägg till loss i en "
                  "lista. Om q3 inte klaras än, rätta den först.",
        },
        misconceptions=[
            Misconception("losses_after_update", XOR_LOSSES_AFTER_UPDATE, costs=1, message={
                "en": "Your losses are one step late: the first entry must be the loss of the starting weights, the "
                      "one the first call of train_step returns.",
                "sv": "Dina förluster ligger ett steg efter: det första elementet ska vara förlusten för startvikterna, "
                      "den som det första anropet av train_step returnerar."}),
            Misconception("not_continued", XOR_LOSSES_NOT_CONTINUED, costs=1, message={
                "en": "Every step starts again from the starting weights, so the loss never changes. Continue each step "
                      "from the parameters the previous step returned.",
                "sv": "Varje steg börjar om från startvikterna, så förlusten ändras aldrig. Fortsätt varje steg från de "
                      "parametrar som det föregående steget returnerade."}),
            Misconception("last_loss_only", XOR_LAST_LOSS_ONLY, costs=1, message={
                "en": "You kept only the last loss. Collect the loss of every step, in order, in an array of shape "
                      "(500,).",
                "sv": "Du sparade bara den sista förlusten. Samla förlusten från varje steg, i ordning, i en array med "
                      "formen (500,)."}),
            Misconception("one_step_short", XOR_LOSSES_499, costs=1, message={
                "en": "You have 499 losses: take exactly 500 steps, and keep the loss of each.",
                "sv": "Du har 499 förluster: ta exakt 500 steg och spara förlusten från vart och ett."}),
        ],
        alternatives=[XOR_LOSSES_AS_LIST],
    ),
]
