# %% [markdown] tags=["en", "slide"]
# # 00 Welcome: what a neural network is
#
# Welcome to *Neural networks from scratch*. In thirteen chapters you build, with nothing but
# numpy, every piece a neural network is made of: neurons, layers, activation functions, loss
# functions, gradients, backpropagation and optimisers. At the end you train a network that reads
# handwritten digits, and every line of code that does it is in the small library `nnlib` that
# the lessons open up one piece at a time.
#
# This page is the start page of the course. It has three parts:
#
# 1. the **table of contents** with a link to every lesson and exercise,
# 2. **how to use the course**: cells, the kernel, the language, widgets and exercises,
# 3. the first chapter: **what a neural network is**, with the notation the whole course uses.

# %% [markdown] tags=["sv", "slide"]
# # 00 Välkommen: vad ett neuralt nätverk är
#
# Välkommen till *Neurala nätverk från grunden*. Under tretton kapitel bygger du, bara med numpy,
# alla delar som ett neuralt nätverk består av: neuroner, lager, aktiveringsfunktioner,
# förlustfunktioner, gradienter, bakåtpropagering och optimerare. Till sist tränar du ett nätverk
# som läser handskrivna siffror, och varje kodrad som gör det finns i det lilla biblioteket
# `nnlib`, som lektionerna öppnar upp en bit i taget.
#
# Den här sidan är kursens startsida. Den har tre delar:
#
# 1. **innehållsförteckningen** med en länk till varje lektion och övning,
# 2. **hur du använder kursen**: celler, kärnan, språket, widgetar och övningar,
# 3. det första kapitlet: **vad ett neuralt nätverk är**, med den notation som hela kursen använder.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** Plan for 45 minutes: welcome and contents 3 min, how to use the course 7,
# applications 4, numbers → black box → answer 7, the box opened 5, one neuron with the widget 9,
# notation 8, summary 2. `nncourse slides 0` writes a deck with the figures that works offline; to
# move the widget in front of the room, run the lesson in JupyterLab (`make lab`) and press the
# deck button in the notebook's toolbar for a live slideshow.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** Plan för 45 minuter: välkomst och innehåll 3 min, hur kursen används 7,
# tillämpningar 4, tal → svart låda → svar 7, lådan öppnas 5, en neuron med widgeten 9, notation 8,
# sammanfattning 2. `nncourse slides 0 --lang sv` skriver ett bildspel med figurerna som fungerar
# utan nätverk; för att flytta widgetens reglage inför salen kör du lektionen i JupyterLab (`make
# lab lang=sv`) och trycker på bildspelsknappen i notebookens verktygsfält.

# %% [markdown] tags=["en", "slide"]
# ## Contents
#
# Each chapter has a lesson (read and run it) and an exercise (answer it and check your answers).
#
# | Chapter | Lesson | Exercise |
# |---|---|---|
# | 00 | [Welcome: what a neural network is](00_welcome.ipynb) (this page) | [Exercise 00](../../exercises/en/00_welcome.ipynb) |
# | 01 | [The perceptron](01_perceptron.ipynb) | [Exercise 01](../../exercises/en/01_perceptron.ipynb) |
# | 02 | [Activation functions](02_activations.ipynb) | [Exercise 02](../../exercises/en/02_activations.ipynb) |
# | 03 | [Forward pass and architecture](03_forward_pass.ipynb) | [Exercise 03](../../exercises/en/03_forward_pass.ipynb) |
# | 04 | [Loss functions](04_loss_functions.ipynb) | [Exercise 04](../../exercises/en/04_loss_functions.ipynb) |
# | 05 | [Least squares and gradient descent](05_gradient_descent.ipynb) | [Exercise 05](../../exercises/en/05_gradient_descent.ipynb) |
# | 06 | [Chain rule and computational graphs](06_chain_rule.ipynb) | [Exercise 06](../../exercises/en/06_chain_rule.ipynb) |
# | 07 | [Backpropagation](07_backpropagation.ipynb) | [Exercise 07](../../exercises/en/07_backpropagation.ipynb) |
# | 08 | [Softmax and multi-class classification](08_softmax.ipynb) | [Exercise 08](../../exercises/en/08_softmax.ipynb) |
# | 09 | [Optimisers, initialisation and hyperparameters](09_optimizers.ipynb) | [Exercise 09](../../exercises/en/09_optimizers.ipynb) |
# | 10 | [Convolutional layers](10_convolution.ipynb) | [Exercise 10](../../exercises/en/10_convolution.ipynb) |
# | 11 | [Overfitting, validation and checkpoints](11_overfitting.ipynb) | [Exercise 11](../../exercises/en/11_overfitting.ipynb) |
# | 12 | [Project: handwritten digits](12_project_digits.ipynb) | [Exercise 12](../../exercises/en/12_project_digits.ipynb) |

# %% [markdown] tags=["sv", "slide"]
# ## Innehåll
#
# Varje kapitel har en lektion (läs och kör den) och en övning (besvara den och kontrollera dina svar).
#
# | Kapitel | Lektion | Övning |
# |---|---|---|
# | 00 | [Välkommen: vad ett neuralt nätverk är](00_welcome.ipynb) (den här sidan) | [Övning 00](../../exercises/sv/00_welcome.ipynb) |
# | 01 | [Perceptronen](01_perceptron.ipynb) | [Övning 01](../../exercises/sv/01_perceptron.ipynb) |
# | 02 | [Aktiveringsfunktioner](02_activations.ipynb) | [Övning 02](../../exercises/sv/02_activations.ipynb) |
# | 03 | [Framåtpass och arkitektur](03_forward_pass.ipynb) | [Övning 03](../../exercises/sv/03_forward_pass.ipynb) |
# | 04 | [Förlustfunktioner](04_loss_functions.ipynb) | [Övning 04](../../exercises/sv/04_loss_functions.ipynb) |
# | 05 | [Minstakvadratmetoden och gradientnedstigning](05_gradient_descent.ipynb) | [Övning 05](../../exercises/sv/05_gradient_descent.ipynb) |
# | 06 | [Kedjeregeln och beräkningsgrafer](06_chain_rule.ipynb) | [Övning 06](../../exercises/sv/06_chain_rule.ipynb) |
# | 07 | [Bakåtpropagering](07_backpropagation.ipynb) | [Övning 07](../../exercises/sv/07_backpropagation.ipynb) |
# | 08 | [Softmax och klassificering med flera klasser](08_softmax.ipynb) | [Övning 08](../../exercises/sv/08_softmax.ipynb) |
# | 09 | [Optimerare, initiering och hyperparametrar](09_optimizers.ipynb) | [Övning 09](../../exercises/sv/09_optimizers.ipynb) |
# | 10 | [Faltningslager](10_convolution.ipynb) | [Övning 10](../../exercises/sv/10_convolution.ipynb) |
# | 11 | [Överanpassning, validering och kontrollpunkter](11_overfitting.ipynb) | [Övning 11](../../exercises/sv/11_overfitting.ipynb) |
# | 12 | [Projekt: handskrivna siffror](12_project_digits.ipynb) | [Övning 12](../../exercises/sv/12_project_digits.ipynb) |

