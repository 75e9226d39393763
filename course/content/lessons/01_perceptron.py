# %% [markdown] tags=["en", "slide"]
# # 01 The perceptron
#
# Every neural network is built from one kind of part: the **neuron**. In this chapter we take a
# single neuron apart, compute what it does by hand and in numpy, teach it with the oldest
# learning rule in the field, and find a simple problem it can never learn.
#
# After this chapter you can
#
# - compute a neuron's output by hand and in numpy,
# - explain the bias as a weight on a constant input $x_0 = 1$ and draw a neuron's decision
#   boundary,
# - train a perceptron with Rosenblatt's learning rule, by hand and with `nnlib`,
# - explain why XOR cannot be learnt by one neuron, and what a hidden layer changes.

# %% [markdown] tags=["sv", "slide"]
# # 01 Perceptronen
#
# Alla neurala nätverk är uppbyggda av samma slags byggsten: **neuronen**. I det här kapitlet plockar vi
# isär en enda neuron, räknar ut vad den gör för hand och i numpy, lär upp den med områdets
# äldsta inlärningsregel och hittar ett enkelt problem som den aldrig kan lära sig.
#
# Efter kapitlet kan du
#
# - räkna ut en neurons utdata för hand och i numpy,
# - förklara bias som en vikt på ett konstant indatavärde $x_0 = 1$ och rita en neurons
#   beslutsgräns,
# - träna en perceptron med Rosenblatts inlärningsregel, för hand och med `nnlib`,
# - förklara varför XOR inte kan läras in av en enda neuron, och vad ett dolt lager ändrar.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** Plan for 45 minutes: the brain analogy 4 min, inputs to output 6, the bias as
# a weight 3, step or sigmoid 4, the decision boundary with its widget 7, Rosenblatt's rule with the
# step widget 10, `nnlib` and the convergence theorem 3, XOR and linear separability 5, the hidden
# layer and summary 3. `nncourse slides 1` writes a deck with the figures (the widgets appear as
# still pictures); to move the two widgets in front of the room, run the lesson in JupyterLab
# (`make lab`) and press the deck button in the notebook's toolbar for a live slideshow.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Plan för 45 minuter: jämförelsen med hjärnan 4 min, från indata till
# utdata 6, bias som vikt 3, steg eller sigmoid 4, beslutsgränsen med widgeten 7, Rosenblatts regel
# med stegwidgeten 10, `nnlib` och konvergenssatsen 3, XOR och linjär separerbarhet 5, det dolda
# lagret och sammanfattningen 3. `nncourse slides 1 --lang sv` skriver ett bildspel med figurerna
# (widgetarna visas som stillbilder); för att flytta de två widgetarnas reglage inför salen kör du
# lektionen i JupyterLab (`make lab lang=sv`) och trycker på bildspelsknappen i notebookens
# verktygsfält.

# %%
from course import set_language
set_language("en")

import matplotlib.pyplot as plt
import numpy as np

from course import t
from course.plots import COLORS
from course.widgets.perceptron import DecisionLineWidget, PerceptronStepWidget, draw_neuron, plot_points
from nnlib.activations import sigmoid, step
from nnlib.datasets import logic_gate
from nnlib.perceptron import Perceptron

rng = np.random.default_rng(0)

# %% [markdown] tags=["en", "slide"]
# ## "Imitates the brain" — loosely
#
# The perceptron is often said to imitate the human brain. There is a real idea behind that, and
# it is worth knowing how far it goes.
#
# A nerve cell in the brain receives signals from thousands of other cells through *synapses*,
# contact points of different strength. If the combined input is strong enough, the cell *fires*:
# it sends a pulse of its own along its axon to the next cells. In 1943 McCulloch and Pitts
# described a mathematical caricature of this: add up weighted inputs and output 1 if the sum
# reaches a threshold, 0 otherwise. In 1958 Frank Rosenblatt added a rule that *learns* the
# weights from examples, and built it as a machine: the **perceptron**.
#
# What carries over: **many inputs, one output**; each input counts with its own weight; the
# output depends on whether the weighted sum is large enough. What does not: real neurons
# communicate with pulses in time, their branches compute on their own, chemistry matters, and
# as far as anyone knows the brain does not learn with the perceptron rule or with the
# backpropagation of chapter 07. So read "neuron" as a name with a history, not as a claim that
# the network works like a brain. An artificial neural network is a mathematical function, and
# that is how we study it.

# %% [markdown] tags=["sv", "slide"]
# ## ”Härmar hjärnan” — i grova drag
#
# Det sägs ofta att perceptronen härmar den mänskliga hjärnan. Det finns en verklig idé bakom
# det, och det är värt att veta hur långt den räcker.
#
# En nervcell i hjärnan tar emot signaler från tusentals andra celler genom *synapser*,
# kontaktpunkter med olika styrka. Om den sammanlagda signalen är tillräckligt stark *avfyrar*
# cellen en egen nervimpuls, som går längs dess axon till nästa celler. År 1943 beskrev
# McCulloch och Pitts en matematisk karikatyr av detta: summera viktade indata och ge 1 om summan
# når ett tröskelvärde, annars 0. År 1958 lade Frank Rosenblatt till en regel som *lär sig*
# vikterna från exempel och byggde det hela som en maskin: **perceptronen**.
#
# Det som modellen fångar: **många indatavärden, ett utdatavärde**; varje indatavärde räknas med sin
# egen vikt; utdatavärdet beror på om den viktade summan är tillräckligt stor. Det som den inte fångar: riktiga
# neuroner kommunicerar med impulser över tid, deras förgreningar räknar på egen hand, kemin
# spelar roll, och såvitt någon vet lär sig hjärnan inte med perceptronregeln eller med
# bakåtpropageringen i kapitel 07. Läs alltså ”neuron” som ett namn med en historia, inte som ett
# påstående att nätverket fungerar som en hjärna. Ett artificiellt neuralt nätverk är en
# matematisk funktion, och det är så vi studerar det.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** ≈ 4 min. Ask: "What does the perceptron take over from a nerve cell?" Expect:
# many inputs, one output, inputs of different strength, firing once a threshold is reached. Then
# ask what it leaves out (pulses in time, chemistry, how learning happens). Watch for the conclusion
# that networks think like brains: "neuron" is a name with a history, and from here on a neuron is a
# function.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** ≈ 4 min. Fråga: ”Vad tar perceptronen över från en nervcell?” Förväntat
# svar: många indatavärden, ett utdatavärde, indatavärden med olika styrka och att cellen avfyrar när ett tröskelvärde
# nås. Fråga sedan vad den utelämnar (impulser över tid, kemi, hur inlärningen går till). Se upp för
# slutsatsen att nätverk tänker som hjärnor: ”neuron” är ett namn med en historia, och från och med
# nu är en neuron en funktion.

# %% [markdown] tags=["en", "slide"]
# ## From inputs to output
#
# A neuron with $m$ inputs works in a fixed order:
#
# **inputs** $x_1, \dots, x_m$ → **weights** $w_1, \dots, w_m$ → **weighted sum** $\Sigma$ →
# $z$ → **activation function** $f$ → **output** $\hat y$.
#
# $$z = w_1 x_1 + w_2 x_2 + \dots + w_m x_m + b = \sum_{i=1}^{m} w_i x_i + b, \qquad \hat y = f(z).$$
#
# Each weight says how much its input matters, and its sign says in which direction it pushes.
# The **bias** $b$ shifts the sum. The perceptron uses the **step function** as $f$:
#
# $$\operatorname{step}(z) = \begin{cases} 1 & \text{if } z \ge 0, \\ 0 & \text{if } z < 0. \end{cases}$$
#
# So the perceptron answers 1 exactly when $\sum_i w_i x_i \ge -b$: the number $-b$ is the
# **threshold** the weighted inputs must reach. The picture shows one neuron with three inputs
# and the numbers of the example below on it; the top input $x_0 = 1$ carries the bias, as the
# next section explains.

