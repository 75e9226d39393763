"""Grade a batch of submissions of one exercise.

:func:`grade` is the whole pipeline behind ``nncourse grade``:

1. load the exercise (questions, hidden tests, reference solution) in this process and
   compute every expected value (:func:`course.exercise.load_exercise`);
2. collect the submissions one at a time as an LMS hands them out, with limits per
   student (:mod:`course.grader.submissions`);
3. read each notebook leniently, within limits (:mod:`course.grader.notebook`);
4. run each one in its own isolated process (:mod:`course.grader.sandbox`) that
   receives the code cells and the test *inputs*;
5. compare what comes back with the expected values here, in the grader's process, and
   score (:mod:`course.grader.scoring`);
6. name each submission by its file or folder name as the LMS wrote it (a student id in
   the notebook's metadata that disagrees is only a warning).

Submissions are read, run, scored and released one by one, so memory does not grow with
the size of the class. A broken submission costs only its own points, with a reason;
nothing in one submission can change another's grade or stop the batch: every failure
while reading, running or scoring one becomes that submission's status. No work on
student text in this process is worse than linear in its length.
"""

from __future__ import annotations

import itertools
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from course.exercise import Exercise, Message, load_exercise
from course.grader import codec
from course.grader.notebook import (
    MAX_CELLS, MAX_NOTEBOOK_BYTES, NotebookCell, NotebookError, ParsedNotebook, parse_notebook, strip_magics,
)
from course.grader.sandbox import Limits, Outcome, Sandbox
from course.grader.scoring import (  # noqa: F401 (the results are re-exported: callers import them from here)
    CaseResult, CellError, GradeResult, QuestionResult, SubmissionResult, expected_values, failed_result,
    invalid_result, score,
)
from course.grader.submissions import (
    Found, Skipped, count_submissions, iter_submissions, sanitize_id, student_ids, wanted_id,
)

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
                results[position] = invalid_result(loaded, "", item.file, language, error.reason)
            except Exception as error:  # whatever a file does, it is that file's problem only
                results[position] = failed_result(loaded, item.file, language, error, "invalid")
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
            results[outcome.key] = failed_result(loaded, file, notebook.language, error, "protocol")
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