# %% [markdown] tags=["en", "slide"]
# ## How to use the course
#
# **Cells.** A notebook is a list of cells: text cells like this one and code cells with a
# `[ ]:` at their left. Click a code cell and press **Shift+Enter** to run it; its result appears
# below it and the next cell is selected. Run the cells **from top to bottom**: later cells use
# the variables that earlier cells create. The number that appears in `[ ]:` tells you in which
# order the cells ran. You may change any code and run it again; use *File → Save Notebook As…*
# if you want to keep your own version next to the original.
#
# **The kernel** is the Python process that runs the code and remembers the variables. When things
# get muddled (you ran cells out of order, a variable has an odd value, you edited a file in
# `nnlib`), use *Kernel → Restart Kernel and Run All Cells…*: it forgets every variable and runs
# the notebook again from the top. A cell that runs for too long is stopped with
# *Kernel → Interrupt Kernel* (the ■ button).
#
# **Language.** Every notebook exists in English in `notebooks/en/` and in Swedish in
# `notebooks/sv/` (the exercises in `exercises/en/` and `exercises/sv/`), with the same code and
# the same figures. `make lab` opens JupyterLab on the English start page and `make lab lang=sv`
# on the Swedish one. The first code cell of each notebook calls `set_language("en")` (or `"sv"`):
# it sets the language of everything the code shows — widget labels, figure titles and the
# feedback of the exercise checks.
#
# **Widgets.** Some cells show sliders, menus and buttons above a figure. Moving a control runs
# the computation again in the kernel and redraws the figure, so a widget only works while its
# kernel runs. A notebook you saved still shows each widget's last figure when you open it
# again, but its controls do nothing until the code has run: choose *Run → Run All Cells* (or
# run the cells from the top) to bring the widgets back to life. Drag a slider, or click it and
# use the arrow keys.
#
# **Exercises.** The exercise notebooks are in `exercises/en/` (right-hand column of the table).
# Their first code cell sets the language and creates the function `check`. Where you are to answer, a code cell says `# Your code here` followed by
# `raise NotImplementedError(...)`. Replace those two lines with your code and run the cell. The
# cell after it runs a check such as `check("q1")`: it tests your answer and tells you whether
# the test passed or, if it failed, what was expected and what your code gave. Run the checks as
# often as you like. When your teacher grades an exercise, more tests of the same kind are run.
# Exercise 00 is a warm-up (dot products and matrix shapes) for exactly this workflow.

# %% [markdown] tags=["sv", "slide"]
# ## Så använder du kursen
#
# **Celler.** En notebook är en lista av celler: textceller som den här och kodceller med `[ ]:`
# till vänster. Klicka på en kodcell och tryck **Shift+Enter** för att köra den; resultatet
# visas under cellen och nästa cell markeras. Kör cellerna **uppifrån och ned**: senare celler
# använder variabler som tidigare celler har skapat. Talet som dyker upp i `[ ]:` visar i vilken
# ordning cellerna kördes. Du får ändra all kod och köra den igen; använd *File → Save Notebook
# As…* om du vill spara en egen version bredvid originalet.
#
# **Kärnan** (kernel) är den Python-process som kör koden och minns variablerna. När det har
# blivit rörigt (du har kört celler i fel ordning, en variabel har ett konstigt värde, du har
# ändrat en fil i `nnlib`) väljer du *Kernel → Restart Kernel and Run All Cells…*: då glöms alla
# variabler bort och hela notebooken körs om från början. En cell som körs för länge stoppar du
# med *Kernel → Interrupt Kernel* (knappen ■).
#
# **Språk.** Varje notebook finns på engelska i `notebooks/en/` och på svenska i `notebooks/sv/`
# (övningarna i `exercises/en/` och `exercises/sv/`), med samma kod och samma figurer. `make lab`
# öppnar JupyterLab på den engelska startsidan och `make lab lang=sv` på den svenska. Den första
# kodcellen i varje notebook anropar `set_language("sv")` (eller `"en"`): den bestämmer språket i
# allt som koden visar — etiketter på widgetar, rubriker i figurer och återkopplingen från
# övningarnas kontroller.
#
# **Widgetar.** Vissa celler visar reglage, menyer och knappar ovanför en figur. När du ändrar en
# kontroll räknas allt om i kärnan och figuren ritas om, så en widget fungerar bara medan dess
# kärna körs. En sparad notebook visar fortfarande varje widgets senaste figur när du öppnar den
# igen, men kontrollerna gör ingenting förrän koden har körts: välj *Run → Run All Cells* (eller
# kör cellerna uppifrån) så vaknar widgetarna till liv igen. Dra i ett reglage, eller klicka på
# det och använd piltangenterna.
#
# **Övningar.** Övningarna ligger i `exercises/sv/` (högra kolumnen i tabellen). Deras första
# kodcell ställer in språket och skapar funktionen `check`. Där du ska svara
# står det `# Din kod här` i en kodcell, följt av `raise NotImplementedError(...)`. Ersätt de två
# raderna med din kod och kör cellen. Cellen efter kör en kontroll, till exempel `check("q1")`:
# den testar ditt svar och säger om testet klarades eller, om det misslyckades, vad som väntades
# och vad din kod gav. Kör kontrollerna så ofta du vill. När läraren rättar en övning körs fler
# tester av samma slag. Övning 00 är en uppvärmning (skalärprodukter och matrisers former) för
# just det här arbetssättet.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** ≈ 7 min. Show it rather than read it: run the first code cell with
# Shift+Enter, point at the `[1]:`, then use *Kernel → Restart Kernel and Run All Cells…*. Ask the
# check-yourself question below; expect "no, nothing reruns by itself". Watch for the spreadsheet
# picture: students expect cells to update each other. Open Exercise 00 and let `check("q1")` fail
# on the unanswered question, so the feedback is familiar before homework.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** ≈ 7 min. Visa i stället för att läsa upp: kör den första kodcellen med
# Shift+Enter, peka på `[1]:` och välj sedan *Kernel → Restart Kernel and Run All Cells…*. Ställ
# testa-dig-själv-frågan nedan; väntat svar: ”nej, ingenting körs om av sig självt”. Se upp för
# kalkylbladsbilden: studenterna väntar sig att celler uppdaterar varandra. Öppna övning 00 och låt
# `check("q1")` misslyckas på den obesvarade frågan, så att återkopplingen är bekant före
# hemuppgiften.

