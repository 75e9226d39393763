"""Grade a batch of submissions of one exercise.

:func:`grade` is the whole pipeline behind ``nncourse grade``:

1. load the exercise (questions, hidden tests, reference solution) in this process and
   compute every expected value (:func:`course.exercise.load_exercise`);
2. collect the submissions one at a time: ``.ipynb`` files, folders of them and ``.zip``
   files as an LMS hands them out, read in memory with size and count limits per student
   (a zip entry is never written to disk; one whose path leaves its folder, and a
   symbolic link, are refused);
3. read each notebook leniently (any nbformat 4.x or 3, source as a string or a list of
   lines, missing ids or metadata), within limits on its size and number of cells;
4. run each one in its own isolated process (:mod:`course.grader.sandbox`) that
   receives the code cells and the test *inputs*;
5. compare what comes back with the expected values here, in the grader's process, and
   score: points per question, shared equally between its tests;
6. name each submission by its file or folder name as the LMS wrote it (a student id in
   the notebook's metadata that disagrees is only a warning).

Submissions are read, run, scored and released one by one, so memory does not grow with
the size of the class. A broken submission costs only its own points, with a reason;
nothing in one submission can change another's grade or stop the batch: every failure
while reading, running or scoring one becomes that submission's status. No work on
student text in this process is worse than linear in its length.
"""

from __future__ import annotations

import io
import itertools
import json
import os
import re
import stat
import time
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from fractions import Fraction
from pathlib import Path, PurePosixPath
from typing import Any

from course.exercise import (
    Behaviour, Exercise, Message, Misconception, Question, Test, load_exercise, raised, recognise,
)
from course.grader import codec
from course.grader.sandbox import Limits, Outcome, Sandbox
from course.i18n import LANGUAGES

MAX_NOTEBOOK_BYTES = 32 * 1024 * 1024
MAX_CELLS = 5_000
MAX_ZIP_ENTRIES = 20_000
MAX_NESTED_ZIP_ENTRIES = 1_000
# What one student's upload (a folder in the LMS zip, a nested zip, a file) may unpack to.
MAX_STUDENT_BYTES = 256 * 1024 * 1024
MAX_NESTED_ZIP_BYTES = 64 * 1024 * 1024
IGNORED_PARTS = ("__MACOSX", ".ipynb_checkpoints", "__pycache__")
# Cell magics whose body is still Python (the magic line is dropped, the body runs once).
PYTHON_CELL_MAGICS = ("time", "timeit", "capture", "prun")

_HELP_LINE = re.compile(r"^[\w.\[\]'\"()]+\?\??$")
_ID_CHARS = re.compile(r"[^\w.@+-]", re.UNICODE)


@dataclass(frozen=True)
class Skipped:
    """An input that was not graded, and why (listed in report.json)."""

    file: str
    reason: Message


@dataclass(frozen=True)
class Found:
    """A notebook file found among the inputs (its bytes, or why they could not be read)."""

    file: str
    stem: str
    folder: str | None
    data: bytes | None
    problem: Message | None = None


@dataclass(frozen=True)
class NotebookCell:
    """A cell of a submission: ``index`` is its 0-based place in the notebook.

    ``defines`` are the names of questions the cell's text defines (``def NAME`` or
    ``NAME =`` at the start of a line), so that feedback can tell a question that is
    missing because its cell raised (see :func:`defined_names`).
    """

    index: int
    kind: str
    source: str
    defines: tuple[str, ...] = ()

    @property
    def first_line(self) -> str:
        for line in self.source.splitlines():
            if line.strip():
                line = line.strip()
                return line if len(line) <= 60 else line[:59] + "…"
        return ""


@dataclass(frozen=True)
class ParsedNotebook:
    """What the grader needs from a notebook file."""

    cells: tuple[NotebookCell, ...]
    language: str
    student_id: str | None

    @property
    def code_cells(self) -> tuple[NotebookCell, ...]:
        return tuple(cell for cell in self.cells if cell.kind == "code")


class NotebookError(ValueError):
    """A file that cannot be graded as a notebook; ``reason`` says why, in both languages."""

    def __init__(self, reason: Message) -> None:
        self.reason = reason
        super().__init__(reason.render("en"))


@dataclass(frozen=True)
class CaseResult:
    """One test of one question for one submission; ``message`` says what went wrong."""

    test: Test
    passed: bool
    message: Message | None


@dataclass(frozen=True)
class QuestionResult:
    """A question's points and tests. ``status``: passed, partial, failed, not_answered, missing, not_callable.

    ``misconceptions`` are the known mistakes the answer behaves like (see
    :mod:`course.exercise.misconceptions`), the likely cause of its failed tests.
    """

    question: Question
    points: Fraction
    status: str
    cases: tuple[CaseResult, ...]
    misconceptions: tuple[Misconception, ...] = ()

    @property
    def passed(self) -> int:
        return sum(case.passed for case in self.cases)


