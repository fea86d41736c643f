"""A static site from document trees: one HTML page per site path, shared CSS and pictures,
relative links, written into place only when complete."""

from __future__ import annotations

import hashlib
import os
import posixpath
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from plandoc.core.diagnostics import RenderError
from plandoc.core.paths import slugify
from plandoc.document import Document, Inline
from plandoc.writers.html import PRINT_CSS, SCREEN_CSS, HtmlOptions, render_html, templates_dir

#: Site folders for stylesheets and pictures.
STYLE_DIR = "stil"
PICTURE_DIR = "bilder"


@dataclass
class SitePage:
    """One page: its permanent site path ("/kommuner/askvik/"), its document and trail."""

    path: str
    document: Document
    breadcrumbs: Sequence[tuple[str, str]] = ()


@dataclass
class Site:
    """What every page shares: the site's name, menu, extra CSS, files offered for download."""

    name: str
    pages: list[SitePage]
    nav: Sequence[tuple[str, str]] = ()
    #: CSS files from templates/html/ added after plandoc.css (e.g. "bauta.css").
    extra_css: Sequence[str] = ()
    #: (source file, site path) copied as they are, e.g. (build/bauta.pdf, "/last-ned/…").
    files: Sequence[tuple[Path, str]] = ()
    #: Absolute address of the site ("https://…"), for canonical links.
    base_url: str = ""
    footer: Sequence[Inline] = ()
    _pictures: dict[Path, str] = field(default_factory=dict)


def page_file(path: str) -> str:
    """"/kommuner/askvik/" → "kommuner/askvik/index.html"; "/" → "index.html"."""
    clean = path.strip("/")
    return f"{clean}/index.html" if clean else "index.html"


def relative(target: str, page_path: str) -> str:
    """A site path ("/kommuner/askvik/#kontakt") as seen from the page at `page_path`."""
    if not target.startswith("/"):
        return target
    path, hash_, fragment = target.partition("#")
    here = page_path.strip("/")
    goal = path.strip("/")
    rel = posixpath.relpath(goal or ".", here or ".")
    if path.endswith("/") or not goal:
        rel = "./" if rel == "." else rel + "/"
    return rel + (hash_ + fragment if hash_ else "")


def _check_path(path: str) -> None:
    parts = path.strip("/").split("/")
    if not path.startswith("/") or any(p in ("", ".", "..") for p in parts if path != "/"):
        raise RenderError(f"ugyldig adresse for en nettside: {path!r}")


def write_site(site: Site, out: Path) -> list[Path]:
    """Write every page, the CSS, the pictures and the files into `out`, replacing what was
    there only once all is written (a failed build leaves the previous site)."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        written = _write(site, staging)
        old = None
        if out.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old.", dir=out.parent))
            os.replace(out, old / "site")
        os.replace(staging, out)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        return [out / p.relative_to(staging) for p in written]
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        shutil.copyfile(source, target)
    except OSError as exc:
        raise RenderError(f"kunne ikke kopiere {source}: {exc.strerror or exc}") from exc


def _write(site: Site, root: Path) -> list[Path]:
    written: list[Path] = []
    css = [SCREEN_CSS, *site.extra_css]
    folder = templates_dir()
    for name in [*css, PRINT_CSS]:
        source = folder / name
        if not source.is_file():
            raise RenderError(f"fant ikke stilarket {source}")
        _copy(source, root / STYLE_DIR / name)
        written.append(root / STYLE_DIR / name)
    for source, path in site.files:
        _check_path(path)
        _copy(source, root / path.strip("/"))
        written.append(root / path.strip("/"))

    def picture_path(source: Path) -> str:
        known = site._pictures.get(source)
        if known is None:
            # Named by content, so an unchanged picture keeps its address between builds.
            digest = hashlib.sha256(source.read_bytes()).hexdigest()[:10]
            known = f"/{PICTURE_DIR}/{slugify(source.stem)}-{digest}{source.suffix.lower()}"
            site._pictures[source] = known
            target = root / known.strip("/")
            if not target.exists():
                _copy(source, target)
                written.append(target)
        return known

    seen: set[str] = set()
    for page in site.pages:
        _check_path(page.path)
        if page.path in seen:
            raise RenderError(f"to nettsider har samme adresse {page.path}")
        seen.add(page.path)
        here = page.path

        def rewrite(url: str, here: str = here) -> str:
            return relative(url, here)

        def image_src(source: Path, here: str = here) -> str:
            return relative(picture_path(source), here)

        options = HtmlOptions(
            stylesheets=[(relative(f"/{STYLE_DIR}/{n}", here), "all") for n in css]
            + [(relative(f"/{STYLE_DIR}/{PRINT_CSS}", here), "print")],
            site_name=site.name, site_href="/", nav=site.nav,
            breadcrumbs=page.breadcrumbs,
            canonical=f"{site.base_url.rstrip('/')}{page.path}" if site.base_url else "",
            footer=site.footer, rewrite=rewrite, image_src=image_src,
        )
        target = root / page_file(page.path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render_html(page.document, options), encoding="utf-8")
        written.append(target)
    return written

