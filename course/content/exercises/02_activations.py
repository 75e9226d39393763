# %% [markdown] tags=["en"]
# # Exercise 02: activation functions
#
# In this exercise you write three activation functions, sigmoid, tanh and ReLU, and their
# derivatives. Chapter 07 will use exactly these derivatives to train a network. Two of the
# functions contain an exponential, so they must also be **numerically safe**: correct, and
# without overflow, even for inputs like $z = -1000$. Read
# [lesson 02](../../notebooks/en/02_activations.ipynb) first, in particular section 3 on
# numerically safe forms.
#
# The exercise works like [exercise 00](00_welcome.ipynb): run the first code cell, replace
# `# Your code here` and the `raise` line in each answer cell with your code, run the cell, then
# run the check cell under it. There are six questions and 8 points in total.

# %% [markdown] tags=["sv"]
# # Övning 02: aktiveringsfunktioner
#
# I den här övningen skriver du tre aktiveringsfunktioner, sigmoid, tanh och ReLU, och deras
# derivator. Kapitel 07 använder just de här derivatorna för att träna ett nätverk. Två av
# funktionerna innehåller en exponentialfunktion, så de måste också vara **numeriskt säkra**:
# korrekta, och utan överspill (overflow), även för indata som $z = -1000$. Läs
# [lektion 02](../../notebooks/sv/02_activations.ipynb) först, särskilt avsnitt 3 om numeriskt
# säkra former.
#
# Övningen fungerar som [övning 00](00_welcome.ipynb): kör den första kodcellen, ersätt
# `# Din kod här` och `raise`-raden i varje svarscell med din kod, kör cellen och kör sedan
# kontrollcellen under den. Det finns sex frågor och sammanlagt 8 poäng.

# %%
from course import set_language
from course.checker import check_for
set_language("en")
check = check_for("02_activations")

import numpy as np

# %% [markdown] tags=["en"]
# ## What every function receives and returns
#
# An activation function acts **element-wise**: on a whole layer, or a whole batch, at once. So
# every function in this exercise receives `z`, a number or a numpy array of **any shape**, and
# returns an array of the **same shape** (or a number for a number), with the function applied
# to every element. The tests use vectors, matrices, arrays with three axes and single numbers.
#
# Write the functions with numpy operations that work on whole arrays (`np.exp`, `np.abs`,
# `np.maximum`, `np.where`, arithmetic), not with `math.exp` or an `if` on `z`, which only work
# for one number. A good first line is `z = np.asarray(z, dtype=float)`, which turns a number
# or a list into a float array and leaves a float array as it is.

# %% [markdown] tags=["sv"]
# ## Vad varje funktion får och returnerar
#
# En aktiveringsfunktion verkar **elementvis**: på ett helt lager, eller en hel batch, på en
# gång. Därför får varje funktion i den här övningen `z`, ett tal eller en numpy-array med
# **vilken form som helst**, och returnerar en array med **samma form** (eller ett tal för ett
# tal), där funktionen har tillämpats på varje element. Testerna använder vektorer, matriser,
# arrayer med tre axlar och enstaka tal.
#
# Skriv funktionerna med numpy-operationer som fungerar på hela arrayer (`np.exp`, `np.abs`,
# `np.maximum`, `np.where`, aritmetik), inte med `math.exp` eller en `if`-sats på `z`, som bara
# fungerar för ett tal. En bra första rad är `z = np.asarray(z, dtype=float)`, som gör om ett tal
# eller en lista till en array med flyttal och lämnar en sådan array som den är.

# %% [markdown] tags=["en"]
# ## Question 1: a numerically safe sigmoid (2 points)
#
# $$\sigma(z) = \frac{1}{1 + e^{-z}}.$$
#
# Written like this, $z = -1000$ asks for $e^{1000}$, which is far beyond the largest float
# (about $1.8 \cdot 10^{308}$): numpy **overflows** to `inf` and warns with a `RuntimeWarning`.
# The equally correct form $e^{z} / (1 + e^{z})$ breaks at $z = +1000$, where it gives
# $\infty / \infty$ = `nan`. The cure from the lesson is to compute, for each element, the form
# in which the exponent is never positive:
#
# $$\sigma(z) = \begin{cases} \dfrac{1}{1 + e^{-z}} & z \ge 0, \\[2ex]
#   \dfrac{e^{z}}{1 + e^{z}} & z < 0, \end{cases}
#   \qquad\text{both written with } e^{-|z|} \in (0, 1].$$
#
# Write the function `sigmoid(z)`. It must return correct values for every `z` (the hidden tests
# include $z = \pm 1000$ and arrays with entries of size up to several thousand), and it must
# not overflow anywhere. A trap: `np.where(condition, a, b)` computes **both** `a` and `b` for
# every element before it chooses, so both expressions must be safe for every `z`.
#
# Check it in a cell of your own: `np.errstate` turns numpy's overflow warning into an error, so
# with a safe sigmoid
#
# ```python
# with np.errstate(over="raise", invalid="raise"):
#     print(sigmoid(np.array([-1000.0, -1.0, 0.0, 1.0, 1000.0])))
# ```
#
# prints the values 0, 0.2689…, 0.5, 0.7311… and 1, and no error.

