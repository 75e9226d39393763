"""Open the course in JupyterLab on the start page in one language."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from course.build import OUTPUT_DIRS, REPO_ROOT
from course.i18n import LANGUAGES

START_STEM = "00_welcome"


def start_page(root: Path | str, lang: str) -> Path:
    """The start page notebook of ``lang`` under ``root`` (absolute)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGUAGES)}")
    return Path(root).resolve() / OUTPUT_DIRS["lesson"] / lang / f"{START_STEM}.ipynb"


def _running_as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def lab_command(
    root: Path | str = REPO_ROOT, lang: str = "en", *, open_browser: bool = True, python: str | None = None
) -> list[str]:
    """The command line that starts JupyterLab with ``root`` as its root, opening the start page.

    JupyterLab runs from the same interpreter (``python -m jupyterlab``) so that it finds
    the course's kernel and packages without any activated environment. The start page
    is passed as an absolute path because JupyterLab resolves it against the working
    directory and then opens it relative to the root.
    """
    root = Path(root).resolve()
    command = [
        python or sys.executable,
        "-m",
        "jupyterlab",
        f"--ServerApp.root_dir={root}",
    ]
    if not open_browser:
        command.append("--no-browser")
    if _running_as_root():
        # Containers often run as root, and JupyterLab refuses to start as root without it.
        command.append("--allow-root")
    command.append(str(start_page(root, lang)))
    return command


def run_lab(root: Path | str = REPO_ROOT, lang: str = "en", *, open_browser: bool = True) -> int:
    """Start JupyterLab (see :func:`lab_command`) and wait until it exits; return its exit code.

    Raises
    ------
    FileNotFoundError
        When the start page has not been built.
    """
    page = start_page(root, lang)
    if not page.is_file():
        raise FileNotFoundError(
            f"the start page {page} does not exist; build the notebooks with `python -m course build`"
        )
    # The environment is passed on untouched: kernels inherit it, and a forced
    # MPLBACKEND (e.g. Agg) would stop plots from showing in the notebooks.
    process = subprocess.Popen(lab_command(root, lang, open_browser=open_browser), cwd=Path(root).resolve())
    while True:
        try:
            return process.wait()
        except KeyboardInterrupt:
            # Ctrl-C reaches JupyterLab too, which asks before it shuts down; keep waiting.
            continue
