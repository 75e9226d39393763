# %% [markdown] tags=["en"]
# # Exercise 09: optimisers and weight initialisation
#
# Plain gradient descent (chapter 05) takes the step $w \leftarrow w - \eta\, g$, where $g$ is the
# gradient $\partial L / \partial w$ from backpropagation (chapter 07) and $\eta$ the learning rate.
# In this exercise you write the two improvements that most networks are trained with,
# **momentum** and **Adam**, and you work out how the weights should **start**: with which spread
# (the He and Xavier/Glorot initialisation), and why not simply at zero.
#
# Everything you need is explained below. There are five questions and 12 points in total.

# %% [markdown] tags=["sv"]
# # Övning 09: optimerare och viktinitiering
#
# Vanlig gradientnedstigning (kapitel 05) tar steget $w \leftarrow w - \eta\, g$, där $g$ är
# gradienten $\partial L / \partial w$ från bakåtpropageringen (kapitel 07) och $\eta$
# inlärningstakten. I den här övningen skriver du de två förbättringar som de flesta nätverk
# tränas med, **momentum** och **Adam**, och du tar reda på hur vikterna ska
# **starta**: med vilken spridning (He- och Xavier/Glorot-initiering), och varför inte helt enkelt
# med noll.
#
# Allt du behöver förklaras nedan. Det finns fem frågor och sammanlagt 12 poäng.

# %% [markdown] tags=["en"]
# ## How the exercises work
#
# Run the first code cell. Then, for every question, replace the two lines `# Your code here` and
# `raise NotImplementedError(...)` with your code, run the cell, and run the check cell under it,
# e.g. `check("q1")`. The check runs the *public tests*; your teacher's grader also runs *hidden
# tests* of the same kind (other shapes, other hyperparameters, random numbers). Keep the names of
# the functions and variables, return your answers instead of printing them, and run the whole
# notebook from the top before you hand it in (*Kernel → Restart Kernel and Run All Cells…*).

# %% [markdown] tags=["sv"]
# ## Så fungerar övningarna
#
# Kör den första kodcellen. Ersätt sedan, för varje fråga, de två raderna `# Din kod här` och
# `raise NotImplementedError(...)` med din kod, kör cellen och kör kontrollcellen under den, till
# exempel `check("q1")`. Kontrollen kör de *publika testerna*; lärarens rättningsprogram kör
# dessutom *dolda tester* av samma slag (andra former, andra hyperparametrar, slumpmässiga tal).
# Behåll namnen på funktionerna och variablerna, returnera dina svar i stället för att skriva ut
# dem, och kör hela din notebook från början innan du lämnar in (*Kernel → Restart Kernel and Run
# All Cells…*).

# %%
from course import set_language
from course.checker import check_for
set_language("en")
check = check_for("09_optimizers")

import numpy as np

# %% [markdown] tags=["en"]
# ## One step for every parameter at once
#
# An optimiser updates every parameter array of the network, `W` of shape `(n_out, n_in)` and `b`
# of shape `(n_out,)` of every layer, each with its own gradient `dW`, `db` of the same shape. All
# the formulas below work **element by element**: every single weight $w$ has its own gradient
# $g$ and its own running averages. So each function in this exercise receives arrays `w`, `g`, …
# that all have the same shape (any shape) and returns arrays of that shape, and numpy's `*`, `/`,
# `**` and `np.sqrt` do the element-by-element work for you.

# %% [markdown] tags=["sv"]
# ## Ett steg för alla parametrar på en gång
#
# En optimerare uppdaterar varje parameterarray i nätverket, `W` med formen `(n_out, n_in)` och
# `b` med formen `(n_out,)` i varje lager, var och en med sin egen gradient `dW`, `db` av samma
# form. Alla formler nedan gäller **element för element**: varje enskild vikt $w$ har sin egen
# gradient $g$ och sina egna löpande medelvärden. Därför tar varje funktion i den här övningen
# emot arrayer `w`, `g`, … som alla har samma form (vilken som helst) och returnerar arrayer med
# den formen, och numpys `*`, `/`, `**` och `np.sqrt` gör arbetet element för element åt dig.

# %% [markdown] tags=["en"]
# ## Question 1: a momentum step (2 points)
#
# Gradient descent with **momentum** $\mu$ (a number in $[0, 1)$, often $0.9$) keeps a
# **velocity** $v$, a running sum of the past gradients in which older gradients count less and
# less, and steps along it:
#
# $$v \leftarrow \mu\, v + g, \qquad w \leftarrow w - \eta\, v .$$
#
# The update of $w$ uses the **new** $v$. Think of a ball rolling down the loss surface: where the
# gradient keeps its direction, the velocity builds up (with a constant $g$ it approaches
# $g / (1 - \mu)$, ten times $g$ for $\mu = 0.9$), and where the gradient flips sign from step to
# step, in a narrow valley, the contributions cancel and the zigzag is damped. With $\mu = 0$ it is
# plain gradient descent. The velocity starts at $v = 0$.
#
# For example, $w = 1$, $g = 2$, $v = 0.5$, $\eta = 0.1$ and $\mu = 0.9$ give
# $v = 0.9 \cdot 0.5 + 2 = 2.45$ and $w = 1 - 0.1 \cdot 2.45 = 0.755$.
#
# Write `momentum_step(w, g, v, learning_rate, momentum)` that returns the tuple `(w, v)` of the
# updated weights and the updated velocity. (`nnlib.optim.SGD(learning_rate, momentum=...)` does
# this for every parameter of a model.)

# %% [markdown] tags=["sv"]
# ## Fråga 1: ett steg med momentum (2 poäng)
#
# Gradientnedstigning med **momentum** $\mu$ (ett tal i $[0, 1)$, ofta $0{,}9$)
# håller reda på en **hastighet** $v$, en löpande summa av de tidigare gradienterna där äldre
# gradienter räknas allt mindre, och tar steget längs den:
#
# $$v \leftarrow \mu\, v + g, \qquad w \leftarrow w - \eta\, v .$$
#
# Uppdateringen av $w$ använder det **nya** $v$. Tänk dig en kula som rullar nedför
# förlustytan: där gradienten behåller sin riktning byggs hastigheten upp (med konstant $g$ närmar
# den sig $g / (1 - \mu)$, tio gånger $g$ för $\mu = 0{,}9$), och där gradienten byter tecken från
# steg till steg, i en smal dal, tar bidragen ut varandra och sicksackandet dämpas. Med $\mu = 0$
# är det vanlig gradientnedstigning. Hastigheten börjar med $v = 0$.
#
# Till exempel ger $w = 1$, $g = 2$, $v = 0{,}5$, $\eta = 0{,}1$ och $\mu = 0{,}9$ att
# $v = 0{,}9 \cdot 0{,}5 + 2 = 2{,}45$ och $w = 1 - 0{,}1 \cdot 2{,}45 = 0{,}755$.
#
# Skriv `momentum_step(w, g, v, learning_rate, momentum)` som returnerar tupeln `(w, v)` med de
# uppdaterade vikterna och den uppdaterade hastigheten. (`nnlib.optim.SGD(learning_rate,
# momentum=...)` gör detta för varje parameter i en modell.)

# %% tags=["en"]
def momentum_step(w, g, v, learning_rate, momentum):
    """One step of gradient descent with momentum: v <- mu v + g, w <- w - eta v.

    Parameters
    ----------
    w : numpy array of any shape
        The parameters (e.g. W of shape (n_out, n_in)).
    g : numpy array of the shape of w
        The gradient dL/dw.
    v : numpy array of the shape of w
        The velocity from the previous step (zeros before the first step).
    learning_rate : float
        eta > 0.
    momentum : float
        mu in [0, 1).

    Returns
    -------
    tuple (w, v)
        The updated parameters and the updated velocity, both of the shape of w.
    """
    # BEGIN SOLUTION
    v = momentum * v + g
    w = w - learning_rate * v
    return w, v
    # END SOLUTION

