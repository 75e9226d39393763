# %% [markdown] tags=["en", "slide"]
# # 05 Least squares and gradient descent
#
# In chapter 04 we learned to *measure* how wrong a model is with a loss function. Now we
# make it less wrong. Training a neural network means choosing numbers – the weights and
# biases – so that the loss becomes as small as possible. This chapter introduces the method
# every network in this course is trained with, **gradient descent**, on the smallest
# possible example: a model with a single number to choose.
#
# We solve that example twice: once exactly with algebra (the **least squares method**) and
# once step by step with gradient descent, and we check that both give the same answer. Then
# we add a second parameter and walk across a loss *surface*.
#
# **After this chapter you can**
# - write down the squared-error loss of a model and differentiate it with respect to a parameter;
# - solve the least squares problem for $y = a x^2$ in closed form;
# - write a gradient descent loop that reaches the same answer;
# - choose a learning rate, and compute the learning rate above which descent diverges;
# - tell a derivative from a gradient, and a local minimum from a global one.

# %% [markdown] tags=["sv", "slide"]
# # 05 Minstakvadratmetoden och gradientnedstigning
#
# I kapitel 04 lärde vi oss att *mäta* hur fel en modell har med en förlustfunktion. Nu ska vi
# göra felen mindre. Att träna ett neuralt nätverk betyder att välja tal – vikterna och
# biasvärdena – så att förlusten blir så liten som möjligt. I det här kapitlet möter du
# metoden som varje nätverk i kursen tränas med, **gradientnedstigning**, i det minsta
# tänkbara exemplet: en modell med ett enda tal att välja.
#
# Vi löser exemplet två gånger: en gång exakt med algebra (**minstakvadratmetoden**) och en
# gång steg för steg med gradientnedstigning, och vi kontrollerar att båda ger samma svar.
# Sedan lägger vi till en andra parameter och vandrar över en förlust*yta*.
#
# **Efter kapitlet kan du**
# - ställa upp kvadratfelsförlusten för en modell och derivera den med avseende på en parameter;
# - lösa minstakvadratproblemet för $y = a x^2$ på sluten form;
# - programmera gradientnedstigning som en loop som når samma svar;
# - välja inlärningstakt och beräkna den inlärningstakt där nedstigningen börjar divergera;
# - skilja en derivata från en gradient och ett lokalt minimum från ett globalt.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** Timing for 45 minutes: §1–2 7 min, §3 6 min, §4 6 min, §5 with the
# widget 8 min, §6 with the widget 5 min, §7 with the widget 7 min, §8 (saddle points and
# plateaus) 2 min, §9 mini-batches 3 min, §10 and the summary 1 min; "Going further" is
# reading. The message: step against the slope, a ← a − η·L′(a), and the closed form is the
# check. If time runs short, skip the cell with 360 directions in §7 and the code of §10. In
# §9 ask: "Why is the mean of the five batch gradients exactly the full gradient?" (equal
# batches that cover the data: the mean of means is the mean).

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Tidsplan för 45 minuter: §1–2 7 min, §3 6 min, §4 6 min, §5 med
# widgeten 8 min, §6 med widgeten 5 min, §7 med widgeten 7 min, §8 (sadelpunkter och platåer)
# 2 min, §9 minibatchar 3 min, §10 och sammanfattningen 1 min; ”Fördjupning” är läsning.
# Budskapet: ta steg mot lutningen, a ← a − η·L′(a), och den slutna formen är kontrollen. Om
# tiden blir knapp: hoppa över cellen med 360 riktningar i §7 och koden i §10. Fråga i §9:
# ”Varför är medelvärdet av de fem batchgradienterna exakt hela gradienten?” (lika stora
# batchar som täcker data: medelvärdet av medelvärdena är medelvärdet).

# %%
from course import set_language
set_language("en")

import matplotlib.pyplot as plt
import numpy as np

import nnlib
from nnlib import lstsq
from course import t
from course.numbers import fmt
from course.plots import COLORS
from course.plots_lessons import (
    directional_slopes,
    fitted_line,
    gradient_field,
    learning_rate_regimes,
    slope_arrows,
)
from course.widgets.descent import LearningRateDescent, SurfaceDescent, TwoMinimaDescent

rng = np.random.default_rng(0)

# %% [markdown] tags=["en", "slide"]
# ## 1 The problem: which parabola fits the points?
#
# Below are 20 measured points $(x_i, y_i)$. They lie roughly on a parabola through the
# origin, so we try the model
#
# $$\hat y = a x^2 .$$
#
# The model has one **parameter**, $a$. Every value of $a$ gives a different parabola, and
# our task is to find the $a$ that fits the points best. A network has the same task, only
# with thousands of numbers instead of one.
#
# Every training run follows the same recipe:
# 1. **Model**: a formula with parameters (here $\hat y = a x^2$).
# 2. **Loss and cost**: one number that says how wrong the model is on the data.
# 3. **Correction step**: change the parameters a little so that the cost goes down, and repeat.
#
# This chapter is about step 3. The points come from `nnlib.datasets.quadratic`, which draws
# noisy points around $y = 2x^2$; we pretend not to know the 2.

# %% [markdown] tags=["sv", "slide"]
# ## 1 Problemet: vilken parabel passar punkterna?
#
# Nedan finns 20 uppmätta punkter $(x_i, y_i)$. De ligger ungefär på en parabel genom origo,
# så vi provar modellen
#
# $$\hat y = a x^2 .$$
#
# Modellen har en **parameter**, $a$. Varje värde på $a$ ger en ny parabel, och vår uppgift
# är att hitta det $a$ som passar punkterna bäst. Ett nätverk har samma uppgift, bara med
# tusentals tal i stället för ett.
#
# All träning följer samma recept:
# 1. **Modell**: en formel med parametrar (här $\hat y = a x^2$).
# 2. **Förlust och kostnad**: ett tal som anger hur fel modellen har på datamängden.
# 3. **Korrigeringssteg**: ändra parametrarna lite så att kostnaden minskar, och upprepa.
#
# Det här kapitlet handlar om steg 3. Punkterna kommer från `nnlib.datasets.quadratic`, som
# slumpar punkter med brus kring $y = 2x^2$; vi låtsas att vi inte känner till tvåan.

# %% tags=["en"]
x, y = nnlib.datasets.quadratic(20, a=2.0, noise=0.5, rng=rng)
print("x:", np.round(x[:5], 2), "...")
print("y:", np.round(y[:5], 2), "...")
print("shapes:", x.shape, y.shape)

# %% tags=["sv"]
x, y = nnlib.datasets.quadratic(20, a=2.0, noise=0.5, rng=rng)
print("x:", np.round(x[:5], 2), "...")
print("y:", np.round(y[:5], 2), "...")
print("former:", x.shape, y.shape)

# %% [markdown] tags=["en"]
# Three guesses for $a$. The vertical segments are the **errors**
# $e_i = y_i - a x_i^2$: the observed value minus the model's value. A good $a$ makes all of
# them short at once; $a = 1$ is too low everywhere and $a = 3$ too high.

# %% [markdown] tags=["sv"]
# Tre gissningar på $a$. De lodräta strecken är **felen** $e_i = y_i - a x_i^2$: det
# observerade värdet minus modellens värde. Ett bra $a$ gör alla strecken korta på en gång;
# $a = 1$ ligger för lågt överallt och $a = 3$ för högt.

# %% tags=["en"]
grid = np.linspace(-2.1, 2.1, 200)
fig, axes = plt.subplots(1, 3, figsize=(13, 3.8), sharey=True)
for ax, a in zip(axes, [1.0, 2.0, 3.0]):
    ax.vlines(x, y, a * x**2, color=COLORS[1], linewidth=1.2, label=t("descent.errors"))
    ax.plot(grid, a * grid**2, color=COLORS[0], label=f"$\\hat y = {fmt(a)}\\,x^2$")
    ax.plot(x, y, "o", color="black", markersize=4, label=t("descent.data"))
    ax.set_title(f"$a = {fmt(a)}$")
    ax.set_xlabel(t("descent.x"))
    ax.legend(loc="upper center", fontsize=9)
axes[0].set_ylabel(t("descent.y"))
fig.suptitle(t("descent.title_data"))
fig.tight_layout()
plt.show()

# %% tags=["sv"]
grid = np.linspace(-2.1, 2.1, 200)
fig, axes = plt.subplots(1, 3, figsize=(13, 3.8), sharey=True)
for ax, a in zip(axes, [1.0, 2.0, 3.0]):
    ax.vlines(x, y, a * x**2, color=COLORS[1], linewidth=1.2, label=t("descent.errors"))
    ax.plot(grid, a * grid**2, color=COLORS[0], label=f"$\\hat y = {fmt(a)}\\,x^2$")
    ax.plot(x, y, "o", color="black", markersize=4, label=t("descent.data"))
    ax.set_title(f"$a = {fmt(a)}$")
    ax.set_xlabel(t("descent.x"))
    ax.legend(loc="upper center", fontsize=9)
axes[0].set_ylabel(t("descent.y"))
fig.suptitle(t("descent.title_data"))
fig.tight_layout()
plt.show()

# %% [markdown] tags=["en", "slide"]
# ## 2 Square the errors and average them
#
# One number has to summarise all 20 errors. Adding them up directly does not work: positive
# and negative errors cancel, and a terrible fit could score zero. So we square every error
# first and then take the mean:
#
# $$L(a) = \frac{1}{N}\sum_{i=1}^{N} \bigl(y_i - a x_i^2\bigr)^2 .$$
#
# This is the mean squared error (MSE) from chapter 04, now read as a function of the
# **parameter** $a$ while the data stay fixed. (Strictly, a mean over the data is what
# chapter 04 called the *cost* $J$; like most texts and `nnlib`, this chapter simply calls it
# the loss $L(a)$.) Squaring also punishes large errors much harder than small ones: an error
# of 2 costs four times as much as an error of 1.
#
# *Sum or mean?* Some texts minimise the sum $\sum_i (y_i - a x_i^2)^2$ instead. Both are
# smallest at the same $a$, because the mean is the sum divided by the constant $N$. The mean
# has a practical advantage: its size does not grow with the number of points, so a learning
# rate that works for 20 points also works for 2000 points from the same source (section 5
# makes this precise).

# %% [markdown] tags=["sv", "slide"]
# ## 2 Kvadrera felen och ta medelvärdet
#
# Ett enda tal ska sammanfatta alla 20 fel. Att lägga ihop felen direkt fungerar inte:
# positiva och negativa fel tar ut varandra, och en usel anpassning skulle kunna få summan
# noll. Därför kvadrerar vi först varje fel och tar sedan medelvärdet:
#
# $$L(a) = \frac{1}{N}\sum_{i=1}^{N} \bigl(y_i - a x_i^2\bigr)^2 .$$
#
# Det är medelkvadratfelet (MSE) från kapitel 04, men nu läst som en funktion av
# **parametern** $a$ medan punkterna hålls fasta. (Strängt taget är ett medelvärde över
# datamängden det som kapitel 04 kallade *kostnaden* $J$; liksom de flesta texter och `nnlib`
# kallar vi det här helt enkelt förlusten $L(a)$.) Kvadreringen straffar dessutom stora fel
# mycket hårdare än små: ett fel på 2 kostar fyra gånger så mycket som ett fel på 1.
#
# *Summa eller medelvärde?* En del texter minimerar i stället summan
# $\sum_i (y_i - a x_i^2)^2$. Båda blir minst för samma $a$, eftersom medelvärdet är summan
# delad med konstanten $N$. Medelvärdet har en praktisk fördel: dess storlek växer inte med
# antalet punkter, så en inlärningstakt som fungerar för 20 punkter fungerar också för 2 000
# punkter av samma slag (avsnitt 5 preciserar det här).

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 8 minutes for §1–2. The hard part is the change of viewpoint: in
# chapter 04 the loss was a function of the prediction; now the points are fixed and the
# *parameter* a is the variable. Ask: "The model is a parabola in x. Why is the loss a
# parabola in a?" Expected answer: the error y − a·x² is linear in a, so its square is
# quadratic in a; the loss would be a parabola in a for the model ŷ = a·x too.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 8 minuter för §1–2. Det svåra är perspektivbytet: i
# kapitel 04 var förlusten en funktion av prediktionen; nu är punkterna fasta och
# *parametern* a är variabeln. Fråga: ”Modellen är en parabel i x. Varför är förlusten en
# parabel i a?” Förväntat svar: felet y − a·x² är linjärt i a, så dess kvadrat är av andra
# graden i a; förlusten vore en parabel i a även för modellen ŷ = a·x.

