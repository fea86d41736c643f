"""docs/robustness.md is generated from the corpus; this keeps the committed page current."""

from __future__ import annotations

import html
import os

from badinput import report
from badinput.cases import CASES


def test_robustness_page_is_up_to_date() -> None:
    if os.environ.get("PLANDOC_WRITE_ROBUSTNESS"):
        report.write()
    assert report.TARGET.is_file(), "generate it: PLANDOC_WRITE_ROBUSTNESS=1 pytest " \
                                    "tests/badinput/test_report.py"
    assert report.TARGET.read_text(encoding="utf-8") == report.render(), (
        "docs/robustness.md is stale: PLANDOC_WRITE_ROBUSTNESS=1 .venv/bin/pytest "
        "tests/badinput/test_report.py")


def test_every_case_has_a_row() -> None:
    page = report.render()
    for case in CASES:
        assert html.escape(case.title, quote=False) in page
        for line in case.expect:
            text = (case.file + line if line.startswith(":") else line).replace(
                "\u00a0", " ").replace("|", "\\|")
            assert text in page
