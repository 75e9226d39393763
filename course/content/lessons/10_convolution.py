# %% [markdown] tags=["en", "slide"]
# # 10 Convolutional layers
#
# Every network so far has been built from fully connected layers: each neuron looks at *all* of
# its inputs, and the order of the inputs means nothing to it. For an image that throws away the
# most useful thing we know: which pixels are **neighbours**. A stroke of a pen is a few dark
# pixels next to each other, and it means the same wherever on the page it is.
#
# A **convolutional layer** uses exactly that. It slides a small grid of weights, a **filter**
# (also called a **kernel**), over the image, and at every position computes one number that
# says how well the image matches the filter there. The result is a new image, a **feature
# map**. The same few weights are used at every position. Networks built from such layers,
# convolutional neural networks (CNNs), are what classifies images in practice.
#
# After this chapter you can
#
# - compute a feature map by hand: multiply the filter element-wise with a window, sum to one
#   value, shift one step and repeat;
# - say what the course (and every deep-learning library) calls a convolution, and how it
#   differs from the convolution of mathematics;
# - compute the output size from the image size, kernel size, padding and stride;
# - read what edge, blur and sharpen filters do to a real digit, and design a filter of your own;
# - count the parameters of a convolutional layer with several channels and compare them with a
#   fully connected layer;
# - explain max pooling, and train a small CNN on handwritten digits with `nnlib`, whose filters
#   the network learns by itself.

# %% [markdown] tags=["sv", "slide"]
# # 10 Faltningslager
#
# Alla nätverk hittills har byggts av fullt kopplade lager: varje neuron tittar på *alla* sina
# indatavärden, och i vilken ordning de kommer spelar ingen roll för den. För en bild kastar det
# bort det mest användbara vi vet: vilka pixlar som är **grannar**. Ett pennstreck är några mörka
# pixlar intill varandra, och det betyder samma sak var på sidan det än står.
#
# Ett **faltningslager** utnyttjar just det. Det låter ett litet rutnät av vikter, ett
# **filter** (även kallat en **kärna**), glida över bilden och räknar på varje position ut ett tal
# som säger hur väl bilden stämmer med filtret just där. Resultatet är en ny bild, en **feature
# map**. Samma fåtal vikter används på varje position. Nätverk byggda av sådana lager,
# faltningsnätverk (convolutional neural networks, CNN), är det som klassificerar bilder i
# praktiken.
#
# Efter det här kapitlet kan du
#
# - räkna ut en feature map för hand: multiplicera filtret element för element med ett fönster,
#   summera till ett enda värde, flytta ett steg och upprepa;
# - säga vad kursen (och varje bibliotek för djupinlärning) kallar faltning, och hur den skiljer
#   sig från matematikens faltning;
# - räkna ut utdatastorleken från bildens storlek, kärnans storlek, padding och stride;
# - läsa av vad filter för kanter, oskärpa och skärpa gör med en riktig siffra, och konstruera
#   ett eget filter;
# - räkna parametrarna i ett faltningslager med flera kanaler och jämföra dem med ett fullt
#   kopplat lager;
# - förklara maxpooling och träna ett litet faltningsnätverk på handskrivna siffror med `nnlib`,
#   ett nätverk som själv lär sig sina filter.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** Timing for 45 minutes: §1 3 min, §2 with the stepper 10 min, §3 4 min, §4
# 6 min, §5 with the kernel widget 7 min, §6 5 min, §7 3 min, §8–§10 with the training 6 min,
# summary 1 min. "Going further" is reading. The message: one small set of weights, slid over the
# whole image (multiply, sum, shift), and the network finds those weights itself. Keep the 6×6
# example of §2 on the board; §3, §4 and §7 come back to it. Run the notebook once before the
# lecture: the training cell of §9 takes a few seconds.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Tidsplan för 45 minuter: §1 3 min, §2 med stegwidgeten 10 min, §3 4
# min, §4 6 min, §5 med kärnwidgeten 7 min, §6 5 min, §7 3 min, §8–§10 med träningen 6 min,
# sammanfattningen 1 min. ”Fördjupning” är läsning. Budskapet: en liten uppsättning vikter som
# glider över hela bilden (multiplicera, summera, flytta), och nätverket hittar själv de vikterna.
# Låt 6×6-exemplet från §2 stå kvar på tavlan; §3, §4 och §7 återkommer till det. Kör igenom
# notebooken en gång före föreläsningen: träningscellen i §9 tar några sekunder.

# %%
from course import set_language
set_language("en")

import time

import matplotlib.pyplot as plt
import numpy as np

import nnlib
from course import t
from course.widgets.convolution import (
    EXAMPLE_IMAGE,
    EXAMPLE_KERNEL,
    ConvolutionStepper,
    KernelExplorer,
    feature_map,
    flip,
    plot_digits,
    plot_example,
    plot_feature_maps,
    plot_filtered_digits,
    plot_filters,
    plot_pooling,
    preset_kernel,
)

X_images, y_digits = nnlib.datasets.load_digits(as_images=True)

# %% [markdown] tags=["en", "slide"]
# ## 1 Why a new kind of layer?
#
# The digits of this chapter (and of chapter 12) are $8 \times 8$ images: 64 pixels, each a
# number from 0 (no ink) to 16 (all ink). A fully connected layer reads them as a vector of 64
# numbers. Below is a 3, and the same 3 moved one pixel to the right. To us they are the same
# digit. To a fully connected layer they are two different vectors: the cell prints how many of
# the 64 inputs change. Every neuron of the layer has to learn the 3 again at every position it
# may appear in.
#
# Two ideas fix that, and together they are the convolutional layer:
#
# - **local**: a neuron looks only at a small window of neighbouring pixels, say $3 \times 3$;
# - **shared**: the *same* weights are used for every window, so a pattern learned in one place
#   is recognised everywhere.

# %% [markdown] tags=["sv", "slide"]
# ## 1 Varför en ny sorts lager?
#
# Siffrorna i det här kapitlet (och i kapitel 12) är bilder med $8 \times 8$ pixlar: 64 pixlar,
# var och en ett tal från 0 (inget bläck) till 16 (bara bläck). Ett fullt kopplat lager läser dem
# som en vektor med 64 tal. Nedan finns en trea och samma trea flyttad en pixel åt höger. För oss
# är de samma siffra. För ett fullt kopplat lager är de två olika vektorer: cellen skriver ut hur
# många av de 64 indatavärdena som ändras. Varje neuron i lagret måste lära sig trean på nytt för
# varje position där den kan dyka upp.
#
# Två idéer löser det, och tillsammans är de faltningslagret:
#
# - **lokalt**: en neuron tittar bara på ett litet fönster av grannpixlar, till exempel
#   $3 \times 3$;
# - **delat**: *samma* vikter används för varje fönster, så ett mönster som lärts in på ett ställe
#   känns igen överallt.

# %% tags=["en"]
digit = X_images[3, 0]
shifted = np.roll(digit, 1, axis=1)
print("the digit is a", y_digits[3])
print("inputs that change when it moves one pixel to the right:", np.sum(digit != shifted), "of 64")

plot_digits([digit, shifted])
plt.show()

# %% tags=["sv"]
digit = X_images[3, 0]
shifted = np.roll(digit, 1, axis=1)
print("siffran är en", y_digits[3])
print("indatavärden som ändras när den flyttas en pixel åt höger:", np.sum(digit != shifted), "av 64")

plot_digits([digit, shifted])
plt.show()

# %% [markdown] tags=["en", "slide"]
# ## 2 One filter, computed by hand
#
# Here is the whole recipe, in the words of the course's study notes:
#
# 1. Take a filter, for example a $3 \times 3$ matrix $K$.
# 2. Lay it on a $3 \times 3$ **window** of the image $X$, multiply each filter weight with the
#    pixel under it, and **sum** the nine products to **one** new value.
# 3. Shift the filter one step to the right and repeat.
#
# One thing the notes leave out: at the end of a row the filter goes back to the left edge and
# **one step down**, until it has visited every position where it fits. The values, each written
# at the position of its window, form the **feature map** $Y$. With indices from 0, as in numpy,
#
# $$Y_{i,j} = \sum_{u=0}^{2} \sum_{v=0}^{2} K_{u,v}\, X_{i+u,\, j+v}.$$
#
# Our example: a $6 \times 6$ image with a short, thick bar of ink in it, and a kernel whose top
# row is positive and whose bottom row is negative. The kernel will respond to *horizontal
# edges*, where the image changes from top to bottom.

# %% [markdown] tags=["sv", "slide"]
# ## 2 Ett filter, uträknat för hand
#
# Här är hela receptet, med orden från kursens studieanteckningar:
#
# 1. Ta ett filter, till exempel en $3 \times 3$-matris $K$.
# 2. Lägg det på ett $3 \times 3$-**fönster** i bilden $X$, multiplicera varje vikt i filtret med
#    pixeln under den och **summera** de nio produkterna till **ett** nytt värde.
# 3. Flytta filtret ett steg åt höger och upprepa.
#
# En sak säger anteckningarna inte: i slutet av en rad går filtret tillbaka till vänsterkanten och
# **ett steg ned**, tills det har besökt varje position där det får plats. Värdena, vart och ett
# skrivet på sitt fönsters position, bildar en **feature map** $Y$. Med index från 0, som i numpy,
# är
#
# $$Y_{i,j} = \sum_{u=0}^{2} \sum_{v=0}^{2} K_{u,v}\, X_{i+u,\, j+v}.$$
#
# Vårt exempel: en bild med $6 \times 6$ pixlar och ett kort, tjockt streck av bläck i den, och en
# kärna vars översta rad är positiv och vars nedersta rad är negativ. Kärnan kommer att reagera på
# *vågräta kanter*, där bilden ändras uppifrån och ned.

# %%
plot_example()
plt.show()

# %% [markdown] tags=["en"]
# **The first value, $Y_{0,0}$.** The window is rows 0–2 and columns 0–2 of the image. Only its
# bottom row holds ink, $(0, 1, 2)$, and it lies under the kernel's bottom row $(-1, -2, -1)$:
#
# $$Y_{0,0} = \underbrace{1 \cdot 0 + 2 \cdot 0 + 1 \cdot 0}_{\text{top row}}
#   + \underbrace{0 \cdot 0 + 0 \cdot 0 + 0 \cdot 0}_{\text{middle row}}
#   + \underbrace{(-1) \cdot 0 + (-2) \cdot 1 + (-1) \cdot 2}_{\text{bottom row}} = -4.$$
#
# **Shift one step to the right**, $Y_{0,1}$: the window is now columns 1–3, its bottom row is
# $(1, 2, 2)$, and $Y_{0,1} = (-1) \cdot 1 + (-2) \cdot 2 + (-1) \cdot 2 = -7$.
#
# The same two values in numpy: a window is a slice, and "multiply element-wise and sum" is `*`
# followed by `np.sum`.

