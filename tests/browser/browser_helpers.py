"""Constants of the browser tests (imported by name: tests never import from conftest)."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
TOKEN = "nncourse-browser-test"

# Flags for a sandboxed machine without network: no first-run UI, no background traffic.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def wait_until(page, condition: Callable[[], bool], failure: str, seconds: float = 30) -> None:
    """Poll ``condition`` every quarter second; fail with ``failure`` after ``seconds``."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, failure
        page.wait_for_timeout(250)
