"""Build the committed notebooks from the bilingual sources.

One source gives two notebooks (English, Swedish) of the same code:

- ``course/content/lessons/STEM.py``   → ``notebooks/{en,sv}/STEM.ipynb``
- ``course/content/exercises/STEM.py`` → ``exercises/{en,sv}/STEM.ipynb``

Two editions come from the same sources:

- the **student edition** (committed, what students open): teacher's notes (cells tagged
  ``notes``) left out; in exercises the solutions replaced by a stub that raises
  ``NotImplementedError`` and the hidden cells removed;
- the **teacher edition** (variant ``"solution"``, built on request into a folder of its own
  with ``notebooks/`` and ``exercises/``): the teacher's notes kept where they stand, the
  exercises with their solutions and hidden tests. The slides are made from it, so the
  notes become speaker notes.

A code cell is either shared by both languages or one of an en/sv pair (CONTRIBUTING.md);
each notebook gets the shared cells and its own language's twins.

Output bytes depend on the source only: cell ids are derived from the chapter and the cell's
place, nothing carries a version or a time stamp, so building twice changes no byte.
The functions here are pure except :func:`write_outputs`, :func:`build` and :func:`check`.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import nbformat

from course import tags as T
from course.chapters import CHAPTERS
from course.i18n import LANGUAGES, t
from course.source import (
    CONTENT_DIRS,
    SET_LANGUAGE_EN_RE,
    Cell,
    Source,
    SourceError,
    SourceKind,
    parse_source,
    solution_regions,
)

Variant = Literal["student", "solution"]

# The checkout this package runs from (it is installed editable).
REPO_ROOT = Path(__file__).resolve().parents[1]
CONTENT = Path("course", "content")
# Where each kind of source is built to, relative to the repository root.
OUTPUT_DIRS: dict[SourceKind, Path] = {"lesson": Path("notebooks"), "exercise": Path("exercises")}

# Without a kernelspec JupyterLab opens a modal "Select Kernel" dialog on every notebook.
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
LANGUAGE_INFO = {"name": "python"}
# Tag that lets "Run All", nbclient and nbval continue past an unanswered stub.
RAISES_EXCEPTION = "raises-exception"

_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")


class BuildError(ValueError):
    """One or more sources are invalid; ``errors`` holds one :class:`SourceError` each."""

    def __init__(self, errors: Sequence[SourceError]) -> None:
        self.errors = tuple(errors)
        super().__init__("\n".join(str(error) for error in self.errors))


@dataclass(frozen=True)
class Output:
    """A notebook the builder would write: ``path`` (absolute) and its exact ``text``."""

    path: Path
    text: str
    source: Path


@dataclass(frozen=True)
class CheckResult:
    """Committed notebooks that differ from their sources (all paths absolute)."""

    stale: tuple[Path, ...]
    missing: tuple[Path, ...]
    extra: tuple[Path, ...]
    checked: int

    @property
    def ok(self) -> bool:
        return not (self.stale or self.missing or self.extra)


@dataclass(frozen=True)
class BuildResult:
    """What :func:`build` did: notebooks written, already up to date, and orphans found."""

    written: tuple[Path, ...]
    unchanged: tuple[Path, ...]
    extra: tuple[Path, ...]


def cell_id(source: Source, cell: Cell) -> str:
    """A stable, valid nbformat cell id from the source's kind, stem and the cell's place.

    A Swedish markdown cell takes the index of its English partner, so the English and the
    Swedish notebook of a source have the same ids in the same order, and a student
    notebook has the ids of the solution notebook.
    """
    index = cell.index - 1 if cell.language == T.SV else cell.index
    return _ID_UNSAFE.sub("-", f"{source.kind}-{source.stem}")[:56] + f"-{index:03d}"


def _student_code(cell: Cell, lang: str, path: Path) -> str:
    lines = cell.source.splitlines()
    regions = solution_regions(cell, path)
    out: list[str] = []
    position = 0
    for region in regions:
        out.extend(lines[position : region.begin])
        message = json.dumps(t("builder.stub_message", lang), ensure_ascii=False)
        out.append(f"{region.indent}# {t('builder.stub_comment', lang)}")
        out.append(f"{region.indent}raise NotImplementedError({message})")
        position = region.end + 1
    out.extend(lines[position:])
    return "\n".join(out)


def _solution_code(cell: Cell, path: Path) -> str:
    lines = cell.source.splitlines()
    markers = {line for region in solution_regions(cell, path) for line in (region.begin, region.end)}
    return "\n".join(line for number, line in enumerate(lines) if number not in markers)


def _output_cell(source: Source, cell: Cell, lang: str, variant: Variant) -> dict | None:
    """The notebook cell for ``cell`` in ``lang``, or None when it does not appear."""
    if cell.language not in (None, lang):
        return None
    if variant == "student" and T.NOTES in cell.tags:
        return None
    is_exercise = source.kind == "exercise"
    if is_exercise and variant == "student" and T.HIDDEN in cell.tags:
        return None

    text = cell.source
    extra_tags: list[str] = []
    if cell.kind == "code":
        if is_exercise and solution_regions(cell, source.path):
            if variant == "student":
                text = _student_code(cell, lang, source.path)
                extra_tags.append(RAISES_EXCEPTION)
            else:
                text = _solution_code(cell, source.path)
        if lang != T.EN:
            text = SET_LANGUAGE_EN_RE.sub(f'set_language("{lang}")', text)

    tags = [tag for tag in cell.tags if tag not in T.LANGUAGE_TAGS and tag not in T.SLIDE_TAGS]
    tags += extra_tags
    metadata: dict = {}
    slideshow = copy.deepcopy(dict(cell.slideshow))
    if cell.slide_tag is not None:
        slideshow["slide_type"] = T.SLIDE_TAGS[cell.slide_tag]
    if slideshow:
        metadata["slideshow"] = slideshow
    if tags:
        metadata["tags"] = tags

    out = {"cell_type": cell.kind, "id": cell_id(source, cell), "metadata": metadata, "source": text}
    if cell.kind == "code":
        out.update(execution_count=None, outputs=[])
    return out


def build_notebook(source: Source, lang: str, variant: Variant = "student") -> nbformat.NotebookNode:
    """The notebook of ``source`` in ``lang``.

    Parameters
    ----------
    source : Source
        A parsed source (see :func:`course.source.parse_source`); it is not modified.
    lang : "en" or "sv"
    variant : "student" or "solution"
        The student edition (no teacher's notes; exercises with stubs and without hidden
        cells) or the teacher edition (notes kept; exercises with their solutions and
        hidden cells, marker lines removed).

    Returns
    -------
    nbformat.NotebookNode
        A valid nbformat 4.5 notebook without outputs.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGUAGES)}")
    if variant not in ("student", "solution"):
        raise ValueError(f"unknown variant {variant!r}; expected 'student' or 'solution'")
    cells = [out for cell in source.cells if (out := _output_cell(source, cell, lang, variant)) is not None]
    notebook = nbformat.from_dict(
        {
            "nbformat": 4,
            "nbformat_minor": 5,
            "metadata": {
                "kernelspec": dict(KERNELSPEC),
                "language_info": dict(LANGUAGE_INFO),
                "nncourse": {"language": lang, "chapter": source.stem, "kind": source.kind},
            },
            "cells": cells,
        }
    )
    nbformat.validate(notebook)
    return notebook


