"""The exercise specification: Question validation, comparison, cases, loading a source."""

from __future__ import annotations

import numpy as np
import pytest

from course import get_language, set_language
from course.exercise import (
    EXERCISES_DIR, Message, Question, SpecError, case, compare, load_exercise, random_cases, read_cells,
)


def render(message):
    return None if message is None else message.render("en")


class TestQuestion:
    def test_needs_exactly_one_of_function_and_variable(self):
        with pytest.raises(SpecError, match=r"Question\('q1'\): expected exactly one of function= or variable=, "
                                             r"but received function=None, variable=None"):
            Question("q1")
        with pytest.raises(SpecError, match="exactly one of"):
            Question("q1", function="f", variable="v", public=[case(1)])

    def test_rejects_bad_ids_points_cases_and_hints(self):
        with pytest.raises(SpecError, match=r"expected an id like 'q1'.*received '1q'"):
            Question("1q", variable="v")
        with pytest.raises(SpecError, match=r"expected points > 0, but received 0"):
            Question("q1", variable="v", points=0)
        with pytest.raises(SpecError, match=r"expected every public case to be made with case\(\.\.\.\), but received tuple"):
            Question("q1", function="f", public=[(1, 2)])
        with pytest.raises(SpecError, match="a function question needs at least one case"):
            Question("q1", function="f")
        with pytest.raises(SpecError, match="a variable question has exactly one test"):
            Question("q1", variable="v", public=[case(1)])
        with pytest.raises(SpecError, match=r"expected hint to be a dict with the keys \['en', 'sv'\]"):
            Question("q1", variable="v", hint={"en": "only English"})
        with pytest.raises(SpecError, match="expected a Python name"):
            Question("q1", function="not a name", public=[case(1)])

    def test_tests_are_public_first_and_numbered_per_kind(self):
        question = Question("q1", function="f", public=[case(1), case(2)], hidden=[case(3)])
        labels = [test.label().render("en") for test in question.tests()]
        assert labels == ["public test 1", "public test 2", "hidden test 1"]
        assert [test.index for test in question.tests()] == [0, 1, 2]
        assert Question("q2", variable="v").tests()[0].label().render("sv") == "värdet av v"

    def test_call_text_shows_the_arguments(self):
        assert case(np.array([1.0, 2.0]), n=3).call_text("f") == "f(array([1., 2.]), n=3)"


class TestCompare:
    def test_integers_strings_and_bools_are_exact(self):
        assert compare(3, 3) is None and compare("a", "a") is None and compare(True, np.bool_(True)) is None
        assert render(compare(3, 4)) == "wrong value\nexpected: 3 (int)\nreceived: 4 (int)"
        assert render(compare(3, 3.0)).startswith("expected an integer (int), but received a number (float)")
        assert render(compare(True, 1)).startswith("expected True or False (bool), but received an integer (int)")
        assert render(compare(3, True)).startswith("expected an integer (int), but received True or False (bool)")
        assert render(compare("a", "b")).startswith("wrong value")

    def test_floats_are_close_within_the_tolerances(self):
        assert compare(1.0, 1.0 + 1e-9) is None
        assert compare(1.0, 1) is None  # an int may stand in for a float
        assert compare(np.float64(2.0), np.float32(2.0)) is None
        assert render(compare(1.0, 1.1)).startswith("wrong value")
        assert compare(1.0, 1.1, rtol=0.2) is None
        assert render(compare(1.0, "1.0")).startswith("expected a number (float), but received a string (str)")

    def test_nan_in_the_answer_is_always_wrong(self):
        assert render(compare(1.0, float("nan"))).startswith("your answer is NaN (not a number)")
        message = render(compare(np.zeros(3), np.array([0.0, np.nan, 0.0])))
        assert message.startswith("your answer contains NaN (not a number), first at index 1")
        assert compare(np.array([np.nan]), np.array([np.nan])) is None  # expected NaN stays NaN

    def test_arrays_check_shape_kind_and_values(self):
        assert compare(np.array([1.0, 2.0]), np.array([1.0, 2.0])) is None
        assert compare(np.array([1.0, 2.0]), [1.0, 2.0]) is None  # a list of numbers may stand in
        assert compare(np.array([1.0, 2.0]), np.array([1, 2])) is None  # integers are fine as floats
        assert render(compare(np.array([1.0, 2.0]), np.array([[1.0, 2.0]]))).startswith(
            "wrong shape: expected (2,), but received (1, 2)")
        assert render(compare(np.array([1, 2]), np.array([1.0, 2.0]))).startswith(
            "wrong kind of numbers: expected integers (int), but received decimal numbers (float)")
        assert render(compare(np.array([1.0, 2.0]), np.array([True, False]))).startswith(
            "wrong kind of numbers: expected decimal numbers (float), but received True/False values (bool)")
        assert compare(np.array([1.0, 2.0]), np.array([True, False]), check_dtype=False) is not None  # values differ
        message = render(compare(np.array([1.0, 2.0, 3.0]), np.array([1.0, 2.5, 3.0])))
        assert message.splitlines() == [
            "1 of 3 entries are wrong; the largest difference is 0.5, at index 1",
            "expected: array([1., 2., 3.]) (shape (3,), dtype float64)",
            "received: array([1. , 2.5, 3. ]) (shape (3,), dtype float64)",
        ]
        assert render(compare(np.eye(2, dtype=int), np.zeros((2, 2), dtype=int))).startswith(
            "2 of 4 entries are wrong, the first at index (0, 0)")
        assert render(compare(np.zeros(2), "zeros")).startswith(
            "expected an array of decimal numbers (float), but received a string (str)")

    def test_containers_are_compared_element_by_element(self):
        assert compare((1, 2.0), [1, 2.0]) is None  # a list may stand in for a tuple
        assert compare({"a": [1, 2]}, {"a": (1, 2)}) is None
        assert render(compare([(4, 3), (2, 4)], [(3, 4), (2, 4)])).splitlines() == [
            "at [0][0]: wrong value",
            "expected: [(4, 3), (2, 4)] (list)",
            "received: [(3, 4), (2, 4)] (list)",
        ]
        assert render(compare([1, 2], [1])).startswith("wrong length: expected 2 elements, but received 1")
        assert render(compare({"a": 1}, {"b": 1})).startswith("wrong keys: expected 'a', but received 'b'")
        assert render(compare((1, 2), np.array([1, 2]))).startswith("expected a tuple, but received an array")
        assert compare(None, None) is None and compare(None, 0) is not None

    def test_without_expected_keeps_only_what_is_wrong(self):
        message = compare((1, 2), (2, 2)).without_expected()
        assert message.render("en") == "at [0]: wrong value"
        assert message.render("sv") == "vid [0]: fel värde"

    def test_custom_compare_returns_text_in_both_languages(self):
        def within(expected, received):
            return abs(expected - received) < 1, {"en": "too far", "sv": "för långt"}

        question = Question("q1", function="f", public=[case(1)], compare=within)
        assert question.judge(1.0, 1.5) is None
        assert question.judge(1.0, 3.0).render("sv") == "för långt"
        assert question.judge(1.0, "x").render("en").startswith("could not compare the answer: TypeError")
        plain = Question("q2", function="f", public=[case(1)], compare=lambda e, r: e == r)
        assert plain.judge(1, 2).render("en") == "wrong answer"


