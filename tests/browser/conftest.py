"""Browser fixtures: JupyterLab on a student's course folder, and headless Chromium.

Needs Chromium (Debian: ``apt-get install chromium``) and the ``playwright`` package; the
browser tests are skipped, with the reason, when either is missing.
"""

from __future__ import annotations

import os
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from course.lab import free_port, lab_command
from course.workspace import init_workspace

from browser_helpers import CHROMIUM, CHROMIUM_ARGS, TOKEN


@pytest.fixture(scope="session")
def course_folder(tmp_path_factory) -> Path:
    """A student's course folder, made as `nncourse init` makes it (never the repository)."""
    folder = tmp_path_factory.mktemp("course")
    init_workspace(folder)
    return folder


@pytest.fixture(scope="session")
def lab(course_folder):
    """JupyterLab started as `nncourse lab` starts it (the course's settings), on the folder."""
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    command = lab_command(course_folder, "en", open_browser=False, port=port, token=TOKEN)
    # Workspaces and user settings of its own: the tests never touch the user's ~/.jupyter.
    command[-1:-1] = [
        "--ip=127.0.0.1",
        f"--LabApp.workspaces_dir={course_folder / '.workspaces'}",
        f"--LabApp.user_settings_dir={course_folder / '.user-settings'}",
    ]
    log = open(course_folder / "lab.log", "wb")
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=course_folder)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            urllib.request.urlopen(f"{url}/api/status?token={TOKEN}", timeout=2)
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail("JupyterLab did not start:\n" + (course_folder / "lab.log").read_text(errors="replace")[-3000:])
            time.sleep(0.5)
    yield url
    server.terminate()
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.kill()
    log.close()


@pytest.fixture(scope="session")
def browser():
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    playwright_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
