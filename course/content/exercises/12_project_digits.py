# %% [markdown] tags=["en"]
# # Exercise 12, project: handwritten digits
#
# In chapter 00 a neural network was a black box that turns an image into an answer. Now you
# build that box yourself and open it: a network that reads handwritten digits. You put together
# everything from the course: data, a split into training, validation and test data, an
# architecture, a loss function, an optimiser, early stopping on the validation loss and, once,
# at the end, a test score. Every tool you need is in the course's library `nnlib`, and each one
# is explained below before you use it.
#
# Questions 1–3 are small steps on the way. Question 4 is the project itself: you choose the
# network and how to train it, and it is graded by its **accuracy** on test images it has never
# seen. There are four questions and 7 points in total.

# %% [markdown] tags=["sv"]
# # Övning 12, projekt: handskrivna siffror
#
# I kapitel 00 var ett neuralt nätverk en svart låda som gör om en bild till ett svar. Nu bygger
# du den lådan själv och öppnar den: ett nätverk som läser handskrivna siffror. Du sätter ihop
# allt från kursen: data, en uppdelning i träningsdata, valideringsdata och testdata, en
# arkitektur, en förlustfunktion, en optimerare, tidigt stopp på valideringsförlusten och, en
# gång, allra sist, ett resultat på testdata. Alla verktyg du behöver finns i kursens bibliotek
# `nnlib`, och vart och ett förklaras nedan innan du använder det.
#
# Fråga 1–3 är små steg på vägen. Fråga 4 är själva projektet: du väljer nätverket och hur det ska
# tränas, och det rättas efter sin **träffsäkerhet (accuracy)** på testbilder som det aldrig har
# sett. Det finns fyra frågor och sammanlagt 7 poäng.

# %%
from course import set_language
from course.checker import check_for
set_language("en")
check = check_for("12_project_digits")

import numpy as np

# %% [markdown] tags=["en"]
# ## The data
#
# `nnlib.datasets.load_digits()` returns 1,797 small scanned images of handwritten digits 0–9.
# Each image has $8 \times 8$ pixels, and each pixel is an integer from 0 (no ink) to 16 (all
# ink): the number of black pixels in a $4 \times 4$ block of a $32 \times 32$ black-and-white
# scan. The images come as the rows of `X`, of shape `(1797, 64)`: row $i$ is image $i$ with its
# 8 rows of pixels one after the other, so `X[i].reshape(8, 8)` is the picture. `y`, of shape
# `(1797,)`, holds the digit each image shows, its **label**.
#
# The next cell loads the data and keeps a fifth of it, the **test data**, away from everything
# else. `stratify=True` keeps the same share of every digit in both parts, and `rng=0` makes the
# split the same every time. The cell after it shows the first ten training images.

# %% [markdown] tags=["sv"]
# ## Data
#
# `nnlib.datasets.load_digits()` returnerar 1 797 små inskannade bilder av handskrivna siffror
# 0–9. Varje bild har $8 \times 8$ pixlar, och varje pixel är ett heltal från 0 (inget bläck) till
# 16 (bara bläck): antalet svarta pixlar i ett $4 \times 4$-block i en svartvit skanning med
# $32 \times 32$ pixlar. Bilderna kommer som raderna i `X`, med formen `(1797, 64)`: rad $i$ är
# bild $i$ med sina 8 pixelrader efter varandra, så `X[i].reshape(8, 8)` är bilden. `y`, med
# formen `(1797,)`, innehåller siffran som varje bild visar, dess **etikett**.
#
# Nästa cell läser in data och håller undan en femtedel, **testdata**, från allt annat.
# `stratify=True` ger samma andel av varje siffra i båda delarna, och `rng=0` gör att uppdelningen
# blir likadan varje gång. Cellen efter den visar de tio första träningsbilderna.

# %%
import nnlib

X, y = nnlib.datasets.load_digits()
X_train, X_test, y_train, y_test = nnlib.train_test_split(X, y, test_size=0.2, stratify=True, rng=0)
print(X_train.shape, y_train.shape, X_test.shape, y_test.shape)

# %%
import matplotlib.pyplot as plt

fig, axes = plt.subplots(1, 10, figsize=(10, 1.6))
for ax, image, label in zip(axes, X_train, y_train):
    ax.imshow(image.reshape(8, 8), cmap="gray_r", vmin=0, vmax=16)
    ax.set_title(str(label))
    ax.axis("off")
plt.show()

# %% [markdown] tags=["en"]
# ## Question 1: scale the pixels (1 point)
#
# A network learns best when its inputs are numbers of about size 1: the usual weight
# initialisation assumes it, and with pixels up to 16 the first layer's weighted sums and the
# gradients of its weights become large, so a learning rate that suits the other layers is too
# large for the first. So we scale the pixels to the interval $[0, 1]$ by dividing by the **largest
# possible** pixel value, 16:
#
# $$x' = \frac{x}{16}.$$
#
# Divide by 16, not by the largest value in `X`: the scaling must be the same for every image,
# for the training and the test data, and for a single new image, whatever values they happen to
# contain.
#
# Write `normalize_pixels(X)` that returns the scaled pixels, a float array of the same shape as
# `X` (any shape, with values from 0 to 16).

# %% [markdown] tags=["sv"]
# ## Fråga 1: skala pixlarna (1 poäng)
#
# Ett nätverk lär sig bäst när dess indata är tal av ungefär storleken 1: den vanliga
# viktinitieringen förutsätter det, och med pixelvärden upp till 16 blir det första lagrets viktade
# summor och gradienterna för dess vikter stora, så en inlärningstakt som passar de andra lagren är
# för stor för det första. Därför skalar vi pixlarna till intervallet $[0, 1]$ genom att
# dividera med det **största möjliga** pixelvärdet, 16:
#
# $$x' = \frac{x}{16}.$$
#
# Dividera med 16, inte med det största värdet i `X`: skalningen ska vara densamma för varje bild,
# för träningsdata och testdata och för en enstaka ny bild, vilka värden de än råkar innehålla.
#
# Skriv `normalize_pixels(X)` som returnerar de skalade pixlarna, en array av flyttal med samma
# form som `X` (vilken form som helst, med värden från 0 till 16).

# %% tags=["en"]
def normalize_pixels(X):
    """Scale pixel values from 0..16 to 0..1: x' = x / 16.

    Parameters
    ----------
    X : numpy array of any shape, e.g. (N, 64), values 0..16

    Returns
    -------
    numpy array of float, same shape as X
    """
    # BEGIN SOLUTION
    return np.asarray(X, dtype=float) / 16.0
    # END SOLUTION

# %% tags=["sv"]
def normalize_pixels(X):
    """Skala pixelvärden från 0..16 till 0..1: x' = x / 16.

    Parametrar
    ----------
    X : numpy-array med godtycklig form, t.ex. (N, 64), värden 0..16

    Returnerar
    ----------
    numpy-array med flyttal, samma form som X
    """
    # BEGIN SOLUTION
    return np.asarray(X, dtype=float) / 16.0
    # END SOLUTION

