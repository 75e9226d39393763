# %% [markdown] tags=["en", "slide"]
# # 07 Backpropagation
#
# A network learns by changing its weights so that the loss falls. Chapter 05 showed how to
# change *one* parameter: step against the derivative. Chapter 06 showed how to get a
# derivative through a chain of functions. This chapter puts the two together for a whole
# network: **backpropagation** computes the derivative of the loss with respect to *every*
# weight and bias with one pass backwards through the network, and gradient descent then
# updates all of them together. That is how every network in this course, and every large
# network in use today, learns.
#
# After this chapter you can
#
# - explain why "change one weight and watch the loss" gives the right derivative but is far
#   too slow for training,
# - derive the four equations of backpropagation for a two-layer network, for one sample and
#   for a batch, and check the shape of every term,
# - compute a backward pass by hand and in numpy, and check it with a gradient check,
# - say what an iteration and an epoch are, and why weights must not start equal,
# - train a network on XOR and on two moons, and explore training live in the playground.

# %% [markdown] tags=["sv", "slide"]
# # 07 Bakåtpropagering
#
# Ett nätverk lär sig genom att ändra sina vikter så att förlusten minskar. Kapitel 05 visade
# hur man ändrar *en* parameter: ta ett steg i motsatt riktning mot derivatan. Kapitel 06
# visade hur man får en derivata genom en kedja av funktioner. Det här kapitlet sätter ihop de två för ett helt
# nätverk: **bakåtpropagering** (backpropagation) beräknar derivatan av förlusten med avseende
# på *varje* vikt och varje bias med ett enda pass bakåt genom nätverket, och
# gradientnedstigningen uppdaterar sedan alla på en gång. Det är så varje nätverk i den här
# kursen lär sig, och så lär sig också varje stort nätverk som används i dag.
#
# Efter det här kapitlet kan du
#
# - förklara varför ”ändra en vikt och se vad förlusten gör” ger rätt derivata men är alldeles
#   för långsamt för träning,
# - härleda bakåtpropageringens fyra ekvationer för ett nätverk med två lager, för ett exempel
#   och för en batch, och kontrollera formen på varje term,
# - räkna ett bakåtpass för hand och i numpy och kontrollera det med en gradientkontroll,
# - säga vad en iteration och en epok är, och varför vikterna inte får starta lika,
# - träna ett nätverk på XOR och på två månar (two moons) och utforska träningen live i
#   lekplatsen.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** Timing for 45 minutes: §1 one weight at a time 7 min, §2 the four
# equations 10 min, §3 the example by hand 8 min, §4 the batch 5 min, §5 iterations and epochs
# with XOR 4 min, §6 symmetry 4 min, §7 two moons 2 min, §8 the playground 5 min. "Going
# further" is reading. The board to keep until the end: the four equations of §2 with the shape
# of every term written under it.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Tidsplan för 45 minuter: §1 en vikt i taget 7 min, §2 de fyra
# ekvationerna 10 min, §3 exemplet för hand 8 min, §4 batchen 5 min, §5 iterationer och epoker
# med XOR 4 min, §6 symmetri 4 min, §7 två månar 2 min, §8 lekplatsen 5 min. ”Fördjupning” är
# läsning. Tavlan som ska stå kvar till slutet: de fyra ekvationerna från §2 med formen på
# varje term skriven under.

# %%
from course import set_language
set_language("en")

import time

import numpy as np
import matplotlib.pyplot as plt

from course import t
from course.numbers import fmt_percent
from course.widgets.backprop import plot_losses, plot_one_weight, plot_weight_paths
from course.widgets.playground import Playground, make_dataset, plot_decision_boundary, split_dataset
from nnlib.activations import sigmoid
from nnlib.gradcheck import numerical_gradient, relative_error
from nnlib.losses import BinaryCrossEntropy
from nnlib.metrics import accuracy
from nnlib.model import MLP
from nnlib.optim import SGD
from nnlib.training import fit

# %% [markdown] tags=["en", "slide"]
# ## 1 Change one weight, keep the others fixed
#
# Here is the most natural idea for finding out how to change a weight, and it is where the
# study notes behind this course start: **isolate one weight, freeze all the others, and see
# how the loss moves when you nudge it.** If the loss goes down when the weight grows a
# little, make the weight larger; if it goes up, make it smaller. That is gradient descent on
# one weight, exactly as in chapter 05.
#
# "See how the loss moves when you nudge it" has a precise name. With the other weights
# frozen, the loss is a function of the one weight $w$ alone, and its slope there is the
# partial derivative, which chapter 06 computed with a central difference:
#
# $$\frac{\partial L}{\partial w} \approx \frac{L(w + h) - L(w - h)}{2h}, \qquad h \approx 10^{-6}.$$
#
# The cell below does this for one weight of a small network, $w^{(1)}_{12}$ (to hidden node 1
# from input 2), on the four XOR points: it computes the loss for many values of that weight
# and draws the slope at the current value.

# %% [markdown] tags=["sv", "slide"]
# ## 1 Ändra en vikt, håll de andra fasta
#
# Här är den mest naturliga idén för att ta reda på hur en vikt ska ändras, och det är där
# anteckningarna bakom den här kursen börjar: **isolera en vikt, lås alla andra och se hur
# förlusten ändras när du puttar lite på den.** Om förlusten minskar när vikten växer lite
# gör du vikten större; om förlusten ökar gör du den mindre. Det är gradientnedstigning på en
# vikt, precis som i kapitel 05.
#
# ”Se hur förlusten ändras när du puttar på vikten” har ett precist namn. När de andra
# vikterna är låsta är förlusten en funktion av bara vikten $w$, och dess lutning där är den
# partiella derivatan, som vi i kapitel 06 beräknade med en central differens:
#
# $$\frac{\partial L}{\partial w} \approx \frac{L(w + h) - L(w - h)}{2h}, \qquad h \approx 10^{-6}.$$
#
# Cellen nedan gör detta för en vikt i ett litet nätverk, $w^{(1)}_{12}$ (till dold nod 1 från
# indata 2), på de fyra XOR-punkterna: den beräknar förlusten för många värden på den vikten
# och ritar lutningen i det nuvarande värdet.

# %% tags=["en"]
X_xor = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
Y_xor = np.array([[0.0], [1.0], [1.0], [0.0]])

model = MLP([2, 3, 1], activation="tanh", output="sigmoid", rng=0)
bce = BinaryCrossEntropy()
W1 = model.layers[0].params["W"]  # the network's own array: changing it changes the network


def loss_now():
    return bce.forward(model.forward(X_xor), Y_xor)


w0 = W1[0, 1]
trial_values = w0 + np.linspace(-3, 3, 61)
losses = []
for value in trial_values:
    W1[0, 1] = value  # nudge one weight, every other weight stays frozen
    losses.append(loss_now())
W1[0, 1] = w0

h = 1e-6
W1[0, 1] = w0 + h
loss_plus = loss_now()
W1[0, 1] = w0 - h
loss_minus = loss_now()
W1[0, 1] = w0
slope = (loss_plus - loss_minus) / (2 * h)
print("w =", w0, " L =", loss_now(), " dL/dw (central difference) =", slope)

plot_one_weight(trial_values, np.array(losses), w0, loss_now(), slope, name="w^{(1)}_{12}")
plt.show()

# %% tags=["sv"]
X_xor = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
Y_xor = np.array([[0.0], [1.0], [1.0], [0.0]])

model = MLP([2, 3, 1], activation="tanh", output="sigmoid", rng=0)
bce = BinaryCrossEntropy()
W1 = model.layers[0].params["W"]  # nätverkets egen array: ändras den, ändras nätverket


def loss_now():
    return bce.forward(model.forward(X_xor), Y_xor)


w0 = W1[0, 1]
trial_values = w0 + np.linspace(-3, 3, 61)
losses = []
for value in trial_values:
    W1[0, 1] = value  # putta på en vikt, alla andra vikter är låsta
    losses.append(loss_now())
W1[0, 1] = w0

h = 1e-6
W1[0, 1] = w0 + h
loss_plus = loss_now()
W1[0, 1] = w0 - h
loss_minus = loss_now()
W1[0, 1] = w0
slope = (loss_plus - loss_minus) / (2 * h)
print("w =", w0, " L =", loss_now(), " dL/dw (central differens) =", slope)

plot_one_weight(trial_values, np.array(losses), w0, loss_now(), slope, name="w^{(1)}_{12}")
plt.show()

# %% [markdown] tags=["en", "subslide"]
# ### Right, but hopelessly slow
#
# The idea gives the right derivative. The trouble is the price: **two forward passes per
# weight** (one with $+h$, one with $-h$), for every step of training. A network with $P$
# parameters needs $2P$ forward passes to learn the direction of *one* step. The cell times it
# for the network we train on two moons in §7, $2 \to 16 \to 16 \to 1$, with 337 parameters,
# against backpropagation, which gets the same 337 derivatives from one forward and one
# backward pass.

# %% [markdown] tags=["sv", "subslide"]
# ### Rätt, men hopplöst långsamt
#
# Idén ger rätt derivata. Problemet är priset: **två framåtpass per vikt** (ett med $+h$ och
# ett med $-h$), för varje steg i träningen. Ett nätverk med $P$ parametrar behöver $2P$
# framåtpass för att få veta riktningen för *ett* steg. Cellen tar tid på det för nätverket som
# vi tränar på två månar i §7, $2 \to 16 \to 16 \to 1$, med 337 parametrar, och jämför med
# bakåtpropageringen, som får samma 337 derivator från ett framåtpass och ett bakåtpass.

# %% tags=["en"]
rng = np.random.default_rng(1)
X_demo = rng.normal(size=(100, 2))
y_demo = (X_demo[:, 0] * X_demo[:, 1] > 0).astype(float).reshape(-1, 1)
net = MLP([2, 16, 16, 1], activation="tanh", output="sigmoid", rng=1)

start = time.perf_counter()
numerical = {}
for name, param, _ in net.parameters():
    # numerical_gradient nudges every entry of param in turn: two forward passes each
    numerical[name] = numerical_gradient(lambda _: bce.forward(net.forward(X_demo), y_demo), param)
time_numerical = time.perf_counter() - start

start = time.perf_counter()
bce.forward(net.forward(X_demo), y_demo)
net.backward(bce.backward())  # backpropagation: every gradient at once
time_backprop = time.perf_counter() - start

max_error = max(relative_error(grad, numerical[name]) for name, _, grad in net.parameters())
print("parameters:", net.n_params(), " forward passes for the numerical gradient:", 2 * net.n_params())
print(f"numerical: {time_numerical * 1000:.1f} ms   backpropagation: {time_backprop * 1000:.2f} ms")
print(f"backpropagation is about {time_numerical / time_backprop:.0f} times faster here")
print(f"largest relative error between the two: {max_error:.1e}")

# %% tags=["sv"]
rng = np.random.default_rng(1)
X_demo = rng.normal(size=(100, 2))
y_demo = (X_demo[:, 0] * X_demo[:, 1] > 0).astype(float).reshape(-1, 1)
net = MLP([2, 16, 16, 1], activation="tanh", output="sigmoid", rng=1)

start = time.perf_counter()
numerical = {}
for name, param, _ in net.parameters():
    # numerical_gradient puttar på varje element i param i tur och ordning: två framåtpass var
    numerical[name] = numerical_gradient(lambda _: bce.forward(net.forward(X_demo), y_demo), param)
time_numerical = time.perf_counter() - start

start = time.perf_counter()
bce.forward(net.forward(X_demo), y_demo)
net.backward(bce.backward())  # bakåtpropagering: alla gradienter på en gång
time_backprop = time.perf_counter() - start