def test_random_cases_are_reproducible_from_their_seed():
    def make(rng):
        return rng.normal(size=3), int(rng.integers(10))

    first, second = random_cases(make, 4, seed=7), random_cases(make, 4, seed=7)
    assert len(first) == 4
    for a, b in zip(first, second):
        np.testing.assert_array_equal(a.args[0], b.args[0])
        assert a.args[1] == b.args[1]
    assert not np.array_equal(first[0].args[0], random_cases(make, 1, seed=8)[0].args[0])
    with pytest.raises(ValueError, match=r"random_cases: expected n to be an integer >= 1, but received 0"):
        random_cases(make, 0, seed=1)


@pytest.mark.parametrize("path", [EXERCISES_DIR / "00_welcome.py"])
def test_read_cells_agrees_with_jupytext(path):
    import jupytext

    notebook = jupytext.read(path, fmt="py:percent")
    ours = read_cells(path)
    assert [(c.kind, c.source, list(c.tags)) for c in ours] == [
        (c.cell_type, c.source, c.metadata.get("tags", [])) for c in notebook.cells]


def test_loading_keeps_the_language_and_shows_nothing(capsys, tiny_source):
    set_language("sv")
    try:
        exercise = load_exercise(tiny_source)
        assert get_language() == "sv"
    finally:
        set_language("en")
    assert capsys.readouterr() == ("", "")
    assert [q.id for q in exercise.questions] == ["q1", "q2", "q3"]
    assert exercise.max_points == 4
    assert exercise.expected(exercise.questions[0].tests()[3]) == 1.0  # double(x=0.5)


def test_loading_a_broken_source_names_the_problem(tmp_path, tiny_source):
    text = tiny_source.read_text("utf-8")
    broken = tmp_path / "broken.py"
    broken.write_text(text.replace("QUESTIONS = [", "NOT_QUESTIONS = ["), "utf-8")
    with pytest.raises(SpecError, match=r"expected a cell tagged 'hidden' that sets QUESTIONS"):
        load_exercise(broken)
    broken.write_text(text.replace('variable="answer"', 'variable="no_such_name"'), "utf-8")
    with pytest.raises(SpecError, match=r"question q2 names 'no_such_name', which the solution does not define"):
        load_exercise(broken)
    broken.write_text(text.replace("return 2 * x", "return 2 * x / 0"), "utf-8")
    exercise = load_exercise(broken)
    with pytest.raises(SpecError, match=r"the reference solution double\(2\) of question q1 raised ZeroDivisionError"):
        exercise.expected(exercise.questions[0].tests()[0])
    broken.write_text(text.replace("import numpy as np", "import numpy as np\n1 / 0"), "utf-8")
    with pytest.raises(SpecError, match=r"cell 3: the solution raised ZeroDivisionError"):
        load_exercise(broken)
    with pytest.raises(FileNotFoundError, match="unknown exercise '99_nothing'"):
        load_exercise("99_nothing")


def test_exercise_00_is_a_complete_model():
    exercise = load_exercise("00_welcome")
    assert [(q.id, q.kind, q.name, q.points) for q in exercise.questions] == [
        ("q1", "function", "dot", 2), ("q2", "variable", "index_w23", 1),
        ("q3", "function", "weighted_sums", 2), ("q4", "function", "weight_shapes", 1)]
    cells = read_cells(exercise.path)
    checks = [c.source for c in cells if "check" in c.tags]
    assert checks == ['check("q1")', 'check("q2")', 'check("q3")', 'check("q4")']
    for question in exercise.questions:
        assert question.hint and question.hint["en"] and question.hint["sv"]
        if question.function:
            assert question.public and len(question.hidden) >= 5
    assert Message.of("checker.hint", hint="x").render("sv") == "Ledtråd: x"
