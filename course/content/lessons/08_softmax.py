# %% [markdown] tags=["en", "slide"]
# # 08 Softmax and multi-class classification
#
# Until now our networks answered yes-or-no questions with one output node: a sigmoid gave the
# probability of class 1, and binary cross-entropy measured how wrong it was. Many questions have
# more than two answers: which digit, 0–9, is written here? Which of three species is this flower?
# Such a network ends in an **output layer with one node per class**, and this chapter is about
# everything that comes after that layer: turning the $K$ scores into probabilities (**softmax**),
# measuring the error (**cross-entropy**), the gradient that starts the backward pass, and the
# prediction.
#
# After this chapter you can
#
# - turn scores into probabilities with softmax, by hand and in numpy, without overflow,
# - compute the cross-entropy of a sample and derive its gradient $p - y$,
# - predict a class with argmax and measure the accuracy,
# - tell multi-class classification (softmax) from multi-label classification (one sigmoid
#   per label),
# - train a network end to end on a three-class problem and read its decision regions.

# %% [markdown] tags=["sv", "slide"]
# # 08 Softmax och klassificering med flera klasser
#
# Hittills har våra nätverk svarat på ja-eller-nej-frågor med en enda utdatanod: en sigmoid gav
# sannolikheten för klass 1, och binär korsentropi mätte hur fel den var. Många frågor har fler
# än två svar: vilken siffra, 0–9, står här? Vilken av tre arter är den här blomman? Ett sådant
# nätverk slutar med ett **utdatalager med en nod per klass**, och det här kapitlet handlar om
# allt som kommer efter det lagret: att göra om de $K$ poängen till sannolikheter (**softmax**),
# att mäta felet (**korsentropi**), gradienten som startar bakåtpasset och prediktionen.
#
# Efter det här kapitlet kan du
#
# - göra om poäng till sannolikheter med softmax, för hand och i numpy, utan att något tal
#   blir för stort,
# - beräkna korsentropin för ett exempel och härleda dess gradient $p - y$,
# - prediktera en klass med argmax och mäta träffsäkerheten (accuracy),
# - skilja klassificering med flera klasser (softmax) från klassificering med flera etiketter
#   (en sigmoid per etikett),
# - träna ett nätverk från början till slut på ett problem med tre klasser och tolka dess
#   beslutsområden.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** Timing for 45 minutes: §1 scores to probabilities 7 min, §2 overflow 6 min,
# §3 cross-entropy and p − y with the widget 12 min, §4 argmax and accuracy 4 min, §5 temperature
# 4 min, §6 multi-class versus multi-label 5 min, §7 the spiral 7 min. §8 (the Jacobian) is
# optional: for a strong group, or as reading. The one formula to leave on the board at the end is
# ∂L/∂z = p − y.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Tidsplan för 45 minuter: §1 från poäng till sannolikheter 7 min, §2
# för stora tal 6 min, §3 korsentropi och p − y med widgeten 12 min, §4 argmax och träffsäkerhet
# 4 min, §5 temperatur 4 min, §6 flera klasser eller flera etiketter 5 min, §7 spiralen 7 min. §8
# (Jacobimatrisen) är frivilligt: för en stark grupp eller som läsning. Den formel som ska stå
# kvar på tavlan i slutet är ∂L/∂z = p − y.

# %%
from course import set_language
set_language("en")

import numpy as np
import matplotlib.pyplot as plt

from nnlib.activations import sigmoid, softmax
from nnlib.data import train_test_split
from nnlib.datasets import spirals
from nnlib.losses import BinaryCrossEntropy, CrossEntropy
from nnlib.metrics import accuracy
from nnlib.model import MLP
from nnlib.optim import SGD
from nnlib.training import fit
from course.widgets.softmax import (
    LogitExplorer,
    TemperatureExplorer,
    plot_decision_regions,
    plot_history,
    plot_softmax_vs_sigmoid,
)

# %% [markdown] tags=["en", "slide"]
# ## 1 From scores to probabilities
#
# The last dense layer computes, as always, $Z = A W^\top + b$ for a batch of $N$ samples. With
# $K$ output nodes, $W$ has the shape $(K, n_{in})$ and $Z$ the shape $(N, K)$: row $n$ holds
# the $K$ **scores** of sample $n$, one per class. Scores are also called **logits**. A large
# score means "this class is likely", but the scores can be any real numbers: negative, larger
# than 1, and they do not add up to anything in particular. In this chapter we look at one
# sample at a time, a score vector $z = (z_0, \dots, z_{K-1})$; classes are numbered from 0, as
# in numpy.
#
# We want probabilities $p_0, \dots, p_{K-1}$ with three properties:
#
# 1. every $p_k > 0$ (a negative probability means nothing),
# 2. $\sum_k p_k = 1$ (the sample belongs to exactly one of the classes),
# 3. a larger score gives a larger probability (the order is kept).
#
# Dividing each score by the sum of the scores fails the first property as soon as a score is
# negative. The exponential function repairs that, since $e^{z} > 0$ for every $z$ and it grows
# with $z$. Normalising the exponentials gives **softmax**:
#
# $$p_k = \operatorname{softmax}(z)_k = \frac{e^{z_k}}{\sum_{j} e^{z_j}} .$$
#
# In a network, softmax is the activation function of the output layer (chapter 02 met it as
# the one activation function that takes a whole vector): the *softmax output layer*.

# %% [markdown] tags=["sv", "slide"]
# ## 1 Från poäng till sannolikheter
#
# Det sista fullt kopplade lagret räknar som vanligt ut $Z = A W^\top + b$ för en batch med $N$
# exempel. Med $K$ utdatanoder har $W$ formen $(K, n_{in})$ och $Z$ formen $(N, K)$: rad $n$
# innehåller de $K$ **poängen** för exempel $n$, en per klass. Poängen kallas också **logits**.
# En hög poäng betyder ”den här klassen är trolig”, men poängen kan vara vilka reella tal som
# helst: negativa, större än 1, och deras summa betyder ingenting särskilt. I det här kapitlet
# tittar vi på ett exempel i taget, en poängvektor $z = (z_0; \dots; z_{K-1})$; klasserna
# numreras från 0, som i numpy.
#
# Vi vill ha sannolikheter $p_0, \dots, p_{K-1}$ med tre egenskaper:
#
# 1. varje $p_k > 0$ (en negativ sannolikhet betyder ingenting),
# 2. $\sum_k p_k = 1$ (exemplet hör till precis en av klasserna),
# 3. en högre poäng ger en större sannolikhet (ordningen behålls).
#
# Att dela varje poäng med poängens summa bryter mot den första egenskapen så snart en poäng
# är negativ. Exponentialfunktionen lagar det, eftersom $e^{z} > 0$ för varje $z$ och växer med
# $z$. När exponentialerna normeras får vi **softmax**:
#
# $$p_k = \operatorname{softmax}(z)_k = \frac{e^{z_k}}{\sum_{j} e^{z_j}} .$$
#
# I ett nätverk är softmax utdatalagrets aktiveringsfunktion (i kapitel 02 mötte vi den som den
# enda aktiveringsfunktionen som tar en hel vektor): ett *utdatalager med softmax*.

# %% [markdown] tags=["en", "subslide"]
# ### Worked example by hand
#
# Three classes with the scores $z = (1,\ 3,\ 0)$:
#
# | $k$ | $z_k$ | $e^{z_k}$ | $p_k = e^{z_k} / 23.804$ |
# |---|---|---|---|
# | 0 | 1 | 2.718 | 0.114 |
# | 1 | 3 | 20.086 | 0.844 |
# | 2 | 0 | 1.000 | 0.042 |
# | sum | | 23.804 | 1.000 |
#
# Class 1 has the highest score and gets most of the probability. Note how the exponential
# exaggerates differences: the score of class 1 is only 2 more than that of class 0, yet its
# probability is $e^2 \approx 7.4$ times larger, since $p_1 / p_0 = e^{z_1} / e^{z_0} = e^{z_1 - z_0}$.

