"""Charts are drawn by Typst (chart.typ): deterministic SVG and PNG, and the data it gets."""

from __future__ import annotations

import datetime as dt
import io
import re
import struct
from pathlib import Path

import pytest

from plandoc.core.diagnostics import RenderError
from plandoc.document import Chart, Series
from plandoc.writers import charts


def _chart() -> Chart:
    return Chart(
        kind="stacked-bar",
        categories=["2025", "2026"],
        series=[Series("Næringsutvikling", [1_000_000, 2_000_000]), Series("Reiseliv", [5e5, 7e5])],
        unit="kr",
    )


def _fresh(chart: Chart, fmt: str) -> bytes:
    """Drawn again, not taken from the in-memory cache."""
    charts._render_cached.cache_clear()
    charts._png_cached.cache_clear()
    return charts.render_chart(chart, fmt)  # type: ignore[arg-type]


def _png_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert png[12:16] == b"IHDR"
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def test_svg_is_deterministic_and_svg() -> None:
    first = _fresh(_chart(), "svg")
    assert _fresh(_chart(), "svg") == first
    assert b"<svg" in first[:400]
    # Typst writes text as glyph outlines it refers to: a chart with words has glyphs.
    assert first.count(b"<use") > 20


def test_png_is_deterministic_and_sized_for_word() -> None:
    first = _fresh(_chart(), "png")
    assert _fresh(_chart(), "png") == first
    width, height = _png_size(first)
    # 16 × 8 cm at print resolution (300 ppi).
    assert charts.PNG_DPI >= 300
    assert abs(width - 16 / 2.54 * charts.PNG_DPI) <= 2
    assert abs(height - 8 / 2.54 * charts.PNG_DPI) <= 2
    assert b"pHYs" in first[:64]  # Word reads the resolution from it and shows 16 cm
    from PIL import Image

    with Image.open(io.BytesIO(first)) as image:
        assert round(image.info["dpi"][0]) == charts.PNG_DPI


def test_different_data_gives_different_chart() -> None:
    other = _chart()
    other.series[0].values[0] = 3_000_000
    for fmt in ("svg", "png"):
        assert charts.render_chart(other, fmt) != charts.render_chart(_chart(), fmt)


def test_labels_change_the_drawing() -> None:
    # The legend and category labels are drawn: other words, other glyphs.
    renamed = _chart()
    renamed.series[1].name = "Kultur og idrett"
    assert _glyphs(charts.render_chart(renamed, "svg")) != _glyphs(
        charts.render_chart(_chart(), "svg"))
    relabelled = _chart()
    relabelled.categories = ["2035", "2036"]
    assert charts.render_chart(relabelled, "svg") != charts.render_chart(_chart(), "svg")


def _glyphs(svg: bytes) -> list[bytes]:
    return re.findall(rb'<use[^>]*href="#([^"]+)"', svg)


def test_chart_data_for_the_template() -> None:
    data = charts.chart_data(_chart())
    assert data["kind"] == "stacked-bar"
    assert data["categories"] == ["2025", "2026"]
    assert data["legend"] is True
    assert [s["name"] for s in data["series"]] == ["Næringsutvikling", "Reiseliv"]
    assert data["series"][0]["values"] == [1.0, 2.0]  # MNOK
    assert data["series"][0]["color"] != data["series"][1]["color"]
    axis = data["axis"]
    assert axis["label"] == "MNOK"
    assert [t["label"] for t in axis["ticks"]] == ["0", "1", "2", "3"]  # stacks of 1,5 and 2,7
    assert (axis["min"], axis["max"]) == (0.0, 3.0)


@pytest.mark.parametrize(("values", "labels"), [
    ([0, 0], ["0", "0,2", "0,4", "0,6", "0,8", "1"]),  # nothing to show: 0 to 1
    ([250_000, 96_000], ["0", "0,05", "0,1", "0,15", "0,2", "0,25"]),
    ([4e6, 3.6e6], ["0", "1", "2", "3", "4"]),
    ([-1.5e6, 2e6], ["\u22122", "\u22121", "0", "1", "2"]),
    ([12_345e6, 0], ["0", "2\u00a0500", "5\u00a0000", "7\u00a0500", "10\u00a0000", "12\u00a0500"]),
])
def test_value_axis_has_four_to_six_nice_ticks(values: list[float], labels: list[str]) -> None:
    chart = Chart("bar", ["a", "b"], [Series("S", values)], unit="kr")
    ticks = charts.chart_data(chart)["axis"]["ticks"]
    assert [t["label"] for t in ticks] == labels
    assert 4 <= len(ticks) <= 6


