"""Fixtures for the widget tests."""

from __future__ import annotations

import pytest

from course.widgets import base
from .artists import Screen


@pytest.fixture
def screen(monkeypatch) -> Screen:
    """What the notebook would show: every figure a widget displays during the test."""
    screen = Screen()
    monkeypatch.setattr(base, "display", screen.display)
    monkeypatch.setattr(base, "clear_output", lambda wait=False: None)
    return screen