# %% [markdown] tags=["sv", "subslide"]
# ### Räkneexempel för hand
#
# Tre klasser med poängen $z = (1;\ 3;\ 0)$:
#
# | $k$ | $z_k$ | $e^{z_k}$ | $p_k = e^{z_k} / 23{,}804$ |
# |---|---|---|---|
# | 0 | 1 | 2,718 | 0,114 |
# | 1 | 3 | 20,086 | 0,844 |
# | 2 | 0 | 1,000 | 0,042 |
# | summa | | 23,804 | 1,000 |
#
# Klass 1 har den högsta poängen och får det mesta av sannolikheten. Lägg märke till hur
# exponentialfunktionen förstärker skillnader: poängen för klass 1 är bara 2 högre än för
# klass 0, men sannolikheten är $e^2 \approx 7{,}4$ gånger så stor, eftersom
# $p_1 / p_0 = e^{z_1} / e^{z_0} = e^{z_1 - z_0}$.

# %% tags=["en"]
z = np.array([1.0, 3.0, 0.0])
exps = np.exp(z)
p = exps / exps.sum()
print("e^z       :", exps.round(3))
print("sum       :", exps.sum().round(3))
print("p by hand :", p.round(3))
print("nnlib     :", softmax(z).round(3))
print("sum of p  :", p.sum())

# %% tags=["sv"]
z = np.array([1.0, 3.0, 0.0])
exps = np.exp(z)
p = exps / exps.sum()
print("e^z          :", exps.round(3))
print("summa        :", exps.sum().round(3))
print("p för hand   :", p.round(3))
print("nnlib        :", softmax(z).round(3))
print("summan av p  :", p.sum())

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 7 minutes for §1. Before showing softmax, ask: "The scores are
# (1, 3, 0). How would you turn them into probabilities?" Expect "divide by the sum"
# (1/4, 3/4, 0): then change a score to −1 and watch it fail (a negative "probability"). Fill
# in the table on the board with the room. Stress that only differences matter: adding 10 to
# every score changes nothing, which prepares §2.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 7 minuter för §1. Innan du visar softmax, fråga: ”Poängen är
# (1; 3; 0). Hur skulle du göra om dem till sannolikheter?” Räkna med svaret ”dela med summan”
# (1/4; 3/4; 0): ändra sedan en poäng till −1 och se det gå sönder (en negativ
# ”sannolikhet”). Fyll i tabellen på tavlan tillsammans med salen. Betona att bara
# skillnaderna spelar roll: att lägga till 10 till varje poäng ändrar ingenting, vilket
# förbereder §2.

# %% [markdown] tags=["en"]
# **Check yourself.**
#
# 1. What is $\operatorname{softmax}(z + 10)$ for our $z = (1,\ 3,\ 0)$?
# 2. Four classes all get the score $-2$. What are the probabilities?
# 3. Can softmax give a class the probability exactly 0?
#
# <details><summary>Answer</summary>
#
# 1. The same $p \approx (0.114,\ 0.844,\ 0.042)$: the factor $e^{10}$ appears in every numerator
#    and in the denominator, and cancels. Only the **differences** between the scores matter.
# 2. All four are $e^{-2} / (4 e^{-2}) = 1/4$: equal scores give equal probabilities, whatever
#    the scores are.
# 3. Mathematically never, since $e^{z_k} > 0$. In floating point a very low score can round
#    to 0 (see §2), which is why the loss is computed from the scores.
#
# </details>

# %% [markdown] tags=["sv"]
# **Testa dig själv.**
#
# 1. Vad är $\operatorname{softmax}(z + 10)$ för vårt $z = (1;\ 3;\ 0)$?
# 2. Fyra klasser får alla poängen $-2$. Vilka är sannolikheterna?
# 3. Kan softmax ge en klass sannolikheten exakt 0?
#
# <details><summary>Svar</summary>
#
# 1. Samma $p \approx (0{,}114;\ 0{,}844;\ 0{,}042)$: faktorn $e^{10}$ finns i varje täljare och i
#    nämnaren och förkortas bort. Bara **skillnaderna** mellan poängen spelar roll.
# 2. Alla fyra är $e^{-2} / (4 e^{-2}) = 1/4$: lika poäng ger lika sannolikheter, vilka poängen
#    än är.
# 3. Matematiskt aldrig, eftersom $e^{z_k} > 0$. I flyttal kan en mycket låg poäng avrundas till
#    0 (se §2), och därför beräknas förlusten från poängen.
#
# </details>

# %% [markdown] tags=["en", "slide"]
# ## 2 When $e^z$ is too large: the max shift
#
# A float64 holds numbers up to about $1.8 \cdot 10^{308}$, so $e^{z}$ **overflows** for
# $z > \ln(1.8 \cdot 10^{308}) \approx 709.78$: the result is `inf`, and $\infty / \infty$ is
# `nan` ("not a number"). Scores of several hundred are not exotic: an untrained network with
# large inputs, or a network trained too hard, produces them.
#
# Take the scores $z + 999 = (1000,\ 1002,\ 999)$. By the first check-yourself question of §1
# the probabilities are exactly those of $z$. Computed naively they are not. numpy normally only prints a `RuntimeWarning` for an
# overflow and carries on with `inf`; here we ask it to raise an error instead, so we see
# exactly where it happens:

# %% [markdown] tags=["sv", "slide"]
# ## 2 När $e^z$ blir för stort: att dra bort maximum
#
# Ett float64-tal kan vara högst ungefär $1{,}8 \cdot 10^{308}$, så $e^{z}$ blir för stort
# (**överspill**, overflow) för $z > \ln(1{,}8 \cdot 10^{308}) \approx 709{,}78$: resultatet blir `inf`, och
# $\infty / \infty$ blir `nan` (”inte ett tal”). Poäng på flera hundra är inget ovanligt: ett
# otränat nätverk med stora indatavärden, eller ett nätverk som har tränats för hårt, ger sådana.
#
# Ta poängen $z + 999 = (1000;\ 1002;\ 999)$. Enligt den första frågan under ”Testa dig själv”
# i §1 är sannolikheterna precis desamma som för $z$. Beräknade naivt blir de det inte. Normalt skriver numpy bara ut en `RuntimeWarning`
# vid överspill och fortsätter med `inf`; här ber vi den att i stället ge ett fel, så att vi ser
# exakt var det händer:

# %% tags=["en"]
z_big = z + 999
try:
    with np.errstate(over="raise"):
        np.exp(z_big)
except FloatingPointError as error:
    print("np.exp(z_big) stopped:", error)

with np.errstate(over="ignore", invalid="ignore"):
    naive = np.exp(z_big) / np.exp(z_big).sum()
print("largest z with a finite e^z:", np.log(np.finfo(float).max))
print("naive softmax :", naive)

# %% tags=["sv"]
z_big = z + 999
try:
    with np.errstate(over="raise"):
        np.exp(z_big)
except FloatingPointError as error:
    print("np.exp(z_big) avbröts:", error)

with np.errstate(over="ignore", invalid="ignore"):
    naive = np.exp(z_big) / np.exp(z_big).sum()
print("största z med ändligt e^z:", np.log(np.finfo(float).max))
print("naiv softmax  :", naive)

# %% [markdown] tags=["en"]
# The naive softmax returns `nan` for every class: the network's prediction, its loss and, in
# the next step, every weight become `nan`. The same happens at the other end: for the scores
# $(-1000,\ -998,\ -1001)$ every $e^{z_j}$ **underflows** to 0, and $0/0$ is `nan` too.
#
# **The fix** is that first check-yourself answer: subtracting the same number from every score
# changes nothing. Subtract the largest score $m = \max_j z_j$:
#
# $$p_k = \frac{e^{z_k}}{\sum_j e^{z_j}} = \frac{e^{-m}\, e^{z_k}}{e^{-m} \sum_j e^{z_j}}
#       = \frac{e^{z_k - m}}{\sum_j e^{z_j - m}} .$$
#
# Now every exponent is $\le 0$, so nothing overflows, and the largest term of the sum is
# $e^0 = 1$, so the denominator is at least 1 and never 0. This is called **numerically
# stable** softmax, and it is what `nnlib.activations.softmax` computes.

