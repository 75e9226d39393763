# %% [markdown] tags=["en", "slide"]
# # 04 Loss functions
#
# In chapter 03 a network turned an input $x$ into a prediction $\hat y$. Whether that
# prediction is any good is a question the network cannot answer by itself: we have to
# compare it with the right answer, the **ground truth** $y$, and turn the comparison
# into **one number**. That number is the loss, and everything the network learns in
# the coming chapters, it learns by making this number smaller.
#
# After this chapter you can
#
# - compute the loss $L(y_i, \hat y_i)$ of one sample and the cost over a whole data set,
# - explain why the mean squared error (MSE) punishes large errors hard, and compare it
#   with the mean absolute error (MAE),
# - compute binary cross-entropy and explain why it, not the squared error, belongs
#   after a sigmoid output,
# - compute cross-entropy safely when a probability is exactly 0 or 1,
# - tell a loss function from an activation function, and pick the right loss for a task.

# %% [markdown] tags=["sv", "slide"]
# # 04 Förlustfunktioner
#
# I kapitel 03 gjorde ett nätverk om indata $x$ till en prediktion $\hat y$. Om den
# prediktionen är bra kan nätverket inte avgöra själv: vi måste jämföra den med rätt
# svar, **facit** $y$, och sammanfatta jämförelsen i **ett enda tal**. Det talet är
# förlusten, och allt som nätverket lär sig i de kommande kapitlen lär det sig genom
# att göra det talet mindre.
#
# Efter det här kapitlet kan du
#
# - beräkna förlusten $L(y_i, \hat y_i)$ för ett exempel och kostnaden för en hel datamängd,
# - förklara varför medelkvadratfelet (MSE) straffar stora fel hårt och jämföra det med
#   medelabsolutfelet (MAE),
# - beräkna binär korsentropi och förklara varför den, och inte kvadratfelet, hör hemma
#   efter en sigmoid i utdatalagret,
# - beräkna korsentropi på ett numeriskt stabilt sätt när en sannolikhet är exakt 0 eller 1,
# - skilja en förlustfunktion från en aktiveringsfunktion och välja rätt förlust för en uppgift.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** Timing for 45 minutes: §1 4 min, §2 with the widget 9 min, §3 with
# the likelihood view (3 min: show that −ln of ŷ^y (1 − ŷ)^(1−y) is the cross-entropy) and the
# widget 10 min, §4 7 min, §5 5 min, §6–7 7 min, §8 and the summary 3 min. The one idea
# to leave the room with: training means making one number, the cost J, small. If time runs
# short, show only the printout of §8 and leave the rest of `nnlib` to the exercise.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Tidsplan för 45 minuter: §1 4 min, §2 med widgeten 9 min, §3 med
# likelihoodperspektivet (3 min: visa att −ln av ŷ^y (1 − ŷ)^(1−y) är korsentropin) och
# widgeten 10 min, §4 7 min, §5 5 min, §6–7 7 min, §8 och sammanfattningen 3 min. Den idé som
# salen ska ta med sig: att träna är att göra ett enda tal, kostnaden J, litet. Om tiden
# blir knapp: visa bara utskriften i §8 och lämna resten av `nnlib` till övningen.

# %%
from course import set_language
set_language("en")

import numpy as np
import matplotlib.pyplot as plt

from course import t
from course.plots import COLORS
from course.plots_lessons import losses_after_sigmoid, outlier_costs

rng = np.random.default_rng(0)

# %% [markdown] tags=["en", "slide"]
# ## 1 How wrong is a prediction?
#
# A weather model predicts 18 °C for tomorrow; it turns out to be 21 °C. A spam filter
# says "95 % spam" about an e-mail from your teacher. Both are wrong, and we want a
# number that says *how* wrong. A good **loss function** $L(y, \hat y)$
#
# 1. is $0$ when the prediction equals the ground truth, $\hat y = y$,
# 2. grows the further $\hat y$ is from $y$,
# 3. is differentiable in $\hat y$, at least *almost everywhere* (a few isolated kinks are
#    allowed, like the kink of the absolute error $|y - \hat y|$ at $\hat y = y$ in section 2), so that we
#    can ask in which direction to change the network to make it smaller (that is gradient
#    descent, chapter 05).
#
# The loss is what turns "learning" into something a computer can do: **find the
# weights that make the loss small**. It is used while training and when we evaluate
# a model, never when the finished network makes a prediction; at that point there
# is no ground truth to compare with.

# %% [markdown] tags=["sv", "slide"]
# ## 1 Hur fel är en prediktion?
#
# En vädermodell förutsäger 18 °C i morgon, och det blir 21 °C. Ett skräppostfilter
# säger ”95 % skräppost” om ett mejl från din lärare. Båda har fel, och vi vill ha ett
# tal som säger *hur* fel. En bra **förlustfunktion** $L(y, \hat y)$
#
# 1. är $0$ när prediktionen är lika med facit, $\hat y = y$,
# 2. växer ju längre bort $\hat y$ ligger från $y$,
# 3. är deriverbar med avseende på $\hat y$, åtminstone *nästan överallt* (enstaka
#    brytpunkter går bra, som brytpunkten hos absolutfelet $|y - \hat y|$ i $\hat y = y$ i avsnitt 2), så att vi
#    kan fråga åt vilket håll nätverket ska ändras för att förlusten ska minska (det är
#    gradientnedstigning, kapitel 05).
#
# Förlusten är det som gör ”att lära sig” till något en dator kan göra: **hitta de
# vikter som gör förlusten liten**. Den används under träningen och när vi utvärderar
# en modell, aldrig när det färdiga nätverket gör en prediktion; då finns det inget
# facit att jämföra med.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 5 minutes. Write "forecast 18 °C, actual 21 °C" on the board and
# ask for one number that says how wrong the forecast was. Expect "3" or "−3"; then ask what
# happens if we add up such differences over a week: positive and negative errors cancel, so
# a useless forecast could score 0. That is why §2 squares the errors. Also ask: "Is the
# loss computed when the finished network makes a forecast?" (No: there is no ground truth
# yet.)

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 5 minuter. Skriv ”prognos 18 °C, utfall 21 °C” på tavlan
# och be salen om ett tal som säger hur fel prognosen var. Räkna med ”3” eller ”−3”; fråga
# sedan vad som händer om vi summerar sådana skillnader över en vecka: positiva och negativa
# fel tar ut varandra, så en värdelös prognos kan få summan 0. Därför kvadrerar §2 felen.
# Fråga också: ”Beräknas förlusten när det färdiga nätverket gör en prognos?” (Nej: då finns
# det inget facit ännu.)

# %% [markdown] tags=["en", "subslide"]
# ### Loss and cost
#
# Our training data are $N$ pairs $\{(x_i, y_i)\}_{i=1}^{N}$: an input and its ground
# truth (also called the *target*). The network predicts $\hat y_i = g(x_i)$ for each.
#
# - The **loss** $L(y_i, \hat y_i)$ measures the error on **one** sample.
# - The **cost** is the mean of the loss over the data:
#
# $$J = \frac{1}{N} \sum_{i=1}^{N} L(y_i, \hat y_i).$$
#
# Training minimises the cost $J$, because we want the network to be good on all the
# data, not just on one example. In practice (and in many libraries, `nnlib` included)
# the word "loss" is also used for the cost of a batch; when the difference matters,
# this course says which one it means.

# %% [markdown] tags=["sv", "subslide"]
# ### Förlust och kostnad
#
# Träningsdata består av $N$ par $\{(x_i, y_i)\}_{i=1}^{N}$: indata och tillhörande facit
# (även kallat *målvärde*). Nätverket ger prediktionen $\hat y_i = g(x_i)$ för varje par.
#
# - **Förlusten** $L(y_i, \hat y_i)$ mäter felet för **ett** exempel.
# - **Kostnaden** är medelvärdet av förlusten över alla data:
#
# $$J = \frac{1}{N} \sum_{i=1}^{N} L(y_i, \hat y_i).$$
#
# Träningen minimerar kostnaden $J$, eftersom nätverket ska fungera bra på alla data
# och inte bara på ett exempel. I praktiken (och i många bibliotek, även `nnlib`)
# används ordet ”förlust” också om kostnaden för en batch; när skillnaden spelar roll
# säger kursen vilket som avses.

