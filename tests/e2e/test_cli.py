"""The command line as users meet it: exit codes, messages, nothing built on bad input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from plandoc.cli.main import main

try:  # however the tests folder ends up on sys.path
    from tests.readers.workbooks import minimal_book
except ImportError:  # pragma: no cover - depends on how pytest was started
    from readers.workbooks import minimal_book

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def bad_book(path: Path) -> Path:
    """Text in a budget cell, an unknown innsatsområde, an unbalanced year (issue 2)."""
    return minimal_book(
        path,
        Tiltak=[
            ["ID", "Navn", "Innsatsområde", "År", "Budsjett (kr)"],
            ["T1", "Gründerskole", "IO1", 2025, "ca. 3 mill"],
            ["T2", "Vinterturisme", "I01", 2025, 300000],
        ],
        Budsjett=[["År", "Post", "Beløp (kr)"], [2025, "Drift", 1_000_000]],
        Finansiering=[
            ["År", "Kilde", "Kildetype", "Beløp (kr)"],
            [2025, "Troms fylkeskommune", "fylkeskommune", 600_000],
            [2025, "Dyrøy kommune", "kommune", 300_000],
        ],
    )


def test_validate_examples_exits_zero() -> None:
    code, out = run("validate", str(ROOT / "inputs"))
    assert code == 0, out
    assert "0 feil" in out.splitlines()[-1]


def test_strict_turns_warnings_into_exit_one() -> None:
    code, out = run("validate", "--strict", str(ROOT / "inputs" / "indre-dalen"))
    assert code == 1
    assert "advarsel" in out


def test_three_problems_in_one_run_with_cells(tmp_path: Path) -> None:
    path = bad_book(tmp_path / "plan.xlsx")
    code, out = run("validate", str(path))
    assert code == 1
    assert f"{path}:Tiltak!E2: feil: budsjett må være et tall" in out
    assert f"{path}:Tiltak!C3: feil: innsatsområde «I01» finnes ikke" in out
    # The balance error points at the amount to correct, not at the year.
    assert f"{path}:Finansiering!D2: feil: finansieringen i 2025" in out
    assert out.splitlines()[-1].startswith("1 fil kontrollert: 3 feil")


def test_build_with_errors_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    path = bad_book(tmp_path / "in" / "plan.xlsx")
    out = tmp_path / "out"
    code, output = run("build", str(path), "--out", str(out))
    assert code == 1
    assert "feil" in output
    assert not out.exists() or not any(p.is_file() for p in out.rglob("*"))


def test_usage_errors_exit_two(tmp_path: Path) -> None:
    assert run("validate", str(tmp_path / "finnes-ikke.xlsx"))[0] == 2
    assert run("build", str(ROOT / "inputs" / "fjordvik"), "--format", "odt")[0] == 2
    assert run("template", str(tmp_path / "mal.txt"))[0] == 2
    assert run("nosuchcommand")[0] == 2
    empty = tmp_path / "tom"
    empty.mkdir()
    code, out = run("validate", str(empty))
    assert code == 2
    assert "fant ingen inndatafiler" in out


def test_template_then_convert_round_trip(tmp_path: Path) -> None:
    blank = tmp_path / "mal.xlsx"
    assert run("template", str(blank))[0] == 0
    wb = load_workbook(blank)
    assert wb.sheetnames[0] == "Veiledning"
    yaml_path = tmp_path / "fjordvik.yaml"
    xlsx_path = tmp_path / "fjordvik.xlsx"
    source = ROOT / "inputs" / "fjordvik" / "program.xlsx"
    assert run("convert", str(source), str(yaml_path))[0] == 0
    assert run("convert", str(yaml_path), str(xlsx_path))[0] == 0
    from plandoc.load.inputs import load_file

    a, _ = load_file(ROOT / "inputs" / "fjordvik" / "program.xlsx")
    b, _ = load_file(xlsx_path)
    assert a == b


def test_dump_text_and_model() -> None:
    code, out = run("dump", str(ROOT / "inputs" / "sunnvik" / "program.yaml"), "--what", "text",
                    "--document", "omstillingsplan")
    assert code == 0
    assert "H1 1 Bakgrunn for omstillingsarbeidet" in out
    code, out = run("dump", str(ROOT / "inputs" / "sunnvik" / "program.yaml"))
    assert code == 0 and '"municipality": "Sunnvik kommune"' in out


def test_console_script_is_installed_and_reports_version() -> None:
    exe = Path(sys.executable).parent / "plandoc"
    result = subprocess.run([str(exe), "--version"], capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert "0.1.0" in result.stdout