# %% [markdown] tags=["sv", "slide"]
# ## Från indata till utdata
#
# En neuron med $m$ indata arbetar i en bestämd ordning:
#
# **indata** $x_1, \dots, x_m$ → **vikter** $w_1, \dots, w_m$ → **viktad summa** $\Sigma$ →
# $z$ → **aktiveringsfunktion** $f$ → **utdata** $\hat y$.
#
# $$z = w_1 x_1 + w_2 x_2 + \dots + w_m x_m + b = \sum_{i=1}^{m} w_i x_i + b, \qquad \hat y = f(z).$$
#
# Varje vikt anger hur mycket dess indata betyder, och tecknet anger åt vilket håll den drar.
# **Bias** $b$ förskjuter summan. Perceptronen använder **stegfunktionen** som $f$:
#
# $$\operatorname{step}(z) = \begin{cases} 1 & \text{om } z \ge 0, \\ 0 & \text{om } z < 0. \end{cases}$$
#
# Perceptronen svarar alltså 1 precis när $\sum_i w_i x_i \ge -b$: talet $-b$ är det
# **tröskelvärde** som de viktade indata måste nå. Bilden visar en neuron med tre indata och
# talen från exemplet nedan; det översta indatavärdet, $x_0 = 1$, bär bias, vilket nästa avsnitt
# förklarar.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** ≈ 6 min. Compute the worked example on the board, term by term: 0.8 − 0.3 −
# 0.3 − 0.1 = 0.1, so the step function gives 1 and σ gives ≈ 0.525. Ask: "What is the threshold,
# and is it reached?" Expect: −b = 0.1, and the weighted inputs sum to 0.2 ≥ 0.1, so yes. Watch for
# z = 0 exactly: with this course's step function, step(0) = 1.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** ≈ 6 min. Räkna exemplet på tavlan, term för term: 0,8 − 0,3 − 0,3 − 0,1 =
# 0,1, så stegfunktionen ger 1 och σ ger ≈ 0,525. Fråga: ”Vilket är tröskelvärdet, och nås det?”
# Förväntat svar: −b = 0,1, och summan av de viktade indatavärdena är 0,2 ≥ 0,1, alltså ja. Se upp för fallet
# z = 0 exakt: med kursens stegfunktion är step(0) = 1.

# %%
x = np.array([2.0, -1.0, 0.5])
w = np.array([0.4, 0.3, -0.6])
b = -0.1

fig, ax = plt.subplots(figsize=(10, 4.2))
draw_neuron(ax, x, w, b, activation="step")
plt.show()

# %% [markdown] tags=["en"]
# **A worked example by hand.** With the inputs $x = (2, -1, 0.5)$, the weights
# $w = (0.4, 0.3, -0.6)$ and the bias $b = -0.1$:
#
# $$z = 0.4 \cdot 2 + 0.3 \cdot (-1) + (-0.6) \cdot 0.5 + (-0.1) = 0.8 - 0.3 - 0.3 - 0.1 = 0.1.$$
#
# With the step function $\hat y = \operatorname{step}(0.1) = 1$, since $0.1 \ge 0$. With the
# sigmoid of chapter 00 instead, $\hat y = \sigma(0.1) = 1 / (1 + e^{-0.1}) = 1 / 1.9048 \approx 0.525$.
# In numpy the weighted sum is one dot product, `w @ x`:

# %% [markdown] tags=["sv"]
# **Ett exempel räknat för hand.** Med indata $x = (2;\ -1;\ 0{,}5)$, vikterna
# $w = (0{,}4;\ 0{,}3;\ -0{,}6)$ och bias $b = -0{,}1$:
#
# $$z = 0{,}4 \cdot 2 + 0{,}3 \cdot (-1) + (-0{,}6) \cdot 0{,}5 + (-0{,}1) = 0{,}8 - 0{,}3 - 0{,}3 - 0{,}1 = 0{,}1.$$
#
# Med stegfunktionen blir $\hat y = \operatorname{step}(0{,}1) = 1$, eftersom $0{,}1 \ge 0$. Med
# sigmoiden från kapitel 00 i stället blir
# $\hat y = \sigma(0{,}1) = 1 / (1 + e^{-0{,}1}) = 1 / 1{,}9048 \approx 0{,}525$. I numpy är den
# viktade summan en enda skalärprodukt, `w @ x`:

# %%
z = w @ x + b
print(z, step(z), sigmoid(z))

# %% [markdown] tags=["en", "slide"]
# ## The bias is a weight too: $x_0 = 1$
#
# There is a neat trick that removes the separate bias. Add a constant input $x_0 = 1$ and call
# the bias $w_0$. Then $w_0 x_0 = b$, and the whole neuron is one sum:
#
# $$\hat y = \varphi\Big(\sum_{i=0}^{m} w_i x_i\Big) = \varphi(w \cdot \tilde x), \qquad
#   \tilde x = (1, x_1, \dots, x_m), \quad w = (w_0, w_1, \dots, w_m), \quad w_0 = b.$$
#
# $\varphi$ (phi) and $f$ are two common names for the same thing, the activation function. The
# number is exactly the same as before; we have only moved the bias into the weight vector. This
# is how `nnlib`'s `Perceptron` stores its weights: `w[0]` is the bias.

# %% [markdown] tags=["sv", "slide"]
# ## Bias är också en vikt: $x_0 = 1$
#
# Det finns ett smidigt knep som tar bort den separata biastermen. Lägg till ett konstant
# indatavärde $x_0 = 1$ och kalla bias för $w_0$. Då är $w_0 x_0 = b$, och hela neuronen blir en
# enda summa:
#
# $$\hat y = \varphi\Big(\sum_{i=0}^{m} w_i x_i\Big) = \varphi(w \cdot \tilde x), \qquad
#   \tilde x = (1, x_1, \dots, x_m), \quad w = (w_0, w_1, \dots, w_m), \quad w_0 = b.$$
#
# $\varphi$ (fi) och $f$ är två vanliga namn på samma sak, aktiveringsfunktionen. Talet blir
# exakt detsamma som förut; vi har bara flyttat in bias i viktvektorn. Det är så `Perceptron` i
# `nnlib` lagrar sina vikter: `w[0]` är bias.

# %%
x_tilde = np.concatenate(([1.0], x))
w_tilde = np.concatenate(([b], w))
print(x_tilde, w_tilde, w_tilde @ x_tilde)

# %% [markdown] tags=["en"]
# The same 0.1 as before. The digits far behind the decimal point in the output are rounding
# errors of floating-point arithmetic: the computer now adds the terms in a different order, and
# 0.1 has no exact binary representation.
#
# **Many points at once.** With the points as the rows of a matrix $X$ of shape $(N, m)$, one
# matrix–vector product gives all $N$ weighted sums: $z = X w + b$, shape $(N,)$. Our first data
# set is the truth table of the logic gate AND: the output is 1 only when both inputs are 1.
# Let us try the weights $w_1 = w_2 = 1$ and $b = -1.5$ on all four points.

