# %% [markdown] tags=["en", "slide"]
# # 11 Overfitting, validation and checkpoints
#
# Training makes the loss small on the **training data**. That is not what we want. We want a
# network that gives good answers on data it has **never seen**: the next handwritten digit, the
# next e-mail. This chapter is about the gap between the two. A network that is too large, or
# trained too long, learns the training data by heart, noise and all, and gets *worse* on new
# data while its training loss keeps falling. We measure that gap with a **validation set**,
# stop training at the right moment, keep **checkpoints** so that the best weights are never
# lost, and choose a network size that is *lagom*: not too small, not too large.
#
# After this chapter you can
#
# - explain generalisation, overfitting and underfitting, and recognise them in loss curves,
# - split data into training, validation and test sets and say what each one is for, and why
#   the test set is used only once,
# - stop training early and restore the best weights, with `nnlib.EarlyStopping` and
#   `nnlib.Checkpoint`,
# - choose the size of a network by its validation loss,
# - add an L2 penalty to the loss and measure whether it helps.

# %% [markdown] tags=["sv", "slide"]
# # 11 Överanpassning, validering och kontrollpunkter
#
# Träningen gör förlusten liten på **träningsdata**. Det är inte det vi vill ha. Vi vill ha ett
# nätverk som ger bra svar på data som det **aldrig har sett**: nästa handskrivna siffra, nästa
# e-postmeddelande. Det här kapitlet handlar om skillnaden mellan de två. Ett nätverk som är för
# stort, eller som tränas för länge, lär sig träningsdata utantill, med brus och allt, och blir
# *sämre* på nya data medan träningsförlusten fortsätter att minska. Vi mäter den skillnaden med
# **valideringsdata**, stoppar träningen i rätt ögonblick, sparar **kontrollpunkter
# (checkpoints)** så att de bästa vikterna aldrig går förlorade, och väljer en storlek på
# nätverket som är *lagom*: varken för liten eller för stor.
#
# Efter det här kapitlet kan du
#
# - förklara generalisering, överanpassning och underanpassning och känna igen dem i
#   förlustkurvor,
# - dela upp data i träningsdata, valideringsdata och testdata och säga vad var och en är till
#   för, och varför testdata bara används en gång,
# - stoppa träningen tidigt och återställa de bästa vikterna, med `nnlib.EarlyStopping` och
#   `nnlib.Checkpoint`,
# - välja storleken på ett nätverk efter dess valideringsförlust,
# - lägga till ett L2-straff i förlusten och mäta om det hjälper.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** Timing for 45 minutes: §1 generalisation and the data 5 min, §2 overfitting
# with the explorer widget 10 min, §3 the three data sets 6 min, §4 early stopping 5 min, §5
# checkpoints with the restore button 7 min, §6 lagom size 5 min, §7 L2 5 min, §8 the test set
# and the summary 2 min. The one picture to leave on the board: two loss curves, training
# falling for ever, validation falling and then rising, with a star at the bottom of the
# validation curve labelled "keep these weights".

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Tidsplan för 45 minuter: §1 generalisering och data 5 min, §2
# överanpassning med utforskarwidgeten 10 min, §3 de tre datamängderna 6 min, §4 tidigt stopp
# 5 min, §5 kontrollpunkter med återställningsknappen 7 min, §6 lagom storlek 5 min, §7 L2
# 5 min, §8 testdata och sammanfattningen 2 min. Bilden som ska stå kvar på tavlan: två
# förlustkurvor, träningsförlusten som minskar hela tiden och valideringsförlusten som först
# minskar och sedan ökar, med en stjärna i valideringskurvans botten och texten ”behåll de här
# vikterna”.

# %%
from course import set_language
set_language("en")

import numpy as np
import matplotlib.pyplot as plt

import nnlib
from course import t
from course.numbers import fmt, fmt_percent
from course.widgets.overfitting import (
    CheckpointBrowser, OverfittingExplorer, WithL2, boundary_plot, evaluate, l2_study, l2_table,
    lagom_size, loss_curves, moons_data, network, plot_l2, plot_size_sweep, size_sweep,
)

# %% [markdown] tags=["en", "slide"]
# ## 1 Generalisation: what training is for
#
# One of the course's study notes puts it in one line: *by giving different data the neural
# network will learn how to generalise*. **Generalisation** is the ability to give good answers
# on new data from the same source as the training data. Two words in that sentence matter.
#
# - **New**: the loss on the training data says how well the network *fits* the examples it was
#   shown; it does not say how well it generalises. A lookup table that stores every training
#   example has training loss 0 and has learned nothing.
# - **Same source**: a network generalises to data *like* its training data. A digit reader
#   trained on neat scanned digits says nothing reliable about a photo of a street sign.
#
# Our running example is a small, noisy version of the two-moons problem from chapter 07: **60**
# training points, and two more sets of **200** points each drawn in the same way, the
# **validation** and the **test** points. The noise makes the moons overlap, so even the best
# possible boundary gets some points wrong: a network that separates *all* 60 training points
# has learned the noise.

# %% [markdown] tags=["sv", "slide"]
# ## 1 Generalisering: vad träningen är till för
#
# En av kursens studieanteckningar säger det på en rad: *genom att få olika data lär sig det
# neurala nätverket att generalisera*. **Generalisering** är förmågan att ge bra svar på nya data
# från samma källa som träningsdata. Två ord i den meningen är viktiga.
#
# - **Nya**: förlusten på träningsdata säger hur väl nätverket *passar* de exempel som det har
#   fått se; den säger inte hur väl det generaliserar. En tabell som lagrar varje
#   träningsexempel har träningsförlusten 0 och har inte lärt sig något.
# - **Samma källa**: ett nätverk generaliserar till data som *liknar* dess träningsdata. En
#   sifferläsare som har tränats på prydligt inskannade siffror säger inget pålitligt om ett foto
#   av en gatuskylt.
#
# Vårt genomgående exempel är en liten, brusig variant av problemet med två månar (two moons)
# från kapitel 07: **60** träningspunkter och ytterligare två mängder med **200** punkter var,
# dragna på samma sätt: **valideringspunkterna** och **testpunkterna**. Bruset gör att månarna
# överlappar, så även den bästa möjliga beslutsgränsen får några punkter fel: ett nätverk som
# skiljer *alla* 60 träningspunkter åt har lärt sig bruset.

# %%
data = moons_data()
print(data.X_train.shape, data.X_val.shape, data.X_test.shape)

# %% [markdown] tags=["en", "slide"]
# ## 2 Overfitting and underfitting
#
# We train a network with one hidden layer of $h = 128$ tanh units (513 parameters for 60
# points) for 300 epochs with Adam, and after every epoch we also compute the loss on the
# validation points. `nnlib.fit` does that when it gets `validation_data`; it never trains on
# them. `size_sweep` below trains one such network for each of the hidden sizes
# $h = 1, 2, 4, \dots, 128$ (a few seconds in all) and keeps a copy of the weights every
# 5 epochs, for the widget further down. To save time, only the network we draw epoch by epoch,
# $h = 128$ (`every_epoch=[128]`), is validated after every epoch; the others are validated at
# their saved copies, every 5 epochs, which is all the widget shows.

