"""Make docs/_static/timeline.png: the HTML timeline of examples/artikel.txt in headless chromium.

    PYTHONPATH=. python docs/screenshot.py

Run it again when the page changes; it needs chromium (Debian: apt-get install chromium).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import timeline  # noqa: E402
from timeline.output.html import document_to_html  # noqa: E402


def main() -> None:
    browser = next((b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None)
    if browser is None:
        sys.exit("docs/screenshot.py: error: no chromium found (Debian: apt-get install chromium)")
    doc = timeline.analyze((ROOT / "examples" / "artikel.txt").read_text(encoding="utf-8"))
    out = ROOT / "docs" / "_static" / "timeline.png"
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "artikel.html"
        page.write_text(document_to_html(doc, title="Timeline: artikel.txt"), encoding="utf-8")
        # --virtual-time-budget lets the page's script finish opening the view before the shot.
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        "--virtual-time-budget=10000", "--window-size=1280,800", f"--screenshot={out}",
                        page.as_uri()], check=True, capture_output=True, timeout=120)
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
