"""`plandoc bauta build` on the plans' build machinery: the writer registry gives the formats,
the manifest keeps a build with nothing changed from writing anything."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from bauta.factory import make_project
from plandoc.build.incremental import MANIFEST_NAME
from plandoc.cli.main import main

EXAMPLE_PAGE = Path("web") / "eksempler" / "torget-vi-bygde-sammen" / "index.html"


def _build(root: Path, out: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["bauta", "build", str(root), "--out", str(out), *args])
    assert result.exit_code == 0, result.output + result.stderr
    assert "Traceback" not in result.output
    return result.stdout


def _stamps(out: Path) -> dict[str, int]:
    return {p.relative_to(out).as_posix(): p.stat().st_mtime_ns
            for p in out.rglob("*") if p.is_file()}


def _rewrite_background(form: Path, text: str) -> None:
    """Change the example's text the way a municipality would: edit a paragraph in Word."""
    document = docx.Document(str(form))
    paragraph = next(p for p in document.paragraphs if "arbeidet målrettet" in p.text)
    paragraph.runs[0].text = text
    for run in paragraph.runs[1:]:
        run.text = ""
    document.save(str(form))


def test_second_build_writes_nothing_and_a_changed_submission_rebuilds(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    out = tmp_path / "ut"
    first = _build(root, out)
    for name in ("bauta.docx", "bauta.pdf", "kortversjon.docx", "kortversjon.pdf",
                 "sidebudsjett.txt", "web/index.html", EXAMPLE_PAGE.as_posix()):
        assert (out / name).is_file(), name
    assert "filer skrevet" in first
    before = _stamps(out)

    second = _build(root, out)
    assert "skrev " not in second
    assert f"Ingenting å bygge: alle {len(before) - 1} filene i {out} er oppdatert." in second
    assert "Sidebudsjett – målt i bauta.pdf" in second  # the report is still shown
    assert _stamps(out) == before  # not even the manifest was rewritten

    _rewrite_background(root / "innsendt" / "askvik" / "eksempel.docx",
                        "Torget ble tegnet av ungdomsrådet på en kveld.")
    third = _build(root, out)
    assert "skrev " in third and "filer skrevet" in third
    assert "Torget ble tegnet av ungdomsrådet" in (out / EXAMPLE_PAGE).read_text("utf-8")
    book = docx.Document(str(out / "bauta.docx"))
    assert any("Torget ble tegnet av ungdomsrådet" in p.text for p in book.paragraphs)
    assert "Ingenting å bygge" in _build(root, out)


def test_only_what_is_missing_or_asked_for_is_built(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    out = tmp_path / "ut"
    _build(root, out, "--format", "pdf,html")
    assert "Ingenting å bygge" in _build(root, out, "--format", "pdf")
    # A page deleted by hand: the web edition is made again, the PDFs are left alone.
    pdf_stamp = (out / "bauta.pdf").stat().st_mtime_ns
    (out / EXAMPLE_PAGE).unlink()
    again = _build(root, out, "--format", "pdf,html")
    assert (out / EXAMPLE_PAGE).is_file()
    assert f"skrev {out / 'bauta.pdf'}" not in again
    assert (out / "bauta.pdf").stat().st_mtime_ns == pdf_stamp
    # A format asked for the first time is built; --force builds everything again.
    assert f"skrev {out / 'bauta.docx'}" in _build(root, out, "--format", "docx,pdf,html")
    forced = _build(root, out, "--format", "pdf", "--force")
    assert f"skrev {out / 'bauta.pdf'}" in forced and "Ingenting å bygge" not in forced


def test_the_web_edition_follows_the_formats_built_beside_it(tmp_path: Path) -> None:
    """Its front page links the book files: building it without the PDF is a new build."""
    root = make_project(tmp_path / "p")
    out = tmp_path / "ut"
    _build(root, out, "--format", "pdf,html")
    assert "last-ned/bauta.pdf" in (out / "web" / "index.html").read_text("utf-8")
    _build(root, out, "--format", "html")
    assert "last-ned/bauta.pdf" not in (out / "web" / "index.html").read_text("utf-8")


def test_formats_come_from_the_writer_registry(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    out = tmp_path / "ut"
    _build(root, out, "--format", "docx")
    manifest = json.loads((out / MANIFEST_NAME).read_text("utf-8"))
    [entry] = manifest["programmes"].values()
    assert sorted(entry["outputs"]) == ["bauta.docx", "kortversjon.docx"]
    result = CliRunner().invoke(main, ["bauta", "build", str(root), "--out", str(out),
                                       "--format", "odt"])
    assert result.exit_code == 2
    assert "kjente formater: docx, html, pdf" in result.stderr


def test_relative_out_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_project(tmp_path / "p")
    monkeypatch.chdir(tmp_path)
    _build(root, Path("ut"), "--format", "html")
    assert "Ingenting å bygge" in _build(root, Path("ut"), "--format", "html")


def test_a_second_build_into_the_same_folder_waits(tmp_path: Path) -> None:
    """One build at a time per output folder, as for the plans: the manifest of one would
    otherwise overwrite the other's."""
    import threading
    import time

    from plandoc.build.lock import folder_lock

    root = make_project(tmp_path / "p")
    out = tmp_path / "ut"
    held = threading.Event()

    def hold() -> None:
        with folder_lock(out):
            held.set()
            time.sleep(1.0)

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait()
    result = CliRunner().invoke(main, ["bauta", "build", str(root), "--out", str(out),
                                       "--format", "html"])
    holder.join()
    assert result.exit_code == 0, result.output
    assert f"venter på et annet bygg som skriver til {out}" in result.stderr
    assert (out / "web" / "index.html").is_file()
