# %% [markdown] tags=["en"]
# # Exercise 06: the chain rule and computational graphs
#
# In this exercise you differentiate a chain of three functions with the **chain rule**, check
# the result numerically with a **central difference**, compute the forward and backward pass of
# the **computational graph** of one sigmoid neuron, and write a numerical gradient for all its
# parameters at once: the gradient check of the lesson, done by you. Read
# [lesson 06](../../notebooks/en/06_chain_rule.ipynb) first; this exercise uses its notation and
# its running example, $L = \bigl(\sigma(w x + b) - y\bigr)^2$.
#
# There are four questions and 10 points in total. As before: run the first code cell, write
# your code in place of the two lines `# Your code here` and `raise NotImplementedError(...)`,
# run the cell and then the check cell under it. Keep the names, return (do not print), and run
# everything from the top before you hand in.

# %% [markdown] tags=["sv"]
# # Övning 06: kedjeregeln och beräkningsgrafer
#
# I den här övningen deriverar du en kedja av tre funktioner med **kedjeregeln**, kontrollerar
# resultatet numeriskt med en **central differens**, beräknar framåtpasset och bakåtpasset i
# **beräkningsgrafen** för en sigmoidneuron och skriver en numerisk gradient för alla dess
# parametrar på en gång: lektionens gradientkontroll, gjord av dig. Läs
# [lektion 06](../../notebooks/sv/06_chain_rule.ipynb) först; övningen använder dess notation och
# dess genomgående exempel, $L = \bigl(\sigma(w x + b) - y\bigr)^2$.
#
# Det finns fyra frågor och sammanlagt 10 poäng. Som tidigare: kör den första kodcellen, skriv din
# kod i stället för de två raderna `# Din kod här` och `raise NotImplementedError(...)`, kör
# cellen och sedan kontrollcellen under den. Behåll namnen, returnera (skriv inte ut) och kör
# allt från början innan du lämnar in.

# %%
from course import set_language
from course.checker import check_for
set_language("en")
check = check_for("06_chain_rule")

import numpy as np

# %% [markdown] tags=["en"]
# ## Question 1: a chain of three functions (2 points)
#
# The function of questions 1 and 2 is
#
# $$F(x) = e^{\sin(x^2)} ,$$
#
# defined in the next cell as `F`. It is a chain of three links: first $u = x^2$, then
# $v = \sin u$, and last $F = e^{v}$. The chain rule for a longer chain has one factor per link,
# each evaluated at the value that link received:
#
# $$\frac{dF}{dx} = \frac{dF}{dv}\cdot\frac{dv}{du}\cdot\frac{du}{dx} .$$
#
# Work out the three local derivatives, multiply them, and write everything in terms of $x$.
# Avoid the two classic mistakes of the lesson: a forgotten inner derivative, and an outer
# derivative evaluated at $x$ instead of at the inner function. As a check: $F'(0) = 0$ (the
# curve is flat at $x = 0$) and $F'(1) \approx 2.5067$.
#
# Write the function `derivative_F(x)` that returns $F'(x)$ for every element of a numpy array
# `x` of shape `(n,)`, as an array of shape `(n,)`. numpy's `np.exp`, `np.sin` and `np.cos` work
# element by element.

# %% [markdown] tags=["sv"]
# ## Fråga 1: en kedja av tre funktioner (2 poäng)
#
# Funktionen i fråga 1 och 2 är
#
# $$F(x) = e^{\sin(x^2)} ,$$
#
# och den definieras i nästa cell under namnet `F`. Den är en kedja med tre länkar: först $u = x^2$, sedan
# $v = \sin u$ och sist $F = e^{v}$. Kedjeregeln för en längre kedja har en faktor per länk, var
# och en beräknad i det värde som länken fick:
#
# $$\frac{dF}{dx} = \frac{dF}{dv}\cdot\frac{dv}{du}\cdot\frac{du}{dx} .$$
#
# Ta fram de tre lokala derivatorna, multiplicera dem och skriv allt med hjälp av $x$. Undvik de
# två klassiska misstagen från lektionen: en bortglömd inre derivata och en yttre derivata som
# beräknas i $x$ i stället för i den inre funktionen. Som kontroll: $F'(0) = 0$ (tangenten är
# vågrät i $x = 0$) och $F'(1) \approx 2{,}5067$.
#
# Skriv funktionen `derivative_F(x)` som returnerar $F'(x)$ för varje element i en numpy-array
# `x` med formen `(n,)`, som en array med formen `(n,)`. numpys `np.exp`, `np.sin` och `np.cos`
# verkar element för element.

# %%
def F(x):
    return np.exp(np.sin(x**2))

# %% tags=["en"]
def derivative_F(x):
    """The derivative F'(x) of F(x) = exp(sin(x^2)), element by element.

    Parameters
    ----------
    x : numpy array of shape (n,)

    Returns
    -------
    numpy array of shape (n,)
    """
    # BEGIN SOLUTION
    u = x**2
    v = np.sin(u)
    return np.exp(v) * np.cos(u) * 2 * x
    # END SOLUTION

