# %% [markdown] tags=["en", "slide"]
# # 09 Optimisers, initialisation and hyperparameters
#
# Chapters 05–08 trained every network with the same rule, $w \leftarrow w - \eta\, g$, where $g$ is
# the gradient from backpropagation. That rule works, but it can be slow, it can zigzag, and it
# depends on things we chose without much thought: where the weights start, how many samples go
# into one step, how large $\eta$ is. This chapter looks at those choices one by one.
#
# After this chapter you can
#
# - explain and compute a step of gradient descent with **momentum** and of **Adam**, and say
#   when each helps,
# - say how the batch size and the learning rate show up in a training curve,
# - explain why weights start random, and why their **scale** matters (Xavier and He),
# - tell **parameters** from **hyperparameters**, and choose hyperparameters with a small, honest
#   search on a validation set.

# %% [markdown] tags=["sv", "slide"]
# # 09 Optimerare, initiering och hyperparametrar
#
# I kapitel 05–08 tränade vi varje nätverk med samma regel, $w \leftarrow w - \eta\, g$, där $g$ är
# gradienten från bakåtpropageringen. Regeln fungerar, men den kan vara långsam, den kan gå i
# sicksack, och den beror på saker som vi valde utan att tänka så mycket på dem: var vikterna
# börjar, hur många exempel som ingår i ett steg och hur stort $\eta$ är. Det här kapitlet går
# igenom de valen ett i taget.
#
# Efter det här kapitlet kan du
#
# - förklara och räkna ut ett steg av gradientnedstigning med **momentum** och av **Adam**, och
#   säga när var och en hjälper,
# - säga hur batchstorleken och inlärningstakten syns i en träningskurva,
# - förklara varför vikterna börjar slumpmässigt och varför deras **skala** spelar roll (Xavier
#   och He),
# - skilja **parametrar** från **hyperparametrar** och välja hyperparametrar med en liten, ärlig
#   sökning på valideringsdata.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** Timing for 45 minutes: §1 momentum 8 min, §2 Adam 8 min, §3 the race 6 min,
# §4 batch size and learning rate 6 min, §5 initialisation with the histograms 8 min, §6
# parameters and hyperparameters 3 min, §7 the search 6 min. §8 (why Adam's bias correction works)
# is optional. If time is short, run §4 and §7 without discussing every curve: the message of §7
# (choose on validation, report on test once) matters more than its numbers.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Tidsplan för 45 minuter: §1 momentum 8 min, §2 Adam 8 min, §3 kapplöpningen
# 6 min, §4 batchstorlek och inlärningstakt 6 min, §5 initiering med histogrammen 8 min, §6
# parametrar och hyperparametrar 3 min, §7 sökningen 6 min. §8 (varför Adams biaskorrigering
# fungerar) är frivilligt. Om tiden är knapp: kör §4 och §7 utan att diskutera varje kurva;
# budskapet i §7 (välj på valideringsdata, redovisa på testdata en gång) är viktigare än dess tal.

# %%
from course import set_language
set_language("en")

import numpy as np
import matplotlib.pyplot as plt

from nnlib.data import train_test_split
from nnlib.datasets import spirals
from nnlib.losses import CrossEntropy
from nnlib.metrics import accuracy
from nnlib.model import MLP
from nnlib.optim import SGD, Adam
from nnlib.training import fit
from course.widgets.optimizers import (
    InitHistograms,
    OptimizerRace,
    Point,
    TrainingCurves,
    best_trial,
    layer_activations,
    layer_stats,
    plot_curves,
    plot_search,
    random_search,
    training_curve,
)

# %% [markdown] tags=["en", "slide"]
# ## 1 Momentum: a ball that remembers
#
# Chapter 05 showed the weak spot of plain gradient descent: in a long, narrow valley (a
# **ravine**) the gradient points mostly across the valley, not along it. A learning rate large
# enough to move along the valley floor makes the steps overshoot across it, so $\eta$ must stay
# small, and progress along the floor is slow.
#
# **Momentum** keeps a **velocity** $v$, a running sum of past gradients in which older ones count
# less and less, and steps along it:
#
# $$v \leftarrow \mu\, v + g, \qquad w \leftarrow w - \eta\, v ,$$
#
# with $v = 0$ at the start and the momentum $\mu \in [0, 1)$, often $0.9$. With $\mu = 0$ it is
# plain gradient descent. Picture a ball rolling downhill: where the slope keeps its direction, it
# gathers speed; where the slope flips from side to side, the pushes cancel.
#
# **By hand**, $\mu = 0.9$:
#
# | step | $g$ always $+1$: $v$ | $g$ flips $+1, -1, \dots$: $v$ |
# |---|---|---|
# | 1 | $0.9 \cdot 0 + 1 = 1$ | $1$ |
# | 2 | $0.9 \cdot 1 + 1 = 1.9$ | $0.9 \cdot 1 - 1 = -0.1$ |
# | 3 | $0.9 \cdot 1.9 + 1 = 2.71$ | $0.9 \cdot (-0.1) + 1 = 0.91$ |
# | 4 | $3.439$ | $-0.181$ |
# | … | $\to 1/(1 - \mu) = 10$ | $\to \pm 1/(1 + \mu) \approx \pm 0.53$ |
#
# Along a steady slope the steps grow tenfold; across a zigzag they shrink to about half.

# %% [markdown] tags=["sv", "slide"]
# ## 1 Momentum: en kula som minns
#
# I kapitel 05 såg vi den vanliga gradientnedstigningens svaga punkt: i en lång, smal dal (en
# **ravin**) pekar gradienten mest tvärs över dalen, inte längs den. En inlärningstakt som är stor
# nog för att ta oss fram längs dalens botten gör stegen för långa tvärs över den, så $\eta$
# måste hållas liten, och det går långsamt längs botten.
#
# **Momentum** håller reda på en **hastighet** $v$, en löpande summa av tidigare gradienter där
# äldre gradienter räknas mindre och mindre, och tar steget längs den:
#
# $$v \leftarrow \mu\, v + g, \qquad w \leftarrow w - \eta\, v ,$$
#
# med $v = 0$ från början och momentum $\mu \in [0, 1)$, ofta $0{,}9$. Med $\mu = 0$ är det vanlig
# gradientnedstigning. Tänk dig en kula som rullar nedför: där lutningen behåller sin riktning ökar
# farten; där lutningen växlar från sida till sida tar knuffarna ut varandra.
#
# **För hand**, $\mu = 0{,}9$:
#
# | steg | $g$ alltid $+1$: $v$ | $g$ växlar $+1, -1, \dots$: $v$ |
# |---|---|---|
# | 1 | $0{,}9 \cdot 0 + 1 = 1$ | $1$ |
# | 2 | $0{,}9 \cdot 1 + 1 = 1{,}9$ | $0{,}9 \cdot 1 - 1 = -0{,}1$ |
# | 3 | $0{,}9 \cdot 1{,}9 + 1 = 2{,}71$ | $0{,}9 \cdot (-0{,}1) + 1 = 0{,}91$ |
# | 4 | $3{,}439$ | $-0{,}181$ |
# | … | $\to 1/(1 - \mu) = 10$ | $\to \pm 1/(1 + \mu) \approx \pm 0{,}53$ |
#
# Längs en jämn lutning blir stegen tio gånger större; tvärs över en sicksack krymper de till ungefär
# hälften.

# %% [markdown] tags=["en"]
# The same in numpy, and then with `nnlib.optim.SGD(momentum=0.9)`. An `nnlib` optimiser updates
# every parameter of a model from the gradients that `backward` left there; `Point` wraps a single
# array as such a "model", so we can feed it any gradient we like.

# %% [markdown] tags=["sv"]
# Samma sak i numpy, och sedan med `nnlib.optim.SGD(momentum=0.9)`. En optimerare i `nnlib`
# uppdaterar varje parameter i en modell utifrån gradienterna som `backward` lämnade där; `Point`
# gör en enda array till en sådan ”modell”, så att vi kan ge den vilka gradienter vi vill.