# %% tags=["check"]
check("q1")

# %% [markdown] tags=["en"]
# ## From ten scores to a digit
#
# The network has one output per class, 10 in all. For an image it computes ten numbers
# $z_0, \dots, z_9$, the **scores** (also called logits): the larger $z_j$, the more the network
# believes that the image shows the digit $j$. Its **prediction** is the class with the largest
# score, $\hat y = \arg\max_j z_j$, in numpy `scores.argmax(axis=1)` for a batch of shape
# `(N, 10)`.
#
# For training we need a loss. **Softmax** turns the scores into probabilities that are positive
# and add up to 1,
#
# $$p_j = \frac{e^{z_j}}{\sum_{k=0}^{9} e^{z_k}},$$
#
# and the **cross-entropy** loss of one image with the true class $c$ is
#
# $$L = -\sum_{j=0}^{9} y_j \log p_j = -\log p_c,$$
#
# where $y = (y_0, \dots, y_9)$ is the **one-hot encoding** of the label: $y_c = 1$ and every other
# $y_j = 0$. The loss is 0 when the network gives the right class probability 1, and it grows
# without bound as that probability falls towards 0. The cost of a batch is the mean of the losses.
#
# In `nnlib`, `nnlib.CrossEntropy()` computes the softmax and the cross-entropy in one numerically
# safe step. It takes the scores, so the network ends with a plain Dense layer without an output
# activation, and it accepts the labels either as integers `(N,)` or one-hot `(N, 10)`.

# %% [markdown] tags=["sv"]
# ## Från tio logits till en siffra
#
# Nätverket har en utdatanod per klass, 10 sammanlagt. För en bild räknar det ut tio tal
# $z_0, \dots, z_9$, nätverkets **logits** (ett slags råa poäng): ju större $z_j$, desto mer tror
# nätverket att bilden visar siffran $j$. Dess **prediktion** är klassen med störst logit,
# $\hat y = \arg\max_j z_j$, i numpy `scores.argmax(axis=1)` för en batch med formen `(N, 10)`.
#
# För träningen behöver vi en förlust. **Softmax** gör om logits till sannolikheter som är
# positiva och har summan 1,
#
# $$p_j = \frac{e^{z_j}}{\sum_{k=0}^{9} e^{z_k}},$$
#
# och **korsentropin** för en bild med den rätta klassen $c$ är
#
# $$L = -\sum_{j=0}^{9} y_j \log p_j = -\log p_c,$$
#
# där $y = (y_0, \dots, y_9)$ är etikettens **one-hot-kodning**: $y_c = 1$ och alla andra
# $y_j = 0$. Förlusten är 0 när nätverket ger den rätta klassen sannolikheten 1, och den växer
# obegränsat när den sannolikheten går mot 0. Kostnaden för en batch är medelvärdet av förlusterna.
#
# I `nnlib` räknar `nnlib.CrossEntropy()` ut softmax och korsentropin i ett numeriskt stabilt steg.
# Den tar logits, så nätverket slutar med ett vanligt Dense-lager utan aktiveringsfunktion i
# utdatalagret, och den tar emot etiketterna antingen som heltal `(N,)` eller one-hot-kodade
# `(N, 10)`.

# %% [markdown] tags=["en"]
# ## Question 2: one-hot encoding (1 point)
#
# Write `one_hot(y, n_classes)` that turns the labels `y`, an integer array of shape `(N,)` with
# values $0, \dots, n_{\text{classes}} - 1$, into the float array $Y$ of shape `(N, n_classes)`
# with
#
# $$Y_{i,j} = \begin{cases} 1 & \text{if } y_i = j, \\ 0 & \text{otherwise.} \end{cases}$$
#
# For example, `one_hot(np.array([2, 0, 1]), 4)` is
# $\begin{pmatrix} 0 & 0 & 1 & 0 \\ 1 & 0 & 0 & 0 \\ 0 & 1 & 0 & 0 \end{pmatrix}$.
# The number of columns comes from `n_classes`, not from the largest label: a small batch may not
# contain every digit. One way: start from `np.zeros((N, n_classes))` and set one entry per row;
# `Y[np.arange(N), y] = 1` does all rows at once. (`nnlib.one_hot` does the same.)

# %% [markdown] tags=["sv"]
# ## Fråga 2: one-hot-kodning (1 poäng)
#
# Skriv `one_hot(y, n_classes)` som gör om etiketterna `y`, en heltalsarray med formen `(N,)` och
# värdena $0, \dots, n_{\text{classes}} - 1$, till arrayen $Y$ av flyttal med formen
# `(N, n_classes)` där
#
# $$Y_{i,j} = \begin{cases} 1 & \text{om } y_i = j, \\ 0 & \text{annars.} \end{cases}$$
#
# Till exempel är `one_hot(np.array([2, 0, 1]), 4)` lika med
# $\begin{pmatrix} 0 & 0 & 1 & 0 \\ 1 & 0 & 0 & 0 \\ 0 & 1 & 0 & 0 \end{pmatrix}$.
# Antalet kolumner kommer från `n_classes`, inte från den största etiketten: en liten batch
# innehåller kanske inte alla siffror. Ett sätt: börja med `np.zeros((N, n_classes))` och sätt ett
# element per rad; `Y[np.arange(N), y] = 1` gör alla rader på en gång. (`nnlib.one_hot` gör samma
# sak.)

# %% tags=["en"]
def one_hot(y, n_classes):
    """One-hot rows: Y[i, j] = 1 if y[i] == j, else 0.

    Parameters
    ----------
    y : numpy array of int, shape (N,)
        Labels 0, ..., n_classes - 1.
    n_classes : int

    Returns
    -------
    numpy array of float, shape (N, n_classes)
    """
    # BEGIN SOLUTION
    Y = np.zeros((len(y), n_classes))
    Y[np.arange(len(y)), y] = 1.0
    return Y
    # END SOLUTION

# %% tags=["sv"]
def one_hot(y, n_classes):
    """One-hot-rader: Y[i, j] = 1 om y[i] == j, annars 0.

    Parametrar
    ----------
    y : numpy-array med heltal, formen (N,)
        Etiketter 0, ..., n_classes - 1.
    n_classes : int

    Returnerar
    ----------
    numpy-array med flyttal, formen (N, n_classes)
    """
    # BEGIN SOLUTION
    Y = np.zeros((len(y), n_classes))
    Y[np.arange(len(y)), y] = 1.0
    return Y
    # END SOLUTION

# %% tags=["check"]
check("q2")