max_error = max(relative_error(grad, numerical[name]) for name, _, grad in net.parameters())
print("parametrar:", net.n_params(), " framåtpass för den numeriska gradienten:", 2 * net.n_params())
print(f"numeriskt: {time_numerical * 1000:.1f} ms   bakåtpropagering: {time_backprop * 1000:.2f} ms")
print(f"bakåtpropageringen är ungefär {time_numerical / time_backprop:.0f} gånger snabbare här")
print(f"största relativa fel mellan de två: {max_error:.1e}")

# %% [markdown] tags=["en"]
# Backpropagation is hundreds of times faster already for 337 parameters, and the gap grows
# with the size of the network: a network with a million weights would need two million
# forward passes per step. The two answers agree to about $10^{-8}$, so nothing is lost.
#
# **A common misunderstanding, and the fix.** The notes go on: "in deep learning the weights
# are treated as independent, frozen, and we hope that it works". Two corrections:
#
# 1. We do not update one weight at a time. Every partial derivative is taken at the *same*
#    point (all weights at their current values), and then **all weights are updated
#    together** with one step $\theta \leftarrow \theta - \eta \nabla L(\theta)$. Freezing the
#    others is only how a partial derivative is *defined*; it is not how training proceeds.
# 2. There is no need to hope. The gradient from the backward pass can be **checked**
#    against the slow numerical one, as the last line above does. That is a gradient check
#    (chapter 06), and it is how you test every backward pass you write.

# %% [markdown] tags=["sv"]
# Bakåtpropageringen är hundratals gånger snabbare redan för 337 parametrar, och skillnaden
# växer med nätverkets storlek: ett nätverk med en miljon vikter skulle behöva två miljoner
# framåtpass per steg. De två svaren stämmer överens på ungefär $10^{-8}$ när, så ingenting går
# förlorat.
#
# **Ett vanligt missförstånd, och hur det rättas.** Anteckningarna fortsätter: ”i
# djupinlärning anses vikterna vara självständiga, frysta, och man hoppas att det fungerar”.
# Två rättelser:
#
# 1. Vi uppdaterar inte en vikt i taget. Varje partiell derivata tas i *samma* punkt (alla
#    vikter har sina nuvarande värden), och sedan **uppdateras alla vikter samtidigt** med ett
#    steg $\theta \leftarrow \theta - \eta \nabla L(\theta)$. Att låsa de andra vikterna är bara
#    hur en partiell derivata *definieras*; det är inte så träningen går till.
# 2. Man behöver inte hoppas. Gradienten från bakåtpasset kan **kontrolleras** mot den
#    långsamma numeriska, som den sista raden ovan gör. Det är en gradientkontroll (kapitel 06),
#    och det är så du testar varje bakåtpass som du skriver.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 7 minutes. Start by asking the room how they would find out which way
# to turn one weight; someone will propose the nudge. Run the first cell and point at the
# tangent: that *is* the partial derivative. Then ask: "how many forward passes for all 337?"
# (674) before running the timing cell. On a laptop the ratio is usually several hundred to a
# thousand; on a busy server it varies. Spend a minute on the two corrections; they are the
# chapter's *fix* of the study notes.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 7 minuter. Börja med att fråga salen hur de skulle ta reda på
# åt vilket håll en vikt ska vridas; någon föreslår att putta på den. Kör den första cellen och
# peka på tangenten: den *är* den partiella derivatan. Fråga sedan: ”hur många framåtpass för
# alla 337?” (674) innan du kör cellen som tar tid. På en bärbar dator är kvoten oftast några
# hundra till tusen; på en belastad server varierar den. Lägg en minut på de två rättelserna; de
# är kapitlets rättelse av anteckningarna.

# %% [markdown] tags=["en", "slide"]
# ## 2 The chain rule, backwards, layer by layer
#
# **Forward.** Data enters the network through the input layer, $a^{(0)} = x$, and flows
# through the hidden layers to the output. Each layer $l = 1, \dots, L$ computes a weighted
# sum and an activation:
#
# $$z^{(l)} = W^{(l)} a^{(l-1)} + b^{(l)}, \qquad a^{(l)} = f_l\bigl(z^{(l)}\bigr),$$
#
# with $W^{(l)}$ of shape $(n_l, n_{l-1})$, so that $w^{(l)}_{jk}$ is the weight **to** node $j$
# of layer $l$ **from** node $k$ of layer $l-1$. The output $\hat y = a^{(L)}$ goes into the
# loss $L(\hat y, y)$. We write the formulas for our running case, a two-layer network
# ($L = 2$: one hidden layer, one output layer), but nothing in them depends on that.
#
# **Backward.** The loss depends on $W^{(1)}$ through a long chain: $z^{(1)}, a^{(1)}, z^{(2)},
# a^{(2)}, L$. Instead of writing a separate chain for every weight, we give the one quantity
# that every chain passes through a name, the **error of layer $l$**:
#
# $$\delta^{(l)} = \frac{\partial L}{\partial z^{(l)}}, \quad \text{a vector of shape } (n_l,):
# \quad \delta^{(l)}_j = \frac{\partial L}{\partial z^{(l)}_j}.$$
#
# It says how much the loss changes when the weighted sum of node $j$ changes. Chapter 06 ended
# with the rule for one layer $z = Wx + b$: $\partial L/\partial W = \delta x^\top$,
# $\partial L/\partial b = \delta$ and $\partial L/\partial x = W^\top \delta$. A network chains such
# layers with activations in between, and four equations, starting at the output, apply that
# rule layer after layer.

# %% [markdown] tags=["sv", "slide"]
# ## 2 Kedjeregeln, bakåt, lager för lager
#
# **Framåt.** Data kommer in i nätverket genom indatalagret, $a^{(0)} = x$, och flödar genom
# de dolda lagren till utdata. Varje lager $l = 1, \dots, L$ räknar ut en viktad summa och en
# aktivering:
#
# $$z^{(l)} = W^{(l)} a^{(l-1)} + b^{(l)}, \qquad a^{(l)} = f_l\bigl(z^{(l)}\bigr),$$
#
# där $W^{(l)}$ har formen $(n_l, n_{l-1})$, så att $w^{(l)}_{jk}$ är vikten **till** nod $j$ i
# lager $l$ **från** nod $k$ i lager $l-1$. Utdata $\hat y = a^{(L)}$ går in i förlusten
# $L(\hat y, y)$. Vi skriver formlerna för vårt genomgående fall, ett nätverk med två lager
# ($L = 2$: ett dolt lager och ett utdatalager), men ingenting i dem beror på det.
#
# **Bakåt.** Förlusten beror på $W^{(1)}$ genom en lång kedja: $z^{(1)}, a^{(1)}, z^{(2)},
# a^{(2)}, L$. I stället för att skriva en egen kedja för varje vikt ger vi den storhet som
# alla kedjor passerar ett namn, **felet i lager $l$**:
#
# $$\delta^{(l)} = \frac{\partial L}{\partial z^{(l)}}, \quad \text{en vektor med formen } (n_l,):
# \quad \delta^{(l)}_j = \frac{\partial L}{\partial z^{(l)}_j}.$$
#
# Den säger hur mycket förlusten ändras när den viktade summan i nod $j$ ändras. Kapitel 06
# slutade med regeln för ett lager $z = Wx + b$: $\partial L/\partial W = \delta x^\top$,
# $\partial L/\partial b = \delta$ och $\partial L/\partial x = W^\top \delta$. Ett nätverk kedjar
# ihop sådana lager med aktiveringsfunktioner emellan, och fyra ekvationer, med början i
# utdatalagret, använder den regeln lager efter lager.

# %% [markdown] tags=["en", "subslide"]
# ### The four equations
#
# **(1) The output layer.** By the chain rule through $a^{(L)} = f_L(z^{(L)})$, element by
# element: $\delta^{(L)} = \frac{\partial L}{\partial a^{(L)}} \odot f_L'\bigl(z^{(L)}\bigr)$,
# where $\odot$ is the element-wise product. For a sigmoid output with binary cross-entropy the
# two factors simplify to the result of chapter 04:
#
# $$\delta^{(L)} = \hat y - y .$$
#
# **(2) The weights of layer $l$.** $z^{(l)}_j = \sum_k w^{(l)}_{jk} a^{(l-1)}_k + b^{(l)}_j$, so
# $\partial z^{(l)}_j / \partial w^{(l)}_{jk} = a^{(l-1)}_k$, and $w^{(l)}_{jk}$ affects the loss
# only through $z^{(l)}_j$:
#
# $$\frac{\partial L}{\partial w^{(l)}_{jk}} = \delta^{(l)}_j\, a^{(l-1)}_k
# \quad\Longleftrightarrow\quad \frac{\partial L}{\partial W^{(l)}} = \delta^{(l)} \bigl(a^{(l-1)}\bigr)^{\top}.$$
#
# **(3) The biases of layer $l$.** $\partial z^{(l)}_j / \partial b^{(l)}_j = 1$, so
# $\dfrac{\partial L}{\partial b^{(l)}} = \delta^{(l)}$.
#
# **(4) One layer back.** The output $a^{(l)}_k$ of node $k$ is used by **every** node $j$ of
# layer $l+1$, each time with $\partial z^{(l+1)}_j / \partial a^{(l)}_k = w^{(l+1)}_{jk}$. Where a
# value is used several times, the gradients of all its uses add up (chapter 06):
# $\frac{\partial L}{\partial a^{(l)}_k} = \sum_j \delta^{(l+1)}_j w^{(l+1)}_{jk}$, which is entry
# $k$ of $(W^{(l+1)})^\top \delta^{(l+1)}$. Then through the activation, element by element:
#
# $$\delta^{(l)} = \Bigl(\bigl(W^{(l+1)}\bigr)^{\top} \delta^{(l+1)}\Bigr) \odot f_l'\bigl(z^{(l)}\bigr).$$
#
# Equation (4) is the *propagation* in backpropagation: the error travels from the output
# towards the input through the **same weights** that carried the signal forward, transposed.

# %% [markdown] tags=["sv", "subslide"]
# ### De fyra ekvationerna
#
# **(1) Utdatalagret.** Med kedjeregeln genom $a^{(L)} = f_L(z^{(L)})$, element för element:
# $\delta^{(L)} = \frac{\partial L}{\partial a^{(L)}} \odot f_L'\bigl(z^{(L)}\bigr)$, där $\odot$
# är produkten element för element. För en sigmoid i utdatalagret med binär korsentropi
# förenklas de två faktorerna till resultatet från kapitel 04:
#
# $$\delta^{(L)} = \hat y - y .$$
#
# **(2) Vikterna i lager $l$.** $z^{(l)}_j = \sum_k w^{(l)}_{jk} a^{(l-1)}_k + b^{(l)}_j$, så
# $\partial z^{(l)}_j / \partial w^{(l)}_{jk} = a^{(l-1)}_k$, och $w^{(l)}_{jk}$ påverkar förlusten
# bara genom $z^{(l)}_j$:
#
# $$\frac{\partial L}{\partial w^{(l)}_{jk}} = \delta^{(l)}_j\, a^{(l-1)}_k
# \quad\Longleftrightarrow\quad \frac{\partial L}{\partial W^{(l)}} = \delta^{(l)} \bigl(a^{(l-1)}\bigr)^{\top}.$$
#
# **(3) Biasvärdena i lager $l$.** $\partial z^{(l)}_j / \partial b^{(l)}_j = 1$, så
# $\dfrac{\partial L}{\partial b^{(l)}} = \delta^{(l)}$.
#
# **(4) Ett lager bakåt.** Utdata $a^{(l)}_k$ från nod $k$ används av **varje** nod $j$ i lager
# $l+1$, varje gång med $\partial z^{(l+1)}_j / \partial a^{(l)}_k = w^{(l+1)}_{jk}$. När ett värde
# används flera gånger adderas gradienterna från alla användningarna (kapitel 06):
# $\frac{\partial L}{\partial a^{(l)}_k} = \sum_j \delta^{(l+1)}_j w^{(l+1)}_{jk}$, vilket är
# element $k$ i $(W^{(l+1)})^\top \delta^{(l+1)}$. Sedan genom aktiveringsfunktionen, element för
# element:
#
# $$\delta^{(l)} = \Bigl(\bigl(W^{(l+1)}\bigr)^{\top} \delta^{(l+1)}\Bigr) \odot f_l'\bigl(z^{(l)}\bigr).$$
#
# Ekvation (4) är *propageringen* i bakåtpropageringen: felet vandrar från utdata mot indata
# genom **samma vikter** som förde signalen framåt, transponerade.

