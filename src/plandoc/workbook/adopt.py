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
from plandoc.model.editions import (
    document_stem,
    edition_for,
    main_document,
    project_editions,
)
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
    from plandoc.load.project import is_project_file

    if is_project_file(path):
        return adopt_project(path, name)
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
    return _keep(snapshot_dir(path, current), snapshot_files(programme, document, year, path),
                 f"versjon {current.version} av {label} er vedtatt", diags)


def _keep(folder: Path, files: dict[str, str], adopted: str,
          diags: Diagnostics) -> tuple[Path | None, Diagnostics]:
    """Write `files` to `folder` once; the same content again is fine, other content not."""
    if folder.exists():
        same = all((folder / rel).is_file()
                   and (folder / rel).read_text(encoding="utf-8") == text
                   for rel, text in files.items())
        if not same:
            diags.error(f"{folder} finnes allerede med annet innhold: {adopted} slik den står "
                        "der; lag en ny versjon i arket «Utgaver» for endringene",
                        "vedtatt.finnes", SourceRef(str(folder)))
            return None, diags
        return folder, diags
    _write_folder(folder, files)
    return folder, diags


def adopt_project(path: Path, name: str) -> tuple[Path | None, Diagnostics]:
    """Keep the approved prosjektplan of the project file `path` (`name` is «prosjektplan»)
    beside its programme file, in vedtatt/prosjektplan-<file>-<version>/prosjekt.yaml."""
    from plandoc.load.editions import PROJECT_SNAPSHOT_FILE, project_snapshot_dir
    from plandoc.load.project import load_project_file, programme_file_for

    diags = Diagnostics()
    where = SourceRef(str(path))
    if name.strip().lower() != "prosjektplan":
        diags.error(f"ukjent dokument «{name}» for en prosjektfil; skriv prosjektplan",
                    "vedtatt.dokument", where)
        return None, diags
    project, found = load_project_file(path)
    diags.extend(found)
    programme_file = programme_file_for(path)
    if programme_file is None:
        diags.error("fant ingen programfil i mappen over «prosjekter»; den godkjente "
                    "prosjektplanen lagres i mappen «vedtatt» ved siden av programfilen",
                    "vedtatt.program", where)
    if project is None or diags.has_errors or programme_file is None:
        return None, diags
    editions = project_editions(project)
    if not editions:
        diags.error("prosjektplanen har ingen rad i arket «Utgaver»; legg den til med status "
                    "vedtatt først", "vedtatt.utgave", where)
        return None, diags
    current = editions[-1]
    if current.status != "vedtatt":
        diags.error(f"prosjektplanen versjon {current.version} har status «{current.status}»; "
                    "sett status til «vedtatt» i arket «Utgaver» når den er godkjent i "
                    "beslutningspunktet", "vedtatt.status", current.ref("status") or where)
        return None, diags
    day = current.approved or current.board_date or current.date
    when = f", godkjent {format_date(day, 'short')}" if day else ""
    header = (f"# Godkjent utgave: prosjektplan {project.info.id} versjon {current.version}"
              f"{when}.\n# Laget av «plandoc adopt» fra {path.name}. Skal ikke endres.\n")
    files = {PROJECT_SNAPSHOT_FILE: header + dump_yaml(project, PROJECT_SHEETS)}
    return _keep(project_snapshot_dir(programme_file, path, current.version), files,
                 f"prosjektplanen for {project.info.id} versjon {current.version} er godkjent",
                 diags)


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
