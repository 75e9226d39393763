"""The grader's output: grades.csv, report.json and one feedback file per student.

Everything here is a pure function of the :class:`~course.grader.grade.GradeResult`
(no time stamps, no timings, no absolute paths beyond what the teacher typed), so
grading the same submissions twice writes the same bytes.

- ``grades.csv``: one row per submission, sorted by student id; columns ``student``,
  ``file``, ``status``, one per question, ``total`` and ``max``.
- ``report.json``: every test of every submission with its result and message (in
  English), each submission's status and reason, the inputs that were skipped and why.
- ``feedback/STUDENT.md``: what the student sees, in the language of their notebook:
  the cells that raised first, once, then each question (see :func:`feedback_markdown`).

The teacher's class report is :mod:`course.grader.classreport`; the LMS gradebook files
are :mod:`course.grader.gradebook`.
"""

from __future__ import annotations

import csv
import io
import json
from fractions import Fraction
from pathlib import Path

from course.exercise import Message
from course.grader.grade import CellError, GradeResult, QuestionResult, SubmissionResult
from course.i18n import t

FEEDBACK_DIR = "feedback"


def format_points(points: Fraction | float) -> str:
    """Points with at most two decimals and no trailing zeros: 2, 1.5, 0.67."""
    text = f"{float(points):.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _number(points: Fraction | float) -> float | int:
    value = round(float(points), 4)
    return int(value) if value == int(value) else value


def _render(message: Message | None, lang: str = "en") -> str | None:
    return None if message is None else message.render(lang)


# A spreadsheet reads a cell that starts with one of these as a formula (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(text: str) -> str:
    """``text`` for a CSV cell that a spreadsheet shows as text, never runs as a formula.

    Student ids and file names come from what students and the LMS named their files; one
    that starts like a formula gets a leading apostrophe, which spreadsheets hide.
    """
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def grades_csv(result: GradeResult) -> str:
    """The grades table."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    ids = [q.id for q in result.exercise.questions]
    writer.writerow(["student", "file", "status", *ids, "total", "max"])
    maximum = format_points(result.max_points)
    for submission in result.submissions:
        writer.writerow([
            spreadsheet_text(submission.student),
            spreadsheet_text(submission.file),
            submission.status,
            *(format_points(q.points) for q in submission.questions),
            format_points(submission.total),
            maximum,
        ])
    return buffer.getvalue()


def _submission_data(submission: SubmissionResult, result: GradeResult) -> dict:
    return {
        "student": submission.student,
        "file": submission.file,
        "language": submission.language,
        "status": submission.status,
        "reason": _render(submission.reason),
        "total": _number(submission.total),
        "max": _number(result.max_points),
        "code_cells": submission.code_cells,
        "cell_errors": [
            {"cell": e.cell, "first_line": e.first_line, "type": e.type, "message": e.message.render("en")}
            for e in submission.cell_errors
        ],
        "questions": [
            {
                "id": q.question.id,
                "name": q.question.name,
                "points": _number(q.points),
                "max": _number(q.question.points),
                "status": q.status,
                "passed": q.passed,
                "tests": [
                    {
                        "test": case.test.label().render("en"),
                        "public": case.test.public,
                        "weight": case.test.weight,
                        "passed": case.passed,
                        "message": _render(case.message),
                    }
                    for case in q.cases
                ],
            }
            for q in submission.questions
        ],
    }


def report_json(result: GradeResult) -> str:
    """The full report, for the teacher (English)."""
    exercise = result.exercise
    data = {
        "exercise": exercise.stem,
        "max_points": _number(result.max_points),
        "isolation": "bubblewrap" if result.isolation == "bwrap" else "process (no operating-system sandbox)",
        "limits": {"timeout_s": result.limits.timeout, "memory_mb": result.limits.memory_mb},
        "questions": [
            {
                "id": q.id,
                "kind": q.kind,
                "name": q.name,
                "points": _number(q.points),
                "tests": len(q.tests()),
                "public_tests": sum(test.public for test in q.tests()),
            }
            for q in exercise.questions
        ],
        "submissions": [_submission_data(s, result) for s in result.submissions],
        "skipped": [{"file": s.file, "reason": s.reason.render("en")} for s in result.skipped],
        "warnings": [w.render("en") for w in result.warnings],
    }
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def exercise_title(stem: str, lang: str) -> str:
    """The exercise's title for people, e.g. "Exercise 03: Forward pass" (the stem for an exercise outside the course)."""
    from course.chapters import CHAPTERS

    for chapter in CHAPTERS:
        if chapter.stem == stem:
            return t("grader.fb_exercise", lang, number=f"{chapter.number:02d}", title=chapter.title(lang))
    return stem


def markdown_code(text: str) -> str:
    """``text`` as a Markdown code span, whatever backticks it holds."""
    text = " ".join(text.split())
    fence = "``" if "`" in text else "`"
    return f"{fence} {text} {fence}" if fence == "``" else f"`{text}`"


def _block(text: str, indent: str = "  ") -> list[str]:
    lines = text.replace("~~~", "~ ~ ~").splitlines() or [""]
    return [f"{indent}~~~", *(f"{indent}{line}" for line in lines), f"{indent}~~~"]


