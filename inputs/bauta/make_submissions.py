"""Make the example bauta's submissions and editorial sheet from the text sources in kilder/.

Run: `.venv/bin/python inputs/bauta/make_submissions.py` (after make_pictures.py). For each
municipality it takes the Word form `plandoc bauta maler` makes, fills it in the way a
municipality would in Word (text under the headings, pictures pasted into the picture
tables) and saves it as innsendt/<kommune>/profil.docx or eksempel.docx. Two municipalities
sent their pictures as separate files and wrote the file names in the form instead. The
editorial sheet redaksjonsark.xlsx records what came in, when, and what the editors decided.

The output is committed, so the example is what a real editorial group would have on disk.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from plandoc.bauta.forms import build_form
from plandoc.bauta.schema import EDITORIAL, EDITORIAL_FILE, build_editorial_workbook
from plandoc.bauta.settings import read_settings
from plandoc.core.diagnostics import Diagnostics
from plandoc.workbook.template import save_workbook
from plandoc.core.files import atomic_write_bytes

HERE = Path(__file__).resolve().parent
# The form filler lives with the tests (plandoc itself never fills a form in).
sys.path.insert(0, str(HERE.parents[1] / "tests"))
from bauta.fill import fill_form  # noqa: E402

SOURCES = HERE / "kilder"
PICTURES = SOURCES / "bilder"
SENT = HERE / "innsendt"

D = dt.date
#: Profiles: received date (None = missing) and editor's note; all are chosen, in
#: alphabetical order. Lyngvær and Osdal came after the deadline (22 September).
PROFILES: dict[str, tuple[D | None, str]] = {
    "askvik": (D(2025, 9, 18), ""), "bjorkedal": (D(2025, 9, 22), ""),
    "dalsoy": (D(2025, 9, 19), "Bildene kom som egne filer."),
    "eikenes": (D(2025, 9, 15), ""), "fjordvik": (D(2025, 9, 12), ""),
    "granlia": (D(2025, 9, 22), ""), "hvitsand": (D(2025, 9, 21), ""),
    "jordal": (D(2025, 9, 17), ""), "kvitnes": (D(2025, 9, 20), ""),
    "lyngvaer": (D(2025, 9, 29), "Kom en uke etter fristen."),
    "myrvang": (D(2025, 9, 22), ""), "nordvag": (D(2025, 9, 16), ""),
    "osdal": (D(2025, 10, 3), "Kom etter purring. Bildene kom som egne filer."),
    "rismo": (D(2025, 9, 22), ""), "solnes": (D(2025, 9, 10), ""),
    "sunnvik": (D(2025, 9, 19), ""), "vestmo": (D(2025, 9, 22), ""),
}

#: Examples: (source file or None, municipality, title, received, status, priority, order,
#: note).
EXAMPLES: list[tuple[str | None, str, str, D | None, str, str, int | None, str]] = [
    ("askvik-torget", "askvik", "Torget vi bygde sammen", D(2025, 9, 5), "valgt", "høy", 1,
     ""),
    ("granlia-massivtre", "granlia", "Tre i sentrum: kommunen som byggherre",
     D(2025, 9, 8), "valgt", "høy", 2, ""),
    ("bjorkedal-ungdomshuset", "bjorkedal", "Ungdommens hus – fra nedlagt bank til møteplass",
     D(2025, 9, 1), "valgt", "høy", 3, ""),
    ("lyngvaer-kompetanse", "lyngvaer", "Kompetanseløftet på kaia", D(2025, 9, 8), "valgt",
     "middels", 4, ""),
    ("myrvang-grundere", "myrvang", "Ledige lokaler, nye gründere", D(2025, 9, 12), "valgt",
     "middels", 5, "Kom fire dager for sent, men er godt skrevet."),
    ("solnes-boliger", "solnes", "Boliger for unge i bygda", D(2025, 9, 7), "valgt",
     "middels", 6, ""),
    ("kvitnes-nordlysloypa", "kvitnes", "Nordlysløypa – naturopplevelser for alle",
     D(2025, 9, 4), "valgt", "høy", 7,
     "For langt. Kort ned forprosjektet og snubletrådene til seks sider."),
    ("dalsoy-ferjekai", "dalsoy", "Drømmen om ny ferjekai", D(2025, 9, 8), "avvist", "lav",
     None, "Beskriver et vedtak, ikke en arbeidsmåte andre kan bruke. Ikke med i boka."),
    ("hvitsand-grunderhage", "hvitsand", "En gründerhage for mat og landbruk",
     D(2025, 9, 15), "vurdert", "lav", None,
     "Tynt. Be kommunen om mer om arbeidsmåte og snubletråder før vi avgjør."),
    (None, "nordvag", "Frivilligsentralen som limet i bygda", None, "mangler", "middels",
     None, "Purret 15. september og 29. september."),
]


def load_yaml(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def picture_entries(pictures: list[dict[str, Any]], names: list[str], folder: Path,
                    as_files: bool) -> list[dict[str, Any]]:
    """The picture rows; as files the pictures are copied beside the form and named."""
    out = []
    for picture, name in zip(pictures, names, strict=False):
        entry = {k: v for k, v in picture.items() if k != "fil"}
        if as_files:
            target = folder / f"bilde-{len(out) + 1}-{name}"
            shutil.copyfile(PICTURES / name, target)
            entry["filnavn"] = target.name
        else:
            entry["fil"] = name
        out.append(entry)
    return out


def write_form(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, data)


def main() -> None:
    diags = Diagnostics()
    settings = read_settings(HERE / "bauta.yaml", diags)
    assert settings is not None and not diags.has_errors, list(diags)
    by_slug = {m.slug: m for m in settings.municipalities}
    if SENT.exists():
        shutil.rmtree(SENT)

    profiles = load_yaml(SOURCES / "profiler.yaml")
    for slug, source in profiles.items():
        m = by_slug[slug]
        folder = SENT / slug
        folder.mkdir(parents=True, exist_ok=True)
        names = [p["fil"] for p in source["bilder"]]
        content = {key: source[key] for key in ("kort_om", "spesielt", "fatt_til", "kontakt")}
        content["fakta"] = source["fakta"]
        content["bilder"] = picture_entries(source["bilder"], names, folder,
                                            bool(source.get("bildefil")))
        form = fill_form(build_form("profil", m, settings), "profil", content, PICTURES)
        write_form(folder / "profil.docx", form)

    for source_name, slug, *_ in EXAMPLES:
        if source_name is None:
            continue
        source = load_yaml(SOURCES / "eksempler" / f"{source_name}.yaml")
        m = by_slug[slug]
        folder = SENT / slug
        prefix = source["bildeprefiks"]
        names = [f"{prefix}-{n}.png" for n in range(1, len(source["bilder"]) + 1)]
        content = {k: v for k, v in source.items()
                   if k not in ("kommune", "bildeprefiks", "bilder")}
        as_files = bool(profiles[slug].get("bildefil"))
        content["bilder"] = picture_entries(source["bilder"], names, folder, as_files)
        form = fill_form(build_form("eksempel", m, settings), "eksempel", content, PICTURES)
        write_form(folder / "eksempel.docx", form)

    wb = build_editorial_workbook(settings)
    ws = wb[EDITORIAL.name]
    ws.delete_rows(2, ws.max_row)
    columns = {c.key: i for i, c in enumerate(EDITORIAL.columns, start=1)}
    rows: list[dict[str, Any]] = []
    for order, m in enumerate(settings.municipalities, start=1):
        received, note = PROFILES[m.slug]
        rows.append({"kommune": m.name, "type": "profil", "mottatt": received,
                     "status": "valgt" if received else "mangler", "rekkefølge": order,
                     "fil": f"{m.slug}/profil.docx", "merknad": note or None})
    for source_name, slug, title, received, status, priority, order, note in EXAMPLES:
        rows.append({"kommune": by_slug[slug].name, "type": "eksempel", "tittel": title,
                     "mottatt": received, "status": status, "prioritet": priority,
                     "rekkefølge": order,
                     "fil": f"{slug}/eksempel.docx" if source_name else None,
                     "merknad": note or None})
    for r, row in enumerate(rows, start=2):
        for key, column in columns.items():
            cell = ws.cell(row=r, column=column, value=row.get(key))
            if key in ("frist", "mottatt"):
                cell.number_format = "DD.MM.YYYY"
        ws.cell(row=r, column=columns["frist"], value=settings.deadlines[row["type"]])
    save_workbook(wb, HERE / EDITORIAL_FILE)
    print(f"{sum(1 for _ in SENT.rglob('*.docx'))} skjemaer i {SENT}, redaksjonsark i "
          f"{HERE / EDITORIAL_FILE}")


if __name__ == "__main__":
    main()