# %% [markdown] tags=["sv"]
# ## Fråga 1: en numeriskt stabil sigmoid (2 poäng)
#
# $$\sigma(z) = \frac{1}{1 + e^{-z}}.$$
#
# Skriven så här kräver $z = -1000$ talet $e^{1000}$, som är långt större än det största
# flyttalet (ungefär $1{,}8 \cdot 10^{308}$): numpy får **överspill** till `inf` och varnar med en
# `RuntimeWarning`. Den lika korrekta formen $e^{z} / (1 + e^{z})$ går sönder vid $z = +1000$, där
# den ger $\infty / \infty$ = `nan`. Botemedlet från lektionen är att för varje element räkna med
# den form där exponenten aldrig är positiv:
#
# $$\sigma(z) = \begin{cases} \dfrac{1}{1 + e^{-z}} & z \ge 0, \\[2ex]
#   \dfrac{e^{z}}{1 + e^{z}} & z < 0, \end{cases}
#   \qquad\text{båda skrivna med } e^{-|z|} \in (0, 1].$$
#
# Skriv funktionen `sigmoid(z)`. Den ska ge korrekta värden för varje `z` (de dolda testerna
# innehåller $z = \pm 1000$ och arrayer med element som är upp till flera tusen stora), och den
# får aldrig ge överspill. En fälla: `np.where(villkor, a, b)` räknar ut **både** `a`
# och `b` för varje element innan den väljer, så båda uttrycken måste vara säkra för varje `z`.
#
# Kontrollera den i en egen cell: `np.errstate` gör om numpys varning för överspill till ett fel,
# så med en numeriskt stabil sigmoid skriver
#
# ```python
# with np.errstate(over="raise", invalid="raise"):
#     print(sigmoid(np.array([-1000.0, -1.0, 0.0, 1.0, 1000.0])))
# ```
#
# ut värdena 0; 0,2689…; 0,5; 0,7311… och 1, och inget fel.

# %% tags=["en"]
def sigmoid(z):
    """The sigmoid sigma(z) = 1 / (1 + e^(-z)), element-wise, without overflow for any z.

    Parameters
    ----------
    z : float or numpy array of any shape

    Returns
    -------
    float or numpy array of the same shape as z
        Values in [0, 1].
    """
    # BEGIN SOLUTION
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    # END SOLUTION

# %% tags=["sv"]
def sigmoid(z):
    """Sigmoiden sigma(z) = 1 / (1 + e^(-z)), elementvis, utan överspill för något z.

    Parametrar
    ----------
    z : float eller numpy-array med godtycklig form

    Returnerar
    ----------
    float eller numpy-array med samma form som z
        Värden i [0, 1].
    """
    # BEGIN SOLUTION
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    # END SOLUTION

# %% tags=["check"]
check("q1")

# %% [markdown] tags=["en"]
# ## Question 2: the derivative of sigmoid (1 point)
#
# The lesson derived
#
# $$\sigma'(z) = \sigma(z)\,\bigl(1 - \sigma(z)\bigr).$$
#
# Write the function `sigmoid_derivative(z)` that returns $\sigma'(z)$ element-wise. Use your
# `sigmoid` from question 1: then it is safe for large $|z|$ too, where $\sigma'(z)$ is (almost)
# 0. For example $\sigma'(0) = 0.5 \cdot 0.5 = 0.25$, the largest value it ever takes.

# %% [markdown] tags=["sv"]
# ## Fråga 2: sigmoidens derivata (1 poäng)
#
# Lektionen härledde
#
# $$\sigma'(z) = \sigma(z)\,\bigl(1 - \sigma(z)\bigr).$$
#
# Skriv funktionen `sigmoid_derivative(z)` som returnerar $\sigma'(z)$ elementvis. Använd din
# `sigmoid` från fråga 1: då är den numeriskt stabil även för stora $|z|$, där $\sigma'(z)$ är (nästan) 0.
# Till exempel är $\sigma'(0) = 0{,}5 \cdot 0{,}5 = 0{,}25$, det största värde den någonsin antar.

# %% tags=["en"]
def sigmoid_derivative(z):
    """The derivative sigma'(z) = sigma(z) (1 - sigma(z)), element-wise.

    Parameters
    ----------
    z : float or numpy array of any shape

    Returns
    -------
    float or numpy array of the same shape as z
        Values in [0, 1/4].
    """
    # BEGIN SOLUTION
    s = sigmoid(z)
    return s * (1.0 - s)
    # END SOLUTION

# %% tags=["sv"]
def sigmoid_derivative(z):
    """Derivatan sigma'(z) = sigma(z) (1 - sigma(z)), elementvis.

    Parametrar
    ----------
    z : float eller numpy-array med godtycklig form

    Returnerar
    ----------
    float eller numpy-array med samma form som z
        Värden i [0, 1/4].
    """
    # BEGIN SOLUTION
    s = sigmoid(z)
    return s * (1.0 - s)
    # END SOLUTION

# %% tags=["check"]
check("q2")

# %% [markdown] tags=["en"]
# ## Question 3: tanh from exponentials (2 points)
#
# The hyperbolic tangent is
#
# $$\tanh z = \frac{e^{z} - e^{-z}}{e^{z} + e^{-z}}.$$
#
# numpy has it as `np.tanh`, and in real code you would use that. Here you write it yourself,
# because the formula has the same problem as sigmoid: at $z = \pm 1000$ it gives
# $\infty / \infty$ = `nan`. Apply the trick from question 1. Dividing the numerator and the
# denominator by $e^{|z|}$ gives a form in which the only exponential is $e^{-2|z|} \in (0, 1]$:
#
# $$\tanh z = \operatorname{sign}(z)\,\frac{1 - e^{-2|z|}}{1 + e^{-2|z|}},$$
#
# where $\operatorname{sign}(z)$ is $1$ for $z > 0$, $-1$ for $z < 0$ and $0$ for $z = 0$
# (`np.sign`). Write the function `tanh(z)` from this formula, without `np.tanh`; use `np.tanh`
# only to compare your results in a cell of your own. For example
# $\tanh 1 = (1 - e^{-2}) / (1 + e^{-2}) \approx 0.7616$, and $\tanh(-z) = -\tanh z$.