# %% [markdown] tags=["sv"]
# **Det första värdet, $Y_{0,0}$.** Fönstret är rad 0–2 och kolumn 0–2 i bilden. Bara dess
# nedersta rad innehåller bläck, $(0; 1; 2)$, och den ligger under kärnans nedersta rad
# $(-1; -2; -1)$:
#
# $$Y_{0,0} = \underbrace{1 \cdot 0 + 2 \cdot 0 + 1 \cdot 0}_{\text{översta raden}}
#   + \underbrace{0 \cdot 0 + 0 \cdot 0 + 0 \cdot 0}_{\text{mittersta raden}}
#   + \underbrace{(-1) \cdot 0 + (-2) \cdot 1 + (-1) \cdot 2}_{\text{nedersta raden}} = -4.$$
#
# **Flytta ett steg åt höger**, $Y_{0,1}$: fönstret är nu kolumn 1–3, dess nedersta rad är
# $(1; 2; 2)$, och $Y_{0,1} = (-1) \cdot 1 + (-2) \cdot 2 + (-1) \cdot 2 = -7$.
#
# Samma två värden i numpy: ett fönster är en skiva (slice), och ”multiplicera element för element
# och summera” är `*` följt av `np.sum`.

# %% tags=["en"]
X = EXAMPLE_IMAGE
K = EXAMPLE_KERNEL
print("the window of Y[0, 0]:")
print(X[0:3, 0:3])
print("Y[0, 0] =", np.sum(X[0:3, 0:3] * K))
print("Y[0, 1] =", np.sum(X[0:3, 1:4] * K))

# %% tags=["sv"]
X = EXAMPLE_IMAGE
K = EXAMPLE_KERNEL
print("fönstret för Y[0, 0]:")
print(X[0:3, 0:3])
print("Y[0, 0] =", np.sum(X[0:3, 0:3] * K))
print("Y[0, 1] =", np.sum(X[0:3, 1:4] * K))

# %% [markdown] tags=["en"]
# **Check yourself** before you try the widget below, then check your answers with it.
#
# 1. Compute $Y_{2,1}$ by hand (window rows 2–4, columns 1–3).
# 2. The map has 4 rows. In which rows will it be negative, in which positive, and why?
# 3. What does this kernel make of an image that has the same value everywhere, say 5?
#
# <details><summary>Answer</summary>
#
# 1. The window's top row is $(1, 2, 2)$ under the weights $(1, 2, 1)$, its middle row
#    $(1, 2, 2)$ under zeros, its bottom row zeros: $1 + 4 + 2 = 7$.
# 2. Negative in rows 0–1, positive in rows 2–3. The kernel computes "(weighted sum of the row
#    above) − (weighted sum of the row below)". In rows 0–1 the windows have the bar in their
#    lower part (no ink above, ink below): negative. In rows 2–3 they have it in their upper part
#    (ink above, none below): positive. The map marks the bar's top edge with one sign and its
#    bottom edge with the other.
# 3. $0$ everywhere: each window gives $5 \cdot (1 + 2 + 1 + 0 + 0 + 0 - 1 - 2 - 1) = 5 \cdot 0$.
#    A kernel whose weights sum to 0 does not respond to flat regions, only to changes.
#
# </details>

# %% [markdown] tags=["sv"]
# **Testa dig själv** innan du provar widgeten nedan, och kontrollera sedan dina svar med den.
#
# 1. Räkna ut $Y_{2,1}$ för hand (fönstret rad 2–4, kolumn 1–3).
# 2. Kartan har 4 rader. I vilka rader blir den negativ, i vilka positiv, och varför?
# 3. Vad gör den här kärnan med en bild som har samma värde överallt, till exempel 5?
#
# <details><summary>Svar</summary>
#
# 1. Fönstrets översta rad är $(1; 2; 2)$ under vikterna $(1; 2; 1)$, dess mittersta rad
#    $(1; 2; 2)$ under nollor, dess nedersta rad nollor: $1 + 4 + 2 = 7$.
# 2. Negativ i rad 0–1, positiv i rad 2–3. Kärnan räknar ut ”(viktad summa av raden ovanför) −
#    (viktad summa av raden under)”. I rad 0–1 har fönstren strecket i sin nedre del (inget bläck
#    ovanför, bläck under): negativt. I rad 2–3 har de det i sin övre del (bläck ovanför, inget
#    under): positivt. Kartan markerar streckets övre kant med ett tecken och dess nedre kant med
#    det andra.
# 3. $0$ överallt: varje fönster ger $5 \cdot (1 + 2 + 1 + 0 + 0 + 0 - 1 - 2 - 1) = 5 \cdot 0$.
#    En kärna vars vikter har summan 0 reagerar inte på jämna områden, bara på förändringar.
#
# </details>

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 10 minutes for §2 with the stepper. Compute Y[0, 0] = −4 on the board
# with the room, row by row, then let the room compute Y[0, 1] = −7 before showing it. Ask before
# stepping on: "Where will the map be positive?" (Below the bar's bottom edge: ink above, none
# below.) Misconception from the notes: "shift one step right and repeat" describes only one row;
# the window also moves down, and the map is smaller than the image (4×4 from 6×6) unless the
# image is padded (§4).

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 10 minuter för §2 med stegwidgeten. Räkna ut Y[0, 0] = −4 på
# tavlan tillsammans med salen, rad för rad, och låt sedan salen räkna ut Y[0, 1] = −7 innan du
# visar det. Fråga innan ni stegar vidare: ”Var blir kartan positiv?” (Under strecket: bläck
# ovanför, inget under.) Missförstånd från anteckningarna: ”flytta ett steg åt höger och upprepa”
# beskriver bara en rad; fönstret flyttas också nedåt, och kartan blir mindre än bilden (4×4 av
# 6×6) om bilden inte fylls ut (§4).

# %% [markdown] tags=["en", "subslide"]
# ### Try it: the window, step by step
#
# The widget moves the window over the image one position at a time. Left: the image with the
# window outlined and the kernel's weight written small in each of its cells. Right: the feature
# map, filled cell by cell. The line above the figure writes out the nine products and their sum.
# Use **Next** and **Previous**, or drag the slider.
#
# - Step through the first row and check $-4$ and $-7$.
# - Where is the map negative, and where positive? Where is it $0$, and why?
# - How many windows are there, and why is the map $4 \times 4$ and not $6 \times 6$?
#
# (Leave padding and stride at their first values for now; §4 explains them.)

# %% [markdown] tags=["sv", "subslide"]
# ### Prova själv: fönstret, steg för steg
#
# Widgeten flyttar fönstret över bilden en position i taget. Till vänster: bilden med fönstret
# inramat och kärnans vikt skriven med liten stil i var och en av dess rutor. Till höger: en
# feature map som fylls i ruta för ruta. Raden ovanför figuren skriver ut de nio produkterna och
# deras summa. Använd **Nästa** och **Föregående**, eller dra i reglaget.
#
# - Stega genom den första raden och kontrollera $-4$ och $-7$.
# - Var är kartan negativ, och var är den positiv? Var är den $0$, och varför?
# - Hur många fönster finns det, och varför är kartan $4 \times 4$ och inte $6 \times 6$?
#
# (Låt padding och stride stå kvar på sina första värden tills vidare; §4 förklarar dem.)

# %%
ConvolutionStepper()

# %% [markdown] tags=["en"]
# **The nnlib way.** `nnlib.Conv2D(in_channels, out_channels, kernel_size)` is a whole
# convolutional layer. It works on a batch of images of shape `(N, C, H, W)` (batch, channels,
# rows, columns; §6 explains channels), and its weights `W` have shape `(C_out, C_in, 3, 3)`.
# Below we put our kernel into a layer with one input and one output channel, set its bias to 0,
# and let it compute the whole feature map at once. It agrees with the hand-worked values.

# %% [markdown] tags=["sv"]
# **Med nnlib.** `nnlib.Conv2D(in_channels, out_channels, kernel_size)` är ett helt
# faltningslager. Det arbetar med en batch av bilder med formen `(N, C, H, W)` (batch, kanaler,
# rader, kolumner; §6 förklarar kanaler), och dess vikter `W` har formen `(C_out, C_in, 3, 3)`.
# Nedan lägger vi in vår kärna i ett lager med en indatakanal och en utdatakanal, sätter dess bias
# till 0 och låter det räkna ut hela vår feature map på en gång. Den stämmer med de handräknade
# värdena.

# %%
layer = nnlib.Conv2D(1, 1, 3, rng=0)
layer.params["W"][0, 0] = K
layer.params["b"][:] = 0.0
Y = layer.forward(X.reshape(1, 1, 6, 6))
print(Y.shape)
print(Y[0, 0])

# %% [markdown] tags=["en", "slide"]
# ## 3 Convolution or cross-correlation?
#
# The formula of §2 is what this course, and every deep-learning library (PyTorch, TensorFlow,
# `nnlib`), calls a **convolution**. In mathematics and signal processing, however, a convolution
# first **flips the kernel** half a turn, upside down and left to right, and only then multiplies
# and sums:
#
# $$\underbrace{Y_{i,j} = \sum_{u,v} K_{u,v}\, X_{i+u,\, j+v}}_{\text{the course: cross-correlation}}
# \qquad\qquad
# \underbrace{(X * K)_{i,j} = \sum_{u,v} K_{2-u,\, 2-v}\, X_{i+u,\, j+v}}_{\text{mathematics: convolution}}$$
#
# Strictly, the course's operation is a **cross-correlation**. Deep learning calls it a
# convolution anyway, and nothing is lost: the network *learns* its kernels, so if the flipped
# kernel were better, it would simply learn that one. **In this course, "convolution" always
# means the formula of §2, without the flip.** It matters when you compare with a textbook on
# signal processing, or use a function such as `numpy.convolve`, which does flip.
#
# For our kernel, the flip turns the top row $(1, 2, 1)$ into the bottom row, which is the same
# as changing every sign: the mathematicians' convolution gives exactly $-Y$.

