# %% [markdown] tags=["en"]
# # Exercise 11: overfitting, validation and checkpoints
#
# A network is trained to make the loss small on its **training data**, but what we want is a
# network that works on data it has never seen: it should **generalise**. A network that learns
# the training data too well, noise and accidents included, makes the training loss tiny and
# gets worse on new data. That is **overfitting**. The opposite, a network too small or trained
# too briefly to fit even the training data, is **underfitting**.
#
# The cure starts with measuring: keep some data away from training and look at the loss there.
# In this exercise you write the tools for that: a reproducible split into training and
# validation data, the **early stopping** rule that picks the best epoch from the validation
# losses, and saving and loading a **checkpoint** of the weights. Every idea is explained before
# its question; you need chapters 00–06.
#
# There are four questions and 6 points in total.

# %% [markdown] tags=["sv"]
# # Övning 11: överanpassning, validering och kontrollpunkter
#
# Ett nätverk tränas så att förlusten blir liten på dess **träningsdata**, men det vi vill ha är
# ett nätverk som fungerar på data som det aldrig har sett: det ska **generalisera**. Ett nätverk
# som lär sig träningsdata för väl, med brus och tillfälligheter, får en mycket liten
# träningsförlust och blir sämre på nya data. Det är **överanpassning**. Motsatsen, ett nätverk
# som är för litet eller tränas för kort för att ens passa träningsdata, är **underanpassning**.
#
# Botemedlet börjar med att mäta: håll undan en del data från träningen och titta på förlusten
# där. I den här övningen skriver du verktygen för det: en reproducerbar uppdelning i
# träningsdata och valideringsdata, regeln för **tidigt stopp** som väljer den bästa epoken
# utifrån valideringsförlusterna, och att spara och läsa in en **kontrollpunkt (checkpoint)** med
# vikterna. Varje idé förklaras före sin fråga; du behöver kapitel 00–06.
#
# Det finns fyra frågor och sammanlagt 6 poäng.

# %%
from course import set_language
from course.checker import check_for
set_language("en")
check = check_for("11_overfitting")

import numpy as np

# %% [markdown] tags=["en"]
# ## Training, validation and test data
#
# Before training, the samples are divided into three sets:
#
# - **training data**, the only data the optimiser sees: the weights are fitted to it;
# - **validation data**, used after every epoch to measure how well the network generalises, and
#   to make choices: how many epochs, how large a network, which learning rate;
# - **test data**, used **once**, at the very end, to report how good the finished network is.
#
# Why both validation and test data? Every choice made by looking at the validation loss fits the
# network a little to the validation data too, so after many choices the validation loss is
# slightly too optimistic. The test data, never used for any choice, gives an honest number.

# %% [markdown] tags=["sv"]
# ## Träningsdata, valideringsdata och testdata
#
# Före träningen delas exemplen upp i tre mängder:
#
# - **träningsdata**, de enda data som optimeraren ser: vikterna anpassas till dem;
# - **valideringsdata**, som används efter varje epok för att mäta hur väl nätverket generaliserar
#   och för att fatta beslut: hur många epoker, hur stort nätverk, vilken inlärningstakt;
# - **testdata**, som används **en gång**, allra sist, för att redovisa hur bra det färdiga
#   nätverket är.
#
# Varför både valideringsdata och testdata? Varje beslut som fattas genom att titta på
# valideringsförlusten anpassar nätverket en aning till valideringsdata också, så efter många
# beslut är valideringsförlusten lite för optimistisk. Testdata, som aldrig används till något
# beslut, ger ett ärligt tal.

# %% [markdown] tags=["en"]
# ## Question 1: a reproducible split (1 point)
#
# Data files are often sorted, for example all images of the digit 0 first and all 9s last, so the
# last fifth of a file is not a fair sample. We therefore **shuffle** before splitting, with a
# random number generator made from a **seed**, so that the same seed always gives the same split
# and validation losses from different runs can be compared.
#
# Write `split_indices(n, n_val, seed)` that splits the sample numbers $0, 1, \dots, n-1$ into
# training and validation indices with exactly this algorithm:
#
# ```python
# rng = np.random.default_rng(seed)
# perm = rng.permutation(n)
# ```
#
# then the **first** `n_val` entries of `perm` are the validation indices and the rest, in the
# order they have in `perm`, are the training indices. Return the tuple `(train_idx, val_idx)`
# of two integer arrays, of shapes `(n - n_val,)` and `(n_val,)`. For example, `n = 10`,
# `n_val = 3`, `seed = 0` gives `perm = [4, 6, 2, 7, 3, 5, 9, 0, 8, 1]`, so
# `train_idx = [7, 3, 5, 9, 0, 8, 1]` and `val_idx = [4, 6, 2]`. Afterwards
# `X[train_idx], y[train_idx]` is the training data and `X[val_idx], y[val_idx]` the validation
# data. (`nnlib.train_test_split(X, y, test_size=..., rng=...)` does the same job for arrays,
# with its own shuffling order.)

# %% [markdown] tags=["sv"]
# ## Fråga 1: en reproducerbar uppdelning (1 poäng)
#
# Datafiler är ofta sorterade, till exempel alla bilder av siffran 0 först och alla nior sist, så
# den sista femtedelen av en fil är inget rättvist urval. Därför **blandar** vi före uppdelningen,
# med en slumptalsgenerator som skapas från ett **frö (seed)**, så att samma frö alltid ger samma
# uppdelning och valideringsförluster från olika körningar går att jämföra.
#
# Skriv `split_indices(n, n_val, seed)` som delar upp exemplens nummer $0, 1, \dots, n-1$ i
# tränings- och valideringsindex med exakt den här algoritmen:
#
# ```python
# rng = np.random.default_rng(seed)
# perm = rng.permutation(n)
# ```
#
# därefter är de **första** `n_val` elementen i `perm` valideringsindexen och resten, i den
# ordning de har i `perm`, träningsindexen. Returnera tupeln `(train_idx, val_idx)` med två
# heltalsarrayer med formerna `(n - n_val,)` och `(n_val,)`. Till exempel ger `n = 10`,
# `n_val = 3`, `seed = 0` att `perm = [4, 6, 2, 7, 3, 5, 9, 0, 8, 1]`, så
# `train_idx = [7, 3, 5, 9, 0, 8, 1]` och `val_idx = [4, 6, 2]`. Sedan är
# `X[train_idx], y[train_idx]` träningsdata och `X[val_idx], y[val_idx]` valideringsdata.
# (`nnlib.train_test_split(X, y, test_size=..., rng=...)` gör samma jobb för arrayer, med sin
# egen blandningsordning.)

