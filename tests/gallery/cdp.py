"""A small Chrome DevTools Protocol client on the standard library, for the browser test.

Starts Debian's chromium headless with a fresh profile and ``--remote-debugging-port=0``,
reads the port from its "DevTools listening on ws://..." line, and talks CDP over a
websocket (the ``websocket-client`` library).
"""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
import tempfile
import threading
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import websocket

CHROMIUM = "/usr/bin/chromium"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--remote-debugging-port=0",
    "--remote-allow-origins=*",
    "--window-size=1280,900",
)
LISTENING = re.compile(r"DevTools listening on (ws://[^\s]+)")


class Browser:
    """Headless chromium and one page, driven over CDP; collects console errors."""

    def __init__(self) -> None:
        self.profile = tempfile.mkdtemp(prefix="studio-chromium-")
        self.proc = subprocess.Popen(
            [CHROMIUM, *FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.stderr_lines: list[str] = []
        found = threading.Event()
        self.browser_ws = ""

        def read_stderr() -> None:
            assert self.proc.stderr is not None
            for line in self.proc.stderr:
                self.stderr_lines.append(line)
                match = LISTENING.search(line)
                if match and not found.is_set():
                    self.browser_ws = match.group(1)
                    found.set()
            found.set()

        self.reader = threading.Thread(target=read_stderr, daemon=True)
        self.reader.start()
        if not found.wait(60) or not self.browser_ws:
            self.close()
            raise RuntimeError("chromium did not start: " + "".join(self.stderr_lines[-20:]))
        port = urlparse(self.browser_ws).port
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=30) as r:
            targets = json.load(r)
        page = next(t for t in targets if t.get("type") == "page")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=30)
        self.next_id = 0
        self.events: list[dict[str, Any]] = []
        self.errors: list[str] = []
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable")

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        my_id = self.next_id
        self.ws.send(json.dumps({"id": my_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == my_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self._event(message)

    def wait_for(self, method: str) -> dict[str, Any]:
        """Wait for the next event named ``method`` (events already seen count)."""
        for i, event in enumerate(self.events):
            if event["method"] == method:
                return self.events.pop(i)
        while True:
            message = json.loads(self.ws.recv())
            if "id" in message:
                continue
            self._event(message)
            if message.get("method") == method:
                self.events.remove(message)
                return message

    def _event(self, message: dict[str, Any]) -> None:
        self.events.append(message)
        method, params = message.get("method"), message.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            args = " ".join(str(a.get("value", a.get("description", ""))) for a in params["args"])
            self.errors.append(f"console.{params['type']}: {args}")
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            text = details.get("exception", {}).get("description") or details.get("text")
            self.errors.append(f"exception: {text}")
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            entry = params["entry"]
            self.errors.append(f"log: {entry.get('text')} {entry.get('url', '')}".strip())
        elif method == "Network.loadingFailed":
            self.errors.append(f"load failed: {params.get('errorText')}")

    def navigate(self, url: str) -> None:
        self.events = [e for e in self.events if e["method"] != "Page.loadEventFired"]
        self.call("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        result = self.call(
            "Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True
        )
        if "exceptionDetails" in result:
            raise RuntimeError(f"page script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def until(self, expression: str, predicate: Callable[[Any], bool], tries: int = 200) -> Any:
        """Evaluate until ``predicate`` holds, yielding to the page between tries (a
        requestAnimationFrame round trip), not sleeping."""
        value = None
        for _ in range(tries):
            value = self.evaluate(expression)
            if predicate(value):
                return value
            self.evaluate("new Promise(r => requestAnimationFrame(() => r(true)))")
        raise AssertionError(f"{expression!r} never satisfied the condition; last value {value!r}")

    def screenshot(self, path: Path) -> Path:
        data = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)
        path.write_bytes(base64.b64decode(data["data"]))
        return path

    def close(self) -> None:
        try:
            if hasattr(self, "ws"):
                self.ws.close()
        finally:
            if self.proc.poll() is None:
                self.proc.terminate()
                try:
                    self.proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
                    self.proc.wait()
            # The reader ends at the pipe's end of file; then the pipe is closed (left open,
            # it is a ResourceWarning, an error in this suite).
            self.reader.join(timeout=20)
            if self.proc.stderr is not None:
                self.proc.stderr.close()
            shutil.rmtree(self.profile, ignore_errors=True)
