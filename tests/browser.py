"""Helpers for the browser tests: a real server on a free loopback port, and Debian's Chromium
driven headless by Playwright (the Python package drives /usr/bin/chromium; it never downloads
a browser). ``scripts/install-browser.sh`` installs Chromium; ``make test`` runs it first.

In CI (env CI set) a missing browser fails the tests with a clear message; elsewhere it skips.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
INSTALL_HINT = "run scripts/install-browser.sh (Debian's chromium and chromium-driver) or `make test`"


def chromium_path() -> str | None:
    """The Chromium to drive: $RASD_CHROMIUM when set, else Debian's /usr/bin/chromium, else one on PATH."""
    asked = os.environ.get("RASD_CHROMIUM")
    for candidate in [asked] if asked else ["/usr/bin/chromium", shutil.which("chromium")]:
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def unavailable(reason: str) -> None:
    """Fail in CI, skip elsewhere: a browser test must never pass silently in CI without a browser."""
    message = f"browser tests cannot run: {reason}; {INSTALL_HINT}"
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(app: Any) -> Iterator[str]:
    """Runs ``app`` with uvicorn in a thread on 127.0.0.1 and a free port; yields its base URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"the test server did not start on port {port}")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def chromium(user_data_dir: Path) -> Iterator[Any]:
    """A headless Chromium (fresh profile in ``user_data_dir``) as a Playwright BrowserContext."""
    exe = chromium_path()
    if exe is None:
        unavailable(f"no Chromium at {os.environ.get('RASD_CHROMIUM') or '/usr/bin/chromium'}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the Python package 'playwright' is not installed (pip install -e '.[dev]')")
    with sync_playwright() as pw:
        try:
            context = pw.chromium.launch_persistent_context(
                str(user_data_dir),
                executable_path=exe,
                headless=True,
                args=CHROMIUM_FLAGS,
                viewport={"width": 1400, "height": 1000},
                locale="ar",
            )
        except Exception as e:  # a browser that will not start: say why
            unavailable(f"Chromium at {exe} did not launch: {str(e).splitlines()[0]}")
        try:
            yield context
        finally:
            context.close()


def screenshot(page: Any, name: str, full_page: bool = False) -> Path:
    """Saves a PNG under test-artifacts/ (gitignored) to look at after the run."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path