# %% tags=["sv"]
def derivative_F(x):
    """Derivatan F'(x) av F(x) = exp(sin(x^2)), element för element.

    Parametrar
    ----------
    x : numpy-array med formen (n,)

    Returnerar
    ----------
    numpy-array med formen (n,)
    """
    # BEGIN SOLUTION
    u = x**2
    v = np.sin(u)
    return np.exp(v) * np.cos(u) * 2 * x
    # END SOLUTION

# %% tags=["check"]
check("q1")

# %% [markdown] tags=["en"]
# ## Question 2: a central difference (2 points)
#
# A derivative you worked out by hand can always be checked with forward passes alone. The
# lesson's **central difference** with a small step $h$ is
#
# $$F'(x) \approx \frac{F(x + h) - F(x - h)}{2h} ,$$
#
# and its error shrinks like $h^2$ (the forward difference $\frac{F(x + h) - F(x)}{h}$ only
# like $h$).
#
# Write the function `central_difference(x, h=1e-5)` that returns this quotient for the
# function `F` above, for every element of a numpy array `x` of shape `(n,)`, as an array of
# shape `(n,)`. Call `F`; do not use your answer to question 1. The tests compare with the
# central difference **for the step `h` they pass**, also for large steps like $h = 0.1$, where
# it differs visibly from $F'(x)$.
#
# Then use it to test question 1 in a cell of your own: for `x = np.linspace(-2, 2, 9)`,
# `np.max(np.abs(central_difference(x) - derivative_F(x)))` should be about $10^{-9}$ or
# smaller. A wrong derivative gives something of order 1 or more.

# %% [markdown] tags=["sv"]
# ## Fråga 2: en central differens (2 poäng)
#
# En derivata som du har räknat fram för hand kan alltid kontrolleras med enbart framåtpass.
# Lektionens **centrala differens** med ett litet steg $h$ är
#
# $$F'(x) \approx \frac{F(x + h) - F(x - h)}{2h} ,$$
#
# och dess fel minskar som $h^2$ (framåtdifferensens $\frac{F(x + h) - F(x)}{h}$ bara som $h$).
#
# Skriv funktionen `central_difference(x, h=1e-5)` som returnerar den här kvoten för funktionen
# `F` ovan, för varje element i en numpy-array `x` med formen `(n,)`, som en array med formen
# `(n,)`. Anropa `F`; använd inte ditt svar på fråga 1. Testerna jämför med den centrala
# differensen **för det steg `h` som de skickar in**, även för stora steg som $h = 0{,}1$, där den
# skiljer sig synbart från $F'(x)$.
#
# Använd den sedan för att testa fråga 1 i en egen cell: för `x = np.linspace(-2, 2, 9)` ska
# `np.max(np.abs(central_difference(x) - derivative_F(x)))` vara ungefär $10^{-9}$ eller mindre.
# En felaktig derivata ger något i storleksordningen 1 eller mer.

# %% tags=["en"]
def central_difference(x, h=1e-5):
    """The central difference (F(x + h) - F(x - h)) / (2h) of F, element by element.

    Parameters
    ----------
    x : numpy array of shape (n,)
    h : float
        The step, > 0.

    Returns
    -------
    numpy array of shape (n,)
    """
    # BEGIN SOLUTION
    return (F(x + h) - F(x - h)) / (2 * h)
    # END SOLUTION

# %% tags=["sv"]
def central_difference(x, h=1e-5):
    """Den centrala differensen (F(x + h) - F(x - h)) / (2h) av F, element för element.

    Parametrar
    ----------
    x : numpy-array med formen (n,)
    h : float
        Differenssteget, > 0.

    Returnerar
    ----------
    numpy-array med formen (n,)
    """
    # BEGIN SOLUTION
    return (F(x + h) - F(x - h)) / (2 * h)
    # END SOLUTION

# %% tags=["check"]
check("q2")

# %% [markdown] tags=["en"]
# ## Question 3: forward and backward through a computational graph (3 points)
#
# The neuron of the lesson, $L = \bigl(\sigma(w x + b) - y\bigr)^2$ with
# $\sigma(z) = \frac{1}{1 + e^{-z}}$, split into elementary steps, is the graph
#
# $$u = w \cdot x, \quad z = u + b, \quad a = \sigma(z), \quad d = a - y, \quad L = d^2 .$$
#
# - **Forward**: compute the value of every node from left to right.
# - **Backward**: start with $\frac{\partial L}{\partial L} = 1$ and go from right to left; each
#   node multiplies the gradient that arrives from the right by its **local derivative**
#   ($\partial L / \partial d = 2d$, $\partial d / \partial a = 1$,
#   $\partial a / \partial z = a(1 - a)$, $\partial z / \partial u = \partial z / \partial b = 1$,
#   $\partial u / \partial w = x$).
#
# The lesson's worked example, $x = 2$, $w = 0.5$, $b = -1$, $y = 1$, gives $L = 0.25$,
# $\partial L / \partial w = -0.5$ and $\partial L / \partial b = -0.25$.
#
# Write the function `neuron_forward_backward(x, w, b, y)` that receives four numbers and returns
# the tuple `(L, dL_dw, dL_db)` of three numbers: the loss and its partial derivatives with
# respect to the weight and the bias. The function `sigmoid` in the next cell is yours to use.

