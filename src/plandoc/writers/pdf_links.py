"""Links between plandoc's PDFs: named destinations for every id anchor, and links to a
sibling PDF as remote go-to actions that open that file at the id."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass

import pikepdf

#: "../omstillingsplan.pdf#id_M8" as the template writes a link to a sibling PDF: a relative
#: path (no scheme), a .pdf file, a named destination.
_SIBLING = re.compile(r"^(?![A-Za-z][A-Za-z0-9+.-]*:)([^#]+\.pdf)#(\w+)$")


@dataclass(frozen=True)
class AnchorPlace:
    """Where the template put an anchor: page (1-based) and position from the top left, pt."""

    name: str
    page: int
    x: float
    y: float


def anchor_places(values: Sequence[dict]) -> list[AnchorPlace]:
    """The places Typst reports for `<plandoc-anchor>` metadata (see plandoc.typ)."""
    places: list[AnchorPlace] = []
    for value in values:
        pos = value.get("pos") or {}
        try:
            places.append(AnchorPlace(str(value["name"]), int(pos["page"]),
                                      _pt(pos["x"]), _pt(pos["y"])))
        except (KeyError, TypeError, ValueError):
            continue
    return places


def _pt(length: object) -> float:
    return float(str(length).removesuffix("pt"))


def link_targets(pdf: bytes, places: Sequence[AnchorPlace]) -> bytes:
    """`pdf` with a named destination per anchor and its sibling links as GoToR actions.

    Typst names the destinations of labelled headings only and writes a link to another
    file as a web address; a PDF reader follows a remote go-to action to the named place
    in the other file instead. Unchanged when there is nothing to do.
    """
    if not places and b"/URI" not in pdf:
        return pdf
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        changed = _name_destinations(doc, places)
        changed = _remote_links(doc) or changed
        if not changed:
            return pdf
        out = io.BytesIO()
        # The ID is derived from the content, so the same input still gives the same bytes.
        doc.save(out, deterministic_id=True, fix_metadata_version=False)
        return out.getvalue()


def _name_destinations(doc: pikepdf.Pdf, places: Sequence[AnchorPlace]) -> bool:
    if not places:
        return False
    names = doc.Root.get("/Names")
    if names is None:
        names = doc.Root.Names = pikepdf.Dictionary()
    dests = names.get("/Dests")
    entries: dict[str, pikepdf.Object] = {}
    if dests is not None and "/Names" in dests:
        flat = list(dests.Names)
        entries = {str(flat[i]): flat[i + 1] for i in range(0, len(flat) - 1, 2)}
    elif dests is not None:
        return False  # a name tree with kids: not made by Typst for plandoc; left alone
    pages = doc.pages
    for place in places:
        if place.name in entries or not 1 <= place.page <= len(pages):
            continue
        page = pages[place.page - 1]
        height = float(page.mediabox[3])
        entries[place.name] = pikepdf.Array([page.obj, pikepdf.Name.XYZ, place.x,
                                             round(height - place.y, 2), 0])
    flat_out: list[pikepdf.Object] = []
    # A name tree's keys are sorted by their bytes.
    for name in sorted(entries, key=lambda n: n.encode("utf-8")):
        flat_out += [pikepdf.String(name), entries[name]]
    names.Dests = pikepdf.Dictionary(Names=pikepdf.Array(flat_out))
    return True


def _remote_links(doc: pikepdf.Pdf) -> bool:
    changed = False
    for page in doc.pages:
        for annot in page.get("/Annots", []):
            action = annot.get("/A")
            if action is None or action.get("/S") != "/URI":
                continue
            match = _SIBLING.match(str(action.get("/URI", "")))
            if not match:
                continue
            path, name = match.groups()
            annot.A = pikepdf.Dictionary(
                Type=pikepdf.Name.Action, S=pikepdf.Name.GoToR,
                F=pikepdf.Dictionary(Type=pikepdf.Name.Filespec, F=pikepdf.String(path),
                                     UF=pikepdf.String(path)),
                D=pikepdf.String(name), NewWindow=False)
            # What a screen reader says for the link (Typst gave the bare address).
            annot.Contents = pikepdf.String(f"Lenke til {path}")
            changed = True
    return changed
