"""The edition: views of the selected profiles and examples, in editorial order, and the one
render step the book, the short version and the web pages share (Jinja2 → document tree).

Not a programme builder: it is not in the builders registry.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from plandoc.bauta import urls
from plandoc.bauta.model import (
    Contact,
    EditorialText,
    Example,
    Picture,
    Profile,
    Project,
    Reference,
    Settings,
)
from plandoc.bauta.schema import PROFILE_FACTS, TEXT_KEYS
from plandoc.builders.common import Rendering, render_document
from plandoc.builders.markdown import MdSafe, parse_rich
from plandoc.document import Document, Heading, Image, Meta, Paragraph, plain_text, walk_blocks
from plandoc.i18n.bauta_labels import bauta_labels
from plandoc.i18n.labels import LANGUAGE_TAGS, meta_labels

# ---------------------------------------------------------------- views


@dataclass
class PictureView:
    """A picture as a template places it: the image name, alt text, caption with credit."""

    name: str
    alt: str
    caption: str


@dataclass
class ProfileView:
    name: str
    slug: str
    county: str
    inhabitants: str
    intro: str
    intro_plain: str
    facts: list[tuple[str, str]]
    special: str
    achievements: str
    contact: Contact | None
    pictures: list[PictureView]
    url: str
    permalink: str


@dataclass
class ExampleView:
    title: str
    slug: str
    municipality_name: str
    theme: str
    summary: str
    summary_plain: str
    about: list[tuple[str, str]]
    background: str
    method: str
    results: str
    good: str
    pitfalls: str
    ahead: str
    advice: str
    references: list[Reference]
    contact: Contact | None
    pictures: list[PictureView]
    url: str
    permalink: str


@dataclass
class Edition:
    """Everything the templates of one edition share: views, images, labels, texts."""

    project: Project
    profiles: list[ProfileView] = field(default_factory=list)
    examples: list[ExampleView] = field(default_factory=list)
    images: dict[str, Image] = field(default_factory=dict)

    @property
    def settings(self) -> Settings:
        return self.project.settings

    @property
    def labels(self) -> Mapping[str, str]:
        """The fixed words in the målform of bauta.yaml."""
        return bauta_labels(self.settings.language)


def markdown_plain(markdown: str) -> str:
    """A rich field's text without formatting, paragraphs joined by a space."""
    parts: list[str] = []
    for block in walk_blocks(parse_rich(markdown)):
        if isinstance(block, Paragraph):
            parts.append(plain_text(block.children))
    return " ".join(p.strip() for p in parts if p.strip())


def caption_text(picture: Picture, photo: str = "Foto") -> str:
    """"Caption. Foto: credit" – the credit gets "Foto:" unless it already names its kind."""
    caption = picture.caption.strip()
    credit = picture.credit.strip()
    if credit and not credit.casefold().startswith(("foto", "illustrasjon", "bilde", "kart")):
        credit = f"{photo}: {credit}"
    if caption and credit:
        sep = " " if caption[-1] in ".!?" else ". "
        return f"{caption}{sep}{credit}"
    return caption or credit


def _pictures(edition: Edition, prefix: str, pictures: Sequence[Picture]) -> list[PictureView]:
    views = []
    for n, picture in enumerate(pictures, start=1):
        name = f"{prefix}-{n}"
        edition.images[name] = Image(path=picture.path)
        views.append(PictureView(name=name, alt=picture.alt,
                                 caption=caption_text(picture, edition.labels["photo"])))
    return views


def _contact(contact: Contact) -> Contact | None:
    return None if contact.empty else contact


def _fact(facts: Sequence[tuple[str, str]], label: str) -> str:
    return next((v for k, v in facts if k == label), "")


def profile_view(edition: Edition, profile: Profile) -> ProfileView:
    m = profile.municipality
    url = urls.profile_url(m.slug)
    # The facts come labelled as the form has them (bokmål); the book says them in its målform.
    names = {row.label: edition.labels.get(f"fact_{row.key}", row.label)
             for row in PROFILE_FACTS}
    facts = [(names.get(label, label), value) for label, value in profile.facts]
    return ProfileView(
        name=f"{m.name} kommune", slug=m.slug, county=_fact(profile.facts, "Fylke") or m.county,
        inhabitants=_fact(profile.facts, "Innbyggere"), intro=profile.intro,
        intro_plain=markdown_plain(profile.intro), facts=facts, special=profile.special,
        achievements=profile.achievements, contact=_contact(profile.contact),
        pictures=_pictures(edition, urls.picture_stem("profil", m.slug), profile.pictures),
        url=url,
        permalink=urls.permalink(edition.settings.base_url, url),
    )