# %% [markdown] tags=["en", "slide"]
# ## 2 Regression: the mean squared error
#
# In regression $y$ is a number (a temperature, a price). The most popular loss is the
# **squared error** of one sample, and its mean over the data is the
# **mean squared error**:
#
# $$L(y_i, \hat y_i) = (y_i - \hat y_i)^2, \qquad
# \text{MSE} = \frac{1}{N} \sum_{i=1}^{N} (y_i - \hat y_i)^2 .$$
#
# For comparison, the **absolute error** $|y_i - \hat y_i|$ gives the
# **mean absolute error** $\text{MAE} = \frac{1}{N} \sum_i |y_i - \hat y_i|$.
#
# **Worked example by hand.** Three samples with ground truth $y = (3,\ -0.5,\ 2)$ and
# predictions $\hat y = (2.5,\ 0,\ 2)$:
#
# | $i$ | $y_i$ | $\hat y_i$ | $y_i - \hat y_i$ | $(y_i - \hat y_i)^2$ | $\lvert y_i - \hat y_i \rvert$ |
# |---|---|---|---|---|---|
# | 1 | 3 | 2.5 | 0.5 | 0.25 | 0.5 |
# | 2 | −0.5 | 0 | −0.5 | 0.25 | 0.5 |
# | 3 | 2 | 2 | 0 | 0 | 0 |
#
# $$\text{MSE} = \frac{0.25 + 0.25 + 0}{3} = \frac{0.5}{3} \approx 0.167, \qquad
# \text{MAE} = \frac{0.5 + 0.5 + 0}{3} \approx 0.333 .$$

# %% [markdown] tags=["sv", "slide"]
# ## 2 Regression: medelkvadratfelet
#
# Vid regression är $y$ ett tal (en temperatur, ett pris). Den vanligaste förlusten är
# **kvadratfelet** för ett exempel, och dess medelvärde över alla data är
# **medelkvadratfelet** (MSE, *mean squared error*):
#
# $$L(y_i, \hat y_i) = (y_i - \hat y_i)^2, \qquad
# \text{MSE} = \frac{1}{N} \sum_{i=1}^{N} (y_i - \hat y_i)^2 .$$
#
# Som jämförelse ger **absolutfelet** $|y_i - \hat y_i|$ **medelabsolutfelet**
# $\text{MAE} = \frac{1}{N} \sum_i |y_i - \hat y_i|$.
#
# **Räkneexempel för hand.** Tre exempel med facit $y = (3;\ -0{,}5;\ 2)$ och prediktionerna
# $\hat y = (2{,}5;\ 0;\ 2)$:
#
# | $i$ | $y_i$ | $\hat y_i$ | $y_i - \hat y_i$ | $(y_i - \hat y_i)^2$ | $\lvert y_i - \hat y_i \rvert$ |
# |---|---|---|---|---|---|
# | 1 | 3 | 2,5 | 0,5 | 0,25 | 0,5 |
# | 2 | −0,5 | 0 | −0,5 | 0,25 | 0,5 |
# | 3 | 2 | 2 | 0 | 0 | 0 |
#
# $$\text{MSE} = \frac{0{,}25 + 0{,}25 + 0}{3} = \frac{0{,}5}{3} \approx 0{,}167, \qquad
# \text{MAE} = \frac{0{,}5 + 0{,}5 + 0}{3} \approx 0{,}333 .$$

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 10 minutes with the widget. Work the table on the board with the
# room: MSE = 0.5/3 ≈ 0.167, MAE = 1/3 ≈ 0.333. Misconception: "the MSE is always smaller
# than the MAE"; here it is smaller only because every error is below 1, and squaring
# shrinks such numbers. Before running the outlier cell, ask for the best constant c for y =
# (2, 2.5, 3, 3.5, 12): MSE gives the mean 4.6, MAE the median 3.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 10 minuter med widgeten. Räkna igenom tabellen på tavlan
# tillsammans med salen: MSE = 0,5/3 ≈ 0,167, MAE = 1/3 ≈ 0,333. Missförstånd: ”MSE är
# alltid mindre än MAE”; här är den mindre bara för att alla fel är mindre än 1, och
# kvadrering gör sådana tal mindre. Innan du kör cellen med extremvärdet: fråga efter den
# bästa konstanten c för y = (2; 2,5; 3; 3,5; 12). MSE ger medelvärdet 4,6, MAE medianen 3.

# %% [markdown] tags=["en"]
# The same in numpy: one array operation per column of the table, then a mean.

# %% [markdown] tags=["sv"]
# Samma sak i numpy: en arrayoperation per kolumn i tabellen och sedan ett medelvärde.
# (Python skriver decimaltal med punkt, inte med komma.)

# %% tags=["en"]
y = np.array([3.0, -0.5, 2.0])
y_hat = np.array([2.5, 0.0, 2.0])

errors = y - y_hat
squared = errors ** 2
mse_value = squared.mean()
mae_value = np.abs(errors).mean()
print("errors:        ", errors)
print("squared errors:", squared)
print(f"MSE = {mse_value:.4f}, MAE = {mae_value:.4f}")

# %% tags=["sv"]
y = np.array([3.0, -0.5, 2.0])
y_hat = np.array([2.5, 0.0, 2.0])

errors = y - y_hat
squared = errors ** 2
mse_value = squared.mean()
mae_value = np.abs(errors).mean()
print("fel:           ", errors)
print("kvadratfel:    ", squared)
print(f"MSE = {mse_value:.4f}, MAE = {mae_value:.4f}")

# %% [markdown] tags=["en", "subslide"]
# ### Why the squared error punishes large errors hard
#
# Plot both losses against the error $e = y - \hat y$. The absolute error grows like a
# straight line; the squared error grows like a parabola. An error of $0.5$ costs
# $0.25$ (less than its size), but an error of $3$ costs $9$: **six times the error,
# 36 times the loss**. A model trained with MSE will therefore accept many small errors
# to avoid one big one.

# %% [markdown] tags=["sv", "subslide"]
# ### Varför kvadratfelet straffar stora fel hårt
#
# Rita båda förlusterna mot felet $e = y - \hat y$. Absolutfelet växer som en rät linje,
# kvadratfelet som en parabel. Ett fel på $0{,}5$ kostar $0{,}25$ (mindre än själva
# felet), men ett fel på $3$ kostar $9$: **sex gånger så stort fel, 36 gånger så stor
# förlust**. En modell som tränas med MSE accepterar därför hellre många små fel än ett
# enda stort.

# %%
e = np.linspace(-3, 3, 301)

fig, ax = plt.subplots(figsize=(6.5, 4))
ax.plot(e, e ** 2, color=COLORS[0], label=t("losses.mse"))
ax.plot(e, np.abs(e), color=COLORS[1], label=t("losses.mae"))
ax.plot([0.5, 3.0], [0.25, 9.0], "o", color=COLORS[0])
ax.set_xlabel(t("losses.error_size"))
ax.set_ylabel(t("losses.loss"))
ax.set_title(t("losses.growth_title"))
ax.legend()
plt.show()

# %% [markdown] tags=["en", "subslide"]
# ### One outlier, two answers
#
# Suppose a "model" may only predict one constant number $c$ for every sample. Which
# $c$ is best? It depends on the loss. Take five measurements where the last one is an
# outlier (maybe a typing error): $y = (2,\ 2.5,\ 3,\ 3.5,\ 12)$. We compute the cost
# for many values of $c$ and look where it is smallest.

# %% [markdown] tags=["sv", "subslide"]
# ### Ett extremvärde, två svar
#
# Anta att en ”modell” bara får förutsäga ett och samma tal $c$ för alla exempel. Vilket
# $c$ är bäst? Det beror på förlustfunktionen. Ta fem mätvärden där det sista är ett
# extremvärde (kanske ett skrivfel): $y = (2;\ 2{,}5;\ 3;\ 3{,}5;\ 12)$. Vi beräknar
# kostnaden för många värden på $c$ och ser var den är minst.

# %% tags=["en"]
y_outlier = np.array([2.0, 2.5, 3.0, 3.5, 12.0])
c = np.linspace(0, 13, 1301)

cost_mse = ((y_outlier[:, None] - c) ** 2).mean(axis=0)
cost_mae = np.abs(y_outlier[:, None] - c).mean(axis=0)
best_mse, best_mae = c[np.argmin(cost_mse)], c[np.argmin(cost_mae)]
print(f"best c for MSE: {best_mse:.2f} (mean   = {y_outlier.mean():.2f})")
print(f"best c for MAE: {best_mae:.2f} (median = {np.median(y_outlier):.2f})")

outlier_costs(c, y_outlier, cost_mse, cost_mae)
plt.show()

# %% tags=["sv"]
y_outlier = np.array([2.0, 2.5, 3.0, 3.5, 12.0])
c = np.linspace(0, 13, 1301)