# %% [markdown] tags=["en"]
# Throughout the course you meet **check yourself** questions like the one below. Think of an
# answer first, then click the small triangle to compare.
#
# **Check yourself.** You run cell 5, then change cell 3 and run only cell 3. Does the output
# shown under cell 5 now use the new code in cell 3?
#
# <details><summary>Answer</summary>
#
# No. The output under cell 5 is from the last time cell 5 ran; nothing reruns by itself. The
# variables that cell 3 sets do have their new values now, so run cell 5 again (or restart and
# run all) to see their effect.
#
# </details>

# %% [markdown] tags=["sv"]
# Genom hela kursen möter du frågor under rubriken **testa dig själv**, som den nedan. Tänk ut ett
# svar först och klicka sedan på den lilla triangeln för att jämföra.
#
# **Testa dig själv.** Du kör cell 5, ändrar sedan cell 3 och kör bara cell 3. Bygger resultatet
# som visas under cell 5 nu på den nya koden i cell 3?
#
# <details><summary>Svar</summary>
#
# Nej. Resultatet under cell 5 kommer från den senaste gången cell 5 kördes; ingenting körs om av sig
# självt. Variablerna som cell 3 sätter har däremot fått sina nya värden, så kör cell 5 igen
# (eller starta om och kör allt) för att se effekten.
#
# </details>

# %% [markdown] tags=["en"]
# Time to run the first code cell. It sets the language and imports what this notebook uses.
# Click it and press Shift+Enter.

# %% [markdown] tags=["sv"]
# Dags att köra den första kodcellen. Den ställer in språket och importerar det som den här
# notebooken använder. Klicka på den och tryck Shift+Enter.

# %%
from course import set_language
set_language("en")

import matplotlib.pyplot as plt
import numpy as np

from course import t
from course.plots_lessons import digit_and_pixels, digit_answers
from course.widgets.welcome import NeuronCurveWidget, draw_network
from nnlib.activations import sigmoid, softmax
from nnlib.data import train_test_split
from nnlib.datasets import load_digits
from nnlib.layers import Dense
from nnlib.losses import CrossEntropy
from nnlib.metrics import accuracy
from nnlib.model import MLP
from nnlib.optim import Adam
from nnlib.training import fit

rng = np.random.default_rng(0)

# %% [markdown] tags=["en"]
# Nothing is printed: the cell only prepares things. The next cell computes something. Run it,
# then change `10` to another number and run it again.

# %% [markdown] tags=["sv"]
# Ingenting skrivs ut: cellen förbereder bara. Nästa cell räknar ut något. Kör den, ändra sedan
# `10` till ett annat tal och kör den igen.

# %%
np.array([1, 2, 3]) * 10

# %% [markdown] tags=["en", "slide"]
# ## What neural networks are used for
#
# Neural networks are behind many things you have probably used or read about:
#
# - **Classification**: what is in this picture, which digit is this, does this X-ray show signs
#   of disease? Images are usually handled by *convolutional neural networks* (CNNs, chapter 10).
# - **Playing games**: with *deep Q-learning* a network learnt to play Atari games from the
#   pixels on the screen and the score alone, by estimating how good each possible move is.
# - **Logic games** such as chess and Go: AlphaGo and AlphaZero combine a network that judges
#   positions and suggests moves with a search through possible continuations. AlphaGo first
#   learnt from games played by human experts and then improved by playing against itself;
#   its successors AlphaGo Zero and AlphaZero learnt from self-play alone, millions of games
#   against themselves, starting from nothing but the rules. It looks like black magic, but it is built
#   from the same parts as this course.
# - **Generating images**: *generative adversarial networks* (GANs) and, today mostly,
#   *diffusion models* create new pictures from a text prompt.
# - **Generating text**: *recurrent neural networks* (RNNs) and today the transformers behind
#   GPT-style language models predict the next word (more precisely, the next token) again
#   and again.
#
# These systems differ from each other and from what we build here in size and in architecture,
# but not in the basic pieces: weighted sums, activation functions, a loss function, gradients
# and gradient descent. Those pieces are what this course is about.

# %% [markdown] tags=["sv", "slide"]
# ## Vad neurala nätverk används till
#
# Neurala nätverk ligger bakom mycket som du förmodligen har använt eller läst om:
#
# - **Klassificering**: vad föreställer bilden, vilken siffra är det här, visar röntgenbilden
#   tecken på sjukdom? Bilder hanteras oftast av *faltningsnätverk* (convolutional neural
#   networks, CNN, kapitel 10).
# - **Spela spel**: med *djup Q-inlärning* (deep Q-learning) lärde sig ett nätverk spela
#   Atari-spel enbart utifrån pixlarna på skärmen och poängen, genom att uppskatta hur bra varje
#   möjligt drag är.
# - **Logiska spel** som schack och go: AlphaGo och AlphaZero kombinerar ett nätverk som bedömer
#   ställningar och föreslår drag med en sökning bland möjliga fortsättningar. AlphaGo lärde sig
#   först av partier spelade av mänskliga experter och blev sedan bättre genom att spela mot sig
#   själv; efterföljarna AlphaGo Zero och AlphaZero lärde sig enbart genom att spela mot sig
#   själva, miljontals partier, med bara reglerna som utgångspunkt. Det ser ut som svart magi, men det är byggt
#   av samma delar som den här kursen.
# - **Generera bilder**: *generativa motståndarnätverk* (generative adversarial networks, GAN)
#   och i dag främst *diffusionsmodeller* skapar nya bilder utifrån en textbeskrivning.
# - **Generera text**: *rekurrenta neurala nätverk* (recurrent neural networks, RNN) och i dag
#   de transformermodeller som ligger bakom språkmodeller av GPT-typ förutsäger nästa ord (mer
#   exakt nästa token) om och om igen.
#
# De här systemen skiljer sig från varandra, och från det vi bygger här, i storlek och
# arkitektur, men inte i grunddelarna: viktade summor, aktiveringsfunktioner, en förlustfunktion,
# gradienter och gradientnedstigning. Det är de delarna som kursen handlar om.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** ≈ 4 min. Ask the room: "Name something you used this week that contains a
# neural network." Expect face unlock, voice assistants, translation, recommendations, chat
# assistants, spam filters. Do not go into the architectures; what should stay on the board is the
# list of shared pieces: weighted sums, activation functions, a loss function, gradients, gradient
# descent.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** ≈ 4 min. Fråga salen: ”Nämn något som du har använt den här veckan och
# som innehåller ett neuralt nätverk.” Räkna med ansiktsupplåsning, röstassistenter, översättning,
# rekommendationer, chattassistenter och skräppostfilter. Gå inte in på arkitekturerna; det som ska
# stå kvar på tavlan är listan över de gemensamma delarna: viktade summor, aktiveringsfunktioner, en
# förlustfunktion, gradienter och gradientnedstigning.