# %% [markdown] tags=["sv", "slide"]
# ## 2 Överanpassning och underanpassning
#
# Vi tränar ett nätverk med ett dolt lager med $h = 128$ tanh-neuroner (513 parametrar för 60
# punkter) i 300 epoker med Adam, och efter varje epok beräknar vi också förlusten på
# valideringspunkterna. `nnlib.fit` gör det när den får `validation_data`; den tränar aldrig på
# dem. `size_sweep` nedan tränar ett sådant nätverk för var och en av de dolda storlekarna
# $h = 1, 2, 4, \dots, 128$ (några sekunder sammanlagt) och sparar en kopia av vikterna var
# 5:e epok, för widgeten längre ned. För att spara tid valideras bara det nätverk som vi ritar
# epok för epok, $h = 128$ (`every_epoch=[128]`), efter varje epok; de andra valideras vid sina
# sparade kopior, var 5:e epok, och mer än så visar inte widgeten.

# %%
runs = size_sweep(data, epochs=300, learning_rate=0.05, every_epoch=[128])
big = runs[128]

fig, (ax_loss, ax_best, ax_last) = plt.subplots(1, 3, figsize=(16, 4.4))
loss_curves(ax_loss, big.loss, big.val_loss)
ax_loss.legend(fontsize=10)
ax_loss.set_title(t("overfitting.curves_title", h=fmt(128)))
boundary_plot(ax_best, big.model(60), data, t("overfitting.boundary_title", h=fmt(128), epoch=fmt(60)))
boundary_plot(ax_last, big.model(300), data, t("overfitting.boundary_title", h=fmt(128), epoch=fmt(300)))
fig.tight_layout()
plt.show()

# %% [markdown] tags=["en"]
# Read the left plot from left to right.
#
# - For the first 50 or so epochs both losses fall together: the network learns the shape of
#   the moons, and what it learns holds for the validation points too.
# - Around epoch 60 the validation loss (orange) is lowest, marked with a star.
# - After that the training loss keeps falling but the validation loss **rises**. The network
#   is now learning the particular 60 points: it bends its boundary around single noisy points
#   (compare the middle and the right plot) and becomes more and more *confident*, so every
#   validation point on the wrong side costs more and more.
#
# That is **overfitting**: the network has been trained too hard on its training data, in the
# words of the study notes, and has fitted the noise along with the pattern. Its opposite is
# **underfitting**: a network too small, or trained too briefly, to capture even the pattern;
# then *both* losses stay high. A network with $h = 1$ can only draw a boundary that is nearly
# straight, and the moons are not separated by a straight line.
#
# Overfitting has two knobs, and the widget lets you turn both: the **size** of the network
# (how wiggly a boundary it *can* draw) and the number of **epochs** (how far training has
# gone towards drawing it).

# %% [markdown] tags=["sv"]
# Läs den vänstra figuren från vänster till höger.
#
# - Under de första 50 epokerna eller så minskar båda förlusterna tillsammans: nätverket lär sig
#   månarnas form, och det som det lär sig gäller också för valideringspunkterna.
# - Kring epok 60 är valideringsförlusten (orange) som lägst, markerad med en stjärna.
# - Därefter fortsätter träningsförlusten att minska, men valideringsförlusten **ökar**. Nätverket
#   lär sig nu just de här 60 punkterna: det böjer sin beslutsgräns runt enstaka brusiga punkter
#   (jämför den mittersta och den högra figuren) och blir allt *säkrare* på sin sak, så varje
#   valideringspunkt på fel sida kostar mer och mer.
#
# Det är **överanpassning**: nätverket har tränats för hårt på sina träningsdata, som
# studieanteckningarna säger, och har anpassat sig till bruset tillsammans med mönstret. Motsatsen
# är **underanpassning**: ett nätverk som är för litet, eller som tränas för kort, för att fånga
# ens mönstret; då förblir *båda* förlusterna höga. Ett nätverk med $h = 1$ kan bara rita en
# beslutsgräns som är nästan rak, och månarna går inte att skilja åt med en rät linje.
#
# Överanpassning har två reglage, och widgeten låter dig vrida på båda: nätverkets **storlek**
# (hur slingrig beslutsgräns det *kan* rita) och antalet **epoker** (hur långt träningen har
# kommit mot att rita den).

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 10 minutes with the widget. Before showing the plot, ask: "The
# training loss falls for 300 epochs. Is the network getting better all the time?" Most say
# yes. Then show the orange curve. In the widget, start at h = 128 and drag the epoch from 0 to
# 300: the boundary first finds the moons, then grows fingers around single points. Then set
# h = 1 (underfitting: both losses stay near 0.35–0.4) and h = 4. Misconception to name: "overfitting
# means the training loss is too low". A low training loss is fine; the symptom is the *gap*,
# a validation loss that rises while the training loss falls.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 10 minuter med widgeten. Fråga innan du visar figuren:
# ”Träningsförlusten minskar i 300 epoker. Blir nätverket bättre hela tiden?” De flesta svarar
# ja. Visa sedan den orange kurvan. Börja med h = 128 i widgeten och dra epoken från 0 till 300:
# beslutsgränsen hittar först månarna och växer sedan ut fingrar runt enstaka punkter. Sätt sedan
# h = 1 (underanpassning: båda förlusterna stannar nära 0,35–0,4) och h = 4. Vanligt missförstånd:
# ”överanpassning betyder att träningsförlusten är för låg”. En låg träningsförlust är inget
# problem; symtomet är *skillnaden*, en valideringsförlust som ökar medan träningsförlusten
# minskar.

# %% [markdown] tags=["en", "subslide"]
# ### Try it: network size and epochs
#
# The sliders choose the hidden size $h$ and the epoch. Left: the two loss curves of that
# network, a dashed line at the chosen epoch and a star at the lowest validation loss. Right:
# the boundary of that network after that epoch, with the training points large and the
# validation points small. Nothing is trained when you move a slider: the weights were saved
# every 5 epochs during the runs above.
#
# - $h = 128$: drag the epoch from 0 to 300. When does the boundary start to bend around single
#   training points? Where is the star?
# - $h = 1$ and $h = 2$: how do the two curves differ from $h = 128$? Which word describes them?
# - For which $h$ is the validation loss after epoch 300 lowest? Is it also the $h$ with the
#   lowest training loss?

# %% [markdown] tags=["sv", "subslide"]
# ### Prova själv: nätverkets storlek och antalet epoker
#
# Reglagen väljer den dolda storleken $h$ och epoken. Till vänster: det nätverkets två
# förlustkurvor, en streckad linje vid den valda epoken och en stjärna vid den lägsta
# valideringsförlusten. Till höger: det nätverkets beslutsgräns efter den epoken, med
# träningspunkterna stora och valideringspunkterna små. Ingenting tränas när du flyttar ett
# reglage: vikterna sparades var 5:e epok under körningarna ovan.
#
# - $h = 128$: dra epoken från 0 till 300. När börjar beslutsgränsen böja sig runt enstaka
#   träningspunkter? Var ligger stjärnan?
# - $h = 1$ och $h = 2$: hur skiljer sig de två kurvorna från dem för $h = 128$? Vilket ord
#   beskriver dem?
# - För vilket $h$ är valideringsförlusten efter epok 300 lägst? Är det också det $h$ som har
#   lägst träningsförlust?

# %%
OverfittingExplorer(runs, data, hidden=128, epoch=300)

# %% [markdown] tags=["en"]
# **Check yourself.** Two networks are trained on the same data. Network A ends with training
# loss 0.35 and validation loss 0.36; network B with training loss 0.02 and validation loss
# 0.60. Which one underfits and which one overfits? Which would you rather use on new data, and
# what would you try first to improve each?
#
# <details><summary>Answer</summary>
#
# A underfits: both losses are high and close together, so it has not even learned the
# training data; try a larger network or longer training. B overfits: it fits the training data
# almost perfectly but is much worse on new data; stop earlier (early stopping, §4), use a
# smaller network (§6), add a penalty (§7) or collect more data. On new data you would rather
# use the one with the lower *validation* loss, here A, even though B looks better on the
# training data.
#
# </details>