@dataclass(frozen=True)
class CellError:
    """A code cell that raised: ``cell`` is its 1-based place in the notebook.

    ``defines``: the questions' names the cell would have defined, had it run.
    """

    cell: int
    first_line: str
    type: str
    message: Message
    defines: tuple[str, ...] = ()


@dataclass(frozen=True)
class SubmissionResult:
    """The grade of one submission.

    ``status`` is "graded", "timeout", "crashed", "protocol" (the process ran but its
    results were malformed) or "invalid" (not a gradable notebook); ``reason`` explains
    every status but "graded".
    """

    student: str
    file: str
    language: str
    status: str
    reason: Message | None
    questions: tuple[QuestionResult, ...]
    cell_errors: tuple[CellError, ...] = ()
    code_cells: int = 0

    @property
    def total(self) -> Fraction:
        return sum((q.points for q in self.questions), Fraction(0))


@dataclass(frozen=True)
class GradeResult:
    """Everything :mod:`course.grader.report` writes."""

    exercise: Exercise
    limits: Limits
    submissions: tuple[SubmissionResult, ...]
    skipped: tuple[Skipped, ...] = ()
    warnings: tuple[Message, ...] = ()
    isolation: str = "bwrap"
    seconds: float | None = None  # how long grade() took (wall clock), for the class report

    @property
    def max_points(self) -> Fraction:
        return sum((Fraction(str(q.points)) for q in self.exercise.questions), Fraction(0))


def _is_ignored(parts: Sequence[str]) -> bool:
    return any(part in IGNORED_PARTS for part in parts) or parts[-1].startswith(".")


