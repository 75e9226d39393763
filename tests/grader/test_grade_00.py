"""Exercise 00 end to end: the solution, the untouched student notebook and a partial answer.

The notebooks are built from the source by course.build (or, if it is missing, by the local
stand-in in grader_helpers), in both languages, exactly as students receive them.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from grader_helpers import TEST_LIMITS, built_exercise, replace_answers, write

from course.grader.grade import grade
from course.grader.report import feedback_markdown


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ex00")
    for lang in ("en", "sv"):
        write(folder / f"solution_{lang}.ipynb", built_exercise("solution", lang)[0])
        write(folder / f"student_{lang}.ipynb", built_exercise("student", lang)[0])
    student, _ = built_exercise("student", "en")
    # q2 right; q4 with rows and columns swapped: right only where neighbouring layers have the same size.
    partial = replace_answers(student, {
        1: "index_w23 = (1, 2)",
        3: "def weight_shapes(sizes):\n    return [(sizes[l - 1], sizes[l]) for l in range(1, len(sizes))]",
    })
    write(folder / "partial.ipynb", partial)
    result = grade("00_welcome", [folder], limits=TEST_LIMITS, jobs=2)
    return {s.student: s for s in result.submissions}, result


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_solution_scores_full_marks(graded, lang):
    submission = graded[0][f"solution_{lang}"]
    assert submission.status == "graded"
    assert submission.total == 6
    assert [q.status for q in submission.questions] == ["passed"] * 4
    assert submission.cell_errors == ()
    assert submission.language == lang


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_untouched_student_version_scores_zero_as_not_answered(graded, lang):
    submission = graded[0][f"student_{lang}"]
    assert submission.status == "graded" and submission.total == 0
    assert [q.status for q in submission.questions] == ["not_answered"] * 4
    for question in submission.questions:
        assert {case.message.render(lang) for case in question.cases} == {
            "not answered" if lang == "en" else "inte besvarad"}
    # The stub of the variable question raises in its own cell; that is the only cell error.
    assert [e.type for e in submission.cell_errors] == ["NotImplementedError"]


def test_a_partial_answer_scores_in_between(graded):
    submission = graded[0]["partial"]
    points = {q.question.id: q.points for q in submission.questions}
    # q2 right (1 point); q4 right on 1 of its 10 tests ([1, 1, 1]), so 1/10 of 1 point.
    assert points == {"q1": 0, "q2": 1, "q3": 0, "q4": Fraction(1, 10)}
    assert submission.total == Fraction(11, 10)
    q4 = submission.questions[3]
    assert q4.status == "partial" and q4.passed == 1
    assert [c.test.label().render("en") for c in q4.cases if c.passed] == ["hidden test 3"]


def test_feedback_of_the_partial_answer_explains_the_failures(graded):
    submission = graded[0]["partial"]
    text = feedback_markdown(submission, graded[1])
    assert "**Points: 1.1 of 6**" in text
    assert "| q4 (weight_shapes) | 0.1 of 1 | 1 of 10 |" in text
    assert "expected: [(4, 3), (4, 4), (2, 4)] (list)" in text
    assert "received: [(3, 4), (4, 4), (4, 2)] (list)" in text
    assert "Hint: For l = 1" in text
