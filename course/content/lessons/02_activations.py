# %% [markdown] tags=["en", "slide"]
# # 02 Activation functions
#
# In chapter 01 a perceptron computed a weighted sum $z = w_1 x_1 + \dots + w_m x_m + b$ and
# passed it through a step function. That last function, the **activation function**, decides
# what the neuron "says" about $z$. This chapter is about the activation functions used in
# practice, about their derivatives (which gradient descent will need), and about the most
# important fact concerning them: without a non-linear activation function, a network with
# a hundred layers can compute nothing that one single layer cannot.
#
# **After this chapter you can**
#
# - write step, linear, sigmoid, tanh, ReLU, leaky ReLU and softmax and their derivatives,
#   by hand and in numpy;
# - compute them safely even for inputs like $z = -1000$;
# - show, with numbers, that a stack of linear layers collapses into one layer;
# - choose an activation function for the hidden layers and one for the output layer.

# %% [markdown] tags=["sv", "slide"]
# # 02 Aktiveringsfunktioner
#
# I kapitel 01 beräknade en perceptron en viktad summa $z = w_1 x_1 + \dots + w_m x_m + b$ och
# skickade den genom en stegfunktion. Den sista funktionen, **aktiveringsfunktionen**, avgör
# vad neuronen ”säger” om $z$. Det här kapitlet handlar om de aktiveringsfunktioner som används
# i praktiken, om deras derivator (som gradientnedstigningen kommer att behöva) och om det
# viktigaste som gäller dem: utan en icke-linjär aktiveringsfunktion kan ett nätverk med hundra
# lager inte beräkna något som inte ett enda lager också kan.
#
# **Efter kapitlet kan du**
#
# - skriva upp stegfunktionen, den linjära funktionen, sigmoid, tanh, ReLU, leaky ReLU och
#   softmax och deras derivator, för hand och i numpy;
# - beräkna dem på ett numeriskt stabilt sätt även för indata som $z = -1000$;
# - visa med siffror att en stapel av linjära lager kan slås ihop till ett enda lager;
# - välja en aktiveringsfunktion för de dolda lagren och en för utdatalagret.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** Plan for 45 minutes: where the activation sits 3 min, the catalogue and why
# ReLU is not linear 4, the primer on the chain rule and partial derivatives 4, σ′ by hand and the
# numerical check 5, safe forms 4, softmax 5, the explorer widget 3, why ReLU 5, why non-linear 5,
# the stacking widget 3, output layer and "not a loss" 3, summary 1. In the primer, work
# y = (3z + 1)² at z = 1 (answer 24) on the board and leave ∂L/∂w = ∂L/∂a · ∂a/∂z · ∂z/∂w there
# for section 5. Open with: "What did the step function do in
# chapter 01, and why could gradient descent not use it?" Expect: it turned z into 0 or 1, and its
# derivative is 0 wherever it exists.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Plan för 45 minuter: var aktiveringsfunktionen sitter 3 min, katalogen
# och varför ReLU inte är linjär 4, introduktionen till kedjeregeln och partiella derivator 4, σ′
# för hand och den numeriska kontrollen 5, numeriskt stabila former 4, softmax 5, utforskarwidgeten 3, varför
# ReLU 5, varför icke-linjärt 5, staplingswidgeten 3, utdatalagret och ”ingen förlustfunktion” 3,
# sammanfattning 1. I introduktionen räknar du y = (3z + 1)² i z = 1 (svar 24) på tavlan och låter
# ∂L/∂w = ∂L/∂a · ∂a/∂z · ∂z/∂w stå kvar till avsnitt 5.
# Börja med: ”Vad gjorde stegfunktionen i kapitel 01, och varför kunde gradientnedstigning inte
# använda den?” Förväntat svar: den gjorde om z till 0 eller 1, och dess derivata är 0 överallt där den
# finns.

# %%
from course import set_language
set_language("en")

import time

import matplotlib.pyplot as plt
import numpy as np

from course import t
from course.plots import COLORS
from nnlib import activations

# %% [markdown] tags=["en", "slide"]
# ## 1 Where the activation function sits
#
# One neuron with inputs $x_1, \dots, x_m$ computes
#
# $$z = \sum_{k=1}^{m} w_k x_k + b, \qquad a = f(z).$$
#
# $z$ is the weighted sum, $f$ the activation function and $a$ the neuron's output, its
# *activation*. Some books write $\varphi$ instead of $f$; it is the same thing.
#
# Think of $f$ as the way the neuron answers: the step function is an on/off switch, sigmoid a
# dimmer that turns smoothly from 0 to 1, and ReLU passes positive values through unchanged and
# blocks negative ones.
#
# The study notes this course grew from say four things about activation functions, and this
# chapter makes each of them precise:
#
# 1. there are many of them;
# 2. the choice has a big effect on what a neuron outputs;
# 3. different places in a network can use different ones (hidden layers and output layer);
# 4. a non-linear activation function is needed when the data cannot be separated by a linear
#    function (when it is not *linearly separable*), as with XOR in chapter 01.

# %% [markdown] tags=["sv", "slide"]
# ## 1 Var aktiveringsfunktionen sitter
#
# En neuron med indata $x_1, \dots, x_m$ beräknar
#
# $$z = \sum_{k=1}^{m} w_k x_k + b, \qquad a = f(z).$$
#
# $z$ är den viktade summan, $f$ aktiveringsfunktionen och $a$ neuronens utdata, dess
# *aktivering*. En del böcker skriver $\varphi$ i stället för $f$; det är samma sak.
#
# Tänk på $f$ som neuronens sätt att svara: stegfunktionen är en strömbrytare som antingen är
# av eller på, sigmoid en dimmer som mjukt går från 0 till 1, och ReLU släpper igenom positiva
# värden oförändrade och stoppar negativa.
#
# Anteckningarna som kursen bygger på säger fyra saker om aktiveringsfunktioner, och kapitlet
# preciserar var och en av dem:
#
# 1. det finns många;
# 2. valet påverkar kraftigt vad en neuron ger som utdata;
# 3. olika delar av ett nätverk kan använda olika funktioner (dolda lager och utdatalager);
# 4. en icke-linjär aktiveringsfunktion behövs när data inte kan delas av en linjär funktion
#    (när de inte är *linjärt separerbara*), som XOR i kapitel 01.

# %% [markdown] tags=["en", "slide"]
# ## 2 The catalogue
#
# | name | $f(z)$ | $f'(z)$ | values |
# |---|---|---|---|
# | step | $1$ if $z \ge 0$, else $0$ | $0$ (undefined at $z = 0$) | $0$ or $1$ |
# | linear (identity) | $z$ | $1$ | all real numbers |
# | sigmoid | $\sigma(z) = \dfrac{1}{1 + e^{-z}}$ | $\sigma(z)\,(1 - \sigma(z))$ | $(0, 1)$ |
# | tanh | $\tanh z = \dfrac{e^{z} - e^{-z}}{e^{z} + e^{-z}}$ | $1 - \tanh^2 z$ | $(-1, 1)$ |
# | ReLU | $\max(0, z)$ | $1$ if $z > 0$, $0$ if $z < 0$ | $[0, \infty)$ |
# | leaky ReLU | $z$ if $z > 0$, else $\alpha z$ | $1$ if $z > 0$, $\alpha$ if $z < 0$ | all real numbers |
#
# ReLU stands for *rectified linear unit*. Leaky ReLU lets a little through for negative $z$:
# the slope $\alpha$ is small, 0.01 by default in `nnlib`. Tanh is the hyperbolic tangent.
#
# At the kink $z = 0$, ReLU has no derivative (the slope jumps from 0 to 1). A library has to
# return *some* number there; `nnlib`, like most libraries, returns 0 for ReLU and $\alpha$ for
# leaky ReLU. In practice $z$ is almost never exactly 0, so the choice hardly matters.
#
# **ReLU is not a linear unit**, despite the name. It is *piecewise* linear: a straight piece with
# slope 0 for $z < 0$ and one with slope 1 for $z > 0$. A linear function must satisfy
# $f(u + v) = f(u) + f(v)$ for all inputs, and ReLU does not:
# $\operatorname{ReLU}(1) + \operatorname{ReLU}(-1) = 1$, but $\operatorname{ReLU}(1 + (-1)) = 0$.
# The kink at 0 is what makes it non-linear. And a sum of *shifted* ReLUs bends at every shift:
# $\operatorname{ReLU}(z) - 2\operatorname{ReLU}(z - 1)$ rises with slope 1 up to $z = 1$ and then
# falls with slope $-1$, something no straight line does. With enough such pieces a network can
# follow almost any curve; sections 5 and 6 show what this buys.
#
# The seventh function, **softmax**, is different: it takes a whole vector of scores and returns
# a vector of probabilities. It gets its own section below.

# %% [markdown] tags=["sv", "slide"]
# ## 2 Katalogen
#
# | namn | $f(z)$ | $f'(z)$ | värden |
# |---|---|---|---|
# | stegfunktion | $1$ om $z \ge 0$, annars $0$ | $0$ (odefinierad i $z = 0$) | $0$ eller $1$ |
# | linjär (identitet) | $z$ | $1$ | alla reella tal |
# | sigmoid | $\sigma(z) = \dfrac{1}{1 + e^{-z}}$ | $\sigma(z)\,(1 - \sigma(z))$ | $(0, 1)$ |
# | tanh | $\tanh z = \dfrac{e^{z} - e^{-z}}{e^{z} + e^{-z}}$ | $1 - \tanh^2 z$ | $(-1, 1)$ |
# | ReLU | $\max(0, z)$ | $1$ om $z > 0$, $0$ om $z < 0$ | $[0, \infty)$ |
# | leaky ReLU | $z$ om $z > 0$, annars $\alpha z$ | $1$ om $z > 0$, $\alpha$ om $z < 0$ | alla reella tal |
#
# ReLU står för *rectified linear unit*, ungefär ”likriktad linjär enhet”. Leaky ReLU (”läckande”
# ReLU) släpper igenom lite även för negativa $z$: lutningen $\alpha$ är liten, som standard
# 0,01 i `nnlib`. Tanh är den hyperboliska tangensen.
#
# I brytpunkten $z = 0$ saknar ReLU derivata (lutningen hoppar från 0 till 1). Ett bibliotek måste
# ändå returnera *något* tal där; `nnlib` returnerar, som de flesta bibliotek, 0 för ReLU och
# $\alpha$ för leaky ReLU. I praktiken är $z$ nästan aldrig exakt 0, så valet spelar knappt
# någon roll.
#
# **ReLU är ingen linjär enhet**, trots namnet. Den är *styckvis* linjär: en rak del med lutningen
# 0 för $z < 0$ och en med lutningen 1 för $z > 0$. En linjär funktion måste uppfylla
# $f(u + v) = f(u) + f(v)$ för alla indata, och det gör inte ReLU:
# $\operatorname{ReLU}(1) + \operatorname{ReLU}(-1) = 1$, men $\operatorname{ReLU}(1 + (-1)) = 0$.
# Det är brytpunkten i 0 som gör den icke-linjär. Och en summa av *förskjutna* ReLU-funktioner
# böjer av vid varje förskjutning: $\operatorname{ReLU}(z) - 2\operatorname{ReLU}(z - 1)$ stiger med
# lutningen 1 fram till $z = 1$ och sjunker sedan med lutningen $-1$, något som ingen rät linje
# gör. Med tillräckligt många sådana delar kan ett nätverk följa nästan vilken kurva som helst;
# avsnitt 5 och 6 visar vad det ger.
#
# Den sjunde funktionen, **softmax**, är annorlunda: den tar en hel vektor av poäng och
# returnerar en vektor av sannolikheter. Den får ett eget avsnitt längre ned.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** ≈ 8 min including σ′ by hand and the numerical check. Derive σ′ = σ(1 − σ) on
# the board and ask: "How large can σ′ get?" Expect ¼, at z = 0; leave ¼ in a corner of the board,
# section 5 needs it. Watch for "ReLU is linear, so it adds nothing": it is piecewise linear, and
# the kink at 0 makes it non-linear. Mention once that `nnlib` sets ReLU′(0) = 0 by convention, and
# move on.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** ≈ 8 min inklusive σ′ för hand och den numeriska kontrollen. Härled σ′ =
# σ(1 − σ) på tavlan och fråga: ”Hur stor kan σ′ bli?” Förväntat svar: ¼, i z = 0; låt ¼ stå kvar i ett
# hörn av tavlan, avsnitt 5 behöver det. Se upp för ”ReLU är linjär, så den tillför ingenting”: den
# är styckvis linjär, och brytpunkten i 0 gör den icke-linjär. Nämn en gång att `nnlib` sätter
# ReLU′(0) = 0 enligt konvention, och gå vidare.

