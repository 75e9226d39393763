# %% [markdown] tags=["en", "slide"]
# # 06 Chain rule and computational graphs
#
# In chapter 05 gradient descent needed one thing: the derivative of the cost with respect
# to the parameter we want to change. For $y = a x^2$ that derivative was easy to write
# down. A neural network is harder: the loss depends on a weight through a long chain of
# steps (weighted sum, activation, the next layer, …, the loss). This chapter gives the
# tool that handles any such chain, the **chain rule**, and the picture that organises
# the work, the **computational graph**. Together they are backpropagation, the subject of
# chapter 07.
#
# After this chapter you can
#
# - differentiate a composed function $F(x) = f(g(x))$ and longer chains,
# - draw a computational graph and read it forward (values) and backward (gradients),
# - explain why gradients are *multiplied* along a path and *added* where paths meet,
# - check any gradient numerically with central differences, and say why they beat
#   forward differences.

# %% [markdown] tags=["sv", "slide"]
# # 06 Kedjeregeln och beräkningsgrafer
#
# I kapitel 05 behövde gradientnedstigningen en enda sak: derivatan av kostnaden med
# avseende på den parameter vi vill ändra. För $y = a x^2$ var den derivatan lätt att
# skriva upp. Ett neuralt nätverk är svårare: förlusten beror på en vikt genom en lång
# kedja av steg (viktad summa, aktiveringsfunktion, nästa lager, …, förlusten). Det här
# kapitlet ger verktyget som klarar varje sådan kedja, **kedjeregeln**, och bilden som
# håller ordning på räkningarna, **beräkningsgrafen**. Tillsammans är de
# bakåtpropagering (backpropagation), som är ämnet för kapitel 07.
#
# Efter det här kapitlet kan du
#
# - derivera en sammansatt funktion $F(x) = f(g(x))$ och längre kedjor,
# - rita en beräkningsgraf och läsa den framåt (värden) och bakåt (gradienter),
# - förklara varför gradienter *multipliceras* längs en väg och *adderas* där vägar möts,
# - kontrollera vilken gradient som helst numeriskt med centrala differenser och säga
#   varför de är bättre än framåtdifferenser.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** Timing for 45 minutes: §1 with the two mistakes 8 min, §2 4 min, §3
# with the worked example and the widget 11 min, §4 with the widget 7 min, §5 6 min, §6 with
# the bridge to chapter 07 (gate patterns, δxᵀ on shapes) 7 min, summary 2 min; "Going
# further" is reading. The message: multiply along a path, add over the paths, and check every
# gradient numerically. Keep the board from §3 (the graph with its numbers) until the end;
# §4 and §6 refer back to it.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Tidsplan för 45 minuter: §1 med de två misstagen 8 min, §2 4 min,
# §3 med räkneexemplet och widgeten 11 min, §4 med widgeten 7 min, §5 6 min, §6 med bron till
# kapitel 07 (grindmönster, δxᵀ på formerna) 7 min, sammanfattning 2 min; ”Fördjupning” är
# läsning. Budskapet: multiplicera längs en väg, addera över vägarna, och
# kontrollera varje gradient numeriskt. Låt tavlan från §3 (grafen med sina tal) stå kvar
# till slutet; §4 och §6 hänvisar till den.

# %%
from course import set_language
set_language("en")

import numpy as np
import matplotlib.pyplot as plt

from course.plots_lessons import difference_errors, function_and_derivative

rng = np.random.default_rng(0)

# %% [markdown] tags=["en", "slide"]
# ## 1 A function inside a function
#
# $F(x) = (3x + 1)^2$ is a square *of* something: first compute the **inner function**
# $u = g(x) = 3x + 1$, then apply the **outer function** $f(u) = u^2$. So $F(x) = f(g(x))$,
# and the **chain rule** says
#
# $$F'(x) = f'(g(x)) \cdot g'(x),$$
#
# the derivative of the outer function, evaluated at the inner function, times the
# derivative of the inner function. With $u = g(x)$ it is easy to remember in Leibniz
# notation, as if the $du$ cancelled:
#
# $$\frac{dF}{dx} = \frac{dF}{du} \cdot \frac{du}{dx}.$$
#
# **Why multiply?** Derivatives are rates of change. If $u$ changes 3 times as fast as $x$,
# and $F$ changes $2u$ times as fast as $u$, then $F$ changes $2u \cdot 3$ times as fast
# as $x$, like gears: turn the first one, and the turns multiply through the chain.
#
# For our example: $f'(u) = 2u$ and $g'(x) = 3$, so $F'(x) = 2(3x + 1) \cdot 3 = 18x + 6$.
# Check by expanding first: $F(x) = 9x^2 + 6x + 1$, so $F'(x) = 18x + 6$. ✓

# %% [markdown] tags=["sv", "slide"]
# ## 1 En funktion inuti en funktion
#
# $F(x) = (3x + 1)^2$ är kvadraten *av* något: beräkna först den **inre funktionen**
# $u = g(x) = 3x + 1$ och använd sedan den **yttre funktionen** $f(u) = u^2$. Alltså är
# $F(x) = f(g(x))$, och **kedjeregeln** säger att
#
# $$F'(x) = f'(g(x)) \cdot g'(x),$$
#
# det vill säga den yttre funktionens derivata, beräknad i den inre funktionen, gånger den
# inre funktionens derivata. Med $u = g(x)$ är den lätt att komma ihåg med Leibniz
# beteckningssätt, som om $du$ förkortades bort:
#
# $$\frac{dF}{dx} = \frac{dF}{du} \cdot \frac{du}{dx}.$$
#
# **Varför multiplicera?** Derivator är förändringshastigheter. Om $u$ ändras 3 gånger så
# snabbt som $x$, och $F$ ändras $2u$ gånger så snabbt som $u$, så ändras $F$ $2u \cdot 3$
# gånger så snabbt som $x$, som kugghjul: vrid på det första, så multipliceras varven
# genom hela kedjan.
#
# I vårt exempel är $f'(u) = 2u$ och $g'(x) = 3$, så $F'(x) = 2(3x + 1) \cdot 3 = 18x + 6$.
# Kontroll genom att först utveckla: $F(x) = 9x^2 + 6x + 1$, så $F'(x) = 18x + 6$. ✓

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 8 minutes together with the next slide. Before showing the rule,
# ask the room for the derivative of (3x + 1)². The common answer is 2(3x + 1), which misses
# the inner derivative; expanding to 9x² + 6x + 1 on the board settles it (18x + 6). Before
# moving on, have everyone write the derivative of sin(x²) on paper.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 8 minuter tillsammans med nästa bild. Innan du visar
# regeln: be salen om derivatan av (3x + 1)². Det vanliga svaret är 2(3x + 1), där den inre
# derivatan saknas; att utveckla till 9x² + 6x + 1 på tavlan avgör saken (18x + 6). Låt alla
# skriva derivatan av sin(x²) på papper innan du går vidare.

# %% [markdown] tags=["en", "subslide"]
# ### Two classic mistakes
#
# Take $F(x) = \sin(x^2)$: outer $f(u) = \sin u$, inner $g(x) = x^2$, so
# $F'(x) = \cos(x^2) \cdot 2x$.
#
# 1. **Forgetting the inner derivative**: writing $F'(x) = \cos(x^2)$.
# 2. **Evaluating the outer derivative at $x$ instead of at $g(x)$**: writing $\cos(x) \cdot 2x$.
#
# The picture shows why the first one is wrong: the tangent of $F$ at $x_0 = 1.6$ (left) has
# exactly the slope the chain rule gives, $\cos(2.56) \cdot 3.2 \approx -2.67$ (right, blue),
# while $\cos(x^2)$ (dashed) says $-0.84$ there, and elsewhere even has the wrong sign.

# %% [markdown] tags=["sv", "subslide"]
# ### Två klassiska misstag
#
# Ta $F(x) = \sin(x^2)$: yttre funktion $f(u) = \sin u$, inre $g(x) = x^2$, så
# $F'(x) = \cos(x^2) \cdot 2x$.
#
# 1. **Att glömma den inre derivatan**: att skriva $F'(x) = \cos(x^2)$.
# 2. **Att beräkna den yttre derivatan i $x$ i stället för i $g(x)$**: att skriva
#    $\cos(x) \cdot 2x$.
#
# Figuren visar varför det första är fel: tangenten till $F$ i $x_0 = 1{,}6$ (till vänster)
# har precis den lutning som kedjeregeln ger, $\cos(2{,}56) \cdot 3{,}2 \approx -2{,}67$
# (till höger, blå), medan $\cos(x^2)$ (streckad) säger $-0{,}84$ där och på andra ställen
# till och med har fel tecken.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** Collect the written answers: expect cos(x²)·2x (right), cos(x²) and
# cos(x)·2x, and ask which mistake each wrong answer makes. In check-yourself task (c),
# stress that the input x is the inner derivative of wx + b with respect to w: a weight
# whose input is 0 gets no gradient. The widget in §3 shows this again.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Samla in de skrivna svaren: räkna med cos(x²)·2x (rätt), cos(x²)
# och cos(x)·2x, och fråga vilket misstag vart och ett av de felaktiga svaren gör. I uppgift
# (c) i ”Testa dig själv”: betona att indata x är den inre derivatan av wx + b med avseende
# på w: en vikt vars indata är 0 får ingen gradient. Widgeten i §3 visar det igen.

