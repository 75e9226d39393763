"""Scoring one submission from the plain data its sandbox sent back, in the grader's process.

Each test's frame is checked before use and compared with the reference's value; the
points of a question are shared between its tests by their weights, and the known
mistakes its answer behaves like are named (:mod:`course.exercise.misconceptions`). The
results (:class:`SubmissionResult`, :class:`GradeResult`) are plain data that
:mod:`course.grader.report` and :mod:`course.grader.classreport` write out.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from course.exercise import Behaviour, Exercise, Message, Misconception, Question, Test, raised, recognise
from course.grader.notebook import ParsedNotebook
from course.grader.sandbox import Limits, Outcome
from course.grader.submissions import Skipped

@dataclass(frozen=True)
class CaseResult:
    """One test of one question for one submission; ``message`` says what went wrong."""

    test: Test
    passed: bool
    message: Message | None


@dataclass(frozen=True)
class QuestionResult:
    """A question's points and tests. ``status``: passed, partial, failed, not_answered, missing, not_callable.

    ``misconceptions`` are the known mistakes the answer behaves like (see
    :mod:`course.exercise.misconceptions`), the likely cause of its failed tests.
    """

    question: Question
    points: Fraction
    status: str
    cases: tuple[CaseResult, ...]
    misconceptions: tuple[Misconception, ...] = ()

    @property
    def passed(self) -> int:
        return sum(case.passed for case in self.cases)


@dataclass(frozen=True)
class CellError:
    """A code cell that raised: ``cell`` is its 1-based place in the notebook.

    ``defines``: the questions' names the cell would have defined, had it run.
    """

    cell: int
    first_line: str
    type: str
    message: Message
    defines: tuple[str, ...] = ()


@dataclass(frozen=True)
class SubmissionResult:
    """The grade of one submission.

    ``status`` is "graded", "timeout", "crashed", "protocol" (the process ran but its
    results were malformed) or "invalid" (not a gradable notebook); ``reason`` explains
    every status but "graded".
    """

    student: str
    file: str
    language: str
    status: str
    reason: Message | None
    questions: tuple[QuestionResult, ...]
    cell_errors: tuple[CellError, ...] = ()
    code_cells: int = 0

    @property
    def total(self) -> Fraction:
        return sum((q.points for q in self.questions), Fraction(0))


@dataclass(frozen=True)
class GradeResult:
    """Everything :mod:`course.grader.report` writes."""

    exercise: Exercise
    limits: Limits
    submissions: tuple[SubmissionResult, ...]
    skipped: tuple[Skipped, ...] = ()
    warnings: tuple[Message, ...] = ()
    isolation: str = "bwrap"
    seconds: float | None = None  # how long grade() took (wall clock), for the class report

    @property
    def max_points(self) -> Fraction:
        return sum((Fraction(str(q.points)) for q in self.exercise.questions), Fraction(0))


def _crash_reason(outcome: Outcome, limits: Limits) -> Message:
    import signal

    if outcome.signal == signal.SIGKILL:
        return Message.of("grader.crash_killed", memory=limits.memory_mb)
    if outcome.signal == signal.SIGXCPU:
        return Message.of("grader.crash_cpu", seconds=f"{limits.timeout:g}")
    if outcome.signal is not None:
        try:
            name = signal.Signals(outcome.signal).name
        except ValueError:
            name = f"signal {outcome.signal}"
        return Message.of("grader.crash_signal", signal=name)
    if outcome.exit_code is None and outcome.detail:
        return Message.of("grader.crash_server", detail=outcome.detail[:200])
    return Message.of("grader.crash_exit", code=outcome.exit_code if outcome.exit_code is not None else "?")


def _submission_reason(outcome: Outcome, limits: Limits) -> tuple[str, Message | None]:
    if outcome.status == "done":
        return "graded", None
    if outcome.status == "timeout":
        return "timeout", Message.of("grader.reason_timeout", seconds=f"{limits.timeout:g}")
    if outcome.status == "protocol":
        return "protocol", Message.of("grader.reason_protocol")
    return "crashed", _crash_reason(outcome, limits)


def _error_message(frame: dict) -> Message:
    error = frame.get("error")
    if isinstance(error, list) and len(error) == 2 and all(isinstance(part, str) for part in error):
        return raised(error[0][:100], error[1][:500])
    return Message.of("grader.bad_result")


def _case_result(test: Test, frame: dict | None, expected: Any, missing: Message, limits: Limits) -> CaseResult:
    question = test.question
    if frame is None:
        return CaseResult(test, False, missing)
    status = frame.get("status")
    if status == "value" and "value" in frame:
        return CaseResult(test, *_judged(question, expected, frame["value"]))
    if status == "not_answered":
        return CaseResult(test, False, Message.of("grader.not_answered"))
    if status == "error":
        return CaseResult(test, False, _error_message(frame))
    if status == "timeout":
        return CaseResult(test, False, Message.of("grader.case_timeout", seconds=f"{limits.step:g}"))
    if status == "skipped":
        return CaseResult(test, False, Message.of("grader.skipped", name=question.name))
    if status == "unsupported":
        kind = frame.get("kind") if frame.get("kind") in ("type", "dtype", "key", "too_large", "too_deep") else "type"
        return CaseResult(test, False, Message.of(f"checker.unsupported_{kind}", detail=str(frame.get("detail", ""))[:100]))
    return CaseResult(test, False, Message.of("grader.bad_result"))


def _behaviour(frame: dict | None) -> Behaviour | None:
    """What the student's answer did on a test, for recognising a misconception (None: nothing to compare)."""
    if frame is None:
        return None
    if frame.get("status") == "value" and "value" in frame:
        return Behaviour(value=frame["value"])
    error = frame.get("error")
    if frame.get("status") == "error" and isinstance(error, list) and len(error) == 2 and isinstance(error[0], str):
        return Behaviour(error=error[0][:100])
    return None