# %% [markdown] tags=["en"]
# ## Question 3: reading a confusion matrix (1 point)
#
# Accuracy, the fraction of test images classified right, is one number. A **confusion matrix**
# shows *which* mistakes a network makes: $C_{i,j}$ is the number of test images of the true digit
# $i$ that the network predicted as $j$. The correct answers lie on the diagonal; a large number
# off the diagonal is a pair of digits the network mixes up. `nnlib.confusion_matrix(y_true,
# y_pred)` computes it.
#
# The cell below holds the confusion matrix of a network without hidden layer (64 inputs straight
# to 10 outputs), trained for only 5 epochs with plain gradient descent on the training data above
# and tested on `X_test`; its accuracy is about 90%:
#
# ```python
# model = nnlib.MLP([64, 10], rng=0)
# nnlib.fit(model, nnlib.CrossEntropy(), nnlib.SGD(0.2), X_train / 16, y_train, epochs=5,
#           batch_size=32, rng=0, progress=False)
# confusion = nnlib.confusion_matrix(y_test, model.predict(X_test / 16), n_classes=10)
# ```
#
# Set `most_confused` to the mistake it makes most often, as a tuple `(true_digit,
# predicted_digit)` of two `int`s. Mind the order: rows are true digits, columns predicted ones.

# %% [markdown] tags=["sv"]
# ## Fråga 3: att läsa en förväxlingsmatris (1 poäng)
#
# Träffsäkerheten, andelen testbilder som klassificeras rätt, är ett enda tal. En
# **förväxlingsmatris** (confusion matrix) visar *vilka* misstag ett nätverk gör: $C_{i,j}$ är
# antalet testbilder av den sanna siffran $i$ som nätverket predikterade som $j$. De rätta svaren
# ligger på diagonalen; ett stort tal utanför diagonalen är ett par siffror som nätverket blandar
# ihop. `nnlib.confusion_matrix(y_true, y_pred)` räknar ut den.
#
# Cellen nedan innehåller förväxlingsmatrisen för ett nätverk utan dolt lager (64 indatavärden direkt
# till 10 utdatanoder), tränat i bara 5 epoker med vanlig gradientnedstigning på träningsdata ovan och
# testat på `X_test`; dess träffsäkerhet är ungefär 90 %:
#
# ```python
# model = nnlib.MLP([64, 10], rng=0)
# nnlib.fit(model, nnlib.CrossEntropy(), nnlib.SGD(0.2), X_train / 16, y_train, epochs=5,
#           batch_size=32, rng=0, progress=False)
# confusion = nnlib.confusion_matrix(y_test, model.predict(X_test / 16), n_classes=10)
# ```
#
# Sätt `most_confused` till det misstag som det gör oftast, som en tupel `(true_digit,
# predicted_digit)` med två `int`. Tänk på ordningen: raderna är sanna siffror, kolumnerna
# predikterade.

# %%
confusion = np.array([
    [34, 0, 0, 0, 2, 0, 0, 0, 0, 0],
    [0, 29, 1, 0, 0, 0, 0, 0, 6, 1],
    [0, 1, 34, 0, 0, 0, 0, 0, 0, 0],
    [0, 1, 1, 30, 0, 0, 0, 1, 2, 2],
    [0, 1, 0, 0, 34, 0, 0, 0, 1, 0],
    [0, 0, 0, 0, 0, 33, 0, 0, 0, 3],
    [0, 1, 0, 0, 0, 0, 35, 0, 0, 0],
    [0, 0, 0, 0, 0, 1, 0, 34, 1, 0],
    [0, 3, 0, 0, 0, 1, 1, 0, 30, 0],
    [0, 1, 0, 1, 1, 0, 0, 2, 1, 30],
])

# %%
# BEGIN SOLUTION
mistakes = confusion - np.diag(np.diag(confusion))
true_digit, predicted_digit = np.unravel_index(np.argmax(mistakes), mistakes.shape)
most_confused = (int(true_digit), int(predicted_digit))
# END SOLUTION

# %% tags=["check"]
check("q3")

# %% [markdown] tags=["en"]
# ## Question 4: the project (4 points)
#
# Write `train_and_predict(X_train, y_train, X_test, seed)`. It receives
#
# - `X_train`, shape `(N, 64)`: training images with raw pixel values 0–16, one per row;
# - `y_train`, shape `(N,)`: their labels, integers 0–9;
# - `X_test`, shape `(M, 64)`: other images, whose labels it never sees;
# - `seed`, an int: use it for every random choice, so that the same call gives the same result.
#
# It builds and trains a network of your choice on `X_train` and `y_train` only, and returns the
# predicted labels of `X_test`, an integer array of shape `(M,)`. The check computes the
# **accuracy**, the fraction of test images whose predicted label is right, and the question
# passes when it is **at least 0.95** (95%). The check uses the split of the data cell above;
# the grader also trains your network on two other splits, with other test images, and each of the
# three counts.
#
# The check and the grader also train your network once on a small made-up data set: plain gray
# images whose class (0, 1 or 2) is how dark they are. A network that sees its test images at
# another scale than its training images gets many of them wrong, so this test tells you whether
# the training and the test images go through exactly the same preprocessing. It counts as much as
# one split of the digits.
#
# The pieces, all in `nnlib`:
#
# - **Validation data.** Keep part of the training data away from training to watch for
#   overfitting: `X_fit, X_val, y_fit, y_val = nnlib.train_test_split(X, y, test_size=0.1,
#   stratify=True, rng=seed)`. Never use `X_test` for any decision.
# - **Architecture.** `nnlib.MLP([64, n_hidden, 10], activation="relu", rng=seed)` is a fully
#   connected network with one hidden layer of `n_hidden` ReLU neurons and 10 scores out; add more
#   sizes to the list for more hidden layers. It has `(64 + 1) n_hidden + (n_hidden + 1) 10`
#   parameters. Too small underfits, too large overfits and is slow: choose a size "lagom".
# - **Loss and optimiser.** `nnlib.CrossEntropy()` takes the scores and integer labels.
#   `nnlib.Adam(learning_rate)` is gradient descent that adapts the step of every weight by itself;
#   learning rates between `0.001` and `0.01` are a good start (`nnlib.SGD(learning_rate)` is plain
#   gradient descent).
# - **Training.** `history = nnlib.fit(model, loss, optimizer, X_fit, y_fit, epochs=...,
#   batch_size=..., validation_data=(X_val, y_val), callbacks=[nnlib.EarlyStopping(patience=...)],
#   rng=seed, progress=False)` trains in mini-batches; `history.loss` and `history.val_loss` hold
#   the losses per epoch. `EarlyStopping` stops once the validation loss has not improved for more
#   than `patience` epochs in a row, and puts back the weights of the best epoch.
# - **Prediction.** `model.predict(X)` returns the scores, shape `(M, 10)`; `argmax(axis=1)` turns
#   them into labels. Scale the test images exactly as the training images.
#
# Use your `normalize_pixels` from question 1. Keep the training short, a few seconds at most:
# the grader trains your network four times and stops a call that runs too long (by default
# after 15 seconds), while a small network trains in well under a second and reaches about 97%.
# If you want to try a convolutional network (chapter 10), `X.reshape(-1, 1, 8, 8)` gives NCHW
# images and `nnlib.Sequential([nnlib.Conv2D(1, 8, 3, padding=1, rng=seed), nnlib.ReLU(),
# nnlib.MaxPool2D(2), nnlib.Flatten(), nnlib.Dense(128, 10, rng=seed)])` is a small one.
#
# To see your own score before you run the check, run
# `nnlib.accuracy(train_and_predict(X_train, y_train, X_test, 0), y_test)` in a new cell. To see
# how training goes, train a network in a cell of your own and draw `history.loss` and
# `history.val_loss` with `plt.plot`. Cells of your own also run when the notebook is graded, so
# delete long experiments before you hand in.

