"""Fixtures of the grader tests: exercise 00 loaded once, short limits, a tiny exercise source."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# The helper modules next to this file (grader_helpers, hostile_corpus) import each other by name.
sys.path.insert(0, str(Path(__file__).parent))

from course.exercise import load_exercise  # noqa: E402

TINY_SOURCE = '''\
# %% [markdown] tags=["en"]
# # Tiny

# %% [markdown] tags=["sv"]
# # Liten

# %%
from course import set_language
from course.checker import check_for
set_language("en")
check = check_for(__file__)
import numpy as np

# %%
def double(x):
    # BEGIN SOLUTION
    return 2 * x
    # END SOLUTION

# %% tags=["check"]
check("q1")

# %%
# BEGIN SOLUTION
answer = {"a": 1, "b": [1.5, 2.5]}
# END SOLUTION

# %% tags=["hidden"]
from course.exercise import Question, case

def _within_ten_percent(expected, received):
    ok = abs(received - expected) <= 0.1 * abs(expected)
    return ok, None if ok else {"en": "more than 10 % off", "sv": "mer än 10 % fel"}

QUESTIONS = [
    Question("q1", function="double", points=1, public=[case(2), case(np.array([1.0, 2.0]))],
             hidden=[case(-3), case(x=0.5)]),
    Question("q2", variable="answer", points=2, hint={"en": "Read the question again.", "sv": "Läs frågan igen."}),
    Question("q3", function="double", points=1, public=[case(10.0)], compare=_within_ten_percent),
]
'''


@pytest.fixture(scope="session")
def exercise00():
    return load_exercise("00_welcome")


@pytest.fixture
def tiny_source(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.py"
    path.write_text(TINY_SOURCE, encoding="utf-8")
    return path
