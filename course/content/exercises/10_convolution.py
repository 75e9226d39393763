# %% [markdown] tags=["en"]
# # Exercise 10: convolutional layers
#
# A fully connected layer treats an image as a long list of numbers: it does not know which
# pixels are neighbours. A **convolutional layer** does. It slides a small grid of weights, the
# **filter** (or **kernel**), over the image and computes at every position one number that says
# how well the image matches the filter there. The result is a new image, the **feature map**.
# The same few weights are used at every position, so a filter that finds an edge in one corner
# finds it everywhere.
#
# In this exercise you compute convolutions by hand in numpy: the output size, one filter on one
# image, a filter that finds vertical edges, max pooling, and finally a whole convolutional layer
# with several channels. Every idea you need is explained before its question; you only need
# chapters 00–06 and numpy indexing and slicing, such as `X[1:3, 2:4]` for rows 1–2 and
# columns 2–3.
#
# There are five questions and 8 points in total.

# %% [markdown] tags=["sv"]
# # Övning 10: faltningslager
#
# Ett fullt kopplat lager behandlar en bild som en lång lista av tal: det vet inte vilka pixlar
# som är grannar. Ett **faltningslager** vet det. Det låter ett litet rutnät av vikter,
# **filtret** (eller **kärnan**), glida över bilden och räknar på varje position ut ett tal som
# säger hur väl bilden stämmer med filtret just där. Resultatet är en ny bild, en
# **feature map**. Samma fåtal vikter används på varje position, så ett filter som hittar en
# kant i ett hörn hittar den överallt.
#
# I den här övningen räknar du ut faltningar för hand i numpy: utdatastorleken, ett filter på en
# bild, ett filter som hittar lodräta kanter, maxpooling och till sist ett helt faltningslager
# med flera kanaler. Varje idé som du behöver förklaras före sin fråga; du behöver bara kapitel
# 00–06 och indexering och skivning (slicing) i numpy, som `X[1:3, 2:4]` för raderna 1–2 och
# kolumnerna 2–3.
#
# Det finns fem frågor och sammanlagt 8 poäng.

# %%
from course import set_language
from course.checker import check_for
set_language("en")
check = check_for("10_convolution")

import numpy as np

# %% [markdown] tags=["en"]
# ## The convolution of deep learning
#
# Take a grey-scale image $X$ with $H$ rows and $W$ columns, and a kernel $K$ with $k_H$ rows and
# $k_W$ columns (typically $3 \times 3$). Place the kernel on the top-left corner of the image,
# multiply every kernel weight with the pixel under it, and add up the products: that is the first
# value of the feature map. Then shift the kernel one step to the right and repeat; at the end of
# the row, go back to the left and one step down. With indices counted from 0, as in numpy,
#
# $$Y_{i,j} = \sum_{u=0}^{k_H-1} \sum_{v=0}^{k_W-1} K_{u,v}\, X_{i+u,\, j+v}.$$
#
# In words: $Y_{i,j}$ is the **window** `X[i:i+kH, j:j+kW]`, multiplied element by element with
# `K` and summed.
#
# **A note on the name.** In mathematics, a convolution first flips the kernel upside down and left
# to right; the formula above, without the flip, is strictly a *cross-correlation*. Deep learning
# calls it a convolution anyway, and every library (PyTorch, TensorFlow and the course's own
# `nnlib`) computes it without flipping. Since the network learns the kernel, nothing is lost: it
# simply learns the flipped kernel. In this course, "convolution" always means the formula above.
#
# Images with several **channels** (red, green and blue, or the feature maps of an earlier
# layer) are stored as arrays of shape `(N, C, H, W)`: $N$ images in a batch, $C$ channels, $H$
# rows and $W$ columns. That order is called NCHW, and you meet it in question 5.

# %% [markdown] tags=["sv"]
# ## Djupinlärningens faltning
#
# Ta en gråskalebild $X$ med $H$ rader och $W$ kolumner och en kärna $K$ med $k_H$ rader och
# $k_W$ kolumner (oftast $3 \times 3$). Lägg kärnan på bildens övre vänstra hörn, multiplicera
# varje vikt i kärnan med pixeln under den och summera produkterna: det är det första värdet i
# feature map $Y$. Flytta sedan kärnan ett steg åt höger och upprepa; i slutet av raden går du
# tillbaka till vänsterkanten och ett steg ned. Med index som räknas från 0, som i numpy, är
#
# $$Y_{i,j} = \sum_{u=0}^{k_H-1} \sum_{v=0}^{k_W-1} K_{u,v}\, X_{i+u,\, j+v}.$$
#
# Med ord: $Y_{i,j}$ är **fönstret** `X[i:i+kH, j:j+kW]`, multiplicerat element för element med
# `K` och summerat.
#
# **Om namnet.** I matematiken vänder en faltning först kärnan upp och ned och höger mot vänster;
# formeln ovan, utan vändningen, är egentligen en *korskorrelation*. Inom djupinlärning kallas den
# ändå faltning, och alla bibliotek (PyTorch, TensorFlow och kursens eget `nnlib`) räknar ut den
# utan att vända kärnan. Eftersom nätverket lär sig kärnan går ingenting förlorat: det lär sig helt
# enkelt den vända kärnan. I den här kursen betyder ”faltning” alltid formeln ovan.
#
# Bilder med flera **kanaler** (rött, grönt och blått, eller feature maps från ett tidigare
# lager) lagras som arrayer med formen `(N, C, H, W)`: $N$ bilder i en batch, $C$ kanaler, $H$
# rader och $W$ kolumner. Den ordningen kallas NCHW, och du möter den i fråga 5.

# %% [markdown] tags=["en"]
# ## Question 1: the output size (1 point)
#
# How large is the feature map? Two settings change the answer.
#
# - **Padding** $p$: before sliding, add $p$ rows of zeros above and below the image and $p$
#   columns of zeros to the left and right. The padded image has $H + 2p$ rows. Padding lets the
#   kernel reach the border pixels, and for an odd $k$, stride 1 and $p = (k - 1)/2$ the output
#   keeps the input's size.
# - **Stride** $s$: shift the kernel $s$ steps at a time instead of one. The output then has about
#   $1/s$ as many rows and columns.
#
# The kernel's top row can start in row $0, s, 2s, \dots$ of the padded image, as long as the
# whole kernel fits, that is as long as the start is at most $H + 2p - k$. Counting those starts
# gives the **output size**
#
# $$H_{\text{out}} = \left\lfloor \frac{H + 2p - k}{s} \right\rfloor + 1,$$
#
# where $\lfloor \cdot \rfloor$ rounds down to an integer. The same formula with $W$ and $k_W$
# gives the number of columns. Examples: an $8 \times 8$ image with a $3 \times 3$ kernel gives
# $(8 + 0 - 3)/1 + 1 = 6$ rows without padding and $(8 + 2 - 3)/1 + 1 = 8$ with $p = 1$; a
# $28 \times 28$ image with $k = 3$, $s = 2$ and $p = 1$ gives $\lfloor 27/2 \rfloor + 1 = 14$.
# The case $p = 0$, $s = 1$, where the kernel only visits positions where it fits inside the
# image, is called a **valid** convolution: it has $H - k + 1$ rows.
#
# Write `conv_output_size(size, kernel_size, stride, padding)` that returns $H_{\text{out}}$ as
# an `int`, for integers `size` $= H$, `kernel_size` $= k$, `stride` $= s \ge 1$ and
# `padding` $= p \ge 0$ with $k \le H + 2p$. In Python, `//` divides and rounds down.

