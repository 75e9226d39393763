"""Exercise specifications: questions, test cases, and how an answer is compared.

An exercise source (``course/content/exercises/STEM.py``) ends with a code cell tagged
``hidden`` that defines the list ``QUESTIONS``::

    from course.exercise import Question, case, random_cases

    QUESTIONS = [
        Question("q1", function="dot", points=2,
                 hint={"en": "Multiply element by element, then add.",
                       "sv": "Multiplicera element för element och summera sedan."},
                 public=[case(np.array([1.0, 2.0]), np.array([3.0, 4.0]))],
                 hidden=[case(np.array([-1.0]), np.array([5.0])),
                         *random_cases(lambda rng: (rng.normal(size=4), rng.normal(size=4)), 6, seed=0)]),
        Question("q2", variable="shape_W", points=1),
    ]

Expected values are never written down: they come from running the source's own
solution (the code between ``# BEGIN SOLUTION`` and ``# END SOLUTION``) on the same
inputs, in a namespace of its own (:func:`load_exercise`). The student's ``check()``
(:mod:`course.checker`) and the teacher's grader (:mod:`course.grader`) both compare with
:func:`compare`, so a public test gives the same verdict in both.

Feedback is a :class:`Message`, rendered in a language only when it is shown, so the
grader can write the teacher's report in English and each student's feedback in the
language of their notebook.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import math
import re
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from course import tags as T
from course.i18n import LANGUAGES, get_language, set_language, t

EXERCISES_DIR = Path(__file__).resolve().parent / "content" / "exercises"

# Default tolerances for floats, the same as numpy.allclose: |received - expected| <= atol + rtol * |expected|.
RTOL = 1e-5
ATOL = 1e-8

_ID_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
_NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def float_guard(strict: bool):
    """A context in which numpy's floating-point warnings raise, when ``strict``."""
    if not strict:
        return contextlib.nullcontext()
    return np.errstate(over="raise", invalid="raise", divide="raise")


class SpecError(ValueError):
    """An exercise source or its ``QUESTIONS`` is broken (a bug for the exercise's author)."""


@dataclass(frozen=True)
class Message:
    """Feedback text, rendered in a language only when it is shown.

    ``key`` names a string of :mod:`course.strings`; ``fields`` fill its ``{placeholders}``
    and may themselves be messages. A message with ``key=None`` is literal text given
    per language in ``texts`` (e.g. from a question's custom ``compare``).
    """

    key: str | None
    fields: tuple[tuple[str, Any], ...] = ()
    texts: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, key: str, **fields: Any) -> Message:
        return cls(key, tuple(fields.items()))

    @classmethod
    def literal(cls, text: str | Mapping[str, str]) -> Message:
        """Literal text: one string for every language, or ``{"en": ..., "sv": ...}``."""
        if isinstance(text, str):
            return cls(None, texts=tuple((lang, text) for lang in LANGUAGES))
        return cls(None, texts=tuple((lang, str(text.get(lang, text.get("en", "")))) for lang in LANGUAGES))

    def render(self, lang: str | None = None) -> str:
        lang = lang or get_language()
        if self.key is None:
            return dict(self.texts).get(lang, "")
        fields = {name: value.render(lang) if isinstance(value, Message) else value for name, value in self.fields}
        return t(self.key, lang, **fields)

    def __str__(self) -> str:
        return self.render()

    def without_expected(self) -> Message:
        """The message without the expected value, for answers that must not be given away."""
        if self.key == "checker.mismatch":
            return dict(self.fields)["problem"].without_expected()
        if any(isinstance(value, Message) for _, value in self.fields):
            fields = tuple((name, value.without_expected() if isinstance(value, Message) else value)
                           for name, value in self.fields)
            return Message(self.key, fields, self.texts)
        return self


@dataclass(frozen=True, eq=False)
class Case:
    """One test of a function question: the arguments the function is called with."""

    args: tuple
    kwargs: Mapping[str, Any] = field(default_factory=dict)

    def call_text(self, name: str, limit: int = 400) -> str:
        """The call as code, e.g. ``dot(array([1., 2.]), array([3., 4.]))``, shortened."""
        parts = [value_repr(arg, limit=150, precision=4) for arg in self.args]
        parts += [f"{key}={value_repr(value, limit=150, precision=4)}" for key, value in self.kwargs.items()]
        return _shorten(f"{name}({', '.join(parts)})", limit)


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
            return Message.of("checker.compare_error", error=f"{type(error).__name__}: {_shorten(str(error), 200)}")
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


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def value_repr(value: Any, limit: int = 200, precision: int = 8) -> str:
    """A short one-line representation of a value for feedback."""
    try:
        if isinstance(value, (np.ndarray, list, tuple, dict)):
            with np.printoptions(threshold=24, edgeitems=3, precision=precision, linewidth=10_000):
                text = repr(value)
        elif isinstance(value, np.generic):
            text = repr(value.item())
        else:
            text = repr(value)
    except Exception:  # a broken __repr__ must not break the feedback
        text = f"<{type(value).__name__}>"
    return _shorten(" ".join(text.split()), limit)


