"""A student's own copy of the course: ``nncourse init DIR``.

The notebooks a student runs must live in a folder the student owns: running a lesson
saves its outputs into the notebook, so a copy inside a git clone would conflict with the
next ``git pull``, and a copy inside an installed package would be lost (or refused) at
the next upgrade. :func:`init_workspace` builds the course from the sources that ship with
the package into such a folder, with the same layout as the repository
(``notebooks/LANG/STEM.ipynb``, ``exercises/LANG/STEM.ipynb``) so every link between
notebooks works.

Running it again brings new chapters and corrections but never overwrites a notebook the
student has changed: a manifest (``.nncourse/manifest.json``) remembers what was written,
and a notebook that no longer matches it is skipped and named.
"""

from __future__ import annotations

import hashlib
import json
import os
import sysconfig
from dataclasses import dataclass
from pathlib import Path

from course.build import Output, load_sources, plan, plan_teacher_edition
from course.i18n import LANGUAGES

PACKAGE_ROOT = Path(__file__).resolve().parents[1]  # the folder holding course/ and nnlib/
MANIFEST = Path(".nncourse", "manifest.json")
EDITIONS = ("student", "teacher")


class WorkspaceError(ValueError):
    """The folder cannot hold a course copy (it is inside the installed package, or a file)."""


@dataclass(frozen=True)
class InitResult:
    """What :func:`init_workspace` did, as paths relative to the folder."""

    folder: Path
    written: tuple[str, ...]
    updated: tuple[str, ...]
    unchanged: tuple[str, ...]
    skipped: tuple[str, ...]  # changed by the student: left as they are

    def start_page(self, lang: str) -> Path:
        return start_page(self.folder, lang)


def start_page(folder: Path | str, lang: str) -> Path:
    """The start page of ``lang`` in a course folder (absolute)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGUAGES)}")
    return Path(folder).resolve() / "notebooks" / lang / "00_welcome.ipynb"


def is_workspace(folder: Path | str) -> bool:
    """True when ``folder`` holds a course copy made by :func:`init_workspace`."""
    return (Path(folder) / MANIFEST).is_file()


def _protected_folders() -> list[Path]:
    """Folders no course copy may be written into: the installed packages and site-packages."""
    folders = [Path(__file__).resolve().parent, PACKAGE_ROOT / "nnlib"]
    for key in ("purelib", "platlib"):
        path = sysconfig.get_paths().get(key)
        if path:
            folders.append(Path(path).resolve())
    return folders


def _check_folder(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise WorkspaceError(f"expected a folder for the course, but {folder} is a file")
    for protected in _protected_folders():
        if folder == protected or protected in folder.parents:
            raise WorkspaceError(
                f"{folder} is inside the installed package ({protected}); choose a folder of your "
                f"own, for example ~/nncourse"
            )


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read_manifest(folder: Path) -> dict[str, str]:
    path = folder / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, dict):
        return {}
    return {str(k): str(v) for k, v in files.items() if isinstance(v, str)}


def _write_manifest(folder: Path, files: dict[str, str]) -> None:
    path = folder / MANIFEST
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps({"files": dict(sorted(files.items()))}, indent=1) + "\n", encoding="utf-8")
    os.replace(temporary, path)


def planned_outputs(folder: Path, langs: tuple[str, ...], edition: str) -> list[Output]:
    """The notebooks of the course in ``langs`` and ``edition``, to be written under ``folder``."""
    if edition not in EDITIONS:
        raise ValueError(f"unknown edition {edition!r}; expected one of {', '.join(EDITIONS)}")
    sources = load_sources(PACKAGE_ROOT)
    if not sources:
        raise WorkspaceError(f"no course sources found in {PACKAGE_ROOT / 'course' / 'content'}: the package is incomplete")
    outputs = plan(sources, folder) if edition == "student" else plan_teacher_edition(sources, folder)
    return [output for output in outputs if output.path.parent.name in langs]


def init_workspace(folder: Path | str, lang: str | None = None, edition: str = "student") -> InitResult:
    """Write (or bring up to date) a course copy in ``folder``.

    Parameters
    ----------
    folder : path-like
        Created if missing. Must not be inside the installed package.
    lang : "en", "sv" or None
        One language, or None for both.
    edition : "student" or "teacher"
        The teacher edition has the teacher's notes in the lessons and the solutions in
        the exercises.

    Returns
    -------
    InitResult
        Notebooks written for the first time, updated (unchanged by the student since the
        last init), unchanged, and skipped because the student changed them.
    """
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGUAGES)}")
    folder = Path(folder).expanduser().resolve()
    _check_folder(folder)
    langs = LANGUAGES if lang is None else (lang,)
    outputs = planned_outputs(folder, langs, edition)

    manifest = _read_manifest(folder)
    written, updated, unchanged, skipped = [], [], [], []
    for output in outputs:
        name = output.path.relative_to(folder).as_posix()
        data = output.text.encode("utf-8")
        new_digest = _digest(data)
        if output.path.is_file():
            current = _digest(output.path.read_bytes())
            if current == new_digest:
                unchanged.append(name)
                manifest[name] = new_digest
                continue
            if manifest.get(name) != current:
                skipped.append(name)  # the student's work: never overwritten
                continue
            updated.append(name)
        else:
            written.append(name)
        output.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = output.path.with_name(output.path.name + ".tmp")
        temporary.write_bytes(data)
        os.replace(temporary, output.path)
        manifest[name] = new_digest
    _write_manifest(folder, manifest)
    return InitResult(folder, tuple(written), tuple(updated), tuple(unchanged), tuple(skipped))