# %% [markdown] tags=["en", "subslide"]
# ### Check every shape
#
# A derivative always has the shape of the thing it is taken with respect to. Checking this
# for every term catches most mistakes before any number is computed. One sample, layer $l$
# with $n_l$ nodes:
#
# | term | shape | why |
# |---|---|---|
# | $\delta^{(l)}$, $z^{(l)}$, $b^{(l)}$, $\partial L/\partial b^{(l)}$ | $(n_l,)$ | one number per node |
# | $\delta^{(l)} (a^{(l-1)})^\top$ | $(n_l, 1)(1, n_{l-1}) = (n_l, n_{l-1})$ | an outer product: the shape of $W^{(l)}$ ✓ |
# | $(W^{(l+1)})^\top \delta^{(l+1)}$ | $(n_l, n_{l+1})(n_{l+1},) = (n_l,)$ | the shape of $a^{(l)}$ ✓ |
# | $\bigl((W^{(l+1)})^\top \delta^{(l+1)}\bigr) \odot f_l'(z^{(l)})$ | $(n_l,) \odot (n_l,) = (n_l,)$ | element-wise: shapes must be equal ✓ |
#
# Without the transpose in (4), $W^{(l+1)} \delta^{(l+1)}$ would not even be defined (unless
# the layers happen to have the same size, where it would silently give the wrong answer).

# %% [markdown] tags=["sv", "subslide"]
# ### Kontrollera varje form
#
# En derivata har alltid formen av det som man deriverar med avseende på. Att kontrollera det
# för varje term fångar de flesta fel innan ett enda tal har räknats ut. Ett exempel, lager $l$
# med $n_l$ noder:
#
# | term | form | varför |
# |---|---|---|
# | $\delta^{(l)}$, $z^{(l)}$, $b^{(l)}$, $\partial L/\partial b^{(l)}$ | $(n_l,)$ | ett tal per nod |
# | $\delta^{(l)} (a^{(l-1)})^\top$ | $(n_l, 1)(1, n_{l-1}) = (n_l, n_{l-1})$ | en yttre produkt: formen av $W^{(l)}$ ✓ |
# | $(W^{(l+1)})^\top \delta^{(l+1)}$ | $(n_l, n_{l+1})(n_{l+1},) = (n_l,)$ | formen av $a^{(l)}$ ✓ |
# | $\bigl((W^{(l+1)})^\top \delta^{(l+1)}\bigr) \odot f_l'(z^{(l)})$ | $(n_l,) \odot (n_l,) = (n_l,)$ | element för element: formerna måste vara lika ✓ |
#
# Utan transponatet i (4) vore $W^{(l+1)} \delta^{(l+1)}$ inte ens definierat (utom när lagren
# råkar vara lika stora, och då skulle det tyst ge fel svar).

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 10 minutes for the two slides. Derive (2) and (4) in index form on
# the board; the matrix forms then follow by reading the indices. Ask before showing (4): "the
# output of hidden node k feeds how many nodes of the next layer?" (all of them, hence the sum).
# Write the shapes under each equation. A frequent slip: writing δ^(l) = W^(l+1)ᵀ δ^(l+1) and
# forgetting the factor f′(z^(l)); another: using a^(l) instead of z^(l) inside f′.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 10 minuter för de två bilderna. Härled (2) och (4) med index
# på tavlan; matrisformerna följer sedan genom att man läser av indexen. Fråga innan du visar
# (4): ”utdata från dold nod k går till hur många noder i nästa lager?” (alla, därav summan).
# Skriv formerna under varje ekvation. Ett vanligt fel: att skriva δ^(l) = W^(l+1)ᵀ δ^(l+1) och
# glömma faktorn f′(z^(l)); ett annat: att sätta in a^(l) i stället för z^(l) i f′.

# %% [markdown] tags=["en"]
# **Check yourself.**
#
# 1. A hidden node uses ReLU, and for this sample its weighted sum is $z^{(1)}_j = -0.7$. What is
#    $\delta^{(1)}_j$, and what are the gradients of the weights *into* that node?
# 2. A network has layers of sizes $3 \to 5 \to 2$. Give the shapes of $\delta^{(2)}$,
#    $\partial L / \partial W^{(2)}$, $(W^{(2)})^\top \delta^{(2)}$ and $\partial L / \partial W^{(1)}$.
#
# <details><summary>Answer</summary>
#
# 1. $\operatorname{ReLU}'(-0.7) = 0$, so $\delta^{(1)}_j = 0$ whatever arrives from above, and by
#    (2) the whole row $j$ of $\partial L / \partial W^{(1)}$ is $\delta^{(1)}_j\, x^\top = 0$: the
#    weights into a node that is off for this sample do not change. (If it is off for *every*
#    sample, it never learns again: a "dead" ReLU, chapter 09.)
# 2. $\delta^{(2)}$: $(2,)$. $\partial L/\partial W^{(2)} = \delta^{(2)} (a^{(1)})^\top$: $(2, 5)$, the
#    shape of $W^{(2)}$. $(W^{(2)})^\top \delta^{(2)}$: $(5, 2)(2,) = (5,)$, the shape of $a^{(1)}$.
#    $\partial L/\partial W^{(1)}$: $(5, 3)$.
#
# </details>

# %% [markdown] tags=["sv"]
# **Testa dig själv.**
#
# 1. En dold nod använder ReLU, och för det här exemplet är dess viktade summa
#    $z^{(1)}_j = -0{,}7$. Vad är $\delta^{(1)}_j$, och vad är gradienterna för vikterna *in* till
#    den noden?
# 2. Ett nätverk har lager med storlekarna $3 \to 5 \to 2$. Ange formen på $\delta^{(2)}$,
#    $\partial L / \partial W^{(2)}$, $(W^{(2)})^\top \delta^{(2)}$ och $\partial L / \partial W^{(1)}$.
#
# <details><summary>Svar</summary>
#
# 1. $\operatorname{ReLU}'(-0{,}7) = 0$, så $\delta^{(1)}_j = 0$ oavsett vad som kommer uppifrån,
#    och enligt (2) är hela rad $j$ i $\partial L / \partial W^{(1)}$ lika med
#    $\delta^{(1)}_j\, x^\top = 0$: vikterna in till en nod som är avstängd för det här exemplet
#    ändras inte. (Om den är avstängd för *varje* exempel lär den sig aldrig mer: en ”död”
#    ReLU, kapitel 09.)
# 2. $\delta^{(2)}$: $(2,)$. $\partial L/\partial W^{(2)} = \delta^{(2)} (a^{(1)})^\top$: $(2, 5)$,
#    formen av $W^{(2)}$. $(W^{(2)})^\top \delta^{(2)}$: $(5, 2)(2,) = (5,)$, formen av $a^{(1)}$.
#    $\partial L/\partial W^{(1)}$: $(5, 3)$.
#
# </details>

# %% [markdown] tags=["en", "slide"]
# ## 3 A backward pass by hand
#
# A network $2 \to 2 \to 1$ with ReLU in the hidden layer, a sigmoid output and binary
# cross-entropy, on one sample $x = (1,\ 2)$ with target $y = 1$:
#
# $$W^{(1)} = \begin{pmatrix} 1 & -1 \\ 0.5 & 0.5 \end{pmatrix},\quad b^{(1)} = (0,\ 0),\qquad
#   W^{(2)} = \begin{pmatrix} 1 & 2 \end{pmatrix},\quad b^{(2)} = -2 .$$
#
# **Forward**, from the input layer to the loss:
#
# | quantity | computation | value |
# |---|---|---|
# | $z^{(1)} = W^{(1)} x + b^{(1)}$ | $(1 - 2,\ 0.5 + 1)$ | $(-1,\ 1.5)$ |
# | $a^{(1)} = \operatorname{ReLU}(z^{(1)})$ | | $(0,\ 1.5)$ |
# | $z^{(2)} = W^{(2)} a^{(1)} + b^{(2)}$ | $0 + 3 - 2$ | $1$ |
# | $\hat y = \sigma(z^{(2)})$ | $1 / (1 + e^{-1})$ | $0.7311$ |
# | $L = -\ln \hat y$ | | $0.3133$ |
#
# **Backward**, from the loss to the first layer, one equation at a time:
#
# | step | equation | value |
# |---|---|---|
# | (1) | $\delta^{(2)} = \hat y - y$ | $-0.2689$ |
# | (2) | $\partial L/\partial W^{(2)} = \delta^{(2)} (a^{(1)})^\top$ | $(0,\ -0.4034)$ |
# | (3) | $\partial L/\partial b^{(2)} = \delta^{(2)}$ | $-0.2689$ |
# | (4) | $(W^{(2)})^\top \delta^{(2)}$ | $(-0.2689,\ -0.5379)$ |
# | (4) | $\operatorname{ReLU}'(z^{(1)})$ | $(0,\ 1)$ |
# | (4) | $\delta^{(1)}$ = the product, element by element | $(0,\ -0.5379)$ |
# | (2) | $\partial L/\partial W^{(1)} = \delta^{(1)} x^\top$ | $\begin{pmatrix} 0 & 0 \\ -0.5379 & -1.0758 \end{pmatrix}$ |
# | (3) | $\partial L/\partial b^{(1)} = \delta^{(1)}$ | $(0,\ -0.5379)$ |
#
# Read the result. The prediction $0.73$ is too low for $y = 1$, so $\delta^{(2)} < 0$: for every
# gradient below, a step against it *raises* $\hat y$. Hidden node 1 is
# off ($z = -1$), so it passes no gradient: its weights stay put. The weight $w^{(1)}_{22}$ gets
# twice the gradient of $w^{(1)}_{21}$ because its input, $x_2 = 2$, is twice as large.

