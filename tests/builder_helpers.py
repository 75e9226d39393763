"""Sources and a writer for a small fake course repository (builder and CLI tests).

Imported by name (``from builder_helpers import ...``): tests never import from
``conftest``, because every test folder has a conftest.py and only one can own that name.
"""

from __future__ import annotations

from pathlib import Path


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