# %% [markdown] tags=["sv", "slide"]
# ## 3 Faltning eller korskorrelation?
#
# Formeln i §2 är det som den här kursen, och varje bibliotek för djupinlärning (PyTorch,
# TensorFlow, `nnlib`), kallar **faltning**. I matematik och signalbehandling **vänder** man
# däremot först **kärnan** ett halvt varv, upp och ned och höger mot vänster, och multiplicerar och
# summerar sedan:
#
# $$\underbrace{Y_{i,j} = \sum_{u,v} K_{u,v}\, X_{i+u,\, j+v}}_{\text{kursen: korskorrelation}}
# \qquad\qquad
# \underbrace{(X * K)_{i,j} = \sum_{u,v} K_{2-u,\, 2-v}\, X_{i+u,\, j+v}}_{\text{matematiken: faltning}}$$
#
# Egentligen är kursens operation en **korskorrelation**. Inom djupinlärning kallas den ändå
# faltning, och ingenting går förlorat: nätverket *lär sig* sina kärnor, så om den vända kärnan
# vore bättre skulle det helt enkelt lära sig den. **I den här kursen betyder ”faltning” alltid
# formeln i §2, utan vändning.** Det spelar roll när du jämför med en lärobok i signalbehandling
# eller använder en funktion som `numpy.convolve`, som vänder kärnan.
#
# För vår kärna flyttar vändningen den översta raden $(1; 2; 1)$ till den nedersta, vilket är
# detsamma som att byta tecken på varje vikt: matematikernas faltning ger precis $-Y$.

# %% tags=["en"]
print("the kernel flipped:")
print(flip(K))
print("the course's convolution (cross-correlation):")
print(feature_map(X, K))
print("the mathematicians' convolution:")
print(feature_map(X, flip(K)))

# %% tags=["sv"]
print("kärnan vänd:")
print(flip(K))
print("kursens faltning (korskorrelation):")
print(feature_map(X, K))
print("matematikernas faltning:")
print(feature_map(X, flip(K)))

# %% [markdown] tags=["en"]
# numpy has both operations for 1-D signals, and they differ by exactly this flip: `np.correlate`
# is the course's convolution, `np.convolve` the mathematicians'.

# %% [markdown] tags=["sv"]
# numpy har båda operationerna för endimensionella signaler, och de skiljer sig precis genom den
# här vändningen: `np.correlate` är kursens faltning, `np.convolve` matematikernas.

# %% tags=["en"]
signal = np.array([0.0, 1.0, 3.0, 2.0, 5.0])
kernel_1d = np.array([1.0, 0.0, -2.0])
print("np.correlate:                  ", np.correlate(signal, kernel_1d, mode="valid"))
print("np.convolve:                   ", np.convolve(signal, kernel_1d, mode="valid"))
print("np.correlate, kernel reversed: ", np.correlate(signal, kernel_1d[::-1], mode="valid"))

# %% tags=["sv"]
signal = np.array([0.0, 1.0, 3.0, 2.0, 5.0])
kernel_1d = np.array([1.0, 0.0, -2.0])
print("np.correlate:                ", np.correlate(signal, kernel_1d, mode="valid"))
print("np.convolve:                 ", np.convolve(signal, kernel_1d, mode="valid"))
print("np.correlate, vänd kärna:    ", np.correlate(signal, kernel_1d[::-1], mode="valid"))

# %% [markdown] tags=["en"]
# **Check yourself.** For which kernels does the flip make no difference at all? Give two
# examples.
#
# <details><summary>Answer</summary>
#
# For kernels that look the same after half a turn: $K_{u,v} = K_{2-u,\,2-v}$. Examples: the blur
# kernel with nine weights $1/9$, the identity kernel (a 1 in the middle, zeros around it), and
# the "outline" kernel of §5 (8 in the middle, −1 around it).
#
# </details>

# %% [markdown] tags=["sv"]
# **Testa dig själv.** För vilka kärnor gör vändningen ingen skillnad alls? Ge två exempel.
#
# <details><summary>Svar</summary>
#
# För kärnor som ser likadana ut efter ett halvt varv: $K_{u,v} = K_{2-u,\,2-v}$. Exempel:
# oskärpekärnan med nio vikter $1/9$, identitetskärnan (en etta i mitten och nollor runt om) och
# konturkärnan i §5 (8 i mitten och −1 runt om).
#
# </details>

# %% [markdown] tags=["en", "slide"]
# ## 4 Padding, stride and the output size
#
# Two settings decide where the windows go.
#
# - **Padding** $p$: before sliding, add $p$ rows of zeros above and below the image and $p$
#   columns of zeros to its left and right. The padded image has $H + 2p$ rows. Without padding
#   a border pixel is in fewer windows than a pixel in the middle, and the map shrinks with every
#   layer; with $p = 1$ and a $3 \times 3$ kernel the map keeps the image's size.
# - **Stride** $s$: move the window $s$ steps at a time instead of one, both to the right and
#   down. The map then has about $1/s$ as many rows and columns.
#
# **The output size.** The window's top row can start in rows $0, s, 2s, \dots$ of the padded
# image, as long as the whole kernel of height $k$ fits, that is, as long as the start is at most
# $H + 2p - k$. Counting those starts gives
#
# $$H_{\text{out}} = \left\lfloor \frac{H + 2p - k}{s} \right\rfloor + 1,$$
#
# where $\lfloor \cdot \rfloor$ rounds down. The same with $W$ gives the columns. Our $6 \times 6$
# example with $k = 3$:
#
# | $p$ | $s$ | $H_{\text{out}}$ |
# |---|---|---|
# | 0 | 1 | $(6 - 3)/1 + 1 = 4$ |
# | 1 | 1 | $(6 + 2 - 3)/1 + 1 = 6$ (the same size as the image) |
# | 0 | 2 | $\lfloor 3/2 \rfloor + 1 = 2$ (the last column is never reached) |
# | 1 | 2 | $\lfloor 5/2 \rfloor + 1 = 3$ |
#
# The case $p = 0$, $s = 1$, where the kernel only visits positions inside the image, is called a
# **valid** convolution; $p = (k - 1)/2$ with $s = 1$ is called **same** padding.

# %% [markdown] tags=["sv", "slide"]
# ## 4 Padding, stride och utdatastorleken
#
# Två inställningar bestämmer var fönstren hamnar.
#
# - **Padding** $p$ (utfyllnad med nollor): innan fönstret börjar glida lägger man till $p$ rader
#   med nollor över och under bilden och $p$ kolumner med nollor till vänster och höger om den.
#   Den utfyllda bilden har $H + 2p$ rader. Utan padding hamnar en pixel vid kanten i färre fönster
#   än en pixel i mitten, och kartan krymper för varje lager; med $p = 1$ och en
#   $3 \times 3$-kärna behåller kartan bildens storlek.
# - **Stride** $s$: flytta fönstret $s$ steg i taget i stället för ett, både åt höger och nedåt.
#   Kartan får då ungefär $1/s$ så många rader och kolumner.
#
# **Utdatastorleken.** Fönstrets översta rad kan börja i rad $0, s, 2s, \dots$ i den utfyllda
# bilden, så länge hela kärnan med höjden $k$ får plats, det vill säga så länge starten är högst
# $H + 2p - k$. Räknar man de startpositionerna får man
#
# $$H_{\text{out}} = \left\lfloor \frac{H + 2p - k}{s} \right\rfloor + 1,$$
#
# där $\lfloor \cdot \rfloor$ avrundar nedåt. Samma sak med $W$ ger kolumnerna. Vårt
# $6 \times 6$-exempel med $k = 3$:
#
# | $p$ | $s$ | $H_{\text{out}}$ |
# |---|---|---|
# | 0 | 1 | $(6 - 3)/1 + 1 = 4$ |
# | 1 | 1 | $(6 + 2 - 3)/1 + 1 = 6$ (samma storlek som bilden) |
# | 0 | 2 | $\lfloor 3/2 \rfloor + 1 = 2$ (den sista kolumnen nås aldrig) |
# | 1 | 2 | $\lfloor 5/2 \rfloor + 1 = 3$ |
#
# Fallet $p = 0$, $s = 1$, där kärnan bara besöker positioner inne i bilden, kallas en **giltig
# (valid)** faltning; $p = (k - 1)/2$ med $s = 1$ kallas padding till **samma (same)** storlek.

# %% [markdown] tags=["en"]
# Go back to the stepper of §2 and set the padding to 1: the blue border is the padding, and the
# map becomes $6 \times 6$. Then set the stride to 2 and step through the nine windows: they jump
# two cells at a time. With padding 0 and stride 2, which pixels are never under the window's
# centre? `nnlib` computes the same sizes:

# %% [markdown] tags=["sv"]
# Gå tillbaka till stegwidgeten i §2 och sätt padding till 1: den blå ramen är utfyllnaden, och
# kartan blir $6 \times 6$. Sätt sedan stride till 2 och stega genom de nio fönstren: de hoppar två
# rutor i taget. Vilka pixlar hamnar aldrig under fönstrets mitt med padding 0 och stride 2?
# `nnlib` räknar ut samma storlekar:

# %%
for p, s in [(0, 1), (1, 1), (0, 2), (1, 2)]:
    shape = nnlib.Conv2D(1, 1, 3, stride=s, padding=p, rng=0).forward(X.reshape(1, 1, 6, 6)).shape
    print(f"p = {p}, s = {s}:", shape)

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 6 minutes for §4. Derive the formula on the board by counting the
# possible start rows 0, s, 2s, … ≤ H + 2p − k, rather than stating it. Ask the first
# check-yourself question before revealing it (expected 4); common wrong answers are 3.5 (forgot
# to round down) and 3 (forgot the +1). The exercise's first question asks for this formula as a
# function.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 6 minuter för §4. Härled formeln på tavlan genom att räkna de
# möjliga startraderna 0, s, 2s, … ≤ H + 2p − k, i stället för att bara ange den. Ställ den första
# frågan i ”Testa dig själv” innan svaret visas (förväntat svar 4); vanliga felaktiga svar är 3,5
# (glömt att avrunda nedåt) och 3 (glömt +1). Övningens första fråga ber om formeln som en
# funktion.