# %% [markdown] tags=["sv"]
# ## Fråga 3: tanh från exponentialfunktioner (2 poäng)
#
# Hyperbolisk tangens är
#
# $$\tanh z = \frac{e^{z} - e^{-z}}{e^{z} + e^{-z}}.$$
#
# numpy har den som `np.tanh`, och i riktig kod skulle du använda den. Här skriver du den själv,
# eftersom formeln har samma problem som sigmoid: vid $z = \pm 1000$ ger den
# $\infty / \infty$ = `nan`. Använd tricket från fråga 1. Om man delar täljaren och nämnaren med
# $e^{|z|}$ får man en form där den enda exponentialfunktionen är $e^{-2|z|} \in (0, 1]$:
#
# $$\tanh z = \operatorname{sign}(z)\,\frac{1 - e^{-2|z|}}{1 + e^{-2|z|}},$$
#
# där $\operatorname{sign}(z)$ är $1$ för $z > 0$, $-1$ för $z < 0$ och $0$ för $z = 0$
# (`np.sign`). Skriv funktionen `tanh(z)` med den här formeln, utan `np.tanh`; använd `np.tanh`
# bara för att jämföra dina resultat i en egen cell. Till exempel är
# $\tanh 1 = (1 - e^{-2}) / (1 + e^{-2}) \approx 0{,}7616$, och $\tanh(-z) = -\tanh z$.

# %% tags=["en"]
def tanh(z):
    """The hyperbolic tangent, element-wise, computed from e^(-2|z|) so that nothing overflows.

    Parameters
    ----------
    z : float or numpy array of any shape

    Returns
    -------
    float or numpy array of the same shape as z
        Values in [-1, 1].
    """
    # BEGIN SOLUTION
    z = np.asarray(z, dtype=float)
    e = np.exp(-2.0 * np.abs(z))
    return np.sign(z) * (1.0 - e) / (1.0 + e)
    # END SOLUTION

# %% tags=["sv"]
def tanh(z):
    """Tangens hyperbolicus, elementvis, beräknad från e^(-2|z|) så att inget ger överspill.

    Parametrar
    ----------
    z : float eller numpy-array med godtycklig form

    Returnerar
    ----------
    float eller numpy-array med samma form som z
        Värden i [-1, 1].
    """
    # BEGIN SOLUTION
    z = np.asarray(z, dtype=float)
    e = np.exp(-2.0 * np.abs(z))
    return np.sign(z) * (1.0 - e) / (1.0 + e)
    # END SOLUTION

# %% tags=["check"]
check("q3")

# %% [markdown] tags=["en"]
# ## Question 4: the derivative of tanh (1 point)
#
# $$\tanh'(z) = 1 - \tanh^2 z .$$
#
# Write the function `tanh_derivative(z)` with your `tanh` from question 3. For example
# $\tanh'(0) = 1$, the largest value, and $\tanh'(1) = 1 - 0.7616^2 \approx 0.42$.

# %% [markdown] tags=["sv"]
# ## Fråga 4: derivatan av tanh (1 poäng)
#
# $$\tanh'(z) = 1 - \tanh^2 z .$$
#
# Skriv funktionen `tanh_derivative(z)` med din `tanh` från fråga 3. Till exempel är
# $\tanh'(0) = 1$, det största värdet, och $\tanh'(1) = 1 - 0{,}7616^2 \approx 0{,}42$.

# %% tags=["en"]
def tanh_derivative(z):
    """The derivative tanh'(z) = 1 - tanh(z)^2, element-wise.

    Parameters
    ----------
    z : float or numpy array of any shape

    Returns
    -------
    float or numpy array of the same shape as z
        Values in [0, 1].
    """
    # BEGIN SOLUTION
    t = tanh(z)
    return 1.0 - t**2
    # END SOLUTION

# %% tags=["sv"]
def tanh_derivative(z):
    """Derivatan tanh'(z) = 1 - tanh(z)^2, elementvis.

    Parametrar
    ----------
    z : float eller numpy-array med godtycklig form

    Returnerar
    ----------
    float eller numpy-array med samma form som z
        Värden i [0, 1].
    """
    # BEGIN SOLUTION
    t = tanh(z)
    return 1.0 - t**2
    # END SOLUTION

# %% tags=["check"]
check("q4")

# %% [markdown] tags=["en"]
# ## Question 5: ReLU (1 point)
#
# $$\operatorname{ReLU}(z) = \max(0, z).$$
#
# Write the function `relu(z)`, element-wise. Python's `max` compares two numbers; for arrays
# you need `np.maximum`, which compares element by element. For example, ReLU turns
# $z = (-2, 0, 1.5)$ into $(0, 0, 1.5)$.

# %% [markdown] tags=["sv"]
# ## Fråga 5: ReLU (1 poäng)
#
# $$\operatorname{ReLU}(z) = \max(0, z).$$
#
# Skriv funktionen `relu(z)`, elementvis. Pythons `max` jämför två tal; för arrayer behöver du
# `np.maximum`, som jämför element för element. Till exempel gör ReLU om
# $z = (-2;\ 0;\ 1{,}5)$ till $(0;\ 0;\ 1{,}5)$.

# %% tags=["en"]
def relu(z):
    """ReLU(z) = max(0, z), element-wise.

    Parameters
    ----------
    z : float or numpy array of any shape

    Returns
    -------
    float or numpy array of the same shape as z
    """
    # BEGIN SOLUTION
    z = np.asarray(z, dtype=float)
    return np.maximum(z, 0.0)
    # END SOLUTION

# %% tags=["sv"]
def relu(z):
    """ReLU(z) = max(0, z), elementvis.

    Parametrar
    ----------
    z : float eller numpy-array med godtycklig form

    Returnerar
    ----------
    float eller numpy-array med samma form som z
    """
    # BEGIN SOLUTION
    z = np.asarray(z, dtype=float)
    return np.maximum(z, 0.0)
    # END SOLUTION

