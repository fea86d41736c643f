"""`plandoc bauta maler | status | build`: what they write and print, and bad input."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
from click.testing import CliRunner

from bauta.conftest import EXAMPLE
from bauta.factory import make_project
from plandoc.bauta.schema import EDITORIAL, EDITORIAL_FILE
from plandoc.cli.main import main
from plandoc.readers import discover


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["bauta", *args])
    return result.exit_code, result.stdout, result.stderr


def test_maler_writes_forms_per_municipality_and_the_editorial_sheet(tmp_path: Path) -> None:
    code, out, _ = _run("maler", str(EXAMPLE), "--out", str(tmp_path))
    assert code == 0, out
    forms = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.docx"))
    assert len(forms) == 34
    assert "kvitnes/profil.docx" in forms and "lyngvaer/eksempel.docx" in forms
    form = docx.Document(str(tmp_path / "kvitnes" / "eksempel.docx"))
    assert form.paragraphs[0].text == "Eksempel på god praksis – Kvitnes kommune"
    assert "Frist: 8. september 2025" in "\n".join(p.text for p in form.paragraphs[:4])
    sheet = openpyxl.load_workbook(tmp_path / EDITORIAL_FILE)[EDITORIAL.name]
    assert sum(1 for (value,) in sheet.iter_rows(min_row=2, max_col=1, values_only=True)
               if value) == 34
    assert "35 filer skrevet." in out


def test_maler_without_a_project_writes_one_blank_pair(tmp_path: Path) -> None:
    code, _, _ = _run("maler", "--out", str(tmp_path))
    assert code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "eksempel.docx", "profil.docx", EDITORIAL_FILE]


def test_status_lists_missing_and_late_submissions() -> None:
    code, out, err = _run("status", str(EXAMPLE), "--dato", "10.10.2025")
    assert code == 0, err
    assert "Status for «Lokal kraft» per 10. oktober 2025" in out
    overdue = out.split("Mangler – fristen er passert (1)")[1].split("\n\n")[0]
    assert ("Nordvåg – eksempel «Frivilligsentralen som limet i bygda»: frist 8. september "
            "2025, 32 dager over fristen") in overdue
    late = out.split("Kom etter fristen (4)")[1].split("\n\n")[0].strip().splitlines()
    # Latest first.
    assert late[0].strip() == ("Osdal – profil: frist 22. september 2025, mottatt "
                               "3. oktober 2025 (11 dager for sent)")
    assert [line.split(" – ")[0].strip() for line in late] == [
        "Osdal", "Hvitsand", "Lyngvær", "Myrvang"]
    assert "Vurdert, ikke avgjort (1)\n  Hvitsand – eksempel" in out
    assert "Profiler: 17 ventet · 17 valgt" in out
    assert "Eksempler: 10 ventet · 1 vurdert · 7 valgt · 1 avvist · 1 mangler" in out


def test_status_reports_bad_cells_and_fails(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    wb = openpyxl.load_workbook(root / EDITORIAL_FILE)
    wb[EDITORIAL.name]["E3"] = "forrige uke"
    wb.save(root / EDITORIAL_FILE)
    code, out, err = _run("status", str(root), "--dato", "01.10.2025")
    assert code == 1
    assert "p/redaksjonsark.xlsx:Innsendinger!E3: feil: mottatt må være en dato" in err
    assert "Traceback" not in out + err


def test_build_refuses_bad_input_and_writes_nothing(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    wb = openpyxl.load_workbook(root / EDITORIAL_FILE)
    wb[EDITORIAL.name]["A5"] = "Atlantis"
    wb.save(root / EDITORIAL_FILE)
    out_dir = tmp_path / "ut"
    code, out, err = _run("build", str(root), "--out", str(out_dir))
    assert code == 1
    assert "p/redaksjonsark.xlsx:Innsendinger!A5: feil: kommunen «Atlantis» er ikke en av " \
           "pilotkommunene" in err
    assert "ingenting er laget" in err
    assert not out_dir.exists()
    assert "Traceback" not in out + err


def test_build_of_a_folder_without_bauta_yaml_is_an_input_error(tmp_path: Path) -> None:
    code, _, err = _run("build", str(tmp_path))
    assert code == 1
    assert "er ikke en bauta-mappe" in err


def test_build_html_only_writes_the_site(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    out_dir = tmp_path / "ut"
    code, _, err = _run("build", str(root), "--out", str(out_dir), "--format", "html")
    assert code == 0, err
    assert (out_dir / "web" / "index.html").is_file()
    assert (out_dir / "web" / "eksempler" / "ungdommens-hus" / "index.html").is_file()
    assert not (out_dir / "bauta.pdf").exists()
    index = (out_dir / "web" / "index.html").read_text(encoding="utf-8")
    assert "last-ned/bauta.pdf" not in index  # no dead download links


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = _run("build", str(EXAMPLE), "--out", str(tmp_path), "--format", "odt")
    assert code == 2
    assert "ukjent format odt" in err


def test_plandoc_build_skips_bauta_projects(tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    make_project(inputs / "bauta")
    (inputs / "dyroy").mkdir()
    (inputs / "dyroy" / "program.yaml").write_text("program: {}\n", encoding="utf-8")
    assert discover([inputs]) == [inputs / "dyroy" / "program.yaml"]
    assert discover([inputs / "bauta"]) == []


def test_build_names_the_line_of_bad_bauta_yaml(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    settings = root / "bauta.yaml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace("år: 2025", "år: tjuetjuefem"), encoding="utf-8")
    line = text.splitlines().index("år: 2025") + 1
    out_dir = tmp_path / "ut"
    code, out, err = _run("build", str(root), "--out", str(out_dir))
    assert code == 1
    assert f"p/bauta.yaml:{line}: feil: år må være et årstall" in err
    assert not out_dir.exists()
    assert "Traceback" not in out + err