# %% [markdown] tags=["sv"]
# ## Fråga 1: utdatastorleken (1 poäng)
#
# Hur stor blir en feature map? Två inställningar påverkar svaret.
#
# - **Padding (utfyllnad)** $p$: innan kärnan börjar glida lägger man till $p$ rader med nollor
#   över och under bilden och $p$ kolumner med nollor till vänster och höger. Bilden med padding
#   har $H + 2p$ rader. Paddingen låter kärnan nå pixlarna vid kanten, och för ett udda $k$,
#   stride 1 och $p = (k - 1)/2$ blir utdata lika stora som indata.
# - **Stride** $s$: kärnan flyttas $s$ steg i taget i stället för ett. Utdata får då ungefär
#   $1/s$ så många rader och kolumner.
#
# Kärnans översta rad kan börja i rad $0, s, 2s, \dots$ i bilden med padding, så länge hela
# kärnan får plats, det vill säga så länge starten är högst $H + 2p - k$. Räknar man de
# startpositionerna får man **utdatastorleken**
#
# $$H_{\text{out}} = \left\lfloor \frac{H + 2p - k}{s} \right\rfloor + 1,$$
#
# där $\lfloor \cdot \rfloor$ avrundar nedåt till ett heltal. Samma formel med $W$ och $k_W$ ger
# antalet kolumner. Exempel: en $8 \times 8$-bild med en $3 \times 3$-kärna ger
# $(8 + 0 - 3)/1 + 1 = 6$ rader utan padding och $(8 + 2 - 3)/1 + 1 = 8$ med $p = 1$; en
# $28 \times 28$-bild med $k = 3$, $s = 2$ och $p = 1$ ger $\lfloor 27/2 \rfloor + 1 = 14$.
# Fallet $p = 0$, $s = 1$, där kärnan bara besöker positioner där den ryms helt inne i bilden,
# kallas en **giltig (valid)** faltning: den har $H - k + 1$ rader.
#
# Skriv `conv_output_size(size, kernel_size, stride, padding)` som returnerar $H_{\text{out}}$
# som en `int`, för heltal `size` $= H$, `kernel_size` $= k$, `stride` $= s \ge 1$ och
# `padding` $= p \ge 0$ med $k \le H + 2p$. I Python dividerar `//` och avrundar nedåt.

# %% tags=["en"]
def conv_output_size(size, kernel_size, stride, padding):
    """Rows (or columns) of a feature map: (size + 2 padding - kernel_size) // stride + 1.

    Parameters
    ----------
    size : int
        H, the rows (or W, the columns) of the input image.
    kernel_size : int
        k, the rows (or columns) of the kernel.
    stride : int
        s >= 1, how many steps the kernel moves at a time.
    padding : int
        p >= 0, rows (or columns) of zeros added on each side.

    Returns
    -------
    int
    """
    # BEGIN SOLUTION
    return (size + 2 * padding - kernel_size) // stride + 1
    # END SOLUTION

# %% tags=["sv"]
def conv_output_size(size, kernel_size, stride, padding):
    """Antalet rader (eller kolumner) i en feature map: (size + 2 padding - kernel_size) // stride + 1.

    Parametrar
    ----------
    size : int
        H, antalet rader (eller W, antalet kolumner) i indatabilden.
    kernel_size : int
        k, antalet rader (eller kolumner) i kärnan.
    stride : int
        s >= 1, hur många steg kärnan flyttas åt gången.
    padding : int
        p >= 0, antalet rader (eller kolumner) med nollor som läggs till på varje sida.

    Returnerar
    ----------
    int
    """
    # BEGIN SOLUTION
    return (size + 2 * padding - kernel_size) // stride + 1
    # END SOLUTION

# %% tags=["check"]
check("q1")

# %% [markdown] tags=["en"]
# ## Question 2: one kernel on one image (2 points)
#
# Now compute a valid convolution ($p = 0$, $s = 1$) with the formula
# $Y_{i,j} = \sum_{u} \sum_{v} K_{u,v} X_{i+u, j+v}$. An example with a $3 \times 3$ image and a
# $2 \times 2$ kernel:
#
# $$X = \begin{pmatrix} 1 & 2 & 3 \\ 4 & 5 & 6 \\ 7 & 8 & 9 \end{pmatrix}, \quad
#   K = \begin{pmatrix} 1 & 2 \\ 0 & -1 \end{pmatrix}: \qquad
#   Y_{0,0} = 1 \cdot 1 + 2 \cdot 2 + 0 \cdot 4 + (-1) \cdot 5 = 0, \quad
#   Y = \begin{pmatrix} 0 & 2 \\ 6 & 8 \end{pmatrix}.$$
#
# Check $Y_{0,1}$ yourself: the window is $\begin{pmatrix} 2 & 3 \\ 5 & 6 \end{pmatrix}$, and
# $1 \cdot 2 + 2 \cdot 3 + 0 \cdot 5 + (-1) \cdot 6 = 2$. Note that the kernel is **not** flipped.
#
# Write `conv2d_valid(image, kernel)` for an `image` of shape `(H, W)` and a `kernel` of shape
# `(kH, kW)` that returns the feature map $Y$, a float array of shape `(H - kH + 1, W - kW + 1)`.
# Loops are fine: start with `Y = np.zeros((H_out, W_out))`, loop over `i` and `j`, and fill in
# `Y[i, j]` from the window `image[i:i + kH, j:j + kW]`.

# %% [markdown] tags=["sv"]
# ## Fråga 2: en kärna på en bild (2 poäng)
#
# Räkna nu ut en giltig faltning ($p = 0$, $s = 1$) med formeln
# $Y_{i,j} = \sum_{u} \sum_{v} K_{u,v} X_{i+u, j+v}$. Ett exempel med en $3 \times 3$-bild och en
# $2 \times 2$-kärna:
#
# $$X = \begin{pmatrix} 1 & 2 & 3 \\ 4 & 5 & 6 \\ 7 & 8 & 9 \end{pmatrix}, \quad
#   K = \begin{pmatrix} 1 & 2 \\ 0 & -1 \end{pmatrix}: \qquad
#   Y_{0,0} = 1 \cdot 1 + 2 \cdot 2 + 0 \cdot 4 + (-1) \cdot 5 = 0, \quad
#   Y = \begin{pmatrix} 0 & 2 \\ 6 & 8 \end{pmatrix}.$$
#
# Kontrollera $Y_{0,1}$ själv: fönstret är $\begin{pmatrix} 2 & 3 \\ 5 & 6 \end{pmatrix}$, och
# $1 \cdot 2 + 2 \cdot 3 + 0 \cdot 5 + (-1) \cdot 6 = 2$. Observera att kärnan **inte** vänds.
#
# Skriv `conv2d_valid(image, kernel)` för en bild `image` med formen `(H, W)` och en kärna
# `kernel` med formen `(kH, kW)` som returnerar feature map $Y$, en array av flyttal med formen
# `(H - kH + 1, W - kW + 1)`. Loopar går bra: börja med `Y = np.zeros((H_out, W_out))`, loopa
# över `i` och `j` och fyll i `Y[i, j]` från fönstret `image[i:i + kH, j:j + kW]`.

# %% tags=["en"]
def conv2d_valid(image, kernel):
    """Valid convolution (cross-correlation) of one image with one kernel.

    Y[i, j] = sum over u, v of kernel[u, v] * image[i + u, j + v].

    Parameters
    ----------
    image : numpy array of shape (H, W)
    kernel : numpy array of shape (kH, kW)

    Returns
    -------
    numpy array of shape (H - kH + 1, W - kW + 1)
    """
    # BEGIN SOLUTION
    H, W = image.shape
    kH, kW = kernel.shape
    Y = np.zeros((H - kH + 1, W - kW + 1))
    for i in range(H - kH + 1):
        for j in range(W - kW + 1):
            Y[i, j] = np.sum(image[i:i + kH, j:j + kW] * kernel)
    return Y
    # END SOLUTION

# %% tags=["sv"]
def conv2d_valid(image, kernel):
    """Faltning utan utfyllnad (”valid”, korskorrelation) av en bild med en kärna.

    Y[i, j] = summan över u, v av kernel[u, v] * image[i + u, j + v].

    Parametrar
    ----------
    image : numpy-array med formen (H, W)
    kernel : numpy-array med formen (kH, kW)

    Returnerar
    ----------
    numpy-array med formen (H - kH + 1, W - kW + 1)
    """
    # BEGIN SOLUTION
    H, W = image.shape
    kH, kW = kernel.shape
    Y = np.zeros((H - kH + 1, W - kW + 1))
    for i in range(H - kH + 1):
        for j in range(W - kW + 1):
            Y[i, j] = np.sum(image[i:i + kH, j:j + kW] * kernel)
    return Y
    # END SOLUTION

