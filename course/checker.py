"""The student's instant check: ``check("q1")`` under an answer runs its public tests.

The first code cell of an exercise notebook makes the check function::

    from course import set_language
    from course.checker import check_for
    set_language("en")
    check = check_for("00_welcome")

``check("q1")`` loads the exercise's questions and reference solution from the installed
source ``course/content/exercises/00_welcome.py`` (once per kernel; again when the file
changes), calls the student's function from the notebook on the *public* cases, and
shows in the notebook's language which tests pass and, for a failing one, what was
expected and what was received. A stub that still raises ``NotImplementedError`` reads
"not answered yet"; any other exception is shown as a failing test with its type and
message, never as a traceback.

The check runs in the student's own kernel and is not a security boundary: the
sources ship with the package. The teacher's grader (:mod:`course.grader`) is.
"""

from __future__ import annotations

import copy
import html
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from course.exercise import (
    Behaviour, Exercise, Message, Question, exercise_path, float_guard, is_loading, load_exercise, raised, recognise,
)
from course.grader.codec import EncodeError, roundtrip
from course.i18n import get_language

# Okabe & Ito colours, as in course.plots (not imported: it would import matplotlib).
GREEN = "#009E73"
RED = "#D55E00"
AMBER = "#E69F00"

_CACHE: dict[Path, tuple[int, Exercise]] = {}


def exercise_for(exercise: str | Path) -> Exercise:
    """The loaded exercise, cached per kernel until its source file changes."""
    path = exercise_path(exercise).resolve()
    stamp = path.stat().st_mtime_ns
    cached = _CACHE.get(path)
    if cached is None or cached[0] != stamp:
        _CACHE[path] = (stamp, load_exercise(path))
    return _CACHE[path][1]


@dataclass(frozen=True)
class CaseCheck:
    """One public test: its label, the call as code, and what was wrong (None: passed)."""

    label: Message
    call: str
    passed: bool
    message: Message | None = None