# %% [markdown] tags=["sv"]
# Den naiva softmax ger `nan` för varje klass: nätverkets prediktion, dess förlust och, i nästa
# steg, varje vikt blir `nan`. Samma sak händer i andra änden: för poängen
# $(-1000;\ -998;\ -1001)$ avrundas varje $e^{z_j}$ till 0 (**underflow**), och $0/0$ är också
# `nan`.
#
# **Lösningen** är svaret på den första frågan i §1: att dra bort samma tal från varje poäng ändrar
# ingenting. Dra bort den högsta poängen $m = \max_j z_j$:
#
# $$p_k = \frac{e^{z_k}}{\sum_j e^{z_j}} = \frac{e^{-m}\, e^{z_k}}{e^{-m} \sum_j e^{z_j}}
#       = \frac{e^{z_k - m}}{\sum_j e^{z_j - m}} .$$
#
# Nu är varje exponent $\le 0$, så inget tal blir för stort, och den största termen i summan är
# $e^0 = 1$, så nämnaren är minst 1 och aldrig 0. Det kallas en **numeriskt stabil** softmax,
# och det är den som `nnlib.activations.softmax` beräknar.

# %% tags=["en"]
shifted = z_big - z_big.max()
p_stable = np.exp(shifted) / np.exp(shifted).sum()
print("z_big - max      :", shifted)
print("stable softmax   :", p_stable.round(3))
print("nnlib            :", softmax(z_big).round(3))
print("very low scores  :", softmax(z - 1001).round(3))

# %% tags=["sv"]
shifted = z_big - z_big.max()
p_stable = np.exp(shifted) / np.exp(shifted).sum()
print("z_big - max      :", shifted)
print("stabil softmax   :", p_stable.round(3))
print("nnlib            :", softmax(z_big).round(3))
print("mycket låga poäng:", softmax(z - 1001).round(3))

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 6 minutes. Ask before running the naive cell: "What will numpy
# print for e^1000?" Many expect a large number; the answer is inf, and inf/inf is nan. Point
# out that one nan in the loss spreads to every weight at the next update, so a single overflow
# ruins the whole training run. The fix costs one subtraction per row; exercise 08 asks for it
# for a whole batch (each row its own maximum), so do not write the batch version on the board.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 6 minuter. Fråga innan den naiva cellen körs: ”Vad skriver
# numpy ut för e^1000?” Många väntar sig ett stort tal; svaret är inf, och inf/inf är nan. Påpeka
# att ett enda nan i förlusten sprider sig till varje vikt vid nästa uppdatering, så ett enda
# överspill förstör hela träningen. Lösningen kostar en subtraktion per rad; övning 08 ber om den
# för en hel batch (varje rad med sitt eget maximum), så skriv inte batchversionen på tavlan.

# %% [markdown] tags=["en"]
# **Check yourself.** Compute by hand the stable softmax of $(500,\ 500,\ 498)$. Which
# exponentials do you need?
#
# <details><summary>Answer</summary>
#
# Subtract $m = 500$: $(0,\ 0,\ -2)$, so $e^0 = 1$, $e^0 = 1$, $e^{-2} \approx 0.135$, with the
# sum $2.135$. So $p \approx (0.468,\ 0.468,\ 0.063)$. You never need $e^{500}$ (which would
# still fit in a float64, but $e^{710}$ would not).
#
# </details>

# %% [markdown] tags=["sv"]
# **Testa dig själv.** Beräkna för hand den stabila softmax av $(500;\ 500;\ 498)$. Vilka
# exponentialer behöver du?
#
# <details><summary>Svar</summary>
#
# Dra bort $m = 500$: $(0;\ 0;\ -2)$, så $e^0 = 1$, $e^0 = 1$, $e^{-2} \approx 0{,}135$, med summan
# $2{,}135$. Alltså är $p \approx (0{,}468;\ 0{,}468;\ 0{,}063)$. Du behöver aldrig $e^{500}$ (som
# fortfarande ryms i ett float64-tal, men det gör inte $e^{710}$).
#
# </details>

# %% [markdown] tags=["en", "slide"]
# ## 3 Cross-entropy with softmax, and its gradient $p - y$
#
# **Why cross-entropy?** One of the study notes says: with several output nodes, use
# cross-entropy. The conclusion is right, the reason is not quite: the number of nodes does not
# decide it (a binary classifier with *one* sigmoid node uses cross-entropy too, chapter 04).
# What decides it is that the outputs are **probabilities** of classes. Cross-entropy then asks
# one question: how much probability did the model give the **true** class? With the true class
# $c$ (written one-hot as $y$, with $y_c = 1$ and every other $y_k = 0$):
#
# $$L = -\sum_k y_k \ln p_k = -\ln p_c .$$
#
# A sure and correct prediction ($p_c \to 1$) costs almost nothing; a sure but wrong one
# ($p_c \to 0$) costs a lot. For a batch, $L$ is the mean over the $N$ samples.
#
# **By hand**, $z = (1,\ 3,\ 0)$ with the true class $c = 0$: $L = -\ln 0.114 \approx 2.17$. Had the
# true class been 1: $L = -\ln 0.844 \approx 0.17$.
#
# **The gradient.** Write $L$ with the scores themselves: $\ln p_c = z_c - \ln \sum_j e^{z_j}$, so
#
# $$L = -z_c + \ln \sum_j e^{z_j} .$$
#
# Differentiate with respect to one score $z_k$. The first term gives $-1$ if $k = c$ and 0
# otherwise, that is $-y_k$. The second is $\ln$ of a sum; by the chain rule (chapter 06) its
# derivative is $\frac{1}{\sum_j e^{z_j}} \cdot e^{z_k} = p_k$. Together:
#
# $$\boxed{\;\frac{\partial L}{\partial z_k} = p_k - y_k\;}, \qquad
# \frac{\partial L}{\partial z} = p - y .$$

# %% [markdown] tags=["sv", "slide"]
# ## 3 Korsentropi med softmax, och dess gradient $p - y$
#
# **Varför korsentropi?** En av studieanteckningarna säger: med flera utdatanoder, använd
# korsentropi. Slutsatsen är rätt, men skälet stämmer inte riktigt: antalet noder avgör inte
# saken (en binär klassificerare med *en* sigmoidnod använder också korsentropi, kapitel 04).
# Det som avgör är att utdata är **sannolikheter** för klasser. Korsentropin ställer då en enda
# fråga: hur mycket sannolikhet gav modellen den **rätta** klassen? Med den rätta klassen $c$
# (one-hot-kodad som $y$, med $y_c = 1$ och alla andra $y_k = 0$):
#
# $$L = -\sum_k y_k \ln p_k = -\ln p_c .$$
#
# En säker och korrekt prediktion ($p_c \to 1$) kostar nästan ingenting; en säker men felaktig
# ($p_c \to 0$) kostar mycket. För en batch är $L$ medelvärdet över de $N$ exemplen.
#
# **För hand**, $z = (1;\ 3;\ 0)$ med den rätta klassen $c = 0$: $L = -\ln 0{,}114 \approx 2{,}17$.
# Om den rätta klassen i stället hade varit 1: $L = -\ln 0{,}844 \approx 0{,}17$.
#
# **Gradienten.** Skriv $L$ med poängen själva: $\ln p_c = z_c - \ln \sum_j e^{z_j}$, så
#
# $$L = -z_c + \ln \sum_j e^{z_j} .$$
#
# Derivera med avseende på en poäng $z_k$. Den första termen ger $-1$ om $k = c$ och annars 0,
# alltså $-y_k$. Den andra är $\ln$ av en summa; enligt kedjeregeln (kapitel 06) är dess derivata
# $\frac{1}{\sum_j e^{z_j}} \cdot e^{z_k} = p_k$. Tillsammans:
#
# $$\boxed{\;\frac{\partial L}{\partial z_k} = p_k - y_k\;}, \qquad
# \frac{\partial L}{\partial z} = p - y .$$

