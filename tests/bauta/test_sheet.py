"""The editorial workbook and bauta.yaml: typed rows, defaults, and diagnostics with cells."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

from bauta.factory import ROWS, make_project, settings_of
from plandoc.bauta.editorial import read_editorial
from plandoc.bauta.model import Settings
from plandoc.bauta.read import load_project
from plandoc.bauta.schema import EDITORIAL, EDITORIAL_FILE, build_editorial_workbook
from plandoc.bauta.settings import read_settings
from plandoc.core.diagnostics import Diagnostics


def _set(path: Path, row: int, key: str, value: object) -> str:
    wb = openpyxl.load_workbook(path)
    ws = wb[EDITORIAL.name]
    column = next(i for i, c in enumerate(EDITORIAL.columns, start=1) if c.key == key)
    cell = ws.cell(row=row, column=column, value=value)
    wb.save(path)
    return cell.coordinate


def test_rows_are_typed_with_deadlines_from_settings(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    diags = Diagnostics()
    rows = read_editorial(root / EDITORIAL_FILE, settings_of(root), diags)
    assert not diags.has_errors, [str(d) for d in diags]
    assert len(rows) == len(ROWS)
    first = rows[0]
    assert (first.municipality, first.kind, first.status, first.order) == (
        "Askvik", "profil", "valgt", 2)
    assert first.deadline == dt.date(2025, 9, 22)  # from bauta.yaml: frister.profil
    assert first.received == dt.date(2025, 9, 20)
    example = next(r for r in rows if r.title == "Ungdommens hus")
    assert example.deadline == dt.date(2025, 9, 8)
    assert example.slug == "ungdommens-hus"
    assert example.note == "For langt, må kortes"


def test_bad_cells_are_reported_with_their_address(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    sheet = root / EDITORIAL_FILE
    kommune = _set(sheet, 2, "kommune", "Askvk")
    status = _set(sheet, 3, "status", "godkjent")
    mottatt = _set(sheet, 4, "mottatt", "i fjor")
    diags = Diagnostics()
    read_editorial(sheet, settings_of(root), diags, "p/redaksjonsark.xlsx")
    by_ref = {str(d.ref): d.message for d in diags.errors}
    assert by_ref[f"p/redaksjonsark.xlsx:Innsendinger!{kommune}"] == (
        "kommunen «Askvk» er ikke en av pilotkommunene; mente du «Askvik»?")
    assert "må være en av «mangler», «mottatt»" in by_ref[
        f"p/redaksjonsark.xlsx:Innsendinger!{status}"]
    assert "må være en dato" in by_ref[f"p/redaksjonsark.xlsx:Innsendinger!{mottatt}"]


def test_inconsistent_rows_are_warnings(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    sheet = root / EDITORIAL_FILE
    _set(sheet, 6, "rekkefølge", 2)  # a second chosen example with place 2
    _set(sheet, 4, "mottatt", dt.date(2025, 9, 30))  # received, but status still «mangler»
    diags = Diagnostics()
    read_editorial(sheet, settings_of(root), diags)
    rules = {d.rule for d in diags.warnings}
    assert {"bauta.rekkefølge.dobbel", "bauta.status.motstrid"} <= rules
    assert not diags.has_errors


def test_selected_material_follows_the_editorial_order(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    project, diags = load_project(root, tmp_path / "media")
    assert project is not None and not diags.has_errors, [str(d) for d in diags]
    assert [p.municipality.name for p in project.selected_profiles()] == ["Bjørkedal", "Askvik"]
    assert [e.title for e in project.selected_examples()] == [
        "Ungdommens hus", "Torget vi bygde sammen"]
    # The rejected example's form is not even read for the book.
    assert "hemmelig-avvist-prosjekt" not in project.examples


def test_settings_errors_carry_yaml_lines(tmp_path: Path) -> None:
    path = tmp_path / "bauta.yaml"
    path.write_text("tittel: Boka\nfrister:\n  profil: snart\nsidebudsjett:\n"
                    "  omslag: fire\nkommuner:\n  - navn: Askvik\nfarge: blå\n",
                    encoding="utf-8")
    diags = Diagnostics()
    read_settings(path, diags, "p/bauta.yaml")
    found = {(str(d.ref), d.severity.value) for d in diags}
    assert ("p/bauta.yaml:3", "feil") in found      # the deadline
    assert ("p/bauta.yaml:5", "feil") in found      # the page count
    assert ("p/bauta.yaml:8", "advarsel") in found  # unknown key


def test_settings_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bauta.yaml"
    path.write_text("tittel: Boka\nkommuner: [Askvik\n", encoding="utf-8")
    diags = Diagnostics()
    assert read_settings(path, diags) is None
    assert diags.errors[0].rule == "yaml.syntaks"  # the plans' YAML reader
    assert diags.errors[0].ref is not None and diags.errors[0].ref.line is not None


def test_blank_workbook_offers_lists(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    wb = build_editorial_workbook(settings_of(root))
    ws = wb[EDITORIAL.name]
    assert [c.value for c in ws[1]] == [c.header for c in EDITORIAL.columns]
    assert ws.cell(row=2, column=1).value == "Askvik"
    formulas = {dv.formula1 for dv in ws.data_validations.dataValidation}
    assert '"mangler,mottatt,vurdert,valgt,avvist"' in formulas
    assert '"Askvik,Bjørkedal,Dalsøy"' in formulas


def _settings_diagnostics(tmp_path: Path, text: str) -> tuple[Settings | None, list[str]]:
    path = tmp_path / "bauta.yaml"
    path.write_text(text, encoding="utf-8")
    diags = Diagnostics()
    settings = read_settings(path, diags, "p/bauta.yaml")
    return settings, [str(d) for d in diags]


def test_settings_are_read_by_the_plans_yaml_reader(tmp_path: Path) -> None:
    """Tags are refused, duplicate keys named, nesting limited, as in programme files; a
    plain list item stands for its first key ("- Kari" = "- navn: Kari")."""
    settings, found = _settings_diagnostics(tmp_path, (
        "tittel: Boka\n"
        "år: !!python/object:os.system x\n"
        "redaksjon:\n  - Kari Redaktør\n  - navn: Ola\n    organisasjon: Sekretariatet\n"
        "henvisninger:\n  - Veilederen\n"
        "kommuner:\n  - {navn: Askvik, farge: blå}\n"
        "tittel: To ganger\n"))
    assert settings is not None
    assert [(e.name, e.organisation) for e in settings.editors] == [
        ("Kari Redaktør", ""), ("Ola", "Sekretariatet")]
    assert [r.text for r in settings.references] == ["Veilederen"]
    assert [m.name for m in settings.municipalities] == ["Askvik"]
    assert any(line.startswith("p/bauta.yaml:2: feil: YAML-taggen") for line in found), found
    assert any(line.startswith("p/bauta.yaml:11: feil: nøkkelen «tittel» står to ganger")
               for line in found), found
    assert any(line.startswith("p/bauta.yaml:10: advarsel: nøkkelen «farge» er ukjent")
               for line in found), found


def test_settings_too_deep_is_refused_with_its_line(tmp_path: Path) -> None:
    deep = "tittel: Boka\nkommuner:\n" + "".join("  " * i + "- \n" for i in range(1, 30))
    settings, found = _settings_diagnostics(tmp_path, deep)
    assert settings is None
    assert any(line.startswith("p/bauta.yaml:") and "nøstet" in line for line in found), found


def test_settings_values_typed_like_cells(tmp_path: Path) -> None:
    settings, found = _settings_diagnostics(tmp_path, (
        "tittel: Boka\når: snart\nredaksjon:\n  - organisasjon: Uten navn\n"
        "kommuner:\n  - navn: Askvik\n  - navn: askvik\n"))
    assert settings is not None and settings.year is None
    assert "p/bauta.yaml:2: feil: år må være et årstall (f.eks. 2025), fikk \"snart\" " \
           "[bauta.yaml.type]" in found
    assert any(line.startswith("p/bauta.yaml:4: feil: «navn:» mangler") for line in found)
    assert any(line.startswith("p/bauta.yaml:7: feil: kommunen «askvik» står to ganger")
               for line in found), found