# %%
def loss(a):
    errors = y - a * x**2
    return np.mean(errors**2)


for a in [1.0, 2.0, 3.0]:
    print(f"a = {a}:  L(a) = {loss(a):.3f}")

# %% [markdown] tags=["en"]
# Evaluating $L(a)$ for many values of $a$ gives the **loss curve**. It is a parabola in $a$:
# multiplying out the square gives
#
# $$L(a) = \frac{1}{N}\Bigl(\sum_i y_i^2 \;-\; 2a\sum_i x_i^2 y_i \;+\; a^2 \sum_i x_i^4\Bigr),$$
#
# a polynomial of degree two in $a$ whose $a^2$ coefficient is positive. So the curve has
# exactly one lowest point, and finding the best $a$ means finding the bottom of this curve.

# %% [markdown] tags=["sv"]
# Om vi beräknar $L(a)$ för många värden på $a$ får vi **förlustkurvan**. Den är en parabel i
# $a$: när kvadraten utvecklas blir
#
# $$L(a) = \frac{1}{N}\Bigl(\sum_i y_i^2 \;-\; 2a\sum_i x_i^2 y_i \;+\; a^2 \sum_i x_i^4\Bigr),$$
#
# ett andragradspolynom i $a$ med positiv koefficient framför $a^2$. Kurvan har alltså exakt
# en lägsta punkt, och att hitta det bästa $a$ är att hitta kurvans botten.

# %%
a_grid = np.linspace(-1, 5, 300)
curve = np.array([loss(a) for a in a_grid])

fig, ax = plt.subplots(figsize=(7, 4))
ax.plot(a_grid, curve, color=COLORS[0], label=t("descent.loss_curve"))
ax.set_xlabel(t("descent.param_a"))
ax.set_ylabel(t("descent.loss_a"))
ax.legend()
plt.show()

# %% [markdown] tags=["en", "slide"]
# ## 3 The derivative is the slope where we stand
#
# Imagine standing blindfolded on the loss curve at some $a$. You cannot see the bottom, but
# you can feel the slope under your feet. That slope is the **derivative**
# $L'(a) = \frac{dL}{da}$: the slope of the tangent to the curve at the point where we stand.
#
# Differentiate term by term with the chain rule (chapter 02, section 2 has a short primer;
# chapter 06 returns to it in depth): the outer
# function is the square, $\frac{d}{de}\,e^2 = 2e$, and the inner one is the error
# $e_i = y_i - a x_i^2$, with $\frac{de_i}{da} = -x_i^2$. So
#
# $$L'(a) = \frac{1}{N}\sum_{i=1}^N 2\bigl(y_i - a x_i^2\bigr)\cdot\bigl(-x_i^2\bigr)
#         = -\frac{2}{N}\sum_{i=1}^N x_i^2\bigl(y_i - a x_i^2\bigr).$$
#
# The sign tells us which way is uphill:
# - $L'(a) > 0$: the loss grows when $a$ grows, so we should **decrease** $a$;
# - $L'(a) < 0$: the loss grows when $a$ shrinks, so we should **increase** $a$;
# - $L'(a) = 0$: flat ground; we are at the bottom (or on a top, see section 6).
#
# Either way we step in the **opposite** direction of the derivative. With a small positive
# number $\eta$, the **learning rate**, the step is
#
# $$a \leftarrow a - \eta\, L'(a).$$
#
# This is **gradient descent**. The step is long where the curve is steep and shrinks by
# itself near the bottom, where the slope goes to zero.
#
# The figure below shows two points on the curve: the dashed lines are the tangents, whose
# slope is $L'(a)$, and the arrows show the step $-\eta L'(a)$ for $\eta = 0.05$. At $a = 0.5$
# the slope is negative and the step goes right; at $a = 3.5$ it is positive and the step
# goes left. Both point towards the bottom.

# %% [markdown] tags=["sv", "slide"]
# ## 3 Derivatan är lutningen där vi står
#
# Tänk dig att du står med förbundna ögon på förlustkurvan vid något $a$. Du ser inte botten,
# men du känner lutningen under fötterna. Den lutningen är **derivatan**
# $L'(a) = \frac{dL}{da}$: lutningen hos kurvans tangent i punkten där vi står.
#
# Derivera term för term med kedjeregeln (kapitel 02, avsnitt 2 har en kort introduktion; vi
# återkommer till den grundligt i kapitel 06): den yttre
# funktionen är kvadraten, $\frac{d}{de}\,e^2 = 2e$, och den inre är felet
# $e_i = y_i - a x_i^2$, med $\frac{de_i}{da} = -x_i^2$. Alltså är
#
# $$L'(a) = \frac{1}{N}\sum_{i=1}^N 2\bigl(y_i - a x_i^2\bigr)\cdot\bigl(-x_i^2\bigr)
#         = -\frac{2}{N}\sum_{i=1}^N x_i^2\bigl(y_i - a x_i^2\bigr).$$
#
# Tecknet visar åt vilket håll det lutar uppåt:
# - $L'(a) > 0$: förlusten ökar när $a$ ökar, så vi ska **minska** $a$;
# - $L'(a) < 0$: förlusten ökar när $a$ minskar, så vi ska **öka** $a$;
# - $L'(a) = 0$: plan mark; vi står i botten (eller på en topp, se avsnitt 6).
#
# I båda fallen tar vi ett steg i **motsatt** riktning mot derivatan. Med ett litet positivt
# tal $\eta$, **inlärningstakten**, blir steget
#
# $$a \leftarrow a - \eta\, L'(a).$$
#
# Det här är **gradientnedstigning**. Steget är långt där kurvan är brant och krymper av sig
# självt nära botten, där lutningen går mot noll.
#
# Figuren nedan visar två punkter på kurvan: de streckade linjerna är tangenterna, vars
# lutning är $L'(a)$, och pilarna visar steget $-\eta L'(a)$ för $\eta = 0{,}05$. Vid $a = 0{,}5$
# är lutningen negativ och steget går åt höger; vid $a = 3{,}5$ är den positiv och steget går åt
# vänster. Båda pekar mot botten.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 7 minutes. Act out the blindfolded walker: draw the curve, stand
# at a = 0.5 and at a = 3.5, draw the tangent and an arrow *against* its slope.
# Misconceptions to catch: dropping the minus sign ("step along the derivative" is gradient
# ascent), and believing that every step has length η; it has length η·|L′(a)|, which
# shrinks by itself near the bottom. Ask the check-yourself question about a = 3 before
# revealing the answer.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 7 minuter. Spela själv vandraren med förbundna ögon: rita
# kurvan, ställ dig i a = 0,5 och i a = 3,5, rita tangenten och en pil *mot* dess lutning.
# Vanliga missförstånd: att minustecknet försvinner (”steg längs derivatan” är
# gradientuppstigning) och att varje steg tros ha längden η; längden är η·|L′(a)|, som
# krymper av sig själv nära botten. Ställ frågan om a = 3 i ”Testa dig själv” innan du visar
# svaret.

# %%
def loss_derivative(a):
    errors = y - a * x**2
    return -2 * np.mean(x**2 * errors)


for a in [0.5, 3.5]:
    print(f"a = {a}:  L'(a) = {loss_derivative(a):+.2f}")

slope_arrows(a_grid, curve, loss, loss_derivative, points=[0.5, 3.5], learning_rate=0.05)
plt.show()

# %% [markdown] tags=["en"]
# **Check yourself.** At $a = 3$, is $L'(a)$ positive or negative, and does one step of
# gradient descent make $a$ larger or smaller? What would a *negative* learning rate do?
#
# <details><summary>Answer</summary>
#
# The bottom of the curve lies near $a = 2$, so at $a = 3$ the curve rises to the right and
# $L'(3) > 0$. The step $-\eta L'(3)$ is negative: $a$ gets smaller, towards the bottom.
# With $\eta < 0$ every step would go *uphill* and the loss would grow (that is gradient
# *ascent*), which is why the learning rate is always positive.
#
# </details>

# %% [markdown] tags=["sv"]
# **Testa dig själv.** Är $L'(a)$ positiv eller negativ vid $a = 3$, och blir $a$ större
# eller mindre efter ett steg med gradientnedstigning? Vad skulle en *negativ*
# inlärningstakt göra?
#
# <details><summary>Svar</summary>
#
# Kurvans botten ligger nära $a = 2$, så vid $a = 3$ stiger kurvan åt höger och $L'(3) > 0$.
# Steget $-\eta L'(3)$ är negativt: $a$ minskar, mot botten. Med $\eta < 0$ skulle varje steg
# gå *uppför* och förlusten växa (det kallas gradientuppstigning), och därför är
# inlärningstakten alltid positiv.
#
# </details>

# %% [markdown] tags=["en", "slide"]
# ## 4 The closed form: set the derivative to zero
#
# At the bottom the slope is zero. For this model we can solve $L'(a) = 0$ exactly:
#
# $$-\frac{2}{N}\sum_i x_i^2\bigl(y_i - a x_i^2\bigr) = 0
# \quad\Longleftrightarrow\quad \sum_i x_i^2 y_i = a\sum_i x_i^4
# \quad\Longleftrightarrow\quad a^* = \frac{\sum_i x_i^2 y_i}{\sum_i x_i^4}.$$
#
# This point is a minimum and not a maximum, because the second derivative
#
# $$L''(a) = \frac{2}{N}\sum_i x_i^4$$
#
# is positive as soon as one $x_i \neq 0$: the curve bends upwards. Choosing the parameter
# that makes the (mean or sum of the) squared errors smallest is the **least squares
# method**, and a formula like $a^*$ that gives the answer in one go is called a **closed
# form**.
#
# ### A worked example by hand
#
# Take only two points, $(1, 1)$ and $(2, 5)$. Then $N = 2$ and
#
# $$L(a) = \tfrac12\bigl[(1 - a)^2 + (5 - 4a)^2\bigr], \qquad
#   L'(a) = -\bigl[(1 - a)\cdot 1 + (5 - 4a)\cdot 4\bigr] = 17a - 21, \qquad L''(a) = 17.$$
#
# - Closed form: $a^* = \dfrac{1^2\cdot 1 + 2^2\cdot 5}{1^4 + 2^4} = \dfrac{21}{17} \approx 1.2353$.
# - Gradient descent from $a_0 = 0$ with $\eta = 0.05$:
#   - $a_1 = 0 - 0.05\cdot(17\cdot 0 - 21) = 1.05$
#   - $a_2 = 1.05 - 0.05\cdot(17\cdot 1.05 - 21) = 1.05 - 0.05\cdot(-3.15) = 1.2075$
#   - $a_3 = 1.2075 - 0.05\cdot(17\cdot 1.2075 - 21) = 1.2075 + 0.023625 = 1.231125$
#
# The distance to $a^*$ shrinks from $1.2353$ to $0.1853$, $0.0278$ and $0.0042$: every step
# multiplies it by $0.15$. Section 5 explains where that factor comes from. The cell below
# repeats the calculation in numpy.