# %% [markdown] tags=["en"]
# **Check yourself.**
#
# 1. An $8 \times 8$ digit, a $3 \times 3$ kernel, $p = 1$, $s = 2$: how large is the map?
# 2. Which padding keeps a $28 \times 28$ image at $28 \times 28$ with a $5 \times 5$ kernel and
#    stride 1?
# 3. A $32 \times 32$ image goes through two layers, each with a $3 \times 3$ kernel, $p = 0$ and
#    $s = 1$. How large is the last map?
#
# <details><summary>Answer</summary>
#
# 1. $\lfloor (8 + 2 - 3)/2 \rfloor + 1 = \lfloor 3.5 \rfloor + 1 = 4$, so $4 \times 4$.
# 2. $28 + 2p - 5 + 1 = 28$ gives $p = 2 = (5 - 1)/2$.
# 3. $32 - 3 + 1 = 30$, then $30 - 3 + 1 = 28$: $28 \times 28$. Without padding every
#    $3 \times 3$ layer takes one pixel off each side.
#
# </details>

# %% [markdown] tags=["sv"]
# **Testa dig själv.**
#
# 1. En $8 \times 8$-siffra, en $3 \times 3$-kärna, $p = 1$, $s = 2$: hur stor blir kartan?
# 2. Vilken padding behåller en $28 \times 28$-bild som $28 \times 28$ med en $5 \times 5$-kärna och
#    stride 1?
# 3. En $32 \times 32$-bild går genom två lager, vart och ett med en $3 \times 3$-kärna, $p = 0$ och
#    $s = 1$. Hur stor är den sista kartan?
#
# <details><summary>Svar</summary>
#
# 1. $\lfloor (8 + 2 - 3)/2 \rfloor + 1 = \lfloor 3{,}5 \rfloor + 1 = 4$, alltså $4 \times 4$.
# 2. $28 + 2p - 5 + 1 = 28$ ger $p = 2 = (5 - 1)/2$.
# 3. $32 - 3 + 1 = 30$, sedan $30 - 3 + 1 = 28$: $28 \times 28$. Utan padding tar varje
#    $3 \times 3$-lager bort en pixel på varje sida.
#
# </details>

# %% [markdown] tags=["en", "slide"]
# ## 5 Filters on a real digit
#
# The study notes say: you get patterns, provided the matrix is good. Here is what a few
# hand-made $3 \times 3$ kernels find in a real digit (padding 1, so every map is $8 \times 8$;
# blue is positive, red negative):
#
# - **blur**: every weight $1/9$, so each value is the mean of its window. The weights sum to 1,
#   so a flat region keeps its value; strokes get wider and softer.
# - **sharpen**: $5$ in the middle and $-1$ above, below, left and right. It is the pixel plus
#   four times (pixel − mean of its four neighbours): where the pixel stands out from its
#   neighbours, it is pushed further. The weights sum to 1 again.
# - **horizontal edge**: the kernel of §2. The weights sum to 0, so flat regions give 0; it is
#   positive where there is ink above and none below (the bottom edges of strokes) and negative
#   at the top edges.
# - **outline**: $8$ in the middle and $-1$ around it, sum 0: it responds to edges in every
#   direction.

# %% [markdown] tags=["sv", "slide"]
# ## 5 Filter på en riktig siffra
#
# Studieanteckningarna säger: man får fram mönster, givet att matrisen är bra. Här är vad några
# handgjorda $3 \times 3$-kärnor hittar i en riktig siffra (padding 1, så varje karta är
# $8 \times 8$; blått är positivt, rött negativt):
#
# - **oskärpa**: varje vikt är $1/9$, så varje värde är medelvärdet av sitt fönster. Vikterna har
#   summan 1, så ett jämnt område behåller sitt värde; strecken blir bredare och mjukare.
# - **skärpa**: $5$ i mitten och $-1$ ovanför, under, till vänster och till höger. Det är pixeln
#   plus fyra gånger (pixeln − medelvärdet av dess fyra grannar): där pixeln sticker ut från sina
#   grannar förstärks skillnaden. Vikterna har summan 1 igen.
# - **vågrät kant**: kärnan från §2. Vikterna har summan 0, så jämna områden ger 0; den är
#   positiv där det finns bläck ovanför och inget under (streckens nedre kanter) och negativ vid
#   de övre kanterna.
# - **kontur**: $8$ i mitten och $-1$ runt om, summan 0: den reagerar på kanter åt alla håll.

# %%
names = ["box_blur", "sharpen", "horizontal_edge", "outline"]
plot_filtered_digits(digit, {t(f"convolution.short.{name}"): preset_kernel(name) for name in names})
plt.show()

# %% [markdown] tags=["en", "subslide"]
# ### Try it: your own kernel
#
# Choose a digit and a kernel, or type your own nine weights into the boxes (`0.5`, `−1` and
# `1/9` all work). The status line gives the sum of the weights and the range of the map.
#
# - Start from "identity" and change only the middle weight to 2, then to −1. What happens?
# - Choose "horizontal edge", then change the sign of every weight. Which edges light up now?
# - Tick "ReLU after the filter": a convolutional layer is usually followed by ReLU. What is
#   left of the edge map?
# - Design a kernel that finds **vertical** edges (ink on one side, none on the other). That is
#   question 3 of this chapter's exercise: try your idea here first.

# %% [markdown] tags=["sv", "subslide"]
# ### Prova själv: din egen kärna
#
# Välj en siffra och en kärna, eller skriv in dina egna nio vikter i rutorna (`0,5`, `−1` och
# `1/9` fungerar alla). Statusraden ger vikternas summa och kartans värdeintervall.
#
# - Börja med ”identitet” och ändra bara den mittersta vikten till 2 och sedan till −1. Vad
#   händer?
# - Välj ”vågrät kant” och byt sedan tecken på varje vikt. Vilka kanter lyser upp nu?
# - Kryssa i ”ReLU efter filtret”: ett faltningslager följs oftast av ReLU. Vad finns kvar av
#   kantkartan?
# - Konstruera en kärna som hittar **lodräta** kanter (bläck på ena sidan, inget på den andra).
#   Det är fråga 3 i kapitlets övning: prova din idé här först.

# %%
KernelExplorer(digit=3, preset="horizontal_edge")

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 7 minutes for §5. Let the room predict the first widget task before
# you try it: a 2 in the middle doubles the image (every value ×2, the map looks the same with a
# doubled colour scale), −1 inverts it. The sign flip of the edge kernel swaps top and bottom
# edges. With ReLU only one kind of edge survives, which is why a layer learns several filters.
# Do not give away the vertical-edge kernel: it is question 3 of the exercise.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 7 minuter för §5. Låt salen förutsäga den första uppgiften i
# widgeten innan ni provar: en tvåa i mitten fördubblar bilden (varje värde ×2, kartan ser likadan
# ut med en fördubblad färgskala), −1 inverterar den. Teckenbytet på kantkärnan byter plats på övre
# och nedre kanter. Med ReLU överlever bara den ena sortens kant, och därför lär sig ett lager
# flera filter. Avslöja inte kärnan för lodräta kanter: den är fråga 3 i övningen.

# %% [markdown] tags=["en"]
# **Check yourself.**
#
# 1. A region of the digit where all nine pixels of a window are 16. What do the blur, the
#    sharpen and the outline kernels give there?
# 2. Why do the blur and sharpen kernels have weights that sum to 1?
#
# <details><summary>Answer</summary>
#
# 1. Blur: $9 \cdot 16/9 = 16$. Sharpen: $5 \cdot 16 - 4 \cdot 16 = 16$. Outline:
#    $8 \cdot 16 - 8 \cdot 16 = 0$. In a flat region a kernel gives (sum of its weights) × (the
#    value).
# 2. So that a flat region keeps its value: the filtered image is as bright as the original, and
#    only the details change. Edge and outline kernels sum to 0 because they should answer only
#    to change.
#
# </details>

# %% [markdown] tags=["sv"]
# **Testa dig själv.**
#
# 1. Ett område i siffran där alla nio pixlar i ett fönster är 16. Vad ger kärnorna för oskärpa,
#    skärpa och kontur där?
# 2. Varför har kärnorna för oskärpa och skärpa vikter med summan 1?
#
# <details><summary>Svar</summary>
#
# 1. Oskärpa: $9 \cdot 16/9 = 16$. Skärpa: $5 \cdot 16 - 4 \cdot 16 = 16$. Kontur:
#    $8 \cdot 16 - 8 \cdot 16 = 0$. I ett jämnt område ger en kärna (summan av dess vikter) ×
#    (värdet).
# 2. För att ett jämnt område ska behålla sitt värde: den filtrerade bilden blir lika ljus som
#    originalet, och bara detaljerna ändras. Kärnorna för kanter och konturer har summan 0 eftersom
#    de bara ska svara på förändringar.
#
# </details>

# %% [markdown] tags=["en", "slide"]
# ## 6 Channels, and what a convolutional layer costs
#
# **Channels.** A colour image has three values per pixel (red, green, blue): three **channels**,
# stored as an array of shape `(3, H, W)`. The feature maps that a layer computes are channels
# too: a layer with 8 filters turns one image into 8 maps, and the next layer reads those 8 maps
# as an image with 8 channels. That is why images in `nnlib` have the shape `(N, C, H, W)`.
#
# A filter for an input with $C_{\text{in}}$ channels has one $3 \times 3$ kernel **per input
# channel**, a block of shape `(C_in, 3, 3)`. It multiplies and sums over all of them at once and
# adds its **bias** $b_k$, so each filter still gives one map:
#
# $$Y_{k,i,j} = b_k + \sum_{c=0}^{C_{\text{in}}-1} \sum_{u=0}^{2} \sum_{v=0}^{2}
#   W_{k,c,u,v}\, X_{c,\; i s + u,\; j s + v}$$
#
# ($X$ padded). A layer with $C_{\text{out}}$ filters has weights $W$ of shape
# `(C_out, C_in, k, k)` and $C_{\text{out}}$ biases, so
#
# $$\text{parameters} = C_{\text{out}} \cdot (C_{\text{in}} \cdot k \cdot k + 1).$$
#
# The number does **not** depend on the size of the image. A fully connected layer that turns the
# same image into as many output values needs a weight for every (input, output) pair. For our
# digits, with a layer of 8 filters and padding 1:

# %% [markdown] tags=["sv", "slide"]
# ## 6 Kanaler, och vad ett faltningslager kostar
#
# **Kanaler.** En färgbild har tre värden per pixel (rött, grönt, blått): tre **kanaler**, lagrade
# som en array med formen `(3, H, W)`. De feature maps som ett lager räknar ut är också kanaler:
# ett lager med 8 filter gör om en bild till 8 kartor, och nästa lager läser de 8 kartorna som en
# bild med 8 kanaler. Därför har bilder i `nnlib` formen `(N, C, H, W)`.
#
# Ett filter för indata med $C_{\text{in}}$ kanaler har en $3 \times 3$-kärna **per indatakanal**,
# ett block med formen `(C_in, 3, 3)`. Det multiplicerar och summerar över alla på en gång och
# lägger till sin **bias** $b_k$, så varje filter ger fortfarande en karta:
#
# $$Y_{k,i,j} = b_k + \sum_{c=0}^{C_{\text{in}}-1} \sum_{u=0}^{2} \sum_{v=0}^{2}
#   W_{k,c,u,v}\, X_{c,\; i s + u,\; j s + v}$$
#
# ($X$ utfylld). Ett lager med $C_{\text{out}}$ filter har vikterna $W$ med formen
# `(C_out, C_in, k, k)` och $C_{\text{out}}$ biasvärden, så
#
# $$\text{parametrar} = C_{\text{out}} \cdot (C_{\text{in}} \cdot k \cdot k + 1).$$
#
# Talet beror **inte** på bildens storlek. Ett fullt kopplat lager som gör om samma bild till lika
# många utdatavärden behöver en vikt för varje par (indata, utdata). För våra siffror, med ett
# lager med 8 filter och padding 1:

# %% tags=["en"]
conv = nnlib.Conv2D(1, 8, 3, padding=1, rng=0)
out = conv.forward(X_images[:1] / 16)
print("conv output shape:", out.shape, "=", out[0].size, "values")
print("conv parameters:  ", conv.n_params(), "= 8 · (1·3·3 + 1)")
dense = nnlib.Dense(64, out[0].size, rng=0)
print("dense parameters: ", dense.n_params(), "= 512 · (64 + 1)")

# %% tags=["sv"]
conv = nnlib.Conv2D(1, 8, 3, padding=1, rng=0)
out = conv.forward(X_images[:1] / 16)
print("utdata från faltningen:", out.shape, "=", out[0].size, "värden")
print("faltningens parametrar:", conv.n_params(), "= 8 · (1·3·3 + 1)")
dense = nnlib.Dense(64, out[0].size, rng=0)
print("fullt kopplat lager:   ", dense.n_params(), "= 512 · (64 + 1)")

# %% [markdown] tags=["en"]
# 80 parameters against 33 280 for the same 512 output values: about 400 times fewer. For a
# colour photo of $224 \times 224$ pixels and 64 filters the convolution has
# $64 \cdot (3 \cdot 9 + 1) = 1\,792$ parameters, while a fully connected layer to the same
# $224 \cdot 224 \cdot 64$ outputs would need about $4.8 \cdot 10^{11}$, far more than any
# computer can train. The saving comes from the two ideas of §1: each output looks only at a
# $3 \times 3$ window (**local**), and all windows share the same weights (**shared**). Sharing
# has a second effect: move the digit one pixel, and its feature map moves one pixel with it (the
# cell below checks it: column $j + 1$ of the moved digit's maps equals column $j$ of the
# original's).

# %% [markdown] tags=["sv"]
# 80 parametrar mot 33 280 för samma 512 utdatavärden: ungefär 400 gånger färre. För ett
# färgfotografi med $224 \times 224$ pixlar och 64 filter har faltningen
# $64 \cdot (3 \cdot 9 + 1) = 1\,792$ parametrar, medan ett fullt kopplat lager till samma
# $224 \cdot 224 \cdot 64$ utdatavärden skulle behöva ungefär $4{,}8 \cdot 10^{11}$, långt fler än
# någon dator kan träna. Besparingen kommer från de två idéerna i §1: varje utdatavärde tittar bara
# på ett $3 \times 3$-fönster (**lokalt**), och alla fönster delar samma vikter (**delat**).
# Delningen har en effekt till: flytta siffran en pixel, så flyttas dess feature map en pixel med
# den (cellen nedan kontrollerar det: kolumn $j + 1$ i den flyttade siffrans kartor är lika med
# kolumn $j$ i originalets).

# %% tags=["en"]
print("W:", conv.params["W"].shape, " b:", conv.params["b"].shape)
original = conv.forward(X_images[3:4] / 16)
moved = conv.forward(np.roll(X_images[3:4], 1, axis=3) / 16)
print("the maps moved with the digit:", np.allclose(moved[..., 1:], original[..., :-1]))

# %% tags=["sv"]
print("W:", conv.params["W"].shape, " b:", conv.params["b"].shape)
original = conv.forward(X_images[3:4] / 16)
moved = conv.forward(np.roll(X_images[3:4], 1, axis=3) / 16)
print("kartorna flyttades med siffran:", np.allclose(moved[..., 1:], original[..., :-1]))

# %% [markdown] tags=["en"]
# **Check yourself.** The second layer of a CNN reads the 8 maps of the first and has 16 filters
# of size $3 \times 3$. What is the shape of its `W`, and how many parameters does it have?
#
# <details><summary>Answer</summary>
#
# `W` has shape `(16, 8, 3, 3)`: each of the 16 filters has one $3 \times 3$ kernel for each of
# the 8 input channels. Parameters: $16 \cdot (8 \cdot 9 + 1) = 1\,168$, whatever the size of the
# maps. (`nnlib.Conv2D(8, 16, 3).n_params()` agrees.)
#
# </details>

# %% [markdown] tags=["sv"]
# **Testa dig själv.** Det andra lagret i ett faltningsnätverk läser det första lagrets 8 kartor
# och har 16 filter med storleken $3 \times 3$. Vilken form har dess `W`, och hur många parametrar
# har det?
#
# <details><summary>Svar</summary>
#
# `W` har formen `(16, 8, 3, 3)`: vart och ett av de 16 filtren har en $3 \times 3$-kärna för var
# och en av de 8 indatakanalerna. Parametrar: $16 \cdot (8 \cdot 9 + 1) = 1\,168$, oavsett hur
# stora kartorna är. (`nnlib.Conv2D(8, 16, 3).n_params()` ger samma tal.)
#
# </details>

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 5 minutes for §6. Write C_out · (C_in · k · k + 1) on the board and
# fill it in twice: 8 · (1 · 9 + 1) = 80 and, for the check-yourself question, 16 · (8 · 9 + 1) =
# 1 168. Expected mistakes: forgetting C_in (answer 160) or the biases (1 152). Stress that the
# image size does not appear in the formula; the fully connected layer's count grows with it.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 5 minuter för §6. Skriv C_out · (C_in · k · k + 1) på tavlan och
# fyll i den två gånger: 8 · (1 · 9 + 1) = 80 och, för frågan i ”Testa dig själv”,
# 16 · (8 · 9 + 1) = 1 168. Vanliga misstag: att glömma C_in (svaret 160) eller biasvärdena
# (1 152). Betona att bildens storlek inte finns med i formeln; det fullt kopplade lagrets antal
# växer med den.

# %% [markdown] tags=["en", "slide"]
# ## 7 Max pooling
#
# Between convolutions a CNN usually makes its maps smaller with **pooling**. **Max pooling**
# with a $2 \times 2$ window and stride 2 cuts a map into $2 \times 2$ blocks that do not
# overlap and keeps the **largest** value of each:
#
# $$P_{i,j} = \max\bigl(Y_{2i,2j},\ Y_{2i,2j+1},\ Y_{2i+1,2j},\ Y_{2i+1,2j+1}\bigr).$$
#
# It halves the rows and the columns (a quarter of the values for the next layers), it keeps the
# strongest response of each region, and a pattern that moves by one pixel often gives the same
# result. Pooling has **no weights**: nothing in it is learned. A row or column left over at the
# edge of an odd-sized map is dropped. Below, the edge map of our 3 after ReLU, with the maximum of
# each block outlined, and the pooled $4 \times 4$ map.

# %% [markdown] tags=["sv", "slide"]
# ## 7 Maxpooling
#
# Mellan faltningarna gör ett faltningsnätverk oftast sina kartor mindre med **pooling**.
# **Maxpooling** med ett $2 \times 2$-fönster och stride 2 delar en karta i $2 \times 2$-block som
# inte överlappar och behåller det **största** värdet i varje block:
#
# $$P_{i,j} = \max\bigl(Y_{2i,2j},\ Y_{2i,2j+1},\ Y_{2i+1,2j},\ Y_{2i+1,2j+1}\bigr).$$
#
# Den halverar raderna och kolumnerna (en fjärdedel av värdena för nästa lager), den behåller den
# starkaste responsen i varje område, och ett mönster som flyttas en pixel ger ofta samma resultat.
# Pooling har **inga vikter**: ingenting i den lärs in. En rad eller kolumn som blir över vid kanten
# av en karta med udda storlek tas bort. Nedan visas kantkartan för vår trea efter ReLU, med
# maximum i varje block inramat, och den $4 \times 4$ stora kartan efter pooling.

# %% tags=["en"]
edges = np.maximum(feature_map(digit, preset_kernel("horizontal_edge"), padding=1), 0)
plot_pooling(edges)
plt.show()
pool = nnlib.MaxPool2D(2)
print("nnlib.MaxPool2D(2) gives the same:")
print(pool.forward(edges.reshape(1, 1, 8, 8))[0, 0])
print("its parameters:", pool.n_params())

# %% tags=["sv"]
edges = np.maximum(feature_map(digit, preset_kernel("horizontal_edge"), padding=1), 0)
plot_pooling(edges)
plt.show()
pool = nnlib.MaxPool2D(2)
print("nnlib.MaxPool2D(2) ger samma sak:")
print(pool.forward(edges.reshape(1, 1, 8, 8))[0, 0])
print("dess parametrar:", pool.n_params())

# %% [markdown] tags=["en"]
# **Check yourself.** What shape does `nnlib.MaxPool2D(2)` give for a batch of shape
# `(32, 8, 8, 8)`? And for a single $7 \times 7$ map?
#
# <details><summary>Answer</summary>
#
# `(32, 8, 4, 4)`: the batch and the channels stay, each map is pooled on its own. A $7 \times 7$
# map gives $3 \times 3$ ($\lfloor (7 - 2)/2 \rfloor + 1 = 3$): the last row and column are dropped.
#
# </details>

