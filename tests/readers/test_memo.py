"""readers.memo: `plandoc watch` reads a file again only when it changed."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from plandoc.readers import memo, read_input

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def remembering() -> Iterator[None]:
    memo.remember(True)
    yield
    memo.remember(False)


def test_an_unchanged_file_is_not_read_again(tmp_path: Path, remembering: None,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "program.yaml"
    shutil.copyfile(ROOT / "inputs/sunnvik/program.yaml", path)
    old = time.time() - 60
    os.utime(path, (old, old))
    first = read_input(path)
    import plandoc.readers as readers

    def fail(*_: object) -> None:
        raise AssertionError("read again")

    monkeypatch.setattr(readers, "_read_input", fail)
    second = read_input(path)
    assert second == first and second is not first
    # A save (Excel renames a new file into place): read again, and the new text is seen.
    monkeypatch.undo()
    new = tmp_path / "ny.yaml"
    new.write_text(path.read_text("utf-8").replace("fjordsamfunnet", "fjordbygda"), "utf-8")
    os.replace(new, path)
    third = read_input(path)
    assert "fjordbygda" in repr(third.sheets) and "fjordbygda" not in repr(first.sheets)


def test_a_fresh_file_is_not_kept(tmp_path: Path, remembering: None) -> None:
    path = tmp_path / "program.yaml"
    shutil.copyfile(ROOT / "inputs/sunnvik/program.yaml", path)
    read_input(path)
    # Written just now: the same size and mtime could still hide a second write.
    assert memo._reads == {}


def test_off_by_default(tmp_path: Path) -> None:
    assert not memo.active()