def test_other_units_are_not_scaled() -> None:
    data = charts.chart_data(Chart("bar", ["a"], [Series("Antall", [17])], unit="stk"))
    assert data["axis"]["label"] == "stk"
    assert data["series"][0]["values"] == [17.0]
    assert data["legend"] is False


def test_stacked_negative_values_go_below_zero() -> None:
    chart = Chart("stacked-bar", ["a", "b"], [Series("A", [1e6, -5e5]), Series("B", [-2e6, 1e6])],
                  unit="kr")
    axis = charts.chart_data(chart)["axis"]
    assert axis["min"] <= -2 and axis["max"] >= 1


def test_timeline_axis_is_months() -> None:
    dates = [dt.date(2025, 5, 1), dt.date(2025, 11, 1), dt.date(2026, 3, 2)]
    chart = Chart("timeline", ["MP1 Start", "MP2 Midt", "MP3 Slutt"],
                  [Series("Milepæler", [float(d.toordinal()) for d in dates])])
    data = charts.chart_data(chart)
    labels = [t["label"] for t in data["axis"]["ticks"]]
    assert labels[0] == "05.2025" and labels[-1] == "05.2026"  # every other month
    assert all(re.fullmatch(r"\d\d\.\d{4}", t) for t in labels)
    assert len(labels) <= 7
    assert data["legend"] is False


def test_labels_are_joined_for_typst_to_wrap() -> None:
    chart = Chart("bar", ["Næringsutvikling\nog\nnyetableringer"], [Series("S", [1])])
    assert charts.chart_data(chart)["categories"] == ["Næringsutvikling og nyetableringer"]


@pytest.mark.parametrize("chart", [
    Chart("bar", [], [], unit="kr"),
    Chart("bar", ["2025", "2026"], [Series("Tom", [])], unit="kr"),
    Chart("bar", ["2025"], [Series("Null", [0.0]), Series("Også null", [0.0])]),
    Chart("bar", ["Bare én kategori med et svært langt navn som må brytes over flere linjer"],
          [Series("Et navn på en serie som er altfor langt for en forklaring " * 2, [3.0])]),
    Chart("stacked-bar", [str(y) for y in range(2010, 2030)],
          [Series(f"Serie {i}", [float(i * y % 7) for y in range(20)]) for i in range(14)]),
    Chart("bar", [f"Innsatsområde nummer {i} med langt navn" for i in range(13)],
          [Series("Budsjett", [1e5 * i for i in range(13)]), Series("Påløpt", [5e4] * 13)],
          unit="kr"),
    Chart("timeline", [], []),
    Chart("timeline", ["MP1 Eneste milepæl"], [Series("Milepæler", [739_282.0])]),
    Chart("timeline", [f"MP{i} Milepæl" for i in range(18)],
          [Series("Milepæler", [739_282.0 + 20 * i for i in range(18)])]),
], ids=["empty", "no-values", "all-zero", "long-names", "many-series", "many-categories",
        "empty-timeline", "one-milestone", "many-milestones"])
def test_awkward_charts_are_drawn(chart: Chart) -> None:
    width, height = _png_size(charts.render_chart(chart, "png"))
    size = (16 / 2.54 * charts.PNG_DPI, 8 / 2.54 * charts.PNG_DPI)
    assert abs(width - size[0]) <= 2 and abs(height - size[1]) <= 2  # the chart keeps its size


@pytest.mark.parametrize("chart", [
    Chart("pie", ["a"], [Series("S", [1.0])]),  # type: ignore[arg-type]
    Chart("bar", ["a"], [Series("S", [float("nan")])]),
    Chart("bar", ["a"], [Series("S", ["mange"])]),  # type: ignore[list-item]
    Chart("timeline", ["MP1"], [Series("Milepæler", [-5.0])]),
])
def test_bad_data_is_a_render_error(chart: Chart) -> None:
    with pytest.raises(RenderError, match=r"diagram|tidslinjen"):
        charts.render_chart(chart, "svg")


def test_typst_errors_are_render_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(charts, "_SOURCE", '#import "{template}": nothing\n{w}{h}')
    with pytest.raises(RenderError, match="diagrammet kunne ikke tegnes"):
        _fresh(_chart(), "svg")


def test_disk_cache_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "charts"
    charts.cache_in(folder)
    try:
        first = _fresh(_chart(), "png")
        assert [p.suffix for p in folder.iterdir()] == [".png"]

        def no_drawing(*_args: object) -> bytes:
            raise AssertionError("the chart should come from the disk cache")

        monkeypatch.setattr(charts, "_render", no_drawing)
        assert _fresh(_chart(), "png") == first
    finally:
        charts.cache_in(None)


def test_renderer_fingerprint_follows_chart_typ() -> None:
    assert charts.chart_template().name == "chart.typ"
    assert len(charts._renderer()) == 16
