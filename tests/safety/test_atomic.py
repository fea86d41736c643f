"""Atomic output: a temporary file beside the target, renamed only when complete."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from plandoc.core.diagnostics import RenderError
from plandoc.core.files import atomic_path, atomic_write_bytes
from plandoc.document import Document, Meta, Paragraph, Text
from plandoc.writers.docx import DocxWriter
from plandoc.writers.pdf import PdfWriter


def _others(folder: Path, keep: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p != keep)


def test_success_replaces_the_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "plan.pdf"
    target.write_bytes(b"old")
    seen: list[Path] = []
    with atomic_path(target) as tmp:
        seen.append(tmp)
        assert tmp.parent == target.parent and tmp.name.startswith(".plan.pdf.")
        tmp.write_bytes(b"new")
        assert target.read_bytes() == b"old"  # untouched until the block is done
    assert target.read_bytes() == b"new"
    assert not seen[0].exists()
    assert _others(tmp_path, target) == []
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_failure_keeps_the_previous_file_and_removes_the_temporary(tmp_path: Path) -> None:
    target = tmp_path / "plan.docx"
    target.write_bytes(b"previous good version")
    with pytest.raises(RuntimeError), atomic_path(target) as tmp:
        tmp.write_bytes(b"half a docu")
        raise RuntimeError("killed mid-way")
    assert target.read_bytes() == b"previous good version"
    assert _others(tmp_path, target) == []


def test_failure_without_a_previous_file_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "plan.docx"
    with pytest.raises(OSError), atomic_path(target) as tmp:
        tmp.write_bytes(b"x")
        raise OSError("disk full")
    assert list(target.parent.iterdir()) == []


def test_atomic_write_bytes(tmp_path: Path) -> None:
    target = tmp_path / "a.bin"
    atomic_write_bytes(target, b"abc")
    assert target.read_bytes() == b"abc"


@pytest.mark.parametrize("writer", [DocxWriter(), PdfWriter()], ids=["docx", "pdf"])
def test_a_writer_that_fails_keeps_the_previous_file(
    writer: DocxWriter | PdfWriter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / f"plan{writer.suffix}"
    target.write_bytes(b"previous good version")
    document = Document(Meta(title="Plan"), [Paragraph([Text("Hei")])])

    def broken(*args: object, **kwargs: object) -> bytes:
        raise RenderError("Typst or python-docx failed")

    module = "plandoc.writers.docx.DocxWriter.render" if writer.suffix == ".docx" else (
        "plandoc.writers.pdf.render_pdf")
    monkeypatch.setattr(module, broken)
    with pytest.raises(RenderError):
        writer.write(document, target)
    assert target.read_bytes() == b"previous good version"
    assert _others(tmp_path, target) == []
