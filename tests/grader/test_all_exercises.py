"""Every exercise source, end to end through the grader.

For each ``course/content/exercises/NN_stem.py``: the built solution notebook scores full
marks with no cell errors, and the untouched student notebook scores zero with every
question "not answered". This is what a teacher relies on for each chapter, and it
catches an exercise whose spec, reference solution or stubs do not fit the grader.
"""

from __future__ import annotations

import ast
import json
from fractions import Fraction

import numpy as np
import pytest
from grader_helpers import write

from course.exercise import EXERCISES_DIR, load_exercise, read_cells
from course.grader.grade import grade
from course.grader.report import feedback_markdown
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


def _answer_cell(question, answer) -> str:
    """A notebook cell that defines ``answer`` under the question's name, as a student would write it.

    A function is taken from the spec cell's source (a top-level ``def``) and renamed; a
    value is written as a literal.
    """
    if question.variable is not None:
        literal = f"np.array({answer.tolist()!r})" if isinstance(answer, np.ndarray) else repr(answer)
        return f"{question.variable} = {literal}"
    code = answer.__code__
    cell_index = int(code.co_filename.rsplit("cell ", 1)[1])
    text = next(c for c in read_cells(code.co_filename.rsplit(":cell", 1)[0]) if c.index == cell_index).source
    node = next(n for n in ast.walk(ast.parse(text)) if isinstance(n, ast.FunctionDef) and n.lineno == code.co_firstlineno)
    source = ast.get_source_segment(text, node)
    return source.replace(f"def {node.name}(", f"def {question.name}(", 1)


@pytest.mark.parametrize("path", SOURCES, ids=[p.stem for p in SOURCES])
def test_misconceptions_lose_points_and_alternatives_keep_them_in_the_grader(path, tmp_path, sandbox):
    """Each listed wrong answer, handed in as a notebook, loses at least what it costs on its own
    question and gets its message; each listed right alternative keeps full marks."""
    exercise = load_exercise(path)
    solution = _built(path, "solution")
    handed_in = {}
    for question in exercise.questions:
        answers = [(f"{question.id}-{item.id}", item.answer, item) for item in question.misconceptions]
        answers += [(f"{question.id}-alternative{n}", answer, None) for n, answer in enumerate(question.alternatives)]
        for name, answer, item in answers:
            nb = json.loads(json.dumps(solution))
            nb["cells"].append({"cell_type": "code", "metadata": {}, "source": _answer_cell(question, answer),
                                "outputs": [], "execution_count": None})
            write(tmp_path / f"{name}.ipynb", nb)
            handed_in[name] = (question, item)
    if not handed_in:
        pytest.skip(f"{path.stem} lists no misconceptions or alternatives")
    result = grade(path, [tmp_path], sandbox=sandbox)
    graded = {s.student: s for s in result.submissions}
    assert set(graded) == set(handed_in)
    for name, (question, item) in handed_in.items():
        submission = graded[name]
        own = next(q for q in submission.questions if q.question.id == question.id)
        assert submission.status == "graded" and not submission.cell_errors, (name, submission.cell_errors)
        if item is None:
            assert own.points == Fraction(str(question.points)), (name, [c.message.render("en") for c in own.cases
                                                                        if c.message])
            continue
        assert own.points <= Fraction(str(question.points)) * (1 - Fraction(str(item.costs))), name
        assert item.id in [found.id for found in own.misconceptions], (name, [f.id for f in own.misconceptions])
        feedback = feedback_markdown(submission, result)
        assert item.message["en"] in feedback, name