# %% [markdown] tags=["sv", "slide"]
# ## 4 Sluten form: sätt derivatan till noll
#
# I botten är lutningen noll. För den här modellen kan vi lösa $L'(a) = 0$ exakt:
#
# $$-\frac{2}{N}\sum_i x_i^2\bigl(y_i - a x_i^2\bigr) = 0
# \quad\Longleftrightarrow\quad \sum_i x_i^2 y_i = a\sum_i x_i^4
# \quad\Longleftrightarrow\quad a^* = \frac{\sum_i x_i^2 y_i}{\sum_i x_i^4}.$$
#
# Punkten är ett minimum och inte ett maximum, eftersom andraderivatan
#
# $$L''(a) = \frac{2}{N}\sum_i x_i^4$$
#
# är positiv så snart något $x_i \neq 0$: kurvan böjer uppåt. Att välja den parameter som gör
# (medelvärdet eller summan av) de kvadrerade felen minst kallas **minstakvadratmetoden**, och
# en formel som $a^*$, som ger svaret direkt, kallas en lösning på **sluten form**.
#
# ### Ett räkneexempel för hand
#
# Ta bara två punkter, $(1, 1)$ och $(2, 5)$. Då är $N = 2$ och
#
# $$L(a) = \tfrac12\bigl[(1 - a)^2 + (5 - 4a)^2\bigr], \qquad
#   L'(a) = -\bigl[(1 - a)\cdot 1 + (5 - 4a)\cdot 4\bigr] = 17a - 21, \qquad L''(a) = 17.$$
#
# - Sluten form: $a^* = \dfrac{1^2\cdot 1 + 2^2\cdot 5}{1^4 + 2^4} = \dfrac{21}{17} \approx 1{,}2353$.
# - Gradientnedstigning från $a_0 = 0$ med $\eta = 0{,}05$:
#   - $a_1 = 0 - 0{,}05\cdot(17\cdot 0 - 21) = 1{,}05$
#   - $a_2 = 1{,}05 - 0{,}05\cdot(17\cdot 1{,}05 - 21) = 1{,}05 - 0{,}05\cdot(-3{,}15) = 1{,}2075$
#   - $a_3 = 1{,}2075 - 0{,}05\cdot(17\cdot 1{,}2075 - 21) = 1{,}2075 + 0{,}023625 = 1{,}231125$
#
# Avståndet till $a^*$ krymper från $1{,}2353$ till $0{,}1853$, $0{,}0278$ och $0{,}0042$: varje
# steg multiplicerar det med $0{,}15$. Avsnitt 5 förklarar var den faktorn kommer ifrån. Cellen nedan
# gör samma beräkning i numpy.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 7 minutes. Work the two-point example on the board with the
# room: derive L′(a) = 17a − 21 and a* = 21/17 ≈ 1.2353, then let the students compute a₁ =
# 1.05 and a₂ = 1.2075 on paper. Write the distances 1.2353, 0.1853, 0.0278 in a column and
# ask what they notice: each is 0.15 times the one before. Do not explain the factor yet; it
# leads into §5.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 7 minuter. Räkna exemplet med två punkter på tavlan
# tillsammans med salen: ta fram L′(a) = 17a − 21 och a* = 21/17 ≈ 1,2353, och låt sedan
# studenterna räkna ut a₁ = 1,05 och a₂ = 1,2075 på papper. Skriv avstånden 1,2353; 0,1853
# och 0,0278 i en kolumn och fråga vad de ser: vart och ett är 0,15 gånger det föregående.
# Förklara inte faktorn än; den leder in i §5.

# %% tags=["en"]
x_hand = np.array([1.0, 2.0])
y_hand = np.array([1.0, 5.0])
a_star_hand = np.sum(x_hand**2 * y_hand) / np.sum(x_hand**4)
print(f"closed form: a* = {a_star_hand:.4f}")

a = 0.0
for k in range(1, 4):
    derivative = -2 * np.mean(x_hand**2 * (y_hand - a * x_hand**2))
    a = a - 0.05 * derivative
    print(f"a_{k} = {a:.6f}   distance to a*: {a_star_hand - a:.4f}")

# %% tags=["sv"]
x_hand = np.array([1.0, 2.0])
y_hand = np.array([1.0, 5.0])
a_star_hand = np.sum(x_hand**2 * y_hand) / np.sum(x_hand**4)
print(f"sluten form: a* = {a_star_hand:.4f}")

a = 0.0
for k in range(1, 4):
    derivative = -2 * np.mean(x_hand**2 * (y_hand - a * x_hand**2))
    a = a - 0.05 * derivative
    print(f"a_{k} = {a:.6f}   avstånd till a*: {a_star_hand - a:.4f}")

# %% [markdown] tags=["en", "subslide"]
# ### The same for our 20 points
#
# The closed form is one line of numpy. The function `gradient_descent` repeats the
# correction step and keeps every value of $a$ it visits (the *path*). After 30 steps with
# $\eta = 0.1$ it agrees with the closed form to many decimals, and the slope there is
# practically zero.

# %% [markdown] tags=["sv", "subslide"]
# ### Samma sak för våra 20 punkter
#
# Den slutna formen är en enda rad numpykod. Funktionen `gradient_descent` upprepar
# korrigeringssteget och sparar varje värde på $a$ den passerar (*vägen*). Efter 30 steg med
# $\eta = 0{,}1$ stämmer den med den slutna formen på många decimaler, och lutningen där är i
# praktiken noll.

# %% tags=["en"]
a_closed = np.sum(x**2 * y) / np.sum(x**4)


def gradient_descent(a, learning_rate, n_steps):
    path = [a]
    for _ in range(n_steps):
        a = a - learning_rate * loss_derivative(a)
        path.append(a)
    return np.array(path)


path = gradient_descent(0.0, learning_rate=0.1, n_steps=30)
print(f"closed form:                a* = {a_closed:.6f}")
print(f"gradient descent, 30 steps: a  = {path[-1]:.6f}")
print(f"slope at the end:           L'(a) = {loss_derivative(path[-1]):.1e}")

# %% tags=["sv"]
a_closed = np.sum(x**2 * y) / np.sum(x**4)


def gradient_descent(a, learning_rate, n_steps):
    path = [a]
    for _ in range(n_steps):
        a = a - learning_rate * loss_derivative(a)
        path.append(a)
    return np.array(path)


path = gradient_descent(0.0, learning_rate=0.1, n_steps=30)
print(f"sluten form:                 a* = {a_closed:.6f}")
print(f"gradientnedstigning, 30 steg: a = {path[-1]:.6f}")
print(f"lutning i slutet:            L'(a) = {loss_derivative(path[-1]):.1e}")

# %% [markdown] tags=["en", "slide"]
# ## 5 Choosing the learning rate
#
# How large may $\eta$ be? For this model we can answer exactly. Because $L$ is a parabola in
# $a$ with its bottom at $a^*$, its derivative is a straight line that crosses zero at $a^*$:
#
# $$L'(a) = L''\,(a - a^*), \qquad L'' = \frac{2}{N}\sum_i x_i^4 .$$
#
# (Check it on the hand example: $17a - 21 = 17\,(a - 21/17)$.) Put this into the update and
# subtract $a^*$ on both sides:
#
# $$a_{k+1} - a^* = a_k - a^* - \eta L''(a_k - a^*) = (1 - \eta L'')\,(a_k - a^*).$$
#
# Every step multiplies the distance to the minimum by the same factor $r = 1 - \eta L''$
# (in the hand example $1 - 0.05\cdot 17 = 0.15$). Everything depends on that factor:
#
# | learning rate | factor $r = 1 - \eta L''$ | what happens |
# |---|---|---|
# | $0 < \eta < 1/L''$ | $0 < r < 1$ | approaches from one side; **slow** when $\eta$ is tiny |
# | $\eta = 1/L''$ | $r = 0$ | lands on $a^*$ in a single step |
# | $1/L'' < \eta < 2/L''$ | $-1 < r < 0$ | jumps across the minimum every step (**oscillates**), but converges |
# | $\eta = 2/L''$ | $r = -1$ | bounces between the same two points for ever |
# | $\eta > 2/L''$ | $r < -1$ | every jump lands farther away: **diverges** |
#
# So gradient descent on this loss diverges exactly when
#
# $$\eta > \frac{2}{L''}.$$
#
# The threshold depends on the data (through $\sum_i x_i^4$), not on where we start. And since
# $L''$ is a *mean*, it stays about the same when we collect more points of the same kind.

# %% [markdown] tags=["sv", "slide"]
# ## 5 Att välja inlärningstakt
#
# Hur stort får $\eta$ vara? För den här modellen kan vi svara exakt. Eftersom $L$ är en
# parabel i $a$ med botten i $a^*$ är derivatan en rät linje som skär noll i $a^*$:
#
# $$L'(a) = L''\,(a - a^*), \qquad L'' = \frac{2}{N}\sum_i x_i^4 .$$
#
# (Kontrollera på räkneexemplet: $17a - 21 = 17\,(a - 21/17)$.) Sätt in detta i
# uppdateringen och dra ifrån $a^*$ på båda sidor:
#
# $$a_{k+1} - a^* = a_k - a^* - \eta L''(a_k - a^*) = (1 - \eta L'')\,(a_k - a^*).$$
#
# Varje steg multiplicerar avståndet till minimipunkten med samma faktor $r = 1 - \eta L''$
# (i räkneexemplet $1 - 0{,}05\cdot 17 = 0{,}15$). Allt hänger på den faktorn:
#
# | inlärningstakt | faktor $r = 1 - \eta L''$ | vad som händer |
# |---|---|---|
# | $0 < \eta < 1/L''$ | $0 < r < 1$ | närmar sig från ena sidan; **långsamt** när $\eta$ är mycket litet |
# | $\eta = 1/L''$ | $r = 0$ | hamnar i $a^*$ på ett enda steg |
# | $1/L'' < \eta < 2/L''$ | $-1 < r < 0$ | hoppar över minimipunkten i varje steg (**oscillerar**), men konvergerar |
# | $\eta = 2/L''$ | $r = -1$ | studsar mellan samma två punkter i all evighet |
# | $\eta > 2/L''$ | $r < -1$ | varje hopp landar längre bort: **divergerar** |
#
# Gradientnedstigning på den här förlusten divergerar alltså precis när
#
# $$\eta > \frac{2}{L''}.$$
#
# Gränsen beror på punkterna (genom $\sum_i x_i^4$), inte på var vi börjar. Och eftersom
# $L''$ är ett *medelvärde* förblir den ungefär densamma när vi samlar in fler punkter av
# samma slag.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 8 minutes. For our 20 points L″ ≈ 8.89, so the threshold 2/L″ is
# 0.225 and 1/L″ ≈ 0.112. In `LearningRateDescent` (it starts at a fifth of the threshold, η
# = 0.045) set 0.005 (too slow), about 0.11 (almost at the minimum after one step), 0.2
# (oscillates but converges) and 0.23 (diverges); ask the room what they expect before each
# change, then read the status line aloud. Misconception: "a larger learning rate is always
# faster".

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 8 minuter. För våra 20 punkter är L″ ≈ 8,89, så gränsen
# 2/L″ är 0,225 och 1/L″ ≈ 0,112. I `LearningRateDescent` (den startar med en femtedel av
# gränsen, η = 0,045) ställer du in 0,005 (för långsam), ungefär 0,11 (nästan i
# minimipunkten efter ett steg), 0,2 (oscillerar men konvergerar) och 0,23 (divergerar);
# fråga salen vad de tror före varje ändring och läs sedan upp statusraden. Missförstånd:
# ”en större inlärningstakt går alltid fortare”.

# %% tags=["en"]
curvature = 2 * np.mean(x**4)
threshold = 2 / curvature
print(f"L'' = {curvature:.3f}")
print(f"divergence threshold 2/L'' = {threshold:.4f}")
print(f"our eta = 0.1 gives r = 1 - eta L'' = {1 - 0.1 * curvature:.3f}")

# %% tags=["sv"]
curvature = 2 * np.mean(x**4)
threshold = 2 / curvature
print(f"L'' = {curvature:.3f}")
print(f"gräns för divergens 2/L'' = {threshold:.4f}")
print(f"vårt eta = 0,1 ger r = 1 - eta L'' = {1 - 0.1 * curvature:.3f}")

# %% [markdown] tags=["en"]
# Four learning rates, given as fractions of the threshold, each running 12 steps from
# $a_0 = 0$: too small (slow), good, too large (oscillates but converges) and divergent
# (the path leaves the picture).

# %% [markdown] tags=["sv"]
# Fyra inlärningstakter, angivna som andelar av gränsen, och 12 steg från $a_0 = 0$ med
# var och en: för liten (långsam), lagom, för stor (oscillerar men konvergerar) och divergent
# (vägen lämnar bilden).

# %%
regimes = {"slow": 0.05, "good": 0.3, "large": 0.9, "divergent": 1.05}
runs = {}
for regime, fraction in regimes.items():
    eta = fraction * threshold
    runs[regime] = (eta, fraction, gradient_descent(0.0, eta, 12))

learning_rate_regimes(a_grid, curve, loss, runs, a_closed)
plt.show()

