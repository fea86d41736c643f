"""Loading one input file: a programme with its projects and adopted editions, or a project
file on its own."""

from __future__ import annotations

from pathlib import Path

from plandoc.core.diagnostics import Diagnostics
from plandoc.load.editions import attach_adopted
from plandoc.load.project import is_project_file, load_single_project, load_with_projects
from plandoc.model.programme import Programme


def load_file(path: Path, adopted: bool = True) -> tuple[Programme | None, Diagnostics]:
    """Read, load and check one input file; every diagnostic is returned, nothing raises.

    A programme file brings its projects (the files in `prosjekter/` beside it): they are
    loaded, checked on their own and against the programme, and attached to
    `Programme.projects`. With `adopted`, the adopted editions kept in `vedtatt/` beside it
    are loaded too and the programme is checked against them (`plandoc.load.editions`). A
    project file given on its own is checked against the programme beside its folder; it
    yields no programme.
    """
    if is_project_file(path):
        return None, load_single_project(path)
    programme, diags = load_with_projects(path)
    if programme is not None and adopted and not diags.has_errors:
        diags.extend(attach_adopted(path, programme))
    return programme, diags