# %% tags=["check"]
check("q5")

# %% [markdown] tags=["en"]
# ## Question 6: the derivative of ReLU (1 point)
#
# $$\operatorname{ReLU}'(z) = \begin{cases} 1 & z > 0, \\ 0 & z < 0. \end{cases}$$
#
# At the kink $z = 0$ ReLU has no derivative. As in the lesson and in `nnlib`, we take the
# value **0** there. Write the function `relu_derivative(z)` that returns these values as
# **numbers** (floats such as `1.0` and `0.0`, not `True` and `False`): the derivative gets
# multiplied with other numbers in chapter 07. For example, the derivative at
# $z = (-2, 0, 1.5)$ is $(0, 0, 1)$.

# %% [markdown] tags=["sv"]
# ## Fråga 6: derivatan av ReLU (1 poäng)
#
# $$\operatorname{ReLU}'(z) = \begin{cases} 1 & z > 0, \\ 0 & z < 0. \end{cases}$$
#
# I knycken $z = 0$ har ReLU ingen derivata. Som i lektionen och i `nnlib` väljer vi värdet **0**
# där. Skriv funktionen `relu_derivative(z)` som returnerar de här värdena som **tal** (flyttal
# som `1.0` och `0.0`, inte `True` och `False`): derivatan multipliceras med andra tal i kapitel
# 07. Till exempel är derivatan i $z = (-2;\ 0;\ 1{,}5)$ lika med $(0;\ 0;\ 1)$.

# %% tags=["en"]
def relu_derivative(z):
    """The derivative of ReLU: 1.0 where z > 0, else 0.0 (also at z = 0), element-wise.

    Parameters
    ----------
    z : float or numpy array of any shape

    Returns
    -------
    float or numpy array of floats of the same shape as z
    """
    # BEGIN SOLUTION
    z = np.asarray(z, dtype=float)
    return np.where(z > 0, 1.0, 0.0)
    # END SOLUTION

# %% tags=["sv"]
def relu_derivative(z):
    """Derivatan av ReLU: 1.0 där z > 0, annars 0.0 (även i z = 0), elementvis.

    Parametrar
    ----------
    z : float eller numpy-array med godtycklig form

    Returnerar
    ----------
    float eller numpy-array med flyttal, med samma form som z
    """
    # BEGIN SOLUTION
    z = np.asarray(z, dtype=float)
    return np.where(z > 0, 1.0, 0.0)
    # END SOLUTION

# %% tags=["check"]
check("q6")

# %% [markdown] tags=["en"]
# ## See your functions next to the library's
#
# The explorer from lesson 02 can draw your own functions too. The next cell gives it your six
# functions. Choose sigmoid, tanh or ReLU in the menu: your $f(z)$ and $f'(z)$ are drawn as black
# dashed lines on top of the solid curves of the library `nnlib`. Where your function is right,
# the dashed line lies exactly on the solid one, and the text under the controls says
# **matches**. Where it is not, the text shows the largest difference between your curve and the
# library's over the plotted range, and the $z$ where it occurs.
#
# - A function you have not written yet reads *not answered yet*; the library's curve is still
#   drawn.
# - If your function raises an error, returns an array of the wrong shape, or returns NaN or
#   inf, the text says so.
# - Widen the z range (up to ±50) to see how your functions behave far from 0. The explorer does
#   not reach $z = \pm 1000$: test that with `np.errstate` as in question 1.
#
# The explorer keeps the functions it was given. When you change one, run its cell and then this
# cell again. The picture only helps you look: the check cells above and the hidden tests decide
# your points.

# %% [markdown] tags=["sv"]
# ## Se dina funktioner bredvid bibliotekets
#
# Utforskaren från lektion 02 kan också rita dina egna funktioner. Nästa cell ger den dina sex
# funktioner. Välj sigmoid, tanh eller ReLU i menyn: din $f(z)$ och din $f'(z)$ ritas som svarta
# streckade linjer ovanpå de heldragna kurvorna från biblioteket `nnlib`. Där din funktion är
# rätt ligger den streckade linjen precis på den heldragna, och texten under reglagen säger
# **stämmer**. Där den inte är det visar texten den största skillnaden mellan din kurva och
# bibliotekets över det ritade intervallet, och vid vilket $z$ den finns.
#
# - En funktion som du inte har skrivit än visas som *inte besvarad än*; bibliotekets kurva
#   ritas ändå.
# - Om din funktion ger ett fel, returnerar en array med fel form eller returnerar NaN eller inf,
#   säger texten det.
# - Gör z-intervallet bredare (upp till ±50) för att se hur dina funktioner beter sig långt från
#   0. Utforskaren når inte $z = \pm 1000$: testa det med `np.errstate` som i fråga 1.
#
# Utforskaren behåller de funktioner den fick. När du ändrar en av dem kör du dess cell och
# sedan den här cellen igen. Bilden hjälper dig bara att se: kontrollcellerna ovanför och de
# dolda testerna avgör dina poäng.

# %%
from course.widgets.activations import ActivationExplorer

ActivationExplorer(name="sigmoid", student={
    "sigmoid": (sigmoid, sigmoid_derivative),
    "tanh": (tanh, tanh_derivative),
    "relu": (relu, relu_derivative),
})

# %% [markdown] tags=["en"]
# ## Done?
#
# When all six checks show ✔, restart the kernel and run all cells once more (*Kernel →
# Restart Kernel and Run All Cells…*) to make sure that the notebook works from the top, then
# save it and hand it in the way your teacher asks. Next: [chapter 03, the forward
# pass](../../notebooks/en/03_forward_pass.ipynb), which puts many neurons with these
# activation functions together into a network.