# %% [markdown] tags=["sv", "slide"]
# ## 3 Ett bakåtpass för hand
#
# Ett nätverk $2 \to 2 \to 1$ med ReLU i det dolda lagret, en sigmoid i utdatalagret och binär
# korsentropi, på ett exempel $x = (1;\ 2)$ med målvärdet $y = 1$:
#
# $$W^{(1)} = \begin{pmatrix} 1 & -1 \\ 0{,}5 & 0{,}5 \end{pmatrix},\quad b^{(1)} = (0;\ 0),\qquad
#   W^{(2)} = \begin{pmatrix} 1 & 2 \end{pmatrix},\quad b^{(2)} = -2 .$$
#
# **Framåt**, från indatalagret till förlusten:
#
# | storhet | beräkning | värde |
# |---|---|---|
# | $z^{(1)} = W^{(1)} x + b^{(1)}$ | $(1 - 2;\ 0{,}5 + 1)$ | $(-1;\ 1{,}5)$ |
# | $a^{(1)} = \operatorname{ReLU}(z^{(1)})$ | | $(0;\ 1{,}5)$ |
# | $z^{(2)} = W^{(2)} a^{(1)} + b^{(2)}$ | $0 + 3 - 2$ | $1$ |
# | $\hat y = \sigma(z^{(2)})$ | $1 / (1 + e^{-1})$ | $0{,}7311$ |
# | $L = -\ln \hat y$ | | $0{,}3133$ |
#
# **Bakåt**, från förlusten till det första lagret, en ekvation i taget:
#
# | steg | ekvation | värde |
# |---|---|---|
# | (1) | $\delta^{(2)} = \hat y - y$ | $-0{,}2689$ |
# | (2) | $\partial L/\partial W^{(2)} = \delta^{(2)} (a^{(1)})^\top$ | $(0;\ -0{,}4034)$ |
# | (3) | $\partial L/\partial b^{(2)} = \delta^{(2)}$ | $-0{,}2689$ |
# | (4) | $(W^{(2)})^\top \delta^{(2)}$ | $(-0{,}2689;\ -0{,}5379)$ |
# | (4) | $\operatorname{ReLU}'(z^{(1)})$ | $(0;\ 1)$ |
# | (4) | $\delta^{(1)}$ = produkten element för element | $(0;\ -0{,}5379)$ |
# | (2) | $\partial L/\partial W^{(1)} = \delta^{(1)} x^\top$ | $\begin{pmatrix} 0 & 0 \\ -0{,}5379 & -1{,}0758 \end{pmatrix}$ |
# | (3) | $\partial L/\partial b^{(1)} = \delta^{(1)}$ | $(0;\ -0{,}5379)$ |
#
# Tolka resultatet. Prediktionen $0{,}73$ är för låg för $y = 1$, så $\delta^{(2)} < 0$: för
# varje gradient nedanför *höjer* ett steg i motsatt riktning $\hat y$. Dold nod
# 1 är avstängd ($z = -1$), så den släpper inte igenom någon gradient: dess vikter står still.
# Vikten $w^{(1)}_{22}$ får dubbelt så stor gradient som $w^{(1)}_{21}$ eftersom dess indata,
# $x_2 = 2$, är dubbelt så stor.

# %% [markdown] tags=["en"]
# The same in numpy: each line is one row of the tables. `np.outer(u, v)` is the outer product
# $u v^\top$. Where numpy prints `-0.`, a negative number was multiplied by 0; the value is 0.

# %% [markdown] tags=["sv"]
# Samma sak i numpy: varje rad är en rad i tabellerna. `np.outer(u, v)` är den yttre produkten
# $u v^\top$. Där numpy skriver `-0.` har ett negativt tal multiplicerats med 0; värdet är 0.

# %% tags=["en"]
x = np.array([1.0, 2.0])
y = 1.0
W1_hand = np.array([[1.0, -1.0], [0.5, 0.5]])
b1_hand = np.array([0.0, 0.0])
W2_hand = np.array([[1.0, 2.0]])
b2_hand = np.array([-2.0])

# forward
z1 = W1_hand @ x + b1_hand
a1 = np.maximum(z1, 0.0)
z2 = W2_hand @ a1 + b2_hand
y_hat = sigmoid(z2)
print("forward:  z1 =", z1, " a1 =", a1, " z2 =", z2, " y_hat =", y_hat.round(4), " L =", (-np.log(y_hat)).round(4))

# backward: the four equations
delta2 = y_hat - y                              # (1)
dW2 = np.outer(delta2, a1)                      # (2)
db2 = delta2                                    # (3)
delta1 = (W2_hand.T @ delta2) * (z1 > 0)        # (4), ReLU'(z) = 1 where z > 0
dW1 = np.outer(delta1, x)                       # (2)
db1 = delta1                                    # (3)
print("backward: delta2 =", delta2.round(4), " dW2 =", dW2.round(4), " delta1 =", delta1.round(4))
print("dW1 =\n", dW1.round(4))

# %% tags=["sv"]
x = np.array([1.0, 2.0])
y = 1.0
W1_hand = np.array([[1.0, -1.0], [0.5, 0.5]])
b1_hand = np.array([0.0, 0.0])
W2_hand = np.array([[1.0, 2.0]])
b2_hand = np.array([-2.0])

# framåt
z1 = W1_hand @ x + b1_hand
a1 = np.maximum(z1, 0.0)
z2 = W2_hand @ a1 + b2_hand
y_hat = sigmoid(z2)
print("framåt:  z1 =", z1, " a1 =", a1, " z2 =", z2, " y_hat =", y_hat.round(4), " L =", (-np.log(y_hat)).round(4))

# bakåt: de fyra ekvationerna
delta2 = y_hat - y                              # (1)
dW2 = np.outer(delta2, a1)                      # (2)
db2 = delta2                                    # (3)
delta1 = (W2_hand.T @ delta2) * (z1 > 0)        # (4), ReLU'(z) = 1 där z > 0
dW1 = np.outer(delta1, x)                       # (2)
db1 = delta1                                    # (3)
print("bakåt:   delta2 =", delta2.round(4), " dW2 =", dW2.round(4), " delta1 =", delta1.round(4))
print("dW1 =\n", dW1.round(4))

# %% [markdown] tags=["en"]
# **Is it right? Ask the gradient check.** The loss is a function of the four parameter
# arrays; `numerical_gradient` nudges every entry of one of them in turn (central differences,
# two forward passes each) while the others stay fixed: the idea of §1, now used as a test.

# %% [markdown] tags=["sv"]
# **Stämmer det? Fråga gradientkontrollen.** Förlusten är en funktion av de fyra
# parameterarrayerna; `numerical_gradient` puttar på varje element i en av dem i tur och ordning
# (centrala differenser, två framåtpass per element) medan de andra står still: idén från §1,
# nu använd som test.

# %% tags=["en"]
def loss_of(W1, b1, W2, b2):
    a1 = np.maximum(W1 @ x + b1, 0.0)
    return float(-np.log(sigmoid(W2 @ a1 + b2))[0])


checks = {
    "W1": (dW1, numerical_gradient(lambda W: loss_of(W, b1_hand, W2_hand, b2_hand), W1_hand.copy())),
    "b1": (db1, numerical_gradient(lambda b: loss_of(W1_hand, b, W2_hand, b2_hand), b1_hand.copy())),
    "W2": (dW2, numerical_gradient(lambda W: loss_of(W1_hand, b1_hand, W, b2_hand), W2_hand.copy())),
    "b2": (db2, numerical_gradient(lambda b: loss_of(W1_hand, b1_hand, W2_hand, b), b2_hand.copy())),
}
for name, (backprop, numeric) in checks.items():
    print(f"{name}: relative error {relative_error(backprop, numeric):.1e}")

# %% tags=["sv"]
def loss_of(W1, b1, W2, b2):
    a1 = np.maximum(W1 @ x + b1, 0.0)
    return float(-np.log(sigmoid(W2 @ a1 + b2))[0])


checks = {
    "W1": (dW1, numerical_gradient(lambda W: loss_of(W, b1_hand, W2_hand, b2_hand), W1_hand.copy())),
    "b1": (db1, numerical_gradient(lambda b: loss_of(W1_hand, b, W2_hand, b2_hand), b1_hand.copy())),
    "W2": (dW2, numerical_gradient(lambda W: loss_of(W1_hand, b1_hand, W, b2_hand), W2_hand.copy())),
    "b2": (db2, numerical_gradient(lambda b: loss_of(W1_hand, b1_hand, W2_hand, b), b2_hand.copy())),
}
for name, (backprop, numeric) in checks.items():
    print(f"{name}: relativt fel {relative_error(backprop, numeric):.1e}")

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 8 minutes. Fill the backward table on the board with the room, one
# row per equation, before running the numpy cell; have them predict which weights get zero
# gradient (the row of the dead node) and why dW1[1, 1] = 2·dW1[1, 0] (the input x₂ = 2). The
# gradient check then shows relative errors between about 10⁻¹¹ and 10⁻¹⁰. If you have
# time: change `(z1 > 0)` to `(a1 > 0)` and ask whether that is still right (yes for ReLU; not
# in general).

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 8 minuter. Fyll i bakåttabellen på tavlan tillsammans med
# salen, en rad per ekvation, innan du kör numpy-cellen; låt dem förutsäga vilka vikter som får
# gradienten noll (raden för den avstängda noden) och varför dW1[1, 1] = 2·dW1[1, 0] (indata
# x₂ = 2). Gradientkontrollen visar sedan relativa fel mellan ungefär 10⁻¹¹ och 10⁻¹⁰. Om
# tiden räcker: byt `(z1 > 0)` mot `(a1 > 0)` och fråga om det fortfarande är rätt (ja för
# ReLU; inte i allmänhet).

# %% [markdown] tags=["en", "slide"]
# ## 4 A whole batch at once
#
# Training uses a batch of $N$ samples, one per **row** (batch first, as everywhere in the
# course): $X$ has shape $(N, n_0)$, and every layer computes all samples with one matrix product,
#
# $$Z^{(l)} = A^{(l-1)} \bigl(W^{(l)}\bigr)^{\top} + b^{(l)}, \qquad A^{(l)} = f_l\bigl(Z^{(l)}\bigr),
# \qquad A^{(0)} = X,$$
#
# where row $n$ of $Z^{(l)}$ is $\bigl(z^{(l)}\bigr)^\top$ of sample $n$. The cost is the mean of
# the per-sample losses, so its error matrix $\Delta^{(l)} = \partial L / \partial Z^{(l)}$ (shape
# $(N, n_l)$) has row $n$ equal to $\frac{1}{N}\bigl(\delta^{(l)}_n\bigr)^\top$. Each equation of §2
# becomes a matrix product over the rows:
#
# | | one sample | batch | shapes |
# |---|---|---|---|
# | (1) | $\delta^{(L)} = \hat y - y$ | $\Delta^{(L)} = \frac{1}{N}(\hat Y - Y)$ | $(N, n_L)$ |
# | (2) | $\delta^{(l)} (a^{(l-1)})^\top$ | $\bigl(\Delta^{(l)}\bigr)^{\top} A^{(l-1)}$ | $(n_l, N)(N, n_{l-1}) = (n_l, n_{l-1})$ |
# | (3) | $\delta^{(l)}$ | $\sum_n \Delta^{(l)}_{n,:}$ (sum over the rows) | $(n_l,)$ |
# | (4) | $\bigl((W^{(l+1)})^{\top}\delta^{(l+1)}\bigr) \odot f_l'(z^{(l)})$ | $\bigl(\Delta^{(l+1)} W^{(l+1)}\bigr) \odot f_l'\bigl(Z^{(l)}\bigr)$ | $(N, n_{l+1})(n_{l+1}, n_l) = (N, n_l)$ |
#
# The matrix product in (2) adds up the outer products $\delta_n a_n^\top$ of all samples, and (3)
# adds up the $\delta_n$: the gradient of the mean cost is the mean of the per-sample gradients,
# and the $\frac1N$ is already inside $\Delta$. In (4) the transpose moved: with samples in rows,
# $\Delta W$ is the row-by-row version of $W^\top \delta$. `nnlib.layers.Dense.backward` is
# exactly (2), (3) and the product in (4): `dZ.T @ X`, `dZ.sum(axis=0)`, `dZ @ W`.