# %% tags=["check"]
check("q2")

# %% [markdown] tags=["en"]
# ## Question 3: a kernel that finds vertical edges (1 point)
#
# A **vertical edge** is a border that runs from top to bottom, with a dark region on one side
# and a bright region on the other, as in this $4 \times 6$ image (0 is dark, 1 is bright):
#
# $$\begin{pmatrix} 0 & 0 & 0 & 1 & 1 & 1 \\ 0 & 0 & 0 & 1 & 1 & 1 \\ 0 & 0 & 0 & 1 & 1 & 1 \\
#   0 & 0 & 0 & 1 & 1 & 1 \end{pmatrix}$$
#
# A kernel *detects* such edges when its feature map is $0$ wherever the image does not change from
# left to right, and large where it does. Design one: set the variable `vertical_edge_kernel` to a
# $3 \times 3$ numpy array such that
#
# 1. every image that changes only from top to bottom (every row of the image has one value, such
#    as a flat grey image or a horizontal edge) gives a feature map that is $0$ everywhere, and
# 2. the image above, dark on the left and bright on the right, gives a feature map with positive
#    values at the edge and no negative values anywhere.
#
# There are many right answers; the check tests these two properties, not one particular kernel.
# Think about which signs the left and the right column of the kernel need, and what condition (1)
# says about the sum of each row of the kernel. Learned filters in the first layer of a trained
# network often look much like the kernel you design here: the network finds them by gradient
# descent. When you have answered question 2 too, try `conv2d_valid` with your kernel on a small
# image of your own, in a new cell.

# %% [markdown] tags=["sv"]
# ## Fråga 3: en kärna som hittar lodräta kanter (1 poäng)
#
# En **lodrät kant** är en gräns som går uppifrån och ned, med ett mörkt område på ena sidan och
# ett ljust på den andra, som i den här $4 \times 6$-bilden (0 är mörkt, 1 är ljust):
#
# $$\begin{pmatrix} 0 & 0 & 0 & 1 & 1 & 1 \\ 0 & 0 & 0 & 1 & 1 & 1 \\ 0 & 0 & 0 & 1 & 1 & 1 \\
#   0 & 0 & 0 & 1 & 1 & 1 \end{pmatrix}$$
#
# En kärna *hittar* sådana kanter när dess feature map är $0$ överallt där bilden inte ändras
# från vänster till höger och stor där den gör det. Konstruera en: sätt variabeln
# `vertical_edge_kernel` till en numpy-array med formen $3 \times 3$ sådan att
#
# 1. varje bild som bara ändras uppifrån och ned (varje rad i bilden har ett enda värde, som en
#    jämnt grå bild eller en vågrät kant) ger en feature map som är $0$ överallt, och
# 2. bilden ovan, mörk till vänster och ljus till höger, ger en feature map med positiva värden
#    vid kanten och inga negativa värden någonstans.
#
# Det finns många rätta svar; kontrollen testar de två egenskaperna, inte en viss kärna. Fundera
# på vilka tecken kärnans vänstra och högra kolumn behöver ha, och vad villkor (1) säger om
# summan av varje rad i kärnan. Inlärda filter i första lagret av ett tränat nätverk ser ofta ut
# ungefär som kärnan du konstruerar här: nätverket hittar dem med gradientnedstigning. När du har
# svarat på fråga 2 också kan du prova `conv2d_valid` med din kärna på en egen liten bild, i en
# ny cell.

# %%
# BEGIN SOLUTION
vertical_edge_kernel = np.array([[-1.0, 0.0, 1.0],
                                 [-2.0, 0.0, 2.0],
                                 [-1.0, 0.0, 1.0]])
# END SOLUTION

# %% tags=["check"]
check("q3")

# %% [markdown] tags=["en"]
# ## Question 4: max pooling (2 points)
#
# A convolutional network usually shrinks its feature maps between convolutions with **pooling**.
# **Max pooling** with a $2 \times 2$ window and stride 2 cuts the feature map into
# non-overlapping $2 \times 2$ blocks and keeps the largest value of each block:
#
# $$Y_{i,j} = \max\bigl(X_{2i,2j},\; X_{2i,2j+1},\; X_{2i+1,2j},\; X_{2i+1,2j+1}\bigr).$$
#
# The output has half as many rows and columns, the strongest response of each region survives,
# and a pattern that moves by one pixel often gives the same result. Pooling has no weights to
# learn. By the formula of question 1 with $k = 2$, $s = 2$ and $p = 0$ the output has
# $\lfloor (H - 2)/2 \rfloor + 1 = \lfloor H/2 \rfloor$ rows: when $H$ is odd, the last row is
# dropped, and likewise the last column when $W$ is odd (`nnlib.MaxPool2D(2)` does the same).
# For example,
#
# $$X = \begin{pmatrix} 1 & 3 & 2 & 0 & 5 \\ 4 & -1 & 6 & 1 & 5 \\ 0 & 2 & -3 & -2 & 5 \\
#   1 & 0 & -4 & -1 & 5 \end{pmatrix} \quad\Rightarrow\quad
#   Y = \begin{pmatrix} 4 & 6 \\ 2 & -1 \end{pmatrix}.$$
#
# Write `max_pool_2x2(image)` for an `image` of shape `(H, W)` with $H, W \ge 2$ that returns $Y$,
# an array of shape `(H // 2, W // 2)`. Note that the values can be negative. `np.max` of a
# $2 \times 2$ slice helps.

# %% [markdown] tags=["sv"]
# ## Fråga 4: maxpooling (2 poäng)
#
# Ett faltningsnätverk krymper oftast sina feature maps mellan faltningarna med **pooling**.
# **Maxpooling** med ett $2 \times 2$-fönster och stride 2 delar en feature map i
# $2 \times 2$-block som inte överlappar och behåller det största värdet i varje block:
#
# $$Y_{i,j} = \max\bigl(X_{2i,2j},\; X_{2i,2j+1},\; X_{2i+1,2j},\; X_{2i+1,2j+1}\bigr).$$
#
# Utdata har hälften så många rader och kolumner, den starkaste responsen i varje område finns
# kvar, och ett mönster som flyttas en pixel ger ofta samma resultat. Pooling har inga vikter att
# lära sig. Enligt formeln i fråga 1 med $k = 2$, $s = 2$ och $p = 0$ har utdata
# $\lfloor (H - 2)/2 \rfloor + 1 = \lfloor H/2 \rfloor$ rader: när $H$ är udda tas den sista raden
# bort, och på samma sätt den sista kolumnen när $W$ är udda (`nnlib.MaxPool2D(2)` gör likadant).
# Till exempel är
#
# $$X = \begin{pmatrix} 1 & 3 & 2 & 0 & 5 \\ 4 & -1 & 6 & 1 & 5 \\ 0 & 2 & -3 & -2 & 5 \\
#   1 & 0 & -4 & -1 & 5 \end{pmatrix} \quad\Rightarrow\quad
#   Y = \begin{pmatrix} 4 & 6 \\ 2 & -1 \end{pmatrix}.$$
#
# Skriv `max_pool_2x2(image)` för en bild `image` med formen `(H, W)` där $H, W \ge 2$ som
# returnerar $Y$, en array med formen `(H // 2, W // 2)`. Observera att värdena kan vara
# negativa. `np.max` av en $2 \times 2$-skiva hjälper.

# %% tags=["en"]
def max_pool_2x2(image):
    """Max pooling with a 2 x 2 window and stride 2; an odd last row or column is dropped.

    Y[i, j] = max of image[2i:2i + 2, 2j:2j + 2].

    Parameters
    ----------
    image : numpy array of shape (H, W)

    Returns
    -------
    numpy array of shape (H // 2, W // 2)
    """
    # BEGIN SOLUTION
    H_out, W_out = image.shape[0] // 2, image.shape[1] // 2
    Y = np.zeros((H_out, W_out))
    for i in range(H_out):
        for j in range(W_out):
            Y[i, j] = np.max(image[2 * i:2 * i + 2, 2 * j:2 * j + 2])
    return Y
    # END SOLUTION

