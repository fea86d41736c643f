"""Make the adopted editions of the examples (inputs/<kommune>/vedtatt/) with `plandoc adopt`.

Run from the repository root: `.venv/bin/python inputs/make_adopted.py`. Every edition whose
status is «vedtatt» in a programme's sheet Utgaver is adopted from the workbook as it stands.
Fjordvik's first omstillingsplan (1.0, adopted in February 2024) is adopted from the workbook
as it was then: the current program.yaml with the changes of the 2.0 revision taken back
(the 2.0 plan raised the jobs target, added the summer-jobs goal and the final evaluation,
and moved money between the innsatsområder), so that 2.0 shows what the revision changed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLANDOC = [str(Path(sys.executable).parent / "plandoc")]

#: (workbook, documents adopted from it as it stands)
ADOPTED = [
    ("fjordvik/program.xlsx", ["omstillingsplan", "handlingsplan-2025"]),
    ("sandbakken/program.xlsx", ["handlingsplan-2025"]),
    # Project 02/25's prosjektplan 1.2, approved at BP1 on 3 February 2025.
    ("fjordvik/prosjekter/02-25-sjomatklynge.xlsx", ["prosjektplan"]),
]

#: The 2.0 revision taken back: (text in program.yaml now, text in version 1.0).
FJORDVIK_1_0 = [
    ("mulighetene. Denne versjonen (2.0) er planen slik den er rullert etter det første\n"
     "    gjennomføringsåret.\n", "mulighetene.\n"),
    ("Skape eller sikre 80 arbeidsplasser", "Skape eller sikre 60 arbeidsplasser"),
    ('    utgangsverdi: "0"\n    målverdi: "80"\n', '    utgangsverdi: "0"\n    målverdi: "60"\n'),
    ("  - id: M12\n    nivå: delmål\n    innsatsområde: IO4\n"
     "    mål: 100 ungdommer og studenter har hatt sommerjobb i lokale bedrifter\n"
     "    indikator: Antall sommerjobber formidlet gjennom programmet\n"
     '    utgangsverdi: "0"\n    målverdi: "100"\n    frist: "31.12.2029"\n', ""),
    ("{år: 2027, post: Havbruk og sjømat, innsatsområde: IO2, beløp: 900000}",
     "{år: 2027, post: Havbruk og sjømat, innsatsområde: IO2, beløp: 800000}"),
    ('{år: 2027, post: "Kompetanse, rekruttering og bolyst", innsatsområde: IO4, beløp: 600000}',
     '{år: 2027, post: "Kompetanse, rekruttering og bolyst", innsatsområde: IO4, beløp: 700000}'),
    ("  - {år: 2029, post: Sluttevaluering og videreføring, beløp: 200000, merknad: Ekstern "
     "sluttevaluering og prosjekt for videreføring}\n", ""),
    ("{år: 2029, kilde: Nordland fylkeskommune, kildetype: fylkeskommune, beløp: 2400000,",
     "{år: 2029, kilde: Nordland fylkeskommune, kildetype: fylkeskommune, beløp: 2250000,"),
    ("{år: 2029, kilde: Fjordvik kommune, kildetype: kommune, beløp: 800000,",
     "{år: 2029, kilde: Fjordvik kommune, kildetype: kommune, beløp: 750000,"),
    ('  versjon: "2.0"\n  status: vedtatt\n  dato: "20.01.2025"\n'
     '  behandlet_styringsgruppen: "27.01.2025"\n  vedtatt_kommunestyret: "13.02.2025"\n',
     '  versjon: "1.0"\n  status: vedtatt\n  dato: "15.01.2024"\n'
     '  behandlet_styringsgruppen: "22.01.2024"\n  vedtatt_kommunestyret: "15.02.2024"\n'),
]


#: Sandbakken's programplan 2.0 (til behandling, January 2026) taken back to the adopted 1.0:
#: (text in program.yaml now, text in version 1.0). The 2.0 revision adds the 2027 frame and
#: a youth contact in the programme office.
SANDBAKKEN_1_0 = [
    ('  versjon: "2.0"\n  status: til behandling\n  dato: "20.01.2026"\n'
     '  behandlet_styringsgruppen: "28.01.2026"\n',
     '  versjon: "1.0"\n  status: vedtatt\n  dato: "02.12.2024"\n'
     '  behandlet_styringsgruppen: "09.12.2024"\n  vedtatt_kommunestyret: "18.12.2024"\n'),
    ("  - {gruppe: Administrasjon, rolle: Ungdomskontakt, navn: Sara Nguyen, "
     "representerer: Programkontoret}\n", ""),
    ("  - {år: 2027, post: Programledelse og programkontor, beløp: 1400000}\n"
     "  - {år: 2027, post: Møteplasser og bomiljø, innsatsområde: IO1, beløp: 700000}\n"
     "  - {år: 2027, post: Barn og unge, innsatsområde: IO2, beløp: 500000}\n"
     "  - {år: 2027, post: Aktivitet og helse, innsatsområde: IO3, beløp: 400000}\n", ""),
    ("  - {år: 2027, kilde: Husbanken (tilskudd til områdesatsing), kildetype: stat, "
     "beløp: 1500000}\n"
     "  - {år: 2027, kilde: Elvestad kommune, kildetype: kommune, beløp: 1500000}\n", ""),
    ('  - {dokument: programplan, versjon: "2.0", dato: "20.01.2026", status: til behandling, '
     'behandlet_styringsgruppen: "28.01.2026", data_per: "16.01.2026", endringer: "Rullert '
     'etter første år: rammer for 2027, ny ungdomskontakt i programkontoret"}\n', ""),
]


def run(*args: str) -> None:
    subprocess.run([*PLANDOC, *args], check=True, cwd=ROOT)


def fjordvik_1_0() -> None:
    """Adopt omstillingsplan 1.0 from the workbook as it was in February 2024."""
    text = (ROOT / "inputs/fjordvik/program.yaml").read_text(encoding="utf-8")
    for now, then in FJORDVIK_1_0:
        assert now in text, now
        text = text.replace(now, then)
    # Then, the register had the first plan and the first (2024) handlingsplan only, and no
    # results were reported yet.
    head, _, _ = text.partition("resultater:\n")
    text = head + (
        "resultater: []\n"
        "utgaver:\n"
        "  - dokument: omstillingsplan\n    versjon: \"1.0\"\n    dato: \"15.01.2024\"\n"
        "    status: vedtatt\n    behandlet_styringsgruppen: \"22.01.2024\"\n"
        "    vedtatt_kommunestyret: \"15.02.2024\"\n    endringer: Første omstillingsplan\n"
        "  - dokument: handlingsplan\n    år: 2025\n    versjon: \"0.1\"\n"
        "    dato: \"15.01.2024\"\n    status: utkast\n"
        "  - dokument: handlingsplan\n    år: 2026\n    versjon: \"0.1\"\n"
        "    dato: \"15.01.2024\"\n    status: utkast\n")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "fjordvik"
        work.mkdir()
        (work / "program.yaml").write_text(text, encoding="utf-8")
        run("adopt", str(work / "program.yaml"), "omstillingsplan")
        target = ROOT / "inputs/fjordvik/vedtatt/omstillingsplan-1.0"
        shutil.rmtree(target, ignore_errors=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(work / "vedtatt/omstillingsplan-1.0", target)
        # The header names the file it was made from; here that was program.yaml as of 2024.


def sandbakken_1_0() -> None:
    """Adopt programplan 1.0 from the workbook as it was before the 2.0 revision."""
    text = (ROOT / "inputs/sandbakken/program.yaml").read_text(encoding="utf-8")
    for now, then in SANDBAKKEN_1_0:
        assert text.count(now) == 1, now
        text = text.replace(now, then)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "sandbakken"
        work.mkdir()
        (work / "program.yaml").write_text(text, encoding="utf-8")
        shutil.copytree(ROOT / "inputs/sandbakken/prosjekter", work / "prosjekter")
        run("adopt", str(work / "program.yaml"), "programplan")
        target = ROOT / "inputs/sandbakken/vedtatt/programplan-1.0"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(work / "vedtatt/programplan-1.0", target)


def main() -> None:
    fjordvik_1_0()
    sandbakken_1_0()
    for workbook, documents in ADOPTED:
        for document in documents:
            run("adopt", f"inputs/{workbook}", document)


if __name__ == "__main__":
    main()
