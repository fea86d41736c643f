"""Tracked changes in WordprocessingML: `w:ins`/`w:del` around runs, paragraph marks, table rows.

Knows no domain: it marks what the document tree marks (`Inserted`, `Deleted` and the
`change` of a paragraph, heading, table or table row). Word and LibreOffice list each mark
as a change to accept or reject. No `w:date` is written, so the same tree gives the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass

AUTHOR = "plandoc"


@dataclass
class Revisions:
    """Hands out the revision ids, unique within one document."""

    last: int = 0

    def next(self) -> int:
        self.last += 1
        return self.last


def inserted(runs: str, rid: int) -> str:
    """Runs wrapped as an insertion."""
    return f'<w:ins w:id="{rid}" w:author="{AUTHOR}">{runs}</w:ins>' if runs else ""


def deleted(runs: str, rid: int) -> str:
    """Runs wrapped as a deletion: their text becomes deleted text."""
    if not runs:
        return ""
    runs = (runs.replace("<w:t ", "<w:delText ").replace("<w:t>", "<w:delText>")
            .replace("</w:t>", "</w:delText>"))
    return f'<w:del w:id="{rid}" w:author="{AUTHOR}">{runs}</w:del>'


def mark(change: str, rid: int) -> str:
    """The empty `w:ins`/`w:del` that marks a paragraph mark (inside w:rPr) or a row (w:trPr)."""
    tag = "w:ins" if change == "inserted" else "w:del"
    return f'<{tag} w:id="{rid}" w:author="{AUTHOR}"/>'


def paragraph_mark(change: str | None, rid: int) -> str:
    """The w:rPr of a paragraph's properties that marks the whole paragraph as changed."""
    return f"<w:rPr>{mark(change, rid)}</w:rPr>" if change else ""
