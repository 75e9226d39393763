"""Lecture slides: a reveal.js HTML deck from a lesson source, in one language.

The deck is the lesson notebook of that language (as :mod:`course.build` builds it) run
through nbconvert's ``SlidesExporter``. Slide tags in the source become
``slideshow.slide_type``; cells tagged ``notes`` become speaker notes (press S in the deck).
Nothing is executed, so the deck shows the code without outputs and is deterministic.

reveal.js itself is not bundled: the HTML loads it from ``reveal_url`` when it is opened
(by default nbconvert's CDN URL). To lecture offline, put a copy of reveal.js 4 next to the
deck and pass its relative path, e.g. ``reveal_url="reveal.js"``.
"""

from __future__ import annotations

import html as html_lib
from dataclasses import dataclass
from pathlib import Path

from nbconvert.exporters import SlidesExporter

from course.build import CONTENT, OUTPUT_DIRS, REPO_ROOT, build_notebook
from course.chapters import CHAPTERS
from course.source import parse_source

DEFAULT_OUT = Path("slides")
LESSON_DIR = CONTENT / "lessons"


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


def render_slides(
    stem: str,
    lang: str,
    *,
    root: Path | str = REPO_ROOT,
    out_dir: Path | str | None = None,
    reveal_url: str | None = None,
) -> Deck:
    """The slide deck of lesson ``stem`` in ``lang``, to be written to ``out_dir/LANG/STEM.slides.html``.

    Parameters
    ----------
    stem : str
        The chapter stem, e.g. ``"01_perceptron"``.
    lang : "en" or "sv"
    root : path-like
        The repository root that holds ``course/content/lessons/``.
    out_dir : path-like or None
        Default: ``root/slides``.
    reveal_url : str or None
        Where the browser loads reveal.js from; None keeps nbconvert's default CDN URL.

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
    title = deck_title(stem, lang)
    notebook.metadata["title"] = title

    options: dict = {"language_code": lang, "embed_images": True}
    if reveal_url is not None:
        options["reveal_url_prefix"] = reveal_url
    exporter = SlidesExporter(**options)
    # Relative image links in the lesson resolve against the built notebook's directory.
    resources = {"metadata": {"name": stem, "path": str(root / OUTPUT_DIRS["lesson"] / lang)}}
    html, _ = exporter.from_notebook_node(notebook, resources=resources)
    # nbconvert's template appends an English " slides" to the page title.
    escaped = html_lib.escape(title, quote=False)
    html = html.replace(f"<title>{escaped} slides</title>", f"<title>{escaped}</title>", 1)
    out_dir = root / DEFAULT_OUT if out_dir is None else Path(out_dir)
    return Deck(path=out_dir / lang / f"{stem}.slides.html", html=html)


def write_slides(
    stem: str,
    lang: str,
    *,
    root: Path | str = REPO_ROOT,
    out_dir: Path | str | None = None,
    reveal_url: str | None = None,
) -> Path:
    """Render the deck (see :func:`render_slides`), write it and return its path."""
    deck = render_slides(stem, lang, root=root, out_dir=out_dir, reveal_url=reveal_url)
    deck.path.parent.mkdir(parents=True, exist_ok=True)
    deck.path.write_bytes(deck.html.encode("utf-8"))
    return deck.path