# %% [markdown] tags=["sv", "slide"]
# ## 4 En hel batch på en gång
#
# Träningen använder en batch med $N$ exempel, ett per **rad** (batchen först, som överallt i
# kursen): $X$ har formen $(N, n_0)$, och varje lager räknar ut alla exempel med en enda
# matrisprodukt,
#
# $$Z^{(l)} = A^{(l-1)} \bigl(W^{(l)}\bigr)^{\top} + b^{(l)}, \qquad A^{(l)} = f_l\bigl(Z^{(l)}\bigr),
# \qquad A^{(0)} = X,$$
#
# där rad $n$ i $Z^{(l)}$ är $\bigl(z^{(l)}\bigr)^\top$ för exempel $n$. Kostnaden är medelvärdet av
# förlusterna för de enskilda exemplen, så dess felmatris $\Delta^{(l)} = \partial L / \partial Z^{(l)}$
# (formen $(N, n_l)$) har rad $n$ lika med $\frac{1}{N}\bigl(\delta^{(l)}_n\bigr)^\top$. Varje
# ekvation från §2 blir en matrisprodukt över raderna:
#
# | | ett exempel | batch | former |
# |---|---|---|---|
# | (1) | $\delta^{(L)} = \hat y - y$ | $\Delta^{(L)} = \frac{1}{N}(\hat Y - Y)$ | $(N, n_L)$ |
# | (2) | $\delta^{(l)} (a^{(l-1)})^\top$ | $\bigl(\Delta^{(l)}\bigr)^{\top} A^{(l-1)}$ | $(n_l, N)(N, n_{l-1}) = (n_l, n_{l-1})$ |
# | (3) | $\delta^{(l)}$ | $\sum_n \Delta^{(l)}_{n,:}$ (summan över raderna) | $(n_l,)$ |
# | (4) | $\bigl((W^{(l+1)})^{\top}\delta^{(l+1)}\bigr) \odot f_l'(z^{(l)})$ | $\bigl(\Delta^{(l+1)} W^{(l+1)}\bigr) \odot f_l'\bigl(Z^{(l)}\bigr)$ | $(N, n_{l+1})(n_{l+1}, n_l) = (N, n_l)$ |
#
# Matrisprodukten i (2) summerar de yttre produkterna $\delta_n a_n^\top$ för alla exempel, och
# (3) summerar alla $\delta_n$: gradienten av medelkostnaden är medelvärdet av gradienterna för
# de enskilda exemplen, och faktorn $\frac1N$ finns redan i $\Delta$. I (4) har transponatet
# flyttat: med exemplen i rader är $\Delta W$ radvisa versionen av $W^\top \delta$.
# `nnlib.layers.Dense.backward` är precis (2), (3) och produkten i (4): `dZ.T @ X`,
# `dZ.sum(axis=0)` och `dZ @ W`.

# %% [markdown] tags=["en"]
# Here is the whole backward pass of a two-layer network with tanh in the hidden layer
# ($\tanh' = 1 - \tanh^2$) and a sigmoid output with binary cross-entropy, for a batch. It
# returns the cost and the four gradients; the gradient check and `nnlib` then confirm it.

# %% [markdown] tags=["sv"]
# Här är hela bakåtpasset för ett nätverk med två lager, med tanh i det dolda lagret
# ($\tanh' = 1 - \tanh^2$) och en sigmoid i utdatalagret med binär korsentropi, för en batch.
# Funktionen returnerar kostnaden och de fyra gradienterna; gradientkontrollen och `nnlib`
# bekräftar sedan resultatet.

# %% tags=["en"]
def forward_backward(X, Y, W1, b1, W2, b2):
    """Cost and gradients (dW1, db1, dW2, db2) of a 2-layer tanh/sigmoid network on a batch."""
    N = len(X)
    A1 = np.tanh(X @ W1.T + b1)                  # (N, n1)
    Y_hat = sigmoid(A1 @ W2.T + b2)              # (N, 1)
    cost = float(-np.mean(Y * np.log(Y_hat) + (1 - Y) * np.log(1 - Y_hat)))
    D2 = (Y_hat - Y) / N                         # (1)  (N, 1)
    dW2, db2 = D2.T @ A1, D2.sum(axis=0)         # (2), (3)
    D1 = (D2 @ W2) * (1 - A1 ** 2)               # (4)  (N, n1)
    dW1, db1 = D1.T @ X, D1.sum(axis=0)          # (2), (3)
    return cost, (dW1, db1, dW2, db2)


rng = np.random.default_rng(0)
params = [rng.normal(size=(3, 2)), np.zeros(3), rng.normal(size=(1, 3)), np.zeros(1)]
cost, grads = forward_backward(X_xor, Y_xor, *params)

for i, name in enumerate(["W1", "b1", "W2", "b2"]):
    def cost_of(p, i=i):
        trial = list(params)
        trial[i] = p
        return forward_backward(X_xor, Y_xor, *trial)[0]

    numeric = numerical_gradient(cost_of, params[i].copy())
    rel_error = relative_error(grads[i], numeric)
    print(f"{name}: shape", grads[i].shape, f"relative error {rel_error:.1e}")

# %% tags=["sv"]
def forward_backward(X, Y, W1, b1, W2, b2):
    """Kostnad och gradienter (dW1, db1, dW2, db2) för ett tanh/sigmoid-nätverk med två lager."""
    N = len(X)
    A1 = np.tanh(X @ W1.T + b1)                  # (N, n1)
    Y_hat = sigmoid(A1 @ W2.T + b2)              # (N, 1)
    cost = float(-np.mean(Y * np.log(Y_hat) + (1 - Y) * np.log(1 - Y_hat)))
    D2 = (Y_hat - Y) / N                         # (1)  (N, 1)
    dW2, db2 = D2.T @ A1, D2.sum(axis=0)         # (2), (3)
    D1 = (D2 @ W2) * (1 - A1 ** 2)               # (4)  (N, n1)
    dW1, db1 = D1.T @ X, D1.sum(axis=0)          # (2), (3)
    return cost, (dW1, db1, dW2, db2)


rng = np.random.default_rng(0)
params = [rng.normal(size=(3, 2)), np.zeros(3), rng.normal(size=(1, 3)), np.zeros(1)]
cost, grads = forward_backward(X_xor, Y_xor, *params)

for i, name in enumerate(["W1", "b1", "W2", "b2"]):
    def cost_of(p, i=i):
        trial = list(params)
        trial[i] = p
        return forward_backward(X_xor, Y_xor, *trial)[0]

    numeric = numerical_gradient(cost_of, params[i].copy())
    rel_error = relative_error(grads[i], numeric)
    print(f"{name}: formen", grads[i].shape, f"relativt fel {rel_error:.1e}")

# %% [markdown] tags=["en"]
# **The `nnlib` way.** The same network as `nnlib` layers, with the same weights: one
# `forward`, the loss, and one `backward` call fill every layer's `grads`. `Sequential.backward`
# runs the layers' own `backward` in reverse order; each `Dense` layer applies (2), (3) and
# passes $\Delta W$ on, each activation layer multiplies by $f'$, which is (4). In training
# the input needs no gradient of its own, so `fit` calls `backward(..., input_grad=False)`
# and the first `Dense` layer skips $\partial L/\partial X$, a third of its arithmetic.

# %% [markdown] tags=["sv"]
# **Med `nnlib`.** Samma nätverk som lager i `nnlib`, med samma vikter: ett `forward`,
# förlusten och ett enda `backward`-anrop fyller varje lagers `grads`. `Sequential.backward` kör
# lagrens egna `backward` i omvänd ordning; varje `Dense`-lager använder (2) och (3) och skickar
# $\Delta W$ vidare, och varje aktiveringslager multiplicerar med $f'$, vilket är (4). Vid
# träning behöver indata ingen egen gradient, så `fit` anropar `backward(..., input_grad=False)`
# och det första `Dense`-lagret hoppar över $\partial L/\partial X$, en tredjedel av dess räknearbete.

# %% tags=["en"]
network = MLP([2, 3, 1], activation="tanh", output="sigmoid", rng=0)
dense1, dense2 = network.layers[0], network.layers[2]
dense1.params["W"][...], dense1.params["b"][...] = params[0], params[1]
dense2.params["W"][...], dense2.params["b"][...] = params[2], params[3]

print("cost, ours and nnlib's:", cost, bce.forward(network.forward(X_xor), Y_xor))
network.backward(bce.backward())
print("largest difference in dW1:", np.abs(dense1.grads["W"] - grads[0]).max())
print("largest difference in dW2:", np.abs(dense2.grads["W"] - grads[2]).max())

# %% tags=["sv"]
network = MLP([2, 3, 1], activation="tanh", output="sigmoid", rng=0)
dense1, dense2 = network.layers[0], network.layers[2]
dense1.params["W"][...], dense1.params["b"][...] = params[0], params[1]
dense2.params["W"][...], dense2.params["b"][...] = params[2], params[3]

print("kostnad, vår och nnlibs:", cost, bce.forward(network.forward(X_xor), Y_xor))
network.backward(bce.backward())
print("största skillnad i dW1:", np.abs(dense1.grads["W"] - grads[0]).max())
print("största skillnad i dW2:", np.abs(dense2.grads["W"] - grads[2]).max())

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 5 minutes. The one idea: a batch changes nothing in the mathematics,
# the sums over samples appear inside the matrix products. Point at the shape column and ask
# where the sum over the N samples hides in (2) (the inner dimension N of the product). The
# differences against nnlib are about 10⁻¹⁶ (rounding), the relative errors of the check about
# 10⁻¹⁰. Exercise 07 asks the students to write exactly these batch formulas for a ReLU network
# with the squared error, so do not show more of that here.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 5 minuter. Den enda idén: en batch ändrar ingenting i
# matematiken, summorna över exemplen hamnar inuti matrisprodukterna. Peka på kolumnen med
# former och fråga var summan över de N exemplen gömmer sig i (2) (den inre dimensionen N i
# produkten). Skillnaderna mot nnlib är ungefär 10⁻¹⁶ (avrundning), de relativa felen i
# kontrollen ungefär 10⁻¹⁰. Övning 07 ber studenterna skriva precis de här batchformlerna för ett
# ReLU-nätverk med kvadratfel, så visa inte mer av det här.

# %% [markdown] tags=["en", "slide"]
# ## 5 One iteration, one epoch
#
# Training repeats one **iteration**:
#
# 1. a **forward pass** on a batch: the values $Z^{(l)}, A^{(l)}$ and the loss;
# 2. a **backward pass**: the four equations, giving the gradient of every parameter;
# 3. an **update of all parameters together**: $W^{(l)} \leftarrow W^{(l)} - \eta\, \partial L/\partial W^{(l)}$
#    and $b^{(l)} \leftarrow b^{(l)} - \eta\, \partial L/\partial b^{(l)}$ for every layer.
#
# One **epoch** is one pass over the whole training set. With $N$ training samples and batches
# of $B$, an epoch has $\lceil N / B \rceil$ iterations. With the whole set as one batch (as
# below, for XOR's four points), an iteration and an epoch are the same thing.
#
# Our `forward_backward` is all we need to train a network that learns XOR, the function that
# one perceptron cannot learn (chapter 01).

# %% [markdown] tags=["sv", "slide"]
# ## 5 En iteration, en epok
#
# Träningen upprepar en **iteration**:
#
# 1. ett **framåtpass** på en batch: värdena $Z^{(l)}, A^{(l)}$ och förlusten;
# 2. ett **bakåtpass**: de fyra ekvationerna, som ger gradienten för varje parameter;
# 3. en **uppdatering av alla parametrar samtidigt**:
#    $W^{(l)} \leftarrow W^{(l)} - \eta\, \partial L/\partial W^{(l)}$ och
#    $b^{(l)} \leftarrow b^{(l)} - \eta\, \partial L/\partial b^{(l)}$ för varje lager.
#
# En **epok** är ett pass genom hela träningsdata. Med $N$ exempel i träningsdata och batchar
# med $B$ exempel har en epok $\lceil N / B \rceil$ iterationer. När hela mängden är en enda
# batch (som nedan, för XOR:s fyra punkter) är en iteration och en epok samma sak.
#
# Vår `forward_backward` är allt som behövs för att träna ett nätverk som lär sig XOR,
# funktionen som en ensam perceptron inte kan lära sig (kapitel 01).