# %% tags=["sv"]
def momentum_step(w, g, v, learning_rate, momentum):
    """Ett steg med gradientnedstigning med momentum: v <- mu v + g, w <- w - eta v.

    Parametrar
    ----------
    w : numpy-array med godtycklig form
        Parametrarna (t.ex. W med formen (n_out, n_in)).
    g : numpy-array med samma form som w
        Gradienten dL/dw.
    v : numpy-array med samma form som w
        Hastigheten från föregående steg (nollor före det första steget).
    learning_rate : float
        eta > 0.
    momentum : float
        mu i [0, 1).

    Returnerar
    ----------
    tupel (w, v)
        De uppdaterade parametrarna och den uppdaterade hastigheten, båda med samma form som w.
    """
    # BEGIN SOLUTION
    v = momentum * v + g
    w = w - learning_rate * v
    return w, v
    # END SOLUTION

# %% tags=["check"]
check("q1")

# %% [markdown] tags=["en"]
# ## Question 2: an Adam step (4 points)
#
# **Adam** (*adaptive moment estimation*, Kingma & Ba, 2015) keeps two running averages for every
# parameter: $m$, of the gradients (like momentum), and $v$, of the **squared** gradients. It
# divides one by the square root of the other, so that every parameter gets its own step size. At
# step $t = 1, 2, 3, \dots$, with the gradient $g$:
#
# $$\begin{aligned}
# m &\leftarrow \beta_1\, m + (1 - \beta_1)\, g, &
# v &\leftarrow \beta_2\, v + (1 - \beta_2)\, g^2, \\
# \hat m &= \frac{m}{1 - \beta_1^{\,t}}, &
# \hat v &= \frac{v}{1 - \beta_2^{\,t}}, \\
# w &\leftarrow w - \eta\, \frac{\hat m}{\sqrt{\hat v} + \varepsilon} .
# \end{aligned}$$
#
# The usual values are $\eta = 0.001$, $\beta_1 = 0.9$, $\beta_2 = 0.999$ and $\varepsilon = 10^{-8}$.
#
# - **Why divide by $\sqrt{\hat v}$?** If a gradient is consistently about $\pm 5$, then
#   $\hat m \approx \pm 5$ and $\sqrt{\hat v} \approx 5$, so the step is about $\eta$; if it is about
#   $\pm 0.001$, the step is *also* about $\eta$. Each parameter moves at a pace that does not depend
#   on the scale of its gradient: the learning rate **adapts**. $\varepsilon$ only prevents a
#   division by zero; it is added **outside** the square root.
# - **Why the hats (bias correction)?** $m$ and $v$ start at 0, so during the first steps they are
#   too small: after the first step $m = (1 - \beta_1)\, g = 0.1\, g$. Dividing by
#   $1 - \beta_1^{\,t}$, which is $0.1$ at $t = 1$, gives back exactly $g$. As $t$ grows,
#   $\beta^t \to 0$ and the correction fades away (for $\beta_2 = 0.999$ slowly: at $t = 1000$ it still
#   divides by $1 - 0.999^{1000} \approx 0.63$).
#
# For example, the first step ($t = 1$, $m = v = 0$) with $w = 1$, $g = 0.5$ and the usual values
# gives $m = 0.05$, $v = 0.00025$, $\hat m = 0.5$, $\hat v = 0.25$ and
# $w = 1 - 0.001 \cdot 0.5 / (0.5 + 10^{-8}) \approx 0.999$: the first step is $\eta$ in the direction
# of $-g$.
#
# Write `adam_step(w, g, m, v, t, learning_rate=0.001, beta1=0.9, beta2=0.999, eps=1e-8)` that
# returns the tuple `(w, m, v)`: the updated parameters and the updated $m$ and $v$ **without** the
# hats (the hats are only used for the step; the next step continues from the plain $m$ and $v$).
# `t` is the number of this step, 1 for the first. (`nnlib.optim.Adam` does this for every
# parameter of a model.)

# %% [markdown] tags=["sv"]
# ## Fråga 2: ett steg med Adam (4 poäng)
#
# **Adam** (*adaptive moment estimation*, Kingma och Ba, 2015) håller två löpande medelvärden för
# varje parameter: $m$, av gradienterna (som momentum), och $v$, av gradienternas **kvadrater**.
# Den delar det ena med kvadratroten ur det andra, så att varje parameter får sin egen stegstorlek.
# I steg $t = 1, 2, 3, \dots$, med gradienten $g$:
#
# $$\begin{aligned}
# m &\leftarrow \beta_1\, m + (1 - \beta_1)\, g, &
# v &\leftarrow \beta_2\, v + (1 - \beta_2)\, g^2, \\
# \hat m &= \frac{m}{1 - \beta_1^{\,t}}, &
# \hat v &= \frac{v}{1 - \beta_2^{\,t}}, \\
# w &\leftarrow w - \eta\, \frac{\hat m}{\sqrt{\hat v} + \varepsilon} .
# \end{aligned}$$
#
# De vanliga värdena är $\eta = 0{,}001$, $\beta_1 = 0{,}9$, $\beta_2 = 0{,}999$ och
# $\varepsilon = 10^{-8}$.
#
# - **Varför dela med $\sqrt{\hat v}$?** Om en gradient hela tiden är ungefär $\pm 5$ blir
#   $\hat m \approx \pm 5$ och $\sqrt{\hat v} \approx 5$, så steget blir ungefär $\eta$; om den är
#   ungefär $\pm 0{,}001$ blir steget *också* ungefär $\eta$. Varje parameter rör sig i en takt som
#   inte beror på gradientens storlek: inlärningstakten **anpassas**. $\varepsilon$ hindrar bara
#   division med noll; den läggs till **utanför** kvadratroten.
# - **Varför hattarna (korrigering för systematiskt fel, *bias correction*)?** $m$ och $v$ börjar
#   med 0, så under de första stegen är de för små: efter det första steget är
#   $m = (1 - \beta_1)\, g = 0{,}1\, g$.
#   Division med $1 - \beta_1^{\,t}$, som är $0{,}1$ för $t = 1$, ger tillbaka exakt $g$. När $t$
#   växer går $\beta^t \to 0$ och korrigeringen försvinner (för $\beta_2 = 0{,}999$ långsamt: vid
#   $t = 1000$ delar den fortfarande med $1 - 0{,}999^{1000} \approx 0{,}63$).
#
# Till exempel ger det första steget ($t = 1$, $m = v = 0$) med $w = 1$, $g = 0{,}5$ och de vanliga
# värdena att $m = 0{,}05$, $v = 0{,}00025$, $\hat m = 0{,}5$, $\hat v = 0{,}25$ och
# $w = 1 - 0{,}001 \cdot 0{,}5 / (0{,}5 + 10^{-8}) \approx 0{,}999$: det första steget är $\eta$ i
# riktningen $-g$.
#
# Skriv `adam_step(w, g, m, v, t, learning_rate=0.001, beta1=0.9, beta2=0.999, eps=1e-8)` som
# returnerar tupeln `(w, m, v)`: de uppdaterade parametrarna och de uppdaterade $m$ och $v$
# **utan** hattar (hattarna används bara för steget; nästa steg fortsätter från de vanliga $m$ och
# $v$). `t` är numret på det här steget, 1 för det första. (`nnlib.optim.Adam` gör detta för varje
# parameter i en modell.)