# %% [markdown] tags=["en"]
# Now let us *show* the threshold numerically. For 300 learning rates between 1 % and 150 %
# of $2/L''$ we run 50 steps from $a_0 = 0$ and plot how much the loss changed,
# $L(a_{50}) / L(a_0)$. Below the threshold the ratio is far below 1 (descent worked); right
# at the dashed line $\eta = 2/L''$ it reaches 1 (the path bounces between two points with the
# same loss), and beyond the line it explodes.

# %% [markdown] tags=["sv"]
# Nu *visar* vi gränsen numeriskt. För 300 inlärningstakter mellan 1 % och 150 % av $2/L''$
# kör vi 50 steg från $a_0 = 0$ och ritar hur mycket förlusten ändrades,
# $L(a_{50}) / L(a_0)$. Under gränsen är kvoten långt under 1 (nedstigningen fungerade); precis
# vid den streckade linjen $\eta = 2/L''$ når den 1 (vägen studsar mellan två punkter med samma
# förlust), och bortom linjen exploderar den.

# %% tags=["en"]
learning_rates = np.linspace(0.01, 1.5, 300) * threshold
ratios = [loss(gradient_descent(0.0, eta, 50)[-1]) / loss(0.0) for eta in learning_rates]

fig, ax = plt.subplots(figsize=(8, 4))
ax.semilogy(learning_rates, ratios, color=COLORS[0])
ax.axvline(threshold, color=COLORS[1], linestyle="--", label=t("descent.threshold"))
ax.axhline(1.0, color="0.5", linewidth=1)
ax.set_ylim(min(ratios) / 3, 1e6)
ax.set_xlabel(t("descent.learning_rate_axis"))
ax.set_ylabel(t("descent.loss_ratio"))
ax.set_title(t("descent.title_threshold"))
ax.legend()
plt.show()

for fraction in [0.98, 1.02]:
    eta = fraction * threshold
    ratio = loss(gradient_descent(0.0, eta, 50)[-1]) / loss(0.0)
    print(f"eta = {fraction} * 2/L'' = {eta:.4f}:  L(a_50) / L(a_0) = {ratio:.3g}")

# %% tags=["sv"]
learning_rates = np.linspace(0.01, 1.5, 300) * threshold
ratios = [loss(gradient_descent(0.0, eta, 50)[-1]) / loss(0.0) for eta in learning_rates]

fig, ax = plt.subplots(figsize=(8, 4))
ax.semilogy(learning_rates, ratios, color=COLORS[0])
ax.axvline(threshold, color=COLORS[1], linestyle="--", label=t("descent.threshold"))
ax.axhline(1.0, color="0.5", linewidth=1)
ax.set_ylim(min(ratios) / 3, 1e6)
ax.set_xlabel(t("descent.learning_rate_axis"))
ax.set_ylabel(t("descent.loss_ratio"))
ax.set_title(t("descent.title_threshold"))
ax.legend()
plt.show()

for fraction in [0.98, 1.02]:
    eta = fraction * threshold
    ratio = loss(gradient_descent(0.0, eta, 50)[-1]) / loss(0.0)
    print(f"eta = {fraction} * 2/L'' = {eta:.4f}:  L(a_50) / L(a_0) = {ratio:.3g}")

# %% [markdown] tags=["en"]
# **Check yourself.**
# 1. Suppose we minimise the *sum* of squared errors instead of the mean. What happens to
#    $a^*$, to $L''$ and to the divergence threshold?
# 2. Which learning rate reaches $a^*$ in a single step? Why can we not simply use that
#    learning rate when training a neural network?
#
# <details><summary>Answer</summary>
#
# 1. $a^*$ does not change (the factor $N$ cancels when we set the derivative to zero). $L''$
#    becomes $2\sum_i x_i^4$, $N$ times larger, so the threshold $2/L''$ becomes $N$ times
#    smaller: a learning rate that works with the mean can diverge with the sum.
# 2. $\eta = 1/L''$, which makes $r = 0$. A network's loss is not a parabola: its curvature
#    changes from place to place and is not known in advance, so the learning rate is chosen
#    by trying a few values (chapter 09).
#
# </details>
#
# ### Try it: the learning rate
#
# The widget runs gradient descent from $a_0 = 0$ on the loss curve of our 20 points every
# time you move a slider. Left: the path of $a$ on the curve; right: the loss after each step
# (log scale). The line under the sliders says whether the run converged, is too slow,
# oscillates or diverges, and shows the threshold $2/L''$. The play button adds one step at a
# time.
#
# Try this:
# 1. A learning rate around $0.005$: does it reach the minimum within 100 steps?
# 2. A learning rate just below and just above $2/L''$.
# 3. $\eta = 1/L''$, half the threshold: how many steps now?

# %% [markdown] tags=["sv"]
# **Testa dig själv.**
# 1. Anta att vi minimerar *summan* av de kvadrerade felen i stället för medelvärdet. Vad
#    händer med $a^*$, med $L''$ och med gränsen för divergens?
# 2. Vilken inlärningstakt når $a^*$ på ett enda steg? Varför kan vi inte bara använda den
#    när vi tränar ett neuralt nätverk?
#
# <details><summary>Svar</summary>
#
# 1. $a^*$ ändras inte (faktorn $N$ förkortas bort när vi sätter derivatan till noll). $L''$ blir
#    $2\sum_i x_i^4$, alltså $N$ gånger större, så gränsen $2/L''$ blir $N$ gånger mindre: en
#    inlärningstakt som fungerar med medelvärdet kan divergera med summan.
# 2. $\eta = 1/L''$, som ger $r = 0$. Ett nätverks förlust är ingen parabel: krökningen
#    varierar från ställe till ställe och är inte känd i förväg, så inlärningstakten väljs
#    genom att pröva några värden (kapitel 09).
#
# </details>
#
# ### Prova själv: inlärningstakten
#
# Widgeten kör gradientnedstigning från $a_0 = 0$ på förlustkurvan för våra 20 punkter varje
# gång du flyttar ett reglage. Till vänster: vägen för $a$ på kurvan; till höger: förlusten
# efter varje steg (logaritmisk skala). Raden under reglagen talar om ifall körningen
# konvergerade, går för långsamt, oscillerar eller divergerar, och visar gränsen $2/L''$.
# Uppspelningsknappen lägger till ett steg i taget.
#
# Prova detta:
# 1. En inlärningstakt kring $0{,}005$: når den minimipunkten inom 100 steg?
# 2. En inlärningstakt strax under och strax över $2/L''$.
# 3. $\eta = 1/L''$, halva gränsen: hur många steg behövs nu?

# %%
LearningRateDescent(x, y)

# %% [markdown] tags=["en", "slide"]
# ## 6 Local and global minima and maxima
#
# Our parabola has exactly one lowest point. The loss of a neural network is not that kind
# of function: it has many valleys. Some words for a function $L(w)$:
# - a **global minimum** is a point where $L$ is lowest of all;
# - a **local minimum** is lowest only compared with its neighbourhood: a valley, but not
#   necessarily the deepest one;
# - **local and global maxima** are the same for the highest points (hilltops).
#
# At all of them the derivative is zero, because the tangent is horizontal. The second
# derivative tells them apart (when it is not zero): $L''(w) > 0$ at a minimum (the curve
# bends upwards) and $L''(w) < 0$ at a maximum.
#
# Take $L(w) = w^4 - 3w^2 + w$. Its derivative $L'(w) = 4w^3 - 6w + 1$ is zero at three
# points; numpy finds them as the roots of that polynomial, and $L''(w) = 12w^2 - 6$ tells us
# what each one is.

# %% [markdown] tags=["sv", "slide"]
# ## 6 Lokala och globala minimum och maximum
#
# Vår parabel har exakt en lägsta punkt. Förlusten för ett neuralt nätverk är inte en sådan
# funktion: den har många dalar. Några ord för en funktion $L(w)$:
# - ett **globalt minimum** är en punkt där $L$ är lägst av alla;
# - ett **lokalt minimum** är lägst bara jämfört med sin omgivning: en dal, men inte
#   nödvändigtvis den djupaste;
# - **lokala och globala maximum** är motsvarande för de högsta punkterna (topparna).
#
# I alla dessa punkter är derivatan noll, eftersom tangenten är vågrät. Andraderivatan
# skiljer dem åt (när den inte är noll): $L''(w) > 0$ i ett minimum (kurvan böjer uppåt) och
# $L''(w) < 0$ i ett maximum.
#
# Ta $L(w) = w^4 - 3w^2 + w$. Derivatan $L'(w) = 4w^3 - 6w + 1$ är noll i tre punkter; numpy
# hittar dem som rötterna till polynomet, och $L''(w) = 12w^2 - 6$ avgör vad varje punkt är.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 5 minutes. In `TwoMinimaDescent` (60 steps, η = 0.02) start at
# w₀ = 0.1 (ends in the global minimum, −1.30) and at w₀ = 0.3 (the local one, 1.13): the
# hilltop at 0.17 separates them. Then set w₀ = 2 and raise η: up to about 0.08 it stays in
# the local valley, from 0.09 it reaches the global one, from 0.14 it becomes erratic, from
# 0.2 it diverges. Ask: "Does a tiny learning rate guarantee the global minimum?" No: the
# start decides.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 5 minuter. I `TwoMinimaDescent` (60 steg, η = 0,02)
# startar du i w₀ = 0,1 (hamnar i det globala minimumet, −1,30) och i w₀ = 0,3 (det lokala,
# 1,13): toppen vid 0,17 skiljer dem åt. Sätt sedan w₀ = 2 och öka η: upp till ungefär 0,08
# stannar den i den lokala dalen, från 0,09 når den den globala, från 0,14 blir utfallet
# oberäkneligt, och från 0,2 divergerar den. Fråga: ”Garanterar en mycket liten
# inlärningstakt det globala minimumet?” Nej: starten avgör.

# %%
def double_well(w):
    return w**4 - 3 * w**2 + w


critical = np.sort(np.roots([4, 0, -6, 1]).real)
for w in critical:
    second = 12 * w**2 - 6
    kind = "minimum" if second > 0 else "maximum"
    print(f"w = {w:+.3f}:  L(w) = {double_well(w):+.3f},  L''(w) = {second:+.2f}  ->  {kind}")

# %% [markdown] tags=["en"]
# Two minima: the global one at $w \approx -1.30$ and a local one at $w \approx 1.13$, with a
# local maximum at $w \approx 0.17$ between them. Gradient descent feels only the slope where
# it stands, so it rolls into the valley on its own side of the hill. The widget runs it on
# $L(w)$ from the start point $w_0$ you choose.
#
# Try this:
# 1. Start on either side of the maximum ($w_0 = 0.1$ and $w_0 = 0.3$) and watch the end
#    point switch between the global and the local minimum.
# 2. Start at $w_0 = 2$ and raise the learning rate slowly up to $0.25$: first the steps become
#    long enough to jump over the hill into the other valley, then too long to settle in any
#    valley, and finally descent diverges.
# 3. Start very close to the maximum: why does it take so many steps to get away?

# %% [markdown] tags=["sv"]
# Två minimipunkter: det globala minimumet vid $w \approx -1{,}30$ och ett lokalt vid
# $w \approx 1{,}13$, med ett lokalt maximum vid $w \approx 0{,}17$ mellan dem.
# Gradientnedstigning känner bara lutningen där den står, så den rullar ner i dalen på sin
# egen sida av kullen. Widgeten kör den på $L(w)$ från den startpunkt $w_0$ du väljer.
#
# Prova detta:
# 1. Starta på var sin sida om maximipunkten ($w_0 = 0{,}1$ och $w_0 = 0{,}3$) och se hur
#    slutpunkten byter mellan det globala och det lokala minimumet.
# 2. Starta i $w_0 = 2$ och öka inlärningstakten långsamt upp till $0{,}25$: först blir stegen
#    så långa att de hoppar över kullen ner i den andra dalen, sedan för långa för att stanna
#    i någon dal, och till sist divergerar nedstigningen.
# 3. Starta mycket nära maximipunkten: varför tar det så många steg att komma därifrån?

# %%
TwoMinimaDescent(start=0.3)