# %% tags=["en"]
def split_indices(n, n_val, seed):
    """Shuffle 0, ..., n - 1 with a seeded generator and split into training and validation indices.

    Parameters
    ----------
    n : int
        Number of samples.
    n_val : int
        Number of validation samples, 1 <= n_val <= n - 1.
    seed : int
        Seed of np.random.default_rng.

    Returns
    -------
    train_idx : numpy array of int, shape (n - n_val,)
    val_idx : numpy array of int, shape (n_val,)
    """
    # BEGIN SOLUTION
    rng = np.random.default_rng(seed)
    perm = rng.permutation(n)
    return perm[n_val:], perm[:n_val]
    # END SOLUTION

# %% tags=["sv"]
def split_indices(n, n_val, seed):
    """Blanda 0, ..., n - 1 med en generator med slumpfrö och dela upp i index för träningsdata och valideringsdata.

    Parametrar
    ----------
    n : int
        Antalet datapunkter.
    n_val : int
        Antalet datapunkter i valideringsdata, 1 <= n_val <= n - 1.
    seed : int
        Slumpfröet till np.random.default_rng.

    Returnerar
    ----------
    train_idx : numpy-array med heltal, formen (n - n_val,)
    val_idx : numpy-array med heltal, formen (n_val,)
    """
    # BEGIN SOLUTION
    rng = np.random.default_rng(seed)
    perm = rng.permutation(n)
    return perm[n_val:], perm[:n_val]
    # END SOLUTION

# %% tags=["check"]
check("q1")

# %% [markdown] tags=["en"]
# ## Question 2: early stopping (2 points)
#
# Record the training and the validation loss after every epoch. At first both fall. When the
# network starts to overfit, the training loss goes on falling but the validation loss turns and
# rises. The weights we want are those of the epoch with the **lowest validation loss**, and once
# the validation loss has not improved for a while there is no point in training on. That is
# **early stopping**, and **patience** says how long "a while" is. The rule, the same as in
# `nnlib.EarlyStopping(patience, min_delta)`, with epochs numbered from 1:
#
# 1. Start with `best = inf` and `wait = 0`.
# 2. After epoch $e$ with validation loss $v$: if `v < best - min_delta`, it is an
#    **improvement**: set `best = v`, remember $e$ as the best epoch and set `wait = 0`.
#    Otherwise add 1 to `wait`, and if now `wait > patience`, **stop** after epoch $e$.
# 3. If the losses run out without a stop, training stopped after the last epoch.
#
# So training stops after `patience + 1` epochs in a row without improvement. `min_delta` $\ge 0$
# ignores improvements too small to matter; with `min_delta = 0` any decrease counts, but an
# equal loss is not an improvement. An example with `patience = 2`:
#
# | epoch | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 |
# |---|---|---|---|---|---|---|---|---|---|
# | validation loss | 0.90 | 0.70 | 0.62 | 0.65 | 0.61 | 0.64 | 0.66 | 0.67 | 0.60 |
# | `wait` after the epoch | 0 | 0 | 0 | 1 | 0 | 1 | 2 | 3: stop | |
#
# The best epoch is 5 and training stops after epoch 8. Epoch 9 is never run: early stopping
# trades a small risk of stopping too soon for a lot of saved time.
#
# Write `early_stopping(val_losses, patience, min_delta)` that takes the validation losses of
# epochs $1, 2, \dots$ in a list and returns the tuple `(best_epoch, stop_epoch)` of two `int`s,
# both counted from 1. For the example, `early_stopping([0.90, 0.70, 0.62, 0.65, 0.61, 0.64,
# 0.66, 0.67, 0.60], 2, 0.0)` returns `(5, 8)`.

# %% [markdown] tags=["sv"]
# ## Fråga 2: tidigt stopp (2 poäng)
#
# Spara tränings- och valideringsförlusten efter varje epok. Först minskar båda. När nätverket
# börjar överanpassa fortsätter träningsförlusten att minska, men valideringsförlusten vänder och
# ökar. Vikterna vi vill ha är de från epoken med **lägst valideringsförlust**, och när
# valideringsförlusten inte har blivit bättre på ett tag är det ingen idé att träna vidare. Det är
# **tidigt stopp**, och **tålamodet (patience)** anger hur länge ”ett tag” är. Regeln, samma som i
# `nnlib.EarlyStopping(patience, min_delta)`, med epoker numrerade från 1:
#
# 1. Börja med `best = inf` och `wait = 0`.
# 2. Efter epok $e$ med valideringsförlust $v$: om `v < best - min_delta` är det en
#    **förbättring**: sätt `best = v`, kom ihåg $e$ som bästa epok och sätt `wait = 0`. Annars
#    ökar du `wait` med 1, och om nu `wait > patience` **stoppar** träningen efter epok $e$.
# 3. Om förlusterna tar slut utan att träningen har stoppats, stoppade den efter sista epoken.
#
# Träningen stoppar alltså efter `patience + 1` epoker i rad utan förbättring. `min_delta` $\ge 0$
# bortser från förbättringar som är för små för att spela roll; med `min_delta = 0` räknas varje
# minskning, men en lika stor förlust är ingen förbättring. Ett exempel med `patience = 2`:
#
# | epok | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 |
# |---|---|---|---|---|---|---|---|---|---|
# | valideringsförlust | 0,90 | 0,70 | 0,62 | 0,65 | 0,61 | 0,64 | 0,66 | 0,67 | 0,60 |
# | `wait` efter epoken | 0 | 0 | 0 | 1 | 0 | 1 | 2 | 3: stopp | |
#
# Bästa epoken är 5 och träningen stoppar efter epok 8. Epok 9 körs aldrig: tidigt stopp byter en
# liten risk att sluta för tidigt mot mycket sparad tid.
#
# Skriv `early_stopping(val_losses, patience, min_delta)` som tar valideringsförlusterna för
# epokerna $1, 2, \dots$ i en lista och returnerar tupeln `(best_epoch, stop_epoch)` med två
# `int`, båda räknade från 1. För exemplet returnerar `early_stopping([0.90, 0.70, 0.62, 0.65,
# 0.61, 0.64, 0.66, 0.67, 0.60], 2, 0.0)` tupeln `(5, 8)`.