# %% [markdown] tags=["en", "subslide"]
# ### What $p - y$ says
#
# For $z = (1,\ 3,\ 0)$ and $c = 0$: $p - y \approx (0.114 - 1,\ 0.844,\ 0.042) = (-0.886,\ 0.844,\ 0.042)$.
#
# - The true class gets a **negative** entry: gradient descent, $z \leftarrow z - \eta\,(p - y)$,
#   pushes its score **up**.
# - Every other class gets its own probability: its score is pushed **down**, more the more
#   probability it wrongly took. Class 1 took most, so it is pushed down hardest.
# - The entries add up to $1 - 1 = 0$: what is taken from the wrong classes is given to the
#   true one.
# - When the model is sure and right, $p \approx y$ and the gradient is $\approx 0$: nothing
#   left to learn. When it is sure and wrong, the gradient is as large as it gets, $\pm 1$,
#   and never vanishes (compare chapter 04, where the squared error after a sigmoid did).
#
# This vector is `dZ`, the start of the backward pass of chapter 07. For a batch, $L$ is the
# mean, so each row is divided by $N$: $dZ = (P - Y)/N$, with $P$ and $Y$ of shape $(N, K)$.

# %% [markdown] tags=["sv", "subslide"]
# ### Vad $p - y$ säger
#
# För $z = (1;\ 3;\ 0)$ och $c = 0$: $p - y \approx (0{,}114 - 1;\ 0{,}844;\ 0{,}042) = (-0{,}886;\ 0{,}844;\ 0{,}042)$.
#
# - Den rätta klassen får ett **negativt** element: gradientnedstigningen,
#   $z \leftarrow z - \eta\,(p - y)$, trycker dess poäng **uppåt**.
# - Varje annan klass får sin egen sannolikhet: dess poäng trycks **nedåt**, mer ju mer
#   sannolikhet den felaktigt tog. Klass 1 tog mest och trycks därför ned hårdast.
# - Elementens summa är $1 - 1 = 0$: det som tas från de felaktiga klasserna ges till den rätta.
# - När modellen är säker och har rätt är $p \approx y$ och gradienten $\approx 0$: det finns
#   inget kvar att lära. När den är säker men har fel är gradienten så stor den kan bli, $\pm 1$,
#   och försvinner aldrig (jämför kapitel 04, där kvadratfelet efter en sigmoid gjorde det).
#
# Den här vektorn är `dZ`, början på bakåtpasset i kapitel 07. För en batch är $L$ medelvärdet,
# så varje rad delas med $N$: $dZ = (P - Y)/N$, där $P$ och $Y$ har formen $(N, K)$.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 12 minutes for §3 with the widget. Derive ∂L/∂z_k on the board in
# two lines; ask the room for the derivative of ln(e^{z_0} + e^{z_1} + e^{z_2}) with respect to
# z_1 first (expected: e^{z_1} over the sum, which is p_1). Then read p − y aloud for the
# example: "push the true class up by 0.886, push class 1 down by 0.844". Misconception to
# catch: that the wrong classes get −p_k; they get +p_k and are pushed down by the minus sign of
# gradient descent.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 12 minuter för §3 med widgeten. Härled ∂L/∂z_k på tavlan på
# två rader; fråga först salen efter derivatan av ln(e^{z_0} + e^{z_1} + e^{z_2}) med avseende på
# z_1 (förväntat svar: e^{z_1} delat med summan, alltså p_1). Läs sedan upp p − y för exemplet:
# ”tryck upp den rätta klassen med 0,886, tryck ned klass 1 med 0,844”. Vanligt missförstånd:
# att de felaktiga klasserna får −p_k; de får +p_k och trycks ned av minustecknet i
# gradientnedstigningen.

# %% [markdown] tags=["en"]
# The same in numpy for one sample, with the gradient checked by central differences
# (chapter 06), and then `nnlib`'s `CrossEntropy` on a batch of two samples. It takes the
# scores, not the probabilities, and fuses softmax into the loss; its `backward()` returns `dZ`.

# %% [markdown] tags=["sv"]
# Samma sak i numpy för ett exempel, med gradienten kontrollerad med centrala differenser
# (kapitel 06), och sedan `nnlib`:s `CrossEntropy` på en batch med två exempel. Den tar poängen,
# inte sannolikheterna, och har softmax inbyggd i förlusten; dess `backward()` returnerar `dZ`.

# %% tags=["en"]
c = 0
y_onehot = np.eye(3)[c]
loss = -np.log(p[c])
gradient = p - y_onehot


def loss_of(scores):
    return -np.log(softmax(scores)[c])


h = 1e-6
numeric = np.array([(loss_of(z + h * e) - loss_of(z - h * e)) / (2 * h) for e in np.eye(3)])
print("L = -ln p_c       :", loss.round(4))
print("p - y             :", gradient.round(4))
print("central difference:", numeric.round(4))
print(f"largest difference: {np.max(np.abs(numeric - gradient)):.1e}")

# %% tags=["sv"]
c = 0
y_onehot = np.eye(3)[c]
loss = -np.log(p[c])
gradient = p - y_onehot


def loss_of(scores):
    return -np.log(softmax(scores)[c])


h = 1e-6
numeric = np.array([(loss_of(z + h * e) - loss_of(z - h * e)) / (2 * h) for e in np.eye(3)])
print("L = -ln p_c        :", loss.round(4))
print("p - y              :", gradient.round(4))
print("central differens  :", numeric.round(4))
print(f"största skillnaden : {np.max(np.abs(numeric - gradient)):.1e}")

# %% tags=["en"]
Z = np.array([[1.0, 3.0, 0.0],
              [2.0, 1.0, 0.1]])
labels = np.array([0, 0])

cross_entropy = CrossEntropy()
print("L of the batch (mean):", round(cross_entropy.forward(Z, labels), 4))
print("per sample           :", [round(float(-np.log(softmax(row)[k])), 4) for row, k in zip(Z, labels)])
print("dZ from backward():")
print(cross_entropy.backward().round(4))

# %% tags=["sv"]
Z = np.array([[1.0, 3.0, 0.0],
              [2.0, 1.0, 0.1]])
labels = np.array([0, 0])

cross_entropy = CrossEntropy()
print("L för batchen (medelvärde):", round(cross_entropy.forward(Z, labels), 4))
print("per exempel               :", [round(float(-np.log(softmax(row)[k])), 4) for row, k in zip(Z, labels)])
print("dZ från backward():")
print(cross_entropy.backward().round(4))

# %% [markdown] tags=["en"]
# The first row of `dZ` is our $p - y$ divided by $N = 2$.
#
# **Try it.** Move the scores and choose the true class. The left panel shows $p$ (the true
# class in green), the right panel the gradient $p - y$. Make the loss as small as you can for
# class 0; then make the model sure of class 2 while the true class is 0, and watch the loss
# and the gradient.

# %% [markdown] tags=["sv"]
# Den första raden i `dZ` är vårt $p - y$ delat med $N = 2$.
#
# **Prova själv.** Flytta poängen och välj den rätta klassen. Den vänstra panelen visar $p$ (den
# rätta klassen i grönt), den högra gradienten $p - y$. Gör förlusten så liten du kan för klass
# 0; gör sedan modellen säker på klass 2 medan den rätta klassen är 0, och titta på förlusten
# och gradienten.

# %%
LogitExplorer(logits=(1.0, 3.0, 0.0), true_class=0)

# %% [markdown] tags=["en"]
# **Check yourself.**
#
# 1. The scores are $z = (0,\ 0,\ 0,\ 0)$ and the true class is 3. What are $L$ and $p - y$?
# 2. Take $z = (1,\ 3,\ 0)$ again, but now the true class is 1. Which entry of $p - y$ is negative,
#    and why is it much smaller than the $-0.886$ we found for class 0?
# 3. Can $L$ be negative?
#
# <details><summary>Answer</summary>
#
# 1. $p = (1/4,\ 1/4,\ 1/4,\ 1/4)$, so $L = -\ln(1/4) = \ln 4 \approx 1.386$ and
#    $p - y = (0.25,\ 0.25,\ 0.25,\ -0.75)$. ($\ln K$ is the loss of a model that guesses
#    uniformly: a useful number to compare the first epoch with.)
# 2. $p - y \approx (0.114,\ 0.844 - 1,\ 0.042) = (0.114,\ -0.156,\ 0.042)$: the entry of class 1.
#    The model already gives the true class $0.844$, so there is less to correct: the gradient
#    shrinks as the prediction gets better.
# 3. No: $0 < p_c \le 1$, so $-\ln p_c \ge 0$, with 0 only for $p_c = 1$.
#
# </details>

