"""Everything a Swedish student sees is Swedish, in Swedish typography (issue 11).

Three checks, each discovering what it checks so that a new chapter is covered without
touching this file:

1. **Widgets.** Every :class:`~course.widgets.base.FigureWidget` subclass in
   ``course.widgets`` is built in a Swedish notebook, every control is moved (each slider to
   its ends and middle, each menu option, each button clicked once), and after every change
   the texts a student sees are collected: the figure's titles, axis labels, tick labels,
   legends, annotations and texts, and the widgets' descriptions, status lines, readouts,
   menu options and button labels. None may contain an English word from
   :data:`ENGLISH` or a number with a decimal point.
2. **Code of the Swedish notebooks.** The comments and strings of every code cell of
   ``notebooks/sv`` and ``exercises/sv`` contain no English prose.
3. **Numbers drawn by the lessons' own plots.** In the Swedish lessons, a number put into
   a title, label, legend or annotation by an f-string with a number format (``{x:.2f}``,
   ``{a:g}``) bypasses :func:`course.numbers.fmt` and would show a decimal point: such
   f-strings are reported.

Why walk the widgets rather than execute the Swedish lessons? Executing all Swedish
notebooks takes minutes (training cells, a kernel per notebook); building and driving every
widget takes seconds and moves *every* control, which a notebook run does not. The lesson
plots drawn outside widgets use ``t()`` strings (checked by tests/test_i18n.py), tick labels
(localised by course.plots, asserted below) and numbers, which check 3 covers statically.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import io
import json
import pkgutil
import re
import tokenize
from pathlib import Path

import ipywidgets as widgets
import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import course.widgets  # noqa: E402
from course import set_language  # noqa: E402
from course.widgets.base import FigureWidget  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]

# Common English words that are not Swedish words (so "in", "is", "for", "bias", "data",
# "batch", "momentum", "stride", "padding" and "feature map", which the glossary keeps, are
# not here). Matched as whole words, lower case.
ENGLISH = frozenset(
    """
    the of and with without into than then this that these those which where when while
    what your yours you our ours we it its are was were been has have had no yes but or
    to on at if else each every any some both other same new more less least
    one two three four five first next previous
    loss losses weight weights step steps learning rate derivative derivatives largest smallest
    difference differences ratio layer layers input inputs output outputs hidden training
    validation accuracy epoch epochs prediction predictions predicted target targets error
    errors slope slopes point points closed threshold shape sum mean average value values
    number numbers probability probabilities class classes label labels answer answered
    correct wrong check function functions forward backward numerical descent cost
    curve curves line lines sample samples random seed reset run click hide
    after before over between above below along left right up down
    """.split()
)
# Left out on purpose because they are Swedish words too: in, is, for, from, by, as, be, not,
# all, per, form, under, start, stop, last, most, hand, show, press, ten, gradient, an.
# Phrases the word list would split: flagged as wholes.
ENGLISH_PHRASES = ("learning rate", "by hand", "not answered", "closed form", "one layer", "three layers")
# Allowed in Swedish text although built from listed words.
ALLOWED = ("one-hot",)

_CODE_TOKEN = re.compile(r"\b\w+(?:[._]\w+)+\b|\b\w+\(")  # identifiers with _ or ., and calls f(
_DECIMAL_POINT = re.compile(r"(?<![\w.])[−-]?\d+\.\d+")


def english_words(text: str) -> list[str]:
    """The English words and phrases of :data:`ENGLISH` in ``text`` (code names left out)."""
    text = re.sub(r"<code>.*?</code>", " ", text)  # code and file names
    text = re.sub(r"<[^>]*>", " ", text)  # HTML tags
    text = re.sub(r"\$[^$]*\$", " ", text)  # mathematics
    for allowed in ALLOWED:
        text = re.sub(re.escape(allowed), " ", text, flags=re.IGNORECASE)
    text = _CODE_TOKEN.sub(" ", text)
    lowered = text.lower()
    found = [phrase for phrase in ENGLISH_PHRASES if re.search(rf"\b{phrase}\b", lowered)]
    # Acronyms and gate names in capitals (AND, OR, MSE) are names, not English prose.
    words = [word for word in re.findall(r"[A-Za-zÅÄÖåäö]+", text) if not (word.isupper() and len(word) > 1)]
    found += [word.lower() for word in words if word.lower() in ENGLISH]
    return found


def decimal_points(text: str) -> list[str]:
    text = re.sub(r"<[^>]*>", " ", text)
    return _DECIMAL_POINT.findall(text)


def test_the_checks_can_fail():
    assert english_words("largest difference 0,5") == ["largest", "difference"]
    assert english_words("inlärningstakt η, learning rate") == ["learning rate", "learning", "rate"]
    assert english_words("one-hot-kodning, val_loss, step(z), nnlib.fit") == []
    assert english_words("<b style='color:#E69F00'>Divergerar</b>: $\\hat y = a x$") == []
    assert decimal_points("η = 0.045, gräns 2/L'' = 0,225") == ["0.045"]
    assert decimal_points("(1,5; −2) 2,46·10⁻⁵ Dense(1, 1)") == []


# 1. Widgets ---------------------------------------------------------------------------


def _widget_classes() -> list[type[FigureWidget]]:
    found = []
    for info in pkgutil.iter_modules(course.widgets.__path__):
        module = importlib.import_module(f"course.widgets.{info.name}")
        for value in vars(module).values():
            if (
                inspect.isclass(value)
                and issubclass(value, FigureWidget)
                and value is not FigureWidget
                and value.__module__ == module.__name__
            ):
                found.append(value)
    return sorted(found, key=lambda cls: (cls.__module__, cls.__name__))


def _required(cls) -> list[str]:
    parameters = list(inspect.signature(cls.__init__).parameters.values())[1:]
    return [p.name for p in parameters if p.default is p.empty and p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)]


def _parabola():
    from nnlib.datasets import quadratic

    return quadratic(20, a=2.0, noise=0.5, rng=np.random.default_rng(0))


def _line():
    rng = np.random.default_rng(1)
    x = rng.uniform(0, 4, size=40)
    return x, 1.5 * x + 2 + rng.normal(0, 0.5, size=40)


def _digit_pad():
    import nnlib
    from course.widgets.digits import DigitPad

    X, y = nnlib.datasets.load_digits()
    model = nnlib.MLP([64, 16, 10], rng=0)
    nnlib.fit(model, nnlib.CrossEntropy(), nnlib.Adam(0.01), X[:300] / 16, y[:300], epochs=2, batch_size=64,
              rng=0, progress=False)
    return DigitPad(model, lambda images: np.asarray(images, dtype=float) / 16, X[300:320], y[300:320])


def _training_curves():
    from course.widgets.optimizers import TrainingCurves
    from nnlib.datasets import blobs
    from nnlib.model import MLP

    X, y = blobs(60, centers=3, std=0.6, rng=0)
    return TrainingCurves(lambda: MLP([2, 4, 3], rng=0), (X[:45], y[:45]), (X[45:], y[45:]), epochs=3,
                          learning_rate=0.05, batch_size=32)


def _overfitting_explorer():
    from course.widgets.overfitting import OverfittingExplorer, moons_data, size_sweep

    data = moons_data()
    return OverfittingExplorer(size_sweep(data, sizes=(1, 8), epochs=20, learning_rate=0.05, snapshot_every=10),
                               data, hidden=8, epoch=20)


def _checkpoint_browser(tmp_path):
    import nnlib
    from course.widgets.overfitting import CheckpointBrowser, moons_data, network

    data = moons_data()
    checkpoint = nnlib.Checkpoint(tmp_path / "checkpoints", every=10)
    model = network(8, seed=0)
    history = nnlib.fit(model, nnlib.BinaryCrossEntropy(), nnlib.Adam(0.05), data.X_train, data.y_train,
                        epochs=20, validation_data=(data.X_val, data.y_val), callbacks=[checkpoint],
                        rng=0, progress=False)
    return CheckpointBrowser(checkpoint, history, data, model)


# Widgets whose constructor needs data: how to build a small one. A new widget with required
# arguments fails test_every_widget_can_be_built until it is added here.
FACTORIES = {
    "LearningRateDescent": lambda tmp_path: __import__("course.widgets.descent", fromlist=["x"]).LearningRateDescent(*_parabola()),
    "SurfaceDescent": lambda tmp_path: __import__("course.widgets.descent", fromlist=["x"]).SurfaceDescent(*_line()),
    "DigitPad": lambda tmp_path: _digit_pad(),
    "TrainingCurves": lambda tmp_path: _training_curves(),
    "OverfittingExplorer": lambda tmp_path: _overfitting_explorer(),
    "CheckpointBrowser": _checkpoint_browser,
}

WIDGETS = _widget_classes()


def test_every_widget_can_be_built():
    missing = [cls.__name__ for cls in WIDGETS if _required(cls) and cls.__name__ not in FACTORIES]
    assert not missing, f"add a factory to FACTORIES in tests/test_swedish.py for {missing}"
    assert len(WIDGETS) >= 10


def _figure_texts(fig) -> list[str]:
    fig.canvas.draw()  # tick labels exist only after a draw
    texts = [text.get_text() for text in fig.texts]
    if fig._suptitle is not None:
        texts.append(fig._suptitle.get_text())
    for ax in fig.axes:
        texts += [ax.get_title(loc) for loc in ("left", "center", "right")]
        texts += [ax.get_xlabel(), ax.get_ylabel()]
        texts += [label.get_text() for label in ax.get_xticklabels() + ax.get_yticklabels()]
        texts += [text.get_text() for text in ax.texts]
        legend = ax.get_legend()
        if legend is not None:
            texts += [text.get_text() for text in legend.get_texts()]
            if legend.get_title() is not None:
                texts.append(legend.get_title().get_text())
        texts += [ax.xaxis.get_offset_text().get_text(), ax.yaxis.get_offset_text().get_text()]
    return [text for text in texts if text and text.strip()]


def _nodes(root):
    """Every widget in the tree under ``root`` (each once, depth first)."""
    seen, stack = set(), [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, widgets.Box):
            stack.extend(node.children)
        yield node


def _widget_texts(root) -> list[str]:
    texts = []
    for node in _nodes(root):
        description = getattr(node, "description", "")
        if isinstance(description, str):
            texts.append(description)
        tooltip = getattr(node, "tooltip", "") or ""
        texts.append(tooltip)
        if isinstance(node, (widgets.Label, widgets.HTML, widgets.HTMLMath)):
            texts.append(node.value)
        if isinstance(node, (widgets.Dropdown, widgets.ToggleButtons, widgets.RadioButtons, widgets.Select)):
            texts += [str(label) for label in node._options_labels]
        if isinstance(node, (widgets.FloatSlider, widgets.FloatLogSlider, widgets.IntSlider)) and node.readout:
            texts.append(f"{node.description}: ipywidgets' own readout is shown (use course.widgets.controls)")
    return [text for text in texts if text and text.strip()]


def _controls(root):
    found = []
    for node in _nodes(root):
        if isinstance(node, widgets.Box):
            continue
        if isinstance(node, (widgets.ValueWidget, widgets.Button)) and not getattr(node, "disabled", False):
            found.append(node)
    return found


def _moves(control):
    """A few values for a control, ending where it started."""
    if isinstance(control, widgets.Button):
        return ["click"]
    if isinstance(control, (widgets.FloatSlider, widgets.IntSlider, widgets.FloatLogSlider)):
        start = control.value
        middle = (control.min + control.max) / 2
        if isinstance(control, widgets.IntSlider):
            middle = int(middle)
        if isinstance(control, widgets.FloatLogSlider):
            return [control.base**control.min * 1.0001, control.base ** ((control.min + control.max) / 2), start]
        return [control.min, middle, control.max, start]
    if isinstance(control, (widgets.Dropdown, widgets.ToggleButtons, widgets.RadioButtons)):
        values = [value for _, value in zip(control._options_labels, control._options_values)]
        return values + [control.value]
    if isinstance(control, widgets.Checkbox):
        return [not control.value, control.value]
    return []


@pytest.fixture
def swedish():
    set_language("sv")
    yield
    set_language("en")
    plt.close("all")


@pytest.mark.parametrize("cls", WIDGETS, ids=lambda cls: cls.__name__)
def test_widget_shows_only_swedish_and_decimal_commas(cls, swedish, tmp_path):
    if cls.__name__ in FACTORIES:
        widget = FACTORIES[cls.__name__](tmp_path)
    elif _required(cls):
        pytest.fail(f"{cls.__name__} needs {_required(cls)}: add a factory to FACTORIES")
    else:
        widget = cls()
    widget.refresh()
    root = widget.widget() if callable(widget.widget) else widget.widget
    problems: dict[str, str] = {}

    def look(after: str) -> None:
        for text in _figure_texts(widget.fig) + _widget_texts(root):
            words, points = english_words(text), decimal_points(text)
            if words or points:
                problems.setdefault(text, f"{after}: English {words}, decimal points {points}")

    look("as built")
    for control in _controls(root):
        for value in _moves(control):
            try:
                if value == "click":
                    control.click()
                else:
                    control.value = value
            except Exception as error:  # a value a control refuses is not what this test is about
                if isinstance(error, (AssertionError,)):
                    raise
                continue
            look(f"after {type(control).__name__} {getattr(control, 'description', '')!r} = {value!r}")
    widget.close() if hasattr(widget, "close") else None
    assert not problems, f"{cls.__name__} shows, in Swedish:\n" + "\n".join(
        f"  {text!r} ({where})" for text, where in list(problems.items())[:12]
    )


def test_tick_labels_get_a_decimal_comma_in_swedish(swedish):
    fig, ax = plt.subplots()
    ax.plot([0.0, 0.5, 1.0], [0.1, 0.2, 0.35])
    fig.canvas.draw()
    labels = [label.get_text() for label in ax.get_xticklabels()]
    assert any("," in label for label in labels) and not any(decimal_points(label) for label in labels), labels


# 2. Code cells of the Swedish notebooks -------------------------------------------------

SWEDISH_NOTEBOOKS = sorted((ROOT / "notebooks" / "sv").glob("*.ipynb")) + sorted((ROOT / "exercises" / "sv").glob("*.ipynb"))


def _identifiers(source: str) -> set[str]:
    """The names a cell's code uses (variables, functions, attributes, parameters)."""
    code = "\n".join("pass" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines())
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return set()
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            names.add(node.id)
        elif isinstance(node, ast.Attribute):
            names.add(node.attr)
        elif isinstance(node, ast.arg):
            names.add(node.arg)
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
    return {name.lower() for name in names}