def _judged(question: Question, expected: Any, received: Any) -> tuple[bool, Message | None]:
    try:
        problem = question.judge(expected, received)
    except Exception as error:  # a comparison must never stop the batch
        problem = Message.of("checker.compare_error", error=f"{type(error).__name__}: {str(error)[:200]}")
    return problem is None, problem


def score(exercise: Exercise, expected: dict[tuple[str, int], Any], notebook: ParsedNotebook, outcome: Outcome,
          limits: Limits, student: str, file: str) -> SubmissionResult:
    """Score one submission from what its worker sent back."""
    status, reason = _submission_reason(outcome, limits)
    cells = {cell.index: cell for cell in notebook.cells}
    cell_errors: list[CellError] = []
    question_status: dict[str, dict] = {}
    case_frames: dict[tuple[str, int], dict] = {}
    known = {q.id: len(q.tests()) for q in exercise.questions}
    for frame in outcome.messages:
        if "cell" in frame:
            index, error = frame.get("cell"), frame.get("error")
            if type(index) is int and index in cells and isinstance(error, list) and len(error) == 2 \
                    and all(isinstance(part, str) for part in error):
                kind, text = error[0][:100], error[1][:500]
                message = Message.of("grader.cell_timeout", seconds=f"{limits.step:g}") if kind == "Timeout" \
                    else Message.literal(text)
                cell_errors.append(CellError(index + 1, cells[index].first_line, kind, message, cells[index].defines))
        elif frame.get("q") in known:
            qid = frame["q"]
            case = frame.get("case")
            if case is None:
                question_status.setdefault(qid, frame)
            elif type(case) is int and 0 <= case < known[qid]:
                case_frames.setdefault((qid, case), frame)

    missing = {
        "timeout": Message.of("grader.no_result_timeout", seconds=f"{limits.timeout:g}"),
        "crashed": Message.of("grader.no_result", reason=reason) if reason else None,
        "protocol": Message.of("grader.no_result", reason=reason) if reason else None,
    }.get(status) or Message.of("grader.no_result", reason=Message.of("grader.bad_result"))

    questions = []
    for question in exercise.questions:
        tests = question.tests()
        whole = question_status.get(question.id)
        whole_status = whole.get("status") if whole else None
        if whole_status == "missing":
            message = Message.of("grader.missing", name=question.name)
            cases = tuple(CaseResult(test, False, message) for test in tests)
        elif whole_status == "not_callable":
            message = Message.of("grader.not_callable", name=question.name, type=str(whole.get("type", "?"))[:100])
            cases = tuple(CaseResult(test, False, message) for test in tests)
        elif whole_status == "not_answered":
            cases = tuple(CaseResult(test, False, Message.of("grader.not_answered")) for test in tests)
        else:
            cases = tuple(_case_result(test, case_frames.get((question.id, test.index)),
                                       expected[(question.id, test.index)], missing, limits) for test in tests)
        passed = sum(case.passed for case in cases)
        points = Fraction(str(question.points)) * question.share([case.passed for case in cases])
        if passed == len(cases):
            q_status = "passed"
        elif whole_status in ("missing", "not_callable"):
            q_status = whole_status
        elif passed == 0 and (whole_status == "not_answered" or all(
                case_frames.get((question.id, t.index), {}).get("status") == "not_answered" for t in tests)):
            q_status = "not_answered"
        else:
            q_status = "partial" if passed else "failed"
        causes = () if passed == len(cases) or whole_status else recognise(
            exercise, question, tests, [expected[(question.id, test.index)] for test in tests],
            [_behaviour(case_frames.get((question.id, test.index))) for test in tests])
        questions.append(QuestionResult(question, points, q_status, cases, causes))
    return SubmissionResult(student, file, notebook.language, status, reason, tuple(questions),
                            tuple(sorted(cell_errors, key=lambda e: e.cell)), len(notebook.code_cells))


def invalid_result(exercise: Exercise, student: str, file: str, language: str, reason: Message) -> SubmissionResult:
    questions = tuple(
        QuestionResult(q, Fraction(0), "failed", tuple(CaseResult(t, False, reason) for t in q.tests()))
        for q in exercise.questions
    )
    return SubmissionResult(student, file, language, "invalid", reason, questions)


def expected_values(exercise: Exercise) -> dict[tuple[str, int], Any]:
    """The reference solution's answer for every test (raises SpecError when it fails)."""
    return {(q.id, test.index): exercise.expected(test) for q in exercise.questions for test in q.tests()}


def failed_result(exercise: Exercise, file: str, language: str, error: BaseException, status: str) -> SubmissionResult:
    reason = Message.of("grader.internal", error=f"{type(error).__name__}: {str(error)[:200]}")
    result = invalid_result(exercise, "", file, language, reason)
    return SubmissionResult(result.student, file, language, status, reason, result.questions)
