"""A small bauta project on disk for tests: three municipalities, forms filled by script."""

from __future__ import annotations

import atexit
import datetime as dt
import shutil
import tempfile
from pathlib import Path
from typing import Any

import openpyxl
from PIL import Image, ImageDraw

from bauta.fill import fill_form
from plandoc.bauta.forms import build_form
from plandoc.bauta.model import Municipality, Settings
from plandoc.bauta.schema import EDITORIAL, EDITORIAL_FILE, write_editorial_workbook

SETTINGS = """\
tittel: Små steg, store spor
undertittel: Erfaringer fra tre pilotkommuner
utgiver: Sekretariatet for pilotkommunesatsingen
utgitt: desember 2025
år: 2025
redaksjon:
  - navn: Kari Redaktør
    organisasjon: Sekretariatet
kontakt: redaksjonen@example.no
nettadresse: https://bauta.example.no
bakside: Tre kommuner viser vei.
frister:
  profil: 2025-09-22
  eksempel: 2025-09-08
kommuner:
  - navn: Askvik
    nummer: "9901"
    fylke: Nordland
  - navn: Bjørkedal
    nummer: "9902"
    fylke: Vestland
  - navn: Dalsøy
    nummer: "9903"
    fylke: Troms
henvisninger:
  - tekst: Veileder for lokal samfunnsutvikling
    lenke: https://example.no/veileder
"""

TEXTS = {
    "forord": "# Forord\n\nDette er forordet. Det handler om **lokal kraft**.\n",
    "innledning": "Innledningen forklarer boka.\n",
    "nasjonal-del": "Den nasjonale delen.\n\n## Bakgrunn for satsingen\n\nTekst om bakgrunn.\n",
    "felles-erfaringer": "Felles erfaringer.\n\n## Hvordan komme i gang\n\n- Start smått\n",
    "kommuneprofiler": "Her presenteres kommunene.\n",
    "eksempler": "Eksemplene er skrevet som oppskrifter.\n",
}

PARAGRAPH = ("Kommunen har arbeidet målrettet med stedsutvikling i flere år, og innbyggerne "
             "har vært med fra start. ")