# %% tags=["en"]
def adam_step(w, g, m, v, t, learning_rate=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    """One Adam step with bias correction (Kingma & Ba, 2015).

    Parameters
    ----------
    w : numpy array of any shape
        The parameters (e.g. W of shape (n_out, n_in)).
    g : numpy array of the shape of w
        The gradient dL/dw.
    m, v : numpy arrays of the shape of w
        The running averages of g and of g**2 from the previous step (zeros before the first step).
    t : int
        The number of this step: 1, 2, 3, ...
    learning_rate, beta1, beta2, eps : float
        eta, beta_1, beta_2 and epsilon.

    Returns
    -------
    tuple (w, m, v)
        The updated parameters and the updated m and v (without bias correction), all of the shape of w.
    """
    # BEGIN SOLUTION
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g**2
    m_hat = m / (1 - beta1**t)
    v_hat = v / (1 - beta2**t)
    w = w - learning_rate * m_hat / (np.sqrt(v_hat) + eps)
    return w, m, v
    # END SOLUTION

# %% tags=["sv"]
def adam_step(w, g, m, v, t, learning_rate=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    """Ett steg med Adam, med biaskorrigering (Kingma & Ba, 2015).

    Parametrar
    ----------
    w : numpy-array med godtycklig form
        Parametrarna (t.ex. W med formen (n_out, n_in)).
    g : numpy-array med samma form som w
        Gradienten dL/dw.
    m, v : numpy-arrayer med samma form som w
        De glidande medelvärdena av g och av g**2 från föregående steg (nollor före det första steget).
    t : int
        Numret på det här steget: 1, 2, 3, ...
    learning_rate, beta1, beta2, eps : float
        eta, beta_1, beta_2 och epsilon.

    Returnerar
    ----------
    tupel (w, m, v)
        De uppdaterade parametrarna och de uppdaterade m och v (utan biaskorrigering), alla med samma form som w.
    """
    # BEGIN SOLUTION
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g**2
    m_hat = m / (1 - beta1**t)
    v_hat = v / (1 - beta2**t)
    w = w - learning_rate * m_hat / (np.sqrt(v_hat) + eps)
    return w, m, v
    # END SOLUTION

# %% tags=["check"]
check("q2")

# %% [markdown] tags=["en"]
# ## Question 3: how large should the starting weights be? (2 points)
#
# Weights start as random numbers with mean 0, but their **spread** matters. Take a node of a
# dense layer, $z_j = \sum_{k=1}^{n_{in}} w_{jk}\, a_k$. If the weights are independent, with mean 0
# and variance $\operatorname{Var}(w)$, the variances of the $n_{in}$ terms add up:
#
# $$\operatorname{Var}(z_j) = n_{in} \cdot \operatorname{Var}(w) \cdot \mathbb{E}[a^2] .$$
#
# If $n_{in} \operatorname{Var}(w)$ is larger than 1, the signals grow from layer to layer, and in a
# deep network they explode (or saturate every tanh); if it is smaller than 1, they shrink towards
# 0, and so do the gradients. So the variance is chosen from the number of inputs of a node, the
# **fan-in** (for a dense layer $\text{fan\_in} = n_{in}$ and $\text{fan\_out} = n_{out}$):
#
# - **He initialisation** (He et al., 2015), for ReLU: ReLU sets about half of the activations
#   to 0, which halves $\mathbb{E}[a^2]$, so the variance is doubled:
#   $\operatorname{Var}(w) = 2 / \text{fan\_in}$, standard deviation $\sqrt{2 / \text{fan\_in}}$.
# - **Xavier/Glorot initialisation** (Glorot & Bengio, 2010), for tanh and sigmoid: the forward
#   pass asks for $\text{fan\_in} \cdot \operatorname{Var}(w) = 1$, and the backward pass, where
#   $dX = dZ\, W$ sums over the $\text{fan\_out}$ nodes, asks for
#   $\text{fan\_out} \cdot \operatorname{Var}(w) = 1$. The compromise is
#   $\operatorname{Var}(w) = 2 / (\text{fan\_in} + \text{fan\_out})$, standard deviation
#   $\sqrt{2 / (\text{fan\_in} + \text{fan\_out})}$.
#
# For example, a layer with 64 inputs and 32 nodes has the He standard deviation
# $\sqrt{2/64} \approx 0.177$ and the Xavier standard deviation $\sqrt{2/96} \approx 0.144$.
#
# Write `init_std(method, fan_in, fan_out)` that returns the **standard deviation** (not the
# variance) as a float, for `method` equal to `"he"` or `"xavier"`. For `"he"`, `fan_out` is not
# used. (These are `nnlib.init.he_normal` and `nnlib.init.xavier_normal`.)

# %% [markdown] tags=["sv"]
# ## Fråga 3: hur stora ska startvikterna vara? (2 poäng)
#
# Vikterna börjar som slumptal med medelvärdet 0, men deras **spridning** spelar roll. Ta en nod
# i ett fullt kopplat lager, $z_j = \sum_{k=1}^{n_{in}} w_{jk}\, a_k$. Om vikterna är oberoende,
# med medelvärdet 0 och variansen $\operatorname{Var}(w)$, adderas variansen för de $n_{in}$
# termerna:
#
# $$\operatorname{Var}(z_j) = n_{in} \cdot \operatorname{Var}(w) \cdot \mathbb{E}[a^2] .$$
#
# Om $n_{in} \operatorname{Var}(w)$ är större än 1 växer signalerna från lager till lager, och i
# ett djupt nätverk exploderar de (eller så mättas varje tanh); om det är mindre än 1 krymper de mot
# 0, och det gör gradienterna också. Därför väljs variansen utifrån antalet indata till en nod,
# **fan-in** (för ett fullt kopplat lager är $\text{fan\_in} = n_{in}$ och
# $\text{fan\_out} = n_{out}$):
#
# - **He-initiering** (He m.fl., 2015), för ReLU: ReLU sätter ungefär hälften av aktiveringarna
#   till 0, vilket halverar $\mathbb{E}[a^2]$, så variansen fördubblas:
#   $\operatorname{Var}(w) = 2 / \text{fan\_in}$, standardavvikelse $\sqrt{2 / \text{fan\_in}}$.
# - **Xavier/Glorot-initiering** (Glorot och Bengio, 2010), för tanh och sigmoid: framåtpasset
#   kräver $\text{fan\_in} \cdot \operatorname{Var}(w) = 1$, och bakåtpasset, där $dX = dZ\, W$
#   summerar över de $\text{fan\_out}$ noderna, kräver $\text{fan\_out} \cdot \operatorname{Var}(w) = 1$.
#   Kompromissen är $\operatorname{Var}(w) = 2 / (\text{fan\_in} + \text{fan\_out})$,
#   standardavvikelse $\sqrt{2 / (\text{fan\_in} + \text{fan\_out})}$.
#
# Till exempel har ett lager med 64 indatavärden och 32 noder He-standardavvikelsen
# $\sqrt{2/64} \approx 0{,}177$ och Xavier-standardavvikelsen $\sqrt{2/96} \approx 0{,}144$.
#
# Skriv `init_std(method, fan_in, fan_out)` som returnerar **standardavvikelsen** (inte variansen)
# som ett flyttal, för `method` lika med `"he"` eller `"xavier"`. För `"he"` används inte
# `fan_out`. (Detta är `nnlib.init.he_normal` och `nnlib.init.xavier_normal`.)

# %% tags=["en"]
def init_std(method, fan_in, fan_out):
    """The standard deviation of He or Xavier/Glorot normal initialisation.

    Parameters
    ----------
    method : str
        "he" (sqrt(2 / fan_in)) or "xavier" (sqrt(2 / (fan_in + fan_out))).
    fan_in, fan_out : int
        The number of inputs of a node (n_in) and of nodes in the layer (n_out).

    Returns
    -------
    float
    """
    # BEGIN SOLUTION
    if method == "he":
        return float(np.sqrt(2.0 / fan_in))
    return float(np.sqrt(2.0 / (fan_in + fan_out)))
    # END SOLUTION

# %% tags=["sv"]
def init_std(method, fan_in, fan_out):
    """Standardavvikelsen för normalfördelad viktinitiering enligt He eller Xavier/Glorot.

    Parametrar
    ----------
    method : str
        "he" (sqrt(2 / fan_in)) eller "xavier" (sqrt(2 / (fan_in + fan_out))).
    fan_in, fan_out : int
        Antalet indatavärden till en nod (n_in) och antalet noder i lagret (n_out).

    Returnerar
    ----------
    float
    """
    # BEGIN SOLUTION
    if method == "he":
        return float(np.sqrt(2.0 / fan_in))
    return float(np.sqrt(2.0 / (fan_in + fan_out)))
    # END SOLUTION

# %% tags=["check"]
check("q3")

# %% [markdown] tags=["en"]
# ## Question 4: drawing the starting weights of a layer (2 points)
#
# Now draw the weight matrix of a dense layer with `n_in` inputs and `n_out` nodes: `W` has the
# shape `(n_out, n_in)` (row $j$ holds the weights *to* node $j$), and its entries are drawn
# independently from the normal distribution with mean 0 and the standard deviation of
# question 3 (with `fan_in = n_in` and `fan_out = n_out`).
#
# So that everyone gets the same numbers, use exactly this random number generator and this one
# call: `rng = np.random.default_rng(seed)` and then `rng.normal(0.0, std, size=(n_out, n_in))`.
# (Never `np.random.seed`: the course always passes a generator or a seed.)
#
# Write `init_weights(n_in, n_out, method, seed)` that returns `W`. Your `init_std` helps. The
# result is the same as `nnlib.layers.Dense(n_in, n_out, init=method, rng=seed).W`.

# %% [markdown] tags=["sv"]
# ## Fråga 4: att dra startvikterna för ett lager (2 poäng)
#
# Dra nu viktmatrisen för ett fullt kopplat lager med `n_in` indata och `n_out` noder: `W` har
# formen `(n_out, n_in)` (rad $j$ innehåller vikterna *till* nod $j$), och dess element dras
# oberoende av varandra från normalfördelningen med medelvärdet 0 och standardavvikelsen från
# fråga 3 (med `fan_in = n_in` och `fan_out = n_out`).
#
# För att alla ska få samma tal använder du exakt den här slumptalsgeneratorn och det här enda
# anropet: `rng = np.random.default_rng(seed)` och sedan `rng.normal(0.0, std, size=(n_out, n_in))`.
# (Aldrig `np.random.seed`: kursen skickar alltid med en generator eller ett frö.)
#
# Skriv `init_weights(n_in, n_out, method, seed)` som returnerar `W`. Din `init_std` hjälper till.
# Resultatet är detsamma som `nnlib.layers.Dense(n_in, n_out, init=method, rng=seed).W`.

# %% tags=["en"]
def init_weights(n_in, n_out, method, seed):
    """The starting weights of a dense layer, drawn from N(0, init_std(method, n_in, n_out)^2).

    Parameters
    ----------
    n_in, n_out : int
        The number of inputs and of nodes of the layer.
    method : str
        "he" or "xavier".
    seed : int
        The seed of np.random.default_rng.

    Returns
    -------
    numpy array of shape (n_out, n_in)
    """
    # BEGIN SOLUTION
    rng = np.random.default_rng(seed)
    return rng.normal(0.0, init_std(method, n_in, n_out), size=(n_out, n_in))
    # END SOLUTION

# %% tags=["sv"]
def init_weights(n_in, n_out, method, seed):
    """Startvikterna för ett fullt kopplat lager, dragna ur N(0, init_std(method, n_in, n_out)^2).

    Parametrar
    ----------
    n_in, n_out : int
        Antalet indatavärden och antalet noder i lagret.
    method : str
        "he" eller "xavier".
    seed : int
        Slumpfröet till np.random.default_rng.

    Returnerar
    ----------
    numpy-array med formen (n_out, n_in)
    """
    # BEGIN SOLUTION
    rng = np.random.default_rng(seed)
    return rng.normal(0.0, init_std(method, n_in, n_out), size=(n_out, n_in))
    # END SOLUTION

# %% tags=["check"]
check("q4")

# %% [markdown] tags=["en"]
# ## Question 5: why not start at zero? (2 points)
#
# Why random weights at all? Suppose all weights start equal, for example all 0. Then every hidden
# node computes the same $z$ and the same activation for every sample. In the backward pass, the
# nodes also receive the same gradient: $dA_1 = dZ_2\, W_2$ has equal columns because the entries
# of $W_2$ are equal, so the rows of $dW_1$ are equal, and after the update the rows of $W_1$ are
# still equal. This repeats at every step: the nodes stay exact copies of each other, however long
# we train, and the hidden layer works like a **single** node. Random starting weights break this
# *symmetry*. (With tanh and zeros it is even worse: $\tanh(0) = 0$, so the hidden activations
# and all the weight gradients are 0, and only the output bias can learn.)
#
# The next cell trains the same network twice on XOR with `nnlib`: 2 inputs, 4 hidden tanh nodes,
# 1 output, 300 epochs of gradient descent, once starting from all zeros and once with the Xavier
# initialisation. It keeps the trained first-layer weight matrices, of shape `(4, 2)`, as
# `W1_zeros` and `W1_xavier`.
#
# Count how many **different** rows each matrix has, that is, how many hidden nodes really differ
# after training, and set `distinct_hidden_nodes` to the dict
# `{"zeros": count_for_W1_zeros, "xavier": count_for_W1_xavier}` with two integers. Count rows
# as equal when they agree to 6 decimals: `np.unique(np.round(W, 6), axis=0)` keeps one copy of
# each different row.

# %% [markdown] tags=["sv"]
# ## Fråga 5: varför inte börja med noll? (2 poäng)
#
# Varför slumpmässiga vikter över huvud taget? Anta att alla vikter börjar lika, till exempel
# alla lika med 0. Då räknar varje dold nod ut samma $z$ och samma aktivering för varje exempel. I bakåtpasset får
# noderna också samma gradient: $dA_1 = dZ_2\, W_2$ har lika kolumner eftersom elementen i $W_2$ är
# lika, så raderna i $dW_1$ är lika, och efter uppdateringen är raderna i $W_1$ fortfarande lika.
# Detta upprepas i varje steg: noderna förblir exakta kopior av varandra, hur länge vi än tränar,
# och det dolda lagret fungerar som en **enda** nod. Slumpmässiga startvikter bryter denna
# *symmetri*. (Med tanh och nollor är det ännu värre: $\tanh(0) = 0$, så de dolda aktiveringarna
# och alla viktgradienter är 0, och bara utdatalagrets bias kan lära sig något.)
#
# Nästa cell tränar samma nätverk två gånger på XOR med `nnlib`: 2 indatavärden, 4 dolda noder med
# tanh, en utdatanod, 300 epoker med gradientnedstigning, en gång med start i bara nollor och en gång
# med Xavier-initiering. Den sparar de tränade viktmatriserna för det första lagret, med formen
# `(4, 2)`, som `W1_zeros` och `W1_xavier`.
#
# Räkna hur många **olika** rader varje matris har, alltså hur många dolda noder som verkligen
# skiljer sig åt efter träningen, och sätt `distinct_hidden_nodes` till dicten
# `{"zeros": antal_för_W1_zeros, "xavier": antal_för_W1_xavier}` med två heltal. Räkna rader som
# lika när de stämmer överens på 6 decimaler: `np.unique(np.round(W, 6), axis=0)` behåller en
# kopia av varje rad som skiljer sig från de andra.

# %% tags=["en"]
from nnlib.datasets import logic_gate
from nnlib.losses import MSE
from nnlib.model import MLP
from nnlib.optim import SGD
from nnlib.training import fit

X_xor, y_xor = logic_gate("xor")
Y_xor = y_xor.reshape(-1, 1).astype(float)
trained = {}
for init in ("zeros", "xavier"):
    model = MLP([2, 4, 1], activation="tanh", init=init, rng=0)
    history = fit(model, MSE(), SGD(learning_rate=0.3), X_xor, Y_xor, epochs=300, rng=0, progress=False)
    trained[init] = model
    print(f"{init:6s}  loss {history.loss[-1]:.4f}  predictions {model.predict(X_xor).ravel().round(2)}")
W1_zeros = trained["zeros"].layers[0].W
W1_xavier = trained["xavier"].layers[0].W

# %% tags=["sv"]
from nnlib.datasets import logic_gate
from nnlib.losses import MSE
from nnlib.model import MLP
from nnlib.optim import SGD
from nnlib.training import fit

X_xor, y_xor = logic_gate("xor")
Y_xor = y_xor.reshape(-1, 1).astype(float)
trained = {}
for init in ("zeros", "xavier"):
    model = MLP([2, 4, 1], activation="tanh", init=init, rng=0)
    history = fit(model, MSE(), SGD(learning_rate=0.3), X_xor, Y_xor, epochs=300, rng=0, progress=False)
    trained[init] = model
    print(f"{init:6s}  förlust {history.loss[-1]:.4f}  prediktioner {model.predict(X_xor).ravel().round(2)}")
W1_zeros = trained["zeros"].layers[0].W
W1_xavier = trained["xavier"].layers[0].W

# %%
# BEGIN SOLUTION
distinct_hidden_nodes = {
    "zeros": len(np.unique(np.round(W1_zeros, 6), axis=0)),
    "xavier": len(np.unique(np.round(W1_xavier, 6), axis=0)),
}
# END SOLUTION

# %% tags=["check"]
check("q5")

# %% [markdown] tags=["en"]
# ## Done?
#
# When all five checks show ✔, restart the kernel and run all cells once more (*Kernel → Restart
# Kernel and Run All Cells…*), then save the notebook and hand it in the way your teacher asks.
#
# If you want to go further: race your optimisers. Minimise the narrow valley
# $L(w) = w_1^2 + 25\, w_2^2$, with the gradient $g = (2 w_1,\ 50 w_2)$, from $w = (-2, 1)$ for 100
# steps each, and compare the final losses:
#
# ```python
# def gradient(w):
#     return np.array([2 * w[0], 50 * w[1]])
#
# w, v = np.array([-2.0, 1.0]), np.zeros(2)
# for step in range(100):
#     w, v = momentum_step(w, gradient(w), v, 0.01, 0.9)
# print("momentum:", w[0] ** 2 + 25 * w[1] ** 2)
#
# w, m, v = np.array([-2.0, 1.0]), np.zeros(2), np.zeros(2)
# for t in range(1, 101):
#     w, m, v = adam_step(w, gradient(w), m, v, t, learning_rate=0.1)
# print("Adam:    ", w[0] ** 2 + 25 * w[1] ** 2)
# ```
#
# Try $\mu = 0$ (plain gradient descent) and other learning rates too. Next:
# [exercise 10, convolutional layers](10_convolution.ipynb).

# %% [markdown] tags=["sv"]
# ## Klar?
#
# När alla fem kontrollerna visar ✔ startar du om kärnan och kör alla celler en gång till
# (*Kernel → Restart Kernel and Run All Cells…*). Spara sedan din notebook och lämna in den på
# det sätt som din lärare har bestämt.
#
# Om du vill gå vidare: låt dina optimerare tävla. Minimera den smala dalen
# $L(w) = w_1^2 + 25\, w_2^2$, med gradienten $g = (2 w_1;\ 50 w_2)$, från $w = (-2;\ 1)$ i 100 steg
# var, och jämför förlusterna på slutet:
#
# ```python
# def gradient(w):
#     return np.array([2 * w[0], 50 * w[1]])
#
# w, v = np.array([-2.0, 1.0]), np.zeros(2)
# for step in range(100):
#     w, v = momentum_step(w, gradient(w), v, 0.01, 0.9)
# print("momentum:", w[0] ** 2 + 25 * w[1] ** 2)
#
# w, m, v = np.array([-2.0, 1.0]), np.zeros(2), np.zeros(2)
# for t in range(1, 101):
#     w, m, v = adam_step(w, gradient(w), m, v, t, learning_rate=0.1)
# print("Adam:    ", w[0] ** 2 + 25 * w[1] ** 2)
# ```
#
# Prova också $\mu = 0$ (vanlig gradientnedstigning) och andra inlärningstakter. Nästa steg:
# [övning 10, faltningslager](10_convolution.ipynb).

# %% tags=["hidden"]
# The grading specification: never in the student notebooks. Expected values come from the
# solutions above, run on the same inputs.
from course.exercise import Misconception, Question, case, random_cases


def _shape(rng):
    return tuple(int(k) for k in rng.integers(1, 5, size=int(rng.integers(1, 3))))


def _momentum_case(rng):
    shape = _shape(rng)
    return (rng.normal(size=shape), rng.normal(size=shape), rng.normal(size=shape),
            float(rng.uniform(0.001, 0.5)), float(rng.uniform(0.0, 0.99)))


def _adam_case(rng):
    shape = _shape(rng)
    return (rng.normal(size=shape), rng.normal(size=shape), 0.1 * rng.normal(size=shape),
            rng.uniform(0.0, 0.1, size=shape), int(rng.integers(1, 60)),
            float(rng.uniform(0.001, 0.1)), float(rng.uniform(0.5, 0.95)), float(rng.uniform(0.9, 0.9999)),
            float(10.0 ** rng.integers(-8, -5)))


def _init_case(rng):
    return (["he", "xavier"][int(rng.integers(0, 2))], int(rng.integers(1, 1000)), int(rng.integers(1, 1000)))


def _weights_case(rng):
    return (int(rng.integers(1, 7)), int(rng.integers(1, 7)), ["he", "xavier"][int(rng.integers(0, 2))],
            int(rng.integers(0, 10_000)))


def _node_counts(expected, received):
    if not isinstance(received, dict):
        return False, {"en": f"Expected a dict like {{'zeros': ..., 'xavier': ...}}, but received "
                             f"{type(received).__name__}.",
                       "sv": f"väntat: en dict som {{'zeros': ..., 'xavier': ...}}; ditt svar: "
                             f"{type(received).__name__}."}
    if set(received) != set(expected):
        return False, {"en": f"Expected the keys 'zeros' and 'xavier', but received {sorted(map(str, received))}.",
                       "sv": f"väntat: nycklarna 'zeros' och 'xavier'; ditt svar: {sorted(map(str, received))}."}
    for key, value in received.items():
        if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
            return False, {"en": f"Expected a whole number for {key!r}, but received {type(value).__name__}.",
                           "sv": f"väntat: ett heltal för {key!r}; ditt svar: {type(value).__name__}."}
    wrong = sorted(key for key in expected if received[key] != expected[key])
    if wrong:
        return False, {"en": f"The count for {' and '.join(map(repr, wrong))} is not right.",
                       "sv": f"Antalet för {' och '.join(map(repr, wrong))} är inte rätt."}
    return True, None



# Common wrong answers (each is handed in as a student would in the exercise tests).
def momentum_old_velocity(w, g, v, learning_rate, momentum):
    return w - learning_rate * v, momentum * v + g


def momentum_plus(w, g, v, learning_rate, momentum):
    v = momentum * v + g
    return w + learning_rate * v, v


def momentum_learning_rate_twice(w, g, v, learning_rate, momentum):
    v = momentum * v + learning_rate * g
    return w - learning_rate * v, v


def momentum_velocity_not_returned(w, g, v, learning_rate, momentum):
    return w - learning_rate * (momentum * v + g), v


def momentum_swapped_return(w, g, v, learning_rate, momentum):
    v = momentum * v + g
    return v, w - learning_rate * v


def momentum_ignored(w, g, v, learning_rate, momentum):
    return w - learning_rate * g, momentum * v + g


def momentum_by_loop(w, g, v, learning_rate, momentum):
    new_w, new_v = np.array(w, dtype=float), np.array(v, dtype=float)
    for index in np.ndindex(np.shape(w)):
        new_v[index] = momentum * v[index] + g[index]
        new_w[index] = w[index] - learning_rate * new_v[index]
    return new_w, new_v


def momentum_in_place(w, g, v, learning_rate, momentum):
    v = v.copy()
    v *= momentum
    v += g
    return w - learning_rate * v, v


def adam_without_bias_correction(w, g, m, v, t, learning_rate=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g**2
    return w - learning_rate * m / (np.sqrt(v) + eps), m, v


def adam_eps_inside_sqrt(w, g, m, v, t, learning_rate=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g**2
    m_hat, v_hat = m / (1 - beta1**t), v / (1 - beta2**t)
    return w - learning_rate * m_hat / np.sqrt(v_hat + eps), m, v


def adam_returns_hats(w, g, m, v, t, learning_rate=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g**2
    m, v = m / (1 - beta1**t), v / (1 - beta2**t)
    return w - learning_rate * m / (np.sqrt(v) + eps), m, v


def adam_fixed_hyperparameters(w, g, m, v, t, learning_rate=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    m = 0.9 * m + 0.1 * g
    v = 0.999 * v + 0.001 * g**2
    m_hat, v_hat = m / (1 - 0.9**t), v / (1 - 0.999**t)
    return w - 0.001 * m_hat / (np.sqrt(v_hat) + 1e-8), m, v


def adam_without_square_root(w, g, m, v, t, learning_rate=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g**2
    m_hat, v_hat = m / (1 - beta1**t), v / (1 - beta2**t)
    return w - learning_rate * m_hat / (v_hat + eps), m, v


def adam_plus(w, g, m, v, t, learning_rate=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g**2
    m_hat, v_hat = m / (1 - beta1**t), v / (1 - beta2**t)
    return w + learning_rate * m_hat / (np.sqrt(v_hat) + eps), m, v


def adam_step_size_first(w, g, m, v, t, learning_rate=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    g = np.asarray(g, dtype=np.float64)
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * np.square(g)
    step = learning_rate / (1 - beta1**t) * m / (np.sqrt(v / (1 - beta2**t)) + eps)
    return w - step, m, v


def init_std_variance(method, fan_in, fan_out):
    return 2.0 / fan_in if method == "he" else 2.0 / (fan_in + fan_out)


def init_std_he_fan_out(method, fan_in, fan_out):
    return float(np.sqrt(2.0 / fan_out)) if method == "he" else float(np.sqrt(2.0 / (fan_in + fan_out)))


def init_std_uniform_limit(method, fan_in, fan_out):
    return float(np.sqrt(6.0 / fan_in)) if method == "he" else float(np.sqrt(6.0 / (fan_in + fan_out)))


def init_std_numerator_one(method, fan_in, fan_out):
    return float(np.sqrt(1.0 / fan_in)) if method == "he" else float(np.sqrt(1.0 / (fan_in + fan_out)))


def init_std_xavier_fan_in_only(method, fan_in, fan_out):
    return float(np.sqrt(2.0 / fan_in)) if method == "he" else float(np.sqrt(1.0 / fan_in))


def init_std_by_table(method, fan_in, fan_out):
    fans = {"he": fan_in, "xavier": (fan_in + fan_out)}
    return (2 / fans[method]) ** 0.5


def init_weights_transposed(n_in, n_out, method, seed):
    return np.random.default_rng(seed).normal(0.0, init_std(method, n_in, n_out), size=(n_in, n_out))


def init_weights_unscaled(n_in, n_out, method, seed):
    return np.random.default_rng(seed).normal(0.0, 1.0, size=(n_out, n_in))


def init_weights_fans_swapped(n_in, n_out, method, seed):
    return np.random.default_rng(seed).normal(0.0, init_std(method, n_out, n_in), size=(n_out, n_in))


def init_weights_variance_as_scale(n_in, n_out, method, seed):
    return np.random.default_rng(seed).normal(0.0, init_std(method, n_in, n_out) ** 2, size=(n_out, n_in))


def init_weights_legacy_generator(n_in, n_out, method, seed):
    return np.random.RandomState(seed).normal(0.0, init_std(method, n_in, n_out), size=(n_out, n_in))


def init_weights_uniform(n_in, n_out, method, seed):
    limit = np.sqrt(3.0) * init_std(method, n_in, n_out)
    return np.random.default_rng(seed).uniform(-limit, limit, size=(n_out, n_in))


def init_weights_standard_normal_scaled(n_in, n_out, method, seed):
    rng = np.random.default_rng(seed)
    return init_std(method, n_in, n_out) * rng.standard_normal((n_out, n_in))


QUESTIONS = [
    Question(
        "q1", function="momentum_step", points=2,
        hint={
            "en": "Update the velocity first and take the step with the new velocity, not the old one. The gradient "
                  "is added to the velocity as it is (the learning rate comes in only in the step). Return (w, v).",
            "sv": "Uppdatera hastigheten först och ta steget med den nya hastigheten, inte den gamla. Gradienten "
                  "läggs till hastigheten som den är (inlärningstakten kommer in först i steget). Returnera (w, v).",
        },
        public=[
            case(np.array([1.0]), np.array([2.0]), np.array([0.5]), 0.1, 0.9),
            case(np.array([1.0, -2.0]), np.array([0.5, 0.5]), np.zeros(2), 0.1, 0.9),
        ],
        hidden=[
            case(np.array([3.0, 1.0]), np.array([1.0, -1.0]), np.array([10.0, -10.0]), 0.01, 0.0),
            case(np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[0.0, 1.0], [-1.0, 0.0]]),
                 np.array([[1.0, 1.0], [1.0, 1.0]]), 0.5, 0.5),
            case(np.zeros(3), np.zeros(3), np.array([1.0, -2.0, 3.0]), 0.2, 0.99),
            *random_cases(_momentum_case, 6, seed=91),
        ],
        misconceptions=[
            Misconception("old_velocity", momentum_old_velocity, costs=0.5, message={
                "en": "Your step uses the velocity from before this step. Update the velocity with the new gradient "
                      "first, then step along the updated velocity.",
                "sv": "Ditt steg använder hastigheten från före det här steget. Uppdatera först hastigheten med den "
                      "nya gradienten och ta sedan steget längs den uppdaterade hastigheten."}),
            Misconception("plus_instead_of_minus", momentum_plus, costs=0.5, message={
                "en": "Your step goes uphill: the velocity points where the loss increases, so the weights move "
                      "against it, with a minus sign.",
                "sv": "Ditt steg går uppför: hastigheten pekar dit förlusten ökar, så vikterna flyttas åt motsatt "
                      "håll, med ett minustecken."}),
            Misconception("learning_rate_twice", momentum_learning_rate_twice, costs=0.5, message={
                "en": "The learning rate is applied twice: once when the gradient is added to the velocity and again "
                      "in the step. In this formula the velocity collects the plain gradients.",
                "sv": "Inlärningstakten används två gånger: en gång när gradienten läggs till hastigheten och en "
                      "gång till i steget. I den här formeln samlar hastigheten de obehandlade gradienterna."}),
            Misconception("velocity_not_returned", momentum_velocity_not_returned, costs=0.5, message={
                "en": "Your weights are right, but you return the old velocity, so the next step starts from a "
                      "velocity that never changes. Return the updated velocity together with the weights.",
                "sv": "Dina vikter är rätt, men du returnerar den gamla hastigheten, så nästa steg börjar från en "
                      "hastighet som aldrig ändras. Returnera den uppdaterade hastigheten tillsammans med vikterna."}),
            Misconception("swapped_return", momentum_swapped_return, costs=0.5, message={
                "en": "You return the velocity first and the weights second. The function returns the tuple in the "
                      "order (w, v).",
                "sv": "Du returnerar hastigheten först och vikterna sedan. Funktionen ska returnera tupeln i "
                      "ordningen (w, v)."}),
            Misconception("momentum_ignored", momentum_ignored, costs=0.5, message={
                "en": "Your weights take a plain gradient-descent step; the velocity you compute is never used. The "
                      "step goes along the updated velocity, not along the gradient alone.",
                "sv": "Dina vikter tar ett vanligt steg med gradientnedstigning; hastigheten som du räknar ut "
                      "används aldrig. Steget tas längs den uppdaterade hastigheten, inte bara längs gradienten."}),
        ],
        alternatives=[momentum_by_loop, momentum_in_place],
    ),
    Question(
        "q2", function="adam_step", points=4,
        hint={
            "en": "Update the two running averages first. Correct them for the step only, each with its own beta and "
                  "the step number t, and return them uncorrected. Take the square root before you add eps: with "
                  "gradients like 1e-6, eps inside the root shrinks the step. Use the arguments learning_rate, beta1, "
                  "beta2 and eps, not the usual numbers.",
            "sv": "Uppdatera de två löpande medelvärdena först. Korrigera dem bara för steget, vart och ett med sin "
                  "egen beta och stegnumret t, och returnera dem okorrigerade. Ta kvadratroten innan du lägger till "
                  "eps: med gradienter som 1e-6 krymper steget om eps ligger innanför roten. Använd argumenten "
                  "learning_rate, beta1, beta2 och eps, inte de vanliga talen.",
        },
        public=[
            case(np.array([1.0]), np.array([0.5]), np.zeros(1), np.zeros(1), 1),
            case(np.array([1.0, -1.0]), np.array([0.2, -0.4]), np.array([0.1, -0.1]), np.array([0.01, 0.02]), 2,
                 0.01, 0.9, 0.999, 1e-8),
            case(np.array([1.0, -1.0]), np.array([1e-6, -1e-5]), np.zeros(2), np.zeros(2), 1).weighted(2),
        ],
        hidden=[
            case(np.ones(3), np.array([0.5, -2.0, 0.0]), np.zeros(3), np.zeros(3), 1),
            case(np.array([0.5, -0.5]), np.array([1e-6, -1e-7]), np.zeros(2), np.zeros(2), 1).weighted(2),
            case(np.array([1.0, 1.0]), np.array([1e-5, -3e-5]), np.array([2e-5, -1e-5]), np.array([1e-10, 4e-10]),
                 5).weighted(2),
            case(np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[0.1, -0.2], [0.3, -0.4]]),
                 np.array([[0.05, -0.1], [0.2, -0.3]]), np.array([[0.01, 0.02], [0.05, 0.1]]), 1000),
            case(np.array([2.0]), np.array([3.0]), np.array([1.0]), np.array([4.0]), 10, 0.1, 0.5, 0.9,
                 1e-6).weighted(2),
            case(np.array([0.0, 1.0]), np.array([1.0, 1.0]), np.array([0.3, 0.3]), np.array([0.2, 0.2]), 3,
                 0.05, 0.8, 0.99, 1e-8),
            *random_cases(_adam_case, 6, seed=92),
        ],
        misconceptions=[
            Misconception("no_bias_correction", adam_without_bias_correction, costs=0.5, message={
                "en": "Without the bias correction the first steps are far too small (m and v start at 0). Divide m "
                      "by 1 - beta1**t and v by 1 - beta2**t for the step.",
                "sv": "Utan biaskorrigeringen blir de första stegen alldeles för små (m och v börjar med 0). Dela m "
                      "med 1 − beta1**t och v med 1 − beta2**t inför steget."}),
            Misconception("eps_inside_sqrt", adam_eps_inside_sqrt, costs=0.25, message={
                "en": "eps is added inside the square root, so for tiny gradients eps is much larger than v_hat and "
                      "the step shrinks. Take the square root of v_hat first and add eps to the result.",
                "sv": "eps läggs till innanför kvadratroten, så för mycket små gradienter är eps mycket större än "
                      "v_hat och steget krymper. Ta först kvadratroten ur v_hat och lägg till eps efteråt."}),
            Misconception("returns_hats", adam_returns_hats, costs=0.5, message={
                "en": "You return the bias-corrected m_hat and v_hat. The next step must continue from the plain "
                      "running averages m and v; the hats are only for this step.",
                "sv": "Du returnerar de biaskorrigerade m_hat och v_hat. Nästa steg ska fortsätta från de vanliga "
                      "löpande medelvärdena m och v; hattarna används bara för det här steget."}),
            Misconception("fixed_hyperparameters", adam_fixed_hyperparameters, costs=0.5, message={
                "en": "You use the usual numbers 0.001, 0.9, 0.999 and 1e-8 instead of the arguments, so a call "
                      "with another learning_rate, beta1, beta2 or eps gives the wrong step. Use the parameters.",
                "sv": "Du använder de vanliga värdena (0,001; 0,9; 0,999 och 1e-8) i stället för argumenten, så ett "
                      "anrop med andra learning_rate, beta1, beta2 eller eps ger fel steg. Använd parametrarna."}),
            Misconception("no_square_root", adam_without_square_root, costs=0.5, message={
                "en": "You divide by v_hat itself. v is an average of squared gradients, so take its square root "
                      "before dividing: then the step no longer depends on the scale of the gradient.",
                "sv": "Du delar med v_hat själv. v är ett medelvärde av kvadrerade gradienter, så ta kvadratroten "
                      "ur det innan du delar: då beror steget inte längre på gradientens storlek."}),
            Misconception("plus_instead_of_minus", adam_plus, costs=0.5, message={
                "en": "Your step goes uphill: m_hat points where the loss increases, so the weights move against "
                      "it, with a minus sign.",
                "sv": "Ditt steg går uppför: m_hat pekar dit förlusten ökar, så vikterna flyttas åt motsatt håll, "
                      "med ett minustecken."}),
        ],
        alternatives=[adam_step_size_first],
    ),
    Question(
        "q3", function="init_std", points=2,
        hint={
            "en": "Return the standard deviation, the square root of the variance in the text. He depends only on the "
                  "inputs of a node, Xavier on both fans, and both normal versions have 2 in the numerator (not 1, and "
                  "not the 6 of the uniform versions).",
            "sv": "Returnera standardavvikelsen, kvadratroten ur variansen i texten. He beror bara på antalet indatavärden "
                  "till en nod, Xavier på både fan_in och fan_out, och båda normalfördelade varianterna har 2 i täljaren "
                  "(inte 1, och inte 6 som i de likformiga varianterna).",
        },
        public=[case("he", 64, 32), case("xavier", 64, 32)],
        hidden=[
            case("he", 1, 1),
            case("he", 784, 10),
            case("he", 3, 300),
            case("xavier", 1, 1),
            case("xavier", 784, 10),
            case("xavier", 10, 500),
            *random_cases(_init_case, 4, seed=93),
        ],
        misconceptions=[
            Misconception("variance_not_std", init_std_variance, costs=0.5, message={
                "en": "You return the variance. The standard deviation is its square root.",
                "sv": "Du returnerar variansen. Standardavvikelsen är kvadratroten ur den."}),
            Misconception("he_with_fan_out", init_std_he_fan_out, costs=0.25, message={
                "en": "He initialisation keeps the forward signal steady, so it divides by the number of inputs of "
                      "a node, fan_in, not by fan_out.",
                "sv": "He-initiering håller signalen i framåtpasset stabil, så den delar med antalet indatavärden "
                      "till en nod, fan_in, inte med fan_out."}),
            Misconception("uniform_limit", init_std_uniform_limit, costs=0.5, message={
                "en": "With 6 in the numerator you get the limit a of the uniform versions, whose standard deviation "
                      "is a / sqrt(3). The normal versions have 2 in the numerator.",
                "sv": "Med 6 i täljaren får du gränsen a för de likformiga varianterna, vars standardavvikelse är "
                      "a / sqrt(3). De normalfördelade varianterna har 2 i täljaren."}),
            Misconception("numerator_one", init_std_numerator_one, costs=0.5, message={
                "en": "With 1 in the numerator the weights are a factor sqrt(2) too small. He doubles the variance "
                      "because ReLU zeroes about half of the activations, and Xavier averages fan_in and fan_out.",
                "sv": "Med 1 i täljaren blir vikterna en faktor sqrt(2) för små. He fördubblar variansen eftersom "
                      "ReLU nollställer ungefär hälften av aktiveringarna, och Xavier tar medelvärdet av fan_in och "
                      "fan_out."}),
            Misconception("xavier_fan_in_only", init_std_xavier_fan_in_only, costs=0.25, message={
                "en": "Your Xavier standard deviation uses only fan_in. Xavier/Glorot is a compromise between the "
                      "forward and the backward pass, so it uses both fan_in and fan_out.",
                "sv": "Din standardavvikelse för Xavier använder bara fan_in. Xavier/Glorot är en kompromiss mellan "
                      "framåtpasset och bakåtpasset, så den använder både fan_in och fan_out."}),
        ],
        alternatives=[init_std_by_table],
    ),
    Question(
        "q4", function="init_weights", points=2,
        hint={
            "en": "Make the generator from the seed exactly as the text says and draw every weight in one call of "
                  "rng.normal, with the standard deviation from your init_std (fan_in is n_in, fan_out is n_out). The "
                  "shape is (n_out, n_in): one row per node.",
            "sv": "Skapa generatorn från slumpfröet precis som texten säger och dra alla vikter i ett anrop av "
                  "rng.normal, med standardavvikelsen från din init_std (fan_in är n_in, fan_out är n_out). Formen är "
                  "(n_out, n_in): en rad per nod.",
        },
        public=[case(3, 2, "he", 0), case(2, 4, "xavier", 1)],
        hidden=[
            case(1, 1, "he", 7),
            case(5, 3, "he", 42),
            case(3, 5, "xavier", 42),
            case(64, 32, "he", 2024),
            *random_cases(_weights_case, 5, seed=94),
        ],
        misconceptions=[
            Misconception("transposed", init_weights_transposed, costs=0.5, message={
                "en": "Your matrix has the shape (n_in, n_out). W has one row per node: (n_out, n_in), so that "
                      "W[j, k] is the weight to node j from input k.",
                "sv": "Din matris har formen (n_in, n_out). W har en rad per nod: (n_out, n_in), så att W[j, k] är "
                      "vikten till nod j från indatavärde k."}),
            Misconception("unscaled", init_weights_unscaled, costs=0.5, message={
                "en": "You draw with standard deviation 1. Scale the draw with the standard deviation of question 3 "
                      "for the method.",
                "sv": "Du drar med standardavvikelsen 1. Skala dragningen med standardavvikelsen från fråga 3 för "
                      "metoden."}),
            Misconception("fans_swapped", init_weights_fans_swapped, costs=0.5, message={
                "en": "fan_in and fan_out are swapped: fan_in is the number of inputs n_in, fan_out the number of "
                      "nodes n_out.",
                "sv": "fan_in och fan_out har bytt plats: fan_in är antalet indatavärden n_in, fan_out antalet "
                      "noder n_out."}),
            Misconception("variance_as_scale", init_weights_variance_as_scale, costs=0.5, message={
                "en": "The second argument of rng.normal is the standard deviation, not the variance: pass the "
                      "standard deviation itself, not its square.",
                "sv": "Det andra argumentet till rng.normal är standardavvikelsen, inte variansen: skicka in "
                      "standardavvikelsen själv, inte dess kvadrat."}),
            Misconception("legacy_generator", init_weights_legacy_generator, costs=0.5, message={
                "en": "np.random.RandomState (and np.random.seed) is numpy's old generator: with the same seed it "
                      "draws other numbers. Create the generator with np.random.default_rng(seed).",
                "sv": "np.random.RandomState (och np.random.seed) är numpys gamla slumptalsgenerator: med samma "
                      "slumpfrö drar den andra tal. Skapa generatorn med np.random.default_rng(seed)."}),
            Misconception("uniform", init_weights_uniform, costs=0.5, message={
                "en": "You draw from a uniform distribution. The weights are drawn from the normal distribution with "
                      "mean 0 and the standard deviation of question 3, with one call of rng.normal.",
                "sv": "Du drar ur en likformig fördelning. Vikterna dras ur normalfördelningen med medelvärdet 0 och "
                      "standardavvikelsen från fråga 3, med ett anrop av rng.normal."}),
        ],
        alternatives=[init_weights_standard_normal_scaled],
    ),
    Question(
        "q5", variable="distinct_hidden_nodes", points=2, compare=_node_counts,
        hint={
            "en": "Print W1_zeros and W1_xavier and look at their rows: one row per hidden node. Count the rows that "
                  "differ (to 6 decimals), keeping one copy of rows that are equal, as the text shows with np.unique. "
                  "The answer is a dict of two integers.",
            "sv": "Skriv ut W1_zeros och W1_xavier och titta på raderna: en rad per dold nod. Räkna de rader som "
                  "skiljer sig åt (med 6 decimaler) och behåll en kopia av rader som är lika, som texten visar med "
                  "np.unique. Svaret är en dict med två heltal.",
        },
        misconceptions=[
            Misconception("counted_all_rows", {"zeros": 4, "xavier": 4}, costs=1, message={
                "en": "You count every row, 4 in each matrix. Count only the rows that differ from each other: rows "
                      "that are exact copies are the same hidden node.",
                "sv": "Du räknar varje rad, 4 i varje matris. Räkna bara de rader som skiljer sig från varandra: "
                      "rader som är exakta kopior är samma dolda nod."}),
            Misconception("counted_columns", {"zeros": 1, "xavier": 2}, costs=1, message={
                "en": "You count different columns. A hidden node is a row of W1 (its weights from the two inputs), "
                      "so compare rows, with axis=0.",
                "sv": "Du räknar olika kolumner. En dold nod är en rad i W1 (dess vikter från de två indatavärdena), "
                      "så jämför rader, med axis=0."}),
            Misconception("counted_nonzero_rows", {"zeros": 0, "xavier": 4}, costs=1, message={
                "en": "Rows of zeros count too: a hidden node whose weights are all 0 is still a node. Count how "
                      "many different rows there are, whatever their values.",
                "sv": "Rader med nollor räknas också: en dold nod vars vikter alla är 0 är fortfarande en nod. "
                      "Räkna hur många olika rader det finns, oavsett deras värden."}),
        ],
    ),
]
