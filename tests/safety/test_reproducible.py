"""Same inputs, same bytes: across runs, working directories, input locations and --jobs;
SOURCE_DATE_EPOCH (and nothing else) sets the dates inside the files."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import zipfile
from pathlib import Path

import pikepdf
import pytest

from safety.conftest import build, documents

EPOCH = 1_700_000_000  # 2023-11-14 22:13:20 UTC


def test_second_build_elsewhere_with_jobs_is_byte_identical(
    inputs: Path, reference: dict[str, bytes], tmp_path: Path,
) -> None:
    # Inputs copied to another place, run from yet another working directory, in parallel.
    moved = tmp_path / "somewhere" / "else"
    shutil.copytree(inputs, moved)
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    out = tmp_path / "out"
    done = build(moved, out, "--jobs", "2", cwd=elsewhere)
    assert done.returncode == 0, done.stderr
    again = documents(out)
    assert sorted(again) == sorted(reference)
    different = [name for name in again if again[name] != reference[name]]
    assert different == []


def _docx_dates(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        core = z.read("docProps/core.xml").decode()
        stamps = {info.date_time for info in z.infolist()}
    assert len(stamps) == 1  # every zip entry carries the same fixed date
    return re.findall(r"<dcterms:(?:created|modified)[^>]*>([^<]+)<", core)


def _pdf_dates(data: bytes) -> tuple[str, str, str]:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        info = pdf.docinfo
        xmp = str(pdf.open_metadata())
    create = re.search(r"<xmp:CreateDate>([^<]+)<", xmp)
    assert create
    return str(info["/CreationDate"]), str(info["/ModDate"]), create.group(1)


@pytest.fixture(scope="module")
def dated(inputs: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("dated") / "out"
    done = build(inputs / "dyroy", out, env={"SOURCE_DATE_EPOCH": str(EPOCH)})
    assert done.returncode == 0, done.stderr
    return documents(out)


def test_source_date_epoch_sets_the_dates_inside_docx(
    dated: dict[str, bytes], reference: dict[str, bytes],
) -> None:
    name = "dyroy/omstillingsplan.docx"
    when = dt.datetime.fromtimestamp(EPOCH, tz=dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert _docx_dates(dated[name]) == [when, when]
    # Without it, a fixed date: never the clock.
    assert _docx_dates(reference[name]) == ["2000-01-01T00:00:00Z"] * 2


def test_source_date_epoch_sets_the_dates_inside_pdf(
    dated: dict[str, bytes], reference: dict[str, bytes],
) -> None:
    name = "dyroy/omstillingsplan.pdf"
    created, modified, xmp = _pdf_dates(dated[name])
    assert created == modified == "D:20231114221320Z"
    assert xmp.startswith("2023-11-14T22:13:20")
    assert _pdf_dates(reference[name])[0] == "D:20000101000000Z"