# %% [markdown] tags=["en"]
# **Check yourself.**
# 1. What does gradient descent do if it starts *exactly* at the local maximum?
# 2. Does gradient descent with a small enough learning rate always find the global minimum?
#
# <details><summary>Answer</summary>
#
# 1. There $L'(w) = 0$, so the update $w \leftarrow w - \eta \cdot 0$ does not move it. But
#    the point is unstable: the smallest deviation, even a rounding error, grows step by
#    step, and descent rolls off into one of the two valleys (slowly at first, because the
#    slope near the top is small, which also answers the third item of the widget).
# 2. No. A small enough learning rate makes the loss go down at every step and stops where
#    the slope is zero, but *which* valley it ends in depends on the start. A common remedy
#    for a bad valley is to repeat training from several starts (chapter 09). (A network's
#    weights also start at random values, but mainly for another reason: if all neurons of a
#    layer started equal, they would get equal gradients and stay copies of each other forever.
#    Random starts break that symmetry; chapters 07 and 09 show it.)
#
# </details>

# %% [markdown] tags=["sv"]
# **Testa dig själv.**
# 1. Vad gör gradientnedstigning om den startar *exakt* i det lokala maximumet?
# 2. Hittar gradientnedstigning med tillräckligt liten inlärningstakt alltid det globala
#    minimumet?
#
# <details><summary>Svar</summary>
#
# 1. Där är $L'(w) = 0$, så uppdateringen $w \leftarrow w - \eta \cdot 0$ flyttar den inte.
#    Men punkten är instabil: minsta avvikelse, till och med ett avrundningsfel, växer för
#    varje steg, och nedstigningen rullar ner i en av de två dalarna (långsamt i början,
#    eftersom lutningen nära toppen är liten, vilket också besvarar den tredje punkten vid
#    widgeten).
# 2. Nej. En tillräckligt liten inlärningstakt gör att förlusten minskar i varje steg och att
#    nedstigningen stannar där lutningen är noll, men *vilken* dal den hamnar i beror på
#    starten. Ett vanligt sätt att komma ur en dålig dal är att upprepa träningen från flera
#    startpunkter (kapitel 09). (Ett nätverks vikter startar också med slumpmässiga värden,
#    men främst av ett annat skäl: om alla neuroner i ett lager startade lika skulle de få lika
#    gradienter och förbli kopior av varandra för alltid. Slumpmässiga startvärden bryter den
#    symmetrin; kapitel 07 och 09 visar det.)
#
# </details>

# %% [markdown] tags=["en", "slide"]
# ## 7 Two parameters: from derivative to gradient
#
# Now the model $\hat y = a x + b$, a straight line with two parameters. Its loss
#
# $$L(a, b) = \frac{1}{N}\sum_{i=1}^N \bigl(y_i - a x_i - b\bigr)^2$$
#
# is a function of two variables; its graph is a surface, a bowl above the $(a, b)$ plane.
# With two variables there is no single "slope where we stand": the slope depends on which
# direction we face. We start with the two **partial derivatives**, each taken while the other
# parameter is held fixed:
#
# $$\frac{\partial L}{\partial a} = -\frac{2}{N}\sum_i x_i\bigl(y_i - a x_i - b\bigr), \qquad
#   \frac{\partial L}{\partial b} = -\frac{2}{N}\sum_i \bigl(y_i - a x_i - b\bigr).$$
#
# The **gradient** collects them in one vector:
#
# $$\nabla L(a, b) = \begin{pmatrix} \partial L/\partial a \\ \partial L/\partial b \end{pmatrix}.$$
#
# A gradient is not the same thing as a derivative. The derivative of a function of *one*
# variable is a **number**: the slope of its curve. The gradient of a function of *several*
# variables is a **vector** with one partial derivative per parameter; it has a direction as
# well as a length. With a single parameter the gradient has one component, and that
# component is the derivative, which is why the one-parameter case could use either word.
#
# The next cell makes a new data set of 40 points around the line $y = 1.5x + 2$ and computes
# the gradient at $(a, b) = (0, 0)$, once with the formula and once numerically with
# `nnlib.numerical_gradient` (tiny steps in $a$ and in $b$) as a check.

# %% [markdown] tags=["sv", "slide"]
# ## 7 Två parametrar: från derivata till gradient
#
# Nu tar vi modellen $\hat y = a x + b$, en rät linje med två parametrar. Förlusten
#
# $$L(a, b) = \frac{1}{N}\sum_{i=1}^N \bigl(y_i - a x_i - b\bigr)^2$$
#
# är en funktion av två variabler; dess graf är en yta, en skål ovanför $(a, b)$-planet. Med
# två variabler finns ingen enskild ”lutning där vi står”: lutningen beror på åt vilket håll
# vi vänder oss. Vi börjar med de två **partiella derivatorna**, där den andra parametern
# hålls fast:
#
# $$\frac{\partial L}{\partial a} = -\frac{2}{N}\sum_i x_i\bigl(y_i - a x_i - b\bigr), \qquad
#   \frac{\partial L}{\partial b} = -\frac{2}{N}\sum_i \bigl(y_i - a x_i - b\bigr).$$
#
# **Gradienten** samlar dem i en vektor:
#
# $$\nabla L(a, b) = \begin{pmatrix} \partial L/\partial a \\ \partial L/\partial b \end{pmatrix}.$$
#
# En gradient är inte samma sak som en derivata. Derivatan av en funktion av *en* variabel är
# ett **tal**: lutningen hos kurvan. Gradienten av en funktion av *flera* variabler är en
# **vektor** med en partiell derivata per parameter; den har både riktning och längd. Med en
# enda parameter har gradienten en komponent, och den komponenten är derivatan. Därför gick
# det bra att använda vilket ord som helst i fallet med en parameter.
#
# Nästa cell skapar en ny datamängd med 40 punkter kring linjen $y = 1{,}5x + 2$ och beräknar
# gradienten i $(a, b) = (0, 0)$, en gång med formeln och en gång numeriskt med
# `nnlib.numerical_gradient` (små steg i $a$ och i $b$) som kontroll.

# %% tags=["en"]
x_line = rng.uniform(0, 4, size=40)
y_line = 1.5 * x_line + 2 + rng.normal(0, 0.5, size=40)


def line_loss(theta):
    a, b = theta
    return np.mean((y_line - a * x_line - b) ** 2)


def line_gradient(theta):
    a, b = theta
    errors = y_line - a * x_line - b
    return np.array([-2 * np.mean(x_line * errors), -2 * np.mean(errors)])


theta = np.array([0.0, 0.0])
print("gradient from the formula:", line_gradient(theta).round(6))
print("numerical gradient:       ", nnlib.numerical_gradient(line_loss, theta.copy()).round(6))

# %% tags=["sv"]
x_line = rng.uniform(0, 4, size=40)
y_line = 1.5 * x_line + 2 + rng.normal(0, 0.5, size=40)


def line_loss(theta):
    a, b = theta
    return np.mean((y_line - a * x_line - b) ** 2)


def line_gradient(theta):
    a, b = theta
    errors = y_line - a * x_line - b
    return np.array([-2 * np.mean(x_line * errors), -2 * np.mean(errors)])


theta = np.array([0.0, 0.0])
print("gradient enligt formeln:", line_gradient(theta).round(6))
print("numerisk gradient:       ", nnlib.numerical_gradient(line_loss, theta.copy()).round(6))

# %% [markdown] tags=["en", "subslide"]
# ### Why the gradient points uphill
#
# Stand at a point $\theta = (a, b)$ and face the direction of a unit vector $u$. The slope in
# that direction (the *directional derivative*) is
#
# $$D_u L = \nabla L \cdot u = \lVert\nabla L\rVert \cos\varphi,$$
#
# where $\varphi$ is the angle between $u$ and $\nabla L$. It is largest, equal to
# $\lVert\nabla L\rVert$, when $u$ points along the gradient ($\varphi = 0$), and most
# negative when $u$ points the opposite way. Therefore:
# - the gradient points in the direction of **steepest ascent**, and its length is the slope
#   in that direction;
# - $-\nabla L$ points in the direction of steepest descent, which is where we step;
# - the gradient is perpendicular to the contour line through the point, because along a
#   contour line the loss does not change ($\cos\varphi = 0$).
#
# A common slip is to say that "the gradient points towards the minimum" or "points
# downhill". It points *uphill*, straight across the contour line, and that is not
# necessarily towards the minimum, as the figures below show.
#
# The next cell measures the slope in 360 directions with a tiny step along each $u$ and
# compares the steepest direction it finds with $\nabla L$.

# %% [markdown] tags=["sv", "subslide"]
# ### Varför gradienten pekar uppför
#
# Ställ dig i en punkt $\theta = (a, b)$ och vänd dig i riktningen för en enhetsvektor $u$.
# Lutningen i den riktningen (*riktningsderivatan*) är
#
# $$D_u L = \nabla L \cdot u = \lVert\nabla L\rVert \cos\varphi,$$
#
# där $\varphi$ är vinkeln mellan $u$ och $\nabla L$. Den är störst, lika med
# $\lVert\nabla L\rVert$, när $u$ pekar längs gradienten ($\varphi = 0$), och mest negativ när
# $u$ pekar åt motsatt håll. Alltså gäller:
# - gradienten pekar i den riktning där funktionen **växer snabbast** (brantaste stigningen),
#   och dess längd är lutningen i den riktningen;
# - $-\nabla L$ pekar i den brantaste riktningen nedför, och det är dit vi tar steget;
# - gradienten är vinkelrät mot nivåkurvan genom punkten, eftersom förlusten inte ändras längs
#   en nivåkurva ($\cos\varphi = 0$).
#
# Ett vanligt misstag är att säga att ”gradienten pekar mot minimipunkten” eller ”pekar
# nedför”. Den pekar *uppför*, rakt ut från nivåkurvan, och det är inte nödvändigtvis mot
# minimipunkten, vilket figurerna nedan visar.
#
# Nästa cell mäter lutningen i 360 riktningar med ett litet steg längs varje $u$ och jämför
# den brantaste riktningen den hittar med $\nabla L$.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 7 minutes for all of §7. On the board, draw long thin ellipses
# as contour lines, a point on one of them, ∇L perpendicular to the contour and pointing
# outwards, −∇L pointing inwards, and the minimum at the centre: the arrow misses it. Ask:
# "Does −∇L point at the minimum?" Many say yes; in general it does only when the contours
# are circles. Stress once more: a derivative is a number, a gradient is a vector.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 7 minuter för hela §7. Rita långa, smala ellipser som
# nivåkurvor på tavlan, en punkt på en av dem, ∇L vinkelrätt mot nivåkurvan och utåt, −∇L
# inåt och minimipunkten i mitten: pilen missar den. Fråga: ”Pekar −∇L mot minimipunkten?”
# Många svarar ja; i allmänhet gör den det bara när nivåkurvorna är cirklar. Betona en gång
# till: en derivata är ett tal, en gradient är en vektor.

# %% tags=["en"]
gradient = line_gradient(theta)
angles = np.radians(np.arange(360))
directions = np.column_stack([np.cos(angles), np.sin(angles)])
h = 1e-6
slopes = np.array([(line_loss(theta + h * u) - line_loss(theta - h * u)) / (2 * h) for u in directions])

print("steepest direction found:", directions[np.argmax(slopes)].round(3), "  slope:", slopes.max().round(3))
print("gradient / |gradient|:   ", (gradient / np.linalg.norm(gradient)).round(3),
      "  |gradient|:", np.linalg.norm(gradient).round(3))

directional_slopes(angles, slopes, gradient)
plt.show()

# %% tags=["sv"]
gradient = line_gradient(theta)
angles = np.radians(np.arange(360))
directions = np.column_stack([np.cos(angles), np.sin(angles)])
h = 1e-6
slopes = np.array([(line_loss(theta + h * u) - line_loss(theta - h * u)) / (2 * h) for u in directions])

print("brantaste riktningen:   ", directions[np.argmax(slopes)].round(3), "  lutning:", slopes.max().round(3))
print("gradient / |gradient|:   ", (gradient / np.linalg.norm(gradient)).round(3),
      "  |gradient|:", np.linalg.norm(gradient).round(3))

directional_slopes(angles, slopes, gradient)
plt.show()

# %% [markdown] tags=["en"]
# On the contour plot of $L(a, b)$ each contour line joins points of equal loss. At six
# points the orange arrows show the direction of $\nabla L$ and the blue ones the direction of
# $-\nabla L$ (all drawn with the same length). They cross the contour lines at right angles,
# and the blue ones point downhill, but mostly *across* the long, narrow valley rather than
# at the minimum (the green star).

