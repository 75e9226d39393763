"""Exercise specifications: questions, test cases, and how an answer is compared.

An exercise source (``course/content/exercises/STEM.py``) ends with a code cell tagged
``hidden`` that defines the list ``QUESTIONS``::

    from course.exercise import Question, case, random_cases

    QUESTIONS = [
        Question("q1", function="dot", points=2,
                 hint={"en": "Multiply element by element, then add.",
                       "sv": "Multiplicera element för element och summera sedan."},
                 public=[case(np.array([1.0, 2.0]), np.array([3.0, 4.0]))],
                 hidden=[case(np.array([-1.0]), np.array([5.0])),
                         *random_cases(lambda rng: (rng.normal(size=4), rng.normal(size=4)), 6, seed=0)]),
        Question("q2", variable="shape_W", points=1),
    ]

A question may also list its common wrong answers as code, each with a message for the
student, and right answers in another style::

    def dot_first_two(a, b):
        return float(np.sum(a[:2] * b[:2]))

    Question("q1", ..., misconceptions=[
        Misconception("first_two", dot_first_two, costs=0.5,
                      message={"en": "You add only the first two products: use every entry.",
                               "sv": "Du summerar bara de två första produkterna: använd alla element."}),
    ])

Expected values are never written down: they come from running the source's own
solution (the code between ``# BEGIN SOLUTION`` and ``# END SOLUTION``) on the same
inputs, in a namespace of its own (:func:`load_exercise`). The student's ``check()``
(:mod:`course.checker`) and the teacher's grader (:mod:`course.grader`) both compare with
:func:`compare`, so a public test gives the same verdict in both.

Feedback is a :class:`Message`, rendered in a language only when it is shown, so the
grader can write the teacher's report in English and each student's feedback in the
language of their notebook.

The package has one module per idea; everything is importable from ``course.exercise``:

- :mod:`~course.exercise.messages`: :class:`Message` and how values are shown in feedback;
- :mod:`~course.exercise.spec`: :class:`Question`, :class:`Case`, :class:`Test`, :class:`SpecError`;
- :mod:`~course.exercise.comparison`: :func:`compare`, the one comparison engine;
- :mod:`~course.exercise.cells`: :func:`read_cells`, the source reader that needs no jupytext;
- :mod:`~course.exercise.loader`: :func:`load_exercise` and :class:`Exercise`;
- :mod:`~course.exercise.misconceptions`: :func:`recognise`, which names a known mistake
  (a :class:`Misconception`) from how an answer behaves on the tests.
"""

from course.exercise.cells import SourceCell, read_cells
from course.exercise.comparison import ATOL, RTOL, compare
from course.exercise.loader import (
    EXERCISES_DIR, Exercise, exercise_path, float_guard, is_loading, load_exercise, running_reference,
)
from course.exercise.messages import Message, describe, raised, value_repr
from course.exercise.misconceptions import Behaviour, misconception_outcomes, recognise, run_answer
from course.exercise.spec import Case, CompareFn, Misconception, Question, SpecError, Test, case, random_cases

__all__ = [
    "ATOL", "EXERCISES_DIR", "RTOL", "Behaviour", "Case", "CompareFn", "Exercise", "Message", "Misconception",
    "Question", "SourceCell", "SpecError", "Test", "case", "compare", "describe", "exercise_path", "float_guard",
    "is_loading", "load_exercise", "misconception_outcomes", "random_cases", "raised", "read_cells", "recognise",
    "run_answer", "running_reference", "value_repr",
]