def example_view(edition: Edition, example: Example) -> ExampleView:
    m = example.municipality
    url = urls.example_url(example.slug)
    labels = edition.labels
    about = [(labels["municipality"], f"{m.name} kommune"), (labels["theme"], example.theme),
             (labels["period"], example.period)]
    c = example.contact
    if not c.empty:
        about.append((labels["contact"], ", ".join(x for x in (c.name, c.role) if x)))
    return ExampleView(
        title=example.title, slug=example.slug, municipality_name=f"{m.name} kommune",
        theme=example.theme, summary=example.summary,
        summary_plain=markdown_plain(example.summary), about=about,
        background=example.background, method=example.method, results=example.results,
        good=example.good, pitfalls=example.pitfalls, ahead=example.ahead,
        advice=example.advice, references=example.references, contact=_contact(c),
        pictures=_pictures(edition, urls.picture_stem("eksempel", example.slug),
                           example.pictures),
        url=url,
        permalink=urls.permalink(edition.settings.base_url, url),
    )


def edition(project: Project) -> Edition:
    """The views of every selected profile and example, in editorial order."""
    ed = Edition(project=project)
    ed.profiles = [profile_view(ed, p) for p in project.selected_profiles()]
    ed.examples = [example_view(ed, e) for e in project.selected_examples()]
    return ed


# ---------------------------------------------------------------- context and meta


def _texts(project: Project) -> dict[str, EditorialText]:
    return {key: project.text(key) for key in TEXT_KEYS}


def example_references(ed: Edition) -> list[tuple[str, list[Reference]]]:
    """Each example's references under its title, without those already listed nationally
    and without repeats inside an example."""
    national = {(r.url or r.text).casefold() for r in ed.settings.references}
    out: list[tuple[str, list[Reference]]] = []
    for view in ed.examples:
        seen: set[str] = set()
        refs: list[Reference] = []
        for ref in view.references:
            key = (ref.url or ref.text).casefold()
            if key in national or key in seen:
                continue
            seen.add(key)
            refs.append(ref)
        if refs:
            out.append((f"{view.title} ({view.municipality_name})", refs))
    return out


def base_context(ed: Edition, text_level: int, section_level: int) -> dict[str, Any]:
    """What every bauta template gets; `h.text` and `h.section` are the heading marks of
    editorial text sections and of profile/example sections."""
    settings = ed.settings
    editors = ", ".join(f"{e.name} ({e.organisation})" if e.organisation else e.name
                        for e in settings.editors)
    return {
        "labels": dict(ed.labels),
        "settings": settings,
        "editors": editors,
        "texts": _texts(ed.project),
        "profiles": ed.profiles,
        "examples": ed.examples,
        "national_references": settings.references,
        "example_references": example_references(ed),
        "municipality_names": " · ".join(m.name for m in settings.municipalities),
        "back_text": settings.back_text,
        # The foreword's first paragraph: the short version and the web front page open with it.
        "foreword_intro": ed.project.text("forord").lead.split("\n\n")[0].strip(),
        "h": {"text": MdSafe("#" * text_level), "section": MdSafe("#" * section_level)},
    }


def book_meta(project: Project, kind: str, title: str, subtitle: str) -> Meta:
    """Cover, running header and properties of a bauta document."""
    settings = project.settings
    language = settings.language
    labels = meta_labels(language) | {"contents": bauta_labels(language)["contents"]}
    return Meta(
        title=title, subtitle=subtitle, municipality=settings.publisher,
        language=LANGUAGE_TAGS[language],
        header=settings.title, kind=kind, date=settings.published, labels=labels,
    )


def _unnumbered(document: Document) -> Document:
    # A book's parts are not numbered "1", "1.1": its headings keep their titles only.
    for block in walk_blocks(document.blocks):
        if isinstance(block, Heading):
            block.number = None
    return document


def render(template: str, meta: Meta, ed: Edition, context: dict[str, Any]) -> Document:
    """Render one bauta template to an unnumbered document tree."""
    rendering = Rendering(template=template, meta=meta, images=dict(ed.images))
    return _unnumbered(render_document(rendering, context))
