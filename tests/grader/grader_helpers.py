"""Small notebooks for the grader tests, and the built student/solution versions of exercise 00.

The student and solution notebooks come from the real builder (course.build) when it is
importable; otherwise from a local stand-in that does the same marker replacement, so
these tests never depend on the builder's progress.
"""

from __future__ import annotations

import json
from pathlib import Path

from course.exercise import EXERCISES_DIR
from course.grader.sandbox import Limits

SOURCE_00 = EXERCISES_DIR / "00_welcome.py"

SETUP = (
    "from course import set_language\n"
    "from course.checker import check_for\n"
    'set_language("en")\n'
    'check = check_for("00_welcome")\n'
    "import numpy as np"
)
DOT = "def dot(a, b):\n    return float(np.sum(a * b))"
INDEX = "index_w23 = (1, 2)"
SUMS = "def weighted_sums(W, a):\n    return W @ a"
SHAPES = "def weight_shapes(sizes):\n    return [(sizes[i], sizes[i - 1]) for i in range(1, len(sizes))]"
CORRECT = [SETUP, DOT, INDEX, SUMS, SHAPES]


def notebook(cells, *, language: str | None = "en", student_id: str | None = None, minor: int = 5,
             list_sources: bool = False, ids: bool = True, metadata: bool = True) -> dict:
    """A notebook dict; a cell is a code string or a ``(cell_type, source)`` pair."""
    out = []
    for number, cell in enumerate(cells):
        kind, source = ("code", cell) if isinstance(cell, str) else cell
        text = source.splitlines(keepends=True) if list_sources else source
        entry: dict = {"cell_type": kind, "source": text}
        if metadata:
            entry["metadata"] = {}
        if ids:
            entry["id"] = f"cell-{number}"
        if kind == "code":
            entry.update(execution_count=None, outputs=[])
        out.append(entry)
    nb: dict = {"nbformat": 4, "nbformat_minor": minor, "cells": out}
    if metadata:
        course = {"language": language} if language else {}
        if student_id is not None:
            course["student_id"] = student_id
        nb["metadata"] = {"nncourse": course} if course else {}
    return nb


def notebook_bytes(cells, **options) -> bytes:
    return json.dumps(notebook(cells, **options), ensure_ascii=False).encode("utf-8")


def _local_build(variant: str, lang: str) -> dict:
    """Stand-in for course.build: the same transforms on the source's cells."""
    import jupytext

    source = jupytext.read(SOURCE_00, fmt="py:percent")
    cells = []
    for cell in source.cells:
        tags = cell.metadata.get("tags", [])
        if cell.cell_type == "markdown" and lang not in tags:
            continue
        text = cell.source
        if cell.cell_type == "code":
            lines, out, inside = text.splitlines(), [], False
            for line in lines:
                if line.strip() == "# BEGIN SOLUTION":
                    inside = True
                    if variant == "student":
                        indent = line[: len(line) - len(line.lstrip())]
                        out += [f"{indent}# Your code here", f'{indent}raise NotImplementedError("Not answered yet")']
                elif line.strip() == "# END SOLUTION":
                    inside = False
                elif not (inside and variant == "student"):
                    out.append(line)
            text = "\n".join(out).replace('set_language("en")', f'set_language("{lang}")')
        cells.append({"cell_type": cell.cell_type, "metadata": {"tags": tags}, "source": text,
                      **({"outputs": [], "execution_count": None} if cell.cell_type == "code" else {})})
    return {"nbformat": 4, "nbformat_minor": 5, "metadata": {"nncourse": {"language": lang}}, "cells": cells}


def built_exercise(variant: str, lang: str = "en") -> tuple[dict, str]:
    """Exercise 00 as a student would hand it in: ``variant`` "student" (stubs) or "solution".

    Hidden cells are removed from both, as from every notebook a student receives.
    Returns the notebook and which builder made it ("course.build" or "local").
    """
    try:
        import nbformat

        from course.build import build_notebook
        from course.source import parse_source
    except ImportError:
        nb, how = _local_build(variant, lang), "local"
    else:
        nb = json.loads(nbformat.writes(build_notebook(parse_source(SOURCE_00), lang, variant)))
        how = "course.build"
    nb["cells"] = [c for c in nb["cells"] if "hidden" not in c.get("metadata", {}).get("tags", [])]
    return nb, how


def code_of(nb: dict) -> list[str]:
    return ["".join(c["source"]) if isinstance(c["source"], list) else c["source"]
            for c in nb["cells"] if c["cell_type"] == "code"]


def replace_answers(nb: dict, answers: dict[int, str]) -> dict:
    """A copy of a student notebook with some answer cells (0-based) replaced.

    Answer cells are the code cells whose stub raises NotImplementedError; in exercise 00
    they hold, in order, dot, index_w23, weighted_sums and weight_shapes.
    """
    nb = json.loads(json.dumps(nb))
    cells = [cell for cell in nb["cells"] if cell["cell_type"] == "code"
             and "NotImplementedError" in ("".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"])]
    for number, source in answers.items():
        cells[number]["source"] = source
    return nb


def write(path: Path, data: bytes | dict) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else json.dumps(data).encode("utf-8"))
    return path


# Short limits keep the suite fast; a cell or test gets a quarter of the timeout.
# (Here, not in conftest.py: tests/conftest.py owns the module name "conftest".)
TEST_LIMITS = Limits(timeout=4.0, memory_mb=256)