# %% tags=["en"]
def early_stopping(val_losses, patience, min_delta):
    """The best epoch and the epoch after which early stopping ends training (both from 1).

    Parameters
    ----------
    val_losses : list of float
        Validation loss after epoch 1, 2, ..., len(val_losses).
    patience : int
        >= 0; training stops after patience + 1 epochs in a row without improvement.
    min_delta : float
        >= 0; an improvement means a loss below best - min_delta.

    Returns
    -------
    best_epoch : int
    stop_epoch : int
    """
    # BEGIN SOLUTION
    best, best_epoch, wait = np.inf, 0, 0
    for epoch, loss in enumerate(val_losses, start=1):
        if loss < best - min_delta:
            best, best_epoch, wait = loss, epoch, 0
        else:
            wait += 1
            if wait > patience:
                return best_epoch, epoch
    return best_epoch, len(val_losses)
    # END SOLUTION

# %% tags=["sv"]
def early_stopping(val_losses, patience, min_delta):
    """Den bästa epoken och epoken efter vilken tidigt stopp avslutar träningen (båda räknade från 1).

    Parametrar
    ----------
    val_losses : lista med float
        Valideringsförlusten efter epok 1, 2, ..., len(val_losses).
    patience : int
        >= 0; träningen avbryts efter patience + 1 epoker i rad utan förbättring.
    min_delta : float
        >= 0; en förbättring betyder en förlust under best - min_delta.

    Returnerar
    ----------
    best_epoch : int
    stop_epoch : int
    """
    # BEGIN SOLUTION
    best, best_epoch, wait = np.inf, 0, 0
    for epoch, loss in enumerate(val_losses, start=1):
        if loss < best - min_delta:
            best, best_epoch, wait = loss, epoch, 0
        else:
            wait += 1
            if wait > patience:
                return best_epoch, epoch
    return best_epoch, len(val_losses)
    # END SOLUTION

# %% tags=["check"]
check("q2")

# %% [markdown] tags=["en"]
# ## Question 3: saving and loading a checkpoint (2 points)
#
# Early stopping needs the weights of the best epoch, but by the time we know which epoch was
# best, training has moved on. So we save the weights as we go: a **checkpoint** is a copy of all
# weights at one epoch, written to a file. It also protects hours of training against a crash,
# and lets you go back when a later epoch makes the model worse.
#
# The weights of a network are a dictionary from names to arrays. In `nnlib`,
# `model.get_weights()` returns one, for example `{"0.W": ..., "0.b": ..., "2.W": ..., "2.b": ...}`
# (layer number, then the parameter), and `model.set_weights(weights)` puts it back. numpy saves
# such a dictionary in an **.npz file**, a zip archive with one array per name:
#
# - `np.savez(path, **arrays)` saves every entry of the dictionary `arrays` under its name;
#   an `int` such as the epoch is saved as an array of shape `()`.
# - `with np.load(path, allow_pickle=False) as data:` opens the file; `data.files` is the list of
#   names, `data[name]` reads one array, and `int(data[name])` turns a shape-`()` array into an
#   `int`. Read everything you need **inside** the `with` block: the file closes at its end.
#
# Why `allow_pickle=False`? numpy can also store arbitrary Python objects with *pickle*, and
# loading a pickle can run any code its author put in. A checkpoint should hold numbers only, so
# we load it in a way that refuses anything else; a checkpoint from someone else is then safe to
# open. `nnlib.save` and `nnlib.load`, and the callback `nnlib.Checkpoint` that `nnlib.fit` uses,
# work exactly like this.
#
# Write two functions:
#
# - `save_checkpoint(weights, epoch, path)` saves the dictionary `weights` together with the
#   `int` `epoch` under the extra name `"epoch"` (no weight is called that) in the file `path`,
#   which ends in `.npz`. It returns nothing.
# - `load_checkpoint(path)` reads such a file and returns the tuple `(weights, epoch)`: a
#   dictionary with the same names and arrays as the saved one (without `"epoch"`), and the epoch
#   as an `int`.
#
# The check calls `checkpoint_roundtrip` in the cell after yours: it saves to and loads from a
# temporary file, deletes the file, and returns what `load_checkpoint` returned, which must equal
# what was saved.

# %% [markdown] tags=["sv"]
# ## Fråga 3: spara och läsa in en kontrollpunkt (2 poäng)
#
# Tidigt stopp behöver vikterna från den bästa epoken, men när vi vet vilken epok som var bäst har
# träningen redan gått vidare. Därför sparar vi vikterna under tiden: en **kontrollpunkt** är en
# kopia av alla vikter vid en epok, skriven till en fil. Den skyddar också timmar av träning mot en
# krasch och låter dig gå tillbaka när en senare epok gör modellen sämre.
#
# Ett nätverks vikter är en dict (uppslagstabell) från namn till arrayer. I `nnlib` returnerar
# `model.get_weights()` en sådan, till exempel `{"0.W": ..., "0.b": ..., "2.W": ..., "2.b": ...}`
# (lagrets nummer och sedan parametern), och `model.set_weights(weights)` lägger tillbaka den.
# numpy sparar en sådan dict i en **.npz-fil**, ett zip-arkiv med en array per namn:
#
# - `np.savez(path, **arrays)` sparar varje post i `arrays` under sitt namn; en `int`
#   som epoken sparas som en array med formen `()`.
# - `with np.load(path, allow_pickle=False) as data:` öppnar filen; `data.files` är listan med
#   namn, `data[name]` läser en array, och `int(data[name])` gör om en array med formen `()` till
#   en `int`. Läs allt du behöver **inuti** `with`-blocket: filen stängs när blocket tar slut.
#
# Varför `allow_pickle=False`? numpy kan också lagra godtyckliga Python-objekt med *pickle*, och
# att läsa in en pickle kan köra vilken kod som helst som dess upphovsperson har lagt dit. En
# kontrollpunkt ska bara innehålla tal, så vi läser in den på ett sätt som vägrar allt annat; då
# är det säkert att öppna en kontrollpunkt från någon annan. `nnlib.save` och `nnlib.load`, och
# återanropet (callback) `nnlib.Checkpoint` som `nnlib.fit` använder, fungerar precis så.
#
# Skriv två funktioner:
#
# - `save_checkpoint(weights, epoch, path)` sparar `weights` tillsammans med heltalet
#   `epoch` under det extra namnet `"epoch"` (ingen vikt heter så) i filen `path`, som slutar på
#   `.npz`. Den returnerar ingenting.
# - `load_checkpoint(path)` läser en sådan fil och returnerar tupeln `(weights, epoch)`: en dict
#   med samma namn och arrayer som den sparade (utan `"epoch"`) och epoken som en `int`.
#
# Kontrollen anropar `checkpoint_roundtrip` i cellen efter din: den sparar till och läser från en
# tillfällig fil, tar bort filen och returnerar det som `load_checkpoint` returnerade, vilket ska
# vara lika med det som sparades.

