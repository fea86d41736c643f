"""Fjordvik, the example the edition tests change: a copy to edit, the CLI, flattened text."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from plandoc.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "inputs" / "fjordvik"

#: New drafts of handlingsplan 2025 (1.1) and of the omstillingsplan (2.1), whose content the
#: yearly tiltak also are: what a change to the adopted handlingsplan 2025 needs.
NEW_DRAFTS = ("  - {dokument: handlingsplan, år: 2025, versjon: \"1.1\", "
              "dato: \"01.03.2025\", status: utkast}\n"
              "  - {dokument: omstillingsplan, versjon: \"2.1\", "
              "dato: \"01.03.2025\", status: utkast}\n")


def copy_example(tmp_path: Path, keep_xlsx: bool = False) -> Path:
    """Fjordvik's folder copied into `tmp_path`; without its program.xlsx unless kept, so
    the YAML twin is what gets edited and read."""
    folder = tmp_path / "fjordvik"
    shutil.copytree(EXAMPLE, folder)
    if not keep_xlsx:
        (folder / "program.xlsx").unlink()
    return folder


def with_new_drafts(yaml_text: str) -> str:
    """The programme YAML with `NEW_DRAFTS` first under «utgaver»."""
    return yaml_text.replace("utgaver:\n", "utgaver:\n" + NEW_DRAFTS, 1)


def run(*args: str) -> tuple[int, str]:
    """`plandoc ARGS`: exit code and output (no-break spaces, the thousands separator, as
    plain spaces)."""
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output.replace("\xa0", " ")


def flat(text: str) -> str:
    """Text with its spaces of every kind as single spaces and soft hyphens gone."""
    return " ".join(text.replace("\xa0", " ").replace("\u202f", " ").replace("\u00ad", "")
                    .split())
