"""Load a bauta project folder: bauta.yaml, the editorial sheet, texts and submitted forms."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Literal

from PIL import Image as PILImage

from plandoc.bauta import urls
from plandoc.bauta.editorial import RECEIVED, read_editorial
from plandoc.bauta.model import (
    Contact,
    EditorialText,
    Example,
    Municipality,
    Picture,
    Profile,
    Project,
    Section,
    Submission,
)
from plandoc.bauta.schema import (
    EDITORIAL_FILE,
    PROFILE_FACTS,
    SETTINGS_FILE,
    SUBMISSIONS_DIR,
    TEXT_KEYS,
    TEXTS_DIR,
)
from plandoc.bauta.settings import read_settings
from plandoc.bauta.submission import FormContent, RawPicture, read_form
from plandoc.core.diagnostics import Diagnostics, SourceRef
from plandoc.core.paths import inside, slugify

#: Picture formats both the PDF (Typst) and the Word writer can embed.
PICTURE_FORMATS = {"PNG": ".png", "JPEG": ".jpg", "GIF": ".gif"}
#: Narrower pictures print blurred at full text width.
MIN_PICTURE_WIDTH = 1000
SUMMARY_WORDS = 80


def is_project(folder: Path) -> bool:
    """True for a folder that is a bauta project (it holds bauta.yaml)."""
    return (folder / SETTINGS_FILE).is_file()


# ---------------------------------------------------------------- editorial texts

_SECTION = re.compile(r"^##\s+(.+?)\s*#*\s*$")
_TITLE = re.compile(r"^#\s+")


def read_text(path: Path, display: str) -> EditorialText:
    """An editorial Markdown text: an optional `# title` line is dropped, `## ` starts a
    section; the text before the first section is the lead."""
    lines = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n").split("\n")
    if lines and _TITLE.match(lines[0]):
        lines = lines[1:]
    text = EditorialText(source=SourceRef(display))
    current: list[str] = []
    title: str | None = None
    for line in lines:
        match = _SECTION.match(line)
        if match:
            if title is None:
                text.lead = "\n".join(current).strip()
            else:
                text.sections.append(Section(title, "\n".join(current).strip()))
            title, current = match.group(1), []
        else:
            current.append(line)
    if title is None:
        text.lead = "\n".join(current).strip()
    else:
        text.sections.append(Section(title, "\n".join(current).strip()))
    return text


def read_texts(root: Path, diags: Diagnostics) -> dict[str, EditorialText]:
    texts: dict[str, EditorialText] = {}
    for key in TEXT_KEYS:
        path = root / TEXTS_DIR / f"{key}.md"
        display = f"{root.name}/{TEXTS_DIR}/{key}.md"
        if not path.is_file():
            diags.warning(f"teksten mangler; lag {TEXTS_DIR}/{key}.md (Markdown)",
                          "bauta.tekst.mangler", SourceRef(display))
            continue
        try:
            texts[key] = read_text(path, display)
        except (OSError, UnicodeDecodeError) as exc:
            diags.error(f"filen kan ikke leses ({exc})", "bauta.tekst.lesing",
                        SourceRef(display))
    return texts


# ---------------------------------------------------------------- pictures


def _inspect(data: bytes, ref: SourceRef, diags: Diagnostics, what: str) -> str | None:
    """The file suffix for a picture's bytes when they are a usable picture, else None."""
    try:
        with PILImage.open(io.BytesIO(data)) as img:
            fmt = img.format or ""
            width = img.width
            img.verify()
    except PILImage.DecompressionBombError:
        diags.error(f"{what} er urimelig stort (for mange piksler)", "bauta.bilde.for-stort",
                    ref)
        return None
    except Exception:  # Pillow raises many kinds on files that are not pictures
        diags.error(f"{what} er ikke et bilde Pillow kan lese (skadet eller ukjent format)",
                    "bauta.bilde.ugyldig", ref)
        return None
    if fmt not in PICTURE_FORMATS:
        diags.error(f"{what} er i formatet {fmt or 'ukjent'}; bruk JPEG eller PNG",
                    "bauta.bilde.format", ref)
        return None
    if width < MIN_PICTURE_WIDTH:
        diags.warning(f"{what} er bare {width} piksler bredt og kan bli uskarpt på trykk "
                      f"(bruk minst {MIN_PICTURE_WIDTH})", "bauta.bilde.oppløsning", ref)
    return PICTURE_FORMATS[fmt]