# %% [markdown] tags=["sv"]
# ## Fråga 3: framåt och bakåt genom en beräkningsgraf (3 poäng)
#
# Neuronen från lektionen, $L = \bigl(\sigma(w x + b) - y\bigr)^2$ med
# $\sigma(z) = \frac{1}{1 + e^{-z}}$, uppdelad i elementära steg, är grafen
#
# $$u = w \cdot x, \quad z = u + b, \quad a = \sigma(z), \quad d = a - y, \quad L = d^2 .$$
#
# - **Framåt**: beräkna varje nods värde från vänster till höger.
# - **Bakåt**: börja med $\frac{\partial L}{\partial L} = 1$ och gå från höger till vänster; varje
#   nod multiplicerar gradienten som kommer från höger med sin **lokala derivata**
#   ($\partial L / \partial d = 2d$, $\partial d / \partial a = 1$,
#   $\partial a / \partial z = a(1 - a)$, $\partial z / \partial u = \partial z / \partial b = 1$,
#   $\partial u / \partial w = x$).
#
# Lektionens räkneexempel, $x = 2$, $w = 0{,}5$, $b = -1$, $y = 1$, ger $L = 0{,}25$,
# $\partial L / \partial w = -0{,}5$ och $\partial L / \partial b = -0{,}25$.
#
# Skriv funktionen `neuron_forward_backward(x, w, b, y)` som tar emot fyra tal och returnerar
# tupeln `(L, dL_dw, dL_db)` med tre tal: förlusten och dess partiella derivator med avseende på
# vikten och biasen. Funktionen `sigmoid` i nästa cell får du använda.

# %%
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def neuron_loss(theta, x, y):
    w, b = theta[:-1], theta[-1]
    return (sigmoid(np.dot(w, x) + b) - y) ** 2

# %% tags=["en"]
def neuron_forward_backward(x, w, b, y):
    """Forward and backward pass of L = (sigmoid(w x + b) - y)^2 for one input and one weight.

    Parameters
    ----------
    x, w, b, y : float
        The input, the weight, the bias and the ground truth.

    Returns
    -------
    tuple (L, dL_dw, dL_db) of three floats
    """
    # BEGIN SOLUTION
    u = w * x
    z = u + b
    a = sigmoid(z)
    d = a - y
    L = d**2
    dL_dd = 2 * d
    dL_dz = dL_dd * a * (1 - a)
    return float(L), float(dL_dz * x), float(dL_dz)
    # END SOLUTION

# %% tags=["sv"]
def neuron_forward_backward(x, w, b, y):
    """Framåt- och bakåtpass för L = (sigmoid(w x + b) - y)^2 med ett indatavärde och en vikt.

    Parametrar
    ----------
    x, w, b, y : float
        Indatavärdet, vikten, biasen och facit.

    Returnerar
    ----------
    tupel (L, dL_dw, dL_db) med tre flyttal
    """
    # BEGIN SOLUTION
    u = w * x
    z = u + b
    a = sigmoid(z)
    d = a - y
    L = d**2
    dL_dd = 2 * d
    dL_dz = dL_dd * a * (1 - a)
    return float(L), float(dL_dz * x), float(dL_dz)
    # END SOLUTION

# %% tags=["check"]
check("q3")

# %% [markdown] tags=["en"]
# ## Question 4: a numerical gradient for all parameters (3 points)
#
# A gradient check needs the numerical gradient with respect to **every** parameter. The cell
# that defines `sigmoid` in question 3 also defines `neuron_loss(theta, x, y)`, the loss of a
# neuron with $n$ inputs,
#
# $$L(\theta) = \bigl(\sigma(w \cdot x + b) - y\bigr)^2, \qquad
#   \theta = (w_1, \dots, w_n, b),$$
#
# where `theta` is a numpy array of shape `(n + 1,)` (the weights, then the bias as the last
# entry) and `x` an array of shape `(n,)`. The partial derivative with respect to entry $j$ of
# $\theta$ is the central difference in which **only that entry** moves:
#
# $$\frac{\partial L}{\partial \theta_j} \approx
#   \frac{L(\theta + h\,e_j) - L(\theta - h\,e_j)}{2h} ,$$
#
# with $e_j$ the vector that is $1$ in entry $j$ and $0$ everywhere else.
#
# Write the function `numerical_gradient(theta, x, y, h=1e-5)` that returns these $n + 1$
# central differences of `neuron_loss` as an array of shape `(n + 1,)`. Loop over the entries;
# for each one, make a changed **copy** of `theta` (with `theta.copy()`) so that the other
# entries stay as they were. For the lesson's example, `theta = np.array([0.5, -1.0])`,
# `x = np.array([2.0])` and `y = 1.0`, the result is close to $(-0.5, -0.25)$, the gradient of
# question 3. `nnlib.gradcheck.numerical_gradient` does the same for any function; the tests
# also pass large steps such as $h = 0.1$, so compute exactly the formula above.