# %% tags=["en"]
x = np.linspace(-2.5, 2.5, 501)
F = np.sin(x ** 2)
dF = np.cos(x ** 2) * 2 * x
wrong = np.cos(x ** 2)

x0 = 1.6
slope = np.cos(x0 ** 2) * 2 * x0
function_and_derivative(x, F, dF, wrong, x0, np.sin(x0 ** 2), slope)
plt.show()
print(f"slope of the tangent at x0 = {x0}: {slope:.4f}")

# %% tags=["sv"]
x = np.linspace(-2.5, 2.5, 501)
F = np.sin(x ** 2)
dF = np.cos(x ** 2) * 2 * x
wrong = np.cos(x ** 2)

x0 = 1.6
slope = np.cos(x0 ** 2) * 2 * x0
function_and_derivative(x, F, dF, wrong, x0, np.sin(x0 ** 2), slope)
plt.show()
print(f"tangentens lutning i x0 = {x0}: {slope:.4f}")

# %% [markdown] tags=["en"]
# **Check yourself.** Differentiate (a) $e^{-x^2}$, (b) $\ln(1 + x^2)$, (c) $\sigma(wx + b)$
# with respect to $w$ (treat $x$ and $b$ as constants, and use $\sigma' = \sigma(1 - \sigma)$).
#
# <details><summary>Answer</summary>
#
# (a) Outer $e^u$, inner $u = -x^2$: $e^{-x^2} \cdot (-2x)$.
# (b) Outer $\ln u$, inner $u = 1 + x^2$: $\frac{1}{1 + x^2} \cdot 2x = \frac{2x}{1 + x^2}$.
# (c) Outer $\sigma(z)$, inner $z = wx + b$ with $\frac{dz}{dw} = x$:
# $\sigma(wx + b)\bigl(1 - \sigma(wx + b)\bigr) \cdot x$. The input $x$ appears as the
# inner derivative; this is why a weight whose input is $0$ gets no gradient.
#
# </details>

# %% [markdown] tags=["sv"]
# **Testa dig själv.** Derivera (a) $e^{-x^2}$, (b) $\ln(1 + x^2)$, (c) $\sigma(wx + b)$ med
# avseende på $w$ (se $x$ och $b$ som konstanter och använd $\sigma' = \sigma(1 - \sigma)$).
#
# <details><summary>Svar</summary>
#
# (a) Yttre $e^u$, inre $u = -x^2$: $e^{-x^2} \cdot (-2x)$.
# (b) Yttre $\ln u$, inre $u = 1 + x^2$: $\frac{1}{1 + x^2} \cdot 2x = \frac{2x}{1 + x^2}$.
# (c) Yttre $\sigma(z)$, inre $z = wx + b$ med $\frac{dz}{dw} = x$:
# $\sigma(wx + b)\bigl(1 - \sigma(wx + b)\bigr) \cdot x$. Indata $x$ dyker upp som inre
# derivata; därför får en vikt vars indata är $0$ ingen gradient.
#
# </details>

# %% [markdown] tags=["en", "slide"]
# ## 2 Longer chains
#
# With three functions, $F(x) = f(g(h(x)))$, apply the rule twice:
#
# $$F'(x) = f'\bigl(g(h(x))\bigr) \cdot g'\bigl(h(x)\bigr) \cdot h'(x),
# \qquad \frac{dF}{dx} = \frac{dF}{dv}\cdot\frac{dv}{du}\cdot\frac{du}{dx}
# \quad (u = h(x),\ v = g(u)).$$
#
# One factor per link, each evaluated at the value that link received. A network is
# exactly such a chain: chapter 03 wrote it (with the bias hidden in $x_0 = 1$) as
# $g(x) = f_L(W_L f_{L-1}(\cdots f_1(W_1 x) \cdots))$, and the loss is one more link at the end.
#
# Our running example for the rest of the chapter is one sigmoid neuron with a squared
# error loss:
#
# $$L = \bigl(\sigma(w x + b) - y\bigr)^2 .$$
#
# Split into elementary steps it is a chain of five links:
#
# $$u = w \cdot x, \quad z = u + b, \quad a = \sigma(z), \quad d = a - y, \quad L = d^2,$$
#
# and the chain rule gives the derivative with respect to the weight in one line:
#
# $$\frac{\partial L}{\partial w} =
# \frac{\partial L}{\partial d}\cdot\frac{\partial d}{\partial a}\cdot
# \frac{\partial a}{\partial z}\cdot\frac{\partial z}{\partial u}\cdot\frac{\partial u}{\partial w}
# = 2d \cdot 1 \cdot \sigma(z)\bigl(1 - \sigma(z)\bigr) \cdot 1 \cdot x .$$
#
# (We write $\partial$ because $L$ depends on several variables, $x, w, b, y$; each partial
# derivative keeps the others fixed.)

# %% [markdown] tags=["sv", "slide"]
# ## 2 Längre kedjor
#
# Med tre funktioner, $F(x) = f(g(h(x)))$, använder vi regeln två gånger:
#
# $$F'(x) = f'\bigl(g(h(x))\bigr) \cdot g'\bigl(h(x)\bigr) \cdot h'(x),
# \qquad \frac{dF}{dx} = \frac{dF}{dv}\cdot\frac{dv}{du}\cdot\frac{du}{dx}
# \quad (u = h(x),\ v = g(u)).$$
#
# En faktor per länk, var och en beräknad i det värde som länken fick in. Ett nätverk är
# precis en sådan kedja: i kapitel 03 skrev vi det (med biasen gömd i $x_0 = 1$) som
# $g(x) = f_L(W_L f_{L-1}(\cdots f_1(W_1 x) \cdots))$, och förlusten är ytterligare en länk
# på slutet.
#
# Vårt genomgående exempel i resten av kapitlet är en sigmoidneuron med kvadratfel som
# förlust:
#
# $$L = \bigl(\sigma(w x + b) - y\bigr)^2 .$$
#
# Uppdelad i elementära steg är den en kedja med fem länkar:
#
# $$u = w \cdot x, \quad z = u + b, \quad a = \sigma(z), \quad d = a - y, \quad L = d^2,$$
#
# och kedjeregeln ger derivatan med avseende på vikten på en rad:
#
# $$\frac{\partial L}{\partial w} =
# \frac{\partial L}{\partial d}\cdot\frac{\partial d}{\partial a}\cdot
# \frac{\partial a}{\partial z}\cdot\frac{\partial z}{\partial u}\cdot\frac{\partial u}{\partial w}
# = 2d \cdot 1 \cdot \sigma(z)\bigl(1 - \sigma(z)\bigr) \cdot 1 \cdot x .$$
#
# (Vi skriver $\partial$ eftersom $L$ beror på flera variabler, $x, w, b, y$; varje partiell
# derivata håller de andra fasta.)

# %% [markdown] tags=["en", "slide"]
# ## 3 The computational graph
#
# A **computational graph** draws such a computation: every elementary operation is a
# node, and an arrow goes from each value to the operations that use it. For our neuron:
#
# $$x,\ w \;\to\; [u = w\cdot x] \;\to\; [z = u + b] \;\to\; [a = \sigma(z)] \;\to\; [d = a - y]
# \;\to\; [L = d^2]$$
#
# with arrows from $b$ into $z$ and from $y$ into $d$. The graph is read in two directions:
#
# - **Forward** (left to right): compute every node's **value** from its inputs. This is
#   the forward pass of chapter 03.
# - **Backward** (right to left): start with $\frac{\partial L}{\partial L} = 1$ at the output.
#   Each node takes the gradient that arrives from the right, multiplies it by its
#   **local derivative** (the derivative of its own small operation with respect to each
#   input) and passes the product to the left. What arrives at a node is
#   $\frac{\partial L}{\partial\,\text{node}}$.
#
# Each node only needs to know its own local derivatives:
#
# | operation | local derivatives |
# |---|---|
# | $u = w \cdot x$ | $\partial u/\partial w = x$, $\partial u/\partial x = w$ |
# | $z = u + b$ | $\partial z/\partial u = 1$, $\partial z/\partial b = 1$ |
# | $a = \sigma(z)$ | $\partial a/\partial z = a(1 - a)$ |
# | $d = a - y$ | $\partial d/\partial a = 1$, $\partial d/\partial y = -1$ |
# | $L = d^2$ | $\partial L/\partial d = 2d$ |

