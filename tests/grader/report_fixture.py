"""A deterministic GradeResult for the golden files of the grader's outputs.

Six submissions of ``tests/golden/grader/golden_grading.py`` in the file names a Canvas
download gives (``sortablename_USERID_FILEID_name.ipynb``), scored by the grader's own
:func:`course.grader.grade.score` from the messages a worker would send, so no process
runs and nothing depends on time: the run's duration is injected (``seconds``).

- anna (en): everything right;
- bertil (sv): q1 without the bias (a known misconception), q3 wrong;
- cecilia (en): a syntax error in the cell that defines q1; q2 is |z| (a misconception);
- david (sv): stopped at the time limit after two tests of q1;
- erik (en): not a notebook (invalid);
- filippa (en): killed for memory after q1.
"""

from __future__ import annotations

import signal
from pathlib import Path

import numpy as np

from course.exercise import Message, load_exercise
from course.grader.grade import (
    GradeResult, NotebookCell, ParsedNotebook, Skipped, _slim, defined_names, expected_values, invalid_result, score,
)
from course.grader.sandbox import Limits, Outcome

GOLDEN_GRADER = Path(__file__).resolve().parents[1] / "golden" / "grader"
SOURCE = GOLDEN_GRADER / "golden_grading.py"
LIMITS = Limits(timeout=60.0, memory_mb=1024)
SECONDS = 83.4

SETUP = "from course import set_language\nset_language('en')\nimport numpy as np"
DENSE = "def dense_forward(X, W, b):\n    return X @ W.T + b"
DENSE_NO_BIAS = "def dense_forward(X, W, b):\n    return X @ W.T"
DENSE_SYNTAX_ERROR = "# the forward pass\ndef dense_forward(X, W, b)\n    return X @ W.T + b"
RELU = "def relu(z):\n    return np.maximum(z, 0)"
RELU_ABS = "def relu(z):\n    return np.abs(z)"


def dense(X, W, b):
    return X @ W.T + b


def relu(z):
    return np.maximum(z, 0.0)


def _file(name: str, user: int) -> tuple[str, str]:
    """(student id, file) of a Canvas download entry."""
    stem = f"{name}_{user}_{9000 + user}_golden_grading"
    return stem, f"submissions.zip/{stem}.ipynb"


def _frames(question, answer, tests=None) -> list[dict]:
    """The messages a worker sends for ``question`` answered by ``answer`` (a function or a value)."""
    out = []
    for test in question.tests() if tests is None else tests:
        if question.variable is not None:
            out.append({"q": question.id, "case": test.index, "status": "value", "value": answer})
            continue
        try:
            value = answer(*test.case.args, **dict(test.case.kwargs))
        except Exception as error:  # noqa: BLE001 - a student's answer may raise anything
            out.append({"q": question.id, "case": test.index, "status": "error",
                        "error": [type(error).__name__, str(error)]})
        else:
            out.append({"q": question.id, "case": test.index, "status": "value", "value": value})
    return out


def fixture_result(seconds: float | None = SECONDS) -> GradeResult:
    exercise = load_exercise(SOURCE)
    expected = expected_values(exercise)
    names = defined_names(q.name for q in exercise.questions)
    q1, q2, q3 = exercise.questions

    def notebook(cells: list[str], language: str) -> ParsedNotebook:
        parsed = ParsedNotebook(tuple(NotebookCell(i, "code", text) for i, text in enumerate(cells)), language, None)
        return _slim(parsed, names)

    def graded(name, user, language, cells, messages, status="done", sig=None):
        student, file = _file(name, user)
        outcome = Outcome(key=0, messages=messages, status=status, signal=sig)
        return score(exercise, expected, notebook(cells, language), outcome, LIMITS, student, file)

    def without_bias(X, W, b):
        return X @ W.T

    submissions = [
        graded("berganna", 101, "en", [SETUP, DENSE, RELU, "n_params = 8"],
               _frames(q1, dense) + _frames(q2, relu) + _frames(q3, 8) + [{"done": True}]),
        graded("bergbertil", 102, "sv", [SETUP, DENSE_NO_BIAS, RELU, "n_params = 6"],
               _frames(q1, without_bias) + _frames(q2, relu) + _frames(q3, 6) + [{"done": True}]),
        graded("carlssoncecilia", 103, "en", [SETUP, DENSE_SYNTAX_ERROR, RELU_ABS, "n_params = 8"],
               [{"cell": 1, "error": ["SyntaxError", "expected ':' (cell 2, line 2)"]},
                {"q": "q1", "status": "missing"}] + _frames(q2, np.abs) + _frames(q3, 8) + [{"done": True}]),
        graded("dahldavid", 104, "sv", [SETUP, DENSE, "while True:\n    pass", RELU, "n_params = 8"],
               _frames(q1, dense, q1.tests()[:2]), status="timeout"),
        graded("lindfilippa", 106, "en", [SETUP, DENSE, "big = [0] * 10**12", RELU, "n_params = 8"],
               _frames(q1, dense), status="crashed", sig=signal.SIGKILL),
    ]
    erik, erik_file = _file("ekerik", 105)
    submissions.append(invalid_result(exercise, erik, erik_file, "en",
                                Message.of("grader.invalid_json", error="line 1, column 1: Expecting value")))
    skipped = (Skipped("submissions.zip/__notes.txt", Message.of("grader.not_ipynb")),)
    warnings = (Message.of("grader.metadata_id", file=_file("bergbertil", 102)[1], claimed="anna",
                           student=_file("bergbertil", 102)[0]),)
    ordered = tuple(sorted(submissions, key=lambda s: (s.student.casefold(), s.student, s.file)))
    return GradeResult(exercise, LIMITS, ordered, skipped, warnings, "bwrap", seconds=seconds)