# %% tags=["en"]
def save_checkpoint(weights, epoch, path):
    """Save the weights and the epoch number in one .npz file.

    Parameters
    ----------
    weights : dict of str to numpy array
        Parameter name to array, of any shapes; no name is "epoch".
    epoch : int
    path : str
        File name ending in ".npz".
    """
    # BEGIN SOLUTION
    np.savez(path, epoch=epoch, **weights)
    # END SOLUTION


def load_checkpoint(path):
    """Load a checkpoint written by save_checkpoint, without allowing pickled objects.

    Parameters
    ----------
    path : str
        File name ending in ".npz".

    Returns
    -------
    weights : dict of str to numpy array
        The saved arrays, with the same names, shapes and values.
    epoch : int
    """
    # BEGIN SOLUTION
    with np.load(path, allow_pickle=False) as data:
        weights = {name: data[name] for name in data.files if name != "epoch"}
        epoch = int(data["epoch"])
    return weights, epoch
    # END SOLUTION

# %% tags=["sv"]
def save_checkpoint(weights, epoch, path):
    """Spara vikterna och epoknumret i en enda .npz-fil.

    Parametrar
    ----------
    weights : dict från str till numpy-array
        Från parameternamn till array, med godtyckliga former; inget namn är "epoch".
    epoch : int
    path : str
        Filnamn som slutar på ".npz".
    """
    # BEGIN SOLUTION
    np.savez(path, epoch=epoch, **weights)
    # END SOLUTION


def load_checkpoint(path):
    """Läs in en kontrollpunkt som save_checkpoint har skrivit, utan att tillåta picklade objekt.

    Parametrar
    ----------
    path : str
        Filnamn som slutar på ".npz".

    Returnerar
    ----------
    weights : dict från str till numpy-array
        De sparade arrayerna, med samma namn, former och värden.
    epoch : int
    """
    # BEGIN SOLUTION
    with np.load(path, allow_pickle=False) as data:
        weights = {name: data[name] for name in data.files if name != "epoch"}
        epoch = int(data["epoch"])
    return weights, epoch
    # END SOLUTION

# %% tags=["en"]
import contextlib
import os
import tempfile


def checkpoint_roundtrip(weights, epoch):
    """Save with save_checkpoint and load with load_checkpoint, through a temporary .npz file.

    Returns
    -------
    tuple (weights, epoch)
        What load_checkpoint returned.
    """
    handle, path = tempfile.mkstemp(suffix=".npz")
    os.close(handle)
    try:
        save_checkpoint(weights, epoch, path)
        return load_checkpoint(path)
    finally:
        with contextlib.suppress(OSError):
            os.remove(path)

# %% tags=["sv"]
import contextlib
import os
import tempfile


def checkpoint_roundtrip(weights, epoch):
    """Spara med save_checkpoint och läs in med load_checkpoint, via en tillfällig .npz-fil.

    Returnerar
    ----------
    tupel (weights, epoch)
        Det som load_checkpoint returnerade.
    """
    handle, path = tempfile.mkstemp(suffix=".npz")
    os.close(handle)
    try:
        save_checkpoint(weights, epoch, path)
        return load_checkpoint(path)
    finally:
        with contextlib.suppress(OSError):
            os.remove(path)

# %% tags=["check"]
check("q3")

# %% [markdown] tags=["en"]
# ## Question 4: a network of the right size (1 point)
#
# The size of a network is chosen the same way: train several and compare their validation
# losses. Too small a network **underfits**: it cannot even fit the training data, so both losses
# stay high. Too large a network **overfits**: it fits the training data almost perfectly,
# noise included, and its validation loss is high. The right size lies in between.
#
# The cell below holds the final losses of six networks on the two-moons data (two classes of
# points in the plane, shaped like two interlocking half-moons), each with two hidden layers of
# `h` tanh neurons, trained for 200 epochs with Adam (learning rate 0.01) on 60 noisy points and
# validated on 500 other points from the same distribution:
#
# ```python
# X, y = nnlib.datasets.two_moons(60, noise=0.3, rng=1)
# X_val, y_val = nnlib.datasets.two_moons(500, noise=0.3, rng=2)
# model = nnlib.MLP([2, h, h, 1], activation="tanh", output="sigmoid", rng=0)
# history = nnlib.fit(model, nnlib.BinaryCrossEntropy(), nnlib.Adam(0.01), X, y, epochs=200,
#                     validation_data=(X_val, y_val), rng=0, progress=False)
# ```
#
# | hidden size `h` | 1 | 2 | 4 | 8 | 32 | 128 |
# |---|---|---|---|---|---|---|
# | training loss | 0.362 | 0.335 | 0.174 | 0.077 | 0.034 | 0.013 |
# | validation loss | 0.391 | 0.369 | 0.266 | 0.259 | 0.489 | 0.536 |
#
# Set `chosen_size` to the hidden size `h` you would choose, as an `int`. Which networks
# underfit, and which overfit?