# %% [markdown] tags=["sv", "slide"]
# ## 3 Beräkningsgrafen
#
# En **beräkningsgraf** ritar upp en sådan beräkning: varje elementär operation är en nod,
# och en pil går från varje värde till de operationer som använder det. För vår neuron:
#
# $$x,\ w \;\to\; [u = w\cdot x] \;\to\; [z = u + b] \;\to\; [a = \sigma(z)] \;\to\; [d = a - y]
# \;\to\; [L = d^2]$$
#
# där $b$ har en pil in i $z$ och $y$ en pil in i $d$. Grafen läses åt två håll:
#
# - **Framåt** (från vänster till höger): beräkna varje nods **värde** från dess indata.
#   Det är framåtpasset från kapitel 03.
# - **Bakåt** (från höger till vänster): börja med $\frac{\partial L}{\partial L} = 1$ vid
#   utdata. Varje nod tar gradienten som kommer från höger, multiplicerar den med sin
#   **lokala derivata** (derivatan av sin egen lilla operation med avseende på varje
#   indata) och skickar produkten vidare åt vänster. Det som kommer fram till en nod är
#   $\frac{\partial L}{\partial\,\text{nod}}$.
#
# Varje nod behöver bara känna till sina egna lokala derivator:
#
# | operation | lokala derivator |
# |---|---|
# | $u = w \cdot x$ | $\partial u/\partial w = x$, $\partial u/\partial x = w$ |
# | $z = u + b$ | $\partial z/\partial u = 1$, $\partial z/\partial b = 1$ |
# | $a = \sigma(z)$ | $\partial a/\partial z = a(1 - a)$ |
# | $d = a - y$ | $\partial d/\partial a = 1$, $\partial d/\partial y = -1$ |
# | $L = d^2$ | $\partial L/\partial d = 2d$ |

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 12 minutes for §3 with the widget. Draw the graph across the
# whole board: values above the nodes in blue, gradients below in red, as in the widget.
# Fill in the forward values with the room, then walk backwards saying "incoming gradient
# times local derivative" at every node. Misconception: that the backward pass needs a
# formula for the whole of L; each node needs only its own local derivative and the values
# stored by the forward pass.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 12 minuter för §3 med widgeten. Rita grafen över hela
# tavlan: värdena ovanför noderna i blått, gradienterna under i rött, som i widgeten. Fyll i
# värdena framåt tillsammans med salen och gå sedan bakåt och säg ”inkommande gradient
# gånger lokal derivata” vid varje nod. Missförstånd: att bakåtpasset behöver en formel för
# hela L; varje nod behöver bara sin egen lokala derivata och värdena som framåtpasset
# sparade.

# %% [markdown] tags=["en", "subslide"]
# ### Worked example by hand
#
# Take $x = 2$, $w = 0.5$, $b = -1$ and ground truth $y = 1$.
#
# **Forward**, left to right:
#
# | node | value |
# |---|---|
# | $u = w x$ | $0.5 \cdot 2 = 1$ |
# | $z = u + b$ | $1 - 1 = 0$ |
# | $a = \sigma(z)$ | $\sigma(0) = 0.5$ |
# | $d = a - y$ | $0.5 - 1 = -0.5$ |
# | $L = d^2$ | $0.25$ |
#
# **Backward**, right to left (incoming gradient × local derivative):
#
# | gradient | computation | value |
# |---|---|---|
# | $\partial L/\partial L$ | start | $1$ |
# | $\partial L/\partial d$ | $1 \cdot 2d = 2 \cdot (-0.5)$ | $-1$ |
# | $\partial L/\partial a$ | $-1 \cdot 1$ | $-1$ |
# | $\partial L/\partial y$ | $-1 \cdot (-1)$ | $1$ |
# | $\partial L/\partial z$ | $-1 \cdot a(1-a) = -1 \cdot 0.25$ | $-0.25$ |
# | $\partial L/\partial b$ | $-0.25 \cdot 1$ | $-0.25$ |
# | $\partial L/\partial u$ | $-0.25 \cdot 1$ | $-0.25$ |
# | $\partial L/\partial w$ | $-0.25 \cdot x = -0.25 \cdot 2$ | $-0.5$ |
# | $\partial L/\partial x$ | $-0.25 \cdot w = -0.25 \cdot 0.5$ | $-0.125$ |
#
# Does $\frac{\partial L}{\partial w} = -0.5$ make sense? The neuron outputs $0.5$ but the
# truth is $1$. A larger $w$ makes $z$ and $a$ larger, closer to $1$, so the loss falls when
# $w$ grows: the derivative is negative, and gradient descent $w \leftarrow w - \eta \cdot (-0.5)$
# will increase $w$. Note also that the step through $\partial L/\partial z$ was shared: it was
# computed once and used for $b$, $w$ and $x$.

# %% [markdown] tags=["sv", "subslide"]
# ### Räkneexempel för hand
#
# Ta $x = 2$, $w = 0{,}5$, $b = -1$ och facit $y = 1$.
#
# **Framåt**, från vänster till höger:
#
# | nod | värde |
# |---|---|
# | $u = w x$ | $0{,}5 \cdot 2 = 1$ |
# | $z = u + b$ | $1 - 1 = 0$ |
# | $a = \sigma(z)$ | $\sigma(0) = 0{,}5$ |
# | $d = a - y$ | $0{,}5 - 1 = -0{,}5$ |
# | $L = d^2$ | $0{,}25$ |
#
# **Bakåt**, från höger till vänster (inkommande gradient × lokal derivata):
#
# | gradient | beräkning | värde |
# |---|---|---|
# | $\partial L/\partial L$ | start | $1$ |
# | $\partial L/\partial d$ | $1 \cdot 2d = 2 \cdot (-0{,}5)$ | $-1$ |
# | $\partial L/\partial a$ | $-1 \cdot 1$ | $-1$ |
# | $\partial L/\partial y$ | $-1 \cdot (-1)$ | $1$ |
# | $\partial L/\partial z$ | $-1 \cdot a(1-a) = -1 \cdot 0{,}25$ | $-0{,}25$ |
# | $\partial L/\partial b$ | $-0{,}25 \cdot 1$ | $-0{,}25$ |
# | $\partial L/\partial u$ | $-0{,}25 \cdot 1$ | $-0{,}25$ |
# | $\partial L/\partial w$ | $-0{,}25 \cdot x = -0{,}25 \cdot 2$ | $-0{,}5$ |
# | $\partial L/\partial x$ | $-0{,}25 \cdot w = -0{,}25 \cdot 0{,}5$ | $-0{,}125$ |
#
# Är $\frac{\partial L}{\partial w} = -0{,}5$ rimligt? Neuronen ger $0{,}5$ men facit är $1$.
# Ett större $w$ gör $z$ och $a$ större, närmare $1$, så förlusten minskar när $w$ växer:
# derivatan är negativ, och gradientnedstigningen $w \leftarrow w - \eta \cdot (-0{,}5)$
# ökar $w$. Lägg också märke till att steget genom $\partial L/\partial z$ delades: det
# beräknades en gång och användes för $b$, $w$ och $x$.

# %% [markdown] tags=["en"]
# The same two passes in numpy, one line per node. The backward pass uses only values
# the forward pass already computed (here `a` and `d`); that is why backpropagation
# first runs forward and keeps the values.

# %% [markdown] tags=["sv"]
# Samma två pass i numpy, en rad per nod. Bakåtpasset använder bara värden som
# framåtpasset redan har beräknat (här `a` och `d`); därför kör bakåtpropageringen först
# framåt och sparar värdena.

# %% tags=["en"]
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


x, w, b, y = 2.0, 0.5, -1.0, 1.0

u = w * x
z = u + b
a = sigmoid(z)
d = a - y
L = d ** 2
print(f"forward:  u = {u}, z = {z}, a = {a}, d = {d}, L = {L}")

dL_dd = 2 * d
dL_da = dL_dd * 1
dL_dy = dL_dd * -1
dL_dz = dL_da * a * (1 - a)
dL_db = dL_dz * 1
dL_du = dL_dz * 1
dL_dw = dL_du * x
dL_dx = dL_du * w
print(f"backward: dL/dz = {dL_dz}, dL/dw = {dL_dw}, dL/db = {dL_db}, dL/dx = {dL_dx}, dL/dy = {dL_dy}")

# %% tags=["sv"]
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


x, w, b, y = 2.0, 0.5, -1.0, 1.0

u = w * x
z = u + b
a = sigmoid(z)
d = a - y
L = d ** 2
print(f"framåt:  u = {u}, z = {z}, a = {a}, d = {d}, L = {L}")

dL_dd = 2 * d
dL_da = dL_dd * 1
dL_dy = dL_dd * -1
dL_dz = dL_da * a * (1 - a)
dL_db = dL_dz * 1
dL_du = dL_dz * 1
dL_dw = dL_du * x
dL_dx = dL_du * w
print(f"bakåt:   dL/dz = {dL_dz}, dL/dw = {dL_dw}, dL/db = {dL_db}, dL/dx = {dL_dx}, dL/dy = {dL_dy}")