def _type_name(value: Any) -> str:
    # numpy scalars read as their Python kind, so 32.0 (float) and np.float64(32.0) look alike.
    for kinds, name in (((bool, np.bool_), "bool"), ((int, np.integer), "int"), ((float, np.floating), "float"),
                        ((complex, np.complexfloating), "complex"), ((str, np.str_), "str")):
        if isinstance(value, kinds):
            return name
    return type(value).__name__


def describe(value: Any) -> Message:
    """The value, its type and, for arrays, its shape and dtype."""
    if isinstance(value, np.ndarray):
        return Message.of("checker.describe_array", value=value_repr(value), shape=str(value.shape), dtype=str(value.dtype))
    if value is None:
        return Message.literal("None")
    return Message.of("checker.describe_value", value=value_repr(value), type=_type_name(value))


# Which kinds of numbers may stand in for which (numpy dtype kinds).
_COMPATIBLE_KINDS = {"f": "fiu", "c": "cfiu", "i": "iu", "u": "iu", "b": "b", "U": "US", "S": "US"}


def _category(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, (bool, np.bool_)):
        return "bool"
    if isinstance(value, (int, np.integer)):
        return "int"
    if isinstance(value, (float, np.floating)):
        return "float"
    if isinstance(value, (complex, np.complexfloating)):
        return "complex"
    if isinstance(value, (str, np.str_)):
        return "str"
    if isinstance(value, np.ndarray):
        return "array"
    if isinstance(value, tuple):
        return "tuple"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "dict"
    return "other"


def _type_message(category: str, value: Any = None) -> Message:
    if category == "array" and isinstance(value, np.ndarray):
        return Message.of("checker.type_array_of", kind=_kind_message(value.dtype.kind))
    if category == "other":
        return Message.of("checker.type_other", name=type(value).__name__)
    return Message.of(f"checker.type_{category}")


def _kind_message(kind: str) -> Message:
    known = {"f": "float", "c": "complex", "i": "int", "u": "int", "b": "bool", "U": "str", "S": "str"}
    return Message.of(f"checker.kind_{known.get(kind, 'other')}")


def _scalar(value: Any) -> Any:
    """A 0-d array as its scalar; everything else unchanged."""
    if isinstance(value, np.ndarray) and value.ndim == 0:
        return value[()]
    return value


def compare(expected: Any, received: Any, *, rtol: float = RTOL, atol: float = ATOL,
            check_dtype: bool = True) -> Message | None:
    """Compare the student's value with the expected one.

    Integers, strings, booleans and None must be equal; floats (and arrays of them) equal
    within ``rtol``/``atol`` as in ``numpy.allclose``; arrays must have the expected shape
    and kind of numbers; lists, tuples and dicts are compared element by element (a list
    may stand in for a tuple and the other way round, and a list of numbers for an
    array). A NaN in ``received`` where ``expected`` has none is always wrong.

    Returns
    -------
    Message or None
        None when ``received`` is right, else what is wrong, with both values.
    """
    try:
        problem = _compare(expected, received, rtol, atol, check_dtype, depth=0)
    except RecursionError:
        return Message.of("checker.too_deep")
    if problem is not None and problem.key in ("checker.at", "checker.wrong_keys"):
        # Inside a list, tuple or dict: say where, then show both whole values.
        return _mismatch(problem, expected, received)
    return problem


def _located(where: str, problem: Message) -> Message:
    """``problem`` found at ``where`` inside a container, without the inner values."""
    fields = dict(problem.fields)
    if problem.key == "checker.mismatch":
        problem = fields["problem"]
        fields = dict(problem.fields)
    if problem.key == "checker.at":
        return Message.of("checker.at", where=where + fields["where"], problem=fields["problem"])
    return Message.of("checker.at", where=where, problem=problem)


def _mismatch(problem: Message, expected: Any, received: Any) -> Message:
    return Message.of("checker.mismatch", problem=problem, expected=describe(expected), received=describe(received))


