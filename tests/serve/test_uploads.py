"""Sorting uploaded files into a programme folder, and what is refused (no server needed)."""

from __future__ import annotations

import io
import stat
import zipfile

import pytest

from plandoc.serve.uploads import UploadRefused, apply, receive


def _zip(entries: dict[str, bytes], link: str | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
        if link:
            info = zipfile.ZipInfo(link)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, "/etc/passwd")
    return buffer.getvalue()


def _never_project(name: str, data: bytes) -> bool:
    return False


def test_a_programme_folder_zip_lands_in_its_places(tmp_path) -> None:
    received = receive([("fjordvik.zip", _zip({
        "fjordvik/program.yaml": b"program: {}\n",
        "fjordvik/prosjekter/01-25.yaml": b"prosjekt: {}\n",
        "fjordvik/LESMEG.txt": b"hei",
        "fjordvik/gammelt/plan.yaml": b"x",
        "fjordvik/~$program.xlsx": b"lock",
    }))], _never_project)
    assert received.whole_folder
    assert received.names == ["program.yaml", "prosjekter/01-25.yaml"]
    notices = " ".join(received.notices)
    assert "LESMEG.txt» er ikke en arbeidsbok" in notices
    assert "gammelt/plan.yaml» ligger i en mappe plandoc ikke leser" in notices
    assert "låsefil" in notices
    apply(received, None, tmp_path / "ny")
    assert (tmp_path / "ny" / "prosjekter" / "01-25.yaml").read_bytes() == b"prosjekt: {}\n"


def test_a_loose_programme_file_replaces_the_old_one_and_keeps_projects(tmp_path) -> None:
    current = tmp_path / "inndata"
    (current / "prosjekter").mkdir(parents=True)
    (current / "gammel.yaml").write_text("program: {}\n")
    (current / "prosjekter" / "p.yaml").write_text("prosjekt: {}\n")
    received = receive([("C:\\Users\\kari\\ny.yaml", b"program: {}\n")], _never_project)
    apply(received, current, tmp_path / "ny")
    assert sorted(p.relative_to(tmp_path / "ny").as_posix()
                  for p in (tmp_path / "ny").rglob("*.yaml")) == ["ny.yaml", "prosjekter/p.yaml"]


@pytest.mark.parametrize(("files", "words"), [
    ([], "ingen filer"),
    ([("a.zip", _zip({"x.yaml": b"x"})), ("b.yaml", b"x")], "alene"),
    ([("lenke.zip", _zip({"p.yaml": b"x"}, link="prosjekter/l.yaml"))], "symbolsk lenke"),
    ([("x.zip", _zip({"C:/Windows/p.yaml": b"x"}))], "zip-slip"),
    ([("tom.zip", _zip({"LESMEG.txt": b"x"}))], "fant ingen arbeidsbok"),
    ([(f"{i}.yaml", b"x") for i in range(51)], "for mange filer"),
    ([(".skjult.yaml", b"x")], "ugyldig filnavn"),
])
def test_refused(files, words) -> None:
    with pytest.raises(UploadRefused) as caught:
        receive(files, _never_project)
    assert words in caught.value.message