# %% [markdown] tags=["sv"]
# ## Fråga 4: ett nätverk av lagom storlek (1 poäng)
#
# Ett nätverks storlek väljs på samma sätt: träna flera och jämför deras valideringsförluster. Ett
# för litet nätverk **underanpassar**: det klarar inte ens att passa träningsdata, så båda
# förlusterna förblir höga. Ett för stort nätverk **överanpassar**: det passar träningsdata nästan
# perfekt, med brus och allt, och dess valideringsförlust är hög. Den lagom storleken ligger
# däremellan.
#
# Cellen nedan innehåller slutförlusterna för sex nätverk på datamängden two moons (två klasser av
# punkter i planet, formade som två halvmånar som griper in i varandra), vart och ett med två dolda
# lager med `h` tanh-neuroner, tränade i 200 epoker med Adam (inlärningstakt 0,01) på 60 brusiga
# punkter och validerade på 500 andra punkter från samma fördelning:
#
# ```python
# X, y = nnlib.datasets.two_moons(60, noise=0.3, rng=1)
# X_val, y_val = nnlib.datasets.two_moons(500, noise=0.3, rng=2)
# model = nnlib.MLP([2, h, h, 1], activation="tanh", output="sigmoid", rng=0)
# history = nnlib.fit(model, nnlib.BinaryCrossEntropy(), nnlib.Adam(0.01), X, y, epochs=200,
#                     validation_data=(X_val, y_val), rng=0, progress=False)
# ```
#
# | dold storlek `h` | 1 | 2 | 4 | 8 | 32 | 128 |
# |---|---|---|---|---|---|---|
# | träningsförlust | 0,362 | 0,335 | 0,174 | 0,077 | 0,034 | 0,013 |
# | valideringsförlust | 0,391 | 0,369 | 0,266 | 0,259 | 0,489 | 0,536 |
#
# Sätt `chosen_size` till den dolda storlek `h` som du skulle välja, som en `int`. Vilka nätverk
# underanpassar, och vilka överanpassar?

# %%
hidden_sizes = [1, 2, 4, 8, 32, 128]
final_training_loss = [0.362, 0.335, 0.174, 0.077, 0.034, 0.013]
final_validation_loss = [0.391, 0.369, 0.266, 0.259, 0.489, 0.536]

# %%
# BEGIN SOLUTION
chosen_size = hidden_sizes[int(np.argmin(final_validation_loss))]
# END SOLUTION

# %% tags=["check"]
check("q4")

# %% [markdown] tags=["en"]
# ## Done?
#
# When all four checks show ✔, restart the kernel and run all cells once more (*Kernel → Restart
# Kernel and Run All Cells…*) to make sure that the notebook works from the top, then save it and
# hand it in the way your teacher asks. Next: [exercise 12, the project on handwritten
# digits](12_project_digits.ipynb), where you use all of this on real data.

# %% [markdown] tags=["sv"]
# ## Klar?
#
# När alla fyra kontrollerna visar ✔ startar du om kärnan och kör alla celler en gång till
# (*Kernel → Restart Kernel and Run All Cells…*) för att se att din notebook fungerar från
# början. Spara den sedan och lämna in den på det sätt som din lärare har bestämt. Nästa steg:
# [övning 12, projektet med handskrivna siffror](12_project_digits.ipynb), där
# du använder allt detta på riktiga data.

# %% tags=["hidden"]
# The grading specification: never in the student notebooks. Expected values come from the
# solutions above, run on the same inputs.
from course.exercise import Misconception, Question, case, random_cases
from course.exercise import compare as _compare_values


def _split_case(rng):
    n = int(rng.integers(2, 60))
    return n, int(rng.integers(1, n)), int(rng.integers(0, 10_000))


def _loss_curve(rng):
    epochs = int(rng.integers(3, 30))
    turn = int(rng.integers(1, epochs + 1))
    steps = np.arange(1, epochs + 1)
    curve = 0.3 + 0.7 / steps + 0.01 * np.maximum(steps - turn, 0) + rng.normal(0.0, 0.004, size=epochs)
    losses = [float(v) for v in np.round(curve, 3)]
    return losses, int(rng.integers(0, 6)), float(rng.choice([0.0, 0.0, 0.0045, 0.0155]))


def _weights(rng):
    sizes = [int(n) for n in rng.integers(1, 6, size=int(rng.integers(1, 4)) + 1)]
    weights = {}
    for layer, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        weights[f"{2 * layer}.W"] = rng.normal(size=(n_out, n_in))
        weights[f"{2 * layer}.b"] = rng.normal(size=n_out)
    return weights, int(rng.integers(0, 500))


def _checkpoint_compare(expected, received):
    """The default comparison, but the epoch must be a number, not a numpy array of shape ()
    (which the default comparison would take for its one entry), unless the expected one is
    an array too (when two wrong answers are compared with each other)."""
    epoch = received[1] if isinstance(received, (tuple, list)) and len(received) == 2 else None
    if isinstance(epoch, np.ndarray) and not (isinstance(expected, tuple) and isinstance(expected[1], np.ndarray)):
        return False, {
            "en": f"load_checkpoint returned the epoch as a numpy array of shape {epoch.shape}, not as an int: "
                  f"the docstring asks for an int.",
            "sv": f"load_checkpoint returnerade epoken som en numpy-array med formen {epoch.shape}, inte som en "
                  f"int: dokumentationssträngen kräver en int.",
        }
    problem = _compare_values(expected, received)
    return problem is None, problem


_EXAMPLE_LOSSES = [0.90, 0.70, 0.62, 0.65, 0.61, 0.64, 0.66, 0.67, 0.60]


# Common wrong answers (each is handed in as a student would in the exercise tests).
def split_validation_first(n, n_val, seed):
    perm = np.random.default_rng(seed).permutation(n)
    return perm[:n_val], perm[n_val:]


def split_validation_at_the_end(n, n_val, seed):
    perm = np.random.default_rng(seed).permutation(n)
    return perm[:n - n_val], perm[n - n_val:]


def split_sorted(n, n_val, seed):
    perm = np.random.default_rng(seed).permutation(n)
    return np.sort(perm[n_val:]), np.sort(perm[:n_val])


def split_legacy_generator(n, n_val, seed):
    np.random.seed(seed)
    perm = np.random.permutation(n)
    return perm[n_val:], perm[:n_val]


def split_shuffled_twice(n, n_val, seed):
    rng = np.random.default_rng(seed)
    perm = rng.permutation(n)
    return rng.permutation(perm[n_val:]), perm[:n_val]


def split_by_shuffling_in_place(n, n_val, seed):
    rng = np.random.default_rng(seed)
    order = np.arange(n)
    rng.shuffle(order)
    return order[n_val:], order[:n_val]


def split_as_lists(n, n_val, seed):
    rng = np.random.default_rng(seed)
    perm = [int(i) for i in rng.permutation(n)]
    return perm[n_val:], perm[:n_val]


def stopping_at_patience(val_losses, patience, min_delta):
    best, best_epoch, wait = np.inf, 0, 0
    for epoch, loss in enumerate(val_losses, start=1):
        if loss < best - min_delta:
            best, best_epoch, wait = loss, epoch, 0
        else:
            wait += 1
            if wait >= patience:
                return best_epoch, epoch
    return best_epoch, len(val_losses)