def picture(path: Path, colour: str, width: int = 1200, height: int = 800) -> Path:
    img = Image.new("RGB", (width, height), colour)
    draw = ImageDraw.Draw(img)
    draw.polygon([(0, height), (width // 3, height // 3), (width // 2, height)], fill="white")
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path, "PNG")
    return path


def profile_content(name: str, pictures: list[str]) -> dict[str, Any]:
    return {
        "fakta": {"innbyggere": "4 512", "areal": "612", "senter": f"{name}vågen",
                  "pilot_siden": "2022", "nettside": f"https://{name.lower()}.example.no"},
        "kort_om": f"{name} er en kystkommune. " + PARAGRAPH,
        "spesielt": f"Det spesielle med {name} er dugnadsånden. " + PARAGRAPH * 3,
        "fatt_til": "- Nytt torg\n- Ny møteplass for ungdom\n- **Flere** tilflyttere",
        "kontakt": {"navn": "Ola Nordmann", "stilling": "Rådgiver",
                    "epost": f"ola@{name.lower()}.example.no", "telefon": "12 34 56 78"},
        "bilder": [{"fil": p, "bildetekst": f"Utsikt over {name}", "kreditering": "Ola Foto",
                    "alt": f"Fjell og fjord i {name}"} for p in pictures],
    }


def example_content(title: str, municipality: str, pictures: list[str],
                    paragraphs: int = 3) -> dict[str, Any]:
    body = "\n\n".join([PARAGRAPH * 4] * paragraphs)
    return {
        "om": {"tittel": title, "tema": "Stedsutvikling", "periode": "2022–2025"},
        "sammendrag": f"{municipality} gjorde noe lurt med {title.lower()}.",
        "bakgrunn": body, "arbeidsmate": body, "resultater": body,
        "gode": "- Bred medvirkning\n- Tydelig eierskap",
        "snubletrader": "Vi startet for sent med å involvere næringslivet. " + PARAGRAPH,
        "videre": PARAGRAPH, "rad": "- Start smått\n- Involver tidlig\n- Feir resultater",
        "lenker": [f"Rapport om {title}: https://example.no/{municipality.lower()}/rapport"],
        "kontakt": {"navn": "Kari Nordmann", "stilling": "Prosjektleder",
                    "epost": "kari@example.no"},
        "bilder": [{"fil": p, "bildetekst": "Arbeid i gang", "kreditering": "Kari Foto",
                    "alt": "Folk som arbeider sammen"} for p in pictures],
    }


#: (kommune, type, tittel, frist, mottatt, status, rekkefølge, fil, merknad)
ROWS: list[tuple[Any, ...]] = [
    ("Askvik", "profil", None, None, dt.date(2025, 9, 20), "valgt", 2, "askvik/profil.docx",
     None),
    ("Bjørkedal", "profil", None, None, dt.date(2025, 9, 30), "valgt", 1,
     "bjorkedal/profil.docx", "Kom en uke for sent"),
    ("Dalsøy", "profil", None, None, None, "mangler", None, "dalsoy/profil.docx", None),
    ("Askvik", "eksempel", "Torget vi bygde sammen", None, dt.date(2025, 9, 1), "valgt", 2,
     "askvik/eksempel.docx", None),
    ("Bjørkedal", "eksempel", "Ungdommens hus", None, dt.date(2025, 9, 5), "valgt", 1,
     "bjorkedal/eksempel.docx", "For langt, må kortes"),
    ("Dalsøy", "eksempel", "Hemmelig avvist prosjekt", None, dt.date(2025, 9, 7), "avvist",
     None, "dalsoy/eksempel.docx", None),
]


def settings_of(root: Path) -> Settings:
    from plandoc.bauta.settings import read_settings
    from plandoc.core.diagnostics import Diagnostics

    settings = read_settings(root / "bauta.yaml", Diagnostics())
    assert settings is not None
    return settings


_CACHE: dict[tuple[int, str], Path] = {}


def make_project(root: Path, long_example_paragraphs: int = 40,
                 rows: list[tuple[Any, ...]] | None = None) -> Path:
    """Write a complete small project under `root` and return it (a copy of one made once
    per process and per arguments: making the forms takes seconds)."""
    key = (long_example_paragraphs, repr(rows))
    cached = _CACHE.get(key)
    if cached is None or not cached.is_dir():
        folder = Path(tempfile.mkdtemp(prefix="bauta-factory-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        cached = folder / "prosjekt"
        _make_project(cached, long_example_paragraphs, rows)
        _CACHE[key] = cached
    shutil.copytree(cached, root, dirs_exist_ok=True)
    return root


def _make_project(root: Path, long_example_paragraphs: int,
                  rows: list[tuple[Any, ...]] | None) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "bauta.yaml").write_text(SETTINGS, encoding="utf-8")
    texts = root / "redaksjon"
    texts.mkdir(exist_ok=True)
    for key, text in TEXTS.items():
        (texts / f"{key}.md").write_text(text, encoding="utf-8")
    settings = settings_of(root)
    write_editorial_workbook(root / EDITORIAL_FILE, settings)
    wb = openpyxl.load_workbook(root / EDITORIAL_FILE)
    ws = wb[EDITORIAL.name]
    ws.delete_rows(2, ws.max_row)
    keys = ["kommune", "type", "tittel", "frist", "mottatt", "status", "rekkefølge", "fil",
            "merknad"]
    columns = {c.key: i for i, c in enumerate(EDITORIAL.columns, start=1)}
    for r, row in enumerate(rows if rows is not None else ROWS, start=2):
        for key, value in zip(keys, row, strict=True):
            ws.cell(row=r, column=columns[key], value=value)
    wb.save(root / EDITORIAL_FILE)

    sent = root / "innsendt"
    colours = {"askvik": "#2f7187", "bjorkedal": "#6a994e", "dalsoy": "#bc6c25"}
    for m in settings.municipalities:
        folder = sent / m.slug
        pics = [picture(folder / f"bilde{i}.png", colours[m.slug]).name for i in (1, 2)]
        form = fill_form(build_form("profil", m, settings), "profil",
                         profile_content(m.name, pics), folder)
        if m.slug != "dalsoy":
            (folder / "profil.docx").write_bytes(form)
    examples = {"askvik": ("Torget vi bygde sammen", 3),
                "bjorkedal": ("Ungdommens hus", long_example_paragraphs),
                "dalsoy": ("Hemmelig avvist prosjekt", 2)}
    for m in settings.municipalities:
        title, paragraphs = examples[m.slug]
        folder = sent / m.slug
        content = example_content(title, m.name, ["bilde1.png", "bilde2.png"], paragraphs)
        (folder / "eksempel.docx").write_bytes(
            fill_form(build_form("eksempel", m, settings), "eksempel", content, folder))
    return root


def municipality(name: str = "Askvik") -> Municipality:
    return Municipality(name, name.lower(), "9901", "Nordland")