# %% [markdown] tags=["en"]
# Here are the six element-wise functions (solid) with their derivatives (dashed). Leaky ReLU is
# drawn with $\alpha = 0.1$ so that the leak is visible.

# %% [markdown] tags=["sv"]
# Här är de sex elementvisa funktionerna (heldragna) med sina derivator (streckade). Leaky ReLU är
# ritad med $\alpha = 0{,}1$ så att läckan syns.

# %%
from course.plots_lessons import activation_catalogue

z = np.linspace(-5, 5, 401)
curves = {}
for name in ["step", "identity", "sigmoid", "tanh", "relu"]:
    activation = activations.get(name)
    curves[name] = (activation.fn(z), activation.derivative(z))
curves["leaky_relu"] = (activations.leaky_relu(z, 0.1), activations.leaky_relu_derivative(z, 0.1))

activation_catalogue(z, curves, alpha=0.1)
plt.show()

# %% [markdown] tags=["en"]
# **Reading the picture.**
#
# - The **step function** has derivative 0 wherever it has one. A small change of a weight
#   changes $z$ a little but the output not at all, so the derivative gives gradient descent no
#   hint which way to go. That is why chapter 01 trained the perceptron with its own rule, and
#   why networks use smooth activation functions.
# - **Sigmoid** and **tanh** are S-shaped. In fact $\tanh z = 2\sigma(2z) - 1$: tanh is a
#   stretched sigmoid centred on 0. For large $|z|$ both curves are almost flat and their
#   derivatives almost 0. These are the *two flat regions* that come back in section 5.
# - **ReLU** has slope exactly 1 for every positive $z$, however large, and 0 for negative $z$.
# - **Leaky ReLU** keeps a small slope $\alpha$ for negative $z$.

# %% [markdown] tags=["sv"]
# **Att läsa bilden.**
#
# - **Stegfunktionen** har derivatan 0 överallt där den har någon. En liten ändring av en vikt
#   ändrar $z$ lite men utdata inte alls, så derivatan ger gradientnedstigningen ingen ledtråd om
#   åt vilket håll den ska gå. Därför tränades perceptronen i kapitel 01 med en egen regel, och
#   därför använder nätverk mjuka aktiveringsfunktioner.
# - **Sigmoid** och **tanh** är S-formade. Faktum är att $\tanh z = 2\sigma(2z) - 1$: tanh är en
#   utdragen sigmoid centrerad kring 0. För stora $|z|$ är båda kurvorna nästan platta och deras
#   derivator nästan 0. Det är de *två platta områdena* som vi återkommer till i avsnitt 5.
# - **ReLU** har lutningen exakt 1 för varje positivt $z$, hur stort det än är, och 0 för
#   negativa $z$.
# - **Leaky ReLU** behåller en liten lutning $\alpha$ för negativa $z$.

# %% [markdown] tags=["en"]
# ### Two tools from calculus: the chain rule and partial derivatives
#
# From here on, derivatives of functions *inside* functions, and of functions of *several*
# variables, turn up in almost every chapter. Chapter 06 treats them in depth with computational
# graphs; this is the minimum you need until then.
#
# **The chain rule along one path.** If $y = f(u)$ and $u = g(z)$, a small change in $z$ changes
# $u$ by about $g'(z)$ times as much, and that change in $u$ changes $y$ by about $f'(u)$ times as
# much. So the rates multiply:
#
# $$\frac{dy}{dz} = \frac{dy}{du} \cdot \frac{du}{dz} = f'\bigl(g(z)\bigr)\, g'(z).$$
#
# Example: $y = (3z + 1)^2$ with $u = 3z + 1$: $dy/du = 2u$ and $du/dz = 3$, so
# $dy/dz = 6(3z + 1)$, which is 24 at $z = 1$. The outer derivative is evaluated at $u = g(z)$,
# not at $z$.
#
# **Partial derivatives.** A loss depends on many numbers at once; already $z = wx + b$ depends on
# $w$, $x$ and $b$. The *partial derivative* $\partial z / \partial w$ is the ordinary derivative
# with respect to $w$ while every other variable is held fixed: $\partial z / \partial w = x$,
# $\partial z / \partial b = 1$, $\partial z / \partial x = w$. The curly $\partial$ only reminds
# you that there are other variables, held still.
#
# **How to read $\partial L / \partial w$.** "If I nudge $w$ by a small $\Delta w$ and keep
# everything else fixed, the loss $L$ changes by about $\frac{\partial L}{\partial w}\,\Delta w$."
# The sign says which way $L$ goes, the size how fast. When $w$ reaches $L$ along a single path,
# say $w \to z \to a \to L$, the chain rule multiplies the factors along that path:
#
# $$\frac{\partial L}{\partial w} = \frac{\partial L}{\partial a} \cdot \frac{\partial a}{\partial z}
#   \cdot \frac{\partial z}{\partial w}.$$
#
# When several paths lead from $w$ to $L$, their contributions add up; chapter 06 draws the paths
# as a graph and shows why.

# %% [markdown] tags=["sv"]
# ### Två verktyg från analysen: kedjeregeln och partiella derivator
#
# Från och med nu dyker derivator av funktioner *inuti* funktioner, och av funktioner av *flera*
# variabler, upp i nästan varje kapitel. Kapitel 06 går igenom dem grundligt med beräkningsgrafer;
# här är det minsta du behöver fram till dess.
#
# **Kedjeregeln längs en väg.** Om $y = f(u)$ och $u = g(z)$ ändras $u$ ungefär $g'(z)$ gånger så
# mycket som en liten ändring av $z$, och den ändringen av $u$ ändrar $y$ ungefär $f'(u)$ gånger så
# mycket. Ändringstakterna multipliceras alltså:
#
# $$\frac{dy}{dz} = \frac{dy}{du} \cdot \frac{du}{dz} = f'\bigl(g(z)\bigr)\, g'(z).$$
#
# Exempel: $y = (3z + 1)^2$ med $u = 3z + 1$: $dy/du = 2u$ och $du/dz = 3$, så
# $dy/dz = 6(3z + 1)$, vilket är 24 i $z = 1$. Den yttre derivatan beräknas i $u = g(z)$, inte i
# $z$.
#
# **Partiella derivator.** En förlust beror på många tal på en gång; redan $z = wx + b$ beror på
# $w$, $x$ och $b$. Den *partiella derivatan* $\partial z / \partial w$ är den vanliga derivatan
# med avseende på $w$ när alla andra variabler hålls fasta: $\partial z / \partial w = x$,
# $\partial z / \partial b = 1$, $\partial z / \partial x = w$. Det krokiga $\partial$ påminner
# bara om att det finns andra variabler, som hålls stilla.
#
# **Hur man läser $\partial L / \partial w$.** ”Om jag ändrar $w$ med ett litet $\Delta w$ och
# håller allt annat fast, ändras förlusten $L$ med ungefär
# $\frac{\partial L}{\partial w}\,\Delta w$.” Tecknet säger åt vilket håll $L$ går, storleken hur
# fort. När $w$ når $L$ längs en enda väg, till exempel $w \to z \to a \to L$, multiplicerar
# kedjeregeln faktorerna längs vägen:
#
# $$\frac{\partial L}{\partial w} = \frac{\partial L}{\partial a} \cdot \frac{\partial a}{\partial z}
#   \cdot \frac{\partial z}{\partial w}.$$
#
# När flera vägar leder från $w$ till $L$ adderas deras bidrag; kapitel 06 ritar vägarna som en
# graf och visar varför.

# %% [markdown] tags=["en"]
# ### The derivative of sigmoid, by hand
#
# Write $\sigma(z) = (1 + e^{-z})^{-1}$ and use the chain rule with $u = 1 + e^{-z}$ and
# $f(u) = u^{-1}$:
#
# $$\sigma'(z) = -(1 + e^{-z})^{-2} \cdot (-e^{-z})
#   = \frac{1}{1 + e^{-z}} \cdot \frac{e^{-z}}{1 + e^{-z}}
#   = \sigma(z)\,\bigl(1 - \sigma(z)\bigr),$$
#
# because $\dfrac{e^{-z}}{1 + e^{-z}} = \dfrac{(1 + e^{-z}) - 1}{1 + e^{-z}} = 1 - \sigma(z)$.
#
# The product $s(1 - s)$ with $s \in (0, 1)$ is largest at $s = \tfrac12$, that is at $z = 0$.
# So **$\sigma'(z) \le \tfrac14$ for every $z$**. Remember this number. In the same way,
# $\tanh'(z) = 1 - \tanh^2 z \le 1$, with equality only at $z = 0$.