@dataclass(frozen=True)
class CheckResult:
    """The outcome of ``check(question_id)``.

    ``status`` is "passed", "failed", "not_answered", "missing", "not_callable" or
    "no_public". ``text()`` and ``html()`` render it in a language (default: the
    notebook's); Jupyter shows the HTML, a terminal the text.
    """

    question_id: str
    name: str
    kind: str
    status: str
    cases: tuple[CaseCheck, ...] = ()
    hint: Mapping[str, str] | None = None
    has_hidden: bool = False
    detail: str = ""
    causes: tuple[Message, ...] = ()

    @property
    def passed(self) -> bool:
        return self.status == "passed"

    def summary(self, lang: str | None = None) -> str:
        fields = {"qid": self.question_id, "name": self.name}
        if self.status in ("not_answered", "missing", "not_callable", "no_public"):
            key = {
                "not_answered": f"checker.not_answered_{self.kind}",
                "missing": "checker.missing_function",
                "not_callable": "checker.not_callable",
                "no_public": "checker.no_public",
            }[self.status]
            if self.status == "not_callable":
                fields["type"] = self.detail
            return Message.of(key, **fields).render(lang)
        if self.kind == "variable":
            key = "checker.summary_value_ok" if self.passed else "checker.summary_value_wrong"
            return Message.of(key, **fields).render(lang)
        total = len(self.cases)
        passed = sum(c.passed for c in self.cases)
        if total == 1:
            key = "checker.summary_one" if passed else "checker.summary_one_failed"
        else:
            key = "checker.summary_all" if passed == total else "checker.summary_some"
        return Message.of(key, passed=passed, total=total, **fields).render(lang)

    def _mark(self) -> tuple[str, str]:
        if self.status == "passed":
            return "✔", GREEN
        if self.status == "failed":
            return "✘", RED
        return "○", AMBER

    def _notes(self, lang: str | None) -> list[str]:
        notes = [cause.render(lang) for cause in self.causes] if self.status == "failed" else []
        if self.status == "failed" and self.hint:
            notes.append(Message.of("checker.hint", hint=self.hint[lang or get_language()]).render(lang))
        if self.has_hidden and self.status in ("passed", "failed"):
            notes.append(Message.of("checker.hidden_note").render(lang))
        return notes

    def text(self, lang: str | None = None) -> str:
        """Plain text, for terminals and as the fallback in Jupyter."""
        mark, _ = self._mark()
        lines = [f"{mark} {self.summary(lang)}"]
        for item in self.cases if self.kind == "function" else ():
            lines.append(f"  {'✔' if item.passed else '✘'} {item.label.render(lang)}: {item.call}")
            if item.message is not None:
                lines += [f"      {line}" for line in item.message.render(lang).splitlines()]
        if self.kind == "variable" and self.cases and self.cases[0].message is not None:
            lines += [f"  {line}" for line in self.cases[0].message.render(lang).splitlines()]
        lines += [f"  {note}" for note in self._notes(lang)]
        return "\n".join(lines)

    def html(self, lang: str | None = None) -> str:
        """HTML with green ✔ and red ✘ marks, for Jupyter."""
        mark, colour = self._mark()
        esc = html.escape
        parts = [
            f'<div class="nncourse-check" style="border-left: 4px solid {colour}; padding: 0.3em 0.8em; '
            f'margin: 0.3em 0; line-height: 1.45;">',
            f'<div><span style="color: {colour}; font-weight: bold;">{mark}</span> '
            f"<b>{esc(self.summary(lang))}</b></div>",
        ]
        shown = self.cases if self.kind == "function" else ()
        if shown:
            parts.append('<ul style="list-style: none; padding-left: 0.6em; margin: 0.3em 0;">')
            for item in shown:
                item_mark, item_colour = ("✔", GREEN) if item.passed else ("✘", RED)
                parts.append(
                    f'<li><span style="color: {item_colour}; font-weight: bold;">{item_mark}</span> '
                    f"{esc(item.label.render(lang))}: <code>{esc(item.call)}</code>"
                )
                if item.message is not None:
                    parts.append(_html_message(item.message.render(lang)))
                parts.append("</li>")
            parts.append("</ul>")
        if self.kind == "variable" and self.cases and self.cases[0].message is not None:
            parts.append(_html_message(self.cases[0].message.render(lang)))
        for note in self._notes(lang):
            parts.append(f'<div style="margin-top: 0.3em;">{esc(note)}</div>')
        parts.append("</div>")
        return "".join(parts)

    def _repr_html_(self) -> str:
        return self.html()

    def __repr__(self) -> str:
        return self.text()


def _html_message(text: str) -> str:
    return (
        '<pre style="margin: 0.2em 0 0.2em 1.6em; padding: 0; background: none; white-space: pre-wrap;">'
        f"{html.escape(text)}</pre>"
    )


def _judge(question: Question, expected: Any, received: Any) -> tuple[Message | None, Behaviour]:
    """What is wrong with ``received`` (None: nothing), and its behaviour, for recognising a mistake."""
    # The same round trip the grader's answers take, so check() and the grader agree on types.
    try:
        received = roundtrip(received)
    except EncodeError as error:
        return Message.of(f"checker.unsupported_{error.kind}", detail=error.detail), Behaviour(error="EncodeError")
    return question.judge(expected, received), Behaviour(value=received)


def _raised(error: BaseException) -> Message:
    try:
        text = str(error)
    except Exception:
        text = ""
    text = " ".join(text.split())
    if len(text) > 300:
        text = text[:299] + "…"
    return raised(type(error).__name__, text)