cost_mse = ((y_outlier[:, None] - c) ** 2).mean(axis=0)
cost_mae = np.abs(y_outlier[:, None] - c).mean(axis=0)
best_mse, best_mae = c[np.argmin(cost_mse)], c[np.argmin(cost_mae)]
print(f"bästa c för MSE: {best_mse:.2f} (medelvärde = {y_outlier.mean():.2f})")
print(f"bästa c för MAE: {best_mae:.2f} (median     = {np.median(y_outlier):.2f})")

outlier_costs(c, y_outlier, cost_mse, cost_mae)
plt.show()

# %% [markdown] tags=["en"]
# MSE is minimised by the **mean** $4.6$, which the single outlier drags to the right
# of all the other four points; MAE is minimised by the **median** $3$, which does not
# care how far away the outlier is, only that it is the largest value. Neither is
# "right": if large errors really are much worse (a bridge that is 3 cm off is fine, one
# that is 3 m off is a disaster), MSE is what you want. If the data contain mistakes you
# do not want to chase, MAE is more robust. MSE is also the usual default for regression
# because the squared error is smooth: its derivative $-2(y - \hat y)$ shrinks as the
# error shrinks, while $|e|$ has a kink at $0$ and a slope of $\pm 1$ however small the
# error is.

# %% [markdown] tags=["sv"]
# MSE minimeras av **medelvärdet** $4{,}6$, som det enda extremvärdet drar till höger om
# alla de fyra andra punkterna; MAE minimeras av **medianen** $3$, som inte bryr sig om
# hur långt bort extremvärdet ligger, bara om att det är det största värdet. Ingen av dem
# är ”rätt”: om stora fel verkligen är mycket värre (en bro som hamnar 3 cm fel går an,
# en som hamnar 3 m fel är en katastrof) är MSE det du vill ha. Om data innehåller
# misstag som modellen inte ska jaga är MAE mer robust. MSE är också det vanliga
# förstahandsvalet för regression eftersom kvadratfelet är slätt: derivatan
# $-2(y - \hat y)$ krymper när felet krymper, medan $|e|$ har en knyck i $0$ och
# lutningen $\pm 1$ hur litet felet än är.

# %% [markdown] tags=["en"]
# **Check yourself**
#
# 1. Model A makes the errors $(1, 1, 1, 1)$ on four samples, model B the errors
#    $(0, 0, 0, 4)$. Which model has the lower MSE? The lower MAE?
# 2. Why is the mean the best constant prediction under MSE? (Differentiate the cost
#    with respect to $c$.)
#
# <details><summary>Answer</summary>
#
# 1. MAE: both $\frac{4}{4} = 1$, a tie. MSE: A has $\frac{1+1+1+1}{4} = 1$, B has
#    $\frac{16}{4} = 4$. MSE prefers the model with many small errors.
# 2. $J(c) = \frac{1}{N}\sum_i (y_i - c)^2$, so $J'(c) = -\frac{2}{N}\sum_i (y_i - c)$.
#    Setting $J'(c) = 0$ gives $\sum_i y_i = N c$, that is $c = \frac{1}{N}\sum_i y_i$,
#    the mean. (And $J''(c) = 2 > 0$, so it is a minimum.)
#
# </details>

# %% [markdown] tags=["sv"]
# **Testa dig själv**
#
# 1. Modell A gör felen $(1, 1, 1, 1)$ på fyra exempel, modell B felen $(0, 0, 0, 4)$.
#    Vilken modell har lägst MSE? Lägst MAE?
# 2. Varför är medelvärdet den bästa konstanta prediktionen med MSE? (Derivera
#    kostnaden med avseende på $c$.)
#
# <details><summary>Svar</summary>
#
# 1. MAE: båda får $\frac{4}{4} = 1$, oavgjort. MSE: A får $\frac{1+1+1+1}{4} = 1$, B får
#    $\frac{16}{4} = 4$. MSE föredrar modellen med många små fel.
# 2. $J(c) = \frac{1}{N}\sum_i (y_i - c)^2$, så $J'(c) = -\frac{2}{N}\sum_i (y_i - c)$.
#    Sätter vi $J'(c) = 0$ får vi $\sum_i y_i = N c$, alltså $c = \frac{1}{N}\sum_i y_i$,
#    medelvärdet. (Och $J''(c) = 2 > 0$, så det är ett minimum.)
#
# </details>

# %% [markdown] tags=["en", "subslide"]
# ### Try it: move one prediction
#
# Six points $y_i$ (blue) and the predictions $\hat y_i$ (orange) of the line
# $\hat y = 0.6x + 0.8$. Each squared error is drawn as a square with side
# $|y_i - \hat y_i|$: the squared error *is* its area. Choose a point with the first
# slider and move its prediction with the second. On the right, the bars show each
# point's loss and the dashed and dotted lines the two costs.
#
# - Move the last point's prediction from 3.35 to 4.5. How much do the MSE and the MAE
#   grow? Which bar grows faster, the orange or the green one?
# - Make all errors small except one. Which cost is dominated by the one large error?
# - Can you make the MSE exactly $0$? What would that mean for the model?

# %% [markdown] tags=["sv", "subslide"]
# ### Prova själv: flytta en prediktion
#
# Sex punkter $y_i$ (blå) och prediktionerna $\hat y_i$ (orange) från linjen
# $\hat y = 0{,}6x + 0{,}8$. Varje kvadratfel är ritat som en kvadrat med sidan
# $|y_i - \hat y_i|$: kvadratfelet *är* dess area. Välj en punkt med det första reglaget
# och flytta dess prediktion med det andra. Till höger visar staplarna förlusten för
# varje punkt, och den streckade och den prickade linjen de två kostnaderna.
#
# - Flytta den sista punktens prediktion från 3,35 till 4,5. Hur mycket växer MSE och
#   MAE? Vilken stapel växer snabbast, den orange eller den gröna?
# - Gör alla fel små utom ett. Vilken kostnad domineras av det enda stora felet?
# - Kan du få MSE att bli exakt $0$? Vad skulle det betyda för modellen?

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** Demo `RegressionLossWidget` live. The last point (point 5) is selected
# at the start; drag its prediction from 3.35 to 4.5. The MSE goes from about 0.051 to 0.291
# (almost 6 times), the MAE from 0.208 to 0.400 (about twice). Point at the orange square:
# its area is the squared error. Last question: an MSE of 0 puts every prediction on its
# point, off the line; with noisy data that is overfitting (chapter 11), not a perfect
# model.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Visa `RegressionLossWidget` live. Den sista punkten (punkt 5) är
# vald från början; dra dess prediktion från 3,35 till 4,5. MSE går från ungefär 0,051 till
# 0,291 (nästan 6 gånger så mycket), MAE från 0,208 till 0,400 (ungefär dubbelt så mycket).
# Peka på den orange kvadraten: dess area är kvadratfelet. Sista frågan: MSE = 0 lägger
# varje prediktion på sin punkt, utanför linjen; med brusiga data är det överanpassning
# (kapitel 11), inte en perfekt modell.

# %%
from course.widgets.losses import RegressionLossWidget

RegressionLossWidget()

# %% [markdown] tags=["en", "slide"]
# ## 3 Classification: cross-entropy
#
# In binary classification the ground truth is a class, $y \in \{0, 1\}$ (not spam /
# spam), and a network with a sigmoid output (chapter 02) predicts a **probability**
# $\hat y = P(y = 1 \mid x) \in (0, 1)$. The loss for this is the **binary
# cross-entropy**, also called the **logistic loss** (it is the loss of logistic
# regression, the model a single sigmoid neuron is):
#
# $$L(y, \hat y) = -\bigl[\, y \ln \hat y + (1 - y) \ln(1 - \hat y) \,\bigr].$$
#
# Only one of the two terms is ever active:
#
# - if $y = 1$: $L = -\ln \hat y$, which is $0$ at $\hat y = 1$ and grows without bound as $\hat y \to 0$;
# - if $y = 0$: $L = -\ln(1 - \hat y)$, the mirror image.
#
# In words: the loss is **how surprised the model is by the truth**. Saying "99 % spam"
# about a real e-mail costs $-\ln 0.01 \approx 4.6$, saying "60 % spam" costs only
# $-\ln 0.4 \approx 0.92$. A model that is confident and wrong pays a lot.