# %% [markdown] tags=["en", "slide"]
# ## Numbers in, a black box, a useful answer out
#
# One way to picture every one of these applications is in three steps:
#
# 1. **A numeric representation of the data.** A network only computes with numbers, so an
#    image becomes a grid of brightness values, a text a list of word numbers, a chess position
#    a list of which piece stands where.
# 2. **A black box**: the neural network, a function with very many adjustable numbers, its
#    *weights*.
# 3. **A useful answer**: "this is an 8", a move, the next word.
#
# Let us see all three steps for real with handwritten digits, the data of the course project
# (chapter 12). The first step: an image of 8×8 pixels is 64 numbers between 0 (white) and 16
# (black).

# %% [markdown] tags=["sv", "slide"]
# ## Tal in, en svart låda, ett användbart svar ut
#
# Ett sätt att tänka på alla de här tillämpningarna är i tre steg:
#
# 1. **En numerisk representation av data.** Ett nätverk räknar bara med tal, så en bild blir
#    ett rutnät av ljusvärden, en text en lista av ordnummer, en schackställning en lista över
#    vilken pjäs som står var.
# 2. **En svart låda**: det neurala nätverket, en funktion med väldigt många justerbara tal, dess
#    *vikter*.
# 3. **Ett användbart svar**: ”det här är en 8:a”, ett drag, nästa ord.
#
# Låt oss se alla tre stegen på riktigt med handskrivna siffror, samma data som i kursens
# projekt (kapitel 12). Det första steget: en bild på 8×8 pixlar är 64 tal mellan 0 (vitt) och 16
# (svart).

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** ≈ 7 min. Draw three boxes on the board, numbers → black box → answer, and fill
# them in for the digits: 64 numbers from 0 to 16 → network → "this is a 3". Run the training cell
# live; when the notebook runs top to bottom, the accuracy is about 0.98 (8 of 360 test digits
# wrong), and it shifts a little after reruns because the cells share `rng`. Ask: "How do you turn a
# sound clip into numbers?" (expect: the amplitude of the wave, measured thousands of times a
# second). End on the digit it reads wrongly.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** ≈ 7 min. Rita tre rutor på tavlan, tal → svart låda → svar, och fyll i
# dem för siffrorna: 64 tal mellan 0 och 16 → nätverket → ”det här är en 3:a”. Kör träningscellen
# live; körs allt uppifrån och ned blir träffsäkerheten omkring 0,98 (8 av 360 testsiffror fel), och
# den ändras lite vid omkörningar eftersom cellerna delar på `rng`. Fråga: ”Hur gör man om ett
# ljudklipp till tal?” (väntat svar: vågens amplitud, mätt tusentals gånger per sekund). Avsluta med
# siffran som läses fel.

# %%
images, labels = load_digits()
X_train, X_test, y_train, y_test = train_test_split(images / 16, labels, test_size=0.2, rng=rng)

digit_and_pixels(X_test[0].reshape(8, 8) * 16, label=y_test[0])
plt.show()

# %% [markdown] tags=["en"]
# The second step, the black box. The next cell trains a small network on 1,437 images in about
# a second. Do not try to understand the code yet: by chapter 12 you will have written every part
# of it yourself. It is here only so that you see a real network at work. The last line computes
# the *accuracy*: the fraction of the 360 test images, which the network never saw during
# training, that it reads correctly.

# %% [markdown] tags=["sv"]
# Det andra steget, den svarta lådan. Nästa cell tränar ett litet nätverk på 1 437 bilder på
# ungefär en sekund. Försök inte förstå koden ännu: i kapitel 12 har du själv skrivit varje del
# av den. Den finns här bara för att du ska se ett riktigt nätverk i arbete. Sista raden räknar
# ut *träffsäkerheten* (accuracy): den andel av de 360 testbilderna, som nätverket aldrig såg under
# träningen, som det läser rätt.

# %%
model = MLP([64, 32, 10], activation="relu", rng=rng)
history = fit(model, CrossEntropy(), Adam(learning_rate=0.01), X_train, y_train,
              epochs=20, batch_size=32, rng=rng, progress=False)
probabilities = softmax(model.predict(X_test))
accuracy(probabilities, y_test)

# %% [markdown] tags=["en"]
# The third step, the useful answer. For every image the network gives ten numbers, one
# *probability* per digit, and its answer is the digit with the largest one. Below are three test
# images: the one we looked at above, the correctly read image the network is least sure about,
# and the first image it reads wrongly.

# %% [markdown] tags=["sv"]
# Det tredje steget, det användbara svaret. För varje bild ger nätverket tio tal, en
# *sannolikhet* per siffra, och svaret är den siffra som har störst sannolikhet. Nedan visas tre
# testbilder: den vi tittade på ovan, den rätt lästa bild som nätverket är minst säkert på och
# den första bild som det läser fel.

# %%
predicted = probabilities.argmax(axis=1)
correct = np.flatnonzero(predicted == y_test)
least_sure = correct[np.argmin(probabilities[correct].max(axis=1))]
first_wrong = np.flatnonzero(predicted != y_test)[0]

digit_answers(X_test, y_test, probabilities, [0, least_sure, first_wrong])
plt.show()

# %% [markdown] tags=["en", "slide"]
# ## A black-box method, and how we open it
#
# A single neuron is already a (tiny) neural network. A network with more neurons is arranged in
# **layers**: an input layer that receives the numbers, an output layer that gives the answer,
# and in between **hidden layers**. They are called hidden because their values are steps
# inside the computation that the user never sees: we put numbers in and read numbers out. With
# many hidden layers we speak of a *deep* neural network and of deep learning.
#
# That is why neural networks are often called a **black-box method**. The description is fair
# in one sense: even the small network above has 2,410 weights and biases, and no single weight has a
# meaning we could read off. It is not fair in another sense: every step inside the box is ordinary
# arithmetic, weighted sums and simple functions, and by the end of the course you will have
# written each of them. Nobody sets the weights by hand either: the network **learns** them from
# examples. A **loss function** measures how wrong the answers are, and the weights are changed
# step by step so that the loss shrinks (chapters 04 to 07).
#
# One more honest remark: a useful answer is not always a right one. The network above is wrong
# on a few test digits, and if you showed it a letter it would still answer with a digit, since
# digits are all it knows.

