"""What changed between two uploads: workbook cells (by source reference) and chapters."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from plandoc.core.paths import PROJECTS_DIR
from plandoc.serve.uploads import WORKBOOK_SUFFIXES

#: At most this many cell changes are kept per upload (the rest are counted).
MAX_CHANGES = 300


def workbook_files(folder: Path) -> list[Path]:
    """The programme folder's workbooks, relative to it: top level and prosjekter/."""
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if p.is_file()]
    projects = folder / PROJECTS_DIR
    if projects.is_dir():
        found += [p for p in projects.iterdir() if p.is_file()]
    return sorted(p.relative_to(folder) for p in found
                  if p.suffix.lower() in WORKBOOK_SUFFIXES and not p.name.startswith((".", "~$")))


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        value = value.date()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def _cells(folder: Path, rel: Path) -> dict[tuple[str, int, str], tuple[str, str]]:
    """(sheet, record, column) → (where, value) for one workbook; its refs relative."""
    from plandoc.load.project import looks_like_project
    from plandoc.readers import read_input
    from plandoc.schema.programme import PROGRAMME_SHEETS
    from plandoc.schema.project import PROJECT_SHEETS

    path = folder / rel
    sheets = PROJECT_SHEETS if looks_like_project(path) else PROGRAMME_SHEETS
    raw = read_input(path, sheets)
    cells: dict[tuple[str, int, str], tuple[str, str]] = {}
    for sheet, records in raw.sheets.items():
        for index, record in enumerate(records):
            for column, found in record.items():
                ref = found.ref
                where = rel.as_posix()
                if ref.sheet is not None and ref.cell is not None:
                    where += f":{ref.sheet}!{ref.cell}"
                elif ref.line is not None:
                    where += f":{ref.line}"
                cells[(sheet, index, column)] = (where, _shown(found.value))
    return cells


def cell_changes(old: Path | None, new: Path) -> tuple[list[dict[str, str]], int]:
    """Every value that differs between two programme folders, with the new place (the old
    one for a value removed), and how many there were in all."""
    changes: list[dict[str, str]] = []
    count = 0
    old_files = set(workbook_files(old)) if old is not None else set()
    new_files = set(workbook_files(new))
    for rel in sorted(old_files | new_files):
        if rel not in new_files:
            changes.append({"where": rel.as_posix(), "old": "(filen)", "new": "(fjernet)"})
            count += 1
            continue
        if rel not in old_files:
            changes.append({"where": rel.as_posix(), "old": "", "new": "(ny fil)"})
            count += 1
            continue
        assert old is not None
        if (old / rel).read_bytes() == (new / rel).read_bytes():
            continue
        before, after = _cells(old, rel), _cells(new, rel)
        for key in sorted(set(before) | set(after), key=lambda k: (k[0], k[1], k[2])):
            was, now = before.get(key), after.get(key)
            if was is not None and now is not None and was[1] == now[1]:
                continue
            count += 1
            if len(changes) < MAX_CHANGES:
                where = (now or was)[0]  # type: ignore[index]
                changes.append({"where": where, "old": was[1] if was else "",
                                "new": now[1] if now else ""})
    return changes, count


def docx_headings(path: Path) -> list[str]:
    """The headings of a Word file, numbered by level ("  " per level below the first)."""
    import docx

    headings = []
    for paragraph in docx.Document(str(path)).paragraphs:
        style = paragraph.style.name if paragraph.style is not None else ""
        if style.startswith("Heading ") and style[8:].isdigit():
            level = int(style[8:])
            headings.append("  " * (level - 1) + paragraph.text.strip())
    return headings


def heading_changes(old: dict[str, list[str]], new: dict[str, list[str]]
                    ) -> list[dict[str, Any]]:
    """Per document: chapters added and removed (by heading text)."""
    result = []
    for name in sorted(set(old) | set(new)):
        if name not in old:
            result.append({"document": name, "added": [], "removed": [], "new": True})
            continue
        if name not in new:
            result.append({"document": name, "added": [], "removed": [], "gone": True})
            continue
        before, after = old[name], new[name]
        added = [h.strip() for h in after if h not in before]
        removed = [h.strip() for h in before if h not in after]
        if added or removed:
            result.append({"document": name, "added": added, "removed": removed})
    return result