# %% tags=["en"]
def train_xor(W1, b1, W2, b2, learning_rate=1.0, iterations=2000, history=None):
    costs = []
    for _ in range(iterations):
        if history is not None:
            history.append(W1.copy())
        cost, (dW1, db1, dW2, db2) = forward_backward(X_xor, Y_xor, W1, b1, W2, b2)  # forward + backward
        W1, b1 = W1 - learning_rate * dW1, b1 - learning_rate * db1                   # every parameter
        W2, b2 = W2 - learning_rate * dW2, b2 - learning_rate * db2                   # updated together
        costs.append(cost)
    return (W1, b1, W2, b2), costs


rng = np.random.default_rng(0)
trained, costs_random = train_xor(rng.normal(size=(3, 2)), np.zeros(3), rng.normal(size=(1, 3)), np.zeros(1))
W1, b1, W2, b2 = trained
print("cost: first", round(costs_random[0], 4), " last", round(costs_random[-1], 5))
print("predictions for (0,0), (0,1), (1,0), (1,1):", sigmoid(np.tanh(X_xor @ W1.T + b1) @ W2.T + b2).ravel().round(3))

plot_losses({t("backprop.random_start"): costs_random}, log=True, title=t("backprop.xor_title"))
plt.show()

# %% tags=["sv"]
def train_xor(W1, b1, W2, b2, learning_rate=1.0, iterations=2000, history=None):
    costs = []
    for _ in range(iterations):
        if history is not None:
            history.append(W1.copy())
        cost, (dW1, db1, dW2, db2) = forward_backward(X_xor, Y_xor, W1, b1, W2, b2)  # framåt + bakåt
        W1, b1 = W1 - learning_rate * dW1, b1 - learning_rate * db1                   # alla parametrar
        W2, b2 = W2 - learning_rate * dW2, b2 - learning_rate * db2                   # uppdateras samtidigt
        costs.append(cost)
    return (W1, b1, W2, b2), costs


rng = np.random.default_rng(0)
trained, costs_random = train_xor(rng.normal(size=(3, 2)), np.zeros(3), rng.normal(size=(1, 3)), np.zeros(1))
W1, b1, W2, b2 = trained
print("kostnad: första", round(costs_random[0], 4), " sista", round(costs_random[-1], 5))
print("prediktioner för (0,0), (0,1), (1,0), (1,1):", sigmoid(np.tanh(X_xor @ W1.T + b1) @ W2.T + b2).ravel().round(3))

plot_losses({t("backprop.random_start"): costs_random}, log=True, title=t("backprop.xor_title"))
plt.show()

# %% [markdown] tags=["en"]
# **Check yourself.** A training set has $N = 1\,000$ samples. You train for 20 epochs with
# batches of $B = 50$. How many iterations is that, how many forward passes through the network,
# and how many times is each weight updated?
#
# <details><summary>Answer</summary>
#
# $1\,000 / 50 = 20$ iterations per epoch, so $20 \cdot 20 = 400$ iterations. Each iteration is
# one forward pass (on 50 samples) and one backward pass, so 400 forward passes on batches, and
# every weight is updated 400 times: all weights at every iteration, never one at a time.
#
# </details>

# %% [markdown] tags=["sv"]
# **Testa dig själv.** Träningsdata har $N = 1\,000$ exempel. Du tränar i 20 epoker med batchar
# med $B = 50$ exempel. Hur många iterationer blir det, hur många framåtpass genom nätverket,
# och hur många gånger uppdateras varje vikt?
#
# <details><summary>Svar</summary>
#
# $1\,000 / 50 = 20$ iterationer per epok, alltså $20 \cdot 20 = 400$ iterationer. Varje
# iteration är ett framåtpass (på 50 exempel) och ett bakåtpass, så det blir 400 framåtpass på
# batchar, och varje vikt uppdateras 400 gånger: alla vikter i varje iteration, aldrig en i
# taget.
#
# </details>

# %% [markdown] tags=["en", "slide"]
# ## 6 Why the weights start random
#
# The notes say that weights are usually initialised to random values before training starts.
# Why not start at zero, or at any one constant? Look at the equations. If every row of
# $W^{(1)}$ is the same and every entry of $W^{(2)}$ is the same, then every hidden node computes
# the same $z$, the same $a$, gets the same $\delta^{(1)}_j$ by (4) and so, by (2), the same
# gradient for its row. After the update the rows are still equal, and the same argument holds
# at the next iteration, and the next: **the hidden nodes stay identical forever**, and three
# nodes do the work of one. With all weights exactly $0$ it is even worse: with tanh,
# $a^{(1)} = 0$, so $\partial L / \partial W^{(2)} = 0$ by (2), and $\delta^{(1)} = 0$ by (4)
# because $W^{(2)} = 0$: only the output bias can learn.
#
# Random starting values break this **symmetry**: each node starts as a different function and
# receives a different gradient. The cell trains XOR from three starts.

# %% [markdown] tags=["sv", "slide"]
# ## 6 Varför vikterna startar slumpmässigt
#
# Anteckningarna säger att man brukar initiera vikterna till slumpmässiga värden innan
# träningen börjar. Varför inte börja med noll, eller med en och samma konstant? Titta på
# ekvationerna. Om varje rad i $W^{(1)}$ är likadan och varje element i $W^{(2)}$ är likadant,
# räknar varje dold nod ut samma $z$ och samma $a$, får samma $\delta^{(1)}_j$ enligt (4) och
# därmed, enligt (2), samma gradient för sin rad. Efter uppdateringen är raderna fortfarande
# lika, och samma resonemang gäller i nästa iteration och nästa: **de dolda noderna förblir
# identiska för alltid**, och tre noder gör samma arbete som en. Med alla vikter exakt $0$ är
# det ännu värre: med tanh är $a^{(1)} = 0$, så $\partial L / \partial W^{(2)} = 0$ enligt (2),
# och $\delta^{(1)} = 0$ enligt (4) eftersom $W^{(2)} = 0$: bara utdatalagrets bias kan lära sig.
#
# Slumpmässiga startvärden bryter den här **symmetrin**: varje nod börjar som en annan funktion
# och får en annan gradient. Cellen tränar XOR från tre starter.

# %% tags=["en"]
weight_history = []
(W1_constant, *_), costs_constant = train_xor(np.full((3, 2), 0.5), np.zeros(3), np.full((1, 3), 0.5), np.zeros(1),
                                              history=weight_history)
_, costs_zero = train_xor(np.zeros((3, 2)), np.zeros(3), np.zeros((1, 3)), np.zeros(1))
print("W1 after 2000 iterations from the constant start:\n", W1_constant.round(3))
print("last cost: random", round(costs_random[-1], 4), " constant", round(costs_constant[-1], 4),
      " zero", round(costs_zero[-1], 4))

fig, (ax_loss, ax_weights) = plt.subplots(1, 2, figsize=(12, 4))
plot_losses({t("backprop.random_start"): costs_random, t("backprop.constant_start"): costs_constant,
             t("backprop.zero_start"): costs_zero}, log=True, title=t("backprop.start_title"), ax=ax_loss)
plot_weight_paths(np.array(weight_history), title=t("backprop.symmetry_title"), ax=ax_weights)
fig.tight_layout()
plt.show()

# %% tags=["sv"]
weight_history = []
(W1_constant, *_), costs_constant = train_xor(np.full((3, 2), 0.5), np.zeros(3), np.full((1, 3), 0.5), np.zeros(1),
                                              history=weight_history)
_, costs_zero = train_xor(np.zeros((3, 2)), np.zeros(3), np.zeros((1, 3)), np.zeros(1))
print("W1 efter 2000 iterationer från den konstanta starten:\n", W1_constant.round(3))
print("sista kostnad: slumpmässig", round(costs_random[-1], 4), " konstant", round(costs_constant[-1], 4),
      " noll", round(costs_zero[-1], 4))

fig, (ax_loss, ax_weights) = plt.subplots(1, 2, figsize=(12, 4))
plot_losses({t("backprop.random_start"): costs_random, t("backprop.constant_start"): costs_constant,
             t("backprop.zero_start"): costs_zero}, log=True, title=t("backprop.start_title"), ax=ax_loss)
plot_weight_paths(np.array(weight_history), title=t("backprop.symmetry_title"), ax=ax_weights)
fig.tight_layout()
plt.show()

# %% [markdown] tags=["en"]
# From the constant start the six weights of $W^{(1)}$ move, but all together: the right plot
# shows one line where there are six, and after 2 000 iterations every entry is the same number.
# Three identical hidden nodes can only draw what one node draws, and the cost stays near
# $0.48$; from zero it never leaves $\ln 2 \approx 0.693$, the cost of answering $0.5$ for every
# point. The random start reaches about $0.001$. How *large* the random values should be is a
# question of its own (too small and the signal fades, too large and tanh saturates): chapter 09.

# %% [markdown] tags=["sv"]
# Från den konstanta starten rör sig de sex vikterna i $W^{(1)}$, men alla tillsammans: figuren
# till höger visar en linje där det finns sex, och efter 2 000 iterationer är varje element
# samma tal. Tre identiska dolda noder kan bara rita det som en nod ritar, och kostnaden stannar
# nära $0{,}48$; från noll lämnar den aldrig $\ln 2 \approx 0{,}693$, kostnaden för att svara
# $0{,}5$ för varje punkt. Den slumpmässiga starten når ungefär $0{,}001$. Hur *stora* de
# slumpmässiga värdena ska vara är en egen fråga (för små och signalen dör ut, för stora och
# tanh mättas): kapitel 09.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 4 minutes for §5 and §6 each. In §5, ask the check-yourself question
# aloud before opening the answer; the expected answer is 400 iterations and 400 updates of every
# weight. In §6, ask before running the cell: "if all weights start at 0.5, what will the hidden
# nodes look like after training?" Many expect them to drift apart by themselves; the right plot
# shows that they cannot. Point out that the argument uses only equations (2) and (4).

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 4 minuter vardera för §5 och §6. I §5: ställ frågan i ”Testa
# dig själv” högt innan svaret öppnas; förväntat svar är 400 iterationer och 400 uppdateringar
# av varje vikt. I §6: fråga innan cellen körs: ”om alla vikter startar på 0,5, hur ser de dolda
# noderna ut efter träningen?” Många tror att de glider isär av sig själva; figuren till höger
# visar att de inte kan det. Påpeka att resonemanget bara använder ekvation (2) och (4).

# %% [markdown] tags=["en", "slide"]
# ## 7 Two moons, end to end with nnlib
#
# XOR has four points. Two moons has two interleaving half circles that no straight line
# separates. We train the $2 \to 16 \to 16 \to 1$ network of §1 with `nnlib.fit`, which runs
# exactly the loop of §5 (shuffled batches of 20, forward, backward, `SGD` updates every
# parameter) and measures the loss on a validation set after every epoch. The output layer has
# no activation and `BinaryCrossEntropy(from_logits=True)` applies the sigmoid inside the loss,
# which is numerically stable; its $\delta^{(L)}$ is still $\frac1N(\hat Y - Y)$.

# %% [markdown] tags=["sv", "slide"]
# ## 7 Två månar, från början till slut med nnlib
#
# XOR har fyra punkter. Två månar har två halvcirklar som griper in i varandra och som ingen rät
# linje kan skilja åt. Vi tränar nätverket $2 \to 16 \to 16 \to 1$ från §1 med `nnlib.fit`, som
# kör precis loopen från §5 (blandade batchar med 20 exempel, framåt, bakåt, `SGD` uppdaterar
# varje parameter) och mäter förlusten på valideringsdata efter varje epok. Utdatalagret har
# ingen aktiveringsfunktion, och `BinaryCrossEntropy(from_logits=True)` använder sigmoiden inuti
# förlusten, vilket är numeriskt stabilt; dess $\delta^{(L)}$ är fortfarande $\frac1N(\hat Y - Y)$.