# %% [markdown] tags=["sv", "slide"]
# ## En svart låda, och hur vi öppnar den
#
# En enda neuron är redan ett (litet) neuralt nätverk. Ett nätverk med fler neuroner ordnas i
# **lager**: ett indatalager som tar emot talen, ett utdatalager som ger svaret och däremellan
# **dolda lager**. De kallas dolda eftersom deras värden är steg inne i beräkningen som
# användaren aldrig ser: vi stoppar in tal och läser av tal. Med många dolda lager talar man om
# ett *djupt* neuralt nätverk och om djupinlärning.
#
# Därför beskrivs neurala nätverk ofta som en **svart låda** (en black box-metod). Beskrivningen
# stämmer i en mening: redan det lilla nätverket ovan har 2 410 vikter och biasvärden, och
# ingen enskild vikt har en betydelse som vi kan läsa av. Det stämmer inte i en annan mening:
# varje steg i lådan är vanlig aritmetik, viktade summor och enkla funktioner, och när kursen är
# slut har du själv skrivit vart och ett av dem. Ingen sätter heller vikterna för hand: nätverket
# **lär sig** dem från exempel. En **förlustfunktion** mäter hur fel svaren är, och vikterna ändras
# steg för steg så att förlusten minskar (kapitel 04 till 07).
#
# Ännu en ärlig anmärkning: ett användbart svar är inte alltid ett rätt svar. Nätverket ovan har
# fel på några testsiffror, och om du visade det en bokstav skulle det ändå svara med en siffra,
# eftersom siffror är det enda det känner till.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** ≈ 5 min. Let the room work out the check-yourself question before you run
# `model.n_params()`: 32 · (64 + 1) + 10 · (32 + 1) = 2,080 + 330 = 2,410. The usual slip is to
# forget the biases, which gives 2,368. Watch for "hidden" heard as secret or mysterious: hidden
# layers are intermediate results the user never looks at, and each of them can be printed.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** ≈ 5 min. Låt salen räkna ut testa-dig-själv-frågan innan du kör
# `model.n_params()`: 32 · (64 + 1) + 10 · (32 + 1) = 2 080 + 330 = 2 410. Det vanliga misstaget är
# att glömma bias, vilket ger 2 368. Se upp för att ”dold” uppfattas som hemlig eller mystisk: dolda
# lager är mellanresultat som användaren aldrig tittar på, och vart och ett av dem kan skrivas ut.

# %% [markdown] tags=["en"]
# **Check yourself.** Where does the number 2,410 come from? The network has 64 inputs, a hidden
# layer of 32 neurons and 10 outputs; every neuron has one weight per input and one bias.
# `model.n_params()` in the next cell lets you check your answer.
#
# <details><summary>Answer</summary>
#
# The hidden layer has 32 neurons with 64 weights and 1 bias each: 32 · 65 = 2,080. The output
# layer has 10 neurons with 32 weights and 1 bias each: 10 · 33 = 330. Together 2,080 + 330 = 2,410.
#
# </details>

# %% [markdown] tags=["sv"]
# **Testa dig själv.** Var kommer talet 2 410 ifrån? Nätverket har 64 indatavärden, ett dolt lager
# med 32 neuroner och 10 utdatanoder; varje neuron har en vikt per indatavärde och en bias. Med
# `model.n_params()` i nästa cell kan du kontrollera ditt svar.
#
# <details><summary>Svar</summary>
#
# Det dolda lagret har 32 neuroner med 64 vikter och 1 bias var: 32 · 65 = 2 080. Utdatalagret
# har 10 neuroner med 32 vikter och 1 bias var: 10 · 33 = 330. Tillsammans 2 080 + 330 = 2 410.
#
# </details>

# %%
model.n_params()

# %% [markdown] tags=["en", "slide"]
# ## The smallest black box: one neuron and a slider
#
# Let us open the box at its smallest: one neuron with one input $x$. It multiplies the input by
# a **weight** $w$, adds a **bias** $b$ and passes the result through an **activation function**,
# here the *sigmoid* $\sigma$, which squeezes any number into the interval $(0, 1)$:
#
# $$\hat y = \sigma(w x + b), \qquad \sigma(z) = \frac{1}{1 + e^{-z}}.$$
#
# The hat on $\hat y$ ("y hat") marks it as the neuron's **prediction**; chapter 01 takes the
# neuron apart in detail.
#
# A worked example by hand with $w = 2$, $b = -1$ and the input $x = 1.5$:
#
# $$z = w x + b = 2 \cdot 1.5 - 1 = 2, \qquad \hat y = \sigma(2) = \frac{1}{1 + e^{-2}}
#   = \frac{1}{1 + 0.1353} \approx 0.881.$$

# %% [markdown] tags=["sv", "slide"]
# ## Den minsta svarta lådan: en neuron och ett reglage
#
# Låt oss öppna lådan där den är som minst: en neuron med ett enda indatavärde $x$. Den
# multiplicerar $x$ med en **vikt** $w$, lägger till en **bias** $b$ och skickar resultatet genom
# en **aktiveringsfunktion**, här *sigmoiden* $\sigma$, som trycker ihop vilket tal som helst till
# intervallet $(0, 1)$:
#
# $$\hat y = \sigma(w x + b), \qquad \sigma(z) = \frac{1}{1 + e^{-z}}.$$
#
# Hatten på $\hat y$ (”y-hatt”) markerar att det är neuronens **prediktion**; i kapitel 01 plockar
# vi isär neuronen i detalj.
#
# Ett exempel räknat för hand med $w = 2$, $b = -1$ och indatavärdet $x = 1{,}5$:
#
# $$z = w x + b = 2 \cdot 1{,}5 - 1 = 2, \qquad \hat y = \sigma(2) = \frac{1}{1 + e^{-2}}
#   = \frac{1}{1 + 0{,}1353} \approx 0{,}881.$$

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** ≈ 9 min. Work the example on the board: z = 2 · 1.5 − 1 = 2, ŷ = 1/(1 + e⁻²) ≈
# 0.881. Then the widget, live: set w = −2 (the curve flips: the sign of w decides which way ŷ
# grows), move b and ask where ŷ = 0.5 (expect x = −b/w), then w = 5 (almost a step: chapter 01).
# Watch for "bias" heard in its everyday sense of prejudice: here it is only a shift of the sum,
# learnt like any weight.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** ≈ 9 min. Räkna exemplet på tavlan: z = 2 · 1,5 − 1 = 2, ŷ = 1/(1 + e⁻²) ≈
# 0,881. Visa sedan widgeten live: sätt w = −2 (kurvan vänds: tecknet på w avgör åt vilket håll ŷ
# växer), flytta b och fråga var ŷ = 0,5 (väntat svar: x = −b/w), och sätt sedan w = 5 (nästan ett
# steg: kapitel 01). Se upp för att ”bias” uppfattas i vardaglig mening, som partiskhet: här är det
# bara en förskjutning av summan, som lärs in precis som en vikt.