# %% [markdown] tags=["sv"]
# ### Derivatan av sigmoid, för hand
#
# Skriv $\sigma(z) = (1 + e^{-z})^{-1}$ och använd kedjeregeln med $u = 1 + e^{-z}$ och
# $f(u) = u^{-1}$:
#
# $$\sigma'(z) = -(1 + e^{-z})^{-2} \cdot (-e^{-z})
#   = \frac{1}{1 + e^{-z}} \cdot \frac{e^{-z}}{1 + e^{-z}}
#   = \sigma(z)\,\bigl(1 - \sigma(z)\bigr),$$
#
# eftersom $\dfrac{e^{-z}}{1 + e^{-z}} = \dfrac{(1 + e^{-z}) - 1}{1 + e^{-z}} = 1 - \sigma(z)$.
#
# Produkten $s(1 - s)$ med $s \in (0, 1)$ är störst för $s = \tfrac12$, alltså i $z = 0$.
# Alltså gäller **$\sigma'(z) \le \tfrac14$ för alla $z$**. Kom ihåg det talet. På samma sätt är
# $\tanh'(z) = 1 - \tanh^2 z \le 1$, med likhet bara i $z = 0$.

# %% [markdown] tags=["en"]
# ### A worked example by hand
#
# Take the three weighted sums $z = -2,\ 0,\ 1.5$. With $e^{2} \approx 7.389$ and
# $e^{-1.5} \approx 0.2231$:
#
# | | $z = -2$ | $z = 0$ | $z = 1.5$ |
# |---|---|---|---|
# | $\sigma(z)$ | $\frac{1}{1 + 7.389} = 0.1192$ | $0.5$ | $\frac{1}{1 + 0.2231} = 0.8176$ |
# | $\sigma'(z)$ | $0.1192 \cdot 0.8808 = 0.1050$ | $0.25$ | $0.8176 \cdot 0.1824 = 0.1491$ |
# | $\tanh z$ | $-0.9640$ | $0$ | $0.9051$ |
# | $\tanh' z$ | $1 - 0.9293 = 0.0707$ | $1$ | $1 - 0.8193 = 0.1807$ |
# | ReLU | $0$ | $0$ | $1.5$ |
# | ReLU$'$ | $0$ | $0$ (by convention) | $1$ |
# | leaky ReLU, $\alpha = 0.01$ | $-0.02$ | $0$ | $1.5$ |
# | leaky ReLU$'$ | $0.01$ | $0.01$ (by convention) | $1$ |
#
# Now the same in numpy, written straight from the formulas:

# %% [markdown] tags=["sv"]
# ### Ett räkneexempel för hand
#
# Ta de tre viktade summorna $z = -2,\ 0,\ 1{,}5$. Med $e^{2} \approx 7{,}389$ och
# $e^{-1{,}5} \approx 0{,}2231$ får vi:
#
# | | $z = -2$ | $z = 0$ | $z = 1{,}5$ |
# |---|---|---|---|
# | $\sigma(z)$ | $\frac{1}{1 + 7{,}389} = 0{,}1192$ | $0{,}5$ | $\frac{1}{1 + 0{,}2231} = 0{,}8176$ |
# | $\sigma'(z)$ | $0{,}1192 \cdot 0{,}8808 = 0{,}1050$ | $0{,}25$ | $0{,}8176 \cdot 0{,}1824 = 0{,}1491$ |
# | $\tanh z$ | $-0{,}9640$ | $0$ | $0{,}9051$ |
# | $\tanh' z$ | $1 - 0{,}9293 = 0{,}0707$ | $1$ | $1 - 0{,}8193 = 0{,}1807$ |
# | ReLU | $0$ | $0$ | $1{,}5$ |
# | ReLU$'$ | $0$ | $0$ (enligt konvention) | $1$ |
# | leaky ReLU, $\alpha = 0{,}01$ | $-0{,}02$ | $0$ | $1{,}5$ |
# | leaky ReLU$'$ | $0{,}01$ | $0{,}01$ (enligt konvention) | $1$ |
#
# Nu samma sak i numpy, skrivet direkt från formlerna:

# %% tags=["en"]
z = np.array([-2.0, 0.0, 1.5])

s = 1 / (1 + np.exp(-z))
th = np.tanh(z)
print("sigmoid   ", s.round(4), "  derivative", (s * (1 - s)).round(4))
print("tanh      ", th.round(4), "  derivative", (1 - th**2).round(4))
print("ReLU      ", np.maximum(z, 0), "  derivative", (z > 0).astype(float))
print("leaky ReLU", np.where(z > 0, z, 0.01 * z), "  derivative", np.where(z > 0, 1.0, 0.01))

# %% tags=["sv"]
z = np.array([-2.0, 0.0, 1.5])

s = 1 / (1 + np.exp(-z))
th = np.tanh(z)
print("sigmoid   ", s.round(4), "  derivata", (s * (1 - s)).round(4))
print("tanh      ", th.round(4), "  derivata", (1 - th**2).round(4))
print("ReLU      ", np.maximum(z, 0), "  derivata", (z > 0).astype(float))
print("leaky ReLU", np.where(z > 0, z, 0.01 * z), "  derivata", np.where(z > 0, 1.0, 0.01))

# %% [markdown] tags=["en"]
# `nnlib.activations` has every function and its derivative, for example `activations.sigmoid`
# and `activations.sigmoid_derivative`. `activations.get(name)` returns both together as `.fn`
# and `.derivative`. The numbers agree with the table:

# %% [markdown] tags=["sv"]
# `nnlib.activations` innehåller varje funktion och dess derivata, till exempel
# `activations.sigmoid` och `activations.sigmoid_derivative`. `activations.get(name)` ger båda
# tillsammans som `.fn` och `.derivative`. Talen stämmer med tabellen:

# %%
for name in ["step", "identity", "sigmoid", "tanh", "relu", "leaky_relu"]:
    activation = activations.get(name)
    print(f"{name:>10}:  f = {activation.fn(z).round(4)}   f' = {activation.derivative(z).round(4)}")

# %% [markdown] tags=["en"]
# In a network, an activation is a *layer* of its own. `activations.ReLU()` applies ReLU to a
# whole batch in `forward`; in `backward` it multiplies the incoming gradient by $f'(z)$, which
# is exactly where the derivative will be used in chapter 07. With an incoming gradient of ones,
# `backward` returns the derivative itself:

# %% [markdown] tags=["sv"]
# I ett nätverk är en aktivering ett eget *lager*. `activations.ReLU()` tillämpar ReLU på en hel
# batch i `forward`; i `backward` multiplicerar den den inkommande gradienten med $f'(z)$, och
# det är just där derivatan kommer att användas i kapitel 07. Med en inkommande gradient av
# ettor returnerar `backward` derivatan själv:

# %%
relu_layer = activations.ReLU()
print(relu_layer.forward(z.reshape(1, -1)))
print(relu_layer.backward(np.ones((1, 3))))

# %% [markdown] tags=["en"]
# ### Checking a derivative numerically
#
# A formula for a derivative is easy to get wrong, so we check it against the definition. The
# *central difference*
#
# $$f'(z) \approx \frac{f(z + h) - f(z - h)}{2h}$$
#
# has an error proportional to $h^2$, but only until rounding takes over. A float64 keeps about
# 16 significant digits ($\varepsilon \approx 2.2 \cdot 10^{-16}$), the two values $f(z \pm h)$
# are each rounded, and dividing their difference by $2h$ magnifies that rounding error to about
# $\varepsilon / h$. At $h = 10^{-6}$ the $h^2$ part is only about $10^{-12}$, so the agreement
# to about $10^{-10}$ below comes from rounding ($\varepsilon / h \approx 10^{-10}$), not from
# $h^2$. Chapter 06 shows how the two errors trade off and which $h$ is best. This is a *gradient
# check*, and chapters 06 and 07 use it to check entire networks. We avoid $z = 0$, where step, ReLU and leaky ReLU have no derivative.

# %% [markdown] tags=["sv"]
# ### Att kontrollera en derivata numeriskt
#
# Det är lätt att räkna fel på en derivata, så vi jämför med definitionen. Den *centrala
# differensen*
#
# $$f'(z) \approx \frac{f(z + h) - f(z - h)}{2h}$$
#
# har ett fel som är proportionellt mot $h^2$, men bara tills avrundningen tar över. Ett
# float64-tal har ungefär 16 värdesiffror ($\varepsilon \approx 2{,}2 \cdot 10^{-16}$), de två
# värdena $f(z \pm h)$ avrundas var för sig, och när skillnaden delas med $2h$ förstoras
# avrundningsfelet till ungefär $\varepsilon / h$. Med $h = 10^{-6}$ är $h^2$-delen bara ungefär
# $10^{-12}$, så överensstämmelsen på ungefär $10^{-10}$ när nedan kommer från avrundningen
# ($\varepsilon / h \approx 10^{-10}$), inte från $h^2$. Kapitel 06 visar hur de två felen vägs
# mot varandra och vilket $h$ som är bäst. Det här är en *gradientkontroll*, och i kapitel 06 och
# 07 används den för att kontrollera hela nätverk. Vi undviker $z = 0$, där stegfunktionen, ReLU
# och leaky ReLU saknar derivata.

# %% tags=["en"]
points = np.array([-3.0, -0.7, 0.4, 2.5])
h = 1e-6
for name in ["sigmoid", "tanh", "relu", "leaky_relu"]:
    activation = activations.get(name)
    numeric = (activation.fn(points + h) - activation.fn(points - h)) / (2 * h)
    error = np.max(np.abs(numeric - activation.derivative(points)))
    print(f"{name:>10}: largest difference {error:.1e}")

# %% tags=["sv"]
points = np.array([-3.0, -0.7, 0.4, 2.5])
h = 1e-6
for name in ["sigmoid", "tanh", "relu", "leaky_relu"]:
    activation = activations.get(name)
    numeric = (activation.fn(points + h) - activation.fn(points - h)) / (2 * h)
    error = np.max(np.abs(numeric - activation.derivative(points)))
    print(f"{name:>10}: största skillnad {error:.1e}")

# %% [markdown] tags=["en"]
# **Check yourself**
#
# 1. Which of the six functions in the table can output a negative number?
# 2. What is the largest value of $\sigma'(z)$, and for which $z$?
# 3. Why can a network of step functions not be trained by following the derivative?
#
# <details><summary>Answer</summary>
#
# 1. Linear, tanh and leaky ReLU. Step, sigmoid and ReLU never go below 0.
# 2. $\tfrac14$, at $z = 0$, where $\sigma(0) = \tfrac12$ and $\tfrac12 \cdot \tfrac12 = \tfrac14$.
# 3. Its derivative is 0 wherever it exists: nudging a weight does not change the output at all,
#    so the derivative never says which way to move the weight.
#
# </details>

