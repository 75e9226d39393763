"""Finding the submissions as an LMS hands them out, one at a time, and naming them.

``.ipynb`` files, folders of them and ``.zip`` files (nested too) are read in memory with
size and count limits per student (a zip entry is never written to disk; one whose path
leaves its folder, and a symbolic link, are refused), so one student's upload spends only
that student's budget. A submission's id is its file or folder name as the LMS wrote it
(:func:`wanted_id`, :func:`student_ids`).
"""

from __future__ import annotations

import io
import os
import re
import stat
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from course.exercise import Message
from course.grader.notebook import MAX_NOTEBOOK_BYTES

MAX_ZIP_ENTRIES = 20_000
MAX_NESTED_ZIP_ENTRIES = 1_000
# What one student's upload (a folder in the LMS zip, a nested zip, a file) may unpack to.
MAX_STUDENT_BYTES = 256 * 1024 * 1024
MAX_NESTED_ZIP_BYTES = 64 * 1024 * 1024
IGNORED_PARTS = ("__MACOSX", ".ipynb_checkpoints", "__pycache__")
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


def _not_read(file: str, parts: Sequence[str], suffix: str, problem: Message) -> Found | Skipped:
    """An input refused for ``problem``: a notebook stays its student's (graded 0 with the
    reason), a nested zip is skipped."""
    return _found(file, parts, None, problem) if suffix == ".ipynb" else Skipped(file, problem)


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
                yield _not_read(entry, parts, suffix, Message.of("grader.symlink"))
                continue
            if suffix == ".ipynb" and not read:
                yield _found(entry, parts, None)
                continue
            if budget[0] <= 0:
                yield _not_read(entry, parts, suffix, _budget_exceeded())
                continue
            limit = MAX_NOTEBOOK_BYTES if suffix == ".ipynb" else MAX_NESTED_ZIP_BYTES
            try:
                with archive.open(info) as stream:
                    data = _read_limited(stream, min(limit, budget[0]))
            except (zipfile.BadZipFile, RuntimeError, OSError, ValueError, NotImplementedError, EOFError,
                    zipfile.LargeZipFile) as error:
                problem = Message.of("grader.unreadable", error=str(error)[:200])
                yield _not_read(entry, parts, suffix, problem)
                continue
            if data is None:
                over_budget = budget[0] < limit
                budget[0] = 0 if over_budget else budget[0] - limit
                problem = _budget_exceeded() if over_budget else _too_large(limit)
                yield _not_read(entry, parts, suffix, problem)
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
                        yield _not_read(display, parts, suffix, Message.of("grader.symlink"))
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


def count_submissions(paths: Sequence[str | Path]) -> int:
    """How many notebooks :func:`iter_submissions` will find (without reading them)."""
    return sum(1 for item in iter_submissions(paths, read=False) if isinstance(item, Found))


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
