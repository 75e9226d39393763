# %% [markdown] tags=["en"]
# # Exercise 00: warm-up
#
# This warm-up teaches you how the exercises of the course work, while you practise two things
# that every neural network is built from: the **dot product**, which is the weighted sum a
# neuron computes, and the **shapes of weight matrices**. Read [lesson 00](../../notebooks/en/00_welcome.ipynb)
# first; this exercise uses its notation.
#
# There are four questions and 6 points in total.

# %% [markdown] tags=["sv"]
# # Övning 00: uppvärmning
#
# Den här uppvärmningen lär dig hur kursens övningar fungerar, samtidigt som du övar på två
# saker som alla neurala nätverk är byggda av: **skalärprodukten**, som är den viktade summa en
# neuron räknar ut, och **viktmatrisers former**. Läs [lektion 00](../../notebooks/sv/00_welcome.ipynb)
# först; övningen använder dess notation.
#
# Det finns fyra frågor och sammanlagt 6 poäng.

# %% [markdown] tags=["en"]
# ## How the exercises work
#
# 1. **Run the first code cell** below. It sets the language and creates the function `check`.
# 2. Every question has an **answer cell** with the two lines `# Your code here` and
#    `raise NotImplementedError(...)`. Replace those two lines with your code and run the cell
#    (Shift+Enter).
# 3. **Run the check cell** under it, for example `check("q1")`. It tests your answer on a few
#    examples, the *public tests*, and shows a green ✔ for every test that passed and a red ✘
#    for every test that failed, with what was expected, what your code gave and a hint. Until
#    you have answered, it says "not answered yet".
# 4. Change your code, **run the answer cell again**, then run the check again, as often as you
#    like. The check tests what the kernel knows, so an edit counts only after its cell has run.
#
# **How the exercise is graded.** Your teacher's grader runs your notebook from top to bottom
# and tests every answer with the public tests and with more *hidden tests* of the same kind
# (other lengths, negative numbers, random inputs). The points of a question are shared between
# its tests, so an answer that is partly right earns part of the points. Three things to keep
# in mind:
#
# - **Keep the names** `dot`, `index_w23`, `weighted_sums` and `weight_shapes`: the grader finds
#   your answers by these names. You may add cells of your own to try things out.
# - **Return, do not print.** A function gives its answer with `return`; a printed number is
#   only shown on the screen.
# - **Run everything from the top** before you hand in (*Kernel → Restart Kernel and Run All
#   Cells…*), so you know that the notebook works without the cells you ran by hand earlier.

# %% [markdown] tags=["sv"]
# ## Så fungerar övningarna
#
# 1. **Kör den första kodcellen** nedan. Den ställer in språket och skapar funktionen `check`.
# 2. Varje fråga har en **svarscell** med de två raderna `# Din kod här` och
#    `raise NotImplementedError(...)`. Ersätt de två raderna med din kod och kör cellen
#    (Shift+Enter).
# 3. **Kör kontrollcellen** under den, till exempel `check("q1")`. Den testar ditt svar på några
#    exempel, de *publika testerna*, och visar en grön ✔ för varje test som klarades och ett rött
#    ✘ för varje test som misslyckades, tillsammans med vad som förväntades, vad din kod gav och
#    en ledtråd. Innan du har svarat står det ”inte besvarad än”.
# 4. Ändra din kod, **kör svarscellen igen** och kör sedan kontrollen igen, så ofta du vill.
#    Kontrollen testar det som kärnan känner till, så en ändring räknas först när cellen har körts.
#
# **Så rättas övningen.** Lärarens rättningsprogram kör din notebook uppifrån och ned och testar
# varje svar med de publika testerna och med fler *dolda tester* av samma slag (andra längder,
# negativa tal, slumpmässiga indata). En frågas poäng delas lika mellan dess tester, så ett svar
# som är delvis rätt ger en del av poängen. Tre saker att tänka på:
#
# - **Behåll namnen** `dot`, `index_w23`, `weighted_sums` och `weight_shapes`: rättningen hittar
#   dina svar med hjälp av namnen. Du får lägga till egna celler för att prova saker.
# - **Returnera, skriv inte ut.** En funktion ger sitt svar med `return`; ett tal som skrivs ut
#   med `print` syns bara på skärmen.
# - **Kör allt från början** innan du lämnar in (*Kernel → Restart Kernel and Run All Cells…*),
#   så att du vet att din notebook fungerar utan de celler som du körde för hand tidigare.