# %% [markdown] tags=["sv"]
# **Testa dig själv.** Två nätverk tränas på samma data. Nätverk A slutar med träningsförlusten
# 0,35 och valideringsförlusten 0,36; nätverk B med träningsförlusten 0,02 och
# valideringsförlusten 0,60. Vilket underanpassar och vilket överanpassar? Vilket skulle du
# hellre använda på nya data, och vad skulle du pröva först för att förbättra vart och ett?
#
# <details><summary>Svar</summary>
#
# A underanpassar: båda förlusterna är höga och ligger nära varandra, så det har inte ens lärt
# sig träningsdata; pröva ett större nätverk eller längre träning. B överanpassar: det passar
# träningsdata nästan perfekt men är mycket sämre på nya data; stoppa tidigare (tidigt stopp,
# §4), använd ett mindre nätverk (§6), lägg till ett straff (§7) eller samla in mer data. På nya
# data skulle du hellre använda det med lägst *valideringsförlust*, här A, trots att B ser
# bättre ut på träningsdata.
#
# </details>

# %% [markdown] tags=["en", "slide"]
# ## 3 Three data sets, three jobs
#
# The study notes say that overfitting *can be countered with a validation data set*. More
# exactly: a validation set does not prevent overfitting, it **detects** it, and everything we do
# against overfitting is steered by it. Before any training the data is split once into three
# parts:
#
# | set | used for | seen by the optimiser? |
# |---|---|---|
# | **training data** | fitting the weights | yes, every epoch |
# | **validation data** | measuring generalisation during training, and every choice: when to stop, which size, which learning rate, which λ | no, but it steers our choices |
# | **test data** | one final, honest number for the finished network | no, and it steers nothing |
#
# **Why a separate test set?** Every time we pick the option with the best validation loss, we
# also pick a little of the validation set's luck: among many options, the winner is partly the
# one that happened to suit those 200 points. After many choices, the validation loss of the
# winner is *too optimistic*. The test set has taken part in no choice, so its loss is an honest
# estimate for new data, **if it is used once, at the end**. Look at the test score, go back and
# change the network, and the test set has become a second validation set.
#
# Two practical rules: split **at random** (files are often sorted, say all zeros first), with a
# **fixed seed** so that the split is the same every time; and put nothing of the validation or
# test data into the training, not even into the statistics used for preprocessing (chapter 12
# does this for the digits).

# %% [markdown] tags=["sv", "slide"]
# ## 3 Tre datamängder, tre uppgifter
#
# Studieanteckningarna säger att överanpassning *kan motverkas med valideringsdata*. Mer exakt:
# valideringsdata förhindrar inte överanpassning, de **upptäcker** den, och allt vi gör mot
# överanpassning styrs av dem. Före all träning delas data upp en gång i tre delar:
#
# | mängd | används till | ser optimeraren dem? |
# |---|---|---|
# | **träningsdata** | att anpassa vikterna | ja, varje epok |
# | **valideringsdata** | att mäta generaliseringen under träningen, och varje val: när vi ska stoppa, vilken storlek, vilken inlärningstakt, vilket λ | nej, men de styr våra val |
# | **testdata** | ett sista, ärligt tal för det färdiga nätverket | nej, och de styr ingenting |
#
# **Varför särskilda testdata?** Varje gång vi väljer alternativet med lägst valideringsförlust
# väljer vi också lite av valideringsdatas tur: bland många alternativ är vinnaren delvis det som
# råkade passa just de 200 punkterna. Efter många val är vinnarens valideringsförlust *för
# optimistisk*. Testdata har inte varit med i något val, så deras förlust är en ärlig
# uppskattning för nya data, **om de används en gång, i slutet**. Tittar du på testresultatet,
# går tillbaka och ändrar nätverket, så har testdata i praktiken blivit ytterligare valideringsdata.
#
# Två praktiska regler: dela upp **slumpmässigt** (filer är ofta sorterade, till exempel alla
# nollor först), med ett **fast slumpfrö** så att uppdelningen blir densamma varje gång; och låt
# ingenting av valideringsdata eller testdata komma in i träningen, inte ens i den statistik som
# används för förbehandlingen (kapitel 12 gör det för siffrorna).

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 6 minutes. The analogy that works: training data are the exercises
# you practise on, validation data are the old exams you use to decide whether you are ready,
# and the test data are the real exam, taken once. Ask the check-yourself question and let pairs
# argue for a minute. Expected answer: no, the 97 % is optimistic because it was used to choose
# among 50 settings. Point out that this chapter keeps its test points in `data.X_test` and does
# not touch them until §8.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 6 minuter. Liknelsen som fungerar: träningsdata är uppgifterna
# du övar på, valideringsdata är de gamla tentorna du använder för att avgöra om du är redo, och
# testdata är den riktiga tentan, som skrivs en gång. Ställ frågan i ”Testa dig själv” och låt
# par diskutera en minut. Förväntat svar: nej, 97 % är optimistiskt eftersom talet användes för
# att välja bland 50 inställningar. Påpeka att kapitlet håller sina testpunkter i `data.X_test`
# och inte rör dem förrän i §8.

# %% [markdown] tags=["en"]
# **Check yourself.** A student tries 50 combinations of size and learning rate, picks the one
# with the best validation accuracy, 97 %, and writes in the report: "my network is 97 %
# accurate on new data". What is wrong, and what should the report say instead?
#
# <details><summary>Answer</summary>
#
# The 97 % was used to *choose* among 50 candidates, so it is biased upwards: part of it is the
# luck of the validation set. The report should give the accuracy on a test set that played no
# part in any choice, measured once for the chosen network, and may mention the validation
# accuracy as the number used for the choice.
#
# </details>

# %% [markdown] tags=["sv"]
# **Testa dig själv.** En student prövar 50 kombinationer av storlek och inlärningstakt, väljer
# den med bäst träffsäkerhet på valideringsdata, 97 %, och skriver i rapporten: ”mitt nätverk har
# träffsäkerheten 97 % på nya data”. Vad är fel, och vad borde rapporten säga i stället?
#
# <details><summary>Svar</summary>
#
# Talet 97 % användes för att *välja* bland 50 kandidater, så det är för högt: en del av det är
# valideringsdatas tur. Rapporten ska ge träffsäkerheten på testdata som inte har varit med i
# något val, mätt en gång för det valda nätverket, och kan nämna träffsäkerheten på
# valideringsdata som det tal som valet gjordes med.
#
# </details>

# %% [markdown] tags=["en", "slide"]
# ## 4 Early stopping
#
# The loss curves suggest the simplest cure: stop where the validation loss is lowest. We cannot
# know in advance which epoch that is, so we watch it as training goes and stop once it has not
# improved for a while. **Early stopping** with **patience** $p$: after every epoch, compare the
# validation loss with the best one so far; if it is lower (by more than `min_delta`), remember
# this epoch and its weights; if it has not improved for more than $p$ epochs in a row, stop,
# and put back the weights of the best epoch.
#
# A small example with $p = 1$: validation losses $0.50, 0.42, 0.45, 0.40, 0.43, 0.44, 0.39$.
# Epochs 2 and 4 improve; after epoch 4 come two epochs in a row without improvement, which is
# more than $p = 1$, so training stops after epoch 6 and returns the weights of epoch 4. The
# lower loss of epoch 7 is never seen: patience is a trade between time saved and the risk of
# stopping in a temporary bump. A larger $p$ waits longer.
#
# In `nnlib` it is one callback. We train the $h = 128$ network again, with the same seed, so it
# takes exactly the path of §2 until it stops.

