# %% [markdown] tags=["en", "slide"]
# # 03 Forward pass and architecture
#
# One neuron draws one line (chapter 01), and a non-linear activation function bends it
# (chapter 02). A neural network puts many neurons side by side in **layers** and layers one
# after the other. This chapter shows how one data point travels through such a network, first
# neuron by neuron by hand, then with one matrix product per layer, then for a whole batch at
# once, and finally with `nnlib`. Then we ask how large a network should be.
#
# **After this chapter you can**
#
# - compute a forward pass through a fully connected network by hand and with matrices, for one
#   sample and for a batch;
# - write the layer equations with the correct vectors and both conventions for the bias;
# - choose the input and output sizes for a task and count a network's parameters;
# - tell hyperparameters (chosen by you) from parameters (learned).

# %% [markdown] tags=["sv", "slide"]
# # 03 Framåtpass och arkitektur
#
# En neuron drar en linje (kapitel 01), och en icke-linjär aktiveringsfunktion böjer den
# (kapitel 02). Ett neuralt nätverk placerar många neuroner bredvid varandra i **lager** och
# lagren efter varandra. Det här kapitlet visar hur en datapunkt färdas genom ett sådant nätverk,
# först neuron för neuron för hand, sedan med en matrisprodukt per lager, sedan för en hel batch
# på en gång och till sist med `nnlib`. Därefter frågar vi oss hur stort ett nätverk bör vara.
#
# **Efter kapitlet kan du**
#
# - beräkna ett framåtpass genom ett fullt kopplat nätverk för hand och med matriser, för en
#   datapunkt och för en batch;
# - skriva lagerekvationerna med rätt vektorer och med båda sätten att hantera bias;
# - välja storlek på indata och utdata för en uppgift och räkna ett nätverks parametrar;
# - skilja hyperparametrar (som du väljer) från parametrar (som lärs in).

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** Plan for 45 minutes: layers and notation 4 min, one layer as a matrix 7, the
# forward pass by hand 9, the batch form 6, `nnlib` 3, counting parameters 4, architecture 4,
# hyperparameters 2, the builder widget 5, summary 1. The hand example, x = (1, 2) through [2, 3,
# 1], is the thread of the lecture: write its numbers in a corner of the board and leave them there.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Plan för 45 minuter: lager och notation 4 min, ett lager som matris 7,
# framåtpasset för hand 9, batchformen 6, `nnlib` 3, att räkna parametrar 4, arkitektur 4,
# hyperparametrar 2, byggwidgeten 5, sammanfattning 1. Handexemplet, x = (1, 2) genom [2, 3, 1], är
# föreläsningens röda tråd: skriv dess tal i ett hörn av tavlan och låt dem stå kvar.

# %%
from course import set_language
set_language("en")

import matplotlib.pyplot as plt
import numpy as np

from course import t
from nnlib import activations
from nnlib.layers import Dense
from nnlib.model import MLP, Sequential

# %% [markdown] tags=["en", "slide"]
# ## 1 Input, hidden and output layers
#
# A network has three kinds of layers:
#
# - the **input layer** holds the data point itself, $x = (x_1, \dots, x_n)$. It computes
#   nothing and has no weights;
# - one or more **hidden layers**, so called because we never see their values directly, only
#   what comes out at the end. They are the core of the network: every hidden layer lets the
#   model build a more complex, more non-linear function out of the previous one;
# - the **output layer** gives the prediction $\hat y$.
#
# A network with many hidden layers is a **deep neural network**, and training one is **deep
# learning**. Here every neuron is connected to every neuron in the next layer: the network is
# **fully connected**, and its layers are fully connected (dense) layers.
#
# The notation, from chapter 00: layer $l$ has the activations $a^{(l)}_j$ (with $a^{(0)} = x$),
# and $w^{(l)}_{jk}$ is the weight **to** node $j$ in layer $l$ **from** node $k$ in layer $l - 1$.
# Each node in layers $1, 2, \dots$ also has a bias $b^{(l)}_j$. The picture shows the network
# we compute by hand below, with sizes $[2, 3, 1]$, and one weight, $w^{(1)}_{21}$, marked.