# %% [markdown] tags=["sv"]
# **Testa dig själv**
#
# 1. Vilka av de sex funktionerna i tabellen kan ge ett negativt tal?
# 2. Vilket är det största värdet av $\sigma'(z)$, och för vilket $z$?
# 3. Varför kan ett nätverk av stegfunktioner inte tränas genom att man följer derivatan?
#
# <details><summary>Svar</summary>
#
# 1. Den linjära funktionen, tanh och leaky ReLU. Stegfunktionen, sigmoid och ReLU blir aldrig
#    mindre än 0.
# 2. $\tfrac14$, i $z = 0$, där $\sigma(0) = \tfrac12$ och $\tfrac12 \cdot \tfrac12 = \tfrac14$.
# 3. Dess derivata är 0 överallt där den finns: en liten ändring av en vikt ändrar inte utdata
#    alls, så derivatan säger aldrig åt vilket håll vikten ska flyttas.
#
# </details>

# %% [markdown] tags=["en", "slide"]
# ## 3 Numerically safe forms
#
# The largest number a 64-bit float can hold is about $1.8 \cdot 10^{308}$, so $e^{709.8}$ is
# about the largest value of the exponential function a computer can represent. The formula
# $\sigma(z) = 1/(1 + e^{-z})$ at $z = -1000$ asks for $e^{1000}$: it **overflows**. numpy then
# returns `inf` with a `RuntimeWarning`; $1/(1 + \infty) = 0$ happens to be the right answer, but
# only by luck. The equally correct formula $\sigma(z) = e^{z}/(1 + e^{z})$ at $z = +1000$ gives
# $\infty/\infty$, which is `nan` (*not a number*), and one `nan` spreads through every later
# computation of a network.
#
# Large $|z|$ are not a theoretical problem: a too large learning rate or a badly scaled input
# produces them within a few training steps. Below we ask numpy to *raise an error* instead of
# warning, so that we see the overflow happen.

# %% [markdown] tags=["sv", "slide"]
# ## 3 Numeriskt stabila former
#
# Det största tal ett 64-bitars flyttal kan lagra är ungefär $1{,}8 \cdot 10^{308}$, så
# $e^{709{,}8}$ är ungefär det största värde av exponentialfunktionen som en dator kan lagra. Formeln
# $\sigma(z) = 1/(1 + e^{-z})$ i $z = -1000$ kräver $e^{1000}$: den **spiller över** (overflow).
# numpy returnerar då `inf` med en `RuntimeWarning`; $1/(1 + \infty) = 0$ råkar vara rätt svar,
# men bara av en slump. Den lika korrekta formeln $\sigma(z) = e^{z}/(1 + e^{z})$ i $z = +1000$
# ger $\infty/\infty$, vilket blir `nan` (*not a number*, ”inte ett tal”), och ett enda `nan`
# sprider sig genom alla senare beräkningar i ett nätverk.
#
# Stora $|z|$ är inget teoretiskt problem: en för stor inlärningstakt eller dåligt skalade indata
# ger sådana värden efter några få träningssteg. Nedan ber vi numpy att *ge ett fel* i stället
# för en varning, så att vi ser när överspillet sker.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** ≈ 5 min. Run the cell with `sigmoid_naive` live so that the room sees the
# `FloatingPointError`. Ask: "1/(1 + ∞) = 0 is the right answer, so why worry?" Expect: the other
# form gives ∞/∞ = nan, and one nan spreads through every later computation. Watch for "only absurd
# data give z = −1000": a too large learning rate produces such values within a few steps.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** ≈ 5 min. Kör cellen med `sigmoid_naive` live så att salen ser
# `FloatingPointError`. Fråga: ”1/(1 + ∞) = 0 är ju rätt svar, så varför bry sig?” Förväntat svar: den
# andra formen ger ∞/∞ = nan, och ett enda nan sprider sig genom alla senare beräkningar. Se upp för
# ”bara orimliga data ger z = −1000”: en för stor inlärningstakt ger sådana värden efter några få
# steg.

# %%
def sigmoid_naive(z):
    return 1 / (1 + np.exp(-z))


with np.errstate(over="raise"):
    try:
        sigmoid_naive(np.array([-1000.0]))
    except FloatingPointError as error:
        print("sigmoid_naive(-1000) ->", error)

with np.errstate(over="ignore", invalid="ignore"):
    huge = np.exp(1000.0)
    print("e^1000 =", huge, "   e^1000 / (1 + e^1000) =", huge / (1 + huge))

# %% [markdown] tags=["en"]
# The cure is to use, for each $z$, the form whose exponent is never positive:
#
# $$\sigma(z) = \begin{cases} \dfrac{1}{1 + e^{-z}} & z \ge 0, \\[2ex]
#   \dfrac{e^{z}}{1 + e^{z}} & z < 0. \end{cases}$$
#
# Both branches only need $e^{-|z|}$, which lies in $(0, 1]$ and cannot overflow. For very large
# $|z|$ it becomes exactly 0 (an *underflow*, which is harmless: numpy does not even warn), and
# the result is exactly 0 or 1. This is how `nnlib.activations.sigmoid` is written:
#
# ```python
# e = np.exp(-np.abs(z))
# return np.where(z >= 0, 1 / (1 + e), e / (1 + e))
# ```
#
# `np.tanh` is already safe, and ReLU contains no exponential at all.

# %% [markdown] tags=["sv"]
# Botemedlet är att för varje $z$ använda den form vars exponent aldrig är positiv:
#
# $$\sigma(z) = \begin{cases} \dfrac{1}{1 + e^{-z}} & z \ge 0, \\[2ex]
#   \dfrac{e^{z}}{1 + e^{z}} & z < 0. \end{cases}$$
#
# Båda grenarna behöver bara $e^{-|z|}$, som ligger i $(0, 1]$ och inte kan spilla över. För mycket
# stora $|z|$ blir den exakt 0 (ett *underspill*, underflow, som är ofarligt: numpy varnar inte
# ens), och resultatet blir exakt 0 eller 1. Så är `nnlib.activations.sigmoid` skriven:
#
# ```python
# e = np.exp(-np.abs(z))
# return np.where(z >= 0, 1 / (1 + e), e / (1 + e))
# ```
#
# `np.tanh` är redan numeriskt stabil, och ReLU innehåller ingen exponentialfunktion alls.

# %% tags=["en"]
def sigmoid_safe(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


z_big = np.array([-1000.0, -30.0, 0.0, 30.0, 1000.0])
with np.errstate(over="raise", invalid="raise"):
    ours = sigmoid_safe(z_big)
    library = activations.sigmoid(z_big)
    slope = activations.sigmoid_derivative(z_big)
for row in zip(z_big, ours, library, slope):
    print("z = {:>7}:  ours {:.6g}   nnlib {:.6g}   derivative {:.3g}".format(*row))

# %% tags=["sv"]
def sigmoid_safe(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


z_big = np.array([-1000.0, -30.0, 0.0, 30.0, 1000.0])
with np.errstate(over="raise", invalid="raise"):
    ours = sigmoid_safe(z_big)
    library = activations.sigmoid(z_big)
    slope = activations.sigmoid_derivative(z_big)
for row in zip(z_big, ours, library, slope):
    print("z = {:>7}:  vår {:.6g}   nnlib {:.6g}   derivata {:.3g}".format(*row))

# %% [markdown] tags=["en", "slide"]
# ### Softmax: a vector in, probabilities out
#
# For $k$ scores $z_1, \dots, z_k$ (one per class), softmax returns
#
# $$p_i = \frac{e^{z_i}}{\sum_{j=1}^{k} e^{z_j}}, \qquad i = 1, \dots, k.$$
#
# With at least two classes ($k \ge 2$) every $p_i$ lies strictly between 0 and 1, and the $p_i$
# always sum to 1, so $p$ is a probability distribution over the classes, and the largest score
# gets the largest probability.
#
# **By hand**, $z = (2, 1, 0.1)$: $e^{z} \approx (7.389,\ 2.718,\ 1.105)$ with sum $11.213$, so
# $p \approx (0.659,\ 0.242,\ 0.099)$.
#
# **Safely.** Adding the same number $c$ to every score changes nothing, because the factor
# $e^{-c}$ cancels: $\dfrac{e^{z_i - c}}{\sum_j e^{z_j - c}} = \dfrac{e^{-c} e^{z_i}}{e^{-c} \sum_j e^{z_j}}$.
# With $c = \max_j z_j$ every exponent is $\le 0$ and nothing overflows.
#
# **Two classes.** $\operatorname{softmax}(z, 0)_1 = \dfrac{e^{z}}{e^{z} + e^{0}} = \dfrac{1}{1 + e^{-z}} = \sigma(z)$:
# sigmoid is softmax over two classes with the second score fixed at 0.
#
# **Derivative.** Every $p_i$ depends on every $z_j$, so the derivative of softmax is a whole
# matrix. You will not need it before chapter 08: there softmax is combined with the
# cross-entropy loss and the gradient becomes simply $p - y$, and the optional *Going further*
# section at the end of chapter 08 derives the matrix (the Jacobian) for those who want it.

# %% [markdown] tags=["sv", "slide"]
# ### Softmax: en vektor in, sannolikheter ut
#
# För $k$ poäng $z_1, \dots, z_k$ (en per klass) ger softmax
#
# $$p_i = \frac{e^{z_i}}{\sum_{j=1}^{k} e^{z_j}}, \qquad i = 1, \dots, k.$$
#
# Med minst två klasser ($k \ge 2$) ligger varje $p_i$ strikt mellan 0 och 1, och summan av alla
# $p_i$ är alltid 1, så $p$ är en sannolikhetsfördelning över klasserna, och den största poängen
# får den största sannolikheten.
#
# **För hand**, $z = (2;\ 1;\ 0{,}1)$: $e^{z} \approx (7{,}389;\ 2{,}718;\ 1{,}105)$ med summan
# $11{,}213$, så $p \approx (0{,}659;\ 0{,}242;\ 0{,}099)$.
#
# **Säkert.** Att lägga till samma tal $c$ till varje poäng ändrar ingenting, eftersom faktorn
# $e^{-c}$ förkortas bort:
# $\dfrac{e^{z_i - c}}{\sum_j e^{z_j - c}} = \dfrac{e^{-c} e^{z_i}}{e^{-c} \sum_j e^{z_j}}$.
# Med $c = \max_j z_j$ är varje exponent $\le 0$ och ingenting spiller över.
#
# **Två klasser.** $\operatorname{softmax}(z, 0)_1 = \dfrac{e^{z}}{e^{z} + e^{0}} = \dfrac{1}{1 + e^{-z}} = \sigma(z)$:
# sigmoid är softmax över två klasser där den andra poängen är fast lika med 0.
#
# **Derivata.** Varje $p_i$ beror på varje $z_j$, så derivatan av softmax är en hel matris. Du
# behöver den inte förrän i kapitel 08: där kombineras softmax med förlustfunktionen korsentropi,
# och gradienten blir helt enkelt $p - y$. Den frivilliga *fördjupningen* i slutet av kapitel 08
# härleder matrisen (Jacobimatrisen) för den som vill se den.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** ≈ 6 min. On the board, z = (2, 1, 0.1): e^z ≈ (7.389, 2.718, 1.105), sum
# 11.213, p ≈ (0.659, 0.242, 0.099); subtract max z = 2 from every score and show that p does not
# change. Ask: "One output node followed by softmax: what does it output?" Expect: always 1. Watch
# for the largest p taken as a guarantee: the numbers sum to 1 by construction, and a network can
# give a wrong class a probability close to 1.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** ≈ 6 min. På tavlan, z = (2; 1; 0,1): e^z ≈ (7,389; 2,718; 1,105), summan
# 11,213, p ≈ (0,659; 0,242; 0,099); subtrahera max z = 2 från varje poäng och visa att p inte
# ändras. Fråga: ”En enda utdatanod följd av softmax: vad ger den som utdata?” Förväntat svar: alltid 1. Se upp
# för att den största sannolikheten tas som en garanti: talen har alltid summan 1, och
# ett nätverk kan ge en felaktig klass en sannolikhet nära 1.

# %% tags=["en"]
scores = np.array([2.0, 1.0, 0.1])
exps = np.exp(scores)
print("by hand  :", (exps / exps.sum()).round(3))
print("nnlib    :", activations.softmax(scores).round(3))
print("+1000    :", activations.softmax(scores + 1000).round(3))
with np.errstate(over="ignore", invalid="ignore"):
    naive = np.exp(scores + 1000) / np.exp(scores + 1000).sum()
print("naive +1000:", naive)
print("softmax(2, 0)[0] =", activations.softmax(np.array([2.0, 0.0]))[0].round(4),
      "  sigmoid(2) =", activations.sigmoid(2.0).round(4))

# %% tags=["sv"]
scores = np.array([2.0, 1.0, 0.1])
exps = np.exp(scores)
print("för hand :", (exps / exps.sum()).round(3))
print("nnlib    :", activations.softmax(scores).round(3))
print("+1000    :", activations.softmax(scores + 1000).round(3))
with np.errstate(over="ignore", invalid="ignore"):
    naive = np.exp(scores + 1000) / np.exp(scores + 1000).sum()
print("naivt +1000:", naive)
print("softmax(2, 0)[0] =", activations.softmax(np.array([2.0, 0.0]))[0].round(4),
      "  sigmoid(2) =", activations.sigmoid(2.0).round(4))

# %% [markdown] tags=["en"]
# Scores and probabilities side by side: the order is kept, the differences are stretched.

# %% [markdown] tags=["sv"]
# Poäng och sannolikheter sida vid sida: ordningen behålls, skillnaderna förstärks.

# %% tags=["en"]
p = activations.softmax(scores)
fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.2))
classes = ["1", "2", "3"]
left.bar(classes, scores, color=COLORS[0])
left.set_title(t("activations.logits"))
right.bar(classes, p, color=COLORS[2])
right.set_ylim(0, 1)
right.set_title(t("activations.probabilities"))
for ax in (left, right):
    ax.set_xlabel(t("activations.class"))