# %% [markdown] tags=["sv", "slide"]
# ## 4 Tidigt stopp
#
# Förlustkurvorna antyder det enklaste botemedlet: stoppa där valideringsförlusten är lägst. Vi
# kan inte veta i förväg vilken epok det är, så vi följer den under träningen och stoppar när
# den inte har blivit bättre på ett tag. **Tidigt stopp** med **tålamod (patience)** $p$: efter
# varje epok jämförs valideringsförlusten med den bästa hittills; är den lägre (med mer än
# `min_delta`) minns vi epoken och dess vikter; har den inte förbättrats på fler än $p$ epoker i
# rad stoppar vi och lägger tillbaka vikterna från den bästa epoken.
#
# Ett litet exempel med $p = 1$: valideringsförlusterna $0{,}50$; $0{,}42$; $0{,}45$; $0{,}40$;
# $0{,}43$; $0{,}44$; $0{,}39$. Epok 2 och 4 är förbättringar; efter epok 4 kommer två epoker i
# rad utan förbättring, vilket är fler än $p = 1$, så träningen stoppar efter epok 6 och
# returnerar vikterna från epok 4. Den lägre förlusten i epok 7 ser vi aldrig: tålamodet är en
# avvägning mellan sparad tid och risken att stoppa i en tillfällig puckel. Ett större $p$ väntar
# längre.
#
# I `nnlib` är det ett återanrop (callback). Vi tränar nätverket med $h = 128$ igen, med samma
# slumpfrö, så det tar exakt samma väg som i §2 tills det stoppar.

# %%
model = network(128, seed=0)
stopper = nnlib.EarlyStopping(patience=20)
history = nnlib.fit(model, nnlib.BinaryCrossEntropy(), nnlib.Adam(0.05), data.X_train, data.y_train,
                    epochs=300, validation_data=(data.X_val, data.y_val), callbacks=[stopper],
                    rng=0, progress=False)
stopped_after, best_epoch = len(history.loss), history.best_epoch
val_loss, val_accuracy, _ = evaluate(model, data.X_val, data.y_val)

fig, ax = plt.subplots(figsize=(7.5, 4.2))
loss_curves(ax, big.loss, big.val_loss)
ax.axvspan(stopped_after, 300, color="0.85", zorder=0)
ax.set_title(t("overfitting.early_title", stop=fmt(stopped_after), best=fmt(best_epoch)))
ax.legend(fontsize=10)
plt.show()

# %% tags=["en"]
print(f"stopped after epoch {stopped_after}, weights of epoch {best_epoch} restored")
print(f"validation loss {val_loss:.3f}, validation accuracy {val_accuracy:.3f}")

# %% tags=["sv"]
print(f"stoppade efter epok {stopped_after}, vikterna från epok {best_epoch} återställda")
print(f"valideringsförlust {val_loss:.3f}, träffsäkerhet på valideringsdata {val_accuracy:.3f}")

# %% [markdown] tags=["en"]
# Training stopped 21 epochs after its best epoch (patience 20: 21 epochs in a row without
# improvement), after a bit over a quarter of the 300 epochs (the
# grey band was never trained), and the model now holds the weights of the best epoch, with the
# validation loss of the star. Early stopping is the most used defence against overfitting
# because it costs nothing: it even saves time.

# %% [markdown] tags=["sv"]
# Träningen stoppade 21 epoker efter sin bästa epok (tålamodet 20: 21 epoker i rad utan
# förbättring), efter lite mer än en fjärdedel av de 300
# epokerna (det grå bandet tränades aldrig), och modellen har nu vikterna från den bästa epoken,
# med stjärnans valideringsförlust. Tidigt stopp är det mest använda skyddet mot överanpassning
# eftersom det inte kostar något: det sparar till och med tid.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 5 minutes. Work the p = 1 example on the board, writing "wait" under
# every epoch (0, 0, 1, 0, 1, 2 → stop), so that the rule of exercise 11 is seen once by hand.
# Ask: "What would p = 3 have returned?" (epoch 7, loss 0.39: it waits long enough to see the
# next improvement). Point out that EarlyStopping keeps the best weights *in memory*; the next
# section writes them to disk.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 5 minuter. Räkna exemplet med p = 1 på tavlan och skriv
# ”wait” under varje epok (0, 0, 1, 0, 1, 2 → stopp), så att regeln från övning 11 syns en gång
# för hand. Fråga: ”Vad hade p = 3 returnerat?” (epok 7, förlusten 0,39: den väntar tillräckligt
# länge för att se nästa förbättring). Påpeka att EarlyStopping håller de bästa vikterna *i
# minnet*; nästa avsnitt skriver dem till disk.

# %% [markdown] tags=["en", "slide"]
# ## 5 Checkpoints: backups of the weights
#
# The study notes: *checkpoints can be used as backups of the weights at different numbers of
# iterations, in case the model gets worse*. A **checkpoint** is a copy of all weights at one
# moment of training, written to a file. It protects against two things: a later epoch that is
# worse (overfitting, or a learning rate that suddenly makes training diverge), and a crash
# that would otherwise lose hours of training.
#
# `nnlib.Checkpoint(folder, every=10)` is a callback for `nnlib.fit`. Every 10 epochs it saves
# the network as `epoch_0010.npz`, `epoch_0020.npz`, …, and whenever the validation loss reaches a
# new lowest value it also saves `best.npz`. The folder is created **in your working directory**,
# next to this notebook, never inside the course's package: it is your data. (An `.npz` file is
# numpy's zip archive of arrays: here the weight matrices and a description of the layers, and
# nothing that can run code when it is opened. Exercise 11 asks you to write such a pair of save
# and load functions yourself.)
#
# This time we train the $h = 128$ network for all 300 epochs, as if we had not used early
# stopping, so that the last weights are overfitted and the files hold the whole history.

# %% [markdown] tags=["sv", "slide"]
# ## 5 Kontrollpunkter: säkerhetskopior av vikterna
#
# Studieanteckningarna: *kontrollpunkter (checkpoints) kan användas som säkerhetskopior av
# vikterna vid olika antal iterationer, ifall modellen skulle bli sämre*. En **kontrollpunkt** är
# en kopia av alla vikter vid ett ögonblick under träningen, skriven till en fil. Den skyddar mot
# två saker: en senare epok som är sämre (överanpassning, eller en inlärningstakt som plötsligt
# får träningen att divergera), och en krasch som annars skulle kosta timmar av träning.
#
# `nnlib.Checkpoint(folder, every=10)` är ett återanrop för `nnlib.fit`. Var 10:e epok sparar
# det nätverket som `epoch_0010.npz`, `epoch_0020.npz`, …, och varje gång valideringsförlusten
# når ett nytt lägsta värde sparar det också `best.npz`. Mappen skapas **i din arbetskatalog**,
# bredvid den här notebooken, aldrig inne i kursens paket: det är dina data. (En `.npz`-fil är
# numpys zip-arkiv med arrayer: här viktmatriserna och en beskrivning av lagren, och inget som
# kan köra kod när filen öppnas. I övning 11 skriver du själv ett sådant par av funktioner för att
# spara och läsa in.)
#
# Den här gången tränar vi nätverket med $h = 128$ i alla 300 epoker, som om vi inte hade använt
# tidigt stopp, så att de sista vikterna är överanpassade och filerna innehåller hela
# historien.

