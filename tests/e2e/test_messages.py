"""Messages wholly in Norwegian: the summary's grammar, click's own texts, template --force."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from badinput.make_corpus import BASE_YAML
from plandoc.cli.main import main


def _run(args: list[str], folder: Path) -> tuple[int, str]:
    import os

    cwd = Path.cwd()
    os.chdir(folder)
    try:
        done = CliRunner().invoke(main, args, prog_name="plandoc")
    finally:
        os.chdir(cwd)
    return done.exit_code, done.output


def test_summary_says_1_advarsel_and_2_advarsler(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    one = BASE_YAML.replace("tiltak:", "tilak: []\ntiltak:", 1)
    (tmp_path / "a" / "program.yaml").write_text(one, encoding="utf-8")
    code, out = _run(["validate", "a"], tmp_path)
    assert code == 0
    assert "1 fil kontrollert: 0 feil, 1 advarsel" in out.splitlines()
    two = one.replace("tilak: []", "tilak: []\ntiltk: []")
    (tmp_path / "a" / "program.yaml").write_text(two, encoding="utf-8")
    code, out = _run(["validate", "a"], tmp_path)
    assert "1 fil kontrollert: 0 feil, 2 advarsler" in out.splitlines()


def test_template_force_replaces_and_without_it_keeps(tmp_path: Path) -> None:
    (tmp_path / "plan.xlsx").write_bytes(b"utfylt")
    code, out = _run(["template", "plan.xlsx"], tmp_path)
    assert code == 2 and "finnes allerede" in out
    assert (tmp_path / "plan.xlsx").read_bytes() == b"utfylt"
    code, out = _run(["template", "plan.xlsx", "--force"], tmp_path)
    assert code == 0 and (tmp_path / "plan.xlsx").read_bytes()[:2] == b"PK"


def test_bauta_help_and_errors_are_norwegian(tmp_path: Path) -> None:
    code, out = _run(["bauta", "--help"], tmp_path)
    assert code == 0
    assert out.startswith("Bruk: plandoc bauta [VALG] KOMMANDO [ARGUMENTER]...")
    assert "Kommandoer:" in out and "Valg:" in out
    code, out = _run(["bauta", "status", "finnes-ikke"], tmp_path)
    assert code == 2
    assert "Feil: Ugyldig verdi for «PROJECT»: Mappen «finnes-ikke» finnes ikke." in out
    for english in ("Usage", "Error", "Invalid", "does not exist", "Show this"):
        assert english not in out