fig.tight_layout()
plt.show()

# %% tags=["sv"]
p = activations.softmax(scores)
fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.2))
classes = ["1", "2", "3"]
left.bar(classes, scores, color=COLORS[0])
left.set_title(t("activations.logits"))
right.bar(classes, p, color=COLORS[2])
right.set_ylim(0, 1)
right.set_title(t("activations.probabilities"))
for ax in (left, right):
    ax.set_xlabel(t("activations.class"))
fig.tight_layout()
plt.show()

# %% [markdown] tags=["en"]
# **Check yourself**
#
# 1. What is $\operatorname{softmax}(1, 2, 3)$ compared with $\operatorname{softmax}(101, 102, 103)$?
# 2. A network has one single output node followed by softmax. What does it output?
#
# <details><summary>Answer</summary>
#
# 1. Exactly the same, $(0.090,\ 0.245,\ 0.665)$: adding 100 to every score multiplies every
#    $e^{z_i}$ by $e^{100}$, and that factor cancels.
# 2. Always 1, whatever the input: one probability that must sum to 1. For a yes/no answer with
#    one output node, use sigmoid instead.
#
# </details>

# %% [markdown] tags=["sv"]
# **Testa dig själv**
#
# 1. Hur förhåller sig $\operatorname{softmax}(1, 2, 3)$ till $\operatorname{softmax}(101, 102, 103)$?
# 2. Ett nätverk har en enda utdatanod följd av softmax. Vad ger det ut?
#
# <details><summary>Svar</summary>
#
# 1. De är exakt lika, $(0{,}090;\ 0{,}245;\ 0{,}665)$: när man lägger till 100 till varje poäng
#    multipliceras varje $e^{z_i}$ med $e^{100}$, och den faktorn förkortas bort.
# 2. Alltid 1, vilka indata det än får: en enda sannolikhet som ska summera till 1. För ett
#    ja/nej-svar med en enda utdatanod använder man sigmoid i stället.
#
# </details>

# %% [markdown] tags=["en", "slide"]
# ## 4 Explore: value and slope
#
# Choose an activation function in the dropdown. The left plot shows $f$ with the tangent at the
# point $z$, the right plot the derivative $f'$. Things to try:
#
# - **sigmoid** at $z = 0$: slope $0.25$, the largest it ever gets. Move to $z = 6$: the slope
#   is about $0.0025$. Widen the range to $\pm 20$ and look at the two flat regions.
# - **tanh**: slope 1 at $z = 0$, but the same flat tails.
# - **ReLU**: slope 1 for every positive $z$, even $z = 40$. It never flattens out there.
# - **leaky ReLU**: move the $\alpha$ slider and watch the slope for negative $z$.
# - **step function**: the derivative is 0 everywhere you can put the point.

# %% [markdown] tags=["sv", "slide"]
# ## 4 Utforska: värde och lutning
#
# Välj en aktiveringsfunktion i listan. Den vänstra bilden visar $f$ med tangenten i punkten $z$,
# den högra derivatan $f'$. Prova det här:
#
# - **sigmoid** i $z = 0$: lutningen $0{,}25$, den största den någonsin får. Flytta till $z = 6$:
#   lutningen är ungefär $0{,}0025$. Vidga intervallet till $\pm 20$ och titta på de två platta
#   områdena.
# - **tanh**: lutningen 1 i $z = 0$, men samma platta svansar.
# - **ReLU**: lutningen 1 för varje positivt $z$, även $z = 40$. Där planar den aldrig ut.
# - **leaky ReLU**: dra i reglaget för $\alpha$ och se lutningen för negativa $z$.
# - **stegfunktionen**: derivatan är 0 överallt där du kan placera punkten.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** ≈ 4 min, widget demo; let the room predict each slope before you move the
# slider. Sigmoid at z = 0: slope 0.25; drag to z = 6: about 0.0025, a hundred times less. Set the
# range to ±20 to show both flat regions. Switch to ReLU, set the range to 50 and the point to z =
# 40: the slope is still 1. End on the step function: slope 0 wherever the point goes.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** ≈ 4 min, widgetdemo; låt salen gissa varje lutning innan du drar i
# reglaget. Sigmoid i z = 0: lutningen 0,25; dra till z = 6: ungefär 0,0025, hundra gånger mindre.
# Sätt intervallet till ±20 för att visa båda platta områdena. Byt till ReLU, sätt intervallet till
# 50 och punkten till z = 40: lutningen är fortfarande 1. Avsluta med stegfunktionen: lutningen är 0
# var punkten än hamnar.

# %%
from course.widgets.activations import ActivationExplorer

ActivationExplorer(name="sigmoid", z_range=6.0, z=1.0)

# %% [markdown] tags=["en", "slide"]
# ## 5 Hidden layers: why ReLU is the usual first choice
#
# The study notes recommend ReLU as a good go-to for hidden layers, and give two reasons to
# prefer it over sigmoid.
#
# **Reason 1: it is cheaper.** Sigmoid needs an exponential and a division for every neuron and
# every sample; ReLU needs one comparison. A network evaluates millions of them per training
# step. Let us measure it on a million numbers (the exact times depend on your computer):

# %% [markdown] tags=["sv", "slide"]
# ## 5 Dolda lager: varför ReLU är det vanliga förstahandsvalet
#
# Anteckningarna rekommenderar ReLU som ett bra standardval för dolda lager och ger två skäl att
# föredra den framför sigmoid.
#
# **Skäl 1: den är billigare.** Sigmoid kräver en exponentialfunktion och en division för varje
# neuron och varje datapunkt; ReLU kräver en enda jämförelse. Ett nätverk beräknar miljontals
# sådana i varje träningssteg. Vi mäter på en miljon tal (de exakta tiderna beror på din dator):

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** ≈ 5 min. Write ∂L/∂w = ∂L/∂a · σ′(z) · x, circle σ′(z) ≤ ¼, and show (¼)¹⁰ ≈
# 10⁻⁶ for ten layers. The timing ratio depends on the machine: say only that ReLU is faster. Ask:
# "If slope 1 is so good, why not the linear activation everywhere?" Leave the question open;
# section 6 answers it. Mention dead ReLUs, and leaky ReLU as the remedy.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** ≈ 5 min. Skriv ∂L/∂w = ∂L/∂a · σ′(z) · x, ringa in σ′(z) ≤ ¼ och visa att
# (¼)¹⁰ ≈ 10⁻⁶ efter tio lager. Kvoten i tidtagningen beror på datorn: säg bara att ReLU är
# snabbare. Fråga: ”Om lutningen 1 är så bra, varför inte den linjära aktiveringen överallt?” Låt
# frågan stå öppen; avsnitt 6 besvarar den. Nämn döda ReLU-neuroner, och leaky ReLU som botemedel.

# %% tags=["en"]
many_z = np.random.default_rng(0).normal(size=1_000_000)


def best_time(function, repeats=5):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function(many_z)
        times.append(time.perf_counter() - start)
    return min(times)


seconds_sigmoid = best_time(activations.sigmoid)
seconds_relu = best_time(activations.relu)
print(f"sigmoid: {1000 * seconds_sigmoid:.1f} ms   ReLU: {1000 * seconds_relu:.1f} ms   "
      f"ratio: {seconds_sigmoid / seconds_relu:.0f}")

# %% tags=["sv"]
many_z = np.random.default_rng(0).normal(size=1_000_000)


def best_time(function, repeats=5):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function(many_z)
        times.append(time.perf_counter() - start)
    return min(times)


seconds_sigmoid = best_time(activations.sigmoid)
seconds_relu = best_time(activations.relu)
print(f"sigmoid: {1000 * seconds_sigmoid:.1f} ms   ReLU: {1000 * seconds_relu:.1f} ms   "
      f"kvot: {seconds_sigmoid / seconds_relu:.0f}")