# %%
from course import set_language
from course.checker import check_for
set_language("en")
check = check_for("00_welcome")

import numpy as np

# %% [markdown] tags=["en"]
# ## Question 1: the dot product (2 points)
#
# A neuron starts by computing a **weighted sum** of its inputs: every input is multiplied by its
# weight and the products are added up. For two vectors $a = (a_1, \dots, a_n)$ and
# $b = (b_1, \dots, b_n)$ of the same length this is the **dot product**
#
# $$a \cdot b = \sum_{k=1}^{n} a_k b_k = a_1 b_1 + a_2 b_2 + \dots + a_n b_n.$$
#
# For example, $(1, 2, 3) \cdot (4, 5, 6) = 1 \cdot 4 + 2 \cdot 5 + 3 \cdot 6 = 32$.
#
# Write the function `dot(a, b)` that returns $a \cdot b$ as a number, for two numpy arrays `a`
# and `b` of shape `(n,)`. A `for` loop over `k` works; so does numpy, where `a * b` multiplies
# element by element and `np.sum` adds up. (numpy also has `np.dot` and the operator `@`, but
# write it yourself first.)

# %% [markdown] tags=["sv"]
# ## Fråga 1: skalärprodukten (2 poäng)
#
# En neuron börjar med att räkna ut en **viktad summa** av sina indata: varje indata
# multipliceras med sin vikt och produkterna summeras. För två vektorer $a = (a_1, \dots, a_n)$
# och $b = (b_1, \dots, b_n)$ av samma längd är det **skalärprodukten**
#
# $$a \cdot b = \sum_{k=1}^{n} a_k b_k = a_1 b_1 + a_2 b_2 + \dots + a_n b_n.$$
#
# Till exempel är $(1, 2, 3) \cdot (4, 5, 6) = 1 \cdot 4 + 2 \cdot 5 + 3 \cdot 6 = 32$.
#
# Skriv funktionen `dot(a, b)` som returnerar $a \cdot b$ som ett tal, för två numpy-arrayer `a`
# och `b` med formen `(n,)`. En `for`-loop över `k` fungerar; det gör även numpy, där `a * b`
# multiplicerar element för element och `np.sum` summerar. (numpy har också `np.dot` och
# operatorn `@`, men skriv den själv först.)

# %% tags=["en"]
def dot(a, b):
    """The dot product a · b = a_1 b_1 + a_2 b_2 + ... + a_n b_n.

    Parameters
    ----------
    a, b : numpy arrays of shape (n,)

    Returns
    -------
    float
    """
    # BEGIN SOLUTION
    total = 0.0
    for k in range(len(a)):
        total += a[k] * b[k]
    return total
    # END SOLUTION

# %% tags=["sv"]
def dot(a, b):
    """Skalärprodukten a · b = a_1 b_1 + a_2 b_2 + ... + a_n b_n.

    Parametrar
    ----------
    a, b : numpy-arrayer med formen (n,)

    Returnerar
    ----------
    float
    """
    # BEGIN SOLUTION
    total = 0.0
    for k in range(len(a)):
        total += a[k] * b[k]
    return total
    # END SOLUTION

# %% tags=["check"]
check("q1")

# %% [markdown] tags=["en"]
# ## Question 2: where is the weight $w^{(1)}_{23}$? (1 point)
#
# Recall the notation of lesson 00: $w^{(l)}_{jk}$ is the weight of layer $l$ **to** node $j$
# **from** node $k$ of the layer before, and it sits in row $j$, column $k$ of the weight matrix
# $W^{(l)}$. numpy counts rows and columns from 0, so $w^{(l)}_{jk}$ is `W[j - 1, k - 1]`.
#
# The next cell makes the matrix $W^{(1)}$ of the lesson, in which the weight to node $j$ from
# input $k$ is the number $j.k$. Set the variable `index_w23` to the index of $w^{(1)}_{23}$ in
# `W1`, written as a tuple `(row, column)`. For example, $w^{(1)}_{11}$ has the index `(0, 0)`.
# When your index is right, `W1[index_w23]` is 2.3.