# %% [markdown] tags=["sv", "slide"]
# ## 3 Klassificering: korsentropi
#
# Vid binär klassificering är facit en klass, $y \in \{0, 1\}$ (inte skräppost /
# skräppost), och ett nätverk med sigmoid i utdatalagret (kapitel 02) förutsäger en
# **sannolikhet** $\hat y = P(y = 1 \mid x) \in (0, 1)$. Förlusten för det är den **binära
# korsentropin**, som också kallas **logistisk förlust** (det är förlusten i logistisk
# regression, som är precis vad en ensam sigmoidneuron är):
#
# $$L(y, \hat y) = -\bigl[\, y \ln \hat y + (1 - y) \ln(1 - \hat y) \,\bigr].$$
#
# Bara en av de två termerna är aktiv åt gången:
#
# - om $y = 1$: $L = -\ln \hat y$, som är $0$ vid $\hat y = 1$ och växer obegränsat när $\hat y \to 0$;
# - om $y = 0$: $L = -\ln(1 - \hat y)$, spegelbilden.
#
# Med ord: förlusten är **hur överraskad modellen blir av facit**. Att säga ”99 %
# skräppost” om ett riktigt mejl kostar $-\ln 0{,}01 \approx 4{,}6$, att säga ”60 %
# skräppost” kostar bara $-\ln 0{,}4 \approx 0{,}92$. En modell som är säker på sin sak och
# har fel får betala dyrt.

# %% [markdown] tags=["en"]
# **Worked example by hand.** Three e-mails with ground truth $y = (1, 0, 1)$ and
# predicted probabilities $\hat y = (0.9, 0.2, 0.6)$:
#
# | $i$ | $y_i$ | $\hat y_i$ | active term | $L(y_i, \hat y_i)$ |
# |---|---|---|---|---|
# | 1 | 1 | 0.9 | $-\ln 0.9$ | 0.105 |
# | 2 | 0 | 0.2 | $-\ln(1 - 0.2) = -\ln 0.8$ | 0.223 |
# | 3 | 1 | 0.6 | $-\ln 0.6$ | 0.511 |
#
# The cost is the mean: $J = (0.105 + 0.223 + 0.511)/3 \approx 0.280$. The third
# e-mail, where the model was least sure of the right answer, contributes most.

# %% [markdown] tags=["sv"]
# **Räkneexempel för hand.** Tre mejl med facit $y = (1, 0, 1)$ och de predikterade
# sannolikheterna $\hat y = (0{,}9;\ 0{,}2;\ 0{,}6)$:
#
# | $i$ | $y_i$ | $\hat y_i$ | aktiv term | $L(y_i, \hat y_i)$ |
# |---|---|---|---|---|
# | 1 | 1 | 0,9 | $-\ln 0{,}9$ | 0,105 |
# | 2 | 0 | 0,2 | $-\ln(1 - 0{,}2) = -\ln 0{,}8$ | 0,223 |
# | 3 | 1 | 0,6 | $-\ln 0{,}6$ | 0,511 |
#
# Kostnaden är medelvärdet: $J = (0{,}105 + 0{,}223 + 0{,}511)/3 \approx 0{,}280$. Det tredje
# mejlet, där modellen var minst säker på rätt svar, bidrar mest.

# %% tags=["en"]
y_class = np.array([1.0, 0.0, 1.0])
p_class = np.array([0.9, 0.2, 0.6])

losses = -(y_class * np.log(p_class) + (1 - y_class) * np.log(1 - p_class))
print("loss per e-mail:", losses.round(3))
print(f"cost J = {losses.mean():.4f}")

# %% tags=["sv"]
y_class = np.array([1.0, 0.0, 1.0])
p_class = np.array([0.9, 0.2, 0.6])

losses = -(y_class * np.log(p_class) + (1 - y_class) * np.log(1 - p_class))
print("förlust per mejl:", losses.round(3))
print(f"kostnad J = {losses.mean():.4f}")

# %% [markdown] tags=["en", "subslide"]
# ### Where the two losses come from: the likelihood
#
# The "surprise" reading has a precise form. Take the model at its word about how the data arise
# and ask: *how probable are the observed answers under the model?* That probability is the
# **likelihood**. Training makes it as large as possible or, equivalently, makes $-\ln$ of it as
# small as possible: the logarithm turns a product over samples into a sum, and the minus sign
# turns "largest" into "smallest".
#
# **Cross-entropy from a Bernoulli model.** The model says $P(y = 1 \mid x) = \hat y$ and
# $P(y = 0 \mid x) = 1 - \hat y$, in one line $P(y \mid x) = \hat y^{\,y} (1 - \hat y)^{1 - y}$
# (a *Bernoulli* distribution: one coin toss with probability $\hat y$). For $N$ independent
# samples the likelihood is a product, and
#
# $$-\ln \prod_{i=1}^{N} \hat y_i^{\,y_i} (1 - \hat y_i)^{1 - y_i}
#   = \sum_{i=1}^{N} -\bigl[\, y_i \ln \hat y_i + (1 - y_i) \ln(1 - \hat y_i) \,\bigr],$$
#
# exactly the binary cross-entropy summed over the samples. The "surprise" of one sample is
# $-\ln$ of the probability the model gave the truth.
#
# **Mean squared error from Gaussian noise.** For regression, suppose $y = \hat y + \text{noise}$,
# where the noise is normally distributed with mean 0 and a fixed standard deviation $s$. The
# density of one observation is $\frac{1}{\sqrt{2\pi}\, s}\, e^{-(y - \hat y)^2 / (2 s^2)}$, so
#
# $$-\ln(\text{density}) = \frac{(y - \hat y)^2}{2 s^2} + \ln\bigl(\sqrt{2\pi}\, s\bigr).$$
#
# The second term does not depend on the weights, and the first is the squared error times a
# positive constant. So minimising the mean squared error *is* maximising the likelihood under
# Gaussian noise. This also says when it fits badly: if the noise has heavy tails (now and then a
# wild outlier), the Gaussian assumption is wrong, and the absolute error of section 2 (which
# belongs to noise with heavier, *Laplace*-shaped tails) is the more robust choice.

# %% [markdown] tags=["sv", "subslide"]
# ### Var de två förlusterna kommer ifrån: likelihood
#
# Tolkningen som ”överraskning” har en exakt form. Ta modellen på orden om hur data uppstår och
# fråga: *hur sannolika är de observerade svaren enligt modellen?* Den sannolikheten kallas
# **likelihood**. Träningen gör den så stor som möjligt eller, vilket är samma sak, gör $-\ln$ av
# den så liten som möjligt: logaritmen gör en produkt över datapunkterna till en summa, och
# minustecknet gör ”störst” till ”minst”.
#
# **Korsentropi från en Bernoullimodell.** Modellen säger att $P(y = 1 \mid x) = \hat y$ och
# $P(y = 0 \mid x) = 1 - \hat y$, på en rad $P(y \mid x) = \hat y^{\,y} (1 - \hat y)^{1 - y}$
# (en *Bernoullifördelning*: ett enda myntkast med sannolikheten $\hat y$). För $N$ oberoende
# datapunkter är likelihooden en produkt, och
#
# $$-\ln \prod_{i=1}^{N} \hat y_i^{\,y_i} (1 - \hat y_i)^{1 - y_i}
#   = \sum_{i=1}^{N} -\bigl[\, y_i \ln \hat y_i + (1 - y_i) \ln(1 - \hat y_i) \,\bigr],$$
#
# vilket är precis den binära korsentropin summerad över datapunkterna. ”Överraskningen” för en
# datapunkt är $-\ln$ av den sannolikhet som modellen gav facit.
#
# **Medelkvadratfel från normalfördelat brus.** Vid regression antar vi att
# $y = \hat y + \text{brus}$, där bruset är normalfördelat med medelvärdet 0 och en fast
# standardavvikelse $s$. Tätheten för en observation är
# $\frac{1}{\sqrt{2\pi}\, s}\, e^{-(y - \hat y)^2 / (2 s^2)}$, så
#
# $$-\ln(\text{täthet}) = \frac{(y - \hat y)^2}{2 s^2} + \ln\bigl(\sqrt{2\pi}\, s\bigr).$$
#
# Den andra termen beror inte på vikterna, och den första är kvadratfelet gånger en positiv
# konstant. Att minimera medelkvadratfelet *är* alltså att maximera likelihooden under
# normalfördelat brus. Det säger också när det passar dåligt: om bruset har tunga svansar (då och
# då ett vilt extremvärde) stämmer antagandet om normalfördelning inte, och absolutfelet från avsnitt
# 2 (som hör till brus med tyngre svansar av *Laplace*-form) är det robustare valet.

# %% [markdown] tags=["en", "subslide"]
# ### Try it: three losses for one prediction
#
# Drag the predicted probability $\hat y$ and switch the ground truth $y$ between 0 and 1.
# The plot shows the squared error, the absolute error and the binary cross-entropy as
# functions of $\hat y$, with dots at your current $\hat y$.
#
# - With $y = 1$, drag $\hat y$ from $0.99$ down to $0.01$. How large does each loss get?
# - Where do all three curves reach their minimum? Why is it the same place?
# - Switch to $y = 0$. What happens to the curves?