# %% [markdown] tags=["en"]
# **Reason 2: the two flat regions slow gradient descent down.** Why? Chapter 05 will train a
# network by repeatedly moving every weight a small step in the direction opposite to the
# derivative of the loss $L$ with respect to that weight; the step is proportional to that
# derivative. For a neuron
# $a = \sigma(z)$ with $z = w x + b$, the chain rule along the path $w \to z \to a \to L$
# (section 2) gives
#
# $$\frac{\partial L}{\partial w} = \frac{\partial L}{\partial a} \cdot \sigma'(z) \cdot x .$$
#
# The factor $\sigma'(z)$ is at most $\tfrac14$, and in the flat regions it is tiny:
# $\sigma'(5) \approx 0.0066$, $\sigma'(10) \approx 0.000045$. A neuron whose $z$ sits there gets
# an almost-zero step: its weights barely move and learning stalls, even when the neuron is
# badly wrong.
#
# In a deep network it gets worse. The derivative for a weight in the first layer picks up one
# such factor from its own layer and from *every* later layer, because its path to the loss
# passes through all of them and the chain rule multiplies one factor per link (chapters 06 and
# 07 show the whole picture). So
# in a network of $L$ sigmoid layers (here $L$ counts layers, as in chapter 00; it is not the
# loss) the activation derivatives alone shrink it by at least a factor $4^L$: after 10 layers,
# to less than a millionth. ReLU has derivative exactly 1 for every active neuron, so its
# activation derivatives do not shrink the signal at all.

# %% [markdown] tags=["sv"]
# **Skäl 2: de två platta områdena gör gradientnedstigningen långsam.** Varför? I kapitel 05
# tränar vi ett nätverk genom att gång på gång flytta varje vikt ett litet steg i motsatt
# riktning mot derivatan av förlusten $L$ med avseende på vikten; steget är proportionellt mot
# derivatan. För en neuron
# $a = \sigma(z)$ med $z = w x + b$ ger kedjeregeln längs vägen $w \to z \to a \to L$
# (avsnitt 2)
#
# $$\frac{\partial L}{\partial w} = \frac{\partial L}{\partial a} \cdot \sigma'(z) \cdot x .$$
#
# Faktorn $\sigma'(z)$ är högst $\tfrac14$, och i de platta områdena är den mycket liten:
# $\sigma'(5) \approx 0{,}0066$, $\sigma'(10) \approx 0{,}000045$. En neuron vars $z$ ligger där
# får ett nästan obefintligt steg: vikterna rör sig knappt och inlärningen står still, även när
# neuronen har helt fel.
#
# I ett djupt nätverk blir det värre. Derivatan för en vikt i det första lagret får med sig en
# sådan faktor från sitt eget lager och från *varje* senare lager, eftersom dess väg till
# förlusten går genom dem alla och kedjeregeln multiplicerar in en faktor per länk (kapitel 06 och
# 07 visar hela bilden). I ett nätverk med $L$ sigmoidlager (här räknar $L$ lagren, som i kapitel 00; det är
# inte förlusten) krymper alltså enbart aktiveringsderivatorna den med minst en faktor $4^L$:
# efter 10 lager till mindre än en miljondel. ReLU har derivatan exakt 1 för varje aktiv neuron,
# så dess aktiveringsderivator försvagar inte signalen alls.

# %% tags=["en"]
depth = np.arange(1, 11)
fig, ax = plt.subplots(figsize=(7.5, 4))
ax.semilogy(depth, 0.25**depth, "o-", color=COLORS[1], label="sigmoid: $(1/4)^L$")
ax.semilogy(depth, np.ones(depth.size), "s-", color=COLORS[0], label="ReLU: $1^L$")
ax.set_xlabel(t("activations.depth"))
ax.set_ylabel(t("activations.factor"))
ax.set_title(t("activations.factor_title"))
ax.legend()
plt.show()

# %% tags=["sv"]
depth = np.arange(1, 11)
fig, ax = plt.subplots(figsize=(7.5, 4))
ax.semilogy(depth, 0.25**depth, "o-", color=COLORS[1], label="sigmoid: $(1/4)^L$")
ax.semilogy(depth, np.ones(depth.size), "s-", color=COLORS[0], label="ReLU: $1^L$")
ax.set_xlabel(t("activations.depth"))
ax.set_ylabel(t("activations.factor"))
ax.set_title(t("activations.factor_title"))
ax.legend()
plt.show()

# %% [markdown] tags=["en"]
# ReLU has a weakness of its own: for $z < 0$ its derivative is 0 too. A neuron whose $z$ is
# negative for every sample outputs 0 and never learns again (a *dead* ReLU). Leaky ReLU keeps
# a slope $\alpha$ there, which is exactly why it exists. ReLU is a good *first* choice, not
# always the best; the activation function is a choice you make, and you may try others
# (chapter 03 calls such choices *hyperparameters*).

# %% [markdown] tags=["sv"]
# ReLU har en egen svaghet: för $z < 0$ är också dess derivata 0. En neuron vars $z$ är negativt
# för varje datapunkt ger 0 som utdata och lär sig aldrig något igen (en *död* ReLU). Leaky ReLU behåller
# lutningen $\alpha$ där, och det är just därför den finns. ReLU är ett bra *första* val, inte
# alltid det bästa; aktiveringsfunktionen är ett val du gör, och du kan prova andra (i kapitel 03
# kallas sådana val *hyperparametrar*).

# %% [markdown] tags=["en", "slide"]
# ## 6 Why non-linear? A linear function of a linear function is linear
#
# Two layers with the linear activation $f(z) = z$:
#
# $$a^{(1)} = W^{(1)} x + b^{(1)}, \qquad
#   a^{(2)} = W^{(2)} a^{(1)} + b^{(2)} = \underbrace{W^{(2)} W^{(1)}}_{W}\, x
#   + \underbrace{W^{(2)} b^{(1)} + b^{(2)}}_{b}.$$
#
# That is one linear layer with weights $W$ and bias $b$. A third layer gives
# $W = W^{(3)} W^{(2)} W^{(1)}$ and $b = W^{(3)}\bigl(W^{(2)} b^{(1)} + b^{(2)}\bigr) + b^{(3)}$,
# and so on: however many linear layers you stack, the result is **one** linear layer. Depth
# buys nothing without a non-linear activation between the layers.
#
# Let us *show* it. Take three layers with sizes $2 \to 4 \to 3 \to 1$, so $W^{(1)}$ is
# $4 \times 2$, $W^{(2)}$ is $3 \times 4$ and $W^{(3)}$ is $1 \times 3$, with random weights and
# biases, and push one input through them:

# %% [markdown] tags=["sv", "slide"]
# ## 6 Varför icke-linjärt? En linjär funktion av en linjär funktion är linjär
#
# Två lager med den linjära aktiveringen $f(z) = z$:
#
# $$a^{(1)} = W^{(1)} x + b^{(1)}, \qquad
#   a^{(2)} = W^{(2)} a^{(1)} + b^{(2)} = \underbrace{W^{(2)} W^{(1)}}_{W}\, x
#   + \underbrace{W^{(2)} b^{(1)} + b^{(2)}}_{b}.$$
#
# Det är ett enda linjärt lager med vikterna $W$ och biasen $b$. Ett tredje lager ger
# $W = W^{(3)} W^{(2)} W^{(1)}$ och $b = W^{(3)}\bigl(W^{(2)} b^{(1)} + b^{(2)}\bigr) + b^{(3)}$,
# och så vidare: hur många linjära lager man än staplar blir resultatet **ett** linjärt lager.
# Djup ger ingenting utan en icke-linjär aktiveringsfunktion mellan lagren.
#
# Vi *visar* det. Ta tre lager med storlekarna $2 \to 4 \to 3 \to 1$, så att $W^{(1)}$ är
# $4 \times 2$, $W^{(2)}$ är $3 \times 4$ och $W^{(3)}$ är $1 \times 3$, med slumpade vikter och
# bias, och skicka en datapunkt genom dem:

# %% tags=["en"]
rng = np.random.default_rng(0)
W1, b1 = rng.normal(size=(4, 2)), rng.normal(size=4)
W2, b2 = rng.normal(size=(3, 4)), rng.normal(size=3)
W3, b3 = rng.normal(size=(1, 3)), rng.normal(size=1)

x = np.array([0.5, -1.2])
three_layers = W3 @ (W2 @ (W1 @ x + b1) + b2) + b3

W = W3 @ W2 @ W1
b = W3 @ (W2 @ b1 + b2) + b3
one_layer = W @ x + b

print("W =", W.round(4), " shape", W.shape, "   b =", b.round(4))
print("three layers:", three_layers, "   one layer:", one_layer)

# %% tags=["sv"]
rng = np.random.default_rng(0)
W1, b1 = rng.normal(size=(4, 2)), rng.normal(size=4)
W2, b2 = rng.normal(size=(3, 4)), rng.normal(size=3)
W3, b3 = rng.normal(size=(1, 3)), rng.normal(size=1)

x = np.array([0.5, -1.2])
three_layers = W3 @ (W2 @ (W1 @ x + b1) + b2) + b3

W = W3 @ W2 @ W1
b = W3 @ (W2 @ b1 + b2) + b3
one_layer = W @ x + b

print("W =", W.round(4), " form", W.shape, "   b =", b.round(4))
print("tre lager:", three_layers, "   ett lager:", one_layer)

# %% [markdown] tags=["en"]
# The same with `nnlib`, for a whole batch of inputs at once (one row per sample; chapter 03
# explains the batch form $X W^\top + b$). We give the layers random biases too, because
# `Dense` starts its biases at zero. `collapse_linear` (from the course's widget code) does the
# multiplication above layer by layer: $W \leftarrow W^{(l)} W$, $b \leftarrow W^{(l)} b + b^{(l)}$.
# Then we reuse the *same* `Dense` layers with ReLU between them: now no single layer reproduces
# the output.

# %% [markdown] tags=["sv"]
# Samma sak med `nnlib`, för en hel batch av indata på en gång (en rad per datapunkt; kapitel 03
# förklarar batchformen $X W^\top + b$). Vi ger lagren slumpade bias också, eftersom `Dense`
# börjar med alla bias lika med noll. `collapse_linear` (från kursens widgetkod) gör
# multiplikationen ovan lager för lager: $W \leftarrow W^{(l)} W$,
# $b \leftarrow W^{(l)} b + b^{(l)}$. Sedan återanvänder vi *samma* `Dense`-lager med ReLU emellan: nu kan inget enskilt
# lager återskapa utdata.

# %% tags=["en"]
from course.widgets.activations import collapse_linear
from nnlib.layers import Dense
from nnlib.model import Sequential

dense_layers = [Dense(2, 4, rng=rng), Dense(4, 3, rng=rng), Dense(3, 1, rng=rng)]
for layer in dense_layers:
    layer.params["b"][...] = rng.normal(size=layer.n_out)

