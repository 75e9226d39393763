"""The loading context of course.exercise: check() calls do nothing while a reference solution runs."""

from __future__ import annotations

import pytest

from course.exercise import Exercise, is_loading, load_exercise, running_reference


def test_the_context_marks_a_running_reference_and_is_undone_even_after_an_error():
    assert not is_loading()
    with running_reference():
        assert is_loading()
        with running_reference():  # a reference that loads another exercise
            assert is_loading()
        assert is_loading(), "leaving the inner load must not end the outer one"
    assert not is_loading()
    with pytest.raises(ZeroDivisionError), running_reference():
        1 / 0
    assert not is_loading()


def test_loading_an_exercise_runs_its_reference_inside_the_context_and_leaves_it():
    seen = []
    exercise = load_exercise("00_welcome")
    assert isinstance(exercise, Exercise) and not is_loading()
    question = exercise.questions[0]
    reference = exercise.namespace[question.name]
    exercise.namespace[question.name] = lambda *args, **kwargs: seen.append(is_loading()) or reference(*args, **kwargs)
    exercise.expected(question.tests()[0])
    assert seen == [True] and not is_loading()