def notebook_text(notebook: nbformat.NotebookNode) -> str:
    """The exact text a built notebook is written as (sorted keys, trailing newline)."""
    return nbformat.writes(notebook) + "\n"


def chapter_stems() -> tuple[str, ...]:
    return tuple(chapter.stem for chapter in CHAPTERS)


def source_paths(root: Path | str = REPO_ROOT, only: Iterable[str] | None = None) -> list[Path]:
    """The lesson and exercise sources under ``root``, sorted; ``only`` limits them to stems."""
    root = Path(root)
    wanted = None if only is None else set(only)
    paths = []
    for directory in CONTENT_DIRS:
        for path in sorted((root / CONTENT / directory).glob("*.py")):
            if path.name.startswith(("_", ".")):
                continue
            if wanted is None or path.stem in wanted:
                paths.append(path)
    return paths


def load_sources(root: Path | str = REPO_ROOT, only: Iterable[str] | None = None) -> list[Source]:
    """Parse every source (or those of the stems in ``only``).

    Raises
    ------
    BuildError
        Listing every invalid source, not only the first.
    """
    sources, errors = [], []
    stems = chapter_stems()
    for path in source_paths(root, only):
        try:
            if path.stem not in stems:
                raise SourceError(
                    path, f"the file name is not a chapter stem; expected one of {', '.join(stems)}"
                )
            sources.append(parse_source(path))
        except SourceError as error:
            errors.append(error)
    if errors:
        raise BuildError(errors)
    return sources