# %% [markdown] tags=["sv"]
# **Testa dig själv.**
#
# 1. Poängen är $z = (0;\ 0;\ 0;\ 0)$ och den rätta klassen är 3. Vad är $L$ och $p - y$?
# 2. Ta $z = (1;\ 3;\ 0)$ igen, men nu är den rätta klassen 1. Vilket element i $p - y$ är
#    negativt, och varför är det mycket mindre än de $-0{,}886$ vi fick för klass 0?
# 3. Kan $L$ vara negativ?
#
# <details><summary>Svar</summary>
#
# 1. $p = (1/4;\ 1/4;\ 1/4;\ 1/4)$, så $L = -\ln(1/4) = \ln 4 \approx 1{,}386$ och
#    $p - y = (0{,}25;\ 0{,}25;\ 0{,}25;\ -0{,}75)$. ($\ln K$ är förlusten för en modell som gissar
#    likformigt: ett bra tal att jämföra den första epoken med.)
# 2. $p - y \approx (0{,}114;\ 0{,}844 - 1;\ 0{,}042) = (0{,}114;\ -0{,}156;\ 0{,}042)$: elementet för
#    klass 1. Modellen ger redan den rätta klassen $0{,}844$, så det finns mindre att rätta till:
#    gradienten krymper när prediktionen blir bättre.
# 3. Nej: $0 < p_c \le 1$, så $-\ln p_c \ge 0$, med 0 bara för $p_c = 1$.
#
# </details>

# %% [markdown] tags=["en", "slide"]
# ## 4 Predicting a class: argmax and accuracy
#
# To **predict**, the notes say, take the most likely class. That is right:
#
# $$\hat y = \arg\max_k p_k .$$
#
# Since softmax keeps the order of the scores, this is also $\arg\max_k z_k$: no softmax is needed
# to predict, only to train and to report probabilities. The **accuracy** is the fraction of the
# samples whose predicted class is the true one, $\frac{1}{N}\sum_n [\hat y_n = y_n]$.
#
# Two cautions. "Most likely" is not "sure": with $p = (0.30,\ 0.37,\ 0.33)$ the prediction is
# class 1, but the model hardly prefers it. And the probabilities are the model's own numbers:
# a network can give a wrong class the probability $0.99$.
#
# **By hand.** Four samples, three classes:
#
# | sample | scores $z$ | $\hat y$ | true $y$ | right? |
# |---|---|---|---|---|
# | 0 | $(2,\ 0.5,\ -1)$ | 0 | 0 | yes |
# | 1 | $(0.1,\ 0.3,\ 0.2)$ | 1 | 1 | yes (barely: $p_1 \approx 0.37$) |
# | 2 | $(-1,\ 2,\ 3)$ | 2 | 1 | no |
# | 3 | $(1,\ 1.5,\ -0.5)$ | 1 | 1 | yes |
#
# Accuracy $3/4 = 0.75$.

# %% [markdown] tags=["sv", "slide"]
# ## 4 Att prediktera en klass: argmax och träffsäkerhet
#
# För att **prediktera**, säger anteckningarna, tar man den mest sannolika klassen. Det stämmer:
#
# $$\hat y = \arg\max_k p_k .$$
#
# Eftersom softmax behåller poängens ordning är det också $\arg\max_k z_k$: ingen softmax behövs
# för att prediktera, bara för att träna och för att redovisa sannolikheter.
# **Träffsäkerheten** (accuracy) är andelen exempel vars predikterade klass är den rätta,
# $\frac{1}{N}\sum_n [\hat y_n = y_n]$.
#
# Två förbehåll. ”Mest sannolik” är inte ”säker”: med $p = (0{,}30;\ 0{,}37;\ 0{,}33)$ blir
# prediktionen klass 1, men modellen föredrar den knappt. Och sannolikheterna är modellens egna
# tal: ett nätverk kan ge en felaktig klass sannolikheten $0{,}99$.
#
# **För hand.** Fyra exempel, tre klasser:
#
# | exempel | poäng $z$ | $\hat y$ | rätt $y$ | rätt? |
# |---|---|---|---|---|
# | 0 | $(2;\ 0{,}5;\ -1)$ | 0 | 0 | ja |
# | 1 | $(0{,}1;\ 0{,}3;\ 0{,}2)$ | 1 | 1 | ja (knappt: $p_1 \approx 0{,}37$) |
# | 2 | $(-1;\ 2;\ 3)$ | 2 | 1 | nej |
# | 3 | $(1;\ 1{,}5;\ -0{,}5)$ | 1 | 1 | ja |
#
# Träffsäkerheten är $3/4 = 0{,}75$.

# %% tags=["en"]
Z4 = np.array([[2.0, 0.5, -1.0],
               [0.1, 0.3, 0.2],
               [-1.0, 2.0, 3.0],
               [1.0, 1.5, -0.5]])
y4 = np.array([0, 1, 1, 1])

predicted = np.argmax(Z4, axis=1)
print("predicted classes :", predicted)
print("argmax of softmax :", np.argmax(softmax(Z4, axis=1), axis=1))
print("right?            :", predicted == y4)
print("accuracy by hand  :", np.mean(predicted == y4))
print("nnlib             :", accuracy(Z4, y4))
print("p of sample 1     :", softmax(Z4[1]).round(2))

# %% tags=["sv"]
Z4 = np.array([[2.0, 0.5, -1.0],
               [0.1, 0.3, 0.2],
               [-1.0, 2.0, 3.0],
               [1.0, 1.5, -0.5]])
y4 = np.array([0, 1, 1, 1])

predicted = np.argmax(Z4, axis=1)
print("predikterade klasser :", predicted)
print("argmax av softmax    :", np.argmax(softmax(Z4, axis=1), axis=1))
print("rätt?                :", predicted == y4)
print("träffsäkerhet, hand  :", np.mean(predicted == y4))
print("nnlib                :", accuracy(Z4, y4))
print("p för exempel 1      :", softmax(Z4[1]).round(2))

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 4 minutes. Ask: "Do we need softmax to predict?" Expected: no,
# argmax of the scores is the same because e^z is increasing. Then ask what accuracy and loss
# each tell: accuracy only counts right and wrong, the loss also sees how sure the model was.
# Sample 1 in the table is right but barely; it adds as much to the accuracy as sample 0 but a
# lot more to the loss.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 4 minuter. Fråga: ”Behöver vi softmax för att prediktera?”
# Förväntat svar: nej, argmax av poängen är densamma eftersom e^z är växande. Fråga sedan vad
# träffsäkerheten och förlusten säger var för sig: träffsäkerheten räknar bara rätt och fel,
# förlusten ser också hur säker modellen var. Exempel 1 i tabellen är rätt men knappt; det
# bidrar lika mycket som exempel 0 till träffsäkerheten men mycket mer till förlusten.

# %% [markdown] tags=["en"]
# **Check yourself.** Why do we train with the cross-entropy and not with the accuracy, when the
# accuracy is what we care about?
#
# <details><summary>Answer</summary>
#
# The accuracy is a step function of the weights: a small change of a weight almost never changes
# an argmax, so its derivative is 0 almost everywhere and gradient descent gets no direction. The
# cross-entropy changes smoothly with every score, and it rewards being surer of the right class.
#
# </details>

# %% [markdown] tags=["sv"]
# **Testa dig själv.** Varför tränar vi med korsentropin och inte med träffsäkerheten, när det är
# träffsäkerheten vi bryr oss om?
#
# <details><summary>Svar</summary>
#
# Träffsäkerheten är en stegfunktion av vikterna: en liten ändring av en vikt ändrar nästan aldrig
# en argmax, så dess derivata är 0 nästan överallt och gradientnedstigningen får ingen riktning.
# Korsentropin ändras mjukt med varje poäng, och den belönar att vara säkrare på den rätta klassen.
#
# </details>