# %% [markdown] tags=["en", "subslide"]
# ### Try it: a graph that computes as you move the inputs
#
# The widget draws the graph of our neuron. Blue numbers **above** the nodes are the
# values of the forward pass, red numbers **below** are the gradients
# $\partial L / \partial\,\text{node}$ of the backward pass. Tick the box to see each edge's
# local derivative. The text under the sliders multiplies the local derivatives along the
# path from the chosen input to $L$, and checks every gradient against central differences
# (section 5).
#
# - Start from the hand-worked example and compare every number with the tables above.
# - Set $x = 0$. What happens to $\partial L/\partial w$, and why?
# - Set $w = 3$, $b = 3$ (or any large $z$). All gradients before $a$ become tiny although
#   the loss is not small when $y = 0$. Which local derivative is to blame? (Think of
#   chapter 04.)
# - Move $y$ to $0.5$ (the value of $a$). Where do the gradients become zero?

# %% [markdown] tags=["sv", "subslide"]
# ### Prova själv: en graf som räknar medan du ändrar indata
#
# Widgeten ritar grafen för vår neuron. Blå tal **ovanför** noderna är värdena från
# framåtpasset, röda tal **under** är gradienterna $\partial L / \partial\,\text{nod}$ från
# bakåtpasset. Kryssa i rutan för att se varje kants lokala derivata. Texten under
# reglagen multiplicerar de lokala derivatorna längs vägen från vald indata till $L$ och
# kontrollerar alla gradienter mot centrala differenser (avsnitt 5).
#
# - Börja i räkneexemplet och jämför varje tal med tabellerna ovan.
# - Sätt $x = 0$. Vad händer med $\partial L/\partial w$, och varför?
# - Sätt $w = 3$, $b = 3$ (eller något annat stort $z$). Alla gradienter före $a$ blir
#   mycket små fast förlusten inte är liten när $y = 0$. Vilken lokal derivata är
#   boven? (Tänk på kapitel 04.)
# - Flytta $y$ till $0{,}5$ (värdet på $a$). Var blir gradienterna noll?

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** `GraphWidget("neuron")` starts at the worked example, so every number
# matches the table (∂L/∂w = −0.5). Set x = 0: ∂L/∂w becomes 0, because the local derivative
# ∂u/∂w = x is 0. Put x back to 2 and set y = 0, w = 3, b = 3: z = 9 and L ≈ 1, yet every
# gradient left of a is tiny; the status line shows the factor a(1 − a) ≈ 0.000123. It is
# the vanishing gradient of squared error after a sigmoid from chapter 04.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** `GraphWidget("neuron")` startar i räkneexemplet, så varje tal
# stämmer med tabellen (∂L/∂w = −0,5). Sätt x = 0: ∂L/∂w blir 0, eftersom den lokala
# derivatan ∂u/∂w = x är 0. Sätt tillbaka x till 2 och sätt y = 0, w = 3, b = 3: z = 9 och L
# ≈ 1, men ändå är varje gradient till vänster om a mycket liten; statusraden visar faktorn
# a(1 − a) ≈ 0,000123. Det är kvadratfelets försvinnande gradient efter en sigmoid från
# kapitel 04.

# %%
from course.widgets.graph import GraphWidget

GraphWidget("neuron")

# %% [markdown] tags=["en", "slide"]
# ## 4 Where paths meet, gradients add up
#
# So far every value was used once. What if a value is used **twice**? Then a small
# change in it reaches $L$ along two paths, and the two effects add up. This is the
# multivariable chain rule: if $v$ is used by the nodes $c_1, \dots, c_m$,
#
# $$\frac{\partial L}{\partial v} = \sum_{k=1}^{m} \frac{\partial L}{\partial c_k}\cdot\frac{\partial c_k}{\partial v}.$$
#
# In the graph: **multiply along a path, add over the paths**. The backward pass does this
# automatically if each node *adds* what it receives instead of overwriting it.
#
# **Small example.** The activation function $f(x) = x \cdot \sigma(x)$ (called SiLU or
# swish) uses $x$ twice: $s = \sigma(x)$ and $f = x \cdot s$. The two paths from $x$ to $f$:
#
# - directly into the product: $\frac{\partial f}{\partial x}\big|_{\text{direct}} = s$,
# - through $s$: $\frac{\partial f}{\partial s}\cdot\frac{\partial s}{\partial x} = x \cdot s(1 - s)$.
#
# Together $f'(x) = \sigma(x) + x\,\sigma(x)\bigl(1 - \sigma(x)\bigr)$, which is what the product
# rule gives. (The product rule *is* this sum over two paths.)
#
# **In networks** it happens all the time: the output of a hidden neuron feeds *every*
# neuron of the next layer, so its gradient is a sum over all of them (chapter 07). And a
# weight can appear twice, for example when a penalty $\lambda w^2$ is added to the loss to
# keep the weights small (this is called L2 regularisation or *weight decay*).