# %% [markdown] tags=["sv"]
# **Testa dig själv.** Vilken form ger `nnlib.MaxPool2D(2)` för en batch med formen
# `(32, 8, 8, 8)`? Och för en enda karta med $7 \times 7$ värden?
#
# <details><summary>Svar</summary>
#
# `(32, 8, 4, 4)`: batchen och kanalerna består, och varje karta poolas för sig. En
# $7 \times 7$-karta ger $3 \times 3$ ($\lfloor (7 - 2)/2 \rfloor + 1 = 3$): den sista raden och
# kolumnen tas bort.
#
# </details>

# %% [markdown] tags=["en", "slide"]
# ## 8 The network can learn the filter
#
# So far we chose the kernels ourselves. The study notes end with the idea that matters most: the
# filter matrix can be **found by a neural network**. A kernel is nothing but nine weights, and
# the output depends on them through multiplications and sums, so the chain rule gives the
# gradient of the loss with respect to every weight, and gradient descent can change them like any
# other weight (chapters 05 and 06). For one weight, the derivative collects one term from every
# window the weight was used in:
#
# $$\frac{\partial L}{\partial K_{u,v}} = \sum_{i,j} \frac{\partial L}{\partial Y_{i,j}}\,
#   X_{i+u,\, j+v}.$$
#
# An experiment: we filter 300 digits with the kernel of §2 and hide it. A `Conv2D` layer with one
# random $3 \times 3$ filter gets the digits as input and the filtered digits as targets, and is
# trained with the mean squared error. Does it find the hidden kernel?

# %% [markdown] tags=["sv", "slide"]
# ## 8 Nätverket kan lära sig filtret
#
# Hittills har vi valt kärnorna själva. Studieanteckningarna slutar med den idé som betyder mest:
# filtermatrisen kan **hittas med ett neuralt nätverk**. En kärna är bara nio vikter, och utdata
# beror på dem genom multiplikationer och summor, så kedjeregeln ger förlustens gradient med
# avseende på varje vikt, och gradientnedstigning kan ändra dem som vilka vikter som helst
# (kapitel 05 och 06). För en vikt samlar derivatan en term från varje fönster där vikten användes:
#
# $$\frac{\partial L}{\partial K_{u,v}} = \sum_{i,j} \frac{\partial L}{\partial Y_{i,j}}\,
#   X_{i+u,\, j+v}.$$
#
# Ett experiment: vi filtrerar 300 siffror med kärnan från §2 och gömmer den. Ett `Conv2D`-lager
# med ett slumpat $3 \times 3$-filter får siffrorna som indata och de filtrerade siffrorna som
# målvärden, och tränas med medelkvadratfelet. Hittar det den gömda kärnan?

# %% tags=["en"]
images = X_images[:300] / 16
targets = np.stack([feature_map(image[0], K, padding=1) for image in images])[:, np.newaxis]

learner = nnlib.Sequential([nnlib.Conv2D(1, 1, 3, padding=1, rng=1)])
print("the random kernel at the start:")
print(learner.layers[0].params["W"][0, 0].round(2))
history = nnlib.fit(learner, nnlib.MSE(), nnlib.Adam(0.05), images, targets,
                    epochs=40, batch_size=32, rng=0, progress=False)
print("the kernel after 40 epochs:")
print(learner.layers[0].params["W"][0, 0].round(2) + 0.0)
print(f"loss after the first epoch {history.loss[0]:.3g}, after the last {history.loss[-1]:.2g}")

# %% tags=["sv"]
images = X_images[:300] / 16
targets = np.stack([feature_map(image[0], K, padding=1) for image in images])[:, np.newaxis]

learner = nnlib.Sequential([nnlib.Conv2D(1, 1, 3, padding=1, rng=1)])
print("den slumpade kärnan i början:")
print(learner.layers[0].params["W"][0, 0].round(2))
history = nnlib.fit(learner, nnlib.MSE(), nnlib.Adam(0.05), images, targets,
                    epochs=40, batch_size=32, rng=0, progress=False)
print("kärnan efter 40 epoker:")
print(learner.layers[0].params["W"][0, 0].round(2) + 0.0)
print(f"förlusten efter den första epoken {history.loss[0]:.3g}, efter den sista {history.loss[-1]:.2g}")

# %% [markdown] tags=["en"]
# The random start (first matrix) has become the hidden kernel $\begin{pmatrix} 1 & 2 & 1 \\ 0 & 0
# & 0 \\ -1 & -2 & -1 \end{pmatrix}$ to two decimals, and the loss has fallen to almost 0. In a
# real network nobody knows the "right" kernels: the targets are the labels of the images, and the
# network finds whatever kernels help it to classify. That is the next section.

# %% [markdown] tags=["sv"]
# Den slumpade starten (den första matrisen) har blivit den gömda kärnan $\begin{pmatrix} 1 & 2 &
# 1 \\ 0 & 0 & 0 \\ -1 & -2 & -1 \end{pmatrix}$ med två decimaler, och förlusten har sjunkit till
# nästan 0. I ett riktigt nätverk vet ingen vilka kärnor som är de ”rätta”: målvärdena är bildernas
# etiketter, och nätverket hittar de kärnor som hjälper det att klassificera. Det är nästa avsnitt.

# %% [markdown] tags=["en", "slide"]
# ## 9 A small CNN for handwritten digits
#
# A typical CNN for classification has two parts: convolutions (each followed by ReLU, with
# pooling in between) that turn the image into feature maps, and at the end a fully connected
# layer that turns the maps into the 10 scores of chapter 08. `nnlib.Flatten()` lays the maps out
# as one long vector in between. Ours is as small as it gets:
#
# | layer | output shape | parameters |
# |---|---|---|
# | input | `(N, 1, 8, 8)` | |
# | `Conv2D(1, 8, 3, padding=1)` + ReLU | `(N, 8, 8, 8)` | $8 \cdot (9 + 1) = 80$ |
# | `MaxPool2D(2)` | `(N, 8, 4, 4)` | 0 |
# | `Flatten()` | `(N, 128)` | 0 |
# | `Dense(128, 10)` | `(N, 10)` | $10 \cdot (128 + 1) = 1\,290$ |
#
# We compare it with the fully connected network of exercise 12, `MLP([64, 64, 10])` with ReLU
# (4 810 parameters), on the same split as exercise 12 (a fifth of the digits kept as test data,
# `rng=0`), with the same pixel scaling (divide by 16), the same loss, optimiser, batch size and
# number of epochs. The CNN gets the images as `(N, 1, 8, 8)`, the MLP the same pixels as rows of
# 64.

# %% [markdown] tags=["sv", "slide"]
# ## 9 Ett litet faltningsnätverk för handskrivna siffror
#
# Ett typiskt faltningsnätverk för klassificering har två delar: faltningar (var och en följd av
# ReLU, med pooling emellan) som gör om bilden till feature maps, och på slutet ett fullt kopplat
# lager som gör om kartorna till de 10 poängen från kapitel 08. `nnlib.Flatten()` lägger däremellan
# ut kartorna som en enda lång vektor. Vårt nätverk är så litet det går:
#
# | lager | form på utdata | parametrar |
# |---|---|---|
# | indata | `(N, 1, 8, 8)` | |
# | `Conv2D(1, 8, 3, padding=1)` + ReLU | `(N, 8, 8, 8)` | $8 \cdot (9 + 1) = 80$ |
# | `MaxPool2D(2)` | `(N, 8, 4, 4)` | 0 |
# | `Flatten()` | `(N, 128)` | 0 |
# | `Dense(128, 10)` | `(N, 10)` | $10 \cdot (128 + 1) = 1\,290$ |
#
# Vi jämför det med det fullt kopplade nätverket i övning 12, `MLP([64, 64, 10])` med ReLU (4 810
# parametrar), på samma uppdelning som i övning 12 (en femtedel av siffrorna undanhållna som
# testdata, `rng=0`), med samma skalning av pixlarna (dividera med 16) och samma förlust,
# optimerare, batchstorlek och antal epoker. Faltningsnätverket får bilderna som `(N, 1, 8, 8)`,
# MLP:n samma pixlar som rader med 64 värden.

# %%
X_flat, y = nnlib.datasets.load_digits()
X_train, X_test, y_train, y_test = nnlib.train_test_split(X_flat, y, test_size=0.2, stratify=True, rng=0)
X_train, X_test = X_train / 16, X_test / 16
images_train = X_train.reshape(-1, 1, 8, 8)
images_test = X_test.reshape(-1, 1, 8, 8)

cnn = nnlib.Sequential([
    nnlib.Conv2D(1, 8, 3, padding=1, rng=0), nnlib.ReLU(),
    nnlib.MaxPool2D(2),
    nnlib.Flatten(),
    nnlib.Dense(128, 10, rng=0),
])
mlp = nnlib.MLP([64, 64, 10], activation="relu", rng=0)

# %% tags=["en"]
start = time.perf_counter()
cnn_history = nnlib.fit(cnn, nnlib.CrossEntropy(), nnlib.Adam(0.005), images_train, y_train,
                        epochs=20, batch_size=32, rng=0, progress=False)
cnn_seconds = time.perf_counter() - start

start = time.perf_counter()
mlp_history = nnlib.fit(mlp, nnlib.CrossEntropy(), nnlib.Adam(0.005), X_train, y_train,
                        epochs=20, batch_size=32, rng=0, progress=False)
mlp_seconds = time.perf_counter() - start

print(f"CNN: test accuracy {nnlib.accuracy(cnn.predict(images_test), y_test):.3f}, "
      f"{cnn.n_params()} parameters, trained in {cnn_seconds:.1f} s")
print(f"MLP: test accuracy {nnlib.accuracy(mlp.predict(X_test), y_test):.3f}, "
      f"{mlp.n_params()} parameters, trained in {mlp_seconds:.1f} s")

# %% tags=["sv"]
start = time.perf_counter()
cnn_history = nnlib.fit(cnn, nnlib.CrossEntropy(), nnlib.Adam(0.005), images_train, y_train,
                        epochs=20, batch_size=32, rng=0, progress=False)
cnn_seconds = time.perf_counter() - start

start = time.perf_counter()
mlp_history = nnlib.fit(mlp, nnlib.CrossEntropy(), nnlib.Adam(0.005), X_train, y_train,
                        epochs=20, batch_size=32, rng=0, progress=False)
mlp_seconds = time.perf_counter() - start

print(f"CNN: träffsäkerhet på testdata {nnlib.accuracy(cnn.predict(images_test), y_test):.3f}, "
      f"{cnn.n_params()} parametrar, tränat på {cnn_seconds:.1f} s")
