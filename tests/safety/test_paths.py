"""Output paths come only from sanitised slugs: no input can make plandoc write elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from badinput.make_corpus import base_sheets, book_bytes, set_value
from plandoc.core.paths import programme_dir, slugify
from safety.conftest import build


@pytest.mark.parametrize("hostile", [
    "../../utenfor", "/etc", "..", ".", "", "~root", "C:\\Windows\\System32", "a/../../b",
    "NUL", ".plandoc-manifest.json", "Dyrøy\x00kommune", "😀", "-" * 300,
])
def test_programme_folder_is_one_plain_folder_inside_out(hostile: str, tmp_path: Path) -> None:
    out = tmp_path / "build"
    folder = programme_dir(out, hostile)
    assert folder.parent == out
    assert folder.name and not folder.name.startswith((".", "-"))
    assert set(folder.name) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")
    assert len(folder.name) <= 80
    assert folder.resolve().is_relative_to(out.resolve())


def test_slugs_are_stable_and_readable() -> None:
    assert slugify("Dyrøy kommune") == "dyroy-kommune"
    assert slugify("Ål") == "al"
    assert slugify("../../etc/passwd") == "etc-passwd"


def test_a_build_with_hostile_names_writes_only_inside_out(tmp_path: Path) -> None:
    inputs = tmp_path / "inputs" / "ondsinnet"
    inputs.mkdir(parents=True)
    sheets = base_sheets()
    set_value(sheets, "Program", "Kommune", "../../../utenfor/../.skjult")
    set_value(sheets, "Program", "Programnavn", "/etc/passwd")
    (inputs / "program.xlsx").write_bytes(book_bytes(sheets))
    out = tmp_path / "out"
    done = build(inputs.parent, out, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    everything = {str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file()}
    written = {p for p in everything if not p.startswith("inputs/")}
    assert written, "nothing was built"
    # Documents in the municipality's folder; plandoc's own records and caches beside them.
    assert all(p.startswith(("out/utenfor-skjult/", "out/.plandoc-cache/"))
               or p == "out/.plandoc-manifest.json" for p in written), written