# %% tags=["en"]
mu = 0.9
v_steady, v_flip = 0.0, 0.0
for step in range(1, 51):
    v_steady = mu * v_steady + 1.0
    v_flip = mu * v_flip + (1.0 if step % 2 else -1.0)
    if step in (1, 2, 3, 4, 50):
        print(f"step {step:2d}: steady v = {v_steady:.3f}   flipping v = {v_flip:+.3f}")

point = Point([0.0, 0.0])
optimizer = SGD(learning_rate=0.1, momentum=0.9)
for step in range(1, 4):
    point.grads["w"] = np.array([1.0, 1.0 if step % 2 else -1.0])
    optimizer.step(point)
    print(f"nnlib, step {step}: velocity {optimizer.velocity['w']}, w = {point.params['w']}")

# %% tags=["sv"]
mu = 0.9
v_steady, v_flip = 0.0, 0.0
for step in range(1, 51):
    v_steady = mu * v_steady + 1.0
    v_flip = mu * v_flip + (1.0 if step % 2 else -1.0)
    if step in (1, 2, 3, 4, 50):
        print(f"steg {step:2d}: jämn v = {v_steady:.3f}   växlande v = {v_flip:+.3f}")

point = Point([0.0, 0.0])
optimizer = SGD(learning_rate=0.1, momentum=0.9)
for step in range(1, 4):
    point.grads["w"] = np.array([1.0, 1.0 if step % 2 else -1.0])
    optimizer.step(point)
    print(f"nnlib, steg {step}: hastighet {optimizer.velocity['w']}, w = {point.params['w']}")

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 8 minutes. Fill in the table on the board with the room, one column at
# a time. Ask: "What is v after very many steps if g is always 1?" Expected: the v that does not
# change, v = μv + 1, so v = 1/(1 − μ) = 10. Misconception: that momentum makes every step larger.
# It makes steady directions larger and flipping ones smaller; that is what helps in a ravine.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 8 minuter. Fyll i tabellen på tavlan tillsammans med salen, en
# kolumn i taget. Fråga: ”Vad blir v efter väldigt många steg om g alltid är 1?” Förväntat svar:
# det v som inte ändras, v = μv + 1, alltså v = 1/(1 − μ) = 10. Vanligt missförstånd: att momentum
# gör varje steg större. Det gör jämna riktningar större och växlande mindre; det är det som
# hjälper i en ravin.

# %% [markdown] tags=["en", "slide"]
# ## 2 Adam: a step size for every parameter
#
# The study notes call Adam "adaptive moment estimation" that "adapts the learning rate". **Adam**
# (Kingma & Ba, 2015) keeps two running averages for every parameter: $m$ of the gradients (the
# first moment, like momentum) and $v$ of the **squared** gradients (the second moment). At step
# $t = 1, 2, \dots$:
#
# $$\begin{aligned}
# m &\leftarrow \beta_1 m + (1 - \beta_1)\, g, &\qquad v &\leftarrow \beta_2 v + (1 - \beta_2)\, g^2, \\
# \hat m &= \frac{m}{1 - \beta_1^{\,t}}, & \hat v &= \frac{v}{1 - \beta_2^{\,t}}, \\
# w &\leftarrow w - \eta\, \frac{\hat m}{\sqrt{\hat v} + \varepsilon}, &&
# \end{aligned}$$
#
# usually with $\eta = 0.001$, $\beta_1 = 0.9$, $\beta_2 = 0.999$, $\varepsilon = 10^{-8}$. Everything is
# element by element: each weight has its own $m$ and $v$.
#
# - **Dividing by $\sqrt{\hat v}$** makes the step about $\eta$ in size whether the gradient of that
#   weight is $\pm 4$ or $\pm 0.004$. Weights with small gradients are not left behind, and weights
#   with large ones do not jump too far.
# - **The hats** correct for the start at $m = v = 0$, which would make the first averages too
#   small (§8 shows why dividing by $1 - \beta^t$ is exactly right).
#
# So what adapts? Not $\eta$: it stays the number you set, and it is still the most important
# hyperparameter of Adam. What adapts is every weight's **effective step** $\eta / (\sqrt{\hat v} + \varepsilon)$,
# each from its own gradient history. That is the precise meaning of the notes' "adapts the
# learning rate".

# %% [markdown] tags=["sv", "slide"]
# ## 2 Adam: ett eget steg för varje parameter
#
# Studieanteckningarna kallar Adam ”adaptive moment estimation”, som ”anpassar inlärningstakten”.
# **Adam** (Kingma & Ba, 2015) håller två löpande medelvärden för varje parameter: $m$ av gradienterna
# (det första momentet, som momentum) och $v$ av de **kvadrerade** gradienterna (det andra
# momentet). I steg $t = 1, 2, \dots$:
#
# $$\begin{aligned}
# m &\leftarrow \beta_1 m + (1 - \beta_1)\, g, &\qquad v &\leftarrow \beta_2 v + (1 - \beta_2)\, g^2, \\
# \hat m &= \frac{m}{1 - \beta_1^{\,t}}, & \hat v &= \frac{v}{1 - \beta_2^{\,t}}, \\
# w &\leftarrow w - \eta\, \frac{\hat m}{\sqrt{\hat v} + \varepsilon}, &&
# \end{aligned}$$
#
# oftast med $\eta = 0{,}001$, $\beta_1 = 0{,}9$, $\beta_2 = 0{,}999$, $\varepsilon = 10^{-8}$. Allt sker
# element för element: varje vikt har sina egna $m$ och $v$.
#
# - **Att dela med $\sqrt{\hat v}$** gör steget ungefär $\eta$ stort, oavsett om vikten har gradienten
#   $\pm 4$ eller $\pm 0{,}004$. Vikter med små gradienter blir inte efter, och vikter med stora
#   hoppar inte för långt.
# - **Hattarna** korrigerar för starten i $m = v = 0$, som annars skulle göra de första
#   medelvärdena för små (§8 visar varför det är precis rätt att dela med $1 - \beta^t$).
#
# Vad är det då som anpassas? Inte $\eta$: den är det tal du har valt, och den är fortfarande Adams
# viktigaste hyperparameter. Det som anpassas är varje vikts **effektiva steg**
# $\eta / (\sqrt{\hat v} + \varepsilon)$, var och en utifrån sin egen gradienthistorik. Det är den
# precisa innebörden av anteckningarnas ”anpassar inlärningstakten”.

# %% [markdown] tags=["en", "subslide"]
# ### Worked example by hand
#
# Two weights with the gradients $g = (4,\ 0.004)$, a factor 1000 apart; $\eta = 0.1$ and the
# usual $\beta$s. First step, $t = 1$, from $m = v = 0$:
#
# | | weight 1 | weight 2 |
# |---|---|---|
# | $m = 0.1\, g$ | $0.4$ | $0.0004$ |
# | $v = 0.001\, g^2$ | $0.016$ | $1.6 \cdot 10^{-8}$ |
# | $\hat m = m / 0.1$ | $4$ | $0.004$ |
# | $\hat v = v / 0.001$ | $16$ | $1.6 \cdot 10^{-5}$ |
# | step $\eta\, \hat m / (\sqrt{\hat v} + \varepsilon)$ | $0.1 \cdot 4/4 = 0.1$ | $0.1 \cdot 0.004/0.004 \approx 0.1$ |
# | plain SGD step $\eta\, g$ | $0.4$ | $0.0004$ |
#
# Adam moves both weights by $\eta$; plain gradient descent moves one 1000 times farther than the
# other.

# %% [markdown] tags=["sv", "subslide"]
# ### Räkneexempel för hand
#
# Två vikter med gradienterna $g = (4;\ 0{,}004)$, en faktor 1000 från varandra; $\eta = 0{,}1$ och de
# vanliga $\beta$-värdena. Första steget, $t = 1$, från $m = v = 0$:
#
# | | vikt 1 | vikt 2 |
# |---|---|---|
# | $m = 0{,}1\, g$ | $0{,}4$ | $0{,}0004$ |
# | $v = 0{,}001\, g^2$ | $0{,}016$ | $1{,}6 \cdot 10^{-8}$ |
# | $\hat m = m / 0{,}1$ | $4$ | $0{,}004$ |
# | $\hat v = v / 0{,}001$ | $16$ | $1{,}6 \cdot 10^{-5}$ |
# | steg $\eta\, \hat m / (\sqrt{\hat v} + \varepsilon)$ | $0{,}1 \cdot 4/4 = 0{,}1$ | $0{,}1 \cdot 0{,}004/0{,}004 \approx 0{,}1$ |
# | vanligt SGD-steg $\eta\, g$ | $0{,}4$ | $0{,}0004$ |
#
# Adam flyttar båda vikterna lika långt, $\eta$; vanlig gradientnedstigning flyttar den ena 1000 gånger längre än
# den andra.