def _read_limited(stream: Any, limit: int) -> bytes | None:
    """At most ``limit`` bytes of ``stream``; None when there are more."""
    chunks, size = [], 0
    while True:
        chunk = stream.read(min(1 << 20, limit + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            return None


def _found(file: str, parts: Sequence[str], data: bytes | None, problem: Message | None = None) -> Found:
    folder = parts[-2] if len(parts) > 1 else None
    return Found(file=file, stem=PurePosixPath(parts[-1]).stem, folder=folder, data=data, problem=problem)


def _too_large(limit: int) -> Message:
    return Message.of("grader.too_large", limit=limit // (1024 * 1024))


def _budget_exceeded() -> Message:
    return Message.of("grader.student_budget", limit=MAX_STUDENT_BYTES // (1024 * 1024))


def _is_symlink_entry(info: zipfile.ZipInfo) -> bool:
    return info.create_system == 3 and stat.S_ISLNK(info.external_attr >> 16)


def _zip_entries(source: Any, display: str, depth: int, budgets: dict[str, list[int]], owner: str | None,
                 read: bool) -> Iterator[Found | Skipped]:
    """The entries of a zip file. ``budgets`` maps each student's upload to the bytes it may still unpack.

    At depth 0 (an LMS download), an upload is a top-level folder (Moodle) or a single
    entry; a nested zip is part of the upload it sits in (``owner``), so however much it
    holds, it spends only that student's budget.
    """
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        yield Skipped(display, Message.of("grader.bad_zip", error=str(error)[:200]))
        return
    with archive:
        infos = archive.infolist()
        limit_entries = MAX_ZIP_ENTRIES if depth == 0 else MAX_NESTED_ZIP_ENTRIES
        if len(infos) > limit_entries:
            yield Skipped(display, Message.of("grader.zip_limit", limit=limit_entries))
            infos = infos[:limit_entries]
        for info in infos:
            name = info.filename.replace("\\", "/")
            entry = f"{display}/{name}"
            if info.is_dir():
                continue
            parts = [part for part in name.split("/") if part not in ("", ".")]
            if name.startswith("/") or ".." in parts or (parts and ":" in parts[0]) or not parts:
                yield Skipped(entry, Message.of("grader.unsafe_path"))
                continue
            if _is_ignored(parts):
                continue
            suffix = PurePosixPath(parts[-1]).suffix.lower()
            if suffix not in (".ipynb", ".zip"):
                yield Skipped(entry, Message.of("grader.not_ipynb"))
                continue
            if suffix == ".zip" and depth >= 1:
                yield Skipped(entry, Message.of("grader.nested_zip"))
                continue
            upload = owner if owner is not None else f"{display}/{parts[0]}"
            budget = budgets.setdefault(upload, [MAX_STUDENT_BYTES])
            if _is_symlink_entry(info):
                if suffix == ".ipynb":
                    yield _found(entry, parts, None, Message.of("grader.symlink"))
                else:
                    yield Skipped(entry, Message.of("grader.symlink"))
                continue
            if suffix == ".ipynb" and not read:
                yield _found(entry, parts, None)
                continue
            if budget[0] <= 0:
                if suffix == ".ipynb":
                    yield _found(entry, parts, None, _budget_exceeded())
                else:
                    yield Skipped(entry, _budget_exceeded())
                continue
            limit = MAX_NOTEBOOK_BYTES if suffix == ".ipynb" else MAX_NESTED_ZIP_BYTES
            try:
                with archive.open(info) as stream:
                    data = _read_limited(stream, min(limit, budget[0]))
            except (zipfile.BadZipFile, RuntimeError, OSError, ValueError, NotImplementedError, EOFError,
                    zipfile.LargeZipFile) as error:
                problem = Message.of("grader.unreadable", error=str(error)[:200])
                if suffix == ".ipynb":
                    yield _found(entry, parts, None, problem)
                else:
                    yield Skipped(entry, problem)
                continue
            if data is None:
                over_budget = budget[0] < limit
                budget[0] = 0 if over_budget else budget[0] - limit
                problem = _budget_exceeded() if over_budget else _too_large(limit)
                if suffix == ".ipynb":
                    yield _found(entry, parts, None, problem)
                else:
                    yield Skipped(entry, problem)
                continue
            budget[0] -= len(data)
            if suffix == ".zip":
                nested, data = io.BytesIO(data), None
                yield from _zip_entries(nested, entry, depth + 1, budgets, upload, read)
                nested = None
            else:
                yield _found(entry, parts, data)
                data = None


def _read_file(path: Path) -> tuple[bytes | None, Message | None]:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError as error:
        if os.path.islink(path):
            return None, Message.of("grader.symlink")
        return None, Message.of("grader.unreadable", error=error.strerror or str(error))
    try:
        with open(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return None, Message.of("grader.unreadable", error="not a regular file")
            data = _read_limited(handle, MAX_NOTEBOOK_BYTES)
    except OSError as error:
        return None, Message.of("grader.unreadable", error=error.strerror or str(error))
    return (None, _too_large(MAX_NOTEBOOK_BYTES)) if data is None else (data, None)


def iter_submissions(paths: Iterable[str | Path], *, read: bool = True) -> Iterator[Found | Skipped]:
    """Every notebook in ``paths`` (files, folders, zip files), in a fixed order, one at a time.

    Symbolic links inside a folder are refused (a link to a notebook becomes an invalid
    submission with that reason, a link to a folder is skipped); the paths given are
    taken as they are. With ``read=False`` the notebooks' bytes are not read (``data``
    is None), to count them cheaply.

    Raises
    ------
    FileNotFoundError
        When a path does not exist.
    """
    budgets: dict[str, list[int]] = {}
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise FileNotFoundError(f"no such file or folder: {given}")
        if path.is_dir():
            base = path.resolve().name
            for root, dirs, files in os.walk(path):
                kept = []
                for name in sorted(dirs):
                    if name in IGNORED_PARTS or name.startswith("."):
                        continue
                    if os.path.islink(os.path.join(root, name)):
                        relative = Path(root, name).relative_to(path).parts
                        yield Skipped("/".join((base, *relative)), Message.of("grader.symlink"))
                        continue
                    kept.append(name)
                dirs[:] = kept
                for name in sorted(files):
                    file_path = Path(root, name)
                    relative = file_path.relative_to(path).parts
                    parts = (base, *relative)
                    display = "/".join(parts)
                    if _is_ignored(parts):
                        continue
                    suffix = file_path.suffix.lower()
                    if suffix not in (".zip", ".ipynb"):
                        continue
                    if file_path.is_symlink():
                        if suffix == ".ipynb":
                            yield _found(display, parts, None, Message.of("grader.symlink"))
                        else:
                            yield Skipped(display, Message.of("grader.symlink"))
                    elif suffix == ".zip":
                        yield from _zip_entries(file_path, display, 0, budgets, None, read)
                    elif not read:
                        yield _found(display, parts, None)
                    else:
                        data, problem = _read_file(file_path)
                        yield _found(display, parts, data, problem)
        elif path.suffix.lower() == ".zip":
            yield from _zip_entries(path, path.name, 0, budgets, None, read)
        elif not read:
            yield _found(path.name, (path.name,), None)
        else:
            data, problem = _read_file(path)
            yield _found(path.name, (path.name,), data, problem)


def _source_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(item for item in value if isinstance(item, str))
    return ""


def parse_notebook(data: bytes) -> ParsedNotebook:
    """Read a notebook leniently: only the cells' types and sources and a little metadata.

    nbformat 4.0–4.5 and 3 (``worksheets``), sources as strings or lists of lines,
    missing ids and metadata are all fine; nothing is validated beyond that. At most
    :data:`MAX_CELLS` cells.

    Raises
    ------
    NotebookError
        For an empty file, one that is not UTF-8 JSON, JSON that is not a notebook, or
        too many cells.
    """
    if not data.strip():
        raise NotebookError(Message.of("grader.empty_file"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise NotebookError(Message.of("grader.not_utf8")) from None
    try:
        notebook = json.loads(text)
    except json.JSONDecodeError as error:
        raise NotebookError(Message.of("grader.invalid_json", error=f"line {error.lineno}, column {error.colno}: {error.msg}")) from None
    except (ValueError, RecursionError) as error:
        raise NotebookError(Message.of("grader.invalid_json", error=type(error).__name__)) from None
    if not isinstance(notebook, dict):
        raise NotebookError(Message.of("grader.not_notebook"))
    raw_cells = notebook.get("cells")
    if raw_cells is None and isinstance(notebook.get("worksheets"), list):
        raw_cells = [cell for sheet in notebook["worksheets"] if isinstance(sheet, dict)
                     for cell in (sheet.get("cells") if isinstance(sheet.get("cells"), list) else [])]
    if not isinstance(raw_cells, list):
        raise NotebookError(Message.of("grader.not_notebook"))
    if len(raw_cells) > MAX_CELLS:
        raise NotebookError(Message.of("grader.too_many_cells", count=len(raw_cells), limit=MAX_CELLS))
    cells = []
    for index, raw in enumerate(raw_cells):
        if not isinstance(raw, dict):
            continue
        kind = raw.get("cell_type")
        source = raw.get("source", raw.get("input", ""))
        cells.append(NotebookCell(index, kind if isinstance(kind, str) else "", _source_text(source)))
    metadata = notebook.get("metadata")
    course_metadata = metadata.get("nncourse") if isinstance(metadata, dict) else None
    if not isinstance(course_metadata, dict):
        course_metadata = {}
    language = course_metadata.get("language")
    student_id = course_metadata.get("student_id")
    return ParsedNotebook(
        cells=tuple(cells),
        language=language if language in LANGUAGES else "en",
        student_id=student_id if isinstance(student_id, str) else None,
    )


def _is_shell_assignment(stripped: str) -> bool:
    """``files = !ls`` or ``x, y = %who_ls``: names, then ``=``, then ``!`` or ``%``.

    Plain string methods, linear in the line's length (a regular expression with
    overlapping repeats took hours on a line of a million blanks).
    """
    left, equals, right = stripped.partition("=")
    if not equals or not left or not right.lstrip().startswith(("!", "%")):
        return False
    return all(char.isalnum() or char in "_., \t" for char in left)


def strip_magics(source: str) -> str | None:
    """The cell without IPython magics and shell lines, for when it is not plain Python.

    Returns None when nothing would change, and "" for a cell magic whose body is not
    Python (``%%bash``, ``%%html`` …), which is skipped. The worker uses this version
    only if the original does not compile.
    """
    lines = source.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is not None and lines[first].lstrip().startswith("%%"):
        magic = lines[first].lstrip()[2:].split(maxsplit=1)
        if not magic or magic[0] not in PYTHON_CELL_MAGICS:
            return ""
        lines = lines[first + 1 :]
    out, changed = [], False
    for line in lines:
        stripped = line.strip()
        if stripped.startswith(("%", "!")) or (stripped.startswith("?") and len(stripped) > 1) or \
                _HELP_LINE.match(stripped) or _is_shell_assignment(stripped):
            out.append(line[: len(line) - len(line.lstrip())] + "pass")
            changed = True
        else:
            out.append(line)
    if not changed and len(out) == len(source.splitlines()):
        return None
    return "\n".join(out)


def sanitize_id(text: str) -> str:
    """A student id safe as a file name on every system (letters of any alphabet kept)."""
    text = unicodedata.normalize("NFC", text).strip()
    text = _ID_CHARS.sub("_", text)
    text = re.sub(r"_+", "_", text).strip("._-")
    return text[:80]


def student_ids(candidates: Sequence[tuple[str, str]]) -> tuple[list[str], list[Message]]:
    """Unique ids for ``(file, wanted_id)`` pairs, and a warning per clash.

    Ids that clash (ignoring case, as file names on macOS and Windows do) all get a
    suffix ``~1``, ``~2`` … in the order of their file names, so that no submission
    takes another's plain id just by its place in the list.
    """
    groups: dict[str, list[int]] = {}
    for position, (_, wanted) in enumerate(candidates):
        groups.setdefault(wanted.casefold(), []).append(position)
    ids = [wanted for _, wanted in candidates]
    warnings = []
    taken = {wanted.casefold() for _, wanted in candidates}
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda position: candidates[position][0])
        number = 0
        new_ids = []
        for position in members:
            number += 1
            while f"{candidates[position][1]}~{number}".casefold() in taken:
                number += 1
            ids[position] = f"{candidates[position][1]}~{number}"
            taken.add(ids[position].casefold())
            new_ids.append(ids[position])
        warnings.append(Message.of("grader.duplicate_id", student=candidates[members[0]][1], count=len(members),
                                   ids=", ".join(new_ids)))
    return ids, warnings


def wanted_id(found: Found, exercise_stem: str) -> str:
    """The id of a submission: its file name as the LMS wrote it.

    A file named like the exercise itself (``00_welcome.ipynb``) inside a folder, as
    Moodle hands out submissions, takes the folder's name instead. The student id in a
    notebook's metadata is never used: the student wrote it (see :func:`grade`'s warnings).
    """
    stem = found.stem
    if found.folder and (stem.casefold() == exercise_stem.casefold() or sanitize_id(stem) == ""):
        stem = found.folder
    return sanitize_id(stem) or "student"


def questions_payload(exercise: Exercise) -> bytes:
    """The questions as the worker receives them, after the cells: for each question its
    name and number of cases, then each case's inputs (never an expected value), each as
    its own frame, so that the worker asks for one case at a time."""
    frames = []
    for question in exercise.questions:
        cases = [(test.case.args, dict(test.case.kwargs)) for test in question.tests() if test.case is not None]
        frames.append(codec.frame(codec.encode({"question": {
            "id": question.id, "kind": question.kind, "name": question.name, "cases": len(cases),
            "float_errors": bool(question.float_errors)}})))
        frames += [codec.frame(codec.encode({"case": list(case)}, max_bytes=1 << 30)) for case in cases]
    return b"".join(frames)


def job_payload(notebook: ParsedNotebook, questions: bytes, count: int) -> bytes:
    """The job of one submission: its code cells, then ``questions`` (:func:`questions_payload`
    of ``count`` questions).

    Raises
    ------
    codec.EncodeError
        When the cells are too many or too large to send.
    """
    cells = [[cell.index, cell.source, strip_magics(cell.source)] for cell in notebook.code_cells]
    head = codec.encode({"cells": cells, "questions": count}, max_bytes=4 * MAX_NOTEBOOK_BYTES)
    return codec.frame(head) + questions


def _crash_reason(outcome: Outcome, limits: Limits) -> Message:
    import signal

    if outcome.signal == signal.SIGKILL:
        return Message.of("grader.crash_killed", memory=limits.memory_mb)
    if outcome.signal == signal.SIGXCPU:
        return Message.of("grader.crash_cpu", seconds=f"{limits.timeout:g}")
    if outcome.signal is not None:
        try:
            name = signal.Signals(outcome.signal).name
        except ValueError:
            name = f"signal {outcome.signal}"
        return Message.of("grader.crash_signal", signal=name)
    if outcome.exit_code is None and outcome.detail:
        return Message.of("grader.crash_server", detail=outcome.detail[:200])
    return Message.of("grader.crash_exit", code=outcome.exit_code if outcome.exit_code is not None else "?")


def _submission_reason(outcome: Outcome, limits: Limits) -> tuple[str, Message | None]:
    if outcome.status == "done":
        return "graded", None
    if outcome.status == "timeout":
        return "timeout", Message.of("grader.reason_timeout", seconds=f"{limits.timeout:g}")
    if outcome.status == "protocol":
        return "protocol", Message.of("grader.reason_protocol")
    return "crashed", _crash_reason(outcome, limits)


def _error_message(frame: dict) -> Message:
    error = frame.get("error")
    if isinstance(error, list) and len(error) == 2 and all(isinstance(part, str) for part in error):
        return raised(error[0][:100], error[1][:500])
    return Message.of("grader.bad_result")


def _case_result(test: Test, frame: dict | None, expected: Any, missing: Message, limits: Limits) -> CaseResult:
    question = test.question
    if frame is None:
        return CaseResult(test, False, missing)
    status = frame.get("status")
    if status == "value" and "value" in frame:
        return CaseResult(test, *_judged(question, expected, frame["value"]))
    if status == "not_answered":
        return CaseResult(test, False, Message.of("grader.not_answered"))
    if status == "error":
        return CaseResult(test, False, _error_message(frame))
    if status == "timeout":
        return CaseResult(test, False, Message.of("grader.case_timeout", seconds=f"{limits.step:g}"))
    if status == "skipped":
        return CaseResult(test, False, Message.of("grader.skipped", name=question.name))
    if status == "unsupported":
        kind = frame.get("kind") if frame.get("kind") in ("type", "dtype", "key", "too_large", "too_deep") else "type"
        return CaseResult(test, False, Message.of(f"checker.unsupported_{kind}", detail=str(frame.get("detail", ""))[:100]))
    return CaseResult(test, False, Message.of("grader.bad_result"))


def _behaviour(frame: dict | None) -> Behaviour | None:
    """What the student's answer did on a test, for recognising a misconception (None: nothing to compare)."""
    if frame is None:
        return None
    if frame.get("status") == "value" and "value" in frame:
        return Behaviour(value=frame["value"])
    error = frame.get("error")
    if frame.get("status") == "error" and isinstance(error, list) and len(error) == 2 and isinstance(error[0], str):
        return Behaviour(error=error[0][:100])
    return None


def _judged(question: Question, expected: Any, received: Any) -> tuple[bool, Message | None]:
    try:
        problem = question.judge(expected, received)
    except Exception as error:  # a comparison must never stop the batch
        problem = Message.of("checker.compare_error", error=f"{type(error).__name__}: {str(error)[:200]}")
    return problem is None, problem


def score(exercise: Exercise, expected: dict[tuple[str, int], Any], notebook: ParsedNotebook, outcome: Outcome,
          limits: Limits, student: str, file: str) -> SubmissionResult:
    """Score one submission from what its worker sent back."""
    status, reason = _submission_reason(outcome, limits)
    cells = {cell.index: cell for cell in notebook.cells}
    cell_errors: list[CellError] = []
    question_status: dict[str, dict] = {}
    case_frames: dict[tuple[str, int], dict] = {}
    known = {q.id: len(q.tests()) for q in exercise.questions}
    for frame in outcome.messages:
        if "cell" in frame:
            index, error = frame.get("cell"), frame.get("error")
            if type(index) is int and index in cells and isinstance(error, list) and len(error) == 2 \
                    and all(isinstance(part, str) for part in error):
                kind, text = error[0][:100], error[1][:500]
                message = Message.of("grader.cell_timeout", seconds=f"{limits.step:g}") if kind == "Timeout" \
                    else Message.literal(text)
                cell_errors.append(CellError(index + 1, cells[index].first_line, kind, message, cells[index].defines))
        elif frame.get("q") in known:
            qid = frame["q"]
            case = frame.get("case")
            if case is None:
                question_status.setdefault(qid, frame)
            elif type(case) is int and 0 <= case < known[qid]:
                case_frames.setdefault((qid, case), frame)

    missing = {
        "timeout": Message.of("grader.no_result_timeout", seconds=f"{limits.timeout:g}"),
        "crashed": Message.of("grader.no_result", reason=reason) if reason else None,
        "protocol": Message.of("grader.no_result", reason=reason) if reason else None,
    }.get(status) or Message.of("grader.no_result", reason=Message.of("grader.bad_result"))

    questions = []
    for question in exercise.questions:
        tests = question.tests()
        whole = question_status.get(question.id)
        whole_status = whole.get("status") if whole else None
        if whole_status == "missing":
            message = Message.of("grader.missing", name=question.name)
            cases = tuple(CaseResult(test, False, message) for test in tests)
        elif whole_status == "not_callable":
            message = Message.of("grader.not_callable", name=question.name, type=str(whole.get("type", "?"))[:100])
            cases = tuple(CaseResult(test, False, message) for test in tests)
        elif whole_status == "not_answered":
            cases = tuple(CaseResult(test, False, Message.of("grader.not_answered")) for test in tests)
        else:
            cases = tuple(_case_result(test, case_frames.get((question.id, test.index)),
                                       expected[(question.id, test.index)], missing, limits) for test in tests)
        passed = sum(case.passed for case in cases)
        points = Fraction(str(question.points)) * question.share([case.passed for case in cases])
        if passed == len(cases):
            q_status = "passed"
        elif whole_status in ("missing", "not_callable"):
            q_status = whole_status
        elif passed == 0 and (whole_status == "not_answered" or all(
                case_frames.get((question.id, t.index), {}).get("status") == "not_answered" for t in tests)):
            q_status = "not_answered"
        else:
            q_status = "partial" if passed else "failed"
        causes = () if passed == len(cases) or whole_status else recognise(
            exercise, question, tests, [expected[(question.id, test.index)] for test in tests],
            [_behaviour(case_frames.get((question.id, test.index))) for test in tests])
        questions.append(QuestionResult(question, points, q_status, cases, causes))
    return SubmissionResult(student, file, notebook.language, status, reason, tuple(questions),
                            tuple(sorted(cell_errors, key=lambda e: e.cell)), len(notebook.code_cells))


def _invalid(exercise: Exercise, student: str, file: str, language: str, reason: Message) -> SubmissionResult:
    questions = tuple(
        QuestionResult(q, Fraction(0), "failed", tuple(CaseResult(t, False, reason) for t in q.tests()))
        for q in exercise.questions
    )
    return SubmissionResult(student, file, language, "invalid", reason, questions)


def expected_values(exercise: Exercise) -> dict[tuple[str, int], Any]:
    """The reference solution's answer for every test (raises SpecError when it fails)."""
    return {(q.id, test.index): exercise.expected(test) for q in exercise.questions for test in q.tests()}


@dataclass(frozen=True)
class _Seen:
    """What is kept of a submission once it has been read: its names and its metadata id."""

    found: Found
    claimed_id: str | None


def defined_names(names: Iterable[str]) -> re.Pattern[str]:
    """A pattern that finds ``def NAME`` and ``NAME =`` (``NAME: type =``) at the start of a line.

    Line-anchored, with possessive repeats that never backtrack, so its work is linear in the cell's length; it
    reads text, so it also works on a cell with a syntax error.
    """
    alternatives = "|".join(sorted((re.escape(name) for name in set(names)), key=len, reverse=True)) or "(?!)"
    return re.compile(rf"^[ \t]*+(?:(?:async[ \t]+)?def[ \t]+({alternatives})\b|({alternatives})[ \t]*+(?::[^=\n]*+)?=(?!=))",
                      re.MULTILINE)


def _slim(notebook: ParsedNotebook, names: re.Pattern[str] | None = None) -> ParsedNotebook:
    """``notebook`` with only what scoring needs (each code cell's first line and the question
    names it defines), to keep memory small."""
    cells = []
    for cell in notebook.cells:
        if cell.kind != "code":
            continue
        defines = () if names is None else tuple(dict.fromkeys(
            match.group(1) or match.group(2) for match in names.finditer(cell.source)))
        cells.append(NotebookCell(cell.index, cell.kind, cell.first_line, defines))
    return ParsedNotebook(tuple(cells), notebook.language, notebook.student_id)


def _failed(exercise: Exercise, file: str, language: str, error: BaseException, status: str) -> SubmissionResult:
    reason = Message.of("grader.internal", error=f"{type(error).__name__}: {str(error)[:200]}")
    result = _invalid(exercise, "", file, language, reason)
    return SubmissionResult(result.student, file, language, status, reason, result.questions)


def count_submissions(paths: Sequence[str | Path]) -> int:
    """How many notebooks :func:`iter_submissions` will find (without reading them)."""
    return sum(1 for item in iter_submissions(paths, read=False) if isinstance(item, Found))


def grade(
    exercise: Exercise | str | Path,
    paths: Iterable[str | Path],
    *,
    limits: Limits | None = None,
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    tmp_root: str | Path | None = None,
    deny: Sequence[str | Path] = (),
    isolation: str = "bwrap",
    sandbox: Sandbox | None = None,
) -> GradeResult:
    """Grade every submission in ``paths``.

    Parameters
    ----------
    exercise : Exercise, stem or path
        The exercise (e.g. ``"00_welcome"``) whose questions the submissions answer.
    paths : iterable of path
        ``.ipynb`` files, folders and ``.zip`` files.
    limits : Limits, optional
        Time and memory per submission.
    jobs : int, optional
        Submissions graded at once (default: the number of available cores).
    progress : callable, optional
        Called as ``progress(done, total)`` after each submission.
    tmp_root : path, optional
        Where the server's temporary folder goes.
    deny : sequence of path
        More paths the students' code must not see (e.g. the output directory).
    isolation : "bwrap" or "process"
        "bwrap" runs every submission in the bubblewrap sandbox and raises
        :class:`~course.grader.isolation.IsolationUnavailable` where it cannot;
        "process" is the weaker in-process guard, and the result says so.
    sandbox : Sandbox, optional
        A started sandbox to run the submissions in (its limits, isolation and hidden
        paths then apply; ``limits``, ``jobs``, ``tmp_root``, ``deny`` and ``isolation``
        are ignored). By default, one is started for this call.

    Returns
    -------
    GradeResult
        With the submissions sorted by student id.
    """
    if sandbox is not None:
        limits, isolation = sandbox.limits, sandbox.isolation
    started = time.monotonic()
    limits = limits or Limits()
    loaded = exercise if isinstance(exercise, Exercise) else load_exercise(exercise)
    names = defined_names(q.name for q in loaded.questions)
    expected = expected_values(loaded)
    questions = questions_payload(loaded)
    paths = [Path(p) for p in paths]
    for path in paths:
        if not path.exists():
            raise FileNotFoundError(f"no such file or folder: {path}")
    total = count_submissions(paths)
    seen: list[_Seen] = []
    results: dict[int, SubmissionResult] = {}
    skipped: list[Skipped] = []
    running: dict[int, ParsedNotebook] = {}
    done = [0]

    def advance() -> None:
        done[0] += 1
        if progress is not None:
            progress(done[0], max(total, done[0]))

    def jobs_to_run() -> Iterator[tuple[int, bytes]]:
        # Read lazily by the sandbox, one submission when a slot is free.
        for item in iter_submissions(paths):
            if isinstance(item, Skipped):
                skipped.append(item)
                continue
            position = len(seen)
            language, claimed, payload = "en", None, None
            try:
                if item.data is None:
                    raise NotebookError(item.problem or Message.of("grader.no_code"))
                parsed = parse_notebook(item.data)
                language, claimed = parsed.language, parsed.student_id
                if not parsed.code_cells:
                    raise NotebookError(Message.of("grader.no_code"))
                if len(parsed.code_cells) > MAX_CELLS:
                    raise NotebookError(Message.of("grader.too_many_cells", count=len(parsed.code_cells),
                                                   limit=MAX_CELLS))
                try:
                    payload = job_payload(parsed, questions, len(loaded.questions))
                except codec.EncodeError as error:
                    raise NotebookError(Message.of("grader.too_large", limit=MAX_NOTEBOOK_BYTES // (1024 * 1024))
                                        if error.kind == "too_large" else Message.of("grader.internal",
                                                                                     error=str(error)[:200])) from None
                running[position] = _slim(parsed, names)
            except NotebookError as error:
                results[position] = _invalid(loaded, "", item.file, language, error.reason)
            except Exception as error:  # whatever a file does, it is that file's problem only
                results[position] = _failed(loaded, item.file, language, error, "invalid")
            seen.append(_Seen(Found(item.file, item.stem, item.folder, None), claimed))
            item = parsed = None  # release the notebook's bytes before the next one is read
            if payload is None:
                advance()
                continue
            yield position, payload
            payload = None

    def finished(outcome: Outcome) -> None:
        notebook = running.pop(outcome.key)
        file = seen[outcome.key].found.file
        try:
            results[outcome.key] = score(loaded, expected, notebook, outcome, limits, "", file)
        except Exception as error:  # a result that slipped past the schema still costs only its owner
            results[outcome.key] = _failed(loaded, file, notebook.language, error, "protocol")
        advance()

    from course.grader.sandbox import ISOLATIONS

    if isolation not in ISOLATIONS:
        raise ValueError(f"grade: expected isolation in {ISOLATIONS}, but received {isolation!r}")
    if isolation == "bwrap":
        from course.grader.isolation import check_bwrap

        check_bwrap()  # before anything is read: no bubblewrap, no grading
    if progress is not None:
        progress(0, total)
    hide = [*paths, *deny, loaded.path]
    work = jobs_to_run()
    first = next(work, None)  # the server starts only when there is something to run
    if first is not None and sandbox is not None:
        sandbox.run(itertools.chain([first], work), finished)
    elif first is not None:
        with Sandbox(limits, jobs=jobs or _cores(), tmp_root=tmp_root, isolation=isolation, hide=hide) as sandbox:
            sandbox.run(itertools.chain([first], work), finished)
        first = None

    wanted = [wanted_id(record.found, loaded.stem) for record in seen]
    ids, warnings = student_ids([(record.found.file, name) for record, name in zip(seen, wanted)])
    for record, name, student in zip(seen, wanted, ids):
        claimed = sanitize_id(record.claimed_id) if record.claimed_id else ""
        if claimed and claimed.casefold() != name.casefold():
            warnings.append(Message.of("grader.metadata_id", file=record.found.file, claimed=claimed[:80],
                                       student=student))
    if isolation != "bwrap":
        warnings.insert(0, Message.of("grader.isolation_process"))
    submissions = tuple(sorted((replace(results[position], student=student) for position, student in enumerate(ids)),
                               key=lambda r: (r.student.casefold(), r.student, r.file)))
    skipped.sort(key=lambda s: s.file)
    return GradeResult(loaded, limits, submissions, tuple(skipped), tuple(warnings), isolation,
                       seconds=time.monotonic() - started)


def _cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


__all__ = [
    "CaseResult", "CellError", "Found", "GradeResult", "NotebookCell", "NotebookError", "ParsedNotebook",
    "QuestionResult", "Skipped", "SubmissionResult", "count_submissions", "grade", "iter_submissions", "parse_notebook",
    "sanitize_id", "strip_magics", "student_ids",
]
