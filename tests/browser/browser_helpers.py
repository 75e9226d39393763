"""Constants of the browser tests (imported by name: tests never import from conftest)."""

from __future__ import annotations

import shutil

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
TOKEN = "nncourse-browser-test"

# Flags for a sandboxed machine without network: no first-run UI, no background traffic.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