# %% [markdown] tags=["sv", "slide"]
# ## 4 Där vägar möts adderas gradienterna
#
# Hittills har varje värde använts en gång. Vad händer om ett värde används **två gånger**?
# Då når en liten ändring av det $L$ längs två vägar, och de två effekterna adderas. Det
# är kedjeregeln för funktioner av flera variabler: om $v$ används av noderna
# $c_1, \dots, c_m$ är
#
# $$\frac{\partial L}{\partial v} = \sum_{k=1}^{m} \frac{\partial L}{\partial c_k}\cdot\frac{\partial c_k}{\partial v}.$$
#
# I grafen: **multiplicera längs en väg, addera över vägarna**. Bakåtpasset gör detta
# automatiskt om varje nod *adderar* det den tar emot i stället för att skriva över det.
#
# **Litet exempel.** Aktiveringsfunktionen $f(x) = x \cdot \sigma(x)$ (kallad SiLU eller
# swish) använder $x$ två gånger: $s = \sigma(x)$ och $f = x \cdot s$. De två vägarna från
# $x$ till $f$:
#
# - direkt in i produkten: $\frac{\partial f}{\partial x}\big|_{\text{direkt}} = s$,
# - genom $s$: $\frac{\partial f}{\partial s}\cdot\frac{\partial s}{\partial x} = x \cdot s(1 - s)$.
#
# Tillsammans blir $f'(x) = \sigma(x) + x\,\sigma(x)\bigl(1 - \sigma(x)\bigr)$, vilket är just det
# som produktregeln ger. (Produktregeln *är* den här summan över två vägar.)
#
# **I nätverk** händer det hela tiden: utdata från en neuron i ett dolt lager går till
# *varje* neuron i nästa lager, så dess gradient är en summa över alla dem (kapitel 07).
# Och en vikt kan förekomma två gånger, till exempel när ett straff $\lambda w^2$ läggs till
# förlusten för att hålla vikterna små (det kallas L2-regularisering eller *weight decay*).

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 7 minutes. Pose the check-yourself question first (f = (x + y)·x
# at x = 1, y = 2): expect 3 or 1 from those who follow only one path; the answer is 4. Then
# show `GraphWidget("penalty")`: at the start the two paths from w together give −0.5 + 0.1
# = −0.4; with λ = 0 the penalty path contributes 0. Name the bug this prevents: a backward
# pass that *overwrites* a gradient instead of adding to it keeps only the last path.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 7 minuter. Ställ frågan i ”Testa dig själv” först (f = (x
# + y)·x i x = 1, y = 2): räkna med 3 eller 1 från dem som bara följer en väg; svaret är 4.
# Visa sedan `GraphWidget("penalty")`: från början ger de två vägarna från w tillsammans
# −0,5 + 0,1 = −0,4; med λ = 0 bidrar straffvägen med 0. Nämn felet som detta förhindrar:
# ett bakåtpass som *skriver över* en gradient i stället för att addera till den behåller
# bara den sista vägen.

# %% tags=["en"]
x_swish = 1.5
s = sigmoid(x_swish)
path_direct = s
path_through_s = x_swish * s * (1 - s)
h = 1e-5
numeric = ((x_swish + h) * sigmoid(x_swish + h) - (x_swish - h) * sigmoid(x_swish - h)) / (2 * h)
print(f"direct path {path_direct:.6f} + path through s {path_through_s:.6f} = {path_direct + path_through_s:.6f}")
print(f"numerical derivative: {numeric:.6f}")

# %% tags=["sv"]
x_swish = 1.5
s = sigmoid(x_swish)
path_direct = s
path_through_s = x_swish * s * (1 - s)
h = 1e-5
numeric = ((x_swish + h) * sigmoid(x_swish + h) - (x_swish - h) * sigmoid(x_swish - h)) / (2 * h)
print(f"direkt väg {path_direct:.6f} + väg genom s {path_through_s:.6f} = {path_direct + path_through_s:.6f}")
print(f"numerisk derivata: {numeric:.6f}")

# %% [markdown] tags=["en"]
# The widget below is the neuron with the penalty added, $L = (\sigma(wx + b) - y)^2 + \lambda w^2$.
# Now $w$ has two outgoing arrows. The text lists both paths from $w$ to $L$ and their
# products, and their sum is the red number under $w$.
#
# - With the starting values, check: $-0.5$ from the neuron path plus $\lambda \cdot 2w = 0.1$
#   from the penalty path gives $-0.4$.
# - Set $\lambda = 0$. Which path disappears?
# - Choose "$b$" in the drop-down: how many paths does $b$ have?

# %% [markdown] tags=["sv"]
# Widgeten nedan är neuronen med straffet tillagt, $L = (\sigma(wx + b) - y)^2 + \lambda w^2$.
# Nu har $w$ två utgående pilar. Texten visar båda vägarna från $w$ till $L$ och deras
# produkter, och summan av dem är det röda talet under $w$.
#
# - Kontrollera med startvärdena: $-0{,}5$ från neuronvägen plus $\lambda \cdot 2w = 0{,}1$
#   från straffvägen ger $-0{,}4$.
# - Sätt $\lambda = 0$. Vilken väg försvinner?
# - Välj ”$b$” i listan: hur många vägar har $b$?

# %%
GraphWidget("penalty")

# %% [markdown] tags=["en"]
# **Check yourself.** Let $f(x, y) = (x + y) \cdot x$. Draw the graph with $s = x + y$ and
# $f = s \cdot x$, and find $\partial f / \partial x$ at $x = 1$, $y = 2$ by adding the paths.
#
# <details><summary>Answer</summary>
#
# Forward: $s = 3$, $f = 3$. Two paths from $x$: directly into the product,
# $\partial f/\partial x|_{\text{direct}} = s = 3$; and through $s$,
# $\frac{\partial f}{\partial s}\cdot\frac{\partial s}{\partial x} = x \cdot 1 = 1$. Sum: $4$.
# Check: $f = x^2 + xy$, so $\partial f/\partial x = 2x + y = 4$. ✓ Forgetting one path
# (a common mistake) gives $3$ or $1$.
#
# </details>

# %% [markdown] tags=["sv"]
# **Testa dig själv.** Låt $f(x, y) = (x + y) \cdot x$. Rita grafen med $s = x + y$ och
# $f = s \cdot x$, och bestäm $\partial f / \partial x$ i $x = 1$, $y = 2$ genom att addera
# vägarna.
#
# <details><summary>Svar</summary>
#
# Framåt: $s = 3$, $f = 3$. Två vägar från $x$: direkt in i produkten,
# $\partial f/\partial x|_{\text{direkt}} = s = 3$; och genom $s$,
# $\frac{\partial f}{\partial s}\cdot\frac{\partial s}{\partial x} = x \cdot 1 = 1$. Summa: $4$.
# Kontroll: $f = x^2 + xy$, så $\partial f/\partial x = 2x + y = 4$. ✓ Den som glömmer en
# väg (ett vanligt misstag) får $3$ eller $1$.
#
# </details>

# %% [markdown] tags=["en", "slide"]
# ## 5 Checking a gradient numerically
#
# A backward pass is easy to get slightly wrong: a forgotten inner derivative, a sign, a
# path that was not added. Fortunately we can always check it against the definition of
# the derivative, using only forward passes:
#
# $$\text{forward difference: } \frac{f(x + h) - f(x)}{h}, \qquad
# \text{central difference: } \frac{f(x + h) - f(x - h)}{2h}.$$
#
# **Why the central difference is better.** It looks the same distance to both sides, so the
# curvature errors on the two sides cancel: its **truncation error** (from $h$ not being 0)
# shrinks like $h^2$ instead of $h$. With $h = 10^{-4}$ that is about $10^{-8}$ instead of
# $10^{-4}$. (The optional *Going further* at the end of the chapter shows why, with a Taylor
# expansion.)
#
# **Why $h$ cannot be tiny.** A float64 keeps about 16 significant digits (machine epsilon
# $\varepsilon \approx 2.2 \cdot 10^{-16}$). $f(x + h)$ and $f(x)$ then agree in most digits, and
# their difference keeps only the few that differ. This **round-off error** is roughly
# $\varepsilon |f| / h$ and *grows* as $h$ shrinks. The total error is smallest where the two
# balance: around $h \approx 10^{-8}$ for the forward and $h \approx 10^{-5}$ for the central difference.

# %% [markdown] tags=["sv", "slide"]
# ## 5 Kontrollera en gradient numeriskt
#
# Det är lätt att göra ett litet fel i ett bakåtpass: en bortglömd inre derivata, ett
# tecken, en väg som inte adderades. Som tur är kan vi alltid kontrollera det mot
# derivatans definition, med bara framåtpass:
#
# $$\text{framåtdifferens: } \frac{f(x + h) - f(x)}{h}, \qquad
# \text{central differens: } \frac{f(x + h) - f(x - h)}{2h}.$$
#
# **Varför den centrala differensen är bättre.** Den tittar lika långt åt båda hållen, så felen
# från kurvans krökning på de två sidorna tar ut varandra: dess **trunkeringsfel** (som kommer
# av att $h$ inte är 0) krymper som $h^2$ i stället för $h$. Med $h = 10^{-4}$ blir det ungefär
# $10^{-8}$ i stället för $10^{-4}$. (Den frivilliga *fördjupningen* i slutet av kapitlet visar
# varför, med en Taylorutveckling.)
#
# **Varför $h$ inte kan vara hur litet som helst.** Ett float64-tal har ungefär 16
# värdesiffror (maskinepsilon $\varepsilon \approx 2{,}2 \cdot 10^{-16}$). $f(x + h)$ och
# $f(x)$ har då de flesta siffrorna gemensamma, och skillnaden behåller bara de få som
# skiljer sig. Detta **avrundningsfel** är ungefär $\varepsilon |f| / h$ och *växer* när $h$
# krymper. Det totala felet är minst där de två väger jämnt: kring $h \approx 10^{-8}$ för
# framåtdifferensen och $h \approx 10^{-5}$ för den centrala.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 6 minutes. Before the paragraph on round-off, ask: "Why not take
# h = 10⁻¹⁵ and get as close to the limit as possible?" Answer: f(x + h) and f(x) then share
# almost every digit, and the round-off error, about ε·|f|/h, explodes. In the plot, show
# the slopes 1 and 2 on the right, then the V shapes: the smallest errors are about 10⁻⁹
# (forward) and 10⁻¹² (central). Misconception: "the central difference is exact"; it is
# good enough to *test* a gradient, and far too slow to train with (§6).

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 6 minuter. Fråga före stycket om avrundningsfel: ”Varför
# inte ta h = 10⁻¹⁵ och komma så nära gränsvärdet som möjligt?” Svar: då har f(x + h) och
# f(x) nästan alla siffror gemensamma, och avrundningsfelet, ungefär ε·|f|/h, exploderar.
# Visa i figuren lutningarna 1 och 2 till höger och sedan V-formerna: de minsta felen är
# ungefär 10⁻⁹ (framåt) och 10⁻¹² (centralt). Missförstånd: ”den centrala differensen är
# exakt”; den duger för att *testa* en gradient och är alldeles för långsam att träna med
# (§6).

# %% tags=["en"]
def loss_of_w(w):
    return (sigmoid(w * 2.0 - 1.0) - 1.0) ** 2


w0, exact = 0.5, dL_dw
steps = np.logspace(-15, 0, 76)
forward_diff = (loss_of_w(w0 + steps) - loss_of_w(w0)) / steps
central_diff = (loss_of_w(w0 + steps) - loss_of_w(w0 - steps)) / (2 * steps)
error_forward = np.abs(forward_diff - exact)
error_central = np.abs(central_diff - exact)

difference_errors(steps, error_forward, error_central)
plt.show()

for name, err in (("forward", error_forward), ("central", error_central)):
    best = np.nanargmin(np.where(err > 0, err, np.nan))
    print(f"{name:8s} difference: smallest error {err[best]:.1e} at h = {steps[best]:.0e}")

# %% tags=["sv"]
def loss_of_w(w):
    return (sigmoid(w * 2.0 - 1.0) - 1.0) ** 2


w0, exact = 0.5, dL_dw
steps = np.logspace(-15, 0, 76)
forward_diff = (loss_of_w(w0 + steps) - loss_of_w(w0)) / steps
central_diff = (loss_of_w(w0 + steps) - loss_of_w(w0 - steps)) / (2 * steps)
error_forward = np.abs(forward_diff - exact)
error_central = np.abs(central_diff - exact)

difference_errors(steps, error_forward, error_central)
plt.show()

for name, err in (("framåtdifferens", error_forward), ("central differens", error_central)):
    best = np.nanargmin(np.where(err > 0, err, np.nan))
    print(f"{name:18s}: minsta fel {err[best]:.1e} vid h = {steps[best]:.0e}")

# %% [markdown] tags=["en"]
# Read the plot from right to left. For large $h$ both errors fall along straight lines:
# on a log-log plot, slope $1$ means error $\propto h$ (forward) and slope $2$ means error
# $\propto h^2$ (central). Then round-off takes over and the errors grow again, noisily, as
# $h$ shrinks further. The central difference gets down to about $10^{-12}$–$10^{-11}$ near
# $h = 10^{-5}$; the forward difference only to about $10^{-9}$ near $h = 10^{-8}$. This is why gradient checks
# use central differences with $h$ around $10^{-5}$ to $10^{-6}$ (`nnlib` uses $10^{-6}$).

# %% [markdown] tags=["sv"]
# Läs figuren från höger till vänster. För stora $h$ faller båda felen längs räta linjer:
# i ett log-log-diagram betyder lutning $1$ att felet är $\propto h$ (framåt) och lutning
# $2$ att det är $\propto h^2$ (centralt). Sedan tar avrundningsfelet över och felen växer
# igen, brusigt, när $h$ krymper ytterligare. Den centrala differensen kommer ner till
# ungefär $10^{-12}$–$10^{-11}$ nära $h = 10^{-5}$; framåtdifferensen bara till ungefär
# $10^{-9}$ nära $h = 10^{-8}$.
# Därför använder gradientkontroller centrala differenser med $h$ kring $10^{-5}$ till
# $10^{-6}$ (`nnlib` använder $10^{-6}$).

# %% [markdown] tags=["en", "subslide"]
# ### A gradient check with nnlib
#
# `nnlib.gradcheck` packages this:
#
# - `numerical_gradient(f, theta)` returns the central-difference gradient of a function
#   `f(theta) -> float` for every entry of the float array `theta`;
# - `gradcheck(f, theta, df=grad_f)` compares it with your analytic gradient `grad_f` and
#   returns the **relative error** $\frac{\lVert g_{\text{analytic}} - g_{\text{numeric}}\rVert}
#   {\lVert g_{\text{analytic}}\rVert + \lVert g_{\text{numeric}}\rVert}$. A correct gradient
#   gives about $10^{-9}$ or less, a wrong one $10^{-2}$ or more.
#
# We check our hand-derived gradient of $L$ with respect to $\theta = (w, b)$, and then a
# version with the classic bug: the inner derivative $\sigma'(z)$ forgotten.

# %% [markdown] tags=["sv", "subslide"]
# ### En gradientkontroll med nnlib
#
# `nnlib.gradcheck` gör detta åt oss:
#
# - `numerical_gradient(f, theta)` ger gradienten med centrala differenser för en funktion
#   `f(theta) -> float`, för varje element i flyttalsarrayen `theta`;
# - `gradcheck(f, theta, df=grad_f)` jämför den med din analytiska gradient `grad_f` och
#   ger det **relativa felet** $\frac{\lVert g_{\text{analytisk}} - g_{\text{numerisk}}\rVert}
#   {\lVert g_{\text{analytisk}}\rVert + \lVert g_{\text{numerisk}}\rVert}$. En korrekt
#   gradient ger ungefär $10^{-9}$ eller mindre, en felaktig $10^{-2}$ eller mer.
#
# Vi kontrollerar vår handräknade gradient av $L$ med avseende på $\theta = (w, b)$, och
# sedan en version med det klassiska felet: den inre derivatan $\sigma'(z)$ bortglömd.

# %% tags=["en"]
from nnlib.gradcheck import gradcheck, numerical_gradient


def loss_of_theta(theta):
    w, b = theta
    return (sigmoid(w * x + b) - y) ** 2


def grad_of_theta(theta):
    w, b = theta
    a = sigmoid(w * x + b)
    dL_dz = 2 * (a - y) * a * (1 - a)
    return np.array([dL_dz * x, dL_dz])


def grad_forgot_sigmoid(theta):
    w, b = theta
    a = sigmoid(w * x + b)
    dL_dz = 2 * (a - y)
    return np.array([dL_dz * x, dL_dz])


theta = np.array([0.5, -1.0])
print("analytic: ", grad_of_theta(theta))
print("numerical:", numerical_gradient(loss_of_theta, theta.copy()))
print(f"relative error, correct gradient: {gradcheck(loss_of_theta, theta, df=grad_of_theta):.1e}")
print(f"relative error, buggy gradient:   {gradcheck(loss_of_theta, theta, df=grad_forgot_sigmoid):.1e}")

# %% tags=["sv"]
from nnlib.gradcheck import gradcheck, numerical_gradient


def loss_of_theta(theta):
    w, b = theta
    return (sigmoid(w * x + b) - y) ** 2


def grad_of_theta(theta):
    w, b = theta
    a = sigmoid(w * x + b)
    dL_dz = 2 * (a - y) * a * (1 - a)
    return np.array([dL_dz * x, dL_dz])


def grad_forgot_sigmoid(theta):
    w, b = theta
    a = sigmoid(w * x + b)
    dL_dz = 2 * (a - y)
    return np.array([dL_dz * x, dL_dz])


theta = np.array([0.5, -1.0])
print("analytisk:", grad_of_theta(theta))
print("numerisk: ", numerical_gradient(loss_of_theta, theta.copy()))
print(f"relativt fel, rätt gradient: {gradcheck(loss_of_theta, theta, df=grad_of_theta):.1e}")
print(f"relativt fel, felaktig gradient: {gradcheck(loss_of_theta, theta, df=grad_forgot_sigmoid):.1e}")

# %% [markdown] tags=["en", "slide"]
# ## 6 Towards backpropagation
#
# A network is a computational graph whose nodes are whole layers: `Dense` computes
# $Z = XW^\top + b$, an activation layer computes $A = \sigma(Z)$, the loss compares with the
# ground truth. In `nnlib` every layer has a `forward` (its value) and a `backward` that
# takes $\partial L/\partial\,\text{output}$ and multiplies by its local derivatives, exactly
# like the nodes of our graph. Chaining the `backward` calls from the loss to the first
# layer is **backpropagation**: the chain rule on the network's graph.
#
# Here is our neuron built from `nnlib` layers, with the same numbers as the hand-worked
# example. One forward and one backward pass give the gradients of **all** parameters at
# once, and they match the table: $\partial L/\partial w = -0.5$, $\partial L/\partial b = -0.25$,
# $\partial L/\partial x = -0.125$.

# %% [markdown] tags=["sv", "slide"]
# ## 6 På väg mot bakåtpropagering
#
# Ett nätverk är en beräkningsgraf vars noder är hela lager: `Dense` beräknar
# $Z = XW^\top + b$, ett aktiveringslager beräknar $A = \sigma(Z)$, förlusten jämför med
# facit. I `nnlib` har varje lager en `forward` (sitt värde) och en `backward` som tar emot
# $\partial L/\partial\,\text{utdata}$ och multiplicerar med sina lokala derivator, precis
# som noderna i vår graf. Att kedja ihop `backward`-anropen från förlusten till det
# första lagret är **bakåtpropagering**: kedjeregeln på nätverkets graf.
#
# Här är vår neuron byggd av lager från `nnlib`, med samma tal som i räkneexemplet. Ett
# framåtpass och ett bakåtpass ger gradienterna för **alla** parametrar på en gång, och
# de stämmer med tabellen: $\partial L/\partial w = -0{,}5$, $\partial L/\partial b = -0{,}25$,
# $\partial L/\partial x = -0{,}125$.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** About 7 minutes with the bridge, 2 for the summary. Run the `nnlib` cell and compare
# with the numbers still on the board from §3: −0.5, −0.25, −0.125. Ask the first
# check-yourself question: 10 000 parameters need 20 000 forward passes for a numerical
# gradient, backpropagation one forward and one backward pass. Close by pointing to chapter
# 07: the same graph, but every node is a whole layer.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Ungefär 7 minuter med bron, 2 för sammanfattningen. Kör cellen med `nnlib`
# och jämför med talen som fortfarande står på tavlan från §3: −0,5; −0,25 och −0,125. Ställ
# den första frågan i ”Testa dig själv”: 10 000 parametrar kräver 20 000 framåtpass för en
# numerisk gradient, bakåtpropageringen ett framåtpass och ett bakåtpass. Avsluta med att
# peka fram mot kapitel 07: samma graf, men varje nod är ett helt lager.

# %% tags=["en"]
from nnlib.activations import Sigmoid
from nnlib.layers import Dense
from nnlib.losses import MSE
from nnlib.model import MLP, Sequential

dense = Dense(1, 1, rng=rng)
dense.params["W"][...] = 0.5
dense.params["b"][...] = -1.0
neuron = Sequential([dense, Sigmoid()])
loss = MSE()

X_one = np.array([[2.0]])
y_one = np.array([[1.0]])
print("L =", loss.forward(neuron.forward(X_one), y_one))
dX = neuron.backward(loss.backward())
print("dL/dw =", dense.grads["W"], " dL/db =", dense.grads["b"], " dL/dx =", dX)

# %% tags=["sv"]
from nnlib.activations import Sigmoid
from nnlib.layers import Dense
from nnlib.losses import MSE
from nnlib.model import MLP, Sequential

dense = Dense(1, 1, rng=rng)
dense.params["W"][...] = 0.5
dense.params["b"][...] = -1.0
neuron = Sequential([dense, Sigmoid()])
loss = MSE()

X_one = np.array([[2.0]])
y_one = np.array([[1.0]])
print("L =", loss.forward(neuron.forward(X_one), y_one))
dX = neuron.backward(loss.backward())
print("dL/dw =", dense.grads["W"], " dL/db =", dense.grads["b"], " dL/dx =", dX)

# %% [markdown] tags=["en"]
# The same check works for a whole network. `gradcheck(model, X, y, loss=MSE())` compares
# the gradients from one backward pass with central differences for every weight and bias.
# The numerical check needs **two forward passes per parameter**; backpropagation needs one
# forward and one backward pass in total, whatever the number of parameters. For a network
# with a million weights that is the difference between two million forward passes and
# about two. That is why we train with backpropagation and use numerical gradients only
# to test it.

# %% [markdown] tags=["sv"]
# Samma kontroll fungerar för ett helt nätverk. `gradcheck(model, X, y, loss=MSE())`
# jämför gradienterna från ett bakåtpass med centrala differenser för varje vikt och
# bias. Den numeriska kontrollen behöver **två framåtpass per parameter**;
# bakåtpropageringen behöver ett framåtpass och ett bakåtpass totalt, hur många
# parametrar det än är. För ett nätverk med en miljon vikter är det skillnaden mellan två
# miljoner framåtpass och ungefär två. Därför tränar vi med bakåtpropagering och använder
# numeriska gradienter bara för att testa den.

# %% tags=["en"]
model = MLP([2, 4, 1], activation="tanh", output="sigmoid", rng=rng)
X_batch = rng.normal(size=(5, 2))
y_batch = rng.integers(0, 2, size=(5, 1)).astype(float)

print("parameters:", model.n_params())
print(f"largest relative error over all parameters: {gradcheck(model, X_batch, y_batch, loss=MSE()):.1e}")

# %% tags=["sv"]
model = MLP([2, 4, 1], activation="tanh", output="sigmoid", rng=rng)
X_batch = rng.normal(size=(5, 2))
y_batch = rng.integers(0, 2, size=(5, 1)).astype(float)

print("parametrar:", model.n_params())
print(f"största relativa fel över alla parametrar: {gradcheck(model, X_batch, y_batch, loss=MSE()):.1e}")

# %% [markdown] tags=["en"]
# **Check yourself.**
#
# 1. A network has $P = 10\,000$ parameters. How many evaluations of the loss does a
#    central-difference gradient need? How many passes does backpropagation need?
# 2. Your gradient check reports a relative error of $0.3$ for one layer and $10^{-10}$ for
#    all the others. What do you conclude?
#
# <details><summary>Answer</summary>
#
# 1. Two per parameter: $20\,000$ forward passes. Backpropagation: one forward and one
#    backward pass for all $10\,000$ gradients together.
# 2. The backward pass of that layer is wrong (a missing local derivative, a sign, a sum
#    that should have been added); the others are right. A gradient check tells you *where*
#    to look.
#
# </details>

# %% [markdown] tags=["sv"]
# **Testa dig själv.**
#
# 1. Ett nätverk har $P = 10\,000$ parametrar. Hur många beräkningar av förlusten behöver
#    en gradient med centrala differenser? Hur många pass behöver bakåtpropageringen?
# 2. Din gradientkontroll rapporterar ett relativt fel på $0{,}3$ för ett lager och
#    $10^{-10}$ för alla andra. Vad drar du för slutsats?
#
# <details><summary>Svar</summary>
#
# 1. Två per parameter: $20\,000$ framåtpass. Bakåtpropageringen: ett framåtpass och ett
#    bakåtpass för alla $10\,000$ gradienter tillsammans.
# 2. Bakåtpasset i det lagret är fel (en saknad lokal derivata, ett tecken, en summa som
#    borde ha adderats); de andra är rätt. En gradientkontroll talar om *var* du ska leta.
#
# </details>

# %% [markdown] tags=["en", "slide"]
# ### The bridge to chapter 07: vectors, gate patterns and the shape rule
#
# Chapter 07 runs the backward pass on whole layers. Three patterns and one rule are all it
# needs. Let $g$ be the gradient that arrives at a node from above, $g = \partial L / \partial\,\text{output}$.
#
# | node | forward | backward | pattern |
# |---|---|---|---|
# | add | $s = u + v$ | $\partial L/\partial u = g$, $\partial L/\partial v = g$ | **passes the gradient on** unchanged to every input |
# | multiply | $p = u v$ | $\partial L/\partial u = g\,v$, $\partial L/\partial v = g\,u$ | **swaps the inputs**: each gets $g$ times the *other* one |
# | max | $m = \max(u, v)$ | the larger input gets $g$, the other $0$ | **routes** the gradient to the winner (ReLU is $\max(0, z)$) |
#
# Our neuron shows the first two: with $\partial L/\partial z = -0.25$, the add node $z = wx + b$
# gives $\partial L/\partial b = -0.25$, and the multiply node $wx$ gives
# $\partial L/\partial w = -0.25 \cdot x = -0.5$ and $\partial L/\partial x = -0.25 \cdot w = -0.125$.
#
# **The vector view.** A layer computes $z = W x + b$ with $W$ of shape $m \times n$, $x$ of
# length $n$ and $z$ of length $m$. Write $\delta = \partial L/\partial z$ (length $m$). The weight
# $W_{ij}$ multiplies $x_j$ on its way into $z_i$ only, so by the multiply pattern
# $\partial L/\partial W_{ij} = \delta_i x_j$; the input $x_j$ feeds *every* $z_i$, so its paths add
# up. As matrices:
#
# $$\frac{\partial L}{\partial W} = \delta\, x^\top \ (m \times n), \qquad
#   \frac{\partial L}{\partial b} = \delta \ (m), \qquad
#   \frac{\partial L}{\partial x} = W^\top \delta \ (n).$$
#
# **The shape rule:** a gradient always has the shape of the thing it is the gradient of. If you
# forget where the transpose goes, the shapes tell you: $\delta x^\top$ is $m \times n$ like $W$,
# and $x \delta^\top$ is not. Below, with $m = 3$ and $n = 2$, checked on shapes and against
# central differences for $L = \delta \cdot (W x + b)$, whose $\partial L / \partial z$ is exactly
# $\delta$.

# %% [markdown] tags=["sv", "slide"]
# ### Bron till kapitel 07: vektorer, grindmönster och formregeln
#
# Kapitel 07 kör bakåtpasset på hela lager. Tre mönster och en regel är allt som behövs. Låt $g$
# vara gradienten som kommer till en nod ovanifrån, $g = \partial L / \partial\,\text{utdata}$.
#
# | nod | framåt | bakåt | mönster |
# |---|---|---|---|
# | addition | $s = u + v$ | $\partial L/\partial u = g$, $\partial L/\partial v = g$ | **skickar gradienten vidare** oförändrad till varje indatavärde |
# | multiplikation | $p = u v$ | $\partial L/\partial u = g\,v$, $\partial L/\partial v = g\,u$ | **byter plats på indata**: var och en får $g$ gånger den *andra* |
# | max | $m = \max(u, v)$ | det större indatavärdet får $g$, det andra $0$ | **leder** gradienten till vinnaren (ReLU är $\max(0, z)$) |
#
# Vår neuron visar de två första: med $\partial L/\partial z = -0{,}25$ ger additionsnoden
# $z = wx + b$ att $\partial L/\partial b = -0{,}25$, och multiplikationsnoden $wx$ ger
# $\partial L/\partial w = -0{,}25 \cdot x = -0{,}5$ och $\partial L/\partial x = -0{,}25 \cdot w = -0{,}125$.
#
# **Vektorperspektivet.** Ett lager beräknar $z = W x + b$ där $W$ har formen $m \times n$, $x$
# längden $n$ och $z$ längden $m$. Skriv $\delta = \partial L/\partial z$ (längden $m$). Vikten
# $W_{ij}$ multiplicerar $x_j$ bara på vägen in i $z_i$, så multiplikationsmönstret ger
# $\partial L/\partial W_{ij} = \delta_i x_j$; indatavärdet $x_j$ går in i *varje* $z_i$, så bidragen från
# dess vägar adderas. Som matriser:
#
# $$\frac{\partial L}{\partial W} = \delta\, x^\top \ (m \times n), \qquad
#   \frac{\partial L}{\partial b} = \delta \ (m), \qquad
#   \frac{\partial L}{\partial x} = W^\top \delta \ (n).$$
#
# **Formregeln:** en gradient har alltid samma form som det den är gradient av. Om du glömmer var
# transponatet ska stå avslöjar formerna det: $\delta x^\top$ är $m \times n$ precis som $W$, men
# inte $x \delta^\top$. Nedan med $m = 3$ och $n = 2$, kontrollerat på formerna och mot centrala
# differenser för $L = \delta \cdot (W x + b)$, vars $\partial L / \partial z$ är exakt $\delta$.

# %% tags=["en"]
W_layer = np.array([[1.0, 2.0], [0.0, -1.0], [3.0, 1.0]])
x_vec = np.array([1.0, -2.0])
b_vec = np.zeros(3)
delta = np.array([0.5, -1.0, 2.0])

dW = np.outer(delta, x_vec)
dx = W_layer.T @ delta
print("W", W_layer.shape, "-> dL/dW", dW.shape, "    x", x_vec.shape, "-> dL/dx", dx.shape)
print("dL/dW = delta x^T =\n", dW)
print("dL/dx = W^T delta =", dx)

numeric_dW = numerical_gradient(lambda W_try: delta @ (W_try @ x_vec + b_vec), W_layer.copy())
numeric_dx = numerical_gradient(lambda x_try: delta @ (W_layer @ x_try + b_vec), x_vec.copy())
print("largest difference from central differences:", max(np.abs(numeric_dW - dW).max(), np.abs(numeric_dx - dx).max()))

# %% tags=["sv"]
W_layer = np.array([[1.0, 2.0], [0.0, -1.0], [3.0, 1.0]])
x_vec = np.array([1.0, -2.0])
b_vec = np.zeros(3)
delta = np.array([0.5, -1.0, 2.0])

dW = np.outer(delta, x_vec)
dx = W_layer.T @ delta
print("W", W_layer.shape, "-> dL/dW", dW.shape, "    x", x_vec.shape, "-> dL/dx", dx.shape)
print("dL/dW = delta x^T =\n", dW)
print("dL/dx = W^T delta =", dx)

numeric_dW = numerical_gradient(lambda W_try: delta @ (W_try @ x_vec + b_vec), W_layer.copy())
numeric_dx = numerical_gradient(lambda x_try: delta @ (W_layer @ x_try + b_vec), x_vec.copy())
print("största skillnad mot centrala differenser:", max(np.abs(numeric_dW - dW).max(), np.abs(numeric_dx - dx).max()))

# %% [markdown] tags=["en"]
# `nnlib`'s `Dense` takes a whole batch, one sample per row ($Z = X W^\top + b$), and the same
# rule then reads $\partial L/\partial W = \Delta^\top X$, the sum of $\delta x^\top$ over the
# samples. **Chapter 07** builds backpropagation through a whole network from exactly these
# pieces: one $\delta$ per layer, passed backwards with $W^\top \delta$ and multiplied by the
# activation's derivative on the way.

# %% [markdown] tags=["sv"]
# `Dense` i `nnlib` tar emot en hel batch, en datapunkt per rad ($Z = X W^\top + b$), och då lyder
# samma regel $\partial L/\partial W = \Delta^\top X$, summan av $\delta x^\top$ över
# datapunkterna. **Kapitel 07** bygger bakåtpropagering genom ett helt nätverk av precis de här
# delarna: ett $\delta$ per lager, som skickas bakåt med $W^\top \delta$ och multipliceras med
# aktiveringens derivata på vägen.

# %% [markdown] tags=["en", "slide"]
# ## Going further (optional): why the central difference is better
#
# Taylor expansion around $x$ gives
# $f(x \pm h) = f(x) \pm h f'(x) + \frac{h^2}{2} f''(x) \pm \frac{h^3}{6} f'''(x) + \dots$ Insert it:
#
# $$\frac{f(x + h) - f(x)}{h} = f'(x) + \frac{h}{2} f''(x) + \dots \qquad
# \frac{f(x + h) - f(x - h)}{2h} = f'(x) + \frac{h^2}{6} f'''(x) + \dots$$
#
# In the central difference the $h^2$ terms of $f(x + h)$ and $f(x - h)$ cancel, so its
# truncation error is of order $h^2$ instead of $h$.

# %% [markdown] tags=["sv", "slide"]
# ## Fördjupning (frivillig): varför den centrala differensen är bättre
#
# Taylorutveckling kring $x$ ger
# $f(x \pm h) = f(x) \pm h f'(x) + \frac{h^2}{2} f''(x) \pm \frac{h^3}{6} f'''(x) + \dots$ Sätt in:
#
# $$\frac{f(x + h) - f(x)}{h} = f'(x) + \frac{h}{2} f''(x) + \dots \qquad
# \frac{f(x + h) - f(x - h)}{2h} = f'(x) + \frac{h^2}{6} f'''(x) + \dots$$
#
# I den centrala differensen tar $h^2$-termerna i $f(x + h)$ och $f(x - h)$ ut varandra, så dess
# trunkeringsfel är av storleksordningen $h^2$ i stället för $h$.

# %% [markdown] tags=["en", "slide"]
# ## Summary
#
# - **Chain rule**: for $F(x) = f(g(x))$, $F'(x) = f'(g(x)) \cdot g'(x)$: outer derivative
#   (evaluated at the inner function) times inner derivative. Longer chains: one factor per
#   link, $\frac{dF}{dx} = \frac{dF}{dv}\frac{dv}{du}\frac{du}{dx}$.
# - A **computational graph** has one node per elementary operation. **Forward**: compute
#   values from the inputs to $L$. **Backward**: start with $\partial L/\partial L = 1$ and
#   multiply by each node's local derivative on the way back.
# - **Multiply along a path, add over paths**: a value used several times gets
#   $\frac{\partial L}{\partial v} = \sum_k \frac{\partial L}{\partial c_k}\frac{\partial c_k}{\partial v}$.
# - For the neuron $L = (\sigma(wx + b) - y)^2$:
#   $\frac{\partial L}{\partial w} = 2(a - y)\,a(1 - a)\,x$ and
#   $\frac{\partial L}{\partial b} = 2(a - y)\,a(1 - a)$.
# - **Gradient check**: central difference $\frac{f(x + h) - f(x - h)}{2h}$ with error
#   $O(h^2)$ (forward difference: $O(h)$); round-off grows like $\varepsilon/h$, so use
#   $h \approx 10^{-5}$–$10^{-6}$ and compare with the relative error.
# - **Gate patterns**: add passes the gradient on, multiply swaps the inputs, max routes it to
#   the larger input. For a layer $z = Wx + b$ with $\delta = \partial L/\partial z$:
#   $\partial L/\partial W = \delta x^\top$, $\partial L/\partial b = \delta$,
#   $\partial L/\partial x = W^\top \delta$; a gradient has the shape of what it is the gradient of.
# - **Backpropagation** (chapter 07) is the chain rule on the network's graph: one backward
#   pass gives the gradient of every weight.
#
# **Next.** In the exercise you differentiate a chain of three functions, check the result
# with a central difference, compute the forward and backward pass through the graph of our
# neuron, and write a numerical gradient for all its parameters. In chapter 07 you write the
# backward pass of a whole network and train it on XOR and on two moons.

# %% [markdown] tags=["sv", "slide"]
# ## Sammanfattning
#
# - **Kedjeregeln**: för $F(x) = f(g(x))$ är $F'(x) = f'(g(x)) \cdot g'(x)$: yttre derivatan
#   (beräknad i den inre funktionen) gånger inre derivatan. Längre kedjor: en faktor per
#   länk, $\frac{dF}{dx} = \frac{dF}{dv}\frac{dv}{du}\frac{du}{dx}$.
# - En **beräkningsgraf** har en nod per elementär operation. **Framåt**: beräkna värdena
#   från indata till $L$. **Bakåt**: börja med $\partial L/\partial L = 1$ och multiplicera
#   med varje nods lokala derivata på vägen tillbaka.
# - **Multiplicera längs en väg, addera över vägarna**: ett värde som används flera gånger
#   får $\frac{\partial L}{\partial v} = \sum_k \frac{\partial L}{\partial c_k}\frac{\partial c_k}{\partial v}$.
# - För neuronen $L = (\sigma(wx + b) - y)^2$:
#   $\frac{\partial L}{\partial w} = 2(a - y)\,a(1 - a)\,x$ och
#   $\frac{\partial L}{\partial b} = 2(a - y)\,a(1 - a)$.
# - **Gradientkontroll**: central differens $\frac{f(x + h) - f(x - h)}{2h}$ med felet
#   $O(h^2)$ (framåtdifferens: $O(h)$); avrundningsfelet växer som $\varepsilon/h$, så använd
#   $h \approx 10^{-5}$–$10^{-6}$ och jämför med det relativa felet.
# - **Grindmönster**: addition skickar gradienten vidare, multiplikation byter plats på indata,
#   max leder den till det större indatavärdet. För ett lager $z = Wx + b$ med
#   $\delta = \partial L/\partial z$: $\partial L/\partial W = \delta x^\top$,
#   $\partial L/\partial b = \delta$, $\partial L/\partial x = W^\top \delta$; en gradient har samma
#   form som det den är gradient av.
# - **Bakåtpropagering** (kapitel 07) är kedjeregeln på nätverkets graf: ett bakåtpass ger
#   gradienten för varje vikt.
#
# **Nästa steg.** I övningen deriverar du en kedja av tre funktioner, kontrollerar resultatet
# med en central differens, beräknar framåt- och bakåtpasset genom vår neurons graf och
# skriver en numerisk gradient för alla dess parametrar. I kapitel 07 skriver du bakåtpasset
# för ett helt nätverk och tränar det på XOR och på två månar (two moons).
