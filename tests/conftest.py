"""Shared fixtures: a small fake course repository for the builder and CLI tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder_helpers import EXERCISE_SOURCE, LESSON_SOURCE, write_source

# The golden notebooks are expected builder output, not notebooks to run (their student
# versions raise NotImplementedError), so pytest never collects anything there.
collect_ignore = ["golden"]


@pytest.fixture
def fake_repo(tmp_path: Path) -> Path:
    """A repository root with one lesson and one exercise source for 01_perceptron (not built)."""
    write_source(tmp_path, "lessons", "01_perceptron", LESSON_SOURCE)
    write_source(tmp_path, "exercises", "01_perceptron", EXERCISE_SOURCE)
    return tmp_path