# %%
from pathlib import Path

folder = Path("checkpoints") / "11_overfitting"
checkpoint = nnlib.Checkpoint(folder, every=10)
model = network(128, seed=0)
history = nnlib.fit(model, nnlib.BinaryCrossEntropy(), nnlib.Adam(0.05), data.X_train, data.y_train,
                    epochs=300, validation_data=(data.X_val, data.y_val), callbacks=[checkpoint],
                    rng=0, progress=False)

saved = sorted(path.name for path in folder.glob("*.npz"))
print(len(saved), saved[:3], "...", saved[-2:])
print(checkpoint.best_epoch, checkpoint.best_path)

# %% [markdown] tags=["en"]
# Thirty files, one per 10 epochs, and `best.npz` from the epoch with the lowest validation loss,
# the same epoch that early stopping found. Any of them can be loaded back into a network with
# `nnlib.load(path)`.

# %% [markdown] tags=["sv"]
# Trettio filer, en per 10 epoker, och `best.npz` från epoken med lägst valideringsförlust,
# samma epok som tidigt stopp hittade. Vilken som helst av dem kan läsas in i ett nätverk igen
# med `nnlib.load(path)`.

# %% [markdown] tags=["en", "subslide"]
# ### Try it: load a checkpoint, restore the best one
#
# The widget starts with `model` as training left it, after epoch 300. Validation points it gets
# wrong are crossed out. The slider loads the checkpoint file of another epoch from disk; the
# button loads `best.npz`. After each load the status line says how many validation points
# changed class.
#
# - Press **restore best checkpoint**. Where does the boundary change? How many validation
#   points change class, and does the validation loss go down?
# - Load epoch 10, then epoch 300 again. Which is worse, the early or the late network, and in
#   which way?

# %% [markdown] tags=["sv", "subslide"]
# ### Prova själv: läs in en kontrollpunkt, återställ den bästa
#
# Widgeten börjar med `model` som träningen lämnade det, efter epok 300. Valideringspunkter som
# nätverket klassar fel är överkryssade. Reglaget läser in kontrollpunktsfilen från en annan epok
# från disk; knappen läser in `best.npz`. Efter varje inläsning säger statusraden hur många
# valideringspunkter som bytte klass.
#
# - Tryck på **återställ bästa kontrollpunkten**. Var ändras beslutsgränsen? Hur många
#   valideringspunkter byter klass, och minskar valideringsförlusten?
# - Läs in epok 10 och sedan epok 300 igen. Vilket är sämst, det tidiga eller det sena nätverket,
#   och på vilket sätt?

# %%
browser = CheckpointBrowser(checkpoint, history, data, model)
browser

# %% [markdown] tags=["en"]
# After "restore", `browser.model` is the network from `best.npz`. The same in one line of code,
# without the widget:

# %% [markdown] tags=["sv"]
# Efter ”återställ” är `browser.model` nätverket från `best.npz`. Samma sak på en rad kod, utan
# widgeten:

# %%
best_model = nnlib.load(checkpoint.best_path)
print(evaluate(best_model, data.X_val, data.y_val))
print(evaluate(model, data.X_val, data.y_val))

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 7 minutes. Before pressing the button, ask the room to predict what
# will change: expect "the boundary gets smoother and the loss falls". Press it: the validation
# loss drops from about 0.35 to about 0.20, while the *accuracy* changes by only one point or
# so. That is worth a sentence: the late network is mainly over-confident, and cross-entropy
# punishes confident mistakes hard. Show the files in the file browser on the left of
# JupyterLab (`checkpoints/11_overfitting/`) so that students see they are ordinary files.
# Misconception: "a checkpoint is only for crashes"; here it is how we get the best model back.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 7 minuter. Be salen förutsäga vad som ändras innan du trycker
# på knappen: räkna med ”beslutsgränsen blir jämnare och förlusten minskar”. Tryck:
# valideringsförlusten sjunker från ungefär 0,35 till ungefär 0,20, medan *träffsäkerheten*
# ändras med bara en procentenhet eller så. Det är värt en mening: det sena nätverket är främst
# för självsäkert, och korsentropin straffar självsäkra misstag hårt. Visa filerna i
# filbläddraren till vänster i JupyterLab (`checkpoints/11_overfitting/`) så att studenterna ser
# att det är vanliga filer. Missförstånd: ”en kontrollpunkt är bara till för krascher”; här är
# det så vi får tillbaka den bästa modellen.

# %% [markdown] tags=["en"]
# **Check yourself.** A training run of 100 epochs saves `Checkpoint(folder, every=10)`. The
# validation loss is lowest after epoch 37. Which files are in the folder afterwards, and which
# one holds the weights of epoch 37? What would you lose if the computer crashed during epoch 95?
#
# <details><summary>Answer</summary>
#
# `epoch_0010.npz`, `epoch_0020.npz`, …, `epoch_0100.npz` (ten files) and `best.npz`, which holds
# the weights of epoch 37: it is written whenever the validation loss reaches a new lowest value,
# whatever `every` is. A crash during epoch 95 loses only epochs 91–95; training can go on from
# `epoch_0090.npz`, and the best network so far is safe in `best.npz`.
#
# </details>

# %% [markdown] tags=["sv"]
# **Testa dig själv.** En träning på 100 epoker sparar med `Checkpoint(folder, every=10)`.
# Valideringsförlusten är lägst efter epok 37. Vilka filer finns i mappen efteråt, och vilken av
# dem innehåller vikterna från epok 37? Vad skulle du förlora om datorn kraschade under epok 95?
#
# <details><summary>Svar</summary>
#
# `epoch_0010.npz`, `epoch_0020.npz`, …, `epoch_0100.npz` (tio filer) och `best.npz`, som
# innehåller vikterna från epok 37: den skrivs varje gång valideringsförlusten når ett nytt
# lägsta värde, vad `every` än är. En krasch under epok 95 kostar bara epok 91–95; träningen kan
# fortsätta från `epoch_0090.npz`, och det hittills bästa nätverket är säkert i `best.npz`.
#
# </details>

# %% [markdown] tags=["en", "slide"]
# ## 6 A network of lagom size
#
# Another study note says it in Swedish: if the network is too large, it takes long to train and
# *one must watch out for overfitting*; if it is too small, it cannot solve complex problems;
# *lagom är bäst*, just right is best. And: apart from the input and output sizes, we do not
# know the right architecture in advance; *we have to try our way to a good solution*, and
# *there is no guarantee that the network will learn*.
#
# "Trying our way" has a precise form: train several sizes on the training data and choose the
# one with the **lowest validation loss**. The plot uses the eight runs from §2: the training
# and validation loss after the last epoch, and each run's lowest validation loss (the green
# triangles: what early stopping would have kept).

# %% [markdown] tags=["sv", "slide"]
# ## 6 Ett nätverk av lagom storlek
#
# En annan studieanteckning säger: är nätverket för stort tar det lång tid att träna, och *man får
# vara försiktig med överanpassning*; är det för litet kan det inte lösa komplexa problem; *lagom
# är bäst*. Och: förutom storleken på indata- och utdatalagret vet vi inte i förväg vilken
# arkitektur som är rätt; *man får testa sig fram till en bra lösning*, och *det finns inga
# garantier för att nätverket kommer att lära sig*.
#
# ”Testa sig fram” har en precis form: träna flera storlekar på träningsdata och välj den med
# **lägst valideringsförlust**. Figuren använder de åtta körningarna från §2: tränings- och
# valideringsförlusten efter sista epoken och varje körnings lägsta valideringsförlust (de gröna
# trianglarna: det som tidigt stopp hade behållit).