# %% [markdown] tags=["sv", "subslide"]
# ### Prova själv: tre förluster för en prediktion
#
# Dra i den predikterade sannolikheten $\hat y$ och växla facit $y$ mellan 0 och 1. Figuren
# visar kvadratfelet, absolutfelet och den binära korsentropin som funktioner av $\hat y$,
# med punkter vid ditt nuvarande $\hat y$.
#
# - Med $y = 1$: dra $\hat y$ från $0{,}99$ ner till $0{,}01$. Hur stor blir varje förlust?
# - Var har alla tre kurvorna sitt minimum? Varför på samma ställe?
# - Växla till $y = 0$. Vad händer med kurvorna?

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 8 minutes for §3. Ask first: "What does ŷ = 0.5 cost?" Answer:
# −ln 0.5 = ln 2 ≈ 0.69, whichever class is true. Then demo `PredictionLossWidget`: with y =
# 1 drag ŷ from 0.99 to 0.01; the squared error stops at 0.98, the cross-entropy reaches
# 4.6. Switch to y = 0: the curves are mirrored around ŷ = 0.5. All three are smallest at ŷ
# = y, because every loss is 0 exactly when the prediction equals the ground truth (property
# 1 in §1).

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 8 minuter för §3. Fråga först: ”Vad kostar ŷ = 0,5?”
# Svar: −ln 0,5 = ln 2 ≈ 0,69, oavsett vilken klass som är rätt. Visa sedan
# `PredictionLossWidget`: med y = 1, dra ŷ från 0,99 till 0,01; kvadratfelet stannar vid
# 0,98, korsentropin når 4,6. Växla till y = 0: kurvorna speglas kring ŷ = 0,5. Alla tre är
# minst vid ŷ = y, eftersom varje förlust är 0 precis när prediktionen är lika med facit
# (egenskap 1 i §1).

# %%
from course.widgets.losses import PredictionLossWidget

PredictionLossWidget()

# %% [markdown] tags=["en"]
# On probabilities the squared error can never exceed $1$: a model that says
# $\hat y = 0.01$ when $y = 1$ (almost certain and wrong) gets a squared error of only
# $0.98$. Cross-entropy gives it $4.6$, and $\to \infty$ as $\hat y \to 0$. That is the
# first reason classification uses cross-entropy. The second reason is even more
# important, and it is about the **gradient**.

# %% [markdown] tags=["sv"]
# För sannolikheter kan kvadratfelet aldrig bli större än $1$: en modell som säger
# $\hat y = 0{,}01$ när $y = 1$ (en säker men felaktig prediktion) får ett kvadratfel på bara $0{,}98$.
# Korsentropin ger $4{,}6$, och $\to \infty$ när $\hat y \to 0$. Det är det första skälet
# till att klassificering använder korsentropi. Det andra skälet är ännu viktigare,
# och det handlar om **gradienten**.

# %% [markdown] tags=["en", "slide"]
# ## 4 Logistic loss vs squared error after a sigmoid
#
# The output neuron computes $\hat y = \sigma(z)$ from its weighted sum $z$, and training
# changes $z$ (through the weights) in the direction of $-\partial L / \partial z$. With
# $\sigma'(z) = \sigma(z)(1 - \sigma(z)) = \hat y (1 - \hat y)$ from chapter 02 and "derivative
# of the outer function times derivative of the inner one" along the path $z \to \hat y \to L$
# (the chain rule; chapter 02, section 2 has a short primer, chapter 06 the full story):
#
# **Squared error** $L = (\hat y - y)^2$:
#
# $$\frac{\partial L}{\partial z} = 2(\hat y - y) \cdot \hat y (1 - \hat y).$$
#
# **Binary cross-entropy**: $\frac{\partial L}{\partial \hat y} = -\frac{y}{\hat y} + \frac{1 - y}{1 - \hat y}$, and
# multiplying by $\hat y(1-\hat y)$ almost everything cancels:
#
# $$\frac{\partial L}{\partial z} = -y(1 - \hat y) + (1 - y)\hat y = \hat y - y .$$
#
# Now let $y = 1$ and the model be **very wrong**, $\hat y \to 0$. The squared-error
# gradient has the factor $\hat y (1 - \hat y) \to 0$: the sigmoid is flat there, and the
# gradient **vanishes exactly when the model most needs to learn**. The cross-entropy
# gradient $\hat y - 1 \to -1$ stays large. The logarithm undoes the flatness of the sigmoid.

# %% [markdown] tags=["sv", "slide"]
# ## 4 Logistisk förlust mot kvadratfel efter en sigmoid
#
# Utdataneuronen beräknar $\hat y = \sigma(z)$ från sin viktade summa $z$, och träningen
# ändrar $z$ (via vikterna) i riktningen $-\partial L / \partial z$. Med
# $\sigma'(z) = \sigma(z)(1 - \sigma(z)) = \hat y (1 - \hat y)$ från kapitel 02 och ”yttre
# derivatan gånger inre derivatan” längs vägen $z \to \hat y \to L$ (kedjeregeln; kapitel 02,
# avsnitt 2 har en kort introduktion, kapitel 06 hela historien) får vi:
#
# **Kvadratfel** $L = (\hat y - y)^2$:
#
# $$\frac{\partial L}{\partial z} = 2(\hat y - y) \cdot \hat y (1 - \hat y).$$
#
# **Binär korsentropi**: $\frac{\partial L}{\partial \hat y} = -\frac{y}{\hat y} + \frac{1 - y}{1 - \hat y}$, och när vi
# multiplicerar med $\hat y(1-\hat y)$ tar nästan allt ut varandra:
#
# $$\frac{\partial L}{\partial z} = -y(1 - \hat y) + (1 - y)\hat y = \hat y - y .$$
#
# Låt nu $y = 1$ och modellen ha **mycket fel**, $\hat y \to 0$. Kvadratfelets gradient
# har faktorn $\hat y (1 - \hat y) \to 0$: sigmoiden är platt där, och gradienten
# **försvinner precis när modellen som mest behöver lära sig**. Korsentropins gradient
# $\hat y - 1 \to -1$ förblir stor. Logaritmen upphäver sigmoidens flackhet.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 7 minutes. Draw the sigmoid on the board and mark a point far
# out on its flat left tail, with y = 1: the model is confident and wrong. Multiply the
# factors aloud: the squared-error gradient 2(ŷ − y)·ŷ(1 − ŷ) is tiny because its second
# factor is; the cross-entropy gives ŷ − y ≈ −1. Ask the check-yourself question: −0.0196
# against −0.99, about 50 times. Correct the belief that the main problem is that the
# squared error never exceeds 1: the decisive reason is the vanishing gradient.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 7 minuter. Rita sigmoiden på tavlan och markera en punkt
# långt ut på dess flacka vänstra del, med y = 1: modellen är säker på sin sak och har fel.
# Multiplicera faktorerna högt: kvadratfelets gradient 2(ŷ − y)·ŷ(1 − ŷ) blir mycket liten
# eftersom den andra faktorn är det; korsentropin ger ŷ − y ≈ −1. Ställ frågan i ”Testa dig
# själv”: −0,0196 mot −0,99, ungefär 50 gånger. Rätta uppfattningen att huvudproblemet är
# att kvadratfelet aldrig blir större än 1: det avgörande skälet är att gradienten
# försvinner.

# %%
p = np.linspace(0.001, 0.999, 500)
grad_squared = 2 * (p - 1) * p * (1 - p)
grad_cross_entropy = p - 1

losses_after_sigmoid(p, (1 - p) ** 2, -np.log(p), grad_squared, grad_cross_entropy)
plt.show()

# %% [markdown] tags=["en"]
# The right panel is the argument in one picture. At $\hat y = 0.5$ the gradients are
# $0.25$ and $0.5$. As the prediction gets worse (to the left), the squared-error gradient
# grows only a little, to about $0.30$ at $\hat y = 1/3$, and then *falls* back towards
# zero, while the cross-entropy gradient keeps rising towards $1$. This pairing is the rule: **sigmoid output → binary cross-entropy**.
#
# **Check yourself.** With $y = 1$ and $\hat y = 0.01$, compute $\partial L / \partial z$ for both
# losses. How many times larger is the cross-entropy gradient?
#
# <details><summary>Answer</summary>
#
# Squared error: $2(0.01 - 1) \cdot 0.01 \cdot 0.99 \approx -0.0196$.
# Cross-entropy: $0.01 - 1 = -0.99$. About $50$ times larger, so a gradient descent
# step with the same learning rate moves the weights about 50 times further in the
# right direction.
#
# </details>

