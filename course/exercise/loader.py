"""Loading an exercise: run its source with the solutions to get the questions and the reference."""

from __future__ import annotations

import contextlib
import contextvars
import copy
import io
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from course import tags as T
from course.exercise.cells import read_cells
from course.exercise.spec import Question, SpecError, Test
from course.i18n import get_language, set_language

EXERCISES_DIR = Path(__file__).resolve().parent.parent / "content" / "exercises"


def float_guard(strict: bool):
    """A context in which numpy's floating-point warnings raise, when ``strict``."""
    if not strict:
        return contextlib.nullcontext()
    return np.errstate(over="raise", invalid="raise", divide="raise")


def exercise_path(exercise: str | Path) -> Path:
    """The source of an exercise given its stem (``"00_welcome"``) or a path to a ``.py`` file."""
    path = Path(exercise)
    if path.suffix == ".py" or path.is_file():
        if not path.is_file():
            raise FileNotFoundError(f"no exercise source at {path}")
        return path
    candidate = EXERCISES_DIR / f"{exercise}.py"
    if not candidate.is_file():
        available = ", ".join(sorted(p.stem for p in EXERCISES_DIR.glob("[0-9]*.py"))) or "none yet"
        raise FileNotFoundError(f"unknown exercise {str(exercise)!r}; expected one of: {available}")
    return candidate


# Set while a reference solution runs (a context variable, so it belongs to the code that
# set it and is undone by the token it returned, even when loads nest or a cell raises).
_REFERENCE_RUNNING: contextvars.ContextVar[bool] = contextvars.ContextVar("reference_running", default=False)


def is_loading() -> bool:
    """True while a reference solution runs; ``check()`` calls in the source do nothing then."""
    return _REFERENCE_RUNNING.get()


@contextlib.contextmanager
def running_reference() -> Iterator[None]:
    """The context in which a reference solution runs: :func:`is_loading` is True inside it."""
    token = _REFERENCE_RUNNING.set(True)
    try:
        yield
    finally:
        _REFERENCE_RUNNING.reset(token)


@contextlib.contextmanager
def _quietly() -> Iterator[None]:
    """Run the reference solution without showing its output, figures or language change."""
    language = get_language()
    figures_before = _figure_numbers()
    shell = None
    if "IPython" in sys.modules:
        try:
            from IPython import get_ipython

            shell = get_ipython()
        except Exception:
            shell = None
    try:
        if shell is not None:
            from IPython.utils.capture import capture_output

            with capture_output(display=True), running_reference():
                yield
        else:
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()), \
                    running_reference():
                yield
    finally:
        set_language(language)
        _close_new_figures(figures_before)


def _figure_numbers() -> set[int]:
    pyplot = sys.modules.get("matplotlib.pyplot")
    return set(pyplot.get_fignums()) if pyplot is not None else set()


def _close_new_figures(before: set[int]) -> None:
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:
        for number in set(pyplot.get_fignums()) - before:
            pyplot.close(number)


@dataclass(eq=False)
class Exercise:
    """An exercise with its reference solution loaded.

    Attributes
    ----------
    stem : str
    path : Path
        The source file.
    questions : tuple of Question
    namespace : dict
        The globals of the reference solution after running the source.
    cache : dict
        Values worked out once per loaded exercise (e.g. the misconceptions' outcomes).
    """

    stem: str
    path: Path
    questions: tuple[Question, ...]
    namespace: dict = field(repr=False)
    cache: dict = field(default_factory=dict, repr=False)

    def question(self, question_id: str) -> Question:
        for question in self.questions:
            if question.id == question_id:
                return question
        valid = ", ".join(repr(q.id) for q in self.questions)
        raise ValueError(f"exercise {self.stem} has no question {question_id!r}; expected one of {valid}")

    @property
    def max_points(self) -> float:
        return sum(q.points for q in self.questions)

    def expected(self, test: Test) -> Any:
        """The reference solution's answer for one test.

        Raises
        ------
        SpecError
            When the reference solution fails on the test's input.
        """
        question = test.question
        reference = self.namespace[question.name]
        if test.case is None:
            return reference
        # Worked out once (a reference may train a network); a copy each time, so no caller can change it.
        key = ("expected", question.id, test.index)
        if key not in self.cache:
            args, kwargs = copy.deepcopy((test.case.args, dict(test.case.kwargs)))
            try:
                with _quietly():
                    self.cache[key] = reference(*args, **kwargs)
            except Exception as error:
                raise SpecError(
                    f"{self.path}: the reference solution {test.call_text()} of question {question.id} raised "
                    f"{type(error).__name__}: {error}"
                ) from error
        return copy.deepcopy(self.cache[key])


def load_exercise(exercise: str | Path) -> Exercise:
    """Run an exercise source with its solutions and return its questions and reference.

    Markdown cells, cells tagged ``check`` and the Swedish twins of en/sv code-cell pairs
    are skipped; every other code cell (the
    ``hidden`` spec cell too) runs in order in one fresh namespace, with output hidden.
    The notebook language is left as it was.

    Raises
    ------
    SpecError
        When a cell fails, ``QUESTIONS`` is missing or malformed, or a question names a
        function or variable the solution does not define.
    """
    path = exercise_path(exercise)
    namespace: dict[str, Any] = {"__name__": f"__exercise_{path.stem}__", "__file__": str(path)}
    with _quietly():
        for cell in read_cells(path):
            # A Swedish twin is the same program as its English cell (the builder checks it).
            if cell.kind != "code" or T.CHECK in cell.tags or T.SV in cell.tags:
                continue
            code_text = "\n".join(line for line in cell.source.splitlines()
                                  if line.strip() not in (T.BEGIN_SOLUTION, T.END_SOLUTION))
            try:
                exec(compile(code_text, f"{path}:cell {cell.index}", "exec"), namespace)
            except Exception as error:
                raise SpecError(f"{path}, cell {cell.index}: the solution raised {type(error).__name__}: {error}") from error
    questions = namespace.get("QUESTIONS")
    if not isinstance(questions, (list, tuple)) or not questions or not all(isinstance(q, Question) for q in questions):
        raise SpecError(f"{path}: expected a cell tagged {T.HIDDEN!r} that sets QUESTIONS to a list of Question(...), "
                        f"but received {type(questions).__name__}")
    ids = [q.id for q in questions]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise SpecError(f"{path}: question ids must be unique, but {', '.join(duplicates)} appear more than once")
    for question in questions:
        if question.name not in namespace:
            raise SpecError(f"{path}: question {question.id} names {question.name!r}, which the solution does not define")
        if question.function is not None and not callable(namespace[question.name]):
            raise SpecError(f"{path}: question {question.id} names the function {question.name!r}, but the solution "
                            f"defines it as {type(namespace[question.name]).__name__}")
    return Exercise(stem=path.stem, path=path, questions=tuple(questions), namespace=namespace)