# %% [markdown] tags=["sv", "slide"]
# ## 1 Indatalager, dolda lager och utdatalager
#
# Ett nätverk har tre sorters lager:
#
# - **indatalagret** innehåller själva datapunkten, $x = (x_1, \dots, x_n)$. Det beräknar ingenting
#   och har inga vikter;
# - ett eller flera **dolda lager**, som kallas så eftersom vi aldrig ser deras värden direkt, bara
#   det som kommer ut i slutet. De är nätverkets kärna: varje dolt lager låter modellen bygga en
#   mer komplex, mer icke-linjär funktion av det föregående lagrets utdata;
# - **utdatalagret** ger prediktionen $\hat y$.
#
# Ett nätverk med många dolda lager är ett **djupt neuralt nätverk**, och att träna ett sådant
# kallas **djupinlärning**. Här är varje neuron kopplad till varje neuron i nästa lager: nätverket
# är **fullt kopplat**, och dess lager är fullt kopplade lager.
#
# Beteckningarna från kapitel 00: lager $l$ har aktiveringarna $a^{(l)}_j$ (med $a^{(0)} = x$),
# och $w^{(l)}_{jk}$ är vikten **till** nod $j$ i lager $l$ **från** nod $k$ i lager $l - 1$.
# Varje nod i lager $1, 2, \dots$ har också en bias $b^{(l)}_j$. Bilden visar nätverket som vi
# räknar på för hand nedan, med storlekarna $[2, 3, 1]$, och en vikt, $w^{(1)}_{21}$, markerad.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** ≈ 4 min. Draw the [2, 3, 1] network and mark w⁽¹⁾₂₁ (to node 2 of layer 1 from
# input 1). Ask: "How many weights and biases?" Expect 2 · 3 + 3 · 1 = 9 weights and 3 + 1 = 4
# biases, 13 in all. Watch for the input layer counted as a layer of neurons: it holds the data and
# computes nothing, so in the course's counting this network has two layers (L = 2).

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** ≈ 4 min. Rita nätverket [2, 3, 1] och markera w⁽¹⁾₂₁ (till nod 2 i lager
# 1 från indatavärde 1). Fråga: ”Hur många vikter och biasvärden?” Förväntat svar: 2 · 3 + 3 · 1 = 9
# vikter och 3 + 1 = 4 biasvärden, 13 sammanlagt. Se upp för att indatalagret räknas som ett lager
# av neuroner: det innehåller indata och beräknar ingenting, så med kursens sätt att räkna har
# nätverket två lager (L = 2).

# %%
from course.widgets.welcome import draw_network

fig, ax = plt.subplots(figsize=(6.5, 4.5))
draw_network(ax, [2, 3, 1], highlight=(1, 2, 1))
ax.set_title(t("architecture.notation_title", sizes=[2, 3, 1]))
plt.show()

# %% [markdown] tags=["en", "slide"]
# ## 2 One layer, neuron by neuron and as a matrix
#
# Node $j$ of layer 1 is a neuron from chapter 02. It takes all inputs:
#
# $$z^{(1)}_j = \sum_{k=1}^{n} w^{(1)}_{jk}\, x_k + b^{(1)}_j, \qquad a^{(1)}_j = \varphi\bigl(z^{(1)}_j\bigr).$$
#
# Writing this for all nodes $j$ at once is exactly a matrix–vector product. For 4 inputs and 3
# hidden neurons:
#
# $$\begin{bmatrix} a^{(1)}_1 \\ a^{(1)}_2 \\ a^{(1)}_3 \end{bmatrix}
#   = \varphi\left(
#   \begin{bmatrix}
#     w^{(1)}_{11} & w^{(1)}_{12} & w^{(1)}_{13} & w^{(1)}_{14} \\
#     w^{(1)}_{21} & w^{(1)}_{22} & w^{(1)}_{23} & w^{(1)}_{24} \\
#     w^{(1)}_{31} & w^{(1)}_{32} & w^{(1)}_{33} & w^{(1)}_{34}
#   \end{bmatrix}
#   \begin{bmatrix} x_1 \\ x_2 \\ x_3 \\ x_4 \end{bmatrix}
#   + \begin{bmatrix} b^{(1)}_1 \\ b^{(1)}_2 \\ b^{(1)}_3 \end{bmatrix}
#   \right),
#   \qquad\text{short: } a^{(1)} = \varphi\bigl(W^{(1)} x + b^{(1)}\bigr).$$
#
# Row $j$ of $W^{(1)}$ holds the weights *into* neuron $j$, column $k$ the weights *out of*
# input $k$. So $W^{(1)}$ has shape $(n_\text{out}, n_\text{in}) = (3, 4)$, and the entry in row
# $j$, column $k$ is $w^{(1)}_{jk}$, which is why the index order is "to, from". (In numpy,
# `W1[j - 1, k - 1]` holds $w^{(1)}_{jk}$, because Python counts from 0.) The next layer works the
# same way, with $a^{(1)}$ as its input. With one output neuron:
#
# $$\bigl[a^{(2)}_1\bigr] = \varphi\left(
#   \begin{bmatrix} w^{(2)}_{11} & w^{(2)}_{12} & w^{(2)}_{13} \end{bmatrix}
#   \begin{bmatrix} a^{(1)}_1 \\ a^{(1)}_2 \\ a^{(1)}_3 \end{bmatrix} + b^{(2)}_1 \right),
#   \qquad a^{(2)} = \varphi\bigl(W^{(2)} a^{(1)} + b^{(2)}\bigr).$$
#
# **A common slip.** Each vector lists every entry exactly once and in order: $x_1, x_2, x_3, x_4$
# and $a^{(1)}_1, a^{(1)}_2, a^{(1)}_3$. The study note this course comes from wrote $x_1$ twice
# and $a_2$ twice. That would multiply the last weight of each row by the wrong number and never
# use $x_4$ or $a^{(1)}_3$ at all. (The note also wrote the input vector to the left of the equals
# sign, next to the result; it belongs only inside $\varphi(\dots)$.) A quick check: the length
# of the vector must equal the number of columns of $W$, and entry $k$ must be the output of node
# $k$ in the previous layer.

# %% [markdown] tags=["sv", "slide"]
# ## 2 Ett lager, neuron för neuron och som matris
#
# Nod $j$ i lager 1 är en neuron från kapitel 02. Den tar emot alla indata:
#
# $$z^{(1)}_j = \sum_{k=1}^{n} w^{(1)}_{jk}\, x_k + b^{(1)}_j, \qquad a^{(1)}_j = \varphi\bigl(z^{(1)}_j\bigr).$$
#
# Att skriva detta för alla noder $j$ samtidigt är precis en produkt mellan en matris och en
# vektor. För 4 indatavärden och 3 dolda neuroner:
#
# $$\begin{bmatrix} a^{(1)}_1 \\ a^{(1)}_2 \\ a^{(1)}_3 \end{bmatrix}
#   = \varphi\left(
#   \begin{bmatrix}
#     w^{(1)}_{11} & w^{(1)}_{12} & w^{(1)}_{13} & w^{(1)}_{14} \\
#     w^{(1)}_{21} & w^{(1)}_{22} & w^{(1)}_{23} & w^{(1)}_{24} \\
#     w^{(1)}_{31} & w^{(1)}_{32} & w^{(1)}_{33} & w^{(1)}_{34}
#   \end{bmatrix}
#   \begin{bmatrix} x_1 \\ x_2 \\ x_3 \\ x_4 \end{bmatrix}
#   + \begin{bmatrix} b^{(1)}_1 \\ b^{(1)}_2 \\ b^{(1)}_3 \end{bmatrix}
#   \right),
#   \qquad\text{kort: } a^{(1)} = \varphi\bigl(W^{(1)} x + b^{(1)}\bigr).$$
#
# Rad $j$ i $W^{(1)}$ innehåller vikterna *in till* neuron $j$, kolumn $k$ vikterna *ut från*
# indatavärde $k$. Alltså har $W^{(1)}$ formen $(n_\text{ut}, n_\text{in}) = (3, 4)$, och elementet i
# rad $j$, kolumn $k$ är $w^{(1)}_{jk}$, vilket är skälet till indexordningen ”till, från”. (I numpy
# finns $w^{(1)}_{jk}$ i `W1[j - 1, k - 1]`, eftersom Python räknar från 0.) Nästa lager fungerar
# på samma sätt, med $a^{(1)}$ som indata. Med en utdataneuron:
#
# $$\bigl[a^{(2)}_1\bigr] = \varphi\left(
#   \begin{bmatrix} w^{(2)}_{11} & w^{(2)}_{12} & w^{(2)}_{13} \end{bmatrix}
#   \begin{bmatrix} a^{(1)}_1 \\ a^{(1)}_2 \\ a^{(1)}_3 \end{bmatrix} + b^{(2)}_1 \right),
#   \qquad a^{(2)} = \varphi\bigl(W^{(2)} a^{(1)} + b^{(2)}\bigr).$$
#
# **Ett vanligt misstag.** Varje vektor räknar upp varje element exakt en gång och i ordning:
# $x_1, x_2, x_3, x_4$ och $a^{(1)}_1, a^{(1)}_2, a^{(1)}_3$. Anteckningen som kursen bygger på
# skrev $x_1$ två gånger och $a_2$ två gånger. Då skulle den sista vikten i varje rad multipliceras
# med fel tal, och $x_4$ och $a^{(1)}_3$ skulle aldrig användas. (Anteckningen skrev dessutom
# indatavektorn till vänster om likhetstecknet, bredvid resultatet; den hör bara hemma inuti
# $\varphi(\dots)$.) En snabb kontroll: vektorns längd ska vara lika med antalet kolumner i $W$,
# och element $k$ ska vara utdata från nod $k$ i föregående lager.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** ≈ 7 min including the two ways to write the bias. Ask: "What shape is W⁽¹⁾ for
# 4 inputs and 3 hidden neurons?" Expect (3, 4); check with "number of columns = length of the
# vector it multiplies". Show the slip of the study note: with x₁ written twice, x₄ is never used.
# Warn that Keras stores a dense layer's weights as (n_in, n_out); this course and PyTorch use
# (n_out, n_in).

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** ≈ 7 min inklusive de två sätten att skriva bias. Fråga: ”Vilken form har
# W⁽¹⁾ för 4 indatavärden och 3 dolda neuroner?” Förväntat svar: (3, 4); kontrollera med ”antalet kolumner =
# längden på vektorn som matrisen multipliceras med”. Visa felet i anteckningen: med x₁ skrivet två
# gånger används x₄ aldrig. Varna för att Keras lagrar ett fullt kopplat lagers vikter som (n_in,
# n_out); den här kursen och PyTorch använder (n_out, n_in).

# %% [markdown] tags=["en"]
# ### Two ways to write the bias
#
# Both are common, and they compute the same thing.
#
# 1. **Explicit bias** (used in this course and in `nnlib`): $z = W x + b$ with $W$ of shape
#    $(n_\text{out}, n_\text{in})$ and a separate vector $b$.
# 2. **Bias as weight $w_{j0}$** (chapter 01's perceptron, and the study note's
#    $\hat y = \varphi\bigl(\sum_{i=0}^{n} w_i x_i\bigr)$): add a constant input $x_0 = 1$ and put
#    the bias in an extra first column, $w_{j0} = b_j$. For a layer of $m$ neurons with $n$ inputs:
#
# $$\tilde W = \begin{bmatrix} b_1 & w_{11} & \cdots & w_{1n} \\ \vdots & \vdots & & \vdots \\
#   b_m & w_{m1} & \cdots & w_{mn} \end{bmatrix}, \qquad
#   \tilde x = \begin{bmatrix} 1 \\ x_1 \\ \vdots \\ x_n \end{bmatrix}, \qquad
#   \tilde W \tilde x = W x + b .$$
#
# The second form is shorter on paper, but in code the bias is easier to handle on its own: it
# needs no extra column of ones for each layer, and later it gets its own gradient.

# %% [markdown] tags=["sv"]
# ### Två sätt att skriva bias
#
# Båda är vanliga, och de beräknar samma sak.
#
# 1. **Explicit bias** (som i den här kursen och i `nnlib`): $z = W x + b$ där $W$ har formen
#    $(n_\text{ut}, n_\text{in})$ och $b$ är en egen vektor.
# 2. **Bias som vikten $w_{j0}$** (perceptronen i kapitel 01, och anteckningens
#    $\hat y = \varphi\bigl(\sum_{i=0}^{n} w_i x_i\bigr)$): lägg till en konstant indata $x_0 = 1$
#    och placera biasen i en extra första kolumn, $w_{j0} = b_j$. För ett lager med $m$ neuroner och
#    $n$ indata:
#
# $$\tilde W = \begin{bmatrix} b_1 & w_{11} & \cdots & w_{1n} \\ \vdots & \vdots & & \vdots \\
#   b_m & w_{m1} & \cdots & w_{mn} \end{bmatrix}, \qquad
#   \tilde x = \begin{bmatrix} 1 \\ x_1 \\ \vdots \\ x_n \end{bmatrix}, \qquad
#   \tilde W \tilde x = W x + b .$$
#
# Den andra formen är kortare på papper, men i kod är det enklare att hålla biasen för sig: den
# behöver ingen extra kolumn med ettor i varje lager, och senare får den en egen gradient.

# %% [markdown] tags=["en", "slide"]
# ## 3 A forward pass by hand
#
# The network $[2, 3, 1]$ from the picture, with ReLU in the hidden layer and sigmoid at the
# output (a binary classifier, chapter 02):
#
# $$W^{(1)} = \begin{bmatrix} 1 & -1 \\ 0.5 & 0.5 \\ -1 & 2 \end{bmatrix}, \quad
#   b^{(1)} = \begin{bmatrix} 0 \\ 1 \\ -2 \end{bmatrix}, \quad
#   W^{(2)} = \begin{bmatrix} 1 & -1 & 2 \end{bmatrix}, \quad
#   b^{(2)} = \begin{bmatrix} 1 \end{bmatrix}, \quad
#   x = \begin{bmatrix} 1 \\ 2 \end{bmatrix}.$$
#
# **Hidden layer**, one neuron at a time:
#
# - $z^{(1)}_1 = 1 \cdot 1 + (-1) \cdot 2 + 0 = -1$, so $a^{(1)}_1 = \operatorname{ReLU}(-1) = 0$;
# - $z^{(1)}_2 = 0.5 \cdot 1 + 0.5 \cdot 2 + 1 = 2.5$, so $a^{(1)}_2 = 2.5$;
# - $z^{(1)}_3 = (-1) \cdot 1 + 2 \cdot 2 - 2 = 1$, so $a^{(1)}_3 = 1$.
#
# **Output layer**: $z^{(2)}_1 = 1 \cdot 0 + (-1) \cdot 2.5 + 2 \cdot 1 + 1 = 0.5$ and
# $\hat y = \sigma(0.5) = 1/(1 + e^{-0.5}) \approx 0.6225$.
#
# That is the whole **forward pass**: put one data point in and compute every step through the
# whole network until the output comes out. Now the same in numpy, first with loops that follow
# the sum formula, then with one matrix product per layer:

# %% [markdown] tags=["sv", "slide"]
# ## 3 Ett framåtpass för hand
#
# Nätverket $[2, 3, 1]$ från bilden, med ReLU i det dolda lagret och sigmoid i utdatalagret (en
# binär klassificerare, kapitel 02):
#
# $$W^{(1)} = \begin{bmatrix} 1 & -1 \\ 0{,}5 & 0{,}5 \\ -1 & 2 \end{bmatrix}, \quad
#   b^{(1)} = \begin{bmatrix} 0 \\ 1 \\ -2 \end{bmatrix}, \quad
#   W^{(2)} = \begin{bmatrix} 1 & -1 & 2 \end{bmatrix}, \quad
#   b^{(2)} = \begin{bmatrix} 1 \end{bmatrix}, \quad
#   x = \begin{bmatrix} 1 \\ 2 \end{bmatrix}.$$
#
# **Dolda lagret**, en neuron i taget:
#
# - $z^{(1)}_1 = 1 \cdot 1 + (-1) \cdot 2 + 0 = -1$, alltså $a^{(1)}_1 = \operatorname{ReLU}(-1) = 0$;
# - $z^{(1)}_2 = 0{,}5 \cdot 1 + 0{,}5 \cdot 2 + 1 = 2{,}5$, alltså $a^{(1)}_2 = 2{,}5$;
# - $z^{(1)}_3 = (-1) \cdot 1 + 2 \cdot 2 - 2 = 1$, alltså $a^{(1)}_3 = 1$.
#
# **Utdatalagret**: $z^{(2)}_1 = 1 \cdot 0 + (-1) \cdot 2{,}5 + 2 \cdot 1 + 1 = 0{,}5$ och
# $\hat y = \sigma(0{,}5) = 1/(1 + e^{-0{,}5}) \approx 0{,}6225$.
#
# Det är hela **framåtpasset**: stoppa in en datapunkt och beräkna varje steg genom hela nätverket
# tills utdata kommer ut. Nu samma sak i numpy, först med loopar som följer summaformeln, sedan
# med en matrisprodukt per lager:

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** ≈ 9 min including the composition g(x). Let the students compute in pairs for
# 3 minutes before you show the numbers: z⁽¹⁾ = (−1, 2.5, 1), a⁽¹⁾ = (0, 2.5, 1), z⁽²⁾ = 0.5, ŷ ≈
# 0.6225. Common slips: forgetting the bias, applying ReLU to the output too, ReLU(−1) = −1. Point
# out that hidden neuron 1 outputs 0 for this x, so its outgoing weight does not matter for this
# sample.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** ≈ 9 min inklusive sammansättningen g(x). Låt studenterna räkna två och
# två i 3 minuter innan du visar talen: z⁽¹⁾ = (−1; 2,5; 1), a⁽¹⁾ = (0; 2,5; 1), z⁽²⁾ = 0,5, ŷ ≈
# 0,6225. Vanliga misstag: att glömma bias, att använda ReLU även i utdatalagret, att skriva ReLU(−1) =
# −1. Påpeka att dold neuron 1 ger 0 för det här x, så dess utgående vikt spelar ingen roll för den
# här datapunkten.

# %% tags=["en"]
W1 = np.array([[1.0, -1.0], [0.5, 0.5], [-1.0, 2.0]])
b1 = np.array([0.0, 1.0, -2.0])
W2 = np.array([[1.0, -1.0, 2.0]])
b2 = np.array([1.0])
x = np.array([1.0, 2.0])

z1 = np.zeros(3)
for j in range(3):
    for k in range(2):
        z1[j] += W1[j, k] * x[k]
    z1[j] += b1[j]
print("neuron by neuron: z1 =", z1)

z1 = W1 @ x + b1
a1 = activations.relu(z1)
z2 = W2 @ a1 + b2
y_hat = activations.sigmoid(z2)
print("as matrices:      z1 =", z1, " a1 =", a1, " z2 =", z2, " y_hat =", y_hat.round(4))

# %% tags=["sv"]
W1 = np.array([[1.0, -1.0], [0.5, 0.5], [-1.0, 2.0]])
b1 = np.array([0.0, 1.0, -2.0])
W2 = np.array([[1.0, -1.0, 2.0]])
b2 = np.array([1.0])
x = np.array([1.0, 2.0])

z1 = np.zeros(3)
for j in range(3):
    for k in range(2):
        z1[j] += W1[j, k] * x[k]
    z1[j] += b1[j]
print("neuron för neuron: z1 =", z1)

z1 = W1 @ x + b1
a1 = activations.relu(z1)
z2 = W2 @ a1 + b2
y_hat = activations.sigmoid(z2)
print("med matriser:     z1 =", z1, " a1 =", a1, " z2 =", z2, " y_hat =", y_hat.round(4))

# %% [markdown] tags=["en"]
# The other bias convention gives the same numbers: put $b^{(1)}$ in front of $W^{(1)}$ as
# column 0 and a 1 in front of $x$.

# %% [markdown] tags=["sv"]
# Det andra sättet att skriva bias ger samma tal: sätt $b^{(1)}$ först i $W^{(1)}$ som kolumn 0
# och en etta först i $x$.

# %% tags=["en"]
W1_tilde = np.column_stack([b1, W1])
x_tilde = np.concatenate([[1.0], x])
print(W1_tilde)
print("W1_tilde @ x_tilde =", W1_tilde @ x_tilde, "  W1 @ x + b1 =", W1 @ x + b1)

# %% tags=["sv"]
W1_tilde = np.column_stack([b1, W1])
x_tilde = np.concatenate([[1.0], x])
print(W1_tilde)
print("W1_tilde @ x_tilde =", W1_tilde @ x_tilde, "  W1 @ x + b1 =", W1 @ x + b1)

# %% [markdown] tags=["en"]
# ### The whole network as one function
#
# Layer after layer, the network computes a composition of functions. With $L$ layers and
# activation function $f_l$ in layer $l$:
#
# $$g(x) = f_L\Bigl(W^{(L)} f_{L-1}\bigl(\cdots f_1\bigl(W^{(1)} x + b^{(1)}\bigr) \cdots\bigr) + b^{(L)}\Bigr).$$
#
# (With the bias hidden in $x_0 = 1$, as in the study notes, this is
# $g(x) = f_L(W_L f_{L-1}(\cdots f_1(W_1 x) \cdots))$.) Training looks for weights such that
# $g(x_i) \approx y_i$ for every training pair $(x_i, y_i)$. In code the composition is a loop
# over the layers:

# %% [markdown] tags=["sv"]
# ### Hela nätverket som en funktion
#
# Lager för lager beräknar nätverket en sammansättning av funktioner. Med $L$ lager och
# aktiveringsfunktionen $f_l$ i lager $l$:
#
# $$g(x) = f_L\Bigl(W^{(L)} f_{L-1}\bigl(\cdots f_1\bigl(W^{(1)} x + b^{(1)}\bigr) \cdots\bigr) + b^{(L)}\Bigr).$$
#
# (Med biasen gömd i $x_0 = 1$, som i anteckningarna, blir det
# $g(x) = f_L(W_L f_{L-1}(\cdots f_1(W_1 x) \cdots))$.) Träningen söker vikter så att
# $g(x_i) \approx y_i$ för varje träningspar $(x_i, y_i)$. I kod är sammansättningen en loop över
# lagren:

# %%
def forward(x, layers):
    a = x
    for W, b, f in layers:
        a = f(W @ a + b)
    return a


network = [(W1, b1, activations.relu), (W2, b2, activations.sigmoid)]
print("g(x) =", forward(x, network).round(4))

# %% [markdown] tags=["en"]
# **Check yourself**
#
# 1. What is $z^{(1)}$ in the example network when $x = (0, 0)$?
# 2. A layer goes from 64 nodes to 10. What is the shape of its $W$, and what does
#    `W[3, 7]` mean?
#
# <details><summary>Answer</summary>
#
# 1. $z^{(1)} = W^{(1)} \cdot 0 + b^{(1)} = b^{(1)} = (0, 1, -2)$: with zero input, the weighted
#    sums are just the biases.
# 2. $(10, 64)$: one row per node in the new layer, one column per node in the previous one.
#    `W[3, 7]` is the weight *to* node 3 *from* node 7 counted from 0 as Python does, that is
#    $w_{48}$ in the text's counting from 1: to the 4th node from the 8th.
#
# </details>

# %% [markdown] tags=["sv"]
# **Testa dig själv**
#
# 1. Vad är $z^{(1)}$ i exempelnätverket när $x = (0, 0)$?
# 2. Ett lager går från 64 noder till 10. Vilken form har dess $W$, och vad betyder `W[3, 7]`?
#
# <details><summary>Svar</summary>
#
# 1. $z^{(1)} = W^{(1)} \cdot 0 + b^{(1)} = b^{(1)} = (0, 1, -2)$: med indata noll är de viktade
#    summorna bara biasvärdena.
# 2. $(10, 64)$: en rad per nod i det nya lagret, en kolumn per nod i det föregående.
#    `W[3, 7]` är vikten *till* nod 3 *från* nod 7 räknat från 0 som i Python, alltså $w_{48}$
#    när man räknar från 1 som i texten: till den 4:e noden från den 8:e.
#
# </details>

# %% [markdown] tags=["en", "slide"]
# ## 4 Many samples at once: the batch form
#
# Networks are almost always fed a **batch** of $N$ samples at once, stacked as the rows of a
# matrix $X$ of shape $(N, n_\text{in})$. Row $i$ is $x_i^\top$. Transposing $z_i = W x_i + b$
# gives $z_i^\top = x_i^\top W^\top + b^\top$, and stacking these rows gives
#
# $$Z = X W^\top + b,$$
#
# where $b$ is added to every row (numpy calls this *broadcasting*). Row $i$ of $Z$ holds the
# weighted sums for sample $i$. The weights $W$ are the same matrix as before; only the
# data is arranged differently:
#
# | | one sample (column vector) | batch (one row per sample) |
# |---|---|---|
# | input | $x$: $(n_\text{in},)$ | $X$: $(N, n_\text{in})$ |
# | weights | $W$: $(n_\text{out}, n_\text{in})$, row $j$, column $k$ is $w_{jk}$ | the same $W$ |
# | bias | $b$: $(n_\text{out},)$ | the same $b$, added to each row |
# | weighted sums | $z = W x + b$: $(n_\text{out},)$ | $Z = X W^\top + b$: $(N, n_\text{out})$ |
#
# One matrix product for the whole batch is much faster than a Python loop over samples, and it
# is the form every library uses, `nnlib` included. Here is a batch of four points; the first
# row is our $x = (1, 2)$:

# %% [markdown] tags=["sv", "slide"]
# ## 4 Många datapunkter på en gång: batchformen
#
# Ett nätverk får nästan alltid en **batch** med $N$ datapunkter på en gång, staplade som rader i
# en matris $X$ med formen $(N, n_\text{in})$. Rad $i$ är $x_i^\top$. Transponerar man
# $z_i = W x_i + b$ får man $z_i^\top = x_i^\top W^\top + b^\top$, och staplar man raderna får man
#
# $$Z = X W^\top + b,$$
#
# där $b$ läggs till varje rad (numpy kallar det *broadcasting*). Rad $i$ i $Z$
# innehåller de viktade summorna för datapunkt $i$. Vikterna $W$ är samma matris som förut; det
# är bara indata som är ordnade på ett annat sätt:
#
# | | en datapunkt (kolonnvektor) | batch (en rad per datapunkt) |
# |---|---|---|
# | indata | $x$: $(n_\text{in},)$ | $X$: $(N, n_\text{in})$ |
# | vikter | $W$: $(n_\text{ut}, n_\text{in})$, rad $j$, kolumn $k$ är $w_{jk}$ | samma $W$ |
# | bias | $b$: $(n_\text{ut},)$ | samma $b$, adderad till varje rad |
# | viktade summor | $z = W x + b$: $(n_\text{ut},)$ | $Z = X W^\top + b$: $(N, n_\text{ut})$ |
#
# En enda matrisprodukt för hela batchen är mycket snabbare än en Python-loop över datapunkterna,
# och det är den form som alla bibliotek använder, även `nnlib`. Här är en batch med fyra punkter;
# den första raden är vårt $x = (1, 2)$:

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** ≈ 6 min. Write the shapes under each other: X (4, 2) times Wᵀ (2, 3) gives (4,
# 3), and b (3,) is added to every row. Ask: "Why the transpose?" Expect: the samples are now rows,
# so each row meets the columns of Wᵀ, which are the rows of W. Watch for the belief that the batch
# form needs a different weight matrix: W is the same. Row 2 of X is (0, 0), so row 2 of Z1 is just
# b⁽¹⁾.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** ≈ 6 min. Skriv formerna under varandra: X (4, 2) gånger Wᵀ (2, 3) ger (4,
# 3), och b (3,) läggs till varje rad. Fråga: ”Varför transponatet?” Förväntat svar: datapunkterna är
# nu rader, så varje rad möter kolumnerna i Wᵀ, som är raderna i W. Se upp för tron att batchformen
# kräver en annan viktmatris: W är densamma. Rad 2 i X är (0, 0), så rad 2 i Z1 är bara b⁽¹⁾.

# %% tags=["en"]
X = np.array([[1.0, 2.0], [0.0, 0.0], [-1.0, 1.0], [2.0, -1.0]])

Z1 = X @ W1.T + b1
A1 = activations.relu(Z1)
Z2 = A1 @ W2.T + b2
Y_hat = activations.sigmoid(Z2)
print("Z1 =\n", Z1)
print("Y_hat =", Y_hat.ravel().round(4))

one_at_a_time = np.array([forward(x_i, network) for x_i in X])
print("same as one sample at a time:", np.allclose(Y_hat, one_at_a_time))

# %% tags=["sv"]
X = np.array([[1.0, 2.0], [0.0, 0.0], [-1.0, 1.0], [2.0, -1.0]])

Z1 = X @ W1.T + b1
A1 = activations.relu(Z1)
Z2 = A1 @ W2.T + b2
Y_hat = activations.sigmoid(Z2)
print("Z1 =\n", Z1)
print("Y_hat =", Y_hat.ravel().round(4))

one_at_a_time = np.array([forward(x_i, network) for x_i in X])
print("samma som en datapunkt i taget:", np.allclose(Y_hat, one_at_a_time))

# %% [markdown] tags=["en", "slide"]
# ## 5 The same network in nnlib
#
# `Dense(n_in, n_out)` is a fully connected layer. Its `W` has shape `(n_out, n_in)` and its
# `forward` computes `X @ W.T + b` for a batch `X`. `Sequential` chains layers, and
# `MLP(sizes, activation=..., output=...)` builds the usual stack of `Dense` layers with an
# activation between them. The initial weights are random (He initialisation for ReLU, Xavier
# otherwise; chapter 09 explains why) and the biases start at 0, so we copy our hand-picked
# numbers in and check that `nnlib` gives the same outputs.

# %% [markdown] tags=["sv", "slide"]
# ## 5 Samma nätverk i nnlib
#
# `Dense(n_in, n_out)` är ett fullt kopplat lager. Dess `W` har formen `(n_out, n_in)` och dess
# `forward` beräknar `X @ W.T + b` för en batch `X`. `Sequential` kopplar ihop lager efter
# varandra, och `MLP(sizes, activation=..., output=...)` bygger den vanliga stapeln av
# `Dense`-lager med en aktivering mellan dem. Startvikterna är slumpade (He-initiering för ReLU,
# annars Xavier; kapitel 09 förklarar varför) och biasvärdena börjar på 0, så vi kopierar in våra
# handvalda tal och kontrollerar att `nnlib` ger samma utdata.

# %% tags=["en"]
rng = np.random.default_rng(0)
model = MLP([2, 3, 1], activation="relu", output="sigmoid", rng=rng)
print(model)

model.layers[0].params["W"][...] = W1
model.layers[0].params["b"][...] = b1
model.layers[2].params["W"][...] = W2
model.layers[2].params["b"][...] = b2
print("nnlib:", model.forward(X).ravel().round(4))
print("ours :", Y_hat.ravel().round(4))

# %% tags=["sv"]
rng = np.random.default_rng(0)
model = MLP([2, 3, 1], activation="relu", output="sigmoid", rng=rng)
print(model)

model.layers[0].params["W"][...] = W1
model.layers[0].params["b"][...] = b1
model.layers[2].params["W"][...] = W2
model.layers[2].params["b"][...] = b2
print("nnlib:", model.forward(X).ravel().round(4))
print("vår  :", Y_hat.ravel().round(4))

# %% [markdown] tags=["en"]
# `MLP` is a shortcut; the same network written out layer by layer with `Sequential` is below.
# A `Dense` layer insists on the batch form: give it one sample as a 1-D array and it tells you
# how to fix it.

# %% [markdown] tags=["sv"]
# `MLP` är en genväg; nedan skrivs samma nätverk ut lager för lager med `Sequential`. Ett
# `Dense`-lager kräver batchformen: ger man det en enda datapunkt som en endimensionell array
# talar det om hur man rättar till det.

# %% tags=["en"]
same_model = Sequential([Dense(2, 3, rng=rng), activations.ReLU(), Dense(3, 1, rng=rng), activations.Sigmoid()])
same_model.set_weights(model.get_weights())
print("Sequential gives the same:", np.allclose(same_model.forward(X), model.forward(X)))

try:
    model.forward(x)
except ValueError as error:
    print(error)
print("one sample as a batch of one:", model.forward(x.reshape(1, -1)).round(4))

# %% tags=["sv"]
same_model = Sequential([Dense(2, 3, rng=rng), activations.ReLU(), Dense(3, 1, rng=rng), activations.Sigmoid()])
same_model.set_weights(model.get_weights())
print("Sequential ger samma resultat:", np.allclose(same_model.forward(X), model.forward(X)))

try:
    model.forward(x)
except ValueError as error:
    print(error)
print("en datapunkt som en batch med en enda:", model.forward(x.reshape(1, -1)).round(4))

# %% [markdown] tags=["en", "slide"]
# ## 6 Counting parameters
#
# Each `Dense` layer from $n_\text{in}$ to $n_\text{out}$ nodes has $n_\text{in} \cdot n_\text{out}$
# weights (one per edge in the diagram) and $n_\text{out}$ biases (one per node):
#
# $$\text{parameters} = \sum_{l=1}^{L} \bigl(n_{l-1} \cdot n_l + n_l\bigr).$$
#
# Input and activation layers have none. For $[2, 3, 1]$: $(2 \cdot 3 + 3) + (3 \cdot 1 + 1) = 9 + 4 = 13$.
# For a digit classifier $[784, 128, 64, 10]$ (a $28 \times 28$ image in, 10 classes out):
# $(784 \cdot 128 + 128) + (128 \cdot 64 + 64) + (64 \cdot 10 + 10) = 100\,480 + 8\,256 + 650 = 109\,386$.
# Almost all of them sit in the first layer, where the input is wide.

# %% [markdown] tags=["sv", "slide"]
# ## 6 Att räkna parametrar
#
# Varje `Dense`-lager från $n_\text{in}$ till $n_\text{ut}$ noder har $n_\text{in} \cdot n_\text{ut}$
# vikter (en per kant i diagrammet) och $n_\text{ut}$ biasvärden (ett per nod):
#
# $$\text{parametrar} = \sum_{l=1}^{L} \bigl(n_{l-1} \cdot n_l + n_l\bigr).$$
#
# Indatalagret och aktiveringslagren har inga. För $[2, 3, 1]$:
# $(2 \cdot 3 + 3) + (3 \cdot 1 + 1) = 9 + 4 = 13$. För en sifferklassificerare
# $[784, 128, 64, 10]$ (en bild med $28 \times 28$ pixlar in, 10 klasser ut):
# $(784 \cdot 128 + 128) + (128 \cdot 64 + 64) + (64 \cdot 10 + 10) = 100\,480 + 8\,256 + 650 = 109\,386$.
# Nästan alla sitter i det första lagret, där indata är breda.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** ≈ 4 min. Ask the check-yourself question: [3, 5, 5, 2] gives 20 + 30 +
# 12 = 62. Then ask where the 109,386 parameters of [784, 128, 64, 10] sit: 100,480 of them,
# about 92%, in the first layer. Common slips: forgetting the biases (one per node, not one
# per edge) and giving the activation layers parameters; they have none.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** ≈ 4 min. Ställ testa-dig-själv-frågan: [3, 5, 5, 2] ger 20 + 30 +
# 12 = 62. Fråga sedan var de 109 386 parametrarna i [784, 128, 64, 10] sitter: 100 480 av
# dem, ungefär 92 %, i det första lagret. Vanliga misstag: att glömma bias (en per nod, inte
# en per kant) och att ge aktiveringslagren parametrar; de har inga.

# %% tags=["en"]
def count_parameters(sizes):
    return sum(n_in * n_out + n_out for n_in, n_out in zip(sizes[:-1], sizes[1:]))


for sizes in ([2, 3, 1], [784, 128, 64, 10]):
    model_of_size = MLP(sizes, rng=rng)
    print(f"{sizes}: by formula {count_parameters(sizes):,}, nnlib n_params() {model_of_size.n_params():,}")

print(MLP([784, 128, 64, 10], rng=rng).summary())

# %% tags=["sv"]
def count_parameters(sizes):
    return sum(n_in * n_out + n_out for n_in, n_out in zip(sizes[:-1], sizes[1:]))


for sizes in ([2, 3, 1], [784, 128, 64, 10]):
    model_of_size = MLP(sizes, rng=rng)
    print(f"{sizes}: enligt formeln {count_parameters(sizes):d}, nnlib n_params() {model_of_size.n_params():d}")

print(MLP([784, 128, 64, 10], rng=rng).summary())

# %% [markdown] tags=["en"]
# **Check yourself.** How many parameters does the network $[3, 5, 5, 2]$ have?
#
# <details><summary>Answer</summary>
#
# $(3 \cdot 5 + 5) + (5 \cdot 5 + 5) + (5 \cdot 2 + 2) = 20 + 30 + 12 = 62$.
#
# </details>

# %% [markdown] tags=["sv"]
# **Testa dig själv.** Hur många parametrar har nätverket $[3, 5, 5, 2]$?
#
# <details><summary>Svar</summary>
#
# $(3 \cdot 5 + 5) + (5 \cdot 5 + 5) + (5 \cdot 2 + 2) = 20 + 30 + 12 = 62$.
#
# </details>

# %% [markdown] tags=["en", "slide"]
# ## 7 Architecture: how wide, how deep?
#
# A network's **architecture** is its overall structure: which layers there are, how large they
# are, and how they are connected. It has a big effect on how well the network performs.
#
# - **Input size** = the number of input dimensions. A point given by its coordinates $x, y, z$
#   needs 3 inputs; an $8 \times 8$ greyscale image has 64 pixels, so 64 inputs (chapter 12).
# - **Output size** follows from the task (chapter 02): 1 for regression or yes/no, $k$ for
#   $k$ classes, with the matching output activation.
# - **Hidden layers** are the part you have to choose. The deeper and wider the network, the more
#   complex the functions it can represent. But a network that is **too large** is slow to train
#   and can learn the training data by heart instead of the pattern behind it (overfitting,
#   chapter 11). One that is **too small** cannot represent the solution at all: a single hidden
#   ReLU neuron bends a line only once and cannot solve XOR.
#
# Best is a network that is **lagom**, a Swedish word with no exact English equivalent: *just
# the right amount*, neither too much nor too little.
#
# And how do you find lagom? Apart from input and output size, nobody can tell you in advance.
# You **try your way forward**: start small, measure on validation data, grow the network when
# it underfits and shrink or regularise it when it overfits (chapters 09 and 11). There is also
# **no guarantee** that training succeeds even for a good architecture: an unlucky start or a
# bad learning rate can make it fail.

# %% [markdown] tags=["sv", "slide"]
# ## 7 Arkitektur: hur brett, hur djupt?
#
# Ett nätverks **arkitektur** är dess övergripande struktur: vilka lager som finns, hur stora de
# är och hur de är kopplade till varandra. Den har stor betydelse för hur bra nätverket presterar.
#
# - **Storleken på indata** = antalet indatadimensioner. En punkt som ges av sina koordinater
#   $x, y, z$ behöver 3 indatavärden; en gråskalebild på $8 \times 8$ pixlar består av 64 pixlar,
#   alltså 64 indatavärden (kapitel 12).
# - **Storleken på utdata** följer av uppgiften (kapitel 02): 1 för regression eller ja/nej, $k$
#   för $k$ klasser, med den aktivering i utdatalagret som passar.
# - **De dolda lagren** är det du måste välja. Ju djupare och bredare nätverket är, desto mer
#   komplexa funktioner kan det representera. Men ett **för stort** nätverk tar lång tid att
#   träna och kan lära sig träningsdata utantill i stället för mönstret bakom dem (överanpassning,
#   kapitel 11). Ett **för litet** nätverk kan inte alls representera lösningen: en enda dold
#   ReLU-neuron böjer en linje bara en gång och kan inte lösa XOR.
#
# Bäst är ett nätverk som är **lagom**: varken för stort eller för litet. (Ordet saknar en exakt
# motsvarighet på engelska.)
#
# Och hur hittar man lagom? Förutom storleken på indata och utdata kan ingen säga det i förväg.
# Man **får testa sig fram**: börja litet, mät på valideringsdata, gör nätverket större när det
# underanpassar, och gör det mindre eller regularisera det när det överanpassar (kapitel 09 och
# 11). Det finns heller **ingen garanti** för att träningen lyckas ens med en bra arkitektur: en
# otursam start eller en dålig inlärningstakt kan få den att misslyckas.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** ≈ 4 min, then 2 min for hyperparameters. Ask: "Input and output size for the
# point in a building with 4 rooms?" (3 inputs; 4 outputs with softmax.) Explain lagom and say
# plainly that no formula gives the hidden sizes. Watch for "bigger is always better" (overfitting,
# chapter 11) and, in section 8, for weights called hyperparameters: whatever training changes is a
# parameter.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** ≈ 4 min, sedan 2 min för hyperparametrar. Fråga: ”Hur stora är indata och
# utdata för punkten i byggnaden med 4 rum?” (3 indatavärden; 4 utdatanoder med softmax.) Förklara lagom och
# säg rakt ut att ingen formel ger de dolda lagrens storlek. Se upp för ”större är alltid bättre”
# (överanpassning, kapitel 11) och, i avsnitt 8, för att vikter kallas hyperparametrar: det som
# träningen ändrar är en parameter.

# %% [markdown] tags=["en"]
# What does size buy? Below, five randomly initialised networks (with random biases too) of each
# of three sizes, all with ReLU, over one input $x$. Only the shape matters here, so each curve is
# shifted and scaled to mean 0 and standard deviation 1. The smallest, $[1, 1, 1]$, can bend once
# at most; more neurons and more layers give more bends, so more shapes the network can take on
# (before any training).

# %% [markdown] tags=["sv"]
# Vad ger storleken? Nedan visas fem slumpvis initierade nätverk (med slumpade bias också) av var
# och en av tre storlekar, alla med ReLU, över ett indatavärde $x$. Här spelar bara formen roll, så
# varje kurva är förskjuten och skalad till medelvärdet 0 och standardavvikelsen 1. Det minsta,
# $[1, 1, 1]$, kan böja sig högst en gång; fler neuroner och fler lager ger fler brytpunkter och
# därmed fler former som nätverket kan anta (före all träning).

# %%
from course.widgets.architecture import count_parameters as count_with_widget
from course.widgets.architecture import random_network

from course.plots_lessons import network_shapes

inputs = np.linspace(-3, 3, 400).reshape(-1, 1)
outputs = {}
for sizes in ([1, 1, 1], [1, 4, 1], [1, 16, 16, 1]):
    outputs[tuple(sizes)] = [random_network(sizes, "relu", seed=seed).forward(inputs)[:, 0] for seed in range(5)]

network_shapes(inputs[:, 0], outputs, count_with_widget)
plt.show()

# %% [markdown] tags=["en", "slide"]
# ## 8 Hyperparameters and parameters
#
# | | who sets them | examples | in $[2, 8, 8, 1]$ |
# |---|---|---|---|
# | **hyperparameters** | you, before training | learning rate, number of hidden layers, neurons per layer, activation function, … | a handful |
# | **parameters** | training, from the data | the weights $w^{(l)}_{jk}$ and biases $b^{(l)}_j$ | $24 + 72 + 9 = 105$ |
#
# The weights are *not* hyperparameters: they are what the network learns. The hyperparameters
# decide what *kind* of network learns them, and how. Choosing them well is the trial and error of
# section 7; chapter 09 makes it systematic.

# %% [markdown] tags=["sv", "slide"]
# ## 8 Hyperparametrar och parametrar
#
# | | vem bestämmer dem | exempel | i $[2, 8, 8, 1]$ |
# |---|---|---|---|
# | **hyperparametrar** | du, före träningen | inlärningstakt, antal dolda lager, neuroner per lager, aktiveringsfunktion, … | en handfull |
# | **parametrar** | träningen, utifrån data | vikterna $w^{(l)}_{jk}$ och biasvärdena $b^{(l)}_j$ | $24 + 72 + 9 = 105$ |
#
# Vikterna är *inte* hyperparametrar: de är det nätverket lär sig. Hyperparametrarna avgör vilken
# *sorts* nätverk som lär sig dem, och hur. Att välja dem väl är det utprovande som avsnitt 7
# beskriver; kapitel 09 gör det systematiskt.

# %% [markdown] tags=["en", "slide"]
# ## 9 Explore: build an architecture
#
# Choose the number of inputs, hidden layers, neurons per hidden layer, the activation functions
# and the number of outputs. The diagram is drawn from the sizes of the `Dense` layers of the
# network that `MLP` actually builds (layers wider than 8 are shown as 4 + "⋮" + 4, with the true
# size underneath), the line below the controls counts its parameters, and the right plot shows
# the function this randomly initialised network computes. As above, the biases are random too so
# that you see the variety of shapes; "new random weights" draws another network of the same
# architecture. Things to try:
#
# - **0 hidden layers** with a linear output: a straight line, as for one neuron.
# - **1 hidden layer**: compare 1, 2 and 16 neurons. Then add layers: more bends, and watch the
#   parameter count grow, especially with 64 neurons per layer.
# - Set the hidden activation to **linear**: the result is a straight line however deep the
#   network is (chapter 02).
# - **tanh** or **sigmoid**: smooth curves instead of kinks.
# - **2 inputs**: the output becomes a surface over $(x_1, x_2)$.
# - **3 outputs with softmax**: three curves that always add up to 1.

# %% [markdown] tags=["sv", "slide"]
# ## 9 Utforska: bygg en arkitektur
#
# Välj antal indata, antal dolda lager, neuroner per dolt lager, aktiveringsfunktionerna och antal
# utdata. Diagrammet ritas utifrån storlekarna på `Dense`-lagren i det nätverk som `MLP` faktiskt
# bygger (lager bredare än 8 visas som 4 + ”⋮” + 4, med den verkliga storleken under), raden under
# reglagen räknar dess parametrar, och den högra bilden visar funktionen som det slumpvis
# initierade nätverket beräknar. Som ovan är även biasvärdena slumpade så att du ser hur olika
# formerna kan bli; ”nya slumpade vikter” drar ett nytt nätverk med samma arkitektur. Prova det här:
#
# - **0 dolda lager** med linjär utdata: en rät linje, som för en enda neuron.
# - **1 dolt lager**: jämför 1, 2 och 16 neuroner. Lägg sedan till lager: fler brytpunkter, och se
#   hur antalet parametrar växer, särskilt med 64 neuroner per lager.
# - Sätt aktiveringen i de dolda lagren till **linjär**: resultatet är en rät linje hur djupt
#   nätverket än är (kapitel 02).
# - **tanh** eller **sigmoid**: mjuka kurvor i stället för skarpa brytpunkter.
# - **2 indatavärden**: utdata blir en yta över $(x_1, x_2)$.
# - **3 utdatanoder med softmax**: tre kurvor vars summa alltid är 1.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** ≈ 5 min; the sliders redraw when you release them. Start at [1, 8, 8, 1]
# with ReLU; set 0 hidden layers (a straight line), then 1 hidden layer with 1, 2 and 16 neurons,
# then a linear hidden activation (straight however deep), then 2 inputs (a surface) and 3 outputs
# with softmax. Ask: "Why at most n kinks with one hidden ReLU layer of n neurons?" Expect: each
# ReLU(wx + b) bends once, at x = −b/w, and the output is a weighted sum of them. Set Exercise 03.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** ≈ 5 min; reglagen ritar om när du släpper dem. Börja med [1, 8, 8, 1] och
# ReLU; sätt 0 dolda lager (en rät linje), sedan 1 dolt lager med 1, 2 och 16 neuroner, sedan linjär
# aktivering i de dolda lagren (rakt, hur djupt det än är), och sist 2 indatavärden (en yta) och 3
# utdatanoder med softmax. Fråga: ”Varför högst n brytpunkter med ett dolt ReLU-lager med n neuroner?” Förväntat
# svar: varje ReLU(wx + b) böjer sig en gång, vid x = −b/w, och utdata är en viktad summa av dem.
# Ge övning 03.

# %%
from course.widgets.architecture import ArchitectureBuilder

ArchitectureBuilder(n_in=1, n_hidden_layers=2, width=8, activation="relu")

# %% [markdown] tags=["en"]
# **Check yourself**
#
# 1. A network gets the $x, y, z$ coordinates of a point in a building and should say which of
#    4 rooms the point is in. What are the input and output sizes, and which output activation?
# 2. Which of these are hyperparameters: the learning rate, $w^{(2)}_{13}$, the number of hidden
#    layers, $b^{(1)}_2$, the activation function of the hidden layers?
# 3. You double the width of every hidden layer of $[10, 32, 32, 1]$. Does the parameter count
#    double?
#
# <details><summary>Answer</summary>
#
# 1. 3 inputs, 4 outputs with softmax (multi-class classification).
# 2. The learning rate, the number of hidden layers and the activation function.
#    $w^{(2)}_{13}$ and $b^{(1)}_2$ are parameters, learned in training.
# 3. No, it grows faster: $[10, 32, 32, 1]$ has $352 + 1056 + 33 = 1441$ parameters, and
#    $[10, 64, 64, 1]$ has $704 + 4160 + 65 = 4929$. The weights between two hidden layers grow
#    with the *product* of their widths, so that part quadruples.
#
# </details>

# %% [markdown] tags=["sv"]
# **Testa dig själv**
#
# 1. Ett nätverk får $x$-, $y$- och $z$-koordinaterna för en punkt i en byggnad och ska säga i
#    vilket av 4 rum punkten ligger. Hur stora är indata och utdata, och vilken aktivering ska
#    utdatalagret ha?
# 2. Vilka av följande är hyperparametrar: inlärningstakten, $w^{(2)}_{13}$, antalet dolda lager,
#    $b^{(1)}_2$, aktiveringsfunktionen i de dolda lagren?
# 3. Du fördubblar bredden på varje dolt lager i $[10, 32, 32, 1]$. Fördubblas antalet parametrar?
#
# <details><summary>Svar</summary>
#
# 1. 3 indatavärden, 4 utdatanoder med softmax (klassificering med flera klasser).
# 2. Inlärningstakten, antalet dolda lager och aktiveringsfunktionen. $w^{(2)}_{13}$ och
#    $b^{(1)}_2$ är parametrar som lärs in under träningen.
# 3. Nej, det växer snabbare: $[10, 32, 32, 1]$ har $352 + 1056 + 33 = 1441$ parametrar och
#    $[10, 64, 64, 1]$ har $704 + 4160 + 65 = 4929$. Vikterna mellan två dolda lager växer med
#    *produkten* av deras bredder, så den delen fyrdubblas.
#
# </details>

# %% [markdown] tags=["en", "slide"]
# ## Summary
#
# - Layers: input (the data, no weights) → hidden layers (the core; many of them = a deep network)
#   → output. Fully connected: every node feeds every node of the next layer.
# - One layer: $a^{(l)} = \varphi\bigl(W^{(l)} a^{(l-1)} + b^{(l)}\bigr)$ with $a^{(0)} = x$ and
#   $W^{(l)}$ of shape $(n_l, n_{l-1})$ whose row $j$, column $k$ is $w^{(l)}_{jk}$ (to $j$, from $k$). The
#   bias can also be written as column 0 of $W$ with $x_0 = 1$.
# - The forward pass computes $g(x) = f_L\bigl(W^{(L)} f_{L-1}(\cdots f_1(W^{(1)} x + b^{(1)}) \cdots) + b^{(L)}\bigr)$.
# - Batch form: $Z = X W^\top + b$, $X$ of shape $(N, n_\text{in})$, one row per sample.
# - Parameters: $\sum_l (n_{l-1} n_l + n_l)$.
# - Input size = input dimensions, output size from the task, hidden sizes *lagom*, found by trial
#   and error, with no guarantee of success.
# - Hyperparameters (learning rate, layers, neurons, activation) are chosen; parameters (weights,
#   biases) are learned.

# %% [markdown] tags=["sv", "slide"]
# ## Sammanfattning
#
# - Lager: indata (själva data, inga vikter) → dolda lager (kärnan; många sådana = ett djupt
#   nätverk) → utdata. Fullt kopplat: varje nod skickar till varje nod i nästa lager.
# - Ett lager: $a^{(l)} = \varphi\bigl(W^{(l)} a^{(l-1)} + b^{(l)}\bigr)$ med $a^{(0)} = x$ och
#   $W^{(l)}$ av formen $(n_l, n_{l-1})$, vars rad $j$, kolumn $k$ är $w^{(l)}_{jk}$ (till $j$, från $k$).
#   Biasen kan också skrivas som kolumn 0 i $W$ med $x_0 = 1$.
# - Framåtpasset beräknar $g(x) = f_L\bigl(W^{(L)} f_{L-1}(\cdots f_1(W^{(1)} x + b^{(1)}) \cdots) + b^{(L)}\bigr)$.
# - Batchform: $Z = X W^\top + b$, där $X$ har formen $(N, n_\text{in})$, en rad per datapunkt.
# - Parametrar: $\sum_l (n_{l-1} n_l + n_l)$.
# - Storleken på indata = antalet indatadimensioner, storleken på utdata ges av uppgiften, de dolda
#   lagren ska vara *lagom* stora, vilket man får testa sig fram till, utan garanti för att det
#   lyckas.
# - Hyperparametrar (inlärningstakt, lager, neuroner, aktivering) väljs; parametrar (vikter, bias)
#   lärs in.

# %% [markdown] tags=["en"]
# ## What next
#
# - **Exercise 03** asks you to write a dense layer's forward pass for one sample and for a batch,
#   and to count parameters.
# - Try it yourself: in the builder, choose 1 hidden ReLU layer with $n = 1, 2, 3$ neurons and
#   draw several random networks for each. Why does the curve never have more than $n$ kinks?
# - So far the weights were chosen by hand or at random. **Chapter 04** measures how wrong a
#   network's output is, and chapter 05 starts changing the weights to make it less wrong.

# %% [markdown] tags=["sv"]
# ## Nästa steg
#
# - I **övning 03** skriver du framåtpasset för ett fullt kopplat lager, för en datapunkt och för en
#   batch, och räknar parametrar.
# - Prova själv: välj i byggaren 1 dolt lager med ReLU och $n = 1, 2, 3$ neuroner, och slumpa
#   flera nätverk för varje $n$. Varför har kurvan aldrig fler än $n$ brytpunkter?
# - Hittills har vikterna valts för hand eller slumpats. **Kapitel 04** mäter hur fel ett nätverks
#   utdata är, och kapitel 05 börjar ändra vikterna så att det blir mindre fel.
