"""A revision as tracked changes: the adopted document's tree against the new one's.

Why a tree diff and not a comparison of two .docx files (Word's Compare, WmlComparer): plandoc
makes both documents from its own tree, so it knows what a paragraph, a heading, a table row
and a cell are. Aligning blocks, then table rows, then words gives changes a council member
can accept or reject one by one (a goal's target, a budget row), never a reshuffled layout;
and it needs no .NET or Word. The writer (writers/docx_tracked.py) only marks what is marked
here.

Blocks are aligned by kind and text (difflib); a paragraph or heading that changed becomes
one paragraph with deleted and inserted words; a table that changed keeps its equal rows,
pairs changed rows cell by cell, and marks added and removed rows. Figures are shown as they
are now (a chart is not text to compare).
"""

from __future__ import annotations

import dataclasses
import re
from difflib import SequenceMatcher

from plandoc.document import (
    Block,
    BulletList,
    Deleted,
    Document,
    Heading,
    Inline,
    Inserted,
    OrderedList,
    Paragraph,
    Table,
    Text,
    plain_text,
)

#: Words, with a number written with thousands separators ("1 250 000") kept as one word.
_WORDS = re.compile(r"[−+-]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|\s+|[^\s]+")


def _signature(block: Block) -> tuple[str, str]:
    if isinstance(block, Paragraph | Heading):
        return type(block).__name__, plain_text(block.children)
    if isinstance(block, Table):
        rows = [block.header, *block.rows]
        return "Table", "\n".join(" | ".join(plain_text(c) for c in row) for row in rows)
    if isinstance(block, BulletList | OrderedList):
        texts = [_signature(b)[1] for item in block.items for b in item]
        return type(block).__name__, "\n".join(texts)
    return type(block).__name__, ""


def words(old: str, new: str) -> list[Inline]:
    """The new text with the words removed since `old` as Deleted and those added as Inserted."""
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    out: list[Inline] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(Text("".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(Deleted([Text("".join(a[i1:i2]))]))
        if j2 > j1:
            out.append(Inserted([Text("".join(b[j1:j2]))]))
    return out


def _marked(block: Block, change: str) -> Block:
    """A whole block added or removed."""
    if isinstance(block, Paragraph | Heading | Table):
        return dataclasses.replace(block, change=change)  # type: ignore[arg-type]
    if isinstance(block, BulletList | OrderedList):
        items = [[_marked(b, change) for b in item] for item in block.items]
        return dataclasses.replace(block, items=items)
    return block


def _changed_text(old: Paragraph | Heading, new: Paragraph | Heading) -> Block:
    return dataclasses.replace(
        new, children=words(plain_text(old.children), plain_text(new.children)))


def _row_text(row: list[list[Inline]]) -> str:
    return " | ".join(plain_text(c) for c in row)


def _cells(old: list[list[Inline]], new: list[list[Inline]]) -> list[list[Inline]]:
    out = []
    for i, cell in enumerate(new):
        before = plain_text(old[i]) if i < len(old) else ""
        after = plain_text(cell)
        out.append(cell if before == after else words(before, after))
    return out


def _changed_table(old: Table, new: Table) -> Table:
    if len(old.header) != len(new.header) or _row_text(old.header) != _row_text(new.header):
        return new  # another table under the same place: shown as removed and added
    rows: list[list[list[Inline]]] = []
    changes: list[str | None] = []
    a = [_row_text(r) for r in old.rows]
    b = [_row_text(r) for r in new.rows]
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            rows += new.rows[j1:j2]
            changes += [None] * (j2 - j1)
            continue
        paired = min(i2 - i1, j2 - j1) if op == "replace" else 0
        for k in range(paired):
            rows.append(_cells(old.rows[i1 + k], new.rows[j1 + k]))
            changes.append(None)
        for k in range(i1 + paired, i2):
            rows.append(old.rows[k])
            changes.append("deleted")
        for k in range(j1 + paired, j2):
            rows.append(new.rows[k])
            changes.append("inserted")
    return dataclasses.replace(new, rows=rows, row_changes=changes)  # type: ignore[arg-type]


def diff_blocks(old: list[Block], new: list[Block]) -> list[Block]:
    """The new blocks with what changed since `old` marked for tracked changes."""
    a, b = [_signature(x) for x in old], [_signature(x) for x in new]
    out: list[Block] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out += new[j1:j2]
            continue
        olds, news = old[i1:i2], new[j1:j2]
        used: set[int] = set()
        for nb in news:
            # Pair a changed block with the first unused old block of its kind.
            k = next((k for k, ob in enumerate(olds) if k not in used
                      and type(ob) is type(nb)), None)
            if k is None or op != "replace":
                out.append(_marked(nb, "inserted"))
                continue
            used.add(k)
            ob = olds[k]
            for earlier in range(k):
                if earlier not in used:  # removed before this one
                    used.add(earlier)
                    out.append(_marked(olds[earlier], "deleted"))
            if isinstance(nb, Paragraph | Heading) and isinstance(ob, Paragraph | Heading):
                out.append(_changed_text(ob, nb))
            elif isinstance(nb, Table) and isinstance(ob, Table):
                changed = _changed_table(ob, nb)
                if changed is nb and _signature(ob) != _signature(nb):
                    out += [_marked(ob, "deleted"), _marked(nb, "inserted")]
                else:
                    out.append(changed)
            elif isinstance(nb, BulletList | OrderedList):
                out += [_marked(ob, "deleted"), _marked(nb, "inserted")]
            else:
                out.append(nb)
        out += [_marked(ob, "deleted") for k, ob in enumerate(olds) if k not in used]
    return out


def redline(old: Document, new: Document, title: str) -> Document:
    """The new document with every change since `old` as a tracked change, titled `title`."""
    meta = dataclasses.replace(new.meta, title=title, kind="endringer",
                               full_title=f"{title} – {new.meta.subtitle}".strip(" –"))
    return Document(meta=meta, blocks=diff_blocks(old.blocks, new.blocks))
