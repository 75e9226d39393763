"""The specification of an exercise: questions, their test cases, and the tests they make."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from course.exercise.comparison import ATOL, RTOL, compare
from course.exercise.messages import Message, shorten, value_repr
from course.i18n import LANGUAGES

_ID_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
_NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class SpecError(ValueError):
    """An exercise source or its ``QUESTIONS`` is broken (a bug for the exercise's author)."""


@dataclass(frozen=True, eq=False)
class Case:
    """One test of a function question: the arguments the function is called with."""

    args: tuple
    kwargs: Mapping[str, Any] = field(default_factory=dict)

    def call_text(self, name: str, limit: int = 400) -> str:
        """The call as code, e.g. ``dot(array([1., 2.]), array([3., 4.]))``, shortened."""
        parts = [value_repr(arg, limit=150, precision=4) for arg in self.args]
        parts += [f"{key}={value_repr(value, limit=150, precision=4)}" for key, value in self.kwargs.items()]
        return shorten(f"{name}({', '.join(parts)})", limit)


def case(*args: Any, **kwargs: Any) -> Case:
    """A test case: call the student's function with these arguments.

    Example: ``case(np.array([1.0, 2.0]), np.array([3.0, 4.0]))`` tests ``dot(x, w)`` with
    ``x = [1, 2]`` and ``w = [3, 4]``.
    """
    return Case(args=tuple(args), kwargs=dict(kwargs))


def random_cases(make: Callable[[np.random.Generator], Any], n: int, *, seed: int) -> list[Case]:
    """``n`` test cases made by ``make(rng)``, reproducible from ``seed``.

    Parameters
    ----------
    make : callable
        Takes a ``numpy.random.Generator`` and returns the arguments of one call: a
        tuple of arguments, a :class:`Case`, or a single argument.
    n : int
        How many cases.
    seed : int
        Seed of the generator, so the cases are the same every time the spec loads.
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ValueError(f"random_cases: expected n to be an integer >= 1, but received {n!r}")
    rng = np.random.default_rng(seed)
    cases = []
    for _ in range(n):
        made = make(rng)
        if isinstance(made, Case):
            cases.append(made)
        elif isinstance(made, tuple):
            cases.append(case(*made))
        else:
            cases.append(case(made))
    return cases


CompareFn = Callable[[Any, Any], tuple[bool, Any]]


@dataclass(frozen=True, eq=False)
class Question:
    """One graded question of an exercise.

    Parameters
    ----------
    id : str
        What the check cell passes, e.g. ``"q1"``.
    function : str, optional
        The name of the function the student writes. Each case calls it and compares the
        return value with the reference solution's on the same arguments.
    variable : str, optional
        The name of a variable the student sets (give exactly one of ``function`` and
        ``variable``). Its value is the question's only test, and ``check()`` shows it.
    points : float
        Points for the question, shared equally between its cases (partial credit).
    public : sequence of Case
        Cases ``check()`` runs in the student's notebook (and the grader runs too).
    hidden : sequence of Case
        Cases only the grader runs.
    hint : {"en": str, "sv": str}, optional
        Shown when a case fails.
    rtol, atol : float
        Tolerances for floats, as in ``numpy.allclose``.
    check_dtype : bool
        Whether the kind of numbers must match (integers vs floats vs booleans).
    compare : callable, optional
        ``compare(expected, received) -> (ok, message)`` replacing :func:`compare`;
        ``message`` is a string, ``{"en": ..., "sv": ...}`` or None.
    float_errors : bool
        When True, a numpy overflow, invalid operation or division by zero inside the
        student's function fails the case (it raises ``FloatingPointError`` instead of
        warning), for questions whose point is numerical safety, e.g. ``sigmoid(-1000)``.
    """

    id: str
    function: str | None = None
    variable: str | None = None
    points: float = 1
    public: Sequence[Case] = field(default=(), repr=False)
    hidden: Sequence[Case] = field(default=(), repr=False)
    hint: Mapping[str, str] | None = field(default=None, repr=False)
    rtol: float = RTOL
    atol: float = ATOL
    check_dtype: bool = True
    compare: CompareFn | None = field(default=None, repr=False)
    float_errors: bool = False

    def __post_init__(self) -> None:
        where = f"Question({self.id!r})"
        if not isinstance(self.id, str) or not _ID_RE.match(self.id):
            raise SpecError(f"Question: expected an id like 'q1' (a letter, then letters, digits or _), but received {self.id!r}")
        if (self.function is None) == (self.variable is None):
            raise SpecError(f"{where}: expected exactly one of function= or variable=, but received "
                            f"function={self.function!r}, variable={self.variable!r}")
        name = self.function or self.variable
        if not isinstance(name, str) or not _NAME_RE.match(name):
            raise SpecError(f"{where}: expected a Python name for the function or variable, but received {name!r}")
        if isinstance(self.points, bool) or not isinstance(self.points, (int, float)) or not (
            math.isfinite(self.points) and self.points > 0
        ):
            raise SpecError(f"{where}: expected points > 0, but received {self.points!r}")
        for label in ("public", "hidden"):
            cases = tuple(getattr(self, label))
            for item in cases:
                if not isinstance(item, Case):
                    raise SpecError(f"{where}: expected every {label} case to be made with case(...), "
                                    f"but received {type(item).__name__}")
            object.__setattr__(self, label, cases)
        if self.variable is not None and (self.public or self.hidden):
            raise SpecError(f"{where}: a variable question has exactly one test, its value; "
                            f"remove public= and hidden=")
        if self.function is not None and not (self.public or self.hidden):
            raise SpecError(f"{where}: a function question needs at least one case in public= or hidden=")
        if self.hint is not None:
            if not isinstance(self.hint, Mapping) or set(self.hint) != set(LANGUAGES):
                raise SpecError(f"{where}: expected hint to be a dict with the keys {list(LANGUAGES)}, "
                                f"but received {self.hint!r}")
            object.__setattr__(self, "hint", dict(self.hint))
        for name_ in ("rtol", "atol"):
            value = getattr(self, name_)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not value >= 0:
                raise SpecError(f"{where}: expected {name_} >= 0, but received {value!r}")
        if self.compare is not None and not callable(self.compare):
            raise SpecError(f"{where}: expected compare to be a function, but received {type(self.compare).__name__}")

    @property
    def name(self) -> str:
        """The function or variable the student defines."""
        return self.function or self.variable  # type: ignore[return-value]

    @property
    def kind(self) -> str:
        return "function" if self.function is not None else "variable"

    def tests(self) -> list[Test]:
        """Every test of the question, public ones first."""
        if self.variable is not None:
            return [Test(self, 0, True, 1, None)]
        tests = [Test(self, i, True, i + 1, c) for i, c in enumerate(self.public)]
        tests += [Test(self, len(self.public) + i, False, i + 1, c) for i, c in enumerate(self.hidden)]
        return tests

    def judge(self, expected: Any, received: Any) -> Message | None:
        """None when ``received`` is right, else a message saying what is wrong."""
        if self.compare is None:
            return compare(expected, received, rtol=self.rtol, atol=self.atol, check_dtype=self.check_dtype)
        try:
            verdict = self.compare(expected, received)
            ok, text = verdict if isinstance(verdict, tuple) else (verdict, None)
        except Exception as error:  # the student's value can be anything
            return Message.of("checker.compare_error", error=f"{type(error).__name__}: {shorten(str(error), 200)}")
        if ok:
            return None
        if isinstance(text, Message):
            return text
        return Message.literal(text) if text else Message.of("checker.wrong_value_plain")


@dataclass(frozen=True, eq=False)
class Test:
    """One test of a question: a case of a function, or the value of a variable."""

    question: Question
    index: int  # position in question.tests()
    public: bool
    number: int  # 1-based among the public or among the hidden tests
    case: Case | None

    def label(self) -> Message:
        if self.question.variable is not None:
            return Message.of("checker.label_value", name=self.question.name)
        return Message.of("checker.label_public" if self.public else "checker.label_hidden", number=self.number)

    def call_text(self) -> str:
        return self.question.name if self.case is None else self.case.call_text(self.question.name)

