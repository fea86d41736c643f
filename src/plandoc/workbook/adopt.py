"""`plandoc adopt`: keep what an adopted edition was built from, as YAML beside the workbook.

The snapshot is the programme file converted to YAML (the same keys as the workbook, one
value per line, so a `git diff` between two adopted versions reads as the revision), plus the
project files where the document shows projects. It is written once; writing it again with
other content is refused, since the council adopted what is there.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from plandoc.core.diagnostics import Diagnostics, SourceRef
from plandoc.core.paths import PROJECTS_DIR
from plandoc.i18n.fmt import format_date
from plandoc.load.editions import SNAPSHOT_FILE, snapshot_dir
from plandoc.model.as_of import WITH_PROJECTS
from plandoc.model.editions import document_stem, edition_for, main_document
from plandoc.model.programme import Programme
from plandoc.schema.project import PROJECT_SHEETS
from plandoc.workbook.export import dump_yaml


def parse_document(programme: Programme, name: str) -> tuple[str, int | None] | None:
    """"handlingsplan-2025" → ("handlingsplan", 2025); the plan's name alone → (plan, None)."""
    text = name.strip().lower().replace("årsrapport", "arsrapport")
    main = main_document(programme)
    if text == main:
        return main, None
    kind, _, year = text.rpartition("-")
    if kind in ("handlingsplan", "arsrapport") and year.isdigit():
        return ("årsrapport" if kind == "arsrapport" else kind), int(year)
    return None


def _header(programme: Programme, name: str, source: Path) -> str:
    edition = edition_for(programme, *_split(name)).current
    day = edition.council_date or edition.board_date or edition.date
    when = f", vedtatt {format_date(day, 'short')}" if day else ""
    return (f"# Vedtatt utgave: {name} versjon {edition.version}{when}.\n"
            f"# Laget av «plandoc adopt» fra {source.name}. Skal ikke endres: dokumentet lages "
            "fra denne filen.\n")


def _split(name: str) -> tuple[str, int | None]:
    kind, _, year = name.rpartition("-")
    if kind and year.isdigit():
        return ("årsrapport" if kind == "arsrapport" else kind), int(year)
    return name, None


def snapshot_files(programme: Programme, document: str, year: int | None,
                   source: Path) -> dict[str, str]:
    """The files of the snapshot, by path inside its folder, and their text."""
    name = document_stem(document, year)
    files = {SNAPSHOT_FILE: _header(programme, name, source) + dump_yaml(programme)}
    if document in WITH_PROJECTS:
        for project in programme.projects:
            files[f"{PROJECTS_DIR}/{Path(project.source).stem}.yaml"] = dump_yaml(
                project, PROJECT_SHEETS)
    return files


def adopt(path: Path, name: str) -> tuple[Path | None, Diagnostics]:
    """Keep the current edition of document `name` of the programme in `path`.

    Returns the snapshot folder (None on errors) and every diagnostic.
    """
    from plandoc.load.inputs import load_file

    programme, diags = load_file(path)
    # The edition about to be kept is, of course, not kept yet.
    diags.items = [d for d in diags.items if d.rule != "vedtatt.mangler"]
    if programme is None or diags.has_errors:
        return None, diags
    parsed = parse_document(programme, name)
    where = SourceRef(str(path))
    if parsed is None:
        main = main_document(programme)
        diags.error(f"ukjent dokument «{name}»; skriv {main}, handlingsplan-<år> eller "
                    "arsrapport-<år>", "vedtatt.dokument", where)
        return None, diags
    document, year = parsed
    edition = edition_for(programme, document, year)
    label = f"{document} {year}" if year is not None else document
    if edition.borrowed:
        diags.error(f"{label} har ingen rad i arket «Utgaver»; legg den til med status "
                    "vedtatt først", "vedtatt.utgave", where)
        return None, diags
    current = edition.current
    if current.status != "vedtatt":
        diags.error(f"{label} versjon {current.version} har status «{current.status}»; sett "
                    "status til «vedtatt» i arket «Utgaver» når kommunestyret har vedtatt den",
                    "vedtatt.status", current.ref("status") or where)
        return None, diags
    folder = snapshot_dir(path, current)
    files = snapshot_files(programme, document, year, path)
    if folder.exists():
        same = all((folder / rel).is_file()
                   and (folder / rel).read_text(encoding="utf-8") == text
                   for rel, text in files.items())
        if not same:
            diags.error(f"{folder} finnes allerede med annet innhold: versjon {current.version} "
                        f"av {label} er vedtatt slik den står der; lag en ny versjon i arket "
                        "«Utgaver» for endringene", "vedtatt.finnes", SourceRef(str(folder)))
            return None, diags
        return folder, diags
    _write_folder(folder, files)
    return folder, diags


def _write_folder(folder: Path, files: dict[str, str]) -> None:
    """All files or none: written in a temporary folder beside, then renamed into place."""
    parent = folder.parent
    parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=parent))
    try:
        for rel, text in files.items():
            target = tmp / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        os.replace(tmp, folder)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