def _cause(q: QuestionResult, submission: SubmissionResult) -> list[CellError]:
    """The cells that raised and would have defined the missing name of ``q`` (none when it is not missing)."""
    if q.status != "missing":
        return []
    return [error for error in submission.cell_errors if q.question.name in error.defines]


def _one_line(q: QuestionResult, submission: SubmissionResult) -> Message | None:
    """The one message that every test of ``q`` failed with, when listing them would only repeat it."""
    messages = {case.message for case in q.cases}
    if len(q.cases) < 2 or q.passed or len(messages) != 1 or None in messages:
        return None
    if q.status in ("missing", "not_callable", "not_answered") or submission.status != "graded":
        return next(iter(messages))
    return None


def _cells_raised(errors: list[CellError], lang: str) -> str:
    parts = [t("grader.fb_cell_raised", lang, cell=error.cell, error=error.type) for error in errors]
    return f" {t('grader.fb_and', lang)} ".join(parts)


def feedback_markdown(submission: SubmissionResult, result: GradeResult) -> str:
    """The feedback file of one submission, in the submission's language.

    Cells that raised come first, once; a question whose name is missing because such a
    cell raised says so in one line instead of repeating "not defined" for every test.
    """
    lang = submission.language

    def of(points: Fraction | float, maximum: Fraction | float) -> str:
        return t("grader.fb_of", lang, points=format_points(points), max=format_points(maximum))

    lines = [
        f"# {t('grader.fb_title', lang, title=exercise_title(result.exercise.stem, lang))}",
        "",
        f"{t('grader.fb_student', lang, student=submission.student)}  ",
        f"{t('grader.fb_file', lang, file=submission.file)}",
        "",
        f"**{t('grader.fb_points', lang, points=format_points(submission.total), max=format_points(result.max_points))}**",
        "",
    ]
    if result.isolation != "bwrap":
        lines += [t("grader.fb_note", lang, reason=t("grader.isolation_process", lang)), ""]
    if submission.reason is not None:
        lines += [t("grader.fb_note", lang, reason=submission.reason.render(lang)), ""]
    if submission.cell_errors:
        lines += [f"## {t('grader.fb_cells', lang)}", "", t("grader.fb_cells_intro", lang), ""]
        for error in submission.cell_errors:
            where = t("grader.fb_cell", lang, cell=error.cell)
            first = f" ({markdown_code(error.first_line)})" if error.first_line else ""
            lines.append(f"- {where}{first}: {error.type}")
            lines += _block(error.message.render(lang))
        lines.append("")
    lines += [t("grader.fb_intro", lang), ""]
    lines += [
        f"| {t('grader.fb_question', lang)} | {t('grader.fb_points_column', lang)} | {t('grader.fb_tests_column', lang)} |",
        "|---|---|---|",
    ]
    for q in submission.questions:
        lines.append(f"| {q.question.id} ({q.question.name}) | {of(q.points, q.question.points)} | "
                     f"{t('grader.fb_of', lang, points=q.passed, max=len(q.cases))} |")
    lines.append("")
    for q in submission.questions:
        question = q.question
        lines += [f"## {t('grader.fb_question_heading', lang, qid=question.id, name=question.name, points=format_points(q.points), max=format_points(question.points))}", ""]
        cause = _cause(q, submission)
        common = _one_line(q, submission)
        if cause:
            lines.append("- ✘ " + t("grader.fb_missing_because", lang, name=question.name,
                                     cells=_cells_raised(cause, lang), count=len(q.cases)))
        elif common is not None:
            lines.append("- ✘ " + t("grader.fb_all_tests", lang, count=len(q.cases)))
            message = common.without_expected() if question.variable is not None else common
            lines += _block(message.render(lang))
        else:
            for case in q.cases:
                mark = "✔" if case.passed else "✘"
                call = "" if question.variable is not None else f": {markdown_code(case.test.call_text())}"
                lines.append(f"- {mark} {case.test.shown_label().render(lang)}{call}")
                if case.message is not None:
                    # A variable's expected value is the answer itself; it stays out of the feedback.
                    message = case.message.without_expected() if question.variable is not None else case.message
                    lines += _block(message.render(lang))
        for misconception in q.misconceptions:
            lines += ["", f"**{misconception.note().render(lang)}**"]
        if q.status != "passed" and question.hint:
            lines += ["", t("grader.fb_hint", lang, hint=question.hint[lang])]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def write_outputs(result: GradeResult, out: str | Path) -> list[Path]:
    """Write grades.csv, report.json and feedback/*.md into ``out``; return the paths written.

    Feedback files from an earlier run that no longer belong to a submission are removed,
    so the folder always matches grades.csv. Nothing is written outside ``out``.
    """
    out = Path(out)
    feedback = out / FEEDBACK_DIR
    feedback.mkdir(parents=True, exist_ok=True)
    written = []
    wanted = {f"{s.student}.md" for s in result.submissions}
    for old in feedback.glob("*.md"):
        if old.name not in wanted and old.is_file() and not old.is_symlink():
            old.unlink()
    files = [(out / "grades.csv", grades_csv(result)), (out / "report.json", report_json(result))]
    files += [(feedback / f"{s.student}.md", feedback_markdown(s, result)) for s in result.submissions]
    for path, text in files:
        if path.is_symlink():
            path.unlink()  # never write through a link to somewhere outside ``out``
        path.write_text(text, encoding="utf-8", newline="\n")
        written.append(path)
    return written