# %% [markdown] tags=["sv"]
# Samma 0,1 som förut. Siffrorna långt efter decimalpunkten i utskriften är avrundningsfel i
# flyttalsaritmetiken: datorn adderar nu termerna i en annan ordning, och 0,1 kan inte skrivas
# exakt binärt.
#
# **Många punkter på en gång.** Med punkterna som rader i en matris $X$ med formen $(N, m)$ ger en
# enda matris–vektor-produkt alla $N$ viktade summor: $z = X w + b$, med formen $(N,)$. Vår första
# datamängd är sanningstabellen för logikgrinden AND: utdata är 1 bara när båda indatavärdena är 1.
# Vi provar vikterna $w_1 = w_2 = 1$ och $b = -1{,}5$ på alla fyra punkterna.

# %%
X, y = logic_gate("and")
z = X @ np.array([1.0, 1.0]) - 1.5
print(X)
print(z, step(z), y)

# %% [markdown] tags=["en"]
# All four predictions equal the targets $y$: this neuron computes AND.

# %% [markdown] tags=["sv"]
# Alla fyra prediktionerna är lika med facit $y$: den här neuronen beräknar AND.

# %% [markdown] tags=["en", "slide"]
# ## Step or sigmoid: a neuron and logistic regression
#
# The step function gives a hard yes or no. Replace it by the sigmoid and the neuron becomes
# exactly the model of **logistic regression** from statistics:
#
# $$\hat y = \sigma(w \cdot x + b) \in (0, 1),$$
#
# read as the probability that the class is 1. The two neurons draw the **same** line between the
# classes, because $\sigma(z) \ge 0.5$ exactly when $z \ge 0$. What differs is how sure the
# answer is, and how the weights are found. Logistic regression chooses them by making a loss
# small with gradient descent (chapters 04 and 05), which needs the derivative of the activation
# function. The step function's derivative is 0 everywhere (and undefined at 0), so it tells
# gradient descent nothing: that is why the perceptron needs its own learning rule, and why
# modern networks use smooth activation functions (chapter 02). So one neuron with a sigmoid *is*
# a logistic regression, and a neural network is, loosely, many logistic regressions feeding each
# other.

# %% [markdown] tags=["sv", "slide"]
# ## Steg eller sigmoid: en neuron och logistisk regression
#
# Stegfunktionen ger ett hårt ja eller nej. Byt den mot sigmoiden, så blir neuronen exakt
# modellen i **logistisk regression** från statistiken:
#
# $$\hat y = \sigma(w \cdot x + b) \in (0, 1),$$
#
# som tolkas som sannolikheten för att klassen är 1. De två neuronerna drar **samma** linje mellan
# klasserna, eftersom $\sigma(z) \ge 0{,}5$ precis när $z \ge 0$. Det som skiljer är hur säkert
# svaret är och hur vikterna hittas. Logistisk regression väljer dem genom att göra en förlust
# liten med gradientnedstigning (kapitel 04 och 05), och det kräver aktiveringsfunktionens
# derivata. Stegfunktionens derivata är 0 överallt (och odefinierad i 0), så den säger ingenting
# till gradientnedstigningen: därför behöver perceptronen en egen inlärningsregel, och därför
# använder moderna nätverk mjuka aktiveringsfunktioner (kapitel 02). En neuron med sigmoid *är*
# alltså en logistisk regression, och ett neuralt nätverk är, i grova drag, många logistiska
# regressioner som matar varandra.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** ≈ 4 min. Point at the plot: the sigmoid crosses 0.5 exactly where the step
# jumps, at z = 0, so both neurons draw the same line. Ask: "Why can gradient descent not train the
# step function?" Expect: its derivative is 0 wherever it exists, so it gives no direction. Say
# "logistic regression" out loud: many students know it from statistics, and it is exactly a neuron
# with a sigmoid.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** ≈ 4 min. Peka i figuren: sigmoiden passerar 0,5 precis där steget hoppar,
# i z = 0, så de två neuronerna drar samma linje. Fråga: ”Varför kan gradientnedstigning inte träna
# stegfunktionen?” Förväntat svar: dess derivata är 0 överallt där den finns, så den anger ingen
# riktning. Säg ”logistisk regression” högt: många känner igen den från statistiken, och den är
# precis en neuron med sigmoid.

# %%
zs = np.linspace(-6, 6, 601)
fig, ax = plt.subplots(figsize=(7, 3.8))
ax.plot(zs, step(zs), color=COLORS[0], label="step(z)")
ax.plot(zs, sigmoid(zs), color=COLORS[1], label="σ(z)")
ax.axhline(0.5, color="grey", linewidth=0.8)
ax.axvline(0.0, color="grey", linewidth=0.8)
ax.set_xlabel(t("perceptron.z_label"))
ax.set_ylabel(t("perceptron.output_label"))
ax.set_title(t("perceptron.activation_title"))
ax.legend()
plt.show()

# %% [markdown] tags=["en", "slide"]
# ## A line that splits the plane
#
# With two inputs the neuron answers 1 on one side of the **decision boundary** $z = 0$ and 0 on
# the other:
#
# $$w_1 x_1 + w_2 x_2 + b = 0 \quad\Longleftrightarrow\quad x_2 = -\frac{w_1 x_1 + b}{w_2}
#   \quad (w_2 \ne 0).$$
#
# That is a straight line. The **weight vector** $(w_1, w_2)$ is perpendicular to it and points
# into the side where $z > 0$, the side of class 1; the bias moves the line without turning it.
# For AND with $w_1 = w_2 = 1$, $b = -1.5$ the line is $x_1 + x_2 = 1.5$, and only the point
# $(1, 1)$ lies on its upper side.

# %% [markdown] tags=["sv", "slide"]
# ## En linje som delar planet
#
# Med två indata svarar neuronen 1 på ena sidan av **beslutsgränsen** $z = 0$ och 0 på den andra:
#
# $$w_1 x_1 + w_2 x_2 + b = 0 \quad\Longleftrightarrow\quad x_2 = -\frac{w_1 x_1 + b}{w_2}
#   \quad (w_2 \ne 0).$$
#
# Det är en rät linje. **Viktvektorn** $(w_1, w_2)$ är vinkelrät mot den och pekar in på den sida
# där $z > 0$, klass 1:s sida; bias flyttar linjen utan att vrida den. För AND med
# $w_1 = w_2 = 1$, $b = -1{,}5$ är linjen $x_1 + x_2 = 1{,}5$, och bara punkten $(1, 1)$ ligger på
# dess övre sida.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** ≈ 7 min. Draw the line x₁ + x₂ = 1.5 and the weight vector (1, 1) at right
# angles to it, pointing to the class-1 side. Widget: it starts on AND with b = −0.5 and two points
# wrong; move b to −1.5 (no mistakes), switch to OR and set b back to −0.5, then XOR: let the room
# call out settings; the best anyone gets is one mistake. Watch for the belief that the weight
# vector runs along the line: it is perpendicular to it.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** ≈ 7 min. Rita linjen x₁ + x₂ = 1,5 och viktvektorn (1, 1) vinkelrätt mot
# den, riktad mot klass 1:s sida. Widgeten börjar med AND, b = −0,5 och två punkter fel; flytta b
# till −1,5 (inga fel), byt till OR och sätt tillbaka b till −0,5, och välj sedan XOR: låt salen
# ropa ut inställningar; bättre än ett fel blir det aldrig. Se upp för tron att viktvektorn går
# längs linjen: den är vinkelrät mot den.