# %% [markdown] tags=["en", "slide"]
# ## 5 Temperature: sharper or flatter
#
# Dividing the scores by a **temperature** $T > 0$ before softmax,
#
# $$p_k(T) = \frac{e^{z_k / T}}{\sum_j e^{z_j / T}},$$
#
# changes how sure the distribution is without changing its order. $T = 1$ is plain softmax.
# A small $T$ multiplies the differences between scores, and $p$ approaches a one-hot vector at
# the largest score (the "max" that softmax is a soft version of). A large $T$ shrinks the
# differences, and $p$ approaches the uniform $1/K$. Temperature is used when generating text
# (sample the next word from $p(T)$: low $T$ is cautious, high $T$ adventurous) and to soften a
# trained network's outputs. It is not one of the network's weights: it is a setting, a
# *hyperparameter* (chapter 09).

# %% [markdown] tags=["sv", "slide"]
# ## 5 Temperatur: skarpare eller plattare
#
# Om poängen delas med en **temperatur** $T > 0$ före softmax,
#
# $$p_k(T) = \frac{e^{z_k / T}}{\sum_j e^{z_j / T}},$$
#
# ändras hur säker fördelningen är, utan att ordningen ändras. $T = 1$ är vanlig softmax. Ett
# litet $T$ multiplicerar skillnaderna mellan poängen, och $p$ närmar sig en one-hot-vektor vid
# den högsta poängen (det ”max” som softmax är en mjuk version av). Ett stort $T$ krymper
# skillnaderna, och $p$ närmar sig den likformiga fördelningen $1/K$. Temperatur används när
# text genereras (dra nästa ord ur $p(T)$: lågt $T$ är försiktigt, högt $T$ vågat) och för att
# mjuka upp ett tränat nätverks utdata. Den är inte en av nätverkets vikter: den är en
# inställning, en *hyperparameter* (kapitel 09).

# %%
TemperatureExplorer(logits=(2.0, 1.0, 0.1))

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 4 minutes. Drag T to 0.05 and to 20 and ask the room to predict the
# bars before you let go. Expected: nearly (1, 0, 0) and nearly (1/3, 1/3, 1/3). Then ask
# whether the temperature can change the predicted class (no: dividing by a positive T keeps the
# order). The check-yourself question below shows that T rescales the scores; let students
# answer it before opening the answer.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 4 minuter. Dra T till 0,05 och till 20 och be salen förutsäga
# staplarna innan du släpper. Förväntat svar: nästan (1; 0; 0) och nästan (1/3; 1/3; 1/3). Fråga
# sedan om temperaturen kan ändra den predikterade klassen (nej: att dela med ett positivt T
# behåller ordningen). Frågan i ”Testa dig själv” nedan visar att T skalar om poängen; låt
# studenterna svara innan svaret öppnas.

# %% [markdown] tags=["en"]
# **Check yourself.** The scores $(2,\ 1,\ 0.1)$ at the temperature $T = 0.5$ give the same
# probabilities as which scores at $T = 1$?
#
# <details><summary>Answer</summary>
#
# $z / T = (4,\ 2,\ 0.2)$: a temperature is the same as multiplying every score by $1/T$, which a
# network could also do by scaling the weights of its last layer.
#
# </details>

# %% [markdown] tags=["sv"]
# **Testa dig själv.** Poängen $(2;\ 1;\ 0{,}1)$ vid temperaturen $T = 0{,}5$ ger samma
# sannolikheter som vilka poäng vid $T = 1$?
#
# <details><summary>Svar</summary>
#
# $z / T = (4;\ 2;\ 0{,}2)$: en temperatur är detsamma som att multiplicera varje poäng med $1/T$,
# vilket ett nätverk också kan göra genom att skala om vikterna i sitt sista lager.
#
# </details>

# %% [markdown] tags=["en", "slide"]
# ## 6 One class, or several labels? Softmax versus sigmoids
#
# Softmax makes the classes **compete**: the probabilities add up to 1, so more for one class
# means less for the others. That is right when every sample belongs to **exactly one** class:
# **multi-class classification**.
#
# When a sample can have **any number** of labels at once (a film can be both a comedy and a
# romance, or neither), we have **multi-label classification**. The notes put it as "and/or of
# each output": each label is its own yes-or-no question. So the output layer has one node per
# label, each with its own **sigmoid** $\sigma(z_k)$, and the loss is the binary cross-entropy of
# every label (chapter 04), averaged. A label is predicted when its $\sigma(z_k) > 0.5$, and the
# outputs need not add up to 1.
#
# The same four scores through both, for the labels comedy, drama, action and romance:

# %% [markdown] tags=["sv", "slide"]
# ## 6 En klass eller flera etiketter? Softmax mot sigmoider
#
# Softmax låter klasserna **konkurrera**: sannolikheterna har summan 1, så mer till en klass
# betyder mindre till de andra. Det är rätt när varje exempel hör till **precis en** klass:
# **klassificering med flera klasser**.
#
# När ett exempel kan ha **hur många** etiketter som helst samtidigt (en film kan vara både
# komedi och romantik, eller ingetdera) har vi **klassificering med flera etiketter**.
# Anteckningarna säger ”och/eller för varje utdata”: varje etikett är en egen ja-eller-nej-fråga.
# Utdatalagret har då en nod per etikett, var och en med sin egen **sigmoid** $\sigma(z_k)$, och
# förlusten är den binära korsentropin för varje etikett (kapitel 04), som medelvärde. En
# etikett predikteras när dess $\sigma(z_k) > 0{,}5$, och utdata behöver inte ha summan 1.
#
# Samma fyra poäng genom båda, för etiketterna komedi, drama, action och romantik:

# %% tags=["en"]
genres = ["comedy", "drama", "action", "romance"]
z_film = np.array([2.0, 0.5, -1.0, 1.5])

fig, axes = plt.subplots(1, 2, figsize=(10.5, 3.6))
plot_softmax_vs_sigmoid(axes, z_film, genres)
fig.tight_layout()
plt.show()

q = sigmoid(z_film)
target = np.array([1.0, 0.0, 0.0, 1.0])
print("labels predicted (sigmoid > 0.5):", [g for g, qk in zip(genres, q) if qk > 0.5])
print("binary cross-entropy, mean over the labels:",
      round(BinaryCrossEntropy(from_logits=True).forward(z_film, target), 4))

# %% tags=["sv"]
genres = ["komedi", "drama", "action", "romantik"]
z_film = np.array([2.0, 0.5, -1.0, 1.5])

fig, axes = plt.subplots(1, 2, figsize=(10.5, 3.6))
plot_softmax_vs_sigmoid(axes, z_film, genres)
fig.tight_layout()
plt.show()

q = sigmoid(z_film)
target = np.array([1.0, 0.0, 0.0, 1.0])
print("predikterade etiketter (sigmoid > 0,5):", [g for g, qk in zip(genres, q) if qk > 0.5])
print("binär korsentropi, medelvärde över etiketterna:",
      round(BinaryCrossEntropy(from_logits=True).forward(z_film, target), 4))

# %% [markdown] tags=["en"]
# With softmax the film is "most likely a comedy" ($0.53$); with sigmoids it is a comedy, a
# drama and a romance at once. Which is right depends on the question, not on the network. With
# two classes the two views agree: $\operatorname{softmax}(z,\ 0)_0 = \sigma(z)$ (chapter 02), so
# one sigmoid node is the two-class softmax.

