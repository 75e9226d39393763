"""The course as a student meets it: JupyterLab in a real (headless) browser.

Starts JupyterLab on a copy of the built notebooks (so autosave never touches the repo),
opens each language's start page, and checks that the lesson opens straight away (no
"Select Kernel" dialog), runs top to bottom without an error, and that its widget is live:
moving the slider in the page changes the plot the kernel sends back.

Needs Chromium (Debian: ``apt-get install chromium``) and the ``playwright`` package; the
test is skipped, with the reason, when either is missing.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from course.chapters import CHAPTERS

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
TOKEN = "nncourse-browser-test"
START = CHAPTERS[0]

playwright_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")

# Flags for a sandboxed machine without network: no first-run UI, no background traffic.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    root = tmp_path_factory.mktemp("lab")
    for folder in ("notebooks", "exercises"):
        shutil.copytree(REPO / folder, root / folder)
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    command = [
        sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}", "--ip=127.0.0.1",
        f"--ServerApp.root_dir={root}", f"--IdentityProvider.token={TOKEN}",
        "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        f"--LabApp.workspaces_dir={root / '.workspaces'}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # CI containers run as root
        command.append("--allow-root")
    log = open(root / "lab.log", "wb")
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=root)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            urllib.request.urlopen(f"{url}/api/status?token={TOKEN}", timeout=2)
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail("JupyterLab did not start:\n" + (root / "lab.log").read_text(errors="replace")[-3000:])
            time.sleep(0.5)
    yield url
    server.terminate()
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.kill()
    log.close()


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _plot_src(widget) -> str:
    """The src of the plot image the widget shows."""
    image = widget.locator("img").last
    image.wait_for(state="visible", timeout=60_000)
    return image.get_attribute("src")


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_start_page_opens_runs_and_its_widget_responds(lab, browser, lang, tmp_path):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(f"{lab}/lab/workspaces/{lang}/tree/notebooks/{lang}/{START.stem}.ipynb?token={TOKEN}")
        heading = page.locator(".jp-RenderedMarkdown h1").first
        heading.wait_for(state="visible", timeout=60_000)
        assert START.title(lang).split(":")[0] in heading.inner_text()
        # A notebook without kernelspec makes JupyterLab ask for a kernel in a modal dialog.
        page.wait_for_selector(".jp-Notebook-ExecutionIndicator, .jp-Toolbar-kernelName", timeout=30_000)
        assert page.locator(".jp-Dialog").count() == 0, "JupyterLab opened a dialog instead of the lesson"

        page.locator(".jp-Notebook").first.click()
        page.get_by_role("menuitem", name="Run", exact=True).click()
        page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
        widget = page.locator(".widget-vbox:has(.widget-slider)").first
        widget.wait_for(state="visible", timeout=90_000)
        page.wait_for_function(
            "() => document.querySelectorAll('.jp-InputArea-prompt').length > 0 && "
            "![...document.querySelectorAll('.jp-InputArea-prompt')].some(p => p.textContent.includes('*'))",
            timeout=120_000,
        )
        errors = page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
        error_text = " ".join(errors.all_inner_texts())
        assert "Error" not in error_text and "Traceback" not in error_text, error_text

        before = _plot_src(widget)
        widget.scroll_into_view_if_needed()
        widget.locator(".widget-slider .noUi-handle, .widget-slider [role='slider']").first.focus()
        for _ in range(5):
            page.keyboard.press("ArrowRight")
        widget.locator("img").last.wait_for(state="attached")
        deadline = time.monotonic() + 30
        while _plot_src(widget) == before:
            assert time.monotonic() < deadline, "moving the slider did not redraw the plot"
            page.wait_for_timeout(250)
        page.screenshot(path=str(tmp_path / f"start_{lang}.png"))
    finally:
        page.close()
