"""Chart rendering is deterministic and produces real SVG and PNG."""

from plandoc.document import Chart, Series
from plandoc.writers import charts


def _chart() -> Chart:
    return Chart(
        kind="stacked-bar",
        categories=["2025", "2026"],
        series=[Series("Næringsutvikling", [1_000_000, 2_000_000]), Series("Reiseliv", [5e5, 7e5])],
        unit="kr",
    )


def test_svg_is_deterministic_and_svg() -> None:
    first = charts.render_chart(_chart(), "svg")
    charts._render_cached.cache_clear()
    second = charts.render_chart(_chart(), "svg")
    assert first == second
    assert first.lstrip().startswith(b"<?xml")
    assert b"<svg" in first


def test_png_is_png() -> None:
    data = charts.render_chart(_chart(), "png")
    assert data[:8] == b"\x89PNG\r\n\x1a\n"


def test_different_data_gives_different_chart() -> None:
    other = _chart()
    other.series[0].values[0] = 3_000_000
    assert charts.render_chart(other, "svg") != charts.render_chart(_chart(), "svg")