# %% [markdown] tags=["sv"]
# ## Fråga 4: en numerisk gradient för alla parametrar (3 poäng)
#
# En gradientkontroll behöver den numeriska gradienten med avseende på **varje** parameter.
# Cellen som definierar `sigmoid` i fråga 3 definierar också `neuron_loss(theta, x, y)`,
# förlusten för en neuron med $n$ indata,
#
# $$L(\theta) = \bigl(\sigma(w \cdot x + b) - y\bigr)^2, \qquad
#   \theta = (w_1, \dots, w_n, b),$$
#
# där `theta` är en numpy-array med formen `(n + 1,)` (vikterna och sist biasen) och `x` en array
# med formen `(n,)`. Den partiella derivatan med avseende på element $j$ i $\theta$ är den centrala
# differens där **bara det elementet** ändras:
#
# $$\frac{\partial L}{\partial \theta_j} \approx
#   \frac{L(\theta + h\,e_j) - L(\theta - h\,e_j)}{2h} ,$$
#
# där $e_j$ är vektorn som är $1$ i element $j$ och $0$ i alla andra.
#
# Skriv funktionen `numerical_gradient(theta, x, y, h=1e-5)` som returnerar de här $n + 1$
# centrala differenserna av `neuron_loss` som en array med formen `(n + 1,)`. Gå igenom
# elementen i en loop; gör för vart och ett en ändrad **kopia** av `theta` (med `theta.copy()`)
# så att de andra elementen förblir som de var. För lektionens exempel,
# `theta = np.array([0.5, -1.0])`, `x = np.array([2.0])` och `y = 1.0`, blir resultatet nära
# $(-0{,}5,\ -0{,}25)$, gradienten från fråga 3. `nnlib.gradcheck.numerical_gradient` gör samma
# sak för vilken funktion som helst; testerna skickar också in stora steg som $h = 0{,}1$, så
# beräkna exakt formeln ovan.

# %% tags=["en"]
def numerical_gradient(theta, x, y, h=1e-5):
    """The central-difference gradient of neuron_loss(theta, x, y) with respect to theta.

    Parameters
    ----------
    theta : numpy array of shape (n + 1,)
        The weights w_1, ..., w_n, then the bias b.
    x : numpy array of shape (n,)
        The input.
    y : float
        The ground truth.
    h : float
        The step, > 0.

    Returns
    -------
    numpy array of shape (n + 1,)
        Entry j is (L(theta + h e_j) - L(theta - h e_j)) / (2h).
    """
    # BEGIN SOLUTION
    gradient = np.zeros(len(theta))
    for j in range(len(theta)):
        plus, minus = theta.copy(), theta.copy()
        plus[j] += h
        minus[j] -= h
        gradient[j] = (neuron_loss(plus, x, y) - neuron_loss(minus, x, y)) / (2 * h)
    return gradient
    # END SOLUTION

# %% tags=["sv"]
def numerical_gradient(theta, x, y, h=1e-5):
    """Gradienten av neuron_loss(theta, x, y) med avseende på theta, med centrala differenser.

    Parametrar
    ----------
    theta : numpy-array med formen (n + 1,)
        Vikterna w_1, ..., w_n och sist biasen b.
    x : numpy-array med formen (n,)
        Indata.
    y : float
        Facit.
    h : float
        Differenssteget, > 0.

    Returnerar
    ----------
    numpy-array med formen (n + 1,)
        Element j är (L(theta + h e_j) - L(theta - h e_j)) / (2h).
    """
    # BEGIN SOLUTION
    gradient = np.zeros(len(theta))
    for j in range(len(theta)):
        plus, minus = theta.copy(), theta.copy()
        plus[j] += h
        minus[j] -= h
        gradient[j] = (neuron_loss(plus, x, y) - neuron_loss(minus, x, y)) / (2 * h)
    return gradient
    # END SOLUTION

# %% tags=["check"]
check("q4")

# %% [markdown] tags=["en"]
# ## Done?
#
# When all four checks show ✔, restart the kernel and run all cells once more (*Kernel →
# Restart Kernel and Run All Cells…*), then save the notebook and hand it in the way your
# teacher asks. If you want more: compute the lesson's **relative error** between your
# `neuron_forward_backward` and your `numerical_gradient` for a few random $x$, $w$, $b$, $y$,
# then remove the factor $a(1 - a)$ from a copy of question 3 and see how large the error
# becomes. Next: [exercise 07, backpropagation](07_backpropagation.ipynb).

