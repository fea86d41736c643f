"""axe-core on every page of the bauta web edition and on the HTML plans of one programme,
at 1280 and 320 CSS pixels: no violations of WCAG 2.0/2.1 A and AA or of best practice."""

from __future__ import annotations

from pathlib import Path

import pytest

from a11y.axe import axe_script, run_axe
from a11y.conftest import Examples
from bauta.cdp import browser, find_chromium, serve

CHROMIUM = find_chromium()
WIDTHS = (1280, 320)

pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium mangler: installer Debian-pakken «chromium» (apt-get install -y chromium) "
           "eller sett PLANDOC_CHROMIUM; axe-core-testene hoppes over",
)


def _urls(base: str, root: Path) -> list[str]:
    return [f"{base}/{page.relative_to(root).as_posix()}" for page in sorted(root.rglob("*.html"))]


def _check(root: Path, least: int) -> list[str]:
    script, why = axe_script()
    if script is None:
        pytest.skip(why)
    assert CHROMIUM is not None
    problems: list[str] = []
    with serve(root) as base, browser(CHROMIUM) as chrome:
        urls = _urls(base, root)
        assert len(urls) >= least
        for url in urls:
            problems += run_axe(chrome, script, url, WIDTHS, overflow=True)
    return problems


def test_bauta_web_edition_has_no_axe_violations(examples: Examples) -> None:
    assert _check(examples.bauta / "web", 26) == []


def test_html_plans_have_no_axe_violations(examples: Examples) -> None:
    assert _check(examples.html, 8) == []
