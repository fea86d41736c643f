"""Run every bad-input case: the exact diagnostics, or the text shown literally in DOCX and PDF;
never a traceback, never a file outside the output folder, always within time and memory."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from badinput.cases import CASES, Case
from badinput.extract import contains, docx_text, have_pdftotext, occurrences, pdf_text, pdftotext
from badinput.make_corpus import FILES, write_all
from plandoc.core.diagnostics import Diagnostics, SourceRef
from plandoc.load.inputs import load_file
from plandoc.readers.images import check_image

#: Seconds one in-process case may take (the slowest, a 1 MB cell, needs well under one).
TIME_LIMIT = 10.0
#: Limits for the large cases, run in a subprocess.
MEMORY_LIMIT = 1536 * 1024 * 1024
LARGE_TIME_LIMIT = 60.0

#: Where the image cases say the picture is referred from.
IMAGE_REF = SourceRef("bilder.yaml", line=1)


def _ids(cases: list[Case]) -> list[str]:
    return [c.name for c in cases]


def _expected(case: Case) -> list[str]:
    return [case.file + e if e.startswith(":") else e for e in case.expect]


def _files_under(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file() or p.is_symlink()}


def _load(case: Case, folder: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[object, Diagnostics]:
    """Load the case file by its bare name from `folder` (as a user in that folder would)."""
    monkeypatch.chdir(folder)
    started = time.monotonic()
    programme, diags = load_file(Path(case.file))
    assert time.monotonic() - started < TIME_LIMIT
    return programme, diags


LOAD_CASES = [c for c in CASES if c.kind == "load" and not c.large]
BUILD_CASES = [c for c in CASES if c.kind == "build"]
IMAGE_CASES = [c for c in CASES if c.kind == "image"]
LARGE_CASES = [c for c in CASES if c.large]
CLI_CASES = [c for c in CASES if c.kind == "cli"]


def test_the_corpus_is_big_enough_and_names_are_unique() -> None:
    assert len(CASES) >= 40
    assert len({c.file for c in CASES}) == len(CASES)
    groups = {c.group for c in CASES}
    assert len(groups) >= 7


def test_corpus_files_are_up_to_date(tmp_path: Path) -> None:
    """The committed files are exactly what make_corpus.py writes (regenerate with it)."""
    written = write_all(tmp_path)
    fresh = {str(p.relative_to(tmp_path)): p.read_bytes() for p in written}
    committed = {name: (FILES / name).read_bytes() for name in _files_under(FILES)}
    assert sorted(fresh) == sorted(committed)
    stale = [name for name in fresh if fresh[name] != committed[name]]
    assert stale == [], "run .venv/bin/python tests/badinput/make_corpus.py"
    assert max(len(b) for b in committed.values()) < 1024 * 1024


@pytest.mark.parametrize("case", LOAD_CASES, ids=_ids(LOAD_CASES))
def test_load_case(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(FILES / case.file, tmp_path / case.file)
    programme, diags = _load(case, tmp_path, monkeypatch)
    assert [str(d) for d in diags] == _expected(case)
    assert _files_under(tmp_path) == {case.file}  # nothing written beside the input
    if not any(d.is_error for d in diags):
        assert programme is not None


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[bytes, bytes, set[str]]]:
    """Every build case loaded and its omstillingsplan written as DOCX and PDF (once)."""
    from plandoc.builders import build_documents
    from plandoc.writers.base import get_writer

    out: dict[str, tuple[bytes, bytes, set[str]]] = {}
    cwd = Path.cwd()
    for case in BUILD_CASES:
        root = tmp_path_factory.mktemp(case.name)
        shutil.copy(FILES / case.file, root / case.file)
        os.chdir(root)
        try:
            programme, diags = load_file(Path(case.file))
            assert [str(d) for d in diags] == _expected(case), case.file
            assert programme is not None
            stem, document = build_documents(programme)[0]
            assert stem == "omstillingsplan"
            for fmt in ("docx", "pdf"):
                writer = get_writer(fmt)
                writer.write(document, root / "ut" / f"{stem}{writer.suffix}")
        finally:
            os.chdir(cwd)
        out[case.file] = ((root / "ut" / "omstillingsplan.docx").read_bytes(),
                          (root / "ut" / "omstillingsplan.pdf").read_bytes(),
                          _files_under(root))
    return out


@pytest.mark.parametrize("case", BUILD_CASES, ids=_ids(BUILD_CASES))
def test_build_case_shows_the_text_literally(
    case: Case, built: dict[str, tuple[bytes, bytes, set[str]]],
) -> None:
    docx, pdf, files = built[case.file]
    assert files == {case.file, "ut/omstillingsplan.docx", "ut/omstillingsplan.pdf"}
    word = docx_text(docx)
    rtl = any("\u0590" <= ch <= "\u08ff" for text in case.shows for ch in text)
    pdf_plain = pdf_text(pdf)
    for text in case.shows:
        assert text in word, f"{text!r} not in the DOCX text"
        if rtl:
            continue  # checked below with a reader that knows the reading order
        # Every place the DOCX shows it, the PDF shows it too (and in its TOC, maybe more).
        assert occurrences(pdf_plain, text) >= word.count(text), f"{text!r} not in the PDF"
    if rtl:
        if not have_pdftotext():
            pytest.skip("pdftotext (poppler-utils) is not installed; pypdf gives right-to-left "
                        "text in visual order, so the PDF half of this case cannot be checked")
        ordered = pdftotext(pdf)
        for text in case.shows:
            assert contains(ordered, text), f"{text!r} not in the PDF text"


@pytest.mark.parametrize("case", IMAGE_CASES, ids=_ids(IMAGE_CASES))
def test_image_case(case: Case, tmp_path: Path) -> None:
    shutil.copytree(FILES / "bilder", tmp_path / "bilder")
    if case.link_to:
        (tmp_path / case.image_path).symlink_to(case.link_to)
    diags = Diagnostics()
    started = time.monotonic()
    found = check_image(case.image_path, tmp_path, IMAGE_REF, diags)
    assert time.monotonic() - started < TIME_LIMIT
    assert [str(d) for d in diags] == list(case.expect)
    if case.expect:
        assert found is None
    else:
        assert found == (tmp_path / case.image_path).resolve()
        assert found.is_relative_to(tmp_path.resolve())


def _limit_memory() -> None:  # pragma: no cover - runs in the child
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


_CHILD = """
import sys
from pathlib import Path
from plandoc.load.inputs import load_file
programme, diags = load_file(Path(sys.argv[1]))
for d in diags:
    print(d)