# %% [markdown] tags=["sv"]
# ## Fråga 4: projektet (4 poäng)
#
# Skriv `train_and_predict(X_train, y_train, X_test, seed)`. Den får
#
# - `X_train`, med formen `(N, 64)`: träningsbilder med råa pixelvärden 0–16, en per rad;
# - `y_train`, med formen `(N,)`: deras etiketter, heltal 0–9;
# - `X_test`, med formen `(M, 64)`: andra bilder, vars etiketter den aldrig ser;
# - `seed`, en int: använd den för varje slumpmässigt val, så att samma anrop ger samma resultat.
#
# Den bygger och tränar ett nätverk som du väljer på enbart `X_train` och `y_train` och returnerar
# de predikterade etiketterna för `X_test`, en heltalsarray med formen `(M,)`. Kontrollen räknar ut
# **träffsäkerheten**, andelen testbilder vars predikterade etikett är rätt, och frågan är klarad
# när den är **minst 0,95** (95 %). Kontrollen använder uppdelningen i datacellen ovan;
# rättningen tränar också ditt nätverk på två andra uppdelningar, med andra testbilder, och var och
# en av de tre räknas.
#
# Kontrollen och rättningen tränar dessutom ditt nätverk en gång på en liten påhittad datamängd:
# enfärgade grå bilder vars klass (0, 1 eller 2) är hur mörka de är. Ett nätverk som ser sina
# testbilder i en annan skala än sina träningsbilder klassificerar många av dem fel, så det här
# testet visar om tränings- och testbilderna går igenom exakt samma förbehandling. Det räknas lika
# mycket som en uppdelning av siffrorna.
#
# Delarna, alla i `nnlib`:
#
# - **Valideringsdata.** Håll undan en del av träningsdata från träningen för att upptäcka
#   överanpassning: `X_fit, X_val, y_fit, y_val = nnlib.train_test_split(X, y, test_size=0.1,
#   stratify=True, rng=seed)`. Använd aldrig `X_test` till något beslut.
# - **Arkitektur.** `nnlib.MLP([64, n_hidden, 10], activation="relu", rng=seed)` är ett fullt
#   kopplat nätverk med ett dolt lager med `n_hidden` ReLU-neuroner och 10 logits ut; lägg till
#   fler storlekar i listan för fler dolda lager. Det har `(64 + 1) n_hidden + (n_hidden + 1) 10`
#   parametrar. För litet underanpassar, för stort överanpassar och är långsamt: välj en lagom
#   storlek.
# - **Förlust och optimerare.** `nnlib.CrossEntropy()` tar logits och etiketterna som heltal.
#   `nnlib.Adam(learning_rate)` är gradientnedstigning som själv anpassar steget för varje vikt;
#   inlärningstakter mellan `0.001` och `0.01` är en bra början (`nnlib.SGD(learning_rate)` är
#   vanlig gradientnedstigning).
# - **Träning.** `history = nnlib.fit(model, loss, optimizer, X_fit, y_fit, epochs=...,
#   batch_size=..., validation_data=(X_val, y_val), callbacks=[nnlib.EarlyStopping(patience=...)],
#   rng=seed, progress=False)` tränar i minibatcher; `history.loss` och `history.val_loss` innehåller
#   förlusterna per epok. `EarlyStopping` stoppar när valideringsförlusten inte har förbättrats på
#   fler än `patience` epoker i rad och lägger tillbaka vikterna från den bästa epoken.
# - **Prediktion.** `model.predict(X)` returnerar logits, med formen `(M, 10)`;
#   `argmax(axis=1)` gör om dem till etiketter. Skala testbilderna precis som träningsbilderna.
#
# Använd din `normalize_pixels` från fråga 1. Håll träningen kort, högst några sekunder:
# rättningen tränar ditt nätverk fyra gånger och avbryter ett anrop som tar för lång tid (normalt
# efter 15 sekunder), medan ett litet nätverk tränas på långt under en sekund och når ungefär
# 97 %. Om du vill prova ett faltningsnätverk (kapitel 10) ger `X.reshape(-1, 1, 8, 8)` bilder i
# NCHW-form, och `nnlib.Sequential([nnlib.Conv2D(1, 8, 3, padding=1, rng=seed), nnlib.ReLU(),
# nnlib.MaxPool2D(2), nnlib.Flatten(), nnlib.Dense(128, 10, rng=seed)])` är ett litet sådant.
#
# För att se ditt eget resultat innan du kör kontrollen kan du köra
# `nnlib.accuracy(train_and_predict(X_train, y_train, X_test, 0), y_test)` i en ny cell. För att
# se hur träningen går kan du träna ett nätverk i en egen cell och rita `history.loss` och
# `history.val_loss` med `plt.plot`. Egna celler körs också när din notebook rättas, så ta bort
# långa experiment innan du lämnar in.

# %% tags=["en"]
def train_and_predict(X_train, y_train, X_test, seed):
    """Train a network of your choice on the training images and predict the test labels.

    Parameters
    ----------
    X_train : numpy array of shape (N, 64)
        Training images, raw pixel values 0..16.
    y_train : numpy array of int, shape (N,)
        Their labels 0..9.
    X_test : numpy array of shape (M, 64)
        Images to classify, raw pixel values 0..16.
    seed : int
        Seed for every random choice (initial weights, splits, shuffling).

    Returns
    -------
    numpy array of int, shape (M,)
        The predicted digit of every test image.
    """
    # BEGIN SOLUTION
    X_fit, X_val, y_fit, y_val = nnlib.train_test_split(
        normalize_pixels(X_train), y_train, test_size=0.1, stratify=True, rng=seed)
    model = nnlib.MLP([64, 64, 10], activation="relu", rng=seed)
    nnlib.fit(model, nnlib.CrossEntropy(), nnlib.Adam(0.005), X_fit, y_fit, epochs=20, batch_size=32,
              validation_data=(X_val, y_val), callbacks=[nnlib.EarlyStopping(patience=3)],
              rng=seed, progress=False)
    return model.predict(normalize_pixels(X_test)).argmax(axis=1)
    # END SOLUTION

