"""Gradebook files an LMS imports, with the student identifiers the LMS itself wrote.

``nncourse grade ... --gradebook canvas|moodle`` writes one of them beside grades.csv:

- ``canvas_gradebook.csv``: Canvas's gradebook import (Grades → Import). A header
  ``Student, ID, SIS User ID, SIS Login ID, Section, ASSIGNMENT``, a ``Points Possible``
  row, then one row per student with the Canvas user ID, which Canvas matches students
  by. Canvas names every file of a "Download Submissions" zip
  ``sortablename_USERID_FILEID_originalname`` (``sortablename_late_USERID_…`` when it
  came in late); the ID comes from there. The assignment column is matched by its title
  or by ``Title (assignment id)``; a title Canvas does not know creates a new assignment
  with the points of the ``Points Possible`` row.
- ``moodle_grading_worksheet.csv``: Moodle's offline grading worksheet for an assignment
  (View all submissions → Grading action → Upload grading worksheet). Columns
  ``Identifier`` (``Participant N``), ``Full name``, ``Grade``, ``Maximum Grade`` and
  ``Last modified (grade)`` (left empty), with Moodle's English column names. Moodle's
  "Download all submissions" names each student's folder (or file prefix)
  ``Full Name_N_assignsubmission_file_``, where N is that same participant number.

Identifiers are read from the submission's file path as the LMS wrote it (the file,
or the folder or zip it came in), never from the notebook, which the student wrote. A
submission whose path has no such identifier, and two submissions with the same one,
are left out of the file, each with a problem the command prints, so that nothing is
imported for the wrong student.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from course.grader.grade import GradeResult, SubmissionResult
from course.grader.report import format_points, spreadsheet_text

FORMATS = ("canvas", "moodle")
FILES = {"canvas": "canvas_gradebook.csv", "moodle": "moodle_grading_worksheet.csv"}

_CANVAS = re.compile(r"^(?P<name>[^_]+)_(?:late_)?(?P<id>\d+)_\d+(?:_|$)", re.IGNORECASE)
_MOODLE = re.compile(r"^(?P<name>[^_]*)_(?P<id>\d+)_assign(?:submission|feedback)_[a-z]+(?:_|$)")
MOODLE_COLUMNS = ("Identifier", "Full name", "Grade", "Maximum Grade", "Last modified (grade)")
CANVAS_COLUMNS = ("Student", "ID", "SIS User ID", "SIS Login ID", "Section")


@dataclass(frozen=True)
class LmsStudent:
    """A student as the LMS knows them: its id (Canvas user ID, Moodle participant number) and a name."""

    id: str
    name: str


@dataclass(frozen=True)
class Gradebook:
    """The text of a gradebook file and the submissions left out of it, each with why (English)."""

    lms: str
    text: str
    rows: int
    problems: tuple[str, ...]


def lms_student(file: str, lms: str) -> LmsStudent | None:
    """The LMS's identifier in a submission's path (the nearest part that has one), or None."""
    if lms not in FORMATS:
        raise ValueError(f"gradebook: expected a format in {FORMATS}, but received {lms!r}")
    pattern = _CANVAS if lms == "canvas" else _MOODLE
    for part in reversed(PurePosixPath(file.replace("\\", "/")).parts):
        match = pattern.match(part)
        if match:
            return LmsStudent(match.group("id"), match.group("name").strip())
    return None


def _rows(result: GradeResult, lms: str) -> tuple[list[tuple[LmsStudent, SubmissionResult]], list[str]]:
    found: dict[str, list[tuple[LmsStudent, SubmissionResult]]] = {}
    problems = []
    for submission in result.submissions:
        student = lms_student(submission.file, lms)
        if student is None:
            problems.append(f"{submission.file}: no {lms.capitalize()} identifier in the file or folder name; "
                            f"not in the gradebook file (enter {submission.student}'s grade by hand)")
            continue
        found.setdefault(student.id, []).append((student, submission))
    rows = []
    for lms_id, entries in found.items():
        if len(entries) > 1:
            files = ", ".join(s.file for _, s in entries)
            problems.append(f"{len(entries)} submissions have the {lms.capitalize()} identifier {lms_id} ({files}); "
                            f"none of them is in the gradebook file: decide which counts and enter it by hand")
            continue
        rows.append(entries[0])
    rows.sort(key=lambda entry: (int(entry[0].id), entry[1].student))
    return rows, problems


def canvas_csv(result: GradeResult, assignment: str) -> Gradebook:
    """Canvas's gradebook import: one assignment column named ``assignment``, the total points."""
    if not assignment.strip():
        raise ValueError("gradebook: expected a Canvas assignment name, but received an empty one")
    rows, problems = _rows(result, "canvas")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*CANVAS_COLUMNS, spreadsheet_text(assignment)])
    writer.writerow(["Points Possible", "", "", "", "", format_points(result.max_points)])
    for student, submission in rows:
        writer.writerow([spreadsheet_text(student.name), student.id, "", "", "", format_points(submission.total)])
    return Gradebook("canvas", buffer.getvalue(), len(rows), tuple(problems))


def moodle_csv(result: GradeResult) -> Gradebook:
    """Moodle's offline grading worksheet: the total points as each participant's grade."""
    rows, problems = _rows(result, "moodle")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(MOODLE_COLUMNS)
    maximum = format_points(result.max_points)
    for student, submission in rows:
        writer.writerow([f"Participant {student.id}", spreadsheet_text(student.name), format_points(submission.total),
                         maximum, ""])
    return Gradebook("moodle", buffer.getvalue(), len(rows), tuple(problems))


def gradebook(result: GradeResult, lms: str, assignment: str | None = None) -> Gradebook:
    """The gradebook file for ``lms`` ("canvas" or "moodle"); ``assignment`` names Canvas's column."""
    if lms == "canvas":
        return canvas_csv(result, assignment or result.exercise.stem)
    if lms == "moodle":
        return moodle_csv(result)
    raise ValueError(f"gradebook: expected a format in {FORMATS}, but received {lms!r}")


def write_gradebook(book: Gradebook, out: str | Path) -> Path:
    """Write ``book`` into ``out`` (never through a symbolic link) and return its path."""
    path = Path(out) / FILES[book.lms]
    if path.is_symlink():
        path.unlink()
    path.write_text(book.text, encoding="utf-8", newline="\n")
    return path


__all__ = ["FILES", "FORMATS", "Gradebook", "LmsStudent", "canvas_csv", "gradebook", "lms_student", "moodle_csv",
           "write_gradebook"]
