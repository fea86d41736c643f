"""Output path slugs."""

from pathlib import Path

import pytest

from plandoc.core.paths import inside, programme_dir, slugify


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Dyrøy kommune", "dyroy-kommune"),
        ("Ærø Åsen", "aero-asen"),
        ("Dalen, Elvbakken og Fjellheim", "dalen-elvbakken-og-fjellheim"),
        ("../../etc/passwd", "etc-passwd"),
        ("..", "uten-navn"),
        ("", "uten-navn"),
        ("Sør-Varanger", "sor-varanger"),
        ("Guovdageaidnu – Kautokeino", "guovdageaidnu-kautokeino"),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_programme_dir_stays_inside_out(tmp_path: Path) -> None:
    target = programme_dir(tmp_path, "../../../tmp/evil")
    assert inside(target, tmp_path)
    assert target.name == "tmp-evil"