# %% tags=["en"]
g = np.array([4.0, 0.004])
eta, beta1, beta2, eps = 0.1, 0.9, 0.999, 1e-8
m = (1 - beta1) * g
v = (1 - beta2) * g ** 2
m_hat, v_hat = m / (1 - beta1), v / (1 - beta2)
print("by hand, Adam step:", eta * m_hat / (np.sqrt(v_hat) + eps))
print("plain SGD step    :", eta * g)

point = Point([0.0, 0.0])
adam = Adam(learning_rate=eta)
point.grads["w"] = g.copy()
adam.step(point)
print("nnlib Adam step   :", -point.params["w"])

# %% tags=["sv"]
g = np.array([4.0, 0.004])
eta, beta1, beta2, eps = 0.1, 0.9, 0.999, 1e-8
m = (1 - beta1) * g
v = (1 - beta2) * g ** 2
m_hat, v_hat = m / (1 - beta1), v / (1 - beta2)
print("för hand, Adam-steg:", eta * m_hat / (np.sqrt(v_hat) + eps))
print("vanligt SGD-steg   :", eta * g)

point = Point([0.0, 0.0])
adam = Adam(learning_rate=eta)
point.grads["w"] = g.copy()
adam.step(point)
print("nnlib, Adam-steg   :", -point.params["w"])

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 8 minutes. Ask before the table: "Two weights, gradients 4 and 0.004.
# With plain gradient descent, how far does each move?" (0.4 and 0.0004 for η = 0.1.) Then fill the
# Adam column. Misconception from the notes: "Adam changes the learning rate". Ask whether Adam
# still needs a tuned learning rate (expected: yes; its step is about η per weight, so η decides how
# far the weights move). Adapting is per weight, not a replacement for choosing η.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 8 minuter. Fråga före tabellen: ”Två vikter, gradienterna 4 och
# 0,004. Hur långt flyttas var och en med vanlig gradientnedstigning?” (0,4 och 0,0004 för η = 0,1.)
# Fyll sedan i Adam-kolumnen. Missförstånd från anteckningarna: ”Adam ändrar inlärningstakten”. Fråga om
# Adam fortfarande behöver en vald inlärningstakt (förväntat svar: ja; dess steg är ungefär η per
# vikt, så η avgör hur långt vikterna flyttas). Anpassningen sker per vikt och ersätter inte valet
# av η.

# %% [markdown] tags=["en"]
# **Check yourself.**
#
# 1. With $\mu = 0.5$ and a constant gradient $g$, what does the velocity approach?
# 2. A weight's gradient is exactly 0 at every step. What does Adam do with it, and why is
#    $\varepsilon$ needed?
# 3. Every gradient of a network is multiplied by 100 (for example because the loss was
#    multiplied by 100). What happens to the steps of plain gradient descent, and to Adam's?
#
# <details><summary>Answer</summary>
#
# 1. $v = \mu v + g$ gives $v = g / (1 - \mu) = 2g$.
# 2. $m = v = 0$, so the step is $\eta \cdot 0 / (0 + \varepsilon) = 0$: it stays. Without
#    $\varepsilon$ it would be $0/0$.
# 3. Plain gradient descent takes 100 times larger steps (and may diverge). Adam's steps stay the
#    same: $\hat m$ and $\sqrt{\hat v}$ both grow 100 times, and their ratio does not change (apart
#    from the tiny $\varepsilon$).
#
# </details>

# %% [markdown] tags=["sv"]
# **Testa dig själv.**
#
# 1. Vad närmar sig hastigheten med $\mu = 0{,}5$ och en konstant gradient $g$?
# 2. En vikts gradient är exakt 0 i varje steg. Vad gör Adam med den, och varför behövs
#    $\varepsilon$?
# 3. Varje gradient i ett nätverk multipliceras med 100 (till exempel för att förlusten
#    multiplicerades med 100). Vad händer med stegen i vanlig gradientnedstigning, och med Adams?
#
# <details><summary>Svar</summary>
#
# 1. $v = \mu v + g$ ger $v = g / (1 - \mu) = 2g$.
# 2. $m = v = 0$, så steget är $\eta \cdot 0 / (0 + \varepsilon) = 0$: vikten står still. Utan
#    $\varepsilon$ skulle det bli $0/0$.
# 3. Vanlig gradientnedstigning tar 100 gånger större steg (och kan divergera). Adams steg blir
#    desamma: både $\hat m$ och $\sqrt{\hat v}$ blir 100 gånger större, och kvoten mellan dem ändras
#    inte (bortsett från det lilla $\varepsilon$).
#
# </details>

# %% [markdown] tags=["en", "slide"]
# ## 3 The race
#
# Three optimisers start from the same point (the ring) on the same loss surface and run the same
# number of steps, each with its own settings; the star is the minimum. The right panel shows the
# loss per step on a log scale; the dotted line marks $L = 0.001$, "arrived". Choose the surface:
#
# - **bowl**: round, $L = \frac12(w_1^2 + w_2^2)$. Every direction is alike.
# - **ravine**: $L = 0.05\, w_1^2 + 5\, w_2^2$, a hundred times steeper across than along. Plain
#   gradient descent diverges for $\eta > 2/10 = 0.2$ (the steep direction decides, chapter 05),
#   and at $\eta = 0.19$ it zigzags across and crawls along.
# - **Rosenbrock-like valley**: $L = (1 - w_1)^2 + 10\,(w_2 - w_1^2)^2$, a curved banana-shaped
#   valley with the minimum at $(1,\ 1)$. The direction of the floor keeps changing.
#
# Things to try: on the ravine, raise SGD's $\eta$ past $0.2$; set momentum's $\mu$ to 0 (it becomes
# SGD); on the bowl, give SGD $\eta = 1$; on the valley, give Adam $\eta = 0.5$.

# %% [markdown] tags=["sv", "slide"]
# ## 3 Kapplöpningen
#
# Tre optimerare startar i samma punkt (ringen) på samma förlustyta och tar lika många steg, var och
# en med sina egna inställningar; stjärnan är minimum. Den högra panelen visar förlusten per steg i
# logaritmisk skala; den prickade linjen markerar $L = 0{,}001$, ”framme”. Välj yta:
#
# - **skål**: rund, $L = \frac12(w_1^2 + w_2^2)$. Alla riktningar är likadana.
# - **ravin**: $L = 0{,}05\, w_1^2 + 5\, w_2^2$, hundra gånger brantare tvärs över än längs med.
#   Vanlig gradientnedstigning divergerar för $\eta > 2/10 = 0{,}2$ (den branta riktningen avgör,
#   kapitel 05), och med $\eta = 0{,}19$ går den i sicksack tvärs över och kryper längs med.
# - **Rosenbrocklik dal**: $L = (1 - w_1)^2 + 10\,(w_2 - w_1^2)^2$, en böjd, bananformad dal med
#   minimum i $(1;\ 1)$. Dalbottnens riktning ändras hela tiden.
#
# Att prova: på ravinen, höj SGD:s $\eta$ över $0{,}2$; sätt momentums $\mu$ till 0 (då blir den
# SGD); på skålen, ge SGD $\eta = 1$; i dalen, ge Adam $\eta = 0{,}5$.

