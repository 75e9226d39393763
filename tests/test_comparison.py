"""The comparison engine (course.exercise.comparison) that check() and the grader share.

Each test states the verdict by the message's key and fields, not its wording, so a
rephrased string does not break it while a wrong verdict does.
"""

from __future__ import annotations

import numpy as np
import pytest

from course.exercise import compare as exported_compare
from course.exercise.comparison import ATOL, RTOL, compare


def problem(message):
    """The key and fields of what is wrong, unwrapped from the mismatch that shows both values."""
    assert message is not None, "expected a wrong verdict, but the answer was accepted"
    if message.key == "checker.mismatch":
        fields = dict(message.fields)
        assert fields["expected"] is not None and fields["received"] is not None
        message = fields["problem"]
    return message.key, dict(message.fields)


def test_the_package_exports_the_engine():
    assert exported_compare is compare
    assert (RTOL, ATOL) == (1e-5, 1e-8)  # the same as numpy.allclose


@pytest.mark.parametrize("expected, received", [
    (3, 3), (True, True), ("relu", "relu"), (None, None),
    (1.0, 1.0 + 1e-9), (100.0, 100.0005), (2.0, 2),  # an int may stand for a float
    (np.float64(0.5), 0.5), (np.array(2.5), 2.5),  # numpy scalars and 0-d arrays read as numbers
    ((1, 2.0), [1, 2.0]), ({"a": 1.0}, {"a": 1.0 + 1e-12}),
    (np.array([1.0, 2.0]), [1.0, 2.0]),  # a list of numbers for an array
    (np.array([1.0, np.nan]), np.array([1.0, np.nan])),  # NaN where NaN is expected
])
def test_right_answers_are_accepted(expected, received):
    assert compare(expected, received) is None


def test_tolerance_is_atol_plus_rtol_times_expected():
    # |r - e| <= 1e-8 + 1e-5 * |e|: for e = 1000 that is 0.01000001
    assert compare(1000.0, 1000.0 + 0.0099) is None
    assert problem(compare(1000.0, 1000.0 + 0.011))[0] == "checker.wrong_value"
    assert compare(1000.0, 1000.011, rtol=1e-4) is None


@pytest.mark.parametrize("expected, received, want, got", [
    (1.0, "1.0", "checker.type_float", "checker.type_str"),
    (3, 3.0, "checker.type_int", "checker.type_float"),
    (True, 1, "checker.type_bool", "checker.type_int"),
    (None, 0, "checker.type_none", "checker.type_int"),
    ([1, 2], {1, 2}, "checker.type_list", "checker.type_other"),
    ({"a": 1}, [("a", 1)], "checker.type_dict", "checker.type_list"),
    (np.array([1.0]), "x", "checker.type_array_of", "checker.type_str"),
])
def test_a_wrong_type_names_both_types(expected, received, want, got):
    key, fields = problem(compare(expected, received))
    assert key == "checker.wrong_type"
    assert (fields["expected"].key, fields["received"].key) == (want, got)


def test_arrays_shape_kind_and_entries():
    assert problem(compare(np.zeros((2, 3)), np.zeros((3, 2)))) == (
        "checker.wrong_shape", {"expected": "(2, 3)", "received": "(3, 2)"})
    key, fields = problem(compare(np.array([1, 2]), np.array([1.0, 2.0])))
    assert key == "checker.wrong_kind" and fields["expected"].key == "checker.kind_int"
    assert compare(np.array([1, 2]), np.array([1.0, 2.0]), check_dtype=False) is None
    # two of four entries wrong; the worst (by 3) at index (1, 0)
    key, fields = problem(compare(np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[1.0, 2.5], [6.0, 4.0]])))
    assert key == "checker.wrong_entries_diff"
    assert (fields["count"], fields["size"], fields["index"], fields["diff"]) == (2, 4, "(1, 0)", "3")
    key, fields = problem(compare(np.array([1, 2, 3]), np.array([1, 0, 0])))
    assert (key, fields["count"], fields["index"]) == ("checker.wrong_entries", 2, "1")


def test_nan_where_a_number_is_expected_is_always_wrong():
    assert problem(compare(1.0, float("nan")))[0] == "checker.nan_scalar"
    assert problem(compare(np.array([1.0, 2.0]), np.array([1.0, np.nan]), atol=np.inf)) == (
        "checker.nan_array", {"index": "1"})


def test_containers_say_where_inside_and_show_both_whole_values():
    message = compare([1, (2, 3.0)], [1, (2, 4.0)])
    assert message.key == "checker.mismatch"
    key, fields = problem(message)
    assert (key, fields["where"], fields["problem"].key) == ("checker.at", "[1][1]", "checker.wrong_value")
    assert problem(compare([1, 2], [1, 2, 3])) == ("checker.wrong_length", {"expected": 2, "received": 3})
    assert problem(compare({"a": 1}, {"b": 1}))[0] == "checker.wrong_keys"
    key, fields = problem(compare({"w": np.zeros(2)}, {"w": np.zeros(3)}))
    assert (key, fields["where"], fields["problem"].key) == ("checker.at", "['w']", "checker.wrong_shape")


def test_deep_nesting_and_broken_equality_do_not_raise():
    deep = []
    for _ in range(200):
        deep = [deep]
    key, fields = problem(compare(deep, deep))  # said where it gave up, 51 levels in
    assert (key, fields["where"], fields["problem"].key) == ("checker.at", "[0]" * 51, "checker.too_deep")

    class Unequal:
        def __eq__(self, other):
            raise RuntimeError("no")

    assert problem(compare(Unequal(), Unequal()))[0] == "checker.wrong_value"


def test_messages_render_in_both_languages():
    message = compare(1.0, "x")
    assert "float" in message.render("en") and "float" in message.render("sv")
    assert message.render("en") != message.render("sv")