def _compare(expected: Any, received: Any, rtol: float, atol: float, check_dtype: bool, depth: int) -> Message | None:
    if depth > 50:
        return Message.of("checker.too_deep")
    expected, received = _scalar(expected), _scalar(received)
    want, got = _category(expected), _category(received)

    if want == "none":
        return None if got == "none" else _mismatch(Message.of("checker.wrong_type", expected=_type_message(want), received=_type_message(got, received)), expected, received)

    if want in ("bool", "int", "str"):
        if got != want:
            return _mismatch(Message.of("checker.wrong_type", expected=_type_message(want), received=_type_message(got, received)), expected, received)
        return None if expected == received else _mismatch(Message.of("checker.wrong_value"), expected, received)

    if want in ("float", "complex"):
        allowed = ("int", "float") if want == "float" else ("int", "float", "complex")
        if got not in allowed:
            return _mismatch(Message.of("checker.wrong_type", expected=_type_message(want), received=_type_message(got, received)), expected, received)
        if _isnan(received) and not _isnan(expected):
            return _mismatch(Message.of("checker.nan_scalar"), expected, received)
        if bool(np.isclose(received, expected, rtol=rtol, atol=atol, equal_nan=True)):
            return None
        return _mismatch(Message.of("checker.wrong_value"), expected, received)

    if want == "array":
        return _compare_arrays(expected, received, got, rtol, atol, check_dtype)

    if want in ("list", "tuple"):
        if got not in ("list", "tuple"):
            return _mismatch(Message.of("checker.wrong_type", expected=_type_message(want), received=_type_message(got, received)), expected, received)
        if len(expected) != len(received):
            return _mismatch(Message.of("checker.wrong_length", expected=len(expected), received=len(received)), expected, received)
        for position, (e, r) in enumerate(zip(expected, received)):
            problem = _compare(e, r, rtol, atol, check_dtype, depth + 1)
            if problem is not None:
                return _located(f"[{position}]", problem)
        return None

    if want == "dict":
        if got != "dict":
            return _mismatch(Message.of("checker.wrong_type", expected=_type_message(want), received=_type_message(got, received)), expected, received)
        if set(expected) != set(received):
            return Message.of("checker.wrong_keys", expected=_shorten(", ".join(sorted(map(repr, expected))), 200),
                              received=_shorten(", ".join(sorted(map(repr, received))), 200))
        for key in expected:
            problem = _compare(expected[key], received[key], rtol, atol, check_dtype, depth + 1)
            if problem is not None:
                return _located(f"[{key!r}]", problem)
        return None

    try:
        same = bool(expected == received)
    except Exception:
        same = False
    return None if same else _mismatch(Message.of("checker.wrong_value"), expected, received)


def _isnan(value: Any) -> bool:
    try:
        return bool(np.isnan(value))
    except (TypeError, ValueError):
        return False


def _compare_arrays(expected: np.ndarray, received: Any, got: str, rtol: float, atol: float,
                    check_dtype: bool) -> Message | None:
    if got in ("list", "tuple", "int", "float", "complex", "bool"):
        try:
            converted = np.asarray(received)
        except (ValueError, TypeError):
            converted = None
        if converted is None or converted.dtype.kind not in "biufcUS":
            return _mismatch(Message.of("checker.wrong_type", expected=_type_message("array", expected),
                                        received=_type_message(got, received)), expected, received)
        received = converted
    elif got != "array":
        return _mismatch(Message.of("checker.wrong_type", expected=_type_message("array", expected),
                                    received=_type_message(got, received)), expected, received)

    if received.shape != expected.shape:
        return _mismatch(Message.of("checker.wrong_shape", expected=str(expected.shape), received=str(received.shape)),
                         expected, received)
    want_kind, got_kind = expected.dtype.kind, received.dtype.kind
    numeric = "biufc"
    if want_kind in "US" or got_kind in "US" or not check_dtype:
        kinds_ok = (want_kind in "US") == (got_kind in "US") and (want_kind in numeric) == (got_kind in numeric)
    else:
        kinds_ok = got_kind in _COMPATIBLE_KINDS.get(want_kind, want_kind)
    if not kinds_ok:
        return _mismatch(Message.of("checker.wrong_kind", expected=_kind_message(want_kind), received=_kind_message(got_kind)),
                         expected, received)

    if want_kind in "US" or got_kind == "b" or (want_kind in "iub" and got_kind in "iu"):
        if np.array_equal(expected, received):
            return None
        wrong = expected != received
        return _mismatch(_where_wrong(wrong, None, expected.size), expected, received)

    expected_f = expected.astype(complex if "c" in (want_kind, got_kind) else float)
    received_f = received.astype(expected_f.dtype)
    nan_got = np.isnan(received_f)
    bad_nan = nan_got & ~np.isnan(expected_f)
    if bad_nan.any():
        index = _first_index(bad_nan)
        return _mismatch(Message.of("checker.nan_array", index=index), expected, received)
    close = np.isclose(received_f, expected_f, rtol=rtol, atol=atol, equal_nan=True)
    if close.all():
        return None
    with np.errstate(invalid="ignore", over="ignore"):
        diff = np.abs(received_f - expected_f)
    diff = np.where(close, 0.0, np.nan_to_num(diff, nan=np.inf))
    return _mismatch(_where_wrong(~close, diff, expected.size), expected, received)