# %%
x1 = np.array([-0.5, 1.5])
fig, ax = plt.subplots(figsize=(5.5, 5))
plot_points(ax, X, y)
ax.plot(x1, 1.5 - x1, color="black", label=t("perceptron.line"))
ax.annotate("", xy=(1.25, 1.25), xytext=(0.75, 0.75),
            arrowprops=dict(arrowstyle="->", color=COLORS[2], linewidth=2.5))
ax.text(1.05, 0.8, t("perceptron.weight_vector"), color=COLORS[2], fontsize=10)
ax.set_title(t("perceptron.and_title"))
ax.legend(loc="lower left", fontsize=9)
plt.show()

# %% [markdown] tags=["en"]
# Now find weights yourself. The widget draws the line for the sliders $w_1$, $w_2$ and $b$,
# shades the side where the neuron answers 1 (orange) and 0 (blue), rings every misclassified
# point in red and counts them. It starts on AND with a line that gets two points wrong.
#
# 1. Fix the line for AND so that no point is misclassified.
# 2. Choose OR (1 when at least one input is 1) and NAND (NOT AND) and solve them too.
# 3. Choose XOR (1 when exactly one input is 1). How few mistakes can you get?

# %% [markdown] tags=["sv"]
# Hitta nu vikter själv. Widgeten ritar linjen för reglagen $w_1$, $w_2$ och $b$, färgar sidan där
# neuronen svarar 1 (orange) och 0 (blå), ringar in varje felklassificerad punkt med rött och
# räknar dem. Den börjar med AND och en linje som får två punkter fel.
#
# 1. Rätta linjen för AND så att ingen punkt blir felklassificerad.
# 2. Välj OR (1 när minst ett av indatavärdena är 1) och NAND (ICKE AND) och lös dem också.
# 3. Välj XOR (1 när exakt ett av indatavärdena är 1). Hur få fel kan du komma ned till?

# %%
DecisionLineWidget(dataset="and", w1=1.0, w2=1.0, b=-0.5)

# %% [markdown] tags=["en"]
# **Check yourself.**
#
# 1. Give weights for OR and for NAND.
# 2. Multiply $w_1$, $w_2$ and $b$ of a solution by 2. What changes?
# 3. What is the best you found for XOR?
#
# <details><summary>Answer</summary>
#
# 1. OR: for example $w_1 = w_2 = 1$, $b = -0.5$. NAND: flip every sign of the AND neuron,
#    $w_1 = w_2 = -1$, $b = 1.5$; then $z$ changes sign and the two sides swap (no point lies on
#    the line, where the step's $z = 0 \mapsto 1$ would matter).
# 2. Nothing in the classification: $z$ is multiplied by 2, its sign stays, and the line
#    $2 w_1 x_1 + 2 w_2 x_2 + 2b = 0$ is the same line. Many weight vectors describe one line.
# 3. One mistake out of four. No setting of the sliders gets all four right; the end of this
#    chapter proves it.
#
# </details>

# %% [markdown] tags=["sv"]
# **Testa dig själv.**
#
# 1. Ange vikter för OR och för NAND.
# 2. Multiplicera $w_1$, $w_2$ och $b$ i en lösning med 2. Vad ändras?
# 3. Vilket var det bästa du fick för XOR?
#
# <details><summary>Svar</summary>
#
# 1. OR: till exempel $w_1 = w_2 = 1$, $b = -0{,}5$. NAND: byt tecken på allt i AND-neuronen,
#    $w_1 = w_2 = -1$, $b = 1{,}5$; då byter $z$ tecken och sidorna byter plats (ingen punkt ligger
#    på linjen, där stegets $z = 0 \mapsto 1$ skulle spela roll).
# 2. Ingenting i klassificeringen: $z$ multipliceras med 2, tecknet består, och linjen
#    $2 w_1 x_1 + 2 w_2 x_2 + 2b = 0$ är samma linje. Många viktvektorer beskriver samma linje.
# 3. Ett fel av fyra. Ingen inställning av reglagen får alla fyra rätt; slutet av kapitlet
#    bevisar det.
#
# </details>

# %% [markdown] tags=["en", "slide"]
# ## Learning the weights: Rosenblatt's rule
#
# Finding weights by hand does not scale to 64 inputs. Rosenblatt's **perceptron learning rule**
# finds them from the data. Go through the points one at a time; for each point $(x, y)$ compute
# the prediction $\hat y = \operatorname{step}(w \cdot \tilde x)$ and update every weight:
#
# $$w_i \leftarrow w_i + \eta\,(y - \hat y)\,x_i \quad (i = 0, \dots, m,\ x_0 = 1),
#   \qquad\text{i.e.}\qquad w \leftarrow w + \eta\,(y - \hat y)\,\tilde x.$$
#
# $\eta$ (eta) is the **learning rate**, the size of a step. There are three cases:
#
# | target $y$ | prediction $\hat y$ | $y - \hat y$ | update | effect on this point's $z$ |
# |---|---|---|---|---|
# | 0 or 1 | the same | 0 | none | — |
# | 1 | 0 | +1 | $w \leftarrow w + \eta \tilde x$ | grows by $\eta \lVert \tilde x \rVert^2 > 0$ |
# | 0 | 1 | −1 | $w \leftarrow w - \eta \tilde x$ | shrinks by $\eta \lVert \tilde x \rVert^2$ |
#
# A correct point changes nothing; a wrong one pulls the line towards being right for it (one
# update may not be enough). One pass through all points is an **epoch**. Training stops after
# an epoch without a single update: then every point is classified correctly.

# %% [markdown] tags=["sv", "slide"]
# ## Att lära sig vikterna: Rosenblatts regel
#
# Att hitta vikter för hand fungerar inte med 64 indatavärden. Rosenblatts **inlärningsregel för
# perceptronen** hittar dem ur data. Gå igenom punkterna en i taget; för varje punkt $(x, y)$
# beräknar du prediktionen $\hat y = \operatorname{step}(w \cdot \tilde x)$ och uppdaterar varje vikt:
#
# $$w_i \leftarrow w_i + \eta\,(y - \hat y)\,x_i \quad (i = 0, \dots, m,\ x_0 = 1),
#   \qquad\text{alltså}\qquad w \leftarrow w + \eta\,(y - \hat y)\,\tilde x.$$
#
# $\eta$ (eta) är **inlärningstakten**, storleken på ett steg. Det finns tre fall:
#
# | facit $y$ | prediktion $\hat y$ | $y - \hat y$ | uppdatering | effekt på punktens $z$ |
# |---|---|---|---|---|
# | 0 eller 1 | samma | 0 | ingen | — |
# | 1 | 0 | +1 | $w \leftarrow w + \eta \tilde x$ | ökar med $\eta \lVert \tilde x \rVert^2 > 0$ |
# | 0 | 1 | −1 | $w \leftarrow w - \eta \tilde x$ | minskar med $\eta \lVert \tilde x \rVert^2$ |
#
# En rätt klassificerad punkt ändrar ingenting; en felklassificerad drar linjen mot att bli rätt
# för den (en uppdatering räcker inte alltid). Ett varv genom alla punkter är en **epok**.
# Träningen slutar efter en epok utan en enda uppdatering: då klassificeras varje punkt rätt.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** ≈ 10 min. Do steps 1–4 of the hand example on the board, then click **Step**
# eight times in the widget and compare. Click **Rest of epoch** until an epoch makes no update: 6
# epochs at η = 0.5; then set η = 1.0, click **Reset** and repeat: 4 epochs from this start. Ask:
# "What does the rule do with a correctly classified point?" Expect: nothing, y − ŷ = 0. Watch for
# "the rule finds the best line": it stops at the first line that separates.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** ≈ 10 min. Räkna steg 1–4 i handexemplet på tavlan, klicka sedan på
# **Steg** åtta gånger i widgeten och jämför. Klicka på **Resten av epoken** tills en epok inte gör
# någon uppdatering: 6 epoker med η = 0,5; sätt sedan η = 1,0, klicka på **Börja om** och upprepa: 4
# epoker från den här starten. Fråga: ”Vad gör regeln med en rätt klassificerad punkt?” Förväntat svar:
# ingenting, y − ŷ = 0. Se upp för ”regeln hittar den bästa linjen”: den stannar vid den första
# linje som skiljer klasserna åt.

