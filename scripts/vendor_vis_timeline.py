"""Fetch vis-timeline 8.5.4 from the npm registry into timeline/output/html/vendor/ and check it.

The HTML view inlines vis-timeline's standalone bundle, so the page stays one file that works
offline. This script is how the vendored files got there and how to check them again:

    python scripts/vendor_vis_timeline.py          # fetch with `npm pack`, check sums, copy
    python scripts/vendor_vis_timeline.py --check  # only check the vendored files' sums

It also writes ``injected-styles.sha256``: the standalone bundle adds its own stylesheet to the
page as ``<style>`` elements when it loads, and the page's Content-Security-Policy allows those
by their hashes (nothing else), and the empty ``<style>`` each of them is for a moment. The
hashes are read by running the bundle under node with a stand-in ``document`` that only
records the style texts; the vendored .min.css is the same stylesheet, which the script checks.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

VERSION = "8.5.4"
VENDOR = Path(__file__).resolve().parent.parent / "timeline" / "output" / "html" / "vendor"
# file in the npm package -> its sha256, as first fetched from the registry
FILES = {
    "standalone/umd/vis-timeline-graph2d.min.js": "22045807e537d38d01a537e97563ad8b0269f8b827bb5da23e060f9c3f8ec13b",
    "styles/vis-timeline-graph2d.min.css": "67273f3f1bfc5fee585494e8b8818d7cad98c229737488bc56f140547badc1f5",
    "LICENSE.Apache-2.0.txt": "1509904280a272780fd69c04b858f512cf216f8e3464a0dd98d8f34416feced9",
    "LICENSE.MIT.txt": "507e7e91e0a385c9de0464889068fada0620e327d23f1d64605a7d046490ec97",
}
# Runs the bundle with a stand-in document and prints the texts of the <style> elements it adds.
_CAPTURE = """
const head = { kids: [], appendChild(c) { this.kids.push(c); return c; },
  insertBefore(c) { return this.appendChild(c); } };
global.document = { head, getElementsByTagName: () => [head], createTextNode: (t) => ({ t }),
  createElement: () => ({ kids: [], style: {}, setAttribute() {},
    appendChild(c) { this.kids.push(c); return c; } }) };
require(process.argv[1]);
console.log(JSON.stringify(head.kids.map((s) => s.kids.map((c) => c.t).join(''))));
"""


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fetch(into: Path) -> Path:
    """``npm pack`` the pinned version into ``into``, unpacked; the package folder."""
    subprocess.run(["npm", "pack", f"vis-timeline@{VERSION}", "--silent"], cwd=into, check=True,
                   stdout=subprocess.DEVNULL)
    with tarfile.open(into / f"vis-timeline-{VERSION}.tgz") as tar:
        tar.extractall(into, filter="data")
    return into / "package"


def check(package: Path, flat: bool) -> list[str]:
    """The files whose sum differs from the pinned one (``flat``: named by their base name)."""
    return [name for name, want in FILES.items() if sha256(package / (Path(name).name if flat else name)) != want]


def style_hashes(bundle: Path, css: Path) -> list[str]:
    """CSP sources for the stylesheets the bundle injects; each must be part of the .min.css."""
    out = subprocess.run(["node", "-e", _CAPTURE, str(bundle)], capture_output=True, text=True)
    if out.returncode:
        sys.exit("node could not load the bundle: " + out.stderr.strip().splitlines()[-1][-300:])
    texts = json.loads(out.stdout)
    sheet = css.read_text(encoding="utf-8")
    missing = [t[:60] for t in texts if t not in sheet]
    if missing or not texts:
        sys.exit(f"the bundle injects styles that are not in its .min.css: {missing}")
    # Each <style> goes into the page empty and is filled after: the empty one is checked too.
    return ["sha256-" + base64.b64encode(hashlib.sha256(t.encode("utf-8")).digest()).decode() for t in ["", *texts]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="only check the vendored files' sums")
    args = parser.parse_args()
    if args.check:
        bad = check(VENDOR, flat=True)
        sys.exit(f"changed since vendoring: {bad}" if bad else 0)
    with tempfile.TemporaryDirectory() as tmp:
        package = fetch(Path(tmp))
        bad = check(package, flat=False)
        if bad:
            sys.exit(f"vis-timeline {VERSION} from the registry differs from the pinned sums: {bad}")
        VENDOR.mkdir(parents=True, exist_ok=True)
        for name in FILES:
            shutil.copyfile(package / name, VENDOR / Path(name).name)
    hashes = style_hashes(VENDOR / "vis-timeline-graph2d.min.js", VENDOR / "vis-timeline-graph2d.min.css")
    (VENDOR / "injected-styles.sha256").write_text("\n".join(hashes) + "\n", encoding="utf-8")
    print(f"vis-timeline {VERSION}: {len(FILES)} files checked and copied, {len(hashes)} style hashes written")


if __name__ == "__main__":
    main()
