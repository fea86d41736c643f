"""A deterministic national corpus: a programme workbook and five project workbooks per
(fictional) municipality.

    python -m bench.corpus OUT [--scale 1.0] [--seed 2024]

Scale 1 gives 357 programmes, as many as Norway has municipalities. Each is the Fjordvik
example programme in inputs/ renamed to its own municipality, with its own amounts per year
and a few paragraphs more or less, so that no two programmes give the same documents: an
omstillingsplan of 10–13 pages, handlingsplaner for two years, an årsrapport, a
porteføljeoversikt and the prosjektplan of each of five PLP projects (Fjordvik's first five,
renamed; without their status reports, so each project gives one document). One programme in
eight is in nynorsk (its fixed labels; the text stays the example's). Names and numbers are
made up (plausible, county by county), not real ones.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BASE = ROOT / "inputs" / "fjordvik" / "program.yaml"
BASE_NAME, BASE_COUNTY = "Fjordvik", "Nordland"
MUNICIPALITIES = 357
PROJECTS = 5
STAMP = ".corpus.json"

#: County numbers and names as used since 2024.
COUNTIES = [
    ("03", "Oslo"), ("11", "Rogaland"), ("15", "Møre og Romsdal"), ("18", "Nordland"),
    ("31", "Østfold"), ("32", "Akershus"), ("33", "Buskerud"), ("34", "Innlandet"),
    ("39", "Vestfold"), ("40", "Telemark"), ("42", "Agder"), ("46", "Vestland"),
    ("50", "Trøndelag"), ("55", "Troms"), ("56", "Finnmark"),
]
_ROOTS = (
    "Aur", "Bjør", "Brei", "Dyr", "Eid", "Fol", "Gjer", "Hav", "Hol", "Kvit", "Lyng", "Mjøs",
    "Rau", "Sand", "Skog", "Stein", "Sol", "Straum", "Tind", "Ulv", "Vin", "Bakk", "Lun",
    "Rog", "Fager", "Grøn", "Kal", "Myr", "Ørn", "Tor", "Al", "Lind", "Mel", "Ask",
)
_ENDINGS = (
    "vik", "dal", "berg", "nes", "øy", "strand", "vang", "heim", "sund", "land", "haug",
    "bygd", "elva", "mo", "rud", "stad", "voll", "fjord", "ås", "bø",
)
_PREFIXES = ("", "", "", "", "Nord-", "Sør-", "Indre ", "Ytre ", "Øvre ", "Nedre ")

#: Extra background paragraphs, drawn from to vary the length of each omstillingsplan.
_SENTENCES = (
    "Kommunen har de siste ti årene mistet arbeidsplasser i både privat og offentlig sektor.",
    "Befolkningen er eldre enn landsgjennomsnittet, og færre unge flytter tilbake etter "
    "utdanning.",
    "Næringslivet består i hovedsak av små bedrifter med færre enn ti ansatte.",
    "Flere bedrifter melder om mangel på fagarbeidere og egnede boliger for nye ansatte.",
    "Kommunen har ledige næringsarealer og god tilgang på fornybar kraft.",
    "Reiselivet har hatt vekst, men sesongen er kort og omsetningen per besøkende lav.",
    "Samarbeidet med nabokommunene om næringsutvikling er styrket gjennom et felles fond.",
    "Fylkeskommunen har bidratt med kompetanse og midler til forstudier.",
    "Det er behov for å styrke kapitaltilgangen for gründere og vekstbedrifter.",
    "Frivilligheten er sterk, og lag og foreninger er viktige for bolysten.",
    "Digital infrastruktur er bygget ut i hele kommunen, også i grendene.",
    "Programmet skal prioritere tiltak som gir varige arbeidsplasser.",
)
# Never below 1: each project's budget must stay within its tiltak's.
_FACTORS = ("1", "1.05", "1.1", "1.2", "1.25", "1.4", "1.5", "1.75", "2")


def municipality_names(count: int, seed: int) -> list[tuple[str, str, str]]:
    """`count` distinct fictional (name, number, county), spread over the counties."""
    rng = random.Random(seed)
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < count:
        base = rng.choice(_ROOTS) + rng.choice(_ENDINGS)
        name = rng.choice(_PREFIXES) + base
        if base in seen or name in seen:
            continue
        seen.update({base, name})
        names.append(name)
    out = []
    for i, name in enumerate(names):
        code, county = COUNTIES[i % len(COUNTIES)]
        out.append((name, f"{code}{i // len(COUNTIES) + 1:02d}", county))
    return out


def _replace(value: Any, swap: Callable[[str], str]) -> Any:
    # Every text of the example: "Fjordvik" becomes the municipality's name.
    if isinstance(value, str):
        return swap(value)
    if isinstance(value, list):
        return [_replace(v, swap) for v in value]
    if isinstance(value, dict):
        return {k: _replace(v, swap) for k, v in value.items()}
    return value


def _ascii(name: str) -> str:
    from plandoc.core.paths import slugify

    return slugify(name)


def _swapper(name: str, county: str) -> Callable[[str], str]:
    short = name.split()[-1] if " " in name else name

    def swap(text: str) -> str:
        return (text.replace(BASE_NAME, name).replace(BASE_NAME.lower(), _ascii(short))
                .replace(BASE_COUNTY, county))

    return swap


def vary(base: Any, name: str, number: str, county: str, language: str,
         rng: random.Random) -> Any:
    """One municipality's programme made from the base programme."""
    from plandoc.model.programme import Programme

    data = base.model_dump(exclude={"projects"} if "projects" in Programme.model_fields else None)
    data = _replace(data, _swapper(name, county))
    info = data["info"]
    info["municipality"] = f"{name} kommune"
    info["municipality_number"] = number
    info["county"] = county
    info["language"] = language
    extra = rng.randint(0, 4)
    paragraphs = [
        " ".join(rng.sample(_SENTENCES, rng.randint(3, 5))) for _ in range(extra)
    ]
    if paragraphs:
        info["background"] = (info.get("background") or "").rstrip() + "\n\n" + "\n\n".join(
            paragraphs)
    # The same factor for every amount of a year keeps each year's sums consistent.
    factors = {y: Decimal(rng.choice(_FACTORS)) for y in range(info["start_year"],
                                                               info["end_year"] + 1)}
    for measure in data["measures"]:
        f = factors.get(measure["year"], Decimal(1))
        for key in ("budget", "programme_funding", "other_funding"):
            if measure.get(key) is not None:
                measure[key] = (measure[key] * f).quantize(Decimal(1))
    for line in data["budget"] + data["funding"]:
        line["amount"] = (line["amount"] * factors.get(line["year"], Decimal(1))).quantize(
            Decimal(1))
    return Programme.model_validate(data)