# %% [markdown] tags=["sv"]
# Med softmax är filmen ”troligast en komedi” ($0{,}53$); med sigmoider är den komedi, drama och
# romantik på samma gång. Vilket som är rätt beror på frågan, inte på nätverket. Med två klasser
# är de två synsätten samma sak: $\operatorname{softmax}(z;\ 0)_0 = \sigma(z)$ (kapitel 02), så en
# enda sigmoidnod är softmax för två klasser.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 5 minutes. Ask for examples from the room and sort them into the two
# kinds on the board: "which language is this text in" (one class, softmax), "which topics does
# this article cover" (several labels, sigmoids), "is this e-mail spam" (two classes: one sigmoid
# or a two-class softmax, the same thing). Misconception: that sigmoid outputs that add up to more
# than 1 are a bug.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 5 minuter. Be salen om exempel och sortera dem i de två
# sorterna på tavlan: ”vilket språk är den här texten skriven på” (en klass, softmax), ”vilka ämnen
# tar den här artikeln upp” (flera etiketter, sigmoider), ”är det här mejlet skräppost” (två
# klasser: en sigmoid eller softmax för två klasser, samma sak). Vanligt missförstånd: att
# sigmoidutdata med en summa över 1 är ett fel.

# %% [markdown] tags=["en"]
# **Check yourself.** For each task, softmax or one sigmoid per label? (a) Which of 120 dog breeds
# is in the photo (one dog per photo)? (b) Which of 20 ingredients a recipe uses? (c) Which of
# the seven days of the week a date falls on?
#
# <details><summary>Answer</summary>
#
# (a) Softmax with 120 output nodes: exactly one breed. (b) 20 sigmoids: a recipe uses several
# ingredients. (c) Softmax with 7 nodes: exactly one day (though no network is needed for that).
#
# </details>

# %% [markdown] tags=["sv"]
# **Testa dig själv.** Softmax eller en sigmoid per etikett för varje uppgift? (a) Vilken av 120
# hundraser finns på fotot (en hund per foto)? (b) Vilka av 20 ingredienser använder ett recept?
# (c) Vilken av veckans sju dagar infaller ett datum på?
#
# <details><summary>Svar</summary>
#
# (a) Softmax med 120 utdatanoder: precis en ras. (b) 20 sigmoider: ett recept använder flera
# ingredienser. (c) Softmax med 7 noder: precis en dag (fast det behövs inget nätverk för det).
#
# </details>

# %% [markdown] tags=["en", "slide"]
# ## 7 End to end: a three-armed spiral
#
# Now all of it together. The data: 450 points on three spiral arms, one class per arm, split
# into a training set (70 %) and a validation set (30 %) that training never sees. No straight
# line separates the arms, so we need hidden layers.
#
# The network: `MLP([2, 32, 32, 3])`, two inputs, two hidden ReLU layers with 32 nodes each, and
# **3 output nodes** whose scores go into `CrossEntropy` (softmax is fused into the loss, so the
# model itself outputs scores). Training: mini-batch gradient descent, 32 samples per batch,
# learning rate $0.3$, 200 epochs. Every iteration is a forward pass, the loss, `dZ = (P − Y)/N`,
# the backward pass of chapter 07 and an update.

# %% [markdown] tags=["sv", "slide"]
# ## 7 Från början till slut: en spiral med tre armar
#
# Nu alltihop tillsammans. Data: 450 punkter på tre spiralarmar, en klass per arm, uppdelade i
# träningsdata (70 %) och valideringsdata (30 %) som träningen aldrig ser. Ingen rät linje skiljer
# armarna åt, så vi behöver dolda lager.
#
# Nätverket: `MLP([2, 32, 32, 3])`, två indatavärden, två dolda lager med ReLU och 32 noder vardera
# och **3 utdatanoder** vars poäng går in i `CrossEntropy` (softmax är inbyggd i förlusten, så
# modellen själv ger poäng som utdata). Träning: gradientnedstigning med minibatchar om 32
# exempel, inlärningstakt $0{,}3$, 200 epoker. Varje iteration är ett framåtpass, förlusten,
# `dZ = (P − Y)/N`, bakåtpasset från kapitel 07 och en uppdatering.

# %%
X, y = spirals(450, n_classes=3, noise=0.04, rng=1)
X_train, X_val, y_train, y_val = train_test_split(X, y, test_size=0.3, stratify=True, rng=1)
model = MLP([2, 32, 32, 3], activation="relu", rng=0)

fig, axes = plt.subplots(1, 2, figsize=(11, 4.4))
plot_decision_regions(axes[0], model.forward, X_train, y_train, trained=False)
history = fit(model, CrossEntropy(), SGD(learning_rate=0.3), X_train, y_train, epochs=200, batch_size=32,
              validation_data=(X_val, y_val), metrics=["accuracy"], rng=0, progress=False)
plot_decision_regions(axes[1], model.forward, X_train, y_train, trained=True)
fig.tight_layout()
plt.show()

# %% [markdown] tags=["en"]
# The colour of the background is the probability map: each point of the plane is coloured by
# mixing the class colours in proportion to $p$, so a pale colour means an unsure network. The
# dark lines are the **decision boundaries**, where the argmax changes. Before training the
# network splits the plane almost at random, with pale colours everywhere; after training each
# arm has its own region.

# %% [markdown] tags=["sv"]
# Bakgrundens färg är sannolikhetskartan: varje punkt i planet färgas genom att klassernas färger
# blandas i proportion till $p$, så en blek färg betyder ett osäkert nätverk. De mörka linjerna är
# **beslutsgränserna**, där argmax byter klass. Före träningen delar nätverket upp planet nästan
# slumpmässigt, med bleka färger överallt; efter träningen har varje arm sitt eget område.

# %% tags=["en"]
fig, axes = plt.subplots(1, 2, figsize=(11, 3.8))
plot_history(axes, history)
fig.tight_layout()
plt.show()

print(f"loss of uniform guessing ln 3 = {np.log(3):.3f}; first epoch {history.loss[0]:.3f}")
print(f"after 200 epochs: training loss {history.loss[-1]:.3f}, validation loss {history.val_loss[-1]:.3f}")
print(f"validation accuracy {accuracy(model.forward(X_val), y_val):.3f}")

# %% tags=["sv"]
fig, axes = plt.subplots(1, 2, figsize=(11, 3.8))
plot_history(axes, history)
fig.tight_layout()
plt.show()

print(f"förlust vid likformig gissning ln 3 = {np.log(3):.3f}; första epoken {history.loss[0]:.3f}")
print(f"efter 200 epoker: förlust på träningsdata {history.loss[-1]:.3f}, på valideringsdata {history.val_loss[-1]:.3f}")
print(f"träffsäkerhet på valideringsdata {accuracy(model.forward(X_val), y_val):.3f}")

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 7 minutes. Before running, ask what the loss of the first epoch should
# be near (expected: ln 3 ≈ 1.10, the uniform guess; the first epoch's mean is already a bit below
# because the network learns during it). Point at the training and validation curves lying close
# together: the network has not learned the training points by heart, a theme of chapter 11. If
# there is time, change the last layer to 2 output nodes and let the room predict the error
# message from CrossEntropy.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 7 minuter. Fråga innan körningen var förlusten för den första
# epoken borde ligga (förväntat svar: nära ln 3 ≈ 1,10, den likformiga gissningen; medelvärdet för
# den första epoken är redan lite lägre eftersom nätverket lär sig under den). Peka på att
# kurvorna för träningsdata och valideringsdata ligger nära varandra: nätverket har inte lärt sig
# träningspunkterna utantill, ett tema i kapitel 11. Om tiden räcker: ändra sista lagret till 2
# utdatanoder och låt salen förutsäga felmeddelandet från CrossEntropy.

# %% [markdown] tags=["en"]
# **Check yourself.** The spiral network has $K = 3$ output nodes after a hidden layer with 32
# nodes. What are the shapes of the last layer's $W$ and $b$, and of $Z$ and `dZ` for a batch of 32?
#
# <details><summary>Answer</summary>
#
# $W$: $(3, 32)$, one row per output node; $b$: $(3,)$; $Z$ and `dZ`: $(32, 3)$, one row per
# sample and one column per class.
#
# </details>

# %% [markdown] tags=["sv"]
# **Testa dig själv.** Spiralnätverket har $K = 3$ utdatanoder efter ett dolt lager med 32 noder.
# Vilka former har det sista lagrets $W$ och $b$, och $Z$ och `dZ` för en batch med 32 exempel?
#
# <details><summary>Svar</summary>
#
# $W$: $(3, 32)$, en rad per utdatanod; $b$: $(3,)$; $Z$ och `dZ`: $(32, 3)$, en rad per exempel
# och en kolumn per klass.
#
# </details>

