"""Chart rendering for writers: matplotlib to SVG (PDF, HTML) or PNG (Word), deterministic."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import json
import struct
import threading
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Literal

import typst

from plandoc.diagnostics import RenderError
from plandoc.document import Chart, to_data
from plandoc.i18n.fmt import format_number
from plandoc.writers.base import atomic_write_bytes

# matplotlib over plotly/vega: it renders offline to SVG and PNG with no browser or server,
# ships its own font (DejaVu Sans), and its SVG output can be made byte-stable.

#: A restrained palette that prints well in greyscale too (ColorBrewer "Blues"/"Set2" mix).
PALETTE = ("#1f4e79", "#5b9bd5", "#a5c8e4", "#70ad47", "#c5a100", "#7f7f7f", "#c0504d")

#: Width and height in inches: fits A4 text width (16 cm) at a readable size.
SIZE = (6.3, 3.2)


#: Resolution of the PNG for Word (the SVG is drawn at this size in inches).
PNG_DPI = 150

# matplotlib's rcParams are process-wide: one chart at a time (the PDF of one document may be
# written in a thread while the DOCX of the next is made).
_LOCK = threading.Lock()


#: A folder where drawn charts are kept between builds (None: only in memory).
_disk: list[Path] = []


def cache_in(folder: Path | None) -> None:
    """Keep drawn charts in `folder` across builds: regenerating documents after a template
    change then draws no chart again (and needs no matplotlib) when the numbers are the same."""
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


@lru_cache(maxsize=1)
def _renderer() -> str:
    """What the drawing depends on besides the chart: this code and the drawing libraries."""
    from importlib import metadata

    parts = [Path(__file__).read_bytes()]
    for name in ("matplotlib", "typst"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            parts.append(metadata.version(name).encode())
    return hashlib.sha256(b"\0".join(parts)).hexdigest()[:16]


@lru_cache(maxsize=64)
def _render_cached(key: str, fmt: str, data: str) -> bytes:
    # The key is only there to make the cache cheap to look up; `data` rebuilds the chart.
    del key
    raw = json.loads(data)
    with _LOCK:
        return _render(raw, fmt)


@lru_cache(maxsize=64)
def _png_cached(key: str, data: str) -> bytes:
    """The PNG is the SVG rasterised by Typst's renderer (resvg): ~25 ms where matplotlib's
    Agg needs ~300 ms to draw the chart again, and Word then shows the same drawing as the
    PDF. Measured in bench/ (issue 6)."""
    return rasterise(_render_cached(key, "svg", data), PNG_DPI)


_RASTER_SOURCE = (
    b'#set page(width: auto, height: auto, margin: 0pt, fill: white)\n'
    b'#image(bytes(sys.inputs.svg), format: "svg")\n'
)
_raster: list[typst.Compiler] = []


def rasterise(svg: bytes, dpi: int) -> bytes:
    """An SVG (with text as paths, so no fonts are needed) as a PNG of `dpi`, deterministic."""
    with _LOCK:
        if not _raster:
            _raster.append(typst.Compiler(ignore_system_fonts=True))
        png = _raster[0].compile(input=_RASTER_SOURCE, format="png", ppi=dpi,
                                 sys_inputs={"svg": svg.decode("utf-8")})
    if not isinstance(png, bytes):
        raise RenderError("diagrammet kunne ikke gjøres om til PNG")
    return _with_dpi(png, dpi)


def _with_dpi(png: bytes, dpi: int) -> bytes:
    """Add a pHYs chunk after IHDR so Word sizes the picture at `dpi`, as matplotlib did."""
    per_metre = round(dpi / 0.0254)
    body = b"pHYs" + struct.pack(">IIB", per_metre, per_metre, 1)
    chunk = struct.pack(">I", 9) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    end_of_ihdr = 8 + 4 + 4 + 13 + 4  # signature, length, type, data, crc
    if png[12:16] != b"IHDR" or b"pHYs" in png[:64]:
        return png
    return png[:end_of_ihdr] + chunk + png[end_of_ihdr:]


def _mnok(value: float, _pos: object = None) -> str:
    return format_number(round(value / 1_000_000, 2))


def _render(raw: dict, fmt: str) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    rc = {
        "svg.hashsalt": "plandoc",
        "svg.fonttype": "path",
        "font.family": "DejaVu Sans",
        "font.size": 9,
        "axes.spines.top": False,
        "axes.spines.right": False,
    }
    with matplotlib.rc_context(rc):
        fig = Figure(figsize=SIZE, dpi=150)
        ax = fig.add_subplot()
        categories: list[str] = raw["categories"]
        series: list[dict] = raw["series"]
        kind = raw["kind"]
        money = raw.get("unit") == "kr"
        if kind == "timeline":
            _timeline(ax, categories, series)
        else:
            _bars(ax, categories, series, stacked=kind == "stacked-bar")
            if money:
                ax.yaxis.set_major_formatter(FuncFormatter(_mnok))
                ax.set_ylabel("MNOK")
            elif raw.get("unit"):
                ax.set_ylabel(raw["unit"])
            ax.grid(axis="y", color="#dddddd", linewidth=0.6)
            ax.set_axisbelow(True)
            if len(series) > 1:
                ax.legend(frameon=False, fontsize=8, loc="upper left",
                          bbox_to_anchor=(1.0, 1.0))
        if raw.get("title"):
            ax.set_title(raw["title"], loc="left", fontsize=10)
        fig.tight_layout()
        buf = io.BytesIO()
        metadata = {"Date": None} if fmt == "svg" else {"Software": None}
        fig.savefig(buf, format=fmt, metadata=metadata)
        return buf.getvalue()


def _bars(ax: object, categories: list[str], series: list[dict], stacked: bool) -> None:
    n = max(len(series), 1)
    positions = list(range(len(categories)))
    bottoms = [0.0] * len(categories)
    width = 0.7 if stacked else 0.8 / n
    for i, s in enumerate(series):
        values = [float(v) for v in s["values"]]
        color = PALETTE[i % len(PALETTE)]
        if stacked:
            ax.bar(positions, values, width, bottom=bottoms, label=s["name"], color=color)
            bottoms = [b + v for b, v in zip(bottoms, values, strict=True)]
        else:
            xs = [p - 0.4 + width * (i + 0.5) for p in positions]
            ax.bar(xs, values, width, label=s["name"], color=color)
    ax.set_xticks(positions, categories)


def _timeline(ax: object, categories: list[str], series: list[dict]) -> None:
    """Milestones on a date axis: series[0].values are proleptic ordinals of the dates."""
    from matplotlib.dates import DateFormatter

    values = series[0]["values"] if series else []
    dates = [dt.date.fromordinal(int(v)) for v in values]
    ys = list(range(len(categories)))[::-1]
    ax.scatter(dates, ys, marker="D", color=PALETTE[0], zorder=3)
    for d, y, label in zip(dates, ys, categories, strict=True):
        ax.annotate(label, (d, y), xytext=(6, 0), textcoords="offset points",
                    va="center", fontsize=8)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.xaxis.set_major_formatter(DateFormatter("%m.%Y"))
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    if dates:
        span = max((max(dates) - min(dates)).days, 30)
        pad = dt.timedelta(days=span * 0.25)
        ax.set_xlim(min(dates) - dt.timedelta(days=span * 0.05), max(dates) + pad)