# %% [markdown] tags=["sv"]
# ## Fråga 2: var finns vikten $w^{(1)}_{23}$? (1 poäng)
#
# Kom ihåg notationen från lektion 00: $w^{(l)}_{jk}$ är vikten i lager $l$ **till** nod $j$
# **från** nod $k$ i lagret före, och den står i rad $j$, kolumn $k$ i viktmatrisen $W^{(l)}$.
# numpy numrerar rader och kolumner från 0, så $w^{(l)}_{jk}$ är `W[j - 1, k - 1]`.
#
# Nästa cell skapar matrisen $W^{(1)}$ från lektionen, där vikten till nod $j$ från indata $k$ är
# talet $j.k$. Sätt variabeln `index_w23` till indexet för $w^{(1)}_{23}$ i `W1`, skrivet som en
# tupel `(rad, kolumn)`. Till exempel har $w^{(1)}_{11}$ indexet `(0, 0)`. När ditt index är rätt
# är `W1[index_w23]` lika med 2,3.

# %%
W1 = np.array([[1.1, 1.2, 1.3],
               [2.1, 2.2, 2.3],
               [3.1, 3.2, 3.3],
               [4.1, 4.2, 4.3]])

# %%
# BEGIN SOLUTION
index_w23 = (1, 2)
# END SOLUTION

# %% tags=["check"]
check("q2")

# %% [markdown] tags=["en"]
# ## Question 3: all the weighted sums of a layer (2 points)
#
# In a fully connected layer, every node $j$ computes its own weighted sum of the previous
# layer's activations $a = (a_1, \dots, a_n)$, with the weights in row $j$ of $W$:
#
# $$z_j = \sum_{k=1}^{n} w_{jk} a_k .$$
#
# For example, with 2 nodes and 3 inputs,
#
# $$W = \begin{pmatrix} 1 & 0 & 2 \\ 0 & 1 & 1 \end{pmatrix}, \quad a = (1, 2, 3): \qquad
#   z = (1 \cdot 1 + 0 \cdot 2 + 2 \cdot 3,\; 0 \cdot 1 + 1 \cdot 2 + 1 \cdot 3) = (7, 5).$$
#
# Write the function `weighted_sums(W, a)` that returns the vector $z$ of all the weighted sums,
# for a matrix `W` of shape `(n_out, n_in)` and a vector `a` of shape `(n_in,)`. The result is a
# numpy array of shape `(n_out,)`, one number per node. Your `dot` from question 1 can help:
# row $j$ of `W` in numpy is `W[j - 1]`, and `np.array(...)` turns a list of numbers into an array.

# %% [markdown] tags=["sv"]
# ## Fråga 3: alla viktade summor i ett lager (2 poäng)
#
# I ett fullt kopplat lager räknar varje nod $j$ ut sin egen viktade summa av föregående lagers
# aktiveringar $a = (a_1, \dots, a_n)$, med vikterna i rad $j$ av $W$:
#
# $$z_j = \sum_{k=1}^{n} w_{jk} a_k .$$
#
# Till exempel, med 2 noder och 3 indatavärden,
#
# $$W = \begin{pmatrix} 1 & 0 & 2 \\ 0 & 1 & 1 \end{pmatrix}, \quad a = (1, 2, 3): \qquad
#   z = (1 \cdot 1 + 0 \cdot 2 + 2 \cdot 3,\; 0 \cdot 1 + 1 \cdot 2 + 1 \cdot 3) = (7, 5).$$
#
# Skriv funktionen `weighted_sums(W, a)` som returnerar vektorn $z$ med alla viktade summor, för
# en matris `W` med formen `(n_out, n_in)` och en vektor `a` med formen `(n_in,)`. Resultatet är
# en numpy-array med formen `(n_out,)`, ett tal per nod. Din `dot` från fråga 1 kan hjälpa till:
# rad $j$ av `W` är `W[j - 1]` i numpy, och `np.array(...)` gör om en lista av tal till en array.

