"""``nncourse grade EXERCISE SUBMISSIONS... --out DIR``: the grader's command line.

:func:`register` adds the ``grade`` subcommand to the course's command line
(:mod:`course.cli`); :func:`run` does the work and returns the exit code: 0 when the
batch was graded (whatever the grades), 1 when the exercise itself is broken or the
sandbox cannot start (bubblewrap missing: the message says what to do), 2 for a usage error (unknown exercise, missing input).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from course.chapters import resolve_chapter

DESCRIPTION = """\
Grade student notebooks of one exercise. Every submission runs in a bubblewrap sandbox
of its own (no network, no view of the exercise sources, other submissions or --out)
with a time and memory limit; its answers are compared with the exercise's reference
solution on the public and hidden tests. Writes only into --out: grades.csv,
report.json, feedback/STUDENT.md (in the language of each notebook), the class report
class_report.html and class_report.md (in --report-lang) and, with --gradebook, a file
your LMS imports (canvas_gradebook.csv or moodle_grading_worksheet.csv).
Needs bubblewrap (package `bubblewrap`); see docs/exercises.md.
"""


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, but received {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number >= 1, but received {value}")
    return value


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, but received {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"expected a number of seconds > 0, but received {text}")
    return value


def register(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add the ``grade`` subcommand (``set_defaults(func=run)``) to ``subparsers``."""
    parser = subparsers.add_parser(
        "grade",
        help="grade student notebooks of an exercise",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("exercise", metavar="EXERCISE",
                        help="the exercise: a chapter number or stem (0, 00, 00_welcome) or the path of an exercise source")
    parser.add_argument("submissions", metavar="SUBMISSIONS", nargs="+",
                        help=".ipynb files, folders of them, or .zip files as downloaded from the LMS")
    parser.add_argument("--out", required=True, metavar="DIR", help="where grades.csv, report.json and feedback/ go")
    parser.add_argument("--jobs", type=_positive_int, default=None, metavar="N",
                        help="submissions graded at once (default: the number of cores)")
    parser.add_argument("--timeout", type=_positive_float, default=60.0, metavar="S",
                        help="seconds per submission, wall clock (default: 60); one cell or test gets a quarter")
    parser.add_argument("--memory-mb", type=_positive_int, default=1024, metavar="M",
                        help="memory per submission beyond Python's own, in MB (default: 1024)")
    parser.add_argument("--isolation", choices=("bwrap", "process"), default="bwrap",
                        help="how each submission is kept apart. bwrap (default): in a bubblewrap sandbox of "
                        "its own (new namespaces, no network, a read-only view without the exercise sources, "
                        "other submissions or --out); needs the program bwrap (package bubblewrap), and grading "
                        "stops and says what to do where it is missing. process: only a separate process with "
                        "resource limits and a guard inside Python, which a determined student can get around; "
                        "the report and every feedback file then say so")
    parser.add_argument("--report-lang", choices=("en", "sv"), default="en",
                        help="language of the class report (default: en); feedback files follow each notebook")
    parser.add_argument("--gradebook", choices=("canvas", "moodle"), default=None,
                        help="also write the total points as a file this LMS imports, with the student identifiers "
                        "from the LMS's own file or folder names (see the README)")
    parser.add_argument("--canvas-assignment", default=None, metavar="NAME",
                        help="the Canvas assignment column, as 'Title' or 'Title (assignment id)' "
                        "(default: the exercise's title in --report-lang)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.set_defaults(func=run)
    return parser


class ProgressBar:
    """``[#####-----] 57/200`` on a terminal, a line per tenth otherwise."""

    def __init__(self, label: str, stream: TextIO | None = None, width: int = 30) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self.width = width
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self._last_tenth = -1

    def __call__(self, done: int, total: int) -> None:
        if total == 0:
            return
        if self.tty:
            filled = self.width * done // total
            bar = "#" * filled + "-" * (self.width - filled)
            end = "\n" if done == total else ""
            self.stream.write(f"\r{self.label} [{bar}] {done}/{total}{end}")
        else:
            tenth = 10 * done // total
            if tenth == self._last_tenth:
                return
            self._last_tenth = tenth
            self.stream.write(f"{self.label}: {done}/{total}\n")
        self.stream.flush()


def _exercise_source(value: str) -> Path:
    from course.exercise import exercise_path

    path = Path(value)
    if path.suffix == ".py" or path.is_file():
        return exercise_path(path)
    return exercise_path(resolve_chapter(value))


def run(args: argparse.Namespace) -> int:
    """Grade, write the outputs, and return the exit code."""
    from course.exercise import SpecError
    from course.grader.grade import grade
    from course.grader.classreport import write_class_report
    from course.grader.gradebook import gradebook, write_gradebook
    from course.grader.isolation import IsolationUnavailable
    from course.grader.report import exercise_title, write_outputs
    from course.grader.sandbox import Limits, SandboxError

    try:
        source = _exercise_source(args.exercise)
    except (ValueError, FileNotFoundError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    missing = [s for s in args.submissions if not Path(s).exists()]
    if missing:
        print(f"error: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        print(f"error: --out must be a folder, but {out} is a file", file=sys.stderr)
        return 2
    try:
        import matplotlib

        # The reference solution runs in this process; a plot in it must not open a window.
        if "matplotlib.pyplot" not in sys.modules:
            matplotlib.use("Agg")
    except ImportError:
        pass
    progress = None if args.quiet else ProgressBar(f"grading {source.stem}")
    try:
        result = grade(source, args.submissions, limits=Limits(timeout=args.timeout, memory_mb=args.memory_mb),
                       jobs=args.jobs, progress=progress, deny=[out], isolation=args.isolation)
    except IsolationUnavailable as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except SpecError as error:
        print(f"error: the exercise is broken: {error}", file=sys.stderr)
        return 1
    except SandboxError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    out.mkdir(parents=True, exist_ok=True)
    write_outputs(result, out)
    report_html, _ = write_class_report(result, out, args.report_lang)
    book = None
    if args.gradebook:
        book = gradebook(result, args.gradebook, args.canvas_assignment or exercise_title(source.stem, args.report_lang))
        book_path = write_gradebook(book, out)
    if not args.quiet:
        count = len(result.submissions)
        print(f"graded {count} submission(s) of {source.stem}; wrote {out / 'grades.csv'}, {out / 'report.json'}, "
              f"{count} feedback file(s) in {out / 'feedback'} and the class report {report_html}", file=sys.stderr)
        if book is not None:
            print(f"wrote {book_path}: {book.rows} of {count} submission(s)", file=sys.stderr)
        for warning in result.warnings:
            print(f"warning: {warning.render('en')}", file=sys.stderr)
        for skipped in result.skipped:
            print(f"skipped {skipped.file}: {skipped.reason.render('en')}", file=sys.stderr)
    if book is not None:
        for problem in book.problems:  # even with --quiet: these students are missing from the LMS file
            print(f"warning: gradebook: {problem}", file=sys.stderr)
    return 0
