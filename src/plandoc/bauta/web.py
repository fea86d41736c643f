"""The web edition: front page, about page, one page per profile and per example, each at its
permanent path (urls.py), assembled into a static site with navigation and downloads."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from plandoc.bauta import urls
from plandoc.bauta.edition import Edition, ExampleView, base_context, book_meta, render
from plandoc.document import Document, Inline, Link, Meta, Text
from plandoc.i18n.bauta_labels import BAUTA
from plandoc.writers.site import Site, SitePage

#: Meta.kind of the web pages.
WEB_KIND = "bauta-web"

INDEX_TEMPLATE = "bauta/web_index.md.j2"
ABOUT_TEMPLATE = "bauta/web_about.md.j2"
PROFILE_TEMPLATE = "bauta/web_profile.md.j2"
EXAMPLE_TEMPLATE = "bauta/web_example.md.j2"

#: What the front page offers for download, in order: (label key, file under --out).
DOWNLOADS = (("download_book", f"{urls.BOOK}.pdf"), ("download_docx", f"{urls.BOOK}.docx"),
             ("download_short", f"{urls.SHORT}.pdf"))


def download_links(files: set[str], labels: Mapping[str, str] = BAUTA
                   ) -> list[tuple[str, str]]:
    """(label, site path) of the files the front page offers, among those built (`files`)."""
    return [(labels[label], urls.download_url(name)) for label, name in DOWNLOADS
            if name in files]


def _pager(examples: list[ExampleView], i: int, labels: Mapping[str, str]
           ) -> list[tuple[str, str, str]]:
    out = []
    if i > 0:
        prev = examples[i - 1]
        out.append((labels["previous"], prev.title, prev.url))
    if i + 1 < len(examples):
        nxt = examples[i + 1]
        out.append((labels["next"], nxt.title, nxt.url))
    return out


def _page_meta(ed: Edition, title: str) -> Meta:
    """A page below the front page: its own title; the site header names the publication."""
    meta = book_meta(ed.project, WEB_KIND, title, "")
    meta.municipality = meta.date = ""
    return meta


def web_pages(ed: Edition, files: set[str]) -> list[tuple[str, Document]]:
    """Every page of the web edition as (site path, document); `files` are the names of the
    book files built beside it, which the front page offers for download."""
    settings = ed.settings
    context: dict[str, Any] = base_context(ed, 2, 1) | {
        "about_url": urls.ABOUT,
        "downloads": download_links(files, ed.labels),
        "pager": [],
    }
    pages = [
        (urls.HOME, render(INDEX_TEMPLATE, book_meta(ed.project, WEB_KIND, settings.title, ""),
                           ed, context)),
        (urls.ABOUT, render(ABOUT_TEMPLATE, _page_meta(ed, ed.labels["about"]), ed, context)),
    ]
    for profile in ed.profiles:
        pages.append((profile.url, render(PROFILE_TEMPLATE, _page_meta(ed, profile.name), ed,
                                          context | {"p": profile})))
    for i, example in enumerate(ed.examples):
        pages.append((example.url, render(EXAMPLE_TEMPLATE, _page_meta(ed, example.title), ed,
                                          context | {"p": example,
                                                     "pager": _pager(ed.examples, i, ed.labels)})))
    return pages


def _trail(path: str, title: str, labels: Mapping[str, str]) -> list[tuple[str, str]]:
    home = (labels["home"], urls.HOME)
    if path == urls.HOME:
        return []
    section = urls.section_of(path)
    if section == "profiles":
        return [home, (labels["profiles"], urls.PROFILES_ANCHOR), (title, path)]
    if section == "examples":
        return [home, (labels["examples"], urls.EXAMPLES_ANCHOR), (title, path)]
    return [home, (title, path)]


def site(ed: Edition, pages: list[tuple[str, Document]], out: Path, files: set[str]) -> Site:
    """The web edition as a static site: its pages, navigation, footer, and the book files
    under `out` it offers for download."""
    settings = ed.settings
    labels = ed.labels
    footer: list[Inline] = [Text(f"{settings.title}" + (
        f" · {settings.publisher}" if settings.publisher else ""))]
    if settings.contact:
        footer += [Text(" · "), Link(f"mailto:{settings.contact}", [Text(settings.contact)])]
    return Site(
        name=settings.title,
        pages=[SitePage(path, document, _trail(path, document.meta.title, labels))
               for path, document in pages],
        nav=[(labels["home"], urls.HOME), (labels["examples"], urls.EXAMPLES_ANCHOR),
             (labels["profiles"], urls.PROFILES_ANCHOR), (labels["about"], urls.ABOUT),
             (labels["downloads"], urls.DOWNLOADS_ANCHOR)],
        extra_css=["bauta.css"],
        files=[(out / name, urls.download_url(name)) for _, name in DOWNLOADS if name in files],
        base_url=settings.base_url, footer=footer,
    )