# %% [markdown] tags=["en"]
# **A worked example by hand.** AND, start at $w = (w_0, w_1, w_2) = (-1, 0.5, -0.5)$, $\eta = 0.5$,
# points in the order $(0,0), (0,1), (1,0), (1,1)$.
#
# 1. $(0, 0)$, $y = 0$: $z = -1 \Rightarrow \hat y = 0$. Correct, no change.
# 2. $(0, 1)$, $y = 0$: $z = -1 - 0.5 = -1.5 \Rightarrow \hat y = 0$. Correct.
# 3. $(1, 0)$, $y = 0$: $z = -1 + 0.5 = -0.5 \Rightarrow \hat y = 0$. Correct.
# 4. $(1, 1)$, $y = 1$: $z = -1 + 0.5 - 0.5 = -1 \Rightarrow \hat y = 0$. Wrong, $y - \hat y = 1$:
#    $w \leftarrow (-1, 0.5, -0.5) + 0.5 \cdot 1 \cdot (1, 1, 1) = (-0.5, 1, 0)$.
# 5. Epoch 2. $(0, 0)$: $z = -0.5 \Rightarrow 0$. Correct.
# 6. $(0, 1)$: $z = -0.5 + 0 = -0.5 \Rightarrow 0$. Correct.
# 7. $(1, 0)$, $y = 0$: $z = -0.5 + 1 = 0.5 \Rightarrow \hat y = 1$. Wrong, $y - \hat y = -1$:
#    $w \leftarrow (-0.5, 1, 0) - 0.5 \cdot (1, 1, 0) = (-1, 0.5, 0)$.
# 8. $(1, 1)$, $y = 1$: $z = -1 + 0.5 + 0 = -0.5 \Rightarrow 0$. Wrong:
#    $w \leftarrow (-1, 0.5, 0) + 0.5 \cdot (1, 1, 1) = (-0.5, 1, 0.5)$.
#
# The same eight steps in numpy; each line shows the point, its target, $z$, $\hat y$ and the
# weights after the step:

# %% [markdown] tags=["sv"]
# **Ett exempel räknat för hand.** AND, start i $w = (w_0;\ w_1;\ w_2) = (-1;\ 0{,}5;\ -0{,}5)$,
# $\eta = 0{,}5$, punkterna i ordningen $(0,0), (0,1), (1,0), (1,1)$.
#
# 1. $(0, 0)$, $y = 0$: $z = -1 \Rightarrow \hat y = 0$. Rätt, ingen ändring.
# 2. $(0, 1)$, $y = 0$: $z = -1 - 0{,}5 = -1{,}5 \Rightarrow \hat y = 0$. Rätt.
# 3. $(1, 0)$, $y = 0$: $z = -1 + 0{,}5 = -0{,}5 \Rightarrow \hat y = 0$. Rätt.
# 4. $(1, 1)$, $y = 1$: $z = -1 + 0{,}5 - 0{,}5 = -1 \Rightarrow \hat y = 0$. Fel, $y - \hat y = 1$:
#    $w \leftarrow (-1;\ 0{,}5;\ -0{,}5) + 0{,}5 \cdot 1 \cdot (1;\ 1;\ 1) = (-0{,}5;\ 1;\ 0)$.
# 5. Epok 2. $(0, 0)$: $z = -0{,}5 \Rightarrow 0$. Rätt.
# 6. $(0, 1)$: $z = -0{,}5 + 0 = -0{,}5 \Rightarrow 0$. Rätt.
# 7. $(1, 0)$, $y = 0$: $z = -0{,}5 + 1 = 0{,}5 \Rightarrow \hat y = 1$. Fel, $y - \hat y = -1$:
#    $w \leftarrow (-0{,}5;\ 1;\ 0) - 0{,}5 \cdot (1;\ 1;\ 0) = (-1;\ 0{,}5;\ 0)$.
# 8. $(1, 1)$, $y = 1$: $z = -1 + 0{,}5 + 0 = -0{,}5 \Rightarrow 0$. Fel:
#    $w \leftarrow (-1;\ 0{,}5;\ 0) + 0{,}5 \cdot (1;\ 1;\ 1) = (-0{,}5;\ 1;\ 0{,}5)$.
#
# Samma åtta steg i numpy; varje rad visar punkten, dess facit, $z$, $\hat y$ och vikterna efter
# steget:

# %%
w = np.array([-1.0, 0.5, -0.5])
learning_rate = 0.5
for n in range(8):
    i = n % 4
    x_tilde = np.concatenate(([1.0], X[i]))
    z = w @ x_tilde
    y_hat = step(z)
    w = w + learning_rate * (y[i] - y_hat) * x_tilde
    print(f"{n + 1}: x = {X[i]}, y = {y[i]}, z = {z:+.1f}, ŷ = {y_hat:.0f}  →  w = {w}")

# %% [markdown] tags=["en"]
# Now the whole training loop: epochs until one of them makes no update. It returns the final
# weights and the number of updates in each epoch.

# %% [markdown] tags=["sv"]
# Nu hela träningsloopen: epoker tills en av dem inte gör någon uppdatering. Den returnerar de
# slutliga vikterna och antalet uppdateringar i varje epok.

# %%
def train_perceptron(X, y, w, learning_rate, max_epochs=100):
    updates_per_epoch = []
    for epoch in range(max_epochs):
        updates = 0
        for x, target in zip(X, y):
            x_tilde = np.concatenate(([1.0], x))
            error = target - step(w @ x_tilde)
            w = w + learning_rate * error * x_tilde
            updates += int(error != 0)
        updates_per_epoch.append(updates)
        if updates == 0:
            break
    return w, updates_per_epoch


w_and, updates_and = train_perceptron(X, y, np.array([-1.0, 0.5, -0.5]), learning_rate=0.5)
print(w_and, updates_and, step(X @ w_and[1:] + w_and[0]))

# %% [markdown] tags=["en"]
# Six epochs, nine updates, and the last epoch made none: the final line $-1.5 + x_1 + 0.5 x_2 = 0$
# classifies all four points correctly.
#
# Step through the same training in the widget below. Each click on **Step** applies the rule to
# the next point and shows the arithmetic, the point that was used (green ring) and the line
# before (dashed) and after the step. **Rest of epoch** runs the steps up to the end of the
# current epoch, **Reset** starts again. Compare the first eight steps with the hand calculation,
# then try OR, a different $\eta$ and XOR.