# %% tags=["sv"]
def train_and_predict(X_train, y_train, X_test, seed):
    """Träna ett nätverk som du själv väljer på träningsbilderna och prediktera testbildernas etiketter.

    Parametrar
    ----------
    X_train : numpy-array med formen (N, 64)
        Träningsbilder, råa pixelvärden 0..16.
    y_train : numpy-array med heltal, formen (N,)
        Deras etiketter 0..9.
    X_test : numpy-array med formen (M, 64)
        Bilder att klassificera, råa pixelvärden 0..16.
    seed : int
        Slumpfrö för alla slumpmässiga val (startvikter, uppdelningar, blandning).

    Returnerar
    ----------
    numpy-array med heltal, formen (M,)
        Den predikterade siffran för varje testbild.
    """
    # BEGIN SOLUTION
    X_fit, X_val, y_fit, y_val = nnlib.train_test_split(
        normalize_pixels(X_train), y_train, test_size=0.1, stratify=True, rng=seed)
    model = nnlib.MLP([64, 64, 10], activation="relu", rng=seed)
    nnlib.fit(model, nnlib.CrossEntropy(), nnlib.Adam(0.005), X_fit, y_fit, epochs=20, batch_size=32,
              validation_data=(X_val, y_val), callbacks=[nnlib.EarlyStopping(patience=3)],
              rng=seed, progress=False)
    return model.predict(normalize_pixels(X_test)).argmax(axis=1)
    # END SOLUTION

# %% tags=["check"]
check("q4")

# %% [markdown] tags=["en"]
# ## Done?
#
# When all four checks show ✔, restart the kernel and run all cells once more (*Kernel → Restart
# Kernel and Run All Cells…*) to make sure that the notebook works from the top, then save it and
# hand it in the way your teacher asks.
#
# That was the last exercise of the course. The black box from chapter 00 is open: you know what
# every part of a network computes, how it learns from its errors with the chain rule and gradient
# descent, and how to check that it generalises. Everything larger, from networks that read text to
# networks that draw pictures, is built from the same parts.

# %% [markdown] tags=["sv"]
# ## Klar?
#
# När alla fyra kontrollerna visar ✔ startar du om kärnan och kör alla celler en gång till
# (*Kernel → Restart Kernel and Run All Cells…*) för att se att din notebook fungerar från
# början. Spara den sedan och lämna in den på det sätt som din lärare har bestämt.
#
# Det var kursens sista övning. Den svarta lådan från kapitel 00 är öppen: du vet vad varje del av
# ett nätverk räknar ut, hur det lär sig av sina fel med kedjeregeln och gradientnedstigning, och
# hur man kontrollerar att det generaliserar. Allt som är större, från nätverk som läser text till
# nätverk som ritar bilder, är byggt av samma delar.

# %% tags=["hidden"]
# The grading specification: never in the student notebooks. Expected values come from the
# solutions above, run on the same inputs.
from course.exercise import Misconception, Question, case, random_cases

REQUIRED_ACCURACY = 0.95
# Two wrong answers are alike on a project test when they fail it and give the same label to at
# least this share of its test images (a misconception is recognised by it, see _same_mistake).
SAME_MISTAKE_AGREEMENT = 0.9


def _pixels(rng):
    shape = [(5, 64), (3, 8, 8), (10,), (2, 2)][int(rng.integers(0, 4))]
    high = int(rng.integers(1, 17))
    return rng.integers(0, high + 1, size=shape)


def _labels(rng):
    n_classes = int(rng.integers(2, 11))
    return rng.integers(0, n_classes, size=int(rng.integers(1, 12))), n_classes


def _project_case(seed, test_size):
    X_all, y_all = nnlib.datasets.load_digits()
    X_fit, X_held, y_fit, y_held = nnlib.train_test_split(X_all, y_all, test_size=test_size, stratify=True,
                                                          rng=seed)
    return case(X_fit, y_fit, X_held, seed), y_held


def _gray_case(seed):
    """Plain gray 8 x 8 images whose class is how dark they are: 1, 8 or 15 of 16, give or take 1.

    The test images are only of the two lighter classes, so their darkest pixel, mean and standard
    deviation differ from the training images': a network that sees the test images unscaled, or
    scaled by their own maximum, mean or standard deviation, gets about half of them or more wrong,
    while any network that scales both sets the same way gets them all right.
    """
    rng = np.random.default_rng(seed)
    levels = np.array([1, 8, 15])

    def images(counts):
        labels = rng.permutation(np.repeat(np.arange(len(counts)), counts))
        return np.clip(levels[labels][:, None] + rng.integers(-1, 2, size=(len(labels), 64)), 0, 16), labels

    X_fit, y_fit = images([300, 300, 300])
    X_held, y_held = images([60, 60, 0])
    return case(X_fit, y_fit, X_held, seed), y_held


_PROJECT = [_project_case(0, 0.2), _gray_case(12), _project_case(1, 0.25), _project_case(2, 0.3)]
_TRUE_LABELS = {len(labels): labels for _, labels in _PROJECT}
if len(_TRUE_LABELS) != len(_PROJECT):
    raise ValueError("the project cases need test sets of different sizes: their size finds their labels")


def _percent(value, lang):
    text = f"{100 * value:.1f}"
    return f"{text}%" if lang == "en" else f"{text.replace('.', ',')} %"


def _as_labels(value, n):
    """value as an array of n labels, or None when it is not one."""
    try:
        labels = np.asarray(value)
    except (TypeError, ValueError):
        return None
    return labels if labels.dtype.kind in "iuf" and labels.shape == (n,) else None


def _same_mistake(wrong, received, y_true):
    """Whether received fails this test the way the wrong answer ``wrong`` does (``y_true`` is None when
    ``wrong`` has not even the length of the test's labels)."""
    theirs = None if y_true is None else _as_labels(wrong, len(y_true))
    if theirs is None:  # not labels at all: alike when received has the same shape and kind of numbers
        try:
            wrong_array, received_array = np.asarray(wrong), np.asarray(received)
        except (TypeError, ValueError):
            return False
        return (wrong_array.shape == received_array.shape
                and (wrong_array.dtype.kind in "iuf") == (received_array.dtype.kind in "iuf"))
    labels = _as_labels(received, len(y_true))
    return (labels is not None and float(np.mean(labels == y_true)) < REQUIRED_ACCURACY
            and float(np.mean(labels == theirs)) >= SAME_MISTAKE_AGREEMENT)


def _same_mistake_on_its_test(wrong, received):
    """Whether received fails a project test the way the misconception's answer ``wrong`` does."""
    return _same_mistake(wrong, received, _TRUE_LABELS.get(len(wrong)) if np.ndim(wrong) >= 1 else None)