# %% tags=["en"]
def weighted_sums(W, a):
    """The weighted sums z_j = sum_k w_jk a_k of every node j of a layer.

    Parameters
    ----------
    W : numpy array of shape (n_out, n_in)
    a : numpy array of shape (n_in,)

    Returns
    -------
    numpy array of shape (n_out,)
    """
    # BEGIN SOLUTION
    # One dot product per row; the matrix product W @ a gives the same.
    return np.array([dot(W[j], a) for j in range(W.shape[0])])
    # END SOLUTION

# %% tags=["sv"]
def weighted_sums(W, a):
    """De viktade summorna z_j = sum_k w_jk a_k för varje nod j i ett lager.

    Parametrar
    ----------
    W : numpy-array med formen (n_out, n_in)
    a : numpy-array med formen (n_in,)

    Returnerar
    ----------
    numpy-array med formen (n_out,)
    """
    # BEGIN SOLUTION
    # En skalärprodukt per rad; matrisprodukten W @ a ger samma sak.
    return np.array([dot(W[j], a) for j in range(W.shape[0])])
    # END SOLUTION

# %% tags=["check"]
check("q3")

# %% [markdown] tags=["en"]
# ## Question 4: the shapes of all weight matrices (1 point)
#
# A fully connected network is described by its **layer sizes**, for example
# `sizes = [3, 4, 4, 2]` for the network drawn in lesson 00: 3 inputs, two hidden layers of 4
# neurons each and 2 outputs. Its weight matrices are $W^{(1)}, \dots, W^{(L)}$ with $L = 3$, and
# $W^{(l)}$ has one row per node of layer $l$ and one column per node of layer $l - 1$.
#
# Write the function `weight_shapes(sizes)` that returns the list of the shapes of
# $W^{(1)}, \dots, W^{(L)}$, each shape a tuple `(rows, columns)`. For `[3, 4, 4, 2]` the answer
# is `[(4, 3), (4, 4), (2, 4)]`.

# %% [markdown] tags=["sv"]
# ## Fråga 4: formerna på alla viktmatriser (1 poäng)
#
# Ett fullt kopplat nätverk beskrivs av sina **lagerstorlekar**, till exempel
# `sizes = [3, 4, 4, 2]` för nätverket som ritades i lektion 00: 3 indatavärden, två dolda lager med 4
# neuroner vardera och 2 utdatanoder. Dess viktmatriser är $W^{(1)}, \dots, W^{(L)}$ med $L = 3$, och
# $W^{(l)}$ har en rad per nod i lager $l$ och en kolumn per nod i lager $l - 1$.
#
# Skriv funktionen `weight_shapes(sizes)` som returnerar en lista med formerna på
# $W^{(1)}, \dots, W^{(L)}$, varje form en tupel `(rader, kolumner)`. För `[3, 4, 4, 2]` är svaret
# `[(4, 3), (4, 4), (2, 4)]`.

# %% tags=["en"]
def weight_shapes(sizes):
    """The shapes (rows, columns) of the weight matrices W^(1), ..., W^(L).

    Parameters
    ----------
    sizes : list of int
        The number of nodes in each layer, input layer first.

    Returns
    -------
    list of tuple (int, int)
    """
    # BEGIN SOLUTION
    return [(sizes[l], sizes[l - 1]) for l in range(1, len(sizes))]
    # END SOLUTION

# %% tags=["sv"]
def weight_shapes(sizes):
    """Formerna (rader, kolumner) för viktmatriserna W^(1), ..., W^(L).

    Parametrar
    ----------
    sizes : lista med int
        Antalet noder i varje lager, med indatalagret först.

    Returnerar
    ----------
    lista med tupler (int, int)
    """
    # BEGIN SOLUTION
    return [(sizes[l], sizes[l - 1]) for l in range(1, len(sizes))]
    # END SOLUTION

# %% tags=["check"]
check("q4")