# %% [markdown] tags=["en"]
# The same computation in numpy, first written out and then with the `sigmoid` of `nnlib`.
# Python, like almost every programming language, writes decimals with a point, `1.5`, as English
# does. (The Swedish version of the course writes a decimal comma in its text and formulas, as
# Swedish does; the code and what it prints are identical in both languages.)

# %% [markdown] tags=["sv"]
# Samma beräkning i numpy, först utskriven och sedan med `sigmoid` från `nnlib`.
# Lägg märke till att Python, som nästan alla programspråk, skriver decimaltal med punkt:
# $1{,}5$ skrivs `1.5` i koden, och utskrifterna visar också punkt. I texten och formlerna skriver
# vi decimalkomma som vanligt på svenska. När en vektor innehåller decimaltal skiljer vi
# komponenterna åt med semikolon, till exempel $(2;\ -1;\ 0{,}5)$, medan koden skriver
# `[2, -1, 0.5]`.

# %% tags=["en"]
w, b, x = 2.0, -1.0, 1.5
z = w * x + b
y_hat = 1 / (1 + np.exp(-z))
print("z =", z, "  ŷ =", y_hat, "  nnlib:", sigmoid(z))

# %% tags=["sv"]
w, b, x = 2.0, -1.0, 1.5
z = w * x + b
y_hat = 1 / (1 + np.exp(-z))
print("z =", z, "  ŷ =", y_hat, "  med nnlib:", sigmoid(z))

# %% [markdown] tags=["en"]
# Now the first widget. The curve shows $\hat y$ for every input $x$ between −6 and 6, the dot
# the input $x$ of the third slider, and the line below the sliders the computation for that
# input. It starts at the numbers of the example. Try it:
#
# 1. Make $w$ negative. What happens to the curve, and why?
# 2. Move $b$ and watch the dotted line where $\hat y = 0.5$. Where is it, as a formula in $w$ and $b$?
# 3. Make $w$ large, say 5. The curve becomes almost a step from 0 to 1: this is the neuron of
#    chapter 01, the perceptron.

# %% [markdown] tags=["sv"]
# Nu kommer den första widgeten. Kurvan visar $\hat y$ för varje indatavärde $x$ mellan −6 och
# 6, punkten visar värdet $x$ från det tredje reglaget och raden under reglagen beräkningen för
# det värdet. Den börjar med talen från exemplet. Prova:
#
# 1. Gör $w$ negativ. Vad händer med kurvan, och varför?
# 2. Flytta $b$ och titta på den prickade linjen där $\hat y = 0{,}5$. Var ligger den, som en
#    formel i $w$ och $b$?
# 3. Gör $w$ stor, till exempel 5. Kurvan blir nästan ett steg från 0 till 1: det är neuronen i
#    kapitel 01, perceptronen.

# %%
NeuronCurveWidget(w=2.0, b=-1.0, x=1.5)

# %% [markdown] tags=["en"]
# **Check yourself.**
#
# 1. With $w = 2$, which bias $b$ puts the point where $\hat y = 0.5$ at $x = 1$?
# 2. Why is $\hat y$ never exactly 0 or 1?
#
# <details><summary>Answer</summary>
#
# 1. $\hat y = 0.5$ exactly where $z = w x + b = 0$, that is at $x = -b/w$. For $-b/2 = 1$ we
#    need $b = -2$.
# 2. $e^{-z}$ is positive for every $z$, so $1 + e^{-z} > 1$ and $\sigma(z) < 1$; and
#    $e^{-z}$ is finite, so $\sigma(z) > 0$. The curve only approaches 0 and 1.
#
# </details>

# %% [markdown] tags=["sv"]
# **Testa dig själv.**
#
# 1. Med $w = 2$, vilken bias $b$ lägger punkten där $\hat y = 0{,}5$ vid $x = 1$?
# 2. Varför blir $\hat y$ aldrig exakt 0 eller 1?
#
# <details><summary>Svar</summary>
#
# 1. $\hat y = 0{,}5$ precis där $z = w x + b = 0$, alltså vid $x = -b/w$. För att $-b/2 = 1$
#    behövs $b = -2$.
# 2. $e^{-z}$ är positivt för varje $z$, så $1 + e^{-z} > 1$ och $\sigma(z) < 1$; och $e^{-z}$
#    är ändligt, så $\sigma(z) > 0$. Kurvan närmar sig bara 0 och 1.
#
# </details>

# %% [markdown] tags=["en", "slide"]
# ## The notation of the course
#
# A network has many neurons, so we need names for all its numbers. The picture below is drawn
# from a real network with 3 inputs, two hidden layers of 4 neurons and 2 outputs. Every line is
# one weight; in a **fully connected** network like this one, every node of a layer is connected
# to every node of the layer before.

# %% [markdown] tags=["sv", "slide"]
# ## Kursens notation
#
# Ett nätverk har många neuroner, så vi behöver namn på alla dess tal. Bilden nedan är ritad
# från ett verkligt nätverk med 3 indatavärden, två dolda lager med 4 neuroner var och 2 utdatanoder. Varje
# linje är en vikt; i ett **fullt kopplat** nätverk som det här är varje nod i ett lager kopplad
# till varje nod i lagret före.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** ≈ 8 min. Draw the 3-4-4-2 network and mark w⁽²⁾₃₁: layer 2, *to* node 3,
# *from* node 1. Say why "to" comes first: row j of the weight matrix holds every weight into node
# j. Ask: "What is the shape of W⁽³⁾?" Expect 2 × 4. The wrong answer 4 × 2 comes from the (n_in,
# n_out) layout some libraries use (Keras, for one); answers off by one come from numpy counting
# from 0 (`W[j - 1, k - 1]`).

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** ≈ 8 min. Rita nätverket 3-4-4-2 och markera w⁽²⁾₃₁: lager 2, *till* nod
# 3, *från* nod 1. Förklara varför ”till” kommer först: rad j i viktmatrisen innehåller alla vikter
# in till nod j. Fråga: ”Vilken form har W⁽³⁾?” Förväntat svar: 2 × 4. Felsvaret 4 × 2 kommer från
# ordningen (n_in, n_out) som vissa bibliotek använder (till exempel Keras); svar som är fel med ett
# kommer av att numpy räknar från 0 (`W[j - 1, k - 1]`).

# %%
network = MLP([3, 4, 4, 2], activation="sigmoid", rng=rng)
dense_layers = [layer for layer in network.layers if isinstance(layer, Dense)]
sizes = [dense_layers[0].W.shape[1]] + [layer.W.shape[0] for layer in dense_layers]

