"""Any text in any plain text field: shown unchanged in the DOCX text and the PDF text, or
refused with a diagnostic that names the cell."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from badinput.extract import docx_text, occurrences, pdf_text
from plandoc.core.diagnostics import SourceRef
from plandoc.writers.docx import DocxWriter
from plandoc.writers.pdf import render_pdf
from properties.programmes import FILE, base, document, examples, load, printable

#: Plain text fields (sheet, row, header, required) and where the omstillingsplan shows them:
#: a lead paragraph, a heading, a paragraph, two table cells.
SHOWN = [
    ("Program", 0, "Visjon", False),
    ("Innsatsområder", 0, "Navn", True),
    ("Innsatsområder", 1, "Mål for innsatsområdet", False),
    ("Mål", 0, "Mål", True),
    ("Organisasjon", 0, "Navn", True),
    ("Organisasjon", 0, "Rolle", True),
]
#: More text fields, checked at load time only.
LOADED = [*SHOWN, ("Program", 0, "Programnavn", True), ("Program", 0, "Kommune", True),
          ("Tiltak", 1, "Navn", True)]

#: What a text may be refused for, by rule; anything else is a bug.
# A cell whose whole text is an Excel error value ("#REF!") cannot be told apart from a real
# error cell in read-only mode, so it is refused as one: a refusal at the cell, as allowed.
TEXT_RULES = {
    "tekst.kontrolltegn", "tekst.retningstegn", "tekst.tegn", "tekst.for-lang", "celle.feilverdi",
}

_LINE_BREAKS = re.compile(r"\r\n|\r|\x0b|\u2028|\u2029")
_EXCEL_ESCAPE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")

# Hostile characters hypothesis would rarely pick on its own: XML-illegal controls, a lone
# surrogate, non-characters, bidi overrides, a combining mark with nothing to join, CJK.
NASTY = ["\x00", "\x01", "\x0c", "\x1b", "\x7f", "\x85", "\ud800", "\udfff", "\ufffe",
         "\uffff", "\u202e", "\u2066", "\u0303", "中", "\U000e0001", "\U0010ffff"]


def _ref(sheet: str, row: int, header: str) -> SourceRef:
    rows = base()[sheet]
    if sheet == "Program":
        return SourceRef(FILE, sheet, f"B{list(rows[0]).index(header) + 2}")
    return SourceRef(FILE, sheet, f"{chr(ord('A') + list(rows[row]).index(header))}{row + 2}")


def _excel(text: str) -> str:
    # What Excel stores for typed text: a literal "_x0041_" is kept by escaping its "_".
    return _EXCEL_ESCAPE.sub(r"_x005F_\1", text)


def _stored(text: str) -> str:
    return unicodedata.normalize("NFC", _LINE_BREAKS.sub("\n", text)).strip()


def _fill(sheet: str, row: int, header: str, text: str) -> dict[str, list[dict[str, object]]]:
    sheets = base()
    sheets[sheet][row][header] = _excel(text)
    return sheets


def _value(programme: object, sheet: str, row: int, header: str) -> object:
    field = {"Visjon": "vision", "Programnavn": "name", "Kommune": "municipality",
             "Navn": "name", "Mål for innsatsområdet": "goal", "Mål": "text",
             "Rolle": "role"}[header]
    if sheet == "Program":
        return getattr(programme.info, field)  # type: ignore[attr-defined]
    records = {"Innsatsområder": "focus_areas", "Mål": "goals", "Organisasjon": "organisation",
               "Tiltak": "measures"}[sheet]
    return getattr(getattr(programme, records)[row], field)


any_text = st.text(
    alphabet=st.one_of(st.characters(), st.sampled_from(NASTY), st.sampled_from(printable())),
    max_size=30,
)


@settings(max_examples=examples(200), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(field=st.sampled_from(LOADED), text=any_text)
def test_any_text_is_kept_exactly_or_refused_at_its_cell(
    field: tuple[str, int, str, bool], text: str,
) -> None:
    sheet, row, header, required = field
    programme, diags = load(_fill(sheet, row, header, text))
    ref = _ref(sheet, row, header)
    stored = _stored(text)
    if not diags.items:
        assert programme is not None
        assert _value(programme, sheet, row, header) == (stored or None)
        return
    # Refused: every diagnostic is an error at this very cell, for a reason of the text's own.
    assert all(d.is_error and d.ref == ref for d in diags), [str(d) for d in diags]
    if not stored and required:
        assert [d.message.endswith("mangler; fyll ut " + ("feltet" if sheet == "Program"
                                                          else "kolonnen") + f" «{header}»")
                for d in diags] == [True]
    else:
        assert [d.rule for d in diags] in ([r] for r in TEXT_RULES), [str(d) for d in diags]


def _shown(text: str) -> str:
    """A plain text field as documents show it: one line, outer spaces gone."""
    return re.sub(r"[\n\t]", " ", _stored(text)).strip()


printable_text = st.text(alphabet=st.sampled_from(printable() + " \n\t"), min_size=1,
                         max_size=40).filter(lambda t: _shown(t) != "")


@settings(max_examples=examples(15), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(field=st.sampled_from(SHOWN), text=printable_text)
def test_printable_text_appears_unchanged_in_docx_and_pdf(
    field: tuple[str, int, str, bool], text: str,
) -> None:
    sheet, row, header, _ = field
    programme, diags = load(_fill(sheet, row, header, text))
    assert [str(d) for d in diags] == []
    assert programme is not None
    doc = document(programme, "omstillingsplan")
    shown = _shown(text)
    assert shown in docx_text(DocxWriter().render(doc))
    assert occurrences(pdf_text(render_pdf(doc)), shown) >= 1
