"""The bauta anthology: project settings, the editorial sheet's rows and the submitted material."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from plandoc.core.diagnostics import SourceRef

Kind = Literal["profil", "eksempel"]
KINDS: tuple[Kind, ...] = ("profil", "eksempel")

#: The editorial statuses, in the order material moves through them.
STATUSES = ("mangler", "mottatt", "vurdert", "valgt", "avvist")
#: Only material with this status goes into the book.
SELECTED = "valgt"
PRIORITIES = ("høy", "middels", "lav")


@dataclass(frozen=True)
class Municipality:
    """A pilot municipality as bauta.yaml lists it."""

    name: str
    slug: str
    number: str = ""
    county: str = ""


@dataclass(frozen=True)
class Editor:
    """A member of the editorial group."""

    name: str
    organisation: str = ""


@dataclass(frozen=True)
class Reference:
    """One entry of a reference list: a text and, when given, a web address."""

    text: str
    url: str = ""


@dataclass(frozen=True)
class PageBudget:
    """Pages planned per part of the book (seed 002: about 100 A4 pages with the cover)."""

    cover: int = 4
    front: int = 3
    national: int = 4
    shared: int = 4
    per_profile: int = 2
    profiles_intro: int = 2
    per_example: int = 6
    examples_intro: int = 3
    references: int = 4
    #: Pages per example in the short version.
    short_per_example: int = 1


@dataclass(frozen=True)
class Section:
    """A titled piece of an editorial text (a `## ` section of a Markdown file)."""

    title: str
    body: str


@dataclass
class EditorialText:
    """One text the editorial group writes (foreword, introduction, …), split into sections.

    `lead` is the text before the first `## ` heading.
    """

    lead: str = ""
    sections: list[Section] = field(default_factory=list)
    source: SourceRef | None = None


@dataclass
class Settings:
    """bauta.yaml: what the publication is, who makes it, its deadlines and its page budget."""

    title: str
    subtitle: str = ""
    publisher: str = ""
    #: The publication date as printed ("desember 2025").
    published: str = ""
    year: int | None = None
    editors: list[Editor] = field(default_factory=list)
    contact: str = ""
    #: Where the web edition will live, e.g. "https://bauta.example.no" (for permalinks).
    base_url: str = ""
    isbn: str = ""
    #: The blurb on the back cover.
    back_text: str = ""
    #: "bokmål" or "nynorsk": the målform of the book's fixed words and its language tag.
    language: str = "bokmål"
    deadlines: dict[str, dt.date] = field(default_factory=dict)
    budget: PageBudget = field(default_factory=PageBudget)
    municipalities: list[Municipality] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    source: SourceRef | None = None

    def municipality(self, name: str) -> Municipality | None:
        folded = name.casefold().strip()
        return next((m for m in self.municipalities if m.name.casefold() == folded), None)


@dataclass
class Submission:
    """One row of the editorial sheet: an expected profile or example and its status."""

    municipality: str
    kind: Kind
    title: str = ""
    deadline: dt.date | None = None
    received: dt.date | None = None
    status: str = "mangler"
    priority: str = ""
    order: int | None = None
    file: str = ""
    slug: str = ""
    note: str = ""
    ref: SourceRef | None = None

    @property
    def selected(self) -> bool:
        return self.status == SELECTED

    def late(self, today: dt.date) -> bool:
        """Received after the deadline, or still missing when the deadline has passed."""
        if self.deadline is None:
            return False
        if self.received is not None:
            return self.received > self.deadline
        return self.status == "mangler" and today > self.deadline


@dataclass
class Picture:
    """A picture with what the book prints beside it; `path` is a checked image file."""

    path: Path
    alt: str
    caption: str = ""
    credit: str = ""
    ref: SourceRef | None = None


@dataclass
class Contact:
    name: str = ""
    role: str = ""
    email: str = ""
    phone: str = ""

    @property
    def empty(self) -> bool:
        return not (self.name or self.role or self.email or self.phone)


@dataclass
class Profile:
    """A municipality's two-page presentation. Rich fields are Markdown (escaped user text)."""

    municipality: Municipality
    #: (label, value) in the fixed order of PROFILE_FACTS; empty values kept, shown as "–".
    facts: list[tuple[str, str]] = field(default_factory=list)
    intro: str = ""
    special: str = ""
    achievements: str = ""
    contact: Contact = field(default_factory=Contact)
    pictures: list[Picture] = field(default_factory=list)
    source: str = ""


@dataclass
class Example:
    """A good-practice example written as a recipe. Rich fields are Markdown."""

    municipality: Municipality
    title: str
    slug: str
    theme: str = ""
    period: str = ""
    summary: str = ""
    background: str = ""
    method: str = ""
    results: str = ""
    good: str = ""
    pitfalls: str = ""
    ahead: str = ""
    advice: str = ""
    references: list[Reference] = field(default_factory=list)
    contact: Contact = field(default_factory=Contact)
    pictures: list[Picture] = field(default_factory=list)
    source: str = ""


@dataclass
class Project:
    """Everything one bauta build needs, loaded and checked."""

    root: Path
    settings: Settings
    submissions: list[Submission] = field(default_factory=list)
    #: Keyed by municipality slug.
    profiles: dict[str, Profile] = field(default_factory=dict)
    #: Keyed by example slug.
    examples: dict[str, Example] = field(default_factory=dict)
    #: Editorial texts by key: forord, innledning, nasjonal-del, felles-erfaringer,
    #: kommuneprofiler, eksempler.
    texts: dict[str, EditorialText] = field(default_factory=dict)

    def selected(self, kind: Kind) -> list[Submission]:
        """Rows with status valgt, in editorial order (rows without an order last)."""
        rows = [s for s in self.submissions if s.kind == kind and s.selected]
        return sorted(rows, key=lambda s: (s.order is None, s.order or 0, s.municipality))

    def selected_profiles(self) -> list[Profile]:
        slugs = [self.settings.municipality(s.municipality) for s in self.selected("profil")]
        return [self.profiles[m.slug] for m in slugs if m is not None and m.slug in self.profiles]

    def selected_examples(self) -> list[Example]:
        return [self.examples[s.slug] for s in self.selected("eksempel") if s.slug in self.examples]

    def text(self, key: str) -> EditorialText:
        return self.texts.get(key) or EditorialText()
