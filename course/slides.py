"""Lecture slides: a reveal.js deck of a lesson, in one language, that works offline.

Two ways to lecture from a lesson:

- **live**, from the running notebook in JupyterLab: the deck button in the notebook's
  toolbar (``jupyterlab-slideshow``, installed with the course) shows the notebook as
  slides from the slide tags of the source, and the widgets respond (Space/arrow keys move
  on; the same button goes back to the notebook);
- from an **exported deck**, ``nncourse slides CHAPTER --lang LANG``: one HTML file, made
  here, that needs nothing but a browser.

The deck is the teacher edition of the lesson (teacher's notes become speaker notes: press
S), **executed** so the figures are in it (a widget shows its first figure as a picture,
see ``STATIC_WIDGETS``), then cut to slide size: every cell that would continue a slide
past what fits starts a sub-slide of its own (the down arrow), and a long text cell is
cut between paragraphs. A slide that is still too tall is scaled down in the browser to
fit. reveal.js (vendored in ``course/slides_assets/reveal``) and its speaker-notes plugin
are inside the file, and every formula is turned into MathML, which browsers draw
without MathJax; so the deck opens from a USB stick in a hall without a network.
"""

from __future__ import annotations

import copy
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbconvert.exporters import SlidesExporter

from course.build import CONTENT, OUTPUT_DIRS, REPO_ROOT, build_notebook
from course.chapters import CHAPTERS
from course.source import parse_source
from course.widgets import STATIC_WIDGETS  # a constant; imports no widget code

DEFAULT_OUT = Path("slides")
LESSON_DIR = CONTENT / "lessons"
ASSETS = Path(__file__).resolve().parent / "slides_assets" / "reveal"
TEMPLATES = Path(__file__).resolve().parent / "slides_template"
TEMPLATE_NAME = "nncourse_slides"


# The slide reveal.js lays out and then scales to the screen (16:9).
SLIDE_WIDTH, SLIDE_HEIGHT = 1280, 720
# How many lines of 20-pixel text (with headings and margins) a slide holds; a figure
# counts as FIGURE_LINES. Estimates only: the browser scales down what still overflows.
SLIDE_LINES = 16
FIGURE_LINES = 10


@dataclass(frozen=True)
class Deck:
    """A slide deck: where it goes and its HTML."""

    path: Path
    html: str


def deck_title(stem: str, lang: str) -> str:
    for chapter in CHAPTERS:
        if chapter.stem == stem:
            return f"{chapter.number:02d} {chapter.title(lang)}"
    return stem


# Formulas


_DISPLAY_MATH = re.compile(r"\$\$(.+?)\$\$", re.S)
_INLINE_MATH = re.compile(r"(?<![\\$])\$(?!\$)(.+?)(?<![\\$])\$")
_CODE = re.compile(r"(```.*?```|`[^`\n]*`)", re.S)


def _mathml(tex: str, display: bool) -> str:
    from latex2mathml.converter import convert

    markup = convert(tex.strip(), display="block" if display else "inline")
    # A "|" inside a formula would end a markdown table cell.
    return markup.replace("|", "&#124;").replace("\n", " ")


def math_to_mathml(markdown: str) -> str:
    """``markdown`` with every ``$…$`` and ``$$…$$`` formula as MathML (code left alone)."""
    parts = _CODE.split(markdown)
    for index in range(0, len(parts), 2):  # the even parts are outside code
        text = _DISPLAY_MATH.sub(lambda m: "\n" + _mathml(m.group(1), True) + "\n", parts[index])
        parts[index] = _INLINE_MATH.sub(lambda m: _mathml(m.group(1), False), text)
    return "".join(parts)


# Slide size


def _slide_type(cell) -> str:
    return cell.get("metadata", {}).get("slideshow", {}).get("slide_type", "-")


def _set_slide_type(cell, slide_type: str) -> None:
    cell.setdefault("metadata", {}).setdefault("slideshow", {})["slide_type"] = slide_type