"""


@pytest.mark.parametrize("case", LARGE_CASES, ids=_ids(LARGE_CASES))
def test_large_case_within_time_and_memory(case: Case, tmp_path: Path) -> None:
    assert case.make is not None
    (tmp_path / case.file).write_bytes(case.make())
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, case.file], cwd=tmp_path, capture_output=True,
        text=True, timeout=LARGE_TIME_LIMIT, preexec_fn=_limit_memory, check=False,
    )
    elapsed = time.monotonic() - started
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    assert done.stdout.splitlines() == _expected(case)
    assert elapsed < LARGE_TIME_LIMIT
    assert _files_under(tmp_path) == {case.file}


def test_plandoc_validate_over_the_whole_corpus(tmp_path: Path) -> None:
    """The command a user runs: every expected line, exit code 1, no traceback, no crash."""
    shutil.copytree(FILES, tmp_path / "korpus")
    done = subprocess.run(
        [sys.executable, "-m", "plandoc.cli.main", "validate", "korpus"], cwd=tmp_path,
        capture_output=True, text=True, timeout=LARGE_TIME_LIMIT, check=False,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "intern feil" not in done.stderr
    printed = done.stdout.splitlines()
    for case in LOAD_CASES + BUILD_CASES:
        for line in _expected(case):
            assert line.replace(case.file, f"korpus/{case.file}") in printed, line
    assert _files_under(tmp_path / "korpus") == _files_under(FILES)


#: `plandoc` as the installed command runs it (named so in its usage lines).
_PLANDOC = "import sys; from plandoc.cli.main import main; sys.argv[0] = 'plandoc'; main()"


@pytest.mark.parametrize("case", CLI_CASES, ids=_ids(CLI_CASES))
def test_cli_case(case: Case, tmp_path: Path) -> None:
    """The whole command: its exit code, every expected line in order, never a traceback,
    an internal error or English from click; then what it left on disk."""
    assert case.setup is not None
    args = case.setup(tmp_path)
    env = {k: v for k, v in os.environ.items() if k not in ("PLANDOC_DEBUG", "LC_ALL")}
    env.update(dict(case.env))
    encoding = env.get("PYTHONIOENCODING", "utf-8")
    done = subprocess.run(
        [sys.executable, "-c", _PLANDOC, *args], cwd=tmp_path, capture_output=True,
        timeout=LARGE_TIME_LIMIT, check=False, env=env,
    )
    out = done.stdout.decode(encoding, "replace") + done.stderr.decode(encoding, "replace")
    printed = out.splitlines()
    assert "Traceback" not in out and "intern feil" not in out, out
    for english in ("Usage:", "Error:", "Show this message", "Try '", "Aborted!", "Options:"):
        assert english not in out, out
    assert done.returncode == case.exit_code, out
    at = 0
    for line in case.expect:
        assert line in printed[at:], f"{line!r} not printed (in order):\n{out}"
        at = printed.index(line, at) + 1
    if case.check is not None:
        case.check(tmp_path)