def check_picture_file(path_text: str, base_dir: Path, ref: SourceRef,
                       diags: Diagnostics) -> Path | None:
    """A picture named in a form: inside the submission's folder, a real JPEG/PNG/GIF (the
    shared image check, plus no WebP: the Word edition cannot embed it)."""
    from plandoc.readers.images import check_image

    path = check_image(path_text, base_dir, ref, diags)
    if path is not None and path.suffix.lower() not in {".png", ".jpg", ".jpeg", ".gif"}:
        diags.error(f"bildet «{path_text}» må være JPEG eller PNG for å komme med i "
                    "Word-utgaven", "bilde.format", ref)
        return None
    return path


def _picture(raw: RawPicture, base_dir: Path, media_dir: Path, stem: str,
             diags: Diagnostics) -> Picture | None:
    alt = raw.alt or raw.descr
    path: Path | None = None
    if raw.blob is not None:
        suffix = _inspect(raw.blob, raw.ref, diags, "bildet")
        if suffix is not None:
            path = media_dir / f"{stem}-{raw.number}{suffix}"
            media_dir.mkdir(parents=True, exist_ok=True)
            if not path.is_file() or path.read_bytes() != raw.blob:
                path.write_bytes(raw.blob)
    else:
        path = check_picture_file(raw.file_name, base_dir, raw.ref, diags)
    if not alt.strip():
        diags.error("bildet mangler alternativ tekst; beskriv hva bildet viser i raden "
                    "«Alternativ tekst»", "bauta.bilde.alt", raw.ref)
        return None
    if not raw.credit:
        diags.warning("bildet mangler kreditering (hvem som har tatt det)",
                      "bauta.bilde.kreditering", raw.ref)
    if path is None:
        return None
    return Picture(path=path, alt=alt.strip(), caption=raw.caption, credit=raw.credit,
                   ref=raw.ref)


# ---------------------------------------------------------------- submissions


def _contact(form: FormContent) -> Contact:
    return Contact(name=form.value("kontakt", "navn"), role=form.value("kontakt", "stilling"),
                   email=form.value("kontakt", "epost"), phone=form.value("kontakt", "telefon"))


def _profile(form: FormContent, m: Municipality, pictures: list[Picture],
             diags: Diagnostics) -> Profile:
    facts: list[tuple[str, str]] = []
    fallback = {"kommunenummer": m.number, "fylke": m.county}
    for row in PROFILE_FACTS:
        if row.key == "kommune":
            given = form.value("fakta", "kommune")
            if given and slugify(given) != m.slug:
                diags.warning(f"skjemaet gjelder «{given}», men arket sier {m.name}",
                              "bauta.kommune.motstrid",
                              form.table_refs.get("fakta", {}).get("kommune"))
            continue
        facts.append((row.label, form.value("fakta", row.key) or fallback.get(row.key, "")))
    return Profile(municipality=m, facts=facts, intro=form.rich.get("kort_om", ""),
                   special=form.rich.get("spesielt", ""),
                   achievements=form.rich.get("fatt_til", ""), contact=_contact(form),
                   pictures=pictures, source=form.file)


