"""Reading a submitted notebook leniently, and the code of it the sandbox runs.

Any nbformat 4.x or 3 is read, with source as a string or a list of lines and missing ids
or metadata, within limits on its size and number of cells. IPython magics and shell
lines are dropped or turned into code the sandbox can run (:func:`strip_magics`), in
time linear in the text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from course.code_text import first_line
from course.exercise import Message
from course.i18n import LANGUAGES

MAX_NOTEBOOK_BYTES = 32 * 1024 * 1024
MAX_CELLS = 5_000
# Cell magics whose body is still Python (the magic line is dropped, the body runs once).
PYTHON_CELL_MAGICS = ("time", "timeit", "capture", "prun")
_HELP_LINE = re.compile(r"^[\w.\[\]'\"()]+\?\??$")


@dataclass(frozen=True)
class NotebookCell:
    """A cell of a submission: ``index`` is its 0-based place in the notebook.

    ``defines`` are the names of questions the cell's text defines (``def NAME`` or
    ``NAME =`` at the start of a line), so that feedback can tell a question that is
    missing because its cell raised (see :func:`defined_names`).
    """

    index: int
    kind: str
    source: str
    defines: tuple[str, ...] = ()

    @property
    def first_line(self) -> str:
        return first_line(self.source)


@dataclass(frozen=True)
class ParsedNotebook:
    """What the grader needs from a notebook file."""

    cells: tuple[NotebookCell, ...]
    language: str
    student_id: str | None

    @property
    def code_cells(self) -> tuple[NotebookCell, ...]:
        return tuple(cell for cell in self.cells if cell.kind == "code")


class NotebookError(ValueError):
    """A file that cannot be graded as a notebook; ``reason`` says why, in both languages."""

    def __init__(self, reason: Message) -> None:
        self.reason = reason
        super().__init__(reason.render("en"))


def _source_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(item for item in value if isinstance(item, str))
    return ""


def parse_notebook(data: bytes) -> ParsedNotebook:
    """Read a notebook leniently: only the cells' types and sources and a little metadata.

    nbformat 4.0–4.5 and 3 (``worksheets``), sources as strings or lists of lines,
    missing ids and metadata are all fine; nothing is validated beyond that. At most
    :data:`MAX_CELLS` cells.

    Raises
    ------
    NotebookError
        For an empty file, one that is not UTF-8 JSON, JSON that is not a notebook, or
        too many cells.
    """
    if not data.strip():
        raise NotebookError(Message.of("grader.empty_file"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise NotebookError(Message.of("grader.not_utf8")) from None
    try:
        notebook = json.loads(text)
    except json.JSONDecodeError as error:
        raise NotebookError(Message.of("grader.invalid_json", error=f"line {error.lineno}, column {error.colno}: {error.msg}")) from None
    except (ValueError, RecursionError) as error:
        raise NotebookError(Message.of("grader.invalid_json", error=type(error).__name__)) from None
    if not isinstance(notebook, dict):
        raise NotebookError(Message.of("grader.not_notebook"))
    raw_cells = notebook.get("cells")
    if raw_cells is None and isinstance(notebook.get("worksheets"), list):
        raw_cells = [cell for sheet in notebook["worksheets"] if isinstance(sheet, dict)
                     for cell in (sheet.get("cells") if isinstance(sheet.get("cells"), list) else [])]
    if not isinstance(raw_cells, list):
        raise NotebookError(Message.of("grader.not_notebook"))
    if len(raw_cells) > MAX_CELLS:
        raise NotebookError(Message.of("grader.too_many_cells", count=len(raw_cells), limit=MAX_CELLS))
    cells = []
    for index, raw in enumerate(raw_cells):
        if not isinstance(raw, dict):
            continue
        kind = raw.get("cell_type")
        source = raw.get("source", raw.get("input", ""))
        cells.append(NotebookCell(index, kind if isinstance(kind, str) else "", _source_text(source)))
    metadata = notebook.get("metadata")
    course_metadata = metadata.get("nncourse") if isinstance(metadata, dict) else None
    if not isinstance(course_metadata, dict):
        course_metadata = {}
    language = course_metadata.get("language")
    student_id = course_metadata.get("student_id")
    return ParsedNotebook(
        cells=tuple(cells),
        language=language if language in LANGUAGES else "en",
        student_id=student_id if isinstance(student_id, str) else None,
    )


def _is_shell_assignment(stripped: str) -> bool:
    """``files = !ls`` or ``x, y = %who_ls``: names, then ``=``, then ``!`` or ``%``.

    Plain string methods, linear in the line's length (a regular expression with
    overlapping repeats took hours on a line of a million blanks).
    """
    left, equals, right = stripped.partition("=")
    if not equals or not left or not right.lstrip().startswith(("!", "%")):
        return False
    return all(char.isalnum() or char in "_., \t" for char in left)


def strip_magics(source: str) -> str | None:
    """The cell without IPython magics and shell lines, for when it is not plain Python.

    Returns None when nothing would change, and "" for a cell magic whose body is not
    Python (``%%bash``, ``%%html`` …), which is skipped. The worker uses this version
    only if the original does not compile.
    """
    lines = source.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is not None and lines[first].lstrip().startswith("%%"):
        magic = lines[first].lstrip()[2:].split(maxsplit=1)
        if not magic or magic[0] not in PYTHON_CELL_MAGICS:
            return ""
        lines = lines[first + 1 :]
    out, changed = [], False
    for line in lines:
        stripped = line.strip()
        if stripped.startswith(("%", "!")) or (stripped.startswith("?") and len(stripped) > 1) or \
                _HELP_LINE.match(stripped) or _is_shell_assignment(stripped):
            out.append(line[: len(line) - len(line.lstrip())] + "pass")
            changed = True
        else:
            out.append(line)
    if not changed and len(out) == len(source.splitlines()):
        return None
    return "\n".join(out)