# %%
fig, ax = plt.subplots(figsize=(8, 4.6))
plot_size_sweep(ax, runs)
ax.set_title(t("overfitting.sweep_title"))
plt.show()
lagom_size(runs), lagom_size(runs, at="best")

# %% [markdown] tags=["en"]
# What the plot shows, honestly:
#
# - The **training loss** only says "bigger is better": it can never choose a size. The
#   **validation loss** after 300 epochs is high for $h = 1, 2$ (underfitting), lowest at
#   $h = 4$, and high again for the largest networks (overfitting): the *lagom* size for this
#   data and this training is $h = 4$.
# - The curve is bumpy. These are single runs: another starting seed would move each point a
#   little, and the differences between, say, $h = 8$ and $h = 32$ are within that noise. A
#   careful choice averages several starts or prefers the smaller of two networks that score
#   alike.
# - The green triangles correct the study note a little. "Too large networks overfit" is true
#   *for a fixed, long training*; stopped at their best epoch, the large networks are about as
#   good as the lagom one. Size and training length work together, which is why modern practice
#   often uses a generous network with early stopping and a penalty (next section), and chooses
#   all three by validation.

# %% [markdown] tags=["sv"]
# Det här visar figuren, ärligt sagt:
#
# - **Träningsförlusten** säger bara ”större är bättre”: den kan aldrig välja en storlek.
#   **Valideringsförlusten** efter 300 epoker är hög för $h = 1, 2$ (underanpassning), lägst för
#   $h = 4$ och hög igen för de största nätverken (överanpassning): den *lagom* storleken för de
#   här data och den här träningen är $h = 4$.
# - Kurvan är knagglig. Det här är enstaka körningar: ett annat startfrö skulle flytta varje punkt
#   lite, och skillnaderna mellan till exempel $h = 8$ och $h = 32$ ryms inom det bruset. Ett
#   omsorgsfullt val tar medelvärdet över flera starter eller föredrar det mindre av två nätverk
#   som får ungefär samma resultat.
# - De gröna trianglarna rättar studieanteckningen en aning. ”För stora nätverk överanpassar”
#   stämmer *för en fast, lång träning*; stoppade vid sin bästa epok är de stora nätverken ungefär
#   lika bra som det lagom stora. Storlek och träningslängd samverkar, och därför använder man i
#   dag ofta ett tilltaget nätverk med tidigt stopp och ett straff (nästa avsnitt) och väljer alla
#   tre med valideringsdata.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 5 minutes. Ask first: "Which size would you choose from the
# training loss alone?" (the largest, always), then "from the validation loss?" (h = 4 here).
# Link back to chapter 03, where the seed said "lagom" without a way to measure it; this is the
# way. Exercise 11, question 4 asks the same choice from a table of other runs; do not do it for
# them. If time allows, rerun `size_sweep` with `seed=1` to show how much single points move.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 5 minuter. Fråga först: ”Vilken storlek skulle du välja utifrån
# bara träningsförlusten?” (den största, alltid), sedan ”utifrån valideringsförlusten?” (här h =
# 4). Knyt an till kapitel 03, där studieanteckningen sa ”lagom” utan ett sätt att mäta det; det
# här är sättet. Övning 11, fråga 4 ber om samma val utifrån en tabell med andra körningar; gör
# det inte åt dem. Om tiden räcker: kör `size_sweep` igen med `seed=1` för att visa hur mycket
# enskilda punkter flyttar sig.

# %% [markdown] tags=["en", "slide"]
# ## 7 Regularisation: an L2 penalty
#
# Early stopping and a smaller network limit *how far* training can go. **Regularisation** is the
# name for everything else that pushes a network towards simpler functions. The oldest form adds a
# penalty on large weights to the cost $C$ (chapter 06 met it as a second path in a graph):
#
# $$C_{\text{L2}} = C + \frac{\lambda}{2}\sum_{w} w^2, \qquad
# \frac{\partial C_{\text{L2}}}{\partial w} = \frac{\partial C}{\partial w} + \lambda w .$$
#
# The sum runs over the weights, not the biases. Why does it help? A sharp, wiggly boundary
# around single points needs large weights (steep tanh units); with the penalty, large weights
# cost something and are only kept where they lower the data loss by more than they cost. In
# gradient descent the extra term pulls every weight a little towards zero at every step,
# $w \leftarrow w - \eta\,(\partial C/\partial w + \lambda w)$, which is why L2 is also called
# **weight decay**. $\lambda$ is a new hyperparameter: $\lambda = 0$ is no penalty, a very large
# $\lambda$ forces all weights to 0 and underfits.
#
# `WithL2(optimizer, l2)` from the course adds $\lambda W$ to the gradient of every weight matrix
# before the optimiser's step; its whole `step` is three lines:
#
# ```python
# for name, param, grad in model.parameters():
#     if name.endswith(".W"):
#         grad += self.l2 * param
# ```
#
# **Measured, not assumed.** We train the $h = 128$ network for the full 300 epochs with
# $\lambda = 0$, $0.001$ and $0.01$, each from **three** different starting weights, so that we
# can see whether a difference is larger than the spread between runs (a few seconds; to save
# time, the validation loss of these runs is measured every 10 epochs).

# %% [markdown] tags=["sv", "slide"]
# ## 7 Regularisering: ett L2-straff
#
# Tidigt stopp och ett mindre nätverk begränsar *hur långt* träningen kan gå.
# **Regularisering** är namnet på allt annat som drar ett nätverk mot enklare funktioner. Den
# äldsta formen lägger till ett straff för stora vikter i kostnaden $C$ (kapitel 06 mötte det
# som en andra väg i en graf):
#
# $$C_{\text{L2}} = C + \frac{\lambda}{2}\sum_{w} w^2, \qquad
# \frac{\partial C_{\text{L2}}}{\partial w} = \frac{\partial C}{\partial w} + \lambda w .$$
#
# Summan går över vikterna, inte över biasvärdena. Varför hjälper det? En skarp, slingrig
# beslutsgräns runt enstaka punkter kräver stora vikter (branta tanh-neuroner); med straffet
# kostar stora vikter något och behålls bara där de sänker förlusten på data mer än de kostar. I
# gradientnedstigningen drar den extra termen varje vikt en aning mot noll i varje steg,
# $w \leftarrow w - \eta\,(\partial C/\partial w + \lambda w)$, och därför kallas L2 också
# **viktavklingning (weight decay)**. $\lambda$ är en ny hyperparameter: $\lambda = 0$ är inget
# straff, ett mycket stort $\lambda$ tvingar alla vikter mot 0 och underanpassar.
#
# Kursens `WithL2(optimizer, l2)` lägger till $\lambda W$ i gradienten för varje viktmatris före
# optimerarens steg; hela dess `step` är tre rader:
#
# ```python
# for name, param, grad in model.parameters():
#     if name.endswith(".W"):
#         grad += self.l2 * param
# ```
#
# **Mätt, inte antaget.** Vi tränar nätverket med $h = 128$ i alla 300 epoker med
# $\lambda = 0$; $0{,}001$ och $0{,}01$, var och en från **tre** olika startvikter, så att vi ser om
# en skillnad är större än spridningen mellan körningar (några sekunder; för att spara tid mäts
# valideringsförlusten i de här körningarna var 10:e epok).