# %% [markdown] tags=["sv"]
# Den högra panelen är hela argumentet i en bild. Vid $\hat y = 0{,}5$ är gradienterna
# $0{,}25$ och $0{,}5$. När prediktionen blir sämre (åt vänster) växer kvadratfelets
# gradient bara lite, till ungefär $0{,}30$ vid $\hat y = 1/3$, och *sjunker* sedan
# tillbaka mot noll, medan korsentropins gradient fortsätter att växa mot $1$.
# Därför är regeln: **sigmoid i utdatalagret → binär korsentropi**.
#
# **Testa dig själv.** Med $y = 1$ och $\hat y = 0{,}01$: beräkna $\partial L / \partial z$
# för båda förlusterna. Hur många gånger större är korsentropins gradient?
#
# <details><summary>Svar</summary>
#
# Kvadratfel: $2(0{,}01 - 1) \cdot 0{,}01 \cdot 0{,}99 \approx -0{,}0196$.
# Korsentropi: $0{,}01 - 1 = -0{,}99$. Ungefär $50$ gånger större, så ett steg i
# gradientnedstigningen med samma inlärningstakt flyttar vikterna ungefär 50 gånger
# längre åt rätt håll.
#
# </details>

# %% [markdown] tags=["en", "slide"]
# ## 5 Cross-entropy that never breaks: probabilities of exactly 0 and 1
#
# A computer rounds. $\sigma(40) = 1/(1 + e^{-40})$ is $1 - 4 \cdot 10^{-18}$, which in
# floating point is exactly `1.0`. Put $\hat y = 1$ or $\hat y = 0$ into the formula and it
# breaks: $\ln 0 = -\infty$, and $0 \cdot (-\infty)$ is not a number (`nan`). One such
# value in a batch turns the whole cost into `nan` and training stops making sense.

# %% [markdown] tags=["sv", "slide"]
# ## 5 Korsentropi som aldrig går sönder: sannolikheter som är exakt 0 och 1
#
# En dator avrundar. $\sigma(40) = 1/(1 + e^{-40})$ är $1 - 4 \cdot 10^{-18}$, vilket med
# flyttal blir exakt `1.0`. Sätter vi in $\hat y = 1$ eller $\hat y = 0$ i formeln går den
# sönder: $\ln 0 = -\infty$, och $0 \cdot (-\infty)$ är inget tal (`nan`, *not a number*).
# Ett enda sådant värde i en batch gör hela kostnaden till `nan`, och träningen slutar
# fungera.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 5 minutes. Ask: "What is σ(40) in float64?" Most say "almost 1";
# the computer says exactly `1.0`, because just below 1 neighbouring float64 numbers are
# about 10⁻¹⁶ apart and 1 − σ(40) ≈ 4·10⁻¹⁸. Run the cell and point out that the *correct*
# prediction gives `nan` (through 0·(−∞)). Misconception: that clipping "changes the loss";
# it only matters at the extremes, as the last printed line shows.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 5 minuter. Fråga: ”Vad är σ(40) med float64?” De flesta
# svarar ”nästan 1”; datorn ger exakt `1.0`, eftersom närliggande float64-tal strax under 1
# ligger ungefär 10⁻¹⁶ från varandra och 1 − σ(40) ≈ 4·10⁻¹⁸. Kör cellen och påpeka att den
# *rätta* prediktionen ger `nan` (genom 0·(−∞)). Missförstånd: att klippningen ”ändrar
# förlusten”; den spelar bara roll vid ytterligheterna, vilket den sista utskrivna raden
# visar.

# %%
def bce_naive(p, y):
    return -(y * np.log(p) + (1 - y) * np.log(1 - p))


p_edge = np.array([1.0, 0.0])
y_edge = np.array([1.0, 1.0])
with np.errstate(divide="ignore", invalid="ignore"):
    print(bce_naive(p_edge, y_edge))

# %% [markdown] tags=["en"]
# (`np.errstate` only hides numpy's warnings about $\ln 0$ so that we can look at the
# result.) The first sample is *right* and still gives `nan`; the second gives `inf`.
# There are two standard fixes.
#
# 1. **Clip** the probability to $[\varepsilon, 1 - \varepsilon]$ before taking the logarithm,
#    for example $\varepsilon = 10^{-12}$. The loss then has a large but finite maximum,
#    $-\ln 10^{-12} \approx 27.6$.
# 2. **Work on the logit** $z$ (the weighted sum before the sigmoid). Inserting
#    $\hat y = \sigma(z)$ and simplifying gives
#    $L = \ln(1 + e^{z}) - y z$, and written as
#
#    $$L(y, z) = \max(z, 0) - y z + \ln\bigl(1 + e^{-|z|}\bigr)$$
#
#    the exponential only ever sees numbers $\le 0$, so nothing overflows and no
#    probability is ever rounded to $0$ or $1$. This is the more accurate fix.

# %% [markdown] tags=["sv"]
# (`np.errstate` döljer bara numpys varningar om $\ln 0$ så att vi kan titta på
# resultatet.) Det första exemplet är *rätt* och ger ändå `nan`; det andra ger `inf`.
# Det finns två vanliga lösningar.
#
# 1. **Klipp** (begränsa) sannolikheten till intervallet $[\varepsilon, 1 - \varepsilon]$ innan
#    logaritmen tas, till exempel med $\varepsilon = 10^{-12}$. Förlusten får då ett stort
#    men ändligt största värde, $-\ln 10^{-12} \approx 27{,}6$.
# 2. **Räkna på logiten** $z$ (den viktade summan före sigmoiden). Sätter vi in
#    $\hat y = \sigma(z)$ och förenklar får vi $L = \ln(1 + e^{z}) - y z$, och skrivet som
#
#    $$L(y, z) = \max(z, 0) - y z + \ln\bigl(1 + e^{-|z|}\bigr)$$
#
#    ser exponentialfunktionen bara tal $\le 0$, så inget tal blir för stort för ett
#    flyttal och ingen sannolikhet avrundas någonsin till $0$ eller $1$. Det är den
#    noggrannare lösningen.

# %% tags=["en"]
def bce_clipped(p, y, eps=1e-12):
    p = np.clip(p, eps, 1 - eps)
    return -(y * np.log(p) + (1 - y) * np.log(1 - p))


def bce_from_logits(z, y):
    return np.maximum(z, 0) - y * z + np.log1p(np.exp(-np.abs(z)))


z_edge = np.array([40.0, -40.0])
p_from_z = 1 / (1 + np.exp(-z_edge))
print("sigmoid(z):        ", p_from_z)
print("clipped:           ", bce_clipped(p_from_z, y_edge))
print("from logits:       ", bce_from_logits(z_edge, y_edge))
print("ordinary z = 0.4:  ", bce_clipped(1 / (1 + np.exp(-0.4)), 1.0), bce_from_logits(0.4, 1.0))

# %% tags=["sv"]
def bce_clipped(p, y, eps=1e-12):
    p = np.clip(p, eps, 1 - eps)
    return -(y * np.log(p) + (1 - y) * np.log(1 - p))


def bce_from_logits(z, y):
    return np.maximum(z, 0) - y * z + np.log1p(np.exp(-np.abs(z)))


z_edge = np.array([40.0, -40.0])
p_from_z = 1 / (1 + np.exp(-z_edge))
print("sigmoid(z):        ", p_from_z)
print("klippt:            ", bce_clipped(p_from_z, y_edge))
print("från logiten:      ", bce_from_logits(z_edge, y_edge))
print("vanligt z = 0,4:   ", bce_clipped(1 / (1 + np.exp(-0.4)), 1.0), bce_from_logits(0.4, 1.0))

# %% [markdown] tags=["en"]
# Both fixes agree with the ordinary formula when nothing is extreme (last line). At the
# edges the clipped version caps the second loss at $27.6$, while the logit version
# keeps the exact value $40$: a sample that is $40$ units on the wrong side really is
# that wrong. Keep this in mind in the exercise, where you write a binary cross-entropy
# that is safe at 0 and 1.

# %% [markdown] tags=["sv"]
# Båda lösningarna stämmer med den vanliga formeln när inget är extremt (sista raden).
# Vid kanterna begränsar den klippta versionen den andra förlusten till $27{,}6$, medan
# logitversionen behåller det exakta värdet $40$: ett exempel som ligger $40$ enheter åt
# fel håll är verkligen så fel. Tänk på det i övningen, där du skriver en binär
# korsentropi som klarar 0 och 1.