def _first_index(mask: np.ndarray) -> str:
    position = np.argwhere(mask)[0]
    return str(tuple(int(i) for i in position)) if mask.ndim != 1 else str(int(position[0]))


def _where_wrong(wrong: np.ndarray, diff: np.ndarray | None, size: int) -> Message:
    count = int(np.count_nonzero(wrong))
    if wrong.ndim == 0:
        return Message.of("checker.wrong_value")
    if diff is None:
        return Message.of("checker.wrong_entries", count=count, size=size, index=_first_index(wrong))
    flat = int(np.argmax(diff))
    worst = np.unravel_index(flat, diff.shape)
    index = str(tuple(int(i) for i in worst)) if diff.ndim != 1 else str(int(worst[0]))
    return Message.of("checker.wrong_entries_diff", count=count, size=size, index=index,
                      diff=f"{float(diff[worst]):.3g}")


@dataclass(frozen=True)
class SourceCell:
    """A cell of an exercise source: ``kind`` is "code" or "markdown"; ``index`` is 1-based."""

    kind: str
    source: str
    tags: tuple[str, ...]
    index: int


_MARKER_RE = re.compile(r"^# %%(?P<rest>.*)$")
_TAGS_RE = re.compile(r"\btags=(\[[^\]]*\])")


def read_cells(path: Path | str) -> list[SourceCell]:
    """The cells of a jupytext percent source, without importing jupytext.

    The checker runs in the student's kernel, where importing jupytext (and with it
    nbformat and jsonschema) would take seconds; exercise sources only use the plain
    ``# %%`` markers with optional ``[markdown]`` and ``tags=[...]``, which this reads
    the same way jupytext does (a test keeps the two in agreement).
    """
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    cells: list[SourceCell] = []
    current: dict | None = None
    body: list[str] = []

    def finish() -> None:
        if current is None:
            return
        while body and not body[-1].strip():
            body.pop()
        text_lines = body
        if current["kind"] == "markdown":
            text_lines = [line[2:] if line.startswith("# ") else line[1:] if line.startswith("#") else line for line in body]
        cells.append(SourceCell(current["kind"], "\n".join(text_lines), current["tags"], len(cells) + 1))

    for line in lines:
        match = _MARKER_RE.match(line)
        if match and (not match["rest"] or match["rest"][0] == " "):
            finish()
            rest = match["rest"].strip()
            kind = "markdown" if rest.startswith(("[markdown]", "[md]")) else "code"
            tags_match = _TAGS_RE.search(rest)
            try:
                tags = tuple(json.loads(tags_match[1])) if tags_match else ()
            except json.JSONDecodeError as error:
                raise SpecError(f"{path}: cannot read the tags in {line!r}: {error}") from None
            current, body = {"kind": kind, "tags": tags}, []
        elif current is not None:
            body.append(line)
    finish()
    return cells


def exercise_path(exercise: str | Path) -> Path:
    """The source of an exercise given its stem (``"00_welcome"``) or a path to a ``.py`` file."""
    path = Path(exercise)
    if path.suffix == ".py" or path.is_file():
        if not path.is_file():
            raise FileNotFoundError(f"no exercise source at {path}")
        return path
    candidate = EXERCISES_DIR / f"{exercise}.py"
    if not candidate.is_file():
        available = ", ".join(sorted(p.stem for p in EXERCISES_DIR.glob("[0-9]*.py"))) or "none yet"
        raise FileNotFoundError(f"unknown exercise {str(exercise)!r}; expected one of: {available}")
    return candidate


_loading = 0


def is_loading() -> bool:
    """True while a reference solution runs; ``check()`` calls in the source do nothing then."""
    return _loading > 0