# %% [markdown] tags=["en", "slide"]
# ## 8 Going further (optional): the same gradient through the Jacobian
#
# §3 differentiated $L$ directly with respect to the scores. The longer route goes through the
# probabilities with the chain rule, and shows why fusing softmax into the loss is wise.
#
# **Softmax's Jacobian.** Every $p_i$ depends on every $z_j$, so the derivative of softmax is a
# $K \times K$ matrix $J$ with $J_{ij} = \partial p_i / \partial z_j$. With the quotient rule on
# $p_i = e^{z_i} / S$, $S = \sum_j e^{z_j}$:
#
# - $i = j$: $\dfrac{e^{z_i} S - e^{z_i} e^{z_i}}{S^2} = p_i - p_i^2 = p_i(1 - p_i)$,
# - $i \ne j$: $\dfrac{0 \cdot S - e^{z_i} e^{z_j}}{S^2} = -p_i p_j$,
#
# that is $J_{ij} = p_i(\delta_{ij} - p_j)$, or $J = \operatorname{diag}(p) - p\,p^\top$.
#
# **Chain rule.** $L = -\sum_i y_i \ln p_i$ gives $\partial L / \partial p_i = -y_i / p_i$. Then
#
# $$\frac{\partial L}{\partial z_j} = \sum_i \frac{\partial L}{\partial p_i} \frac{\partial p_i}{\partial z_j}
# = \sum_i \Bigl(-\frac{y_i}{p_i}\Bigr) p_i (\delta_{ij} - p_j)
# = -y_j + p_j \sum_i y_i = p_j - y_j ,$$
#
# using $\sum_i y_i = 1$. The same $p - y$; but the long route divides by $p_i$, which can be 0 in
# floating point, and multiplies a $K \times K$ matrix. The fused form needs neither: that is why
# `CrossEntropy` takes scores.

# %% [markdown] tags=["sv", "slide"]
# ## 8 Fördjupning (frivillig): samma gradient genom Jacobimatrisen
#
# I §3 deriverade vi $L$ direkt med avseende på poängen. Den längre vägen går genom
# sannolikheterna med kedjeregeln och visar varför det är klokt att bygga in softmax i förlusten.
#
# **Softmax Jacobimatris.** Varje $p_i$ beror på varje $z_j$, så derivatan av softmax är en
# $K \times K$-matris $J$ med $J_{ij} = \partial p_i / \partial z_j$. Med kvotregeln på
# $p_i = e^{z_i} / S$, $S = \sum_j e^{z_j}$:
#
# - $i = j$: $\dfrac{e^{z_i} S - e^{z_i} e^{z_i}}{S^2} = p_i - p_i^2 = p_i(1 - p_i)$,
# - $i \ne j$: $\dfrac{0 \cdot S - e^{z_i} e^{z_j}}{S^2} = -p_i p_j$,
#
# alltså $J_{ij} = p_i(\delta_{ij} - p_j)$, eller $J = \operatorname{diag}(p) - p\,p^\top$.
#
# **Kedjeregeln.** $L = -\sum_i y_i \ln p_i$ ger $\partial L / \partial p_i = -y_i / p_i$. Då är
#
# $$\frac{\partial L}{\partial z_j} = \sum_i \frac{\partial L}{\partial p_i} \frac{\partial p_i}{\partial z_j}
# = \sum_i \Bigl(-\frac{y_i}{p_i}\Bigr) p_i (\delta_{ij} - p_j)
# = -y_j + p_j \sum_i y_i = p_j - y_j ,$$
#
# eftersom $\sum_i y_i = 1$. Samma $p - y$; men den långa vägen delar med $p_i$, som kan vara 0 i
# flyttal, och multiplicerar med en $K \times K$-matris. Den sammanslagna formen behöver ingetdera:
# därför tar `CrossEntropy` poäng.

# %% tags=["en"]
J = np.diag(p) - np.outer(p, p)
dL_dp = -y_onehot / p
print("Jacobian J:")
print(J.round(4))
print("J^T (dL/dp):", (J.T @ dL_dp).round(4))
print("p - y      :", (p - y_onehot).round(4))

# %% tags=["sv"]
J = np.diag(p) - np.outer(p, p)
dL_dp = -y_onehot / p
print("Jacobimatrisen J:")
print(J.round(4))
print("J^T (dL/dp):", (J.T @ dL_dp).round(4))
print("p - y      :", (p - y_onehot).round(4))

# %% [markdown] tags=["en", "slide"]
# ## Summary
#
# - A network for $K$ classes ends in $K$ output nodes with **scores** (logits) $z$, shape $(N, K)$
#   for a batch.
# - **Softmax** $p_k = e^{z_k} / \sum_j e^{z_j}$ turns scores into probabilities: positive, with the
#   sum 1, in the order of the scores. Only differences between scores matter.
# - $e^z$ overflows for $z > 709.78$; subtract the row's **maximum** first. Same result,
#   numerically stable.
# - **Cross-entropy** $L = -\ln p_c$ is used because the outputs are probabilities, not because
#   there are several nodes. Its gradient with respect to the scores is $\partial L / \partial z = p - y$
#   ($dZ = (P - Y)/N$ for a batch mean): up for the true class, down for the others.
# - **Predict** with $\arg\max_k z_k$ (the most likely class, not a sure one); the **accuracy** is
#   the fraction predicted right. We train on the loss, not on the accuracy.
# - **Temperature** $\operatorname{softmax}(z / T)$: small $T$ sharpens, large $T$ flattens; the
#   order stays.
# - **Multi-class** (exactly one class): softmax. **Multi-label** (any number of labels): one
#   sigmoid per label with binary cross-entropy.
#
# **Next.** In [exercise 08](../../exercises/en/08_softmax.ipynb) you write a numerically stable
# softmax for a whole batch, the cross-entropy from the scores, its gradient and the accuracy, and
# choose the output activation for three tasks. Chapter 09 trains faster: momentum, Adam, a good
# starting point for the weights, and a fair way to choose the learning rate.

# %% [markdown] tags=["sv", "slide"]
# ## Sammanfattning
#
# - Ett nätverk för $K$ klasser slutar med $K$ utdatanoder med **poäng** (logits) $z$, formen
#   $(N, K)$ för en batch.
# - **Softmax** $p_k = e^{z_k} / \sum_j e^{z_j}$ gör om poäng till sannolikheter: positiva, med
#   summan 1, i poängens ordning. Bara skillnaderna mellan poängen spelar roll.
# - $e^z$ blir för stort för $z > 709{,}78$; dra först bort radens **maximum**. Samma resultat,
#   numeriskt stabilt.
# - **Korsentropi** $L = -\ln p_c$ används för att utdata är sannolikheter, inte för att det finns
#   flera noder. Dess gradient med avseende på poängen är $\partial L / \partial z = p - y$
#   ($dZ = (P - Y)/N$ för ett medelvärde över en batch): uppåt för den rätta klassen, nedåt för
#   de andra.
# - **Prediktera** med $\arg\max_k z_k$ (den mest sannolika klassen, inte en säker);
#   **träffsäkerheten** är andelen som predikteras rätt. Vi tränar på förlusten, inte på
#   träffsäkerheten.
# - **Temperatur** $\operatorname{softmax}(z / T)$: litet $T$ skärper, stort $T$ plattar ut;
#   ordningen består.
# - **Flera klasser** (precis en klass): softmax. **Flera etiketter** (hur många som helst): en
#   sigmoid per etikett med binär korsentropi.
#
# **Nästa steg.** I [övning 08](../../exercises/sv/08_softmax.ipynb) skriver du en numeriskt
# stabil softmax för en hel batch, korsentropin från poängen, dess gradient och träffsäkerheten,
# och väljer aktiveringsfunktion för utdatalagret i tre uppgifter. Kapitel 09 tränar snabbare:
# momentum, Adam, en bra startpunkt för vikterna och ett rättvist sätt att välja inlärningstakt.