def run_check(exercise: str | Path | Exercise, question_id: str, namespace: Mapping[str, Any]) -> CheckResult:
    """Run the public tests of one question against the names in ``namespace``.

    Parameters
    ----------
    exercise : str, path or Exercise
        The exercise stem (e.g. ``"00_welcome"``), a path to its source, or a loaded one.
    question_id : str
        E.g. ``"q1"``.
    namespace : mapping
        The student's globals (the notebook's namespace).

    Raises
    ------
    ValueError
        When the exercise has no question ``question_id``.
    """
    loaded = exercise if isinstance(exercise, Exercise) else exercise_for(exercise)
    question = loaded.question(question_id)
    base = {"question_id": question.id, "name": question.name, "kind": question.kind,
            "hint": question.hint, "has_hidden": bool(question.hidden)}
    if question.variable is not None:
        if question.name not in namespace:
            return CheckResult(status="not_answered", **base)
        test = question.tests()[0]
        expected, value = loaded.expected(test), namespace[question.name]
        problem, behaviour = _judge(question, expected, value)
        # The expected value of a variable is the answer itself, so it is never shown.
        problem = problem.without_expected() if problem is not None else None
        item = CaseCheck(test.label(), question.name, problem is None, problem)
        causes = _causes(loaded, question, [test], [expected], [behaviour]) if problem else ()
        return CheckResult(status="passed" if problem is None else "failed", cases=(item,), causes=causes, **base)

    function = namespace.get(question.name)
    if question.name not in namespace:
        return CheckResult(status="missing", **base)
    if not callable(function):
        return CheckResult(status="not_callable", detail=type(function).__name__, **base)
    tests = [test for test in question.tests() if test.public]
    if not tests:
        return CheckResult(status="no_public", **base)
    items, expected, behaviours = [], [], []
    for test in tests:
        case = test.case
        args, kwargs = copy.deepcopy((case.args, dict(case.kwargs))) if case is not None else ((), {})
        label = test.shown_label(Message.of("checker.label_test", number=test.number))
        expected.append(loaded.expected(test))
        try:
            with float_guard(question.float_errors):
                received = function(*args, **kwargs)
        except NotImplementedError:
            return CheckResult(status="not_answered", **base)
        except (Exception, SystemExit) as error:
            items.append(CaseCheck(label, test.call_text(), False, _raised(error)))
            behaviours.append(Behaviour(error=type(error).__name__))
            continue
        problem, behaviour = _judge(question, expected[-1], received)
        items.append(CaseCheck(label, test.call_text(), problem is None, problem))
        behaviours.append(behaviour)
    status = "passed" if all(item.passed for item in items) else "failed"
    causes = _causes(loaded, question, tests, expected, behaviours) if status == "failed" else ()
    return CheckResult(status=status, cases=tuple(items), causes=causes, **base)


def _causes(exercise: Exercise, question: Question, tests: list, expected: list,
            behaviours: list[Behaviour | None]) -> tuple[Message, ...]:
    """The likely causes of a failed check: the known mistakes the answer behaves like."""
    return tuple(item.note() for item in recognise(exercise, question, tests, expected, behaviours))


def show(result: CheckResult) -> None:
    """Display ``result``: rich HTML in Jupyter, plain text elsewhere."""
    shell = None
    if "IPython" in sys.modules:
        try:
            from IPython import get_ipython

            shell = get_ipython()
        except Exception:
            shell = None
    if shell is not None:
        from IPython.display import display

        display(result)
    else:
        print(result.text())


class Checker:
    """The ``check`` function of one exercise; see :func:`check_for`."""

    def __init__(self, exercise: str | Path) -> None:
        self.exercise = exercise

    def __call__(self, question_id: str) -> None:
        # Inside the reference run of the source itself a check does nothing.
        if is_loading():
            return None
        namespace = sys._getframe(1).f_globals
        show(run_check(self.exercise, question_id, namespace))
        return None

    def __repr__(self) -> str:
        return f"<check for exercise {Path(str(self.exercise)).stem}: call check('q1') under your answer>"


def check_for(exercise: str | Path) -> Checker:
    """The check function of an exercise: ``check = check_for("00_welcome")``.

    ``check("q1")`` then runs question q1's public tests on the notebook's names and
    shows the result; it returns None so that Jupyter does not show it twice.
    """
    return Checker(exercise)
