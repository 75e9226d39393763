"""The ``exercise`` fixture: the exercise named by the test module's ``STEM``, loaded once."""

from __future__ import annotations

import pytest

from course.exercise import load_exercise


@pytest.fixture(scope="module")
def exercise(request):
    return load_exercise(request.module.STEM)
