"""Grade a batch of submissions of one exercise.

:func:`grade` is the whole pipeline behind ``nncourse grade``:

1. load the exercise (questions, hidden tests, reference solution) in this process and
   compute every expected value (:func:`course.exercise.load_exercise`);
2. collect the submissions: ``.ipynb`` files, folders of them and ``.zip`` files as an
   LMS hands them out, read in memory with size and count limits (a zip entry is never
   written to disk; one whose path leaves its folder is refused);
3. read each notebook leniently (any nbformat 4.x or 3, source as a string or a list of
   lines, missing ids or metadata) and give it a student id;
4. run each one in its own sandboxed process (:mod:`course.grader.sandbox`) that
   receives the code cells and the test *inputs*;
5. compare what comes back with the expected values here, in the grader's process, and
   score: points per question, shared equally between its tests.

A broken submission costs only its own points, with a reason; nothing in one
submission can change another's grade or stop the batch.
"""

from __future__ import annotations

import io
import json
import os
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path, PurePosixPath
from typing import Any

from course.exercise import Exercise, Message, Question, Test, load_exercise
from course.grader import codec
from course.grader.sandbox import Limits, Outcome, Sandbox
from course.i18n import LANGUAGES

MAX_NOTEBOOK_BYTES = 32 * 1024 * 1024
MAX_ZIP_ENTRIES = 20_000
MAX_ZIP_BYTES = 2 * 1024 * 1024 * 1024
MAX_NESTED_ZIP_BYTES = 256 * 1024 * 1024
IGNORED_PARTS = ("__MACOSX", ".ipynb_checkpoints", "__pycache__")
# Cell magics whose body is still Python (the magic line is dropped, the body runs once).
PYTHON_CELL_MAGICS = ("time", "timeit", "capture", "prun")

_HELP_LINE = re.compile(r"^[\w.\[\]'\"()]+\?\??$")
_SHELL_ASSIGN = re.compile(r"^\s*[\w.,\s]+=\s*[!%]")
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
    """A cell of a submission: ``index`` is its 0-based place in the notebook."""

    index: int
    kind: str
    source: str

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
    """A question's points and tests. ``status``: passed, partial, failed, not_answered, missing, not_callable."""

    question: Question
    points: Fraction
    status: str
    cases: tuple[CaseResult, ...]

    @property
    def passed(self) -> int:
        return sum(case.passed for case in self.cases)


@dataclass(frozen=True)
class CellError:
    """A code cell that raised: ``cell`` is its 1-based place in the notebook."""

    cell: int
    first_line: str
    type: str
    message: Message


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