# %%
OptimizerRace("ravine")

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 6 minutes. Start on the ravine and ask the room to predict which racer
# arrives first before showing the status line (default settings: momentum and Adam after about 45
# steps, SGD not within 150). Then switch to the bowl: SGD with η = 1 arrives in one step, which
# shows that no optimiser wins everywhere, and the valley, where the defaults let SGD crawl. Ask why
# SGD cannot simply take a larger η on the ravine (expected: it diverges across the valley above
# 0.2).

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 6 minuter. Börja på ravinen och be salen förutsäga vilken
# optimerare som kommer fram först innan du visar statusraden (standardinställningarna: momentum och
# Adam efter ungefär 45 steg, SGD inte inom 150). Byt sedan till skålen: SGD med η = 1 är framme
# efter ett steg, vilket visar att ingen optimerare vinner överallt, och till dalen, där SGD kryper
# med standardinställningarna. Fråga varför SGD inte bara kan ta ett större η på ravinen
# (förväntat svar: den divergerar tvärs över dalen över 0,2).

# %% [markdown] tags=["en"]
# **Check yourself.** On the bowl $L = \frac12(w_1^2 + w_2^2)$, plain gradient descent with
# $\eta = 1$ reaches the minimum in one step from any start. Why? And why does that not work on the
# ravine?
#
# <details><summary>Answer</summary>
#
# The gradient is $g = (w_1,\ w_2) = w$, so $w - 1 \cdot g = 0$. On the ravine the gradient is
# $(0.1\, w_1,\ 10\, w_2)$: the two directions would need $\eta = 10$ and $\eta = 0.1$; no single
# $\eta$ fits both. That mismatch is exactly what momentum and Adam ease.
#
# </details>

# %% [markdown] tags=["sv"]
# **Testa dig själv.** På skålen $L = \frac12(w_1^2 + w_2^2)$ når vanlig gradientnedstigning med
# $\eta = 1$ minimum i ett enda steg från vilken start som helst. Varför? Och varför fungerar det
# inte på ravinen?
#
# <details><summary>Svar</summary>
#
# Gradienten är $g = (w_1;\ w_2) = w$, så $w - 1 \cdot g = 0$. På ravinen är gradienten
# $(0{,}1\, w_1;\ 10\, w_2)$: de två riktningarna skulle behöva $\eta = 10$ och $\eta = 0{,}1$; inget
# enskilt $\eta$ passar båda. Det är just den skillnaden som momentum och Adam mildrar.
#
# </details>

# %% [markdown] tags=["en", "slide"]
# ## 4 Mini-batches and the learning rate in a training curve
#
# A real network's loss surface has thousands of dimensions, but the same effects show up in its
# **training curve**, the loss per epoch. We train the two-hidden-layer network of chapter 08 on
# the three-armed spiral with plain SGD and change one thing at a time.
#
# **Batch size.** One epoch is one pass over the $N$ training samples; with batches of $B$ samples
# it contains $\lceil N/B \rceil$ iterations, each a forward pass, a backward pass and a weight
# update. Small batches give many updates per epoch, each from a noisy estimate of the gradient;
# the whole set gives one exact update per epoch. The left plot counts epochs, the middle one
# weight updates.
#
# **Learning rate.** Too small and the curve falls slowly; too large and it jumps about or
# diverges; in between it falls fast and steadily.

# %% [markdown] tags=["sv", "slide"]
# ## 4 Minibatchar och inlärningstakt i en träningskurva
#
# Ett riktigt nätverks förlustyta har tusentals dimensioner, men samma effekter syns i dess
# **träningskurva**, förlusten per epok. Vi tränar nätverket med två dolda lager från kapitel 08 på
# spiralen med tre armar med vanlig SGD och ändrar en sak i taget.
#
# **Batchstorlek.** En epok är en genomgång av de $N$ träningsexemplen; med batchar om $B$ exempel
# innehåller den $\lceil N/B \rceil$ iterationer, var och en ett framåtpass, ett bakåtpass och en
# viktuppdatering. Små batchar ger många uppdateringar per epok, var och en från en brusig
# uppskattning av gradienten; hela mängden ger en exakt uppdatering per epok. Den vänstra figuren
# räknar epoker, den mittersta viktuppdateringar.
#
# **Inlärningstakt.** För liten och kurvan faller långsamt; för stor och den hoppar omkring eller
# divergerar; däremellan faller den snabbt och jämnt.

# %%
X, y = spirals(450, n_classes=3, noise=0.04, rng=1)
X_rest, X_test, y_rest, y_test = train_test_split(X, y, test_size=0.2, stratify=True, rng=2)
X_train, X_val, y_train, y_val = train_test_split(X_rest, y_rest, test_size=0.25, stratify=True, rng=3)


def new_model():
    return MLP([2, 32, 32, 3], activation="relu", rng=0)


batch_curves = {size: training_curve(new_model, CrossEntropy(), SGD(learning_rate=0.05), X_train, y_train,
                                     epochs=40, batch_size=size)
                for size in (8, 32, None)}
lr_curves = {eta: training_curve(new_model, CrossEntropy(), SGD(learning_rate=eta), X_train, y_train,
                                 epochs=40, batch_size=32)
             for eta in (0.003, 0.03, 0.3, 3.0)}

fig, axes = plt.subplots(1, 3, figsize=(15, 4))
plot_curves(axes[0], batch_curves, kind="batch", n_samples=len(X_train))
plot_curves(axes[1], batch_curves, kind="batch", per_update=True, n_samples=len(X_train))
plot_curves(axes[2], lr_curves, kind="lr")
fig.tight_layout()
plt.show()

# %% tags=["en"]
for size, curve in batch_curves.items():
    print(f"batch {size or len(X_train):>3}: {curve.updates_per_epoch:>2} updates per epoch, "
          f"loss after 40 epochs {curve.loss[-1]:.3f}, {curve.seconds:.2f} s")

# %% tags=["sv"]
for size, curve in batch_curves.items():
    print(f"batch {size or len(X_train):>3}: {curve.updates_per_epoch:>2} uppdateringar per epok, "
          f"förlust efter 40 epoker {curve.loss[-1]:.3f}, {curve.seconds:.2f} s")

# %% [markdown] tags=["en"]
# Per epoch, small batches win: 34 updates beat one. Per update, the whole set is at least as good
# (its gradient is exact), but each of its updates costs 34 times as much computation. Mini-batches
# of a few dozen are the usual compromise, and their noise does no harm; it can even help to get
# out of flat regions. The learning-rate curves show the three regimes: $0.003$ hardly moves in 40
# epochs, $0.3$ falls fastest, $3$ jumps about and gets nowhere.

# %% [markdown] tags=["sv"]
# Per epok vinner små batchar: 34 uppdateringar slår en. Per uppdatering är hela mängden minst lika
# bra (dess gradient är exakt), men varje uppdatering kostar 34 gånger så mycket beräkning.
# Minibatchar om några dussin exempel är den vanliga kompromissen, och deras brus skadar inte; det
# kan till och med hjälpa nätverket ut ur platta områden. Kurvorna för inlärningstakten visar de tre
# fallen: $0{,}003$ rör sig knappt på 40 epoker, $0{,}3$ faller snabbast, $3$ hoppar omkring och kommer
# ingenstans.

# %% [markdown] tags=["en"]
# **Try it.** The same network, trained anew whenever you change the optimiser, the learning rate
# or the batch size (each run takes about half a second; the previous run stays visible, faded).
# Find a learning rate at which plain SGD, momentum and Adam each do well, and one at which each
# fails. Are they the same?

# %% [markdown] tags=["sv"]
# **Prova själv.** Samma nätverk, som tränas om varje gång du ändrar optimerare, inlärningstakt eller
# batchstorlek (varje körning tar ungefär en halv sekund; den förra körningen syns kvar, blekare). Hitta
# en inlärningstakt där vanlig SGD, momentum och Adam var och en klarar sig bra, och en där var och en
# misslyckas. Är de desamma?