# %% [markdown] tags=["sv"]
# ## Klar?
#
# När alla sex kontrollerna visar ✔ startar du om kärnan och kör alla celler en gång till
# (*Kernel → Restart Kernel and Run All Cells…*) för att se att din notebook fungerar från
# början. Spara den sedan och lämna in den på det sätt som din lärare har bestämt. Nästa steg:
# [kapitel 03, framåtpasset](../../notebooks/sv/03_forward_pass.ipynb), som sätter ihop många
# neuroner med de här aktiveringsfunktionerna till ett nätverk.

# %% tags=["hidden"]
# The grading specification: never in the student notebooks. Expected values come from the
# solutions above, run on the same inputs.
from course.exercise import Misconception, Question, case, random_cases


def _random_array(rng):
    shape = tuple(int(n) for n in rng.integers(1, 5, size=int(rng.integers(1, 4))))
    scale = float(rng.choice([1.0, 5.0, 50.0, 1000.0]))
    return rng.normal(scale=scale, size=shape)


_TEXTBOOK = np.array([-2.0, 0.0, 1.5])
_EXTREMES = np.array([-1000.0, -745.0, -710.0, -40.0, 40.0, 710.0, 745.0, 1000.0])
_THOUSANDS = np.array([[-5000.0, -800.0], [800.0, 5000.0]])
_GRID = np.array([[-3.0, -1.0, -0.5], [0.5, 1.0, 3.0]])
_CUBE = np.linspace(-6.0, 6.0, 24).reshape(2, 3, 4)
_KINKS = np.array([[0.0, -2.0], [0.0, 3.0]])


# Common wrong answers and right answers in another style, as students write them (each is
# handed in as a notebook cell in the exercise tests). They use only numpy and the notebook's
# own functions.
def sigmoid_naive(z):
    return 1.0 / (1.0 + np.exp(-np.asarray(z, dtype=float)))


def sigmoid_exp_over_one_plus_exp(z):
    e = np.exp(np.asarray(z, dtype=float))
    return e / (1.0 + e)


def sigmoid_where_naive_branches(z):
    z = np.asarray(z, dtype=float)
    return np.where(z >= 0, 1.0 / (1.0 + np.exp(-z)), np.exp(z) / (1.0 + np.exp(z)))


def sigmoid_for_one_number(z):
    if z >= 0:
        return 1.0 / (1.0 + np.exp(-z))
    return np.exp(z) / (1.0 + np.exp(z))


def sigmoid_branches_swapped(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, e / (1.0 + e), 1.0 / (1.0 + e))


def sigmoid_through_tanh(z):
    return 0.5 * (1.0 + np.tanh(0.5 * np.asarray(z, dtype=float)))


def sigmoid_element_by_element(z):
    z = np.asarray(z, dtype=float)
    result = np.empty(z.shape)
    for index, value in np.ndenumerate(z):
        if value >= 0:
            result[index] = 1.0 / (1.0 + np.exp(-value))
        else:
            result[index] = np.exp(value) / (1.0 + np.exp(value))
    return result


def sigmoid_float32(z):
    z = np.asarray(z, dtype=np.float32)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def sigmoid_derivative_from_exponentials(z):
    e = np.exp(-np.asarray(z, dtype=float))
    return e / (1.0 + e) ** 2


def sigmoid_derivative_of_z(z):
    z = np.asarray(z, dtype=float)
    return z * (1.0 - z)


def sigmoid_derivative_one_minus_z(z):
    return sigmoid(z) * (1.0 - np.asarray(z, dtype=float))


def sigmoid_derivative_from_abs(z):
    e = np.exp(-np.abs(np.asarray(z, dtype=float)))
    return e / (1.0 + e) ** 2


def sigmoid_derivative_expanded(z):
    s = sigmoid(z)
    return s - s * s


def tanh_from_the_definition(z):
    z = np.asarray(z, dtype=float)
    return (np.exp(z) - np.exp(-z)) / (np.exp(z) + np.exp(-z))


def tanh_without_abs(z):
    e = np.exp(-2.0 * np.asarray(z, dtype=float))
    return (1.0 - e) / (1.0 + e)


def tanh_without_sign(z):
    e = np.exp(-2.0 * np.abs(np.asarray(z, dtype=float)))
    return (1.0 - e) / (1.0 + e)


