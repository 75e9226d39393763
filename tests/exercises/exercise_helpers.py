"""Judging a candidate answer exactly as the grader would, for the exercise tests.

Each test file passes a function (the reference, or a plausible wrong answer) and learns
which public and hidden tests it passes: the call runs under the question's
``float_errors`` setting, the answer goes through the grader's codec (no pickle), and the
question's own comparison decides. Imported by name, never from conftest.
"""

from __future__ import annotations

from typing import Any, Callable

from course.exercise import Exercise, Test, run_answer
from course.grader.codec import roundtrip


def outcomes(exercise: Exercise, question_id: str, answer: Callable | Any,
             *, expected: Callable[[Test], Any] | None = None) -> tuple[list[bool], list[bool]]:
    """(public, hidden): for each test of the question, whether ``answer`` passes it.

    ``answer`` is a function for a function question and the value itself for a
    variable question (whose one test counts as public).
    """
    question = exercise.question(question_id)
    expected = expected or exercise.expected
    public, hidden = [], []
    for test in question.tests():
        # Only what the student's answer does may fail a test: a crash in the reference,
        # the comparison or this harness is a bug here and must fail the exercise test.
        reference = expected(test)
        # run_answer is how the grader receives an answer: the call under the question's
        # float rules, the value through the grader's codec; an error is the answer's own.
        received = run_answer(question, test, answer)
        ok = received.error is None and question.judge(reference, received.value) is None
        (public if test.public else hidden).append(ok)
    return public, hidden


def hidden_failures(exercise: Exercise, question_id: str, function: Callable, **options) -> int:
    """How many hidden tests ``function`` fails."""
    return outcomes(exercise, question_id, function, **options)[1].count(False)


def variable_verdict(exercise: Exercise, question_id: str, value: Any):
    """None when ``value`` is accepted for the variable question, else the message."""
    question = exercise.question(question_id)
    return question.judge(exercise.expected(question.tests()[0]), roundtrip(value))


def results_by_name(exercise: Exercise, name: str, answer: Callable | Any) -> list[bool]:
    """Whether each test (public first, then hidden) of the question on ``name`` passes."""
    question = next(q for q in exercise.questions if q.name == name)
    public, hidden = outcomes(exercise, question.id, answer)
    return public + hidden


def assert_caught(exercise: Exercise, name: str, wrong: Callable | Any, public: bool = True) -> None:
    """The wrong answer fails some hidden test and, if ``public``, some public test too."""
    n_public = len(next(q for q in exercise.questions if q.name == name).public)
    outcome = results_by_name(exercise, name, wrong)
    assert not all(outcome[n_public:])
    if public:
        assert not all(outcome[:n_public])