first, second, third = dense_layers
linear_net = Sequential([first, activations.Identity(), second, activations.Identity(), third])
relu_net = Sequential([first, activations.ReLU(), second, activations.ReLU(), third])
W_all, b_all = collapse_linear([(layer.W, layer.b) for layer in dense_layers])

X = rng.normal(size=(6, 2))
one_layer_batch = X @ W_all.T + b_all
print(linear_net)
print("linear stack vs one layer, largest difference:", np.abs(linear_net.forward(X) - one_layer_batch).max())
print("ReLU stack   vs one layer, largest difference:", np.abs(relu_net.forward(X) - one_layer_batch).max().round(3))

# %% tags=["sv"]
from course.widgets.activations import collapse_linear
from nnlib.layers import Dense
from nnlib.model import Sequential

dense_layers = [Dense(2, 4, rng=rng), Dense(4, 3, rng=rng), Dense(3, 1, rng=rng)]
for layer in dense_layers:
    layer.params["b"][...] = rng.normal(size=layer.n_out)

first, second, third = dense_layers
linear_net = Sequential([first, activations.Identity(), second, activations.Identity(), third])
relu_net = Sequential([first, activations.ReLU(), second, activations.ReLU(), third])
W_all, b_all = collapse_linear([(layer.W, layer.b) for layer in dense_layers])

X = rng.normal(size=(6, 2))
one_layer_batch = X @ W_all.T + b_all
print(linear_net)
print("linjär stapel mot ett lager, största skillnad:", np.abs(linear_net.forward(X) - one_layer_batch).max())
print("ReLU-stapel  mot ett lager, största skillnad:", np.abs(relu_net.forward(X) - one_layer_batch).max().round(3))

# %% [markdown] tags=["en"]
# ### What this means for XOR
#
# A linear network computes $w_1 x_1 + w_2 x_2 + b$, whose decision boundary is a straight line,
# and no straight line separates XOR (chapter 01). With ReLU, two hidden neurons are enough.
# Take
#
# $$h_1 = \operatorname{ReLU}(x_1 + x_2), \qquad h_2 = \operatorname{ReLU}(x_1 + x_2 - 1),
#   \qquad \hat y = h_1 - 2 h_2 .$$
#
# By hand: $(0, 0)$: $h = (0, 0)$, $\hat y = 0$. $(0, 1)$ and $(1, 0)$: $h = (1, 0)$,
# $\hat y = 1$. $(1, 1)$: $h = (2, 1)$, $\hat y = 2 - 2 = 0$. That is XOR. No linear function
# hits these four values: $\hat y(0,0) = 0$ forces $b = 0$, then $\hat y(1,0) = \hat y(0,1) = 1$
# forces $w_1 = w_2 = 1$, and then $\hat y(1,1) = 2 \ne 0$.
#
# The same in numpy, and the output over the whole input plane. Thanks to the bends, the output
# rises and falls again, so the set where $\hat y > 0.5$ is a band between two dashed lines that
# holds exactly the two XOR = 1 points. A linear output can only rise in one direction, so its
# set $\hat y > 0.5$ is always a half-plane bounded by a single straight line.

# %% [markdown] tags=["sv"]
# ### Vad det betyder för XOR
#
# Ett linjärt nätverk beräknar $w_1 x_1 + w_2 x_2 + b$, vars beslutsgräns är en rät linje, och
# ingen rät linje skiljer XOR-klasserna åt (kapitel 01). Med ReLU räcker det med två dolda
# neuroner. Ta
#
# $$h_1 = \operatorname{ReLU}(x_1 + x_2), \qquad h_2 = \operatorname{ReLU}(x_1 + x_2 - 1),
#   \qquad \hat y = h_1 - 2 h_2 .$$
#
# För hand: $(0, 0)$: $h = (0, 0)$, $\hat y = 0$. $(0, 1)$ och $(1, 0)$: $h = (1, 0)$,
# $\hat y = 1$. $(1, 1)$: $h = (2, 1)$, $\hat y = 2 - 2 = 0$. Det är XOR. Ingen linjär funktion
# antar de fyra värdena: $\hat y(0,0) = 0$ tvingar fram $b = 0$, sedan tvingar
# $\hat y(1,0) = \hat y(0,1) = 1$ fram $w_1 = w_2 = 1$, och då blir $\hat y(1,1) = 2 \ne 0$.
#
# Samma sak i numpy, och utdata över hela indataplanet. Tack vare brytpunkterna stiger utdata och
# sjunker sedan igen, så området där $\hat y > 0{,}5$ är ett band mellan två streckade linjer som
# innehåller precis de två punkterna där XOR = 1. En linjär utdata kan bara växa åt ett håll, så
# dess område $\hat y > 0{,}5$ är alltid ett halvplan som begränsas av en enda rät linje.

# %%
from course.plots_lessons import xor_surface
from nnlib.datasets import logic_gate

X_xor, y_xor = logic_gate("xor")
W_hidden, b_hidden = np.array([[1.0, 1.0], [1.0, 1.0]]), np.array([0.0, -1.0])
W_out, b_out = np.array([[1.0, -2.0]]), np.array([0.0])


def xor_net(X):
    return activations.relu(X @ W_hidden.T + b_hidden) @ W_out.T + b_out


print(np.column_stack([X_xor, y_xor, xor_net(X_xor)]))

xor_surface(X_xor, y_xor, xor_net, level=0.5)
plt.show()

# %% [markdown] tags=["en", "slide"]
# ### Explore: stack N layers
#
# The widget pushes inputs through $N$ layers with random weights and biases (8 neurons per
# layer unless you change it, one output node). On the left there is one input $x$; on the right
# two inputs $(x_1, x_2)$, with the output shown as colour and contour lines.
#
# - With **nothing** between the layers, the output is a straight line (on the right: a plane,
#   so the contour lines are straight and parallel), whatever $N$ is. The dashed line is the
#   single collapsed layer $W = W^{(N)} \cdots W^{(1)}$; it lies exactly on top.
# - Switch to **ReLU** between the layers: the line bends. The dots mark the kinks; every piece
#   between two kinks is straight, but together they can follow almost any shape. The weights
#   did not change, only the activation function: this is the "big effect on the output".
# - Increase $N$ with ReLU and draw new random weights: more layers usually give more pieces.
# - With $N = 1$ there is nothing *between* layers, so ReLU makes no difference.

# %% [markdown] tags=["sv", "slide"]
# ### Utforska: stapla N lager
#
# Widgeten skickar indata genom $N$ lager med slumpade vikter och bias (8 neuroner per lager om
# du inte ändrar det, en utdatanod). Till vänster finns ett indatavärde $x$; till höger två
# indatavärden $(x_1, x_2)$, där utdata visas som färg och nivåkurvor.
#
# - Med **ingenting** mellan lagren är utdata en rät linje (till höger ett plan, så nivåkurvorna
#   är raka och parallella), vad $N$ än är. Den streckade linjen är det hopslagna enskilda lagret
#   $W = W^{(N)} \cdots W^{(1)}$; den ligger exakt ovanpå.
# - Byt till **ReLU** mellan lagren: linjen böjer sig. Punkterna markerar brytpunkterna; varje
#   bit mellan två brytpunkter är rak, men tillsammans kan bitarna följa nästan vilken form som
#   helst. Vikterna är desamma, bara aktiveringsfunktionen har bytts: det är den ”stora
#   påverkan på utdata” som anteckningarna talar om.
# - Öka $N$ med ReLU och slumpa nya vikter: fler lager ger oftast fler bitar.
# - Med $N = 1$ finns det inget *mellan* lagren, så ReLU gör ingen skillnad.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** ≈ 4 min (section 6 before it takes 5). Start at N = 3 with nothing between the
# layers: the dashed collapsed layer lies exactly on the curve, and the contour lines are parallel.
# Switch to ReLU: kinks appear with the same weights. Set N = 1 (no difference), then N = 6 and
# click "new random weights" a few times. Ask check-yourself question 1; expect 3 parameters.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** ≈ 4 min (avsnitt 6 före den tar 5). Börja med N = 3 och ingenting mellan
# lagren: det streckade hopslagna lagret ligger exakt på kurvan, och nivåkurvorna är parallella. Byt
# till ReLU: brytpunkter uppstår med samma vikter. Sätt N = 1 (ingen skillnad), sedan N = 6, och
# klicka på ”nya slumpade vikter” några gånger. Ställ testa-dig-själv-fråga 1; väntat svar: 3
# parametrar.

# %%
from course.widgets.activations import StackedLayersWidget

StackedLayersWidget(n_layers=3, between="linear")

# %% [markdown] tags=["en"]
# **Check yourself**
#
# 1. A network has 10 hidden layers with 100 neurons each, 2 inputs, 1 output and the linear
#    activation everywhere. How many parameters does a single layer need to compute exactly the
#    same function?
# 2. Does a ReLU after the *output* layer alone (and nothing between the hidden layers) let a
#    network solve XOR?
#
# <details><summary>Answer</summary>
#
# 1. Three: the collapsed $W$ is $1 \times 2$ (two weights) and $b$ has one number. All the
#    others are wasted.
# 2. No. The layers before it still collapse to one linear function $w_1 x_1 + w_2 x_2 + b$, and
#    $\operatorname{ReLU}$ of it is still 0 on one side of a straight line and increasing on the
#    other, so the boundary is a straight line. The non-linearity has to sit *between* layers.
#
# </details>

# %% [markdown] tags=["sv"]
# **Testa dig själv**
#
# 1. Ett nätverk har 10 dolda lager med 100 neuroner vardera, 2 indatavärden, en utdatanod och den linjära
#    aktiveringen överallt. Hur många parametrar behöver ett enda lager för att beräkna exakt
#    samma funktion?
# 2. Kan ett nätverk lösa XOR med en ReLU enbart efter *utdatalagret* (och ingenting mellan de
#    dolda lagren)?
#
# <details><summary>Svar</summary>
#
# 1. Tre: det hopslagna $W$ är $1 \times 2$ (två vikter) och $b$ är ett tal. Alla de andra är
#    bortkastade.
# 2. Nej. Lagren före den slås fortfarande ihop till en linjär funktion $w_1 x_1 + w_2 x_2 + b$,
#    och $\operatorname{ReLU}$ av den är fortfarande 0 på ena sidan av en rät linje och växande på
#    den andra, så gränsen är en rät linje. Icke-linjäriteten måste sitta *mellan* lagren.
#
# </details>