def tanh_without_factor_two(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    return np.sign(z) * (1.0 - e) / (1.0 + e)


def tanh_through_sigmoid(z):
    return 2.0 * sigmoid(2.0 * np.asarray(z, dtype=float)) - 1.0


def tanh_with_where(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(-2.0 * np.abs(z))
    magnitude = (1.0 - e) / (1.0 + e)
    return np.where(z < 0, -magnitude, magnitude)


def tanh_derivative_of_z(z):
    return 1.0 - np.asarray(z, dtype=float) ** 2


def tanh_derivative_from_the_definition(z):
    z = np.asarray(z, dtype=float)
    return 1.0 - ((np.exp(z) - np.exp(-z)) / (np.exp(z) + np.exp(-z))) ** 2


def tanh_derivative_without_square(z):
    return 1.0 - tanh(z)


def tanh_derivative_factored(z):
    t = tanh(z)
    return (1.0 - t) * (1.0 + t)


def tanh_derivative_from_abs(z):
    e = np.exp(-2.0 * np.abs(np.asarray(z, dtype=float)))
    return 4.0 * e / (1.0 + e) ** 2


def relu_python_max(z):
    return max(z, 0.0)


def relu_np_max(z):
    return np.max(z, 0)


def relu_absolute(z):
    return np.abs(np.asarray(z, dtype=float))


def relu_times_mask(z):
    z = np.asarray(z, dtype=float)
    return z * (z > 0)


def relu_with_where(z):
    z = np.asarray(z, dtype=float)
    return np.where(z > 0, z, 0.0)


def relu_derivative_one_at_zero(z):
    return np.where(np.asarray(z, dtype=float) >= 0, 1.0, 0.0)


def relu_derivative_booleans(z):
    return np.asarray(z, dtype=float) > 0


def relu_derivative_is_relu(z):
    return np.maximum(np.asarray(z, dtype=float), 0.0)


def relu_derivative_for_one_number(z):
    return 1.0 if z > 0 else 0.0


def relu_derivative_as_float(z):
    return (np.asarray(z, dtype=float) > 0).astype(float)


def relu_derivative_heaviside(z):
    return np.heaviside(np.asarray(z, dtype=float), 0.0)


_WHOLE_ARRAYS = {
    "en": "works for one number only: Python's if, max and math.exp cannot handle a whole array at once and "
          "raise an error. Use numpy operations that work element by element.",
    "sv": "fungerar bara för ett tal: Pythons if, max och math.exp kan inte hantera en hel array på en gång och "
          "ger ett fel. Använd numpy-operationer som verkar element för element.",
}

QUESTIONS = [
    Question(
        "q1", function="sigmoid", points=2, float_errors=True,
        hint={
            "en": "Make sure that every np.exp gets an exponent <= 0 for every element: e^(-|z|) lies in (0, 1] for "
                  "every z, and both forms of sigma(z) in the text can be written with it. np.where computes both of "
                  "its branches for every element, so both must be safe for z = 1000 and for z = -1000.",
            "sv": "Se till att varje np.exp får en exponent <= 0 för varje element: e^(-|z|) ligger i (0, 1] för "
                  "varje z, och båda formerna av sigma(z) i texten kan skrivas med den. np.where räknar ut båda "
                  "sina grenar för varje element, så båda måste vara säkra för z = 1000 och för z = -1000.",
        },
        public=[case(_TEXTBOOK), case(0.0), case(-1000.0).weighted(3), case(1000.0).weighted(3)],
        hidden=[
            case(np.array([-1000.0, 1000.0])).weighted(4), case(_EXTREMES).weighted(4),
            case(_THOUSANDS).weighted(4), case(_GRID), case(_CUBE),
            *random_cases(_random_array, 6, seed=21),
        ],
        misconceptions=[
            Misconception("naive_formula", sigmoid_naive, costs=0.5, message={
                "en": "1 / (1 + np.exp(-z)) overflows for large negative z such as -1000, because e^1000 is far "
                      "larger than any float. Compute the negative z with the other form from the text, so that no "
                      "exponent is ever positive.",
                "sv": "1 / (1 + np.exp(-z)) får överspill för stora negativa z som -1000, eftersom e^1000 är långt "
                      "större än alla flyttal. Räkna ut de negativa z med den andra formen i texten, så att ingen "
                      "exponent någonsin blir positiv."}),
            Misconception("exp_over_one_plus_exp", sigmoid_exp_over_one_plus_exp, costs=0.5, message={
                "en": "e^z / (1 + e^z) overflows for large positive z such as 1000 (inf / inf is nan). Use this "
                      "form only where z < 0 and the other form where z >= 0.",
                "sv": "e^z / (1 + e^z) får överspill för stora positiva z som 1000 (inf / inf är nan). Använd den "
                      "här formen bara där z < 0 och den andra formen där z >= 0."}),
            Misconception("where_with_unsafe_branches", sigmoid_where_naive_branches, costs=0.5, message={
                "en": "Your values would be right, but np.where computes both of its branches for every element "
                      "before it chooses: np.exp(-z) overflows where z is very negative, np.exp(z) where z is very "
                      "positive. Write both branches with e^(-|z|) so that neither can overflow.",
                "sv": "Dina värden skulle bli rätt, men np.where räknar ut båda sina grenar för varje element innan "
                      "den väljer: np.exp(-z) får överspill där z är mycket negativt och np.exp(z) där z är mycket "
                      "positivt. Skriv båda grenarna med e^(-|z|) så att ingen av dem kan få överspill."}),
            Misconception("one_number_only", sigmoid_for_one_number, costs=0.5, message={
                "en": "Your sigmoid " + _WHOLE_ARRAYS["en"],
                "sv": "Din sigmoid " + _WHOLE_ARRAYS["sv"]}),
            Misconception("branches_swapped", sigmoid_branches_swapped, costs=0.5, message={
                "en": "Your two forms are swapped: for z > 0 you get values below 0.5 and for z < 0 values above "
                      "0.5. Check which form belongs to z >= 0 and which to z < 0, e.g. at z = 2.",
                "sv": "Dina två former har bytt plats: för z > 0 får du värden under 0,5 och för z < 0 värden över "
                      "0,5. Kontrollera vilken form som hör till z >= 0 och vilken till z < 0, till exempel i z = 2."}),
        ],
        alternatives=[sigmoid_through_tanh, sigmoid_element_by_element, sigmoid_float32],
    ),
    Question(
        "q2", function="sigmoid_derivative", points=1, float_errors=True,
        hint={
            "en": "Call your safe sigmoid from question 1 and put its value into the formula of the text. Formulas "
                  "with np.exp(-z) in them overflow for large negative z.",
            "sv": "Anropa din säkra sigmoid från fråga 1 och sätt in dess värde i formeln i texten. Formler med "
                  "np.exp(-z) i får överspill för stora negativa z.",
        },
        public=[case(_TEXTBOOK), case(np.array([-1000.0, 1000.0])).weighted(3)],
        hidden=[
            case(0.0), case(-1000.0).weighted(3), case(_EXTREMES).weighted(3), case(_THOUSANDS).weighted(3),
            case(_GRID), case(_CUBE),
            *random_cases(_random_array, 6, seed=22),
        ],
        misconceptions=[
            Misconception("exponentials_overflow", sigmoid_derivative_from_exponentials, costs=0.5, message={
                "en": "e^(-z) / (1 + e^(-z))^2 is right on paper, but np.exp(-z) overflows for large negative z "
                      "such as -1000. Build the derivative from your safe sigmoid instead.",
                "sv": "e^(-z) / (1 + e^(-z))^2 stämmer på papperet, men np.exp(-z) får överspill för stora negativa "
                      "z som -1000. Bygg i stället derivatan av din säkra sigmoid."}),
            Misconception("formula_on_z", sigmoid_derivative_of_z, costs=0.5, message={
                "en": "You put z itself into s (1 - s). In the formula, s is the value of the sigmoid at z, so "
                      "compute sigma(z) first.",
                "sv": "Du satte in z självt i s (1 - s). I formeln är s sigmoidens värde i z, så räkna först ut "
                      "sigma(z)."}),
            Misconception("one_minus_z", sigmoid_derivative_one_minus_z, costs=0.5, message={
                "en": "Your second factor uses z instead of sigma(z): the derivative is sigma(z) times (1 minus "
                      "the same sigma(z)).",
                "sv": "Din andra faktor använder z i stället för sigma(z): derivatan är sigma(z) gånger (1 minus "
                      "samma sigma(z))."}),
        ],
        alternatives=[sigmoid_derivative_from_abs, sigmoid_derivative_expanded],
    ),
    Question(
        "q3", function="tanh", points=2, float_errors=True,
        hint={
            "en": "The only exponential you need is e^(-2|z|), which lies in (0, 1] and never overflows. The formula "
                  "with sign(z) in the text gives the sign back (np.sign); compare with np.tanh in a cell of your "
                  "own, for negative z too.",
            "sv": "Den enda exponentialfunktion du behöver är e^(-2|z|), som ligger i (0, 1] och aldrig får "
                  "överspill. Formeln med sign(z) i texten ger tillbaka tecknet (np.sign); jämför med np.tanh i en "
                  "egen cell, även för negativa z.",
        },
        public=[case(_TEXTBOOK), case(1.0), case(1000.0).weighted(3), case(np.array([-1000.0, 1000.0])).weighted(3)],
        hidden=[
            case(0.0), case(-1000.0).weighted(3), case(_EXTREMES).weighted(3), case(_THOUSANDS).weighted(3),
            case(np.array([-3000.0, -400.0, -1.0])).weighted(3), case(_GRID), case(_CUBE),
            case(np.array([-1e-9, 1e-9, -0.001, 0.001])),
            *random_cases(_random_array, 6, seed=23),
        ],
        misconceptions=[
            Misconception("definition_overflows", tanh_from_the_definition, costs=0.5, message={
                "en": "(e^z - e^(-z)) / (e^z + e^(-z)) overflows for z = 1000 and for z = -1000 (inf / inf is nan). "
                      "Divide the numerator and the denominator by e^|z| as in the text.",
                "sv": "(e^z - e^(-z)) / (e^z + e^(-z)) får överspill för z = 1000 och för z = -1000 (inf / inf är "
                      "nan). Dela täljaren och nämnaren med e^|z| som i texten."}),
            Misconception("exponent_without_abs", tanh_without_abs, costs=0.5, message={
                "en": "Your exponential is e^(-2z): for large negative z such as -1000 the exponent is positive and "
                      "it overflows. Take the absolute value in the exponent and let sign(z) restore the sign.",
                "sv": "Din exponentialfunktion är e^(-2z): för stora negativa z som -1000 blir exponenten positiv "
                      "och den får överspill. Ta absolutbeloppet i exponenten och låt sign(z) ge tillbaka tecknet."}),
            Misconception("sign_missing", tanh_without_sign, costs=0.5, message={
                "en": "Your tanh is never negative: (1 - e^(-2|z|)) / (1 + e^(-2|z|)) is tanh|z|. Multiply by sign(z), "
                      "since tanh(-z) = -tanh(z).",
                "sv": "Din tanh blir aldrig negativ: (1 - e^(-2|z|)) / (1 + e^(-2|z|)) är tanh|z|. Multiplicera med "
                      "sign(z), eftersom tanh(-z) = -tanh(z)."}),
            Misconception("factor_two_missing", tanh_without_factor_two, costs=0.25, message={
                "en": "With e^(-|z|) instead of e^(-2|z|) you compute tanh(z/2): at z = 1 you get 0.46, not 0.76. "
                      "Dividing by e^|z| turns e^(-z) into e^(-2|z|).",
                "sv": "Med e^(-|z|) i stället för e^(-2|z|) räknar du ut tanh(z/2): i z = 1 får du 0,46, inte 0,76. "
                      "Divisionen med e^|z| gör e^(-z) till e^(-2|z|)."}),
        ],
        alternatives=[tanh_through_sigmoid, tanh_with_where],
    ),
    Question(
        "q4", function="tanh_derivative", points=1, float_errors=True,
        hint={
            "en": "Call your tanh from question 3 and put its value into the formula of the text (in Python the "
                  "power is written **).",
            "sv": "Anropa din tanh från fråga 3 och sätt in dess värde i formeln i texten (i Python skrivs "
                  "potensen **).",
        },
        public=[case(_TEXTBOOK), case(np.array([-1000.0, 1000.0])).weighted(2)],
        hidden=[
            case(1.0), case(-1000.0).weighted(2), case(1000.0).weighted(2), case(_EXTREMES).weighted(2),
            case(_GRID), case(_CUBE),
            *random_cases(_random_array, 6, seed=24),
        ],
        misconceptions=[
            Misconception("formula_on_z", tanh_derivative_of_z, costs=0.5, message={
                "en": "You squared z itself. The formula squares tanh(z): compute tanh(z) first.",
                "sv": "Du kvadrerade z självt. Formeln kvadrerar tanh(z): räkna först ut tanh(z)."}),
            Misconception("definition_overflows", tanh_derivative_from_the_definition, costs=0.5, message={
                "en": "tanh written with e^z and e^(-z) overflows for z = ±1000. Use your safe tanh from question 3.",
                "sv": "tanh skriven med e^z och e^(-z) får överspill för z = ±1000. Använd din säkra tanh från "
                      "fråga 3."}),
            Misconception("square_missing", tanh_derivative_without_square, costs=0.5, message={
                "en": "You subtract tanh(z) itself from 1; the formula subtracts its square. At z = 0 the derivative "
                      "is 1, its largest value.",
                "sv": "Du drar bort tanh(z) självt från 1; formeln drar bort dess kvadrat. I z = 0 är derivatan 1, "
                      "dess största värde."}),
        ],
        alternatives=[tanh_derivative_factored, tanh_derivative_from_abs],
    ),
    Question(
        "q5", function="relu", points=1,
        hint={
            "en": "Python's max compares two numbers and fails on arrays, and np.max finds the largest element of "
                  "an array; you need the numpy function that compares two arrays element by element.",
            "sv": "Pythons max jämför två tal och fungerar inte på arrayer, och np.max hittar det största elementet "
                  "i en array; du behöver den numpy-funktion som jämför två arrayer element för element.",
        },
        public=[case(_TEXTBOOK), case(np.array([[-1.0, 2.0], [3.0, -4.0]]))],
        hidden=[
            case(-3.0), case(2.5), case(np.array([-1000.0, 1000.0])), case(_GRID), case(_CUBE),
            *random_cases(_random_array, 5, seed=25),
        ],
        misconceptions=[
            Misconception("python_max", relu_python_max, costs=0.5, message={
                "en": "Python's max(z, 0) " + _WHOLE_ARRAYS["en"],
                "sv": "Pythons max(z, 0) " + _WHOLE_ARRAYS["sv"]}),
            Misconception("np_max_reduces", relu_np_max, costs=0.5, message={
                "en": "np.max(z, 0) does not compare z with 0: its second argument is an axis, so it returns the "
                      "largest element along axis 0 and the shape changes. The element-wise maximum of two arrays is "
                      "another numpy function.",
                "sv": "np.max(z, 0) jämför inte z med 0: dess andra argument är en axel, så den returnerar det "
                      "största elementet längs axel 0 och formen ändras. Det elementvisa maximumet av två arrayer är "
                      "en annan numpy-funktion."}),
            Misconception("absolute_value", relu_absolute, costs=0.5, message={
                "en": "You return |z|, which turns negative numbers positive. ReLU sets every negative number to 0 "
                      "and keeps the others.",
                "sv": "Du returnerar |z|, som gör negativa tal positiva. ReLU sätter varje negativt tal till 0 och "
                      "behåller de andra."}),
        ],
        alternatives=[relu_times_mask, relu_with_where],
    ),
    Question(
        "q6", function="relu_derivative", points=1,
        hint={
            "en": "At z = 0 the answer is 0. The comparison z > 0 gives True/False values element by element; the "
                  "answer must be numbers, so turn them into floats.",
            "sv": "I z = 0 är svaret 0. Jämförelsen z > 0 ger True/False-värden element för element; svaret ska vara "
                  "tal, så gör om dem till flyttal.",
        },
        public=[case(_TEXTBOOK).weighted(3), case(np.array([[-1.0, 2.0], [3.0, -4.0]]))],
        hidden=[
            case(0.0).weighted(3), case(-3.0), case(2.5), case(np.array([-1000.0, 0.0, 1e-12, 1000.0])).weighted(3),
            case(_KINKS).weighted(3), case(_GRID), case(_CUBE),
            *random_cases(_random_array, 5, seed=26),
        ],
        misconceptions=[
            Misconception("one_at_zero", relu_derivative_one_at_zero, costs=0.5, message={
                "en": "Your derivative is 1 at z = 0. ReLU has no derivative at its kink, and this course (like nnlib) "
                      "takes 0 there: compare with a strict >, not >=.",
                "sv": "Din derivata är 1 i z = 0. ReLU har ingen derivata i knycken, och kursen (liksom nnlib) väljer "
                      "0 där: jämför med ett strikt >, inte >=."}),
            Misconception("booleans", relu_derivative_booleans, costs=0.5, message={
                "en": "You return True/False values (bool), not numbers. Convert them to floats so that the "
                      "derivative can be multiplied with other numbers in chapter 07.",
                "sv": "Du returnerar True/False-värden (bool), inte tal. Gör om dem till flyttal så att derivatan "
                      "kan multipliceras med andra tal i kapitel 07."}),
            Misconception("relu_itself", relu_derivative_is_relu, costs=0.5, message={
                "en": "You return ReLU itself. Its slope is 1 wherever z > 0, whatever the size of z, and 0 elsewhere.",
                "sv": "Du returnerar ReLU självt. Dess lutning är 1 överallt där z > 0, hur stort z än är, och 0 "
                      "annars."}),
            Misconception("one_number_only", relu_derivative_for_one_number, costs=0.5, message={
                "en": "Your derivative " + _WHOLE_ARRAYS["en"],
                "sv": "Din derivata " + _WHOLE_ARRAYS["sv"]}),
        ],
        alternatives=[relu_derivative_as_float, relu_derivative_heaviside],
    ),
]