def stopping_equal_is_better(val_losses, patience, min_delta):
    best, best_epoch, wait = np.inf, 0, 0
    for epoch, loss in enumerate(val_losses, start=1):
        if loss <= best - min_delta:
            best, best_epoch, wait = loss, epoch, 0
        else:
            wait += 1
            if wait > patience:
                return best_epoch, epoch
    return best_epoch, len(val_losses)


def stopping_from_zero(val_losses, patience, min_delta):
    best, best_epoch, wait = np.inf, 0, 0
    for epoch, loss in enumerate(val_losses):
        if loss < best - min_delta:
            best, best_epoch, wait = loss, epoch, 0
        else:
            wait += 1
            if wait > patience:
                return best_epoch, epoch
    return best_epoch, len(val_losses) - 1


def stopping_without_min_delta(val_losses, patience, min_delta):
    best, best_epoch, wait = np.inf, 0, 0
    for epoch, loss in enumerate(val_losses, start=1):
        if loss < best:
            best, best_epoch, wait = loss, epoch, 0
        else:
            wait += 1
            if wait > patience:
                return best_epoch, epoch
    return best_epoch, len(val_losses)


def stopping_wait_not_reset(val_losses, patience, min_delta):
    best, best_epoch, wait = np.inf, 0, 0
    for epoch, loss in enumerate(val_losses, start=1):
        if loss < best - min_delta:
            best, best_epoch = loss, epoch
        else:
            wait += 1
            if wait > patience:
                return best_epoch, epoch
    return best_epoch, len(val_losses)


def stopping_returns_the_last_epoch(val_losses, patience, min_delta):
    best, wait = np.inf, 0
    for epoch, loss in enumerate(val_losses, start=1):
        if loss < best - min_delta:
            best, wait = loss, 0
        else:
            wait += 1
            if wait > patience:
                return epoch, epoch
    return len(val_losses), len(val_losses)


def stopping_by_argmin(val_losses, patience, min_delta):
    return int(np.argmin(val_losses)) + 1, len(val_losses)


def stopping_with_a_counter_of_epochs(val_losses, patience, min_delta):
    best = float("inf")
    best_epoch = 0
    epoch = 0
    while epoch < len(val_losses):
        loss = val_losses[epoch]
        epoch += 1
        if loss < best - min_delta:
            best = loss
            best_epoch = epoch
        elif epoch - best_epoch > patience:
            return best_epoch, epoch
    return best_epoch, epoch


def roundtrip_epoch_as_array(weights, epoch):
    handle, path = tempfile.mkstemp(suffix=".npz")
    os.close(handle)
    try:
        np.savez(path, epoch=epoch, **weights)
        with np.load(path, allow_pickle=False) as data:
            loaded = {name: data[name] for name in data.files if name != "epoch"}
            loaded_epoch = data["epoch"]
        return loaded, loaded_epoch
    finally:
        os.remove(path)


def roundtrip_dictionary_as_one_entry(weights, epoch):
    handle, path = tempfile.mkstemp(suffix=".npz")
    os.close(handle)
    try:
        np.savez(path, weights=weights, epoch=epoch)
        with np.load(path, allow_pickle=False) as data:
            loaded = data["weights"]
            loaded_epoch = int(data["epoch"])
        return loaded, loaded_epoch
    finally:
        os.remove(path)


def roundtrip_epoch_left_in_the_weights(weights, epoch):
    handle, path = tempfile.mkstemp(suffix=".npz")
    os.close(handle)
    try:
        np.savez(path, epoch=epoch, **weights)
        with np.load(path, allow_pickle=False) as data:
            loaded = {name: data[name] for name in data.files}
            loaded_epoch = int(data["epoch"])
        return loaded, loaded_epoch
    finally:
        os.remove(path)


def roundtrip_read_after_closing(weights, epoch):
    handle, path = tempfile.mkstemp(suffix=".npz")
    os.close(handle)
    try:
        np.savez(path, epoch=epoch, **weights)
        with np.load(path, allow_pickle=False) as data:
            names = [name for name in data.files if name != "epoch"]
        loaded = {name: data[name] for name in names}
        return loaded, int(data["epoch"])
    finally:
        os.remove(path)


def roundtrip_numpy_integer_epoch(weights, epoch):
    handle, path = tempfile.mkstemp(suffix=".npz")
    os.close(handle)
    try:
        np.savez(path, epoch=np.array(epoch), **weights)
        data = np.load(path, allow_pickle=False)
        loaded = dict(data)
        loaded_epoch = loaded.pop("epoch").item()
        data.close()
        return loaded, loaded_epoch
    finally:
        os.remove(path)


