"""Load a bauta project folder: bauta.yaml, the editorial sheet, texts and submitted forms."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import fields as dc_fields
from pathlib import Path
from typing import Any, Literal

from PIL import Image as PILImage
from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from plandoc.bauta.editorial import RECEIVED, read_editorial
from plandoc.bauta.model import (
    KINDS,
    Contact,
    Editor,
    EditorialText,
    Example,
    Municipality,
    PageBudget,
    Picture,
    Profile,
    Project,
    Reference,
    Section,
    Settings,
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
from plandoc.bauta.submission import FormContent, RawPicture, read_form
from plandoc.core.diagnostics import Diagnostics, SourceRef
from plandoc.core.paths import inside, slugify
from plandoc.readers.cells import CellError, suggest, to_date

MAX_SETTINGS_BYTES = 1024 * 1024
#: Picture formats both the PDF (Typst) and the Word writer can embed.
PICTURE_FORMATS = {"PNG": ".png", "JPEG": ".jpg", "GIF": ".gif"}
#: Narrower pictures print blurred at full text width.
MIN_PICTURE_WIDTH = 1000
SUMMARY_WORDS = 80

BUDGET_KEYS = {
    "omslag": "cover", "forord_innledning_innhold": "front", "nasjonal_del": "national",
    "felles_erfaringer": "shared", "per_profil": "per_profile",
    "profiler_intro": "profiles_intro", "per_eksempel": "per_example",
    "eksempler_intro": "examples_intro", "henvisninger": "references",
    "kortversjon_per_eksempel": "short_per_example",
}
SETTINGS_KEYS = ("tittel", "undertittel", "utgiver", "utgitt", "år", "redaksjon", "kontakt",
                 "nettadresse", "isbn", "bakside", "frister", "sidebudsjett", "kommuner",
                 "henvisninger")


def is_project(folder: Path) -> bool:
    """True for a folder that is a bauta project (it holds bauta.yaml)."""
    return (folder / SETTINGS_FILE).is_file()


# ---------------------------------------------------------------- bauta.yaml


class _Yaml:
    """Typed access to a ruamel round-trip mapping, with line numbers for diagnostics."""

    def __init__(self, file: str, diags: Diagnostics) -> None:
        self.file = file
        self.diags = diags

    def ref(self, node: Any, key: Any = None) -> SourceRef:
        try:
            line = node.lc.value(key)[0] if key is not None else node.lc.line
            return SourceRef(self.file, line=int(line) + 1)
        except (AttributeError, KeyError, TypeError, IndexError):
            return SourceRef(self.file)

    def text(self, node: Any, key: str, required: bool = False) -> str:
        value = node.get(key) if isinstance(node, dict) else None
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.diags.error(f"«{key}:» mangler eller er tom", "bauta.yaml.mangler",
                                 self.ref(node) if key not in (node or {}) else self.ref(
                                     node, key))
            return ""
        if isinstance(value, dict | list):
            self.diags.error(f"«{key}:» må være en tekst", "bauta.yaml.type",
                             self.ref(node, key))
            return ""
        return " ".join(str(value).split()) if key != "tekst" else str(value).strip()

    def mapping(self, node: Any, key: str) -> dict[str, Any]:
        value = node.get(key)
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.diags.error(f"«{key}:» må være en samling nøkler (nøkkel: verdi)",
                             "bauta.yaml.type", self.ref(node, key))
            return {}
        return value

    def sequence(self, node: Any, key: str) -> list[Any]:
        value = node.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.diags.error(f"«{key}:» må være en liste (linjer som begynner med «- »)",
                             "bauta.yaml.type", self.ref(node, key))
            return []
        return value

    def unknown(self, node: dict[str, Any], known: tuple[str, ...], where: str) -> None:
        for key in node:
            if str(key) not in known:
                hint = suggest(str(key), list(known))
                tail = f"; mente du «{hint}»?" if hint else ""
                self.diags.warning(f"nøkkelen «{key}» {where}er ukjent og blir ikke lest{tail}",
                                   "bauta.yaml.ukjent", self.ref(node, key))


def read_settings(path: Path, diags: Diagnostics, display: str | None = None
                  ) -> Settings | None:
    """bauta.yaml as Settings; None (with diagnostics) when it cannot be used."""
    name = display or str(path)
    where = SourceRef(name)
    try:
        if path.stat().st_size > MAX_SETTINGS_BYTES:
            diags.error("filen er for stor til å være innstillingene for en bauta",
                        "bauta.yaml.for-stor", where)
            return None
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        diags.error(f"filen kan ikke leses ({exc.strerror})", "bauta.yaml.lesing", where)
        return None
    except UnicodeDecodeError:
        diags.error("filen er ikke gyldig UTF-8; lagre den som UTF-8", "bauta.yaml.tegnsett",
                    where)
        return None
    yaml = YAML(typ="rt")
    try:
        data = yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        diags.error(f"YAML-feil: {exc.problem or exc.context}", "bauta.yaml.syntaks",
                    SourceRef(name, line=line))
        return None
    except (YAMLError, RecursionError) as exc:
        diags.error(f"YAML-feil: {exc}", "bauta.yaml.syntaks", where)
        return None
    if not isinstance(data, dict):
        diags.error("filen må være en samling nøkler (tittel:, kommuner:, …)",
                    "bauta.yaml.type", where)
        return None
    y = _Yaml(name, diags)
    y.unknown(data, SETTINGS_KEYS, "")
    settings = Settings(
        title=y.text(data, "tittel", required=True),
        subtitle=y.text(data, "undertittel"),
        publisher=y.text(data, "utgiver"),
        published=y.text(data, "utgitt"),
        contact=y.text(data, "kontakt"),
        base_url=y.text(data, "nettadresse").rstrip("/"),
        isbn=y.text(data, "isbn"),
        back_text=y.text(data, "bakside"),
        source=where,
    )
    year = data.get("år")
    if year is not None:
        if isinstance(year, int) and not isinstance(year, bool) and 1990 <= year <= 2100:
            settings.year = year
        else:
            diags.error(f"«år:» må være et årstall, fikk «{year}»", "bauta.yaml.type",
                        y.ref(data, "år"))
    for item in y.sequence(data, "redaksjon"):
        if isinstance(item, str):
            settings.editors.append(Editor(item.strip()))
        elif isinstance(item, dict):
            settings.editors.append(Editor(y.text(item, "navn", True),
                                           y.text(item, "organisasjon")))
    deadlines = y.mapping(data, "frister")
    y.unknown(deadlines, KINDS, "under «frister:» ")
    for kind in KINDS:
        if kind in deadlines:
            try:
                date = to_date(deadlines[kind])
            except CellError as exc:
                diags.error(f"fristen for {kind} {exc.message}", "bauta.yaml.dato",
                            y.ref(deadlines, kind))
                continue
            if date is not None:
                settings.deadlines[kind] = date
    settings.budget = _budget(y, y.mapping(data, "sidebudsjett"))
    seen: set[str] = set()
    for item in y.sequence(data, "kommuner"):
        if not isinstance(item, dict):
            diags.error("hver kommune må ha «navn:» (og gjerne «nummer:» og «fylke:»)",
                        "bauta.yaml.type", y.ref(data, "kommuner"))
            continue
        y.unknown(item, ("navn", "nummer", "fylke"), "under en kommune ")
        name_ = y.text(item, "navn", required=True)
        if not name_:
            continue
        slug = slugify(name_)
        if slug in seen:
            diags.error(f"kommunen «{name_}» står to ganger", "bauta.kommune.dobbel",
                        y.ref(item))
            continue
        seen.add(slug)
        settings.municipalities.append(Municipality(
            name=name_, slug=slug, number=y.text(item, "nummer"), county=y.text(item, "fylke")))
    if not settings.municipalities:
        diags.error("«kommuner:» må liste pilotkommunene", "bauta.yaml.mangler", where)
    for item in y.sequence(data, "henvisninger"):
        if isinstance(item, dict):
            settings.references.append(Reference(y.text(item, "tekst", True),
                                                 _safe_url(y.text(item, "lenke"))))
        elif isinstance(item, str):
            settings.references.append(Reference(item.strip()))
    return settings if settings.title else None


def _safe_url(url: str) -> str:
    return url if url.startswith(("http://", "https://")) else ""


def _budget(y: _Yaml, node: dict[str, Any]) -> PageBudget:
    y.unknown(node, tuple(BUDGET_KEYS), "under «sidebudsjett:» ")
    values: dict[str, int] = {}
    for key, attr in BUDGET_KEYS.items():
        if key not in node:
            continue
        value = node[key]
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 500:
            values[attr] = value
        else:
            y.diags.error(f"«{key}:» må være et helt antall sider, fikk «{value}»",
                          "bauta.yaml.type", y.ref(node, key))
    known = {f.name for f in dc_fields(PageBudget)}
    return PageBudget(**{k: v for k, v in values.items() if k in known})


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
                diags.error(f"to valgte eksempler får samme nettadresse /eksempler/{s.slug}/; "
                            "gi ett av dem et eget lenkenavn", "bauta.lenkenavn.dobbel", s.ref)
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
    stem = f"{s.kind}-{m.slug}" if s.kind == "profil" else f"eksempel-{s.slug or m.slug}"
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


def today() -> dt.date:
    """The date status is measured against (a function so tests and --dato can replace it)."""
    return dt.date.today()
