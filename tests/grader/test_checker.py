"""The student's check(): passing, failing with expected vs received, not answered,
exceptions in the student's code, variables, Swedish, HTML and plain text."""

from __future__ import annotations

import numpy as np
import pytest

from course import set_language
from course.checker import CheckResult, check_for, run_check


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language("en")


def right_dot(a, b):
    return float(np.sum(a * b))


def test_a_right_answer_passes_every_public_test():
    result = run_check("00_welcome", "q1", {"dot": right_dot})
    assert result.status == "passed" and result.passed
    assert [c.passed for c in result.cases] == [True, True]
    text = result.text()
    assert text.splitlines()[0] == "✔ q1 (dot): all 2 public tests passed"
    assert "✔ test 1: dot(array([1., 2., 3.]), array([4., 5., 6.]))" in text
    assert "Hint" not in text
    assert "more tests of the same kind" in text


def test_a_wrong_answer_shows_expected_and_received_and_the_hint():
    def dot(a, b):
        return 3.0

    result = run_check("00_welcome", "q1", {"dot": dot})
    assert result.status == "failed"
    text = result.text()
    assert text.splitlines()[0] == "✘ q1 (dot): 0 of 2 public tests passed"
    assert "      wrong value\n      expected: 32.0 (float)\n      received: 3.0 (float)" in text
    assert "Hint: Start with total = 0.0" in text


def test_a_wrong_shape_names_both_shapes_and_dtypes():
    result = run_check("00_welcome", "q3", {"weighted_sums": lambda W, a: (W @ a).reshape(-1, 1)})
    text = result.text()
    assert "✘ q3 (weighted_sums): the public test failed" in text
    assert "wrong shape: expected (2,), but received (2, 1)" in text
    assert "received: array([[7.], [5.]]) (shape (2, 1), dtype float64)" in text


def test_a_stub_says_not_answered_never_a_traceback():
    def dot(a, b):
        raise NotImplementedError("Not answered yet: write your solution here.")

    result = run_check("00_welcome", "q1", {"dot": dot})
    assert result.status == "not_answered" and result.cases == ()
    assert result.text().startswith("○ q1 (dot): not answered yet.")
    assert "Traceback" not in result.text() and "NotImplementedError(" in result.text()


def test_an_unset_variable_is_not_answered_and_an_undefined_function_missing():
    assert run_check("00_welcome", "q2", {}).status == "not_answered"
    missing = run_check("00_welcome", "q1", {})
    assert missing.status == "missing"
    assert "dot is not defined. Run the cell where you define it" in missing.text()
    assert run_check("00_welcome", "q1", {"dot": 3}).text() == "○ q1 (dot): dot should be a function, but it is int."


def test_an_exception_in_the_students_function_is_a_failing_test_with_its_type_and_message():
    def dot(a, b):
        return a[0] / 0 if False else {}["missing key"]

    text = run_check("00_welcome", "q1", {"dot": dot}).text()
    assert "✘ test 1: dot(" in text
    assert "your code raised KeyError: 'missing key'" in text
    assert "Traceback" not in text and 'File "' not in text


def test_an_answer_that_cannot_be_graded_says_so():
    text = run_check("00_welcome", "q1", {"dot": lambda a, b: object()}).text()
    assert "your answer cannot be graded: an object of type object is not a number" in text


def test_nan_is_a_failure_with_a_clear_reason():
    text = run_check("00_welcome", "q1", {"dot": lambda a, b: float("nan")}).text()
    assert "your answer is NaN (not a number)" in text


def test_a_variable_check_never_gives_the_answer_away():
    result = run_check("00_welcome", "q2", {"index_w23": (2, 3)})
    assert result.status == "failed"
    text = result.text()
    assert "the value is not right yet" in text and "at [0]: wrong value" in text
    assert "(1, 2)" not in text and "expected:" not in text
    assert run_check("00_welcome", "q2", {"index_w23": [1, 2]}).passed


def test_swedish_output():
    set_language("sv")
    text = run_check("00_welcome", "q1", {"dot": lambda a, b: 3.0}).text()
    assert "✘ q1 (dot): 0 av 2 publika tester klarades" in text
    assert "fel värde\n      väntat: 32.0 (float)\n      ditt svar: 3.0 (float)" in text
    assert "Ledtråd: Börja med total = 0.0" in text
    not_answered = run_check("00_welcome", "q4", {"weight_shapes": _stub}).text()
    assert "inte besvarad än" in not_answered


def _stub(*args):
    raise NotImplementedError("Inte besvarad ännu")


