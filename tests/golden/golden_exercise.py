# %% [markdown] tags=["en", "slide"]
# # Golden exercise
#
# Write the function `double` below, then run the check.

# %% [markdown] tags=["sv", "slide"]
# # Gyllene övning
#
# Skriv funktionen `double` nedan och kör sedan kontrollen.

# %%
from course import set_language
set_language("en")
import numpy as np

# %% [markdown] tags=["en"]
# **Question 1.** Return twice the input.

# %% [markdown] tags=["sv"]
# **Fråga 1.** Returnera dubbla indata.

# %% tags=["en", "subslide"]
def double(x: float) -> float:
    """Twice ``x``."""
    # BEGIN SOLUTION
    result = 2 * x
    return result
    # END SOLUTION


# BEGIN SOLUTION
answer = double(21)
# END SOLUTION
print("defined")

# %% tags=["sv", "subslide"]
def double(x: float) -> float:
    """Det dubbla av ``x``."""
    # BEGIN SOLUTION
    result = 2 * x
    return result
    # END SOLUTION


# BEGIN SOLUTION
answer = double(21)
# END SOLUTION
print("definierad")

# %% tags=["check"]
print(double(2), answer)

# %% tags=["hidden"]
assert double(3) == 6
assert answer == 42

# %% [markdown] tags=["en", "notes"]
# Remind the room that `set_language` switches every label.

# %% [markdown] tags=["sv", "notes"]
# Påminn salen om att `set_language` byter språk på alla etiketter.