def _plan_edition(sources: Iterable[Source], root: Path, variant: Variant) -> list[Output]:
    """Every source in both languages as ``root/{notebooks,exercises}/LANG/STEM.ipynb``."""
    outputs = []
    for source in sources:
        for lang in LANGUAGES:
            path = root / OUTPUT_DIRS[source.kind] / lang / f"{source.stem}.ipynb"
            text = notebook_text(build_notebook(source, lang, variant))
            outputs.append(Output(path=path, text=text, source=source.path))
    return outputs


def plan(sources: Iterable[Source], root: Path | str = REPO_ROOT) -> list[Output]:
    """The committed notebooks: the student edition (lessons, student exercises)."""
    return _plan_edition(sources, Path(root), "student")


def plan_teacher_edition(sources: Iterable[Source], directory: Path | str) -> list[Output]:
    """The teacher edition: ``directory/notebooks/LANG/STEM.ipynb`` (lessons with the
    teacher's notes) and ``directory/exercises/LANG/STEM.ipynb`` (with solutions)."""
    return _plan_edition(sources, Path(directory), "solution")


def plan_solutions(sources: Iterable[Source], directory: Path | str) -> list[Output]:
    """The solution versions of the exercise sources alone, as ``directory/LANG/STEM.ipynb``
    (what the test suite runs)."""
    exercises = [source for source in sources if source.kind == "exercise"]
    return [
        Output(path=Path(directory) / output.path.parent.name / output.path.name, text=output.text, source=output.source)
        for output in _plan_edition(exercises, Path(directory), "solution")
    ]


def committed_notebooks(root: Path | str = REPO_ROOT) -> list[Path]:
    """Every notebook in the built directories (``notebooks/LANG``, ``exercises/LANG``)."""
    root = Path(root)
    return sorted(
        path for out_dir in OUTPUT_DIRS.values() for lang in LANGUAGES for path in (root / out_dir / lang).glob("*.ipynb")
    )


def write_outputs(outputs: Iterable[Output]) -> tuple[list[Path], list[Path]]:
    """Write the outputs whose bytes differ from what is on disk; return (written, unchanged)."""
    written, unchanged = [], []
    for output in outputs:
        data = output.text.encode("utf-8")
        if output.path.is_file() and output.path.read_bytes() == data:
            unchanged.append(output.path)
            continue
        output.path.parent.mkdir(parents=True, exist_ok=True)
        output.path.write_bytes(data)
        written.append(output.path)
    return written, unchanged


def build(
    root: Path | str = REPO_ROOT, only: Iterable[str] | None = None, solutions_dir: Path | str | None = None
) -> BuildResult:
    """Build the committed notebooks (and the solution versions into ``solutions_dir``).

    Nothing is written when a source is invalid (:class:`BuildError`). Notebooks without
    a source are reported in ``extra`` but not deleted.
    """
    root = Path(root)
    only = None if only is None else tuple(only)
    sources = load_sources(root, only)
    outputs = plan(sources, root)
    if solutions_dir is not None:
        outputs += plan_solutions(sources, solutions_dir)
    written, unchanged = write_outputs(outputs)
    return BuildResult(written=tuple(written), unchanged=tuple(unchanged), extra=_extra(root, outputs, only))


def check(root: Path | str = REPO_ROOT, only: Iterable[str] | None = None) -> CheckResult:
    """Compare what the sources build to with the committed notebooks; write nothing.

    With ``only``, just those stems are compared and extra notebooks are not looked for.
    """
    root = Path(root)
    only = None if only is None else tuple(only)
    outputs = plan(load_sources(root, only), root)
    stale, missing = [], []
    for output in outputs:
        if not output.path.is_file():
            missing.append(output.path)
        elif output.path.read_bytes() != output.text.encode("utf-8"):
            stale.append(output.path)
    return CheckResult(
        stale=tuple(stale), missing=tuple(missing), extra=_extra(root, outputs, only), checked=len(outputs)
    )


def _extra(root: Path, outputs: Sequence[Output], only: tuple[str, ...] | None) -> tuple[Path, ...]:
    if only is not None:
        return ()
    planned = {output.path for output in outputs}
    return tuple(path for path in committed_notebooks(root) if path not in planned)
