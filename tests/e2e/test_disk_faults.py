"""A full or read-only disk while writing documents or the manifest: exit 4 and a Norwegian
message naming the file, never "intern feil" (the tests run as root, where chmod cannot make
a folder read-only, so the operating system's answer is simulated at os.replace)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from badinput.make_corpus import BASE_YAML
from plandoc.cli.main import main


@pytest.mark.parametrize(("code", "reason"), [(errno.ENOSPC, "disken er full"),
                                              (errno.EROFS, "filsystemet er skrivebeskyttet")])
def test_a_disk_that_refuses_writes_gives_exit_4_in_norwegian(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, reason: str,
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "program.yaml").write_text(BASE_YAML, encoding="utf-8")

    def refuse(src: object, dst: object) -> None:
        raise OSError(code, os.strerror(code), str(dst))

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(os, "replace", refuse)
    done = CliRunner().invoke(main, ["build", "a", "--out", str(tmp_path / "ut"), "--format",
                                     "docx", "--jobs", "1", "-q"], prog_name="plandoc")
    assert done.exit_code == 4, done.output
    assert reason in done.output
    assert "intern feil" not in done.output and "No space" not in done.output
    assert "Read-only" not in done.output
    assert not list((tmp_path / "ut").rglob("*.tmp")) if (tmp_path / "ut").exists() else True
