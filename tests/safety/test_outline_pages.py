"""The Word TOC's pages read from each PDF with pikepdf: the same pages pypdf's full read gives."""

from __future__ import annotations

import pytest

from plandoc.writers.pdf_pages import outline_pages, read_pages


def test_outline_pages_are_those_of_the_full_read(reference: dict[str, bytes]) -> None:
    pdfs = {name: data for name, data in reference.items() if name.endswith(".pdf")}
    assert len(pdfs) >= 4
    outlined = 0
    for name, data in pdfs.items():
        fast = outline_pages(data)
        assert fast == [e.page for e in read_pages(data).outline], name
        outlined += bool(fast)
    assert outlined >= 3  # documents with chapters, not only empty outlines


@pytest.mark.parametrize("data", [b"", b"%PDF-1.7\nnot really", b"PK\x03\x04 a zip"])
def test_a_file_pikepdf_cannot_read_is_left_to_the_full_read(data: bytes) -> None:
    assert outline_pages(data) is None