# %% tags=["sv"]
def max_pool_2x2(image):
    """Max pooling med ett 2 x 2-fönster och stride 2; en udda sista rad eller kolumn tas bort.

    Y[i, j] = största värdet i image[2i:2i + 2, 2j:2j + 2].

    Parametrar
    ----------
    image : numpy-array med formen (H, W)

    Returnerar
    ----------
    numpy-array med formen (H // 2, W // 2)
    """
    # BEGIN SOLUTION
    H_out, W_out = image.shape[0] // 2, image.shape[1] // 2
    Y = np.zeros((H_out, W_out))
    for i in range(H_out):
        for j in range(W_out):
            Y[i, j] = np.max(image[2 * i:2 * i + 2, 2 * j:2 * j + 2])
    return Y
    # END SOLUTION

# %% tags=["check"]
check("q4")

# %% [markdown] tags=["en"]
# ## Question 5: a whole convolutional layer (2 points)
#
# A real convolutional layer works on a batch of images with several channels and has several
# filters, each with its own bias. Its input $X$ has shape `(N, C_in, H, W)` and its weights $W$
# have shape `(C_out, C_in, kH, kW)`: filter $k$ is `W[k]`, a stack of `C_in` kernels, one for
# each input channel. Output channel $k$ of image $n$ is the sum of the convolutions of every
# input channel with its kernel, plus the bias $b_k$:
#
# $$Y_{n,k,i,j} = b_k + \sum_{c=0}^{C_{\text{in}}-1} \sum_{u=0}^{k_H-1} \sum_{v=0}^{k_W-1}
#   W_{k,c,u,v}\, X^{\text{pad}}_{n,\,c,\; i s + u,\; j s + v},$$
#
# where $X^{\text{pad}}$ is $X$ with $p$ rows and columns of zeros added on every side of each
# image, and $s$ is the stride. In numpy the sum over $c$, $u$ and $v$ is one line: the window
# `Xpad[n, :, i*s:i*s + kH, j*s:j*s + kW]` has shape `(C_in, kH, kW)`, the same as `W[k]`, so
# `np.sum(window * W[k]) + b[k]` is $Y_{n,k,i,j}$. The output has shape
# `(N, C_out, H_out, W_out)` with $H_{\text{out}}$ and $W_{\text{out}}$ from question 1, and
# `np.pad(X, ((0, 0), (0, 0), (p, p), (p, p)))` pads only the rows and columns. With one image,
# one channel, one filter, $b = 0$, $s = 1$ and $p = 0$ this is exactly `conv2d_valid`.
#
# Write `conv2d_layer(X, W, b, stride, padding)` that returns $Y$. Four nested loops (over `n`,
# `k`, `i` and `j`) are fine. The library's `nnlib.Conv2D(C_in, C_out, kernel_size,
# stride=..., padding=...)` computes the same in a much faster way (it turns every window into
# one row of a matrix and multiplies once); its readable loop version,
# `nnlib.conv.conv2d_naive`, is worth reading after you have written yours.

# %% [markdown] tags=["sv"]
# ## Fråga 5: ett helt faltningslager (2 poäng)
#
# Ett riktigt faltningslager arbetar med en batch av bilder med flera kanaler och har flera
# filter, vart och ett med sin egen bias. Dess indata $X$ har formen `(N, C_in, H, W)` och dess
# vikter $W$ formen `(C_out, C_in, kH, kW)`: filter $k$ är `W[k]`, en stapel av `C_in` kärnor, en
# för varje indatakanal. Utdatakanal $k$ för bild $n$ är summan av faltningarna av varje
# indatakanal med sin kärna, plus biasen $b_k$:
#
# $$Y_{n,k,i,j} = b_k + \sum_{c=0}^{C_{\text{in}}-1} \sum_{u=0}^{k_H-1} \sum_{v=0}^{k_W-1}
#   W_{k,c,u,v}\, X^{\text{pad}}_{n,\,c,\; i s + u,\; j s + v},$$
#
# där $X^{\text{pad}}$ är $X$ med $p$ rader och kolumner med nollor tillagda på varje sida av
# varje bild, och $s$ är stride. I numpy blir summan över $c$, $u$ och $v$ en enda rad:
# fönstret `Xpad[n, :, i*s:i*s + kH, j*s:j*s + kW]` har formen `(C_in, kH, kW)`, samma som
# `W[k]`, så `np.sum(window * W[k]) + b[k]` är $Y_{n,k,i,j}$. Utdata har formen
# `(N, C_out, H_out, W_out)` med $H_{\text{out}}$ och $W_{\text{out}}$ från fråga 1, och
# `np.pad(X, ((0, 0), (0, 0), (p, p), (p, p)))` fyller bara ut raderna och kolumnerna. Med en
# bild, en kanal, ett filter, $b = 0$, $s = 1$ och $p = 0$ är det precis `conv2d_valid`.
#
# Skriv `conv2d_layer(X, W, b, stride, padding)` som returnerar $Y$. Fyra nästlade loopar (över
# `n`, `k`, `i` och `j`) går bra. Bibliotekets `nnlib.Conv2D(C_in, C_out, kernel_size,
# stride=..., padding=...)` räknar ut samma sak på ett mycket snabbare sätt (det gör om varje
# fönster till en rad i en matris och multiplicerar en enda gång); dess lättlästa loopversion,
# `nnlib.conv.conv2d_naive`, är värd att läsa när du har skrivit din egen.