# %% [markdown] tags=["sv"]
# I nivåkurvdiagrammet för $L(a, b)$ förbinder varje nivåkurva punkter med samma förlust. I
# sex punkter visar de orange pilarna riktningen för $\nabla L$ och de blå riktningen för
# $-\nabla L$ (alla ritade lika långa). De korsar nivåkurvorna i rät vinkel, och de blå pekar
# nedför, men mest *tvärs över* den långa, smala dalen i stället för mot minimipunkten (den
# gröna stjärnan).

# %%
x_mean, y_mean = x_line.mean(), y_line.mean()
a_line = np.sum((x_line - x_mean) * (y_line - y_mean)) / np.sum((x_line - x_mean) ** 2)
b_line = y_mean - a_line * x_mean

offsets = np.array([[-2, 2], [2, -2], [1.5, 1], [-1.5, -1], [-0.5, 2.5], [0.5, -2.5]])
gradient_field(line_loss, line_gradient, (a_line, b_line), points=np.array([a_line, b_line]) + offsets)
plt.show()

# %% [markdown] tags=["en", "subslide"]
# ### Gradient descent with two parameters
#
# The correction step is the same as before, with the gradient in place of the derivative:
#
# $$\begin{pmatrix} a \\ b \end{pmatrix} \leftarrow \begin{pmatrix} a \\ b \end{pmatrix}
#   - \eta\,\nabla L(a, b).$$
#
# The closed form comes from setting both partial derivatives to zero. That gives two linear
# equations (the *normal equations*) with the solution
#
# $$a^* = \frac{\sum_i (x_i - \bar x)(y_i - \bar y)}{\sum_i (x_i - \bar x)^2}, \qquad
#   b^* = \bar y - a^*\,\bar x ,$$
#
# where $\bar x$ and $\bar y$ are the means (the cell above already computed them).
#
# How large may $\eta$ be now? The bowl $L(a, b)$ curves more steeply in some directions than
# in others. The steepest direction sets the limit, as $L''$ did in section 5: too large a step
# overshoots across it. The flattest direction sets the speed. In a long, narrow valley a
# learning rate small enough for the steep walls makes slow progress along the valley floor, and
# the path zig-zags across the valley before it crawls along it; the widget below shows it.
# (The optional *Going further* section at the end of the chapter measures the curvature in
# every direction and gives the exact limit.)

# %% [markdown] tags=["sv", "subslide"]
# ### Gradientnedstigning med två parametrar
#
# Korrigeringssteget är detsamma som förut, med gradienten i stället för derivatan:
#
# $$\begin{pmatrix} a \\ b \end{pmatrix} \leftarrow \begin{pmatrix} a \\ b \end{pmatrix}
#   - \eta\,\nabla L(a, b).$$
#
# Den slutna formen får vi genom att sätta båda de partiella derivatorna till noll. Det ger
# två linjära ekvationer (*normalekvationerna*) med lösningen
#
# $$a^* = \frac{\sum_i (x_i - \bar x)(y_i - \bar y)}{\sum_i (x_i - \bar x)^2}, \qquad
#   b^* = \bar y - a^*\,\bar x ,$$
#
# där $\bar x$ och $\bar y$ är medelvärdena (cellen ovan har redan beräknat dem).
#
# Hur stort får $\eta$ vara nu? Skålen $L(a, b)$ är brantare krökt i vissa riktningar än i
# andra. Den brantaste riktningen sätter gränsen, precis som $L''$ gjorde i avsnitt 5: ett för
# långt steg skjuter över tvärs över den. Den flackaste riktningen bestämmer farten. I en lång,
# smal dal gör en inlärningstakt som är liten nog för de branta sidorna bara långsamma framsteg
# längs dalbotten, och vägen sicksackar tvärs över dalen innan den kryper längs den; widgeten
# nedan visar det. (Den frivilliga *fördjupningen* i slutet av kapitlet mäter krökningen i varje
# riktning och ger den exakta gränsen.)

# %% tags=["en"]
theta = np.array([0.0, 0.0])
for _ in range(1000):
    theta = theta - 0.1 * line_gradient(theta)
print(f"gradient descent, 1000 steps: a = {theta[0]:.5f}, b = {theta[1]:.5f}")
print(f"closed form:                  a = {a_line:.5f}, b = {b_line:.5f}")

# %% tags=["sv"]
theta = np.array([0.0, 0.0])
for _ in range(1000):
    theta = theta - 0.1 * line_gradient(theta)
print(f"gradientnedstigning, 1 000 steg: a = {theta[0]:.5f}, b = {theta[1]:.5f}")
print(f"sluten form:                     a = {a_line:.5f}, b = {b_line:.5f}")

# %% [markdown] tags=["en", "subslide"]
# ### Try it: the loss surface
#
# The widget draws the contours of $L(a, b)$ for these 40 points and runs gradient descent
# from the start $(a_0, b_0)$ you choose; the right panel shows the loss per step.
#
# Try this:
# 1. Keep the defaults: see the zig-zag across the valley and then the slow crawl along it.
# 2. Raise the learning rate just past $2/\lambda_{\max}$ (shown in the status line).
# 3. Lower the learning rate: the zig-zag disappears, but does it get there faster?
# 4. Move the start point: why do some starts need far more steps than others?

# %% [markdown] tags=["sv", "subslide"]
# ### Prova själv: förlustytan
#
# Widgeten ritar nivåkurvorna för $L(a, b)$ för de här 40 punkterna och kör
# gradientnedstigning från den start $(a_0, b_0)$ du väljer; panelen till höger visar
# förlusten per steg.
#
# Prova detta:
# 1. Behåll standardvärdena: se sicksackandet tvärs över dalen och sedan den långsamma
#    krypfärden längs den.
# 2. Öka inlärningstakten till strax över $2/\lambda_{\max}$ (visas på statusraden).
# 3. Minska inlärningstakten: sicksackandet försvinner, men kommer den fram fortare?
# 4. Flytta startpunkten: varför behöver vissa starter många fler steg än andra?

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** In `SurfaceDescent` the eigenvalues of H are about 11.9 and 0.44: the
# threshold is 2/11.9 ≈ 0.168, and the valley is about 27 times more curved across than
# along. At the default η ≈ 0.135 point out the zig-zag and then the crawl. Raise η to 0.18
# (diverges), then lower it to 0.03: no zig-zag, but even 300 steps do not quite reach the
# minimum. The steep direction limits η, the flat one sets the speed (chapter 09).

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** I `SurfaceDescent` är egenvärdena för H ungefär 11,9 och 0,44:
# gränsen är 2/11,9 ≈ 0,168, och dalen är ungefär 27 gånger mer krökt tvärs över än längs
# med. Vid standardvärdet η ≈ 0,135 pekar du ut sicksackandet och sedan krypandet. Öka η
# till 0,18 (divergerar) och minska den sedan till 0,03: inget sicksackande, men inte ens
# 300 steg räcker riktigt fram till minimipunkten. Den branta riktningen begränsar η, den
# flacka bestämmer farten (kapitel 09).

# %%
SurfaceDescent(x_line, y_line)

# %% [markdown] tags=["en"]
# **Check yourself.** Why does the path zig-zag? And why does a start far out along the
# valley floor need more steps than a start at the same distance straight across the valley?
#
# <details><summary>Answer</summary>
#
# Each step goes along $-\nabla L$, perpendicular to the contour lines. In a narrow valley
# that direction points mostly across the valley. With a learning rate close to the limit for
# the steep direction, each step overshoots the valley floor and lands on the opposite wall;
# only a small part of each step goes along the floor. For a start straight across the valley
# the distance to the minimum lies in the steep direction, where it shrinks quickly; for a
# start along the floor it lies in the flat direction, where each step removes only the
# fraction $\eta\lambda_{\min}$ of the distance. Chapter 09 shows optimisers that handle such
# valleys better: momentum and Adam.
#
# </details>

# %% [markdown] tags=["sv"]
# **Testa dig själv.** Varför sicksackar vägen? Och varför behöver en start långt ut längs
# dalbotten fler steg än en start på samma avstånd rakt tvärs över dalen?
#
# <details><summary>Svar</summary>
#
# Varje steg går längs $-\nabla L$, vinkelrätt mot nivåkurvorna. I en smal dal pekar den
# riktningen mest tvärs över dalen. Med en inlärningstakt nära gränsen för den branta
# riktningen skjuter varje steg över dalbotten och landar på den motsatta sidan; bara en liten
# del av varje steg går längs botten. För en start rakt tvärs över dalen ligger avståndet
# till minimipunkten i den branta riktningen, där det krymper snabbt; för en start längs
# botten ligger det i den flacka riktningen, där varje steg bara tar bort andelen
# $\eta\lambda_{\min}$ av avståndet. Kapitel 09 visar optimerare som klarar sådana dalar
# bättre: momentum och Adam.
#
# </details>

# %% [markdown] tags=["en", "slide"]
# ## 8 Gradient descent is the correction step of training
#
# Put together, training any model follows the three steps of section 1:
# 1. a **model** $\hat y = f(x; \theta)$ with parameters $\theta$ (here $a$, then $a$ and
#    $b$; in a network all the weights and biases);
# 2. a **cost** $L(\theta)$, the mean loss over the training data;
# 3. the **correction step** $\theta \leftarrow \theta - \eta\,\nabla L(\theta)$, repeated.
#
# For $y = a x^2$ and $y = a x + b$ we did not need step 3, because the closed form gives the
# answer directly. For a neural network there is no closed form: the activation functions make
# $L$ non-linear in the weights, and setting the gradient to zero gives equations nobody can
# solve with algebra. The correction step still works, because it needs only the gradient at
# the current weights. Computing that gradient efficiently for millions of weights is what
# backpropagation does (chapters 06 and 07).
#
# **Are local minima the real obstacle?** Section 6 may leave that impression, and with one or
# two parameters it is true. For large networks the picture is different (Goodfellow, Bengio and
# Courville, *Deep Learning*, chapter 8; *Dive into Deep Learning*, section 12.1). In millions of
# dimensions a point where the gradient is zero is far more often a **saddle point** (downhill
# in some directions, uphill in others) than a minimum, and gradient descent slows down near
# saddle points and on **plateaus**, wide regions where the slope is almost zero. The local
# minima that large networks do reach tend to have losses about as low as each other, so ending
# in "the wrong valley" matters less than one would think. What costs time in practice is
# flat ground and badly curved valleys, which is what the optimisers of chapter 09 address.

# %% [markdown] tags=["sv", "slide"]
# ## 8 Gradientnedstigning är träningens korrigeringssteg
#
# Sammantaget följer träningen av varje modell de tre stegen från avsnitt 1:
# 1. en **modell** $\hat y = f(x; \theta)$ med parametrar $\theta$ (här $a$, sedan $a$ och
#    $b$; i ett nätverk alla vikter och biasvärden);
# 2. en **kostnad** $L(\theta)$, medelförlusten över träningsdata;
# 3. **korrigeringssteget** $\theta \leftarrow \theta - \eta\,\nabla L(\theta)$, upprepat.
#
# För $y = a x^2$ och $y = a x + b$ behövde vi egentligen inte steg 3, eftersom den slutna
# formen ger svaret direkt. För ett neuralt nätverk finns ingen sluten form:
# aktiveringsfunktionerna gör $L$ icke-linjär i vikterna, och när gradienten sätts till noll blir
# det ekvationer som ingen kan lösa algebraiskt. Korrigeringssteget fungerar ändå, eftersom det
# bara behöver gradienten i de aktuella vikterna. Det är bakåtpropageringen (backpropagation)
# som beräknar den gradienten effektivt för miljontals vikter (kapitel 06 och 07).
#
# **Är lokala minimum det verkliga hindret?** Avsnitt 6 kan ge det intrycket, och med en eller
# två parametrar stämmer det. För stora nätverk ser bilden annorlunda ut (Goodfellow, Bengio och
# Courville, *Deep Learning*, kapitel 8; *Dive into Deep Learning*, avsnitt 12.1). I miljontals
# dimensioner är en punkt där gradienten är noll mycket oftare en **sadelpunkt** (nedför i vissa
# riktningar, uppför i andra) än ett minimum, och gradientnedstigningen går långsamt nära
# sadelpunkter och på **platåer**, vida områden där lutningen är nästan noll. De lokala minimum
# som stora nätverk faktiskt når har oftast ungefär lika låg förlust, så att hamna i ”fel dal”
# spelar mindre roll än man kunde tro. Det som kostar tid i praktiken är flack terräng och
# olyckligt krökta dalar, och det är dem optimerarna i kapitel 09 tar itu med.