# %% [markdown] tags=["en", "slide"]
# ## 6 Many classes: categorical cross-entropy
#
# With $K$ classes (the digits $0$–$9$, say) the output layer has $K$ neurons and a
# **softmax** turns their scores $z_k$ into probabilities $p_k = e^{z_k} / \sum_j e^{z_j}$ that
# sum to $1$. The ground truth is a one-hot vector $y$ (a $1$ for the correct class $c$,
# $0$ elsewhere), and the cross-entropy is
#
# $$L(y, p) = -\sum_{k=1}^{K} y_k \ln p_k = -\ln p_c .$$
#
# All terms but one vanish: the loss is minus the log of the probability the model gave
# the **correct** class. With two classes it is exactly the binary cross-entropy. Example:
# scores $z = (2.0,\ 1.0,\ 0.1)$ give $p \approx (0.659,\ 0.242,\ 0.099)$; if the correct
# class is the first, $L = -\ln 0.659 \approx 0.417$. Chapter 08 takes softmax and this
# loss apart properly.

# %% [markdown] tags=["sv", "slide"]
# ## 6 Flera klasser: kategorisk korsentropi
#
# Med $K$ klasser (till exempel siffrorna $0$–$9$) har utdatalagret $K$ neuroner, och en
# **softmax** gör om deras poäng $z_k$ till sannolikheter $p_k = e^{z_k} / \sum_j e^{z_j}$ med
# summan $1$. Facit är en one-hot-kodad vektor $y$ (en etta för rätt klass $c$,
# nollor i övrigt), och korsentropin är
#
# $$L(y, p) = -\sum_{k=1}^{K} y_k \ln p_k = -\ln p_c .$$
#
# Alla termer utom en försvinner: förlusten är minus logaritmen av den sannolikhet som
# modellen gav **rätt** klass. Med två klasser är den precis den binära korsentropin.
# Exempel: poängen $z = (2{,}0;\ 1{,}0;\ 0{,}1)$ ger $p \approx (0{,}659;\ 0{,}242;\ 0{,}099)$;
# om den första klassen är rätt är $L = -\ln 0{,}659 \approx 0{,}417$. Kapitel 08 går
# igenom softmax och den här förlusten ordentligt.

# %% tags=["en"]
z_scores = np.array([2.0, 1.0, 0.1])
y_one_hot = np.array([1.0, 0.0, 0.0])

p_softmax = np.exp(z_scores) / np.exp(z_scores).sum()
print("p =", p_softmax.round(3))
print(f"cross-entropy = {-np.sum(y_one_hot * np.log(p_softmax)):.4f}")

# %% tags=["sv"]
z_scores = np.array([2.0, 1.0, 0.1])
y_one_hot = np.array([1.0, 0.0, 0.0])

p_softmax = np.exp(z_scores) / np.exp(z_scores).sum()
print("p =", p_softmax.round(3))
print(f"korsentropi = {-np.sum(y_one_hot * np.log(p_softmax)):.4f}")

# %% [markdown] tags=["en", "slide"]
# ## 7 A loss function is not an activation function
#
# Both are "a function applied near the output", so they are easy to mix up. They do
# completely different jobs:
#
# | | activation function | loss function |
# |---|---|---|
# | where | inside the network, in every neuron | outside the network, after the output |
# | input | one weighted sum $z$ | the prediction $\hat y$ **and** the ground truth $y$ |
# | output | the neuron's output $a = f(z)$ | one number: how wrong $\hat y$ is |
# | used | always, also when predicting | only when training and evaluating |
# | job | shape the function the network can compute (non-linearity) | tell training which direction is "better" |
# | examples | step, sigmoid, tanh, ReLU, softmax | MSE, MAE, binary cross-entropy, cross-entropy |
#
# What connects them is that the **output activation and the loss are chosen together**,
# so the output means what the loss expects: a linear output with MSE (any real number),
# a sigmoid with binary cross-entropy (a probability), a softmax with cross-entropy (a
# probability distribution). A common misunderstanding is "the network uses sigmoid
# loss": sigmoid is the activation of the output neuron; the loss after it is the
# binary cross-entropy.

# %% [markdown] tags=["sv", "slide"]
# ## 7 En förlustfunktion är inte en aktiveringsfunktion
#
# Båda är ”en funktion som används nära utdata”, så de är lätta att blanda ihop. De gör
# helt olika saker:
#
# | | aktiveringsfunktion | förlustfunktion |
# |---|---|---|
# | var | inne i nätverket, i varje neuron | utanför nätverket, efter utdata |
# | indata | en viktad summa $z$ | prediktionen $\hat y$ **och** facit $y$ |
# | utdata | neuronens utdata $a = f(z)$ | ett tal: hur fel $\hat y$ är |
# | används | alltid, även vid prediktion | bara vid träning och utvärdering |
# | uppgift | forma funktionen som nätverket kan beräkna (icke-linjäritet) | tala om för träningen vilket håll som är ”bättre” |
# | exempel | stegfunktion, sigmoid, tanh, ReLU, softmax | MSE, MAE, binär korsentropi, korsentropi |
#
# Det som förbinder dem är att **aktiveringsfunktionen i utdatalagret och förlusten väljs
# tillsammans**, så att utdata betyder det som förlusten förväntar sig: linjär utdata med
# MSE (vilket reellt tal som helst), sigmoid med binär korsentropi (en sannolikhet),
# softmax med korsentropi (en sannolikhetsfördelning). Ett vanligt missförstånd är att
# ”nätverket använder sigmoidförlust”: sigmoid är utdataneuronens aktiveringsfunktion;
# förlusten efter den är den binära korsentropin.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 7 minutes for §6 and §7 together. Read the check-yourself tasks
# aloud and take answers from the room: flat price → linear output + MSE, fracture → sigmoid
# + binary cross-entropy, digit → softmax + cross-entropy. Then ask "Is softmax a loss
# function?" and expect some to say yes; it is not, because it never sees the ground truth.
# Listen for "sigmoid loss" in the answers and correct it on the spot.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 7 minuter för §6 och §7 tillsammans. Läs upp uppgifterna
# i ”Testa dig själv” och ta svar från salen: lägenhetspris → linjär utdata + MSE, fraktur →
# sigmoid + binär korsentropi, siffra → softmax + korsentropi. Fråga sedan ”Är softmax en
# förlustfunktion?” och räkna med att några svarar ja; det är den inte, eftersom den aldrig
# ser facit. Lyssna efter ”sigmoidförlust” i svaren och rätta det direkt.

# %% [markdown] tags=["en"]
# **Check yourself.** Choose an output activation and a loss for each task:
# (a) the price of a flat, (b) whether an X-ray shows a fracture, (c) which of 10 digits
# an image shows. And: is softmax a loss function?
#
# <details><summary>Answer</summary>
#
# (a) Regression: linear output, MSE (or MAE if the data have outliers you do not trust).
# (b) Binary classification: sigmoid output, binary cross-entropy.
# (c) Ten classes: softmax output, cross-entropy.
# Softmax is not a loss: it is an activation that turns scores into probabilities, and it
# does not know the ground truth. The cross-entropy after it compares those
# probabilities with the ground truth.
#
# </details>

# %% [markdown] tags=["sv"]
# **Testa dig själv.** Välj aktiveringsfunktion i utdatalagret och förlust för varje
# uppgift: (a) priset på en lägenhet, (b) om en röntgenbild visar en fraktur, (c) vilken
# av 10 siffror en bild visar. Och: är softmax en förlustfunktion?
#
# <details><summary>Svar</summary>
#
# (a) Regression: linjär utdata, MSE (eller MAE om data har extremvärden du inte litar på).
# (b) Binär klassificering: sigmoid i utdatalagret, binär korsentropi.
# (c) Tio klasser: softmax i utdatalagret, korsentropi.
# Softmax är ingen förlust: det är en aktiveringsfunktion som gör om poäng till
# sannolikheter, och den känner inte till facit. Korsentropin efter den jämför
# sannolikheterna med facit.
#
# </details>

# %% [markdown] tags=["en", "slide"]
# ## 8 The same with nnlib
#
# The course library has each loss as a function and as a class:
#
# - `mse(y_pred, y_true)`, `binary_cross_entropy(p, y)`, `cross_entropy(logits, y)` return
#   the **cost** (mean over the batch);
# - `MSE()`, `BinaryCrossEntropy()` and `CrossEntropy()` have `forward(y_pred, y_true)`, which
#   returns the cost, and `backward()`, which returns $\partial J / \partial \hat y$ for
#   every prediction. Chapter 07 feeds that gradient into the network;
# - `BinaryCrossEntropy(from_logits=True)` takes the logit $z$ instead of the probability
#   $\hat y$ and uses the stable formula of section 5.
#
# Note the order of the arguments: prediction first, ground truth second. We check
# that `nnlib` gives the numbers we computed by hand.

