"""Shared for the safety tests: a small copy of the example inputs and one reference build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from badinput.make_corpus import base_sheets, book_bytes

REPO = Path(__file__).resolve().parents[2]
PLANDOC = [sys.executable, "-m", "plandoc.cli.main"]


def build(
    inputs: Path, out: Path, *args: str, cwd: Path | None = None,
    env: dict[str, str] | None = None, timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    """`plandoc build INPUTS --out OUT ARGS…` in a child process, as a user runs it."""
    full_env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    full_env.update(env or {})
    return subprocess.run([*PLANDOC, "build", str(inputs), "--out", str(out), "-q", *args],
                          cwd=cwd or inputs.parent, env=full_env, capture_output=True, text=True,
                          timeout=timeout, check=False)


def documents(out: Path) -> dict[str, bytes]:
    """Every .docx, .pdf and .xlsx under `out`, by path relative to it."""
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.suffix in (".docx", ".pdf", ".xlsx") and not p.name.startswith(".")}


def make_inputs(root: Path) -> Path:
    """inputs/ with two programmes: the real Sunnvik example and a tiny one (Dyrøy)."""
    inputs = root / "inputs"
    shutil.copytree(REPO / "inputs" / "sunnvik", inputs / "sunnvik")
    (inputs / "dyroy").mkdir(parents=True)
    (inputs / "dyroy" / "program.xlsx").write_bytes(book_bytes(base_sheets()))
    return inputs


@pytest.fixture(scope="session")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_inputs(tmp_path_factory.mktemp("safety"))


@pytest.fixture(scope="session")
def reference_build(
    inputs: Path, tmp_path_factory: pytest.TempPathFactory,
) -> tuple[dict[str, bytes], float]:
    """The documents of one complete, uninterrupted build (--jobs 1), and its duration."""
    out = tmp_path_factory.mktemp("reference") / "build"
    started = time.monotonic()
    done = build(inputs, out, "--jobs", "1")
    seconds = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    docs = documents(out)
    assert len(docs) >= 8
    return docs, seconds


@pytest.fixture(scope="session")
def reference(reference_build: tuple[dict[str, bytes], float]) -> dict[str, bytes]:
    return reference_build[0]
