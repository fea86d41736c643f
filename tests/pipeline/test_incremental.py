"""Incremental, parallel and keep-going builds through `plandoc build`, read back from disk."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from plandoc.build.incremental import MANIFEST_NAME, Manifest
from plandoc.build.pipeline import run_build
from plandoc.build.progress import BuildProgress, format_duration, summary_line, wants_bar
from plandoc.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = {"sunnvik": ROOT / "inputs" / "sunnvik" / "program.yaml",
            "fjordvik": ROOT / "inputs" / "fjordvik" / "program.yaml"}


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """Two programmes (without their project folders), each in its own folder."""
    folder = tmp_path / "inputs"
    for name, source in EXAMPLES.items():
        (folder / name).mkdir(parents=True)
        shutil.copyfile(source, folder / name / "program.yaml")
    return folder


@pytest.fixture
def templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of templates/, so a test can edit one (PLANDOC_TEMPLATES)."""
    folder = tmp_path / "templates"
    shutil.copytree(ROOT / "src" / "plandoc" / "templates", folder)
    monkeypatch.setenv("PLANDOC_TEMPLATES", str(folder))
    return folder


def build(inputs: Path, out: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["build", str(inputs), "--out", str(out), *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def snapshot(out: Path) -> dict[str, int]:
    """mtime_ns of every document file (the manifest and the chart cache aside)."""
    return {
        p.relative_to(out).as_posix(): p.stat().st_mtime_ns
        for p in sorted(out.rglob("*"))
        if p.is_file() and not p.relative_to(out).parts[0].startswith(".")
    }


def changed(before: dict[str, int], after: dict[str, int]) -> set[str]:
    return {k for k in after if before.get(k) != after[k]}


def docx_text(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def kinds_of(out: Path) -> dict[str, str]:
    """The document kind of every output, as the manifest recorded it."""
    manifest = Manifest.load(out)
    return {rel: record.kind for entry in manifest.programmes.values()
            for rel, record in entry.outputs.items()} | {
        rel: record.kind for rel, record in manifest.rollups.items()}


def using(template: str) -> set[str]:
    """The document kinds rendered with `template` (directly or through an include)."""
    from plandoc.builders import kinds, templates_used

    return {k for k in kinds() if any(p.name == template for p in templates_used(k))}


def test_second_build_skips_everything(inputs: Path, tmp_path: Path, templates: Path) -> None:
    out = tmp_path / "out"
    code, stdout, _ = build(inputs, out, "--format", "docx", "-j", "1")
    assert code == 0
    first = snapshot(out)
    # Two programmes: at least an omstillingsplan and two handlingsplaner each.
    for town in ("fjordvik-kommune", "sunnvik-kommune"):
        for stem in ("omstillingsplan", "handlingsplan-2025", "handlingsplan-2026"):
            assert f"{town}/{stem}.docx" in first
    assert set(kinds_of(out)) == set(first)
    n = len(first)
    assert f"bygget {n}, uendret 0, feilet 0" in stdout
    assert stdout.count("skrev ") == n

    code, stdout, _ = build(inputs, out, "--format", "docx", "-j", "1")
    assert code == 0
    assert f"bygget 0, uendret {n}, feilet 0" in stdout
    assert "skrev" not in stdout
    assert snapshot(out) == first


def test_changed_input_rebuilds_only_its_documents(
    inputs: Path, tmp_path: Path, templates: Path
) -> None:
    out = tmp_path / "out"
    build(inputs, out, "--format", "docx", "-j", "1")
    before = snapshot(out)
    source = inputs / "sunnvik" / "program.yaml"
    text = source.read_text(encoding="utf-8")
    assert "visjon: Sunnvik – fjordsamfunnet" in text
    source.write_text(text.replace("visjon: Sunnvik – fjordsamfunnet",
                                   "visjon: Sunnvik – det nye fjordsamfunnet"), encoding="utf-8")

    code, stdout, _ = build(inputs, out, "--format", "docx", "-j", "1")
    assert code == 0
    # Only Sunnvik's documents can change, and only those that show the vision do.
    rebuilt = changed(before, snapshot(out))
    assert "sunnvik-kommune/omstillingsplan.docx" in rebuilt
    assert all(f.startswith("sunnvik-kommune/") for f in rebuilt)
    assert f"bygget {len(rebuilt)}, uendret {len(before) - len(rebuilt)}, feilet 0" in stdout
    assert "det nye fjordsamfunnet" in docx_text(out / "sunnvik-kommune/omstillingsplan.docx")


@pytest.fixture
def with_projects(tmp_path: Path) -> Path:
    """Fjordvik with its project files (YAML only), in inputs/fjordvik."""
    folder = tmp_path / "inputs" / "fjordvik"
    shutil.copytree(ROOT / "inputs" / "fjordvik", folder,
                    ignore=shutil.ignore_patterns("*.xlsx"))
    return folder


def test_an_input_change_rewrites_only_the_documents_it_changes(
    with_projects: Path, tmp_path: Path
) -> None:
    """Early cut-off: every document of the programme is built again, but a file is only
    written when its document came out different; the result equals a build from scratch."""
    folder = with_projects
    out = tmp_path / "out"
    assert build(folder.parent, out, "-j", "1")[0] == 0
    before = snapshot(out)
    project = next(folder.glob("prosjekter/03-25*.yaml"))
    text = project.read_text(encoding="utf-8")
    assert "mangler tid," in text
    project.write_text(text.replace("mangler tid,", "mangler tid og folk,", 1), "utf-8")

    code, stdout, _ = build(folder.parent, out, "-j", "1")
    assert code == 0
    rebuilt = changed(before, snapshot(out))
    assert rebuilt == {"fjordvik-kommune/prosjekter/03-25/prosjektplan.docx",
                       "fjordvik-kommune/prosjekter/03-25/prosjektplan.pdf"}
    assert f"bygget 2, uendret {len(before) - 2}, feilet 0" in stdout
    assert stdout.count("skrev ") == 2
    assert "tid og folk" in docx_text(out / "fjordvik-kommune/prosjekter/03-25/prosjektplan.docx")
    # Kept files are recorded with the new inputs: the next build has nothing to do.
    assert f"bygget 0, uendret {len(before)}" in build(folder.parent, out, "-j", "1")[1]

    fresh = tmp_path / "fresh"
    assert build(folder.parent, fresh, "-j", "1")[0] == 0
    for rel in before:
        assert (out / rel).read_bytes() == (fresh / rel).read_bytes(), rel


def test_a_kept_file_edited_by_hand_is_written_again(
    with_projects: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    inputs = with_projects.parent
    build(inputs, out, "--format", "docx", "-j", "1")
    source = with_projects / "program.yaml"
    text = source.read_text(encoding="utf-8")
    # The vision is content of the adopted plan and handlingsplan: new versions of both.
    text = text.replace("utgaver:\n", "utgaver:\n"
                        "  - {dokument: omstillingsplan, versjon: \"2.1\", status: utkast}\n"
                        "  - {dokument: handlingsplan, år: 2025, versjon: \"1.1\", "
                        "status: utkast}\n", 1)
    source.write_text(text.replace("visjon: Fjordvik", "visjon: Nye Fjordvik", 1), "utf-8")
    # Not a document the vision shows in (see above), but no longer what plandoc wrote.
    kept = out / "fjordvik-kommune" / "arsrapport-2025.docx"
    untouched = out / "fjordvik-kommune" / "prosjekter" / "01-25" / "prosjektplan.docx"
    kept.write_bytes(b"edited by hand")
    mtime = untouched.stat().st_mtime_ns

    code, stdout, _ = build(inputs, out, "--format", "docx", "-j", "1")
    assert code == 0
    assert "skrev" in stdout and str(kept) in stdout
    assert str(untouched) not in stdout and untouched.stat().st_mtime_ns == mtime
    assert kept.read_bytes()[:2] == b"PK"
    assert "Fjordvik" in docx_text(kept)


def test_tree_digest_sees_the_picture_bytes(tmp_path: Path) -> None:
    from plandoc.build.incremental import tree_digest
    from plandoc.document import Document, Figure, Image, Meta

    picture = tmp_path / "bilde.png"
    picture.write_bytes(b"first")
    document = Document(Meta(title="T"), [Figure(Image(picture), alt="Et bilde")])
    first = tree_digest(document)
    assert tree_digest(document) == first
    picture.write_bytes(b"second")
    assert tree_digest(document) != first


def test_touched_but_unchanged_input_rebuilds_nothing(
    inputs: Path, tmp_path: Path, templates: Path
) -> None:
    out = tmp_path / "out"
    build(inputs, out, "--format", "docx", "-j", "1")
    before = snapshot(out)
    source = inputs / "fjordvik" / "program.yaml"
    st = source.stat()
    os.utime(source, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))

    code, stdout, _ = build(inputs, out, "--format", "docx", "-j", "1")
    assert code == 0
    assert f"bygget 0, uendret {len(before)}" in stdout  # the content decides, not the mtime
    assert snapshot(out) == before


def test_changed_template_rebuilds_every_document_of_its_kind(
    inputs: Path, tmp_path: Path, templates: Path
) -> None:
    out = tmp_path / "out"
    build(inputs, out, "--format", "docx", "-j", "1")
    before = snapshot(out)
    kind = kinds_of(out)
    # _by_year.md.j2 is a part some kinds include (the omstillingsplan, not the handlingsplan).
    users = using("_by_year.md.j2")
    assert "omstillingsplan" in users and "handlingsplan" not in users
    part = templates / "_by_year.md.j2"
    part.write_text(part.read_text(encoding="utf-8") + "\nMerknad fra malen.\n",
                    encoding="utf-8")

    code, stdout, _ = build(inputs, out, "--format", "docx", "-j", "1")
    assert code == 0
    expected = {f for f in before if kind[f] in users}
    assert f"bygget {len(expected)}, uendret {len(before) - len(expected)}" in stdout
    assert changed(before, snapshot(out)) == expected
    assert {"sunnvik-kommune/omstillingsplan.docx",
            "fjordvik-kommune/omstillingsplan.docx"} <= expected
    assert "Merknad fra malen." in docx_text(out / "fjordvik-kommune/omstillingsplan.docx")

    # The handlingsplan's own template: every handlingsplan of both programmes, nothing else.
    before = snapshot(out)
    main_template = templates / "handlingsplan.md.j2"
    main_template.write_text(main_template.read_text(encoding="utf-8") + "\nSiste linje.\n",
                             encoding="utf-8")
    code, stdout, _ = build(inputs, out, "--format", "docx", "-j", "1")
    expected = {f for f in before if kind[f] in using("handlingsplan.md.j2")}
    assert {f for f in expected if kind[f] == "handlingsplan"} == {
        f"{town}/handlingsplan-{year}.docx"
        for town in ("fjordvik-kommune", "sunnvik-kommune") for year in (2025, 2026)}
    assert f"bygget {len(expected)}, uendret {len(before) - len(expected)}" in stdout
    assert changed(before, snapshot(out)) == expected


def test_deleted_or_edited_output_is_rebuilt_and_force_rebuilds_all(
    inputs: Path, tmp_path: Path, templates: Path
) -> None:
    out = tmp_path / "out"
    build(inputs, out, "--format", "docx", "-j", "1")
    gone = out / "fjordvik-kommune" / "handlingsplan-2026.docx"
    gone.unlink()
    edited = out / "sunnvik-kommune" / "omstillingsplan.docx"
    edited.write_bytes(b"not a docx any more")
    before = snapshot(out)

    code, stdout, _ = build(inputs, out, "--format", "docx", "-j", "1")
    assert code == 0
    n = len(before) + 1  # the deleted file is not in `before`
    assert f"bygget 2, uendret {n - 2}" in stdout
    assert changed(before, snapshot(out)) == {
        "fjordvik-kommune/handlingsplan-2026.docx", "sunnvik-kommune/omstillingsplan.docx"}
    assert "Sunnvik" in docx_text(edited)

    before = snapshot(out)
    code, stdout, _ = build(inputs, out, "--format", "docx", "-j", "1", "--force")
    assert f"bygget {n}, uendret 0" in stdout
    assert changed(before, snapshot(out)) == set(before)


def test_new_format_and_years_are_built_and_stale_documents_removed(
    inputs: Path, tmp_path: Path, templates: Path
) -> None:
    out = tmp_path / "out"
    build(inputs, out, "--format", "docx", "-j", "1")
    # A year selection is another build: the handlingsplan for 2026 is no longer wanted.
    before = snapshot(out)
    code, _, _ = build(inputs, out, "--format", "docx", "--year", "2025", "-j", "1")
    assert code == 0
    after = snapshot(out)
    assert set(after) == {f for f in before if "2026" not in f}
    assert {"fjordvik-kommune/handlingsplan-2026.docx",
            "sunnvik-kommune/handlingsplan-2026.docx"} <= set(before) - set(after)
    manifest = Manifest.load(out)
    assert set(kinds_of(out)) == set(after)
    for entry in manifest.programmes.values():
        assert entry.years == [2025]


def test_jobs_two_gives_the_same_bytes_as_jobs_one(inputs: Path, tmp_path: Path) -> None:
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    code1, _, _ = build(inputs, serial, "-j", "1", "-q")
    code2, _, _ = build(inputs, parallel, "-j", "2", "-q")
    assert code1 == code2 == 0
    files = sorted(snapshot(serial))
    assert files == sorted(snapshot(parallel))
    documents = [f for f in files if not f.endswith(".xlsx")]
    assert len(documents) >= 12
    assert sum(f.endswith(".pdf") for f in documents) == len(documents) // 2
    for rel in files:
        assert (serial / rel).read_bytes() == (parallel / rel).read_bytes(), rel
    # Both manifests record the same outputs for the same programmes.
    a = json.loads((serial / MANIFEST_NAME).read_text(encoding="utf-8"))["programmes"]
    b = json.loads((parallel / MANIFEST_NAME).read_text(encoding="utf-8"))["programmes"]
    assert {k: sorted(v["outputs"]) for k, v in a.items()} == {
        k: sorted(v["outputs"]) for k, v in b.items()}


def test_one_programme_on_two_cores_gives_the_same_bytes(
    with_projects: Path, tmp_path: Path
) -> None:
    """A programme built alone writes its PDFs in two threads (two Typst compilers)."""
    serial, threaded = tmp_path / "serial", tmp_path / "threaded"
    assert build(with_projects.parent, serial, "-j", "1", "-q")[0] == 0
    assert build(with_projects.parent, threaded, "-j", "2", "-q")[0] == 0
    files = sorted(snapshot(serial))
    assert files == sorted(snapshot(threaded)) and len(files) > 40
    for rel in files:
        assert (serial / rel).read_bytes() == (threaded / rel).read_bytes(), rel


def test_a_broken_programme_does_not_stop_the_others(inputs: Path, tmp_path: Path) -> None:
    source = inputs / "sunnvik" / "program.yaml"
    text = source.read_text(encoding="utf-8")
    assert "budsjett: 600000" in text
    source.write_text(text.replace("budsjett: 600000", "budsjett: ca. 3 mill", 1),
                      encoding="utf-8")
    out = tmp_path / "out"

    code, stdout, stderr = build(inputs, out, "--format", "docx", "-j", "2")
    assert code == 1
    built = snapshot(out)
    assert built and all(f.startswith("fjordvik-kommune/") for f in built)
    assert "fjordvik-kommune/omstillingsplan.docx" in built
    assert f"bygget {len(built)}, uendret 0, feilet 1" in stderr
    assert "1 program feilet:" in stderr
    failure_lines = stderr.split("1 program feilet:")[1].strip().splitlines()
    assert len(failure_lines) == 1
    assert str(source) in failure_lines[0]
    assert "program.yaml:" in failure_lines[0] and "feil: budsjett" in failure_lines[0]
    assert "ca. 3 mill" in failure_lines[0]

    # Fixed, it is built next time; the good programme is left alone.
    source.write_text(text, encoding="utf-8")
    code, stdout, _ = build(inputs, out, "--format", "docx", "-j", "2")
    assert code == 0
    # With both programmes built, the samleoversikt over them is written too.
    rebuilt = {f for f in snapshot(out) if f.startswith(("sunnvik-kommune/", "samleoversikt."))}
    assert {"samleoversikt.docx", "samleoversikt.xlsx"} <= rebuilt
    assert f"bygget {len(rebuilt)}, uendret {len(built)}, feilet 0" in stdout


def test_an_interrupted_build_records_only_finished_outputs(
    inputs: Path, tmp_path: Path, templates: Path
) -> None:
    out = tmp_path / "out"
    files = sorted(inputs.glob("*/program.yaml"))

    def stop(_result: object) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_build(files, out, ["docx"], jobs=1, on_done=stop)
    manifest = Manifest.load(out)
    # Only the programme finished before the stop.
    assert list(manifest.programmes) == [str(files[0].resolve())]
    recorded = [out / rel for e in manifest.programmes.values() for rel in e.outputs]
    assert len(recorded) >= 3 and all(p.is_file() for p in recorded)

    report = run_build(files, out, ["docx"], jobs=1)
    assert report.unchanged == len(recorded) and report.built >= 3 and not report.failed


def test_progress_bar_only_on_a_terminal(inputs: Path, tmp_path: Path) -> None:
    class Tty:
        def __init__(self, tty: bool) -> None:
            self.tty = tty

        def isatty(self) -> bool:
            return self.tty

    assert wants_bar(Tty(True)) is True
    assert wants_bar(Tty(True), quiet=True) is False
    assert wants_bar(Tty(False)) is False
    assert BuildProgress(False)._progress is None

    # Through the CLI (not a terminal): plain lines only, no bar drawing characters.
    code, stdout, stderr = build(inputs, tmp_path / "out", "--format", "docx", "-j", "1")
    assert code == 0
    assert "━" not in stderr + stdout and "\x1b[" not in stderr
    # --quiet and success: nothing at all on stdout.
    code, stdout, _ = build(inputs, tmp_path / "out2", "--format", "docx", "-j", "1", "-q")
    assert code == 0 and stdout == ""


def test_summary_wording() -> None:
    assert summary_line(1234, 56, 1, 72.4) == (
        "bygget 1\u00a0234, uendret 56, feilet 1 — 1 min 12 s")
    assert format_duration(0.43) == "0,4 s"
    assert format_duration(3725) == "1 t 2 min"


def test_renamed_municipality_moves_its_documents(
    inputs: Path, tmp_path: Path, templates: Path
) -> None:
    out = tmp_path / "out"
    build(inputs, out, "--format", "docx", "-j", "1")
    source = inputs / "sunnvik" / "program.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace(
        "kommune: Sunnvik kommune", "kommune: Nye Sunnvik kommune"), encoding="utf-8")

    old = {f.split("/", 1)[1] for f in snapshot(out) if f.startswith("sunnvik-kommune/")}
    code, stdout, _ = build(inputs, out, "--format", "docx", "-j", "1")
    assert code == 0
    # The samleoversikt names the municipality: it is written again too (DOCX and xlsx).
    assert f"bygget {len(old) + 2}," in stdout
    assert not (out / "sunnvik-kommune").exists()  # our old files, and their folder, are gone
    assert {f.split("/", 1)[1] for f in snapshot(out)
            if f.startswith("nye-sunnvik-kommune/")} == old


def test_same_file_from_another_working_folder_is_up_to_date(
    inputs: Path, tmp_path: Path, templates: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    build(inputs, out, "--format", "docx", "-j", "1")
    monkeypatch.chdir(inputs)
    code, stdout, stderr = build(Path("sunnvik"), out, "--format", "docx", "-j", "1")
    assert code == 0, stderr
    assert "bygget 0, uendret " in stdout


def test_two_files_for_one_municipality_are_reported(
    inputs: Path, tmp_path: Path, templates: Path
) -> None:
    shutil.copyfile(inputs / "sunnvik" / "program.yaml", inputs / "sunnvik" / "kopi.yaml")
    code, _, stderr = build(inputs, tmp_path / "out", "--format", "docx", "-j", "1")
    assert code == 1
    assert "to inndatafiler gir samme utfil" in stderr
    assert "feilet 1" in stderr


def test_charts_are_drawn_once_across_builds(
    inputs: Path, tmp_path: Path, templates: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from plandoc.writers import charts

    out = tmp_path / "out"
    build(inputs, out, "-j", "1")
    first = (out / "fjordvik-kommune" / "omstillingsplan.pdf").read_bytes()
    cached = sorted(p.suffix for p in (out / ".plandoc-cache" / "charts").iterdir())
    # A budget chart per programme, drawn as PNG for Word; the PDF template draws its own.
    assert cached == [".png"] * len(cached) and len(cached) >= 2

    # A template change rebuilds both omstillingsplaner, but draws no chart again.
    charts._render_cached.cache_clear()
    charts._png_cached.cache_clear()

    def no_drawing(*_args: object) -> bytes:
        raise AssertionError("the chart should come from the cache")

    monkeypatch.setattr(charts, "_render", no_drawing)
    part = templates / "_by_year.md.j2"
    part.write_text(part.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    code, stdout, stderr = build(inputs, out, "-j", "1")
    assert code == 0, stderr
    assert "bygget 0," not in stdout
    # Only trailing whitespace changed in the template: the same bytes come out.
    assert (out / "fjordvik-kommune" / "omstillingsplan.pdf").read_bytes() == first


def test_a_no_op_build_reads_no_workbook_and_imports_no_builder(
    inputs: Path, tmp_path: Path
) -> None:
    import subprocess
    import sys

    out = tmp_path / "out"
    build(inputs, out, "--format", "docx", "-j", "1")
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from plandoc.build.pipeline import run_build, primary_inputs\n"
        "from plandoc.readers import discover\n"
        f"files = primary_inputs(discover([Path({str(inputs)!r})]))\n"
        f"report = run_build(files, Path({str(out)!r}), ['docx'], jobs=1)\n"
        "print(report.built, report.unchanged,\n"
        "      any(m.startswith(('plandoc.builders.', 'plandoc.writers.docx', 'openpyxl',\n"
        "                        'plandoc.readers.yaml')) for m in sys.modules))\n"
    )
    # Twice: a template written moments ago is hashed again rather than trusted by its stat.
    for _ in range(2):
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                              check=True)
    built, unchanged, imported = done.stdout.split()
    assert built == "0" and int(unchanged) >= 6
    assert imported == "False", done.stdout


def test_a_broken_template_is_never_taken_for_up_to_date(
    inputs: Path, tmp_path: Path, templates: Path
) -> None:
    out = tmp_path / "out"
    main_template = templates / "handlingsplan.md.j2"
    good = main_template.read_text(encoding="utf-8")
    main_template.write_text(good + "\n{% if %}\n", encoding="utf-8")
    for _ in range(2):  # the second time too: a half-built programme is not up to date
        code, _, stderr = build(inputs, out, "--format", "docx", "-j", "1")
        assert code == 3, stderr
        assert "handlingsplan.md.j2" in stderr and "malfeil" in stderr
        assert not list(out.rglob("handlingsplan-*.docx"))

    main_template.write_text(good, encoding="utf-8")
    code, _stdout, _ = build(inputs, out, "--format", "docx", "-j", "1")
    assert code == 0
    assert len(list(out.rglob("handlingsplan-*.docx"))) == 4


def write_summary(programme: object, path: Path) -> None:
    """A stand-in for a whole-programme file such as a portfolio workbook."""
    from plandoc.core.files import atomic_write_bytes

    info = programme.info  # type: ignore[attr-defined]
    atomic_write_bytes(path, f"{info.municipality}: {info.vision}\n".encode())


def test_a_programme_file_is_built_and_skipped_like_a_document(
    inputs: Path, tmp_path: Path, templates: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import plandoc.build.pipeline as pipeline

    extra = pipeline.ProgrammeFile("oversikt", "oversikt-tekst", "txt", ".txt", write_summary)
    monkeypatch.setattr(pipeline, "PROGRAMME_FILES", [extra])
    out = tmp_path / "out"
    build(inputs, out, "--format", "docx", "-j", "1")
    summary = out / "sunnvik-kommune" / "oversikt.txt"
    assert summary.read_text(encoding="utf-8").startswith("Sunnvik kommune: Sunnvik –")
    assert kinds_of(out)["sunnvik-kommune/oversikt.txt"] == "oversikt-tekst"

    before = snapshot(out)
    code, stdout, _ = build(inputs, out, "--format", "docx", "-j", "1")
    assert code == 0 and f"bygget 0, uendret {len(before)}" in stdout

    summary.unlink()
    code, stdout, _ = build(inputs, out, "--format", "docx", "-j", "1")
    assert f"bygget 1, uendret {len(before) - 1}" in stdout
    assert changed(before, snapshot(out)) == {"sunnvik-kommune/oversikt.txt"}


def test_samleoversikt_is_written_when_its_figures_change(
    inputs: Path, tmp_path: Path, templates: Path
) -> None:
    out = tmp_path / "out"
    assert build(inputs, out, "--format", "docx", "-j", "1")[0] == 0
    assert {"samleoversikt.docx", "samleoversikt.xlsx"} <= set(snapshot(out))
    before = snapshot(out)
    # A wording change outside the samleoversikt's figures: it stays as it was.
    source = inputs / "sunnvik" / "program.yaml"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("visjon: ", "visjon: Ny visjon. ", 1), encoding="utf-8")
    assert build(inputs, out, "--format", "docx", "-j", "1")[0] == 0
    assert not {"samleoversikt.docx", "samleoversikt.xlsx"} & changed(before, snapshot(out))
    # Another county: both files are written again.
    assert "fylke: Vestland" in text
    source.write_text(text.replace("fylke: Vestland", "fylke: Rogaland", 1), encoding="utf-8")
    before = snapshot(out)
    assert build(inputs, out, "--format", "docx", "-j", "1")[0] == 0
    assert {"samleoversikt.docx", "samleoversikt.xlsx"} <= changed(before, snapshot(out))
    import openpyxl

    rows = list(openpyxl.load_workbook(out / "samleoversikt.xlsx")["Fylker"].values)
    assert "Rogaland" in [r[0] for r in rows]