def _lines(cell) -> int:
    """A rough height of ``cell`` on a slide, in lines of text."""
    text = cell.get("source", "")
    height = sum(1 + len(line) // 95 for line in text.splitlines()) + 1
    if cell.get("cell_type") == "markdown" and "<details>" in text:
        # A closed <details> shows its summary line only.
        hidden = re.findall(r"<details>.*?</details>", text, re.S)
        height -= sum(chunk.count("\n") for chunk in hidden)
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        if "image/png" in data or "image/svg+xml" in data:
            height += FIGURE_LINES
        else:
            shown = output.get("text", "") or data.get("text/plain", "")
            height += min(len(str(shown).splitlines()), 12)
    return max(height, 1)


def _blocks(markdown: str) -> list[str]:
    """The top-level blocks of ``markdown`` (paragraphs, lists, tables, formulas, details),
    never cut inside code, a <details> element or a $$ formula."""
    blocks, current, fence, details, display = [], [], False, 0, False
    for line in markdown.splitlines():
        stripped = line.strip()
        if stripped.startswith("```"):
            fence = not fence
        details += stripped.count("<details>") - stripped.count("</details>")
        display ^= stripped.count("$$") % 2 == 1
        if not stripped and not (fence or details > 0 or display):
            if current:
                blocks.append("\n".join(current))
                current = []
            continue
        current.append(line)
    if current:
        blocks.append("\n".join(current))
    return blocks


def _split_markdown(cell) -> list:
    """A long markdown cell as several cells of slide size (cut between blocks)."""
    pieces, current, height = [], [], 0
    for block in _blocks(cell["source"]):
        block_lines = _lines({"cell_type": "markdown", "source": block})
        if current and height + block_lines > SLIDE_LINES:
            pieces.append("\n\n".join(current))
            current, height = [], 0
        current.append(block)
        height += block_lines + 1
    if current:
        pieces.append("\n\n".join(current))
    cells = []
    for number, text in enumerate(pieces):
        piece = copy.deepcopy(cell)
        piece["source"] = text
        if number:
            piece["id"] = f"{cell.get('id', 'cell')}-{number}"
            _set_slide_type(piece, "subslide")
        cells.append(piece)
    return cells


def slide_sized(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``notebook`` whose slides fit: cells that overflow a slide start sub-slides.

    Cells tagged as notes or skip, and fragments, keep their slide type; a long markdown
    cell is cut between blocks first. Formulas become MathML.
    """
    notebook = copy.deepcopy(notebook)
    cells = []
    for cell in notebook.cells:
        if cell.cell_type == "markdown" and _slide_type(cell) not in ("notes", "skip"):
            cells.extend(_split_markdown(cell) if _lines(cell) > SLIDE_LINES else [cell])
        else:
            cells.append(cell)
    height = 0
    for cell in cells:
        kind = _slide_type(cell)
        if kind in ("notes", "skip"):
            continue
        lines = _lines(cell)
        heading = cell.cell_type == "markdown" and cell["source"].lstrip().startswith("#")
        if kind in ("slide", "subslide"):
            height = lines
        elif height > 0 and (height + lines > SLIDE_LINES or heading):
            _set_slide_type(cell, "subslide")
            height = lines
        else:
            height += lines
    for cell in cells:  # after measuring: a formula is short as TeX, long as MathML
        if cell.cell_type == "markdown":
            cell["source"] = math_to_mathml(cell["source"])
    notebook.cells = [nbformat.from_dict(cell) for cell in cells]
    return notebook


# Execution


def execute_for_deck(notebook: nbformat.NotebookNode, timeout: int = 300) -> nbformat.NotebookNode:
    """Run ``notebook`` in a fresh kernel in a scratch folder, widgets drawn as pictures."""
    from nbclient import NotebookClient

    notebook = copy.deepcopy(notebook)
    previous = os.environ.get(STATIC_WIDGETS)
    os.environ[STATIC_WIDGETS] = "1"
    try:
        with tempfile.TemporaryDirectory(prefix="nncourse-slides-") as scratch:
            client = NotebookClient(
                notebook, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": scratch}}
            )
            client.execute()
    finally:
        if previous is None:
            os.environ.pop(STATIC_WIDGETS, None)
        else:
            os.environ[STATIC_WIDGETS] = previous
    return notebook


# The deck


_DECK_CSS = f"""
:root {{
  --jp-ui-font-size1: 24px;
  --jp-content-font-size1: 24px;
  --jp-code-font-size: 19px;
  --jp-cell-prompt-width: 0px;
}}
.jp-InputPrompt, .jp-OutputPrompt {{ display: none; }}
a.anchor-link {{ display: none; }}
.reveal h1, .reveal h2, .reveal h3, .reveal h4 {{ text-transform: none; }}
.reveal .slides section {{ text-align: left; }}
.reveal h1 {{ font-size: 1.9em; }}
.reveal h2 {{ font-size: 1.45em; }}
.reveal h3 {{ font-size: 1.15em; }}
.reveal math[display="block"] {{ margin: 0.4em 0; }}
.reveal .jp-OutputArea-output img {{ max-height: {FIGURE_LINES * 30}px; width: auto; }}
.reveal table {{ font-size: 0.8em; }}
"""

# After reveal.js has laid a slide out, a slide still taller than the slide area is scaled
# down to fit (CSS zoom keeps the layout of what follows correct).
_DECK_JS = f"""
(function () {{
  function fit(slide) {{
    if (!slide || slide.querySelector("section")) return;
    slide.style.zoom = 1;
    var height = slide.scrollHeight;
    if (height > {SLIDE_HEIGHT}) slide.style.zoom = ({SLIDE_HEIGHT} - 4) / height;
  }}
  function fitAll() {{
    document.querySelectorAll(".reveal .slides section").forEach(fit);
  }}
  Reveal.initialize({{
    controls: true, progress: true, history: true, center: false, transition: "slide",
    slideNumber: "c/t", width: {SLIDE_WIDTH}, height: {SLIDE_HEIGHT}, margin: 0.04,
    plugins: [RevealNotes]
  }}).then(function () {{
    fitAll();
    document.body.setAttribute("data-deck-ready", "true");
  }});
  Reveal.on("slidechanged", function (event) {{ fit(event.currentSlide); }});
}})();
"""


def _assets() -> dict[str, str]:
    read = lambda name: (ASSETS / name).read_text(encoding="utf-8")  # noqa: E731
    # "</script" inside a script's text would end the element early.
    script = lambda text: text.replace("</script", "<\\/script")  # noqa: E731
    return {
        "reveal_js": script(read("reveal.js")),
        "notes_js": script(read("notes.js")),
        "reveal_css": read("reveal.css"),
        "theme_css": read("white.css"),
        "deck_css": _DECK_CSS,
        "deck_js": _DECK_JS,
    }


def render_slides(
    stem: str,
    lang: str,
    *,
    root: Path | str = REPO_ROOT,
    out_dir: Path | str | None = None,
    execute: bool = True,
) -> Deck:
    """The slide deck of lesson ``stem`` in ``lang``, to be written to ``out_dir/LANG/STEM.slides.html``.

    Parameters
    ----------
    stem : str
        The chapter stem, e.g. ``"01_perceptron"``.
    lang : "en" or "sv"
    root : path-like
        The repository (or installed package folder) that holds ``course/content/lessons/``.
    out_dir : path-like or None
        Default: ``slides`` in the current folder.
    execute : bool
        Run the lesson first so its figures are on the slides (a few seconds to a minute).

    Raises
    ------
    FileNotFoundError
        When the chapter has no lesson source yet.
    course.source.SourceError
        When the source is invalid.
    """
    root = Path(root)
    path = root / LESSON_DIR / f"{stem}.py"
    if not path.is_file():
        raise FileNotFoundError(f"chapter {stem} has no lesson source yet: {path} does not exist")
    # The teacher edition: its teacher's notes become the deck's speaker notes.
    notebook = build_notebook(parse_source(path, "lesson"), lang, "solution")
    if execute:
        notebook = execute_for_deck(notebook)
    notebook = slide_sized(notebook)
    title = deck_title(stem, lang)
    notebook.metadata["title"] = title

    exporter = SlidesExporter(
        template_name=TEMPLATE_NAME, extra_template_basedirs=[str(TEMPLATES)], language_code=lang
    )
    resources = {
        "metadata": {"name": stem, "path": str(root / OUTPUT_DIRS["lesson"] / lang)},
        "nncourse": _assets(),
    }
    html, _ = exporter.from_notebook_node(notebook, resources=resources)
    out_dir = Path.cwd() / DEFAULT_OUT if out_dir is None else Path(out_dir)
    return Deck(path=out_dir / lang / f"{stem}.slides.html", html=html)


def write_slides(
    stem: str,
    lang: str,
    *,
    root: Path | str = REPO_ROOT,
    out_dir: Path | str | None = None,
    execute: bool = True,
) -> Path:
    """Render the deck (see :func:`render_slides`), write it and return its path."""
    deck = render_slides(stem, lang, root=root, out_dir=out_dir, execute=execute)
    deck.path.parent.mkdir(parents=True, exist_ok=True)
    deck.path.write_bytes(deck.html.encode("utf-8"))
    return deck.path


__all__ = [
    "Deck", "deck_title", "execute_for_deck", "math_to_mathml", "render_slides", "slide_sized", "write_slides",
]
