"""Finding input files in folders, and dispatch by suffix."""

from pathlib import Path

import pytest

from plandoc.readers import discover, read_input


def _touch(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("program: {}\n")
    return path


def test_discover_searches_a_folder_and_its_immediate_subfolders(tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    wanted = [
        _touch(inputs / "felles.yaml"),
        _touch(inputs / "dyroy" / "program.xlsx"),
        _touch(inputs / "dyroy" / "plan.YML"),
        _touch(inputs / "al" / "program.yaml"),
    ]
    for unwanted in [
        inputs / "dyroy" / "~$program.xlsx",      # Excel's lock file
        inputs / "dyroy" / ".skjult.yaml",
        inputs / "dyroy" / "notat.docx",
        inputs / "dyroy" / "prosjekter" / "p1.xlsx",  # deeper levels are not programmes
        inputs / "dyroy" / "arkiv" / "gammel.xlsx",
        inputs / "prosjekter" / "p2.xlsx",        # a project folder at the first level
        inputs / ".git" / "x.yaml",
    ]:
        _touch(unwanted)
    assert discover([inputs]) == sorted(wanted)


def test_discover_takes_files_as_given_and_removes_duplicates(tmp_path: Path) -> None:
    a = _touch(tmp_path / "b" / "a.yaml")
    other = _touch(tmp_path / "x.txt")
    assert discover([other, a, tmp_path / "b", a]) == sorted([a, other])
    assert discover([tmp_path / "finnes-ikke"]) == []


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("plan.xls", "filtypen «.xls» kan ikke leses; lagre den som Excel-arbeidsbok (.xlsx)"),
        ("plan.ods", "filtypen «.ods» kan ikke leses; lagre den som Excel-arbeidsbok (.xlsx)"),
        ("plan.txt", "filtypen «.txt» kan ikke leses; bruk en Excel-arbeidsbok (.xlsx) eller "
                     "en YAML-fil (.yaml)"),
    ],
)
def test_read_input_refuses_other_suffixes(tmp_path: Path, name: str, message: str) -> None:
    raw = read_input(_touch(tmp_path / name))
    assert [(d.message, d.rule, str(d.ref)) for d in raw.diagnostics] == [
        (message, "fil.type", str(tmp_path / name))]


def test_read_input_keeps_the_path_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    _touch(tmp_path / "inputs" / "x" / "program.yaml").write_text("program:\n  kommune: A\n")
    raw = read_input(Path("inputs/x/program.yaml"))
    assert raw.file == "inputs/x/program.yaml"
    assert str(raw.sheets["program"][0]["kommune"].ref) == "inputs/x/program.yaml:2"


def test_missing_file(tmp_path: Path) -> None:
    raw = read_input(tmp_path / "borte.xlsx")
    assert [d.message for d in raw.diagnostics] == ["filen finnes ikke"]