# %% [markdown] tags=["en", "slide"]
# ## 7 The output layer: the task decides
#
# The hidden layers can use ReLU whatever the task, but the output layer must produce the kind
# of number the task asks for. So the output activation usually differs from the hidden ones:
#
# | task | example | output activation | output values |
# |---|---|---|---|
# | binary classification | is this e-mail spam? | sigmoid | $(0, 1)$, read as a probability |
# | regression | tomorrow's temperature in °C | linear | any real number, also negative |
# | regression, never negative | the price of a flat | ReLU | $[0, \infty)$ |
# | multi-class classification | which digit, 0–9? | softmax, one output node per class | probabilities summing to 1 |
#
# A ReLU output has the same dead-neuron risk as a hidden ReLU: if its $z$ becomes negative
# for a sample, the derivative is 0 and that sample teaches it nothing. A linear output whose
# negative predictions are clipped afterwards is a common alternative.
#
# In `nnlib`, `MLP` takes the hidden activation and the output activation separately:

# %% [markdown] tags=["sv", "slide"]
# ## 7 Utdatalagret: uppgiften avgör
#
# De dolda lagren kan använda ReLU oavsett uppgift, men utdatalagret måste ge den sorts tal som
# uppgiften kräver. Därför skiljer sig aktiveringen i utdatalagret oftast från den i de dolda
# lagren:
#
# | uppgift | exempel | aktivering i utdatalagret | utdata |
# |---|---|---|---|
# | binär klassificering | är det här mejlet skräppost? | sigmoid | $(0, 1)$, tolkas som en sannolikhet |
# | regression | morgondagens temperatur i °C | linjär | vilket reellt tal som helst, även negativt |
# | regression, aldrig negativ | priset på en lägenhet | ReLU | $[0, \infty)$ |
# | klassificering med flera klasser | vilken siffra, 0–9? | softmax, en utdatanod per klass | sannolikheter med summan 1 |
#
# En ReLU i utdatalagret har samma risk att dö som en ReLU i ett dolt lager: blir dess $z$
# negativt för en datapunkt är derivatan 0, och den datapunkten lär den ingenting. Ett vanligt
# alternativ är en linjär utdata vars negativa prediktioner klipps bort i efterhand.
#
# I `nnlib` tar `MLP` aktiveringen för de dolda lagren och för utdatalagret var för sig:

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** ≈ 4 min for sections 7 and 8, then 1 min summary. Run the check-yourself as a
# quick poll: temperature → one linear output; visitors → one ReLU output (or linear, clipped);
# malignant → one sigmoid output; letters → 26 with softmax. Watch for the mix-up of section 8:
# softmax is not a loss; it turns scores into probabilities, and cross-entropy measures those
# against the target. Set Exercise 02.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** ≈ 4 min för avsnitt 7 och 8, sedan 1 min sammanfattning. Gör
# testa-dig-själv-frågan till en snabb omröstning: temperatur → en linjär utdatanod; besökare → en
# utdatanod med ReLU (eller linjär och klippt); elakartad → en med sigmoid; bokstäver → 26 med
# softmax. Se upp för förväxlingen i avsnitt 8: softmax är ingen förlustfunktion; den gör om poäng
# till sannolikheter, och korsentropin mäter dem mot facit. Ge övning 02.

# %%
from nnlib.model import MLP

print(MLP([2, 16, 16, 1], activation="relu", output="sigmoid", rng=0))
print(MLP([64, 32, 10], activation="relu", output="softmax", rng=0))

# %% [markdown] tags=["en"]
# **Check yourself.** Which output activation, and how many outputs, would you choose for:
# (a) tomorrow's temperature, (b) the number of visitors to a web page tomorrow, (c) whether a
# tumour is malignant, (d) which of the 26 letters A–Z a handwritten character is?
#
# <details><summary>Answer</summary>
#
# (a) one linear output: temperatures can be negative. (b) one output, ReLU (or linear with
# negative predictions clipped to 0): a count is never negative. (c) one sigmoid output, read as
# the probability of "malignant". (d) 26 outputs with softmax.
#
# </details>

# %% [markdown] tags=["sv"]
# **Testa dig själv.** Vilken aktivering i utdatalagret, och hur många utdata, skulle du välja
# för: (a) morgondagens temperatur, (b) antalet besökare på en webbsida i morgon, (c) om en tumör
# är elakartad, (d) vilken av de 26 bokstäverna A–Z ett handskrivet tecken är?
#
# <details><summary>Svar</summary>
#
# (a) en utdatanod med linjär aktivering: temperaturer kan vara negativa. (b) en utdatanod med
# ReLU (eller linjär, där negativa prediktioner klipps till 0): ett antal är aldrig negativt.
# (c) en utdatanod med sigmoid, tolkad som sannolikheten för ”elakartad”. (d) 26 utdatanoder med
# softmax.
#
# </details>

# %% [markdown] tags=["en", "slide"]
# ## 8 Activation functions are not loss functions
#
# The two are easy to mix up, because they often appear in pairs ("sigmoid with binary
# cross-entropy", "softmax with cross-entropy"), but they do different jobs:
#
# - An **activation function** sits *inside* the network. It turns one neuron's weighted sum
#   $z$ into the neuron's output, for every neuron and every sample, on every forward pass.
# - A **loss function** sits *after* the network. It compares the prediction $\hat y$ with the
#   target $y$ and returns one number that says how wrong the prediction is (chapter 04).
#
# Softmax turns scores into probabilities; cross-entropy measures how far those probabilities
# are from the truth. That `nnlib.losses.CrossEntropy` computes softmax internally, for speed
# and numerical safety, does not make softmax a loss.

# %% [markdown] tags=["sv", "slide"]
# ## 8 Aktiveringsfunktioner är inte förlustfunktioner
#
# De två är lätta att blanda ihop, eftersom de ofta förekommer i par (”sigmoid med binär
# korsentropi”, ”softmax med korsentropi”), men de gör olika saker:
#
# - En **aktiveringsfunktion** sitter *inne i* nätverket. Den gör om en neurons viktade summa $z$
#   till neuronens utdata, för varje neuron och varje datapunkt, i varje framåtpass.
# - En **förlustfunktion** sitter *efter* nätverket. Den jämför prediktionen $\hat y$ med
#   målvärdet $y$ och ger ett enda tal som säger hur fel prediktionen är (kapitel 04).
#
# Softmax gör om poäng till sannolikheter; korsentropi mäter hur långt sannolikheterna ligger från
# facit. Att `nnlib.losses.CrossEntropy` beräknar softmax internt, för att det går snabbare och
# är numeriskt stabilt, gör inte softmax till en förlustfunktion.

# %% [markdown] tags=["en", "slide"]
# ## Summary
#
# - A neuron computes $z = \sum_k w_k x_k + b$ and outputs $a = f(z)$.
# - $\sigma(z) = \dfrac{1}{1 + e^{-z}}$, $\ \sigma'(z) = \sigma(z)(1 - \sigma(z)) \le \tfrac14$;
#   $\ \tanh'(z) = 1 - \tanh^2 z$; $\ \operatorname{ReLU}(z) = \max(0, z)$ with derivative 1 for
#   $z > 0$ and 0 for $z < 0$; leaky ReLU keeps slope $\alpha$ for $z < 0$.
# - $\operatorname{softmax}(z)_i = e^{z_i} / \sum_j e^{z_j}$, computed as
#   $\operatorname{softmax}(z - \max_j z_j)$; $\ \partial p_i / \partial z_j = p_i(\delta_{ij} - p_j)$.
# - Compute exponentials only of non-positive numbers: $e^{-|z|}$ for sigmoid, $z - \max z$ for
#   softmax.
# - Linear layers collapse: $W^{(3)}(W^{(2)}(W^{(1)} x + b^{(1)}) + b^{(2)}) + b^{(3)} = W x + b$
#   with $W = W^{(3)} W^{(2)} W^{(1)}$. Non-linear activations *between* layers are what make
#   depth useful.
# - Hidden layers: start with ReLU (cheap, no flat region for $z > 0$). Output layer: sigmoid for
#   binary classification, linear for regression, ReLU for non-negative targets, softmax for
#   several classes.
# - Activation functions shape each neuron's output; loss functions measure the error of the
#   whole prediction.

# %% [markdown] tags=["sv", "slide"]
# ## Sammanfattning
#
# - En neuron beräknar $z = \sum_k w_k x_k + b$ och ger $a = f(z)$ som utdata.
# - $\sigma(z) = \dfrac{1}{1 + e^{-z}}$, $\ \sigma'(z) = \sigma(z)(1 - \sigma(z)) \le \tfrac14$;
#   $\ \tanh'(z) = 1 - \tanh^2 z$; $\ \operatorname{ReLU}(z) = \max(0, z)$ med derivatan 1 för
#   $z > 0$ och 0 för $z < 0$; leaky ReLU behåller lutningen $\alpha$ för $z < 0$.
# - $\operatorname{softmax}(z)_i = e^{z_i} / \sum_j e^{z_j}$, beräknad som
#   $\operatorname{softmax}(z - \max_j z_j)$; $\ \partial p_i / \partial z_j = p_i(\delta_{ij} - p_j)$.
# - Beräkna bara exponentialer av icke-positiva tal: $e^{-|z|}$ för sigmoid, $z - \max z$ för
#   softmax.
# - Linjära lager kan slås ihop: $W^{(3)}(W^{(2)}(W^{(1)} x + b^{(1)}) + b^{(2)}) + b^{(3)} = W x + b$
#   med $W = W^{(3)} W^{(2)} W^{(1)}$. Det är icke-linjära aktiveringar *mellan* lagren som gör
#   djupet användbart.
# - Dolda lager: börja med ReLU (billig, inget platt område för $z > 0$). Utdatalagret: sigmoid
#   för binär klassificering, linjär för regression, ReLU för målvärden som aldrig är negativa,
#   softmax för flera klasser.
# - Aktiveringsfunktioner formar varje neurons utdata; förlustfunktioner mäter felet i hela
#   prediktionen.

# %% [markdown] tags=["en"]
# ## What next
#
# - **Exercise 02** asks you to write sigmoid, ReLU and tanh and their derivatives yourself,
#   safe for large $|z|$.
# - Try it yourself: in the explorer, find the $z$ where $\sigma'(z)$ drops below $0.01$. In the
#   stacking widget, how many pieces can you get with $N = 2$ and 4 neurons per layer?
# - **Chapter 03** puts many neurons together into layers and pushes data through a whole network:
#   the forward pass.

# %% [markdown] tags=["sv"]
# ## Nästa steg
#
# - I **övning 02** skriver du själv sigmoid, ReLU och tanh och deras derivator, numeriskt
#   stabila för stora $|z|$.
# - Prova själv: hitta i utforskaren det $z$ där $\sigma'(z)$ blir mindre än $0{,}01$. Hur många
#   bitar kan du få i staplingswidgeten med $N = 2$ och 4 neuroner per lager?
# - **Kapitel 03** sätter ihop många neuroner till lager och skickar data genom ett helt nätverk:
#   framåtpasset.