def _zip_entries(source: Any, display: str, depth: int, budget: list[int]) -> Iterator[Found | Skipped]:
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        yield Skipped(display, Message.of("grader.bad_zip", error=str(error)[:200]))
        return
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ZIP_ENTRIES:
            yield Skipped(display, Message.of("grader.zip_limit", limit=MAX_ZIP_ENTRIES))
            infos = infos[:MAX_ZIP_ENTRIES]
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
            limit = MAX_NOTEBOOK_BYTES if suffix == ".ipynb" else MAX_NESTED_ZIP_BYTES
            if budget[0] <= 0:
                yield Skipped(entry, Message.of("grader.zip_total", limit=MAX_ZIP_BYTES // (1024 * 1024)))
                continue
            try:
                with archive.open(info) as stream:
                    data = _read_limited(stream, min(limit, budget[0]))
            except (zipfile.BadZipFile, RuntimeError, OSError, ValueError, NotImplementedError, EOFError) as error:
                yield Skipped(entry, Message.of("grader.unreadable", error=str(error)[:200]))
                continue
            if data is None:
                if suffix == ".ipynb":
                    yield _found(entry, parts, None, _too_large(MAX_NOTEBOOK_BYTES))
                else:
                    yield Skipped(entry, _too_large(MAX_NESTED_ZIP_BYTES))
                budget[0] -= limit
                continue
            budget[0] -= len(data)
            if suffix == ".zip":
                yield from _zip_entries(io.BytesIO(data), entry, depth + 1, budget)
            else:
                yield _found(entry, parts, data)


def _read_file(path: Path) -> tuple[bytes | None, Message | None]:
    try:
        with open(path, "rb") as handle:
            data = _read_limited(handle, MAX_NOTEBOOK_BYTES)
    except OSError as error:
        return None, Message.of("grader.unreadable", error=error.strerror or str(error))
    return (None, _too_large(MAX_NOTEBOOK_BYTES)) if data is None else (data, None)


def iter_submissions(paths: Iterable[str | Path]) -> Iterator[Found | Skipped]:
    """Every notebook in ``paths`` (files, folders, zip files), in a fixed order.

    Raises
    ------
    FileNotFoundError
        When a path does not exist.
    """
    budget = [MAX_ZIP_BYTES]
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise FileNotFoundError(f"no such file or folder: {given}")
        if path.is_dir():
            base = path.resolve().name
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if d not in IGNORED_PARTS and not d.startswith("."))
                for name in sorted(files):
                    file_path = Path(root, name)
                    relative = file_path.relative_to(path).parts
                    parts = (base, *relative)
                    display = "/".join(parts)
                    if _is_ignored(parts):
                        continue
                    suffix = file_path.suffix.lower()
                    if suffix == ".zip":
                        yield from _zip_entries(file_path, display, 0, budget)
                    elif suffix == ".ipynb":
                        data, problem = _read_file(file_path)
                        yield _found(display, parts, data, problem)
        elif path.suffix.lower() == ".zip":
            yield from _zip_entries(path, path.name, 0, budget)
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
    missing ids and metadata are all fine; nothing is validated beyond that.

    Raises
    ------
    NotebookError
        For an empty file, one that is not UTF-8 JSON, or JSON that is not a notebook.
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
                _HELP_LINE.match(stripped) or _SHELL_ASSIGN.match(line):
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


def wanted_id(found: Found, parsed: ParsedNotebook | None, exercise_stem: str) -> str:
    """The id a submission asks for: its metadata ``nncourse.student_id``, else its file name.

    A file named like the exercise itself (``00_welcome.ipynb``) inside a folder, as
    Moodle hands out submissions, takes the folder's name instead.
    """
    if parsed is not None and parsed.student_id:
        candidate = sanitize_id(parsed.student_id)
        if candidate:
            return candidate
    stem = found.stem
    if found.folder and (stem.casefold() == exercise_stem.casefold() or sanitize_id(stem) == ""):
        stem = found.folder
    return sanitize_id(stem) or "student"


def questions_payload(exercise: Exercise) -> list[dict]:
    """The questions as the worker sees them: names and test inputs, no expected values."""
    payload = []
    for question in exercise.questions:
        cases = [(test.case.args, dict(test.case.kwargs)) for test in question.tests() if test.case is not None]
        payload.append({"id": question.id, "kind": question.kind, "name": question.name, "cases": cases,
                        "float_errors": question.float_errors})
    return payload


def job_payload(notebook: ParsedNotebook, questions: list[dict], settings: dict) -> bytes:
    """The job file of one submission (see :mod:`course.grader.worker`)."""
    cells = [[cell.index, cell.source, strip_magics(cell.source)] for cell in notebook.code_cells]
    return codec.encode({"cells": cells, "questions": questions, "settings": settings}, max_bytes=1 << 30)


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
        return Message.of("checker.raised", type=error[0][:100], message=error[1][:500])
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
                cell_errors.append(CellError(index + 1, cells[index].first_line, kind, message))
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
        points = Fraction(str(question.points)) * passed / len(cases)
        if passed == len(cases):
            q_status = "passed"
        elif whole_status in ("missing", "not_callable"):
            q_status = whole_status
        elif passed == 0 and (whole_status == "not_answered" or all(
                case_frames.get((question.id, t.index), {}).get("status") == "not_answered" for t in tests)):
            q_status = "not_answered"
        else:
            q_status = "partial" if passed else "failed"
        questions.append(QuestionResult(question, points, q_status, cases))
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


def grade(
    exercise: Exercise | str | Path,
    paths: Iterable[str | Path],
    *,
    limits: Limits | None = None,
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    tmp_root: str | Path | None = None,
    deny: Sequence[str | Path] = (),
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
        Where the temporary working directories go.
    deny : sequence of path
        More paths the students' code may not read (e.g. the output directory).

    Returns
    -------
    GradeResult
        With the submissions sorted by student id.
    """
    limits = limits or Limits()
    loaded = exercise if isinstance(exercise, Exercise) else load_exercise(exercise)
    expected = expected_values(loaded)
    questions = questions_payload(loaded)
    paths = [Path(p) for p in paths]

    entries: list[tuple[Found, ParsedNotebook | None, Message | None]] = []
    skipped: list[Skipped] = []
    for item in iter_submissions(paths):
        if isinstance(item, Skipped):
            skipped.append(item)
            continue
        if item.data is None:
            entries.append((item, None, item.problem))
            continue
        try:
            parsed = parse_notebook(item.data)
        except NotebookError as error:
            entries.append((item, None, error.reason))
            continue
        if not parsed.code_cells:
            entries.append((item, parsed, Message.of("grader.no_code")))
            continue
        entries.append((item, parsed, None))

    ids, warnings = student_ids([(found.file, wanted_id(found, parsed, loaded.stem)) for found, parsed, _ in entries])
    settings = {
        "timeout": limits.timeout,
        "memory_mb": limits.memory_mb,
        "file_mb": limits.file_mb,
        "max_value_bytes": limits.max_value_bytes,
        "step": limits.step,
        "deny": sorted({str(Path(p).resolve()) for p in (*paths, *deny, loaded.path)}),
    }
    results: dict[int, SubmissionResult] = {}
    work = []
    for position, ((found, parsed, problem), student) in enumerate(zip(entries, ids)):
        language = parsed.language if parsed is not None else "en"
        if problem is not None or parsed is None:
            results[position] = _invalid(loaded, student, found.file, language, problem or Message.of("grader.no_code"))
        else:
            work.append((position, job_payload(parsed, questions, settings)))
    total = len(entries)
    done = [len(results)]
    if progress is not None:
        progress(done[0], total)

    def finished(outcome: Outcome) -> None:
        found, parsed, _ = entries[outcome.key]
        assert parsed is not None
        results[outcome.key] = score(loaded, expected, parsed, outcome, limits, ids[outcome.key], found.file)
        done[0] += 1
        if progress is not None:
            progress(done[0], total)

    if work:
        with Sandbox(limits, jobs=jobs or _cores(), tmp_root=tmp_root) as sandbox:
            sandbox.run(work, finished)
    submissions = tuple(sorted(results.values(), key=lambda r: (r.student.casefold(), r.student, r.file)))
    skipped.sort(key=lambda s: s.file)
    return GradeResult(loaded, limits, submissions, tuple(skipped), tuple(warnings))


def _cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


__all__ = [
    "CaseResult", "CellError", "Found", "GradeResult", "NotebookCell", "NotebookError", "ParsedNotebook",
    "QuestionResult", "Skipped", "SubmissionResult", "grade", "iter_submissions", "parse_notebook",
    "sanitize_id", "strip_magics", "student_ids",
]
