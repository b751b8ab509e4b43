"""Headless chromium for the tests that look at a page as a reader would: found on the PATH,
driven over its DevTools pipe (an exact viewport, a screenshot, the page's own report)."""

from __future__ import annotations

import base64
import json
import os
import shutil
import struct
import subprocess
import time
from typing import Any

import pytest

BROWSER = next((b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None)
needs_browser = pytest.mark.skipif(BROWSER is None, reason="no chromium here (Debian: apt-get install chromium); "
                                                           ".ci/run installs it")


class Chromium:
    """Headless chromium driven over its DevTools pipe: pages at an exact viewport (the command
    line's --window-size keeps at least 500 pixels), read once the page says it is ready."""

    def __init__(self, binary: str) -> None:
        ours, theirs = os.pipe(), os.pipe()  # we write into the first, chromium into the second

        def plumb() -> None:  # chromium reads the pipe on fd 3 and writes on fd 4
            os.dup2(ours[0], 3)
            os.dup2(theirs[1], 4)

        self.proc = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
             "--disable-extensions", "--remote-debugging-pipe", "about:blank"],
            pass_fds=(3, 4), preexec_fn=plumb,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(ours[0])
        os.close(theirs[1])
        self.write, self.read, self.count, self.buffer = ours[1], theirs[0], 0, b""

    def call(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        self.count += 1
        message: dict[str, Any] = {"id": self.count, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self.write, json.dumps(message).encode() + b"\0")
        while True:
            while b"\0" not in self.buffer:
                chunk = os.read(self.read, 1 << 16)
                assert chunk, "chromium closed its pipe"
                self.buffer += chunk
            raw, self.buffer = self.buffer.split(b"\0", 1)
            reply = json.loads(raw)
            if reply.get("id") == self.count:
                assert "error" not in reply, reply
                result: dict[str, Any] = reply["result"]
                return result

    def open(self, url: str, width: int, height: int, until: str = "data-measured") -> tuple[dict[str, Any], bytes]:
        """``url`` at ``width`` x ``height``: once the body has ``until``, its value and a screenshot."""
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.call("Emulation.setDeviceMetricsOverride", session, width=width, height=height, deviceScaleFactor=1,
                  mobile=width < 600)
        self.call("Page.navigate", session, url=url)
        value = None
        for _ in range(300):
            asked = f"document.body && document.body.getAttribute('{until}')"
            value = self.call("Runtime.evaluate", session, returnByValue=True, expression=asked)["result"].get("value")
            if value is not None:
                break
            time.sleep(0.1)
        png = base64.b64decode(self.call("Page.captureScreenshot", session, format="png")["data"])
        self.call("Target.closeTarget", targetId=target)
        assert value is not None, f"{url} never set {until}"
        return json.loads(value) if until == "data-measured" else {"value": value}, png

    def close(self) -> None:
        self.call("Browser.close")
        self.proc.wait(timeout=30)
        os.close(self.write)
        os.close(self.read)


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "a PNG file"
    width, height = struct.unpack(">II", data[16:24])
    return width, height
