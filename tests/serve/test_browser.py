"""plandoc serve in Debian's Chromium (CDP, no downloaded browser): log in, upload a workbook
with a mistake, see the error with its cell, upload the fixed one, download the PDF and read
it; axe-core finds no violations on any page on the way."""

from __future__ import annotations

import contextlib
import io
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
import uvicorn

from a11y.axe import axe_script, run_axe
from bauta.cdp import Browser, browser, find_chromium
from plandoc.serve.app import create_app
from plandoc.serve.service import Settings
from plandoc.serve.users import add_user
from serve.conftest import ELVESTAD, PASSWORD, workbook

CHROMIUM = find_chromium()
WIDTHS = (1280, 320)

pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium mangler: installer Debian-pakken «chromium» eller sett PLANDOC_CHROMIUM; "
           "nettlesertesten av plandoc serve hoppes over",
)


@contextlib.contextmanager
def live_server(data: Path) -> Iterator[str]:
    """plandoc serve on a free port in a thread (uvicorn, as `plandoc serve` runs it)."""
    app = create_app(Settings(data=data, time_limit=120, max_builds=1))
    add_user(app.state.service.db, "elvestad", PASSWORD, "leder", [ELVESTAD])
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def _evaluate(chrome: Browser, expression: str, wait: bool = False) -> object:
    reply = chrome.call("Runtime.evaluate", {"expression": expression, "awaitPromise": True,
                                             "returnByValue": True}, session=True, timeout=60)
    assert "exceptionDetails" not in reply, reply
    return reply["result"].get("value")


def _submit(chrome: Browser, selector: str) -> None:
    """Submit a form as a person would (the button), and wait for the next page."""
    chrome.events.clear()
    _evaluate(chrome, f"document.querySelector({selector!r}).requestSubmit()")
    chrome.wait_for("Page.loadEventFired", timeout=120)


def _upload(chrome: Browser, path: Path) -> str:
    document = chrome.call("DOM.getDocument", session=True)["root"]["nodeId"]
    node = chrome.call("DOM.querySelector", {"nodeId": document, "selector": "#filer"},
                       session=True)["nodeId"]
    chrome.call("DOM.setFileInputFiles", {"nodeId": node, "files": [str(path)]},
                session=True)
    _submit(chrome, "form[enctype]")
    return str(_evaluate(chrome, "document.querySelector('main').innerText"))


def test_browser_upload_fix_download_and_axe(tmp_path: Path) -> None:
    script, why = axe_script()
    if script is None:
        pytest.skip(why)
    assert CHROMIUM is not None
    wrong, right = tmp_path / "feil" / "program.xlsx", tmp_path / "rett" / "program.xlsx"
    for path, budget in ((wrong, "ca. 3 mill"), (right, 950000)):
        path.parent.mkdir()
        path.write_bytes(workbook(budget=budget))
    problems: list[str] = []
    with live_server(tmp_path / "data") as base, browser(CHROMIUM) as chrome:
        problems += run_axe(chrome, script, f"{base}/logg-inn", WIDTHS)
        chrome.load(f"{base}/logg-inn")
        _evaluate(chrome, "document.querySelector('#brukernavn').value = 'elvestad';"
                          f"document.querySelector('#passord').value = {PASSWORD!r}")
        _submit(chrome, "form.login")
        assert _evaluate(chrome, "location.pathname") == "/programmer"
        problems += run_axe(chrome, script, f"{base}/programmer", WIDTHS)
        programme = f"{base}/programmer/{ELVESTAD}"
        problems += run_axe(chrome, script, programme, WIDTHS)

        chrome.load(programme)
        text = _upload(chrome, wrong)
        assert "program.xlsx:Budsjett!D3: feil:" in text and "ca. 3 mill" in text
        problems += run_axe(chrome, script, str(_evaluate(chrome, "location.href")), WIDTHS)

        chrome.load(programme)
        text = _upload(chrome, right)
        assert "I orden: dokumentene er laget" in text
        problems += run_axe(chrome, script, str(_evaluate(chrome, "location.href")), WIDTHS)

        # The PDF, downloaded from its link as a person would (the browser's own session).
        downloads = tmp_path / "nedlastet"
        chrome.call("Browser.setDownloadBehavior", {"behavior": "allowAndName",
                                                    "downloadPath": str(downloads),
                                                    "eventsEnabled": True})
        chrome.load(programme)
        chrome.events.clear()
        _evaluate(chrome, "document.querySelector('a[href$=\"/programplan.pdf\"]').click()")
        started = chrome.wait_for("Browser.downloadWillBegin")["params"]
        assert started["suggestedFilename"] == "programplan.pdf"
        while True:
            progress = chrome.wait_for("Browser.downloadProgress")["params"]
            if progress["state"] != "inProgress":
                break
        assert progress["state"] == "completed"
        pdf = (downloads / started["guid"]).read_bytes()
        pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
        assert "Elvestad kommune" in "".join(p.extract_text() for p in pages)

        for url in (programme, f"{programme}/historikk",
                    f"{programme}/forhandsvisning/programplan.pdf?side=1"):
            problems += run_axe(chrome, script, url, WIDTHS)
        # The page for a programme not found: its own 404 is the point, not a problem.
        problems += [p for p in run_axe(chrome, script, f"{base}/programmer/finnes-ikke",
                                        WIDTHS) if "status of 404" not in p]
    assert problems == [], "\n".join(problems)
