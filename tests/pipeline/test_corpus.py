"""The benchmark's corpus generator: deterministic, valid, one programme per municipality."""

from __future__ import annotations

from pathlib import Path

import pytest

from plandoc.core.paths import input_files
from plandoc.load.inputs import load_file

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def corpus(monkeypatch: pytest.MonkeyPatch) -> object:
    monkeypatch.syspath_prepend(str(ROOT))
    from bench import corpus

    return corpus


def test_names_are_distinct_and_numbered_by_county(corpus: object) -> None:
    names = corpus.municipality_names(357, 2024)  # type: ignore[attr-defined]
    assert len(names) == 357
    assert len({n for n, _, _ in names}) == 357
    assert len({number for _, number, _ in names}) == 357
    assert all(len(number) == 4 and number.isdigit() for _, number, _ in names)
    assert names == corpus.municipality_names(357, 2024)  # type: ignore[attr-defined]
    assert corpus.count_for(1.0) == 357 and corpus.count_for(0.1) == 36  # type: ignore[attr-defined]


def test_a_small_corpus_is_valid_and_the_same_every_time(
    corpus: object, tmp_path: Path
) -> None:
    first = corpus.generate(tmp_path / "a", scale=0.006)  # type: ignore[attr-defined]
    second = corpus.generate(tmp_path / "b", scale=0.006)  # type: ignore[attr-defined]
    assert len(first) == 2
    assert [p.relative_to(tmp_path / "a") for p in first] == [
        p.relative_to(tmp_path / "b") for p in second]
    municipalities = set()
    for path in first:
        files = input_files(path)
        assert len(files) == 1 + corpus.PROJECTS  # type: ignore[attr-defined]
        twin = tmp_path / "b" / path.relative_to(tmp_path / "a")
        for f in files:
            assert f.read_bytes() == (twin.parent / f.relative_to(path.parent)).read_bytes()
        programme, diags = load_file(path)
        assert programme is not None and not diags.has_errors, [str(d) for d in diags]
        assert len(programme.projects) == corpus.PROJECTS  # type: ignore[attr-defined]
        assert "Fjordvik" not in programme.info.name
        assert programme.info.municipality.endswith(" kommune")
        municipalities.add(programme.info.municipality)
    assert len(municipalities) == 2
    # Kept when asked for again with the same scale and seed.
    mtime = first[0].stat().st_mtime_ns
    assert corpus.generate(tmp_path / "a", scale=0.006) == first  # type: ignore[attr-defined]
    assert first[0].stat().st_mtime_ns == mtime