@contextlib.contextmanager
def _quietly() -> Iterator[None]:
    """Run the reference solution without showing its output, figures or language change."""
    global _loading
    language = get_language()
    figures_before = _figure_numbers()
    shell = None
    if "IPython" in sys.modules:
        try:
            from IPython import get_ipython

            shell = get_ipython()
        except Exception:
            shell = None
    _loading += 1
    try:
        if shell is not None:
            from IPython.utils.capture import capture_output

            with capture_output(display=True):
                yield
        else:
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                yield
    finally:
        _loading -= 1
        set_language(language)
        _close_new_figures(figures_before)


def _figure_numbers() -> set[int]:
    pyplot = sys.modules.get("matplotlib.pyplot")
    return set(pyplot.get_fignums()) if pyplot is not None else set()


def _close_new_figures(before: set[int]) -> None:
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:
        for number in set(pyplot.get_fignums()) - before:
            pyplot.close(number)


@dataclass(eq=False)
class Exercise:
    """An exercise with its reference solution loaded.

    Attributes
    ----------
    stem : str
    path : Path
        The source file.
    questions : tuple of Question
    namespace : dict
        The globals of the reference solution after running the source.
    """

    stem: str
    path: Path
    questions: tuple[Question, ...]
    namespace: dict = field(repr=False)

    def question(self, question_id: str) -> Question:
        for question in self.questions:
            if question.id == question_id:
                return question
        valid = ", ".join(repr(q.id) for q in self.questions)
        raise ValueError(f"exercise {self.stem} has no question {question_id!r}; expected one of {valid}")

    @property
    def max_points(self) -> float:
        return sum(q.points for q in self.questions)

    def expected(self, test: Test) -> Any:
        """The reference solution's answer for one test.

        Raises
        ------
        SpecError
            When the reference solution fails on the test's input.
        """
        question = test.question
        reference = self.namespace[question.name]
        if test.case is None:
            return reference
        args, kwargs = copy.deepcopy((test.case.args, dict(test.case.kwargs)))
        try:
            with _quietly():
                return reference(*args, **kwargs)
        except Exception as error:
            raise SpecError(
                f"{self.path}: the reference solution {test.call_text()} of question {question.id} raised "
                f"{type(error).__name__}: {error}"
            ) from error


def load_exercise(exercise: str | Path) -> Exercise:
    """Run an exercise source with its solutions and return its questions and reference.

    Markdown cells, cells tagged ``check`` and the Swedish twins of en/sv code-cell pairs
    are skipped; every other code cell (the
    ``hidden`` spec cell too) runs in order in one fresh namespace, with output hidden.
    The notebook language is left as it was.

    Raises
    ------
    SpecError
        When a cell fails, ``QUESTIONS`` is missing or malformed, or a question names a
        function or variable the solution does not define.
    """
    path = exercise_path(exercise)
    namespace: dict[str, Any] = {"__name__": f"__exercise_{path.stem}__", "__file__": str(path)}
    with _quietly():
        for cell in read_cells(path):
            # A Swedish twin is the same program as its English cell (the builder checks it).
            if cell.kind != "code" or T.CHECK in cell.tags or T.SV in cell.tags:
                continue
            code_text = "\n".join(line for line in cell.source.splitlines()
                                  if line.strip() not in (T.BEGIN_SOLUTION, T.END_SOLUTION))
            try:
                exec(compile(code_text, f"{path}:cell {cell.index}", "exec"), namespace)
            except Exception as error:
                raise SpecError(f"{path}, cell {cell.index}: the solution raised {type(error).__name__}: {error}") from error
    questions = namespace.get("QUESTIONS")
    if not isinstance(questions, (list, tuple)) or not questions or not all(isinstance(q, Question) for q in questions):
        raise SpecError(f"{path}: expected a cell tagged {T.HIDDEN!r} that sets QUESTIONS to a list of Question(...), "
                        f"but received {type(questions).__name__}")
    ids = [q.id for q in questions]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise SpecError(f"{path}: question ids must be unique, but {', '.join(duplicates)} appear more than once")
    for question in questions:
        if question.name not in namespace:
            raise SpecError(f"{path}: question {question.id} names {question.name!r}, which the solution does not define")
        if question.function is not None and not callable(namespace[question.name]):
            raise SpecError(f"{path}: question {question.id} names the function {question.name!r}, but the solution "
                            f"defines it as {type(namespace[question.name]).__name__}")
    return Exercise(stem=path.stem, path=path, questions=tuple(questions), namespace=namespace)