# %% [markdown] tags=["sv"]
# Sex epoker, nio uppdateringar, och den sista epoken gjorde ingen: den slutliga linjen
# $-1{,}5 + x_1 + 0{,}5 x_2 = 0$ klassificerar alla fyra punkterna rätt.
#
# Stega igenom samma träning i widgeten nedan. Varje klick på **Steg** tillämpar regeln på nästa
# punkt och visar räkningen, punkten som användes (grön ring) och linjen före (streckad) och
# efter steget. **Resten av epoken** kör stegen fram till slutet av den pågående epoken, **Börja
# om** startar om. Jämför de första åtta stegen med räkningen för hand och prova sedan OR, ett
# annat $\eta$ och XOR.

# %%
PerceptronStepWidget(dataset="and", learning_rate=0.5, start=(-1.0, 0.5, -0.5))

# %% [markdown] tags=["en", "slide"]
# ## The same with `nnlib`
#
# `nnlib.perceptron.Perceptron` is this rule packaged: `predict` computes $\hat y$, `update(x, y)`
# applies one step, and `fit(X, y)` runs epochs until an epoch has no update (or `epochs` runs
# out). `fit` reports what happened: whether it **converged**, how many epochs it ran and the
# number of updates in each. A new perceptron starts at $w = 0$; here we set our start by hand so
# that we can compare with the numpy loop.

# %% [markdown] tags=["sv", "slide"]
# ## Samma sak med `nnlib`
#
# `nnlib.perceptron.Perceptron` är den här regeln förpackad: `predict` räknar ut $\hat y$,
# `update(x, y)` tar ett steg och `fit(X, y)` kör epoker tills en epok inte har någon uppdatering
# (eller tills `epochs` tar slut). `fit` rapporterar vad som hände: om den **konvergerade**, hur
# många epoker den körde och antalet uppdateringar i varje. En ny perceptron börjar i $w = 0$;
# här sätter vi vår start för hand så att vi kan jämföra med numpy-loopen.

# %%
perceptron = Perceptron(2, learning_rate=0.5)
perceptron.w = np.array([-1.0, 0.5, -0.5])
result = perceptron.fit(X, y, epochs=100)
print(result)
print(perceptron.w, perceptron.predict(X), np.allclose(perceptron.w, w_and))

# %% [markdown] tags=["en"]
# **It always works on separable data.** The perceptron convergence theorem (Novikoff, 1962) says:
# if some line separates the two classes, the rule finds a separating line after a finite number
# of updates, whatever the order of the points. It finds *a* separating line, not a particular
# one: which line depends on the start and the order. Here are eight perceptrons trained on OR,
# each from its own random start drawn from `rng`. All of them separate the classes; no two agree.
# Some pass very close to a point: the rule stops as soon as every point is on its correct side,
# however narrowly.

# %% [markdown] tags=["sv"]
# **På separerbar data fungerar det alltid.** Konvergenssatsen för perceptronen (Novikoff, 1962)
# säger: om någon linje skiljer de två klasserna åt hittar regeln en skiljande linje efter ett
# ändligt antal uppdateringar, oavsett punkternas ordning. Den hittar *en* skiljande linje, inte
# en bestämd: vilken beror på starten och ordningen. Här är åtta perceptroner tränade på OR, var
# och en från sin egen slumpade start dragen ur `rng`. Alla skiljer klasserna åt; inga två är
# likadana.
# Några går mycket nära en punkt: regeln slutar så snart varje punkt ligger på rätt sida, hur
# knappt det än är.

# %%
X_or, y_or = logic_gate("or")
fig, ax = plt.subplots(figsize=(5.5, 5))
plot_points(ax, X_or, y_or)
for k in range(8):
    p = Perceptron(2, learning_rate=0.5, init="random", rng=rng)
    print(p.fit(X_or, y_or).converged, end=" ")
    ax.plot(x1, p.decision_boundary(x1), color=COLORS[k % 4 + 2], linewidth=1.5)
ax.set_title(t("perceptron.random_starts_title", n=8))
ax.legend(loc="upper right", fontsize=9)
plt.show()

# %% [markdown] tags=["en"]
# **Check yourself.** Start the rule at $w = 0$. Does the learning rate $\eta$ then change which
# points are misclassified during training, or the final line?
#
# <details><summary>Answer</summary>
#
# No. From $w = 0$ every update adds $\pm\eta\,\tilde x$, so after any number of steps
# $w = \eta\,v$ where $v$ is a sum of $\pm\tilde x$ that does not involve $\eta$. Then
# $z = \eta\,(v \cdot \tilde x)$ has the same sign as $v \cdot \tilde x$ for every $\eta > 0$: the
# same predictions, the same updates, the same line; only the weights are scaled by $\eta$. From
# a non-zero start, as in the widget, $\eta$ does matter; try it.
#
# </details>

# %% [markdown] tags=["sv"]
# **Testa dig själv.** Starta regeln i $w = 0$. Påverkar inlärningstakten $\eta$ då vilka punkter
# som felklassificeras under träningen, eller den slutliga linjen?
#
# <details><summary>Svar</summary>
#
# Nej. Från $w = 0$ lägger varje uppdatering till $\pm\eta\,\tilde x$, så efter hur många steg som
# helst är $w = \eta\,v$, där $v$ är en summa av $\pm\tilde x$ som inte beror på $\eta$. Då har
# $z = \eta\,(v \cdot \tilde x)$ samma tecken som $v \cdot \tilde x$ för varje $\eta > 0$: samma
# prediktioner, samma uppdateringar, samma linje; bara vikterna skalas med $\eta$. Från en start
# som inte är noll, som i widgeten, spelar $\eta$ roll; prova.
#
# </details>

# %% [markdown] tags=["en", "slide"]
# ## XOR: where one neuron fails
#
# XOR ("exclusive or") is 1 when exactly one of the inputs is 1. The two points of class 1 sit on
# one diagonal of the square, the two points of class 0 on the other. Try to imagine one straight
# line with both orange squares on one side and both blue circles on the other.

# %% [markdown] tags=["sv", "slide"]
# ## XOR: där en neuron inte räcker
#
# XOR (”exklusivt eller”) är 1 när exakt ett av indatavärdena är 1. De två punkterna i klass 1
# ligger på den ena diagonalen i kvadraten, de två punkterna i klass 0 på den andra. Försök
# föreställa dig en rät linje med båda de orangea kvadraterna på ena sidan och båda de blå
# cirklarna på den andra.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** ≈ 5 min for this slide and the proof on the next. Give the room 30 seconds to
# draw, on paper, one line that separates XOR; nobody will manage. After the training run, write the
# four inequalities of the next slide on the board and add the two middle ones. Watch for "it only
# needed more epochs": the proof says that no such weights exist at all, whatever the learning rule
# or the number of epochs.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** ≈ 5 min för den här bilden och beviset på nästa. Ge salen 30 sekunder att
# på papper dra en linje som skiljer XOR-klasserna åt; ingen kommer att lyckas. Skriv efter
# träningskörningen upp de fyra olikheterna från nästa bild på tavlan och addera de två mittersta.
# Se upp för ”den behövde bara fler epoker”: beviset säger att sådana vikter inte finns alls, vilken
# inlärningsregel och hur många epoker man än använder.

# %%
X_xor, y_xor = logic_gate("xor")
fig, ax = plt.subplots(figsize=(5.5, 5))
plot_points(ax, X_xor, y_xor)
ax.set_title(t("perceptron.xor_title"))
ax.legend(loc="center", fontsize=9)
plt.show()

# %% [markdown] tags=["en"]
# Let the learning rule try, for 100 epochs:

# %% [markdown] tags=["sv"]
# Låt inlärningsregeln försöka, i 100 epoker:

# %%
perceptron_xor = Perceptron(2, learning_rate=0.5)
result_xor = perceptron_xor.fit(X_xor, y_xor, epochs=100)
print(result_xor.converged, result_xor.epochs_run, result_xor.errors_per_epoch[:10])
print(np.array(perceptron_xor.weights_history[:24:4]))

# %% [markdown] tags=["en"]
# `fit` reports no convergence: every epoch still makes mistakes. The rows below that are the
# starting weights and the weights at the end of each of the first five epochs: from epoch 2 on
# they are the same every time. The rule goes round in a circle forever, each correction for one point undoing the
# correction for another. The figure compares the updates per epoch on AND and XOR.

# %% [markdown] tags=["sv"]
# `fit` rapporterar att den inte konvergerade: varje epok gör fortfarande fel. Raderna under det
# är startvikterna och vikterna i slutet av var och en av de första fem epokerna: från epok 2 är
# de likadana varje gång. Regeln går runt i en cirkel för alltid, och varje rättelse för en punkt
# upphäver rättelsen för en annan. Figuren jämför antalet uppdateringar per epok på AND och XOR.

# %%
result_and = Perceptron(2, learning_rate=0.5).fit(X, y, epochs=100)
fig, ax = plt.subplots(figsize=(7, 3.8))
ax.plot(range(1, result_and.epochs_run + 1), result_and.errors_per_epoch, "o-", color=COLORS[0], label="AND")
ax.plot(range(1, 21), result_xor.errors_per_epoch[:20], "s-", color=COLORS[1], label="XOR")
ax.set_xlabel(t("common.epoch"))
ax.set_ylabel(t("perceptron.mistakes_label"))
ax.set_title(t("perceptron.mistakes_title"))
ax.set_xticks(range(1, 21, 2))
ax.legend()
plt.show()

# %% [markdown] tags=["en", "slide"]
# ## Linear separability
#
# Two classes are **linearly separable** if one straight line (with $m$ inputs: one flat
# hyperplane $w \cdot x + b = 0$) has all points of class 1 on one side and all points of class 0
# on the other. One neuron can only ever draw one such line, so it can learn exactly the linearly
# separable problems. AND, OR and NAND are; XOR is not, and here is the proof. A perceptron with
# $\hat y = 1 \Leftrightarrow w_1 x_1 + w_2 x_2 + b \ge 0$ would need
#
# $$\begin{aligned}
# (0,0) \mapsto 0:&\quad b < 0, \\
# (0,1) \mapsto 1:&\quad w_2 + b \ge 0, \\
# (1,0) \mapsto 1:&\quad w_1 + b \ge 0, \\
# (1,1) \mapsto 0:&\quad w_1 + w_2 + b < 0.
# \end{aligned}$$
#
# Adding the two middle lines gives $w_1 + w_2 + 2b \ge 0$, so $w_1 + w_2 + b \ge -b > 0$ by the
# first line, which contradicts the last. No weights exist, whatever the learning rule. In 1969
# Minsky and Papert made this limit of single-layer perceptrons famous, and interest in neural
# networks cooled for more than a decade.

# %% [markdown] tags=["sv", "slide"]
# ## Linjär separerbarhet
#
# Två klasser är **linjärt separerbara** om en rät linje (med $m$ indata: ett plant hyperplan
# $w \cdot x + b = 0$) har alla punkter i klass 1 på ena sidan och alla punkter i klass 0 på den
# andra. En neuron kan bara dra en sådan linje, så den kan lära sig precis de linjärt separerbara
# problemen. AND, OR och NAND är det; XOR är det inte, och här är beviset. En perceptron med
# $\hat y = 1 \Leftrightarrow w_1 x_1 + w_2 x_2 + b \ge 0$ skulle behöva
#
# $$\begin{aligned}
# (0,0) \mapsto 0:&\quad b < 0, \\
# (0,1) \mapsto 1:&\quad w_2 + b \ge 0, \\
# (1,0) \mapsto 1:&\quad w_1 + b \ge 0, \\
# (1,1) \mapsto 0:&\quad w_1 + w_2 + b < 0.
# \end{aligned}$$
#
# Summan av de två mittersta raderna ger $w_1 + w_2 + 2b \ge 0$, alltså $w_1 + w_2 + b \ge -b > 0$
# enligt första raden, vilket motsäger den sista. Det finns inga sådana vikter, vilken
# inlärningsregel vi än använder. År 1969 gjorde Minsky och Papert den här begränsningen hos
# perceptroner med ett lager känd, och intresset för neurala nätverk svalnade i mer än ett
# decennium.

# %% [markdown] tags=["en", "slide"]
# ## Looking ahead: a hidden layer solves XOR
#
# One line is not enough, but two are. XOR is "OR, but not AND":
#
# $$\operatorname{XOR}(x_1, x_2) = \operatorname{AND}\big(\operatorname{OR}(x_1, x_2),\ \operatorname{NAND}(x_1, x_2)\big).$$
#
# So put two neurons side by side in a **hidden layer**, one computing OR and one NAND, and feed
# their outputs $a^{(1)}_1, a^{(1)}_2$ into a third neuron that computes AND. In the notation of
# chapter 00 the hidden layer has the weight matrix $W^{(1)}$ with one row per hidden neuron:
#
# $$W^{(1)} = \begin{pmatrix} 1 & 1 \\ -1 & -1 \end{pmatrix}, \quad
#   b^{(1)} = \begin{pmatrix} -0.5 \\ 1.5 \end{pmatrix}, \quad
#   a^{(1)} = \operatorname{step}\big(W^{(1)} x + b^{(1)}\big), \quad
#   \hat y = \operatorname{step}\big(a^{(1)}_1 + a^{(1)}_2 - 1.5\big).$$

# %% [markdown] tags=["sv", "slide"]
# ## En blick framåt: ett dolt lager löser XOR
#
# En linje räcker inte, men två gör det. XOR är ”OR, men inte AND”:
#
# $$\operatorname{XOR}(x_1, x_2) = \operatorname{AND}\big(\operatorname{OR}(x_1, x_2),\ \operatorname{NAND}(x_1, x_2)\big).$$
#
# Ställ alltså två neuroner bredvid varandra i ett **dolt lager**, en som beräknar OR och en som
# beräknar NAND, och skicka deras utdata $a^{(1)}_1, a^{(1)}_2$ till en tredje neuron som beräknar
# AND. I notationen från kapitel 00 har det dolda lagret viktmatrisen $W^{(1)}$ med en rad per dold
# neuron:
#
# $$W^{(1)} = \begin{pmatrix} 1 & 1 \\ -1 & -1 \end{pmatrix}, \quad
#   b^{(1)} = \begin{pmatrix} -0{,}5 \\ 1{,}5 \end{pmatrix}, \quad
#   a^{(1)} = \operatorname{step}\big(W^{(1)} x + b^{(1)}\big), \quad
#   \hat y = \operatorname{step}\big(a^{(1)}_1 + a^{(1)}_2 - 1{,}5\big).$$

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** ≈ 3 min including the summary. Draw the lines of the two hidden neurons, x₁ +
# x₂ = 0.5 (OR) and x₁ + x₂ = 1.5 (NAND), and shade the band between them. Ask: "Why not train the
# hidden neurons with the perceptron rule?" Expect: the rule needs a target y for every neuron, and
# the data only give targets for the output. Set Exercise 01.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** ≈ 3 min inklusive sammanfattningen. Rita de två dolda neuronernas linjer,
# x₁ + x₂ = 0,5 (OR) och x₁ + x₂ = 1,5 (NAND), och skugga bandet mellan dem. Fråga: ”Varför tränar
# vi inte de dolda neuronerna med perceptronregeln?” Förväntat svar: regeln behöver ett facit y för
# varje neuron, och data ger bara facit för utdatalagret. Ge övning 01 som hemuppgift.