# %% tags=["en"]
def conv2d_layer(X, W, b, stride, padding):
    """Forward pass of a convolutional layer, NCHW.

    Y[n, k, i, j] = b[k] + sum over c, u, v of W[k, c, u, v] * Xpad[n, c, i*stride + u, j*stride + v],
    where Xpad is X with `padding` zeros added on every side of each image.

    Parameters
    ----------
    X : numpy array of shape (N, C_in, H, W)
    W : numpy array of shape (C_out, C_in, kH, kW)
    b : numpy array of shape (C_out,)
    stride : int
        s >= 1.
    padding : int
        p >= 0.

    Returns
    -------
    numpy array of shape (N, C_out, H_out, W_out)
        H_out = (H + 2 padding - kH) // stride + 1, and likewise W_out.
    """
    # BEGIN SOLUTION
    N = X.shape[0]
    C_out, _, kH, kW = W.shape
    Xpad = np.pad(X, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    H_out = conv_output_size(X.shape[2], kH, stride, padding)
    W_out = conv_output_size(X.shape[3], kW, stride, padding)
    Y = np.zeros((N, C_out, H_out, W_out))
    for n in range(N):
        for k in range(C_out):
            for i in range(H_out):
                for j in range(W_out):
                    window = Xpad[n, :, i * stride:i * stride + kH, j * stride:j * stride + kW]
                    Y[n, k, i, j] = np.sum(window * W[k]) + b[k]
    return Y
    # END SOLUTION

# %% tags=["sv"]
def conv2d_layer(X, W, b, stride, padding):
    """Framåtpass genom ett faltningslager, NCHW.

    Y[n, k, i, j] = b[k] + summan över c, u, v av W[k, c, u, v] * Xpad[n, c, i*stride + u, j*stride + v],
    där Xpad är X med `padding` nollor tillagda på varje sida av varje bild.

    Parametrar
    ----------
    X : numpy-array med formen (N, C_in, H, W)
    W : numpy-array med formen (C_out, C_in, kH, kW)
    b : numpy-array med formen (C_out,)
    stride : int
        s >= 1.
    padding : int
        p >= 0.

    Returnerar
    ----------
    numpy-array med formen (N, C_out, H_out, W_out)
        H_out = (H + 2 padding - kH) // stride + 1, och W_out på samma sätt.
    """
    # BEGIN SOLUTION
    N = X.shape[0]
    C_out, _, kH, kW = W.shape
    Xpad = np.pad(X, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    H_out = conv_output_size(X.shape[2], kH, stride, padding)
    W_out = conv_output_size(X.shape[3], kW, stride, padding)
    Y = np.zeros((N, C_out, H_out, W_out))
    for n in range(N):
        for k in range(C_out):
            for i in range(H_out):
                for j in range(W_out):
                    window = Xpad[n, :, i * stride:i * stride + kH, j * stride:j * stride + kW]
                    Y[n, k, i, j] = np.sum(window * W[k]) + b[k]
    return Y
    # END SOLUTION

# %% tags=["check"]
check("q5")

# %% [markdown] tags=["en"]
# ## Done?
#
# When all five checks show ✔, restart the kernel and run all cells once more (*Kernel → Restart
# Kernel and Run All Cells…*) to make sure that the notebook works from the top, then save it and
# hand it in the way your teacher asks. Next: [exercise 11, overfitting, validation and
# checkpoints](11_overfitting.ipynb).

# %% [markdown] tags=["sv"]
# ## Klar?
#
# När alla fem kontrollerna visar ✔ startar du om kärnan och kör alla celler en gång till
# (*Kernel → Restart Kernel and Run All Cells…*) för att se att din notebook fungerar från
# början. Spara den sedan och lämna in den på det sätt som din lärare har bestämt. Nästa steg:
# [övning 11, överanpassning, validering och kontrollpunkter](11_overfitting.ipynb).

# %% tags=["hidden"]
from course.exercise import Misconception, Question, case, random_cases


def _correlate(image, kernel):
    kH, kW = kernel.shape
    rows, cols = image.shape[0] - kH + 1, image.shape[1] - kW + 1
    return np.array([[np.sum(image[i:i + kH, j:j + kW] * kernel) for j in range(cols)] for i in range(rows)])


def _edge_kernel_verdict(received):
    """How ``received`` does as a left-to-right edge detector: (kind, message), kind "right" when it works.

    The kinds tell wrong kernels apart by the way they are wrong ("horizontal", "rows",
    "reversed", "both_signs", "silent", "invalid"), so that a misconception is recognised
    by its kind; the message is what the student reads.
    """
    try:
        K = np.asarray(received, dtype=float)
    except (TypeError, ValueError):
        return "invalid", {"en": "Expected a 3 x 3 numpy array of numbers.",
                           "sv": "väntat: en numpy-array med tal och formen 3 x 3."}
    if K.shape != (3, 3):
        return "invalid", {"en": f"Expected an array of shape (3, 3), but received shape {K.shape}.",
                           "sv": f"väntat: en array med formen (3, 3); ditt svar har formen {K.shape}."}
    if not np.all(np.isfinite(K)):
        return "invalid", {"en": "The kernel contains NaN or infinite values.",
                           "sv": "Kärnan innehåller NaN eller oändliga värden."}
    row_image = np.repeat(np.array([[0.3], [0.3], [1.0], [1.0], [-0.5]]), 6, axis=1)
    response = _correlate(row_image, K)
    if not np.allclose(response, 0.0, atol=1e-9):
        kind = "horizontal" if np.allclose(_correlate(row_image.T, K), 0.0, atol=1e-9) else "rows"
        return kind, {
            "en": "An image that changes only from top to bottom (each row has one value) should give 0 "
                  f"everywhere, but your kernel gives values up to {np.max(np.abs(response)):.3g}. "
                  f"The sums of your kernel's rows are {K.sum(axis=1)}.",
            "sv": "En bild som bara ändras uppifrån och ned (varje rad har ett enda värde) ska ge 0 "
                  f"överallt, men din kärna ger värden upp till {np.max(np.abs(response)):.3g}. "
                  f"Summorna av kärnans rader är {K.sum(axis=1)}.",
        }
    step = np.zeros((4, 6))
    step[:, 3:] = 1.0
    response = _correlate(step, K)
    if response.max() <= 1e-9 or response.min() < -1e-9:
        kind = ("silent" if np.allclose(response, 0.0, atol=1e-9) else
                "reversed" if response.max() <= 1e-9 else "both_signs")
        return kind, {
            "en": "On the image that is dark (0) on the left and bright (1) on the right, the feature map "
                  "should have positive values at the edge and no negative ones, but every row of it is "
                  f"{np.round(response[0], 3)}.",
            "sv": "På bilden som är mörk (0) till vänster och ljus (1) till höger ska feature map ha "
                  "positiva värden vid kanten och inga negativa, men varje rad i den är "
                  f"{np.round(response[0], 3)}.",
        }
    return "right", None


def _edge_kernel_compare(expected, received):
    """Right when ``received`` has both properties (any such kernel is right, not only ``expected``)."""
    kind, message = _edge_kernel_verdict(received)
    return kind == "right", message


def _same_kind_of_wrong(wrong, received):
    """Whether ``received`` is wrong the way the misconception's kernel ``wrong`` is (for recognising it)."""
    return _edge_kernel_verdict(received)[0] == _edge_kernel_verdict(wrong)[0]


def _image_and_kernel(rng):
    H, W = (int(n) for n in rng.integers(3, 8, size=2))
    kH, kW = int(rng.integers(1, H + 1)), int(rng.integers(1, W + 1))
    return rng.normal(size=(H, W)), rng.normal(size=(kH, kW))


def _pool_image(rng):
    H, W = (int(n) for n in rng.integers(2, 10, size=2))
    return rng.normal(size=(H, W)) - 1.0


def _sizes(rng):
    kernel_size = int(rng.integers(1, 8))
    padding = int(rng.integers(0, 4))
    size = int(rng.integers(max(kernel_size - 2 * padding, 1), 40))
    return size, kernel_size, int(rng.integers(1, 5)), padding


def _layer(rng):
    N, C_in, C_out = (int(n) for n in rng.integers(1, 4, size=3))
    kH, kW = (int(n) for n in rng.integers(1, 4, size=2))
    padding = int(rng.integers(0, 3))
    stride = int(rng.integers(1, 3))
    H, W = (int(n) for n in rng.integers(3, 7, size=2))
    return (rng.normal(size=(N, C_in, H, W)), rng.normal(size=(C_out, C_in, kH, kW)),
            rng.normal(size=C_out), stride, padding)



# Common wrong answers (each is handed in as a student would in the exercise tests).
def output_size_true_division(size, kernel_size, stride, padding):
    return (size + 2 * padding - kernel_size) / stride + 1


def output_size_padding_once(size, kernel_size, stride, padding):
    return (size + padding - kernel_size) // stride + 1


def output_size_without_plus_one(size, kernel_size, stride, padding):
    return (size + 2 * padding - kernel_size) // stride


def output_size_rounded(size, kernel_size, stride, padding):
    return round((size + 2 * padding - kernel_size) / stride) + 1


def output_size_by_counting(size, kernel_size, stride, padding):
    return len(range(0, size + 2 * padding - kernel_size + 1, stride))


def output_size_int_of_division(size, kernel_size, stride, padding):
    return int((size + 2 * padding - kernel_size) / stride) + 1


def conv_flipped_kernel(image, kernel):
    H, W = image.shape
    kH, kW = kernel.shape
    flipped = kernel[::-1, ::-1]
    Y = np.zeros((H - kH + 1, W - kW + 1))
    for i in range(H - kH + 1):
        for j in range(W - kW + 1):
            Y[i, j] = np.sum(image[i:i + kH, j:j + kW] * flipped)
    return Y


def conv_one_row_too_few(image, kernel):
    H, W = image.shape
    kH, kW = kernel.shape
    Y = np.zeros((H - kH, W - kW))
    for i in range(H - kH):
        for j in range(W - kW):
            Y[i, j] = np.sum(image[i:i + kH, j:j + kW] * kernel)
    return Y


def conv_image_sized_output(image, kernel):
    H, W = image.shape
    kH, kW = kernel.shape
    Y = np.zeros((H, W))
    for i in range(H - kH + 1):
        for j in range(W - kW + 1):
            Y[i, j] = np.sum(image[i:i + kH, j:j + kW] * kernel)
    return Y


def conv_matrix_product(image, kernel):
    H, W = image.shape
    kH, kW = kernel.shape
    Y = np.zeros((H - kH + 1, W - kW + 1))
    for i in range(H - kH + 1):
        for j in range(W - kW + 1):
            Y[i, j] = np.sum(image[i:i + kH, j:j + kW] @ kernel.T)
    return Y


def conv_by_sliding_windows(image, kernel):
    windows = np.lib.stride_tricks.sliding_window_view(image, kernel.shape)
    return np.einsum("ijuv,uv->ij", windows, kernel)


def conv_by_lists(image, kernel):
    rows, cols = len(kernel), len(kernel[0])
    return [[sum(float(kernel[u][v]) * float(image[i + u][j + v]) for u in range(rows) for v in range(cols))
             for j in range(len(image[0]) - cols + 1)] for i in range(len(image) - rows + 1)]


def pool_running_max_from_zero(image):
    Y = np.zeros((image.shape[0] // 2, image.shape[1] // 2))
    for i in range(Y.shape[0]):
        for j in range(Y.shape[1]):
            for u in range(2):
                for v in range(2):
                    Y[i, j] = max(Y[i, j], image[2 * i + u, 2 * j + v])
    return Y


def pool_mean(image):
    H, W = image.shape[0] // 2, image.shape[1] // 2
    return image[:2 * H, :2 * W].reshape(H, 2, W, 2).mean(axis=(1, 3))


def pool_keeps_odd_edge(image):
    H, W = -(-image.shape[0] // 2), -(-image.shape[1] // 2)
    return np.array([[np.max(image[2 * i:2 * i + 2, 2 * j:2 * j + 2]) for j in range(W)] for i in range(H)])


def pool_stride_one(image):
    H, W = image.shape[0] - 1, image.shape[1] - 1
    return np.array([[np.max(image[i:i + 2, j:j + 2]) for j in range(W)] for i in range(H)])


def pool_by_reshape(image):
    H, W = image.shape[0] // 2, image.shape[1] // 2
    return image[:2 * H, :2 * W].reshape(H, 2, W, 2).max(axis=(1, 3))


def layer_without_bias(X, W, b, stride, padding):
    N = X.shape[0]
    C_out, C_in, kH, kW = W.shape
    Xpad = np.pad(X, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    H_out = (X.shape[2] + 2 * padding - kH) // stride + 1
    W_out = (X.shape[3] + 2 * padding - kW) // stride + 1
    Y = np.zeros((N, C_out, H_out, W_out))
    for n in range(N):
        for k in range(C_out):
            for i in range(H_out):
                for j in range(W_out):
                    window = Xpad[n, :, i * stride:i * stride + kH, j * stride:j * stride + kW]
                    Y[n, k, i, j] = np.sum(window * W[k])
    return Y


def layer_without_padding(X, W, b, stride, padding):
    N = X.shape[0]
    C_out, C_in, kH, kW = W.shape
    Xpad = X
    H_out = (X.shape[2] + 2 * padding - kH) // stride + 1
    W_out = (X.shape[3] + 2 * padding - kW) // stride + 1
    Y = np.zeros((N, C_out, H_out, W_out))
    for n in range(N):
        for k in range(C_out):
            for i in range(H_out):
                for j in range(W_out):
                    window = Xpad[n, :, i * stride:i * stride + kH, j * stride:j * stride + kW]
                    Y[n, k, i, j] = np.sum(window * W[k]) + b[k]
    return Y


def layer_pads_every_axis(X, W, b, stride, padding):
    N = X.shape[0]
    C_out, C_in, kH, kW = W.shape
    Xpad = np.pad(X, padding)
    H_out = (X.shape[2] + 2 * padding - kH) // stride + 1
    W_out = (X.shape[3] + 2 * padding - kW) // stride + 1
    Y = np.zeros((N, C_out, H_out, W_out))
    for n in range(N):
        for k in range(C_out):
            for i in range(H_out):
                for j in range(W_out):
                    window = Xpad[n, :, i * stride:i * stride + kH, j * stride:j * stride + kW]
                    Y[n, k, i, j] = np.sum(window * W[k]) + b[k]
    return Y


def layer_last_channel_only(X, W, b, stride, padding):
    N = X.shape[0]
    C_out, C_in, kH, kW = W.shape
    Xpad = np.pad(X, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    H_out = (X.shape[2] + 2 * padding - kH) // stride + 1
    W_out = (X.shape[3] + 2 * padding - kW) // stride + 1
    Y = np.zeros((N, C_out, H_out, W_out))
    for n in range(N):
        for k in range(C_out):
            for i in range(H_out):
                for j in range(W_out):
                    window = Xpad[n, :, i * stride:i * stride + kH, j * stride:j * stride + kW]
                    for c in range(C_in):
                        Y[n, k, i, j] = np.sum(window[c] * W[k, c]) + b[k]
    return Y


def layer_windows_not_strided(X, W, b, stride, padding):
    N = X.shape[0]
    C_out, C_in, kH, kW = W.shape
    Xpad = np.pad(X, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    H_out = (X.shape[2] + 2 * padding - kH) // stride + 1
    W_out = (X.shape[3] + 2 * padding - kW) // stride + 1
    Y = np.zeros((N, C_out, H_out, W_out))
    for n in range(N):
        for k in range(C_out):
            for i in range(H_out):
                for j in range(W_out):
                    window = Xpad[n, :, i:i + kH, j:j + kW]
                    Y[n, k, i, j] = np.sum(window * W[k]) + b[k]
    return Y


def layer_flipped_kernels(X, W, b, stride, padding):
    N = X.shape[0]
    C_out, C_in, kH, kW = W.shape
    Xpad = np.pad(X, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    H_out = (X.shape[2] + 2 * padding - kH) // stride + 1
    W_out = (X.shape[3] + 2 * padding - kW) // stride + 1
    Y = np.zeros((N, C_out, H_out, W_out))
    for n in range(N):
        for k in range(C_out):
            for i in range(H_out):
                for j in range(W_out):
                    window = Xpad[n, :, i * stride:i * stride + kH, j * stride:j * stride + kW]
                    Y[n, k, i, j] = np.sum(window * W[k, :, ::-1, ::-1]) + b[k]
    return Y


def layer_by_windows(X, W, b, stride, padding):
    Xpad = np.pad(X, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    windows = np.lib.stride_tricks.sliding_window_view(Xpad, W.shape[2:], axis=(2, 3))[:, :, ::stride, ::stride]
    return np.einsum("nchwuv,kcuv->nkhw", windows, W) + b[None, :, None, None]


_X3 = np.arange(1.0, 10.0).reshape(3, 3)

QUESTIONS = [
    Question(
        "q1", function="conv_output_size", points=1,
        hint={
            "en": "Count the rows where the kernel's top row can start: 0, s, 2s, ... in the padded image, which has "
                  "p extra rows on each side, as long as the whole kernel fits. Do not forget the start at 0. Divide "
                  "with an operator that rounds down and gives an int.",
            "sv": "Räkna raderna där kärnans översta rad kan börja: 0, s, 2s, ... i bilden med padding, som har p "
                  "extra rader på varje sida, så länge hela kärnan får plats. Glöm inte starten i 0. Dividera med en "
                  "operator som avrundar nedåt och ger en int.",
        },
        public=[case(8, 3, 1, 0), case(8, 3, 1, 1).weighted(2), case(28, 3, 2, 1)],
        hidden=[
            case(5, 5, 1, 0), case(7, 3, 2, 0), case(10, 4, 3, 1), case(4, 6, 1, 1), case(32, 5, 1, 2).weighted(2),
            case(9, 2, 2, 0), case(14, 3, 4, 0).weighted(2), *random_cases(_sizes, 6, seed=10),
        ],
        misconceptions=[
            Misconception("true_division", output_size_true_division, costs=0.5, message={
                "en": "/ gives a float (6.0, or 14.5 when the stride does not divide evenly). A size is a whole "
                      "number of rows: use integer division, which rounds down.",
                "sv": "/ ger ett flyttal (6.0, eller 14.5 när stride inte går jämnt upp). En storlek är ett helt "
                      "antal rader: använd heltalsdivision, som avrundar nedåt."}),
            Misconception("padding_once", output_size_padding_once, costs=0.5, message={
                "en": "Padding adds p rows above and p rows below the image, so the padded image has 2p more rows, "
                      "not p.",
                "sv": "Padding lägger till p rader över och p rader under bilden, så bilden med padding har 2p fler "
                      "rader, inte p."}),
            Misconception("no_plus_one", output_size_without_plus_one, costs=0.5, message={
                "en": "Your size is one too small: you count the steps between the first and the last position of "
                      "the kernel, not the positions. The kernel also stands at the start, position 0.",
                "sv": "Din storlek är en för liten: du räknar stegen mellan kärnans första och sista position, inte "
                      "positionerna. Kärnan står också vid starten, position 0."}),
            Misconception("rounds_to_nearest", output_size_rounded, costs=0.25, message={
                "en": "round() rounds to the nearest integer, so a kernel position that would stick out of the "
                      "padded image is counted too. Round down: integer division.",
                "sv": "round() avrundar till närmaste heltal, så en position där kärnan skulle sticka ut ur bilden "
                      "med padding räknas också. Avrunda nedåt: heltalsdivision."}),
        ],
        alternatives=[output_size_by_counting, output_size_int_of_division],
    ),
    Question(
        "q2", function="conv2d_valid", points=2,
        hint={
            "en": "Y has H - kH + 1 rows and W - kW + 1 columns. For every (i, j), multiply the window "
                  "image[i:i + kH, j:j + kW] element by element with the kernel as it is (not flipped) "
                  "and take np.sum.",
            "sv": "Y har H - kH + 1 rader och W - kW + 1 kolumner. För varje (i, j), multiplicera fönstret "
                  "image[i:i + kH, j:j + kW] element för element med kärnan som den är (inte vänd) och "
                  "ta np.sum.",
        },
        public=[
            case(_X3, np.array([[1.0, 2.0], [0.0, -1.0]])),
            case(np.array([[0.0, 0.0, 1.0, 1.0], [0.0, 0.0, 1.0, 1.0], [0.0, 0.0, 1.0, 1.0]]),
                 np.array([[-1.0, 1.0], [-1.0, 1.0]])),
        ],
        hidden=[
            case(np.arange(15.0).reshape(3, 5), np.array([[1.0, -2.0, 3.0]])),
            case(np.arange(12.0).reshape(4, 3), np.array([[2.0], [-1.0]])),
            case(_X3, np.array([[2.0]])),
            case(_X3, np.array([[0.0, 1.0, 2.0], [-1.0, 0.0, 3.0], [1.0, 1.0, -2.0]])),
            *random_cases(_image_and_kernel, 5, seed=11),
        ],
        misconceptions=[
            Misconception("flipped_kernel", conv_flipped_kernel, costs=0.5, message={
                "en": "You flip the kernel, as the convolution of mathematics does. In deep learning the kernel is "
                      "used as it is: kernel[u, v] multiplies the pixel at offset (u, v) in the window.",
                "sv": "Du vänder kärnan, som faltningen i matematiken gör. Inom djupinlärning används kärnan som den "
                      "är: kernel[u, v] multipliceras med pixeln på förskjutningen (u, v) i fönstret."}),
            Misconception("one_row_too_few", conv_one_row_too_few, costs=0.5, message={
                "en": "Your feature map lacks the last row and column: the kernel fits H - kH + 1 times down the "
                      "image, the last start being row H - kH. range(stop) stops one before stop.",
                "sv": "Din feature map saknar den sista raden och kolumnen: kärnan får plats H − kH + 1 gånger "
                      "nedåt i bilden, och den sista starten är rad H − kH. range(stop) slutar ett steg före stop."}),
            Misconception("image_sized_output", conv_image_sized_output, costs=0.5, message={
                "en": "Your feature map has the shape of the image, with zeros where the kernel does not fit. A "
                      "valid convolution is smaller: it has one value for each position where the kernel fits.",
                "sv": "Din feature map har bildens form, med nollor där kärnan inte får plats. En giltig faltning "
                      "är mindre: den har ett värde för varje position där kärnan får plats helt."}),
            Misconception("matrix_product", conv_matrix_product, costs=0.5, message={
                "en": "@ is a matrix product, which mixes rows and columns. The window and the kernel are "
                      "multiplied element by element (*), and the products are added up.",
                "sv": "@ är en matrisprodukt, som blandar rader och kolumner. Fönstret och kärnan multipliceras "
                      "element för element (*), och produkterna summeras."}),
        ],
        alternatives=[conv_by_sliding_windows, conv_by_lists],
    ),
    Question(
        "q3", variable="vertical_edge_kernel", points=1, compare=_edge_kernel_compare, alike=_same_kind_of_wrong,
        hint={
            "en": "Condition 1 is about the sum of each row of the kernel: where each row of the window has one value, "
                  "the window gives every row's sum times that row's value, added up. Condition 2 is about the sides: slide the kernel over "
                  "the edge by hand and see which side must weigh positively so that dark to bright gives a "
                  "positive value.",
            "sv": "Villkor 1 handlar om summan av varje rad i kärnan: där varje rad i fönstret har ett enda värde blir "
                  "resultatet, summerat över raderna, kärnradens summa gånger fönsterradens värde. Villkor 2 handlar om sidorna: låt kärnan glida över kanten för "
                  "hand och se vilken sida som måste väga positivt för att mörkt till ljust ska ge ett positivt "
                  "värde.",
        },
        misconceptions=[
            Misconception("reversed_sign", np.array([[1.0, 0.0, -1.0], [2.0, 0.0, -2.0], [1.0, 0.0, -1.0]]),
                          costs=1, message={
                "en": "Your kernel finds edges from bright to dark: at a dark-to-bright edge its feature map is "
                      "negative. Swap the signs of the left and the right column.",
                "sv": "Din kärna hittar kanter från ljust till mörkt: vid en kant från mörkt till ljust är dess "
                      "feature map negativ. Byt tecken på vänstra och högra kolumnen."}),
            Misconception("horizontal_edges", np.array([[-1.0, -2.0, -1.0], [0.0, 0.0, 0.0], [1.0, 2.0, 1.0]]),
                          costs=1, message={
                "en": "Your kernel compares the top with the bottom, so it finds horizontal edges. A vertical edge "
                      "is a change from left to right: compare the left columns with the right ones.",
                "sv": "Din kärna jämför överkanten med underkanten, så den hittar horisontella kanter. En vertikal "
                      "kant är en ändring från vänster till höger: jämför de vänstra kolumnerna med de högra."}),
            Misconception("rows_not_balanced", np.array([[0.0, 0.0, 1.0], [0.0, 0.0, 1.0], [0.0, 0.0, 1.0]]),
                          costs=1, message={
                "en": "Your kernel also responds where the image does not change from left to right: each row of "
                      "the kernel must add up to 0, so that a flat region gives 0.",
                "sv": "Din kärna svarar också där bilden inte ändras från vänster till höger: varje rad i kärnan "
                      "måste ha summan 0, så att ett jämnt område ger 0."}),
            Misconception("second_difference", np.array([[1.0, -2.0, 1.0], [1.0, -2.0, 1.0], [1.0, -2.0, 1.0]]),
                          costs=1, message={
                "en": "Your kernel compares the middle column with both sides, so it answers on both sides of the "
                      "edge, once positive and once negative. Compare the left side with the right side instead.",
                "sv": "Din kärna jämför mittenkolumnen med båda sidorna, så den svarar på båda sidor om kanten, en "
                      "gång positivt och en gång negativt. Jämför i stället vänster sida med höger sida."}),
        ],
    ),
    Question(
        "q4", function="max_pool_2x2", points=2,
        hint={
            "en": "Cut the image into 2 x 2 blocks that do not overlap, starting every 2 rows and every 2 columns; "
                  "an odd last row or column is left out. Keep the largest value of each block. Do not start a "
                  "running maximum at 0: the values may all be negative.",
            "sv": "Dela bilden i 2 x 2-block som inte överlappar, med start varannan rad och varannan kolumn; en "
                  "udda sista rad eller kolumn tas inte med. Behåll det största värdet i varje block. Börja inte ett "
                  "löpande maximum på 0: alla värden kan vara negativa.",
        },
        public=[
            case(np.arange(16.0).reshape(4, 4)),
            case(np.array([[1.0, 3.0, 2.0, 0.0, 5.0], [4.0, -1.0, 6.0, 1.0, 5.0],
                           [0.0, 2.0, -3.0, -2.0, 5.0], [1.0, 0.0, -4.0, -1.0, 5.0]])),
        ],
        hidden=[
            case(np.array([[-5.0, -2.0], [-3.0, -4.0]])),
            case(-np.arange(1.0, 31.0).reshape(5, 6)),
            case(np.array([[1.0, 9.0, 0.0], [2.0, 3.0, 0.0], [7.0, 7.0, 7.0]])),
            *random_cases(_pool_image, 5, seed=12),
        ],
        misconceptions=[
            Misconception("running_max_from_zero", pool_running_max_from_zero, costs=0.5, message={
                "en": "Your running maximum starts at 0, so a block whose values are all negative gives 0. Start "
                      "from a value of the block itself, or take the maximum of the whole block at once.",
                "sv": "Ditt löpande maximum börjar på 0, så ett block där alla värden är negativa ger 0. Börja med "
                      "ett värde från själva blocket, eller ta maximum av hela blocket på en gång."}),
            Misconception("mean_pooling", pool_mean, costs=0.5, message={
                "en": "You average each block (average pooling). Max pooling keeps the largest value of each block.",
                "sv": "Du tar medelvärdet av varje block (medelvärdespooling). Maxpooling behåller det största "
                      "värdet i varje block."}),
            Misconception("keeps_odd_edge", pool_keeps_odd_edge, costs=0.5, message={
                "en": "For an odd number of rows or columns you keep a last half-block. A 2 x 2 window must fit "
                      "completely, so the output has H // 2 rows and W // 2 columns.",
                "sv": "För ett udda antal rader eller kolumner behåller du ett sista halvt block. Ett 2 x 2-fönster "
                      "måste få plats helt, så utdata har H // 2 rader och W // 2 kolumner."}),
            Misconception("stride_one", pool_stride_one, costs=0.5, message={
                "en": "Your windows overlap: they move one step at a time. With stride 2 the window moves two rows "
                      "and two columns, so every value belongs to exactly one block.",
                "sv": "Dina fönster överlappar: de flyttas ett steg i taget. Med stride 2 flyttas fönstret två rader "
                      "och två kolumner, så varje värde hör till exakt ett block."}),
        ],
        alternatives=[pool_by_reshape],
    ),
    Question(
        "q5", function="conv2d_layer", points=2,
        hint={
            "en": "Pad first, and only the rows and columns of each image, not the batch or the channel axis. "
                  "The window of output (i, j) starts stride times further down and to the right, covers all "
                  "input channels and is multiplied with the whole filter k; add up every product, then the "
                  "filter's bias, once.",
            "sv": "Lägg till padding först, och bara på raderna och kolumnerna i varje bild, inte på batchaxeln "
                  "eller kanalaxeln. Fönstret för utdata (i, j) börjar stride gånger längre ned och åt höger, "
                  "täcker alla indatakanaler och multipliceras med hela filter k; summera alla produkter och "
                  "addera sedan filtrets bias, en gång.",
        },
        public=[
            case(_X3.reshape(1, 1, 3, 3), np.array([[[[1.0, 2.0], [0.0, -1.0]]]]), np.array([0.5]), 1, 0),
            case(np.arange(32.0).reshape(1, 2, 4, 4) / 10,
                 np.array([[[[1.0, 0.0], [0.0, 1.0]], [[0.0, -1.0], [1.0, 0.0]]],
                           [[[0.5, 0.5], [0.5, 0.5]], [[0.0, 0.0], [0.0, 2.0]]]]),
                 np.array([0.0, -1.0]), 1, 0),
            case(_X3.reshape(1, 1, 3, 3), np.array([[[[1.0, 2.0], [0.0, -1.0]]]]), np.array([0.0]), 1, 1),
            case(np.arange(50.0).reshape(1, 2, 5, 5) / 10, np.array([[[[1.0, 0.0, -1.0]] * 3, [[0.0, 1.0, 0.0]] * 3]]),
                 np.array([0.5]), 2, 1),
        ],
        hidden=[
            case(np.arange(50.0).reshape(2, 1, 5, 5), np.ones((1, 1, 3, 3)), np.array([1.0]), 2, 0).weighted(2),
            case(np.arange(36.0).reshape(1, 1, 6, 6), np.array([[[[1.0, -1.0, 2.0]]]]), np.array([0.0]), 2, 1),
            case(np.arange(96.0).reshape(2, 3, 4, 4) / 7 - 6, np.arange(24.0).reshape(2, 3, 2, 2) / 4 - 3,
                 np.array([0.1, -0.2]), 1, 1).weighted(2),
            case(np.arange(98.0).reshape(1, 2, 7, 7) / 20 - 2, np.arange(54.0).reshape(3, 2, 3, 3) / 9 - 3,
                 np.array([0.5, 0.0, -0.5]), 2, 0).weighted(2),
            *random_cases(_layer, 5, seed=13),
        ],
        misconceptions=[
            Misconception("no_bias", layer_without_bias, costs=0.5, message={
                "en": "Your values lack the bias: every output channel k has its own bias b[k], added once to every "
                      "value of its feature map.",
                "sv": "Dina värden saknar bias: varje utdatakanal k har sitt eget bias b[k], som adderas en gång "
                      "till varje värde i dess feature map."}),
            Misconception("no_padding", layer_without_padding, costs=0.5, message={
                "en": "Your windows are cut from the image without the padding: pad the rows and columns with p "
                      "zeros on every side before you slide the filter.",
                "sv": "Dina fönster tas ur bilden utan padding: lägg till p nollor på varje sida av raderna och "
                      "kolumnerna innan du låter filtret glida."}),
            Misconception("pads_every_axis", layer_pads_every_axis, costs=0.5, message={
                "en": "np.pad(X, padding) pads every axis, also the batch and the channels, which adds images and "
                      "channels of zeros. Give np.pad a width of 0 for the first two axes.",
                "sv": "np.pad(X, padding) lägger till padding på varje axel, också batchen och kanalerna, vilket "
                      "lägger till bilder och kanaler med nollor. Ge np.pad bredden 0 för de två första axlarna."}),
            Misconception("last_channel_only", layer_last_channel_only, costs=0.5, message={
                "en": "Your loop over the input channels overwrites the value instead of adding to it, so only the "
                      "last channel counts. The output is the sum over all input channels.",
                "sv": "Din loop över indatakanalerna skriver över värdet i stället för att addera till det, så bara "
                      "den sista kanalen räknas. Utdata är summan över alla indatakanaler."}),
            Misconception("windows_not_strided", layer_windows_not_strided, costs=0.5, message={
                "en": "Your window for output (i, j) starts at row i and column j, as for stride 1. With stride s it "
                      "starts at row i · s and column j · s.",
                "sv": "Ditt fönster för utdata (i, j) börjar i rad i och kolumn j, som för stride 1. Med stride s "
                      "börjar det i rad i · s och kolumn j · s."}),
            Misconception("flipped_kernels", layer_flipped_kernels, costs=0.5, message={
                "en": "You flip every kernel, as the convolution of mathematics does. Deep learning uses the "
                      "weights as they are, like conv2d_valid in question 2.",
                "sv": "Du vänder varje kärna, som faltningen i matematiken gör. Inom djupinlärning används vikterna "
                      "som de är, som i conv2d_valid i fråga 2."}),
        ],
        alternatives=[layer_by_windows],
    ),
]