def _example(form: FormContent, s: Submission, m: Municipality, pictures: list[Picture],
             diags: Diagnostics) -> Example | None:
    title = s.title or form.value("om", "tittel")
    if not title:
        diags.error("eksempelet har ingen tittel, verken i arket eller i skjemaet",
                    "bauta.tittel.mangler", form.refs.get("om", SourceRef(form.file)))
        return None
    summary = form.rich.get("sammendrag", "")
    words = len(summary.split())
    if words > SUMMARY_WORDS + 20:
        diags.warning(f"sammendraget har {words} ord (høyst {SUMMARY_WORDS}); kortversjonen "
                      "kan sprenge siden", "bauta.sammendrag.langt",
                      form.refs.get("sammendrag"))
    return Example(
        municipality=m, title=title, slug=s.slug or slugify(title),
        theme=form.value("om", "tema"), period=form.value("om", "periode"),
        summary=summary, background=form.rich.get("bakgrunn", ""),
        method=form.rich.get("arbeidsmate", ""), results=form.rich.get("resultater", ""),
        good=form.rich.get("gode", ""), pitfalls=form.rich.get("snubletrader", ""),
        ahead=form.rich.get("videre", ""), advice=form.rich.get("rad", ""),
        references=form.references, contact=_contact(form), pictures=pictures,
        source=form.file,
    )


Scope = Literal["selected", "received"]


def load_project(root: Path, media_dir: Path, scope: Scope = "selected"
                 ) -> tuple[Project | None, Diagnostics]:
    """Read and check a project folder. Forms are read for the rows with status valgt
    (`scope="selected"`, for building) or for every received row (`"received"`, for status).

    Pictures embedded in forms are written to `media_dir`. Nothing raises for bad input;
    the project is None only when bauta.yaml or the editorial sheet cannot be used.
    """
    diags = Diagnostics()
    prefix = root.name
    settings = read_settings(root / SETTINGS_FILE, diags, f"{prefix}/{SETTINGS_FILE}")
    if settings is None:
        return None, diags
    sheet = root / EDITORIAL_FILE
    if not sheet.is_file():
        diags.error(f"redaksjonsarket {EDITORIAL_FILE} mangler; lag det med "
                    "«plandoc bauta maler»", "bauta.ark.mangler",
                    SourceRef(f"{prefix}/{EDITORIAL_FILE}"))
        return None, diags
    submissions = read_editorial(sheet, settings, diags, f"{prefix}/{EDITORIAL_FILE}")
    project = Project(root=root, settings=settings, submissions=submissions,
                      texts=read_texts(root, diags))
    folder = root / SUBMISSIONS_DIR
    wanted = [s for s in submissions
              if (s.selected if scope == "selected" else s.status in RECEIVED) and s.file]
    for s in wanted:
        _load_submission(project, s, folder, media_dir, diags, prefix)
    slugs: dict[str, Submission] = {}
    for s in submissions:
        if s.kind == "eksempel" and s.slug:
            if s.slug in slugs and s.selected and slugs[s.slug].selected:
                diags.error(f"to valgte eksempler får samme nettadresse "
                            f"{urls.example_url(s.slug)}; gi ett av dem et eget lenkenavn",
                            "bauta.lenkenavn.dobbel", s.ref)
            slugs.setdefault(s.slug, s)
    return project, diags


def _load_submission(project: Project, s: Submission, folder: Path, media_dir: Path,
                     diags: Diagnostics, prefix: str) -> None:
    path = folder / s.file
    display = f"{prefix}/{SUBMISSIONS_DIR}/{s.file}"
    m = project.settings.municipality(s.municipality)
    assert m is not None  # the sheet reader drops rows of unknown municipalities
    if not inside(path, folder) or not path.is_file():
        report = diags.error if s.selected else diags.warning
        report(f"fant ikke filen {display} for {s.kind}en fra {s.municipality} (status "
               f"«{s.status}»)", "bauta.fil.mangler", s.ref)
        return
    form = read_form(path, s.kind, diags, display)
    if form is None:
        return
    stem = urls.picture_stem(s.kind, m.slug if s.kind == "profil" else s.slug or m.slug)
    pictures = [p for p in (_picture(raw, path.parent, media_dir, stem, diags)
                            for raw in form.pictures) if p is not None]
    if s.kind == "profil":
        project.profiles[m.slug] = _profile(form, m, pictures, diags)
        return
    example = _example(form, s, m, pictures, diags)
    if example is not None:
        if not s.slug:
            s.slug = example.slug
        project.examples[example.slug] = example