print(f"MLP: träffsäkerhet på testdata {nnlib.accuracy(mlp.predict(X_test), y_test):.3f}, "
      f"{mlp.n_params()} parametrar, tränat på {mlp_seconds:.1f} s")

# %%
fig, ax = plt.subplots(figsize=(6.5, 3.6))
ax.plot(np.arange(1, 21), cnn_history.loss, "o-", markersize=3, label="CNN")
ax.plot(np.arange(1, 21), mlp_history.loss, "s-", markersize=3, label="MLP")
ax.set_xticks([1, 5, 10, 15, 20])
ax.set_xlabel(t("common.epoch"))
ax.set_ylabel(t("common.loss"))
ax.legend()
plt.show()

# %% [markdown] tags=["en"]
# **What the numbers say.** Both networks classify about 96 % of the 360 test digits right, and
# their training losses fall alike, while the CNN has about 3.5 times fewer parameters. On this
# split the difference between them is a few test images, each worth 0.3 percentage points, so
# neither is clearly better after 20 epochs. (Over three seeds for the initial weights, 0, 1 and
# 2, we measured 95.8–96.7 % for the CNN and 96.4–96.9 % for the MLP.)
#
# **A longer run.** Trained for 60 epochs instead of 20, the same CNN reaches 96.9–97.8 % on this
# test set (three seeds), and one with 16 filters 96.9–98.1 %, while the MLP stays at 96.7–96.9 %.
# Such a run took 6–16 s on the course's shared two-core test machine, too long for a lecture
# cell; try it at home by changing `epochs=20` to `epochs=60`.
#
# Why is the gap small? An $8 \times 8$ digit has so few pixels that a fully connected layer can
# afford to learn every position, and the digits are centred. The advantage of a CNN grows with
# the image: for the $28 \times 28$ digits of the MNIST data set, or photos of
# $224 \times 224 \times 3$ values, a fully connected network needs millions of weights that a CNN
# does without, and CNNs are what classify images in practice (the "classification" the study
# notes list first among the uses of neural networks).

# %% [markdown] tags=["sv"]
# **Vad talen säger.** Båda nätverken klassificerar ungefär 96 % av de 360 testsiffrorna rätt, och
# deras träningsförluster sjunker likadant, medan faltningsnätverket har ungefär 3,5 gånger färre
# parametrar. På den här uppdelningen är skillnaden mellan dem några få testbilder, var och en
# värd 0,3 procentenheter, så inget av dem är tydligt bättre efter 20 epoker. (Med tre slumpfrön
# för startvikterna, 0, 1 och 2, mätte vi 95,8–96,7 % för faltningsnätverket och 96,4–96,9 % för
# MLP:n.)
#
# **En längre körning.** Tränat i 60 epoker i stället för 20 når samma faltningsnätverk
# 96,9–97,8 % på de här testdata (tre slumpfrön), och ett med 16 filter 96,9–98,1 %, medan MLP:n
# stannar på 96,7–96,9 %. En sådan körning tog 6–16 s på kursens delade testdator med två kärnor,
# för länge för en cell på en föreläsning; prova hemma genom att ändra `epochs=20` till
# `epochs=60`.
#
# Varför är skillnaden liten? En $8 \times 8$-siffra har så få pixlar att ett fullt kopplat lager
# har råd att lära sig varje position, och siffrorna är centrerade. Faltningsnätverkets fördel
# växer med bilden: för $28 \times 28$-siffrorna i datamängden MNIST, eller för foton med
# $224 \times 224 \times 3$ värden, behöver ett fullt kopplat nätverk miljontals vikter som ett
# faltningsnätverk klarar sig utan, och det är faltningsnätverk som klassificerar bilder i praktiken
# (den ”klassificering” som studieanteckningarna nämner först bland användningarna av neurala
# nätverk).

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 6 minutes for §8–§10 together. Let the training cell run while you draw
# the table of shapes on the board; ask the room to fill in the shapes after the pooling (8, 4, 4)
# and after flattening (128). Be honest about the comparison: on 8×8 digits the CNN only matches
# the MLP after 20 epochs, with less than a third of the parameters. Ask: "Why would the gap grow for
# larger images?" (The dense layer's weights grow with the image, the conv layer's do not, §6.)

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 6 minuter för §8–§10 tillsammans. Låt träningscellen köras medan
# du ritar tabellen med formerna på tavlan; be salen fylla i formerna efter poolingen (8, 4, 4) och
# efter tillplattningen (128). Var ärlig om jämförelsen: på 8×8-siffror är faltningsnätverket bara
# lika bra som MLP:n efter 20 epoker, med mindre än en tredjedel av parametrarna.
# Fråga: ”Varför skulle skillnaden växa för större bilder?” (Det fullt kopplade lagrets vikter
# växer med bilden, faltningslagrets gör det inte, §6.)

# %% [markdown] tags=["en", "slide"]
# ## 10 What the network learned
#
# Here are the 8 kernels of the trained CNN's first layer (blue positive, red negative), and the
# 8 feature maps (after ReLU) that they make of a test digit. Nobody designed these kernels: they
# started random and gradient descent shaped them to help the classification. Several look like
# the hand-made filters of §5: a positive side against a negative side is an edge detector (in the
# direction of the change), a kernel of one sign is a blur, and the maps show where each kernel
# found its pattern. Others are mixtures that are hard to name, and that is fine: they only need
# to be useful to the last layer. A map that is black everywhere belongs to a kernel whose sums
# are negative on every window of this digit, so ReLU sets them all to 0; a kernel that does so
# on *every* image is a **dead filter**: ReLU lets nothing through, so its weights get no gradient
# and never change. More filters, or another seed, help.

# %% [markdown] tags=["sv", "slide"]
# ## 10 Vad nätverket lärde sig
#
# Här är de 8 kärnorna i det tränade faltningsnätverkets första lager (blått positivt, rött
# negativt), och de 8 feature maps (efter ReLU) som de gör av en siffra i testdata. Ingen har
# konstruerat de här kärnorna: de började slumpade, och gradientnedstigningen formade dem så att
# de hjälper klassificeringen. Flera liknar de handgjorda filtren i §5: en positiv sida mot en
# negativ sida är en kantdetektor (i förändringens riktning), en kärna med ett enda tecken ger
# oskärpa, och kartorna visar var varje kärna hittade sitt mönster. Andra är blandningar som är
# svåra att sätta namn på, och det gör inget: de behöver bara vara till nytta för det sista
# lagret. En karta som är svart överallt hör till en kärna vars summor är negativa i varje fönster
# av den här siffran, så ReLU sätter alla till 0; en kärna som gör så på *varje* bild är ett
# **dött filter**: ReLU släpper inte igenom något, så dess vikter får ingen gradient och ändras
# aldrig. Fler filter, eller ett annat slumpfrö, hjälper.

# %%
first_layer = cnn.layers[0]
plot_filters(first_layer.params["W"])
plt.show()

example = images_test[:1]
maps = cnn.layers[1].forward(first_layer.forward(example))
predicted = cnn.predict(example).argmax(axis=1)[0]
title = t("convolution.true_predicted", true=y_test[0], predicted=predicted)
plot_feature_maps(example[0, 0], maps[0], title=title)
plt.show()

# %% [markdown] tags=["en"]
# **Check yourself.**
#
# 1. Suppose the first layer had 16 filters instead of 8. How many parameters would it have, what
#    would `Flatten` give, and how many parameters would the last layer need?
# 2. A kernel has the weight $1$ in its top left corner, $-1$ in its bottom right corner and $0$
#    everywhere else. Where in a digit does its map (after ReLU) light up, and what does it give in
#    a flat region?
#
# <details><summary>Answer</summary>
#
# 1. First layer: $16 \cdot (9 + 1) = 160$. After pooling the maps are `(16, 4, 4)`, so `Flatten`
#    gives $16 \cdot 4 \cdot 4 = 256$ values, and `Dense(256, 10)` has $10 \cdot 257 = 2\,570$
#    parameters: $2\,730$ in all, twice as many, almost all of them in the last layer.
# 2. The value is $X_{i,j} - X_{i+2,\,j+2}$: the top left pixel of the window minus its bottom
#    right pixel. It is positive where there is more ink up and to the left than down and to the
#    right, that is on the lower right side of strokes, where the ink ends. Where it is the other
#    way round the value is negative and ReLU sets it to 0; a flat region gives $0$, since the
#    weights sum to 0.
#
# </details>

# %% [markdown] tags=["sv"]
# **Testa dig själv.**
#
# 1. Anta att det första lagret hade 16 filter i stället för 8. Hur många parametrar skulle det ha,
#    vad skulle `Flatten` ge, och hur många parametrar skulle det sista lagret behöva?
# 2. En kärna har vikten $1$ i sitt övre vänstra hörn, $-1$ i sitt nedre högra hörn och $0$ på
#    alla andra platser. Var i en siffra lyser dess karta (efter ReLU) upp, och vad ger den i ett
#    jämnt område?
#
# <details><summary>Svar</summary>
#
# 1. Det första lagret: $16 \cdot (9 + 1) = 160$. Efter poolingen har kartorna formen
#    `(16, 4, 4)`, så `Flatten` ger $16 \cdot 4 \cdot 4 = 256$ värden, och `Dense(256, 10)` har
#    $10 \cdot 257 = 2\,570$ parametrar: $2\,730$ sammanlagt, dubbelt så många, och nästan alla i
#    det sista lagret.
# 2. Värdet är $X_{i,j} - X_{i+2,\,j+2}$: fönstrets övre vänstra pixel minus dess nedre högra
#    pixel. Det är positivt där det finns mer bläck uppåt till vänster än nedåt till höger, alltså på
#    streckens nedre högra sida, där bläcket tar slut. Där det är tvärtom blir värdet negativt och
#    ReLU sätter det till 0; ett jämnt område ger $0$, eftersom vikterna har summan 0.
#
# </details>

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** Look at the learned kernels together and ask which of them resemble §5's
# filters; with the seed used here expect a clear edge detector (negative top row, positive
# bottom row), a mostly positive blur-like kernel, some mixtures, and one kernel with no positive
# weight, whose map is black: a dead filter. Answers to the check-yourself questions: 2 730
# parameters (most in the last layer), and the lower right side of strokes (a diagonal edge
# detector; the question avoids the vertical-edge kernel, which is exercise 10's question 3). If a
# student asks why the learned kernels look noisy: 1 437 small images and 20 epochs are little
# data and little training; the kernels only need to be good enough for the last layer.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Titta på de inlärda kärnorna tillsammans och fråga vilka av dem som
# liknar filtren i §5; med slumpfröet som används här kan du räkna med en tydlig kantdetektor
# (negativ översta rad, positiv nedersta rad), en mest positiv kärna som liknar oskärpa, några
# blandningar och en kärna utan en enda positiv vikt, vars karta är svart: ett dött filter. Svar på
# frågorna i ”Testa dig själv”: 2 730 parametrar (de flesta i det sista lagret) och streckens
# nedre högra sida (en diagonal kantdetektor; frågan undviker kärnan för lodräta kanter, som är
# fråga 3 i övning 10). Om en student frågar varför de inlärda kärnorna ser brusiga ut: 1 437 små
# bilder och 20 epoker är lite data och lite träning; kärnorna behöver bara vara tillräckligt bra
# för det sista lagret.

