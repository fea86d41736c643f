"""The benchmark's report: the targets of issue 18, judged from one run's measurements.

Not timed: the harness itself takes minutes even in `--quick` mode (Typst, LibreOffice and
pandoc on real documents), so only its judging and writing are tested here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]

#: One run where every target is measured: some met, some missed.
MEASURED = {
    "one": 0.20, "one_pandoc": 0.70, "one_docxtpl": 1.00, "floor": 0.18,
    "many": 20.0, "many_pandoc": 45.0, "many_docxtpl": 50.0,
    "typst_now": 6.0, "typst_before": 10.0,
    "full": 200.0, "peak": 900.0, "noop": 0.4, "changed": 1.5, "watch": 0.3,
}


@pytest.fixture
def bench(monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.syspath_prepend(str(ROOT))
    import bench.__main__ as main
    import bench.targets as targets

    return main, targets


def test_every_target_of_the_issue_is_judged(bench: Any) -> None:
    _, targets = bench
    rows = targets.evaluate(MEASURED, jobs=2, programmes=357, many=100)
    judged = {r.goal: (r.measured, r.met, r.why) for r in rows}
    assert len(rows) == 11
    assert judged["1 dokument (DOCX + PDF) ≥ 3× raskere enn pandoc"] == ("3.5×", True, "")
    assert judged["1 dokument (DOCX + PDF) ≥ 6× raskere enn docxtpl + LibreOffice"] == (
        "5.0×", False, "1.2× for sakte")
    assert judged["100 dokumenter med 2 jobber ≥ 2,5× raskere enn pandoc"][1] is False
    assert judged["100 dokumenter med 2 jobber ≥ 3× raskere enn docxtpl + LibreOffice"][:2] == (
        "2.5×", False)
    assert judged["plandoc per dokument ≤ 1,3 × gulvet"] == ("1.11 ×", True, "")
    assert judged["Typst-gulvet ≥ 30 % lavere enn før (samme innhold)"][:2] == (
        "40 % lavere (10.00 s → 6.00 s)", True)
    full = "hele korpuset (357 program, alle dokumenter, DOCX + PDF, 2 jobber) ≤ 180 s"
    assert judged[full] == ("200 s", False, "1.1× for sakte")
    assert judged["høyeste minnebruk, hele korpuset < 1 GiB"][:2] == ("900 MiB", True)
    assert judged["ingen endring (no-op) ≤ 0,5 s"][1] is True
    assert judged["én endret arbeidsbok ≤ 1 s med `plandoc build`"][1] is False
    watch = "én endret arbeidsbok ≤ 0,5 s til første oppdaterte PDF i `plandoc watch`"
    assert judged[watch][1] is True


def test_a_target_not_measured_says_why(bench: Any) -> None:
    _, targets = bench
    measured = dict(MEASURED, typst_before=None, watch=None, one_docxtpl=None)
    rows = targets.evaluate(measured, programmes=2, many=2, notes={
        "typst_before": "bench/typst_reference/ finnes ikke", "one_docxtpl": "LibreOffice mangler",
        "watch": "ikke i main"})
    missing = [r for r in rows if r.met is None and r.measured == "ikke målt"]
    assert [(r.measured, r.why) for r in missing] == [
        ("ikke målt", "LibreOffice mangler"),
        ("ikke målt", "bench/typst_reference/ finnes ikke"),
        ("ikke målt", "ikke i main"),
    ]
    assert any("her bare 2 program" in r.goal for r in rows)
    small = [r for r in rows if r.why.startswith("ikke bedømt")]
    assert [r.measured for r in small] == ["200 s", "900 MiB"]
    lines = targets.table(rows)
    assert lines[0] == "| mål | målt | nådd? | bommet med / merknad |"
    assert sum(" | – | " in line for line in lines) == 5


def test_report_has_the_targets_table_and_keeps_the_serve_section(bench: Any,
                                                                   tmp_path: Path) -> None:
    main, targets = bench
    destination = tmp_path / "RESULTS.md"
    destination.write_text("gammelt\n<!-- serve-load -->\nserve-tall\n<!-- /serve-load -->\n",
                           encoding="utf-8")
    results = main.Results()
    results.add("1 dokument (DOCX + PDF), median", 0.2, 1.0, 0.7)
    info = {"date": "2026-12-05 23:00", "cpu": "CPU", "cores": "2", "memory": "1 GiB",
            "system": "Linux", "python": "3.11", "versions": "plandoc 0.1.0", "code": "x"}
    summary = {"programmes": 357, "minutes": 17.5,
               "targets": targets.evaluate(MEASURED),
               "warning": "Målt under last fra andre jobber (last 9.0 på 2 kjerner)"}
    text = main.write_results(info, "9 / 9 / 9", "9 / 9 / 9", 1.0, 2, results, summary,
                              destination)
    assert destination.read_text(encoding="utf-8") == text
    assert "**Målt under last fra andre jobber (last 9.0 på 2 kjerner)**" in text
    assert "`make bench` tok 17.5 min" in text
    assert "## Mål (issue 18)" in text
    assert "| 1 dokument (DOCX + PDF), median | 0.20 s | 1.00 s | 5.0× | 0.70 s | 3.5× |  |" in text
    assert text.count("| ja |") + text.count("| NEI |") == 11
    assert text.rstrip().endswith("<!-- /serve-load -->") and "serve-tall" in text
    assert "gammelt" not in text


def test_busy_machine_is_named(bench: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    main, _ = bench
    monkeypatch.setattr(main.os, "cpu_count", lambda: 2)
    assert main._busy("0.30 / 0.2 / 0.1", "0.9 / 0.5 / 0.2") == ""
    assert main._busy("0.30 / 0.2 / 0.1", "3.50 / 2 / 1") == "last 3.5 på 2 kjerner"


def test_the_dominant_step_is_named(bench: Any) -> None:
    main, _ = bench
    stages = [("i alt per program", 4.0), ("PDF i alt (data, diagram, Typst)", 3.0),
              ("Typst-kompilering (gulv)", 2.6), ("Markdown → dokumenttre (markdown-it-py)", 0.4)]
    assert main.dominates(stages) == (
        "Mest tid: Typst-kompilering (gulv), 65 % av tiden per program. plandocs eget arbeid "
        "utenom Typst-kompileringen er 35 %.")
    assert main.dominates([]) == ""
