"""A headless Chromium driven over the DevTools protocol, for the tests that need a browser.

Nothing here is installed with the package: the tests that use it are skipped, with the reason,
when no Chromium is found (``chromium``, ``chromium-browser``, ``google-chrome`` on the PATH, or
the path in ``QDTRANSPORT_CHROMIUM``). The protocol is spoken over tornado's websocket client
(tornado comes with Jupyter), so no browser-driver package is needed.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> str | None:
    """Return the path of a Chromium or Chrome executable, or None."""
    given = os.environ.get("QDTRANSPORT_CHROMIUM")
    if given:
        return given if Path(given).is_file() else None
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


needs_chromium = pytest.mark.skipif(
    find_chromium() is None,
    reason="no Chromium on this machine (install chromium, or set QDTRANSPORT_CHROMIUM)",
)
"""Mark for tests that drive a headless browser."""


class Browser:
    """One headless Chromium with one page; methods run protocol commands on that page."""

    def __init__(self, width: int = 1280, height: int = 900) -> None:
        executable = find_chromium()
        if executable is None:
            raise RuntimeError("no Chromium found")
        self._profile = tempfile.mkdtemp(prefix="qd-chromium-")
        self._process = subprocess.Popen(
            [
                executable,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--hide-scrollbars",
                f"--user-data-dir={self._profile}",
                f"--window-size={width},{height}",
                "--remote-debugging-port=0",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self._loop = asyncio.new_event_loop()
        self._next_id = 0
        self.events: list[dict[str, Any]] = []
        self._socket = self._loop.run_until_complete(self._connect())
        self.send("Page.enable")
        self.send("Runtime.enable")

    async def _connect(self) -> Any:
        from tornado.httpclient import AsyncHTTPClient
        from tornado.websocket import websocket_connect

        port_file = Path(self._profile) / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not port_file.is_file() or not port_file.read_text().strip():
            if time.monotonic() > deadline or self._process.poll() is not None:
                raise RuntimeError("Chromium did not start")
            await asyncio.sleep(0.1)
        port = port_file.read_text().split()[0]
        deadline = time.monotonic() + 30
        while True:
            try:
                listing = await AsyncHTTPClient().fetch(f"http://127.0.0.1:{port}/json/list")
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                await asyncio.sleep(0.1)
        pages = [t for t in json.loads(listing.body) if t["type"] == "page"]
        return await websocket_connect(pages[0]["webSocketDebuggerUrl"], max_message_size=1 << 30)

    async def _send(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        self._next_id += 1
        ident = self._next_id
        await self._socket.write_message(json.dumps({"id": ident, "method": method, "params": params}))
        while True:
            message = await self._socket.read_message()
            if message is None:
                raise RuntimeError("Chromium closed the connection")
            data = json.loads(message)
            if data.get("id") == ident:
                if "error" in data:
                    raise RuntimeError(f"{method}: {data['error']}")
                return data.get("result", {})
            self.events.append(data)

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        """Run one protocol command and return its result."""
        return self._loop.run_until_complete(self._send(method, params))

    def open(self, url: str, *, settle_s: float = 0.5) -> None:
        """Load ``url`` and wait for its load event (then ``settle_s`` more)."""
        self.events.clear()
        self.send("Page.navigate", url=url)
        deadline = time.monotonic() + 60
        while not any(e.get("method") == "Page.loadEventFired" for e in self.events):
            if time.monotonic() > deadline:
                raise TimeoutError(f"{url} did not load")
            self.evaluate("1")
        time.sleep(settle_s)

    def evaluate(self, expression: str) -> Any:
        """Evaluate JavaScript in the page (promises awaited) and return its JSON value."""
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression[:80]}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression: str, *, timeout_s: float = 60) -> Any:
        """Evaluate ``expression`` until it gives a true value; return that value."""
        deadline = time.monotonic() + timeout_s
        while True:
            value = self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise TimeoutError(f"still false after {timeout_s} s: {expression}")
            time.sleep(0.25)

    def screenshot(self, path: Path, *, full_page: bool = True) -> Path:
        """Save a PNG of the page (the whole page when ``full_page``)."""
        params: dict[str, Any] = {"format": "png", "captureBeyondViewport": full_page}
        if full_page:
            size = self.send("Page.getLayoutMetrics")["cssContentSize"]
            params["clip"] = {
                "x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1
            }  # fmt: skip
        data = self.send("Page.captureScreenshot", **params)["data"]
        path.write_bytes(base64.b64decode(data))
        return path

    def print_pdf(self, path: Path) -> Path:
        """Print the page as Chrome's "Save as PDF" does with the page's own size (A4 in CSS)."""
        data = self.send("Page.printToPDF", preferCSSPageSize=True, printBackground=True)["data"]
        path.write_bytes(base64.b64decode(data))
        return path

    def close(self) -> None:
        """Stop the browser and remove its profile."""
        try:
            self._loop.run_until_complete(self._close_socket())
        finally:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
            self._loop.close()
            shutil.rmtree(self._profile, ignore_errors=True)

    async def _close_socket(self) -> None:
        self._socket.close()

    def __enter__(self) -> Browser:
        """Use the browser in a ``with`` block; it is closed at the end."""
        return self

    def __exit__(self, *exc: object) -> None:
        """Close the browser."""
        self.close()