def test_html_has_green_and_red_marks_and_escapes_values():
    result = run_check("00_welcome", "q1", {"dot": lambda a, b: "<b>32</b>" if len(a) == 3 else -2.0})
    html = result.html()
    assert html.startswith('<div class="nncourse-check"')
    assert "#009E73" in html and "✔" in html  # the passing test
    assert "#D55E00" in html and "✘" in html  # the failing test
    assert "&#x27;&lt;b&gt;32&lt;/b&gt;&#x27;" in html and "<b>32</b>" not in html
    assert result._repr_html_() == html and repr(result) == result.text()


def test_check_uses_the_callers_globals_and_prints_outside_jupyter(capsys):
    namespace = {"check": check_for("00_welcome"), "np": np}
    exec("def weight_shapes(sizes):\n    return [(sizes[i], sizes[i - 1]) for i in range(1, len(sizes))]\n"
         "returned = check('q4')", namespace)
    assert namespace["returned"] is None
    assert capsys.readouterr().out.startswith("✔ q4 (weight_shapes): all 2 public tests passed")


def test_an_unknown_question_names_the_valid_ones():
    with pytest.raises(ValueError, match=r"exercise 00_welcome has no question 'q9'; expected one of 'q1', 'q2', 'q3', 'q4'"):
        run_check("00_welcome", "q9", {})


def test_custom_compare_kwargs_and_mutating_students(tiny_source):
    def double(x):
        if isinstance(x, np.ndarray):
            x *= 2  # mutates its input: the reference still sees the original
            return x
        return 2 * x + (1 if x == 10.0 else 0)

    result = run_check(tiny_source, "q1", {"double": double})
    assert result.passed, result.text()
    custom = run_check(tiny_source, "q3", {"double": double})
    assert custom.passed  # 21 is within 10 % of 20
    far = run_check(tiny_source, "q3", {"double": lambda x: 100.0})
    assert "more than 10 % off" in far.text()
    set_language("sv")
    assert "mer än 10 % fel" in far.text()


def test_the_spec_is_reloaded_when_the_source_changes(tiny_source):
    assert run_check(tiny_source, "q2", {"answer": {"a": 1, "b": [1.5, 2.5]}}).passed
    text = tiny_source.read_text("utf-8").replace('answer = {"a": 1, "b": [1.5, 2.5]}', 'answer = {"a": 2}')
    tiny_source.write_text(text, "utf-8")
    import os

    stat = tiny_source.stat()
    os.utime(tiny_source, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    assert run_check(tiny_source, "q2", {"answer": {"a": 2}}).passed


def test_check_inside_the_reference_run_does_nothing(tiny_source, capsys):
    # The tiny source calls check("q1") in a cell tagged "check" and builds check_for(__file__);
    # loading it must neither recurse nor print.
    from course.checker import exercise_for

    exercise_for(tiny_source)
    assert capsys.readouterr().out == ""


def test_check_result_is_a_small_dataclass():
    result = run_check("00_welcome", "q1", {"dot": right_dot})
    assert isinstance(result, CheckResult)
    assert result.question_id == "q1" and result.name == "dot" and result.kind == "function"


@pytest.mark.parametrize("variant, lang, first_line", [
    ("student", "en", "○ q1 (dot): not answered yet."),
    ("solution", "sv", "✔ q1 (dot): alla 2 publika tester klarades"),
])
def test_check_cells_in_a_real_kernel_show_one_rich_result_each(variant, lang, first_line):
    import json

    nbclient = pytest.importorskip("nbclient")
    nbformat = pytest.importorskip("nbformat")
    from grader_helpers import built_exercise

    built, _ = built_exercise(variant, lang)
    nb = nbformat.reads(json.dumps(built), as_version=4)
    nbclient.NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True).execute()
    checks = [cell for cell in nb.cells if "check" in cell.metadata.get("tags", [])]
    assert len(checks) == 4
    for cell in checks:
        # Exactly one display: nothing printed by the reference run, no traceback, no duplicate.
        (output,) = cell.outputs
        assert output.output_type == "display_data"
        assert output.data["text/html"].startswith('<div class="nncourse-check"')
    assert checks[0].outputs[0].data["text/plain"].startswith(first_line)


def test_a_question_with_float_errors_fails_an_overflowing_answer():
    import warnings

    from course.checker import run_check

    def naive_sigmoid(z):
        return 1 / (1 + np.exp(-np.asarray(z, dtype=float)))

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing may leak out as a warning either
        result = run_check("02_activations", "q1", {"sigmoid": naive_sigmoid})
    assert result.status == "failed"
    assert "FloatingPointError: overflow encountered in exp" in result.text()
