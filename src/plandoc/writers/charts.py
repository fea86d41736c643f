"""Chart rendering for writers: Typst (templates/typst/chart.typ) to SVG, PNG or PDF figures."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import math
import struct
import threading
import zlib
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import typst

from plandoc.core.diagnostics import RenderError
from plandoc.core.files import atomic_write_bytes
from plandoc.core.resources import shipped_templates_dir, template_subdir
from plandoc.document import Chart, to_data
from plandoc.i18n.fmt import format_number

# Typst over matplotlib: the PDF draws the chart natively from the same chart.typ (text stays
# text, ~10 ms instead of ~300 ms per chart, and no 0.5 s matplotlib import), and SVG and PNG
# come from compiling chart.typ alone, so Word, HTML and PDF show one drawing.

#: A restrained palette that prints well in greyscale too (ColorBrewer "Blues"/"Set2" mix).
PALETTE = ("#1f4e79", "#5b9bd5", "#a5c8e4", "#70ad47", "#c5a100", "#7f7f7f", "#c0504d",
           "#8064a2", "#4bacc6", "#e07b39")

#: Width and height of the chart in cm: fits A4 text width (16 cm) at a readable size.
SIZE_CM = (16.0, 8.0)

#: Resolution of the PNG for Word: print resolution at its 16 cm width.
PNG_DPI = 300

#: Kinds chart.typ draws.
KINDS = ("bar", "stacked-bar", "timeline")

#: Most ticks on the value axis (4–6 with the steps below, when the data start at zero).
MAX_TICKS = 6
_STEPS = (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5))

CHART_TEMPLATE = "chart.typ"
#: templates/typst/ of the package: chart.typ and the fonts when an override lacks them.
SHIPPED_TYPST = shipped_templates_dir() / "typst"

# Typst compiles without the GIL, but one compiler serves one compile at a time. Charts have
# their own compiler (not the PDF writer's), so the DOCX of one document can draw its chart
# while the PDF of the previous one compiles in the background thread.
_LOCK = threading.Lock()
_compiler: list[typst.Compiler] = []

#: A folder where drawn charts are kept between builds (None: only in memory).
_disk: list[Path] = []


def cache_in(folder: Path | None) -> None:
    """Keep drawn charts in `folder` across builds: regenerating documents after a template
    change then draws no chart again when the numbers are the same."""
    _disk[:] = [folder] if folder is not None else []


def render_chart(chart: Chart, fmt: Literal["png", "svg"]) -> bytes:
    """The chart as SVG or PNG bytes; the same chart always gives the same bytes."""
    key = hashlib.sha256(json.dumps(to_data(chart), sort_keys=True).encode()).hexdigest()
    data = json.dumps(to_data(chart))
    stored = _disk[0] / f"{_renderer()}-{key}.{fmt}" if _disk else None
    if stored is not None:
        with contextlib.suppress(OSError):
            return stored.read_bytes()
    drawn = _png_cached(key, data) if fmt == "png" else _render_cached(key, fmt, data)
    if stored is not None:
        with contextlib.suppress(OSError):
            stored.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(stored, drawn)
    return drawn


def chart_data(chart: Chart) -> dict[str, Any]:
    """What chart.typ draws: values in axis units, the axis with formatted tick labels and
    a colour per series. The PDF templates and the SVG/PNG compile both get this."""
    if chart.kind not in KINDS:
        raise RenderError(f"ukjent diagramtype «{chart.kind}» (bruk {', '.join(KINDS)})")
    # Typst wraps labels itself; the builders' line breaks were for a fixed-width layout.
    categories = [" ".join(str(c).split()) for c in chart.categories]
    rows = [_numbers(s.name, s.values, len(categories)) for s in chart.series]
    money = chart.unit == "kr"
    scale = 1_000_000 if money and chart.kind != "timeline" else 1
    series: list[dict[str, Any]] = [
        {"name": " ".join(str(s.name).split()), "color": PALETTE[i % len(PALETTE)],
         "values": [v / scale for v in row]}
        for i, (s, row) in enumerate(zip(chart.series, rows, strict=True))
    ]
    if chart.kind == "timeline":
        axis = _date_axis(series[0]["values"] if series else [])
    else:
        axis = _value_axis([s["values"] for s in series], len(categories),
                           stacked=chart.kind == "stacked-bar")
        axis["label"] = "MNOK" if money else chart.unit
    return {
        "kind": chart.kind,
        "title": chart.title,
        "lang": chart.lang if chart.lang in ("nb", "nn") else "nb",
        "categories": categories,
        "series": series,
        "axis": axis,
        "legend": chart.kind != "timeline" and len(series) > 1,
    }


def _numbers(name: str, values: list[float], count: int) -> list[float]:
    """`values` as floats, one per category (missing ones are zero, extra ones dropped)."""
    out: list[float] = []
    for value in list(values)[:count]:
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise RenderError(f"diagrammet har en verdi som ikke er et tall i «{name}»: "
                              f"{value!r}") from None
        if not math.isfinite(number):
            raise RenderError(f"diagrammet har en ugyldig verdi i «{name}»: {value!r}")
        out.append(number)
    return out + [0.0] * (count - len(out))


def _value_axis(rows: list[list[float]], count: int, stacked: bool) -> dict[str, Any]:
    """Zero and every bar (or stack) inside an axis with 4–6 ticks on a 1-2-2,5-5 step."""
    if stacked:
        columns = list(zip(*rows, strict=True)) if rows else [()] * count
        highs = [sum(v for v in col if v > 0) for col in columns]
        lows = [sum(v for v in col if v < 0) for col in columns]
    else:
        highs = lows = [v for row in rows for v in row]
    # Rounded first so that a sum like 3.6000000000000005 does not cost an extra tick.
    hi = Decimal(repr(round(max([0.0, *highs]), 9)))
    lo = Decimal(repr(round(min([0.0, *lows]), 9)))
    if hi == lo:
        hi = lo + 1  # nothing to show: an axis of 0 to 1
    exponent = math.floor(math.log10(float(hi - lo))) - 1
    step = first = last = Decimal(0)
    for power in range(exponent, exponent + 3):
        for mantissa in _STEPS:
            step = mantissa.scaleb(power)
            first = (lo / step).to_integral_value(ROUND_FLOOR)
            last = (hi / step).to_integral_value(ROUND_CEILING)
            if last - first + 1 <= MAX_TICKS:
                break
        else:
            continue
        break
    ticks = [(k * step).normalize() for k in range(int(first), int(last) + 1)]
    return {
        "min": float(ticks[0]),
        "max": float(ticks[-1]),
        "ticks": [{"value": float(t), "label": format_number(t)} for t in ticks],
    }


def _date_axis(ordinals: list[float]) -> dict[str, Any]:
    """A month axis (mm.yyyy) from the first month of the milestones to past the last one,
    with at most seven ticks on a step of 1, 2, 3, 4 or 6 months or whole years."""
    if not ordinals:
        return {"label": "", "min": 0.0, "max": 1.0, "ticks": []}
    try:
        dates = [dt.date.fromordinal(int(v)) for v in ordinals]
    except (ValueError, OverflowError):
        raise RenderError("tidslinjen har en dato utenfor gyldig område") from None
    start = min(dates).year * 12 + min(dates).month - 1
    end = max(dates).year * 12 + max(dates).month  # the month after the last milestone
    if end - start < 3:
        start, end = start - 1, end + 1  # a month either side, not a lone date at the edge
    for step in (1, 2, 3, 4, 6, 12, 24, 60, 120, 600, 1200):
        first, last = start // step * step, -(-end // step) * step
        if (last - first) // step + 1 <= 7:
            break
    months = range(first, last + 1, step)
    try:
        ticks = [dt.date(m // 12, m % 12 + 1, 1) for m in months]
    except ValueError:
        raise RenderError("tidslinjen har en dato utenfor gyldig område") from None
    return {
        "label": "",
        "min": float(ticks[0].toordinal()),
        "max": float(ticks[-1].toordinal()),
        "ticks": [{"value": float(d.toordinal()), "label": f"{d.month:02d}.{d.year}"}
                  for d in ticks],
    }


def chart_template() -> Path:
    """chart.typ of the templates folder in use ($PLANDOC_TEMPLATES), else the shipped one."""
    own = template_subdir("typst") / CHART_TEMPLATE
    return own if own.is_file() else SHIPPED_TYPST / CHART_TEMPLATE


@lru_cache(maxsize=1)
def _renderer() -> str:
    """What the drawing depends on besides the chart: this code, chart.typ and Typst."""
    from importlib import metadata

    parts = [Path(__file__).read_bytes(), chart_template().read_bytes()]
    with contextlib.suppress(metadata.PackageNotFoundError):
        parts.append(metadata.version("typst").encode())
    return hashlib.sha256(b"\0".join(parts)).hexdigest()[:16]


@lru_cache(maxsize=64)
def _render_cached(key: str, fmt: Literal["png", "svg"], data: str) -> bytes:
    # The key is only there to make the cache cheap to look up; `data` rebuilds the chart.
    del key
    return _render(json.loads(data), fmt)


@lru_cache(maxsize=64)
def _png_cached(key: str, data: str) -> bytes:
    """The PNG for Word, at PNG_DPI so Word sizes it at 16 cm."""
    del key
    return _render(json.loads(data), "png")


# A page exactly the size of the chart; white, as Word and dark-mode browsers need a ground.
_SOURCE = (
    '#import "{template}": chart\n'
    "#set page(width: auto, height: auto, margin: 0pt, fill: white)\n"
    "#chart(json(bytes(sys.inputs.chart)), width: {w}cm, height: {h}cm)\n"
)


def _render(raw: dict[str, Any], fmt: Literal["png", "svg"]) -> bytes:
    """Compile chart.typ alone for one chart (`raw` is `to_data(chart)`) to SVG or PNG."""
    chart = _chart_from(raw)
    payload = json.dumps(chart_data(chart), ensure_ascii=False)
    template = chart_template()
    source = _SOURCE.format(template=CHART_TEMPLATE, w=SIZE_CM[0], h=SIZE_CM[1]).encode()
    with _LOCK:
        if not _compiler:
            _compiler.append(typst.Compiler(
                font_paths=[str(SHIPPED_TYPST / "fonts")], ignore_system_fonts=True))
        try:
            # The source is handed over as bytes; Typst reads it as a file in `root`, where
            # chart.typ sits, and can read nothing outside that folder.
            drawn = _compiler[0].compile(
                input=source, root=str(template.parent), format=fmt,
                ppi=PNG_DPI if fmt == "png" else None, sys_inputs={"chart": payload})
        except typst.TypstError as exc:
            message = getattr(exc, "message", "") or str(exc)
            raise RenderError(f"diagrammet kunne ikke tegnes: {message}") from exc
    if not isinstance(drawn, bytes):
        raise RenderError("diagrammet kunne ikke tegnes: Typst ga ingen fil")
    return _with_dpi(drawn, PNG_DPI) if fmt == "png" else drawn


def _chart_from(raw: dict[str, Any]) -> Chart:
    from plandoc.document import Series

    try:
        return Chart(
            kind=raw["kind"], categories=list(raw["categories"]),
            series=[Series(s["name"], list(s["values"])) for s in raw["series"]],
            unit=raw.get("unit", ""), title=raw.get("title", ""), lang=raw.get("lang", "nb"),
        )
    except (KeyError, TypeError) as exc:
        raise RenderError(f"diagrammet mangler data: {exc}") from exc


def _with_dpi(png: bytes, dpi: int) -> bytes:
    """Add a pHYs chunk after IHDR so Word sizes the picture at `dpi` (Typst writes none)."""
    per_metre = round(dpi / 0.0254)
    body = b"pHYs" + struct.pack(">IIB", per_metre, per_metre, 1)
    chunk = struct.pack(">I", 9) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    end_of_ihdr = 8 + 4 + 4 + 13 + 4  # signature, length, type, data, crc
    if png[12:16] != b"IHDR" or b"pHYs" in png[:64]:
        return png
    return png[:end_of_ihdr] + chunk + png[end_of_ihdr:]