# %% [markdown] tags=["sv"]
# ## Klar?
#
# När alla fyra kontrollerna visar ✔ startar du om kärnan och kör alla celler en gång till
# (*Kernel → Restart Kernel and Run All Cells…*). Spara sedan din notebook och lämna in den på
# det sätt som din lärare har bestämt. Om du vill göra mer: beräkna lektionens **relativa fel**
# mellan din `neuron_forward_backward` och din `numerical_gradient` för några slumpade $x$, $w$,
# $b$, $y$, ta sedan bort faktorn $a(1 - a)$ i en kopia av fråga 3 och se hur stort felet blir.
# Nästa steg: [övning 07, bakåtpropagering](07_backpropagation.ipynb).

# %% tags=["hidden"]
# The grading specification: never in the student notebooks. Expected values come from the
# solutions above, run on the same inputs.
from course.exercise import Misconception, Question, case, random_cases


def _points(rng):
    return rng.uniform(-2.5, 2.5, size=int(rng.integers(1, 9)))


def _difference_case(rng):
    return _points(rng), float(rng.choice([1e-2, 1e-3, 0.25]))


def _neuron(rng):
    x, w, b = (float(v) for v in rng.normal(scale=1.5, size=3))
    return x, w, b, float(rng.choice([0.0, 1.0]))


def _theta_case(rng):
    n = int(rng.integers(1, 5))
    theta, x = rng.normal(size=n + 1), rng.normal(size=n)
    return theta, x, float(rng.choice([0.0, 1.0])), float(rng.choice([1e-1, 1e-2, 1e-3]))


# Common wrong answers (each is handed in as a student would in the exercise tests).
def derivative_F_without_middle_link(x):
    return np.exp(np.sin(x**2)) * 2 * x


def derivative_F_without_inner_derivative(x):
    return np.exp(np.sin(x**2)) * np.cos(x**2)


def derivative_F_middle_at_x(x):
    return np.exp(np.sin(x**2)) * np.cos(x) * 2 * x


def derivative_F_outer_at_x(x):
    return np.exp(x) * np.cos(x**2) * 2 * x


def derivative_F_without_outer_link(x):
    return np.cos(x**2) * 2 * x


def derivative_F_from_F(x):
    return F(x) * np.cos(x**2) * 2 * x


def derivative_F_by_loop(x):
    result = np.zeros(len(x))
    for i, t in enumerate(x):
        result[i] = 2 * t * np.cos(t * t) * np.exp(np.sin(t * t))
    return result


def difference_forward(x, h=1e-5):
    return (F(x + h) - F(x)) / h


def difference_divided_by_h(x, h=1e-5):
    return (F(x + h) - F(x - h)) / h


def difference_times_h(x, h=1e-5):
    return (F(x + h) - F(x - h)) / 2 * h


def difference_exact_derivative(x, h=1e-5):
    return np.exp(np.sin(x**2)) * np.cos(x**2) * 2 * x


def difference_backward(x, h=1e-5):
    return (F(x) - F(x - h)) / h


def difference_by_loop(x, h=1e-5):
    result = []
    for t in x:
        result.append((F(t + h) - F(t - h)) / (2 * h))
    return np.array(result)


def neuron_without_sigmoid_derivative(x, w, b, y):
    a = sigmoid(w * x + b)
    return (a - y) ** 2, 2 * (a - y) * x, 2 * (a - y)


def neuron_wrong_sign(x, w, b, y):
    a = sigmoid(w * x + b)
    dL_dz = 2 * (y - a) * a * (1 - a)
    return (a - y) ** 2, dL_dz * x, dL_dz


def neuron_without_input_factor(x, w, b, y):
    a = sigmoid(w * x + b)
    dL_dz = 2 * (a - y) * a * (1 - a)
    return (a - y) ** 2, dL_dz, dL_dz


def neuron_gradients_swapped(x, w, b, y):
    a = sigmoid(w * x + b)
    dL_dz = 2 * (a - y) * a * (1 - a)
    return (a - y) ** 2, dL_dz, dL_dz * x


def neuron_weight_instead_of_input(x, w, b, y):
    a = sigmoid(w * x + b)
    dL_dz = 2 * (a - y) * a * (1 - a)
    return (a - y) ** 2, dL_dz * w, dL_dz


def neuron_without_factor_2(x, w, b, y):
    a = sigmoid(w * x + b)
    dL_dz = (a - y) * a * (1 - a)
    return (a - y) ** 2, dL_dz * x, dL_dz


def neuron_as_list(x, w, b, y):
    z = w * x + b
    a = 1 / (1 + np.exp(-z))
    slope = np.exp(-z) / (1 + np.exp(-z)) ** 2
    dL_dz = 2 * (a - y) * slope
    return [np.float64((a - y) ** 2), np.float64(x * dL_dz), np.float64(dL_dz)]


def gradient_forward_difference(theta, x, y, h=1e-5):
    gradient = np.zeros(len(theta))
    for j in range(len(theta)):
        plus = theta.copy()
        plus[j] += h
        gradient[j] = (neuron_loss(plus, x, y) - neuron_loss(theta, x, y)) / h
    return gradient


def gradient_without_copy(theta, x, y, h=1e-5):
    gradient = np.zeros(len(theta))
    for j in range(len(theta)):
        plus, minus = theta, theta
        plus[j] += h
        minus[j] -= h
        gradient[j] = (neuron_loss(plus, x, y) - neuron_loss(minus, x, y)) / (2 * h)
    return gradient