# %%
W1 = np.array([[1.0, 1.0], [-1.0, -1.0]])
b1 = np.array([-0.5, 1.5])
hidden = step(X_xor @ W1.T + b1)
y_hat_xor = step(hidden @ np.array([1.0, 1.0]) - 1.5)
print(hidden)
print(y_hat_xor, y_xor)

# %% [markdown] tags=["en"]
# All four points are right. Each hidden neuron draws its own line; the output neuron answers 1
# only between them, in the band that holds the two orange squares:

# %% [markdown] tags=["sv"]
# Alla fyra punkterna blir rätt. Varje dold neuron drar sin egen linje; utdataneuronen svarar 1
# bara mellan dem, i bandet där de två orangea kvadraterna ligger:

# %%
from course.plots_lessons import hidden_layer_region


def two_layer_network(points):
    return step(step(points @ W1.T + b1) @ np.array([1.0, 1.0]) - 1.5)


hidden_layer_region(X_xor, y_xor, W1, b1, two_layer_network)
plt.show()

# %% [markdown] tags=["en"]
# Here we chose the hidden weights by hand, using what we knew about XOR. For real problems nobody
# knows what the hidden neurons should compute, and the perceptron rule cannot tell them: it
# needs a target $y$ for each neuron, and the data only give targets for the output. Finding the
# hidden weights needs the derivative of the error with respect to every weight — smooth
# activation functions (chapter 02), a loss function (chapter 04), gradient descent (chapter 05),
# the chain rule (chapter 06) and backpropagation (chapter 07), where a network learns XOR by
# itself.
#
# **Check yourself.**
#
# 1. What is $a^{(1)}$ in the network above for $x = (1, 1)$, and why is $\hat y = 0$?
# 2. Three points lie on one line: $(0, 0)$ of class 0, $(1, 1)$ of class 1 and $(2, 2)$ of
#    class 0. Are they linearly separable?
#
# <details><summary>Answer</summary>
#
# 1. OR gives $\operatorname{step}(1 + 1 - 0.5) = 1$ and NAND $\operatorname{step}(-1 - 1 + 1.5) = 0$,
#    so $a^{(1)} = (1, 0)$ and $\hat y = \operatorname{step}(1 + 0 - 1.5) = 0$.
# 2. No. A line that does not contain the diagonal cuts it at most once, leaving the points in two
#    groups along the diagonal; the class-1 point in the middle cannot be on a different side from
#    both ends. (A line along the diagonal leaves all three on it, on the same side.)
#
# </details>

# %% [markdown] tags=["sv"]
# Här valde vi de dolda vikterna för hand, med hjälp av det vi visste om XOR. För verkliga problem
# vet ingen vad de dolda neuronerna ska beräkna, och perceptronregeln kan inte tala om det för
# dem: den behöver ett facit $y$ för varje neuron, och data ger bara facit för utdatalagret. För att
# hitta de dolda vikterna behövs derivatan av felet med avseende på varje vikt — mjuka
# aktiveringsfunktioner (kapitel 02), en förlustfunktion (kapitel 04), gradientnedstigning
# (kapitel 05), kedjeregeln (kapitel 06) och bakåtpropagering (kapitel 07), där ett nätverk lär
# sig XOR på egen hand.
#
# **Testa dig själv.**
#
# 1. Vad är $a^{(1)}$ i nätverket ovan för $x = (1, 1)$, och varför blir $\hat y = 0$?
# 2. Tre punkter ligger på en linje: $(0, 0)$ i klass 0, $(1, 1)$ i klass 1 och $(2, 2)$ i klass 0.
#    Är de linjärt separerbara?
#
# <details><summary>Svar</summary>
#
# 1. OR ger $\operatorname{step}(1 + 1 - 0{,}5) = 1$ och NAND
#    $\operatorname{step}(-1 - 1 + 1{,}5) = 0$, så $a^{(1)} = (1, 0)$ och
#    $\hat y = \operatorname{step}(1 + 0 - 1{,}5) = 0$.
# 2. Nej. En linje som inte innehåller diagonalen skär den högst en gång och delar punkterna i två
#    grupper längs diagonalen; punkten i klass 1 i mitten kan inte ligga på en annan sida än båda
#    ändpunkterna. (En linje längs diagonalen har alla tre på sig, alltså på samma sida.)
#
# </details>

# %% [markdown] tags=["en", "slide"]
# ## Summary
#
# - A neuron: inputs → weights → weighted sum → activation function → output,
#   $z = \sum_{i=1}^m w_i x_i + b$, $\hat y = f(z)$.
# - With $x_0 = 1$ and $w_0 = b$: $\hat y = \varphi\big(\sum_{i=0}^m w_i x_i\big) = \varphi(w \cdot \tilde x)$.
# - The perceptron uses $\operatorname{step}(z) = 1$ for $z \ge 0$, else 0; with a sigmoid
#   instead the neuron is logistic regression. Both have the decision boundary $w \cdot x + b = 0$,
#   a straight line for two inputs, perpendicular to $(w_1, w_2)$.
# - Rosenblatt's learning rule: $w \leftarrow w + \eta\,(y - \hat y)\,\tilde x$, one point at a
#   time; an epoch is one pass over the data; stop after an epoch without updates.
# - On linearly separable data the rule always converges (to *some* separating line); XOR is not
#   linearly separable, so one neuron cannot learn it, and a hidden layer of two neurons can
#   represent it.
#
# **What next.** Do [Exercise 01](../../exercises/en/01_perceptron.ipynb): a neuron's output, one
# perceptron update and a training loop that separates AND. Then [chapter 02](02_activations.ipynb)
# replaces the step function by activation functions that gradient descent can work with.

# %% [markdown] tags=["sv", "slide"]
# ## Sammanfattning
#
# - En neuron: indata → vikter → viktad summa → aktiveringsfunktion → utdata,
#   $z = \sum_{i=1}^m w_i x_i + b$, $\hat y = f(z)$.
# - Med $x_0 = 1$ och $w_0 = b$: $\hat y = \varphi\big(\sum_{i=0}^m w_i x_i\big) = \varphi(w \cdot \tilde x)$.
# - Perceptronen använder $\operatorname{step}(z) = 1$ för $z \ge 0$, annars 0; med en sigmoid i
#   stället är neuronen logistisk regression. Båda har beslutsgränsen $w \cdot x + b = 0$, en rät
#   linje vid två indata, vinkelrät mot $(w_1, w_2)$.
# - Rosenblatts inlärningsregel: $w \leftarrow w + \eta\,(y - \hat y)\,\tilde x$, en punkt i
#   taget; en epok är ett varv genom alla träningsexempel; sluta efter en epok utan uppdateringar.
# - På linjärt separerbar data konvergerar regeln alltid (till *någon* skiljande linje); XOR är
#   inte linjärt separerbar, så en neuron kan inte lära sig den, men ett dolt lager med två
#   neuroner kan representera den.
#
# **Nästa steg.** Gör [Övning 01](../../exercises/sv/01_perceptron.ipynb): en neurons utdata, en
# uppdatering av perceptronen och en träningsloop som separerar AND. Sedan byter
# [kapitel 02](02_activations.ipynb) ut stegfunktionen mot aktiveringsfunktioner som
# gradientnedstigning kan arbeta med.