# %% [markdown] tags=["en", "slide"]
# ## Summary
#
# - A **convolutional layer** slides a small **filter** (kernel) over the image: multiply
#   element-wise with the window, sum to one value, shift one step (to the right, and at the end of
#   a row back and one step down) and repeat. The values form a **feature map**.
# - The course's (and every library's) convolution is a **cross-correlation**:
#   $Y_{i,j} = \sum_{u,v} K_{u,v} X_{i+u,j+v}$. The convolution of mathematics flips the kernel
#   first; since the kernels are learned, nothing is lost.
# - **Output size** $H_{\text{out}} = \lfloor (H + 2p - k)/s \rfloor + 1$ with **padding** $p$ and
#   **stride** $s$; $p = (k - 1)/2$, $s = 1$ keeps the size.
# - Hand-made kernels find patterns: blur and sharpen (weights summing to 1), edges and outlines
#   (weights summing to 0).
# - A layer has $C_{\text{out}} \cdot (C_{\text{in}} k^2 + 1)$ parameters, independent of the image
#   size: far fewer than a fully connected layer, because the weights are **local** and **shared**.
#   `W` has shape `(C_out, C_in, k, k)`, images `(N, C, H, W)`.
# - **Max pooling** keeps the largest value of each $2 \times 2$ block: half the rows and columns,
#   no weights.
# - The kernels are weights like any others: gradient descent **learns the filter**. A CNN of
#   1 370 parameters classifies the $8 \times 8$ digits about as well as an MLP of 4 810 (within
#   a few test images after 20 epochs).
#
# **Next.** In [exercise 10](../../exercises/en/10_convolution.ipynb) you write the output-size
# formula, a convolution of one image with one kernel, a kernel that finds vertical edges, max
# pooling, and a whole convolutional layer with channels, padding and stride. Chapter 11 asks how
# long to train, and how to notice when a network has learned its training data too well.

# %% [markdown] tags=["sv", "slide"]
# ## Sammanfattning
#
# - Ett **faltningslager** låter ett litet **filter** (en kärna) glida över bilden: multiplicera
#   element för element med fönstret, summera till ett enda värde, flytta ett steg (åt höger, och i
#   slutet av en rad tillbaka och ett steg ned) och upprepa. Värdena bildar en **feature map**.
# - Kursens (och varje biblioteks) faltning är en **korskorrelation**:
#   $Y_{i,j} = \sum_{u,v} K_{u,v} X_{i+u,j+v}$. Matematikens faltning vänder först kärnan; eftersom
#   kärnorna lärs in går ingenting förlorat.
# - **Utdatastorlek** $H_{\text{out}} = \lfloor (H + 2p - k)/s \rfloor + 1$ med **padding** $p$ och
#   **stride** $s$; $p = (k - 1)/2$, $s = 1$ behåller storleken.
# - Handgjorda kärnor hittar mönster: oskärpa och skärpa (vikter med summan 1), kanter och
#   konturer (vikter med summan 0).
# - Ett lager har $C_{\text{out}} \cdot (C_{\text{in}} k^2 + 1)$ parametrar, oberoende av bildens
#   storlek: långt färre än ett fullt kopplat lager, eftersom vikterna är **lokala** och **delade**.
#   `W` har formen `(C_out, C_in, k, k)`, bilder `(N, C, H, W)`.
# - **Maxpooling** behåller det största värdet i varje $2 \times 2$-block: hälften så många rader
#   och kolumner, inga vikter.
# - Kärnorna är vikter som alla andra: gradientnedstigningen **lär sig filtret**. Ett
#   faltningsnätverk med 1 370 parametrar klassificerar $8 \times 8$-siffrorna ungefär lika bra som
#   en MLP med 4 810 (skillnaden är några få testbilder efter 20 epoker).
#
# **Nästa steg.** I [övning 10](../../exercises/sv/10_convolution.ipynb) skriver du formeln för
# utdatastorleken, en faltning av en bild med en kärna, en kärna som hittar lodräta kanter,
# maxpooling och ett helt faltningslager med kanaler, padding och stride. Kapitel 11 frågar hur
# länge man ska träna, och hur man märker att ett nätverk har lärt sig sina träningsdata för väl.

# %% [markdown] tags=["en", "slide"]
# ## Going further (optional): the backward pass, and a convolution as a matrix product
#
# **The backward pass.** Chapter 06's rule "incoming gradient times local derivative, added over
# all paths" gives a convolutional layer's gradients. Every output $Y_{k,i,j}$ used the weight
# $W_{k,c,u,v}$ once, with the pixel $X_{c,\,i+u,\,j+v}$ as its factor, so
#
# $$\frac{\partial L}{\partial W_{k,c,u,v}} = \sum_{n}\sum_{i,j} \frac{\partial L}{\partial Y_{n,k,i,j}}\,
#   X_{n,\,c,\,i+u,\,j+v}, \qquad \frac{\partial L}{\partial b_k} = \sum_{n,i,j}
#   \frac{\partial L}{\partial Y_{n,k,i,j}},$$
#
# itself a cross-correlation of the input with the incoming gradient (stride 1 shown). Each
# pixel, in turn, receives the gradient of every window it was in, times the weight that met it.
# A gradient check (chapter 06) confirms `nnlib`'s backward pass.
#
# **A convolution is a Dense layer on every window.** Lay each $3 \times 3$ window out as a row
# of 9 numbers (for $C_{\text{in}}$ channels, $9 C_{\text{in}}$); stacking the rows of all windows
# gives a matrix, and the whole layer is one matrix product with the filters as rows, exactly
# $Z = X W^\top + b$ from chapter 03. This trick is called **im2col** (image to columns), and it is
# how `nnlib.Conv2D` computes fast. Below, numpy's `sliding_window_view` makes the 16 rows of our
# $6 \times 6$ example, and one product with the kernel gives the whole feature map of §2.

# %% [markdown] tags=["sv", "slide"]
# ## Fördjupning (frivillig): bakåtpasset, och en faltning som en matrisprodukt
#
# **Bakåtpasset.** Regeln från kapitel 06, ”inkommande gradient gånger lokal derivata, adderat
# över alla vägar”, ger ett faltningslagers gradienter. Varje utdatavärde $Y_{k,i,j}$ använde
# vikten $W_{k,c,u,v}$ en gång, med pixeln $X_{c,\,i+u,\,j+v}$ som faktor, så
#
# $$\frac{\partial L}{\partial W_{k,c,u,v}} = \sum_{n}\sum_{i,j} \frac{\partial L}{\partial Y_{n,k,i,j}}\,
#   X_{n,\,c,\,i+u,\,j+v}, \qquad \frac{\partial L}{\partial b_k} = \sum_{n,i,j}
#   \frac{\partial L}{\partial Y_{n,k,i,j}},$$
#
# som själv är en korskorrelation av indata med den inkommande gradienten (med stride 1). Varje
# pixel får i sin tur gradienten från varje fönster den fanns i, gånger den vikt som mötte den. En
# gradientkontroll (kapitel 06) bekräftar bakåtpasset i `nnlib`.
#
# **En faltning är ett fullt kopplat lager på varje fönster.** Lägg ut varje $3 \times 3$-fönster
# som en rad med 9 tal (för $C_{\text{in}}$ kanaler $9 C_{\text{in}}$); staplar man raderna för
# alla fönster får man en matris, och hela lagret är en enda matrisprodukt med filtren som rader,
# precis $Z = X W^\top + b$ från kapitel 03. Knepet kallas **im2col** (från bild till kolumner),
# och det är så `nnlib.Conv2D` räknar snabbt. Nedan gör numpys `sliding_window_view` de 16 raderna
# för vårt $6 \times 6$-exempel, och en enda produkt med kärnan ger hela vår feature map från §2.

# %% tags=["en"]
tiny = nnlib.Sequential([nnlib.Conv2D(1, 2, 3, padding=1, rng=0), nnlib.ReLU(), nnlib.Flatten(),
                         nnlib.Dense(2 * 6 * 6, 3, rng=0)])
X_tiny = np.random.default_rng(0).normal(size=(4, 1, 6, 6))
y_tiny = np.array([0, 2, 1, 2])
error = nnlib.gradcheck(tiny, X_tiny, y_tiny, loss=nnlib.CrossEntropy())
print(f"gradient check, largest relative error: {error:.1e}")

rows = np.lib.stride_tricks.sliding_window_view(X, (3, 3)).reshape(-1, 9)
print("one row per window:", rows.shape)
print("rows @ kernel = the feature map of §2:", np.allclose(rows @ K.ravel(), feature_map(X, K).ravel()))

# %% tags=["sv"]
tiny = nnlib.Sequential([nnlib.Conv2D(1, 2, 3, padding=1, rng=0), nnlib.ReLU(), nnlib.Flatten(),
                         nnlib.Dense(2 * 6 * 6, 3, rng=0)])
X_tiny = np.random.default_rng(0).normal(size=(4, 1, 6, 6))
y_tiny = np.array([0, 2, 1, 2])
error = nnlib.gradcheck(tiny, X_tiny, y_tiny, loss=nnlib.CrossEntropy())
print(f"gradientkontroll, största relativa fel: {error:.1e}")

rows = np.lib.stride_tricks.sliding_window_view(X, (3, 3)).reshape(-1, 9)
print("en rad per fönster:", rows.shape)
print("rader @ kärna = vår feature map från §2:", np.allclose(rows @ K.ravel(), feature_map(X, K).ravel()))