def _prose(source: str) -> list[str]:
    """Comments and string literals with words in them (text for people, not code)."""
    code = "\n".join("pass" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines())
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(code).readline))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return []
    found = []
    for token in tokens:
        if token.type == tokenize.COMMENT:
            found.append(token.string)
        elif token.type == tokenize.STRING and re.search(r"\s", token.string):
            found.append(token.string)
    return found


def test_there_are_swedish_notebooks():
    assert len(SWEDISH_NOTEBOOKS) >= 14


@pytest.mark.parametrize("path", SWEDISH_NOTEBOOKS, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_swedish_code_cells_have_no_english_prose(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    problems = []
    for number, cell in enumerate(cells):
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        code_names = _identifiers(source)
        for text in _prose(source):
            text = re.sub(r"`[^`]*`", " ", text)  # code quoted in a comment
            text = re.sub(r"\{[^{}]*\}", " ", text)  # the code inside an f-string's fields
            text = re.sub(r"\((\s*\w+\s*,)+\s*\w+\s*\)", " ", text)  # tuples of names: (W1, b1, loss)
            if re.fullmatch(r"[rbuf]*[\"']+(upper|lower|center) (left|right|center)[\"']+", text.strip()):
                continue  # matplotlib's legend locations are options, not text
            text = re.sub(r"(?m)^\s*[\w, ]+ : ", " ", text)  # numpydoc "name : type"
            words = [word for word in english_words(text) if word not in code_names]
            if words:
                problems.append(f"cell {number}: {text.strip()[:90]!r} has {sorted(set(words))}")
    assert not problems, f"{path.relative_to(ROOT)}:\n" + "\n".join(problems[:15])


# 3. Numbers in the lessons' own plots ---------------------------------------------------

_DRAWING = {"set_title", "set_xlabel", "set_ylabel", "suptitle", "text", "annotate", "set_label", "set_text", "legend"}
_NUMBER_FORMAT = re.compile(r"\.\d*[1-9]\d*[fe%]|[eg]$|\.\d+g")


def _unformatted_numbers(source: str) -> list[str]:
    code = "\n".join("pass" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines())
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return []
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        shown = list(node.args) if name in _DRAWING else []
        shown += [keyword.value for keyword in node.keywords if keyword.arg in ("label", "title")]
        for value in shown:
            for part in ast.walk(value):
                if isinstance(part, ast.FormattedValue) and part.format_spec is not None:
                    spec = "".join(
                        piece.value for piece in part.format_spec.values if isinstance(piece, ast.Constant)
                    )
                    if _NUMBER_FORMAT.search(spec):
                        found.append(f"{ast.unparse(part.value)}:{spec} in {name}()")
    return found


def test_the_plot_check_can_fail():
    assert _unformatted_numbers('ax.set_title(f"$a = {a:g}$")') == ["a:g in set_title()"]
    assert _unformatted_numbers('ax.plot(x, y, label=f"eta = {eta:.3f}")') == ["eta:.3f in plot()"]
    assert _unformatted_numbers('ax.set_title(f"$a = {fmt(a)}$"); ax.text(0, 0, f"{v:.0f}")') == []


@pytest.mark.parametrize("path", sorted((ROOT / "notebooks" / "sv").glob("*.ipynb")), ids=lambda path: path.name)
def test_swedish_lesson_plots_write_numbers_through_fmt(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    problems = [
        f"cell {number}: {problem}"
        for number, cell in enumerate(cells)
        if cell["cell_type"] == "code"
        for problem in _unformatted_numbers("".join(cell["source"]))
    ]
    assert not problems, f"{path.name}: write these numbers with course.numbers.fmt:\n" + "\n".join(problems)


# 4. Swedish typography and the flagged patterns in the Swedish prose ----------------------

# Issue 11, §3–§4: patterns a Swedish editor flagged, and what to write instead.
SWEDISH_PATTERNS = {
    r"\bmen fick\b|\b[Ff]örväntade\b": "'väntat: …; ditt svar: …' (no subjectless 'förväntade …, men fick …')",
    r"\bslutkod": "'returkod'",
    r"\bger ut\b": "'ger som utdata'",
    r"\b(datan|indatan|utdatan)\b": "'data' (uncountable)",
    r"\ben (indata|utdata)\b|\b\d+ (indata|utdata)\b": "'indatavärden' / 'utdatanoder' when counted",
    r"\bframme inte\b": "'inte framme'",
    r"\bcentrerade? differens": "'central differens'",
    r"\bpredicera": "'predikterad'",
    r"\bolinjär": "'icke-linjär'",
    r"\brörelsemängd": "'momentum'",
    r"\bslinga": "'loop'",
    r"\bbildpunkt": "'pixel' (one of the two)",
    r"[Mm]issförstånd att fånga": "'Vanliga missförstånd'",
    r"\btar ut sig\b": "'förkortas bort'",
    r"\bper konstruktion\b": "'har summan 1' or a plain statement",
    r"nivåkurvediagram": "'nivåkurvdiagram'",
}


def _swedish_prose(cell_source: str) -> str:
    """A Swedish markdown cell without its code (fenced, indented, `inline`) and mathematics."""
    text = re.sub(r"```.*?```", " ", cell_source, flags=re.DOTALL)
    text = "\n".join(line for line in text.splitlines() if not line.startswith(("    ", "\t")))
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"\$\$.*?\$\$", " ", text, flags=re.DOTALL)
    text = re.sub(r"\$[^$]*\$", " ", text)
    text = re.sub(r"<[^>]*>", " ", text)  # HTML tags and their attributes
    return re.sub(r"\]\([^)]*\)", "]", text)  # link targets


def test_the_prose_check_can_fail():
    prose = _swedish_prose('Ett tal "0.5" och `x = 0.5` och $0.5$, och [länk](a/b.1.ipynb).')
    assert decimal_points(prose) == ["0.5"] and '"' in prose and "b.1" not in prose


@pytest.mark.parametrize("path", SWEDISH_NOTEBOOKS, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_swedish_prose_has_swedish_typography_and_terms(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    problems = []
    for number, cell in enumerate(cells):
        if cell["cell_type"] != "markdown":
            continue
        prose = _swedish_prose("".join(cell["source"]))
        # Section numbers of books and chapters keep their point ("avsnitt 12.1").
        points = [p for p in decimal_points(re.sub(r"\b(avsnitt|kapitel|section)\s+\d+\.\d+", " ", prose))]
        if points:
            problems.append(f"cell {number}: decimal point in {points} (write a decimal comma)")
        if '"' in prose:
            line = next(line for line in prose.splitlines() if '"' in line)
            problems.append(f"cell {number}: straight quotation marks (write ”…”): {line.strip()[:80]!r}")
        for pattern, advice in SWEDISH_PATTERNS.items():
            found = re.search(pattern, prose)
            if found:
                problems.append(f"cell {number}: {found.group(0)!r}: write {advice}")
    assert not problems, f"{path.relative_to(ROOT)}:\n" + "\n".join(problems[:15])