# %%
TrainingCurves(new_model, (X_train, y_train), (X_val, y_val), epochs=40)

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 6 minutes. Ask before running: "Batch 8 or the whole set: which is
# lower after 40 epochs?" and then "after 40 updates?" Expected: batch 8 per epoch; per update the
# whole set is about as good or better. Then ask what an epoch costs in each case (the same
# number of samples through the network: the cost per epoch is about equal, the number of steps is
# not). For the learning rate, ask the room to sketch the three curves before showing them. Expected
# from the widget: plain SGD does well near η = 0.3, momentum near 0.03 (its effective step is
# η/(1 − μ) = 10η), Adam near 0.003–0.03; at 3 all of them fail. The best η depends on the optimiser.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 6 minuter. Fråga före körningen: ”Batch 8 eller hela mängden:
# vilken ligger lägst efter 40 epoker?” och sedan ”efter 40 uppdateringar?” Förväntat svar: batch 8
# per epok; per uppdatering är hela mängden ungefär lika bra eller bättre. Fråga sedan vad en epok
# kostar i båda fallen (lika många exempel genom nätverket: kostnaden per epok är ungefär lika, antalet
# steg är det inte). För inlärningstakten: be salen skissa de tre kurvorna innan de visas. Förväntat
# svar från widgeten: vanlig SGD klarar sig bra nära η = 0,3, momentum nära 0,03 (dess effektiva steg
# är η/(1 − μ) = 10η), Adam nära 0,003–0,03; vid 3 misslyckas alla. Det bästa η beror på optimeraren.

# %% [markdown] tags=["en", "slide"]
# ## 5 Where the weights start
#
# Choosing the starting values of the weights is called **weight initialisation**. The study notes
# say it is best to start the weights **randomly**. That is right, for two reasons.
#
# **Why not all equal, for example 0?** Then every node of a hidden layer computes the same value,
# receives the same gradient and gets the same update: the nodes stay copies of each other forever,
# and the layer works like a single node (chapter 07 showed this; exercise 09 counts it). Random
# starting weights break the *symmetry*.
#
# **But random is not enough: the scale matters.** Take a node $z_j = \sum_{k=1}^{n_{in}} w_{jk}\, a_k$
# with independent weights of mean 0. The variances of the $n_{in}$ terms add up:
#
# $$\operatorname{Var}(z_j) = n_{in} \cdot \operatorname{Var}(w) \cdot \mathbb{E}[a^2] .$$
#
# With $n_{in} = 100$: weights with standard deviation $1$ give $\operatorname{Var}(z) = 100\, \mathbb{E}[a^2]$,
# the signal is ten times larger after every layer, and tanh nodes **saturate** at $\pm 1$ where their
# derivative is almost 0. Weights with standard deviation $0.01$ give $\operatorname{Var}(z) = 0.01\, \mathbb{E}[a^2]$:
# ten times smaller after every layer, and after five layers nothing is left, for the activations
# and for the gradients. The cure is to choose $\operatorname{Var}(w)$ so that
# $n_{in} \operatorname{Var}(w)\, \mathbb{E}[a^2]$ stays about the size of $\mathbb{E}[a^2]$ of the previous layer:
#
# - **Xavier/Glorot** (for tanh and sigmoid): $\operatorname{Var}(w) = \dfrac{2}{n_{in} + n_{out}}$, a
#   compromise between $n_{in} \operatorname{Var}(w) = 1$ for the forward pass and
#   $n_{out} \operatorname{Var}(w) = 1$ for the backward pass.
# - **He** (for ReLU): $\operatorname{Var}(w) = \dfrac{2}{n_{in}}$. ReLU sets about half of its
#   inputs to 0, which halves $\mathbb{E}[a^2]$; the factor 2 makes up for it.

# %% [markdown] tags=["sv", "slide"]
# ## 5 Var vikterna börjar
#
# Valet av vikternas startvärden kallas **viktinitiering**. Studieanteckningarna säger att det är
# bäst att starta vikterna **slumpmässigt**. Det stämmer, av två skäl.
#
# **Varför inte alla lika, till exempel 0?** Då beräknar varje nod i ett dolt lager samma värde, får
# samma gradient och samma uppdatering: noderna förblir kopior av varandra för alltid, och lagret
# fungerar som en enda nod (kapitel 07 visade det; övning 09 räknar på det). Slumpmässiga startvikter
# bryter *symmetrin*.
#
# **Men slumpmässigt räcker inte: skalan spelar roll.** Ta en nod $z_j = \sum_{k=1}^{n_{in}} w_{jk}\, a_k$
# med oberoende vikter med medelvärdet 0. Varianserna för de $n_{in}$ termerna adderas:
#
# $$\operatorname{Var}(z_j) = n_{in} \cdot \operatorname{Var}(w) \cdot \mathbb{E}[a^2] .$$
#
# Med $n_{in} = 100$: vikter med standardavvikelsen $1$ ger $\operatorname{Var}(z) = 100\, \mathbb{E}[a^2]$,
# signalen blir tio gånger större efter varje lager, och tanh-noder **mättas** vid $\pm 1$, där deras
# derivata är nästan 0. Vikter med standardavvikelsen $0{,}01$ ger
# $\operatorname{Var}(z) = 0{,}01\, \mathbb{E}[a^2]$: tio gånger mindre efter varje lager, och efter fem
# lager finns ingenting kvar, varken av aktiveringarna eller av gradienterna. Botemedlet är att välja
# $\operatorname{Var}(w)$ så att $n_{in} \operatorname{Var}(w)\, \mathbb{E}[a^2]$ håller sig ungefär lika
# stort som $\mathbb{E}[a^2]$ i lagret före:
#
# - **Xavier/Glorot** (för tanh och sigmoid): $\operatorname{Var}(w) = \dfrac{2}{n_{in} + n_{out}}$, en
#   kompromiss mellan $n_{in} \operatorname{Var}(w) = 1$ för framåtpasset och
#   $n_{out} \operatorname{Var}(w) = 1$ för bakåtpasset.
# - **He** (för ReLU): $\operatorname{Var}(w) = \dfrac{2}{n_{in}}$. ReLU sätter ungefär hälften av sina
#   indatavärden till 0, vilket halverar $\mathbb{E}[a^2]$; faktorn 2 väger upp det.

# %% [markdown] tags=["en"]
# The widget builds a network with 5 hidden layers of 100 nodes, sends 500 random inputs through it
# **before any training**, and draws the histogram of every layer's activations. Choose the
# initialisation and the activation function. Look for: zeros (every node the same), too small (the
# histograms collapse onto 0, layer after layer), too large with tanh (everything piled up at $\pm 1$:
# saturated), too large with ReLU (the spread explodes; read the standard deviations in the titles),
# He with ReLU, where the spread stays put, and Xavier with tanh, where it shrinks only slowly (its
# standard deviation goes from about 0.6 to 0.3 over the five layers, because tanh flattens the
# larger values a little, against a factor 10 per layer for "too small"). With ReLU about half of the
# values are always 0; a node that is 0 for *every* sample is **dead** and gets no gradient.
# Gaussian starting weights rarely kill whole nodes: dead ReLU nodes mostly come later, from
# updates that are too large.

# %% [markdown] tags=["sv"]
# Widgeten bygger ett nätverk med 5 dolda lager med 100 noder, skickar 500 slumpmässiga indatavärden
# genom det **före all träning** och ritar histogrammet över varje lagers aktiveringar. Välj
# initiering och aktiveringsfunktion. Titta efter: nollor (varje nod likadan), för liten
# (histogrammen krymper ihop mot 0, lager efter lager), för stor med tanh (allt samlat vid $\pm 1$:
# mättat), för stor med ReLU (spridningen exploderar; läs standardavvikelserna i rubrikerna), He med
# ReLU, där spridningen står sig, och Xavier med tanh, där den bara krymper långsamt
# (standardavvikelsen går från ungefär 0,6 till 0,3 genom de fem lagren, eftersom tanh plattar till
# de större värdena något, mot en faktor 10 per lager för ”för liten”). Med ReLU är ungefär hälften
# av värdena alltid 0; en nod som är 0 för *varje* exempel är **död** och får ingen gradient.
# Normalfördelade startvikter dödar sällan hela noder: döda ReLU-noder uppstår oftast senare, av för
# stora uppdateringar.

# %%
InitHistograms(init="large", activation="tanh")

# %% [markdown] tags=["en"]
# The spread of each layer in numbers, for tanh:

# %% [markdown] tags=["sv"]
# Spridningen i varje lager i siffror, för tanh:

# %% tags=["en"]
for init in ("small", "large", "xavier"):
    stats = [layer_stats(A) for A in layer_activations(init, "tanh")]
    print(f"{init:6s} std per layer:", [round(s.std, 4) for s in stats],
          " saturated:", [round(s.saturated, 2) for s in stats])

# %% tags=["sv"]
for init in ("small", "large", "xavier"):
    stats = [layer_stats(A) for A in layer_activations(init, "tanh")]
    print(f"{init:6s} standardavvikelse per lager:", [round(s.std, 4) for s in stats],
          " mättade:", [round(s.saturated, 2) for s in stats])

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 8 minutes. Work out Var(z) = n_in · Var(w) · E[a²] on the board for
# n_in = 100 and std 1, then std 0.01, and ask what happens after five layers (×10 and ×0.1 per layer
# in standard deviation). Then show the widget in the order zeros, too small, too large, Xavier, He.
# Ask: "Xavier with ReLU: what do the titles show?" (the standard deviation shrinks by about 0.7 per
# layer: ReLU halves E[a²], which He's factor 2 is there to repair).

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 8 minuter. Räkna ut Var(z) = n_in · Var(w) · E[a²] på tavlan för
# n_in = 100 och standardavvikelsen 1, sedan 0,01, och fråga vad som händer efter fem lager (×10 och
# ×0,1 per lager i standardavvikelse). Visa sedan widgeten i ordningen nollor, för liten, för stor,
# Xavier, He. Fråga: ”Xavier med ReLU: vad visar rubrikerna?” (standardavvikelsen krymper med ungefär
# 0,7 per lager: ReLU halverar E[a²], och det är det He:s faktor 2 ska reparera).

# %% [markdown] tags=["en"]
# **Check yourself.** A dense layer has 50 inputs and 200 nodes. What standard deviation does He
# give its weights, and what does Xavier give?
#
# <details><summary>Answer</summary>
#
# He: $\sqrt{2/50} = \sqrt{0.04} = 0.2$. Xavier: $\sqrt{2/250} = \sqrt{0.008} \approx 0.089$.
#
# </details>

# %% [markdown] tags=["sv"]
# **Testa dig själv.** Ett fullt kopplat lager har 50 indatavärden och 200 noder. Vilken
# standardavvikelse ger He dess vikter, och vilken ger Xavier?
#
# <details><summary>Svar</summary>
#
# He: $\sqrt{2/50} = \sqrt{0{,}04} = 0{,}2$. Xavier: $\sqrt{2/250} = \sqrt{0{,}008} \approx 0{,}089$.
#
# </details>

# %% [markdown] tags=["en", "slide"]
# ## 6 Parameters and hyperparameters
#
# The **parameters** of a network are its weights and biases: there are many of them (the spiral
# network has 1,251), and training learns them with gradient descent. The **hyperparameters** are
# everything we choose *before* training, which gradient descent cannot learn because the loss has
# no gradient with respect to them, or because learning them on the training data would cheat. The
# notes list the learning rate, the number of hidden layers, the number of nodes in each layer and
# the activation function, and end with "…". Completed:
#
# | kind | hyperparameters |
# |---|---|
# | architecture | number of hidden layers, nodes per layer, activation function, output layer (chapter 08) |
# | optimisation | optimiser, learning rate $\eta$, momentum $\mu$, Adam's $\beta_1, \beta_2$, batch size, number of epochs |
# | starting point | initialisation (Xavier, He), the random seed |
# | later chapters | L2 strength, early stopping (chapter 11), filter size, stride, padding (chapter 10) |

# %% [markdown] tags=["sv", "slide"]
# ## 6 Parametrar och hyperparametrar
#
# Ett nätverks **parametrar** är dess vikter och biasvärden: de är många (spiralnätverket har 1 251),
# och träningen lär sig dem med gradientnedstigning. **Hyperparametrarna** är allt vi väljer *före*
# träningen, som gradientnedstigningen inte kan lära sig eftersom förlusten saknar gradient med
# avseende på dem, eller eftersom det vore fusk att lära sig dem på träningsdata. Anteckningarna
# räknar upp inlärningstakten, antalet dolda lager, antalet noder i varje lager och
# aktiveringsfunktionen, och slutar med ”…”. Fullständigt:
#
# | slag | hyperparametrar |
# |---|---|
# | arkitektur | antal dolda lager, noder per lager, aktiveringsfunktion, utdatalager (kapitel 08) |
# | optimering | optimerare, inlärningstakt $\eta$, momentum $\mu$, Adams $\beta_1, \beta_2$, batchstorlek, antal epoker |
# | startpunkt | initiering (Xavier, He), slumpfröet |
# | senare kapitel | styrka på L2, tidigt stopp (kapitel 11), filterstorlek, stride, padding (kapitel 10) |

# %% [markdown] tags=["en"]
# **Check yourself.** Parameter or hyperparameter: (a) the bias $b_3$ of the output layer, (b) the
# number of epochs, (c) the temperature $T$ of chapter 08, (d) the velocity $v$ of momentum?
#
# <details><summary>Answer</summary>
#
# (a) A parameter (learned). (b) and (c) Hyperparameters (chosen). (d) Neither: it is the
# optimiser's **state**, computed during training from the gradients; its *rate* $\mu$ is the
# hyperparameter.
#
# </details>

# %% [markdown] tags=["sv"]
# **Testa dig själv.** Parameter eller hyperparameter: (a) biasen $b_3$ i utdatalagret, (b) antalet
# epoker, (c) temperaturen $T$ från kapitel 08, (d) hastigheten $v$ i momentum?
#
# <details><summary>Svar</summary>
#
# (a) En parameter (inlärd). (b) och (c) Hyperparametrar (valda). (d) Ingetdera: den är
# optimerarens **tillstånd**, som räknas fram under träningen ur gradienterna; dess *takt* $\mu$ är
# hyperparametern.
#
# </details>

# %% [markdown] tags=["en", "slide"]
# ## 7 Choosing hyperparameters: a small, honest search
#
# The notes say there is no recipe: you try your way to a good solution. That is true, but trial
# and error can be done well or badly. Done well it is a **search**:
#
# 1. Split the data in three: a **training set** (learns the weights), a **validation set** (chooses
#    the hyperparameters) and a **test set** (looked at once, at the very end).
# 2. Decide what to vary and over which range. Learning rates vary over orders of magnitude, so draw
#    them **on a log scale** ($10^{-3}$ to $1$, not $0.001, 0.002, \dots$).
# 3. Train every candidate on the training set and score it on the validation set. Record **every**
#    result, including the failures.
# 4. Choose by the validation score, retrain if needed, and report the test score of that one choice.
#
# **Grid or random?** A grid of $3 \times 3$ tries only three learning rates. Random search with nine
# trials tries nine different learning rates and nine widths, and when one hyperparameter matters much
# more than the other (the learning rate usually does), that is what finds a good value.
#
# Why not choose on the test set? Because then the test score is no longer a fair estimate: with
# enough trials one of them will look good by luck, and the luck is counted as skill. The same
# holds, more mildly, for the validation score of the winner, which is why the test set exists.

# %% [markdown] tags=["sv", "slide"]
# ## 7 Att välja hyperparametrar: en liten, ärlig sökning
#
# Anteckningarna säger att det inte finns något recept: man får testa sig fram till en bra lösning.
# Det stämmer, men att testa sig fram kan göras bra eller dåligt. Görs det väl blir det en **sökning**:
#
# 1. Dela data i tre delar: **träningsdata** (lär vikterna), **valideringsdata** (väljer
#    hyperparametrarna) och **testdata** (som tittas på en gång, allra sist).
# 2. Bestäm vad som ska varieras och inom vilket intervall. Inlärningstakter varierar över flera
#    storleksordningar, så dra dem **på logaritmisk skala** ($10^{-3}$ till $1$, inte
#    $0{,}001, 0{,}002, \dots$).
# 3. Träna varje kandidat på träningsdata och mät den på valideringsdata. Anteckna **varje** resultat,
#    även misslyckandena.
# 4. Välj efter resultatet på valideringsdata, träna om vid behov och redovisa resultatet på testdata
#    för just det valet.
#
# **Rutnät eller slump?** Ett rutnät med $3 \times 3$ punkter provar bara tre inlärningstakter. En
# slumpmässig sökning med nio försök provar nio olika inlärningstakter och nio bredder, och när en
# hyperparameter betyder mycket mer än den andra (inlärningstakten gör oftast det) är det så man hittar
# ett bra värde.
#
# Varför inte välja på testdata? För att resultatet på testdata då inte längre är en rättvis
# uppskattning: med tillräckligt många försök ser något av dem bra ut av ren tur, och turen räknas
# som skicklighet. Detsamma gäller, i mildare form, vinnarens resultat på valideringsdata, och därför
# finns testdata.