# %% [markdown] tags=["en", "slide"]
# ## 9 Mini-batches: stochastic gradient descent
#
# The cost is a mean over all $N$ training samples, so its gradient is a mean too:
# $\nabla L = \frac{1}{N}\sum_i \nabla L_i$. For 40 points that is cheap; for a million images
# every single step would need a pass over all of them. **Mini-batch stochastic gradient
# descent** (SGD) takes a step after looking at only a few samples:
#
# 1. shuffle the training samples and split them into *mini-batches* of $B$ samples;
# 2. for each mini-batch, compute the gradient of the mean loss *over that batch only* and take
#    the step $\theta \leftarrow \theta - \eta\,\nabla L_{\text{batch}}(\theta)$;
# 3. one pass over all the batches is an **epoch**; repeat for several epochs.
#
# A batch gradient is a noisy estimate of the full gradient: on average it *is* the full
# gradient (for equal batches that cover the data, their mean is exactly $\nabla L$), but each
# one points a little off. So one epoch gives $N/B$ cheap, slightly wrong steps instead of one
# expensive, exact step, and that is almost always the better deal. $B = N$ is the full-batch
# gradient descent of this chapter, $B = 1$ is "pure" SGD; in practice $B$ is often 32 to 256.
# Because of the noise, SGD with a fixed $\eta$ does not settle exactly at the minimum but keeps
# jiggling close to it.

# %% [markdown] tags=["sv", "slide"]
# ## 9 Minibatchar: stokastisk gradientnedstigning
#
# Kostnaden är ett medelvärde över alla $N$ datapunkter i träningsdata, så dess gradient är också
# ett medelvärde: $\nabla L = \frac{1}{N}\sum_i \nabla L_i$. För 40 punkter är det billigt; för
# en miljon bilder skulle varje enskilt steg kräva en genomgång av alla. **Stokastisk
# gradientnedstigning med minibatchar** (SGD) tar ett steg efter att ha tittat på bara några få
# datapunkter:
#
# 1. blanda datapunkterna i träningsdata och dela upp dem i *minibatchar* med $B$ datapunkter;
# 2. beräkna för varje minibatch gradienten av medelförlusten *över just den batchen* och ta
#    steget $\theta \leftarrow \theta - \eta\,\nabla L_{\text{batch}}(\theta)$;
# 3. en genomgång av alla batchar är en **epok**; upprepa i flera epoker.
#
# En batchgradient är en brusig uppskattning av hela gradienten: i medel *är* den hela
# gradienten (för lika stora batchar som täcker data är deras medelvärde exakt $\nabla L$), men
# var och en pekar lite snett. En epok ger alltså $N/B$ billiga, lite felaktiga steg i stället
# för ett dyrt, exakt steg, och det är nästan alltid det bättre valet. $B = N$ är kapitlets
# gradientnedstigning med hela datamängden, $B = 1$ är ”ren” SGD; i praktiken är $B$ ofta 32
# till 256. På grund av bruset stannar SGD med fast $\eta$ inte exakt i minimipunkten utan
# fortsätter att darra i närheten av den.

# %% tags=["en"]
def batch_gradient(theta, x_batch, y_batch):
    a, b = theta
    errors = y_batch - a * x_batch - b
    return np.array([-2 * np.mean(x_batch * errors), -2 * np.mean(errors)])


shuffler = np.random.default_rng(1)
batches = np.split(shuffler.permutation(x_line.size), 5)
start = np.array([0.0, 0.0])
estimates = np.array([batch_gradient(start, x_line[rows], y_line[rows]) for rows in batches])
print("five batch gradients at (0, 0):\n", estimates.round(2))
print("their mean:", estimates.mean(axis=0).round(4), "  full gradient:", line_gradient(start).round(4))

theta = start.copy()
for epoch in range(100):
    for rows in np.split(shuffler.permutation(x_line.size), 5):
        theta = theta - 0.05 * batch_gradient(theta, x_line[rows], y_line[rows])
print(f"SGD, B = 8, 100 epochs of 5 steps: a = {theta[0]:.3f}, b = {theta[1]:.3f}")
print(f"closed form:                       a = {a_line:.3f}, b = {b_line:.3f}")

# %% tags=["sv"]
def batch_gradient(theta, x_batch, y_batch):
    a, b = theta
    errors = y_batch - a * x_batch - b
    return np.array([-2 * np.mean(x_batch * errors), -2 * np.mean(errors)])


shuffler = np.random.default_rng(1)
batches = np.split(shuffler.permutation(x_line.size), 5)
start = np.array([0.0, 0.0])
estimates = np.array([batch_gradient(start, x_line[rows], y_line[rows]) for rows in batches])
print("fem batchgradienter i (0, 0):\n", estimates.round(2))
print("deras medelvärde:", estimates.mean(axis=0).round(4), "  hela gradienten:", line_gradient(start).round(4))

theta = start.copy()
for epoch in range(100):
    for rows in np.split(shuffler.permutation(x_line.size), 5):
        theta = theta - 0.05 * batch_gradient(theta, x_line[rows], y_line[rows])
print(f"SGD, B = 8, 100 epoker med 5 steg: a = {theta[0]:.3f}, b = {theta[1]:.3f}")
print(f"sluten form:                       a = {a_line:.3f}, b = {b_line:.3f}")

# %% [markdown] tags=["en"]
# The five batch gradients differ from each other, yet their mean is the full gradient, and
# 500 noisy steps end close to the closed form. `nnlib.fit` and the training loops of
# chapters 07–12 work exactly like this, with a `batch_size`; chapter 09 studies how $B$ and
# $\eta$ interact.

# %% [markdown] tags=["sv"]
# De fem batchgradienterna skiljer sig från varandra, men deras medelvärde är hela gradienten,
# och 500 brusiga steg slutar nära den slutna formen. `nnlib.fit` och träningsloopar i
# kapitel 07–12 fungerar precis så, med en `batch_size`; kapitel 09 undersöker hur $B$ och
# $\eta$ samverkar.

# %% [markdown] tags=["en", "slide"]
# ## 10 The same with nnlib
#
# `nnlib.lstsq` contains the formulas of this chapter as tested functions. Its loss and
# derivative functions also accept arrays of parameter values, so one call can draw a whole
# curve or surface. The checks: both closed forms agree with ours, and the derivative and the
# gradient are zero there (up to rounding).

# %% [markdown] tags=["sv", "slide"]
# ## 10 Samma sak med nnlib
#
# `nnlib.lstsq` innehåller kapitlets formler som testade funktioner. Dess förlust- och
# derivatafunktioner tar också emot arrayer av parametervärden, så ett enda anrop kan rita en
# hel kurva eller yta. Kontrollerna: båda de slutna formerna stämmer med våra, och derivatan
# och gradienten är noll där (så när som på avrundning).

# %% tags=["en"]
a_nnlib = lstsq.fit_quadratic_closed_form(x, y)
print(f"y = a x^2:    a* = {a_nnlib:.6f}   (ours: {a_closed:.6f})")
print(f"              L(a*) = {lstsq.quadratic_loss(a_nnlib, x, y):.4f},"
      f"  L'(a*) = {lstsq.quadratic_loss_derivative(a_nnlib, x, y):.1e}")
print("              L(a) on a grid:", np.round(lstsq.quadratic_loss(np.array([1.0, 2.0, 3.0]), x, y), 3))

a_fit, b_fit = lstsq.fit_linear_closed_form(x_line, y_line)
dL_da, dL_db = lstsq.linear_loss_gradient(a_fit, b_fit, x_line, y_line)
print(f"y = a x + b:  (a*, b*) = ({a_fit:.5f}, {b_fit:.5f})   (ours: ({a_line:.5f}, {b_line:.5f}))")
print(f"              gradient at (a*, b*) = ({dL_da:.1e}, {dL_db:.1e})")

# %% tags=["sv"]
a_nnlib = lstsq.fit_quadratic_closed_form(x, y)
print(f"y = a x^2:    a* = {a_nnlib:.6f}   (vårt: {a_closed:.6f})")
print(f"              L(a*) = {lstsq.quadratic_loss(a_nnlib, x, y):.4f},"
      f"  L'(a*) = {lstsq.quadratic_loss_derivative(a_nnlib, x, y):.1e}")
print("              L(a) på ett rutnät:", np.round(lstsq.quadratic_loss(np.array([1.0, 2.0, 3.0]), x, y), 3))

a_fit, b_fit = lstsq.fit_linear_closed_form(x_line, y_line)
dL_da, dL_db = lstsq.linear_loss_gradient(a_fit, b_fit, x_line, y_line)
print(f"y = a x + b:  (a*, b*) = ({a_fit:.5f}, {b_fit:.5f})   (vårt: ({a_line:.5f}, {b_line:.5f}))")
print(f"              gradient i (a*, b*) = ({dL_da:.1e}, {dL_db:.1e})")

# %% [markdown] tags=["en", "subslide"]
# ### A line is a one-neuron layer
#
# A fully connected layer `nnlib.Dense(1, 1)` computes $Z = X W^\top + b$. With one input and
# one output, $W$ is a $1 \times 1$ matrix holding $a$ and $b$ is a single number, so the layer
# *is* the model $\hat y = a x + b$. We train it with `nnlib.MSE()` as the cost and
# `nnlib.SGD(learning_rate=0.1)`, which updates every parameter by
# $\theta \leftarrow \theta - \eta\,\nabla L$: exactly our correction step.
#
# First one step by hand, to see each piece: forward pass, cost, backward pass (which stores
# the gradient in `layer.grads`) and the optimiser's step. The gradient nnlib computes must
# equal our `line_gradient` at the layer's starting weights.

# %% [markdown] tags=["sv", "subslide"]
# ### En linje är ett lager med en neuron
#
# Ett fullt kopplat lager `nnlib.Dense(1, 1)` beräknar $Z = X W^\top + b$. Med ett indatavärde
# och ett utdatavärde är $W$ en $1 \times 1$-matris som innehåller $a$, och $b$ är ett enda tal, så
# lagret *är* modellen $\hat y = a x + b$. Vi tränar det med `nnlib.MSE()` som kostnad och
# `nnlib.SGD(learning_rate=0.1)`, som uppdaterar varje parameter enligt
# $\theta \leftarrow \theta - \eta\,\nabla L$: precis vårt korrigeringssteg.
#
# Först ett steg för hand, så att varje del syns: framåtpass, kostnad, bakåtpass (som sparar
# gradienten i `layer.grads`) och optimerarens steg. Gradienten som nnlib beräknar måste vara
# lika med vår `line_gradient` i lagrets startvikter.

# %% tags=["en"]
X = x_line.reshape(-1, 1)
Y = y_line.reshape(-1, 1)
layer = nnlib.Dense(1, 1, rng=rng)
mse = nnlib.MSE()
sgd = nnlib.SGD(learning_rate=0.1)

start = np.array([layer.W[0, 0], layer.b[0]])
cost = mse.forward(layer.forward(X), Y)
layer.backward(mse.backward())
print(f"start: a = {start[0]:.4f}, b = {start[1]:.4f}, cost = {cost:.4f}")
print("nnlib gradient (dL/dW, dL/db):", np.round([layer.grads['W'][0, 0], layer.grads['b'][0]], 6))
print("our line_gradient:            ", line_gradient(start).round(6))

sgd.step(layer)
print(f"after one step: a = {layer.W[0, 0]:.4f}, b = {layer.b[0]:.4f}")
print("by hand:        ", (start - 0.1 * line_gradient(start)).round(4))

# %% tags=["sv"]
X = x_line.reshape(-1, 1)
Y = y_line.reshape(-1, 1)
layer = nnlib.Dense(1, 1, rng=rng)
mse = nnlib.MSE()
sgd = nnlib.SGD(learning_rate=0.1)