# %%
study = l2_study(data, [0.0, 0.001, 0.01], seeds=(0, 1, 2), hidden=128, epochs=300)
table = l2_table(study)

# %% tags=["en"]
print("λ        train loss   val loss (min–max)      val accuracy")
for l2, train, val, val_min, val_max, acc in table:
    print(f"{l2:<8} {train:10.3f}   {val:.3f} ({val_min:.3f}–{val_max:.3f})   {acc:10.3f}")

# %% tags=["sv"]
print("λ        träningsförl. valideringsförl. (min–max) träffsäkerhet")
for l2, train, val, val_min, val_max, acc in table:
    print(f"{l2:<8} {train:10.3f}   {val:.3f} ({val_min:.3f}–{val_max:.3f})   {acc:10.3f}")

# %%
fig, (ax_curves, ax_plain, ax_l2) = plt.subplots(1, 3, figsize=(16, 4.4))
plot_l2(ax_curves, study)
boundary_plot(ax_plain, study[0.0][0].model(), data, t("overfitting.without_l2"))
boundary_plot(ax_l2, study[0.001][0].model(), data, t("overfitting.with_l2", l2=fmt(0.001)))
fig.tight_layout()
plt.show()

# %% [markdown] tags=["en"]
# The honest reading of the numbers:
#
# - With $\lambda = 0.001$ the validation loss after 300 epochs falls from about $0.35$ to about
#   $0.21$ in all three starts (the shaded bands do not overlap): the penalty keeps the large
#   network from overfitting even without early stopping, and its boundary (right) is smooth.
# - The training loss *rises* (from about $0.06$ to about $0.16$): L2 deliberately fits the
#   training data less closely.
# - The **accuracy** improves by only about one percentage point. Most of the gain is in the
#   loss: the penalised network is less over-confident.
# - With $\lambda = 0.01$ the penalty is too strong: the network underfits (high training *and*
#   validation loss, lower accuracy). $\lambda$ is chosen like every other hyperparameter, by
#   validation.
#
# And compared with early stopping alone? The best epoch of the unpenalised network had a
# validation loss of $0.203$, slightly *lower* than the $0.21$ with L2. On this problem the two
# cures reach about the same place, and early stopping is cheaper; L2 gets there without having
# to stop at the right moment, and the two can be combined.

# %% [markdown] tags=["sv"]
# Så här ska talen läsas, ärligt:
#
# - Med $\lambda = 0{,}001$ sjunker valideringsförlusten efter 300 epoker från ungefär $0{,}35$
#   till ungefär $0{,}21$ i alla tre starterna (de skuggade banden överlappar inte): straffet
#   hindrar det stora nätverket från att överanpassa även utan tidigt stopp, och dess
#   beslutsgräns (till höger) är jämn.
# - Träningsförlusten *ökar* (från ungefär $0{,}06$ till ungefär $0{,}16$): L2 passar med avsikt
#   träningsdata mindre exakt.
# - **Träffsäkerheten** blir bara ungefär en procentenhet bättre. Det mesta av vinsten syns i
#   förlusten: nätverket med straff är mindre självsäkert.
# - Med $\lambda = 0{,}01$ är straffet för starkt: nätverket underanpassar (hög tränings- *och*
#   valideringsförlust, lägre träffsäkerhet). $\lambda$ väljs som varje annan hyperparameter, med
#   valideringsdata.
#
# Och jämfört med bara tidigt stopp? Den bästa epoken för nätverket utan straff hade
# valideringsförlusten $0{,}203$, en aning *lägre* än $0{,}21$ med L2. På det här problemet når
# de två botemedlen ungefär samma ställe, och tidigt stopp är billigare; L2 kommer dit utan att
# behöva stoppa i rätt ögonblick, och de två går att kombinera.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 5 minutes. The point is the method as much as the result: one run
# per setting would not have told us whether 0.35 → 0.21 is real, three starts and their spread
# do. Ask: "Why does the training loss go *up* with L2, and why is that fine?" (we traded fit to
# the training data for simpler functions; only the validation loss judges). Mention the other
# classic regulariser, more data: with 600 instead of 60 training points the same large network
# barely overfits (the "Going further" section lets them try it, and explains data augmentation).

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 5 minuter. Poängen är metoden lika mycket som resultatet: en
# körning per inställning hade inte sagt oss om 0,35 → 0,21 är verkligt, tre starter och deras
# spridning gör det. Fråga: ”Varför *ökar* träningsförlusten med L2, och varför gör det inget?”
# (vi bytte passform mot träningsdata mot enklare funktioner; bara valideringsförlusten dömer).
# Nämn den andra klassiska regulariseringen, mer data: med 600 i stället för 60 träningspunkter
# överanpassar samma stora nätverk knappt (avsnittet ”Fördjupning” låter dem pröva det och
# förklarar dataaugmentering).

# %% [markdown] tags=["en"]
# **Check yourself.** (a) A weight is $w = 2$, its data gradient $\partial C/\partial w = 0$,
# $\eta = 0.1$ and $\lambda = 0.01$. What is $w$ after one plain gradient descent step with L2?
# After 100 such steps? (b) Why is the bias usually left out of the penalty?
#
# <details><summary>Answer</summary>
#
# (a) $w \leftarrow w - \eta\lambda w = (1 - 0.001)\,w = 1.998$. After 100 steps
# $2 \cdot 0.999^{100} \approx 1.81$: without a data gradient to hold it up, a weight decays
# geometrically towards 0, hence "weight decay". (b) A bias only shifts where a unit switches
# on; it does not make the function steeper or more wiggly, so penalising it restricts the
# network without making it simpler.
#
# </details>

# %% [markdown] tags=["sv"]
# **Testa dig själv.** (a) En vikt är $w = 2$, dess gradient från data är
# $\partial C/\partial w = 0$, $\eta = 0{,}1$ och $\lambda = 0{,}01$. Vad är $w$ efter ett steg
# vanlig gradientnedstigning med L2? Efter 100 sådana steg? (b) Varför brukar biasvärdena
# lämnas utanför straffet?
#
# <details><summary>Svar</summary>
#
# (a) $w \leftarrow w - \eta\lambda w = (1 - 0{,}001)\,w = 1{,}998$. Efter 100 steg
# $2 \cdot 0{,}999^{100} \approx 1{,}81$: utan en gradient från data som håller emot avtar en vikt
# geometriskt mot 0, därav ”viktavklingning”. (b) En bias flyttar bara var en neuron slår om;
# den gör inte funktionen brantare eller mer slingrig, så att straffa den begränsar nätverket
# utan att göra det enklare.
#
# </details>

# %% [markdown] tags=["en", "slide"]
# ## 8 The test set, once
#
# Every choice is made. By validation loss, the candidates are the lagom network ($h = 4$ after
# 300 epochs), the large network at its best checkpoint, and the large network with L2. We choose
# the one with the lowest validation loss, and only now, once, measure it on the 200 test points.

# %% [markdown] tags=["sv", "slide"]
# ## 8 Testdata, en gång
#
# Alla val är gjorda. Efter valideringsförlust är kandidaterna det lagom stora nätverket
# ($h = 4$ efter 300 epoker), det stora nätverket vid sin bästa kontrollpunkt och det stora
# nätverket med L2. Vi väljer det med lägst valideringsförlust och mäter det först nu, en gång,
# på de 200 testpunkterna.