# %% [markdown] tags=["en"]
# Here: 12 random trials, each a network `MLP([2, h, h, 3])` trained for 40 epochs with SGD and
# momentum $0.9$, with $\eta$ drawn log-uniformly from $10^{-3}$ to $1$ and the width $h$ from
# $\{2, 4, 8, 16, 32\}$. The data are the spiral, split 60 % / 20 % / 20 %.

# %% [markdown] tags=["sv"]
# Här: 12 slumpmässiga försök, vart och ett ett nätverk `MLP([2, h, h, 3])` som tränas i 40 epoker
# med SGD och momentum $0{,}9$, med $\eta$ dragen likformigt på logaritmisk skala från $10^{-3}$ till
# $1$ och bredden $h$ ur $\{2, 4, 8, 16, 32\}$. Data är spiralen, uppdelad 60 % / 20 % / 20 %.

# %%
trials = random_search((X_train, y_train), (X_val, y_val), n_trials=12, epochs=40, rng=1)
best = best_trial(trials)

fig, ax = plt.subplots(figsize=(9.5, 4.3))
plot_search(ax, trials, best)
plt.show()

# %% tags=["en"]
print("trial   learning rate   width   validation accuracy")
for number, trial in enumerate(trials, start=1):
    print(f"{number:5d}   {trial.learning_rate:13.4f}   {trial.hidden:5d}   {trial.val_accuracy:19.3f}")
print(f"chosen on validation: learning rate {best.learning_rate:.4f}, width {best.hidden}")

# %% tags=["sv"]
print("försök   inlärningstakt   bredd   träffsäkerhet (validering)")
for number, trial in enumerate(trials, start=1):
    print(f"{number:6d}   {trial.learning_rate:14.4f}   {trial.hidden:5d}   {trial.val_accuracy:26.3f}")
print(f"valt på valideringsdata: inlärningstakt {best.learning_rate:.4f}, bredd {best.hidden}")

# %% [markdown] tags=["en"]
# Now, and only now, the test set: retrain the chosen configuration on the training set with three
# different seeds (the seed is a hyperparameter too, and one run can be lucky), and measure each on
# the test set.

# %% [markdown] tags=["sv"]
# Nu, och först nu, testdata: träna om den valda konfigurationen på träningsdata med tre olika
# slumpfrön (slumpfröet är också en hyperparameter, och en körning kan ha tur) och mät var och en på
# testdata.

# %% tags=["en"]
test_scores = []
for seed in (10, 11, 12):
    model = MLP([2, best.hidden, best.hidden, 3], activation="relu", rng=seed)
    fit(model, CrossEntropy(), SGD(best.learning_rate, momentum=0.9), X_train, y_train, epochs=40,
        batch_size=32, rng=seed, progress=False)
    test_scores.append(accuracy(model.forward(X_test), y_test))
print("test accuracy per seed:", np.round(test_scores, 3))
print(f"mean {np.mean(test_scores):.3f}, validation score of the winner {best.val_accuracy:.3f}")

# %% tags=["sv"]
test_scores = []
for seed in (10, 11, 12):
    model = MLP([2, best.hidden, best.hidden, 3], activation="relu", rng=seed)
    fit(model, CrossEntropy(), SGD(best.learning_rate, momentum=0.9), X_train, y_train, epochs=40,
        batch_size=32, rng=seed, progress=False)
    test_scores.append(accuracy(model.forward(X_test), y_test))
print("träffsäkerhet på testdata per slumpfrö:", np.round(test_scores, 3))
print(f"medelvärde {np.mean(test_scores):.3f}, vinnarens resultat på valideringsdata {best.val_accuracy:.3f}")

# %% [markdown] tags=["en"]
# Read the plot before the numbers. The learning rate matters more than the width: below about
# $0.005$ no network gets far in 40 epochs, not even one with 32 nodes per layer, and at $0.5$ (with
# momentum $0.9$ the effective step is ten times larger) even 16 nodes fall back towards guessing,
# $1/3$. Two nodes per layer fail at every learning rate they were tried with: too few to wind around
# three spiral arms. The best trials have 16 nodes and learning rates between about $0.03$ and
# $0.13$, though a third trial in that range, at $0.10$, reached only $0.78$: single runs are noisy.
#
# And the numbers. In this run the winner scored about $0.96$ on the validation set; retrained with
# three other seeds it scored about $0.92$, $0.71$ and $0.94$ on the test set. Two lessons. The
# winner's validation score is optimistic, because it was *chosen* as the best of twelve; the test
# set, used once, says how good the choice really is. And one run says little: the seed alone moved
# the test accuracy by $0.2$. A search this small gives a good *range*, not a best *number*.

# %% [markdown] tags=["sv"]
# Läs figuren före talen. Inlärningstakten betyder mer än bredden: under ungefär $0{,}005$ kommer
# inget nätverk långt på 40 epoker, inte ens ett med 32 noder per lager, och vid $0{,}5$ (med
# momentum $0{,}9$ är det effektiva steget tio gånger större) faller till och med 16 noder tillbaka
# mot gissning, $1/3$. Två noder per lager misslyckas vid varje inlärningstakt som de provades med:
# för få för att slingra sig runt tre spiralarmar. De bästa försöken har 16 noder och
# inlärningstakter mellan ungefär $0{,}03$ och $0{,}13$, men ett tredje försök i det intervallet, vid
# $0{,}10$, nådde bara $0{,}78$: enstaka körningar har mycket brus.
#
# Och talen. I den här körningen fick vinnaren ungefär $0{,}96$ på valideringsdata; omtränad med tre
# andra slumpfrön fick den ungefär $0{,}92$, $0{,}71$ och $0{,}94$ på testdata. Två lärdomar.
# Vinnarens resultat på valideringsdata är för optimistiskt, eftersom det *valdes* som det bästa av
# tolv; testdata, som används en gång, säger hur bra valet verkligen är. Och en enda körning säger
# lite: bara slumpfröet flyttade träffsäkerheten på testdata med $0{,}2$. En så här liten sökning ger
# ett bra *intervall*, inte ett bästa *tal*.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 6 minutes together with §6. Ask: "Why not pick the configuration with
# the best test accuracy?" Expected: the test score would then be chosen, not measured; with many
# trials one looks good by luck. Point at the failed trials at accuracy 1/3 and ask why they must
# stay in the record (they map where training breaks). If there is time, ask for a grid of 3 × 4
# points and count how many learning rates it tries (3 or 4) against random search (12).

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 6 minuter tillsammans med §6. Fråga: ”Varför inte välja den
# konfiguration som har bäst träffsäkerhet på testdata?” Förväntat svar: då vore testresultatet
# valt, inte mätt; med många försök ser något bra ut av tur. Peka på de misslyckade försöken vid
# träffsäkerheten 1/3 och fråga varför de ska finnas kvar i redovisningen (de visar var träningen
# går sönder). Om tiden räcker: be om ett rutnät med 3 × 4 punkter och räkna hur många
# inlärningstakter det provar (3 eller 4) mot den slumpmässiga sökningen (12).

# %% [markdown] tags=["en"]
# **Check yourself.** In your search the best trial has validation accuracy $0.96$ at $\eta = 0.12$,
# and the second best $0.95$ at $\eta = 0.03$. Which do you choose, and what would you check first?
#
# <details><summary>Answer</summary>
#
# A difference of $0.01$ between single runs means nothing here: the seed alone moved the test
# accuracy by $0.2$ in our run. Retrain both with a few seeds and compare the mean (and spread) of
# their *validation* scores; if they are still as good, prefer the one that varies less. Only the
# final choice meets the test set.
#
# </details>

