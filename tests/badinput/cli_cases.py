"""Folders and commands for the corpus's "cli" cases: faults that only a whole command shows
(several files, an output folder, the terminal's language, the command line itself)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from badinput.make_corpus import BASE_YAML

REPO = Path(__file__).resolve().parents[2]
FJORDVIK = REPO / "inputs" / "fjordvik"


def programme(folder: Path, name: str = "program.yaml") -> Path:
    """The corpus's small valid programme as `folder/name`."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    target.write_text(BASE_YAML, encoding="utf-8")
    return target


def colliding_projects(root: Path) -> list[str]:
    """Two projects numbered 01/25 and 01-25: both would be written to prosjekter/01-25/."""
    a = root / "a"
    (a / "prosjekter").mkdir(parents=True)
    shutil.copy(FJORDVIK / "program.yaml", a / "program.yaml")
    shutil.copy(FJORDVIK / "prosjekter" / "01-25-sjomatanlegget.yaml", a / "prosjekter")
    other = (FJORDVIK / "prosjekter" / "02-25-sjomatklynge.yaml").read_text(encoding="utf-8")
    assert 'id: "02/25"' in other
    (a / "prosjekter" / "02-25-sjomatklynge.yaml").write_text(
        other.replace('id: "02/25"', 'id: "01-25"'), encoding="utf-8")
    return ["build", "a", "--out", "ut", "--format", "docx", "-q"]


def unreadable_types(root: Path) -> list[str]:
    """Spreadsheets plandoc cannot read, beside a programme and among its projects."""
    a = root / "a"
    programme(a)
    (a / "prosjekter").mkdir()
    (a / "notater.csv").write_text("ID;Navn\nT1;Bedriftsutvikling\n", encoding="utf-8")
    (a / "gammel.xls").write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504))
    (a / "regnskap.ods").write_bytes(b"PK\x03\x04" + bytes(60))
    (a / "makro.xlsm").write_bytes(b"PK\x03\x04" + bytes(60))
    (a / "prosjekter" / "01-25.xls").write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504))
    return ["validate", "a"]


FILLED = b"PK\x03\x04 en utfylt arbeidsbok"


def existing_workbook(root: Path) -> list[str]:
    (root / "plan.xlsx").write_bytes(FILLED)
    return ["template", "plan.xlsx"]


def workbook_kept(root: Path) -> None:
    assert (root / "plan.xlsx").read_bytes() == FILLED


def manifest_is_a_folder(root: Path) -> list[str]:
    programme(root / "a")
    (root / "ut" / ".plandoc-manifest.json").mkdir(parents=True)
    return ["build", "a", "--out", "ut", "--format", "docx", "-q"]


def cache_is_a_file(root: Path) -> list[str]:
    programme(root / "a")
    (root / "ut").mkdir()
    (root / "ut" / ".plandoc-cache").write_text("ikke en mappe\n", encoding="utf-8")
    return ["build", "a", "--out", "ut", "--format", "docx", "-q"]


def document_written(root: Path) -> None:
    assert (root / "ut" / "dyroy" / "omstillingsplan.docx").is_file()


def latin1_terminal(root: Path) -> list[str]:
    """A terminal that cannot show every character plandoc prints: « » and æøå are in
    Latin-1, the dash "–" in the message is not."""
    a = root / "a"
    programme(a).write_text(
        BASE_YAML.replace("navn: Bedriftsutvikling", 'navn: "Bedrift\\0sutvikling"'),
        encoding="utf-8")
    return ["validate", "a"]


def non_utf8_name(root: Path) -> list[str]:
    a = root / "a"
    a.mkdir()
    (a / "program.yaml").write_text(BASE_YAML, encoding="utf-8")
    # A name written by an old Latin-1 system: "plån.yaml" with å as the byte E5.
    (a / os.fsdecode(b"pl\xe5n.yaml")).write_text(
        BASE_YAML.replace("kommune: Dyrøy", "kommune: Plånes"), encoding="utf-8")
    return ["build", "a", "--out", "ut", "--format", "docx", "-q"]


def bad_option(root: Path) -> list[str]:
    programme(root / "a")
    return ["build", "a", "--jobs", "x"]


def unknown_command(root: Path) -> list[str]:
    return ["byg", "a"]


def help_text(root: Path) -> list[str]:
    return ["validate", "--help"]