QUESTIONS = [
    Question(
        "q1", function="split_indices", points=1,
        hint={
            "en": "Make perm with exactly the two lines of the text (a different generator or a second "
                  "shuffle gives other indices), then slice it: the first n_val entries are the validation "
                  "indices. Return the training indices first.",
            "sv": "Skapa perm med exakt de två raderna i texten (en annan generator eller en andra blandning "
                  "ger andra index) och skiva den sedan: de första n_val elementen är valideringsindexen. "
                  "Returnera träningsindexen först.",
        },
        public=[case(10, 3, 0), case(8, 2, 42)],
        hidden=[case(2, 1, 7), case(100, 20, 2024), case(5, 4, 1), *random_cases(_split_case, 5, seed=20)],
        misconceptions=[
            Misconception("validation_first", split_validation_first, costs=0.5, message={
                "en": "Your two arrays come in the wrong order: the tuple starts with the training indices and "
                      "ends with the validation indices.",
                "sv": "Dina två arrayer kommer i fel ordning: tupeln börjar med träningsindexen och slutar med "
                      "valideringsindexen."}),
            Misconception("validation_at_the_end", split_validation_at_the_end, costs=0.5, message={
                "en": "You take the validation indices from the end of perm. The text takes them from its start: "
                      "the first n_val entries are for validation, the rest for training.",
                "sv": "Du tar valideringsindexen från slutet av perm. Texten tar dem från början: de första n_val "
                      "elementen är för validering och resten för träning."}),
            Misconception("sorted_indices", split_sorted, costs=0.5, message={
                "en": "You sort the indices after the split. Keep them in the order they have in perm: the order "
                      "is part of the answer, and later steps may rely on it.",
                "sv": "Du sorterar indexen efter uppdelningen. Behåll dem i den ordning de har i perm: ordningen "
                      "är en del av svaret, och senare steg kan bygga på den."}),
            Misconception("legacy_generator", split_legacy_generator, costs=0.5, message={
                "en": "np.random.seed and np.random.permutation use numpy's old global generator, which gives "
                      "other numbers for the same seed. Make a generator of your own from the seed, exactly as "
                      "the text shows.",
                "sv": "np.random.seed och np.random.permutation använder numpys gamla globala generator, som ger "
                      "andra tal för samma frö. Skapa en egen generator från fröet, precis som texten visar."}),
            Misconception("shuffled_twice", split_shuffled_twice, costs=0.5, message={
                "en": "You shuffle the training indices a second time, which draws more random numbers and "
                      "changes their order. One permutation is enough: slice it and keep its order.",
                "sv": "Du blandar träningsindexen en gång till, vilket drar fler slumptal och ändrar deras "
                      "ordning. En permutation räcker: skiva den och behåll dess ordning."}),
        ],
        alternatives=[split_by_shuffling_in_place, split_as_lists],
    ),
    Question(
        "q2", function="early_stopping", points=2,
        hint={
            "en": "enumerate(val_losses, start=1) gives the epochs counted from 1. An improvement needs "
                  "loss < best - min_delta, strictly, so an equal loss is no improvement. Reset wait after an "
                  "improvement, stop as soon as wait > patience (not >=), and remember that training may also "
                  "run to the last epoch.",
            "sv": "enumerate(val_losses, start=1) ger epokerna räknade från 1. En förbättring kräver "
                  "loss < best - min_delta, strikt, så en lika stor förlust är ingen förbättring. Nollställ wait "
                  "efter en förbättring, stoppa så snart wait > patience (inte >=), och kom ihåg att träningen "
                  "också kan gå till sista epoken.",
        },
        public=[
            case(_EXAMPLE_LOSSES, 2, 0.0),
            case([0.5, 0.4, 0.3, 0.2], 1, 0.0),
            case([0.5, 0.4, 0.4, 0.4, 0.3], 1, 0.0),
            case([1.0, 0.95, 0.94, 0.93, 0.92, 0.91, 0.90], 1, 0.025),
        ],
        hidden=[
            case(_EXAMPLE_LOSSES, 0, 0.0),
            case(_EXAMPLE_LOSSES, 4, 0.0),
            case([0.5, 0.5, 0.5, 0.5, 0.5], 2, 0.0).weighted(4),
            case([1.0, 0.8, 0.8, 0.8, 0.79, 0.7], 1, 0.0).weighted(4),
            case([0.6, 0.6, 0.5, 0.5, 0.5, 0.4], 1, 0.0).weighted(4),
            case([1.0, 0.8, 0.9, 0.8, 0.9, 0.95], 3, 0.0).weighted(4),
            case([1.0, 1.1, 0.9, 1.0, 0.8, 0.9, 0.7, 0.8, 0.6], 1, 0.0).weighted(4),
            case([1.0, 0.9, 0.95, 0.85, 0.9, 0.8, 0.85, 0.82, 0.81], 1, 0.0).weighted(4),
            case([1.0, 1.2, 0.9, 1.1, 1.0, 0.8], 2, 0.0).weighted(4),
            case([0.9, 0.7, 0.7, 0.75, 0.7, 0.8], 2, 0.0).weighted(4),
            case([0.50, 0.49, 0.488, 0.486, 0.40], 2, 0.0155).weighted(4),
            case([1.0, 0.99, 0.98, 0.97, 0.96, 0.95], 2, 0.02).weighted(4),
            case([0.8, 0.79, 0.785, 0.7, 0.695, 0.69], 1, 0.02).weighted(4),
            case([0.3], 3, 0.0),
            case([0.9, 1.0, 1.1, 1.2], 1, 0.0),
            *random_cases(_loss_curve, 6, seed=21),
        ],
        misconceptions=[
            Misconception("stops_at_patience", stopping_at_patience, costs=0.5, message={
                "en": "You stop as soon as wait reaches patience, one epoch too early. Training stops only when "
                      "wait is larger than patience, after patience + 1 epochs in a row without improvement.",
                "sv": "Du stoppar så snart wait når patience, en epok för tidigt. Träningen stoppar först när "
                      "wait är större än patience, efter patience + 1 epoker i rad utan förbättring."}),
            Misconception("equal_is_improvement", stopping_equal_is_better, costs=0.4, message={
                "en": "You count a loss equal to the best one as an improvement. The rule asks for a loss "
                      "strictly below best - min_delta: on a plateau, wait must keep growing.",
                "sv": "Du räknar en förlust som är lika stor som den bästa som en förbättring. Regeln kräver en "
                      "förlust som är strikt mindre än best - min_delta: på en platå ska wait fortsätta att öka."}),
            Misconception("epochs_from_zero", stopping_from_zero, costs=0.5, message={
                "en": "Your epochs are counted from 0, but the answer counts them from 1: the first loss in the "
                      "list belongs to epoch 1.",
                "sv": "Dina epoker räknas från 0, men svaret räknar dem från 1: den första förlusten i listan "
                      "hör till epok 1."}),
            Misconception("ignores_min_delta", stopping_without_min_delta, costs=0.25, message={
                "en": "You ignore min_delta, so a tiny decrease counts as an improvement. Compare the loss with "
                      "best - min_delta, not with best.",
                "sv": "Du bortser från min_delta, så att en mycket liten minskning räknas som en förbättring. "
                      "Jämför förlusten med best - min_delta, inte med best."}),
            Misconception("wait_not_reset", stopping_wait_not_reset, costs=0.35, message={
                "en": "wait counts every epoch without improvement since the start, not those since the last "
                      "improvement. Set it back to 0 after every improvement.",
                "sv": "wait räknar alla epoker utan förbättring sedan starten, inte bara dem sedan den senaste "
                      "förbättringen. Sätt tillbaka den till 0 efter varje förbättring."}),
            Misconception("best_is_last_epoch", stopping_returns_the_last_epoch, costs=0.5, message={
                "en": "You return the epoch training stopped at as the best epoch. The best epoch is the one with "
                      "the lowest validation loss, usually several epochs earlier: remember it when it improves.",
                "sv": "Du returnerar epoken där träningen stoppade som den bästa epoken. Den bästa epoken är den "
                      "med lägst valideringsförlust, oftast flera epoker tidigare: kom ihåg den när den "
                      "förbättras."}),
            Misconception("never_stops", stopping_by_argmin, costs=0.5, message={
                "en": "Your training always runs to the last epoch, and the best epoch ignores min_delta. Go "
                      "through the losses one epoch at a time and stop once patience has run out: the epochs "
                      "after the stop are never trained.",
                "sv": "Din träning går alltid till sista epoken, och den bästa epoken bortser från min_delta. Gå "
                      "igenom förlusterna en epok i taget och stoppa när tålamodet är slut: epokerna efter stoppet "
                      "tränas aldrig."}),
        ],
        alternatives=[stopping_with_a_counter_of_epochs],
    ),
    Question(
        "q3", function="checkpoint_roundtrip", points=2, compare=_checkpoint_compare,
        hint={
            "en": "In save_checkpoint, give np.savez every weight as a keyword argument of its own (unpack the "
                  "dictionary) and the epoch as one more. In load_checkpoint, read everything inside the with "
                  "block, leave \"epoch\" out of the dictionary, and return the epoch as a Python int, not as a "
                  "numpy array.",
            "sv": "I save_checkpoint ger du np.savez varje vikt som ett eget nyckelordsargument (packa upp "
                  "dicten) och epoken som ett till. I load_checkpoint läser du allt inuti with-blocket, lämnar "
                  "\"epoch\" utanför dicten och returnerar epoken som en int i Python, inte som en numpy-array.",
        },
        public=[case({"0.W": np.array([[1.0, -2.0], [0.5, 3.0]]), "0.b": np.array([0.1, -0.1])}, 7)],
        hidden=[
            case({"0.W": np.ones((1, 3)), "0.b": np.zeros(1)}, 0),
            case({"w": np.array([[[1.5]]]), "bias": np.array([-2.25, 0.0, 4.0]), "2.W": np.eye(3)}, 1000),
            case({"0.W": np.arange(6, dtype=np.float32).reshape(2, 3)}, 3),
            *random_cases(_weights, 4, seed=22),
        ],
        misconceptions=[
            Misconception("epoch_as_array", roundtrip_epoch_as_array, costs=0.5, message={
                "en": "data[\"epoch\"] is a numpy array of shape (), not an int: it prints like a number but does "
                      "not work like one everywhere (as a dict key, in JSON). Turn it into an int before you "
                      "return it.",
                "sv": "data[\"epoch\"] är en numpy-array med formen (), inte en int: den ser ut som ett tal när den "
                      "skrivs ut, men fungerar inte som ett tal överallt (till exempel som nyckel i en dict eller i "
                      "JSON). Gör om den till en int innan du returnerar den."}),
            Misconception("dictionary_as_one_entry", roundtrip_dictionary_as_one_entry, costs=0.5, message={
                "en": "You save the whole dictionary as one entry, so numpy stores it as a pickled Python object, "
                      "which allow_pickle=False refuses to load. Unpack the dictionary so that every weight is "
                      "saved as an array under its own name.",
                "sv": "Du sparar hela dicten som en enda post, så numpy lagrar den som ett picklat Python-objekt, "
                      "vilket allow_pickle=False vägrar att läsa in. Packa upp dicten så att varje vikt sparas som "
                      "en array under sitt eget namn."}),
            Misconception("epoch_in_weights", roundtrip_epoch_left_in_the_weights, costs=0.5, message={
                "en": "The dictionary you return still contains \"epoch\". Only the weights belong in it: leave "
                      "that name out, and return the epoch on its own.",
                "sv": "Dicten som du returnerar innehåller fortfarande \"epoch\". Bara vikterna hör hemma där: "
                      "lämna utanför det namnet och returnera epoken för sig."}),
            Misconception("read_after_closing", roundtrip_read_after_closing, costs=0.5, message={
                "en": "You read arrays from data after the with block has closed the file, which fails. Read "
                      "every array, and the epoch, inside the with block.",
                "sv": "Du läser arrayer ur data efter att with-blocket har stängt filen, vilket misslyckas. Läs "
                      "varje array, och epoken, inuti with-blocket."}),
        ],
        alternatives=[roundtrip_numpy_integer_epoch],
    ),
    Question(
        "q4", variable="chosen_size", points=1,
        hint={
            "en": "Which of the two losses tells you how a network does on data it was not trained on? Find the "
                  "network that does best there, and answer with its hidden size h, not its position in the list.",
            "sv": "Vilken av de två förlusterna visar hur ett nätverk klarar sig på data som det inte har tränats "
                  "på? Leta upp nätverket som klarar sig bäst där och svara med dess dolda storlek h, inte dess "
                  "plats i listan.",
        },
        misconceptions=[
            Misconception("by_training_loss", 128, costs=1, message={
                "en": "You chose the network with the lowest training loss. The training loss always favours the "
                      "largest network, which fits the noise of its 60 points; choose by the validation loss, "
                      "measured on data the network was not trained on.",
                "sv": "Du valde nätverket med lägst träningsförlust. Träningsförlusten gynnar alltid det största "
                      "nätverket, som anpassar sig till bruset i sina 60 punkter; välj efter valideringsförlusten, "
                      "mätt på data som nätverket inte har tränats på."}),
            Misconception("position_not_size", 3, costs=1, message={
                "en": "Your answer is the position of the best network in the list, not its hidden size. Look up "
                      "the size at that position in hidden_sizes.",
                "sv": "Ditt svar är det bästa nätverkets plats i listan, inte dess dolda storlek. Slå upp "
                      "storleken på den platsen i hidden_sizes."}),
            Misconception("smallest_gap", 1, costs=1, message={
                "en": "You chose the network whose training and validation losses are closest. A small gap only "
                      "says the network does not overfit; this one underfits, and both of its losses are high. "
                      "Choose the lowest validation loss.",
                "sv": "Du valde nätverket vars tränings- och valideringsförlust ligger närmast varandra. Ett litet "
                      "avstånd säger bara att nätverket inte överanpassar; det här underanpassar, och båda dess "
                      "förluster är höga. Välj den lägsta valideringsförlusten."}),
            Misconception("loss_not_size", 0.259, costs=1, message={
                "en": "Your answer is a loss, not a hidden size. Find the lowest validation loss, then answer "
                      "with the hidden size h of that network.",
                "sv": "Ditt svar är en förlust, inte en dold storlek. Leta upp den lägsta valideringsförlusten och "
                      "svara sedan med den dolda storleken h för det nätverket."}),
        ],
        alternatives=[np.int64(8)],
    ),
]