start = np.array([layer.W[0, 0], layer.b[0]])
cost = mse.forward(layer.forward(X), Y)
layer.backward(mse.backward())
print(f"start: a = {start[0]:.4f}, b = {start[1]:.4f}, kostnad = {cost:.4f}")
print("gradient från nnlib (dL/dW, dL/db):", np.round([layer.grads['W'][0, 0], layer.grads['b'][0]], 6))
print("vår line_gradient:                  ", line_gradient(start).round(6))

sgd.step(layer)
print(f"efter ett steg: a = {layer.W[0, 0]:.4f}, b = {layer.b[0]:.4f}")
print("för hand:       ", (start - 0.1 * line_gradient(start)).round(4))

# %% [markdown] tags=["en"]
# Then the whole training with `nnlib.fit`. With `batch_size=None` every step uses all 40
# points, so one epoch is one step of exactly the gradient descent above. (The S in SGD,
# *stochastic*, refers to steps on small random batches of the data, which later chapters
# use.) After 1000 epochs the layer's $W$ and $b$ match the closed form.

# %% [markdown] tags=["sv"]
# Sedan hela träningen med `nnlib.fit`. Med `batch_size=None` använder varje steg alla 40
# punkter, så en epok är ett steg av precis gradientnedstigningen ovan. (S:et i SGD,
# *stokastisk*, syftar på steg på små slumpvisa batcher av datamängden, som senare kapitel
# använder.) Efter 1000 epoker stämmer lagrets $W$ och $b$ med den slutna formen.

# %% tags=["en"]
model = nnlib.Sequential([nnlib.Dense(1, 1, rng=rng)])
history = nnlib.fit(model, nnlib.MSE(), nnlib.SGD(learning_rate=0.1), X, Y,
                    epochs=1000, rng=rng, progress=False)
dense = model.layers[0]
print(f"nnlib:       a = {dense.W[0, 0]:.5f}, b = {dense.b[0]:.5f}")
print(f"closed form: a = {a_fit:.5f}, b = {b_fit:.5f}")

smallest = lstsq.linear_loss(a_fit, b_fit, x_line, y_line)
fitted_line(x_line, y_line, (a_fit, b_fit), model.predict, history.epochs, history.loss, smallest)
plt.show()

# %% tags=["sv"]
model = nnlib.Sequential([nnlib.Dense(1, 1, rng=rng)])
history = nnlib.fit(model, nnlib.MSE(), nnlib.SGD(learning_rate=0.1), X, Y,
                    epochs=1000, rng=rng, progress=False)
dense = model.layers[0]
print(f"nnlib:       a = {dense.W[0, 0]:.5f}, b = {dense.b[0]:.5f}")
print(f"sluten form: a = {a_fit:.5f}, b = {b_fit:.5f}")

smallest = lstsq.linear_loss(a_fit, b_fit, x_line, y_line)
fitted_line(x_line, y_line, (a_fit, b_fit), model.predict, history.epochs, history.loss, smallest)
plt.show()

# %% [markdown] tags=["en", "slide"]
# ## Going further (optional): curvature in every direction
#
# This section uses matrices and eigenvalues; the rest of the course does not depend on it.
#
# The second derivatives of $L(a, b)$ form the matrix
# $H = 2\begin{pmatrix}\overline{x^2} & \bar x \\ \bar x & 1\end{pmatrix}$ (bars are means over
# the points), the *Hessian*. Along a unit direction $u$ the curvature of the bowl is
# $u^\top H u$; it is largest along the **eigenvector** that belongs to the largest eigenvalue
# $\lambda_{\max}$, and there it equals $\lambda_{\max}$. The argument of section 5, applied
# along that eigenvector, gives divergence when $\eta > 2/\lambda_{\max}$. The *speed* is set by
# the eigenvector of the smallest eigenvalue $\lambda_{\min}$, the flattest direction: each step
# shrinks the distance along it only by the factor $1 - \eta\lambda_{\min}$. The ratio
# $\lambda_{\max} / \lambda_{\min}$ (the *condition number*) measures how long and narrow the
# valley is.

# %% [markdown] tags=["sv", "slide"]
# ## Fördjupning (frivillig): krökningen i varje riktning
#
# Det här avsnittet använder matriser och egenvärden; resten av kursen bygger inte på det.
#
# Andraderivatorna av $L(a, b)$ bildar matrisen
# $H = 2\begin{pmatrix}\overline{x^2} & \bar x \\ \bar x & 1\end{pmatrix}$ (strecken betyder
# medelvärden över punkterna), *Hessematrisen*. Längs en riktning $u$ med längden 1 är skålens
# krökning $u^\top H u$; den är störst längs den **egenvektor** som hör till det största
# egenvärdet $\lambda_{\max}$, och där är den lika med $\lambda_{\max}$. Resonemanget från
# avsnitt 5, tillämpat längs den egenvektorn, ger divergens när $\eta > 2/\lambda_{\max}$.
# *Farten* bestäms av egenvektorn till det minsta egenvärdet $\lambda_{\min}$, den flackaste
# riktningen: varje steg krymper avståndet längs den bara med faktorn $1 - \eta\lambda_{\min}$.
# Kvoten $\lambda_{\max} / \lambda_{\min}$ (*konditionstalet*) mäter hur lång och smal dalen är.

# %% tags=["en"]
hessian = 2 * np.array([[np.mean(x_line**2), x_mean], [x_mean, 1.0]])
curvatures, directions = np.linalg.eigh(hessian)
print(f"lambda_min = {curvatures[0]:.3f}, lambda_max = {curvatures[1]:.3f}, condition number = {curvatures[1] / curvatures[0]:.1f}")
print(f"divergence threshold 2/lambda_max = {2 / curvatures[1]:.4f}")
print("steepest direction (a, b):", (directions[:, 1] * np.sign(directions[0, 1])).round(3))

# %% tags=["sv"]
hessian = 2 * np.array([[np.mean(x_line**2), x_mean], [x_mean, 1.0]])
curvatures, directions = np.linalg.eigh(hessian)
print(f"lambda_min = {curvatures[0]:.3f}, lambda_max = {curvatures[1]:.3f}, konditionstal = {curvatures[1] / curvatures[0]:.1f}")
print(f"gräns för divergens 2/lambda_max = {2 / curvatures[1]:.4f}")
print("brantaste riktningen (a, b):", (directions[:, 1] * np.sign(directions[0, 1])).round(3))

# %% [markdown] tags=["en", "slide"]
# ## What to try next
#
# - Change `noise` in `nnlib.datasets.quadratic` and see how far $a^*$ moves from 2.
# - Replace `np.mean` by `np.sum` in `loss_derivative`: find the new threshold and check that
#   $\eta = 0.1$ now diverges.
# - Fit $\hat y = a x^2 + c$ (two parameters) with gradient descent; work out
#   $\partial L/\partial a$ and $\partial L/\partial c$ first.
# - Centre the inputs, `SurfaceDescent(x_line - x_line.mean(), y_line)`: what happens to the
#   valley and to the zig-zag, and why (look at $H$ when $\bar x = 0$)?
# - The exercise notebook for this chapter asks for $dL/da$, the closed-form $a^*$, a
#   gradient descent loop that matches it, the divergence threshold $2/L''$ and the learning
#   rate that reaches $a^*$ in one step.
#
# ## Summary
#
# | idea | formula |
# |---|---|
# | error of point $i$ (observed minus model) | $e_i = y_i - a x_i^2$ |
# | loss (mean squared error) | $L(a) = \frac{1}{N}\sum_i (y_i - a x_i^2)^2$ |
# | derivative: the slope where we stand | $L'(a) = -\frac{2}{N}\sum_i x_i^2 (y_i - a x_i^2)$ |
# | closed form (least squares), from $L'(a) = 0$ | $a^* = \sum_i x_i^2 y_i \,/\, \sum_i x_i^4$ |
# | gradient descent: step against the slope | $a \leftarrow a - \eta\, L'(a)$ |
# | distance to the minimum per step | $a_{k+1} - a^* = (1 - \eta L'')(a_k - a^*)$ |
# | divergence threshold | $\eta > 2/L''$, with $L'' = \frac{2}{N}\sum_i x_i^4$ |
# | gradient: vector of partial derivatives, steepest ascent | $\nabla L = (\partial L/\partial a,\ \partial L/\partial b)$ |
# | gradient descent with several parameters | $\theta \leftarrow \theta - \eta\,\nabla L(\theta)$ |
#
# - A derivative is a number (one variable); a gradient is a vector (several variables) that
#   points uphill. We always move along $-\nabla L$.
# - The learning rate is too small when progress is slow, too large when the steps oscillate
#   across the minimum, and divergent beyond $2/L''$ (with several parameters $2/\lambda_{\max}$).
# - Gradient descent stops where the slope is zero, which may be a local minimum; the start
#   decides which one.
# - Mini-batch SGD steps with the gradient of a few samples at a time: noisy, but right on
#   average and far cheaper per step; one pass over the data is an epoch.
# - Gradient descent is the correction step of all training; for networks there is no closed
#   form, only the gradient, which backpropagation computes (chapters 06–07).

# %% [markdown] tags=["sv", "slide"]
# ## Att prova härnäst
#
# - Ändra `noise` i `nnlib.datasets.quadratic` och se hur långt $a^*$ hamnar från 2.
# - Byt `np.mean` mot `np.sum` i `loss_derivative`: hitta den nya gränsen och kontrollera att
#   $\eta = 0{,}1$ nu divergerar.
# - Anpassa $\hat y = a x^2 + c$ (två parametrar) med gradientnedstigning; ta först fram
#   $\partial L/\partial a$ och $\partial L/\partial c$.
# - Centrera indata, `SurfaceDescent(x_line - x_line.mean(), y_line)`: vad händer med dalen
#   och med sicksackandet, och varför (titta på $H$ när $\bar x = 0$)?
# - Övningsnotebooken till kapitlet ber dig ta fram $dL/da$, den slutna formen för $a^*$, en
#   loop för gradientnedstigning som stämmer med den, gränsen $2/L''$ för divergens och den
#   inlärningstakt som når $a^*$ på ett enda steg.
#
# ## Sammanfattning
#
# | idé | formel |
# |---|---|
# | felet för punkt $i$ (observerat minus modell) | $e_i = y_i - a x_i^2$ |
# | förlust (medelkvadratfel) | $L(a) = \frac{1}{N}\sum_i (y_i - a x_i^2)^2$ |
# | derivata: lutningen där vi står | $L'(a) = -\frac{2}{N}\sum_i x_i^2 (y_i - a x_i^2)$ |
# | sluten form (minstakvadratmetoden), från $L'(a) = 0$ | $a^* = \sum_i x_i^2 y_i \,/\, \sum_i x_i^4$ |
# | gradientnedstigning: steg i motsatt riktning mot lutningen | $a \leftarrow a - \eta\, L'(a)$ |
# | avståndet till minimipunkten per steg | $a_{k+1} - a^* = (1 - \eta L'')(a_k - a^*)$ |
# | gräns för divergens | $\eta > 2/L''$, med $L'' = \frac{2}{N}\sum_i x_i^4$ |
# | gradient: vektor av partiella derivator, brantast uppåt | $\nabla L = (\partial L/\partial a,\ \partial L/\partial b)$ |
# | gradientnedstigning med flera parametrar | $\theta \leftarrow \theta - \eta\,\nabla L(\theta)$ |
#
# - En derivata är ett tal (en variabel); en gradient är en vektor (flera variabler) som pekar
#   uppför. Vi rör oss alltid längs $-\nabla L$.
# - Inlärningstakten är för liten när det går långsamt framåt, för stor när stegen oscillerar
#   över minimipunkten, och divergent över $2/L''$ (med flera parametrar $2/\lambda_{\max}$).
# - Gradientnedstigning stannar där lutningen är noll, och det kan vara ett lokalt minimum;
#   starten avgör vilket.
# - Stokastisk gradientnedstigning med minibatchar tar steg med gradienten för några få
#   datapunkter åt gången: brusigt, men rätt i medel och mycket billigare per steg; en
#   genomgång av alla data är en epok.
# - Gradientnedstigning är korrigeringssteget i all träning; för nätverk finns ingen sluten
#   form, bara gradienten, som bakåtpropagering beräknar (kapitel 06–07).
