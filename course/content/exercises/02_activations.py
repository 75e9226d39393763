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
    """Sigmoiden sigma(z) = 1 / (1 + e^(-z)), elementvis, utan overflow för något z.

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
    """Tangens hyperbolicus, elementvis, beräknad från e^(-2|z|) så att inget ger overflow.

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
from course.exercise import Question, case, random_cases


def _random_array(rng):
    shape = tuple(int(n) for n in rng.integers(1, 5, size=int(rng.integers(1, 4))))
    scale = float(rng.choice([1.0, 5.0, 50.0, 1000.0]))
    return rng.normal(scale=scale, size=shape)


_TEXTBOOK = np.array([-2.0, 0.0, 1.5])
_EXTREMES = np.array([-1000.0, -745.0, -710.0, -40.0, 40.0, 710.0, 745.0, 1000.0])
_GRID = np.array([[-3.0, -1.0, -0.5], [0.5, 1.0, 3.0]])
_CUBE = np.linspace(-6.0, 6.0, 24).reshape(2, 3, 4)

QUESTIONS = [
    Question(
        "q1", function="sigmoid", points=2, float_errors=True,
        hint={
            "en": "Only ever take np.exp of numbers <= 0: e = np.exp(-np.abs(z)) lies in (0, 1] for every z. "
                  "Write both forms of sigma(z) from the text with this e, and let np.where choose one for each "
                  "element.",
            "sv": "Ta bara np.exp av tal <= 0: e = np.exp(-np.abs(z)) ligger i (0, 1] för varje z. Skriv båda "
                  "formerna av sigma(z) från texten med detta e, och låt np.where välja en för varje element.",
        },
        public=[case(_TEXTBOOK), case(0.0), case(np.array([-1000.0, 1000.0]))],
        hidden=[
            case(-1000.0), case(1000.0), case(_EXTREMES), case(_GRID), case(_CUBE),
            *random_cases(_random_array, 6, seed=21),
        ],
    ),
    Question(
        "q2", function="sigmoid_derivative", points=1, float_errors=True,
        hint={
            "en": "Use your safe sigmoid from question 1 in the formula sigma(z)(1 - sigma(z)). Formulas with "
                  "np.exp(-z) in them overflow for large negative z.",
            "sv": "Använd din säkra sigmoid från fråga 1 i formeln sigma(z)(1 - sigma(z)). Formler med "
                  "np.exp(-z) i får överspill för stora negativa z.",
        },
        public=[case(_TEXTBOOK), case(np.array([-1000.0, 1000.0]))],
        hidden=[
            case(0.0), case(-1000.0), case(_EXTREMES), case(_GRID), case(_CUBE),
            *random_cases(_random_array, 6, seed=22),
        ],
    ),
    Question(
        "q3", function="tanh", points=2, float_errors=True,
        hint={
            "en": "The only exponential you need is e = np.exp(-2 * np.abs(z)), which never overflows. Then use "
                  "the formula with sign(z) from the text (np.sign), and compare with np.tanh in a cell of your "
                  "own.",
            "sv": "Den enda exponentialfunktion du behöver är e = np.exp(-2 * np.abs(z)), som aldrig får "
                  "överspill. Använd sedan formeln med sign(z) från texten (np.sign) och jämför med np.tanh i "
                  "en egen cell.",
        },
        public=[case(_TEXTBOOK), case(1.0), case(np.array([-1000.0, 1000.0]))],
        hidden=[
            case(0.0), case(-1000.0), case(1000.0), case(_EXTREMES), case(_GRID), case(_CUBE),
            case(np.array([-1e-9, 1e-9, -0.001, 0.001])),
            *random_cases(_random_array, 6, seed=23),
        ],
    ),
    Question(
        "q4", function="tanh_derivative", points=1, float_errors=True,
        hint={
            "en": "Use your tanh from question 3 in the formula 1 - tanh(z)^2 (in Python the power is written "
                  "**).",
            "sv": "Använd din tanh från fråga 3 i formeln 1 - tanh(z)^2 (i Python skrivs potensen **).",
        },
        public=[case(_TEXTBOOK), case(np.array([-1000.0, 1000.0]))],
        hidden=[
            case(1.0), case(-1000.0), case(_EXTREMES), case(_GRID), case(_CUBE),
            *random_cases(_random_array, 6, seed=24),
        ],
    ),
    Question(
        "q5", function="relu", points=1,
        hint={
            "en": "Python's max(z, 0) compares two numbers and fails on arrays; np.maximum compares element by "
                  "element.",
            "sv": "Pythons max(z, 0) jämför två tal och fungerar inte på arrayer; np.maximum jämför element för "
                  "element.",
        },
        public=[case(_TEXTBOOK), case(np.array([[-1.0, 2.0], [3.0, -4.0]]))],
        hidden=[
            case(-3.0), case(2.5), case(np.array([-1000.0, 1000.0])), case(_GRID), case(_CUBE),
            *random_cases(_random_array, 5, seed=25),
        ],
    ),
    Question(
        "q6", function="relu_derivative", points=1,
        hint={
            "en": "At z = 0 the answer is 0. The comparison z > 0 gives True/False values element by element; "
                  "the answer must be numbers, which .astype(float) or np.where can give you.",
            "sv": "I z = 0 är svaret 0. Jämförelsen z > 0 ger True/False-värden element för element; svaret ska "
                  "vara tal, vilket .astype(float) eller np.where kan ge dig.",
        },
        public=[case(_TEXTBOOK), case(np.array([[-1.0, 2.0], [3.0, -4.0]]))],
        hidden=[
            case(0.0), case(-3.0), case(2.5), case(np.array([-1000.0, 0.0, 1e-12, 1000.0])),
            case(_GRID), case(_CUBE),
            *random_cases(_random_array, 5, seed=26),
        ],
    ),
]
