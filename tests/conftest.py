"""Shared fixtures: a small fake course repository for the builder and CLI tests."""

from __future__ import annotations

from pathlib import Path

import pytest

# The golden notebooks are expected builder output, not notebooks to run (their student
# versions raise NotImplementedError), so pytest never collects anything there.
collect_ignore = ["golden"]

LESSON_SOURCE = '''\
# %% [markdown] tags=["en", "slide"]
# # 01 The perceptron
#
# A perceptron takes several inputs.

# %% [markdown] tags=["sv", "slide"]
# # 01 Perceptronen
#
# En perceptron tar emot flera indata.

# %%
from course import set_language
set_language("en")

# %% tags=["fragment"]
weights = [0.5, -1.0]
print(sum(weights))

# %% [markdown] tags=["en", "notes"]
# Ask the room what a weight does.

# %% [markdown] tags=["sv", "notes"]
# Fråga salen vad en vikt gör.
'''

EXERCISE_SOURCE = '''\
# %% [markdown] tags=["en"]
# # Exercise 01

# %% [markdown] tags=["sv"]
# # Övning 01

# %%
from course import set_language
set_language("en")

# %%
def weighted_sum(x, w):
    # BEGIN SOLUTION
    return sum(a * b for a, b in zip(x, w))
    # END SOLUTION

# %% tags=["check"]
print(weighted_sum([1, 2], [3, 4]))

# %% tags=["hidden"]
assert weighted_sum([1, 2], [3, 4]) == 11
'''


def write_source(root: Path, kind: str, stem: str, text: str) -> Path:
    """Write a source into ``root``'s content tree; kind is "lessons" or "exercises"."""
    path = root / "course" / "content" / kind / f"{stem}.py"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def fake_repo(tmp_path: Path) -> Path:
    """A repository root with one lesson and one exercise source for 01_perceptron (not built)."""
    write_source(tmp_path, "lessons", "01_perceptron", LESSON_SOURCE)
    write_source(tmp_path, "exercises", "01_perceptron", EXERCISE_SOURCE)
    return tmp_path
