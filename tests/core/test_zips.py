"""The deterministic zip: parts deflated once per process give the same file as deflating each."""

from __future__ import annotations

import io
import os
import zipfile

from plandoc.core import zips


def _plain(parts: list[tuple[str, bytes]]) -> bytes:
    """What zipfile alone writes for the same entries (the writer before the cache)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=zips.ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            z.writestr(info, data)
    return out.getvalue()


def _ours(parts: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zips.DeterministicZip(out) as z:
        for name, data in parts:
            z.put(name, data)
    return out.getvalue()


def test_cached_parts_give_the_same_bytes_as_zipfile() -> None:
    font = os.urandom(70_000)  # does not compress, like an embedded font
    xml = b"<w:p><w:r><w:t>Omstillingsplan</w:t></w:r></w:p>" * 3000
    parts = [("[Content_Types].xml", b"<Types/>"), ("word/document.xml", xml),
             ("word/fonts/font1.odttf", font), ("word/media/image1.png", b"")]
    expected = _plain(parts)
    first = _ours(parts)
    again = _ours(parts)  # every large part now comes from the cache
    assert first == expected and again == expected
    with zipfile.ZipFile(io.BytesIO(again)) as z:
        assert z.testzip() is None
        assert z.read("word/fonts/font1.odttf") == font
        assert z.read("word/document.xml") == xml


def test_the_cache_stays_within_its_bound(monkeypatch: object) -> None:
    cache = zips._Deflated()
    monkeypatch.setattr(zips, "CACHE_BYTES", 200_000)  # type: ignore[attr-defined]
    blobs = [os.urandom(60_000) for _ in range(5)]
    for blob in blobs:
        cache.get(blob)
    assert cache._size <= 200_000
    assert blobs[-1] in cache._items and blobs[0] not in cache._items