# %% [markdown] tags=["sv", "slide"]
# ## 8 Samma sak med nnlib
#
# Kursens bibliotek har varje förlust både som funktion och som klass:
#
# - `mse(y_pred, y_true)`, `binary_cross_entropy(p, y)`, `cross_entropy(logits, y)` ger
#   **kostnaden** (medelvärdet över batchen);
# - `MSE()`, `BinaryCrossEntropy()` och `CrossEntropy()` har `forward(y_pred, y_true)`, som
#   ger kostnaden, och `backward()`, som ger $\partial J / \partial \hat y$ för varje
#   prediktion. I kapitel 07 matas den gradienten in i nätverket;
# - `BinaryCrossEntropy(from_logits=True)` tar logiten $z$ i stället för sannolikheten
#   $\hat y$ och använder den stabila formeln från avsnitt 5.
#
# Lägg märke till ordningen: prediktionen först, facit sedan. Vi kontrollerar att
# `nnlib` ger de tal vi räknade fram för hand.

# %% tags=["en"]
from nnlib.losses import MSE, BinaryCrossEntropy, binary_cross_entropy, cross_entropy, mse

print(f"MSE:                {mse(y_hat, y):.4f}   (by hand 0.1667)")
print(f"binary CE:          {binary_cross_entropy(p_class, y_class):.4f}   (by hand 0.2798)")
print(f"binary CE at edges: {binary_cross_entropy(p_edge, y_edge):.4f}   (finite: clipped)")
print(f"from logits:        {BinaryCrossEntropy(from_logits=True).forward(z_edge, y_edge):.4f}   (mean of 0 and 40)")
print(f"cross-entropy:      {cross_entropy(z_scores[None, :], np.array([0])):.4f}   (by hand 0.417)")

# %% tags=["sv"]
from nnlib.losses import MSE, BinaryCrossEntropy, binary_cross_entropy, cross_entropy, mse

print(f"MSE:                {mse(y_hat, y):.4f}   (för hand 0,1667)")
print(f"binär korsentropi:  {binary_cross_entropy(p_class, y_class):.4f}   (för hand 0,2798)")
print(f"binär korsentropi vid 0 och 1: {binary_cross_entropy(p_edge, y_edge):.4f}   (ändlig: klippt)")
print(f"från logiten:       {BinaryCrossEntropy(from_logits=True).forward(z_edge, y_edge):.4f}   (medelvärdet av 0 och 40)")
print(f"korsentropi:        {cross_entropy(z_scores[None, :], np.array([0])):.4f}   (för hand 0,417)")

# %% [markdown] tags=["en"]
# The `MSE` class also gives the gradient of the cost with respect to every prediction.
# Since $J = \frac{1}{N}\sum_i (\hat y_i - y_i)^2$, it is $\frac{\partial J}{\partial \hat y_i} =
# \frac{2}{N}(\hat y_i - y_i)$: each prediction is pushed towards its own ground truth,
# harder the further away it is. We check this on a random batch (with the seeded `rng`,
# so the numbers are the same every time).

# %% [markdown] tags=["sv"]
# Klassen `MSE` ger också kostnadens gradient med avseende på varje prediktion. Eftersom
# $J = \frac{1}{N}\sum_i (\hat y_i - y_i)^2$ är den $\frac{\partial J}{\partial \hat y_i} =
# \frac{2}{N}(\hat y_i - y_i)$: varje prediktion knuffas mot sitt eget facit, hårdare ju
# längre bort den är. Vi kontrollerar det på en slumpad batch (med `rng`, som har ett
# fast frö, så att talen blir desamma varje gång).

# %% tags=["en"]
y_batch = rng.normal(size=8)
y_hat_batch = y_batch + rng.normal(scale=0.5, size=8)

loss = MSE()
cost = loss.forward(y_hat_batch, y_batch)
gradient = loss.backward()
print(f"cost: nnlib {cost:.6f}, numpy {np.mean((y_hat_batch - y_batch) ** 2):.6f}")
print("gradient matches 2/N (y_hat - y):", np.allclose(gradient, 2 / 8 * (y_hat_batch - y_batch)))

# %% tags=["sv"]
y_batch = rng.normal(size=8)
y_hat_batch = y_batch + rng.normal(scale=0.5, size=8)

loss = MSE()
cost = loss.forward(y_hat_batch, y_batch)
gradient = loss.backward()
print(f"kostnad: nnlib {cost:.6f}, numpy {np.mean((y_hat_batch - y_batch) ** 2):.6f}")
print("gradienten är lika med 2/N (y_hat - y):", np.allclose(gradient, 2 / 8 * (y_hat_batch - y_batch)))

# %% [markdown] tags=["en", "slide"]
# ## Summary
#
# - A **loss** $L(y_i, \hat y_i)$ measures how wrong one prediction is compared with the
#   ground truth; the **cost** is its mean, $J = \frac{1}{N}\sum_{i=1}^{N} L(y_i, \hat y_i)$.
#   Training minimises $J$.
# - Regression: $\text{MSE} = \frac{1}{N}\sum_i (y_i - \hat y_i)^2$ grows quadratically and
#   punishes large errors hard (its best constant is the mean);
#   $\text{MAE} = \frac{1}{N}\sum_i |y_i - \hat y_i|$ grows linearly and is more robust to
#   outliers (its best constant is the median).
# - Binary classification: $L = -[y \ln \hat y + (1-y)\ln(1-\hat y)]$ after a sigmoid, with
#   $\partial L / \partial z = \hat y - y$. Squared error after a sigmoid has the gradient
#   $2(\hat y - y)\hat y(1-\hat y)$, which vanishes when the model is very wrong.
# - Make cross-entropy safe at $0$ and $1$: clip to $[\varepsilon, 1-\varepsilon]$, or compute
#   from the logit: $L = \max(z,0) - yz + \ln(1 + e^{-|z|})$.
# - Many classes: $L = -\sum_k y_k \ln p_k = -\ln p_c$ after a softmax (chapter 08).
# - Activation functions work inside the network on $z$; loss functions work outside on
#   $(y, \hat y)$. Choose them as a pair: linear + MSE, sigmoid + binary cross-entropy,
#   softmax + cross-entropy.
#
# **Next.** In the exercise you implement MSE and its gradient, a binary cross-entropy that is
# safe at 0 and 1, and the cost of a sigmoid neuron over a batch. In chapter 05 we finally *use* the cost: the least squares
# method and gradient descent change a model's parameters to make $J$ as small as possible.

# %% [markdown] tags=["sv", "slide"]
# ## Sammanfattning
#
# - En **förlust** $L(y_i, \hat y_i)$ mäter hur fel en prediktion är jämfört med facit;
#   **kostnaden** är dess medelvärde, $J = \frac{1}{N}\sum_{i=1}^{N} L(y_i, \hat y_i)$.
#   Träningen minimerar $J$.
# - Regression: $\text{MSE} = \frac{1}{N}\sum_i (y_i - \hat y_i)^2$ växer kvadratiskt och
#   straffar stora fel hårt (den bästa konstanten är medelvärdet);
#   $\text{MAE} = \frac{1}{N}\sum_i |y_i - \hat y_i|$ växer linjärt och är mer robust mot
#   extremvärden (den bästa konstanten är medianen).
# - Binär klassificering: $L = -[y \ln \hat y + (1-y)\ln(1-\hat y)]$ efter en sigmoid, med
#   $\partial L / \partial z = \hat y - y$. Kvadratfel efter en sigmoid har gradienten
#   $2(\hat y - y)\hat y(1-\hat y)$, som försvinner när modellen har mycket fel.
# - Gör korsentropin numeriskt stabil vid $0$ och $1$: klipp till $[\varepsilon, 1-\varepsilon]$, eller
#   räkna från logiten: $L = \max(z,0) - yz + \ln(1 + e^{-|z|})$.
# - Flera klasser: $L = -\sum_k y_k \ln p_k = -\ln p_c$ efter en softmax (kapitel 08).
# - Aktiveringsfunktioner verkar inne i nätverket på $z$; förlustfunktioner verkar utanför
#   på $(y, \hat y)$. Välj dem som ett par: linjär + MSE, sigmoid + binär korsentropi,
#   softmax + korsentropi.
#
# **Nästa steg.** I övningen skriver du MSE och dess gradient, en binär korsentropi som
# klarar 0 och 1, och kostnaden för en sigmoidneuron över en batch. I kapitel 05 *använder* vi till slut kostnaden:
# minstakvadratmetoden och gradientnedstigning ändrar en modells parametrar så att $J$
# blir så liten som möjligt.
