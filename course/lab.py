"""Open the course in JupyterLab on the start page in one language.

JupyterLab is started on a course folder made by :func:`course.workspace.init_workspace`
(never on the committed notebooks of a clone, never inside the installed package) with
the course's own settings (``course/lab_settings/overrides.json``):

- widget state is saved with the notebook, so a lesson reopened the next day still shows
  its widgets' last figures before its cells are run again;
- no "get notified about news?" pop-up over the first lesson, and no update checks
  (everything works offline).
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
from pathlib import Path

from course.i18n import LANGUAGES
from course.workspace import start_page

LAB_SETTINGS = Path(__file__).resolve().parent / "lab_settings"
START_STEM = "00_welcome"


def _running_as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def free_port() -> int:
    """A TCP port on localhost that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_url(folder: Path | str, lang: str, port: int, token: str) -> str:
    """The address of the start page in a JupyterLab serving ``folder`` on ``port``."""
    relative = start_page(folder, lang).relative_to(Path(folder).resolve()).as_posix()
    return f"http://localhost:{port}/lab/tree/{relative}?token={token}"


def lab_command(
    folder: Path | str,
    lang: str = "en",
    *,
    open_browser: bool = True,
    port: int | None = None,
    token: str | None = None,
    python: str | None = None,
) -> list[str]:
    """The command line that starts JupyterLab on ``folder``, opening the start page.

    JupyterLab runs from the same interpreter (``python -m jupyterlab``) so that it finds
    the course's kernel and packages without any activated environment. The start page
    is passed as an absolute path because JupyterLab resolves it against the working
    directory and then opens it relative to the root.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGUAGES)}")
    folder = Path(folder).resolve()
    command = [
        python or sys.executable,
        "-m",
        "jupyterlab",
        f"--ServerApp.root_dir={folder}",
        f"--LabApp.app_settings_dir={LAB_SETTINGS}",
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    if port is not None:
        command.append(f"--ServerApp.port={port}")
    if token is not None:
        command.append(f"--IdentityProvider.token={token}")
    if not open_browser:
        command.append("--no-browser")
    if _running_as_root():
        # Containers often run as root, and JupyterLab refuses to start as root without it.
        command.append("--allow-root")
    command.append(str(start_page(folder, lang)))
    return command


def run_lab(folder: Path | str, lang: str = "en", *, open_browser: bool = True) -> int:
    """Start JupyterLab on the course folder (see :func:`lab_command`); return its exit code.

    Raises
    ------
    FileNotFoundError
        When the folder has no start page (run ``nncourse init`` first).
    """
    page = start_page(folder, lang)
    if not page.is_file():
        raise FileNotFoundError(f"the start page {page} does not exist; make the course folder with `nncourse init`")
    port, token = free_port(), secrets.token_hex(16)
    print(f"The course is in {Path(folder).resolve()}")
    print(f"Start page: {start_url(folder, lang, port, token)}", flush=True)
    # The environment is passed on untouched: kernels inherit it, and a forced
    # MPLBACKEND (e.g. Agg) would stop plots from showing in the notebooks.
    command = lab_command(folder, lang, open_browser=open_browser, port=port, token=token)
    process = subprocess.Popen(command, cwd=Path(folder).resolve())
    while True:
        try:
            return process.wait()
        except KeyboardInterrupt:
            # Ctrl-C reaches JupyterLab too, which asks before it shuts down; keep waiting.
            continue
