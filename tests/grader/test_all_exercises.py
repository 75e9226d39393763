"""Every exercise source, end to end through the grader.

For each ``course/content/exercises/NN_stem.py``: the built solution notebook scores full
marks with no cell errors, and the untouched student notebook scores zero with every
question "not answered". This is what a teacher relies on for each chapter, and it
catches an exercise whose spec, reference solution or stubs do not fit the grader.
"""

from __future__ import annotations

import pytest
from grader_helpers import write

from course.exercise import EXERCISES_DIR, load_exercise, read_cells
from course.grader.grade import grade
from course.grader.sandbox import Limits, Sandbox

SOURCES = sorted(EXERCISES_DIR.glob("[0-9][0-9]_*.py"))


def _built(path, variant):
    import json

    nbformat = pytest.importorskip("nbformat")
    build = pytest.importorskip("course.build")
    from course.source import parse_source

    nb = json.loads(nbformat.writes(build.build_notebook(parse_source(path), "en", variant)))
    nb["cells"] = [c for c in nb["cells"] if "hidden" not in c["metadata"].get("tags", [])]
    return nb


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory):
    # One server for every exercise: it holds no exercise, only the runtime (and starting one
    # costs seconds).
    with Sandbox(Limits(timeout=20.0, memory_mb=512), jobs=2, tmp_root=tmp_path_factory.mktemp("sandbox")) as started:
        yield started


@pytest.mark.parametrize("path", SOURCES, ids=[p.stem for p in SOURCES])
def test_solution_full_marks_and_student_version_not_answered(path, tmp_path, sandbox):
    write(tmp_path / "solution.ipynb", _built(path, "solution"))
    write(tmp_path / "student.ipynb", _built(path, "student"))
    result = grade(path, [tmp_path], sandbox=sandbox)
    graded = {s.student: s for s in result.submissions}
    solution, student = graded["solution"], graded["student"]
    failures = [f"{q.question.id} {c.test.label().render('en')}: {c.message.render('en')}"
                for q in solution.questions for c in q.cases if not c.passed]
    assert solution.status == "graded" and not failures, failures[:5]
    assert solution.total == result.max_points
    assert solution.cell_errors == ()
    assert student.status == "graded" and student.total == 0
    assert {q.status for q in student.questions} == {"not_answered"}


@pytest.mark.parametrize("path", SOURCES, ids=[p.stem for p in SOURCES])
def test_every_question_has_a_check_cell_and_a_bilingual_hint(path):
    exercise = load_exercise(path)
    assert 3 <= len(exercise.questions) <= 6
    checks = [c.source.strip() for c in read_cells(path) if "check" in c.tags]
    for question in exercise.questions:
        assert f'check("{question.id}")' in checks, question.id
        assert question.hint is not None and question.hint["en"] and question.hint["sv"], question.id