# %%
candidates = {
    "lagom": runs[lagom_size(runs)].model(),
    "best.npz": best_model,
    "L2": study[0.001][0].model(),
}
validation = {name: evaluate(net, data.X_val, data.y_val)[0] for name, net in candidates.items()}
chosen = min(validation, key=validation.get)
test_loss, test_accuracy, _ = evaluate(candidates[chosen], data.X_test, data.y_test)

# %% tags=["en"]
print("validation loss per candidate:", {name: round(value, 3) for name, value in validation.items()})
print(f"chosen: {chosen}; test loss {test_loss:.3f}, test accuracy {test_accuracy:.3f}")

# %% tags=["sv"]
print("valideringsförlust per kandidat:", {name: round(value, 3) for name, value in validation.items()})
print(f"valt: {chosen}; testförlust {test_loss:.3f}, träffsäkerhet på testdata {test_accuracy:.3f}")

# %% [markdown] tags=["en"]
# This is the number to report for the finished network. It is close to the validation numbers,
# as it should be when nothing leaked; a test number far below the validation number would mean
# that our choices had fitted the validation set. From here on the test set is spent: if we
# changed the network now because of it, we would need new test data to report honestly.

# %% [markdown] tags=["sv"]
# Det här är talet att redovisa för det färdiga nätverket. Det ligger nära valideringstalen,
# som det ska när ingenting har läckt; ett testresultat långt under valideringsresultatet skulle
# betyda att våra val hade anpassat sig till valideringsdata. Från och med nu är testdata
# förbrukade: om vi ändrade nätverket nu på grund av dem skulle vi behöva nya testdata för att
# kunna redovisa ärligt.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 2 minutes with the summary. Stress the ritual: all choices first,
# then one test evaluation, then stop. The candidate names in the code are dictionary keys
# ("lagom", "best.npz", "L2"), the same in both languages. Point to chapter 12, where the students run
# the whole ritual on the digits, and to exercise 11, which has them write the split, the
# early-stopping rule and a checkpoint's save and load.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 2 minuter med sammanfattningen. Betona ritualen: alla val
# först, sedan en enda utvärdering på testdata, sedan slut. Kandidaternas namn i koden är nycklar
# i en dict (”lagom”, ”best.npz”, ”L2”), desamma på båda språken. Peka fram mot kapitel 12, där
# studenterna kör hela ritualen på siffrorna, och mot övning 11, där de skriver uppdelningen,
# regeln för tidigt stopp och sparandet och inläsningen av en kontrollpunkt.

# %% [markdown] tags=["en", "slide"]
# ## Summary
#
# - **Generalisation** is doing well on new data from the same source; the training loss does
#   not measure it, a **validation set** does.
# - **Overfitting**: training loss falls, validation loss rises; the network has learned the
#   noise of its training data (too large, or trained too long). **Underfitting**: both stay
#   high (too small, or trained too briefly).
# - **Three sets**: training data fit the weights, validation data steer every choice, test data
#   give one honest number at the very end and steer nothing. Split at random, with a fixed seed.
# - **Early stopping** (`nnlib.EarlyStopping(patience)`) stops when the validation loss has not
#   improved for more than `patience` epochs and restores the best weights.
# - **Checkpoints** (`nnlib.Checkpoint(folder, every)`) back up the weights to files in your
#   working folder every few epochs, and the best ones to `best.npz`; `nnlib.load` brings them
#   back.
# - **Lagom**: choose the size by validation loss, and expect noise; size and training length
#   work together.
# - **L2** adds $\frac{\lambda}{2}\sum w^2$ to the cost and $\lambda w$ to each weight's
#   gradient; choose $\lambda$ by validation and measure its effect over several starts.
#
# **Next.** In [exercise 11](../../exercises/en/11_overfitting.ipynb) you write a reproducible
# split, the early-stopping rule, a checkpoint's save and load, and choose a network size. In
# chapter 12 you put the whole course together on the handwritten digits.

# %% [markdown] tags=["sv", "slide"]
# ## Sammanfattning
#
# - **Generalisering** är att klara sig bra på nya data från samma källa; träningsförlusten mäter
#   det inte, det gör **valideringsdata**.
# - **Överanpassning**: träningsförlusten minskar, valideringsförlusten ökar; nätverket har lärt
#   sig bruset i sina träningsdata (för stort, eller tränat för länge). **Underanpassning**: båda
#   förblir höga (för litet, eller tränat för kort).
# - **Tre mängder**: träningsdata anpassar vikterna, valideringsdata styr varje val, testdata ger
#   ett ärligt tal allra sist och styr ingenting. Dela upp slumpmässigt, med ett fast slumpfrö.
# - **Tidigt stopp** (`nnlib.EarlyStopping(patience)`) stoppar när valideringsförlusten inte har
#   förbättrats på fler än `patience` epoker och återställer de bästa vikterna.
# - **Kontrollpunkter** (`nnlib.Checkpoint(folder, every)`) säkerhetskopierar vikterna till filer
#   i din arbetskatalog med några epokers mellanrum, och de bästa till `best.npz`; `nnlib.load`
#   hämtar tillbaka dem.
# - **Lagom**: välj storleken efter valideringsförlusten och räkna med brus; storlek och
#   träningslängd samverkar.
# - **L2** lägger till $\frac{\lambda}{2}\sum w^2$ i kostnaden och $\lambda w$ i varje vikts
#   gradient; välj $\lambda$ med valideringsdata och mät effekten över flera starter.
#
# **Nästa steg.** I [övning 11](../../exercises/sv/11_overfitting.ipynb) skriver du en
# reproducerbar uppdelning, regeln för tidigt stopp, sparande och inläsning av en kontrollpunkt,
# och väljer en storlek på ett nätverk. I kapitel 12 sätter du ihop hela kursen på de
# handskrivna siffrorna.

# %% [markdown] tags=["en"]
# ## Going further (optional): more data, and data augmentation
#
# The surest cure for overfitting is more training data: noise averages out when there are many
# examples of each kind. Try it: `moons_data(n_train=600)` and the $h = 128$ network, 300 epochs,
# and compare its validation curve with the one from §2. When more data cannot be collected, it
# can sometimes be *made*: **data augmentation** adds changed copies of the training examples
# that should keep their label, for example images shifted by one pixel, slightly rotated or
# with a little noise. The network then cannot memorise the exact pixels of each example. The
# change must keep the label: a 6 turned upside down is a 9. Augmentation is used for the
# training data only; validation and test data stay as they are, so they keep measuring the real
# task.

# %% [markdown] tags=["sv"]
# ## Fördjupning (frivillig): mer data, och dataaugmentering
#
# Det säkraste botemedlet mot överanpassning är mer träningsdata: bruset jämnas ut när det finns
# många exempel av varje slag. Pröva: `moons_data(n_train=600)` och nätverket med $h = 128$, 300
# epoker, och jämför dess valideringskurva med den i §2. När det inte går att samla in mer data
# går det ibland att *tillverka* dem: **dataaugmentering** lägger till ändrade kopior av
# träningsexemplen som ska behålla sin etikett, till exempel bilder som har flyttats en pixel,
# vridits en aning eller fått lite brus. Då kan nätverket inte lära sig de exakta pixlarna i varje
# exempel utantill. Ändringen måste bevara etiketten: en 6:a som vänds upp och ned är en 9:a.
# Augmentering används bara på träningsdata; valideringsdata och testdata lämnas som de är, så att
# de fortsätter att mäta den verkliga uppgiften.