def gradient_never_restored(theta, x, y, h=1e-5):
    gradient = np.zeros(len(theta))
    for j in range(len(theta)):
        theta[j] += h
        up = neuron_loss(theta, x, y)
        theta[j] -= 2 * h
        gradient[j] = (up - neuron_loss(theta, x, y)) / (2 * h)
    return gradient


def gradient_all_entries_at_once(theta, x, y, h=1e-5):
    slope = (neuron_loss(theta + h, x, y) - neuron_loss(theta - h, x, y)) / (2 * h)
    return np.full(len(theta), slope)


def gradient_without_bias(theta, x, y, h=1e-5):
    gradient = np.zeros(len(theta) - 1)
    for j in range(len(theta) - 1):
        plus, minus = theta.copy(), theta.copy()
        plus[j] += h
        minus[j] -= h
        gradient[j] = (neuron_loss(plus, x, y) - neuron_loss(minus, x, y)) / (2 * h)
    return gradient


def gradient_with_unit_vectors(theta, x, y, h=1e-5):
    steps = h * np.eye(len(theta))
    return np.array([(neuron_loss(theta + e, x, y) - neuron_loss(theta - e, x, y)) / (2 * h) for e in steps])


def gradient_restored_in_place(theta, x, y, h=1e-5):
    gradient = []
    for j in range(len(theta)):
        original = theta[j]
        theta[j] = original + h
        up = neuron_loss(theta, x, y)
        theta[j] = original - h
        down = neuron_loss(theta, x, y)
        theta[j] = original
        gradient.append((up - down) / (2 * h))
    return gradient


