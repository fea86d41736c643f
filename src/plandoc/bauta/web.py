"""The web edition's pages as document trees: front page, about page, one page per profile
and per example, each at a permanent path."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from plandoc.bauta.book import (
    BOOK,
    SHORT,
    WEB_KIND,
    Edition,
    ExampleView,
    base_context,
    book_meta,
    render,
)
from plandoc.document import Document, Meta
from plandoc.i18n.bauta_labels import BAUTA

#: Stem prefix of web pages in build_book's list; the site writer maps "web/x/y" to x/y/.
WEB = "web/"
ABOUT_URL = "/om/"
#: Where the site offers the book's files.
DOWNLOADS_DIR = "last-ned"

INDEX_TEMPLATE = "bauta/web_index.md.j2"
ABOUT_TEMPLATE = "bauta/web_about.md.j2"
PROFILE_TEMPLATE = "bauta/web_profile.md.j2"
EXAMPLE_TEMPLATE = "bauta/web_example.md.j2"


def page_stem(url: str) -> str:
    """"/kommuner/askvik/" → "web/kommuner/askvik"; "/" → "web/index"."""
    path = url.strip("/")
    return WEB + (path or "index")


def download_links(downloads: Sequence[str]) -> list[tuple[str, str]]:
    """(label, site path) of the files the front page offers."""
    links = []
    if "pdf" in downloads:
        links.append((BAUTA["download_book"], f"/{DOWNLOADS_DIR}/{BOOK}.pdf"))
    if "docx" in downloads:
        links.append((BAUTA["download_docx"], f"/{DOWNLOADS_DIR}/{BOOK}.docx"))
    if "pdf" in downloads:
        links.append((BAUTA["download_short"], f"/{DOWNLOADS_DIR}/{SHORT}.pdf"))
    return links


def _pager(examples: list[ExampleView], i: int) -> list[tuple[str, str, str]]:
    out = []
    if i > 0:
        prev = examples[i - 1]
        out.append((BAUTA["previous"], prev.title, prev.url))
    if i + 1 < len(examples):
        nxt = examples[i + 1]
        out.append((BAUTA["next"], nxt.title, nxt.url))
    return out


def _page_meta(ed: Edition, title: str) -> Meta:
    """A page below the front page: its own title; the site header names the publication."""
    meta = book_meta(ed.project, WEB_KIND, title, "")
    meta.municipality = meta.date = ""
    return meta


def web_pages(ed: Edition, downloads: Sequence[str]) -> list[tuple[str, Document]]:
    """Every page of the web edition as (stem, document)."""
    settings = ed.settings
    context: dict[str, Any] = base_context(ed, 2, 1) | {
        "about_url": ABOUT_URL,
        "downloads": download_links(downloads),
        "pager": [],
    }
    pages = [
        (page_stem("/"), render(INDEX_TEMPLATE, book_meta(ed.project, WEB_KIND, settings.title,
                                                         ""), ed, context)),
        (page_stem(ABOUT_URL), render(ABOUT_TEMPLATE, _page_meta(ed, BAUTA["about"]), ed,
                                      context)),
    ]
    for view in ed.profiles:
        meta = _page_meta(ed, view.name)
        pages.append((page_stem(view.url), render(PROFILE_TEMPLATE, meta, ed,
                                                  context | {"p": view})))
    for i, view in enumerate(ed.examples):
        meta = _page_meta(ed, view.title)
        pages.append((page_stem(view.url), render(EXAMPLE_TEMPLATE, meta, ed,
                                                  context | {"p": view,
                                                             "pager": _pager(ed.examples, i)})))
    return pages