# %% tags=["en"]
X_moons, y_moons = make_dataset("moons", 400, noise=0.12, rng=0)
X_train, y_train, X_val, y_val = split_dataset(X_moons, y_moons, 0.7, rng=1)
Y_train, Y_val = y_train.reshape(-1, 1), y_val.reshape(-1, 1)

moons_net = MLP([2, 16, 16, 1], activation="tanh", output=None, rng=0)
history = fit(moons_net, BinaryCrossEntropy(from_logits=True), SGD(0.5), X_train, Y_train, epochs=150,
              batch_size=20, validation_data=(X_val, Y_val), rng=0, progress=False)
val_accuracy = accuracy(sigmoid(moons_net.forward(X_val)), Y_val)
print("iterations per epoch:", int(np.ceil(len(X_train) / 20)), " epochs:", len(history.loss))
print("loss: first epoch", round(history.loss[0], 4), " last", round(history.loss[-1], 4),
      " validation", round(history.val_loss[-1], 4), " validation accuracy", val_accuracy)

fig, (ax_map, ax_curve) = plt.subplots(1, 2, figsize=(12, 4.6))
plot_decision_boundary(moons_net, X_val, y_val, ax=ax_map,
                       title=t("backprop.moons_title", acc=fmt_percent(val_accuracy, decimals=0)))
plot_losses({t("backprop.train_loss"): history.loss, t("backprop.val_loss"): history.val_loss},
            xlabel=t("backprop.epoch"), ax=ax_curve)
fig.tight_layout()
plt.show()

# %% tags=["sv"]
X_moons, y_moons = make_dataset("moons", 400, noise=0.12, rng=0)
X_train, y_train, X_val, y_val = split_dataset(X_moons, y_moons, 0.7, rng=1)
Y_train, Y_val = y_train.reshape(-1, 1), y_val.reshape(-1, 1)

moons_net = MLP([2, 16, 16, 1], activation="tanh", output=None, rng=0)
history = fit(moons_net, BinaryCrossEntropy(from_logits=True), SGD(0.5), X_train, Y_train, epochs=150,
              batch_size=20, validation_data=(X_val, Y_val), rng=0, progress=False)
val_accuracy = accuracy(sigmoid(moons_net.forward(X_val)), Y_val)
print("iterationer i varje epok:", int(np.ceil(len(X_train) / 20)), " epoker:", len(history.loss))
print("förlust: första epoken", round(history.loss[0], 4), " sista", round(history.loss[-1], 4),
      " validering", round(history.val_loss[-1], 4), " träffsäkerhet på valideringsdata", val_accuracy)

fig, (ax_map, ax_curve) = plt.subplots(1, 2, figsize=(12, 4.6))
plot_decision_boundary(moons_net, X_val, y_val, ax=ax_map,
                       title=t("backprop.moons_title", acc=fmt_percent(val_accuracy, decimals=0)))
plot_losses({t("backprop.train_loss"): history.loss, t("backprop.val_loss"): history.val_loss},
            xlabel=t("backprop.epoch"), ax=ax_curve)
fig.tight_layout()
plt.show()

# %% [markdown] tags=["en"]
# The map shows the network's probability of class 1 (blue) at every point of the plane, the
# dark line is the decision boundary $p = 0.5$, and the points are the validation set, which the
# network never trained on. The boundary bends around both moons: two hidden layers of tanh
# nodes, each a smooth step along some direction, add up to a curve no single neuron could draw.
#
# The loss curves are not smooth. Each iteration steps along the gradient of one batch of 20
# samples, not of the whole training set, and now and then one batch pushes the weights too
# far and the loss jumps before the next batches repair it. This noise is the price of cheap
# iterations; you can watch it change with the batch size in the playground below.

# %% [markdown] tags=["sv"]
# Kartan visar nätverkets sannolikhet för klass 1 (blå) i varje punkt i planet, den mörka
# linjen är beslutsgränsen $p = 0{,}5$, och punkterna är valideringsdata, som nätverket aldrig
# har tränat på. Beslutsgränsen böjer sig runt båda månarna: två dolda lager med tanh-noder,
# var och en ett mjukt steg längs någon riktning, blir tillsammans en kurva som ingen enskild
# neuron kunde rita.
#
# Förlustkurvorna är inte jämna. Varje iteration tar ett steg längs gradienten för en batch med
# 20 exempel, inte för hela träningsdata, och då och då knuffar en batch vikterna för långt så
# att förlusten hoppar upp innan nästa batchar rättar till det. Det bruset är priset för billiga
# iterationer; i lekplatsen nedan kan du se hur det ändras med batchstorleken.

# %% [markdown] tags=["en", "slide"]
# ## 8 The training playground
#
# Now train networks yourself, live. The playground trains a network built with `nnlib` on
# data in the plane and redraws, while it trains, the probability map with the decision
# boundary, the training and validation loss per epoch, and (if you tick the box) the output of
# every node of the last hidden layer over the plane, titled with the weight that carries it to
# the output node. The output node adds those pictures, weighted, and puts the sum through the
# sigmoid: that is all the last layer does.
#
# - **Play** (▶) trains continuously, a few epochs per tick (the slider *epochs per step*); pause
#   (⏸) stops, and **Step** trains that many epochs once. **Reset** draws new random starting
#   weights.
# - The data set, its noise, the training share, the number of hidden layers, the nodes per
#   layer and the activation give a new network (and, for the first three, new data).
# - The learning rate, the batch size and the L2 strength $\lambda$ change the running training.
#   L2 adds $\frac{\lambda}{2}\sum w^2$ to the loss, so every update also pulls each weight
#   towards zero by $\eta\lambda w$ (chapter 11 returns to it).
#
# The status line under the controls shows the epoch, the number of iterations, both losses and
# the accuracy on training and validation data.

# %% [markdown] tags=["sv", "slide"]
# ## 8 Träningslekplatsen
#
# Träna nu nätverk själv, live. Lekplatsen tränar ett nätverk byggt med `nnlib` på data i
# planet och ritar om, medan den tränar, sannolikhetskartan med beslutsgränsen, förlusten på
# träningsdata och valideringsdata per epok och (om du kryssar i rutan) utdata från varje nod i
# det sista dolda lagret över planet, med den vikt som för den till utdatanoden som rubrik.
# Utdatanoden lägger ihop de bilderna, viktade, och skickar summan genom sigmoiden: det är allt
# som det sista lagret gör.
#
# - **Spela** (▶) tränar hela tiden, några epoker per tick (reglaget *epoker i varje steg*); paus
#   (⏸) stannar, och **Steg** tränar så många epoker en gång. **Börja om** drar nya
#   slumpmässiga startvikter.
# - Datamängden, dess brus, andelen träningsdata, antalet dolda lager, antalet noder per lager
#   och aktiveringsfunktionen ger ett nytt nätverk (och, för de tre första, nya data).
# - Inlärningstakten, batchstorleken och L2-styrkan $\lambda$ ändrar den pågående träningen. L2
#   lägger till $\frac{\lambda}{2}\sum w^2$ till förlusten, så varje uppdatering drar också varje
#   vikt mot noll med $\eta\lambda w$ (kapitel 11 återkommer till det).
#
# Statusraden under reglagen visar epoken, antalet iterationer, båda förlusterna och
# träffsäkerheten på träningsdata och valideringsdata.

# %%
Playground("xor", hidden=[4, 4], activation="tanh", learning_rate=0.1, batch_size=10, epochs_per_step=5)

# %% [markdown] tags=["en"]
# **Things to try.** Predict first, then press Play.
#
# 1. **XOR without a hidden layer.** Set the hidden layers to 0. What can the boundary look
#    like, and how high does the accuracy get? Then 1 hidden layer with 2 nodes, then 4.
# 2. **The linear activation.** Two hidden layers of 8 nodes, activation "linear (none)", on
#    circles. Compare with 0 hidden layers.
# 3. **The spiral.** Start with 2 layers of 4 nodes, then grow the network (try ReLU too)
#    until it solves the spiral. Tick "show the hidden units": what do the nodes of the last layer look like?
# 4. **The learning rate.** On two moons, try $\eta = 0.01$, $0.1$, $1$ and $3$.
# 5. **The batch size.** On two moons with noise 0.3, compare batch size 1 with 100. Which
#    loss curve is smoother? Which learns more per epoch?
# 6. **L2.** Two moons, noise 0.3, training share 0.2, 3 layers of 16 ReLU nodes, learning
#    rate 0.1: train about 1 000 epochs without L2, then Reset and train as long with
#    $\lambda = 0.01$. Watch the validation loss and the boundary.

# %% [markdown] tags=["sv"]
# **Att pröva.** Förutsäg först, tryck sedan på spela.
#
# 1. **XOR utan dolt lager.** Sätt antalet dolda lager till 0. Hur kan beslutsgränsen se ut, och
#    hur hög blir träffsäkerheten? Sedan 1 dolt lager med 2 noder, sedan 4.
# 2. **Den linjära aktiveringsfunktionen.** Två dolda lager med 8 noder, aktiveringen ”linjär
#    (ingen)”, på cirklar. Jämför med 0 dolda lager.
# 3. **Spiralen.** Börja med 2 lager med 4 noder och gör sedan nätverket större (pröva också
#    ReLU) tills det löser spiralen. Kryssa i ”visa de dolda noderna”: hur ser noderna i det sista lagret ut?
# 4. **Inlärningstakten.** På två månar: pröva $\eta = 0{,}01$, $0{,}1$, $1$ och $3$.
# 5. **Batchstorleken.** På två månar med bruset 0,3: jämför batchstorlek 1 med 100. Vilken
#    förlustkurva är jämnast? Vilken lär sig mest per epok?
# 6. **L2.** Två månar, brus 0,3, andel träning 0,2, 3 lager med 16 ReLU-noder,
#    inlärningstakt 0,1: träna ungefär 1 000 epoker utan L2, tryck sedan på Börja om och träna
#    lika länge med $\lambda = 0{,}01$. Titta på förlusten på valideringsdata och på
#    beslutsgränsen.

# %% [markdown] tags=["en"]
# <details><summary>What you should see</summary>
#
# 1. Without a hidden layer the network is logistic regression: the boundary is a straight line,
#    and on XOR the accuracy stays far from 100 % (on the validation points it can even fall
#    below 50 %). Two hidden nodes can cut the plane twice but often get stuck (60–90 %,
#    depending on the start: press Reset a few times); four solve it reliably (90 % or more).
# 2. Linear layers collapse into one linear function (chapter 02), so eight linear nodes in two
#    layers draw the same straight line as no hidden layer at all: circles stay unsolved.
# 3. Two layers of 4 are too few (about 70–85 %). With ReLU, two or three layers of 8–16 nodes
#    reach about 97 % or more in a few hundred epochs; tanh needs more epochs or a larger
#    learning rate. The last layer's nodes are curved regions, pieces of the spiral.
# 4. $0.01$ crawls (still below 90 % after 300 epochs), $0.1$–$1$ learn well, and at $3$ the loss
#    curve jumps up and down from epoch to epoch: steps that overshoot. If the loss ever becomes
#    infinite, the status line says so; lower the rate and press Reset.
# 5. Batch size 1 updates 100 times more often per epoch: more progress per epoch but a noisy
#    curve. Batch size 100 (the whole training set here) gives a smooth but slow curve.
# 6. Without L2 the training loss falls towards 0 while the validation loss turns up (from
#    about 0.33 to about 1), and the boundary wraps itself around single noisy training
#    points: overfitting (chapter 11). With $\lambda = 0.01$ the weights stay smaller, the
#    boundary smoother, and the validation loss stays near 0.34. The accuracy changes little:
#    the overfitted network is mostly wrong on the same points, but far more confident.
#
# </details>