# %% [markdown] tags=["en"]
# ## Done?
#
# When all four checks show ✔, restart the kernel and run all cells once more (*Kernel →
# Restart Kernel and Run All Cells…*) to make sure that the notebook works from the top, then
# save it and hand it in the way your teacher asks. Next: [chapter 01, the perceptron](../../notebooks/en/01_perceptron.ipynb).

# %% [markdown] tags=["sv"]
# ## Klar?
#
# När alla fyra kontrollerna visar ✔ startar du om kärnan och kör alla celler en gång till
# (*Kernel → Restart Kernel and Run All Cells…*) för att se att din notebook fungerar från
# början. Spara den sedan och lämna in den på det sätt som din lärare har bestämt. Nästa steg:
# [kapitel 01, perceptronen](../../notebooks/sv/01_perceptron.ipynb).

# %% tags=["hidden"]
# The grading specification: never in the student notebooks. Expected values come from the
# solutions above, run on the same inputs.
from course.exercise import Misconception, Question, case, random_cases


def _two_vectors(rng):
    n = int(rng.integers(2, 11))
    return rng.normal(size=n), rng.normal(size=n)


def _layer(rng):
    n_out, n_in = (int(n) for n in rng.integers(1, 6, size=2))
    return rng.normal(size=(n_out, n_in)), rng.normal(size=n_in)


def _sizes(rng):
    return ([int(n) for n in rng.integers(1, 11, size=int(rng.integers(2, 7)))],)


# Common wrong answers and right answers in another style, as students write them (each is
# handed in as a notebook cell in the exercise tests). They use only numpy and the notebook's
# own names. The tests of this exercise are fixed (the grader's own tests count them), so each
# mistake's cost is what these tests already take from it.
def dot_elementwise(a, b):
    return a * b


def dot_printed(a, b):
    total = 0.0
    for k in range(len(a)):
        total += a[k] * b[k]
    print(total)


def dot_from_index_one(a, b):
    total = 0.0
    for k in range(1, len(a)):
        total += a[k] * b[k]
    return total


def dot_overwritten(a, b):
    total = 0.0
    for k in range(len(a)):
        total = a[k] * b[k]
    return total


def dot_with_numpy(a, b):
    return np.sum(a * b)


def dot_with_zip(a, b):
    return sum(x * y for x, y in zip(a, b))


def weighted_sums_transposed(W, a):
    return W.T @ a


def weighted_sums_over_inputs(W, a):
    return np.array([dot(W[j], a) for j in range(len(a))])


def weighted_sums_not_added(W, a):
    return W * a


def weighted_sums_all_added(W, a):
    return np.sum(W * a)


def weighted_sums_matrix_product(W, a):
    return W @ a


def weighted_sums_as_list(W, a):
    return [float(np.sum(row * a)) for row in W]


def weight_shapes_swapped(sizes):
    return [(sizes[l - 1], sizes[l]) for l in range(1, len(sizes))]


def weight_shapes_one_too_many(sizes):
    return [(sizes[l], sizes[l - 1]) for l in range(len(sizes))]


def weight_shapes_last_missing(sizes):
    return [(sizes[l], sizes[l - 1]) for l in range(1, len(sizes) - 1)]


def weight_shapes_with_zip(sizes):
    return list(zip(sizes[1:], sizes[:-1]))


def weight_shapes_as_lists(sizes):
    shapes = []
    for l in range(1, len(sizes)):
        shapes.append([sizes[l], sizes[l - 1]])
    return shapes