def _accuracy_compare(expected, received):
    y_true = _TRUE_LABELS[len(expected)]
    reference = _as_labels(expected, len(y_true))
    n = len(y_true)
    labels = _as_labels(received, n)
    if labels is None:
        try:
            shown = np.asarray(received)
        except (TypeError, ValueError):
            shown = np.array(None, dtype=object)
        hint = {"en": "", "sv": ""}
        if shown.dtype.kind in "iuf" and shown.shape == (n, 10):
            hint = {"en": " These look like scores: take argmax(axis=1).",
                    "sv": " Det ser ut som logits: ta argmax(axis=1)."}
        return False, {
            "en": f"Expected one predicted label (a number 0-9) per test image, an array of shape ({n},), "
                  f"but received {type(received).__name__} with shape {shown.shape} and dtype "
                  f"{shown.dtype}.{hint['en']}",
            "sv": f"väntat: en predikterad etikett (ett tal 0–9) per testbild, en array med formen ({n},); "
                  f"ditt svar är {type(received).__name__} med formen {shown.shape} och dtype "
                  f"{shown.dtype}.{hint['sv']}",
        }
    accuracy = float(np.mean(labels == y_true))
    if accuracy >= REQUIRED_ACCURACY:
        return True, None
    reached = float(np.mean(reference == y_true))
    return False, {
        lang: (f"Your labels are right for {_percent(accuracy, lang)} of the {n} test images; at least "
               f"{_percent(REQUIRED_ACCURACY, lang)} is needed (the reference solution reaches "
               f"{_percent(reached, lang)})." if lang == "en" else
               f"Dina etiketter är rätt för {_percent(accuracy, lang)} av de {n} testbilderna; minst "
               f"{_percent(REQUIRED_ACCURACY, lang)} krävs (referenslösningen når {_percent(reached, lang)}).")
        for lang in ("en", "sv")
    }


# Common wrong answers (each is handed in as a student would in the exercise tests).
def normalize_by_largest_value(X):
    return X / X.max()


def normalize_by_255(X):
    return X / 255


def normalize_by_standardising(X):
    return (X - X.mean()) / X.std()


def normalize_by_floor_division(X):
    return X // 16


def normalize_in_place(X):
    X /= 16
    return X


def normalize_with_a_loop(X):
    flat = [float(value) / 16 for value in np.ravel(X)]
    return np.array(flat).reshape(np.shape(X))


def normalize_float32(X):
    return np.asarray(X, dtype=np.float32) / np.float32(16)


def one_hot_from_largest_label(y, n_classes):
    Y = np.zeros((len(y), int(y.max()) + 1))
    Y[np.arange(len(y)), y] = 1.0
    return Y


def one_hot_transposed(y, n_classes):
    return np.eye(n_classes)[y].T


def one_hot_whole_columns(y, n_classes):
    Y = np.zeros((len(y), n_classes))
    Y[:, y] = 1.0
    return Y


def one_hot_indices_swapped(y, n_classes):
    Y = np.zeros((len(y), n_classes))
    Y[y, np.arange(len(y))] = 1.0
    return Y


def one_hot_by_eye(y, n_classes):
    return np.eye(n_classes, dtype=int)[y]


def one_hot_by_loop(y, n_classes):
    rows = []
    for label in y:
        row = [0.0] * n_classes
        row[int(label)] = 1.0
        rows.append(row)
    return rows


# The project's wrong answers each train the reference's network (a student's notebook has no helper
# for it, and each is handed in as a notebook), with one thing changed.
def project_test_images_unscaled(X_train, y_train, X_test, seed):
    features = normalize_pixels(X_train)
    X_fit, X_val, y_fit, y_val = nnlib.train_test_split(features, y_train, test_size=0.1, stratify=True, rng=seed)
    model = nnlib.MLP([64, 64, 10], activation="relu", rng=seed)
    nnlib.fit(model, nnlib.CrossEntropy(), nnlib.Adam(0.005), X_fit, y_fit, epochs=20, batch_size=32,
              validation_data=(X_val, y_val), callbacks=[nnlib.EarlyStopping(patience=3)], rng=seed, progress=False)
    return model.predict(X_test).argmax(axis=1)


def project_scaled_by_each_sets_own_maximum(X_train, y_train, X_test, seed):
    features = X_train / X_train.max()
    X_fit, X_val, y_fit, y_val = nnlib.train_test_split(features, y_train, test_size=0.1, stratify=True, rng=seed)
    model = nnlib.MLP([64, 64, 10], activation="relu", rng=seed)
    nnlib.fit(model, nnlib.CrossEntropy(), nnlib.Adam(0.005), X_fit, y_fit, epochs=20, batch_size=32,
              validation_data=(X_val, y_val), callbacks=[nnlib.EarlyStopping(patience=3)], rng=seed, progress=False)
    return model.predict(X_test / X_test.max()).argmax(axis=1)


def project_never_scaled(X_train, y_train, X_test, seed):
    features = np.asarray(X_train, dtype=float)
    X_fit, X_val, y_fit, y_val = nnlib.train_test_split(features, y_train, test_size=0.1, stratify=True, rng=seed)
    model = nnlib.MLP([64, 64, 10], activation="relu", rng=seed)
    nnlib.fit(model, nnlib.CrossEntropy(), nnlib.Adam(0.005), X_fit, y_fit, epochs=20, batch_size=32,
              validation_data=(X_val, y_val), callbacks=[nnlib.EarlyStopping(patience=3)], rng=seed, progress=False)
    return model.predict(np.asarray(X_test, dtype=float)).argmax(axis=1)


def project_returns_scores(X_train, y_train, X_test, seed):
    features = normalize_pixels(X_train)
    X_fit, X_val, y_fit, y_val = nnlib.train_test_split(features, y_train, test_size=0.1, stratify=True, rng=seed)
    model = nnlib.MLP([64, 64, 10], activation="relu", rng=seed)
    nnlib.fit(model, nnlib.CrossEntropy(), nnlib.Adam(0.005), X_fit, y_fit, epochs=20, batch_size=32,
              validation_data=(X_val, y_val), callbacks=[nnlib.EarlyStopping(patience=3)], rng=seed, progress=False)
    return model.predict(normalize_pixels(X_test))


def project_argmax_over_images(X_train, y_train, X_test, seed):
    features = normalize_pixels(X_train)
    X_fit, X_val, y_fit, y_val = nnlib.train_test_split(features, y_train, test_size=0.1, stratify=True, rng=seed)
    model = nnlib.MLP([64, 64, 10], activation="relu", rng=seed)
    nnlib.fit(model, nnlib.CrossEntropy(), nnlib.Adam(0.005), X_fit, y_fit, epochs=20, batch_size=32,
              validation_data=(X_val, y_val), callbacks=[nnlib.EarlyStopping(patience=3)], rng=seed, progress=False)
    return model.predict(normalize_pixels(X_test)).argmax(axis=0)


def project_without_hidden_layer(X_train, y_train, X_test, seed):
    model = nnlib.MLP([64, 10], rng=seed)
    nnlib.fit(model, nnlib.CrossEntropy(), nnlib.SGD(0.2), normalize_pixels(X_train), y_train, epochs=5,
              batch_size=32, rng=seed, progress=False)
    return model.predict(normalize_pixels(X_test)).argmax(axis=1)