# %% [markdown] tags=["sv"]
# <details><summary>Det här bör du se</summary>
#
# 1. Utan dolt lager är nätverket logistisk regression: beslutsgränsen är en rät linje, och på
#    XOR stannar träffsäkerheten långt från 100 % (på valideringsdata kan den till och med hamna
#    under 50 %). Två dolda noder kan dela planet två gånger men fastnar ofta (60–90 %, beroende
#    på starten: tryck på Börja om några gånger); fyra löser det säkert (90 % eller mer).
# 2. Linjära lager slås ihop till en enda linjär funktion (kapitel 02), så åtta linjära noder i
#    två lager ritar samma räta linje som inget dolt lager alls: cirklarna förblir olösta.
# 3. Två lager med 4 noder är för få (ungefär 70–85 %). Med ReLU når två eller tre lager med
#    8–16 noder ungefär 97 % eller mer på några hundra epoker; tanh behöver fler epoker eller en
#    större inlärningstakt. Noderna i det sista lagret är böjda områden, bitar av spiralen.
# 4. $0{,}01$ kryper fram (fortfarande under 90 % efter 300 epoker), $0{,}1$–$1$ lär sig bra,
#    och vid $3$ hoppar förlustkurvan upp och ner från epok till epok: steg som går för långt.
#    Om förlusten någon gång blir oändlig säger statusraden det; sänk då inlärningstakten och
#    tryck på Börja om.
# 5. Batchstorlek 1 uppdaterar 100 gånger oftare per epok: mer framsteg per epok men en brusig
#    kurva. Batchstorlek 100 (hela träningsdata här) ger en jämn men långsam kurva.
# 6. Utan L2 sjunker förlusten på träningsdata mot 0 medan förlusten på valideringsdata vänder
#    uppåt (från ungefär 0,33 till ungefär 1), och beslutsgränsen slingrar sig runt enskilda
#    brusiga träningspunkter: överanpassning (kapitel 11). Med $\lambda = 0{,}01$ förblir
#    vikterna mindre, beslutsgränsen jämnare, och förlusten på valideringsdata stannar nära
#    0,34. Träffsäkerheten ändras lite: det överanpassade nätverket har mest fel på samma
#    punkter, men är mycket säkrare på sin sak.
#
# </details>

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 5 minutes live, the rest as homework. Project the playground and do
# experiments 1 and 3 with the room predicting before you press Play: "will a straight line do
# for XOR?" Expected answer: no, at most 3 of the 4 quadrants right. Keep Play running while you
# talk: each tick is a few epochs of exactly the loop from §5. In exercise 07 the students can
# give the playground their own train_step and watch their own backpropagation train it.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 5 minuter live, resten som hemuppgift. Visa lekplatsen på
# projektorn och gör försök 1 och 3 medan salen förutsäger innan du trycker på spela: ”räcker en
# rät linje för XOR?” Förväntat svar: nej, högst 3 av de 4 kvadranterna rätt. Låt den spela
# medan du pratar: varje tick är några epoker av precis loopen från §5. I övning 07 kan
# studenterna ge lekplatsen sin egen train_step och se sin egen bakåtpropagering träna den.

# %% [markdown] tags=["en", "slide"]
# ## Going further (optional): why one backward pass is so cheap
#
# Count the work. The forward pass of a dense layer is one matrix product, $A W^\top$, of about
# $N\, n_{l-1}\, n_l$ multiplications. The backward pass needs two products of the same size,
# $\Delta^\top A$ for the weights and $\Delta W$ for the layer before, plus element-wise work.
# So a backward pass costs about twice a forward pass, **whatever the number of parameters**,
# and forward plus backward about three forward passes: against $2P$ forward passes for the
# numerical gradient.
#
# The reason is the direction. The chain rule can be multiplied out from the input side
# (forward mode: for each *input* or parameter, carry its derivative through the network) or
# from the output side (reverse mode: for the one *output*, the loss, carry
# $\partial L / \partial(\cdot)$ back). A network has millions of parameters and one loss, so the
# reverse direction, which does the work once per output, wins by a factor of about the number
# of parameters. Backpropagation is reverse mode applied to a network, and the automatic
# differentiation in PyTorch and JAX does the same on any computational graph (chapter 06).
#
# The price is memory: the backward pass needs $A^{(l-1)}$ and $Z^{(l)}$ (or $f'(Z^{(l)})$) of
# every layer, so the forward pass must keep them. That is what `nnlib` layers store as their
# cache, and why calling `backward` before `forward` raises an error.

# %% [markdown] tags=["sv", "slide"]
# ## Fördjupning (frivillig): varför ett bakåtpass är så billigt
#
# Räkna arbetet. Framåtpasset i ett fullt kopplat lager är en matrisprodukt, $A W^\top$, med
# ungefär $N\, n_{l-1}\, n_l$ multiplikationer. Bakåtpasset behöver två produkter av samma
# storlek, $\Delta^\top A$ för vikterna och $\Delta W$ för lagret före, plus arbete element för
# element. Ett bakåtpass kostar alltså ungefär två framåtpass, **oavsett antalet parametrar**,
# och framåt plus bakåt ungefär tre framåtpass: mot $2P$ framåtpass för den numeriska
# gradienten.
#
# Förklaringen är riktningen. Kedjeregeln kan multipliceras ut från indatasidan (framåtläge, forward mode:
# för varje *indata* eller parameter förs dess derivata genom nätverket) eller från
# utdatasidan (bakåtläge, reverse mode: för det enda *utdatavärdet*, förlusten, förs $\partial L / \partial(\cdot)$
# bakåt). Ett nätverk har miljontals parametrar och en förlust, så bakåtriktningen, som gör
# arbetet en gång per utdatavärde, vinner med en faktor som är ungefär antalet parametrar.
# Bakåtpropagering är bakåtläget använt på ett nätverk, och den automatiska deriveringen i
# PyTorch och JAX gör samma sak på vilken beräkningsgraf som helst (kapitel 06).
#
# Priset är minne: bakåtpasset behöver $A^{(l-1)}$ och $Z^{(l)}$ (eller $f'(Z^{(l)})$) för varje
# lager, så framåtpasset måste spara dem. Det är det som lagren i `nnlib` sparar som sin cache,
# och därför ger ett anrop av `backward` före `forward` ett fel.

# %% [markdown] tags=["en", "slide"]
# ## Summary
#
# - **One weight at a time** (nudge it, others frozen) gives the partial derivative, but costs
#   two forward passes per parameter. It is the **gradient check**, not the training method.
# - **Backpropagation**, with the error $\delta^{(l)} = \partial L / \partial z^{(l)}$:
#   (1) $\delta^{(L)} = \hat y - y$ for a sigmoid with cross-entropy;
#   (2) $\partial L / \partial W^{(l)} = \delta^{(l)} (a^{(l-1)})^\top$;
#   (3) $\partial L / \partial b^{(l)} = \delta^{(l)}$;
#   (4) $\delta^{(l)} = \bigl((W^{(l+1)})^\top \delta^{(l+1)}\bigr) \odot f_l'(z^{(l)})$.
# - **Batch** (samples in rows): $\Delta^{(L)} = \frac1N(\hat Y - Y)$,
#   $\partial L/\partial W^{(l)} = (\Delta^{(l)})^\top A^{(l-1)}$, $\partial L/\partial b^{(l)} =$ column sums
#   of $\Delta^{(l)}$, $\Delta^{(l)} = (\Delta^{(l+1)} W^{(l+1)}) \odot f_l'(Z^{(l)})$. Check every shape.
# - One **iteration** = one forward pass + one backward pass + an update of **all** parameters
#   together; one **epoch** = one pass over the training data, $\lceil N/B \rceil$ iterations.
# - Weights start **random**: equal weights give identical hidden nodes forever (symmetry), zero
#   weights give no gradient at all.
# - `nnlib`: `model.backward(loss.backward())` fills every layer's `grads`; `fit` runs the
#   iterations and epochs.
#
# **Next.** In [exercise 07](../../exercises/en/07_backpropagation.ipynb) you write the backward
# pass of a dense layer and of ReLU, put them together into a full training step, and train your
# own network on XOR; at the end you can give your training step to this playground. Chapter 08,
# [softmax](08_softmax.ipynb), gives the network one output node per class.

# %% [markdown] tags=["sv", "slide"]
# ## Sammanfattning
#
# - **En vikt i taget** (putta på den, de andra låsta) ger den partiella derivatan, men kostar
#   två framåtpass per parameter. Det är **gradientkontrollen**, inte träningsmetoden.
# - **Bakåtpropagering**, med felet $\delta^{(l)} = \partial L / \partial z^{(l)}$:
#   (1) $\delta^{(L)} = \hat y - y$ för en sigmoid med korsentropi;
#   (2) $\partial L / \partial W^{(l)} = \delta^{(l)} (a^{(l-1)})^\top$;
#   (3) $\partial L / \partial b^{(l)} = \delta^{(l)}$;
#   (4) $\delta^{(l)} = \bigl((W^{(l+1)})^\top \delta^{(l+1)}\bigr) \odot f_l'(z^{(l)})$.
# - **Batch** (exemplen i rader): $\Delta^{(L)} = \frac1N(\hat Y - Y)$,
#   $\partial L/\partial W^{(l)} = (\Delta^{(l)})^\top A^{(l-1)}$, $\partial L/\partial b^{(l)} =$
#   kolumnsummorna av $\Delta^{(l)}$, $\Delta^{(l)} = (\Delta^{(l+1)} W^{(l+1)}) \odot f_l'(Z^{(l)})$.
#   Kontrollera varje form.
# - En **iteration** = ett framåtpass + ett bakåtpass + en uppdatering av **alla** parametrar
#   samtidigt; en **epok** = ett pass genom träningsdata, $\lceil N/B \rceil$ iterationer.
# - Vikterna startar **slumpmässigt**: lika vikter ger dolda noder som är identiska för alltid
#   (symmetri), och nollvikter ger ingen gradient alls.
# - `nnlib`: `model.backward(loss.backward())` fyller varje lagers `grads`; `fit` kör
#   iterationerna och epokerna.
#
# **Nästa steg.** I [övning 07](../../exercises/sv/07_backpropagation.ipynb) skriver du bakåtpasset
# för ett fullt kopplat lager och för ReLU, sätter ihop dem till ett helt träningssteg och
# tränar ditt eget nätverk på XOR; på slutet kan du ge ditt träningssteg till den här
# lekplatsen. Kapitel 08, [softmax](08_softmax.ipynb), ger nätverket en utdatanod per klass.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** Two minutes for the summary. Questions to close with: "which of the four
# equations moves the error one layer back?" (4); "why do we never train with the numerical
# gradient?" (2P forward passes per step; it is for checking); "what breaks if all weights start
# at 0.5?" (identical nodes). Expected difficulties in the exercise: dividing by N instead of
# N·n_out in the squared error, and passing A1 instead of Z1 to the ReLU backward.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Två minuter för sammanfattningen. Frågor att avsluta med: ”vilken av
# de fyra ekvationerna för felet ett lager bakåt?” (4); ”varför tränar vi aldrig med den
# numeriska gradienten?” (2P framåtpass per steg; den är till för kontroll); ”vad går sönder om
# alla vikter startar på 0,5?” (identiska noder). Väntade svårigheter i övningen: att dela med N
# i stället för N·n_out i kvadratfelet, och att skicka A1 i stället för Z1 till bakåtpasset för
# ReLU.