def vary_projects(base: Any, name: str, county: str) -> list[Any]:
    """The base programme's first five projects, renamed, without status reports."""
    from plandoc.model.project import Project

    projects = []
    for project in list(getattr(base, "projects", []))[:PROJECTS]:
        data = _replace(project.model_dump(), _swapper(name, county))
        data["reports"], data["milestone_status"] = [], []
        data["info"]["ended"] = None
        projects.append(Project.model_validate(data))
    return projects


def write_projects(programme_path: Path, projects: list[Any]) -> list[Path]:
    """Each project as a workbook in `prosjekter/` beside the programme."""
    from plandoc.schema.project import PROJECT_SHEETS
    from plandoc.workbook.export import write_xlsx

    folder = programme_path.parent / "prosjekter"
    folder.mkdir(exist_ok=True)
    written = []
    for project in projects:
        number = project.info.id.replace("/", "-")
        path = folder / f"{number}-{_ascii(project.info.name)[:40].strip('-')}.xlsx"
        write_xlsx(project, path, sheets=PROJECT_SHEETS)
        written.append(path)
    return written


def _fingerprint(scale: float, seed: int) -> str:
    parts: list[object] = [scale, seed, hashlib.sha256(Path(__file__).read_bytes()).hexdigest()]
    for path in [BASE, *sorted((BASE.parent / "prosjekter").glob("*"))]:
        parts.append([path.name, hashlib.sha256(path.read_bytes()).hexdigest()])
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


def count_for(scale: float) -> int:
    return max(1, round(MUNICIPALITIES * scale))


@cache
def _base() -> Any:
    from plandoc.load.inputs import load_file

    base, diags = load_file(BASE)
    if base is None or diags.has_errors:
        raise SystemExit(f"eksempelet {BASE} har feil; korpuset kan ikke lages")
    return base


def _one(work: tuple[Path, int, int, str, str, str]) -> Path:
    """Write one municipality's programme and projects; its own random numbers, so the
    corpus is the same however many processes write it."""
    from plandoc.workbook.export import write_xlsx

    out, seed, index, name, number, county = work
    rng = random.Random(f"{seed}-{index}")
    # One in eight programmes in nynorsk, as in the western counties.
    language = "nynorsk" if rng.random() < 0.125 else "bokmål"
    programme = vary(_base(), name, number, county, language, rng)
    folder = out / _ascii(name)
    path = folder / "program.xlsx"
    folder.mkdir(parents=True, exist_ok=True)
    write_xlsx(programme, path)
    write_projects(path, vary_projects(_base(), name, county))
    return path


def generate(out: Path, scale: float = 1.0, seed: int = 2024, reuse: bool = True,
             jobs: int = 1) -> list[Path]:
    """Write the corpus to `out` (one folder per municipality); the programme files, sorted.

    With `reuse`, a corpus already in `out` from the same scale, seed and generator is kept.
    """
    stamp = out / STAMP
    fingerprint = _fingerprint(scale, seed)
    if reuse and stamp.is_file():
        try:
            known = json.loads(stamp.read_text(encoding="utf-8"))
        except ValueError:
            known = {}
        if known.get("fingerprint") == fingerprint:
            return [out / p for p in known["programmes"]]
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)

    municipalities = municipality_names(count_for(scale), seed)
    work = [(out, seed, i, *m) for i, m in enumerate(municipalities)]
    if jobs > 1 and len(work) > 1:
        with ProcessPoolExecutor(jobs) as pool:
            written = list(pool.map(_one, work, chunksize=8))
    else:
        written = [_one(w) for w in work]
    stamp.write_text(json.dumps({
        "fingerprint": fingerprint, "scale": scale, "seed": seed,
        "programmes": [str(p.relative_to(out)) for p in written],
    }, ensure_ascii=False, indent=1), encoding="utf-8")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.corpus", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="folder to write the corpus to")
    parser.add_argument("--scale", type=float, default=1.0,
                        help="1.0 = 357 programmes; 0.1 = 36; 2 = 714")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    files = generate(args.out, args.scale, args.seed, reuse=False, jobs=args.jobs)
    print(f"wrote {len(files)} programmes to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
