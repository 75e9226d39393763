"""Every listed misconception loses what its question says it costs and gets its own message;
every listed correct alternative gets full marks.

Judged here exactly as the grader judges (the answer's value through the grader's codec,
the question's comparison, the tests' weights) and through the student's ``check()``.
``tests/grader/test_all_exercises.py`` hands the same answers in as notebooks to the real
grader, in its sandbox.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from course.checker import run_check
from course.exercise import EXERCISES_DIR, Behaviour, load_exercise, misconception_outcomes, recognise, run_answer
from exercise_helpers import outcomes

SOURCES = sorted(EXERCISES_DIR.glob("[0-9][0-9]_*.py"))
EXERCISES = {path.stem: load_exercise(path) for path in SOURCES}
MISCONCEPTIONS = [(stem, q.id, item.id) for stem, exercise in EXERCISES.items()
                  for q in exercise.questions for item in q.misconceptions]
ALTERNATIVES = [(stem, q.id, number) for stem, exercise in EXERCISES.items()
                for q in exercise.questions for number in range(len(q.alternatives))]


def _question_and_item(stem, qid, mid):
    question = EXERCISES[stem].question(qid)
    return question, next(item for item in question.misconceptions if item.id == mid)


@pytest.mark.parametrize(("stem", "qid", "mid"), MISCONCEPTIONS, ids=["-".join(m) for m in MISCONCEPTIONS])
def test_misconception_costs_points_and_is_named(stem, qid, mid):
    exercise = EXERCISES[stem]
    question, item = _question_and_item(stem, qid, mid)
    tests = question.tests()
    expected = [exercise.expected(test) for test in tests]
    # What the grader would receive from this answer (run_answer: the call under the question's
    # float rules, the value through the grader's codec), worked out once per exercise.
    behaviours = list(misconception_outcomes(exercise, question)[mid])
    passed = [b.error is None and question.judge(e, b.value) is None for e, b in zip(expected, behaviours)]
    lost = 1 - question.share(passed)
    assert lost >= Fraction(str(item.costs)), f"{mid} loses only {float(lost):.2f} of {qid}, less than {item.costs}"
    named = recognise(exercise, question, tests, expected, behaviours)
    assert item in named, f"{mid} is not recognised from its own behaviour (named: {[n.id for n in named]})"


@pytest.mark.parametrize(("stem", "qid", "mid"), MISCONCEPTIONS, ids=["-".join(m) for m in MISCONCEPTIONS])
def test_check_names_the_misconception_when_a_public_test_fails(stem, qid, mid):
    exercise = EXERCISES[stem]
    question, item = _question_and_item(stem, qid, mid)
    namespace = dict(exercise.namespace)
    namespace[question.name] = item.answer
    result = run_check(exercise, qid, namespace)
    if result.passed:
        assert question.function is not None, "a wrong value must fail its check"
        return  # only the hidden tests show this mistake (the grader test names it)
    for lang in ("en", "sv"):
        text = result.text(lang)
        assert item.message[lang] in text, text


def test_every_question_lists_at_least_three_misconceptions():
    thin = [f"{stem} {q.id}: {len(q.misconceptions)}" for stem, exercise in EXERCISES.items()
            for q in exercise.questions if len(q.misconceptions) < 3]
    assert not thin, thin


@pytest.mark.parametrize(("stem", "qid", "number"), ALTERNATIVES, ids=[f"{s}-{q}-{n}" for s, q, n in ALTERNATIVES])
def test_correct_alternative_gets_full_marks(stem, qid, number):
    exercise = EXERCISES[stem]
    question = exercise.question(qid)
    answer = question.alternatives[number]
    public, hidden = outcomes(exercise, qid, answer)
    assert all(public + hidden), f"alternative {number} of {qid} fails tests {[i for i, ok in enumerate(public + hidden) if not ok]}"
    namespace = dict(exercise.namespace)
    namespace[question.name] = answer
    assert run_check(exercise, qid, namespace).passed


def test_a_right_answer_is_never_given_a_cause():
    exercise = EXERCISES["08_softmax"]
    question = exercise.question("q1")
    tests = question.tests()
    expected = [exercise.expected(test) for test in tests]
    assert recognise(exercise, question, tests, expected, [Behaviour(value=value) for value in expected]) == ()
    # a timeout (no behaviour) on one test and right values elsewhere: nothing to recognise either
    assert recognise(exercise, question, tests, expected, [None] + [Behaviour(value=v) for v in expected[1:]]) == ()


def test_the_same_mistake_with_another_constant_is_named_only_when_it_is_the_only_match():
    exercise = EXERCISES["08_softmax"]
    question = exercise.question("q1")
    tests = question.tests()
    expected = [exercise.expected(test) for test in tests]
    exact = {item.id: [run_answer(question, test, item.answer) for test in tests] for item in question.misconceptions}
    # "over_columns" with every wrong value nudged: no exact match, but the same tests fail the same way
    nudged = [Behaviour(value=b.value * 1.01) if b.error is None and not (
        question.judge(e, b.value) is None) else b for b, e in zip(exact["over_columns"], expected)]
    named = recognise(exercise, question, tests, expected, nudged)
    assert [item.id for item in named] == ["over_columns"]
    # a timeout anywhere: too little to go on
    assert recognise(exercise, question, tests, expected, [None] + nudged[1:]) == ()