fig, ax = plt.subplots(figsize=(9, 5.5))
draw_network(ax, sizes, highlight=(2, 3, 1))
ax.set_title(t("welcome.network_title", sizes=sizes))
plt.show()

# %% [markdown] tags=["en"]
# | Symbol | Meaning |
# |---|---|
# | $x = (x_1, \dots, x_n)$ | the **input** vector: one data point, e.g. the 64 pixels of an image |
# | $y$ | the **target** (ground truth): the correct answer that comes with the data point |
# | $\hat y$ | the **prediction**: what the network outputs for $x$ |
# | $L$ | the number of layers with weights; they are numbered $l = 1, \dots, L$, the input is layer 0 and the output layer is layer $L$ |
# | $f_l$ | the activation function of layer $l$ |
# | $W^{(l)}$ | the weight matrix of layer $l$, between layer $l-1$ and layer $l$ |
# | $w^{(l)}_{jk}$ | the weight **to** node $j$ in layer $l$ **from** node $k$ in layer $l-1$ |
# | $a^{(l)}_j$ | the activation (output value) of node $j$ in layer $l$; $a^{(0)} = x$ and $a^{(L)} = \hat y$ |
#
# The orange weight in the picture is $w^{(2)}_{31}$: it belongs to layer 2 and goes to node 3 of
# layer 2 from node 1 of layer 1. In the picture above $L = 3$.
#
# Three remarks that save confusion later:
#
# - **$y$ and $\hat y$ are different things.** Study notes often write $y$ for both the correct
#   answer and the network's output. Training is all about comparing the two, so we keep them
#   apart: $y$ comes from the data, $\hat y$ from the network.
# - **"To" comes before "from"** in $w^{(l)}_{jk}$. The reason: row $j$ of $W^{(l)}$ then holds
#   all weights *into* node $j$, and the weighted sum of node $j$ is row $j$ times the previous
#   layer's activations, $\sum_k w^{(l)}_{jk} a^{(l-1)}_k$ (chapter 03 adds the bias and the
#   activation function to this). So $W^{(l)}$ has one row per node in layer $l$ and one column per
#   node in layer $l-1$.
# - **$L$ has two jobs.** Here $L$ counts the layers. Later chapters also use $L$ for the
#   **loss**, as most texts do, written $L(y, \hat y)$ or in derivatives such as
#   $\partial L / \partial w$. Which one is meant is always clear from the context: the number of
#   layers only appears as a count or an index, as in $W^{(L)}$.

# %% [markdown] tags=["sv"]
# | Symbol | Betydelse |
# |---|---|
# | $x = (x_1, \dots, x_n)$ | **indata**vektorn: en datapunkt, till exempel en bilds 64 pixlar |
# | $y$ | **facit** (målvärdet): det rätta svaret som hör till datapunkten |
# | $\hat y$ | **prediktionen**: det nätverket ger som utdata för $x$ |
# | $L$ | antalet lager med vikter; de numreras $l = 1, \dots, L$, indatalagret är lager 0 och utdatalagret är lager $L$ |
# | $f_l$ | aktiveringsfunktionen i lager $l$ |
# | $W^{(l)}$ | viktmatrisen i lager $l$, mellan lager $l-1$ och lager $l$ |
# | $w^{(l)}_{jk}$ | vikten **till** nod $j$ i lager $l$ **från** nod $k$ i lager $l-1$ |
# | $a^{(l)}_j$ | aktiveringen (utvärdet) i nod $j$ i lager $l$; $a^{(0)} = x$ och $a^{(L)} = \hat y$ |
#
# Den orangea vikten i bilden är $w^{(2)}_{31}$: den hör till lager 2 och går till nod 3 i lager 2
# från nod 1 i lager 1. I bilden ovan är $L = 3$.
#
# Tre anmärkningar som besparar dig förvirring senare:
#
# - **$y$ och $\hat y$ är olika saker.** I studieanteckningar skrivs ofta $y$ både för det rätta
#   svaret och för nätverkets utdata. Träning handlar just om att jämföra de två, så vi håller
#   isär dem: $y$ kommer från data, $\hat y$ från nätverket.
# - **”Till” kommer före ”från”** i $w^{(l)}_{jk}$. Skälet: rad $j$ i $W^{(l)}$ innehåller då
#   alla vikter *in till* nod $j$, och den viktade summan i nod $j$ är rad $j$ gånger föregående
#   lagers aktiveringar, $\sum_k w^{(l)}_{jk} a^{(l-1)}_k$ (i kapitel 03 lägger vi till bias och
#   aktiveringsfunktion). Alltså har $W^{(l)}$ en rad per nod i lager $l$ och en kolumn per nod i
#   lager $l-1$.
# - **$L$ har två uppgifter.** Här räknar $L$ lagren. Längre fram betecknar $L$ också
#   **förlusten**, som i de flesta texter, skriven $L(y, \hat y)$ eller i derivator som
#   $\partial L / \partial w$. Vilken som avses framgår alltid av sammanhanget: antalet lager
#   förekommer bara som ett antal eller ett index, som i $W^{(L)}$.

# %% [markdown] tags=["en"]
# In numpy the same convention holds, with one difference: numpy counts from 0, the mathematics
# from 1. So $w^{(l)}_{jk}$ is `W[j - 1, k - 1]`. Here is a made-up $W^{(1)}$ for the network
# above, 4 rows (nodes in layer 1) by 3 columns (inputs), in which the weight to node $j$ from
# input $k$ is the number $j.k$, so that you can read the indices off the value:

# %% [markdown] tags=["sv"]
# I numpy gäller samma konvention, med en skillnad: numpy räknar från 0, matematiken från 1.
# Alltså är $w^{(l)}_{jk}$ samma som `W[j - 1, k - 1]`. Här är ett påhittat $W^{(1)}$ för
# nätverket ovan, 4 rader (noder i lager 1) gånger 3 kolumner (indata), där vikten till nod $j$
# från indatavärde $k$ är talet $j{,}k$ (i koden `j.k`), så att du kan läsa av indexen i värdet:

# %%
W1 = np.array([[1.1, 1.2, 1.3],
               [2.1, 2.2, 2.3],
               [3.1, 3.2, 3.3],
               [4.1, 4.2, 4.3]])
print(W1.shape, W1[2 - 1, 1 - 1])

# %% [markdown] tags=["en"]
# `W1[1, 0]` is $w^{(1)}_{21}$, the weight to node 2 from input 1. And `nnlib` stores its weights
# exactly like this: the first fully connected layer of the network drawn above has a weight
# matrix with 4 rows and 3 columns, and the highlighted weight $w^{(2)}_{31}$ is entry `[2, 0]`
# of the second layer's matrix.

