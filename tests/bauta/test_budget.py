"""The page report's arithmetic on a PDF described by hand, and the PDF template choice."""

from __future__ import annotations

import re
from pathlib import Path

from bauta.factory import make_project
from plandoc.bauta.budget import format_report, measure_book
from plandoc.bauta.edition import edition
from plandoc.bauta.read import load_project
from plandoc.writers.pdf import DEFAULT_TEMPLATE_DIR, template_for
from plandoc.writers.pdf_pages import OutlineEntry, PdfPages


def _pages() -> PdfPages:
    labels = ("", "", *(str(n) for n in range(3, 19)), "", "")
    outline = [(1, "Forord", 4), (1, "Innledning", 5), (1, "Pilotkommunesatsingen", 6),
               (1, "Felles erfaringer og gode råd", 7), (1, "Kommuneprofiler", 8),
               (2, "Bjørkedal kommune", 10), (2, "Askvik kommune", 12), (1, "Eksempler", 15),
               (2, "Ungdommens hus", 16), (2, "Torget vi bygde sammen", 17),
               (1, "Henvisninger", 18)]
    return PdfPages(count=20, labels=labels,
                    outline=tuple(OutlineEntry(*entry) for entry in outline))


def test_parts_and_items_are_measured_from_labels_and_bookmarks(tmp_path: Path) -> None:
    project, diags = load_project(make_project(tmp_path / "p"), tmp_path / "media")
    assert project is not None and not diags.has_errors
    report = measure_book(_pages(), edition(project))
    actual = {p.key: (p.actual, p.first, p.last) for p in report.parts}
    assert actual == {"cover": (4, 1, 2), "front": (3, 3, 5), "national": (1, 6, 6),
                      "shared": (1, 7, 7), "profiles": (7, 8, 14), "examples": (3, 15, 17),
                      "references": (1, 18, 18)}
    budgets = {p.key: p.budget for p in report.parts}
    assert budgets["profiles"] == 2 * 2 + 2 and budgets["examples"] == 2 * 6 + 3
    assert [(i.title, i.actual) for i in report.items] == [
        ("Bjørkedal kommune", 2), ("Askvik kommune", 3), ("Ungdommens hus", 1),
        ("Torget vi bygde sammen", 1)]
    assert [i.title for i in report.too_long] == ["Askvik kommune"]
    text = format_report(report)
    assert "Omslag" in text and "1–2 og 19–20" in text
    assert "profil «Askvik kommune» (Askvik kommune): 3 sider, budsjett 2 (+1), fra side 12" \
        in text
    assert re.search(r"^Sum\s+40\s+20\s+−20$", text, re.MULTILINE)


def test_pdf_template_is_chosen_by_document_kind() -> None:
    assert template_for("bauta", DEFAULT_TEMPLATE_DIR).name == "bauta.typ"
    assert template_for("bauta-kortversjon", DEFAULT_TEMPLATE_DIR).name == "bauta.typ"
    assert template_for("omstillingsplan", DEFAULT_TEMPLATE_DIR).name == "plandoc.typ"
    assert template_for("../bauta", DEFAULT_TEMPLATE_DIR).name == "plandoc.typ"
