"""Project files against their approved prosjektplan (issue 13): Fjordvik's project 02/25 has
prosjektplan 1.2 approved at BP1 (3 February 2025) and kept in vedtatt/; changing its content
without a new version is an error naming the file, sheet and cell, and what to do."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from .fjordvik import EXAMPLE, copy_example, run

PROJECT = "prosjekter/02-25-sjomatklynge"
KEPT = "vedtatt/prosjektplan-02-25-sjomatklynge-1.2"
OLD_GOAL = "Lokale leverandørers omsetning til havbruksnæringen har økt med 30 MNOK"


def _edit_xlsx(path: Path, sheet: str, header: str, row_value: str | None, value: object
               ) -> str:
    """Set column `header` of the row whose first column starts with `row_value` (the first
    data row for None); returns the cell."""
    book = load_workbook(path)
    ws = book[sheet]
    column = next(c for c in range(1, ws.max_column + 1) if ws.cell(1, c).value == header)
    row = next(r for r in range(2, ws.max_row + 1)
               if row_value is None or str(ws.cell(r, 1).value).startswith(row_value))
    ws.cell(row, column).value = value
    book.save(path)
    return f"{ws.cell(row, column).column_letter}{row}"


def test_the_example_keeps_the_approved_prosjektplan(tmp_path: Path) -> None:
    folder = copy_example(tmp_path, keep_xlsx=True)
    assert (EXAMPLE / KEPT / "prosjekt.yaml").is_file()
    # Adopting again gives the same content: nothing to do.
    code, out = run("adopt", str(folder / f"{PROJECT}.xlsx"), "prosjektplan")
    assert code == 0, out
    assert (folder / KEPT / "prosjekt.yaml").read_text(encoding="utf-8") == \
        (EXAMPLE / KEPT / "prosjekt.yaml").read_text(encoding="utf-8")
    code, out = run("validate", str(folder / "program.xlsx"))
    assert code == 0 and "prosjektplanen for 02/25" not in out, out


def test_a_changed_approved_project_plan_is_an_error_at_its_cell(tmp_path: Path) -> None:
    folder = copy_example(tmp_path, keep_xlsx=True)
    (folder / f"{PROJECT}.yaml").unlink()  # edit the workbook alone
    workbook = folder / f"{PROJECT}.xlsx"
    cell = _edit_xlsx(workbook, "Mål", "Mål", "effektmål", "Omsetningen har økt med 40 MNOK")
    # Follow-up columns are not plan content: reporting what was achieved is fine.
    _edit_xlsx(workbook, "Mål", "Oppnådd", "effektmål", 45)
    code, out = run("validate", str(folder / "program.xlsx"))
    assert code == 1
    assert (f"{PROJECT}.xlsx:Mål!{cell}: feil: Mål for «effektmål 1» i arket «Mål» er endret "
            f"fra «{OLD_GOAL}» til «Omsetningen har økt med 40 MNOK», men prosjektplanen for "
            "02/25 versjon 1.2 ble godkjent 3. februar 2025 og er lagret i "
            f"«{KEPT}»; legg til en ny versjon av prosjektplanen i arket «Utgaver» (status "
            "utkast) før du endrer innholdet, eller sett tilbake verdien som ble godkjent "
            "[vedtatt.endret]") in out
    assert out.count("[vedtatt.endret]") == 1, out
    code, out = run("build", str(folder / "program.xlsx"), "--out", str(tmp_path / "out"),
                     "--format", "docx", "-q")
    assert code == 1 and not (tmp_path / "out" / "fjordvik-kommune").exists()

    # A new version of the plan (a draft): the change is allowed.
    book = load_workbook(workbook)
    ws = book["Utgaver"]
    headers = [c.value for c in ws[1]]
    row = ws.max_row + 1
    ws.cell(row, headers.index("Versjon") + 1).value = "1.3"
    ws.cell(row, headers.index("Status") + 1).value = "utkast"
    book.save(workbook)
    code, out = run("validate", str(folder / "program.xlsx"))
    assert code == 0 and "[vedtatt.endret]" not in out, out


def test_a_changed_yaml_project_file_names_its_line(tmp_path: Path) -> None:
    folder = copy_example(tmp_path, keep_xlsx=True)
    (folder / f"{PROJECT}.xlsx").unlink()
    path = folder / f"{PROJECT}.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(OLD_GOAL) == 1
    line = text[:text.index(OLD_GOAL)].count("\n") + 1
    path.write_text(text.replace(OLD_GOAL, "Omsetningen har økt med 40 MNOK"),
                    encoding="utf-8")
    code, out = run("validate", str(folder / "program.xlsx"))
    assert code == 1
    assert (f"{PROJECT}.yaml:{line}: feil: Mål for «effektmål 1» under «mål» er endret") in out
    assert "legg til en ny versjon av prosjektplanen under «utgaver»" in out


def test_only_an_approved_plan_can_be_kept(tmp_path: Path) -> None:
    folder = copy_example(tmp_path, keep_xlsx=True)
    code, out = run("adopt", str(folder / "prosjekter/03-25-vekst-i-fjordvik.xlsx"),
                     "prosjektplan")
    assert code == 1
    assert "prosjektplanen har ingen rad i arket «Utgaver»" in out
    code, out = run("adopt", str(folder / f"{PROJECT}.xlsx"), "handlingsplan-2025")
    assert code == 1 and "ukjent dokument «handlingsplan-2025» for en prosjektfil" in out
