"""Gradebook exports (course.grader.gradebook): the LMS identifiers and the two CSV formats."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import pytest
from report_fixture import fixture_result

from course.grader.gradebook import LmsStudent, canvas_csv, gradebook, lms_student, moodle_csv, write_gradebook

RESULT = fixture_result()


@pytest.mark.parametrize(("file", "expected"), [
    ("submissions.zip/berganna_101_9101_03_forward_pass.ipynb", LmsStudent("101", "berganna")),
    ("submissions.zip/berganna_late_101_9101_03_forward_pass.ipynb", LmsStudent("101", "berganna")),
    ("subs/berganna_LATE_101_9101_03_forward_pass-1.ipynb", LmsStudent("101", "berganna")),
    # A student who uploaded a zip: the identifier is on the zip, the notebook inside has its own name.
    ("submissions.zip/berganna_101_9101_hand_in.zip/work/03_forward_pass.ipynb", LmsStudent("101", "berganna")),
    ("subs/anna.ipynb", None),
    ("subs/03_forward_pass.ipynb", None),
])
def test_canvas_identifiers_from_the_download_names(file, expected):
    assert lms_student(file, "canvas") == expected


@pytest.mark.parametrize(("file", "expected"), [
    ("submissions.zip/Anna Berg_123456_assignsubmission_file_/03_forward_pass.ipynb", LmsStudent("123456", "Anna Berg")),
    ("submissions.zip/Anna Berg_123456_assignsubmission_file/03_forward_pass.ipynb", LmsStudent("123456", "Anna Berg")),
    ("dl/Anna Berg_123456_assignsubmission_file_03_forward_pass.ipynb", LmsStudent("123456", "Anna Berg")),
    ("dl/Participant_77_assignsubmission_file_/x.ipynb", LmsStudent("77", "Participant")),
    ("dl/berganna_101_9101_x.ipynb", None),
])
def test_moodle_participant_numbers_from_the_download_names(file, expected):
    assert lms_student(file, "moodle") == expected


def test_unknown_format_is_an_error():
    with pytest.raises(ValueError, match=r"expected a format in \('canvas', 'moodle'\), but received 'blackboard'"):
        lms_student("a.ipynb", "blackboard")
    with pytest.raises(ValueError, match="expected a format"):
        gradebook(RESULT, "blackboard")


def test_canvas_csv_fits_canvas_importer():
    book = canvas_csv(RESULT, "Homework 3 (4711)")
    rows = list(csv.reader(io.StringIO(book.text)))
    # Canvas reads: Student first, ID second, the last student column is Section, then the assignments.
    assert rows[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "Homework 3 (4711)"]
    assert rows[1] == ["Points Possible", "", "", "", "", "4"]
    assert [(r[0], r[1], r[5]) for r in rows[2:]] == [
        ("berganna", "101", "4"), ("bergbertil", "102", "1"), ("carlssoncecilia", "103", "1"),
        ("dahldavid", "104", "1"), ("ekerik", "105", "0"), ("lindfilippa", "106", "2")]
    assert (book.rows, book.problems) == (6, ())
    with pytest.raises(ValueError, match="expected a Canvas assignment name"):
        canvas_csv(RESULT, " ")


def test_submissions_without_or_with_a_shared_identifier_are_left_out_with_a_problem():
    subs = list(RESULT.submissions)
    subs[0] = replace(subs[0], file="subs/anna.ipynb")
    subs[2] = replace(subs[2], file="submissions.zip/bergbertil_102_9555_second.ipynb")  # the same user as bertil
    book = canvas_csv(replace(RESULT, submissions=tuple(subs)), "HW")
    ids = [row[1] for row in csv.reader(io.StringIO(book.text))][2:]
    assert ids == ["104", "105", "106"]
    assert len(book.problems) == 2
    assert "subs/anna.ipynb: no Canvas identifier in the file or folder name" in book.problems[0]
    assert "2 submissions have the Canvas identifier 102" in book.problems[1]


def test_moodle_worksheet_fits_moodle_importer(tmp_path):
    subs = tuple(replace(s, file=f"dl.zip/Student {i}_{500 + i}_assignsubmission_file_/golden_grading.ipynb")
                 for i, s in enumerate(RESULT.submissions))
    book = moodle_csv(replace(RESULT, submissions=subs))
    rows = list(csv.reader(io.StringIO(book.text)))
    # Moodle finds its columns by these names; Identifier is "Participant " and the number.
    assert rows[0] == ["Identifier", "Full name", "Grade", "Maximum Grade", "Last modified (grade)"]
    assert rows[1] == ["Participant 500", "Student 0", "4", "4", ""]
    assert [r[2] for r in rows[1:]] == ["4", "1", "1", "1", "0", "2"]
    path = write_gradebook(book, tmp_path)
    assert path.name == "moodle_grading_worksheet.csv" and path.read_text("utf-8") == book.text


def test_fractional_points_use_a_decimal_point():
    half = replace(RESULT.submissions[0], questions=tuple(
        replace(q, points=q.points / 3) for q in RESULT.submissions[0].questions))
    book = canvas_csv(replace(RESULT, submissions=(half,)), "HW")
    assert book.text.splitlines()[2] == "berganna,101,,,,1.33"


def test_names_that_start_like_a_formula_stay_text_in_a_spreadsheet():
    """A file named by a student can start with = + - @: spreadsheets would run it as a formula."""
    from course.grader.report import grades_csv

    first = replace(RESULT.submissions[0], student="=HYPERLINK(1)", file="=cmd_101_9101_x.ipynb")
    result = replace(RESULT, submissions=(first, *RESULT.submissions[1:]))
    grades = list(csv.reader(io.StringIO(grades_csv(result))))
    assert grades[1][:2] == ["'=HYPERLINK(1)", "'=cmd_101_9101_x.ipynb"]
    canvas = list(csv.reader(io.StringIO(canvas_csv(result, "@Homework").text)))
    assert canvas[0][5] == "'@Homework" and canvas[2][:2] == ["'=cmd", "101"]
    moodle_file = "dl.zip/-2+3_500_assignsubmission_file_/x.ipynb"
    moodle = list(csv.reader(io.StringIO(moodle_csv(replace(result, submissions=(replace(first, file=moodle_file),))).text)))
    assert moodle[1][:2] == ["Participant 500", "'-2+3"]
    # ordinary names are left as they are
    assert grades[2][0] == RESULT.submissions[1].student