def project_standardised_with_training_statistics(X_train, y_train, X_test, seed):
    mean, spread = X_train.mean(axis=0), X_train.std(axis=0) + 1e-8
    features = (X_train - mean) / spread
    X_fit, X_val, y_fit, y_val = nnlib.train_test_split(features, y_train, test_size=0.1, stratify=True, rng=seed)
    model = nnlib.MLP([64, 64, 10], activation="relu", rng=seed)
    nnlib.fit(model, nnlib.CrossEntropy(), nnlib.Adam(0.005), X_fit, y_fit, epochs=20, batch_size=32,
              validation_data=(X_val, y_val), callbacks=[nnlib.EarlyStopping(patience=3)], rng=seed, progress=False)
    return model.predict((X_test - mean) / spread).argmax(axis=1)


def project_small_network_without_validation(X_train, y_train, X_test, seed):
    model = nnlib.MLP([64, 32, 10], activation="relu", rng=seed)
    nnlib.fit(model, nnlib.CrossEntropy(), nnlib.Adam(0.01), normalize_pixels(X_train), y_train, epochs=15,
              batch_size=32, rng=seed, progress=False)
    return [int(label) for label in model.predict(normalize_pixels(X_test)).argmax(axis=1)]


QUESTIONS = [
    Question(
        "q1", function="normalize_pixels", points=1,
        hint={
            "en": "Divide by the constant 16, the largest possible pixel value, not by X.max(); the result "
                  "must be floats of the same shape as X.",
            "sv": "Dividera med konstanten 16, det största möjliga pixelvärdet, inte med X.max(); resultatet "
                  "ska vara flyttal med samma form som X.",
        },
        public=[case(np.array([[0, 4, 8, 12]])), case(X[:2])],
        hidden=[
            case(np.array([[0, 1, 2, 3, 4, 5, 6, 7, 8]])),
            case(np.zeros((2, 64), dtype=int)),
            case(X[10:13].reshape(3, 8, 8)),
            *random_cases(_pixels, 5, seed=30),
        ],
        misconceptions=[
            Misconception("divides_by_largest_value", normalize_by_largest_value, costs=0.5, message={
                "en": "You divide by the largest value in X, so the scaling depends on which images you pass: an "
                      "image without full ink is stretched, and all zeros give 0 / 0. Divide by the largest "
                      "possible pixel value, the same constant for every image.",
                "sv": "Du dividerar med det största värdet i X, så skalningen beror på vilka bilder du skickar in: "
                      "en bild utan fullt bläck sträcks ut, och bara nollor ger 0 / 0. Dividera med det största "
                      "möjliga pixelvärdet, samma konstant för varje bild."}),
            Misconception("divides_by_255", normalize_by_255, costs=0.5, message={
                "en": "255 is the largest value of an 8-bit photo, but these pixels go from 0 to 16: your values "
                      "end far below 1. Divide by the largest value these pixels can have.",
                "sv": "255 är det största värdet i ett 8-bitarsfoto, men de här pixlarna går från 0 till 16: dina "
                      "värden slutar långt under 1. Dividera med det största värde som de här pixlarna kan ha."}),
            Misconception("standardises", normalize_by_standardising, costs=0.5, message={
                "en": "You standardise with the mean and standard deviation of X, which depend on the images you "
                      "pass and give negative values. The question asks for the pixels scaled to [0, 1] by one "
                      "fixed constant.",
                "sv": "Du standardiserar med medelvärdet och standardavvikelsen för X, som beror på vilka bilder "
                      "du skickar in och ger negativa värden. Frågan ber om pixlarna skalade till [0, 1] med en "
                      "och samma konstant."}),
            Misconception("floor_division", normalize_by_floor_division, costs=0.5, message={
                "en": "// is integer division: it rounds every value down, so almost every pixel becomes 0. Use / "
                      "to get floats.",
                "sv": "// är heltalsdivision: den avrundar varje värde nedåt, så nästan varje pixel blir 0. "
                      "Använd / för att få flyttal."}),
            Misconception("divides_in_place", normalize_in_place, costs=0.5, message={
                "en": "X /= 16 tries to write floats into the integer array X, which numpy refuses (and it would "
                      "change the caller's array). Compute a new float array instead.",
                "sv": "X /= 16 försöker skriva flyttal i heltalsarrayen X, vilket numpy vägrar (och det skulle "
                      "ändra anroparens array). Räkna ut en ny array med flyttal i stället."}),
        ],
        alternatives=[normalize_with_a_loop, normalize_float32],
    ),
    Question(
        "q2", function="one_hot", points=1,
        hint={
            "en": "Make Y = np.zeros((len(y), n_classes)) and put a 1 in row i, column y[i], for every i. "
                  "Take the number of columns from n_classes, not from y.max() + 1.",
            "sv": "Skapa Y = np.zeros((len(y), n_classes)) och sätt en etta i rad i, kolumn y[i], för varje i. "
                  "Ta antalet kolumner från n_classes, inte från y.max() + 1.",
        },
        public=[case(np.array([2, 0, 1]), 4), case(y[:6], 10)],
        hidden=[
            case(np.array([0, 0, 0]), 3),
            case(np.array([1]), 2),
            case(np.array([3, 1, 4, 1, 5, 9, 2, 6]), 10),
            *random_cases(_labels, 5, seed=31),
        ],
        misconceptions=[
            Misconception("columns_from_largest_label", one_hot_from_largest_label, costs=0.5, message={
                "en": "You take the number of columns from the largest label, but a batch need not contain the "
                      "largest class: take it from n_classes.",
                "sv": "Du tar antalet kolumner från den största etiketten, men en batch behöver inte innehålla "
                      "den största klassen: ta det från n_classes."}),
            Misconception("transposed", one_hot_transposed, costs=0.5, message={
                "en": "Your array has one row per class and one column per sample, the transpose of what is "
                      "asked: row i belongs to sample i, of shape (N, n_classes).",
                "sv": "Din array har en rad per klass och en kolumn per exempel, transponatet av det som efterfrågas: "
                      "rad i hör till exempel i, med formen (N, n_classes)."}),
            Misconception("whole_columns", one_hot_whole_columns, costs=0.5, message={
                "en": "Y[:, y] = 1 fills whole columns, so every row gets a 1 in the column of every label in "
                      "the batch. Set one entry per row: row i, column y[i].",
                "sv": "Y[:, y] = 1 fyller hela kolumner, så varje rad får en etta i kolumnen för varje etikett i "
                      "batchen. Sätt ett element per rad: rad i, kolumn y[i]."}),
            Misconception("indices_swapped", one_hot_indices_swapped, costs=0.5, message={
                "en": "You index the rows with the labels and the columns with the sample numbers, so the 1s land "
                      "in the wrong places, or outside the array. The row is the sample, the column its label.",
                "sv": "Du indexerar raderna med etiketterna och kolumnerna med exemplens nummer, så ettorna hamnar "
                      "på fel platser, eller utanför arrayen. Raden är exemplet, kolumnen dess etikett."}),
        ],
        alternatives=[one_hot_by_eye, one_hot_by_loop],
    ),
    Question(
        "q3", variable="most_confused", points=1,
        hint={
            "en": "Leave out the diagonal, which holds the right answers, and find the largest entry that is "
                  "left. Answer with its row and column as a tuple of two ints: the row is the true digit.",
            "sv": "Bortse från diagonalen, som innehåller de rätta svaren, och leta upp det största element som "
                  "är kvar. Svara med dess rad och kolumn som en tupel med två int: raden är den sanna siffran.",
        },
        misconceptions=[
            Misconception("order_swapped", (8, 1), costs=1, message={
                "en": "Your pair is the wrong way round: the row of the confusion matrix is the true digit and "
                      "the column the predicted one, and the tuple starts with the true digit.",
                "sv": "Ditt par är i fel ordning: raden i förväxlingsmatrisen är den sanna siffran och kolumnen "
                      "den predikterade, och tupeln börjar med den sanna siffran."}),
            Misconception("diagonal_included", (6, 6), costs=1, message={
                "en": "Your pair lies on the diagonal, where the network was right: the largest number there is "
                      "a digit it recognises well, not a mistake. Leave the diagonal out before you look for the "
                      "largest entry.",
                "sv": "Ditt par ligger på diagonalen, där nätverket hade rätt: det största talet där är en siffra "
                      "som det känner igen bra, inte ett misstag. Bortse från diagonalen innan du letar efter det "
                      "största elementet."}),
            Misconception("flat_index", 18, costs=1, message={
                "en": "np.argmax of a matrix gives one position in the flattened array, not a row and a column. "
                      "Turn it into the pair (row, column), for example with np.unravel_index.",
                "sv": "np.argmax av en matris ger en position i den tillplattade arrayen, inte en rad och en "
                      "kolumn. Gör om den till paret (rad, kolumn), till exempel med np.unravel_index."}),
            Misconception("count_not_pair", 6, costs=1, message={
                "en": "Your answer is the number of mistakes, not which mistake it is. Answer with the pair "
                      "(true digit, predicted digit) where that number stands.",
                "sv": "Ditt svar är antalet misstag, inte vilket misstag det är. Svara med paret (sann siffra, "
                      "predikterad siffra) där det talet står."}),
        ],
    ),
    Question(
        "q4", function="train_and_predict", points=4, compare=_accuracy_compare, alike=_same_mistake_on_its_test,
        hint={
            "en": "Do the training and the test images go through exactly the same preprocessing? Does "
                  "history.loss fall, and history.val_loss too? One hidden layer of 32 to 128 ReLU neurons, trained "
                  "with Adam at a learning rate near 0.005 for 20 to 30 epochs in mini-batches of about 32, is "
                  "usually enough. Return one label per test image.",
            "sv": "Går tränings- och testbilderna igenom exakt samma förbehandling? Minskar history.loss, och "
                  "history.val_loss också? Ett dolt lager med 32 till 128 ReLU-neuroner, tränat med Adam med en "
                  "inlärningstakt nära 0.005 i 20 till 30 epoker med minibatcher om ungefär 32, brukar räcka. "
                  "Returnera en etikett per testbild.",
        },
        public=[_PROJECT[0][0], _PROJECT[1][0]],
        hidden=[_PROJECT[2][0], _PROJECT[3][0]],
        misconceptions=[
            Misconception("test_images_not_scaled", project_test_images_unscaled, costs=0.25, message={
                "en": "Your network is trained on scaled images but predicts the test images unscaled, with "
                      "pixel values 16 times larger than any it has seen: on the digits a ReLU network hardly "
                      "notices, on the gray images it does. Preprocess the test images exactly like the training "
                      "images.",
                "sv": "Ditt nätverk tränas på skalade bilder men predikterar testbilderna oskalade, med "
                      "pixelvärden som är 16 gånger större än alla som det har sett: på siffrorna märker ett "
                      "ReLU-nätverk knappt det, på de grå bilderna gör det det. Förbehandla testbilderna precis "
                      "som träningsbilderna."}),
            Misconception("each_set_scaled_by_itself", project_scaled_by_each_sets_own_maximum, costs=0.25, message={
                "en": "You scale each set by a number computed from that set (its maximum, or its mean and "
                      "standard deviation), so the same pixel value means different things in the training and "
                      "the test images. Scale both with the same fixed constant, or with numbers computed from "
                      "the training images only.",
                "sv": "Du skalar varje mängd med ett tal som räknas ut från just den mängden (dess maximum, eller "
                      "dess medelvärde och standardavvikelse), så samma pixelvärde betyder olika saker i "
                      "träningsbilderna och testbilderna. Skala båda med samma fasta konstant, eller med tal som "
                      "bara räknas ut från träningsbilderna."}),
            Misconception("never_scaled", project_never_scaled, costs=0.25, message={
                "en": "Your network learns from the raw pixel values 0 to 16. With inputs that large, a learning "
                      "rate that suits the other layers is too large for the first, and on the gray images the "
                      "network does not learn to tell the shades apart. Scale the pixels of both sets with your "
                      "normalize_pixels.",
                "sv": "Ditt nätverk lär sig från de råa pixelvärdena 0 till 16. Med så stora indata är en "
                      "inlärningstakt som passar de andra lagren för stor för det första, och på de grå bilderna "
                      "lär sig nätverket inte att skilja nyanserna åt. Skala pixlarna i båda mängderna med din "
                      "normalize_pixels."}),
            Misconception("returns_scores", project_returns_scores, costs=0.5, message={
                "en": "You return the network's ten scores per image, not one label per image. The predicted "
                      "label is the class with the largest score in each row.",
                "sv": "Du returnerar nätverkets tio logits per bild, inte en etikett per bild. Den predikterade "
                      "etiketten är klassen med störst logit i varje rad."}),
            Misconception("argmax_over_images", project_argmax_over_images, costs=0.5, message={
                "en": "Your argmax runs down the columns, so it picks one image per class instead of one class "
                      "per image. Take it along each row, over the ten scores of one image.",
                "sv": "Din argmax går längs kolumnerna, så den väljer en bild per klass i stället för en klass "
                      "per bild. Ta den längs varje rad, över de tio logits som hör till en bild."}),
            Misconception("underfits", project_without_hidden_layer, costs=0.5, message={
                "en": "Your network stops at about 90%: it is too small or trained too briefly to fit even the "
                      "training images well. Add a hidden layer, or train longer, and watch history.loss fall.",
                "sv": "Ditt nätverk stannar vid ungefär 90 %: det är för litet eller tränas för kort för att ens "
                      "passa träningsbilderna väl. Lägg till ett dolt lager, eller träna längre, och se hur "
                      "history.loss minskar."}),
        ],
        alternatives=[project_standardised_with_training_statistics, project_small_network_without_validation],
    ),
]
