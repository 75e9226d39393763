"""Read and validate one bilingual source (a jupytext percent file).

A source holds one lesson or one exercise notebook in both languages. :func:`parse_source`
returns it as typed, immutable :class:`Cell` objects after checking every rule of
CONTRIBUTING.md; a broken rule raises :class:`SourceError` naming the file and the cell.

Example
-------
>>> source = parse_source("course/content/lessons/01_perceptron.py")  # doctest: +SKIP
>>> [cell.language for cell in source.cells][:2]  # doctest: +SKIP
['en', 'sv']
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import jupytext

from course import tags as T
from course.code_text import code_skeleton, first_difference, first_line, prose_in_code

CellKind = Literal["markdown", "code"]
SourceKind = Literal["lesson", "exercise"]
SOURCE_KINDS: tuple[SourceKind, ...] = ("lesson", "exercise")

# Content directories under course/content/ and the kind of source each holds.
CONTENT_DIRS: dict[str, SourceKind] = {"lessons": "lesson", "exercises": "exercise"}

# Matches the call in any quoting style, so the check and the Swedish rewrite agree.
SET_LANGUAGE_EN_RE = re.compile(r"""set_language\(\s*(["'])en\1\s*\)""")

# Any line that mentions a marker must be exactly the marker, so that a misspelt
# marker ("#BEGIN SOLUTION", "# End solution") cannot leak a solution to students.
_MARKER_MENTION_RE = re.compile(r"\b(BEGIN|END)\s*SOLUTION\b", re.IGNORECASE)


class SourceError(ValueError):
    """A source breaks a rule of the source format.

    The message names the file and, when the problem is in one cell, the cell's
    1-based index and first line.
    """

    def __init__(self, path: Path | str, problem: str, cell: Cell | None = None) -> None:
        self.path = Path(path)
        self.problem = problem
        self.cell = cell
        where = f"{path}"
        if cell is not None:
            where += f", cell {cell.index} ({cell.first_line!r})"
        super().__init__(f"{where}: {problem}")


@dataclass(frozen=True)
class Cell:
    """One cell of a source.

    Attributes
    ----------
    kind : "markdown" or "code"
    source : str
        The cell text as a notebook shows it (jupytext has removed the ``# `` prefix of
        markdown lines).
    tags : tuple of str
        The tags as written in the source, in order.
    index : int
        1-based position in the source, the number error messages use.
    language : "en", "sv" or None
        The language tag of the cell: always set on markdown cells; on a code cell only when
        it is one of an en/sv pair (None for code shared by both languages).
    slideshow : mapping
        The cell's own ``slideshow`` metadata from the source (empty if none).
    """

    kind: CellKind
    source: str
    tags: tuple[str, ...]
    index: int
    language: str | None = None
    slideshow: Mapping[str, Any] = field(default_factory=dict)

    @property
    def first_line(self) -> str:
        """The first non-blank line, shortened for error messages."""
        return first_line(self.source, ellipsis="...")

    @property
    def slide_tag(self) -> str | None:
        for tag in self.tags:
            if tag in T.SLIDE_TAGS:
                return tag
        return None


@dataclass(frozen=True)
class Source:
    """A parsed, valid source.

    Attributes
    ----------
    path : Path
    kind : "lesson" or "exercise"
    stem : str
        The file name without ``.py``, e.g. ``"01_perceptron"``; names the built notebooks.
    cells : tuple of Cell
    """

    path: Path
    kind: SourceKind
    stem: str
    cells: tuple[Cell, ...]


def kind_of(path: Path | str) -> SourceKind:
    """The kind of a source from its directory (``lessons/`` or ``exercises/``)."""
    parent = Path(path).parent.name
    try:
        return CONTENT_DIRS[parent]
    except KeyError:
        raise ValueError(
            f"cannot tell whether {path} is a lesson or an exercise: expected it in a "
            f"directory named {' or '.join(CONTENT_DIRS)}, but it is in {parent!r}; pass kind="
        ) from None


def parse_source(path: Path | str, kind: SourceKind | None = None) -> Source:
    """Read and validate the source at ``path``.

    Parameters
    ----------
    path : path-like
        A jupytext percent file.
    kind : "lesson", "exercise" or None
        None infers it from the directory (see :func:`kind_of`).

    Raises
    ------
    SourceError
        When the source breaks a rule; the message names the file and cell.
    """
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    return parse_text(text, path, kind or kind_of(path))


def parse_text(text: str, path: Path | str, kind: SourceKind) -> Source:
    """Parse and validate source ``text``; ``path`` is used for the stem and in errors."""
    if kind not in SOURCE_KINDS:
        raise ValueError(f"unknown source kind {kind!r}; expected one of {', '.join(SOURCE_KINDS)}")
    path = Path(path)
    try:
        notebook = jupytext.reads(text, fmt="py:percent")
    except Exception as error:  # jupytext raises assorted types on malformed headers
        raise SourceError(path, f"jupytext cannot read it as a percent file: {error}") from error

    cells = []
    for index, raw in enumerate(notebook.cells, start=1):
        metadata = raw.get("metadata", {})
        tags = metadata.get("tags", [])
        provisional = Cell(kind="code", source=raw.source, tags=(), index=index)
        if raw.cell_type not in ("markdown", "code"):
            raise SourceError(
                path,
                f"cell type {raw.cell_type!r} is not supported; expected markdown (with a language tag) or code",
                provisional,
            )
        if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
            raise SourceError(path, f"tags must be a list of strings, but received {tags!r}", provisional)
        slideshow = metadata.get("slideshow", {})
        if not isinstance(slideshow, dict):
            raise SourceError(path, f"slideshow metadata must be a mapping, but received {slideshow!r}", provisional)
        languages = [tag for tag in tags if tag in T.LANGUAGE_TAGS]
        cells.append(
            Cell(
                kind=raw.cell_type,
                source=raw.source,
                tags=tuple(tags),
                index=index,
                language=languages[0] if len(languages) == 1 else None,
                slideshow=dict(slideshow),
            )
        )

    source = Source(path=path, kind=kind, stem=path.stem, cells=tuple(cells))
    validate(source)
    return source


def validate(source: Source) -> None:
    """Raise :class:`SourceError` for the first rule ``source`` breaks."""
    for cell in source.cells:
        _check_tags(source, cell)
        if cell.kind == "markdown":
            _check_no_markers(source, cell)
        else:
            solution_regions(cell, source.path)
            if source.kind == "lesson" and any(_is_marker(line) for line in cell.source.splitlines()):
                raise SourceError(
                    source.path,
                    "a lesson has no solutions; move this exercise to the chapter's exercise source "
                    "or remove the solution markers",
                    cell,
                )
    _check_pairs(source)
    _check_shared_code(source)
    _check_set_language(source)


def _check_tags(source: Source, cell: Cell) -> None:
    for tag in cell.tags:
        if tag not in T.KNOWN_TAGS:
            raise SourceError(
                source.path,
                f"unknown tag {tag!r}; known tags are {', '.join(sorted(T.KNOWN_TAGS))}",
                cell,
            )
    slide_tags = [tag for tag in cell.tags if tag in T.SLIDE_TAGS]
    if len(slide_tags) > 1:
        raise SourceError(
            source.path, f"a cell has at most one slide tag, but this one has {', '.join(slide_tags)}", cell
        )
    languages = [tag for tag in cell.tags if tag in T.LANGUAGE_TAGS]
    if cell.kind == "markdown":
        if len(languages) != 1:
            raise SourceError(
                source.path,
                f"a markdown cell needs exactly one language tag ({' or '.join(T.LANGUAGE_TAGS)}), "
                f"but this one has {len(languages)}: tags={list(cell.tags)}",
                cell,
            )
        for tag in (T.HIDDEN, T.CHECK):
            if tag in cell.tags:
                raise SourceError(source.path, f"the tag {tag!r} belongs on code cells, not markdown", cell)
    elif len(languages) > 1:
        raise SourceError(
            source.path,
            f"a code cell is either shared by both languages (no language tag) or one of an en/sv "
            f"pair (one tag), but this one has {', '.join(languages)}",
            cell,
        )
    if source.kind == "lesson" and T.HIDDEN in cell.tags:
        raise SourceError(
            source.path,
            f"a lesson has no hidden cells (the tag {T.HIDDEN!r} is for exercise sources)",
            cell,
        )


def _check_pairs(source: Source) -> None:
    cells = source.cells
    for position, cell in enumerate(cells):
        if cell.language == T.EN:
            partner = cells[position + 1] if position + 1 < len(cells) else None
            if partner is None or partner.language != T.SV:
                raise SourceError(
                    source.path,
                    f"this {T.EN!r} cell must be immediately followed by its {T.SV!r} partner, but "
                    + ("it is the last cell" if partner is None else f"cell {partner.index} follows it"),
                    cell,
                )
            if partner.slide_tag != cell.slide_tag:
                raise SourceError(
                    source.path,
                    f"the {T.SV!r} partner must carry the same slide tag as its {T.EN!r} cell "
                    f"(cell {cell.index}): expected {cell.slide_tag!r}, but received {partner.slide_tag!r}",
                    partner,
                )
            if partner.kind != cell.kind:
                raise SourceError(
                    source.path,
                    f"the {T.SV!r} partner of a {cell.kind} cell (cell {cell.index}) must be a {cell.kind} "
                    f"cell too, but it is a {partner.kind} cell",
                    partner,
                )
            if cell.kind == "code":
                _check_code_twins(source, cell, partner)
        elif cell.language == T.SV:
            previous = cells[position - 1] if position > 0 else None
            if previous is None or previous.language != T.EN:
                raise SourceError(
                    source.path,
                    f"this {T.SV!r} cell has no {T.EN!r} partner immediately before it",
                    cell,
                )


def _other_tags(cell: Cell) -> list[str]:
    return sorted(tag for tag in cell.tags if tag not in T.LANGUAGE_TAGS)


def _check_code_twins(source: Source, en: Cell, sv: Cell) -> None:
    """An en/sv pair of code cells must be the same program apart from text for people."""
    if _other_tags(en) != _other_tags(sv):
        raise SourceError(
            source.path,
            f"the {T.SV!r} code cell must carry the same tags as its {T.EN!r} twin (cell {en.index}) "
            f"apart from the language: expected {_other_tags(en)}, but received {_other_tags(sv)}",
            sv,
        )
    en_regions = len(solution_regions(en, source.path))
    sv_regions = len(solution_regions(sv, source.path))
    if en_regions != sv_regions:
        raise SourceError(
            source.path,
            f"the {T.SV!r} code cell must have as many solution regions as its {T.EN!r} twin "
            f"(cell {en.index}): expected {en_regions}, but received {sv_regions}",
            sv,
        )
    try:
        en_shape, sv_shape = code_skeleton(en.source), code_skeleton(sv.source)
    except SyntaxError as error:
        raise SourceError(source.path, f"the code of an en/sv pair must be valid Python: {error}", en) from None
    if en_shape != sv_shape:
        raise SourceError(
            source.path,
            f"the {T.SV!r} code cell must be the same code as its {T.EN!r} twin (cell {en.index}); "
            f"only comments and strings may differ. First difference near: "
            f"{first_difference(en.source, sv.source)}",
            sv,
        )


def _check_shared_code(source: Source) -> None:
    for cell in source.cells:
        if cell.kind != "code" or cell.language is not None or T.HIDDEN in cell.tags:
            continue
        found = prose_in_code(cell.source)
        if found:
            raise SourceError(
                source.path,
                "a code cell shared by both languages must not contain text for people; write it as "
                f"an en/sv pair of code cells (tags [\"en\"] and [\"sv\"]). Found: {'; '.join(found[:3])}",
                cell,
            )


def _check_set_language(source: Source) -> None:
    code = [cell for cell in source.cells if cell.kind == "code"]
    if code and not SET_LANGUAGE_EN_RE.search(code[0].source):
        raise SourceError(
            source.path,
            f"the first code cell must call {T.SET_LANGUAGE_EN} (the builder writes "
            f"set_language(\"sv\") into the Swedish notebooks)",
            code[0],
        )


def _is_marker(line: str) -> bool:
    return bool(_MARKER_MENTION_RE.search(line))


def _check_no_markers(source: Source, cell: Cell) -> None:
    for number, line in enumerate(cell.source.splitlines(), start=1):
        if _is_marker(line):
            raise SourceError(
                source.path,
                f"line {number} of this markdown cell has a solution marker; solutions belong in code cells",
                cell,
            )


@dataclass(frozen=True)
class SolutionRegion:
    """Lines ``begin`` … ``end`` (0-based, both marker lines included) of a code cell."""

    begin: int
    end: int
    indent: str


def solution_regions(cell: Cell, path: Path | str = "<source>") -> tuple[SolutionRegion, ...]:
    """The solution regions of a code cell, checking that the markers are well formed.

    Raises
    ------
    SourceError
        For a misspelt, stray, nested or unclosed marker.
    """
    regions = []
    open_line: int | None = None
    for number, line in enumerate(cell.source.splitlines()):
        if not _is_marker(line):
            continue
        marker = line.strip()
        if marker not in (T.BEGIN_SOLUTION, T.END_SOLUTION):
            raise SourceError(
                path,
                f"line {number + 1} mentions a solution marker but is not one: expected a line that is "
                f"exactly {T.BEGIN_SOLUTION!r} or {T.END_SOLUTION!r} (indentation allowed), but received "
                f"{marker!r}",
                cell,
            )
        if marker == T.BEGIN_SOLUTION:
            if open_line is not None:
                raise SourceError(
                    path,
                    f"nested {T.BEGIN_SOLUTION!r} on line {number + 1}: the one on line {open_line + 1} "
                    f"is not closed yet",
                    cell,
                )
            open_line = number
        else:
            if open_line is None:
                raise SourceError(
                    path, f"stray {T.END_SOLUTION!r} on line {number + 1} without a {T.BEGIN_SOLUTION!r}", cell
                )
            begin_line = cell.source.splitlines()[open_line]
            indent = begin_line[: len(begin_line) - len(begin_line.lstrip())]
            regions.append(SolutionRegion(begin=open_line, end=number, indent=indent))
            open_line = None
    if open_line is not None:
        raise SourceError(
            path,
            f"unbalanced markers: {T.BEGIN_SOLUTION!r} on line {open_line + 1} has no {T.END_SOLUTION!r}",
            cell,
        )
    return tuple(regions)
