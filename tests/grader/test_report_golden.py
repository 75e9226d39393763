"""Golden files of the grader's outputs for people: feedback, the class report, the gradebooks.

The input is :func:`report_fixture.fixture_result`, a fixed batch of six submissions
scored by the grader's own ``score`` (no sandbox, no clock: the run's duration is
injected). The expected files are in ``tests/golden/grader/expected/`` and are compared
byte for byte. After an intended change, regenerate them on purpose, read the diff, and
commit it:

    NNCOURSE_REGENERATE_GOLDEN=1 .venv/bin/python -m pytest -p no:xdist tests/grader/test_report_golden.py

(the regenerating run skips the comparison, so it cannot pass by accident). The tests at
the end read the golden files themselves, so a careless regeneration cannot bless a
regression.
"""

from __future__ import annotations

import os
from dataclasses import replace

import pytest
from report_fixture import GOLDEN_GRADER, fixture_result

from course.grader.classreport import class_report_html, class_report_markdown
from course.grader.gradebook import canvas_csv, moodle_csv
from course.grader.report import feedback_markdown

EXPECTED = GOLDEN_GRADER / "expected"
RESULT = fixture_result()
MOODLE_FOLDERS = {
    "berganna": "Anna Berg_201", "bergbertil": "Bertil Berg_202", "carlssoncecilia": "Cecilia Carlsson_203",
    "dahldavid": "David Dahl_204", "ekerik": "Erik Ek_205", "lindfilippa": "Filippa Lind_206",
}


def moodle_result():
    """The fixture as a Moodle download: a folder per student, the notebook named like the exercise."""
    submissions = []
    for submission in RESULT.submissions:
        folder = MOODLE_FOLDERS[submission.student.split("_")[0]] + "_assignsubmission_file_"
        submissions.append(replace(submission, file=f"submissions.zip/{folder}/golden_grading.ipynb"))
    return replace(RESULT, submissions=tuple(submissions))


def outputs() -> dict[str, str]:
    files = {f"feedback/{s.student}.md": feedback_markdown(s, RESULT) for s in RESULT.submissions}
    for lang in ("en", "sv"):
        files[f"class_report.{lang}.md"] = class_report_markdown(RESULT, lang)
        files[f"class_report.{lang}.html"] = class_report_html(RESULT, lang)
    files["canvas_gradebook.csv"] = canvas_csv(RESULT, "Golden grading").text
    files["moodle_grading_worksheet.csv"] = moodle_csv(moodle_result()).text
    return files


OUTPUTS = outputs()


@pytest.mark.parametrize("name", sorted(OUTPUTS))
def test_output_matches_its_golden_file(name):
    expected = EXPECTED / name
    text = OUTPUTS[name]
    if os.environ.get("NNCOURSE_REGENERATE_GOLDEN"):
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_bytes(text.encode("utf-8"))
        pytest.skip(f"regenerated {expected}")
    assert expected.is_file(), f"no golden file {expected}; regenerate (see the module docstring)"
    assert text.encode("utf-8") == expected.read_bytes()


def test_no_golden_file_is_left_over():
    golden = {p.relative_to(EXPECTED).as_posix() for p in EXPECTED.rglob("*") if p.is_file()}
    assert golden == set(OUTPUTS)


def golden(name: str) -> str:
    return (EXPECTED / name).read_text("utf-8")


def test_golden_feedback_puts_the_cell_error_first_and_refers_to_it_once():
    text = golden("feedback/carlssoncecilia_103_9103_golden_grading.md")
    assert text.index("## Problems while running your notebook") < text.index("| Question |") < text.index("## q1")
    assert text.count("SyntaxError") == 2  # the cell's error, and the one line of q1 that refers to it
    assert "- ✘ dense_forward is not defined: cell 2 raised SyntaxError (see above), so none of the 4 tests " \
           "could run" in text
    assert "is not defined in the notebook" not in text
    assert "**Likely cause: Negative inputs become their size" in text


def test_golden_feedback_of_the_others():
    bertil = golden("feedback/bergbertil_102_9102_golden_grading.md")  # Swedish
    assert "**Poäng: 1 av 4**" in bertil and "**Trolig orsak: Du utelämnar biasvärdena b" in bertil
    assert "väntat: 8" not in bertil  # a variable's answer stays out of the feedback
    erik = golden("feedback/ekerik_105_9105_golden_grading.md")
    # One line per question with several tests (q3 has one), not one per test.
    assert erik.count("- ✘ all ") == 2 and "public test 1" not in erik
    anna = golden("feedback/berganna_101_9101_golden_grading.md")
    assert "✘" not in anna and "Problems while running" not in anna


def test_golden_class_reports_show_what_the_teacher_needs():
    for lang, words in (("en", ("Class report", "Score distribution", "Mean", "1.5", "1 min 23.4")),
                        ("sv", ("Klassrapport", "Poängfördelning", "Medelvärde", "1,5", "1 min och 23,4"))):
        for kind in ("md", "html"):
            text = golden(f"class_report.{lang}.{kind}")
            for word in words:
                assert word in text, (lang, kind, word)
            assert "no_bias" in text and "abs_instead" in text
            assert "ekerik_105_9105_golden_grading" in text and "lindfilippa_106_9106_golden_grading" in text
            assert "submissions.zip/__notes.txt" in text
    html = golden("class_report.sv.html")
    assert html.count("<svg") == 2 and '<html lang="sv">' in html
    for remote in ("<script", "<link", "src=", "url(", "@import", "https:"):
        assert remote not in html


def test_golden_gradebooks_carry_the_lms_identifiers():
    canvas = golden("canvas_gradebook.csv").splitlines()
    assert canvas[0] == "Student,ID,SIS User ID,SIS Login ID,Section,Golden grading"
    assert canvas[1] == "Points Possible,,,,,4"
    assert canvas[2] == "berganna,101,,,,4" and len(canvas) == 8
    moodle = golden("moodle_grading_worksheet.csv").splitlines()
    assert moodle[0] == "Identifier,Full name,Grade,Maximum Grade,Last modified (grade)"
    assert moodle[1] == "Participant 201,Anna Berg,4,4," and len(moodle) == 7
