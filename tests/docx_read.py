"""Read a written .docx as Word shows it: heading numbers counted from the list numbering."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _xml(docx: Path | bytes, name: str) -> etree._Element:
    import io

    source = io.BytesIO(docx) if isinstance(docx, bytes) else docx
    with zipfile.ZipFile(source) as z:
        return etree.fromstring(z.read(name))


def _num_pr(el: etree._Element | None) -> tuple[str, str | None] | None:
    if el is None:
        return None
    num_pr = el.find(f"{W}pPr/{W}numPr")
    if num_pr is None:
        return None
    num = num_pr.find(f"{W}numId")
    lvl = num_pr.find(f"{W}ilvl")
    return (num.get(f"{W}val") if num is not None else "0",
            lvl.get(f"{W}val") if lvl is not None else None)


def word_headings(docx: Path | bytes) -> list[tuple[int, str, bool]]:
    """(level, shown text, numbered by the list) of each outlined Heading paragraph."""
    styles = {s.get(f"{W}styleId"): s for s in _xml(docx, "word/styles.xml").iter(f"{W}style")}
    numbering = _xml(docx, "word/numbering.xml")
    abstract_of = {n.get(f"{W}numId"): n.find(f"{W}abstractNumId").get(f"{W}val")
                   for n in numbering.iter(f"{W}num")}
    lvl_text = {
        (a.get(f"{W}abstractNumId"), lvl.get(f"{W}ilvl")): lvl.find(f"{W}lvlText").get(f"{W}val")
        for a in numbering.iter(f"{W}abstractNum") for lvl in a.iter(f"{W}lvl")
        if lvl.find(f"{W}lvlText") is not None
    }

    def style_num(sid: str | None) -> tuple[str, str | None] | None:
        seen = set()
        while sid and sid not in seen:
            seen.add(sid)
            st = styles.get(sid)
            found = _num_pr(st)
            if found is not None:
                return found
            based = st.find(f"{W}basedOn") if st is not None else None
            sid = based.get(f"{W}val") if based is not None else None
        return None

    def outline_level(p: etree._Element, sid: str | None) -> str | None:
        own = p.find(f"{W}pPr/{W}outlineLvl")
        if own is not None:
            return own.get(f"{W}val")
        while sid:
            st = styles.get(sid)
            if st is None:
                return None
            lvl = st.find(f"{W}pPr/{W}outlineLvl")
            if lvl is not None:
                return lvl.get(f"{W}val")
            based = st.find(f"{W}basedOn")
            sid = based.get(f"{W}val") if based is not None else None
        return None

    counters: dict[str, list[int]] = {}
    out: list[tuple[int, str, bool]] = []
    for p in _xml(docx, "word/document.xml").iter(f"{W}p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        sid = style.get(f"{W}val") if style is not None else None
        name_el = styles[sid].find(f"{W}name") if sid in styles else None
        name = name_el.get(f"{W}val").lower() if name_el is not None else ""
        m = re.fullmatch(r"heading (\d)", name)
        text = "".join(t.text or "" for t in p.iter(f"{W}t"))
        num = _num_pr(p) or style_num(sid)
        number = ""
        if num is not None and num[0] != "0":
            own_style = style_num(sid)
            ilvl = int(num[1] if num[1] is not None else (own_style or ("", "0"))[1] or 0)
            abstract = abstract_of[num[0]]
            cnt = counters.setdefault(abstract, [0] * 9)
            cnt[ilvl] += 1
            for deeper in range(ilvl + 1, 9):
                cnt[deeper] = 0
            pattern = lvl_text[(abstract, str(ilvl))]
            number = re.sub(r"%(\d)", lambda g, c=cnt: str(c[int(g.group(1)) - 1]), pattern)
        if m and outline_level(p, sid) != "9":
            shown = f"{number} {text}" if number else text
            out.append((int(m.group(1)), shown, bool(number)))
    return out


def toc_pages(docx: Path | bytes) -> list[tuple[str, int]]:
    """(entry text without tabs, cached page number) of each filled TOC entry."""
    out: list[tuple[str, int]] = []
    for p in _xml(docx, "word/document.xml").iter(f"{W}p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        if style is None or not re.fullmatch(r"TOC\d", style.get(f"{W}val", "")):
            continue
        for link in p.iter(f"{W}hyperlink"):
            texts: list[str] = []
            page: list[str] = []
            inside = False
            for r in link.iter(f"{W}r"):
                kind = r.find(f"{W}fldChar")
                if kind is not None:
                    inside = kind.get(f"{W}fldCharType") != "end"
                    continue
                (page if inside else texts).extend(t.text or "" for t in r.iter(f"{W}t"))
                if r.find(f"{W}tab") is not None and not inside:
                    texts.append(" ")
            out.append(("".join(texts).strip(), int("".join(page))))
    return out
