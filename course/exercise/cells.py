"""A reader for exercise sources (jupytext percent files) that does not import jupytext."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from course.exercise.spec import SpecError


@dataclass(frozen=True)
class SourceCell:
    """A cell of an exercise source: ``kind`` is "code" or "markdown"; ``index`` is 1-based."""

    kind: str
    source: str
    tags: tuple[str, ...]
    index: int


_MARKER_RE = re.compile(r"^# %%(?P<rest>.*)$")
_TAGS_RE = re.compile(r"\btags=(\[[^\]]*\])")


def read_cells(path: Path | str) -> list[SourceCell]:
    """The cells of a jupytext percent source, without importing jupytext.

    The checker runs in the student's kernel, where importing jupytext (and with it
    nbformat and jsonschema) would take seconds; exercise sources only use the plain
    ``# %%`` markers with optional ``[markdown]`` and ``tags=[...]``, which this reads
    the same way jupytext does (a test keeps the two in agreement).
    """
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    cells: list[SourceCell] = []
    current: dict | None = None
    body: list[str] = []

    def finish() -> None:
        if current is None:
            return
        while body and not body[-1].strip():
            body.pop()
        text_lines = body
        if current["kind"] == "markdown":
            text_lines = [line[2:] if line.startswith("# ") else line[1:] if line.startswith("#") else line for line in body]
        cells.append(SourceCell(current["kind"], "\n".join(text_lines), current["tags"], len(cells) + 1))

    for line in lines:
        match = _MARKER_RE.match(line)
        if match and (not match["rest"] or match["rest"][0] == " "):
            finish()
            rest = match["rest"].strip()
            kind = "markdown" if rest.startswith(("[markdown]", "[md]")) else "code"
            tags_match = _TAGS_RE.search(rest)
            try:
                tags = tuple(json.loads(tags_match[1])) if tags_match else ()
            except json.JSONDecodeError as error:
                raise SpecError(f"{path}: cannot read the tags in {line!r}: {error}") from None
            current, body = {"kind": kind, "tags": tags}, []
        elif current is not None:
            body.append(line)
    finish()
    return cells

