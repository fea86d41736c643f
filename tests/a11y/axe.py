"""axe-core (npm) in Debian's headless Chromium: installed into tests/a11y/node on first use,
never a downloaded browser. Chromium is driven by tests/bauta/cdp.py."""

from __future__ import annotations

import fcntl
import json
import shutil
import subprocess
from pathlib import Path

from bauta.cdp import Browser

HERE = Path(__file__).resolve().parent
NODE_DIR = HERE / "node"
#: Pinned, so a new axe release cannot turn the suite red by itself.
AXE_VERSION = "4.14.1"
AXE_JS = NODE_DIR / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def axe_script() -> tuple[str | None, str]:
    """axe.min.js's text, installing it with npm when missing; else None and why not."""
    NODE_DIR.mkdir(exist_ok=True)
    with open(NODE_DIR / ".install.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # two test workers must not run npm at once
        if not AXE_JS.is_file():
            npm = shutil.which("npm")
            if npm is None:
                return None, "npm mangler (Debian-pakken «npm»); axe-core kan ikke installeres"
            done = subprocess.run(
                [npm, "install", "--prefix", str(NODE_DIR), "--no-audit", "--no-fund",
                 "--no-save", "--ignore-scripts", f"axe-core@{AXE_VERSION}"],
                capture_output=True, text=True, timeout=300, check=False)
            if done.returncode != 0 or not AXE_JS.is_file():
                return None, f"npm install axe-core feilet: {done.stderr.strip()[-400:]}"
    return AXE_JS.read_text(encoding="utf-8"), ""


def run_axe(chrome: Browser, script: str, url: str, widths: tuple[int, ...],
            overflow: bool = False) -> list[str]:
    """The violations on `url` at each of `widths` CSS pixels, one line each: rule, impact,
    where. The page is loaded once; the window is then resized, which reflows it. With
    `overflow`, content wider than the window (WCAG 1.4.10 reflow) is reported too."""
    result = chrome.load(url, width=widths[0], height=900)
    problems = [f"{url}: {e}" for e in result.errors]
    chrome.call("Runtime.evaluate", {"expression": script}, session=True)
    options = json.dumps({"runOnly": {"type": "tag", "values": TAGS},
                          "resultTypes": ["violations"]})
    for width in widths:
        chrome.call("Emulation.setDeviceMetricsOverride",
                    {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False},
                    session=True)
        reply = chrome.call("Runtime.evaluate", {
            "expression": "new Promise(r => requestAnimationFrame(() => r()))"
                          f".then(() => axe.run(document, {options}))"
                          ".then(r => JSON.stringify(r.violations))",
            "awaitPromise": True, "returnByValue": True}, session=True, timeout=60)
        if "exceptionDetails" in reply:
            problems.append(f"{url} @{width}: axe feilet: {reply['exceptionDetails']}")
            continue
        if overflow:
            problems += _overflow(chrome, url, width)
        for v in json.loads(reply["result"]["value"]):
            where = "; ".join(" ".join(map(str, n.get("target", [])))
                              for n in v["nodes"][:3])
            problems.append(f"{url} @{width}: {v['id']} [{v['impact']}] "
                            f"{len(v['nodes'])}× {where}: {v['help']}")
    return problems


#: Elements whose content is wider than their box, besides wide data tables (which scroll in
#: their focusable box by design): the page itself, and facts boxes with long addresses.
_OVERFLOW = """JSON.stringify([
  document.documentElement.scrollWidth > window.innerWidth ? 'siden' : null,
  ...Array.from(document.querySelectorAll('.table-facts, p, li, h1, h2, h3, figcaption'))
    .filter(e => e.scrollWidth > e.clientWidth + 1)
    .map(e => e.tagName.toLowerCase() + ': ' + e.textContent.trim().slice(0, 60))
].filter(x => x))"""


def _overflow(chrome: Browser, url: str, width: int) -> list[str]:
    reply = chrome.call("Runtime.evaluate", {"expression": _OVERFLOW, "returnByValue": True},
                        session=True)
    return [f"{url} @{width}: for bredt: {what}"
            for what in json.loads(reply["result"]["value"])]
