"""The specification of an exercise: questions, their test cases, and the tests they make."""

from __future__ import annotations

import math
import re
from fractions import Fraction
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
    weight: float = 1

    def weighted(self, weight: float) -> Case:
        """The same case counting ``weight`` times as much as a plain case in the question's points.

        Example: ``case(np.array([-1000.0])).weighted(3)`` for the input a question is about.
        """
        if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not (math.isfinite(weight) and weight > 0):
            raise SpecError(f"Case.weighted: expected a weight > 0, but received {weight!r}")
        return Case(self.args, self.kwargs, weight)

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
class Misconception:
    """A wrong answer students often write, as code, and what to tell a student who wrote it.

    When a student's answer behaves like ``answer`` on every test (the same values, or the
    same kind of error, where ``answer`` is wrong), ``check()`` and the grader's feedback
    show ``message`` as the likely cause, beside the usual expected/received detail.

    Parameters
    ----------
    id : str
        A short name, e.g. ``"no_max_shift"``; the teacher's class report counts by it.
    answer : callable or value
        The wrong function (for a function question; a top-level ``def`` in the spec cell
        that uses only numpy and the notebook's own names, so a test can hand it in as a
        student would) or the wrong value (for a variable question).
    message : {"en": str, "sv": str}
        What is wrong and how to fix it, without giving the answer away.
    costs : float
        The least share of the question's points this mistake must lose, between 0 and 1
        (0.5: at least half). The exercise tests check it, so the tests' weights say what
        the mistake is worth.
    """

    id: str
    answer: Any = field(repr=False)
    message: Mapping[str, str] = field(repr=False)
    costs: float = 0.25

    def __post_init__(self) -> None:
        where = f"Misconception({self.id!r})"
        if not isinstance(self.id, str) or not _NAME_RE.match(self.id):
            raise SpecError(f"Misconception: expected an id like 'no_max_shift', but received {self.id!r}")
        if not isinstance(self.message, Mapping) or set(self.message) != set(LANGUAGES) or not all(
                isinstance(text, str) and text.strip() for text in self.message.values()):
            raise SpecError(f"{where}: expected message to be a dict with non-empty texts for {list(LANGUAGES)}, "
                            f"but received {self.message!r}")
        object.__setattr__(self, "message", dict(self.message))
        if isinstance(self.costs, bool) or not isinstance(self.costs, (int, float)) or not 0 < self.costs <= 1:
            raise SpecError(f"{where}: expected costs between 0 (exclusive) and 1, but received {self.costs!r}")

    def note(self) -> Message:
        """The message, as feedback."""
        return Message.of("checker.likely_cause", cause=Message.literal(self.message))


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
    misconceptions : sequence of Misconception
        The common wrong answers, recognised in feedback (see :class:`Misconception`).
    alternatives : sequence
        Right answers written in another style (loops, float32, lists), as code; the
        exercise tests check that each gets full marks.
    alike : callable, optional
        ``alike(wrong, received) -> bool``: whether a student's value is wrong the same way as
        a misconception's value ``wrong``, for questions graded by a property (an accuracy, a
        kernel that detects edges), where ``compare`` cannot tell two wrong answers apart.
        Default: ``compare`` (or the comparison engine) finds them equal.
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
    misconceptions: Sequence[Misconception] = field(default=(), repr=False)
    alternatives: Sequence[Any] = field(default=(), repr=False)
    alike: Callable[[Any, Any], bool] | None = field(default=None, repr=False)

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
        misconceptions = tuple(self.misconceptions)
        if not all(isinstance(item, Misconception) for item in misconceptions):
            raise SpecError(f"{where}: expected misconceptions to be made with Misconception(...)")
        ids = [item.id for item in misconceptions]
        if len(set(ids)) != len(ids):
            raise SpecError(f"{where}: misconception ids must be unique, but received {ids}")
        for item in misconceptions:
            if self.function is not None and not callable(item.answer):
                raise SpecError(f"{where}: misconception {item.id!r} of a function question must be a function")
        object.__setattr__(self, "misconceptions", misconceptions)
        object.__setattr__(self, "alternatives", tuple(self.alternatives))
        if self.alike is not None and not callable(self.alike):
            raise SpecError(f"{where}: expected alike to be a function, but received {type(self.alike).__name__}")
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

    def share(self, passed: Sequence[bool]) -> Fraction:
        """The share of the question's points earned by passing these of its tests (in order)."""
        weights = [Fraction(str(test.weight)) for test in self.tests()]
        if len(passed) != len(weights):
            raise ValueError(f"Question({self.id!r}).share: expected {len(weights)} results, but received {len(passed)}")
        return sum((w for w, ok in zip(weights, passed) if ok), Fraction(0)) / sum(weights, Fraction(0))

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

    @property
    def weight(self) -> float:
        return 1 if self.case is None else self.case.weight

    def shown_label(self, label: Message | None = None) -> Message:
        """The label shown to people: ``label`` (default :meth:`label`) and how many times the test counts."""
        label = label or self.label()
        if self.weight == 1:
            return label
        number = f"{self.weight:g}"
        return Message.of("checker.label_weighted", label=label,
                          weight=Message.literal({"en": number, "sv": number.replace(".", ",")}))

    def call_text(self) -> str:
        return self.question.name if self.case is None else self.case.call_text(self.question.name)