QUESTIONS = [
    Question(
        "q1", function="derivative_F", points=2,
        hint={
            "en": "Write one factor per link: the derivative of the outer, the middle and the inner function. Evaluate "
                  "every factor at what its link received (v for the outer one, u for the middle one), not at x, and "
                  "then write v and u in terms of x.",
            "sv": "Skriv en faktor per länk: derivatan av den yttre, den mellersta och den inre funktionen. Beräkna "
                  "varje faktor i det som dess länk fick (v för den yttre, u för den mellersta), inte i x, och "
                  "uttryck sedan v och u i x.",
        },
        public=[case(np.array([0.0, 1.0, 2.0])), case(np.array([-0.5, 1.5]))],
        hidden=[
            case(np.array([np.sqrt(np.pi / 2)])),
            case(np.array([-2.0, -1.0, 0.1])),
            case(np.array([3.0])),
            *random_cases(_points, 5, seed=61),
        ],
        misconceptions=[
            Misconception("without_middle_link", derivative_F_without_middle_link, costs=0.5, message={
                "en": "A link of the chain is missing: you have the outer and the inner derivative but not the "
                      "derivative of sin u. The chain rule needs one factor for every link.",
                "sv": "En länk i kedjan saknas: du har den yttre och den inre derivatan men inte derivatan av sin u. "
                      "Kedjeregeln behöver en faktor för varje länk."}),
            Misconception("without_inner_derivative", derivative_F_without_inner_derivative, costs=0.5, message={
                "en": "You forgot the inner derivative, the derivative of u = x^2 with respect to x. Multiply by it "
                      "as the last factor of the chain.",
                "sv": "Du har glömt den inre derivatan, derivatan av u = x^2 med avseende på x. Multiplicera med den "
                      "som kedjans sista faktor."}),
            Misconception("middle_at_x", derivative_F_middle_at_x, costs=0.5, message={
                "en": "Your derivative of sin is evaluated at x. The middle link received u = x^2, so its derivative "
                      "is evaluated there.",
                "sv": "Din derivata av sin beräknas i x. Den mellersta länken fick u = x^2, så dess derivata ska "
                      "beräknas där."}),
            Misconception("outer_at_x", derivative_F_outer_at_x, costs=0.5, message={
                "en": "Your derivative of the outer function e^v is evaluated at x. The outer link received "
                      "v = sin(x^2): evaluate its derivative there.",
                "sv": "Din derivata av den yttre funktionen e^v beräknas i x. Den yttre länken fick v = sin(x^2): "
                      "beräkna dess derivata där."}),
            Misconception("without_outer_link", derivative_F_without_outer_link, costs=0.5, message={
                "en": "You left out the derivative of the outer function e^v. It is not 1: e^v is its own "
                      "derivative, evaluated at v = sin(x^2).",
                "sv": "Du har utelämnat derivatan av den yttre funktionen e^v. Den är inte 1: e^v är sin egen "
                      "derivata, beräknad i v = sin(x^2)."}),
        ],
        alternatives=[derivative_F_from_F, derivative_F_by_loop],
    ),
    Question(
        "q2", function="central_difference", points=2,
        hint={
            "en": "Evaluate F once at x + h and once at x - h, subtract, and divide by 2h (not by h). Use the h you "
                  "receive; the result is the difference quotient itself, not the exact derivative.",
            "sv": "Beräkna F en gång i x + h och en gång i x - h, subtrahera och dela med 2h (inte med h). Använd "
                  "det h du får; resultatet är själva differenskvoten, inte den exakta derivatan.",
        },
        public=[case(np.array([0.0, 1.0, 2.0]), 1e-5), case(np.array([1.0]), 0.1)],
        hidden=[
            case(np.array([0.5, -1.2]), 0.5),
            case(np.array([1.3]), 1e-3),
            case(np.array([-2.0, 0.0, 2.0]), 0.05),
            *random_cases(_difference_case, 5, seed=62),
        ],
        misconceptions=[
            Misconception("forward_difference", difference_forward, costs=0.5, message={
                "en": "You compute the forward difference (F(x + h) - F(x)) / h. The central difference steps to both "
                      "sides, x + h and x - h, and its error is much smaller.",
                "sv": "Du beräknar framåtdifferenskvoten (F(x + h) - F(x)) / h. Den centrala differenskvoten tar steg "
                      "åt båda hållen, x + h och x - h, och dess fel är mycket mindre."}),
            Misconception("divided_by_h", difference_divided_by_h, costs=0.5, message={
                "en": "Your quotient is twice the right one: from x - h to x + h is a distance of 2h, so divide by 2h.",
                "sv": "Din kvot är dubbelt så stor som den rätta: från x - h till x + h är avståndet 2h, så dela med 2h."}),
            Misconception("times_h", difference_times_h, costs=0.5, message={
                "en": "Python reads a / 2 * h as (a / 2) * h, so you multiply by h instead of dividing by it. Put "
                      "brackets around the whole denominator.",
                "sv": "Python läser a / 2 * h som (a / 2) * h, så du multiplicerar med h i stället för att dela med "
                      "det. Sätt parenteser kring hela nämnaren."}),
            Misconception("ignores_h", difference_exact_derivative, costs=0.5, message={
                "en": "Your result does not change with h: you return the exact derivative F'(x), or use a fixed step. "
                      "Return the difference quotient for the h your function receives, computed from F alone; for a "
                      "large h it differs visibly from F'(x).",
                "sv": "Ditt resultat ändras inte med h: du returnerar den exakta derivatan F'(x) eller använder ett "
                      "fast differenssteg. Returnera differenskvoten för det h som funktionen får, beräknad bara med F; "
                      "för ett stort h skiljer den sig synligt från F'(x)."}),
            Misconception("backward_difference", difference_backward, costs=0.5, message={
                "en": "You compute the backward difference (F(x) - F(x - h)) / h. The central difference steps to both "
                      "sides, x + h and x - h, and its error is much smaller.",
                "sv": "Du beräknar bakåtdifferenskvoten (F(x) - F(x - h)) / h. Den centrala differenskvoten tar steg åt "
                      "båda hållen, x + h och x - h, och dess fel är mycket mindre."}),
        ],
        alternatives=[difference_by_loop],
    ),
    Question(
        "q3", function="neuron_forward_backward", points=3,
        hint={
            "en": "Run the forward pass first and keep a and d. Going backward from dL/dL = 1, multiply the gradient "
                  "arriving from the right by each node's local derivative, one node at a time: stop at z for the "
                  "bias, and go on to u for the weight. Return (L, dL_dw, dL_db) in this order.",
            "sv": "Kör framåtpasset först och spara a och d. Gå bakåt från dL/dL = 1 och multiplicera gradienten som "
                  "kommer från höger med varje nods lokala derivata, en nod i taget: stanna vid z för biasen och "
                  "fortsätt till u för vikten. Returnera (L, dL_dw, dL_db) i den ordningen.",
        },
        public=[case(2.0, 0.5, -1.0, 1.0), case(-1.5, 1.0, 0.5, 0.0)],
        hidden=[
            case(0.0, 3.0, 1.0, 1.0),
            case(4.0, 0.0, 0.0, 0.5),
            case(1.0, 6.0, 2.0, 0.0),
            case(-3.0, 2.0, -1.0, 1.0),
            *random_cases(_neuron, 5, seed=63),
        ],
        misconceptions=[
            Misconception("without_sigmoid_derivative", neuron_without_sigmoid_derivative, costs=0.5, message={
                "en": "Your gradients skip the sigmoid node: going from a back to z, multiply by its local derivative "
                      "a(1 - a).",
                "sv": "Dina gradienter hoppar över sigmoidnoden: på vägen från a tillbaka till z multiplicerar du med "
                      "dess lokala derivata a(1 - a)."}),
            Misconception("wrong_sign", neuron_wrong_sign, costs=0.5, message={
                "en": "Your gradients have the wrong sign. With d = a - y, the local derivative of L = d^2 is 2d, and "
                      "the derivative of d with respect to a is +1.",
                "sv": "Dina gradienter har fel tecken. Med d = a - y är den lokala derivatan av L = d^2 lika med 2d, "
                      "och derivatan av d med avseende på a är +1."}),
            Misconception("without_input_factor", neuron_without_input_factor, costs=0.5, message={
                "en": "Your dL/dw equals dL/db: the weight is one node further back, at u = w x, whose local "
                      "derivative with respect to w adds one more factor.",
                "sv": "Ditt dL/dw är lika med dL/db: vikten sitter en nod längre bak, i u = w x, vars lokala derivata "
                      "med avseende på w ger en faktor till."}),
            Misconception("swapped", neuron_gradients_swapped, costs=0.5, message={
                "en": "Your two gradients are swapped: return the loss, then the derivative with respect to the weight, "
                      "then the one with respect to the bias.",
                "sv": "Dina två gradienter har bytt plats: returnera förlusten, sedan derivatan med avseende på vikten "
                      "och sist den med avseende på biasen."}),
            Misconception("weight_instead_of_input", neuron_weight_instead_of_input, costs=0.5, message={
                "en": "Your dL/dw is multiplied by w. The derivative of u = w x with respect to w is the input x, not "
                      "the weight.",
                "sv": "Ditt dL/dw är multiplicerat med w. Derivatan av u = w x med avseende på w är indata x, inte "
                      "vikten."}),
            Misconception("without_factor_2", neuron_without_factor_2, costs=0.5, message={
                "en": "Your gradients are half the right ones: the local derivative of L = d^2 is 2d.",
                "sv": "Dina gradienter är hälften av de rätta: den lokala derivatan av L = d^2 är 2d."}),
        ],
        alternatives=[neuron_as_list],
    ),
    Question(
        "q4", function="numerical_gradient", points=3,
        hint={
            "en": "Loop over j = 0, ..., n. For each j change only entry j of a copy of theta, once by +h and once by "
                  "-h, and divide the difference of the two losses by 2h. Changing theta itself without undoing "
                  "it moves the other entries too.",
            "sv": "Gå igenom j = 0, ..., n. Ändra för varje j bara element j i en kopia av theta, en gång med +h "
                  "och en gång med -h, och dela skillnaden mellan de två förlusterna med 2h. Om du ändrar theta "
                  "självt utan att ändra tillbaka flyttas även de andra elementen.",
        },
        public=[
            case(np.array([0.5, -1.0]), np.array([2.0]), 1.0, 1e-5),
            case(np.array([0.3, -0.2, 0.1]), np.array([1.0, 2.0]), 0.0, 1e-3),
        ],
        hidden=[
            case(np.array([1.0, -2.0, 0.5, 0.0]), np.array([0.5, 1.0, -1.0]), 1.0, 0.1),
            case(np.array([2.0, 1.0]), np.array([0.0]), 0.0, 0.1),
            case(np.array([-0.7, 0.2, 0.4]), np.array([1.5, -2.0]), 1.0, 1e-4),
            *random_cases(_theta_case, 5, seed=64),
        ],
        misconceptions=[
            Misconception("forward_difference", gradient_forward_difference, costs=0.5, message={
                "en": "You compute forward differences (L(theta + h e_j) - L(theta)) / h. Step to both sides, +h and "
                      "-h, and divide by 2h.",
                "sv": "Du beräknar framåtdifferenskvoter (L(theta + h e_j) - L(theta)) / h. Ta steg åt båda hållen, "
                      "+h och -h, och dela med 2h."}),
            Misconception("without_copy", gradient_without_copy, costs=0.5, message={
                "en": "Your gradient is 0 everywhere: plus = theta does not copy the array, so both names point to the "
                      "same numbers and the +h and -h cancel before the losses are computed. Make two real copies.",
                "sv": "Din gradient är 0 överallt: plus = theta kopierar inte arrayen, så båda namnen pekar på samma "
                      "tal och +h och -h tar ut varandra innan förlusterna beräknas. Gör två riktiga kopior."}),
            Misconception("never_restored", gradient_never_restored, costs=0.5, message={
                "en": "You change theta itself and leave entry j at theta_j - h, so every later partial derivative is "
                      "computed at a moved point. Change a copy, or put the entry back before the next j.",
                "sv": "Du ändrar theta självt och lämnar element j på theta_j - h, så varje senare partiell derivata "
                      "beräknas i en flyttad punkt. Ändra en kopia, eller återställ elementet före nästa j."}),
            Misconception("all_entries_at_once", gradient_all_entries_at_once, costs=0.5, message={
                "en": "You move every entry of theta at once, which gives one directional slope, not n + 1 partial "
                      "derivatives. Move only entry j for the j-th one.",
                "sv": "Du flyttar alla element i theta på en gång, vilket ger en enda riktningsderivata, inte n + 1 "
                      "partiella derivator. Flytta bara element j för den j:te."}),
            Misconception("without_bias", gradient_without_bias, costs=0.5, message={
                "en": "Your gradient has n entries: the last entry of theta, the bias, needs its partial derivative "
                      "too.",
                "sv": "Din gradient har n element: det sista elementet i theta, biasen, behöver också sin partiella "
                      "derivata."}),
        ],
        alternatives=[gradient_with_unit_vectors, gradient_restored_in_place],
    ),
]
