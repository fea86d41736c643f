"""The YAML reader: values with line numbers, the user's own text, hostile files refused."""

import time
from pathlib import Path

import pytest

from plandoc.core.diagnostics import SourceRef
from plandoc.readers import read_input
from plandoc.readers import yaml as yaml_reader
from plandoc.readers.cells import REPORTED


@pytest.fixture(autouse=True, params=["libyaml", "pure"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every test runs with libyaml (ruamel.yaml.clib) and with the pure-Python parser."""
    monkeypatch.setattr(yaml_reader, "PURE_PYTHON", request.param == "pure")
    return str(request.param)


GOOD = """\
# Dyrøy
program:
  kommune: Dyrøy
  kommunenummer: 0301
  programnavn: Omstillingsprogrammet i Dyrøy
  periode_fra: 2024
  periode_til: 2029
  versjon: 1.0
  dato: 2024-10-12
  bakgrunn: |
    Første avsnitt.

    - punkt
innsatsområder:
  - id: IO1
    navn: Næringsutvikling
  - id: IO2
    navn: Reiseliv
tiltak:
  - id: T1
    navn: Gründerskole
    innsatsområde: IO1
    år: 2025
    budsjett: 1 250 000
    omstillingsmidler: 1.5
mål:
  - id: M1
    nivå: hovedmål
    mål: Flere arbeidsplasser
    målverdi: 1.5
    utgangsverdi: 60
    frist: 2029
resultater:
"""


def _write(tmp_path: Path, text: str | bytes, name: str = "program.yaml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_values_keep_the_users_text_and_their_lines(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD)
    raw = read_input(path)
    assert [str(d) for d in raw.diagnostics] == []
    program = raw.sheets["program"][0]
    assert program["kommunenummer"].value == "0301"
    assert program["versjon"].value == "1.0"
    assert program["dato"].value == "2024-10-12"
    assert program["bakgrunn"].value == "Første avsnitt.\n\n- punkt\n"
    assert program["periode_fra"].value == 2024
    assert program["kommune"].ref == SourceRef(str(path), line=3)
    measure = raw.sheets["tiltak"][0]
    assert measure["budsjett"].value == "1 250 000"
    assert str(measure["omstillingsmidler"].value) == "1.5"
    assert measure["budsjett"].ref == SourceRef(str(path), line=24)
    goal = raw.sheets["mål"][0]
    assert str(goal["målverdi"].value) == "1.5"  # a number: the loader writes it "1,5"
    assert goal["frist"].value == 2029
    assert raw.row_refs["innsatsområder"] == [SourceRef(str(path), line=15),
                                              SourceRef(str(path), line=17)]
    assert raw.sheets["resultater"] == []


def test_yml_suffix_and_bom(tmp_path: Path) -> None:
    path = _write(tmp_path, "\ufeffprogram:\n  kommune: Ål\n".encode(), "x.yml")
    raw = read_input(path)
    assert raw.sheets["program"][0]["kommune"].value == "Ål"


def test_unknown_keys_are_warnings_with_suggestions(tmp_path: Path) -> None:
    path = _write(tmp_path, "progam:\n  kommune: A\ntiltak:\n  - id: T1\n    budsjet: 5\n")
    raw = read_input(path)
    assert [str(d) for d in raw.diagnostics] == [
        f"{path}:1: advarsel: nøkkelen «progam» er ukjent og blir ikke lest; "
        "mente du «program»? [ark.ukjent]",
        f"{path}:5: advarsel: nøkkelen «budsjet» er ukjent under «tiltak» og blir ikke lest; "
        "mente du «budsjett»? [kolonne.ukjent]",
    ]


def test_explicit_tags_are_refused_never_executed(tmp_path: Path) -> None:
    path = _write(tmp_path, "program:\n  kommune: !!python/object/apply:os.system ['touch x']\n"
                            "  fylke: !custom Troms\n")
    raw = read_input(path)
    assert [str(d) for d in raw.diagnostics] == [
        f"{path}:2: feil: YAML-taggen «!!python/object/apply:os.system» er ikke tillatt; "
        "fjern den [yaml.tagg]",
        f"{path}:3: feil: YAML-taggen «!custom» er ikke tillatt; fjern den [yaml.tagg]",
    ]
    # Each refused value is marked as reported: no "mangler" diagnostic follows for it.
    assert {k: v.value for k, v in raw.sheets["program"][0].items()} == {
        "kommune": REPORTED, "fylke": REPORTED}
    assert not (tmp_path / "x").exists()


def test_billion_laughs_of_aliases_is_not_expanded(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 10):
        refs = ", ".join([f"*a{i - 1}"] * 10)
        lines.append(f"a{i}: &a{i} [{refs}]")
    lines.append("tiltak: [*a9]")
    path = _write(tmp_path, "\n".join(lines) + "\n")
    started = time.monotonic()
    raw = read_input(path)
    assert time.monotonic() - started < 5
    assert [d.rule for d in raw.diagnostics] == ["ark.ukjent"] * 10 + [
        "yaml.struktur"]


def test_too_many_aliased_records_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(yaml_reader, "MAX_NODES", 1000)
    items = ", ".join(["*m"] * 500)
    path = _write(tmp_path, f"mal: &m {{id: T1, navn: x}}\ntiltak: [{items}]\n")
    raw = read_input(path)
    assert [d.rule for d in raw.diagnostics if d.is_error] == ["yaml.for-stor"]


def test_deep_nesting_is_refused_not_a_crash(tmp_path: Path) -> None:
    depth = 100_000  # libyaml's composer would segfault, the pure one overflow its stack
    path = _write(tmp_path, "program:\n  kommune: A\ntiltak: " + "[" * depth + "]" * depth + "\n")
    raw = read_input(path)
    assert [str(d) for d in raw.diagnostics] == [
        f"{path}:3: feil: filen har lister eller nøkler nøstet i over 20 nivåer og blir ikke "
        "lest; en programfil trenger tre [yaml.for-stor]"]


def test_absurd_numbers_do_not_crash(tmp_path: Path) -> None:
    from plandoc.load.programme import load_programme

    digits = "9" * 5000  # int() refuses to read this many digits from text
    path = _write(tmp_path, f"tiltak:\n  - id: T1\n    år: {digits}\n    budsjett: {digits}\n")
    _, diags = load_programme(read_input(path))
    assert [d.rule for d in diags if d.rule.startswith("tiltak.")] == [
        "tiltak.navn", "tiltak.innsatsområde", "tiltak.år", "tiltak.budsjett"]


def test_tabs_give_the_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "program:\n  kommune: A\n\tfylke: B\n")
    raw = read_input(path)
    assert [str(d) for d in raw.diagnostics] == [
        f"{path}:3: feil: tabulatortegn kan ikke brukes til innrykk i YAML; bruk mellomrom "
        "[yaml.syntaks]"]


def test_invalid_utf8_gives_the_line(tmp_path: Path) -> None:
    path = _write(tmp_path, b"program:\n  kommune: Dyr\xf8y\n")  # Latin-1, not UTF-8
    raw = read_input(path)
    assert [str(d) for d in raw.diagnostics] == [
        f"{path}:2: feil: filen er ikke gyldig UTF-8; lagre den som UTF-8 i "
        "redigeringsprogrammet [yaml.tegnsett]"]


def test_syntax_error_gives_the_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "program:\n  kommune: A\n  navn: [uavsluttet\n")
    raw = read_input(path)
    assert len(raw.diagnostics) == 1
    diag = raw.diagnostics.items[0]
    assert diag.rule == "yaml.syntaks" and diag.ref is not None and diag.ref.line == 4
    # Wholly Norwegian: the parser's own English problem text is translated, not quoted.
    # (libyaml and the pure parser word the problem differently; both come out Norwegian.)
    assert diag.message.startswith("YAML-feil: en liste")
    assert "er ikke avsluttet;" in diag.message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "filen er tom; se malen for hvordan en programfil ser ut"),
        ("- a\n- b\n", "filen må bestå av nøkler som program:, innsatsområder:, tiltak: …"),
        ("tiltak: 5\n", "«tiltak» må være en liste der hvert element starter med «- »"),
        ("tiltak:\n  - T1\n", "hvert element under «tiltak» må ha nøkler som id:"),
        ("program: [1]\n", "«program» må inneholde nøkler som kommune:, programnavn: …"),
        ("tiltak:\n  - id: [a, b]\n", "id må være én verdi, ikke en liste eller nøkler"),
        ("program:\n  kommune: A\n  kommune: B\n",
         "nøkkelen «kommune» står to ganger; slå sammen eller fjern den ene"),
    ],
)
def test_structure_errors(tmp_path: Path, text: str, message: str) -> None:
    raw = read_input(_write(tmp_path, text))
    assert [d.message for d in raw.diagnostics] == [message]