QUESTIONS = [
    Question(
        "q1", function="dot", points=2,
        hint={
            "en": "Start with total = 0.0, then, for every index k from 0 to n - 1, add the product of the two "
                  "entries with index k to it. Return the total at the end; do not print it.",
            "sv": "Börja med total = 0.0 och lägg sedan, för varje index k från 0 till n - 1, till produkten av "
                  "de två elementen med index k. Returnera summan på slutet; skriv inte ut den.",
        },
        public=[
            case(np.array([1.0, 2.0, 3.0]), np.array([4.0, 5.0, 6.0])),
            case(np.array([0.5, -1.0]), np.array([2.0, 3.0])),
        ],
        hidden=[
            case(np.array([3.0]), np.array([-2.0])),
            case(np.zeros(4), np.array([1.0, 2.0, 3.0, 4.0])),
            case(np.array([-1.0, -2.0, -3.0]), np.array([-1.0, 2.0, -3.0])),
            *random_cases(_two_vectors, 5, seed=1),
        ],
        misconceptions=[
            Misconception("products_not_added", dot_elementwise, costs=0.5, message={
                "en": "a * b multiplies element by element and gives an array of products. The dot product is "
                      "one number: add the products up.",
                "sv": "a * b multiplicerar element för element och ger en array med produkter. Skalärprodukten "
                      "är ett tal: summera produkterna."}),
            Misconception("printed_not_returned", dot_printed, costs=0.5, message={
                "en": "Your function prints the total but returns nothing (None). Only a returned value can be "
                      "checked: end with return.",
                "sv": "Din funktion skriver ut summan men returnerar ingenting (None). Bara ett returnerat värde "
                      "kan kontrolleras: avsluta med return."}),
            Misconception("first_product_missing", dot_from_index_one, costs=0.5, message={
                "en": "The product of the first entries is missing. numpy counts from 0, so a_1 b_1 is "
                      "a[0] * b[0], and range(len(a)) starts at 0.",
                "sv": "Produkten av de första elementen saknas. numpy räknar från 0, så a_1 b_1 är a[0] * b[0], "
                      "och range(len(a)) börjar på 0."}),
            Misconception("total_overwritten", dot_overwritten, costs=0.5, message={
                "en": "You return only the last product: total = ... replaces the total in every round. Add each "
                      "product to the total with +=.",
                "sv": "Du returnerar bara den sista produkten: total = ... ersätter summan i varje varv. Lägg "
                      "till varje produkt till summan med +=."}),
        ],
        alternatives=[dot_with_numpy, dot_with_zip],
    ),
    Question(
        "q2", variable="index_w23", points=1,
        hint={
            "en": "The row is given by the node the weight goes to, the column by the node it comes from, and "
                  "numpy counts both from 0: w_11 is W1[0, 0]. Check your index with W1[index_w23].",
            "sv": "Raden bestäms av noden som vikten går till, kolumnen av noden den kommer från, och numpy "
                  "räknar båda från 0: w_11 är W1[0, 0]. Kontrollera ditt index med W1[index_w23].",
        },
        misconceptions=[
            Misconception("counted_from_one", (2, 3), message={
                "en": "That is the position counted from 1, as in the mathematics. numpy counts rows and columns "
                      "from 0, so subtract 1 from both.",
                "sv": "Det är positionen räknad från 1, som i matematiken. numpy räknar rader och kolumner från "
                      "0, så dra bort 1 från båda."}),
            Misconception("row_and_column_swapped", (2, 1), message={
                "en": "Your row and column are swapped: W1[index_w23] is 3.2, the weight to node 3 from node 2. "
                      "The first index is the node the weight goes to.",
                "sv": "Din rad och kolumn har bytt plats: W1[index_w23] är 3,2, vikten till nod 3 från nod 2. "
                      "Det första indexet är noden som vikten går till."}),
            Misconception("value_not_index", 2.3, message={
                "en": "You gave the weight's value. The question asks where it is: a tuple (row, column) such "
                      "that W1[index_w23] is that value.",
                "sv": "Du angav viktens värde. Frågan gäller var den står: en tupel (rad, kolumn) sådan att "
                      "W1[index_w23] är det värdet."}),
        ],
    ),
    Question(
        "q3", function="weighted_sums", points=2,
        hint={
            "en": "Node j's weighted sum is the dot product of row j of W with a, so compute one dot product "
                  "per row of W (not per input). The result must have shape (n_out,): one number per node.",
            "sv": "Nod j:s viktade summa är skalärprodukten av rad j i W och a, så räkna ut en skalärprodukt "
                  "per rad i W (inte per indatavärde). Resultatet ska ha formen (n_out,): ett tal per nod.",
        },
        public=[case(np.array([[1.0, 0.0, 2.0], [0.0, 1.0, 1.0]]), np.array([1.0, 2.0, 3.0]))],
        hidden=[
            case(np.array([[2.0, -1.0, 0.5]]), np.array([1.0, 1.0, 2.0])),
            case(np.array([[1.0], [-2.0], [3.0]]), np.array([2.0])),
            case(np.eye(3), np.array([4.0, -5.0, 6.0])),
            *random_cases(_layer, 5, seed=2),
        ],
        misconceptions=[
            Misconception("transposed", weighted_sums_transposed, costs=0.5, message={
                "en": "You multiply a with the columns of W (W.T), but the weights into node j are in row j. "
                      "Take one dot product per row of W.",
                "sv": "Du multiplicerar a med kolumnerna i W (W.T), men vikterna in till nod j står i rad j. Ta en "
                      "skalärprodukt per rad i W."}),
            Misconception("one_sum_per_input", weighted_sums_over_inputs, costs=0.5, message={
                "en": "Your loop runs over the inputs (len(a) rounds), but there is one weighted sum per node: "
                      "W.shape[0] rounds, one per row.",
                "sv": "Din loop går över indatavärdena (len(a) varv), men det finns en viktad summa per nod: "
                      "W.shape[0] varv, ett per rad."}),
            Misconception("products_not_added", weighted_sums_not_added, costs=0.5, message={
                "en": "W * a gives the products w_jk a_k as a matrix. Add up each row, so that every node gets "
                      "one number.",
                "sv": "W * a ger produkterna w_jk a_k som en matris. Summera varje rad, så att varje nod får ett "
                      "tal."}),
            Misconception("everything_added", weighted_sums_all_added, costs=0.5, message={
                "en": "You add up all the products into one number. Each node has its own sum, so the result "
                      "has one number per row of W.",
                "sv": "Du summerar alla produkter till ett enda tal. Varje nod har sin egen summa, så resultatet "
                      "har ett tal per rad i W."}),
        ],
        alternatives=[weighted_sums_matrix_product, weighted_sums_as_list],
    ),
    Question(
        "q4", function="weight_shapes", points=1,
        hint={
            "en": "For l = 1, ..., len(sizes) - 1 there is one matrix W^(l): its rows are the nodes of layer l "
                  "and its columns the nodes of layer l - 1, and sizes holds both numbers. Return a list of "
                  "(rows, columns) tuples, one per matrix.",
            "sv": "För l = 1, ..., len(sizes) - 1 finns en matris W^(l): dess rader är noderna i lager l och "
                  "dess kolumner noderna i lager l - 1, och sizes innehåller båda talen. Returnera en lista med "
                  "tupler (rader, kolumner), en per matris.",
        },
        public=[case([3, 4, 4, 2]), case([2, 3, 1])],
        hidden=[case([64, 32, 10]), case([5, 1]), case([1, 1, 1]), *random_cases(_sizes, 5, seed=3)],
        misconceptions=[
            Misconception("rows_and_columns_swapped", weight_shapes_swapped, costs=0.5, message={
                "en": "Your rows and columns are swapped. W^(l) has one row per node of layer l (where the "
                      "weights go) and one column per node of layer l - 1 (where they come from).",
                "sv": "Dina rader och kolumner har bytt plats. W^(l) har en rad per nod i lager l (dit vikterna "
                      "går) och en kolumn per nod i lager l - 1 (där de kommer från)."}),
            Misconception("one_matrix_too_many", weight_shapes_one_too_many, costs=0.5, message={
                "en": "Your list has one shape too many. The input layer has no weight matrix: L + 1 layer sizes "
                      "give L matrices, W^(1), ..., W^(L).",
                "sv": "Din lista har en form för mycket. Indatalagret har ingen viktmatris: L + 1 lagerstorlekar "
                      "ger L matriser, W^(1), ..., W^(L)."}),
            Misconception("last_matrix_missing", weight_shapes_last_missing, costs=0.5, message={
                "en": "The last matrix, into the output layer, is missing: range stops before its end value, so "
                      "the end must be len(sizes).",
                "sv": "Den sista matrisen, in till utdatalagret, saknas: range slutar före sitt slutvärde, så "
                      "slutet ska vara len(sizes)."}),
        ],
        alternatives=[weight_shapes_with_zip, weight_shapes_as_lists],
    ),
]