# %% [markdown] tags=["sv"]
# `W1[1, 0]` är $w^{(1)}_{21}$, vikten till nod 2 från indatavärde 1. Och `nnlib` lagrar sina vikter
# precis så: det första fullt kopplade lagret i nätverket som ritades ovan har en viktmatris med
# 4 rader och 3 kolumner, och den markerade vikten $w^{(2)}_{31}$ är element `[2, 0]` i det andra
# lagrets matris.

# %%
print([layer.W.shape for layer in dense_layers])
print(dense_layers[1].W[3 - 1, 1 - 1])

# %% [markdown] tags=["en"]
# **Check yourself.** In the network drawn above (sizes 3, 4, 4, 2):
#
# 1. What is the shape of $W^{(3)}$?
# 2. How many weights $w^{(2)}_{jk}$ are there (biases not counted)?
# 3. Which node does $a^{(2)}_4$ stand for, and from which values is it computed?
#
# <details><summary>Answer</summary>
#
# 1. Layer 3 has 2 nodes and layer 2 has 4, so $W^{(3)}$ is $2 \times 4$.
# 2. $4 \cdot 4 = 16$: every one of the 4 nodes in layer 2 has one weight from each of the 4
#    nodes in layer 1.
# 3. The lowest node of the second hidden layer. It is computed from the four activations
#    $a^{(1)}_1, \dots, a^{(1)}_4$ of layer 1 and the weights $w^{(2)}_{41}, \dots, w^{(2)}_{44}$,
#    the fourth row of $W^{(2)}$.
#
# </details>

# %% [markdown] tags=["sv"]
# **Testa dig själv.** I nätverket som ritades ovan (storlekarna 3, 4, 4, 2):
#
# 1. Vilken form har $W^{(3)}$?
# 2. Hur många vikter $w^{(2)}_{jk}$ finns det (bias oräknade)?
# 3. Vilken nod står $a^{(2)}_4$ för, och från vilka värden beräknas den?
#
# <details><summary>Svar</summary>
#
# 1. Lager 3 har 2 noder och lager 2 har 4, så $W^{(3)}$ är $2 \times 4$.
# 2. $4 \cdot 4 = 16$: var och en av de 4 noderna i lager 2 har en vikt från var och en av de 4
#    noderna i lager 1.
# 3. Den nedersta noden i det andra dolda lagret. Den beräknas från lager 1:s fyra aktiveringar
#    $a^{(1)}_1, \dots, a^{(1)}_4$ och vikterna $w^{(2)}_{41}, \dots, w^{(2)}_{44}$, den fjärde
#    raden i $W^{(2)}$.
#
# </details>

# %% [markdown] tags=["en", "slide"]
# ## Summary
#
# - A neural network turns a **numeric representation** of data into a useful answer. Seen from
#   outside it is a **black box**; inside it is weighted sums and simple functions, with weights
#   that are **learnt** from examples by making a **loss function** small.
# - Layers: an **input layer**, **hidden layers** and an **output layer**; many hidden layers make
#   a deep network. In a **fully connected** layer every node is connected to every node before it.
# - One neuron with one input and a sigmoid: $\hat y = \sigma(w x + b)$ with
#   $\sigma(z) = \dfrac{1}{1 + e^{-z}}$; $\hat y = 0.5$ at $x = -b/w$.
# - Notation: input $x$, target $y$, prediction $\hat y$, $L$ layers with weights, activation
#   function $f_l$, weight matrix $W^{(l)}$ with one row per node of layer $l$ and one column per
#   node of layer $l-1$, weight $w^{(l)}_{jk}$ to node $j$ in layer $l$ from node $k$ in layer
#   $l-1$ (`W[j - 1, k - 1]` in numpy), activation $a^{(l)}_j$ with $a^{(0)} = x$, $a^{(L)} = \hat y$.
#
# **What next.** Do [Exercise 00](../../exercises/en/00_welcome.ipynb), a short warm-up that
# teaches you the exercise workflow, then go on to [chapter 01, the perceptron](01_perceptron.ipynb):
# one neuron, taken apart, trained, and shown its limits.

# %% [markdown] tags=["sv", "slide"]
# ## Sammanfattning
#
# - Ett neuralt nätverk gör om en **numerisk representation** av data till ett användbart svar.
#   Sett utifrån är det en **svart låda**; inuti finns viktade summor och enkla funktioner, med
#   vikter som **lärs in** från exempel genom att en **förlustfunktion** görs liten.
# - Lager: ett **indatalager**, **dolda lager** och ett **utdatalager**; många dolda lager ger ett
#   djupt nätverk. I ett **fullt kopplat** lager är varje nod kopplad till varje nod före den.
# - En neuron med ett indatavärde och en sigmoid: $\hat y = \sigma(w x + b)$ med
#   $\sigma(z) = \dfrac{1}{1 + e^{-z}}$; $\hat y = 0{,}5$ vid $x = -b/w$.
# - Notation: indata $x$, facit $y$, prediktion $\hat y$, $L$ lager med vikter,
#   aktiveringsfunktion $f_l$, viktmatris $W^{(l)}$ med en rad per nod i lager $l$ och en kolumn
#   per nod i lager $l-1$, vikt $w^{(l)}_{jk}$ till nod $j$ i lager $l$ från nod $k$ i lager
#   $l-1$ (`W[j - 1, k - 1]` i numpy), aktivering $a^{(l)}_j$ med $a^{(0)} = x$, $a^{(L)} = \hat y$.
#
# **Nästa steg.** Gör [Övning 00](../../exercises/sv/00_welcome.ipynb), en kort uppvärmning som
# lär dig hur övningarna fungerar, och fortsätt sedan med [kapitel 01, perceptronen](01_perceptron.ipynb):
# en neuron som plockas isär, tränas och visar sina begränsningar.

# %% [markdown] tags=["en", "notes"]
# **Teacher's note:** ≈ 2 min. Ask one student to say ŷ = σ(wx + b) in words and another to read
# w⁽²⁾₃₁ aloud ("the weight to node 3 in layer 2 from node 1 in layer 1"). Set Exercise 00: four
# short questions on dot products and shapes whose real purpose is the `check` workflow, so every
# student should have passed all its checks before chapter 01.

# %% [markdown] tags=["sv", "notes"]
# **Lärarens anteckning:** ≈ 2 min. Be en student säga ŷ = σ(wx + b) med ord och en annan läsa upp
# w⁽²⁾₃₁ (”vikten till nod 3 i lager 2 från nod 1 i lager 1”). Ge övning 00 som hemuppgift: fyra
# korta frågor om skalärprodukter och former, vars egentliga syfte är arbetssättet med `check`, så
# varje student bör ha klarat alla dess kontroller före kapitel 01.
