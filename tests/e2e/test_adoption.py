"""Adopted editions end to end: `plandoc adopt`, rebuilt byte for byte, never silently changed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from plandoc.load.inputs import load_file

from .fjordvik import EXAMPLE, copy_example, run, with_new_drafts


def test_adopt_reproduces_the_kept_editions_of_the_example(tmp_path: Path) -> None:
    folder = copy_example(tmp_path, keep_xlsx=True)
    shutil.rmtree(folder / "vedtatt")
    for document in ("handlingsplan-2025", "omstillingsplan"):
        code, out = run("adopt", str(folder / "program.xlsx"), document)
        assert code == 0, out
    for name in ("handlingsplan-2025-1.0", "omstillingsplan-2.0"):
        kept = sorted(p.relative_to(EXAMPLE / "vedtatt" / name)
                      for p in (EXAMPLE / "vedtatt" / name).rglob("*.yaml"))
        made = sorted(p.relative_to(folder / "vedtatt" / name)
                      for p in (folder / "vedtatt" / name).rglob("*.yaml"))
        assert made == kept and len(kept) >= 1
        # The same content (the text may differ by keys added to the schema since).
        kept_model, _ = load_file(EXAMPLE / "vedtatt" / name / "program.yaml", adopted=False)
        made_model, _ = load_file(folder / "vedtatt" / name / "program.yaml", adopted=False)
        assert kept_model is not None and kept_model == made_model
        assert kept_model.projects == made_model.projects
    # Adopting again with the same content is fine; a draft cannot be adopted.
    assert run("adopt", str(folder / "program.xlsx"), "omstillingsplan")[0] == 0
    code, out = run("adopt", str(folder / "program.xlsx"), "handlingsplan-2026")
    assert code == 1 and "har status «utkast»" in out and "Utgaver!E5" in out


def test_adopted_edition_rebuilds_byte_for_byte_and_changes_need_a_new_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    folder = copy_example(tmp_path)
    workbook = folder / "program.yaml"
    out1, out2 = tmp_path / "out1", tmp_path / "out2"
    code, out = run("build", str(workbook), "--out", str(out1), "--year", "2025", "-q")
    assert code == 0, out
    adopted = {s: (out1 / "fjordvik-kommune" / f"handlingsplan-2025{s}").read_bytes()
               for s in (".docx", ".pdf")}

    # The council adopted 600 000 for T2 in 2025; the workbook now says 650 000.
    text = workbook.read_text(encoding="utf-8")
    before = "    budsjett: 600000\n    omstillingsmidler: 360000\n"
    line = text[:text.index(before)].count("\n") + 1
    text = text.replace(before, "    budsjett: 650000\n    omstillingsmidler: 410000\n", 1)
    workbook.write_text(text, encoding="utf-8")
    code, out = run("validate", str(workbook))
    assert code == 1
    assert (f"program.yaml:{line}: feil: Budsjett (kr) for «T2 (2025)» under «tiltak» er "
            "endret fra «600 000» til «650 000», men handlingsplan 2025 versjon 1.0 ble vedtatt "
            "12. desember 2024") in out
    assert f"program.yaml:{line + 1}: feil: Omstillingsmidler (kr) for «T2 (2025)»" in out
    assert "legg til en ny versjon av handlingsplan 2025 under «utgaver»" in out
    code, out = run("build", str(workbook), "--out", str(out2), "--year", "2025", "-q")
    assert code == 1 and not (out2 / "fjordvik-kommune" / "handlingsplan-2025.docx").exists()

    # A new version of the handlingsplan (and of the plan, whose content it also is): the
    # change is allowed, and the adopted edition is still there, byte for byte.
    text = with_new_drafts(text)
    workbook.write_text(text, encoding="utf-8")
    code, out = run("build", str(workbook), "--out", str(out2), "--year", "2025", "-q")
    assert code == 0, out
    target = out2 / "fjordvik-kommune"
    for suffix, data in adopted.items():
        assert (target / "vedtatt" / f"handlingsplan-2025-1.0{suffix}").read_bytes() == data
        assert (target / f"handlingsplan-2025{suffix}").read_bytes() != data


def test_changed_workbook_cells_are_named(tmp_path: Path) -> None:
    folder = copy_example(tmp_path, keep_xlsx=True)
    (folder / "program.yaml").unlink()
    book = load_workbook(folder / "program.xlsx")
    sheet = book["Mål"]
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value == "M1")
    column = next(c for c in range(1, sheet.max_column + 1)
                  if sheet.cell(1, c).value == "Målverdi")
    sheet.cell(row, column).value = 90
    book.save(folder / "program.xlsx")
    code, out = run("validate", str(folder / "program.xlsx"))
    cell = f"{sheet.cell(row, column).column_letter}{row}"
    assert code == 1
    assert (f"program.xlsx:Mål!{cell}: feil: Målverdi for «M1» i arket «Mål» er endret fra "
            "«80» til «90», men omstillingsplan versjon 2.0 ble vedtatt 13. februar 2025") in out


def test_a_new_plan_version_may_change_goals_an_adopted_handlingsplan_shows(
    tmp_path: Path,
) -> None:
    # Goals belong to the omstillingsplan: the adopted handlingsplan 2025 shows them, but a
    # revision of the plan (a new version) is what changes them, not a new handlingsplan 2025.
    folder = copy_example(tmp_path)
    workbook = folder / "program.yaml"
    text = workbook.read_text(encoding="utf-8")
    before = "    målverdi: \"80\"\n"
    assert before in text
    text = text.replace(before, "    målverdi: \"90\"\n", 1)
    workbook.write_text(text, encoding="utf-8")
    code, out = run("validate", str(workbook))
    assert code == 1
    assert "men omstillingsplan versjon 2.0 ble vedtatt" in out
    assert "men handlingsplan 2025 versjon 1.0 ble vedtatt" in out

    revision = ('  - dokument: omstillingsplan\n    versjon: "3.0"\n    dato: "10.01.2026"\n'
                "    status: utkast\n")
    anchor = "  - dokument: handlingsplan\n    år: 2025\n"
    workbook.write_text(text.replace(anchor, revision + anchor, 1), encoding="utf-8")
    code, out = run("validate", str(workbook))
    assert "ble vedtatt" not in out, out
    assert code == 0, out

    # The yearly tiltak are still the handlingsplan's own: a new plan version does not cover them.
    text = workbook.read_text(encoding="utf-8")
    money = "    budsjett: 600000\n    omstillingsmidler: 360000\n"
    text = text.replace(money, "    budsjett: 650000\n    omstillingsmidler: 410000\n", 1)
    workbook.write_text(text, encoding="utf-8")
    code, out = run("validate", str(workbook))
    assert code == 1 and "men handlingsplan 2025 versjon 1.0 ble vedtatt" in out
