"""Exercise 00 (warm-up): the reference passes its own tests, and every listed mistake shows in check().

The common wrong answers and the right answers in another style are listed in the spec
(misconceptions= and alternatives=); tests/exercises/test_misconceptions.py checks what each
costs and that it is named. The tests of this exercise are fixed: the grader's own tests
(tests/grader/test_grade_00.py, hostile_corpus.py) count them.
"""

from __future__ import annotations

import numpy as np
import pytest

from course.checker import run_check
from course.exercise import load_exercise
from exercise_helpers import outcomes

STEM = "00_welcome"
EXERCISE = load_exercise(STEM)
REFERENCE = EXERCISE.namespace


def test_questions_points_and_test_counts_the_grader_tests_rely_on():
    assert [(q.id, q.name, q.points, len(q.tests())) for q in EXERCISE.questions] == [
        ("q1", "dot", 2, 10), ("q2", "index_w23", 1, 1), ("q3", "weighted_sums", 2, 9), ("q4", "weight_shapes", 1, 10),
    ]
    assert all(test.weight == 1 for q in EXERCISE.questions for test in q.tests())


@pytest.mark.parametrize("question", EXERCISE.questions, ids=[q.id for q in EXERCISE.questions])
def test_reference_passes_and_every_listed_mistake_fails_a_public_test(question):
    public, hidden = outcomes(EXERCISE, question.id, REFERENCE[question.name])
    assert all(public + hidden)
    for item in question.misconceptions:
        assert not all(outcomes(EXERCISE, question.id, item.answer)[0]), item.id
    assert len(question.misconceptions) >= 3


def test_check_tells_a_student_who_prints_to_return():
    namespace = {"dot": REFERENCE["dot_printed"]}
    text = run_check(EXERCISE, "q1", namespace).text("en")
    assert "received: None" in text and "Likely cause: Your function prints the total but returns nothing" in text


def test_the_variable_messages_never_give_the_index_away():
    question = EXERCISE.question("q2")
    for item in question.misconceptions:
        for lang in ("en", "sv"):
            assert "(1, 2)" not in item.message[lang] and "[1, 2]" not in item.message[lang]
    text = run_check(EXERCISE, "q2", {"index_w23": (2, 3)}).text("en")
    assert "Likely cause: That is the position counted from 1" in text and "(1, 2)" not in text


def test_the_hints_say_how_without_the_code():
    hints = " ".join(q.hint["en"] for q in EXERCISE.questions)
    for answer in ("np.sum(a * b)", "dot(W[j], a)", "(sizes[l], sizes[l - 1])", "(1, 2)", "j = 2"):
        assert answer not in hints


def test_a_matrix_product_and_a_list_of_lists_are_accepted():
    assert all(sum(outcomes(EXERCISE, "q3", lambda W, a: W @ a), []))
    assert all(sum(outcomes(EXERCISE, "q4", lambda sizes: [[n, m] for m, n in zip(sizes, sizes[1:])]), []))
    assert all(sum(outcomes(EXERCISE, "q2", [1, 2]), []))
    assert not all(sum(outcomes(EXERCISE, "q2", np.array([2, 3])), []))