# %% [markdown] tags=["sv"]
# **Testa dig själv.** I din sökning har det bästa försöket träffsäkerheten $0{,}96$ på
# valideringsdata vid $\eta = 0{,}12$, och det näst bästa $0{,}95$ vid $\eta = 0{,}03$. Vilket väljer
# du, och vad skulle du kontrollera först?
#
# <details><summary>Svar</summary>
#
# En skillnad på $0{,}01$ mellan enstaka körningar betyder ingenting här: bara slumpfröet flyttade
# träffsäkerheten på testdata med $0{,}2$ i vår körning. Träna om båda med några slumpfrön och jämför
# medelvärdet (och spridningen) av deras resultat på *valideringsdata*; är de fortfarande lika bra,
# välj det som varierar minst. Bara det slutliga valet möter testdata.
#
# </details>

# %% [markdown] tags=["en", "slide"]
# ## 8 Going further (optional): why Adam divides by $1 - \beta^t$
#
# Unroll $m \leftarrow \beta m + (1 - \beta) g$ from $m_0 = 0$:
#
# $$m_t = (1 - \beta) \sum_{i=1}^{t} \beta^{\,t-i} g_i .$$
#
# If the gradients have a steady mean $\bar g$, then, with the geometric sum
# $\sum_{i=1}^{t} \beta^{\,t-i} = \frac{1 - \beta^t}{1 - \beta}$,
#
# $$\mathbb{E}[m_t] = (1 - \beta)\, \frac{1 - \beta^t}{1 - \beta}\, \bar g = (1 - \beta^t)\, \bar g .$$
#
# The average is too small by exactly the factor $1 - \beta^t$, because the missing terms before
# step 1 were counted as zeros. Dividing by it gives $\mathbb{E}[\hat m_t] = \bar g$ at every step.
# The correction matters most for $v$: with $\beta_2 = 0.999$, $1 - \beta_2^{\,t}$ is $0.001$ at
# $t = 1$ and still only $0.63$ at $t = 1000$. Without it, $\sqrt{v}$ would be far too small early on
# and the first steps far too large.

# %% [markdown] tags=["sv", "slide"]
# ## 8 Fördjupning (frivillig): varför Adam delar med $1 - \beta^t$
#
# Skriv ut $m \leftarrow \beta m + (1 - \beta) g$ från $m_0 = 0$:
#
# $$m_t = (1 - \beta) \sum_{i=1}^{t} \beta^{\,t-i} g_i .$$
#
# Om gradienterna har ett stadigt medelvärde $\bar g$ ger den geometriska summan
# $\sum_{i=1}^{t} \beta^{\,t-i} = \frac{1 - \beta^t}{1 - \beta}$ att
#
# $$\mathbb{E}[m_t] = (1 - \beta)\, \frac{1 - \beta^t}{1 - \beta}\, \bar g = (1 - \beta^t)\, \bar g .$$
#
# Medelvärdet är för litet med precis faktorn $1 - \beta^t$, eftersom de saknade termerna före steg 1
# räknades som nollor. Att dela med den ger $\mathbb{E}[\hat m_t] = \bar g$ i varje steg. Korrektionen
# betyder mest för $v$: med $\beta_2 = 0{,}999$ är $1 - \beta_2^{\,t}$ lika med $0{,}001$ vid $t = 1$ och
# fortfarande bara $0{,}63$ vid $t = 1000$. Utan den vore $\sqrt{v}$ alldeles för litet i början och de
# första stegen alldeles för stora.

# %% tags=["en"]
beta = 0.9
m_running = 0.0
for step in range(1, 6):
    m_running = beta * m_running + (1 - beta) * 2.0
    print(f"t = {step}: m = {m_running:.4f}   corrected m / (1 - beta^t) = {m_running / (1 - beta ** step):.4f}")

# %% tags=["sv"]
beta = 0.9
m_running = 0.0
for step in range(1, 6):
    m_running = beta * m_running + (1 - beta) * 2.0
    print(f"t = {step}: m = {m_running:.4f}   korrigerat m / (1 - beta^t) = {m_running / (1 - beta ** step):.4f}")

# %% [markdown] tags=["en", "slide"]
# ## Summary
#
# - **Momentum**: $v \leftarrow \mu v + g$, $w \leftarrow w - \eta v$. Steady directions grow (up to
#   $1/(1 - \mu)$ times), zigzags shrink: faster along ravines.
# - **Adam** (adaptive moment estimation): running averages $m$ of $g$ and $v$ of $g^2$, bias-corrected;
#   step $\eta\, \hat m / (\sqrt{\hat v} + \varepsilon)$, about $\eta$ per weight whatever the size of its
#   gradient. $\eta$ itself does not adapt and still needs choosing.
# - No optimiser wins on every surface; the learning rate matters for all of them.
# - **Batch size**: small batches give many noisy updates per epoch, the whole set few exact ones.
#   **Learning rate**: too small crawls, too large jumps or diverges.
# - Weights start **random** to break the symmetry, with a **scale** that keeps the signal's spread
#   from layer to layer: **Xavier** $\operatorname{Var}(w) = 2/(n_{in} + n_{out})$ for tanh/sigmoid,
#   **He** $2/n_{in}$ for ReLU. Too small: the signal dies out; too large: tanh saturates, ReLU explodes.
# - **Parameters** (weights, biases) are learned; **hyperparameters** (architecture, optimiser and its
#   settings, batch size, epochs, initialisation, …) are chosen.
# - Choose hyperparameters with a **search** (random, log scale for $\eta$) scored on a **validation
#   set**; look at the test set once, for the final choice.
#
# **Next.** In [exercise 09](../../exercises/en/09_optimizers.ipynb) you write a momentum step and an
# Adam step, the He and Xavier standard deviations, a layer's starting weights, and count what zero
# initialisation does to a trained network. Chapter 10 turns to images: convolutional layers.

# %% [markdown] tags=["sv", "slide"]
# ## Sammanfattning
#
# - **Momentum**: $v \leftarrow \mu v + g$, $w \leftarrow w - \eta v$. Jämna riktningar växer (upp till
#   $1/(1 - \mu)$ gånger), sicksack krymper: snabbare längs raviner.
# - **Adam** (adaptive moment estimation): löpande medelvärden $m$ av $g$ och $v$ av $g^2$,
#   biaskorrigerade; steget $\eta\, \hat m / (\sqrt{\hat v} + \varepsilon)$ är ungefär $\eta$ per vikt,
#   hur stor gradienten än är. $\eta$ själv anpassas inte och måste fortfarande väljas.
# - Ingen optimerare vinner på varje yta; inlärningstakten spelar roll för alla.
# - **Batchstorlek**: små batchar ger många brusiga uppdateringar per epok, hela mängden få exakta.
#   **Inlärningstakt**: för liten kryper, för stor hoppar eller divergerar.
# - Vikterna startar **slumpmässigt** för att bryta symmetrin, med en **skala** som behåller
#   signalens spridning från lager till lager: **Xavier** $\operatorname{Var}(w) = 2/(n_{in} + n_{out})$
#   för tanh/sigmoid, **He** $2/n_{in}$ för ReLU. För liten: signalen dör ut; för stor: tanh mättas,
#   ReLU exploderar.
# - **Parametrar** (vikter, biasvärden) lärs in; **hyperparametrar** (arkitektur, optimerare och dess
#   inställningar, batchstorlek, epoker, initiering, …) väljs.
# - Välj hyperparametrar med en **sökning** (slumpmässig, logaritmisk skala för $\eta$) som mäts på
#   **valideringsdata**; titta på testdata en gång, för det slutliga valet.
#
# **Nästa steg.** I [övning 09](../../exercises/sv/09_optimizers.ipynb) skriver du ett steg med
# momentum och ett Adam-steg, standardavvikelserna för He och Xavier och ett lagers startvikter, och
# räknar vad nollinitiering gör med ett tränat nätverk. Kapitel 10 handlar om bilder: faltningslager.
